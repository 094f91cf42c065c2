//! The shop till: one screen with modes — counting the opening float, selling (scans,
//! shortcuts, search, quantities, prices, discounts, parked tickets), taking payments,
//! the receipt question, refunds with a manager's PIN, the X report and the Z.
//!
//! The till binds no bare digit or Enter to an action: digits are typing, Enter submits
//! what was typed, and a scanner's burst arrives as a scan whatever the mode.

mod big;
mod count;
mod member;
mod movement;
mod pay;
mod refund;
mod report;
mod sale;
mod sale_view;

use super::keys::{Action, Binding, bind};
use super::view::{Cx, Effect, Go, View};
use crate::domain::{Cart, Discount, TerminalCode};
use crate::i18n::Msg;
use crate::journal::{Context, InstallationKey};
use crate::ops::till::{self, Sale};
use crate::ops::{self, OpsError, Session};
use crate::print::Slip;
use crate::storage::payment_methods::PaymentMethod;
use crate::storage::till_catalogue::Sellable;
use crate::storage::users::User;
use count::Count;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use std::sync::Arc;

const fn key(code: KeyCode, action: Action, label: Msg) -> Binding {
    bind(code, action, Some(label))
}

const fn hidden(code: KeyCode, action: Action) -> Binding {
    bind(code, action, None)
}

const ENTER_ADD: Binding = key(KeyCode::Enter, Action::Submit, Msg::KeyAddLine);
const ENTER_OK: Binding = key(KeyCode::Enter, Action::Submit, Msg::KeyValidate);
const UP: Binding = key(KeyCode::Up, Action::Up, Msg::KeyMove);
/// On the ticket the arrows choose its line.
const UP_LINE: Binding = key(KeyCode::Up, Action::Up, Msg::KeyLine);
const DOWN: Binding = hidden(KeyCode::Down, Action::Down);
const LEFT: Binding = key(KeyCode::Left, Action::Left, Msg::KeyChange);
const RIGHT: Binding = hidden(KeyCode::Right, Action::Right);
const ERASE: Binding = hidden(KeyCode::Backspace, Action::Erase);
const ESC_BACK: Binding = key(KeyCode::Esc, Action::Back, Msg::KeyBack);
const ESC_CANCEL: Binding = key(KeyCode::Esc, Action::Back, Msg::KeyCancel);
const PAY: Binding = key(KeyCode::F(2), Action::Pay, Msg::KeyPay);
const CONFIRM: Binding = key(KeyCode::F(2), Action::Pay, Msg::KeyValidate);
const PRINT: Binding = key(KeyCode::F(2), Action::Pay, Msg::KeyPrint);
const PRICE: Binding = key(KeyCode::F(3), Action::Price, Msg::KeyPrice);
const LINE_DISCOUNT: Binding = key(KeyCode::F(4), Action::LineDiscount, Msg::KeyLineDiscount);
const TICKET_DISCOUNT: Binding = key(
    KeyCode::F(5),
    Action::TicketDiscount,
    Msg::KeyTicketDiscount,
);
const PARK: Binding = key(KeyCode::F(6), Action::Park, Msg::KeyPark);
const RESUME: Binding = key(KeyCode::F(7), Action::Resume, Msg::KeyResume);
const REPRINT: Binding = key(KeyCode::F(8), Action::Reprint, Msg::KeyReprint);
const REFUND: Binding = key(KeyCode::F(9), Action::Refund, Msg::KeyRefund);
const X_REPORT: Binding = key(KeyCode::F(11), Action::XReport, Msg::KeyXShort);
const Z_CLOSE: Binding = key(KeyCode::F(12), Action::ZClose, Msg::KeyZShort);
const REMOVE: Binding = key(KeyCode::Delete, Action::Remove, Msg::KeyRemove);
const TOGGLE: Binding = key(KeyCode::Char(' '), Action::Toggle, Msg::KeyToggle);
const NEXT_FIELD: Binding = key(KeyCode::Tab, Action::NextField, Msg::KeyNextField);
const AS_VOUCHER: Binding = key(KeyCode::F(5), Action::ChangeAsVoucher, Msg::KeyAsVoucher);
const REFUND_PAY: Binding = key(KeyCode::F(5), Action::ChangeAsVoucher, Msg::KeyRefundPay);
const YES: Binding = key(KeyCode::Char('o'), Action::Yes, Msg::KeyYesPrint);
const NO: Binding = key(KeyCode::Char('n'), Action::No, Msg::KeyNoReceipt);
const CARD: Binding = key(KeyCode::Char('c'), Action::MemberCard, Msg::KeyCard);
const TRAINING: Binding = Binding {
    code: KeyCode::Char('e'),
    modifiers: KeyModifiers::CONTROL,
    action: Action::Toggle,
    label: Some(Msg::KeyTraining),
};
use super::keys::{DONATION, MEMBERSHIP};
const DRAWER: Binding = Binding {
    code: KeyCode::Char('t'),
    modifiers: KeyModifiers::CONTROL,
    action: Action::Drawer,
    label: Some(Msg::KeyDrawer),
};

