//! A ticket in progress and a parked ticket survive a crash: the real binary in a
//! pseudo-terminal, a cashier scans an item, parks the ticket, scans another, and the
//! process is killed with SIGKILL. Started again, the till shows the ticket in progress
//! and F7 brings the parked one back.

mod common;

use common::pty::Terminal;
use pepite::storage::{Store, items};

const F2: &[u8] = b"\x1bOQ";
const F6: &[u8] = b"\x1b[17~";
const F7: &[u8] = b"\x1b[18~";

#[test]
fn a_ticket_in_progress_and_a_parked_one_survive_sigkill() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let (first, second) = {
        let mut store = Store::open(&db).expect("open");
        let codes = store.read(|tx| items::some_in_stock(tx, 2)).expect("stock");
        let mut item = |code: &str| {
            store
                .read(|tx| items::by_code(tx, code))
                .expect("item")
                .expect("exists")
        };
        (item(&codes[0]), item(&codes[1]))
    };
    let args = ["--db", db.to_str().expect("path")];
    let mut t = Terminal::start(home.path(), &args);
    t.log_in("k", "Karim", "2222");
    t.wait_for("Caisse boutique");
    t.send(b"\r");
    t.wait_for("Fond de caisse");
    t.send(F2);
    t.wait_for("Caisse ouverte");
    t.send(format!("{}\r", first.code).as_bytes());
    t.wait_for(&first.description);
    t.send(F6);
    t.wait_for("attente");
    t.send(format!("{}\r", second.code).as_bytes());
    t.wait_for(&second.description);
    t.kill9();

    let mut t = Terminal::start(home.path(), &args);
    t.log_in("k", "Karim", "2222");
    t.wait_for("Caisse boutique");
    t.send(b"\r");
    t.wait_for(&second.description);
    t.send(F7);
    t.wait_for("Tickets en attente");
    t.send(b"\r");
    t.wait_for(&first.description);
    t.quit();
}
