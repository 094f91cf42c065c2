//! The command line as a person uses it: `init`, `user`, `backup`, a bad config file, an
//! unknown terminal, a printer test page — each with its French message and exit code.

mod common;

use common::run_pepite as pepite;
use common::{init_shop, text};

#[test]
fn init_then_users_then_backup() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("shop.db");
    let db_arg = db.to_str().expect("utf-8 path");
    let init = pepite(
        home.path(),
        &[
            "init",
            "--db",
            db_arg,
            "--name",
            "Recyclerie du Val",
            "--manager",
            "Nadia",
            "--pin",
            "2468",
        ],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
    assert!(text(&init.stdout).contains("Structure « Recyclerie du Val » créée"));

    let again = pepite(
        home.path(),
        &[
            "init",
            "--db",
            db_arg,
            "--name",
            "Autre",
            "--manager",
            "X",
            "--pin",
            "1234",
        ],
    );
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("déjà configurée (structure « Recyclerie du Val »)"));

    let no_manager = pepite(
        home.path(),
        &[
            "user", "add", "--db", db_arg, "--name", "Léa", "--roles", "cashier", "--pin", "1357",
        ],
    );
    assert!(!no_manager.status.success());
    assert!(text(&no_manager.stderr).contains("demande un encadrant"));

    let bad_pin = pepite(
        home.path(),
        &[
            "user", "add", "--db", db_arg, "--name", "Léa", "--roles", "cashier", "--pin", "12",
            "--as", "Nadia", "--as-pin", "2468",
        ],
    );
    assert!(text(&bad_pin.stderr).contains("Le code doit avoir de 4 à 8 chiffres"));

    let added = pepite(
        home.path(),
        &[
            "user",
            "add",
            "--db",
            db_arg,
            "--name",
            "Léa",
            "--roles",
            "cashier,cafe",
            "--pin",
            "1357",
            "--as",
            "Nadia",
            "--as-pin",
            "2468",
        ],
    );
    assert!(added.status.success(), "{}", text(&added.stderr));

    let as_cashier = pepite(
        home.path(),
        &[
            "user", "disable", "--db", db_arg, "--name", "Nadia", "--as", "Léa", "--as-pin", "1357",
        ],
    );
    assert!(!as_cashier.status.success());
    assert!(text(&as_cashier.stderr).contains("Action réservée au rôle « encadrant »"));

    let list = text(&pepite(home.path(), &["user", "list", "--db", db_arg]).stdout);
    assert!(
        list.contains("Léa") && list.contains("caisse, café"),
        "{list}"
    );
    assert!(
        list.contains("Nadia") && list.contains("encadrant"),
        "{list}"
    );

    let copy = home.path().join("copy.db");
    let backup = pepite(
        home.path(),
        &["backup", copy.to_str().expect("path"), "--db", db_arg],
    );
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    let copied = text(
        &pepite(
            home.path(),
            &["user", "list", "--db", copy.to_str().expect("path")],
        )
        .stdout,
    );
    assert_eq!(copied, list, "the copy holds the same users");
    let twice = pepite(
        home.path(),
        &["backup", copy.to_str().expect("path"), "--db", db_arg],
    );
    assert!(text(&twice.stderr).contains("existe déjà"));
}

#[test]
fn a_config_file_with_an_unknown_key_is_refused_by_name() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config.toml");
    std::fs::write(&config, "lang = \"fr\"\nimprimante = \"tm-t20\"\n").expect("write");
    let out = pepite(
        home.path(),
        &["--config", config.to_str().expect("path"), "user", "list"],
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("clé inconnue « imprimante »"), "{stderr}");
    assert!(stderr.contains("lang, db, terminal, log_level"), "{stderr}");
}

