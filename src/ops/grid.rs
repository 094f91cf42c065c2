//! The price grid as a CSV file a manager edits in a spreadsheet: `pepite grid export`
//! writes it, `pepite grid import` reads it back. Columns, separated by `;`:
//! `categorie;nom;prix;prix_max;poids_unitaire;raccourci` (the last three may be empty).
//! An import checks every line first: one wrong line names its number and what is wrong,
//! and nothing is imported.

use super::{OpsError, Result, Session};
use crate::domain::{DomainError, Money, Role, Weight};
use crate::storage::Store;
use crate::storage::categories;
use crate::storage::till_catalogue::{self, GridEntry};

/// The header line of the file.
pub const HEADER: [&str; 6] = [
    "categorie",
    "nom",
    "prix",
    "prix_max",
    "poids_unitaire",
    "raccourci",
];

/// The grid as CSV text.
pub fn export_csv(store: &mut Store) -> Result<String> {
    let entries = store.read(till_catalogue::grid)?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let fail = |e: csv::Error| OpsError::FileLine {
        line: 0,
        problem: e.to_string(),
    };
    writer.write_record(HEADER).map_err(fail)?;
    for e in entries {
        writer
            .write_record([
                e.category,
                e.name,
                e.price.plain(),
                e.price_max.map(Money::plain).unwrap_or_default(),
                e.unit_weight
                    .map(|w| w.grams().to_string() + " g")
                    .unwrap_or_default(),
                e.shortcut.unwrap_or_default(),
            ])
            .map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(|e| OpsError::FileLine {
        line: 0,
        problem: e.to_string(),
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn optional<T>(
    field: &str,
    parse: impl Fn(&str) -> crate::domain::Result<T>,
) -> crate::domain::Result<Option<T>> {
    if field.trim().is_empty() {
        Ok(None)
    } else {
        parse(field).map(Some)
    }
}

/// Imports `text` (manager): every line checked, then all written in one transaction.
/// Returns how many entries were written.
pub fn import_csv(store: &mut Store, manager: &Session, text: &str) -> Result<usize> {
    manager.require(Role::Manager)?;
    let known = store.read(categories::list)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .trim(csv::Trim::All)
        // A short or long line is said in French by the column check below.
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut entries = Vec::new();
    for (index, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = index + 2;
        let bad = |problem: String| OpsError::FileLine { line, problem };
        let record = record.map_err(|e| bad(e.to_string()))?;
        if record.len() != HEADER.len() {
            return Err(bad(
                crate::i18n::Msg::ErrColumns.fill(&[&HEADER.len(), &record.len()])
            ));
        }
        let category = known
            .iter()
            .find(|c| c.name.as_str().eq_ignore_ascii_case(&record[0]))
            .ok_or_else(|| bad(crate::i18n::Msg::ErrUnknownCategory.fill(&[&&record[0]])))?;
        let name = crate::domain::Name::parse(&record[1]).map_err(|e| bad(e.to_string()))?;
        let price = Money::parse(&record[2]).map_err(|e| bad(e.to_string()))?;
        let price_max = optional(&record[3], Money::parse).map_err(|e| bad(e.to_string()))?;
        if price_max.is_some_and(|max| max < price) {
            return Err(bad(
                DomainError::PriceRange(record[3].to_owned()).to_string()
            ));
        }
        let unit_weight = optional(&record[4], Weight::parse).map_err(|e| bad(e.to_string()))?;
        let shortcut = Some(record[5].to_lowercase()).filter(|s| !s.is_empty());
        entries.push((
            category.id,
            GridEntry {
                category: category.name.to_string(),
                name: name.to_string(),
                price,
                price_max,
                unit_weight,
                shortcut,
            },
        ));
    }
    let count = entries.len();
    store.write(|tx| {
        for (category, entry) in &entries {
            till_catalogue::upsert_entry(tx, *category, entry)?;
        }
        Ok::<_, OpsError>(())
    })?;
    tracing::info!(entries = count, by = %manager.user(), "price grid imported");
    Ok(count)
}

/// Every entry of the grid, offered or not.
pub fn entries(store: &mut Store) -> Result<Vec<till_catalogue::EntryRow>> {
    Ok(store.read(till_catalogue::entry_rows)?)
}

/// Adds an entry (`id` `None`) or changes one (manager).
pub fn save_entry(
    store: &mut Store,
    manager: &Session,
    id: Option<i64>,
    category: crate::domain::CategoryId,
    entry: &GridEntry,
    active: bool,
) -> Result<()> {
    manager.require(Role::Manager)?;
    if entry.price_max.is_some_and(|max| max < entry.price) {
        return Err(OpsError::Domain(DomainError::PriceRange(
            entry.price_max.map(Money::plain).unwrap_or_default(),
        )));
    }
    store.write(|tx| match id {
        Some(id) => till_catalogue::update_entry(tx, id, category, entry, active),
        None => till_catalogue::upsert_entry(tx, category, entry),
    })?;
    Ok(())
}
