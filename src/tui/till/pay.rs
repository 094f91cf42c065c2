//! Taking payment: the structure's methods, several on one ticket, the amount tendered
//! and the change in large figures, a voucher scanned to pay or issued instead of
//! change; then validation (the document is written first), the drawer, and the receipt
//! question — default no, automatic for guaranteed goods and vouchers.

use super::super::keys::Action;
use super::super::theme;
use super::super::view::{Cx, Effect};
use super::{Done, Mode, TillView, big, effect_of};
use crate::domain::{Cart, ContributionKind, Money, PaymentKind};
use crate::i18n::Msg;
use crate::ops::till::{self, Payment, Scanned};
use crate::print::Slip;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub struct Pay {
    pub total: Money,
    pub payments: Vec<Payment>,
    /// Index of the chosen method among the active ones.
    pub method: usize,
    pub change_as_voucher: bool,
}

impl Pay {
    pub fn new(total: Money) -> Pay {
        Pay {
            total,
            payments: Vec::new(),
            method: 0,
            change_as_voucher: false,
        }
    }

    fn paid(&self) -> Money {
        self.payments.iter().map(|p| p.amount).sum()
    }

    fn remaining(&self) -> Money {
        Money::from_cents((self.total.cents() - self.paid().cents()).max(0))
    }

    fn change(&self) -> Money {
        Money::from_cents((self.paid().cents() - self.total.cents()).max(0))
    }
}

impl TillView {
    pub(super) fn pay_with_voucher(&mut self, code: &str, cx: &mut Cx) -> Effect {
        let Mode::Paying(pay) = &mut self.mode else {
            return Effect::None;
        };
        match till::scan(cx.store, code, cx.now) {
            Ok(Scanned::Voucher { code, balance }) => {
                let used = balance.min(pay.remaining());
                if used.is_zero() {
                    return Effect::Error(Msg::TillVoucherNothing.fill(&[&code, &balance]));
                }
                pay.payments.push(Payment {
                    method: PaymentKind::Voucher.default_label(),
                    kind: PaymentKind::Voucher,
                    amount: used,
                    voucher: Some(code.clone()),
                });
                Effect::Info(Msg::TillVoucherUsed.fill(&[&code, &used, &balance]))
            }
            Ok(Scanned::Item(_)) => Effect::Error(Msg::TillFinishPaymentFirst.text().to_owned()),
            Err(e) => Effect::Alert(e.to_string()),
        }
    }

