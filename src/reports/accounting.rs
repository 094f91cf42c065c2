//! The day's Zs as accounting entries, and the FEC that carries them to the accountant.
//!
//! One entry per Z, in the sales journal: the money by payment method on the debit side
//! (530 caisse, 5112 chèques, 5115 cartes…; a voucher spent is the voucher debt 4191
//! settled), the sales HT by category (707…; café products 706…) and the VAT by rate
//! (44571…) on the credit side, fees (756), donations (754) and gift vouchers sold
//! (4191, a debt until spent) with the money they brought, and a cash difference to 658
//! (missing) or 758 (over). Each rate's VAT is the Zs' own, shared out over the
//! categories sold at that rate by largest remainder, so every entry balances to the cent.
//!
//! The FEC follows art. A47 A-1 of the Livre des procédures fiscales: 18 columns,
//! tab-separated, dates `AAAAMMJJ`, amounts with a decimal comma.

use crate::storage::accounting::ClosedSession;
use std::collections::BTreeMap;

/// An account: its number and label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub number: String,
    pub label: String,
}

/// The structure's accounts: set by a manager, else the usual ones.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    /// `(kind, key)` → account, as a manager set them.
    pub set: BTreeMap<(String, String), Account>,
}

fn account(number: &str, label: &str) -> Account {
    Account {
        number: number.to_owned(),
        label: label.to_owned(),
    }
}

impl Chart {
    fn get(&self, kind: &str, key: &str, default: Account) -> Account {
        self.set
            .get(&(kind.to_owned(), key.to_owned()))
            .cloned()
            .unwrap_or(default)
    }

    /// Sales of a shop category, or of a café product.
    pub fn sales(&self, name: &str, cafe: bool) -> Account {
        if cafe {
            self.get("cafe", name, account("706100", "Ventes café-crêperie"))
        } else {
            self.get(
                "category",
                name,
                account("707100", &format!("Ventes {name}")),
            )
        }
    }

    /// VAT collected at `rate` (basis points).
    pub fn vat(&self, rate: i64) -> Account {
        let (number, label) = match rate {
            2000 => ("445712", "TVA collectée 20 %"),
            1000 => ("445711", "TVA collectée 10 %"),
            550 => ("445715", "TVA collectée 5,5 %"),
            210 => ("445713", "TVA collectée 2,1 %"),
            _ => ("445710", "TVA collectée"),
        };
        self.get("rate", &rate.to_string(), account(number, label))
    }

    /// Money received by a payment method of `kind`.
    pub fn method(&self, kind: &str, method: &str) -> Account {
        let default = match kind {
            "cash" => account("530000", "Caisse"),
            "cheque" => account("511200", "Chèques à encaisser"),
            "card" => account("511500", "Cartes à encaisser"),
            "local_currency" => account("511800", "Monnaie locale à encaisser"),
            "voucher" => account("419100", "Bons d'achat émis"),
            _ => account("471000", &format!("À classer : {method}")),
        };
        self.get("method", kind, default)
    }

    /// Fees, donations, gift vouchers sold, cash missing and over.
    pub fn special(&self, key: &str) -> Account {
        let default = match key {
            "membership_fee" => account("756000", "Cotisations"),
            "donation" => account("754100", "Dons manuels"),
            "gift_voucher" => account("419100", "Bons d'achat émis"),
            "cash_short" => account("658000", "Charges diverses (écart de caisse)"),
            _ => account("758000", "Produits divers (écart de caisse)"),
        };
        self.get("special", key, default)
    }
}

/// One line of an entry (cents, one side only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub account: Account,
    pub label: String,
    pub debit: i64,
    pub credit: i64,
}

/// An entry: a Z of a terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub number: usize,
    /// `AAAAMMJJ`.
    pub date: String,
    /// « caisse-1/Z n° 12 ».
    pub piece: String,
    pub label: String,
    pub lines: Vec<Line>,
}

impl Entry {
    pub fn debits(&self) -> i64 {
        self.lines.iter().map(|l| l.debit).sum()
    }

    pub fn credits(&self) -> i64 {
        self.lines.iter().map(|l| l.credit).sum()
    }
}

/// A signed amount on its side: a negative debit is a credit (a refund day).
fn line(account: Account, label: &str, debit: i64) -> Option<Line> {
    (debit != 0).then(|| Line {
        account,
        label: label.to_owned(),
        debit: debit.max(0),
        credit: (-debit).max(0),
    })
}

