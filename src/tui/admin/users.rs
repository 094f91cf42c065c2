//! Users: add one with roles and a PIN, rename, change roles, disable, give a new PIN.

use crate::domain::{Name, Pin, Role, Roles};
use crate::i18n::Msg;
use crate::ops::{self, users};
use crate::tui::form::{Field, Form};
use crate::tui::keys::{self, Binding};
use crate::tui::table::{Intent, Refusal, Table, session, state_text};
use crate::tui::view::Cx;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct UsersTable {
    users: Vec<users::User>,
}

fn role_flags(roles: Roles) -> Field {
    Field::flags(
        Msg::FormRoles,
        Role::ALL
            .iter()
            .map(|r| r.label().text().to_owned())
            .collect(),
        Role::ALL.iter().map(|r| roles.contains(*r)).collect(),
    )
}

fn roles_from(flags: &[bool]) -> Roles {
    Role::ALL
        .iter()
        .zip(flags)
        .filter(|(_, on)| **on)
        .map(|(r, _)| *r)
        .collect()
}

impl Table for UsersTable {
    fn title(&self) -> Msg {
        Msg::ModeUsers
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColName, Constraint::Fill(2)),
            (Msg::ColRoles, Constraint::Fill(3)),
            (Msg::ColState, Constraint::Length(12)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.users = users::list(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.users
            .iter()
            .map(|u| {
                let state = if u.active && u.failed_attempts > 0 {
                    format!("{} ({})", state_text(true), u.failed_attempts)
                } else {
                    state_text(u.active)
                };
                vec![u.name.to_string(), u.roles.to_string(), state]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.users.get(row).is_some_and(|u| u.active)
    }

    fn extra_bindings(&self) -> Vec<Binding> {
        vec![keys::RESET_PIN]
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let user = row.and_then(|r| self.users.get(r));
        match (intent, user) {
            (Intent::Add, _) => Some(Form::new(
                Msg::FormTitleAddUser.text(),
                vec![
                    Field::text(Msg::FormName, "", Name::MAX),
                    role_flags(Roles::empty()),
                    Field::secret(Msg::FormPin),
                    Field::secret(Msg::FormPinAgain),
                ],
            )),
            (Intent::Edit, Some(user)) => Some(Form::new(
                Msg::FormTitleEditUser.text(),
                vec![
                    Field::text(Msg::FormName, user.name.as_str(), Name::MAX),
                    role_flags(user.roles),
                ],
            )),
            (Intent::ResetPin, Some(user)) => Some(Form::new(
                Msg::FormTitleResetPin.fill(&[&user.name]),
                vec![
                    Field::secret(Msg::FormPin),
                    Field::secret(Msg::FormPinAgain),
                ],
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
        let user = row.and_then(|r| self.users.get(r));
        match (intent, user) {
            (Intent::Add, _) => {
                let name = Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
                let roles = roles_from(&form.flags(1));
                let pin = Pin::parse_confirmed(form.value(2), form.value(3))
                    .map_err(|e| (2, e.to_string()))?;
                users::add(cx.store, session, &name, roles, &pin, cx.now)
                    .map_err(|e| (0, e.to_string()))?;
                Ok(Msg::Saved.text().to_owned())
            }
            (Intent::Edit, Some(user)) => {
                let name = Name::parse(form.value(0)).map_err(|e| (0, e.to_string()))?;
                let roles = roles_from(&form.flags(1));
                users::update(cx.store, session, user.id, &name, roles, cx.now)
                    .map_err(|e| (1, e.to_string()))?;
                Ok(Msg::Saved.text().to_owned())
            }
            (Intent::ResetPin, Some(user)) => {
                let pin = Pin::parse_confirmed(form.value(0), form.value(1))
                    .map_err(|e| (0, e.to_string()))?;
                users::reset_pin(cx.store, session, user.id, &pin, cx.now)
                    .map_err(|e| (0, e.to_string()))?;
                Ok(Msg::PinChanged.fill(&[&user.name]))
            }
            _ => Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingUser]))),
        }
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?;
        match self.users.get(row) {
            Some(user) => users::set_active(cx.store, session, user.id, !user.active, cx.now),
            None => Ok(()),
        }
    }
}
