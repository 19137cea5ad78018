//! Funding programs of a Land with their phases and required deliverables: the Land's
//! officers manage them; the Land's municipalities, the Bund and admins read them.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};

use super::BERICHTSRHYTHMEN;
use super::db::{self, Funding, Phase, Program, ProgramSummary, Within};
use super::forms::{PhaseForm, ProgramForm};
use crate::audit::HistoryLine;
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::policy::{Action, Scope, allows, authorize};
use crate::state::AppState;
use crate::vocab::Term;
use crate::web::Ctx;
use crate::web::Notice;
use crate::web::edit::{Change, Edit, Record};
use crate::web::filters;
use crate::web::form::OnConstraint;
use crate::web::form::{FieldErrors, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/foerderprogramme", get(list))
        .route("/foerderprogramme/neu", get(new_form).post(create))
        .route("/foerderprogramme/{id}", get(detail))
        .route(
            "/foerderprogramme/{id}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/foerderprogramme/{id}/phasen/neu",
            get(new_phase_form).post(create_phase),
        )
        .route(
            "/foerderprogramme/{id}/phasen/{pid}/bearbeiten",
            get(edit_phase_form).post(update_phase),
        )
}

/// The Land whose programs a user sees in the list: their own, or all (`None`).
fn land_of(user: &SessionUser) -> Option<String> {
    match user.actor().scope {
        Scope::Kommune { land_code, .. } | Scope::Land { land_code } => Some(land_code),
        Scope::Nationwide => None,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/programs.html")]
struct ListPage {
    layout: Layout,
    programs: Vec<ProgramSummary>,
    can_create: bool,
}

async fn list(ctx: Ctx) -> AppResult<Response> {
    let land = land_of(&ctx.user);
    if let Some(land) = &land {
        authorize(&ctx.user.actor(), Action::ReadFundingPrograms(land))?;
    }
    Ok(ListPage {
        programs: db::programs(&ctx.state.pool, land.as_deref()).await?,
        can_create: allows(&ctx.user.actor(), Action::CreateFundingProgram),
        layout: ctx.layout,
    }
    .into_response())
}

/// A program the user may read, and whether they may change it.
async fn load(state: &AppState, user: &SessionUser, id: i64) -> AppResult<(Program, bool)> {
    let program = db::find_program(&state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = user.actor();
    authorize(&actor, Action::ReadFundingPrograms(&program.land_code))?;
    let can_manage = allows(&actor, Action::ManageFundingProgram(&program.land_code));
    Ok((program, can_manage))
}

async fn load_for_change(state: &AppState, user: &SessionUser, id: i64) -> AppResult<Program> {
    let (program, can_manage) = load(state, user, id).await?;
    if !can_manage {
        tracing::warn!(user_id = user.user_id, program = id, "Zugriff verweigert");
        return Err(AppError::Forbidden);
    }
    Ok(program)
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/program.html")]
struct DetailPage {
    layout: Layout,
    program: Program,
    phases: Vec<Phase>,
    can_manage: bool,
    /// The program's fundings, only for those who see the whole Land (never for a
    /// municipality, which sees only its own fundings, on its network's pages).
    fundings: Option<Vec<Funding>>,
    notice: Option<&'static str>,
}

async fn detail(ctx: Ctx, Path(id): Path<i64>, notice: Notice) -> AppResult<Response> {
    let (program, can_manage) = load(&ctx.state, &ctx.user, id).await?;
    let fundings = if allows(
        &ctx.user.actor(),
        Action::ViewLandOverview(&program.land_code),
    ) {
        let within = Within::Land(program.land_code.clone());
        let mut all = db::fundings(&ctx.state.pool, &within).await?;
        all.retain(|f| f.program_id == id);
        Some(all)
    } else {
        None
    };
    let notice = match notice.code() {
        "angelegt" => Some("Das Förderprogramm wurde angelegt."),
        "gespeichert" => Some("Die Änderungen am Förderprogramm wurden gespeichert."),
        "phase-angelegt" => Some("Die Phase wurde angelegt."),
        "phase-gespeichert" => Some("Die Änderungen an der Phase wurden gespeichert."),
        _ => None,
    };
    Ok(DetailPage {
        layout: ctx.layout,
        phases: db::phases(&ctx.state.pool, id).await?,
        program,
        can_manage,
        fundings,
        notice,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/program_form.html")]
struct ProgramFormPage {
    layout: Layout,
    program: Option<Program>,
    form: ProgramForm,
    /// Admins name the Land of a new program.
    ask_for_land: bool,
    errors: FieldErrors,
    conflict: Option<Program>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(ProgramFormPage, Program);

impl ProgramFormPage {
    fn new(
        layout: Layout,
        user: &SessionUser,
        program: Option<Program>,
        form: ProgramForm,
    ) -> Self {
        Self {
            layout,
            ask_for_land: program.is_none() && user.actor().scope == Scope::Nationwide,
            program,
            form,
            errors: FieldErrors::default(),
            conflict: None,
            history: Vec::new(),
        }
    }

    fn action(&self) -> String {
        match &self.program {
            Some(p) => format!("/foerderprogramme/{}/bearbeiten", p.id),
            None => "/foerderprogramme/neu".into(),
        }
    }
}

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::CreateFundingProgram)?;
    Ok(
        ProgramFormPage::new(ctx.layout, &ctx.user, None, ProgramForm::new_program())
            .into_response(),
    )
}

const DUPLICATE_PROGRAM: &str = "Ein Programm mit diesem Namen gibt es in diesem Land schon.";

async fn create(ctx: Ctx, Form(form): Form<ProgramForm>) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::CreateFundingProgram)?;
    let land_code = match ctx.user.actor().scope {
        Scope::Land { land_code } => land_code,
        Scope::Kommune { .. } => return Err(AppError::Forbidden),
        Scope::Nationwide => form.land_code.trim().to_owned(),
    };
    let known = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM laender WHERE code = $1) AS "known!""#,
        land_code
    )
    .fetch_one(&ctx.state.pool)
    .await?;
    let mut errors = FieldErrors::default();
    if !known {
        errors.add(
            "land_code",
            "Bitte einen Länderschlüssel von 01 bis 16 angeben.",
        );
    } else {
        authorize(&ctx.user.actor(), Action::ManageFundingProgram(&land_code))?;
    }
    let fields = match form.validate() {
        Ok(fields) if errors.is_empty() => Some(fields),
        Ok(_) => None,
        Err(more) => {
            for e in more {
                errors.add(e.field, e.message);
            }
            None
        }
    };
    if let Some(fields) = fields {
        let mut change = Change::begin(&ctx).await?;
        match db::insert_program(change.conn(), &land_code, &fields)
            .await
            .on_constraint(db::PROGRAM_NAME_TAKEN, DUPLICATE_PROGRAM)?
        {
            Ok(id) => {
                let created = db::find_program(change.conn(), id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                change
                    .created(Record::new("funding_program", id), created.audit_values())
                    .await?;
                return Ok(see_other(&format!(
                    "/foerderprogramme/{id}?hinweis=angelegt"
                )));
            }
            Err(duplicate) => errors = duplicate,
        }
    }
    let mut page = ProgramFormPage::new(ctx.layout, &ctx.user, None, form);
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let program = load_for_change(&ctx.state, &ctx.user, id).await?;
    let edit = Edit::of(&ctx, id, program);
    let form = ProgramForm::from_program(&edit.before);
    let program = Some(edit.before.clone());
    edit.show(ProgramFormPage::new(
        ctx.layout.clone(),
        &ctx.user,
        program,
        form,
    ))
    .await
}

async fn update(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ProgramForm>,
) -> AppResult<Response> {
    let edit = Edit::of(&ctx, id, load_for_change(&ctx.state, &ctx.user, id).await?);
    let program = Some(edit.before.clone());
    let page = |form| ProgramFormPage::new(ctx.layout.clone(), &ctx.user, program, form);
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update_program(change.conn(), id, version(&form.version), &fields)
        .await
        .on_constraint(db::PROGRAM_NAME_TAKEN, DUPLICATE_PROGRAM)?;
    let page = page(form);
    edit.saved(
        change,
        written,
        page,
        &format!("/foerderprogramme/{id}?hinweis=gespeichert"),
    )
    .await
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/phase_form.html")]
struct PhaseFormPage {
    layout: Layout,
    program: Program,
    phase_id: Option<i64>,
    form: PhaseForm,
    rhythms: &'static [Term],
    errors: FieldErrors,
    conflict: Option<Phase>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(PhaseFormPage, Phase);

impl PhaseFormPage {
    fn new(layout: Layout, program: Program, phase_id: Option<i64>, form: PhaseForm) -> Self {
        Self {
            layout,
            program,
            phase_id,
            form,
            rhythms: BERICHTSRHYTHMEN,
            errors: FieldErrors::default(),
            conflict: None,
            history: Vec::new(),
        }
    }

    fn action(&self) -> String {
        match self.phase_id {
            Some(pid) => format!(
                "/foerderprogramme/{}/phasen/{pid}/bearbeiten",
                self.program.id
            ),
            None => format!("/foerderprogramme/{}/phasen/neu", self.program.id),
        }
    }
}

const DUPLICATE_PHASE: &str = "Eine Phase mit diesem Namen gibt es in diesem Programm schon.";

async fn new_phase_form(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let program = load_for_change(&ctx.state, &ctx.user, id).await?;
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM funding_phases WHERE program_id = $1"#,
        id
    )
    .fetch_one(&ctx.state.pool)
    .await?;
    let form = PhaseForm::new_phase(count as usize + 1);
    Ok(PhaseFormPage::new(ctx.layout, program, None, form).into_response())
}

async fn create_phase(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PhaseForm>,
) -> AppResult<Response> {
    let program = load_for_change(&ctx.state, &ctx.user, id).await?;
    let mut errors = match form.validate() {
        Ok(fields) => {
            let mut change = Change::begin(&ctx).await?;
            match db::insert_phase(change.tx(), id, &fields)
                .await
                .on_constraint(db::PHASE_NAME_TAKEN, DUPLICATE_PHASE)?
            {
                Ok(pid) => {
                    change.inserted::<Phase>((id, pid)).await?;
                    return Ok(see_other(&format!(
                        "/foerderprogramme/{id}?hinweis=phase-angelegt"
                    )));
                }
                Err(duplicate) => duplicate,
            }
        }
        Err(errors) => errors,
    };
    let mut page = PhaseFormPage::new(ctx.layout, program, None, form);
    std::mem::swap(&mut page.errors, &mut errors);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_phase_form(ctx: Ctx, Path((id, pid)): Path<(i64, i64)>) -> AppResult<Response> {
    let program = load_for_change(&ctx.state, &ctx.user, id).await?;
    let edit = Edit::<Phase>::load(&ctx, (id, pid)).await?;
    let form = PhaseForm::from_phase(&edit.before);
    edit.show(PhaseFormPage::new(
        ctx.layout.clone(),
        program,
        Some(pid),
        form,
    ))
    .await
}

async fn update_phase(
    ctx: Ctx,
    Path((id, pid)): Path<(i64, i64)>,
    Form(form): Form<PhaseForm>,
) -> AppResult<Response> {
    let program = load_for_change(&ctx.state, &ctx.user, id).await?;
    let edit = Edit::<Phase>::load(&ctx, (id, pid)).await?;
    let page = |form| PhaseFormPage::new(ctx.layout.clone(), program, Some(pid), form);
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    // Evidence that municipalities gave stays attached to its deliverable: such a deliverable
    // cannot be removed (renaming it counts as removing).
    let with_evidence = db::deliverables_with_evidence(&ctx.state.pool, pid).await?;
    let removed: Vec<&String> = with_evidence
        .iter()
        .filter(|t| !fields.deliverables.contains(t))
        .collect();
    if !removed.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add(
            "deliverables",
            format!(
                "Für {} haben Kommunen bereits Nachweise erbracht; diese Nachweise können daher nicht entfernt oder umbenannt werden.",
                removed
                    .iter()
                    .map(|t| format!("„{t}“"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        return edit.rejected(page(form), errors).await;
    }
    let mut change = Change::begin(&ctx).await?;
    let written = db::update_phase(change.tx(), id, pid, version(&form.version), &fields)
        .await
        .on_constraint(db::PHASE_NAME_TAKEN, DUPLICATE_PHASE)?;
    let page = page(form);
    edit.saved(
        change,
        written,
        page,
        &format!("/foerderprogramme/{id}?hinweis=phase-gespeichert"),
    )
    .await
}
