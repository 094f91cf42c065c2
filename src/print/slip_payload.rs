//! The fields a slip reads from a journal payload: every kind of document's, as serde
//! reads them (absent fields take their defaults, so an older payload still prints).

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Structure {
    pub(super) name: String,
    pub(super) address: String,
    pub(super) postcode: String,
    pub(super) city: String,
    pub(super) siret: Option<String>,
    pub(super) vat_status: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Line {
    pub(super) label: String,
    pub(super) quantity: i64,
    pub(super) unit_price: i64,
    pub(super) original_price: Option<i64>,
    pub(super) discount: i64,
    pub(super) discount_reason: Option<String>,
    pub(super) ticket_discount: i64,
    pub(super) vat_rate: u32,
    pub(super) total: i64,
    pub(super) vat_scheme: String,
    /// Sold with the legal guarantee: the receipt states it.
    pub(super) guarantee: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Vat {
    pub(super) rate: u32,
    pub(super) ttc: i64,
    pub(super) ht: i64,
    pub(super) vat: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Payment {
    pub(super) method: String,
    pub(super) kind: String,
    pub(super) amount: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RefersTo {
    pub(super) text: String,
    pub(super) reason: Option<String>,
    pub(super) authorised_by: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Check {
    pub(super) kind: String,
    pub(super) expected: i64,
    pub(super) declared: i64,
    pub(super) difference: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CashCount {
    pub(super) opening_float: i64,
    pub(super) counted_cash: i64,
    pub(super) checks: Vec<Check>,
    pub(super) comment: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ProofLine {
    pub(super) kind: String,
    pub(super) count: i64,
    pub(super) amount: i64,
}

/// A café's takings in one service mode.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ServiceLine {
    pub(super) mode: String,
    pub(super) ttc: i64,
}

/// The fields of every kind of document a slip may need.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Payload {
    pub(super) kind: String,
    pub(super) series: String,
    pub(super) number: i64,
    pub(super) terminal: String,
    pub(super) point_of_sale: String,
    pub(super) operator: String,
    pub(super) training: bool,
    pub(super) timestamp: String,
    pub(super) software: String,
    pub(super) structure: Option<Structure>,
    pub(super) lines: Vec<Line>,
    pub(super) vat: Vec<Vat>,
    pub(super) total_ttc: i64,
    pub(super) total_ht: i64,
    pub(super) total_vat: i64,
    pub(super) payments: Vec<Payment>,
    pub(super) change: i64,
    pub(super) refers_to: Option<RefersTo>,
    pub(super) ticket_discount: Option<TicketDiscount>,
    // Proofs.
    pub(super) proof: String,
    pub(super) label: String,
    pub(super) total: i64,
    // Closings and X reports.
    pub(super) closing: String,
    pub(super) period: String,
    pub(super) tickets: i64,
    pub(super) refunds: i64,
    pub(super) refunds_total: i64,
    pub(super) discounts: i64,
    pub(super) change_given: i64,
    pub(super) duplicates: i64,
    pub(super) drawer_openings: i64,
    pub(super) proofs: Vec<ProofLine>,
    pub(super) by_service: Vec<ServiceLine>,
    pub(super) grand_total_ttc: i64,
    pub(super) grand_total: Vec<Vat>,
    pub(super) first_ticket: Option<i64>,
    pub(super) last_ticket: Option<i64>,
    pub(super) training_tickets: Option<i64>,
    pub(super) vouchers_outstanding: Option<i64>,
    /// Not in any payload: the printer adds the installation key's (on a Z).
    #[serde(skip)]
    pub(super) key_fingerprint: Option<String>,
    pub(super) cash_count: Option<CashCount>,
    pub(super) chain: Option<ChainHeads>,
    // Duplicates.
    pub(super) duplicate_number: i64,
    pub(super) original: Option<Box<Payload>>,
}

/// A discount on the whole ticket, as its payload says it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct TicketDiscount {
    pub(super) amount: i64,
    pub(super) reason: String,
}

/// The chains' heads a Z carries.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ChainHeads {
    pub(super) documents: ChainHead,
    pub(super) events: ChainHead,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ChainHead {
    pub(super) count: i64,
    pub(super) hash: String,
}
