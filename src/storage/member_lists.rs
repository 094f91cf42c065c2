//! The membership's lists: members by kind and by town, new and renewed per year, those
//! whose membership ends soon, fee and donation income by month, members with no fee for
//! years (for a clean-up). Rows of plain values; the report module words them.

use super::{Result, Tx};
use crate::domain::Money;
use rusqlite::params;

/// The last day of each member's latest membership.
const UNTIL: &str = "(SELECT member_number, max(valid_until) AS until, max(paid_on) AS last_paid
                       FROM membership GROUP BY member_number)";

/// Members (not erased) grouped by `kind` or `town`: (group, registered, valid on `day`).
pub fn by(tx: &Tx, column: Grouping, day: &str) -> Result<Vec<(String, i64, i64)>> {
    let group = match column {
        Grouping::Kind => "m.kind",
        Grouping::Town => "m.town",
    };
    let mut stmt = tx.conn().prepare(&format!(
        "SELECT {group}, count(*), sum(u.until >= ?1)
         FROM member m LEFT JOIN {UNTIL} u ON u.member_number = m.number
         WHERE m.erased_at IS NULL
         GROUP BY {group} ORDER BY count(*) DESC, {group}"
    ))?;
    let rows = stmt.query_map([day], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get::<_, Option<i64>>(2)?.unwrap_or(0),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What [`by`] groups on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Kind,
    Town,
}

/// Per year: members whose first fee it was, and members who paid again.
pub fn new_and_renewed(tx: &Tx) -> Result<Vec<(i32, i64, i64)>> {
    let mut stmt = tx.conn().prepare(
        "WITH paid AS (SELECT DISTINCT member_number, CAST(substr(paid_on, 1, 4) AS INTEGER) AS y
                       FROM membership),
              first AS (SELECT member_number, min(y) AS y FROM paid GROUP BY member_number)
         SELECT p.y, sum(p.y = f.y), sum(p.y > f.y)
         FROM paid p JOIN first f USING (member_number)
         GROUP BY p.y ORDER BY p.y",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A member whose membership ends between two days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ending {
    pub number: i64,
    pub name: String,
    pub email: Option<String>,
    pub consent: bool,
    pub until: String,
}

/// Members whose latest membership ends in `[from, to]`, soonest first.
pub fn ending(tx: &Tx, from: &str, to: &str) -> Result<Vec<Ending>> {
    let mut stmt = tx.conn().prepare(&format!(
        "SELECT m.number,
                CASE WHEN m.organisation <> '' THEN m.organisation
                     ELSE trim(m.last_name || ' ' || m.first_name) END,
                m.email, m.consent, u.until
         FROM member m JOIN {UNTIL} u ON u.member_number = m.number
         WHERE m.erased_at IS NULL AND u.until BETWEEN ?1 AND ?2
         ORDER BY u.until, m.number"
    ))?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(Ending {
            number: r.get(0)?,
            name: r.get(1)?,
            email: r.get(2)?,
            consent: r.get(3)?,
            until: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Per month (`YYYY-MM`) of `[from, to]`: fees and donations taken at the tills.
pub fn income(tx: &Tx, from: &str, to: &str) -> Result<Vec<(String, Money, Money)>> {
    let mut stmt = tx.conn().prepare(
        "SELECT month, sum(fees), sum(gifts) FROM (
             SELECT substr(paid_on, 1, 7) AS month, amount AS fees, 0 AS gifts
             FROM membership WHERE source = 'till' AND paid_on BETWEEN ?1 AND ?2
             UNION ALL
             SELECT substr(day, 1, 7), 0, amount FROM donation WHERE day BETWEEN ?1 AND ?2)
         GROUP BY month ORDER BY month",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get(0)?,
            Money::from_cents(r.get(1)?),
            Money::from_cents(r.get(2)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Members (not erased) with no fee paid since `since` and registered before it: what a
/// clean-up of personal data looks at. (number, name, last fee paid.)
pub fn idle_since(tx: &Tx, since: &str) -> Result<Vec<(i64, String, Option<String>)>> {
    let mut stmt = tx.conn().prepare(&format!(
        "SELECT m.number,
                CASE WHEN m.organisation <> '' THEN m.organisation
                     ELSE trim(m.last_name || ' ' || m.first_name) END,
                u.last_paid
         FROM member m LEFT JOIN {UNTIL} u ON u.member_number = m.number
         WHERE m.erased_at IS NULL AND m.joined_on < ?1
           AND (u.last_paid IS NULL OR u.last_paid < ?1)
         ORDER BY m.number"
    ))?;
    let rows = stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
