use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use serde_json::json;

use super::{password, session, throttle};
use crate::audit::{self, By, Event};
use crate::config::Mode;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::form::{FieldErrors, plain};
use crate::web::{Ctx, PublicCtx};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/anmelden", get(login_form).post(login))
        .route("/abmelden", post(logout))
        .route("/konto/passwort", get(password_form).post(change_password))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    return_to: String,
    errors: FieldErrors,
    /// Shown above the form (failed login, lockout), not tied to a field.
    problem: Option<&'static str>,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
struct LoginQuery {
    #[serde(default)]
    weiter: String,
    #[serde(default)]
    abgemeldet: Option<String>,
}

async fn login_form(ctx: PublicCtx, Query(query): Query<LoginQuery>) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(see_other(safe_return_path(&query.weiter)));
    }
    Ok(LoginPage {
        layout: ctx.layout,
        email: String::new(),
        return_to: query.weiter,
        errors: FieldErrors::default(),
        problem: None,
        notice: query.abgemeldet.map(|_| "Sie haben sich abgemeldet."),
    }
    .into_response())
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    weiter: String,
}

const LOGIN_FAILED: &str = "E-Mail-Adresse oder Passwort ist falsch.";
const LOCKED: &str = "Zu viele fehlgeschlagene Anmeldeversuche. Aus Sicherheitsgründen ist die \
                      Anmeldung von diesem Anschluss aus für 15 Minuten gesperrt. Bitte versuchen \
                      Sie es später erneut.";

