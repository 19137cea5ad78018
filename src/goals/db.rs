//! SQL of goals and milestones. Every query names the network, so an id of another network
//! finds nothing and changes nothing.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::Date;

use crate::format;
use crate::states::GoalStatus;
use crate::vocab::{HANDLUNGSFELDER, ZIEL_EBENEN, label};

/// A goal as stored, with its parent's title and the number of linked measures.
#[derive(Clone, Debug)]
pub struct Goal {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub parent_title: Option<String>,
    pub level: String,
    pub title: String,
    pub description: String,
    pub handlungsfeld: Option<String>,
    pub target_date: Option<Date>,
    pub status: GoalStatus,
    pub version: i32,
    pub measures: i64,
}

// Deleting a goal takes its sub-goals and all their milestones along (the foreign keys
// cascade); linked measures lose the link, linked indicators keep existing without a goal.
crate::web::edit::versioned!(Goal, "goal", find: find_goal, delete_from: "goals", "Das Ziel");

impl Goal {
    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Ebene": label(ZIEL_EBENEN, &self.level),
            "Oberziel": self.parent_title.clone().unwrap_or_default(),
            "Titel": self.title,
            "Beschreibung": self.description,
            "Handlungsfeld": self.handlungsfeld.as_deref().map(|h| label(HANDLUNGSFELDER, h)).unwrap_or_default(),
            "Zieldatum": self.target_date.map(format::date).unwrap_or_default(),
            "Status": self.status.label(),
        })
    }

    pub fn level_label(&self) -> &str {
        label(ZIEL_EBENEN, &self.level)
    }
}

/// What a goal form writes.
#[derive(Clone, Debug)]
pub struct GoalFields {
    pub title: String,
    pub description: String,
    pub handlungsfeld: Option<String>,
    pub target_date: Option<Date>,
    pub status: GoalStatus,
}

/// A milestone of a goal; `overdue` is set when the tree is built (open and due before today).
#[derive(Clone, Debug)]
pub struct Milestone {
    pub id: i64,
    pub goal_id: i64,
    pub goal_title: String,
    pub title: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub version: i32,
    pub overdue: bool,
}

crate::web::edit::versioned!(Milestone, "milestone", find: find_milestone, delete: delete_milestone, "Der Meilenstein");

impl Milestone {
    pub fn audit_values(&self) -> serde_json::Value {
        serde_json::json!({
            "Ziel": self.goal_title,
            "Titel": self.title,
            "Fällig am": format::date(self.due_on),
            "Erledigt am": self.done_on.map(format::date).unwrap_or_default(),
        })
    }

    pub fn due_text(&self) -> String {
        format::date(self.due_on)
    }
}

/// What a milestone form writes.
#[derive(Clone, Debug)]
pub struct MilestoneFields {
    pub title: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
}

/// An open milestone that is due soon or overdue, for the network overview.
#[derive(Clone, Debug)]
pub struct MilestoneDue {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    pub goal_id: i64,
    pub goal_title: String,
    pub title: String,
    pub due_on: Date,
    /// Due before `today`.
    pub overdue: bool,
    /// Days from `today` to the due date (negative when overdue).
    pub days_left: i64,
}

/// All goals of a network, oldest first. One query.
pub async fn all_goals(db: impl PgExecutor<'_>, network_id: i64) -> sqlx::Result<Vec<Goal>> {
    sqlx::query_as!(
        Goal,
        r#"SELECT g.id, g.parent_id, p.title AS "parent_title?", g.level, g.title, g.description,
                  g.handlungsfeld, g.target_date, g.status AS "status: GoalStatus", g.version,
                  (SELECT count(*) FROM measure_goals mg
                   WHERE mg.goal_id = g.id AND mg.network_id = g.network_id) AS "measures!"
           FROM goals g
           LEFT JOIN goals p ON p.id = g.parent_id AND p.network_id = g.network_id
           WHERE g.network_id = $1
           ORDER BY g.id"#,
        network_id
    )
    .fetch_all(db)
    .await
}

