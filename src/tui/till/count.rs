//! Counting the drawer by denomination — the opening float, and the cash of the Z. Up
//! and down choose a coin or note, digits type how many, the total follows.

use super::super::keys::Action;
use super::super::theme;
use crate::domain::Money;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Euro notes and coins, in cents, largest first.
pub const DENOMINATIONS: [i64; 13] = [
    10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub counts: [i64; 13],
    pub selected: usize,
}

impl Count {
    /// Takes the keys the count uses; `false` for the others.
    pub fn handle(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(DENOMINATIONS.len() - 1),
            Action::Input(c) if c.is_ascii_digit() => {
                let n = &mut self.counts[self.selected];
                let digit = i64::from(c as u8 - b'0');
                if *n < 100_000 {
                    *n = *n * 10 + digit;
                }
            }
            Action::Erase => self.counts[self.selected] /= 10,
            _ => return false,
        }
        true
    }

    pub fn denominations(&self) -> Vec<(Money, i64)> {
        DENOMINATIONS
            .iter()
            .zip(self.counts)
            .filter(|(_, n)| *n != 0)
            .map(|(v, n)| (Money::from_cents(*v), n))
            .collect()
    }

    pub fn total(&self) -> Money {
        Money::from_cents(
            DENOMINATIONS
                .iter()
                .zip(self.counts)
                .map(|(v, n)| v * n)
                .sum(),
        )
    }

    /// The table of denominations, the selected one highlighted.
    pub fn render(&self, frame: &mut Frame, area: Rect, title: &str, focused: bool) {
        let mut lines: Vec<Line> = DENOMINATIONS
            .iter()
            .zip(self.counts)
            .enumerate()
            .map(|(i, (v, n))| {
                let value = Money::from_cents(*v);
                let amount = value.checked_mul(n).unwrap_or(Money::ZERO);
                let text = format!(" {value:>9} × {n:>5} = {amount:>11}");
                if focused && i == self.selected {
                    Line::styled(text, theme::selected())
                } else {
                    Line::from(text)
                }
            })
            .collect();
        lines.push(Line::styled(
            format!(" {:>17}   {:>11}", Msg::TillCounted.text(), self.total()),
            theme::title(),
        ));
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(format!(" {title} "))),
            area,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_by_denomination() {
        let mut count = Count::default();
        for action in [
            Action::Down,
            Action::Down,
            Action::Input('5'),
            Action::Down,
            Action::Input('1'),
            Action::Input('2'),
            Action::Erase,
            Action::Input('4'),
            Action::Up,
        ] {
            assert!(count.handle(action));
        }
        assert!(!count.handle(Action::Submit));
        assert_eq!(count.total(), Money::from_cents(5 * 2_000 + 14 * 1_000));
        assert_eq!(count.selected, 2);
        assert_eq!(
            count.denominations(),
            vec![
                (Money::from_cents(2_000), 5),
                (Money::from_cents(1_000), 14)
            ]
        );
    }
}
