//! Pricing at the bench: N identical objects of a category become N items with their own
//! codes (the price grid suggests a price, the weight is weighed or the category's
//! default), and their labels go to the label printer.

use super::super::form::{Field, Form, FormEvent};
use super::super::keys::{self, Action, Binding};
use super::super::theme;
use super::super::view::{Cx, Effect};
use super::{ITEMS, LABELS, Mode, SortingView, resolve};
use crate::domain::Money;
use crate::i18n::Msg;
use crate::ops::stock::{self, ItemDraft};
use crate::print::label::Label;
use crate::storage::till_catalogue::{EntryRow, Sellable};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

const CATEGORY: usize = 0;
const DESCRIPTION: usize = 1;
const PRICE: usize = 2;
const WEIGHT: usize = 3;
const QUANTITY: usize = 4;

pub struct ItemsForm {
    form: Form,
    intake: Option<i64>,
}

impl ItemsForm {
    pub fn new(category: &str, intake: Option<i64>) -> ItemsForm {
        ItemsForm {
            form: Form::new(
                Msg::SortItemsTitle.text(),
                vec![
                    Field::text(Msg::SortCategory, category, 40),
                    Field::text(Msg::SortDescription, "", 60),
                    Field::text(Msg::SortPrice, "", 12),
                    Field::text(Msg::SortWeightOptional, "", 12),
                    Field::text(Msg::SortQuantity, "1", 3),
                ],
            ),
            intake,
        }
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        categories: &[Sellable],
        grid: &[EntryRow],
    ) {
        let [top, hint] = Layout::vertical([Constraint::Min(9), Constraint::Length(5)]).areas(area);
        self.form.render(frame, top);
        let typed = self.form.value(CATEGORY);
        let text = match resolve(typed, categories, |c| &c.name, |c| c.shortcut.as_deref()) {
            Ok(c) => {
                let price = c.price.map(|p| p.to_string()).unwrap_or_else(|| "—".into());
                let weight = c
                    .unit_weight
                    .map(|w| w.to_string())
                    .unwrap_or_else(|| "—".into());
                let mut text = Msg::SortCategoryHint.fill(&[&c.name, &price, &weight]);
                // The grid's entries for this category: what such objects sell for.
                let entries: Vec<String> = grid
                    .iter()
                    .filter(|e| e.category_id == c.category_id)
                    .map(|e| match e.entry.price_max {
                        Some(max) => format!("{} {}–{}", e.entry.name, e.entry.price.plain(), max),
                        None => format!("{} {}", e.entry.name, e.entry.price),
                    })
                    .collect();
                if !entries.is_empty() {
                    text = format!("{text} · {}", entries.join(" · "));
                }
                text
            }
            Err(_) => Msg::SortTypeCategory.text().to_owned(),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme::dim()))
                .wrap(Wrap { trim: true })
                .block(Block::bordered()),
            hint,
        );
    }
}

pub fn bindings() -> Vec<Binding> {
    let mut b = vec![
        keys::bind(
            ratatui::crossterm::event::KeyCode::Enter,
            Action::Submit,
            Some(Msg::KeyMakeItems),
        ),
        LABELS,
    ];
    b.extend(
        keys::FORM
            .iter()
            .filter(|b| !matches!(b.action, Action::Submit | Action::Toggle)),
    );
    b.retain(|b| b.action != ITEMS.action);
    b
}

impl SortingView {
    pub(super) fn handle_items(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if action == LABELS.action {
            return self.print_labels(cx);
        }
        let Mode::Items(items) = &mut self.mode else {
            return Effect::None;
        };
        match items.form.handle(action) {
            FormEvent::Cancel => {
                self.mode = Mode::Intake;
                Effect::None
            }
            FormEvent::Editing => Effect::None,
            FormEvent::Submit => self.make_items(cx),
        }
    }

    fn make_items(&mut self, cx: &mut Cx) -> Effect {
        let Mode::Items(items) = &mut self.mode else {
            return Effect::None;
        };
        let form = &mut items.form;
        let category = match resolve(
            form.value(CATEGORY),
            &self.categories,
            |c| &c.name,
            |c| c.shortcut.as_deref(),
        ) {
            Ok(c) => c.clone(),
            Err(candidates) => {
                let typed = form.value(CATEGORY).to_owned();
                form.refuse(
                    CATEGORY,
                    Msg::SortWhichCategory.fill(&[&typed, &candidates.join(", ")]),
                );
                return Effect::None;
            }
        };
        let price = match Money::parse(form.value(PRICE)) {
            Ok(price) => price,
            Err(e) => {
                form.refuse(PRICE, e.to_string());
                return Effect::None;
            }
        };
        let weight = if form.value(WEIGHT).trim().is_empty() {
            None
        } else {
            match super::weighed(form.value(WEIGHT), self.scale_max) {
                Ok(w) => Some(w),
                Err(problem) => {
                    form.refuse(WEIGHT, problem);
                    return Effect::None;
                }
            }
        };
        let quantity = match form.value(QUANTITY).trim().parse::<u32>() {
            Ok(n) if (1..=500).contains(&n) => n,
            _ => {
                let typed = form.value(QUANTITY).to_owned();
                form.refuse(QUANTITY, Msg::ErrQuantityFormat.fill(&[&typed]));
                return Effect::None;
            }
        };
        let draft = ItemDraft {
            category: category.category_id,
            description: form.value(DESCRIPTION).to_owned(),
            price,
            weight,
            quantity,
            point_of_sale: Some(self.point_of_sale),
            intake: items.intake,
        };
        let Some(session) = cx.session else {
            return Effect::None;
        };
        match stock::create_items(cx.store, session, &draft, category.unit_weight, cx.now) {
            Ok(codes) => {
                let first = codes.first().map(ToString::to_string).unwrap_or_default();
                self.to_label.extend(codes.iter().map(ToString::to_string));
                form.clear(DESCRIPTION);
                form.clear(PRICE);
                form.clear(WEIGHT);
                form.focus = DESCRIPTION;
                self.refresh(cx);
                Effect::Info(Msg::SortItemsMade.fill(&[&codes.len(), &first, &self.to_label.len()]))
            }
            Err(e) => {
                form.refuse(DESCRIPTION, e.to_string());
                Effect::None
            }
        }
    }

    /// Sends the labels of the items made here to the label printer.
    pub(super) fn print_labels(&mut self, cx: &mut Cx) -> Effect {
        if self.to_label.is_empty() {
            return Effect::Info(Msg::CliNoLabels.text().to_owned());
        }
        let Some(printer) = cx.label_printer else {
            return Effect::Error(Msg::SortNoLabelPrinter.text().to_owned());
        };
        let rows = match stock::for_labels(cx.store, Some(&self.to_label)) {
            Ok(rows) => rows,
            Err(e) => return Effect::Error(e.to_string()),
        };
        let labels: Vec<Label> = rows.iter().map(Label::of).collect();
        if let Err(e) = printer.print(Msg::SortLabelsJob.text(), &labels) {
            return Effect::Error(e.to_string());
        }
        if let Err(e) = stock::labels_printed(cx.store, &rows, cx.now) {
            return Effect::Error(e.to_string());
        }
        self.to_label.clear();
        Effect::Info(Msg::SortLabelsSent.fill(&[&labels.len()]))
    }
}