/// What a search by name found: a category or grid entry, or an item in stock (its
/// label fell off) by its code.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Found {
    Sellable(usize),
    Item {
        code: String,
        description: String,
        price: crate::domain::Money,
    },
}

/// Why a manager's PIN is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    Refund,
    /// The drawer without a sale: opened, or money in or out (Ctrl+T).
    Drawer,
    /// Training mode switched on (Ctrl+E): a manager starts a practice session.
    Training,
    Close,
}

/// A past sale on screen: what to say, the receipt question, what it issued.
#[derive(Clone, Debug)]
struct Done {
    sale: Sale,
    /// The members whose fee was on the ticket: their cards can be printed now.
    members: Vec<i64>,
}

enum Mode {
    /// The float of a new session; `Some(date)` when the same day already had its Z.
    Opening(Count, Option<String>),
    Selling,
    Search {
        found: Vec<Found>,
        selected: usize,
        entry: crate::domain::Entry,
    },
    Reason {
        discount: Discount,
        whole: bool,
        selected: usize,
    },
    Paying(pay::Pay),
    Done(Done),
    Parked(usize),
    Authorise(refund::Authorise),
    Movement(movement::Movement),
    RefundFind,
    RefundLines(refund::Choice),
    Report(report::XView),
    Closing(report::Closing),
    /// « Adhésion » or « Don »: a fee or a donation joins the ticket.
    Member(super::member_forms::MemberForm),
}

pub struct TillView {
    terminal: TerminalCode,
    cart: Cart,
    selected: usize,
    input: String,
    parked: Vec<Cart>,
    sellables: Vec<Sellable>,
    methods: Vec<PaymentMethod>,
    managers: Vec<User>,
    /// A manager's session opened by PIN for a refund, the drawer or the Z.
    manager: Option<Session>,
    /// Mode école: tickets in their own series, "MODE ÉCOLE" on paper, never in totals.
    training: bool,
    mode: Mode,
    /// The drafts as last kept in the database: the cart and the parked tickets are
    /// written again whenever they differ from these.
    kept: (Cart, Vec<Cart>),
    /// This till's point of sale, by name: an item of another one warns at its scan.
    point_of_sale: String,
}

/// Discount reasons offered at the till.
const REASONS: [Msg; 5] = [
    Msg::ReasonDamaged,
    Msg::ReasonEndOfLine,
    Msg::ReasonLoyalty,
    Msg::ReasonGoodwill,
    Msg::ReasonSolidarity,
];

