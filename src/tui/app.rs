//! The application: which screen is open, who is logged in, the message of the moment,
//! and the frame drawn around the screen. Keys come in through [`App::handle_key`]; the
//! screen's effect decides what happens next. Nothing here knows the real terminal, so
//! tests drive it with plain key events and a `TestBackend`.

use super::admin::categories::CategoriesTable;
use super::admin::items::ItemsTable;
use super::admin::markdown::MarkdownTable;
use super::admin::payment_methods::PaymentMethodsTable;
use super::admin::points_of_sale::PointsOfSaleTable;
use super::admin::price_grid::PriceGridTable;
use super::admin::sorting_lists::SortingListsTable;
use super::admin::structure::StructureView;
use super::admin::terminals::TerminalsTable;
use super::admin::users::UsersTable;
use super::chrome::{self, Place};
use super::home::HomeView;
use super::keys::{self, Action, action_for};
use super::login::LoginView;
use super::setup::SetupView;
use super::sorting::SortingView;
use super::table::TableView;
use super::till::TillView;
use super::view::{Cx, Effect, Go, View};
use crate::domain::TerminalCode;
use crate::domain::scanner::{Input, Key, ScanDetector};
use crate::i18n::Msg;
use crate::journal::InstallationKey;
use crate::ops::{self, Session, auth, places, setup};
use crate::print::{LabelPrinter, Printer};
use crate::storage::{Store, Timestamp};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often an open screen reads again what other terminals change.
const REFRESH_US: u64 = 1_000_000;

pub struct App {
    store: Store,
    key_dir: PathBuf,
    /// Loaded once the database is set up; `None` (with a message) if the file is missing.
    key: Option<Arc<InstallationKey>>,
    wanted_terminal: Option<TerminalCode>,
    terminal: Option<TerminalCode>,
    place: Place,
    session: Option<Session>,
    view: Box<dyn View>,
    /// `(is_error, text)`: shown on the message line until the next key.
    message: Option<(bool, String)>,
    confirming_quit: bool,
    quit: bool,
    now: Timestamp,
    printer: Option<Printer>,
    label_printer: Option<LabelPrinter>,
    stations: crate::print::stations::StationPrinters,
    /// Where reports are written from the Bilans screen.
    export_dir: PathBuf,
    scanner: ScanDetector,
    started: Instant,
    /// When the open screen last read again what other terminals change (µs since start).
    refreshed_at: u64,
    /// The bell is due: the event loop rings it.
    bell: bool,
    /// The central database's URL, when the config names one.
    central: Option<String>,
    /// The background sync to it: what the status line shows.
    sync: Option<crate::ops::central::worker::Worker>,
}

impl App {
    /// Opens on the set-up screen for an empty database, else on the login screen.
    pub fn new(
        store: Store,
        wanted_terminal: Option<TerminalCode>,
        now: Timestamp,
        key_dir: PathBuf,
    ) -> ops::Result<App> {
        let mut app = App {
            store,
            key_dir,
            key: None,
            wanted_terminal,
            terminal: None,
            place: Place::default(),
            session: None,
            view: Box::new(SetupView::new()),
            message: None,
            confirming_quit: false,
            quit: false,
            now,
            printer: None,
            label_printer: None,
            stations: crate::print::stations::StationPrinters::default(),
            scanner: ScanDetector::default(),
            started: Instant::now(),
            refreshed_at: 0,
            export_dir: crate::paths::data_dir().join("bilans"),
            bell: false,
            central: None,
            sync: None,
        };
        if app.refresh_place()? {
            app.go(Go::Login(None));
        }
        Ok(app)
    }

    /// Reads the structure and this terminal's place again; `false` before set-up.
    fn refresh_place(&mut self) -> ops::Result<bool> {
        let Some(structure) = setup::structure(&mut self.store)? else {
            self.place = Place::default();
            return Ok(false);
        };
        let chosen = places::choose_terminal(&mut self.store, self.wanted_terminal.as_ref())?;
        self.place = Place {
            structure: structure.identity.name.to_string(),
            point_of_sale: chosen.as_ref().map(|(_, pos)| pos.name.to_string()),
            terminal: chosen.as_ref().map(|(t, _)| t.code.to_string()),
        };
        self.terminal = chosen.map(|(t, _)| t.code);
        if self.key.is_none() {
            match ops::journal::load_key(&mut self.store, &self.key_dir) {
                Ok(key) => self.key = Some(key),
                Err(e) => {
                    tracing::error!(error = %e, "installation key");
                    self.message = Some((true, e.to_string()));
                }
            }
        }
        Ok(true)
    }

