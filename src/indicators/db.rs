//! SQL of indicators and their values. Every query names the network: an indicator of another
//! network is not found, and its values are neither read nor written.

use sqlx::{PgExecutor, Postgres, Transaction};
use time::{Date, OffsetDateTime};

use super::{number_with_unit, unit_symbol};
use crate::format;
use crate::vocab::{EINHEITEN, label};

#[derive(Clone, Debug)]
pub struct Indicator {
    pub id: i64,
    pub goal_id: Option<i64>,
    pub goal_title: Option<String>,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub unit_label: String,
    pub higher_is_better: bool,
    pub data_source: String,
    pub baseline_value: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target_value: Option<f64>,
    pub target_date: Option<Date>,
    pub version: i32,
    /// Adopted from the common catalog: definition, unit and direction are the catalog's.
    pub catalog_id: Option<i64>,
}

crate::web::edit::versioned!(Indicator, "indicator", find: find, delete_from: "indicators", "Die Kennzahl");

impl Indicator {
    /// "%", "€", "Tage", the own label of "sonstige", or "" for plain counts.
    pub fn symbol(&self) -> String {
        unit_symbol(&self.unit, &self.unit_label)
    }

    /// A value with its unit, German: "93,5 %".
    pub fn value_text(&self, value: f64) -> String {
        number_with_unit(value, &self.symbol())
    }

    /// A difference: percentages change by Prozentpunkte.
    pub fn change_text(&self, value: f64) -> String {
        if self.unit == "prozent" {
            format!("{} Prozentpunkte", super::chart::number(value))
        } else {
            self.value_text(value)
        }
    }

    pub fn unit_text(&self) -> String {
        if self.unit == "sonstige" {
            self.unit_label.clone()
        } else {
            label(EINHEITEN, &self.unit).to_owned()
        }
    }

    pub fn direction_text(&self) -> &'static str {
        if self.higher_is_better {
            "Höher ist besser"
        } else {
            "Niedriger ist besser"
        }
    }

    /// "80 % (31.12.2020)", or "" without a value.
    pub fn baseline_text(&self) -> String {
        reference_text(self, self.baseline_value, self.baseline_date, "Stand")
    }

    /// "95 % bis 31.12.2027", or "" without a value.
    pub fn target_text(&self) -> String {
        reference_text(self, self.target_value, self.target_date, "bis")
    }

    pub fn audit_values(&self) -> serde_json::Value {
        let number = |v: Option<f64>| v.map(super::chart::number).unwrap_or_default();
        let date = |d: Option<Date>| d.map(format::date).unwrap_or_default();
        serde_json::json!({
            "Name": self.name,
            "Definition": self.definition,
            "Einheit": self.unit_text(),
            "Richtung": self.direction_text(),
            "Datenquelle": self.data_source,
            "Ausgangswert": number(self.baseline_value),
            "Ausgangswert vom": date(self.baseline_date),
            "Zielwert": number(self.target_value),
            "Zielwert bis": date(self.target_date),
            "Ziel": self.goal_title.clone().unwrap_or_default(),
        })
    }
}

fn reference_text(
    indicator: &Indicator,
    value: Option<f64>,
    date: Option<Date>,
    word: &str,
) -> String {
    match (value, date) {
        (Some(v), Some(d)) if word == "bis" => {
            format!("{} bis {}", indicator.value_text(v), format::date(d))
        }
        (Some(v), Some(d)) => format!("{} ({word} {})", indicator.value_text(v), format::date(d)),
        (Some(v), None) => indicator.value_text(v),
        (None, _) => String::new(),
    }
}

/// What the indicator form writes.
#[derive(Clone, Debug)]
pub struct IndicatorFields {
    pub goal_id: Option<i64>,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub unit_label: String,
    pub higher_is_better: bool,
    pub data_source: String,
    pub baseline_value: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target_value: Option<f64>,
    pub target_date: Option<Date>,
}

/// One measured value, with who entered it.
#[derive(Clone, Debug)]
pub struct Measurement {
    pub id: i64,
    pub indicator_id: i64,
    pub period_date: Date,
    pub value: f64,
    pub note: String,
    pub entered_by: Option<String>,
    pub entered_at: OffsetDateTime,
}

impl Measurement {
    pub fn period_text(&self) -> String {
        format::date(self.period_date)
    }

    pub fn entered_at_text(&self) -> String {
        format::date_time(self.entered_at)
    }

    pub fn entered_by_text(&self) -> &str {
        format::entered_by(self.entered_by.as_deref())
    }
}

