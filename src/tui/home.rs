//! The home screen: the modes the user's roles allow and that exist, nothing else.

use super::keys::{self, Action, Binding};
use super::theme;
use super::view::{Cx, Effect, Go, View};
use crate::domain::Role;
use crate::i18n::Msg;
use crate::ops::Session;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

/// A mode of the home screen: its label, where it goes, and the roles that may open it.
const MODES: &[(Msg, Go, &[Role])] = &[
    (Msg::ModeTill, Go::Till, &[Role::Cashier, Role::Manager]),
    (
        Msg::ModeSorting,
        Go::Sorting,
        &[Role::Sorter, Role::Manager],
    ),
    (Msg::ModeItems, Go::Items, &[Role::Manager]),
    (Msg::ModePriceGrid, Go::PriceGrid, &[Role::Manager]),
    (Msg::ModeMarkdown, Go::Markdown, &[Role::Manager]),
    (Msg::ModeSortingLists, Go::SortingLists, &[Role::Manager]),
    (Msg::ModeUsers, Go::Users, &[Role::Manager]),
    (Msg::ModeCategories, Go::Categories, &[Role::Manager]),
    (Msg::ModePointsOfSale, Go::PointsOfSale, &[Role::Manager]),
    (Msg::ModeTerminals, Go::Terminals, &[Role::Manager]),
    (
        Msg::ModePaymentMethods,
        Go::PaymentMethods,
        &[Role::Manager],
    ),
    (Msg::ModeStructure, Go::Structure, &[Role::Manager]),
    (Msg::ModePrintJobs, Go::PrintJobs, &[Role::Manager]),
    (Msg::ModeCafe, Go::Cafe, &[Role::Cafe, Role::Manager]),
    (Msg::ModeKitchen, Go::Kitchen, &[Role::Cafe, Role::Manager]),
    (Msg::ModeMenu, Go::Menu, &[Role::Manager]),
    (Msg::ModeMembers, Go::Members, &[Role::Manager]),
    (Msg::ModeReports, Go::Reports, &[Role::Manager]),
];

pub struct HomeView {
    greeting: String,
    modes: Vec<(Msg, Go)>,
    selected: usize,
}

impl HomeView {
    pub fn new(session: &Session) -> HomeView {
        HomeView {
            greeting: Msg::LoginWelcome.fill(&[session.name()]),
            modes: MODES
                .iter()
                .filter(|(_, _, roles)| roles.iter().any(|r| session.has(*r)))
                .map(|(label, go, _)| (*label, go.clone()))
                .collect(),
            selected: 0,
        }
    }
}

impl View for HomeView {
    fn title(&self) -> String {
        Msg::HomeTitle.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        vec![
            keys::LIST[0],
            keys::LIST[1],
            keys::CHOOSE,
            keys::LOGOUT,
            keys::QUIT,
        ]
    }

    fn handle(&mut self, action: Action, _cx: &mut Cx) -> Effect {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.modes.len().saturating_sub(1))
            }
            Action::Submit => {
                if let Some((_, go)) = self.modes.get(self.selected) {
                    return Effect::GoTo(go.clone());
                }
            }
            Action::Input(c) => {
                let index = c.to_digit(10).and_then(|d| (d as usize).checked_sub(1));
                if let Some((_, go)) = index.and_then(|i| self.modes.get(i)) {
                    return Effect::GoTo(go.clone());
                }
            }
            Action::Logout => return Effect::Logout,
            _ => {}
        }
        Effect::None
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let block =
            Block::bordered().title(Line::styled(format!(" {} ", self.greeting), theme::title()));
        if self.modes.is_empty() {
            frame.render_widget(
                Paragraph::new(format!("\n {}", Msg::HomeNothing.text())).block(block),
                area,
            );
            return;
        }
        let items: Vec<ListItem> = self
            .modes
            .iter()
            .enumerate()
            .map(|(i, (label, _))| ListItem::new(format!(" {:>2}  {}", i + 1, label.text())))
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme::selected())
                .highlight_symbol("▶"),
            area,
            &mut state,
        );
    }
}
