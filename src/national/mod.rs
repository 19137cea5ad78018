//! The national layer: the Bund's overview of all Länder with the map of Germany
//! (`overview`), and public discovery of the networks' public profiles (`public`).

pub mod overview;
pub mod public;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/bund/uebersicht", get(overview::page))
        .route("/oeffentlich", get(public::page))
}