#[test]
fn english_on_request() {
    let home = tempfile::tempdir().expect("home");
    let init = pepite(
        home.path(),
        &["init", "--name", "S", "--manager", "M", "--pin", "1111"],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
    let out = pepite(
        home.path(),
        &[
            "--lang", "en", "user", "add", "--name", "X", "--roles", "boss", "--pin", "1234",
        ],
    );
    assert!(
        text(&out.stderr).contains("This command needs a manager"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_unknown_terminal_is_refused_with_the_list() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("d.db");
    let db_arg = db.to_str().expect("path");
    assert!(
        pepite(home.path(), &["demo", "--no-tui", "--db", db_arg])
            .status
            .success()
    );
    let out = pepite(home.path(), &["--db", db_arg, "--terminal", "caisse-9"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr)
            .contains("Poste « caisse-9 » inconnu ou désactivé. Postes : caisse-1, tri-1")
    );
}

#[test]
fn a_file_that_is_not_a_database_is_left_alone() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("notes.db");
    std::fs::write(&file, "liste de courses\n".repeat(200)).expect("write");
    let before = std::fs::read(&file).expect("read");
    let out = pepite(
        home.path(),
        &["user", "list", "--db", file.to_str().expect("path")],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("n'est pas une base pépite"));
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn print_test_writes_every_accent_and_the_euro_in_the_profile_code_page() {
    let home = tempfile::tempdir().expect("home");
    for profile in pepite::print::Profile::receipt_printers() {
        let out = home.path().join(format!("{}.bin", profile.id));
        let run = pepite(
            home.path(),
            &[
                "print-test",
                "--profile",
                &profile.id,
                "--output",
                out.to_str().expect("path"),
            ],
        );
        assert!(run.status.success(), "{}", text(&run.stderr));
        assert!(
            text(&run.stdout).contains("Page de test"),
            "{}",
            text(&run.stdout)
        );
        let bytes = std::fs::read(&out).expect("test page");
        assert!(!pepite::print::inspect::has_utf8_sequence(&bytes));
        let page = pepite::print::inspect::decode(&bytes, &profile)
            .expect("decode")
            .text;
        for word in [
            "àâä", "çé", "èêë", "îï", "ôö", "ùûü", "ÀÂÄ", "ÇÉ", "ÈÊË", "€",
        ] {
            assert!(page.contains(word), "{}: {word} in\n{page}", profile.id);
        }
    }
    // A label printer gets a TSPL test label.
    let out = home.path().join("label.tspl");
    let run = pepite(
        home.path(),
        &[
            "print-test",
            "--profile",
            "tsc-te200-50x30",
            "--output",
            out.to_str().expect("path"),
        ],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let bytes = std::fs::read(&out).expect("label");
    assert!(bytes.starts_with(b"SIZE 50 mm, 30 mm"));
    assert!(bytes.contains(&0x80), "the euro sign in CP1252");
    let unknown = pepite(
        home.path(),
        &["print-test", "--profile", "nope", "--output", "/dev/null"],
    );
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("Profil d'imprimante « nope » inconnu"),
        "{}",
        text(&unknown.stderr)
    );
}

#[test]
fn a_mistyped_db_is_not_found_and_nothing_is_created() {
    let home = tempfile::tempdir().expect("home");
    let missing = home.path().join("typo/shop.db");
    let arg = missing.to_str().expect("path");
    for args in [
        vec!["verify", "--db", arg],
        vec!["user", "list", "--db", arg],
        vec!["backup", "--db", arg, "/tmp/never.db"],
    ] {
        let out = pepite(home.path(), &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("Fichier introuvable : "),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("os error"), "{stderr}");
    }
    assert!(!missing.exists());
    assert!(
        !missing.parent().expect("parent").exists(),
        "a folder was made"
    );
}

#[cfg(unix)]
#[test]
fn the_database_and_its_backup_are_owner_only() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("shop.db");
    let db_arg = db.to_str().expect("path");
    init_shop(home.path(), db_arg);
    let backup = home.path().join("copy.db");
    let out = pepite(
        home.path(),
        &["backup", "--db", db_arg, backup.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for file in [&db, &backup] {
        assert_eq!(
            pepite::files::mode(file).expect("mode"),
            0o600,
            "{}",
            file.display()
        );
    }
    let wal = home.path().join("shop.db-wal");
    if wal.exists() {
        assert_eq!(pepite::files::mode(&wal).expect("mode") & 0o077, 0);
    }
}

#[cfg(unix)]
#[test]
fn a_key_file_readable_by_others_is_refused_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("shop.db");
    let db_arg = db.to_str().expect("path");
    init_shop(home.path(), db_arg);
    let keys = home.path().join("config/pepite/keys");
    let key = std::fs::read_dir(&keys)
        .expect("keys")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "pem"))
        .expect("a key file");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let out = pepite(
        home.path(),
        &[
            "user", "add", "--db", db_arg, "--name", "Léa", "--roles", "cashier", "--pin", "1357",
            "--as", "M", "--as-pin", "1111",
        ],
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("lisible par d'autres"), "{stderr}");
    assert!(
        stderr.contains(&format!("chmod 600 {}", key.display())),
        "{stderr}"
    );
}

#[test]
fn command_line_slips_are_said_in_french_and_leave_nothing_behind() {
    let home = tempfile::tempdir().expect("home");
    // No terminal: a sentence, not a panic with a backtrace; and no database made.
    let out = pepite(home.path(), &[]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("pépite doit être lancé dans un terminal"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!home.path().join("data/pepite/pepite.db").exists());
    // A failed set-up leaves no file.
    let db = home.path().join("new.db");
    let db_arg = db.to_str().expect("path");
    let out = pepite(
        home.path(),
        &[
            "init",
            "--db",
            db_arg,
            "--name",
            "S",
            "--manager",
            "M",
            "--pin",
            "12",
        ],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("Le code doit avoir de 4 à 8 chiffres"));
    assert!(!db.exists(), "a failed init left {}", db.display());
    // A date that is not one is refused, in French.
    let made = pepite(
        home.path(),
        &[
            "init",
            "--db",
            db_arg,
            "--name",
            "S",
            "--manager",
            "M",
            "--pin",
            "1234",
        ],
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    let out = pepite(home.path(), &["verify", "--db", db_arg, "--from", "bad"]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("« bad » n'est pas une date"), "{stderr}");
    // Label cells are counted from 1.
    let out = pepite(
        home.path(),
        &[
            "labels",
            "--db",
            db_arg,
            "--format",
            "pdf",
            "--output",
            "/tmp/x.pdf",
            "--start",
            "0",
        ],
    );
    assert!(!out.status.success());
}

#[test]
fn the_command_line_speaks_french_help_and_errors_alike() {
    let home = tempfile::tempdir().expect("home");
    for args in [
        vec!["--help"],
        vec!["labels", "--help"],
        vec!["verify", "-h"],
    ] {
        let out = pepite(home.path(), &args);
        assert!(out.status.success(), "{args:?}");
        let help = text(&out.stdout);
        assert!(help.contains("Affiche l'aide"), "{help}");
        for english in ["Print help", "Usage:", "[default:", "Commands:"] {
            assert!(!help.contains(english), "{args:?} says {english}:\n{help}");
        }
    }
    let out = pepite(home.path(), &["--nope"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("Erreur : option inconnue : --nope"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("error:") && !stderr.contains("For more information"),
        "{stderr}"
    );
    let out = pepite(home.path(), &["verif"]);
    assert!(
        text(&out.stderr).contains("commande inconnue : verif"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_attestation_is_filled_with_the_installation_s_facts() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("shop.db");
    let db_arg = db.to_str().expect("path");
    init_shop(home.path(), db_arg);
    let out = pepite(home.path(), &["attestation", "--db", db_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let public = pepite::storage::Store::open(&db)
        .expect("open")
        .read(pepite::storage::journal::installation)
        .expect("installation")
        .expect("key")
        .1;
    let fingerprint = pepite::journal::key::fingerprint(&public);
    for wanted in [
        "ATTESTATION INDIVIDUELLE",
        "article 286, I-3° bis",
        "Nom du logiciel : pépite",
        env!("CARGO_PKG_VERSION"),
        "  S\n",
        &fingerprint,
        "Signature du représentant légal",
    ] {
        assert!(said.contains(wanted), "{wanted:?} missing:\n{said}");
    }
    assert!(!said.contains('{'), "a placeholder left unfilled:\n{said}");
    let file = home.path().join("attestation.txt");
    let written = pepite(
        home.path(),
        &[
            "attestation",
            "--db",
            db_arg,
            "--out",
            file.to_str().expect("path"),
        ],
    );
    assert!(written.status.success());
    assert_eq!(std::fs::read_to_string(&file).expect("file"), said);
}
