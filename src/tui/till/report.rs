//! The X report on screen (and on paper on request), and the Z: count the cash by
//! denomination, type the card and cheque totals from the terminal's slips, see expected
//! against counted with the difference, explain a difference, close the day, print.

use super::super::keys::Action;
use super::super::theme;
use super::super::view::{Cx, Effect, Go};
use super::count::Count;
use super::{Mode, TillView, effect_of};
use crate::domain::{Money, PaymentKind};
use crate::i18n::Msg;
use crate::journal::{CashCount, PeriodFigures};
use crate::ops;
use crate::storage::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

fn figure_lines(f: &PeriodFigures) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(format!(
        "{:<24}{:>12}",
        Msg::SlipTickets.text(),
        f.stats.tickets
    ))];
    for v in &f.vat {
        let label = format!("{} {}", Msg::SlipVat.text(), v.rate);
        lines.push(Line::from(format!("{label:<24}{:>12}", v.ttc.to_string())));
    }
    lines.push(Line::styled(
        format!(
            "{:<24}{:>12}",
            Msg::SlipTotalTtc.text(),
            f.total_ttc().to_string()
        ),
        theme::title(),
    ));
    for (method, amount) in crate::journal::takings_by_method(&f.tenders, f.stats.change_given) {
        lines.push(Line::from(format!(
            "{method:<24}{:>12}",
            amount.to_string()
        )));
    }
    lines.push(Line::from(format!(
        "{:<24}{:>12}",
        Msg::SlipRefunds.fill(&[&f.stats.refunds]),
        f.stats.refunds_total.to_string()
    )));
    lines.push(Line::from(format!(
        "{:<24}{:>12}",
        Msg::SlipDiscounts.text(),
        f.stats.discounts.to_string()
    )));
    lines.push(Line::from(format!(
        "{:<24}{:>12}",
        Msg::SlipChangeGiven.text(),
        f.stats.change_given.to_string()
    )));
    lines.push(Line::styled(
        format!(
            "{:<24}{:>12}",
            Msg::TillExpectedCash.text(),
            f.expected(PaymentKind::Cash).to_string()
        ),
        theme::label(),
    ));
    lines
}

pub struct XView {
    figures: PeriodFigures,
    json: String,
    at: Timestamp,
    /// Grams sold today: weighed, estimated.
    sold: (i64, i64),
}

impl XView {
    pub fn new(figures: PeriodFigures, json: String, at: Timestamp, sold: (i64, i64)) -> XView {
        XView {
            figures,
            json,
            at,
            sold,
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let mut lines = vec![
            Line::styled(Msg::SlipXNotice.text(), theme::dim()),
            Line::from(""),
        ];
        lines.extend(figure_lines(&self.figures));
        let kg = |g: i64| {
            crate::domain::Weight::from_grams(g)
                .map_or_else(|_| "0 g".to_owned(), |w| w.to_string())
        };
        lines.push(Line::from(""));
        lines.push(Line::from(
            Msg::TillSoldWeight.fill(&[&kg(self.sold.0 + self.sold.1), &kg(self.sold.1)]),
        ));
        frame.render_widget(
            Paragraph::new(lines)
                .block(Block::bordered().title(format!(" {} ", Msg::SlipX.text()))),
            area,
        );
    }
}

pub struct Closing {
    figures: PeriodFigures,
    count: Count,
    card: String,
    cheques: String,
    comment: String,
    /// 0 the cash, 1 card, 2 cheques, 3 comment.
    field: usize,
}

impl Closing {
    pub fn new(figures: PeriodFigures) -> Closing {
        Closing {
            figures,
            count: Count::default(),
            card: String::new(),
            cheques: String::new(),
            comment: String::new(),
            field: 0,
        }
    }

    fn declared(text: &str) -> Money {
        if text.trim().is_empty() {
            Money::ZERO
        } else {
            Money::parse(text).unwrap_or(Money::ZERO)
        }
    }

