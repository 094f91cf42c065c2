//! Printing: printer profiles, our code-page encoder, slips (receipts, duplicates, X and
//! Z, kitchen tickets, test pages) rendered to ESC/POS, where printers are, and the print queue that keeps
//! a slow or absent printer from ever blocking the till.
//!
//! Nothing here knows the terminal or SQL: slips are built from journal payloads.

pub mod a4;
pub mod board;
pub mod codepage;
pub mod document;
mod error;
pub mod escpos;
pub mod inspect;
pub mod kitchen;
pub mod label;
pub mod member_card;
pub mod pdf;
pub mod profile;
pub mod queue;
pub mod receipt;
mod slip_payload;
pub mod stations;
pub mod target;
pub mod tax_receipt;

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

    /// The same with the database as the queue's spool (jobs survive a restart).
    pub fn start_spooled(
        target: Target,
        profile: Profile,
        spool: crate::storage::Store,
    ) -> Printer {
        let ask_status = profile.features.status;
        Printer {
            profile,
            queue: PrintQueue::start_checked(target, Duration::from_secs(2), spool, ask_status),
        }
    }

    /// Stops the queue, waiting a few seconds at most: how many jobs stay queued.
    pub fn shutdown(&mut self) -> usize {
        self.queue.shutdown(queue::EXIT_WAIT)
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

    /// Queues bytes already laid out (a job printed again from the spool).
    pub fn resubmit(&self, title: &str, bytes: Vec<u8>) {
        self.queue.submit(Job {
            title: title.to_owned(),
            bytes,
        });
    }

    /// The address of this printer, as the spool names it.
    pub fn address(&self) -> &str {
        self.queue.address()
    }
}

/// Where labels go and in which language: a TSPL label printer, a receipt roll, or PDF
/// sheets (to a file an office printer prints).
pub struct LabelPrinter {
    /// A printer profile id, or `pdf-3x8` / `pdf-2x7` for sheets.
    pub output: String,
    queue: PrintQueue,
}

impl LabelPrinter {
    /// Checks `output` names a label profile, a receipt profile or a PDF sheet.
    pub fn start(target: Target, output: &str) -> Result<LabelPrinter, PrintError> {
        LabelPrinter::format_of(output)?;
        Ok(LabelPrinter {
            output: output.to_owned(),
            queue: PrintQueue::start(target, Duration::from_secs(2)),
        })
    }

    /// The same with the database as the queue's spool.
    pub fn start_spooled(
        target: Target,
        output: &str,
        spool: crate::storage::Store,
    ) -> Result<LabelPrinter, PrintError> {
        LabelPrinter::format_of(output)?;
        Ok(LabelPrinter {
            output: output.to_owned(),
            queue: PrintQueue::start_spooled(target, Duration::from_secs(2), spool),
        })
    }

    /// Stops the queue, waiting a few seconds at most: how many jobs stay queued.
    pub fn shutdown(&mut self) -> usize {
        self.queue.shutdown(queue::EXIT_WAIT)
    }

    /// The format and the profile or sheet an output name stands for.
    fn format_of(output: &str) -> Result<(label::LabelFormat, Option<String>, String), PrintError> {
        if let Some(sheet) = output.strip_prefix("pdf-") {
            pdf::Sheet::named(sheet)?;
            return Ok((label::LabelFormat::Pdf, None, sheet.to_owned()));
        }
        let profile = Profile::by_id(output)?;
        let format = if profile.label.is_some() {
            label::LabelFormat::Tspl
        } else {
            label::LabelFormat::Escpos
        };
        Ok((format, Some(profile.id), "3x8".to_owned()))
    }

    /// Lays the labels out and queues them as one job.
    pub fn print(&self, title: &str, labels: &[label::Label]) -> Result<(), PrintError> {
        let (format, profile, sheet) = LabelPrinter::format_of(&self.output)?;
        let bytes = label::render(labels, format, profile.as_deref(), &sheet, 0)?;
        self.queue.submit(Job {
            title: title.to_owned(),
            bytes,
        });
        Ok(())
    }

    pub fn status(&self) -> QueueStatus {
        self.queue.status()
    }

    /// Queues bytes already laid out (a job printed again from the spool).
    pub fn resubmit(&self, title: &str, bytes: Vec<u8>) {
        self.queue.submit(Job {
            title: title.to_owned(),
            bytes,
        });
    }

    /// The address of this printer, as the spool names it.
    pub fn address(&self) -> &str {
        self.queue.address()
    }
}
