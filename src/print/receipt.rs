//! Slips made from journal documents: the receipt of a ticket (ORIGINAL or DUPLICATA n°),
//! a payment proof, and the X and Z reports. They read the document's own payload — which
//! is self-contained — so a reprint in five years prints what was sold, not what the
//! catalogue says today.

use super::PrintError;
use super::document::Slip;
use crate::domain::{Money, PaymentKind, VatRate};
use crate::i18n::Msg;

use super::slip_payload::*;

fn parse(payload: &str) -> Result<Payload, PrintError> {
    serde_json::from_str(payload).map_err(|e| PrintError::Render(e.to_string()))
}

fn money(cents: i64) -> String {
    Money::from_cents(cents).to_string()
}

fn rate(bp: u32) -> String {
    VatRate::from_basis_points(bp).map_or_else(|_| format!("{bp} bp"), |r| r.to_string())
}

/// `2026-11-24T10:15:00+01:00` → `24/11/2026 10:15`.
fn when(timestamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(timestamp)
        .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| timestamp.to_owned())
}

/// The first and last characters of a hash: enough to match a paper slip to the journal.
pub fn signature_excerpt(hash: &str) -> String {
    if hash.len() < 12 {
        return hash.to_owned();
    }
    format!("{}…{}", &hash[..6], &hash[hash.len() - 6..])
}

fn header(slip: &mut Slip, p: &Payload) {
    if let Some(s) = &p.structure {
        slip.title(s.name.clone());
        if !s.address.is_empty() {
            slip.centred(s.address.clone());
        }
        let town = format!("{} {}", s.postcode, s.city);
        if !town.trim().is_empty() {
            slip.centred(town.trim().to_owned());
        }
        if let Some(siret) = &s.siret {
            slip.centred(format!("SIRET {siret}"));
        }
    }
    if !p.point_of_sale.is_empty() {
        slip.centred(p.point_of_sale.clone());
    }
    slip.rule();
}

/// A duplicate's own facts: its number in its series, when and by whom it was printed.
struct CopyOf {
    nth: i64,
    series: String,
    number: i64,
    timestamp: String,
    operator: String,
}

fn footer(slip: &mut Slip, p: &Payload, hash: &str, copy: Option<&CopyOf>) {
    slip.rule();
    if p.training {
        // Practice, not a document of sale: never « ORIGINAL ».
        slip.big(Msg::SlipTraining.text());
        slip.centred(Msg::SlipTrainingNotice.text());
    } else {
        match copy {
            None => {
                slip.big(Msg::SlipOriginal.text());
            }
            Some(c) => {
                slip.big(Msg::SlipDuplicate.fill(&[&c.nth]));
                slip.centred(Msg::SlipDuplicateOf.fill(&[
                    &c.series,
                    &c.number,
                    &when(&c.timestamp),
                    &c.operator,
                ]));
            }
        }
    }
    slip.centred(format!(
        "{} · {} {}",
        p.software,
        Msg::SlipSignature.text(),
        signature_excerpt(hash)
    ));
}

fn document_line(slip: &mut Slip, title: Msg, p: &Payload) {
    slip.text(title.fill(&[&p.series, &p.number]));
    slip.text(format!(
        "{}  {} {}",
        when(&p.timestamp),
        Msg::SlipTerminal.text(),
        p.terminal
    ));
    // A closing names who closed, not a seller.
    let who = if p.kind == "closing" {
        Msg::SlipClosedBy
    } else {
        Msg::SlipOperator
    };
    slip.text(who.fill(&[&p.operator]));
    slip.rule();
}

