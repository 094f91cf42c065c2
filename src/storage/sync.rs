//! What a site sends its central: the records after a given id, read in one snapshot, and
//! the bookkeeping of the last successful sync (for the status line). Plain rows: the
//! central's side of them is [`super::central`].

use super::journal::{self as store, Chain, Head, StoredDocument};
use super::{Result, Timestamp, Tx};
use rusqlite::{OptionalExtension, params};

/// A real ticket's line as the reports read it, with its rowid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleLineRow {
    pub id: i64,
    pub document_id: i64,
    pub business_date: String,
    pub terminal: String,
    pub category: Option<String>,
    pub label: String,
    pub vat_rate: i64,
    pub quantity: i64,
    pub ttc: i64,
    pub grams: Option<i64>,
    pub estimated: bool,
    pub service: Option<String>,
}

/// A closing's row: `(document id, terminal, kind, period)`.
pub type ClosingRow = (i64, String, String, String);

/// A batch of the documents chain: documents after some id, their closings and sale
/// lines, and the end-of-chain record of the same snapshot.
#[derive(Clone, Debug, Default)]
pub struct DocumentBatch {
    pub documents: Vec<StoredDocument>,
    pub closings: Vec<ClosingRow>,
    pub sale_lines: Vec<SaleLineRow>,
    pub head: Option<Head>,
}

