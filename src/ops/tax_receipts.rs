//! Tax receipts (reçus fiscaux, Cerfa 11580) for donations of money: issued only when
//! the structure says it is d'intérêt général, to an identified donor (name and
//! address), numbered gaplessly per calendar year in the transaction that writes them,
//! frozen once issued (a reprint is a duplicate, counted); one per donation or one
//! yearly receipt gathering a member's donations of a year that have none yet.

use super::{OpsError, Result, Session};
use crate::domain::Role;
use crate::domain::tax_receipt::{Method, ReceiptContent, article};
use crate::i18n::Msg;
use crate::storage::donations::{Donation, Receipt};
use crate::storage::members as store_members;
use crate::storage::structure::{self, ReceiptSettings};
use crate::storage::{Store, Timestamp, Tx};
use chrono::Datelike;

pub fn settings(store: &mut Store) -> Result<ReceiptSettings> {
    Ok(store.read(structure::receipt_settings)?)
}

/// Says whether the structure is d'intérêt général, its purpose and signatory.
pub fn set_settings(store: &mut Store, session: &Session, s: &ReceiptSettings) -> Result<()> {
    session.require(Role::Manager)?;
    Ok(store.write(|tx| structure::set_receipt_settings(tx, s))?)
}

/// Who gave `d`: a member's name and address from the register, or the names typed.
fn donor(tx: &Tx, d: &Donation) -> Result<(String, String, bool)> {
    let (name, address, company) = match d.member {
        Some(number) => {
            let m = store_members::get(tx, number)?;
            let address = [m.address.as_str(), &format!("{} {}", m.postcode, m.town)]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let company = m.kind() == crate::domain::member::MemberKind::PersonneMorale;
            (m.display_name(), address, company)
        }
        None => (d.donor_name.clone(), d.donor_address.clone(), false),
    };
    if name.trim().is_empty() || address.trim().is_empty() {
        return Err(OpsError::Refused(
            Msg::ErrReceiptDonorNeeded.text().to_owned(),
        ));
    }
    Ok((name, address, company))
}

/// Issues one receipt for `donations` (one gift, or a donor's gifts of a year), inside
/// the caller's write transaction.
pub(crate) fn issue_in(
    tx: &Tx,
    donations: &[Donation],
    yearly: bool,
    now: Timestamp,
) -> Result<Receipt> {
    let settings = structure::receipt_settings(tx)?;
    if !settings.general_interest {
        return Err(OpsError::Refused(
            Msg::ErrNotGeneralInterest.text().to_owned(),
        ));
    }
    let first = donations
        .first()
        .ok_or_else(|| OpsError::Refused(Msg::ErrReceiptDonorNeeded.text().to_owned()))?;
    for d in donations {
        if let Some(id) = d.receipt_id {
            let r = crate::storage::donations::receipt(tx, id)?;
            return Err(OpsError::Refused(
                Msg::ErrReceiptAlready.fill(&[&r.reference()]),
            ));
        }
    }
    let (donor_name, donor_address, company) = donor(tx, first)?;
    let identity = structure::get(tx)?
        .ok_or(OpsError::NotInitialised)?
        .identity;
    let amount = donations
        .iter()
        .try_fold(crate::domain::Money::ZERO, |sum, d| {
            sum.checked_add(d.amount)
        })?;
    let mut methods: Vec<Method> = Vec::new();
    for d in donations {
        let m = Method::of_payment(&d.method_kind);
        if !methods.contains(&m) {
            methods.push(m);
        }
    }
    let year = now.year();
    let issued_on = now.date_naive().to_string();
    let template = ReceiptContent {
        year,
        number: 0,
        beneficiary_name: identity.name.to_string(),
        beneficiary_address: format!(
            "{}, {} {}",
            identity.address, identity.postcode, identity.city
        ),
        beneficiary_siret: identity.siret.map(|s| s.to_string()).unwrap_or_default(),
        purpose: settings.purpose,
        donor_name,
        donor_address,
        amount: amount.cents(),
        amount_in_words: String::new(),
        first_day: first.day.clone(),
        last_day: donations
            .last()
            .map_or(first.day.clone(), |d| d.day.clone()),
        yearly,
        methods,
        article: article(company).to_owned(),
        issued_on,
        signatory: settings.signatory,
    }
    .with_words();
    let receipt = crate::storage::donations::issue_receipt(
        tx,
        year,
        if yearly { "yearly" } else { "single" },
        amount,
        &now.to_rfc3339(),
        &|number| {
            let content = ReceiptContent {
                number,
                ..template.clone()
            };
            serde_json::to_string(&content).unwrap_or_default()
        },
    )?;
    let ids: Vec<i64> = donations.iter().map(|d| d.id).collect();
    crate::storage::donations::set_receipt(tx, &ids, receipt.id)?;
    Ok(receipt)
}

