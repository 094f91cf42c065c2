//! The print queue against a fake network printer on 127.0.0.1: the receipt's bytes
//! arrive whole; with no printer listening the sale is still committed, the fault is
//! published, and the job prints once the printer is back.

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::Cash;
use pepite::domain::VatRate;
use pepite::journal;
use pepite::print::{Job, PrintQueue, Profile, QueueStatus, Target, escpos, receipt};
use pepite::storage::journal as documents;
use std::io::Read;
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

/// Waits (at most ten seconds) until the queue's status satisfies `done`.
fn wait_for(queue: &PrintQueue, done: impl Fn(&QueueStatus) -> bool) -> QueueStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = queue.status();
        if done(&status) || Instant::now() > deadline {
            return status;
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// A printer that takes one connection and returns what it was sent.
fn fake_printer(listener: TcpListener) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read");
        bytes
    })
}

fn receipt_bytes() -> (Vec<u8>, String) {
    let (mut db, key) = journal_store();
    let doc = db
        .write(|tx| {
            journal::append_ticket(
                tx,
                &key,
                &ctx("caisse-1", on("2026-11-24", "10:00:00")),
                &[line("Crêpe à l'érable", 1, 450, VatRate::INTERMEDIATE)],
                &[tender(Cash, 500)],
                None,
            )
        })
        .expect("sale");
    let stored = db
        .read(|tx| documents::find_document(tx, &doc.series, doc.number))
        .expect("committed");
    let slip =
        receipt::document_slip(&stored.payload, &stored.hash, Some("2800000000011")).expect("slip");
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    (
        escpos::render(&slip, &profile).expect("bytes"),
        format!("{} n° {}", doc.series, doc.number),
    )
}

#[test]
fn a_listening_printer_receives_the_receipt() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let printer = fake_printer(listener);
    let (bytes, title) = receipt_bytes();
    let queue = PrintQueue::start(
        Target::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        Duration::from_millis(50),
    );
    queue.submit(Job {
        title,
        bytes: bytes.clone(),
    });
    assert_eq!(printer.join().expect("printer"), bytes);
    let status = wait_for(&queue, |s| s.printed == 1);
    assert_eq!(
        status,
        QueueStatus {
            pending: 0,
            fault: None,
            printed: 1
        }
    );
}

#[test]
fn an_absent_printer_delays_the_slip_and_loses_nothing() {
    // A port nobody listens on: bind, note it, close.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let (bytes, title) = receipt_bytes(); // the sale is committed before anything prints
    let queue = PrintQueue::start(
        Target::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        Duration::from_millis(50),
    );
    queue.submit(Job {
        title: title.clone(),
        bytes: bytes.clone(),
    });
    let faulty = wait_for(&queue, |s| s.fault.is_some());
    assert_eq!(faulty.pending, 1);
    let fault = faulty.fault.expect("fault shown");
    assert!(
        fault.contains(&title) && fault.contains("injoignable"),
        "{fault}"
    );

    // The printer comes back on the same port: the job prints, once.
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("rebind");
    let printer = fake_printer(listener);
    assert_eq!(printer.join().expect("printer"), bytes);
    let status = wait_for(&queue, |s| s.printed == 1);
    assert_eq!(
        status,
        QueueStatus {
            pending: 0,
            fault: None,
            printed: 1
        }
    );
}

#[test]
fn a_file_target_appends_every_slip() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("slips.bin");
    let (bytes, title) = receipt_bytes();
    {
        let queue = PrintQueue::start(Target::File(path.clone()), Duration::from_millis(50));
        queue.submit(Job {
            title: title.clone(),
            bytes: bytes.clone(),
        });
        queue.submit(Job {
            title,
            bytes: bytes.clone(),
        });
        wait_for(&queue, |s| s.printed == 2);
    }
    assert_eq!(
        std::fs::read(&path).expect("file"),
        [bytes.clone(), bytes].concat()
    );
}

fn tcp(port: u16) -> Target {
    Target::Tcp {
        host: "127.0.0.1".into(),
        port,
    }
}

/// A printer that accepts one connection, then never reads: held until `release`.
fn stalling_printer(
    listener: TcpListener,
) -> (thread::JoinHandle<()>, std::sync::mpsc::Sender<()>) {
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let handle = thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        let _ = wait.recv_timeout(Duration::from_secs(20));
        drop(stream);
    });
    (handle, release)
}

#[test]
fn a_printer_that_accepts_then_stalls_is_a_fault_not_a_success() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (printer, release) = stalling_printer(listener);
    let (bytes, title) = receipt_bytes();
    // A job larger than the socket buffers: a stalled printer cannot swallow it unread.
    let big = bytes.repeat(4000);
    let mut queue = PrintQueue::start(tcp(port), Duration::from_millis(50));
    queue.submit(Job { title, bytes: big });
    let status = wait_for(&queue, |s| s.fault.is_some());
    assert_eq!((status.printed, status.pending), (0, 1), "{status:?}");
    let fault = status.fault.expect("fault");
    assert!(fault.contains("délai dépassé"), "{fault}");
    let _ = release.send(());
    printer.join().expect("printer");
    // Exit does not hang on it, and says the job stays queued.
    let started = Instant::now();
    let left = queue.shutdown(Duration::from_secs(3));
    assert!(started.elapsed() < Duration::from_secs(8));
    assert_eq!(left, 1);
}

