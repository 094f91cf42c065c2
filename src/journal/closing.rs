//! Closings: the daily Z per terminal (with its cash count), and the monthly and yearly
//! closings made when a day of a new month or year is closed. An X report gives the same
//! figures at any time without writing anything.

use super::document::{self, Context, DocKind, DocRef, Figures};
use super::events::{self, EventCode};
use super::session;
use super::{InstallationKey, JournalError};
use crate::domain::{Money, PaymentKind, VatTotal};
use crate::storage::journal::{self as store, PeriodStats, Span};
use crate::storage::{Timestamp, Tx, sessions};
use serde_json::{Value, json};

/// What the manager counted in the drawer and read off the terminals' slips.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CashCount {
    /// Face value and how many of it (coins and notes).
    pub denominations: Vec<(Money, i64)>,
    pub cheques_declared: Money,
    pub card_declared: Money,
    /// Required when any difference is not zero.
    pub comment: String,
}

impl CashCount {
    pub fn counted_cash(&self) -> Result<Money, JournalError> {
        let mut sum = Money::ZERO;
        for (value, count) in &self.denominations {
            sum = sum.checked_add(value.checked_mul(*count)?)?;
        }
        Ok(sum)
    }
}

/// The figures of a terminal over a period (one day for X and Z).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodFigures {
    pub terminal: String,
    pub from: String,
    pub to: String,
    /// Real tickets only, by VAT rate.
    pub vat: Vec<VatTotal>,
    /// Money per payment method on tickets, change not deducted; vouchers spent and
    /// issued apart.
    pub tenders: Vec<(String, PaymentKind, Money)>,
    /// Money per payment method on payment proofs (float, fees, donations, cash in and
    /// out): in the drawer, not in takings.
    pub proof_tenders: Vec<(String, PaymentKind, Money)>,
    pub stats: PeriodStats,
    /// Payment proofs by kind: `(kind, count, amount)`.
    pub proofs: Vec<(String, i64, Money)>,
    /// The perpetual grand total of the terminal, by rate, as it stands now.
    pub grand_total: Vec<VatTotal>,
    /// The café's takings by service mode (`on_site`, `takeaway`); empty at a shop till.
    pub by_service: Vec<(String, Money)>,
}

impl PeriodFigures {
    pub fn total_ttc(&self) -> Money {
        self.vat.iter().map(|v| v.ttc).sum()
    }

    pub fn total_ht(&self) -> Money {
        self.vat.iter().map(|v| v.ht).sum()
    }

    pub fn total_vat(&self) -> Money {
        self.vat.iter().map(|v| v.vat).sum()
    }

    /// What should be in the drawer or on the slips for `kind`: the tenders of that kind
    /// on tickets and proofs (the float included), less the change given for cash.
    pub fn expected(&self, kind: PaymentKind) -> Money {
        let taken: Money = self
            .tenders
            .iter()
            .chain(&self.proof_tenders)
            .filter(|t| t.1 == kind)
            .map(|t| t.2)
            .sum();
        if kind == PaymentKind::Cash {
            Money::from_cents(taken.cents() - self.stats.change_given.cents())
        } else {
            taken
        }
    }
}

/// The takings by payment method, adding up to the takings' total: cash net of the
/// change given, vouchers spent and vouchers issued on two lines (« Avoirs utilisés »,
/// « Avoirs émis »), never netted. Proofs (float, fees, donations) are not takings.
pub fn takings_by_method(
    tenders: &[(String, PaymentKind, Money)],
    change_given: Money,
) -> Vec<(String, Money)> {
    let mut change = change_given;
    tenders
        .iter()
        .map(|(method, kind, amount)| {
            let mut amount = *amount;
            if *kind == PaymentKind::Cash && !change.is_zero() {
                amount = Money::from_cents(amount.cents() - change.cents());
                change = Money::ZERO;
            }
            let label = match kind {
                PaymentKind::Voucher if amount.is_negative() => {
                    crate::i18n::Msg::SlipVoucherIssued.text().to_owned()
                }
                PaymentKind::Voucher => crate::i18n::Msg::SlipVoucherSpent.text().to_owned(),
                _ => method.clone(),
            };
            (label, amount)
        })
        .collect()
}

