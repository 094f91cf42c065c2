//! `pepite report takings|tonnage`: a report of a period as a table on the terminal, or
//! as CSV or JSON in a file — the same definitions as the « Bilans » screen.

use super::args::ManagerAuth;
use crate::i18n::Msg;
use crate::reports::{By, export};
use crate::storage::Store;
use chrono::{Datelike, NaiveDate};
use std::path::Path;
use std::process::ExitCode;

/// What `pepite report` was asked.
pub struct Request<'a> {
    pub report: &'a str,
    pub org: Option<&'a str>,
    pub quarter: Option<&'a str>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub by: &'a str,
    pub format: &'a str,
    pub out: Option<&'a Path>,
    /// A central to read the consolidated figures from (takings and tonnage).
    pub central: Option<&'a str>,
    pub installation: Option<&'a str>,
}

/// A bar on the terminal (stderr, hidden when it is not one) over an export's steps:
/// reading the figures, writing the file.
fn steps(count: u64) -> indicatif::ProgressBar {
    indicatif::ProgressBar::new(count).with_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    )
}

pub fn run(store: &mut Store, request: &Request, auth: &ManagerAuth) -> anyhow::Result<ExitCode> {
    let session = super::user::manager_session(store, auth)?;
    let today = crate::clock::now().date_naive();
    let quarter = match request.quarter {
        Some(q) => Some(
            crate::reports::eco::quarter(q)
                .ok_or_else(|| anyhow::anyhow!(Msg::ErrQuarter.fill(&[&q])))?,
        ),
        None => None,
    };
    let to = quarter.map(|q| q.1).or(request.to).unwrap_or(today);
    let from = quarter
        .map(|q| q.0)
        .or(request.from)
        .unwrap_or_else(|| to.with_day(1).unwrap_or(to));
    if from > to {
        anyhow::bail!(Msg::CliReportDates.fill(&[&from, &to]));
    }
    if request.report == "month" {
        // The board's PDF: the month holding --to.
        let Some(file) = request.out else {
            anyhow::bail!(Msg::CliReportPdfOut.text());
        };
        let board = crate::ops::reports::board(store, &session, to, today)?;
        let bytes = crate::print::board::pdf(&board)?;
        std::fs::write(file, bytes).map_err(|e| {
            anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &crate::i18n::io_reason(&e)]))
        })?;
        println!("{}", Msg::CliReportWritten.fill(&[&file.display()]));
        return Ok(ExitCode::SUCCESS);
    }
    let by = By::from_code(request.by).unwrap_or(By::Day);
    let bar = steps(2);
    if request.out.is_some() {
        bar.set_message(Msg::CliStepFigures.text());
    } else {
        bar.finish_and_clear();
    }
    let installation = request.installation.map(str::to_owned);
    let report = match (request.central, request.report) {
        (Some(url), "tonnage") => {
            let mut central = crate::ops::central::connect(url)?;
            crate::ops::central::tonnage(&mut central, &session, installation, from, to)?
        }
        (Some(url), "takings") => {
            let mut central = crate::ops::central::connect(url)?;
            crate::ops::central::takings(&mut central, &session, installation, from, to, by)?
        }
        (Some(_), other) => anyhow::bail!(Msg::CliCentralReports.fill(&[&other])),
        (None, report) => local(store, &session, request, report, (from, to, today), by)?,
    };

    bar.inc(1);
    bar.set_message(Msg::CliStepFile.text());
    let bytes = match request.format {
        "csv" => export::csv(&report).into_bytes(),
        "json" => format!("{:#}\n", export::json(&report)).into_bytes(),
        "xlsx" if request.out.is_none() => anyhow::bail!(Msg::CliReportXlsxOut.text()),
        "xlsx" => crate::reports::xlsx::workbook(&report)
            .map_err(|e| anyhow::anyhow!(Msg::ErrXlsx.fill(&[&e])))?,
        _ => export::table(&report).into_bytes(),
    };
    match request.out {
        Some(file) => {
            std::fs::write(file, bytes).map_err(|e| {
                anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &crate::i18n::io_reason(&e)]))
            })?;
            bar.finish_and_clear();
            println!("{}", Msg::CliReportWritten.fill(&[&file.display()]));
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A report of this site's own database.
fn local(
    store: &mut Store,
    session: &crate::ops::Session,
    request: &Request,
    report: &str,
    (from, to, today): (NaiveDate, NaiveDate, NaiveDate),
    by: By,
) -> anyhow::Result<crate::reports::Report> {
    Ok(match report {
        "tonnage" => crate::ops::reports::tonnage(store, session, from, to)?,
        "targets" => crate::ops::reports::targets(store, session, to.year(), today)?,
        "members" => crate::ops::reports::members(store, session, from, to)?,
        "eco" => {
            let code = request.org.unwrap_or_default();
            let org = crate::reports::eco::Org::from_code(code)
                .ok_or_else(|| anyhow::anyhow!(Msg::ErrEcoOrg.fill(&[&code])))?;
            crate::ops::reports::eco(store, session, org, from, to)?
        }
        _ => crate::ops::reports::takings(store, session, from, to, by)?,
    })
}

