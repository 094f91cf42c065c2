//! Catalogue rows (see [`super`]): the shell around the screens: roles and kinds, the TUI's
//! chrome and keys, the command line's texts.
//!
//! A part of one table: its macro adds its rows to those it is given and hands them on
//! to the next part, the last to `catalogue!`, so the table stays one enum in one order.

macro_rules! rows_shell {
    ($($acc:tt)*) => {
        rows_slips! {
            $($acc)*
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
            KeyMove => "Naviguer", "Move";
            KeyLine => "Ligne", "Line";
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
            CliDateFormat => "« {} » n'est pas une date : écrivez AAAA-MM-JJ, par exemple 2026-11-24", "“{}” is not a date: write YYYY-MM-DD, e.g. 2026-11-24";
            CliNoTerminal => "pépite doit être lancé dans un terminal (ou donnez une commande, voir pepite --help)", "pépite must run in a terminal (or give a command, see pepite --help)";
            CliUsage => "Utilisation :", "Usage:";
            CliCommands => "Commandes", "Commands";
            CliCommandName => "COMMANDE", "COMMAND";
            CliHelpFlag => "Affiche l'aide", "Show the help";
            CliVersionFlag => "Affiche la version", "Show the version";
            CliBadValue => "valeur « {} » refusée pour {} : {}", "value “{}” refused for {}: {}";
            CliUnknownArgument => "option inconnue : {}", "unknown option: {}";
            CliUnknownCommand => "commande inconnue : {}", "unknown command: {}";
            CliMissingArgument => "il manque : {}", "missing: {}";
            CliMissingCommand => "il manque la commande", "the command is missing";
            CliConflict => "{} ne va pas avec une autre option donnée", "{} does not go with another option given";
            CliBadCommandLine => "ligne de commande incorrecte", "wrong command line";
            CliSeeHelp => "pepite --help pour l'aide", "pepite --help for help";
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
        }
    };
}
