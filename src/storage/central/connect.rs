//! Connecting to the central: the URL parsed by the driver, TLS through rustls when the
//! URL's `sslmode` asks for it (`prefer`, the default, falls back to plain when the server
//! has no TLS; `require` does not), and the password looked for where PostgreSQL's own
//! tools look: the environment, then a `.pgpass` file — never a config file.

use super::{StorageError, central};
use postgres::config::{Host, SslMode};
use std::path::PathBuf;
use std::sync::Arc;

/// Whether `url` carries a password (`postgres://user:secret@host/…`): a config file may
/// not hold one.
pub fn password_in_url(url: &str) -> bool {
    url.parse::<postgres::Config>()
        .is_ok_and(|c| c.get_password().is_some())
}

/// `url` without its password, for messages and logs.
pub fn redacted(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((user, host)) => {
                let user = user.split(':').next().unwrap_or_default();
                format!("{scheme}://{user}@{host}")
            }
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

fn bad_url(url: &str, why: impl std::fmt::Display) -> StorageError {
    StorageError::Central(crate::i18n::Msg::CentralBadUrl.fill(&[&redacted(url), &why]))
}

pub(super) fn client(url: &str) -> Result<postgres::Client, StorageError> {
    let mut config: postgres::Config = url.parse().map_err(|e| bad_url(url, e))?;
    if config.get_password().is_none()
        && let Some(password) = password_for(&config)
    {
        config.password(password);
    }
    config.connect_timeout(std::time::Duration::from_secs(10));
    if config.get_application_name().is_none() {
        config.application_name("pepite");
    }
    if config.get_ssl_mode() == SslMode::Disable {
        return config.connect(postgres::NoTls).map_err(central);
    }
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| bad_url(url, e))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    config
        .connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
        .map_err(central)
}

/// The password of the environment, else of the `.pgpass` file (`PGPASSFILE`, else
/// `~/.pgpass`): lines `host:port:database:user:password`, `*` matching anything.
fn password_for(config: &postgres::Config) -> Option<String> {
    for name in ["PEPITE_CENTRAL_PASSWORD", "PGPASSWORD"] {
        if let Ok(value) = std::env::var(name)
            && !value.is_empty()
        {
            return Some(value);
        }
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(".pgpass")))?;
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(name)) => name.clone(),
        Some(Host::Unix(_)) | None => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default();
    let database = config.get_dbname().unwrap_or(user);
    pgpass_lookup(&text, [&host, &port, database, user])
}

/// The password of the first `.pgpass` line matching `[host, port, database, user]`.
fn pgpass_lookup(text: &str, wanted: [&str; 4]) -> Option<String> {
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_escaped(line);
        if fields.len() != 5 {
            continue;
        }
        if fields[..4]
            .iter()
            .zip(wanted)
            .all(|(field, want)| field == "*" || field == want)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

/// Splits a `.pgpass` line on `:`, `\:` and `\\` standing for themselves.
fn split_escaped(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(last)) = (chars.next(), fields.last_mut()) {
                    last.push(next);
                }
            }
            ':' => fields.push(String::new()),
            other => {
                if let Some(last) = fields.last_mut() {
                    last.push(other);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_lines_match_field_by_field_with_wildcards() {
        let text = "# central\n\
                    autre:5432:pepite:site_a:non\n\
                    central.example:5432:pepite:site_a:s3cr\\:et\n\
                    *:*:*:lecteur:tout\n";
        let cases = [
            (
                ["central.example", "5432", "pepite", "site_a"],
                Some("s3cr:et"),
            ),
            (["central.example", "5433", "pepite", "site_a"], None),
            (["n'importe", "1", "x", "lecteur"], Some("tout")),
            (["central.example", "5432", "pepite", "site_b"], None),
        ];
        for (wanted, expected) in cases {
            assert_eq!(
                pgpass_lookup(text, wanted).as_deref(),
                expected,
                "{wanted:?}"
            );
        }
    }

    #[test]
    fn urls_with_a_password_are_seen_and_redacted() {
        assert!(password_in_url("postgres://site_a:secret@central/pepite"));
        assert!(!password_in_url(
            "postgres://site_a@central/pepite?sslmode=require"
        ));
        assert_eq!(
            redacted("postgres://site_a:secret@central/pepite"),
            "postgres://site_a@central/pepite"
        );
    }
}
