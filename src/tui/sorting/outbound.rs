//! Outbound flows (« Sorties »): what leaves without being sold — a donation, a partner,
//! a recycler with its fractions, the municipal dump, the bins — as weighed lines of a
//! category or a material fraction.

use super::super::form::{Field, Form, FormEvent};
use super::super::keys::Action;
use super::super::view::{Cx, Effect};
use super::{Mode, SortingView, resolve};
use crate::domain::{OutboundKind, Weight};
use crate::i18n::Msg;
use crate::ops::sorting;
use crate::storage::sorting::OutLine;

const KIND: usize = 0;
const RECIPIENT: usize = 1;
const WHAT: usize = 2;
const WEIGHT: usize = 3;

/// The kinds a person records here (a withdrawal comes from the item list).
const KINDS: [OutboundKind; 5] = [
    OutboundKind::Donation,
    OutboundKind::Partner,
    OutboundKind::Recycler,
    OutboundKind::Dump,
    OutboundKind::Bins,
];

pub struct OutboundForm {
    pub form: Form,
    /// `(what, grams)` as shown, and the line to record.
    pub lines: Vec<(String, OutLine)>,
}

impl OutboundForm {
    pub fn new() -> OutboundForm {
        OutboundForm {
            form: Form::new(
                Msg::OutTitle.text(),
                vec![
                    Field::choice(
                        Msg::OutKind,
                        KINDS.iter().map(|k| k.label().text().to_owned()).collect(),
                        0,
                    ),
                    Field::text(Msg::OutRecipient, "", 60),
                    Field::text(Msg::OutWhat, "", 40),
                    Field::text(Msg::SortGross, "", 12),
                ],
            ),
            lines: Vec::new(),
        }
    }
}

impl SortingView {
    pub(super) fn handle_outbound(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Outbound(out) = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Remove => {
                out.lines.pop();
                return Effect::None;
            }
            Action::Pay => {
                let kind = KINDS[out.form.choice(KIND).min(KINDS.len() - 1)];
                let lines: Vec<OutLine> = out.lines.iter().map(|(_, l)| l.clone()).collect();
                let Some(session) = cx.session else {
                    return Effect::None;
                };
                let recipient = out.form.value(RECIPIENT).trim().to_owned();
                return match sorting::record_outbound(
                    cx.store, session, self.site, kind, &recipient, "", &lines, cx.now,
                ) {
                    Ok(id) => {
                        let total: i64 = lines.iter().map(|l| l.grams).sum();
                        let total = Weight::from_grams(total)
                            .map(|w| w.to_string())
                            .unwrap_or_default();
                        *out = OutboundForm::new();
                        Effect::Info(Msg::OutSaved.fill(&[&id, &total]))
                    }
                    Err(e) => Effect::Error(e.to_string()),
                };
            }
            _ => {}
        }
        match out.form.handle(action) {
            FormEvent::Cancel => {
                self.mode = Mode::Intake;
                Effect::None
            }
            FormEvent::Editing => Effect::None,
            FormEvent::Submit => {
                let typed = out.form.value(WHAT).trim().to_owned();
                if typed.is_empty() {
                    out.form.refuse(WHAT, Msg::OutWhatNeeded.text().to_owned());
                    return Effect::None;
                }
                let weight = match super::weighed(out.form.value(WEIGHT), self.scale_max) {
                    Ok(w) => w,
                    Err(problem) => {
                        out.form.refuse(WEIGHT, problem);
                        return Effect::None;
                    }
                };
                // A category when the words name one, else a material fraction as typed.
                let category = resolve(
                    &typed,
                    &self.categories,
                    |c| &c.name,
                    |c| c.shortcut.as_deref(),
                )
                .ok();
                let what = category.map_or(typed.clone(), |c| c.name.clone());
                out.lines.push((
                    what.clone(),
                    OutLine {
                        category: category.map(|c| c.category_id),
                        fraction: if category.is_some() {
                            String::new()
                        } else {
                            typed
                        },
                        grams: weight.grams(),
                        item: None,
                    },
                ));
                out.form.clear(WHAT);
                out.form.clear(WEIGHT);
                out.form.focus = WHAT;
                Effect::Info(Msg::SortLineAdded.fill(&[&what, &weight]))
            }
        }
    }
}
