//! The cart: a ticket before payment. Everything in it can still change — quantity,
//! price (the original is kept to be printed beside), a discount on a line or on the
//! whole ticket (with its reason), removing a line. It becomes [`SaleLine`]s only when
//! paid. A labelled item is unique: it appears once, with quantity one.

use super::{DomainError, Money, Result, SaleLine, VatRate, Weight};

/// How much a discount takes off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Discount {
    /// Basis points of the amount: 5 000 is 50 %.
    Percent(u32),
    Amount(Money),
}

impl Discount {
    /// Parses `10%`, `10 %`, `2,50` (euros).
    pub fn parse(input: &str) -> Result<Discount> {
        let text = input.trim();
        if let Some(percent) = text.strip_suffix('%') {
            let rate = super::VatRate::parse(percent.trim())
                .map_err(|_| DomainError::DiscountFormat(text.to_owned()))?;
            return Ok(Discount::Percent(rate.basis_points()));
        }
        Money::parse(text)
            .map(Discount::Amount)
            .map_err(|_| DomainError::DiscountFormat(text.to_owned()))
    }

    /// What it takes off `gross`, rounded half away from zero to the cent.
    pub fn of(self, gross: Money) -> Result<Money> {
        match self {
            Discount::Amount(amount) => Ok(amount),
            Discount::Percent(bp) => Money::from_decimal(
                gross.to_decimal() * rust_decimal::Decimal::new(i64::from(bp), 4),
            ),
        }
    }
}

/// One line of the cart.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CartLine {
    pub label: String,
    pub category: Option<String>,
    pub category_id: Option<i64>,
    /// A labelled item: its id and code.
    pub item: Option<(i64, String)>,
    pub quantity: i64,
    pub unit_price: Money,
    /// The label's or grid's price when someone typed another one.
    pub original_price: Option<Money>,
    pub discount: Money,
    pub discount_reason: Option<String>,
    /// The line's own discount as it was given (`10 %` or `2,50`): applied again when the
    /// quantity or the price changes, never dropped silently.
    #[serde(default)]
    pub discount_rule: Option<Discount>,
    /// The part of `discount` that is this line's share of the ticket's discount, and
    /// that discount's reason.
    #[serde(default)]
    pub ticket_discount: Money,
    #[serde(default)]
    pub ticket_discount_reason: Option<String>,
    pub vat_rate: VatRate,
    /// Weight of one unit, and whether it is estimated rather than weighed.
    pub unit_weight: Option<Weight>,
    pub weight_estimated: bool,
    /// The weight of the whole line when it was weighed at the till (`3*2,50 j 1,2kg`:
    /// three toys weighed together, 1,2 kg in all); it wins over the unit weight.
    #[serde(default)]
    pub line_weight: Option<Weight>,
    /// Sold with a guarantee: the receipt prints without asking.
    pub guarantee: bool,
    /// Sold under the margin scheme for second-hand goods.
    #[serde(default)]
    pub margin_scheme: bool,
}

impl CartLine {
    pub fn gross(&self) -> Result<Money> {
        super::limits::check_quantity(&self.label, self.quantity)?;
        self.unit_price.checked_mul(self.quantity.abs())
    }

    pub fn total(&self) -> Result<Money> {
        self.sale_line().total()
    }

    /// The grams this line takes out of the shop: the weight typed for the line, or the
    /// unit weight times the quantity (checked: a wrap is refused).
    pub fn grams(&self) -> Result<Option<i64>> {
        if let Some(weight) = self.line_weight {
            return Ok(Some(if self.quantity < 0 {
                -weight.grams()
            } else {
                weight.grams()
            }));
        }
        self.unit_weight
            .map(|w| {
                w.grams()
                    .checked_mul(self.quantity)
                    .ok_or_else(|| DomainError::WeightOverflow(self.label.clone()))
            })
            .transpose()
    }

    /// After a change of quantity or price: the line's own discount computed again from
    /// its rule (a percentage follows the new amount; an amount stays, if the line still
    /// covers it). A share of a ticket discount no longer fits the new amounts: it is
    /// taken off, and the caller says so.
    fn reapply_discount(&mut self) -> Result<()> {
        let own = match self.discount_rule {
            Some(rule) => rule.of(self.gross()?)?,
            None => Money::ZERO,
        };
        self.ticket_discount = Money::ZERO;
        self.ticket_discount_reason = None;
        self.discount = own;
        if own.is_zero() {
            self.discount_reason = None;
        }
        Ok(())
    }

