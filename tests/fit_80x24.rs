//! Every screen in 80×24, in French and in English: no text of the catalogue is cut on
//! screen. Each screen is drawn through `TestBackend` and compared with what was meant —
//! every message of the catalogue (its fixed parts) — so that a word cut by a column, a
//! box or the edge of the terminal fails the test, naming the screen, the message and
//! what was drawn. In its own test binary because the language is process-wide.

mod common;

use common::at;
use pepite::i18n::{self, Lang, Msg};
use pepite::ops::demo;
use pepite::storage::Store;
use pepite::tui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The fixed parts of every message in the language in force, long enough to judge.
fn meant() -> Vec<(Msg, String)> {
    let mut parts = Vec::new();
    for msg in Msg::ALL {
        for part in msg.text().split("{}") {
            let part = part.trim().trim_end_matches([':', '.', ',', ';']).trim();
            if part.chars().count() >= 5 {
                parts.push((*msg, part.replace('\u{a0}', " ")));
            }
        }
    }
    parts
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// Every whole word a screen may rightly show: the catalogue's, in the language in
/// force, and the demo shop's own names (categories, grid, places, payment methods…).
fn vocabulary(store: &mut Store) -> std::collections::HashSet<String> {
    let mut texts: Vec<String> = Msg::ALL.iter().map(|m| m.text().to_owned()).collect();
    for s in pepite::ops::till::sellables(store).expect("sellables") {
        texts.push(s.name);
        texts.push(s.category);
    }
    for m in pepite::ops::places::payment_methods(store).expect("methods") {
        texts.push(m.label.to_string());
    }
    for u in pepite::ops::users::list(store).expect("users") {
        texts.push(u.name.to_string());
    }
    texts
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !is_word(c))
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The first message of the catalogue that `screen` shows cut: drawn as a proper prefix
/// ending inside one of its words — the drawn end is not itself a word — followed by a
/// blank, a border or `…`.
fn cut_text(
    screen: &str,
    meant: &[(Msg, String)],
    words: &std::collections::HashSet<String>,
) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    for (row, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for (msg, text) in meant {
            let want: Vec<char> = text.chars().collect();
            for start in 0..chars.len() {
                if start > 0 && is_word(chars[start - 1]) {
                    continue;
                }
                let k = chars[start..]
                    .iter()
                    .zip(&want)
                    .take_while(|(a, b)| a == b)
                    .count();
                // At least two letters missing: « Poste » is a word, not « Postes » cut.
                if k < 4 || k + 2 > want.len() {
                    continue;
                }
                let next = chars.get(start + k).copied();
                let stops = match next {
                    None => true,
                    Some(c) => c == ' ' || c == '…' || "│┐┘┤║".contains(c),
                };
                let drawn_word: String = chars[start..start + k]
                    .iter()
                    .rev()
                    .take_while(|c| is_word(**c))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
                    .to_lowercase();
                // A fragment of one or two letters is never taken for a word.
                let whole = drawn_word.chars().count() >= 3 && words.contains(&drawn_word);
                let mid_word = is_word(want[k - 1]) && is_word(want[k]) && !whole;
                // Stopped by a box's edge or the terminal's, the rest not wrapped onto the
                // next line: cut, whatever the letter.
                let at_edge = match next {
                    Some(c) => "│┐┘┤║".contains(c),
                    None => chars.len() >= 80,
                };
                let rest: String = want[k..].iter().collect();
                let first_rest = rest
                    .split_whitespace()
                    .find(|w| w.chars().any(is_word))
                    .unwrap_or_default()
                    .to_owned();
                let wrapped = lines
                    .get(row + 1)
                    .is_some_and(|l| !first_rest.is_empty() && l.contains(first_rest.as_str()));
                // A whole word then a blank before the edge is not known to be cut.
                // And most of the message drawn: a short word shared with another text
                // (« Monnaie » of « Monnaie locale » and « Monnaie à rendre ») says nothing.
                let edge_cut = at_edge
                    && !wrapped
                    && want[k - 1] != ' '
                    && rest.chars().any(is_word)
                    && k * 5 >= want.len() * 3;
                if edge_cut || (stops && (mid_word || next == Some('…'))) {
                    let drawn: String = chars[start..start + k].iter().collect();
                    return Some(format!(
                        "{msg:?} « {text} » drawn as « {drawn} » in:\n{line}"
                    ));
                }
            }
        }
    }
    None
}

