//! Printer profiles: one TOML file per printer model in `printer-profiles/`, embedded in
//! the binary so a fresh install knows them. A profile says what the printer can do
//! (paper, columns, code page and its `ESC t` number, cutter, drawer); how to reach the
//! printer is the local configuration's business.

use super::PrintError;
use super::codepage::CodePage;
use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Receipt,
    Label,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cutter {
    None,
    Partial,
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub width_mm: u32,
    pub dots: u32,
    pub dpi: u32,
    /// Characters per line in the normal font.
    pub columns: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodePageSetting {
    pub encoding: CodePage,
    /// The `n` of `ESC t n` that selects `encoding` on this model.
    pub esc_t: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Features {
    pub cutter: Cutter,
    pub drawer: bool,
    pub barcode: bool,
    /// Answers ESC/POS real-time status requests (`DLE EOT n`) over the network: each
    /// job is then followed by a paper-sensor request, and an answer saying the paper ran
    /// out is a fault, not a printed slip.
    #[serde(default)]
    pub status: bool,
}

/// A label printer's labels.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSize {
    pub width_mm: u32,
    pub height_mm: u32,
    pub gap_mm: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub language: String,
    /// Where the facts come from.
    pub sources: Vec<String>,
    pub paper: Paper,
    pub code_page: CodePageSetting,
    pub features: Features,
    /// Label printers only.
    pub label: Option<LabelSize>,
}

const BUILT_IN: [&str; 7] = [
    include_str!("../../printer-profiles/epson-tm-t20iii.toml"),
    include_str!("../../printer-profiles/epson-tm-t88v.toml"),
    include_str!("../../printer-profiles/pos-5890.toml"),
    include_str!("../../printer-profiles/star-tsp650ii-escpos.toml"),
    include_str!("../../printer-profiles/generic-escpos.toml"),
    include_str!("../../printer-profiles/tsc-te200-50x30.toml"),
    include_str!("../../printer-profiles/xprinter-xp365b-40x30.toml"),
];

/// The profile used when the configuration names none.
pub const FALLBACK: &str = "generic-escpos";

impl Profile {
    pub fn parse(text: &str) -> Result<Profile, PrintError> {
        toml::from_str(text).map_err(|e| PrintError::Profile(e.message().to_owned()))
    }

    /// The receipt printers' profiles.
    pub fn receipt_printers() -> Vec<Profile> {
        Profile::built_in()
            .into_iter()
            .filter(|p| p.kind == Kind::Receipt)
            .collect()
    }

    /// Every profile shipped with pépite.
    pub fn built_in() -> Vec<Profile> {
        BUILT_IN
            .iter()
            .filter_map(|t| Profile::parse(t).ok())
            .collect()
    }

    /// The built-in profile called `id`.
    pub fn by_id(id: &str) -> Result<Profile, PrintError> {
        Profile::built_in()
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| PrintError::UnknownProfile(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_profile_parses_and_cites_its_sources() {
        for text in BUILT_IN {
            let profile = Profile::parse(text).expect("profile");
            assert!(!profile.sources.is_empty(), "{}", profile.id);
            let least = if profile.kind == Kind::Label { 16 } else { 24 };
            assert!(profile.paper.columns >= least, "{}", profile.id);
        }
        assert_eq!(Profile::built_in().len(), BUILT_IN.len());
        for profile in Profile::built_in() {
            assert_eq!(
                profile.kind == Kind::Label,
                profile.label.is_some(),
                "{}",
                profile.id
            );
        }
        assert!(Profile::by_id(FALLBACK).is_ok());
        assert!(matches!(
            Profile::by_id("nope"),
            Err(PrintError::UnknownProfile(_))
        ));
    }
}
