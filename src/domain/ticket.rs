//! What a ticket holds before it becomes a document: lines, tenders, and the rules that
//! make it balance. VAT is extracted once per rate on the ticket's TTC total per rate,
//! never per line, so the VAT of a rate is always that rate applied to its TTC total.

use super::{DomainError, Money, PaymentKind, Result, VatRate, limits};
use crate::i18n::Msg;

/// One line of a ticket. Amounts are TTC in cents. A refund line has a negative quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleLine {
    pub label: String,
    pub category: Option<String>,
    /// The in-store EAN-13 of a labelled item.
    pub item_code: Option<String>,
    /// Never zero; negative on a refund or cancellation.
    pub quantity: i64,
    /// Unit price TTC, never negative.
    pub unit_price: Money,
    /// The price the label or grid gave, when a person typed another one.
    pub original_price: Option<Money>,
    /// Discount on the whole line, never negative and at most the line's gross amount.
    pub discount: Money,
    pub discount_reason: Option<String>,
    /// The part of `discount` that is this line's share of a discount on the whole
    /// ticket (printed once, as « Remise sur le ticket »), and that discount's reason.
    pub ticket_discount: Money,
    pub ticket_discount_reason: Option<String>,
    pub vat_rate: VatRate,
    /// The grams the line took out of the shop (negative when they came back), and
    /// whether they are estimated: copied into the payload, so a refund gives back
    /// exactly its share.
    pub grams: Option<i64>,
    pub weight_estimated: bool,
    /// Sold under the margin scheme for second-hand goods (CGI art. 297 A): the VAT is
    /// counted as due, but the receipt shows none and carries the scheme's mention.
    pub margin_scheme: bool,
    /// Sold with the legal guarantee (a category marked so: electrical goods, bikes …):
    /// the receipt prints by itself and states the guarantee (code de la consommation,
    /// art. L217-3 and following).
    pub guarantee: bool,
    /// A café line's service mode (sur place / à emporter): its VAT rate depends on it,
    /// and the café's X and Z give the takings by mode.
    pub service: Option<super::cafe::ServiceMode>,
}

impl SaleLine {
    /// Quantity × unit price − discount, with the sign of the quantity.
    /// Refused: a zero quantity, one beyond ±999, and a line above the till's maximum.
    pub fn total(&self) -> Result<Money> {
        limits::check_quantity(&self.label, self.quantity)?;
        if self.unit_price.is_negative() || self.discount.is_negative() {
            return Err(DomainError::MoneyNegative(self.label.clone()));
        }
        let gross = self.unit_price.checked_mul(self.quantity.abs())?;
        limits::check_amount(
            &Msg::LimitLine.fill(&[&self.label]),
            gross,
            limits::MAX_LINE,
        )?;
        if self.discount > gross {
            return Err(DomainError::TicketDiscountTooLarge(self.label.clone()));
        }
        let net = gross.checked_sub(self.discount)?;
        Ok(if self.quantity < 0 { -net } else { net })
    }
}

/// A payment on a ticket, signed like the ticket (negative when money goes back).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tender {
    /// The payment method's label as the structure named it.
    pub method: String,
    pub kind: PaymentKind,
    pub amount: Money,
}

/// The TTC, HT and VAT of one rate on a ticket or a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VatTotal {
    pub rate: VatRate,
    pub ttc: Money,
    pub ht: Money,
    pub vat: Money,
}

impl VatTotal {
    /// The totals of `ttc` at `rate`: VAT extracted from the TTC, HT the rest.
    pub fn of(rate: VatRate, ttc: Money) -> Result<VatTotal> {
        let vat = rate.vat_in(ttc)?;
        Ok(VatTotal {
            rate,
            ttc,
            ht: ttc.checked_sub(vat)?,
            vat,
        })
    }
}

