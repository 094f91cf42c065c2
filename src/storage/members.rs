//! The member register, the fee offers, the fees paid and the donations: every SQL
//! statement on them. Personal data lives in `member` (and a non-member donor's name on
//! its donation) only, so an erasure is a few rows to anonymise.

use super::{Result, StorageError, Tx, found};
use crate::domain::member::{MemberKind, Offer, Validity};
use crate::domain::{Money, search_key};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

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
    let (filter, value): (&str, String) = if let Ok(number) = words.parse::<i64>() {
        ("m.number = ?1", number.to_string())
    } else if words.contains('@') {
        ("lower(m.email) = lower(?1)", words.to_owned())
    } else {
        // GLOB is case-sensitive, so SQLite reads the prefix through the index.
        let escaped: String = search_key(words)
            .chars()
            .flat_map(|c| match c {
                '*' | '?' | '[' => vec!['[', c, ']'],
                c => vec![c],
            })
            .collect();
        ("m.search_key GLOB ?1 || '*'", escaped)
    };
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM member m
         WHERE {filter} AND m.erased_at IS NULL
         ORDER BY m.search_key, m.number LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![value, limit], member_from_row)?;
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
    let mut stmt = tx.conn().prepare_cached(
        "SELECT member_number, offer_label, amount, paid_on, valid_from, valid_until,
                document_id
         FROM membership WHERE member_number = ?1 ORDER BY valid_from, id",
    )?;
    let rows = stmt.query_map([number], |r| {
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

fn offer_from_row(r: &rusqlite::Row) -> rusqlite::Result<Offer> {
    let validity: String = r.get(4)?;
    let month: Option<u32> = r.get(5)?;
    Ok(Offer {
        id: r.get(0)?,
        label: r.get(1)?,
        amount: r.get::<_, Option<i64>>(2)?.map(Money::from_cents),
        min_amount: Money::from_cents(r.get(3)?),
        validity: Validity::from_code(&validity, month).map_err(|e| super::bad_value(4, e))?,
        active: r.get(6)?,
    })
}

/// The fee offers, in their order.
pub fn offers(tx: &Tx) -> Result<Vec<Offer>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, label, amount, min_amount, validity, season_month, active
         FROM membership_offer ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], offer_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds an offer (id 0) or changes one.
pub fn save_offer(tx: &Tx, offer: &Offer) -> Result<i64> {
    let month = match offer.validity {
        Validity::Season(m) => Some(m),
        _ => None,
    };
    let values = params![
        offer.label,
        offer.amount.map(Money::cents),
        offer.min_amount.cents(),
        offer.validity.code(),
        month,
        offer.active
    ];
    if offer.id == 0 {
        tx.conn()
            .execute(
                "INSERT INTO membership_offer (label, amount, min_amount, validity, season_month,
                     active, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                         (SELECT ifnull(max(position), 0) + 1 FROM membership_offer))",
                values,
            )
            .map_err(|e| StorageError::unique(e, &offer.label))?;
        return Ok(tx.conn().last_insert_rowid());
    }
    let changed = tx
        .conn()
        .execute(
            "UPDATE membership_offer SET label = ?1, amount = ?2, min_amount = ?3,
                 validity = ?4, season_month = ?5, active = ?6
             WHERE id = ?7",
            params![
                offer.label,
                offer.amount.map(Money::cents),
                offer.min_amount.cents(),
                offer.validity.code(),
                month,
                offer.active,
                offer.id
            ],
        )
        .map_err(|e| StorageError::unique(e, &offer.label))?;
    found(changed, Msg::ThingOffer)?;
    Ok(offer.id)
}

/// A donation of money as recorded beside its proof.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Donation {
    pub id: i64,
    pub document_id: i64,
    pub member: Option<i64>,
    pub donor_name: String,
    pub donor_address: String,
    pub amount: Money,
    pub day: String,
    pub method_kind: String,
    pub receipt_id: Option<i64>,
}

