//! The quarterly declarations to the eco-organisations that fund reuse per tonne:
//! Ecomaison (furniture, bedding, toys, DIY and garden), Refashion (clothes, household
//! linen, shoes) and Ecologic (electrical and electronic equipment, sport and leisure).
//! For one of them and a quarter: the kilos in, reused (sold) and recycled of each of its
//! categories, summed over the categories of ours mapped to it; the detail by category of
//! ours; and every category of ours with flows that maps to no eco-organisation, so none
//! is dropped without being seen.

use super::{Cell, Report, Section};
use crate::i18n::Msg;
use crate::storage::eco::Mapping;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// An eco-organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Org {
    Ecomaison,
    Refashion,
    Ecologic,
}

impl Org {
    pub const ALL: [Org; 3] = [Org::Ecomaison, Org::Refashion, Org::Ecologic];

    pub const fn code(self) -> &'static str {
        match self {
            Org::Ecomaison => "ecomaison",
            Org::Refashion => "refashion",
            Org::Ecologic => "ecologic",
        }
    }

    pub fn from_code(code: &str) -> Option<Org> {
        Org::ALL.into_iter().find(|o| o.code() == code)
    }

    pub const fn name(self) -> &'static str {
        match self {
            Org::Ecomaison => "Ecomaison",
            Org::Refashion => "Refashion",
            Org::Ecologic => "Ecologic",
        }
    }
}

/// The usual mapping of the categories pépite proposes at set-up: `(org, ours, theirs)`.
/// A manager changes it (`pepite eco map`).
pub const PROPOSED: &[(Org, &str, &str)] = &[
    (Org::Ecomaison, "Assises", "Assise"),
    (Org::Ecomaison, "Tables", "Plan de pose"),
    (Org::Ecomaison, "Rangements", "Rangement"),
    (Org::Ecomaison, "Literie", "Couchage"),
    (Org::Ecomaison, "Jouets", "Jouets"),
    (
        Org::Ecomaison,
        "Outillage et bricolage",
        "Articles de bricolage et jardin",
    ),
    (Org::Refashion, "Vêtements", "Textiles d'habillement"),
    (Org::Refashion, "Linge de maison", "Linge de maison"),
    (Org::Refashion, "Chaussures", "Chaussures"),
    (
        Org::Ecologic,
        "Gros électroménager",
        "Gros équipements ménagers hors froid",
    ),
    (
        Org::Ecologic,
        "Petit électroménager",
        "Petits appareils en mélange",
    ),
    (
        Org::Ecologic,
        "Hi-fi et vidéo",
        "Petits appareils en mélange",
    ),
    (
        Org::Ecologic,
        "Informatique",
        "Petits équipements informatiques et de télécommunication",
    ),
    (Org::Ecologic, "Luminaires", "Petits appareils en mélange"),
    (
        Org::Ecologic,
        "Sport et loisirs",
        "Articles de sport et de loisirs",
    ),
];

/// A quarter written `2026-T4`: its first and last days.
pub fn quarter(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, q) = text.trim().split_once(['-', ' '])?;
    let year: i32 = year.parse().ok()?;
    let q: u32 = q.trim_start_matches(['T', 't', 'Q', 'q']).parse().ok()?;
    if !(1..=4).contains(&q) {
        return None;
    }
    let from = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
    let to = if q == 4 {
        NaiveDate::from_ymd_opt(year, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(year, 3 * q + 1, 1)?.pred_opt()?
    };
    Some((from, to))
}

fn kilos(cells: (i64, i64, i64)) -> [Cell; 3] {
    [
        Cell::Grams(cells.0),
        Cell::Grams(cells.1),
        Cell::Grams(cells.2),
    ]
}

