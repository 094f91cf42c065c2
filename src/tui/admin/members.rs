//! The member register (« Adhérents »), for managers: the members registered last, or
//! those a search finds (a name's start, a number, an email, a card scanned into the
//! search field); add and edit a member, flip the consent to be contacted, print a card
//! on the receipt printer; under the list, the selected member's details and fees.

use crate::domain::member::MemberKind;
use crate::i18n::Msg;
use crate::ops::{self, members};
use crate::storage::members::{Fee, Member};
use crate::tui::form::{Field, Form};
use crate::tui::keys::{self, Action, Binding};
use crate::tui::table::{Intent, Refusal, Table, session};
use crate::tui::view::Cx;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Constraint;

/// How many members the register lists before a search.
const LATEST: usize = 200;

const SEARCH: Binding = keys::bind(KeyCode::F(5), Action::Search, Some(Msg::KeySearch));
const CARD: Binding = keys::bind(KeyCode::F(6), Action::MemberCard, Some(Msg::KeyCard));
const CONSENT: Binding = keys::bind(KeyCode::F(4), Action::Enable, Some(Msg::KeyConsent));

// The fields of the member form, in order.
const NAME: usize = 0;
const FIRST_NAME: usize = 1;
const ADDRESS: usize = 2;
const POSTCODE: usize = 3;
const TOWN: usize = 4;
const EMAIL: usize = 5;
const PHONE: usize = 6;
const KIND: usize = 7;
const CONSENTS: usize = 8;
const NOTES: usize = 9;

#[derive(Default)]
pub struct MembersTable {
    /// What the last search typed; empty: the members registered last.
    filter: String,
    members: Vec<Member>,
    /// The fees of each listed member, in the list's order.
    fees: Vec<Vec<Fee>>,
    /// The day of the last load: a member whose fee ended before it is dimmed.
    today: Option<chrono::NaiveDate>,
}

fn yes_no(yes: bool) -> String {
    if yes { Msg::Yes } else { Msg::No }.text().to_owned()
}

fn day(iso: &str) -> String {
    members::parse_day(iso)
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|| iso.to_owned())
}

fn member_form(title: String, m: &Member) -> Form {
    let kind = MemberKind::parse(&m.kind).unwrap_or(MemberKind::Individuel);
    let name = if m.last_name.is_empty() {
        &m.organisation
    } else {
        &m.last_name
    };
    Form::new(
        title,
        vec![
            Field::text(Msg::FormLastName, name, 60),
            Field::text(Msg::FormFirstName, &m.first_name, 60),
            Field::text(Msg::FormAddress, &m.address, 80),
            Field::text(Msg::FormPostcode, &m.postcode, 10),
            Field::text(Msg::FormTown, &m.town, 60),
            Field::text(Msg::FormEmail, m.email.as_deref().unwrap_or(""), 80),
            Field::text(Msg::FormPhone, m.phone.as_deref().unwrap_or(""), 20),
            Field::choice(
                Msg::ColKind,
                MemberKind::ALL
                    .iter()
                    .map(|k| k.name().text().to_owned())
                    .collect(),
                MemberKind::ALL.iter().position(|k| *k == kind).unwrap_or(0),
            ),
            Field::choice(
                Msg::ColConsent,
                vec![yes_no(false), yes_no(true)],
                usize::from(m.consent),
            ),
            Field::text(Msg::FormNotes, &m.notes, 200),
        ],
    )
}

/// The member `form` describes, over `base` (the row being edited, or a new one).
fn from_form(form: &Form, base: &Member) -> Member {
    let kind = MemberKind::ALL
        .get(form.choice(KIND))
        .copied()
        .unwrap_or(MemberKind::Individuel);
    let name = form.value(NAME).to_owned();
    let (last_name, organisation) = if kind == MemberKind::PersonneMorale {
        (String::new(), name)
    } else {
        (name, String::new())
    };
    let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    Member {
        kind: kind.code().to_owned(),
        last_name,
        first_name: form.value(FIRST_NAME).to_owned(),
        organisation,
        address: form.value(ADDRESS).to_owned(),
        postcode: form.value(POSTCODE).to_owned(),
        town: form.value(TOWN).to_owned(),
        email: optional(form.value(EMAIL)),
        phone: optional(form.value(PHONE)),
        consent: form.choice(CONSENTS) == 1,
        notes: form.value(NOTES).to_owned(),
        ..base.clone()
    }
}

/// "Enregistré", and the possible duplicates when there are some.
fn saved(number: i64, twins: &[Member]) -> String {
    if twins.is_empty() {
        return Msg::MemberSaved.fill(&[&number]);
    }
    let list: Vec<String> = twins
        .iter()
        .take(3)
        .map(|t| Msg::MemberChoice.fill(&[&t.number, &t.display_name()]))
        .collect();
    Msg::MemberSavedTwins.fill(&[&number, &list.join(", ")])
}

impl Table for MembersTable {
    fn title(&self) -> Msg {
        Msg::TitleMembers
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColMemberNumber, Constraint::Length(6)),
            (Msg::ColMemberName, Constraint::Fill(3)),
            (Msg::ColTown, Constraint::Fill(2)),
            (Msg::ColKind, Constraint::Length(11)),
            (Msg::ColUntil, Constraint::Length(10)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.today = Some(cx.now.date_naive());
        self.members = if self.filter.is_empty() {
            members::latest(cx.store, LATEST)?
        } else {
            members::find(cx.store, &self.filter)?
        };
        let numbers: Vec<i64> = self.members.iter().map(|m| m.number).collect();
        let mut by_member: std::collections::HashMap<i64, Vec<Fee>> = Default::default();
        for fee in members::fees_of_members(cx.store, &numbers)? {
            by_member.entry(fee.member).or_default().push(fee);
        }
        self.fees = self
            .members
            .iter()
            .map(|m| by_member.remove(&m.number).unwrap_or_default())
            .collect();
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.members
            .iter()
            .map(|m| {
                vec![
                    m.number.to_string(),
                    m.display_name(),
                    m.town.clone(),
                    m.kind().name().text().to_owned(),
                    m.valid_until.as_deref().map(day).unwrap_or_default(),
                ]
            })
            .collect()
    }

