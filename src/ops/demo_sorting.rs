//! The sorting bench's four weeks in the demo: each open day, a few intakes weighed by
//! category (from the usual sources and the neighbouring towns, most to the shop, some to
//! recycling or waste), and each Saturday the outbound flows (textiles to a recycler, a
//! trip to the déchèterie, a gift to a partner) — written through the same storage
//! functions as the bench, so the tonnage reports have something true to read.

use super::Result;
use super::demo_history::Dice;
use crate::domain::{Destination, IntakeLine, OutboundKind, SiteId, Weight};
use crate::storage::sorting::{self, Header, List, OutLine};
use crate::storage::{Timestamp, Tx, categories};
use chrono::{Datelike, TimeDelta, Weekday};

const TOWNS: [&str; 4] = ["Arcueil", "Cachan", "Gentilly", "Villejuif"];

/// Writes the intakes and outbound flows of the `days` days before `now` at each of
/// `sites`' benches.
pub fn write(tx: &Tx, now: Timestamp, days: i64, sites: &[SiteId]) -> Result<()> {
    let mut dice = Dice(now.timestamp() as u64 ^ 0x534f_5254);
    let known = sorting::list(tx, List::Towns)?;
    for town in TOWNS {
        if !known.iter().any(|t| t.name == town) {
            sorting::add(tx, List::Towns, town, 0)?;
        }
    }
    let sources = sorting::list(tx, List::Sources)?;
    let towns = sorting::list(tx, List::Towns)?;
    let leaves: Vec<_> = categories::list(tx)?
        .into_iter()
        .filter(|c| c.parent_id.is_some() && c.active)
        .collect();
    if leaves.is_empty() || sources.is_empty() {
        return Ok(());
    }
    for back in (1..=days).rev() {
        let day = now - TimeDelta::days(back);
        if matches!(day.weekday(), Weekday::Sun | Weekday::Mon) {
            continue;
        }
        let mut weighings = Vec::new();
        for site in sites {
            let count = 6 + dice.next(9) as usize;
            weighings.extend(std::iter::repeat_n(*site, count));
        }
        for (n, site) in weighings.into_iter().enumerate() {
            let n = n as i64;
            let at = day - TimeDelta::hours(3) + TimeDelta::minutes(n * 5);
            let mut lines = Vec::new();
            for _ in 0..1 + dice.next(5) {
                let category = &leaves[dice.next(leaves.len() as u64) as usize];
                lines.push(IntakeLine {
                    category_id: category.id,
                    category: category.name.to_string(),
                    gross: Weight::from_grams(300 + dice.next(25_000) as i64)?,
                    container: String::new(),
                    tare_g: 0,
                    destination: match dice.next(20) {
                        0..=15 => Destination::Reuse,
                        16..=18 => Destination::Recycling,
                        _ => Destination::Waste,
                    },
                });
            }
            let source = &sources[dice.next(sources.len() as u64) as usize];
            let town = (dice.next(5) > 0).then(|| towns[dice.next(towns.len() as u64) as usize].id);
            sorting::insert_intake(tx, &header(site, at), source.id, town, &lines)?;
        }
        for site in sites
            .iter()
            .copied()
            .filter(|_| day.weekday() == Weekday::Sat)
        {
            let at = day + TimeDelta::hours(2);
            let flows = [
                (
                    OutboundKind::Recycler,
                    "Le Relais",
                    "textile",
                    60_000,
                    40_000,
                ),
                (
                    OutboundKind::Dump,
                    "Déchèterie d'Ivry",
                    "tout-venant",
                    80_000,
                    60_000,
                ),
                (
                    OutboundKind::Partner,
                    "Secours populaire",
                    "",
                    10_000,
                    15_000,
                ),
            ];
            for (kind, recipient, fraction, base, spread) in flows {
                let line = OutLine {
                    category: None,
                    fraction: fraction.to_owned(),
                    grams: base + dice.next(spread) as i64,
                    item: None,
                    tare_g: 0,
                };
                sorting::insert_outbound(tx, &header(site, at), kind, recipient, &[line])?;
            }
        }
    }
    Ok(())
}

fn header(site: SiteId, at: Timestamp) -> Header<'static> {
    Header {
        site,
        user: "Bernard",
        at,
        note: "",
        replaces: None,
        reason: "",
    }
}