/// The declaration to `org` for `[from, to]`, from the mapping and our categories' flows
/// `(name, grams in, reused, recycled)`.
pub fn build(
    org: Org,
    from: NaiveDate,
    to: NaiveDate,
    mappings: &[Mapping],
    flows: &[(String, i64, i64, i64)],
) -> Report {
    let theirs = |name: &str| mappings.iter().find(|m| m.1 == name);
    let mut by_theirs: BTreeMap<&str, (i64, i64, i64)> = BTreeMap::new();
    let mut detail = Vec::new();
    let mut unmapped = Vec::new();
    for (name, g_in, reused, recycled) in flows {
        match theirs(name) {
            Some((o, _, eco)) if o == org.code() => {
                let sum = by_theirs.entry(eco.as_str()).or_default();
                sum.0 += g_in;
                sum.1 += reused;
                sum.2 += recycled;
                let mut row = vec![Cell::Text(name.clone()), Cell::Text(eco.clone())];
                row.extend(kilos((*g_in, *reused, *recycled)));
                detail.push(row);
            }
            Some(_) => {}
            None => {
                let mut row = vec![Cell::Text(name.clone())];
                row.extend(kilos((*g_in, *reused, *recycled)));
                unmapped.push(row);
            }
        }
    }
    let total = by_theirs
        .values()
        .fold((0, 0, 0), |t, v| (t.0 + v.0, t.1 + v.1, t.2 + v.2));
    let mut total_row = vec![Cell::Text(Msg::ReportTotal.text().to_owned())];
    total_row.extend(kilos(total));
    let flows_columns = [Msg::ColEcoIn, Msg::ColEcoReused, Msg::ColEcoRecycled];
    Report {
        title: Msg::ReportEco,
        from,
        to,
        provisional: false,
        closed: false,
        sections: vec![
            Section {
                title: Msg::EcoDeclaration,
                columns: [vec![Msg::ColEcoCategory], flows_columns.to_vec()].concat(),
                rows: by_theirs
                    .into_iter()
                    .map(|(eco, sums)| {
                        let mut row = vec![Cell::Text(format!("{} — {eco}", org.name()))];
                        row.extend(kilos(sums));
                        row
                    })
                    .collect(),
                total: Some(total_row),
            },
            Section {
                title: Msg::EcoDetail,
                columns: [
                    vec![Msg::ColCategory, Msg::ColEcoCategory],
                    flows_columns.to_vec(),
                ]
                .concat(),
                rows: detail,
                total: None,
            },
            Section {
                title: Msg::EcoUnmapped,
                columns: [vec![Msg::ColCategory], flows_columns.to_vec()].concat(),
                rows: unmapped,
                total: None,
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_read_the_french_way() {
        let day = |s: &str| s.parse::<NaiveDate>().expect("date");
        assert_eq!(
            quarter("2026-T4"),
            Some((day("2026-10-01"), day("2026-12-31")))
        );
        assert_eq!(
            quarter("2026-T1"),
            Some((day("2026-01-01"), day("2026-03-31")))
        );
        assert_eq!(
            quarter("2024-t1"),
            Some((day("2024-01-01"), day("2024-03-31")))
        );
        assert_eq!(
            quarter("2026-T2"),
            Some((day("2026-04-01"), day("2026-06-30")))
        );
        assert_eq!(quarter("2026-T5"), None);
        assert_eq!(quarter("T4"), None);
    }

    #[test]
    fn a_declaration_sums_their_categories_and_lists_the_unmapped() {
        let mappings: Vec<Mapping> = vec![
            ("ecomaison".into(), "Assises".into(), "Assise".into()),
            ("ecomaison".into(), "Tables".into(), "Plan de pose".into()),
            (
                "refashion".into(),
                "Vêtements".into(),
                "Textiles d'habillement".into(),
            ),
        ];
        let flows = vec![
            ("Assises".to_owned(), 10_000, 4_000, 1_000),
            ("Tables".to_owned(), 20_000, 5_000, 0),
            ("Vêtements".to_owned(), 7_000, 2_000, 3_000),
            ("Bijoux".to_owned(), 300, 100, 0),
        ];
        let (from, to) = quarter("2026-T4").expect("quarter");
        let r = build(Org::Ecomaison, from, to, &mappings, &flows);
        assert_eq!(r.sections[0].rows.len(), 2);
        assert_eq!(
            r.sections[0].total,
            Some(vec![
                Cell::Text("Total".into()),
                Cell::Grams(30_000),
                Cell::Grams(9_000),
                Cell::Grams(1_000)
            ])
        );
        assert_eq!(
            r.sections[1].rows.len(),
            2,
            "Assises and Tables, not Vêtements"
        );
        assert_eq!(r.sections[2].rows[0][0], Cell::Text("Bijoux".into()));
    }
}
