//! Rendering a [`Slip`] to ESC/POS bytes for a profile. The `escpos` crate composes the
//! commands (initialise, alignment, emphasis, size, feeds, barcode, cut); the text is
//! encoded by [`CodePage`](super::codepage::CodePage) and passed through as raw bytes,
//! after the profile's own `ESC t n`. The drawer pulse is written here in full
//! (`ESC p m t1 t2`): the crate's version stops after `m`, and the printer would then
//! swallow the next two bytes of the slip as pulse times.

use super::PrintError;
use super::document::{Align, Block, Slip, pair_lines, wrap};
use super::profile::{Cutter, Profile};
use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::utils::{
    BarcodeFont, BarcodeHeight, BarcodeOption, BarcodePosition, BarcodeWidth, JustifyMode, Protocol,
};
use std::sync::{Arc, Mutex};

const ESC: u8 = 0x1B;

/// `ESC p 0 25 250`: a 50 ms pulse on pin 2, then 500 ms off.
pub const DRAWER_PULSE: [u8; 5] = [ESC, b'p', 0, 25, 250];

/// A driver that keeps what it is sent.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Driver for Sink {
    fn name(&self) -> String {
        "mémoire".into()
    }

    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        if let Ok(mut bytes) = self.0.lock() {
            bytes.extend_from_slice(data);
        }
        Ok(())
    }

    fn read(&self, _buf: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }

    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}

fn escpos_error(e: escpos::errors::PrinterError) -> PrintError {
    PrintError::Render(e.to_string())
}

/// The bytes that print `slip` on a printer of `profile`.
pub fn render(slip: &Slip, profile: &Profile) -> Result<Vec<u8>, PrintError> {
    let sink = Sink::default();
    let page = profile.code_page.encoding;
    let columns = profile.paper.columns;
    let mut p = Printer::new(sink.clone(), Protocol::default(), None);
    p.init()
        .and_then(|p| p.custom(&[ESC, b't', profile.code_page.esc_t]))
        .map_err(escpos_error)?;
    for block in &slip.blocks {
        match block {
            Block::Text {
                text,
                align,
                bold,
                big,
            } => {
                let width = if *big { columns / 2 } else { columns };
                p.justify(justify(*align))
                    .and_then(|p| p.bold(*bold))
                    .and_then(|p| if *big { p.size(2, 2) } else { p.reset_size() })
                    .map_err(escpos_error)?;
                for line in wrap(&page.fold(text), width) {
                    p.custom(&page.encode(&line))
                        .and_then(|p| p.custom(b"\n"))
                        .map_err(escpos_error)?;
                }
                p.bold(false)
                    .and_then(|p| p.reset_size())
                    .and_then(|p| p.justify(JustifyMode::LEFT))
                    .map_err(escpos_error)?;
            }
            Block::Pair { left, right, bold } => {
                p.bold(*bold).map_err(escpos_error)?;
                for line in pair_lines(&page.fold(left), &page.fold(right), columns) {
                    p.custom(&page.encode(&line))
                        .and_then(|p| p.custom(b"\n"))
                        .map_err(escpos_error)?;
                }
                p.bold(false).map_err(escpos_error)?;
            }
            Block::Columns(cells) => {
                let folded: Vec<String> = cells.iter().map(|c| page.fold(c)).collect();
                for line in super::document::column_line(&folded, columns) {
                    p.custom(&page.encode(&line))
                        .and_then(|p| p.custom(b"\n"))
                        .map_err(escpos_error)?;
                }
            }
            Block::Rule => {
                p.custom(&page.encode(&"-".repeat(columns)))
                    .and_then(|p| p.custom(b"\n"))
                    .map_err(escpos_error)?;
            }
            Block::Feed(n) => {
                p.custom(&vec![b'\n'; usize::from(*n)])
                    .map_err(escpos_error)?;
            }
            Block::Ean13(code) => {
                if profile.features.barcode {
                    let option = BarcodeOption::new(
                        BarcodeWidth::M,
                        BarcodeHeight::S,
                        BarcodeFont::A,
                        BarcodePosition::Below,
                    );
                    p.justify(JustifyMode::CENTER)
                        .and_then(|p| p.ean13_option(code, option))
                        .and_then(|p| p.justify(JustifyMode::LEFT))
                        .map_err(escpos_error)?;
                } else {
                    p.custom(&page.encode(code))
                        .and_then(|p| p.custom(b"\n"))
                        .map_err(escpos_error)?;
                }
            }
        }
    }
    if slip.cut {
        p.feeds(4).map_err(escpos_error)?;
        match profile.features.cutter {
            Cutter::Partial => {
                p.partial_cut().map_err(escpos_error)?;
            }
            Cutter::Full => {
                p.cut().map_err(escpos_error)?;
            }
            Cutter::None => {}
        }
    }
    if slip.open_drawer && profile.features.drawer {
        p.custom(&DRAWER_PULSE).map_err(escpos_error)?;
    }
    p.print().map_err(escpos_error)?;
    let bytes = sink.0.lock().map(|b| b.clone()).unwrap_or_default();
    Ok(bytes)
}

fn justify(align: Align) -> JustifyMode {
    match align {
        Align::Left => JustifyMode::LEFT,
        Align::Center => JustifyMode::CENTER,
        Align::Right => JustifyMode::RIGHT,
    }
}
