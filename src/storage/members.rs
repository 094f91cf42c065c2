//! The member register and the fees paid: every SQL statement on them. Personal data
//! lives in `member` (and a non-member donor's name on its donation, see
//! [`super::donations`]) only, so an erasure is a few rows to anonymise.

use super::{Result, StorageError, Tx, found};
use crate::domain::member::MemberKind;
use crate::domain::{Money, search_key};
use crate::i18n::Msg;
use rusqlite::params;

/// A member as the register holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub number: i64,
    pub kind: String,
    pub last_name: String,
    pub first_name: String,
    pub organisation: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub consent: bool,
    pub joined_on: String,
    pub notes: String,
    /// The last day of their latest membership, if they ever paid.
    pub valid_until: Option<String>,
    pub erased: bool,
}

impl Member {
    /// « Dupont Marie », « Le Chaudron (asso.) ».
    pub fn display_name(&self) -> String {
        if !self.organisation.is_empty() {
            return self.organisation.clone();
        }
        format!("{} {}", self.last_name, self.first_name)
            .trim()
            .to_owned()
    }

    fn key(&self) -> String {
        search_key(&self.display_name())
    }

    pub fn kind(&self) -> MemberKind {
        MemberKind::parse(&self.kind).unwrap_or(MemberKind::Individuel)
    }
}

const COLUMNS: &str = "m.number, m.kind, m.last_name, m.first_name, m.organisation, m.address,
    m.postcode, m.town, m.email, m.phone, m.consent, m.joined_on, m.notes,
    (SELECT max(valid_until) FROM membership WHERE member_number = m.number),
    m.erased_at IS NOT NULL";

fn member_from_row(r: &rusqlite::Row) -> rusqlite::Result<Member> {
    Ok(Member {
        number: r.get(0)?,
        kind: r.get(1)?,
        last_name: r.get(2)?,
        first_name: r.get(3)?,
        organisation: r.get(4)?,
        address: r.get(5)?,
        postcode: r.get(6)?,
        town: r.get(7)?,
        email: r.get(8)?,
        phone: r.get(9)?,
        consent: r.get(10)?,
        joined_on: r.get(11)?,
        notes: r.get(12)?,
        valid_until: r.get(13)?,
        erased: r.get(14)?,
    })
}

/// Adds a member; returns their number. `import_key` marks one that came from a file.
pub fn insert(tx: &Tx, m: &Member, import_key: Option<&str>, at: &str) -> Result<i64> {
    tx.conn()
        .execute(
            "INSERT INTO member (kind, last_name, first_name, organisation, address, postcode,
                 town, email, phone, consent, joined_on, notes, search_key, import_key,
                 created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                m.kind,
                m.last_name,
                m.first_name,
                m.organisation,
                m.address,
                m.postcode,
                m.town,
                m.email,
                m.phone,
                m.consent,
                m.joined_on,
                m.notes,
                m.key(),
                import_key,
                at
            ],
        )
        .map_err(|e| StorageError::unique(e, import_key.unwrap_or_default()))?;
    Ok(tx.conn().last_insert_rowid())
}

/// Changes what the register says of member `m.number` (not an erased one).
pub fn update(tx: &Tx, m: &Member) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE member SET kind = ?2, last_name = ?3, first_name = ?4, organisation = ?5,
             address = ?6, postcode = ?7, town = ?8, email = ?9, phone = ?10, consent = ?11,
             notes = ?12, search_key = ?13
         WHERE number = ?1 AND erased_at IS NULL",
        params![
            m.number,
            m.kind,
            m.last_name,
            m.first_name,
            m.organisation,
            m.address,
            m.postcode,
            m.town,
            m.email,
            m.phone,
            m.consent,
            m.notes,
            m.key()
        ],
    )?;
    found(changed, Msg::ThingMember)
}

pub fn get(tx: &Tx, number: i64) -> Result<Member> {
    tx.conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM member m WHERE m.number = ?1"),
            [number],
            member_from_row,
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingMember))
}

/// Whether a member or a fee was imported under `key` already.
pub fn imported(tx: &Tx, key: &str) -> Result<bool> {
    Ok(tx.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM member WHERE import_key = ?1)
             OR EXISTS (SELECT 1 FROM membership WHERE import_key = ?1)",
        [key],
        |r| r.get(0),
    )?)
}

