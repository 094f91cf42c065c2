//! Paying at the café: everything left, the lines chosen with F5, or one of N equal
//! parts; one or several methods (an amount below what is due keeps the rest to pay by
//! another method), cash change. A payment of 25 € or more prints its ticket at once (a
//! note is due to the customer from that amount, arrêté 83-50/A); below, on request.

use super::{CafeView, Mode, label_of, print_document};
use crate::domain::{Money, PaymentKind};
use crate::i18n::Msg;
use crate::ops::cafe::{self as orders, Portion};
use crate::ops::till::Payment;
use crate::ops::till::Scanned;
use crate::tui::keys::{Action, Binding, bind};
use crate::tui::theme;
use crate::tui::view::{Cx, Effect};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line as TextLine;
use ratatui::widgets::{Block, Paragraph};

/// From this amount TTC a customer is given a note without asking (arrêté n° 83-50/A
/// du 3 octobre 1983, art. 1).
pub const NOTE_THRESHOLD: Money = Money::from_cents(2_500);

pub(super) const BINDINGS: &[Binding] = &[
    bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyValidate)),
    bind(KeyCode::Left, Action::Left, Some(Msg::KeyChange)),
    bind(KeyCode::Right, Action::Right, None),
    bind(KeyCode::Backspace, Action::Erase, None),
    bind(KeyCode::Esc, Action::Back, Some(Msg::KeyCancel)),
];

/// A payment being taken.
pub(super) struct Paying {
    pub order: i64,
    portion: Portion,
    /// What the portion comes to.
    due: Money,
    method: usize,
    /// Amounts already given by other methods, not yet recorded.
    payments: Vec<Payment>,
}

impl Paying {
    pub fn new(order: i64, portion: Portion, due: Money) -> Paying {
        Paying {
            order,
            portion,
            due,
            method: 0,
            payments: Vec::new(),
        }
    }

    fn received(&self) -> Money {
        Money::from_cents(self.payments.iter().map(|p| p.amount.cents()).sum())
    }

    fn left(&self) -> Money {
        Money::from_cents((self.due.cents() - self.received().cents()).max(0))
    }
}

