//! Colours and emphasis, few and strong: the screen must read on a cheap monitor and over
//! SSH in 16 colours.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn status() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}

pub fn help_key() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD)
}

pub fn help_label() -> Style {
    Style::new()
}

pub fn label() -> Style {
    Style::new()
}

pub fn value() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn focus() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn error() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn info() -> Style {
    Style::new().fg(Color::Black).bg(Color::Green)
}

/// A row of choices (the payment methods), the chosen one highlighted.
pub fn choices<'a>(
    labels: impl Iterator<Item = &'a str>,
    chosen: usize,
) -> Vec<ratatui::text::Span<'static>> {
    labels
        .enumerate()
        .flat_map(|(i, label)| {
            let style = if i == chosen { selected() } else { value() };
            [
                ratatui::text::Span::styled(format!(" {label} "), style),
                ratatui::text::Span::raw(" "),
            ]
        })
        .collect()
}
