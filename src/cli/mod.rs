//! The command line: clap subcommands for what needs no screen, and the door to the TUI.
//!
//! `pepite` alone opens the TUI on the default database (a file in the user's data folder,
//! created on first run). Everything printed goes through the catalogue; logs go to a
//! file, never to the terminal.

mod args;
mod central;
mod demo;
mod french;
mod import;
mod key;
mod labels;
mod logging;
mod member;
mod report;
mod user;

pub use args::{CentralCommand, Cli, Command, GridCommand, KeyCommand, ManagerAuth, UserCommand};

use crate::config::Config;
use crate::domain::{Name, Pin, TerminalCode};
use crate::i18n::{self, Lang, Msg};
use crate::journal::InstallationKey;
use crate::ops::setup::{self, SetupRequest};
use crate::ops::{self, places};
use crate::print::{LabelPrinter, Printer, Profile, Target};
use crate::storage::{self, Store};
use crate::{clock, paths, tui};
use std::path::Path;
use std::process::ExitCode;

/// Parses the command line and runs it.
pub fn main() -> anyhow::Result<ExitCode> {
    let cli = french::parse();
    let config_path = cli.config.clone().unwrap_or_else(paths::config_file);
    // The language first, so that even a config error is in the right language.
    i18n::set_lang(cli.lang.unwrap_or_default());
    let config = Config::load(&config_path)?;
    if cli.lang.is_none() {
        i18n::set_lang(config.lang.unwrap_or(Lang::Fr));
    }
    logging::init(config.log_level.as_deref());
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "start");
    let named_db = cli.db.clone().or_else(|| config.db.clone());
    let default_db = named_db.is_none();
    let db = named_db.unwrap_or_else(paths::default_db);
    let terminal = cli
        .terminal
        .as_deref()
        .or(config.terminal.as_deref())
        .map(TerminalCode::parse)
        .transpose()?;
    let code = match cli.command {
        None => {
            use std::io::IsTerminal;
            let tty = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if default_db && !tty {
                // Said before the default database is made on a first run.
                anyhow::bail!(Msg::CliNoTerminal.text());
            }
            // Only the default file is created on first run: a named one must exist.
            let mut store = if default_db {
                Store::open(&db)?
            } else {
                open(&db)?
            };
            check_terminal(&mut store, terminal.as_ref())?;
            let printers = tui::Printers {
                receipts: printer(&cli, &config, &db)?,
                labels: label_printer(&cli, &config, &db)?,
                stations: station_printers(&config)?,
            };
            tui::run(
                store,
                terminal,
                paths::key_dir(),
                printers,
                config.central.clone(),
            )?;
            ExitCode::SUCCESS
        }
        Some(Command::Init { name, manager, pin }) => {
            let existed = db.exists();
            let made = init(&db, &name, &manager, &pin);
            if made.is_err() && !existed {
                // A failed set-up leaves nothing behind: no half-made database.
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
                }
            }
            let request = made?;
            println!(
                "{}",
                Msg::CliInitDone.fill(&[&request.structure, &db.display(), &request.manager])
            );
            ExitCode::SUCCESS
        }
        Some(Command::Demo {
            no_tui,
            years,
            sites,
        }) => {
            let printers = tui::Printers {
                // A demo's file does not exist yet: its printers queue in memory.
                receipts: printer(&cli, &config, &db)?,
                labels: label_printer(&cli, &config, &db)?,
                stations: station_printers(&config)?,
            };
            let size = crate::ops::demo::Size {
                years,
                sites: usize::from(sites),
            };
            demo::run(cli.db.clone(), no_tui, &size, terminal, printers)?
        }
        Some(Command::PrintTest {
            ref profile,
            ref output,
        }) => {
            let profile = Profile::by_id(profile)?;
            let bytes = if profile.label.is_some() {
                crate::print::label::tspl(&[crate::print::label::test_label()], &profile)?
            } else {
                let slip = crate::print::receipt::test_page(&profile.name, profile.paper.columns);
                crate::print::escpos::render(&slip, &profile)?
            };
            std::fs::write(output, &bytes)?;
            println!(
                "{}",
                Msg::CliPrintTestDone.fill(&[&profile.name, &output.display(), &bytes.len()])
            );
            ExitCode::SUCCESS
        }
        Some(Command::User(command)) => user::run(&mut open(&db)?, command)?,
        Some(Command::Key(command)) => key::run(&mut open(&db)?, command)?,
        Some(Command::Attestation { out }) => {
            let text = ops::attestation::fill(&mut open(&db)?, clock::now().date_naive())?;
            match out {
                Some(file) => {
                    std::fs::write(&file, &text).map_err(|e| {
                        anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &i18n::io_reason(&e)]))
                    })?;
                    println!("{}", Msg::CliAttestationDone.fill(&[&file.display()]));
                }
                None => print!("{text}"),
            }
            ExitCode::SUCCESS
        }
        Some(Command::Verify {
            central: Some(ref url),
            ..
        }) => central::verify(url)?,
        Some(Command::Verify { from, to, .. }) => {
            let mut store = open(&db)?;
            let report = ops::journal::verify(
                &mut store,
                &paths::key_dir(),
                from.as_deref(),
                to.as_deref(),
                clock::now(),
            )?;
            print!("{report}");
            if report.is_intact() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Archive { period, out, auth }) => {
            let mut store = open(&db)?;
            let session = user::manager_session(&mut store, &auth)?;
            let key = store.read(|tx| InstallationKey::load(tx, &paths::key_dir()))?;
            let ctx = ops::journal::manager_context(
                &mut store,
                &session,
                terminal.as_ref(),
                clock::now(),
            )?;
            let doc = ops::journal::archive(&mut store, &session, &key, &ctx, &period, &out)?;
            println!(
                "{}",
                Msg::CliArchiveDone.fill(&[&period, &out.display(), &doc.series, &doc.number])
            );
            ExitCode::SUCCESS
        }
        Some(Command::Sync { ref central, batch }) => {
            let url = central::url(central.as_deref(), &config)?;
            central::sync(&mut open(&db)?, &url, batch)?
        }
        Some(Command::Central(ref command)) => central::run(command, &config)?,
        Some(Command::VerifyArchive { dir, fingerprint }) => {
            // Against the fingerprint an auditor holds, or the installation's database.
            let report = match fingerprint {
                Some(fp) => crate::journal::archive::check(&dir, Some(&fp)),
                None if db.is_file() => {
                    // Any key the installation has had: an archive carries its day's.
                    let keys = open(&db)?.read(crate::storage::journal::public_keys)?;
                    crate::journal::archive::check_with_keys(&dir, &keys)
                }
                None => crate::journal::archive::check(&dir, None),
            };
            print!("{report}");
            if report.problem.is_none() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Grid(command)) => labels::grid(&mut open(&db)?, command)?,
        Some(Command::Menu(command)) => labels::menu(&mut open(&db)?, command)?,
        Some(Command::Member(command)) => member::run(&mut open(&db)?, command)?,
        Some(Command::Import {
            ref dump,
            dry_run,
            ref auth,
            ..
        }) => import::oressource(&mut open(&db)?, dump, dry_run, auth)?,
        Some(Command::Export {
            ref format,
            from,
            to,
            ref out,
            ref auth,
        }) => report::export(&mut open(&db)?, format, from, to, out, auth)?,
        Some(Command::Account {
            ref kind,
            ref key,
            ref number,
            ref label,
            ref auth,
        }) => report::account(&mut open(&db)?, kind, key, number, label, auth)?,
        Some(Command::Target {
            year,
            site,
            collected,
            reused,
            takings,
            ref auth,
        }) => report::set_target(
            &mut open(&db)?,
            year,
            &crate::storage::targets::Target {
                site_id: site,
                site: String::new(),
                collected_g: i64::from(collected) * 1_000_000,
                reused_g: i64::from(reused) * 1_000_000,
                takings: crate::domain::Money::from_cents(i64::from(takings) * 100),
            },
            auth,
        )?,
        Some(Command::Eco {
            ref org,
            ref category,
            ref eco_category,
            ref auth,
        }) => report::eco_map(&mut open(&db)?, org, category, eco_category, auth)?,
        Some(Command::Report {
            ref report,
            ref org,
            ref quarter,
            from,
            to,
            ref by,
            ref format,
            ref out,
            ref central,
            ref installation,
            ref auth,
        }) => report::run(
            &mut open(&db)?,
            &report::Request {
                report,
                org: org.as_deref(),
                quarter: quarter.as_deref(),
                from,
                to,
                by,
                format,
                out: out.as_deref(),
                central: central.as_deref(),
                installation: installation.as_deref(),
            },
            auth,
        )?,
        Some(Command::Labels {
            format,
            ref output,
            ref items,
            unprinted: _,
            ref profile,
            ref sheet,
            start,
        }) => labels::labels(
            &mut open(&db)?,
            labels::LabelRequest {
                format,
                output,
                items: items.clone(),
                profile: profile.clone(),
                sheet,
                start,
            },
        )?,
        Some(Command::PrintQueue { discard, auth }) => {
            let mut store = open(&db)?;
            if let Some(id) = discard {
                let session = user::manager_session(&mut store, &auth)?;
                ops::printing::discard(&mut store, &session, id, clock::now())?;
                println!("{}", Msg::CliPrintDiscarded.fill(&[&id]));
            }
            let jobs = ops::printing::pending(&mut store)?;
            println!("{}", Msg::CliPrintQueueTitle.fill(&[&jobs.len()]));
            for job in jobs {
                let error = job
                    .last_error
                    .map(|e| format!(" — {e}"))
                    .unwrap_or_default();
                println!(
                    "{}",
                    Msg::CliPrintJobLine.fill(&[
                        &job.id,
                        &job.title,
                        &job.printer,
                        &job.attempts,
                        &error
                    ])
                );
            }
            ExitCode::SUCCESS
        }
        Some(Command::Restore { file, auth }) => {
            let mut store = open(&db)?;
            let session = user::manager_session(&mut store, &auth)?;
            let key = ops::journal::load_key(&mut store, &paths::key_dir())?;
            let (_, restored) = ops::journal::restore(store, &session, &key, &file, clock::now())?;
            println!(
                "{}",
                Msg::CliRestoreDone.fill(&[&restored.lost_documents, &restored.lost_events])
            );
            ExitCode::SUCCESS
        }
        Some(Command::Backup { file }) => {
            let store = open(&db)?;
            let bytes = storage::backup_to(&store, &file)?;
            println!("{}", Msg::CliBackupDone.fill(&[&file.display(), &bytes]));
            println!("{}", Msg::CliBackupNoKey.text());
            ExitCode::SUCCESS
        }
    };
    tracing::info!("stop");
    Ok(code)
}

