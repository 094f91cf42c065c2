//! « Adhésion » (Ctrl+A) and « Don » (Ctrl+D) at the till: find the member by number,
//! name, email or card — or create one in three fields (name, first name, town) — choose
//! the offer, and the fee joins the ticket; a donation names its donor (a member's
//! number, or a name and address for the receipt) and may ask for a tax receipt. Both
//! are paid with the ticket, in one payment. A member card scanned on the ticket shows
//! where the member stands and applies the member prices.

use super::super::form::{Field, Form, FormEvent};
use super::super::keys::Action;
use super::super::view::{Cx, Effect};
use super::{Mode, TillView};
use crate::domain::{Donor, Money};
use crate::i18n::Msg;
use crate::ops::{OpsError, members, till};
use crate::storage::members::Member;

/// Which form is open.
pub enum MemberForm {
    Fee(Form, Vec<crate::domain::member::Offer>),
    Donation(Form),
}

const FIND: usize = 0;

impl TillView {
    pub(super) fn open_fee(&mut self, cx: &mut Cx, prefill: &str) -> Effect {
        let offers = match members::offers(cx.store, true) {
            Ok(o) if !o.is_empty() => o,
            Ok(_) => return Effect::Error(Msg::ErrNotFound.fill(&[&Msg::ThingOffer.text()])),
            Err(e) => return Effect::Error(e.to_string()),
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
        self.mode = Mode::Member(MemberForm::Fee(form, offers));
        Effect::None
    }

    pub(super) fn open_donation(&mut self) -> Effect {
        let form = Form::new(
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
        );
        self.mode = Mode::Member(MemberForm::Donation(form));
        Effect::None
    }

    pub(super) fn handle_member(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Member(open) = &mut self.mode else {
            return Effect::None;
        };
        let form = match open {
            MemberForm::Fee(form, _) | MemberForm::Donation(form) => form,
        };
        // F2 validates the form from any field.
        let event = if action == Action::Pay {
            FormEvent::Submit
        } else {
            form.handle(action)
        };
        match event {
            FormEvent::Editing => Effect::None,
            FormEvent::Cancel => {
                self.mode = Mode::Selling;
                Effect::None
            }
            FormEvent::Submit => {
                let result = match open {
                    MemberForm::Fee(form, offers) => fee(form, offers, cx),
                    MemberForm::Donation(form) => donation(form),
                };
                match result {
                    Ok((contribution, said)) => {
                        self.cart.contributions.push(contribution);
                        self.mode = Mode::Selling;
                        Effect::Info(said)
                    }
                    Err((field, e)) => {
                        if let Mode::Member(MemberForm::Fee(form, _) | MemberForm::Donation(form)) =
                            &mut self.mode
                        {
                            form.refuse(field, e.to_string());
                        }
                        Effect::None
                    }
                }
            }
        }
    }

    /// A member card scanned while selling: where the member stands, member prices on
    /// the ticket when valid, the renewal offered when not.
    pub(super) fn member_card(&mut self, code: &str, cx: &mut Cx) -> Effect {
        match members::scan_card(cx.store, code, cx.now.date_naive()) {
            Ok((m, standing)) if standing.is_valid() => {
                let changed = till::apply_member_prices(&mut self.cart, &self.sellables, m.number);
                let mut said = Msg::MemberCardScanned.fill(&[&m.number, &standing.text()]);
                if let Ok(n) = changed
                    && n > 0
                {
                    said = format!("{said} — {}", Msg::MemberPricesApplied.fill(&[&n]));
                }
                Effect::Info(said)
            }
            Ok((m, standing)) => {
                let said = Msg::MemberCardRenew.fill(&[&m.number, &standing.text()]);
                self.open_fee(cx, &m.number.to_string());
                Effect::Alert(said)
            }
            Err(e) => Effect::Alert(e.to_string()),
        }
    }
}

type Refusal = (usize, OpsError);

fn fee(
    form: &Form,
    offers: &[crate::domain::member::Offer],
    cx: &mut Cx,
) -> Result<(crate::domain::Contribution, String), Refusal> {
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

fn donation(form: &Form) -> Result<(crate::domain::Contribution, String), Refusal> {
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
