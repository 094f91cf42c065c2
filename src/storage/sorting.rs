//! The sorting bench's tables: the lists a manager keeps (sources, towns, containers),
//! intakes and outbound records with their weighed lines, and markdown rules. Records are
//! inserted only; a correction is a new record that `replaces` the old one, and every
//! total reads only the records nothing replaces.

use super::time::to_text;
use super::{Result, StorageError, Timestamp, Tx};
use crate::domain::{CategoryId, Destination, IntakeLine, Markdown, OutboundKind, SiteId};
use rusqlite::{OptionalExtension, params};

/// An entry of a list (source, town, container): id, name, and the tare in grams for a
/// container (zero otherwise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub tare_g: i64,
}

/// Which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Sources,
    Towns,
    Containers,
    /// Material fractions of outbound flows (ferraille, DEEE …).
    Fractions,
    /// Who receives outbound flows (partners, recyclers).
    Recipients,
}

impl List {
    const fn table(self) -> &'static str {
        match self {
            List::Sources => "intake_source",
            List::Towns => "town",
            List::Containers => "container",
            List::Fractions => "outbound_fraction",
            List::Recipients => "outbound_recipient",
        }
    }
}

/// The active entries of `list`, by name.
pub fn list(tx: &Tx, list: List) -> Result<Vec<Listed>> {
    Ok(list_all(tx, list)?
        .into_iter()
        .filter_map(|(entry, active)| active.then_some(entry))
        .collect())
}

/// Adds an entry to `list` (`tare_g` for a container).
pub fn add(tx: &Tx, list: List, name: &str, tare_g: i64) -> Result<i64> {
    let result = if list == List::Containers {
        tx.conn().execute(
            "INSERT INTO container (name, tare_g) VALUES (?1, ?2)",
            params![name, tare_g],
        )
    } else {
        tx.conn().execute(
            &format!("INSERT INTO {} (name) VALUES (?1)", list.table()),
            [name],
        )
    };
    result.map_err(|e| StorageError::unique(e, name))?;
    Ok(tx.conn().last_insert_rowid())
}

/// The header of a new intake or outbound record.
pub struct Header<'a> {
    pub site: SiteId,
    pub user: &'a str,
    pub at: Timestamp,
    pub note: &'a str,
    /// The record this one corrects, and why.
    pub replaces: Option<i64>,
    pub reason: &'a str,
}

fn day(at: Timestamp) -> String {
    at.date_naive().format("%Y-%m-%d").to_string()
}

pub fn insert_intake(
    tx: &Tx,
    header: &Header,
    source: i64,
    town: Option<i64>,
    lines: &[IntakeLine],
) -> Result<i64> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO intake (site_id, source_id, town_id, note, user_name, at, day, replaces, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            header.site.0,
            source,
            town,
            header.note,
            header.user,
            to_text(header.at),
            day(header.at),
            header.replaces,
            header.reason
        ])
        .map_err(|e| StorageError::unique(e, &header.replaces.unwrap_or(0).to_string()))?;
    let id = tx.conn().last_insert_rowid();
    let mut stmt = tx.conn().prepare_cached(
        "INSERT INTO intake_line (intake_id, position, category_id, gross_g, container, tare_g,
                                  net_g, destination)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        stmt.execute(params![
            id,
            position as i64,
            line.category_id.0,
            line.gross.grams(),
            line.container,
            line.tare_g,
            line.net().grams(),
            line.destination.code()
        ])?;
    }
    Ok(id)
}

/// An intake as stored: its header's ids and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredIntake {
    pub id: i64,
    pub site: SiteId,
    pub source: i64,
    pub town: Option<i64>,
    pub note: String,
    /// The newer record that replaces this one, if corrected.
    pub replaced_by: Option<i64>,
    /// `(category id, category name, gross g, container, tare g, destination)`.
    pub lines: Vec<(CategoryId, String, i64, String, i64, Destination)>,
}

