//! Measures of a network with their linked goals. Every query names the network, so an id of
//! another network finds nothing; the composite foreign keys of the schema are the backstop.

pub mod imports;
mod list;
pub mod practice;

use sqlx::{PgExecutor, Postgres, Transaction};
use time::Date;

use crate::states::MeasureStatus;
use crate::vocab;

pub use list::{
    MeasureFilter, MeasureRow, PAGE_SIZE, PartnerFilter, PlaceFilter, Sort, SortKey, page,
};

/// A Sozialraum or partner to choose from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: i64,
    pub name: String,
}

/// A goal to link, as the form and the detail page name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalChoice {
    pub id: i64,
    pub level: String,
    pub title: String,
}

/// What a measure of this network may point at.
#[derive(Clone, Debug, Default)]
pub struct NetworkOptions {
    pub sozialraeume: Vec<Choice>,
    pub partners: Vec<Choice>,
    /// Kernziele first, then Mittelziele, then Handlungsziele, each by title.
    pub goals: Vec<GoalChoice>,
}

impl NetworkOptions {
    pub fn sozialraum(&self, id: i64) -> Option<&Choice> {
        self.sozialraeume.iter().find(|c| c.id == id)
    }

    pub fn partner(&self, id: i64) -> Option<&Choice> {
        self.partners.iter().find(|c| c.id == id)
    }

    pub fn goal(&self, id: i64) -> Option<&GoalChoice> {
        self.goals.iter().find(|g| g.id == id)
    }
}

/// The Sozialräume, partners and goals of a network. One query.
pub async fn options(db: impl PgExecutor<'_>, network_id: i64) -> sqlx::Result<NetworkOptions> {
    let row = sqlx::query!(
        r#"SELECT
             array(SELECT id FROM sozialraeume WHERE network_id = $1
                   ORDER BY name COLLATE "de-x-icu", id) AS "soz_ids!",
             array(SELECT name FROM sozialraeume WHERE network_id = $1
                   ORDER BY name COLLATE "de-x-icu", id) AS "soz_names!",
             array(SELECT id FROM partners WHERE network_id = $1
                   ORDER BY name COLLATE "de-x-icu", id) AS "partner_ids!",
             array(SELECT name FROM partners WHERE network_id = $1
                   ORDER BY name COLLATE "de-x-icu", id) AS "partner_names!",
             array(SELECT id FROM goals WHERE network_id = $1
                   ORDER BY array_position(ARRAY['kernziel', 'mittelziel', 'handlungsziel'], level),
                            title COLLATE "de-x-icu", id) AS "goal_ids!",
             array(SELECT level FROM goals WHERE network_id = $1
                   ORDER BY array_position(ARRAY['kernziel', 'mittelziel', 'handlungsziel'], level),
                            title COLLATE "de-x-icu", id) AS "goal_levels!",
             array(SELECT title FROM goals WHERE network_id = $1
                   ORDER BY array_position(ARRAY['kernziel', 'mittelziel', 'handlungsziel'], level),
                            title COLLATE "de-x-icu", id) AS "goal_titles!""#,
        network_id
    )
    .fetch_one(db)
    .await?;
    let choices = |ids: Vec<i64>, names: Vec<String>| {
        ids.into_iter()
            .zip(names)
            .map(|(id, name)| Choice { id, name })
            .collect()
    };
    Ok(NetworkOptions {
        sozialraeume: choices(row.soz_ids, row.soz_names),
        partners: choices(row.partner_ids, row.partner_names),
        goals: row
            .goal_ids
            .into_iter()
            .zip(row.goal_levels)
            .zip(row.goal_titles)
            .map(|((id, level), title)| GoalChoice { id, level, title })
            .collect(),
    })
}

