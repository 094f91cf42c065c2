//! Weight: integer grams.
//!
//! People type `850 g`, `1,250 kg`, or a bare number which is kilograms (`1.25`), as a
//! scale shows. A weight is always above zero and at most ten tonnes (no sorting bench
//! weighs more in one go; a larger figure is a slip). Scale limits per site are a rule of
//! intake, checked there.

use super::money::group_thousands;
use super::{DomainError, Result};
use std::fmt;

/// A weight in grams, above zero.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "i64", into = "i64")]
pub struct Weight(i64);

impl TryFrom<i64> for Weight {
    type Error = super::DomainError;
    fn try_from(grams: i64) -> Result<Weight> {
        Weight::from_grams(grams)
    }
}

impl From<Weight> for i64 {
    fn from(weight: Weight) -> i64 {
        weight.0
    }
}

/// Ten tonnes, the most one weighing can hold.
const MAX_GRAMS: i64 = 10_000_000;

impl Weight {
    /// A weight from grams, refused unless in (0, 10 t].
    pub fn from_grams(grams: i64) -> Result<Weight> {
        if grams <= 0 {
            Err(DomainError::WeightNotPositive(format!("{grams} g")))
        } else if grams > MAX_GRAMS {
            Err(DomainError::WeightTooLarge {
                input: format!("{grams} g"),
                max: Weight(MAX_GRAMS),
            })
        } else {
            Ok(Weight(grams))
        }
    }

    pub const fn grams(self) -> i64 {
        self.0
    }

    /// Parses `850 g`, `850g`, `1,250 kg`, `1.25` (kilograms), `2 kg`.
    pub fn parse(input: &str) -> Result<Weight> {
        let lower = input.trim().to_lowercase();
        if lower.is_empty() {
            return Err(DomainError::WeightEmpty);
        }
        let (number, in_grams) = if let Some(n) = lower.strip_suffix("kg") {
            (n.trim(), false)
        } else if let Some(n) = lower.strip_suffix('g') {
            (n.trim(), true)
        } else {
            (lower.as_str(), false)
        };
        let format = || DomainError::WeightFormat(input.to_owned());
        let (negative, number) = match number.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, number),
        };
        let (whole, fraction) = match number.find([',', '.']) {
            Some(at) => (&number[..at], &number[at + 1..]),
            None => (number, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
            return Err(format());
        }
        let fraction = fraction.trim_end_matches('0');
        let max_decimals = if in_grams { 0 } else { 3 };
        if fraction.len() > max_decimals {
            return Err(DomainError::WeightPrecision(input.to_owned()));
        }
        if negative {
            return Err(DomainError::WeightNotPositive(input.to_owned()));
        }
        let too_large = || DomainError::WeightTooLarge {
            input: input.to_owned(),
            max: Weight(MAX_GRAMS),
        };
        let whole = whole.trim_start_matches('0');
        if whole.len() > 9 {
            return Err(too_large());
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| format())?
        };
        let grams = if in_grams {
            whole
        } else {
            let mut thousandths: i64 = if fraction.is_empty() {
                0
            } else {
                fraction.parse().map_err(|_| format())?
            };
            for _ in fraction.len()..3 {
                thousandths *= 10;
            }
            whole * 1000 + thousandths
        };
        if grams == 0 {
            return Err(DomainError::WeightNotPositive(input.to_owned()));
        }
        if grams > MAX_GRAMS {
            return Err(too_large());
        }
        Ok(Weight(grams))
    }

    /// Kilograms with three decimals and a comma: `1,250 kg`, `0,850 kg`.
    pub fn kg_text(self) -> String {
        format!(
            "{},{:03}\u{a0}kg",
            group_thousands(&(self.0 / 1000).to_string()),
            self.0 % 1000
        )
    }
}

impl fmt::Display for Weight {
    /// Below a kilogram in grams (`850 g`), above in kilograms (`1,250 kg`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < 1000 {
            f.pad(&format!("{}\u{a0}g", self.0))
        } else {
            f.pad(&self.kg_text())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    fn ok(grams: i64) -> Result<Weight> {
        Ok(Weight(grams))
    }

    #[test]
    fn parses_what_the_bench_types() {
        let p = Weight::parse;
        case("850 g", p, ok(850));
        case("850g", p, ok(850));
        case("850 G", p, ok(850));
        case("1,250 kg", p, ok(1250));
        case("1.25", p, ok(1250));
        case("1,25kg", p, ok(1250));
        case("2", p, ok(2000));
        case("0,001", p, ok(1));
        case("12 kg", p, ok(12_000));
        case("1,2500 kg", p, ok(1250));
        case("10000 kg", p, ok(10_000_000));
        case(",5", p, ok(500));
    }

    #[test]
    fn refuses_bad_weights_with_the_input() {
        let p = Weight::parse;
        let format = |s: &str| Err(DomainError::WeightFormat(s.to_owned()));
        let not_positive = |s: &str| Err(DomainError::WeightNotPositive(s.to_owned()));
        let max = Weight(MAX_GRAMS);
        case("", p, Err(DomainError::WeightEmpty));
        case("abc", p, format("abc"));
        case("kg", p, format("kg"));
        case("1,2,3", p, format("1,2,3"));
        case("-1 kg", p, not_positive("-1 kg"));
        case("0", p, not_positive("0"));
        case("0 g", p, not_positive("0 g"));
        case(
            "850,5 g",
            p,
            Err(DomainError::WeightPrecision("850,5 g".into())),
        );
        case(
            "1,2345",
            p,
            Err(DomainError::WeightPrecision("1,2345".into())),
        );
        case(
            "10000,001",
            p,
            Err(DomainError::WeightTooLarge {
                input: "10000,001".into(),
                max,
            }),
        );
        case(
            "99999999999999",
            p,
            Err(DomainError::WeightTooLarge {
                input: "99999999999999".into(),
                max,
            }),
        );
    }

    #[test]
    fn grams_are_checked_and_displayed() {
        assert_eq!(Weight::from_grams(1), Ok(Weight(1)));
        assert!(Weight::from_grams(0).is_err());
        assert!(Weight::from_grams(-5).is_err());
        assert!(Weight::from_grams(MAX_GRAMS + 1).is_err());
        assert_eq!(Weight(850).to_string(), "850\u{a0}g");
        assert_eq!(Weight(1250).to_string(), "1,250\u{a0}kg");
        assert_eq!(Weight(2_345_678).to_string(), "2\u{a0}345,678\u{a0}kg");
        assert_eq!(Weight(50).kg_text(), "0,050\u{a0}kg");
    }
}
