//! Sending a site's records to the central. The central says where each chain stops;
//! the site reads what comes after in one snapshot (a read transaction: no till waits),
//! the records are checked (link, hash, number, signatures) and sent in batches, each in
//! one PostgreSQL transaction with the installation's row locked — so a batch lands whole
//! or not at all, two syncs of one site take turns, and a sync killed half-way leaves the
//! central at the end of its last whole batch, where the next run starts. A record the
//! central already holds is compared by hash: the same is skipped (a batch sent twice
//! adds nothing), a different one is refused and the refusal recorded at the central.

use super::super::{OpsError, Result};
use crate::i18n::Msg;
use crate::journal::remote::{ChainCheck, document_name};
use crate::journal::verify::Failure;
use crate::storage::central::push::{self, Registration};
use crate::storage::central::{Central, CentralTx};
use crate::storage::journal::{self as journal_store, Chain, Rotation};
use crate::storage::sync::{self as local, DocumentBatch};
use crate::storage::{Store, Timestamp};
use std::collections::{HashMap, HashSet};

/// What one sync sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub documents: i64,
    pub events: i64,
    pub intakes: i64,
    pub outbounds: i64,
    pub items: i64,
    /// Records sent that the central held already (same hash).
    pub already: i64,
    pub batches: i64,
}

/// What one batch of a chain did at the central.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub added: i64,
    pub already: i64,
}

/// The site as the central knows it.
#[derive(Clone, Debug)]
pub struct Site {
    pub registration: Registration,
    pub rotations: Vec<Rotation>,
}

impl Site {
    /// The installation of `store`: its first key's id (stable across rotations) names it.
    pub fn of(store: &mut Store) -> Result<Site> {
        let (first, created_at, rotations, structure) = store.read(|tx| {
            Ok::<_, crate::storage::StorageError>((
                journal_store::first_key(tx)?,
                journal_store::installation_created_at(tx)?,
                journal_store::rotations(tx)?,
                crate::storage::structure::get(tx)?,
            ))
        })?;
        let Some((key_id, public_key)) = first else {
            return Err(OpsError::NotInitialised);
        };
        Ok(Site {
            registration: Registration {
                installation: key_id,
                structure: structure
                    .map(|s| s.identity.name.to_string())
                    .unwrap_or_default(),
                public_key,
                created_at: created_at.unwrap_or_default(),
            },
            rotations,
        })
    }

    fn id(&self) -> &str {
        &self.registration.installation
    }

