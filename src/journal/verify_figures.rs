//! What `verify` checks beyond the chain: every figure that feeds an X, a Z or a report
//! and is not itself hashed. A document's `total`, `discount`, `change_given`, `vat`,
//! `tenders`, `detail` and `refers_to` columns are recomputed from its hashed payload; the
//! running counters are recomputed from the tickets; the items marked sold and the sold
//! weights are checked against the tickets that name them. Each mismatch is named the way
//! a broken link is: which record, and what differs.

use super::verify::Failure;
use crate::domain::{Money, VatRate};
use crate::i18n::Msg;
use crate::storage::Tx;
use crate::storage::journal::{self as store, CounterRow, StoredDocument};
use serde::Deserialize;
use std::collections::HashMap;

// Borrowed from the payload's text where it has no escapes: one allocation-free parse
// per document is most of what these checks cost.
type Text<'a> = std::borrow::Cow<'a, str>;

#[derive(Deserialize)]
pub(super) struct Payload<'a> {
    #[serde(borrow)]
    kind: Text<'a>,
    #[serde(borrow)]
    series: Text<'a>,
    number: i64,
    #[serde(borrow)]
    terminal: Text<'a>,
    training: bool,
    #[serde(borrow)]
    business_date: Text<'a>,
    total_ttc: Option<i64>,
    total: Option<i64>,
    change: Option<i64>,
    #[serde(default, borrow)]
    lines: Vec<Line<'a>>,
    #[serde(default)]
    vat: Vec<Vat>,
    #[serde(default, borrow)]
    payments: Vec<Pay<'a>>,
    #[serde(borrow)]
    proof: Option<Text<'a>>,
    #[serde(borrow)]
    closing: Option<Text<'a>>,
    #[serde(borrow)]
    period: Option<Text<'a>>,
    #[serde(borrow)]
    archive: Option<Text<'a>>,
    #[serde(borrow)]
    order: Option<Text<'a>>,
    #[serde(borrow)]
    refers_to: Option<Ref<'a>>,
    #[serde(borrow)]
    duplicate_of: Option<Ref<'a>>,
}

#[derive(Deserialize)]
struct Line<'a> {
    #[serde(default)]
    discount: i64,
    #[serde(borrow)]
    item_code: Option<Text<'a>>,
    quantity: i64,
    grams: Option<i64>,
}

#[derive(Deserialize)]
struct Vat {
    rate: u32,
    ttc: i64,
    ht: i64,
    vat: i64,
}

#[derive(Deserialize)]
struct Pay<'a> {
    #[serde(borrow)]
    method: Text<'a>,
    #[serde(borrow)]
    kind: Text<'a>,
    amount: i64,
}

#[derive(Deserialize)]
struct Ref<'a> {
    #[serde(borrow)]
    series: Text<'a>,
    number: i64,
}

/// Sums of one counter row recomputed from the tickets: `[ttc, ht, vat]` per period.
#[derive(Default)]
struct Sums {
    day: [i64; 3],
    month: [i64; 3],
    year: [i64; 3],
    total: [i64; 3],
}

/// What one ticket tells the item and weight checks.
struct TicketFacts {
    lines: i64,
    negative: bool,
    training: bool,
    /// The grams its lines say they took out (tickets written since lines carry them).
    grams: Option<i64>,
}

/// Checks the figures of documents as they stream by, then the counters, items and
/// weights once the stream is over.
pub(super) struct FigureCheck {
    /// By terminal, then rate: looked up by the payload's borrowed terminal.
    counters: HashMap<String, HashMap<u32, (CounterRow, Sums)>>,
    /// The last real ticket naming each item code (as a number): its id, and whether it
    /// sold the item (`true`) or took it back.
    items: HashMap<u64, (i64, bool)>,
    tickets: HashMap<i64, TicketFacts>,
}

fn column(name: &str, stored: &dyn std::fmt::Display, expected: &dyn std::fmt::Display) -> String {
    Msg::VerifyColumn.fill(&[&name, stored, expected])
}

fn add(sums: &mut [i64; 3], v: &Vat) {
    sums[0] += v.ttc;
    sums[1] += v.ht;
    sums[2] += v.vat;
}

