//! The sorting bench (« Tri / Apports »): record an intake — provenance, town (type-ahead),
//! then weighed lines of category, gross weight, container and destination — see today's
//! work beside it, then create priced items from it and send their labels to the label
//! printer. Every weight is checked by the domain (zero, above the scale, net below zero)
//! and refused with the reason; what was typed stays.

mod items;
mod outbound;

use super::form::{Field, Form, FormEvent};
use super::keys::{self, Action, Binding, bind};
use super::theme;
use super::view::{Cx, Effect, Go, View};
use crate::domain::{CategoryId, Destination, IntakeLine, SiteId, Weight, search_key};
use crate::i18n::Msg;
use crate::ops::sorting::{self, IntakeHeader};
use crate::ops::{self, OpsError};
use crate::storage::sorting::{List, Listed};
use crate::storage::till_catalogue::Sellable;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

const SAVE: Binding = bind(KeyCode::F(2), Action::Pay, Some(Msg::KeySaveIntake));
const ITEMS: Binding = bind(KeyCode::F(3), Action::Price, Some(Msg::KeyMakeItems));
const LABELS: Binding = bind(KeyCode::F(5), Action::Reprint, Some(Msg::KeyPrintLabels));
const REMOVE: Binding = bind(KeyCode::Delete, Action::Remove, Some(Msg::KeyRemove));
const OUTBOUND: Binding = bind(KeyCode::F(6), Action::Park, Some(Msg::KeyOutbound));
const CORRECT: Binding = bind(KeyCode::F(7), Action::Resume, Some(Msg::KeyCorrect));
const SAVE_OUT: Binding = bind(KeyCode::F(2), Action::Pay, Some(Msg::KeySaveOutbound));
const ADD_LINE: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyAddLine));

// The intake form's fields.
const SOURCE: usize = 0;
const TOWN: usize = 1;
const CATEGORY: usize = 2;
const GROSS: usize = 3;
const CONTAINER: usize = 4;
const DESTINATION: usize = 5;
const NOTE: usize = 6;

