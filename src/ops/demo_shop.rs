//! The demo shop's stock: what the till needs on each category (VAT rate, default price,
//! shortcut, guarantee), a price grid with shortcuts, and labelled items in stock at the
//! two shops — enough to scan, sell by key and refund on the first try.

use super::Result;
use crate::domain::{CategoryId, CodeKind, Ean13, Money, PointOfSaleId, Weight};
use crate::storage::items::{self, NewItem};
use crate::storage::{Timestamp, Tx, categories, points_of_sale, till_catalogue};

/// Price-grid entries: category, name, price (cents), unit weight (g), shortcut. One
/// letter each, so every category and entry is two keystrokes away (letter, Enter).
const GRID: &[(&str, &str, i64, i64, &str)] = &[
    ("Vaisselle", "Assiette", 50, 400, "a"),
    ("Vaisselle", "Verre", 30, 200, "r"),
    ("Vaisselle", "Tasse", 50, 250, "t"),
    ("Vêtements", "T-shirt", 200, 200, "e"),
    ("Vêtements", "Jean", 500, 600, "n"),
    ("Vêtements", "Manteau", 1000, 1200, "o"),
    ("Livres", "Livre de poche", 100, 200, "d"),
    ("Supports média", "DVD", 150, 120, "f"),
    ("Jouets", "Peluche", 150, 300, "u"),
];

/// Labelled items: category, description, price (cents), weight (g), weighed.
const ITEMS: &[(&str, &str, i64, i64, bool)] = &[
    ("Assises", "Chaise bistrot en bois", 1500, 4500, true),
    ("Assises", "Fauteuil club cuir", 6500, 18000, true),
    ("Tables", "Table de ferme 6 places", 9000, 45000, true),
    ("Rangements", "Commode trois tiroirs", 4500, 32000, true),
    ("Luminaires", "Lampe de chevet laiton", 800, 1500, false),
    (
        "Petit électroménager",
        "Grille-pain testé",
        1200,
        1800,
        true,
    ),
    (
        "Petit électroménager",
        "Bouilloire inox testée",
        900,
        1200,
        true,
    ),
    ("Hi-fi et vidéo", "Platine vinyle révisée", 4000, 5500, true),
    (
        "Informatique",
        "Ordinateur portable reconditionné",
        12000,
        2300,
        true,
    ),
    ("Vélos", "Vélo de ville révisé", 6000, 14000, true),
    ("Jouets", "Puzzle 1000 pièces complet", 300, 600, false),
    ("Bibelots et déco", "Vase en céramique", 350, 700, false),
    ("Bibelots et déco", "Miroir doré", 1800, 3500, true),
    (
        "Sport et loisirs",
        "Raquettes de badminton",
        500,
        400,
        false,
    ),
    ("Puériculture", "Poussette pliable", 2500, 7000, true),
];

fn category_named(all: &[categories::Category], name: &str) -> Option<CategoryId> {
    all.iter().find(|c| c.name.as_str() == name).map(|c| c.id)
}

/// Who the demo's outbound flows go to.
const RECIPIENTS: [&str; 4] = [
    "Ferrailleur du Val",
    "Emmaüs Cachan",
    "Le Relais (textile)",
    "Déchèterie de Bagneux",
];

/// The towns people bring things from, around the demo's two sites.
const TOWNS: [&str; 8] = [
    "Arcueil",
    "Bagneux",
    "Bourg-la-Reine",
    "Cachan",
    "Gentilly",
    "L'Haÿ-les-Roses",
    "Montrouge",
    "Villejuif",
];

/// Writes the demo's till catalogue and stock; items are spread over the two shops.
pub(super) fn write(tx: &Tx, now: Timestamp) -> Result<()> {
    for town in TOWNS {
        crate::storage::sorting::add(tx, crate::storage::sorting::List::Towns, town, 0)?;
    }
    for recipient in RECIPIENTS {
        crate::storage::sorting::add(tx, crate::storage::sorting::List::Recipients, recipient, 0)?;
    }
    let all = categories::list(tx)?;
    for (category, name, price, grams, shortcut) in GRID {
        if let Some(id) = category_named(&all, category) {
            till_catalogue::insert_entry(
                tx,
                id,
                name,
                Money::from_cents(*price),
                Some(Weight::from_grams(*grams)?),
                Some(shortcut),
            )?;
        }
    }
    let shops: Vec<PointOfSaleId> = points_of_sale::list(tx)?
        .into_iter()
        .filter(|p| p.kind == crate::domain::PosKind::Shop)
        .map(|p| p.id)
        .collect();
    // Markdown: a quarter off after four weeks, half after six.
    for (weeks, percent) in [(4, 25), (6, 50)] {
        crate::storage::sorting::set_markdown_rule(tx, crate::domain::Markdown { weeks, percent })?;
    }
    // Three copies of the list, so the demo has stock left after a few sales.
    for round in 0..3 {
        for (i, (category, description, price, grams, weighed)) in ITEMS.iter().enumerate() {
            let Some(category_id) = category_named(&all, category) else {
                continue;
            };
            let code = Ean13::in_store(CodeKind::Item, items::next_serial(tx)?)?;
            items::insert(
                tx,
                &code,
                &NewItem {
                    category_id,
                    intake: None,
                    description,
                    price: Money::from_cents(*price),
                    weight: Weight::from_grams(*grams)?,
                    weight_estimated: !weighed,
                    point_of_sale: shops.get((i + round) % shops.len().max(1)).copied(),
                    created_at: now,
                },
            )?;
        }
    }
    Ok(())
}
