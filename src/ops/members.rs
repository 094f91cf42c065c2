//! The member register and what a till does with it: register a member (any till, the
//! duplicates flagged), find one by number, name, email or card, the fee offers, a fee
//! or a donation made ready for the ticket, and — inside the sale's transaction — the
//! fees and donations recorded beside the journal's proofs that took their money.

use super::{OpsError, Result, Session};
use crate::domain::member::{self, Offer, Standing};
use crate::domain::{
    Contribution, ContributionKind, Donor, Ean13, Money, PaymentKind, Role, Tender, limits,
};
use crate::i18n::Msg;
use crate::journal::{self, Context, DocRef, InstallationKey, ProofKind};
use crate::storage::donations::Donation;
use crate::storage::members::{self as store_members, Fee, Member};
use crate::storage::{Store, Timestamp, Tx};
use chrono::NaiveDate;

/// Who may take a member's details: whoever works at a till, or a manager.
fn require_staff(session: &Session) -> Result<()> {
    session.require_any(&[Role::Cashier, Role::Cafe, Role::Manager])
}

/// Refuses a member without a name or with an email that is not one; trims the rest.
pub fn checked(mut m: Member) -> Result<Member> {
    for field in [
        &mut m.last_name,
        &mut m.first_name,
        &mut m.organisation,
        &mut m.town,
        &mut m.address,
        &mut m.postcode,
        &mut m.notes,
    ] {
        *field = field.trim().to_owned();
    }
    m.email = m
        .email
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty());
    m.phone = m
        .phone
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty());
    if m.last_name.is_empty() && m.organisation.is_empty() {
        return Err(OpsError::Refused(
            Msg::ErrMemberNameNeeded.text().to_owned(),
        ));
    }
    if let Some(email) = &m.email {
        let ok = email
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        if !ok || email.contains(' ') {
            return Err(OpsError::Refused(Msg::ErrMemberEmail.fill(&[email])));
        }
    }
    m.kind = member::MemberKind::parse(&m.kind)?.code().to_owned();
    Ok(m)
}

/// Registers a member; returns the number and the members it may duplicate (same name
/// and town, or same email) — flagged, not refused: two Marie Martin may live in Lyon.
pub fn register(
    store: &mut Store,
    session: &Session,
    m: Member,
    now: Timestamp,
) -> Result<(i64, Vec<Member>)> {
    require_staff(session)?;
    let mut m = checked(m)?;
    if m.joined_on.is_empty() {
        m.joined_on = now.date_naive().to_string();
    }
    let at = now.to_rfc3339();
    store.write(|tx| {
        let twins = store_members::duplicates(tx, &m)?;
        let number = store_members::insert(tx, &m, None, &at)?;
        Ok::<_, OpsError>((number, twins))
    })
}

/// Saves the register's row of member `m.number`.
pub fn update(store: &mut Store, session: &Session, m: Member) -> Result<Vec<Member>> {
    require_staff(session)?;
    let m = checked(m)?;
    store.write(|tx| {
        store_members::update(tx, &m)?;
        Ok::<_, OpsError>(store_members::duplicates(tx, &m)?)
    })
}

pub fn get(store: &mut Store, number: i64) -> Result<Member> {
    Ok(store.read(|tx| store_members::get(tx, number))?)
}

/// Members found by a number, an email, the start of a name, or a card's code.
pub fn find(store: &mut Store, words: &str) -> Result<Vec<Member>> {
    let words = words.trim();
    if let Ok(code) = Ean13::parse(words)
        && code.kind() == Some(crate::domain::CodeKind::MemberCard)
    {
        let number = i64::try_from(code.serial()).unwrap_or(0);
        return Ok(store.read(|tx| store_members::search(tx, &number.to_string(), 1))?);
    }
    Ok(store.read(|tx| store_members::search(tx, words, 50))?)
}

/// The register's opening list: the `limit` members registered last.
pub fn latest(store: &mut Store, limit: usize) -> Result<Vec<Member>> {
    Ok(store.read(|tx| store_members::latest(tx, limit))?)
}

