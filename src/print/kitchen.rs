//! The crêperie's and the bar's tickets: what to make for which table, in large type, with
//! its supplements and notes, numbered per station — and the « ANNULÉ » slip of a line
//! removed after it was sent. Not fiscal documents: orders in the making.

use super::document::{Align, Slip};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// One line to make (or to stop making).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitchenLine {
    pub quantity: i64,
    pub name: String,
    /// « + œuf, + fromage », or empty.
    pub supplements: String,
    /// « sans gluten », or empty.
    pub note: String,
    /// Taken away while the order is served on site (or the other way round).
    pub other_mode: Option<String>,
}

/// A ticket for one station.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitchenTicket {
    /// « CRÊPERIE », « BAR ».
    pub station: String,
    pub number: i64,
    /// « Table 4 » or a name.
    pub label: String,
    /// `HH:MM`.
    pub time: String,
    pub server: String,
    /// « Sur place » or « À emporter ».
    pub mode: String,
    pub cancellation: bool,
    pub lines: Vec<KitchenLine>,
}

/// The slip of a kitchen or bar ticket, or of a cancellation.
pub fn kitchen_slip(ticket: &KitchenTicket) -> Slip {
    let mut slip = Slip {
        cut: true,
        ..Slip::default()
    };
    if ticket.cancellation {
        slip.big(Msg::KitchenCancelled.text());
    }
    slip.big(format!("{} n° {}", ticket.station, ticket.number));
    slip.big(ticket.label.clone());
    slip.centred(format!(
        "{} · {} · {}",
        ticket.time, ticket.server, ticket.mode
    ));
    slip.rule();
    for line in &ticket.lines {
        slip.styled(
            format!("{} × {}", line.quantity, line.name),
            Align::Left,
            true,
            true,
        );
        if !line.supplements.is_empty() {
            slip.styled(format!("   {}", line.supplements), Align::Left, true, false);
        }
        if let Some(mode) = &line.other_mode {
            slip.styled(format!("   ({mode})"), Align::Left, true, false);
        }
        if !line.note.is_empty() {
            slip.styled(format!("   ! {}", line.note), Align::Left, true, false);
        }
    }
    slip.rule();
    if ticket.cancellation {
        slip.big(Msg::KitchenCancelled.text());
    }
    slip.feed(2);
    slip
}
