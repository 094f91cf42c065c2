//! Money without a sale (Ctrl+T), once a manager typed their PIN: the drawer opened with
//! a reason, money put in, taken out or taken to the bank with its amount and reason —
//! or (←→ to its kind) a gift voucher sold, with its amount and how it is paid. Each is
//! a payment proof the X and the Z count; never takings. A gift voucher is behind the
//! manager's PIN too: it is money the shop owes, and a voucher issued without the money
//! is the easiest theft at a till.

use super::super::keys::Action;
use super::super::theme;
use super::super::view::{Cx, Effect};
use super::{Mode, TillView, effect_of};
use crate::domain::{Money, PaymentKind};
use crate::i18n::Msg;
use crate::ops::till::{self, CashMove, Payment};
use crate::print::Slip;
use crate::storage::payment_methods::PaymentMethod;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// What the form records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Move(CashMove),
    /// A gift voucher sold.
    Gift,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Move(CashMove::DrawerOpening),
        Kind::Move(CashMove::CashIn),
        Kind::Move(CashMove::CashOut),
        Kind::Move(CashMove::BankDeposit),
        Kind::Gift,
    ];

    fn label(self) -> Msg {
        match self {
            Kind::Move(kind) => kind.label(),
            Kind::Gift => Msg::KeyGiftVoucher,
        }
    }
}

/// The form: which kind, the amount typed, the reason typed (or, for a gift voucher, the
/// payment method chosen).
pub struct Movement {
    pub kind: Kind,
    pub amount: String,
    pub reason: String,
    /// Index among the methods that can pay for a gift voucher.
    pub method: usize,
    /// 0 the amount, 1 the reason or the method (a drawer opening has only the reason).
    pub field: usize,
}

/// The methods a gift voucher can be paid with: any but a voucher.
fn payable(methods: &[PaymentMethod]) -> Vec<&PaymentMethod> {
    methods
        .iter()
        .filter(|m| m.kind != PaymentKind::Voucher)
        .collect()
}

impl Movement {
    pub fn drawer() -> Movement {
        Movement {
            kind: Kind::Move(CashMove::DrawerOpening),
            amount: String::new(),
            reason: String::new(),
            method: 0,
            field: 1,
        }
    }

    fn has_amount(&self) -> bool {
        self.kind != Kind::Move(CashMove::DrawerOpening)
    }

    fn cycle(&mut self, step: isize) {
        let all = Kind::ALL;
        let at = all.iter().position(|k| *k == self.kind).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(all.len() as isize) as usize;
        self.kind = all[next];
        self.field = if self.has_amount() { 0 } else { 1 };
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, methods: &[PaymentMethod]) {
        let mark = |field: usize| if self.field == field { "› " } else { "  " };
        let mut lines = vec![
            Line::styled(format!("◀ {} ▶", self.kind.label().text()), theme::title()),
            Line::styled(Msg::TillMoveKinds.text(), theme::dim()),
        ];
        if self.has_amount() {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{}{:<10}", mark(0), Msg::TillMoveAmount.text()),
                    theme::label(),
                ),
                Span::raw(format!("{} €", self.amount)),
            ]));
        }
        let (label, value) = match self.kind {
            Kind::Gift => {
                let method = payable(methods)
                    .get(self.method)
                    .map_or(String::new(), |m| m.label.to_string());
                (Msg::TillGiftMethod, format!("◀ {method} ▶"))
            }
            Kind::Move(_) => (Msg::TillMoveReason, self.reason.clone()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}{:<10}", mark(1), label.text()), theme::label()),
            Span::raw(value),
        ]));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(format!(" {} ", Msg::TillMoveTitle.text()))),
            area,
        );
    }
}

