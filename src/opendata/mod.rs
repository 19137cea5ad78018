//! Open data: the published knowledge entries and the public network profiles as JSON
//! (`/api/v1/wissen`, `/api/v1/netzwerke`) and CSV (`….csv`), paged and filtered as on
//! `/wissen` and `/oeffentlich`; the Atom feed of new and changed entries
//! (`/wissen/feed.atom`, per facet); the DCAT-AP.de description of both data sets
//! (`/dcat.jsonld`). Everything here is what a visitor without login may read
//! (`policy::allows_visitor`), whoever asks; every answer names the content licence
//! (`CONTENT_LICENSE_*`) and the open-data routes share a brake per client address (`limit`).
//!
//! Field names of the JSON are German, in lower case with ASCII letters (`titel`,
//! `gemeindeschluessel`, `geaendert_am`), like the query parameters; vocabulary values are
//! given as `{"code", "bezeichnung"}`. The DCAT description uses the vocabularies' own names.

mod catalog;
mod db;
mod entries;
mod feed;
pub mod limit;
mod networks;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::config::{Config, ContentLicense};
use crate::knowledge::db::SearchRequest;
use crate::state::AppState;
use crate::vocab::{self, Term};

/// The largest page one request may ask for (`pro_seite`).
pub const MAX_PAGE_SIZE: i64 = 100;

pub fn routes(config: &Config) -> Router<AppState> {
    let brake = limit::Brake::new(
        config.api_requests_per_minute,
        config.trusted_proxies.clone(),
    );
    Router::new()
        .route("/api/v1/wissen", get(entries::json))
        .route("/api/v1/wissen.csv", get(entries::csv))
        .route("/api/v1/netzwerke", get(networks::json))
        .route("/api/v1/netzwerke.csv", get(networks::csv))
        .route(crate::knowledge::FEED, get(feed::atom))
        .route("/dcat.jsonld", get(catalog::jsonld))
        .route_layer(middleware::from_fn_with_state(brake, limit::brake))
}

/// `pro_seite`: how many records to a page, 1 to [`MAX_PAGE_SIZE`]; anything else the default.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageSize {
    pro_seite: String,
}

impl PageSize {
    fn get(&self, default: i64) -> i64 {
        self.pro_seite
            .trim()
            .parse::<i64>()
            .map_or(default, |n| n.clamp(1, MAX_PAGE_SIZE))
    }
}

/// The portal's address for absolute links: `PUBLIC_URL`, or else the host the request was
/// sent to (a name, an address and a port only: anything else is not taken).
fn base_url(config: &Config, headers: &HeaderMap) -> String {
    if let Some(url) = &config.public_url {
        return url.clone();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .map_or_else(|| config.bind.to_string(), str::to_owned);
    let scheme = if config.https { "https" } else { "http" };
    format!("{scheme}://{host}")
}

fn license_json(license: &ContentLicense) -> Value {
    json!({ "name": license.name, "url": license.uri })
}

/// The facet values of `request` as query pairs, as `/wissen` names them.
fn facet_pairs(request: &SearchRequest) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    for (name, values) in [
        ("art", &request.kinds),
        ("ebene", &request.levels),
        ("feld", &request.felder),
        ("thema", &request.themen),
        ("phase", &request.phasen),
        ("land", &request.laender),
    ] {
        pairs.extend(values.iter().map(|v| (name, v.clone())));
    }
    pairs.extend(request.years.iter().map(|y| ("jahr", y.to_string())));
    pairs
}

/// The licence as a spreadsheet cell: in every row, so that it stays with rows copied
/// elsewhere.
fn license_cell(license: &ContentLicense) -> crate::web::csv::Cell {
    crate::web::csv::Cell::Text(format!("{} ({})", license.name, license.uri))
}

/// A value of a vocabulary as the JSON gives it.
fn term(terms: &[Term], code: &str) -> Value {
    json!({ "code": code, "bezeichnung": vocab::label(terms, code) })
}

fn terms(terms: &[Term], codes: &[String]) -> Value {
    codes.iter().map(|code| term(terms, code)).collect()
}

/// What every open-data answer carries besides its body: the licence as a link
/// (RFC 4946), and the permission for web pages elsewhere to read it (the data is public
/// and the answers never depend on a session).
fn published(mut response: Response, license: &ContentLicense) -> Response {
    let headers = response.headers_mut();
    if let Ok(link) = HeaderValue::from_str(&format!("<{}>; rel=\"license\"", license.uri)) {
        headers.insert(header::LINK, link);
    }
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

/// A paged JSON answer: licence, publisher, paging and the records under `key`.
struct Paged<'a> {
    config: &'a Config,
    base: &'a str,
    /// The list's path with its filters as a query string (may be empty).
    path: &'a str,
    query: String,
    page: i64,
    size: i64,
    total: i64,
}

impl Paged<'_> {
    fn respond(self, key: &str, records: Vec<Value>) -> Response {
        let pages = ((self.total + self.size - 1) / self.size).max(1);
        let link = |page: i64| {
            let mut query = self.query.clone();
            if !query.is_empty() {
                query.push('&');
            }
            format!(
                "{}{}?{query}pro_seite={}&seite={page}",
                self.base, self.path, self.size
            )
        };
        let mut body = json!({
            "lizenz": license_json(&self.config.content_license),
            "herausgeber": self.config.operator.name,
            "gesamt": self.total,
            "seite": self.page,
            "seiten": pages,
            "pro_seite": self.size,
            "vorherige_seite": (self.page > 1).then(|| link(self.page - 1)),
            "naechste_seite": (self.page < pages).then(|| link(self.page + 1)),
        });
        body[key] = Value::Array(records);
        published(
            axum::Json(body).into_response(),
            &self.config.content_license,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_are_bounded() {
        let size = |text: &str| {
            PageSize {
                pro_seite: text.into(),
            }
            .get(20)
        };
        assert_eq!(size(""), 20);
        assert_eq!(size("abc"), 20);
        assert_eq!(size("50"), 50);
        assert_eq!(size("0"), 1);
        assert_eq!(size("100000"), MAX_PAGE_SIZE);
    }

    #[test]
    fn the_base_url_takes_only_a_plain_host() {
        let mut config = Config::for_tests();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::HOST,
            HeaderValue::from_static("portal.example:8080"),
        );
        assert_eq!(base_url(&config, &headers), "http://portal.example:8080");
        headers.insert(header::HOST, HeaderValue::from_static("evil.example/\"x"));
        assert_eq!(base_url(&config, &headers), "http://127.0.0.1:0");
        config.public_url = Some("https://kinderchancen.example".into());
        assert_eq!(base_url(&config, &headers), "https://kinderchancen.example");
    }
}
