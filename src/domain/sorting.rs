//! The sorting bench's rules: where a weighed line goes, what a net weight may be, which
//! colour marks an entry week on a label, and how much an old item is marked down.

use super::{CategoryId, DomainError, Money, Result, Weight};
use crate::i18n::Msg;
use chrono::{Datelike, NaiveDate};

/// Where a weighed line of an intake goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Destination {
    /// Shop or reuse (réemploi).
    Reuse,
    Recycling,
    Waste,
}

impl Destination {
    pub const ALL: [Destination; 3] = [
        Destination::Reuse,
        Destination::Recycling,
        Destination::Waste,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Destination::Reuse => "reuse",
            Destination::Recycling => "recycling",
            Destination::Waste => "waste",
        }
    }

    pub fn from_code(code: &str) -> Option<Destination> {
        Destination::ALL.into_iter().find(|d| d.code() == code)
    }

    pub const fn label(self) -> Msg {
        match self {
            Destination::Reuse => Msg::DestReuse,
            Destination::Recycling => Msg::DestRecycling,
            Destination::Waste => Msg::DestWaste,
        }
    }
}

/// What kind of outbound flow a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutboundKind {
    /// To a person, an association, an artist …
    Donation,
    /// A partner under agreement.
    Partner,
    /// A recycler (filière) with the fractions it takes.
    Recycler,
    /// The municipal recycling centre.
    Dump,
    /// Bins, residual waste.
    Bins,
    /// Unsold items taken out of the shop.
    Withdrawal,
}

impl OutboundKind {
    pub const ALL: [OutboundKind; 6] = [
        OutboundKind::Donation,
        OutboundKind::Partner,
        OutboundKind::Recycler,
        OutboundKind::Dump,
        OutboundKind::Bins,
        OutboundKind::Withdrawal,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            OutboundKind::Donation => "donation",
            OutboundKind::Partner => "partner",
            OutboundKind::Recycler => "recycler",
            OutboundKind::Dump => "dump",
            OutboundKind::Bins => "bins",
            OutboundKind::Withdrawal => "withdrawal",
        }
    }

    pub fn from_code(code: &str) -> Option<OutboundKind> {
        OutboundKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub const fn label(self) -> Msg {
        match self {
            OutboundKind::Donation => Msg::OutDonation,
            OutboundKind::Partner => Msg::OutPartner,
            OutboundKind::Recycler => Msg::OutRecycler,
            OutboundKind::Dump => Msg::OutDump,
            OutboundKind::Bins => Msg::OutBins,
            OutboundKind::Withdrawal => Msg::OutWithdrawal,
        }
    }
}

/// One weighed line of an intake, checked: gross within the scale, net above zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeLine {
    pub category_id: CategoryId,
    pub category: String,
    pub gross: Weight,
    /// The container's name, empty when weighed bare.
    pub container: String,
    /// The container's tare, zero when weighed bare.
    pub tare_g: i64,
    pub destination: Destination,
}

impl IntakeLine {
    /// A line weighed on a scale that reads up to `scale_max`.
    pub fn new(
        category: (CategoryId, String),
        gross: Weight,
        container: Option<(String, i64)>,
        destination: Destination,
        scale_max: Weight,
    ) -> Result<IntakeLine> {
        if gross > scale_max {
            return Err(DomainError::AboveScale {
                gross,
                max: scale_max,
            });
        }
        let (container, tare_g) = container.unwrap_or_default();
        if gross.grams() - tare_g <= 0 {
            return Err(DomainError::NetNotPositive {
                gross,
                container,
                tare: Weight::from_grams(tare_g.max(1))?,
            });
        }
        Ok(IntakeLine {
            category_id: category.0,
            category: category.1,
            gross,
            container,
            tare_g,
            destination,
        })
    }

    pub fn net(&self) -> Weight {
        // `new` made sure it is above zero.
        Weight::from_grams(self.gross.grams() - self.tare_g).unwrap_or(self.gross)
    }
}

/// The colours of entry weeks, in turn: a label's colour tells its week at a glance.
pub const WEEK_COLOURS: [Msg; 8] = [
    Msg::ColourRed,
    Msg::ColourOrange,
    Msg::ColourYellow,
    Msg::ColourGreen,
    Msg::ColourBlue,
    Msg::ColourPurple,
    Msg::ColourPink,
    Msg::ColourBrown,
];

/// The colour of the ISO week `date` falls in.
pub fn week_colour(date: NaiveDate) -> Msg {
    WEEK_COLOURS[date.iso_week().week() as usize % WEEK_COLOURS.len()]
}

/// A markdown rule: `percent` off once an item is `weeks` old.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Markdown {
    pub weeks: i64,
    pub percent: i64,
}

/// The rule that applies to an item `age_days` old (the largest reached), and its price.
pub fn marked_down(
    price: Money,
    age_days: i64,
    rules: &[Markdown],
) -> Result<Option<(Markdown, Money)>> {
    let Some(rule) = rules
        .iter()
        .filter(|r| age_days >= r.weeks * 7)
        .max_by_key(|r| r.weeks)
    else {
        return Ok(None);
    };
    let off =
        Money::from_decimal(price.to_decimal() * rust_decimal::Decimal::new(rule.percent, 2))?;
    Ok(Some((*rule, price.checked_sub(off)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(g: i64) -> Weight {
        Weight::from_grams(g).expect("weight")
    }

    #[test]
    fn intake_lines() {
        let cat = || (CategoryId(1), "Textile".to_owned());
        let max = grams(300_000);
        type Case<'a> = (i64, Option<(&'a str, i64)>, Result<i64>);
        let cases: [Case; 5] = [
            (25_000, Some(("chariot", 12_000)), Ok(13_000)),
            (8_000, None, Ok(8_000)),
            (300_000, None, Ok(300_000)),
            (
                300_001,
                None,
                Err(DomainError::AboveScale {
                    gross: grams(300_001),
                    max,
                }),
            ),
            (
                10_000,
                Some(("chariot", 12_000)),
                Err(DomainError::NetNotPositive {
                    gross: grams(10_000),
                    container: "chariot".into(),
                    tare: grams(12_000),
                }),
            ),
        ];
        for (gross, container, expected) in cases {
            let line = IntakeLine::new(
                cat(),
                grams(gross),
                container.map(|(n, t)| (n.to_owned(), t)),
                Destination::Reuse,
                max,
            );
            assert_eq!(
                line.map(|l| l.net().grams()),
                expected,
                "{gross} {container:?}"
            );
        }
    }

    #[test]
    fn markdowns_and_colours() {
        let rules = [
            Markdown {
                weeks: 4,
                percent: 25,
            },
            Markdown {
                weeks: 6,
                percent: 50,
            },
        ];
        let price = Money::from_cents(1000);
        let cases = [
            (0, None),
            (27, None),
            (28, Some(750)),
            (41, Some(750)),
            (42, Some(500)),
            (400, Some(500)),
        ];
        for (days, expected) in cases {
            let got = marked_down(price, days, &rules)
                .expect("markdown")
                .map(|(_, p)| p.cents());
            assert_eq!(got, expected, "{days} days");
        }
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let next = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(week_colour(monday), week_colour(sunday));
        assert_ne!(week_colour(sunday), week_colour(next));
    }
}
