//! The café-crêperie's screen: the open orders (table or name, how long open, what is
//! left to pay, lines not sent yet), a new one in one key, and an order: lines added by
//! shortcut (`2*gc +œuf !sans gluten`, `so 3,50` for a prix libre), removed, sent to the
//! stations (F3), its bill printed as a note (F4), paid (F2). Every change is in the
//! database at once: another café terminal sees it, a crash loses nothing.

use super::keys::{self, Action, Binding, bind};
use super::theme;
use super::view::{Cx, Effect, Go, View};
use crate::domain::cafe::ServiceMode;
use crate::domain::{Money, PaymentKind, search_key};
use crate::i18n::Msg;
use crate::ops::cafe::{self as orders, Portion, Request};
use crate::ops::till::Payment;
use crate::ops::{self, OpsError};
use crate::storage::cafe::{Line, Order, Product};
use crate::storage::payment_methods::PaymentMethod;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line as TextLine;
use ratatui::widgets::{Block, List, ListItem, Paragraph};

const OPEN: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyOpen));
const NEW: Binding = bind(KeyCode::F(2), Action::Add, Some(Msg::KeyNewOrder));
const ADD_LINE: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyAddLine));
const PAY: Binding = bind(KeyCode::F(2), Action::Pay, Some(Msg::KeyPay));
const SEND: Binding = bind(KeyCode::F(3), Action::Edit, Some(Msg::KeySend));
const BILL: Binding = bind(KeyCode::F(4), Action::Enable, Some(Msg::KeyBill));
const REMOVE: Binding = bind(KeyCode::Delete, Action::Remove, Some(Msg::KeyRemove));
const VALIDATE: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyValidate));
const METHOD: Binding = bind(KeyCode::Left, Action::Left, Some(Msg::KeyChange));
const RIGHT: Binding = bind(KeyCode::Right, Action::Right, None);
const ERASE: Binding = bind(KeyCode::Backspace, Action::Erase, None);
const CANCEL: Binding = bind(KeyCode::Esc, Action::Back, Some(Msg::KeyCancel));

enum Mode {
    List,
    /// A new order: its table number or name being typed.
    NewOrder,
    Order(i64),
    /// Paying everything left on the order: the method chosen, the amount typed.
    Paying {
        order: i64,
        method: usize,
    },
}

pub struct CafeView {
    orders: Vec<Order>,
    lines: Vec<Line>,
    menu: Vec<Product>,
    methods: Vec<PaymentMethod>,
    selected: usize,
    input: String,
    mode: Mode,
}

