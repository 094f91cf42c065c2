//! Several sites, one central PostgreSQL: creating its schema, sending a site's records
//! ([`sync`]), the status line's « N à transmettre » and a background worker that syncs
//! while the till sells ([`worker`]), `verify --central`, and the consolidated reports —
//! built by the same definitions as a site's, from the central's facts.

pub mod sync;
pub mod worker;

use super::{Result, Session};
use crate::domain::Role;
use crate::journal::remote::SiteVerdict;
use crate::reports::{By, Report};
use crate::storage::Store;
use crate::storage::central::Central;
use crate::storage::central::reports::CentralFacts;
use chrono::NaiveDate;

/// Creates or migrates the central schema at `url`: `(version before, version now)`.
pub fn init(url: &str) -> Result<(i32, i32)> {
    Ok(Central::connect(url)?.migrate()?)
}

/// What waits to be sent and when the last sync succeeded (as the site last heard it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    pub pending: i64,
    pub last_sync: Option<crate::storage::Timestamp>,
}

pub fn status(store: &mut Store) -> Result<Status> {
    let (pending, at) = store.read(crate::storage::sync::pending)?;
    Ok(Status {
        pending,
        last_sync: at.and_then(|text| crate::storage::parse_timestamp(&text)),
    })
}

/// Every installation's chains, verified in the central.
pub fn verify(url: &str) -> Result<Vec<SiteVerdict>> {
    let mut central = Central::connect(url)?;
    central.check_version()?;
    Ok(crate::journal::remote::verify_central(&mut central)?)
}

/// The refusals the central recorded: `(installation, record, reason, when)`.
pub fn refusals(url: &str) -> Result<Vec<crate::storage::central::read::Refusal>> {
    let mut central = Central::connect(url)?;
    central.check_version()?;
    let mut ctx = central.transaction()?;
    Ok(crate::storage::central::read::refusals(&mut ctx)?)
}

/// Asks `read` of the central's facts (every installation's, or one's) for a manager.
fn consolidated<T>(
    central: &mut Central,
    session: &Session,
    installation: Option<String>,
    read: impl FnOnce(&mut CentralFacts) -> crate::storage::Result<T>,
) -> Result<T> {
    session.require(Role::Manager)?;
    let mut ctx = central.transaction()?;
    Ok(read(&mut CentralFacts {
        ctx: &mut ctx,
        installation,
    })?)
}

/// The consolidated takings report: every installation's tickets (or one's), by the same
/// definition as a site's (a manager of the site asking).
pub fn takings(
    central: &mut Central,
    session: &Session,
    installation: Option<String>,
    from: NaiveDate,
    to: NaiveDate,
    by: By,
) -> Result<Report> {
    let data = consolidated(central, session, installation, |facts| {
        super::reports::takings_facts(facts, from, to, by)
    })?;
    Ok(crate::reports::takings::build(from, to, by, &data))
}

/// The consolidated tonnage report, as [`takings`].
pub fn tonnage(
    central: &mut Central,
    session: &Session,
    installation: Option<String>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Report> {
    let data = consolidated(central, session, installation, |facts| {
        super::reports::tonnage_facts(facts, from, to)
    })?;
    Ok(crate::reports::tonnage::build(from, to, &data))
}

/// Connects to the central at `url`, its schema checked.
pub fn connect(url: &str) -> Result<Central> {
    let mut central = Central::connect(url)?;
    central.check_version()?;
    Ok(central)
}
