//! The `point_of_sale` and `terminal` tables: where tickets are made, and by which
//! running pépite.

use super::{Result, StorageError, Tx, bad_value, found};
use crate::domain::{Name, PointOfSaleId, PosKind, SiteId, TerminalCode};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, Row, params};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointOfSale {
    pub id: PointOfSaleId,
    pub site_id: SiteId,
    pub name: Name,
    pub kind: PosKind,
    pub active: bool,
}

pub fn insert(tx: &Tx, site: SiteId, name: &Name, kind: PosKind) -> Result<PointOfSaleId> {
    tx.conn()
        .execute(
            "INSERT INTO point_of_sale (site_id, name, kind) VALUES (?1, ?2, ?3)",
            params![site.0, name.as_str(), kind.code()],
        )
        .map_err(|e| StorageError::unique(e, name.as_str()))?;
    Ok(PointOfSaleId(tx.conn().last_insert_rowid()))
}

pub fn update(tx: &Tx, pos: &PointOfSale) -> Result<()> {
    let changed = tx
        .conn()
        .execute(
            "UPDATE point_of_sale SET site_id = ?2, name = ?3, kind = ?4, active = ?5
             WHERE id = ?1",
            params![
                pos.id.0,
                pos.site_id.0,
                pos.name.as_str(),
                pos.kind.code(),
                pos.active
            ],
        )
        .map_err(|e| StorageError::unique(e, pos.name.as_str()))?;
    found(changed, Msg::ThingPointOfSale)
}

fn pos_from_row(row: &Row) -> rusqlite::Result<PointOfSale> {
    let kind: String = row.get(3)?;
    Ok(PointOfSale {
        id: PointOfSaleId(row.get(0)?),
        site_id: SiteId(row.get(1)?),
        name: Name::parse(&row.get::<_, String>(2)?).map_err(|e| bad_value(2, e))?,
        kind: PosKind::from_code(&kind).unwrap_or(PosKind::Shop),
        active: row.get(4)?,
    })
}

pub fn list(tx: &Tx) -> Result<Vec<PointOfSale>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT id, site_id, name, kind, active FROM point_of_sale ORDER BY id")?;
    let rows = stmt.query_map([], pos_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(tx: &Tx, id: PointOfSaleId) -> Result<PointOfSale> {
    tx.conn()
        .query_row(
            "SELECT id, site_id, name, kind, active FROM point_of_sale WHERE id = ?1",
            [id.0],
            pos_from_row,
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingPointOfSale))
}

/// A terminal: one running pépite, its fiscal series named by its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terminal {
    pub code: TerminalCode,
    pub name: Name,
    pub point_of_sale_id: PointOfSaleId,
    pub active: bool,
}

fn terminal_from_row(row: &Row) -> rusqlite::Result<Terminal> {
    Ok(Terminal {
        code: TerminalCode::parse(&row.get::<_, String>(0)?).map_err(|e| bad_value(0, e))?,
        name: Name::parse(&row.get::<_, String>(1)?).map_err(|e| bad_value(1, e))?,
        point_of_sale_id: PointOfSaleId(row.get(2)?),
        active: row.get(3)?,
    })
}

pub fn insert_terminal(tx: &Tx, terminal: &Terminal) -> Result<()> {
    tx.conn()
        .execute(
            "INSERT INTO terminal (code, name, point_of_sale_id, active) VALUES (?1, ?2, ?3, ?4)",
            params![
                terminal.code.as_str(),
                terminal.name.as_str(),
                terminal.point_of_sale_id.0,
                terminal.active
            ],
        )
        .map_err(|e| StorageError::unique(e, terminal.code.as_str()))?;
    Ok(())
}

/// Changes a terminal's name, point of sale or state; its code never changes.
pub fn update_terminal(tx: &Tx, terminal: &Terminal) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE terminal SET name = ?2, point_of_sale_id = ?3, active = ?4 WHERE code = ?1",
        params![
            terminal.code.as_str(),
            terminal.name.as_str(),
            terminal.point_of_sale_id.0,
            terminal.active
        ],
    )?;
    found(changed, Msg::ThingTerminal)
}

pub fn list_terminals(tx: &Tx) -> Result<Vec<Terminal>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT code, name, point_of_sale_id, active FROM terminal ORDER BY rowid",
    )?;
    let rows = stmt.query_map([], terminal_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn find_terminal(tx: &Tx, code: &TerminalCode) -> Result<Option<Terminal>> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT code, name, point_of_sale_id, active FROM terminal WHERE code = ?1",
            [code.as_str()],
            terminal_from_row,
        )
        .optional()?)
}
