//! The café-crêperie's rules: the VAT rate of a product by its *VAT class* and the
//! *service mode* (sur place / à emporter), and the split of a bill in equal parts.
//!
//! The rates, as the CGI and the administration's doctrine set them for restaurants and
//! takeaway sales (BOI-TVA-LIQ-30-20-10, « Restauration et vente à emporter ») :
//!
//! | class | sur place | à emporter | source |
//! |---|---|---|---|
//! | to eat or drink now (galette, crêpe, café, thé, a drink poured in a cup) | 10 % | 10 % | CGI art. 279 m (restauration sur place) and n (ventes à consommer immédiatement) |
//! | food in packaging that keeps (a jar of jam, a packet of biscuits) | 10 % | 5,5 % | art. 279 m on site; art. 278-0 bis A, 1° (produits alimentaires) taken away |
//! | soft drink in a closable container (can, bottle) | 10 % | 5,5 % | art. 279 m on site; art. 278-0 bis A, 1° taken away |
//! | alcoholic drink (bière, cidre, vin) | 20 % | 20 % | art. 278; excluded from 279 m and n |
//! | anything else (a mug, a tote bag) | 20 % | 20 % | art. 278 |
//!
//! A structure that collects no VAT (franchise en base, CGI art. 293 B, or outside VAT)
//! charges none whatever the class: [`super::VatStatus::lines_as_sold`] sets every line to
//! 0 % and the receipt carries the mention.

use super::{DomainError, Money, VatRate};

/// What a café product is, for VAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VatClass {
    /// Food or a drink to consume at once (poured, cooked, served).
    Immediate,
    /// Food in packaging that keeps it.
    Keepable,
    /// A non-alcoholic drink in a closable container.
    SoftDrink,
    Alcohol,
    /// Not food: goods sold at the café counter.
    Other,
}

impl VatClass {
    pub const ALL: [VatClass; 5] = [
        VatClass::Immediate,
        VatClass::Keepable,
        VatClass::SoftDrink,
        VatClass::Alcohol,
        VatClass::Other,
    ];

    /// The stable code kept in the database and the menu's CSV.
    pub const fn code(self) -> &'static str {
        match self {
            VatClass::Immediate => "immediate",
            VatClass::Keepable => "keepable",
            VatClass::SoftDrink => "soft_drink",
            VatClass::Alcohol => "alcohol",
            VatClass::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<VatClass> {
        VatClass::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The VAT rate of this class served `mode`.
    pub const fn rate(self, mode: ServiceMode) -> VatRate {
        match (self, mode) {
            (VatClass::Alcohol | VatClass::Other, _) => VatRate::STANDARD,
            (_, ServiceMode::OnSite) | (VatClass::Immediate, ServiceMode::Takeaway) => {
                VatRate::INTERMEDIATE
            }
            (VatClass::Keepable | VatClass::SoftDrink, ServiceMode::Takeaway) => VatRate::REDUCED,
        }
    }
}

/// How an order, or one of its lines, is served.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ServiceMode {
    /// Sur place.
    #[default]
    OnSite,
    /// À emporter.
    Takeaway,
}

impl ServiceMode {
    pub const fn code(self) -> &'static str {
        match self {
            ServiceMode::OnSite => "on_site",
            ServiceMode::Takeaway => "takeaway",
        }
    }

    pub fn from_code(code: &str) -> Option<ServiceMode> {
        [ServiceMode::OnSite, ServiceMode::Takeaway]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

/// Which printer gets a product's lines when an order is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Station {
    /// The crêperie's kitchen printer.
    Creperie,
    Bar,
    /// Served at the counter: no ticket.
    None,
}

impl Station {
    pub const ALL: [Station; 3] = [Station::Creperie, Station::Bar, Station::None];

    pub const fn code(self) -> &'static str {
        match self {
            Station::Creperie => "creperie",
            Station::Bar => "bar",
            Station::None => "none",
        }
    }

    pub fn from_code(code: &str) -> Option<Station> {
        Station::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// `total` split in `parts` equal shares, to the cent: the cents that do not divide go
/// one each to the first shares, so the shares add up to the total exactly. Refused: no
/// share, or more shares than cents (a share of nothing is no payment).
pub fn split_equally(total: Money, parts: i64) -> Result<Vec<Money>, DomainError> {
    let cents = total.cents();
    if parts < 1 || cents < 1 || parts > cents {
        return Err(DomainError::SplitParts {
            parts,
            total: total.to_string(),
        });
    }
    let (share, left) = (cents / parts, cents % parts);
    Ok((0..parts)
        .map(|i| Money::from_cents(share + i64::from(i < left)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_the_class_served_in_the_mode() {
        use ServiceMode::{OnSite, Takeaway};
        use VatClass::*;
        for (class, mode, rate) in [
            (Immediate, OnSite, VatRate::INTERMEDIATE),
            (Immediate, Takeaway, VatRate::INTERMEDIATE),
            (Keepable, OnSite, VatRate::INTERMEDIATE),
            (Keepable, Takeaway, VatRate::REDUCED),
            (SoftDrink, OnSite, VatRate::INTERMEDIATE),
            (SoftDrink, Takeaway, VatRate::REDUCED),
            (Alcohol, OnSite, VatRate::STANDARD),
            (Alcohol, Takeaway, VatRate::STANDARD),
            (Other, OnSite, VatRate::STANDARD),
            (Other, Takeaway, VatRate::STANDARD),
        ] {
            assert_eq!(class.rate(mode), rate, "{class:?} {mode:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for class in VatClass::ALL {
            assert_eq!(VatClass::from_code(class.code()), Some(class));
        }
        for mode in [ServiceMode::OnSite, ServiceMode::Takeaway] {
            assert_eq!(ServiceMode::from_code(mode.code()), Some(mode));
        }
        assert_eq!(VatClass::from_code("biere"), None);
        for station in Station::ALL {
            assert_eq!(Station::from_code(station.code()), Some(station));
        }
    }

    #[test]
    fn equal_parts_add_up_to_the_cent() {
        let m = Money::from_cents;
        for (total, parts, expected) in [
            (3000, 3, vec![1000, 1000, 1000]),
            (1000, 3, vec![334, 333, 333]),
            (1001, 4, vec![251, 250, 250, 250]),
            (5, 5, vec![1, 1, 1, 1, 1]),
            (999, 1, vec![999]),
        ] {
            let shares = split_equally(m(total), parts).expect("split");
            assert_eq!(
                shares,
                expected.into_iter().map(m).collect::<Vec<_>>(),
                "{total} in {parts}"
            );
            assert_eq!(shares.iter().copied().sum::<Money>(), m(total));
        }
        for (total, parts) in [(1000, 0), (1000, -2), (5, 6), (0, 1)] {
            assert!(
                matches!(
                    split_equally(m(total), parts),
                    Err(DomainError::SplitParts { .. })
                ),
                "{total} in {parts}"
            );
        }
    }
}
