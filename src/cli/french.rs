//! The command line in French: clap's own texts — the help flags, the headings, the
//! defaults in brackets and its error sentences — replaced by the catalogue's, so a
//! person never reads « Print help » or « error: unexpected argument ».

use super::Cli;
use crate::i18n::Msg;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

/// The help layout, with its headings from the catalogue.
fn template() -> String {
    format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}\n",
        Msg::CliUsage.text()
    )
}

/// Our help and version flags, and the same layout, on `command` and every subcommand.
fn frenchify(command: Command, top: bool) -> Command {
    let mut command = command
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(template())
        .subcommand_help_heading(Msg::CliCommands.text())
        .subcommand_value_name(Msg::CliCommandName.text())
        // Defaults are said in each option's own text: no « [default: …] ».
        .mut_args(|arg| {
            if arg.get_action().takes_values() {
                arg.hide_default_value(true)
            } else {
                arg
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(Msg::CliHelpFlag.text()),
        );
    if top {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(Msg::CliVersionFlag.text()),
        );
    }
    command.mut_subcommands(|sub| frenchify(sub, false))
}

fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A clap error said with the catalogue's words.
fn french_error(error: &clap::Error) -> String {
    let arg = context(error, ContextKind::InvalidArg);
    let value = context(error, ContextKind::InvalidValue);
    let sentence = match error.kind() {
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            Msg::CliBadValue.fill(&[&value, &arg, &why])
        }
        ErrorKind::InvalidValue => {
            let valid = context(error, ContextKind::ValidValue);
            Msg::CliBadValue.fill(&[&value, &arg, &valid])
        }
        ErrorKind::UnknownArgument => Msg::CliUnknownArgument.fill(&[&arg]),
        ErrorKind::InvalidSubcommand => {
            Msg::CliUnknownCommand.fill(&[&context(error, ContextKind::InvalidSubcommand)])
        }
        ErrorKind::MissingRequiredArgument => Msg::CliMissingArgument.fill(&[&arg]),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Msg::CliMissingCommand.text().to_owned()
        }
        ErrorKind::ArgumentConflict => Msg::CliConflict.fill(&[&arg]),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            Msg::CliBadValue.fill(&[&value, &arg, &""])
        }
        _ => Msg::CliBadCommandLine.text().to_owned(),
    };
    Msg::CliError.fill(&[&format!("{sentence} — {}", Msg::CliSeeHelp.text())])
}

/// Parses the command line; help and version are printed and end the process with
/// success, an error is said in French and ends it with status 2.
pub fn parse() -> Cli {
    let command = frenchify(Cli::command(), true);
    let matches = command
        .try_get_matches()
        .unwrap_or_else(|error| exit(&error));
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| exit(&error))
}

fn exit(error: &clap::Error) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", error.render());
            std::process::exit(0)
        }
        _ => {
            eprintln!("{}", french_error(error));
            std::process::exit(2)
        }
    }
}
