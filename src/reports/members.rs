//! The membership's report: members by kind and by town (registered, current), new and
//! renewed per year, memberships ending within 30 days (with the email, for a reminder,
//! when the member agreed to be contacted), fee and donation income by month, and the
//! members with no fee for three years (for a clean-up of personal data). Fees and
//! donations are never takings: they are here, not in the takings report.

use super::{Cell, Report, Section};
use crate::domain::Money;
use crate::i18n::Msg;
use crate::storage::member_lists::Ending;
use chrono::NaiveDate;

/// What the report reads, from storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MembersData {
    pub by_kind: Vec<(String, i64, i64)>,
    pub by_town: Vec<(String, i64, i64)>,
    pub years: Vec<(i32, i64, i64)>,
    pub ending: Vec<Ending>,
    pub income: Vec<(String, Money, Money)>,
    pub idle: Vec<(i64, String, Option<String>)>,
}

fn kind_name(code: &str) -> String {
    crate::domain::member::MemberKind::parse(code)
        .map(|k| k.name().text().to_owned())
        .unwrap_or_else(|_| code.to_owned())
}

fn counts(
    title: Msg,
    first: Msg,
    rows: &[(String, i64, i64)],
    name: impl Fn(&str) -> String,
) -> Section {
    Section {
        title,
        columns: vec![first, Msg::ColRegistered, Msg::ColCurrent],
        rows: rows
            .iter()
            .map(|(g, all, current)| {
                vec![
                    Cell::Text(name(g)),
                    Cell::Count(*all),
                    Cell::Count(*current),
                ]
            })
            .collect(),
        total: Some(vec![
            Cell::Text(Msg::ReportTotal.text().to_owned()),
            Cell::Count(rows.iter().map(|r| r.1).sum()),
            Cell::Count(rows.iter().map(|r| r.2).sum()),
        ]),
    }
}

pub fn build(from: NaiveDate, to: NaiveDate, data: &MembersData) -> Report {
    let date = |iso: &str| {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|_| iso.to_owned())
    };
    let (fees, gifts) = data.income.iter().fold((0, 0), |(f, g), (_, fee, gift)| {
        (f + fee.cents(), g + gift.cents())
    });
    let sections = vec![
        counts(
            Msg::SectionMembersByKind,
            Msg::ColKind,
            &data.by_kind,
            kind_name,
        ),
        counts(
            Msg::SectionMembersByTown,
            Msg::ColTown,
            &data.by_town,
            |t| t.to_owned(),
        ),
        Section {
            title: Msg::SectionMembersYears,
            columns: vec![Msg::ColYear, Msg::ColNew, Msg::ColRenewed],
            rows: data
                .years
                .iter()
                .map(|(y, new, renewed)| {
                    vec![
                        Cell::Text(y.to_string()),
                        Cell::Count(*new),
                        Cell::Count(*renewed),
                    ]
                })
                .collect(),
            total: None,
        },
        Section {
            title: Msg::SectionMembersEnding,
            columns: vec![
                Msg::ColMemberNumber,
                Msg::ColMemberName,
                Msg::ColEmail,
                Msg::ColUntil,
            ],
            rows: data
                .ending
                .iter()
                .map(|e| {
                    vec![
                        Cell::Count(e.number),
                        Cell::Text(e.name.clone()),
                        // Only who agreed to be contacted gets a reminder.
                        Cell::Text(e.email.clone().filter(|_| e.consent).unwrap_or_default()),
                        Cell::Text(date(&e.until)),
                    ]
                })
                .collect(),
            total: None,
        },
        Section {
            title: Msg::SectionMembersIncome,
            columns: vec![Msg::ByMonth, Msg::ColFees, Msg::ColDonations],
            rows: data
                .income
                .iter()
                .map(|(m, fee, gift)| {
                    vec![Cell::Text(m.clone()), Cell::Money(*fee), Cell::Money(*gift)]
                })
                .collect(),
            total: Some(vec![
                Cell::Text(Msg::ReportTotal.text().to_owned()),
                Cell::Money(Money::from_cents(fees)),
                Cell::Money(Money::from_cents(gifts)),
            ]),
        },
        Section {
            title: Msg::SectionMembersIdle,
            columns: vec![Msg::ColMemberNumber, Msg::ColMemberName, Msg::ColLastFee],
            rows: data
                .idle
                .iter()
                .map(|(n, name, last)| {
                    vec![
                        Cell::Count(*n),
                        Cell::Text(name.clone()),
                        Cell::Text(last.as_deref().map(date).unwrap_or_default()),
                    ]
                })
                .collect(),
            total: None,
        },
    ];
    Report {
        title: Msg::TitleMembers,
        from,
        to,
        provisional: false,
        closed: false,
        sections,
    }
}
