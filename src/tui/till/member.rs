//! « Adhésion » (Ctrl+A) and « Don » (Ctrl+D) at the till, through the shared
//! [`MemberForm`]s: the fee or the donation joins the ticket and is paid with it, in one
//! payment. A member card scanned on the ticket shows where the member stands and
//! applies the member prices.

use super::super::keys::Action;
use super::super::member_forms::{MemberForm, Outcome};
use super::super::view::{Cx, Effect};
use super::{Mode, TillView};
use crate::i18n::Msg;
use crate::ops::{members, till};

impl TillView {
    pub(super) fn open_fee(&mut self, cx: &mut Cx, prefill: &str) -> Effect {
        match MemberForm::fee(cx, prefill) {
            Ok(form) => {
                self.mode = Mode::Member(form);
                Effect::None
            }
            Err(e) => Effect::Error(e),
        }
    }

    pub(super) fn open_donation(&mut self) -> Effect {
        self.mode = Mode::Member(MemberForm::donation());
        Effect::None
    }

    pub(super) fn handle_member(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Member(open) = &mut self.mode else {
            return Effect::None;
        };
        match open.handle(action, cx) {
            Outcome::Editing => Effect::None,
            Outcome::Cancel => {
                self.mode = Mode::Selling;
                Effect::None
            }
            Outcome::Done(contribution, said) => {
                self.cart.contributions.push(*contribution);
                self.mode = Mode::Selling;
                Effect::Info(said)
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
