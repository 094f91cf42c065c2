//! The texts themselves: one row per message, French then English, in one table split by
//! what the rows hold (`catalogue/`).
//!
//! Keep the French short and plain: many cashiers read French as a second language.
//! A row's key says where it is used (`Login…`, `Home…`, `Err…`, `Cli…`).

use super::Lang;

macro_rules! catalogue {
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        /// A message of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            /// Every message, for tests that walk the catalogue.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The text in the given language.
            pub fn text_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Fr => match self { $(Msg::$key => $fr,)* },
                    Lang::En => match self { $(Msg::$key => $en,)* },
                }
            }
        }
    };
}

// The rows, by what they hold, one file each: each part's macro hands them on to the next.
#[macro_use]
mod central;
#[macro_use]
mod members;
#[macro_use]
mod screens;
#[macro_use]
mod slips;
#[macro_use]
mod shell;
#[macro_use]
mod errors;

rows_errors! {}
