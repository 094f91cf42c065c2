//! « Bilans », for managers: the takings or the tonnage of a day, a month or a year, the
//! period moved with ←→, its length with F3, the grouping with Tab, the report with F2; a
//! bar chart of the main table above the tables, which scroll (↑↓), and beside it for
//! the takings a sparkline of the last four weeks' days. Every figure comes
//! from the report definitions ([`crate::reports`]), as the command line's do.

use super::keys::{self, Action, Binding, bind};
use super::theme;
use super::view::{Cx, Effect, Go, View};
use crate::i18n::Msg;
use crate::ops::{self, OpsError};
use crate::reports::{By, Cell, Report};
use chrono::{Datelike, Months, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Gauge, Paragraph, Sparkline};

const BINDINGS: &[Binding] = &[
    bind(KeyCode::Left, Action::Left, Some(Msg::KeyPeriod)),
    bind(KeyCode::Right, Action::Right, None),
    bind(KeyCode::Tab, Action::NextField, Some(Msg::KeyGrouping)),
    bind(KeyCode::F(2), Action::Add, Some(Msg::KeyOtherReport)),
    bind(KeyCode::F(3), Action::Edit, Some(Msg::KeyPeriodLength)),
    bind(KeyCode::F(5), Action::Reprint, Some(Msg::KeyExportFiles)),
    bind(KeyCode::F(6), Action::Toggle, Some(Msg::KeyCentral)),
    keys::LIST[0],
    keys::LIST[1],
    keys::BACK,
];

/// How long the period shown is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    Day,
    Month,
    Year,
}

/// Which report the screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Takings,
    Tonnage,
    Targets,
}

pub struct ReportsView {
    kind: Kind,
    length: Length,
    /// A day inside the period shown.
    anchor: NaiveDate,
    by: By,
    report: Option<Report>,
    scroll: usize,
    /// The takings of each of the last four weeks' days up to the period's end, in
    /// euros (the sparkline beside the bars).
    recent: Vec<u64>,
    /// Every installation's figures, read in the central database (F6).
    whole: bool,
}

/// How many days the sparkline shows: one a column.
const RECENT_DAYS: u64 = 28;

impl ReportsView {
    pub fn open(cx: &mut Cx) -> ops::Result<ReportsView> {
        let mut view = ReportsView {
            kind: Kind::Takings,
            length: Length::Month,
            anchor: cx.now.date_naive(),
            by: By::Day,
            report: None,
            scroll: 0,
            recent: Vec::new(),
            whole: false,
        };
        view.reload(cx)?;
        Ok(view)
    }

    fn period(&self) -> (NaiveDate, NaiveDate) {
        let a = self.anchor;
        match self.length {
            Length::Day => (a, a),
            Length::Month => {
                let first = a.with_day(1).unwrap_or(a);
                let last = first
                    .checked_add_months(Months::new(1))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(a);
                (first, last)
            }
            Length::Year => (
                NaiveDate::from_ymd_opt(a.year(), 1, 1).unwrap_or(a),
                NaiveDate::from_ymd_opt(a.year(), 12, 31).unwrap_or(a),
            ),
        }
    }

    fn reload(&mut self, cx: &mut Cx) -> ops::Result<()> {
        let session = cx.session.ok_or(OpsError::NotInitialised)?;
        let (from, to) = self.period();
        // The central's figures for takings and tonnage; the targets stay this site's.
        let mut central = match (self.whole, cx.central) {
            (true, Some(url)) if self.kind != Kind::Targets => Some(ops::central::connect(url)?),
            _ => None,
        };
        let mut takings = |cx: &mut Cx, from, to, by| match central.as_mut() {
            Some(c) => ops::central::takings(c, session, None, from, to, by),
            None => ops::reports::takings(cx.store, session, from, to, by),
        };
        if self.kind == Kind::Takings {
            let start = to - chrono::Days::new(RECENT_DAYS - 1);
            let days = takings(cx, start, to, By::Day)?;
            self.recent = crate::reports::board::every_day(start, to, days.sections.first())
                .into_iter()
                .map(|(_, cell)| match cell {
                    Cell::Money(m) => (m.cents() / 100).max(0).unsigned_abs(),
                    _ => 0,
                })
                .collect();
        }
        self.report = Some(match self.kind {
            Kind::Takings => takings(cx, from, to, self.by)?,
            Kind::Tonnage => match central.as_mut() {
                Some(c) => ops::central::tonnage(c, session, None, from, to)?,
                None => ops::reports::tonnage(cx.store, session, from, to)?,
            },
            Kind::Targets => {
                ops::reports::targets(cx.store, session, self.anchor.year(), cx.now.date_naive())?
            }
        });
        Ok(())
    }

