use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use std::sync::Arc;
use time::Date;

use super::db::{self, Goal, Milestone};
use super::forms::{GoalForm, MilestoneForm};
use super::{GoalNode, build_tree, export};
use crate::audit::HistoryLine;
use crate::error::{AppError, AppResult};
use crate::format::count;
use crate::networks::{Need, NetworkContext};
use crate::state::AppState;
use crate::states::GoalStatus;
use crate::vocab::ZIEL_EBENEN;
use crate::vocab::{HANDLUNGSFELDER, Term};
use crate::web::Ctx;
use crate::web::confirm::{ConfirmDeletePage, DeleteForm};
use crate::web::csv::csv_response;
use crate::web::edit::{self, Change, Deletable, Edit, Record};
use crate::web::filters;
use crate::web::form::{FieldErrors, version};
use crate::web::{Layout, see_other};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerke/{id}/ziele", get(list))
        .route("/netzwerke/{id}/ziele.csv", get(csv))
        .route("/netzwerke/{id}/ziele/neu", get(new_form).post(create))
        .route(
            "/netzwerke/{id}/ziele/{gid}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/netzwerke/{id}/ziele/{gid}/loeschen",
            get(confirm_delete).post(delete),
        )
        .route(
            "/netzwerke/{id}/ziele/{gid}/meilensteine/neu",
            get(new_milestone_form).post(create_milestone),
        )
        .route(
            "/netzwerke/{id}/meilensteine/{mid}/bearbeiten",
            get(edit_milestone_form).post(update_milestone),
        )
        .route(
            "/netzwerke/{id}/meilensteine/{mid}/loeschen",
            get(confirm_delete_milestone).post(delete_milestone),
        )
        .route(
            "/netzwerke/{id}/meilensteine/{mid}/erledigt",
            axum::routing::post(tick_milestone),
        )
}

/// The goals page unfolded at goal `goal_id`, with a `notice` of what was just done.
fn list_href(network_id: i64, goal_id: Option<i64>, notice: Option<&str>) -> String {
    let notice = notice.map(|n| format!("hinweis={n}"));
    match goal_id {
        Some(goal) => {
            let notice = notice.map(|n| format!("&{n}")).unwrap_or_default();
            format!("/netzwerke/{network_id}/ziele?offen={goal}{notice}#ziel-{goal}")
        }
        None => {
            let notice = notice.map(|n| format!("?{n}")).unwrap_or_default();
            format!("/netzwerke/{network_id}/ziele{notice}")
        }
    }
}

/// Which goals the page shows unfolded: the ones with overdue milestones, one goal (after
/// a change to it), or none.
#[derive(Default, Deserialize)]
struct ListQuery {
    #[serde(default)]
    offen: String,
    #[serde(default)]
    hinweis: String,
    /// A goal unfolded besides (the one whose milestone was just ticked done).
    ziel: Option<i64>,
}

/// `offen` value that unfolds the goals with overdue milestones.
const OVERDUE: &str = "ueberfaellig";

// ---------------------------------------------------------------------------------------------
// The tree

#[derive(Template, WebTemplate)]
#[template(path = "goals/list.html")]
struct ListPage {
    layout: Layout,
    network: NetworkContext,
    tree_html: Arc<String>,
    goals: usize,
    overdue: usize,
    /// The `offen` of the request, for the forms on the page to come back to.
    unfolded: String,
    notice: Option<&'static str>,
}

/// The tree of the goals page (see `templates/goals/tree.html`).
#[derive(Template)]
#[template(path = "goals/tree.html")]
struct TreeHtml<'a> {
    tree: &'a [GoalNode],
    goals: usize,
    network: &'a NetworkContext,
    unfolded: &'a str,
}

impl TreeHtml<'_> {
    fn html(&self) -> AppResult<String> {
        self.render().map_err(|e| AppError::Internal(e.into()))
    }
}