/// `total` shared over `weights` in proportion, by largest remainder (the shares add up
/// to `total` exactly).
fn share_out(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i64 = weights.iter().sum();
    if sum == 0 || weights.is_empty() {
        let mut shares = vec![0; weights.len()];
        if let Some(first) = shares.first_mut() {
            *first = total;
        }
        return shares;
    }
    let exact: Vec<i128> = weights
        .iter()
        .map(|w| i128::from(total) * i128::from(*w))
        .collect();
    let mut shares: Vec<i64> = exact
        .iter()
        .map(|e| i64::try_from(e.div_euclid(i128::from(sum))).unwrap_or(0))
        .collect();
    let mut left = total - shares.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(exact[*i].rem_euclid(i128::from(sum))));
    for i in order.into_iter().cycle().take(weights.len() * 2) {
        if left == 0 {
            break;
        }
        let step = left.signum();
        shares[i] += step;
        left -= step;
    }
    shares
}

/// The entry of one Z.
pub fn entry(number: usize, session: &ClosedSession, chart: &Chart) -> Entry {
    let date = session.business_date.replace('-', "");
    let shown = chrono::NaiveDate::parse_from_str(&session.business_date, "%Y-%m-%d")
        .map_or(session.business_date.clone(), |d| {
            d.format("%d/%m/%Y").to_string()
        });
    let label = format!("Ventes {} du {shown}", session.terminal);
    let mut lines = Vec::new();
    for (method, kind, amount) in &session.tenders {
        lines.extend(line(
            chart.method(kind, method),
            &format!("{label} — {method}"),
            *amount,
        ));
    }
    for (rate, _, _, vat) in &session.vat {
        let at_rate: Vec<&(String, bool, i64, i64)> =
            session.sales.iter().filter(|s| s.2 == *rate).collect();
        let weights: Vec<i64> = at_rate.iter().map(|s| s.3).collect();
        let vat_shares = share_out(*vat, &weights);
        for (sale, vat_share) in at_rate.iter().zip(vat_shares) {
            let ht = sale.3 - vat_share;
            lines.extend(line(chart.sales(&sale.0, sale.1), &label, -ht));
        }
        lines.extend(line(chart.vat(*rate), &label, -vat));
    }
    for (kind, method, method_kind, amount) in &session.proofs {
        let what = chart.special(kind);
        let text = format!("{} — {method}", what.label);
        lines.extend(line(chart.method(method_kind, method), &text, *amount));
        lines.extend(line(what, &text, -amount));
    }
    let difference = session.cash_difference;
    if difference != 0 {
        let key = if difference < 0 {
            "cash_short"
        } else {
            "cash_over"
        };
        let text = format!("Écart de caisse du {shown}");
        lines.extend(line(chart.method("cash", "Espèces"), &text, difference));
        lines.extend(line(chart.special(key), &text, -difference));
    }
    Entry {
        number,
        date,
        piece: format!("{} n° {}", session.z_series, session.z_number),
        label,
        lines,
    }
}

/// The FEC of these entries: a header line and a line per entry line, tab-separated.
pub fn fec(entries: &[Entry]) -> String {
    const HEAD: [&str; 18] = [
        "JournalCode",
        "JournalLib",
        "EcritureNum",
        "EcritureDate",
        "CompteNum",
        "CompteLib",
        "CompAuxNum",
        "CompAuxLib",
        "PieceRef",
        "PieceDate",
        "EcritureLib",
        "Debit",
        "Credit",
        "EcritureLet",
        "DateLet",
        "ValidDate",
        "Montantdevise",
        "Idevise",
    ];
    let clean = |text: &str| text.replace(['\t', '\r', '\n'], " ");
    let mut out = HEAD.join("\t");
    out.push_str("\r\n");
    for e in entries {
        for l in &e.lines {
            let fields = [
                "VE".to_owned(),
                "Ventes".to_owned(),
                e.number.to_string(),
                e.date.clone(),
                l.account.number.clone(),
                clean(&l.account.label),
                String::new(),
                String::new(),
                clean(&e.piece),
                e.date.clone(),
                clean(&l.label),
                // `1234,56`, no grouping: what the FEC asks.
                crate::domain::Money::from_cents(l.debit).plain(),
                crate::domain::Money::from_cents(l.credit).plain(),
                String::new(),
                String::new(),
                e.date.clone(),
                String::new(),
                String::new(),
            ];
            out.push_str(&fields.join("\t"));
            out.push_str("\r\n");
        }
    }
    out
}

