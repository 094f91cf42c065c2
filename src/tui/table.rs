//! The screen shape shared by every manager list (users, categories, points of sale,
//! terminals, payment methods): a table with a selection, F2 add, F3 edit, F4 enable or
//! disable, and a form over the table while adding or editing.

use super::form::{Form, FormEvent};
use super::keys::{self, Action, Binding};
use super::theme;
use super::view::{Cx, Effect, Go, View};
use crate::domain::Role;
use crate::i18n::Msg;
use crate::ops::{self, OpsError, Session};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table as TableWidget, TableState, Wrap};

/// Why a form is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    Add,
    Edit,
    ResetPin,
    /// A search over the whole list (the member register's).
    Search,
}

impl Intent {
    /// Whether the form is about the selected row.
    fn on_row(self) -> bool {
        matches!(self, Intent::Edit | Intent::ResetPin)
    }
}

/// A refused form: the field to go back to and the message.
pub type Refusal = (usize, String);

/// One kind of manager list.
pub trait Table {
    fn title(&self) -> Msg;
    fn columns(&self) -> Vec<(Msg, Constraint)>;
    /// Reads the rows again from the database.
    fn load(&mut self, cx: &mut Cx) -> ops::Result<()>;
    /// The cells of every row, in column order.
    fn rows(&self) -> Vec<Vec<String>>;
    fn is_active(&self, row: usize) -> bool;
    /// Keys beyond add / edit / enable (the users' "new PIN").
    fn extra_bindings(&self) -> Vec<Binding> {
        Vec::new()
    }
    /// The add, edit and enable keys as this table names them (`None` hides one).
    fn standard_bindings(&self) -> Vec<Binding> {
        vec![keys::ADD, keys::EDIT, keys::ENABLE]
    }
    /// The form for `intent` on `row`, or `None` if this table has no such form.
    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form>;
    /// Saves a submitted form; `Ok` carries the confirmation to show.
    fn submit(
        &mut self,
        intent: Intent,
        row: Option<usize>,
        form: &Form,
        cx: &mut Cx,
    ) -> Result<String, Refusal>;
    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()>;
    /// An action of this table's own keys (beyond add, edit, enable, the second form) on
    /// `row`: `Some` with the confirmation to show, `None` when it is not this table's.
    fn act(
        &mut self,
        _action: Action,
        _row: usize,
        _cx: &mut Cx,
    ) -> Option<Result<String, String>> {
        None
    }
    /// Lines about the selected row shown under the table (a member's fees); none by
    /// default.
    fn detail(&self, _row: usize) -> Vec<String> {
        Vec::new()
    }
    /// Whether saving a row of this table may change the status line's place.
    fn changes_place(&self) -> bool {
        false
    }
}

/// The logged-in session, which every manager screen has (the app opens none without).
pub fn session<'a>(cx: &Cx<'a>) -> ops::Result<&'a Session> {
    cx.session.ok_or(OpsError::Forbidden(Role::Manager))
}

pub struct TableView<T: Table> {
    table: T,
    selected: usize,
    form: Option<(Intent, Form)>,
}

impl<T: Table> TableView<T> {
    pub fn open(mut table: T, cx: &mut Cx) -> ops::Result<TableView<T>> {
        table.load(cx)?;
        Ok(TableView {
            table,
            selected: 0,
            form: None,
        })
    }

    fn open_form(&mut self, intent: Intent) {
        let row = intent.on_row().then_some(self.selected);
        if row.is_some_and(|r| r >= self.table.rows().len()) {
            return;
        }
        self.form = self.table.form(intent, row).map(|f| (intent, f));
    }

    fn reload(&mut self, cx: &mut Cx) -> Option<String> {
        match self.table.load(cx) {
            Ok(()) => {
                self.selected = self.selected.min(self.table.rows().len().saturating_sub(1));
                None
            }
            Err(e) => Some(e.to_string()),
        }
    }

    fn done(&mut self, message: String, cx: &mut Cx) -> Effect {
        if let Some(error) = self.reload(cx) {
            return Effect::Error(error);
        }
        if self.table.changes_place() {
            Effect::PlaceChanged(message)
        } else {
            Effect::Info(message)
        }
    }
}

