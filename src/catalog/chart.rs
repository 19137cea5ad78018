//! The SVG charts of a comparison: the distribution of the latest values per Land (box from the
//! lower to the upper quartile, median as a bar, named networks as dots, the national median
//! as a dashed line), and the time series of up to five networks (lines told apart by dash
//! pattern and marker shape, not by colour). Texts are escaped here; the pages include the
//! result with `|safe`, the tables beside them carry the same values.

use std::fmt::Write as _;

use time::Date;

use crate::format;
use crate::indicators::chart::{c, day_number, escape, horizontal_grid, scale};

/// One network's value in a distribution row.
pub struct Dot {
    pub value: f64,
    /// "Präventionskette Hamm: 93,1 %"
    pub label: String,
    /// The viewer's own network: drawn as a larger diamond.
    pub own: bool,
}

/// One Land: its quartiles and median (if there are enough networks), and the named networks.
pub struct Row {
    pub label: String,
    /// (lower quartile, median, upper quartile)
    pub stats: Option<(f64, f64, f64)>,
    pub dots: Vec<Dot>,
}

pub struct DistributionChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub rows: &'a [Row],
    pub national_median: Option<f64>,
    pub format_value: &'a dyn Fn(f64) -> String,
}

const WIDTH: f64 = 720.0;
const LEFT: f64 = 190.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 36.0;
const ROW: f64 = 30.0;
const BOTTOM: f64 = 36.0;

fn open(svg: &mut String, id: &str, title: &str, description: &str, height: f64) {
    let _ = write!(
        svg,
        r#"<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-titel" aria-describedby="{id}-beschreibung"><title id="{id}-titel">{title}</title><desc id="{id}-beschreibung">{desc}</desc>"#,
        height = c(height),
        id = escape(id),
        title = escape(title),
        desc = escape(description),
    );
}

