//! Payment methods: rename, turn off, add new ones of a kind (cash, card, cheque, local
//! currency, voucher, other).

use crate::domain::{Name, PaymentKind};
use crate::i18n::Msg;
use crate::ops::{self, places};
use crate::storage::payment_methods::PaymentMethod;
use crate::tui::form::{Field, Form};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct PaymentMethodsTable {
    methods: Vec<PaymentMethod>,
}

impl Table for PaymentMethodsTable {
    fn title(&self) -> Msg {
        Msg::ModePaymentMethods
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColLabel, Constraint::Fill(2)),
            (Msg::ColKind, Constraint::Fill(2)),
            (Msg::ColState, Constraint::Length(11)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.methods = places::payment_methods(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.methods
            .iter()
            .map(|m| {
                vec![
                    m.label.to_string(),
                    m.kind.label().text().to_owned(),
                    state_text(m.active),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.methods.get(row).is_some_and(|m| m.active)
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        match (intent, row.and_then(|r| self.methods.get(r))) {
            (Intent::Add, _) => Some(Form::new(
                Msg::FormTitleAddPayment.text(),
                vec![
                    Field::text(Msg::FormLabel, "", Name::MAX),
                    Field::choice(
                        Msg::FormKind,
                        PaymentKind::ALL
                            .iter()
                            .map(|k| k.label().text().to_owned())
                            .collect(),
                        PaymentKind::ALL.len() - 1,
                    ),
                ],
            )),
            (Intent::Edit, Some(m)) => Some(Form::new(
                Msg::FormTitleEditPayment.text(),
                vec![Field::text(Msg::FormLabel, m.label.as_str(), Name::MAX)],
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
        let session = session(cx).map_err(|e| (0, e.to_string()))?;
        let label = Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
        let result = match (intent, row.and_then(|r| self.methods.get(r))) {
            (Intent::Add, _) => {
                let kind = PaymentKind::ALL
                    .get(form.choice(1))
                    .copied()
                    .unwrap_or(PaymentKind::Other);
                places::add_payment_method(cx.store, session, kind, &label, cx.now).map(|_| ())
            }
            (Intent::Edit, Some(m)) => {
                places::update_payment_method(cx.store, session, m.id, &label, m.active, cx.now)
            }
            _ => return Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingPaymentMethod]))),
        };
        result.map_err(|e| (0, e.to_string()))?;
        Ok(Msg::Saved.text().to_owned())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.methods.get(row) {
            Some(m) => {
                places::update_payment_method(cx.store, session, m.id, &m.label, !m.active, cx.now)
            }
            None => Ok(()),
        }
    }
}