impl FigureCheck {
    pub(super) fn new(tx: &Tx) -> Result<FigureCheck, crate::storage::StorageError> {
        let mut counters: HashMap<String, HashMap<u32, (CounterRow, Sums)>> = HashMap::new();
        for row in store::all_counters(tx)? {
            counters
                .entry(row.terminal.clone())
                .or_default()
                .insert(row.rate_bp, (row, Sums::default()));
        }
        Ok(FigureCheck {
            counters,
            items: HashMap::new(),
            tickets: HashMap::new(),
        })
    }

    /// The columns of `doc` against its payload; `Some(reason)` names the first that
    /// differs.
    pub(super) fn document(
        &mut self,
        tx: &Tx,
        doc: &StoredDocument,
    ) -> Result<Option<String>, crate::storage::StorageError> {
        let p: Payload = match serde_json::from_str(&doc.payload) {
            Ok(p) => p,
            Err(error) => return Ok(Some(Msg::VerifyPayloadUnreadable.fill(&[&error]))),
        };
        let found = columns(doc, &p, &mut |series, number| {
            Ok(Some(store::find_document(tx, series, number)?.id))
        })?;
        if found.is_none() && &*p.kind == "ticket" {
            self.ticket(doc, &p);
        }
        Ok(found)
    }
}

/// Finds the id of the document a payload names by series and number.
pub(super) type Resolve<'a> =
    dyn FnMut(&str, i64) -> Result<Option<i64>, crate::storage::StorageError> + 'a;

/// The columns of `doc` against its payload `p`; `Some(reason)` names the first that
/// differs. `resolve` finds the id of the document a payload names (series, number).
pub(super) fn columns(
    doc: &StoredDocument,
    p: &Payload,
    resolve: &mut Resolve,
) -> Result<Option<String>, crate::storage::StorageError> {
    let identity = [
        ("kind", doc.kind.as_str(), &*p.kind),
        ("series", doc.series.as_str(), &*p.series),
        ("terminal", doc.terminal.as_str(), &*p.terminal),
        (
            "business_date",
            doc.business_date.as_str(),
            &*p.business_date,
        ),
    ];
    for (name, stored, expected) in identity {
        if stored != expected {
            return Ok(Some(column(name, &stored, &expected)));
        }
    }
    if doc.number != p.number {
        return Ok(Some(column("number", &doc.number, &p.number)));
    }
    if doc.training != p.training {
        return Ok(Some(column("training", &doc.training, &p.training)));
    }
    let kind = &*p.kind;
    let is_ticket = kind == "ticket";
    let total = match kind {
        "ticket" | "closing" | "note" => p.total_ttc.unwrap_or(0),
        "proof" => p.total.unwrap_or(0),
        _ => 0,
    };
    let discount: i64 = if is_ticket {
        p.lines.iter().map(|l| l.discount).sum()
    } else {
        0
    };
    let change = if is_ticket { p.change.unwrap_or(0) } else { 0 };
    let money = [
        ("total", doc.total, total),
        ("discount", doc.discount, discount),
        ("change_given", doc.change_given, change),
    ];
    for (name, stored, expected) in money {
        if stored.cents() != expected {
            return Ok(Some(column(name, &stored, &Money::from_cents(expected))));
        }
    }
    let vat: Vec<[i64; 4]> = if matches!(kind, "ticket" | "closing" | "note") {
        p.vat
            .iter()
            .map(|v| [i64::from(v.rate), v.ttc, v.ht, v.vat])
            .collect()
    } else {
        Vec::new()
    };
    if serde_json::from_str::<Vec<[i64; 4]>>(&doc.vat)
        .ok()
        .as_ref()
        != Some(&vat)
    {
        return Ok(Some(column("vat", &doc.vat, &format!("{vat:?}"))));
    }
    let tenders: Vec<(&str, &str, i64)> = if matches!(kind, "ticket" | "proof") {
        p.payments
            .iter()
            .map(|t| (&*t.method, &*t.kind, t.amount))
            .collect()
    } else {
        Vec::new()
    };
    let stored_tenders: Option<Vec<(Text, Text, i64)>> = serde_json::from_str(&doc.tenders).ok();
    let same_tenders = stored_tenders.is_some_and(|stored| {
        stored.len() == tenders.len()
            && stored
                .iter()
                .zip(&tenders)
                .all(|(a, b)| (&*a.0, &*a.1, a.2) == *b)
    });
    if !same_tenders {
        return Ok(Some(column(
            "tenders",
            &doc.tenders,
            &format!("{tenders:?}"),
        )));
    }
    let detail = match kind {
        "proof" => p.proof.as_deref().unwrap_or_default().to_owned(),
        "closing" => format!(
            "{} {}",
            p.closing.as_deref().unwrap_or_default(),
            p.period.as_deref().unwrap_or_default()
        ),
        "duplicate" => p
            .duplicate_of
            .as_ref()
            .map(|r| format!("{} {}", r.series, r.number))
            .unwrap_or_default(),
        "archive" => format!("archive {}", p.archive.as_deref().unwrap_or_default()),
        "note" => format!("note {}", p.order.as_deref().unwrap_or_default()),
        _ => String::new(),
    };
    if doc.detail != detail {
        return Ok(Some(column("detail", &doc.detail, &detail)));
    }
    let reference = if is_ticket {
        p.refers_to.as_ref()
    } else {
        p.duplicate_of.as_ref()
    };
    let refers_to = match reference {
        Some(r) => resolve(&r.series, r.number)?,
        None => None,
    };
    if doc.refers_to != refers_to {
        let show = |id: Option<i64>| id.map_or_else(|| "—".to_owned(), |i| i.to_string());
        return Ok(Some(column(
            "refers_to",
            &show(doc.refers_to),
            &show(refers_to),
        )));
    }
    Ok(None)
}

