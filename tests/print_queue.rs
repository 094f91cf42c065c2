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