async fn login(ctx: PublicCtx, jar: CookieJar, Form(form): Form<LoginForm>) -> AppResult<Response> {
    let mut errors = FieldErrors::default();
    let email = plain(&mut errors, "email", &form.email).map(str::to_lowercase);
    match email.as_deref() {
        Some("") => errors.add("email", "Bitte geben Sie Ihre E-Mail-Adresse ein."),
        Some(email) if email.chars().count() > 254 => {
            errors.add("email", "Die E-Mail-Adresse ist zu lang.");
        }
        _ => {}
    }
    let email = email.unwrap_or_default();
    if form.password.is_empty() {
        errors.add("password", "Bitte geben Sie Ihr Passwort ein.");
    }
    let rejected = |errors, problem, status| {
        Ok((
            status,
            LoginPage {
                // The login page shows the header of a visitor, as `login_form` does.
                layout: Layout::new(None, "/anmelden"),
                email: form.email.clone(),
                return_to: form.weiter.clone(),
                errors,
                problem,
                notice: None,
            },
        )
            .into_response())
    };
    if !errors.is_empty() {
        return rejected(errors, None, StatusCode::UNPROCESSABLE_ENTITY);
    }

    let brake = throttle::brake(&ctx.state.pool, &email, &ctx.meta.client_addr).await?;
    if brake.locked {
        audit::record(
            &ctx.state.pool,
            &ctx.meta,
            By::Unverified { email: &email },
            Event::new("anmeldung_gesperrt", "login", &email),
        )
        .await?;
        return rejected(
            FieldErrors::default(),
            Some(LOCKED),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }

    // Before the password is checked, so that a guesser cannot tell a failure by an early
    // answer; the owner waits too, but gets in.
    tokio::time::sleep(brake.delay).await;

    let demo_allowed = ctx.state.config.mode == Mode::Demo;
    let account = sqlx::query!(
        "SELECT id, password_hash FROM users WHERE email = $1 AND active AND (NOT is_demo OR $2)",
        email,
        demo_allowed
    )
    .fetch_optional(&ctx.state.pool)
    .await?;
    let verified = password::verify(
        form.password.clone(),
        account.as_ref().map(|a| a.password_hash.clone()),
    )
    .await?;

    let Some(account) = account.filter(|_| verified) else {
        let now_locked =
            throttle::record_failure(&ctx.state.pool, &email, &ctx.meta.client_addr).await?;
        metrics::counter!(crate::web::metrics::LOGIN_FAILURES).increment(1);
        if now_locked {
            metrics::counter!(crate::web::metrics::LOGIN_LOCKOUTS).increment(1);
        }
        audit::record(
            &ctx.state.pool,
            &ctx.meta,
            By::Unverified { email: &email },
            Event::new("anmeldung_fehlgeschlagen", "login", &email),
        )
        .await?;
        if now_locked {
            audit::record(
                &ctx.state.pool,
                &ctx.meta,
                By::Unverified { email: &email },
                Event::new("konto_gesperrt", "login", &email),
            )
            .await?;
        }
        return rejected(
            FieldErrors::default(),
            Some(LOGIN_FAILED),
            StatusCode::UNAUTHORIZED,
        );
    };

    throttle::clear(&ctx.state.pool, &email, &ctx.meta.client_addr).await?;
    let mut tx = ctx.state.pool.begin().await?;
    // A new id at every login: a session id planted before login is worthless afterwards.
    if let Some(previous) = &ctx.user {
        session::delete(&mut *tx, &previous.session_hash).await?;
    }
    let token = session::create(&mut *tx, account.id).await?;
    let by = By::Account {
        user_id: account.id,
        email: &email,
    };
    audit::record(
        &mut *tx,
        &ctx.meta,
        by,
        Event::new("anmeldung", "user", account.id),
    )
    .await?;
    tx.commit().await?;

    Ok((
        session::with_session(jar, &ctx.state.config, token),
        see_other(safe_return_path(&form.weiter)),
    )
        .into_response())
}

/// Only paths on this site (open redirect): a path-absolute reference, so no scheme and no
/// `//host`. Browsers read `\` as `/` and drop tabs and line breaks before they parse
/// (`/<TAB>/evil.example` goes to `//evil.example`), so neither may occur, nor any other
/// whitespace, control or non-ASCII character; the paths we send people back to are
/// percent-encoded ASCII, and nothing else is a valid `Location` header either.
fn safe_return_path(path: &str) -> &str {
    let on_this_site = path.starts_with('/')
        && !path.starts_with("//")
        && path.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    if on_this_site { path } else { "/" }
}

async fn logout(ctx: PublicCtx, jar: CookieJar) -> AppResult<Response> {
    if let Some(user) = &ctx.user {
        let mut tx = ctx.state.pool.begin().await?;
        session::delete(&mut *tx, &user.session_hash).await?;
        audit::record(
            &mut *tx,
            &ctx.meta,
            user.into(),
            Event::new("abmeldung", "user", user.user_id),
        )
        .await?;
        tx.commit().await?;
    }
    Ok((
        session::without_session(jar, &ctx.state.config),
        see_other("/anmelden?abgemeldet=1"),
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    layout: Layout,
    forced: bool,
    errors: FieldErrors,
    changed: bool,
}

#[derive(Deserialize)]
struct PasswordQuery {
    geaendert: Option<String>,
}

async fn password_form(ctx: Ctx, Query(query): Query<PasswordQuery>) -> AppResult<Response> {
    Ok(PasswordPage {
        layout: ctx.layout,
        forced: ctx.user.must_change_password,
        errors: FieldErrors::default(),
        changed: query.geaendert.is_some(),
    }
    .into_response())
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

async fn change_password(ctx: Ctx, Form(form): Form<PasswordForm>) -> AppResult<Response> {
    crate::policy::authorize(&ctx.user.actor(), crate::policy::Action::ChangeOwnPassword)?;
    let mut errors = FieldErrors::default();
    let stored = sqlx::query_scalar!(
        "SELECT password_hash FROM users WHERE id = $1",
        ctx.user.user_id
    )
    .fetch_one(&ctx.state.pool)
    .await?;
    if form.current.is_empty() {
        errors.add("current", "Bitte geben Sie Ihr bisheriges Passwort ein.");
    } else if !password::verify(form.current.clone(), Some(stored)).await? {
        errors.add("current", "Das bisherige Passwort ist nicht richtig.");
    }
    if let Err(message) = password::check_new(&form.new, &[&ctx.user.email, &ctx.user.display_name])
    {
        errors.add("new", message);
    } else if form.new == form.current {
        errors.add(
            "new",
            "Das neue Passwort muss sich vom bisherigen unterscheiden.",
        );
    }
    if form.repeat != form.new {
        errors.add(
            "repeat",
            "Die Wiederholung stimmt nicht mit dem neuen Passwort überein.",
        );
    }
    if !errors.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            PasswordPage {
                layout: ctx.layout,
                forced: ctx.user.must_change_password,
                errors,
                changed: false,
            },
        )
            .into_response());
    }
    let hash = password::hash(form.new).await?;
    let mut tx = ctx.state.pool.begin().await?;
    sqlx::query!(
        "UPDATE users SET password_hash = $2, must_change_password = false,
                          version = version + 1, updated_at = now()
         WHERE id = $1",
        ctx.user.user_id,
        hash
    )
    .execute(&mut *tx)
    .await?;
    // Whoever else held a session with the old password is signed out.
    session::delete_all_for_user(&mut *tx, ctx.user.user_id, Some(&ctx.user.session_hash)).await?;
    audit::record(
        &mut *tx,
        &ctx.meta,
        (&ctx.user).into(),
        Event::new("passwort_geaendert", "user", ctx.user.user_id)
            .new_values(json!({ "Muss Passwort ändern": "nein" })),
    )
    .await?;
    tx.commit().await?;
    Ok(see_other("/konto/passwort?geaendert=1"))
}
