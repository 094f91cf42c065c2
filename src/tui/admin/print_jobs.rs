//! The print spool (managers): the jobs still waiting for their printer, with how many
//! tries and the last fault, then the latest done ones. F4 discards a waiting job (its
//! document stays in the journal) or prints a done one again on this machine's printer.

use crate::i18n::Msg;
use crate::ops::{self, printing};
use crate::storage::print_jobs::JobRow;
use crate::tui::form::Form;
use crate::tui::keys::{Action, Binding, bind};
use crate::tui::table::{Intent, Refusal, Table, session};
use crate::tui::view::Cx;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Constraint;

#[derive(Default)]
pub struct PrintJobsTable {
    jobs: Vec<JobRow>,
}

fn state(job: &JobRow) -> String {
    match job.outcome.as_deref() {
        None => Msg::PrintJobWaiting.text().to_owned(),
        Some("printed") => Msg::PrintJobPrinted.text().to_owned(),
        Some(_) => Msg::PrintJobDiscarded.text().to_owned(),
    }
}

impl Table for PrintJobsTable {
    fn title(&self) -> Msg {
        Msg::ModePrintJobs
    }

    fn columns(&self) -> Vec<(Msg, Constraint)> {
        vec![
            (Msg::ColNumber, Constraint::Length(5)),
            (Msg::ColLabel, Constraint::Fill(3)),
            (Msg::ColState, Constraint::Length(11)),
            (Msg::ColTries, Constraint::Length(6)),
            (Msg::ColFault, Constraint::Fill(3)),
        ]
    }

    fn load(&mut self, cx: &mut Cx) -> ops::Result<()> {
        self.jobs = printing::recent(cx.store)?;
        Ok(())
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.jobs
            .iter()
            .map(|j| {
                vec![
                    j.id.to_string(),
                    j.title.clone(),
                    state(j),
                    j.attempts.to_string(),
                    j.last_error.clone().unwrap_or_default(),
                ]
            })
            .collect()
    }

    fn is_active(&self, row: usize) -> bool {
        self.jobs.get(row).is_some_and(|j| j.outcome.is_none())
    }

    fn standard_bindings(&self) -> Vec<Binding> {
        vec![bind(
            KeyCode::F(4),
            Action::Enable,
            Some(Msg::KeyDiscardOrReprint),
        )]
    }

    fn form(&self, _intent: Intent, _row: Option<usize>) -> Option<Form> {
        None
    }

    fn submit(
        &mut self,
        _intent: Intent,
        _row: Option<usize>,
        _form: &Form,
        _cx: &mut Cx,
    ) -> Result<String, Refusal> {
        Ok(String::new())
    }

    fn toggle(&mut self, row: usize, cx: &mut Cx) -> ops::Result<()> {
        let Some(job) = self.jobs.get(row) else {
            return Ok(());
        };
        let manager = session(cx)?;
        if job.outcome.is_none() {
            return printing::discard(cx.store, manager, job.id, cx.now);
        }
        let (address, title, bytes) = printing::reprint(cx.store, manager, job.id)?;
        let receipts = cx.printer.filter(|p| p.address() == address);
        let labels = cx.label_printer.filter(|p| p.address() == address);
        match (receipts, labels) {
            (Some(printer), _) => printer.resubmit(&title, bytes),
            (None, Some(printer)) => printer.resubmit(&title, bytes),
            (None, None) => return Err(ops::OpsError::PrinterElsewhere(address)),
        }
        Ok(())
    }
}
