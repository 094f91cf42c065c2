//! The drawer without a sale (Ctrl+T), once a manager typed their PIN: opened with a
//! reason, or (←→) money put in, taken out or taken to the bank with its amount and
//! reason. Written as a payment proof the X and the Z count; never takings.

use super::super::keys::Action;
use super::super::theme;
use super::super::view::{Cx, Effect};
use super::{Mode, TillView, effect_of};
use crate::domain::Money;
use crate::i18n::Msg;
use crate::ops::till::{self, CashMove};
use crate::print::Slip;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The form: which movement, the amount typed, the reason typed.
pub struct Movement {
    pub kind: CashMove,
    pub amount: String,
    pub reason: String,
    /// 0 the amount, 1 the reason (a drawer opening has only the reason).
    pub field: usize,
}

impl Movement {
    pub fn drawer() -> Movement {
        Movement {
            kind: CashMove::DrawerOpening,
            amount: String::new(),
            reason: String::new(),
            field: 1,
        }
    }

    fn has_amount(&self) -> bool {
        self.kind != CashMove::DrawerOpening
    }

    fn cycle(&mut self, step: isize) {
        let all = [
            CashMove::DrawerOpening,
            CashMove::CashIn,
            CashMove::CashOut,
            CashMove::BankDeposit,
        ];
        let at = all.iter().position(|k| *k == self.kind).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(all.len() as isize) as usize;
        self.kind = all[next];
        self.field = if self.has_amount() { 0 } else { 1 };
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
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
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{:<10}", mark(1), Msg::TillMoveReason.text()),
                theme::label(),
            ),
            Span::raw(self.reason.clone()),
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
        let Mode::Movement(m) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Left => m.cycle(-1),
            Action::Right => m.cycle(1),
            Action::NextField | Action::Up | Action::Down if m.has_amount() => {
                m.field = 1 - m.field;
            }
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
        let (kind, reason) = (m.kind, m.reason.clone());
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
}
