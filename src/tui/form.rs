//! A form: labelled fields (text, secret PIN, choice, flags) with one focused, edited by
//! the keyboard alone. Validation is not here: the screen that owns the form parses the
//! values with domain types and shows the error on the form, keeping what was typed.

use super::keys::Action;
use super::theme;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

#[derive(Clone, Debug)]
pub enum FieldKind {
    Text {
        value: String,
        max: usize,
    },
    /// Digits only, shown as dots.
    Secret {
        value: String,
        max: usize,
    },
    Choice {
        options: Vec<String>,
        index: usize,
    },
    Flags {
        options: Vec<String>,
        set: Vec<bool>,
        cursor: usize,
    },
}

#[derive(Clone, Debug)]
pub struct Field {
    pub label: Msg,
    pub kind: FieldKind,
}

impl Field {
    pub fn text(label: Msg, value: &str, max: usize) -> Field {
        Field {
            label,
            kind: FieldKind::Text {
                value: value.to_owned(),
                max,
            },
        }
    }

    pub fn secret(label: Msg) -> Field {
        Field {
            label,
            kind: FieldKind::Secret {
                value: String::new(),
                max: 8,
            },
        }
    }

    pub fn choice(label: Msg, options: Vec<String>, index: usize) -> Field {
        let index = index.min(options.len().saturating_sub(1));
        Field {
            label,
            kind: FieldKind::Choice { options, index },
        }
    }

    pub fn flags(label: Msg, options: Vec<String>, set: Vec<bool>) -> Field {
        Field {
            label,
            kind: FieldKind::Flags {
                options,
                set,
                cursor: 0,
            },
        }
    }
}

/// What the form tells its owner after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormEvent {
    Editing,
    Submit,
    Cancel,
}

