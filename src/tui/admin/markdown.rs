//! Markdown rules: "−25 % after 4 weeks, −50 % after 6". The till applies the largest rule
//! an item's age reaches and shows it on the line; the label's colour tells the week.

use crate::domain::Markdown;
use crate::i18n::Msg;
use crate::ops::{self, sorting};
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct MarkdownTable {
    rules: Vec<(Markdown, bool)>,
}

impl Table for MarkdownTable {
    fn title(&self) -> Msg {
        Msg::ModeMarkdown
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::FormWeeks, Constraint::Fill(1)),
            (Msg::FormPercent, Constraint::Fill(1)),
            (Msg::ColState, Constraint::Length(11)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.rules = sorting::markdown_rules(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.rules
            .iter()
            .map(|(r, active)| {
                vec![
                    Msg::MarkdownAfter.fill(&[&r.weeks]),
                    format!("−{} %", r.percent),
                    state_text(*active),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.rules.get(row).is_some_and(|(_, a)| *a)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let rule = row.and_then(|r| self.rules.get(r)).map(|(r, _)| *r);
        let (weeks, percent) = match (intent, rule) {
            (Intent::Add, _) => (String::new(), String::new()),
            (Intent::Edit, Some(r)) => (r.weeks.to_string(), r.percent.to_string()),
            _ => return None,
        };
        Some(Form::new(
            Msg::FormTitleMarkdown.text(),
            vec![
                Field::text(Msg::FormWeeks, &weeks, 3),
                Field::text(Msg::FormPercent, &percent, 3),
            ],
        ))
    }

    fn submit(
        &mut self,
        _intent: Intent,
        _row: Option<usize>,
        form: &Form,
        cx: &mut Cx,
    ) -> Result<String, Refusal> {
        let session = session(cx).map_err(|e| (0, e.to_string()))?;
        let number = |i: usize| {
            form.value(i)
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse::<i64>()
        };
        let weeks = number(0).map_err(|_| (0, Msg::ErrMarkdownRange.text().to_owned()))?;
        let percent = number(1).map_err(|_| (1, Msg::ErrMarkdownRange.text().to_owned()))?;
        sorting::set_markdown(cx.store, session, Markdown { weeks, percent })
            .map_err(|e| (0, e.to_string()))?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.rules.get(row) {
            Some((r, active)) => sorting::set_markdown_active(cx.store, session, r.weeks, !active),
            None => Ok(()),
        }
    }
}