impl TillView {
    pub(super) fn handle_movement(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let methods = payable(&self.methods).len().max(1);
        let Mode::Movement(m) = &mut self.mode else {
            return Effect::None;
        };
        let choosing_method = m.kind == Kind::Gift && m.field == 1;
        match action {
            Action::Left if choosing_method => m.method = (m.method + methods - 1) % methods,
            Action::Right if choosing_method => m.method = (m.method + 1) % methods,
            Action::Left => m.cycle(-1),
            Action::Right => m.cycle(1),
            Action::NextField | Action::Up | Action::Down if m.has_amount() => {
                m.field = 1 - m.field;
            }
            Action::Input(_) if choosing_method => {}
            Action::Input(c) => {
                let text = if m.field == 0 {
                    &mut m.amount
                } else {
                    &mut m.reason
                };
                if text.chars().count() < 60 {
                    text.push(c);
                }
            }
            Action::Erase => {
                let text = if m.field == 0 {
                    &mut m.amount
                } else {
                    &mut m.reason
                };
                text.pop();
            }
            Action::Back => {
                self.manager = None;
                self.mode = Mode::Selling;
            }
            Action::Pay | Action::Submit => return self.record_movement(cx),
            _ => {}
        }
        Effect::None
    }

    fn record_movement(&mut self, cx: &mut Cx) -> Effect {
        let Mode::Movement(m) = &self.mode else {
            return Effect::None;
        };
        let (kind, reason, method) = (m.kind, m.reason.clone(), m.method);
        let amount = if m.has_amount() {
            match Money::parse(&m.amount) {
                Ok(amount) => amount,
                Err(e) => return Effect::Error(e.to_string()),
            }
        } else {
            Money::ZERO
        };
        let Some(manager) = self.manager.clone() else {
            self.mode = Mode::Selling;
            return Effect::None;
        };
        let kind = match kind {
            Kind::Gift => return self.record_gift(cx, &manager, amount, method),
            Kind::Move(kind) => kind,
        };
        let result = self.context(cx).and_then(|ctx| {
            let key = Self::key(cx)?.clone();
            till::cash_move(cx.store, &manager, &key, &ctx, kind, amount, &reason)
        });
        effect_of(result, |_| {
            self.manager = None;
            self.mode = Mode::Selling;
            let pulse = Slip {
                open_drawer: true,
                ..Slip::default()
            };
            let done = match kind {
                CashMove::DrawerOpening => Msg::TillDrawerOpened.text().to_owned(),
                _ => Msg::TillMoveDone.fill(&[&kind.label().text(), &amount]),
            };
            match Self::print(cx, Msg::TillDrawer.text(), &pulse) {
                None => Effect::Info(done),
                Some(problem) => Effect::Error(format!("{done} — {problem}")),
            }
        })
    }

    /// Sells the gift voucher and prints its slip at once: the customer leaves with it.
    fn record_gift(
        &mut self,
        cx: &mut Cx,
        manager: &crate::ops::Session,
        amount: Money,
        method: usize,
    ) -> Effect {
        let Some(method) = payable(&self.methods).get(method).copied().cloned() else {
            return Effect::Error(Msg::ErrGiftByVoucher.text().to_owned());
        };
        let payment = Payment {
            method: method.label.to_string(),
            kind: method.kind,
            amount,
            voucher: None,
        };
        let result = self.context(cx).and_then(|ctx| {
            let key = Self::key(cx)?.clone();
            till::sell_gift_voucher(cx.store, manager, &key, &ctx, &payment)
        });
        effect_of(result, |(doc, code)| {
            self.manager = None;
            self.mode = Mode::Selling;
            let done = Msg::TillGiftDone.fill(&[&code, &amount]);
            let printed = till::printable(cx.store, &doc.series, doc.number)
                .map_err(|e| e.to_string())
                .and_then(|issued| {
                    crate::print::receipt::gift_voucher_slip(&issued.payload, &code, amount)
                        .map_err(|e| e.to_string())
                })
                .map(|slip| Self::print(cx, &code, &slip));
            match printed {
                Ok(None) => Effect::Info(done),
                Ok(Some(problem)) | Err(problem) => {
                    // The whole reason goes to the log; the line says what matters.
                    tracing::warn!(%problem, "gift voucher slip not printed");
                    Effect::Error(format!("{done} — {}", Msg::TillGiftNotPrinted.text()))
                }
            }
        })
    }
}
