//! The screens: the only module that knows ratatui and crossterm.
//!
//! The Elm shape of the ratatui book: keys become [`keys::Action`]s through each screen's
//! bindings, the screen's `handle` changes its state and returns an [`view::Effect`], and
//! `render` only reads state. [`run`] owns the real terminal: it restores it on exit and,
//! through ratatui's panic hook, on a panic.

mod admin;
pub mod app;
mod cafe;
mod chrome;
mod form;
mod home;
pub mod keys;
mod login;
mod member_forms;
mod reports;
mod setup;
mod sorting;
mod table;
mod theme;
mod till;
mod view;

pub use app::App;

use crate::clock;
use crate::domain::TerminalCode;
use crate::storage::Store;
use ratatui::crossterm::event::{self, Event};
use std::path::PathBuf;

/// Runs the TUI on `store` until the user quits.
/// The printers of this machine, from its configuration.
#[derive(Default)]
pub struct Printers {
    pub receipts: Option<crate::print::Printer>,
    pub labels: Option<crate::print::LabelPrinter>,
    pub stations: crate::print::stations::StationPrinters,
}

/// How often the till's background worker syncs to the central.
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

pub fn run(
    store: Store,
    terminal: Option<TerminalCode>,
    key_dir: PathBuf,
    printers: Printers,
    central: Option<String>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(crate::i18n::Msg::CliNoTerminal.text());
    }
    crate::storage::busy::on_wait(busy_notice);
    let path = store.path().map(std::path::Path::to_owned);
    let mut app = App::new(store, terminal, clock::now(), key_dir)?.with_printers(printers);
    if let (Some(url), Some(path)) = (central, path) {
        let worker = crate::ops::central::worker::Worker::start(path, url.clone(), SYNC_EVERY);
        app = app.with_central(url, worker);
    }
    app.record_start();
    let mut screen = ratatui::init();
    let result = event_loop(&mut screen, &mut app);
    ratatui::restore();
    app.tick(clock::now());
    app.record_stop();
    let left = app.shutdown_printers();
    if left > 0 {
        eprintln!("{}", crate::i18n::Msg::CliPrintQueueLeft.fill(&[&left]));
    }
    result
}

/// Set when [`busy_notice`] wrote over the screen behind ratatui's back: the next frame
/// is drawn whole.
static REPAINT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says « Patientez » on the bottom line while a write waits for another terminal (the
/// screen's loop is blocked in that write, so it is written straight to the terminal).
fn busy_notice() {
    use ratatui::crossterm::{cursor, queue, style, terminal};
    use std::io::Write;
    let rows = terminal::size().map_or(24, |(_, rows)| rows);
    let mut out = std::io::stdout();
    let _ = queue!(
        out,
        cursor::MoveTo(0, rows.saturating_sub(1)),
        terminal::Clear(terminal::ClearType::CurrentLine),
        style::SetAttribute(style::Attribute::Reverse),
        style::Print(crate::i18n::Msg::BusyWait.text()),
        style::SetAttribute(style::Attribute::Reset),
    );
    let _ = out.flush();
    REPAINT.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn event_loop(screen: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    loop {
        if REPAINT.swap(false, std::sync::atomic::Ordering::Relaxed) {
            screen.clear()?;
        }
        screen.draw(|frame| app.render(frame))?;
        if app.take_bell() {
            use std::io::Write;
            let mut out = std::io::stdout();
            out.write_all(b"\x07")?;
            out.flush()?;
        }
        if app.should_quit() {
            return Ok(());
        }
        // Wake at least twice a second so the clock on the status line moves, and sooner
        // while keys are held back to tell a scan from typing.
        if event::poll(app.poll_timeout())? {
            // Drain everything already typed (a scanner's burst) before drawing again.
            loop {
                match event::read()? {
                    Event::Key(key) => app.handle_key(key),
                    Event::Resize(_, _) => {}
                    _ => {}
                }
                if app.should_quit() || !event::poll(std::time::Duration::ZERO)? {
                    break;
                }
            }
        }
        app.tick(clock::now());
    }
}
