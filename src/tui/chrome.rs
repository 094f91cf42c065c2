//! The frame around every screen: the status line on top, the message line and the help
//! bar at the bottom, and the quit confirmation.

use super::keys::{Binding, key_text};
use super::theme;
use crate::i18n::Msg;
use crate::storage::Timestamp;
use chrono::{Datelike, Timelike};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Whose till this is, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub structure: String,
    pub point_of_sale: Option<String>,
    pub terminal: Option<String>,
}

/// `mar. 24/11/2026 18:42`.
pub fn date_time(now: Timestamp) -> String {
    let days = Msg::Weekdays.text();
    let day = days
        .split(',')
        .nth(now.weekday().num_days_from_monday() as usize)
        .unwrap_or("");
    Msg::DateFormat.fill(&[
        &day,
        &format!("{:02}", now.day()),
        &format!("{:02}", now.month()),
        &now.year(),
        &format!("{:02}", now.hour()),
        &format!("{:02}", now.minute()),
    ])
}

/// What the status line tells.
pub struct Status<'a> {
    pub place: &'a Place,
    pub user: Option<&'a str>,
    pub printer_fault: bool,
    /// The sync to the central, when there is one: `(long form, short form)`.
    pub sync: Option<&'a (String, String)>,
}

/// `3 min`, `2 h`, `4 j`: how long ago, to the unit that matters.
fn age(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    if minutes < 60 {
        Msg::AgeMinutes.fill(&[&minutes])
    } else if minutes < 48 * 60 {
        Msg::AgeHours.fill(&[&(minutes / 60)])
    } else {
        Msg::AgeDays.fill(&[&(minutes / (24 * 60))])
    }
}

/// The sync's part of the status line: « 12 à transmettre · transmis il y a 3 min »
/// (short: « 12 à transmettre »), « centrale injoignable » in front when it is.
pub fn sync_text(shown: &crate::ops::central::worker::Shown, now: Timestamp) -> (String, String) {
    let pending = if shown.status.pending == 0 {
        Msg::CentralUpToDate.text().to_owned()
    } else {
        Msg::CentralPending.fill(&[&shown.status.pending])
    };
    let last = match shown.status.last_sync {
        Some(at) => Msg::CentralLastSync.fill(&[&age((now - at).num_seconds())]),
        None => Msg::CentralNeverSynced.text().to_owned(),
    };
    let offline = (!shown.online).then(|| Msg::CentralOffline.text());
    let long = match offline {
        Some(off) => format!("{off} · {pending} · {last}"),
        None => format!("{pending} · {last}"),
    };
    let short = match offline {
        Some(_) if shown.status.pending == 0 => Msg::CentralOffline.text().to_owned(),
        _ => pending,
    };
    (long, short)
}

/// The top line: the structure, point of sale, terminal, user, a printer fault when there
/// is one, the sync to the central when there is one, and the date and time.
pub fn status_line(frame: &mut Frame, area: Rect, status: &Status, now: Timestamp) {
    let place = status.place;
    let width = area.width as usize;
    // In full when it fits; else the short forms (no « Poste », a short date) so the
    // structure's name keeps its room.
    let compose = |short: bool| {
        let mut parts = Vec::with_capacity(5);
        if let Some(pos) = &place.point_of_sale {
            parts.push(pos.clone());
        }
        if let Some(terminal) = &place.terminal {
            parts.push(if short {
                terminal.clone()
            } else {
                format!("{} {terminal}", Msg::StatusTerminal.text())
            });
        }
        parts.push(
            status
                .user
                .map_or_else(|| Msg::StatusNoUser.text().to_owned(), str::to_owned),
        );
        if status.printer_fault {
            parts.push(Msg::StatusPrinterFault.text().to_owned());
        }
        if let Some((long, brief)) = status.sync {
            parts.push(if short { brief.clone() } else { long.clone() });
        }
        let right = if short {
            now.format("%d/%m %H:%M").to_string()
        } else {
            date_time(now)
        };
        (parts.join(" │ "), right)
    };
    let fits = |(tail, right): &(String, String)| {
        tail.chars().count() + right.chars().count() + 6 + place.structure.chars().count() <= width
    };
    let full = compose(false);
    let (tail, right) = if fits(&full) { full } else { compose(true) };
    // The structure's name gives way first: the till and the user must stay readable.
    let fixed = tail.chars().count() + right.chars().count() + 2 + 3 + 1;
    let room = width.saturating_sub(fixed);
    let structure = truncate(&place.structure, room);
    let left = if structure.is_empty() {
        tail
    } else {
        format!("{structure} │ {tail}")
    };
    let left = truncate(&left, width.saturating_sub(right.chars().count() + 3));
    let gap = width.saturating_sub(left.chars().count() + right.chars().count() + 2);
    let text = format!(" {left}{}{right} ", " ".repeat(gap));
    frame.render_widget(Paragraph::new(text).style(theme::status()), area);
}

fn truncate(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        text.to_owned()
    } else if room == 0 {
        String::new()
    } else {
        text.chars().take(room - 1).chain(['…']).collect()
    }
}

/// The help bar's lines for `bindings` (labelled ones only), wrapped to `width`.
pub fn help_lines(bindings: &[Binding], width: u16) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    let mut used = 0usize;
    for binding in bindings {
        let Some(label) = binding.label else { continue };
        let key = format!(" {} ", key_text(binding));
        let text = format!("{} ", label.text());
        let len = key.chars().count() + text.chars().count();
        if used > 0 && used + len > width as usize {
            lines.push(Line::default());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.spans.push(Span::styled(key, theme::help_key()));
            line.spans.push(Span::styled(text, theme::help_label()));
        }
        used += len;
    }
    lines
}

/// Splits the screen: status, body, message, help. Returns the body and the other parts.
pub fn layout(area: Rect, help_height: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(help_height),
    ])
    .areas(area)
}

pub fn message_line(frame: &mut Frame, area: Rect, message: Option<&(bool, String)>) {
    if let Some((is_error, text)) = message {
        let (style, prefix) = if *is_error {
            (theme::error(), "⚠ ")
        } else {
            (theme::info(), "")
        };
        frame.render_widget(
            Paragraph::new(format!(" {prefix}{text}")).style(style),
            area,
        );
    }
}

/// A box of `width` × `height` in the middle of `area` (smaller if `area` is).
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

pub fn confirm_quit(frame: &mut Frame, area: Rect) {
    let popup = centred(area, 40, 4);
    frame.render_widget(Clear, popup);
    let text = vec![
        Line::styled(Msg::QuitConfirm.text(), theme::title()),
        Line::raw(Msg::QuitConfirmHint.text()),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn french_date_on_the_status_line() {
        let now = DateTime::parse_from_rfc3339("2026-11-24T08:05:00+01:00").expect("time");
        assert_eq!(date_time(now), "mar. 24/11/2026 08:05");
    }
}
