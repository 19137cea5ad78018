//! The web toolkit every domain uses: layout, forms, rendering, confirmation pages, error
//! pages and security headers.

pub mod confirm;
pub mod error_pages;
pub mod filters;
pub mod form;
pub mod headers;
pub mod layout;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::error::AppResult;

pub use layout::Layout;

/// Renders a page template as HTML.
pub fn render(template: &impl Template) -> AppResult<Response> {
    Ok(Html(template.render()?).into_response())
}

/// Renders a page template with a status other than 200 (e.g. a rejected form).
pub fn render_with_status(status: StatusCode, template: &impl Template) -> AppResult<Response> {
    Ok((status, Html(template.render()?)).into_response())
}

/// A redirect after a successful POST ("303 See Other", so the browser follows with GET).
pub fn see_other(location: &str) -> Response {
    axum::response::Redirect::to(location).into_response()
}
