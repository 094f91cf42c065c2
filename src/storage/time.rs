//! Timestamps as stored: RFC 3339 text with the local UTC offset, to the second.

use chrono::{DateTime, FixedOffset, SecondsFormat};

/// A moment with its UTC offset, as the clock of a terminal gave it.
pub type Timestamp = DateTime<FixedOffset>;

pub(crate) fn to_text(at: Timestamp) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub(crate) fn from_text(text: &str) -> Option<Timestamp> {
    DateTime::parse_from_rfc3339(text).ok()
}
