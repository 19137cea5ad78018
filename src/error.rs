//! One error type for every handler, mapped to a status code. The HTML error page itself is
//! rendered by `web::error_pages`, which knows the signed-in user and the request id.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in: sends the browser to the login page and back afterwards.
    #[error("nicht angemeldet")]
    Unauthenticated { return_to: String },
    #[error("keine Berechtigung")]
    Forbidden,
    #[error("nicht gefunden")]
    NotFound,
    /// A request no form of ours sends (e.g. a malformed id); shown with its German message.
    #[error("{0}")]
    BadRequest(String),
    /// A change against a version someone else has changed since; shown with its German
    /// message.
    #[error("{0}")]
    Conflict(String),
    #[error("Datenbank nicht erreichbar")]
    Unavailable,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// A delete confirmed against a version someone else has changed since; `subject` is the
    /// record with its article ("Die Maßnahme").
    pub fn stale_delete(subject: &str) -> Self {
        Self::Conflict(format!(
            "{subject} wurde inzwischen geändert. Bitte sehen Sie sich die Änderungen an und \
             löschen Sie dann erneut."
        ))
    }
}

/// The name of the constraint `error` violates, if it is a unique, check or foreign-key
/// violation (so that the caller can explain it instead of failing).
pub fn violated_constraint(error: &sqlx::Error) -> Option<&str> {
    error.as_database_error()?.constraint()
}

/// Attached to error responses so that the error page can say more than the status code.
#[derive(Clone, Debug)]
pub struct ErrorDetail(pub String);

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::error!(%error, "Datenbank nicht erreichbar");
                Self::Unavailable
            }
            // A data exception (SQLSTATE class 22: NUL in text, a number or date out of
            // range) is a value from the request that no check before the query caught:
            // the request is wrong, not the portal.
            sqlx::Error::Database(ref db) if db.code().is_some_and(|c| c.starts_with("22")) => {
                tracing::warn!(%error, "Datenbank lehnt einen Wert der Anfrage ab");
                Self::BadRequest(
                    "Die Anfrage enthält Zeichen oder Werte, die nicht verarbeitet werden können. \
                     Bitte prüfen Sie die Adresse oder Ihre Eingaben."
                        .into(),
                )
            }
            other => Self::Internal(other.into()),
        }
    }
}

impl From<csv::Error> for AppError {
    fn from(error: csv::Error) -> Self {
        Self::Internal(error.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        Self::Internal(error.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            Self::Unauthenticated { return_to } => {
                // A leaf cannot use web::with_query; this is the same encoding by the same crate.
                let query = serde_html_form::to_string([("weiter", return_to)]).unwrap_or_default();
                let target = format!("/anmelden?{query}");
                return Redirect::to(&target).into_response();
            }
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(error) => {
                tracing::error!(error = ?error, "interner Fehler");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let mut response = status.into_response();
        if let Self::BadRequest(message) | Self::Conflict(message) = self {
            response.extensions_mut().insert(ErrorDetail(message));
        }
        response
    }
}
