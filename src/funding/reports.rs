//! Reports (Sachberichte): the coordinator opens a due report, which freezes a snapshot of the
//! network; writes drafts; submits. The Land begins the review, accepts, or returns it with a
//! reason; both write in the comment thread. An accepted report is locked for good.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use sqlx::PgPool;
use std::sync::Arc;

use super::db::reports::{
    self, Report, ReportEvent, Snapshot, SnapshotDeliverable, SnapshotGoal, SnapshotIndicator,
    SnapshotMeasure,
};
use super::db::{self, ScheduledReport, Within};
use super::forms::{ReportForm, StepForm};
use super::fundings::FundingAccess;
use super::schedule::{Slot, SlotState};
use time::Date;

use crate::audit::Event;
use crate::computed::Revision;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::identity::SessionUser;
use crate::policy::{self, Action, Readable, ReportRef, Territory, allows, authorize};
use crate::state::AppState;
use crate::states::{MeasureStatus, ReportReview, ReportStatus};
use crate::vocab::{self, HANDLUNGSFELDER, ZIEL_EBENEN};
use crate::web::Ctx;
use crate::web::Notice;
use crate::web::edit::{Change, Record};
use crate::web::filters;
use crate::web::form::{FieldErrors, optional_text, required_text, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/foerderungen/{fid}/berichte", post(open))
        .route("/berichte", get(list))
        .route("/berichte/{rid}", get(show))
        .route("/berichte/{rid}/bearbeiten", get(edit_form).post(save))
        .route("/berichte/{rid}/pruefung", post(begin_review))
        .route("/berichte/{rid}/annehmen", post(accept))
        .route("/berichte/{rid}/zurueckgeben", post(give_back))
        .route("/berichte/{rid}/kommentare", post(comment))
}

/// What the pages of a report show, the same for every reader: kept per revision of its
/// network (the report and its thread are in that network's revision, migration 0022).
#[derive(Clone)]
struct Shown {
    report: Arc<Report>,
    snapshot: Arc<Snapshot>,
    events: Arc<Vec<ReportEvent>>,
}

impl Shown {
    /// Two statements.
    async fn load(pool: &PgPool, rid: i64) -> AppResult<Self> {
        let report = reports::find(pool, rid).await?.ok_or(AppError::NotFound)?;
        Ok(Self {
            snapshot: Arc::new(report.snapshot()),
            events: Arc::new(reports::events(pool, rid).await?),
            report: Arc::new(report),
        })
    }
}

/// A report the user may read.
struct ReadableReport {
    shown: Shown,
    /// Whether the user asking has opened, saved or submitted it.
    edited_by_user: bool,
}

impl ReadableReport {
    fn report_ref(&self) -> ReportRef<'_> {
        let report = &self.shown.report;
        ReportRef {
            territory: Territory {
                ags: &report.kommune_ags,
                land_code: &report.land_code,
            },
            status: report.status,
            edited_by_actor: self.edited_by_user,
        }
    }
}

/// Loads report `rid` as `user` sees it: 404 if there is none, 403 if it belongs to a
/// municipality the user does not cover. One statement, which checks access and reads the
/// revision of the report's network, before the report itself is taken from what is kept.
async fn load(state: &AppState, user: &SessionUser, rid: i64) -> AppResult<ReadableReport> {
    let access = reports::access(&state.pool, rid, user.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        &user.actor(),
        Action::ReadMunicipality(Territory {
            ags: &access.kommune_ags,
            land_code: &access.land_code,
        }),
    )?;
    let revision = Revision {
        day: crate::clock::today(),
        number: access.revision,
    };
    let pool = &state.pool;
    let shown = crate::networks::kept(
        &state.computed,
        access.network_id,
        revision,
        "report",
        Some(rid),
        || Shown::load(pool, rid),
    )
    .await?;
    Ok(ReadableReport {
        shown: (*shown).clone(),
        edited_by_user: access.edited_by_user,
    })
}

