//! The business day is the till's session, not the calendar date: it opens with the
//! terminal's first real document after its last Z (the opening float, as a rule), it
//! closes with its Z, and it lasts at most 24 hours — as the certified French tills do
//! (Odoo's `l10n_fr_pos_cert` refuses a session older than a day). A café evening from
//! 18:00 to 01:00 is one day with one Z; after a Z made by mistake at noon, a second
//! session opens the same day (its closing period is `YYYY-MM-DD#2`).
//!
//! Every document of a session carries the session's date; its figures are the
//! terminal's documents of that date written after the previous Z.
//!
//! The clock only moves forward: a document dated before its terminal's last one (beyond
//! [`CLOCK_TOLERANCE`]) or in a month already closed is refused, so a clock put forward
//! then back cannot slip sales into a closed period.

use super::JournalError;
use super::document::{Context, DocKind};
use crate::domain::TerminalCode;
use crate::storage::journal::{self as store, Span};
use crate::storage::{Timestamp, Tx, sessions};
use chrono::Duration;

/// How long a session may run before its Z is required.
pub const MAX_SESSION: Duration = Duration::hours(24);

/// How far behind its last document a terminal's clock may be (a clock set right by NTP,
/// a minute's drift) before a document is refused.
pub const CLOCK_TOLERANCE: Duration = Duration::minutes(5);

/// A terminal's business day: the open session, or the one the next document opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessDay {
    /// The local date the session opened, `YYYY-MM-DD`: every document of it carries it.
    pub date: String,
    /// 1 for the first session of that date, 2 after a first Z the same day …
    pub ordinal: i64,
    /// The session's documents are those of its date with an id above this one (the
    /// previous Z's document, 0 for none).
    pub after: i64,
    /// When its first document was written; `None` while nothing was written since the
    /// last Z (the next document opens it).
    pub opened_at: Option<Timestamp>,
}

impl BusinessDay {
    /// The period its Z closes: the date, then `date#2`, `date#3` for later sessions the
    /// same day (sorting after the date, before the next one).
    pub fn period(&self) -> String {
        if self.ordinal <= 1 {
            self.date.clone()
        } else {
            format!("{}#{}", self.date, self.ordinal)
        }
    }

    /// The documents of the session.
    pub fn span<'a>(&'a self, terminal: &'a str) -> Span<'a> {
        Span {
            terminal,
            from: &self.date,
            to: &self.date,
            after: self.after,
        }
    }

    pub fn is_open(&self) -> bool {
        self.opened_at.is_some()
    }
}

/// The terminal's business day at `at`: the session open since its last Z, or the one a
/// document written at `at` would open.
pub fn current(tx: &Tx, terminal: &str, at: Timestamp) -> Result<BusinessDay, JournalError> {
    let after = sessions::last_closing(tx, terminal, "day")?.map_or(0, |(id, _)| id);
    let (date, opened_at) = match sessions::first_document_after(tx, terminal, after)? {
        Some((date, created)) => (date, crate::storage::parse_timestamp(&created)),
        None => (calendar_date(at), None),
    };
    let ordinal = sessions::sessions_closed_on(tx, terminal, &date)? + 1;
    Ok(BusinessDay {
        date,
        ordinal,
        after,
        opened_at,
    })
}

/// The local date of a moment, `YYYY-MM-DD`.
pub fn calendar_date(at: Timestamp) -> String {
    at.date_naive().format("%Y-%m-%d").to_string()
}

/// The business day a new document of `ctx` lands in. Refused: a clock gone back before
/// the journal's last document, a real session older than [`MAX_SESSION`] (its Z comes
/// first), a date in a month already closed on this terminal. Training documents are
/// never held back by the session, only by the clock.
pub fn for_writing(tx: &Tx, ctx: &Context) -> Result<BusinessDay, JournalError> {
    check_clock(tx, &ctx.terminal, ctx.at)?;
    let terminal = ctx.terminal.as_str();
    let day = current(tx, terminal, ctx.at)?;
    if ctx.training {
        return Ok(day);
    }
    if let Some(opened) = day.opened_at
        && ctx.at.signed_duration_since(opened) > MAX_SESSION
    {
        return Err(JournalError::DayNotClosed(day.date));
    }
    let month = &day.date[..7];
    if store::is_closed(tx, terminal, "month", month)? {
        return Err(JournalError::PeriodClosed(month.to_owned()));
    }
    Ok(day)
}

/// Refuses a moment before the terminal's last ticket or proof, beyond the tolerance.
/// Per terminal: two tills are two clocks, and the skim to stop is one till's clock put
/// back into a period it already closed (its month closings, which another terminal's
/// Z may write, are guarded by [`for_writing`]'s closed-month check instead).
pub fn check_clock(tx: &Tx, terminal: &TerminalCode, at: Timestamp) -> Result<(), JournalError> {
    let series = [DocKind::Ticket, DocKind::Proof]
        .map(|kind| super::document::series(terminal, false, kind));
    let series = series.each_ref().map(String::as_str);
    let last = sessions::last_times(tx, &series)?
        .iter()
        .filter_map(|t| crate::storage::parse_timestamp(t))
        .max();
    match last {
        Some(last) if at < last - CLOCK_TOLERANCE => Err(JournalError::ClockBehind {
            at: at.format("%d/%m/%Y %H:%M").to_string(),
            last: last.format("%d/%m/%Y %H:%M").to_string(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_of_later_sessions_sort_between_their_date_and_the_next() {
        let day = |ordinal| BusinessDay {
            date: "2026-12-02".into(),
            ordinal,
            after: 0,
            opened_at: None,
        };
        assert_eq!(day(1).period(), "2026-12-02");
        assert_eq!(day(2).period(), "2026-12-02#2");
        assert!(day(2).period().as_str() > "2026-12-02");
        assert!(day(9).period().as_str() < "2026-12-03");
        assert_eq!(&day(2).period()[..7], "2026-12");
    }
}
