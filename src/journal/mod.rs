//! The fiscal journal: validated documents appended, chained and signed; closings; the
//! technical event journal (JET); verification and archives.
//!
//! Every function that appends takes the caller's write transaction, so a sale, its stock
//! moves and its document commit together or not at all. Numbers are given inside that
//! transaction (gapless per series); the end-of-chain record is rewritten and signed in
//! it too. Nothing here updates or deletes a document — the schema's triggers would
//! refuse it anyway. Payloads are canonical JSON (sorted keys, integer cents) and carry
//! every label, price and rate, so a document reads alone in ten years.

pub mod anchor;
pub mod archive;
mod chain;
pub mod closing;
mod document;
mod error;
pub mod events;
pub mod key;
pub mod key_custody;
pub mod remote;
pub mod session;
mod ticket;
pub mod verify;
mod verify_figures;

pub use chain::{GENESIS, hash as chain_hash};
pub use closing::{
    CashCount, PeriodFigures, close_day, close_due_periods, figures_json, takings_by_method,
    x_report,
};
pub use document::{Context, DocKind, DocRef, series as document_series};
pub use error::JournalError;
pub use key::InstallationKey;
pub use ticket::{
    ProofKind, RefundNote, append_duplicate, append_note, append_proof, append_proof_with,
    append_refund, append_ticket,
};

/// The software name and version printed in every payload.
pub const SOFTWARE: &str = concat!("pépite ", env!("CARGO_PKG_VERSION"));
