//! The fiscal journal's tables: documents (with their VAT and tender figures), closings, the
//! technical events, the end-of-chain records, the running counters and the installation
//! key. Documents and events are only ever inserted (triggers refuse the rest); chaining,
//! signing and payloads are the `journal` layer's business, not this module's.

use super::time::to_text;
use super::{Result, StorageError, Timestamp, Tx};
use crate::domain::{Money, Tender, VatTotal};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

pub use super::journal_figures::*;

/// Which chain: the documents, or the technical events (JET).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chain {
    Documents,
    Events,
}

impl Chain {
    pub const fn code(self) -> &'static str {
        match self {
            Chain::Documents => "documents",
            Chain::Events => "events",
        }
    }
}

/// The end-of-chain record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub last_id: i64,
    pub count: i64,
    pub hash: String,
    pub signature: String,
}

pub fn head(tx: &Tx, chain: Chain) -> Result<Option<Head>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT last_id, count, hash, signature FROM chain_head WHERE chain = ?1")?
        .query_row([chain.code()], |r| {
            Ok(Head {
                last_id: r.get(0)?,
                count: r.get(1)?,
                hash: r.get(2)?,
                signature: r.get(3)?,
            })
        })
        .optional()?)
}

pub fn set_head(tx: &Tx, chain: Chain, head: &Head) -> Result<()> {
    tx.conn().prepare_cached("INSERT INTO chain_head (chain, last_id, count, hash, signature) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (chain) DO UPDATE SET last_id = ?2, count = ?3, hash = ?4, signature = ?5")?.execute(
        params![chain.code(), head.last_id, head.count, head.hash, head.signature],
    )?;
    Ok(())
}

/// The installation's current key id and public key (hex), once set up: the last
/// rotation's, or the first key's.
pub fn installation(tx: &Tx) -> Result<Option<(String, String)>> {
    let rotated = tx
        .conn()
        .prepare_cached("SELECT key_id, public_key FROM key_rotation ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match rotated {
        Some(current) => Ok(Some(current)),
        None => first_key(tx),
    }
}

/// The installation's first key id and public key (hex), made at set-up.
pub fn first_key(tx: &Tx) -> Result<Option<(String, String)>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT key_id, public_key FROM installation WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Every public key the installation has had, first to current (hex).
pub fn public_keys(tx: &Tx) -> Result<Vec<String>> {
    let mut keys: Vec<String> = first_key(tx)?
        .map(|(_, public)| public)
        .into_iter()
        .collect();
    keys.extend(rotations(tx)?.into_iter().map(|r| r.public_key));
    Ok(keys)
}

/// A key rotation: the new key, the key it replaced, from which document and event it
/// signs, and both keys' signatures over the hand-over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rotation {
    pub key_id: String,
    pub public_key: String,
    pub previous_public_key: String,
    pub first_document: i64,
    pub first_event: i64,
    pub signature_old: String,
    pub signature_new: String,
}

/// The rotations, oldest first.
pub fn rotations(tx: &Tx) -> Result<Vec<Rotation>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT key_id, public_key, previous_public_key, first_document, first_event,
                signature_old, signature_new
         FROM key_rotation ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Rotation {
            key_id: r.get(0)?,
            public_key: r.get(1)?,
            previous_public_key: r.get(2)?,
            first_document: r.get(3)?,
            first_event: r.get(4)?,
            signature_old: r.get(5)?,
            signature_new: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_rotation(tx: &Tx, rotation: &Rotation, now: Timestamp) -> Result<()> {
    tx.conn().execute(
        "INSERT INTO key_rotation (key_id, public_key, previous_public_key, created_at,
                                   first_document, first_event, signature_old, signature_new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            rotation.key_id,
            rotation.public_key,
            rotation.previous_public_key,
            to_text(now),
            rotation.first_document,
            rotation.first_event,
            rotation.signature_old,
            rotation.signature_new
        ],
    )?;
    Ok(())
}

/// When the installation (its key) was made: the date it went into service.
pub fn installation_created_at(tx: &Tx) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT created_at FROM installation WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

pub fn insert_installation(tx: &Tx, key_id: &str, public_key: &str, now: Timestamp) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO installation (id, key_id, public_key, created_at) VALUES (1, ?1, ?2, ?3)",
        )?
        .execute(params![key_id, public_key, to_text(now)])?;
    Ok(())
}

