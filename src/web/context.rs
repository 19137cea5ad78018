//! The request context a page handler starts from: the shared state, who is asking, where the
//! request came from, and the layout of the page for them.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::Layout;
use crate::error::AppError;
use crate::identity::SessionUser;
use crate::request::RequestMeta;
use crate::state::AppState;

/// Paths a user who must change their password may still reach.
const ALLOWED_BEFORE_PASSWORD_CHANGE: [&str; 2] = ["/konto/passwort", "/abmelden"];

/// For pages of signed-in users: anonymous requests are sent to the login page (and back
/// afterwards), a user who must change their password is sent to do so first.
pub struct Ctx {
    pub state: AppState,
    pub user: SessionUser,
    pub meta: RequestMeta,
    pub layout: Layout,
}

/// For pages everybody may see, signed in or not.
pub struct PublicCtx {
    pub state: AppState,
    pub user: Option<SessionUser>,
    pub meta: RequestMeta,
    pub layout: Layout,
}

/// The user the session middleware found (`auth::load_session`).
fn session_user(parts: &Parts) -> Option<SessionUser> {
    parts.extensions.get::<SessionUser>().cloned()
}

fn meta_of(parts: &Parts, state: &AppState) -> RequestMeta {
    RequestMeta::of(parts, &state.config.trusted_proxies)
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(user) = session_user(parts) else {
            let return_to = parts
                .uri
                .path_and_query()
                .map_or("/", |p| p.as_str())
                .to_owned();
            return Err(AppError::Unauthenticated { return_to }.into_response());
        };
        if user.must_change_password && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(&parts.uri.path())
        {
            return Err(crate::web::see_other("/konto/passwort"));
        }
        let layout = Layout::new(Some(&user), parts.uri.path());
        Ok(Self {
            state: state.clone(),
            meta: meta_of(parts, state),
            user,
            layout,
        })
    }
}

impl FromRequestParts<AppState> for PublicCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = session_user(parts);
        let layout = Layout::new(user.as_ref(), parts.uri.path());
        Ok(Self {
            state: state.clone(),
            meta: meta_of(parts, state),
            user,
            layout,
        })
    }
}
