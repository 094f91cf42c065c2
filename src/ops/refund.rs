//! Refunds at the till: a past ticket's lines with what earlier refunds gave back, the
//! refund itself (a ticket with negative lines naming the original, items back in stock,
//! cash or a voucher), and the receipt's barcode that finds the ticket again.

use super::till::{Sale, issue_voucher};
use super::{OpsError, Result, Session};
use crate::domain::{CodeKind, Ean13, Money, PaymentKind, Role, SaleLine, Tender, VatRate};
use crate::journal::{self, Context, DocKind, InstallationKey};
use crate::storage::items::{self, ItemStatus};
use crate::storage::journal as documents;
use crate::storage::{Store, Tx};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PayloadLine {
    label: String,
    category: Option<String>,
    item_code: Option<String>,
    quantity: i64,
    unit_price: i64,
    discount: i64,
    discount_reason: Option<String>,
    vat_rate: u32,
    grams: Option<i64>,
    weight_estimated: bool,
    vat_scheme: String,
    /// On a refund's line: the original's line it gives back.
    original_line: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PayloadPayment {
    method: String,
    kind: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TicketPayload {
    kind: String,
    lines: Vec<PayloadLine>,
    change: i64,
    payments: Vec<PayloadPayment>,
}

/// How a refund pays back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefundPay {
    Cash,
    /// Back on the card that paid (the card terminal's own refund).
    Card,
    Voucher,
}

impl RefundPay {
    pub fn label(self) -> crate::i18n::Msg {
        match self {
            RefundPay::Cash => crate::i18n::Msg::PayCash,
            RefundPay::Card => crate::i18n::Msg::PayCard,
            RefundPay::Voucher => crate::i18n::Msg::TillRefundAsVoucher,
        }
    }

    /// The next way round (the till's F5).
    pub fn next(self) -> RefundPay {
        match self {
            RefundPay::Cash => RefundPay::Card,
            RefundPay::Card => RefundPay::Voucher,
            RefundPay::Voucher => RefundPay::Cash,
        }
    }
}

/// How ticket `series` n° `number` is paid back unless the manager says otherwise: on
/// the card when a card paid it, else in cash.
pub fn default_refund_pay(store: &mut Store, series: &str, number: i64) -> Result<RefundPay> {
    let doc = store.read(|tx| Ok::<_, OpsError>(documents::find_document(tx, series, number)?))?;
    let payload: TicketPayload = serde_json::from_str(&doc.payload).unwrap_or_default();
    Ok(
        if payload
            .payments
            .iter()
            .any(|p| p.kind == PaymentKind::Card.code())
        {
            RefundPay::Card
        } else {
            RefundPay::Cash
        },
    )
}

/// A line of a past ticket, as the refund screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SoldLine {
    pub label: String,
    pub item_code: Option<String>,
    pub quantity: i64,
    /// How many of it earlier refunds already gave back.
    pub refunded: i64,
    pub total: Money,
}

/// The lines of ticket `series` n° `number`, with what was already refunded.
pub fn ticket_lines(store: &mut Store, series: &str, number: i64) -> Result<Vec<SoldLine>> {
    store.read(|tx| sold_lines(tx, series, number).map(|(_, lines, _)| lines))
}

type Original = (i64, Vec<SoldLine>, Vec<PayloadLine>);

fn sold_lines(tx: &Tx, series: &str, number: i64) -> Result<Original> {
    let doc = documents::find_document(tx, series, number)?;
    let payload: TicketPayload = serde_json::from_str(&doc.payload).unwrap_or_default();
    if doc.kind != DocKind::Ticket.code() || payload.kind != "ticket" {
        return Err(OpsError::Journal(journal::JournalError::NotATicket(
            format!("{series} n° {number}"),
        )));
    }
    let mut refunded = vec![0i64; payload.lines.len()];
    for earlier in documents::refunds_of(tx, doc.id)? {
        let earlier: TicketPayload = serde_json::from_str(&earlier).unwrap_or_default();
        for line in earlier.lines {
            // By the line it names; older refunds, without it, by label, code and price.
            let index = line.original_line.or_else(|| {
                payload.lines.iter().position(|l| {
                    l.label == line.label
                        && l.item_code == line.item_code
                        && l.unit_price == line.unit_price
                })
            });
            if let Some(i) = index.filter(|i| *i < refunded.len()) {
                refunded[i] += -line.quantity;
            }
        }
    }
    let lines = payload
        .lines
        .iter()
        .zip(refunded)
        .map(|(l, refunded)| SoldLine {
            label: l.label.clone(),
            item_code: l.item_code.clone(),
            quantity: l.quantity,
            refunded,
            total: Money::from_cents(l.unit_price * l.quantity - l.discount),
        })
        .collect();
    Ok((doc.id, lines, payload.lines))
}

