//! The Oressource import: a dump written here in mysqldump's syntax (backquoted names,
//! versioned comments, LOCK TABLES, multi-row INSERTs, backslash-escaped quotes, accents,
//! NULLs) with lot sales, a refund, a sortie of each class and rows that cannot stand;
//! imported, every total of the proof checked to the cent and the gram against what the
//! test wrote. Then what must change nothing: a dump cut inside an INSERT, an unknown
//! column (each naming its line), a second import of the same dump, a dry run.

mod common;

use pepite::ops::oressource;
use pepite::reports::{Cell, Report};
use pepite::storage::Store;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A sale line: (id, sale, category, quantity, price cents, refund cents, lot, grams).
type Vendu = (i64, i64, i64, i64, i64, i64, bool, Option<i64>);

const CATEGORIES: [(i64, &str); 3] = [(1, "Mobilier"), (2, "Textile l'été"), (3, "Vaisselle")];
const PAYMENTS: [(i64, &str); 3] = [(1, "Espèces"), (2, "Chèque"), (3, "Carte bleue")];
/// (id, timestamp, payment)
const VENTES: [(i64, &str, i64); 8] = [
    (1, "2019-03-02 10:15:00", 1),
    (2, "2019-03-02 11:00:00", 3),
    (3, "2019-11-20 15:30:00", 2),
    (4, "2020-01-08 09:45:00", 1),
    (5, "2020-06-13 16:20:00", 3),
    (6, "2020-06-13 17:05:00", 1),
    (7, "2020-07-01 10:00:00", 1),
    // A sale without lines: refused.
    (8, "2020-07-02 10:00:00", 1),
];
const VENDUS: [Vendu; 10] = [
    (1, 1, 1, 1, 2500, 0, false, Some(12_500)),
    (2, 1, 3, 4, 150, 0, false, Some(1_800)),
    (3, 2, 2, 6, 1000, 0, true, Some(3_250)), // a lot: 10 € for the six
    (4, 3, 1, 2, 4000, 0, false, None),
    (5, 4, 2, 3, 200, 0, false, Some(900)),
    (6, 5, 3, 1, 75, 0, false, Some(400)),
    (7, 5, 1, 1, 12000, 0, false, Some(35_000)),
    (8, 6, 1, 1, 0, 2500, false, None),       // a refund of 25 €
    (9, 7, 2, 10, 350, 0, true, Some(2_000)), // a lot of ten for 3,50 €
    (10, 7, 99, 1, 500, 0, false, None),      // an unknown category: refused
];
/// (id, timestamp, category, grams)
const PESEES_COLLECTES: [(i64, &str, i64, i64); 7] = [
    (1, "2019-03-01 09:00:00", 1, 45_500),
    (2, "2019-03-01 09:00:00", 2, 12_250),
    (3, "2019-12-03 14:00:00", 3, 8_125),
    (4, "2020-02-10 10:30:00", 1, 120_000),
    (5, "2020-02-10 10:30:00", 2, 3_003),
    (6, "2020-05-05 11:00:00", 3, 0),    // a weight of zero: refused
    (7, "2020-05-05 11:00:00", 42, 900), // an unknown category: refused
];
/// (id, timestamp, class, grams)
const SORTIES: [(i64, &str, &str, i64); 5] = [
    (1, "2019-04-01 10:00:00", "sorties", 5_000),
    (2, "2019-04-02 10:00:00", "sortiesc", 18_400),
    (3, "2020-04-03 10:00:00", "sortiesr", 250_000),
    (4, "2020-04-04 10:00:00", "sortiesp", 33_333),
    (5, "2020-04-05 10:00:00", "sortiesd", 71_250),
];

fn kg(grams: i64) -> String {
    format!("{}.{:03}", grams / 1000, grams % 1000)
}

