//! Verification: recompute every hash, check every signature and every series' numbering,
//! the end-of-chain records, every figure that feeds a closing (see `verify_figures`) and
//! the anchor kept beside the key (see `anchor`), and say in French what was found — the
//! first bad record exactly. One SHA-256 per record, a signature check per checkpoint.

use super::JournalError;
use super::chain::{self, GENESIS};
use super::key::{PublicKey, key_path};
use super::verify_figures::FigureCheck;
use crate::i18n::Msg;
use crate::storage::Tx;
use crate::storage::journal::{self as store, Chain, StoredDocument};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The first thing found wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// `caisse-1/T n° 12`, or `événement 5`, or the chain's end.
    pub record: String,
    pub reason: String,
}

/// The integrity report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub documents: i64,
    pub events: i64,
    /// Documents per series within the dates asked for.
    pub per_series: BTreeMap<String, i64>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub failure: Option<Failure>,
    /// The key file was not found where the installation keeps it: the journal is checked
    /// with the public key all the same (lost is not forged), and this is said apart.
    pub key_absent: Option<std::path::PathBuf>,
}

impl Report {
    pub fn is_intact(&self) -> bool {
        self.failure.is_none()
    }
}

fn name(doc: &StoredDocument) -> String {
    format!("{} n° {} ({})", doc.series, doc.number, doc.business_date)
}

/// Checks both chains. `from`/`to` (business dates) limit what is counted in the report;
/// the whole chain is always checked, since each record depends on all before it. With a
/// `key_dir`, the key file is checked against the installation's public key too.
pub fn verify(
    tx: &Tx,
    from: Option<&str>,
    to: Option<&str>,
    key_dir: Option<&Path>,
) -> Result<Report, JournalError> {
    let mut report = Report::default();
    let Some((key_id, public_hex)) = store::installation(tx)? else {
        report.failure = Some(Failure {
            record: Msg::VerifyInstallation.text().into(),
            reason: Msg::ErrNoInstallation.text().into(),
        });
        return Ok(report);
    };
    let Some(public) = PublicKey::from_hex(&public_hex) else {
        report.failure = Some(Failure {
            record: Msg::VerifyInstallation.text().into(),
            reason: Msg::VerifyBadPublicKey.text().into(),
        });
        return Ok(report);
    };
    if let Some(dir) = key_dir.filter(|dir| {
        let path = key_path(dir, &key_id);
        let there = path.exists();
        if !there {
            report.key_absent = Some(path);
        }
        there
    }) {
        let path = key_path(dir, &key_id);
        let matches = std::fs::read_to_string(&path)
            .ok()
            .and_then(|pem| {
                use ed25519_dalek::pkcs8::DecodePrivateKey;
                ed25519_dalek::SigningKey::from_pkcs8_pem(&pem).ok()
            })
            .is_some_and(|k| hex::encode(k.verifying_key().as_bytes()) == public_hex);
        if !matches {
            report.failure = Some(Failure {
                record: Msg::VerifyKeyFile.fill(&[&path.display()]),
                reason: Msg::VerifyKeyMismatch.text().into(),
            });
            return Ok(report);
        }
    }
    let keys = match Keys::of(tx)? {
        Ok(keys) => keys,
        Err(failure) => {
            report.failure = Some(failure);
            return Ok(report);
        }
    };
    let mut running = GENESIS.to_owned();
    let mut last_number: BTreeMap<String, i64> = BTreeMap::new();
    let mut last_id = 0;
    let in_range = |date: &str| from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t);
    let mut failure: Option<Failure> = None;
    let mut figures = FigureCheck::new(tx)?;
    store::each_document(
        tx,
        None,
        |doc: StoredDocument| -> Result<(), JournalError> {
            if failure.is_some() {
                return Ok(());
            }
            let fail = |reason: String| {
                Some(Failure {
                    record: name(&doc),
                    reason,
                })
            };
            let expected_number = last_number.get(&doc.series).copied().unwrap_or(0) + 1;
            if doc.prev_hash != running {
                failure = fail(Msg::VerifyBrokenLink.text().into());
            } else if chain::hash(&doc.prev_hash, &doc.payload) != doc.hash {
                failure = fail(Msg::VerifyBadHash.text().into());
            } else if doc.number != expected_number {
                failure = fail(Msg::VerifyGap.fill(&[&expected_number, &doc.number]));
            } else if matches!(doc.kind.as_str(), "closing" | "archive")
                && !doc.signature.as_deref().is_some_and(|s| {
                    keys.for_document(doc.id)
                        .verifies(&chain::document_message(&doc.hash), s)
                })
            {
                failure = fail(Msg::VerifyBadSignature.text().into());
            } else if let Some(reason) = figures.document(tx, &doc)? {
                failure = fail(reason);
            }
            if failure.is_some() {
                return Ok(());
            }
            running = doc.hash.clone();
            last_number.insert(doc.series.clone(), doc.number);
            last_id = doc.id;
            report.documents += 1;
            if in_range(&doc.business_date) {
                *report.per_series.entry(doc.series.clone()).or_default() += 1;
                if report.first.is_none() {
                    report.first = Some(name(&doc));
                }
                report.last = Some(name(&doc));
            }
            Ok(())
        },
    )?;
    if failure.is_none() {
        failure = check_head(
            tx,
            &public,
            Chain::Documents,
            report.documents,
            last_id,
            &running,
        )?;
    }
    if failure.is_none() {
        failure = figures.finish(tx)?;
    }
    if failure.is_none() {
        let mut running = GENESIS.to_owned();
        let mut last_event = 0;
        store::each_event(tx, |event| -> Result<(), JournalError> {
            if failure.is_some() {
                return Ok(());
            }
            let record = Msg::VerifyEvent.fill(&[&event.id, &event.code]);
            if event.prev_hash != running {
                failure = Some(Failure {
                    record,
                    reason: Msg::VerifyBrokenLink.text().into(),
                });
            } else if chain::hash(&event.prev_hash, &event.payload) != event.hash {
                failure = Some(Failure {
                    record,
                    reason: Msg::VerifyBadHash.text().into(),
                });
            } else {
                running = event.hash.clone();
                last_event = event.id;
                report.events += 1;
            }
            Ok(())
        })?;
        if failure.is_none() {
            failure = check_head(
                tx,
                &public,
                Chain::Events,
                report.events,
                last_event,
                &running,
            )?;
        }
    }
    if failure.is_none()
        && let Some(dir) = key_dir
    {
        failure = super::anchor::check(tx, dir, &key_id, &public)?;
    }
    report.failure = failure;
    Ok(report)
}

