//! One open order on the café screen: its lines (sent, cancelled, paid, served in the
//! other mode, chosen for payment) and the keys that act on it.

use super::pay::Paying;
use super::{CafeView, Mode, label_of, line_total, print_document};
use crate::domain::cafe::ServiceMode;
use crate::domain::{Money, search_key};
use crate::i18n::Msg;
use crate::ops::OpsError;
use crate::ops::cafe::{self as orders, Portion, Request};
use crate::storage::cafe::Product;
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::theme;
use crate::tui::view::{Cx, Effect};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, List, ListItem, Paragraph};

pub(super) const BINDINGS: &[Binding] = &[
    bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyAddLine)),
    keys::LIST[0],
    keys::LIST[1],
    bind(KeyCode::Delete, Action::Remove, Some(Msg::KeyRemove)),
    bind(KeyCode::F(2), Action::Pay, Some(Msg::KeyPay)),
    bind(KeyCode::F(3), Action::Edit, Some(Msg::KeySend)),
    bind(KeyCode::F(4), Action::Enable, Some(Msg::KeyBill)),
    bind(KeyCode::F(5), Action::Toggle, Some(Msg::KeyMark)),
    bind(KeyCode::F(6), Action::Price, Some(Msg::KeyParts)),
    bind(KeyCode::F(7), Action::Park, Some(Msg::KeyMoveOrder)),
    bind(KeyCode::F(8), Action::Right, Some(Msg::KeyServiceMode)),
    bind(KeyCode::F(9), Action::Reprint, Some(Msg::KeyReprintKitchen)),
    bind(KeyCode::Backspace, Action::Erase, None),
    keys::BACK,
];

/// What an order line asks: `[N*]shortcut-or-name [price] [+supplement …] [!note …]`.
/// A word that is no shortcut starts a name: the words up to a price or a supplement,
/// found in the products' names (« 2*galette comp +oeuf »); several products matching
/// are named so the next try can be precise.
pub(super) fn parse_line(text: &str, menu: &[Product]) -> Result<Request, String> {
    let (note, head) = match text.split_once('!') {
        Some((head, note)) => (note.trim().to_owned(), head),
        None => (String::new(), text),
    };
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    let (quantity, shortcut) = match first.split_once('*') {
        Some((n, code)) => (
            n.trim()
                .parse::<i64>()
                .map_err(|_| Msg::CafeBadQuantity.fill(&[&n]))?,
            code,
        ),
        None => (1, first),
    };
    if let Some(head) = words.first_mut() {
        *head = shortcut;
    }
    let by_shortcut = menu.iter().find(|p| {
        p.shortcut
            .as_deref()
            .is_some_and(|s| s == search_key(shortcut))
    });
    let (product, rest) = match by_shortcut {
        Some(product) => (product, &words[1.min(words.len())..]),
        None => {
            let named = words
                .iter()
                .position(|w| w.starts_with('+') || Money::parse(w).is_ok())
                .unwrap_or(words.len());
            (by_name(&words[..named], menu)?, &words[named..])
        }
    };
    let mut request = Request {
        product: product.id,
        quantity,
        note,
        ..Request::default()
    };
    for word in rest {
        match word.strip_prefix('+') {
            Some(supplement) => request.supplements.push(supplement.to_owned()),
            None => request.price = Some(Money::parse(word).map_err(|e| e.to_string())?),
        }
    }
    Ok(request)
}

/// The one product whose name holds `words` (accents and case aside).
fn by_name<'a>(words: &[&str], menu: &'a [Product]) -> Result<&'a Product, String> {
    let typed = words.join(" ");
    let wanted = search_key(&typed);
    if wanted.is_empty() {
        return Err(Msg::CafeUnknownShortcut.fill(&[&typed]));
    }
    let found: Vec<&Product> = menu
        .iter()
        .filter(|p| search_key(p.name.as_str()).contains(&wanted))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(Msg::CafeUnknownShortcut.fill(&[&typed])),
        several => match several
            .iter()
            .find(|p| search_key(p.name.as_str()) == wanted)
        {
            Some(exact) => Ok(exact),
            None => Err(Msg::CafeSeveralProducts.fill(&[
                &typed,
                &several
                    .iter()
                    .take(4)
                    .map(|p| p.name.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ])),
        },
    }
}

