//! `pepite central init|refusals`, `pepite sync` and `pepite verify --central`: the
//! structure's central PostgreSQL from the command line.

use super::args::CentralCommand;
use crate::config::Config;
use crate::i18n::Msg;
use crate::ops;
use crate::storage::Store;
use std::process::ExitCode;

/// The central's URL: the one given, else the config's.
pub fn url(given: Option<&str>, config: &Config) -> anyhow::Result<String> {
    given
        .map(str::to_owned)
        .or_else(|| config.central.clone())
        .ok_or_else(|| anyhow::anyhow!(Msg::CentralNoUrl.text()))
}

pub fn run(command: &CentralCommand, config: &Config) -> anyhow::Result<ExitCode> {
    match command {
        CentralCommand::Init { url } => {
            let (from, to) = ops::central::init(url)?;
            println!(
                "{}",
                Msg::CentralInitDone.fill(&[&crate::storage::central::redacted(url), &to, &from])
            );
        }
        CentralCommand::Refusals { central } => {
            let url = self::url(central.as_deref(), config)?;
            let refusals = ops::central::refusals(&url)?;
            println!("{}", Msg::CentralRefusals.text());
            for (installation, record, reason, at) in refusals {
                println!("  {at}  {installation}  {record} — {reason}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `pepite sync`: everything the central does not have yet, a bar over the batches.
pub fn sync(store: &mut Store, url: &str, batch: i64) -> anyhow::Result<ExitCode> {
    let mut central = ops::central::connect(url)?;
    let waiting = ops::central::status(store)?.pending;
    let bar = indicatif::ProgressBar::new(u64::try_from(waiting).unwrap_or(0)).with_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let summary = ops::central::sync::run(
        store,
        &mut central,
        batch,
        crate::clock::now(),
        &mut |number, records| {
            bar.inc(u64::try_from(records).unwrap_or(0));
            bar.set_message(Msg::CentralBatch.fill(&[&number, &records]));
            // Said on stdout too when it is no terminal: a log shows how far a sync went.
            if !bar.is_hidden() {
                return;
            }
            println!("{}", Msg::CentralBatch.fill(&[&number, &records]));
        },
    );
    bar.finish_and_clear();
    let summary = summary?;
    println!(
        "{}",
        Msg::CentralSyncDone.fill(&[
            &summary.documents,
            &summary.events,
            &summary.intakes,
            &summary.outbounds,
            &summary.items,
            &summary.already,
            &summary.batches,
        ])
    );
    Ok(ExitCode::SUCCESS)
}

/// `pepite verify --central URL`: every installation's chains in the central.
pub fn verify(url: &str) -> anyhow::Result<ExitCode> {
    let verdicts = ops::central::verify(url)?;
    println!("{}", Msg::VerifyTitle.text());
    if verdicts.is_empty() {
        println!("{}", Msg::CentralNoSites.text());
    }
    let mut intact = true;
    for v in &verdicts {
        println!(
            "{}",
            Msg::CentralVerifySite.fill(&[&v.installation, &v.sites.join(", ")])
        );
        println!("  {}", Msg::VerifyCounts.fill(&[&v.documents, &v.events]));
        match &v.failure {
            None => println!("  {}", Msg::VerifyIntact.text()),
            Some(failure) => {
                intact = false;
                println!(
                    "  {}",
                    Msg::VerifyBroken.fill(&[&failure.record, &failure.reason])
                );
            }
        }
    }
    Ok(if intact {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
