//! The café's use-cases: the menu kept by a manager, and the open orders the café staff
//! take by table or by name. An open order is a draft in the database (it survives a crash
//! and shows on every café terminal); each line is added on its own, so two terminals on
//! one order never lose a line. The VAT rate of a line comes from its product's class and
//! its service mode ([`crate::domain::cafe`]).

use super::{OpsError, Result, Session};
use crate::domain::cafe::{ServiceMode, Station};
use crate::domain::{Money, Role, limits, search_key};
use crate::i18n::Msg;
use crate::storage::cafe::{self, Line, Order, Product};
use crate::storage::{Store, Timestamp};

mod kitchen;
mod settle;

pub use kitchen::{Waiting, kitchen_queue, last_ticket, mark_ready, send};
pub use settle::{Portion, Settled, bill, portion_due, settle};

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
    check_product(session, product)?;
    Ok(store.write(|tx| cafe::insert_product(tx, product))?)
}

/// Changes a product of the menu (a manager), with the checks of [`add_product`].
pub fn update_product(store: &mut Store, session: &Session, product: &Product) -> Result<()> {
    check_product(session, product)?;
    Ok(store.write(|tx| cafe::update_product(tx, product))?)
}

fn check_product(session: &Session, product: &Product) -> Result<()> {
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
    Ok(())
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
        // A member's card scanned on the order: the product's member price.
        let member_price = match crate::storage::member_prices::order_member(tx, order)? {
            Some(_) => crate::storage::member_prices::product_member_price(tx, product.id)?
                .filter(|p| *p < product.price),
            None => None,
        };
        let base = match (product.min_price, request.price) {
            (Some(minimum), Some(price)) if price < minimum => {
                return Err(OpsError::BelowMinimum {
                    product: product.name.to_string(),
                    minimum,
                });
            }
            (Some(_), Some(price)) => price,
            _ => member_price.unwrap_or(product.price),
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

/// Serves a line in the other mode (a galette eaten here, the cider taken away): its
/// rate follows at payment. A paid or cancelled line is refused.
pub fn set_line_mode(
    store: &mut Store,
    session: &Session,
    line: i64,
    mode: ServiceMode,
) -> Result<()> {
    require_cafe(session)?;
    Ok(store.write(|tx| cafe::set_line_mode(tx, line, mode))?)
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

/// A station's name as its tickets and the café screen print it.
pub fn station_name(station: Station) -> String {
    match station {
        Station::Creperie => Msg::KitchenCreperie.text().to_owned(),
        Station::Bar | Station::None => Msg::KitchenBar.text().to_owned(),
    }
}

/// A service mode as the screens and tickets say it.
pub fn mode_name(mode: ServiceMode) -> &'static str {
    match mode {
        ServiceMode::OnSite => Msg::ModeOnSite.text(),
        ServiceMode::Takeaway => Msg::ModeTakeaway.text(),
    }
}

/// A member card scanned on order `order`: where the member stands, and — when their
/// membership is valid — the order's lines not yet paid at member price (how many
/// changed). An expired card changes nothing: the renewal is offered.
pub fn scan_member(
    store: &mut Store,
    session: &Session,
    order: i64,
    code: &str,
    today: chrono::NaiveDate,
) -> Result<(
    crate::storage::members::Member,
    crate::domain::member::Standing,
    usize,
)> {
    require_cafe(session)?;
    let (member, standing) = crate::ops::members::scan_card(store, code, today)?;
    if !standing.is_valid() {
        return Ok((member, standing, 0));
    }
    let changed = store
        .write(|tx| crate::storage::member_prices::set_order_member(tx, order, member.number))?;
    Ok((member, standing, changed))
}
