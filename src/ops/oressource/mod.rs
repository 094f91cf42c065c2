//! `pepite import oressource`: a mysqldump of an Oressource database (plain or `.gz`)
//! read as a stream ([`dump`]) into imported history, in one transaction — a dump that
//! fails half-way leaves the database as it was, a dump already imported is refused,
//! `--dry-run` does it all and keeps nothing. Rows that cannot stand (a weight of zero,
//! an unknown category, a sale without lines) are refused together at the end and
//! counted with their reason; nothing is dropped silently. Oressource had no fiscal
//! journal: its sales never become tickets, and pépite's own journal stays as it was.
//! Its lists join pépite's where a name is new (its points as sites and points of sale),
//! its address and SIRET fill pépite's where empty; its users come over disabled, without
//! their MD5 passwords, for a manager to give each a PIN.

pub mod dump;

use super::{OpsError, Result, Session};
use crate::domain::Role;
use crate::i18n::Msg;
use crate::storage::oressource::{self as store, ListRow, Outbound, OutboundLine};
use crate::storage::{Store, Timestamp, Tx};
use dump::{Cell, DumpError, Statement, Statements};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// What an import read, kept and refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub structure: String,
    /// Oressource's address and SIRET of the structure, as its dump holds them.
    pub address: String,
    pub siret: String,
    /// Whether they filled pépite's empty address or SIRET.
    pub identity_adopted: bool,
    pub digest: String,
    /// Rows read per Oressource table.
    pub read: BTreeMap<String, i64>,
    /// Rows kept per kind (`collectes`, `pesees_collectes`, … , `listes`).
    pub kept: Vec<(String, i64)>,
    /// `(table, reason code, rows)`.
    pub refused: Vec<(String, String, i64)>,
    /// Tables of the dump the importer does not read (their rows are not history).
    pub ignored: Vec<String>,
    /// Names added to pépite's own lists, per list (`categories`, `users`, …).
    pub adopted: Vec<(String, i64)>,
    pub dry_run: bool,
}

/// The columns the importer needs from each table it reads.
const TABLES: &[(&str, &[&str])] = &[
    ("description_structure", &["nom"]),
    ("type_dechets", &["id", "nom"]),
    ("type_collecte", &["id", "nom"]),
    ("localites", &["id", "nom"]),
    ("moyens_paiement", &["id", "nom"]),
    ("points_collecte", &["id", "nom"]),
    ("points_vente", &["id", "nom"]),
    ("points_sortie", &["id", "nom"]),
    ("type_sortie", &["id", "nom"]),
    ("type_dechets_evac", &["id", "nom"]),
    ("types_poubelles", &["id", "nom", "masse_bac"]),
    ("type_contenants", &["id", "nom", "masse"]),
    ("conventions_sorties", &["id", "nom"]),
    ("filieres_sortie", &["id", "nom"]),
    ("grille_objets", &["id", "nom", "id_type_dechet", "prix"]),
    ("utilisateurs", &["id", "nom", "prenom"]),
    (
        "collectes",
        &[
            "id",
            "timestamp",
            "id_type_collecte",
            "localisation",
            "id_point_collecte",
        ],
    ),
    (
        "pesees_collectes",
        &["id", "timestamp", "masse", "id_collecte", "id_type_dechet"],
    ),
    ("sorties", &["id", "timestamp", "classe", "id_point_sortie"]),
    ("pesees_sorties", &["id", "timestamp", "masse", "id_sortie"]),
    (
        "ventes",
        &["id", "id_moyen_paiement", "timestamp", "id_point_vente"],
    ),
    (
        "vendus",
        &[
            "id",
            "timestamp",
            "id_vente",
            "id_type_dechet",
            "quantite",
            "prix",
            "remboursement",
        ],
    ),
    ("pesees_vendus", &["id", "masse"]),
];

/// The list an Oressource table of names goes to.
fn list_of(table: &str) -> Option<&'static str> {
    Some(match table {
        "type_dechets" => "category",
        "type_collecte" => "source",
        "localites" => "town",
        "moyens_paiement" => "payment",
        "points_collecte" => "point_collecte",
        "points_vente" => "point_vente",
        "points_sortie" => "point_sortie",
        "type_sortie" => "exit_type",
        "type_dechets_evac" => "evac",
        "types_poubelles" => "bin",
        "type_contenants" => "container",
        "conventions_sorties" => "partner",
        "filieres_sortie" => "recycler",
        "grille_objets" => "grid",
        "utilisateurs" => "user",
        _ => return None,
    })
}

