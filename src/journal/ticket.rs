//! Tickets (sales, refunds), payment proofs (fees, donations, cash in and out, opening
//! float, drawer openings) and duplicates.

use super::document::{self, Context, DocKind, DocRef, Figures};
use super::events::{self, EventCode};
use super::{InstallationKey, JournalError};
use crate::domain::{Money, SaleLine, Tender, settle};
use crate::storage::Tx;
use crate::storage::journal as store;
use serde_json::{Value, json};

/// The business day a real document lands in (see [`super::session::for_writing`]). The
/// first document of a session is the boundary: the month and year closings due on every
/// terminal are written before it, so a month's closings follow its last sessions in the
/// chain.
fn open_day(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
) -> Result<super::session::BusinessDay, JournalError> {
    let day = super::session::for_writing(tx, ctx)?;
    if !ctx.training && !day.is_open() {
        super::closing::close_due_periods(tx, key, ctx)?;
    }
    Ok(day)
}

fn tenders_json(tenders: &[Tender]) -> Value {
    Value::Array(
        tenders
            .iter()
            .map(|t| json!({"method": t.method, "kind": t.kind.code(), "amount": t.amount.cents()}))
            .collect(),
    )
}

/// Appends a ticket. A refund or cancellation has negative lines and names the ticket it
/// corrects (`refers_to`: series and number).
pub fn append_ticket(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    lines: &[SaleLine],
    tenders: &[Tender],
    refers_to: Option<(&str, i64)>,
) -> Result<DocRef, JournalError> {
    append(tx, key, ctx, lines, tenders, refers_to, None)
}

/// Why a refund is made and who allowed it: both printed and kept in its payload.
#[derive(Clone, Copy, Debug)]
pub struct RefundNote<'a> {
    pub reason: &'a str,
    /// The manager whose PIN authorised it (the cashier is the document's operator).
    pub authorised_by: &'a str,
    /// For each line, the index of the original's line it gives back: two identical
    /// lines of one ticket are two lines, each refunded once.
    pub original_lines: &'a [usize],
}

/// Appends a refund of `original` (series, number) with its reason and the manager who
/// authorised it.
pub fn append_refund(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    lines: &[SaleLine],
    tenders: &[Tender],
    original: (&str, i64),
    note: RefundNote,
) -> Result<DocRef, JournalError> {
    append(tx, key, ctx, lines, tenders, Some(original), Some(note))
}

