//! Telling a barcode scanner from a person. A scanner is a keyboard that types a dozen
//! digits a few milliseconds apart and ends with Enter (or Ctrl+J). Keys that could start
//! a scan are held back for a few milliseconds: if the burst goes on and ends with Enter
//! it is a scan; otherwise they are released, in order, as typing. Nothing is dropped.
//! A scanner set to a US layout on an AZERTY machine types `&é"'(-è_çà` for `1234567890`:
//! inside a burst those are digits.

/// A key as the screen receives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Enter, or Ctrl+J (a line feed in raw mode).
    Enter,
}

/// What the screen should act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// A scanned code, digits only.
    Scan(String),
}

/// The digit a scan character stands for (itself, or its AZERTY unshifted twin).
pub fn scan_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '&' => Some('1'),
        'é' => Some('2'),
        '"' => Some('3'),
        '\'' => Some('4'),
        '(' => Some('5'),
        '-' => Some('6'),
        'è' => Some('7'),
        '_' => Some('8'),
        'ç' => Some('9'),
        'à' => Some('0'),
        _ => None,
    }
}

/// Holds keys back just long enough to tell a scan from typing.
#[derive(Clone, Debug)]
pub struct ScanDetector {
    /// Largest gap between two keys of one scan, in microseconds.
    gap_us: u64,
    /// Fewest characters a scan has (EAN-8 is the shortest code we take).
    min_len: usize,
    pending: Vec<char>,
    last_us: u64,
}

impl Default for ScanDetector {
    fn default() -> Self {
        ScanDetector::new(40_000, 8)
    }
}

impl ScanDetector {
    pub fn new(gap_us: u64, min_len: usize) -> ScanDetector {
        ScanDetector {
            gap_us,
            min_len,
            pending: Vec::new(),
            last_us: 0,
        }
    }

    /// Whether keys are held back (the screen should call [`tick`](Self::tick) soon).
    pub fn is_holding(&self) -> bool {
        !self.pending.is_empty()
    }

    /// How long to wait before calling [`tick`](Self::tick), in microseconds.
    pub fn wait_us(&self) -> u64 {
        self.gap_us
    }

    fn release(&mut self, out: &mut Vec<Input>) {
        out.extend(self.pending.drain(..).map(|c| Input::Key(Key::Char(c))));
    }

    /// A key arrives at `at_us` (microseconds on any monotonic clock).
    pub fn key(&mut self, key: Key, at_us: u64) -> Vec<Input> {
        let mut out = Vec::new();
        if !self.pending.is_empty() && at_us.saturating_sub(self.last_us) > self.gap_us {
            self.release(&mut out);
        }
        self.last_us = at_us;
        match key {
            Key::Enter => {
                if self.pending.len() >= self.min_len {
                    let code: String = self.pending.drain(..).filter_map(scan_digit).collect();
                    out.push(Input::Scan(code));
                } else {
                    self.release(&mut out);
                    out.push(Input::Key(Key::Enter));
                }
            }
            Key::Char(c) if scan_digit(c).is_some() => self.pending.push(c),
            Key::Char(c) => {
                self.release(&mut out);
                out.push(Input::Key(Key::Char(c)));
            }
        }
        out
    }

    /// Releases every held key now (another kind of key arrived: order is kept).
    pub fn flush(&mut self) -> Vec<Input> {
        let mut out = Vec::new();
        self.release(&mut out);
        out
    }

    /// Time passes: keys held longer than the gap are released as typing.
    pub fn tick(&mut self, now_us: u64) -> Vec<Input> {
        let mut out = Vec::new();
        if !self.pending.is_empty() && now_us.saturating_sub(self.last_us) > self.gap_us {
            self.release(&mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `keys` as (key, gap since the previous key in ms), then waits long enough.
    fn run(keys: &[(Key, u64)]) -> Vec<Input> {
        let mut d = ScanDetector::default();
        let mut now = 1_000_000;
        let mut out = Vec::new();
        for (key, gap_ms) in keys {
            now += gap_ms * 1000;
            out.extend(d.tick(now));
            out.extend(d.key(*key, now));
        }
        out.extend(d.tick(now + 1_000_000));
        assert!(!d.is_holding());
        out
    }

    fn typed(text: &str, gap_ms: u64) -> Vec<(Key, u64)> {
        text.chars().map(|c| (Key::Char(c), gap_ms)).collect()
    }

    fn chars(text: &str) -> Vec<Input> {
        text.chars().map(|c| Input::Key(Key::Char(c))).collect()
    }

    #[test]
    fn scans_and_typing() {
        let scan = |code: &str| Input::Scan(code.to_owned());
        let enter = Input::Key(Key::Enter);
        let mut fast_scan = typed("2000000000015", 8);
        fast_scan.push((Key::Enter, 8));
        let mut azerty = typed("éàààààààààà&(", 5);
        azerty.push((Key::Enter, 5));
        let mut human = typed("2000000000015", 150);
        human.push((Key::Enter, 150));
        let mut quantity_then_scan = typed("3*", 200);
        quantity_then_scan.extend(typed("2000000000015", 6));
        quantity_then_scan.push((Key::Enter, 6));
        let mut burst_of_ssh = typed("20000000000", 0);
        burst_of_ssh.extend(typed("15", 0));
        burst_of_ssh.push((Key::Enter, 0));
        let mut slow_then_enter = typed("12", 30);
        slow_then_enter.push((Key::Enter, 30));

        type Case = (Vec<(Key, u64)>, Vec<Input>);
        let cases: Vec<Case> = vec![
            (fast_scan, vec![scan("2000000000015")]),
            (azerty, vec![scan("2000000000015")]),
            (
                human,
                [chars("2000000000015"), vec![enter.clone()]].concat(),
            ),
            (
                quantity_then_scan,
                [chars("3*"), vec![scan("2000000000015")]].concat(),
            ),
            (burst_of_ssh, vec![scan("2000000000015")]),
            (slow_then_enter, [chars("12"), vec![enter.clone()]].concat()),
            (typed("Jean", 5), chars("Jean")),
            (typed("12,50", 120), chars("12,50")),
        ];
        for (keys, expected) in cases {
            assert_eq!(run(&keys), expected, "{keys:?}");
        }
    }

    #[test]
    fn a_letter_inside_a_burst_releases_what_was_held() {
        let out = run(&typed("123a", 5));
        assert_eq!(out, chars("123a"));
    }
}
