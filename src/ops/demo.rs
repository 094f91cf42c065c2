//! A realistic demonstration shop: two shops and a café on two sites, a till per place,
//! a user for each role (their PINs are shown on the demo's login screen), the usual
//! payment methods and categories.

use super::setup::{name, scale_max, seed_categories, seed_payment_methods, seed_sorting_lists};
use super::{OpsError, Result, auth};
use crate::domain::Money;
use crate::domain::{Pin, PosKind, Role, Roles, Siret, TerminalCode, VatStatus, Weight};
use crate::journal::InstallationKey;
use crate::storage::points_of_sale::{self, Terminal};
use crate::storage::structure::{self, Identity};
use crate::storage::{Store, Timestamp, users};
use chrono::Datelike;
use std::path::Path;

/// A demo user: name, roles, PIN.
pub struct DemoUser {
    pub name: &'static str,
    pub roles: &'static [Role],
    pub pin: &'static str,
}

/// The demo's people, one or more per role.
pub const USERS: &[DemoUser] = &[
    DemoUser {
        name: "Claire",
        roles: &[Role::Manager],
        pin: "1111",
    },
    DemoUser {
        name: "Karim",
        roles: &[Role::Cashier],
        pin: "2222",
    },
    DemoUser {
        name: "Sophie",
        roles: &[Role::Sorter],
        pin: "3333",
    },
    DemoUser {
        name: "Lucas",
        roles: &[Role::Cafe],
        pin: "4444",
    },
    DemoUser {
        name: "Aïcha",
        roles: &[Role::Cashier, Role::Cafe],
        pin: "5555",
    },
    DemoUser {
        name: "Bernard",
        roles: &[Role::Sorter],
        pin: "6666",
    },
];

/// Fills an empty database with the demo structure and four weeks of history.
pub fn create(store: &mut Store, now: Timestamp, key_dir: &Path) -> Result<()> {
    create_scaled(store, now, key_dir, &Size::default(), &|_, _| {})
}

/// How big a demo: years of history (none: four weeks) and sites (at least the two of the
/// demo; each one more has its shop and its till, and its bench weighs intakes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub years: i64,
    pub sites: usize,
}

impl Default for Size {
    fn default() -> Size {
        Size { years: 0, sites: 2 }
    }
}

/// The demo of `size`, built through the same functions as real use (tickets, Zs and
/// closings in the journal, intakes and outbound flows at the bench); `progress` is told
/// `(days done, days)`.
pub fn create_scaled(
    store: &mut Store,
    now: Timestamp,
    key_dir: &Path,
    size: &Size,
    progress: &dyn Fn(u64, u64),
) -> Result<()> {
    let days = if size.years > 0 {
        size.years * 365
    } else {
        super::demo_history::DAYS
    };
    let key = store.write(|tx| {
        if let Some(existing) = structure::get(tx)? {
            return Err(OpsError::AlreadyInitialised(existing.identity.name));
        }
        let identity = Identity {
            name: name("Ressourcerie La Pépite")?,
            address: "14 avenue Paul Doumer".into(),
            postcode: "94110".into(),
            city: "Arcueil".into(),
            siret: Some(Siret::parse("88212345600015")?),
            vat_status: VatStatus::Assujetti,
        };
        structure::insert(tx, &identity, true, now)?;
        let key = InstallationKey::create(tx, key_dir, now)?;
        let arcueil = structure::insert_site(
            tx,
            &name("Atelier d'Arcueil")?,
            "14 avenue Paul Doumer, 94110 Arcueil",
            scale_max()?,
        )?;
        let cachan = structure::insert_site(
            tx,
            &name("Boutique de Cachan")?,
            "3 rue Guichard, 94230 Cachan",
            Weight::from_grams(150_000)?,
        )?;
        let places = [
            (
                arcueil,
                "Boutique Arcueil",
                PosKind::Shop,
                &[("caisse-1", "Caisse 1"), ("tri-1", "Poste de tri")][..],
            ),
            (
                cachan,
                "Boutique Cachan",
                PosKind::Shop,
                &[("caisse-2", "Caisse Cachan")][..],
            ),
            (
                arcueil,
                "Café-crêperie La Galette",
                PosKind::Cafe,
                &[("cafe-1", "Comptoir du café")][..],
            ),
            (
                cachan,
                "Braderie de printemps",
                PosKind::Event,
                &[("braderie", "Portable braderie")][..],
            ),
        ];
        for (site, pos_name, kind, terminals) in places {
            let pos = points_of_sale::insert(tx, site, &name(pos_name)?, kind)?;
            for (code, label) in terminals {
                points_of_sale::insert_terminal(
                    tx,
                    &Terminal {
                        code: TerminalCode::parse(code)?,
                        name: name(label)?,
                        point_of_sale_id: pos,
                        active: true,
                    },
                )?;
            }
        }
        seed_payment_methods(tx)?;
        seed_categories(tx)?;
        seed_sorting_lists(tx)?;
        super::demo_shop::write(tx, now)?;
        let mut extra_tills = Vec::new();
        let mut benches = vec![arcueil];
        for n in 3..=size.sites {
            let site =
                structure::insert_site(tx, &name(&format!("Tiers-lieu {n}"))?, "", scale_max()?)?;
            let pos_name = format!("Boutique tiers-lieu {n}");
            let pos = points_of_sale::insert(tx, site, &name(&pos_name)?, PosKind::Shop)?;
            let code = format!("caisse-s{n}");
            points_of_sale::insert_terminal(
                tx,
                &Terminal {
                    code: TerminalCode::parse(&code)?,
                    name: name(&format!("Caisse tiers-lieu {n}"))?,
                    point_of_sale_id: pos,
                    active: true,
                },
            )?;
            extra_tills.push((code, pos_name));
            benches.push(site);
        }
        super::demo_sorting::write(tx, now, days, &benches)?;
        // The seeds' structure's yearly figures, as its board set them.
        crate::storage::targets::set(
            tx,
            now.year(),
            &crate::storage::targets::Target {
                site_id: 0,
                site: String::new(),
                collected_g: 900_000_000,
                reused_g: 450_000_000,
                takings: Money::from_cents(105_000_000),
            },
        )?;
        // The café-crêperie's menu, read from its CSV like any manager's import.
        super::menu::write_entries(tx, &super::menu::parse_csv(super::menu::DEMO_CSV)?)?;
        super::demo_members::write(tx, now)?;
        for user in USERS {
            let hash = &auth::hash_pin(&Pin::parse(user.pin)?, Some(&key))?;
            let roles: Roles = user.roles.iter().copied().collect();
            users::insert(tx, &name(user.name)?, hash, roles, now, Some(user.pin))?;
        }
        Ok((key, extra_tills))
    })?;
    let (key, extra_tills) = key;
    super::demo_history::write(
        store,
        &key,
        now,
        &super::demo_history::Scale {
            days,
            extra_tills,
            progress,
            labelled_items: size.years > 0,
        },
    )
}
