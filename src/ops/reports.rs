//! Reports for the screens and the command line: the figures read from storage, handed
//! to the report definitions ([`crate::reports`]). Reading a report needs a manager.

use super::{Result, Session};
use crate::domain::Role;
use crate::reports::takings::{Rows, TakingsData};
use crate::reports::tonnage::TonnageData;
use crate::reports::{By, Report, takings, tonnage};
use crate::storage::Store;
use crate::storage::oressource::Group;
use crate::storage::reports::{Facts, Key};
use chrono::NaiveDate;

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The figures of the takings report of `[from, to]` grouped `by`.
pub fn takings_data(
    store: &mut Store,
    from: NaiveDate,
    to: NaiveDate,
    by: By,
) -> Result<TakingsData> {
    Ok(store.read(|tx| takings_facts(&mut &*tx, from, to, by))?)
}

/// The figures of a takings report, asked of `facts` (a site's or the central's).
pub fn takings_facts(
    facts: &mut dyn Facts,
    from: NaiveDate,
    to: NaiveDate,
    by: By,
) -> crate::storage::Result<TakingsData> {
    let (from, to) = (day(from), day(to));
    let rows = match by {
        By::Day => Rows::Grouped(facts.takings(&from, &to, Key::Day)?),
        By::Week => Rows::Grouped(facts.takings(&from, &to, Key::Week)?),
        By::Month => Rows::Grouped(facts.takings(&from, &to, Key::Month)?),
        By::Year => Rows::Grouped(facts.takings(&from, &to, Key::Year)?),
        By::Terminal => Rows::Grouped(facts.takings(&from, &to, Key::Terminal)?),
        By::Point => Rows::Grouped(facts.takings(&from, &to, Key::Point)?),
        By::Site => Rows::Grouped(facts.takings(&from, &to, Key::Site)?),
        By::Vat => Rows::Rates(facts.takings_by_rate(&from, &to)?),
        By::Payment => Rows::Payments(facts.takings_by_payment(&from, &to)?),
        By::Category => Rows::Categories(facts.takings_by_category(&from, &to)?),
    };
    let group = match by {
        By::Day => Group::Time(Key::Day),
        By::Week => Group::Time(Key::Week),
        By::Month => Group::Time(Key::Month),
        By::Year => Group::Time(Key::Year),
        By::Terminal | By::Point | By::Site => Group::Point,
        By::Category => Group::Category,
        By::Payment => Group::Payment,
        By::Vat => Group::All,
    };
    let imported = facts
        .imported_takings(&from, &to, group)?
        .into_iter()
        .map(|(key, sales, cents)| (key, sales, crate::domain::Money::from_cents(cents)))
        .collect();
    Ok(TakingsData {
        imported,
        rows,
        proofs: facts.proofs(&from, &to)?,
        provisional: facts.has_open_sessions(&from, &to)?,
    })
}

/// The takings report (a manager).
pub fn takings(
    store: &mut Store,
    session: &Session,
    from: NaiveDate,
    to: NaiveDate,
    by: By,
) -> Result<Report> {
    session.require(Role::Manager)?;
    let data = takings_data(store, from, to, by)?;
    Ok(takings::build(from, to, by, &data))
}

/// The figures of the tonnage report of `[from, to]`, the stock as of `to`.
pub fn tonnage_data(store: &mut Store, from: NaiveDate, to: NaiveDate) -> Result<TonnageData> {
    Ok(store.read(|tx| tonnage_facts(&mut &*tx, from, to))?)
}

/// The figures of a tonnage report, asked of `facts` (a site's or the central's).
pub fn tonnage_facts(
    facts: &mut dyn Facts,
    from: NaiveDate,
    to: NaiveDate,
) -> crate::storage::Result<TonnageData> {
    let (from, to) = (day(from), day(to));
    let (outbound, recipients) = facts.outbound(&from, &to)?;
    Ok(TonnageData {
        intakes: facts.intakes(&from, &to)?,
        outbound,
        recipients,
        sold: facts.sold_grams(&from, &to)?,
        stock: facts.stock_by_age(&to)?,
        imported: facts.imported_tonnage(&from, &to)?,
    })
}

