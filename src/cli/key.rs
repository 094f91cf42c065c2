//! `pepite key export|import`: the installation key's copy, kept away from the shop and
//! put back on a machine that lost its key.

use super::args::KeyCommand;
use crate::i18n::Msg;
use crate::journal::key::fingerprint;
use crate::storage::Store;
use crate::{clock, ops, paths};
use std::process::ExitCode;

pub(super) fn run(store: &mut Store, command: KeyCommand) -> anyhow::Result<ExitCode> {
    match command {
        KeyCommand::Export { out, auth } => {
            let session = super::user::manager_session(store, &auth)?;
            let key = ops::journal::load_key(store, &paths::key_dir())?;
            let print = ops::key::export(store, &session, &key, &out, clock::now())?;
            println!("{}", Msg::CliKeyExported.fill(&[&out.display(), &print]));
        }
        KeyCommand::Rotate { auth } => {
            let session = super::user::manager_session(store, &auth)?;
            let key = ops::journal::load_key(store, &paths::key_dir())?;
            let new = ops::key::rotate(store, &session, &key, clock::now())?;
            println!(
                "{}",
                Msg::CliKeyRotated.fill(&[
                    &fingerprint(&new.public_hex()),
                    &fingerprint(&key.public_hex())
                ])
            );
        }
        KeyCommand::Import { file } => {
            let key = ops::key::import(store, &paths::key_dir(), &file, "cli", clock::now())?;
            println!(
                "{}",
                Msg::CliKeyImported.fill(&[&key.dir().display(), &fingerprint(&key.public_hex())])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
