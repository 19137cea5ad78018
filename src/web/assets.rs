//! The static files: a stylesheet, font cuts and an icon, made by `build.rs` and embedded in
//! the binary, each named by a hash of its content, so browsers keep them for a year and a
//! changed file arrives under a new name.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;
use memory_serve::CacheControl;

/// Where the pages find the built files.
pub struct Urls {
    /// KERN (only the rules of classes the templates use), the font faces and `app.css`.
    pub stylesheet: &'static str,
    /// Preloaded: body text needs it for the first paint.
    pub font_regular: &'static str,
    pub icon: &'static str,
}

pub const URLS: Urls = include!(concat!(env!("OUT_DIR"), "/asset_urls.rs"));

/// Browsers ask for it whatever the page says; it cannot carry a hash, so it is cached for a
/// day only.
const FAVICON: &[u8] = include_bytes!("../../static/favicon.ico");

/// `/static/…` (brotli or gzip as the browser accepts, `ETag`, cached for a year) and
/// `/favicon.ico`. Unknown paths fall through to the portal's 404 page.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    let files = memory_serve::load!()
        .index_file(None)
        .cache_control(CacheControl::Custom("public, max-age=31536000, immutable"))
        .enable_brotli(true)
        .enable_gzip(true)
        .into_router();
    Router::new().nest("/static", files).route(
        "/favicon.ico",
        get(|| async {
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("image/x-icon"),
                    ),
                    (
                        header::CACHE_CONTROL,
                        HeaderValue::from_static("public, max-age=86400"),
                    ),
                ],
                FAVICON,
            )
                .into_response()
        }),
    )
}
