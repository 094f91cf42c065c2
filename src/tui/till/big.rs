//! Amounts in large figures, three rows tall, for the total and the change: a cashier
//! reads them from a step away, and a customer from the other side of the counter.

use ratatui::text::Line;

fn glyph(c: char) -> [&'static str; 3] {
    match c {
        '0' => ["█▀█", "█ █", "▀▀▀"],
        '1' => ["▀█ ", " █ ", "▀▀▀"],
        '2' => ["▀▀█", "█▀▀", "▀▀▀"],
        '3' => ["▀▀█", " ▀█", "▀▀▀"],
        '4' => ["█ █", "▀▀█", "  ▀"],
        '5' => ["█▀▀", "▀▀█", "▀▀▀"],
        '6' => ["█▀▀", "█▀█", "▀▀▀"],
        '7' => ["▀▀█", "  █", "  ▀"],
        '8' => ["█▀█", "█▀█", "▀▀▀"],
        '9' => ["█▀█", "▀▀█", "▀▀▀"],
        ',' => ["  ", "  ", "▄▀"],
        '-' => ["   ", "▀▀▀", "   "],
        _ => [" ", " ", " "],
    }
}

/// The three lines of `text` (digits, comma, minus; anything else is a narrow gap), then
/// `suffix` (the euro sign) in normal size on the middle line.
pub fn lines(text: &str, suffix: &str) -> [Line<'static>; 3] {
    let mut rows = [String::new(), String::new(), String::new()];
    for c in text.chars() {
        let g = glyph(c);
        for (row, part) in rows.iter_mut().zip(g) {
            row.push_str(part);
            row.push(' ');
        }
    }
    rows[1].push_str(suffix);
    rows.map(Line::from)
}

/// The figures of an amount such as `1 234,50 €`, without the euro sign.
pub fn figures(amount: &str) -> String {
    amount.trim_end_matches('€').trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_rows_of_equal_width() {
        let [a, b, c] = lines("12,50", "€");
        assert_eq!(a.width(), c.width());
        assert_eq!(b.width(), a.width() + 1);
        assert_eq!(figures("12,50\u{a0}€"), "12,50");
    }
}
