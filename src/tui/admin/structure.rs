//! The structure's identity as receipts print it: name, address, SIRET, VAT status.

use crate::domain::{Name, Siret, VatStatus};
use crate::i18n::Msg;
use crate::ops::{self, places, setup};
use crate::storage::structure::Identity;
use crate::tui::form::{Field, Form, FormEvent};
use crate::tui::keys::{self, Action, Binding};
use crate::tui::table::session;
use crate::tui::view::{Cx, Effect, Go, View};
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct StructureView {
    form: Form,
}

impl StructureView {
    pub fn open(cx: &mut Cx) -> ops::Result<StructureView> {
        let identity = setup::structure(cx.store)?
            .ok_or(ops::OpsError::NotInitialised)?
            .identity;
        let status = VatStatus::ALL
            .iter()
            .position(|s| *s == identity.vat_status)
            .unwrap_or(0);
        Ok(StructureView {
            form: Form::new(
                Msg::FormTitleStructure.text(),
                vec![
                    Field::text(Msg::FormName, identity.name.as_str(), Name::MAX),
                    Field::text(Msg::FormAddress, &identity.address, 80),
                    Field::text(Msg::FormPostcode, &identity.postcode, 10),
                    Field::text(Msg::FormCity, &identity.city, 60),
                    Field::text(
                        Msg::FormSiret,
                        identity.siret.as_ref().map(Siret::as_str).unwrap_or(""),
                        17,
                    ),
                    Field::choice(
                        Msg::FormVatStatus,
                        VatStatus::ALL
                            .iter()
                            .map(|s| s.label().text().to_owned())
                            .collect(),
                        status,
                    ),
                ],
            ),
        })
    }

    fn identity(&self) -> Result<Identity, (usize, String)> {
        let siret_text = self.form.value(4).trim();
        Ok(Identity {
            name: Name::parse(self.form.value(0)).map_err(|e| (0, e.to_string()))?,
            address: self.form.value(1).trim().to_owned(),
            postcode: self.form.value(2).trim().to_owned(),
            city: self.form.value(3).trim().to_owned(),
            siret: if siret_text.is_empty() {
                None
            } else {
                Some(Siret::parse(siret_text).map_err(|e| (4, e.to_string()))?)
            },
            vat_status: VatStatus::ALL
                .get(self.form.choice(5))
                .copied()
                .unwrap_or(VatStatus::Assujetti),
        })
    }
}

impl View for StructureView {
    fn title(&self) -> String {
        Msg::ModeStructure.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        keys::FORM.to_vec()
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match self.form.handle(action) {
            FormEvent::Editing => Effect::None,
            FormEvent::Cancel => Effect::GoTo(Go::Home),
            FormEvent::Submit => {
                let saved = self.identity().and_then(|identity| {
                    let session = session(cx).map_err(|e| (0, e.to_string()))?;
                    places::update_identity(cx.store, session, &identity, cx.now)
                        .map_err(|e| (0, e.to_string()))
                });
                match saved {
                    Ok(()) => Effect::PlaceChanged(Msg::Saved.text().to_owned()),
                    Err((field, message)) => {
                        self.form.refuse(field, message);
                        Effect::None
                    }
                }
            }
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        self.form.render(frame, area);
    }
}
