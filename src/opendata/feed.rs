//! The Atom feed (RFC 4287) of new and changed entries: the fifty published entries changed
//! last, narrowed by the facets of `/wissen` (`?feld=gesundheit&art=good_practice` …); two
//! statements. Written by an askama template rather than a feed crate: the feed is a dozen
//! elements, the template escapes text as XML needs it (`escape = "html"`: & < > " '), and
//! `atom_syndication` would bring chrono, a second XML writer and a builder macro for it.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Query;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::db::{self, PublicEntry};
use super::entries::{entry_url, visible};
use super::{base_url, facet_pairs, published};
use crate::config::ContentLicense;
use crate::error::{AppError, AppResult};
use crate::knowledge::search::Params;
use crate::knowledge::vocab::{ARTEN, THEMEN, source_caveat};
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN, Term};
use crate::web::{PublicCtx, encode_query};

/// How many entries the feed lists: enough for a reader that looks in once a week.
const FEED_LENGTH: i64 = 50;

struct Category {
    term: String,
    label: String,
}

struct Item {
    url: String,
    title: String,
    published: Option<String>,
    updated: String,
    summary: String,
    /// HTML, escaped once more by the template (`type="html"`).
    content: String,
    categories: Vec<Category>,
}

#[derive(Template, WebTemplate)]
#[template(path = "opendata/feed.xml", escape = "html")]
struct Feed {
    id: String,
    title: String,
    updated: String,
    publisher: String,
    page: String,
    license: ContentLicense,
    items: Vec<Item>,
}

pub async fn atom(
    ctx: PublicCtx,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> AppResult<Response> {
    let request = params.request("");
    let latest = db::latest_changes(&ctx.state.pool, &request, FEED_LENGTH).await?;
    let mut entries = db::entries(&ctx.state.pool, &latest).await?;
    entries.retain(visible);
    let config = &ctx.state.config;
    let base = base_url(config, &headers);
    let facets = facet_pairs(&request);
    let query = encode_query(&facets);
    let with_query = |path: &str| match query.as_str() {
        "" => format!("{base}{path}"),
        q => format!("{base}{path}?{q}"),
    };
    let chosen: Vec<&str> = facets
        .iter()
        .map(|(name, code)| label(name, code))
        .collect();
    let newest = entries
        .iter()
        .map(|e| e.updated_at)
        .max()
        .unwrap_or_else(OffsetDateTime::now_utc);
    let feed = Feed {
        id: with_query(crate::knowledge::FEED),
        title: xml_text(&match chosen.as_slice() {
            [] => "Wissensplattform Kinderchancen: neue und geänderte Einträge".to_owned(),
            some => format!(
                "Wissensplattform Kinderchancen: neue und geänderte Einträge – {}",
                some.join(", ")
            ),
        }),
        updated: rfc3339(newest)?,
        publisher: xml_text(&config.operator.name),
        page: with_query("/wissen"),
        license: ContentLicense {
            uri: xml_text(&config.content_license.uri),
            name: xml_text(&config.content_license.name),
        },
        items: entries
            .iter()
            .map(|e| item(e, &base))
            .collect::<AppResult<_>>()?,
    };
    let mut response = feed.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(published(response, &config.content_license))
}

/// The German label of a facet value in the feed's title.
fn label<'a>(facet: &str, code: &'a str) -> &'a str {
    let terms: &[Term] = match facet {
        "art" => ARTEN,
        "feld" => HANDLUNGSFELDER,
        "thema" => THEMEN,
        "phase" => LEBENSPHASEN,
        _ => &[],
    };
    vocab::label(terms, code)
}

fn rfc3339(at: OffsetDateTime) -> AppResult<String> {
    at.format(&Rfc3339)
        .map_err(|e| AppError::Internal(e.into()))
}

fn item(e: &PublicEntry, base: &str) -> AppResult<Item> {
    // The source's standing goes with the text, as on the entry page.
    let caveat = source_caveat(&e.source_document)
        .map(|text| {
            format!(
                "<p><strong>Hinweis zur Quelle:</strong> {}</p>",
                ammonia::clean_text(text)
            )
        })
        .unwrap_or_default();
    let body = e
        .body_html
        .clone()
        .unwrap_or_else(|| format!("<p>{}</p>", ammonia::clean_text(&e.summary)));
    let tagged = [
        ("art", ARTEN, std::slice::from_ref(&e.kind)),
        ("feld", HANDLUNGSFELDER, e.handlungsfelder.as_slice()),
        ("thema", THEMEN, e.themes.as_slice()),
        ("phase", LEBENSPHASEN, e.lebensphasen.as_slice()),
    ];
    let categories = tagged
        .iter()
        .flat_map(|(facet, terms, codes)| {
            codes.iter().map(move |code| Category {
                term: format!("{facet}:{code}"),
                label: vocab::label(terms, code).to_owned(),
            })
        })
        .collect();
    Ok(Item {
        url: entry_url(base, &e.slug),
        title: xml_text(&e.title),
        published: e.published_at.map(rfc3339).transpose()?,
        updated: rfc3339(e.updated_at)?,
        summary: xml_text(&e.summary),
        content: xml_text(&format!("{caveat}{body}")),
        categories,
    })
}

/// `text` without the characters XML 1.0 does not allow (control characters but tab and line
/// ends, U+FFFE, U+FFFF): a feed with one of them is not well-formed, and readers drop it.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || (!c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_only_what_xml_allows() {
        assert_eq!(
            xml_text("Kita\u{0} & Schule\u{7}\u{FFFE}\n\tÜbergang"),
            "Kita & Schule\n\tÜbergang"
        );
    }
}
