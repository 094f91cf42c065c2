//! A PIN: 4 to 8 digits, never printed, never logged.

use super::{DomainError, Result};
use std::fmt;

/// A personal code of 4 to 8 ASCII digits. `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

impl Pin {
    pub fn parse(input: &str) -> Result<Pin> {
        let ok = (4..=8).contains(&input.len()) && input.bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(Pin(input.to_owned()))
        } else {
            Err(DomainError::PinFormat)
        }
    }

    /// Parses a PIN typed twice, refusing two different ones.
    pub fn parse_confirmed(first: &str, second: &str) -> Result<Pin> {
        let pin = Pin::parse(first)?;
        if first == second {
            Ok(pin)
        } else {
            Err(DomainError::PinMismatch)
        }
    }

    /// The digits, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(****)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_have_four_to_eight_digits() {
        let cases = [
            ("1234", true),
            ("12345678", true),
            ("123", false),
            ("123456789", false),
            ("12a4", false),
            ("", false),
            (" 1234", false),
            ("１２３４", false),
        ];
        for (input, good) in cases {
            assert_eq!(Pin::parse(input).is_ok(), good, "{input:?}");
        }
    }

    #[test]
    fn confirmation_must_match_and_debug_hides() {
        assert!(Pin::parse_confirmed("1234", "1234").is_ok());
        assert_eq!(
            Pin::parse_confirmed("1234", "1243"),
            Err(DomainError::PinMismatch)
        );
        assert_eq!(
            Pin::parse_confirmed("12", "12"),
            Err(DomainError::PinFormat)
        );
        assert_eq!(format!("{:?}", Pin::parse("9876")), "Ok(Pin(****))");
    }
}