impl FigureCheck {
    fn ticket(&mut self, doc: &StoredDocument, p: &Payload) {
        self.tickets.insert(
            doc.id,
            TicketFacts {
                lines: p.lines.len() as i64,
                negative: doc.total.is_negative(),
                training: p.training,
                grams: p.lines.iter().filter_map(|l| l.grams).reduce(|a, b| a + b),
            },
        );
        if p.training {
            return;
        }
        for line in &p.lines {
            if let Some(code) = line.item_code.as_deref().and_then(|c| c.parse().ok()) {
                self.items.insert(code, (doc.id, line.quantity > 0));
            }
        }
        for v in &p.vat {
            let found = self
                .counters
                .get_mut(&*p.terminal)
                .and_then(|rates| rates.get_mut(&v.rate));
            let Some((row, sums)) = found else {
                // Missing counters are reported after the stream, against an empty row.
                let row = CounterRow {
                    terminal: p.terminal.to_string(),
                    rate_bp: v.rate,
                    day: String::new(),
                    month: String::new(),
                    year: String::new(),
                    day_sums: [0; 3],
                    month_sums: [0; 3],
                    year_sums: [0; 3],
                    total_sums: [0; 3],
                };
                let mut sums = Sums::default();
                add(&mut sums.total, v);
                self.counters
                    .entry(p.terminal.to_string())
                    .or_default()
                    .insert(v.rate, (row, sums));
                continue;
            };
            add(&mut sums.total, v);
            let date = &*p.business_date;
            if date == row.day {
                add(&mut sums.day, v);
            }
            if date.get(..7) == Some(row.month.as_str()) {
                add(&mut sums.month, v);
            }
            if date.get(..4) == Some(row.year.as_str()) {
                add(&mut sums.year, v);
            }
        }
    }

