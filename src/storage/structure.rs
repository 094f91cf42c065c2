//! The `structure` row (identity and VAT status) and the `site` table.

use super::time::to_text;
use super::{Result, StorageError, Timestamp, Tx, bad_value};
use crate::domain::{Name, Siret, SiteId, VatStatus, Weight};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

/// The structure's identity, as printed on receipts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub name: Name,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub siret: Option<Siret>,
    pub vat_status: VatStatus,
}

/// The structure row: identity plus whether it is a demonstration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Structure {
    pub identity: Identity,
    pub is_demo: bool,
}

/// The structure, or `None` before the first set-up.
pub fn get(tx: &Tx) -> Result<Option<Structure>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT name, address, postcode, city, siret, vat_status, is_demo
             FROM structure WHERE id = 1",
        )?
        .query_row([], |row| {
            let siret: Option<String> = row.get(4)?;
            let status: String = row.get(5)?;
            Ok(Structure {
                identity: Identity {
                    name: Name::parse(&row.get::<_, String>(0)?).map_err(|e| bad_value(0, e))?,
                    address: row.get(1)?,
                    postcode: row.get(2)?,
                    city: row.get(3)?,
                    siret: siret
                        .map(|s| Siret::parse(&s).map_err(|e| bad_value(4, e)))
                        .transpose()?,
                    vat_status: VatStatus::from_code(&status).unwrap_or(VatStatus::Assujetti),
                },
                is_demo: row.get(6)?,
            })
        })
        .optional()?)
}

/// Writes the structure row once, at set-up.
pub fn insert(tx: &Tx, identity: &Identity, is_demo: bool, now: Timestamp) -> Result<()> {
    tx.conn()
        .execute(
            "INSERT INTO structure (id, name, address, postcode, city, siret, vat_status,
                                    is_demo, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                identity.name.as_str(),
                identity.address,
                identity.postcode,
                identity.city,
                identity.siret.as_ref().map(Siret::as_str),
                identity.vat_status.code(),
                is_demo,
                to_text(now)
            ],
        )
        .map_err(|e| StorageError::unique(e, identity.name.as_str()))?;
    Ok(())
}

/// Replaces the identity (a manager's settings change).
pub fn update(tx: &Tx, identity: &Identity) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE structure SET name = ?1, address = ?2, postcode = ?3, city = ?4, siret = ?5,
                              vat_status = ?6
         WHERE id = 1",
        params![
            identity.name.as_str(),
            identity.address,
            identity.postcode,
            identity.city,
            identity.siret.as_ref().map(Siret::as_str),
            identity.vat_status.code()
        ],
    )?;
    if changed == 0 {
        return Err(StorageError::NotFound(Msg::ModeStructure));
    }
    Ok(())
}

/// A place of the structure, with the maximum of its scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub id: SiteId,
    pub name: Name,
    pub address: String,
    pub scale_max: Weight,
}

pub fn insert_site(tx: &Tx, name: &Name, address: &str, scale_max: Weight) -> Result<SiteId> {
    tx.conn()
        .execute(
            "INSERT INTO site (name, address, scale_max_g) VALUES (?1, ?2, ?3)",
            params![name.as_str(), address, scale_max.grams()],
        )
        .map_err(|e| StorageError::unique(e, name.as_str()))?;
    Ok(SiteId(tx.conn().last_insert_rowid()))
}

pub fn list_sites(tx: &Tx) -> Result<Vec<Site>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT id, name, address, scale_max_g FROM site ORDER BY id")?;
    let rows = stmt.query_map([], |row| {
        Ok(Site {
            id: SiteId(row.get(0)?),
            name: Name::parse(&row.get::<_, String>(1)?).map_err(|e| bad_value(1, e))?,
            address: row.get(2)?,
            scale_max: Weight::from_grams(row.get(3)?).map_err(|e| bad_value(3, e))?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the tax receipts need of the structure: whether it is d'intérêt général, its
/// purpose (« Objet ») and who signs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReceiptSettings {
    pub general_interest: bool,
    pub purpose: String,
    pub signatory: String,
}

pub fn receipt_settings(tx: &Tx) -> Result<ReceiptSettings> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT general_interest, purpose, receipt_signatory FROM structure WHERE id = 1",
            [],
            |r| {
                Ok(ReceiptSettings {
                    general_interest: r.get(0)?,
                    purpose: r.get(1)?,
                    signatory: r.get(2)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn set_receipt_settings(tx: &Tx, s: &ReceiptSettings) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE structure SET general_interest = ?1, purpose = ?2, receipt_signatory = ?3
         WHERE id = 1",
        rusqlite::params![s.general_interest, s.purpose, s.signatory],
    )?;
    super::found(changed, crate::i18n::Msg::ThingStructure)
}
