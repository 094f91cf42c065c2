//! Where a printer is: a TCP socket (port 9100, hostname or IP), a device file such as
//! `/dev/usb/lp0`, or a plain file (for tests, or to keep slips). Written in the local
//! configuration as `tcp:192.168.1.50:9100`, `device:/dev/usb/lp0` or `file:/tmp/slips.bin`.
//! Sending goes through the `escpos` crate's drivers, with a timeout on the network.

use super::PrintError;
use escpos::driver::{Driver, FileDriver};
use std::fs::OpenOptions;
use std::net::ToSocketAddrs;
use std::net::{Shutdown, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

/// The raw-printing port of network receipt printers.
pub const DEFAULT_PORT: u16 = 9100;
const TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Tcp { host: String, port: u16 },
    Device(PathBuf),
    File(PathBuf),
}

impl Target {
    /// Parses `tcp:HOST[:PORT]`, `device:PATH` or `file:PATH` (a bare `/dev/…` path is a
    /// device).
    pub fn parse(text: &str) -> Result<Target, PrintError> {
        let text = text.trim();
        let bad = || PrintError::BadTarget(text.to_owned());
        if let Some(rest) = text.strip_prefix("tcp:") {
            let rest = rest.trim_start_matches("//");
            let (host, port) = match rest.rsplit_once(':') {
                Some((host, port)) => (host, port.parse().map_err(|_| bad())?),
                None => (rest, DEFAULT_PORT),
            };
            if host.is_empty() {
                return Err(bad());
            }
            Ok(Target::Tcp {
                host: host.to_owned(),
                port,
            })
        } else if let Some(path) = text.strip_prefix("device:") {
            (!path.is_empty())
                .then(|| Target::Device(path.into()))
                .ok_or_else(bad)
        } else if let Some(path) = text.strip_prefix("file:") {
            (!path.is_empty())
                .then(|| Target::File(path.into()))
                .ok_or_else(bad)
        } else if text.starts_with("/dev/") {
            Ok(Target::Device(text.into()))
        } else {
            Err(bad())
        }
    }

    /// The address as the configuration writes it: the spool's name for this printer.
    pub fn address(&self) -> String {
        match self {
            Target::Tcp { host, port } => format!("tcp:{host}:{port}"),
            Target::Device(path) => format!("device:{}", path.display()),
            Target::File(path) => format!("file:{}", path.display()),
        }
    }

    /// How the status line names it.
    pub fn describe(&self) -> String {
        match self {
            Target::Tcp { host, port } => format!("{host}:{port}"),
            Target::Device(path) | Target::File(path) => path.display().to_string(),
        }
    }

    /// Sends `bytes` in one piece; an error says what went wrong, in the user's language.
    pub fn send(&self, bytes: &[u8]) -> Result<(), PrintError> {
        self.send_checked(bytes, false)
    }

    /// Sends `bytes`; with `ask_status`, a network printer is then asked for its paper
    /// sensor (`DLE EOT 4`) and an answer that the paper ran out is a fault.
    pub fn send_checked(&self, bytes: &[u8], ask_status: bool) -> Result<(), PrintError> {
        let fail = |reason: String| PrintError::Unreachable {
            target: self.describe(),
            reason,
        };
        match self {
            Target::Tcp { host, port } => {
                let address = (host.as_str(), *port)
                    .to_socket_addrs()
                    .map_err(|e| fail(crate::i18n::io_reason(&e)))?
                    .next()
                    .ok_or_else(|| fail(host.clone()))?;
                send_tcp(&address, bytes, ask_status).map_err(fail)
            }
            Target::Device(path) => {
                let driver = FileDriver::open(path).map_err(|e| fail(e.to_string()))?;
                driver
                    .write(bytes)
                    .and_then(|()| driver.flush())
                    .map_err(|e| fail(e.to_string()))
            }
            Target::File(path) => {
                let mut options = OpenOptions::new();
                options.create(true).append(true);
                let driver = FileDriver::open_with_options(path, &options)
                    .map_err(|e| fail(e.to_string()))?;
                driver
                    .write(bytes)
                    .and_then(|()| driver.flush())
                    .map_err(|e| fail(e.to_string()))
            }
        }
    }
}

/// `DLE EOT 4`: the real-time roll paper sensor status.
const PAPER_STATUS: [u8; 3] = [0x10, 0x04, 0x04];

/// Whether a `DLE EOT 4` answer says the paper ran out (bits 5 and 6; the answer always
/// has bit 4 set and bits 0, 1 and 7 clear).
fn paper_out(byte: u8) -> bool {
    byte & 0b1001_0011 == 0b0001_0010 && byte & 0b0110_0000 != 0
}

/// Sends `bytes` and waits for the printer to have taken them all: the write half is
/// closed after the job, and the printer must read everything and close its side within
/// the timeout. A printer that accepts then stalls, or that closes mid-job (a reset),
/// is a fault — never a slip marked printed that was not.
fn send_tcp(address: &std::net::SocketAddr, bytes: &[u8], ask_status: bool) -> Result<(), String> {
    use std::io::{Read, Write};
    let reason = |e: std::io::Error| crate::i18n::io_reason(&e);
    let mut stream = TcpStream::connect_timeout(address, TIMEOUT).map_err(reason)?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(reason)?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(reason)?;
    stream.write_all(bytes).map_err(reason)?;
    if ask_status {
        stream.write_all(&PAPER_STATUS).map_err(reason)?;
    }
    stream.flush().map_err(reason)?;
    stream.shutdown(Shutdown::Write).map_err(reason)?;
    // Whatever the printer answers (status bytes) is read and dropped until it closes.
    let mut answer = [0u8; 256];
    loop {
        match stream.read(&mut answer) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                if ask_status && answer[..n].iter().any(|b| paper_out(*b)) {
                    return Err(crate::i18n::Msg::PrinterNoPaper.text().to_owned());
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(crate::i18n::Msg::PrinterStalled.text().to_owned());
            }
            Err(e) => return Err(reason(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_from_the_configuration() {
        let cases = [
            (
                "tcp:192.168.1.50:9100",
                Some(Target::Tcp {
                    host: "192.168.1.50".into(),
                    port: 9100,
                }),
            ),
            (
                "tcp:imprimante-caisse",
                Some(Target::Tcp {
                    host: "imprimante-caisse".into(),
                    port: 9100,
                }),
            ),
            (
                "device:/dev/usb/lp0",
                Some(Target::Device("/dev/usb/lp0".into())),
            ),
            ("/dev/usb/lp1", Some(Target::Device("/dev/usb/lp1".into()))),
            (
                "file:/tmp/slips.bin",
                Some(Target::File("/tmp/slips.bin".into())),
            ),
            ("tcp::9100", None),
            ("tcp:host:port", None),
            ("imprimante", None),
            ("file:", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Target::parse(text).ok(), expected, "{text}");
        }
    }

    #[test]
    fn paper_sensor_answers() {
        // 0x12: paper present; 0x1E: near end (bits 2, 3); 0x72: paper end (bits 5, 6).
        let cases = [
            (0x12, false),
            (0x1E, false),
            (0x72, true),
            (0x7E, true),
            (0x60, false),
        ];
        for (byte, out) in cases {
            assert_eq!(paper_out(byte), out, "{byte:#04x}");
        }
    }
}