/// The documents with an id above `after`, `limit` of them at most, with what goes with
/// them.
pub fn documents_after(tx: &Tx, after: i64, limit: i64) -> Result<DocumentBatch> {
    let mut documents = Vec::new();
    store::each_document_after(tx, after, limit, |doc| {
        documents.push(doc);
        Ok::<_, super::StorageError>(())
    })?;
    let (Some(first), Some(last)) = (documents.first(), documents.last()) else {
        return Ok(DocumentBatch {
            head: store::head(tx, Chain::Documents)?,
            ..DocumentBatch::default()
        });
    };
    let (first, last) = (first.id, last.id);
    let closings = tx
        .conn()
        .prepare_cached(
            "SELECT document_id, terminal, kind, period FROM closing
             WHERE document_id BETWEEN ?1 AND ?2 ORDER BY document_id",
        )?
        .query_map([first, last], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let sale_lines = tx
        .conn()
        .prepare_cached(
            "SELECT rowid, document_id, business_date, terminal, category, label, vat_rate,
                    quantity, ttc, grams, estimated, service
             FROM sale_line WHERE document_id BETWEEN ?1 AND ?2 ORDER BY rowid",
        )?
        .query_map([first, last], |r| {
            Ok(SaleLineRow {
                id: r.get(0)?,
                document_id: r.get(1)?,
                business_date: r.get(2)?,
                terminal: r.get(3)?,
                category: r.get(4)?,
                label: r.get(5)?,
                vat_rate: r.get(6)?,
                quantity: r.get(7)?,
                ttc: r.get(8)?,
                grams: r.get(9)?,
                estimated: r.get(10)?,
                service: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(DocumentBatch {
        documents,
        closings,
        sale_lines,
        head: store::head(tx, Chain::Documents)?,
    })
}

/// The events with an id above `after` (`limit` at most) and the events' chain end.
pub fn events_after(
    tx: &Tx,
    after: i64,
    limit: i64,
) -> Result<(Vec<store::StoredEvent>, Option<Head>)> {
    let mut events = Vec::new();
    store::each_event_after(tx, after, limit, |event| {
        events.push(event);
        Ok::<_, super::StorageError>(())
    })?;
    Ok((events, store::head(tx, Chain::Events)?))
}

/// The site's lists as they are now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lists {
    /// `(id, name)`.
    pub sites: Vec<(i64, String)>,
    /// `(id, site, name, kind, active)`.
    pub points: Vec<(i64, i64, String, String, bool)>,
    /// `(code, name, point of sale)`.
    pub terminals: Vec<(String, String, i64)>,
    /// `(id, kind, label, active)`.
    pub methods: Vec<(i64, String, String, bool)>,
    /// `(id, parent, name, active)`.
    pub categories: Vec<(i64, Option<i64>, String, bool)>,
    /// `(id, name)`.
    pub sources: Vec<(i64, String)>,
    pub towns: Vec<(i64, String)>,
}

fn all<T>(
    tx: &Tx,
    sql: &str,
    row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    Ok(tx
        .conn()
        .prepare_cached(sql)?
        .query_map([], row)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn lists(tx: &Tx) -> Result<Lists> {
    Ok(Lists {
        sites: all(tx, "SELECT id, name FROM site ORDER BY id", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?,
        points: all(
            tx,
            "SELECT id, site_id, name, kind, active FROM point_of_sale ORDER BY id",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?,
        terminals: all(
            tx,
            "SELECT code, name, point_of_sale_id FROM terminal ORDER BY code",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?,
        methods: all(
            tx,
            "SELECT id, kind, label, active FROM payment_method ORDER BY id",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?,
        categories: all(
            tx,
            "SELECT id, parent_id, name, active FROM category ORDER BY id",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?,
        sources: all(tx, "SELECT id, name FROM intake_source ORDER BY id", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?,
        towns: all(tx, "SELECT id, name FROM town ORDER BY id", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?,
    })
}

/// An intake or an outbound flow (the columns they share), with its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub id: i64,
    pub site_id: i64,
    /// Where it came from, or where it went.
    pub way: Way,
    pub user_name: String,
    pub at: String,
    pub day: String,
    pub replaces: Option<i64>,
    pub reason: String,
    pub lines: Vec<MovementLine>,
}

/// What tells an intake from an outbound flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Way {
    In {
        source_id: i64,
        town_id: Option<i64>,
    },
    Out {
        kind: String,
        recipient: String,
    },
}

/// A line: intake `(category, gross, tare, net, destination)`; outbound `(category,
/// fraction, weight, item)` in the same fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovementLine {
    pub position: i64,
    pub category_id: Option<i64>,
    pub gross_g: i64,
    pub tare_g: i64,
    pub net_g: i64,
    /// Intake: the destination; outbound: the fraction.
    pub text: String,
    pub item_id: Option<i64>,
}

/// Intakes (`outbound` false) or outbound flows with an id above `after`.
pub fn movements_after(tx: &Tx, outbound: bool, after: i64, limit: i64) -> Result<Vec<Movement>> {
    let (head, lines) = if outbound {
        (
            "SELECT id, site_id, kind, recipient, user_name, at, day, replaces, reason
             FROM outbound WHERE id > ?1 ORDER BY id LIMIT ?2",
            "SELECT position, category_id, weight_g, 0, weight_g, fraction, item_id, outbound_id
             FROM outbound_line WHERE outbound_id BETWEEN ?1 AND ?2
             ORDER BY outbound_id, position",
        )
    } else {
        (
            "SELECT id, site_id, source_id, town_id, user_name, at, day, replaces, reason
             FROM intake WHERE id > ?1 ORDER BY id LIMIT ?2",
            "SELECT position, category_id, gross_g, tare_g, net_g, destination, NULL, intake_id
             FROM intake_line WHERE intake_id BETWEEN ?1 AND ?2
             ORDER BY intake_id, position",
        )
    };
    let mut out: Vec<Movement> = tx
        .conn()
        .prepare_cached(head)?
        .query_map(params![after, limit], |r| {
            Ok(Movement {
                id: r.get(0)?,
                site_id: r.get(1)?,
                way: if outbound {
                    Way::Out {
                        kind: r.get(2)?,
                        recipient: r.get(3)?,
                    }
                } else {
                    Way::In {
                        source_id: r.get(2)?,
                        town_id: r.get(3)?,
                    }
                },
                user_name: r.get(4)?,
                at: r.get(5)?,
                day: r.get(6)?,
                replaces: r.get(7)?,
                reason: r.get(8)?,
                lines: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (Some(first), Some(last)) = (out.first().map(|m| m.id), out.last().map(|m| m.id)) else {
        return Ok(out);
    };
    // Every line of the batch in one query, in (record, position) order.
    let mut stmt = tx.conn().prepare_cached(lines)?;
    let mut rows = stmt.query([first, last])?;
    let mut at = 0;
    while let Some(r) = rows.next()? {
        let owner: i64 = r.get(7)?;
        while out.get(at).is_some_and(|m| m.id < owner) {
            at += 1;
        }
        if let Some(movement) = out.get_mut(at).filter(|m| m.id == owner) {
            movement.lines.push(MovementLine {
                position: r.get(0)?,
                category_id: r.get(1)?,
                gross_g: r.get(2)?,
                tare_g: r.get(3)?,
                net_g: r.get(4)?,
                text: r.get(5)?,
                item_id: r.get(6)?,
            });
        }
    }
    Ok(out)
}

/// A labelled item and its status now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    pub id: i64,
    pub code: String,
    pub category_id: i64,
    pub price: i64,
    pub weight_g: i64,
    pub weight_estimated: bool,
    pub point_of_sale_id: Option<i64>,
    pub status: String,
    pub created_at: String,
    pub document_id: Option<i64>,
    pub status_at: Option<String>,
}

/// Items labelled after item `after`, or whose status changed at or after `mark` (a
/// `status_at`; empty: none yet), `limit` at most, in id order from `from_id`.
pub fn items_changed(
    tx: &Tx,
    after: i64,
    mark: &str,
    from_id: i64,
    limit: i64,
) -> Result<Vec<ItemRow>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT id, code, category_id, price, weight_g, weight_estimated, point_of_sale_id,
                    status, created_at, document_id, status_at
             FROM item
             WHERE id > ?4 AND (id > ?1 OR (?2 <> '' AND status_at >= ?2))
             ORDER BY id LIMIT ?3",
        )?
        .query_map(params![after, mark, limit, from_id], |r| {
            Ok(ItemRow {
                id: r.get(0)?,
                code: r.get(1)?,
                category_id: r.get(2)?,
                price: r.get(3)?,
                weight_g: r.get(4)?,
                weight_estimated: r.get(5)?,
                point_of_sale_id: r.get(6)?,
                status: r.get(7)?,
                created_at: r.get(8)?,
                document_id: r.get(9)?,
                status_at: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The newest `status_at` of the items, `''` when none changed yet.
pub fn items_mark(tx: &Tx) -> Result<String> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT ifnull(max(status_at), '') FROM item WHERE status_at IS NOT NULL")?
        .query_row([], |r| r.get(0))?)
}

/// The highest id of a kind of record: `documents`, `events`, `intakes`, `outbounds`,
/// `items`.
pub fn last_id(tx: &Tx, what: &str) -> Result<i64> {
    let table = match what {
        "documents" => "document",
        "events" => "event",
        "intakes" => "intake",
        "outbounds" => "outbound",
        _ => "item",
    };
    Ok(tx
        .conn()
        .prepare_cached(&format!("SELECT ifnull(max(id), 0) FROM {table}"))?
        .query_row([], |r| r.get(0))?)
}

/// What the last successful sync confirmed of `what`: `(up to id, mark)`.
pub fn confirmed(tx: &Tx, what: &str) -> Result<(i64, String)> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT up_to, mark FROM central_sync WHERE what = ?1")?
        .query_row([what], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, String::new())))
}

/// Records that the central holds `what` up to id `up_to` (and `mark`), as of `at`.
pub fn confirm(tx: &Tx, what: &str, up_to: i64, mark: &str, at: Timestamp) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO central_sync (what, up_to, mark, at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (what) DO UPDATE SET up_to = ?2, mark = ?3, at = ?4",
        )?
        .execute(params![what, up_to, mark, super::time::to_text(at)])?;
    Ok(())
}

/// What waits to be sent, by the last confirmations: documents, events, intakes and
/// outbound flows after the confirmed ids, and when the last sync succeeded.
pub fn pending(tx: &Tx) -> Result<(i64, Option<String>)> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT
               (SELECT count(*) FROM document WHERE id >
                  ifnull((SELECT up_to FROM central_sync WHERE what = 'documents'), 0))
             + (SELECT count(*) FROM event WHERE id >
                  ifnull((SELECT up_to FROM central_sync WHERE what = 'events'), 0))
             + (SELECT count(*) FROM intake WHERE id >
                  ifnull((SELECT up_to FROM central_sync WHERE what = 'intakes'), 0))
             + (SELECT count(*) FROM outbound WHERE id >
                  ifnull((SELECT up_to FROM central_sync WHERE what = 'outbounds'), 0)),
               (SELECT at FROM central_sync WHERE what = 'sync')",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?)
}
