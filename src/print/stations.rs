//! The café's station printers: the crêperie's and the bar's, each a receipt printer with
//! its own queue, so a ticket goes to its station only, and a station printer that is off
//! holds its tickets (and says so) without ever blocking an order.

use super::kitchen::{KitchenTicket, kitchen_slip};
use super::{PrintError, Printer, QueueStatus};
use crate::domain::cafe::Station;

/// The printers of the stations this café has (a station without one prints nothing).
#[derive(Default)]
pub struct StationPrinters {
    pub creperie: Option<Printer>,
    pub bar: Option<Printer>,
}

impl StationPrinters {
    fn of(&self, station: Station) -> Option<&Printer> {
        match station {
            Station::Creperie => self.creperie.as_ref(),
            Station::Bar => self.bar.as_ref(),
            Station::None => None,
        }
    }

    /// Queues `ticket` on its station's printer; a station with no printer configured is
    /// said, the ticket kept in the database for a reprint.
    pub fn print(&self, station: Station, ticket: &KitchenTicket) -> Result<(), PrintError> {
        let printer = self
            .of(station)
            .ok_or_else(|| PrintError::NoStationPrinter(ticket.station.clone()))?;
        printer.print(
            &format!("{} {}", ticket.station, ticket.number),
            &kitchen_slip(ticket),
        )
    }

    /// The queue of a station's printer: what waits, and why (« non imprimé »).
    pub fn status(&self, station: Station) -> Option<QueueStatus> {
        self.of(station).map(Printer::status)
    }
}
