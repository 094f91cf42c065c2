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
pub fn search_key(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'œ' => 'o',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

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
