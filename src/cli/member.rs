//! `pepite member …`: the register from the command line — list, import a HelloAsso or
//! Paheko CSV, export or erase one member's data (RGPD), the fee offers, the tax
//! receipts' settings, a receipt as PDF, a sheet of member cards.

use super::args::MemberCommand;
use super::user::manager_session;
use crate::clock;
use crate::domain::Money;
use crate::domain::member::{Offer, Validity};
use crate::i18n::Msg;
use crate::ops::{member_data, member_import, members, tax_receipts};
use crate::print::member_card;
use crate::storage::Store;
use std::path::Path;
use std::process::ExitCode;

fn write(file: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(file, bytes).map_err(|e| {
        anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &crate::i18n::io_reason(&e)]))
    })
}

fn validity(text: &str) -> anyhow::Result<Validity> {
    let t = text.trim().to_lowercase();
    Ok(match t.as_str() {
        "year" | "annee" | "année" => Validity::CalendarYear,
        "12months" | "12mois" => Validity::TwelveMonths,
        _ => match t
            .strip_prefix("season:")
            .or_else(|| t.strip_prefix("saison:"))
        {
            Some(m) => Validity::from_code("season", m.parse().ok())?,
            None => Validity::from_code(&t, None)?,
        },
    })
}

pub fn run(store: &mut Store, command: MemberCommand) -> anyhow::Result<ExitCode> {
    match command {
        MemberCommand::List { words } => {
            let found = match words {
                Some(w) => members::find(store, &w)?,
                None => store.read(crate::storage::members::all)?,
            };
            for m in &found {
                println!(
                    "{:>6}  {:<30}  {:<20}  {:<15}  {}",
                    m.number,
                    m.display_name(),
                    m.town,
                    m.kind().name().text(),
                    m.valid_until.as_deref().unwrap_or("-")
                );
            }
            println!("{}", Msg::CliMemberList.fill(&[&found.len()]));
        }
        MemberCommand::Import { file, auth } => {
            let session = manager_session(store, &auth)?;
            let text = std::fs::read_to_string(&file).map_err(|e| {
                anyhow::anyhow!(Msg::ErrIo.fill(&[&file.display(), &crate::i18n::io_reason(&e)]))
            })?;
            let done = member_import::import(store, &session, &text, clock::now())?;
            println!(
                "{}",
                Msg::CliMemberImported.fill(&[
                    &done.added,
                    &done.fees,
                    &done.already,
                    &done.duplicates.len()
                ])
            );
            for (line, name, number) in &done.duplicates {
                println!("{}", Msg::CliMemberDuplicate.fill(&[line, name, number]));
            }
        }
        MemberCommand::Export { number, out, auth } => {
            let session = manager_session(store, &auth)?;
            let data = member_data::export(store, &session, number)?;
            write(&out, format!("{data:#}\n").as_bytes())?;
            println!(
                "{}",
                Msg::CliMemberExported.fill(&[&number, &out.display()])
            );
        }
        MemberCommand::Erase { number, auth } => {
            let session = manager_session(store, &auth)?;
            let clean = member_data::erase(store, &session, number, clock::now())?;
            println!("{}", Msg::CliMemberErased.fill(&[&number]));
            if !clean {
                println!("{}", Msg::ErrEraseCheckpoint.text());
            }
        }
        MemberCommand::Offer {
            label,
            amount,
            min,
            validity: v,
            auth,
        } => {
            let session = manager_session(store, &auth)?;
            let existing = members::offers(store, false)?
                .into_iter()
                .find(|o| o.label.eq_ignore_ascii_case(label.trim()));
            let offer = Offer {
                id: existing.map_or(0, |o| o.id),
                label: label.trim().to_owned(),
                amount: amount.as_deref().map(Money::parse).transpose()?,
                min_amount: Money::parse(&min)?,
                validity: validity(&v)?,
                active: true,
            };
            members::save_offer(store, &session, &offer)?;
            println!("{}", Msg::CliOfferSaved.fill(&[&offer.label]));
        }
        MemberCommand::Settings {
            general_interest,
            purpose,
            signatory,
            auth,
        } => {
            let session = manager_session(store, &auth)?;
            let yes = matches!(
                general_interest.trim().to_lowercase().as_str(),
                "oui" | "yes" | "o" | "1"
            );
            tax_receipts::set_settings(
                store,
                &session,
                &crate::storage::structure::ReceiptSettings {
                    general_interest: yes,
                    purpose,
                    signatory,
                },
            )?;
            println!("{}", Msg::SavedSettings.text());
        }
        MemberCommand::Receipt {
            year,
            number,
            member: who,
            out,
            auth,
        } => {
            let session = manager_session(store, &auth)?;
            let (content, duplicate) = match (number, who) {
                (Some(n), _) => {
                    let (c, nth) = tax_receipts::reprint(store, &session, year, n)?;
                    (c, Some(nth))
                }
                (None, Some(m)) => (
                    tax_receipts::issue_yearly(store, &session, m, year, clock::now())?,
                    None,
                ),
                (None, None) => anyhow::bail!(Msg::CliReceiptWhich.text()),
            };
            write(&out, &crate::print::tax_receipt::pdf(&content, duplicate)?)?;
            println!(
                "{}",
                Msg::ReceiptIssued.fill(&[&content.reference(), &out.display()])
            );
        }
        MemberCommand::Cards { numbers, out, auth } => {
            let _session = manager_session(store, &auth)?;
            let cards = numbers
                .iter()
                .map(|n| members::card(store, *n))
                .collect::<Result<Vec<_>, _>>()?;
            write(&out, &member_card::sheet(&cards)?)?;
            println!("{}", Msg::CliReportWritten.fill(&[&out.display()]));
        }
    }
    Ok(ExitCode::SUCCESS)
}
