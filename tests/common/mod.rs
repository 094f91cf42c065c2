//! Helpers shared by the integration tests: a fixed clock and a set-up store.

#![allow(dead_code)]

pub mod pg;
pub mod pty;

use chrono::DateTime;
use pepite::domain::{Name, Pin};
use pepite::ops::setup::{self, SetupRequest};
use pepite::storage::{Store, Timestamp};
use std::path::Path;
use std::process::{Command, Output};

/// A fixed Tuesday morning in Paris.
pub fn at(time: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("2026-11-24T{time}+01:00")).expect("time")
}

pub fn name(text: &str) -> Name {
    Name::parse(text).expect("name")
}

pub fn pin(text: &str) -> Pin {
    Pin::parse(text).expect("pin")
}

/// Where the tests' installation keys go (random names, so tests never collide).
pub fn key_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("keys")
}

/// Logs `user` in with `pin` at `now`, with the installation key (PIN hashes are keyed
/// with its secret), on no particular terminal.
pub fn login(
    store: &mut Store,
    user: pepite::domain::UserId,
    pin: &str,
    now: Timestamp,
) -> Result<pepite::ops::Session, pepite::ops::OpsError> {
    let key = pepite::ops::journal::load_key(store, &key_dir())?;
    pepite::ops::auth::login_at(store, user, pin, now, Some(key), "")
}

/// A set-up shop in the file `dir/p.db` (manager « Claire », PIN 1111): its path and
/// store.
pub fn shop_file(dir: &Path) -> (std::path::PathBuf, Store) {
    let path = dir.join("p.db");
    let mut store = Store::open(&path).expect("open");
    initialised(&mut store);
    (path, store)
}

/// A store set up with a structure and the manager "Claire" (PIN 1111).
pub fn initialised(store: &mut Store) {
    let request = SetupRequest {
        structure: name("Ressourcerie Test"),
        manager: name("Claire"),
        pin: pin("1111"),
    };
    setup::initialise(store, &request, at("08:00:00"), &key_dir()).expect("set-up");
}

use pepite::domain::{Money, PaymentKind, SaleLine, Tender, TerminalCode, VatRate};
use pepite::journal::{Context, InstallationKey};

/// A moment on a given day, Paris winter time.
pub fn on(date: &str, time: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("{date}T{time}+01:00")).expect("time")
}

/// The journal's context for `terminal` at `at`, operated by Karim.
pub fn ctx(terminal: &str, at: Timestamp) -> Context {
    Context {
        terminal: TerminalCode::parse(terminal).expect("terminal"),
        point_of_sale: "Boutique".into(),
        operator: "Karim".into(),
        training: false,
        at,
    }
}

/// One line of `quantity` × `cents` at `rate`.
pub fn line(label: &str, quantity: i64, cents: i64, rate: VatRate) -> SaleLine {
    SaleLine {
        label: label.into(),
        category: None,
        item_code: None,
        quantity,
        unit_price: Money::from_cents(cents),
        original_price: None,
        discount: Money::ZERO,
        discount_reason: None,
        ticket_discount: Money::ZERO,
        ticket_discount_reason: None,
        grams: None,
        weight_estimated: false,
        margin_scheme: false,
        guarantee: false,
        service: None,
        vat_rate: rate,
    }
}

pub fn tender(kind: PaymentKind, cents: i64) -> Tender {
    Tender {
        method: kind.default_label(),
        kind,
        amount: Money::from_cents(cents),
    }
}

/// A set-up store and its installation key.
pub fn journal_store() -> (Store, InstallationKey) {
    let mut store = Store::open_in_memory().expect("open");
    initialised(&mut store);
    let key = store
        .read(|tx| InstallationKey::load(tx, &key_dir()))
        .expect("key");
    (store, key)
}

/// The real `pepite` binary with its data and config folders inside `home`, and none of
/// the caller's `PEPITE_*` settings.
pub fn pepite_command(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pepite"));
    command
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("PEPITE_DB")
        .env_remove("PEPITE_PIN")
        .env_remove("PEPITE_TERMINAL")
        .env_remove("PEPITE_CONFIG");
    command
}

/// Runs `pepite args…` that way and waits for it.
pub fn run_pepite(home: &Path, args: &[&str]) -> Output {
    pepite_command(home)
        .args(args)
        .output()
        .expect("run pepite")
}

