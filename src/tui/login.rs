//! The login screen: pick a user in the list, type the PIN. A demo database shows the
//! demo users' PINs under the list.

use super::keys::{self, Action, Binding};
use super::theme;
use super::view::{Cx, Effect, View};
use crate::i18n::Msg;
use crate::ops::auth;
use crate::ops::users::User;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

pub struct LoginView {
    users: Vec<User>,
    selected: usize,
    /// The PIN being typed, once a user is picked.
    pin: Option<String>,
    error: Option<String>,
}

impl LoginView {
    pub fn new(users: Vec<User>) -> LoginView {
        LoginView {
            users,
            selected: 0,
            pin: None,
            error: None,
        }
    }

    fn demo_pins(&self) -> Option<String> {
        let pins: Vec<String> = self
            .users
            .iter()
            .filter_map(|u| u.demo_pin.as_ref().map(|pin| format!("{} {pin}", u.name)))
            .collect();
        (!pins.is_empty()).then(|| Msg::LoginDemoPins.fill(&[&pins.join(" · ")]))
    }
}

impl View for LoginView {
    fn title(&self) -> String {
        Msg::LoginTitle.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        if self.pin.is_some() {
            vec![keys::VALIDATE, keys::BACK, keys::ERASE, keys::QUIT]
        } else {
            vec![keys::LIST[0], keys::LIST[1], keys::CHOOSE, keys::QUIT]
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        self.error = None;
        match (&mut self.pin, action) {
            (None, Action::Up) => self.selected = self.selected.saturating_sub(1),
            (None, Action::Down) => {
                self.selected = (self.selected + 1).min(self.users.len().saturating_sub(1));
            }
            (None, Action::Submit) if !self.users.is_empty() => self.pin = Some(String::new()),
            (None, Action::Input(c)) => {
                // Typing a letter jumps to the next user whose name starts with it.
                let lower = c.to_lowercase().to_string();
                let n = self.users.len();
                if let Some(i) = (1..=n).map(|k| (self.selected + k) % n).find(|&i| {
                    self.users[i]
                        .name
                        .as_str()
                        .to_lowercase()
                        .starts_with(&lower)
                }) {
                    self.selected = i;
                }
            }
            (Some(pin), Action::Input(c)) if c.is_ascii_digit() && pin.len() < 8 => pin.push(c),
            (Some(pin), Action::Erase) => {
                pin.pop();
            }
            (Some(_), Action::Back) => self.pin = None,
            (Some(pin), Action::Submit) => {
                let typed = std::mem::take(pin);
                let Some(user) = self.users.get(self.selected) else {
                    return Effect::None;
                };
                let terminal = cx.terminal.map(|t| t.to_string()).unwrap_or_default();
                match auth::login_at(
                    cx.store,
                    user.id,
                    &typed,
                    cx.now,
                    cx.key.cloned(),
                    &terminal,
                ) {
                    Ok(session) => return Effect::LoggedIn(session),
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let [top, list_area, bottom] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(5),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", Msg::LoginPickUser.text()),
                theme::title(),
            )),
            top,
        );
        let [list_area, _] =
            Layout::horizontal([Constraint::Length(40), Constraint::Fill(1)]).areas(list_area);
        if self.users.is_empty() {
            frame.render_widget(
                Paragraph::new(format!(" {}", Msg::LoginNoUser.text())),
                list_area,
            );
        } else {
            let items: Vec<ListItem> = self
                .users
                .iter()
                .map(|u| ListItem::new(format!(" {}  ({})", u.name, u.roles)))
                .collect();
            let mut state = ListState::default().with_selected(Some(self.selected));
            frame.render_stateful_widget(
                List::new(items)
                    .block(Block::bordered().title(format!(" {} ", Msg::LoginTitle.text())))
                    .highlight_style(theme::selected())
                    .highlight_symbol("▶"),
                list_area,
                &mut state,
            );
        }
        let mut lines = Vec::new();
        if let (Some(pin), Some(user)) = (&self.pin, self.users.get(self.selected)) {
            lines.push(Line::styled(
                format!(
                    " {} : {}▏",
                    Msg::LoginTypePin.fill(&[&user.name]),
                    "•".repeat(pin.len())
                ),
                theme::focus(),
            ));
        }
        if let Some(error) = &self.error {
            lines.push(Line::styled(format!(" ⚠ {error}"), theme::error()));
        }
        if let Some(pins) = self.demo_pins() {
            lines.push(Line::styled(format!(" {pins}"), theme::dim()));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), bottom);
    }
}