/// The figures of a span of a terminal's documents (a till session, a month, a year).
/// The grand total is the terminal's live perpetual counter: right for a session's X and
/// Z, which see every ticket of the terminal up to now; a period closing takes it from
/// its last Z instead.
pub fn figures(tx: &Tx, span: &Span) -> Result<PeriodFigures, JournalError> {
    Ok(PeriodFigures {
        terminal: span.terminal.to_owned(),
        from: span.from.to_owned(),
        to: span.to.to_owned(),
        vat: on_totals(store::ticket_vat(tx, span)?)?,
        tenders: store::tender_totals(tx, span, "ticket")?,
        proof_tenders: store::tender_totals(tx, span, "proof")?,
        stats: store::period_stats(tx, span)?,
        proofs: store::proof_totals(tx, span)?,
        grand_total: on_totals(store::counter(tx, span.terminal, store::Period::Perpetual)?)?,
        by_service: store::service_totals(tx, span)?,
    })
}

/// VAT extracted once per rate on the period's TTC total of that rate, as on a ticket: a
/// period's VAT is the rate applied to its TTC, not the sum of each ticket's rounded VAT
/// (which may differ from it by a cent or so).
fn on_totals(sums: Vec<VatTotal>) -> Result<Vec<VatTotal>, JournalError> {
    Ok(sums
        .into_iter()
        .map(|v| VatTotal::of(v.rate, v.ttc))
        .collect::<Result<_, _>>()?)
}

/// The X report of the terminal's business day at `at` (its open session, or the empty
/// one the next document opens): the Z's figures, written nowhere.
pub fn x_report(tx: &Tx, terminal: &str, at: Timestamp) -> Result<PeriodFigures, JournalError> {
    let day = session::current(tx, terminal, at)?;
    figures(tx, &day.span(terminal))
}

/// Both chains' heads as the Z and the archives print and carry them: how many records
/// and the last one's hash. A Z slip kept in a drawer then says how long the journal was
/// that evening — an older copy of the database put back later no longer reaches it.
pub(super) fn chain_heads(tx: &Tx) -> Result<Value, JournalError> {
    let head = |chain| -> Result<Value, JournalError> {
        Ok(store::head(tx, chain)?.map_or(
            json!({"count": 0, "hash": super::GENESIS}),
            |h| json!({"count": h.count, "hash": h.hash}),
        ))
    };
    Ok(json!({
        "documents": head(store::Chain::Documents)?,
        "events": head(store::Chain::Events)?,
    }))
}

fn vat_json(vat: &[VatTotal]) -> Value {
    Value::Array(
        vat.iter()
            .map(|v| json!({"rate": v.rate.basis_points(), "ttc": v.ttc.cents(), "ht": v.ht.cents(), "vat": v.vat.cents()}))
            .collect(),
    )
}

/// The figures as the Z's payload carries them (and as the X report prints them).
pub fn figures_json(f: &PeriodFigures) -> Value {
    let mut body = json!({
        "from": f.from,
        "to": f.to,
        "vat": vat_json(&f.vat),
        "total_ttc": f.total_ttc().cents(),
        "total_ht": f.total_ht().cents(),
        "total_vat": f.total_vat().cents(),
        "payments": f.tenders.iter().map(|(method, kind, amount)| json!({
            "method": method, "kind": kind.code(), "amount": amount.cents()
        })).collect::<Vec<_>>(),
        "proof_payments": f.proof_tenders.iter().map(|(method, kind, amount)| json!({
            "method": method, "kind": kind.code(), "amount": amount.cents()
        })).collect::<Vec<_>>(),
        "tickets": f.stats.tickets,
        "refunds": f.stats.refunds,
        "refunds_total": f.stats.refunds_total.cents(),
        "discounts": f.stats.discounts.cents(),
        "change_given": f.stats.change_given.cents(),
        "duplicates": f.stats.duplicates,
        "drawer_openings": f.stats.drawer_openings,
        "first_ticket": f.stats.first_ticket,
        "last_ticket": f.stats.last_ticket,
        "proofs": f.proofs.iter().map(|(kind, count, amount)| json!({
            "kind": kind, "count": count, "amount": amount.cents()
        })).collect::<Vec<_>>(),
        "grand_total": vat_json(&f.grand_total),
        "grand_total_ttc": f.grand_total.iter().map(|v| v.ttc).sum::<Money>().cents(),
    });
    // A café's takings by service mode; a shop's figures carry no such key.
    if !f.by_service.is_empty()
        && let Value::Object(map) = &mut body
    {
        map.insert(
            "by_service".into(),
            Value::Array(
                f.by_service
                    .iter()
                    .map(|(mode, ttc)| json!({"mode": mode, "ttc": ttc.cents()}))
                    .collect(),
            ),
        );
    }
    body
}

