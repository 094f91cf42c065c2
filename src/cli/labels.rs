//! `pepite grid import|export`, `pepite menu import|export` and `pepite labels`: the price
//! grid and the café's menu as CSV, and the items' labels to a file (PDF sheets, TSPL or
//! ESC/POS).

use super::args::GridCommand;
use crate::clock;
use crate::i18n::Msg;
use crate::ops::{grid, stock};
use crate::print::label::{self, Label, LabelFormat};
use crate::storage::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn grid(store: &mut Store, command: GridCommand) -> anyhow::Result<ExitCode> {
    match command {
        GridCommand::Import { file, auth } => {
            let session = super::user::manager_session(store, &auth)?;
            let text = std::fs::read_to_string(&file)?;
            let count = grid::import_csv(store, &session, &text)?;
            println!("{}", Msg::CliGridImported.fill(&[&count, &file.display()]));
        }
        GridCommand::Export { file } => {
            let text = grid::export_csv(store)?;
            std::fs::write(&file, text)?;
            println!("{}", Msg::CliGridExported.fill(&[&file.display()]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `pepite menu import|export`: the café's menu as CSV.
pub fn menu(store: &mut Store, command: super::args::MenuCommand) -> anyhow::Result<ExitCode> {
    use super::args::MenuCommand;
    match command {
        MenuCommand::Import { file, auth } => {
            let session = super::user::manager_session(store, &auth)?;
            let text = std::fs::read_to_string(&file).map_err(|e| {
                anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &crate::i18n::io_reason(&e)]))
            })?;
            let count = crate::ops::menu::import_csv(store, &session, &text)?;
            println!("{}", Msg::CliMenuImported.fill(&[&count, &file.display()]));
        }
        MenuCommand::Export { file } => {
            let text = crate::ops::menu::export_csv(store)?;
            std::fs::write(&file, text).map_err(|e| {
                anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &crate::i18n::io_reason(&e)]))
            })?;
            println!("{}", Msg::CliMenuExported.fill(&[&file.display()]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `pepite labels` was asked.
pub struct LabelRequest<'a> {
    pub format: LabelFormat,
    pub output: &'a Path,
    pub items: Option<Vec<String>>,
    pub profile: Option<String>,
    pub sheet: &'a str,
    pub start: u32,
}

pub fn labels(store: &mut Store, request: LabelRequest) -> anyhow::Result<ExitCode> {
    let rows = stock::for_labels(store, request.items.as_deref())?;
    if rows.is_empty() {
        println!("{}", Msg::CliNoLabels.text());
        return Ok(ExitCode::SUCCESS);
    }
    let labels: Vec<Label> = rows.iter().map(Label::of).collect();
    let bytes = label::render(
        &labels,
        request.format,
        request.profile.as_deref(),
        request.sheet,
        // People count cells from 1; the layout counts from 0.
        request.start.saturating_sub(1),
    )?;
    std::fs::write(request.output, &bytes)?;
    stock::labels_printed(store, &rows, clock::now())?;
    println!(
        "{}",
        Msg::CliLabelsDone.fill(&[&labels.len(), &request.output.display()])
    );
    Ok(ExitCode::SUCCESS)
}
