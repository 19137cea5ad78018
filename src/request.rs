//! Where a request came from, for the audit log, login throttling and error pages.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

/// The header carrying the id that ties a response to its log lines.
pub const REQUEST_ID: &str = "x-request-id";

/// The client's address and the request id.
pub struct RequestMeta {
    pub client_addr: String,
    pub request_id: String,
}

impl<S: Send + Sync> FromRequestParts<S> for RequestMeta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let client_addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unbekannt".to_owned(), |c| c.0.ip().to_string());
        let request_id = parts
            .headers
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-")
            .to_owned();
        Ok(Self {
            client_addr,
            request_id,
        })
    }
}
