//! Catalogue rows (see [`super`]): what paper says: printer errors, receipts, X and Z,
//! vouchers, payment proofs.
//!
//! A part of one table: its macro adds its rows to those it is given and hands them on
//! to the next part, the last to `catalogue!`, so the table stays one enum in one order.

macro_rules! rows_slips {
    ($($acc:tt)*) => {
        rows_screens! {
            $($acc)*
            ErrPrinterProfile => "Profil d'imprimante illisible : {}", "Unreadable printer profile: {}";
            ErrUnknownProfile => "Profil d'imprimante « {} » inconnu (voir printer-profiles/)", "Unknown printer profile “{}” (see printer-profiles/)";
            ErrPrinterTarget => "Adresse d'imprimante « {} » : écrivez tcp:HÔTE:9100, device:/dev/usb/lp0 ou file:CHEMIN", "Printer address “{}”: write tcp:HOST:9100, device:/dev/usb/lp0 or file:PATH";
            ErrPrinterUnreachable => "Imprimante {} injoignable : {}", "Printer {} unreachable: {}";
            ErrPrintRender => "Impression impossible : {}", "Cannot print: {}";
            SlipOriginal => "ORIGINAL", "ORIGINAL";
            SlipDuplicate => "DUPLICATA n° {}", "DUPLICATE No. {}";
            SlipTraining => "MODE ÉCOLE", "TRAINING MODE";
            SlipSignature => "empreinte", "hash";
            SlipTrainingNotice => "Ticket d'exercice : aucune valeur", "Practice slip: of no value";
            SlipDuplicateOf => "{} n° {} — {} — {}", "{} No. {} — {} — {}";
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
            SlipVatFranchise => "TVA non applicable, art. 293 B du CGI", "VAT not applicable, art. 293 B of the CGI";
            SlipVatNone => "TVA non applicable", "VAT not applicable";
            SlipChange => "Rendu", "Change";
            SlipOutsideVat => "Hors TVA, hors chiffre d'affaires", "Outside VAT and takings";
            SlipTickets => "Tickets", "Receipts";
            SlipTicketRange => "Tickets n° {} à {}", "Receipts No. {} to {}";
            SlipTrainingTickets => "Tickets du mode école (hors recettes)", "Training tickets (not takings)";
            SlipVoucherIssued => "Avoirs émis", "Vouchers issued";
            SlipVoucherSpent => "Avoirs utilisés", "Vouchers spent";
            SlipInDrawerNotTakings => "Hors recettes (dans le tiroir) :", "Outside takings (in the drawer):";
            SlipExpectedCash => "Espèces attendues", "Cash expected";
            SlipExpectedCheque => "Chèques attendus", "Cheques expected";
            SlipExpectedCard => "Carte bancaire attendue", "Card expected";
            SlipClosedBy => "Clôture par : {}", "Closed by: {}";
            SlipVatRateHead => "TVA", "VAT";
            SlipHtHead => "HT €", "excl. €";
            SlipVatHead => "TVA €", "VAT €";
            SlipTtcHead => "TTC €", "incl. €";
            SlipTicketDiscount => "Remise sur le ticket", "Discount on the ticket";
            SlipVoucherNumber => "Avoir n° {}", "Voucher n° {}";
            SlipVoucherIssuedOn => "Émis le {} (ticket {} n° {})", "Issued on {} (ticket {} n° {})";
            SlipVoucherValidUntil => "Valable jusqu'au", "Valid until";
            SlipRefundReason => "Motif : {}", "Reason: {}";
            SlipAuthorisedBy => "Accord de : {}", "Authorised by: {}";
            SlipGuaranteeOn => "Garantie légale : {}", "Legal guarantee: {}";
            SlipGuarantee => "Garantie légale de conformité (C. consom., art. L217-3 et s. ; défaut présumé 12 mois pour un bien d'occasion, art. L217-7) et garantie des vices cachés (C. civ., art. 1641 et s.).", "Legal guarantee of conformity (French consumer code, art. L217-3 ff.; a defect is presumed for 12 months on second-hand goods, art. L217-7) and guarantee against hidden defects (civil code, art. 1641 ff.).";
            SlipMarginScheme => "Régime particulier – Biens d'occasion (art. 297 A et 297 E du CGI) : TVA non apparente", "Special scheme – Second-hand goods (CGI art. 297 A and 297 E): VAT not shown";
            FormVatScheme => "Régime de TVA", "VAT scheme";
            VatSchemeNormal => "normal", "normal";
            VatSchemeMargin => "occasion (marge)", "second-hand (margin)";
            SlipMarginShort => "occasion (marge)", "second-hand (margin)";
            SlipMarginTag => "marge", "margin";
            SlipVouchersOutstanding => "Avoirs en circulation", "Vouchers outstanding";
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
            SlipChainDocuments => "Journal avant ce Z : {} documents, fin {}", "Journal before this Z: {} documents, ends {}";
            SlipChainEvents => "JET avant ce Z : {} événements, fin {}", "JET before this Z: {} events, ends {}";
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
            ProofGiftVoucher => "Bons cadeaux vendus", "Gift vouchers sold";
            SlipGiftVoucherTitle => "BON CADEAU", "GIFT VOUCHER";
            KeyGiftVoucher => "Bon cadeau", "Gift voucher";
            TillGiftMethod => "Payé par", "Paid by";
            TillGiftDone => "Bon cadeau {} : {} vendu", "Gift voucher {}: {} sold";
            TillGiftNotPrinted => "non imprimé", "not printed";
            ErrGiftByVoucher => "Un bon cadeau se paie en espèces, carte, chèque ou monnaie locale, pas avec un avoir.", "A gift voucher is paid in cash, by card, cheque or local currency, not with a voucher.";
            ProofCashIn => "Apport d'espèces", "Cash in";
            ProofCashOut => "Retrait d'espèces", "Cash out";
            ProofBankDeposit => "Dépôt en banque", "Bank deposit";
            ProofOpeningFloat => "Fond de caisse", "Opening float";
            ProofDrawerOpening => "Ouverture du tiroir", "Drawer opening";
        }
    };
}
