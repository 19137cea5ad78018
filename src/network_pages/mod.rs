//! The pages that show one network as a whole, combining its record with goals, indicators,
//! the Bestandsaufnahme and fundings: the overview, the printable report and the public
//! profile.

mod overview;
mod public;
mod report;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}", get(overview::overview))
        .route("/netzwerke/{id}/bericht", get(report::report))
        .route("/oeffentlich/netzwerke/{id}", get(public::profile))
}