fn ticket(slip: &mut Slip, p: &Payload, title: Msg) {
    document_line(slip, title, p);
    for line in &p.lines {
        slip.pair(line.label.clone(), money(line.total));
        let mut detail = if line.vat_scheme == "margin" {
            format!(
                "  {} x {}  {}",
                line.quantity,
                money(line.unit_price),
                Msg::SlipMarginShort.text()
            )
        } else {
            format!(
                "  {} x {}  {} {}",
                line.quantity,
                money(line.unit_price),
                Msg::SlipVat.text(),
                rate(line.vat_rate)
            )
        };
        if let Some(original) = line.original_price.filter(|o| *o != line.unit_price) {
            detail.push_str(&format!(
                "  ({})",
                Msg::SlipWasPrice.fill(&[&money(original)])
            ));
        }
        slip.text(detail);
        // The line's own discount; its share of a ticket discount is said once below.
        let own = line.discount - line.ticket_discount;
        if own != 0 {
            let reason = line.discount_reason.clone().unwrap_or_default();
            slip.text(format!(
                "  {} -{} {reason}",
                Msg::SlipDiscount.text(),
                money(own)
            ));
        }
    }
    if let Some(d) = p.ticket_discount.as_ref().filter(|d| d.amount != 0) {
        let label = if d.reason.is_empty() {
            Msg::SlipTicketDiscount.text().to_owned()
        } else {
            format!("{} ({})", Msg::SlipTicketDiscount.text(), d.reason)
        };
        slip.pair(label, format!("-{}", money(d.amount)));
    }
    slip.rule();
    slip.big(format!("{} {}", Msg::SlipTotal.text(), money(p.total_ttc)));
    match vat_status(p) {
        "franchise" => {
            slip.text(Msg::SlipVatFranchise.text());
        }
        "non_assujetti" => {
            slip.text(Msg::SlipVatNone.text());
        }
        _ if p.lines.iter().any(|l| l.vat_scheme == "margin") => {
            // Second-hand goods under the margin scheme show no VAT (CGI art. 297 E);
            // the VAT of the other lines is shown, extracted once per rate as always.
            let shown = normal_vat(p);
            if !shown.is_empty() {
                let normal = Payload {
                    vat: shown,
                    ..Payload::default()
                };
                vat_lines(slip, &normal);
                slip.pair(
                    Msg::SlipTotalVat.text(),
                    money(normal.vat.iter().map(|v| v.vat).sum()),
                );
            }
            slip.text(Msg::SlipMarginScheme.text());
        }
        _ => {
            vat_lines(slip, p);
            slip.pair(Msg::SlipTotalHt.text(), money(p.total_ht));
            slip.pair(Msg::SlipTotalVat.text(), money(p.total_vat));
        }
    }
    slip.rule();
    for pay in &p.payments {
        slip.pair(pay.method.clone(), money(pay.amount));
    }
    if p.change != 0 {
        slip.bold_pair(Msg::SlipChange.text(), money(p.change));
    }
    if let Some(r) = &p.refers_to {
        slip.rule();
        slip.text(r.text.clone());
        if let Some(reason) = r.reason.as_deref().filter(|s| !s.is_empty()) {
            slip.text(Msg::SlipRefundReason.fill(&[&reason]));
        }
        if let Some(who) = r.authorised_by.as_deref().filter(|s| !s.is_empty()) {
            slip.text(Msg::SlipAuthorisedBy.fill(&[&who]));
        }
    }
    // A good sold with the legal guarantee: the receipt that prints by itself for it
    // (the loi AGEC's exception) states the guarantee and what it covers.
    let guaranteed: Vec<&str> = p
        .lines
        .iter()
        .filter(|l| l.guarantee && l.quantity > 0)
        .map(|l| l.label.as_str())
        .collect();
    if !guaranteed.is_empty() {
        slip.rule();
        slip.text(Msg::SlipGuaranteeOn.fill(&[&guaranteed.join(", ")]));
        slip.text(Msg::SlipGuarantee.text());
    }
}

/// The VAT of a ticket's lines under the normal scheme, per rate: what its receipt may
/// show when other lines are sold under the margin scheme.
fn normal_vat(p: &Payload) -> Vec<Vat> {
    let mut per_rate: Vec<(u32, i64)> = Vec::new();
    for line in p.lines.iter().filter(|l| l.vat_scheme != "margin") {
        match per_rate.iter_mut().find(|(r, _)| *r == line.vat_rate) {
            Some((_, sum)) => *sum += line.total,
            None => per_rate.push((line.vat_rate, line.total)),
        }
    }
    per_rate.sort_unstable();
    per_rate
        .into_iter()
        .filter_map(|(bp, ttc)| {
            let total = crate::domain::VatTotal::of(
                VatRate::from_basis_points(bp).ok()?,
                Money::from_cents(ttc),
            )
            .ok()?;
            Some(Vat {
                rate: bp,
                ttc,
                ht: total.ht.cents(),
                vat: total.vat.cents(),
            })
        })
        .collect()
}

