//! Fundings of a network: the Land records them (phase, period, amounts, status) and
//! confirms deliverables; the municipality gives the evidence. Moving on to the next phase is
//! a new funding, and its form shows what the current phase still lacks.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::db::reports::{self, ReportLine};
use super::db::{self, ChecklistItem, Funding, PhaseOption, ScheduledReport, Within};
use super::forms::{EvidenceForm, FundingForm, StepForm};
use crate::audit::{self, Event, HistoryLine};
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::networks::{Need, NetworkContext};
use crate::policy::{Action, Territory, allows, authorize};
use crate::state::AppState;
use crate::states::FundingStatus;
use crate::vocab::Term;
use crate::web::Ctx;
use crate::web::Notice;
use crate::web::edit::{Change, Edit, Record};
use crate::web::filters;
use crate::web::form::{FieldErrors, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}/foerderungen", get(of_network))
        .route(
            "/netzwerke/{id}/foerderungen/neu",
            get(new_form).post(create),
        )
        .route("/foerderungen/{fid}", get(detail))
        .route(
            "/foerderungen/{fid}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/foerderungen/{fid}/nachweise/{did}",
            get(evidence_form).post(save_evidence),
        )
        .route(
            "/foerderungen/{fid}/nachweise/{did}/bestaetigen",
            post(confirm),
        )
}

/// A funding the user may read, with what they may do with it.
pub struct FundingAccess {
    pub funding: Funding,
    /// The Land's side: change the funding, confirm deliverables.
    pub can_manage: bool,
    /// The municipality's side: give evidence, open and write reports.
    pub can_provide: bool,
}

impl FundingAccess {
    /// Loads funding `id` and asks the policy: 404 if there is none, 403 if it belongs to a
    /// municipality the user does not cover. One query.
    pub async fn load(state: &AppState, user: &SessionUser, id: i64) -> AppResult<Self> {
        let funding = db::find_funding(&state.pool, id)
            .await?
            .ok_or(AppError::NotFound)?;
        Self::of(user, funding)
    }

    /// Asks the policy what `user` may do with `funding`: 403 if it belongs to a
    /// municipality the user does not cover.
    fn of(user: &SessionUser, funding: Funding) -> AppResult<Self> {
        let actor = user.actor();
        let territory = Territory {
            ags: &funding.kommune_ags,
            land_code: &funding.land_code,
        };
        authorize(&actor, Action::ReadMunicipality(territory))?;
        let can_manage = allows(&actor, Action::ManageFunding(territory));
        let can_provide = allows(&actor, Action::ProvideEvidence(territory));
        Ok(Self {
            funding,
            can_manage,
            can_provide,
        })
    }

    fn must_manage(self, user: &SessionUser) -> AppResult<Funding> {
        if self.can_manage {
            Ok(self.funding)
        } else {
            tracing::warn!(
                user_id = user.user_id,
                funding = self.funding.id,
                "Zugriff verweigert"
            );
            Err(AppError::Forbidden)
        }
    }
}