// ---------------------------------------------------------------------------------------
// Opening a report: the snapshot
// ---------------------------------------------------------------------------------------

#[derive(Default, Deserialize)]
#[serde(default)]
struct OpenForm {
    seq: String,
}

async fn open(ctx: Ctx, Path(fid): Path<i64>, Form(form): Form<OpenForm>) -> AppResult<Response> {
    let access = FundingAccess::load(&ctx.state, &ctx.user, fid).await?;
    let funding = access.funding;
    authorize(
        &ctx.user.actor(),
        Action::EditReport(ReportRef {
            territory: Territory {
                ags: &funding.kommune_ags,
                land_code: &funding.land_code,
            },
            status: ReportStatus::Draft,
            edited_by_actor: true,
        }),
    )?;
    let seq: i32 =
        form.seq.trim().parse().map_err(|_| {
            AppError::BadRequest("Dieser Bericht steht nicht im Berichtsplan.".into())
        })?;
    let slot = funding
        .schedule()
        .into_iter()
        .find(|s| s.seq == seq)
        .ok_or_else(|| {
            AppError::BadRequest("Dieser Bericht steht nicht im Berichtsplan.".into())
        })?;
    let today = crate::clock::today();
    if slot.period_end >= today {
        return Err(AppError::BadRequest(format!(
            "Der Berichtszeitraum endet erst am {}; der Bericht kann danach begonnen werden.",
            format::date(slot.period_end)
        )));
    }
    let snapshot = take_snapshot(&ctx.state, &funding, &slot).await?;
    let snapshot = serde_json::to_value(&snapshot).map_err(|e| AppError::Internal(e.into()))?;
    let mut change = Change::begin(&ctx).await?;
    let inserted = reports::insert(
        change.conn(),
        fid,
        slot.seq,
        slot.kind.code(),
        slot.period_start,
        slot.period_end,
        slot.due_on,
        &snapshot,
    )
    .await?;
    let Some(rid) = inserted else {
        // Someone opened it a moment ago: go there.
        drop(change);
        let existing = reports::of_funding(&ctx.state.pool, fid)
            .await?
            .into_iter()
            .find(|r| r.seq == seq)
            .ok_or(AppError::NotFound)?;
        return Ok(see_other(&format!("/berichte/{}", existing.id)));
    };
    reports::add_event(change.conn(), rid, "angelegt", &ctx.user, "").await?;
    change
        .created(
            Record::new("report", rid),
            serde_json::json!({
                "Bericht": format!("{} {} bis {}", slot.kind.label(), format::date(slot.period_start), format::date(slot.period_end)),
                "Förderung": format!("{} – {}", funding.program_name, funding.phase_label()),
                "Fällig am": format::date(slot.due_on),
            }),
        )
        .await?;
    Ok(see_other(&format!("/berichte/{rid}/bearbeiten")))
}

/// Goals with their progress on `as_of` (rolled up as on the goals page) and the indicator
/// values measured from `period_start` to `period_end`, as a snapshot keeps them. Four queries.
pub async fn goals_and_indicators(
    db: &mut sqlx::PgConnection,
    network_id: i64,
    period_start: Date,
    period_end: Date,
    as_of: Date,
) -> sqlx::Result<(Vec<SnapshotGoal>, Vec<SnapshotIndicator>)> {
    let tree = crate::goals::tree_as_of(&mut *db, network_id, as_of).await?;
    let goals = tree
        .iter()
        .flat_map(|root| root.flatten())
        .map(|g| SnapshotGoal {
            level: vocab::label(ZIEL_EBENEN, &g.level).to_owned(),
            title: g.title.clone(),
            status: g.status.label().to_owned(),
            progress: g.progress,
            depth: match g.level.as_str() {
                "kernziel" => 0,
                "mittelziel" => 1,
                _ => 2,
            },
        })
        .collect();
    let indicators = crate::indicators::db::all(&mut *db, network_id).await?;
    let values = crate::indicators::db::all_values(&mut *db, network_id).await?;
    let indicators = indicators
        .iter()
        .map(|i| SnapshotIndicator {
            name: i.name.clone(),
            baseline: i
                .baseline_value
                .map(|v| i.value_text(v))
                .unwrap_or_default(),
            target: i.target_text(),
            values: values
                .iter()
                .filter(|v| {
                    v.indicator_id == i.id
                        && v.period_date >= period_start
                        && v.period_date <= period_end
                })
                .map(|v| (format::date(v.period_date), i.value_text(v.value)))
                .collect(),
        })
        .collect();
    Ok((goals, indicators))
}