/// The VAT table: a row per rate, HT, VAT and TTC in columns (euros in the heading),
/// so no amount ever wraps away from its column.
fn vat_lines(slip: &mut Slip, p: &Payload) {
    if p.vat.is_empty() {
        return;
    }
    slip.columns(vec![
        Msg::SlipVatRateHead.text().to_owned(),
        Msg::SlipHtHead.text().to_owned(),
        Msg::SlipVatHead.text().to_owned(),
        Msg::SlipTtcHead.text().to_owned(),
    ]);
    for v in &p.vat {
        slip.columns(vec![
            rate(v.rate),
            Money::from_cents(v.ht).plain(),
            Money::from_cents(v.vat).plain(),
            Money::from_cents(v.ttc).plain(),
        ]);
    }
}

fn proof(slip: &mut Slip, p: &Payload) {
    document_line(slip, Msg::SlipProof, p);
    slip.pair(p.label.clone(), money(p.total));
    for pay in &p.payments {
        slip.pair(format!("  {}", pay.method), money(pay.amount));
    }
    slip.text(Msg::SlipOutsideVat.text());
}

/// The structure's VAT status as the document's payload names it (`assujetti` when it
/// names none).
fn vat_status(p: &Payload) -> &str {
    p.structure
        .as_ref()
        .map_or("assujetti", |s| s.vat_status.as_str())
}

/// The body shared by X and Z: figures of the period.
fn figures(slip: &mut Slip, p: &Payload) {
    slip.pair(Msg::SlipTickets.text(), p.tickets.to_string());
    if let (Some(first), Some(last)) = (p.first_ticket, p.last_ticket) {
        slip.text(Msg::SlipTicketRange.fill(&[&first, &last]));
    }
    if let Some(training) = p.training_tickets.filter(|n| *n > 0) {
        slip.pair(Msg::SlipTrainingTickets.text(), training.to_string());
    }
    // A structure that owes no VAT prints its mention, never a table of 0 % lines.
    match vat_status(p) {
        "franchise" => {
            slip.bold_pair(Msg::SlipTotalTtc.text(), money(p.total_ttc));
            slip.text(Msg::SlipVatFranchise.text());
        }
        "non_assujetti" => {
            slip.bold_pair(Msg::SlipTotalTtc.text(), money(p.total_ttc));
            slip.text(Msg::SlipVatNone.text());
        }
        _ => {
            vat_lines(slip, p);
            slip.bold_pair(Msg::SlipTotalTtc.text(), money(p.total_ttc));
            slip.pair(Msg::SlipTotalHt.text(), money(p.total_ht));
            slip.pair(Msg::SlipTotalVat.text(), money(p.total_vat));
        }
    }
    // The café's takings by service mode (its VAT depends on it).
    for service in &p.by_service {
        let mode = match service.mode.as_str() {
            "takeaway" => Msg::ModeTakeaway.text(),
            _ => Msg::ModeOnSite.text(),
        };
        slip.pair(format!("  {mode}"), money(service.ttc));
    }
    slip.rule();
    // By method, adding up to the total: cash net of change, vouchers both ways.
    let tenders: Vec<(String, PaymentKind, Money)> = p
        .payments
        .iter()
        .map(|t| {
            (
                t.method.clone(),
                PaymentKind::from_code(&t.kind).unwrap_or(PaymentKind::Other),
                Money::from_cents(t.amount),
            )
        })
        .collect();
    for (label, amount) in
        crate::journal::takings_by_method(&tenders, Money::from_cents(p.change_given))
    {
        slip.pair(label, amount.to_string());
    }
    slip.pair(Msg::SlipChangeGiven.text(), money(p.change_given));
    slip.rule();
    slip.pair(Msg::SlipRefunds.fill(&[&p.refunds]), money(p.refunds_total));
    slip.pair(Msg::SlipDiscounts.text(), money(p.discounts));
    slip.pair(Msg::SlipDuplicates.text(), p.duplicates.to_string());
    slip.pair(
        Msg::SlipDrawerOpenings.text(),
        p.drawer_openings.to_string(),
    );
    let proofs: Vec<&ProofLine> = p
        .proofs
        .iter()
        .filter(|proof| proof.kind != "drawer_opening")
        .collect();
    if !proofs.is_empty() {
        slip.text(Msg::SlipInDrawerNotTakings.text());
    }
    for proof in proofs {
        slip.pair(
            format!("  {} ({})", proof_label(&proof.kind), proof.count),
            money(proof.amount),
        );
    }
    if let Some(count) = &p.cash_count {
        slip.rule();
        slip.pair(Msg::SlipOpeningFloat.text(), money(count.opening_float));
        slip.pair(Msg::SlipCountedCash.text(), money(count.counted_cash));
        for check in &count.checks {
            slip.pair(expected_label(&check.kind), money(check.expected));
            slip.pair(
                format!("  {}", Msg::SlipDeclared.text()),
                money(check.declared),
            );
            slip.bold_pair(
                format!("  {}", Msg::SlipDifference.text()),
                money(check.difference),
            );
        }
        if !count.comment.is_empty() {
            slip.text(Msg::SlipComment.fill(&[&count.comment]));
        }
    }
    slip.rule();
    if let Some(outstanding) = p.vouchers_outstanding {
        slip.pair(Msg::SlipVouchersOutstanding.text(), money(outstanding));
    }
    slip.pair(Msg::SlipGrandTotal.text(), money(p.grand_total_ttc));
    for v in &p.grand_total {
        slip.pair(
            format!("  {} {}", Msg::SlipVat.text(), rate(v.rate)),
            money(v.ttc),
        );
    }
    if let Some(chain) = &p.chain {
        let short = |h: &ChainHead| h.hash.get(..8).unwrap_or(&h.hash).to_owned();
        slip.text(
            Msg::SlipChainDocuments.fill(&[&chain.documents.count, &short(&chain.documents)]),
        );
        slip.text(Msg::SlipChainEvents.fill(&[&chain.events.count, &short(&chain.events)]));
    }
    if let Some(fp) = &p.key_fingerprint {
        slip.text(Msg::SlipKeyFingerprint.fill(&[fp]));
    }
}

