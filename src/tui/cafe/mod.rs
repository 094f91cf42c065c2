//! The café-crêperie's screen: the open orders (table or name, what is left to pay, lines
//! not sent yet, « prêt » from the kitchen), a new one in one key, and an order: lines
//! added by shortcut (`2*gc +œuf !sans gluten`, `so 3,50` for a prix libre), removed,
//! served in the other mode, sent to the stations (F3), billed as a note (F4), moved or
//! merged, and paid ([`pay`]). Every change is in the database at once: another café
//! terminal sees it, a crash loses nothing.

mod kitchen;
mod member;
mod order;
mod pay;

pub use kitchen::KitchenView;

use super::keys::{self, Action, Binding, bind};
use super::theme;
use super::view::{Cx, Effect, Go, View};
use crate::domain::Money;
use crate::domain::cafe::{ServiceMode, Station};
use crate::i18n::Msg;
use crate::ops::cafe::{self as orders};
use crate::ops::{self, OpsError};
use crate::storage::cafe::{Line, Order, Product};
use crate::storage::payment_methods::PaymentMethod;
use pay::Paying;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, List, ListItem, Paragraph};
use std::collections::BTreeSet;

const OPEN: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyOpen));
const NEW: Binding = bind(KeyCode::F(2), Action::Add, Some(Msg::KeyNewOrder));
const PRINT_TICKET: Binding = bind(KeyCode::F(4), Action::Reprint, Some(Msg::KeyPrintTicket));
const VALIDATE: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyValidate));
const ERASE: Binding = bind(KeyCode::Backspace, Action::Erase, None);
const SERVICE: Binding = bind(KeyCode::Tab, Action::NextField, Some(Msg::KeyServiceMode));
const CANCEL: Binding = bind(KeyCode::Esc, Action::Back, Some(Msg::KeyCancel));

enum Mode {
    List,
    /// A new order: its table number or name being typed.
    NewOrder,
    Order(i64),
    /// The order's new table or name being typed (an open one: the two merge).
    Move(i64),
    /// The number of equal parts being typed.
    Parts(i64),
    Paying(Paying),
    /// « Adhésion » or « Don » being filled in.
    Member(super::member_forms::MemberForm),
    /// A fee or a donation waiting for its payment method.
    Taking(member::Taking),
}

pub struct CafeView {
    orders: Vec<Order>,
    lines: Vec<Line>,
    menu: Vec<Product>,
    methods: Vec<PaymentMethod>,
    selected: usize,
    input: String,
    mode: Mode,
    /// Lines chosen to be paid now (F5), the rest staying open.
    marked: BTreeSet<i64>,
    /// The last ticket paid here, to print on request (F4 on the list).
    last_paid: Option<(String, i64)>,
    /// The service mode of the next order opened (Tab in the prompt).
    new_mode: ServiceMode,
    /// The time of the last reload, for the orders' ages.
    now: crate::storage::Timestamp,
    /// Station printers holding tickets they could not print: (station, pending, why).
    faults: Vec<(String, usize, String)>,
}

fn label_of(order: &Order) -> String {
    if order.is_table {
        Msg::KitchenTable.fill(&[&order.label])
    } else {
        order.label.clone()
    }
}

impl CafeView {
    pub fn open(cx: &mut Cx) -> ops::Result<CafeView> {
        let mut view = CafeView {
            orders: Vec::new(),
            lines: Vec::new(),
            menu: orders::menu(cx.store)?,
            methods: ops::places::payment_methods(cx.store)?
                .into_iter()
                .filter(|m| m.active)
                .collect(),
            selected: 0,
            input: String::new(),
            mode: Mode::List,
            marked: BTreeSet::new(),
            last_paid: None,
            faults: Vec::new(),
            new_mode: ServiceMode::OnSite,
            now: cx.now,
        };
        view.reload(cx)?;
        Ok(view)
    }

    fn current(&self) -> Option<i64> {
        match &self.mode {
            Mode::Order(id) | Mode::Move(id) | Mode::Parts(id) => Some(*id),
            Mode::Paying(p) => Some(p.order),
            Mode::List | Mode::NewOrder | Mode::Member(_) | Mode::Taking(_) => None,
        }
    }