/// The network as it stands now: goals with progress, indicator values of the period, running
/// measures and the deliverables. Six queries, whatever the size.
async fn take_snapshot(
    state: &AppState,
    funding: &db::Funding,
    slot: &Slot,
) -> AppResult<Snapshot> {
    let network_id = funding.network_id;
    let (goals, indicators) = goals_and_indicators(
        &mut *state.pool.acquire().await?,
        network_id,
        slot.period_start,
        slot.period_end,
        crate::clock::today(),
    )
    .await?;
    let measures = crate::measures::db::all(&state.pool, network_id)
        .await?
        .into_iter()
        .filter(|m| m.fields.status == MeasureStatus::Running)
        .map(|m| SnapshotMeasure {
            fields: vocab::labels(HANDLUNGSFELDER, &m.fields.handlungsfelder),
            reach: m
                .fields
                .reach_per_year
                .map(|r| format!("{} pro Jahr", format::integer(i64::from(r))))
                .unwrap_or_default(),
            title: m.fields.title,
        })
        .collect();
    let deliverables = db::checklist(&state.pool, funding.id, funding.phase_id)
        .await?
        .into_iter()
        .map(|d| SnapshotDeliverable {
            state: d.state_label().to_owned(),
            evidence: d.evidence_text.clone().unwrap_or_default(),
            title: d.title,
        })
        .collect();
    Ok(Snapshot {
        taken_at: format::date_time(time::OffsetDateTime::now_utc()),
        network: funding.network_name.clone(),
        kommune: funding.kommune_name.clone(),
        program: funding.program_name.clone(),
        phase: funding.phase_label(),
        period: format!(
            "{} bis {}",
            format::date(slot.period_start),
            format::date(slot.period_end)
        ),
        goals,
        indicators,
        measures,
        deliverables,
    })
}

// ---------------------------------------------------------------------------------------
// The list of reports
// ---------------------------------------------------------------------------------------

#[derive(Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    stand: String,
}

/// The filter choices of the list: (code, label, which states).
const STAENDE: [(&str, &str, &[SlotState]); 6] = [
    (
        "offen",
        "Fällig oder überfällig",
        &[SlotState::Due, SlotState::Overdue, SlotState::Draft],
    ),
    ("ueberfaellig", "Überfällig", &[SlotState::Overdue]),
    (
        "pruefung",
        "Eingereicht oder in Prüfung",
        &[SlotState::Submitted, SlotState::InReview],
    ),
    ("zurueckgegeben", "Zurückgegeben", &[SlotState::Returned]),
    ("angenommen", "Angenommen", &[SlotState::Accepted]),
    ("anstehend", "Anstehend", &[SlotState::Upcoming]),
];

#[derive(Template, WebTemplate)]
#[template(path = "funding/reports.html")]
struct ListPage {
    layout: Layout,
    reports: Vec<ScheduledReport>,
    stand: String,
    choices: Vec<(&'static str, &'static str)>,
}

/// The fundings a user sees: what the policy lets them read (their municipality's, their
/// Land's, or all).
pub fn within_of(user: &SessionUser) -> Within {
    match policy::readable(&user.actor()) {
        Readable::Municipality { ags } => Within::Kommune(ags),
        Readable::Land { land_code } => Within::Land(land_code),
        Readable::Everything => Within::Everything,
    }
}

