use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::{Form, Query};
use serde::Deserialize;

use super::db::{self, Entry, Hit, NetworkLink, SearchRequest};
use super::facets::FacetCount;
use super::forms::{CitationRow, EntryForm};
use super::markdown;
use super::search::{self, Params, Segment};
use super::vocab::{
    ARTEN, EBENEN, QUELLENARTEN, THEMEN, kind_explanation, source_caveat, source_title,
};
use crate::audit::{self, Event, HistoryLine};
use crate::config::ContentLicense;
use crate::error::{AppError, AppResult};
use crate::identity::SessionUser;
use crate::policy::{self, Action, EntryRef, Role, Scope};
use crate::state::AppState;
use crate::states::{EntryMove, EntryStatus};
use crate::users::db::{LandOption, laender};
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN, Term};
use crate::web::Notice;
use crate::web::edit::{Change, Record};
use crate::web::filters;
use crate::web::form::{FieldErrors, version};
use crate::web::paging::{Paging, Requested};
use crate::web::{Ctx, PublicCtx};
use crate::web::{Layout, see_other};
use crate::web::{encode_query, with_query};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/wissen", get(search_page))
        .route("/wissen/meine", get(my_entries))
        .route("/wissen/neu", get(new_form).post(create))
        .route("/wissen/eintrag/{slug}", get(entry_page))
        .route(
            "/wissen/eintrag/{slug}/bearbeiten",
            get(edit_form).post(update),
        )
        .route("/wissen/eintrag/{slug}/status", post(change_status))
}

fn entry_ref(entry: &Entry) -> EntryRef<'_> {
    EntryRef {
        status: entry.status,
        author_user_id: entry.author_user_id,
        author_kommune_ags: entry.author_kommune_ags.as_deref(),
        author_land_code: entry.author_land_code.as_deref(),
    }
}

fn may(user: Option<&SessionUser>, action: Action<'_>) -> bool {
    match user {
        Some(user) => policy::allows(&user.actor(), action),
        None => policy::allows_visitor(action),
    }
}

