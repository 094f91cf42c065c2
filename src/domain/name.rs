//! A name typed by a person: a user, a category, a point of sale, a structure.

use super::{DomainError, Result};
use std::fmt;

/// A trimmed, non-empty name of at most [`Name::MAX`] characters, without control
/// characters (a stray scan's Enter or a tab never ends up inside it).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(String);

impl Name {
    pub const MAX: usize = 60;

    pub fn parse(input: &str) -> Result<Name> {
        let cleaned: String = input
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if cleaned.is_empty() {
            Err(DomainError::NameEmpty)
        } else if cleaned.chars().count() > Self::MAX {
            Err(DomainError::NameTooLong(Self::MAX))
        } else {
            Ok(Name(cleaned))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// `text` lower-cased without French accents, for matching what someone types: "electro"
/// finds "Électroménager".
/// The ligatures are spelt out as people type them: « oeuf » finds « œuf ».
pub fn search_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        match c {
            'à' | 'â' | 'ä' => key.push('a'),
            'é' | 'è' | 'ê' | 'ë' => key.push('e'),
            'î' | 'ï' => key.push('i'),
            'ô' | 'ö' => key.push('o'),
            'ù' | 'û' | 'ü' => key.push('u'),
            'ç' => key.push('c'),
            'ÿ' => key.push('y'),
            'œ' => key.push_str("oe"),
            'æ' => key.push_str("ae"),
            other => key.push(other),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    #[test]
    fn search_keys_fold_accents_and_spell_out_ligatures() {
        for (typed, key) in [
            ("Électroménager", "electromenager"),
            ("œuf", "oeuf"),
            ("Cœur", "coeur"),
            ("ex æquo", "ex aequo"),
            ("Crêpe", "crepe"),
        ] {
            assert_eq!(search_key(typed), key, "{typed}");
        }
    }

    #[test]
    fn names_are_cleaned_and_bounded() {
        let ok = |s: &str| Ok(Name(s.to_owned()));
        case("Léa", Name::parse, ok("Léa"));
        case("  Jean   Marc ", Name::parse, ok("Jean Marc"));
        case("tab\there", Name::parse, ok("tab here"));
        case("", Name::parse, Err(DomainError::NameEmpty));
        case(" \n ", Name::parse, Err(DomainError::NameEmpty));
        case(
            &"x".repeat(61),
            Name::parse,
            Err(DomainError::NameTooLong(60)),
        );
        case(&"é".repeat(60), Name::parse, ok(&"é".repeat(60)));
    }
}
