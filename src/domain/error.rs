//! The errors of domain rules: each names the bad input and what was expected.

use crate::i18n::Msg;
use std::fmt;

/// A value refused by a domain rule. `Display` gives the French (or English) message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    MoneyEmpty,
    MoneyFormat(String),
    MoneyDecimals(String),
    MoneyNegative(String),
    MoneyTooLarge {
        input: String,
        max: super::Money,
    },
    MoneyOverflow,
    WeightEmpty,
    WeightFormat(String),
    WeightPrecision(String),
    WeightNotPositive(String),
    WeightTooLarge {
        input: String,
        max: super::Weight,
    },
    VatFormat(String),
    VatRange(String),
    PinFormat,
    PinMismatch,
    SiretFormat(String),
    SiretChecksum(String),
    NameEmpty,
    NameTooLong(usize),
    NoRole,
    RoleUnknown(String),
    TerminalCode(String),
    TicketEmpty,
    TicketZeroQuantity(String),
    TicketDiscountTooLarge(String),
    TicketUnderpaid {
        due: super::Money,
        paid: super::Money,
    },
    TicketChangeWithoutCash(super::Money),
    TenderSign,
    QuantityTooLarge {
        label: String,
        max: i64,
    },
    AmountTooLarge {
        what: String,
        max: super::Money,
    },
    /// A negative line outside a refund that names its original.
    RefundWithoutOriginal,
    /// A bill split in no part, or in more parts than it has cents.
    SplitParts {
        parts: i64,
        total: String,
    },
    WeightOverflow(String),
    BarcodeFormat(String),
    BarcodeChecksum(String),
    DiscountFormat(String),
    ItemAlreadyInCart(String),
    ItemQuantity(String),
    CartNoLine(usize),
    QuantityFormat(String),
    AboveScale {
        gross: super::Weight,
        max: super::Weight,
    },
    NetNotPositive {
        gross: super::Weight,
        container: String,
        tare: super::Weight,
    },
    PriceRange(String),
    MarkdownRange,
    MemberKind(String),
    MemberValidity(String),
    MemberFeeFixed {
        offer: String,
        fixed: super::Money,
        typed: super::Money,
    },
    MemberFeeBelowMinimum {
        offer: String,
        min: super::Money,
    },
    ContributionAmount(super::Money),
    ContributionUnpaid(String),
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DomainError as E;
        let text = match self {
            E::MoneyEmpty => Msg::ErrMoneyEmpty.text().to_owned(),
            E::MoneyFormat(s) => Msg::ErrMoneyFormat.fill(&[s]),
            E::MoneyDecimals(s) => Msg::ErrMoneyDecimals.fill(&[s]),
            E::MoneyNegative(s) => Msg::ErrMoneyNegative.fill(&[s]),
            E::MoneyTooLarge { input, max } => Msg::ErrMoneyTooLarge.fill(&[input, max]),
            E::MoneyOverflow => Msg::ErrMoneyOverflow.text().to_owned(),
            E::WeightEmpty => Msg::ErrWeightEmpty.text().to_owned(),
            E::WeightFormat(s) => Msg::ErrWeightFormat.fill(&[s]),
            E::WeightPrecision(s) => Msg::ErrWeightPrecision.fill(&[s]),
            E::WeightNotPositive(s) => Msg::ErrWeightNotPositive.fill(&[s]),
            E::WeightTooLarge { input, max } => Msg::ErrWeightTooLarge.fill(&[input, max]),
            E::VatFormat(s) => Msg::ErrVatFormat.fill(&[s]),
            E::VatRange(s) => Msg::ErrVatRange.fill(&[s]),
            E::PinFormat => Msg::ErrPinFormat.text().to_owned(),
            E::PinMismatch => Msg::ErrPinMismatch.text().to_owned(),
            E::SiretFormat(s) => Msg::ErrSiretFormat.fill(&[s]),
            E::SiretChecksum(s) => Msg::ErrSiretChecksum.fill(&[s]),
            E::NameEmpty => Msg::ErrNameEmpty.text().to_owned(),
            E::NameTooLong(n) => Msg::ErrNameTooLong.fill(&[n]),
            E::NoRole => Msg::ErrNoRole.text().to_owned(),
            E::RoleUnknown(s) => Msg::ErrRoleUnknown.fill(&[s]),
            E::TerminalCode(s) => Msg::ErrTerminalCode.fill(&[s]),
            E::TicketEmpty => Msg::ErrTicketEmpty.text().to_owned(),
            E::TicketZeroQuantity(s) => Msg::ErrTicketZeroQuantity.fill(&[s]),
            E::TicketDiscountTooLarge(s) => Msg::ErrTicketDiscount.fill(&[s]),
            E::TicketUnderpaid { due, paid } => Msg::ErrTicketUnderpaid.fill(&[due, paid]),
            E::TicketChangeWithoutCash(m) => Msg::ErrTicketChange.fill(&[m]),
            E::TenderSign => Msg::ErrTenderSign.text().to_owned(),
            E::QuantityTooLarge { label, max } => Msg::ErrQuantityTooLarge.fill(&[label, max]),
            E::AmountTooLarge { what, max } => Msg::ErrAmountTooLarge.fill(&[what, max]),
            E::RefundWithoutOriginal => Msg::ErrRefundWithoutOriginal.text().to_owned(),
            E::SplitParts { parts, total } => Msg::ErrSplitParts.fill(&[total, parts]),
            E::WeightOverflow(label) => Msg::ErrWeightOverflow.fill(&[label]),
            E::BarcodeFormat(s) => Msg::ErrBarcodeFormat.fill(&[s]),
            E::BarcodeChecksum(s) => Msg::ErrBarcodeChecksum.fill(&[s]),
            E::DiscountFormat(s) => Msg::ErrDiscountFormat.fill(&[s]),
            E::ItemAlreadyInCart(s) => Msg::ErrItemAlreadyInCart.fill(&[s]),
            E::ItemQuantity(s) => Msg::ErrItemQuantity.fill(&[s]),
            E::CartNoLine(n) => Msg::ErrCartNoLine.fill(&[n]),
            E::QuantityFormat(s) => Msg::ErrQuantityFormat.fill(&[s]),
            E::AboveScale { gross, max } => Msg::ErrAboveScale.fill(&[gross, max]),
            E::NetNotPositive {
                gross,
                container,
                tare,
            } => Msg::ErrNetNotPositive.fill(&[gross, container, tare]),
            E::PriceRange(s) => Msg::ErrPriceRange.fill(&[s]),
            E::MarkdownRange => Msg::ErrMarkdownRange.text().to_owned(),
            E::MemberKind(s) => Msg::ErrMemberKind.fill(&[s]),
            E::MemberValidity(s) => Msg::ErrMemberValidity.fill(&[s]),
            E::MemberFeeFixed {
                offer,
                fixed,
                typed,
            } => Msg::ErrMemberFeeFixed.fill(&[offer, fixed, typed]),
            E::MemberFeeBelowMinimum { offer, min } => {
                Msg::ErrMemberFeeBelowMinimum.fill(&[offer, min])
            }
            E::ContributionAmount(m) => Msg::ErrContributionAmount.fill(&[m]),
            E::ContributionUnpaid(s) => Msg::ErrContributionUnpaid.fill(&[s]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for DomainError {}
