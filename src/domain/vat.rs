//! VAT rates in basis points, and the extraction of VAT from a TTC total.
//!
//! Prices are entered TTC; VAT is extracted once per rate on the ticket total, never per
//! line, so the sum of a ticket's VAT is the rate applied to its TTC, to the cent.

use super::{DomainError, Money, Result};
use rust_decimal::Decimal;
use std::fmt;

/// A VAT rate in basis points: 2000 is 20 %, 550 is 5,5 %.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u32", into = "u32")]
pub struct VatRate(u32);

impl TryFrom<u32> for VatRate {
    type Error = super::DomainError;
    fn try_from(bp: u32) -> Result<VatRate> {
        VatRate::from_basis_points(bp)
    }
}

impl From<VatRate> for u32 {
    fn from(rate: VatRate) -> u32 {
        rate.0
    }
}

impl VatRate {
    pub const ZERO: VatRate = VatRate(0);
    pub const SUPER_REDUCED: VatRate = VatRate(210);
    pub const REDUCED: VatRate = VatRate(550);
    pub const INTERMEDIATE: VatRate = VatRate(1000);
    pub const STANDARD: VatRate = VatRate(2000);

    /// A rate from basis points, at most 100 %.
    pub fn from_basis_points(bp: u32) -> Result<VatRate> {
        if bp <= 10_000 {
            Ok(VatRate(bp))
        } else {
            Err(DomainError::VatRange(format!("{bp} bp")))
        }
    }

    pub const fn basis_points(self) -> u32 {
        self.0
    }

    /// Parses `20`, `20 %`, `5,5`, `5.5%`, `2,10`.
    pub fn parse(input: &str) -> Result<VatRate> {
        let body = input.trim().trim_end_matches('%').trim();
        let format = || DomainError::VatFormat(input.to_owned());
        let (whole, fraction) = match body.find([',', '.']) {
            Some(at) => (&body[..at], &body[at + 1..]),
            None => (body, ""),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || fraction.len() > 2 {
            return Err(format());
        }
        if whole.len() > 3 {
            return Err(DomainError::VatRange(input.to_owned()));
        }
        let whole: u32 = whole.parse().map_err(|_| format())?;
        let mut hundredths: u32 = if fraction.is_empty() {
            0
        } else {
            fraction.parse().map_err(|_| format())?
        };
        if fraction.len() == 1 {
            hundredths *= 10;
        }
        let bp = whole * 100 + hundredths;
        if bp > 10_000 {
            return Err(DomainError::VatRange(input.to_owned()));
        }
        Ok(VatRate(bp))
    }

    /// The VAT inside a TTC amount: `ttc × rate / (1 + rate)`, rounded half away from zero.
    pub fn vat_in(self, ttc: Money) -> Result<Money> {
        let rate = Decimal::new(i64::from(self.0), 4);
        Money::from_decimal(ttc.to_decimal() * rate / (Decimal::ONE + rate))
    }
}

impl fmt::Display for VatRate {
    /// `20 %`, `5,5 %`, `2,1 %` (no-break space before the sign).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let fraction = self.0 % 100;
        let text = if fraction == 0 {
            format!("{whole}\u{a0}%")
        } else if fraction % 10 == 0 {
            format!("{whole},{}\u{a0}%", fraction / 10)
        } else {
            format!("{whole},{fraction:02}\u{a0}%")
        };
        f.pad(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    #[test]
    fn parses_rates() {
        let p = VatRate::parse;
        case("20", p, Ok(VatRate::STANDARD));
        case("20 %", p, Ok(VatRate::STANDARD));
        case("5,5", p, Ok(VatRate::REDUCED));
        case("5.5%", p, Ok(VatRate::REDUCED));
        case("2,10", p, Ok(VatRate::SUPER_REDUCED));
        case("0", p, Ok(VatRate::ZERO));
        case("100", p, Ok(VatRate(10_000)));
        case("", p, Err(DomainError::VatFormat(String::new())));
        case("dix", p, Err(DomainError::VatFormat("dix".into())));
        case("5,555", p, Err(DomainError::VatFormat("5,555".into())));
        case("-5", p, Err(DomainError::VatFormat("-5".into())));
        case("101", p, Err(DomainError::VatRange("101".into())));
        case("99999", p, Err(DomainError::VatRange("99999".into())));
    }

    #[test]
    fn extracts_vat_from_ttc() {
        let cases = [
            (VatRate::STANDARD, 1200, 200),
            (VatRate::STANDARD, 1000, 167),
            (VatRate::INTERMEDIATE, 110, 10),
            (VatRate::INTERMEDIATE, 350, 32),
            (VatRate::REDUCED, 1000, 52),
            (VatRate::SUPER_REDUCED, 1000, 21),
            (VatRate::ZERO, 1000, 0),
            (VatRate::STANDARD, -1200, -200),
            (VatRate::STANDARD, 0, 0),
        ];
        for (rate, ttc, vat) in cases {
            assert_eq!(
                rate.vat_in(Money::from_cents(ttc)),
                Ok(Money::from_cents(vat)),
                "{rate} of {ttc} cents"
            );
        }
    }

    #[test]
    fn displays_rates() {
        assert_eq!(VatRate::STANDARD.to_string(), "20\u{a0}%");
        assert_eq!(VatRate::REDUCED.to_string(), "5,5\u{a0}%");
        assert_eq!(VatRate::SUPER_REDUCED.to_string(), "2,1\u{a0}%");
        assert_eq!(VatRate(1234).to_string(), "12,34\u{a0}%");
        assert!(VatRate::from_basis_points(10_001).is_err());
    }
}
