//! Items in stock for a manager: search and filter (words, status, category, age, point of
//! sale), change the price of an unsold item (logged), withdraw one from sale (an outbound
//! record carries its weight).

use crate::domain::{Money, OutboundKind};
use crate::i18n::Msg;
use crate::ops::{self, places, stock};
use crate::print::label::Label;
use crate::storage::categories::Category;
use crate::storage::items::{Filter, ItemRow, ItemStatus};
use crate::storage::points_of_sale::PointOfSale;
use crate::tui::form::{Field, Form};
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::table::{Intent, Refusal, Table, session};
use crate::tui::view::Cx;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Constraint;

const STATUSES: [Option<ItemStatus>; 4] = [
    Some(ItemStatus::InStock),
    Some(ItemStatus::Sold),
    Some(ItemStatus::Withdrawn),
    None,
];
const WITHDRAW_TO: [OutboundKind; 5] = [
    OutboundKind::Donation,
    OutboundKind::Partner,
    OutboundKind::Recycler,
    OutboundKind::Dump,
    OutboundKind::Bins,
];

fn status_text(status: Option<ItemStatus>) -> &'static str {
    match status {
        Some(ItemStatus::InStock) => Msg::StatusInStock.text(),
        Some(ItemStatus::Sold) => Msg::StatusSold.text(),
        Some(ItemStatus::Withdrawn) => Msg::StatusWithdrawn.text(),
        None => Msg::StatusAll.text(),
    }
}

pub struct ItemsTable {
    filter: Filter,
    /// The filter form's choices, kept to show them again.
    weeks: String,
    items: Vec<ItemRow>,
    categories: Vec<Category>,
    places: Vec<PointOfSale>,
}

impl Default for ItemsTable {
    fn default() -> Self {
        ItemsTable {
            filter: Filter {
                status: Some(ItemStatus::InStock),
                limit: 300,
                ..Filter::default()
            },
            weeks: String::new(),
            items: Vec::new(),
            categories: Vec::new(),
            places: Vec::new(),
        }
    }
}

