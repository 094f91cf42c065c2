//! A4 pages as PDF through krilla, the one PDF crate of pépite: text in the embedded
//! DejaVu Sans Condensed (regular and bold, Bitstream Vera licence, `fonts/LICENSE`),
//! subset into the file with its Unicode map so the text can be searched and read back;
//! rules, boxes and EAN-13 bars as filled rectangles. Positions in millimetres from the
//! top-left corner (layout, not money: floating point is fine here).

use super::PrintError;
use crate::i18n::Msg;
use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSansCondensed.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSansCondensed-Bold.ttf");

pub const A4_W_MM: f32 = 210.0;
pub const A4_H_MM: f32 = 297.0;

fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

fn font(data: &'static [u8]) -> Result<Font, PrintError> {
    Font::new(data.into(), 0).ok_or_else(|| PrintError::Render(Msg::ErrPdfFont.text().to_owned()))
}

/// What one page holds, drawn in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// Text at (x, y) mm (y: the baseline), size in points, bold or not.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    /// A filled rectangle (x, y, w, h) in mm.
    Fill { x: f32, y: f32, w: f32, h: f32 },
    /// A rectangle filled with an RGB colour (a label's week band, a chart's bar).
    Colour {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rgb: [u8; 3],
    },
}

/// The width in mm of `text` at `size` points, near enough to right-align figures: the
/// font's digits, spaces and commas are about 0,57 em wide (DejaVu Sans Condensed).
pub fn width_mm(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.57 * 25.4 / 72.0
}

/// A page being laid out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub marks: Vec<Mark>,
}

impl Page {
    pub fn text(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>) -> &mut Self {
        self.marks.push(Mark::Text {
            x,
            y,
            size,
            bold: false,
            text: text.into(),
        });
        self
    }

    pub fn bold(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>) -> &mut Self {
        self.marks.push(Mark::Text {
            x,
            y,
            size,
            bold: true,
            text: text.into(),
        });
        self
    }

    /// Text wrapped to `width` characters, one line every `leading` mm; returns the y
    /// below the last line.
    pub fn paragraph(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        width: usize,
        leading: f32,
        text: &str,
    ) -> f32 {
        let mut y = y;
        for line in super::document::wrap(text, width) {
            self.text(x, y, size, line);
            y += leading;
        }
        y
    }

    /// Text whose right end is at `right` mm.
    pub fn right(&mut self, right: f32, y: f32, size: f32, text: impl Into<String>) -> &mut Self {
        let text = text.into();
        let x = right - width_mm(&text, size);
        self.text(x, y, size, text)
    }

    /// Bold text whose right end is at `right` mm.
    pub fn bold_right(
        &mut self,
        right: f32,
        y: f32,
        size: f32,
        text: impl Into<String>,
    ) -> &mut Self {
        let text = text.into();
        let x = right - width_mm(&text, size) * 1.08;
        self.bold(x, y, size, text)
    }

    pub fn colour(&mut self, x: f32, y: f32, w: f32, h: f32, rgb: [u8; 3]) -> &mut Self {
        self.marks.push(Mark::Colour { x, y, w, h, rgb });
        self
    }

    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32) -> &mut Self {
        self.marks.push(Mark::Fill { x, y, w, h });
        self
    }

    /// A horizontal rule.
    pub fn rule(&mut self, x: f32, y: f32, w: f32) -> &mut Self {
        self.fill(x, y, w, 0.25)
    }

    /// The four sides of a box.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32) -> &mut Self {
        let t = 0.25;
        self.fill(x, y, w, t)
            .fill(x, y + h - t, w, t)
            .fill(x, y, t, h)
            .fill(x + w - t, y, t, h)
    }

    /// The bars of EAN-13 `code`, their top-left corner at (x, y) mm, each module
    /// `module` mm wide and `height` mm high.
    pub fn bars(
        &mut self,
        x: f32,
        y: f32,
        module: f32,
        height: f32,
        code: &str,
    ) -> Result<&mut Self, PrintError> {
        let bars = super::label::modules(code)?;
        let mut run_start: Option<usize> = None;
        for (i, on) in bars.iter().chain(std::iter::once(&false)).enumerate() {
            match (on, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(start)) => {
                    self.fill(
                        x + start as f32 * module,
                        y,
                        (i - start) as f32 * module,
                        height,
                    );
                    run_start = None;
                }
                _ => {}
            }
        }
        Ok(self)
    }

    /// An EAN-13 at (x, y) mm: its bars `module` mm wide and `height` mm high, its
    /// digits below.
    pub fn ean13(
        &mut self,
        x: f32,
        y: f32,
        module: f32,
        height: f32,
        code: &str,
    ) -> Result<&mut Self, PrintError> {
        self.bars(x, y, module, height, code)?;
        self.text(x + 2.0, y + height + 3.5, 9.0, code.to_owned());
        Ok(self)
    }
}

/// The PDF of `pages`, A4 each.
pub fn render(pages: &[Page]) -> Result<Vec<u8>, PrintError> {
    let regular = font(REGULAR)?;
    let bold = font(BOLD)?;
    let mut document = Document::new();
    let settings = PageSettings::from_wh(pt(A4_W_MM), pt(A4_H_MM))
        .ok_or_else(|| PrintError::Render(Msg::ErrPdfPage.text().to_owned()))?;
    for page in pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        surface.set_fill(Some(Fill::default()));
        for mark in &page.marks {
            draw(&mut surface, mark, &regular, &bold);
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| PrintError::Render(Msg::ErrPrintRender.fill(&[&format!("{e:?}")])))
}

fn draw(surface: &mut Surface, mark: &Mark, regular: &Font, bold: &Font) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            bold: is_bold,
            text,
        } => surface.draw_text(
            Point::from_xy(pt(*x), pt(*y)),
            if *is_bold {
                bold.clone()
            } else {
                regular.clone()
            },
            *size,
            text,
            false,
            TextDirection::Auto,
        ),
        Mark::Fill { x, y, w, h } => rectangle(surface, *x, *y, *w, *h),
        Mark::Colour { x, y, w, h, rgb } => {
            let [r, g, b] = *rgb;
            surface.set_fill(Some(Fill {
                paint: krilla::color::rgb::Color::new(r, g, b).into(),
                ..Fill::default()
            }));
            rectangle(surface, *x, *y, *w, *h);
            surface.set_fill(Some(Fill::default()));
        }
    }
}

fn rectangle(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32) {
    let mut builder = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(pt(x), pt(y), pt(w), pt(h)) {
        builder.push_rect(rect);
    }
    if let Some(path) = builder.finish() {
        surface.draw_path(&path);
    }
}