pub async fn all(db: impl PgExecutor<'_>, network_id: i64) -> sqlx::Result<Vec<Indicator>> {
    sqlx::query_as!(
        Indicator,
        r#"SELECT i.id, i.goal_id, g.title AS "goal_title?", i.name, i.definition, i.unit,
                  i.unit_label, i.higher_is_better, i.data_source, i.baseline_value,
                  i.baseline_date, i.target_value, i.target_date, i.version, i.catalog_id
           FROM indicators i
           LEFT JOIN goals g ON g.id = i.goal_id AND g.network_id = i.network_id
           WHERE i.network_id = $1
           ORDER BY i.name, i.id"#,
        network_id
    )
    .fetch_all(db)
    .await
}

pub async fn find(
    db: impl PgExecutor<'_>,
    network_id: i64,
    id: i64,
) -> sqlx::Result<Option<Indicator>> {
    sqlx::query_as!(
        Indicator,
        r#"SELECT i.id, i.goal_id, g.title AS "goal_title?", i.name, i.definition, i.unit,
                  i.unit_label, i.higher_is_better, i.data_source, i.baseline_value,
                  i.baseline_date, i.target_value, i.target_date, i.version, i.catalog_id
           FROM indicators i
           LEFT JOIN goals g ON g.id = i.goal_id AND g.network_id = i.network_id
           WHERE i.network_id = $1 AND i.id = $2"#,
        network_id,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    fields: &IndicatorFields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO indicators (network_id, goal_id, name, definition, unit, unit_label,
                                 higher_is_better, data_source, baseline_value, baseline_date,
                                 target_value, target_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         RETURNING id",
        network_id,
        fields.goal_id,
        fields.name,
        fields.definition,
        fields.unit,
        fields.unit_label,
        fields.higher_is_better,
        fields.data_source,
        fields.baseline_value,
        fields.baseline_date,
        fields.target_value,
        fields.target_date,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Writes the fields if `version` is still current; `false` (nothing written) otherwise.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    id: i64,
    version: i32,
    fields: &IndicatorFields,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        // An adopted indicator keeps the catalog's definition, unit and direction.
        "UPDATE indicators i SET goal_id = $4, name = $5,
                definition = coalesce(c.definition, $6), unit = coalesce(c.unit, $7),
                unit_label = coalesce(c.unit_label, $8),
                higher_is_better = coalesce(c.direction = 'hoeher_besser', $9),
                data_source = $10, baseline_value = $11,
                baseline_date = $12, target_value = $13, target_date = $14,
                version = i.version + 1, updated_at = now()
         FROM indicators own LEFT JOIN catalog_indicators c ON c.id = own.catalog_id
         WHERE own.id = i.id AND i.network_id = $1 AND i.id = $2 AND i.version = $3",
        network_id,
        id,
        version,
        fields.goal_id,
        fields.name,
        fields.definition,
        fields.unit,
        fields.unit_label,
        fields.higher_is_better,
        fields.data_source,
        fields.baseline_value,
        fields.baseline_date,
        fields.target_value,
        fields.target_date,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// The values of one indicator of the network, oldest first.
pub async fn values_of(
    db: impl PgExecutor<'_>,
    network_id: i64,
    indicator_id: i64,
) -> sqlx::Result<Vec<Measurement>> {
    sqlx::query_as!(
        Measurement,
        r#"SELECT v.id, v.indicator_id, v.period_date, v.value, v.note,
                  u.display_name AS "entered_by?", v.entered_at
           FROM indicator_values v
           JOIN indicators i ON i.id = v.indicator_id
           LEFT JOIN users u ON u.id = v.entered_by
           WHERE i.network_id = $1 AND v.indicator_id = $2
           ORDER BY v.period_date, v.id"#,
        network_id,
        indicator_id
    )
    .fetch_all(db)
    .await
}

/// The values of all indicators of the network, by indicator and date. One query.
pub async fn all_values(
    db: impl PgExecutor<'_>,
    network_id: i64,
) -> sqlx::Result<Vec<Measurement>> {
    sqlx::query_as!(
        Measurement,
        r#"SELECT v.id, v.indicator_id, v.period_date, v.value, v.note,
                  u.display_name AS "entered_by?", v.entered_at
           FROM indicator_values v
           JOIN indicators i ON i.id = v.indicator_id
           LEFT JOIN users u ON u.id = v.entered_by
           WHERE i.network_id = $1
           ORDER BY v.indicator_id, v.period_date, v.id"#,
        network_id
    )
    .fetch_all(db)
    .await
}

pub async fn find_value(
    db: impl PgExecutor<'_>,
    network_id: i64,
    indicator_id: i64,
    id: i64,
) -> sqlx::Result<Option<Measurement>> {
    sqlx::query_as!(
        Measurement,
        r#"SELECT v.id, v.indicator_id, v.period_date, v.value, v.note,
                  u.display_name AS "entered_by?", v.entered_at
           FROM indicator_values v
           JOIN indicators i ON i.id = v.indicator_id
           LEFT JOIN users u ON u.id = v.entered_by
           WHERE i.network_id = $1 AND v.indicator_id = $2 AND v.id = $3"#,
        network_id,
        indicator_id,
        id
    )
    .fetch_optional(db)
    .await
}

/// Why a value was not added.
pub enum NotAdded {
    /// The indicator is not one of the network's.
    NoIndicator,
    /// There is a value for that period date already.
    Duplicate,
}

pub async fn insert_value(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    indicator_id: i64,
    period_date: Date,
    value: f64,
    note: &str,
    entered_by: i64,
) -> sqlx::Result<Result<i64, NotAdded>> {
    let inserted = sqlx::query_scalar!(
        "INSERT INTO indicator_values (indicator_id, period_date, value, note, entered_by)
         SELECT i.id, $3, $4, $5, $6 FROM indicators i WHERE i.network_id = $1 AND i.id = $2
         ON CONFLICT ON CONSTRAINT indicator_values_period_key DO NOTHING
         RETURNING id",
        network_id,
        indicator_id,
        period_date,
        value,
        note,
        entered_by,
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = inserted {
        return Ok(Ok(id));
    }
    // Nothing inserted: either the indicator is foreign, or the period is taken.
    let exists = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM indicators WHERE network_id = $1 AND id = $2) AS "exists!""#,
        network_id,
        indicator_id
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Err(if exists {
        NotAdded::Duplicate
    } else {
        NotAdded::NoIndicator
    }))
}

pub async fn delete_value(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    indicator_id: i64,
    id: i64,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "DELETE FROM indicator_values v USING indicators i
         WHERE i.id = v.indicator_id AND i.network_id = $1 AND v.indicator_id = $2 AND v.id = $3",
        network_id,
        indicator_id,
        id
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// The goals an indicator may be linked to: (id, level, title) in tree order.
pub async fn goal_options(
    db: impl PgExecutor<'_>,
    network_id: i64,
) -> sqlx::Result<Vec<(String, String)>> {
    let goals = crate::goals::db::all_goals(db, network_id).await?;
    let tree = crate::goals::build_tree(goals, Vec::new(), Date::MIN);
    Ok(tree
        .iter()
        .flat_map(crate::goals::GoalNode::flatten)
        .map(|g| {
            let indent = match g.level.as_str() {
                "kernziel" => "",
                "mittelziel" => "– ",
                _ => "– – ",
            };
            (
                g.id.to_string(),
                format!("{indent}{}: {}", g.level_label(), g.title),
            )
        })
        .collect())
}

/// The catalog indicators network `network_id` may still adopt: (key, name), by name.
pub async fn catalog_options(
    db: impl PgExecutor<'_>,
    network_id: i64,
) -> sqlx::Result<Vec<(String, String)>> {
    let rows = sqlx::query!(
        r#"SELECT c.key, c.name FROM catalog_indicators c
           WHERE c.status = 'aktiv'
             AND NOT EXISTS (SELECT 1 FROM indicators i
                             WHERE i.catalog_id = c.id AND i.network_id = $1)
           ORDER BY c.name COLLATE "de-x-icu""#,
        network_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.key, r.name)).collect())
}

/// Adopts the active catalog indicator `key` for the network: a new indicator with the
/// catalog's name, definition, unit, direction and data source. `None` if there is no such
/// active indicator or the network has adopted it already.
pub async fn adopt(
    tx: &mut Transaction<'_, Postgres>,
    network_id: i64,
    key: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        "INSERT INTO indicators (network_id, catalog_id, name, definition, unit, unit_label,
                                 higher_is_better, data_source)
         SELECT $1, c.id, c.name, c.definition, c.unit, c.unit_label,
                c.direction = 'hoeher_besser', c.data_source
         FROM catalog_indicators c WHERE c.key = $2 AND c.status = 'aktiv'
         ON CONFLICT (catalog_id, network_id) WHERE catalog_id IS NOT NULL DO NOTHING
         RETURNING id",
        network_id,
        key
    )
    .fetch_optional(&mut **tx)
    .await
}
