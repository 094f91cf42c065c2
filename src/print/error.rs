//! What printing refuses or fails at, in words a cashier can act on.

use crate::i18n::Msg;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// A profile file that does not parse.
    Profile(String),
    UnknownProfile(String),
    /// A printer address in the configuration that is not `tcp:`, `device:` or `file:`.
    BadTarget(String),
    /// The printer did not take the bytes.
    Unreachable {
        target: String,
        reason: String,
    },
    /// A slip that could not be laid out.
    Render(String),
    /// A café station with no printer in the configuration.
    NoStationPrinter(String),
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            PrintError::Profile(reason) => Msg::ErrPrinterProfile.fill(&[reason]),
            PrintError::UnknownProfile(id) => Msg::ErrUnknownProfile.fill(&[id]),
            PrintError::BadTarget(text) => Msg::ErrPrinterTarget.fill(&[text]),
            PrintError::Unreachable { target, reason } => {
                Msg::ErrPrinterUnreachable.fill(&[target, reason])
            }
            PrintError::Render(reason) => Msg::ErrPrintRender.fill(&[reason]),
            PrintError::NoStationPrinter(station) => Msg::ErrNoStationPrinter.fill(&[station]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for PrintError {}
