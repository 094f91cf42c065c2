//! The command line's shape, for clap.

use crate::i18n::Lang;
use crate::print::label::LabelFormat;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "pepite",
    version,
    about = "pépite — caisse et inventaire pour ressourceries"
)]
pub struct Cli {
    /// Base de données (fichier SQLite) ; par défaut dans le dossier de données de l'utilisateur.
    #[arg(long, global = true, env = "PEPITE_DB", value_name = "FICHIER")]
    pub db: Option<PathBuf>,

    /// Code du poste (ex. caisse-2) ; par défaut le premier poste actif.
    #[arg(long, global = true, env = "PEPITE_TERMINAL", value_name = "CODE")]
    pub terminal: Option<String>,

    /// Langue de l'interface : fr (par défaut) ou en.
    #[arg(long, global = true, value_parser = parse_lang, value_name = "LANGUE")]
    pub lang: Option<Lang>,

    /// Imprimante de tickets : tcp:HÔTE[:PORT], device:/dev/usb/lp0 ou file:CHEMIN.
    #[arg(long, global = true, env = "PEPITE_PRINTER", value_name = "ADRESSE")]
    pub printer: Option<String>,

    /// Profil de l'imprimante (voir printer-profiles/) ; par défaut generic-escpos.
    #[arg(
        long,
        global = true,
        env = "PEPITE_PRINTER_PROFILE",
        value_name = "PROFIL"
    )]
    pub printer_profile: Option<String>,

    /// Imprimante d'étiquettes, écrite comme --printer.
    #[arg(
        long,
        global = true,
        env = "PEPITE_LABEL_PRINTER",
        value_name = "ADRESSE"
    )]
    pub label_printer: Option<String>,

    /// Profil des étiquettes : tsc-te200-50x30, un profil de tickets (rouleau), pdf-3x8 ou pdf-2x7.
    #[arg(
        long,
        global = true,
        env = "PEPITE_LABEL_PROFILE",
        value_name = "PROFIL"
    )]
    pub label_profile: Option<String>,

    /// Fichier de configuration ; par défaut config.toml dans le dossier de configuration.
    #[arg(long, global = true, env = "PEPITE_CONFIG", value_name = "FICHIER")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_format(text: &str) -> Result<LabelFormat, String> {
    text.parse()
}

