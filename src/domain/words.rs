//! Amounts in French words, as a tax receipt writes them: « cent vingt euros et
//! cinquante centimes ». Traditional spelling: hyphens inside the tens (dix-sept,
//! quatre-vingt-douze), « et » for 21, 31 … 71, « cents » and « quatre-vingts » plural
//! only at the end of a number, « mille » invariable, « million(s) ».

use super::Money;

const UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// 0 to 99. `last`: nothing follows (quatre-vingts takes its s).
fn below_hundred(n: u64, last: bool) -> String {
    match n {
        0..=16 => UNITS[n as usize].to_owned(),
        17..=19 => format!("dix-{}", UNITS[(n - 10) as usize]),
        20..=69 => {
            let (tens, unit) = (TENS[(n / 10) as usize], n % 10);
            match unit {
                0 => tens.to_owned(),
                1 => format!("{tens} et un"),
                u => format!("{tens}-{}", UNITS[u as usize]),
            }
        }
        70..=79 if n == 71 => "soixante et onze".to_owned(),
        70..=79 => format!("soixante-{}", below_hundred(n - 60, false)),
        80 if last => "quatre-vingts".to_owned(),
        80..=99 if n == 80 => "quatre-vingt".to_owned(),
        _ => format!("quatre-vingt-{}", below_hundred(n - 80, false)),
    }
}

/// 0 to 999.
fn below_thousand(n: u64, last: bool) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let head = match hundreds {
        0 => String::new(),
        1 => "cent".to_owned(),
        h if rest == 0 && last => format!("{} cents", UNITS[h as usize]),
        h => format!("{} cent", UNITS[h as usize]),
    };
    match (head.is_empty(), rest) {
        (true, _) => below_hundred(rest, last),
        (false, 0) => head,
        (false, r) => format!("{head} {}", below_hundred(r, last)),
    }
}

/// A whole number in words, up to 999 999 999 999.
pub fn number_in_words(n: u64) -> String {
    if n == 0 {
        return UNITS[0].to_owned();
    }
    let billions = n / 1_000_000_000;
    let millions = n / 1_000_000 % 1000;
    let thousands = n / 1000 % 1000;
    let rest = n % 1000;
    let mut parts = Vec::new();
    if billions > 0 {
        let word = if billions > 1 {
            "milliards"
        } else {
            "milliard"
        };
        parts.push(format!("{} {word}", below_thousand(billions, true)));
    }
    if millions > 0 {
        let word = if millions > 1 { "millions" } else { "million" };
        parts.push(format!("{} {word}", below_thousand(millions, true)));
    }
    match thousands {
        0 => {}
        1 => parts.push("mille".to_owned()),
        t => parts.push(format!("{} mille", below_thousand(t, false))),
    }
    if rest > 0 {
        parts.push(below_thousand(rest, true));
    }
    parts.join(" ")
}

/// A sum of money in words: « un euro », « mille deux cents euros et cinq centimes »,
/// « cinquante centimes ». « de » before euros after a round million (un million d'euros).
pub fn amount_in_words(amount: Money) -> String {
    let cents = amount.cents().unsigned_abs();
    let (euros, rest) = (cents / 100, cents % 100);
    let euro_part = match euros {
        0 => String::new(),
        1 => "un euro".to_owned(),
        e if e % 1_000_000 == 0 => format!("{} d'euros", number_in_words(e)),
        e => format!("{} euros", number_in_words(e)),
    };
    let cent_part = match rest {
        0 => String::new(),
        1 => "un centime".to_owned(),
        c => format!("{} centimes", number_in_words(c)),
    };
    let words = match (euro_part.is_empty(), cent_part.is_empty()) {
        (true, true) => "zéro euro".to_owned(),
        (false, true) => euro_part,
        (true, false) => cent_part,
        (false, false) => format!("{euro_part} et {cent_part}"),
    };
    if amount.is_negative() {
        format!("moins {words}")
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        let cases = [
            (0, "zéro"),
            (1, "un"),
            (16, "seize"),
            (17, "dix-sept"),
            (21, "vingt et un"),
            (22, "vingt-deux"),
            (70, "soixante-dix"),
            (71, "soixante et onze"),
            (77, "soixante-dix-sept"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (91, "quatre-vingt-onze"),
            (99, "quatre-vingt-dix-neuf"),
            (100, "cent"),
            (101, "cent un"),
            (180, "cent quatre-vingts"),
            (200, "deux cents"),
            (250, "deux cent cinquante"),
            (1000, "mille"),
            (1080, "mille quatre-vingts"),
            (2000, "deux mille"),
            (80_000, "quatre-vingt mille"),
            (200_000, "deux cent mille"),
            (1_000_000, "un million"),
            (2_300_001, "deux millions trois cent mille un"),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn amounts_in_words() {
        let cases = [
            (100, "un euro"),
            (1, "un centime"),
            (50, "cinquante centimes"),
            (12_050, "cent vingt euros et cinquante centimes"),
            (8_000, "quatre-vingts euros"),
            (120_005, "mille deux cents euros et cinq centimes"),
            (100_000_000, "un million d'euros"),
            (0, "zéro euro"),
        ];
        for (cents, words) in cases {
            assert_eq!(amount_in_words(Money::from_cents(cents)), words, "{cents}");
        }
    }
}