#[test]
fn a_printer_that_closes_mid_job_is_a_fault_then_the_job_prints_whole() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (bytes, title) = receipt_bytes();
    let big = bytes.repeat(2000);
    let cut = thread::spawn(move || {
        // First connection: read a little, then hang up with the rest unread.
        let (mut stream, _) = listener.accept().expect("accept");
        let mut first = [0u8; 64];
        stream.read_exact(&mut first).expect("read");
        drop(stream);
        // Second connection (the retry): read it all.
        let (mut stream, _) = listener.accept().expect("accept again");
        let mut all = Vec::new();
        stream.read_to_end(&mut all).expect("read all");
        all
    });
    let queue = PrintQueue::start(tcp(port), Duration::from_millis(50));
    queue.submit(Job {
        title,
        bytes: big.clone(),
    });
    let printed = wait_for(&queue, |s| s.printed == 1);
    // The retry sent the same job again, whole, once: never half of it as a new job.
    assert_eq!(cut.join().expect("printer"), big);
    assert_eq!((printed.printed, printed.pending), (1, 0), "{printed:?}");
}

#[test]
fn queued_jobs_survive_a_restart_and_print_when_the_printer_is_back() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("spool.db");
    let mut store = pepite::storage::Store::open(&path).expect("open");
    common::initialised(&mut store);
    drop(store);
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let (bytes, title) = receipt_bytes();
    {
        let spool = pepite::storage::Store::open(&path).expect("spool");
        let mut queue = PrintQueue::start_spooled(tcp(port), Duration::from_millis(50), spool);
        queue.submit(Job {
            title: title.clone(),
            bytes: bytes.clone(),
        });
        queue.submit(Job {
            title: title.clone(),
            bytes: bytes.clone(),
        });
        wait_for(&queue, |s| s.fault.is_some());
        assert_eq!(queue.shutdown(Duration::from_secs(1)), 2);
    }
    let mut store = pepite::storage::Store::open(&path).expect("open");
    let waiting = pepite::ops::printing::pending(&mut store).expect("pending");
    assert_eq!(waiting.len(), 2);
    assert!(
        waiting[0].attempts >= 1 && waiting[0].last_error.is_some(),
        "{waiting:?}"
    );
    drop(store);
    // Started again, with the printer back: both print, in order, and leave the spool.
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("rebind");
    let printer = thread::spawn(move || {
        let mut got = Vec::new();
        for _ in 0..2 {
            let (mut stream, _) = listener.accept().expect("accept");
            let mut bytes = Vec::new();
            stream.read_to_end(&mut bytes).expect("read");
            got.push(bytes);
        }
        got
    });
    let spool = pepite::storage::Store::open(&path).expect("spool");
    let queue = PrintQueue::start_spooled(tcp(port), Duration::from_millis(50), spool);
    assert_eq!(printer.join().expect("printer"), vec![bytes.clone(), bytes]);
    wait_for(&queue, |s| s.printed == 2);
    drop(queue);
    let mut store = pepite::storage::Store::open(&path).expect("open");
    assert!(
        pepite::ops::printing::pending(&mut store)
            .expect("pending")
            .is_empty()
    );
}

#[test]
fn a_printer_out_of_paper_says_so_and_the_slip_waits() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("spool.db");
    let mut store = pepite::storage::Store::open(&path).expect("open");
    common::initialised(&mut store);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    // Answers the paper-sensor request: paper end, then (paper put in) paper present.
    let printer = thread::spawn(move || {
        let mut sent = Vec::new();
        for answer in [0x72u8, 0x12] {
            let (mut stream, _) = listener.accept().expect("accept");
            let mut bytes = Vec::new();
            stream.read_to_end(&mut bytes).expect("read");
            std::io::Write::write_all(&mut stream, &[answer]).expect("answer");
            sent.push(bytes);
        }
        sent
    });
    let (bytes, title) = receipt_bytes();
    let queue = PrintQueue::start_checked(tcp(port), Duration::from_millis(50), store, true);
    queue.submit(Job {
        title,
        bytes: bytes.clone(),
    });
    let sent = printer.join().expect("printer");
    let status = wait_for(&queue, |s| s.printed == 1);
    assert_eq!((status.printed, status.pending), (1, 0), "{status:?}");
    // Each try was the whole job followed by DLE EOT 4.
    for try_bytes in sent {
        assert_eq!(try_bytes, [bytes.clone(), vec![0x10, 0x04, 0x04]].concat());
    }
    drop(queue);
    let mut store = pepite::storage::Store::open(&path).expect("open");
    let done = pepite::ops::printing::recent(&mut store).expect("recent");
    assert_eq!(
        done[0]
            .last_error
            .as_deref()
            .map(|e| e.contains("plus de papier")),
        Some(true),
        "{done:?}"
    );
    assert_eq!(done[0].outcome.as_deref(), Some("printed"));
}
