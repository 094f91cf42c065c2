//! Price labels: the price large, a short description, the category, the entry week's
//! colour and date, and the EAN-13 with its digits. Three outputs: TSPL for label
//! printers (size and gap from the profile), ESC/POS on a receipt roll, and PDF sheets
//! (in [`pdf`](super::pdf)). The bars come from `barcoders`, so every output draws the
//! same modules.

use super::PrintError;
use super::document::{Block, Slip};
use super::profile::Profile;
use crate::domain::{Money, week_colour};
use crate::i18n::Msg;
use crate::storage::items::ItemRow;
use chrono::NaiveDate;

/// What one label shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub code: String,
    pub price: Money,
    pub description: String,
    pub category: String,
    pub entered: NaiveDate,
}

impl Label {
    pub fn of(row: &ItemRow) -> Label {
        let entered = chrono::DateTime::parse_from_rfc3339(&row.created_at)
            .map(|t| t.date_naive())
            .unwrap_or_default();
        Label {
            code: row.code.clone(),
            price: row.price,
            description: row.description.clone(),
            category: row.category.clone(),
            entered,
        }
    }

    /// The colour of the entry week, by name.
    pub fn colour(&self) -> Msg {
        week_colour(self.entered)
    }

    /// `S48 rouge · 24/11/2026`: the week, its colour and the entry date.
    pub fn week_text(&self) -> String {
        use chrono::Datelike;
        Msg::LabelWeek.fill(&[
            &format!("{:02}", self.entered.iso_week().week()),
            &self.colour().text(),
            &self.entered.format("%d/%m/%Y"),
        ])
    }
}

/// The three outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelFormat {
    Pdf,
    Tspl,
    Escpos,
}

impl std::str::FromStr for LabelFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<LabelFormat, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(LabelFormat::Pdf),
            "tspl" => Ok(LabelFormat::Tspl),
            "escpos" => Ok(LabelFormat::Escpos),
            _ => Err(Msg::ErrLabelFormat.fill(&[&text])),
        }
    }
}

/// The bytes of `labels` in `format`: `profile` names the printer for TSPL (default
/// `tsc-te200-50x30`) and ESC/POS (default the generic one); `sheet` and `start` place
/// PDF labels.
pub fn render(
    labels: &[Label],
    format: LabelFormat,
    profile: Option<&str>,
    sheet: &str,
    start: u32,
) -> Result<Vec<u8>, PrintError> {
    match format {
        LabelFormat::Pdf => super::pdf::sheets(labels, &super::pdf::Sheet::named(sheet)?, start),
        LabelFormat::Tspl => tspl(
            labels,
            &Profile::by_id(profile.unwrap_or("tsc-te200-50x30"))?,
        ),
        LabelFormat::Escpos => {
            let profile = Profile::by_id(profile.unwrap_or(super::profile::FALLBACK))?;
            let mut bytes = Vec::new();
            for slip in roll(labels)? {
                bytes.extend(super::escpos::render(&slip, &profile)?);
            }
            Ok(bytes)
        }
    }
}

/// A label to test a label printer: every French accent and the euro sign.
pub fn test_label() -> Label {
    Label {
        code: "2000000000015".into(),
        price: Money::from_cents(1250),
        description: "àâç éèêë îï ôœ ùû".into(),
        category: "ÀÇÉÈ ÔŒ Ù — test".into(),
        entered: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
    }
}

/// The 95 modules of an EAN-13 (true = bar), as `barcoders` encodes it.
pub fn modules(code: &str) -> Result<Vec<bool>, PrintError> {
    let ean = barcoders::sym::ean13::EAN13::new(code)
        .map_err(|e| PrintError::Render(format!("{code} : {e}")))?;
    Ok(ean.encode().into_iter().map(|m| m == 1).collect())
}

/// TSPL for a label printer: one job with every label.
pub fn tspl(labels: &[Label], profile: &Profile) -> Result<Vec<u8>, PrintError> {
    let size = profile
        .label
        .as_ref()
        .ok_or_else(|| PrintError::Render(Msg::ErrNotLabelPrinter.fill(&[&profile.id])))?;
    let page = profile.code_page.encoding;
    let dots_per_mm = profile.paper.dpi as f64 / 25.4;
    let width = (size.width_mm as f64 * dots_per_mm) as u32;
    let quote = |text: &str| page.fold(text).replace('"', "'");
    let mut out = Vec::new();
    let mut line = |text: &str| {
        out.extend(page.encode(text));
        out.extend_from_slice(b"\r\n");
    };
    line(&format!("SIZE {} mm, {} mm", size.width_mm, size.height_mm));
    line(&format!("GAP {} mm, 0 mm", size.gap_mm));
    line("DIRECTION 1");
    line("CODEPAGE 1252");
    let chars = (width / 12).max(8) as usize;
    for label in labels {
        modules(&label.code)?;
        line("CLS");
        line(&format!(
            "TEXT 16,8,\"4\",0,1,1,\"{}\"",
            quote(&label.price.to_string())
        ));
        let description: String = label.description.chars().take(chars).collect();
        line(&format!(
            "TEXT 16,48,\"2\",0,1,1,\"{}\"",
            quote(&description)
        ));
        let category: String = label.category.chars().take(chars).collect();
        line(&format!("TEXT 16,74,\"1\",0,1,1,\"{}\"", quote(&category)));
        line(&format!(
            "TEXT 16,92,\"1\",0,1,1,\"{}\"",
            quote(&label.week_text())
        ));
        line(&format!(
            "BARCODE 24,112,\"EAN13\",72,1,0,2,4,\"{}\"",
            label.code
        ));
        line("PRINT 1,1");
    }
    Ok(out)
}

/// Labels on a receipt roll: one slip, a cut between labels.
pub fn roll(labels: &[Label]) -> Result<Vec<Slip>, PrintError> {
    labels
        .iter()
        .map(|label| {
            modules(&label.code)?;
            let mut slip = Slip {
                cut: true,
                ..Slip::default()
            };
            slip.big(label.price.to_string());
            slip.title(label.description.clone());
            slip.centred(label.category.clone());
            slip.centred(label.week_text());
            slip.blocks.push(Block::Ean13(label.code.clone()));
            Ok(slip)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_of_an_ean13() {
        let bars = modules("2000000000015").expect("modules");
        assert_eq!(bars.len(), 95);
        // Start guard 101, centre 01010, end guard 101.
        assert_eq!(&bars[..3], &[true, false, true]);
        assert_eq!(&bars[45..50], &[false, true, false, true, false]);
        assert_eq!(&bars[92..], &[true, false, true]);
        assert!(modules("2000000000016").is_err());
    }
}
