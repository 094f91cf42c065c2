//! Money without a sale. The drawer opened with a reason, or money put in, taken out or taken
//! to the bank — a payment proof the X and the Z count in the cash expected, never in
//! takings, and a JET event naming the manager.

use super::{OpsError, Result, Session};
use crate::domain::{Money, PaymentKind, Role, Tender};
use crate::journal::{self, Context, DocRef, InstallationKey, ProofKind};
use crate::storage::Store;

/// Money that moves in or out of the drawer without a sale, or the drawer opened
/// without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CashMove {
    /// The drawer opened, no money (change for a neighbour, a jammed coin…).
    DrawerOpening,
    /// Cash put in (more change for the float).
    CashIn,
    /// Cash taken out (petty cash).
    CashOut,
    /// Cash taken out to the bank.
    BankDeposit,
}

impl CashMove {
    pub fn label(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            CashMove::DrawerOpening => Msg::ProofDrawerOpening,
            CashMove::CashIn => Msg::ProofCashIn,
            CashMove::CashOut => Msg::ProofCashOut,
            CashMove::BankDeposit => Msg::ProofBankDeposit,
        }
    }
}

/// Records a movement of the drawer (manager): a payment proof with its reason that the
/// X and the Z count — cash in or out changes the cash expected, never the takings.
/// A reason is required; an amount too, except for a drawer opened without money.
pub fn cash_move(
    store: &mut Store,
    manager: &Session,
    key: &InstallationKey,
    ctx: &Context,
    kind: CashMove,
    amount: Money,
    reason: &str,
) -> Result<DocRef> {
    manager.require(Role::Manager)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(OpsError::MoveReasonRequired);
    }
    let signed = match kind {
        CashMove::DrawerOpening => Money::ZERO,
        CashMove::CashIn => amount,
        CashMove::CashOut | CashMove::BankDeposit => -amount,
    };
    if kind != CashMove::DrawerOpening {
        if amount.cents() <= 0 {
            return Err(crate::domain::DomainError::TenderSign.into());
        }
        crate::domain::limits::check_amount(
            kind.label().text(),
            amount,
            crate::domain::limits::MAX_TICKET,
        )?;
    }
    let proof = match kind {
        CashMove::DrawerOpening => ProofKind::DrawerOpening,
        CashMove::CashIn => ProofKind::CashIn,
        CashMove::CashOut | CashMove::BankDeposit => ProofKind::CashOut,
    };
    let label = format!("{} : {reason}", kind.label().text());
    let tenders: Vec<Tender> = (!signed.is_zero())
        .then(|| Tender {
            method: PaymentKind::Cash.default_label(),
            kind: PaymentKind::Cash,
            amount: signed,
        })
        .into_iter()
        .collect();
    super::journal::write_anchored(store, key, ctx, |tx| {
        let doc = journal::append_proof(tx, key, ctx, proof, &label, &tenders)?;
        // Who opened the drawer, and why: in the JET too.
        journal::events::record(
            tx,
            key,
            journal::events::EventCode::Drawer,
            ctx.at,
            manager.name().as_str(),
            ctx.terminal.as_str(),
            &format!("{label} ({signed})"),
        )?;
        Ok::<_, OpsError>(doc)
    })
}

/// Opens the drawer without a sale (manager), with its reason: a payment proof the Z
/// counts.
pub fn open_drawer(
    store: &mut Store,
    manager: &Session,
    key: &InstallationKey,
    ctx: &Context,
    reason: &str,
) -> Result<DocRef> {
    cash_move(
        store,
        manager,
        key,
        ctx,
        CashMove::DrawerOpening,
        Money::ZERO,
        reason,
    )
}

/// Sells a gift voucher of `payment.amount` (cashier or manager): a payment proof —
/// outside takings and VAT, inside the cash count — and the voucher issued with that
/// balance, which pays for goods later like any voucher (its VAT then due on that
/// ticket). Returns the proof and the voucher's code.
pub fn sell_gift_voucher(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    payment: &super::till::Payment,
) -> Result<(DocRef, String)> {
    if !(session.has(Role::Cashier) || session.has(Role::Manager)) {
        return Err(OpsError::Forbidden(Role::Cashier));
    }
    if payment.kind == PaymentKind::Voucher {
        return Err(OpsError::GiftByVoucher);
    }
    let label = crate::i18n::Msg::SlipGiftVoucherTitle.text();
    if payment.amount.cents() <= 0 {
        return Err(crate::domain::DomainError::TenderSign.into());
    }
    crate::domain::limits::check_amount(label, payment.amount, crate::domain::limits::MAX_TICKET)?;
    let tender = Tender {
        method: payment.method.clone(),
        kind: payment.kind,
        amount: payment.amount,
    };
    super::journal::write_anchored(store, key, ctx, |tx| {
        let doc = journal::append_proof(tx, key, ctx, ProofKind::GiftVoucher, label, &[tender])?;
        let code = super::till::issue_voucher(tx, &doc, payment.amount, ctx.at)?;
        Ok::<_, OpsError>((doc, code))
    })
}
