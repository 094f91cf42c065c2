//! What a use-case can refuse, in words a person can act on.

use crate::domain::{DomainError, Name, Role};
use crate::i18n::Msg;
use crate::storage::{StorageError, Timestamp};
use std::fmt;

#[derive(Debug)]
pub enum OpsError {
    /// The session lacks this role.
    Forbidden(Role),
    /// A wrong PIN; this many attempts remain before the lock.
    WrongPin {
        remaining: u32,
    },
    /// Too many wrong PINs.
    Locked {
        name: Name,
        until: Timestamp,
    },
    UserDisabled(Name),
    /// Disabling or demoting this user would leave no active manager.
    LastManager,
    CategoryCycle,
    PointOfSaleInactive,
    AlreadyInitialised(Name),
    NotInitialised,
    /// The PIN could not be hashed (a broken random source).
    PinHash(String),
    /// A PIN keyed with the installation's secret, checked without the key file.
    PinNeedsKey,
    PrintJobUnknown(i64),
    /// A shortcut that is not one or two letters.
    ShortcutFormat(String),
    /// An account that is not one: kind, key and number as given.
    AccountFormat(String),
    /// A file that could not be written: its path and why.
    Write(String, String),
    /// More units asked back than the line has left.
    RefundQuantity {
        label: String,
        left: i64,
    },
    /// A drawer movement or a refund without its reason.
    MoveReasonRequired,
    /// A gift voucher offered to be paid with a voucher.
    GiftByVoucher,
    /// A menu product switched off for today.
    ProductOff(String),
    /// A « prix libre » below its minimum.
    BelowMinimum {
        product: String,
        minimum: crate::domain::Money,
    },
    /// A supplement the product does not offer.
    UnknownSupplement {
        product: String,
        supplement: String,
    },
    /// An order named by nothing, or by too long a name.
    OrderLabel(String),
    /// An order with no line to send.
    OrderEmpty(String),
    /// An order being paid in equal parts: its lines wait for the last part.
    SplitInProgress {
        label: String,
        parts: i64,
        paid: i64,
    },
    /// A till draft that could not be written.
    Draft(String),
    /// A job of a printer this machine does not drive.
    PrinterElsewhere(String),
    /// A backup of another installation.
    NotThisInstallation(std::path::PathBuf),
    /// A scanned or typed code that is no item and no voucher.
    UnknownCode(String),
    ItemSold {
        code: String,
        when: String,
        ticket: String,
    },
    ItemWithdrawn {
        code: String,
        when: String,
    },
    VoucherTooLow {
        code: String,
        balance: crate::domain::Money,
    },
    /// A category or grid entry without a price: type one.
    PriceNeeded(String),
    AlreadyRefunded(String),
    /// Nothing to record: no line of this kind.
    Empty(Msg),
    /// An item needs a weight: its category has no default.
    WeightNeeded(String),
    /// A correction must say why.
    ReasonRequired,
    /// This record was already corrected by that one: correct the newer.
    AlreadyCorrected(i64),
    /// A line of an imported file, and what is wrong with it; nothing was imported.
    FileLine {
        line: usize,
        problem: String,
    },
    /// A refusal already said in words (the membership's rules).
    Refused(String),
    Domain(DomainError),
    Storage(StorageError),
    Journal(crate::journal::JournalError),
}

impl From<crate::journal::JournalError> for OpsError {
    fn from(error: crate::journal::JournalError) -> OpsError {
        OpsError::Journal(error)
    }
}

impl From<DomainError> for OpsError {
    fn from(error: DomainError) -> OpsError {
        OpsError::Domain(error)
    }
}

impl From<StorageError> for OpsError {
    fn from(error: StorageError) -> OpsError {
        OpsError::Storage(error)
    }
}

