//! What the journal refuses, in words a manager can act on.

use crate::domain::DomainError;
use crate::i18n::Msg;
use crate::storage::StorageError;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum JournalError {
    Storage(StorageError),
    Domain(DomainError),
    /// The database has no installation key yet (set up before the journal existed).
    NoInstallation,
    KeyFile {
        path: PathBuf,
        reason: String,
    },
    /// The key file is not where the installation keeps it (lost, or never copied to
    /// this machine): the journal is intact, but nothing can be signed.
    KeyAbsent(PathBuf),
    /// A key file offered for import is another installation's.
    KeyNotThisInstallation {
        path: PathBuf,
        found: String,
        expected: String,
    },
    /// The key file may be read by others than its owner.
    KeyFileOpen(PathBuf),
    /// The key file's public half is not the installation's.
    KeyMismatch(PathBuf),
    /// A previous business day with sales has no Z yet.
    DayNotClosed(String),
    /// A document dated in a month already closed on its terminal.
    PeriodClosed(String),
    /// The clock went back before the journal's last document.
    ClockBehind {
        at: String,
        last: String,
    },
    /// A Z with no session to close.
    NothingToClose,
    /// A period to archive still has a session without its Z on a terminal.
    PeriodOpen {
        period: String,
        terminal: String,
        session: String,
    },
    /// A cash count with a difference needs a comment.
    CommentRequired,
    /// A refund must name a real ticket.
    NotATicket(String),
    /// A real refund of a training ticket, or a training refund of a real one.
    TrainingMix(String),
    /// An archive period that is not a whole past month or year.
    ArchivePeriod(String),
    Io {
        path: PathBuf,
        reason: String,
    },
}

impl From<StorageError> for JournalError {
    fn from(error: StorageError) -> JournalError {
        JournalError::Storage(error)
    }
}

impl From<DomainError> for JournalError {
    fn from(error: DomainError) -> JournalError {
        JournalError::Domain(error)
    }
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use JournalError as E;
        let text = match self {
            E::Storage(e) => e.to_string(),
            E::Domain(e) => e.to_string(),
            E::NoInstallation => Msg::ErrNoInstallation.text().to_owned(),
            E::KeyFile { path, reason } => Msg::ErrKeyFile.fill(&[&path.display(), reason]),
            E::KeyAbsent(path) => Msg::ErrKeyAbsent.fill(&[&path.display()]),
            E::KeyNotThisInstallation {
                path,
                found,
                expected,
            } => Msg::ErrKeyNotThisInstallation.fill(&[&path.display(), found, expected]),
            E::KeyMismatch(path) => Msg::ErrKeyMismatch.fill(&[&path.display()]),
            E::KeyFileOpen(path) => Msg::ErrKeyFileOpen.fill(&[&path.display(), &path.display()]),
            E::DayNotClosed(date) => Msg::ErrDayNotClosed.fill(&[date]),
            E::PeriodClosed(month) => Msg::ErrPeriodClosed.fill(&[month]),
            E::ClockBehind { at, last } => Msg::ErrClockBehind.fill(&[at, last]),
            E::NothingToClose => Msg::ErrNothingToClose.text().to_owned(),
            E::PeriodOpen {
                period,
                terminal,
                session,
            } => Msg::ErrPeriodOpen.fill(&[period, terminal, session]),
            E::CommentRequired => Msg::ErrCommentRequired.text().to_owned(),
            E::NotATicket(what) => Msg::ErrNotATicket.fill(&[what]),
            E::TrainingMix(what) => Msg::ErrTrainingMix.fill(&[what]),
            E::ArchivePeriod(what) => Msg::ErrArchivePeriod.fill(&[what]),
            E::Io { path, reason } => Msg::ErrIo.fill(&[&path.display(), reason]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for JournalError {}
