//! The structure's identity and the kinds that configure it: VAT status, kinds of point
//! of sale, kinds of payment method, and the SIRET number.

use super::{DomainError, Result};
use crate::i18n::Msg;
use std::fmt;

/// How the structure stands towards VAT; it decides what receipts print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VatStatus {
    /// Registered: receipts show VAT per rate.
    Assujetti,
    /// Franchise en base: receipts print "TVA non applicable, art. 293 B du CGI".
    Franchise,
    /// Outside VAT altogether (a non-commercial association).
    NonAssujetti,
}

impl VatStatus {
    pub const ALL: [VatStatus; 3] = [
        VatStatus::Assujetti,
        VatStatus::Franchise,
        VatStatus::NonAssujetti,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            VatStatus::Assujetti => "assujetti",
            VatStatus::Franchise => "franchise",
            VatStatus::NonAssujetti => "non_assujetti",
        }
    }

    pub fn from_code(code: &str) -> Option<VatStatus> {
        VatStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the structure collects VAT on its sales. A franchise en base (CGI art.
    /// 293 B) or a structure outside VAT (a non-commercial association, CGI art. 261-7-1°)
    /// owes none: its tickets, counters and Zs carry every amount at 0 %, HT = TTC.
    pub const fn collects_vat(self) -> bool {
        matches!(self, VatStatus::Assujetti)
    }

    /// The lines as this structure sells them: unchanged when it collects VAT, else every
    /// line at 0 % and outside the margin scheme (there is no VAT to compute at all).
    pub fn lines_as_sold(self, lines: &[crate::domain::SaleLine]) -> Vec<crate::domain::SaleLine> {
        lines
            .iter()
            .map(|line| {
                let mut line = line.clone();
                if !self.collects_vat() {
                    line.vat_rate = crate::domain::VatRate::ZERO;
                    line.margin_scheme = false;
                }
                line
            })
            .collect()
    }

    pub const fn label(self) -> Msg {
        match self {
            VatStatus::Assujetti => Msg::VatAssujetti,
            VatStatus::Franchise => Msg::VatFranchise,
            VatStatus::NonAssujetti => Msg::VatNonAssujetti,
        }
    }
}

/// What kind of place a point of sale is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PosKind {
    Shop,
    Cafe,
    /// A braderie, a Christmas market: a point of sale for a few days.
    Event,
}

impl PosKind {
    pub const ALL: [PosKind; 3] = [PosKind::Shop, PosKind::Cafe, PosKind::Event];

    pub const fn code(self) -> &'static str {
        match self {
            PosKind::Shop => "shop",
            PosKind::Cafe => "cafe",
            PosKind::Event => "event",
        }
    }

    pub fn from_code(code: &str) -> Option<PosKind> {
        PosKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub const fn label(self) -> Msg {
        match self {
            PosKind::Shop => Msg::PosShop,
            PosKind::Cafe => Msg::PosCafe,
            PosKind::Event => Msg::PosEvent,
        }
    }
}

/// What a payment method does at the till: only cash gives change, only a voucher has a
/// balance to track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaymentKind {
    Cash,
    Card,
    Cheque,
    LocalCurrency,
    Voucher,
    Other,
}