async fn list(
    ctx: Ctx,
    Path(id): Path<i64>,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let query = query.map(|q| q.0).unwrap_or_default();
    let pool = &ctx.state.pool;
    let kept = network
        .kept(&ctx.state.computed, "goal_tree", None, || async move {
            Ok(super::tree(pool, id).await?)
        })
        .await?;
    let all: Vec<&GoalNode> = kept.iter().flat_map(GoalNode::flatten).collect();
    let goals = all.len();
    let overdue_milestones = all.iter().map(|g| g.overdue_milestones()).sum();
    let tree_html = if query.offen.is_empty() && query.ziel.is_none() {
        // Folded, the tree holds nothing of the request but whether the reader may edit.
        let kind = if network.can_edit {
            "goal_tree_html_editable"
        } else {
            "goal_tree_html"
        };
        let html = TreeHtml {
            tree: &kept,
            goals,
            network: &network,
            unfolded: "",
        };
        network
            .kept(&ctx.state.computed, kind, None, || async { html.html() })
            .await?
    } else {
        let mut tree = (*kept).clone();
        let goal = query.offen.parse::<i64>().ok().or(query.ziel);
        let overdue = query.offen == OVERDUE;
        let every = query.offen == "alle";
        super::unfold(&mut tree, &|g| {
            every || (overdue && g.overdue_milestones() > 0) || Some(g.id) == goal
        });
        let html = TreeHtml {
            tree: &tree,
            goals,
            network: &network,
            unfolded: &query.offen,
        };
        Arc::new(html.html()?)
    };
    let notice = match query.hinweis.as_str() {
        "angelegt" => Some("Das Ziel wurde angelegt."),
        "gespeichert" => Some("Die Änderungen wurden gespeichert."),
        "geloescht" => Some("Das Ziel wurde gelöscht."),
        "meilenstein-angelegt" => Some("Der Meilenstein wurde angelegt."),
        "meilenstein-geloescht" => Some("Der Meilenstein wurde gelöscht."),
        "erledigt" => Some("Der Meilenstein ist als erledigt eingetragen."),
        _ => None,
    };
    Ok(ListPage {
        layout: ctx.layout,
        network,
        tree_html,
        goals,
        overdue: overdue_milestones,
        unfolded: query.offen,
        notice,
    }
    .into_response())
}

async fn csv(ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Read).await?;
    let tree = super::tree(&ctx.state.pool, id).await?;
    csv_response(
        &format!("ziele-netzwerk-{id}.csv"),
        export::goals_csv(&tree)?,
    )
}

// ---------------------------------------------------------------------------------------------
// Creating and editing goals

#[derive(Template, WebTemplate)]
#[template(path = "goals/form.html")]
struct FormPage {
    layout: Layout,
    network: NetworkContext,
    /// `None` while creating.
    goal: Option<Goal>,
    form: GoalForm,
    errors: FieldErrors,
    /// Possible parents while creating: (id, label).
    parents: Vec<(String, String)>,
    handlungsfelder: &'static [Term],
    statuses: &'static [Term],
    conflict: Option<Goal>,
    history: Vec<HistoryLine>,
}

crate::web::edit::edit_page!(FormPage, Goal);
crate::web::edit::edit_page!(MilestonePage, Milestone);

impl FormPage {
    fn new(layout: Layout, network: NetworkContext, goal: Option<Goal>, form: GoalForm) -> Self {
        Self {
            layout,
            network,
            goal,
            form,
            errors: FieldErrors::default(),
            parents: Vec::new(),
            handlungsfelder: HANDLUNGSFELDER,
            statuses: GoalStatus::TERMS,
            conflict: None,
            history: Vec::new(),
        }
    }