    /// The counters, items and sold weights, once every document was seen.
    pub(super) fn finish(self, tx: &Tx) -> Result<Option<Failure>, crate::storage::StorageError> {
        let mut counters: Vec<_> = self
            .counters
            .into_values()
            .flat_map(HashMap::into_values)
            .collect();
        counters.sort_by(|a, b| (&a.0.terminal, a.0.rate_bp).cmp(&(&b.0.terminal, b.0.rate_bp)));
        for (row, sums) in counters {
            let rate = VatRate::from_basis_points(row.rate_bp)
                .map_or_else(|_| row.rate_bp.to_string(), |r| r.to_string());
            let record = Msg::VerifyCounter.fill(&[&row.terminal, &rate]);
            let periods = [
                (Msg::VerifyCounterTotal, row.total_sums, sums.total),
                (Msg::VerifyCounterYear, row.year_sums, sums.year),
                (Msg::VerifyCounterMonth, row.month_sums, sums.month),
                (Msg::VerifyCounterDay, row.day_sums, sums.day),
            ];
            for (period, stored, expected) in periods {
                if stored != expected {
                    let show = |s: [i64; 3]| {
                        Msg::VerifyCounterSums.fill(&[
                            &Money::from_cents(s[0]),
                            &Money::from_cents(s[1]),
                            &Money::from_cents(s[2]),
                        ])
                    };
                    return Ok(Some(Failure {
                        record,
                        reason: Msg::VerifyCounterMismatch.fill(&[
                            &period,
                            &show(stored),
                            &show(expected),
                        ]),
                    }));
                }
            }
        }
        let mut marked: HashMap<u64, ()> = HashMap::new();
        for (code, status, document) in store::item_marks(tx)? {
            let record = Msg::VerifyItem.fill(&[&code]);
            let last = code.parse::<u64>().ok().and_then(|c| {
                marked.insert(c, ());
                self.items.get(&c).copied()
            });
            let reason = match (status.as_str(), last) {
                ("sold", Some((id, true))) if Some(id) == document => None,
                ("sold", _) => Some(Msg::VerifyItemSoldNoTicket.text().to_owned()),
                ("in_stock", Some((id, false))) if Some(id) == document => None,
                ("in_stock" | "withdrawn", None) => None,
                ("withdrawn", Some((_, false))) => None,
                (_, Some((id, true))) => Some(Msg::VerifyItemNotSold.fill(&[&id, &status])),
                (_, Some(_)) => Some(Msg::VerifyItemNotSold.fill(&[&"—", &status])),
                (_, None) => Some(Msg::VerifyItemSoldNoTicket.text().to_owned()),
            };
            if let Some(reason) = reason {
                return Ok(Some(Failure { record, reason }));
            }
        }
        // A ticket that sold an item whose row is gone, or no longer says so at all.
        let mut sold: Vec<_> = self
            .items
            .iter()
            .filter(|(code, (_, sold))| *sold && !marked.contains_key(code))
            .collect();
        sold.sort();
        if let Some((code, (id, _))) = sold.first() {
            return Ok(Some(Failure {
                record: Msg::VerifyItem.fill(&[&format!("{code:013}")]),
                reason: Msg::VerifyItemMissing.fill(&[id]),
            }));
        }
        let mut weighed: HashMap<i64, ()> = HashMap::new();
        for (document, grams, rows) in store::sold_weight_per_document(tx)? {
            weighed.insert(document, ());
            let record = Msg::VerifyWeight.fill(&[&document]);
            let reason = match self.tickets.get(&document) {
                None => Some(Msg::VerifyWeightNoTicket.text().to_owned()),
                Some(t) if t.training => Some(Msg::VerifyWeightNoTicket.text().to_owned()),
                Some(t) if (grams < 0) != t.negative || grams == 0 => {
                    Some(Msg::VerifyWeightSign.text().to_owned())
                }
                Some(t) if rows > t.lines => Some(Msg::VerifyWeightRows.fill(&[&rows, &t.lines])),
                Some(TicketFacts {
                    grams: Some(said), ..
                }) if *said != grams => Some(Msg::VerifyWeightSum.fill(&[&grams, said])),
                Some(_) => None,
            };
            if let Some(reason) = reason {
                return Ok(Some(Failure { record, reason }));
            }
        }
        // A real ticket whose lines took weight out, with no sold weight left for it.
        let mut missing: Vec<(&i64, &TicketFacts)> = self
            .tickets
            .iter()
            .filter(|(id, t)| {
                !t.training && t.grams.is_some_and(|g| g != 0) && !weighed.contains_key(id)
            })
            .collect();
        missing.sort_by_key(|(id, _)| **id);
        if let Some((id, t)) = missing.first() {
            return Ok(Some(Failure {
                record: Msg::VerifyWeight.fill(&[id]),
                reason: Msg::VerifyWeightSum.fill(&[&0, &t.grams.unwrap_or_default()]),
            }));
        }
        Ok(None)
    }
}