fn proof_label(kind: &str) -> String {
    match kind {
        "membership_fee" => Msg::ProofMembershipFee.text().to_owned(),
        "donation" => Msg::ProofDonation.text().to_owned(),
        "cash_in" => Msg::ProofCashIn.text().to_owned(),
        "cash_out" => Msg::ProofCashOut.text().to_owned(),
        "opening_float" => Msg::ProofOpeningFloat.text().to_owned(),
        "drawer_opening" => Msg::ProofDrawerOpening.text().to_owned(),
        "gift_voucher" => Msg::ProofGiftVoucher.text().to_owned(),
        other => other.to_owned(),
    }
}

fn expected_label(kind: &str) -> String {
    match kind {
        "cash" => Msg::SlipExpectedCash.text().to_owned(),
        "card" => Msg::SlipExpectedCard.text().to_owned(),
        "cheque" => Msg::SlipExpectedCheque.text().to_owned(),
        other => Msg::SlipExpected.fill(&[&other]),
    }
}

/// The slip of a stored document (`payload` as in the journal, `hash` its chain hash).
/// A duplicate prints its original with "DUPLICATA n°". `barcode`, on a receipt, is the
/// code that finds the ticket again when scanned.
pub fn document_slip(payload: &str, hash: &str, barcode: Option<&str>) -> Result<Slip, PrintError> {
    document_slip_keyed(payload, hash, barcode, None)
}

/// The same, a Z printing the installation key's `fingerprint` too.
pub fn document_slip_keyed(
    payload: &str,
    hash: &str,
    barcode: Option<&str>,
    fingerprint: Option<&str>,
) -> Result<Slip, PrintError> {
    let mut p = parse(payload)?;
    p.key_fingerprint = fingerprint.map(str::to_owned);
    let copy = (p.kind == "duplicate").then(|| CopyOf {
        nth: p.duplicate_number,
        series: p.series.clone(),
        number: p.number,
        timestamp: p.timestamp.clone(),
        operator: p.operator.clone(),
    });
    let body = match p.original.take() {
        Some(original) if copy.is_some() => *original,
        _ => p,
    };
    let mut slip = Slip {
        cut: true,
        ..Slip::default()
    };
    header(&mut slip, &body);
    match body.kind.as_str() {
        "ticket" => ticket(&mut slip, &body, Msg::SlipTicket),
        "note" => {
            // The bill before payment: the lines and their VAT, nothing paid yet.
            slip.big(Msg::SlipBill.text());
            ticket(&mut slip, &body, Msg::SlipNote);
            slip.centred(Msg::SlipBillNotice.text());
        }
        "proof" => proof(&mut slip, &body),
        "closing" => {
            slip.big(Msg::SlipZ.fill(&[&body.closing_label(), &body.period]));
            document_line(&mut slip, Msg::SlipClosing, &body);
            figures(&mut slip, &body);
        }
        other => return Err(PrintError::Render(format!("document « {other} »"))),
    }
    if let Some(code) = barcode {
        slip.rule();
        slip.blocks
            .push(super::document::Block::Ean13(code.to_owned()));
    }
    footer(&mut slip, &body, hash, copy.as_ref());
    Ok(slip)
}