fn dump_error(e: DumpError) -> OpsError {
    OpsError::Refused(match e {
        DumpError::Truncated(line) => Msg::ErrDumpTruncated.fill(&[&line]),
        DumpError::Syntax(line, why) => Msg::ErrDumpSyntax.fill(&[&line, &why]),
        DumpError::Value(line, what) => Msg::ErrDumpValue.fill(&[&line, &what]),
        DumpError::NoValues(line) => Msg::ErrDumpNoValues.fill(&[&line]),
        DumpError::Io(why) => Msg::ErrDumpRead.fill(&[&why]),
    })
}

/// One row of an INSERT, its values found by column name.
struct Row<'a> {
    table: &'a str,
    line: usize,
    index: &'a HashMap<String, usize>,
    cells: &'a [Cell],
}

impl Row<'_> {
    fn cell(&self, column: &str) -> &Cell {
        self.index
            .get(column)
            .and_then(|i| self.cells.get(*i))
            .unwrap_or(&Cell::Null)
    }

    fn bad(&self, column: &str) -> OpsError {
        OpsError::Refused(Msg::ErrDumpField.fill(&[
            &self.line,
            &self.table,
            &column,
            &format!("{:?}", self.cell(column)),
        ]))
    }

    fn text(&self, column: &str) -> String {
        match self.cell(column) {
            Cell::Text(t) | Cell::Number(t) => t.clone(),
            Cell::Null => String::new(),
        }
    }

    fn int(&self, column: &str) -> Result<i64> {
        self.opt_int(column)?.ok_or_else(|| self.bad(column))
    }

    /// An id that may be NULL (a foreign key Oressource left empty or at 0).
    fn opt_int(&self, column: &str) -> Result<Option<i64>> {
        match self.cell(column) {
            Cell::Null => Ok(None),
            Cell::Number(n) | Cell::Text(n) => n
                .trim()
                .parse::<i64>()
                .map(Some)
                .map_err(|_| self.bad(column)),
        }
    }

    fn decimal(&self, column: &str) -> Result<Decimal> {
        match self.cell(column) {
            Cell::Number(n) | Cell::Text(n) => n.trim().parse().map_err(|_| self.bad(column)),
            Cell::Null => Err(self.bad(column)),
        }
    }

    /// A mass in kilograms as grams, to the gram.
    fn grams(&self, column: &str) -> Result<i64> {
        let kg = self.decimal(column)?;
        let grams = (kg * Decimal::from(1000)).round();
        i64::try_from(grams).map_err(|_| self.bad(column))
    }

    /// A price in euros as cents, to the cent.
    fn cents(&self, column: &str) -> Result<i64> {
        let euros = self.decimal(column)?;
        let cents = (euros * Decimal::from(100)).round();
        i64::try_from(cents).map_err(|_| self.bad(column))
    }

    /// A `YYYY-MM-DD HH:MM:SS` timestamp, checked.
    fn at(&self, column: &str) -> Result<String> {
        let text = self.text(column);
        chrono::NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M:%S")
            .map_err(|_| self.bad(column))?;
        Ok(text)
    }
}

/// Reads the dump at `path` (`.gz` or plain) into imported history; `progress` is told
/// the bytes read. Refused whole: a broken dump, a dump already imported.
pub fn import(
    store: &mut Store,
    session: &Session,
    path: &Path,
    dry_run: bool,
    now: Timestamp,
    progress: &dyn Fn(u64),
) -> Result<Summary> {
    session.require(Role::Manager)?;
    let file = std::fs::File::open(path).map_err(|e| {
        OpsError::Refused(Msg::ErrIo.fill(&[&path.display(), &crate::i18n::io_reason(&e)]))
    })?;
    let mut head = BufReader::with_capacity(1 << 20, file);
    let gz = head
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(head),
        ))
    } else {
        Box::new(head)
    };
    let name = path.display().to_string();
    let user = session.name().to_string();
    let work = |tx: &Tx| {
        let mut statements = Statements::new(reader);
        read_all(tx, &mut statements, &name, &user, now, progress)
    };
    let summary = if dry_run {
        store.trial(work)?
    } else {
        store.write(work)?
    };
    Ok(Summary { dry_run, ..summary })
}

