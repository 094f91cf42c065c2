//! Members from a CSV as the usual association tools export it: a HelloAsso adhésions
//! export (one line per membership paid: the member, the tariff, the amount, the date)
//! or a Paheko members export (one line per member). Columns are found by their header,
//! whatever their order; `;` or `,` as separator. All or nothing: every line is read
//! and checked before anything is written, and the first bad line is named. A line
//! already imported (its HelloAsso order or Paheko number) is skipped; a person already
//! in the register (same name and town, or same email) is not added again — their fee
//! joins their row — and is reported.

use super::{OpsError, Result, Session};
use crate::domain::member::Validity;
use crate::domain::{Money, Role, search_key};
use crate::i18n::Msg;
use crate::storage::members::{self as store_members, Fee, Member};
use crate::storage::{Store, Timestamp};
use chrono::NaiveDate;

/// Which tool wrote the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    HelloAsso,
    Paheko,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub fees: usize,
    /// Lines imported before (skipped).
    pub already: usize,
    /// (line, name, the member's number already in the register).
    pub duplicates: Vec<(usize, String, i64)>,
}

/// One line read.
struct Row {
    line: usize,
    key: String,
    member: Member,
    fee: Option<(String, Money, NaiveDate)>,
}

/// Header aliases (folded) per field.
const FIELDS: [(&str, &[&str]); 13] = [
    (
        "ref",
        &["reference commande", "numero de commande", "reference"],
    ),
    ("number", &["numero", "numero membre", "numero d'adherent"]),
    (
        "last",
        &["nom adherent", "nom", "nom & prenom", "nom et prenom"],
    ),
    ("first", &["prenom adherent", "prenom"]),
    (
        "email",
        &[
            "email",
            "adresse e-mail",
            "email payeur",
            "e-mail",
            "courriel",
        ],
    ),
    ("phone", &["telephone", "numero de telephone"]),
    ("address", &["adresse", "adresse postale"]),
    ("postcode", &["code postal"]),
    ("town", &["ville", "commune"]),
    (
        "date",
        &[
            "date de la commande",
            "date",
            "date d'inscription",
            "date d'adhesion",
        ],
    ),
    ("tariff", &["tarif", "formule"]),
    (
        "amount",
        &["montant du tarif", "montant", "montant adhesion"],
    ),
    ("company", &["societe", "organisme", "raison sociale"]),
];

fn date(text: &str) -> std::result::Result<NaiveDate, String> {
    let day = text.trim().split([' ', 'T']).next().unwrap_or_default();
    NaiveDate::parse_from_str(day, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y-%m-%d"))
        .map_err(|_| Msg::ErrImportDate.fill(&[&text.trim()]))
}

/// Reads `text` whole; any bad line refuses the file.
fn read(text: &str, joined_default: NaiveDate) -> Result<(Source, Vec<Row>)> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| OpsError::FileLine {
            line: 1,
            problem: e.to_string(),
        })?
        .iter()
        .map(|h| search_key(h.trim()))
        .collect();
    let column = |field: &str| -> Option<usize> {
        let aliases = FIELDS.iter().find(|(f, _)| *f == field)?.1;
        aliases
            .iter()
            .find_map(|alias| headers.iter().position(|h| h == alias))
    };
    let source = if column("ref").is_some()
        && headers
            .iter()
            .any(|h| h.contains("adherent") || h.contains("tarif"))
    {
        Source::HelloAsso
    } else if column("number").is_some() {
        Source::Paheko
    } else {
        return Err(OpsError::Refused(
            Msg::ErrImportFormat.fill(&[&headers.join(", ")]),
        ));
    };
    let need = |field: &str, label: &str| -> Result<usize> {
        column(field).ok_or_else(|| {
            OpsError::Refused(Msg::ErrImportColumn.fill(&[&1, &label, &headers.join(", ")]))
        })
    };
    let key_col = match source {
        Source::HelloAsso => need("ref", "Référence commande")?,
        Source::Paheko => need("number", "Numéro")?,
    };
    let last_col = need("last", "Nom")?;
    let (date_col, amount_col) = match source {
        Source::HelloAsso => (
            Some(need("date", "Date de la commande")?),
            Some(need("amount", "Montant du tarif")?),
        ),
        Source::Paheko => (column("date"), None),
    };
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let bad = |problem: String| OpsError::FileLine { line, problem };
        let record = record.map_err(|e| bad(e.to_string()))?;
        let get = |col: Option<usize>| -> String {
            col.and_then(|c| record.get(c))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let key = get(Some(key_col));
        if key.is_empty() {
            return Err(bad(Msg::ErrImportColumn.fill(&[
                &line,
                &headers[key_col],
                &"",
            ])));
        }
        let joined = match get(date_col) {
            d if d.is_empty() => joined_default,
            d => date(&d).map_err(bad)?,
        };
        let company = get(column("company"));
        let member = super::members::checked(Member {
            kind: if company.is_empty() {
                "individuel"
            } else {
                "personne_morale"
            }
            .into(),
            last_name: get(Some(last_col)),
            first_name: get(column("first")),
            organisation: company,
            address: get(column("address")),
            postcode: get(column("postcode")),
            town: get(column("town")),
            email: Some(get(column("email"))),
            phone: Some(get(column("phone"))),
            joined_on: joined.to_string(),
            ..Member::default()
        })
        .map_err(|e| bad(e.to_string()))?;
        let fee = match amount_col {
            Some(col) => {
                let amount = Money::parse(&get(Some(col)).replace('€', ""))
                    .map_err(|e| bad(e.to_string()))?;
                let tariff = get(column("tariff"));
                Some((
                    if tariff.is_empty() {
                        "HelloAsso".to_owned()
                    } else {
                        tariff
                    },
                    amount,
                    joined,
                ))
            }
            None => None,
        };
        let prefix = match source {
            Source::HelloAsso => "helloasso",
            Source::Paheko => "paheko",
        };
        rows.push(Row {
            line,
            key: format!("{prefix}:{key}"),
            member,
            fee,
        });
    }
    Ok((source, rows))
}

/// Imports the members (and HelloAsso's fees, valid for the calendar year they were
/// paid in) of `text`; managers only.
pub fn import(
    store: &mut Store,
    session: &Session,
    text: &str,
    now: Timestamp,
) -> Result<Imported> {
    session.require(Role::Manager)?;
    let (_, rows) = read(text, now.date_naive())?;
    let at = now.to_rfc3339();
    store.write(|tx| {
        let mut done = Imported::default();
        for row in rows {
            if store_members::imported(tx, &row.key)? {
                done.already += 1;
                continue;
            }
            let twins = store_members::duplicates(tx, &row.member)?;
            let number = match twins.first() {
                Some(twin) => {
                    done.duplicates
                        .push((row.line, row.member.display_name(), twin.number));
                    twin.number
                }
                None => {
                    done.added += 1;
                    let key = if row.fee.is_none() {
                        Some(row.key.as_str())
                    } else {
                        None
                    };
                    store_members::insert(tx, &row.member, key, &at)?
                }
            };
            if let Some((offer, amount, paid)) = row.fee {
                let (from, until) = Validity::CalendarYear.period(paid, None);
                store_members::add_fee_keyed(
                    tx,
                    &Fee {
                        member: number,
                        offer,
                        amount,
                        paid_on: paid.to_string(),
                        valid_from: from.to_string(),
                        valid_until: until.to_string(),
                        document_id: None,
                    },
                    Some(&row.key),
                )?;
                done.fees += 1;
            }
        }
        Ok::<_, OpsError>(done)
    })
}