pub fn add_donation(tx: &Tx, d: &Donation) -> Result<i64> {
    tx.conn().execute(
        "INSERT INTO donation (document_id, member_number, donor_name, donor_address, amount,
             day, method_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            d.document_id,
            d.member,
            d.donor_name,
            d.donor_address,
            d.amount.cents(),
            d.day,
            d.method_kind
        ],
    )?;
    Ok(tx.conn().last_insert_rowid())
}

const DONATION_COLUMNS: &str = "id, document_id, member_number, donor_name, donor_address,
    amount, day, method_kind, receipt_id";

fn donation_from_row(r: &rusqlite::Row) -> rusqlite::Result<Donation> {
    Ok(Donation {
        id: r.get(0)?,
        document_id: r.get(1)?,
        member: r.get(2)?,
        donor_name: r.get(3)?,
        donor_address: r.get(4)?,
        amount: Money::from_cents(r.get(5)?),
        day: r.get(6)?,
        method_kind: r.get(7)?,
        receipt_id: r.get(8)?,
    })
}

pub fn donation(tx: &Tx, id: i64) -> Result<Donation> {
    tx.conn()
        .query_row(
            &format!("SELECT {DONATION_COLUMNS} FROM donation WHERE id = ?1"),
            [id],
            donation_from_row,
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingDonation))
}

/// The donation recorded beside proof `document_id`.
pub fn donation_of_document(tx: &Tx, document_id: i64) -> Result<Option<Donation>> {
    Ok(tx
        .conn()
        .query_row(
            &format!("SELECT {DONATION_COLUMNS} FROM donation WHERE document_id = ?1"),
            [document_id],
            donation_from_row,
        )
        .optional()?)
}

/// Member `number`'s donations of `year` (all of them when `None`), oldest first.
pub fn donations_of(tx: &Tx, number: i64, year: Option<i32>) -> Result<Vec<Donation>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {DONATION_COLUMNS} FROM donation
         WHERE member_number = ?1 AND (?2 IS NULL OR substr(day, 1, 4) = printf('%04d', ?2))
         ORDER BY day, id"
    ))?;
    let rows = stmt.query_map(params![number, year], donation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ties donations to the receipt that covers them.
pub fn set_receipt(tx: &Tx, donations: &[i64], receipt: i64) -> Result<()> {
    let mut stmt = tx.conn().prepare_cached(
        "UPDATE donation SET receipt_id = ?2 WHERE id = ?1 AND receipt_id IS NULL",
    )?;
    for id in donations {
        found(stmt.execute(params![id, receipt])?, Msg::ThingDonation)?;
    }
    Ok(())
}

/// A tax receipt as issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub id: i64,
    pub year: i32,
    pub number: i64,
    pub kind: String,
    pub amount: Money,
    pub issued_at: String,
    pub content: String,
    pub reprints: i64,
}

/// Issues receipt number *next* of `year`: the numbering has no gap because the number
/// is read and written in the same write transaction (and is unique per year).
pub fn issue_receipt(
    tx: &Tx,
    year: i32,
    kind: &str,
    amount: Money,
    at: &str,
    content: &dyn Fn(i64) -> String,
) -> Result<Receipt> {
    let number: i64 = tx.conn().query_row(
        "SELECT ifnull(max(number), 0) + 1 FROM tax_receipt WHERE year = ?1",
        [year],
        |r| r.get(0),
    )?;
    let text = content(number);
    tx.conn().execute(
        "INSERT INTO tax_receipt (year, number, kind, amount, issued_at, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![year, number, kind, amount.cents(), at, text],
    )?;
    receipt(tx, tx.conn().last_insert_rowid())
}

pub fn receipt(tx: &Tx, id: i64) -> Result<Receipt> {
    tx.conn()
        .query_row(
            "SELECT id, year, number, kind, amount, issued_at, content, reprints
             FROM tax_receipt WHERE id = ?1",
            [id],
            |r| {
                Ok(Receipt {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    number: r.get(2)?,
                    kind: r.get(3)?,
                    amount: Money::from_cents(r.get(4)?),
                    issued_at: r.get(5)?,
                    content: r.get(6)?,
                    reprints: r.get(7)?,
                })
            },
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingReceipt))
}

