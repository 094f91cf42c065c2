//! The café's menu for a manager: each product's section, shortcut, price (or « prix
//! libre » minimum), VAT class and station, added or changed in a form, and switched off
//! for the day in one key (F4). The whole menu also comes and goes as CSV
//! (`pepite menu import|export`).

use crate::domain::cafe::{Station, VatClass};
use crate::domain::{Money, Name};
use crate::i18n::Msg;
use crate::ops::{self, cafe};
use crate::storage::cafe::Product;
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

fn class_name(class: VatClass) -> &'static str {
    match class {
        VatClass::Immediate => Msg::ClassImmediate.text(),
        VatClass::Keepable => Msg::ClassKeepable.text(),
        VatClass::SoftDrink => Msg::ClassSoftDrink.text(),
        VatClass::Alcohol => Msg::ClassAlcohol.text(),
        VatClass::Other => Msg::ClassOther.text(),
    }
}

fn station_name(station: Station) -> &'static str {
    match station {
        Station::Creperie => Msg::StationCreperie.text(),
        Station::Bar => Msg::StationBar.text(),
        Station::None => Msg::StationNone.text(),
    }
}

fn money_field(text: &str, field: usize) -> Result<Option<Money>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Money::parse(text)
        .map(Some)
        .map_err(|e| (field, e.to_string()))
}

#[derive(Default)]
pub struct MenuTable {
    products: Vec<Product>,
}

impl Table for MenuTable {
    fn title(&self) -> Msg {
        Msg::ModeMenu
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColName, Constraint::Fill(3)),
            (Msg::ColKey, Constraint::Length(6)),
            (Msg::ColPrice, Constraint::Length(9)),
            (Msg::ColVatClass, Constraint::Length(12)),
            (Msg::ColStation, Constraint::Length(9)),
            (Msg::ColState, Constraint::Length(9)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.products = cafe::menu(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.products
            .iter()
            .map(|p| {
                vec![
                    p.name.to_string(),
                    p.shortcut.clone().unwrap_or_default(),
                    // A prix libre shows its minimum, what the till holds to.
                    p.min_price
                        .map_or_else(|| p.price.to_string(), |m| format!("≥{m}")),
                    class_name(p.vat_class).to_owned(),
                    station_name(p.station).to_owned(),
                    state_text(p.available),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.products.get(row).is_some_and(|p| p.available)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let current = row.and_then(|r| self.products.get(r));
        let title = match (intent, current) {
            (Intent::Add, _) => Msg::FormTitleAddProduct,
            (Intent::Edit, Some(_)) => Msg::FormTitleEditProduct,
            _ => return None,
        };
        let current = current.filter(|_| intent == Intent::Edit);
        let text = |get: fn(&Product) -> String| current.map(get).unwrap_or_default();
        let class = current
            .and_then(|p| VatClass::ALL.iter().position(|c| *c == p.vat_class))
            .unwrap_or(0);
        let station = current
            .and_then(|p| Station::ALL.iter().position(|s| *s == p.station))
            .unwrap_or(0);
        Some(Form::new(
            title.text(),
            vec![
                Field::text(Msg::FormName, &text(|p| p.name.to_string()), Name::MAX),
                Field::text(Msg::FormSection, &text(|p| p.section.clone()), 30),
                Field::text(
                    Msg::FormShortcut,
                    &text(|p| p.shortcut.clone().unwrap_or_default()),
                    2,
                ),
                Field::text(Msg::FormDefaultPrice, &text(|p| p.price.plain()), 12),
                Field::text(
                    Msg::FormMinimum,
                    &text(|p| p.min_price.map(Money::plain).unwrap_or_default()),
                    12,
                ),
                Field::choice(
                    Msg::FormVatClass,
                    VatClass::ALL
                        .iter()
                        .map(|c| class_name(*c).to_owned())
                        .collect(),
                    class,
                ),
                Field::choice(
                    Msg::FormStation,
                    Station::ALL
                        .iter()
                        .map(|s| station_name(*s).to_owned())
                        .collect(),
                    station,
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
        let current = row.and_then(|r| self.products.get(r));
        let product = Product {
            id: current.map_or(0, |p| p.id),
            name: Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?,
            section: form.value(1).trim().to_owned(),
            shortcut: Some(form.value(2).trim().to_lowercase()).filter(|s| !s.is_empty()),
            // A product without a price is a slip of the keyboard, never a free one.
            price: money_field(form.value(3), 3)?
                .ok_or_else(|| (3, Msg::ErrPriceEmpty.text().to_owned()))?,
            min_price: money_field(form.value(4), 4)?,
            vat_class: VatClass::ALL
                .get(form.choice(5))
                .copied()
                .unwrap_or(VatClass::Other),
            station: Station::ALL
                .get(form.choice(6))
                .copied()
                .unwrap_or(Station::None),
            available: current.is_none_or(|p| p.available),
        };
        let saved = match (intent, current) {
            (Intent::Edit, Some(_)) => cafe::update_product(cx.store, session, &product),
            _ => cafe::add_product(cx.store, session, &product).map(|_| ()),
        };
        saved.map_err(|e| {
            let field = match e {
                ops::OpsError::ShortcutFormat(_) => 2,
                ops::OpsError::BelowMinimum { .. } => 4,
                _ => 0,
            };
            (field, e.to_string())
        })?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.products.get(row) {
            Some(p) => cafe::set_available(cx.store, session, p.id, !p.available),
            None => Ok(()),
        }
    }
}