pub async fn find_goal(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<Option<Goal>> {
    sqlx::query_as!(
        Goal,
        r#"SELECT g.id, g.parent_id, p.title AS "parent_title?", g.level, g.title, g.description,
                  g.handlungsfeld, g.target_date, g.status AS "status: GoalStatus", g.version,
                  (SELECT count(*) FROM measure_goals mg
                   WHERE mg.goal_id = g.id AND mg.network_id = g.network_id) AS "measures!"
           FROM goals g
           LEFT JOIN goals p ON p.id = g.parent_id AND p.network_id = g.network_id
           WHERE g.network_id = $1 AND g.id = $2"#,
        network_id,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn insert_goal(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    parent_id: Option<i64>,
    level: &str,
    fields: &GoalFields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld,
                            target_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id",
        network_id,
        parent_id,
        level,
        fields.title,
        fields.description,
        fields.handlungsfeld,
        fields.target_date,
        fields.status as GoalStatus,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Writes the fields if `version` is still current; `false` (nothing written) otherwise.
pub async fn update_goal(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    id: i64,
    version: i32,
    fields: &GoalFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE goals SET title = $4, description = $5, handlungsfeld = $6, target_date = $7,
                status = $8, version = version + 1, updated_at = now()
         WHERE network_id = $1 AND id = $2 AND version = $3",
        network_id,
        id,
        version,
        fields.title,
        fields.description,
        fields.handlungsfeld,
        fields.target_date,
        fields.status as GoalStatus,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// What deleting a goal takes along.
#[derive(Clone, Debug, Default)]
pub struct DeleteCounts {
    /// Titles of the sub-goals at every level below.
    pub subgoals: Vec<String>,
    /// Milestones of the goal and of its sub-goals.
    pub milestones: i64,
    /// Distinct measures linked to the goal or a sub-goal.
    pub measures: i64,
    /// Indicators linked to the goal or a sub-goal.
    pub indicators: i64,
}

pub async fn delete_counts(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<DeleteCounts> {
    let row = sqlx::query!(
        r#"WITH RECURSIVE subtree AS (
               SELECT id, 0 AS depth FROM goals WHERE network_id = $1 AND id = $2
               UNION ALL
               SELECT g.id, s.depth + 1 FROM goals g JOIN subtree s ON g.parent_id = s.id
               WHERE g.network_id = $1 AND s.depth < 8
           )
           SELECT coalesce(array(SELECT g.title FROM goals g JOIN subtree s ON s.id = g.id
                                 WHERE s.depth > 0 ORDER BY g.id), '{}') AS "subgoals!",
                  (SELECT count(*) FROM milestones m JOIN subtree s ON s.id = m.goal_id) AS "milestones!",
                  (SELECT count(DISTINCT mg.measure_id) FROM measure_goals mg
                   JOIN subtree s ON s.id = mg.goal_id WHERE mg.network_id = $1) AS "measures!",
                  (SELECT count(*) FROM indicators i JOIN subtree s ON s.id = i.goal_id
                   WHERE i.network_id = $1) AS "indicators!""#,
        network_id,
        id
    )
    .fetch_one(db)
    .await?;
    Ok(DeleteCounts {
        subgoals: row.subgoals,
        milestones: row.milestones,
        measures: row.measures,
        indicators: row.indicators,
    })
}

/// All milestones of a network's goals, by due date. One query.
pub async fn all_milestones(
    db: impl PgExecutor<'_>,
    network_id: i64,
) -> sqlx::Result<Vec<Milestone>> {
    sqlx::query_as!(
        Milestone,
        r#"SELECT m.id, m.goal_id, g.title AS goal_title, m.title, m.due_on, m.done_on, m.version,
                  false AS "overdue!"
           FROM milestones m JOIN goals g ON g.id = m.goal_id
           WHERE g.network_id = $1
           ORDER BY m.due_on, m.id"#,
        network_id
    )
    .fetch_all(db)
    .await
}

pub async fn find_milestone(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<Option<Milestone>> {
    sqlx::query_as!(
        Milestone,
        r#"SELECT m.id, m.goal_id, g.title AS goal_title, m.title, m.due_on, m.done_on, m.version,
                  false AS "overdue!"
           FROM milestones m JOIN goals g ON g.id = m.goal_id
           WHERE g.network_id = $1 AND m.id = $2"#,
        network_id,
        id
    )
    .fetch_optional(db)
    .await
}

/// Adds a milestone to goal `goal_id` if that goal belongs to the network; `None` otherwise.
pub async fn insert_milestone(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    goal_id: i64,
    fields: &MilestoneFields,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        "INSERT INTO milestones (goal_id, title, due_on, done_on)
         SELECT g.id, $3, $4, $5 FROM goals g WHERE g.network_id = $1 AND g.id = $2
         RETURNING id",
        network_id,
        goal_id,
        fields.title,
        fields.due_on,
        fields.done_on,
    )
    .fetch_optional(&mut **tx)
    .await
}

pub async fn update_milestone(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    id: i64,
    version: i32,
    fields: &MilestoneFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE milestones m SET title = $4, due_on = $5, done_on = $6,
                version = m.version + 1, updated_at = now()
         FROM goals g
         WHERE g.id = m.goal_id AND g.network_id = $1 AND m.id = $2 AND m.version = $3",
        network_id,
        id,
        version,
        fields.title,
        fields.due_on,
        fields.done_on,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

pub async fn delete_milestone(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
    version: i32,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "DELETE FROM milestones m USING goals g
         WHERE g.id = m.goal_id AND g.network_id = $1 AND m.id = $2 AND m.version = $3",
        network_id,
        id,
        version
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Open milestones of a network overdue or due within `days` of `today`.
pub async fn milestones_due(
    pool: &PgPool,
    network_id: i64,
    today: Date,
    days: i64,
) -> sqlx::Result<Vec<MilestoneDue>> {
    let until = today.saturating_add(time::Duration::days(days.clamp(0, 36_500)));
    let rows = sqlx::query!(
        r#"SELECT m.id, g.network_id, n.name AS network_name, m.goal_id, g.title AS goal_title,
                  m.title, m.due_on
           FROM milestones m
           JOIN goals g ON g.id = m.goal_id
           JOIN networks n ON n.id = g.network_id
           WHERE g.network_id = $1 AND m.done_on IS NULL AND m.due_on <= $2
           ORDER BY m.due_on, m.id"#,
        network_id,
        until
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| MilestoneDue {
            id: r.id,
            network_id: r.network_id,
            network_name: r.network_name,
            goal_id: r.goal_id,
            goal_title: r.goal_title,
            title: r.title,
            due_on: r.due_on,
            overdue: r.due_on < today,
            days_left: (r.due_on - today).whole_days(),
        })
        .collect())
}