    /// Opens a batch's transaction: the site registered (once), its row locked.
    fn begin<'c>(&self, central: &'c mut Central) -> Result<CentralTx<'c>> {
        let mut ctx = central.transaction()?;
        let known = push::register(&mut ctx, &self.registration)?;
        if known != self.registration.public_key {
            return Err(OpsError::Refused(Msg::CentralOtherKey.fill(&[&self.id()])));
        }
        Ok(ctx)
    }

    /// Where the central's copy of `chain` stops: its last record's id and hash.
    fn position(&self, central: &mut Central, chain: Chain) -> Result<Option<(i64, String)>> {
        let mut ctx = self.begin(central)?;
        Ok(push::position(&mut ctx, self.id(), chain)?)
    }

    /// Records a refusal at the central (its own transaction) and returns it as an error.
    fn refuse(&self, central: &mut Central, failure: Failure) -> OpsError {
        let recorded = central.transaction().and_then(|mut ctx| {
            push::refuse(&mut ctx, self.id(), &failure.record, &failure.reason)?;
            ctx.commit()
        });
        if let Err(error) = recorded {
            tracing::error!(%error, "refusal not recorded at the central");
        }
        OpsError::Refused(Msg::CentralRefused.fill(&[&failure.record, &failure.reason]))
    }

    /// The check of a chain from where the central's copy stops, knowing the last number
    /// of each of `series` there.
    fn check(&self, ctx: &mut CentralTx, chain: Chain, series: &[String]) -> Result<ChainCheck> {
        let last = push::position(ctx, self.id(), chain)?;
        let numbers = match chain {
            Chain::Documents => push::last_numbers(ctx, self.id(), series)?,
            Chain::Events => HashMap::new(),
        };
        ChainCheck::new(
            &self.registration.public_key,
            &self.rotations,
            last,
            numbers,
        )
        .map_err(|f| OpsError::Refused(Msg::CentralRefused.fill(&[&f.record, &f.reason])))
    }

    /// Sends the keys' rotations and the lists (sites, points of sale, terminals, payment
    /// methods, categories, sources, towns) as they are now.
    pub fn send_keys_and_lists(&self, store: &mut Store, central: &mut Central) -> Result<()> {
        let lists = store.read(local::lists)?;
        let mut ctx = self.begin(central)?;
        let known: HashSet<String> = push::rotation_ids(&mut ctx, self.id())?
            .into_iter()
            .collect();
        // Checked as a chain of keys before any is stored.
        if let Err(failure) = crate::journal::remote::ChainCheck::new(
            &self.registration.public_key,
            &self.rotations,
            None,
            HashMap::new(),
        ) {
            drop(ctx);
            return Err(self.refuse(central, failure));
        }
        for rotation in self.rotations.iter().filter(|r| !known.contains(&r.key_id)) {
            push::add_rotation(&mut ctx, self.id(), rotation)?;
        }
        push::set_lists(&mut ctx, self.id(), &lists)?;
        ctx.commit()?;
        Ok(())
    }

    /// Sends one batch of documents (read by [`local::documents_after`]). Records the
    /// central holds already are compared by hash; the others are checked and added, with
    /// their closings and sale lines; when the batch reaches the site's signed chain end,
    /// that end is checked and kept.
    pub fn send_documents(&self, central: &mut Central, batch: &DocumentBatch) -> Result<Sent> {
        let mut ctx = self.begin(central)?;
        let series: Vec<String> = batch
            .documents
            .iter()
            .map(|d| d.series.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut check = self.check(&mut ctx, Chain::Documents, &series)?;
        let (held_up_to, _) = check.position();
        let mut sent = Sent::default();
        if let Some(failure) = self.compare_held(
            &mut ctx,
            Chain::Documents,
            batch
                .documents
                .iter()
                .filter(|d| d.id <= held_up_to)
                .map(|d| (d.id, d.hash.as_str(), document_name(d))),
            &mut sent,
        )? {
            drop(ctx);
            return Err(self.refuse(central, failure));
        }
        let new: Vec<_> = batch
            .documents
            .iter()
            .filter(|d| d.id > held_up_to)
            .collect();
        for doc in &new {
            if let Some(failure) = check.document(doc) {
                drop(ctx);
                return Err(self.refuse(central, failure));
            }
        }
        if let (Some(first), Some(last)) = (new.first(), new.last()) {
            let closings: Vec<_> = batch
                .closings
                .iter()
                .filter(|c| (first.id..=last.id).contains(&c.0))
                .collect();
            let lines: Vec<_> = batch
                .sale_lines
                .iter()
                .filter(|l| (first.id..=last.id).contains(&l.document_id))
                .collect();
            push::add_documents(&mut ctx, self.id(), &new, &closings, &lines)?;
            sent.added = new.len() as i64;
        }
        if let Some(failure) =
            self.keep_head(&mut ctx, &check, Chain::Documents, batch.head.as_ref())?
        {
            drop(ctx);
            return Err(self.refuse(central, failure));
        }
        ctx.commit()?;
        Ok(sent)
    }

    /// Sends one batch of events of the JET, as [`Site::send_documents`].
    pub fn send_events(
        &self,
        central: &mut Central,
        events: &[journal_store::StoredEvent],
        head: Option<&journal_store::Head>,
    ) -> Result<Sent> {
        let mut ctx = self.begin(central)?;
        let mut check = self.check(&mut ctx, Chain::Events, &[])?;
        let (held_up_to, _) = check.position();
        let mut sent = Sent::default();
        if let Some(failure) = self.compare_held(
            &mut ctx,
            Chain::Events,
            events.iter().filter(|e| e.id <= held_up_to).map(|e| {
                (
                    e.id,
                    e.hash.as_str(),
                    Msg::VerifyEvent.fill(&[&e.id, &e.code]),
                )
            }),
            &mut sent,
        )? {
            drop(ctx);
            return Err(self.refuse(central, failure));
        }
        let new: Vec<_> = events.iter().filter(|e| e.id > held_up_to).collect();
        for event in &new {
            if let Some(failure) = check.event(event) {
                drop(ctx);
                return Err(self.refuse(central, failure));
            }
        }
        push::add_events(&mut ctx, self.id(), &new)?;
        sent.added = new.len() as i64;
        if let Some(failure) = self.keep_head(&mut ctx, &check, Chain::Events, head)? {
            drop(ctx);
            return Err(self.refuse(central, failure));
        }
        ctx.commit()?;
        Ok(sent)
    }

    /// Records the central holds already: the same hash is « already there », another is
    /// a record changed on the site after it was sent.
    fn compare_held<'a>(
        &self,
        ctx: &mut CentralTx,
        chain: Chain,
        held: impl Iterator<Item = (i64, &'a str, String)>,
        sent: &mut Sent,
    ) -> Result<Option<Failure>> {
        let held: Vec<_> = held.collect();
        let (Some(first), Some(last)) = (held.first(), held.last()) else {
            return Ok(None);
        };
        let stored = push::hashes(ctx, self.id(), chain, first.0, last.0)?;
        for (id, hash, name) in &held {
            match stored.get(id) {
                Some(theirs) if theirs == hash => sent.already += 1,
                theirs => {
                    return Ok(Some(Failure {
                        record: name.clone(),
                        reason: Msg::CentralAlteredAfterSending
                            .fill(&[&short(hash), &theirs.map_or("—", |h| short(h))]),
                    }));
                }
            }
        }
        Ok(None)
    }

    /// When the central's copy now ends where the site's signed chain end says, checks
    /// and keeps that end.
    fn keep_head(
        &self,
        ctx: &mut CentralTx,
        check: &ChainCheck,
        chain: Chain,
        head: Option<&journal_store::Head>,
    ) -> Result<Option<Failure>> {
        let Some(head) = head.filter(|h| h.last_id == check.position().0) else {
            return Ok(None);
        };
        let count = push::count(ctx, self.id(), chain)?;
        if let Some(failure) = check.head(chain, head, count) {
            return Ok(Some(failure));
        }
        push::add_chain_end(ctx, self.id(), chain, head)?;
        Ok(None)
    }
}

