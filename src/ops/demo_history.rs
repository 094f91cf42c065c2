//! Four weeks of a demo shop's life, written through the same journal functions as a real
//! till: each open day (Tuesday to Saturday) and each till opens with a float, sells (in
//! the scaled history, a third of the shop's tickets with a labelled item put in stock
//! days before and marked sold by its ticket),
//! takes a few membership fees and donations, refunds now and then, reprints a ticket,
//! and closes with a counted Z (once with an explained difference). Deterministic: the
//! same `now` gives the same journal.

use super::Result;
use crate::domain::{Money, PaymentKind, SaleLine, Tender, TerminalCode, VatRate};
use crate::journal::{self, CashCount, Context, InstallationKey, ProofKind};
use crate::storage::items::ItemStatus;
use crate::storage::{Store, Timestamp};
use chrono::{Datelike, TimeDelta, Weekday};

/// A small deterministic generator (an LCG): the demo needs variety, not randomness.
pub(super) struct Dice(pub(super) u64);

impl Dice {
    pub(super) fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

/// What a till sells: label, category, price in cents, VAT rate.
type Product = (&'static str, &'static str, i64, VatRate);

const SHOP: &[Product] = &[
    ("Chaise bistrot", "Assises", 1500, VatRate::STANDARD),
    (
        "Commode trois tiroirs",
        "Rangements",
        4500,
        VatRate::STANDARD,
    ),
    ("Pull en laine", "Vêtements", 400, VatRate::STANDARD),
    ("Jean", "Vêtements", 500, VatRate::STANDARD),
    ("Chaussures de marche", "Chaussures", 800, VatRate::STANDARD),
    ("Roman de poche", "Livres", 100, VatRate::REDUCED),
    ("Beau livre", "Livres", 500, VatRate::REDUCED),
    ("Lot d'assiettes", "Vaisselle", 300, VatRate::STANDARD),
    ("Lampe de chevet", "Luminaires", 700, VatRate::STANDARD),
    (
        "Grille-pain testé",
        "Petit électroménager",
        1200,
        VatRate::STANDARD,
    ),
    ("Puzzle complet", "Jouets", 250, VatRate::STANDARD),
    ("Vélo de ville révisé", "Vélos", 6000, VatRate::STANDARD),
    ("Vase", "Bibelots et déco", 350, VatRate::STANDARD),
];

const CAFE: &[Product] = &[
    ("Crêpe sucre", "Crêpes", 300, VatRate::INTERMEDIATE),
    ("Galette complète", "Galettes", 750, VatRate::INTERMEDIATE),
    ("Café", "Boissons chaudes", 150, VatRate::INTERMEDIATE),
    ("Thé", "Boissons chaudes", 200, VatRate::INTERMEDIATE),
    (
        "Jus de pomme en bouteille (à emporter)",
        "Boissons",
        250,
        VatRate::REDUCED,
    ),
    ("Cidre (bolée)", "Alcools", 350, VatRate::STANDARD),
];

/// The tills that sell in the demo: code, point of sale, operator, what they sell.
const TILLS: &[(&str, &str, &str, &[Product])] = &[
    ("caisse-1", "Boutique Arcueil", "Karim", SHOP),
    ("caisse-2", "Boutique Cachan", "Aïcha", SHOP),
    ("cafe-1", "Café-crêperie La Galette", "Lucas", CAFE),
];

pub(super) const DAYS: i64 = 28;

fn tender(kind: PaymentKind, cents: i64) -> Tender {
    Tender {
        method: kind.default_label(),
        kind,
        amount: Money::from_cents(cents),
    }
}

/// The weight of one object of a shop category, as the category's unit weight would
/// estimate it; none for the café.
fn unit_grams(category: &str) -> Option<i64> {
    Some(match category {
        "Assises" => 5_000,
        "Rangements" => 25_000,
        "Vêtements" => 400,
        "Chaussures" => 900,
        "Livres" => 300,
        "Vaisselle" => 1_500,
        "Luminaires" => 1_200,
        "Petit électroménager" => 2_000,
        "Jouets" => 500,
        "Vélos" => 12_000,
        "Bibelots et déco" => 400,
        _ => return None,
    })
}

/// Cash as notes and coins, largest first.
fn denominations(mut cents: i64) -> Vec<(Money, i64)> {
    let mut out = Vec::new();
    for value in [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1] {
        if cents >= value {
            out.push((Money::from_cents(value), cents / value));
            cents %= value;
        }
    }
    out
}

/// How much history the demo writes.
pub struct Scale<'a> {
    /// Days of history before `now`.
    pub days: i64,
    /// Shop tills of the extra sites (code, point of sale), selling like the others.
    pub extra_tills: Vec<(String, String)>,
    /// Told `(days done, days)` as the history is written.
    pub progress: &'a dyn Fn(u64, u64),
    /// Whether a third of the shop's tickets sell a labelled item (the scaled history the
    /// benchmarks read; the four-week demo keeps its items on the shelves to be tried).
    pub labelled_items: bool,
}

