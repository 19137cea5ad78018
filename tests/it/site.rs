//! The legal pages: the operator's details from the configuration, marked in the demo, the
//! accessibility statement as BITV 2.0 asks, Leichte Sprache and Gebärdensprache.

use kinderchancen::config::{Config, Operator};

use crate::support::TestApp;

fn operator() -> Operator {
    Operator {
        name: "Geschäftsstelle Kinderchancen".into(),
        address: vec!["Glinkastraße 24".into(), "10117 Berlin".into()],
        representative: "Dr. Erika Mustermann".into(),
        email: "barrierefrei@kinderchancen.de".into(),
        phone: String::new(),
        privacy_officer: "Datenschutzbeauftragter, datenschutz@kinderchancen.de".into(),
        privacy_authority: "BfDI, Graurheindorfer Straße 153, 53117 Bonn".into(),
        sign_language_video: None,
        example: false,
    }
}

const LEGAL_PAGES: [&str; 5] = [
    "/impressum",
    "/datenschutz",
    "/barrierefreiheit",
    "/leichte-sprache",
    "/gebaerdensprache",
];

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.get(&app.client, path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// The text of `<main>`, without tags.
fn main_text(html: &str) -> String {
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn the_legal_pages_name_the_configured_operator_without_placeholders() {
    let app = TestApp::spawn_with(|c| c.operator = operator()).await;
    for path in LEGAL_PAGES {
        let body = page(&app, path).await;
        assert!(
            !body.contains("Beispielangaben") && !body.contains("(Beispiel)"),
            "{path} shows example values"
        );
        assert!(
            !body.contains("trägt die betreibende Stelle"),
            "{path} has a placeholder"
        );
        assert!(
            body.contains("barrierefrei@kinderchancen.de"),
            "{path} names the contact"
        );
    }
    let impressum = page(&app, "/impressum").await;
    assert!(impressum.contains("Geschäftsstelle Kinderchancen<br>Glinkastraße 24<br>10117 Berlin"));
    assert!(impressum.contains("Vertreten durch: Dr. Erika Mustermann"));
    let datenschutz = page(&app, "/datenschutz").await;
    assert!(datenschutz.contains("Datenschutzbeauftragter, datenschutz@kinderchancen.de"));
    assert!(datenschutz.contains("BfDI, Graurheindorfer Straße 153"));
    assert!(datenschutz.contains("Artikel 6 Absatz 1 Buchstabe e"));
}

#[tokio::test]
async fn the_accessibility_statement_has_what_bitv_asks_for() {
    let app = TestApp::spawn_with(|c| c.operator = operator()).await;
    let body = main_text(&page(&app, "/barrierefreiheit").await);
    for required in [
        // Stand der Vereinbarkeit
        "teilweise vereinbar",
        // Nicht barrierefreie Inhalte, with the missing sign language videos
        "Nicht barrierefreie Inhalte",
        "Deutscher Gebärdensprache",
        // Feedback and contact
        "Barrieren melden",
        "barrierefrei@kinderchancen.de",
        // Enforcement procedure
        "Schlichtungsverfahren nach § 16 BGG",
        "www.schlichtungsstelle-bgg.de",
        // Date and method
        "erstellt",
        "29.11.2026",
        "Selbstbewertung",
    ] {
        assert!(body.contains(required), "missing {required:?} in\n{body}");
    }
    // The Schlichtungsstelle by its official web page only: no address from memory.
    let statement = page(&app, "/barrierefreiheit").await;
    assert!(statement.contains(r#"href="https://www.schlichtungsstelle-bgg.de""#));
    assert!(!statement.contains("Mauerstraße"));
    // With the operator's video the page links it, and the statement no longer lists it as missing.
    let app = TestApp::spawn_with(|c| {
        c.operator = Operator {
            sign_language_video: Some("https://video.example/dgs.mp4".into()),
            ..operator()
        }
    })
    .await;
    let dgs = page(&app, "/gebaerdensprache").await;
    assert!(dgs.contains(r#"href="https://video.example/dgs.mp4""#));
    assert!(!dgs.contains("gibt es noch nicht"));
    let statement = page(&app, "/barrierefreiheit").await;
    assert!(!statement.contains("fehlen noch"));
}

#[tokio::test]
async fn the_demo_marks_its_example_operator_and_the_sign_language_video_is_honestly_missing() {
    let app = TestApp::spawn_demo().await;
    for path in LEGAL_PAGES {
        let body = page(&app, path).await;
        assert!(body.contains("Beispielangaben der Demo"), "{path}");
    }
    let dgs = page(&app, "/gebaerdensprache").await;
    assert!(dgs.contains("Das Video in Gebärdensprache gibt es noch nicht"));
    assert!(!dgs.contains("<video"), "no fake video");
    // Every page links the explanations in Leichte Sprache and Gebärdensprache.
    let start = page(&app, "/").await;
    assert!(
        start.contains(r#"href="/leichte-sprache""#)
            && start.contains(r#"href="/gebaerdensprache""#)
    );
}

/// Leichte Sprache: short sentences, one statement each. Every sentence of the page has at
/// most 12 words and no comma joining two clauses.
#[tokio::test]
async fn the_page_in_leichte_sprache_keeps_its_sentences_short() {
    let app = TestApp::spawn_with(|c| c.operator = operator()).await;
    let html = page(&app, "/leichte-sprache").await;
    let text = main_text(&html);
    let sentences: Vec<&str> = text
        .split(['.', '?', '!', ':'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert!(sentences.len() > 40, "{sentences:?}");
    for sentence in sentences {
        // The e-mail address's dots split it; the rest are sentences.
        if sentence.contains('@') || sentence.starts_with("de ") {
            continue;
        }
        let words = sentence.split_whitespace().count();
        assert!(words <= 12, "{words} Wörter: {sentence}");
        assert!(!sentence.contains(','), "Komma: {sentence}");
    }
}

#[tokio::test]
async fn production_refuses_to_start_without_the_operators_details() {
    let mut config = Config::for_tests();
    config.operator.name.clear();
    config.operator.privacy_authority.clear();
    let error = kinderchancen::run(config).await.unwrap_err().to_string();
    assert!(error.contains("OPERATOR_NAME"), "{error}");
    assert!(error.contains("PRIVACY_AUTHORITY"), "{error}");
    assert!(!error.contains("OPERATOR_EMAIL"), "{error}");
}
