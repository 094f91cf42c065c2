//! Targets: for the structure and each site with a target, the year's tonnes collected,
//! tonnes reused and takings against their yearly target, the share reached, and the
//! share of the year gone (on track when the first is at least the second).

use super::{Cell, Report, Section, share};
use crate::i18n::Msg;
use crate::storage::targets::Target;
use chrono::NaiveDate;

/// The share of `year` gone by the end of `today` (all of it for a past year, none for a
/// year to come), in basis points.
pub fn year_gone(year: i32, today: NaiveDate) -> i64 {
    let (Some(first), Some(next)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year + 1, 1, 1),
    ) else {
        return 0;
    };
    let length = (next - first).num_days();
    let gone = (today.succ_opt().unwrap_or(today) - first)
        .num_days()
        .clamp(0, length);
    share(gone, length)
}

/// One scope's progress: `(target if any, actual)`.
fn section(title: String, target: Option<&Target>, actual: &Target, gone: i64) -> Section {
    let figure = |target: Option<i64>, actual: i64, cell: fn(i64) -> Cell| {
        vec![
            target.map_or(Cell::Empty, cell),
            cell(actual),
            target.map_or(Cell::Empty, |t| Cell::Share(share(actual, t))),
            Cell::Share(gone),
        ]
    };
    let row = |label: Msg, cells: Vec<Cell>| {
        let mut row = vec![Cell::Text(label.text().to_owned())];
        row.extend(cells);
        row
    };
    Section {
        title: Msg::TargetsOf,
        columns: vec![
            Msg::ColIndicator,
            Msg::ColTarget,
            Msg::ColDone,
            Msg::ColProgress,
            Msg::ColYearGone,
        ],
        rows: vec![
            vec![Cell::Text(title)],
            row(
                Msg::TargetCollected,
                figure(
                    target.map(|t| t.collected_g),
                    actual.collected_g,
                    Cell::Grams,
                ),
            ),
            row(
                Msg::TargetReused,
                figure(target.map(|t| t.reused_g), actual.reused_g, Cell::Grams),
            ),
            row(
                Msg::TargetTakings,
                figure(
                    target.map(|t| t.takings.cents()),
                    actual.takings.cents(),
                    |c| Cell::Money(crate::domain::Money::from_cents(c)),
                ),
            ),
        ],
        total: None,
    }
}

/// The targets report of `year` as of `today`: the structure first, then each site that
/// has a target.
pub fn build(year: i32, today: NaiveDate, targets: &[Target], actuals: &[Target]) -> Report {
    let gone = year_gone(year, today);
    let whole = Target {
        site_id: 0,
        site: String::new(),
        collected_g: actuals.iter().map(|a| a.collected_g).sum(),
        reused_g: actuals.iter().map(|a| a.reused_g).sum(),
        takings: crate::domain::Money::from_cents(actuals.iter().map(|a| a.takings.cents()).sum()),
    };
    let mut sections = vec![section(
        Msg::TargetStructure.text().to_owned(),
        targets.iter().find(|t| t.site_id == 0),
        &whole,
        gone,
    )];
    for target in targets.iter().filter(|t| t.site_id != 0) {
        let none = Target::default();
        let actual = actuals
            .iter()
            .find(|a| a.site_id == target.site_id)
            .unwrap_or(&none);
        sections.push(section(target.site.clone(), Some(target), actual, gone));
    }
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    Report {
        title: Msg::ReportTargets,
        from,
        to,
        provisional: today < to,
        closed: false,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_of_the_year_gone() {
        let day = |s: &str| s.parse::<NaiveDate>().expect("date");
        let cases = [
            (2026, "2026-01-01", 27),   // one day of 365
            (2026, "2026-07-02", 5014), // 183 days
            (2026, "2026-12-31", 10_000),
            (2026, "2027-03-01", 10_000),
            (2027, "2026-12-31", 0),
            (2028, "2028-12-31", 10_000), // a leap year
        ];
        for (year, today, bp) in cases {
            assert_eq!(year_gone(year, day(today)), bp, "{year} {today}");
        }
    }
}