/// The installation's keys over time: the first, then each rotation's from its first
/// document and event on.
pub(crate) struct Keys {
    /// `(first document, first event, key)`, in order.
    periods: Vec<(i64, i64, PublicKey)>,
}

impl Keys {
    /// Reads the keys and checks each rotation: signed by the key it replaces and by the
    /// new one, over the hand-over message. A bad one is the failure found.
    fn of(tx: &Tx) -> Result<Result<Keys, Failure>, JournalError> {
        let Some((_, first)) = store::first_key(tx)? else {
            return Ok(Err(bad_key()));
        };
        Ok(Keys::from_parts(&first, &store::rotations(tx)?))
    }

    /// The keys of the first public key `first` (hex) and its `rotations`, each checked.
    pub(crate) fn from_parts(first: &str, rotations: &[store::Rotation]) -> Result<Keys, Failure> {
        let Some(first_key) = PublicKey::from_hex(first) else {
            return Err(bad_key());
        };
        let mut periods = vec![(1, 1, first_key)];
        let mut previous = first.to_owned();
        for rotation in rotations {
            let record =
                Msg::VerifyRotation.fill(&[&super::key::fingerprint(&rotation.public_key)]);
            let message = super::key_custody::rotation_message(
                &rotation.previous_public_key,
                &rotation.public_key,
                rotation.first_document,
                rotation.first_event,
            );
            let (Some(old), Some(new)) = (
                PublicKey::from_hex(&previous),
                PublicKey::from_hex(&rotation.public_key),
            ) else {
                return Err(bad_key());
            };
            if rotation.previous_public_key != previous
                || !old.verifies(&message, &rotation.signature_old)
                || !new.verifies(&message, &rotation.signature_new)
            {
                return Err(Failure {
                    record,
                    reason: Msg::VerifyBadSignature.text().into(),
                });
            }
            periods.push((rotation.first_document, rotation.first_event, new));
            previous = rotation.public_key.clone();
        }
        Ok(Keys { periods })
    }

    /// The key that signed document `id`.
    pub(crate) fn for_document(&self, id: i64) -> &PublicKey {
        let at = self.periods.partition_point(|(first, _, _)| *first <= id);
        &self.periods[at.saturating_sub(1)].2
    }

    /// The key that signed the chain end of `chain` when its last record was `last_id`.
    pub(crate) fn for_head(&self, chain: Chain, last_id: i64) -> &PublicKey {
        let at = self
            .periods
            .partition_point(|(document, event, _)| match chain {
                Chain::Documents => *document <= last_id,
                Chain::Events => *event <= last_id,
            });
        &self.periods[at.saturating_sub(1)].2
    }
}

fn bad_key() -> Failure {
    Failure {
        record: Msg::VerifyInstallation.text().into(),
        reason: Msg::VerifyBadPublicKey.text().into(),
    }
}

fn check_head(
    tx: &Tx,
    public: &PublicKey,
    chain: Chain,
    count: i64,
    last_id: i64,
    hash: &str,
) -> Result<Option<Failure>, JournalError> {
    let record = Msg::VerifyChainEnd.fill(&[&chain.code()]);
    let Some(head) = store::head(tx, chain)? else {
        return Ok((count > 0).then(|| Failure {
            record,
            reason: Msg::VerifyNoHead.text().into(),
        }));
    };
    if head.count != count || head.last_id != last_id || head.hash != hash {
        return Ok(Some(Failure {
            record,
            reason: Msg::VerifyTailCut.fill(&[&head.count, &count]),
        }));
    }
    if !public.verifies(
        &chain::head_message(chain.code(), head.count, head.last_id, &head.hash),
        &head.signature,
    ) {
        return Ok(Some(Failure {
            record,
            reason: Msg::VerifyBadSignature.text().into(),
        }));
    }
    Ok(None)
}

impl fmt::Display for Report {
    /// « Résultat du test d'intégrité » as printed by `pepite verify`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", Msg::VerifyTitle.text())?;
        writeln!(
            f,
            "{}",
            Msg::VerifyCounts.fill(&[&self.documents, &self.events])
        )?;
        if let (Some(first), Some(last)) = (&self.first, &self.last) {
            writeln!(f, "{}", Msg::VerifyFirst.fill(&[first]))?;
            writeln!(f, "{}", Msg::VerifyLast.fill(&[last]))?;
        }
        for (series, count) in &self.per_series {
            writeln!(f, "  {series:<20} {count}")?;
        }
        match &self.failure {
            None => writeln!(f, "{}", Msg::VerifyIntact.text())?,
            Some(failure) => writeln!(
                f,
                "{}",
                Msg::VerifyBroken.fill(&[&failure.record, &failure.reason])
            )?,
        }
        if let Some(path) = &self.key_absent {
            writeln!(f, "{}", Msg::VerifyKeyAbsent.fill(&[&path.display()]))?;
        }
        Ok(())
    }
}
