//! The real `pepite` binary in an 80×24 pseudo-terminal, its screen parsed by `vt100`.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// A running pepite and what it shows.
pub struct Terminal {
    parser: vt100::Parser,
    bytes: Receiver<Vec<u8>>,
    keyboard: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Terminal {
    /// Starts pepite with `args`, its data and config folders inside `home`.
    pub fn start(home: &Path, args: &[&str]) -> Terminal {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_pepite"));
        command.args(args);
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("TERM", "xterm-256color");
        for variable in [
            "PEPITE_DB",
            "PEPITE_PRINTER",
            "PEPITE_TERMINAL",
            "PEPITE_CONFIG",
        ] {
            command.env_remove(variable);
        }
        let child = pty.slave.spawn_command(command).expect("spawn pepite");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let keyboard = pty.master.take_writer().expect("writer");
        let (sender, bytes) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Terminal {
            parser: vt100::Parser::new(
                NonZeroU16::new(24).expect("rows"),
                NonZeroU16::new(80).expect("cols"),
                0,
            ),
            bytes,
            keyboard,
            child,
        }
    }

    /// Waits until the screen shows `text`, failing with the screen after 20 s.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_for_any(&[text]);
    }

    /// Waits until the screen shows one of `texts` (failing with the screen after 20 s);
    /// the screen then.
    pub fn wait_for_any(&mut self, texts: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            while let Ok(chunk) = self.bytes.try_recv() {
                self.parser.process(&chunk);
            }
            let contents = self.contents();
            if texts.iter().any(|text| contents.contains(text)) {
                return contents;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {texts:?}; screen:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The screen, no-break spaces shown as spaces.
    pub fn contents(&self) -> String {
        self.parser.screen().contents().replace('\u{a0}', " ")
    }

    /// Types `keys` in one write (a scanner's burst is one write too).
    pub fn send(&mut self, keys: &[u8]) {
        self.keyboard.write_all(keys).expect("type");
        self.keyboard.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(80));
    }

    /// Logs in from the login screen: the user's initial, Enter, their PIN, until the home
    /// screen greets them by `name`.
    pub fn log_in(&mut self, initial: &str, name: &str, pin: &str) {
        self.wait_for("Qui êtes-vous ?");
        self.send(initial.as_bytes());
        self.send(b"\r");
        self.wait_for(&format!("Code de {name}"));
        self.send(format!("{pin}\r").as_bytes());
        self.wait_for(&format!("Bonjour {name} !"));
    }

    /// Starts pepite on the database `db` with an Epson TM-T20III receipt printer that
    /// writes to the file `printed`.
    pub fn with_printer(home: &Path, db: &Path, printed: &Path) -> Terminal {
        let printer = format!("file:{}", printed.display());
        Terminal::start(
            home,
            &[
                "--db",
                db.to_str().expect("path"),
                "--printer",
                &printer,
                "--printer-profile",
                "epson-tm-t20iii",
            ],
        )
    }

    /// Kills pepite with SIGKILL, as a power cut or a crash would, and waits for it.
    pub fn kill9(&mut self) {
        let pid = self.child.process_id().expect("pid");
        let killed = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let _ = self.child.wait();
    }

    /// Quits with Ctrl+Q and the confirmation; the exit must be a success.
    pub fn quit(&mut self) {
        self.send(b"\x11");
        self.wait_for("Quitter pépite ?");
        self.send(b"o");
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "pepite did not quit:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "exit status {status:?}");
    }
}
