//! Members and their fees: the kinds of member, the offers a manager defines (a fixed
//! amount or a *prix libre* with its minimum) and the period a fee covers — a calendar
//! year, twelve months from payment, or a season from a chosen month — a renewal starting
//! where the current membership ends. A member card's code is an in-store EAN-13 of its
//! own prefix holding the member's number.

use super::{CodeKind, DomainError, Ean13, Money, Result};
use crate::i18n::Msg;
use chrono::{Datelike, Months, NaiveDate};

/// What kind of member: the register lists and the offers use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum MemberKind {
    Individuel,
    Famille,
    Solidaire,
    Bienfaiteur,
    PersonneMorale,
}

impl MemberKind {
    pub const ALL: [MemberKind; 5] = [
        MemberKind::Individuel,
        MemberKind::Famille,
        MemberKind::Solidaire,
        MemberKind::Bienfaiteur,
        MemberKind::PersonneMorale,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            MemberKind::Individuel => "individuel",
            MemberKind::Famille => "famille",
            MemberKind::Solidaire => "solidaire",
            MemberKind::Bienfaiteur => "bienfaiteur",
            MemberKind::PersonneMorale => "personne_morale",
        }
    }

    /// Parses a code or a word as people type it (`famille`, `Personne morale`, `PM`).
    pub fn parse(text: &str) -> Result<MemberKind> {
        let key = super::search_key(text.trim()).replace(['-', ' '], "_");
        MemberKind::ALL
            .into_iter()
            .find(|k| k.code() == key || (key == "pm" && *k == MemberKind::PersonneMorale))
            .ok_or_else(|| DomainError::MemberKind(text.trim().to_owned()))
    }

    pub const fn name(self) -> Msg {
        match self {
            MemberKind::Individuel => Msg::MemberKindIndividuel,
            MemberKind::Famille => Msg::MemberKindFamille,
            MemberKind::Solidaire => Msg::MemberKindSolidaire,
            MemberKind::Bienfaiteur => Msg::MemberKindBienfaiteur,
            MemberKind::PersonneMorale => Msg::MemberKindPersonneMorale,
        }
    }
}

/// The period one fee covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Validity {
    /// 1 January to 31 December.
    CalendarYear,
    /// Twelve months from the day it starts.
    TwelveMonths,
    /// A season running from the first day of `month` (1–12) for a year.
    Season(u32),
}

impl Validity {
    pub const fn code(self) -> &'static str {
        match self {
            Validity::CalendarYear => "calendar_year",
            Validity::TwelveMonths => "twelve_months",
            Validity::Season(_) => "season",
        }
    }

    pub fn from_code(code: &str, month: Option<u32>) -> Result<Validity> {
        match (code, month) {
            ("calendar_year", _) => Ok(Validity::CalendarYear),
            ("twelve_months", _) => Ok(Validity::TwelveMonths),
            ("season", Some(m)) if (1..=12).contains(&m) => Ok(Validity::Season(m)),
            _ => Err(DomainError::MemberValidity(code.to_owned())),
        }
    }

    /// The period a fee paid on `paid_on` covers, for a member whose membership runs
    /// until `current` (if it does): a renewal before the end starts the day after it.
    pub fn period(self, paid_on: NaiveDate, current: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
        let start = match current {
            Some(until) if until >= paid_on => until.succ_opt().unwrap_or(until),
            _ => paid_on,
        };
        let end = match self {
            Validity::CalendarYear => {
                NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap_or(start)
            }
            // The day before, a year on: 29/02/2024 runs to 28/02/2025.
            Validity::TwelveMonths => start
                .pred_opt()
                .and_then(|d| d.checked_add_months(Months::new(12)))
                .unwrap_or(start),
            Validity::Season(month) => {
                let year = if start.month() >= month {
                    start.year()
                } else {
                    start.year() - 1
                };
                NaiveDate::from_ymd_opt(year, month, 1)
                    .and_then(|d| d.checked_add_months(Months::new(12)))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(start)
            }
        };
        (start, end)
    }
}

/// A fee offer: « Adhésion individuelle 10 € », « Adhésion solidaire, prix libre dès 1 € ».
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub id: i64,
    pub label: String,
    /// `None`: prix libre.
    pub amount: Option<Money>,
    pub min_amount: Money,
    pub validity: Validity,
    pub active: bool,
}

impl Offer {
    /// The amount a fee of this offer takes: the fixed amount, or what was typed for a
    /// prix libre (at least its minimum, never zero).
    pub fn fee(&self, typed: Option<Money>) -> Result<Money> {
        match (self.amount, typed) {
            (Some(fixed), None) => Ok(fixed),
            (Some(fixed), Some(t)) if t == fixed => Ok(fixed),
            (Some(fixed), Some(t)) => Err(DomainError::MemberFeeFixed {
                offer: self.label.clone(),
                fixed,
                typed: t,
            }),
            (None, None) => Err(DomainError::MemberFeeBelowMinimum {
                offer: self.label.clone(),
                min: self.min_amount,
            }),
            (None, Some(t)) if t.cents() <= 0 || t < self.min_amount => {
                Err(DomainError::MemberFeeBelowMinimum {
                    offer: self.label.clone(),
                    min: self.min_amount.max(Money::from_cents(1)),
                })
            }
            (None, Some(t)) => Ok(t),
        }
    }
}