/// `pepite demo --no-tui --db HOME/name`, which must succeed; the database's path.
pub fn demo_db(home: &Path, name: &str) -> std::path::PathBuf {
    let db = home.join(name);
    let made = pepite_command(home)
        .args(["demo", "--no-tui", "--db"])
        .arg(&db)
        .output()
        .expect("demo");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    db
}

/// What `app` shows in 80×24, one line per row without trailing spaces, no-break spaces
/// shown as spaces.
pub fn screen_text(app: &pepite::tui::App) -> String {
    screen_text_sized(app, 80, 24)
}

/// The screen's text on a `width` × `height` terminal.
pub fn screen_text_sized(app: &pepite::tui::App, width: u16, height: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    terminal.draw(|frame| app.render(frame)).expect("draw");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.replace('\u{a0}', " ").trim_end());
        out.push('\n');
    }
    out
}

/// Printer bytes as hex, 24 to a line: how slips are snapshotted.
pub fn hex_dump(bytes: &[u8]) -> String {
    bytes
        .chunks(24)
        .map(|c| {
            c.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A command's output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `pepite init` of a structure « S » with the manager « M » (PIN 1111) at `db`.
pub fn init_shop(home: &Path, db: &str) {
    let init = run_pepite(
        home,
        &[
            "init",
            "--db",
            db,
            "--name",
            "S",
            "--manager",
            "M",
            "--pin",
            "1111",
        ],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
}

/// One key pressed on `app`, no modifier.
pub fn press(app: &mut pepite::tui::App, code: ratatui::crossterm::event::KeyCode) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// `text` typed on `app`, a key a character.
pub fn type_text(app: &mut pepite::tui::App, text: &str) {
    for c in text.chars() {
        press(app, ratatui::crossterm::event::KeyCode::Char(c));
    }
}

/// The demo shop made at 08:00 on 24/11/2026, in memory, with Claire (the manager)
/// logged in at noon.
pub fn demo_with_manager() -> (Store, pepite::ops::Session) {
    let mut store = Store::open_in_memory().expect("open");
    pepite::ops::demo::create(&mut store, at("08:00:00"), &key_dir()).expect("demo");
    let claire = pepite::ops::auth::login_choices(&mut store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == "Claire")
        .expect("Claire");
    let session = login(&mut store, claire.id, "1111", at("12:00:00")).expect("login");
    (store, session)
}

/// A session of the demo's user `name`, logged in with `pin` at `now` on caisse-1.
pub fn login_as(store: &mut Store, name: &str, pin: &str, now: Timestamp) -> pepite::ops::Session {
    let user = pepite::ops::auth::login_choices(store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == name)
        .expect("user");
    let key = pepite::ops::journal::load_key(store, &key_dir()).expect("key");
    pepite::ops::auth::login_at(store, user.id, pin, now, Some(key), "caisse-1").expect("login")
}

/// An EAN-13 `code` drawn as bars (from pépite's own modules, three pixels each, with
/// quiet zones) and read back by a barcode reader (rxing, a port of ZXing): what a
/// scanner would read.
pub fn scan_bars(code: &str) -> String {
    let modules = pepite::print::label::modules(code).expect("modules");
    let scale = 3;
    let (width, height) = ((modules.len() + 20) * scale, 60);
    let mut pixels = vec![255u8; width * height];
    for (i, on) in modules.iter().enumerate() {
        if *on {
            for y in 0..height {
                for x in 0..scale {
                    pixels[y * width + (i + 10) * scale + x] = 0;
                }
            }
        }
    }
    let source = rxing::Luma8LuminanceSource::new(pixels, width as u32, height as u32);
    let mut bitmap = rxing::BinaryBitmap::new(rxing::common::HybridBinarizer::new(source));
    let mut reader = rxing::MultiFormatReader::default();
    rxing::Reader::decode(&mut reader, &mut bitmap)
        .expect("the bars decode")
        .getText()
        .to_owned()
}

/// An item of the demo database at `db` that is in stock.
pub fn item_in_stock(db: &Path) -> pepite::storage::items::Item {
    let mut store = Store::open(db).expect("open");
    let code = store
        .read(|tx| pepite::storage::items::some_in_stock(tx, 1))
        .expect("stock")
        .pop()
        .expect("an item");
    store
        .read(|tx| pepite::storage::items::by_code(tx, &code))
        .expect("item")
        .expect("exists")
}
