//! Fees and donations at the café, as at the shop till: Ctrl+A « Adhésion » and Ctrl+D
//! « Don » on the list of orders open the shared forms; the contribution is then taken
//! alone, by the method chosen with ←→, as one journal proof (outside takings, inside the
//! cash count), and a tax receipt asked for is printed at once. A member card scanned
//! into an order gives its lines the member prices (expired: the renewal form opens).

use super::super::keys::{self, Action, Binding, bind};
use super::super::member_forms::{MemberForm, Outcome, print_tax_receipts};
use super::super::theme;
use super::super::view::{Cx, Effect};
use super::{CafeView, Mode};
use crate::domain::{Cart, CodeKind, Contribution, Ean13, PaymentKind};
use crate::i18n::Msg;
use crate::ops::cafe as orders;
use crate::ops::till::{self, Payment};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// A fee or a donation waiting for its payment method.
pub(super) struct Taking {
    contribution: Contribution,
    method: usize,
}

pub(super) const FORM_BINDINGS: &[Binding] = &[
    bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyValidate)),
    bind(KeyCode::Tab, Action::NextField, Some(Msg::KeyNextField)),
    keys::LIST[0],
    keys::LIST[1],
    bind(KeyCode::Left, Action::Left, Some(Msg::KeyChange)),
    bind(KeyCode::Right, Action::Right, None),
    bind(KeyCode::Backspace, Action::Erase, None),
    bind(KeyCode::F(2), Action::Pay, Some(Msg::KeyValidate)),
    bind(KeyCode::Esc, Action::Back, Some(Msg::KeyCancel)),
];

pub(super) const TAKING_BINDINGS: &[Binding] = &[
    bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyCollect)),
    bind(KeyCode::Left, Action::Left, Some(Msg::KeyChange)),
    bind(KeyCode::Right, Action::Right, None),
    bind(KeyCode::Esc, Action::Back, Some(Msg::KeyCancel)),
];

impl CafeView {
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
        let Mode::Member(form) = &mut self.mode else {
            return Effect::None;
        };
        match form.handle(action, cx) {
            Outcome::Editing => Effect::None,
            Outcome::Cancel => {
                self.mode = Mode::List;
                Effect::None
            }
            // What the form says ("joins the ticket") is the till's: here the payment
            // screen itself shows what is taken.
            Outcome::Done(contribution, _) => {
                // Cash first, as the till offers it.
                let method = self
                    .methods
                    .iter()
                    .position(|m| m.kind == PaymentKind::Cash)
                    .unwrap_or(0);
                self.mode = Mode::Taking(Taking {
                    contribution: *contribution,
                    method,
                });
                Effect::None
            }
        }
    }

    pub(super) fn handle_taking(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Taking(taking) = &mut self.mode else {
            return Effect::None;
        };
        let count = self.methods.len().max(1);
        match action {
            Action::Left => taking.method = (taking.method + count - 1) % count,
            Action::Right => taking.method = (taking.method + 1) % count,
            Action::Back => self.mode = Mode::List,
            Action::Submit => return self.take_contribution(cx),
            _ => {}
        }
        Effect::None
    }

    /// The contribution alone, paid in full by the chosen method.
    fn take_contribution(&mut self, cx: &mut Cx) -> Effect {
        let Mode::Taking(taking) = &self.mode else {
            return Effect::None;
        };
        let Some(method) = self.methods.get(taking.method).cloned() else {
            return Effect::None;
        };
        let cart = Cart {
            contributions: vec![taking.contribution.clone()],
            ..Cart::default()
        };
        let payment = Payment {
            method: method.label.to_string(),
            kind: method.kind,
            amount: taking.contribution.amount,
            voucher: None,
        };
        let label = taking.contribution.label.clone();
        let sold = Self::context(cx).and_then(|(session, ctx, key)| {
            till::sell(cx.store, &session, &key, &ctx, &cart, &[payment], false)
        });
        let sale = match sold {
            Ok(sale) => sale,
            // Nothing recorded: the method can be changed and Enter pressed again.
            Err(e) => return Effect::Error(e.to_string()),
        };
        self.mode = Mode::List;
        let _ = self.reload(cx);
        let said = Msg::CafeContributionTaken.fill(&[
            &label,
            &sale.due,
            &method.label,
            &sale.doc.series,
            &sale.doc.number,
        ]);
        match print_tax_receipts(cx, &sale.proofs).first() {
            Some(problem) => Effect::Error(format!("{said} — {problem}")),
            None => Effect::Info(said),
        }
    }

    /// A member card typed or scanned into order `id`: member prices when valid, the
    /// renewal form when expired. `None` when `text` is not a member card.
    pub(super) fn member_card(&mut self, id: i64, text: &str, cx: &mut Cx) -> Option<Effect> {
        let code = Ean13::parse(text.trim()).ok()?;
        if code.kind() != Some(CodeKind::MemberCard) {
            return None;
        }
        self.input.clear();
        let scanned = Self::session(cx).and_then(|session| {
            orders::scan_member(cx.store, &session, id, code.as_str(), cx.now.date_naive())
        });
        Some(match scanned {
            Ok((m, standing, changed)) if standing.is_valid() => {
                let _ = self.reload(cx);
                let mut said = Msg::MemberCardScanned.fill(&[&m.number, &standing.text()]);
                if changed > 0 {
                    said = format!("{said} — {}", Msg::MemberPricesApplied.fill(&[&changed]));
                }
                Effect::Info(said)
            }
            Ok((m, standing, _)) => {
                let said = Msg::MemberCardRenew.fill(&[&m.number, &standing.text()]);
                match self.open_fee(cx, &m.number.to_string()) {
                    Effect::Error(e) => Effect::Error(format!("{said} — {e}")),
                    _ => Effect::Alert(said),
                }
            }
            Err(e) => Effect::Alert(e.to_string()),
        })
    }

    pub(super) fn render_taking(&self, taking: &Taking, frame: &mut Frame, area: Rect) {
        let methods = theme::choices(self.methods.iter().map(|m| m.label.as_str()), taking.method);
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("{}  ", taking.contribution.label), theme::label()),
                Span::styled(taking.contribution.amount.to_string(), theme::title()),
            ]),
            Line::from(""),
            Line::from(methods),
            Line::from(""),
            Line::styled(Msg::CafeContributionHint.text(), theme::info()),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .block(Block::bordered().title(format!(" {} ", Msg::TillPayTitle.text()))),
            area,
        );
    }
}