impl PaymentKind {
    pub const ALL: [PaymentKind; 6] = [
        PaymentKind::Cash,
        PaymentKind::Card,
        PaymentKind::Cheque,
        PaymentKind::LocalCurrency,
        PaymentKind::Voucher,
        PaymentKind::Other,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            PaymentKind::Cash => "cash",
            PaymentKind::Card => "card",
            PaymentKind::Cheque => "cheque",
            PaymentKind::LocalCurrency => "local_currency",
            PaymentKind::Voucher => "voucher",
            PaymentKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<PaymentKind> {
        PaymentKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The label a new payment method of this kind gets: the kind's word, capitalised
    /// (`Espèces`, `Carte bancaire` …), in the process's language.
    pub fn default_label(self) -> String {
        let word = self.label().text();
        let mut chars = word.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    pub const fn label(self) -> Msg {
        match self {
            PaymentKind::Cash => Msg::PayCash,
            PaymentKind::Card => Msg::PayCard,
            PaymentKind::Cheque => Msg::PayCheque,
            PaymentKind::LocalCurrency => Msg::PayLocalCurrency,
            PaymentKind::Voucher => Msg::PayVoucher,
            PaymentKind::Other => Msg::PayOther,
        }
    }
}

/// A SIRET: 14 digits whose Luhn key is right (La Poste's establishments use their own
/// rule: the digits sum to a multiple of 5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Siret(String);

/// La Poste's SIREN, whose establishments do not follow the Luhn key.
const LA_POSTE_SIREN: &str = "356000000";

impl Siret {
    /// Parses 14 digits, spaces allowed between groups (`123 456 789 00012`).
    pub fn parse(input: &str) -> Result<Siret> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DomainError::SiretFormat(input.to_owned()));
        }
        let values = digits.bytes().map(|b| u32::from(b - b'0'));
        let valid = if digits.starts_with(LA_POSTE_SIREN) {
            values.sum::<u32>() % 5 == 0
        } else {
            values
                .rev()
                .enumerate()
                .map(|(i, d)| match (i % 2 == 1, d * 2) {
                    (true, doubled) if doubled > 9 => doubled - 9,
                    (true, doubled) => doubled,
                    (false, _) => d,
                })
                .sum::<u32>()
                % 10
                == 0
        };
        if valid {
            Ok(Siret(digits))
        } else {
            Err(DomainError::SiretChecksum(input.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Siret {
    /// `732 829 320 00074`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.0;
        write!(f, "{} {} {} {}", &s[0..3], &s[3..6], &s[6..9], &s[9..14])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    #[test]
    fn only_a_structure_that_collects_vat_keeps_its_lines_rates() {
        let line = |rate, margin| crate::domain::SaleLine {
            label: "Lampe".into(),
            category: None,
            item_code: None,
            quantity: 1,
            unit_price: crate::domain::Money::from_cents(500),
            original_price: None,
            discount: crate::domain::Money::ZERO,
            discount_reason: None,
            ticket_discount: crate::domain::Money::ZERO,
            ticket_discount_reason: None,
            grams: None,
            weight_estimated: false,
            margin_scheme: margin,
            guarantee: false,
            service: None,
            vat_rate: rate,
        };
        use crate::domain::VatRate as R;
        for (status, given, expected) in [
            (
                VatStatus::Assujetti,
                line(R::STANDARD, false),
                line(R::STANDARD, false),
            ),
            (
                VatStatus::Assujetti,
                line(R::STANDARD, true),
                line(R::STANDARD, true),
            ),
            (
                VatStatus::Franchise,
                line(R::STANDARD, true),
                line(R::ZERO, false),
            ),
            (
                VatStatus::Franchise,
                line(R::REDUCED, false),
                line(R::ZERO, false),
            ),
            (
                VatStatus::NonAssujetti,
                line(R::INTERMEDIATE, false),
                line(R::ZERO, false),
            ),
        ] {
            assert_eq!(status.lines_as_sold(&[given]), [expected], "{status:?}");
        }
    }

    #[test]
    fn sirets() {
        let ok = |s: &str| Ok(Siret(s.to_owned()));
        case("73282932000074", Siret::parse, ok("73282932000074"));
        case("443 061 841 00047", Siret::parse, ok("44306184100047"));
        case("35600000000001", Siret::parse, ok("35600000000001"));
        case(
            "12345678901234",
            Siret::parse,
            Err(DomainError::SiretChecksum("12345678901234".into())),
        );
        case(
            "1234",
            Siret::parse,
            Err(DomainError::SiretFormat("1234".into())),
        );
        case(
            "7328293200007A",
            Siret::parse,
            Err(DomainError::SiretFormat("7328293200007A".into())),
        );
        assert_eq!(
            Siret::parse("73282932000074").map(|s| s.to_string()),
            Ok("732 829 320 00074".to_owned())
        );
    }

    #[test]
    fn codes_round_trip() {
        for s in VatStatus::ALL {
            assert_eq!(VatStatus::from_code(s.code()), Some(s));
        }
        for k in PosKind::ALL {
            assert_eq!(PosKind::from_code(k.code()), Some(k));
        }
        for k in PaymentKind::ALL {
            assert_eq!(PaymentKind::from_code(k.code()), Some(k));
        }
        assert_eq!(VatStatus::from_code("x"), None);
    }
}