impl Site {
    /// The site's document where the central's copy stops must have the central's hash;
    /// when it does not, a document was changed (and the chain recomputed) after it was
    /// sent: the first that differs is found, refused and reported.
    fn check_boundary(&self, store: &mut Store, central: &mut Central) -> Result<()> {
        const CHUNK: i64 = 10_000;
        let last = self.position(central, Chain::Documents)?;
        let Some((last_id, last_hash)) = last else {
            return Ok(());
        };
        let ours = store.read(|tx| journal_store::document_hash(tx, last_id))?;
        if ours.as_deref() == Some(last_hash.as_str()) {
            return Ok(());
        }
        let mut from = 1;
        while from <= last_id {
            let to = (from + CHUNK - 1).min(last_id);
            let theirs = {
                let mut ctx = self.begin(central)?;
                push::hashes(&mut ctx, self.id(), Chain::Documents, from, to)?
            };
            let batch = store.read(|tx| local::documents_after(tx, from - 1, to - from + 1))?;
            for doc in &batch.documents {
                let stored = theirs.get(&doc.id);
                let recomputed = crate::journal::chain_hash(&doc.prev_hash, &doc.payload);
                if stored != Some(&doc.hash) || recomputed != doc.hash {
                    let failure = Failure {
                        record: document_name(doc),
                        reason: Msg::CentralAlteredAfterSending
                            .fill(&[&short(&recomputed), &stored.map_or("—", |h| short(h))]),
                    };
                    return Err(self.refuse(central, failure));
                }
            }
            from = to + 1;
        }
        let failure = Failure {
            record: Msg::VerifyChainEnd.fill(&[&Chain::Documents.code()]),
            reason: Msg::CentralLinkMismatch.text().into(),
        };
        Err(self.refuse(central, failure))
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Sends everything the central does not have yet, `batch` records at a time; `progress`
/// hears each batch (its number, its records). Stops at the first refusal or failure:
/// what was committed before stays, and the next run starts after it.
pub fn run(
    store: &mut Store,
    central: &mut Central,
    batch: i64,
    now: Timestamp,
    progress: &mut dyn FnMut(i64, i64),
) -> Result<Summary> {
    central.check_version()?;
    let site = Site::of(store)?;
    let mut summary = Summary::default();
    site.send_keys_and_lists(store, central)?;
    let mut tick = |summary: &mut Summary, records: i64| {
        summary.batches += 1;
        progress(summary.batches, records);
    };
    // Documents: first, does the site still hold what the central received?
    site.check_boundary(store, central)?;
    loop {
        let after = site
            .position(central, Chain::Documents)?
            .map_or(0, |(id, _)| id);
        let documents = store.read(|tx| local::documents_after(tx, after, batch))?;
        let sent = site.send_documents(central, &documents)?;
        summary.documents += sent.added;
        summary.already += sent.already;
        let Some(last) = documents.documents.last().map(|d| d.id) else {
            break;
        };
        tick(&mut summary, sent.added);
        store.write(|tx| local::confirm(tx, "documents", last, "", now))?;
    }
    // Events of the JET.
    loop {
        let after = site
            .position(central, Chain::Events)?
            .map_or(0, |(id, _)| id);
        let (events, head) = store.read(|tx| local::events_after(tx, after, batch))?;
        let sent = site.send_events(central, &events, head.as_ref())?;
        summary.events += sent.added;
        summary.already += sent.already;
        let Some(last) = events.last().map(|e| e.id) else {
            break;
        };
        tick(&mut summary, sent.added);
        store.write(|tx| local::confirm(tx, "events", last, "", now))?;
    }
    // Intakes, then outbound flows: append-only on the site, sent after the central's last.
    for (outbound, what) in [(false, "intakes"), (true, "outbounds")] {
        loop {
            let mut ctx = site.begin(central)?;
            let after = push::last_movement(&mut ctx, site.id(), outbound)?;
            let movements = store.read(|tx| local::movements_after(tx, outbound, after, batch))?;
            let Some(last) = movements.last().map(|m| m.id) else {
                break;
            };
            push::add_movements(&mut ctx, site.id(), outbound, &movements)?;
            ctx.commit()?;
            let count = movements.len() as i64;
            if outbound {
                summary.outbounds += count;
            } else {
                summary.intakes += count;
            }
            tick(&mut summary, count);
            store.write(|tx| local::confirm(tx, what, last, "", now))?;
        }
    }
    // Items: the new ones and those whose status changed since the last sync's mark.
    let (_, mark) = store.read(|tx| local::confirmed(tx, "items"))?;
    let (new_mark, newest) = store.read(|tx| {
        Ok::<_, crate::storage::StorageError>((
            local::items_mark(tx)?,
            local::last_id(tx, "items")?,
        ))
    })?;
    let mut cursor = 0;
    loop {
        let mut ctx = site.begin(central)?;
        let after = push::last_item(&mut ctx, site.id())?;
        let items = store.read(|tx| local::items_changed(tx, after, &mark, cursor, batch))?;
        let Some(last) = items.last().map(|i| i.id) else {
            break;
        };
        push::set_items(&mut ctx, site.id(), &items)?;
        ctx.commit()?;
        cursor = last;
        summary.items += items.len() as i64;
        tick(&mut summary, items.len() as i64);
    }
    store.write(|tx| {
        local::confirm(tx, "items", newest, &new_mark, now)?;
        local::confirm(tx, "sync", 0, "", now)
    })?;
    Ok(summary)
}
