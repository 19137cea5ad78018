use askama::Template;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::Layout;
use crate::error::ErrorDetail;
use crate::identity::SessionUser;
use crate::request::REQUEST_ID;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    status: u16,
    title: &'static str,
    explanation: String,
    request_id: String,
}

/// Turns every error response that is not already a page (our own `AppError`s, axum's
/// 404/405/422, the body limit's 413, a caught panic's 500) into a German HTML error page.
/// A JSON answer stays JSON: the open-data interface explains its refusals to programs.
/// The signed-in user comes with the response (`auth::load_session` runs inside this).
pub async fn render_error_pages(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let request_id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let explained = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || explained {
        return response;
    }
    let user = response.extensions().get::<SessionUser>();
    let detail = response
        .extensions()
        .get::<ErrorDetail>()
        .map(|d| d.0.clone());
    let (title, explanation) = describe(status);
    let page = ErrorPage {
        layout: Layout::new(user, &path),
        status: status.as_u16(),
        title,
        explanation: detail.unwrap_or_else(|| explanation.to_owned()),
        request_id,
    };
    let mut rendered = match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "Fehlerseite nicht darstellbar");
            (status, "Fehler").into_response()
        }
    };
    // Keep headers such as `Allow` (405) or `Retry-After` from the original response.
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rendered.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rendered
}

fn describe(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::BAD_REQUEST => (
            "Ungültige Anfrage",
            "Die Anfrage enthält ungültige Angaben. Bitte prüfen Sie die Adresse oder Ihre Eingaben.",
        ),
        StatusCode::FORBIDDEN => (
            "Kein Zugriff",
            "Sie haben keine Berechtigung für diese Seite oder Aktion.",
        ),
        StatusCode::NOT_FOUND => (
            "Seite nicht gefunden",
            "Diese Seite gibt es nicht oder nicht mehr. Bitte prüfen Sie die Adresse.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Aktion nicht erlaubt",
            "Diese Adresse kann auf diese Weise nicht aufgerufen werden.",
        ),
        StatusCode::CONFLICT => (
            "Inzwischen geändert",
            "Die Daten wurden inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie \
             die Änderungen.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "Daten zu groß",
            "Die gesendeten Daten sind zu groß. Bitte senden Sie weniger oder kleinere Daten.",
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => (
            "Daten nicht verarbeitbar",
            "Die gesendeten Formulardaten konnten nicht verarbeitet werden. Bitte laden Sie das \
             Formular neu und versuchen Sie es noch einmal.",
        ),
        StatusCode::TOO_MANY_REQUESTS => (
            "Zu viele Anfragen",
            "Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
        ),
        StatusCode::SERVICE_UNAVAILABLE => (
            "Dienst vorübergehend nicht verfügbar",
            "Das Portal ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.",
        ),
        s if s.is_server_error() => (
            "Interner Fehler",
            "Leider ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
        ),
        _ => (
            "Anfrage nicht möglich",
            "Die Anfrage konnte nicht bearbeitet werden.",
        ),
    }
}