impl TillView {
    pub fn open(cx: &mut Cx) -> ops::Result<TillView> {
        let terminal = cx.terminal.cloned().ok_or(OpsError::NotInitialised)?;
        let sellables = till::sellables(cx.store)?;
        let methods = ops::places::payment_methods(cx.store)?
            .into_iter()
            .filter(|m| m.active)
            .collect();
        let managers = ops::auth::login_choices(cx.store)?
            .into_iter()
            .filter(|u| u.roles.contains(crate::domain::Role::Manager))
            .collect();
        let mut view = TillView {
            terminal,
            cart: Cart::default(),
            selected: 0,
            input: String::new(),
            parked: Vec::new(),
            sellables,
            methods,
            managers,
            manager: None,
            training: false,
            mode: Mode::Selling,
            kept: (Cart::default(), Vec::new()),
            point_of_sale: String::new(),
        };
        // The ticket in progress and the parked ones, as they were at the last key press
        // before a quit, a crash or a power cut.
        let (current, parked) = till::load_drafts(cx.store, &view.terminal)?;
        view.selected = current.lines.len().saturating_sub(1);
        view.cart = current;
        view.parked = parked;
        view.kept = (view.cart.clone(), view.parked.clone());
        let ctx = view.context(cx)?;
        view.point_of_sale = ctx.point_of_sale.clone();
        // Said at once, not after a whole ticket was made and paid: a session left open
        // past its 24 hours needs its Z first.
        let day = till::business_day(cx.store, &ctx)?;
        if let Some(opened) = day.opened_at
            && ctx.at.signed_duration_since(opened) > crate::journal::session::MAX_SESSION
        {
            return Err(OpsError::Journal(
                crate::journal::JournalError::DayNotClosed(day.date),
            ));
        }
        if till::needs_opening(cx.store, &ctx)? {
            // After a Z the same day (one made by mistake at noon, a café evening after
            // the shop's day), a new session opens with its own float.
            let again = (!day.is_open() && day.ordinal > 1).then(|| day.date.clone());
            view.mode = Mode::Opening(Count::default(), again);
        }
        Ok(view)
    }

    fn session<'a>(cx: &'a Cx) -> ops::Result<&'a Session> {
        cx.session.ok_or(OpsError::NotInitialised)
    }

    fn key<'a>(cx: &'a Cx) -> ops::Result<&'a Arc<InstallationKey>> {
        cx.key.ok_or(OpsError::Journal(
            crate::journal::JournalError::NoInstallation,
        ))
    }

    fn context(&self, cx: &mut Cx) -> ops::Result<Context> {
        let session = Self::session(cx)?.clone();
        till::context(cx.store, &session, &self.terminal, cx.now, self.training)
    }

    /// Queues `slip` on the printer; the message to show when it cannot.
    fn print(cx: &Cx, title: &str, slip: &Slip) -> Option<String> {
        match cx.printer {
            None => Some(Msg::TillNoPrinter.text().to_owned()),
            Some(printer) => printer.print(title, slip).err().map(|e| e.to_string()),
        }
    }

    /// Prints the slip of a voucher issued by document `doc`.
    fn print_voucher(
        cx: &mut Cx,
        doc: &crate::journal::DocRef,
        code: &str,
        amount: crate::domain::Money,
    ) -> Option<String> {
        let issued = match till::printable(cx.store, &doc.series, doc.number) {
            Ok(issued) => issued,
            Err(e) => return Some(e.to_string()),
        };
        match crate::print::receipt::voucher_slip(&issued.payload, code, amount) {
            Ok(slip) => Self::print(cx, code, &slip),
            Err(e) => Some(e.to_string()),
        }
    }

    /// Prints a stored document (receipt, duplicate, Z) by its payload and hash.
    fn print_document(cx: &mut Cx, series: &str, number: i64) -> Option<String> {
        let doc = match till::printable(cx.store, series, number) {
            Ok(doc) => doc,
            Err(e) => return Some(e.to_string()),
        };
        let barcode = doc.barcode.as_ref().map(|c| c.as_str());
        match crate::print::receipt::document_slip_keyed(
            &doc.payload,
            &doc.hash,
            barcode,
            doc.fingerprint.as_deref(),
        ) {
            Ok(slip) => Self::print(cx, &format!("{series} n° {number}"), &slip),
            Err(e) => Some(e.to_string()),
        }
    }
}

