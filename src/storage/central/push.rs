//! What a site writes into the central: its registration and keys, the records of its
//! chains after the central's last one (by COPY, checked row by row by the central's own
//! trigger), its signed chain ends, the refusals it reports, its lists, intakes, outbound
//! flows and items. Every function takes the caller's transaction: a batch lands whole or
//! not at all.

use super::copy::Rows;
use super::{CentralTx, Result, central};
use crate::storage::journal::{Chain, Head, Rotation, StoredDocument, StoredEvent};
use crate::storage::sync::{ItemRow, Lists, Movement, SaleLineRow, Way};
use std::collections::HashMap;
use std::io::Write as _;

/// A site as it presents itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    pub installation: String,
    pub structure: String,
    pub public_key: String,
    pub created_at: String,
}

/// Registers the site (once), takes its lock for the transaction, and returns the first
/// public key the central holds for it.
pub fn register(ctx: &mut CentralTx, site: &Registration) -> Result<String> {
    ctx.tx
        .execute(
            "INSERT INTO installation (id, structure, public_key, created_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
            &[
                &site.installation,
                &site.structure,
                &site.public_key,
                &site.created_at,
            ],
        )
        .map_err(central)?;
    // One sync of an installation at a time: a lock on its name (a row lock would need
    // the right to UPDATE the row, which a site's role has not).
    ctx.tx
        .execute(
            "SELECT pg_advisory_xact_lock(hashtext('pepite:' || $1))",
            &[&site.installation],
        )
        .map_err(central)?;
    let row = ctx
        .tx
        .query_one(
            "SELECT public_key FROM installation WHERE id = $1",
            &[&site.installation],
        )
        .map_err(central)?;
    Ok(row.get(0))
}

/// The key rotations the central holds for `installation`, by key id.
pub fn rotation_ids(ctx: &mut CentralTx, installation: &str) -> Result<Vec<String>> {
    Ok(ctx
        .tx
        .query(
            "SELECT key_id FROM key_rotation WHERE installation = $1",
            &[&installation],
        )
        .map_err(central)?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

pub fn add_rotation(ctx: &mut CentralTx, installation: &str, r: &Rotation) -> Result<()> {
    ctx.tx
        .execute(
            "INSERT INTO key_rotation (installation, key_id, public_key, previous_public_key,
                 first_document, first_event, signature_old, signature_new)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
            &[
                &installation,
                &r.key_id,
                &r.public_key,
                &r.previous_public_key,
                &r.first_document,
                &r.first_event,
                &r.signature_old,
                &r.signature_new,
            ],
        )
        .map_err(central)?;
    Ok(())
}

fn table(chain: Chain) -> &'static str {
    match chain {
        Chain::Documents => "document",
        Chain::Events => "event",
    }
}

/// Where the central's copy of a chain stops: the last record's id and hash.
pub fn position(
    ctx: &mut CentralTx,
    installation: &str,
    chain: Chain,
) -> Result<Option<(i64, String)>> {
    Ok(ctx
        .tx
        .query_opt(
            &format!(
                "SELECT id, hash FROM {} WHERE installation = $1 ORDER BY id DESC LIMIT 1",
                table(chain)
            ),
            &[&installation],
        )
        .map_err(central)?
        .map(|r| (r.get(0), r.get(1))))
}

