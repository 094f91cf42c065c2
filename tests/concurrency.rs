//! Four processes write to one database file at once: no "database is locked", nothing
//! lost. The test re-runs its own binary as the four writers.

mod common;

use common::{at, initialised, name};
use pepite::ops::{categories, users};
use pepite::storage::Store;
use pepite::storage::categories::CategoryDraft;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WRITERS: usize = 4;
const WRITES_EACH: usize = 50;

/// The writer's body, run only as a child of the test below (`--ignored`), never alone.
#[test]
#[ignore = "a child process of four_processes_write_at_once_without_losing_anything"]
fn writer() {
    let (Ok(db), Ok(id)) = (
        std::env::var("PEPITE_TEST_DB"),
        std::env::var("PEPITE_WRITER"),
    ) else {
        panic!(
            "the writer runs as a child of four_processes_write_at_once_without_losing_anything"
        );
    };
    let mut store = Store::open(&PathBuf::from(db)).expect("writer opens the shared file");
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let session = common::login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
    if let Ok(go) = std::env::var("PEPITE_TEST_GO") {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !std::path::Path::new(&go).exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    for n in 0..WRITES_EACH {
        let draft = CategoryDraft {
            parent_id: None,
            name: name(&format!("Lot {id}-{n}")),
            unit_weight: None,
        };
        categories::add(&mut store, &session, &draft, at("09:00:01")).expect("a write failed");
    }
}

#[test]
fn four_processes_write_at_once_without_losing_anything() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shared.db");
    let mut store = Store::open(&db).expect("create");
    initialised(&mut store);
    let before = categories::list(&mut store).expect("list").len();
    drop(store);

    let me = std::env::current_exe().expect("test binary");
    let go = dir.path().join("go");
    let children: Vec<_> = (0..WRITERS)
        .map(|id| {
            Command::new(&me)
                .args([
                    "--exact",
                    "writer",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("PEPITE_TEST_DB", &db)
                .env("PEPITE_WRITER", id.to_string())
                .env("PEPITE_TEST_GO", &go)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn writer")
        })
        .collect();
    // Every writer is started and logged in; now let them all write at once.
    std::fs::write(&go, b"go").expect("start signal");
    for (id, child) in children.into_iter().enumerate() {
        let output = child.wait_with_output().expect("wait for writer");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "writer {id} failed:\n{stdout}\n{stderr}"
        );
        assert!(
            !stdout.contains("locked") && !stderr.contains("locked"),
            "writer {id}: {stderr}"
        );
    }
    let mut store = Store::open(&db).expect("reopen");
    let all = categories::list(&mut store).expect("list");
    assert_eq!(all.len(), before + WRITERS * WRITES_EACH);
    for id in 0..WRITERS {
        for n in 0..WRITES_EACH {
            let wanted = format!("Lot {id}-{n}");
            assert!(
                all.iter().any(|c| c.name.as_str() == wanted),
                "{wanted} lost"
            );
        }
    }
}
