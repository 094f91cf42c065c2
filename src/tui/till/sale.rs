//! Selling: the input line (codes, shortcuts, quantities, prices, weights, searches), the
//! lines of the ticket with their changes, parking. What it shows is in `sale_view`.

use super::super::keys::Action;
use super::super::view::{Cx, Effect, Go};
use super::{Found, Mode, REASONS, TillView, effect_of, pay, refund, report};
use crate::domain::{Discount, Entry, Money, parse_entry, search_key};
use crate::i18n::Msg;
use crate::ops::OpsError;
use crate::ops::till::{self, Scanned};

impl TillView {
    pub(super) fn add_code(&mut self, code: &str, quantity: i64, cx: &mut Cx) -> Effect {
        if crate::domain::Ean13::parse(code)
            .is_ok_and(|c| c.kind() == Some(crate::domain::CodeKind::MemberCard))
        {
            return self.member_card(code, cx);
        }
        match till::scan(cx.store, code, cx.now) {
            Ok(Scanned::Item(line)) => {
                if quantity != 1 {
                    return Effect::Error(Msg::ErrItemQuantity.fill(&[&line.label]));
                }
                let label = line.label.clone();
                let price = line.unit_price;
                // An item labelled for another point of sale: added, and said loudly.
                let here = self
                    .context(cx)
                    .map(|c| c.point_of_sale)
                    .unwrap_or_default();
                let elsewhere = till::item_elsewhere(cx.store, code, &here).ok().flatten();
                effect_of(self.cart.add(line).map_err(OpsError::from), |i| {
                    self.selected = i;
                    match elsewhere {
                        Some(there) => {
                            Effect::Alert(Msg::TillItemElsewhere.fill(&[&label, &there]))
                        }
                        None => Effect::Info(Msg::TillAdded.fill(&[&label, &price])),
                    }
                })
            }
            // A voucher scanned on a ticket pays it: straight to payment, the voucher in.
            Ok(Scanned::Voucher { code, .. }) if !self.cart.is_empty() => match self.cart.due() {
                Ok(total) => {
                    self.input.clear();
                    self.mode = Mode::Paying(pay::Pay::new(total));
                    self.pay_with_voucher(&code, cx)
                }
                Err(e) => Effect::Error(e.to_string()),
            },
            Ok(Scanned::Voucher { code, balance }) => {
                Effect::Info(Msg::TillVoucherBalance.fill(&[&code, &balance]))
            }
            // A code that adds nothing rings, whatever the reason.
            Err(e) => Effect::Alert(e.to_string()),
        }
    }

    fn add_sellable(&mut self, index: usize, entry: &Entry) -> Effect {
        let Some(sellable) = self.sellables.get(index) else {
            return Effect::None;
        };
        // A valid member card on the ticket: the category's member price.
        let member = self.cart.member.is_some();
        let line = till::member_line(sellable, entry.price, entry.quantity, entry.weight, member);
        effect_of(line, |line| {
            let text =
                Msg::TillAddedQuantity.fill(&[&line.quantity, &line.label, &line.unit_price]);
            match self.cart.add(line) {
                Ok(i) => {
                    self.selected = i;
                    self.input.clear();
                    Effect::Info(text)
                }
                Err(e) => Effect::Error(e.to_string()),
            }
        })
    }

