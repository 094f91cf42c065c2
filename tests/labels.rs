//! Labels in their three outputs — TSPL, ESC/POS on a roll, PDF sheets — snapshotted, and
//! read back by a barcode reader (rxing, a port of ZXing): the PDF's bars are redrawn from
//! its own rectangles, TSPL's and ESC/POS's from the code the printer is told to draw.
//! Then the real binary's PDF of the demo shop, rendered at 300 dpi by poppler, is
//! scanned by zbar: every code equals an item's code.

mod common;

use chrono::NaiveDate;
use pepite::domain::Money;
use pepite::print::a4::{Mark, Page};
use pepite::print::label::{self, Label, LabelFormat};
use pepite::print::pdf::{self, BARS_MM, MODULE_MM};
use pepite::print::{Profile, inspect};
use rxing::{BarcodeFormat, DecodeHints};
use std::collections::BTreeMap;

fn labels() -> Vec<Label> {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    vec![
        Label {
            code: "2000000000015".into(),
            price: Money::from_cents(1500),
            description: "Chaise bistrot « à l’œuf »".into(),
            category: "Assises".into(),
            entered: day(24),
        },
        Label {
            code: "2000000000022".into(),
            price: Money::from_cents(250),
            description: "Théière émaillée".into(),
            category: "Vaisselle".into(),
            entered: day(17),
        },
        Label {
            code: "2000000000039".into(),
            price: Money::from_cents(12_000),
            description: "Ordinateur portable reconditionné".into(),
            category: "Informatique".into(),
            entered: day(3),
        },
    ]
}

/// Black bars on white, `px` pixels per module, with quiet zones, 80 pixels tall.
fn bitmap(modules: &[bool], px: usize) -> (Vec<u8>, u32, u32) {
    let quiet = 12 * px;
    let width = modules.len() * px + 2 * quiet;
    let height = 80;
    let mut luma = vec![255u8; width * height];
    for (i, bar) in modules.iter().enumerate() {
        if *bar {
            for y in 0..height {
                for x in 0..px {
                    luma[y * width + quiet + i * px + x] = 0;
                }
            }
        }
    }
    (luma, width as u32, height as u32)
}

fn read(luma: Vec<u8>, width: u32, height: u32) -> String {
    rxing::helpers::detect_in_luma_with_hints(
        luma,
        width,
        height,
        Some(BarcodeFormat::EAN_13),
        &mut DecodeHints::default(),
    )
    .expect("a barcode the reader decodes")
    .getText()
    .to_owned()
}

/// The bars each label of a page draws, as module runs: the filled rectangles as high as
/// the bars, grouped by their top and by column.
fn page_bars(page: &Page, label_w_mm: f32) -> Vec<Vec<bool>> {
    let mut rows: BTreeMap<(i64, i64), Vec<(f32, f32)>> = BTreeMap::new();
    for mark in &page.marks {
        if let Mark::Fill { x, y, w, h } = mark
            && (*h - BARS_MM).abs() < 1e-3
        {
            // A label's bars share `y`; labels side by side are told apart by column.
            let column = (*x / label_w_mm) as i64;
            rows.entry(((*y * 100.0) as i64, column))
                .or_default()
                .push((*x, *w));
        }
    }
    rows.into_values()
        .map(|mut bars| {
            bars.sort_by(|a, b| a.0.total_cmp(&b.0));
            let start = bars[0].0;
            let mut modules = vec![false; 95];
            for (x, w) in bars {
                let first = ((x - start) / MODULE_MM).round() as usize;
                let count = (w / MODULE_MM).round() as usize;
                for m in modules.iter_mut().skip(first).take(count) {
                    *m = true;
                }
            }
            modules
        })
        .collect()
}

