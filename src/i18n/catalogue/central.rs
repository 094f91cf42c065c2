//! Catalogue rows (see [`super`]): several sites and their central database: the
//! connection, the sync and its status line, what the central refuses, `verify
//! --central` and the consolidated reports.
//!
//! A part of one table: its macro adds its rows to those it is given and hands them on
//! to the next part, the last to `catalogue!`, so the table stays one enum in one order.

macro_rules! rows_central {
    ($($acc:tt)*) => {
        catalogue! {
            $($acc)*
            ErrCentral => "Base centrale : {}", "Central database: {}";
            CentralClosed => "connexion perdue", "connection lost";
            CentralBadUrl => "adresse « {} » illisible ({}) : écrivez postgres://utilisateur@serveur/base", "address “{}” unreadable ({}): write postgres://user@server/database";
            CentralNewer => "schéma central en version {}, ce pépite ne connaît que la {} : mettez pépite à jour", "central schema at version {}, this pépite knows only {}: update pépite";
            CentralOlder => "schéma central en version {}, ce pépite écrit la {} : lancez « pepite central init »", "central schema at version {}, this pépite writes {}: run “pepite central init”";
            CentralPasswordInConfig => "la clé « central » contient un mot de passe : retirez-le et mettez-le dans ~/.pgpass ou la variable PEPITE_CENTRAL_PASSWORD", "the “central” key holds a password: remove it and put it in ~/.pgpass or the PEPITE_CENTRAL_PASSWORD variable";
            CentralNoUrl => "Aucune base centrale : donnez --central postgres://… ou la clé « central » du fichier de configuration", "No central database: give --central postgres://… or the “central” key of the config file";
            CentralInitDone => "Base centrale prête ({}) : schéma en version {} (était {})", "Central database ready ({}): schema at version {} (was {})";
            CentralOtherKey => "l'installation {} est déjà inscrite avec une autre clé publique", "installation {} is already registered with another public key";
            CentralRefused => "{} refusé par la base centrale : {}", "{} refused by the central database: {}";
            CentralAlteredAfterSending => "modifié après son envoi à la base centrale (empreinte {} ici, {} à la centrale)", "changed after it was sent to the central database (hash {} here, {} at the central)";
            CentralLinkMismatch => "ne suit pas le dernier document reçu par la base centrale", "does not follow the last document the central database received";
            CentralSyncDone => "Transmis à la base centrale : {} documents, {} événements, {} apports, {} sorties, {} articles ({} déjà reçus) en {} lots", "Sent to the central database: {} documents, {} events, {} intakes, {} outbound flows, {} items ({} already there) in {} batches";
            CentralBatch => "lot {} : {} enregistrements", "batch {}: {} records";
            CentralPending => "{} à transmettre", "{} to send";
            CentralUpToDate => "à jour", "up to date";
            CentralLastSync => "transmis il y a {}", "sent {} ago";
            CentralNeverSynced => "jamais transmis", "never sent";
            CentralOffline => "centrale injoignable", "central unreachable";
            CentralVerifySite => "Installation {} ({}) :", "Installation {} ({}):";
            CentralNoSites => "Aucune installation n'a encore transmis", "No installation has sent anything yet";
            CentralRefusals => "Refus enregistrés par la base centrale :", "Refusals recorded by the central database:";
            CliCentralReports => "« {} » : la base centrale donne les bilans takings et tonnage", "“{}”: the central database gives the takings and tonnage reports";
            AgeMinutes => "{} min", "{} min";
            AgeHours => "{} h", "{} h";
            AgeDays => "{} j", "{} d";
            KeyCentral => "Centrale", "Central";
            ReportsWhole => "Toutes les installations (base centrale)", "Every installation (central database)";
        }
    };
}
