//! `?hinweis=`: what was just done, named by the redirect after a form, for the success
//! message on the page it leads to. A missing or malformed query string is no notice.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::Deserialize;

#[derive(Debug, Default)]
pub struct Notice(String);

impl Notice {
    /// The code the redirect named ("gespeichert", "angelegt" …), empty for none.
    pub fn code(&self) -> &str {
        &self.0
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Notice {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        #[derive(Default, Deserialize)]
        #[serde(default)]
        struct Named {
            hinweis: String,
        }
        let named = Query::<Named>::try_from_uri(&parts.uri)
            .map(|q| q.0)
            .unwrap_or_default();
        Ok(Self(named.hinweis))
    }
}
