//! The DCAT-AP.de description of the open data as JSON-LD (`/dcat.jsonld`), for open-data
//! portals to harvest: a `dcat:Catalog` with the two data sets (knowledge entries, public
//! network profiles) and their distributions (JSON, CSV, and the Atom feed of the entries),
//! published by the operator (`OPERATOR_*`) under the content licence. One statement: when
//! each data set last changed.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{base_url, db, published};
use crate::config::Config;
use crate::error::AppResult;
use crate::web::PublicCtx;

const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/";

pub async fn jsonld(ctx: PublicCtx, headers: HeaderMap) -> AppResult<Response> {
    let modified = db::modified(&ctx.state.pool).await?;
    let config = &ctx.state.config;
    let base = base_url(config, &headers);
    let catalog = description(config, &base, modified.entries, modified.networks);
    let mut response = axum::Json(catalog).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/ld+json"),
    );
    Ok(published(response, &config.content_license))
}

fn german(text: &str) -> Value {
    json!({ "@value": text, "@language": "de" })
}

fn date(at: Option<OffsetDateTime>) -> Value {
    at.and_then(|at| at.format(&Rfc3339).ok()).map_or(
        Value::Null,
        |at| json!({ "@value": at, "@type": "xsd:dateTime" }),
    )
}

fn id(uri: &str) -> Value {
    json!({ "@id": uri })
}

/// One way to get a data set: `path` on the portal in `format` (an EU file type).
fn distribution(
    base: &str,
    config: &Config,
    path: &str,
    title: &str,
    format: &str,
    media: &str,
) -> Value {
    json!({
        "@id": format!("{base}{path}#verteilung"),
        "@type": "dcat:Distribution",
        "dct:title": german(title),
        "dcat:accessURL": id(&format!("{base}{path}")),
        "dcat:downloadURL": id(&format!("{base}{path}")),
        "dct:format": id(&format!("{FILE_TYPE}{format}")),
        "dcat:mediaType": id(&format!("{MEDIA_TYPE}{media}")),
        "dct:license": id(&config.content_license.uri),
        "dcatde:licenseAttributionByText":
            german(&format!("{}, Kinderchancen-Portal", config.operator.name)),
    })
}

fn description(
    config: &Config,
    base: &str,
    entries_modified: Option<OffsetDateTime>,
    networks_modified: Option<OffsetDateTime>,
) -> Value {
    let operator = &config.operator;
    let publisher = json!({
        "@id": format!("{base}/impressum#betreiber"),
        "@type": "foaf:Agent",
        "foaf:name": operator.name,
    });
    let contact = json!({
        "@type": "vcard:Organization",
        "vcard:fn": operator.name,
        "vcard:hasEmail": id(&format!("mailto:{}", operator.email)),
    });
    let common = |dataset: Value| {
        let mut dataset = dataset;
        for (key, value) in [
            ("@type", json!("dcat:Dataset")),
            ("dct:publisher", publisher.clone()),
            ("dcat:contactPoint", contact.clone()),
            ("dct:license", id(&config.content_license.uri)),
            (
                "dct:language",
                id("http://publications.europa.eu/resource/authority/language/DEU"),
            ),
            (
                "dct:accessRights",
                id("http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
            ),
            (
                "dct:spatial",
                id("http://publications.europa.eu/resource/authority/country/DEU"),
            ),
            (
                "dcat:theme",
                json!([id(
                    "http://publications.europa.eu/resource/authority/data-theme/SOCI"
                )]),
            ),
        ] {
            dataset[key] = value;
        }
        dataset
    };
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": format!("{base}/dcat.jsonld#katalog"),
        "@type": "dcat:Catalog",
        "dct:title": german("Kinderchancen-Portal: offene Daten"),
        "dct:description": german(
            "Die veröffentlichten Einträge der Wissensplattform und die öffentlichen Profile der \
             Präventionsnetzwerke gegen Kinderarmut im Kinderchancen-Portal (Nationaler \
             Aktionsplan „Neue Chancen für Kinder in Deutschland“)."),
        "dct:publisher": publisher.clone(),
        "dct:language": id("http://publications.europa.eu/resource/authority/language/DEU"),
        "dct:license": id(&config.content_license.uri),
        "foaf:homepage": id(&format!("{base}/")),
        "dct:modified": date(entries_modified.max(networks_modified)),
        "dcat:dataset": [
            common(json!({
                "@id": format!("{base}/dcat.jsonld#wissen"),
                "dct:identifier": format!("{base}/dcat.jsonld#wissen"),
                "dct:title": german("Wissensplattform Kinderchancen"),
                "dct:description": german(
                    "Veröffentlichte Einträge der Wissensplattform: gute Praxis, Ergebnisse der \
                     Workshops und das Papier des NAP-Ausschusses zu Präventionsketten gegen \
                     Kinderarmut, mit Art, Ebene, Handlungsfeldern, Themen, Lebensphasen, Ort, \
                     Quelle und Rechtsgrundlagen. Jeder Eintrag nennt den Stand seiner Quelle."),
                "dcat:keyword": [german("Kinderarmut"), german("Präventionskette"), german("Gute Praxis"), german("EU-Kindergarantie")],
                "dcat:landingPage": id(&format!("{base}/wissen")),
                "dct:modified": date(entries_modified),
                "dcat:distribution": [
                    distribution(base, config, "/api/v1/wissen", "Einträge als JSON (seitenweise)", "JSON", "application/json"),
                    distribution(base, config, "/api/v1/wissen.csv", "Einträge als CSV (seitenweise)", "CSV", "text/csv"),
                    distribution(base, config, crate::knowledge::FEED, "Neue und geänderte Einträge als Atom-Feed", "ATOM", "application/atom+xml"),
                ],
            })),
            common(json!({
                "@id": format!("{base}/dcat.jsonld#netzwerke"),
                "dct:identifier": format!("{base}/dcat.jsonld#netzwerke"),
                "dct:title": german("Öffentliche Profile der Präventionsnetzwerke"),
                "dct:description": german(
                    "Präventionsnetzwerke gegen Kinderarmut, deren Kommune das Profil öffentlich \
                     gestellt hat: Name, Gemeinde mit Gemeindeschlüssel, Land, Beschreibung, \
                     Partner (Name und Art) und laufende Maßnahmen. Ohne Kontaktdaten."),
                "dcat:keyword": [german("Kinderarmut"), german("Präventionsnetzwerk"), german("Kommune")],
                "dcat:landingPage": id(&format!("{base}/oeffentlich")),
                "dct:modified": date(networks_modified),
                "dcat:distribution": [
                    distribution(base, config, "/api/v1/netzwerke", "Profile als JSON (seitenweise)", "JSON", "application/json"),
                    distribution(base, config, "/api/v1/netzwerke.csv", "Profile als CSV (seitenweise)", "CSV", "text/csv"),
                ],
            })),
        ],
    })
}
