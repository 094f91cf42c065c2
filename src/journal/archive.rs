//! Archives: a past month or year of the journal as plain files an auditor can check
//! without pépite — the documents (CSV and JSON lines, payloads byte for byte), the
//! closings, the JET, the public key, a `sha256sum` manifest signed with the installation
//! key, and a README saying how to check it with `sha256sum` and `openssl`.

use super::chain;
use super::document::{self, Context, DocKind, DocRef, Figures};
use super::events::{self, EventCode};
use super::key::PublicKey;
use super::{InstallationKey, JournalError};
use crate::i18n::Msg;
use crate::storage::Tx;
use crate::storage::journal::{self as store, StoredDocument, StoredEvent};
use chrono::NaiveDate;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

pub const MANIFEST: &str = "MANIFEST.sha256";
pub const SIGNATURE: &str = "MANIFEST.sha256.sig";
pub const PUBLIC_KEY: &str = "public_key.pem";
/// What this archive holds and which archive came before it.
pub const LINK: &str = "archive.json";

/// A past month (`2026-10`) or year (`2025`), as first and last business dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub label: String,
    pub from: String,
    pub to: String,
}

impl Period {
    /// Parses `YYYY` or `YYYY-MM`, refusing a period that is not over on `today`.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Period, JournalError> {
        let bad = || JournalError::ArchivePeriod(text.to_owned());
        let (from, to) = match text.len() {
            4 => {
                let year: i32 = text.parse().map_err(|_| bad())?;
                (
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year, 12, 31),
                )
            }
            7 if &text[4..5] == "-" => {
                let year: i32 = text[..4].parse().map_err(|_| bad())?;
                let month: u32 = text[5..].parse().map_err(|_| bad())?;
                let first = NaiveDate::from_ymd_opt(year, month, 1);
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                };
                (first, next.and_then(|d| d.pred_opt()))
            }
            _ => (None, None),
        };
        let (Some(from), Some(to)) = (from, to) else {
            return Err(bad());
        };
        if to >= today {
            return Err(bad());
        }
        Ok(Period {
            label: text.to_owned(),
            from: from.to_string(),
            to: to.to_string(),
        })
    }
}

fn document_json(d: &StoredDocument) -> Value {
    json!({
        "id": d.id, "series": d.series, "number": d.number, "kind": d.kind,
        "terminal": d.terminal, "training": d.training, "business_date": d.business_date,
        "created_at": d.created_at, "payload": d.payload, "prev_hash": d.prev_hash,
        "hash": d.hash, "signature": d.signature,
    })
}

