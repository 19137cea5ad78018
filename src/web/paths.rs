//! Paths no page has: a control character in a path (`/verzeichnis/%00`) would otherwise reach
//! a handler as a path parameter and PostgreSQL, which refuses NUL in text. Checked once here
//! for every route instead of in each handler.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::error::AppError;

/// Answers 404 for a path with a (percent-encoded) control character; the request line
/// itself cannot carry a raw one.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let has_control = percent_decode_str(request.uri().path()).any(|b| b < 0x20 || b == 0x7f);
    if has_control {
        return AppError::NotFound.into_response();
    }
    next.run(request).await
}