/// The fields the measure form (and the CSV import) writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeasureFields {
    pub title: String,
    pub description: String,
    pub handlungsfelder: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub zielgruppen: Vec<String>,
    pub zugaenge: Vec<String>,
    pub finanzierung: Vec<String>,
    /// `None`: the whole municipality.
    pub sozialraum_id: Option<i64>,
    pub niedrigschwellig: bool,
    pub partner_id: Option<i64>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub status: MeasureStatus,
    pub reach_per_year: Option<i32>,
    pub annual_cost_euro: Option<i64>,
    pub participation: String,
    pub impact_input: String,
    pub impact_output: String,
    pub impact_outcome: String,
    /// In the order of [`NetworkOptions::goals`].
    pub goal_ids: Vec<i64>,
}

/// A stored measure with the names of what it points at.
#[derive(Clone, Debug)]
pub struct Measure {
    pub id: i64,
    pub version: i32,
    pub fields: MeasureFields,
    pub sozialraum_name: Option<String>,
    pub partner_name: Option<String>,
    pub goals: Vec<GoalChoice>,
}

crate::web::edit::versioned!(Measure, "measure", find: find, delete_from: "measures", "Die Maßnahme");

impl Measure {
    /// The measure as it is after writing `fields` (names from `options`), without reading
    /// it back.
    pub fn from_fields(
        id: i64,
        version: i32,
        fields: MeasureFields,
        options: &NetworkOptions,
    ) -> Self {
        let sozialraum_name = fields
            .sozialraum_id
            .and_then(|s| options.sozialraum(s))
            .map(|c| c.name.clone());
        let partner_name = fields
            .partner_id
            .and_then(|p| options.partner(p))
            .map(|c| c.name.clone());
        let goals = options
            .goals
            .iter()
            .filter(|g| fields.goal_ids.contains(&g.id))
            .cloned()
            .collect();
        Self {
            id,
            version,
            fields,
            sozialraum_name,
            partner_name,
            goals,
        }
    }

    pub fn sozialraum_label(&self) -> &str {
        self.sozialraum_name.as_deref().unwrap_or("Gesamte Kommune")
    }

    pub fn status_label(&self) -> &str {
        self.fields.status.label()
    }

    /// Old and new values for the audit log, keyed by the labels of the form.
    pub fn audit_values(&self) -> serde_json::Value {
        use crate::format;
        use crate::vocab::{FINANZIERUNG, HANDLUNGSFELDER, LEBENSPHASEN, ZIELGRUPPEN, ZUGAENGE};
        let f = &self.fields;
        let date = |d: Option<Date>| d.map(format::date).unwrap_or_default();
        serde_json::json!({
            "Titel": f.title,
            "Beschreibung": f.description,
            "Handlungsfelder": vocab::labels(HANDLUNGSFELDER, &f.handlungsfelder),
            "Lebensphasen": vocab::labels(LEBENSPHASEN, &f.lebensphasen),
            "Zielgruppen": vocab::labels(ZIELGRUPPEN, &f.zielgruppen),
            "Sozialraum": self.sozialraum_label(),
            "Zugänge": vocab::labels(ZUGAENGE, &f.zugaenge),
            "Niedrigschwellig": f.niedrigschwellig,
            "Verantwortlicher Partner": self.partner_name.clone().unwrap_or_default(),
            "Finanzierung": vocab::labels(FINANZIERUNG, &f.finanzierung),
            "Beginn": date(f.start_date),
            "Ende": date(f.end_date),
            "Status": self.status_label(),
            "Reichweite pro Jahr": f.reach_per_year.map(|r| format::integer(r.into())).unwrap_or_default(),
            "Jährliche Kosten (Euro)": f.annual_cost_euro.map(format::integer).unwrap_or_default(),
            "Beteiligung von Kindern und Familien": f.participation,
            "Wirkungslogik: Input": f.impact_input,
            "Wirkungslogik: Output": f.impact_output,
            "Wirkungslogik: Outcome": f.impact_outcome,
            "Verknüpfte Ziele": self.goals.iter().map(|g| g.title.clone()).collect::<Vec<_>>(),
        })
    }
}