/// The café's station printers the configuration names (receipt printers of the
/// configuration's `printer_profile`).
fn station_printers(config: &Config) -> anyhow::Result<crate::print::stations::StationPrinters> {
    let profile = config
        .printer_profile
        .as_deref()
        .unwrap_or(crate::print::profile::FALLBACK);
    let start = |address: Option<&str>| -> anyhow::Result<Option<Printer>> {
        address
            .map(|a| Ok(Printer::start(Target::parse(a)?, Profile::by_id(profile)?)))
            .transpose()
    };
    Ok(crate::print::stations::StationPrinters {
        creperie: start(config.creperie_printer.as_deref())?,
        bar: start(config.bar_printer.as_deref())?,
    })
}

/// The receipt printer the command line or the configuration names, if any, spooled in
/// the database `db` when it exists.
fn printer(cli: &Cli, config: &Config, db: &Path) -> anyhow::Result<Option<Printer>> {
    let Some(address) = cli.printer.as_deref().or(config.printer.as_deref()) else {
        return Ok(None);
    };
    let target = Target::parse(address)?;
    let profile = cli
        .printer_profile
        .as_deref()
        .or(config.printer_profile.as_deref())
        .unwrap_or(crate::print::profile::FALLBACK);
    let profile = Profile::by_id(profile)?;
    Ok(Some(match Store::open_existing(db) {
        Ok(spool) => Printer::start_spooled(target, profile, spool),
        Err(_) => Printer::start(target, profile),
    }))
}

