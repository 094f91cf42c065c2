//! `pepite import oressource DUMP [--dry-run]`: an Oressource database's history read in
//! one transaction, a bar on the terminal as the dump is read, then what was read, kept
//! and refused (with the reason), and the proof — the totals of Oressource's bilans
//! recomputed from what came over.

use super::args::ManagerAuth;
use super::user::manager_session;
use crate::i18n::Msg;
use crate::ops::oressource;
use crate::reports::export;
use crate::storage::Store;
use std::path::Path;
use std::process::ExitCode;

/// A refusal reason's words.
fn reason(code: &str) -> String {
    match code {
        "zero_weight" => Msg::OresRefusedZeroWeight,
        "unknown_category" => Msg::OresRefusedCategory,
        "unknown_intake" => Msg::OresRefusedIntake,
        "unknown_outbound" => Msg::OresRefusedOutbound,
        "unknown_sale" => Msg::OresRefusedSale,
        "no_lines" => Msg::OresRefusedNoLines,
        "unknown_payment" => Msg::OresRefusedPayment,
        _ => return code.to_owned(),
    }
    .text()
    .to_owned()
}

pub fn oressource(
    store: &mut Store,
    dump: &Path,
    dry_run: bool,
    auth: &ManagerAuth,
) -> anyhow::Result<ExitCode> {
    let session = manager_session(store, auth)?;
    let size = std::fs::metadata(dump).map(|m| m.len()).unwrap_or(0);
    let compressed = dump.extension().is_some_and(|e| e == "gz");
    // A plain dump's bytes against its size; a compressed one's as they come.
    let bar = if compressed {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::new(size)
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(if compressed {
            "{spinner} {bytes} {msg}"
        } else {
            "{bar:40} {bytes}/{total_bytes} {eta} {msg}"
        })
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(Msg::OresReading.text());
    let summary = oressource::import(
        store,
        &session,
        dump,
        dry_run,
        crate::clock::now(),
        &|bytes| bar.set_position(bytes),
    );
    bar.finish_and_clear();
    let summary = summary?;
    println!(
        "{}",
        if dry_run {
            Msg::OresDryRun.fill(&[&summary.structure])
        } else {
            Msg::OresDone.fill(&[&summary.structure])
        }
    );
    for (table, rows) in &summary.read {
        println!("{}", Msg::OresRead.fill(&[table, rows]));
    }
    for (table, rows) in &summary.kept {
        println!("{}", Msg::OresKept.fill(&[table, rows]));
    }
    for (table, why, rows) in &summary.refused {
        println!("{}", Msg::OresRefused.fill(&[table, rows, &reason(why)]));
    }
    for (list, rows) in summary.adopted.iter().filter(|a| a.1 > 0) {
        println!("{}", Msg::OresAdopted.fill(&[list, rows]));
    }
    if summary.identity_adopted {
        println!(
            "{}",
            Msg::OresIdentity.fill(&[&summary.address, &summary.siret])
        );
    }
    if summary.adopted.iter().any(|(l, n)| l == "users" && *n > 0) {
        println!("{}", Msg::OresUsersDisabled.text());
    }
    for table in &summary.ignored {
        println!("{}", Msg::OresIgnored.fill(&[table]));
    }
    if !dry_run {
        let proof = oressource::proof(store, &session)?;
        print!("{}", export::table(&proof));
    }
    Ok(ExitCode::SUCCESS)
}