/// A calendar date written `AAAA-MM-JJ`, kept as that text.
fn parse_date(text: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| crate::i18n::Msg::CliDateFormat.fill(&[&text]))
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| crate::i18n::Msg::CliLangUnknown.fill(&[&text]))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Configure une base vide sans écran : structure et premier encadrant.
    Init {
        /// Nom de la structure.
        #[arg(long)]
        name: String,
        /// Nom du premier encadrant.
        #[arg(long)]
        manager: String,
        /// Code de l'encadrant (4 à 8 chiffres).
        #[arg(long)]
        pin: String,
    },
    /// Crée une ressourcerie de démonstration et l'ouvre (fichier jetable sans --db).
    Demo {
        /// Crée seulement la base, sans ouvrir l'écran.
        #[arg(long)]
        no_tui: bool,
        /// Années d'historique (ventes, Z et clôtures, apports, sorties) ; par défaut quatre semaines.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..=20))]
        years: i64,
        /// Nombre de sites (au moins les deux de la démo), chacun sa boutique, sa caisse et son tri.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(2..=20))]
        sites: u16,
    },
    /// Écrit une page de test (accents, €) pour un profil d'imprimante.
    PrintTest {
        /// Le profil (ex. epson-tm-t20iii).
        #[arg(long)]
        profile: String,
        /// Fichier où écrire les octets ESC/POS.
        #[arg(long)]
        output: PathBuf,
    },
    /// Gère les utilisateurs.
    #[command(subcommand)]
    User(UserCommand),
    /// Vérifie le journal fiscal : empreintes, numérotation, signatures (code 0 si intègre).
    Verify {
        /// Première date comptée (AAAA-MM-JJ).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<String>,
        /// Dernière date comptée (AAAA-MM-JJ).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<String>,
        /// Vérifie à la place les chaînes de toutes les installations dans la base centrale (postgres://…).
        #[arg(long, value_name = "URL")]
        central: Option<String>,
    },
    /// Transmet à la base centrale ce qu'elle n'a pas encore (documents, JET, apports, sorties, articles), par lots.
    Sync {
        /// La base centrale (postgres://…) ; par défaut la clé « central » de la configuration.
        #[arg(long, value_name = "URL")]
        central: Option<String>,
        /// Enregistrements par lot (une transaction chacun).
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(i64).range(1..=100_000))]
        batch: i64,
    },
    /// La base centrale PostgreSQL de la structure : création du schéma, refus enregistrés.
    #[command(subcommand)]
    Central(CentralCommand),
    /// Archive un mois (AAAA-MM) ou une année (AAAA) passés du journal (demande un encadrant).
    Archive {
        /// La période : AAAA-MM ou AAAA.
        #[arg(long)]
        period: String,
        /// Dossier de l'archive (nouveau ou vide).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Vérifie une archive : empreintes, signature du manifeste, chaînage.
    VerifyArchive {
        /// Le dossier de l'archive.
        dir: PathBuf,
        /// L'empreinte de la clé de l'installation (imprimée sur chaque Z), quand la base
        /// n'est pas là.
        #[arg(long, value_name = "EMPREINTE")]
        fingerprint: Option<String>,
    },
    /// Grille de prix en CSV (séparateur « ; ») : import (demande un encadrant) ou export.
    #[command(subcommand)]
    Grid(GridCommand),
    /// Les adhérents : liste, import CSV (HelloAsso, Paheko), export des données d'un adhérent, effacement (RGPD), formules, reçus fiscaux, cartes.
    #[command(subcommand)]
    Member(MemberCommand),
    /// La carte du café en CSV (séparateur « ; ») : import (demande un encadrant) ou export.
    #[command(subcommand)]
    Menu(MenuCommand),
    /// Reprend l'historique d'Oressource depuis son dump MySQL (.sql ou .sql.gz), à part du journal fiscal (demande un encadrant).
    Import {
        /// oressource.
        #[arg(value_parser = ["oressource"])]
        source: String,
        /// Le dump (mysqldump ou export phpMyAdmin), brut ou compressé en .gz.
        dump: PathBuf,
        /// Lit tout et dit ce qui serait repris, sans rien garder.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Export comptable : les Z d'une période en écritures, au format FEC ou pour Paheko (demande un encadrant).
    Export {
        /// fec (fichier des écritures comptables, art. A47 A-1 du LPF) ou paheko (CSV à importer dans Paheko, format « Groupé »).
        #[arg(value_parser = ["fec", "paheko"])]
        format: String,
        /// Premier jour (AAAA-MM-JJ).
        #[arg(long, value_name = "DATE")]
        from: chrono::NaiveDate,
        /// Dernier jour (AAAA-MM-JJ).
        #[arg(long, value_name = "DATE")]
        to: chrono::NaiveDate,
        /// Fichier à écrire (SIRENFECAAAAMMJJ.txt pour l'administration).
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Le plan comptable de l'export : liste, ou fixe un compte (demande un encadrant).
    Account {
        /// category (une catégorie), cafe (un produit du café), method (cash, cheque, card, local_currency, voucher), rate (2000, 1000, 550…) ou special (membership_fee, donation, gift_voucher, cash_short, cash_over). Sans rien : la liste.
        kind: Option<String>,
        /// Le nom de la catégorie, la nature du moyen, le taux…
        key: Option<String>,
        /// Le numéro de compte.
        number: Option<String>,
        /// Son libellé.
        #[arg(long, default_value = "")]
        label: String,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Les éco-organismes : la correspondance des catégories (liste), ou une catégorie rattachée (demande un encadrant).
    Eco {
        /// ecomaison, refashion ou ecologic.
        org: Option<String>,
        /// Le nom de notre catégorie.
        category: Option<String>,
        /// Sa catégorie chez l'éco-organisme.
        eco_category: Option<String>,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Fixe les objectifs d'une année : tonnes collectées, tonnes réemployées, chiffre d'affaires (demande un encadrant).
    Target {
        /// L'année (AAAA).
        year: i32,
        /// Un site (son numéro) ; par défaut toute la structure.
        #[arg(long, default_value_t = 0)]
        site: i64,
        /// Tonnes collectées visées.
        #[arg(long, value_name = "TONNES")]
        collected: u32,
        /// Tonnes réemployées visées.
        #[arg(long, value_name = "TONNES")]
        reused: u32,
        /// Chiffre d'affaires TTC visé, en euros.
        #[arg(long, value_name = "EUROS")]
        takings: u32,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Bilans : chiffre d'affaires ou tonnages d'une période, en tableau, CSV ou JSON (demande un encadrant).
    Report {
        /// takings (chiffre d'affaires), tonnage (tonnages), targets (objectifs de l'année de --to), members (adhérents, cotisations et dons), eco (déclaration trimestrielle, avec --org et --quarter) ou month (bilan du mois de --to pour le bureau, en PDF, avec --out).
        #[arg(value_parser = ["takings", "tonnage", "targets", "members", "eco", "month"])]
        report: String,
        /// L'éco-organisme : ecomaison, refashion ou ecologic (avec eco).
        #[arg(long, value_parser = ["ecomaison", "refashion", "ecologic"])]
        org: Option<String>,
        /// Le trimestre, ex. 2026-T4 (avec eco ; remplace --from et --to).
        #[arg(long, value_name = "AAAA-Tn")]
        quarter: Option<String>,
        /// Premier jour (AAAA-MM-JJ) ; par défaut le premier du mois.
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Dernier jour (AAAA-MM-JJ) ; par défaut aujourd'hui.
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Regroupement : day, week, month, year, site, point, terminal, payment, vat ou category.
        #[arg(long, default_value = "day", value_parser = ["day", "week", "month", "year", "site", "point", "terminal", "payment", "vat", "category"])]
        by: String,
        /// table (à l'écran), csv (« ; », virgule décimale), xlsx (tableur, demande --out) ou json.
        #[arg(long, default_value = "table", value_parser = ["table", "csv", "xlsx", "json"])]
        format: String,
        /// Fichier à écrire ; par défaut la sortie standard.
        #[arg(long, value_name = "FICHIER")]
        out: Option<PathBuf>,
        /// Bilan consolidé de toutes les installations, lu dans la base centrale (postgres://…) ; takings et tonnage.
        #[arg(long, value_name = "URL")]
        central: Option<String>,
        /// Avec --central : une seule installation (son identifiant, voir « pepite verify --central »).
        #[arg(long, value_name = "ID", requires = "central")]
        installation: Option<String>,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Étiquettes des articles : PDF (planches A4), TSPL (imprimante d'étiquettes) ou ESC/POS (rouleau).
    Labels {
        /// pdf, tspl ou escpos.
        #[arg(long, value_parser = parse_format)]
        format: LabelFormat,
        /// Fichier à écrire.
        #[arg(long)]
        output: PathBuf,
        /// Codes des articles, séparés par des virgules.
        #[arg(long, value_delimiter = ',', conflicts_with = "unprinted")]
        items: Option<Vec<String>>,
        /// Tous les articles en stock dont l'étiquette n'a jamais été imprimée.
        #[arg(long)]
        unprinted: bool,
        /// Profil de l'imprimante (tspl : tsc-te200-50x30 par défaut ; escpos : generic-escpos).
        #[arg(long)]
        profile: Option<String>,
        /// Planche du PDF : 3x8 (70 × 37 mm, par défaut) ou 2x7 (99 × 38 mm).
        #[arg(long, default_value = "3x8")]
        sheet: String,
        /// Première case libre de la planche, comptée à partir de 1 (1 = en haut à gauche).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        start: u32,
    },
    /// Écrit l'attestation individuelle de conformité remplie pour cette installation.
    Attestation {
        /// Fichier où l'écrire (sinon, à l'écran).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// La clé de l'installation : copie à garder hors de la boutique, ou remise en place.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Copie cohérente de la base pendant que les caisses tournent.
    Backup {
        /// Fichier de sauvegarde à créer (il ne doit pas exister).
        file: PathBuf,
    },
    /// Impressions en attente (tickets, étiquettes) ; --discard N en abandonne une (encadrant).
    PrintQueue {
        /// Numéro de l'impression à abandonner.
        #[arg(long, value_name = "N")]
        discard: Option<i64>,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Remet une sauvegarde en place (encadrant, toutes les caisses arrêtées) ; noté au JET.
    Restore {
        /// La sauvegarde (faite par « pepite backup »).
        file: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
}

#[derive(Debug, Subcommand)]
pub enum CentralCommand {
    /// Crée ou met à jour le schéma central (rôles pepite_site et pepite_reader compris) ; à lancer avec un rôle propriétaire.
    Init {
        /// La base centrale (postgres://…).
        #[arg(long, value_name = "URL")]
        url: String,
    },
    /// Les refus enregistrés par la base centrale (documents modifiés après envoi, chaînes rompues).
    Refusals {
        /// La base centrale (postgres://…) ; par défaut la clé « central » de la configuration.
        #[arg(long, value_name = "URL")]
        central: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Écrit une copie de la clé dans un nouveau fichier (demande un encadrant).
    Export {
        /// Le fichier à créer (il ne doit pas exister).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Remplace la clé de l'installation (copiée, perdue de vue) : la nouvelle est signée
    /// par l'ancienne (demande un encadrant).
    Rotate {
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Remet en place la clé de cette installation depuis sa copie.
    Import {
        /// La copie de la clé.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Ajoute un utilisateur (demande un encadrant : --as, --as-pin).
    Add {
        #[arg(long)]
        name: String,
        /// Rôles séparés par des virgules : manager, cashier, sorter, cafe.
        #[arg(long)]
        roles: String,
        /// Code du nouvel utilisateur (4 à 8 chiffres).
        #[arg(long)]
        pin: String,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Liste les utilisateurs et leurs rôles.
    List,
    /// Désactive un utilisateur (demande un encadrant : --as, --as-pin).
    Disable {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        auth: ManagerAuth,
    },
}

#[derive(Debug, Subcommand)]
pub enum GridCommand {
    /// Importe un CSV : tout ou rien, la première ligne fausse est nommée.
    Import {
        file: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Exporte la grille en CSV.
    Export { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Liste le registre (ou ceux trouvés par un nom, un n°, un e-mail).
    List {
        /// Début de nom, n° ou e-mail.
        words: Option<String>,
    },
    /// Importe un CSV (export HelloAsso des adhésions ou export Paheko des membres) : tout ou rien, sans doublon (demande un encadrant).
    Import {
        file: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Écrit tout ce que pépite sait d'un adhérent dans un fichier JSON (demande un encadrant).
    Export {
        number: i64,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Efface un adhérent : registre anonymisé, journal intact (demande un encadrant).
    Erase {
        number: i64,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Ajoute ou change une formule d'adhésion (demande un encadrant).
    Offer {
        /// Son libellé, ex. « Individuelle ».
        label: String,
        /// Montant fixe (ex. 10) ; sans lui, prix libre.
        #[arg(long)]
        amount: Option<String>,
        /// Minimum du prix libre.
        #[arg(long, default_value = "0")]
        min: String,
        /// year (année civile), 12months (12 mois) ou season:M (saison à partir du mois M).
        #[arg(long, default_value = "year")]
        validity: String,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Réglages des reçus fiscaux : intérêt général, objet, signataire (demande un encadrant).
    Settings {
        /// oui ou non.
        #[arg(long = "interet-general")]
        general_interest: String,
        /// L'objet de la structure, tel que le reçu l'imprime.
        #[arg(long = "objet", default_value = "")]
        purpose: String,
        /// Nom et qualité du signataire.
        #[arg(long = "signataire", default_value = "")]
        signatory: String,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Reçu fiscal en PDF : un duplicata (--year et --number) ou le reçu annuel d'un adhérent (--member et --year) (demande un encadrant).
    Receipt {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        number: Option<i64>,
        #[arg(long)]
        member: Option<i64>,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Cartes d'adhérent en PDF (planche A4 de 10) (demande un encadrant).
    Cards {
        numbers: Vec<i64>,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
}

#[derive(Debug, Subcommand)]
pub enum MenuCommand {
    /// Importe un CSV : tout ou rien, la première ligne fausse est nommée.
    Import {
        file: PathBuf,
        #[command(flatten)]
        auth: ManagerAuth,
    },
    /// Exporte la carte en CSV.
    Export { file: PathBuf },
}

/// The manager who authorises a change from the command line.
#[derive(Debug, clap::Args)]
pub struct ManagerAuth {
    /// Nom de l'encadrant qui autorise.
    #[arg(id = "as", long = "as", value_name = "NOM")]
    pub manager: Option<String>,
    /// Code de cet encadrant (ou la variable PEPITE_PIN).
    #[arg(
        id = "as_pin",
        long = "as-pin",
        env = "PEPITE_PIN",
        value_name = "CODE",
        hide_env_values = true
    )]
    pub pin: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_come_after_the_subcommand_too() {
        let cli = Cli::try_parse_from([
            "pepite",
            "init",
            "--db",
            "x.db",
            "--name",
            "R",
            "--manager",
            "M",
            "--pin",
            "1234",
        ])
        .expect("parse");
        assert_eq!(cli.db.as_deref(), Some(std::path::Path::new("x.db")));
        assert!(matches!(cli.command, Some(Command::Init { .. })));
    }
}