/// An app with a synthetic clock, typed into like a person (150 ms between keys).
struct Screen {
    app: App,
    clock_us: u64,
}

impl Screen {
    fn new() -> Screen {
        let mut store = Store::open_in_memory().expect("open");
        demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
        let app = App::new(store, None, at("09:30:00"), common::key_dir()).expect("app");
        Screen {
            app,
            clock_us: 1_000_000,
        }
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.clock_us += 300_000;
        self.app
            .handle_key_at(KeyEvent::new(code, modifiers), self.clock_us);
        self.clock_us += 500_000;
        self.app.idle_at(self.clock_us);
    }

    fn press(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE);
    }

    fn ctrl(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn human(&mut self, text: &str) {
        for c in text.chars() {
            self.clock_us += 150_000;
            self.app.handle_key_at(
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                self.clock_us,
            );
        }
        self.clock_us += 500_000;
        self.app.idle_at(self.clock_us);
    }

    fn log_in(&mut self, initial: &str, pin: &str) {
        self.human(initial);
        self.press(KeyCode::Enter);
        self.human(pin);
        self.press(KeyCode::Enter);
    }
}

/// Walks every screen a person can reach, checking each one as it is drawn.
fn walk(problems: &mut Vec<String>) {
    let meant = meant();
    let words = {
        let mut store = Store::open_in_memory().expect("open");
        demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
        vocabulary(&mut store)
    };
    let mut check = |where_: &str, s: &Screen| {
        let text = common::screen_text(&s.app);
        if let Some(cut) = cut_text(&text, &meant, &words) {
            let head = cut.lines().next().unwrap_or_default().to_owned();
            if !problems.iter().any(|p| p.contains(&head)) {
                problems.push(format!("[{:?}] {where_}: {cut}", i18n::lang()));
            }
        }
    };
    // Set-up on an empty database.
    let store = Store::open_in_memory().expect("open");
    let setup = Screen {
        app: App::new(store, None, at("09:30:00"), common::key_dir()).expect("app"),
        clock_us: 1_000_000,
    };
    check("set-up", &setup);

    // The manager: home, every manager list, its add form, back.
    let mut s = Screen::new();
    check("login", &s);
    s.log_in("c", "1111");
    check("home (manager)", &s);
    // 3 to 13: the lists; 15 to 18: the kitchen screen, the café's menu, the member
    // register, the reports.
    for mode in (3..=13).chain(15..=18) {
        let mut m = Screen::new();
        m.log_in("c", "1111");
        for _ in 1..mode {
            m.press(KeyCode::Down);
        }
        m.press(KeyCode::Enter);
        let title = m.app.screen_title();
        check(&title, &m);
        m.press(KeyCode::F(2));
        check(&format!("{title}, F2"), &m);
        m.press(KeyCode::Esc);
        m.press(KeyCode::F(3));
        check(&format!("{title}, F3"), &m);
    }

    // The till: float, selling, search, paying, done, parked, X, Z, drawer, refund.
    let mut t = Screen::new();
    t.log_in("k", "2222");
    check("home (cashier)", &t);
    t.press(KeyCode::Enter);
    check("till: float", &t);
    t.press(KeyCode::F(2));
    check("till: selling", &t);
    t.human("livre");
    t.press(KeyCode::Enter);
    check("till: search", &t);
    t.press(KeyCode::Enter);
    t.human("v");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(4));
    check("till: line discount", &t);
    t.press(KeyCode::Esc);
    t.press(KeyCode::F(6));
    check("till: parked", &t);
    t.human("v");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(7));
    check("till: resume", &t);
    t.press(KeyCode::Esc);
    t.press(KeyCode::F(2));
    check("till: paying", &t);
    t.human("20");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    check("till: done", &t);
    t.human("n");
    t.press(KeyCode::F(11));
    check("till: X", &t);
    t.press(KeyCode::Esc);
    t.ctrl('t');
    check("till: manager's PIN", &t);
    t.human("1111");
    t.press(KeyCode::Enter);
    check("till: drawer", &t);
    t.press(KeyCode::Right);
    check("till: cash in", &t);
    t.press(KeyCode::Esc);
    t.ctrl('t');
    t.human("1111");
    t.press(KeyCode::Enter);
    t.press(KeyCode::Left);
    check("till: gift voucher", &t);
    t.human("25");
    t.press(KeyCode::Tab);
    t.press(KeyCode::Right);
    check("till: gift voucher's method", &t);
    t.press(KeyCode::F(2));
    check("till: gift voucher sold", &t);
    t.press(KeyCode::F(9));
    t.human("1111");
    t.press(KeyCode::Enter);
    check("till: refund, find", &t);
    t.press(KeyCode::Esc);
    t.press(KeyCode::F(12));
    t.human("1111");
    t.press(KeyCode::Enter);
    check("till: Z", &t);

    // The café: its orders, a new one, an order with a line, paying.
    let mut c = Screen::new();
    c.log_in("l", "4444");
    c.press(KeyCode::Enter);
    check("café: orders", &c);
    c.press(KeyCode::F(2));
    check("café: new order", &c);
    c.human("4");
    c.press(KeyCode::Enter);
    c.human("2*gc +oeuf !sans gluten");
    c.press(KeyCode::Enter);
    check("café: order", &c);
    c.press(KeyCode::F(3));
    check("café: sent", &c);
    c.press(KeyCode::F(2));
    check("café: paying", &c);
    c.press(KeyCode::Esc);
    c.press(KeyCode::F(6));
    check("café: parts", &c);
    c.human("3");
    c.press(KeyCode::Enter);
    check("café: paying a part", &c);
    c.press(KeyCode::Esc);
    c.press(KeyCode::F(7));
    check("café: move", &c);
    c.press(KeyCode::Esc);
    c.press(KeyCode::Esc);
    check("café: orders with one", &c);
    c.press(KeyCode::Esc);
    c.press(KeyCode::Down);
    c.press(KeyCode::Enter);
    check("kitchen", &c);

    // The reports: takings by category, tonnage, targets.
    let mut r = Screen::new();
    r.log_in("c", "1111");
    for _ in 0..30 {
        r.press(KeyCode::Down);
    }
    r.press(KeyCode::Enter);
    for _ in 0..9 {
        r.press(KeyCode::Tab);
    }
    check("reports: by category", &r);
    r.press(KeyCode::F(2));
    check("reports: tonnage", &r);
    r.press(KeyCode::F(2));
    check("reports: targets", &r);

    // The sorting bench: intake, items from it, outbound.
    let mut b = Screen::new();
    b.log_in("s", "3333");
    check("home (sorter)", &b);
    b.press(KeyCode::Enter);
    check("bench: intake", &b);
    b.press(KeyCode::F(3));
    check("bench: items", &b);
    b.press(KeyCode::Esc);
    b.press(KeyCode::F(6));
    check("bench: outbound", &b);
}