/// Loads an entry the user may see; drafts of others are "not found", not "forbidden", so
/// that their existence does not leak.
async fn visible_entry(
    state: &AppState,
    user: Option<&SessionUser>,
    slug: &str,
) -> AppResult<Entry> {
    let entry = db::find(&state.pool, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if may(user, Action::ReadKnowledge(entry_ref(&entry))) {
        Ok(entry)
    } else {
        Err(AppError::NotFound)
    }
}

// ---------------------------------------------------------------- search

/// A facet value with its count and whether it is ticked.
struct FacetOption {
    value: String,
    label: String,
    count: i64,
    checked: bool,
}

struct Facet {
    /// The query parameter.
    name: &'static str,
    legend: &'static str,
    options: Vec<FacetOption>,
}

struct ResultItem {
    slug: String,
    title: String,
    kind: String,
    meta: String,
    snippet: Vec<Segment>,
}

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/search.html")]
struct SearchPage {
    layout: Layout,
    query: String,
    /// The query had words, but none that can be searched (only punctuation …).
    ignored_query: bool,
    /// "Meinten Sie …?": the query with misspelt words replaced, and its search address.
    suggestion: Option<(String, String)>,
    by_date: bool,
    paging: Paging,
    found: Arc<Found>,
    /// The current filters as a query string, to carry into paging and sort links.
    current: String,
    /// The Atom feed of the chosen facets (`opendata`).
    feed: String,
    license: ContentLicense,
    can_draft: bool,
    /// Every kind with what it means.
    kinds: Vec<(Term, &'static str)>,
}

impl SearchPage {
    /// How many filter options are ticked, for the summary of the folded filters.
    fn chosen_filters(&self) -> usize {
        self.found
            .facets
            .iter()
            .flat_map(|f| &f.options)
            .filter(|o| o.checked)
            .count()
    }
}

/// What a search found, ready to show: the same for everybody who asks the same.
struct Found {
    total: i64,
    results: Vec<ResultItem>,
    facets: Vec<Facet>,
    /// See `db::SearchResult::suggestions`.
    suggestions: HashMap<String, String>,
}

/// Searches kept, the most recently asked (a page of snippets with its facets: about 15 KB).
const KEPT_SEARCHES: usize = 1_000;

/// The search `request`, kept per revision of what it reads (`db::revision`): people search
/// the same words again and again, and a kept search costs one statement instead of finding,
/// ranking and cutting snippets again. A change of an entry, a synonym or a Land shows at
/// once, on every node.
async fn found(state: &AppState, request: &SearchRequest) -> AppResult<Arc<Found>> {
    let revision = db::revision(&state.pool).await?;
    let found = state
        .computed
        .get_or_compute_kept(
            "knowledge_search",
            &request.key(),
            revision,
            KEPT_SEARCHES,
            || async {
                let result = db::search(&state.pool, &state.search_pool, request).await?;
                Ok::<_, sqlx::Error>(Found::new(request, result))
            },
        )
        .await?;
    Ok(found)
}

impl Found {
    fn new(request: &SearchRequest, result: db::SearchResult) -> Self {
        let facets = vec![
            facet("art", "Art", ARTEN, &request.kinds, &result.facets),
            facet("ebene", "Ebene", EBENEN, &request.levels, &result.facets),
            facet(
                "feld",
                "Handlungsfeld",
                HANDLUNGSFELDER,
                &request.felder,
                &result.facets,
            ),
            facet("thema", "Thema", THEMEN, &request.themen, &result.facets),
            facet(
                "phase",
                "Lebensphase",
                LEBENSPHASEN,
                &request.phasen,
                &result.facets,
            ),
            dynamic_facet("land", "Land", &request.laender, &result.facets),
            dynamic_facet(
                "jahr",
                "Jahr",
                &request
                    .years
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>(),
                &result.facets,
            ),
        ];
        // Snippets mark the synonyms that found an entry as well as the typed words.
        let marked = if result.words.is_empty() {
            &request.terms
        } else {
            &result.words
        };
        Self {
            total: result.total,
            results: result
                .hits
                .into_iter()
                .map(|hit| result_item(hit, marked))
                .collect(),
            facets,
            suggestions: result.suggestions,
        }
    }
}

async fn search_page(ctx: PublicCtx, Query(params): Query<Params>) -> AppResult<Response> {
    let query = params.query();
    let request = params.request(&query);
    let page = Requested::new(&params.seite, db::PAGE_SIZE);
    let found = found(&ctx.state, &request).await?;
    let current = query_string(
        &query,
        &found.facets,
        request.by_date && !request.terms.is_empty(),
    );
    let feed = with_query(super::FEED, &chosen(&found.facets));
    let suggestion = search::corrected(&query, &found.suggestions).map(|corrected| {
        let href = with_query("/wissen", &[("q", corrected.as_str())]);
        (corrected, href)
    });
    Ok(SearchPage {
        layout: ctx.layout,
        ignored_query: !query.trim().is_empty() && request.terms.is_empty(),
        suggestion,
        query,
        by_date: request.by_date,
        paging: page.paging(
            found.total,
            if current.is_empty() {
                "/wissen".to_owned()
            } else {
                format!("/wissen?{current}")
            },
        ),
        found,
        current,
        feed,
        license: ctx.state.config.content_license.clone(),
        can_draft: ctx.user.is_some(),
        kinds: ARTEN
            .iter()
            .map(|kind| (*kind, kind_explanation(kind.code)))
            .collect(),
    }
    .into_response())
}

fn result_item(hit: Hit, terms: &[String]) -> ResultItem {
    // The summary, unless only the body has the words.
    let summary = search::snippet(&hit.summary, terms, 220);
    let snippet = if terms.is_empty() || summary.iter().any(|s| s.hit) {
        summary
    } else {
        search::snippet(&markdown::to_plain_text(&hit.body), terms, 220)
    };
    let mut meta = vec![source_title(&hit.source_document).to_owned()];
    if !hit.source_section.is_empty() {
        meta.push(hit.source_section.clone());
    }
    if !hit.place.is_empty() {
        meta.push(hit.place.clone());
    }
    if let Some(year) = hit.year {
        meta.push(year.to_string());
    }
    ResultItem {
        snippet,
        slug: hit.slug,
        title: hit.title,
        kind: vocab::label(ARTEN, &hit.kind).to_owned(),
        meta: meta.join(" · "),
    }
}

fn count_of(counts: &[FacetCount], facet: &str, value: &str) -> i64 {
    counts
        .iter()
        .find(|c| c.facet == facet && c.value == value)
        .map_or(0, |c| c.count)
}

/// A facet over a fixed vocabulary: values with hits, and ticked ones even without.
fn facet(
    name: &'static str,
    legend: &'static str,
    terms: &[Term],
    chosen: &[String],
    counts: &[FacetCount],
) -> Facet {
    let options = terms
        .iter()
        .map(|term| FacetOption {
            value: term.code.to_owned(),
            label: term.label.to_owned(),
            count: count_of(counts, name, term.code),
            checked: chosen.iter().any(|c| c == term.code),
        })
        .filter(|o| o.count > 0 || o.checked)
        .collect();
    Facet {
        name,
        legend,
        options,
    }
}

/// A facet whose values come from the hits (Länder, years).
fn dynamic_facet(
    name: &'static str,
    legend: &'static str,
    chosen: &[String],
    counts: &[FacetCount],
) -> Facet {
    let mut options: Vec<FacetOption> = counts
        .iter()
        .filter(|c| c.facet == name)
        .map(|c| FacetOption {
            value: c.value.clone(),
            label: c.label.clone().unwrap_or_else(|| c.value.clone()),
            count: c.count,
            checked: chosen.contains(&c.value),
        })
        .collect();
    for value in chosen {
        if !options.iter().any(|o| &o.value == value) {
            options.push(FacetOption {
                value: value.clone(),
                label: value.clone(),
                count: 0,
                checked: true,
            });
        }
    }
    if name == "jahr" {
        options.sort_by(|a, b| b.value.cmp(&a.value));
    } else {
        options.sort_by(|a, b| a.label.cmp(&b.label));
    }
    Facet {
        name,
        legend,
        options,
    }
}

/// The ticked facet values as query pairs.
fn chosen(facets: &[Facet]) -> Vec<(&'static str, &str)> {
    facets
        .iter()
        .flat_map(|facet| {
            facet
                .options
                .iter()
                .filter(|o| o.checked)
                .map(|o| (facet.name, o.value.as_str()))
        })
        .collect()
}

fn query_string(query: &str, facets: &[Facet], by_date: bool) -> String {
    let mut pairs = vec![("q", query)];
    pairs.extend(chosen(facets));
    if by_date {
        pairs.push(("sortierung", "datum"));
    }
    encode_query(&pairs)
}

// ---------------------------------------------------------------- entry page

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/entry.html")]
struct EntryPage {
    layout: Layout,
    entry: Entry,
    body_html: String,
    source: String,
    /// What the source says of its own standing (see `source_caveat`).
    caveat: Option<&'static str>,
    felder: Vec<Term>,
    themen: Vec<Term>,
    phasen: Vec<Term>,
    /// Public networks with running measures in the entry's Handlungsfelder and Lebensphasen.
    networks: Vec<NetworkLink>,
    can_edit: bool,
    can_submit: bool,
    can_review: bool,
    /// Every version (who, when, what changed): for reviewers only.
    history: Vec<HistoryLine>,
    errors: FieldErrors,
    comment: String,
    notice: Option<&'static str>,
    /// Published good practice: which networks took it over, and whether the user may.
    adoptions: Option<db::Adoptions>,
    can_adopt: bool,
    license: ContentLicense,
    /// Who publishes the platform, named in the attribution the licence asks for.
    publisher: String,
}

async fn build_entry_page(
    state: &AppState,
    layout: Layout,
    user: Option<&SessionUser>,
    entry: Entry,
) -> AppResult<EntryPage> {
    let target = entry_ref(&entry);
    let can_review = may(user, Action::ReviewKnowledge);
    let is_practice = entry.kind == "good_practice" && entry.status == EntryStatus::Published;
    let history = if can_review {
        audit::history(&state.pool, "knowledge", &entry.id.to_string()).await?
    } else {
        Vec::new()
    };
    let picked = |terms: &[Term], codes: &[String]| {
        terms
            .iter()
            .filter(|t| codes.iter().any(|c| c == t.code))
            .copied()
            .collect()
    };
    // An entry for every age speaks to every Lebensphase.
    let phases: Vec<String> = if entry.lebensphasen.is_empty() {
        LEBENSPHASEN.iter().map(|p| p.code.to_owned()).collect()
    } else {
        entry.lebensphasen.clone()
    };
    let html = entry.html();
    Ok(EntryPage {
        layout,
        // The source is named once, below the text, not again in the body's last line.
        body_html: if entry.source_document.is_empty() {
            html
        } else {
            markdown::without_source_line(&html).to_owned()
        },
        source: source_title(&entry.source_document).to_owned(),
        caveat: source_caveat(&entry.source_document),
        felder: picked(HANDLUNGSFELDER, &entry.handlungsfelder),
        themen: picked(THEMEN, &entry.themes),
        phasen: picked(LEBENSPHASEN, &entry.lebensphasen),
        networks: super::networks_covering(
            state,
            &entry.handlungsfelder,
            &phases,
            5,
            crate::computed::Revision {
                day: crate::clock::today(),
                number: entry.country_revision,
            },
        )
        .await?,
        can_edit: may(user, Action::EditKnowledge(target)),
        can_submit: user.is_some() && may(user, Action::SubmitKnowledge(target)),
        can_review,
        history,
        errors: FieldErrors::default(),
        comment: String::new(),
        notice: None,
        adoptions: if is_practice {
            Some(db::adoptions(&state.pool, entry.id).await?)
        } else {
            None
        },
        can_adopt: is_practice && user.is_some() && may(user, Action::AdoptPractice),
        license: state.config.content_license.clone(),
        publisher: state.config.operator.name.clone(),
        entry,
    })
}

/// The `?hinweis=` code of what `step` did; `entry_notice` words it.
fn step_done(step: EntryMove) -> &'static str {
    match step {
        EntryMove::Submit => "eingereicht",
        EntryMove::Publish => "veroeffentlicht",
        EntryMove::Return => "zurueckgegeben",
        EntryMove::Withdraw => "zurueckgezogen",
    }
}

fn entry_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "angelegt" => "Der Entwurf wurde angelegt.",
        "gespeichert" => "Die Änderungen wurden gespeichert.",
        "eingereicht" => "Der Eintrag wurde zur Prüfung eingereicht.",
        "veroeffentlicht" => "Der Eintrag ist veröffentlicht.",
        "zurueckgegeben" => "Der Eintrag wurde mit Ihrer Rückmeldung zurückgegeben.",
        "zurueckgezogen" => "Der Eintrag ist nicht mehr öffentlich.",
        _ => return None,
    })
}

