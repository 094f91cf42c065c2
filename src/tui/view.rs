//! What every screen is: bindings, an `update` that turns an action into state changes
//! and an [`Effect`] for the app, and a `render` that only reads state.

use super::keys::{Action, Binding};
use crate::domain::TerminalCode;
use crate::ops::Session;
use crate::storage::{Store, Timestamp};
use ratatui::Frame;
use ratatui::layout::Rect;

/// What a screen may use while handling a key.
pub struct Cx<'a> {
    pub store: &'a mut Store,
    pub session: Option<&'a Session>,
    pub now: Timestamp,
    pub terminal: Option<&'a TerminalCode>,
    /// Where the installation keys live.
    pub key_dir: &'a std::path::Path,
    /// The installation key, once loaded: sessions sign JET events with it.
    pub key: Option<&'a std::sync::Arc<crate::journal::InstallationKey>>,
    /// The receipt printer, when this machine has one.
    pub printer: Option<&'a crate::print::Printer>,
    /// The label printer, when this machine has one.
    pub label_printer: Option<&'a crate::print::LabelPrinter>,
    /// The café's station printers (the crêperie's, the bar's), those this machine has.
    pub stations: &'a crate::print::stations::StationPrinters,
    /// Where the Bilans screen writes its files.
    pub export_dir: &'a std::path::Path,
    /// The structure's central database, when the config names one: the Bilans screen
    /// reads every installation's figures there.
    pub central: Option<&'a str>,
}

/// Where to go next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Go {
    /// The login screen, with a message to show there.
    Login(Option<String>),
    Home,
    Users,
    Categories,
    PointsOfSale,
    Terminals,
    PaymentMethods,
    Structure,
    Till,
    Cafe,
    Kitchen,
    Menu,
    Reports,
    Sorting,
    PriceGrid,
    Markdown,
    SortingLists,
    Items,
    PrintJobs,
    Members,
}

/// What a screen asks of the app after a key.
#[derive(Debug)]
pub enum Effect {
    None,
    Info(String),
    Error(String),
    GoTo(Go),
    /// Go there and say this.
    GoToWith(Go, String),
    LoggedIn(Session),
    Logout,
    /// An error that rings the terminal's bell (an unknown code at the till).
    Alert(String),
    /// Something changed the terminal's place (a terminal or point of sale was edited).
    PlaceChanged(String),
}

pub trait View {
    /// The screen's title, in the process's language.
    fn title(&self) -> String;
    /// The keys of this screen, in the order of the help bar.
    fn bindings(&self) -> Vec<Binding>;
    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect;
    fn render(&self, frame: &mut Frame, area: Rect);

    /// Whether this screen reads a barcode scanner: its keys then go through the scan
    /// detector, and a scan arrives in [`scanned`](View::scanned), never as typing.
    fn takes_scans(&self) -> bool {
        false
    }

    /// Called about once a second while the screen is open: a screen showing what other
    /// terminals change (the café's orders, the kitchen's tickets) reads it again.
    fn refresh(&mut self, _cx: &mut Cx) {}

    /// A code read by the scanner (digits only).
    fn scanned(&mut self, _code: &str, _cx: &mut Cx) -> Effect {
        Effect::None
    }
}
