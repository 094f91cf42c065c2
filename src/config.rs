//! The local configuration file (`config.toml` in the user's config folder): what this
//! machine needs that the shared database does not hold. Unknown keys are refused with
//! the key named, so a typo never silently does nothing.

use crate::i18n::{Lang, Msg};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Settings of this machine. Every key is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Interface language: `fr` (default) or `en`.
    pub lang: Option<Lang>,
    /// The database file, when not the default one.
    pub db: Option<PathBuf>,
    /// The terminal this machine runs as (its code, e.g. `caisse-2`).
    pub terminal: Option<String>,
    /// Log level for the log file: `error`, `warn`, `info` (default), `debug`.
    pub log_level: Option<String>,
    /// The receipt printer: `tcp:HOST[:PORT]`, `device:/dev/usb/lp0` or `file:PATH`.
    pub printer: Option<String>,
    /// Its profile in `printer-profiles/` (default `generic-escpos`).
    pub printer_profile: Option<String>,
    /// The label printer, written like `printer`.
    pub label_printer: Option<String>,
    /// A label printer's profile (e.g. `tsc-te200-50x30`), a receipt printer's for labels on
    /// the roll, or `pdf-3x8` / `pdf-2x7` for A4 sheets (default `pdf-3x8`).
    pub label_profile: Option<String>,
    /// The café's crêperie printer and the bar's, written like `printer` (their tickets
    /// use `printer_profile`).
    pub creperie_printer: Option<String>,
    pub bar_printer: Option<String>,
    /// The structure's central PostgreSQL (`postgres://site_a@central.example/pepite?sslmode=require`):
    /// the till then syncs in the background. Never with a password: that goes in
    /// `~/.pgpass` or the `PEPITE_CENTRAL_PASSWORD` variable.
    pub central: Option<String>,
}

/// The keys a config file may hold, for the message that refuses the others.
pub const KEYS: &[&str] = &[
    "lang",
    "db",
    "terminal",
    "log_level",
    "printer",
    "printer_profile",
    "label_printer",
    "label_profile",
    "creperie_printer",
    "bar_printer",
    "central",
];

/// A config file that cannot be used, with the path and what is wrong, in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub problem: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Msg::CliConfigError.fill(&[&self.path.display(), &self.problem]))
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the file at `path`; a missing file is the default configuration.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text).map_err(|problem| ConfigError {
                path: path.to_owned(),
                problem,
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(error) => Err(ConfigError {
                path: path.to_owned(),
                problem: error.to_string(),
            }),
        }
    }

    /// Parses the text of a config file.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = Config::parse_keys(text)?;
        if config
            .central
            .as_deref()
            .is_some_and(crate::storage::central::password_in_url)
        {
            return Err(Msg::CentralPasswordInConfig.text().to_owned());
        }
        Ok(config)
    }

    fn parse_keys(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|error| {
            let message = error.message();
            match message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
            {
                Some(key) => Msg::CliConfigUnknownKey.fill(&[&key, &KEYS.join(", ")]),
                None => match error.span() {
                    Some(span) => Msg::CliConfigAt.fill(&[&message, &span.start]),
                    None => message.to_owned(),
                },
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys() {
        let config = Config::parse("lang = \"en\"\nterminal = \"caisse-2\"\n").expect("parse");
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(config.terminal.as_deref(), Some("caisse-2"));
        assert_eq!(Config::parse("").expect("empty"), Config::default());
    }

    #[test]
    fn refuses_an_unknown_key_by_name() {
        let problem = Config::parse("lang = \"fr\"\nimprimante = \"x\"\n").expect_err("unknown");
        assert!(problem.contains("imprimante"), "{problem}");
        assert!(problem.contains("clé inconnue"), "{problem}");
    }

    #[test]
    fn refuses_a_central_url_with_a_password() {
        let problem = Config::parse("central = \"postgres://site_a:secret@central/pepite\"\n")
            .expect_err("password");
        assert!(problem.contains("pgpass"), "{problem}");
        let config =
            Config::parse("central = \"postgres://site_a@central/pepite\"\n").expect("no password");
        assert_eq!(
            config.central.as_deref(),
            Some("postgres://site_a@central/pepite")
        );
    }

    #[test]
    fn a_missing_file_is_the_default() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(
            Config::load(&dir.path().join("none.toml")),
            Ok(Config::default())
        );
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "lang = 3").expect("write");
        let error = Config::load(&bad).expect_err("bad type");
        assert_eq!(error.path, bad);
    }
}
