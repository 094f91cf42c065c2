//! The real binary in a pseudo-terminal of 80×24: `pepite demo --no-tui` makes a shop,
//! `pepite user list` shows a user per role, then `pepite --db …` shows the French login
//! screen, a demo manager logs in with the PIN the screen shows, and quits.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

mod common;

use common::pepite_command as pepite;

const BIN: &str = env!("CARGO_BIN_EXE_pepite");

struct Screen {
    parser: vt100::Parser,
    bytes: Receiver<Vec<u8>>,
}

impl Screen {
    /// Waits until the screen shows `text`, failing with the screen after 20 s.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            while let Ok(chunk) = self.bytes.try_recv() {
                self.parser.process(&chunk);
            }
            let contents = self.parser.screen().contents();
            if contents.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; screen:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn contents(&self) -> String {
        self.parser.screen().contents()
    }
}

#[test]
fn demo_then_login_in_a_real_terminal() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("d.db");

    let made = pepite(home.path())
        .args(["demo", "--no-tui", "--db"])
        .arg(&db)
        .output()
        .expect("demo");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    let listed = pepite(home.path())
        .args(["user", "list", "--db"])
        .arg(&db)
        .output()
        .expect("list");
    let list = String::from_utf8_lossy(&listed.stdout);
    for role in ["encadrant", "caisse", "tri", "café"] {
        assert!(list.contains(role), "no {role} in:\n{list}");
    }

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut command = CommandBuilder::new(BIN);
    command.arg("--db");
    command.arg(&db);
    command.env("HOME", home.path());
    command.env("XDG_DATA_HOME", home.path().join("data"));
    command.env("XDG_CONFIG_HOME", home.path().join("config"));
    command.env("TERM", "xterm-256color");
    command.env_remove("PEPITE_DB");
    let mut child = pty.slave.spawn_command(command).expect("spawn pepite");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut keyboard = pty.master.take_writer().expect("writer");
    let (sender, bytes) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        parser: vt100::Parser::new(
            NonZeroU16::new(24).expect("rows"),
            NonZeroU16::new(80).expect("cols"),
            0,
        ),
        bytes,
    };

    screen.wait_for("Qui êtes-vous ?");
    screen.wait_for("Démo — codes");
    let login = screen.contents();
    assert!(login.contains("Claire  (encadrant)"), "{login}");
    assert!(login.contains("Poste caisse-1"), "{login}");
    assert!(login.contains("Ctrl+Q  Quitter"), "{login}");

    let mut send = |keys: &[u8]| {
        keyboard.write_all(keys).expect("type");
        keyboard.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(50));
    };
    send(b"c");
    send(b"\r");
    screen.wait_for("Code de Claire");
    send(b"1111\r");
    screen.wait_for("Bonjour Claire !");
    let home_screen = screen.contents();
    assert!(home_screen.contains("Utilisateurs"), "{home_screen}");
    assert!(
        home_screen.contains("│ Claire "),
        "status line names the user:\n{home_screen}"
    );

    send(b"\x11"); // Ctrl+Q
    screen.wait_for("Quitter pépite ?");
    send(b"o");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "pepite did not quit:\n{}",
            screen.contents()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    let log =
        std::fs::read_to_string(home.path().join("data/pepite/pepite.log")).expect("log file");
    assert!(
        log.contains("login"),
        "the login is in the log file:\n{log}"
    );
}