    fn submit_input(&mut self, cx: &mut Cx) -> Effect {
        let entry = match parse_entry(&self.input) {
            Ok(entry) => entry,
            Err(e) => return Effect::Error(e.to_string()),
        };
        if entry.word.is_empty() {
            // "5*" alone: the quantity of the chosen line.
            if self.input.contains('*') && !self.cart.is_empty() {
                let shared = self.ticket_share();
                return effect_of(
                    self.cart
                        .set_quantity(self.selected, entry.quantity)
                        .map_err(OpsError::from),
                    |()| {
                        self.input.clear();
                        Self::share_removed(shared)
                    },
                );
            }
            if self.input.trim().is_empty() {
                return Effect::None;
            }
            // Typed, but nothing to add: say why rather than do nothing.
            let why = if self.input.contains('*') {
                Msg::TillNoLineForQuantity.fill(&[&self.input.trim()])
            } else {
                Msg::TillEntryIncomplete.fill(&[&self.input.trim()])
            };
            return Effect::Error(why);
        }
        if entry.is_code() {
            let effect = self.add_code(&entry.word, entry.quantity, cx);
            if !matches!(effect, Effect::Alert(_) | Effect::Error(_)) {
                self.input.clear();
            }
            return effect;
        }
        if let Some(i) = self.sellables.iter().position(|s| {
            s.shortcut
                .as_deref()
                .is_some_and(|k| k.eq_ignore_ascii_case(&entry.word))
        }) {
            return self.add_sellable(i, &entry);
        }
        let wanted = search_key(&entry.word);
        let mut found: Vec<Found> = self
            .sellables
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                search_key(&s.name).contains(&wanted) || search_key(&s.category).contains(&wanted)
            })
            .map(|(i, _)| Found::Sellable(i))
            .collect();
        // Items in stock by their description too: a label that fell off.
        match till::find_items(cx.store, &entry.word) {
            Ok(items) => {
                found.extend(
                    items
                        .into_iter()
                        .map(|(code, description, price)| Found::Item {
                            code,
                            description,
                            price,
                        }),
                )
            }
            Err(e) => return Effect::Error(e.to_string()),
        }
        match found.len() {
            0 => Effect::Error(Msg::TillNothingFound.fill(&[&entry.word])),
            1 => {
                let only = found.remove(0);
                self.add_found(only, &entry, cx)
            }
            _ => {
                self.mode = Mode::Search {
                    found,
                    selected: 0,
                    entry,
                };
                Effect::None
            }
        }
    }

    pub(super) fn handle_selling(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let last = self.cart.lines.len().saturating_sub(1);
        match action {
            Action::Input(c) if self.input.chars().count() < 60 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Submit => return self.submit_input(cx),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Remove => {
                return effect_of(
                    self.cart.remove(self.selected).map_err(OpsError::from),
                    |l| {
                        self.selected = self.selected.min(self.cart.lines.len().saturating_sub(1));
                        Effect::Info(Msg::TillRemoved.fill(&[&l.label]))
                    },
                );
            }
            Action::Price => {
                let price = match Money::parse(&self.input) {
                    Ok(price) => price,
                    Err(_) => return Effect::Error(Msg::TillTypePriceFirst.text().to_owned()),
                };
                let shared = self.ticket_share();
                return effect_of(
                    self.cart
                        .set_price(self.selected, price)
                        .map_err(OpsError::from),
                    |()| {
                        self.input.clear();
                        Self::share_removed(shared)
                    },
                );
            }
            Action::LineDiscount | Action::TicketDiscount => {
                if self.cart.is_empty() {
                    return Effect::Error(Msg::ErrTicketEmpty.text().to_owned());
                }
                return match Discount::parse(&self.input) {
                    Ok(discount) => {
                        self.mode = Mode::Reason {
                            discount,
                            whole: action == Action::TicketDiscount,
                            selected: 0,
                        };
                        Effect::None
                    }
                    Err(_) => Effect::Error(Msg::TillTypeDiscountFirst.text().to_owned()),
                };
            }
            Action::Park => {
                if self.cart.is_empty() {
                    return Effect::Error(Msg::ErrTicketEmpty.text().to_owned());
                }
                self.parked.push(std::mem::take(&mut self.cart));
                self.selected = 0;
                return Effect::Info(Msg::TillParked.fill(&[&self.parked.len()]));
            }
            Action::Resume => {
                if self.parked.is_empty() {
                    return Effect::Info(Msg::TillNoParked.text().to_owned());
                }
                self.mode = Mode::Parked(0);
            }
            Action::Pay => {
                if self.cart.is_empty() {
                    return Effect::Error(Msg::ErrTicketEmpty.text().to_owned());
                }
                return effect_of(self.cart.due().map_err(OpsError::from), |total| {
                    self.input.clear();
                    self.mode = Mode::Paying(pay::Pay::new(total));
                    Effect::None
                });
            }
            Action::Reprint => return self.reprint_last(cx),
            Action::Membership => return self.open_fee(cx, ""),
            Action::Donation => return self.open_donation(),
            Action::Toggle => {
                if !self.cart.is_empty() || !self.parked.is_empty() {
                    return Effect::Error(Msg::TillFinishTicketsFirst.text().to_owned());
                }
                if !self.training {
                    // Switched on by a manager's PIN, written in the JET.
                    self.mode = Mode::Authorise(refund::Authorise::new(super::Purpose::Training));
                    return Effect::None;
                }
                let Some(session) = cx.session else {
                    return Effect::None;
                };
                return effect_of(till::set_training(cx.store, session, false, cx.now), |()| {
                    self.training = false;
                    Effect::Info(Msg::TillTrainingOff.text().to_owned())
                });
            }
            Action::Refund | Action::ZClose | Action::Drawer if self.training => {
                return Effect::Error(Msg::TillNotInTraining.text().to_owned());
            }
            Action::Refund => {
                self.mode = Mode::Authorise(refund::Authorise::new(super::Purpose::Refund))
            }
            Action::Drawer => {
                self.mode = Mode::Authorise(refund::Authorise::new(super::Purpose::Drawer))
            }
            Action::XReport => return self.open_x(cx),
            Action::ZClose => {
                if !self.cart.is_empty() || !self.parked.is_empty() {
                    return Effect::Error(Msg::TillFinishTicketsFirst.text().to_owned());
                }
                self.mode = Mode::Authorise(refund::Authorise::new(super::Purpose::Close));
            }
            Action::Back => {
                if !self.input.is_empty() {
                    self.input.clear();
                } else if self.cart.is_empty() {
                    return Effect::GoTo(Go::Home);
                } else {
                    return Effect::Info(Msg::TillParkOrPay.text().to_owned());
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn reprint_last(&mut self, cx: &mut Cx) -> Effect {
        let result = self.context(cx).and_then(|ctx| {
            let last = till::last_ticket(cx.store, &ctx)?;
            let Some((series, number)) = last else {
                return Ok(None);
            };
            let session = Self::session(cx)?.clone();
            let key = Self::key(cx)?.clone();
            let doc = till::reprint(cx.store, &session, &key, &ctx, &series, number)?;
            Ok(Some((series, number, doc)))
        });
        effect_of(result, |done| match done {
            None => Effect::Info(Msg::TillNoTicketYet.text().to_owned()),
            Some((series, number, doc)) => {
                match Self::print_document(cx, &doc.series, doc.number) {
                    None => Effect::Info(Msg::TillReprinted.fill(&[&series, &number])),
                    Some(problem) => Effect::Error(problem),
                }
            }
        })
    }

    fn open_x(&mut self, cx: &mut Cx) -> Effect {
        let result = self.context(cx).and_then(|ctx| {
            let sold = till::sold_weight(cx.store, &ctx)?;
            till::x_report(cx.store, &ctx).map(|(figures, json)| (figures, json, sold))
        });
        effect_of(result, |(figures, json, sold)| {
            self.mode = Mode::Report(report::XView::new(figures, json, cx.now, sold));
            Effect::None
        })
    }

    /// Whether the chosen line carries a share of a ticket discount.
    fn ticket_share(&self) -> bool {
        self.cart
            .lines
            .get(self.selected)
            .is_some_and(|l| !l.ticket_discount.is_zero())
    }

    /// Says that a change took the line's share of the ticket discount off.
    fn share_removed(shared: bool) -> Effect {
        if shared {
            Effect::Info(Msg::TillTicketDiscountOff.text().to_owned())
        } else {
            Effect::None
        }
    }

    fn add_found(&mut self, found: Found, entry: &Entry, cx: &mut Cx) -> Effect {
        match found {
            Found::Sellable(i) => self.add_sellable(i, entry),
            Found::Item { code, .. } => {
                let effect = self.add_code(&code, 1, cx);
                if !matches!(effect, Effect::Alert(_) | Effect::Error(_)) {
                    self.input.clear();
                }
                effect
            }
        }
    }

    pub(super) fn handle_search(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Mode::Search {
            found,
            selected,
            entry,
        } = &mut self.mode
        else {
            return Effect::None;
        };
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(found.len().saturating_sub(1)),
            Action::Submit => {
                let chosen = found.get(*selected).cloned();
                let entry = entry.clone();
                self.mode = Mode::Selling;
                if let Some(chosen) = chosen {
                    return self.add_found(chosen, &entry, cx);
                }
            }
            Action::Back => self.mode = Mode::Selling,
            _ => {}
        }
        Effect::None
    }

    pub(super) fn handle_reason(&mut self, action: Action) -> Effect {
        let Mode::Reason {
            discount,
            whole,
            selected,
        } = &mut self.mode
        else {
            return Effect::None;
        };
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(REASONS.len() - 1),
            Action::Submit => {
                let reason = REASONS[*selected].text();
                let (discount, whole) = (*discount, *whole);
                self.mode = Mode::Selling;
                let result = if whole {
                    self.cart.discount_ticket(discount, reason)
                } else {
                    self.cart.discount_line(self.selected, discount, reason)
                };
                return effect_of(result.map_err(OpsError::from), |()| {
                    self.input.clear();
                    Effect::Info(Msg::TillDiscounted.fill(&[&reason]))
                });
            }
            Action::Back => self.mode = Mode::Selling,
            _ => {}
        }
        Effect::None
    }
}
