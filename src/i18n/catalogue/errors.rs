//! Catalogue rows (see [`super`]): what can go wrong, said in words: the application's own
//! texts, operating-system errors, and the refusals of the domain, storage, ops and journal
//! layers.
//!
//! A part of one table: its macro adds its rows to those it is given and hands them on
//! to the next part, the last to `catalogue!`, so the table stays one enum in one order.

macro_rules! rows_errors {
    ($($acc:tt)*) => {
        rows_shell! {
            $($acc)*
            // --- application -----------------------------------------------------------------
            Active => "actif", "active";
            Yes => "oui", "yes";
            BusyWait => " Patientez : un autre poste écrit dans la base… ", " Please wait: another terminal is writing to the database… ";
            TooSmall => "Fenêtre trop petite ({} × {}) : agrandissez-la à 80 × 24 au moins.", "Window too small ({} × {}): make it at least 80 × 24.";
            No => "non", "no";
            Inactive => "désactivé", "disabled";

            // --- operating-system errors, said in words ----------------------------------------
            IoNotFound => "fichier ou dossier introuvable", "file or folder not found";
            IoPermissionDenied => "permission refusée", "permission denied";
            IoAlreadyExists => "le fichier existe déjà", "the file exists already";
            IoStorageFull => "disque plein", "disk full";
            IoReadOnly => "disque en lecture seule", "read-only disk";
            IoTimedOut => "délai dépassé", "timed out";
            IoConnectionRefused => "connexion refusée", "connection refused";
            IoConnectionLost => "connexion coupée", "connection lost";
            IoNotADirectory => "ce n'est pas un dossier", "not a folder";
            IoIsADirectory => "c'est un dossier, pas un fichier", "a folder, not a file";
            IoOther => "erreur du système ({})", "system error ({})";

            // --- domain errors ----------------------------------------------------------------
            ErrMoneyEmpty => "Montant vide : tapez un prix comme 12,50", "Empty amount: type a price such as 12.50";
            ErrMoneyFormat => "« {} » n'est pas un montant : tapez un prix comme 12,50", "“{}” is not an amount: type a price such as 12.50";
            ErrMoneyDecimals => "« {} » a trop de décimales : 2 chiffres après la virgule au plus", "“{}” has too many decimals: at most 2 digits after the point";
            ErrMoneyNegative => "« {} » est négatif : tapez un montant positif", "“{}” is negative: type a positive amount";
            ErrMoneyTooLarge => "« {} » est trop grand : {} au plus", "“{}” is too large: at most {}";
            ErrMoneyOverflow => "Montant hors limites", "Amount out of range";
            ErrWeightEmpty => "Poids vide : tapez un poids comme 1,250 kg ou 850 g", "Empty weight: type a weight such as 1.250 kg or 850 g";
            ErrWeightFormat => "« {} » n'est pas un poids : tapez 1,250 kg ou 850 g", "“{}” is not a weight: type 1.250 kg or 850 g";
            ErrWeightPrecision => "« {} » est plus précis que le gramme", "“{}” is finer than a gram";
            ErrWeightNotPositive => "« {} » : le poids doit être supérieur à zéro", "“{}”: the weight must be above zero";
            ErrWeightTooLarge => "« {} » est trop lourd : {} au plus", "“{}” is too heavy: at most {}";
            ErrVatFormat => "« {} » n'est pas un taux de TVA : tapez 20, 10 ou 5,5", "“{}” is not a VAT rate: type 20, 10 or 5.5";
            ErrVatRange => "« {} » : un taux de TVA va de 0 à 100 %", "“{}”: a VAT rate lies between 0 and 100 %";
            ErrPinFormat => "Le code doit avoir de 4 à 8 chiffres", "The PIN must have 4 to 8 digits";
            ErrPinMismatch => "Les deux codes ne sont pas identiques", "The two PINs differ";
            ErrSiretFormat => "« {} » n'est pas un SIRET : 14 chiffres", "“{}” is not a SIRET: 14 digits";
            ErrSiretChecksum => "« {} » : SIRET invalide (clé de contrôle fausse)", "“{}”: invalid SIRET (wrong check digit)";
            ErrNameEmpty => "Le nom est obligatoire", "The name is required";
            ErrNameTooLong => "Nom trop long : {} caractères au plus", "Name too long: at most {} characters";
            ErrNoRole => "Choisissez au moins un rôle", "Choose at least one role";
            ErrRoleUnknown => "Rôle inconnu « {} » : manager, cashier, sorter ou cafe", "Unknown role “{}”: manager, cashier, sorter or cafe";
            ErrTerminalCode => "Code de poste « {} » : lettres, chiffres et tirets, 1 à 16", "Terminal code “{}”: letters, digits and dashes, 1 to 16";
            ErrTicketEmpty => "Le ticket est vide", "The ticket is empty";
            ErrTicketZeroQuantity => "« {} » : la quantité ne peut pas être zéro", "“{}”: the quantity cannot be zero";
            ErrQuantityTooLarge => "« {} » : {} articles au plus par ligne", "“{}”: at most {} units per line";
            ErrAmountTooLarge => "{} : {} au plus à cette caisse", "{}: at most {} at this till";
            SlipBill => "ADDITION", "BILL";
            SlipNote => "Note {} n° {}", "Note {} No. {}";
            SlipBillNotice => "À régler — le ticket de caisse suit le paiement", "To be paid — the receipt follows the payment";
            ErrNoStationPrinter => "Pas d'imprimante pour le poste {} (clé creperie_printer ou bar_printer du fichier de configuration) : le ticket est gardé pour une réimpression.", "No printer for the {} station (creperie_printer or bar_printer key of the configuration file): the ticket is kept for a reprint.";
            KitchenCancelled => "ANNULÉ", "CANCELLED";
            KitchenCreperie => "CRÊPERIE", "CRÊPERIE";
            KitchenBar => "BAR", "BAR";
            KitchenTable => "Table {}", "Table {}";
            ModeOnSite => "Sur place", "On site";
            ModeTakeaway => "À emporter", "Takeaway";
            ErrOrderEmpty => "La commande « {} » n'a aucune ligne : rien à envoyer.", "Order “{}” has no line: nothing to send.";
            ErrSplitInProgress => "La commande « {} » se règle en parts égales ({} sur {} payées) : réglez les parts restantes d'abord.", "Order “{}” is being paid in equal parts ({} of {} paid): pay the remaining parts first.";
            CafeShare => "{} — part {} sur {}", "{} — part {} of {}";
            ErrProductOff => "« {} » n'est pas servi aujourd'hui (désactivé sur la carte).", "“{}” is not served today (switched off on the menu).";
            ErrBelowMinimum => "« {} » est à prix libre, mais pas en dessous de {}.", "“{}” is pay-what-you-want, but not below {}.";
            ErrUnknownSupplement => "Pas de supplément « {} » pour « {} ».", "No “{}” supplement for “{}”.";
            ErrOrderLabel => "« {} » : une commande se nomme par un numéro de table ou un nom (30 caractères au plus).", "“{}”: an order is named by a table number or a name (30 characters at most).";
            ErrSplitParts => "Impossible de partager {} en {} parts : au moins une, et pas plus que de centimes.", "Cannot split {} in {} parts: one at least, and no more than it has cents.";
            ErrRefundWithoutOriginal => "Une ligne négative n'est possible que dans un remboursement (F9), avec l'accord d'un encadrant et le ticket d'origine", "A negative line is only possible in a refund (F9), with a manager's consent and the original ticket";
            ErrWeightOverflow => "« {} » : poids hors limites", "“{}”: weight out of range";
            LimitLine => "Ligne « {} »", "Line “{}”";
            LimitTicket => "Total du ticket", "Ticket total";
            LimitPayment => "Paiement « {} »", "Payment “{}”";
            LimitChange => "Monnaie à rendre", "Change to give";
            ErrTicketDiscount => "« {} » : la remise dépasse le prix", "“{}”: the discount exceeds the price";
            ErrTicketUnderpaid => "Reste à payer : dû {}, reçu {}", "Not fully paid: due {}, received {}";
            ErrTicketChange => "Rendu de {} : seules les espèces peuvent être rendues", "Change of {}: only cash can be given back";
            ErrTenderSign => "Montant de paiement invalide (zéro ou de mauvais signe)", "Invalid payment amount (zero or wrong sign)";

            // --- storage errors ---------------------------------------------------------------
            ErrDbNewer => "Cette base a été écrite par une version plus récente de pépite (schéma {}) ; ce programme ne connaît que le schéma {}. Mettez pépite à jour. La base n'a pas été modifiée.", "This database was written by a newer pépite (schema {}); this program knows schema {} only. Update pépite. The database was not changed.";
            ErrDbNotPepite => "« {} » n'est pas une base pépite. Elle n'a pas été modifiée.", "“{}” is not a pépite database. It was not changed.";
            ErrDbBusy => "La base est occupée par un autre poste. Réessayez dans un instant ; rien n'a été perdu.", "The database is busy with another terminal. Try again in a moment; nothing was lost.";
            ErrShortcutTaken => "Le raccourci « {} » est déjà celui de « {} » : choisissez-en un autre", "Shortcut “{}” already belongs to “{}”: choose another";
            ErrDbMissing => "Fichier introuvable : {} (vérifiez --db ; pepite init crée une base)", "File not found: {} (check --db; pepite init creates a database)";
            ErrDbOpen => "Impossible d'ouvrir la base « {} » : {}", "Cannot open the database “{}”: {}";
            ErrDbReadOnly => "La base est en lecture seule : vérifiez les droits du fichier.", "The database is read-only: check the file's permissions.";
            ErrDbFull => "Le disque est plein : libérez de la place. Rien n'a été enregistré.", "The disk is full: free some space. Nothing was saved.";
            ErrDbCorrupt => "La base est endommagée : restaurez une sauvegarde et prévenez l'encadrant.", "The database is damaged: restore a backup and tell a manager.";
            ErrDbOther => "Erreur de la base de données : {}", "Database error: {}";
            ErrDbDriver => "Erreur de la base de données (le détail est dans pepite.log) : prévenez l'encadrant", "Database error (details in pepite.log): tell a manager";
            ErrNotFound => "{} introuvable", "{} not found";
            ErrDuplicate => "« {} » existe déjà", "“{}” already exists";
            ErrMigration => "Mise à jour du schéma {} impossible : {}", "Schema upgrade {} failed: {}";
            ErrBackupExists => "« {} » existe déjà : choisissez un autre nom de fichier", "“{}” already exists: choose another file name";
            ErrBackupFailed => "Sauvegarde impossible vers « {} » : {}", "Backup to “{}” failed: {}";
            ErrNotInitialised => "La base n'est pas encore configurée : lancez pépite sans argument, ou « pepite init ».", "The database is not set up yet: run pépite without arguments, or “pepite init”.";
            ErrAlreadyInitialised => "La base est déjà configurée (structure « {} »)", "The database is already set up (structure “{}”)";
            ThingUser => "Utilisateur", "User";
            ThingProduct => "Produit de la carte", "Menu product";
            ThingOrder => "Commande ouverte", "Open order";
            ThingOrderLine => "Ligne de commande", "Order line";
            ThingKitchenTicket => "Bon en attente", "Waiting ticket";
            ThingSite => "Site", "Site";
            ThingCategory => "Catégorie", "Category";
            ThingPointOfSale => "Point de vente", "Point of sale";
            ThingTerminal => "Poste", "Terminal";
            ThingPaymentMethod => "Moyen de paiement", "Payment method";
            ThingItemInStock => "Article en stock", "Item in stock";
            ThingItem => "Article", "Item";
            MarkdownReason => "démarque −{} % ({} semaines)", "markdown −{} % ({} weeks)";
            ThingDocument => "Document", "Document";

            // --- ops errors -------------------------------------------------------------------
            ErrForbidden => "Action réservée au rôle « {} »", "Only the “{}” role may do this";
            ErrWrongPin => "Code faux. Encore {} essai(s) avant blocage.", "Wrong PIN. {} attempt(s) left before lock.";
            ErrLocked => "Trop d'essais : « {} » est bloqué jusqu'à {}.", "Too many attempts: “{}” is locked until {}.";
            ErrUserDisabled => "« {} » est désactivé : demandez à l'encadrant.", "“{}” is disabled: ask a manager.";
            ErrLastManager => "Il faut garder au moins un encadrant actif.", "At least one active manager must remain.";
            ErrPinNeedsKey => "Le code ne peut pas être vérifié sans la clé de l'installation : prévenez l'encadrant", "The PIN cannot be checked without the installation key: tell a manager";
            ErrNotThisInstallation => "« {} » n'est pas une sauvegarde de cette installation : rien n'a été restauré", "“{}” is not a backup of this installation: nothing was restored";
            CliRestoreDone => "Sauvegarde remise en place. Perdu depuis : {} documents et {} événements (noté dans le journal des événements).", "Backup put back. Lost since: {} documents and {} events (written in the event journal).";
            ErrDraft => "Le ticket en cours n'a pas pu être gardé : {}", "The ticket in progress could not be kept: {}";
            TillDraftsBack => "Ticket en cours repris ({} ligne(s)), {} ticket(s) en attente", "Ticket in progress restored ({} line(s)), {} parked ticket(s)";
            ErrMoveReason => "Donnez la raison (elle est notée au journal)", "Give the reason (it goes in the journal)";
            ErrRefundQuantity => "« {} » : {} à rembourser au plus", "“{}”: at most {} to refund";
            TillRefundAsVoucher => "Avoir", "Voucher";
            ErrShortcutFormat => "Raccourci « {} » : une ou deux lettres", "Shortcut “{}”: one or two letters";
            FormVat => "TVA", "VAT";
            FormDefaultPrice => "Prix par défaut", "Default price";
            FormShortcut => "Raccourci", "Shortcut";
            FormGuarantee => "Vendu garanti", "Sold with a guarantee";
            ColPrice => "Prix", "Price";
            ColKey => "Touche", "Key";
            ColWeightShort => "Poids", "Weight";
            ErrPinHash => "Le code n'a pas pu être chiffré : {}", "The PIN could not be hashed: {}";
            ErrCategoryCycle => "Une catégorie ne peut pas être rangée sous elle-même.", "A category cannot sit under itself.";
            ErrTerminalPosInactive => "Ce point de vente est désactivé.", "This point of sale is disabled.";

            // --- journal errors -------------------------------------------------------------------
            ErrNoInstallation => "Cette base n'a pas de clé d'installation : refaites la configuration.", "This database has no installation key: set it up again.";
            ErrKeyFile => "Clé de l'installation « {} » illisible : {}", "Installation key “{}” unreadable: {}";
            ErrKeyFileOpen => "La clé « {} » est lisible par d'autres que son propriétaire : refusée. Corrigez avec : chmod 600 {}", "The key “{}” can be read by others than its owner: refused. Fix it with: chmod 600 {}";
            ErrKeyAbsent => "Clé de l'installation absente ({}) : le journal est intact, mais rien ne peut être signé. Remettez-la depuis sa copie : pepite key import FICHIER", "Installation key missing ({}): the journal is intact, but nothing can be signed. Put it back from its copy: pepite key import FILE";
            ErrKeyNotThisInstallation => "« {} » est la clé d'une autre installation (empreinte {}, celle-ci : {}) : refusée.", "“{}” is another installation's key (fingerprint {}, this one: {}): refused.";
            CliAttestationDone => "Attestation écrite dans {} : à relire, compléter et faire signer par l'éditeur qui vous fournit pépite.", "Attestation written to {}: to read, complete and have signed by the publisher who supplies pépite.";
            CliKeyExported => "Clé de l'installation copiée dans {} (empreinte {}). Gardez ce fichier hors de la boutique (coffre, chez le trésorier) : qui l'a peut signer au nom de la caisse.", "Installation key copied to {} (fingerprint {}). Keep this file away from the shop (a safe, the treasurer's): whoever holds it can sign as the till.";
            CliKeyImported => "Clé de l'installation remise en place dans {} (empreinte {}).", "Installation key put back in {} (fingerprint {}).";
            CliBackupNoKey => "La clé de l'installation n'est pas dans la sauvegarde : gardez-en une copie à part (pepite key export --out FICHIER).", "The installation key is not in the backup: keep a copy of it apart (pepite key export --out FILE).";
            VerifyRotation => "rotation vers la clé {}", "rotation to key {}";
            CliKeyRotated => "Nouvelle clé de l'installation (empreinte {}), signée par l'ancienne ({}). Gardez-en une copie hors de la boutique : pepite key export --out FICHIER", "New installation key (fingerprint {}), signed by the old one ({}). Keep a copy away from the shop: pepite key export --out FILE";
            VerifyKeyAbsent => "ATTENTION : clé absente ({}) — le journal se vérifie avec la clé publique, mais ce poste ne peut plus rien signer : pepite key import FICHIER", "WARNING: key missing ({}) — the journal verifies with the public key, but this terminal can sign nothing: pepite key import FILE";
            ErrKeyMismatch => "La clé « {} » n'est pas celle de cette installation : rien ne sera signé. Prévenez l'encadrant.", "The key “{}” is not this installation's: nothing will be signed. Tell a manager.";
            ErrDayNotClosed => "La session du {} dure depuis plus de 24 h : faites son ticket Z avant de vendre.", "The session of {} has run for more than 24 hours: print its Z before selling.";
            ErrPeriodClosed => "Le mois {} est déjà clôturé sur ce poste : vérifiez la date et l'heure de l'ordinateur.", "The month {} is already closed on this terminal: check the computer's date and time.";
            ErrClockBehind => "L'horloge indique le {}, avant le dernier document de ce poste ({}) : corrigez la date et l'heure avant de continuer.", "The clock says {}, before this terminal's last document ({}): set the date and time right before going on.";
            ErrNothingToClose => "Rien à clôturer : aucune vente ni fond de caisse depuis le dernier Z de ce poste.", "Nothing to close: no sale nor float since this terminal's last Z.";
            ErrPeriodOpen => "La période {} n'est pas close sur le poste {} (session du {} sans Z) : faites son Z d'abord.", "The period {} is not closed on terminal {} (session of {} without a Z): print its Z first.";
            ErrCommentRequired => "Il y a un écart de caisse : un commentaire est obligatoire.", "There is a cash difference: a comment is required.";
            ErrNotATicket => "« {} » n'est pas un ticket de vente", "“{}” is not a sales ticket";
            ErrTrainingMix => "« {} » : un ticket du mode école ne se rembourse qu'en mode école, et un vrai ticket jamais en mode école", "“{}”: a training ticket is refunded only in training mode, and a real one never in it";
            ErrArchivePeriod => "Période d'archive « {} » : un mois (AAAA-MM) ou une année (AAAA) passés", "Archive period “{}”: a past month (YYYY-MM) or year (YYYY)";
            ErrIo => "Fichier « {} » : {}", "File “{}”: {}";
            ArchiveTitle => "Vérification de l'archive", "Archive check";
            ArchiveCounts => "Fichiers contrôlés : {} — documents chaînés : {}", "Files checked: {} — chained documents: {}";
            ArchiveBroken => "RÉSULTAT : ALTÉRÉE — {}", "RESULT: ALTERED — {}";
            ArchiveLinkDiffers => "« {} » ne nomme pas le premier et le dernier document de l'archive", "“{}” does not name the archive's first and last documents";
            ArchiveFileChanged => "« {} » ne correspond pas au manifeste (fichier modifié)", "“{}” does not match the manifest (file changed)";
            ErrArchiveNotEmpty => "le dossier n'est pas vide : choisissez un nouveau dossier", "the folder is not empty: choose a new one";
            CliArchiveDone => "Archive {} écrite dans {} (document {} n° {}).", "Archive {} written to {} (document {} n° {}).";
            VerifyTitle => "Résultat du test d'intégrité", "Integrity check result";
            VerifyCounts => "Documents vérifiés : {} — événements techniques (JET) : {}", "Documents checked: {} — technical events (JET): {}";
            VerifyFirst => "Premier document : {}", "First document: {}";
            VerifyLast => "Dernier document : {}", "Last document: {}";
            VerifyIntact => "RÉSULTAT : INTÈGRE — chaînage, numérotation et signatures conformes.", "RESULT: INTACT — chaining, numbering and signatures correct.";
            VerifyBroken => "RÉSULTAT : ALTÉRÉ — premier enregistrement en défaut : {} — {}", "RESULT: ALTERED — first bad record: {} — {}";
            VerifyBrokenLink => "le lien avec le document précédent est rompu (document retiré ou inséré)", "the link to the previous record is broken (record removed or inserted)";
            VerifyBadHash => "son contenu ne correspond plus à son empreinte (contenu modifié)", "its content no longer matches its hash (content changed)";
            VerifyGap => "numérotation interrompue : n° {} attendu, n° {} trouvé", "numbering gap: n° {} expected, n° {} found";
            VerifyBadSignature => "signature invalide", "invalid signature";
            VerifyNoHead => "l'enregistrement de fin de chaîne manque", "the end-of-chain record is missing";
            VerifyTailCut => "fin de chaîne signée pour {} enregistrements, {} trouvés (fin de journal coupée)", "end of chain signed for {} records, {} found (tail cut)";
            VerifyChainEnd => "fin de la chaîne « {} »", "end of chain “{}”";
            VerifyEvent => "événement {} ({})", "event {} ({})";
            VerifyColumn => "la colonne « {} » vaut {} mais son contenu signé dit {} (chiffre modifié hors du journal)", "column “{}” holds {} but its signed content says {} (figure changed outside the journal)";
            VerifyPayloadUnreadable => "contenu illisible : {}", "unreadable content: {}";
            VerifyCounter => "compteur du poste {} au taux {}", "counter of terminal {} at rate {}";
            VerifyCounterMismatch => "{} : {} enregistré, {} d'après les tickets (compteur modifié)", "{}: {} stored, {} from the tickets (counter changed)";
            VerifyCounterSums => "TTC {} / HT {} / TVA {}", "incl. VAT {} / excl. {} / VAT {}";
            VerifyCounterTotal => "grand total perpétuel", "perpetual grand total";
            VerifyCounterYear => "total de l'année", "year total";
            VerifyCounterMonth => "total du mois", "month total";
            VerifyCounterDay => "total du jour", "day total";
            VerifyItem => "article {}", "item {}";
            VerifyItemSoldNoTicket => "marqué vendu sans le ticket qui l'a vendu (état modifié)", "marked sold without the ticket that sold it (status changed)";
            VerifyItemNotSold => "vendu par le document {} mais marqué « {} » (état modifié)", "sold by document {} but marked “{}” (status changed)";
            VerifyItemMissing => "vendu par le document {} mais absent des articles ou plus marqué vendu (article supprimé ou modifié)", "sold by document {} but missing from the items or no longer marked sold (item deleted or changed)";
            VerifyWeight => "poids vendus du document {}", "sold weights of document {}";
            VerifyWeightNoTicket => "ne correspondent à aucun ticket réel", "match no real ticket";
            VerifyWeightSign => "de signe contraire au ticket (poids modifié)", "of the opposite sign to the ticket (weight changed)";
            VerifyWeightSum => "{} g enregistrés, {} g d'après le ticket (poids modifié)", "{} g stored, {} g from the ticket (weight changed)";
            VerifyWeightRows => "{} lignes de poids pour {} lignes de ticket", "{} weight rows for {} ticket lines";
            VerifyAnchor => "dernier état connu ({})", "last known state ({})";
            VerifyAnchorUnreadable => "illisible : {}", "unreadable: {}";
            VerifyAnchorForged => "signature invalide (fichier d'ancrage falsifié)", "invalid signature (anchor file forged)";
            VerifyAnchorDocuments => "documents", "documents";
            VerifyAnchorEvents => "événements", "events";
            VerifyOlder => "cette base est plus ancienne que le dernier état connu ({} {} le {} à {}) : elle n'en a que {}, ou plus les mêmes (base remise d'une copie, ou fin du journal supprimée). Si c'est voulu, un encadrant restaure avec « pepite restore ».", "this database is older than the last known state ({} {} on {} at {}): it has only {}, or not the same ones (put back from a copy, or its tail deleted). If that was meant, a manager restores with “pepite restore”.";
            ArchiveKeyUnchecked => "la clé de l'archive n'est vérifiée contre rien : donnez --db (la base de l'installation) ou --fingerprint (l'empreinte imprimée sur les Z)", "the archive's key is checked against nothing: give --db (the installation's database) or --fingerprint (the fingerprint printed on the Z slips)";
            ArchiveForeignKey => "signée par une autre clé (empreinte {}) que celle de l'installation : archive refaite ou falsifiée", "signed by another key (fingerprint {}) than the installation's: archive rewritten or forged";
            ArchiveCsvDiffers => "documents.csv ne dit pas la même chose que documents.jsonl (ligne {})", "documents.csv does not say what documents.jsonl says (line {})";
            SlipKeyFingerprint => "Clé : {}", "Key: {}";
            VerifyInstallation => "installation", "installation";
            VerifyBadPublicKey => "clé publique illisible", "unreadable public key";
            VerifyKeyFile => "fichier de clé {}", "key file {}";
            VerifyKeyMismatch => "absent ou différent de la clé de l'installation", "missing or not the installation's key";

        }
    };
}
