//! The café's menu as a CSV file a manager edits in a spreadsheet: `pepite menu export`
//! writes it, `pepite menu import` reads it back (all or nothing: one wrong line names its
//! number and what is wrong, and nothing is imported; importing the same file again
//! changes nothing). Columns, separated by `;`:
//! `rubrique;nom;raccourci;prix;prix_min;classe_tva;poste;supplements;disponible` —
//! `prix_min` makes a « prix libre » product; `classe_tva` is `immediat` (to eat or drink
//! now), `conservable` (food that keeps), `boisson_fermee` (a soft drink in a closable
//! container), `alcool` or `autre`; `poste` is `creperie`, `bar` or `aucun`;
//! `supplements` reads `œuf:1,00|fromage:0,80`; `disponible` is `oui` or `non`.
//! The demo's menu is such a file, read by the same code.

use super::{OpsError, Result, Session};
use crate::domain::cafe::{Station, VatClass};
use crate::domain::{Money, Name, Role, limits};
use crate::i18n::Msg;
use crate::storage::cafe::{self, Product};
use crate::storage::{Store, Tx};

/// The header line of the file.
pub const HEADER: [&str; 9] = [
    "rubrique",
    "nom",
    "raccourci",
    "prix",
    "prix_min",
    "classe_tva",
    "poste",
    "supplements",
    "disponible",
];

/// The VAT classes as the file names them.
const CLASSES: [(VatClass, &str); 5] = [
    (VatClass::Immediate, "immediat"),
    (VatClass::Keepable, "conservable"),
    (VatClass::SoftDrink, "boisson_fermee"),
    (VatClass::Alcohol, "alcool"),
    (VatClass::Other, "autre"),
];

/// The stations as the file names them.
const STATIONS: [(Station, &str); 3] = [
    (Station::Creperie, "creperie"),
    (Station::Bar, "bar"),
    (Station::None, "aucun"),
];

/// A product of the file with its supplements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MenuEntry {
    pub product: Product,
    pub supplements: Vec<(String, Money)>,
}

/// The realistic menu of the demo's café-crêperie.
pub const DEMO_CSV: &str = "\
rubrique;nom;raccourci;prix;prix_min;classe_tva;poste;supplements;disponible
Galettes;Galette complète;gc;8,50;;immediat;creperie;œuf:1,00|fromage:0,80|jambon:1,50;oui
Galettes;Galette champignons;gm;7,50;;immediat;creperie;œuf:1,00|fromage:0,80;oui
Galettes;Galette saucisse;gs;6,50;;immediat;creperie;moutarde:0,00|oignons:0,50;oui
Crêpes sucrées;Crêpe beurre-sucre;cs;3,00;;immediat;creperie;chantilly:0,80;oui
Crêpes sucrées;Crêpe chocolat;cc;3,50;;immediat;creperie;chantilly:0,80|banane:0,80;oui
Crêpes sucrées;Crêpe caramel beurre salé;cb;4,00;;immediat;creperie;chantilly:0,80;oui
Boissons chaudes;Café;k;1,50;;immediat;bar;;oui
Boissons chaudes;Thé;t;2,00;;immediat;bar;;oui
Boissons chaudes;Chocolat chaud;ch;2,50;;immediat;bar;chantilly:0,50;oui
Softs;Jus de pomme (bouteille);j;2,50;;boisson_fermee;bar;;oui
Softs;Limonade (bouteille);l;2,50;;boisson_fermee;bar;;oui
Bar;Bière pression;b;3,50;;alcool;bar;;oui
Bar;Cidre (bolée);ci;3,00;;alcool;bar;;oui
Bar;Vin (verre);v;3,50;;alcool;bar;;oui
Solidaire;Soupe du jour;so;3,00;1,00;immediat;creperie;;oui
Épicerie;Confiture maison (pot);cf;4,50;;conservable;aucun;;oui
";

fn cell(record: &csv::StringRecord, at: usize) -> &str {
    record.get(at).unwrap_or_default()
}

