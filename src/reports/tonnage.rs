//! Tonnage: what came in over a period (by category, source and town, current records
//! only — a corrected weighing counts once, as corrected) and where it went: réemploi
//! (sold in the shop, weighed and estimated apart; given to people and partners),
//! recycling (by recycler), waste (déchèterie, bins), withdrawn from sale; the réemploi
//! rate (reused over collected), and the labelled stock on hand by age.

use super::{Cell, Report, Section, share};
use crate::domain::OutboundKind;
use crate::i18n::Msg;
use crate::storage::reports::{Intakes, Weighed};
use chrono::NaiveDate;

/// The figures a tonnage report is made of, as storage reads them.
pub struct TonnageData {
    pub intakes: Intakes,
    /// Grams by outbound kind code.
    pub outbound: Weighed,
    /// `(kind code, recipient, grams)`.
    pub recipients: Vec<(String, String, i64)>,
    /// Grams sold: `(weighed, estimated)`.
    pub sold: (i64, i64),
    /// `(age bracket upper bound in days, items, grams)`.
    pub stock: Vec<(i64, i64, i64)>,
    /// Kilos imported from Oressource for the period: shown apart, marked.
    pub imported: crate::storage::oressource::ImportedTonnage,
}

fn weighed_section(title: Msg, column: Msg, rows: &Weighed) -> Section {
    let total: i64 = rows.iter().map(|(_, g)| g).sum();
    Section {
        title,
        columns: vec![column, Msg::ColKg, Msg::ColShare],
        rows: rows
            .iter()
            .map(|(name, grams)| {
                let name = if name.is_empty() {
                    Msg::TonnageUnknown.text().to_owned()
                } else {
                    name.clone()
                };
                vec![
                    Cell::Text(name),
                    Cell::Grams(*grams),
                    Cell::Share(share(*grams, total)),
                ]
            })
            .collect(),
        total: Some(vec![
            Cell::Text(Msg::ReportTotal.text().to_owned()),
            Cell::Grams(total),
            Cell::Share(if total == 0 { 0 } else { 10_000 }),
        ]),
    }
}

fn out(data: &TonnageData, kind: OutboundKind) -> i64 {
    data.outbound
        .iter()
        .filter(|(code, _)| code == kind.code())
        .map(|(_, g)| g)
        .sum()
}

/// The grams reused: sold (weighed and estimated) and given away.
pub fn reused(data: &TonnageData) -> i64 {
    data.sold.0 + data.sold.1 + out(data, OutboundKind::Donation) + out(data, OutboundKind::Partner)
}

/// The grams that came in and did not leave over the period (in less everything out:
/// sold, given, recycled, thrown, withdrawn): what the site keeps more, or less when
/// older stock left. In = reuse + recycling + waste + withdrawn + this, to the gram.
pub fn stayed(data: &TonnageData) -> i64 {
    let out: i64 = data.outbound.iter().map(|(_, g)| g).sum();
    collected(data) - data.sold.0 - data.sold.1 - out
}

/// The grams collected.
pub fn collected(data: &TonnageData) -> i64 {
    data.intakes.by_category.iter().map(|(_, g)| g).sum()
}

fn destinations(data: &TonnageData) -> Section {
    let intake = collected(data);
    let mut rows = Vec::new();
    let mut row = |label: String, grams: i64| {
        rows.push(vec![
            Cell::Text(label),
            Cell::Grams(grams),
            Cell::Share(share(grams, intake)),
        ]);
    };
    row(Msg::TonnageSoldWeighed.text().to_owned(), data.sold.0);
    row(Msg::TonnageSoldEstimated.text().to_owned(), data.sold.1);
    for kind in [OutboundKind::Donation, OutboundKind::Partner] {
        row(
            Msg::TonnageReuse.fill(&[&kind.label().text()]),
            out(data, kind),
        );
    }
    let recyclers: Vec<&(String, String, i64)> = data
        .recipients
        .iter()
        .filter(|(kind, _, _)| kind == OutboundKind::Recycler.code())
        .collect();
    if recyclers.is_empty() {
        row(Msg::TonnageRecycling.fill(&[&"—"]), 0);
    }
    for (_, recipient, grams) in recyclers {
        let name = if recipient.is_empty() { "?" } else { recipient };
        row(Msg::TonnageRecycling.fill(&[&name]), *grams);
    }
    for kind in [OutboundKind::Dump, OutboundKind::Bins] {
        row(
            Msg::TonnageWaste.fill(&[&kind.label().text()]),
            out(data, kind),
        );
    }
    row(
        Msg::TonnageWithdrawn.text().to_owned(),
        out(data, OutboundKind::Withdrawal),
    );
    row(Msg::TonnageStayed.text().to_owned(), stayed(data));
    let reused = reused(data);
    Section {
        title: Msg::TonnageWhereItWent,
        columns: vec![Msg::ColDestination, Msg::ColKg, Msg::ColOfIntake],
        rows,
        total: Some(vec![
            Cell::Text(Msg::TonnageReuseRate.text().to_owned()),
            Cell::Grams(reused),
            Cell::Share(share(reused, intake)),
        ]),
    }
}