/// The VAT breakdown of `lines`, one entry per rate, by rate.
pub fn vat_breakdown(lines: &[SaleLine]) -> Result<Vec<VatTotal>> {
    let mut per_rate: Vec<(VatRate, Money)> = Vec::new();
    for line in lines {
        let total = line.total()?;
        match per_rate.iter_mut().find(|(rate, _)| *rate == line.vat_rate) {
            Some((_, sum)) => *sum = sum.checked_add(total)?,
            None => per_rate.push((line.vat_rate, total)),
        }
    }
    per_rate.sort_by_key(|(rate, _)| *rate);
    per_rate
        .into_iter()
        .map(|(rate, ttc)| VatTotal::of(rate, ttc))
        .collect()
}

/// A ticket whose lines and tenders balance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settlement {
    pub total: Money,
    pub vat: Vec<VatTotal>,
    /// Cash given back; only ever from cash, never on a refund.
    pub change: Money,
}

/// Checks that `tenders` pay `lines` and computes the change.
///
/// A sale is paid by positive tenders at least equal to its total; anything above is
/// change, which must be covered by cash — or given as a voucher, a negative voucher
/// tender. A refund (negative total) pays back exactly its
/// total with negative tenders.
pub fn settle(lines: &[SaleLine], tenders: &[Tender]) -> Result<Settlement> {
    if lines.is_empty() {
        return Err(DomainError::TicketEmpty);
    }
    let vat = vat_breakdown(lines)?;
    let total = vat
        .iter()
        .try_fold(Money::ZERO, |sum, v| sum.checked_add(v.ttc))?;
    limits::check_amount(Msg::LimitTicket.text(), total, limits::MAX_TICKET)?;
    for t in tenders {
        limits::check_amount(
            &Msg::LimitPayment.fill(&[&t.method]),
            t.amount,
            limits::MAX_TICKET,
        )?;
    }
    let paid = tenders
        .iter()
        .try_fold(Money::ZERO, |sum, t| sum.checked_add(t.amount))?;
    let refund = total.is_negative();
    // On a sale, a negative voucher tender is a voucher issued instead of change.
    let issued_voucher =
        |t: &Tender| !refund && t.kind == PaymentKind::Voucher && t.amount.is_negative();
    if tenders.iter().any(|t| {
        (t.amount.is_negative() != refund && !issued_voucher(t)) || t.amount == Money::ZERO
    }) {
        return Err(DomainError::TenderSign);
    }
    if refund {
        if paid != total {
            return Err(DomainError::TicketUnderpaid { due: total, paid });
        }
        return Ok(Settlement {
            total,
            vat,
            change: Money::ZERO,
        });
    }
    if paid < total {
        return Err(DomainError::TicketUnderpaid { due: total, paid });
    }
    let change = paid.checked_sub(total)?;
    let cash: Money = tenders
        .iter()
        .filter(|t| t.kind == PaymentKind::Cash)
        .map(|t| t.amount)
        .sum();
    if change > cash {
        return Err(DomainError::TicketChangeWithoutCash(change));
    }
    limits::check_amount(Msg::LimitChange.text(), change, limits::MAX_CHANGE)?;
    Ok(Settlement { total, vat, change })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, quantity: i64, cents: i64, rate: VatRate) -> SaleLine {
        SaleLine {
            label: label.into(),
            category: None,
            item_code: None,
            quantity,
            unit_price: Money::from_cents(cents),
            original_price: None,
            discount: Money::ZERO,
            discount_reason: None,
            ticket_discount: Money::ZERO,
            ticket_discount_reason: None,
            grams: None,
            weight_estimated: false,
            margin_scheme: false,
            guarantee: false,
            service: None,
            vat_rate: rate,
        }
    }

    fn tender(kind: PaymentKind, cents: i64) -> Tender {
        Tender {
            method: kind.code().into(),
            kind,
            amount: Money::from_cents(cents),
        }
    }

    #[test]
    fn vat_is_extracted_once_per_rate() {
        // Three lines at 20 %: per line 0,17 + 0,17 + 0,17 = 0,51; once on 3,00 € it is 0,50.
        let lines = [
            line("a", 1, 100, VatRate::STANDARD),
            line("b", 1, 100, VatRate::STANDARD),
            line("c", 1, 100, VatRate::STANDARD),
            line("crêpe", 2, 350, VatRate::INTERMEDIATE),
        ];
        let vat = vat_breakdown(&lines).expect("breakdown");
        assert_eq!(
            vat,
            vec![
                VatTotal {
                    rate: VatRate::INTERMEDIATE,
                    ttc: Money::from_cents(700),
                    ht: Money::from_cents(636),
                    vat: Money::from_cents(64)
                },
                VatTotal {
                    rate: VatRate::STANDARD,
                    ttc: Money::from_cents(300),
                    ht: Money::from_cents(250),
                    vat: Money::from_cents(50)
                },
            ]
        );
    }

    #[test]
    fn settlement_cases() {
        use PaymentKind::{Card, Cash, Voucher};
        let sale = [line("chaise", 1, 1250, VatRate::STANDARD)];
        let refund = [line("chaise", -1, 1250, VatRate::STANDARD)];
        type Case<'a> = (&'a [SaleLine], Vec<Tender>, Result<i64>);
        let cases: Vec<Case> = vec![
            (&sale, vec![tender(Cash, 2000)], Ok(750)),
            (&sale, vec![tender(Card, 1250)], Ok(0)),
            (&sale, vec![tender(Card, 1000), tender(Cash, 500)], Ok(250)),
            (
                &sale,
                vec![tender(Card, 1300)],
                Err(DomainError::TicketChangeWithoutCash(Money::from_cents(50))),
            ),
            (
                &sale,
                vec![tender(Cash, 1000)],
                Err(DomainError::TicketUnderpaid {
                    due: Money::from_cents(1250),
                    paid: Money::from_cents(1000),
                }),
            ),
            (
                &sale,
                vec![tender(Cash, -1250)],
                Err(DomainError::TenderSign),
            ),
            // 20 € in cash, 7,50 € back as a voucher rather than coins.
            (
                &sale,
                vec![tender(Cash, 2000), tender(Voucher, -750)],
                Ok(0),
            ),
            (
                &sale,
                vec![tender(Cash, 2000), tender(Voucher, -500)],
                Ok(250),
            ),
            (
                &sale,
                vec![tender(Card, 2000), tender(Card, -750)],
                Err(DomainError::TenderSign),
            ),
            (&refund, vec![tender(Cash, -1250)], Ok(0)),
            (&refund, vec![tender(Voucher, -1250)], Ok(0)),
            (
                &refund,
                vec![tender(Cash, -1000)],
                Err(DomainError::TicketUnderpaid {
                    due: Money::from_cents(-1250),
                    paid: Money::from_cents(-1000),
                }),
            ),
            (&[], vec![], Err(DomainError::TicketEmpty)),
        ];
        for (i, (lines, tenders, expected)) in cases.into_iter().enumerate() {
            let got = settle(lines, &tenders).map(|s| s.change.cents());
            assert_eq!(got, expected, "case {i}");
        }
    }

    #[test]
    fn line_totals_with_discounts_and_signs() {
        let mut l = line("lot de livres", 3, 200, VatRate::ZERO);
        l.discount = Money::from_cents(100);
        assert_eq!(l.total(), Ok(Money::from_cents(500)));
        l.quantity = -3;
        assert_eq!(l.total(), Ok(Money::from_cents(-500)));
        l.discount = Money::from_cents(601);
        assert_eq!(
            l.total(),
            Err(DomainError::TicketDiscountTooLarge("lot de livres".into()))
        );
        l.quantity = 0;
        assert_eq!(
            l.total(),
            Err(DomainError::TicketZeroQuantity("lot de livres".into()))
        );
    }
}