/// The fees member `number` paid, oldest first.
pub fn fees_of(store: &mut Store, number: i64) -> Result<Vec<Fee>> {
    Ok(store.read(|tx| store_members::fees_of(tx, number))?)
}

/// The fees each of `numbers` paid (a list on screen), read at once, oldest first.
pub fn fees_of_members(store: &mut Store, numbers: &[i64]) -> Result<Vec<Fee>> {
    Ok(store.read(|tx| store_members::fees_of_members(tx, numbers))?)
}

/// What member `number`'s card says, as the register holds it now.
pub fn card(store: &mut Store, number: i64) -> Result<crate::print::member_card::Card> {
    let m = get(store, number)?;
    if m.erased {
        return Err(OpsError::Refused(Msg::ErrMemberErased.fill(&[&number])));
    }
    let structure = store
        .read(crate::storage::structure::get)?
        .map(|s| s.identity.name.to_string())
        .unwrap_or_default();
    Ok(crate::print::member_card::Card {
        structure,
        name: m.display_name(),
        number,
        valid_until: m
            .valid_until
            .as_deref()
            .and_then(parse_day)
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        code: member::card_code(number)?.to_string(),
    })
}

/// A member card scanned: the member and where they stand on `today`.
pub fn scan_card(store: &mut Store, code: &str, today: NaiveDate) -> Result<(Member, Standing)> {
    let code = Ean13::parse(code)?;
    let number = i64::try_from(code.serial()).unwrap_or(0);
    let unknown = || OpsError::Refused(Msg::ErrCardUnknown.fill(&[&code, &number]));
    if code.kind() != Some(crate::domain::CodeKind::MemberCard) {
        return Err(unknown());
    }
    let m = store
        .read(|tx| store_members::get(tx, number))
        .map_err(|_| unknown())?;
    if m.erased {
        return Err(OpsError::Refused(Msg::ErrMemberErased.fill(&[&number])));
    }
    let until = m.valid_until.as_deref().and_then(parse_day);
    Ok((m, Standing::on(today, until)))
}

pub(crate) fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The fee offers; `active_only` for a till.
pub fn offers(store: &mut Store, active_only: bool) -> Result<Vec<Offer>> {
    let all = store.read(crate::storage::member_offers::offers)?;
    Ok(all
        .into_iter()
        .filter(|o| o.active || !active_only)
        .collect())
}

/// Adds (id 0) or changes a fee offer: managers only.
pub fn save_offer(store: &mut Store, session: &Session, offer: &Offer) -> Result<i64> {
    session.require(Role::Manager)?;
    if offer.label.trim().is_empty() {
        return Err(crate::domain::DomainError::NameEmpty.into());
    }
    if let Some(amount) = offer.amount {
        limits::check_amount(&offer.label, amount, limits::MAX_TICKET)?;
    }
    Ok(store.write(|tx| crate::storage::member_offers::save_offer(tx, offer))?)
}

/// A fee of `offer` for member `number`, paid on `today`, ready for the ticket: its
/// amount checked (fixed, or prix libre above its minimum) and the days it covers
/// following on from the current membership.
pub fn fee(
    store: &mut Store,
    number: i64,
    offer: &Offer,
    typed: Option<Money>,
    today: NaiveDate,
) -> Result<Contribution> {
    let amount = offer.fee(typed)?;
    limits::check_amount(&offer.label, amount, limits::MAX_TICKET)?;
    let m = get(store, number)?;
    if m.erased {
        return Err(OpsError::Refused(Msg::ErrMemberErased.fill(&[&number])));
    }
    let current = m.valid_until.as_deref().and_then(parse_day);
    let (from, until) = offer.validity.period(today, current);
    Ok(Contribution {
        kind: ContributionKind::Fee,
        member: Some(number),
        amount,
        label: Msg::MemberTicketLine.fill(&[&number, &offer.label]),
        offer: Some(offer.label.clone()),
        valid_from: Some(from.to_string()),
        valid_until: Some(until.to_string()),
        donor: None,
        receipt: false,
    })
}

