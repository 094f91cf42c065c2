//! The *attestation individuelle de conformité* (BOI-TVA-DECLA-30-10-30): the model kept
//! in `docs/attestation-conformite.md`, filled with this installation's facts — the
//! structure, its SIRET and VAT status, the version, the date it went into service and
//! its key's fingerprint — for the publisher who delivers it to read, complete and sign.

use super::{OpsError, Result};
use crate::journal::key::fingerprint;
use crate::storage::{Store, journal, structure};

/// The docs' model: an explanation, then the attestation itself after the rule.
const MODEL: &str = include_str!("../../docs/attestation-conformite.md");

/// The attestation of this installation, ready to print.
pub fn fill(store: &mut Store, today: chrono::NaiveDate) -> Result<String> {
    let (identity, installed, public) = store.read(|tx| {
        let identity = structure::get(tx)?.map(|s| s.identity);
        let installed = journal::installation_created_at(tx)?;
        let public = journal::installation(tx)?.map(|(_, public)| public);
        Ok::<_, OpsError>((identity, installed, public))
    })?;
    let identity = identity.ok_or(OpsError::NotInitialised)?;
    let public = public.ok_or(OpsError::NotInitialised)?;
    let version = env!("CARGO_PKG_VERSION");
    let major = version.split('.').take(2).collect::<Vec<_>>().join(".");
    let address = [
        identity.address.as_str(),
        &format!("{} {}", identity.postcode, identity.city),
    ]
    .iter()
    .map(|s| s.trim())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let dots = "....................";
    let model = MODEL.split("\n---\n").nth(1).unwrap_or(MODEL).trim_start();
    let installed = installed
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or_else(|| dots.to_owned(), |t| t.format("%d/%m/%Y").to_string());
    Ok(model
        .replace("{version}", version)
        .replace("{major}", &major)
        .replace("{structure}", identity.name.as_str())
        .replace(
            "{address}",
            if address.is_empty() { dots } else { &address },
        )
        .replace(
            "{siret}",
            identity.siret.as_ref().map_or(dots, |s| s.as_str()),
        )
        .replace("{vat_status}", identity.vat_status.label().text())
        .replace("{installed}", &installed)
        .replace("{fingerprint}", &fingerprint(&public))
        .replace("{today}", &today.format("%d/%m/%Y").to_string()))
}
