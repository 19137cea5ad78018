//! Measures of a network with their linked goals. Every query names the network, so an id of
//! another network finds nothing; the composite foreign keys of the schema are the backstop.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::Date;

use crate::states::MeasureStatus;
use crate::vocab;

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
pub async fn all(pool: &PgPool, network_id: i64) -> sqlx::Result<Vec<Measure>> {
    select(pool, network_id, None).await
}

/// Measure `id` if it belongs to network `network_id`. One query.
pub async fn find(pool: &PgPool, network_id: i64, id: i64) -> sqlx::Result<Option<Measure>> {
    Ok(select(pool, network_id, Some(id)).await?.pop())
}

/// The measures of a network with their Sozialraum, partner and goals: all, or just `only`.
async fn select(pool: &PgPool, network_id: i64, only: Option<i64>) -> sqlx::Result<Vec<Measure>> {
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
    .fetch_all(pool)
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

pub async fn delete(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
    version: i32,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "DELETE FROM measures WHERE network_id = $1 AND id = $2 AND version = $3",
        network_id,
        id,
        version
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// The foreign keys to what a measure names from its network (partner, Sozialraum, goals),
/// each with the form field that chose it: violated when that was removed while the form was
/// open. PostgreSQL named them after their columns.
pub const CHOSEN_REFERENCES: &[(&str, &str)] = &[
    ("measures_network_id_partner_id_fkey", "partner_id"),
    ("measures_network_id_sozialraum_id_fkey", "sozialraum_id"),
    ("measure_goals_network_id_goal_id_fkey", "goal_ids"),
];

/// The Sozialraum filter of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlaceFilter {
    #[default]
    Any,
    WholeCommune,
    Sozialraum(i64),
    /// Measures that reach this Sozialraum: its own and those for the whole municipality
    /// (as the Bestandsaufnahme counts them).
    Reaching(i64),
}

/// The partner filter of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PartnerFilter {
    #[default]
    Any,
    Without,
    Partner(i64),
}

/// The list's filters, all combined with AND; several values of one facet with OR.
#[derive(Clone, Debug, Default)]
pub struct MeasureFilter {
    pub text: String,
    pub status: Vec<String>,
    pub handlungsfelder: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub zielgruppen: Vec<String>,
    pub zugaenge: Vec<String>,
    pub finanzierung: Vec<String>,
    pub place: PlaceFilter,
    pub partner: PartnerFilter,
    pub niedrigschwellig: bool,
}

impl MeasureFilter {
    /// An ILIKE pattern for the text search, with `%`, `_` and `\` taken literally.
    fn pattern(&self) -> Option<String> {
        let text = self.text.trim();
        if text.is_empty() {
            return None;
        }
        let mut pattern = String::from("%");
        for c in text.chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        Some(pattern)
    }

    fn place_params(&self) -> (&'static str, Option<i64>) {
        match self.place {
            PlaceFilter::Any => ("alle", None),
            PlaceFilter::WholeCommune => ("gesamt", None),
            PlaceFilter::Sozialraum(id) => ("sozialraum", Some(id)),
            PlaceFilter::Reaching(id) => ("erreichbar", Some(id)),
        }
    }

    fn partner_params(&self) -> (&'static str, Option<i64>) {
        match self.partner {
            PartnerFilter::Any => ("alle", None),
            PartnerFilter::Without => ("ohne", None),
            PartnerFilter::Partner(id) => ("partner", Some(id)),
        }
    }
}

/// What the list can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Title,
    Status,
    Start,
    Reach,
    Cost,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        Self::Title,
        Self::Status,
        Self::Start,
        Self::Reach,
        Self::Cost,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Title => "titel",
            Self::Status => "status",
            Self::Start => "beginn",
            Self::Reach => "reichweite",
            Self::Cost => "kosten",
        }
    }
}

/// A sort key and direction, written `titel` or `-titel` (descending) in the address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// Unknown values fall back to the title, ascending.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (descending, code) = match text.strip_prefix('-') {
            Some(code) => (true, code),
            None => (false, text),
        };
        SortKey::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .map(|key| Self { key, descending })
    }

    pub fn code(self) -> String {
        if self.descending {
            format!("-{}", self.key.code())
        } else {
            self.key.code().to_owned()
        }
    }
}

