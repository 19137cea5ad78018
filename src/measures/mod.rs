//! Measures (Maßnahmen) of a network: list with filters, sorting and paging, detail, form
//! with linked goals, and CSV export and import.

pub mod csv;
pub mod db;
mod forms;
mod import;
mod list;
mod routes;

pub use routes::routes;
