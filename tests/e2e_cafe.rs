//! An open café order survives a crash: the real binary in a pseudo-terminal, a café
//! user opens table 7 and adds lines; once the screen shows a line it is in the database,
//! so SIGKILL right after the last one loses nothing. Started again, table 7 is there with
//! every line.

mod common;

use common::pty::Terminal;

const F2: &[u8] = b"\x1bOQ";

#[test]
fn an_open_order_survives_sigkill_in_the_middle_of_adding_lines() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "cafe.db");
    let args = ["--db", db.to_str().expect("path")];
    let lines = [
        (
            "gc +oeuf !bien cuite\r",
            "1 × Galette complète (+ œuf) ! bien cuite",
        ),
        ("2*b\r", "2 × Bière pression"),
        ("cs\r", "1 × Crêpe beurre-sucre"),
    ];
    let mut t = Terminal::start(home.path(), &args);
    t.log_in("l", "Lucas", "4444");
    t.wait_for("Café-crêperie");
    t.send(b"\r");
    t.wait_for("Commandes ouvertes");
    t.send(F2);
    t.wait_for("Numéro de table ou nom");
    t.send(b"7\r");
    t.wait_for("Table 7");
    for (typed, shown) in lines {
        t.send(typed.as_bytes());
        t.wait_for(shown);
    }
    t.kill9();

    let mut t = Terminal::start(home.path(), &args);
    t.log_in("l", "Lucas", "4444");
    t.wait_for("Café-crêperie");
    t.send(b"\r");
    t.wait_for("Table 7");
    t.send(b"\r");
    for (_, shown) in lines {
        t.wait_for(shown);
    }
    t.wait_for("à payer 19,50 €");
    t.quit();
}
