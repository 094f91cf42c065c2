//! The shop till's use-cases: open the day with a counted float, scan an item or a
//! voucher, sell by category or price-grid entry, take payments and validate the ticket
//! (document, items sold, weights, vouchers — one transaction), refund with a manager's
//! authority (in [`super::refund`]), reprint, open the drawer without a sale, and read the
//! X report.

use super::{OpsError, Result, Session};
use crate::domain::{
    Cart, CartLine, CodeKind, Ean13, Money, PaymentKind, Role, Tender, TerminalCode, Weight,
};
use crate::journal::{self, Context, DocKind, DocRef, InstallationKey, PeriodFigures, ProofKind};
use crate::storage::items::{self, ItemStatus};
use crate::storage::journal as documents;
use crate::storage::till_catalogue::{self, Sellable};
use crate::storage::{Store, Timestamp, Tx, vouchers};

pub use super::drafts::{load_drafts, save_drafts};
pub use super::drawer::{CashMove, cash_move, open_drawer, sell_gift_voucher};
pub use super::refund::{
    Printable, RefundPay, SoldLine, default_refund_pay, printable, receipt_code, refund,
    ticket_lines, ticket_of_receipt,
};

/// What a scanned code turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
// One value a scan, handed straight to the cart: boxing the line would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Scanned {
    Item(CartLine),
    Voucher { code: String, balance: Money },
}

/// The journal context of `session` selling on `terminal`.
pub fn context(
    store: &mut Store,
    session: &Session,
    terminal: &TerminalCode,
    now: Timestamp,
    training: bool,
) -> Result<Context> {
    let (terminal, pos) =
        super::places::choose_terminal(store, Some(terminal))?.ok_or(OpsError::NotInitialised)?;
    Ok(Context {
        terminal: terminal.code,
        point_of_sale: pos.name.to_string(),
        operator: session.name().to_string(),
        training,
        at: now,
    })
}

fn require_till(session: &Session) -> Result<()> {
    if session.has(Role::Cashier) || session.has(Role::Manager) {
        Ok(())
    } else {
        Err(OpsError::Forbidden(Role::Cashier))
    }
}

/// Whether the terminal's business day still needs its opening float: no session is open
/// (the float opens one), or the open one has no float yet.
pub fn needs_opening(store: &mut Store, ctx: &Context) -> Result<bool> {
    if ctx.training {
        return Ok(false);
    }
    let terminal = ctx.terminal.as_str();
    let proofs = store.read(|tx| {
        let day = journal::session::current(tx, terminal, ctx.at)?;
        Ok::<_, OpsError>(documents::proof_totals(tx, &day.span(terminal))?)
    })?;
    Ok(!proofs
        .iter()
        .any(|(kind, _, _)| kind == ProofKind::OpeningFloat.code()))
}

/// Switches training mode on or off at a till: a JET event naming who did it (switching
/// it on takes a manager). Nothing of training mode moves money or stock.
pub fn set_training(store: &mut Store, session: &Session, on: bool, now: Timestamp) -> Result<()> {
    if on {
        session.require(Role::Manager)?;
    }
    let detail = if on {
        "mode école activé"
    } else {
        "mode école arrêté"
    };
    store.write(|tx| session.note(tx, crate::journal::events::EventCode::Training, now, detail))?;
    Ok(())
}

/// The terminal's business day at `ctx.at`: the open session, or the one the next
/// document opens (its ordinal says whether the calendar day already had a Z).
pub fn business_day(store: &mut Store, ctx: &Context) -> Result<journal::session::BusinessDay> {
    Ok(store.read(|tx| journal::session::current(tx, ctx.terminal.as_str(), ctx.at))?)
}

