//! The print queue: slips go to a worker thread that sends them in order. A printer that
//! is off, out of paper or unreachable never blocks the till: the job stays at the head
//! of the queue, the fault is published for the status line, and the worker tries again
//! until it prints. The sale itself was committed before its slip was queued.

use super::target::Target;
use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

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

/// A running queue for one printer.
pub struct PrintQueue {
    sender: Option<Sender<Job>>,
    status: Arc<Mutex<QueueStatus>>,
    worker: Option<JoinHandle<()>>,
}

impl PrintQueue {
    /// Starts the worker for `target`, retrying a failed job every `retry`.
    pub fn start(target: Target, retry: Duration) -> PrintQueue {
        let (sender, receiver) = mpsc::channel();
        let status = Arc::new(Mutex::new(QueueStatus::default()));
        let shared = Arc::clone(&status);
        let worker = thread::Builder::new()
            .name("file d'impression".into())
            .spawn(move || run(&target, &receiver, &shared, retry))
            .ok();
        PrintQueue {
            sender: Some(sender),
            status,
            worker,
        }
    }

    /// Queues a job; returns at once.
    pub fn submit(&self, job: Job) {
        if let Ok(mut status) = self.status.lock() {
            status.pending += 1;
        }
        if let Some(sender) = &self.sender {
            let _ = sender.send(job);
        }
    }

    pub fn status(&self) -> QueueStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Drop for PrintQueue {
    /// Stops taking jobs; the worker finishes what it can print now and exits.
    fn drop(&mut self) {
        self.sender.take();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn run(target: &Target, receiver: &Receiver<Job>, status: &Mutex<QueueStatus>, retry: Duration) {
    let mut jobs: VecDeque<Job> = VecDeque::new();
    let mut open = true;
    loop {
        // Wait for work when idle; when a job is stuck, wait only until the next try.
        if jobs.is_empty() {
            match receiver.recv() {
                Ok(job) => jobs.push_back(job),
                Err(_) => return,
            }
        } else if open {
            match receiver.recv_timeout(retry) {
                Ok(job) => jobs.push_back(job),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => open = false,
            }
        }
        jobs.extend(receiver.try_iter());
        while let Some(job) = jobs.front() {
            match target.send(&job.bytes) {
                Ok(()) => {
                    jobs.pop_front();
                    if let Ok(mut s) = status.lock() {
                        s.pending = s.pending.saturating_sub(1);
                        s.printed += 1;
                        s.fault = None;
                    }
                }
                Err(error) => {
                    if let Ok(mut s) = status.lock() {
                        s.fault = Some(format!("{error} ({})", job.title));
                    }
                    break;
                }
            }
        }
        if !open && !jobs.is_empty() {
            // Closing down with a printer that still fails: the documents are in the
            // journal and can be reprinted; do not hold the exit.
            return;
        }
    }
}