fn read_all<R: Read + BufRead>(
    tx: &Tx,
    statements: &mut Statements<R>,
    name: &str,
    user: &str,
    now: Timestamp,
    progress: &dyn Fn(u64),
) -> Result<Summary> {
    let import = store::begin(tx, name, user, &now.to_rfc3339())?;
    let mut summary = Summary::default();
    let mut columns: HashMap<String, Vec<String>> = HashMap::new();
    let mut ignored = std::collections::BTreeSet::new();
    while let Some(statement) = statements.next_statement().map_err(dump_error)? {
        progress(statements.bytes());
        match statement {
            Statement::Create {
                line,
                table,
                columns: names,
            } => {
                if let Some((_, needed)) = TABLES.iter().find(|(t, _)| *t == table) {
                    if let Some(missing) = needed.iter().find(|c| !names.iter().any(|n| n == *c)) {
                        return Err(OpsError::Refused(
                            Msg::ErrDumpMissingColumn.fill(&[&line, &table, missing]),
                        ));
                    }
                }
                columns.insert(table, names);
            }
            Statement::Insert {
                line,
                table,
                columns: named,
                rows,
            } => {
                if !TABLES.iter().any(|(t, _)| *t == table) {
                    ignored.insert(table);
                    continue;
                }
                let known = columns.get(&table);
                let order: Vec<String> = match (named.is_empty(), known) {
                    (true, Some(known)) => known.clone(),
                    (true, None) => {
                        return Err(OpsError::Refused(
                            Msg::ErrDumpNoStructure.fill(&[&line, &table]),
                        ));
                    }
                    (false, Some(known)) => {
                        if let Some(unknown) = named.iter().find(|n| !known.contains(n)) {
                            return Err(OpsError::Refused(
                                Msg::ErrDumpUnknownColumn.fill(&[&line, unknown, &table]),
                            ));
                        }
                        named
                    }
                    (false, None) => named,
                };
                let index: HashMap<String, usize> = order
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.clone(), i))
                    .collect();
                *summary.read.entry(table.clone()).or_default() +=
                    i64::try_from(rows.len()).unwrap_or(0);
                for cells in &rows {
                    if cells.len() != order.len() {
                        return Err(OpsError::Refused(Msg::ErrDumpRowWidth.fill(&[
                            &line,
                            &cells.len(),
                            &order.len(),
                            &table,
                        ])));
                    }
                    let row = Row {
                        table: &table,
                        line,
                        index: &index,
                        cells,
                    };
                    take(tx, import, &row, &mut summary)?;
                }
            }
        }
    }
    progress(statements.bytes());
    let digest = statements.digest();
    if let Some(on) = store::imported_on(tx, &digest)? {
        return Err(OpsError::Refused(Msg::ErrDumpAlready.fill(&[&on])));
    }
    summary.refused = store::settle(tx, import)?
        .into_iter()
        .map(|(t, r, n)| (t.to_owned(), r.to_owned(), n))
        .collect();
    summary.kept = store::kept(tx, import)?
        .into_iter()
        .map(|(t, n)| (t.to_owned(), n))
        .collect();
    summary.ignored = ignored.into_iter().collect();
    // A SIRET only with its 14 digits and its check digit right.
    let siret = crate::domain::Siret::parse(&summary.siret)
        .ok()
        .map(|s| s.as_str().to_owned());
    summary.identity_adopted = store::adopt_identity(tx, &summary.address, siret.as_deref())?;
    summary.adopted = store::adopt_lists(tx, import, &now.to_rfc3339())?
        .into_iter()
        .map(|(l, n)| (l.to_owned(), n))
        .collect();
    summary.digest = digest.clone();
    let json = serde_json::to_string(&summary).unwrap_or_default();
    store::finish(tx, import, &digest, &summary.structure, &json)?;
    Ok(summary)
}