/// Records the opening float counted by denomination (a payment proof).
pub fn open_day(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    denominations: &[(Money, i64)],
) -> Result<DocRef> {
    require_till(session)?;
    let mut total = Money::ZERO;
    let mut detail = Vec::new();
    for (value, count) in denominations.iter().filter(|(_, n)| *n != 0) {
        if *count < 0 || value.cents() <= 0 {
            return Err(crate::domain::DomainError::TenderSign.into());
        }
        total = total.checked_add(value.checked_mul(*count)?)?;
        crate::domain::limits::check_amount(
            crate::i18n::Msg::ProofOpeningFloat.text(),
            total,
            crate::domain::limits::MAX_TICKET,
        )?;
        detail.push(format!("{count} × {value}"));
    }
    let label = if detail.is_empty() {
        crate::i18n::Msg::ProofOpeningFloat.text().to_owned()
    } else {
        detail.join(", ")
    };
    let tenders: Vec<Tender> = (!total.is_zero())
        .then(|| Tender {
            method: PaymentKind::Cash.default_label(),
            kind: PaymentKind::Cash,
            amount: total,
        })
        .into_iter()
        .collect();
    super::journal::write_anchored(store, key, ctx, |tx| {
        Ok::<_, OpsError>(journal::append_proof(
            tx,
            key,
            ctx,
            ProofKind::OpeningFloat,
            &label,
            &tenders,
        )?)
    })
}

/// What `code` (as scanned or typed) is at `now`: an item in stock (marked down when its
/// age reaches a markdown rule), or a voucher with a balance.
pub fn scan(store: &mut Store, code: &str, now: Timestamp) -> Result<Scanned> {
    let code = Ean13::parse(code)?;
    store.read(|tx| {
        if code.kind() == Some(CodeKind::Voucher) {
            let balance = vouchers::balance(tx, code.as_str())?
                .ok_or_else(|| OpsError::UnknownCode(code.to_string()))?;
            return Ok(Scanned::Voucher {
                code: code.to_string(),
                balance,
            });
        }
        let item = items::by_code(tx, code.as_str())?
            .ok_or_else(|| OpsError::UnknownCode(code.to_string()))?;
        let when = || item.status_at.clone().unwrap_or_default();
        match item.status {
            ItemStatus::Sold => Err(OpsError::ItemSold {
                code: code.to_string(),
                when: when(),
                ticket: item
                    .sold_by
                    .as_ref()
                    .map(|(s, n)| format!("{s} n° {n}"))
                    .unwrap_or_default(),
            }),
            ItemStatus::Withdrawn => Err(OpsError::ItemWithdrawn {
                code: code.to_string(),
                when: when(),
            }),
            ItemStatus::InStock => {
                let entered =
                    chrono::DateTime::parse_from_rfc3339(&item.created_at).map_or(now, |t| t);
                let age_days = (now.date_naive() - entered.date_naive()).num_days();
                let rules = crate::storage::sorting::markdown_rules(tx)?;
                let (discount, discount_reason) =
                    match crate::domain::marked_down(item.price, age_days, &rules)? {
                        Some((rule, price)) => (
                            item.price.checked_sub(price)?,
                            Some(
                                crate::i18n::Msg::MarkdownReason
                                    .fill(&[&rule.percent, &rule.weeks]),
                            ),
                        ),
                        None => (Money::ZERO, None),
                    };
                Ok(Scanned::Item(CartLine {
                    label: item.description,
                    category: Some(item.category),
                    category_id: Some(item.category_id.0),
                    item: Some((item.id, code.to_string())),
                    quantity: 1,
                    unit_price: item.price,
                    original_price: None,
                    discount,
                    discount_reason,
                    discount_rule: (!discount.is_zero())
                        .then_some(crate::domain::Discount::Amount(discount)),
                    ticket_discount: Money::ZERO,
                    ticket_discount_reason: None,
                    vat_rate: item.vat_rate,
                    unit_weight: Some(item.weight),
                    line_weight: None,
                    weight_estimated: item.weight_estimated,
                    guarantee: item.guarantee,
                    margin_scheme: item.margin_scheme,
                }))
            }
        }
    })
}

/// The point of sale item `code` belongs to, when it is not `here`: the till warns
/// before selling another shop's item.
pub fn item_elsewhere(store: &mut Store, code: &str, here: &str) -> Result<Option<String>> {
    let there = store.read(|tx| items::point_of_sale_of(tx, code))?;
    Ok(there.filter(|p| p != here))
}

/// Items in stock named like `words` (at most 20): an item whose label fell off.
pub fn find_items(store: &mut Store, words: &str) -> Result<Vec<(String, String, Money)>> {
    let words = words.trim();
    if words.chars().count() < 3 {
        return Ok(Vec::new());
    }
    Ok(store.read(|tx| items::search_in_stock(tx, words, 20))?)
}

