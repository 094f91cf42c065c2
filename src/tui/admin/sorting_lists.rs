//! The sorting bench's lists in one table: sources of intakes, towns, containers with
//! their tare. Entries are put out of use, never deleted: old intakes still name them.

use crate::domain::{Name, Weight};
use crate::i18n::Msg;
use crate::ops::{self, sorting};
use crate::storage::sorting::{List, Listed};
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

const LISTS: [(List, Msg); 5] = [
    (List::Sources, Msg::SortSource),
    (List::Towns, Msg::SortTown),
    (List::Containers, Msg::SortContainer),
    (List::Fractions, Msg::ListFractions),
    (List::Recipients, Msg::ListRecipients),
];

#[derive(Default)]
pub struct SortingListsTable {
    rows: Vec<(List, Msg, Listed, bool)>,
}

impl Table for SortingListsTable {
    fn title(&self) -> Msg {
        Msg::ModeSortingLists
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::FormList, Constraint::Length(14)),
            (Msg::ColName, Constraint::Fill(2)),
            (Msg::FormTare, Constraint::Length(12)),
            (Msg::ColState, Constraint::Length(11)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.rows.clear();
        for (list, label) in LISTS {
            for (entry, active) in sorting::list_all(cx.store, list)? {
                self.rows.push((list, label, entry, active));
            }
        }
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|(list, label, entry, active)| {
                let tare = match list {
                    List::Containers => Weight::from_grams(entry.tare_g)
                        .map(|w| w.to_string())
                        .unwrap_or_else(|_| "0 g".into()),
                    _ => String::new(),
                };
                vec![
                    label.text().to_owned(),
                    entry.name.clone(),
                    tare,
                    state_text(*active),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|r| r.3)
    }

    fn form(&self, intent: Intent, _row: Option<usize>) -> Option<Form> {
        (intent == Intent::Add).then(|| {
            Form::new(
                Msg::FormTitleAddListEntry.text(),
                vec![
                    Field::choice(
                        Msg::FormList,
                        LISTS.iter().map(|(_, m)| m.text().to_owned()).collect(),
                        0,
                    ),
                    Field::text(Msg::FormName, "", Name::MAX),
                    Field::text(Msg::FormTare, "", 12),
                ],
            )
        })
    }

    fn submit(
        &mut self,
        _intent: Intent,
        _row: Option<usize>,
        form: &Form,
        cx: &mut Cx,
    ) -> Result<String, Refusal> {
        let session = session(cx).map_err(|e| (0, e.to_string()))?;
        let (list, _) = LISTS[form.choice(0).min(LISTS.len() - 1)];
        let tare = if list == List::Containers {
            Some(Weight::parse(form.value(2)).map_err(|e| (2, e.to_string()))?)
        } else {
            None
        };
        sorting::add_to_list(cx.store, session, list, form.value(1), tare)
            .map_err(|e| (1, e.to_string()))?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.rows.get(row) {
            Some((list, _, entry, active)) => {
                sorting::set_list_active(cx.store, session, *list, entry.id, !active)
            }
            None => Ok(()),
        }
    }
}