/// Closes the context's terminal's open session (its business day, whatever the hour
/// now): writes the Z with its cash count, then the monthly and yearly closings that are
/// due on every terminal.
pub fn close_day(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    count: &CashCount,
) -> Result<DocRef, JournalError> {
    let terminal = ctx.terminal.as_str();
    session::check_clock(tx, &ctx.terminal, ctx.at)?;
    let day = session::current(tx, terminal, ctx.at)?;
    if !day.is_open() {
        return Err(JournalError::NothingToClose);
    }
    let date = day.date.as_str();
    let period = day.period();
    let f = figures(tx, &day.span(terminal))?;
    let counted = count.counted_cash()?;
    let checks = [
        ("cash", f.expected(PaymentKind::Cash), counted),
        (
            "cheque",
            f.expected(PaymentKind::Cheque),
            count.cheques_declared,
        ),
        ("card", f.expected(PaymentKind::Card), count.card_declared),
    ];
    let differences: Vec<Value> = checks
        .iter()
        .map(|(kind, expected, declared)| {
            json!({"kind": kind, "expected": expected.cents(), "declared": declared.cents(),
                   "difference": declared.cents() - expected.cents()})
        })
        .collect();
    let any_difference = checks
        .iter()
        .any(|(_, expected, declared)| expected != declared);
    if any_difference && count.comment.trim().is_empty() {
        return Err(JournalError::CommentRequired);
    }
    let float: Money = f
        .proofs
        .iter()
        .filter(|(kind, _, _)| kind == "opening_float")
        .map(|p| p.2)
        .sum();
    let mut body = figures_json(&f);
    if let Value::Object(map) = &mut body {
        map.insert("chain".into(), chain_heads(tx)?);
        map.insert(
            "training_tickets".into(),
            json!(store::training_tickets(tx, &day.span(terminal))?),
        );
        // What the vouchers in circulation are worth that evening: a debt of the shop.
        map.insert(
            "vouchers_outstanding".into(),
            json!(crate::storage::vouchers::outstanding(tx)?.cents()),
        );
        map.insert("closing".into(), json!("day"));
        map.insert("period".into(), json!(period));
        if let Some(opened) = day.opened_at {
            map.insert("opened_at".into(), json!(opened.to_rfc3339()));
        }
        map.insert(
            "cash_count".into(),
            json!({
                "opening_float": float.cents(),
                "denominations": count.denominations.iter().map(|(value, n)| json!({"value": value.cents(), "count": n})).collect::<Vec<_>>(),
                "counted_cash": counted.cents(),
                "checks": differences,
                "comment": count.comment.trim(),
            }),
        );
    }
    let doc = document::append(
        tx,
        key,
        ctx,
        DocKind::Closing,
        body,
        Figures {
            total: f.total_ttc(),
            detail: format!("day {period}"),
            vat: &f.vat,
            business_date: Some(date.to_owned()),
            ..Figures::default()
        },
    )?;
    store::insert_closing(tx, doc.id, terminal, "day", &period)?;
    if any_difference {
        let said: Vec<String> = checks
            .iter()
            .filter(|(_, expected, declared)| expected != declared)
            .map(|(kind, expected, declared)| {
                let what = match *kind {
                    "cash" => crate::i18n::Msg::PayCash,
                    "card" => crate::i18n::Msg::PayCard,
                    _ => crate::i18n::Msg::PayCheque,
                };
                format!(
                    "{} {}",
                    what.text(),
                    Money::from_cents(declared.cents() - expected.cents())
                )
            })
            .collect();
        events::record(
            tx,
            key,
            EventCode::CashDifference,
            ctx.at,
            &ctx.operator,
            terminal,
            &format!(
                "Z {period} : {} — {}",
                said.join(", "),
                count.comment.trim()
            ),
        )?;
    }
    events::record(
        tx,
        key,
        EventCode::Closing,
        ctx.at,
        &ctx.operator,
        terminal,
        &format!("Z {period} n° {}", doc.number),
    )?;
    close_due_periods(tx, key, ctx)?;
    Ok(doc)
}

