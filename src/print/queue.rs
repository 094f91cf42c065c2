//! The print queue: slips go to a worker thread that sends them in order. A printer that
//! is off, out of paper, unreachable, that stalls or closes mid-job never blocks the till
//! and never has a slip marked printed that it did not take: the job stays at the head of
//! the queue, the fault is published for the status line, and the worker tries the same
//! job again (counted as one more attempt of it, never as a new job) until it prints.
//!
//! With a spool (the database), every job is written there before `submit` returns and
//! marked printed only once the printer took it: jobs survive a crash or a restart, are
//! listed (`pepite print-queue`), and can be printed again or discarded. Exit waits a few
//! seconds at most for a printer, and says how many jobs stay queued.

use super::target::Target;
use crate::storage::{Store, print_jobs};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// One slip to print.
#[derive(Clone, Debug)]
pub struct Job {
    /// What the status line calls it ("Ticket caisse-1/T n° 12").
    pub title: String,
    pub bytes: Vec<u8>,
}

/// What the till shows about its printer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueueStatus {
    /// Jobs not yet printed.
    pub pending: usize,
    /// The last failure, cleared by the next success.
    pub fault: Option<String>,
    pub printed: u64,
}

/// How long exit waits for a printer before leaving its jobs in the spool.
pub const EXIT_WAIT: Duration = Duration::from_secs(3);

type Spool = Arc<Mutex<Store>>;

/// A running queue for one printer.
pub struct PrintQueue {
    sender: Option<Sender<(Option<i64>, Job)>>,
    status: Arc<Mutex<QueueStatus>>,
    worker: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    spool: Option<Spool>,
    printer: String,
}

impl PrintQueue {
    /// Starts the worker for `target`, retrying a failed job every `retry`; jobs live in
    /// memory only.
    pub fn start(target: Target, retry: Duration) -> PrintQueue {
        PrintQueue::launch(target, retry, None, Vec::new(), false)
    }

    /// Starts the worker with the database as its spool: the jobs still waiting for this
    /// printer from an earlier run are queued first.
    pub fn start_spooled(target: Target, retry: Duration, spool: Store) -> PrintQueue {
        PrintQueue::start_checked(target, retry, spool, false)
    }

    /// The same, asking a network printer for its paper sensor after each job when
    /// `ask_status` (the profile says it answers `DLE EOT`).
    pub fn start_checked(
        target: Target,
        retry: Duration,
        spool: Store,
        ask_status: bool,
    ) -> PrintQueue {
        let mut spool = spool;
        let address = target.address();
        let waiting = spool
            .read(|tx| print_jobs::pending(tx, Some(&address)))
            .unwrap_or_else(|error| {
                tracing::error!(%error, "print spool unreadable");
                Vec::new()
            });
        let earlier = waiting
            .into_iter()
            .map(|j| {
                (
                    Some(j.id),
                    Job {
                        title: j.title,
                        bytes: j.bytes,
                    },
                )
            })
            .collect();
        PrintQueue::launch(
            target,
            retry,
            Some(Arc::new(Mutex::new(spool))),
            earlier,
            ask_status,
        )
    }

