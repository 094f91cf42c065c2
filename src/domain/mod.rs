//! Pure types and rules: money, weight, VAT rates (the café's by class and service mode),
//! PINs, roles, the structure's identity.
//!
//! No I/O and no clock here: time comes in as a parameter. Every type validates on
//! construction, so a value of it is always good; parse errors are [`DomainError`]s that
//! carry the bad input and render a French message through the catalogue.

pub mod cafe;
mod cart;
mod contribution;
mod ean13;
mod error;
mod ids;
pub mod limits;
pub mod member;
mod money;
mod name;
mod pin;
mod role;
pub mod scanner;
mod sorting;
mod structure;
pub mod tax_receipt;
mod ticket;
mod till_entry;
mod vat;
mod weight;
pub mod words;

pub use cart::{Cart, CartLine, Discount};
pub use contribution::{Allocation, Contribution, ContributionKind, Donor, allocate};
pub use ean13::{CodeKind, Ean13};
pub use error::DomainError;
pub use ids::{CategoryId, PaymentMethodId, PointOfSaleId, SiteId, TerminalCode, UserId};
pub use money::Money;
pub(crate) use money::group_thousands;
pub use name::{Name, search_key};
pub use pin::Pin;
pub use role::{Role, Roles};
pub use sorting::{
    Destination, IntakeLine, Markdown, OutboundKind, WEEK_COLOURS, marked_down, week_colour,
};
pub use structure::{PaymentKind, PosKind, Siret, VatStatus};
pub use ticket::{SaleLine, Settlement, Tender, VatTotal, settle, vat_breakdown};
pub use till_entry::{Entry, parse_entry};
pub use vat::VatRate;
pub use weight::Weight;

/// The result of a domain rule.
pub type Result<T, E = DomainError> = std::result::Result<T, E>;

#[cfg(test)]
pub(crate) mod testing {
    /// A table-driven case: `input` gives `expected`, reported at the caller's line.
    #[track_caller]
    pub fn case<T, E>(input: &str, parse: impl Fn(&str) -> Result<T, E>, expected: Result<T, E>)
    where
        T: PartialEq + std::fmt::Debug,
        E: PartialEq + std::fmt::Debug,
    {
        assert_eq!(parse(input), expected, "input: {input:?}");
    }
}