/// Members found by what was typed: a number, an email, or the start of a name (folded,
/// through the index), at most `limit`, erased ones never.
pub fn search(tx: &Tx, words: &str, limit: usize) -> Result<Vec<Member>> {
    let words = words.trim();
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    // A prefix is a range of the folded key: read through its index whatever the value
    // (a GLOB or LIKE prefix is not, when plans do not depend on bound values).
    let (filter, value, upper): (&str, String, String) = if let Ok(number) = words.parse::<i64>() {
        // (`?3` is the prefix's upper bound, empty here: one statement, three values.)
        (
            "m.number = ?1 AND ?3 = ''",
            number.to_string(),
            String::new(),
        )
    } else if words.contains('@') {
        (
            "lower(m.email) = lower(?1) AND ?3 = ''",
            words.to_owned(),
            String::new(),
        )
    } else {
        let key = search_key(words);
        let upper = format!("{key}\u{10FFFF}");
        ("m.search_key >= ?1 AND m.search_key < ?3", key, upper)
    };
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM member m
         WHERE {filter} AND m.erased_at IS NULL
         ORDER BY m.search_key, m.number LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![value, limit, upper], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Members who may be `m` again: the same name in the same town, or the same email.
pub fn duplicates(tx: &Tx, m: &Member) -> Result<Vec<Member>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM member m
         WHERE m.number <> ?1 AND m.erased_at IS NULL
           AND ((m.search_key = ?2 AND lower(m.town) = lower(?3))
                OR (?4 IS NOT NULL AND lower(m.email) = lower(?4)))
         ORDER BY m.number"
    ))?;
    let rows = stmt.query_map(params![m.number, m.key(), m.town, m.email], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every member not erased, by number.
pub fn all(tx: &Tx) -> Result<Vec<Member>> {
    let mut stmt = tx.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM member m WHERE m.erased_at IS NULL ORDER BY m.number"
    ))?;
    let rows = stmt.query_map([], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The `limit` members registered last, newest first (the register's opening list).
pub fn latest(tx: &Tx, limit: usize) -> Result<Vec<Member>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM member m WHERE m.erased_at IS NULL
         ORDER BY m.number DESC LIMIT ?1"
    ))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map([limit], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The last day of member `number`'s latest membership.
pub fn valid_until(tx: &Tx, number: i64) -> Result<Option<String>> {
    Ok(tx.conn().query_row(
        "SELECT max(valid_until) FROM membership WHERE member_number = ?1",
        [number],
        |r| r.get(0),
    )?)
}

/// One fee paid.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Fee {
    pub member: i64,
    pub offer: String,
    pub amount: Money,
    pub paid_on: String,
    pub valid_from: String,
    pub valid_until: String,
    /// The journal's proof; `None` for an imported fee.
    pub document_id: Option<i64>,
}

pub fn add_fee(tx: &Tx, fee: &Fee) -> Result<()> {
    add_fee_keyed(tx, fee, None)
}

/// Adds a fee imported from another tool under `import_key`.
pub fn add_fee_keyed(tx: &Tx, fee: &Fee, import_key: Option<&str>) -> Result<()> {
    tx.conn().execute(
        "INSERT INTO membership (member_number, offer_label, amount, paid_on, valid_from,
             valid_until, document_id, source, import_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            fee.member,
            fee.offer,
            fee.amount.cents(),
            fee.paid_on,
            fee.valid_from,
            fee.valid_until,
            fee.document_id,
            if fee.document_id.is_some() {
                "till"
            } else {
                "import"
            },
            import_key
        ],
    )?;
    Ok(())
}

/// The fees member `number` paid, oldest first.
pub fn fees_of(tx: &Tx, number: i64) -> Result<Vec<Fee>> {
    fees_of_members(tx, &[number])
}

/// The fees of each of `numbers`, in one query: by member, oldest first.
pub fn fees_of_members(tx: &Tx, numbers: &[i64]) -> Result<Vec<Fee>> {
    let list = serde_json::to_string(numbers).unwrap_or_else(|_| "[]".to_owned());
    let mut stmt = tx.conn().prepare_cached(
        "SELECT member_number, offer_label, amount, paid_on, valid_from, valid_until,
                document_id
         FROM membership WHERE member_number IN (SELECT value FROM json_each(?1))
         ORDER BY member_number, valid_from, id",
    )?;
    let rows = stmt.query_map([list], |r| {
        Ok(Fee {
            member: r.get(0)?,
            offer: r.get(1)?,
            amount: Money::from_cents(r.get(2)?),
            paid_on: r.get(3)?,
            valid_from: r.get(4)?,
            valid_until: r.get(5)?,
            document_id: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Anonymises member `number`: every personal field emptied, the row kept (its number
/// stays taken and the fees, which the journal's proofs name by number, stay counted).
pub fn erase(tx: &Tx, number: i64, at: &str) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE member SET last_name = '', first_name = '', organisation = '', address = '',
             postcode = '', town = '', email = NULL, phone = NULL, consent = 0, notes = '',
             search_key = '', import_key = NULL, erased_at = ?2
         WHERE number = ?1 AND erased_at IS NULL",
        params![number, at],
    )?;
    found(changed, Msg::ThingMember)?;
    tx.conn().execute(
        "UPDATE donation SET donor_name = '', donor_address = '' WHERE member_number = ?1",
        [number],
    )?;
    Ok(())
}
