//! Paying at the café: the bill before payment (a note in the journal), and the payments
//! that settle all of an order, chosen lines, or one of N equal parts.

use super::require_cafe;
use crate::domain::{Money, SaleLine};
use crate::i18n::Msg;
use crate::journal::{Context, DocRef, InstallationKey};
use crate::ops::{OpsError, Result, Session};
use crate::storage::Store;
use crate::storage::cafe::{self, Line};

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
    crate::ops::journal::write_anchored(store, key, ctx, |tx| {
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

/// What a portion of an open order puts on its ticket: the lines sold, the order lines
/// it pays, and the split after it (parts, parts paid).
type Chosen = (Vec<SaleLine>, Vec<i64>, Option<(i64, i64)>);

fn chosen(tx: &crate::storage::Tx, order: i64, portion: &Portion) -> Result<Chosen> {
    let open = cafe::order(tx, order)?;
    let due: Vec<Line> = cafe::lines(tx, order)?
        .into_iter()
        .filter(|l| !l.cancelled && !l.paid)
        .collect();
    if due.is_empty() {
        return Err(OpsError::OrderEmpty(open.label));
    }
    let splitting = open.split.filter(|(_, paid)| *paid > 0);
    Ok(match portion {
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
    })
}

/// What `portion` of the order comes to now (what the café screen asks to be paid).
pub fn portion_due(store: &mut Store, order: i64, portion: &Portion) -> Result<Money> {
    let (lines, _, _) = store.read(|tx| chosen(tx, order, portion))?;
    Ok(lines
        .iter()
        .map(SaleLine::total)
        .sum::<std::result::Result<Money, _>>()?)
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
    payments: &[crate::ops::till::Payment],
) -> Result<Settled> {
    require_cafe(session)?;
    if payments.iter().any(|p| p.amount.cents() <= 0) {
        return Err(crate::domain::DomainError::TenderSign.into());
    }
    let tenders: Vec<_> = payments.iter().map(crate::ops::till::tender_of).collect();
    crate::ops::journal::write_anchored(store, key, ctx, |tx| {
        let (lines, paid, split) = chosen(tx, order, portion)?;
        crate::ops::till::check_vouchers(tx, payments)?;
        let settlement = crate::domain::settle(&lines, &tenders)?;
        let doc = crate::journal::append_ticket(tx, key, ctx, &lines, &tenders, None)?;
        crate::ops::till::spend_vouchers(tx, payments, &doc)?;
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