struct MeasureRecord {
    id: i64,
    version: i32,
    title: String,
    description: String,
    handlungsfelder: Vec<String>,
    lebensphasen: Vec<String>,
    zielgruppen: Vec<String>,
    zugaenge: Vec<String>,
    finanzierung: Vec<String>,
    sozialraum_id: Option<i64>,
    sozialraum_name: Option<String>,
    niedrigschwellig: bool,
    partner_id: Option<i64>,
    partner_name: Option<String>,
    start_date: Option<Date>,
    end_date: Option<Date>,
    status: MeasureStatus,
    reach_per_year: Option<i32>,
    annual_cost_euro: Option<i64>,
    participation: String,
    impact_input: String,
    impact_output: String,
    impact_outcome: String,
    goal_ids: Vec<i64>,
    goal_levels: Vec<String>,
    goal_titles: Vec<String>,
}

impl From<MeasureRecord> for Measure {
    fn from(r: MeasureRecord) -> Self {
        let goals: Vec<GoalChoice> = r
            .goal_ids
            .iter()
            .zip(r.goal_levels)
            .zip(r.goal_titles)
            .map(|((id, level), title)| GoalChoice {
                id: *id,
                level,
                title,
            })
            .collect();
        Measure {
            id: r.id,
            version: r.version,
            fields: MeasureFields {
                title: r.title,
                description: r.description,
                handlungsfelder: r.handlungsfelder,
                lebensphasen: r.lebensphasen,
                zielgruppen: r.zielgruppen,
                zugaenge: r.zugaenge,
                finanzierung: r.finanzierung,
                sozialraum_id: r.sozialraum_id,
                niedrigschwellig: r.niedrigschwellig,
                partner_id: r.partner_id,
                start_date: r.start_date,
                end_date: r.end_date,
                status: r.status,
                reach_per_year: r.reach_per_year,
                annual_cost_euro: r.annual_cost_euro,
                participation: r.participation,
                impact_input: r.impact_input,
                impact_output: r.impact_output,
                impact_outcome: r.impact_outcome,
                goal_ids: r.goal_ids,
            },
            sozialraum_name: r.sozialraum_name,
            partner_name: r.partner_name,
            goals,
        }
    }
}

/// Every measure of a network, by title (the CSV export). One query.
pub async fn all(db: impl PgExecutor<'_>, network_id: i64) -> sqlx::Result<Vec<Measure>> {
    select(db, network_id, None).await
}

/// Measure `id` if it belongs to network `network_id`. One query.
pub async fn find(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<Option<Measure>> {
    Ok(select(db, network_id, Some(id)).await?.pop())
}

/// The measures of a network with their Sozialraum, partner and goals: all, or just `only`.
async fn select(
    db: impl PgExecutor<'_>,
    network_id: i64,
    only: Option<i64>,
) -> sqlx::Result<Vec<Measure>> {
    let records = sqlx::query_as!(
        MeasureRecord,
        r#"SELECT m.id, m.version, m.title, m.description, m.handlungsfelder, m.lebensphasen,
                  m.zielgruppen, m.zugaenge, m.finanzierung, m.sozialraum_id,
                  s.name AS "sozialraum_name?", m.niedrigschwellig, m.partner_id,
                  p.name AS "partner_name?", m.start_date, m.end_date, m.status AS "status: MeasureStatus",
                  m.reach_per_year, m.annual_cost_euro, m.participation, m.impact_input,
                  m.impact_output, m.impact_outcome,
                  linked.ids AS "goal_ids!", linked.levels AS "goal_levels!",
                  linked.titles AS "goal_titles!"
           FROM measures m
           LEFT JOIN sozialraeume s ON s.network_id = m.network_id AND s.id = m.sozialraum_id
           LEFT JOIN partners p ON p.network_id = m.network_id AND p.id = m.partner_id
           -- The linked goals, by level then title, as three parallel arrays.
           CROSS JOIN LATERAL (
               SELECT coalesce(array_agg(g.id ORDER BY g.position), '{}') AS ids,
                      coalesce(array_agg(g.level ORDER BY g.position), '{}') AS levels,
                      coalesce(array_agg(g.title ORDER BY g.position), '{}') AS titles
               FROM (SELECT g.id, g.level, g.title,
                            row_number() OVER (ORDER BY array_position(ARRAY['kernziel', 'mittelziel', 'handlungsziel'], g.level),
                                               g.title COLLATE "de-x-icu", g.id) AS position
                     FROM measure_goals mg
                     JOIN goals g ON g.network_id = mg.network_id AND g.id = mg.goal_id
                     WHERE mg.measure_id = m.id) g
           ) linked
           WHERE m.network_id = $1 AND ($2::bigint IS NULL OR m.id = $2)
           ORDER BY m.title COLLATE "de-x-icu", m.id"#,
        network_id,
        only
    )
    .fetch_all(db)
    .await?;
    Ok(records.into_iter().map(Measure::from).collect())
}

pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    f: &MeasureFields,
) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar!(
        "INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen,
                               zielgruppen, zugaenge, finanzierung, sozialraum_id,
                               niedrigschwellig, partner_id, start_date, end_date, status,
                               reach_per_year, annual_cost_euro, participation, impact_input,
                               impact_output, impact_outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19, $20)
         RETURNING id",
        network_id,
        f.title,
        f.description,
        &f.handlungsfelder,
        &f.lebensphasen,
        &f.zielgruppen,
        &f.zugaenge,
        &f.finanzierung,
        f.sozialraum_id,
        f.niedrigschwellig,
        f.partner_id,
        f.start_date,
        f.end_date,
        f.status as MeasureStatus,
        f.reach_per_year,
        f.annual_cost_euro,
        f.participation,
        f.impact_input,
        f.impact_output,
        f.impact_outcome,
    )
    .fetch_one(&mut **tx)
    .await?;
    replace_goals(tx, network_id, id, &f.goal_ids).await?;
    Ok(id)
}

