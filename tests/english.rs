//! The interface in English: the login screen and the till when the process speaks English. In its
//! own test binary because the language is process-wide.

use chrono::DateTime;
use pepite::i18n::{self, Lang};
use pepite::ops::demo;
use pepite::storage::Store;
use pepite::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn the_login_screen_speaks_english_on_request() {
    i18n::set_lang(Lang::En);
    let now = DateTime::parse_from_rfc3339("2026-11-24T09:30:00+01:00").expect("time");
    let mut store = Store::open_in_memory().expect("open");
    demo::create(
        &mut store,
        now,
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")),
    )
    .expect("demo");
    let mut app = App::new(store, None, now, env!("CARGO_TARGET_TMPDIR").into()).expect("app");
    let text = screen(&app);
    assert!(text.contains("Who are you?"), "{text}");
    assert!(text.contains("Claire  (manager)"), "{text}");
    assert!(text.contains("24/11"), "{text}");
    assert!(text.contains("Ctrl+Q Quit"), "{text}");

    // The till speaks English too.
    for key in [KeyCode::Char('k'), KeyCode::Enter] {
        app.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
    }
    for c in "2222".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    for key in [KeyCode::Enter, KeyCode::Enter, KeyCode::F(2)] {
        app.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
    }
    let text = screen(&app);
    assert!(text.contains("Till opened: float"), "{text}");
    assert!(
        text.contains("Current ticket") && text.contains("Shortcuts"),
        "{text}"
    );
    assert!(
        text.contains("F2 Pay") && text.contains("F9 Refund"),
        "{text}"
    );
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| app.render(frame)).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}