/// A document to insert, with everything already computed.
pub struct NewDocument<'a> {
    pub series: &'a str,
    pub number: i64,
    pub kind: &'a str,
    pub terminal: &'a str,
    pub training: bool,
    pub business_date: &'a str,
    pub created_at: Timestamp,
    pub total: Money,
    pub discount: Money,
    pub change_given: Money,
    pub refers_to: Option<i64>,
    pub detail: &'a str,
    pub payload: &'a str,
    pub prev_hash: &'a str,
    pub hash: &'a str,
    pub signature: Option<&'a str>,
    pub vat: &'a [VatTotal],
    pub tenders: &'a [Tender],
}

/// The next number of `series`: one more than the highest, from 1.
pub fn next_number(tx: &Tx, series: &str) -> Result<i64> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT ifnull(max(number), 0) + 1 FROM document WHERE series = ?1")?
        .query_row([series], |r| r.get(0))?)
}

pub fn insert_document(tx: &Tx, doc: &NewDocument) -> Result<i64> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO document (series, number, kind, terminal, training, business_date,
                 created_at, total, discount, change_given, refers_to, vat, tenders, detail,
                 payload, prev_hash, hash, signature)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        )?
        .execute(params![
            doc.series,
            doc.number,
            doc.kind,
            doc.terminal,
            doc.training,
            doc.business_date,
            to_text(doc.created_at),
            doc.total.cents(),
            doc.discount.cents(),
            doc.change_given.cents(),
            doc.refers_to,
            vat_column(doc.vat),
            tenders_column(doc.tenders),
            doc.detail,
            doc.payload,
            doc.prev_hash,
            doc.hash,
            doc.signature
        ])
        .map_err(|e| StorageError::unique(e, &format!("{} n° {}", doc.series, doc.number)))?;
    let id = tx.conn().last_insert_rowid();
    Ok(id)
}

fn vat_column(vat: &[VatTotal]) -> String {
    let rows: Vec<[i64; 4]> = vat
        .iter()
        .map(|v| {
            [
                i64::from(v.rate.basis_points()),
                v.ttc.cents(),
                v.ht.cents(),
                v.vat.cents(),
            ]
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_owned())
}

fn tenders_column(tenders: &[Tender]) -> String {
    let rows: Vec<(&str, &str, i64)> = tenders
        .iter()
        .map(|t| (t.method.as_str(), t.kind.code(), t.amount.cents()))
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_owned())
}

/// A stored document, as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: i64,
    pub series: String,
    pub number: i64,
    pub kind: String,
    pub terminal: String,
    pub training: bool,
    pub business_date: String,
    pub created_at: String,
    pub total: Money,
    pub detail: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
    pub signature: Option<String>,
    /// The figures copied beside the payload, as stored (`verify` recomputes them).
    pub discount: Money,
    pub change_given: Money,
    pub refers_to: Option<i64>,
    /// `[[rate_bp, ttc, ht, vat], …]` and `[[method, kind, amount], …]`.
    pub vat: String,
    pub tenders: String,
}

const DOCUMENT_COLUMNS: &str = "id, series, number, kind, terminal, training, business_date,
    created_at, total, detail, payload, prev_hash, hash, signature, discount, change_given,
    refers_to, vat, tenders";

fn document_from_row(r: &rusqlite::Row) -> rusqlite::Result<StoredDocument> {
    Ok(StoredDocument {
        id: r.get(0)?,
        series: r.get(1)?,
        number: r.get(2)?,
        kind: r.get(3)?,
        terminal: r.get(4)?,
        training: r.get(5)?,
        business_date: r.get(6)?,
        created_at: r.get(7)?,
        total: Money::from_cents(r.get(8)?),
        detail: r.get(9)?,
        payload: r.get(10)?,
        prev_hash: r.get(11)?,
        hash: r.get(12)?,
        signature: r.get(13)?,
        discount: Money::from_cents(r.get(14)?),
        change_given: Money::from_cents(r.get(15)?),
        refers_to: r.get(16)?,
        vat: r.get(17)?,
        tenders: r.get(18)?,
    })
}

