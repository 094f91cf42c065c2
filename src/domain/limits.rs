//! The till's limits: what no ticket may exceed, whichever screen, command or test builds
//! it. The screens refuse these values as they are typed; the rules below refuse them
//! again where a ticket is settled, so a caller that skips a screen gets the same answer.

use super::{DomainError, Money, Result};

/// Units on one line: 1 to 999 (negative, down to −999, only on a refund).
pub const MAX_QUANTITY: i64 = 999;

/// One line's amount: 10 000 € — a ressourcerie's dearest object is a piece of furniture.
pub const MAX_LINE: Money = Money::from_cents(1_000_000);

/// A whole ticket, and any single payment: 50 000 €.
pub const MAX_TICKET: Money = Money::from_cents(5_000_000);

/// Change given in cash: 500 €, the largest note a till may be handed for a small sum.
pub const MAX_CHANGE: Money = Money::from_cents(50_000);

/// Refuses a quantity outside −999…999 or zero, naming the line.
pub fn check_quantity(label: &str, quantity: i64) -> Result<()> {
    if quantity == 0 {
        return Err(DomainError::TicketZeroQuantity(label.to_owned()));
    }
    if !(-MAX_QUANTITY..=MAX_QUANTITY).contains(&quantity) {
        return Err(DomainError::QuantityTooLarge {
            label: label.to_owned(),
            max: MAX_QUANTITY,
        });
    }
    Ok(())
}

/// Refuses an amount whose size is above `max` (`what` says which: a line, the ticket …).
pub fn check_amount(what: &str, amount: Money, max: Money) -> Result<()> {
    if amount.cents().unsigned_abs() > max.cents().unsigned_abs() {
        return Err(DomainError::AmountTooLarge {
            what: what.to_owned(),
            max,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_and_amounts_have_bounds() {
        let cases: [(i64, bool); 8] = [
            (1, true),
            (999, true),
            (-999, true),
            (0, false),
            (1000, false),
            (-1000, false),
            (i64::MIN, false),
            (i64::MAX, false),
        ];
        for (quantity, good) in cases {
            assert_eq!(check_quantity("x", quantity).is_ok(), good, "{quantity}");
        }
        assert!(check_amount("ligne", MAX_LINE, MAX_LINE).is_ok());
        assert!(check_amount("ligne", Money::from_cents(-1_000_001), MAX_LINE).is_err());
        assert!(check_amount("ligne", Money::from_cents(i64::MIN), MAX_LINE).is_err());
    }
}
