//! The `pepite` binary: parse the command line and hand over to the library.

use pepite::i18n::Msg;
use std::process::ExitCode;

fn main() -> ExitCode {
    match pepite::cli::main() {
        Ok(code) => code,
        Err(error) => {
            tracing::error!("{error:?}");
            eprintln!("{}", Msg::CliError.fill(&[&format!("{error:#}")]));
            ExitCode::FAILURE
        }
    }
}