/// Refunds `chosen` — `(line, quantity)` — of ticket `series` n° `number` (the
/// manager's session is the authority): a ticket with negative lines that names the
/// original, its items back in stock, the weights given back to the gram (the share of
/// what the original line took out), paid back in cash, on the card or as a voucher.
#[allow(clippy::too_many_arguments)]
pub fn refund(
    store: &mut Store,
    manager: &Session,
    key: &InstallationKey,
    ctx: &Context,
    series: &str,
    number: i64,
    chosen: &[(usize, i64)],
    pay: RefundPay,
    reason: &str,
) -> Result<Sale> {
    manager.require(Role::Manager)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(OpsError::MoveReasonRequired);
    }
    super::journal::write_anchored(store, key, ctx, |tx| {
        let (original_id, sold, originals) = sold_lines(tx, series, number)?;
        let payload: TicketPayload =
            serde_json::from_str(&documents::document_by_id(tx, original_id)?.payload)
                .unwrap_or_default();
        let mut lines = Vec::new();
        let mut back = Vec::new();
        let mut weights = Vec::new();
        let mut original_lines = Vec::new();
        for (n, &(i, wanted)) in chosen.iter().enumerate() {
            if chosen[..n].iter().any(|(j, _)| *j == i) {
                return Err(OpsError::Domain(crate::domain::DomainError::CartNoLine(
                    i + 1,
                )));
            }
            let (line, original) = sold.get(i).zip(originals.get(i)).ok_or(OpsError::Domain(
                crate::domain::DomainError::CartNoLine(i + 1),
            ))?;
            let left = line.quantity - line.refunded;
            if left <= 0 {
                return Err(OpsError::AlreadyRefunded(line.label.clone()));
            }
            if wanted <= 0 || wanted > left {
                return Err(OpsError::RefundQuantity {
                    label: line.label.clone(),
                    left,
                });
            }
            let quantity = wanted;
            let whole = original.quantity.max(1);
            // Shares that add up exactly over successive partial refunds.
            let portion = |total: i64| {
                total * (line.refunded + quantity) / whole - total * line.refunded / whole
            };
            let share = Money::from_cents(portion(original.discount));
            let grams = original.grams.map(|g| -portion(g));
            lines.push(SaleLine {
                label: original.label.clone(),
                category: original.category.clone(),
                item_code: original.item_code.clone(),
                quantity: -quantity,
                unit_price: Money::from_cents(original.unit_price),
                original_price: None,
                discount: share,
                discount_reason: original.discount_reason.clone(),
                ticket_discount: Money::ZERO,
                ticket_discount_reason: None,
                vat_rate: VatRate::from_basis_points(original.vat_rate)?,
                grams,
                weight_estimated: original.weight_estimated,
                margin_scheme: original.vat_scheme == "margin",
                // A refund takes the good back: no guarantee to state.
                guarantee: false,
                service: None,
            });
            back.push(original.item_code.clone());
            original_lines.push(i);
            weights.push((
                original.category.clone(),
                original.item_code.clone(),
                grams,
                original.weight_estimated,
            ));
        }
        let total: Money = lines
            .iter()
            .map(SaleLine::total)
            .sum::<crate::domain::Result<Money>>()?;
        let (kind, method) = match pay {
            RefundPay::Cash => (PaymentKind::Cash, PaymentKind::Cash.default_label()),
            RefundPay::Voucher => (PaymentKind::Voucher, PaymentKind::Voucher.default_label()),
            RefundPay::Card => (
                PaymentKind::Card,
                payload
                    .payments
                    .iter()
                    .find(|p| p.kind == PaymentKind::Card.code())
                    .map_or_else(|| PaymentKind::Card.default_label(), |p| p.method.clone()),
            ),
        };
        let tenders = [Tender {
            method,
            kind,
            amount: total,
        }];
        let note = journal::RefundNote {
            reason,
            authorised_by: manager.name().as_str(),
            original_lines: &original_lines,
        };
        let doc = journal::append_refund(tx, key, ctx, &lines, &tenders, (series, number), note)?;
        for code in back.iter().flatten() {
            if let Some(item) = items::by_code(tx, code)? {
                items::move_status(
                    tx,
                    item.id,
                    ItemStatus::Sold,
                    ItemStatus::InStock,
                    Some(doc.id),
                    ctx.at,
                )?;
            }
        }
        for (category, code, grams, estimated) in weights {
            let (category_id, item_id, grams) = match code
                .as_deref()
                .map(|c| items::by_code(tx, c))
                .transpose()?
                .flatten()
            {
                // An item gives back its own weight (older tickets carry no grams).
                Some(item) => (
                    Some(item.category_id.0),
                    Some(item.id),
                    grams.unwrap_or(-item.weight.grams()),
                ),
                None => match grams {
                    Some(g) => (
                        match category.as_deref() {
                            Some(name) => {
                                crate::storage::categories::id_by_name(tx, name)?.map(|c| c.0)
                            }
                            None => None,
                        },
                        None,
                        g,
                    ),
                    None => continue,
                },
            };
            if grams != 0 {
                items::record_sold_weight(tx, doc.id, category_id, item_id, grams, estimated)?;
            }
        }
        let voucher = if pay == RefundPay::Voucher {
            Some((issue_voucher(tx, &doc, -total, ctx.at)?, -total))
        } else {
            None
        };
        Ok::<_, OpsError>(Sale {
            doc,
            total,
            due: total,
            has_ticket: true,
            proofs: Vec::new(),
            change: Money::ZERO,
            voucher,
            receipt_required: true,
        })
    })
}

