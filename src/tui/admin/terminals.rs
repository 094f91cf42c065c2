//! Terminals: each running pépite, its code (its fiscal series, never changed once made),
//! its name and its point of sale.

use crate::domain::{Name, TerminalCode};
use crate::i18n::Msg;
use crate::ops::{self, places};
use crate::storage::points_of_sale::{PointOfSale, Terminal};
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct TerminalsTable {
    terminals: Vec<Terminal>,
    places: Vec<PointOfSale>,
    this: Option<TerminalCode>,
}

impl Table for TerminalsTable {
    fn title(&self) -> Msg {
        Msg::ModeTerminals
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColCode, Constraint::Length(12)),
            (Msg::ColName, Constraint::Fill(2)),
            (Msg::ColPointOfSale, Constraint::Fill(2)),
            (Msg::ColState, Constraint::Length(11)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.terminals = places::terminals(cx.store)?;
        self.places = places::points_of_sale(cx.store)?;
        self.this = cx.terminal.cloned();
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.terminals
            .iter()
            .map(|t| {
                let pos = self
                    .places
                    .iter()
                    .find(|p| p.id == t.point_of_sale_id)
                    .map(|p| p.name.to_string())
                    .unwrap_or_default();
                let name = if self.this.as_ref() == Some(&t.code) {
                    format!("{} {}", t.name, Msg::ThisTerminal.text())
                } else {
                    t.name.to_string()
                };
                vec![t.code.to_string(), name, pos, state_text(t.active)]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.terminals.get(row).is_some_and(|t| t.active)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let labels: Vec<String> = self.places.iter().map(|p| p.name.to_string()).collect();
        match (intent, row.and_then(|r| self.terminals.get(r))) {
            (Intent::Add, _) => Some(Form::new(
                Msg::FormTitleAddTerminal.text(),
                vec![
                    Field::text(Msg::FormCode, "", 16),
                    Field::text(Msg::FormName, "", Name::MAX),
                    Field::choice(Msg::FormPointOfSale, labels, 0),
                ],
            )),
            (Intent::Edit, Some(t)) => {
                let index = self
                    .places
                    .iter()
                    .position(|p| p.id == t.point_of_sale_id)
                    .unwrap_or(0);
                Some(Form::new(
                    format!("{} — {}", Msg::FormTitleEditTerminal.text(), t.code),
                    vec![
                        Field::text(Msg::FormName, t.name.as_str(), Name::MAX),
                        Field::choice(Msg::FormPointOfSale, labels, index),
                    ],
                ))
            }
            _ => None,
        }
    }

    fn submit(
        &mut self,
        intent: Intent,
        row: Option<usize>,
        form: &Form,
        cx: &mut Cx,
    ) -> Result<String, Refusal> {
        let session = session(cx).map_err(|e| (0, e.to_string()))?;
        let (terminal, is_new) = match (intent, row.and_then(|r| self.terminals.get(r))) {
            (Intent::Add, _) => {
                let code = TerminalCode::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
                let name = Name::parse(form.value(1)).map_err(|e| (1, e.to_string()))?;
                let pos = self
                    .places
                    .get(form.choice(2))
                    .ok_or((2, Msg::ErrNotFound.fill(&[&Msg::ThingPointOfSale])))?;
                (
                    Terminal {
                        code,
                        name,
                        point_of_sale_id: pos.id,
                        active: true,
                    },
                    true,
                )
            }
            (Intent::Edit, Some(t)) => {
                let name = Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
                let pos = self
                    .places
                    .get(form.choice(1))
                    .ok_or((1, Msg::ErrNotFound.fill(&[&Msg::ThingPointOfSale])))?;
                (
                    Terminal {
                        name,
                        point_of_sale_id: pos.id,
                        ..t.clone()
                    },
                    false,
                )
            }
            _ => return Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingTerminal]))),
        };
        places::save_terminal(cx.store, session, &terminal, is_new, cx.now)
            .map_err(|e| (0, e.to_string()))?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.terminals.get(row) {
            Some(t) => {
                let changed = Terminal {
                    active: !t.active,
                    ..t.clone()
                };
                places::save_terminal(cx.store, session, &changed, false, cx.now)
            }
            None => Ok(()),
        }
    }

    fn changes_place(&self) -> bool {
        true
    }
}