/// A weight typed at the bench, within the reach of a scale weighing up to `max`.
pub(super) fn weighed(typed: &str, max: Weight) -> Result<Weight, String> {
    match Weight::parse(typed) {
        Ok(w) if w <= max => Ok(w),
        Ok(w) => Err(crate::domain::DomainError::AboveScale { gross: w, max }.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The one entry `typed` names: exactly, by its shortcut, or as the only one starting with
/// it (then containing it); `Err` with the candidates when it is not one.
pub(super) fn resolve<'a, T>(
    typed: &str,
    entries: &'a [T],
    name: impl Fn(&T) -> &str,
    shortcut: impl Fn(&T) -> Option<&str>,
) -> Result<&'a T, Vec<String>> {
    let wanted = search_key(typed.trim());
    if wanted.is_empty() {
        return Err(Vec::new());
    }
    if let Some(e) = entries.iter().find(|e| {
        search_key(name(e)) == wanted || shortcut(e).is_some_and(|s| search_key(s) == wanted)
    }) {
        return Ok(e);
    }
    for matches in [
        |n: &str, w: &str| n.starts_with(w),
        |n: &str, w: &str| n.contains(w),
    ] {
        let found: Vec<&T> = entries
            .iter()
            .filter(|e| matches(&search_key(name(e)), &wanted))
            .collect();
        match found.as_slice() {
            [one] => return Ok(one),
            [] => {}
            many => return Err(many.iter().take(4).map(|e| name(e).to_owned()).collect()),
        }
    }
    Err(Vec::new())
}

enum Mode {
    Intake,
    Items(items::ItemsForm),
    Outbound(outbound::OutboundForm),
}

pub struct SortingView {
    site: SiteId,
    /// Where the items made here are for sale: this terminal's point of sale.
    point_of_sale: crate::domain::PointOfSaleId,
    scale_max: Weight,
    sources: Vec<Listed>,
    towns: Vec<Listed>,
    containers: Vec<Listed>,
    /// Outbound flows' material fractions and recipients, as the manager keeps them.
    fractions: Vec<Listed>,
    recipients: Vec<Listed>,
    /// Categories with their shortcuts (from the till's catalogue).
    categories: Vec<Sellable>,
    /// The price grid, to suggest prices.
    grid: Vec<crate::storage::till_catalogue::EntryRow>,
    form: Form,
    lines: Vec<IntakeLine>,
    /// The last intake recorded here, and its lines: items are made from it.
    last_intake: Option<(i64, Vec<IntakeLine>)>,
    /// The form as it stood when the last intake was saved (provenance, town, note):
    /// a correction starts from it, never from the defaults.
    last_form: Option<Form>,
    /// The intake being corrected: saving writes a new record that replaces it.
    correcting: Option<i64>,
    /// Codes of the items made here whose labels are not printed yet.
    to_label: Vec<String>,
    summary: (Vec<(String, i64)>, i64),
    mode: Mode,
}

impl SortingView {
    pub fn open(cx: &mut Cx) -> ops::Result<SortingView> {
        let session = cx.session.ok_or(OpsError::NotInitialised)?;
        session.require_any(&[crate::domain::Role::Sorter, crate::domain::Role::Manager])?;
        let terminal = cx.terminal.cloned();
        let (site, point_of_sale) = match ops::places::choose_terminal(cx.store, terminal.as_ref())?
        {
            Some((_, pos)) => (pos.site_id, pos.id),
            None => return Err(OpsError::NotInitialised),
        };
        let scale_max = sorting::scale_max(cx.store, site)?;
        let sources = sorting::list(cx.store, List::Sources)?;
        let towns = sorting::list(cx.store, List::Towns)?;
        let containers = sorting::list(cx.store, List::Containers)?;
        let fractions = sorting::list(cx.store, List::Fractions)?;
        let recipients = sorting::list(cx.store, List::Recipients)?;
        let categories = ops::till::sellables(cx.store)?
            .into_iter()
            .filter(|s| s.entry_id.is_none())
            .collect();
        let grid = ops::grid::entries(cx.store)?
            .into_iter()
            .filter(|e| e.active)
            .collect();
        let mut view = SortingView {
            site,
            point_of_sale,
            grid,
            scale_max,
            form: Form::new("", Vec::new()),
            sources,
            towns,
            containers,
            fractions,
            recipients,
            categories,
            lines: Vec::new(),
            last_intake: None,
            last_form: None,
            correcting: None,
            to_label: Vec::new(),
            summary: (Vec::new(), 0),
            mode: Mode::Intake,
        };
        view.form = view.new_form();
        view.refresh(cx);
        Ok(view)
    }

    fn new_form(&self) -> Form {
        let mut containers = vec![Msg::SortNoContainer.text().to_owned()];
        containers.extend(self.containers.iter().map(|c| {
            format!(
                "{} ({})",
                c.name,
                Weight::from_grams(c.tare_g)
                    .map(|w| w.to_string())
                    .unwrap_or_else(|_| "0 g".into())
            )
        }));
        Form::new(
            Msg::SortIntakeTitle.text(),
            vec![
                Field::choice(
                    Msg::SortSource,
                    self.sources.iter().map(|s| s.name.clone()).collect(),
                    0,
                ),
                Field::text(Msg::SortTown, "", 40),
                Field::text(Msg::SortCategory, "", 40),
                Field::text(Msg::SortGross, "", 12),
                Field::choice(Msg::SortContainer, containers, 0),
                Field::choice(
                    Msg::SortDestination,
                    Destination::ALL
                        .iter()
                        .map(|d| d.label().text().to_owned())
                        .collect(),
                    0,
                ),
                Field::text(Msg::SortNote, "", 60),
            ],
        )
    }

    fn refresh(&mut self, cx: &mut Cx) {
        let day = cx.now.date_naive().format("%Y-%m-%d").to_string();
        if let Ok(summary) = sorting::day_summary(cx.store, &day) {
            self.summary = summary;
        }
    }

    fn category(&self, typed: &str) -> Result<(CategoryId, String), String> {
        resolve(
            typed,
            &self.categories,
            |c| &c.name,
            |c| c.shortcut.as_deref(),
        )
        .map(|c| (c.category_id, c.name.clone()))
        .map_err(|candidates| Msg::SortWhichCategory.fill(&[&typed, &candidates.join(", ")]))
    }

    fn town(&self) -> Result<Option<i64>, String> {
        let typed = self.form.value(TOWN).to_owned();
        if typed.trim().is_empty() {
            return Ok(None);
        }
        resolve(&typed, &self.towns, |t| &t.name, |_| None)
            .map(|t| Some(t.id))
            .map_err(|candidates| Msg::SortWhichTown.fill(&[&typed, &candidates.join(", ")]))
    }

    fn add_line(&mut self) -> Effect {
        let category = match self.category(self.form.value(CATEGORY)) {
            Ok(category) => category,
            Err(problem) => {
                self.form.refuse(CATEGORY, problem);
                return Effect::None;
            }
        };
        let gross = match Weight::parse(self.form.value(GROSS)) {
            Ok(gross) => gross,
            Err(e) => {
                self.form.refuse(GROSS, e.to_string());
                return Effect::None;
            }
        };
        let container = self
            .form
            .choice(CONTAINER)
            .checked_sub(1)
            .and_then(|i| self.containers.get(i))
            .map(|c| (c.name.clone(), c.tare_g));
        let destination = Destination::ALL[self.form.choice(DESTINATION).min(2)];
        match IntakeLine::new(category, gross, container, destination, self.scale_max) {
            Ok(line) => {
                let text = Msg::SortLineAdded.fill(&[&line.category, &line.net()]);
                self.lines.push(line);
                self.form.clear(CATEGORY);
                self.form.clear(GROSS);
                self.form.focus = CATEGORY;
                Effect::Info(text)
            }
            Err(e) => {
                self.form.refuse(GROSS, e.to_string());
                Effect::None
            }
        }
    }

    fn save(&mut self, cx: &mut Cx) -> Effect {
        let town = match self.town() {
            Ok(town) => town,
            Err(problem) => {
                self.form.refuse(TOWN, problem);
                return Effect::None;
            }
        };
        let Some(source) = self.sources.get(self.form.choice(SOURCE)) else {
            return Effect::Error(Msg::SortNoSource.text().to_owned());
        };
        let header = IntakeHeader {
            site: self.site,
            source: source.id,
            town,
            note: self.form.value(NOTE).trim().to_owned(),
        };
        let Some(session) = cx.session else {
            return Effect::GoTo(Go::Login(None));
        };
        let saved = match self.correcting {
            Some(old) => sorting::correct_intake(
                cx.store,
                session,
                old,
                &header,
                &self.lines,
                &header.note,
                cx.now,
            ),
            None => sorting::record_intake(cx.store, session, &header, &self.lines, cx.now),
        };
        match saved {
            Ok(id) => {
                self.correcting = None;
                let total: i64 = self.lines.iter().map(|l| l.net().grams()).sum();
                self.last_intake = Some((id, std::mem::take(&mut self.lines)));
                // The intake's header (provenance, town, note) for a correction; the
                // line fields start again from their defaults.
                let mut kept = self.new_form();
                for i in [SOURCE, TOWN, NOTE] {
                    if let (Some(to), Some(from)) =
                        (kept.fields.get_mut(i), self.form.fields.get(i))
                    {
                        to.kind = from.kind.clone();
                    }
                }
                self.last_form = Some(kept);
                self.form = self.new_form();
                self.refresh(cx);
                let total = Weight::from_grams(total)
                    .map(|w| w.to_string())
                    .unwrap_or_default();
                Effect::Info(Msg::SortSaved.fill(&[&id, &total]))
            }
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    fn handle_intake(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Pay => return self.save(cx),
            Action::Price => {
                let category = self
                    .last_intake
                    .as_ref()
                    .and_then(|(_, lines)| {
                        lines.iter().find(|l| l.destination == Destination::Reuse)
                    })
                    .map(|l| l.category.clone())
                    .unwrap_or_default();
                let intake = self.last_intake.as_ref().map(|(id, _)| *id);
                self.mode = Mode::Items(items::ItemsForm::new(&category, intake));
                return Effect::None;
            }
            Action::Reprint => return self.print_labels(cx),
            Action::Park => {
                self.mode = Mode::Outbound(outbound::OutboundForm::new(&self.containers));
                return Effect::None;
            }
            Action::Resume => {
                let Some((id, lines)) = self.last_intake.clone() else {
                    return Effect::Info(Msg::SortNothingToCorrect.text().to_owned());
                };
                self.lines = lines;
                self.correcting = Some(id);
                if let Some(form) = &self.last_form {
                    // The intake's own provenance, town and note, as they were saved.
                    self.form = form.clone();
                }
                self.form.focus = NOTE;
                return Effect::Info(Msg::SortCorrecting.fill(&[&id]));
            }
            Action::Remove => {
                if let Some(line) = self.lines.pop() {
                    return Effect::Info(Msg::TillRemoved.fill(&[&line.category]));
                }
                return Effect::None;
            }
            _ => {}
        }
        match self.form.handle(action) {
            FormEvent::Submit => self.add_line(),
            FormEvent::Cancel if self.lines.is_empty() => Effect::GoTo(Go::Home),
            FormEvent::Cancel => Effect::Info(Msg::SortSaveOrRemove.text().to_owned()),
            FormEvent::Editing => Effect::None,
        }
    }

    fn render_side(&self, frame: &mut Frame, area: Rect) {
        let [current, today] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(9)]).areas(area);
        let mut lines: Vec<Line> = match &self.mode {
            Mode::Outbound(out) => out
                .lines
                .iter()
                .map(|(what, l)| {
                    let weight = Weight::from_grams(l.grams)
                        .map(|w| w.to_string())
                        .unwrap_or_default();
                    Line::from(format!("{what:<16.16} {weight:>12}"))
                })
                .collect(),
            _ => self
                .lines
                .iter()
                .map(|l| {
                    Line::from(format!(
                        "{:<14.14} {:>10} {}",
                        l.category,
                        l.net().to_string(),
                        destination_letter(l.destination)
                    ))
                })
                .collect(),
        };
        let town = self.form.value(TOWN);
        if !town.trim().is_empty() {
            let hint = match self.town() {
                Ok(Some(id)) => self
                    .towns
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| format!("→ {}", t.name)),
                _ => Some(Msg::SortTownUnknown.text().to_owned()),
            };
            lines.insert(0, Line::styled(hint.unwrap_or_default(), theme::dim()));
        }
        if lines.is_empty() {
            lines.push(Line::styled(Msg::SortNoLine.text(), theme::dim()));
        }
        // The destinations' letters under the title: a title too long for the panel
        // would be cut.
        lines.insert(0, Line::styled(Msg::SortLinesLegend.text(), theme::dim()));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .block(Block::bordered().title(format!(" {} ", Msg::SortLinesTitle.text()))),
            current,
        );
        let mut day: Vec<Line> = self
            .summary
            .0
            .iter()
            .take(6)
            .map(|(key, grams)| {
                let weight = Weight::from_grams(*grams)
                    .map(|w| w.to_string())
                    .unwrap_or_default();
                Line::from(format!("{:<20.20}{weight:>10}", translate_destination(key)))
            })
            .collect();
        day.push(Line::styled(
            Msg::SortLabelledToday.fill(&[&self.summary.1, &self.to_label.len()]),
            theme::label(),
        ));
        frame.render_widget(
            Paragraph::new(day)
                .block(Block::bordered().title(format!(" {} ", Msg::SortTodayTitle.text()))),
            today,
        );
    }
}

