//! Printing: printer profiles, our code-page encoder, slips (receipts, duplicates, X and
//! Z, test pages) rendered to ESC/POS, where printers are, and the print queue that keeps
//! a slow or absent printer from ever blocking the till.
//!
//! Nothing here knows the terminal or SQL: slips are built from journal payloads.

pub mod codepage;
pub mod document;
mod error;
pub mod escpos;
pub mod inspect;
pub mod profile;
pub mod queue;
pub mod receipt;
pub mod target;

pub use codepage::CodePage;
pub use document::Slip;
pub use error::PrintError;
pub use profile::Profile;
pub use queue::{Job, PrintQueue, QueueStatus};
pub use target::Target;
