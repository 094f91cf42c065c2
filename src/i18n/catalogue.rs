//! The texts themselves: one row per message, French then English.
//!
//! Keep the French short and plain: many cashiers read French as a second language.
//! A row's key says where it is used (`Login…`, `Home…`, `Err…`, `Cli…`).

use super::Lang;

macro_rules! catalogue {
    ($($key:ident => $fr:literal, $en:literal;)*) => {
        /// A message of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            /// Every message, for tests that walk the catalogue.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The text in the given language.
            pub fn text_in(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Fr => match self { $(Msg::$key => $fr,)* },
                    Lang::En => match self { $(Msg::$key => $en,)* },
                }
            }
        }
    };
}

catalogue! {
    // --- application -----------------------------------------------------------------
    Active => "actif", "active";
    Inactive => "désactivé", "disabled";

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
    ErrTicketDiscount => "« {} » : la remise dépasse le prix", "“{}”: the discount exceeds the price";
    ErrTicketUnderpaid => "Reste à payer : dû {}, reçu {}", "Not fully paid: due {}, received {}";
    ErrTicketChange => "Rendu de {} : seules les espèces peuvent être rendues", "Change of {}: only cash can be given back";
    ErrTenderSign => "Montant de paiement invalide (zéro ou de mauvais signe)", "Invalid payment amount (zero or wrong sign)";

    // --- storage errors ---------------------------------------------------------------
    ErrDbNewer => "Cette base a été écrite par une version plus récente de pépite (schéma {}) ; ce programme ne connaît que le schéma {}. Mettez pépite à jour. La base n'a pas été modifiée.", "This database was written by a newer pépite (schema {}); this program knows schema {} only. Update pépite. The database was not changed.";
    ErrDbNotPepite => "« {} » n'est pas une base pépite. Elle n'a pas été modifiée.", "“{}” is not a pépite database. It was not changed.";
    ErrDbBusy => "La base est occupée par un autre poste. Réessayez dans un instant ; rien n'a été perdu.", "The database is busy with another terminal. Try again in a moment; nothing was lost.";
    ErrDbOpen => "Impossible d'ouvrir la base « {} » : {}", "Cannot open the database “{}”: {}";
    ErrDbReadOnly => "La base est en lecture seule : vérifiez les droits du fichier.", "The database is read-only: check the file's permissions.";
    ErrDbFull => "Le disque est plein : libérez de la place. Rien n'a été enregistré.", "The disk is full: free some space. Nothing was saved.";
    ErrDbCorrupt => "La base est endommagée : restaurez une sauvegarde et prévenez l'encadrant.", "The database is damaged: restore a backup and tell a manager.";
    ErrDbOther => "Erreur de la base de données : {}", "Database error: {}";
    ErrNotFound => "{} introuvable", "{} not found";
    ErrDuplicate => "« {} » existe déjà", "“{}” already exists";
    ErrMigration => "Mise à jour du schéma {} impossible : {}", "Schema upgrade {} failed: {}";
    ErrBackupExists => "« {} » existe déjà : choisissez un autre nom de fichier", "“{}” already exists: choose another file name";
    ErrBackupFailed => "Sauvegarde impossible vers « {} » : {}", "Backup to “{}” failed: {}";
    ErrNotInitialised => "La base n'est pas encore configurée : lancez pépite sans argument, ou « pepite init ».", "The database is not set up yet: run pépite without arguments, or “pepite init”.";
    ErrAlreadyInitialised => "La base est déjà configurée (structure « {} »)", "The database is already set up (structure “{}”)";
    ThingUser => "Utilisateur", "User";
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
    ErrPinHash => "Le code n'a pas pu être chiffré : {}", "The PIN could not be hashed: {}";
    ErrCategoryCycle => "Une catégorie ne peut pas être rangée sous elle-même.", "A category cannot sit under itself.";
    ErrTerminalPosInactive => "Ce point de vente est désactivé.", "This point of sale is disabled.";

    // --- journal errors -------------------------------------------------------------------
    ErrNoInstallation => "Cette base n'a pas de clé d'installation : refaites la configuration.", "This database has no installation key: set it up again.";
    ErrKeyFile => "Clé de l'installation « {} » illisible : {}", "Installation key “{}” unreadable: {}";
    ErrKeyMismatch => "La clé « {} » n'est pas celle de cette installation : rien ne sera signé. Prévenez l'encadrant.", "The key “{}” is not this installation's: nothing will be signed. Tell a manager.";
    ErrDayNotClosed => "La journée du {} n'est pas clôturée : faites son ticket Z avant de vendre.", "The business day {} is not closed: print its Z before selling.";
    ErrDayAlreadyClosed => "La journée du {} est déjà clôturée (ticket Z fait).", "The business day {} is already closed (Z printed).";
    ErrCommentRequired => "Il y a un écart de caisse : un commentaire est obligatoire.", "There is a cash difference: a comment is required.";
    ErrNotATicket => "« {} » n'est pas un ticket de vente", "“{}” is not a sales ticket";
    ErrArchivePeriod => "Période d'archive « {} » : un mois (AAAA-MM) ou une année (AAAA) passés", "Archive period “{}”: a past month (YYYY-MM) or year (YYYY)";
    ErrIo => "Fichier « {} » : {}", "File “{}”: {}";
    ArchiveTitle => "Vérification de l'archive", "Archive check";
    ArchiveCounts => "Fichiers contrôlés : {} — documents chaînés : {}", "Files checked: {} — chained documents: {}";
    ArchiveBroken => "RÉSULTAT : ALTÉRÉE — {}", "RESULT: ALTERED — {}";
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
    VerifyInstallation => "installation", "installation";
    VerifyBadPublicKey => "clé publique illisible", "unreadable public key";
    VerifyKeyFile => "fichier de clé {}", "key file {}";
    VerifyKeyMismatch => "absent ou différent de la clé de l'installation", "missing or not the installation's key";

    // --- roles and kinds ----------------------------------------------------------------
    RoleManager => "encadrant", "manager";
    RoleCashier => "caisse", "cashier";
    RoleSorter => "tri", "sorter";
    RoleCafe => "café", "café";
    PosShop => "boutique", "shop";
    PosCafe => "café", "café";
    PosEvent => "événement", "event";
    VatAssujetti => "assujetti à la TVA", "VAT-registered";
    VatFranchise => "franchise en base (art. 293 B du CGI)", "VAT franchise (art. 293 B CGI)";
    VatNonAssujetti => "non assujetti", "not VAT-registered";
    PayCash => "espèces", "cash";
    PayCard => "carte bancaire", "card";
    PayCheque => "chèque", "cheque";
    PayLocalCurrency => "monnaie locale", "local currency";
    PayVoucher => "avoir", "voucher";
    PayOther => "autre", "other";

    // --- the TUI shell ------------------------------------------------------------------
    KeyNameEnter => "Entrée", "Enter";
    KeyNameEsc => "Échap", "Esc";
    KeyNameSpace => "Espace", "Space";
    KeyNameTab => "Tab", "Tab";
    KeyNameErase => "Retour arrière", "Backspace";
    KeyQuit => "Quitter", "Quit";
    KeyBack => "Retour", "Back";
    KeyChoose => "Choisir", "Choose";
    KeyValidate => "Valider", "Confirm";
    KeyNextField => "Champ suivant", "Next field";
    KeyChange => "Changer", "Change";
    KeyToggle => "Cocher", "Toggle";
    KeyLogout => "Déconnexion", "Log out";
    KeyAdd => "Ajouter", "Add";
    KeyEdit => "Modifier", "Edit";
    KeyEnable => "Activer / désactiver", "Enable / disable";
    KeyResetPin => "Nouveau code", "New PIN";
    KeyMove => "Se déplacer", "Move";
    KeyCancel => "Annuler", "Cancel";
    StatusNoUser => "non connecté", "not logged in";
    StatusTerminal => "Poste", "Terminal";
    QuitConfirm => "Quitter pépite ?", "Quit pépite?";
    QuitConfirmHint => "O = oui, N = non", "Y = yes, N = no";

    SetupTitle => "Première installation", "First set-up";
    SetupIntro => "Bienvenue ! Donnez le nom de la structure et créez le premier encadrant.", "Welcome! Give the structure's name and create the first manager.";
    SetupStructureName => "Nom de la structure", "Structure name";
    SetupManagerName => "Nom de l'encadrant", "Manager's name";
    SetupPin => "Code (4 à 8 chiffres)", "PIN (4 to 8 digits)";
    SetupPinAgain => "Code, encore une fois", "PIN again";
    SetupDone => "Structure créée. Connectez-vous.", "Structure created. Log in.";

    LoginTitle => "Connexion", "Log in";
    LoginPickUser => "Qui êtes-vous ?", "Who are you?";
    LoginTypePin => "Code de {}", "PIN for {}";
    LoginNoUser => "Aucun utilisateur actif : demandez à l'encadrant.", "No active user: ask a manager.";
    LoginDemoPins => "Démo — codes : {}", "Demo — PINs: {}";
    LoginWelcome => "Bonjour {} !", "Hello {}!";

    HomeTitle => "Accueil", "Home";
    HomeNothing => "Aucun écran pour vos rôles sur ce poste.", "No screen for your roles on this terminal.";
    ModeUsers => "Utilisateurs", "Users";
    ModeCategories => "Catégories", "Categories";
    ModePointsOfSale => "Points de vente", "Points of sale";
    ModeTerminals => "Postes", "Terminals";
    ModePaymentMethods => "Moyens de paiement", "Payment methods";
    ModeStructure => "Structure", "Structure";

    ColName => "Nom", "Name";
    ColRoles => "Rôles", "Roles";
    ColState => "État", "State";
    ColWeight => "Poids unitaire", "Unit weight";
    ColKind => "Type", "Kind";
    ColCode => "Code", "Code";
    ColPointOfSale => "Point de vente", "Point of sale";
    ColSite => "Site", "Site";
    ColLabel => "Libellé", "Label";

    FormName => "Nom", "Name";
    FormRoles => "Rôles", "Roles";
    FormPin => "Code (4 à 8 chiffres)", "PIN (4 to 8 digits)";
    FormPinAgain => "Code, encore une fois", "PIN again";
    FormUnitWeight => "Poids unitaire (ex. 1,5 kg)", "Unit weight (e.g. 1.5 kg)";
    FormParent => "Rangée sous", "Parent";
    FormKind => "Type", "Kind";
    FormCode => "Code (ex. caisse-2)", "Code (e.g. till-2)";
    FormPointOfSale => "Point de vente", "Point of sale";
    FormLabel => "Libellé", "Label";
    FormAddress => "Adresse", "Address";
    FormPostcode => "Code postal", "Postcode";
    FormCity => "Ville", "City";
    FormSiret => "SIRET (14 chiffres)", "SIRET (14 digits)";
    FormVatStatus => "TVA", "VAT";
    FormTopLevel => "(racine)", "(top level)";
    FormTitleAddUser => "Nouvel utilisateur", "New user";
    FormTitleEditUser => "Modifier l'utilisateur", "Edit user";
    FormTitleResetPin => "Nouveau code pour {}", "New PIN for {}";
    FormTitleAddCategory => "Nouvelle catégorie", "New category";
    FormTitleEditCategory => "Modifier la catégorie", "Edit category";
    FormTitleAddPos => "Nouveau point de vente", "New point of sale";
    FormTitleEditPos => "Modifier le point de vente", "Edit point of sale";
    FormTitleAddTerminal => "Nouveau poste", "New terminal";
    FormTitleEditTerminal => "Modifier le poste", "Edit terminal";
    FormTitleAddPayment => "Nouveau moyen de paiement", "New payment method";
    FormTitleEditPayment => "Renommer le moyen de paiement", "Rename payment method";
    FormTitleStructure => "Identité de la structure", "Structure identity";
    Saved => "Enregistré.", "Saved.";
    PinChanged => "Code changé pour {}.", "PIN changed for {}.";
    Weekdays => "lun.,mar.,mer.,jeu.,ven.,sam.,dim.", "Mon,Tue,Wed,Thu,Fri,Sat,Sun";
    DateFormat => "{} {}/{}/{} {}:{}", "{} {}/{}/{} {}:{}";
    ThisTerminal => "(ce poste)", "(this terminal)";

    // --- CLI ------------------------------------------------------------------------------
    CliInitDone => "Structure « {} » créée dans {} ; encadrant « {} ».", "Structure “{}” created in {}; manager “{}”.";
    CliDemoDone => "Base de démonstration créée : {}", "Demo database created: {}";
    CliDemoUsers => "Utilisateurs de démonstration (nom — rôles — code) :", "Demo users (name — roles — PIN):";
    CliUserAdded => "Utilisateur « {} » ajouté.", "User “{}” added.";
    CliUserDisabled => "Utilisateur « {} » désactivé.", "User “{}” disabled.";
    CliBackupDone => "Sauvegarde écrite dans {} ({} octets, intégrité vérifiée).", "Backup written to {} ({} bytes, integrity checked).";
    CliNeedManager => "Cette commande demande un encadrant : --as NOM --as-pin CODE", "This command needs a manager: --as NAME --as-pin PIN";
    CliConfigError => "Fichier de configuration « {} » : {}", "Configuration file “{}”: {}";
    CliConfigUnknownKey => "clé inconnue « {} » (clés permises : {})", "unknown key “{}” (allowed keys: {})";
    CliError => "Erreur : {}", "Error: {}";
    CliTerminalUnknown => "Poste « {} » inconnu ou désactivé. Postes : {}", "Terminal “{}” unknown or disabled. Terminals: {}";
    CliUserListHeader => "Nom|Rôles|État", "Name|Roles|State";
    CliDemoThrowaway => "(fichier jetable : il sera effacé en quittant)", "(throwaway file: deleted on exit)";
    CliLangUnknown => "« {} » : fr ou en", "“{}”: fr or en";
    CliConfigAt => "{} (octet {})", "{} (byte {})";
    CliGridImported => "{} entrées de la grille importées depuis {}", "{} price-grid entries imported from {}";
    CliGridExported => "Grille de prix écrite dans {}", "Price grid written to {}";
    CliNoLabels => "Aucun article à étiqueter", "No item to label";
    CliLabelsDone => "{} étiquette(s) écrite(s) dans {}", "{} label(s) written to {}";
    CliPrintTestDone => "Page de test pour {} écrite dans {} ({} octets)", "Test page for {} written to {} ({} bytes)";
    ErrPrinterProfile => "Profil d'imprimante illisible : {}", "Unreadable printer profile: {}";
    ErrUnknownProfile => "Profil d'imprimante « {} » inconnu (voir printer-profiles/)", "Unknown printer profile “{}” (see printer-profiles/)";
    ErrPrinterTarget => "Adresse d'imprimante « {} » : écrivez tcp:HÔTE:9100, device:/dev/usb/lp0 ou file:CHEMIN", "Printer address “{}”: write tcp:HOST:9100, device:/dev/usb/lp0 or file:PATH";
    ErrPrinterUnreachable => "Imprimante {} injoignable : {}", "Printer {} unreachable: {}";
    ErrPrintRender => "Impression impossible : {}", "Cannot print: {}";
    SlipOriginal => "ORIGINAL", "ORIGINAL";
    SlipDuplicate => "DUPLICATA n° {}", "DUPLICATE No. {}";
    SlipTraining => "MODE ÉCOLE", "TRAINING MODE";
    SlipSignature => "signature", "signature";
    SlipTicket => "Ticket {} n° {}", "Receipt {} No. {}";
    SlipProof => "Justificatif {} n° {}", "Payment proof {} No. {}";
    SlipClosing => "Clôture {} n° {}", "Closing {} No. {}";
    SlipTerminal => "Poste", "Terminal";
    SlipOperator => "Vendeur : {}", "Served by: {}";
    SlipVat => "TVA", "VAT";
    SlipWasPrice => "prix initial {}", "was {}";
    SlipDiscount => "remise", "discount";
    SlipTotal => "TOTAL", "TOTAL";
    SlipTotalTtc => "Total TTC", "Total incl. VAT";
    SlipTotalHt => "Total HT", "Total excl. VAT";
    SlipTotalVat => "Total TVA", "Total VAT";
    SlipVatLine => "TVA {} : HT {} TVA {} TTC {}", "VAT {}: net {} VAT {} gross {}";
    SlipVatFranchise => "TVA non applicable, art. 293 B du CGI", "VAT not applicable, art. 293 B of the CGI";
    SlipVatNone => "TVA non applicable", "VAT not applicable";
    SlipChange => "Rendu", "Change";
    SlipOutsideVat => "Hors TVA, hors chiffre d'affaires", "Outside VAT and takings";
    SlipTickets => "Tickets", "Receipts";
    SlipChangeGiven => "Monnaie rendue", "Change given";
    SlipRefunds => "Remboursements ({})", "Refunds ({})";
    SlipDiscounts => "Remises accordées", "Discounts given";
    SlipDuplicates => "Duplicatas imprimés", "Duplicates printed";
    SlipDrawerOpenings => "Ouvertures du tiroir sans vente", "Drawer openings without sale";
    SlipOpeningFloat => "Fond de caisse", "Opening float";
    SlipCountedCash => "Espèces comptées", "Cash counted";
    SlipExpected => "{} attendu", "{} expected";
    SlipDeclared => "déclaré", "declared";
    SlipDifference => "écart", "difference";
    SlipComment => "Commentaire : {}", "Comment: {}";
    SlipGrandTotal => "Grand total perpétuel", "Perpetual grand total";
    SlipZ => "Z {} {}", "Z {} {}";
    SlipDay => "jour", "day";
    SlipMonth => "mois", "month";
    SlipYear => "année", "year";
    SlipX => "TICKET X", "X REPORT";
    SlipXNotice => "Lecture intermédiaire, sans clôture", "Interim reading, no closing";
    SlipTestTitle => "PAGE DE TEST", "TEST PAGE";
    SlipTestFooter => "{} colonnes", "{} columns";
    ProofMembershipFee => "Cotisation", "Membership fee";
    ProofDonation => "Don", "Donation";
    ProofCashIn => "Apport d'espèces", "Cash in";
    ProofCashOut => "Retrait d'espèces", "Cash out";
    ProofOpeningFloat => "Fond de caisse", "Opening float";
    ProofDrawerOpening => "Ouverture du tiroir", "Drawer opening";
    ErrBarcodeFormat => "« {} » n'est pas un code-barres EAN-13 (13 chiffres)", "“{}” is not an EAN-13 barcode (13 digits)";
    ErrBarcodeChecksum => "« {} » : la clé du code-barres est fausse (code mal lu ?)", "“{}”: the barcode's check digit is wrong (misread?)";
    ErrDiscountFormat => "« {} » n'est pas une remise : tapez 10 % ou 2,50", "“{}” is not a discount: type 10 % or 2.50";
    ErrItemAlreadyInCart => "L'article {} est déjà dans le ticket", "Item {} is already on the ticket";
    ErrItemQuantity => "« {} » est un objet unique : quantité 1", "“{}” is a single object: quantity 1";
    ErrCartNoLine => "Pas de ligne n° {}", "No line {}";
    ErrUnknownCode => "Code {} inconnu : rien n'a été ajouté", "Unknown code {}: nothing was added";
    ErrItemSold => "L'article {} est déjà vendu ({}, ticket {})", "Item {} is already sold ({}, receipt {})";
    ErrItemWithdrawn => "L'article {} a été retiré de la vente ({})", "Item {} was withdrawn from sale ({})";
    ErrVoucherTooLow => "L'avoir {} n'a plus que {}", "Voucher {} only has {} left";
    ErrPriceNeeded => "« {} » n'a pas de prix : tapez le prix", "“{}” has no price: type the price";
    ErrAlreadyRefunded => "« {} » est déjà remboursé", "“{}” is already refunded";
    DateAtTime => "le %d/%m/%Y à %H:%M", "on %d/%m/%Y at %H:%M";
    ErrQuantityFormat => "« {} » n'est pas une quantité : de 1 à 999, comme 3*", "“{}” is not a quantity: 1 to 999, as in 3*";
    KeyAddLine => "Ajouter", "Add";
    KeyAsVoucher => "En avoir", "As voucher";
    KeyDrawer => "Tiroir", "Drawer";
    KeyLineDiscount => "Remise ligne", "Line discount";
    KeyNameDelete => "Suppr", "Del";
    KeyNoReceipt => "Non", "No";
    KeyPark => "En attente", "Park";
    KeyPay => "Encaisser", "Pay";
    KeyPrice => "Prix", "Price";
    KeyPrint => "Imprimer", "Print";
    KeyRefund => "Rembourser", "Refund";
    KeyRemove => "Retirer", "Remove";
    KeyReprint => "Réimprimer", "Reprint";
    KeyResume => "Reprendre", "Resume";
    KeyTicketDiscount => "Remise ticket", "Ticket discount";
    KeyXReport => "Ticket X", "X report";
    KeyYesPrint => "Oui, imprimer", "Yes, print";
    KeyZClose => "Clôture Z", "Z closing";
    ModeTill => "Caisse boutique", "Shop till";
    PrinterFault => "Imprimante : {} ({} en attente, nouvel essai automatique)", "Printer: {} ({} waiting, retrying)";
    ReasonDamaged => "Défaut ou abîmé", "Flawed or damaged";
    ReasonEndOfLine => "Fin de série", "End of line";
    ReasonLoyalty => "Fidélité", "Loyalty";
    ReasonGoodwill => "Geste commercial", "Goodwill";
    ReasonSolidarity => "Tarif solidaire", "Solidarity price";
    TillTitle => "Caisse", "Till";
    TillPin => "Code", "PIN";
    TillAdded => "{} ajouté : {}", "{} added: {}";
    TillAddedQuantity => "{} × {} à {}", "{} × {} at {}";
    TillAlreadyPaid => "Le ticket est déjà payé : F2 pour valider", "The ticket is paid: F2 to confirm";
    TillAlreadyRefunded => "(déjà remboursé)", "(already refunded)";
    TillAmountPrompt => "Montant (vide = le reste)", "Amount (empty = the rest)";
    TillChangeAsVoucher => "Le rendu sera donné en avoir", "Change will be given as a voucher";
    TillChooseLines => "Choisissez au moins une ligne (Espace)", "Choose at least one line (Space)";
    TillClosed => "Journée close : Z {} n° {}", "Day closed: Z {} No. {}";
    TillColItem => "Article", "Item";
    TillColPrice => "P.U.", "Unit";
    TillColQty => "Qté", "Qty";
    TillColTotal => "Total", "Total";
    TillComment => "Commentaire", "Comment";
    TillCountTitle => "Espèces comptées", "Cash counted";
    TillCounted => "Total compté", "Total counted";
    TillDeclared => "Déclaré", "Declared";
    TillDeclaredPrompt => "{} (relevé)", "{} (slips)";
    TillDifference => "Écart", "Difference";
    TillDiscounted => "Remise accordée ({})", "Discount given ({})";
    TillDrawer => "Ouverture du tiroir", "Drawer opening";
    TillDrawerOpened => "Tiroir ouvert (compté au Z)", "Drawer opened (counted on the Z)";
    TillDue => "À payer", "Due";
    TillEmptyHint => "Scannez un article, ou tapez un raccourci (ex. 3*d) puis Entrée", "Scan an item, or type a shortcut (e.g. 3*d) then Enter";
    TillExpected => "Attendu", "Expected";
    TillExpectedCash => "Espèces attendues", "Cash expected";
    TillFinishPaymentFirst => "Terminez d'abord le paiement (Échap pour revenir au ticket)", "Finish the payment first (Esc to go back to the ticket)";
    TillFinishTicketsFirst => "Terminez ou annulez les tickets en cours avant la clôture", "Finish or cancel the open tickets before closing";
    TillGiveChange => "Rendu à donner", "Change to give";
    TillGuarantee => "garantie", "guarantee";
    TillInputHelp => "code · raccourci · 3*d · 2,50 s · nom · 5*", "code · shortcut · 3*d · 2.50 s · name · 5*";
    TillInputTitle => "Saisie", "Entry";
    TillManagerNeeded => "{} : un encadrant doit taper son code", "{}: a manager must type their PIN";
    TillNoManager => "Aucun encadrant actif", "No active manager";
    TillNoParked => "Aucun ticket en attente", "No parked ticket";
    TillNoPaymentMethod => "Aucun moyen de paiement actif", "No active payment method";
    TillNoPrinter => "Aucune imprimante configurée (clé printer du fichier de configuration)", "No printer configured (printer key of the configuration file)";
    TillNoTicketYet => "Aucun ticket à réimprimer", "No receipt to reprint";
    TillNothingFound => "Rien ne correspond à « {} »", "Nothing matches “{}”";
    TillOpened => "Caisse ouverte : fond de caisse {}", "Till opened: float {}";
    TillOpeningTitle => "Fond de caisse : comptez les espèces, puis F2", "Opening float: count the cash, then F2";
    TillParkOrPay => "Ticket en cours : F6 pour le mettre en attente ou F2 pour encaisser", "Ticket open: F6 to park it or F2 to pay";
    TillParked => "Ticket mis en attente ({} en attente)", "Ticket parked ({} waiting)";
    TillParkedItem => "Ticket {} : {} ligne(s), {}", "Ticket {}: {} line(s), {}";
    TillParkedTitle => "Tickets en attente", "Parked tickets";
    TillPayTitle => "Paiement", "Payment";
    TillReasonTitle => "Motif de la remise", "Reason for the discount";
    TillReceiptAuto => "Ticket imprimé (garantie ou avoir).", "Receipt printed (guarantee or voucher).";
    TillReceiptPrinted => "Ticket {} n° {} imprimé", "Receipt {} No. {} printed";
    TillReceiptQuestion => "Le client veut-il son ticket ? O = oui, N ou Entrée = non", "Does the customer want the receipt? O = yes, N or Enter = no";
    TillRefundFind => "Scannez le ticket à rembourser, ou tapez son numéro (ex. 12, ou caisse-2/T 12) puis Entrée", "Scan the receipt to refund, or type its number (e.g. 12, or caisse-2/T 12) then Enter";
    TillRefundTitle => "Remboursement de {} n° {} — en {}", "Refund of {} No. {} — in {}";
    TillRefunded => "Remboursement {} n° {} : {}", "Refund {} No. {}: {}";
    TillRemaining => "Reste à payer", "Remaining";
    TillRemoved => "Ligne retirée : {}", "Line removed: {}";
    TillReprinted => "Duplicata de {} n° {} envoyé à l'imprimante", "Duplicate of {} No. {} sent to the printer";
    TillResumed => "Ticket repris", "Ticket resumed";
    TillScanIgnored => "Code {} lu, mais cet écran n'attend pas de code", "Code {} read, but this screen expects none";
    TillSearchTitle => "Choisissez", "Choose";
    TillShortcuts => "Raccourcis", "Shortcuts";
    TillSold => "Ticket {} n° {} : {}", "Receipt {} No. {}: {}";
    TillStillDue => "Il reste {} à payer", "{} still due";
    TillTicketParkedTitle => "Ticket en cours ({} en attente)", "Current ticket ({} parked)";
    TillTicketTitle => "Ticket en cours", "Current ticket";
    TillTypeDiscountFirst => "Tapez la remise (10 % ou 2,50) puis F4 ou F5", "Type the discount (10 % or 2.50) then F4 or F5";
    TillTypePriceFirst => "Tapez le nouveau prix puis F3", "Type the new price then F3";
    TillTypeTicketNumber => "Tapez le numéro du ticket", "Type the receipt number";
    TillVoucherBalance => "Avoir {} : reste {}", "Voucher {}: {} left";
    TillVoucherIssued => "Avoir {} émis : {}", "Voucher {} issued: {}";
    TillVoucherNothing => "L'avoir {} ({}) n'a rien à payer ici", "Voucher {} ({}) has nothing to pay here";
    TillVoucherPrompt => "Code de l'avoir (ou scannez-le)", "Voucher code (or scan it)";
    TillVoucherSlipNotice => "À présenter en caisse pour le dépenser", "Show at the till to spend it";
    TillVoucherSlipTitle => "AVOIR", "VOUCHER";
    TillVoucherUsed => "Avoir {} : {} utilisés sur {}", "Voucher {}: {} used of {}";
    TillXPrinted => "Ticket X envoyé à l'imprimante", "X report sent to the printer";
    TillZTitle => "Clôture Z : attendu et compté", "Z closing: expected and counted";
    ErrAboveScale => "{} dépasse la portée de la balance ({}) : pesez en plusieurs fois", "{} is above the scale's maximum ({}): weigh in several goes";
    ErrNetNotPositive => "Poids net nul ou négatif : {} brut moins la tare de « {} » ({})", "Net weight zero or below: {} gross minus the tare of “{}” ({})";
    ErrPriceRange => "« {} » : le prix maximum est sous le prix", "“{}”: the maximum price is below the price";
    DestReuse => "boutique / réemploi", "shop / reuse";
    DestRecycling => "recyclage", "recycling";
    DestWaste => "déchet", "waste";
    OutDonation => "don", "donation";
    OutPartner => "partenaire conventionné", "partner";
    OutRecycler => "filière de recyclage", "recycler";
    OutDump => "déchèterie", "municipal dump";
    OutBins => "bennes / déchet ultime", "bins / residual waste";
    OutWithdrawal => "retrait de la vente", "withdrawn from sale";
    ColourRed => "rouge", "red";
    ColourOrange => "orange", "orange";
    ColourYellow => "jaune", "yellow";
    ColourGreen => "vert", "green";
    ColourBlue => "bleu", "blue";
    ColourPurple => "violet", "purple";
    ColourPink => "rose", "pink";
    ColourBrown => "marron", "brown";
    ErrNothingToRecord => "Rien à enregistrer : ajoutez au moins une {}", "Nothing to record: add at least one {}";
    ErrWeightNeeded => "« {} » : pesez l'objet (sa catégorie n'a pas de poids par défaut)", "“{}”: weigh it (its category has no default weight)";
    ErrColumns => "{} colonnes attendues, {} trouvées", "{} columns expected, {} found";
    ErrUnknownCategory => "catégorie « {} » inconnue", "unknown category “{}”";
    ErrReasonRequired => "Une correction doit dire pourquoi", "A correction must say why";
    ErrAlreadyCorrected => "Cet enregistrement a déjà été corrigé (n° {}) : corrigez le plus récent", "This record was already corrected (No. {}): correct the newer one";
    ErrFileLine => "Ligne {} : {} — rien n'a été importé", "Line {}: {} — nothing was imported";
    ThingIntakeLine => "ligne de pesée", "weighed line";
    ThingIntake => "Apport", "Intake";
    ThingOutboundLine => "ligne de sortie", "outbound line";
    ErrLabelFormat => "Format « {} » inconnu : pdf, tspl ou escpos", "Unknown format “{}”: pdf, tspl or escpos";
    ErrNotLabelPrinter => "Le profil « {} » n'est pas une imprimante d'étiquettes", "Profile “{}” is not a label printer";
    ErrUnknownSheet => "Planche « {} » inconnue : 3x8 ou 2x7", "Unknown sheet “{}”: 3x8 or 2x7";
    ErrSheetStart => "Case de départ {} hors de la planche ({} cases, à partir de 0)", "Start cell {} is off the sheet ({} cells, from 0)";
}
