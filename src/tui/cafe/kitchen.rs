//! The kitchen screen, for a terminal in the crêperie or at the bar: the tickets sent to
//! its station and not ready yet, oldest first, with their age, read again every second;
//! Entrée marks the chosen one « prêt » (the café terminals show the order ready). It
//! changes no order: only the ticket's ready time.

use crate::domain::cafe::Station;
use crate::i18n::Msg;
use crate::ops::cafe::{self as orders, Waiting};
use crate::ops::{self, OpsError};
use crate::storage::Timestamp;
use crate::tui::keys::{self, Action, Binding, bind};
use crate::tui::theme;
use crate::tui::view::{Cx, Effect, Go, View};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem};

const BINDINGS: &[Binding] = &[
    bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyReady)),
    keys::LIST[0],
    keys::LIST[1],
    bind(KeyCode::Left, Action::Left, Some(Msg::KeyStation)),
    bind(KeyCode::Right, Action::Right, None),
    keys::BACK,
];

pub struct KitchenView {
    station: Station,
    queue: Vec<Waiting>,
    selected: usize,
    now: Timestamp,
}

impl KitchenView {
    pub fn open(cx: &mut Cx) -> ops::Result<KitchenView> {
        let mut view = KitchenView {
            station: Station::Creperie,
            queue: Vec::new(),
            selected: 0,
            now: cx.now,
        };
        view.reload(cx)?;
        Ok(view)
    }

    fn reload(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.now = cx.now;
        self.queue = orders::kitchen_queue(cx.store, self.station, cx.now)?;
        self.selected = self.selected.min(self.queue.len().saturating_sub(1));
        Ok(())
    }

    fn other_station(&mut self, cx: &mut Cx) -> Effect {
        self.station = match self.station {
            Station::Creperie => Station::Bar,
            Station::Bar | Station::None => Station::Creperie,
        };
        self.selected = 0;
        match self.reload(cx) {
            Ok(()) => Effect::None,
            Err(e) => Effect::Error(e.to_string()),
        }
    }

    fn ready(&mut self, cx: &mut Cx) -> Effect {
        let Some(waiting) = self.queue.get(self.selected) else {
            return Effect::None;
        };
        let (id, number) = (waiting.id, waiting.ticket.number);
        let marked = cx
            .session
            .ok_or(OpsError::NotInitialised)
            .and_then(|s| orders::mark_ready(cx.store, s, id, cx.now));
        let _ = self.reload(cx);
        match marked {
            Ok(()) => Effect::Info(Msg::KitchenMarkedReady.fill(&[&number])),
            Err(e) => Effect::Error(e.to_string()),
        }
    }
}

impl View for KitchenView {
    fn title(&self) -> String {
        Msg::ModeKitchen.text().to_owned()
    }

    fn bindings(&self) -> Vec<Binding> {
        BINDINGS.to_vec()
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.queue.len().saturating_sub(1))
            }
            Action::Left | Action::Right => return self.other_station(cx),
            Action::Submit => return self.ready(cx),
            Action::Back => return Effect::GoTo(Go::Home),
            _ => {}
        }
        Effect::None
    }

    fn refresh(&mut self, cx: &mut Cx) {
        if let Err(e) = self.reload(cx) {
            tracing::warn!(error = %e, "kitchen refresh");
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect) {
        let title = Msg::KitchenWaiting.fill(&[&orders::station_name(self.station)]);
        let items: Vec<ListItem> = if self.queue.is_empty() {
            vec![ListItem::new(Msg::KitchenEmpty.text())]
        } else {
            self.queue
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let t = &w.ticket;
                    let minutes = (self.now - w.sent_at).num_minutes().max(0);
                    let mut head = format!(
                        "n° {:<4} {:<20} {:<12} {}",
                        t.number,
                        t.label,
                        Msg::KitchenAge.fill(&[&minutes]),
                        t.server
                    );
                    if t.cancellation {
                        head = format!("{} — {head}", Msg::KitchenCancelled.text());
                    }
                    let style = if i == self.selected {
                        theme::selected()
                    } else if t.cancellation {
                        theme::error()
                    } else {
                        theme::title()
                    };
                    let mut lines = vec![Line::styled(head, style)];
                    for l in &t.lines {
                        let mut text = format!("    {} × {}", l.quantity, l.name);
                        if !l.supplements.is_empty() {
                            text.push_str(&format!(" ({})", l.supplements));
                        }
                        if !l.note.is_empty() {
                            text.push_str(&format!(" ! {}", l.note));
                        }
                        if let Some(mode) = &l.other_mode {
                            text.push_str(&format!(" [{mode}]"));
                        }
                        lines.push(Line::styled(text, theme::value()));
                    }
                    ListItem::new(lines)
                })
                .collect()
        };
        frame.render_widget(
            List::new(items).block(Block::bordered().title(format!(" {title} "))),
            area,
        );
    }
}
