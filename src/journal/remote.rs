//! The journal as the central holds it: the checks a received record must pass before it
//! is stored (its hash link to the record before it, its own hash, its number in its
//! series, a closing's signature, a chain end's signature, each with the key of its time),
//! and `verify --central`, which walks every installation's chains in PostgreSQL as
//! `verify` walks the site's.

use super::JournalError;
use super::chain::{self, GENESIS};
use super::verify::{Failure, Keys};
use super::verify_figures::{Payload, columns};
use crate::i18n::Msg;
use crate::storage::StorageError;
use crate::storage::central::{Central, read};
use crate::storage::journal::{Chain, Head, Rotation, StoredDocument, StoredEvent};
use std::collections::HashMap;

/// `caisse-1/T n° 12 (2026-12-02)`.
pub fn document_name(doc: &StoredDocument) -> String {
    format!("{} n° {} ({})", doc.series, doc.number, doc.business_date)
}

/// Checks a chain's records in order from where the central's copy stops.
pub struct ChainCheck {
    keys: Keys,
    running: String,
    last_id: i64,
    numbers: HashMap<String, i64>,
}

impl ChainCheck {
    /// From the central's last record (`None`: nothing yet), the last number of each
    /// series there, and the installation's first key and rotations.
    pub fn new(
        first_key: &str,
        rotations: &[Rotation],
        last: Option<(i64, String)>,
        numbers: HashMap<String, i64>,
    ) -> Result<ChainCheck, Failure> {
        let (last_id, running) = last.unwrap_or((0, GENESIS.to_owned()));
        Ok(ChainCheck {
            keys: Keys::from_parts(first_key, rotations)?,
            running,
            last_id,
            numbers,
        })
    }

    /// The id and hash the next record must follow.
    pub fn position(&self) -> (i64, &str) {
        (self.last_id, &self.running)
    }

    /// A document: linked, hashed, numbered, signed when it must be.
    pub fn document(&mut self, doc: &StoredDocument) -> Option<Failure> {
        let fail = |reason: String| {
            Some(Failure {
                record: document_name(doc),
                reason,
            })
        };
        let expected = self.numbers.get(&doc.series).copied().unwrap_or(0) + 1;
        if doc.id <= self.last_id || doc.prev_hash != self.running {
            return fail(Msg::CentralLinkMismatch.text().into());
        }
        if chain::hash(&doc.prev_hash, &doc.payload) != doc.hash {
            return fail(Msg::VerifyBadHash.text().into());
        }
        if doc.number != expected {
            return fail(Msg::VerifyGap.fill(&[&expected, &doc.number]));
        }
        if matches!(doc.kind.as_str(), "closing" | "archive")
            && !doc.signature.as_deref().is_some_and(|s| {
                self.keys
                    .for_document(doc.id)
                    .verifies(&chain::document_message(&doc.hash), s)
            })
        {
            return fail(Msg::VerifyBadSignature.text().into());
        }
        self.numbers.insert(doc.series.clone(), doc.number);
        self.running.clone_from(&doc.hash);
        self.last_id = doc.id;
        None
    }

    /// An event of the JET: linked and hashed.
    pub fn event(&mut self, event: &StoredEvent) -> Option<Failure> {
        let fail = |reason: String| {
            Some(Failure {
                record: Msg::VerifyEvent.fill(&[&event.id, &event.code]),
                reason,
            })
        };
        if event.id <= self.last_id || event.prev_hash != self.running {
            return fail(Msg::CentralLinkMismatch.text().into());
        }
        if chain::hash(&event.prev_hash, &event.payload) != event.hash {
            return fail(Msg::VerifyBadHash.text().into());
        }
        self.running.clone_from(&event.hash);
        self.last_id = event.id;
        None
    }

    /// A signed chain end, against the records checked so far (`count` of them): it must
    /// name the last one, count them all, and bear the signature of the key of its time.
    pub fn head(&self, chain: Chain, head: &Head, count: i64) -> Option<Failure> {
        let record = Msg::VerifyChainEnd.fill(&[&chain.code()]);
        if head.count != count || head.last_id != self.last_id || head.hash != self.running {
            return Some(Failure {
                record,
                reason: Msg::VerifyTailCut.fill(&[&head.count, &count]),
            });
        }
        let message = chain::head_message(chain.code(), head.count, head.last_id, &head.hash);
        if !self
            .keys
            .for_head(chain, head.last_id)
            .verifies(&message, &head.signature)
        {
            return Some(Failure {
                record,
                reason: Msg::VerifyBadSignature.text().into(),
            });
        }
        None
    }
}

