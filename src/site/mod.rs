//! The legal pages every public-sector site needs (Impressum, Datenschutz, Barrierefreiheit).

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

use crate::error::AppResult;
use crate::state::AppState;
use crate::web::PublicCtx;
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

async fn impressum(ctx: PublicCtx) -> AppResult<Response> {
    render(&Impressum { layout: ctx.layout })
}

async fn datenschutz(ctx: PublicCtx) -> AppResult<Response> {
    render(&Datenschutz { layout: ctx.layout })
}

async fn barrierefreiheit(ctx: PublicCtx) -> AppResult<Response> {
    render(&Barrierefreiheit { layout: ctx.layout })
}