fn event_json(e: &StoredEvent) -> Value {
    json!({
        "id": e.id, "code": e.code, "at": e.at, "user": e.user, "terminal": e.terminal,
        "detail": e.detail, "payload": e.payload, "prev_hash": e.prev_hash, "hash": e.hash,
    })
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

const CSV_HEADER: &str = "id,series,number,kind,terminal,training,business_date,created_at,total_cents,prev_hash,hash,signature,payload\n";

fn csv_row(d: &StoredDocument) -> String {
    format!(
        "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        d.id,
        csv_field(&d.series),
        d.number,
        d.kind,
        csv_field(&d.terminal),
        u8::from(d.training),
        d.business_date,
        d.created_at,
        d.total.cents(),
        d.prev_hash,
        d.hash,
        d.signature.as_deref().unwrap_or(""),
        csv_field(&d.payload)
    )
}

/// A file of the archive, written once and hashed on the way, so a year of documents
/// streams from the database to disk without sitting in memory.
struct HashedFile {
    name: &'static str,
    path: PathBuf,
    out: BufWriter<File>,
    hasher: Sha256,
}

impl HashedFile {
    fn create(dir: &Path, name: &'static str) -> Result<HashedFile, JournalError> {
        let path = dir.join(name);
        let file = crate::files::create_private(&path).map_err(|e| io_error(&path, e))?;
        Ok(HashedFile {
            name,
            path,
            out: BufWriter::new(file),
            hasher: Sha256::new(),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), JournalError> {
        self.hasher.update(bytes);
        self.out
            .write_all(bytes)
            .map_err(|e| io_error(&self.path, e))
    }

    fn line(&mut self, value: &Value) -> Result<(), JournalError> {
        self.write(format!("{value}\n").as_bytes())
    }

    /// Flushes to disk and gives `(name, hex SHA-256)`.
    fn finish(self) -> Result<(&'static str, String), JournalError> {
        let path = self.path;
        let file = self
            .out
            .into_inner()
            .map_err(|e| io_error(&path, e.into_error()))?;
        file.sync_all().map_err(|e| io_error(&path, e))?;
        Ok((self.name, hex::encode(self.hasher.finalize())))
    }
}

fn io_error(path: &Path, e: std::io::Error) -> JournalError {
    JournalError::Io {
        path: path.to_owned(),
        reason: crate::i18n::io_reason(&e),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

const README: &str = include_str!("archive_readme.txt");

/// An archive holds closed periods only: the month and year closings due are written
/// first (on every terminal), then a terminal whose session in the period still lacks its
/// Z is named and the archive refused.
fn ensure_closed(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    period: &Period,
) -> Result<(), JournalError> {
    super::closing::close_due_periods(tx, key, ctx)?;
    for terminal in crate::storage::sessions::terminals_with_documents(tx)? {
        let day = super::session::current(tx, &terminal, ctx.at)?;
        if day.is_open() && day.date <= period.to {
            return Err(JournalError::PeriodOpen {
                period: period.label.clone(),
                terminal,
                session: day.date,
            });
        }
    }
    Ok(())
}

/// Writes the archive of `period` into `out` (a new or empty folder), then appends the
/// archive document and its JET event. Returns the document.
pub fn write(
    tx: &Tx,
    key: &InstallationKey,
    ctx: &Context,
    period: &Period,
    out: &Path,
) -> Result<DocRef, JournalError> {
    if out.exists()
        && std::fs::read_dir(out)
            .map_err(|e| io_error(out, e))?
            .next()
            .is_some()
    {
        return Err(JournalError::Io {
            path: out.to_owned(),
            reason: Msg::ErrArchiveNotEmpty.text().to_owned(),
        });
    }
    ensure_closed(tx, key, ctx, period)?;
    crate::files::create_private_dir(out).map_err(|e| io_error(out, e))?;
    let mut csv = HashedFile::create(out, "documents.csv")?;
    csv.write(CSV_HEADER.as_bytes())?;
    let mut documents = HashedFile::create(out, "documents.jsonl")?;
    let mut closings = HashedFile::create(out, "closings.jsonl")?;
    let (mut count, mut first, mut last) = (0usize, None, None);
    let (mut first_prev_hash, mut last_hash) = (None, None);
    store::each_document(tx, Some((&period.from, &period.to)), |d: StoredDocument| {
        csv.write(csv_row(&d).as_bytes())?;
        let value = document_json(&d);
        documents.line(&value)?;
        if d.kind == "closing" {
            closings.line(&value)?;
        }
        count += 1;
        let name = format!("{} {}", d.series, d.number);
        first.get_or_insert_with(|| name.clone());
        first_prev_hash.get_or_insert_with(|| d.prev_hash.clone());
        last = Some(name);
        last_hash = Some(d.hash);
        Ok::<_, JournalError>(())
    })?;
    let mut events = HashedFile::create(out, "events.jsonl")?;
    let mut event_count = 0usize;
    store::each_event(tx, |e: StoredEvent| {
        let day = e.at.get(..10).unwrap_or_default();
        if day >= period.from.as_str() && day <= period.to.as_str() {
            events.line(&event_json(&e))?;
            event_count += 1;
        }
        Ok::<_, JournalError>(())
    })?;
    let mut sums = vec![
        csv.finish()?,
        documents.finish()?,
        closings.finish()?,
        events.finish()?,
    ];
    // The link to the archive before this one: its period and the hash of the last
    // document it holds. When the periods follow each other, this archive's first
    // document chains onto that hash — an archive left out between them shows.
    let previous = store::last_archive_payload(tx)?
        .and_then(|p| serde_json::from_str::<Value>(&p).ok())
        .map(|p| json!({"archive": p["archive"], "last": p["last"], "last_hash": p["last_hash"]}));
    let link = json!({
        "archive": period.label,
        "from": period.from,
        "to": period.to,
        "first_prev_hash": first_prev_hash,
        "last_hash": last_hash,
        "previous": previous,
        "key_fingerprint": super::key::fingerprint(&key.public_hex()),
    });
    for (name, content) in [
        (PUBLIC_KEY, key.public_pem()?),
        (LINK, format!("{link:#}\n")),
        ("README.txt", README.replace("{period}", &period.label)),
    ] {
        let mut file = HashedFile::create(out, name)?;
        file.write(content.as_bytes())?;
        sums.push(file.finish()?);
    }
    let mut manifest = String::new();
    for (name, sum) in &sums {
        let _ = writeln!(manifest, "{sum}  {name}");
    }
    let manifest_path = out.join(MANIFEST);
    crate::files::write_private(&manifest_path, manifest.as_bytes())
        .map_err(|e| io_error(&manifest_path, e))?;
    let signature_path = out.join(SIGNATURE);
    crate::files::write_private(&signature_path, &key.sign_bytes(manifest.as_bytes()))
        .map_err(|e| io_error(&signature_path, e))?;

    let body = json!({
        "chain": super::closing::chain_heads(tx)?,
        "archive": period.label,
        "from": period.from,
        "to": period.to,
        "documents": count,
        "events": event_count,
        "first": first,
        "last": last,
        "last_hash": last_hash,
        "previous": previous,
        "manifest_sha256": sha256_hex(manifest.as_bytes()),
        "files": sums.iter().map(|(name, sum)| json!({"name": name, "sha256": sum})).collect::<Vec<_>>(),
    });
    let doc = document::append(
        tx,
        key,
        ctx,
        DocKind::Archive,
        body,
        Figures {
            detail: format!("archive {}", period.label),
            ..Figures::default()
        },
    )?;
    events::record(
        tx,
        key,
        EventCode::Archive,
        ctx.at,
        &ctx.operator,
        ctx.terminal.as_str(),
        &format!("archive {} n° {}", period.label, doc.number),
    )?;
    Ok(doc)
}

/// What checking an archive found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchiveReport {
    pub files: usize,
    pub documents: usize,
    pub problem: Option<String>,
}

impl std::fmt::Display for ArchiveReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", Msg::ArchiveTitle.text())?;
        writeln!(
            f,
            "{}",
            Msg::ArchiveCounts.fill(&[&self.files, &self.documents])
        )?;
        match &self.problem {
            None => writeln!(f, "{}", Msg::VerifyIntact.text()),
            Some(problem) => writeln!(f, "{}", Msg::ArchiveBroken.fill(&[problem])),
        }
    }
}

/// Checks an archive folder: its key is the installation's (`expected`: the public key
/// in hex from the database, or a fingerprint an auditor holds) — a key found inside the
/// archive proves nothing by itself —, every file's SHA-256 against the manifest, the
/// manifest's signature, the documents' chain and numbering, and that `documents.csv` and
/// `documents.jsonl` say the same.
pub fn check(dir: &Path, expected: Option<&str>) -> ArchiveReport {
    let mut report = ArchiveReport::default();
    report.problem = check_into(dir, expected, &mut report).err();
    report
}

/// Checks an archive against any of the installation's keys (the first and each
/// rotation's): an archive is signed by the key of its day.
pub fn check_with_keys(dir: &Path, keys: &[String]) -> ArchiveReport {
    let mut last = check(dir, None);
    for key in keys.iter().rev() {
        last = check(dir, Some(key));
        let prefix = Msg::ArchiveForeignKey
            .text()
            .split("{}")
            .next()
            .unwrap_or_default();
        let foreign = last
            .problem
            .as_deref()
            .is_some_and(|p| p.starts_with(prefix));
        if !foreign {
            return last;
        }
    }
    last
}

fn check_into(
    dir: &Path,
    expected: Option<&str>,
    report: &mut ArchiveReport,
) -> Result<(), String> {
    let read = |name: &str| -> Result<Vec<u8>, String> {
        let path: PathBuf = dir.join(name);
        std::fs::read(&path).map_err(|e| Msg::ErrIo.fill(&[&path.display(), &e]))
    };
    let manifest = read(MANIFEST)?;
    let signature = read(SIGNATURE)?;
    let pem = String::from_utf8_lossy(&read(PUBLIC_KEY)?).into_owned();
    let public = {
        use ed25519_dalek::pkcs8::DecodePublicKey;
        ed25519_dalek::VerifyingKey::from_public_key_pem(&pem)
            .ok()
            .and_then(|k| PublicKey::from_hex(&hex::encode(k.as_bytes())))
            .ok_or_else(|| Msg::VerifyBadPublicKey.text().to_owned())?
    };
    let archive_key = {
        use ed25519_dalek::pkcs8::DecodePublicKey;
        ed25519_dalek::VerifyingKey::from_public_key_pem(&pem)
            .map(|k| hex::encode(k.as_bytes()))
            .unwrap_or_default()
    };
    let found = super::key::fingerprint(&archive_key);
    match expected.map(str::trim) {
        None => return Err(Msg::ArchiveKeyUnchecked.text().to_owned()),
        Some(wanted) => {
            let same = wanted == archive_key
                || wanted
                    .replace(' ', "")
                    .eq_ignore_ascii_case(&found.replace(' ', ""));
            if !same {
                return Err(Msg::ArchiveForeignKey.fill(&[&found]));
            }
        }
    }
    if !public.verifies_bytes(&manifest, &signature) {
        return Err(format!("{MANIFEST} : {}", Msg::VerifyBadSignature.text()));
    }
    for entry in String::from_utf8_lossy(&manifest).lines() {
        let Some((sum, name)) = entry.split_once("  ") else {
            return Err(format!("{MANIFEST} : « {entry} »"));
        };
        if sha256_hex(&read(name)?) != sum {
            return Err(Msg::ArchiveFileChanged.fill(&[&name]));
        }
        report.files += 1;
    }
    let documents = String::from_utf8_lossy(&read("documents.jsonl")?).into_owned();
    let mut previous: Option<String> = None;
    let mut numbers: BTreeMap<String, i64> = BTreeMap::new();
    let mut hashes: Vec<String> = Vec::new();
    for line in documents.lines() {
        let doc: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let field = |k: &str| doc[k].as_str().unwrap_or_default().to_owned();
        let (series, number) = (field("series"), doc["number"].as_i64().unwrap_or(0));
        let name = format!("{series} n° {number}");
        let prev = field("prev_hash");
        if previous.as_ref().is_some_and(|p| *p != prev) {
            return Err(format!("{name} : {}", Msg::VerifyBrokenLink.text()));
        }
        if chain::hash(&prev, &field("payload")) != field("hash") {
            return Err(format!("{name} : {}", Msg::VerifyBadHash.text()));
        }
        if let Some(last) = numbers.get(&series)
            && *last + 1 != number
        {
            return Err(format!(
                "{name} : {}",
                Msg::VerifyGap.fill(&[&(last + 1), &number])
            ));
        }
        if matches!(field("kind").as_str(), "closing" | "archive")
            && !public.verifies(
                &chain::document_message(&field("hash")),
                &field("signature"),
            )
        {
            return Err(format!("{name} : {}", Msg::VerifyBadSignature.text()));
        }
        numbers.insert(series, number);
        previous = Some(field("hash"));
        report.documents += 1;
        hashes.push(field("hash"));
    }
    // The CSV says the same documents, in the same order, with the same hashes.
    let csv = read("documents.csv")?;
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_slice());
    let mut rows = 0usize;
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("documents.csv : {e}"))?;
        if hashes.get(i).map(String::as_str) != row.get(10) {
            return Err(Msg::ArchiveCsvDiffers.fill(&[&(i + 2)]));
        }
        rows += 1;
    }
    if rows != hashes.len() {
        return Err(Msg::ArchiveCsvDiffers.fill(&[&(rows + 2)]));
    }
    // The link file names the first and last documents held here (archives made before
    // it existed have none).
    if let Ok(bytes) = read(LINK) {
        let link: Value = serde_json::from_slice(&bytes).map_err(|e| format!("{LINK} : {e}"))?;
        let first_prev = documents
            .lines()
            .next()
            .and_then(|l| serde_json::from_str::<Value>(l).ok())
            .and_then(|d| d["prev_hash"].as_str().map(str::to_owned));
        if link["first_prev_hash"].as_str().map(str::to_owned) != first_prev
            || link["last_hash"].as_str() != hashes.last().map(String::as_str)
        {
            return Err(Msg::ArchiveLinkDiffers.fill(&[&LINK]));
        }
    }
    Ok(())
}
