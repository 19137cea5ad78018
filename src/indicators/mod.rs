//! Indicators (Kennzahlen) of a network with their measured values: list with small
//! multiples, detail page with an accessible SVG line chart and the data as a table, CSV export.
//!
//! For other pages (the network overview): [`small_multiples`].

pub mod chart;
pub mod db;
mod forms;
mod routes;

use sqlx::PgPool;
use time::Date;

pub use db::{Indicator, Measurement};
pub use routes::routes;

use crate::format;
use chart::{Chart, Point, Reference, ReferenceLine};

/// "%", "€", "‰", "Tage", the own label of "sonstige", or "" for plain counts.
pub fn unit_symbol(unit: &str, unit_label: &str) -> String {
    match unit {
        "prozent" => "%".into(),
        "euro" => "€".into(),
        "quote_promille" => "‰".into(),
        "tage" => "Tage".into(),
        "sonstige" => unit_label.to_owned(),
        _ => String::new(),
    }
}

/// "93,5 %", "1.200 €", "12" (German, up to two decimals).
pub fn number_with_unit(value: f64, symbol: &str) -> String {
    let number = chart::number(value);
    if symbol.is_empty() {
        number
    } else {
        format!("{number}\u{a0}{symbol}")
    }
}

/// An indicator in a list: its latest value against the target, with a sparkline.
#[derive(Clone, Debug)]
pub struct IndicatorSummary {
    pub id: i64,
    pub name: String,
    /// "%", "€", … or "".
    pub unit: String,
    pub higher_is_better: bool,
    pub goal_title: Option<String>,
    pub values: usize,
    pub latest: Option<Point>,
    pub baseline_value: Option<f64>,
    pub target_value: Option<f64>,
    pub target_date: Option<Date>,
    /// "93,5 % (31.12.2024)", or "Noch keine Messwerte".
    pub latest_text: String,
    /// "95 % bis 31.12.2027", or "".
    pub target_text: String,
    /// Whether the latest value meets the target; `None` without a target or values.
    pub target_reached: Option<bool>,
    /// A ready SVG (escaped inside); include it with `|safe`.
    pub sparkline: String,
}

impl IndicatorSummary {
    fn new(indicator: &Indicator, values: &[Measurement]) -> Self {
        let points: Vec<Point> = values
            .iter()
            .map(|v| Point {
                date: v.period_date,
                value: v.value,
            })
            .collect();
        let latest = points.last().copied();
        let target_reached = match (latest, indicator.target_value) {
            (Some(latest), Some(target)) => Some(if indicator.higher_is_better {
                latest.value >= target
            } else {
                latest.value <= target
            }),
            _ => None,
        };
        let (sparkline, _) = render_chart(
            indicator,
            &points,
            &format!("kennzahl-{}-verlauf", indicator.id),
            &format!("Verlauf: {}", indicator.name),
            chart::sparkline,
        );
        Self {
            id: indicator.id,
            name: indicator.name.clone(),
            unit: indicator.symbol(),
            higher_is_better: indicator.higher_is_better,
            goal_title: indicator.goal_title.clone(),
            values: points.len(),
            latest,
            baseline_value: indicator.baseline_value,
            target_value: indicator.target_value,
            target_date: indicator.target_date,
            latest_text: latest.map_or_else(
                || "Noch keine Messwerte".into(),
                |p| {
                    format!(
                        "{} ({})",
                        indicator.value_text(p.value),
                        format::date(p.date)
                    )
                },
            ),
            target_text: indicator.target_text(),
            target_reached,
            sparkline,
        }
    }
}

/// The texts of a chart, owned while the [`Chart`] borrows them.
struct OwnedChart {
    id: String,
    title: String,
    description: String,
    references: Vec<ReferenceLine>,
}

/// Renders `points` of `indicator` with `render` (line chart or sparkline); returns the SVG
/// and the description of the trend in words.
fn render_chart(
    indicator: &Indicator,
    points: &[Point],
    id: &str,
    title: &str,
    render: fn(&Chart) -> String,
) -> (String, String) {
    let owned = owned_chart(indicator, points, id, title);
    let format_value = |v: f64| indicator.value_text(v);
    let spec = Chart {
        id: &owned.id,
        title: &owned.title,
        description: &owned.description,
        points,
        references: &owned.references,
        format_value: &format_value,
    };
    (render(&spec), owned.description.clone())
}

fn owned_chart(indicator: &Indicator, points: &[Point], id: &str, title: &str) -> OwnedChart {
    let mut references = Vec::new();
    if let Some(value) = indicator.baseline_value {
        references.push(ReferenceLine {
            kind: Reference::Baseline,
            value,
            label: format!("Ausgangswert: {}", indicator.value_text(value)),
        });
    }
    if let Some(value) = indicator.target_value {
        references.push(ReferenceLine {
            kind: Reference::Target,
            value,
            label: format!("Ziel: {}", indicator.value_text(value)),
        });
    }
    let description = chart::describe(
        points,
        indicator.higher_is_better,
        indicator.baseline_value,
        indicator.target_value.map(|v| (v, indicator.target_date)),
        &|v| indicator.value_text(v),
        &|v| indicator.change_text(v),
    );
    OwnedChart {
        id: id.to_owned(),
        title: title.to_owned(),
        description,
        references,
    }
}

/// The line chart of the detail page and its description in words.
pub fn detail_chart(indicator: &Indicator, values: &[Measurement]) -> (String, String) {
    let points: Vec<Point> = values
        .iter()
        .map(|v| Point {
            date: v.period_date,
            value: v.value,
        })
        .collect();
    render_chart(
        indicator,
        &points,
        &format!("kennzahl-{}-diagramm", indicator.id),
        &format!("Verlauf: {}", indicator.name),
        chart::line_chart,
    )
}

/// Every indicator of a network with its latest value, target and a sparkline. Two queries
/// (indicators, and all their values ordered by indicator and date), whatever the size.
pub async fn small_multiples(
    pool: &PgPool,
    network_id: i64,
) -> sqlx::Result<Vec<IndicatorSummary>> {
    let indicators = db::all(pool, network_id).await?;
    let values = db::all_values(pool, network_id).await?;
    Ok(summaries(&indicators, &values))
}

fn summaries(indicators: &[Indicator], values: &[Measurement]) -> Vec<IndicatorSummary> {
    let mut by_indicator: std::collections::HashMap<i64, Vec<Measurement>> =
        std::collections::HashMap::new();
    for value in values {
        by_indicator
            .entry(value.indicator_id)
            .or_default()
            .push(value.clone());
    }
    indicators
        .iter()
        .map(|i| {
            IndicatorSummary::new(
                i,
                by_indicator
                    .get(&i.id)
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(number_with_unit(93.5, "%"), "93,5\u{a0}%");
        assert_eq!(number_with_unit(1200.0, ""), "1.200");
        assert_eq!(unit_symbol("sonstige", "Kinder"), "Kinder");
        assert_eq!(unit_symbol("anzahl", "ignoriert"), "");
    }
}
