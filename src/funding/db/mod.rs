//! SQL of programs, phases, deliverables, fundings and their checklists. Sub-records always
//! name their parent (phase and program, deliverable and phase, evidence and funding), so an id
//! of another program or funding finds nothing.

mod checklist;
mod fundings;
mod programs;
mod scheduled;

pub use checklist::*;
pub use fundings::*;
pub use programs::*;
pub use scheduled::*;