    fn with_parents(mut self, goals: Vec<Goal>) -> Self {
        let tree = build_tree(goals, Vec::new(), Date::MIN);
        self.parents = tree
            .iter()
            .flat_map(GoalNode::flatten)
            .filter(|g| g.can_have_children())
            .map(|g| {
                let label = if g.level == "kernziel" {
                    format!("Kernziel: {}", g.title)
                } else {
                    format!("– Mittelziel: {}", g.title)
                };
                (g.id.to_string(), label)
            })
            .collect();
        self
    }
}

#[derive(Deserialize)]
struct NewGoalQuery {
    #[serde(default)]
    oberziel: String,
}

/// The parent named in a form: `Ok(None)` for a Kernziel; a message for the field otherwise.
fn resolve_parent<'a>(goals: &'a [Goal], text: &str) -> Result<Option<&'a Goal>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parent = text
        .parse::<i64>()
        .ok()
        .and_then(|id| goals.iter().find(|g| g.id == id))
        .ok_or("Bitte ein Oberziel aus der Liste auswählen.")?;
    if parent.level == "handlungsziel" {
        return Err(
            "Ein Handlungsziel ist die unterste Ebene und kann keine Unterziele haben. Bitte ein Kernziel oder Mittelziel als Oberziel wählen.",
        );
    }
    Ok(Some(parent))
}

fn child_level(parent: Option<&Goal>) -> &'static str {
    match parent.map(|p| p.level.as_str()) {
        None => "kernziel",
        Some("kernziel") => "mittelziel",
        Some(_) => "handlungsziel",
    }
}