    pub(super) fn handle_paying(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let methods = self.methods.len();
        let Mode::Paying(pay) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Left => pay.method = (pay.method + methods.max(1) - 1) % methods.max(1),
            Action::Right => pay.method = (pay.method + 1) % methods.max(1),
            Action::Input(c) if self.input.chars().count() < 20 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Remove => {
                pay.payments.pop();
            }
            Action::ChangeAsVoucher => {
                pay.change_as_voucher = !pay.change_as_voucher;
            }
            Action::Submit => {
                let Some(method) = self.methods.get(pay.method) else {
                    return Effect::Error(Msg::TillNoPaymentMethod.text().to_owned());
                };
                if method.kind == PaymentKind::Voucher {
                    let code = std::mem::take(&mut self.input);
                    return self.pay_with_voucher(code.trim(), cx);
                }
                let amount = if self.input.trim().is_empty() {
                    pay.remaining()
                } else {
                    match Money::parse(&self.input) {
                        Ok(amount) => amount,
                        Err(e) => return Effect::Error(e.to_string()),
                    }
                };
                if amount.is_zero() {
                    return Effect::Error(Msg::TillAlreadyPaid.text().to_owned());
                }
                if method.kind != PaymentKind::Cash && amount > pay.remaining() {
                    return Effect::Error(
                        Msg::ErrTicketChange
                            .fill(&[&Money::from_cents(amount.cents() - pay.remaining().cents())]),
                    );
                }
                pay.payments.push(Payment {
                    method: method.label.to_string(),
                    kind: method.kind,
                    amount,
                    voucher: None,
                });
                self.input.clear();
            }
            Action::Pay => return self.validate(cx),
            Action::Back => {
                self.input.clear();
                self.mode = Mode::Selling;
            }
            _ => {}
        }
        Effect::None
    }

    /// Writes the ticket, then opens the drawer and prints what must be printed.
    fn validate(&mut self, cx: &mut Cx) -> Effect {
        let Mode::Paying(pay) = &self.mode else {
            return Effect::None;
        };
        if pay.paid() < pay.total {
            return Effect::Error(Msg::TillStillDue.fill(&[&pay.remaining()]));
        }
        let result = self.context(cx).and_then(|ctx| {
            let session = Self::session(cx)?.clone();
            let key = Self::key(cx)?.clone();
            till::sell(
                cx.store,
                &session,
                &key,
                &ctx,
                &self.cart,
                &pay.payments,
                pay.change_as_voucher,
            )
        });
        let cash = pay.payments.iter().any(|p| p.kind == PaymentKind::Cash);
        let members: Vec<i64> = self
            .cart
            .contributions
            .iter()
            .filter(|c| c.kind == ContributionKind::Fee)
            .filter_map(|c| c.member)
            .collect();
        effect_of(result, |sale| {
            self.cart = Cart::default();
            self.selected = 0;
            self.input.clear();
            let mut problems = Vec::new();
            // Training mode keeps the real drawer shut.
            if cash && !self.training {
                let drawer = Slip {
                    open_drawer: true,
                    ..Slip::default()
                };
                problems.extend(Self::print(cx, Msg::TillDrawer.text(), &drawer));
            }
            if let Some((code, amount)) = &sale.voucher {
                problems.extend(Self::print_voucher(cx, &sale.doc, code, *amount));
            }
            // A tax receipt asked for with a donation goes to the donor at once.
            problems.extend(super::super::member_forms::print_tax_receipts(
                cx,
                &sale.proofs,
            ));
            let auto = sale.receipt_required;
            if auto {
                problems.extend(Self::print_document(cx, &sale.doc.series, sale.doc.number));
            }
            let text = Msg::TillSold.fill(&[&sale.doc.series, &sale.doc.number, &sale.total]);
            self.mode = Mode::Done(Done { sale, members });
            match problems.first() {
                Some(problem) => Effect::Error(problem.clone()),
                None if auto => Effect::Info(format!("{text} {}", Msg::TillReceiptAuto.text())),
                None => Effect::Info(text),
            }
        })
    }

    pub(super) fn handle_done(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Done(done) = &self.mode else {
            return Effect::None;
        };
        let (series, number, already) = (
            done.sale.doc.series.clone(),
            done.sale.doc.number,
            done.sale.receipt_required,
        );
        match action {
            Action::Yes if !already => {
                self.mode = Mode::Selling;
                match Self::print_document(cx, &series, number) {
                    None => Effect::Info(Msg::TillReceiptPrinted.fill(&[&series, &number])),
                    Some(problem) => Effect::Error(problem),
                }
            }
            Action::Yes | Action::No => {
                self.mode = Mode::Selling;
                Effect::None
            }
            // The card of each member whose fee was paid; the receipt question stays.
            Action::MemberCard => {
                let Mode::Done(done) = &self.mode else {
                    return Effect::None;
                };
                let numbers = done.members.clone();
                let mut printed = Vec::new();
                for number in numbers {
                    let card = match crate::ops::members::card(cx.store, number) {
                        Ok(card) => card,
                        Err(e) => return Effect::Error(e.to_string()),
                    };
                    let slip = crate::print::member_card::slip(&card);
                    if let Some(problem) = Self::print(cx, &card.code, &slip) {
                        return Effect::Error(problem);
                    }
                    printed.push(number.to_string());
                }
                Effect::Info(Msg::CardPrinted.fill(&[&printed.join(", ")]))
            }
            _ => Effect::None,
        }
    }

    pub(super) fn render_paying(&self, frame: &mut Frame, area: Rect, pay: &Pay) {
        let [left, right] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(34)]).areas(area);
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!("{:<14}", Msg::TillDue.text()), theme::label()),
                Span::styled(pay.total.to_string(), theme::title()),
            ]),
            Line::from(""),
        ];
        for p in &pay.payments {
            let code = p
                .voucher
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            lines.push(Line::from(format!(
                "  {:<20} {:>11}{code}",
                p.method,
                p.amount.to_string()
            )));
        }
        lines.push(Line::from(""));
        let methods = theme::choices(self.methods.iter().map(|m| m.label.as_str()), pay.method);
        lines.push(Line::from(methods));
        let prompt = match self.methods.get(pay.method).map(|m| m.kind) {
            Some(PaymentKind::Voucher) => Msg::TillVoucherPrompt.text(),
            _ => Msg::TillAmountPrompt.text(),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{prompt} › "), theme::label()),
            Span::raw(format!("{}▏", self.input)),
        ]));
        if pay.change_as_voucher {
            lines.push(Line::styled(Msg::TillChangeAsVoucher.text(), theme::info()));
        }
        // Wrapped: the payment methods, and a voucher's code, never run off the box.
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .block(Block::bordered().title(format!(" {} ", Msg::TillPayTitle.text()))),
            left,
        );
        let [remaining, change] =
            Layout::vertical([Constraint::Length(5), Constraint::Length(5)]).areas(right);
        frame.render_widget(
            Paragraph::new(big::lines(&big::figures(&pay.remaining().to_string()), "€").to_vec())
                .block(Block::bordered().title(format!(" {} ", Msg::TillRemaining.text()))),
            remaining,
        );
        frame.render_widget(
            Paragraph::new(big::lines(&big::figures(&pay.change().to_string()), "€").to_vec())
                .style(theme::title())
                .block(Block::bordered().title(format!(" {} ", Msg::SlipChange.text()))),
            change,
        );
    }

    pub(super) fn render_done(&self, frame: &mut Frame, area: Rect, done: &Done) {
        let [top, bottom] =
            Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(area);
        frame.render_widget(
            Paragraph::new(big::lines(&big::figures(&done.sale.change.to_string()), "€").to_vec())
                .style(theme::title())
                .block(Block::bordered().title(format!(" {} ", Msg::TillGiveChange.text()))),
            top,
        );
        let mut lines = vec![Line::from(Msg::TillSold.fill(&[
            &done.sale.doc.series,
            &done.sale.doc.number,
            &done.sale.total,
        ]))];
        if let Some((code, amount)) = &done.sale.voucher {
            lines.push(Line::from(Msg::TillVoucherIssued.fill(&[code, amount])));
        }
        lines.push(Line::from(""));
        if done.sale.receipt_required {
            lines.push(Line::styled(Msg::TillReceiptAuto.text(), theme::info()));
        } else {
            lines.push(Line::styled(
                Msg::TillReceiptQuestion.text(),
                theme::title(),
            ));
        }
        frame.render_widget(Paragraph::new(lines).block(Block::bordered()), bottom);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_and_remaining() {
        let mut pay = Pay::new(Money::from_cents(1650));
        assert_eq!(pay.remaining(), Money::from_cents(1650));
        pay.payments.push(Payment {
            method: "Carte".into(),
            kind: PaymentKind::Card,
            amount: Money::from_cents(1000),
            voucher: None,
        });
        pay.payments.push(Payment {
            method: "Espèces".into(),
            kind: PaymentKind::Cash,
            amount: Money::from_cents(1000),
            voucher: None,
        });
        assert_eq!(pay.remaining(), Money::ZERO);
        assert_eq!(pay.change(), Money::from_cents(350));
    }
}