fn append(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    lines: &[SaleLine],
    tenders: &[Tender],
    refers_to: Option<(&str, i64)>,
    note: Option<RefundNote>,
) -> Result<DocRef, JournalError> {
    let day = open_day(tx, key, ctx)?;
    // A structure that owes no VAT writes none: not only on paper but in the journal, the
    // counters and the Z.
    let status = crate::storage::structure::get(tx)?
        .map_or(crate::domain::VatStatus::Assujetti, |s| {
            s.identity.vat_status
        });
    let lines = &status.lines_as_sold(lines)[..];
    // Money goes back only through a refund that names its original: no caller can write
    // a negative line as a sale.
    if refers_to.is_none() && lines.iter().any(|l| l.quantity < 0) {
        return Err(crate::domain::DomainError::RefundWithoutOriginal.into());
    }
    let settlement = settle(lines, tenders)?;
    let original = match refers_to {
        Some((series, number)) => {
            let doc = store::find_document(tx, series, number)?;
            if doc.kind != DocKind::Ticket.code() {
                return Err(JournalError::NotATicket(format!("{series} n° {number}")));
            }
            // A training ticket never moved money: refunding it for real would take cash
            // out of the drawer and the takings down, unflagged. Refused here, whoever calls.
            if doc.training != ctx.training {
                return Err(JournalError::TrainingMix(format!("{series} n° {number}")));
            }
            Some(doc)
        }
        None => None,
    };
    let mut discount = Money::ZERO;
    let mut ticket_discount = Money::ZERO;
    let mut ticket_reason: Option<&str> = None;
    let mut lines_json = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        discount = discount.checked_add(line.discount)?;
        ticket_discount = ticket_discount.checked_add(line.ticket_discount)?;
        if ticket_reason.is_none() {
            ticket_reason = line.ticket_discount_reason.as_deref();
        }
        let mut line_json = json!({
            "label": line.label,
            "category": line.category,
            "item_code": line.item_code,
            "quantity": line.quantity,
            "unit_price": line.unit_price.cents(),
            "original_price": line.original_price.map(Money::cents),
            "discount": line.discount.cents(),
            "discount_reason": line.discount_reason,
            "vat_rate": line.vat_rate.basis_points(),
            "total": line.total()?.cents(),
        });
        if let Value::Object(map) = &mut line_json {
            if !line.ticket_discount.is_zero() {
                map.insert(
                    "ticket_discount".into(),
                    json!(line.ticket_discount.cents()),
                );
            }
            // What the line took out of the shop: a refund gives back its share.
            if let Some(grams) = line.grams {
                map.insert("grams".into(), json!(grams));
                map.insert("weight_estimated".into(), json!(line.weight_estimated));
            }
            if line.margin_scheme {
                map.insert("vat_scheme".into(), json!("margin"));
            }
            if line.guarantee {
                map.insert("guarantee".into(), json!(true));
            }
            if let Some(service) = line.service {
                map.insert("service".into(), json!(service.code()));
            }
            if let Some(original) = note.and_then(|n| n.original_lines.get(index)) {
                map.insert("original_line".into(), json!(original));
            }
        }
        lines_json.push(line_json);
    }
    let vat_json: Vec<Value> = settlement
        .vat
        .iter()
        .map(|v| json!({"rate": v.rate.basis_points(), "ttc": v.ttc.cents(), "ht": v.ht.cents(), "vat": v.vat.cents()}))
        .collect();
    let total_ht: Money = settlement.vat.iter().map(|v| v.ht).sum();
    let total_vat: Money = settlement.vat.iter().map(|v| v.vat).sum();
    let partial = original
        .as_ref()
        .is_some_and(|d| settlement.total.cents().abs() < d.total.cents().abs());
    let mut body = json!({
        "lines": lines_json,
        "vat": vat_json,
        "total_ttc": settlement.total.cents(),
        "total_ht": total_ht.cents(),
        "total_vat": total_vat.cents(),
        "payments": tenders_json(tenders),
        "change": settlement.change.cents(),
        "refers_to": original.as_ref().map(|d| json!({
            "series": d.series, "number": d.number, "hash": d.hash,
            "text": if partial {
                format!("rembourse en partie le ticket n° {} {}", d.series, d.number)
            } else {
                format!("annule le ticket n° {} {}", d.series, d.number)
            },
            "reason": note.map(|n| n.reason),
            "authorised_by": note.map(|n| n.authorised_by),
        })),
    });
    if !ticket_discount.is_zero()
        && let Value::Object(map) = &mut body
    {
        map.insert(
            "ticket_discount".into(),
            json!({"amount": ticket_discount.cents(), "reason": ticket_reason.unwrap_or_default()}),
        );
    }
    let doc = document::append(
        tx,
        key,
        ctx,
        DocKind::Ticket,
        body,
        Figures {
            total: settlement.total,
            discount,
            change_given: settlement.change,
            refers_to: original.as_ref().map(|d| d.id),
            detail: String::new(),
            vat: &settlement.vat,
            tenders,
            business_date: Some(day.date.clone()),
        },
    )?;
    if !ctx.training {
        store::add_to_counters(tx, ctx.terminal.as_str(), &day.date, &settlement.vat)?;
        let facts = lines
            .iter()
            .map(|l| {
                Ok(crate::storage::reports::SaleLineFact {
                    category: l.category.as_deref(),
                    label: &l.label,
                    vat_rate: i64::from(l.vat_rate.basis_points()),
                    quantity: l.quantity,
                    ttc: l.total()?.cents(),
                    grams: l.grams,
                    estimated: l.weight_estimated,
                    service: l.service.map(|s| s.code()),
                })
            })
            .collect::<Result<Vec<_>, JournalError>>()?;
        crate::storage::reports::add_sale_lines(
            tx,
            doc.id,
            ctx.terminal.as_str(),
            &day.date,
            &facts,
        )?;
    }
    Ok(doc)
}

/// Money that moves without a sale: outside VAT and outside takings, inside the cash count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProofKind {
    MembershipFee,
    Donation,
    CashIn,
    /// Money taken out of the drawer: tenders are negative.
    CashOut,
    OpeningFloat,
    /// The drawer opened without a sale (no money).
    DrawerOpening,
    /// A gift voucher sold: money received for goods not yet chosen — a debt of the shop,
    /// not takings; its VAT is due when it pays for goods (a multi-purpose voucher, CGI
    /// art. 256 ter), on that ticket.
    GiftVoucher,
}

impl ProofKind {
    pub const fn code(self) -> &'static str {
        match self {
            ProofKind::MembershipFee => "membership_fee",
            ProofKind::Donation => "donation",
            ProofKind::CashIn => "cash_in",
            ProofKind::CashOut => "cash_out",
            ProofKind::OpeningFloat => "opening_float",
            ProofKind::DrawerOpening => "drawer_opening",
            ProofKind::GiftVoucher => "gift_voucher",
        }
    }
}