fn territory(network: &NetworkContext) -> Territory<'_> {
    Territory {
        ags: &network.kommune_ags,
        land_code: &network.land_code,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/network_fundings.html")]
struct NetworkPage {
    layout: Layout,
    network: NetworkContext,
    /// Newest first.
    fundings: Vec<Funding>,
    reports: Vec<ScheduledReport>,
    can_manage: bool,
}

async fn of_network(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let can_manage = allows(
        &ctx.user.actor(),
        Action::ManageFunding(territory(&network)),
    );
    let within = Within::Network(id);
    let mut fundings = db::fundings(&ctx.state.pool, &within).await?;
    let report_briefs = db::report_briefs(&ctx.state.pool, &within).await?;
    let mut reports = db::scheduled(&fundings, &report_briefs, crate::clock::today());
    reports.sort_by_key(|r| r.slot.due_on);
    fundings.reverse();
    Ok(NetworkPage {
        layout: ctx.layout,
        fundings,
        reports,
        network,
        can_manage,
    }
    .into_response())
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct NewQuery {
    /// Follows on from this funding (the next phase).
    anschluss: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/funding_form.html")]
struct FormPage {
    layout: Layout,
    network: NetworkContext,
    /// `None` while recording a new funding.
    funding: Option<Funding>,
    /// The funding this one follows on from, and what it still lacks.
    previous: Option<(Funding, Vec<ChecklistItem>)>,
    phases: Vec<PhaseOption>,
    statuses: &'static [Term],
    form: FundingForm,
    errors: FieldErrors,
    conflict: Option<Funding>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(FormPage, Funding);

impl FormPage {
    fn new(
        layout: Layout,
        network: NetworkContext,
        funding: Option<Funding>,
        form: FundingForm,
    ) -> Self {
        Self {
            layout,
            network,
            funding,
            previous: None,
            phases: Vec::new(),
            statuses: FundingStatus::TERMS,
            form,
            errors: FieldErrors::default(),
            conflict: None,
            history: Vec::new(),
        }
    }

    fn action(&self) -> String {
        match &self.funding {
            Some(f) => format!("{}/bearbeiten", f.href()),
            None => format!("{}/foerderungen/neu", self.network.href()),
        }
    }

    fn missing(&self) -> Vec<&ChecklistItem> {
        self.previous
            .as_ref()
            .map(|(_, items)| items.iter().filter(|i| !i.is_confirmed()).collect())
            .unwrap_or_default()
    }
}

/// The network for a new funding, if the user may record fundings for it.
async fn network_to_fund(
    state: &AppState,
    user: &SessionUser,
    id: i64,
) -> AppResult<NetworkContext> {
    let network = NetworkContext::load(&state.pool, user, id, Need::Read).await?;
    authorize(&user.actor(), Action::ManageFunding(territory(&network)))?;
    Ok(network)
}

/// The funding a new one follows on from, with its checklist; only of the same network.
async fn previous_of(
    state: &AppState,
    network_id: i64,
    anschluss: &str,
) -> AppResult<Option<(Funding, Vec<ChecklistItem>)>> {
    let Ok(id) = anschluss.parse::<i64>() else {
        return Ok(None);
    };
    let Some(previous) = db::find_funding(&state.pool, id).await? else {
        return Ok(None);
    };
    if previous.network_id != network_id {
        return Ok(None);
    }
    let items = db::checklist(&state.pool, previous.id, previous.phase_id).await?;
    Ok(Some((previous, items)))
}

async fn new_form(
    ctx: Ctx,
    Path(id): Path<i64>,
    query: Result<Query<NewQuery>, QueryRejection>,
) -> AppResult<Response> {
    let network = network_to_fund(&ctx.state, &ctx.user, id).await?;
    let query = query.map(|q| q.0).unwrap_or_default();
    let previous = previous_of(&ctx.state, id, &query.anschluss).await?;
    let phases = db::phase_options(&ctx.state.pool, &network.land_code).await?;
    let mut form = FundingForm {
        status: FundingStatus::Applied.code().into(),
        ..Default::default()
    };
    if let Some((prev, _)) = &previous {
        form.anschluss = prev.id.to_string();
        form.start_date = (prev.end_date + time::Duration::days(1)).to_string();
        form.phase_id = next_phase(&ctx.state, prev)
            .await?
            .map(|p| p.to_string())
            .unwrap_or_default();
    }
    let mut page = FormPage::new(ctx.layout, network, None, form);
    page.previous = previous;
    page.phases = phases;
    Ok(page.into_response())
}

/// The phase after `funding`'s: the next in order, or the same again if it is repeatable and
/// the last.
async fn next_phase(state: &AppState, funding: &Funding) -> AppResult<Option<i64>> {
    let phases = db::phases(&state.pool, funding.program_id).await?;
    let next = phases
        .iter()
        .find(|p| p.position > funding.phase_position)
        .map(|p| p.id);
    Ok(next.or(funding.repeatable.then_some(funding.phase_id)))
}

async fn create(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<FundingForm>,
) -> AppResult<Response> {
    let network = network_to_fund(&ctx.state, &ctx.user, id).await?;
    let phase_id = form.phase_id.trim().parse::<i64>().unwrap_or(-1);
    let phase = db::phase_for_funding(&ctx.state.pool, phase_id, id)
        .await?
        .filter(|p| p.land_code == network.land_code);
    let mut errors = FieldErrors::default();
    let fields = match &phase {
        None => {
            errors.add(
                "phase_id",
                "Bitte eine Phase eines Förderprogramms Ihres Landes auswählen.",
            );
            form.validate(24, 0.0).err()
        }
        Some(phase) => {
            if phase.earlier > 0 && !phase.repeatable {
                errors.add(
                    "phase_id",
                    format!(
                        "Das Netzwerk war bereits in der Phase „{}“ gefördert, und sie kann nicht wiederholt werden.",
                        phase.name
                    ),
                );
            }
            match form.validate(phase.duration_months, phase.own_share_percent) {
                Ok(fields) if errors.is_empty() => {
                    let phase_repetition = phase.earlier as i32 + 1;
                    let mut change = Change::begin(&ctx).await?;
                    let fid = db::insert_funding(
                        change.conn(),
                        id,
                        phase.program_id,
                        phase_id,
                        phase_repetition,
                        &fields,
                    )
                    .await?;
                    let created = db::find_funding(change.conn(), fid)
                        .await?
                        .ok_or(AppError::NotFound)?;
                    change
                        .created(Record::new("funding", fid), created.audit_values())
                        .await?;
                    return Ok(see_other(&format!("{}?hinweis=angelegt", created.href())));
                }
                Ok(_) => None,
                Err(e) => Some(e),
            }
        }
    };
    for e in fields.into_iter().flatten() {
        errors.add(e.field, e.message);
    }
    let previous = previous_of(&ctx.state, id, &form.anschluss).await?;
    let phases = db::phase_options(&ctx.state.pool, &network.land_code).await?;
    let mut page = FormPage::new(ctx.layout, network, None, form);
    page.previous = previous;
    page.phases = phases;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/funding.html")]
struct DetailPage {
    layout: Layout,
    network: NetworkContext,
    access: FundingAccess,
    checklist: Vec<ChecklistItem>,
    schedule: Vec<ScheduledReport>,
    /// Stored reports whose slot is no longer in the schedule (the period changed later).
    orphans: Vec<ReportLine>,
    next_phase: Option<i64>,
    today: time::Date,
    notice: Option<&'static str>,
}

impl DetailPage {
    fn funding(&self) -> &Funding {
        &self.access.funding
    }

    fn missing(&self) -> usize {
        self.checklist.iter().filter(|i| !i.is_confirmed()).count()
    }

    /// The coordinator may open the report of a slot once its period has ended.
    fn can_open(&self, r: &ScheduledReport) -> bool {
        self.access.can_provide && r.report_id.is_none() && r.slot.period_end < self.today
    }

    fn report_title(&self, r: &ReportLine) -> String {
        format!(
            "{} {} bis {}",
            super::schedule::ReportKind::label_of(&r.kind),
            crate::format::date(r.period_start),
            crate::format::date(r.period_end)
        )
    }
}

async fn detail(ctx: Ctx, Path(fid): Path<i64>, notice: Notice) -> AppResult<Response> {
    // Access is checked on the funding's network, the funding's own territory, before
    // anything kept is shown.
    let network =
        NetworkContext::load_of_funding(&ctx.state.pool, &ctx.user, fid, Need::Read).await?;
    let state = &ctx.state;
    // The funding, its evidence, reports and the program's phases change only with the
    // network's revision.
    let (funding, checklist, stored, next) = (*network
        .kept(&ctx.state.computed, "funding", Some(fid), || async move {
            let funding = db::find_funding(&state.pool, fid)
                .await?
                .ok_or(AppError::NotFound)?;
            let checklist = db::checklist(&state.pool, fid, funding.phase_id).await?;
            let stored = reports::of_funding(&state.pool, fid).await?;
            let next = next_phase(state, &funding).await?;
            Ok((funding, checklist, stored, next))
        })
        .await?)
        .clone();
    let access = FundingAccess::of(&ctx.user, funding)?;
    let funding = &access.funding;
    let today = crate::clock::today();
    let slots = funding.schedule();
    let briefs: Vec<db::ReportBrief> = stored
        .iter()
        .map(|r| db::ReportBrief {
            id: r.id,
            funding_id: fid,
            seq: r.seq,
            status: r.status,
            submitted_at: r.submitted_at,
        })
        .collect();
    let schedule = db::scheduled(std::slice::from_ref(funding), &briefs, today);
    let orphans = stored
        .into_iter()
        .filter(|r| !slots.iter().any(|s| s.seq == r.seq))
        .collect();
    let next_phase = next.filter(|_| access.can_manage);
    let notice = match notice.code() {
        "angelegt" => Some("Die Förderung wurde angelegt."),
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        "nachweis" => Some("Der Nachweis wurde gespeichert. Das Land bestätigt ihn."),
        "bestaetigt" => Some("Der Nachweis wurde bestätigt."),
        _ => None,
    };
    Ok(DetailPage {
        layout: ctx.layout,
        network,
        access,
        checklist,
        schedule,
        orphans,
        next_phase,
        today,
        notice,
    }
    .into_response())
}

async fn edit_form(ctx: Ctx, Path(fid): Path<i64>) -> AppResult<Response> {
    let funding = FundingAccess::load(&ctx.state, &ctx.user, fid)
        .await?
        .must_manage(&ctx.user)?;
    let network =
        NetworkContext::load(&ctx.state.pool, &ctx.user, funding.network_id, Need::Read).await?;
    let form = FundingForm::from_funding(&funding);
    let page = FormPage::new(ctx.layout.clone(), network, Some(funding.clone()), form);
    Edit::of(&ctx, fid, funding).show(page).await
}

async fn update(
    ctx: Ctx,
    Path(fid): Path<i64>,
    Form(form): Form<FundingForm>,
) -> AppResult<Response> {
    let before = FundingAccess::load(&ctx.state, &ctx.user, fid)
        .await?
        .must_manage(&ctx.user)?;
    let network =
        NetworkContext::load(&ctx.state.pool, &ctx.user, before.network_id, Need::Read).await?;
    let valid = form.validate(before.duration_months, before.own_share_percent);
    let done = format!("{}?hinweis=gespeichert", before.href());
    let edit = Edit::of(&ctx, fid, before);
    let funding = Some(edit.before.clone());
    let page = |form| FormPage::new(ctx.layout.clone(), network, funding, form);
    let fields = match valid {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update_funding(change.conn(), fid, version(&form.version), &fields).await?;
    let page = page(form);
    edit.saved(change, Ok(written), page, &done).await
}

#[derive(Template, WebTemplate)]
#[template(path = "funding/evidence_form.html")]
struct EvidencePage {
    layout: Layout,
    funding: Funding,
    item: ChecklistItem,
    form: EvidenceForm,
    errors: FieldErrors,
    conflict: Option<ChecklistItem>,
    history: Vec<HistoryLine>,
}

/// The funding (for its municipality's side) and one item of its checklist.
async fn evidence_target(
    state: &AppState,
    user: &SessionUser,
    fid: i64,
    did: i64,
) -> AppResult<(Funding, ChecklistItem)> {
    let access = FundingAccess::load(state, user, fid).await?;
    if !access.can_provide {
        tracing::warn!(user_id = user.user_id, funding = fid, "Zugriff verweigert");
        return Err(AppError::Forbidden);
    }
    let funding = access.funding;
    let item = db::checklist(&state.pool, fid, funding.phase_id)
        .await?
        .into_iter()
        .find(|i| i.deliverable_id == did)
        .ok_or(AppError::NotFound)?;
    if funding.status == FundingStatus::Refused {
        return Err(AppError::BadRequest(
            "Die Förderung wurde abgelehnt; Nachweise werden dafür nicht mehr erbracht.".into(),
        ));
    }
    Ok((funding, item))
}

fn evidence_key(fid: i64, did: i64) -> String {
    format!("{fid}-{did}")
}

async fn evidence_form(ctx: Ctx, Path((fid, did)): Path<(i64, i64)>) -> AppResult<Response> {
    let (funding, item) = evidence_target(&ctx.state, &ctx.user, fid, did).await?;
    let history = audit::history(
        &ctx.state.pool,
        "funding_deliverable",
        &evidence_key(fid, did),
    )
    .await?;
    Ok(EvidencePage {
        layout: ctx.layout,
        form: EvidenceForm::from_item(&item),
        funding,
        item,
        errors: FieldErrors::default(),
        conflict: None,
        history,
    }
    .into_response())
}

async fn save_evidence(
    ctx: Ctx,
    Path((fid, did)): Path<(i64, i64)>,
    Form(form): Form<EvidenceForm>,
) -> AppResult<Response> {
    let (funding, before) = evidence_target(&ctx.state, &ctx.user, fid, did).await?;
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                EvidencePage {
                    layout: ctx.layout.clone(),
                    funding,
                    item: before,
                    form,
                    errors,
                    conflict: None,
                    history: Vec::new(),
                },
            )
                .into_response());
        }
    };
    let expected = version(&form.version);
    let mut change = Change::begin(&ctx).await?;
    let written = if expected == 0 {
        db::insert_evidence(
            change.conn(),
            fid,
            funding.phase_id,
            did,
            ctx.user.user_id,
            &fields,
        )
        .await?
    } else {
        db::update_evidence(change.conn(), fid, did, expected, ctx.user.user_id, &fields).await?
    };
    if !written {
        drop(change);
        let mut form = form;
        form.version = before.version.to_string();
        return Ok((
            StatusCode::CONFLICT,
            EvidencePage {
                layout: ctx.layout.clone(),
                funding,
                conflict: Some(before.clone()),
                item: before,
                form,
                errors: FieldErrors::default(),
                history: Vec::new(),
            },
        )
            .into_response());
    }
    let after = ChecklistItem {
        evidence_text: Some(fields.text.clone()),
        evidence_link: Some(fields.link.clone()),
        evidence_date: fields.date,
        confirmed_at: None,
        ..before.clone()
    };
    let mut event = Event::new(
        if expected == 0 {
            "angelegt"
        } else {
            "geaendert"
        },
        "funding_deliverable",
        evidence_key(fid, did),
    )
    .new_values(after.audit_values());
    if expected != 0 {
        event = event.old(before.audit_values());
    }
    change.finish(event).await?;
    Ok(see_other(&format!(
        "{}?hinweis=nachweis#nachweise",
        funding.href()
    )))
}

async fn confirm(
    ctx: Ctx,
    Path((fid, did)): Path<(i64, i64)>,
    Form(form): Form<StepForm>,
) -> AppResult<Response> {
    let funding = FundingAccess::load(&ctx.state, &ctx.user, fid)
        .await?
        .must_manage(&ctx.user)?;
    let before = db::checklist(&ctx.state.pool, fid, funding.phase_id)
        .await?
        .into_iter()
        .find(|i| i.deliverable_id == did)
        .ok_or(AppError::NotFound)?;
    let mut change = Change::begin(&ctx).await?;
    if !db::confirm_evidence(
        change.conn(),
        fid,
        did,
        version(&form.version),
        ctx.user.user_id,
    )
    .await?
    {
        return Err(AppError::Conflict(
            "Der Nachweis wurde inzwischen geändert oder schon bestätigt. Bitte sehen Sie ihn sich noch einmal an.".into(),
        ));
    }
    let mut after = before.audit_values();
    after["Bestätigt"] = true.into();
    change
        .finish(
            Event::new(
                "nachweis_bestaetigt",
                "funding_deliverable",
                evidence_key(fid, did),
            )
            .old(before.audit_values())
            .new_values(after),
        )
        .await?;
    Ok(see_other(&format!(
        "{}?hinweis=bestaetigt#nachweise",
        funding.href()
    )))
}