impl<T: Table> View for TableView<T> {
    fn title(&self) -> String {
        self.table.title().text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        if self.form.is_some() {
            return keys::FORM.to_vec();
        }
        let mut bindings = vec![keys::LIST[0], keys::LIST[1]];
        bindings.extend(self.table.standard_bindings());
        bindings.extend(self.table.extra_bindings());
        bindings.extend([keys::BACK, keys::QUIT]);
        bindings
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if let Some((intent, form)) = &mut self.form {
            let intent = *intent;
            return match form.handle(action) {
                FormEvent::Editing => Effect::None,
                FormEvent::Cancel => {
                    self.form = None;
                    Effect::None
                }
                FormEvent::Submit => {
                    let row = intent.on_row().then_some(self.selected);
                    let snapshot = form.clone();
                    match self.table.submit(intent, row, &snapshot, cx) {
                        Ok(message) => {
                            self.form = None;
                            self.done(message, cx)
                        }
                        Err((field, message)) => {
                            if let Some((_, form)) = &mut self.form {
                                // A refused PIN is typed again from scratch, both times.
                                for (i, f) in snapshot.fields.iter().enumerate() {
                                    if matches!(f.kind, super::form::FieldKind::Secret { .. }) {
                                        form.clear(i);
                                    }
                                }
                                form.refuse(field, message);
                            }
                            Effect::None
                        }
                    }
                }
            };
        }
        let count = self.table.rows().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Add => self.open_form(Intent::Add),
            Action::Edit | Action::Submit => self.open_form(Intent::Edit),
            Action::ResetPin => self.open_form(Intent::ResetPin),
            Action::Search => self.open_form(Intent::Search),
            Action::Enable
                if self.selected < count
                    && self
                        .table
                        .standard_bindings()
                        .iter()
                        .any(|b| b.action == Action::Enable) =>
            {
                return match self.table.toggle(self.selected, cx) {
                    Ok(()) => self.done(Msg::Saved.text().to_owned(), cx),
                    Err(e) => Effect::Error(e.to_string()),
                };
            }
            Action::Back => return Effect::GoTo(Go::Home),
            other if self.selected < count => {
                if let Some(outcome) = self.table.act(other, self.selected, cx) {
                    return match outcome {
                        Ok(message) => self.done(message, cx),
                        Err(error) => Effect::Error(error),
                    };
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let detail = self.table.detail(self.selected);
        let full = area;
        let (area, below) = if detail.is_empty() {
            (area, None)
        } else {
            let lines = u16::try_from(detail.len()).unwrap_or(u16::MAX).min(6) + 2;
            let [top, bottom] =
                Layout::vertical([Constraint::Min(5), Constraint::Length(lines)]).areas(area);
            (top, Some(bottom))
        };
        if let Some(bottom) = below {
            frame.render_widget(
                Paragraph::new(detail.into_iter().map(Line::from).collect::<Vec<_>>())
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered()),
                bottom,
            );
        }
        let columns = self.table.columns();
        let header =
            Row::new(columns.iter().map(|(m, _)| m.text().to_owned())).style(theme::title());
        let rows: Vec<Row> = self
            .table
            .rows()
            .into_iter()
            .enumerate()
            .map(|(i, cells)| {
                let row = Row::new(cells);
                if self.table.is_active(i) {
                    row
                } else {
                    row.style(theme::dim())
                }
            })
            .collect();
        let widths: Vec<Constraint> = columns.iter().map(|(_, c)| *c).collect();
        let mut state = TableState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            TableWidget::new(rows, widths)
                .header(header)
                .block(
                    Block::bordered()
                        .title(Line::styled(format!(" {} ", self.title()), theme::title())),
                )
                .row_highlight_style(theme::selected())
                .highlight_symbol("▶"),
            area,
            &mut state,
        );
        if let Some((_, form)) = &self.form {
            form.render(frame, full);
        }
    }
}

/// "actif" / "désactivé".
pub fn state_text(active: bool) -> String {
    if active { Msg::Active } else { Msg::Inactive }
        .text()
        .to_owned()
}
