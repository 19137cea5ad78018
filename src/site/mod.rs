//! The legal pages every public-sector site needs (Impressum, Datenschutz, Barrierefreiheit).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Layout;
use crate::web::PublicCtx;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/impressum", get(impressum))
        .route("/datenschutz", get(datenschutz))
        .route("/barrierefreiheit", get(barrierefreiheit))
}

#[derive(Template, WebTemplate)]
#[template(path = "site/impressum.html")]
struct Impressum {
    layout: Layout,
}

#[derive(Template, WebTemplate)]
#[template(path = "site/datenschutz.html")]
struct Datenschutz {
    layout: Layout,
}

#[derive(Template, WebTemplate)]
#[template(path = "site/barrierefreiheit.html")]
struct Barrierefreiheit {
    layout: Layout,
}

async fn impressum(ctx: PublicCtx) -> AppResult<Response> {
    Ok(Impressum { layout: ctx.layout }.into_response())
}

async fn datenschutz(ctx: PublicCtx) -> AppResult<Response> {
    Ok(Datenschutz { layout: ctx.layout }.into_response())
}

async fn barrierefreiheit(ctx: PublicCtx) -> AppResult<Response> {
    Ok(Barrierefreiheit { layout: ctx.layout }.into_response())
}