/// One row into the staged history.
fn take(tx: &Tx, import: i64, row: &Row, summary: &mut Summary) -> Result<()> {
    let visible = !matches!(row.cell("visible"), Cell::Number(n) if n == "0");
    if let Some(list) = list_of(row.table) {
        let name = if list == "user" {
            // A user by name only: never the MD5 password.
            format!("{} {}", row.text("prenom"), row.text("nom"))
                .trim()
                .to_owned()
        } else {
            row.text("nom")
        };
        let (amount, parent) = match list {
            "bin" => (Some(row.grams("masse_bac")?), None),
            "container" => (Some(row.grams("masse")?), None),
            "grid" => (Some(row.cents("prix")?), row.opt_int("id_type_dechet")?),
            _ => (None, None),
        };
        store::list_row(
            tx,
            import,
            &ListRow {
                list,
                id: row.int("id")?,
                name: &name,
                colour: &row.text("couleur"),
                amount,
                parent,
                visible,
            },
        )?;
        return Ok(());
    }
    match row.table {
        "description_structure" => {
            summary.structure = row.text("nom");
            summary.address = row.text("adresse");
            summary.siret = row.text("siret");
        }
        "collectes" => store::intake(
            tx,
            import,
            row.int("id")?,
            &row.at("timestamp")?,
            row.int("id_type_collecte")?,
            row.int("localisation")?,
            row.int("id_point_collecte")?,
        )?,
        "pesees_collectes" => store::intake_line(
            tx,
            import,
            row.int("id")?,
            &row.at("timestamp")?,
            row.int("id_collecte")?,
            row.int("id_type_dechet")?,
            row.grams("masse")?,
        )?,
        "sorties" => store::outbound(
            tx,
            import,
            &Outbound {
                id: row.int("id")?,
                at: &row.at("timestamp")?,
                class: &row.text("classe"),
                partner: row.opt_int("id_convention")?.filter(|i| *i > 0),
                recycler: row.opt_int("id_filiere")?.filter(|i| *i > 0),
                exit_type: row.opt_int("id_type_sortie")?.filter(|i| *i > 0),
                point: row.int("id_point_sortie")?,
            },
        )?,
        "pesees_sorties" => store::outbound_line(
            tx,
            import,
            &OutboundLine {
                id: row.int("id")?,
                at: &row.at("timestamp")?,
                outbound: row.int("id_sortie")?,
                category: row.opt_int("id_type_dechet")?.filter(|i| *i > 0),
                bin: row.opt_int("id_type_poubelle")?.filter(|i| *i > 0),
                evac: row.opt_int("id_type_dechet_evac")?.filter(|i| *i > 0),
                grams: row.grams("masse")?,
            },
        )?,
        "ventes" => store::sale(
            tx,
            import,
            row.int("id")?,
            &row.at("timestamp")?,
            row.int("id_moyen_paiement")?,
            row.int("id_point_vente")?,
        )?,
        "vendus" => {
            let quantity = row.int("quantite")?;
            let lot = row.opt_int("lot")?.unwrap_or(0) > 0;
            let price = row.cents("prix")?;
            // As Oressource's bilans: a lot's price is the line's, else per unit; what a
            // refund line gave back is its refund times its quantity.
            let amount = if lot { price } else { price * quantity };
            let refund = row.cents("remboursement")? * quantity;
            store::sale_line(
                tx,
                import,
                row.int("id")?,
                &row.at("timestamp")?,
                row.int("id_vente")?,
                row.int("id_type_dechet")?,
                quantity,
                amount,
                refund,
                lot,
            )?;
        }
        "pesees_vendus" => store::sale_weight(tx, row.int("id")?, row.grams("masse")?)?,
        _ => {}
    }
    Ok(())
}

/// The proof: the totals Oressource's bilans compute, from the imported rows.
pub fn proof(store: &mut Store, session: &Session) -> Result<crate::reports::Report> {
    session.require(Role::Manager)?;
    let data = store.read(|tx| {
        Ok::<_, crate::storage::StorageError>(crate::reports::oressource::ProofData {
            by_category: store::takings_by(tx, false)?,
            by_payment: store::takings_by(tx, true)?,
            sales: store::sales_counts(tx)?,
            collected: store::collected_by_category(tx)?,
            out: store::out_by_class(tx)?,
        })
    })?;
    Ok(crate::reports::oressource::proof(&data))
}