/// What `verify --central` found for one installation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteVerdict {
    pub installation: String,
    /// Its sites' names, as it sent them.
    pub sites: Vec<String>,
    pub documents: i64,
    pub events: i64,
    pub failure: Option<Failure>,
}

/// Walks every installation's chains in the central: links, hashes, numbering,
/// signatures, every figure column against its payload, the last signed chain ends.
pub fn verify_central(central: &mut Central) -> Result<Vec<SiteVerdict>, JournalError> {
    let mut ctx = central.transaction()?;
    let mut verdicts = Vec::new();
    for site in read::installations(&mut ctx)? {
        let rotations = read::rotations(&mut ctx, &site.id)?;
        let mut verdict = SiteVerdict {
            installation: site.id.clone(),
            sites: site.sites.clone(),
            documents: 0,
            events: 0,
            failure: None,
        };
        let mut check = match ChainCheck::new(&site.public_key, &rotations, None, HashMap::new()) {
            Ok(check) => check,
            Err(failure) => {
                verdict.failure = Some(failure);
                verdicts.push(verdict);
                continue;
            }
        };
        let references = read::references(&mut ctx, &site.id)?;
        let mut failure: Option<Failure> = None;
        read::each_document(&mut ctx, &site.id, |doc| -> Result<(), JournalError> {
            if failure.is_some() {
                return Ok(());
            }
            failure = check.document(&doc).or_else(|| {
                let reason = match serde_json::from_str::<Payload>(&doc.payload) {
                    Ok(p) => columns(&doc, &p, &mut |series, number| {
                        Ok::<_, StorageError>(references.get(&(series.to_owned(), number)).copied())
                    })
                    .unwrap_or_default(),
                    Err(error) => Some(Msg::VerifyPayloadUnreadable.fill(&[&error])),
                };
                reason.map(|reason| Failure {
                    record: document_name(&doc),
                    reason,
                })
            });
            if failure.is_none() {
                verdict.documents += 1;
            }
            Ok(())
        })?;
        if failure.is_none()
            && let Some(head) = read::chain_end(&mut ctx, &site.id, Chain::Documents)?
        {
            // The last end kept may be older than the last batch (a sync cut before its
            // end): it must then name a record stored, with that record's hash.
            failure = check_kept_end(
                &mut ctx,
                &site.id,
                &check,
                Chain::Documents,
                &head,
                verdict.documents,
            )?;
        }
        if failure.is_none() {
            let first_key = site.public_key.clone();
            let mut events = ChainCheck::new(&first_key, &rotations, None, HashMap::new())
                .map_err(|f| JournalError::Storage(StorageError::Central(f.reason)))?;
            read::each_event(&mut ctx, &site.id, |event| -> Result<(), JournalError> {
                if failure.is_none() {
                    failure = events.event(&event);
                    if failure.is_none() {
                        verdict.events += 1;
                    }
                }
                Ok(())
            })?;
            if failure.is_none()
                && let Some(head) = read::chain_end(&mut ctx, &site.id, Chain::Events)?
            {
                failure = check_kept_end(
                    &mut ctx,
                    &site.id,
                    &events,
                    Chain::Events,
                    &head,
                    verdict.events,
                )?;
            }
        }
        verdict.failure = failure;
        verdicts.push(verdict);
    }
    Ok(verdicts)
}

/// A kept chain end: when it is the last record checked, as [`ChainCheck::head`]; when it
/// names an earlier one (sent before later batches), that record's stored hash and the
/// signature.
fn check_kept_end(
    ctx: &mut crate::storage::central::CentralTx,
    installation: &str,
    check: &ChainCheck,
    chain: Chain,
    head: &Head,
    count: i64,
) -> Result<Option<Failure>, JournalError> {
    if head.last_id == check.position().0 {
        return Ok(check.head(chain, head, count));
    }
    let stored = crate::storage::central::push::hashes(
        ctx,
        installation,
        chain,
        head.last_id,
        head.last_id,
    )?;
    let record = Msg::VerifyChainEnd.fill(&[&chain.code()]);
    let message = chain::head_message(chain.code(), head.count, head.last_id, &head.hash);
    if stored.get(&head.last_id) != Some(&head.hash)
        || !check
            .keys
            .for_head(chain, head.last_id)
            .verifies(&message, &head.signature)
    {
        return Ok(Some(Failure {
            record,
            reason: Msg::VerifyBadSignature.text().into(),
        }));
    }
    Ok(None)
}
