use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::db::{self, LandOption, ListFilter, ListedUser, NewUser, UserRow};
use super::forms::UserForm;
use crate::audit::{self, Event};
use crate::auth::{password, session};
use crate::directory::KommuneChoice;
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::policy::{Action, Role, authorize};
use crate::state::AppState;
use crate::web::Ctx;
use crate::web::Notice;
use crate::web::edit::Change;
use crate::web::filters;
use crate::web::form::FieldErrors;
use crate::web::paging::{Paging, Requested};
use crate::web::{Layout, see_other, with_query};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/verwaltung/benutzer", get(list))
        .route("/verwaltung/benutzer/neu", get(new_form).post(create))
        .route("/verwaltung/benutzer/{id}", get(edit_form).post(update))
        .route(
            "/verwaltung/benutzer/{id}/deaktivieren",
            get(confirm_deactivate).post(deactivate),
        )
        .route("/verwaltung/benutzer/{id}/reaktivieren", post(reactivate))
        .route("/verwaltung/benutzer/{id}/passwort", post(reset_password))
}

fn admin(user: &SessionUser) -> AppResult<()> {
    authorize(&user.actor(), Action::ManageUsers)
}

/// Accounts per page of the user list.
const PAGE_SIZE: i64 = 50;

/// The user list's search, as the query string brings it; unknown values filter nothing.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct ListQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    rolle: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    land: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    seite: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "users/list.html")]
struct ListPage {
    layout: Layout,
    query: ListQuery,
    users: Vec<ListedUser>,
    total: i64,
    paging: Paging,
    roles: [Role; 4],
    laender: Vec<LandOption>,
}

async fn list(
    ctx: Ctx,
    axum_extra::extract::Query(query): axum_extra::extract::Query<ListQuery>,
) -> AppResult<Response> {
    admin(&ctx.user)?;
    let laender = db::laender(&ctx.state.pool).await?;
    let page = Requested::new(&query.seite, PAGE_SIZE);
    // What the list's links carry on: the known filters, without the page.
    let query = ListQuery {
        q: query
            .q
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect(),
        rolle: Role::parse(&query.rolle)
            .map(|r| r.code().to_owned())
            .unwrap_or_default(),
        land: laender
            .iter()
            .find(|l| l.code == query.land)
            .map(|l| l.code.clone())
            .unwrap_or_default(),
        seite: String::new(),
    };
    let filter = ListFilter {
        text: query.q.clone(),
        role: query.rolle.clone(),
        land: query.land.clone(),
    };
    let (users, total) = db::list(&ctx.state.pool, &filter, page.limit(), page.offset()).await?;
    Ok(ListPage {
        layout: ctx.layout,
        paging: page.paging(total, with_query("/verwaltung/benutzer", &query)),
        query,
        users,
        total,
        roles: Role::ALL,
        laender,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "users/form.html")]
struct FormPage {
    layout: Layout,
    /// `None` on the create page.
    editing: Option<UserRow>,
    form: UserForm,
    errors: FieldErrors,
    laender: Vec<LandOption>,
    roles: [Role; 4],
    /// The Kommune chosen in the form, as the directory names it.
    kommune: Option<KommuneChoice>,
    /// After a directory search: the Kommunen to choose from (the chosen one first).
    matches: Option<Vec<KommuneChoice>>,
    /// The search found more than it shows.
    more_matches: bool,
    /// Set when the user was changed by someone else meanwhile: the values now stored.
    conflict: Option<UserRow>,
    notice: Option<&'static str>,
    history: Vec<audit::HistoryLine>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        layout: Layout,
        _user: &SessionUser,
        editing: Option<UserRow>,
        form: UserForm,
    ) -> AppResult<Self> {
        let history = match &editing {
            Some(row) => audit::history(&state.pool, "user", &row.id.to_string()).await?,
            None => Vec::new(),
        };
        // Only what can be an AGS is looked up (a hand-made form may send anything).
        let ags = form.kommune_ags.trim();
        let kommune = if matches!(ags.len(), 5 | 8) && ags.bytes().all(|b| b.is_ascii_digit()) {
            crate::directory::find(&state.pool, ags).await?
        } else {
            None
        };
        Ok(Self {
            layout,
            editing,
            form,
            errors: FieldErrors::default(),
            laender: db::laender(&state.pool).await?,
            roles: Role::ALL,
            kommune,
            matches: None,
            more_matches: false,
            conflict: None,
            notice: None,
            history,
        })
    }
}