    fn shift(&mut self, forward: bool) {
        let a = self.anchor;
        self.anchor = match (self.length, forward) {
            (Length::Day, true) => a.succ_opt(),
            (Length::Day, false) => a.pred_opt(),
            (Length::Month, true) => a.checked_add_months(Months::new(1)),
            (Length::Month, false) => a.checked_sub_months(Months::new(1)),
            (Length::Year, true) => a.checked_add_months(Months::new(12)),
            (Length::Year, false) => a.checked_sub_months(Months::new(12)),
        }
        .unwrap_or(a);
    }

    /// The lines of every table, section titles in bold; columns as wide as their
    /// figures, those that do not fit in 78 columns left to the files.
    fn lines(&self) -> Vec<Line<'static>> {
        let Some(report) = &self.report else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        for section in &report.sections {
            let heads: Vec<String> = section
                .columns
                .iter()
                .map(|c| c.text().to_owned())
                .collect();
            if heads.first().map(String::as_str) != Some(section.title.text()) {
                lines.push(Line::from(section.title.text().to_owned()).bold());
            }
            let body: Vec<Vec<(String, bool)>> = section
                .rows
                .iter()
                .chain(section.total.iter())
                .map(|r| r.iter().map(|c| (c.display(), c.is_number())).collect())
                .collect();
            let widths = column_widths(&heads, &body);
            let row = |cells: &[(String, bool)]| {
                cells
                    .iter()
                    .zip(&widths)
                    .map(|((text, number), w)| {
                        let text: String = text.chars().take(*w).collect();
                        if *number {
                            format!("{text:>w$}")
                        } else {
                            format!("{text:<w$}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("  ")
            };
            let head_cells: Vec<(String, bool)> = heads
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    (
                        h.clone(),
                        body.iter().any(|r| r.get(i).is_some_and(|c| c.1)),
                    )
                })
                .collect();
            lines.push(Line::from(row(&head_cells)).style(theme::label()));
            let total_at = section.total.as_ref().map(|_| body.len() - 1);
            for (i, cells) in body.iter().enumerate() {
                let line = Line::from(row(cells));
                lines.push(if Some(i) == total_at {
                    line.style(theme::title())
                } else {
                    line
                });
            }
            lines.push(Line::from(""));
        }
        lines
    }

    /// F5: the report shown, as CSV and XLSX in the export folder.
    fn save(&self, cx: &mut Cx) -> Effect {
        let Some(report) = &self.report else {
            return Effect::None;
        };
        let kind = match self.kind {
            Kind::Takings => format!("ca-{}", self.by.code()),
            Kind::Tonnage => "tonnages".to_owned(),
            Kind::Targets => "objectifs".to_owned(),
        };
        let stem = format!("{kind}-{}-{}", report.from, report.to);
        match ops::reports::save(report, cx.export_dir, &stem) {
            // The names first: the folder is long and always the same.
            Ok(_) => Effect::Info(Msg::ReportSaved.fill(&[&stem, &cx.export_dir.display()])),
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    /// The bars of the main table: its first money or weight column, a bar per row, in
    /// euros or kilograms.
    fn bars(&self) -> Vec<(String, u64)> {
        let Some(section) = self.report.as_ref().and_then(|r| r.sections.first()) else {
            return Vec::new();
        };
        crate::reports::bars(section)
            .into_iter()
            .map(|(label, cell)| {
                let value = match cell {
                    Cell::Money(m) => m.cents() / 100,
                    Cell::Grams(g) => g / 1000,
                    _ => 0,
                };
                (label, value.max(0).unsigned_abs())
            })
            .collect()
    }
}

/// Each column as wide as its widest cell (the first at most 26), keeping only the
/// columns that fit in the 78 columns inside the border.
fn column_widths(heads: &[String], body: &[Vec<(String, bool)>]) -> Vec<usize> {
    let mut widths = Vec::new();
    let mut used = 0;
    for (i, head) in heads.iter().enumerate() {
        let widest = body
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.0.chars().count())
            .chain(std::iter::once(head.chars().count()))
            .max()
            .unwrap_or(0);
        let width = if i == 0 { widest.min(26) } else { widest };
        if used + width + 2 > 78 && i > 0 {
            break;
        }
        used += width + 2;
        widths.push(width);
    }
    widths
}

impl View for ReportsView {
    fn title(&self) -> String {
        Msg::ModeReports.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        BINDINGS.to_vec()
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Left | Action::Right => self.shift(action == Action::Right),
            Action::NextField if self.kind == Kind::Takings => {
                let at = By::ALL.iter().position(|b| *b == self.by).unwrap_or(0);
                self.by = By::ALL[(at + 1) % By::ALL.len()];
            }
            Action::Add => {
                self.kind = match self.kind {
                    Kind::Takings => Kind::Tonnage,
                    Kind::Tonnage => Kind::Targets,
                    Kind::Targets => Kind::Takings,
                }
            }
            Action::Edit => {
                self.length = match self.length {
                    Length::Day => Length::Month,
                    Length::Month => Length::Year,
                    Length::Year => Length::Day,
                }
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                return Effect::None;
            }
            Action::Down => {
                self.scroll = (self.scroll + 1).min(self.lines().len().saturating_sub(1));
                return Effect::None;
            }
            Action::Back => return Effect::GoTo(Go::Home),
            Action::Reprint => return self.save(cx),
            Action::Toggle if cx.central.is_none() => {
                return Effect::Error(Msg::CentralNoUrl.text().to_owned());
            }
            Action::Toggle => self.whole = !self.whole,
            _ => return Effect::None,
        }
        self.scroll = 0;
        match self.reload(cx) {
            Ok(()) => Effect::None,
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let [head, chart, tables] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(7),
            Constraint::Fill(1),
        ])
        .areas(area);
        let (from, to) = match (self.kind, &self.report) {
            (Kind::Targets, Some(r)) => (r.from, r.to),
            _ => self.period(),
        };
        let mut title = format!(
            " {} — {} → {}",
            self.report.as_ref().map_or("", |r| r.title.text()),
            from.format("%d/%m/%Y"),
            to.format("%d/%m/%Y")
        );
        if self.kind == Kind::Takings {
            title.push_str(&format!(" — {}", self.by.label().text()));
        }
        if self.whole && self.kind != Kind::Targets {
            title.push_str(&format!(" — {}", Msg::ReportsWhole.text()));
        }
        let provisional = self.report.as_ref().is_some_and(|r| r.provisional);
        let mut head_line = vec![ratatui::text::Span::styled(title, theme::title())];
        if provisional {
            head_line.push(ratatui::text::Span::styled(
                format!(" ({})", Msg::ReportProvisionalShort.text()),
                theme::error(),
            ));
        }
        if self.report.as_ref().is_some_and(|r| r.closed) {
            head_line.push(ratatui::text::Span::styled(
                format!(" ({})", Msg::ReportClosedShort.text()),
                theme::info(),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(head_line)), head);
        match self.kind {
            Kind::Targets => self.render_gauges(frame, chart),
            Kind::Takings => {
                let [bars, spark] =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(30)]).areas(chart);
                self.render_bars(frame, bars);
                // The latest days when the box is narrower than the four weeks.
                let room = usize::from(spark.width.saturating_sub(2));
                let shown = &self.recent[self.recent.len().saturating_sub(room)..];
                frame.render_widget(
                    Sparkline::default()
                        .block(Block::bordered().title(Msg::ReportRecentWeeks.text()))
                        .data(shown)
                        .style(theme::title()),
                    spark,
                );
            }
            Kind::Tonnage => self.render_bars(frame, chart),
        }
        let lines: Vec<Line> = self.lines().into_iter().skip(self.scroll).collect();
        frame.render_widget(Paragraph::new(lines).block(Block::bordered()), tables);
    }
}

