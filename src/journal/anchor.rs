//! The anchor: the last signed chain heads this installation has known, kept outside the
//! database in a file beside the key (`pepite-<id>.anchor`, owner-only). A database put
//! back from an older copy, or whose last documents were deleted and an older signed head
//! put back, is internally consistent — but older than its anchor, and `verify` says so:
//! « cette base est plus ancienne que le dernier état connu ».
//!
//! The anchor moves forward after every sale, refund, closing, start and stop (and each
//! verify that finds the journal intact); it never moves back, except through a restore,
//! which is a manager's action written in the JET. Its marks are the chain heads' own
//! signed records, so a hand-written anchor cannot accuse an intact database. Several
//! tills move it at once: each write replaces the file whole (write, then rename), and a
//! mark is only replaced by a longer one, so at worst the file lags a sale behind.

use super::chain;
use super::key::PublicKey;
use super::verify::Failure;
use super::{InstallationKey, JournalError};
use crate::i18n::Msg;
use crate::storage::journal::{self as store, Chain, Head};
use crate::storage::{Timestamp, Tx};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One chain's last known head.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub count: i64,
    pub last_id: i64,
    pub hash: String,
    /// The head's own signature, as the database held it.
    pub signature: String,
    /// When this mark was written (RFC 3339).
    pub at: String,
}

/// Both chains' last known heads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub documents: Option<Mark>,
    pub events: Option<Mark>,
}

/// The anchor file of installation `key_id` in `dir`.
pub fn anchor_path(dir: &Path, key_id: &str) -> PathBuf {
    dir.join(format!("pepite-{key_id}.anchor"))
}

/// Reads the anchor; `Ok(None)` when there is none yet.
pub fn read(dir: &Path, key_id: &str) -> Result<Option<Anchor>, String> {
    let path = anchor_path(dir, key_id);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| e.to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(crate::i18n::io_reason(&e)),
    }
}

fn mark(head: Head, now: Timestamp) -> Mark {
    Mark {
        count: head.count,
        last_id: head.last_id,
        hash: head.hash,
        signature: head.signature,
        at: now.to_rfc3339(),
    }
}

fn write(key: &InstallationKey, anchor: &Anchor) -> Result<(), JournalError> {
    let path = anchor_path(key.dir(), key.key_id());
    let fail = |e: std::io::Error| JournalError::Io {
        path: path.clone(),
        reason: crate::i18n::io_reason(&e),
    };
    let text = serde_json::to_string_pretty(anchor).map_err(|e| JournalError::Io {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    // A name of this process's own: two tills never write the same temporary file.
    let temp = key.dir().join(format!(
        ".pepite-{}.anchor.{}.{:?}",
        key.key_id(),
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_file(&temp);
    crate::files::write_private(&temp, text.as_bytes()).map_err(fail)?;
    std::fs::rename(&temp, &path).map_err(fail)
}

/// Moves the anchor forward to the database's heads, chain by chain, never back. Called
/// after a commit, on a read of the committed state.
pub fn advance(tx: &Tx, key: &InstallationKey, now: Timestamp) -> Result<(), JournalError> {
    let known = read(key.dir(), key.key_id())
        .ok()
        .flatten()
        .unwrap_or_default();
    let newer = |old: Option<Mark>, chain: Chain| -> Result<(Option<Mark>, bool), JournalError> {
        let head = store::head(tx, chain)?;
        Ok(match (old, head) {
            (Some(old), Some(head)) if old.count >= head.count => (Some(old), false),
            (_, Some(head)) => (Some(mark(head, now)), true),
            (old, None) => (old, false),
        })
    };
    let (documents, moved_documents) = newer(known.documents, Chain::Documents)?;
    let (events, moved_events) = newer(known.events, Chain::Events)?;
    if moved_documents || moved_events {
        write(key, &Anchor { documents, events })?;
    }
    Ok(())
}

/// Sets the anchor to the database's heads, even backwards: after a restore only.
pub fn reset(tx: &Tx, key: &InstallationKey, now: Timestamp) -> Result<(), JournalError> {
    let documents = store::head(tx, Chain::Documents)?.map(|h| mark(h, now));
    let events = store::head(tx, Chain::Events)?.map(|h| mark(h, now));
    write(key, &Anchor { documents, events })
}

/// How the database stands against the anchor: `None` when it holds every head the
/// anchor knows.
pub fn check(
    tx: &Tx,
    dir: &Path,
    key_id: &str,
    public: &PublicKey,
) -> Result<Option<Failure>, JournalError> {
    let path = anchor_path(dir, key_id);
    let record = Msg::VerifyAnchor.fill(&[&path.display()]);
    let anchor = match read(dir, key_id) {
        Ok(Some(anchor)) => anchor,
        Ok(None) => return Ok(None),
        Err(reason) => {
            return Ok(Some(Failure {
                record,
                reason: Msg::VerifyAnchorUnreadable.fill(&[&reason]),
            }));
        }
    };
    for (chain, mark) in [
        (Chain::Documents, anchor.documents),
        (Chain::Events, anchor.events),
    ] {
        let Some(mark) = mark else { continue };
        let message = chain::head_message(chain.code(), mark.count, mark.last_id, &mark.hash);
        if !public.verifies(&message, &mark.signature) {
            return Ok(Some(Failure {
                record,
                reason: Msg::VerifyAnchorForged.text().to_owned(),
            }));
        }
        let count = store::head(tx, chain)?.map_or(0, |h| h.count);
        let held = match chain {
            Chain::Documents => store::document_hash(tx, mark.last_id)?,
            Chain::Events => store::event_hash(tx, mark.last_id)?,
        };
        let what = match chain {
            Chain::Documents => Msg::VerifyAnchorDocuments,
            Chain::Events => Msg::VerifyAnchorEvents,
        };
        if count < mark.count || held.as_deref() != Some(mark.hash.as_str()) {
            let day = mark.at.get(..10).unwrap_or(&mark.at);
            let time = mark.at.get(11..19).unwrap_or_default();
            return Ok(Some(Failure {
                record,
                reason: Msg::VerifyOlder.fill(&[&mark.count, &what, &day, &time, &count]),
            }));
        }
    }
    Ok(None)
}