/// What an order line asks: `[N*]shortcut [price] [+supplement …] [!note …]`.
fn parse_line(text: &str, menu: &[Product]) -> Result<Request, String> {
    let (note, head) = match text.split_once('!') {
        Some((head, note)) => (note.trim().to_owned(), head),
        None => (String::new(), text),
    };
    let mut words = head.split_whitespace();
    let first = words.next().unwrap_or_default();
    let (quantity, shortcut) = match first.split_once('*') {
        Some((n, code)) => (
            n.trim()
                .parse::<i64>()
                .map_err(|_| Msg::CafeBadQuantity.fill(&[&n]))?,
            code,
        ),
        None => (1, first),
    };
    let product = menu
        .iter()
        .find(|p| {
            p.shortcut
                .as_deref()
                .is_some_and(|s| s == search_key(shortcut))
        })
        .ok_or_else(|| Msg::CafeUnknownShortcut.fill(&[&shortcut]))?;
    let mut request = Request {
        product: product.id,
        quantity,
        note,
        ..Request::default()
    };
    for word in words {
        match word.strip_prefix('+') {
            Some(supplement) => request.supplements.push(supplement.to_owned()),
            None => request.price = Some(Money::parse(word).map_err(|e| e.to_string())?),
        }
    }
    Ok(request)
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
                .filter(|m| m.active && m.kind != PaymentKind::Voucher)
                .collect(),
            selected: 0,
            input: String::new(),
            mode: Mode::List,
        };
        view.reload(cx)?;
        Ok(view)
    }

    fn reload(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.orders = orders::open_orders(cx.store)?;
        if let Mode::Order(id) | Mode::Paying { order: id, .. } = self.mode {
            self.lines = orders::lines(cx.store, id)?;
        }
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
        match self.reload(cx) {
            Ok(()) => {
                self.selected = self.lines.len().saturating_sub(1);
                Effect::None
            }
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    fn handle_list(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.orders.len().saturating_sub(1))
            }
            Action::Add => {
                self.input.clear();
                self.mode = Mode::NewOrder;
            }
            Action::Submit => {
                if let Some(id) = self.orders.get(self.selected).map(|o| o.id) {
                    return self.enter_order(id, cx);
                }
            }
            Action::Back => return Effect::GoTo(Go::Home),
            _ => {}
        }
        Effect::None
    }

    fn handle_new(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Input(c) if self.input.chars().count() < 30 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Back => self.mode = Mode::List,
            Action::Submit => {
                let opened = Self::session(cx).and_then(|session| {
                    orders::open_order(cx.store, &session, &self.input, ServiceMode::OnSite, cx.now)
                });
                return match opened {
                    Ok(id) => self.enter_order(id, cx),
                    Err(e) => Effect::Error(e.to_string()),
                };
            }
            _ => {}
        }
        Effect::None
    }

    fn handle_order(&mut self, id: i64, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Input(c) if self.input.chars().count() < 60 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.lines.len().saturating_sub(1))
            }
            Action::Back => {
                self.mode = Mode::List;
                self.selected = 0;
                let _ = self.reload(cx);
            }
            Action::Submit if !self.input.trim().is_empty() => {
                let added = parse_line(&self.input, &self.menu)
                    .map_err(|said| said.to_string())
                    .and_then(|request| {
                        Self::session(cx)
                            .and_then(|s| orders::add_line(cx.store, &s, id, &request, cx.now))
                            .map_err(|e| e.to_string())
                    });
                if let Err(said) = added {
                    return Effect::Error(said);
                }
                self.input.clear();
                let _ = self.reload(cx);
                self.selected = self.lines.len().saturating_sub(1);
            }
            Action::Remove => {
                let Some(line) = self.lines.get(self.selected).map(|l| l.id) else {
                    return Effect::None;
                };
                let removed =
                    Self::session(cx).and_then(|s| orders::remove_line(cx.store, &s, line, cx.now));
                if let Err(e) = removed {
                    return Effect::Error(e.to_string());
                }
                let _ = self.reload(cx);
                self.selected = self.selected.min(self.lines.len().saturating_sub(1));
            }
            Action::Edit => return self.send(id, cx),
            Action::Enable => return self.bill(id, cx),
            Action::Pay => {
                let due = self.order(id).map_or(Money::ZERO, |o| o.due);
                self.input = due.plain();
                self.mode = Mode::Paying {
                    order: id,
                    method: 0,
                };
            }
            _ => {}
        }
        Effect::None
    }

    /// F3: the new lines to their stations; a station printer that is off keeps them.
    fn send(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let sent = Self::session(cx).and_then(|s| orders::send(cx.store, &s, id, cx.now));
        let _ = self.reload(cx);
        match sent {
            Err(e) => Effect::Error(e.to_string()),
            Ok(tickets) if tickets.is_empty() => {
                Effect::Info(Msg::CafeNothingToSend.text().to_owned())
            }
            Ok(tickets) => {
                let mut said = Vec::new();
                let mut problem = None;
                for (station, ticket) in &tickets {
                    said.push(format!("{} n° {}", ticket.station, ticket.number));
                    if let Err(e) = cx.stations.print(*station, ticket) {
                        tracing::warn!(error = %e, "kitchen ticket not printed");
                        problem = Some(Msg::CafeNotPrinted.text());
                    }
                }
                let text = Msg::CafeSent.fill(&[&said.join(", ")]);
                match problem {
                    None => Effect::Info(text),
                    Some(p) => Effect::Error(format!("{text} — {p}")),
                }
            }
        }
    }

    fn context(&self, cx: &mut Cx) -> ops::Result<(ops::Session, crate::journal::Context)> {
        let session = Self::session(cx)?;
        let terminal = cx.terminal.cloned().ok_or(OpsError::NotInitialised)?;
        let ctx = ops::till::context(cx.store, &session, &terminal, cx.now, false)?;
        Ok((session, ctx))
    }

    /// F4: the bill before payment, a note in the journal, printed.
    fn bill(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let billed = self.context(cx).and_then(|(session, ctx)| {
            let key = cx.key.cloned().ok_or(OpsError::Journal(
                crate::journal::JournalError::NoInstallation,
            ))?;
            orders::bill(cx.store, &session, &key, &ctx, id)
        });
        match billed {
            Err(e) => Effect::Error(e.to_string()),
            Ok(note) => {
                let text = Msg::CafeBilled.fill(&[&note.series, &note.number]);
                match print_document(cx, &note.series, note.number) {
                    None => Effect::Info(text),
                    Some(problem) => Effect::Error(format!("{text} — {problem}")),
                }
            }
        }
    }

    fn handle_paying(&mut self, order: i64, method: usize, action: Action, cx: &mut Cx) -> Effect {
        let count = self.methods.len().max(1);
        match action {
            Action::Left => {
                self.mode = Mode::Paying {
                    order,
                    method: (method + count - 1) % count,
                }
            }
            Action::Right => {
                self.mode = Mode::Paying {
                    order,
                    method: (method + 1) % count,
                }
            }
            Action::Input(c) if self.input.chars().count() < 12 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Back => {
                self.input.clear();
                self.mode = Mode::Order(order);
            }
            Action::Submit | Action::Pay => return self.pay(order, method, cx),
            _ => {}
        }
        Effect::None
    }

    fn pay(&mut self, order: i64, method: usize, cx: &mut Cx) -> Effect {
        let amount = match Money::parse(&self.input) {
            Ok(amount) => amount,
            Err(e) => return Effect::Error(e.to_string()),
        };
        let Some(method) = self.methods.get(method) else {
            return Effect::None;
        };
        let payment = Payment {
            method: method.label.to_string(),
            kind: method.kind,
            amount,
            voucher: None,
        };
        let settled = self.context(cx).and_then(|(session, ctx)| {
            let key = cx.key.cloned().ok_or(OpsError::Journal(
                crate::journal::JournalError::NoInstallation,
            ))?;
            orders::settle(
                cx.store,
                &session,
                &key,
                &ctx,
                order,
                &Portion::All,
                &[payment],
            )
        });
        match settled {
            Err(e) => Effect::Error(e.to_string()),
            Ok(paid) => {
                self.input.clear();
                self.mode = Mode::List;
                self.selected = 0;
                let _ = self.reload(cx);
                Effect::Info(Msg::CafePaid.fill(&[&paid.total, &paid.change]))
            }
        }
    }

    fn render_list(&self, frame: &mut Frame, area: Rect) {
        let items: Vec<ListItem> = if self.orders.is_empty() {
            vec![ListItem::new(Msg::CafeNoOrders.text())]
        } else {
            self.orders
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let unsent = if o.unsent > 0 {
                        Msg::CafeUnsent.fill(&[&o.unsent])
                    } else {
                        String::new()
                    };
                    let text = format!("{:<24} {:>12}  {unsent}", label_of(o), o.due.to_string());
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
            area,
        );
    }

    fn render_order(&self, id: i64, frame: &mut Frame, area: Rect) {
        let [lines_area, input_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
        let title = self.order(id).map_or(String::new(), |o| {
            format!(" {} — {} {} ", label_of(o), Msg::CafeDue.text(), o.due)
        });
        let items: Vec<ListItem> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let state = if l.cancelled {
                    Msg::CafeCancelledMark.text()
                } else if l.paid {
                    Msg::CafePaidMark.text()
                } else if l.sent {
                    Msg::CafeSentMark.text()
                } else {
                    ""
                };
                let mut text = format!("{} × {}", l.quantity, l.name);
                if !l.supplements.is_empty() {
                    text.push_str(&format!(" ({})", l.supplements));
                }
                if !l.note.is_empty() {
                    text.push_str(&format!(" ! {}", l.note));
                }
                let total = Money::from_cents(l.unit_price.cents() * l.quantity);
                let line = format!("{text:<52} {:>10} {state}", total.to_string());
                let style = if i == self.selected {
                    theme::selected()
                } else if l.cancelled {
                    theme::dim()
                } else {
                    theme::value()
                };
                ListItem::new(line).style(style)
            })
            .collect();
        frame.render_widget(
            List::new(items).block(Block::bordered().title(title)),
            lines_area,
        );
        frame.render_widget(
            Paragraph::new(format!("› {}▏", self.input))
                .block(Block::bordered().title(format!(" {} ", Msg::CafeInputHint.text()))),
            input_area,
        );
    }
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

