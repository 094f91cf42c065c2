//! A manager's authority at the till (a PIN typed on the cashier's screen), and what it
//! opens: refunds (find the ticket by number, choose lines, cash or voucher), the drawer
//! without a sale, and the Z.

use super::super::keys::Action;
use super::super::theme;
use super::super::view::{Cx, Effect};
use super::{Mode, Purpose, TillView, effect_of, report};
use crate::i18n::Msg;
use crate::ops;
use crate::ops::till::{self, SoldLine};
use crate::print::Slip;
use crate::storage::users::User;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

pub struct Authorise {
    pub purpose: Purpose,
    pub selected: usize,
    pub pin: String,
}

impl Authorise {
    pub fn new(purpose: Purpose) -> Authorise {
        Authorise {
            purpose,
            selected: 0,
            pin: String::new(),
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, managers: &[User]) {
        let what = match self.purpose {
            Purpose::Refund => Msg::KeyRefund,
            Purpose::Drawer => Msg::KeyDrawer,
            Purpose::Training => Msg::KeyTraining,
            Purpose::Close => Msg::KeyZClose,
        };
        let names: Vec<Span> = managers
            .iter()
            .enumerate()
            .flat_map(|(i, m)| {
                let style = if i == self.selected {
                    theme::selected()
                } else {
                    theme::value()
                };
                [Span::styled(format!(" {} ", m.name), style), Span::raw(" ")]
            })
            .collect();
        let lines = vec![
            Line::styled(Msg::TillManagerNeeded.fill(&[&what.text()]), theme::title()),
            Line::from(""),
            Line::from(names),
            Line::from(""),
            Line::from(vec![
                Span::styled(format!("{} › ", Msg::TillPin.text()), theme::label()),
                Span::raw("•".repeat(self.pin.chars().count())),
            ]),
        ];
        frame.render_widget(Paragraph::new(lines).block(Block::bordered()), area);
    }
}

/// Lines of a ticket to refund, and which are chosen.
pub struct Choice {
    pub series: String,
    pub number: i64,
    pub lines: Vec<SoldLine>,
    /// How many of each line to give back (0: not chosen). Space chooses all that is
    /// left; a digit typed sets how many.
    pub chosen: Vec<i64>,
    pub selected: usize,
    pub pay: till::RefundPay,
    /// Which of [`REFUND_REASONS`] (←→).
    pub reason: usize,
}

/// Why goods come back, as the till offers it.
pub const REFUND_REASONS: [Msg; 4] = [
    Msg::RefundReasonFaulty,
    Msg::RefundReasonUnsuitable,
    Msg::RefundReasonTillError,
    Msg::RefundReasonGoodwill,
];

impl Choice {
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let items: Vec<ListItem> = self
            .lines
            .iter()
            .zip(&self.chosen)
            .map(|(l, chosen)| {
                let mark = match *chosen {
                    0 => "[ ]".to_owned(),
                    n if n == l.quantity - l.refunded && n == 1 => "[x]".to_owned(),
                    n => format!("[{n}]"),
                };
                let done = if l.refunded >= l.quantity {
                    format!("  {}", Msg::TillAlreadyRefunded.text())
                } else {
                    String::new()
                };
                ListItem::new(format!(
                    "{mark} {:<30.30} {:>3} {:>10}{done}",
                    l.label,
                    l.quantity,
                    l.total.to_string()
                ))
            })
            .collect();
        let how = self.pay.label();
        let title = Msg::TillRefundTitle.fill(&[&self.series, &self.number, &how.text()]);
        let reason = REFUND_REASONS[self.reason % REFUND_REASONS.len()].text();
        let title = format!("{title} — ◀ {reason} ▶");
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(Block::bordered().title(format!(" {title} ")))
                .highlight_style(theme::selected()),
            area,
            &mut state,
        );
    }
}