/// Writes the fields if `version` is still current; `false` (nothing written) otherwise.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    id: i64,
    version: i32,
    f: &MeasureFields,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE measures SET title = $4, description = $5, handlungsfelder = $6,
                lebensphasen = $7, zielgruppen = $8, zugaenge = $9, finanzierung = $10,
                sozialraum_id = $11, niedrigschwellig = $12, partner_id = $13, start_date = $14,
                end_date = $15, status = $16, reach_per_year = $17, annual_cost_euro = $18,
                participation = $19, impact_input = $20, impact_output = $21,
                impact_outcome = $22, version = version + 1, updated_at = now()
         WHERE network_id = $1 AND id = $2 AND version = $3",
        network_id,
        id,
        version,
        f.title,
        f.description,
        &f.handlungsfelder,
        &f.lebensphasen,
        &f.zielgruppen,
        &f.zugaenge,
        &f.finanzierung,
        f.sozialraum_id,
        f.niedrigschwellig,
        f.partner_id,
        f.start_date,
        f.end_date,
        f.status as MeasureStatus,
        f.reach_per_year,
        f.annual_cost_euro,
        f.participation,
        f.impact_input,
        f.impact_output,
        f.impact_outcome,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if updated {
        replace_goals(tx, network_id, id, &f.goal_ids).await?;
    }
    Ok(updated)
}

/// Replaces the set of linked goals (the composite key keeps them in the network).
async fn replace_goals(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    measure_id: i64,
    goal_ids: &[i64],
) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM measure_goals WHERE measure_id = $1 AND NOT (goal_id = ANY($2))",
        measure_id,
        goal_ids
    )
    .execute(&mut **tx)
    .await?;
    if !goal_ids.is_empty() {
        sqlx::query!(
            "INSERT INTO measure_goals (network_id, measure_id, goal_id)
             SELECT $1, $2, UNNEST($3::bigint[])
             ON CONFLICT (measure_id, goal_id) DO NOTHING",
            network_id,
            measure_id,
            goal_ids
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The foreign keys to what a measure names from its network (partner, Sozialraum, goals),
/// each with the form field that chose it: violated when that was removed while the form was
/// open. PostgreSQL named them after their columns.
pub const CHOSEN_REFERENCES: &[(&str, &str)] = &[
    ("measures_network_id_partner_id_fkey", "partner_id"),
    ("measures_network_id_sozialraum_id_fkey", "sozialraum_id"),
    ("measure_goals_network_id_goal_id_fkey", "goal_ids"),
];
