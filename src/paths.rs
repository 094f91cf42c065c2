//! Where pépite keeps its files: the database and the log in the user's data folder, the
//! configuration and the installation key in the user's config folder.

use directories::ProjectDirs;
use std::path::PathBuf;

fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("fr", "pepite", "pepite")
}

/// The folder for the database and the log (`~/.local/share/pepite` on Linux).
pub fn data_dir() -> PathBuf {
    dirs()
        .map(|d| d.data_dir().to_owned())
        .unwrap_or_else(|| PathBuf::from(".pepite"))
}

/// The folder for `config.toml` (`~/.config/pepite` on Linux).
pub fn config_dir() -> PathBuf {
    dirs()
        .map(|d| d.config_dir().to_owned())
        .unwrap_or_else(|| PathBuf::from(".pepite"))
}

/// The database used when none is named.
pub fn default_db() -> PathBuf {
    data_dir().join("pepite.db")
}

/// The log file: everything pépite logs goes here, never to the terminal.
pub fn log_file() -> PathBuf {
    data_dir().join("pepite.log")
}

pub fn config_file() -> PathBuf {
    config_dir().join("config.toml")
}

/// The folder of installation keys (owner-only files), one per database.
pub fn key_dir() -> PathBuf {
    config_dir().join("keys")
}