pub fn render_find(frame: &mut Frame, area: Rect, input: &str) {
    let lines = vec![
        Line::styled(Msg::TillRefundFind.text(), theme::title()),
        Line::from(""),
        Line::from(vec![
            Span::styled("› ", theme::title()),
            Span::raw(format!("{input}▏")),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(Block::bordered()),
        area,
    );
}

impl TillView {
    pub(super) fn handle_authorise(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let count = self.managers.len().max(1);
        let Mode::Authorise(auth) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Left => auth.selected = (auth.selected + count - 1) % count,
            Action::Right => auth.selected = (auth.selected + 1) % count,
            Action::Input(c) if c.is_ascii_digit() && auth.pin.len() < 8 => auth.pin.push(c),
            Action::Erase => {
                auth.pin.pop();
            }
            Action::Back => self.mode = Mode::Selling,
            Action::Submit => {
                let Some(manager) = self.managers.get(auth.selected) else {
                    return Effect::Error(Msg::TillNoManager.text().to_owned());
                };
                let pin = std::mem::take(&mut auth.pin);
                let purpose = auth.purpose;
                let key = cx.key.cloned();
                let session = ops::auth::login_at(
                    cx.store,
                    manager.id,
                    &pin,
                    cx.now,
                    key,
                    self.terminal.as_str(),
                );
                return effect_of(session, |session| {
                    self.manager = Some(session);
                    self.authorised(purpose, cx)
                });
            }
            _ => {}
        }
        Effect::None
    }

    fn authorised(&mut self, purpose: Purpose, cx: &mut Cx) -> Effect {
        match purpose {
            Purpose::Refund => {
                self.input.clear();
                self.mode = Mode::RefundFind;
                Effect::None
            }
            Purpose::Drawer => {
                self.mode = Mode::Movement(super::movement::Movement::drawer());
                Effect::None
            }
            Purpose::Training => {
                self.mode = Mode::Selling;
                let Some(manager) = self.manager.take() else {
                    return Effect::None;
                };
                effect_of(till::set_training(cx.store, &manager, true, cx.now), |()| {
                    self.training = true;
                    Effect::Info(Msg::TillTrainingOn.text().to_owned())
                })
            }
            Purpose::Close => {
                let result = self
                    .context(cx)
                    .and_then(|ctx| till::x_report(cx.store, &ctx));
                effect_of(result, |(figures, _)| {
                    self.mode = Mode::Closing(report::Closing::new(figures));
                    Effect::None
                })
            }
        }
    }

    pub(super) fn handle_refund_find(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Input(c) => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Back => {
                self.input.clear();
                self.manager = None;
                self.mode = Mode::Selling;
            }
            Action::Submit => {
                // What was typed stays until a ticket is found.
                let text = self.input.trim().to_owned();
                let (series, number) = match text.rsplit_once(' ') {
                    Some((series, number)) => {
                        (series.trim().to_owned(), number.trim().parse().ok())
                    }
                    None => (format!("{}/T", self.terminal), text.parse().ok()),
                };
                let Some(number) = number else {
                    return Effect::Error(Msg::TillTypeTicketNumber.text().to_owned());
                };
                let effect = self.choose_refund_lines(series, number, cx);
                if matches!(self.mode, Mode::RefundLines(_)) {
                    self.input.clear();
                }
                return effect;
            }
            _ => {}
        }
        Effect::None
    }

    /// Opens the lines of ticket `series` n° `number` for choosing.
    pub(super) fn choose_refund_lines(
        &mut self,
        series: String,
        number: i64,
        cx: &mut Cx,
    ) -> Effect {
        let found = till::ticket_lines(cx.store, &series, number)
            .and_then(|lines| Ok((lines, till::default_refund_pay(cx.store, &series, number)?)));
        effect_of(found, |(lines, pay)| {
            let chosen = vec![0; lines.len()];
            self.mode = Mode::RefundLines(Choice {
                series,
                number,
                lines,
                chosen,
                selected: 0,
                pay,
                reason: 0,
            });
            Effect::None
        })
    }

    pub(super) fn handle_refund_lines(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::RefundLines(choice) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Up => choice.selected = choice.selected.saturating_sub(1),
            Action::Down => {
                choice.selected = (choice.selected + 1).min(choice.lines.len().saturating_sub(1))
            }
            Action::Toggle => {
                let left = choice
                    .lines
                    .get(choice.selected)
                    .map_or(0, |l| (l.quantity - l.refunded).max(0));
                if let Some(c) = choice.chosen.get_mut(choice.selected) {
                    *c = if *c == 0 { left } else { 0 };
                }
            }
            Action::Input(d) if d.is_ascii_digit() => {
                // Part of a line: how many of it come back.
                let left = choice
                    .lines
                    .get(choice.selected)
                    .map_or(0, |l| (l.quantity - l.refunded).max(0));
                let digit = i64::from(d as u8 - b'0');
                if let Some(c) = choice.chosen.get_mut(choice.selected) {
                    let more = *c * 10 + digit;
                    *c = if more <= left { more } else { digit.min(left) };
                }
            }
            Action::ChangeAsVoucher => choice.pay = choice.pay.next(),
            Action::Right => choice.reason = (choice.reason + 1) % REFUND_REASONS.len(),
            Action::Left => {
                choice.reason = (choice.reason + REFUND_REASONS.len() - 1) % REFUND_REASONS.len()
            }
            Action::Back => {
                self.manager = None;
                self.mode = Mode::Selling;
            }
            Action::Pay => {
                let chosen: Vec<(usize, i64)> = choice
                    .chosen
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(i, c)| (i, *c))
                    .collect();
                if chosen.is_empty() {
                    return Effect::Error(Msg::TillChooseLines.text().to_owned());
                }
                let (series, number, pay) = (choice.series.clone(), choice.number, choice.pay);
                let reason = REFUND_REASONS[choice.reason % REFUND_REASONS.len()].text();
                let Some(manager) = self.manager.clone() else {
                    return Effect::Error(Msg::TillManagerNeeded.fill(&[&Msg::KeyRefund.text()]));
                };
                let result = self.context(cx).and_then(|ctx| {
                    let key = Self::key(cx)?.clone();
                    till::refund(
                        cx.store, &manager, &key, &ctx, &series, number, &chosen, pay, reason,
                    )
                });
                return effect_of(result, |sale| {
                    self.manager = None;
                    self.mode = Mode::Selling;
                    let mut problems: Vec<String> = Vec::new();
                    problems.extend(Self::print_document(cx, &sale.doc.series, sale.doc.number));
                    if let Some((code, amount)) = &sale.voucher {
                        problems.extend(Self::print_voucher(cx, &sale.doc, code, *amount));
                    } else if pay == till::RefundPay::Cash {
                        let pulse = Slip {
                            open_drawer: true,
                            ..Slip::default()
                        };
                        problems.extend(Self::print(cx, Msg::TillDrawer.text(), &pulse));
                    }
                    let text =
                        Msg::TillRefunded.fill(&[&sale.doc.series, &sale.doc.number, &sale.total]);
                    match problems.first() {
                        Some(p) => Effect::Error(format!("{text} — {p}")),
                        None => Effect::Info(text),
                    }
                });
            }
            _ => {}
        }
        Effect::None
    }
}
