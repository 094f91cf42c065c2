//! The category tree: names, where each sits, default unit weights, and what the till
//! needs — VAT rate, default price, shortcut, sold with a guarantee.

use crate::domain::{CategoryId, Money, Name, VatRate, Weight};
use crate::i18n::Msg;
use crate::ops::{self, categories};
use crate::storage::categories::{Category, CategoryDraft};
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

/// The VAT rates a category may have, as the form offers them.
const RATES: [VatRate; 5] = [
    VatRate::STANDARD,
    VatRate::INTERMEDIATE,
    VatRate::REDUCED,
    VatRate::SUPER_REDUCED,
    VatRate::ZERO,
];

#[derive(Default)]
pub struct CategoriesTable {
    categories: Vec<Category>,
}

impl CategoriesTable {
    fn depth(&self, category: &Category) -> usize {
        let mut depth = 0;
        let mut parent = category.parent_id;
        while let Some(id) = parent {
            depth += 1;
            parent = self
                .categories
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| c.parent_id);
            if depth > 16 {
                break;
            }
        }
        depth
    }

    /// The parents a category may be given: the top level, then every other category.
    fn parent_options(&self, except: Option<CategoryId>) -> (Vec<String>, Vec<Option<CategoryId>>) {
        let mut labels = vec![Msg::FormTopLevel.text().to_owned()];
        let mut ids = vec![None];
        for c in self
            .categories
            .iter()
            .filter(|c| Some(c.id) != except && c.active)
        {
            labels.push(format!("{}{}", "  ".repeat(self.depth(c)), c.name));
            ids.push(Some(c.id));
        }
        (labels, ids)
    }
}

impl Table for CategoriesTable {
    fn title(&self) -> Msg {
        Msg::ModeCategories
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColName, Constraint::Fill(3)),
            (Msg::ColKey, Constraint::Length(7)),
            (Msg::ColPrice, Constraint::Length(9)),
            (Msg::FormVat, Constraint::Length(6)),
            (Msg::ColWeightShort, Constraint::Length(10)),
            (Msg::ColState, Constraint::Length(10)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.categories = categories::list(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.categories
            .iter()
            .map(|c| {
                let indent = match self.depth(c) {
                    0 => String::new(),
                    d => format!("{}└ ", "  ".repeat(d - 1)),
                };
                vec![
                    format!("{indent}{}", c.name),
                    c.shortcut.clone().unwrap_or_default(),
                    c.default_price.map(|p| p.to_string()).unwrap_or_default(),
                    if c.margin_scheme {
                        Msg::SlipMarginTag.text().to_owned()
                    } else {
                        c.vat.to_string()
                    },
                    c.unit_weight.map(|w| w.to_string()).unwrap_or_default(),
                    state_text(c.active),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.categories.get(row).is_some_and(|c| c.active)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let current = row.and_then(|r| self.categories.get(r));
        let (labels, ids) = self.parent_options(current.map(|c| c.id));
        let (title, name, parent, weight) = match (intent, current) {
            (Intent::Add, _) => (
                Msg::FormTitleAddCategory,
                String::new(),
                None,
                String::new(),
            ),
            (Intent::Edit, Some(c)) => (
                Msg::FormTitleEditCategory,
                c.name.to_string(),
                c.parent_id,
                c.unit_weight.map(|w| w.kg_text()).unwrap_or_default(),
            ),
            _ => return None,
        };
        let index = ids.iter().position(|id| *id == parent).unwrap_or(0);
        let vat = current
            .and_then(|c| RATES.iter().position(|r| *r == c.vat))
            .unwrap_or(0);
        let price = current
            .and_then(|c| c.default_price)
            .map(Money::plain)
            .unwrap_or_default();
        let shortcut = current.and_then(|c| c.shortcut.clone()).unwrap_or_default();
        let guarantee = current.is_some_and(|c| c.guarantee);
        let margin = current.is_some_and(|c| c.margin_scheme);
        Some(Form::new(
            title.text(),
            vec![
                Field::text(Msg::FormName, &name, Name::MAX),
                Field::choice(Msg::FormParent, labels, index),
                Field::text(Msg::FormUnitWeight, &weight.replace('\u{a0}', " "), 16),
                Field::choice(
                    Msg::FormVat,
                    RATES.iter().map(|r| r.to_string()).collect(),
                    vat,
                ),
                Field::text(Msg::FormDefaultPrice, &price, 12),
                Field::text(Msg::FormShortcut, &shortcut, 2),
                Field::choice(
                    Msg::FormGuarantee,
                    vec![Msg::No.text().to_owned(), Msg::Yes.text().to_owned()],
                    usize::from(guarantee),
                ),
                Field::choice(
                    Msg::FormVatScheme,
                    vec![
                        Msg::VatSchemeNormal.text().to_owned(),
                        Msg::VatSchemeMargin.text().to_owned(),
                    ],
                    usize::from(margin),
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
        let current = row.and_then(|r| self.categories.get(r)).map(|c| c.id);
        let (_, ids) = self.parent_options(current);
        let name = Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
        let weight_text = form.value(2).trim();
        let unit_weight = if weight_text.is_empty() {
            None
        } else {
            Some(Weight::parse(weight_text).map_err(|e| (2, e.to_string()))?)
        };
        let draft = CategoryDraft {
            parent_id: ids.get(form.choice(1)).copied().flatten(),
            name,
            unit_weight,
        };
        let price_text = form.value(4).trim();
        let default_price = if price_text.is_empty() {
            None
        } else {
            Some(Money::parse(price_text).map_err(|e| (4, e.to_string()))?)
        };
        let shortcut = Some(form.value(5).trim().to_lowercase()).filter(|s| !s.is_empty());
        let sale = categories::SaleSettings {
            vat: RATES
                .get(form.choice(3))
                .copied()
                .unwrap_or(VatRate::STANDARD),
            default_price,
            shortcut,
            guarantee: form.choice(6) == 1,
            margin_scheme: form.choice(7) == 1,
        };
        let id = match (intent, current) {
            (Intent::Add, _) => None,
            (Intent::Edit, Some(id)) => Some(id),
            _ => return Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingCategory]))),
        };
        categories::save(cx.store, session, id, &draft, &sale, cx.now).map_err(|e| {
            let field = match e {
                ops::OpsError::ShortcutFormat(_)
                | ops::OpsError::Storage(crate::storage::StorageError::ShortcutTaken { .. }) => 5,
                _ => 0,
            };
            (field, e.to_string())
        })?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.categories.get(row) {
            Some(c) => categories::set_active(cx.store, session, c.id, !c.active, cx.now),
            None => Ok(()),
        }
    }
}
