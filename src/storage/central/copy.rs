//! Rows for PostgreSQL's `COPY … FROM STDIN` in its text format: tab between fields, a
//! newline after each row, `\N` for NULL, backslash, tab, newline and carriage return
//! escaped. One COPY per table per batch sends thousands of rows in one round trip.

use std::fmt::Write as _;

/// A COPY's text, built row by row.
#[derive(Default)]
pub(super) struct Rows {
    text: String,
    fresh: bool,
}

impl Rows {
    pub(super) fn new() -> Rows {
        Rows {
            text: String::new(),
            fresh: true,
        }
    }

    fn separate(&mut self) {
        if !self.fresh {
            self.text.push('\t');
        }
        self.fresh = false;
    }

    pub(super) fn text(&mut self, value: &str) -> &mut Rows {
        self.separate();
        for c in value.chars() {
            match c {
                '\\' => self.text.push_str("\\\\"),
                '\t' => self.text.push_str("\\t"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                other => self.text.push(other),
            }
        }
        self
    }

    pub(super) fn opt_text(&mut self, value: Option<&str>) -> &mut Rows {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    pub(super) fn int(&mut self, value: i64) -> &mut Rows {
        self.separate();
        let _ = write!(self.text, "{value}");
        self
    }

    pub(super) fn opt_int(&mut self, value: Option<i64>) -> &mut Rows {
        match value {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }

    pub(super) fn bool(&mut self, value: bool) -> &mut Rows {
        self.separate();
        self.text.push(if value { 't' } else { 'f' });
        self
    }

    pub(super) fn null(&mut self) -> &mut Rows {
        self.separate();
        self.text.push_str("\\N");
        self
    }

    pub(super) fn end(&mut self) {
        self.text.push('\n');
        self.fresh = true;
    }

    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.text.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_copy_reads_specially() {
        let mut rows = Rows::new();
        rows.text("a\\b\tc\nd").int(-5).opt_int(None).bool(true);
        rows.end();
        assert_eq!(
            String::from_utf8(rows.into_bytes()).expect("utf-8"),
            "a\\\\b\\tc\\nd\t-5\t\\N\tt\n"
        );
    }
}