/// The session, the journal's context and the installation key.
pub(super) type JournalWrite = (
    crate::ops::Session,
    crate::journal::Context,
    std::sync::Arc<crate::journal::InstallationKey>,
);

impl CafeView {
    pub(super) fn handle_order(&mut self, id: i64, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Input(c) if self.input.chars().count() < 60 => self.input.push(c),
            Action::Erase => {
                self.input.pop();
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.lines.len().saturating_sub(1))
            }
            Action::Back => self.back_to_list(cx),
            Action::Submit if !self.input.trim().is_empty() => return self.add(id, cx),
            Action::Remove => return self.remove(cx),
            Action::Edit => return self.send(id, cx),
            Action::Enable => return self.bill(id, cx),
            Action::Toggle => {
                if let Some(line) = self.lines.get(self.selected)
                    && !line.paid
                    && !line.cancelled
                    && !self.marked.remove(&line.id)
                {
                    self.marked.insert(line.id);
                }
            }
            Action::Price => {
                self.input.clear();
                self.mode = Mode::Parts(id);
            }
            Action::Park => {
                self.input.clear();
                self.mode = Mode::Move(id);
            }
            Action::Right => return self.switch_mode(cx),
            Action::Reprint => return self.reprint_kitchen(cx),
            Action::Pay => {
                let portion = match self.order(id).and_then(|o| o.split) {
                    Some((parts, _)) => Portion::Share { parts },
                    None if !self.marked.is_empty() => {
                        Portion::Lines(self.marked.iter().copied().collect())
                    }
                    None => Portion::All,
                };
                return self.start_paying(id, portion, cx);
            }
            _ => {}
        }
        Effect::None
    }

    fn add(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let typed = self.input.clone();
        if let Some(effect) = self.member_card(id, &typed, cx) {
            return effect;
        }
        let added = parse_line(&self.input, &self.menu).and_then(|request| {
            Self::session(cx)
                .and_then(|s| orders::add_line(cx.store, &s, id, &request, cx.now))
                .map_err(|e| e.to_string())
        });
        if let Err(said) = added {
            return Effect::Error(said);
        }
        self.input.clear();
        let _ = self.reload(cx);
        self.selected = self.lines.len().saturating_sub(1);
        Effect::None
    }

    fn remove(&mut self, cx: &mut Cx) -> Effect {
        let Some(line) = self.lines.get(self.selected).map(|l| l.id) else {
            return Effect::None;
        };
        let removed =
            Self::session(cx).and_then(|s| orders::remove_line(cx.store, &s, line, cx.now));
        if let Err(e) = removed {
            return Effect::Error(e.to_string());
        }
        let _ = self.reload(cx);
        self.selected = self.selected.min(self.lines.len().saturating_sub(1));
        Effect::None
    }

    /// F8: the chosen line served in the other mode (its VAT rate follows).
    fn switch_mode(&mut self, cx: &mut Cx) -> Effect {
        let Some(line) = self.lines.get(self.selected) else {
            return Effect::None;
        };
        let other = match line.mode {
            ServiceMode::OnSite => ServiceMode::Takeaway,
            ServiceMode::Takeaway => ServiceMode::OnSite,
        };
        let (id, name) = (line.id, line.name.clone());
        let changed =
            Self::session(cx).and_then(|s| orders::set_line_mode(cx.store, &s, id, other));
        let _ = self.reload(cx);
        match changed {
            Ok(()) => Effect::Info(format!("{name} : {}", orders::mode_name(other))),
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    /// F9: the last ticket of the chosen line's station, printed again.
    fn reprint_kitchen(&mut self, cx: &mut Cx) -> Effect {
        let Some(station) = self.lines.get(self.selected).map(|l| l.station) else {
            return Effect::None;
        };
        match orders::last_ticket(cx.store, station) {
            Err(e) => Effect::Error(e.to_string()),
            Ok(None) => Effect::Info(Msg::CafeNoKitchenTicket.text().to_owned()),
            Ok(Some(ticket)) => match cx.stations.print(station, &ticket) {
                Ok(()) => Effect::Info(
                    Msg::CafeSent.fill(&[&format!("{} n° {}", ticket.station, ticket.number)]),
                ),
                Err(e) => Effect::Error(e.to_string()),
            },
        }
    }

    /// F7 then Enter: the order to another table or name; if that one is open, merged
    /// into it.
    pub(super) fn move_to(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let wanted = self.input.trim().to_owned();
        let target = self
            .orders
            .iter()
            .find(|o| o.id != id && o.label == wanted)
            .map(|o| o.id);
        let session = match Self::session(cx) {
            Ok(s) => s,
            Err(e) => return Effect::Error(e.to_string()),
        };
        let (done, said, next) = match target {
            Some(into) => (
                orders::merge_orders(cx.store, &session, id, into, cx.now),
                Msg::CafeMerged.fill(&[&wanted]),
                into,
            ),
            None => (
                orders::move_order(cx.store, &session, id, &wanted),
                Msg::CafeMoved.fill(&[&wanted]),
                id,
            ),
        };
        match done {
            Ok(()) => {
                let _ = self.enter_order(next, cx);
                Effect::Info(said)
            }
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    /// F6 then Enter: pay one of N equal parts.
    pub(super) fn split_in(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let parts = match self.input.trim().parse::<i64>() {
            Ok(parts) => parts,
            Err(_) => {
                return Effect::Error(
                    crate::domain::DomainError::SplitParts {
                        parts: 0,
                        total: self.order(id).map_or(Money::ZERO, |o| o.due).to_string(),
                    }
                    .to_string(),
                );
            }
        };
        self.start_paying(id, Portion::Share { parts }, cx)
    }

    fn start_paying(&mut self, id: i64, portion: Portion, cx: &mut Cx) -> Effect {
        match orders::portion_due(cx.store, id, &portion) {
            Ok(due) => {
                self.input = due.plain();
                self.mode = Mode::Paying(Paying::new(id, portion, due));
                Effect::None
            }
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    /// F3: the new lines to their stations; a station printer that is off keeps them.
    fn send(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let sent = Self::session(cx).and_then(|s| orders::send(cx.store, &s, id, cx.now));
        let _ = self.reload(cx);
        match sent {
            Err(e) => Effect::Error(e.to_string()),
            Ok(tickets) if tickets.is_empty() => {
                Effect::Info(Msg::CafeNothingToSend.text().to_owned())
            }
            Ok(tickets) => {
                let mut said = Vec::new();
                let mut problem = None;
                for (station, ticket) in &tickets {
                    said.push(format!("{} n° {}", ticket.station, ticket.number));
                    if let Err(e) = cx.stations.print(*station, ticket) {
                        tracing::warn!(error = %e, "kitchen ticket not printed");
                        problem = Some(Msg::CafeNotPrinted.text());
                    }
                }
                let text = Msg::CafeSent.fill(&[&said.join(", ")]);
                match problem {
                    None => Effect::Info(text),
                    Some(p) => Effect::Error(format!("{text} — {p}")),
                }
            }
        }
    }

    /// What writing to the journal from the café needs: the session, the journal's
    /// context on this terminal, the installation key.
    pub(super) fn context(cx: &mut Cx) -> crate::ops::Result<JournalWrite> {
        let session = Self::session(cx)?;
        let terminal = cx.terminal.cloned().ok_or(OpsError::NotInitialised)?;
        let ctx = crate::ops::till::context(cx.store, &session, &terminal, cx.now, false)?;
        let key = cx.key.cloned().ok_or(OpsError::Journal(
            crate::journal::JournalError::NoInstallation,
        ))?;
        Ok((session, ctx, key))
    }

    /// F4: the bill before payment, a note in the journal, printed.
    fn bill(&mut self, id: i64, cx: &mut Cx) -> Effect {
        let billed = Self::context(cx)
            .and_then(|(session, ctx, key)| orders::bill(cx.store, &session, &key, &ctx, id));
        match billed {
            Err(e) => Effect::Error(e.to_string()),
            Ok(note) => {
                let text = Msg::CafeBilled.fill(&[&note.series, &note.number]);
                match print_document(cx, &note.series, note.number) {
                    None => Effect::Info(text),
                    Some(problem) => Effect::Error(format!("{text} — {problem}")),
                }
            }
        }
    }

    pub(super) fn render_order(&self, id: i64, frame: &mut Frame, area: Rect) {
        let [lines_area, input_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);
        let order = self.order(id);
        let title = order.map_or(String::new(), |o| {
            format!(
                " {} ({}) — {} {} ",
                label_of(o),
                orders::mode_name(o.mode),
                Msg::CafeDue.text(),
                o.due
            )
        });
        let mode = order.map(|o| o.mode);
        let items: Vec<ListItem> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let state = if l.cancelled {
                    Msg::CafeCancelledMark.text()
                } else if l.paid {
                    Msg::CafePaidMark.text()
                } else if l.sent {
                    Msg::CafeSentMark.text()
                } else {
                    ""
                };
                let mark = if self.marked.contains(&l.id) {
                    "●"
                } else {
                    " "
                };
                let mut text = format!("{mark}{} × {}", l.quantity, l.name);
                if !l.supplements.is_empty() {
                    text.push_str(&format!(" ({})", l.supplements));
                }
                if !l.note.is_empty() {
                    text.push_str(&format!(" ! {}", l.note));
                }
                if Some(l.mode) != mode {
                    text.push_str(&format!(" [{}]", orders::mode_name(l.mode)));
                }
                let line = format!("{text:<54} {:>10} {state}", line_total(l).to_string());
                let style = if i == self.selected {
                    theme::selected()
                } else if l.cancelled || l.paid {
                    theme::dim()
                } else {
                    theme::value()
                };
                ListItem::new(line).style(style)
            })
            .collect();
        frame.render_widget(
            List::new(items).block(Block::bordered().title(title)),
            lines_area,
        );
        frame.render_widget(
            Paragraph::new(format!("› {}▏", self.input))
                .block(Block::bordered().title(format!(" {} ", Msg::CafeInputHint.text()))),
            input_area,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Name;
    use crate::domain::cafe::{Station, VatClass};

    fn menu() -> Vec<Product> {
        [
            (1, "Galette complète", Some("gc")),
            (2, "Galette champignons", Some("gm")),
            (3, "Bière pression", Some("b")),
            (4, "Soupe du jour", None),
        ]
        .into_iter()
        .map(|(id, name, shortcut)| Product {
            id,
            name: Name::parse(name).expect("name"),
            section: String::new(),
            shortcut: shortcut.map(str::to_owned),
            price: Money::from_cents(500),
            min_price: None,
            vat_class: VatClass::Immediate,
            station: Station::Creperie,
            available: true,
        })
        .collect()
    }

    #[test]
    fn lines_typed_by_shortcut_or_by_name() {
        /// product, quantity, supplements, typed price, note.
        type Parsed = (i64, i64, &'static [&'static str], Option<i64>, &'static str);
        let cases: &[(&str, Result<Parsed, &str>)] = &[
            ("gc", Ok((1, 1, &[], None, ""))),
            (
                "2*gc +oeuf !sans gluten",
                Ok((1, 2, &["oeuf"], None, "sans gluten")),
            ),
            ("3*b", Ok((3, 3, &[], None, ""))),
            ("galette comp +oeuf", Ok((1, 1, &["oeuf"], None, ""))),
            ("2*biere", Ok((3, 2, &[], None, ""))),
            ("soupe 3,50", Ok((4, 1, &[], Some(350), ""))),
            ("galette", Err("plusieurs produits")),
            ("zz", Err("ni un raccourci")),
            ("x*gc", Err("Quantité « x »")),
        ];
        let menu = menu();
        for (typed, expected) in cases {
            let got = parse_line(typed, &menu);
            match (expected, got) {
                (Ok((product, quantity, supplements, price, note)), Ok(r)) => {
                    assert_eq!(r.product, *product, "{typed}");
                    assert_eq!(r.quantity, *quantity, "{typed}");
                    assert_eq!(r.supplements, *supplements, "{typed}");
                    assert_eq!(r.price.map(Money::cents), *price, "{typed}");
                    assert_eq!(r.note, *note, "{typed}");
                }
                (Err(said), Err(e)) => assert!(e.contains(said), "{typed}: {e}"),
                (expected, got) => panic!("{typed}: expected {expected:?}, got {got:?}"),
            }
        }
    }
}
