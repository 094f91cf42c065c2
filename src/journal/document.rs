//! Appending one document: number it in its series, complete its payload, chain it,
//! sign what must be signed, and move the end-of-chain record — all in the caller's
//! transaction.

use super::chain::{self, GENESIS};
use super::{InstallationKey, JournalError, SOFTWARE};
use crate::domain::{Money, Tender, TerminalCode, VatTotal};
use crate::storage::journal::{self as store, Chain, Head, NewDocument};
use crate::storage::structure;
use crate::storage::{Timestamp, Tx};
use serde_json::{Value, json};

/// Who writes, where and when.
#[derive(Clone, Debug)]
pub struct Context {
    pub terminal: TerminalCode,
    pub point_of_sale: String,
    pub operator: String,
    /// Mode école: its own series, "MODE ÉCOLE" on paper, never in totals.
    pub training: bool,
    pub at: Timestamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    Ticket,
    Proof,
    Duplicate,
    Closing,
    Archive,
    /// A bill printed before payment (a café's « addition »): kept, never takings.
    Note,
}

impl DocKind {
    pub const fn code(self) -> &'static str {
        match self {
            DocKind::Ticket => "ticket",
            DocKind::Proof => "proof",
            DocKind::Duplicate => "duplicate",
            DocKind::Closing => "closing",
            DocKind::Archive => "archive",
            DocKind::Note => "note",
        }
    }

    const fn letter(self) -> &'static str {
        match self {
            DocKind::Ticket => "T",
            DocKind::Proof => "P",
            DocKind::Duplicate => "D",
            DocKind::Closing => "Z",
            DocKind::Archive => "A",
            DocKind::Note => "N",
        }
    }

    /// Closings and archives carry their own signature.
    const fn signed(self) -> bool {
        matches!(self, DocKind::Closing | DocKind::Archive)
    }
}

/// A document as appended: where to find it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRef {
    pub id: i64,
    pub series: String,
    pub number: i64,
    pub hash: String,
}

/// The series of a kind of document on a terminal: `caisse-1/T`, `caisse-1/ECOLE/T`.
pub fn series(terminal: &TerminalCode, training: bool, kind: DocKind) -> String {
    if training {
        format!("{terminal}/ECOLE/{}", kind.letter())
    } else {
        format!("{terminal}/{}", kind.letter())
    }
}

/// Figures copied beside the payload for closings and reports.
#[derive(Default)]
pub(super) struct Figures<'a> {
    pub total: Money,
    pub discount: Money,
    pub change_given: Money,
    pub refers_to: Option<i64>,
    pub detail: String,
    pub vat: &'a [VatTotal],
    pub tenders: &'a [Tender],
    /// The business date the caller already settled (a sale's session, a month's last
    /// day); `None`: the terminal's current session, the clock checked.
    pub business_date: Option<String>,
}

/// Appends a document whose specific fields are in `body` (a JSON object).
pub(super) fn append(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    kind: DocKind,
    mut body: Value,
    figures: Figures,
) -> Result<DocRef, JournalError> {
    let series = series(&ctx.terminal, ctx.training, kind);
    let number = store::next_number(tx, &series)?;
    let business_date = match figures.business_date {
        Some(date) => date,
        None => {
            super::session::check_clock(tx, &ctx.terminal, ctx.at)?;
            super::session::current(tx, ctx.terminal.as_str(), ctx.at)?.date
        }
    };
    let identity = structure::get(tx)?.map(|s| s.identity);
    let fields = json!({
        "kind": kind.code(),
        "series": series,
        "number": number,
        "terminal": ctx.terminal.as_str(),
        "point_of_sale": ctx.point_of_sale,
        "operator": ctx.operator,
        "training": ctx.training,
        "business_date": business_date,
        "timestamp": ctx.at.to_rfc3339(),
        "software": SOFTWARE,
        "structure": identity.map(|i| json!({
            "name": i.name.as_str(),
            "address": i.address,
            "postcode": i.postcode,
            "city": i.city,
            "siret": i.siret.as_ref().map(|s| s.as_str().to_owned()),
            "vat_status": i.vat_status.code(),
        })),
    });
    if let (Value::Object(target), Value::Object(source)) = (&mut body, fields) {
        target.extend(source);
    }
    let payload = canonical(&body);
    let head = store::head(tx, Chain::Documents)?;
    let prev_hash = head
        .as_ref()
        .map_or(GENESIS, |h| h.hash.as_str())
        .to_owned();
    let hash = chain::hash(&prev_hash, &payload);
    let signature = kind
        .signed()
        .then(|| key.sign_hex(&chain::document_message(&hash)));
    let id = store::insert_document(
        tx,
        &NewDocument {
            series: &series,
            number,
            kind: kind.code(),
            terminal: ctx.terminal.as_str(),
            training: ctx.training,
            business_date: &business_date,
            created_at: ctx.at,
            total: figures.total,
            discount: figures.discount,
            change_given: figures.change_given,
            refers_to: figures.refers_to,
            detail: &figures.detail,
            payload: &payload,
            prev_hash: &prev_hash,
            hash: &hash,
            signature: signature.as_deref(),
            vat: figures.vat,
            tenders: figures.tenders,
        },
    )?;
    move_head(tx, key, Chain::Documents, head, id, &hash)?;
    Ok(DocRef {
        id,
        series,
        number,
        hash,
    })
}

/// Rewrites the end-of-chain record after appending record `id` with `hash`.
pub(super) fn move_head(
    tx: &Tx,
    key: &InstallationKey,
    chain: Chain,
    previous: Option<Head>,
    id: i64,
    hash: &str,
) -> Result<(), JournalError> {
    let count = previous.map_or(0, |h| h.count) + 1;
    let signature = key.sign_hex(&chain::head_message(chain.code(), count, id, hash));
    store::set_head(
        tx,
        chain,
        &Head {
            last_id: id,
            count,
            hash: hash.to_owned(),
            signature,
        },
    )?;
    Ok(())
}

/// Compact JSON with sorted keys (serde_json's map is ordered by key).
pub(super) fn canonical(value: &Value) -> String {
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_have_sorted_keys_and_no_spaces() {
        let value = json!({"zeta": 1, "alpha": {"b": 2, "a": "é"}, "mid": [3, 1]});
        assert_eq!(
            canonical(&value),
            r#"{"alpha":{"a":"é","b":2},"mid":[3,1],"zeta":1}"#
        );
    }

    #[test]
    fn series_names() {
        let t = TerminalCode::parse("caisse-1").expect("code");
        assert_eq!(series(&t, false, DocKind::Ticket), "caisse-1/T");
        assert_eq!(series(&t, true, DocKind::Ticket), "caisse-1/ECOLE/T");
        assert_eq!(series(&t, false, DocKind::Closing), "caisse-1/Z");
    }
}