fn destination_letter(d: Destination) -> &'static str {
    match d {
        Destination::Reuse => "R",
        Destination::Recycling => "C",
        Destination::Waste => "D",
    }
}

/// "Textile / reuse" with the destination in words.
fn translate_destination(key: &str) -> String {
    match key.rsplit_once(" / ") {
        Some((category, code)) => {
            let label = Destination::from_code(code)
                .map(|d| d.label().text())
                .unwrap_or(code);
            format!("{category} / {label}")
        }
        None => key.to_owned(),
    }
}

impl View for SortingView {
    fn title(&self) -> String {
        Msg::SortTitle.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        match self.mode {
            Mode::Outbound(_) => {
                let mut b = vec![ADD_LINE, SAVE_OUT, REMOVE];
                b.extend(
                    keys::FORM
                        .iter()
                        .filter(|b| !matches!(b.action, Action::Submit | Action::Toggle)),
                );
                b
            }
            Mode::Intake => {
                let mut b = vec![ADD_LINE, SAVE, ITEMS, LABELS, OUTBOUND, CORRECT, REMOVE];
                b.extend(
                    keys::FORM
                        .iter()
                        .filter(|b| !matches!(b.action, Action::Submit | Action::Toggle)),
                );
                b
            }
            Mode::Items(_) => items::bindings(),
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match self.mode {
            Mode::Intake => self.handle_intake(action, cx),
            Mode::Items(_) => self.handle_items(action, cx),
            Mode::Outbound(_) => self.handle_outbound(action, cx),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let [left, right] =
            Layout::horizontal([Constraint::Min(44), Constraint::Length(34)]).areas(area);
        match &self.mode {
            Mode::Intake => self.form.render(frame, left),
            Mode::Items(items) => items.render(frame, left, &self.categories, &self.grid),
            Mode::Outbound(out) => out.form.render(frame, left),
        }
        self.render_side(frame, right);
    }
}
