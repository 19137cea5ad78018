//! User accounts: the admin pages (list, create, edit role and scope, deactivate, reset a
//! password) and the account functions the command line and demo seed share.

pub mod db;
mod forms;
mod routes;

pub use routes::routes;
