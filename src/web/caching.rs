//! Caching of pages. Pages of signed-in users are `no-store` (`auth::load_session`); the
//! static files carry their own headers (`web::assets`). A public page, the same for every
//! visitor, may be kept briefly and is then revalidated by its `ETag`: unchanged, the answer is
//! a bodyless 304.

use std::hash::{BuildHasher, Hasher};

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use foldhash::quality::FixedState;

use crate::identity::SessionUser;

/// A minute: short enough that a published entry shows soon, long enough for going back and
/// forth. `Vary: Cookie` keeps a browser from showing a visitor's copy after signing in.
const PUBLIC_PAGE: &str = "public, max-age=60";

pub async fn revalidate_public_pages(request: Request, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    let headers = response.headers();
    let is_public_page = is_get
        && response.status() == StatusCode::OK
        && response.extensions().get::<SessionUser>().is_none()
        && !headers.contains_key(header::CACHE_CONTROL)
        && !headers.contains_key(header::SET_COOKIE)
        && headers
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_public_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Pages are rendered into one string, so reading the body costs no streaming.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = tag_of(&bytes);
    // Weak comparison (RFC 9110 8.8.3.2): the page is the same whatever its encoding.
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|list| {
            list.split(',')
                .map(|listed| listed.trim().trim_start_matches("W/"))
                .any(|listed| listed == tag || listed == "*")
        });
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(PUBLIC_PAGE));
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("cookie"));
    // Weak: the compression layer outside sends the same page in several encodings.
    let etag = HeaderValue::try_from(format!("W/{tag}")).expect("hex is a header value");
    parts.headers.insert(header::ETAG, etag);
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// 128 bits from two seeded passes of foldhash, the same on every node: a tag must change
/// with the page, not withstand forgery. SHA-256 took a third of the time of `/oeffentlich`
/// (250 KB).
fn tag_of(page: &[u8]) -> String {
    let [a, b] = [1, 2].map(|seed| {
        let mut hasher = FixedState::with_seed(seed).build_hasher();
        hasher.write(page);
        hasher.finish()
    });
    format!("\"{a:016x}{b:016x}\"")
}