/// A member card's code: `27` + the member's number on ten digits + the check digit.
pub fn card_code(number: i64) -> Result<Ean13> {
    let serial =
        u64::try_from(number).map_err(|_| DomainError::BarcodeFormat(number.to_string()))?;
    Ean13::in_store(CodeKind::MemberCard, serial)
}

/// Where a member stands on `day`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Member until that day included.
    Until(NaiveDate),
    /// The last membership ended that day.
    Expired(NaiveDate),
    /// Never paid a fee.
    Never,
}

impl Standing {
    pub fn on(day: NaiveDate, until: Option<NaiveDate>) -> Standing {
        match until {
            Some(u) if u >= day => Standing::Until(u),
            Some(u) => Standing::Expired(u),
            None => Standing::Never,
        }
    }

    pub const fn is_valid(self) -> bool {
        matches!(self, Standing::Until(_))
    }

    /// « adhérent jusqu'au 31/12/2026 », « adhésion expirée le 31/12/2025 ».
    pub fn text(self) -> String {
        match self {
            Standing::Until(d) => Msg::MemberValidUntil.fill(&[&d.format("%d/%m/%Y")]),
            Standing::Expired(d) => Msg::MemberExpiredOn.fill(&[&d.format("%d/%m/%Y")]),
            Standing::Never => Msg::MemberNeverPaid.text().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn periods_by_validity_and_renewal() {
        let cases = [
            // (validity, paid on, current until, expected from, expected until)
            (
                Validity::CalendarYear,
                "2026-03-10",
                None,
                "2026-03-10",
                "2026-12-31",
            ),
            (
                Validity::CalendarYear,
                "2026-12-20",
                Some("2026-12-31"),
                "2027-01-01",
                "2027-12-31",
            ),
            (
                Validity::CalendarYear,
                "2027-02-01",
                Some("2026-12-31"),
                "2027-02-01",
                "2027-12-31",
            ),
            (
                Validity::TwelveMonths,
                "2026-03-10",
                None,
                "2026-03-10",
                "2027-03-09",
            ),
            (
                Validity::TwelveMonths,
                "2026-03-10",
                Some("2026-04-30"),
                "2026-05-01",
                "2027-04-30",
            ),
            (
                Validity::TwelveMonths,
                "2024-02-29",
                None,
                "2024-02-29",
                "2025-02-28",
            ),
            (
                Validity::Season(9),
                "2026-10-02",
                None,
                "2026-10-02",
                "2027-08-31",
            ),
            (
                Validity::Season(9),
                "2026-03-02",
                None,
                "2026-03-02",
                "2026-08-31",
            ),
            (
                Validity::Season(9),
                "2026-08-20",
                Some("2026-08-31"),
                "2026-09-01",
                "2027-08-31",
            ),
            (
                Validity::Season(1),
                "2026-05-05",
                None,
                "2026-05-05",
                "2026-12-31",
            ),
        ];
        for (validity, paid, current, from, until) in cases {
            assert_eq!(
                validity.period(d(paid), current.map(d)),
                (d(from), d(until)),
                "{validity:?} paid {paid} current {current:?}"
            );
        }
    }

    #[test]
    fn fees_fixed_and_prix_libre() {
        let fixed = Offer {
            id: 1,
            label: "Individuelle".into(),
            amount: Some(Money::from_cents(1000)),
            min_amount: Money::ZERO,
            validity: Validity::CalendarYear,
            active: true,
        };
        let free = Offer {
            amount: None,
            min_amount: Money::from_cents(200),
            label: "Solidaire".into(),
            ..fixed.clone()
        };
        let cases: [(&Offer, Option<i64>, Option<i64>); 7] = [
            (&fixed, None, Some(1000)),
            (&fixed, Some(1000), Some(1000)),
            (&fixed, Some(500), None),
            (&free, Some(200), Some(200)),
            (&free, Some(1500), Some(1500)),
            (&free, Some(199), None),
            (&free, None, None),
        ];
        for (offer, typed, expected) in cases {
            let got = offer
                .fee(typed.map(Money::from_cents))
                .ok()
                .map(Money::cents);
            assert_eq!(got, expected, "{} typed {typed:?}", offer.label);
        }
        let zero_min = Offer {
            min_amount: Money::ZERO,
            ..free
        };
        assert!(
            zero_min.fee(Some(Money::ZERO)).is_err(),
            "a fee of 0 is no fee"
        );
    }

    #[test]
    fn standing_and_card_codes() {
        let day = d("2026-06-01");
        assert_eq!(Standing::on(day, Some(day)), Standing::Until(day));
        assert_eq!(
            Standing::on(day, Some(d("2026-05-31"))),
            Standing::Expired(d("2026-05-31"))
        );
        assert_eq!(Standing::on(day, None), Standing::Never);
        let code = card_code(42).expect("code");
        assert_eq!(code.as_str().len(), 13);
        assert!(code.as_str().starts_with("270000000042"));
        assert_eq!(code.kind(), Some(CodeKind::MemberCard));
        assert_eq!(code.serial(), 42);
        assert!(card_code(-1).is_err());
    }

    #[test]
    fn kinds_parse_as_typed() {
        for (text, kind) in [
            ("famille", MemberKind::Famille),
            ("Personne morale", MemberKind::PersonneMorale),
            ("PM", MemberKind::PersonneMorale),
            ("Bienfaiteur", MemberKind::Bienfaiteur),
        ] {
            assert_eq!(MemberKind::parse(text), Ok(kind), "{text}");
        }
        assert!(MemberKind::parse("vip").is_err());
    }
}