impl ReportsView {
    /// A gauge per indicator of the structure: the share reached, the year gone beside.
    fn render_gauges(&self, frame: &mut Frame, area: Rect) {
        let Some(section) = self.report.as_ref().and_then(|r| r.sections.first()) else {
            return;
        };
        let block = Block::bordered();
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let rows = Layout::vertical([Constraint::Length(1); 5]).split(inner);
        for (i, row) in section.rows.iter().skip(1).enumerate() {
            let (Some(Cell::Text(name)), Some(Cell::Share(reached)), Some(Cell::Share(gone))) =
                (row.first(), row.get(3), row.get(4))
            else {
                continue;
            };
            let Some(slot) = rows.get(i * 2) else {
                continue;
            };
            let ratio = (*reached as f64 / 10_000.0).clamp(0.0, 1.0);
            let style = if reached >= gone {
                theme::info()
            } else {
                theme::error()
            };
            frame.render_widget(
                Gauge::default()
                    .gauge_style(style)
                    .ratio(ratio)
                    .label(format!(
                        "{name} : {} ({} : {})",
                        Cell::Share(*reached).display(),
                        Msg::ColYearGone.text(),
                        Cell::Share(*gone).display()
                    )),
                *slot,
            );
        }
    }

    fn render_bars(&self, frame: &mut Frame, chart: Rect) {
        let bars: Vec<Bar> = self
            .bars()
            .into_iter()
            .map(|(label, value)| Bar::default().label(Line::from(label)).value(value))
            .collect();
        frame.render_widget(
            BarChart::default()
                .block(Block::bordered())
                .data(BarGroup::default().bars(&bars))
                .bar_width(5)
                .bar_gap(1)
                .bar_style(theme::title()),
            chart,
        );
    }
}