/// The hashes the central holds for records `[from, to]` of a chain, by id.
pub fn hashes(
    ctx: &mut CentralTx,
    installation: &str,
    chain: Chain,
    from: i64,
    to: i64,
) -> Result<HashMap<i64, String>> {
    Ok(ctx
        .tx
        .query(
            &format!(
                "SELECT id, hash FROM {} WHERE installation = $1 AND id BETWEEN $2 AND $3",
                table(chain)
            ),
            &[&installation, &from, &to],
        )
        .map_err(central)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// How many records of a chain the central holds for `installation`.
pub fn count(ctx: &mut CentralTx, installation: &str, chain: Chain) -> Result<i64> {
    Ok(ctx
        .tx
        .query_one(
            &format!(
                "SELECT count(*) FROM {} WHERE installation = $1",
                table(chain)
            ),
            &[&installation],
        )
        .map_err(central)?
        .get(0))
}

/// The last number the central holds for `installation` in each of `series` (absent:
/// none yet). One index probe per series.
pub fn last_numbers(
    ctx: &mut CentralTx,
    installation: &str,
    series: &[String],
) -> Result<HashMap<String, i64>> {
    Ok(ctx
        .tx
        .query(
            "SELECT s, (SELECT max(d.number) FROM document d
                        WHERE d.installation = $1 AND d.series = s)
             FROM unnest($2::text[]) s",
            &[&installation, &series],
        )
        .map_err(central)?
        .iter()
        .filter_map(|r| Some((r.get(0), r.get::<_, Option<i64>>(1)?)))
        .collect())
}

/// Sends `rows` into `table`'s `columns` in one round trip. COPY cannot write a table
/// under row-level security, so the rows go into a temporary table first, then into
/// `table` in `columns`' first column's order — where the policies and the chain's
/// trigger see each row.
fn copy(ctx: &mut CentralTx, table: &str, columns: &str, rows: Rows) -> Result<()> {
    copy_then(ctx, table, columns, rows, "")
}

/// [`copy`], with `then` after the INSERT (an `ON CONFLICT …` clause).
fn copy_then(
    ctx: &mut CentralTx,
    table: &str,
    columns: &str,
    rows: Rows,
    then: &str,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let order = columns.split(',').take(3).collect::<Vec<_>>().join(",");
    ctx.tx
        .batch_execute(&format!(
            "CREATE TEMP TABLE IF NOT EXISTS incoming_{table} (LIKE pepite.{table})
                 ON COMMIT DELETE ROWS"
        ))
        .map_err(central)?;
    let mut writer = ctx
        .tx
        .copy_in(&format!("COPY incoming_{table} ({columns}) FROM STDIN"))
        .map_err(central)?;
    writer.write_all(&rows.into_bytes()).map_err(|e| {
        crate::storage::StorageError::CentralUnreachable(crate::i18n::io_reason(&e))
    })?;
    writer.finish().map_err(central)?;
    ctx.tx
        .batch_execute(&format!(
            "INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming_{table}
                 ORDER BY {order} {then};
             TRUNCATE incoming_{table}"
        ))
        .map_err(central)?;
    Ok(())
}

/// Adds documents (in chain order, after the central's last), the closings and the sale
/// lines that go with them.
pub fn add_documents(
    ctx: &mut CentralTx,
    installation: &str,
    documents: &[&StoredDocument],
    closings: &[&crate::storage::sync::ClosingRow],
    sale_lines: &[&SaleLineRow],
) -> Result<()> {
    let mut rows = Rows::new();
    for d in documents {
        rows.text(installation)
            .int(d.id)
            .text(&d.series)
            .int(d.number)
            .text(&d.kind)
            .text(&d.terminal)
            .bool(d.training)
            .text(&d.business_date)
            .text(&d.created_at)
            .int(d.total.cents())
            .int(d.discount.cents())
            .int(d.change_given.cents())
            .opt_int(d.refers_to)
            .text(&d.vat)
            .text(&d.tenders)
            .text(&d.detail)
            .text(&d.payload)
            .text(&d.prev_hash)
            .text(&d.hash)
            .opt_text(d.signature.as_deref());
        rows.end();
    }
    copy(
        ctx,
        "document",
        "installation, id, series, number, kind, terminal, training, business_date, created_at, total, discount, change_given, refers_to, vat, tenders, detail, payload, prev_hash, hash, signature",
        rows,
    )?;
    let mut rows = Rows::new();
    for (document, terminal, kind, period) in closings {
        rows.text(installation)
            .int(*document)
            .text(terminal)
            .text(kind)
            .text(period);
        rows.end();
    }
    copy(
        ctx,
        "closing",
        "installation, document_id, terminal, kind, period",
        rows,
    )?;
    let mut rows = Rows::new();
    for l in sale_lines {
        rows.text(installation)
            .int(l.id)
            .int(l.document_id)
            .text(&l.business_date)
            .text(&l.terminal)
            .opt_text(l.category.as_deref())
            .text(&l.label)
            .int(l.vat_rate)
            .int(l.quantity)
            .int(l.ttc)
            .opt_int(l.grams)
            .bool(l.estimated)
            .opt_text(l.service.as_deref());
        rows.end();
    }
    copy(
        ctx,
        "sale_line",
        "installation, id, document_id, business_date, terminal, category, label, vat_rate, quantity, ttc, grams, estimated, service",
        rows,
    )
}

/// Adds events of the JET (in chain order, after the central's last).
pub fn add_events(ctx: &mut CentralTx, installation: &str, events: &[&StoredEvent]) -> Result<()> {
    let mut rows = Rows::new();
    for e in events {
        rows.text(installation)
            .int(e.id)
            .text(&e.code)
            .text(&e.at)
            .text(&e.user)
            .text(&e.terminal)
            .text(&e.detail)
            .text(&e.payload)
            .text(&e.prev_hash)
            .text(&e.hash);
        rows.end();
    }
    copy(
        ctx,
        "event",
        "installation, id, code, at, user_name, terminal, detail, payload, prev_hash, hash",
        rows,
    )
}

/// Keeps a signed chain end (once per count).
pub fn add_chain_end(
    ctx: &mut CentralTx,
    installation: &str,
    chain: Chain,
    head: &Head,
) -> Result<()> {
    ctx.tx
        .execute(
            "INSERT INTO chain_end (installation, chain, count, last_id, hash, signature)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            &[
                &installation,
                &chain.code(),
                &head.count,
                &head.last_id,
                &head.hash,
                &head.signature,
            ],
        )
        .map_err(central)?;
    Ok(())
}

