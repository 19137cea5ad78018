//! The legal pages every public-sector site needs (Impressum, Datenschutz, Barrierefreiheit).

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

use crate::auth::MaybeUser;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{Layout, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/impressum", get(impressum))
        .route("/datenschutz", get(datenschutz))
        .route("/barrierefreiheit", get(barrierefreiheit))
}

#[derive(Template)]
#[template(path = "site/impressum.html")]
struct Impressum {
    layout: Layout,
}

#[derive(Template)]
#[template(path = "site/datenschutz.html")]
struct Datenschutz {
    layout: Layout,
}

#[derive(Template)]
#[template(path = "site/barrierefreiheit.html")]
struct Barrierefreiheit {
    layout: Layout,
}

async fn impressum(MaybeUser(user): MaybeUser) -> AppResult<Response> {
    render(&Impressum {
        layout: Layout::new(user.as_ref()),
    })
}

async fn datenschutz(MaybeUser(user): MaybeUser) -> AppResult<Response> {
    render(&Datenschutz {
        layout: Layout::new(user.as_ref()),
    })
}

async fn barrierefreiheit(MaybeUser(user): MaybeUser) -> AppResult<Response> {
    render(&Barrierefreiheit {
        layout: Layout::new(user.as_ref()),
    })
}