impl Table for ItemsTable {
    fn title(&self) -> Msg {
        Msg::ModeItems
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColCode, Constraint::Length(13)),
            (Msg::SortDescription, Constraint::Fill(3)),
            (Msg::SortCategory, Constraint::Fill(2)),
            (Msg::SortPrice, Constraint::Length(10)),
            (Msg::ColEntered, Constraint::Length(10)),
            (Msg::ColState, Constraint::Length(8)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.items = stock::list(cx.store, &self.filter)?;
        self.categories = ops::categories::list(cx.store)?;
        self.places = places::points_of_sale(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.items
            .iter()
            .map(|i| {
                vec![
                    i.code.clone(),
                    i.description.clone(),
                    i.category.clone(),
                    i.price.to_string(),
                    i.created_at.get(..10).unwrap_or("").to_owned(),
                    status_text(Some(i.status)).to_owned(),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.items
            .get(row)
            .is_some_and(|i| i.status == ItemStatus::InStock)
    }

    fn standard_bindings(&self) -> Vec<Binding> {
        vec![
            bind(KeyCode::F(2), Action::Add, Some(Msg::KeyFilter)),
            bind(KeyCode::F(3), Action::Edit, Some(Msg::KeyChangePrice)),
        ]
    }

    fn extra_bindings(&self) -> Vec<Binding> {
        vec![
            bind(
                KeyCode::F(5),
                keys::RESET_PIN.action,
                Some(Msg::KeyWithdraw),
            ),
            bind(KeyCode::F(6), Action::Reprint, Some(Msg::KeyPrintLabel)),
        ]
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let item = row.and_then(|r| self.items.get(r));
        match (intent, item) {
            (Intent::Add, _) => {
                let mut categories = vec![Msg::StatusAll.text().to_owned()];
                categories.extend(self.categories.iter().map(|c| c.name.to_string()));
                let category = self
                    .filter
                    .category
                    .and_then(|id| self.categories.iter().position(|c| c.id == id))
                    .map_or(0, |i| i + 1);
                let mut places = vec![Msg::StatusAll.text().to_owned()];
                places.extend(self.places.iter().map(|p| p.name.to_string()));
                let place = self
                    .filter
                    .point_of_sale
                    .and_then(|id| self.places.iter().position(|p| p.id == id))
                    .map_or(0, |i| i + 1);
                let status = STATUSES
                    .iter()
                    .position(|s| *s == self.filter.status)
                    .unwrap_or(0);
                Some(Form::new(
                    Msg::FormTitleFilter.text(),
                    vec![
                        Field::text(Msg::FormWords, &self.filter.text, 40),
                        Field::choice(
                            Msg::ColState,
                            STATUSES
                                .iter()
                                .map(|s| status_text(*s).to_owned())
                                .collect(),
                            status,
                        ),
                        Field::choice(Msg::SortCategory, categories, category),
                        Field::text(Msg::FormOlderThan, &self.weeks, 3),
                        Field::choice(Msg::FormPointOfSale, places, place),
                    ],
                ))
            }
            (Intent::Edit, Some(i)) if i.status == ItemStatus::InStock => Some(Form::new(
                Msg::FormTitlePrice.fill(&[&i.description]),
                vec![Field::text(Msg::SortPrice, &i.price.plain(), 12)],
            )),
            (Intent::ResetPin, Some(i)) if i.status == ItemStatus::InStock => Some(Form::new(
                Msg::FormTitleWithdraw.fill(&[&i.description]),
                vec![Field::choice(
                    Msg::OutKind,
                    WITHDRAW_TO
                        .iter()
                        .map(|k| k.label().text().to_owned())
                        .collect(),
                    0,
                )],
            )),
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
        let item = row.and_then(|r| self.items.get(r)).cloned();
        match (intent, item) {
            (Intent::Add, _) => {
                let weeks = form.value(3).trim();
                let entered_before = if weeks.is_empty() {
                    None
                } else {
                    let n: i64 = weeks
                        .parse()
                        .map_err(|_| (3, Msg::ErrQuantityFormat.fill(&[&weeks])))?;
                    Some((cx.now - chrono::TimeDelta::weeks(n)).to_rfc3339())
                };
                self.weeks = weeks.to_owned();
                self.filter = Filter {
                    text: form.value(0).trim().to_owned(),
                    status: STATUSES[form.choice(1).min(STATUSES.len() - 1)],
                    category: form
                        .choice(2)
                        .checked_sub(1)
                        .and_then(|i| self.categories.get(i))
                        .map(|c| c.id),
                    entered_before,
                    point_of_sale: form
                        .choice(4)
                        .checked_sub(1)
                        .and_then(|i| self.places.get(i))
                        .map(|p| p.id),
                    unprinted: false,
                    limit: 300,
                };
                Ok(Msg::FilterApplied.text().to_owned())
            }
            (Intent::Edit, Some(i)) => {
                let session = session(cx).map_err(|e| (0, e.to_string()))?;
                let price = Money::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
                stock::change_price(cx.store, session, &i.code, price, cx.now)
                    .map_err(|e| (0, e.to_string()))?;
                Ok(Msg::PriceChanged.fill(&[&i.description, &i.price, &price]))
            }
            (Intent::ResetPin, Some(i)) => {
                let session = session(cx).map_err(|e| (0, e.to_string()))?;
                let terminal = cx.terminal.cloned();
                let site = places::choose_terminal(cx.store, terminal.as_ref())
                    .ok()
                    .flatten()
                    .map(|(_, pos)| pos.site_id)
                    .ok_or((0, crate::ops::OpsError::NotInitialised.to_string()))?;
                let kind = WITHDRAW_TO[form.choice(0).min(WITHDRAW_TO.len() - 1)];
                stock::withdraw(
                    cx.store,
                    session,
                    site,
                    std::slice::from_ref(&i.code),
                    kind,
                    cx.now,
                )
                .map_err(|e| (0, e.to_string()))?;
                Ok(Msg::ItemWithdrawn.fill(&[&i.description, &kind.label().text()]))
            }
            _ => Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingItemInStock]))),
        }
    }

    fn toggle(&mut self, _row: usize, _cx: &mut Cx) -> ops::Result<()> {
        Ok(())
    }

    /// F6: the chosen item's label again (after a price change, or a torn label).
    fn act(&mut self, action: Action, row: usize, cx: &mut Cx) -> Option<Result<String, String>> {
        if action != Action::Reprint {
            return None;
        }
        let item = self.items.get(row)?;
        let Some(printer) = cx.label_printer else {
            return Some(Err(Msg::SortNoLabelPrinter.text().to_owned()));
        };
        let outcome = stock::for_labels(cx.store, Some(&[item.code.to_string()]))
            .map_err(|e| e.to_string())
            .and_then(|rows| {
                let labels: Vec<Label> = rows.iter().map(Label::of).collect();
                printer
                    .print(Msg::SortLabelsJob.text(), &labels)
                    .map_err(|e| e.to_string())?;
                stock::labels_printed(cx.store, &rows, cx.now).map_err(|e| e.to_string())?;
                Ok(Msg::SortLabelsSent.fill(&[&labels.len()]))
            });
        Some(outcome)
    }
}