async fn entry_page(
    ctx: PublicCtx,
    Path(slug): Path<String>,
    notice: Notice,
) -> AppResult<Response> {
    let entry = visible_entry(&ctx.state, ctx.user.as_ref(), &slug).await?;
    let mut page = build_entry_page(&ctx.state, ctx.layout, ctx.user.as_ref(), entry).await?;
    page.notice = entry_notice(notice.code());
    Ok(page.into_response())
}

// ---------------------------------------------------------------- drafting

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/mine.html")]
struct MinePage {
    layout: Layout,
    entries: Vec<db::Listed>,
    reviewer: bool,
    /// Corrected seed texts of entries the Geschäftsstelle has edited (reviewers only).
    corrections: Vec<db::SeededState>,
}

async fn my_entries(ctx: Ctx) -> AppResult<Response> {
    let actor = ctx.user.actor();
    policy::authorize(&actor, Action::DraftKnowledge)?;
    let reviewer = policy::allows(&actor, Action::ReviewKnowledge);
    let (kommune, land) = match &actor.scope {
        Scope::Kommune { ags, .. } => (Some(ags.as_str()), None),
        Scope::Land { land_code } => (None, Some(land_code.as_str())),
        Scope::Nationwide => (None, None),
    };
    Ok(MinePage {
        layout: ctx.layout,
        entries: db::drafts(&ctx.state.pool, kommune, land, ctx.user.user_id, reviewer).await?,
        corrections: if reviewer {
            super::corrections::pending(&ctx.state.pool).await?
        } else {
            Vec::new()
        },
        reviewer,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "knowledge/form.html")]
struct FormPage {
    layout: Layout,
    /// `None` while creating.
    entry: Option<Entry>,
    form: EntryForm,
    errors: FieldErrors,
    kinds: &'static [Term],
    levels: &'static [Term],
    felder: &'static [Term],
    themen: &'static [Term],
    phasen: &'static [Term],
    quellenarten: &'static [Term],
    citation_rows: Vec<CitationRow>,
    laender: Vec<LandOption>,
    conflict: Option<Entry>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        layout: Layout,
        entry: Option<Entry>,
        form: EntryForm,
    ) -> AppResult<Self> {
        Ok(Self {
            layout,
            entry,
            citation_rows: form.citation_rows(),
            form,
            errors: FieldErrors::default(),
            kinds: ARTEN,
            levels: EBENEN,
            felder: HANDLUNGSFELDER,
            themen: THEMEN,
            phasen: LEBENSPHASEN,
            quellenarten: QUELLENARTEN,
            laender: laender(&state.pool).await?,
            conflict: None,
        })
    }
}

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::DraftKnowledge)?;
    // The author's own municipality or Land is preset.
    let form = EntryForm {
        level: match ctx.user.role {
            Role::Kommune => "kommune",
            Role::Land => "land",
            Role::Bund | Role::Admin => "bund",
        }
        .into(),
        kommune_ags: ctx.user.kommune_ags.clone().unwrap_or_default(),
        land_code: ctx.user.land_code.clone().unwrap_or_default(),
        place: match ctx.user.role {
            Role::Kommune => ctx.user.kommune_name.clone().unwrap_or_default(),
            Role::Land => ctx.user.land_name.clone().unwrap_or_default(),
            _ => String::new(),
        },
        ..Default::default()
    };
    Ok(FormPage::new(&ctx.state, ctx.layout, None, form)
        .await?
        .into_response())
}

