//! What a tax receipt (reçu fiscal, Cerfa 11580) says, frozen when it is issued: the
//! beneficiary, the donor, the amount in figures and in words, the dates, the form,
//! nature and method of the gift and the article of the CGI it opens a reduction under
//! (200 for a person, 238 bis for a company). A reprint reads the same content.

use super::Money;
use super::words::amount_in_words;

/// How the money came, as the Cerfa names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Method {
    Cash,
    Cheque,
    /// Transfer, direct debit, card.
    Card,
}

impl Method {
    /// From a payment kind's code (`cash`, `cheque`, `card`, …).
    pub fn of_payment(code: &str) -> Method {
        match code {
            "cash" => Method::Cash,
            "cheque" => Method::Cheque,
            _ => Method::Card,
        }
    }
}

/// A receipt's content.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReceiptContent {
    pub year: i32,
    pub number: i64,
    pub beneficiary_name: String,
    pub beneficiary_address: String,
    pub beneficiary_siret: String,
    pub purpose: String,
    pub donor_name: String,
    pub donor_address: String,
    /// Cents.
    pub amount: i64,
    pub amount_in_words: String,
    /// The day of the gift, or the first and last days of a yearly receipt (ISO).
    pub first_day: String,
    pub last_day: String,
    pub yearly: bool,
    pub methods: Vec<Method>,
    /// « 200 » (a person) or « 238 bis » (a company).
    pub article: String,
    pub issued_on: String,
    pub signatory: String,
}

impl ReceiptContent {
    /// The receipt's number as printed: `2026-0007`.
    pub fn reference(&self) -> String {
        format!("{}-{:04}", self.year, self.number)
    }

    pub fn money(&self) -> Money {
        Money::from_cents(self.amount)
    }

    /// Fills the amount in words from the amount.
    pub fn with_words(mut self) -> ReceiptContent {
        self.amount_in_words = amount_in_words(self.money());
        self
    }
}

/// The article of the CGI a gift from this kind of donor falls under.
pub fn article(company: bool) -> &'static str {
    if company { "238 bis" } else { "200" }
}