    pub fn sale_line(&self) -> SaleLine {
        SaleLine {
            label: self.label.clone(),
            category: self.category.clone(),
            item_code: self.item.as_ref().map(|(_, code)| code.clone()),
            quantity: self.quantity,
            unit_price: self.unit_price,
            original_price: self.original_price,
            discount: self.discount,
            discount_reason: self.discount_reason.clone(),
            ticket_discount: self.ticket_discount,
            ticket_discount_reason: (!self.ticket_discount.is_zero())
                .then(|| self.ticket_discount_reason.clone())
                .flatten(),
            grams: self.grams().ok().flatten(),
            weight_estimated: self.weight_estimated,
            margin_scheme: self.margin_scheme,
            guarantee: self.guarantee,
            service: None,
            vat_rate: self.vat_rate,
        }
    }
}

/// A ticket being made. It serialises to JSON so the till keeps it as a draft: a ticket
/// in progress or parked survives a quit, a crash or a power cut.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    /// Membership fees and donations paid with the ticket (outside VAT and takings).
    #[serde(default)]
    pub contributions: Vec<super::Contribution>,
    /// The member whose valid card was scanned: member prices apply.
    #[serde(default)]
    pub member: Option<i64>,
}

impl Cart {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.contributions.is_empty()
    }

    /// What the customer pays: the lines, the fees and the donations.
    pub fn due(&self) -> Result<Money> {
        self.contributions
            .iter()
            .try_fold(self.total()?, |sum, c| sum.checked_add(c.amount))
    }

    /// Adds a line; a labelled item already in the cart is refused.
    pub fn add(&mut self, line: CartLine) -> Result<usize> {
        if let Some((_, code)) = &line.item
            && self
                .lines
                .iter()
                .any(|l| l.item.as_ref().map(|i| &i.1) == Some(code))
        {
            return Err(DomainError::ItemAlreadyInCart(code.clone()));
        }
        line.total()?;
        self.lines.push(line);
        Ok(self.lines.len() - 1)
    }

    fn line_mut(&mut self, index: usize) -> Result<&mut CartLine> {
        self.lines
            .get_mut(index)
            .ok_or(DomainError::CartNoLine(index + 1))
    }

    /// Sets the quantity of an unlabelled line (a labelled item is one object).
    pub fn set_quantity(&mut self, index: usize, quantity: i64) -> Result<()> {
        let line = self.line_mut(index)?;
        if line.item.is_some() && quantity != 1 {
            return Err(DomainError::ItemQuantity(line.label.clone()));
        }
        let mut changed = line.clone();
        changed.quantity = quantity;
        changed.reapply_discount()?;
        changed.total()?;
        *line = changed;
        Ok(())
    }

    /// Types another price: the first price is kept as the original.
    pub fn set_price(&mut self, index: usize, price: Money) -> Result<()> {
        let line = self.line_mut(index)?;
        if price.is_negative() {
            return Err(DomainError::MoneyNegative(price.to_string()));
        }
        if line.original_price.is_none() && price != line.unit_price {
            line.original_price = Some(line.unit_price);
        }
        if line.original_price == Some(price) {
            line.original_price = None;
        }
        let mut changed = line.clone();
        changed.unit_price = price;
        changed.reapply_discount()?;
        changed.total()?;
        *line = changed;
        Ok(())
    }

    /// A discount on one line, with its reason.
    pub fn discount_line(&mut self, index: usize, discount: Discount, reason: &str) -> Result<()> {
        let line = self.line_mut(index)?;
        let amount = discount.of(line.gross()?)?;
        let mut changed = line.clone();
        changed.discount = amount.checked_add(changed.ticket_discount)?;
        changed.discount_rule = (!amount.is_zero()).then_some(discount);
        changed.discount_reason = (!amount.is_zero()).then(|| reason.to_owned());
        changed.total()?;
        *line = changed;
        Ok(())
    }

    /// A discount on the whole ticket, spread over the lines in proportion to their
    /// amounts (the last line takes the rounding), so VAT per rate stays exact.
    pub fn discount_ticket(&mut self, discount: Discount, reason: &str) -> Result<()> {
        // What each line is worth before this discount (its own discount taken off).
        let net: Vec<i64> = self
            .lines
            .iter()
            .map(|l| Ok(l.gross()?.checked_sub(l.discount)?.cents()))
            .collect::<Result<_>>()?;
        let base: i64 = net.iter().sum();
        if base <= 0 {
            return Err(DomainError::TicketEmpty);
        }
        let wanted = discount.of(Money::from_cents(base))?.cents();
        if wanted > base {
            return Err(DomainError::TicketDiscountTooLarge(
                Money::from_cents(wanted).to_string(),
            ));
        }
        // Largest remainders: each line gets the floor of its share, the cents left go to
        // the lines with the largest remainders — never below zero, never above the line.
        let mut shares: Vec<i64> = net
            .iter()
            .map(|n| (i128::from(wanted) * i128::from(*n) / i128::from(base)) as i64)
            .collect();
        let mut left = wanted - shares.iter().sum::<i64>();
        let mut order: Vec<usize> = (0..net.len()).collect();
        order.sort_by_key(|&i| {
            std::cmp::Reverse(i128::from(wanted) * i128::from(net[i]) % i128::from(base))
        });
        for &i in order.iter().cycle().take(order.len() * 2) {
            if left == 0 {
                break;
            }
            if shares[i] < net[i] {
                shares[i] += 1;
                left -= 1;
            }
        }
        let mut updated = self.lines.clone();
        for (line, share) in updated.iter_mut().zip(shares) {
            let share = Money::from_cents(share);
            line.discount = line.discount.checked_add(share)?;
            line.ticket_discount = line.ticket_discount.checked_add(share)?;
            line.ticket_discount_reason = Some(reason.to_owned());
            line.total()?;
        }
        self.lines = updated;
        Ok(())
    }

    pub fn remove(&mut self, index: usize) -> Result<CartLine> {
        self.line_mut(index)?;
        Ok(self.lines.remove(index))
    }

    pub fn total(&self) -> Result<Money> {
        self.lines
            .iter()
            .try_fold(Money::ZERO, |sum, l| sum.checked_add(l.total()?))
    }

    pub fn sale_lines(&self) -> Vec<SaleLine> {
        self.lines.iter().map(CartLine::sale_line).collect()
    }

    /// Whether the receipt must print without asking.
    pub fn needs_receipt(&self) -> bool {
        self.lines.iter().any(|l| l.guarantee)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, cents: i64, rate: VatRate) -> CartLine {
        CartLine {
            label: label.into(),
            category: None,
            category_id: None,
            item: None,
            quantity: 1,
            unit_price: Money::from_cents(cents),
            original_price: None,
            discount: Money::ZERO,
            discount_reason: None,
            discount_rule: None,
            ticket_discount: Money::ZERO,
            ticket_discount_reason: None,
            vat_rate: rate,
            unit_weight: None,
            line_weight: None,
            weight_estimated: true,
            guarantee: false,
            margin_scheme: false,
        }
    }

    #[test]
    fn discounts_parse() {
        let cases = [
            ("10%", Ok(Discount::Percent(1000))),
            ("12,5 %", Ok(Discount::Percent(1250))),
            ("2,50", Ok(Discount::Amount(Money::from_cents(250)))),
            ("abc", Err(DomainError::DiscountFormat("abc".into()))),
            ("2,505", Err(DomainError::DiscountFormat("2,505".into()))),
        ];
        for (input, expected) in cases {
            assert_eq!(Discount::parse(input), expected, "{input}");
        }
    }

    #[test]
    fn ticket_discount_is_spread_to_the_cent() {
        let cases: [(&[i64], Discount, &[i64]); 3] = [
            (&[1000, 2000], Discount::Percent(1000), &[100, 200]),
            (
                &[333, 333, 334],
                Discount::Amount(Money::from_cents(100)),
                &[33, 33, 34],
            ),
            (&[999, 1], Discount::Percent(5000), &[500, 0]),
        ];
        for (prices, discount, expected) in cases {
            let mut cart = Cart::default();
            for p in prices {
                cart.add(line("x", *p, VatRate::STANDARD)).expect("add");
            }
            let before = cart.total().expect("total");
            cart.discount_ticket(discount, "fin de série")
                .expect("discount");
            let given: Vec<i64> = cart.lines.iter().map(|l| l.discount.cents()).collect();
            assert_eq!(given, expected, "{prices:?}");
            let taken = discount.of(before).expect("amount");
            assert_eq!(
                cart.total().expect("total"),
                before.checked_sub(taken).expect("sub")
            );
        }
    }

    #[test]
    fn price_changes_keep_the_original() {
        let mut cart = Cart::default();
        cart.add(line("Chaise", 1500, VatRate::STANDARD))
            .expect("add");
        cart.set_price(0, Money::from_cents(1200)).expect("price");
        cart.set_price(0, Money::from_cents(1000)).expect("price");
        assert_eq!(cart.lines[0].original_price, Some(Money::from_cents(1500)));
        cart.set_price(0, Money::from_cents(1500)).expect("price");
        assert_eq!(cart.lines[0].original_price, None);
        cart.set_quantity(0, 3).expect("quantity");
        assert_eq!(cart.total(), Ok(Money::from_cents(4500)));
        assert!(
            cart.discount_line(0, Discount::Amount(Money::from_cents(5000)), "x")
                .is_err()
        );
        assert_eq!(cart.total(), Ok(Money::from_cents(4500)));
        cart.remove(0).expect("remove");
        assert!(cart.is_empty());
        assert_eq!(cart.remove(0), Err(DomainError::CartNoLine(1)));
    }

    #[test]
    fn a_labelled_item_is_one_object() {
        let mut cart = Cart::default();
        let mut item = line("Lampe", 800, VatRate::STANDARD);
        item.item = Some((7, "2000000000077".into()));
        cart.add(item.clone()).expect("add");
        assert_eq!(
            cart.add(item),
            Err(DomainError::ItemAlreadyInCart("2000000000077".into()))
        );
        assert!(cart.set_quantity(0, 2).is_err());
    }

    #[test]
    fn a_line_discount_follows_a_change_of_quantity_or_price() {
        // (rule, quantity, price after) → discount
        let cases: [(Discount, i64, Option<i64>, i64); 4] = [
            (Discount::Percent(1000), 3, None, 300), // 10 % of 3 × 10 €
            (Discount::Percent(5000), 1, Some(800), 400), // 50 % of a new 8 € price
            (Discount::Amount(Money::from_cents(150)), 2, None, 150),
            (Discount::Amount(Money::from_cents(150)), 1, Some(500), 150),
        ];
        for (rule, quantity, price, expected) in cases {
            let mut cart = Cart::default();
            cart.add(line("Chaise", 1000, VatRate::STANDARD))
                .expect("add");
            cart.discount_line(0, rule, "fidélité").expect("discount");
            if quantity != 1 {
                cart.set_quantity(0, quantity).expect("quantity");
            }
            if let Some(price) = price {
                cart.set_price(0, Money::from_cents(price)).expect("price");
            }
            let l = &cart.lines[0];
            assert_eq!(
                l.discount.cents(),
                expected,
                "{rule:?} ×{quantity} {price:?}"
            );
            assert_eq!(l.discount_reason.as_deref(), Some("fidélité"));
        }
    }

    #[test]
    fn a_ticket_discount_is_spread_to_the_cent_and_never_below_zero() {
        // Lines (cents), discount wanted → each line's share; the shares add up.
        let cases: [(&[i64], i64); 5] = [
            // Rounded shares of 1,5 would give the last line −1 cent.
            (&[3, 3, 3, 1], 5),
            (&[100, 100, 100], 100),
            (&[1, 1, 1, 997], 3),
            (&[1, 999], 999),
            (&[333, 333, 334], 1000),
        ];
        for (lines, wanted) in cases {
            let mut cart = Cart::default();
            for (i, cents) in lines.iter().enumerate() {
                cart.add(line(&format!("l{i}"), *cents, VatRate::STANDARD))
                    .expect("add");
            }
            cart.discount_ticket(Discount::Amount(Money::from_cents(wanted)), "solidarité")
                .expect("discount");
            let shares: Vec<i64> = cart
                .lines
                .iter()
                .map(|l| l.ticket_discount.cents())
                .collect();
            assert_eq!(shares.iter().sum::<i64>(), wanted, "{lines:?}");
            for (share, cents) in shares.iter().zip(lines.iter()) {
                assert!((0..=*cents).contains(share), "{lines:?} → {shares:?}");
            }
        }
    }
}