/// The receipt n° `number` of `year`.
pub fn receipt_numbered(tx: &Tx, year: i32, number: i64) -> Result<Receipt> {
    let id: i64 = tx
        .conn()
        .query_row(
            "SELECT id FROM tax_receipt WHERE year = ?1 AND number = ?2",
            params![year, number],
            |r| r.get(0),
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingReceipt))?;
    receipt(tx, id)
}

/// Counts a reprint (a duplicate); returns its number among the duplicates.
pub fn count_reprint(tx: &Tx, id: i64) -> Result<i64> {
    found(
        tx.conn().execute(
            "UPDATE tax_receipt SET reprints = reprints + 1 WHERE id = ?1",
            [id],
        )?,
        Msg::ThingReceipt,
    )?;
    Ok(receipt(tx, id)?.reprints)
}

/// When member `number`'s latest tax receipt was issued: the law keeps it six years,
/// and the donor's name with it.
pub fn last_receipt(tx: &Tx, number: i64) -> Result<Option<String>> {
    Ok(tx.conn().query_row(
        "SELECT max(r.issued_at) FROM tax_receipt r JOIN donation d ON d.receipt_id = r.id
         WHERE d.member_number = ?1",
        [number],
        |r| r.get(0),
    )?)
}

/// Member `number`'s tax receipts, as issued.
pub fn receipts_of(tx: &Tx, number: i64) -> Result<Vec<Receipt>> {
    let ids: Vec<i64> = tx
        .conn()
        .prepare_cached(
            "SELECT DISTINCT receipt_id FROM donation
             WHERE member_number = ?1 AND receipt_id IS NOT NULL ORDER BY receipt_id",
        )?
        .query_map([number], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| receipt(tx, id)).collect()
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

/// Sets (or, `None`, takes off) the member price of shop category `name`.
pub fn set_category_member_price(tx: &Tx, name: &str, price: Option<Money>) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE category SET member_price = ?2 WHERE name = ?1",
        params![name, price.map(Money::cents)],
    )?;
    found(changed, Msg::ThingCategory)
}

/// Sets (or takes off) the member price of café product `name`.
pub fn set_product_member_price(tx: &Tx, name: &str, price: Option<Money>) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE menu_product SET member_price = ?2 WHERE name = ?1",
        params![name, price.map(Money::cents)],
    )?;
    found(changed, Msg::ThingProduct)
}

/// The member on café order `order`, if a card was scanned on it.
pub fn order_member(tx: &Tx, order: i64) -> Result<Option<i64>> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT member_number FROM cafe_order WHERE id = ?1",
            [order],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Puts member `number` on café order `order` and gives its lines not yet paid the
/// member price of their product (their supplements kept); returns the lines changed.
pub fn set_order_member(tx: &Tx, order: i64, number: i64) -> Result<usize> {
    found(
        tx.conn().execute(
            "UPDATE cafe_order SET member_number = ?2 WHERE id = ?1 AND closed_at IS NULL",
            params![order, number],
        )?,
        Msg::ThingOrder,
    )?;
    Ok(tx.conn().execute(
        "UPDATE cafe_order_line
            SET unit_price = unit_price - p.price + p.member_price
           FROM menu_product p
          WHERE cafe_order_line.order_id = ?1 AND p.id = cafe_order_line.product_id
            AND p.member_price IS NOT NULL AND p.member_price < p.price
            AND cafe_order_line.paid_by IS NULL AND cafe_order_line.cancelled_at IS NULL
            AND cafe_order_line.unit_price >= p.price",
        [order],
    )?)
}

/// The member price of café product `product`.
pub fn product_member_price(tx: &Tx, product: i64) -> Result<Option<Money>> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT member_price FROM menu_product WHERE id = ?1",
            [product],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten()
        .map(Money::from_cents))
}
