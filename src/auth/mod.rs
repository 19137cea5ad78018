//! Sign-in and sign-out, sessions, the current-user extractors, password changes, and the
//! refusal of cross-site writes.

mod csrf;
pub mod password;
mod routes;
pub mod session;
pub mod throttle;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

pub use csrf::refuse_cross_site_writes;
pub use routes::routes;

use crate::error::AppError;
use crate::identity::SessionUser;
use crate::state::AppState;

/// Paths a user who must change their password may still reach.
const ALLOWED_BEFORE_PASSWORD_CHANGE: [&str; 2] = ["/konto/passwort", "/abmelden"];

/// Resolves the session cookie (one query) and puts the [`SessionUser`] into the request's
/// extensions. Pages for signed-in users are marked `no-store`; a dead cookie is cleared.
pub async fn load_session(
    State(state): State<AppState>,
    jar: CookieJar,
    mut request: Request,
    next: Next,
) -> Result<Response, AppError> {
    let token = session::token(&jar, &state.config);
    let user = match &token {
        Some(token) => session::touch(&state.pool, &state.config, token).await?,
        None => None,
    };
    let signed_in = user.is_some();
    if let Some(user) = user {
        request.extensions_mut().insert(user);
    }
    let mut response = next.run(request).await;
    if signed_in {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if token.is_some() && !response.headers().contains_key(header::SET_COOKIE) {
        return Ok((session::without_session(jar, &state.config), response).into_response());
    }
    Ok(response)
}

/// A signed-in user, required: anonymous requests are sent to the login page, and a user who
/// must change their password is sent to do so first.
pub struct CurrentUser(pub SessionUser);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let path = parts.uri.path();
        let Some(user) = parts.extensions.get::<SessionUser>().cloned() else {
            let return_to = parts
                .uri
                .path_and_query()
                .map_or("/", |p| p.as_str())
                .to_owned();
            return Err(AppError::Unauthenticated { return_to }.into_response());
        };
        if user.must_change_password && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(&path) {
            return Err(crate::web::see_other("/konto/passwort"));
        }
        Ok(Self(user))
    }
}

/// The signed-in user if there is one (public pages).
pub struct MaybeUser(pub Option<SessionUser>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(parts.extensions.get::<SessionUser>().cloned()))
    }
}
