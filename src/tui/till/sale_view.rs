//! What the selling screen shows: the ticket's lines (with their weights, former prices,
//! discounts and guarantees), the input box, the total in large figures, the shortcuts,
//! and the lists that pop over them (a search, the reasons, the parked tickets).

use super::super::theme;
use super::{Found, Mode, REASONS, TillView, big};
use crate::domain::Money;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

impl TillView {
    fn ticket_lines(&self) -> Vec<ListItem<'static>> {
        self.cart
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let total = l.total().unwrap_or(Money::ZERO);
                // A line weighed at the till shows its weight, the whole line's.
                let label = match l.line_weight {
                    Some(weight) => format!("{} · {weight}", l.label),
                    None => l.label.clone(),
                };
                let mut spans = vec![Span::raw(format!(
                    "{:>2} {:<26.26} {:>3} {:>10} {:>10}",
                    i + 1,
                    label,
                    l.quantity,
                    l.unit_price.to_string(),
                    total.to_string()
                ))];
                if let Some(original) = l.original_price {
                    spans.push(Span::styled(
                        format!("  ({})", Msg::SlipWasPrice.fill(&[&original])),
                        theme::dim(),
                    ));
                }
                if !l.discount.is_zero() {
                    spans.push(Span::styled(format!("  -{}", l.discount), theme::dim()));
                }
                if l.guarantee {
                    spans.push(Span::styled(
                        format!("  {}", Msg::TillGuarantee.text()),
                        theme::dim(),
                    ));
                }
                ListItem::new(Line::from(spans))
            })
            .chain(self.cart.contributions.iter().map(|c| {
                // Fees and donations: outside VAT and takings, paid with the ticket.
                ListItem::new(Line::from(Span::styled(
                    format!(
                        "{:>2} {:<26.26} {:>3} {:>10} {:>10}",
                        "+",
                        c.label,
                        1,
                        c.amount.to_string(),
                        c.amount.to_string()
                    ),
                    theme::dim(),
                )))
            }))
            .collect()
    }

    pub(super) fn render_selling(&self, frame: &mut Frame, area: Rect) {
        let [main, side] =
            Layout::horizontal([Constraint::Min(50), Constraint::Length(22)]).areas(area);
        let [lines_area, input_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(main);
        let mut title = if self.parked.is_empty() {
            Msg::TillTicketTitle.text().to_owned()
        } else {
            Msg::TillTicketParkedTitle.fill(&[&self.parked.len()])
        };
        if self.training {
            title = format!("{title} — {}", Msg::SlipTraining.text());
        }
        let header = format!(
            "{:>2} {:<26} {:>3} {:>10} {:>10}",
            "#",
            Msg::TillColItem.text(),
            Msg::TillColQty.text(),
            Msg::TillColPrice.text(),
            Msg::TillColTotal.text()
        );
        let block = Block::bordered().title(format!(" {title} "));
        let inner = block.inner(lines_area);
        frame.render_widget(block, lines_area);
        let [head, list_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(Paragraph::new(header).style(theme::label()), head);
        if self.cart.is_empty() {
            frame.render_widget(
                Paragraph::new(Msg::TillEmptyHint.text())
                    .style(theme::dim())
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                list_area,
            );
        } else {
            let mut state = ListState::default().with_selected(Some(self.selected));
            frame.render_stateful_widget(
                List::new(self.ticket_lines()).highlight_style(theme::selected()),
                list_area,
                &mut state,
            );
        }
        let total = self.cart.due().unwrap_or(Money::ZERO);
        let [typed, figures] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(30)]).areas(input_area);
        let block = Block::bordered().title(format!(" {} ", Msg::TillInputTitle.text()));
        let inner = block.inner(typed);
        frame.render_widget(block, typed);
        let [help, entry] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        // The help wraps in the box; the typed line keeps its end in view, however long.
        frame.render_widget(
            Paragraph::new(Msg::TillInputHelp.text())
                .style(theme::dim())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            help,
        );
        let room = usize::from(entry.width).saturating_sub(3);
        let typed_chars: Vec<char> = self.input.chars().collect();
        let shown: String = typed_chars[typed_chars.len().saturating_sub(room)..]
            .iter()
            .collect();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled("› ", theme::title()),
                Span::raw(format!("{shown}▏")),
            ])),
            entry,
        );
        frame.render_widget(
            Paragraph::new(big::lines(&big::figures(&total.to_string()), "€").to_vec())
                .block(Block::bordered().title(format!(" {} ", Msg::SlipTotal.text()))),
            figures,
        );
        let shortcuts: Vec<Line> = self
            .sellables
            .iter()
            .filter_map(|s| {
                let key = s.shortcut.as_deref()?;
                let price = s
                    .price
                    .map(|p| big::figures(&p.to_string()))
                    .unwrap_or_default();
                // The name takes the price's room when there is no price; a name still too
                // long ends with « … » rather than being cut silently.
                let room = if price.is_empty() { 18 } else { 12 };
                let name = if s.name.chars().count() > room {
                    format!("{}…", s.name.chars().take(room - 1).collect::<String>())
                } else {
                    s.name.clone()
                };
                let mut spans = vec![
                    Span::styled(format!("{key:<2}"), theme::help_key()),
                    Span::raw(format!("{name:<room$}")),
                ];
                if !price.is_empty() {
                    spans.push(Span::styled(format!("{price:>6}"), theme::dim()));
                }
                Some(Line::from(spans))
            })
            .collect();
        frame.render_widget(
            Paragraph::new(shortcuts)
                .block(Block::bordered().title(format!(" {} ", Msg::TillShortcuts.text()))),
            side,
        );
        match &self.mode {
            Mode::Search {
                found, selected, ..
            } => {
                let items: Vec<String> = found
                    .iter()
                    .filter_map(|f| match f {
                        Found::Sellable(i) => self.sellables.get(*i).map(|s| {
                            let price =
                                s.price.map(|p| p.to_string()).unwrap_or_else(|| "—".into());
                            format!("{} ({}) {price}", s.name, s.category)
                        }),
                        Found::Item {
                            code,
                            description,
                            price,
                        } => Some(format!(
                            "{description} · {} · {price}",
                            &code[code.len().saturating_sub(5)..]
                        )),
                    })
                    .collect();
                popup_list(frame, main, Msg::TillSearchTitle.text(), items, *selected);
            }
            Mode::Reason { selected, .. } => {
                let items = REASONS.iter().map(|r| r.text().to_owned()).collect();
                popup_list(frame, main, Msg::TillReasonTitle.text(), items, *selected);
            }
            Mode::Parked(selected) => {
                let items = self
                    .parked
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        Msg::TillParkedItem.fill(&[
                            &(i + 1),
                            &c.lines.len(),
                            &c.total().unwrap_or(Money::ZERO),
                        ])
                    })
                    .collect();
                popup_list(frame, main, Msg::TillParkedTitle.text(), items, *selected);
            }
            _ => {}
        }
    }
}

/// A list in a box over the middle of `area`.
pub(super) fn popup_list(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<String>,
    selected: usize,
) {
    let popup = super::super::chrome::centred(area, 50, items.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        List::new(items.into_iter().map(ListItem::new).collect::<Vec<_>>())
            .block(Block::bordered().title(format!(" {title} ")))
            .highlight_style(theme::selected())
            .highlight_symbol("▶"),
        popup,
        &mut state,
    );
}