impl TillView {
    fn dispatch(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match &self.mode {
            Mode::Opening(..) => self.handle_opening(action, cx),
            Mode::Selling => self.handle_selling(action, cx),
            Mode::Search { .. } => self.handle_search(action, cx),
            Mode::Reason { .. } => self.handle_reason(action),
            Mode::Paying(_) => self.handle_paying(action, cx),
            Mode::Done(_) => self.handle_done(action, cx),
            Mode::Parked(_) => self.handle_parked(action),
            Mode::Authorise(_) => self.handle_authorise(action, cx),
            Mode::Movement(_) => self.handle_movement(action, cx),
            Mode::RefundFind => self.handle_refund_find(action, cx),
            Mode::RefundLines(_) => self.handle_refund_lines(action, cx),
            Mode::Report(_) => self.handle_report(action, cx),
            Mode::Closing(_) => self.handle_closing(action, cx),
            Mode::Member(_) => self.handle_member(action, cx),
        }
    }

    /// Writes the drafts when the cart or the parked tickets changed; an error to show
    /// when they could not be kept.
    fn keep_drafts(&mut self, cx: &mut Cx) -> Option<Effect> {
        if self.training || (self.cart == self.kept.0 && self.parked == self.kept.1) {
            return None;
        }
        match till::save_drafts(cx.store, &self.terminal, &self.cart, &self.parked, cx.now) {
            Ok(()) => {
                self.kept = (self.cart.clone(), self.parked.clone());
                None
            }
            Err(e) => Some(Effect::Error(e.to_string())),
        }
    }
}

fn effect_of<T>(result: ops::Result<T>, ok: impl FnOnce(T) -> Effect) -> Effect {
    match result {
        Ok(value) => ok(value),
        Err(e) => Effect::Error(e.to_string()),
    }
}

