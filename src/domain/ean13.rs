//! In-store EAN-13 codes: prefix 2 is reserved for restricted circulation, so codes we
//! make never collide with a manufacturer's. Items are `20` + a 10-digit serial, receipts
//! `28` + their document's number in the journal, vouchers `29` + a 10-digit serial,
//! member cards `27` + the member's number; the
//! 13th digit is the GS1 check digit.

use super::{DomainError, Result};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ean13(String);

/// What an in-store code is for, by its second digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Item,
    /// A receipt, found again by scanning it (for a refund).
    Receipt,
    Voucher,
    /// A member card: the serial is the member's number.
    MemberCard,
}

impl CodeKind {
    const fn prefix(self) -> &'static str {
        match self {
            CodeKind::Item => "20",
            CodeKind::Receipt => "28",
            CodeKind::Voucher => "29",
            CodeKind::MemberCard => "27",
        }
    }
}

/// The GS1 check digit of 12 digits: weights 1 and 3 from the left.
pub fn check_digit(digits: &[u8; 12]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl Ean13 {
    /// Parses 13 digits whose check digit is right.
    pub fn parse(input: &str) -> Result<Ean13> {
        let code = input.trim();
        let bad = || DomainError::BarcodeFormat(code.to_owned());
        if code.len() != 13 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let digits: Vec<u8> = code.bytes().map(|b| b - b'0').collect();
        let mut first = [0u8; 12];
        first.copy_from_slice(&digits[..12]);
        if check_digit(&first) != digits[12] {
            return Err(DomainError::BarcodeChecksum(code.to_owned()));
        }
        Ok(Ean13(code.to_owned()))
    }

    /// The in-store code number `serial` of `kind`.
    pub fn in_store(kind: CodeKind, serial: u64) -> Result<Ean13> {
        if serial >= 10_000_000_000 {
            return Err(DomainError::BarcodeFormat(serial.to_string()));
        }
        let body = format!("{}{serial:010}", kind.prefix());
        let mut digits = [0u8; 12];
        for (d, b) in digits.iter_mut().zip(body.bytes()) {
            *d = b - b'0';
        }
        Ok(Ean13(format!("{body}{}", check_digit(&digits))))
    }

    /// What an in-store code is for; `None` for a manufacturer's code.
    pub fn kind(&self) -> Option<CodeKind> {
        [
            CodeKind::Item,
            CodeKind::Receipt,
            CodeKind::Voucher,
            CodeKind::MemberCard,
        ]
        .into_iter()
        .find(|k| self.0.starts_with(k.prefix()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The serial inside an in-store code (digits 3 to 12).
    pub fn serial(&self) -> u64 {
        self.0[2..12].parse().unwrap_or(0)
    }
}

impl fmt::Display for Ean13 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    #[test]
    fn parses_and_checks() {
        let ok = |s: &str| Ok(Ean13(s.to_owned()));
        case("4006381333931", Ean13::parse, ok("4006381333931"));
        case("3017620422003", Ean13::parse, ok("3017620422003"));
        case(" 2000000000015 ", Ean13::parse, ok("2000000000015"));
        case(
            "4006381333932",
            Ean13::parse,
            Err(DomainError::BarcodeChecksum("4006381333932".into())),
        );
        case(
            "400638133393",
            Ean13::parse,
            Err(DomainError::BarcodeFormat("400638133393".into())),
        );
        case(
            "40063813339a1",
            Ean13::parse,
            Err(DomainError::BarcodeFormat("40063813339a1".into())),
        );
    }

    #[test]
    fn in_store_codes_carry_their_kind_and_a_good_check_digit() {
        for serial in [0, 1, 42, 9_999_999_999] {
            for kind in [
                CodeKind::Item,
                CodeKind::Receipt,
                CodeKind::Voucher,
                CodeKind::MemberCard,
            ] {
                let code = Ean13::in_store(kind, serial).expect("code");
                assert_eq!(Ean13::parse(code.as_str()), Ok(code.clone()));
                assert_eq!(code.kind(), Some(kind));
                assert_eq!(code.serial(), serial);
            }
        }
        assert_eq!(
            Ean13::in_store(CodeKind::Item, 1).expect("code").as_str(),
            "2000000000015"
        );
        assert!(Ean13::in_store(CodeKind::Item, 10_000_000_000).is_err());
        assert_eq!(Ean13::parse("4006381333931").expect("code").kind(), None);
    }
}
