//! Where a printer is: a TCP socket (port 9100, hostname or IP), a device file such as
//! `/dev/usb/lp0`, or a plain file (for tests, or to keep slips). Written in the local
//! configuration as `tcp:192.168.1.50:9100`, `device:/dev/usb/lp0` or `file:/tmp/slips.bin`.
//! Sending goes through the `escpos` crate's drivers, with a timeout on the network.

use super::PrintError;
use escpos::driver::{Driver, FileDriver, NetworkDriver};
use std::fs::OpenOptions;
use std::net::ToSocketAddrs;
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

    /// How the status line names it.
    pub fn describe(&self) -> String {
        match self {
            Target::Tcp { host, port } => format!("{host}:{port}"),
            Target::Device(path) | Target::File(path) => path.display().to_string(),
        }
    }

    /// Sends `bytes` in one piece; an error says what went wrong, in the user's language.
    pub fn send(&self, bytes: &[u8]) -> Result<(), PrintError> {
        let fail = |reason: String| PrintError::Unreachable {
            target: self.describe(),
            reason,
        };
        match self {
            Target::Tcp { host, port } => {
                let address = (host.as_str(), *port)
                    .to_socket_addrs()
                    .map_err(|e| fail(e.to_string()))?
                    .next()
                    .ok_or_else(|| fail(host.clone()))?;
                let driver =
                    NetworkDriver::open(&address.ip().to_string(), address.port(), Some(TIMEOUT))
                        .map_err(|e| fail(e.to_string()))?;
                driver
                    .write(bytes)
                    .and_then(|()| driver.flush())
                    .map_err(|e| fail(e.to_string()))
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
}
