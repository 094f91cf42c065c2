//! A write that waits for another terminal's transaction tells the person at the
//! keyboard « Patientez » once, then goes through when the other write ends.

use pepite::i18n::{Lang, Msg};
use pepite::storage::Store;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

static TOLD: AtomicUsize = AtomicUsize::new(0);

fn told() {
    TOLD.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn a_write_that_waits_says_so_once_then_goes_through() {
    pepite::storage::busy::on_wait(told);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("shop.db");
    let mut first = Store::open(&path).expect("open");
    let mut second = Store::open(&path).expect("open again");
    let (locked, wait_for_lock) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        first
            .write(|_tx| {
                locked.send(()).expect("send");
                std::thread::sleep(Duration::from_millis(600));
                Ok::<_, pepite::storage::StorageError>(())
            })
            .expect("the first write");
    });
    wait_for_lock.recv().expect("locked");
    // A quick write elsewhere does not wait long enough to be told.
    assert_eq!(TOLD.load(Ordering::SeqCst), 0);
    second
        .write(|_tx| Ok::<_, pepite::storage::StorageError>(()))
        .expect("the waiting write goes through");
    holder.join().expect("holder");
    assert_eq!(
        TOLD.load(Ordering::SeqCst),
        1,
        "told once, not at every try"
    );
}

#[test]
fn the_notice_fits_a_line_of_eighty_columns() {
    for lang in [Lang::Fr, Lang::En] {
        let text = Msg::BusyWait.text_in(lang);
        assert!(text.chars().count() <= 80, "{text}");
    }
}
