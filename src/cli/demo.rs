//! `pepite demo`: a realistic shop to try, in a throwaway file unless `--db` is given.

use crate::domain::TerminalCode;
use crate::i18n::Msg;
use crate::ops::demo;
use crate::storage::Store;
use crate::{clock, paths, tui};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    db: Option<PathBuf>,
    no_tui: bool,
    size: &demo::Size,
    terminal: Option<TerminalCode>,
    printers: tui::Printers,
) -> anyhow::Result<ExitCode> {
    let (path, throwaway) = match db {
        Some(path) => (path, None),
        None => {
            let temp = tempfile::Builder::new()
                .prefix("pepite-demo-")
                .suffix(".db")
                .tempfile()?
                .into_temp_path();
            (temp.to_path_buf(), Some(temp))
        }
    };
    if throwaway.is_some() {
        // tempfile made an empty file; SQLite takes an empty file as a new database.
        std::fs::remove_file(&path)?;
    }
    let mut store = Store::open(&path)?;
    if size.years > 0 {
        // Years of history take minutes: a bar says how far it is.
        let bar = indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template(&Msg::CliDemoProgress.fill(&[
                &"{bar:40}",
                &"{pos}",
                &"{len}",
                &"{eta}",
            ]))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        demo::create_scaled(
            &mut store,
            clock::now(),
            &paths::key_dir(),
            size,
            &|done, all| {
                bar.set_length(all);
                bar.set_position(done);
            },
        )?;
        bar.finish_and_clear();
    } else {
        demo::create(&mut store, clock::now(), &paths::key_dir())?;
    }
    super::check_terminal(&mut store, terminal.as_ref())?;
    println!("{}", Msg::CliDemoDone.fill(&[&path.display()]));
    println!("{}", Msg::CliDemoUsers.text());
    for user in demo::USERS {
        let roles: Vec<&str> = user.roles.iter().map(|r| r.label().text()).collect();
        println!("  {} — {} — {}", user.name, roles.join(", "), user.pin);
    }
    if no_tui {
        if let Some(temp) = throwaway {
            // Asked for a file without a screen: keep it, it is the whole point.
            temp.keep()?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if throwaway.is_some() {
        println!("{}", Msg::CliDemoThrowaway.text());
    }
    tui::run(store, terminal, paths::key_dir(), printers, None)?;
    if throwaway.is_some() {
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}