/// The code printed on the receipt of `series` n° `number` (a duplicate carries its
/// original's), scanned to find the ticket again; `None` for other documents.
pub fn receipt_code(store: &mut Store, series: &str, number: i64) -> Result<Option<Ean13>> {
    store.read(|tx| {
        let doc = documents::find_document(tx, series, number)?;
        receipt_code_of(tx, &doc)
    })
}

fn receipt_code_of(tx: &Tx, doc: &documents::StoredDocument) -> Result<Option<Ean13>> {
    let id = match doc.kind.as_str() {
        "ticket" => doc.id,
        "duplicate" => {
            let (series, number) = doc.detail.rsplit_once(' ').unwrap_or_default();
            documents::find_document(tx, series, number.parse().unwrap_or(0))?.id
        }
        _ => return Ok(None),
    };
    Ok(Some(Ean13::in_store(
        CodeKind::Receipt,
        u64::try_from(id).unwrap_or(0),
    )?))
}

/// What printing a stored document needs, read once: its payload, its hash, and the
/// receipt's barcode when it is a ticket or a duplicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printable {
    pub payload: String,
    pub hash: String,
    pub barcode: Option<Ean13>,
    /// The installation key's fingerprint, printed on a Z: an archive signed by another
    /// key is a forgery.
    pub fingerprint: Option<String>,
}

pub fn printable(store: &mut Store, series: &str, number: i64) -> Result<Printable> {
    store.read(|tx| {
        let doc = documents::find_document(tx, series, number)?;
        let barcode = receipt_code_of(tx, &doc)?;
        let fingerprint = (doc.kind == DocKind::Closing.code())
            .then(|| documents::installation(tx))
            .transpose()?
            .flatten()
            .map(|(_, public)| crate::journal::key::fingerprint(&public));
        Ok(Printable {
            payload: doc.payload,
            hash: doc.hash,
            barcode,
            fingerprint,
        })
    })
}

/// The ticket a scanned receipt code names: series and number.
pub fn ticket_of_receipt(store: &mut Store, code: &str) -> Result<(String, i64)> {
    let code = Ean13::parse(code)?;
    if code.kind() != Some(CodeKind::Receipt) {
        return Err(OpsError::UnknownCode(code.to_string()));
    }
    let id = i64::try_from(code.serial()).unwrap_or(0);
    let doc = store.read(|tx| documents::document_by_id(tx, id))?;
    Ok((doc.series, doc.number))
}