/// One line of the list.
pub struct MeasureRow {
    pub id: i64,
    pub title: String,
    pub status: MeasureStatus,
    pub handlungsfelder: Vec<String>,
    pub sozialraum_name: Option<String>,
    pub partner_name: Option<String>,
    pub niedrigschwellig: bool,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub reach_per_year: Option<i32>,
    pub annual_cost_euro: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

/// One page (of [`PAGE_SIZE`]) of the measures passing `filter`, sorted, and how many pass
/// it; a page beyond the last gives the last. One query.
pub async fn page(
    pool: &PgPool,
    network_id: i64,
    filter: &MeasureFilter,
    sort: Sort,
    page: i64,
) -> sqlx::Result<(Vec<MeasureRow>, i64)> {
    let (place, place_id) = filter.place_params();
    let (partner, partner_id) = filter.partner_params();
    let rows = sqlx::query!(
        r#"WITH passing AS (
             SELECT m.id FROM measures m
             WHERE m.network_id = $1
             AND ($2::text IS NULL OR m.title ILIKE $2 OR m.description ILIKE $2)
             AND (cardinality($3::text[]) = 0 OR m.status = ANY($3))
             AND (cardinality($4::text[]) = 0 OR m.handlungsfelder && $4)
             AND (cardinality($5::text[]) = 0 OR m.lebensphasen && $5)
             AND (cardinality($6::text[]) = 0 OR m.zielgruppen && $6)
             AND (cardinality($7::text[]) = 0 OR m.zugaenge && $7)
             AND (cardinality($8::text[]) = 0 OR m.finanzierung && $8)
             AND ($9 = 'alle' OR ($9 = 'gesamt' AND m.sozialraum_id IS NULL)
                  OR ($9 = 'erreichbar' AND m.sozialraum_id IS NULL) OR m.sozialraum_id = $10)
             AND ($11 = 'alle' OR ($11 = 'ohne' AND m.partner_id IS NULL)
                  OR m.partner_id = $12)
             AND (NOT $13 OR m.niedrigschwellig)
           ),
           total AS (SELECT count(*) AS count FROM passing)
           SELECT m.id, m.title, m.status AS "status: MeasureStatus", m.handlungsfelder, s.name AS "sozialraum_name?",
                  p.name AS "partner_name?", m.niedrigschwellig, m.start_date, m.end_date,
                  m.reach_per_year, m.annual_cost_euro, total.count AS "total!"
           FROM passing JOIN measures m ON m.network_id = $1 AND m.id = passing.id
           CROSS JOIN total
           LEFT JOIN sozialraeume s ON s.network_id = m.network_id AND s.id = m.sozialraum_id
           LEFT JOIN partners p ON p.network_id = m.network_id AND p.id = m.partner_id
           ORDER BY
             CASE WHEN $14 = 'titel' AND NOT $15 THEN m.title END COLLATE "de-x-icu" ASC,
             CASE WHEN $14 = 'titel' AND $15 THEN m.title END COLLATE "de-x-icu" DESC,
             CASE WHEN $14 = 'status' AND NOT $15
                  THEN array_position(ARRAY['geplant', 'laufend', 'pausiert', 'beendet'], m.status) END ASC,
             CASE WHEN $14 = 'status' AND $15
                  THEN array_position(ARRAY['geplant', 'laufend', 'pausiert', 'beendet'], m.status) END DESC,
             CASE WHEN $14 = 'beginn' AND NOT $15 THEN m.start_date END ASC NULLS LAST,
             CASE WHEN $14 = 'beginn' AND $15 THEN m.start_date END DESC NULLS LAST,
             CASE WHEN $14 = 'reichweite' AND NOT $15 THEN m.reach_per_year END ASC NULLS LAST,
             CASE WHEN $14 = 'reichweite' AND $15 THEN m.reach_per_year END DESC NULLS LAST,
             CASE WHEN $14 = 'kosten' AND NOT $15 THEN m.annual_cost_euro END ASC NULLS LAST,
             CASE WHEN $14 = 'kosten' AND $15 THEN m.annual_cost_euro END DESC NULLS LAST,
             m.title COLLATE "de-x-icu", m.id
           LIMIT $16
           OFFSET (least($17, greatest(((SELECT count FROM total) + $16 - 1) / $16, 1)) - 1) * $16"#,
        network_id,
        filter.pattern(),
        &filter.status,
        &filter.handlungsfelder,
        &filter.lebensphasen,
        &filter.zielgruppen,
        &filter.zugaenge,
        &filter.finanzierung,
        place,
        place_id,
        partner,
        partner_id,
        filter.niedrigschwellig,
        sort.key.code(),
        sort.descending,
        PAGE_SIZE,
        page.max(1),
    )
    .fetch_all(pool)
    .await?;
    // No row: nothing passes the filter (any other page request is moved onto the last page).
    let total = rows.first().map_or(0, |row| row.total);
    let rows = rows
        .into_iter()
        .map(|row| MeasureRow {
            id: row.id,
            title: row.title,
            status: row.status,
            handlungsfelder: row.handlungsfelder,
            sozialraum_name: row.sozialraum_name,
            partner_name: row.partner_name,
            niedrigschwellig: row.niedrigschwellig,
            start_date: row.start_date,
            end_date: row.end_date,
            reach_per_year: row.reach_per_year,
            annual_cost_euro: row.annual_cost_euro,
        })
        .collect();
    Ok((rows, total))
}
