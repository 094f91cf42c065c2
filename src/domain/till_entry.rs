//! What a cashier types on the till's input line, before Enter:
//!
//! * `2000000000015` — a code typed by hand (same as a scan); `3*2000000000015` too;
//! * `lp` — the shortcut of a category or price-grid entry, at its own price;
//! * `3*lp`, `2,50 va`, `3*2,50 va`, `va 2,50 1,2kg` — a quantity before `*`, a price
//!   and a weight (with its unit) anywhere;
//! * any other word — a name to search for.
//!
//! Parsing is pure: the screen decides what a word means.

use super::{DomainError, Money, Result, Weight};

/// The parts of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub quantity: i64,
    pub price: Option<Money>,
    pub weight: Option<Weight>,
    /// A code, a shortcut or words to search (lower case, trimmed); may be empty.
    pub word: String,
}

impl Entry {
    /// Whether the word is a 13-digit code.
    pub fn is_code(&self) -> bool {
        self.word.len() == 13 && self.word.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Parses the input line.
pub fn parse_entry(input: &str) -> Result<Entry> {
    let text = input.trim();
    let (quantity, rest) = match text.split_once('*') {
        Some((n, rest)) => {
            let n: i64 = n
                .trim()
                .parse()
                .map_err(|_| DomainError::QuantityFormat(n.trim().to_owned()))?;
            if !(1..=999).contains(&n) {
                return Err(DomainError::QuantityFormat(n.to_string()));
            }
            (n, rest.trim())
        }
        None => (1, text),
    };
    let mut price = None;
    let mut weight = None;
    let mut words = Vec::new();
    for token in rest.split_whitespace() {
        let lower = token.to_lowercase();
        let numeric = lower.starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
        if numeric && (lower.ends_with("kg") || lower.ends_with('g')) {
            weight = Some(Weight::parse(&lower)?);
        } else if numeric && lower.len() != 13 && price.is_none() {
            price = Some(Money::parse(&lower)?);
        } else {
            words.push(lower);
        }
    }
    Ok(Entry {
        quantity,
        price,
        weight,
        word: words.join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(quantity: i64, price: Option<i64>, grams: Option<i64>, word: &str) -> Result<Entry> {
        Ok(Entry {
            quantity,
            price: price.map(Money::from_cents),
            weight: grams.map(|g| Weight::from_grams(g).expect("weight")),
            word: word.into(),
        })
    }

    #[test]
    fn entries() {
        let cases = [
            ("2000000000015", entry(1, None, None, "2000000000015")),
            ("3*2000000000015", entry(3, None, None, "2000000000015")),
            ("lp", entry(1, None, None, "lp")),
            (" 3*LP ", entry(3, None, None, "lp")),
            ("2,50 va", entry(1, Some(250), None, "va")),
            ("3*2,50 va", entry(3, Some(250), None, "va")),
            ("va 2,50 1,2kg", entry(1, Some(250), Some(1200), "va")),
            ("ve 850g", entry(1, None, Some(850), "ve")),
            ("lampe laiton", entry(1, None, None, "lampe laiton")),
            ("", entry(1, None, None, "")),
            ("2,505 va", Err(DomainError::MoneyDecimals("2,505".into()))),
            ("0*lp", Err(DomainError::QuantityFormat("0".into()))),
            ("x*lp", Err(DomainError::QuantityFormat("x".into()))),
            ("va 0kg", Err(DomainError::WeightNotPositive("0kg".into()))),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_entry(input), expected, "{input:?}");
        }
        assert!(parse_entry("2000000000015").expect("entry").is_code());
        assert!(!parse_entry("lp").expect("entry").is_code());
    }
}
