//! The background sync of a till whose config names a central: a thread with its own
//! database connection and its own PostgreSQL connection, syncing every so often. It reads
//! in snapshots and writes only its bookkeeping (one small row), so a sale never waits for
//! it; when the central cannot be reached it only counts what waits, and tries again.

use super::Status;
use crate::storage::{Store, Timestamp};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the status line shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub status: Status,
    /// The central answered the last attempt.
    pub online: bool,
    /// The last sync's refusal or failure, in words.
    pub problem: Option<String>,
}

/// A running worker: dropping it stops the thread at its next pause.
pub struct Worker {
    shown: Arc<Mutex<Shown>>,
    stop: Option<mpsc::Sender<()>>,
}

impl Worker {
    /// Starts syncing the database at `db` to the central at `url` every `every`.
    pub fn start(db: PathBuf, url: String, every: Duration) -> Worker {
        let shown = Arc::new(Mutex::new(Shown::default()));
        let (stop, stopped) = mpsc::channel::<()>();
        let published = Arc::clone(&shown);
        let spawned = std::thread::Builder::new()
            .name("pepite-sync".into())
            .spawn(move || {
                loop {
                    let next = cycle(&db, &url, crate::clock::now());
                    if let Ok(mut shown) = published.lock() {
                        *shown = next;
                    }
                    match stopped.recv_timeout(every) {
                        Err(RecvTimeoutError::Timeout) => {}
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
            });
        if let Err(error) = spawned {
            tracing::error!(%error, "sync worker not started");
        }
        Worker {
            shown,
            stop: Some(stop),
        }
    }

    /// A worker that only shows `shown` (no thread): for screens tried without a central.
    pub fn showing(shown: Shown) -> Worker {
        Worker {
            shown: Arc::new(Mutex::new(shown)),
            stop: None,
        }
    }

    /// What to show now.
    pub fn shown(&self) -> Shown {
        self.shown.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// One attempt: count, sync, count again.
fn cycle(db: &std::path::Path, url: &str, now: Timestamp) -> Shown {
    let mut store = match Store::open_existing(db) {
        Ok(store) => store,
        Err(error) => {
            return Shown {
                problem: Some(error.to_string()),
                ..Shown::default()
            };
        }
    };
    let before = super::status(&mut store).unwrap_or_default();
    let outcome = super::connect(url).and_then(|mut central| {
        super::sync::run(&mut store, &mut central, 1000, now, &mut |_, _| {})
    });
    match outcome {
        Ok(_) => Shown {
            status: super::status(&mut store).unwrap_or(before),
            online: true,
            problem: None,
        },
        Err(error) => {
            tracing::warn!(%error, "sync");
            // A refusal or a schema to migrate is the central answering: it is online.
            let online = !matches!(
                &error,
                crate::ops::OpsError::Storage(crate::storage::StorageError::CentralUnreachable(_))
            );
            Shown {
                status: super::status(&mut store).unwrap_or(before),
                online,
                problem: Some(error.to_string()),
            }
        }
    }
}