fn euros(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn table(out: &mut String, name: &str, columns: &[&str]) {
    let _ = writeln!(
        out,
        "--\n-- Table structure for table `{name}`\n--\n\nDROP TABLE IF EXISTS `{name}`;\n\
         /*!40101 SET @saved_cs_client     = @@character_set_client */;\n\
         /*!40101 SET character_set_client = utf8 */;\nCREATE TABLE `{name}` ("
    );
    for c in columns {
        let kind = if *c == "id" || c.starts_with("id_") {
            "int(11) NOT NULL"
        } else if *c == "timestamp" {
            "timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP"
        } else {
            "text CHARACTER SET utf8 NOT NULL"
        };
        let _ = writeln!(out, "  `{c}` {kind},");
    }
    let _ = writeln!(
        out,
        "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\
         /*!40101 SET character_set_client = @saved_cs_client */;\n"
    );
}

fn rows(out: &mut String, name: &str, rows: &[String]) {
    let _ = writeln!(
        out,
        "LOCK TABLES `{name}` WRITE;\n/*!40000 ALTER TABLE `{name}` DISABLE KEYS */;"
    );
    // Two rows an INSERT, as mysqldump's extended inserts cut them.
    for chunk in rows.chunks(2) {
        let _ = writeln!(out, "INSERT INTO `{name}` VALUES {};", chunk.join(","));
    }
    let _ = writeln!(
        out,
        "/*!40000 ALTER TABLE `{name}` ENABLE KEYS */;\nUNLOCK TABLES;\n"
    );
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The whole dump, tables in mysqldump's (alphabetical) order.
fn dump() -> String {
    let mut out = String::from(
        "-- MySQL dump 10.16  Distrib 10.1.38-MariaDB\n--\n-- Host: localhost    Database: oressource\n\
         /*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n\n",
    );
    table(
        &mut out,
        "collectes",
        &[
            "id",
            "timestamp",
            "id_type_collecte",
            "localisation",
            "id_point_collecte",
            "commentaire",
        ],
    );
    rows(
        &mut out,
        "collectes",
        &[
            "(1,'2019-03-01 09:00:00',1,1,1,'Déménagement ; rue de l\\'Église')".into(),
            "(2,'2019-12-03 14:00:00',1,1,1,'')".into(),
            "(3,'2020-02-10 10:30:00',1,1,1,NULL)".into(),
            "(4,'2020-05-05 11:00:00',1,1,1,'')".into(),
        ],
    );
    table(&mut out, "conventions_sorties", &["id", "nom", "couleur"]);
    rows(
        &mut out,
        "conventions_sorties",
        &["(1,'Emmaüs','#aa0000')".into()],
    );
    table(
        &mut out,
        "description_structure",
        &["id", "nom", "adresse", "siret"],
    );
    rows(
        &mut out,
        "description_structure",
        &["(1,'La Ressourcerie d\\'Oressource','1 rue des \"Lilas\"','732 829 320 00074')".into()],
    );
    table(&mut out, "filieres_sortie", &["id", "nom", "couleur"]);
    rows(
        &mut out,
        "filieres_sortie",
        &["(1,'Ferrailleur','')".into()],
    );
    table(
        &mut out,
        "grille_objets",
        &["id", "nom", "id_type_dechet", "prix"],
    );
    rows(
        &mut out,
        "grille_objets",
        &[
            "(1,'Chaise \\\'bistrot\\\'',1,15.00)".into(),
            "(2,'Robe d\\'été',2,4.50)".into(),
        ],
    );
    table(&mut out, "localites", &["id", "nom", "couleur"]);
    rows(&mut out, "localites", &["(1,'Arcueil','')".into()]);
    table(&mut out, "moyens_paiement", &["id", "nom", "couleur"]);
    rows(
        &mut out,
        "moyens_paiement",
        &PAYMENTS
            .iter()
            .map(|(i, n)| format!("({i},{},'')", quoted(n)))
            .collect::<Vec<_>>(),
    );
    let intake_of = |line: i64| match line {
        1 | 2 => 1,
        3 => 2,
        4 | 5 => 3,
        _ => 4,
    };
    table(
        &mut out,
        "pesees_collectes",
        &["id", "timestamp", "masse", "id_collecte", "id_type_dechet"],
    );
    rows(
        &mut out,
        "pesees_collectes",
        &PESEES_COLLECTES
            .iter()
            .map(|(i, at, c, g)| format!("({i},'{at}',{},{},{c})", kg(*g), intake_of(*i)))
            .collect::<Vec<_>>(),
    );
    table(
        &mut out,
        "pesees_sorties",
        &[
            "id",
            "timestamp",
            "masse",
            "id_sortie",
            "id_type_dechet",
            "id_type_poubelle",
            "id_type_dechet_evac",
        ],
    );
    rows(
        &mut out,
        "pesees_sorties",
        &SORTIES
            .iter()
            .map(|(i, at, _, g)| format!("({i},'{at}',{},{i},NULL,0,NULL)", kg(*g)))
            .collect::<Vec<_>>(),
    );
    table(
        &mut out,
        "pesees_vendus",
        &["id", "timestamp", "masse", "quantite"],
    );
    rows(
        &mut out,
        "pesees_vendus",
        &VENDUS
            .iter()
            .filter_map(|v| {
                v.7.map(|g| format!("({},'2019-01-01 00:00:00',{},{})", v.0, kg(g), v.3))
            })
            .collect::<Vec<_>>(),
    );
    table(&mut out, "points_collecte", &["id", "nom", "adresse"]);
    rows(&mut out, "points_collecte", &["(1,'Entrée','')".into()]);
    table(&mut out, "points_sortie", &["id", "nom", "adresse"]);
    rows(&mut out, "points_sortie", &["(1,'Quai','')".into()]);
    table(&mut out, "points_vente", &["id", "nom", "adresse"]);
    rows(&mut out, "points_vente", &["(1,'Boutique','')".into()]);
    table(
        &mut out,
        "sorties",
        &[
            "id",
            "timestamp",
            "classe",
            "id_filiere",
            "id_convention",
            "id_type_sortie",
            "id_point_sortie",
            "commentaire",
        ],
    );
    rows(
        &mut out,
        "sorties",
        &SORTIES
            .iter()
            .map(|(i, at, class, _)| {
                let (filiere, convention) = match *class {
                    "sortiesr" => ("1", "0"),
                    "sortiesc" => ("0", "1"),
                    _ => ("NULL", "NULL"),
                };
                format!("({i},'{at}','{class}',{filiere},{convention},0,1,'')")
            })
            .collect::<Vec<_>>(),
    );
    table(&mut out, "type_collecte", &["id", "nom", "couleur"]);
    rows(
        &mut out,
        "type_collecte",
        &["(1,'Apport volontaire','#00ff00')".into()],
    );
    table(&mut out, "type_contenants", &["id", "nom", "masse"]);
    rows(&mut out, "type_contenants", &["(1,'Chariot',12.5)".into()]);
    table(&mut out, "type_dechets_evac", &["id", "nom", "couleur"]);
    rows(&mut out, "type_dechets_evac", &["(1,'DEEE','')".into()]);
    table(&mut out, "type_sortie", &["id", "nom", "couleur"]);
    rows(
        &mut out,
        "type_sortie",
        &["(1,'Don à une association','')".into()],
    );
    table(&mut out, "type_dechets", &["id", "nom", "couleur"]);
    rows(
        &mut out,
        "type_dechets",
        &CATEGORIES
            .iter()
            .map(|(i, n)| format!("({i},{},'#123456')", quoted(n)))
            .collect::<Vec<_>>(),
    );
    table(&mut out, "types_poubelles", &["id", "nom", "masse_bac"]);
    rows(&mut out, "types_poubelles", &["(1,'Bac 660 L',45)".into()]);
    table(
        &mut out,
        "utilisateurs",
        &["id", "nom", "prenom", "mail", "pass"],
    );
    rows(
        &mut out,
        "utilisateurs",
        &["(1,'Martin','Louise','l@example.org','5f4dcc3b5aa765d61d8327deb882cf99')".into()],
    );
    table(
        &mut out,
        "vendus",
        &[
            "id",
            "timestamp",
            "id_vente",
            "id_type_dechet",
            "id_objet",
            "quantite",
            "prix",
            "remboursement",
            "lot",
        ],
    );
    rows(
        &mut out,
        "vendus",
        &VENDUS
            .iter()
            .map(|(i, sale, cat, q, price, refund, lot, _)| {
                let at = VENTES.iter().find(|v| v.0 == *sale).map_or("", |v| v.1);
                format!(
                    "({i},'{at}',{sale},{cat},NULL,{q},{},{},{})",
                    euros(*price),
                    euros(*refund),
                    u8::from(*lot)
                )
            })
            .collect::<Vec<_>>(),
    );
    table(
        &mut out,
        "ventes",
        &[
            "id",
            "id_moyen_paiement",
            "timestamp",
            "commentaire",
            "id_point_vente",
        ],
    );
    rows(
        &mut out,
        "ventes",
        &VENTES
            .iter()
            .map(|(i, at, p)| format!("({i},{p},'{at}','',1)"))
            .collect::<Vec<_>>(),
    );
    out.push_str("/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n-- Dump completed\n");
    out
}

/// The expected proof rows, as the test's own sums: (year or "", key) → amount.
fn expected() -> [BTreeMap<(String, String), i64>; 4] {
    let mut by_category = BTreeMap::new();
    let mut by_payment = BTreeMap::new();
    let mut collected = BTreeMap::new();
    let mut out = BTreeMap::new();
    let add = |map: &mut BTreeMap<(String, String), i64>, year: &str, key: &str, v: i64| {
        for y in [year.to_owned(), String::new()] {
            *map.entry((y, key.to_owned())).or_default() += v;
        }
    };
    for (_, sale, cat, q, price, refund, lot, _) in VENDUS {
        let Some(category) = CATEGORIES.iter().find(|c| c.0 == cat) else {
            continue;
        };
        let (_, at, payment) = VENTES.iter().find(|v| v.0 == sale).copied().expect("sale");
        let net = if lot { price } else { price * q } - refund * q;
        let method = PAYMENTS.iter().find(|p| p.0 == payment).expect("payment").1;
        add(&mut by_category, &at[..4], category.1, net);
        add(&mut by_payment, &at[..4], method, net);
    }
    for (_, at, cat, grams) in PESEES_COLLECTES {
        let Some(category) = CATEGORIES.iter().find(|c| c.0 == cat) else {
            continue;
        };
        if grams > 0 {
            add(&mut collected, &at[..4], category.1, grams);
        }
    }
    for (_, at, class, grams) in SORTIES {
        let name = match class {
            "sorties" => "dons",
            "sortiesc" => "conventions",
            "sortiesr" => "recycleurs",
            "sortiesp" => "poubelles",
            _ => "déchèterie",
        };
        add(&mut out, &at[..4], name, grams);
    }
    [by_category, by_payment, collected, out]
}

/// A section's `(year, key) → amount` rows (the whole history's year written "").
fn read(report: &Report, index: usize) -> BTreeMap<(String, String), i64> {
    report.sections[index]
        .rows
        .iter()
        .map(|r| {
            let year = r[0].display().replace("Tout l'historique", "");
            let value = match &r[2] {
                Cell::Money(m) => m.cents(),
                Cell::Grams(g) => *g,
                other => panic!("{other:?}"),
            };
            ((year, r[1].display()), value)
        })
        .collect()
}

fn journal_rows(store: &mut Store) -> i64 {
    store
        .read(pepite::storage::journal::all_payloads)
        .map(|all| all.len() as i64)
        .expect("count")
}

#[test]
fn an_oressource_dump_comes_over_and_its_proof_adds_up_to_the_cent_and_the_gram() {
    let (mut store, claire) = common::demo_with_manager();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("oressource.sql");
    std::fs::write(&path, dump()).expect("dump");
    let documents = journal_rows(&mut store);

    let summary = oressource::import(
        &mut store,
        &claire,
        &path,
        false,
        common::at("12:00:00"),
        &|_| {},
    )
    .expect("import");
    assert_eq!(summary.structure, "La Ressourcerie d'Oressource");
    assert_eq!(summary.read["vendus"], 10);
    assert_eq!(summary.read["pesees_collectes"], 7);
    let refused: Vec<(&str, &str, i64)> = summary
        .refused
        .iter()
        .map(|(t, r, n)| (t.as_str(), r.as_str(), *n))
        .collect();
    assert_eq!(
        refused,
        vec![
            ("pesees_collectes", "zero_weight", 1),
            ("pesees_collectes", "unknown_category", 1),
            ("vendus", "unknown_category", 1),
            ("ventes", "no_lines", 1),
        ],
        "every refused row counted with its reason"
    );
    let kept: BTreeMap<&str, i64> = summary.kept.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    assert_eq!(kept["vendus"], 9);
    assert_eq!(kept["ventes"], 7);
    assert_eq!(kept["pesees_collectes"], 5);
    assert_eq!(kept["pesees_sorties"], 5);
    assert_eq!(
        journal_rows(&mut store),
        documents,
        "no sale became a ticket"
    );

    let proof = oressource::proof(&mut store, &claire).expect("proof");
    let [by_category, by_payment, collected, out] = expected();
    assert_eq!(read(&proof, 0), by_category, "takings by category");
    assert_eq!(read(&proof, 1), by_payment, "takings by payment method");
    assert_eq!(read(&proof, 3), collected, "kilos collected by category");
    assert_eq!(read(&proof, 4), out, "kilos out by kind");
    // 2019: sales 1, 2, 3; 2020: 4, 5, 7 and the refund 6; the weights of sold lines.
    let sales: Vec<Vec<String>> = proof.sections[2]
        .rows
        .iter()
        .map(|r| r.iter().map(Cell::display).collect())
        .collect();
    let sold = |year: &str| -> i64 {
        VENDUS
            .iter()
            .filter(|v| v.5 == 0 && CATEGORIES.iter().any(|c| c.0 == v.2))
            .filter(|v| {
                year.is_empty() || VENTES.iter().any(|s| s.0 == v.1 && s.1.starts_with(year))
            })
            .filter_map(|v| v.7)
            .sum()
    };
    let kg_text = |g: i64| Cell::Grams(g).display();
    assert_eq!(
        sales[0],
        vec![
            "Tout l'historique".to_owned(),
            "6".into(),
            "1".into(),
            "25,00\u{a0}€".into(),
            kg_text(sold(""))
        ]
    );
    assert_eq!(
        sales[1],
        vec![
            "2019".to_owned(),
            "3".into(),
            "0".into(),
            "0,00\u{a0}€".into(),
            kg_text(sold("2019"))
        ]
    );
    assert_eq!(
        sales[2],
        vec![
            "2020".to_owned(),
            "3".into(),
            "1".into(),
            "25,00\u{a0}€".into(),
            kg_text(sold("2020"))
        ]
    );
    // The reports read the imported history apart, marked, with the proof's figures.
    let year = |y: i32| {
        (
            chrono::NaiveDate::from_ymd_opt(y, 1, 1).expect("day"),
            chrono::NaiveDate::from_ymd_opt(y, 12, 31).expect("day"),
        )
    };
    let (from, to) = year(2020);
    let takings =
        pepite::ops::reports::takings(&mut store, &claire, from, to, pepite::reports::By::Category)
            .expect("takings");
    let imported = takings.sections.last().expect("imported section");
    assert_eq!(imported.title, pepite::i18n::Msg::ReportImportedTakings);
    let shown: BTreeMap<(String, String), i64> = imported
        .rows
        .iter()
        .map(|r| {
            (
                ("2020".to_owned(), r[0].display()),
                match r[2] {
                    Cell::Money(m) => m.cents(),
                    _ => 0,
                },
            )
        })
        .collect();
    let wanted: BTreeMap<(String, String), i64> = by_category
        .iter()
        .filter(|((y, _), _)| y == "2020")
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    assert_eq!(
        shown, wanted,
        "the takings report's imported section = the proof's 2020"
    );
    assert!(pepite::reports::export::csv(&takings).contains("Historique importé d'Oressource"));
    let (from, to) = year(2019);
    let tonnage = pepite::ops::reports::tonnage(&mut store, &claire, from, to).expect("tonnage");
    let section = tonnage.sections.last().expect("imported tonnage");
    assert_eq!(section.title, pepite::i18n::Msg::ReportImportedTonnage);
    let text = pepite::reports::export::table(&tonnage);
    assert!(
        text.contains("Collecté : Mobilier") && text.contains("45,500 kg"),
        "{text}"
    );
    assert!(
        text.contains("Sorti : conventions") && text.contains("18,400 kg"),
        "{text}"
    );
    // The lists joined pépite's where a name was new; the user disabled, without a code.
    let adopted: BTreeMap<&str, i64> = summary
        .adopted
        .iter()
        .map(|(l, n)| (l.as_str(), *n))
        .collect();
    // Mobilier, Vaisselle, « Apport volontaire », Arcueil and the Chariot: the demo has them.
    assert_eq!(adopted["categories"], 1, "{adopted:?}");
    assert_eq!(
        (adopted["sources"], adopted["towns"], adopted["containers"]),
        (0, 0, 0)
    );
    assert_eq!(adopted["recipients"], 2, "Emmaüs and the Ferrailleur");
    assert_eq!(
        adopted["grid"], 2,
        "the grid's two lines under their categories"
    );
    assert_eq!(
        (adopted["sites"], adopted["points_of_sale"]),
        (2, 1),
        "points de collecte and de sortie as sites, the point de vente as a point of sale"
    );
    let structure = store
        .read(pepite::storage::structure::get)
        .expect("structure")
        .expect("set up");
    assert_eq!(
        structure.identity.siret.as_ref().map(|s| s.to_string()),
        Some("882 123 456 00015".to_owned()),
        "a SIRET set in pépite is never overwritten"
    );
    assert!(
        !summary.identity_adopted,
        "the demo has its address and SIRET"
    );
    assert_eq!(summary.siret, "732 829 320 00074");
    assert_eq!(adopted["users"], 1);
    let categories = store
        .read(pepite::storage::categories::list)
        .expect("categories");
    assert!(
        categories
            .iter()
            .any(|c| c.name.as_str() == "Textile l'été")
    );
    let louise = pepite::ops::users::list(&mut store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == "Louise Martin")
        .expect("Louise Martin");
    assert!(!louise.active, "an Oressource user comes over disabled");
    assert!(
        pepite::ops::auth::login_choices(&mut store)
            .expect("choices")
            .iter()
            .all(|u| u.name.as_str() != "Louise Martin")
    );
}

#[test]
fn a_broken_dump_changes_nothing_and_names_its_line_and_a_dump_is_imported_once() {
    let (mut store, claire) = common::demo_with_manager();
    let dir = tempfile::tempdir().expect("dir");
    let whole = dump();
    let at = common::at("12:00:00");
    let try_import = |store: &mut Store, text: &str, dry: bool| {
        let path = dir.path().join("d.sql");
        std::fs::write(&path, text).expect("write");
        oressource::import(store, &claire, &path, dry, at, &|_| {})
    };
    let imports = |store: &mut Store| -> i64 {
        store
            .read(|tx| pepite::storage::oressource::kept(tx, 1))
            .expect("kept")
            .iter()
            .map(|k| k.1)
            .sum()
    };

    // Cut in the middle of the sale lines' INSERT.
    let cut = whole.find("INSERT INTO `vendus`").expect("vendus") + 60;
    let line = whole[..cut].lines().count();
    let err = try_import(&mut store, &whole[..cut], false)
        .expect_err("truncated")
        .to_string();
    assert!(
        err.contains(&format!("ligne {line}")) && err.contains("tronqué"),
        "{err}"
    );
    assert_eq!(imports(&mut store), 0, "nothing half-written");

    // An unknown column.
    let bad = whole.replacen(
        "INSERT INTO `ventes` VALUES",
        "INSERT INTO `ventes` (`id`,`bogus`,`timestamp`,`commentaire`,`id_point_vente`) VALUES",
        1,
    );
    let line = bad
        .lines()
        .position(|l| l.contains("`bogus`"))
        .expect("line")
        + 1;
    let err = try_import(&mut store, &bad, false)
        .expect_err("unknown column")
        .to_string();
    assert!(
        err.contains(&format!("Ligne {line}")) && err.contains("« bogus »"),
        "{err}"
    );
    assert_eq!(imports(&mut store), 0);

    // A dry run says what would come over and keeps nothing.
    let dry = try_import(&mut store, &whole, true).expect("dry run");
    assert!(dry.dry_run);
    assert_eq!(
        dry.kept.iter().find(|k| k.0 == "vendus").map(|k| k.1),
        Some(9)
    );
    assert_eq!(imports(&mut store), 0, "a dry run keeps nothing");

    // Imported once; the same dump again, even compressed, is refused and adds nothing.
    try_import(&mut store, &whole, false).expect("import");
    let first = store
        .read(pepite::storage::oressource::sales_counts)
        .expect("counts");
    let err = try_import(&mut store, &whole, false)
        .expect_err("twice")
        .to_string();
    assert!(err.contains("déjà été importé"), "{err}");
    let gz = dir.path().join("d.sql.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("gz"),
        flate2::Compression::default(),
    );
    std::io::Write::write_all(&mut encoder, whole.as_bytes()).expect("write");
    encoder.finish().expect("finish");
    let err = oressource::import(&mut store, &claire, &gz, false, at, &|_| {})
        .expect_err("twice, compressed")
        .to_string();
    assert!(err.contains("déjà été importé"), "{err}");
    assert_eq!(
        store
            .read(pepite::storage::oressource::sales_counts)
            .expect("counts"),
        first
    );
}

#[test]
fn a_structure_without_address_or_siret_takes_oressource_s_and_no_password() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, mut store) = common::shop_file(dir.path());
    let claire = common::login_as(&mut store, "Claire", "1111", common::at("09:00:00"));
    let path = dir.path().join("oressource.sql");
    std::fs::write(&path, dump()).expect("dump");
    let summary = oressource::import(
        &mut store,
        &claire,
        &path,
        false,
        common::at("12:00:00"),
        &|_| {},
    )
    .expect("import");
    assert!(summary.identity_adopted);
    let structure = store
        .read(pepite::storage::structure::get)
        .expect("structure")
        .expect("set up");
    assert_eq!(
        structure.identity.name.as_str(),
        "Ressourcerie Test",
        "the name stays pépite's"
    );
    assert_eq!(
        structure.identity.siret.as_ref().map(|s| s.to_string()),
        Some("732 829 320 00074".to_owned())
    );
    assert_eq!(structure.identity.address, "1 rue des \"Lilas\"");
    // The MD5 password of Oressource's user is nowhere in the database's files.
    drop(store);
    let mut bytes = Vec::new();
    for suffix in ["", "-wal"] {
        if let Ok(b) = std::fs::read(format!("{}{suffix}", db.display())) {
            bytes.extend(b);
        }
    }
    assert!(
        bytes.windows(8).any(|w| w == b"Ressourc"),
        "the file was read"
    );
    assert!(
        !bytes.windows(8).any(|w| w == b"5f4dcc3b"),
        "no password hash"
    );
}