    /// Stops the printers' queues (a few seconds at most): how many jobs stay queued.
    pub fn shutdown_printers(&mut self) -> usize {
        let receipts = self.printer.as_mut().map_or(0, Printer::shutdown);
        let labels = self
            .label_printer
            .as_mut()
            .map_or(0, LabelPrinter::shutdown);
        receipts + labels
    }

    /// Writes the Bilans screen's files into `dir` instead of the data folder's `bilans`.
    pub fn with_export_dir(mut self, dir: PathBuf) -> App {
        self.export_dir = dir;
        self
    }

    /// Gives the app its central database and the worker that syncs to it.
    pub fn with_central(mut self, url: String, worker: crate::ops::central::worker::Worker) -> App {
        self.central = Some(url);
        self.sync = Some(worker);
        self
    }

    /// Gives the app its printers.
    pub fn with_printers(mut self, printers: super::Printers) -> App {
        self.printer = printers.receipts;
        self.label_printer = printers.labels;
        self.stations = printers.stations;
        self
    }

    /// How long the event loop may sleep: short while keys are held back to tell a scan
    /// from typing.
    pub fn poll_timeout(&self) -> Duration {
        if self.scanner.is_holding() {
            Duration::from_micros(self.scanner.wait_us())
        } else {
            Duration::from_millis(500)
        }
    }