impl fmt::Display for OpsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use OpsError as E;
        let text = match self {
            E::Forbidden(role) => Msg::ErrForbidden.fill(&[&role.label()]),
            E::WrongPin { remaining } => Msg::ErrWrongPin.fill(&[remaining]),
            E::Locked { name, until } => Msg::ErrLocked.fill(&[name, &until.format("%H:%M:%S")]),
            E::UserDisabled(name) => Msg::ErrUserDisabled.fill(&[name]),
            E::LastManager => Msg::ErrLastManager.text().to_owned(),
            E::CategoryCycle => Msg::ErrCategoryCycle.text().to_owned(),
            E::PointOfSaleInactive => Msg::ErrTerminalPosInactive.text().to_owned(),
            E::AlreadyInitialised(name) => Msg::ErrAlreadyInitialised.fill(&[name]),
            E::NotInitialised => Msg::ErrNotInitialised.text().to_owned(),
            E::PinHash(reason) => Msg::ErrPinHash.fill(&[reason]),
            E::PinNeedsKey => Msg::ErrPinNeedsKey.text().to_owned(),
            E::PrintJobUnknown(id) => Msg::ErrPrintJobUnknown.fill(&[id]),
            E::ShortcutFormat(s) => Msg::ErrShortcutFormat.fill(&[s]),
            E::AccountFormat(s) => Msg::ErrAccountFormat.fill(&[s]),
            E::Write(path, why) => Msg::ErrIo.fill(&[path, why]),
            E::RefundQuantity { label, left } => Msg::ErrRefundQuantity.fill(&[label, left]),
            E::MoveReasonRequired => Msg::ErrMoveReason.text().to_owned(),
            E::GiftByVoucher => Msg::ErrGiftByVoucher.text().to_owned(),
            E::ProductOff(name) => Msg::ErrProductOff.fill(&[name]),
            E::BelowMinimum { product, minimum } => Msg::ErrBelowMinimum.fill(&[product, minimum]),
            E::UnknownSupplement {
                product,
                supplement,
            } => Msg::ErrUnknownSupplement.fill(&[supplement, product]),
            E::OrderLabel(label) => Msg::ErrOrderLabel.fill(&[label]),
            E::OrderEmpty(label) => Msg::ErrOrderEmpty.fill(&[label]),
            E::SplitInProgress { label, parts, paid } => {
                Msg::ErrSplitInProgress.fill(&[label, paid, parts])
            }
            E::Draft(reason) => Msg::ErrDraft.fill(&[reason]),
            E::PrinterElsewhere(address) => Msg::ErrPrinterElsewhere.fill(&[address]),
            E::NotThisInstallation(path) => Msg::ErrNotThisInstallation.fill(&[&path.display()]),
            E::UnknownCode(code) => Msg::ErrUnknownCode.fill(&[code]),
            E::ItemSold { code, when, ticket } => {
                let tail = &code[code.len().saturating_sub(5)..];
                Msg::ErrItemSold.fill(&[&tail, &short_time(when), ticket])
            }
            E::ItemWithdrawn { code, when } => {
                Msg::ErrItemWithdrawn.fill(&[code, &short_time(when)])
            }
            E::VoucherTooLow { code, balance } => Msg::ErrVoucherTooLow.fill(&[code, balance]),
            E::PriceNeeded(name) => Msg::ErrPriceNeeded.fill(&[name]),
            E::AlreadyRefunded(label) => Msg::ErrAlreadyRefunded.fill(&[label]),
            E::Empty(thing) => Msg::ErrNothingToRecord.fill(&[&thing.text()]),
            E::WeightNeeded(what) => Msg::ErrWeightNeeded.fill(&[what]),
            E::ReasonRequired => Msg::ErrReasonRequired.text().to_owned(),
            E::AlreadyCorrected(newer) => Msg::ErrAlreadyCorrected.fill(&[newer]),
            E::FileLine { line, problem } => Msg::ErrFileLine.fill(&[line, problem]),
            E::Refused(text) => text.clone(),
            E::Domain(error) => error.to_string(),
            E::Storage(error) => error.to_string(),
            E::Journal(error) => error.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for OpsError {}

/// `2026-11-24T10:15:00+01:00` → `24/11/2026 à 10:15`.
fn short_time(stamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp)
        .map(|t| t.format(Msg::DateAtTime.text()).to_string())
        .unwrap_or_else(|_| stamp.to_owned())
}
