//! The first-run screen: the structure's name and the first manager (name, PIN twice).

use super::form::{Field, Form, FormEvent};
use super::keys::{self, Action, Binding};
use super::view::{Cx, Effect, Go, View};
use crate::domain::{Name, Pin};
use crate::i18n::Msg;
use crate::ops::setup::{self, SetupRequest};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

pub struct SetupView {
    form: Form,
}

impl SetupView {
    pub fn new() -> SetupView {
        SetupView {
            form: Form::new(
                Msg::SetupTitle.text(),
                vec![
                    Field::text(Msg::SetupStructureName, "", Name::MAX),
                    Field::text(Msg::SetupManagerName, "", Name::MAX),
                    Field::secret(Msg::SetupPin),
                    Field::secret(Msg::SetupPinAgain),
                ],
            ),
        }
    }

    fn submit(&mut self, cx: &mut Cx) -> Effect {
        let structure = match Name::parse(self.form.value(0)) {
            Ok(name) => name,
            Err(e) => return self.refuse(0, e.to_string()),
        };
        let manager = match Name::parse(self.form.value(1)) {
            Ok(name) => name,
            Err(e) => return self.refuse(1, e.to_string()),
        };
        let pin = match Pin::parse_confirmed(self.form.value(2), self.form.value(3)) {
            Ok(pin) => pin,
            Err(e) => {
                // A mistyped PIN is typed again from scratch, both times.
                self.form.clear(2);
                self.form.clear(3);
                return self.refuse(2, e.to_string());
            }
        };
        let request = SetupRequest {
            structure,
            manager,
            pin,
        };
        match setup::initialise(cx.store, &request, cx.now, cx.key_dir) {
            Ok(_) => Effect::GoTo(Go::Login(Some(Msg::SetupDone.text().to_owned()))),
            Err(e) => self.refuse(0, e.to_string()),
        }
    }

    fn refuse(&mut self, field: usize, message: String) -> Effect {
        self.form.refuse(field, message);
        Effect::None
    }
}

impl View for SetupView {
    fn title(&self) -> String {
        Msg::SetupTitle.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        keys::FORM
            .iter()
            .copied()
            // Text and PINs only: no choice to change, nothing to tick, nowhere to go back.
            .filter(|b| {
                !matches!(
                    b.action,
                    Action::Back | Action::Left | Action::Right | Action::Toggle
                )
            })
            .collect()
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match self.form.handle(action) {
            FormEvent::Submit => self.submit(cx),
            FormEvent::Editing | FormEvent::Cancel => Effect::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let [intro, body] =
            Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(format!("\n {}", Msg::SetupIntro.text())).wrap(Wrap { trim: false }),
            intro,
        );
        self.form.render(frame, body);
    }
}
