//! Reading ESC/POS bytes back: the commands pépite emits are recognised and skipped, the
//! text is decoded with the code page the bytes selected. Tests use it to prove a slip
//! holds the right characters; an unknown command is an error, never guessed past.

use super::PrintError;
use super::codepage::CodePage;
use super::profile::Profile;

/// What a stream of ESC/POS bytes does, as far as pépite's slips go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// The printed text, lines separated by `\n`.
    pub text: String,
    /// Every `n` of `ESC t n`, in order.
    pub code_pages: Vec<u8>,
    pub drawer_pulses: usize,
    pub cuts: usize,
    /// EAN-13 barcodes printed.
    pub barcodes: Vec<String>,
}

fn cut_short() -> PrintError {
    PrintError::Render("séquence ESC/POS tronquée".into())
}

/// Decodes `bytes` sent to a printer of `profile`.
pub fn decode(bytes: &[u8], profile: &Profile) -> Result<Decoded, PrintError> {
    let page = profile.code_page.encoding;
    let table = |n: u8| (n == profile.code_page.esc_t).then_some(page);
    let mut out = Decoded::default();
    let mut current: Option<CodePage> = None;
    let mut i = 0;
    let arg = |at: usize| bytes.get(at).copied().ok_or_else(cut_short);
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x1B => {
                let cmd = arg(i + 1)?;
                match cmd {
                    b'@' => i += 2,
                    b't' => {
                        let n = arg(i + 2)?;
                        out.code_pages.push(n);
                        current = table(n);
                        i += 3;
                    }
                    b'a' | b'E' | b'-' | b'M' => i += 3,
                    b'd' => {
                        let n = arg(i + 2)?;
                        out.text.extend((0..n).map(|_| '\n'));
                        i += 3;
                    }
                    b'p' => {
                        arg(i + 4)?;
                        out.drawer_pulses += 1;
                        i += 5;
                    }
                    other => {
                        return Err(PrintError::Render(format!(
                            "commande ESC 0x{other:02X} inconnue à l'octet {i}"
                        )));
                    }
                }
            }
            0x1D => {
                let cmd = arg(i + 1)?;
                match cmd {
                    b'!' | b'w' | b'h' | b'f' | b'H' => i += 3,
                    b'V' => {
                        let m = arg(i + 2)?;
                        out.cuts += 1;
                        i += if m == b'A' || m == b'B' { 4 } else { 3 };
                    }
                    b'k' => {
                        let _system = arg(i + 2)?;
                        let start = i + 3;
                        let end = bytes[start..]
                            .iter()
                            .position(|b| *b == 0)
                            .map(|p| start + p)
                            .ok_or_else(cut_short)?;
                        out.barcodes
                            .push(String::from_utf8_lossy(&bytes[start..end]).into_owned());
                        i = end + 1;
                    }
                    other => {
                        return Err(PrintError::Render(format!(
                            "commande GS 0x{other:02X} inconnue à l'octet {i}"
                        )));
                    }
                }
            }
            b'\n' => {
                out.text.push('\n');
                i += 1;
            }
            0x20..=0x7E => {
                out.text.push(char::from(b));
                i += 1;
            }
            _ => {
                let page = current.ok_or_else(|| {
                    PrintError::Render(format!("octet 0x{b:02X} sans page de codes choisie"))
                })?;
                out.text.push(page.decode(b).ok_or_else(|| {
                    PrintError::Render(format!("octet 0x{b:02X} absent de {page:?}"))
                })?);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// Whether `bytes` hold a well-formed multi-byte UTF-8 sequence (which must never reach a
/// printer): a lead byte 0xC2–0xF4 followed by its continuation bytes.
pub fn has_utf8_sequence(bytes: &[u8]) -> bool {
    bytes.windows(2).enumerate().any(|(i, w)| {
        let need = match w[0] {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => return false,
        };
        bytes
            .get(i + 1..i + 1 + need)
            .is_some_and(|rest| rest.len() == need && rest.iter().all(|b| (0x80..0xC0).contains(b)))
    })
}