async fn list(ctx: Ctx, query: Result<Query<ListQuery>, QueryRejection>) -> AppResult<Response> {
    authorize(&ctx.user.actor(), Action::ListReports)?;
    let query = query.map(|q| q.0).unwrap_or_default();
    let within = within_of(&ctx.user);
    let briefs = db::fundings(&ctx.state.pool, &within).await?;
    let report_briefs = db::report_briefs(&ctx.state.pool, &within).await?;
    let mut reports = db::scheduled(&briefs, &report_briefs, crate::clock::today());
    let chosen = STAENDE.iter().find(|(code, _, _)| *code == query.stand);
    if let Some((_, _, states)) = chosen {
        reports.retain(|r| states.contains(&r.state));
    }
    reports.sort_by_key(|r| (r.slot.due_on, r.funding.network_name.clone()));
    Ok(ListPage {
        layout: ctx.layout,
        reports,
        stand: chosen.map(|c| c.0.to_owned()).unwrap_or_default(),
        choices: STAENDE.iter().map(|(c, l, _)| (*c, *l)).collect(),
    }
    .into_response())
}

// ---------------------------------------------------------------------------------------
// One report
// ---------------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "funding/report.html")]
struct ReportPage {
    layout: Layout,
    snapshot: Arc<Snapshot>,
    events: Arc<Vec<ReportEvent>>,
    can_edit: bool,
    can_review: bool,
    can_comment: bool,
    /// A Land officer (or admin) who edited the report and therefore may not accept it.
    blocked_by_four_eyes: bool,
    form: StepForm,
    errors: FieldErrors,
    conflict: bool,
    notice: Option<&'static str>,
    report: Arc<Report>,
}

impl ReportPage {
    fn new(layout: Layout, user: &SessionUser, readable: ReadableReport) -> Self {
        let actor = user.actor();
        let r = readable.report_ref();
        let can_edit = allows(&actor, Action::EditReport(r));
        let can_review = allows(&actor, Action::ReviewReport(r));
        let would_review = allows(
            &actor,
            Action::ReviewReport(ReportRef {
                edited_by_actor: false,
                ..r
            }),
        );
        let can_comment = allows(&actor, Action::CommentReport(r));
        let Shown {
            report,
            snapshot,
            events,
        } = readable.shown;
        Self {
            layout,
            snapshot,
            events,
            can_edit,
            can_review,
            can_comment,
            blocked_by_four_eyes: would_review && !can_review,
            form: StepForm {
                version: report.version.to_string(),
                ..Default::default()
            },
            errors: FieldErrors::default(),
            conflict: false,
            notice: None,
            report,
        }
    }