/// The tonnage report (a manager).
pub fn tonnage(
    store: &mut Store,
    session: &Session,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Report> {
    session.require(Role::Manager)?;
    let data = tonnage_data(store, from, to)?;
    Ok(tonnage::build(from, to, &data))
}

/// Sets a year's targets for the structure (`site` 0) or a site (a manager).
pub fn set_target(
    store: &mut Store,
    session: &Session,
    year: i32,
    target: &crate::storage::targets::Target,
) -> Result<()> {
    session.require(Role::Manager)?;
    Ok(store.write(|tx| crate::storage::targets::set(tx, year, target))?)
}

/// The targets report of `year` as of `today` (a manager).
pub fn targets(
    store: &mut Store,
    session: &Session,
    year: i32,
    today: NaiveDate,
) -> Result<Report> {
    session.require(Role::Manager)?;
    let from = format!("{year}-01-01");
    let to = format!("{year}-12-31");
    let (targets, actuals) = store.read(|tx| {
        Ok::<_, crate::storage::StorageError>((
            crate::storage::targets::for_year(tx, year)?,
            crate::storage::targets::actuals(tx, &from, &to)?,
        ))
    })?;
    Ok(crate::reports::targets::build(
        year, today, &targets, &actuals,
    ))
}

/// The structure's chart of accounts: what a manager set over the usual accounts.
pub fn chart(store: &mut Store) -> Result<crate::reports::accounting::Chart> {
    let set = store.read(crate::storage::accounting::accounts)?;
    Ok(crate::reports::accounting::Chart {
        set: set
            .into_iter()
            .map(|(kind, key, number, label)| {
                (
                    (kind, key),
                    crate::reports::accounting::Account { number, label },
                )
            })
            .collect(),
    })
}

/// Sets an account (a manager): `kind` is category, cafe, method, rate or special.
pub fn set_account(
    store: &mut Store,
    session: &Session,
    kind: &str,
    key: &str,
    number: &str,
    label: &str,
) -> Result<()> {
    session.require(Role::Manager)?;
    if !["category", "cafe", "method", "rate", "special"].contains(&kind)
        || !(3..=20).contains(&number.len())
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return Err(super::OpsError::AccountFormat(format!(
            "{kind} {key} {number}"
        )));
    }
    Ok(store.write(|tx| {
        crate::storage::accounting::set_account(tx, kind, key.trim(), number, label.trim())
    })?)
}