fn stock(data: &TonnageData) -> Section {
    Section {
        title: Msg::TonnageStock,
        columns: vec![Msg::ColAge, Msg::ColItems, Msg::ColKg],
        rows: data
            .stock
            .iter()
            .map(|(days, items, grams)| {
                let age = match days {
                    30 => Msg::AgeMonth.text().to_owned(),
                    90 => Msg::AgeQuarter.text().to_owned(),
                    180 => Msg::AgeHalfYear.text().to_owned(),
                    _ => Msg::AgeOlder.text().to_owned(),
                };
                vec![Cell::Text(age), Cell::Count(*items), Cell::Grams(*grams)]
            })
            .collect(),
        total: Some(vec![
            Cell::Text(Msg::ReportTotal.text().to_owned()),
            Cell::Count(data.stock.iter().map(|s| s.1).sum()),
            Cell::Grams(data.stock.iter().map(|s| s.2).sum()),
        ]),
    }
}

/// The name of Oressource's class of outbound flows.
pub fn oressource_class(code: &str) -> String {
    match code {
        "sorties" => Msg::OresClassDonation.text().to_owned(),
        "sortiesc" => Msg::OresClassPartner.text().to_owned(),
        "sortiesr" => Msg::OresClassRecycler.text().to_owned(),
        "sortiesp" => Msg::OresClassBins.text().to_owned(),
        "sortiesd" => Msg::OresClassDump.text().to_owned(),
        other => other.to_owned(),
    }
}

/// Oressource's kilos of the period, apart and said to be imported.
fn imported(data: &crate::storage::oressource::ImportedTonnage) -> Section {
    let mut rows: Vec<Vec<Cell>> = data
        .collected
        .iter()
        .map(|(name, g)| {
            vec![
                Cell::Text(Msg::ImportedCollected.fill(&[name])),
                Cell::Grams(*g),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(Msg::ImportedSold.text().to_owned()),
        Cell::Grams(data.sold),
    ]);
    rows.extend(data.out.iter().map(|(class, g)| {
        vec![
            Cell::Text(Msg::ImportedOut.fill(&[&oressource_class(class)])),
            Cell::Grams(*g),
        ]
    }));
    Section {
        title: Msg::ReportImportedTonnage,
        columns: vec![Msg::ColNature, Msg::ColKg],
        rows,
        total: None,
    }
}

/// The tonnage report of `[from, to]`.
pub fn build(from: NaiveDate, to: NaiveDate, data: &TonnageData) -> Report {
    let mut report = build_own(from, to, data);
    if !data.imported.is_empty() {
        report.sections.push(imported(&data.imported));
    }
    report
}

fn build_own(from: NaiveDate, to: NaiveDate, data: &TonnageData) -> Report {
    Report {
        title: Msg::ReportTonnage,
        from,
        to,
        provisional: false,
        closed: false,
        sections: vec![
            weighed_section(
                Msg::TonnageByCategory,
                Msg::ColCategory,
                &data.intakes.by_category,
            ),
            weighed_section(
                Msg::TonnageBySource,
                Msg::ColSource,
                &data.intakes.by_source,
            ),
            weighed_section(Msg::TonnageByTown, Msg::ColTown, &data.intakes.by_town),
            destinations(data),
            stock(data),
        ],
    }
}
