//! `pepite user add|list|disable`.

use super::{ManagerAuth, UserCommand};
use crate::clock;
use crate::domain::{Name, Pin, Roles};
use crate::i18n::Msg;
use crate::ops::{OpsError, Session, auth, users};
use crate::storage::Store;
use std::process::ExitCode;

pub fn run(store: &mut Store, command: UserCommand) -> anyhow::Result<ExitCode> {
    match command {
        UserCommand::List => {
            let all = users::list(store)?;
            let header: Vec<&str> = Msg::CliUserListHeader.text().split('|').collect();
            let width = all
                .iter()
                .map(|u| u.name.as_str().chars().count())
                .max()
                .unwrap_or(0)
                .max(4)
                + 2;
            let roles_width = all
                .iter()
                .map(|u| u.roles.to_string().chars().count())
                .max()
                .unwrap_or(0)
                .max(6)
                + 2;
            println!(
                "{:<width$}{:<roles_width$}{}",
                header.first().unwrap_or(&""),
                header.get(1).unwrap_or(&""),
                header.get(2).unwrap_or(&"")
            );
            for user in all {
                let state = if user.active {
                    Msg::Active
                } else {
                    Msg::Inactive
                };
                println!(
                    "{:<width$}{:<roles_width$}{}",
                    user.name.as_str(),
                    user.roles.to_string(),
                    state
                );
            }
        }
        UserCommand::Add {
            name,
            roles,
            pin,
            auth,
        } => {
            let session = manager_session(store, &auth)?;
            let name = Name::parse(&name)?;
            let roles = Roles::parse_list(&roles)?;
            let pin = Pin::parse(&pin)?;
            users::add(store, &session, &name, roles, &pin, clock::now())?;
            println!("{}", Msg::CliUserAdded.fill(&[&name]));
        }
        UserCommand::Disable { name, auth } => {
            let session = manager_session(store, &auth)?;
            let user = users::find(store, &name)?.ok_or_else(|| {
                OpsError::Storage(crate::storage::StorageError::NotFound(Msg::ThingUser))
            })?;
            users::set_active(store, &session, user.id, false, clock::now())?;
            println!("{}", Msg::CliUserDisabled.fill(&[&user.name]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Logs in the manager named by `--as` with `--as-pin`; the role itself is checked by the
/// operation.
pub(super) fn manager_session(
    store: &mut Store,
    credentials: &ManagerAuth,
) -> anyhow::Result<Session> {
    let (Some(name), Some(pin)) = (&credentials.manager, &credentials.pin) else {
        anyhow::bail!(Msg::CliNeedManager.text());
    };
    let user = users::find(store, name)?
        .ok_or_else(|| OpsError::Storage(crate::storage::StorageError::NotFound(Msg::ThingUser)))?;
    // The key checks the PIN (hashes are keyed with its secret) and signs the JET: a
    // missing or exposed key file is said as such, never as a wrong PIN.
    let key = crate::ops::journal::load_key(store, &crate::paths::key_dir())?;
    Ok(auth::login_at(
        store,
        user.id,
        pin,
        clock::now(),
        Some(key),
        "cli",
    )?)
}
