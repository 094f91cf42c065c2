//! The café's use-cases: the menu kept by a manager, and the open orders the café staff
//! take by table or by name. An open order is a draft in the database (it survives a crash
//! and shows on every café terminal); each line is added on its own, so two terminals on
//! one order never lose a line. The VAT rate of a line comes from its product's class and
//! its service mode ([`crate::domain::cafe`]).

use super::{OpsError, Result, Session};
use crate::domain::cafe::{ServiceMode, Station};
use crate::domain::{Money, Role, SaleLine, limits, search_key};
use crate::i18n::Msg;
use crate::journal::{Context, DocRef, InstallationKey};
use crate::print::kitchen::{KitchenLine, KitchenTicket};
use crate::storage::cafe::{self, Line, Order, Product};
use crate::storage::{Store, Timestamp};

fn require_cafe(session: &Session) -> Result<()> {
    if session.has(Role::Cafe) || session.has(Role::Manager) {
        Ok(())
    } else {
        Err(OpsError::Forbidden(Role::Cafe))
    }
}

/// Adds a product to the menu (a manager): a shortcut of one or two letters, a price
/// within the till's limits, a « prix libre » minimum not above the suggested price.
pub fn add_product(store: &mut Store, session: &Session, product: &Product) -> Result<i64> {
    session.require(Role::Manager)?;
    if let Some(shortcut) = &product.shortcut
        && !(1..=2).contains(&shortcut.chars().count())
    {
        return Err(OpsError::ShortcutFormat(shortcut.clone()));
    }
    limits::check_amount(product.name.as_str(), product.price, limits::MAX_LINE)?;
    if let Some(minimum) = product.min_price
        && minimum > product.price
    {
        return Err(OpsError::BelowMinimum {
            product: product.name.to_string(),
            minimum,
        });
    }
    Ok(store.write(|tx| cafe::insert_product(tx, product))?)
}

/// Adds a paid supplement to a product (a manager).
pub fn add_supplement(
    store: &mut Store,
    session: &Session,
    product: i64,
    name: &str,
    price: Money,
) -> Result<i64> {
    session.require(Role::Manager)?;
    limits::check_amount(name, price, limits::MAX_LINE)?;
    Ok(store.write(|tx| cafe::insert_supplement(tx, product, name.trim(), price))?)
}

/// Switches a product on or off for today (a manager or the café staff).
pub fn set_available(store: &mut Store, session: &Session, product: i64, on: bool) -> Result<()> {
    require_cafe(session)?;
    Ok(store.write(|tx| cafe::set_available(tx, product, on))?)
}

pub fn menu(store: &mut Store) -> Result<Vec<Product>> {
    Ok(store.read(cafe::products)?)
}

fn label(text: &str) -> Result<String> {
    let label = text.trim();
    if label.is_empty() || label.chars().count() > 30 {
        return Err(OpsError::OrderLabel(text.to_owned()));
    }
    Ok(label.to_owned())
}

/// Opens an order for a table (digits) or a name; a label already open is refused.
pub fn open_order(
    store: &mut Store,
    session: &Session,
    text: &str,
    mode: ServiceMode,
    now: Timestamp,
) -> Result<i64> {
    require_cafe(session)?;
    let label = label(text)?;
    let is_table = label.chars().all(|c| c.is_ascii_digit());
    let by = session.name().to_string();
    Ok(store.write(|tx| cafe::open_order(tx, &label, is_table, mode, &by, now))?)
}

/// What a café line asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    pub product: i64,
    pub quantity: i64,
    /// `None`: the order's mode.
    pub mode: Option<ServiceMode>,
    /// Supplement names, as the product offers them.
    pub supplements: Vec<String>,
    pub note: String,
    /// The price typed for a « prix libre » product.
    pub price: Option<Money>,
}