pub fn find_document(tx: &Tx, series: &str, number: i64) -> Result<StoredDocument> {
    tx.conn()
        .query_row(
            &format!("SELECT {DOCUMENT_COLUMNS} FROM document WHERE series = ?1 AND number = ?2"),
            params![series, number],
            document_from_row,
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingDocument))
}

/// The document with row id `id`.
pub fn document_by_id(tx: &Tx, id: i64) -> Result<StoredDocument> {
    tx.conn()
        .query_row(
            &format!("SELECT {DOCUMENT_COLUMNS} FROM document WHERE id = ?1"),
            [id],
            document_from_row,
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingDocument))
}

/// The hash of document `id`, if there is one.
pub fn document_hash(tx: &Tx, id: i64) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT hash FROM document WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The hash of event `id`, if there is one.
pub fn event_hash(tx: &Tx, id: i64) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT hash FROM event WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The highest number of `series`, if it has any document.
pub fn last_number(tx: &Tx, series: &str) -> Result<Option<i64>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT max(number) FROM document WHERE series = ?1")?
        .query_row([series], |r| r.get(0))?)
}

/// The payloads of the tickets that refer to document `id` (its refunds).
pub fn refunds_of(tx: &Tx, id: i64) -> Result<Vec<String>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT payload FROM document WHERE refers_to = ?1 AND kind = 'ticket' ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Calls `visit` on every document in chain order — or on the slice of the chain from the
/// first to the last document whose business date is in `dates` (inclusive): a session
/// past midnight or a month closing written the next morning puts a document of another
/// period between two of this one, and the slice keeps it so the chain reads unbroken.
/// Streaming: a million rows never sit in memory. Stops at the first error `visit`
/// returns.
pub fn each_document<E: From<StorageError>>(
    tx: &Tx,
    dates: Option<(&str, &str)>,
    mut visit: impl FnMut(StoredDocument) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let (filter, from, to) = match dates {
        Some((from, to)) => (
            "WHERE id BETWEEN
                 (SELECT min(id) FROM document WHERE business_date BETWEEN ?1 AND ?2)
             AND (SELECT max(id) FROM document WHERE business_date BETWEEN ?1 AND ?2)",
            from,
            to,
        ),
        None => ("WHERE ?1 = ?2", "", ""),
    };
    let mut stmt = tx
        .conn()
        .prepare(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM document {filter} ORDER BY id"
        ))
        .map_err(StorageError::from)?;
    let mut rows = stmt.query([from, to]).map_err(StorageError::from)?;
    while let Some(row) = rows.next().map_err(StorageError::from)? {
        visit(document_from_row(row).map_err(StorageError::from)?)?;
    }
    Ok(())
}

/// Calls `visit` on the documents with an id above `after`, `limit` of them at most, in
/// chain order.
pub fn each_document_after<E: From<StorageError>>(
    tx: &Tx,
    after: i64,
    limit: i64,
    mut visit: impl FnMut(StoredDocument) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut stmt = tx
        .conn()
        .prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM document WHERE id > ?1 ORDER BY id LIMIT ?2"
        ))
        .map_err(StorageError::from)?;
    let mut rows = stmt.query([after, limit]).map_err(StorageError::from)?;
    while let Some(row) = rows.next().map_err(StorageError::from)? {
        visit(document_from_row(row).map_err(StorageError::from)?)?;
    }
    Ok(())
}

