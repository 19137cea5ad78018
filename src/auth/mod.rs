//! Sign-in and sign-out, sessions and the middleware that finds the signed-in user, password
//! changes, and the refusal of cross-site writes.

mod csrf;
pub mod password;
mod routes;
pub mod session;
pub mod throttle;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

pub use csrf::refuse_cross_site_writes;
pub use routes::routes;

use crate::error::AppError;
use crate::state::AppState;

/// Resolves the session cookie (one query) and puts the signed-in user into the request's
/// extensions, and into the response's for the error pages, which are rendered outside.
/// Pages for signed-in users are marked `no-store`; a dead cookie is cleared.
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
    if let Some(user) = &user {
        request.extensions_mut().insert(user.clone());
    }
    let mut response = next.run(request).await;
    if let Some(user) = user {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response.extensions_mut().insert(user);
    } else if token.is_some() && !response.headers().contains_key(header::SET_COOKIE) {
        return Ok((session::without_session(jar, &state.config), response).into_response());
    }
    Ok(response)
}