/// Writes the month and year closings that are due on every terminal at `ctx.at`: a
/// month whose days a terminal closed is closed once the calendar is past it and the
/// terminal has no session open in it (an idle till gets its closing with the others);
/// a year likewise once its months are closed. Each closing is dated on the last day of
/// its period, carries that period's figures (all from closed sessions) and the grand
/// total as its last Z printed it — never a live counter.
pub fn close_due_periods(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
) -> Result<(), JournalError> {
    let today = session::calendar_date(ctx.at);
    for terminal in sessions::terminals_with_closings(tx)? {
        let day = session::current(tx, &terminal, ctx.at)?;
        // The first period this terminal cannot close yet: the one its open session is in.
        let open = day.is_open().then_some(day.date);
        let closable = |period: &str| {
            period < &today[..period.len()]
                && open.as_deref().is_none_or(|d| &d[..period.len()] > period)
        };
        for month in store::closed_periods_without_parent(tx, &terminal, "day", "month", 7)? {
            if closable(&month) {
                close_period(tx, key, ctx, &terminal, PeriodKind::Month, &month)?;
            }
        }
        for year in store::closed_periods_without_parent(tx, &terminal, "month", "year", 4)? {
            if closable(&year) {
                close_period(tx, key, ctx, &terminal, PeriodKind::Year, &year)?;
            }
        }
    }
    Ok(())
}

/// A period closing's kind: what it closes and what it sums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PeriodKind {
    Month,
    Year,
}

impl PeriodKind {
    const fn code(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Year => "year",
        }
    }

    /// The closings it is made of: days for a month, months for a year.
    const fn parts(self) -> &'static str {
        match self {
            PeriodKind::Month => "day",
            PeriodKind::Year => "month",
        }
    }

    /// First and last business dates of `period` (`YYYY-MM` or `YYYY`).
    fn bounds(self, period: &str) -> Result<(String, String), JournalError> {
        let bad = || JournalError::ArchivePeriod(period.to_owned());
        let first = match self {
            PeriodKind::Month => format!("{period}-01"),
            PeriodKind::Year => format!("{period}-01-01"),
        };
        let start = chrono::NaiveDate::parse_from_str(&first, "%Y-%m-%d").map_err(|_| bad())?;
        let next = match self {
            PeriodKind::Month => start.checked_add_months(chrono::Months::new(1)),
            PeriodKind::Year => start.checked_add_months(chrono::Months::new(12)),
        };
        let last = next.and_then(|d| d.pred_opt()).ok_or_else(bad)?;
        Ok((first, last.format("%Y-%m-%d").to_string()))
    }
}