/// Documents of a business-date range (inclusive), in chain order.
pub fn documents_between(tx: &Tx, from: &str, to: &str) -> Result<Vec<StoredDocument>> {
    let mut stmt = tx.conn().prepare(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM document WHERE business_date BETWEEN ?1 AND ?2 ORDER BY id"
    ))?;
    let rows = stmt.query_map([from, to], document_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert_closing(
    tx: &Tx,
    document_id: i64,
    terminal: &str,
    kind: &str,
    period: &str,
) -> Result<()> {
    tx.conn()
        .execute(
            "INSERT INTO closing (document_id, terminal, kind, period) VALUES (?1, ?2, ?3, ?4)",
            params![document_id, terminal, kind, period],
        )
        .map_err(|e| StorageError::unique(e, &format!("{kind} {period}")))?;
    Ok(())
}

pub fn is_closed(tx: &Tx, terminal: &str, kind: &str, period: &str) -> Result<bool> {
    Ok(tx.conn().prepare_cached("SELECT EXISTS (SELECT 1 FROM closing WHERE terminal = ?1 AND kind = ?2 AND period = ?3)")?.query_row(
        [terminal, kind, period],
        |r| r.get(0),
    )?)
}

/// Periods of `kind` closed for the terminal that are not yet covered by a closing of
/// `parent` (days without their month, months without their year), by prefix length.
pub fn closed_periods_without_parent(
    tx: &Tx,
    terminal: &str,
    kind: &str,
    parent: &str,
    prefix_len: usize,
) -> Result<Vec<String>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT DISTINCT substr(c.period, 1, ?4) FROM closing c
         WHERE c.terminal = ?1 AND c.kind = ?2
           AND NOT EXISTS (SELECT 1 FROM closing p WHERE p.terminal = c.terminal
                           AND p.kind = ?3 AND p.period = substr(c.period, 1, ?4))
         ORDER BY 1",
    )?;
    let rows = stmt.query_map(params![terminal, kind, parent, prefix_len as i64], |r| {
        r.get(0)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The payload of the last archive document written, if any (archives are rare: walking
/// back from the end of the chain finds it).
pub fn last_archive_payload(tx: &Tx) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT payload FROM document WHERE kind = 'archive' ORDER BY id DESC LIMIT 1",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// How many duplicates of document `id` exist already.
pub fn duplicates_of(tx: &Tx, id: i64) -> Result<i64> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT count(*) FROM document WHERE kind = 'duplicate' AND refers_to = ?1",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// A technical event to append.
pub struct NewEvent<'a> {
    pub code: &'a str,
    pub at: Timestamp,
    pub user: &'a str,
    pub terminal: &'a str,
    pub detail: &'a str,
    pub payload: &'a str,
    pub prev_hash: &'a str,
    pub hash: &'a str,
}

pub fn insert_event(tx: &Tx, event: &NewEvent) -> Result<i64> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO event (code, at, user_name, terminal, detail, payload, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            event.code,
            to_text(event.at),
            event.user,
            event.terminal,
            event.detail,
            event.payload,
            event.prev_hash,
            event.hash
        ])?;
    Ok(tx.conn().last_insert_rowid())
}

/// The payload of the most recent event with `code`, if any.
pub fn last_event_payload(tx: &Tx, code: &str) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT payload FROM event WHERE code = ?1 ORDER BY id DESC LIMIT 1")?
        .query_row([code], |r| r.get(0))
        .optional()?)
}

/// A stored event of the JET, as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: i64,
    pub code: String,
    pub at: String,
    pub user: String,
    pub terminal: String,
    pub detail: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

/// Calls `visit` on every event in chain order, streaming.
pub fn each_event<E: From<StorageError>>(
    tx: &Tx,
    visit: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    each_event_after(tx, 0, i64::MAX, visit)
}

/// Calls `visit` on the events with an id above `after`, `limit` at most, in chain order.
pub fn each_event_after<E: From<StorageError>>(
    tx: &Tx,
    after: i64,
    limit: i64,
    mut visit: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut stmt = tx
        .conn()
        .prepare_cached(
            "SELECT id, code, at, user_name, terminal, detail, payload, prev_hash, hash
             FROM event WHERE id > ?1 ORDER BY id LIMIT ?2",
        )
        .map_err(StorageError::from)?;
    let mut rows = stmt.query([after, limit]).map_err(StorageError::from)?;
    while let Some(r) = rows.next().map_err(StorageError::from)? {
        let event = StoredEvent {
            id: r.get(0).map_err(StorageError::from)?,
            code: r.get(1).map_err(StorageError::from)?,
            at: r.get(2).map_err(StorageError::from)?,
            user: r.get(3).map_err(StorageError::from)?,
            terminal: r.get(4).map_err(StorageError::from)?,
            detail: r.get(5).map_err(StorageError::from)?,
            payload: r.get(6).map_err(StorageError::from)?,
            prev_hash: r.get(7).map_err(StorageError::from)?,
            hash: r.get(8).map_err(StorageError::from)?,
        };
        visit(event)?;
    }
    Ok(())
}

/// Every document as stored (id, payload, hash), in order: what an erasure must leave
/// byte for byte as it was.
pub fn all_payloads(tx: &Tx) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = tx
        .conn()
        .prepare("SELECT id, payload, hash FROM document ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
