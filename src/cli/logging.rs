//! Logs go to `pepite.log` in the data folder, never to the terminal (the TUI owns it).

use crate::paths;
use std::fs::OpenOptions;
use std::sync::Mutex;
use tracing_subscriber::EnvFilter;

/// Starts logging to the log file at `level` (`PEPITE_LOG` wins). If the file cannot be
/// opened, pépite runs without a log rather than writing on the screen.
pub fn init(level: Option<&str>) {
    let path = paths::log_file();
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let Ok(file) = OpenOptions::new().create(true).append(true).open(&path) else {
        return;
    };
    let filter = EnvFilter::try_from_env("PEPITE_LOG")
        .or_else(|_| EnvFilter::try_new(level.unwrap_or("info")))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .try_init();
}