/// Categories and price-grid entries the till sells by key.
pub fn sellables(store: &mut Store) -> Result<Vec<Sellable>> {
    Ok(store.read(till_catalogue::sellables)?)
}

/// A line for `quantity` × `sellable`, at `price` or its own; the weight typed or its
/// default (then estimated).
pub fn sellable_line(
    sellable: &Sellable,
    price: Option<Money>,
    quantity: i64,
    weight: Option<Weight>,
) -> Result<CartLine> {
    member_line(sellable, price, quantity, weight, false)
}

/// [`sellable_line`] for a ticket with a valid member card on it (`member`): a category
/// with a member price takes it, its usual price kept beside.
pub fn member_line(
    sellable: &Sellable,
    price: Option<Money>,
    quantity: i64,
    weight: Option<Weight>,
    member: bool,
) -> Result<CartLine> {
    let member_price = sellable
        .member_price
        .filter(|m| member && price.is_none() && sellable.price.is_none_or(|p| *m < p));
    let unit_price = price
        .or(member_price)
        .or(sellable.price)
        .ok_or_else(|| OpsError::PriceNeeded(sellable.name.clone()))?;
    let original_price = sellable
        .price
        .filter(|p| (price.is_some() || member_price.is_some()) && *p != unit_price);
    Ok(CartLine {
        label: sellable.name.clone(),
        category: Some(sellable.category.clone()),
        category_id: Some(sellable.category_id.0),
        item: None,
        quantity,
        unit_price,
        original_price,
        discount: Money::ZERO,
        discount_reason: None,
        discount_rule: None,
        ticket_discount: Money::ZERO,
        ticket_discount_reason: None,
        vat_rate: sellable.vat_rate,
        // A weight typed is the whole line's, weighed at the till.
        unit_weight: sellable.unit_weight,
        line_weight: weight,
        weight_estimated: weight.is_none(),
        guarantee: sellable.guarantee,
        margin_scheme: sellable.margin_scheme,
    })
}

/// One payment at the till; a voucher names its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub method: String,
    pub kind: PaymentKind,
    pub amount: Money,
    pub voucher: Option<String>,
}

/// A validated ticket, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sale {
    /// The ticket; the first fee's or donation's proof when the ticket had no line.
    pub doc: DocRef,
    /// The lines' total (takings).
    pub total: Money,
    /// What the customer paid for: lines, fees and donations.
    pub due: Money,
    /// Whether `doc` is a ticket (lines were sold).
    pub has_ticket: bool,
    /// The proofs of the fees and donations, in the cart's order.
    pub proofs: Vec<DocRef>,
    /// Cash to give back.
    pub change: Money,
    /// A voucher issued (change or refund): its code and amount.
    pub voucher: Option<(String, Money)>,
    /// A guaranteed good was sold: the receipt prints without asking.
    pub receipt_required: bool,
}

pub(super) fn tender_of(p: &Payment) -> Tender {
    Tender {
        method: p.method.clone(),
        kind: p.kind,
        amount: p.amount,
    }
}

pub(super) fn issue_voucher(tx: &Tx, doc: &DocRef, amount: Money, at: Timestamp) -> Result<String> {
    let code = Ean13::in_store(CodeKind::Voucher, vouchers::count(tx)? + 1)?;
    vouchers::issue(tx, code.as_str(), doc.id, amount, at)?;
    Ok(code.to_string())
}

/// Records what the lines took out of (or, negative, brought back to) the shop.
fn record_weights(tx: &Tx, doc: &DocRef, lines: &[CartLine]) -> Result<()> {
    for line in lines {
        if let Some(grams) = line.grams()? {
            items::record_sold_weight(
                tx,
                doc.id,
                line.category_id,
                line.item.as_ref().map(|(id, _)| *id),
                grams,
                line.weight_estimated,
            )?;
        }
    }
    Ok(())
}