    fn launch(
        target: Target,
        retry: Duration,
        spool: Option<Spool>,
        earlier: Vec<(Option<i64>, Job)>,
        ask_status: bool,
    ) -> PrintQueue {
        let (sender, receiver) = mpsc::channel();
        let status = Arc::new(Mutex::new(QueueStatus {
            pending: earlier.len(),
            ..QueueStatus::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let printer = target.address();
        let worker = {
            let (status, stop, spool) = (Arc::clone(&status), Arc::clone(&stop), spool.clone());
            thread::Builder::new()
                .name("file d'impression".into())
                .spawn(move || {
                    let jobs = earlier.into_iter().collect();
                    Worker {
                        target,
                        status,
                        stop,
                        spool,
                        retry,
                        ask_status,
                    }
                    .run(&receiver, jobs);
                })
                .ok()
        };
        PrintQueue {
            sender: Some(sender),
            status,
            worker,
            stop,
            spool,
            printer,
        }
    }

    /// Queues a job; returns once it is in the spool (when there is one), before printing.
    pub fn submit(&self, job: Job) {
        let id = self.spool.as_ref().and_then(|spool| {
            let mut store = spool.lock().ok()?;
            store
                .write(|tx| {
                    print_jobs::add(
                        tx,
                        &self.printer,
                        &job.title,
                        &job.bytes,
                        crate::clock::now(),
                    )
                })
                .map_err(|error| tracing::error!(%error, "print job not spooled"))
                .ok()
        });
        if let Ok(mut status) = self.status.lock() {
            status.pending += 1;
        }
        if let Some(sender) = &self.sender {
            let _ = sender.send((id, job));
        }
    }

    pub fn status(&self) -> QueueStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The printer's address, as the spool names it.
    pub fn address(&self) -> &str {
        &self.printer
    }

    /// Stops taking jobs and gives the worker at most `within` to finish what it is
    /// sending; returns how many jobs stay queued (in the spool, for the next start).
    pub fn shutdown(&mut self, within: Duration) -> usize {
        self.stop.store(true, Ordering::SeqCst);
        self.sender.take();
        if let Some(worker) = self.worker.take() {
            let deadline = Instant::now() + within;
            while !worker.is_finished() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(10));
            }
            if worker.is_finished() {
                let _ = worker.join();
            }
            // Otherwise it is stuck on a device that does not answer: leave it.
        }
        self.status().pending
    }
}

impl Drop for PrintQueue {
    fn drop(&mut self) {
        if self.worker.is_some() {
            self.shutdown(EXIT_WAIT);
        }
    }
}

struct Worker {
    target: Target,
    status: Arc<Mutex<QueueStatus>>,
    stop: Arc<AtomicBool>,
    spool: Option<Spool>,
    retry: Duration,
    ask_status: bool,
}

impl Worker {
    fn note(&self, id: Option<i64>, outcome: Result<(), &str>) {
        let (Some(id), Some(spool)) = (id, &self.spool) else {
            return;
        };
        let Ok(mut store) = spool.lock() else { return };
        let now = crate::clock::now();
        let written = store.write(|tx| match outcome {
            Ok(()) => print_jobs::finish(tx, id, "printed", now).map(|_| ()),
            Err(error) => print_jobs::failed(tx, id, error),
        });
        if let Err(error) = written {
            tracing::error!(%error, "print spool not updated");
        }
    }

    /// Whether spooled job `id` still waits (not discarded meanwhile).
    fn still_wanted(&self, id: Option<i64>) -> bool {
        let (Some(id), Some(spool)) = (id, &self.spool) else {
            return true;
        };
        let Ok(mut store) = spool.lock() else {
            return true;
        };
        store
            .read(|tx| print_jobs::is_pending(tx, id))
            .unwrap_or(true)
    }

    fn run(&self, receiver: &Receiver<(Option<i64>, Job)>, mut jobs: VecDeque<(Option<i64>, Job)>) {
        let mut open = true;
        loop {
            // Wait for work when idle; when a job is stuck, wait only until the next try.
            if jobs.is_empty() {
                match receiver.recv() {
                    Ok(job) => jobs.push_back(job),
                    Err(_) => return,
                }
            } else if open {
                match receiver.recv_timeout(self.retry) {
                    Ok(job) => jobs.push_back(job),
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => open = false,
                }
            }
            jobs.extend(receiver.try_iter());
            while let Some((id, job)) = jobs.front() {
                if !self.still_wanted(*id) {
                    // Discarded by a person meanwhile: the journal keeps the document.
                    jobs.pop_front();
                    if let Ok(mut s) = self.status.lock() {
                        s.pending = s.pending.saturating_sub(1);
                        s.fault = None;
                    }
                    continue;
                }
                match self.target.send_checked(&job.bytes, self.ask_status) {
                    Ok(()) => {
                        self.note(*id, Ok(()));
                        jobs.pop_front();
                        if let Ok(mut s) = self.status.lock() {
                            s.pending = s.pending.saturating_sub(1);
                            s.printed += 1;
                            s.fault = None;
                        }
                    }
                    Err(error) => {
                        let text = error.to_string();
                        self.note(*id, Err(&text));
                        if let Ok(mut s) = self.status.lock() {
                            s.fault = Some(format!("{text} ({})", job.title));
                        }
                        break;
                    }
                }
                if self.stop.load(Ordering::SeqCst) && !jobs.is_empty() {
                    break;
                }
            }
            if (!open || self.stop.load(Ordering::SeqCst)) && !jobs.is_empty() {
                // Closing down with a printer that still fails: the jobs stay in the
                // spool for the next start; the documents are in the journal anyway.
                return;
            }
        }
    }
}