    /// A member whose membership ended (or who never paid) is shown dimmed.
    fn is_active(&self, row: usize) -> bool {
        let until = self
            .members
            .get(row)
            .and_then(|m| m.valid_until.as_deref())
            .and_then(members::parse_day);
        matches!((until, self.today), (Some(until), Some(today)) if until >= today)
    }

    fn standard_bindings(&self) -> Vec<Binding> {
        vec![
            keys::bind(KeyCode::F(2), Action::Add, Some(Msg::KeyNewMember)),
            keys::EDIT,
            CONSENT,
        ]
    }

    fn extra_bindings(&self) -> Vec<Binding> {
        vec![SEARCH, CARD]
    }

    fn detail(&self, row: usize) -> Vec<String> {
        let Some(m) = self.members.get(row) else {
            return vec![Msg::MembersSearchHint.text().to_owned()];
        };
        let mut lines = vec![
            Msg::MemberDetail.fill(&[
                &m.number,
                &m.display_name(),
                &m.kind().name().text(),
                &day(&m.joined_on),
            ]),
            Msg::MemberContact.fill(&[
                &[m.address.as_str(), m.postcode.as_str(), m.town.as_str()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
                &m.email.as_deref().unwrap_or("—"),
                &m.phone.as_deref().unwrap_or("—"),
                &yes_no(m.consent),
            ]),
        ];
        let fees = self.fees.get(row).map(Vec::as_slice).unwrap_or_default();
        if fees.is_empty() {
            lines.push(Msg::MemberNeverPaid.text().to_owned());
        }
        // The latest fees first: what a manager asks about.
        for fee in fees.iter().rev().take(3) {
            lines.push(Msg::MemberFeeRow.fill(&[
                &day(&fee.paid_on),
                &fee.offer,
                &fee.amount,
                &day(&fee.valid_from),
                &day(&fee.valid_until),
            ]));
        }
        if !m.notes.is_empty() {
            lines.push(m.notes.clone());
        }
        lines
    }

    fn form(&self, intent: Intent, row: Option<usize>) -> Option<Form> {
        let member = row.and_then(|r| self.members.get(r));
        match (intent, member) {
            (Intent::Add, _) => Some(member_form(
                Msg::FormTitleMember.text().to_owned(),
                &Member::default(),
            )),
            (Intent::Edit, Some(m)) => Some(member_form(
                format!("{} n° {}", Msg::FormTitleMember.text(), m.number),
                m,
            )),
            (Intent::Search, _) => Some(Form::new(
                Msg::MembersSearchHint.text(),
                vec![Field::text(Msg::FormMemberSearch, &self.filter, 60)],
            )),
            _ => None,
        }
    }

    fn submit(
        &mut self,
        intent: Intent,
        row: Option<usize>,
        form: &Form,
        cx: &mut Cx,
    ) -> Result<String, Refusal> {
        let session = session(cx).map_err(|e| (0, e.to_string()))?.clone();
        let member = row.and_then(|r| self.members.get(r)).cloned();
        match (intent, member) {
            (Intent::Add, _) => {
                let m = from_form(form, &Member::default());
                let (number, twins) = members::register(cx.store, &session, m, cx.now)
                    .map_err(|e| (NAME, e.to_string()))?;
                // The new member heads the list, selected after the reload.
                self.filter.clear();
                Ok(saved(number, &twins))
            }
            (Intent::Edit, Some(base)) => {
                let m = from_form(form, &base);
                let twins =
                    members::update(cx.store, &session, m).map_err(|e| (NAME, e.to_string()))?;
                Ok(saved(base.number, &twins))
            }
            (Intent::Search, _) => {
                let words = form.value(0).trim().to_owned();
                let said = if words.is_empty() {
                    Msg::MembersLatest.fill(&[&LATEST])
                } else {
                    let found = members::find(cx.store, &words).map_err(|e| (0, e.to_string()))?;
                    if found.is_empty() {
                        return Err((0, Msg::MembersNone.text().to_owned()));
                    }
                    Msg::CliMemberList.fill(&[&found.len()])
                };
                self.filter = words;
                Ok(said)
            }
            _ => Err((0, Msg::ErrNotFound.fill(&[&Msg::ThingMember]))),
        }
    }

    /// F4 flips the consent to be contacted.
    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let session = session(cx)?.clone();
        match self.members.get(row) {
            Some(m) => {
                let flipped = Member {
                    consent: !m.consent,
                    ..m.clone()
                };
                members::update(cx.store, &session, flipped).map(|_| ())
            }
            None => Ok(()),
        }
    }

    /// F6 prints the selected member's card on the receipt printer.
    fn act(&mut self, action: Action, row: usize, cx: &mut Cx) -> Option<Result<String, String>> {
        if action != Action::MemberCard {
            return None;
        }
        let m = self.members.get(row)?;
        let card = match members::card(cx.store, m.number) {
            Ok(card) => card,
            Err(e) => return Some(Err(e.to_string())),
        };
        let slip = crate::print::member_card::slip(&card);
        Some(match cx.printer {
            None => Err(Msg::TillNoPrinter.text().to_owned()),
            Some(printer) => printer
                .print(&card.code, &slip)
                .map(|()| Msg::CardPrinted.fill(&[&m.number]))
                .map_err(|e| e.to_string()),
        })
    }
}