/// The columns of Paheko's accounting import, format « Groupé » (an entry's own fields
/// on its first line only, then one line per account).
pub const PAHEKO_COLUMNS: [&str; 16] = [
    "Numéro d'écriture",
    "Type",
    "Statut",
    "Libellé",
    "Date",
    "Remarques",
    "Numéro pièce comptable",
    "Numéro compte",
    "Libellé compte",
    "Débit",
    "Crédit",
    "Référence ligne",
    "Libellé ligne",
    "Rapprochement",
    "Projet analytique",
    "Membres associés",
];

/// These entries as the CSV Paheko imports in its « Groupé » format: `;`-separated (its
/// import finds the separator on the header line), dates `JJ/MM/AAAA`, amounts `1234,56`,
/// no entry number (Paheko numbers new entries itself; a number would name one to
/// change), type « Avancé » (several lines), the Z as the piece reference.
pub fn paheko(entries: &[Entry]) -> String {
    let field = |text: &str| {
        let text = text.replace(['\r', '\n'], " ");
        if text.contains([';', '"']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    };
    let mut out = PAHEKO_COLUMNS.join(";");
    out.push_str("\r\n");
    for e in entries {
        // `AAAAMMJJ` → `JJ/MM/AAAA`.
        let date = match (e.date.get(0..4), e.date.get(4..6), e.date.get(6..8)) {
            (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
            _ => e.date.clone(),
        };
        for (i, l) in e.lines.iter().enumerate() {
            let head: [String; 7] = if i == 0 {
                [
                    String::new(),
                    "Avancé".to_owned(),
                    String::new(),
                    field(&e.label),
                    date.clone(),
                    String::new(),
                    field(&e.piece),
                ]
            } else {
                Default::default()
            };
            let amount = |cents: i64| {
                if cents == 0 {
                    String::new()
                } else {
                    crate::domain::Money::from_cents(cents).plain()
                }
            };
            let mut fields: Vec<String> = head.to_vec();
            fields.extend([
                field(&l.account.number),
                field(&l.account.label),
                amount(l.debit),
                amount(l.credit),
                String::new(),
                field(&l.label),
                String::new(),
                String::new(),
                String::new(),
            ]);
            out.push_str(&fields.join(";"));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_by_largest_remainder() {
        let cases: &[(i64, &[i64], &[i64])] = &[
            (100, &[1, 1, 1], &[34, 33, 33]),
            (173, &[950, 0, 400], &[122, 0, 51]),
            (-10, &[1, 1, 1], &[-3, -3, -4]),
            (7, &[], &[]),
            (5, &[0, 0], &[5, 0]),
        ];
        for (total, weights, expected) in cases {
            let got = share_out(*total, weights);
            assert_eq!(got, *expected, "{total} over {weights:?}");
            if !weights.is_empty() {
                assert_eq!(got.iter().sum::<i64>(), *total);
            }
        }
    }

    #[test]
    fn a_z_entry_balances() {
        let session = ClosedSession {
            terminal: "caisse-1".into(),
            business_date: "2026-11-04".into(),
            z_series: "caisse-1/Z".into(),
            z_number: 3,
            sales: vec![
                ("Mobilier".into(), false, 2000, 4500),
                ("Livres".into(), false, 550, 700),
                ("Vêtements".into(), false, 2000, 1300),
            ],
            vat: vec![(2000, 5800, 4833, 967), (550, 700, 664, 36)],
            tenders: vec![
                ("Espèces".into(), "cash".into(), 3000),
                ("Carte".into(), "card".into(), 3500),
            ],
            proofs: vec![(
                "membership_fee".into(),
                "Espèces".into(),
                "cash".into(),
                1000,
            )],
            cash_difference: -200,
        };
        let e = entry(1, &session, &Chart::default());
        assert_eq!(e.debits(), e.credits(), "{e:#?}");
        assert_eq!(e.debits(), 3000 + 3500 + 1000 + 200);
        let vat20: i64 = e
            .lines
            .iter()
            .filter(|l| l.account.number == "445712")
            .map(|l| l.credit)
            .sum();
        assert_eq!(vat20, 967);
    }
}