    /// The four questions with the coordinator's answers.
    fn answers(&self) -> [(&'static str, &str); 4] {
        let r = &self.report;
        [
            ("Was ist gut gelungen?", r.what_worked.as_str()),
            ("Was ist nicht gelungen?", r.what_did_not.as_str()),
            (
                "Wie waren Kinder, Jugendliche und Familien beteiligt?",
                r.participation.as_str(),
            ),
            (
                "Was ist für den nächsten Zeitraum geplant?",
                r.plans.as_str(),
            ),
        ]
    }

    fn paragraphs(&self, text: &str) -> Vec<String> {
        text.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

async fn show(ctx: Ctx, Path(rid): Path<i64>, notice: Notice) -> AppResult<Response> {
    let report = load(&ctx.state, &ctx.user, rid).await?;
    let mut page = ReportPage::new(ctx.layout, &ctx.user, report);
    page.notice = match notice.code() {
        "gespeichert" => Some("Der Entwurf wurde gespeichert."),
        "eingereicht" => Some("Der Bericht wurde eingereicht. Das Land prüft ihn."),
        "pruefung" => Some("Sie prüfen diesen Bericht jetzt."),
        "angenommen" => Some("Der Bericht wurde angenommen und ist jetzt abgeschlossen."),
        "zurueckgegeben" => Some("Der Bericht wurde mit Ihrer Begründung zurückgegeben."),
        "kommentiert" => Some("Ihr Kommentar wurde hinzugefügt."),
        _ => None,
    };
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/report_form.html")]
struct FormPage {
    layout: Layout,
    report: Arc<Report>,
    snapshot: Arc<Snapshot>,
    form: ReportForm,
    errors: FieldErrors,
    conflict: Option<Arc<Report>>,
    /// Why the Land gave a returned report back: its latest return in the thread.
    returned: Option<reports::ReportEvent>,
}

impl FormPage {
    fn new(layout: Layout, shown: Shown, form: ReportForm) -> Self {
        // Why the Land gave a returned report back: its latest return in the thread.
        let returned = (shown.report.status == ReportStatus::Returned)
            .then(|| {
                shown
                    .events
                    .iter()
                    .rfind(|e| e.kind == ReportReview::Return.event())
                    .cloned()
            })
            .flatten();
        Self {
            layout,
            report: shown.report,
            snapshot: shown.snapshot,
            form,
            errors: FieldErrors::default(),
            conflict: None,
            returned,
        }
    }
}

async fn edit_form(ctx: Ctx, Path(rid): Path<i64>) -> AppResult<Response> {
    let report = load(&ctx.state, &ctx.user, rid).await?;
    authorize(&ctx.user.actor(), Action::EditReport(report.report_ref()))?;
    let form = ReportForm::from_report(&report.shown.report);
    Ok(FormPage::new(ctx.layout, report.shown, form).into_response())
}

async fn save(ctx: Ctx, Path(rid): Path<i64>, Form(form): Form<ReportForm>) -> AppResult<Response> {
    let readable = load(&ctx.state, &ctx.user, rid).await?;
    authorize(&ctx.user.actor(), Action::EditReport(readable.report_ref()))?;
    let before = Arc::clone(&readable.shown.report);
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => {
            let mut page = FormPage::new(ctx.layout.clone(), readable.shown, form);
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let submit = form.submits();
    let mut change = Change::begin(&ctx).await?;
    if !reports::save(change.conn(), rid, version(&form.version), &fields, submit).await? {
        drop(change);
        let mut form = form;
        form.version = before.version.to_string();
        let mut page = FormPage::new(ctx.layout.clone(), readable.shown, form);
        page.conflict = Some(before);
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let kind = if submit { "eingereicht" } else { "gespeichert" };
    reports::add_event(change.conn(), rid, kind, &ctx.user, "").await?;
    let mut after = fields.audit_values();
    after["Status"] = if submit {
        "Eingereicht"
    } else {
        before.status_label()
    }
    .into();
    change
        .finish(
            Event::new(
                if submit { "eingereicht" } else { "geaendert" },
                "report",
                rid,
            )
            .old(before.audit_values())
            .new_values(after),
        )
        .await?;
    Ok(see_other(&format!("/berichte/{rid}?hinweis={kind}")))
}

/// Renders the report page again with the user's input and what went wrong.
fn rejected(
    layout: Layout,
    user: &SessionUser,
    report: ReadableReport,
    form: StepForm,
    errors: FieldErrors,
    conflict: bool,
) -> Response {
    let status = if conflict {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut page = ReportPage::new(layout, user, report);
    page.form = StepForm {
        version: page.report.version.to_string(),
        ..form
    };
    page.errors = errors;
    page.conflict = conflict;
    (status, page).into_response()
}

/// One of the Land's steps: from which states, to which, recorded as what.
async fn review_step(
    ctx: Ctx,
    rid: i64,
    form: StepForm,
    step: ReportReview,
) -> AppResult<Response> {
    let report = load(&ctx.state, &ctx.user, rid).await?;
    authorize(&ctx.user.actor(), Action::ReviewReport(report.report_ref()))?;
    // What the thread records with the step: the reason of a return (required), or the
    // note of an acceptance, which must be confirmed with its checkbox.
    let mut errors = FieldErrors::default();
    let reason = match step {
        ReportReview::Return => required_text(
            &mut errors,
            "reason",
            "eine Begründung für die Rückgabe",
            &form.reason,
            4000,
        ),
        ReportReview::Accept => {
            if form.confirmed != "ja" {
                errors.add(
                    "confirmed",
                    "Bitte bestätigen Sie, dass Sie den Bericht geprüft haben und annehmen.",
                );
            }
            optional_text(&mut errors, "note", &form.note, 4000).unwrap_or_default()
        }
        ReportReview::Begin => String::new(),
    };
    if !errors.is_empty() {
        return Ok(rejected(ctx.layout, &ctx.user, report, form, errors, false));
    }
    let kind = step.event();
    // The notice shown after the redirect (see `show`).
    let hint = match step {
        ReportReview::Begin => "pruefung",
        ReportReview::Accept | ReportReview::Return => kind,
    };
    let mut change = Change::begin(&ctx).await?;
    if !reports::review(change.conn(), rid, version(&form.version), step).await? {
        drop(change);
        return Ok(rejected(
            ctx.layout,
            &ctx.user,
            report,
            form,
            FieldErrors::default(),
            true,
        ));
    }
    reports::add_event(change.conn(), rid, kind, &ctx.user, &reason).await?;
    let mut new_values = serde_json::json!({
        "Status": step.to().label(),
    });
    if !reason.is_empty() {
        let label = if step == ReportReview::Return {
            "Begründung"
        } else {
            "Anmerkung"
        };
        new_values[label] = reason.clone().into();
    }
    change
        .finish(
            Event::new(kind, "report", rid)
                .old(serde_json::json!({ "Status": report.shown.report.status_label() }))
                .new_values(new_values),
        )
        .await?;
    Ok(see_other(&format!("/berichte/{rid}?hinweis={hint}")))
}

async fn begin_review(
    ctx: Ctx,
    Path(rid): Path<i64>,
    Form(form): Form<StepForm>,
) -> AppResult<Response> {
    review_step(ctx, rid, form, ReportReview::Begin).await
}

async fn accept(ctx: Ctx, Path(rid): Path<i64>, Form(form): Form<StepForm>) -> AppResult<Response> {
    review_step(ctx, rid, form, ReportReview::Accept).await
}

async fn give_back(
    ctx: Ctx,
    Path(rid): Path<i64>,
    Form(form): Form<StepForm>,
) -> AppResult<Response> {
    review_step(ctx, rid, form, ReportReview::Return).await
}

async fn comment(
    ctx: Ctx,
    Path(rid): Path<i64>,
    Form(form): Form<StepForm>,
) -> AppResult<Response> {
    let report = load(&ctx.state, &ctx.user, rid).await?;
    authorize(
        &ctx.user.actor(),
        Action::CommentReport(report.report_ref()),
    )?;
    let mut errors = FieldErrors::default();
    let text = required_text(
        &mut errors,
        "comment",
        "einen Kommentar",
        &form.comment,
        4000,
    );
    if !errors.is_empty() {
        return Ok(rejected(ctx.layout, &ctx.user, report, form, errors, false));
    }
    let mut change = Change::begin(&ctx).await?;
    reports::add_event(change.conn(), rid, "kommentar", &ctx.user, &text).await?;
    change
        .finish(
            Event::new("kommentiert", "report", rid)
                .new_values(serde_json::json!({ "Kommentar": text })),
        )
        .await?;
    Ok(see_other(&format!(
        "/berichte/{rid}?hinweis=kommentiert#verlauf"
    )))
}
