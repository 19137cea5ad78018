//! A fast first load: compressed responses, one lean stylesheet and font cuts under hashed
//! names kept for a year, public pages revalidated by `ETag`, signed-in pages never stored.

use std::collections::BTreeSet;
use std::io::Read;

use kinderchancen::policy::Role;
use sha2::{Digest, Sha256};

use crate::networks::HAMM;
use crate::support::TestApp;

const YEAR: &str = "public, max-age=31536000, immutable";

/// The `href` of the page's `<link rel="{rel}" …>`.
fn link(page: &str, rel: &str) -> String {
    let tag = page
        .split('<')
        .find(|tag| tag.starts_with("link ") && tag.contains(&format!("rel=\"{rel}\"")))
        .unwrap_or_else(|| panic!("no <link rel=\"{rel}\">"));
    tag.split("href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

async fn fetch(app: &TestApp, path: &str, encoding: &str) -> reqwest::Response {
    app.client
        .get(app.at(path))
        .header("accept-encoding", encoding)
        .send()
        .await
        .unwrap()
}

fn decode(encoding: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        "br" => brotli::Decompressor::new(body, 4096)
            .read_to_end(&mut out)
            .unwrap(),
        "gzip" => flate2::read::GzDecoder::new(body)
            .read_to_end(&mut out)
            .unwrap(),
        other => panic!("unexpected encoding {other}"),
    };
    out
}

#[tokio::test]
async fn text_is_compressed_as_the_browser_accepts_and_decodes_to_the_same() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    let csv = format!("/netzwerke/{network}/ziele.csv");
    let hamm = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let home = app.get(&app.client, "/").await.text().await.unwrap();
    let stylesheet = link(&home, "stylesheet");
    let icon = link(&home, "icon");
    for path in ["/", "/wissen", &stylesheet, &icon, &csv] {
        let client = if path == csv { &hamm } else { &app.client };
        let plain = client
            .get(app.at(path))
            .header("accept-encoding", "identity")
            .send()
            .await
            .unwrap();
        assert!(!plain.headers().contains_key("content-encoding"), "{path}");
        let plain = plain.bytes().await.unwrap();
        for encoding in ["br", "gzip"] {
            let response = client
                .get(app.at(path))
                .header("accept-encoding", format!("{encoding}, identity;q=0.5"))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{path}");
            assert_eq!(response.headers()["content-encoding"], encoding, "{path}");
            assert!(
                response
                    .headers()
                    .get_all("vary")
                    .iter()
                    .any(|v| v.to_str().unwrap().contains("accept-encoding")),
                "{path}"
            );
            let body = response.bytes().await.unwrap();
            if plain.len() > 1000 {
                assert!(body.len() < plain.len(), "{path} {encoding} is smaller");
            }
            assert_eq!(decode(encoding, &body), plain, "{path} {encoding}");
        }
    }
    // woff2 is compressed already.
    let font = fetch(&app, &link(&home, "preload"), "br, gzip").await;
    assert_eq!(font.headers()["content-type"], "font/woff2");
    assert!(!font.headers().contains_key("content-encoding"));
}

