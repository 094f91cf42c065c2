//! First set-up: the structure, its first manager, and the defaults every ressourcerie
//! starts from (a site, a shop, a till, the usual payment methods and categories).

use super::{OpsError, Result, auth};
use crate::domain::{
    Name, PaymentKind, Pin, PosKind, Role, Roles, TerminalCode, UserId, VatRate, VatStatus, Weight,
};
use crate::journal::InstallationKey;
use crate::storage::categories::{self, CategoryDraft};
use crate::storage::points_of_sale::{self, Terminal};
use crate::storage::structure::{self, Identity, Structure};
use crate::storage::{Store, Timestamp, Tx, payment_methods, users};
use std::path::Path;

/// What the set-up screen or `pepite init` asks for.
#[derive(Clone, Debug)]
pub struct SetupRequest {
    pub structure: Name,
    pub manager: Name,
    pub pin: Pin,
}

/// The structure, or `None` before set-up.
pub fn structure(store: &mut Store) -> Result<Option<Structure>> {
    Ok(store.read(structure::get)?)
}

/// Sets up an empty database: structure, defaults and the first manager, in one
/// transaction. Refused if the database is already set up.
/// The installation's signing key is made here too, in `key_dir`.
pub fn initialise(
    store: &mut Store,
    request: &SetupRequest,
    now: Timestamp,
    key_dir: &Path,
) -> Result<UserId> {
    store.write(|tx| {
        if let Some(existing) = structure::get(tx)? {
            return Err(OpsError::AlreadyInitialised(existing.identity.name));
        }
        let identity = Identity {
            name: request.structure.clone(),
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            siret: None,
            vat_status: VatStatus::Assujetti,
        };
        structure::insert(tx, &identity, false, now)?;
        let key = InstallationKey::create(tx, key_dir, now)?;
        // Keyed with the new installation's secret: hashed inside the set-up transaction.
        let pin_hash = auth::hash_pin(&request.pin, Some(&key))?;
        let site = structure::insert_site(tx, &name("Site principal")?, "", scale_max()?)?;
        let shop = points_of_sale::insert(tx, site, &name("Boutique")?, PosKind::Shop)?;
        points_of_sale::insert_terminal(
            tx,
            &Terminal {
                code: TerminalCode::parse("caisse-1")?,
                name: name("Caisse 1")?,
                point_of_sale_id: shop,
                active: true,
            },
        )?;
        seed_payment_methods(tx)?;
        seed_categories(tx)?;
        seed_sorting_lists(tx)?;
        let manager = Roles::empty().with(Role::Manager);
        let id = users::insert(tx, &request.manager, &pin_hash, manager, now, None)?;
        // The JET opens with the installation and its key's fingerprint: what an auditor
        // compares with the one printed on every Z and carried by every archive.
        crate::journal::events::record(
            tx,
            &key,
            crate::journal::events::EventCode::Key,
            now,
            request.manager.as_str(),
            "",
            &format!(
                "installation créée ({}), clé {}",
                crate::journal::SOFTWARE,
                crate::journal::key::fingerprint(&key.public_hex())
            ),
        )?;
        Ok(id)
    })
}

pub(super) fn name(text: &str) -> Result<Name> {
    Ok(Name::parse(text)?)
}

/// 300 kg: a common platform scale.
pub(super) fn scale_max() -> Result<Weight> {
    Ok(Weight::from_grams(300_000)?)
}

/// The usual sources of intakes and the usual containers with their tare; a manager
/// changes them later. Towns are local: none until someone adds them.
pub(super) fn seed_sorting_lists(tx: &Tx) -> Result<()> {
    use crate::storage::sorting::{self, List};
    for source in [
        "Apport volontaire",
        "Collecte à domicile",
        "Déchèterie",
        "Entreprise",
        "Débarras",
    ] {
        sorting::add(tx, List::Sources, source, 0)?;
    }
    for (container, tare_g) in [
        ("Chariot", 12_000),
        ("Caisse", 1_500),
        ("Roll textile", 35_000),
        ("Cage DEEE", 60_000),
        ("Bac", 3_000),
    ] {
        sorting::add(tx, List::Containers, container, tare_g)?;
    }
    Ok(())
}

