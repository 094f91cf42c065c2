//! The real binary in a pseudo-terminal of 80×24: `pepite demo --no-tui` makes a shop,
//! `pepite user list` shows a user per role, then `pepite --db …` shows the French login
//! screen, a demo manager logs in with the PIN the screen shows, and quits.

mod common;

use common::pepite_command as pepite;
use common::pty::Terminal;

#[test]
fn demo_then_login_in_a_real_terminal() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "d.db");

    let listed = pepite(home.path())
        .args(["user", "list", "--db"])
        .arg(&db)
        .output()
        .expect("list");
    let list = String::from_utf8_lossy(&listed.stdout);
    for role in ["encadrant", "caisse", "tri", "café"] {
        assert!(list.contains(role), "no {role} in:\n{list}");
    }

    let db_arg = db.to_str().expect("path");
    let mut screen = Terminal::start(home.path(), &["--db", db_arg]);

    screen.wait_for("Qui êtes-vous ?");
    screen.wait_for("Démo — codes");
    let login = screen.contents();
    assert!(login.contains("Claire  (encadrant)"), "{login}");
    assert!(login.contains("caisse-1"), "{login}");
    assert!(login.contains("Ctrl+Q Quitter"), "{login}");

    screen.log_in("c", "Claire", "1111");
    let home_screen = screen.contents();
    assert!(home_screen.contains("Utilisateurs"), "{home_screen}");
    assert!(
        home_screen.contains("│ Claire "),
        "status line names the user:\n{home_screen}"
    );

    screen.quit();
    let log =
        std::fs::read_to_string(home.path().join("data/pepite/pepite.log")).expect("log file");
    assert!(
        log.contains("login"),
        "the login is in the log file:\n{log}"
    );
}