fn close_period(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    terminal: &str,
    kind: PeriodKind,
    period: &str,
) -> Result<DocRef, JournalError> {
    let (from, to) = kind.bounds(period)?;
    let span = Span {
        terminal,
        from: &from,
        to: &to,
        after: 0,
    };
    let mut f = figures(tx, &span)?;
    // The grand total as at the period's last day: the one its last closing printed.
    let last = sessions::last_closing_payload_between(
        tx,
        terminal,
        kind.parts(),
        period,
        &format!("{period}~"),
    )?;
    f.grand_total = last
        .as_deref()
        .map(grand_total_of)
        .transpose()?
        .unwrap_or_default();
    let mut body = figures_json(&f);
    if let Value::Object(map) = &mut body {
        map.insert("closing".into(), json!(kind.code()));
        map.insert("period".into(), json!(period));
    }
    // Written by whichever terminal's Z found it due, in the name of the terminal it
    // closes: its own series, its point of sale.
    let owner = Context {
        terminal: crate::domain::TerminalCode::parse(terminal)?,
        point_of_sale: point_of_sale_of(tx, terminal)?.unwrap_or_else(|| ctx.point_of_sale.clone()),
        operator: ctx.operator.clone(),
        training: false,
        at: ctx.at,
    };
    let doc = document::append(
        tx,
        key,
        &owner,
        DocKind::Closing,
        body,
        Figures {
            total: f.total_ttc(),
            detail: format!("{} {period}", kind.code()),
            vat: &f.vat,
            business_date: Some(to),
            ..Figures::default()
        },
    )?;
    store::insert_closing(tx, doc.id, terminal, kind.code(), period)?;
    events::record(
        tx,
        key,
        EventCode::Closing,
        ctx.at,
        &ctx.operator,
        terminal,
        &format!("{} {period} n° {}", kind.code(), doc.number),
    )?;
    Ok(doc)
}

/// The perpetual grand total by rate a closing's payload printed.
fn grand_total_of(payload: &str) -> Result<Vec<VatTotal>, JournalError> {
    let value: Value = serde_json::from_str(payload)
        .map_err(|_| JournalError::Storage(crate::storage::StorageError::Corrupt))?;
    let mut totals = Vec::new();
    for v in value["grand_total"].as_array().into_iter().flatten() {
        let rate = v["rate"].as_i64().unwrap_or_default();
        let ttc = v["ttc"].as_i64().unwrap_or_default();
        totals.push(VatTotal {
            rate: crate::domain::VatRate::from_basis_points(rate as u32)?,
            ttc: Money::from_cents(ttc),
            ht: Money::from_cents(v["ht"].as_i64().unwrap_or_default()),
            vat: Money::from_cents(v["vat"].as_i64().unwrap_or_default()),
        });
    }
    Ok(totals)
}

/// The name of the point of sale a terminal belongs to.
fn point_of_sale_of(tx: &Tx, terminal: &str) -> Result<Option<String>, JournalError> {
    let Ok(code) = crate::domain::TerminalCode::parse(terminal) else {
        return Ok(None);
    };
    let Some(t) = crate::storage::points_of_sale::find_terminal(tx, &code)? else {
        return Ok(None);
    };
    Ok(Some(
        crate::storage::points_of_sale::get(tx, t.point_of_sale_id)?
            .name
            .to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(method: &str, kind: PaymentKind, cents: i64) -> (String, PaymentKind, Money) {
        (method.to_owned(), kind, Money::from_cents(cents))
    }

    #[test]
    fn takings_by_method_add_up_to_the_total_and_keep_vouchers_apart() {
        // Sales of 19 € and 7 €: card 10, cash 20 with 11 of change; a 7 € voucher spent
        // on one, a 7 € voucher issued as the change of another paid 14 € in cash.
        let tenders = [
            t("Carte bancaire", PaymentKind::Card, 1000),
            t("Espèces", PaymentKind::Cash, 3400),
            t("Avoir", PaymentKind::Voucher, 700),
            t("Avoir", PaymentKind::Voucher, -700),
        ];
        let lines = takings_by_method(&tenders, Money::from_cents(1100));
        let labels: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Carte bancaire",
                "Espèces",
                "Avoirs utilisés",
                "Avoirs émis"
            ]
        );
        let cents: Vec<i64> = lines.iter().map(|(_, m)| m.cents()).collect();
        assert_eq!(cents, [1000, 2300, 700, -700]);
        assert_eq!(cents.iter().sum::<i64>(), 3300);
    }
}