impl CafeView {
    pub(super) fn handle_paying(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let count = self.methods.len().max(1);
        let Mode::Paying(paying) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Left | Action::Right => {
                paying.method = if action == Action::Left {
                    (paying.method + count - 1) % count
                } else {
                    (paying.method + 1) % count
                };
                // A voucher is paid by its code, the other methods by an amount.
                let voucher = self
                    .methods
                    .get(paying.method)
                    .is_some_and(|m| m.kind == PaymentKind::Voucher);
                self.input = if voucher {
                    String::new()
                } else {
                    paying.left().plain()
                };
            }
            Action::Input(c) if self.input.chars().count() < 12 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Back => {
                let order = paying.order;
                self.input.clear();
                self.mode = Mode::Order(order);
            }
            Action::Submit => return self.take(cx),
            _ => {}
        }
        Effect::None
    }

    /// A voucher's code typed or scanned: its balance pays what is left, up to it.
    fn voucher(&mut self, code: &str, cx: &mut Cx) -> Effect {
        let Mode::Paying(paying) = &mut self.mode else {
            return Effect::None;
        };
        match crate::ops::till::scan(cx.store, code, cx.now) {
            Ok(Scanned::Voucher { code, balance }) => {
                let used = balance.min(paying.left());
                if used.is_zero() {
                    return Effect::Error(Msg::TillVoucherNothing.fill(&[&code, &balance]));
                }
                paying.payments.push(Payment {
                    method: PaymentKind::Voucher.default_label(),
                    kind: PaymentKind::Voucher,
                    amount: used,
                    voucher: Some(code.clone()),
                });
                if paying.received() < paying.due {
                    self.input = paying.left().plain();
                    return Effect::Info(Msg::TillVoucherUsed.fill(&[&code, &used, &balance]));
                }
                let (order, portion, payments) = (
                    paying.order,
                    paying.portion.clone(),
                    paying.payments.clone(),
                );
                self.settle(order, &portion, &payments, cx)
            }
            Ok(Scanned::Item(_)) => Effect::Error(Msg::TillFinishPaymentFirst.text().to_owned()),
            Err(e) => Effect::Alert(e.to_string()),
        }
    }

    /// Enter: the amount typed by the chosen method. Short of what is due, it waits for
    /// the rest by another method; at or above, the payment is recorded.
    fn take(&mut self, cx: &mut Cx) -> Effect {
        let Mode::Paying(paying) = &mut self.mode else {
            return Effect::None;
        };
        let Some(method) = self.methods.get(paying.method) else {
            return Effect::None;
        };
        if method.kind == PaymentKind::Voucher {
            let code = std::mem::take(&mut self.input);
            return self.voucher(code.trim(), cx);
        }
        let amount = match Money::parse(&self.input) {
            Ok(amount) if amount.cents() > 0 => amount,
            Ok(_) => return Effect::Error(crate::domain::DomainError::TenderSign.to_string()),
            Err(e) => return Effect::Error(e.to_string()),
        };
        paying.payments.push(Payment {
            method: method.label.to_string(),
            kind: method.kind,
            amount,
            voucher: None,
        });
        if paying.received() < paying.due {
            self.input = paying.left().plain();
            return Effect::None;
        }
        let (order, portion, payments) = (
            paying.order,
            paying.portion.clone(),
            paying.payments.clone(),
        );
        self.settle(order, &portion, &payments, cx)
    }

    fn settle(
        &mut self,
        order: i64,
        portion: &Portion,
        payments: &[Payment],
        cx: &mut Cx,
    ) -> Effect {
        let settled = Self::context(cx).and_then(|(session, ctx, key)| {
            orders::settle(cx.store, &session, &key, &ctx, order, portion, payments)
        });
        let paid = match settled {
            Ok(paid) => paid,
            Err(e) => {
                // Nothing recorded: the amounts are taken again from the start.
                if let Mode::Paying(paying) = &mut self.mode {
                    paying.payments.clear();
                    self.input = paying.due.plain();
                }
                return Effect::Error(e.to_string());
            }
        };
        self.input.clear();
        self.last_paid = Some((paid.doc.series.clone(), paid.doc.number));
        let mut said = if paid.closed {
            self.back_to_list(cx);
            Msg::CafePaid.fill(&[&paid.total, &paid.change])
        } else {
            let _ = self.enter_order(order, cx);
            let due = self.order(order).map_or(Money::ZERO, |o| o.due);
            Msg::CafeStillOpen.fill(&[&paid.total, &paid.change, &due])
        };
        if paid.total >= NOTE_THRESHOLD {
            match print_document(cx, &paid.doc.series, paid.doc.number) {
                None => self.last_paid = None,
                Some(problem) => return Effect::Error(format!("{said} — {problem}")),
            }
        } else {
            said.push_str(&format!(" — F4 : {}", Msg::KeyPrintTicket.text()));
        }
        Effect::Info(said)
    }

    pub(super) fn render_paying(&self, paying: &Paying, frame: &mut Frame, area: Rect) {
        let method = self
            .methods
            .get(paying.method)
            .map_or(String::new(), |m| m.label.to_string());
        let label = self.order(paying.order).map_or(String::new(), label_of);
        let portion = match &paying.portion {
            Portion::All => Msg::CafePortionAll.text().to_owned(),
            Portion::Lines(ids) => Msg::CafePortionLines.fill(&[&ids.len()]),
            Portion::Share { parts } => {
                let done = self
                    .order(paying.order)
                    .and_then(|o| o.split)
                    .map_or(0, |(_, paid)| paid);
                Msg::CafePortionShare.fill(&[&(done + 1), parts])
            }
        };
        let mut text = vec![
            TextLine::styled(format!("{label} — {portion}"), theme::title()),
            TextLine::raw(format!("{:<14} {}", Msg::CafeDue.text(), paying.due)),
        ];
        for p in &paying.payments {
            text.push(TextLine::raw(format!(
                "{:<14} {} {}",
                Msg::CafePayments.text(),
                p.amount,
                p.method
            )));
        }
        if !paying.payments.is_empty() {
            text.push(TextLine::styled(
                format!("{:<14} {}", Msg::CafeLeft.text(), paying.left()),
                theme::title(),
            ));
        }
        text.push(TextLine::raw(""));
        text.push(TextLine::raw(format!(
            "{:<14} ◀ {method} ▶",
            Msg::CafeMethod.text()
        )));
        text.push(TextLine::raw(format!(
            "{:<14} {}▏ €",
            Msg::CafeAmount.text(),
            self.input
        )));
        frame.render_widget(
            Paragraph::new(text)
                .block(Block::bordered().title(format!(" {} ", Msg::CafePayTitle.text()))),
            area,
        );
    }
}