/// Records what the central refused and why.
pub fn refuse(ctx: &mut CentralTx, installation: &str, record: &str, reason: &str) -> Result<()> {
    ctx.tx
        .execute(
            "INSERT INTO refusal (installation, record, reason) VALUES ($1, $2, $3)",
            &[&installation, &record, &reason],
        )
        .map_err(central)?;
    Ok(())
}

/// Sets the site's lists to what they are now.
pub fn set_lists(ctx: &mut CentralTx, installation: &str, lists: &Lists) -> Result<()> {
    let i = installation;
    let tx = &mut ctx.tx;
    for (id, name) in &lists.sites {
        tx.execute(
            "INSERT INTO site (installation, id, name) VALUES ($1, $2, $3)
             ON CONFLICT (installation, id) DO UPDATE SET name = EXCLUDED.name",
            &[&i, id, name],
        )
        .map_err(central)?;
    }
    for (id, site, name, kind, active) in &lists.points {
        tx.execute(
            "INSERT INTO point_of_sale (installation, id, site_id, name, kind, active)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (installation, id) DO UPDATE SET site_id = EXCLUDED.site_id,
                 name = EXCLUDED.name, kind = EXCLUDED.kind, active = EXCLUDED.active",
            &[&i, id, site, name, kind, active],
        )
        .map_err(central)?;
    }
    for (code, name, point) in &lists.terminals {
        tx.execute(
            "INSERT INTO terminal (installation, code, name, point_of_sale_id)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (installation, code) DO UPDATE SET name = EXCLUDED.name,
                 point_of_sale_id = EXCLUDED.point_of_sale_id",
            &[&i, code, name, point],
        )
        .map_err(central)?;
    }
    for (id, kind, label, active) in &lists.methods {
        tx.execute(
            "INSERT INTO payment_method (installation, id, kind, label, active)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (installation, id) DO UPDATE SET kind = EXCLUDED.kind,
                 label = EXCLUDED.label, active = EXCLUDED.active",
            &[&i, id, kind, label, active],
        )
        .map_err(central)?;
    }
    for (id, parent, name, active) in &lists.categories {
        tx.execute(
            "INSERT INTO category (installation, id, parent_id, name, active)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (installation, id) DO UPDATE SET parent_id = EXCLUDED.parent_id,
                 name = EXCLUDED.name, active = EXCLUDED.active",
            &[&i, id, parent, name, active],
        )
        .map_err(central)?;
    }
    for (table, rows) in [("intake_source", &lists.sources), ("town", &lists.towns)] {
        for (id, name) in rows {
            tx.execute(
                &format!(
                    "INSERT INTO {table} (installation, id, name) VALUES ($1, $2, $3)
                     ON CONFLICT (installation, id) DO UPDATE SET name = EXCLUDED.name"
                ),
                &[&i, id, name],
            )
            .map_err(central)?;
        }
    }
    Ok(())
}