impl Payload {
    fn closing_label(&self) -> &'static str {
        match self.closing.as_str() {
            "month" => Msg::SlipMonth.text(),
            "year" => Msg::SlipYear.text(),
            _ => Msg::SlipDay.text(),
        }
    }
}

/// The X report: the figures of a day so far (`figures` as the journal's figures JSON),
/// printed but written nowhere.
pub fn x_slip(figures_json: &str, terminal: &str, at: &str) -> Result<Slip, PrintError> {
    let p = parse(figures_json)?;
    let mut slip = Slip {
        cut: true,
        ..Slip::default()
    };
    header(&mut slip, &p);
    slip.big(Msg::SlipX.text());
    slip.centred(format!(
        "{}  {} {terminal}",
        when(at),
        Msg::SlipTerminal.text()
    ));
    slip.centred(Msg::SlipXNotice.text());
    slip.rule();
    figures(&mut slip, &p);
    Ok(slip)
}

/// How long a voucher may be spent: a year from the day it was issued.
pub const VOUCHER_VALIDITY_DAYS: i64 = 365;

/// The slip of a voucher issued by the document `payload` (a sale's change, a refund):
/// the shop, the amount, its code as a barcode and in clear, the day and document that
/// issued it and until when it may be spent.
pub fn voucher_slip(payload: &str, code: &str, amount: Money) -> Result<Slip, PrintError> {
    voucher_slip_titled(payload, code, amount, Msg::TillVoucherSlipTitle)
}

/// The slip of a gift voucher sold (« BON CADEAU »): the voucher slip under its own title.
pub fn gift_voucher_slip(payload: &str, code: &str, amount: Money) -> Result<Slip, PrintError> {
    voucher_slip_titled(payload, code, amount, Msg::SlipGiftVoucherTitle)
}

fn voucher_slip_titled(
    payload: &str,
    code: &str,
    amount: Money,
    title: Msg,
) -> Result<Slip, PrintError> {
    let p = parse(payload)?;
    let mut slip = Slip {
        cut: true,
        ..Slip::default()
    };
    header(&mut slip, &p);
    slip.big(title.text());
    slip.big(amount.to_string());
    slip.blocks
        .push(super::document::Block::Ean13(code.to_owned()));
    slip.centred(Msg::SlipVoucherNumber.fill(&[&code]));
    slip.rule();
    slip.text(Msg::SlipVoucherIssuedOn.fill(&[&when(&p.timestamp), &p.series, &p.number]));
    let until = chrono::DateTime::parse_from_rfc3339(&p.timestamp)
        .map(|at| {
            (at + chrono::TimeDelta::days(VOUCHER_VALIDITY_DAYS))
                .format("%d/%m/%Y")
                .to_string()
        })
        .unwrap_or_default();
    slip.bold_pair(Msg::SlipVoucherValidUntil.text(), until);
    slip.centred(Msg::TillVoucherSlipNotice.text());
    Ok(slip)
}

/// A page with every French accent and the euro sign, to check a printer's code page.
pub fn test_page(profile_name: &str, columns: usize) -> Slip {
    let mut slip = Slip {
        cut: true,
        ..Slip::default()
    };
    slip.big(Msg::SlipTestTitle.text());
    slip.centred(profile_name.to_owned());
    slip.rule();
    slip.text("àâä çé èêë îï ôö ùûü ÿ œ æ");
    slip.text("ÀÂÄ ÇÉ ÈÊË ÎÏ ÔÖ ÙÛÜ Ÿ Œ Æ");
    slip.text("« guillemets » l’apostrophe — 12,50 €");
    slip.pair(Msg::SlipTotal.text(), money(1250));
    slip.rule();
    slip.text(
        "0123456789"
            .repeat(columns.div_ceil(10))
            .chars()
            .take(columns)
            .collect::<String>(),
    );
    slip.text(Msg::SlipTestFooter.fill(&[&columns]));
    slip
}