async fn create(ctx: Ctx, Form(form): Form<EntryForm>) -> AppResult<Response> {
    policy::authorize(&ctx.user.actor(), Action::DraftKnowledge)?;
    let fields = match form.validate(&ctx.state.pool).await? {
        Ok(fields) => fields,
        Err(errors) => {
            let mut page = FormPage::new(&ctx.state, ctx.layout, None, form).await?;
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let author = db::Author {
        user_id: ctx.user.user_id,
        kommune_ags: (ctx.user.role == Role::Kommune)
            .then_some(ctx.user.kommune_ags.as_deref())
            .flatten(),
        land_code: matches!(ctx.user.role, Role::Kommune | Role::Land)
            .then_some(ctx.user.land_code.as_deref())
            .flatten(),
    };
    let mut change = Change::begin(&ctx).await?;
    let slug = db::insert_draft(change.conn(), &fields, author).await?;
    let created = db::find(change.conn(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    change
        .created(Record::new("knowledge", created.id), created.audit_values())
        .await?;
    Ok(see_other(&format!(
        "/wissen/eintrag/{slug}?hinweis=angelegt"
    )))
}

async fn editable_entry(state: &AppState, user: &SessionUser, slug: &str) -> AppResult<Entry> {
    let entry = visible_entry(state, Some(user), slug).await?;
    policy::authorize(&user.actor(), Action::EditKnowledge(entry_ref(&entry)))?;
    Ok(entry)
}

async fn edit_form(ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let entry = editable_entry(&ctx.state, &ctx.user, &slug).await?;
    let form = EntryForm::from_entry(&entry);
    Ok(FormPage::new(&ctx.state, ctx.layout, Some(entry), form)
        .await?
        .into_response())
}

async fn update(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(mut form): Form<EntryForm>,
) -> AppResult<Response> {
    let before = editable_entry(&ctx.state, &ctx.user, &slug).await?;
    let fields = match form.validate(&ctx.state.pool).await? {
        Ok(fields) => fields,
        Err(errors) => {
            let mut page =
                FormPage::new(&ctx.state, ctx.layout.clone(), Some(before), form).await?;
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut change = Change::begin(&ctx).await?;
    if !db::update(change.conn(), before.id, version(&form.version), &fields).await? {
        form.version = before.version.to_string();
        let mut page =
            FormPage::new(&ctx.state, ctx.layout.clone(), Some(before.clone()), form).await?;
        page.conflict = Some(before);
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let after = db::find(change.conn(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    change
        .updated(
            Record::new("knowledge", before.id),
            before.audit_values(),
            after.audit_values(),
        )
        .await?;
    Ok(see_other(&format!(
        "/wissen/eintrag/{slug}?hinweis=gespeichert"
    )))
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    aktion: String,
    #[serde(default)]
    kommentar: String,
    #[serde(default)]
    version: String,
}

/// Submit (authors), publish, return with a comment, or unpublish (Bund, admin).
async fn change_status(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let entry = visible_entry(&ctx.state, Some(&ctx.user), &slug).await?;
    let actor = ctx.user.actor();
    let target = entry_ref(&entry);
    let Some(step) = EntryMove::parse(&form.aktion).filter(|m| m.fits(entry.status)) else {
        return Err(AppError::BadRequest(
            "Diese Aktion ist für den Eintrag in seinem jetzigen Stand nicht möglich.".into(),
        ));
    };
    policy::authorize(
        &actor,
        match step {
            EntryMove::Submit => Action::SubmitKnowledge(target),
            EntryMove::Publish | EntryMove::Return | EntryMove::Withdraw => Action::ReviewKnowledge,
        },
    )?;
    let comment: String = form.kommentar.trim().chars().take(2000).collect();
    if step == EntryMove::Return && comment.is_empty() {
        let mut page =
            build_entry_page(&ctx.state, ctx.layout.clone(), Some(&ctx.user), entry).await?;
        page.errors.add(
            "kommentar",
            "Bitte begründen Sie, was am Eintrag noch zu ändern ist.",
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let mut change = Change::begin(&ctx).await?;
    if !db::set_status(
        change.conn(),
        entry.id,
        version(&form.version),
        step.to(),
        &comment,
    )
    .await?
    {
        return Err(AppError::Conflict(
            "Der Eintrag wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie ihn erneut.".into(),
        ));
    }
    let after = db::find(change.conn(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    change
        .finish(
            Event::new(step.audit_action(), "knowledge", entry.id)
                .old(entry.audit_values())
                .new_values(after.audit_values()),
        )
        .await?;
    Ok(see_other(&format!(
        "/wissen/eintrag/{slug}?hinweis={}",
        step_done(step)
    )))
}
