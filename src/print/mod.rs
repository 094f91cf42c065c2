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
pub mod label;
pub mod pdf;
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

use std::time::Duration;

/// A till's receipt printer: its profile and the queue that feeds it.
pub struct Printer {
    pub profile: Profile,
    queue: PrintQueue,
}

impl Printer {
    /// Starts the queue for the printer at `target` (retrying every two seconds).
    pub fn start(target: Target, profile: Profile) -> Printer {
        Printer {
            profile,
            queue: PrintQueue::start(target, Duration::from_secs(2)),
        }
    }

    /// Lays `slip` out for this printer and queues it; returns at once.
    pub fn print(&self, title: &str, slip: &Slip) -> Result<(), PrintError> {
        let bytes = escpos::render(slip, &self.profile)?;
        self.queue.submit(Job {
            title: title.to_owned(),
            bytes,
        });
        Ok(())
    }

    pub fn status(&self) -> QueueStatus {
        self.queue.status()
    }
}