/// Value gridlines and their labels below the plot.
fn value_axis(
    svg: &mut String,
    ticks: &[f64],
    x: &dyn Fn(f64) -> f64,
    top: f64,
    bottom: f64,
    format_value: &dyn Fn(f64) -> String,
) {
    svg.push_str(r#"<g class="app-chart__grid" aria-hidden="true">"#);
    for tick in ticks {
        let _ = write!(
            svg,
            r#"<line x1="{xx}" x2="{xx}" y1="{t}" y2="{b}" stroke="currentColor" stroke-opacity="0.2"/><text class="app-chart__tick" x="{xx}" y="{ty}" text-anchor="middle" fill="currentColor" font-size="13">{label}</text>"#,
            xx = c(x(*tick)),
            t = c(top),
            b = c(bottom),
            ty = c(bottom + 20.0),
            label = escape(&format_value(*tick)),
        );
    }
    svg.push_str("</g>");
}

pub fn distribution(chart: &DistributionChart) -> String {
    let height = TOP + ROW * chart.rows.len().max(1) as f64 + BOTTOM;
    let mut svg = String::new();
    open(&mut svg, chart.id, chart.title, chart.description, height);
    let values = chart.rows.iter().flat_map(|r| {
        r.stats
            .into_iter()
            .flat_map(|(a, b, c)| [a, b, c])
            .chain(r.dots.iter().map(|d| d.value))
    });
    let scale = scale(values.chain(chart.national_median));
    let plot_w = WIDTH - LEFT - RIGHT;
    let x = |v: f64| LEFT + (v - scale.low) / (scale.high - scale.low) * plot_w;
    let bottom = TOP + ROW * chart.rows.len().max(1) as f64;
    value_axis(&mut svg, &scale.ticks, &x, TOP, bottom, chart.format_value);
    for (i, row) in chart.rows.iter().enumerate() {
        let middle = TOP + ROW * i as f64 + ROW / 2.0;
        let _ = write!(
            svg,
            r#"<text x="{tx}" y="{ty}" text-anchor="end" fill="currentColor" font-size="13">{label}</text>"#,
            tx = c(LEFT - 10.0),
            ty = c(middle + 4.0),
            label = escape(&row.label),
        );
        if let Some((q1, median, q3)) = row.stats {
            let _ = write!(
                svg,
                r#"<g class="app-chart__box"><title>{label}: Median {m}, mittlere Hälfte {a} bis {b}</title><rect x="{x1}" y="{y}" width="{w}" height="14" fill="currentColor" fill-opacity="0.15" stroke="currentColor"/><line x1="{xm}" x2="{xm}" y1="{y}" y2="{y2}" stroke="currentColor" stroke-width="4"/></g>"#,
                label = escape(&row.label),
                m = escape(&(chart.format_value)(median)),
                a = escape(&(chart.format_value)(q1)),
                b = escape(&(chart.format_value)(q3)),
                x1 = c(x(q1)),
                w = c((x(q3) - x(q1)).max(1.0)),
                y = c(middle - 7.0),
                y2 = c(middle + 7.0),
                xm = c(x(median)),
            );
        }
        for dot in &row.dots {
            if dot.own {
                let (cx, cy) = (x(dot.value), middle);
                let _ = write!(
                    svg,
                    r#"<path class="app-chart__value" d="M{} {} L{} {} L{} {} L{} {} Z" fill="currentColor" stroke="white" stroke-width="1.5"><title>{}</title></path>"#,
                    c(cx),
                    c(cy - 9.0),
                    c(cx + 9.0),
                    c(cy),
                    c(cx),
                    c(cy + 9.0),
                    c(cx - 9.0),
                    c(cy),
                    escape(&dot.label)
                );
            } else {
                let _ = write!(
                    svg,
                    r#"<circle class="app-chart__point" cx="{}" cy="{}" r="4.5" fill="currentColor" fill-opacity="0.8"><title>{}</title></circle>"#,
                    c(x(dot.value)),
                    c(middle),
                    escape(&dot.label)
                );
            }
        }
    }
    if let Some(median) = chart.national_median {
        // The label stays inside the chart: beside the line, towards the middle.
        let anchor = if x(median) > LEFT + plot_w / 2.0 {
            "end"
        } else {
            "start"
        };
        let _ = write!(
            svg,
            r#"<g class="app-chart__reference app-chart__reference--target"><line x1="{xx}" x2="{xx}" y1="{t}" y2="{b}" stroke="currentColor" stroke-width="2.5" stroke-dasharray="10 5"/><text x="{xx}" y="{ty}" text-anchor="{anchor}" fill="currentColor" font-size="13">Bundesweiter Median: {label}</text></g>"#,
            xx = c(x(median)),
            t = c(TOP - 8.0),
            b = c(bottom),
            ty = c(TOP - 14.0),
            label = escape(&(chart.format_value)(median)),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One network's values over time.
pub struct Series {
    pub name: String,
    pub points: Vec<(Date, f64)>,
}

/// Dash patterns and marker shapes of the (up to five) series, in order; the legend on the page
/// names them in words.
pub const STYLES: [(&str, &str); 5] = [
    ("", "Kreis"),
    ("10 5", "Quadrat"),
    ("3 4", "Raute"),
    ("14 4 3 4", "Dreieck"),
    ("6 6", "Ring"),
];

fn marker(svg: &mut String, style: usize, x: f64, y: f64, title: &str) {
    let title = escape(title);
    let _ = match style {
        1 => write!(
            svg,
            r#"<rect x="{}" y="{}" width="10" height="10" fill="currentColor"><title>{title}</title></rect>"#,
            c(x - 5.0),
            c(y - 5.0)
        ),
        2 => write!(
            svg,
            r#"<path d="M{} {} L{} {} L{} {} L{} {} Z" fill="currentColor"><title>{title}</title></path>"#,
            c(x),
            c(y - 7.0),
            c(x + 7.0),
            c(y),
            c(x),
            c(y + 7.0),
            c(x - 7.0),
            c(y)
        ),
        3 => write!(
            svg,
            r#"<path d="M{} {} L{} {} L{} {} Z" fill="currentColor"><title>{title}</title></path>"#,
            c(x),
            c(y - 7.0),
            c(x + 7.0),
            c(y + 6.0),
            c(x - 7.0),
            c(y + 6.0)
        ),
        4 => write!(
            svg,
            r#"<circle cx="{}" cy="{}" r="5" fill="white" stroke="currentColor" stroke-width="2.5"><title>{title}</title></circle>"#,
            c(x),
            c(y)
        ),
        _ => write!(
            svg,
            r#"<circle cx="{}" cy="{}" r="5" fill="currentColor"><title>{title}</title></circle>"#,
            c(x),
            c(y)
        ),
    };
}

pub fn series(
    id: &str,
    title: &str,
    description: &str,
    series: &[Series],
    format_value: &dyn Fn(f64) -> String,
) -> String {
    const HEIGHT: f64 = 320.0;
    const LEFT_S: f64 = 84.0;
    const TOP_S: f64 = 20.0;
    const BOTTOM_S: f64 = 44.0;
    let mut svg = String::new();
    open(&mut svg, id, title, description, HEIGHT);
    let all = || series.iter().flat_map(|s| s.points.iter());
    let scale = scale(all().map(|p| p.1));
    let first = all().map(|p| day_number(p.0)).fold(f64::INFINITY, f64::min);
    let last = all()
        .map(|p| day_number(p.0))
        .fold(f64::NEG_INFINITY, f64::max);
    let plot_w = WIDTH - LEFT_S - RIGHT;
    let plot_h = HEIGHT - TOP_S - BOTTOM_S;
    let y = |v: f64| TOP_S + plot_h - (v - scale.low) / (scale.high - scale.low) * plot_h;
    let x = |d: Date| {
        if last > first {
            LEFT_S + 12.0 + (day_number(d) - first) / (last - first) * (plot_w - 24.0)
        } else {
            LEFT_S + plot_w / 2.0
        }
    };
    svg.push_str(r#"<g class="app-chart__grid" aria-hidden="true">"#);
    horizontal_grid(
        &mut svg,
        &scale.ticks,
        &y,
        (LEFT_S, LEFT_S + plot_w),
        format_value,
    );
    // Years along the time axis: first and last date.
    let dates: Vec<Date> = all().map(|p| p.0).collect();
    if let (Some(min), Some(max)) = (dates.iter().min(), dates.iter().max()) {
        for (date, anchor) in [(*min, "start"), (*max, "end")] {
            let _ = write!(
                svg,
                r#"<text class="app-chart__tick" x="{}" y="{}" text-anchor="{anchor}" fill="currentColor" font-size="13">{}</text>"#,
                c(x(date)),
                c(TOP_S + plot_h + 24.0),
                format::date(date)
            );
        }
    }
    svg.push_str("</g>");
    for (i, s) in series.iter().enumerate() {
        let style = i % STYLES.len();
        let path: Vec<String> = s
            .points
            .iter()
            .map(|(d, v)| format!("{},{}", c(x(*d)), c(y(*v))))
            .collect();
        let _ = write!(
            svg,
            r#"<g class="app-chart__line"><polyline points="{}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-dasharray="{}"/>"#,
            path.join(" "),
            STYLES[style].0
        );
        for (d, v) in &s.points {
            let label = format!("{}, {}: {}", s.name, format::date(*d), format_value(*v));
            marker(&mut svg, style, x(*d), y(*v), &label);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}
