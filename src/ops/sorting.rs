//! The sorting bench's use-cases: record an intake (sorters and managers), correct one by
//! a new record that says why, record an outbound flow, read the totals, and the bench's
//! summary of the day.

use super::{OpsError, Result, Session};
use crate::domain::{IntakeLine, OutboundKind, Role, SiteId, Weight};
use crate::i18n::Msg;
use crate::storage::sorting::{self, By, Header, List, Listed, OutLine, StoredIntake};
use crate::storage::{Store, Timestamp, items, structure};

const SORTING: &[Role] = &[Role::Sorter, Role::Manager];

/// What an intake says besides its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeHeader {
    pub site: SiteId,
    pub source: i64,
    pub town: Option<i64>,
    pub note: String,
}

/// The lists the bench chooses from.
pub fn list(store: &mut Store, which: List) -> Result<Vec<Listed>> {
    Ok(store.read(|tx| sorting::list(tx, which))?)
}

/// Adds a source, a town or a container (managers).
pub fn add_to_list(
    store: &mut Store,
    session: &Session,
    which: List,
    name: &str,
    tare: Option<Weight>,
) -> Result<i64> {
    session.require(Role::Manager)?;
    let name = crate::domain::Name::parse(name)?;
    Ok(store.write(|tx| sorting::add(tx, which, name.as_str(), tare.map_or(0, Weight::grams)))?)
}

/// The scale's maximum at `site`.
pub fn scale_max(store: &mut Store, site: SiteId) -> Result<Weight> {
    store
        .read(structure::list_sites)?
        .into_iter()
        .find(|s| s.id == site)
        .map(|s| s.scale_max)
        .ok_or(OpsError::NotInitialised)
}

/// Records a validated intake.
pub fn record_intake(
    store: &mut Store,
    session: &Session,
    header: &IntakeHeader,
    lines: &[IntakeLine],
    at: Timestamp,
) -> Result<i64> {
    let id = save_intake(store, session, header, lines, None, at)?;
    tracing::info!(intake = id, lines = lines.len(), "intake");
    Ok(id)
}

/// Corrects intake `id`: a new record with these lines replaces it, saying `why`.
pub fn correct_intake(
    store: &mut Store,
    session: &Session,
    id: i64,
    header: &IntakeHeader,
    lines: &[IntakeLine],
    why: &str,
    at: Timestamp,
) -> Result<i64> {
    if why.trim().is_empty() {
        return Err(OpsError::ReasonRequired);
    }
    save_intake(store, session, header, lines, Some((id, why.trim())), at)
}

/// Writes an intake, new or replacing `(id, why)`: only a record nothing replaces yet
/// may be corrected.
fn save_intake(
    store: &mut Store,
    session: &Session,
    header: &IntakeHeader,
    lines: &[IntakeLine],
    replaces: Option<(i64, &str)>,
    at: Timestamp,
) -> Result<i64> {
    session.require_any(SORTING)?;
    if lines.is_empty() {
        return Err(OpsError::Empty(Msg::ThingIntakeLine));
    }
    let user = session.name().to_string();
    store.write(|tx| {
        if let Some((id, _)) = replaces {
            let old = sorting::intake(tx, id)?.ok_or(OpsError::Empty(Msg::ThingIntake))?;
            if let Some(newer) = old.replaced_by {
                return Err(OpsError::AlreadyCorrected(newer));
            }
        }
        Ok(sorting::insert_intake(
            tx,
            &Header {
                site: header.site,
                user: &user,
                at,
                note: &header.note,
                replaces: replaces.map(|(id, _)| id),
                reason: replaces.map_or("", |(_, why)| why),
            },
            header.source,
            header.town,
            lines,
        )?)
    })
}

pub fn intake(store: &mut Store, id: i64) -> Result<Option<StoredIntake>> {
    Ok(store.read(|tx| sorting::intake(tx, id))?)
}

/// Net grams taken in between two days (inclusive), grouped.
pub fn intake_totals(
    store: &mut Store,
    from: &str,
    to: &str,
    by: By,
) -> Result<Vec<(String, i64)>> {
    Ok(store.read(|tx| sorting::intake_totals(tx, from, to, by))?)
}

/// Records an outbound flow.
#[allow(clippy::too_many_arguments)]
pub fn record_outbound(
    store: &mut Store,
    session: &Session,
    site: SiteId,
    kind: OutboundKind,
    recipient: &str,
    note: &str,
    lines: &[OutLine],
    at: Timestamp,
) -> Result<i64> {
    session.require_any(SORTING)?;
    if lines.is_empty() {
        return Err(OpsError::Empty(Msg::ThingOutboundLine));
    }
    let user = session.name().to_string();
    Ok(store.write(|tx| {
        sorting::insert_outbound(
            tx,
            &Header {
                site,
                user: &user,
                at,
                note,
                replaces: None,
                reason: "",
            },
            kind,
            recipient,
            lines,
        )
    })?)
}

/// What the bench did on `day`: net grams by category and destination, and the number of
/// items labelled.
pub fn day_summary(store: &mut Store, day: &str) -> Result<(Vec<(String, i64)>, i64)> {
    store.read(|tx| {
        Ok::<_, OpsError>((
            sorting::intake_totals(tx, day, day, By::CategoryDestination)?,
            items::created_on(tx, day)?,
        ))
    })
}

/// Every entry of a list, in use or not.
pub fn list_all(store: &mut Store, which: List) -> Result<Vec<(Listed, bool)>> {
    Ok(store.read(|tx| sorting::list_all(tx, which))?)
}

/// Puts an entry of a list in or out of use (manager).
pub fn set_list_active(
    store: &mut Store,
    session: &Session,
    which: List,
    id: i64,
    active: bool,
) -> Result<()> {
    session.require(Role::Manager)?;
    Ok(store.write(|tx| sorting::set_list_active(tx, which, id, active))?)
}

/// Every markdown rule and whether it is in force.
pub fn markdown_rules(store: &mut Store) -> Result<Vec<(crate::domain::Markdown, bool)>> {
    Ok(store.read(sorting::markdown_all)?)
}

/// Sets a markdown rule (manager): `percent` off after `weeks`.
pub fn set_markdown(
    store: &mut Store,
    session: &Session,
    rule: crate::domain::Markdown,
) -> Result<()> {
    session.require(Role::Manager)?;
    if rule.weeks <= 0 || !(1..=100).contains(&rule.percent) {
        return Err(OpsError::Domain(crate::domain::DomainError::MarkdownRange));
    }
    Ok(store.write(|tx| sorting::set_markdown_rule(tx, rule))?)
}

pub fn set_markdown_active(
    store: &mut Store,
    session: &Session,
    weeks: i64,
    active: bool,
) -> Result<()> {
    session.require(Role::Manager)?;
    Ok(store.write(|tx| sorting::set_markdown_active(tx, weeks, active))?)
}