/// What the screens refuse, refused again for any caller: a sale has positive lines only
/// (money goes back through a refund, with a manager), a labelled item once, a payment
/// above zero, a voucher payment naming its voucher.
fn check_sale(cart: &Cart, payments: &[Payment]) -> Result<()> {
    for line in &cart.lines {
        crate::domain::limits::check_quantity(&line.label, line.quantity)?;
        if line.quantity < 0 {
            return Err(crate::domain::DomainError::RefundWithoutOriginal.into());
        }
        if line.item.is_some() && line.quantity != 1 {
            return Err(crate::domain::DomainError::ItemQuantity(line.label.clone()).into());
        }
        line.grams()?;
    }
    for p in payments {
        if p.amount.cents() <= 0 {
            return Err(crate::domain::DomainError::TenderSign.into());
        }
        if p.kind == PaymentKind::Voucher && p.voucher.as_deref().unwrap_or_default().is_empty() {
            return Err(OpsError::UnknownCode(String::new()));
        }
    }
    Ok(())
}

/// Refuses a voucher payment whose voucher is unknown or worth less than the amount.
pub(super) fn check_vouchers(tx: &Tx, payments: &[Payment]) -> Result<()> {
    for p in payments.iter().filter(|p| p.kind == PaymentKind::Voucher) {
        let code = p.voucher.clone().unwrap_or_default();
        let balance =
            vouchers::balance(tx, &code)?.ok_or_else(|| OpsError::UnknownCode(code.clone()))?;
        if balance < p.amount {
            return Err(OpsError::VoucherTooLow { code, balance });
        }
    }
    Ok(())
}

/// Takes the voucher payments off their vouchers, in the ticket `doc` that spent them.
pub(super) fn spend_vouchers(tx: &Tx, payments: &[Payment], doc: &DocRef) -> Result<()> {
    for p in payments.iter().filter(|p| p.kind == PaymentKind::Voucher) {
        vouchers::spend(
            tx,
            p.voucher.as_deref().unwrap_or_default(),
            doc.id,
            p.amount,
        )?;
    }
    Ok(())
}

/// Validates the cart: writes the ticket, marks its items sold, records the weights,
/// spends the vouchers and issues one for the change if asked; writes each fee and
/// donation as a payment proof with its share of the payments (outside VAT and takings,
/// inside the cash count) — all or nothing.
pub fn sell(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    cart: &Cart,
    payments: &[Payment],
    change_as_voucher: bool,
) -> Result<Sale> {
    // Fees and donations alone are taken at any till, the café's too.
    if cart.lines.is_empty() {
        session.require_any(&[
            crate::domain::Role::Cashier,
            crate::domain::Role::Cafe,
            crate::domain::Role::Manager,
        ])?;
    } else {
        require_till(session)?;
    }
    check_sale(cart, payments)?;
    if cart.is_empty() {
        return Err(crate::domain::DomainError::TicketEmpty.into());
    }
    let has_lines = !cart.lines.is_empty();
    let total = cart.total()?;
    let due = cart.due()?;
    let paid: Money = payments.iter().map(|p| p.amount).sum();
    let all: Vec<Tender> = payments.iter().map(tender_of).collect();
    let shared = crate::domain::allocate(&cart.contributions, &all, has_lines)?;
    let mut tenders = shared.ticket;
    let to_voucher = if change_as_voucher && has_lines && paid > due {
        let amount = paid.checked_sub(due)?;
        tenders.push(Tender {
            method: PaymentKind::Voucher.default_label(),
            kind: PaymentKind::Voucher,
            amount: -amount,
        });
        Some(amount)
    } else {
        None
    };
    // What the journal will record as change, from the same rule it applies.
    let change = if has_lines {
        crate::domain::settle(&cart.sale_lines(), &tenders)?.change
    } else {
        if paid < due {
            return Err(crate::domain::DomainError::TicketUnderpaid { due, paid }.into());
        }
        paid.checked_sub(due)?
    };
    let sale = super::journal::write_anchored(store, key, ctx, |tx| {
        check_vouchers(tx, payments)?;
        let mut ticket = None;
        if has_lines {
            let doc = journal::append_ticket(tx, key, ctx, &cart.sale_lines(), &tenders, None)?;
            if !ctx.training {
                for (id, _) in cart.lines.iter().filter_map(|l| l.item.as_ref()) {
                    items::move_status(
                        tx,
                        *id,
                        ItemStatus::InStock,
                        ItemStatus::Sold,
                        Some(doc.id),
                        ctx.at,
                    )?;
                }
                record_weights(tx, &doc, &cart.lines)?;
                spend_vouchers(tx, payments, &doc)?;
            }
            ticket = Some(doc);
        }
        let proofs = super::members::append_contributions(
            tx,
            key,
            ctx,
            &cart.contributions,
            &shared.contributions,
        )?;
        let voucher = match (&ticket, to_voucher) {
            (Some(doc), Some(amount)) if !ctx.training => {
                Some((issue_voucher(tx, doc, amount, ctx.at)?, amount))
            }
            _ => None,
        };
        let doc = match ticket {
            Some(doc) => doc,
            None => proofs
                .first()
                .cloned()
                .ok_or(crate::domain::DomainError::TicketEmpty)?,
        };
        Ok::<_, OpsError>(Sale {
            total,
            due,
            change,
            voucher,
            receipt_required: cart.needs_receipt(),
            doc,
            has_ticket: has_lines,
            proofs,
        })
    })?;
    tracing::info!(series = %sale.doc.series, number = sale.doc.number, total = sale.total.cents(), "ticket");
    Ok(sale)
}