    fn cash_count(&self) -> Result<CashCount, String> {
        let parse = |text: &str| {
            if text.trim().is_empty() {
                Ok(Money::ZERO)
            } else {
                Money::parse(text).map_err(|e| e.to_string())
            }
        };
        Ok(CashCount {
            denominations: self.count.denominations(),
            card_declared: parse(&self.card)?,
            cheques_declared: parse(&self.cheques)?,
            comment: self.comment.trim().to_owned(),
        })
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let [left, right] =
            Layout::horizontal([Constraint::Length(36), Constraint::Min(44)]).areas(area);
        self.count
            .render(frame, left, Msg::TillCountTitle.text(), self.field == 0);
        let rows = [
            (PaymentKind::Cash, self.count.total(), None),
            (
                PaymentKind::Card,
                Self::declared(&self.card),
                Some((1, &self.card)),
            ),
            (
                PaymentKind::Cheque,
                Self::declared(&self.cheques),
                Some((2, &self.cheques)),
            ),
        ];
        let mut lines = vec![Line::styled(
            format!(
                "{:<9}{:>11}{:>11}{:>11}",
                "",
                Msg::TillExpected.text(),
                Msg::TillDeclared.text(),
                Msg::TillDifference.text()
            ),
            theme::label(),
        )];
        for (kind, declared, field) in rows {
            let expected = self.figures.expected(kind);
            let difference = Money::from_cents(declared.cents() - expected.cents());
            let style = if difference.is_zero() {
                theme::value()
            } else {
                theme::error()
            };
            lines.push(Line::styled(
                format!(
                    "{:<9.9}{:>11}{:>11}{:>11}",
                    kind.default_label(),
                    expected.to_string(),
                    declared.to_string(),
                    difference.to_string()
                ),
                style,
            ));
            if let Some((index, text)) = field {
                let style = if self.field == index {
                    theme::focus()
                } else {
                    theme::dim()
                };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!(
                            "  {} › ",
                            Msg::TillDeclaredPrompt.fill(&[&kind.default_label()])
                        ),
                        theme::label(),
                    ),
                    Span::styled(format!("{text}▏"), style),
                ]));
            }
        }
        lines.push(Line::from(""));
        let style = if self.field == 3 {
            theme::focus()
        } else {
            theme::dim()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} › ", Msg::TillComment.text()), theme::label()),
            Span::styled(format!("{}▏", self.comment), style),
        ]));
        frame.render_widget(
            Paragraph::new(lines)
                .block(Block::bordered().title(format!(" {} ", Msg::TillZTitle.text()))),
            right,
        );
    }
}

impl TillView {
    pub(super) fn handle_report(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Report(x) = &self.mode else {
            return Effect::None;
        };
        match action {
            Action::Pay => {
                let slip = crate::print::receipt::x_slip(
                    &x.json,
                    self.terminal.as_str(),
                    &x.at.to_rfc3339(),
                );
                match slip {
                    Ok(slip) => match Self::print(cx, Msg::SlipX.text(), &slip) {
                        None => Effect::Info(Msg::TillXPrinted.text().to_owned()),
                        Some(problem) => Effect::Error(problem),
                    },
                    Err(e) => Effect::Error(e.to_string()),
                }
            }
            Action::Back => {
                self.mode = Mode::Selling;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub(super) fn handle_closing(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Closing(closing) = &mut self.mode else {
            return Effect::None;
        };
        if closing.field == 0 && closing.count.handle(action) {
            return Effect::None;
        }
        let text = match closing.field {
            1 => Some(&mut closing.card),
            2 => Some(&mut closing.cheques),
            3 => Some(&mut closing.comment),
            _ => None,
        };
        match (action, text) {
            (Action::NextField, _) => closing.field = (closing.field + 1) % 4,
            (Action::Down, _) if closing.field > 0 => closing.field = (closing.field + 1) % 4,
            (Action::Up, _) if closing.field > 0 => closing.field -= 1,
            (Action::Input(c), Some(text)) if text.chars().count() < 120 => text.push(c),
            (Action::Erase, Some(text)) => {
                text.pop();
            }
            (Action::Back, _) => {
                self.manager = None;
                self.mode = Mode::Selling;
            }
            (Action::Pay, _) => {
                let count = match closing.cash_count() {
                    Ok(count) => count,
                    Err(problem) => return Effect::Error(problem),
                };
                let Some(manager) = self.manager.clone() else {
                    return Effect::Error(Msg::TillManagerNeeded.fill(&[&Msg::KeyZClose.text()]));
                };
                let result = self.context(cx).and_then(|mut ctx| {
                    ctx.operator = manager.name().to_string();
                    let key = Self::key(cx)?.clone();
                    ops::journal::close_day(cx.store, &manager, &key, &ctx, &count)
                });
                return effect_of(result, |z| {
                    self.manager = None;
                    let text = Msg::TillClosed.fill(&[&z.series, &z.number]);
                    // The day is closed whatever the printer says: back to the home screen.
                    match Self::print_document(cx, &z.series, z.number) {
                        None => Effect::GoToWith(Go::Home, text),
                        Some(problem) => Effect::GoToWith(Go::Home, format!("{text} — {problem}")),
                    }
                });
            }
            _ => {}
        }
        Effect::None
    }
}