/// The last intake (`outbound` false) or outbound flow the central holds.
pub fn last_movement(ctx: &mut CentralTx, installation: &str, outbound: bool) -> Result<i64> {
    let table = if outbound { "outbound" } else { "intake" };
    Ok(ctx
        .tx
        .query_one(
            &format!("SELECT coalesce(max(id), 0) FROM {table} WHERE installation = $1"),
            &[&installation],
        )
        .map_err(central)?
        .get(0))
}

/// Adds intakes or outbound flows with their lines.
pub fn add_movements(
    ctx: &mut CentralTx,
    installation: &str,
    outbound: bool,
    movements: &[Movement],
) -> Result<()> {
    let (mut heads, mut lines) = (Rows::new(), Rows::new());
    for m in movements {
        heads.text(installation).int(m.id).int(m.site_id);
        match &m.way {
            Way::Out { kind, recipient } => heads.text(kind).text(recipient),
            Way::In { source_id, town_id } => heads.int(*source_id).opt_int(*town_id),
        };
        heads
            .text(&m.user_name)
            .text(&m.at)
            .text(&m.day)
            .opt_int(m.replaces)
            .text(&m.reason);
        heads.end();
        for l in &m.lines {
            lines.text(installation).int(m.id);
            if !outbound {
                lines.text(&m.day);
            }
            lines.int(l.position);
            if outbound {
                lines
                    .opt_int(l.category_id)
                    .text(&l.text)
                    .int(l.net_g)
                    .opt_int(l.item_id);
            } else {
                lines
                    .opt_int(l.category_id)
                    .int(l.gross_g)
                    .int(l.tare_g)
                    .int(l.net_g)
                    .text(&l.text);
            }
            lines.end();
        }
    }
    if outbound {
        copy(
            ctx,
            "outbound",
            "installation, id, site_id, kind, recipient, user_name, at, day, replaces, reason",
            heads,
        )?;
        copy(
            ctx,
            "outbound_line",
            "installation, outbound_id, position, category_id, fraction, weight_g, item_id",
            lines,
        )
    } else {
        copy(
            ctx,
            "intake",
            "installation, id, site_id, source_id, town_id, user_name, at, day, replaces, reason",
            heads,
        )?;
        copy(
            ctx,
            "intake_line",
            "installation, intake_id, day, position, category_id, gross_g, tare_g, net_g, destination",
            lines,
        )
    }
}

/// The highest item id the central holds.
pub fn last_item(ctx: &mut CentralTx, installation: &str) -> Result<i64> {
    Ok(ctx
        .tx
        .query_one(
            "SELECT coalesce(max(id), 0) FROM item WHERE installation = $1",
            &[&installation],
        )
        .map_err(central)?
        .get(0))
}

/// Sets items to what they are now (new ones added, changed ones updated).
pub fn set_items(ctx: &mut CentralTx, installation: &str, items: &[ItemRow]) -> Result<()> {
    let mut rows = Rows::new();
    for item in items {
        rows.text(installation)
            .int(item.id)
            .text(&item.code)
            .int(item.category_id)
            .int(item.price)
            .int(item.weight_g)
            .bool(item.weight_estimated)
            .opt_int(item.point_of_sale_id)
            .text(&item.status)
            .text(&item.created_at)
            .opt_int(item.document_id)
            .opt_text(item.status_at.as_deref());
        rows.end();
    }
    copy_then(
        ctx,
        "item",
        "installation, id, code, category_id, price, weight_g, weight_estimated, \
         point_of_sale_id, status, created_at, document_id, status_at",
        rows,
        "ON CONFLICT (installation, id) DO UPDATE SET price = EXCLUDED.price,
             point_of_sale_id = EXCLUDED.point_of_sale_id, status = EXCLUDED.status,
             document_id = EXCLUDED.document_id, status_at = EXCLUDED.status_at",
    )
}
