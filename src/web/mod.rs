//! Router, middleware stack, layout and rendering helpers shared by every domain.

pub mod confirm;
mod error_pages;
pub mod form;
pub mod format;
mod headers;
pub mod layout;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use sqlx::PgPool;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::error::{AppError, AppResult};

pub use layout::Layout;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub config: Arc<Config>,
}

pub const REQUEST_ID: &str = "x-request-id";

pub fn app(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let static_files = Router::new()
        .nest_service("/static", ServeDir::new(static_dir()))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        ));

    Router::new()
        .merge(crate::home::routes())
        .merge(crate::auth::routes())
        .merge(crate::users::routes())
        .merge(crate::directory::routes())
        .merge(crate::networks::routes())
        .merge(crate::partners::routes())
        .merge(crate::measures::routes())
        .merge(crate::goals::routes())
        .merge(crate::indicators::routes())
        .merge(crate::inventory::routes())
        .merge(crate::funding::routes())
        .merge(crate::knowledge::routes())
        .merge(crate::site::routes())
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readiness))
        .fallback(|| async { AppError::NotFound })
        .merge(static_files)
        .layer(
            // Outermost first: every response, error pages included, gets an id and headers.
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(request_span))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(middleware::from_fn_with_state(
                    state.config.clone(),
                    headers::security_headers,
                ))
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    crate::auth::load_session,
                ))
                .layer(middleware::from_fn(layout::remember_path))
                .layer(middleware::from_fn(error_pages::render_error_pages))
                .layer(CatchPanicLayer::new())
                .layer(middleware::from_fn(crate::auth::refuse_cross_site_writes))
                .layer(RequestBodyLimitLayer::new(max_body))
                .layer(DefaultBodyLimit::max(max_body)),
        )
        .with_state(state)
}

/// Serves the app until `shutdown` resolves, then lets running requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

fn static_dir() -> std::path::PathBuf {
    std::env::var_os("STATIC_DIR")
        .map(Into::into)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/static").into())
}

fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
}

async fn readiness(State(state): State<AppState>) -> Response {
    let check = sqlx::query_scalar!("SELECT 1 AS \"one!\"").fetch_one(&state.pool);
    match tokio::time::timeout(Duration::from_secs(2), check).await {
        Ok(Ok(_)) => "bereit".into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Datenbank nicht erreichbar",
        )
            .into_response(),
    }
}

/// Renders a page template as HTML.
pub fn render(template: &impl Template) -> AppResult<Response> {
    Ok(Html(template.render()?).into_response())
}

/// Renders a page template with a status other than 200 (e.g. a rejected form).
pub fn render_with_status(status: StatusCode, template: &impl Template) -> AppResult<Response> {
    Ok((status, Html(template.render()?)).into_response())
}

pub fn url_encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A redirect after a successful POST ("303 See Other", so the browser follows with GET).
pub fn see_other(location: &str) -> Response {
    axum::response::Redirect::to(location).into_response()
}