impl View for TillView {
    fn title(&self) -> String {
        Msg::TillTitle.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        match &self.mode {
            Mode::Opening(..) => vec![UP, DOWN, ERASE, CONFIRM, ESC_BACK],
            Mode::Selling => vec![
                ENTER_ADD,
                ESC_BACK,
                UP_LINE,
                DOWN,
                ERASE,
                REMOVE,
                PAY,
                PRICE,
                LINE_DISCOUNT,
                TICKET_DISCOUNT,
                PARK,
                RESUME,
                REPRINT,
                REFUND,
                X_REPORT,
                Z_CLOSE,
                MEMBERSHIP,
                DONATION,
                DRAWER,
                TRAINING,
            ],
            Mode::Search { .. } | Mode::Reason { .. } | Mode::Parked(_) => {
                vec![ENTER_OK, UP, DOWN, ESC_CANCEL]
            }
            Mode::Paying(_) => vec![
                ENTER_ADD, LEFT, RIGHT, ERASE, REMOVE, CONFIRM, AS_VOUCHER, ESC_BACK,
            ],
            Mode::Done(done) => {
                let mut keys = vec![YES, NO];
                if !done.members.is_empty() {
                    keys.push(CARD);
                }
                keys.extend([
                    hidden(KeyCode::Enter, Action::No),
                    hidden(KeyCode::Esc, Action::No),
                ]);
                keys
            }
            Mode::Authorise(_) => vec![ENTER_OK, LEFT, RIGHT, ERASE, ESC_CANCEL],
            Mode::Movement(_) => vec![NEXT_FIELD, LEFT, RIGHT, ERASE, CONFIRM, ESC_CANCEL],
            Mode::RefundFind => vec![ENTER_OK, ERASE, ESC_CANCEL],
            Mode::RefundLines(_) => vec![
                UP, DOWN, TOGGLE, LEFT, RIGHT, REFUND_PAY, CONFIRM, ESC_CANCEL,
            ],
            Mode::Report(_) => vec![PRINT, ESC_BACK],
            Mode::Closing(_) => vec![NEXT_FIELD, UP, DOWN, ERASE, CONFIRM, ESC_CANCEL],
            Mode::Member(_) => vec![
                ENTER_OK, NEXT_FIELD, UP, DOWN, LEFT, RIGHT, ERASE, CONFIRM, ESC_CANCEL,
            ],
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let effect = self.dispatch(action, cx);
        self.keep_drafts(cx).unwrap_or(effect)
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        match &self.mode {
            Mode::Opening(count, again) => {
                let title = match again {
                    Some(date) => Msg::TillNewSession.fill(&[&date_short(date)]),
                    None => Msg::TillOpeningTitle.text().to_owned(),
                };
                count.render(frame, area, &title, true)
            }
            Mode::Selling | Mode::Search { .. } | Mode::Reason { .. } | Mode::Parked(_) => {
                self.render_selling(frame, area)
            }
            Mode::Paying(pay) => self.render_paying(frame, area, pay),
            Mode::Done(done) => self.render_done(frame, area, done),
            Mode::Authorise(a) => a.render(frame, area, &self.managers),
            Mode::Movement(m) => m.render(frame, area, &self.methods),
            Mode::RefundFind => refund::render_find(frame, area, &self.input),
            Mode::RefundLines(choice) => choice.render(frame, area),
            Mode::Report(x) => x.render(frame, area),
            Mode::Closing(closing) => closing.render(frame, area),
            Mode::Member(form) => {
                self.render_selling(frame, area);
                form.render(frame, area);
            }
        }
    }

    fn takes_scans(&self) -> bool {
        true
    }

    fn scanned(&mut self, code: &str, cx: &mut Cx) -> Effect {
        let effect = self.scanned_code(code, cx);
        self.keep_drafts(cx).unwrap_or(effect)
    }
}

impl TillView {
    fn scanned_code(&mut self, code: &str, cx: &mut Cx) -> Effect {
        match &self.mode {
            Mode::Selling => {
                // "3*" typed before the scan is the quantity.
                let quantity = match crate::domain::parse_entry(&self.input) {
                    Ok(entry) if entry.word.is_empty() && self.input.contains('*') => {
                        self.input.clear();
                        entry.quantity
                    }
                    _ => 1,
                };
                self.add_code(code, quantity, cx)
            }
            Mode::Done(_) => {
                self.mode = Mode::Selling;
                self.add_code(code, 1, cx)
            }
            Mode::Paying(_) => self.pay_with_voucher(code, cx),
            Mode::RefundFind => match till::ticket_of_receipt(cx.store, code) {
                Ok((series, number)) => self.choose_refund_lines(series, number, cx),
                Err(e) => Effect::Alert(e.to_string()),
            },
            _ => Effect::Error(Msg::TillScanIgnored.fill(&[&code])),
        }
    }
}

impl TillView {
    fn handle_opening(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Opening(count, _) = &mut self.mode else {
            return Effect::None;
        };
        if count.handle(action) {
            return Effect::None;
        }
        match action {
            Action::Pay => {
                let denominations = count.denominations();
                let total = count.total();
                let result = self.context(cx).and_then(|ctx| {
                    let session = Self::session(cx)?.clone();
                    let key = Self::key(cx)?.clone();
                    till::open_day(cx.store, &session, &key, &ctx, &denominations)
                });
                effect_of(result, |_| {
                    self.mode = Mode::Selling;
                    Effect::Info(Msg::TillOpened.fill(&[&total]))
                })
            }
            Action::Back => Effect::GoTo(Go::Home),
            _ => Effect::None,
        }
    }

    fn handle_parked(&mut self, action: Action) -> Effect {
        let Mode::Parked(selected) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(self.parked.len().saturating_sub(1)),
            Action::Submit => {
                let index = *selected;
                if index < self.parked.len() {
                    let resumed = self.parked.remove(index);
                    if !self.cart.is_empty() {
                        self.parked.push(std::mem::take(&mut self.cart));
                    }
                    self.cart = resumed;
                    self.selected = self.cart.lines.len().saturating_sub(1);
                }
                self.mode = Mode::Selling;
                return Effect::Info(Msg::TillResumed.text().to_owned());
            }
            Action::Back => self.mode = Mode::Selling,
            _ => {}
        }
        Effect::None
    }
}

/// `2026-12-02` as `02/12`, as a title says a day of this week.
fn date_short(date: &str) -> String {
    match (date.get(8..10), date.get(5..7)) {
        (Some(day), Some(month)) => format!("{day}/{month}"),
        _ => date.to_owned(),
    }
}