impl FormPage {
    /// Search hits are listed to choose from (the search field then is not the field an
    /// error message leads to).
    fn shows_matches(&self) -> bool {
        self.matches.as_ref().is_some_and(|found| !found.is_empty())
    }
}

fn form_from(row: &UserRow) -> UserForm {
    UserForm {
        email: row.email.clone(),
        display_name: row.display_name.clone(),
        role: row.role.clone(),
        kommune_ags: row.kommune_ags.clone().unwrap_or_default(),
        land_code: row.land_code.clone().unwrap_or_default(),
        version: row.version.to_string(),
        ..UserForm::default()
    }
}

/// The form again with the directory's matches for its search text to choose from; nothing
/// is saved, everything typed is kept.
async fn searched(
    state: &AppState,
    layout: Layout,
    user: &SessionUser,
    editing: Option<UserRow>,
    form: UserForm,
) -> AppResult<Response> {
    let mut found = crate::directory::search(&state.pool, &form.kommune_suche).await?;
    let mut page = FormPage::new(state, layout, user, editing, form).await?;
    page.more_matches = found.len() > crate::directory::SEARCH_LIMIT;
    found.truncate(crate::directory::SEARCH_LIMIT);
    // The Kommune chosen before stays choosable, whatever the search found.
    if let Some(chosen) = &page.kommune
        && !found.iter().any(|k| k.ags == chosen.ags)
    {
        found.insert(0, chosen.clone());
    }
    page.matches = Some(found);
    Ok(page.into_response())
}

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    admin(&ctx.user)?;
    Ok(
        FormPage::new(&ctx.state, ctx.layout, &ctx.user, None, UserForm::default())
            .await?
            .into_response(),
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "users/initial_password.html")]
struct InitialPasswordPage {
    layout: Layout,
    target: UserRow,
    password: String,
    created: bool,
}