/// The label printer the command line or the configuration names, if any.
fn label_printer(cli: &Cli, config: &Config, db: &Path) -> anyhow::Result<Option<LabelPrinter>> {
    let Some(address) = cli
        .label_printer
        .as_deref()
        .or(config.label_printer.as_deref())
    else {
        return Ok(None);
    };
    let output = cli
        .label_profile
        .as_deref()
        .or(config.label_profile.as_deref())
        .unwrap_or("pdf-3x8");
    let target = Target::parse(address)?;
    Ok(Some(match Store::open_existing(db) {
        Ok(spool) => LabelPrinter::start_spooled(target, output, spool)?,
        Err(_) => LabelPrinter::start(target, output)?,
    }))
}

/// Sets up a new database at `db`: the structure and its first manager.
fn init(db: &Path, name: &str, manager: &str, pin: &str) -> anyhow::Result<SetupRequest> {
    let mut store = Store::open(db)?;
    let request = SetupRequest {
        structure: Name::parse(name)?,
        manager: Name::parse(manager)?,
        pin: Pin::parse(pin)?,
    };
    setup::initialise(&mut store, &request, clock::now(), &paths::key_dir())?;
    Ok(request)
}

/// Refuses a terminal code that names no active terminal, listing the ones there are.
fn check_terminal(store: &mut Store, wanted: Option<&TerminalCode>) -> anyhow::Result<()> {
    let Some(code) = wanted else {
        return Ok(());
    };
    if places::choose_terminal(store, Some(code))?.is_some() || setup::structure(store)?.is_none() {
        return Ok(());
    }
    let known: Vec<String> = places::terminals(store)?
        .into_iter()
        .filter(|t| t.active)
        .map(|t| t.code.to_string())
        .collect();
    anyhow::bail!(Msg::CliTerminalUnknown.fill(&[code, &known.join(", ")]))
}

/// Opens a database that must exist: a mistyped `--db` never makes a new one.
fn open(db: &Path) -> anyhow::Result<Store> {
    // Storage errors already name the file where it matters.
    Ok(Store::open_existing(db)?)
}
