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
const CONTAINER: usize = 4;

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
    pub fn new(containers: &[crate::storage::sorting::Listed]) -> OutboundForm {
        let mut choices = vec![Msg::SortNoContainer.text().to_owned()];
        choices.extend(containers.iter().map(|c| {
            format!(
                "{} ({})",
                c.name,
                Weight::from_grams(c.tare_g).map_or_else(|_| "0 g".into(), |w| w.to_string())
            )
        }));
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
                    Field::choice(Msg::SortContainer, choices, 0),
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
                // A recipient from the manager's list (or none): never a new spelling.
                let typed = out.form.value(RECIPIENT).trim().to_owned();
                let recipient = if typed.is_empty() {
                    String::new()
                } else {
                    match resolve(&typed, &self.recipients, |r| &r.name, |_| None) {
                        Ok(r) => r.name.clone(),
                        Err(candidates) => {
                            out.form.refuse(
                                RECIPIENT,
                                Msg::OutWhichRecipient.fill(&[&typed, &candidates.join(", ")]),
                            );
                            return Effect::None;
                        }
                    }
                };
                return match sorting::record_outbound(
                    cx.store, session, self.site, kind, &recipient, "", &lines, cx.now,
                ) {
                    Ok(id) => {
                        let total: i64 = lines.iter().map(|l| l.grams).sum();
                        let total = Weight::from_grams(total)
                            .map(|w| w.to_string())
                            .unwrap_or_default();
                        *out = OutboundForm::new(&self.containers);
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
                let gross = match super::weighed(out.form.value(WEIGHT), self.scale_max) {
                    Ok(w) => w,
                    Err(problem) => {
                        out.form.refuse(WEIGHT, problem);
                        return Effect::None;
                    }
                };
                let tare = out
                    .form
                    .choice(CONTAINER)
                    .checked_sub(1)
                    .and_then(|i| self.containers.get(i))
                    .map_or(0, |c| c.tare_g);
                let weight = match Weight::from_grams(gross.grams() - tare) {
                    Ok(net) => net,
                    Err(_) => {
                        out.form.refuse(
                            WEIGHT,
                            Msg::OutNetNotPositive.fill(&[
                                &gross,
                                &Weight::from_grams(tare)
                                    .map_or_else(|_| "0 g".into(), |w| w.to_string()),
                            ]),
                        );
                        return Effect::None;
                    }
                };
                // A category when the words name one, else a fraction of the manager's
                // list: never a new spelling of an old one.
                let category = resolve(
                    &typed,
                    &self.categories,
                    |c| &c.name,
                    |c| c.shortcut.as_deref(),
                )
                .ok();
                let fraction = match category {
                    Some(_) => String::new(),
                    None => match resolve(&typed, &self.fractions, |f| &f.name, |_| None) {
                        Ok(f) => f.name.clone(),
                        Err(candidates) => {
                            let hint = if candidates.is_empty() {
                                self.fractions
                                    .iter()
                                    .map(|f| f.name.clone())
                                    .collect::<Vec<_>>()
                            } else {
                                candidates
                            };
                            out.form.refuse(
                                WHAT,
                                Msg::OutWhichFraction.fill(&[&typed, &hint.join(", ")]),
                            );
                            return Effect::None;
                        }
                    },
                };
                let what = category.map_or(fraction.clone(), |c| c.name.clone());
                out.lines.push((
                    what.clone(),
                    OutLine {
                        category: category.map(|c| c.category_id),
                        fraction,
                        grams: weight.grams(),
                        item: None,
                        tare_g: tare,
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