/// `pepite target YEAR …`: a year's targets for the structure or a site.
pub fn set_target(
    store: &mut Store,
    year: i32,
    target: &crate::storage::targets::Target,
    auth: &ManagerAuth,
) -> anyhow::Result<ExitCode> {
    let session = super::user::manager_session(store, auth)?;
    crate::ops::reports::set_target(store, &session, year, target)?;
    println!("{}", Msg::CliTargetSet.fill(&[&year]));
    Ok(ExitCode::SUCCESS)
}

/// `pepite export fec|paheko`: the Zs of a period as accounting entries, in a file.
pub fn export(
    store: &mut Store,
    format: &str,
    from: NaiveDate,
    to: NaiveDate,
    out: &Path,
    auth: &ManagerAuth,
) -> anyhow::Result<ExitCode> {
    let session = super::user::manager_session(store, auth)?;
    let bar = steps(2);
    bar.set_message(Msg::CliStepFigures.text());
    let entries = crate::ops::reports::accounting_entries(store, &session, from, to)?;
    bar.inc(1);
    bar.set_message(Msg::CliStepFile.text());
    let text = match format {
        "paheko" => crate::reports::accounting::paheko(&entries),
        _ => crate::reports::accounting::fec(&entries),
    };
    std::fs::write(out, text).map_err(|e| {
        anyhow::anyhow!(Msg::ErrIo.fill(&[&out.display(), &crate::i18n::io_reason(&e)]))
    })?;
    bar.finish_and_clear();
    let lines: usize = entries.iter().map(|e| e.lines.len()).sum();
    println!(
        "{}",
        Msg::CliExportWritten.fill(&[&entries.len(), &lines, &out.display()])
    );
    Ok(ExitCode::SUCCESS)
}

/// `pepite account [KIND KEY NUMBER]`: the chart of accounts, or one account set.
pub fn account(
    store: &mut Store,
    kind: &Option<String>,
    key: &Option<String>,
    number: &Option<String>,
    label: &str,
    auth: &ManagerAuth,
) -> anyhow::Result<ExitCode> {
    let session = super::user::manager_session(store, auth)?;
    match (kind, key, number) {
        (Some(kind), Some(key), Some(number)) => {
            crate::ops::reports::set_account(store, &session, kind, key, number, label)?;
            println!("{}", Msg::CliAccountSet.text());
        }
        _ => {
            for (kind, key, number, label) in crate::ops::reports::effective_accounts(store)? {
                println!("{kind}\t{key}\t{number}\t{label}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `pepite eco [ORG CATEGORY ECO_CATEGORY]`: the mapping to the eco-organisations, or one
/// category mapped.
pub fn eco_map(
    store: &mut Store,
    org: &Option<String>,
    category: &Option<String>,
    eco_category: &Option<String>,
    auth: &ManagerAuth,
) -> anyhow::Result<ExitCode> {
    match (org, category, eco_category) {
        (Some(code), Some(category), Some(eco)) => {
            let org = crate::reports::eco::Org::from_code(code)
                .ok_or_else(|| anyhow::anyhow!(Msg::ErrEcoOrg.fill(&[code])))?;
            let session = super::user::manager_session(store, auth)?;
            crate::ops::reports::map_eco(store, &session, org, category, eco)?;
            println!("{}", Msg::CliEcoMapped.fill(&[category, &org.name(), eco]));
        }
        _ => {
            for (org, ours, theirs) in crate::ops::reports::eco_mappings(store)? {
                println!("{org}\t{ours}\t{theirs}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