/// Reads a menu file, every line checked; the first wrong one is named.
pub fn parse_csv(text: &str) -> Result<Vec<MenuEntry>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .trim(csv::Trim::All)
        // A short or long line is said in French by the column check below.
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut entries = Vec::new();
    for (index, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = index + 2;
        let bad = |problem: String| OpsError::FileLine { line, problem };
        let record = record.map_err(|e| bad(e.to_string()))?;
        if record.len() != HEADER.len() {
            return Err(bad(Msg::ErrColumns.fill(&[&HEADER.len(), &record.len()])));
        }
        let name = Name::parse(cell(&record, 1)).map_err(|e| bad(e.to_string()))?;
        let shortcut = Some(cell(&record, 2).to_lowercase()).filter(|s| !s.is_empty());
        if shortcut.as_ref().is_some_and(|s| s.chars().count() > 2) {
            return Err(bad(Msg::ErrMenuShortcut.fill(&[&cell(&record, 2)])));
        }
        let price = Money::parse(cell(&record, 3)).map_err(|e| bad(e.to_string()))?;
        limits::check_amount(name.as_str(), price, limits::MAX_LINE)
            .map_err(|e| bad(e.to_string()))?;
        let min_price = match cell(&record, 4) {
            "" => None,
            text => Some(Money::parse(text).map_err(|e| bad(e.to_string()))?),
        };
        if min_price.is_some_and(|minimum| minimum > price) {
            return Err(bad(
                Msg::ErrBelowMinimum.fill(&[&name, &min_price.unwrap_or(price)])
            ));
        }
        let class = cell(&record, 5).to_lowercase();
        let vat_class = CLASSES
            .iter()
            .find(|(_, code)| *code == class)
            .map(|(c, _)| *c)
            .ok_or_else(|| bad(Msg::ErrMenuClass.fill(&[&cell(&record, 5)])))?;
        let station = cell(&record, 6).to_lowercase();
        let station = STATIONS
            .iter()
            .find(|(_, code)| *code == station)
            .map(|(s, _)| *s)
            .ok_or_else(|| bad(Msg::ErrMenuStation.fill(&[&cell(&record, 6)])))?;
        let mut supplements = Vec::new();
        for part in cell(&record, 7).split('|').filter(|p| !p.trim().is_empty()) {
            let (supplement, cost) = part
                .split_once(':')
                .ok_or_else(|| bad(Msg::ErrMenuSupplement.fill(&[&part])))?;
            let cost = Money::parse(cost.trim()).map_err(|e| bad(e.to_string()))?;
            supplements.push((supplement.trim().to_owned(), cost));
        }
        let available = match cell(&record, 8).to_lowercase().as_str() {
            "" | "oui" => true,
            "non" => false,
            other => return Err(bad(Msg::ErrMenuAvailable.fill(&[&other]))),
        };
        entries.push(MenuEntry {
            product: Product {
                id: 0,
                name,
                section: cell(&record, 0).to_owned(),
                shortcut,
                price,
                min_price,
                vat_class,
                station,
                available,
            },
            supplements,
        });
    }
    Ok(entries)
}

/// Writes entries in the caller's transaction: a product of the same name is updated,
/// a new one added; supplements likewise.
pub fn write_entries(tx: &Tx, entries: &[MenuEntry]) -> Result<usize> {
    for entry in entries {
        let id = cafe::upsert_product(tx, &entry.product)?;
        for (name, price) in &entry.supplements {
            cafe::upsert_supplement(tx, id, name, *price)?;
        }
    }
    Ok(entries.len())
}

/// Imports `text` (a manager): all lines checked, then all written in one transaction.
pub fn import_csv(store: &mut Store, manager: &Session, text: &str) -> Result<usize> {
    manager.require(Role::Manager)?;
    let entries = parse_csv(text)?;
    store.write(|tx| write_entries(tx, &entries))
}

/// The menu as CSV text, read back by [`import_csv`] as it is.
pub fn export_csv(store: &mut Store) -> Result<String> {
    let rows = store.read(|tx| {
        let mut rows = Vec::new();
        for product in cafe::products(tx)? {
            let supplements = cafe::supplements(tx, product.id)?;
            rows.push((product, supplements));
        }
        Ok::<_, OpsError>(rows)
    })?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let fail = |e: csv::Error| OpsError::FileLine {
        line: 0,
        problem: e.to_string(),
    };
    writer.write_record(HEADER).map_err(fail)?;
    for (p, supplements) in rows {
        let class = CLASSES
            .iter()
            .find(|(c, _)| *c == p.vat_class)
            .map_or("", |(_, n)| n);
        let station = STATIONS
            .iter()
            .find(|(s, _)| *s == p.station)
            .map_or("", |(_, n)| n);
        let supplements = supplements
            .iter()
            .map(|(name, price)| format!("{name}:{}", price.plain()))
            .collect::<Vec<_>>()
            .join("|");
        writer
            .write_record([
                p.section.as_str(),
                p.name.as_str(),
                p.shortcut.as_deref().unwrap_or_default(),
                &p.price.plain(),
                &p.min_price.map(Money::plain).unwrap_or_default(),
                class,
                station,
                &supplements,
                if p.available { "oui" } else { "non" },
            ])
            .map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(|e| OpsError::FileLine {
        line: 0,
        problem: e.to_string(),
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