/// The accounting entries of the Zs of `[from, to]` (a manager), numbered from 1.
pub fn accounting_entries(
    store: &mut Store,
    session: &Session,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<crate::reports::accounting::Entry>> {
    session.require(Role::Manager)?;
    let chart = chart(store)?;
    let (from, to) = (day(from), day(to));
    let sessions = store.read(|tx| crate::storage::accounting::closed_sessions(tx, &from, &to))?;
    Ok(sessions
        .iter()
        .enumerate()
        .map(|(i, s)| crate::reports::accounting::entry(i + 1, s, &chart))
        .collect())
}

/// Every account the export would use today: each category, café product, payment
/// method, rate and the special ones, with the account it goes to.
pub fn effective_accounts(store: &mut Store) -> Result<Vec<(String, String, String, String)>> {
    let chart = chart(store)?;
    let mut out = Vec::new();
    let mut push = |kind: &str, key: String, a: crate::reports::accounting::Account| {
        out.push((kind.to_owned(), key, a.number, a.label));
    };
    for c in super::categories::list(store)? {
        let name = c.name.to_string();
        push("category", name.clone(), chart.sales(&name, false));
    }
    for p in super::cafe::menu(store)? {
        let name = p.name.to_string();
        push("cafe", name.clone(), chart.sales(&name, true));
    }
    for m in super::places::payment_methods(store)? {
        let kind = m.kind.code().to_owned();
        push(
            "method",
            kind.clone(),
            chart.method(&kind, &m.label.to_string()),
        );
    }
    for rate in [2000, 1000, 550, 210] {
        push("rate", rate.to_string(), chart.vat(rate));
    }
    for key in [
        "membership_fee",
        "donation",
        "gift_voucher",
        "cash_short",
        "cash_over",
    ] {
        push("special", key.to_owned(), chart.special(key));
    }
    Ok(out)
}

/// The declaration to `org` for `[from, to]` (a manager).
pub fn eco(
    store: &mut Store,
    session: &Session,
    org: crate::reports::eco::Org,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Report> {
    session.require(Role::Manager)?;
    let (f, t) = (day(from), day(to));
    let (mappings, flows) = store.read(|tx| {
        Ok::<_, crate::storage::StorageError>((
            crate::storage::eco::mappings(tx)?,
            crate::storage::eco::flows(tx, &f, &t)?,
        ))
    })?;
    Ok(crate::reports::eco::build(org, from, to, &mappings, &flows))
}

/// The eco-organisation categories ours map to: `(org, ours, theirs)`.
pub fn eco_mappings(store: &mut Store) -> Result<Vec<crate::storage::eco::Mapping>> {
    Ok(store.read(crate::storage::eco::mappings)?)
}

/// Maps our category `name` to `org`'s `eco_category` (a manager).
pub fn map_eco(
    store: &mut Store,
    session: &Session,
    org: crate::reports::eco::Org,
    name: &str,
    eco_category: &str,
) -> Result<()> {
    session.require(Role::Manager)?;
    let eco_category = eco_category.trim();
    if eco_category.is_empty() || eco_category.chars().count() > 80 {
        return Err(super::OpsError::Empty(crate::i18n::Msg::ColEcoCategory));
    }
    let mapped = store
        .write(|tx| crate::storage::eco::set_mapping(tx, org.code(), name.trim(), eco_category))?;
    if mapped {
        Ok(())
    } else {
        Err(crate::storage::StorageError::NotFound(crate::i18n::Msg::ThingCategory).into())
    }
}

/// Writes `report` as CSV and XLSX into `dir` (made if need be), named `stem`; returns the
/// two files.
pub fn save(report: &Report, dir: &std::path::Path, stem: &str) -> Result<Vec<std::path::PathBuf>> {
    let failed = |path: &std::path::Path, why: String| {
        super::OpsError::Write(path.display().to_string(), why)
    };
    std::fs::create_dir_all(dir).map_err(|e| failed(dir, crate::i18n::io_reason(&e)))?;
    let csv = dir.join(format!("{stem}.csv"));
    std::fs::write(&csv, crate::reports::export::csv(report))
        .map_err(|e| failed(&csv, crate::i18n::io_reason(&e)))?;
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let bytes = crate::reports::xlsx::workbook(report).map_err(|e| failed(&xlsx, e.to_string()))?;
    std::fs::write(&xlsx, bytes).map_err(|e| failed(&xlsx, crate::i18n::io_reason(&e)))?;
    Ok(vec![csv, xlsx])
}

/// The membership's report over `[from, to]` (income by month in it; the rest as of
/// `to`): managers only.
pub fn members(
    store: &mut Store,
    session: &Session,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Report> {
    use crate::storage::member_lists::{self as lists, Grouping};
    session.require(Role::Manager)?;
    let day = to.to_string();
    let soon = to
        .checked_add_days(chrono::Days::new(30))
        .unwrap_or(to)
        .to_string();
    let three_years = to
        .checked_sub_months(chrono::Months::new(36))
        .unwrap_or(to)
        .to_string();
    let data = store.read(|tx| {
        Ok::<_, crate::storage::StorageError>(crate::reports::members::MembersData {
            by_kind: lists::by(tx, Grouping::Kind, &day)?,
            by_town: lists::by(tx, Grouping::Town, &day)?,
            years: lists::new_and_renewed(tx)?,
            ending: lists::ending(tx, &day, &soon)?,
            income: lists::income(tx, &from.to_string(), &day)?,
            idle: lists::idle_since(tx, &three_years)?,
        })
    })?;
    Ok(crate::reports::members::build(from, to, &data))
}

/// The board's monthly report of the month holding `day`, as of `today` (a manager):
/// the takings by day and by category, the tonnage and the year's targets, assembled.
pub fn board(
    store: &mut Store,
    session: &Session,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<crate::reports::board::Board> {
    use chrono::Datelike;
    let from = day.with_day(1).unwrap_or(day);
    let to = from
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day);
    let by_day = takings(store, session, from, to, By::Day)?;
    let by_category = takings(store, session, from, to, By::Category)?;
    let tonnage = tonnage(store, session, from, to)?;
    let targets = targets(store, session, from.year(), today.min(to))?;
    let structure = super::setup::structure(store)?
        .map(|s| s.identity.name.to_string())
        .unwrap_or_default();
    Ok(crate::reports::board::build(
        &structure,
        &by_day,
        &by_category,
        &tonnage,
        &targets,
    ))
}
