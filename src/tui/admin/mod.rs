//! The manager's lists: one file per kind of row, each a [`super::table::Table`].

pub mod categories;
pub mod items;
pub mod markdown;
pub mod members;
pub mod menu;
pub mod payment_methods;
pub mod points_of_sale;
pub mod price_grid;
pub mod print_jobs;
pub mod sorting_lists;
pub mod structure;
pub mod terminals;
pub mod users;
