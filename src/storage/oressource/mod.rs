//! Imported history from Oressource (migration 0020): the rows of a dump staged as they
//! stream in ([`stage`]), then checked together and refused with the reason counted, the
//! lists adopted ([`settle`]); what the reports read of it ([`history`]); and the totals
//! that prove it ([`proof`]). Each import is recorded once, by the dump's digest.

mod history;
mod proof;
mod settle;
mod stage;

pub use history::{Group, ImportedTonnage, takings_in, tonnage_in};
pub use proof::{SalesCounts, collected_by_category, out_by_class, sales_counts, takings_by};
pub use settle::{Refused, adopt_identity, adopt_lists, settle};
pub use stage::{
    ListRow, Outbound, OutboundLine, begin, finish, imported_on, intake, intake_line, kept,
    list_row, outbound, outbound_line, sale, sale_line, sale_weight,
};