/// Appends a payment proof. Its total is the sum of its tenders.
pub fn append_proof(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    kind: ProofKind,
    label: &str,
    tenders: &[Tender],
) -> Result<DocRef, JournalError> {
    append_proof_with(tx, key, ctx, kind, label, tenders, &serde_json::Map::new())
}

/// Appends a payment proof that says more: a fee's member (by number, never by name)
/// and the days it covers. `extra`'s fields join the payload.
pub fn append_proof_with(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    kind: ProofKind,
    label: &str,
    tenders: &[Tender],
    extra: &serde_json::Map<String, Value>,
) -> Result<DocRef, JournalError> {
    let day = open_day(tx, key, ctx)?;
    let total = tenders
        .iter()
        .try_fold(Money::ZERO, |sum, t| sum.checked_add(t.amount))?;
    let mut body = json!({
        "proof": kind.code(),
        "label": label,
        "total": total.cents(),
        "payments": tenders_json(tenders),
    });
    if let Value::Object(fields) = &mut body {
        for (name, value) in extra {
            fields.entry(name.clone()).or_insert_with(|| value.clone());
        }
    }
    document::append(
        tx,
        key,
        ctx,
        DocKind::Proof,
        body,
        Figures {
            total,
            detail: kind.code().to_owned(),
            tenders,
            business_date: Some(day.date),
            ..Figures::default()
        },
    )
}

/// Appends a duplicate (a reprint) of document `series` n° `number`: it copies the
/// original's payload and is numbered among that document's duplicates.
pub fn append_duplicate(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    series: &str,
    number: i64,
) -> Result<(DocRef, i64), JournalError> {
    let original = store::find_document(tx, series, number)?;
    let nth = store::duplicates_of(tx, original.id)? + 1;
    let copied: Value = serde_json::from_str(&original.payload).unwrap_or(Value::Null);
    let body = json!({
        "duplicate_of": {"series": original.series, "number": original.number, "hash": original.hash},
        "duplicate_number": nth,
        "original": copied,
    });
    let doc = document::append(
        tx,
        key,
        ctx,
        DocKind::Duplicate,
        body,
        Figures {
            refers_to: Some(original.id),
            detail: format!("{series} {number}"),
            ..Figures::default()
        },
    )?;
    events::record(
        tx,
        key,
        EventCode::Reprint,
        ctx.at,
        &ctx.operator,
        ctx.terminal.as_str(),
        &format!("DUPLICATA n° {nth} de {series} {number}"),
    )?;
    Ok((doc, nth))
}

/// Appends a note: the bill of café order `order` printed before it is paid, with its
/// lines and its VAT per rate, in the terminal's note series (`cafe-1/N`). A printed
/// bill can never vanish; a note is never takings.
pub fn append_note(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    order: &str,
    lines: &[SaleLine],
) -> Result<DocRef, JournalError> {
    let day = super::session::for_writing(tx, ctx)?;
    let status = crate::storage::structure::get(tx)?
        .map_or(crate::domain::VatStatus::Assujetti, |s| {
            s.identity.vat_status
        });
    let lines = status.lines_as_sold(lines);
    let vat = crate::domain::vat_breakdown(&lines)?;
    let total: Money = vat.iter().map(|v| v.ttc).sum();
    let mut lines_json = Vec::with_capacity(lines.len());
    for line in &lines {
        lines_json.push(json!({
            "label": line.label,
            "quantity": line.quantity,
            "unit_price": line.unit_price.cents(),
            "vat_rate": line.vat_rate.basis_points(),
            "total": line.total()?.cents(),
        }));
    }
    let body = json!({
        "order": order,
        "lines": lines_json,
        "vat": vat.iter().map(|v| json!({"rate": v.rate.basis_points(), "ttc": v.ttc.cents(), "ht": v.ht.cents(), "vat": v.vat.cents()})).collect::<Vec<_>>(),
        "total_ttc": total.cents(),
        "total_ht": vat.iter().map(|v| v.ht).sum::<Money>().cents(),
        "total_vat": vat.iter().map(|v| v.vat).sum::<Money>().cents(),
    });
    document::append(
        tx,
        key,
        ctx,
        DocKind::Note,
        body,
        Figures {
            total,
            detail: format!("note {order}"),
            vat: &vat,
            business_date: Some(day.date),
            ..Figures::default()
        },
    )
}
