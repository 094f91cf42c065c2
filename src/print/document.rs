//! What a printed slip says, independent of the printer: blocks of text, two-column
//! pairs, rules, barcodes, a cut and a drawer pulse, rendered to ESC/POS bytes for a
//! profile.

/// Horizontal alignment of a text block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph: wrapped to the paper width.
    Text {
        text: String,
        align: Align,
        bold: bool,
        /// Double width and height (the total, "DUPLICATA").
        big: bool,
    },
    /// A label on the left and an amount on the right of one line.
    Pair {
        left: String,
        right: String,
        bold: bool,
    },
    /// One row of a table: the first cell on the left, the others right-aligned in
    /// equal columns across the paper (the VAT table).
    Columns(Vec<String>),
    /// A line of dashes across the paper.
    Rule,
    /// Blank lines.
    Feed(u8),
    /// An EAN-13 barcode with its digits below.
    Ean13(String),
}

/// A slip to print.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slip {
    pub blocks: Vec<Block>,
    /// Pulse the cash drawer when this slip prints.
    pub open_drawer: bool,
    /// Cut the paper at the end.
    pub cut: bool,
}

impl Slip {
    pub fn text(&mut self, text: impl Into<String>) -> &mut Self {
        self.styled(text, Align::Left, false, false)
    }

    pub fn centred(&mut self, text: impl Into<String>) -> &mut Self {
        self.styled(text, Align::Center, false, false)
    }

    pub fn title(&mut self, text: impl Into<String>) -> &mut Self {
        self.styled(text, Align::Center, true, false)
    }

    pub fn big(&mut self, text: impl Into<String>) -> &mut Self {
        self.styled(text, Align::Center, true, true)
    }

    pub fn styled(
        &mut self,
        text: impl Into<String>,
        align: Align,
        bold: bool,
        big: bool,
    ) -> &mut Self {
        self.blocks.push(Block::Text {
            text: text.into(),
            align,
            bold,
            big,
        });
        self
    }

    pub fn pair(&mut self, left: impl Into<String>, right: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Pair {
            left: left.into(),
            right: right.into(),
            bold: false,
        });
        self
    }

    pub fn bold_pair(&mut self, left: impl Into<String>, right: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Pair {
            left: left.into(),
            right: right.into(),
            bold: true,
        });
        self
    }

    pub fn columns(&mut self, cells: Vec<String>) -> &mut Self {
        self.blocks.push(Block::Columns(cells));
        self
    }

    pub fn rule(&mut self) -> &mut Self {
        self.blocks.push(Block::Rule);
        self
    }

    pub fn feed(&mut self, lines: u8) -> &mut Self {
        self.blocks.push(Block::Feed(lines));
        self
    }
}

/// Splits `text` into lines of at most `width` characters, at spaces where it can (a
/// no-break space never splits). Leading spaces are an indent every line keeps.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let body = paragraph.trim_start_matches(' ');
        let indent = &paragraph[..paragraph.len() - body.len()];
        let room = width.saturating_sub(indent.chars().count()).max(1);
        lines.extend(
            wrap_words(body, room)
                .into_iter()
                .map(|l| format!("{indent}{l}")),
        );
    }
    lines
}

fn wrap_words(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split(' ') {
        let word_len = word.chars().count();
        let line_len = line.chars().count();
        if line_len > 0 && line_len + 1 + word_len > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            let rest: String = line.chars().skip(width).collect();
            lines.push(head);
            line = rest;
        }
    }
    lines.push(line);
    lines
}

/// `left` then `right` flush right on its last line; a long `left` wraps, and when its
/// last line leaves no room the amount goes on a line of its own.
/// One table row across `columns`: the first cell left, the others right-aligned in
/// equal widths (at least 8). A row that does not fit is written as words, wrapped.
pub fn column_line(cells: &[String], columns: usize) -> Vec<String> {
    let Some((first, rest)) = cells.split_first() else {
        return Vec::new();
    };
    let n = rest.len().max(1);
    let width = columns.saturating_sub(8) / n;
    let fits = width >= 8
        && rest.iter().all(|c| c.chars().count() < width)
        && first.chars().count() <= columns - width * n;
    if !fits {
        return wrap(&cells.join(" "), columns);
    }
    let mut line = format!("{first:<0$}", columns - width * n);
    for cell in rest {
        line.push_str(&format!("{cell:>width$}"));
    }
    vec![line]
}

pub fn pair_lines(left: &str, right: &str, columns: usize) -> Vec<String> {
    let right_len = right.chars().count();
    let mut lines = wrap(left, columns);
    let last = lines.pop().unwrap_or_default();
    let last_len = last.chars().count();
    if last_len + 1 + right_len <= columns {
        lines.push(format!(
            "{last}{}{right}",
            " ".repeat(columns - last_len - right_len)
        ));
    } else {
        lines.push(last);
        lines.push(format!(
            "{}{right}",
            " ".repeat(columns.saturating_sub(right_len))
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_and_pairs() {
        let cases: [(&str, usize, &[&str]); 5] = [
            (
                "Chaise bistrot en bois",
                10,
                &["Chaise", "bistrot en", "bois"],
            ),
            ("abcdefghijkl", 5, &["abcde", "fghij", "kl"]),
            ("", 5, &[""]),
            ("un\ndeux", 10, &["un", "deux"]),
            ("  1 x 3,50\u{a0}€ TVA", 12, &["  1 x 3,50\u{a0}€", "  TVA"]),
        ];
        for (text, width, expected) in cases {
            assert_eq!(wrap(text, width), expected, "{text}");
        }
        assert_eq!(pair_lines("Total", "12,50 €", 20), ["Total        12,50 €"]);
        assert_eq!(
            pair_lines("Lampe de chevet en laiton", "8,00 €", 20),
            ["Lampe de chevet en", "laiton        8,00 €"]
        );
        assert_eq!(
            pair_lines("Lampe de chevet laiton", "8,00 €", 20),
            ["Lampe de chevet", "laiton        8,00 €"]
        );
    }
}
