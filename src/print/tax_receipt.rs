//! The tax receipt (reçu fiscal, Cerfa 11580) on paper: an A4 PDF that follows the
//! form's order of mentions, and the same mentions on the receipt roll. A reprint says
//! DUPLICATA with its number; the content is the one frozen when it was issued.

use super::a4::{self, Page};
use super::{PrintError, Slip};
use crate::domain::tax_receipt::{Method, ReceiptContent};
use crate::i18n::Msg;

fn date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_owned())
}

fn method_text(m: Method) -> &'static str {
    match m {
        Method::Cash => Msg::ReceiptMethodCash.text(),
        Method::Cheque => Msg::ReceiptMethodCheque.text(),
        Method::Card => Msg::ReceiptMethodCard.text(),
    }
}

/// The mentions in the form's order: (heading?, text) pairs.
fn mentions(r: &ReceiptContent, duplicate: Option<i64>) -> Vec<(bool, String)> {
    let mut out = vec![
        (true, Msg::ReceiptTitle.text().to_owned()),
        (false, Msg::ReceiptArticles.text().to_owned()),
        (false, Msg::ReceiptCerfa.text().to_owned()),
        (true, Msg::ReceiptNumber.fill(&[&r.reference()])),
    ];
    if let Some(n) = duplicate {
        out.push((true, Msg::ReceiptDuplicate.fill(&[&n])));
    }
    out.extend([
        (true, Msg::ReceiptBeneficiary.text().to_owned()),
        (false, Msg::ReceiptName.fill(&[&r.beneficiary_name])),
        (false, Msg::ReceiptAddress.fill(&[&r.beneficiary_address])),
    ]);
    if !r.beneficiary_siret.is_empty() {
        out.push((false, Msg::ReceiptSiret.fill(&[&r.beneficiary_siret])));
    }
    out.extend([
        (false, Msg::ReceiptPurpose.fill(&[&r.purpose])),
        (
            false,
            Msg::ReceiptChecked.fill(&[&Msg::ReceiptStatus.text()]),
        ),
        (true, Msg::ReceiptDonor.text().to_owned()),
        (false, Msg::ReceiptName.fill(&[&r.donor_name])),
        (false, Msg::ReceiptAddress.fill(&[&r.donor_address])),
        (false, Msg::ReceiptAcknowledges.text().to_owned()),
        (
            true,
            Msg::ReceiptAmount.fill(&[&r.money().plain().replace(".", ",")]),
        ),
        (false, Msg::ReceiptInWords.fill(&[&r.amount_in_words])),
    ]);
    if r.yearly {
        out.push((
            false,
            Msg::ReceiptDates.fill(&[&date(&r.first_day), &date(&r.last_day)]),
        ));
    } else {
        out.push((false, Msg::ReceiptDate.fill(&[&date(&r.first_day)])));
    }
    let methods: Vec<&str> = r.methods.iter().map(|m| method_text(*m)).collect();
    out.extend([
        (false, Msg::ReceiptCertifies.fill(&[&r.article])),
        (false, Msg::ReceiptForm.text().to_owned()),
        (false, Msg::ReceiptNature.text().to_owned()),
        (false, Msg::ReceiptMethod.fill(&[&methods.join(", ")])),
        (
            false,
            Msg::ReceiptSigned.fill(&[&date(&r.issued_on), &r.signatory]),
        ),
    ]);
    out
}

/// The receipt on the roll.
pub fn slip(r: &ReceiptContent, duplicate: Option<i64>) -> Slip {
    let mut slip = Slip::default();
    for (heading, text) in mentions(r, duplicate) {
        if heading {
            slip.title(text);
        } else {
            slip.text(text);
        }
    }
    slip.cut = true;
    slip
}

/// The receipt as an A4 PDF.
pub fn pdf(r: &ReceiptContent, duplicate: Option<i64>) -> Result<Vec<u8>, PrintError> {
    let mut page = Page::default();
    let (x, width) = (18.0, 96);
    let mut y = 22.0;
    for (heading, text) in mentions(r, duplicate) {
        if heading {
            y += 2.0;
            for line in super::document::wrap(&text, 80) {
                page.bold(x, y, 12.0, line);
                y += 6.0;
            }
        } else {
            y = page.paragraph(x, y, 10.0, width, 5.0, &text);
        }
        y += 1.0;
    }
    page.frame(12.0, 12.0, a4::A4_W_MM - 24.0, y - 6.0);
    a4::render(&[page])
}