/// Writes the history of the scale's days before `now`.
pub fn write(
    store: &mut Store,
    key: &InstallationKey,
    now: Timestamp,
    scale: &Scale,
) -> Result<()> {
    let mut tills: Vec<(String, String, &str, &[Product])> = TILLS
        .iter()
        .map(|(code, pos, operator, products)| {
            ((*code).to_owned(), (*pos).to_owned(), *operator, *products)
        })
        .collect();
    for (code, pos) in &scale.extra_tills {
        tills.push((code.clone(), pos.clone(), "Karim", SHOP));
    }
    let mut dice = Dice(now.timestamp() as u64 ^ 0x5045_5054);
    let mut explained_difference = false;
    let category_ids: std::collections::HashMap<String, i64> = store
        .read(crate::storage::categories::list)?
        .into_iter()
        .map(|c| (c.name.to_string(), c.id.0))
        .collect();
    // What a sale took out of the shop, as the till records it beside the ticket.
    // The first line is the labelled item's when there is one.
    let weigh = |tx: &crate::storage::Tx, doc: i64, lines: &[SaleLine], item: Option<i64>| {
        for (i, line) in lines.iter().enumerate() {
            if let Some(grams) = line.grams {
                let category = line
                    .category
                    .as_ref()
                    .and_then(|c| category_ids.get(c).copied());
                crate::storage::items::record_sold_weight(
                    tx,
                    doc,
                    category,
                    item.filter(|_| i == 0 && line.item_code.is_some()),
                    grams,
                    line.weight_estimated,
                )?;
            }
        }
        Ok::<_, crate::storage::StorageError>(())
    };
    for back in (1..=scale.days).rev() {
        (scale.progress)((scale.days - back) as u64, scale.days as u64);
        let day = now - TimeDelta::days(back);
        if matches!(day.weekday(), Weekday::Sun | Weekday::Mon) {
            continue;
        }
        let opening = day
            .with_time(chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default())
            .single()
            .unwrap_or(day);
        for (code, pos, operator, products) in &tills {
            let terminal = TerminalCode::parse(code)?;
            let ctx = |minutes: i64, who: &str| Context {
                terminal: terminal.clone(),
                point_of_sale: pos.clone(),
                operator: who.to_owned(),
                training: false,
                at: opening + TimeDelta::minutes(minutes),
            };
            store.write(|tx| {
                journal::append_proof(
                    tx,
                    key,
                    &ctx(0, operator),
                    ProofKind::OpeningFloat,
                    "Fond de caisse",
                    &[tender(PaymentKind::Cash, 15_000)],
                )?;
                let sales = 6 + dice.next(10) as i64;
                let mut last_sale = None;
                for n in 0..sales {
                    let mut lines = Vec::new();
                    // A labelled item, as the sorting bench made it, sold first.
                    let mut labelled = None;
                    if scale.labelled_items && !code.starts_with("cafe") && dice.next(3) == 0 {
                        let (label, category, price, rate) =
                            products[dice.next(products.len() as u64) as usize];
                        let grams = unit_grams(category).unwrap_or(1_500) + dice.next(900) as i64;
                        let code = crate::domain::Ean13::in_store(
                            crate::domain::CodeKind::Item,
                            crate::storage::items::next_serial(tx)?,
                        )?;
                        let id = crate::storage::items::insert(
                            tx,
                            &code,
                            &crate::storage::items::NewItem {
                                category_id: crate::domain::CategoryId(
                                    category_ids.get(category).copied().unwrap_or(1),
                                ),
                                intake: None,
                                description: label,
                                price: Money::from_cents(price),
                                weight: crate::domain::Weight::from_grams(grams)?,
                                weight_estimated: false,
                                point_of_sale: None,
                                created_at: day - TimeDelta::days(1 + dice.next(20) as i64),
                            },
                        )?;
                        labelled = Some(id);
                        lines.push(SaleLine {
                            label: label.to_owned(),
                            category: Some(category.to_owned()),
                            item_code: Some(code.to_string()),
                            quantity: 1,
                            unit_price: Money::from_cents(price),
                            original_price: None,
                            discount: Money::ZERO,
                            discount_reason: None,
                            ticket_discount: Money::ZERO,
                            ticket_discount_reason: None,
                            grams: Some(grams),
                            weight_estimated: false,
                            margin_scheme: false,
                            guarantee: false,
                            service: None,
                            vat_rate: rate,
                        });
                    }
                    for _ in 0..1 + dice.next(3) {
                        let (label, category, price, rate) =
                            products[dice.next(products.len() as u64) as usize];
                        let quantity = 1 + dice.next(2) as i64;
                        lines.push(SaleLine {
                            label: label.to_owned(),
                            category: Some(category.to_owned()),
                            item_code: None,
                            quantity,
                            unit_price: Money::from_cents(price),
                            original_price: None,
                            discount: Money::ZERO,
                            discount_reason: None,
                            ticket_discount: Money::ZERO,
                            ticket_discount_reason: None,
                            grams: unit_grams(category).map(|g| g * quantity),
                            weight_estimated: unit_grams(category).is_some(),
                            margin_scheme: false,
                            guarantee: false,
                            service: None,
                            vat_rate: rate,
                        });
                    }
                    let total: i64 = lines
                        .iter()
                        .map(|l| l.unit_price.cents() * l.quantity)
                        .sum();
                    let tenders = match dice.next(10) {
                        0..=4 => vec![tender(PaymentKind::Cash, (total + 499) / 500 * 500)],
                        5..=7 => vec![tender(PaymentKind::Card, total)],
                        8 => vec![tender(PaymentKind::LocalCurrency, total)],
                        _ if total > 1000 => vec![tender(PaymentKind::Cheque, total)],
                        _ => vec![tender(PaymentKind::Cash, total)],
                    };
                    let doc = journal::append_ticket(
                        tx,
                        key,
                        &ctx(20 + n * 17, operator),
                        &lines,
                        &tenders,
                        None,
                    )?;
                    weigh(tx, doc.id, &lines, labelled)?;
                    if let Some(id) = labelled {
                        crate::storage::items::move_status(
                            tx,
                            id,
                            ItemStatus::InStock,
                            ItemStatus::Sold,
                            Some(doc.id),
                            ctx(20 + n * 17, operator).at,
                        )?;
                    }
                    last_sale = Some((doc, lines, tenders, labelled));
                }
                if dice.next(4) == 0 {
                    journal::append_proof(
                        tx,
                        key,
                        &ctx(300, operator),
                        ProofKind::MembershipFee,
                        "Adhésion annuelle",
                        &[tender(PaymentKind::Cash, 1000)],
                    )?;
                }
                if dice.next(5) == 0 {
                    journal::append_proof(
                        tx,
                        key,
                        &ctx(310, operator),
                        ProofKind::Donation,
                        "Don",
                        &[tender(PaymentKind::Cheque, 2000)],
                    )?;
                }
                if let Some((doc, lines, tenders, labelled)) =
                    last_sale.filter(|_| dice.next(6) == 0)
                {
                    // The customer comes back: the first line is refunded the way it was paid.
                    let back = SaleLine {
                        quantity: -lines[0].quantity,
                        grams: lines[0].grams.map(|g| -g),
                        ..lines[0].clone()
                    };
                    let amount = -(back.unit_price.cents() * lines[0].quantity);
                    let kind = if tenders[0].kind == PaymentKind::Card {
                        PaymentKind::Card
                    } else {
                        PaymentKind::Cash
                    };
                    let refund = journal::append_ticket(
                        tx,
                        key,
                        &ctx(330, operator),
                        std::slice::from_ref(&back),
                        &[tender(kind, amount)],
                        Some((&doc.series, doc.number)),
                    )?;
                    weigh(tx, refund.id, &[back], labelled)?;
                    // A labelled item brought back goes back on the shelf.
                    if let Some(id) = labelled {
                        crate::storage::items::move_status(
                            tx,
                            id,
                            ItemStatus::Sold,
                            ItemStatus::InStock,
                            Some(refund.id),
                            ctx(330, operator).at,
                        )?;
                    }
                }
                if dice.next(7) == 0 {
                    journal::append_duplicate(
                        tx,
                        key,
                        &ctx(340, operator),
                        &format!("{code}/T"),
                        1,
                    )?;
                }
                let x = journal::x_report(tx, code, ctx(540, "Claire").at)?;
                let mut cash = x.expected(PaymentKind::Cash).cents();
                let mut comment = String::new();
                if !explained_difference && code == "caisse-1" {
                    cash -= 200;
                    comment =
                        "Pièce de 2 € manquante, sans doute un rendu trop généreux".to_owned();
                    explained_difference = true;
                }
                let count = CashCount {
                    denominations: denominations(cash),
                    cheques_declared: x.expected(PaymentKind::Cheque),
                    card_declared: x.expected(PaymentKind::Card),
                    comment,
                };
                journal::close_day(tx, key, &ctx(540, "Claire"), &count)?;
                Ok::<_, super::OpsError>(())
            })?;
        }
    }
    Ok(())
}
