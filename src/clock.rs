//! The wall clock, read only at the edges (the TUI loop, the CLI) and passed inward, so
//! every rule and report below is reproducible in tests.

use crate::storage::Timestamp;

/// Now, in the machine's local time with its UTC offset, to the second.
pub fn now() -> Timestamp {
    let now = chrono::Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

use chrono::Timelike;