#[tokio::test]
async fn static_files_have_hashed_names_and_are_kept_for_a_year() {
    let app = TestApp::spawn().await;
    let home = app.get(&app.client, "/").await.text().await.unwrap();
    let stylesheet = link(&home, "stylesheet");
    for (url, kind) in [
        (stylesheet.clone(), "css"),
        (link(&home, "preload"), "woff2"),
        (link(&home, "icon"), "svg"),
    ] {
        let response = fetch(&app, &url, "identity").await;
        assert_eq!(response.status(), 200, "{url}");
        assert_eq!(response.headers()["cache-control"], YEAR, "{url}");
        assert!(response.headers().contains_key("content-security-policy"));
        let body = response.bytes().await.unwrap();
        // The name carries the hash of the content, so a changed file gets a new URL.
        let hash: String = Sha256::digest(&body)[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(url.starts_with("/static/"), "{url}");
        assert!(
            url.ends_with(&format!(".{hash}.{kind}")),
            "{url} has hash {hash}"
        );
    }
    // Signed in, the pages are not stored, the files still kept.
    let user = app
        .signed_in("k@hamm.de", Role::Kommune, Some(HAMM), None)
        .await;
    let page = app.get(&user, "/").await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert!(!page.headers().contains_key("etag"));
    let file = app.get(&user, &stylesheet).await;
    assert_eq!(file.headers()["cache-control"], YEAR);
    // A name that is not (or no longer) built: the 404 page, not cached.
    let missing = app.get(&app.client, "/static/app.000000000000.css").await;
    assert_eq!(missing.status(), 404);
    assert!(!missing.headers().contains_key("cache-control"));
}

#[tokio::test]
async fn public_pages_are_revalidated_by_their_etag() {
    let app = TestApp::spawn().await;
    let first = app.get(&app.client, "/wissen").await;
    assert_eq!(first.headers()["cache-control"], "public, max-age=60");
    assert!(
        first
            .headers()
            .get_all("vary")
            .iter()
            .any(|v| v == "cookie")
    );
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    let again = app
        .client
        .get(app.at("/wissen"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"], etag.as_str());
    assert!(again.bytes().await.unwrap().is_empty());
    // Another page, another tag; a stale tag gets the page.
    let other = app.get(&app.client, "/impressum").await;
    assert_ne!(other.headers()["etag"], etag.as_str());
    let stale = app
        .client
        .get(app.at("/impressum"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 200);
    // Errors are not cached.
    let missing = app.get(&app.client, "/gibt-es-nicht").await;
    assert!(!missing.headers().contains_key("etag"));
}

#[tokio::test]
async fn favicon_and_svg_icon() {
    let app = TestApp::spawn().await;
    let favicon = app.get(&app.client, "/favicon.ico").await;
    assert_eq!(favicon.status(), 200);
    assert_eq!(favicon.headers()["content-type"], "image/x-icon");
    assert_eq!(favicon.headers()["cache-control"], "public, max-age=86400");
    assert_eq!(&favicon.bytes().await.unwrap()[..4], &[0, 0, 1, 0]);
    let home = app.get(&app.client, "/").await.text().await.unwrap();
    let icon = app.get(&app.client, &link(&home, "icon")).await;
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
}

#[tokio::test]
async fn public_pages_have_a_meta_description() {
    let app = TestApp::spawn().await;
    let network = app.create_network(HAMM, "Präventionskette Hamm").await;
    sqlx::query("UPDATE networks SET is_public = true, description = 'Kein Kind zurücklassen.' WHERE id = $1")
        .bind(network)
        .execute(&app.pool)
        .await
        .unwrap();
    let search = app.get(&app.client, "/wissen").await.text().await.unwrap();
    let entry = search
        .split("href=\"")
        .find(|s| s.starts_with("/wissen/eintrag/"))
        .and_then(|s| s.split('"').next())
        .expect("a knowledge entry")
        .to_owned();
    let profile = format!("/oeffentlich/netzwerke/{network}");
    let mut seen = BTreeSet::new();
    for path in [
        "/",
        "/wissen",
        &entry,
        &profile,
        "/verzeichnis",
        "/anmelden",
        "/impressum",
    ] {
        let page = app.get(&app.client, path).await.text().await.unwrap();
        let description = page
            .split("<meta name=\"description\" content=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("{path} has a meta description"));
        assert!(description.len() > 50, "{path}: {description}");
        seen.insert(description.to_owned());
    }
    assert!(
        seen.iter().any(
            |d| d.starts_with("Präventionsnetzwerk gegen Kinderarmut in Hamm")
                && d.contains("Kein Kind zurücklassen.")
        ),
        "{seen:?}"
    );
    assert!(
        seen.len() >= 4,
        "the entry, profile and search say what they are"
    );
}

/// Every class a template writes (the literal ones; `kern-badge--{{ tone }}` is completed at
/// run time) is defined in the stylesheet the build made, so no KERN rule a page needs was
/// left out, and no template names a class nothing defines.
#[tokio::test]
async fn the_stylesheet_defines_every_class_the_templates_use() {
    let app = TestApp::spawn().await;
    let home = app.get(&app.client, "/").await.text().await.unwrap();
    let css = app
        .get(&app.client, &link(&home, "stylesheet"))
        .await
        .text()
        .await
        .unwrap();
    let defined: BTreeSet<&str> = css
        .split('.')
        .skip(1)
        .map(|s| {
            s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap()
        })
        .collect();
    let mut missing = BTreeSet::new();
    let mut templates = Vec::new();
    collect_templates(std::path::Path::new("templates"), &mut templates);
    for file in templates {
        let text = std::fs::read_to_string(&file).unwrap();
        for attribute in text.split(" class=\"").skip(1) {
            let value = attribute.split('"').next().unwrap();
            for class in literal_classes(value) {
                if !defined.contains(class.as_str()) {
                    missing.insert(format!("{class} ({})", file.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "classes without a rule: {missing:#?}");
}

/// The classes of a `class` attribute that stand there literally. A class begun before a
/// template tag (`kern-badge--{{ tone }}`, `kern-icon--{% if ok %}success{% else %}…`) is
/// completed at run time and left out; `build.rs` keeps every class such a start begins.
fn literal_classes(value: &str) -> Vec<String> {
    const TAG: char = '\u{0}';
    let mut text = String::new();
    let mut rest = value;
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let tag = &rest[start..];
        let close = if tag.starts_with("{%") { "%}" } else { "}}" };
        text.push(TAG);
        rest = &tag[tag.find(close).expect("a closed template tag") + 2..];
    }
    text.push_str(rest);
    text.split_whitespace()
        .map(|word| word.split(TAG).collect::<Vec<_>>())
        .filter(|pieces| !pieces.iter().any(|piece| piece.ends_with('-')))
        .flatten()
        .filter(|piece| !piece.is_empty())
        .map(str::to_owned)
        .collect()
}

fn collect_templates(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_templates(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The font cuts in `static/fonts/` are made by `.ci/subset-fonts` from the vendored KERN
/// faces; when a face is updated, the cuts must be made again.
#[test]
fn the_font_cuts_are_made_from_the_vendored_faces() {
    let sources = std::fs::read_to_string("static/fonts/SOURCES").unwrap();
    let cuts: Vec<&str> = sources
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("unicode-range "))
        .collect();
    assert!(!cuts.is_empty());
    for line in cuts {
        let [cut, _, _, hash, source] = line.split(' ').collect::<Vec<_>>()[..] else {
            panic!("unreadable line {line:?}");
        };
        let actual: String = Sha256::digest(std::fs::read(source).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(actual, hash, "{source} changed: run .ci/subset-fonts");
        assert!(
            std::path::Path::new("static/fonts").join(cut).exists(),
            "{cut}"
        );
    }
}