async fn new_form(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NewGoalQuery>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goals = db::all_goals(&ctx.state.pool, id).await?;
    let form = GoalForm {
        oberziel: query.oberziel.trim().to_owned(),
        ..GoalForm::new_goal(None)
    };
    match resolve_parent(&goals, &form.oberziel) {
        Ok(_) => Ok(FormPage::new(ctx.layout.clone(), network, None, form)
            .with_parents(goals)
            .into_response()),
        // A parent of another network, or none at all: nothing to add to.
        Err(_) if !is_goal_of(&goals, &form.oberziel) => Err(AppError::NotFound),
        Err(message) => {
            let mut page =
                FormPage::new(ctx.layout.clone(), network, None, form).with_parents(goals);
            page.errors.add("oberziel", message);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

fn is_goal_of(goals: &[Goal], text: &str) -> bool {
    text.trim()
        .parse::<i64>()
        .is_ok_and(|id| goals.iter().any(|g| g.id == id))
}

async fn create(ctx: Ctx, Path(id): Path<i64>, Form(form): Form<GoalForm>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goals = db::all_goals(&ctx.state.pool, id).await?;
    let parent = resolve_parent(&goals, &form.oberziel);
    let (fields, parent_id, level) = match (form.validate(), parent) {
        (Ok(fields), Ok(parent)) => (fields, parent.map(|p| p.id), child_level(parent)),
        (fields, parent) => {
            let mut errors = fields.err().unwrap_or_default();
            if let Err(message) = parent {
                errors.add("oberziel", message);
            }
            let mut page = FormPage::new(ctx.layout, network, None, form).with_parents(goals);
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut change = Change::begin(&ctx).await?;
    let goal_id = db::insert_goal(change.tx(), id, parent_id, level, &fields).await?;
    change.inserted::<Goal>((id, goal_id)).await?;
    Ok(see_other(&list_href(id, Some(goal_id), Some("angelegt"))))
}

async fn edit_form(ctx: Ctx, Path((id, goal_id)): Path<(i64, i64)>) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Goal>::load(&ctx, (id, goal_id)).await?;
    let form = GoalForm::from_goal(&edit.before);
    let page = FormPage::new(ctx.layout.clone(), network, Some(edit.before.clone()), form);
    edit.show(page).await
}

async fn update(
    ctx: Ctx,
    Path((id, goal_id)): Path<(i64, i64)>,
    Form(form): Form<GoalForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Goal>::load(&ctx, (id, goal_id)).await?;
    let page = |form| FormPage::new(ctx.layout.clone(), network, Some(edit.before.clone()), form);
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written =
        db::update_goal(change.tx(), id, goal_id, version(&form.version), &fields).await?;
    let page = page(form);
    edit.saved(
        change,
        Ok(written),
        page,
        &list_href(id, Some(goal_id), Some("gespeichert")),
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// Deleting goals

async fn confirm_delete(ctx: Ctx, Path((id, goal_id)): Path<(i64, i64)>) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goal = db::find_goal(&ctx.state.pool, id, goal_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let counts = db::delete_counts(&ctx.state.pool, id, goal_id).await?;
    let mut consequences = Vec::new();
    let subgoals = counts.subgoals.len() as i64;
    if subgoals > 0 {
        consequences.push(format!(
            "{} mitgelöscht: {}.",
            if subgoals == 1 {
                "1 Unterziel wird".to_owned()
            } else {
                format!("{subgoals} Unterziele werden")
            },
            counts
                .subgoals
                .iter()
                .map(|t| format!("„{t}“"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    } else {
        consequences.push("Das Ziel hat keine Unterziele.".into());
    }
    consequences.push(format!(
        "{} des Ziels{} {} mitgelöscht.",
        count(counts.milestones, "Meilenstein", "Meilensteine"),
        if subgoals > 0 {
            " und seiner Unterziele"
        } else {
            ""
        },
        if counts.milestones == 1 {
            "wird"
        } else {
            "werden"
        }
    ));
    let these = if subgoals > 0 {
        "diesen Zielen"
    } else {
        "diesem Ziel"
    };
    consequences.push(match counts.measures {
        0 => format!("Mit {these} sind keine Maßnahmen verknüpft."),
        1 => format!(
            "1 verknüpfte Maßnahme bleibt erhalten, verliert aber die Verknüpfung mit {these}."
        ),
        n => format!(
            "{n} verknüpfte Maßnahmen bleiben erhalten, verlieren aber die Verknüpfung mit {these}."
        ),
    });
    consequences.push(match counts.indicators {
        0 => format!("Mit {these} sind keine Kennzahlen verknüpft."),
        1 => "1 verknüpfte Kennzahl bleibt bestehen, ist dann aber keinem Ziel mehr zugeordnet."
            .into(),
        n => format!(
            "{n} verknüpfte Kennzahlen bleiben bestehen, sind dann aber keinem Ziel mehr zugeordnet."
        ),
    });
    consequences.push(
        "Das lässt sich nicht rückgängig machen. Exportieren Sie die Ziele vorher als CSV, wenn Sie sie aufbewahren möchten.".into(),
    );
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!("das {} „{}“", goal.level_label(), goal.title),
        consequences,
        action: format!("/netzwerke/{id}/ziele/{goal_id}/loeschen"),
        cancel: list_href(id, Some(goal_id), None),
        version: goal.version,
    }
    .into_response())
}

async fn delete(
    ctx: Ctx,
    Path((id, goal_id)): Path<(i64, i64)>,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let before = db::find_goal(&ctx.state.pool, id, goal_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut change = Change::begin(&ctx).await?;
    // Counted in the same transaction: what goes with the goal is what it had then.
    let counts = db::delete_counts(change.conn(), id, goal_id).await?;
    if !Goal::delete(change.conn(), (id, goal_id), version(&form.version)).await? {
        return Err(AppError::stale_delete("Das Ziel"));
    }
    let mut old = before.audit_values();
    old["Mitgelöschte Unterziele"] = serde_json::json!(counts.subgoals);
    old["Mitgelöschte Meilensteine"] = serde_json::json!(counts.milestones.to_string());
    change.deleted(Record::new("goal", goal_id), old).await?;
    Ok(see_other(&list_href(
        id,
        before.parent_id,
        Some("geloescht"),
    )))
}

// ---------------------------------------------------------------------------------------------
// Milestones

#[derive(Template, WebTemplate)]
#[template(path = "goals/milestone_form.html")]
struct MilestonePage {
    layout: Layout,
    network: NetworkContext,
    goal_id: i64,
    goal_title: String,
    /// `None` while creating.
    milestone: Option<Milestone>,
    form: MilestoneForm,
    errors: FieldErrors,
    conflict: Option<Milestone>,
    history: Vec<HistoryLine>,
}

impl MilestonePage {
    fn new(
        layout: Layout,
        network: NetworkContext,
        goal_id: i64,
        goal_title: String,
        milestone: Option<Milestone>,
        form: MilestoneForm,
    ) -> Self {
        Self {
            layout,
            network,
            goal_id,
            goal_title,
            milestone,
            form,
            errors: FieldErrors::default(),
            conflict: None,
            history: Vec::new(),
        }
    }

    /// The form for `milestone` as stored.
    fn editing(
        layout: Layout,
        network: NetworkContext,
        milestone: &Milestone,
        form: MilestoneForm,
    ) -> Self {
        let goal_title = milestone.goal_title.clone();
        let page = Self::new(layout, network, milestone.goal_id, goal_title, None, form);
        Self {
            milestone: Some(milestone.clone()),
            ..page
        }
    }

    fn action(&self) -> String {
        match &self.milestone {
            Some(m) => format!("{}/meilensteine/{}/bearbeiten", self.network.href(), m.id),
            None => format!(
                "{}/ziele/{}/meilensteine/neu",
                self.network.href(),
                self.goal_id
            ),
        }
    }
}

async fn new_milestone_form(
    ctx: Ctx,
    Path((id, goal_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goal = db::find_goal(&ctx.state.pool, id, goal_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(MilestonePage::new(
        ctx.layout,
        network,
        goal.id,
        goal.title,
        None,
        MilestoneForm::default(),
    )
    .into_response())
}

async fn create_milestone(
    ctx: Ctx,
    Path((id, goal_id)): Path<(i64, i64)>,
    Form(form): Form<MilestoneForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let goal = db::find_goal(&ctx.state.pool, id, goal_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => {
            let mut page = MilestonePage::new(ctx.layout, network, goal.id, goal.title, None, form);
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut change = Change::begin(&ctx).await?;
    let milestone_id = db::insert_milestone(change.tx(), id, goal_id, &fields)
        .await?
        .ok_or(AppError::NotFound)?;
    change.inserted::<Milestone>((id, milestone_id)).await?;
    Ok(see_other(&list_href(
        id,
        Some(goal_id),
        Some("meilenstein-angelegt"),
    )))
}

async fn edit_milestone_form(
    ctx: Ctx,
    Path((id, milestone_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Milestone>::load(&ctx, (id, milestone_id)).await?;
    let form = MilestoneForm::from_milestone(&edit.before);
    edit.show(MilestonePage::editing(
        ctx.layout.clone(),
        network,
        &edit.before,
        form,
    ))
    .await
}

async fn update_milestone(
    ctx: Ctx,
    Path((id, milestone_id)): Path<(i64, i64)>,
    Form(form): Form<MilestoneForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Milestone>::load(&ctx, (id, milestone_id)).await?;
    let page = |form| MilestonePage::editing(ctx.layout.clone(), network, &edit.before, form);
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(errors) => return edit.rejected(page(form), errors).await,
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update_milestone(
        change.tx(),
        id,
        milestone_id,
        version(&form.version),
        &fields,
    )
    .await?;
    let page = page(form);
    let done = list_href(id, Some(edit.before.goal_id), Some("gespeichert"));
    edit.saved(change, Ok(written), page, &done).await
}

async fn confirm_delete_milestone(
    ctx: Ctx,
    Path((id, milestone_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let milestone = db::find_milestone(&ctx.state.pool, id, milestone_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ConfirmDeletePage {
        layout: ctx.layout,
        what: format!(
            "den Meilenstein „{}“ (fällig am {})",
            milestone.title,
            milestone.due_text()
        ),
        consequences: vec![
            format!(
                "Der Fortschritt des Ziels „{}“ und seiner Oberziele wird ohne diesen Meilenstein neu berechnet.",
                milestone.goal_title
            ),
            "Das lässt sich nicht rückgängig machen.".into(),
        ],
        action: format!("/netzwerke/{id}/meilensteine/{milestone_id}/loeschen"),
        cancel: list_href(id, Some(milestone.goal_id), None),
        version: milestone.version,
    }.into_response())
}

async fn delete_milestone(
    ctx: Ctx,
    Path((id, milestone_id)): Path<(i64, i64)>,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let milestone =
        edit::delete::<Milestone>(&ctx, (id, milestone_id), version(&form.version)).await?;
    Ok(see_other(&list_href(
        id,
        Some(milestone.goal_id),
        Some("meilenstein-geloescht"),
    )))
}

/// The small form beside an open milestone: its version, and the page's `offen` to return to.
#[derive(Deserialize)]
struct TickForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    offen: String,
}

/// Ticks a milestone done today, in place: back to the same unfolded page at the milestone.
/// After someone else's change the milestone's form shows both versions (409).
async fn tick_milestone(
    ctx: Ctx,
    Path((id, milestone_id)): Path<(i64, i64)>,
    Form(form): Form<TickForm>,
) -> AppResult<Response> {
    let network = NetworkContext::load(&ctx.state.pool, &ctx.user, id, Need::Edit).await?;
    let edit = Edit::<Milestone>::load(&ctx, (id, milestone_id)).await?;
    let today = crate::clock::today();
    let fields = db::MilestoneFields {
        title: edit.before.title.clone(),
        due_on: edit.before.due_on,
        done_on: Some(today),
    };
    let mut change = Change::begin(&ctx).await?;
    let written = db::update_milestone(
        change.tx(),
        id,
        milestone_id,
        version(&form.version),
        &fields,
    )
    .await?;
    let mut shown = MilestoneForm::from_milestone(&edit.before);
    shown.done_on = today.to_string();
    shown.version = form.version;
    let page = MilestonePage::editing(ctx.layout.clone(), network, &edit.before, shown);
    // Back where the user was: the overdue view (with this milestone's goal still
    // unfolded, though no longer overdue), or the goal itself.
    let goal = edit.before.goal_id;
    let offen = if form.offen == OVERDUE {
        format!("{OVERDUE}&ziel={goal}")
    } else {
        goal.to_string()
    };
    let done =
        format!("/netzwerke/{id}/ziele?offen={offen}&hinweis=erledigt#meilenstein-{milestone_id}");
    edit.saved(change, Ok(written), page, &done).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(id: i64, level: &str) -> Goal {
        Goal {
            id,
            parent_id: None,
            parent_title: None,
            level: level.into(),
            title: String::new(),
            description: String::new(),
            handlungsfeld: None,
            target_date: None,
            status: GoalStatus::Open,
            version: 1,
            measures: 0,
        }
    }

    #[test]
    fn the_level_follows_from_the_parent() {
        let goals = [
            goal(1, "kernziel"),
            goal(2, "mittelziel"),
            goal(3, "handlungsziel"),
        ];
        assert_eq!(child_level(resolve_parent(&goals, "").unwrap()), "kernziel");
        assert_eq!(
            child_level(resolve_parent(&goals, "1").unwrap()),
            "mittelziel"
        );
        assert_eq!(
            child_level(resolve_parent(&goals, " 2 ").unwrap()),
            "handlungsziel"
        );
        assert!(
            resolve_parent(&goals, "3")
                .unwrap_err()
                .contains("unterste Ebene")
        );
        assert!(resolve_parent(&goals, "4").is_err());
        assert!(resolve_parent(&goals, "x").is_err());
    }
}
