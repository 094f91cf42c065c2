//! The installation key's custody from the command line: a copy exported by a manager,
//! the key lost — `verify` says « clé absente », never « altéré », on an intact journal —
//! the copy put back, another installation's key refused; each step in the JET.

mod common;

use common::run_pepite as pepite;
use common::{init_shop, text};
use std::path::{Path, PathBuf};

/// The key files below `dir`.
fn keys(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(keys(&path));
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("pepite-") && n.ends_with(".pem"))
        {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_lost_key_is_absent_not_altered_and_comes_back_from_its_copy() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("shop.db");
    let db_arg = db.to_str().expect("path");
    init_shop(home.path(), db_arg);
    let copy = home.path().join("copie-cle.pem");
    let copy_arg = copy.to_str().expect("path");

    let refused = pepite(
        home.path(),
        &["key", "export", "--db", db_arg, "--out", copy_arg],
    );
    assert!(!refused.status.success());
    assert!(!copy.exists(), "no copy without a manager");
    let out = pepite(
        home.path(),
        &[
            "key", "export", "--db", db_arg, "--out", copy_arg, "--as", "M", "--as-pin", "1111",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("hors de la boutique"),
        "{}",
        text(&out.stdout)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).expect("copy").permissions().mode();
        assert_eq!(mode & 0o077, 0, "the copy is readable by its owner only");
    }
    let again = pepite(
        home.path(),
        &[
            "key", "export", "--db", db_arg, "--out", copy_arg, "--as", "M", "--as-pin", "1111",
        ],
    );
    assert!(!again.status.success(), "never over an existing file");

    // The machine loses its key file.
    let installed = keys(&home.path().join("config"));
    let installed = installed
        .into_iter()
        .find(|p| !p.starts_with(&copy))
        .expect("the installation's key file");
    std::fs::remove_file(&installed).expect("lose the key");
    let verify = pepite(home.path(), &["verify", "--db", db_arg]);
    let said = text(&verify.stdout);
    assert!(verify.status.success(), "{said}");
    assert!(
        said.contains("INTÈGRE") && !said.contains("ALTÉRÉ"),
        "{said}"
    );
    assert!(said.contains("clé absente"), "{said}");

    // Another installation's key is refused; this one's copy comes back.
    let other_home = tempfile::tempdir().expect("other");
    let other_db = other_home.path().join("other.db");
    init_shop(other_home.path(), other_db.to_str().expect("path"));
    let other_key = keys(&other_home.path().join("config"))
        .pop()
        .expect("other key");
    let foreign = pepite(
        home.path(),
        &[
            "key",
            "import",
            "--db",
            db_arg,
            other_key.to_str().expect("path"),
        ],
    );
    assert!(!foreign.status.success());
    assert!(
        text(&foreign.stderr).contains("autre installation"),
        "{}",
        text(&foreign.stderr)
    );
    assert!(!installed.exists());
    let back = pepite(home.path(), &["key", "import", "--db", db_arg, copy_arg]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    assert!(installed.exists());
    let verify = pepite(home.path(), &["verify", "--db", db_arg]);
    let said = text(&verify.stdout);
    assert!(
        said.contains("INTÈGRE") && !said.contains("clé absente"),
        "{said}"
    );

    // Both steps are in the JET.
    let mut store = pepite::storage::Store::open(&db).expect("open");
    let mut details = Vec::new();
    store
        .read(|tx| {
            pepite::storage::journal::each_event(tx, |e| {
                if e.code == "97-CLE" {
                    details.push(e.detail);
                }
                Ok::<_, pepite::storage::StorageError>(())
            })
        })
        .expect("events");
    assert_eq!(details.len(), 3, "{details:?}");
    // The set-up wrote the key's fingerprint first, as every Z prints it.
    assert!(details[0].starts_with("installation créée"), "{details:?}");
    assert!(details[0].contains(", clé "), "{details:?}");
    assert!(details[1].starts_with("clé exportée vers"), "{details:?}");
    assert!(
        details[2].starts_with("clé remise en place depuis"),
        "{details:?}"
    );
}