async fn create(ctx: Ctx, Form(form): Form<UserForm>) -> AppResult<Response> {
    admin(&ctx.user)?;
    if !form.suchen.is_empty() {
        return searched(&ctx.state, ctx.layout, &ctx.user, None, form).await;
    }
    let valid = match form.validate(&ctx.state.pool, true).await? {
        Ok(valid) => valid,
        Err(errors) => {
            return rejected(&ctx.state, ctx.layout, &ctx.user, None, form, errors).await;
        }
    };
    let initial = password::generate_initial();
    let hash = password::hash(initial.clone()).await?;
    let mut change = Change::begin(&ctx).await?;
    let new_user = NewUser {
        email: &valid.email,
        display_name: &valid.display_name,
        assignment: &valid.assignment,
        password_hash: &hash,
        must_change_password: true,
        is_demo: false,
    };
    let Some(id) = db::insert(change.conn(), new_user).await? else {
        let mut errors = FieldErrors::default();
        errors.add(
            "email",
            "Mit dieser E-Mail-Adresse gibt es bereits ein Konto.",
        );
        return rejected(&ctx.state, ctx.layout, &ctx.user, None, form, errors).await;
    };
    let created = db::find(change.conn(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    change
        .finish(Event::new("benutzer_angelegt", "user", id).new_values(created.audit_values()))
        .await?;
    Ok(InitialPasswordPage {
        layout: ctx.layout,
        target: created,
        password: initial,
        created: true,
    }
    .into_response())
}

async fn rejected(
    state: &AppState,
    layout: Layout,
    user: &SessionUser,
    editing: Option<UserRow>,
    form: UserForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, layout, user, editing, form).await?;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn load(state: &AppState, id: i64) -> AppResult<UserRow> {
    db::find(&state.pool, id).await?.ok_or(AppError::NotFound)
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>, notice: Notice) -> AppResult<Response> {
    admin(&ctx.user)?;
    let row = load(&ctx.state, id).await?;
    let form = form_from(&row);
    let mut page = FormPage::new(&ctx.state, ctx.layout, &ctx.user, Some(row), form).await?;
    page.notice = match notice.code() {
        "deaktiviert" => Some("Das Konto wurde deaktiviert; seine Sitzungen sind beendet."),
        "reaktiviert" => Some("Das Konto wurde reaktiviert."),
        _ => None,
    };
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "users/confirm_deactivate.html")]
struct ConfirmDeactivatePage {
    layout: Layout,
    target: UserRow,
}

/// The step before deactivating: whose account, and what follows.
async fn confirm_deactivate(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    admin(&ctx.user)?;
    Ok(ConfirmDeactivatePage {
        layout: ctx.layout,
        target: load(&ctx.state, id).await?,
    }
    .into_response())
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(form): Form<UserForm>) -> AppResult<Response> {
    admin(&ctx.user)?;
    let before = load(&ctx.state, id).await?;
    if !form.suchen.is_empty() {
        return searched(&ctx.state, ctx.layout, &ctx.user, Some(before), form).await;
    }
    let valid = match form.validate(&ctx.state.pool, false).await? {
        Ok(valid) => valid,
        Err(errors) => {
            return rejected(
                &ctx.state,
                ctx.layout,
                &ctx.user,
                Some(before),
                form,
                errors,
            )
            .await;
        }
    };
    let version: i32 = form.version.parse().unwrap_or(-1);
    let mut change = Change::begin(&ctx).await?;
    if !db::update_assignment(
        change.conn(),
        id,
        version,
        &valid.display_name,
        &valid.assignment,
    )
    .await?
    {
        let mut page = FormPage::new(
            &ctx.state,
            ctx.layout.clone(),
            &ctx.user,
            Some(before.clone()),
            form,
        )
        .await?;
        page.conflict = Some(before);
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let after = db::find(change.conn(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A changed role or scope must not linger in open sessions.
    if after.role != before.role
        || after.kommune_ags != before.kommune_ags
        || after.land_code != before.land_code
    {
        session::delete_all_for_user(change.conn(), id, None).await?;
    }
    change
        .finish(
            Event::new("benutzer_geaendert", "user", id)
                .old(before.audit_values())
                .new_values(after.audit_values()),
        )
        .await?;
    let mut page = FormPage::new(
        &ctx.state,
        ctx.layout.clone(),
        &ctx.user,
        Some(after.clone()),
        form_from(&after),
    )
    .await?;
    page.notice = Some("Die Änderungen wurden gespeichert.");
    Ok(page.into_response())
}

async fn deactivate(ctx: Ctx, id: Path<i64>) -> AppResult<Response> {
    set_active(ctx, id, false).await
}

async fn reactivate(ctx: Ctx, id: Path<i64>) -> AppResult<Response> {
    set_active(ctx, id, true).await
}

async fn set_active(ctx: Ctx, Path(id): Path<i64>, active: bool) -> AppResult<Response> {
    admin(&ctx.user)?;
    if id == ctx.user.user_id && !active {
        return Err(AppError::BadRequest(
            "Sie können Ihr eigenes Konto nicht deaktivieren. Bitten Sie eine andere Administratorin \
             oder einen anderen Administrator darum."
                .into(),
        ));
    }
    let mut change = Change::begin(&ctx).await?;
    if !db::set_active(change.conn(), id, active).await? {
        return Err(AppError::NotFound);
    }
    let mut ended = 0;
    if !active {
        ended = session::delete_all_for_user(change.conn(), id, None).await?;
    }
    let (action, notice) = if active {
        ("benutzer_reaktiviert", "reaktiviert")
    } else {
        ("benutzer_deaktiviert", "deaktiviert")
    };
    let state = |active| if active { "aktiv" } else { "deaktiviert" };
    change
        .finish(
            Event::new(action, "user", id)
                .old(json!({ "Zugang": state(!active) }))
                .new_values(json!({ "Zugang": state(active), "Beendete Sitzungen": ended })),
        )
        .await?;
    Ok(see_other(&format!(
        "/verwaltung/benutzer/{id}?hinweis={notice}"
    )))
}

async fn reset_password(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    admin(&ctx.user)?;
    let initial = password::generate_initial();
    let hash = password::hash(initial.clone()).await?;
    let mut tx = ctx.state.pool.begin().await?;
    if !db::set_initial_password(&mut *tx, id, &hash).await? {
        return Err(AppError::NotFound);
    }
    session::delete_all_for_user(&mut *tx, id, None).await?;
    audit::record(
        &mut *tx,
        &ctx.meta,
        (&ctx.user).into(),
        Event::new("passwort_zurueckgesetzt", "user", id)
            .new_values(json!({ "Muss Passwort ändern": "ja" })),
    )
    .await?;
    let target = db::find(&mut *tx, id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(InitialPasswordPage {
        layout: ctx.layout,
        target,
        password: initial,
        created: false,
    }
    .into_response())
}
