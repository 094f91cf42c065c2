//! What `verify --central` and the sync's reports read back from the central: the
//! installations, their keys, their chains in order (streamed), their last signed chain
//! ends, and the refusals reported.

use super::{CentralTx, Result, central};
use crate::domain::Money;
use crate::storage::journal::{Chain, Head, Rotation, StoredDocument, StoredEvent};

/// A registered installation: `(id, structure, first public key, its sites' names)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Installation {
    pub id: String,
    pub structure: String,
    pub public_key: String,
    pub sites: Vec<String>,
}

pub fn installations(ctx: &mut CentralTx) -> Result<Vec<Installation>> {
    Ok(ctx
        .tx
        .query(
            "SELECT i.id, i.structure, i.public_key,
                    coalesce((SELECT array_agg(s.name ORDER BY s.id) FROM site s
                              WHERE s.installation = i.id), '{}')
             FROM installation i ORDER BY i.registered_at, i.id",
            &[],
        )
        .map_err(central)?
        .iter()
        .map(|r| Installation {
            id: r.get(0),
            structure: r.get(1),
            public_key: r.get(2),
            sites: r.get(3),
        })
        .collect())
}

pub fn rotations(ctx: &mut CentralTx, installation: &str) -> Result<Vec<Rotation>> {
    Ok(ctx
        .tx
        .query(
            "SELECT key_id, public_key, previous_public_key, first_document, first_event,
                    signature_old, signature_new
             FROM key_rotation WHERE installation = $1 ORDER BY first_document, first_event",
            &[&installation],
        )
        .map_err(central)?
        .iter()
        .map(|r| Rotation {
            key_id: r.get(0),
            public_key: r.get(1),
            previous_public_key: r.get(2),
            first_document: r.get(3),
            first_event: r.get(4),
            signature_old: r.get(5),
            signature_new: r.get(6),
        })
        .collect())
}

/// The last signed chain end the central kept for a chain of `installation`.
pub fn chain_end(ctx: &mut CentralTx, installation: &str, chain: Chain) -> Result<Option<Head>> {
    Ok(ctx
        .tx
        .query_opt(
            "SELECT last_id, count, hash, signature FROM chain_end
             WHERE installation = $1 AND chain = $2 ORDER BY count DESC LIMIT 1",
            &[&installation, &chain.code()],
        )
        .map_err(central)?
        .map(|r| Head {
            last_id: r.get(0),
            count: r.get(1),
            hash: r.get(2),
            signature: r.get(3),
        }))
}

/// Calls `visit` on every document of `installation` in chain order, streaming.
pub fn each_document<E: From<crate::storage::StorageError>>(
    ctx: &mut CentralTx,
    installation: &str,
    mut visit: impl FnMut(StoredDocument) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let rows = ctx
        .tx
        .query_raw(
            "SELECT id, series, number, kind, terminal, training, business_date, created_at,
                    total, detail, payload, prev_hash, hash, signature, discount,
                    change_given, refers_to, vat::text, tenders::text
             FROM document WHERE installation = $1 ORDER BY id",
            [installation],
        )
        .map_err(central)?;
    let mut rows = rows;
    while let Some(r) = fallible_next(&mut rows)? {
        visit(StoredDocument {
            id: r.get(0),
            series: r.get(1),
            number: r.get(2),
            kind: r.get(3),
            terminal: r.get(4),
            training: r.get(5),
            business_date: r.get(6),
            created_at: r.get(7),
            total: Money::from_cents(r.get(8)),
            detail: r.get(9),
            payload: r.get(10),
            prev_hash: r.get(11),
            hash: r.get(12),
            signature: r.get(13),
            discount: Money::from_cents(r.get(14)),
            change_given: Money::from_cents(r.get(15)),
            refers_to: r.get(16),
            vat: r.get(17),
            tenders: r.get(18),
        })?;
    }
    Ok(())
}

fn fallible_next(
    rows: &mut postgres::RowIter<'_>,
) -> std::result::Result<Option<postgres::Row>, crate::storage::StorageError> {
    use postgres::fallible_iterator::FallibleIterator;
    rows.next().map_err(central)
}

/// Calls `visit` on every event of `installation` in chain order, streaming.
pub fn each_event<E: From<crate::storage::StorageError>>(
    ctx: &mut CentralTx,
    installation: &str,
    mut visit: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut rows = ctx
        .tx
        .query_raw(
            "SELECT id, code, at, user_name, terminal, detail, payload, prev_hash, hash
             FROM event WHERE installation = $1 ORDER BY id",
            [installation],
        )
        .map_err(central)?;
    while let Some(r) = fallible_next(&mut rows)? {
        visit(StoredEvent {
            id: r.get(0),
            code: r.get(1),
            at: r.get(2),
            user: r.get(3),
            terminal: r.get(4),
            detail: r.get(5),
            payload: r.get(6),
            prev_hash: r.get(7),
            hash: r.get(8),
        })?;
    }
    Ok(())
}

/// A refusal the central recorded: `(installation, record, reason, when)`.
pub type Refusal = (String, String, String, String);

/// The refusals recorded, newest first.
pub fn refusals(ctx: &mut CentralTx) -> Result<Vec<Refusal>> {
    Ok(ctx
        .tx
        .query(
            "SELECT installation, record, reason, to_char(at, 'YYYY-MM-DD HH24:MI:SS')
             FROM refusal ORDER BY id DESC",
            &[],
        )
        .map_err(central)?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect())
}

/// The documents of `installation` that another one refers to (a refund's ticket, a
/// duplicate's original): `(series, number) → id`.
pub fn references(
    ctx: &mut CentralTx,
    installation: &str,
) -> Result<std::collections::HashMap<(String, i64), i64>> {
    Ok(ctx
        .tx
        .query(
            "SELECT series, number, id FROM document
             WHERE installation = $1 AND id IN (SELECT refers_to FROM document
                                               WHERE installation = $1
                                                 AND refers_to IS NOT NULL)",
            &[&installation],
        )
        .map_err(central)?
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect())
}
