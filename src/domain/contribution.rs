//! Membership fees and donations on a ticket: money outside VAT and outside takings,
//! inside the cash count. A customer pays a lamp and a fee at once, in one payment; the
//! journal records the lamp on a ticket and the fee on a payment proof, so the one
//! payment is shared out: [`allocate`] gives each fee or donation its exact amount from
//! the payments (cards and cheques first, then cash; never a voucher, which is shop
//! credit) and leaves the rest, change included, to the ticket.

use super::{DomainError, Money, PaymentKind, Result, Tender};

/// A fee or a donation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ContributionKind {
    Fee,
    Donation,
}

/// Who gives a donation when it is not a member: what the tax receipt prints.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Donor {
    pub name: String,
    pub address: String,
}

/// A fee or a donation waiting on the ticket.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contribution {
    pub kind: ContributionKind,
    /// The member, by number: the journal never holds a name.
    pub member: Option<i64>,
    pub amount: Money,
    /// What the ticket shows: « Adhésion n° 12 Individuelle », « Don ».
    pub label: String,
    /// A fee: its offer's label and the days it covers (ISO dates).
    #[serde(default)]
    pub offer: Option<String>,
    #[serde(default)]
    pub valid_from: Option<String>,
    #[serde(default)]
    pub valid_until: Option<String>,
    /// A donation from someone who is not a member.
    #[serde(default)]
    pub donor: Option<Donor>,
    /// A donation whose donor asked for a tax receipt: issued with the sale.
    #[serde(default)]
    pub receipt: bool,
}

/// The payments shared out: one list per contribution, in order, and what is left for
/// the ticket's lines (with the change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    pub contributions: Vec<Vec<Tender>>,
    pub ticket: Vec<Tender>,
}

/// Shares `tenders` between `contributions` and the ticket. Without lines on the ticket,
/// what is left over must be cash: it is the change, and each proof records the cash it
/// kept.
pub fn allocate(
    contributions: &[Contribution],
    tenders: &[Tender],
    has_lines: bool,
) -> Result<Allocation> {
    let mut left: Vec<Tender> = tenders.to_vec();
    // Cards, cheques, local currency first, then cash (which the ticket may need for
    // change); vouchers never.
    let mut order: Vec<usize> = (0..left.len())
        .filter(|&i| left[i].kind != PaymentKind::Voucher && left[i].kind != PaymentKind::Cash)
        .collect();
    order.extend((0..left.len()).filter(|&i| left[i].kind == PaymentKind::Cash));
    let mut shares = Vec::with_capacity(contributions.len());
    for c in contributions {
        if c.amount.cents() <= 0 {
            return Err(DomainError::ContributionAmount(c.amount));
        }
        let mut due = c.amount;
        let mut share: Vec<Tender> = Vec::new();
        for &i in &order {
            if due.is_zero() {
                break;
            }
            let available = left[i].amount;
            if available.cents() <= 0 {
                continue;
            }
            let take = available.min(due);
            left[i].amount = available.checked_sub(take)?;
            due = due.checked_sub(take)?;
            match share.iter_mut().find(|t| t.method == left[i].method) {
                Some(t) => t.amount = t.amount.checked_add(take)?,
                None => share.push(Tender {
                    method: left[i].method.clone(),
                    kind: left[i].kind,
                    amount: take,
                }),
            }
        }
        if !due.is_zero() {
            return Err(DomainError::ContributionUnpaid(c.label.clone()));
        }
        shares.push(share);
    }
    let rest: Vec<Tender> = left.into_iter().filter(|t| !t.amount.is_zero()).collect();
    if !has_lines {
        if let Some(t) = rest.iter().find(|t| t.kind != PaymentKind::Cash) {
            return Err(DomainError::TicketChangeWithoutCash(t.amount));
        }
        return Ok(Allocation {
            contributions: shares,
            ticket: Vec::new(),
        });
    }
    Ok(Allocation {
        contributions: shares,
        ticket: rest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(kind: PaymentKind, cents: i64) -> Tender {
        Tender {
            method: kind.default_label(),
            kind,
            amount: Money::from_cents(cents),
        }
    }

    fn fee(cents: i64) -> Contribution {
        Contribution {
            kind: ContributionKind::Fee,
            member: Some(1),
            amount: Money::from_cents(cents),
            label: "Adhésion".into(),
            offer: None,
            valid_from: None,
            valid_until: None,
            donor: None,
            receipt: false,
        }
    }

    fn cents(ts: &[Tender]) -> Vec<(PaymentKind, i64)> {
        ts.iter().map(|t| (t.kind, t.amount.cents())).collect()
    }

    #[test]
    fn shares_payments_between_fees_and_ticket() {
        use PaymentKind::{Card, Cash, Cheque, Voucher};
        // (contributions, tenders, has lines, fee shares, ticket's share)
        #[allow(clippy::type_complexity)]
        let cases: Vec<(
            Vec<i64>,
            Vec<Tender>,
            bool,
            Vec<Vec<(PaymentKind, i64)>>,
            Vec<(PaymentKind, i64)>,
        )> = vec![
            // Lamp 15 € + fee 10 €, 50 € in cash: the ticket keeps 40 € and gives 25 €.
            (
                vec![1000],
                vec![t(Cash, 5000)],
                true,
                vec![vec![(Cash, 1000)]],
                vec![(Cash, 4000)],
            ),
            // Card first for the fee, the cash stays with the ticket for its change.
            (
                vec![1000],
                vec![t(Cash, 1000), t(Card, 2000)],
                true,
                vec![vec![(Card, 1000)]],
                vec![(Cash, 1000), (Card, 1000)],
            ),
            // A voucher never pays a fee.
            (
                vec![1000],
                vec![t(Voucher, 1500), t(Cheque, 1000)],
                true,
                vec![vec![(Cheque, 1000)]],
                vec![(Voucher, 1500)],
            ),
            // Fee alone, 20 € in cash for 10 €: the proof keeps 10 €, 10 € back.
            (
                vec![1000],
                vec![t(Cash, 2000)],
                false,
                vec![vec![(Cash, 1000)]],
                vec![],
            ),
            // Fee and donation, split over card and cash.
            (
                vec![1000, 500],
                vec![t(Card, 1200), t(Cash, 300)],
                false,
                vec![vec![(Card, 1000)], vec![(Card, 200), (Cash, 300)]],
                vec![],
            ),
        ];
        for (amounts, tenders, lines, shares, ticket) in cases {
            let contributions: Vec<_> = amounts.iter().map(|&a| fee(a)).collect();
            let got = allocate(&contributions, &tenders, lines).expect("allocates");
            let got_shares: Vec<_> = got.contributions.iter().map(|s| cents(s)).collect();
            assert_eq!(got_shares, shares, "{amounts:?} {tenders:?}");
            assert_eq!(cents(&got.ticket), ticket, "{amounts:?} {tenders:?}");
        }
    }

    #[test]
    fn refuses_what_cannot_be_shared() {
        use PaymentKind::{Card, Cash, Voucher};
        assert!(matches!(
            allocate(&[fee(1000)], &[t(Voucher, 1000)], true),
            Err(DomainError::ContributionUnpaid(_))
        ));
        assert!(matches!(
            allocate(&[fee(1000)], &[t(Card, 1500)], false),
            Err(DomainError::TicketChangeWithoutCash(_))
        ));
        assert!(matches!(
            allocate(&[fee(0)], &[t(Cash, 1000)], false),
            Err(DomainError::ContributionAmount(_))
        ));
    }
}
