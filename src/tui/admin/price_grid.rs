//! The price grid: per category, entries with a name, a price or a range, a default unit
//! weight and a shortcut for the till. The same grid goes to and from a spreadsheet with
//! `pepite grid export|import`.

use crate::domain::{Money, Name, Weight};
use crate::i18n::Msg;
use crate::ops::{self, grid};
use crate::storage::categories::Category;
use crate::storage::till_catalogue::{EntryRow, GridEntry};
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct PriceGridTable {
    entries: Vec<EntryRow>,
    categories: Vec<Category>,
}

fn optional<T>(
    text: &str,
    parse: impl Fn(&str) -> crate::domain::Result<T>,
) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some).map_err(|e| e.to_string())
    }
}

impl Table for PriceGridTable {
    fn title(&self) -> Msg {
        Msg::ModePriceGrid
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::SortCategory, Constraint::Fill(2)),
            (Msg::ColName, Constraint::Fill(2)),
            (Msg::SortPrice, Constraint::Length(16)),
            (Msg::ColWeightShort, Constraint::Length(10)),
            (Msg::ColShortcut, Constraint::Length(9)),
            (Msg::ColState, Constraint::Length(10)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.entries = grid::entries(cx.store)?;
        self.categories = ops::categories::list(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.entries
            .iter()
            .map(|r| {
                let e = &r.entry;
                let price = match e.price_max {
                    Some(max) => format!("{} – {}", e.price.plain(), max),
                    None => e.price.to_string(),
                };
                vec![
                    e.category.clone(),
                    e.name.clone(),
                    price,
                    e.unit_weight.map(|w| w.to_string()).unwrap_or_default(),
                    e.shortcut.clone().unwrap_or_default(),
                    state_text(r.active),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.entries.get(row).is_some_and(|r| r.active)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let names: Vec<String> = self.categories.iter().map(|c| c.name.to_string()).collect();
        let (title, entry, category) = match (intent, row.and_then(|r| self.entries.get(r))) {
            (Intent::Add, _) => (Msg::FormTitleAddEntry, None, 0),
            (Intent::Edit, Some(r)) => (
                Msg::FormTitleEditEntry,
                Some(&r.entry),
                self.categories
                    .iter()
                    .position(|c| c.id == r.category_id)
                    .unwrap_or(0),
            ),
            _ => return None,
        };
        let text = |f: fn(&GridEntry) -> String| entry.map(f).unwrap_or_default();
        Some(Form::new(
            title.text(),
            vec![
                Field::choice(Msg::SortCategory, names, category),
                Field::text(Msg::FormName, &text(|e| e.name.clone()), Name::MAX),
                Field::text(Msg::SortPrice, &text(|e| e.price.plain()), 12),
                Field::text(
                    Msg::FormPriceMax,
                    &text(|e| e.price_max.map(Money::plain).unwrap_or_default()),
                    12,
                ),
                Field::text(
                    Msg::FormUnitWeight,
                    &text(|e| {
                        e.unit_weight
                            .map(|w| w.grams().to_string() + " g")
                            .unwrap_or_default()
                    }),
                    12,
                ),
                Field::text(
                    Msg::ColShortcut,
                    &text(|e| e.shortcut.clone().unwrap_or_default()),
                    6,
                ),
            ],
        ))
    }

    fn submit(
        &mut self,
        intent: Intent,
        row: Option<usize>,
        form: &Form,
        cx: &mut Cx,
    ) -> Result<String, Refusal> {
        let session = session(cx).map_err(|e| (0, e.to_string()))?;
        let category = self
            .categories
            .get(form.choice(0))
            .ok_or((0, Msg::ErrUnknownCategory.fill(&[&""])))?;
        let name = Name::parse(form.value(1)).map_err(|e| (1, e.to_string()))?;
        let price = Money::parse(form.value(2)).map_err(|e| (2, e.to_string()))?;
        let price_max = optional(form.value(3), Money::parse).map_err(|e| (3, e))?;
        let unit_weight = optional(form.value(4), Weight::parse).map_err(|e| (4, e))?;
        let shortcut = Some(form.value(5).trim().to_lowercase()).filter(|s| !s.is_empty());
        let entry = GridEntry {
            category: category.name.to_string(),
            name: name.to_string(),
            price,
            price_max,
            unit_weight,
            shortcut,
        };
        let (id, active) = match (intent, row.and_then(|r| self.entries.get(r))) {
            (Intent::Edit, Some(r)) => (Some(r.id), r.active),
            _ => (None, true),
        };
        grid::save_entry(cx.store, session, id, category.id, &entry, active)
            .map_err(|e| (2, e.to_string()))?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.entries.get(row) {
            Some(r) => grid::save_entry(
                cx.store,
                session,
                Some(r.id),
                r.category_id,
                &r.entry,
                !r.active,
            ),
            None => Ok(()),
        }
    }
}