    /// Whether the bell should ring (once).
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    fn micros(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_micros()).unwrap_or(u64::MAX)
    }

    /// Writes the JET's start event (and a version change) once the key is there.
    pub fn record_start(&mut self) {
        self.record(true);
    }

    /// Writes the JET's stop event.
    pub fn record_stop(&mut self) {
        self.record(false);
    }

    fn record(&mut self, starting: bool) {
        let (Some(key), Some(terminal)) = (self.key.clone(), self.terminal.as_ref()) else {
            return;
        };
        let terminal = terminal.to_string();
        let result = if starting {
            ops::journal::start(&mut self.store, &key, &terminal, self.now)
        } else {
            ops::journal::stop(&mut self.store, &key, &terminal, self.now)
        };
        if let Err(e) = result {
            tracing::error!(error = %e, "JET start/stop");
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The title of the open screen (for tests and the window title).
    pub fn screen_title(&self) -> String {
        self.view.title()
    }

    pub fn tick(&mut self, now: Timestamp) {
        self.now = now;
        let at = self.micros();
        self.idle_at(at);
        if at.saturating_sub(self.refreshed_at) >= REFRESH_US && self.session.is_some() {
            self.refreshed_at = at;
            self.with_view(|view, cx| {
                view.refresh(cx);
                Effect::None
            });
        }
    }

    /// Nothing typed until `at_us`: keys held back to tell a scan from typing are
    /// released as typing once the scanner's gap has passed.
    pub fn idle_at(&mut self, at_us: u64) {
        let released = self.scanner.tick(at_us);
        self.feed(released);
    }

    /// A key from the keyboard (or the scanner, which is one), timed now.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let at = self.micros();
        self.handle_key_at(key, at);
    }

    /// A key at `at_us` microseconds (tests give synthetic timings). On a screen that
    /// reads a scanner, characters and Enter go through the scan detector first.
    pub fn handle_key_at(&mut self, key: KeyEvent, at_us: u64) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if !self.view.takes_scans() || self.confirming_quit {
            let held = self.scanner.flush();
            self.feed(held);
            self.dispatch(key);
            return;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let scan_key = match key.code {
            KeyCode::Char(c) if plain => Some(Key::Char(c)),
            KeyCode::Enter => Some(Key::Enter),
            // Ctrl+J is a line feed in raw mode: scanners set to end with LF send it.
            KeyCode::Char('j') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Key::Enter),
            _ => None,
        };
        match scan_key {
            Some(k) => {
                let inputs = self.scanner.key(k, at_us);
                self.feed(inputs);
            }
            None => {
                let held = self.scanner.flush();
                self.feed(held);
                self.dispatch(key);
            }
        }
    }

    /// Acts on what the scan detector let through.
    fn feed(&mut self, inputs: Vec<Input>) {
        for input in inputs {
            match input {
                Input::Key(Key::Char(c)) => {
                    self.dispatch(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                }
                Input::Key(Key::Enter) => {
                    self.dispatch(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
                }
                Input::Scan(code) => {
                    self.message = None;
                    let effect = self.with_view(|view, cx| view.scanned(&code, cx));
                    self.apply(effect);
                }
            }
        }
    }

    fn dispatch(&mut self, key: KeyEvent) {
        if self.confirming_quit {
            match key.code {
                KeyCode::Char('o' | 'O' | 'y' | 'Y') => self.quit = true,
                KeyCode::Char('n' | 'N') | KeyCode::Esc => self.confirming_quit = false,
                _ => {}
            }
            return;
        }
        if action_for(&[keys::QUIT], key) == Some(Action::Quit) {
            self.confirming_quit = true;
            return;
        }
        let Some(action) = action_for(&self.view.bindings(), key) else {
            return;
        };
        self.message = None;
        let effect = self.with_view(|view, cx| view.handle(action, cx));
        self.apply(effect);
    }

    /// Runs `work` on the open screen with what a screen may use.
    fn with_view(&mut self, work: impl FnOnce(&mut dyn View, &mut Cx) -> Effect) -> Effect {
        let mut cx = Cx {
            store: &mut self.store,
            session: self.session.as_ref(),
            now: self.now,
            terminal: self.terminal.as_ref(),
            key_dir: &self.key_dir,
            key: self.key.as_ref(),
            printer: self.printer.as_ref(),
            label_printer: self.label_printer.as_ref(),
            stations: &self.stations,
            export_dir: &self.export_dir,
            central: self.central.as_deref(),
        };
        work(self.view.as_mut(), &mut cx)
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Info(text) => self.message = Some((false, text)),
            Effect::Error(text) => self.message = Some((true, text)),
            Effect::Alert(text) => {
                self.bell = true;
                self.message = Some((true, text));
            }
            Effect::GoTo(go) => self.go(go),
            Effect::GoToWith(go, text) => {
                self.go(go);
                self.message = Some((false, text));
            }
            Effect::LoggedIn(session) => {
                self.session = Some(session);
                self.go(Go::Home);
            }
            Effect::Logout => {
                if let Some(session) = self.session.take()
                    && let Err(e) = auth::logout(&mut self.store, &session, self.now)
                {
                    self.message = Some((true, e.to_string()));
                }
                self.go(Go::Login(None));
            }
            Effect::PlaceChanged(text) => {
                self.message = Some(match self.refresh_place() {
                    Ok(_) => (false, text),
                    Err(e) => (true, e.to_string()),
                });
            }
        }
    }

    fn go(&mut self, go: Go) {
        if let Go::Login(message) = &go {
            self.message = message.clone().map(|text| (false, text));
            if let Err(e) = self.refresh_place() {
                self.message = Some((true, e.to_string()));
            }
        }
        let mut cx = Cx {
            store: &mut self.store,
            session: self.session.as_ref(),
            now: self.now,
            terminal: self.terminal.as_ref(),
            key_dir: &self.key_dir,
            key: self.key.as_ref(),
            printer: self.printer.as_ref(),
            label_printer: self.label_printer.as_ref(),
            stations: &self.stations,
            export_dir: &self.export_dir,
            central: self.central.as_deref(),
        };
        let opened: ops::Result<Box<dyn View>> = match (&go, self.session.as_ref()) {
            (Go::Login(_), _) | (_, None) => {
                auth::login_choices(cx.store).map(|u| boxed(LoginView::new(u)))
            }
            (Go::Home, Some(session)) => Ok(boxed(HomeView::new(session))),
            (Go::Users, Some(_)) => TableView::open(UsersTable::default(), &mut cx).map(boxed),
            (Go::Categories, Some(_)) => {
                TableView::open(CategoriesTable::default(), &mut cx).map(boxed)
            }
            (Go::PointsOfSale, Some(_)) => {
                TableView::open(PointsOfSaleTable::default(), &mut cx).map(boxed)
            }
            (Go::Terminals, Some(_)) => {
                TableView::open(TerminalsTable::default(), &mut cx).map(boxed)
            }
            (Go::PaymentMethods, Some(_)) => {
                TableView::open(PaymentMethodsTable::default(), &mut cx).map(boxed)
            }
            (Go::Structure, Some(_)) => StructureView::open(&mut cx).map(boxed),
            (Go::Till, Some(_)) => TillView::open(&mut cx).map(boxed),
            (Go::Cafe, Some(_)) => super::cafe::CafeView::open(&mut cx).map(boxed),
            (Go::Reports, Some(_)) => super::reports::ReportsView::open(&mut cx).map(boxed),
            (Go::Kitchen, Some(_)) => super::cafe::KitchenView::open(&mut cx).map(boxed),
            (Go::Menu, Some(_)) => {
                TableView::open(super::admin::menu::MenuTable::default(), &mut cx).map(boxed)
            }
            (Go::Sorting, Some(_)) => SortingView::open(&mut cx).map(boxed),
            (Go::PriceGrid, Some(_)) => {
                TableView::open(PriceGridTable::default(), &mut cx).map(boxed)
            }
            (Go::Markdown, Some(_)) => {
                TableView::open(MarkdownTable::default(), &mut cx).map(boxed)
            }
            (Go::SortingLists, Some(_)) => {
                TableView::open(SortingListsTable::default(), &mut cx).map(boxed)
            }
            (Go::Members, Some(_)) => {
                TableView::open(super::admin::members::MembersTable::default(), &mut cx).map(boxed)
            }
            (Go::Items, Some(_)) => TableView::open(ItemsTable::default(), &mut cx).map(boxed),
            (Go::PrintJobs, Some(_)) => {
                TableView::open(super::admin::print_jobs::PrintJobsTable::default(), &mut cx)
                    .map(boxed)
            }
        };
        match opened {
            Ok(view) => self.view = view,
            Err(e) => self.message = Some((true, e.to_string())),
        }
    }

    /// Draws the status line, the screen, the message line and the help bar.
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < 80 || area.height < 24 {
            // Every screen is laid out for 80×24: below, say so rather than cut texts.
            let text = Msg::TooSmall.fill(&[&area.width, &area.height]);
            frame.render_widget(
                ratatui::widgets::Paragraph::new(text)
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .alignment(ratatui::layout::Alignment::Center),
                area,
            );
            return;
        }
        let mut bindings = self.view.bindings();
        if !bindings.iter().any(|b| b.action == Action::Quit) {
            bindings.push(keys::QUIT);
        }
        let help = chrome::help_lines(&bindings, area.width);
        let [status, body, message, help_area] = chrome::layout(area, help.len() as u16);
        let user = self.session.as_ref().map(|s| s.name().to_string());
        let statuses = [
            self.printer.as_ref().map(Printer::status),
            self.label_printer.as_ref().map(LabelPrinter::status),
        ];
        let fault = statuses.into_iter().flatten().find_map(|status| {
            status
                .fault
                .map(|f| (true, Msg::PrinterFault.fill(&[&status.pending, &f])))
        });
        let sync = self
            .sync
            .as_ref()
            .map(|worker| chrome::sync_text(&worker.shown(), self.now));
        chrome::status_line(
            frame,
            status,
            &chrome::Status {
                place: &self.place,
                user: user.as_deref(),
                printer_fault: fault.is_some(),
                sync: sync.as_ref(),
            },
            self.now,
        );
        self.view.render(frame, body);
        chrome::message_line(frame, message, self.message.as_ref().or(fault.as_ref()));
        frame.render_widget(ratatui::widgets::Paragraph::new(help), help_area);
        if self.confirming_quit {
            chrome::confirm_quit(frame, body);
        }
    }
}

fn boxed<V: View + 'static>(view: V) -> Box<dyn View> {
    Box::new(view)
}
