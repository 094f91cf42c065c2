//! Money: an exact amount in integer cents.
//!
//! Input is what a cashier types (`12`, `12,5`, `12.50`, `12,50 €`); display is French
//! (`1 250,50 €`, with no-break spaces). Computations that need fractions (VAT, discounts)
//! go through `rust_decimal` and come back with [`Money::from_decimal`], which rounds
//! half away from zero. Floats never touch money.

use super::{DomainError, Result};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// An amount in cents. Negative only as the result of arithmetic (refunds, change);
/// what a person types is never negative.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

/// The largest amount a person may type: 1 000 000,00 €. A till never sees more; a
/// larger figure is a typing slip (a scan in the price field, say).
const MAX_TYPED_CENTS: i64 = 100_000_000;

/// The no-break space used between groups of digits and before the euro sign.
pub const NBSP: char = '\u{a0}';

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Parses what a person typed. Accepts `12`, `12,5`, `12.50`, `,50`, `12,50 €`.
    /// Refuses a sign, three decimals, letters, and more than 1 000 000 €.
    pub fn parse(input: &str) -> Result<Money> {
        let trimmed = input.trim();
        let body = trimmed
            .strip_suffix('€')
            .or_else(|| trimmed.strip_suffix("EUR"))
            .unwrap_or(trimmed)
            .trim();
        if body.is_empty() {
            return Err(if trimmed.is_empty() {
                DomainError::MoneyEmpty
            } else {
                DomainError::MoneyFormat(input.to_owned())
            });
        }
        let (negative, unsigned) = match body.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, body.strip_prefix('+').unwrap_or(body)),
        };
        let (whole, fraction) = match unsigned.find([',', '.']) {
            Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
            None => (unsigned, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
            return Err(DomainError::MoneyFormat(input.to_owned()));
        }
        if fraction.len() > 2 {
            return Err(DomainError::MoneyDecimals(input.to_owned()));
        }
        if negative {
            return Err(DomainError::MoneyNegative(input.to_owned()));
        }
        let too_large = || DomainError::MoneyTooLarge {
            input: input.to_owned(),
            max: Money(MAX_TYPED_CENTS),
        };
        let whole = whole.trim_start_matches('0');
        if whole.len() > 9 {
            return Err(too_large());
        }
        let euros: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| too_large())?
        };
        let mut cents: i64 = if fraction.is_empty() {
            0
        } else {
            fraction
                .parse()
                .map_err(|_| DomainError::MoneyFormat(input.to_owned()))?
        };
        if fraction.len() == 1 {
            cents *= 10;
        }
        let total = euros * 100 + cents;
        if total > MAX_TYPED_CENTS {
            return Err(too_large());
        }
        Ok(Money(total))
    }

    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or(DomainError::MoneyOverflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or(DomainError::MoneyOverflow)
    }

    /// The amount times a whole quantity (negative on a refund line).
    pub fn checked_mul(self, quantity: i64) -> Result<Money> {
        self.0
            .checked_mul(quantity)
            .map(Money)
            .ok_or(DomainError::MoneyOverflow)
    }

    /// `1250,50`: the figures alone, for files (no grouping, no euro sign).
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{},{:02}", abs / 100, abs % 100)
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The amount as an exact decimal number of euros.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Euros as a decimal, rounded to the cent half away from zero.
    pub fn from_decimal(euros: Decimal) -> Result<Money> {
        let cents = (euros * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        i64::try_from(cents)
            .map(Money)
            .map_err(|_| DomainError::MoneyOverflow)
    }
}

impl std::ops::Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    /// Sums amounts; a total beyond ±92 000 billion euros saturates, which no
    /// ressourcerie reaches (use [`Money::checked_add`] where input is untrusted).
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.fold(0i64, |acc, m| acc.saturating_add(m.0)))
    }
}

/// Writes `digits` with a no-break space between groups of three.
pub(crate) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Money {
    /// `1 250,50 €` — comma, no-break spaces, the sign before the digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let euros = group_thousands(&(abs / 100).to_string());
        let text = format!("{sign}{euros},{:02}{NBSP}€", abs % 100);
        f.pad(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;
    use std::str::FromStr;

    fn ok(cents: i64) -> Result<Money> {
        Ok(Money(cents))
    }

    #[test]
    fn parses_what_cashiers_type() {
        let p = Money::parse;
        case("12", p, ok(1200));
        case("12,5", p, ok(1250));
        case("12.50", p, ok(1250));
        case("12,50 €", p, ok(1250));
        case("12,50\u{a0}€", p, ok(1250));
        case("12,50€", p, ok(1250));
        case(" 0,05 ", p, ok(5));
        case(",50", p, ok(50));
        case("12,", p, ok(1200));
        case("+3", p, ok(300));
        case("007", p, ok(700));
        case("1000000", p, ok(100_000_000));
        case("0", p, ok(0));
    }

    #[test]
    fn refuses_bad_amounts_with_the_input() {
        let p = Money::parse;
        let format = |s: &str| Err(DomainError::MoneyFormat(s.to_owned()));
        case("", p, Err(DomainError::MoneyEmpty));
        case("   ", p, Err(DomainError::MoneyEmpty));
        case("-", p, format("-"));
        case("abc", p, format("abc"));
        case("€", p, format("€"));
        case("12,3,4", p, format("12,3,4"));
        case("1 250", p, format("1 250"));
        case(",", p, format(","));
        case("1e3", p, format("1e3"));
        case(
            "12,345",
            p,
            Err(DomainError::MoneyDecimals("12,345".into())),
        );
        case("-5", p, Err(DomainError::MoneyNegative("-5".into())));
        let max = Money(MAX_TYPED_CENTS);
        for big in ["1000000,01", "99999999999999999999999", "3760001234567"] {
            case(
                big,
                p,
                Err(DomainError::MoneyTooLarge {
                    input: big.into(),
                    max,
                }),
            );
        }
    }

    #[test]
    fn displays_in_french() {
        let cases = [
            (1250, "12,50\u{a0}€"),
            (5, "0,05\u{a0}€"),
            (0, "0,00\u{a0}€"),
            (-1250, "-12,50\u{a0}€"),
            (125_050, "1\u{a0}250,50\u{a0}€"),
            (123_456_789, "1\u{a0}234\u{a0}567,89\u{a0}€"),
        ];
        for (cents, text) in cases {
            assert_eq!(Money(cents).to_string(), text, "{cents} cents");
        }
        assert_eq!(format!("{:>12}", Money(1250)), "     12,50\u{a0}€");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let cases = [
            ("0.005", 1),
            ("0.0049", 0),
            ("-0.005", -1),
            ("2.675", 268),
            ("1.125", 113),
            ("-1.125", -113),
        ];
        for (euros, cents) in cases {
            let d = Decimal::from_str(euros).expect("decimal literal");
            assert_eq!(Money::from_decimal(d), Ok(Money(cents)), "{euros}");
        }
    }

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(Money(150).checked_add(Money(250)), Ok(Money(400)));
        assert_eq!(Money(150).checked_sub(Money(250)), Ok(Money(-100)));
        assert_eq!(Money(150).checked_mul(-3), Ok(Money(-450)));
        assert_eq!(
            Money(i64::MAX).checked_add(Money(1)),
            Err(DomainError::MoneyOverflow)
        );
        assert_eq!(
            Money(i64::MAX).checked_mul(2),
            Err(DomainError::MoneyOverflow)
        );
        assert_eq!(Money(1250).to_decimal().to_string(), "12.50");
        assert_eq!([Money(1), Money(2)].into_iter().sum::<Money>(), Money(3));
    }
}