/// A page's marks as lines of text, for a snapshot.
fn marks_text(pages: &[Page]) -> String {
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        out.push_str(&format!("page {}\n", n + 1));
        for mark in &page.marks {
            let line = match mark {
                Mark::Text {
                    x,
                    y,
                    size,
                    bold,
                    text,
                } => {
                    format!(
                        "text {x:.2} {y:.2} {size}{} {text}",
                        if *bold { " bold" } else { "" }
                    )
                }
                Mark::Fill { x, y, w, h } => format!("fill {x:.3} {y:.3} {w:.3} {h:.3}"),
                Mark::Colour { x, y, w, h, rgb } => {
                    format!("colour {x:.2} {y:.2} {w:.2} {h:.2} {rgb:?}")
                }
            };
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn pdf_sheets_draw_bars_that_scan() {
    let labels = labels();
    let sheet = pdf::Sheet::named("3x8").expect("sheet");
    let pages = pdf::pages(&labels, &sheet, 0).expect("pages");
    assert_eq!(pages.len(), 1);
    let bars = page_bars(&pages[0], 70.0);
    assert_eq!(bars.len(), labels.len());
    let mut read_back: Vec<String> = bars
        .iter()
        .map(|modules| {
            let (luma, w, h) = bitmap(modules, 3);
            read(luma, w, h)
        })
        .collect();
    read_back.sort();
    let mut codes: Vec<String> = labels.iter().map(|l| l.code.clone()).collect();
    codes.sort();
    assert_eq!(read_back, codes);
    insta::assert_snapshot!("labels_pdf_3x8", marks_text(&pages));
    let bytes = pdf::sheets(&labels, &sheet, 0).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    // A partly used sheet: start at the fifth cell of 2 × 7; 13 labels fill two pages.
    let many: Vec<Label> = (0..13).map(|i| labels[i % 3].clone()).collect();
    let two = pdf::pages(&many, &pdf::Sheet::named("2x7").expect("sheet"), 4).expect("pages");
    assert_eq!(two.len(), 2);
    assert_eq!(page_bars(&two[0], 99.0).len(), 10);
    assert_eq!(page_bars(&two[1], 99.0).len(), 3);
    assert!(pdf::sheets(&many, &pdf::Sheet::named("2x7").expect("sheet"), 14).is_err());
    assert!(pdf::Sheet::named("4x10").is_err());
}

#[test]
fn tspl_and_escpos_labels_name_codes_that_scan() {
    let labels = labels();
    for profile in Profile::built_in()
        .into_iter()
        .filter(|p| p.label.is_some())
    {
        let bytes = label::tspl(&labels, &profile).expect("tspl");
        assert!(!inspect::has_utf8_sequence(&bytes), "{}", profile.id);
        let text: String = bytes
            .iter()
            .map(|b| profile.code_page.encoding.decode(*b).unwrap_or('?'))
            .collect();
        let size = profile.label.as_ref().expect("size");
        assert!(text.starts_with(&format!(
            "SIZE {} mm, {} mm\r\nGAP {} mm",
            size.width_mm, size.height_mm, size.gap_mm
        )));
        let codes: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with("BARCODE"))
            .map(|l| l.rsplit('"').nth(1).expect("code").to_owned())
            .collect();
        assert_eq!(codes.len(), labels.len());
        for code in &codes {
            let (luma, w, h) = bitmap(&label::modules(code).expect("modules"), 3);
            assert_eq!(&read(luma, w, h), code);
        }
        assert!(text.contains("15,00 €"), "{text}");
        insta::assert_snapshot!(
            format!("labels_tspl_{}", profile.id),
            text.replace("\r\n", "\n")
        );
    }
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    let bytes =
        label::render(&labels, LabelFormat::Escpos, Some(&profile.id), "3x8", 0).expect("escpos");
    let decoded = inspect::decode(&bytes, &profile).expect("decode");
    assert_eq!(
        decoded.barcodes,
        labels.iter().map(|l| l.code.clone()).collect::<Vec<_>>()
    );
    assert_eq!(decoded.cuts, labels.len());
    for code in &decoded.barcodes {
        let (luma, w, h) = bitmap(&label::modules(code).expect("modules"), 2);
        assert_eq!(&read(luma, w, h), code);
    }
    insta::assert_snapshot!("labels_escpos_roll", decoded.text);
}

/// Runs a tool; `None` when it is not installed (outside CI, where it must be).
fn tool(name: &str, args: &[&str]) -> Option<std::process::Output> {
    match std::process::Command::new(name).args(args).output() {
        Ok(out) => Some(out),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("{name} is not installed: apt install poppler-utils zbar-tools");
            None
        }
        Err(e) => panic!("{name}: {e} (CI installs poppler-utils and zbar-tools)"),
    }
}

#[test]
fn the_demo_pdf_at_300_dpi_scans_as_its_items() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "demo.db");
    let pdf = home.path().join("labels.pdf");
    let run = common::run_pepite(
        home.path(),
        &[
            "labels",
            "--db",
            db.to_str().expect("path"),
            "--format",
            "pdf",
            "--output",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut store = pepite::storage::Store::open(&db).expect("open");
    let mut expected: Vec<String> = store
        .read(|tx| pepite::storage::items::some_in_stock(tx, 1000))
        .expect("items");
    expected.sort();
    let prefix = home.path().join("page");
    let Some(render) = tool(
        "pdftoppm",
        &[
            "-r",
            "300",
            "-gray",
            "-png",
            pdf.to_str().expect("path"),
            prefix.to_str().expect("path"),
        ],
    ) else {
        return;
    };
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let mut pages: Vec<_> = std::fs::read_dir(home.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), expected.len().div_ceil(24));
    let mut scanned = Vec::new();
    for page in &pages {
        let Some(out) = tool(
            "zbarimg",
            &[
                "-q",
                "--raw",
                "-Sdisable",
                "-Sean13.enable",
                page.to_str().expect("path"),
            ],
        ) else {
            return;
        };
        scanned.extend(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_owned),
        );
    }
    scanned.sort();
    assert_eq!(scanned, expected);
    // Printed labels are marked: a second run has nothing left to print.
    let again = common::run_pepite(
        home.path(),
        &[
            "labels",
            "--db",
            db.to_str().expect("path"),
            "--format",
            "pdf",
            "--output",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(String::from_utf8_lossy(&again.stdout).contains("Aucun article à étiqueter"));
}