#[derive(Clone, Debug)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The last refusal, shown under the fields until the next key.
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn handle(&mut self, action: Action) -> FormEvent {
        self.error = None;
        let count = self.fields.len();
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormEvent::Cancel;
        };
        match (action, &mut field.kind) {
            (Action::Submit, _) => return FormEvent::Submit,
            (Action::Back, _) => return FormEvent::Cancel,
            (Action::NextField, _) => self.focus = (self.focus + 1) % count,
            (Action::PrevField, _) => self.focus = (self.focus + count - 1) % count,
            (Action::Input(c), FieldKind::Text { value, max })
                if value.chars().count() < *max && !c.is_control() =>
            {
                value.push(c);
            }
            (Action::Toggle, FieldKind::Text { value, max }) if value.chars().count() < *max => {
                value.push(' ');
            }
            (Action::Input(c), FieldKind::Secret { value, max })
                if value.len() < *max && c.is_ascii_digit() =>
            {
                value.push(c);
            }
            (Action::Erase, FieldKind::Text { value, .. } | FieldKind::Secret { value, .. }) => {
                value.pop();
            }
            (Action::Right | Action::Toggle, FieldKind::Choice { options, index }) => {
                *index = (*index + 1) % options.len().max(1);
            }
            (Action::Left, FieldKind::Choice { options, index }) => {
                let n = options.len().max(1);
                *index = (*index + n - 1) % n;
            }
            (
                Action::Right,
                FieldKind::Flags {
                    options, cursor, ..
                },
            ) => {
                *cursor = (*cursor + 1) % options.len().max(1);
            }
            (
                Action::Left,
                FieldKind::Flags {
                    options, cursor, ..
                },
            ) => {
                let n = options.len().max(1);
                *cursor = (*cursor + n - 1) % n;
            }
            (Action::Toggle, FieldKind::Flags { set, cursor, .. }) => {
                if let Some(flag) = set.get_mut(*cursor) {
                    *flag = !*flag;
                }
            }
            _ => {}
        }
        FormEvent::Editing
    }

    /// The text of field `i` (empty for a choice or flags).
    pub fn value(&self, i: usize) -> &str {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Text { value, .. } | FieldKind::Secret { value, .. }) => value,
            _ => "",
        }
    }

    /// The chosen index of choice field `i`.
    pub fn choice(&self, i: usize) -> usize {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Choice { index, .. }) => *index,
            _ => 0,
        }
    }

    /// The ticked flags of field `i`.
    pub fn flags(&self, i: usize) -> Vec<bool> {
        match self.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Flags { set, .. }) => set.clone(),
            _ => Vec::new(),
        }
    }

    /// Refuses the form with a message and puts the focus back on field `i`.
    pub fn refuse(&mut self, focus: usize, message: String) {
        self.focus = focus.min(self.fields.len().saturating_sub(1));
        self.error = Some(message);
    }

    /// Empties text or secret field `i` (a mistyped PIN is typed again, both times).
    pub fn clear(&mut self, i: usize) {
        if let Some(Field {
            kind: FieldKind::Text { value, .. } | FieldKind::Secret { value, .. },
            ..
        }) = self.fields.get_mut(i)
        {
            value.clear();
        }
    }

    /// Draws the form as a box in the middle of `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let width = area.width.min(76);
        let height = (self.fields.len() as u16 + 5).min(area.height);
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(height),
            Constraint::Fill(1),
        ])
        .areas(area);
        let [_, boxed, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width),
            Constraint::Fill(1),
        ])
        .areas(middle);
        frame.render_widget(Clear, boxed);
        let block = Block::bordered().title(format!(" {} ", self.title));
        let inner = block.inner(boxed);
        frame.render_widget(block, boxed);
        let longest = self
            .fields
            .iter()
            .map(|f| f.label.text().chars().count())
            .max()
            .unwrap_or(0);
        let label_width = (longest as u16 + 1).min(inner.width / 2);
        let mut lines: Vec<Line> = Vec::with_capacity(self.fields.len() + 2);
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let label = format!("{:<w$}", field.label.text(), w = label_width as usize);
            let marker = if focused { "▶ " } else { "  " };
            let mut spans = vec![
                Span::raw(marker),
                Span::styled(
                    label,
                    if focused {
                        theme::focus()
                    } else {
                        theme::label()
                    },
                ),
            ];
            spans.extend(value_spans(&field.kind, focused));
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        if let Some(error) = &self.error {
            lines.push(Line::styled(format!("⚠ {error}"), theme::error()));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

fn value_spans(kind: &FieldKind, focused: bool) -> Vec<Span<'static>> {
    let cursor = if focused { "▏" } else { "" };
    match kind {
        FieldKind::Text { value, .. } => {
            vec![Span::styled(format!("{value}{cursor}"), theme::value())]
        }
        FieldKind::Secret { value, .. } => {
            vec![Span::styled(
                format!("{}{cursor}", "•".repeat(value.chars().count())),
                theme::value(),
            )]
        }
        FieldKind::Choice { options, index } => {
            let text = options.get(*index).cloned().unwrap_or_default();
            if focused {
                vec![Span::styled(format!("◀ {text} ▶"), theme::value())]
            } else {
                vec![Span::styled(text, theme::value())]
            }
        }
        FieldKind::Flags {
            options,
            set,
            cursor,
        } => options
            .iter()
            .zip(set)
            .enumerate()
            .map(|(i, (option, on))| {
                let text = format!("[{}] {option} ", if *on { "x" } else { " " });
                if focused && i == *cursor {
                    Span::styled(text, theme::focus())
                } else {
                    Span::styled(text, theme::value())
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "t",
            vec![
                Field::text(Msg::FormName, "", 5),
                Field::secret(Msg::FormPin),
                Field::choice(Msg::FormKind, vec!["a".into(), "b".into()], 0),
                Field::flags(
                    Msg::FormRoles,
                    vec!["x".into(), "y".into()],
                    vec![false, false],
                ),
            ],
        )
    }

    #[test]
    fn typing_moving_choosing_and_ticking() {
        let mut f = form();
        for c in "Léa pi".chars() {
            let action = if c == ' ' {
                Action::Toggle
            } else {
                Action::Input(c)
            };
            assert_eq!(f.handle(action), FormEvent::Editing);
        }
        assert_eq!(f.value(0), "Léa p", "text stops at its maximum");
        f.handle(Action::NextField);
        for c in "12a3456789".chars() {
            f.handle(Action::Input(c));
        }
        assert_eq!(
            f.value(1),
            "12345678",
            "secret takes digits only, eight at most"
        );
        f.handle(Action::Erase);
        assert_eq!(f.value(1), "1234567");
        f.handle(Action::NextField);
        f.handle(Action::Left);
        assert_eq!(f.choice(2), 1, "left wraps around");
        f.handle(Action::NextField);
        f.handle(Action::Right);
        f.handle(Action::Toggle);
        assert_eq!(f.flags(3), vec![false, true]);
        f.handle(Action::NextField);
        assert_eq!(f.focus, 0, "tab wraps to the first field");
        assert_eq!(f.handle(Action::Submit), FormEvent::Submit);
        assert_eq!(f.handle(Action::Back), FormEvent::Cancel);
    }

    #[test]
    fn a_refusal_keeps_what_was_typed() {
        let mut f = form();
        f.handle(Action::Input('x'));
        f.refuse(1, "non".into());
        assert_eq!(
            (f.focus, f.error.as_deref(), f.value(0)),
            (1, Some("non"), "x")
        );
        f.handle(Action::Input('1'));
        assert_eq!(f.error, None);
    }
}
