//! Labelled items: created at the bench (from an intake line or on their own, N identical
//! objects at once), listed and searched, repriced (logged) or withdrawn from sale by a
//! manager — a withdrawal is an outbound record carrying their weights — and chosen for
//! labels.

use super::{OpsError, Result, Session};
use crate::domain::{
    CategoryId, CodeKind, Ean13, Money, OutboundKind, PointOfSaleId, Role, SiteId, Weight,
};
use crate::i18n::Msg;
use crate::storage::items::{self, Filter, ItemRow, ItemStatus, NewItem};
use crate::storage::sorting::{self, Header, OutLine};
use crate::storage::{Store, Timestamp};

/// What the bench says about new items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDraft {
    pub category: CategoryId,
    pub description: String,
    pub price: Money,
    /// Weighed, or `None` for the category's default (then estimated).
    pub weight: Option<Weight>,
    /// N identical objects: N items, N labels.
    pub quantity: u32,
    pub point_of_sale: Option<PointOfSaleId>,
    pub intake: Option<i64>,
}

/// Creates the items of `draft`; their new codes, in order.
pub fn create_items(
    store: &mut Store,
    session: &Session,
    draft: &ItemDraft,
    default_weight: Option<Weight>,
    at: Timestamp,
) -> Result<Vec<Ean13>> {
    session.require_any(&[Role::Sorter, Role::Manager])?;
    let description = crate::domain::Name::parse(&draft.description)?;
    let (weight, estimated) = match (draft.weight, default_weight) {
        (Some(w), _) => (w, false),
        (None, Some(w)) => (w, true),
        (None, None) => return Err(OpsError::WeightNeeded(description.to_string())),
    };
    if !(1..=500).contains(&draft.quantity) {
        return Err(OpsError::Domain(
            crate::domain::DomainError::QuantityFormat(draft.quantity.to_string()),
        ));
    }
    store.write(|tx| {
        let mut codes = Vec::with_capacity(draft.quantity as usize);
        for _ in 0..draft.quantity {
            let code = Ean13::in_store(CodeKind::Item, items::next_serial(tx)?)?;
            items::insert(
                tx,
                &code,
                &NewItem {
                    category_id: draft.category,
                    intake: draft.intake,
                    description: description.as_str(),
                    price: draft.price,
                    weight,
                    weight_estimated: estimated,
                    point_of_sale: draft.point_of_sale,
                    created_at: at,
                },
            )?;
            codes.push(code);
        }
        Ok::<_, OpsError>(codes)
    })
}

pub fn list(store: &mut Store, filter: &Filter) -> Result<Vec<ItemRow>> {
    Ok(store.read(|tx| items::list(tx, filter))?)
}

/// A manager changes the price of an unsold item; the change is logged.
pub fn change_price(
    store: &mut Store,
    manager: &Session,
    code: &str,
    price: Money,
    at: Timestamp,
) -> Result<()> {
    manager.require(Role::Manager)?;
    let user = manager.name().to_string();
    store.write(|tx| {
        let item =
            items::by_code(tx, code)?.ok_or_else(|| OpsError::UnknownCode(code.to_owned()))?;
        items::set_price(tx, item.id, price, &user, at)?;
        Ok::<_, OpsError>(())
    })
}

/// A manager withdraws unsold items from sale: they leave stock, and an outbound record
/// carries their weights (to `kind`: a donation, a recycler …).
pub fn withdraw(
    store: &mut Store,
    manager: &Session,
    site: SiteId,
    codes: &[String],
    kind: OutboundKind,
    at: Timestamp,
) -> Result<i64> {
    manager.require(Role::Manager)?;
    if codes.is_empty() {
        return Err(OpsError::Empty(Msg::ThingItem));
    }
    let user = manager.name().to_string();
    store.write(|tx| {
        let mut lines = Vec::with_capacity(codes.len());
        for code in codes {
            let item =
                items::by_code(tx, code)?.ok_or_else(|| OpsError::UnknownCode(code.clone()))?;
            items::move_status(
                tx,
                item.id,
                ItemStatus::InStock,
                ItemStatus::Withdrawn,
                None,
                at,
            )?;
            lines.push(OutLine {
                category: Some(item.category_id),
                fraction: String::new(),
                grams: item.weight.grams(),
                item: Some(item.id),
                tare_g: 0,
            });
        }
        let header = Header {
            site,
            user: &user,
            at,
            note: Msg::OutWithdrawal.text(),
            replaces: None,
            reason: "",
        };
        Ok::<_, OpsError>(sorting::insert_outbound(tx, &header, kind, "", &lines)?)
    })
}

/// The items to label: these codes, or every item whose label was never printed.
pub fn for_labels(store: &mut Store, codes: Option<&[String]>) -> Result<Vec<ItemRow>> {
    Ok(store.read(|tx| match codes {
        Some(codes) => items::rows_by_codes(tx, codes),
        None => items::list(
            tx,
            &Filter {
                unprinted: true,
                status: Some(ItemStatus::InStock),
                limit: 100_000,
                ..Filter::default()
            },
        )
        .map(|mut rows| {
            rows.reverse();
            rows
        }),
    })?)
}

/// Notes that these items' labels were printed.
pub fn labels_printed(store: &mut Store, rows: &[ItemRow], at: Timestamp) -> Result<()> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    Ok(store.write(|tx| items::mark_printed(tx, &ids, at))?)
}
