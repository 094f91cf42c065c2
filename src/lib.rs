//! pépite — a terminal point of sale and inventory for ressourceries.
//!
//! The crate is one library with layers kept apart by the direction of their `use`s
//! (see `../shared/DESIGN.md`). Each layer uses only those listed above it:
//!
//! ```text
//! i18n     the catalogue of every text shown to a person (French first, English)
//! domain   pure types and rules (money, weight, VAT, PIN, roles, structure) — no I/O, no clock
//! storage  every SQL statement; migrations/ applied in order; speaks domain types
//! ops      one use-case per function, one transaction each; checks the user's role
//! print    printer profiles, our code-page encoder, ESC/POS slips, the print queue
//! tui      the only place that knows ratatui and crossterm
//! cli      clap subcommands for what needs no screen (init, demo, user, backup …)
//! ```
//!
//! `config`, `paths` and `files` (owner-only files) sit beside `ops`: they read the local configuration file and
//! decide where the database and the log live. `main.rs` is thin: it parses the command
//! line and hands over to `cli`, which may open the `tui`.

pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod journal;
pub mod ops;
pub mod paths;
pub mod print;
pub mod reports;
pub mod storage;
pub mod tui;
