//! The manager's lists: one file per kind of row, each a [`super::table::Table`].

pub mod categories;
pub mod payment_methods;
pub mod points_of_sale;
pub mod structure;
pub mod terminals;
pub mod users;