/// Adds a line to an open order: the product's name, price (with its supplements),
/// class and station copied onto it. A product switched off is refused; a « prix libre »
/// below its minimum too, the minimum said.
pub fn add_line(
    store: &mut Store,
    session: &Session,
    order: i64,
    request: &Request,
    now: Timestamp,
) -> Result<i64> {
    require_cafe(session)?;
    let by = session.name().to_string();
    store.write(|tx| {
        let product = cafe::product(tx, request.product)?;
        if !product.available {
            return Err(OpsError::ProductOff(product.name.to_string()));
        }
        limits::check_quantity(product.name.as_str(), request.quantity)?;
        if request.quantity < 1 {
            return Err(crate::domain::DomainError::TenderSign.into());
        }
        let base = match (product.min_price, request.price) {
            (Some(minimum), Some(price)) if price < minimum => {
                return Err(OpsError::BelowMinimum {
                    product: product.name.to_string(),
                    minimum,
                });
            }
            (Some(_), Some(price)) => price,
            _ => product.price,
        };
        let offered = cafe::supplements(tx, product.id)?;
        let mut unit_price = base;
        let mut names = Vec::new();
        for wanted in &request.supplements {
            let Some((name, price)) = offered
                .iter()
                .find(|(name, _)| search_key(name) == search_key(wanted))
            else {
                return Err(OpsError::UnknownSupplement {
                    product: product.name.to_string(),
                    supplement: wanted.clone(),
                });
            };
            unit_price = unit_price.checked_add(*price)?;
            names.push(format!("+ {name}"));
        }
        limits::check_amount(
            product.name.as_str(),
            unit_price.checked_mul(request.quantity)?,
            limits::MAX_LINE,
        )?;
        let open = cafe::order(tx, order)?;
        if let Some((parts, paid)) = open.split.filter(|(_, paid)| *paid > 0) {
            return Err(OpsError::SplitInProgress {
                label: open.label,
                parts,
                paid,
            });
        }
        let line = Line {
            id: 0,
            product_id: Some(product.id),
            name: product.name.to_string(),
            unit_price,
            vat_class: product.vat_class,
            station: product.station,
            quantity: request.quantity,
            mode: request.mode.unwrap_or(open.mode),
            supplements: names.join(", "),
            note: request.note.trim().to_owned(),
            added_by: by.clone(),
            sent: false,
            cancelled: false,
            cancel_sent: false,
            paid: false,
        };
        Ok(cafe::add_line(tx, order, &line, now)?)
    })
}

pub fn open_orders(store: &mut Store) -> Result<Vec<Order>> {
    Ok(store.read(cafe::open_orders)?)
}

pub fn lines(store: &mut Store, order: i64) -> Result<Vec<Line>> {
    Ok(store.read(|tx| cafe::lines(tx, order))?)
}

/// Removes a line; one already sent to its station is kept as cancelled (its station
/// prints « ANNULÉ »). Returns whether it had been sent.
pub fn remove_line(
    store: &mut Store,
    session: &Session,
    line: i64,
    now: Timestamp,
) -> Result<bool> {
    require_cafe(session)?;
    Ok(store.write(|tx| cafe::remove_line(tx, line, now))?)
}

/// Moves an order to another table or name.
pub fn move_order(store: &mut Store, session: &Session, order: i64, text: &str) -> Result<()> {
    require_cafe(session)?;
    let label = label(text)?;
    let is_table = label.chars().all(|c| c.is_ascii_digit());
    Ok(store.write(|tx| cafe::relabel(tx, order, &label, is_table))?)
}

/// Merges open order `from` into `into` (two tables pushed together).
pub fn merge_orders(
    store: &mut Store,
    session: &Session,
    from: i64,
    into: i64,
    now: Timestamp,
) -> Result<()> {
    require_cafe(session)?;
    Ok(store.write(|tx| cafe::merge(tx, from, into, now))?)
}

fn station_name(station: Station) -> String {
    match station {
        Station::Creperie => Msg::KitchenCreperie.text().to_owned(),
        Station::Bar | Station::None => Msg::KitchenBar.text().to_owned(),
    }
}

fn mode_name(mode: ServiceMode) -> &'static str {
    match mode {
        ServiceMode::OnSite => Msg::ModeOnSite.text(),
        ServiceMode::Takeaway => Msg::ModeTakeaway.text(),
    }
}

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
                let number = cafe::insert_kitchen_ticket(
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
    let json = store.read(|tx| cafe::last_kitchen_ticket(tx, station))?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// The VAT rate of a café line: its product's class served in its mode.
fn sale_line(line: &Line) -> SaleLine {
    let label = if line.supplements.is_empty() {
        line.name.clone()
    } else {
        format!("{} ({})", line.name, line.supplements)
    };
    SaleLine {
        label,
        category: None,
        item_code: None,
        quantity: line.quantity,
        unit_price: line.unit_price,
        original_price: None,
        discount: Money::ZERO,
        discount_reason: None,
        ticket_discount: Money::ZERO,
        ticket_discount_reason: None,
        vat_rate: line.vat_class.rate(line.mode),
        grams: None,
        weight_estimated: false,
        margin_scheme: false,
        guarantee: false,
        service: Some(line.mode),
    }
}

/// Prints the bill of an open order before it is paid: a *note* in the journal (its own
/// series), with what is left to pay, line by line, and its VAT per rate.
pub fn bill(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    order: i64,
) -> Result<DocRef> {
    require_cafe(session)?;
    super::journal::write_anchored(store, key, ctx, |tx| {
        let open = cafe::order(tx, order)?;
        let lines: Vec<SaleLine> = cafe::lines(tx, order)?
            .iter()
            .filter(|l| !l.cancelled && !l.paid)
            .map(sale_line)
            .collect();
        if lines.is_empty() {
            return Err(OpsError::OrderEmpty(open.label));
        }
        Ok(crate::journal::append_note(
            tx,
            key,
            ctx,
            &open.label,
            &lines,
        )?)
    })
}

/// What a payment at the café settles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Portion {
    /// Everything left to pay.
    All,
    /// These lines now, the rest stays open.
    Lines(Vec<i64>),
    /// One of `parts` equal parts of what is left (the same number for every part).
    Share { parts: i64 },
}

