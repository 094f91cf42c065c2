//! Member cards: on the receipt printer (one card, cut) or as an A4 sheet of ten cards
//! of credit-card size (85 × 54 mm) for an office printer. A card shows the structure,
//! the member's name and number, the validity and the card's EAN-13 with its digits.

use super::a4::{self, Page};
use super::{PrintError, Slip};
use crate::i18n::Msg;

/// What a card says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub structure: String,
    pub name: String,
    pub number: i64,
    /// `DD/MM/YYYY`, or empty when no fee is paid yet.
    pub valid_until: String,
    pub code: String,
}

/// The card on the receipt roll.
pub fn slip(card: &Card) -> Slip {
    let mut slip = Slip::default();
    slip.title(card.structure.clone())
        .centred(Msg::CardTitle.text())
        .rule()
        .big(card.name.clone())
        .centred(Msg::CardNumber.fill(&[&card.number]));
    if !card.valid_until.is_empty() {
        slip.centred(Msg::CardValid.fill(&[&card.valid_until]));
    }
    slip.feed(1);
    slip.blocks
        .push(super::document::Block::Ean13(card.code.clone()));
    slip.cut = true;
    slip
}

const CARD_W: f32 = 85.0;
const CARD_H: f32 = 54.0;
const COLUMNS: usize = 2;
const ROWS: usize = 5;

/// A4 sheets of cards, ten per page, cut marks as frames.
pub fn sheet(cards: &[Card]) -> Result<Vec<u8>, PrintError> {
    let left = (a4::A4_W_MM - CARD_W * COLUMNS as f32) / 2.0;
    let top = (a4::A4_H_MM - CARD_H * ROWS as f32) / 2.0;
    let mut pages = Vec::new();
    for chunk in cards.chunks(COLUMNS * ROWS) {
        let mut page = Page::default();
        for (i, card) in chunk.iter().enumerate() {
            let x = left + (i % COLUMNS) as f32 * CARD_W;
            let y = top + (i / COLUMNS) as f32 * CARD_H;
            page.frame(x, y, CARD_W, CARD_H);
            page.bold(x + 4.0, y + 7.0, 10.0, card.structure.clone());
            page.text(x + 4.0, y + 12.0, 7.0, Msg::CardTitle.text());
            page.bold(x + 4.0, y + 19.0, 11.0, card.name.clone());
            page.text(
                x + 4.0,
                y + 24.0,
                9.0,
                Msg::CardNumber.fill(&[&card.number]),
            );
            if !card.valid_until.is_empty() {
                page.text(
                    x + 4.0,
                    y + 29.0,
                    9.0,
                    Msg::CardValid.fill(&[&card.valid_until]),
                );
            }
            // 0.33 mm modules: 95 modules, 31 mm, the nominal size.
            page.ean13(x + 4.0, y + 32.0, 0.33, 14.0, &card.code)?;
        }
        pages.push(page);
    }
    a4::render(&pages)
}
