//! The catalogue of every text a person reads: screens, messages, CLI output.
//!
//! French is the default; English is available with `--lang en` or the config file.
//! A process speaks one language, set once at start-up with [`set_lang`]; errors of every
//! layer render their `Display` through this catalogue so a cashier never sees a
//! driver's English. Placeholders are `{}` and are filled in order by [`Msg::fill`].
//! Nothing here knows the terminal or the database.

mod catalogue;

pub use catalogue::Msg;

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Parses a language code such as `fr`, `en`, `fr_FR.UTF-8`.
    pub fn parse(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of this process.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Fr => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language of this process (French unless [`set_lang`] said otherwise).
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Fr,
    }
}

impl Msg {
    /// The text in the process's language.
    pub fn text(self) -> &'static str {
        self.text_in(lang())
    }

    /// The text with each `{}` replaced, in order, by the given values.
    pub fn fill(self, args: &[&dyn fmt::Display]) -> String {
        fill_template(self.text(), args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// An operating-system error said in the process's language (« permission refusée »),
/// never the raw « (os error 13) » text.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let msg = match error.kind() {
        K::NotFound => Msg::IoNotFound,
        K::PermissionDenied => Msg::IoPermissionDenied,
        K::AlreadyExists => Msg::IoAlreadyExists,
        K::StorageFull => Msg::IoStorageFull,
        K::ReadOnlyFilesystem => Msg::IoReadOnly,
        K::TimedOut | K::WouldBlock => Msg::IoTimedOut,
        K::ConnectionRefused => Msg::IoConnectionRefused,
        K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => Msg::IoConnectionLost,
        K::NotADirectory => Msg::IoNotADirectory,
        K::IsADirectory => Msg::IoIsADirectory,
        _ => return Msg::IoOther.fill(&[&error.kind()]),
    };
    msg.text().to_owned()
}

fn fill_template(template: &str, args: &[&dyn fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    let mut values = args.iter();
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        match values.next() {
            Some(value) => out.push_str(&value.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(fill_template("{} puis {}", &[&1, &"deux"]), "1 puis deux");
        assert_eq!(fill_template("rien", &[&1]), "rien");
        assert_eq!(fill_template("{} et {}", &[&1]), "1 et {}");
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let fr = msg.text_in(Lang::Fr);
            let en = msg.text_in(Lang::En);
            assert!(!fr.is_empty() && !en.is_empty(), "{msg:?} is empty");
            assert_eq!(
                fr.matches("{}").count(),
                en.matches("{}").count(),
                "{msg:?}: placeholders differ between French and English"
            );
        }
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::parse("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
