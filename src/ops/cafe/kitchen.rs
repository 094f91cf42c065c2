//! The café's stations: « Envoyer » turns an order's new lines into numbered tickets for
//! the crêperie and the bar (and « ANNULÉ » slips for lines removed after), the last one
//! can be printed again, and a station's screen lists what waits and marks it « prêt ».

use super::{mode_name, require_cafe, station_name};
use crate::domain::cafe::Station;
use crate::i18n::Msg;
use crate::ops::{OpsError, Result, Session};
use crate::print::kitchen::{KitchenLine, KitchenTicket};
use crate::storage::cafe::{self, Line};
use crate::storage::kitchen;
use crate::storage::{Store, Timestamp};

/// « Envoyer »: the order's lines not sent yet, one ticket per station (the bar, the
/// crêperie), and an « ANNULÉ » ticket for each line removed since it was sent — each
/// numbered in its station's series and recorded, the lines marked so they never go out
/// twice, all in one transaction. Lines served at the counter are marked without a
/// ticket. An order with no line is refused; nothing new gives no ticket. The caller
/// spools the tickets to the stations' printers.
pub fn send(
    store: &mut Store,
    session: &Session,
    order: i64,
    now: Timestamp,
) -> Result<Vec<(Station, KitchenTicket)>> {
    require_cafe(session)?;
    let server = session.name().to_string();
    store.write(|tx| {
        let open = cafe::order(tx, order)?;
        let lines = cafe::lines(tx, order)?;
        if lines.iter().all(|l| l.cancelled) {
            return Err(OpsError::OrderEmpty(open.label));
        }
        let label = if open.is_table {
            Msg::KitchenTable.fill(&[&open.label])
        } else {
            open.label.clone()
        };
        let mut tickets = Vec::new();
        let counter: Vec<i64> = lines
            .iter()
            .filter(|l| !l.sent && !l.cancelled && l.station == Station::None)
            .map(|l| l.id)
            .collect();
        cafe::mark_sent(tx, &counter, now)?;
        for cancellation in [false, true] {
            for station in [Station::Creperie, Station::Bar] {
                let chosen: Vec<&Line> = lines
                    .iter()
                    .filter(|l| l.station == station)
                    .filter(|l| {
                        if cancellation {
                            l.sent && l.cancelled && !l.cancel_sent
                        } else {
                            !l.sent && !l.cancelled
                        }
                    })
                    .collect();
                if chosen.is_empty() {
                    continue;
                }
                let mut ticket = KitchenTicket {
                    station: station_name(station),
                    number: 0,
                    label: label.clone(),
                    time: now.format("%H:%M").to_string(),
                    server: server.clone(),
                    mode: mode_name(open.mode).to_owned(),
                    cancellation,
                    lines: chosen
                        .iter()
                        .map(|l| KitchenLine {
                            quantity: l.quantity,
                            name: l.name.clone(),
                            supplements: l.supplements.clone(),
                            note: l.note.clone(),
                            other_mode: (l.mode != open.mode).then(|| mode_name(l.mode).to_owned()),
                        })
                        .collect(),
                };
                let number = kitchen::insert_kitchen_ticket(
                    tx,
                    station,
                    order,
                    cancellation,
                    &|number| {
                        let mut numbered = ticket.clone();
                        numbered.number = number;
                        serde_json::to_string(&numbered).unwrap_or_default()
                    },
                    now,
                )?;
                ticket.number = number;
                let ids: Vec<i64> = chosen.iter().map(|l| l.id).collect();
                if cancellation {
                    cafe::mark_cancel_sent(tx, &ids, now)?;
                } else {
                    cafe::mark_sent(tx, &ids, now)?;
                }
                tickets.push((station, ticket));
            }
        }
        Ok(tickets)
    })
}

/// The last ticket sent to `station`, to print again (one key at the café).
pub fn last_ticket(store: &mut Store, station: Station) -> Result<Option<KitchenTicket>> {
    let json = store.read(|tx| kitchen::last_kitchen_ticket(tx, station))?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// A ticket waiting at a station, as its screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub id: i64,
    pub order_id: i64,
    pub sent_at: Timestamp,
    pub ticket: KitchenTicket,
}

/// How far back a station's screen looks: a ticket nobody marked ready in half a day was
/// served long ago.
const QUEUE_HOURS: i64 = 12;

/// The tickets sent to `station` and not ready yet, oldest first (« ANNULÉ » ones too:
/// the cook must see them).
pub fn kitchen_queue(store: &mut Store, station: Station, now: Timestamp) -> Result<Vec<Waiting>> {
    let since = now - chrono::Duration::hours(QUEUE_HOURS);
    let rows = store.read(|tx| kitchen::waiting(tx, station, since))?;
    Ok(rows
        .into_iter()
        .filter_map(|w| {
            let ticket = serde_json::from_str(&w.ticket)
                .inspect_err(|e| tracing::warn!(error = %e, id = w.id, "kitchen ticket JSON"))
                .ok()?;
            Some(Waiting {
                id: w.id,
                order_id: w.order_id,
                sent_at: w.sent_at,
                ticket,
            })
        })
        .collect())
}

/// Marks a waiting ticket « prêt »: the café terminals show its order ready.
pub fn mark_ready(store: &mut Store, session: &Session, ticket: i64, now: Timestamp) -> Result<()> {
    require_cafe(session)?;
    Ok(store.write(|tx| kitchen::mark_ready(tx, ticket, now))?)
}
