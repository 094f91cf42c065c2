//! Use-cases: one function per thing a person does, one transaction each.
//!
//! Every function that changes the structure takes the [`Session`] of the person doing it
//! and checks their role here, not only by hiding a menu: a cashier's session cannot
//! add a user whatever screen or command calls it. A `Session` is only made by
//! [`auth::login_at`] (or by set-up for the first manager), so it cannot be forged by a
//! caller. Time comes in as a parameter.

pub mod attestation;
pub mod auth;
pub mod cafe;
pub mod categories;
pub mod central;
pub mod demo;
mod demo_history;
mod demo_members;
mod demo_shop;
mod demo_sorting;
mod drafts;
mod drawer;
mod error;
pub mod grid;
pub mod journal;
pub mod key;
pub mod member_data;
pub mod member_import;
pub mod members;
pub mod menu;
pub mod oressource;
pub mod places;
pub mod printing;
mod refund;
pub mod reports;
mod session;
pub mod setup;
pub mod sorting;
pub mod stock;
pub mod tax_receipts;
pub mod till;
pub mod users;

pub use error::OpsError;
pub use session::Session;

/// The result of a use-case.
pub type Result<T, E = OpsError> = std::result::Result<T, E>;
