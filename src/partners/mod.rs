//! The partners of a network: the organisations that take part (Jugendamt, Jobcenter, Schulen,
//! freie Träger …) with their Ressort and their role in the network.

pub mod db;
mod forms;
mod routes;

pub use routes::routes;