/// A café payment made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settled {
    pub doc: DocRef,
    pub total: Money,
    pub change: Money,
    /// Nothing is left to pay: the order is closed.
    pub closed: bool,
}

/// Pays part or all of an open order: a ticket of the terminal's series, its lines at
/// the rate of their class and mode. Lines paid are marked; equal parts are tickets of
/// one line per VAT rate (that rate's share, the cents that do not divide going to the
/// first parts, so the parts add up to every rate's total), the lines marked paid with
/// the last part. The order closes when nothing is left.
pub fn settle(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    order: i64,
    portion: &Portion,
    payments: &[super::till::Payment],
) -> Result<Settled> {
    require_cafe(session)?;
    if payments.iter().any(|p| p.amount.cents() <= 0) {
        return Err(crate::domain::DomainError::TenderSign.into());
    }
    let tenders: Vec<_> = payments.iter().map(super::till::tender_of).collect();
    super::journal::write_anchored(store, key, ctx, |tx| {
        let open = cafe::order(tx, order)?;
        let due: Vec<Line> = cafe::lines(tx, order)?
            .into_iter()
            .filter(|l| !l.cancelled && !l.paid)
            .collect();
        if due.is_empty() {
            return Err(OpsError::OrderEmpty(open.label));
        }
        let splitting = open.split.filter(|(_, paid)| *paid > 0);
        let (lines, paid, split) = match portion {
            Portion::All | Portion::Lines(_) if splitting.is_some() => {
                let (parts, paid) = splitting.unwrap_or_default();
                return Err(OpsError::SplitInProgress {
                    label: open.label,
                    parts,
                    paid,
                });
            }
            Portion::All => (
                due.iter().map(sale_line).collect::<Vec<_>>(),
                due.iter().map(|l| l.id).collect::<Vec<_>>(),
                None,
            ),
            Portion::Lines(ids) => {
                let chosen: Vec<&Line> = due.iter().filter(|l| ids.contains(&l.id)).collect();
                if chosen.is_empty() || chosen.len() != ids.len() {
                    return Err(crate::storage::StorageError::NotFound(Msg::ThingOrderLine).into());
                }
                (
                    chosen.iter().map(|l| sale_line(l)).collect(),
                    chosen.iter().map(|l| l.id).collect(),
                    None,
                )
            }
            Portion::Share { parts } => {
                let (parts, done) = match splitting {
                    Some((fixed, _)) if fixed != *parts => {
                        return Err(OpsError::SplitInProgress {
                            label: open.label,
                            parts: fixed,
                            paid: splitting.map_or(0, |s| s.1),
                        });
                    }
                    Some(split) => split,
                    None => (*parts, 0),
                };
                let all: Vec<SaleLine> = due.iter().map(sale_line).collect();
                let total: Money = all
                    .iter()
                    .map(|l| l.total())
                    .sum::<std::result::Result<Money, _>>()?;
                crate::domain::cafe::split_equally(total, parts)?;
                let label = Msg::CafeShare.fill(&[&open.label, &(done + 1), &parts]);
                let lines = crate::domain::vat_breakdown(&all)?
                    .into_iter()
                    .filter_map(|v| {
                        let cents = v.ttc.cents();
                        let share = cents / parts + i64::from(done < cents % parts);
                        (share > 0).then(|| SaleLine {
                            label: label.clone(),
                            quantity: 1,
                            unit_price: Money::from_cents(share),
                            vat_rate: v.rate,
                            // A part is of the whole order: counted in its mode.
                            service: Some(open.mode),
                            ..sale_line(&due[0])
                        })
                    })
                    .collect();
                let last = done + 1 == parts;
                let ids = if last {
                    due.iter().map(|l| l.id).collect()
                } else {
                    Vec::new()
                };
                (lines, ids, Some((parts, done + 1)))
            }
        };
        super::till::check_vouchers(tx, payments)?;
        let settlement = crate::domain::settle(&lines, &tenders)?;
        let doc = crate::journal::append_ticket(tx, key, ctx, &lines, &tenders, None)?;
        super::till::spend_vouchers(tx, payments, &doc)?;
        cafe::mark_paid(tx, &paid, doc.id)?;
        if let Some((parts, done)) = split {
            cafe::set_split(tx, order, parts, done)?;
        }
        let closed = cafe::close_if_paid(tx, order, ctx.at)?;
        Ok(Settled {
            doc,
            total: settlement.total,
            change: settlement.change,
            closed,
        })
    })
}