/// The receipt's content as issued.
pub fn content(receipt: &Receipt) -> Result<ReceiptContent> {
    serde_json::from_str(&receipt.content)
        .map_err(|e| OpsError::Refused(Msg::ErrPrintRender.fill(&[&e])))
}

/// A receipt for the donation of proof `series` n° `number`.
pub fn issue_for_proof(
    store: &mut Store,
    session: &Session,
    series: &str,
    number: i64,
    now: Timestamp,
) -> Result<ReceiptContent> {
    session.require_any(&[Role::Cashier, Role::Cafe, Role::Manager])?;
    let receipt = store.write(|tx| {
        let doc = crate::storage::journal::find_document(tx, series, number)?;
        let donation = crate::storage::donations::donation_of_document(tx, doc.id)?.ok_or(
            OpsError::Refused(Msg::ErrReceiptDonorNeeded.text().to_owned()),
        )?;
        issue_in(tx, &[donation], false, now)
    })?;
    content(&receipt)
}

/// The yearly receipt of member `member`'s donations of `year` that have none yet.
pub fn issue_yearly(
    store: &mut Store,
    session: &Session,
    member: i64,
    year: i32,
    now: Timestamp,
) -> Result<ReceiptContent> {
    session.require(Role::Manager)?;
    let receipt = store.write(|tx| {
        let open: Vec<Donation> = crate::storage::donations::donations_of(tx, member, Some(year))?
            .into_iter()
            .filter(|d| d.receipt_id.is_none())
            .collect();
        if open.is_empty() {
            return Err(OpsError::Refused(
                Msg::ErrReceiptNothing.fill(&[&member, &year]),
            ));
        }
        issue_in(tx, &open, true, now)
    })?;
    content(&receipt)
}

/// Receipt n° `number` of `year` again, as a duplicate: its content unchanged and the
/// duplicate's number among its reprints.
pub fn reprint(
    store: &mut Store,
    session: &Session,
    year: i32,
    number: i64,
) -> Result<(ReceiptContent, i64)> {
    session.require_any(&[Role::Cashier, Role::Cafe, Role::Manager])?;
    let (receipt, nth) = store.write(|tx| {
        let r = crate::storage::donations::receipt_numbered(tx, year, number)?;
        let nth = crate::storage::donations::count_reprint(tx, r.id)?;
        Ok::<_, OpsError>((r, nth))
    })?;
    Ok((content(&receipt)?, nth))
}

/// The receipt of the donation written by proof `doc_id`, if it has one.
pub fn of_proof(store: &mut Store, doc_id: i64) -> Result<Option<ReceiptContent>> {
    let receipt = store.read(|tx| {
        let Some(d) = crate::storage::donations::donation_of_document(tx, doc_id)? else {
            return Ok::<_, OpsError>(None);
        };
        d.receipt_id
            .map(|id| crate::storage::donations::receipt(tx, id))
            .transpose()
            .map_err(OpsError::from)
    })?;
    receipt.as_ref().map(content).transpose()
}