/// A donation of `amount` from a member or a named donor, ready for the ticket.
pub fn donation(member: Option<i64>, donor: Option<Donor>, amount: Money) -> Result<Contribution> {
    if amount.cents() <= 0 {
        return Err(crate::domain::DomainError::ContributionAmount(amount).into());
    }
    if amount > limits::MAX_TICKET {
        return Err(OpsError::Refused(
            Msg::ErrDonationTooLarge.fill(&[&amount, &limits::MAX_TICKET]),
        ));
    }
    let label = match member {
        Some(n) => Msg::MemberDonationLineOf.fill(&[&n]),
        None => Msg::MemberDonationLine.text().to_owned(),
    };
    Ok(Contribution {
        kind: ContributionKind::Donation,
        member,
        amount,
        label,
        offer: None,
        valid_from: None,
        valid_until: None,
        donor: donor.filter(|d| !d.name.trim().is_empty()),
        receipt: false,
    })
}

/// Writes each contribution's proof with its share of the payments, and beside it the
/// fee or the donation (not in training). Inside the sale's transaction.
pub(crate) fn append_contributions(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    contributions: &[Contribution],
    shares: &[Vec<Tender>],
) -> Result<Vec<DocRef>> {
    let mut docs = Vec::with_capacity(contributions.len());
    let day = journal::session::current(tx, ctx.terminal.as_str(), ctx.at)?.date;
    for (c, tenders) in contributions.iter().zip(shares) {
        let mut extra = serde_json::Map::new();
        if let Some(n) = c.member {
            extra.insert("member".into(), n.into());
        }
        let kind = match c.kind {
            ContributionKind::Fee => {
                for (name, value) in [
                    ("offer", &c.offer),
                    ("valid_from", &c.valid_from),
                    ("valid_until", &c.valid_until),
                ] {
                    if let Some(v) = value {
                        extra.insert(name.into(), v.clone().into());
                    }
                }
                ProofKind::MembershipFee
            }
            ContributionKind::Donation => ProofKind::Donation,
        };
        let doc = journal::append_proof_with(tx, key, ctx, kind, &c.label, tenders, &extra)?;
        if !ctx.training {
            record(tx, &doc, c, tenders, &day, ctx.at)?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn record(
    tx: &Tx,
    doc: &DocRef,
    c: &Contribution,
    tenders: &[Tender],
    day: &str,
    at: Timestamp,
) -> Result<()> {
    match c.kind {
        ContributionKind::Fee => {
            let (Some(member), Some(from), Some(until)) = (c.member, &c.valid_from, &c.valid_until)
            else {
                return Err(OpsError::Refused(
                    Msg::ErrMemberNameNeeded.text().to_owned(),
                ));
            };
            store_members::add_fee(
                tx,
                &Fee {
                    member,
                    offer: c.offer.clone().unwrap_or_default(),
                    amount: c.amount,
                    paid_on: day.to_owned(),
                    valid_from: from.clone(),
                    valid_until: until.clone(),
                    document_id: Some(doc.id),
                },
            )?;
        }
        ContributionKind::Donation => {
            // The Cerfa asks how the money came: the largest share says it.
            let method = tenders
                .iter()
                .max_by_key(|t| t.amount)
                .map_or(PaymentKind::Cash, |t| t.kind);
            let donor = c.donor.clone().unwrap_or_default();
            let mut donation = Donation {
                id: 0,
                document_id: doc.id,
                member: c.member,
                donor_name: donor.name,
                donor_address: donor.address,
                amount: c.amount,
                day: day.to_owned(),
                method_kind: method.code().to_owned(),
                receipt_id: None,
            };
            donation.id = crate::storage::donations::add_donation(tx, &donation)?;
            if c.receipt {
                super::tax_receipts::issue_in(tx, &[donation], false, at)?;
            }
        }
    }
    Ok(())
}