/// The five usual payment methods, labelled in the language of set-up.
pub(super) fn seed_payment_methods(tx: &Tx) -> Result<()> {
    for kind in [
        PaymentKind::Cash,
        PaymentKind::Card,
        PaymentKind::Cheque,
        PaymentKind::LocalCurrency,
        PaymentKind::Voucher,
    ] {
        payment_methods::insert(tx, kind, &name(&kind.default_label())?)?;
    }
    Ok(())
}

/// A seeded category: name and default unit weight in grams.
type Seed = (&'static str, i64);

/// The usual ressourcerie categories, with default unit weights in grams.
const CATEGORIES: &[(&str, i64, &[Seed])] = &[
    (
        "Mobilier",
        15_000,
        &[
            ("Assises", 5_000),
            ("Tables", 15_000),
            ("Rangements", 25_000),
            ("Literie", 20_000),
        ],
    ),
    (
        "Textile et accessoires",
        400,
        &[
            ("Vêtements", 300),
            ("Chaussures", 800),
            ("Linge de maison", 600),
            ("Maroquinerie", 500),
        ],
    ),
    (
        "Électrique et électronique",
        3_000,
        &[
            ("Gros électroménager", 40_000),
            ("Petit électroménager", 2_500),
            ("Hi-fi et vidéo", 4_000),
            ("Luminaires", 1_500),
        ],
    ),
    ("Informatique", 4_000, &[]),
    ("Livres", 400, &[]),
    ("Supports média", 150, &[]),
    ("Vaisselle", 300, &[]),
    ("Jouets", 600, &[]),
    ("Bibelots et déco", 500, &[]),
    ("Vélos", 14_000, &[]),
    ("Sport et loisirs", 1_500, &[]),
    ("Outillage et bricolage", 1_500, &[]),
    ("Puériculture", 3_000, &[]),
    ("Bijoux", 50, &[]),
    ("Autres", 1_000, &[]),
];

/// What the till needs on the usual categories: VAT rate, a default price (cents) where
/// one price fits, a one-letter shortcut, and whether goods are sold with a guarantee.
/// A new installation starts with them, so the till's shortcut panel is never empty.
const SALE: &[(&str, VatRate, Option<i64>, &str, bool)] = &[
    ("Vêtements", VatRate::STANDARD, Some(300), "v", false),
    ("Chaussures", VatRate::STANDARD, Some(500), "c", false),
    ("Livres", VatRate::REDUCED, Some(100), "l", false),
    ("Vaisselle", VatRate::STANDARD, None, "s", false),
    ("Jouets", VatRate::STANDARD, None, "j", false),
    ("Bibelots et déco", VatRate::STANDARD, None, "b", false),
    ("Petit électroménager", VatRate::STANDARD, None, "p", true),
    ("Gros électroménager", VatRate::STANDARD, None, "g", true),
    ("Hi-fi et vidéo", VatRate::STANDARD, None, "h", true),
    ("Informatique", VatRate::STANDARD, None, "i", true),
    ("Supports média", VatRate::STANDARD, Some(100), "m", false),
];

pub(super) fn seed_categories(tx: &Tx) -> Result<()> {
    let draft = |parent, label: &str, grams: i64| -> Result<CategoryDraft> {
        Ok(CategoryDraft {
            parent_id: parent,
            name: name(label)?,
            unit_weight: Some(Weight::from_grams(grams)?),
        })
    };
    for (label, grams, children) in CATEGORIES {
        let parent = categories::insert(tx, &draft(None, label, *grams)?)?;
        for (child, child_grams) in *children {
            categories::insert(tx, &draft(Some(parent), child, *child_grams)?)?;
        }
    }
    // The eco-organisations' categories ours usually go to; a manager changes them.
    for (org, ours, theirs) in crate::reports::eco::PROPOSED {
        crate::storage::eco::set_mapping(tx, org.code(), ours, theirs)?;
    }
    let all = categories::list(tx)?;
    for (label, vat, price, shortcut, guarantee) in SALE {
        if let Some(c) = all.iter().find(|c| c.name.as_str() == *label) {
            crate::storage::till_catalogue::set_category_sale(
                tx,
                c.id,
                *vat,
                price.map(crate::domain::Money::from_cents),
                Some(shortcut),
                *guarantee,
            )?;
        }
    }
    Ok(())
}
