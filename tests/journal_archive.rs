//! Archives: `pepite archive` output verifies with `pepite verify-archive`, and the
//! README's manual check works with standard tools (sha256sum, openssl, jq). A changed
//! file or a forged manifest is caught.

use chrono::Datelike;
use std::path::Path;
use std::process::{Command, Output};

mod common;

use common::run_pepite as pepite;

/// Runs a shell command in `dir`; `None` when one of `tools` is missing here (outside CI
/// only: on CI, `.ci/run` installs them and a missing tool fails the test).
fn shell(dir: &Path, tools: &[&str], script: &str) -> Option<Output> {
    for tool in tools {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            assert!(std::env::var_os("CI").is_none(), "{tool} is missing on CI");
            eprintln!("skipped: {tool} is not installed");
            return None;
        }
    }
    Some(
        Command::new("bash")
            .args(["-c", script])
            .current_dir(dir)
            .output()
            .expect("shell"),
    )
}

#[test]
fn an_archive_verifies_with_pepite_and_with_standard_tools() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("demo.db");
    let db_arg = db.to_str().expect("path");
    assert!(
        pepite(home.path(), &["demo", "--no-tui", "--db", db_arg])
            .status
            .success()
    );
    let out = home.path().join("archive");
    let out_arg = out.to_str().expect("path");

    // Only a manager, only a past period.
    let cashier = pepite(
        home.path(),
        &[
            "archive", "--db", db_arg, "--period", "2020-01", "--out", out_arg, "--as", "Karim",
            "--as-pin", "2222",
        ],
    );
    assert!(String::from_utf8_lossy(&cashier.stderr).contains("réservée au rôle « encadrant »"));
    let future = pepite(
        home.path(),
        &[
            "archive", "--db", db_arg, "--period", "2999", "--out", out_arg, "--as", "Claire",
            "--as-pin", "1111",
        ],
    );
    assert!(
        String::from_utf8_lossy(&future.stderr).contains("Période d'archive « 2999 »"),
        "{}",
        String::from_utf8_lossy(&future.stderr)
    );

    // The demo's history covers the four weeks before today: archive last month.
    let last_month = {
        let today = chrono::Local::now().date_naive();
        let first = today
            .with_day(1)
            .expect("first")
            .pred_opt()
            .expect("previous day");
        first.format("%Y-%m").to_string()
    };
    let made = pepite(
        home.path(),
        &[
            "archive",
            "--db",
            db_arg,
            "--period",
            &last_month,
            "--out",
            out_arg,
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let checked = pepite(home.path(), &["verify-archive", out_arg, "--db", db_arg]);
    let text = String::from_utf8_lossy(&checked.stdout).into_owned();
    assert!(checked.status.success(), "{text}");
    assert!(text.contains("INTÈGRE"), "{text}");

    // The README's manual check, with standard tools.
    if let Some(sums) = shell(&out, &["sha256sum"], "sha256sum -c MANIFEST.sha256") {
        assert!(
            sums.status.success(),
            "{}",
            String::from_utf8_lossy(&sums.stdout)
        );
    }
    if let Some(signature) = shell(
        &out,
        &["openssl"],
        "openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in MANIFEST.sha256 -sigfile MANIFEST.sha256.sig",
    ) {
        assert!(
            signature.status.success(),
            "{}",
            String::from_utf8_lossy(&signature.stdout)
        );
        assert!(
            String::from_utf8_lossy(&signature.stdout).contains("Signature Verified Successfully")
        );
    }
    if let Some(chain) = shell(
        &out,
        &["jq", "sha256sum"],
        r#"jq -r '.prev_hash + .payload' documents.jsonl | while IFS= read -r l; do
             printf '%s' "$l" | sha256sum | cut -d' ' -f1; done > /tmp/pepite-recalcul-$$.txt
           jq -r '.hash' documents.jsonl | diff - /tmp/pepite-recalcul-$$.txt && echo "chaînage conforme"
           rm -f /tmp/pepite-recalcul-$$.txt"#,
    ) {
        assert!(
            String::from_utf8_lossy(&chain.stdout).contains("chaînage conforme"),
            "{}",
            String::from_utf8_lossy(&chain.stderr)
        );
    }

    // A changed amount in a data file is caught by pepite and by sha256sum.
    let documents = out.join("documents.csv");
    let original = std::fs::read_to_string(&documents).expect("csv");
    std::fs::write(&documents, original.replacen("total_ttc", "total_ttx", 1)).expect("tamper");
    let bad = pepite(home.path(), &["verify-archive", out_arg, "--db", db_arg]);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stdout)
            .contains("« documents.csv » ne correspond pas au manifeste")
    );
    if let Some(sums) = shell(&out, &["sha256sum"], "sha256sum -c MANIFEST.sha256") {
        assert!(!sums.status.success());
    }
    std::fs::write(&documents, original).expect("restore");

    // A manifest rewritten to match is caught by its signature.
    let manifest = out.join("MANIFEST.sha256");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(&manifest, text.replacen('a', "b", 1)).expect("forge");
    let forged = pepite(home.path(), &["verify-archive", out_arg, "--db", db_arg]);
    assert!(
        String::from_utf8_lossy(&forged.stdout).contains("MANIFEST.sha256 : signature invalide")
    );

    std::fs::write(&manifest, &text).expect("restore");

    // Rewritten with a fresh key, re-signed: refused against the installation's key,
    // from the database or from the fingerprint printed on the Z.
    let fresh = ed25519_dalek::SigningKey::generate(&mut argon2::password_hash::rand_core::OsRng);
    {
        use ed25519_dalek::Signer;
        use ed25519_dalek::pkcs8::EncodePublicKey;
        let pem = fresh
            .verifying_key()
            .to_public_key_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
            .expect("pem");
        let public = out.join("public_key.pem");
        std::fs::write(&public, pem.as_bytes()).expect("key");
        let sum = format!(
            "{:x}",
            <sha2::Sha256 as sha2::Digest>::digest(pem.as_bytes())
        );
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for l in &mut lines {
            if l.ends_with("  public_key.pem") {
                *l = format!("{sum}  public_key.pem");
            }
        }
        let manifest_text = lines.join("\n") + "\n";
        std::fs::write(&manifest, &manifest_text).expect("manifest");
        let signature = fresh.sign(manifest_text.as_bytes()).to_bytes();
        std::fs::write(out.join("MANIFEST.sha256.sig"), signature).expect("sig");
    }
    let against_db = pepite(home.path(), &["verify-archive", out_arg, "--db", db_arg]);
    let said = String::from_utf8_lossy(&against_db.stdout).into_owned();
    assert!(!against_db.status.success(), "{said}");
    assert!(said.contains("signée par une autre clé"), "{said}");
    let public_hex = {
        let mut store = pepite::storage::Store::open(&db).expect("open");
        store
            .read(pepite::storage::journal::installation)
            .expect("installation")
            .expect("key")
            .1
    };
    let fingerprint = pepite::journal::key::fingerprint(&public_hex);
    let against_fp = pepite(
        home.path(),
        &["verify-archive", out_arg, "--fingerprint", &fingerprint],
    );
    let said = String::from_utf8_lossy(&against_fp.stdout).into_owned();
    assert!(said.contains("signée par une autre clé"), "{said}");
    let unchecked = pepite(home.path(), &["verify-archive", out_arg]);
    assert!(String::from_utf8_lossy(&unchecked.stdout).contains("n'est vérifiée contre rien"));

    // The archive is itself a document, and the journal is still intact.
    let verify = pepite(home.path(), &["verify", "--db", db_arg]);
    let report = String::from_utf8_lossy(&verify.stdout).into_owned();
    assert!(verify.status.success(), "{report}");
    assert!(report.contains("caisse-1/A"), "{report}");
}
