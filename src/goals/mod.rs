//! The goal tree of a network (Kernziel → Mittelziel → Handlungsziel) with milestones,
//! its progress roll-up, and the CSV export.
//!
//! For other pages (the network overview): [`tree`], [`milestones_due`] and [`ProgressBar`].

pub mod db;
pub(crate) mod export;
mod forms;
mod routes;

use std::collections::HashMap;

use askama::Template;
use sqlx::PgPool;
use time::Date;

pub use db::{Milestone, MilestoneDue};
pub use routes::routes;

use crate::format;
use crate::states::GoalStatus;
use crate::vocab::{self, HANDLUNGSFELDER, ZIEL_EBENEN};

/// A goal with its milestones and sub-goals, and its rolled-up progress.
#[derive(Clone, Debug)]
pub struct GoalNode {
    pub id: i64,
    pub parent_id: Option<i64>,
    /// `kernziel`, `mittelziel` or `handlungsziel` (see [`vocab::ZIEL_EBENEN`]).
    pub level: String,
    pub title: String,
    pub description: String,
    pub handlungsfeld: Option<String>,
    pub target_date: Option<Date>,
    pub status: GoalStatus,
    pub version: i32,
    /// How many measures are linked to this goal.
    pub measures: i64,
    /// Rolled-up progress, rounded to whole percent (0–100).
    pub progress: u8,
    /// Unrounded, so parents average exact values.
    pub progress_exact: f64,
    /// Ordered by due date.
    pub milestones: Vec<Milestone>,
    pub children: Vec<GoalNode>,
    /// Shown unfolded on the goals page (see [`unfold`]).
    pub open: bool,
}

impl GoalNode {
    pub fn level_label(&self) -> &'static str {
        static_label(ZIEL_EBENEN, &self.level)
    }

    pub fn status_label(&self) -> &'static str {
        self.status.label()
    }

    pub fn handlungsfeld_label(&self) -> &str {
        self.handlungsfeld
            .as_deref()
            .map_or("", |code| vocab::label(HANDLUNGSFELDER, code))
    }

    pub fn target_date_text(&self) -> String {
        self.target_date.map(format::date).unwrap_or_default()
    }

    /// Whether sub-goals may be added (a Handlungsziel is the lowest level).
    pub fn can_have_children(&self) -> bool {
        self.level != "handlungsziel"
    }

    pub fn overdue_milestones(&self) -> usize {
        self.milestones.iter().filter(|m| m.overdue).count()
    }

    /// Overdue milestones of this goal and of every goal below it.
    pub fn overdue_below(&self) -> usize {
        self.flatten().iter().map(|g| g.overdue_milestones()).sum()
    }

    pub fn done_milestones(&self) -> usize {
        self.milestones
            .iter()
            .filter(|m| m.done_on.is_some())
            .count()
    }

    /// The accessible progress bar of this goal, ready to be rendered.
    pub fn progress_bar(&self) -> ProgressBar {
        ProgressBar::new(self.progress, &format!("Fortschritt: {}", self.title))
    }

    /// This goal and all below it, depth first (for exports and selects).
    pub fn flatten(&self) -> Vec<&GoalNode> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.flatten());
        }
        all
    }
}