#[test]
fn every_screen_fits_80x24_with_no_catalogue_text_cut_in_french_and_english() {
    let mut problems = Vec::new();
    for lang in [Lang::Fr, Lang::En] {
        i18n::set_lang(lang);
        walk(&mut problems);
    }
    i18n::set_lang(Lang::Fr);
    assert!(
        problems.is_empty(),
        "{} cut text(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn the_checker_finds_a_cut_word_and_lets_a_whole_one_pass() {
    let meant = vec![(Msg::ColWeight, "Poids unitaire".to_owned())];
    let words: std::collections::HashSet<String> = ["poids", "unique", "nom"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert!(cut_text("│ Nom  Poids unita État │", &meant, &words).is_some());
    assert!(cut_text("│ Nom  Poids unitaire État │", &meant, &words).is_none());
    assert!(cut_text("│ Nom  Poids unit…│", &meant, &words).is_some());
    // Another text that starts alike, or a whole word, is not a cut.
    assert!(cut_text("│ Poids unique │", &meant, &words).is_none());
    assert!(cut_text("│ Poids │", &meant, &words).is_none());
}

#[test]
fn below_80x24_the_screen_says_so() {
    let s = Screen::new();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 20)).expect("terminal");
    terminal.draw(|frame| s.app.render(frame)).expect("draw");
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("80 × 24"), "{text}");
}