impl View for CafeView {
    fn title(&self) -> String {
        Msg::ModeCafe.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        match self.mode {
            Mode::List => vec![OPEN, keys::LIST[0], keys::LIST[1], NEW, keys::BACK],
            Mode::NewOrder => vec![VALIDATE, ERASE, CANCEL],
            Mode::Order(_) => vec![
                ADD_LINE,
                keys::LIST[0],
                keys::LIST[1],
                REMOVE,
                PAY,
                SEND,
                BILL,
                ERASE,
                keys::BACK,
            ],
            Mode::Paying { .. } => vec![VALIDATE, METHOD, RIGHT, ERASE, CANCEL],
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match self.mode {
            Mode::List => self.handle_list(action, cx),
            Mode::NewOrder => self.handle_new(action, cx),
            Mode::Order(id) => self.handle_order(id, action, cx),
            Mode::Paying { order, method } => self.handle_paying(order, method, action, cx),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        match self.mode {
            Mode::List => self.render_list(frame, area),
            Mode::NewOrder => frame.render_widget(
                Paragraph::new(format!("› {}▏", self.input)).block(
                    Block::bordered().title(format!(" {} ", Msg::CafeNewOrderPrompt.text())),
                ),
                area,
            ),
            Mode::Order(id) => self.render_order(id, frame, area),
            Mode::Paying { order, method } => {
                let method = self
                    .methods
                    .get(method)
                    .map_or(String::new(), |m| m.label.to_string());
                let due = self.order(order).map_or(Money::ZERO, |o| o.due);
                let text = vec![
                    TextLine::styled(Msg::CafeDue.fill(&[]) + &format!(" {due}"), theme::title()),
                    TextLine::raw(format!("{:<10} ◀ {method} ▶", Msg::TillGiftMethod.text())),
                    TextLine::raw(format!(
                        "{:<10} {} €",
                        Msg::TillMoveAmount.text(),
                        self.input
                    )),
                ];
                frame.render_widget(
                    Paragraph::new(text)
                        .block(Block::bordered().title(format!(" {} ", Msg::CafePayTitle.text()))),
                    area,
                );
            }
        }
    }
}
