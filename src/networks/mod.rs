//! Prevention networks of a municipality: the network record with its Sozialräume, and the
//! access check every workspace page (partners, measures, goals, indicators) starts with.

mod access;
pub mod db;
mod forms;
mod routes;

pub use access::{Need, NetworkContext, kept};
pub use routes::routes;
