//! Points of sale: shops, the café, events such as a braderie.

use crate::domain::{Name, PosKind};
use crate::i18n::Msg;
use crate::ops::{self, places};
use crate::storage::points_of_sale::PointOfSale;
use crate::storage::structure::Site;
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct PointsOfSaleTable {
    places: Vec<PointOfSale>,
    sites: Vec<Site>,
}

fn kind_labels() -> Vec<String> {
    PosKind::ALL
        .iter()
        .map(|k| k.label().text().to_owned())
        .collect()
}

impl Table for PointsOfSaleTable {
    fn title(&self) -> Msg {
        Msg::ModePointsOfSale
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColName, Constraint::Fill(3)),
            (Msg::ColKind, Constraint::Length(12)),
            (Msg::ColSite, Constraint::Fill(2)),
            (Msg::ColState, Constraint::Length(11)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.places = places::points_of_sale(cx.store)?;
        self.sites = places::sites(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.places
            .iter()
            .map(|p| {
                let site = self
                    .sites
                    .iter()
                    .find(|s| s.id == p.site_id)
                    .map(|s| s.name.to_string())
                    .unwrap_or_default();
                vec![
                    p.name.to_string(),
                    p.kind.label().text().to_owned(),
                    site,
                    state_text(p.active),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.places.get(row).is_some_and(|p| p.active)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let (title, name, kind) = match (intent, row.and_then(|r| self.places.get(r))) {
            (Intent::Add, _) => (Msg::FormTitleAddPos, String::new(), PosKind::Shop),
            (Intent::Edit, Some(p)) => (Msg::FormTitleEditPos, p.name.to_string(), p.kind),
            _ => return None,
        };
        let index = PosKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        Some(Form::new(
            title.text(),
            vec![
                Field::text(Msg::FormName, &name, Name::MAX),
                Field::choice(Msg::FormKind, kind_labels(), index),
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
        let name = Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
        let kind = PosKind::ALL
            .get(form.choice(1))
            .copied()
            .unwrap_or(PosKind::Shop);
        let result = match (intent, row.and_then(|r| self.places.get(r))) {
            (Intent::Add, _) => {
                places::add_point_of_sale(cx.store, session, &name, kind, cx.now).map(|_| ())
            }
            (Intent::Edit, Some(p)) => {
                let changed = PointOfSale {
                    name,
                    kind,
                    ..p.clone()
                };
                places::update_point_of_sale(cx.store, session, &changed, cx.now)
            }
            _ => return Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingPointOfSale]))),
        };
        result.map_err(|e| (0, e.to_string()))?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.places.get(row) {
            Some(p) => {
                let changed = PointOfSale {
                    active: !p.active,
                    ..p.clone()
                };
                places::update_point_of_sale(cx.store, session, &changed, cx.now)
            }
            None => Ok(()),
        }
    }

    fn changes_place(&self) -> bool {
        true
    }
}