/// The last ticket of the context's series, if any: series and number.
pub fn last_ticket(store: &mut Store, ctx: &Context) -> Result<Option<(String, i64)>> {
    let series = journal::document_series(&ctx.terminal, ctx.training, DocKind::Ticket);
    let number = store.read(|tx| documents::last_number(tx, &series))?;
    Ok(number.map(|n| (series, n)))
}

/// A duplicate of `series` n° `number`, to print with [`printable`].
pub fn reprint(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    series: &str,
    number: i64,
) -> Result<DocRef> {
    require_till(session)?;
    super::journal::write_anchored(store, key, ctx, |tx| {
        let (doc, _) = journal::append_duplicate(tx, key, ctx, series, number)?;
        Ok::<_, OpsError>(doc)
    })
}

/// Grams sold by the terminal in its business day: `(weighed, estimated)`.
pub fn sold_weight(store: &mut Store, ctx: &Context) -> Result<(i64, i64)> {
    let terminal = ctx.terminal.as_str();
    store.read(|tx| {
        let day = journal::session::current(tx, terminal, ctx.at)?;
        Ok::<_, OpsError>(items::sold_grams(tx, &day.span(terminal))?)
    })
}

/// The X report of the context's business day, and its JSON for printing.
pub fn x_report(store: &mut Store, ctx: &Context) -> Result<(PeriodFigures, String)> {
    let (figures, identity, outstanding) = store.read(|tx| {
        let figures = journal::x_report(tx, ctx.terminal.as_str(), ctx.at)?;
        let identity = crate::storage::structure::get(tx)?.map(|s| s.identity);
        Ok::<_, OpsError>((figures, identity, vouchers::outstanding(tx)?))
    })?;
    let mut json = journal::figures_json(&figures);
    // The X's paper opens with the shop, as a ticket does.
    if let serde_json::Value::Object(map) = &mut json {
        map.insert("vouchers_outstanding".into(), outstanding.cents().into());
        map.insert("point_of_sale".into(), ctx.point_of_sale.clone().into());
        if let Some(i) = identity {
            map.insert(
                "structure".into(),
                serde_json::json!({
                    "name": i.name.as_str(),
                    "address": i.address,
                    "postcode": i.postcode,
                    "city": i.city,
                    "siret": i.siret.as_ref().map(|s| s.as_str().to_owned()),
                    "vat_status": i.vat_status.code(),
                }),
            );
        }
    }
    Ok((figures, json.to_string()))
}

/// A valid member card scanned on `cart`: its category lines whose category has a member
/// price take it (a price typed by hand stays); returns how many changed.
pub fn apply_member_prices(cart: &mut Cart, sellables: &[Sellable], member: i64) -> Result<usize> {
    cart.member = Some(member);
    let mut changed = 0;
    for index in 0..cart.lines.len() {
        let line = &cart.lines[index];
        if line.item.is_some() || line.original_price.is_some() {
            continue;
        }
        let Some(price) = sellables
            .iter()
            .find(|s| {
                s.entry_id.is_none()
                    && Some(s.category_id.0) == line.category_id
                    && s.name == line.label
            })
            .and_then(|s| s.member_price)
            .filter(|p| *p < line.unit_price)
        else {
            continue;
        };
        cart.set_price(index, price)?;
        changed += 1;
    }
    Ok(changed)
}