    fn reload(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.now = cx.now;
        self.orders = orders::open_orders(cx.store)?;
        if let Some(id) = self.current() {
            self.lines = orders::lines(cx.store, id)?;
            let payable: BTreeSet<i64> = self
                .lines
                .iter()
                .filter(|l| !l.paid && !l.cancelled)
                .map(|l| l.id)
                .collect();
            self.marked.retain(|id| payable.contains(id));
        }
        self.faults = [Station::Creperie, Station::Bar]
            .into_iter()
            .filter_map(|station| {
                let status = cx.stations.status(station)?;
                let why = status.fault.filter(|_| status.pending > 0)?;
                Some((orders::station_name(station), status.pending, why))
            })
            .collect();
        Ok(())
    }

    fn session(cx: &Cx) -> ops::Result<ops::Session> {
        cx.session.cloned().ok_or(OpsError::NotInitialised)
    }

    fn order(&self, id: i64) -> Option<&Order> {
        self.orders.iter().find(|o| o.id == id)
    }

    fn enter_order(&mut self, id: i64, cx: &mut Cx) -> Effect {
        self.mode = Mode::Order(id);
        self.input.clear();
        self.marked.clear();
        match self.reload(cx) {
            Ok(()) => {
                self.selected = self.lines.len().saturating_sub(1);
                Effect::None
            }
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    fn back_to_list(&mut self, cx: &mut Cx) {
        self.mode = Mode::List;
        self.selected = 0;
        self.input.clear();
        self.marked.clear();
        let _ = self.reload(cx);
    }

    fn handle_list(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.orders.len().saturating_sub(1))
            }
            Action::Add => {
                self.input.clear();
                self.new_mode = ServiceMode::OnSite;
                self.mode = Mode::NewOrder;
            }
            Action::Submit => {
                if let Some(id) = self.orders.get(self.selected).map(|o| o.id) {
                    return self.enter_order(id, cx);
                }
            }
            Action::Reprint => {
                let Some((series, number)) = self.last_paid.clone() else {
                    return Effect::Info(Msg::CafeNoTicketYet.text().to_owned());
                };
                return match print_document(cx, &series, number) {
                    None => {
                        self.last_paid = None;
                        Effect::Info(Msg::TillReceiptPrinted.fill(&[&series, &number]))
                    }
                    Some(problem) => Effect::Error(problem),
                };
            }
            Action::Membership => return self.open_fee(cx, ""),
            Action::Donation => return self.open_donation(),
            Action::Back => return Effect::GoTo(Go::Home),
            _ => {}
        }
        Effect::None
    }

    /// A line of text typed at the bottom (a new order's label, a move, a number of
    /// parts); Enter hands it to `done`.
    fn handle_prompt(
        &mut self,
        action: Action,
        cx: &mut Cx,
        done: impl FnOnce(&mut Self, &mut Cx) -> Effect,
    ) -> Effect {
        match action {
            Action::Input(c) if self.input.chars().count() < 30 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Back => match self.current() {
                Some(id) => {
                    self.input.clear();
                    self.mode = Mode::Order(id);
                }
                None => self.mode = Mode::List,
            },
            Action::Submit => return done(self, cx),
            Action::NextField => {
                self.new_mode = match self.new_mode {
                    ServiceMode::OnSite => ServiceMode::Takeaway,
                    ServiceMode::Takeaway => ServiceMode::OnSite,
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn open_new(&mut self, cx: &mut Cx) -> Effect {
        let opened = Self::session(cx).and_then(|session| {
            orders::open_order(cx.store, &session, &self.input, self.new_mode, cx.now)
        });
        match opened {
            Ok(id) => self.enter_order(id, cx),
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    fn render_list(&self, frame: &mut Frame, area: Rect) {
        let fault_rows = self.faults.len() as u16;
        let [list_area, fault_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(fault_rows)]).areas(area);
        let items: Vec<ListItem> = if self.orders.is_empty() {
            vec![ListItem::new(Msg::CafeNoOrders.text())]
        } else {
            self.orders
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let mut state = Vec::new();
                    if o.unsent > 0 {
                        state.push(Msg::CafeUnsent.fill(&[&o.unsent]));
                    }
                    if o.ready {
                        state.push(Msg::CafeReadyMark.text().to_owned());
                    }
                    if let Some((parts, paid)) = o.split {
                        state.push(Msg::CafePortionShare.fill(&[&(paid + 1), &parts]));
                    }
                    let age = minutes_since(o.opened_at, self.now);
                    let text = format!(
                        "{:<24} {:>6} {:>12}  {}",
                        label_of(o),
                        age,
                        o.due.to_string(),
                        state.join(" · ")
                    );
                    let style = if i == self.selected {
                        theme::selected()
                    } else {
                        theme::value()
                    };
                    ListItem::new(text).style(style)
                })
                .collect()
        };
        frame.render_widget(
            List::new(items)
                .block(Block::bordered().title(format!(" {} ", Msg::CafeOrders.text()))),
            list_area,
        );
        let faults: Vec<ratatui::text::Line> = self
            .faults
            .iter()
            .map(|(station, pending, why)| {
                ratatui::text::Line::styled(
                    Msg::CafeStationFault.fill(&[station, pending, why]),
                    theme::error(),
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(faults), fault_area);
    }

    fn render_prompt(&self, title: Msg, frame: &mut Frame, area: Rect) {
        frame.render_widget(
            Paragraph::new(format!("› {}▏", self.input))
                .block(Block::bordered().title(format!(" {} ", title.text()))),
            area,
        );
    }
}

/// How long ago, in whole minutes (« 12 min »).
fn minutes_since(then: crate::storage::Timestamp, now: crate::storage::Timestamp) -> String {
    format!("{} min", (now - then).num_minutes().max(0))
}

/// Prints a journal document on this machine's receipt printer; says why not.
fn print_document(cx: &mut Cx, series: &str, number: i64) -> Option<String> {
    let Some(printer) = cx.printer else {
        return Some(Msg::TillNoPrinter.text().to_owned());
    };
    let printable = match ops::till::printable(cx.store, series, number) {
        Ok(p) => p,
        Err(e) => return Some(e.to_string()),
    };
    match crate::print::receipt::document_slip(&printable.payload, &printable.hash, None) {
        Ok(slip) => printer.print(series, &slip).err().map(|e| e.to_string()),
        Err(e) => Some(e.to_string()),
    }
}

/// A line's amount: its unit price with supplements times its quantity.
fn line_total(line: &Line) -> Money {
    Money::from_cents(line.unit_price.cents() * line.quantity)
}

impl View for CafeView {
    fn title(&self) -> String {
        Msg::ModeCafe.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        match &self.mode {
            Mode::List => vec![
                OPEN,
                keys::LIST[0],
                keys::LIST[1],
                NEW,
                PRINT_TICKET,
                keys::MEMBERSHIP,
                keys::DONATION,
                keys::BACK,
            ],
            Mode::NewOrder => vec![VALIDATE, SERVICE, ERASE, CANCEL],
            Mode::Move(_) | Mode::Parts(_) => vec![VALIDATE, ERASE, CANCEL],
            Mode::Order(_) => order::BINDINGS.to_vec(),
            Mode::Paying(_) => pay::BINDINGS.to_vec(),
            Mode::Member(_) => member::FORM_BINDINGS.to_vec(),
            Mode::Taking(_) => member::TAKING_BINDINGS.to_vec(),
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match &self.mode {
            Mode::List => self.handle_list(action, cx),
            Mode::NewOrder => self.handle_prompt(action, cx, Self::open_new),
            Mode::Order(id) => self.handle_order(*id, action, cx),
            Mode::Move(id) => {
                let id = *id;
                self.handle_prompt(action, cx, move |view, cx| view.move_to(id, cx))
            }
            Mode::Parts(id) => {
                let id = *id;
                self.handle_prompt(action, cx, move |view, cx| view.split_in(id, cx))
            }
            Mode::Paying(_) => self.handle_paying(action, cx),
            Mode::Member(_) => self.handle_member(action, cx),
            Mode::Taking(_) => self.handle_taking(action, cx),
        }
    }

    fn refresh(&mut self, cx: &mut Cx) {
        // Another café terminal may have added lines or paid; the kitchen may say « prêt ».
        if matches!(self.mode, Mode::List | Mode::Order(_))
            && let Err(e) = self.reload(cx)
        {
            tracing::warn!(error = %e, "café refresh");
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        match &self.mode {
            Mode::List => self.render_list(frame, area),
            Mode::NewOrder => {
                let [mode_area, prompt] =
                    Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(area);
                frame.render_widget(
                    Paragraph::new(format!(" {}", orders::mode_name(self.new_mode)))
                        .style(theme::title()),
                    mode_area,
                );
                self.render_prompt(Msg::CafeNewOrderPrompt, frame, prompt);
            }
            Mode::Order(id) => self.render_order(*id, frame, area),
            Mode::Move(_) => self.render_prompt(Msg::CafeMovePrompt, frame, area),
            Mode::Parts(_) => self.render_prompt(Msg::CafePartsPrompt, frame, area),
            Mode::Paying(paying) => self.render_paying(paying, frame, area),
            Mode::Member(form) => {
                self.render_list(frame, area);
                form.render(frame, area);
            }
            Mode::Taking(taking) => self.render_taking(taking, frame, area),
        }
    }
}
