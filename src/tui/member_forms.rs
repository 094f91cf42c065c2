//! « Adhésion » and « Don » as forms, the same at the shop till and at the café: find
//! the member by number, name, email or card — or create one in three fields (name, first
//! name, town) — and choose the offer; or name the donor (a member's number, or a name and
//! address for the receipt) and ask for a tax receipt. What the form gives is a
//! contribution ready for the ticket: the till adds it to its cart, the café sells it
//! alone; either prints the tax receipts its sale issued.

use super::form::{Field, Form, FormEvent};
use super::keys::Action;
use super::view::Cx;
use crate::domain::member::Offer;
use crate::domain::{Contribution, Donor, Money};
use crate::i18n::Msg;
use crate::ops::{OpsError, members};
use crate::storage::members::Member;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Which form is open.
pub enum MemberForm {
    Fee(Form, Vec<Offer>),
    Donation(Form),
}

/// What a key did to the form.
pub enum Outcome {
    Editing,
    Cancel,
    /// The contribution made, and what to say about it.
    Done(Box<Contribution>, String),
}

const FIND: usize = 0;

/// Prints the tax receipt of each of `proofs` that has one (its donor asked for it), at
/// once on the receipt printer; the problems met, to show.
pub fn print_tax_receipts(cx: &mut Cx, proofs: &[crate::journal::DocRef]) -> Vec<String> {
    let mut problems = Vec::new();
    for proof in proofs {
        let receipt = match crate::ops::tax_receipts::of_proof(cx.store, proof.id) {
            Ok(Some(receipt)) => receipt,
            Ok(None) => continue,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let slip = crate::print::tax_receipt::slip(&receipt, None);
        match cx.printer {
            None => problems.push(Msg::TillNoPrinter.text().to_owned()),
            Some(printer) => {
                if let Err(e) = printer.print(&receipt.reference(), &slip) {
                    problems.push(e.to_string());
                }
            }
        }
    }
    problems
}

impl MemberForm {
    /// « Adhésion », the find field filled with `prefill` (a card's number); an error
    /// when no offer is active.
    pub fn fee(cx: &mut Cx, prefill: &str) -> Result<MemberForm, String> {
        let offers = match members::offers(cx.store, true) {
            Ok(o) if !o.is_empty() => o,
            Ok(_) => return Err(Msg::ErrNotFound.fill(&[&Msg::ThingOffer.text()])),
            Err(e) => return Err(e.to_string()),
        };
        let names = offers
            .iter()
            .map(|o| match o.amount {
                Some(a) => format!("{} {a}", o.label),
                None => Msg::OfferFree.fill(&[&o.label, &o.min_amount]),
            })
            .collect();
        let form = Form::new(
            Msg::FormTitleMembership.text(),
            vec![
                Field::text(Msg::FormMemberFind, prefill, 60),
                Field::text(Msg::FormLastName, "", 60),
                Field::text(Msg::FormFirstName, "", 60),
                Field::text(Msg::FormTown, "", 60),
                Field::choice(Msg::FormOffer, names, 0),
                Field::text(Msg::FormAmountFree, "", 12),
            ],
        );
        Ok(MemberForm::Fee(form, offers))
    }

    /// « Don ».
    pub fn donation() -> MemberForm {
        MemberForm::Donation(Form::new(
            Msg::FormTitleDonation.text(),
            vec![
                Field::text(Msg::FormDonor, "", 60),
                Field::text(Msg::FormDonorAddress, "", 80),
                Field::text(Msg::FormDonationAmount, "", 12),
                Field::choice(
                    Msg::KeyReceipt,
                    vec![Msg::No.text().to_owned(), Msg::Yes.text().to_owned()],
                    0,
                ),
            ],
        ))
    }

    fn form_mut(&mut self) -> &mut Form {
        match self {
            MemberForm::Fee(form, _) | MemberForm::Donation(form) => form,
        }
    }

    /// A key on the form: F2 (`Action::Pay`) validates from any field.
    pub fn handle(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let event = if action == Action::Pay {
            FormEvent::Submit
        } else {
            self.form_mut().handle(action)
        };
        match event {
            FormEvent::Editing => Outcome::Editing,
            FormEvent::Cancel => Outcome::Cancel,
            FormEvent::Submit => {
                let result = match self {
                    MemberForm::Fee(form, offers) => fee(form, offers, cx),
                    MemberForm::Donation(form) => donation(form),
                };
                match result {
                    Ok((contribution, said)) => Outcome::Done(Box::new(contribution), said),
                    Err((field, e)) => {
                        self.form_mut().refuse(field, e.to_string());
                        Outcome::Editing
                    }
                }
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
        match self {
            MemberForm::Fee(form, _) | MemberForm::Donation(form) => form.render(frame, area),
        }
    }
}

type Refusal = (usize, OpsError);

fn fee(form: &Form, offers: &[Offer], cx: &mut Cx) -> Result<(Contribution, String), Refusal> {
    let find = form.value(FIND).trim().to_owned();
    let number = if find.is_empty() {
        let session = cx.session.ok_or((FIND, OpsError::NotInitialised))?.clone();
        let (number, twins) = members::register(
            cx.store,
            &session,
            Member {
                kind: "individuel".into(),
                last_name: form.value(1).to_owned(),
                first_name: form.value(2).to_owned(),
                town: form.value(3).to_owned(),
                ..Member::default()
            },
            cx.now,
        )
        .map_err(|e| (1, e))?;
        if !twins.is_empty() {
            tracing::info!(
                number,
                twins = twins.len(),
                "new member with possible duplicates"
            );
        }
        number
    } else {
        let found = members::find(cx.store, &find).map_err(|e| (FIND, e))?;
        match found.as_slice() {
            [one] => one.number,
            [] => return Err((FIND, OpsError::Refused(Msg::MembersNone.text().to_owned()))),
            many => {
                let list: Vec<String> = many
                    .iter()
                    .take(4)
                    .map(|m| Msg::MemberChoice.fill(&[&m.number, &m.display_name()]))
                    .collect();
                return Err((FIND, OpsError::Refused(list.join(" · "))));
            }
        }
    };
    let offer = offers
        .get(form.choice(4))
        .ok_or((4, OpsError::NotInitialised))?;
    let typed = match form.value(5).trim() {
        "" => None,
        t => Some(Money::parse(t).map_err(|e| (5, e.into()))?),
    };
    let c =
        members::fee(cx.store, number, offer, typed, cx.now.date_naive()).map_err(|e| (5, e))?;
    let until = c
        .valid_until
        .as_deref()
        .and_then(crate::ops::members::parse_day)
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    let said = Msg::MemberFeeAdded.fill(&[&c.label, &c.amount, &until]);
    Ok((c, said))
}

fn donation(form: &Form) -> Result<(Contribution, String), Refusal> {
    let who = form.value(0).trim();
    let (member, donor) = match who.parse::<i64>() {
        Ok(n) => (Some(n), None),
        Err(_) => (
            None,
            Some(Donor {
                name: who.to_owned(),
                address: form.value(1).trim().to_owned(),
            }),
        ),
    };
    let amount = Money::parse(form.value(2).trim()).map_err(|e| (2, e.into()))?;
    let mut c = members::donation(member, donor, amount).map_err(|e| (2, e))?;
    c.receipt = form.choice(3) == 1;
    if c.receipt && member.is_none() && (who.is_empty() || form.value(1).trim().is_empty()) {
        return Err((
            0,
            OpsError::Refused(Msg::ErrReceiptDonorNeeded.text().to_owned()),
        ));
    }
    let said = Msg::MemberDonationAdded.fill(&[&amount]);
    Ok((c, said))
}