pub fn intake(tx: &Tx, id: i64) -> Result<Option<StoredIntake>> {
    let head = tx
        .conn()
        .prepare_cached(
            "SELECT i.site_id, i.source_id, i.town_id, i.note,
                    (SELECT c.id FROM intake c WHERE c.replaces = i.id)
             FROM intake i WHERE i.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                SiteId(r.get(0)?),
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<i64>>(4)?,
            ))
        })
        .optional()?;
    let Some((site, source, town, note, replaced_by)) = head else {
        return Ok(None);
    };
    let mut stmt = tx.conn().prepare_cached(
        "SELECT l.category_id, c.name, l.gross_g, l.container, l.tare_g, l.destination
         FROM intake_line l JOIN category c ON c.id = l.category_id
         WHERE l.intake_id = ?1 ORDER BY l.position",
    )?;
    let lines = stmt
        .query_map([id], |r| {
            let destination: String = r.get(5)?;
            Ok((
                CategoryId(r.get(0)?),
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                Destination::from_code(&destination).unwrap_or(Destination::Waste),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(StoredIntake {
        id,
        site,
        source,
        town,
        note,
        replaced_by,
        lines,
    }))
}

/// How to group intake totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Category,
    Source,
    Town,
    Destination,
    /// Category and destination together: "Textile / recyclage".
    CategoryDestination,
}

/// Net grams taken in from `from` to `to` (days, inclusive), current records only,
/// grouped `by`, largest first.
pub fn intake_totals(tx: &Tx, from: &str, to: &str, by: By) -> Result<Vec<(String, i64)>> {
    let (key, join) = match by {
        By::Category => ("c.name", "JOIN category c ON c.id = l.category_id"),
        By::Source => ("s.name", "JOIN intake_source s ON s.id = i.source_id"),
        By::Town => ("ifnull(t.name, '')", "LEFT JOIN town t ON t.id = i.town_id"),
        By::Destination => ("l.destination", ""),
        By::CategoryDestination => (
            "c.name || ' / ' || l.destination",
            "JOIN category c ON c.id = l.category_id",
        ),
    };
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {key}, sum(l.net_g) FROM intake i
         JOIN intake_line l ON l.intake_id = i.id {join}
         WHERE i.day BETWEEN ?1 AND ?2
           AND NOT EXISTS (SELECT 1 FROM intake r WHERE r.replaces = i.id)
         GROUP BY 1 ORDER BY 2 DESC, 1"
    ))?;
    let rows = stmt.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One line of an outbound record: a category or a material fraction, a weight, and the
/// item it was when an unsold item is withdrawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutLine {
    pub category: Option<CategoryId>,
    pub fraction: String,
    /// The net weight (gross less `tare_g`).
    pub grams: i64,
    pub item: Option<i64>,
    /// The container's tare taken off the weighing, kept for the record.
    pub tare_g: i64,
}

pub fn insert_outbound(
    tx: &Tx,
    header: &Header,
    kind: OutboundKind,
    recipient: &str,
    lines: &[OutLine],
) -> Result<i64> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO outbound (site_id, kind, recipient, note, user_name, at, day, replaces, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            header.site.0,
            kind.code(),
            recipient,
            header.note,
            header.user,
            to_text(header.at),
            day(header.at),
            header.replaces,
            header.reason
        ])?;
    let id = tx.conn().last_insert_rowid();
    let mut stmt = tx.conn().prepare_cached(
        "INSERT INTO outbound_line (outbound_id, position, category_id, fraction, weight_g, item_id,
                                    tare_g)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        stmt.execute(params![
            id,
            position as i64,
            line.category.map(|c| c.0),
            line.fraction,
            line.grams,
            line.item,
            line.tare_g
        ])?;
    }
    Ok(id)
}

/// Grams sent out from `from` to `to` by kind, current records only.
pub fn outbound_totals(tx: &Tx, from: &str, to: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT o.kind, sum(l.weight_g) FROM outbound o
         JOIN outbound_line l ON l.outbound_id = o.id
         WHERE o.day BETWEEN ?1 AND ?2
           AND NOT EXISTS (SELECT 1 FROM outbound r WHERE r.replaces = o.id)
         GROUP BY 1 ORDER BY 2 DESC",
    )?;
    let rows = stmt.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rules in force, youngest first.
pub fn markdown_rules(tx: &Tx) -> Result<Vec<Markdown>> {
    Ok(markdown_all(tx)?
        .into_iter()
        .filter_map(|(rule, active)| active.then_some(rule))
        .collect())
}

/// Every rule and whether it is in force.
pub fn markdown_all(tx: &Tx) -> Result<Vec<(Markdown, bool)>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT weeks, percent, active FROM markdown_rule ORDER BY weeks")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            Markdown {
                weeks: r.get(0)?,
                percent: r.get(1)?,
            },
            r.get(2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets the rule for `weeks` (replacing one for the same age).
pub fn set_markdown_rule(tx: &Tx, rule: Markdown) -> Result<()> {
    tx.conn().execute(
        "INSERT INTO markdown_rule (weeks, percent) VALUES (?1, ?2)
         ON CONFLICT (weeks) DO UPDATE SET percent = excluded.percent",
        params![rule.weeks, rule.percent],
    )?;
    Ok(())
}

pub fn set_markdown_active(tx: &Tx, weeks: i64, active: bool) -> Result<()> {
    tx.conn().execute(
        "UPDATE markdown_rule SET active = ?2 WHERE weeks = ?1",
        params![weeks, active],
    )?;
    Ok(())
}

/// Every entry of `list`, active or not, by name.
pub fn list_all(tx: &Tx, list: List) -> Result<Vec<(Listed, bool)>> {
    let tare = if list == List::Containers {
        "tare_g"
    } else {
        "0"
    };
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT id, name, {tare}, active FROM {} ORDER BY name",
        list.table()
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            Listed {
                id: r.get(0)?,
                name: r.get(1)?,
                tare_g: r.get(2)?,
            },
            r.get(3)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_list_active(tx: &Tx, list: List, id: i64, active: bool) -> Result<()> {
    tx.conn().execute(
        &format!("UPDATE {} SET active = ?2 WHERE id = ?1", list.table()),
        params![id, active],
    )?;
    Ok(())
}
