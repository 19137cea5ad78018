//! The common indicator catalog (`/katalog`): indicators the Geschäftsstelle keeps so that
//! networks measure the same thing the same way (EU Child Guarantee), and the comparison of one
//! catalog indicator across the networks that adopted it (`/katalog/{key}`). Networks adopt
//! an indicator in their own workspace (`indicators`); the values are theirs.

mod chart;
pub mod db;
mod forms;
mod routes;

pub use routes::routes;
