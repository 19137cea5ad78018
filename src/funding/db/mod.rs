//! SQL of programs, phases, deliverables, fundings, their checklists and reports. Sub-records always
//! name their parent (phase and program, deliverable and phase, evidence and funding), so an id
//! of another program or funding finds nothing.

mod checklist;
mod fundings;
mod programs;
pub mod reports;
mod scheduled;

pub use checklist::*;
pub use fundings::*;
pub use programs::*;
pub use scheduled::*;
