//! The price grid as CSV through the real binary: export, import back unchanged (a round
//! trip), and a file with one wrong line imports nothing and names that line.

mod common;

use common::{demo_db, run_pepite, text};

#[test]
fn export_import_round_trip_and_an_all_or_nothing_import() {
    let home = tempfile::tempdir().expect("home");
    let db = demo_db(home.path(), "demo.db");
    let db = db.to_str().expect("path");
    let exported = home.path().join("grille.csv");
    let run = run_pepite(
        home.path(),
        &[
            "grid",
            "export",
            exported.to_str().expect("path"),
            "--db",
            db,
        ],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let csv = std::fs::read_to_string(&exported).expect("csv");
    assert!(
        csv.starts_with("categorie;nom;prix;prix_max;poids_unitaire;raccourci\n"),
        "{csv}"
    );
    assert!(csv.contains("Vaisselle;Assiette;0,50;;400 g;a\n"), "{csv}");

    let manager = ["--as", "Claire", "--as-pin", "1111"];
    let mut args = vec![
        "grid",
        "import",
        exported.to_str().expect("path"),
        "--db",
        db,
    ];
    args.extend(manager);
    let run = run_pepite(home.path(), &args);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("9 entrées de la grille importées"),
        "{}",
        text(&run.stdout)
    );
    let again = home.path().join("again.csv");
    run_pepite(
        home.path(),
        &["grid", "export", again.to_str().expect("path"), "--db", db],
    );
    assert_eq!(
        std::fs::read_to_string(&again).expect("csv"),
        csv,
        "round trip"
    );

    // A new good line, then a price with three decimals on line 4: nothing is imported.
    let bad = home.path().join("bad.csv");
    std::fs::write(
        &bad,
        "categorie;nom;prix;prix_max;poids_unitaire;raccourci\n\
         Jouets;Jeu de société;3,00;5,00;800 g;x\n\
         Vaisselle;Saladier;2,00;;;\n\
         Vaisselle;Plat;1,505;;;\n",
    )
    .expect("write");
    let mut args = vec!["grid", "import", bad.to_str().expect("path"), "--db", db];
    args.extend(manager);
    let run = run_pepite(home.path(), &args);
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("Ligne 4 : « 1,505 » a trop de décimales"),
        "{stderr}"
    );
    assert!(stderr.contains("rien n'a été importé"), "{stderr}");
    run_pepite(
        home.path(),
        &["grid", "export", again.to_str().expect("path"), "--db", db],
    );
    assert_eq!(
        std::fs::read_to_string(&again).expect("csv"),
        csv,
        "nothing imported"
    );

    // Other mistakes name their line too.
    for (line, expected) in [
        (
            "Meubles;Armoire;10;;;\n",
            "Ligne 2 : catégorie « Meubles » inconnue",
        ),
        (
            "Vaisselle;Plat;5;3;;\n",
            "Ligne 2 : « 3 » : le prix maximum est sous le prix",
        ),
        ("Vaisselle;Plat;5\n", "Ligne 2"),
    ] {
        std::fs::write(
            &bad,
            format!("categorie;nom;prix;prix_max;poids_unitaire;raccourci\n{line}"),
        )
        .expect("write");
        let mut args = vec!["grid", "import", bad.to_str().expect("path"), "--db", db];
        args.extend(manager);
        let run = run_pepite(home.path(), &args);
        assert!(!run.status.success());
        assert!(
            text(&run.stderr).contains(expected),
            "{}",
            text(&run.stderr)
        );
    }
    // Without a manager, nothing happens.
    let run = run_pepite(
        home.path(),
        &[
            "grid",
            "import",
            exported.to_str().expect("path"),
            "--db",
            db,
        ],
    );
    assert!(!run.status.success());
}

#[test]
fn a_grid_shortcut_already_a_category_s_is_refused_by_name() {
    let home = tempfile::tempdir().expect("home");
    let db = demo_db(home.path(), "demo.db");
    let db = db.to_str().expect("path");
    // `v` is the category Vêtements' shortcut in the demo.
    let file = home.path().join("grille.csv");
    std::fs::write(
        &file,
        "categorie;nom;prix;prix_max;poids_unitaire;raccourci\nVaisselle;Vase;3,00;;500 g;v\n",
    )
    .expect("write");
    let run = run_pepite(
        home.path(),
        &[
            "grid",
            "import",
            file.to_str().expect("path"),
            "--db",
            db,
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("Le raccourci « v » est déjà celui de « Vêtements »"),
        "{stderr}"
    );
}
