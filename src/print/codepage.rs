//! Our own text encoder for thermal printers: each profile names the code page its
//! printer is switched to (`ESC t n`), and every character of a receipt becomes exactly
//! one byte of that page. Characters the page lacks are transliterated first (`œ` → `oe`,
//! `’` → `'`, `€` → `EUR` where there is no euro sign), so a layout computed on the folded
//! text keeps its columns, and no UTF-8 sequence ever reaches a printer.

use serde::Deserialize;

/// A single-byte code page a printer can be switched to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CodePage {
    /// Windows-1252: Latin-1 plus `€ œ Œ ’ “ ” …` in 0x80–0x9F.
    Cp1252,
    /// IBM 858: CP850 with `€` at 0xD5 (where CP850 has a dotless i).
    Cp858,
}

/// The upper halves (0x80–0xFF), as produced by Python's codecs; `\0` marks a hole.
const CP1252_HIGH: &str = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ\u{a0}¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ";
const CP858_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u{ad}±‗¾¶§÷¸°¨·¹³²■\u{a0}";

impl CodePage {
    fn high(self) -> &'static str {
        match self {
            CodePage::Cp1252 => CP1252_HIGH,
            CodePage::Cp858 => CP858_HIGH,
        }
    }

    /// The byte of `c` in this page, if it has one.
    pub fn byte(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return (c >= ' ' || c == '\n').then_some(c as u8);
        }
        if c == '\0' {
            return None;
        }
        self.high()
            .chars()
            .position(|h| h == c)
            .and_then(|i| u8::try_from(0x80 + i).ok())
    }

    /// `text` rewritten with characters this page has: every char of the result encodes to
    /// exactly one byte, so widths measured on it are the printed widths.
    pub fn fold(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if self.byte(c).is_some() && c != '\u{a0}' && c != '\u{ad}' {
                out.push(c);
            } else {
                out.push_str(substitute(c));
            }
        }
        out
    }

    /// The character a byte stands for in this page.
    pub fn decode(self, byte: u8) -> Option<char> {
        if byte < 0x80 {
            return Some(char::from(byte));
        }
        self.high()
            .chars()
            .nth(usize::from(byte - 0x80))
            .filter(|c| *c != '\0')
    }

    /// The bytes of `text` in this page (folded first).
    pub fn encode(self, text: &str) -> Vec<u8> {
        self.fold(text)
            .chars()
            .map(|c| self.byte(c).unwrap_or(b'?'))
            .collect()
    }
}

/// What to print for a character the page lacks: a plain equivalent, else `?`.
fn substitute(c: char) -> &'static str {
    match c {
        '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' => " ",
        '\u{ad}' => "",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        '’' | '‘' | '‚' | '′' => "'",
        '“' | '”' | '„' | '«' | '»' => "\"",
        '–' | '—' | '‐' | '−' => "-",
        '…' => "...",
        '€' => "EUR",
        '•' | '·' => "*",
        'Ÿ' => "Y",
        'ÿ' => "y",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'Ç' => "C",
        'ç' => "c",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "O",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ñ' => "N",
        'ñ' => "n",
        '°' => "o",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_in_each_page() {
        let cases: [(CodePage, &str, &[u8]); 8] = [
            (
                CodePage::Cp1252,
                "é è à ç ô",
                &[0xE9, 32, 0xE8, 32, 0xE0, 32, 0xE7, 32, 0xF4],
            ),
            (CodePage::Cp1252, "œ€’", &[0x9C, 0x80, 0x92]),
            (CodePage::Cp1252, "ÔÒÉ", &[0xD4, 0xD2, 0xC9]),
            (
                CodePage::Cp858,
                "é è à ç ô",
                &[0x82, 32, 0x8A, 32, 0x85, 32, 0x87, 32, 0x93],
            ),
            (CodePage::Cp858, "€", &[0xD5]),
            (CodePage::Cp858, "ÔÒ-", &[0xE2, 0xE3, b'-']),
            (CodePage::Cp858, "œuf’s", b"oeuf's"),
            (
                CodePage::Cp1252,
                "12,50\u{a0}€",
                &[b'1', b'2', b',', b'5', b'0', b' ', 0x80],
            ),
        ];
        for (page, text, bytes) in cases {
            assert_eq!(page.encode(text), bytes, "{page:?} {text}");
        }
    }

    #[test]
    fn folding_keeps_one_byte_per_char() {
        for page in [CodePage::Cp1252, CodePage::Cp858] {
            let text = "Cœur « brisé » — 3 € … 漢";
            let folded = page.fold(text);
            assert_eq!(folded.chars().count(), page.encode(text).len());
            assert!(page.encode(text).iter().all(|b| *b != 0));
        }
        assert_eq!(CodePage::Cp858.fold("漢"), "?");
        assert_eq!(CodePage::Cp858.fold("« »"), "« »");
    }

    #[test]
    fn tables_have_128_entries() {
        assert_eq!(CP1252_HIGH.chars().count(), 128);
        assert_eq!(CP858_HIGH.chars().count(), 128);
    }
}