fn static_label(terms: &'static [vocab::Term], code: &str) -> &'static str {
    terms
        .iter()
        .find(|t| t.code == code)
        .map_or("", |t| t.label)
}

/// An accessible progress bar: a labelled `<progress>` with the percentage as visible text.
/// Render it in a template with `{{ bar|safe }}` (it escapes its label itself).
#[derive(Template, Clone, Debug)]
#[template(path = "goals/progress.html")]
pub struct ProgressBar {
    /// 0–100.
    pub percent: u8,
    /// The accessible name, e.g. "Fortschritt: Alle Kinder sprechen Deutsch".
    pub label: String,
}

impl ProgressBar {
    pub fn new(percent: u8, label: &str) -> Self {
        Self {
            percent: percent.min(100),
            label: label.to_owned(),
        }
    }
}

/// The progress of one goal in percent (0–100).
///
/// A goal marked "erreicht" is complete. Otherwise every child goal and every milestone
/// counts equally: the mean of the children's progress and of the milestones (done = 100,
/// open = 0). A goal with neither children nor milestones has made no measurable progress
/// yet, so it is 0 % until it is marked "erreicht" — deliberately not 50 % or a guess from
/// the status "in Arbeit", so that the bar only moves with recorded facts.
pub fn progress(reached: bool, children: &[f64], milestones_done: &[bool]) -> f64 {
    if reached {
        return 100.0;
    }
    let parts = children.len() + milestones_done.len();
    if parts == 0 {
        return 0.0;
    }
    let sum: f64 = children.iter().map(|p| p.clamp(0.0, 100.0)).sum::<f64>()
        + milestones_done.iter().filter(|d| **d).count() as f64 * 100.0;
    sum / parts as f64
}

/// Builds the tree from a network's goals and milestones (each loaded with one query), and
/// rolls up the progress. Goals keep the order they come in; milestones too. `today` decides
/// which open milestones are overdue.
pub fn build_tree(goals: Vec<db::Goal>, milestones: Vec<Milestone>, today: Date) -> Vec<GoalNode> {
    let mut milestones_of: HashMap<i64, Vec<Milestone>> = HashMap::new();
    for mut milestone in milestones {
        milestone.overdue = milestone.done_on.is_none() && milestone.due_on < today;
        milestones_of
            .entry(milestone.goal_id)
            .or_default()
            .push(milestone);
    }
    let ids: std::collections::HashSet<i64> = goals.iter().map(|g| g.id).collect();
    let mut children_of: HashMap<Option<i64>, Vec<db::Goal>> = HashMap::new();
    for goal in goals {
        // A goal whose parent is missing (cannot happen with the foreign key) is shown as a root.
        let parent = goal.parent_id.filter(|p| ids.contains(p));
        children_of.entry(parent).or_default().push(goal);
    }
    build_level(None, &mut children_of, &mut milestones_of, 0)
}

fn build_level(
    parent: Option<i64>,
    children_of: &mut HashMap<Option<i64>, Vec<db::Goal>>,
    milestones_of: &mut HashMap<i64, Vec<Milestone>>,
    depth: usize,
) -> Vec<GoalNode> {
    let Some(goals) = children_of.remove(&parent) else {
        return Vec::new();
    };
    goals
        .into_iter()
        .map(|goal| {
            // Three levels by construction; the bound only guards against a corrupt tree.
            let children = if depth < 8 {
                build_level(Some(goal.id), children_of, milestones_of, depth + 1)
            } else {
                Vec::new()
            };
            let milestones = milestones_of.remove(&goal.id).unwrap_or_default();
            let exact = progress(
                goal.status == GoalStatus::Achieved,
                &children
                    .iter()
                    .map(|c| c.progress_exact)
                    .collect::<Vec<_>>(),
                &milestones
                    .iter()
                    .map(|m| m.done_on.is_some())
                    .collect::<Vec<_>>(),
            );
            GoalNode {
                id: goal.id,
                parent_id: goal.parent_id,
                level: goal.level,
                title: goal.title,
                description: goal.description,
                handlungsfeld: goal.handlungsfeld,
                target_date: goal.target_date,
                status: goal.status,
                version: goal.version,
                measures: goal.measures,
                progress: exact.round().clamp(0.0, 100.0) as u8,
                progress_exact: exact,
                milestones,
                children,
                open: false,
            }
        })
        .collect()
}

/// Unfolds every goal that `shown` picks and the goals above it, so that it can be seen on
/// a page whose tree is folded; returns whether any goal in `goals` was picked.
pub fn unfold(goals: &mut [GoalNode], shown: &dyn Fn(&GoalNode) -> bool) -> bool {
    let mut any = false;
    for goal in goals {
        let below = unfold(&mut goal.children, shown);
        goal.open = below || shown(goal);
        any |= goal.open;
    }
    any
}

/// The goal tree of a network: roots (Kernziele) with their sub-goals, each with milestones
/// and rolled-up progress. Two queries, whatever the size.
pub async fn tree(pool: &PgPool, network_id: i64) -> sqlx::Result<Vec<GoalNode>> {
    let mut db = pool.acquire().await?;
    tree_as_of(&mut db, network_id, crate::clock::today()).await
}

/// The goal tree as it stood on `day`: milestones done later count as open (the goals
/// themselves are today's). Two queries.
pub async fn tree_as_of(
    db: &mut sqlx::PgConnection,
    network_id: i64,
    day: Date,
) -> sqlx::Result<Vec<GoalNode>> {
    let goals = db::all_goals(&mut *db, network_id).await?;
    let mut milestones = db::all_milestones(&mut *db, network_id).await?;
    for m in &mut milestones {
        m.done_on = m.done_on.filter(|done| *done <= day);
    }
    Ok(build_tree(goals, milestones, day))
}

/// Open milestones of a network that are overdue or due within `days` from `today`, soonest
/// first, each with the title of its goal. One query.
pub async fn milestones_due(
    pool: &PgPool,
    network_id: i64,
    today: Date,
    days: i64,
) -> sqlx::Result<Vec<MilestoneDue>> {
    db::milestones_due(pool, network_id, today, days).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn goal(id: i64, parent: Option<i64>, level: &str, status: GoalStatus) -> db::Goal {
        db::Goal {
            id,
            parent_id: parent,
            parent_title: None,
            level: level.into(),
            title: format!("Ziel {id}"),
            description: String::new(),
            handlungsfeld: None,
            target_date: None,
            status,
            version: 1,
            measures: 0,
        }
    }

    fn milestone(id: i64, goal_id: i64, due: Date, done: Option<Date>) -> Milestone {
        Milestone {
            id,
            goal_id,
            goal_title: String::new(),
            title: format!("Meilenstein {id}"),
            due_on: due,
            done_on: done,
            version: 1,
            overdue: false,
        }
    }

    #[test]
    fn progress_rule() {
        assert_eq!(progress(false, &[], &[]), 0.0);
        assert_eq!(progress(true, &[], &[]), 100.0);
        assert_eq!(progress(true, &[0.0], &[false]), 100.0);
        assert_eq!(progress(false, &[], &[true, false]), 50.0);
        assert_eq!(progress(false, &[100.0, 0.0], &[]), 50.0);
        assert_eq!(progress(false, &[50.0], &[true, false]), 50.0);
        assert!((progress(false, &[], &[true, false, false]) - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn tree_rolls_up_through_three_levels() {
        let today = date!(2025 - 06 - 01);
        let goals = vec![
            goal(1, None, "kernziel", GoalStatus::Open),
            goal(2, Some(1), "mittelziel", GoalStatus::InProgress),
            goal(3, Some(2), "handlungsziel", GoalStatus::Open),
            goal(4, Some(2), "handlungsziel", GoalStatus::Achieved),
            goal(5, Some(1), "mittelziel", GoalStatus::Open),
            goal(6, None, "kernziel", GoalStatus::Achieved),
        ];
        let milestones = vec![
            milestone(1, 3, date!(2025 - 01 - 01), Some(date!(2025 - 01 - 02))),
            milestone(2, 3, date!(2025 - 05 - 31), None),
            milestone(3, 5, date!(2025 - 06 - 01), None),
        ];
        let tree = build_tree(goals, milestones, today);
        assert_eq!(tree.len(), 2);
        let k = &tree[0];
        assert_eq!(k.children.len(), 2);
        let m = &k.children[0];
        assert_eq!(m.children[0].progress, 50, "1 of 2 milestones");
        assert!(m.children[0].milestones[1].overdue, "due yesterday, open");
        assert!(!m.children[0].milestones[0].overdue, "done");
        assert_eq!(m.children[1].progress, 100, "erreicht");
        assert_eq!(m.progress, 75);
        let m2 = &k.children[1];
        assert!(!m2.milestones[0].overdue, "due today is not overdue");
        assert_eq!(m2.progress, 0);
        assert_eq!(k.progress, 38, "(75 + 0) / 2 = 37,5 → 38");
        assert_eq!(tree[1].progress, 100);
        assert_eq!(k.flatten().len(), 5);
    }

    #[test]
    fn exact_values_roll_up_before_rounding() {
        let goals = vec![
            goal(1, None, "kernziel", GoalStatus::Open),
            goal(2, Some(1), "mittelziel", GoalStatus::Open),
            goal(3, Some(1), "mittelziel", GoalStatus::Open),
        ];
        let d = date!(2030 - 01 - 01);
        let milestones = vec![
            milestone(1, 2, d, Some(d)),
            milestone(2, 2, d, None),
            milestone(3, 2, d, None),
            milestone(4, 3, d, Some(d)),
            milestone(5, 3, d, None),
            milestone(6, 3, d, None),
        ];
        let tree = build_tree(goals, milestones, date!(2025 - 01 - 01));
        assert_eq!(tree[0].children[0].progress, 33);
        assert!((tree[0].progress_exact - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn progress_bar_escapes_and_clamps() {
        let bar = ProgressBar::new(150, "Fortschritt: <b>x</b>")
            .render()
            .unwrap();
        assert!(bar.contains(r#"value="100""#));
        assert!(bar.contains("100 %"));
        assert!(!bar.contains("<b>"));
    }
}
