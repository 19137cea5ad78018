//! The web toolkit every domain uses: layout, forms, rendering, confirmation pages, error
//! pages, security headers, caching, the static files and CSV downloads.

pub mod assets;
pub mod caching;
pub mod confirm;
mod context;
pub mod csv;
pub mod edit;
pub mod error_pages;
pub mod filters;
pub mod form;
pub mod headers;
pub mod layout;
pub mod metrics;
mod notice;
pub mod paging;
pub mod paths;

use axum::response::{IntoResponse, Response};
use serde::Serialize;

pub use context::{Ctx, PublicCtx};
pub use layout::Layout;
pub use notice::Notice;

/// `query` as a query string, encoded as forms send it (and `Query` reads it). `query` is a
/// flat struct or a list of pairs; anything else is a programming error and panics.
pub fn encode_query(query: &impl Serialize) -> String {
    serde_html_form::to_string(query).expect("a flat struct or pairs as query")
}

/// `path` with `query`'s query string; no `?` if there is nothing to add.
pub fn with_query(path: &str, query: &impl Serialize) -> String {
    let query = encode_query(query);
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// A redirect after a successful POST ("303 See Other", so the browser follows with GET).
pub fn see_other(location: &str) -> Response {
    axum::response::Redirect::to(location).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_query_strings() {
        assert_eq!(
            with_query(
                "/wissen",
                &[
                    ("q", "Kinder & Armut/Ü"),
                    ("feld", "gesundheit"),
                    ("land", "")
                ]
            ),
            "/wissen?q=Kinder+%26+Armut%2F%C3%9C&feld=gesundheit&land="
        );
        assert_eq!(with_query("/wissen", &[("q", None::<&str>)]), "/wissen");
    }
}
