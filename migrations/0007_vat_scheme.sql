-- Why: a structure liable to VAT usually sells donated second-hand goods under the margin
-- scheme for second-hand goods (régime de la marge des biens d'occasion, CGI art. 297 A):
-- VAT is due on the margin — the whole price for goods given to the shop, bought for
-- nothing — but the receipt must show none and carry the scheme's mention (CGI art.
-- 297 E; annexe II art. 242 nonies A, I-11°). The scheme is chosen per category: new
-- goods and the café stay under the normal scheme.
ALTER TABLE category ADD COLUMN vat_scheme TEXT NOT NULL DEFAULT 'normal'
    CHECK (vat_scheme IN ('normal', 'margin'));
