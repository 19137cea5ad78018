//! Server-rendered SVG charts of an indicator's values: a line chart with baseline and target
//! as horizontal reference lines, and a small sparkline for lists.
//!
//! Pure functions: points in, an SVG string out. Every text that goes into the SVG is escaped
//! here (names come from users), so templates may include the result with `|safe`. Numbers in
//! texts are German (decimal comma); coordinates use a decimal point, as SVG requires.

mod trend;

use std::fmt::Write as _;

use time::Date;

use crate::format;

pub use trend::describe;

/// One measured value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

/// Which reference line: they differ in dash pattern (baseline dotted, target dashed) and
/// label, not only in colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    Baseline,
    Target,
}

/// A horizontal line across the chart, e.g. the target value.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceLine {
    pub kind: Reference,
    pub value: f64,
    /// Shown beside the line, e.g. "Ziel: 95 %".
    pub label: String,
}

/// What a chart shows.
#[derive(Clone)]
pub struct Chart<'a> {
    /// Prefix for the ids of `<title>` and `<desc>`; unique on the page.
    pub id: &'a str,
    /// The accessible name, e.g. "Verlauf: Betreuungsquote unter 3 Jahren".
    pub title: &'a str,
    /// The trend in words (see [`describe`]).
    pub description: &'a str,
    /// Values in chronological order.
    pub points: &'a [Point],
    pub references: &'a [ReferenceLine],
    /// Formats a value for axis labels, e.g. `93,5 %`.
    pub format_value: &'a dyn Fn(f64) -> String,
}

/// Escapes text for SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            // Not allowed in XML 1.0; forms refuse them, but the chart stays well-formed anyway.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// A German number with up to two decimals, trailing zeros dropped: "93,5", "1.234", "-0,25".
pub fn number(value: f64) -> String {
    let text = format::decimal(value, 2);
    let text = match text.split_once(',') {
        Some((whole, fraction)) => {
            let fraction = fraction.trim_end_matches('0');
            if fraction.is_empty() {
                whole.to_owned()
            } else {
                format!("{whole},{fraction}")
            }
        }
        None => text,
    };
    if text == "-0" { "0".into() } else { text }
}

/// The value range to draw, with some room, on "nice" tick steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub low: f64,
    pub high: f64,
    pub ticks: Vec<f64>,
}

fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalized = raw / magnitude;
    let nice = if normalized <= 1.0 {
        1.0
    } else if normalized <= 2.0 {
        2.0
    } else if normalized <= 2.5 {
        2.5
    } else if normalized <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

pub fn scale(values: impl Iterator<Item = f64>) -> Scale {
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite()) {
        min = min.min(v);
        max = max.max(v);
    }
    if !min.is_finite() {
        (min, max) = (0.0, 1.0);
    }
    if (max - min).abs() < f64::EPSILON * max.abs().max(1.0) {
        // All values equal: a band around them, so the line sits in the middle.
        let pad = (max.abs() * 0.1).max(1.0);
        min -= pad;
        max += pad;
    }
    let step = nice_step((max - min) / 4.0);
    // Multiples of the step, rounded to its precision (no 0.30000000000000004).
    let digits = (-step.log10().floor()).max(0.0) as i32 + 1;
    let tidy = |k: f64| {
        let factor = 10f64.powi(digits.min(12));
        let value = (k * step * factor).round() / factor;
        if value == 0.0 { 0.0 } else { value }
    };
    let mut low_k = (min / step).floor();
    let mut high_k = (max / step).ceil();
    if (low_k * step - min).abs() < step * 1e-9 && min != 0.0 {
        low_k -= 1.0;
    }
    if (high_k * step - max).abs() < step * 1e-9 && max != 0.0 {
        high_k += 1.0;
    }
    // Counts and rates that are all positive start at zero, not below.
    if min >= 0.0 && low_k < 0.0 {
        low_k = 0.0;
    }
    let ticks: Vec<f64> = (0..12)
        .map(|i| low_k + f64::from(i))
        .take_while(|k| *k <= high_k)
        .map(tidy)
        .collect();
    let (low, high) = (tidy(low_k), tidy(high_k));
    Scale { low, high, ticks }
}

pub fn day_number(date: Date) -> f64 {
    f64::from(date.to_julian_day())
}

/// Coordinates with one decimal and a decimal point (SVG syntax, not German).
pub fn c(value: f64) -> String {
    format!("{value:.1}")
}

/// A gridline with its value label on the left for every tick, between `x` (left, right).
pub fn horizontal_grid(
    svg: &mut String,
    ticks: &[f64],
    y: &dyn Fn(f64) -> f64,
    (left, right): (f64, f64),
    format_value: &dyn Fn(f64) -> String,
) {
    for tick in ticks {
        let _ = write!(
            svg,
            r#"<line x1="{x1}" x2="{x2}" y1="{yy}" y2="{yy}" stroke="currentColor" stroke-opacity="0.2"/><text class="app-chart__tick" x="{tx}" y="{ty}" text-anchor="end" fill="currentColor" font-size="13">{label}</text>"#,
            x1 = c(left),
            x2 = c(right),
            yy = c(y(*tick)),
            tx = c(left - 8.0),
            ty = c(y(*tick) + 4.0),
            label = escape(&format_value(*tick)),
        );
    }
}

/// The line chart of an indicator page. With no values it is a placeholder that says so.
pub fn line_chart(chart: &Chart) -> String {
    const WIDTH: f64 = 720.0;
    const HEIGHT: f64 = 320.0;
    const LEFT: f64 = 84.0;
    const RIGHT: f64 = 150.0;
    const TOP: f64 = 20.0;
    const BOTTOM: f64 = 44.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-titel" aria-describedby="{id}-beschreibung"><title id="{id}-titel">{title}</title><desc id="{id}-beschreibung">{desc}</desc>"#,
        id = escape(chart.id),
        title = escape(chart.title),
        desc = escape(chart.description),
    );
    if chart.points.is_empty() {
        let _ = write!(
            svg,
            r#"<rect class="app-chart__frame" x="1" y="1" width="{w}" height="{h}" rx="4" fill="none" stroke="currentColor"/><text class="app-chart__placeholder" x="{x}" y="{y}" text-anchor="middle" fill="currentColor" font-size="18">Noch keine Messwerte</text></svg>"#,
            w = WIDTH - 2.0,
            h = HEIGHT - 2.0,
            x = WIDTH / 2.0,
            y = HEIGHT / 2.0 + 6.0,
        );
        return svg;
    }
    let scale = scale(
        chart
            .points
            .iter()
            .map(|p| p.value)
            .chain(chart.references.iter().map(|r| r.value)),
    );
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h - (v - scale.low) / (scale.high - scale.low) * plot_h;
    let first = day_number(chart.points[0].date);
    let last = day_number(chart.points[chart.points.len() - 1].date);
    let x = |d: Date| {
        if last > first {
            LEFT + 12.0 + (day_number(d) - first) / (last - first) * (plot_w - 24.0)
        } else {
            LEFT + plot_w / 2.0
        }
    };

    // Grid and value axis.
    svg.push_str(r#"<g class="app-chart__grid" aria-hidden="true">"#);
    horizontal_grid(
        &mut svg,
        &scale.ticks,
        &y,
        (LEFT, LEFT + plot_w),
        chart.format_value,
    );
    let _ = write!(
        svg,
        r#"<line class="app-chart__axis" x1="{l}" x2="{l}" y1="{t}" y2="{b}" stroke="currentColor"/><line class="app-chart__axis" x1="{l}" x2="{r}" y1="{b}" y2="{b}" stroke="currentColor"/>"#,
        l = c(LEFT),
        r = c(LEFT + plot_w),
        t = c(TOP),
        b = c(TOP + plot_h),
    );
    // Date labels: first and last always, others where there is room.
    let mut last_label_end = f64::NEG_INFINITY;
    let count = chart.points.len();
    for (i, point) in chart.points.iter().enumerate() {
        let px = x(point.date);
        let is_end = i == count - 1;
        let (anchor, start, end) = if count == 1 {
            ("middle", px - 40.0, px + 40.0)
        } else if i == 0 {
            ("start", px - 12.0, px + 72.0)
        } else if is_end {
            ("end", px - 72.0, px + 12.0)
        } else {
            ("middle", px - 40.0, px + 40.0)
        };
        let room_after = is_end || count == 1 || end + 8.0 < x(chart.points[count - 1].date) - 72.0;
        if start > last_label_end + 8.0 && room_after {
            let _ = write!(
                svg,
                r#"<text class="app-chart__tick" x="{tx}" y="{ty}" text-anchor="{anchor}" fill="currentColor" font-size="13">{label}</text>"#,
                tx = c(if count == 1 {
                    px
                } else if i == 0 {
                    px - 12.0
                } else if is_end {
                    px + 12.0
                } else {
                    px
                }),
                ty = c(TOP + plot_h + 22.0),
                label = format::date(point.date),
            );
            last_label_end = end;
        }
    }
    svg.push_str("</g>");

    // Reference lines with labels on the right, nudged apart when they are close.
    let mut labels: Vec<(f64, &ReferenceLine)> =
        chart.references.iter().map(|r| (y(r.value), r)).collect();
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut previous = f64::NEG_INFINITY;
    for (line_y, reference) in &labels {
        let (class, dash, width) = match reference.kind {
            Reference::Baseline => (
                "app-chart__reference app-chart__reference--baseline",
                "2 4",
                2.0,
            ),
            Reference::Target => (
                "app-chart__reference app-chart__reference--target",
                "10 5",
                2.5,
            ),
        };
        let label_y = (line_y + 4.0).max(previous + 16.0);
        previous = label_y;
        let _ = write!(
            svg,
            r#"<g class="{class}"><line x1="{x1}" x2="{x2}" y1="{yy}" y2="{yy}" stroke="currentColor" stroke-width="{width}" stroke-dasharray="{dash}"/><text x="{tx}" y="{ty}" fill="currentColor" font-size="13">{label}</text></g>"#,
            x1 = c(LEFT),
            x2 = c(LEFT + plot_w),
            yy = c(*line_y),
            tx = c(LEFT + plot_w + 8.0),
            ty = c(label_y),
            label = escape(&reference.label),
        );
    }

    // The values.
    let path: Vec<String> = chart
        .points
        .iter()
        .map(|p| format!("{},{}", c(x(p.date)), c(y(p.value))))
        .collect();
    let _ = write!(
        svg,
        r#"<polyline class="app-chart__line" points="{}" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round"/>"#,
        path.join(" ")
    );
    for point in chart.points {
        let _ = write!(
            svg,
            r#"<circle class="app-chart__point" cx="{}" cy="{}" r="5" fill="currentColor"/>"#,
            c(x(point.date)),
            c(y(point.value))
        );
    }
    // The latest value, written at its point, where no reference line crosses it.
    let latest = chart.points[count - 1];
    let lines: Vec<f64> = labels.iter().map(|(line_y, _)| *line_y).collect();
    let _ = write!(
        svg,
        r#"<text class="app-chart__value" x="{}" y="{}" text-anchor="end" fill="currentColor" font-size="14" font-weight="600">{}</text>"#,
        c(x(latest.date) + 4.0),
        c(value_label_y(y(latest.value), &lines, TOP, TOP + plot_h)),
        escape(&(chart.format_value)(latest.value)),
    );
    svg.push_str("</svg>");
    svg
}

/// How far a 14 px label reaches above and below its baseline, with room for a line's stroke.
const LABEL_ABOVE: f64 = 14.0;
const LABEL_BELOW: f64 = 5.0;

/// The baseline of the label of a point at `point_y`: above the point if no reference line
/// (at `lines`) crosses the text there, else below it, else further off; always between `top`
/// and `bottom` of the plot.
fn value_label_y(point_y: f64, lines: &[f64], top: f64, bottom: f64) -> f64 {
    let fits = |base: f64| {
        base - LABEL_ABOVE >= top
            && base + LABEL_BELOW <= bottom
            && lines
                .iter()
                .all(|l| *l < base - LABEL_ABOVE || *l > base + LABEL_BELOW)
    };
    [-12.0, 24.0, -30.0, 42.0, -48.0]
        .into_iter()
        .map(|offset| point_y + offset)
        .find(|base| fits(*base))
        .unwrap_or((point_y - 12.0).clamp(top + LABEL_ABOVE, bottom - LABEL_BELOW))
}

/// A small chart for lists: the line, the latest value as a dot, and the target dashed.
pub fn sparkline(chart: &Chart) -> String {
    const WIDTH: f64 = 200.0;
    const HEIGHT: f64 = 48.0;
    const PAD: f64 = 5.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="app-sparkline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{id}-titel" aria-describedby="{id}-beschreibung"><title id="{id}-titel">{title}</title><desc id="{id}-beschreibung">{desc}</desc>"#,
        id = escape(chart.id),
        title = escape(chart.title),
        desc = escape(chart.description),
    );
    if chart.points.is_empty() {
        let _ = write!(
            svg,
            r#"<text class="app-sparkline__placeholder" x="{}" y="{}" text-anchor="middle" fill="currentColor" font-size="13">Noch keine Messwerte</text></svg>"#,
            WIDTH / 2.0,
            HEIGHT / 2.0 + 4.0
        );
        return svg;
    }
    let targets: Vec<f64> = chart
        .references
        .iter()
        .filter(|r| r.kind == Reference::Target)
        .map(|r| r.value)
        .collect();
    let scale = scale(
        chart
            .points
            .iter()
            .map(|p| p.value)
            .chain(targets.iter().copied()),
    );
    let y =
        |v: f64| PAD + (HEIGHT - 2.0 * PAD) * (1.0 - (v - scale.low) / (scale.high - scale.low));
    let first = day_number(chart.points[0].date);
    let last = day_number(chart.points[chart.points.len() - 1].date);
    let x = |d: Date| {
        if last > first {
            PAD + (day_number(d) - first) / (last - first) * (WIDTH - 2.0 * PAD)
        } else {
            WIDTH / 2.0
        }
    };
    for target in targets {
        let _ = write!(
            svg,
            r#"<line class="app-sparkline__target" x1="0" x2="{WIDTH}" y1="{yy}" y2="{yy}" stroke="currentColor" stroke-dasharray="6 3" stroke-width="1.5"/>"#,
            yy = c(y(target)),
        );
    }
    let path: Vec<String> = chart
        .points
        .iter()
        .map(|p| format!("{},{}", c(x(p.date)), c(y(p.value))))
        .collect();
    let latest = chart.points[chart.points.len() - 1];
    let _ = write!(
        svg,
        r#"<polyline class="app-sparkline__line" points="{}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"/><circle class="app-sparkline__point" cx="{}" cy="{}" r="4" fill="currentColor"/></svg>"#,
        path.join(" "),
        c(x(latest.date)),
        c(y(latest.value)),
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn percent(v: f64) -> String {
        format!("{} %", number(v))
    }

    fn chart<'a>(points: &'a [Point], references: &'a [ReferenceLine]) -> Chart<'a> {
        Chart {
            id: "k1",
            title: "Verlauf: Quote",
            description: "Beschreibung",
            points,
            references,
            format_value: &percent,
        }
    }

    fn p(date: Date, value: f64) -> Point {
        Point { date, value }
    }

    /// Every number in the SVG's coordinates is finite and inside the view box.
    fn coordinates_are_sane(svg: &str) {
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        for attr in [" cx=\"", " cy=\"", " y1=\"", " y=\""] {
            for part in svg.split(attr).skip(1) {
                let value: f64 = part.split('"').next().unwrap().parse().unwrap();
                assert!((-1.0..=720.0).contains(&value), "{attr}{value} in {svg}");
            }
        }
    }

    #[test]
    fn german_numbers() {
        assert_eq!(number(93.5), "93,5");
        assert_eq!(number(93.0), "93");
        assert_eq!(number(1234.567), "1.234,57");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(-12.25), "-12,25");
    }

    #[test]
    fn every_text_is_escaped() {
        let points = [p(date!(2024 - 12 - 31), 1.0)];
        let references = [ReferenceLine {
            kind: Reference::Target,
            value: 2.0,
            label: "Ziel <script>alert('x')</script> & \"mehr\"".into(),
        }];
        let mut spec = chart(&points, &references);
        spec.title = "<b>Titel</b>";
        spec.description = "a & b \u{7}";
        spec.id = "x\"onload=\"alert(1)";
        for svg in [line_chart(&spec), sparkline(&spec)] {
            assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
            assert!(!svg.contains("\"onload"), "{svg}");
            assert!(!svg.contains('\u{7}'));
        }
        let svg = line_chart(&spec);
        assert!(svg.contains("&lt;b&gt;Titel&lt;/b&gt;"));
        assert!(svg.contains(
            "Ziel &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mehr&quot;"
        ));
        assert!(
            svg.contains(
                "<desc id=\"x&quot;onload=&quot;alert(1)-beschreibung\">a &amp; b </desc>"
            )
        );
    }

    #[test]
    fn no_values_is_a_placeholder() {
        let svg = line_chart(&chart(&[], &[]));
        assert!(svg.contains("Noch keine Messwerte") && svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"k1-titel\">Verlauf: Quote</title>"));
        assert!(!svg.contains("polyline"));
        assert!(sparkline(&chart(&[], &[])).contains("Noch keine Messwerte"));
        assert_eq!(
            describe(&[], true, None, None, &percent, &percent),
            "Noch keine Messwerte. Höher ist besser."
        );
    }

    #[test]
    fn one_point_sits_in_the_middle() {
        let points = [p(date!(2024 - 12 - 31), 93.5)];
        let svg = line_chart(&chart(&points, &[]));
        coordinates_are_sane(&svg);
        assert!(svg.contains(r#"cx="327.0""#), "{svg}");
        assert!(svg.contains("31.12.2024") && svg.contains("93,5 %"));
        coordinates_are_sane(&sparkline(&chart(&points, &[])));
        assert!(sparkline(&chart(&points, &[])).contains(r#"cx="100.0""#));
    }

    #[test]
    fn equal_values_get_a_band_around_them() {
        let points = [
            p(date!(2022 - 12 - 31), 50.0),
            p(date!(2023 - 12 - 31), 50.0),
            p(date!(2024 - 12 - 31), 50.0),
        ];
        let svg = line_chart(&chart(&points, &[]));
        coordinates_are_sane(&svg);
        let s = scale([50.0, 50.0].into_iter());
        assert!(s.low < 50.0 && s.high > 50.0);
        assert!(
            describe(&points, true, None, None, &percent, &percent).contains("gleich geblieben")
        );
        let zero = scale([0.0].into_iter());
        assert!(zero.low <= 0.0 && zero.high > 0.0);
        let large = scale([1e9, 1e9].into_iter());
        assert!(large.low < 1e9 && large.high > 1e9);
    }

    #[test]
    fn negative_values_and_reference_lines_fit() {
        let points = [
            p(date!(2022 - 01 - 01), -12.5),
            p(date!(2023 - 01 - 01), 3.0),
            p(date!(2024 - 01 - 01), -4.0),
        ];
        let references = [
            ReferenceLine {
                kind: Reference::Baseline,
                value: -20.0,
                label: "Ausgangswert: -20 %".into(),
            },
            ReferenceLine {
                kind: Reference::Target,
                value: 10.0,
                label: "Ziel: 10 %".into(),
            },
        ];
        let svg = line_chart(&chart(&points, &references));
        coordinates_are_sane(&svg);
        let s = scale([-12.5, 3.0, -4.0, -20.0, 10.0].into_iter());
        assert!(s.low <= -20.0 && s.high >= 10.0, "{s:?}");
        assert!(s.ticks.contains(&0.0));
        assert!(svg.contains("-20 %") && svg.contains("stroke-dasharray=\"10 5\""));
        assert!(svg.contains(">-12,5 %<") || svg.contains(">-20 %<"));
    }

    /// The text box of the value label: from its baseline `LABEL_ABOVE` up, `LABEL_BELOW` down.
    fn value_label_box(svg: &str) -> (f64, f64) {
        let text = svg.split(r#"class="app-chart__value""#).nth(1).unwrap();
        let base: f64 = text
            .split(" y=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        (base - LABEL_ABOVE, base + LABEL_BELOW)
    }

    fn target_line_y(svg: &str) -> f64 {
        let group = svg.split("app-chart__reference--target").nth(1).unwrap();
        group
            .split(" y1=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }

    #[test]
    fn the_value_label_never_crosses_the_target_line() {
        // The latest value at the target, and just below or above it: wherever the target
        // line runs, the label is placed off it and inside the chart.
        for latest in [90.0, 89.0, 88.0, 87.5, 86.0, 91.0, 92.5, 95.0, 80.0] {
            let points = [
                p(date!(2023 - 12 - 31), 80.0),
                p(date!(2024 - 12 - 31), latest),
            ];
            let references = [ReferenceLine {
                kind: Reference::Target,
                value: 90.0,
                label: "Ziel: 90 %".into(),
            }];
            let svg = line_chart(&chart(&points, &references));
            coordinates_are_sane(&svg);
            let (top, bottom) = value_label_box(&svg);
            let line = target_line_y(&svg);
            assert!(
                line < top || line > bottom,
                "{latest}: line at {line}, label {top}..{bottom}"
            );
        }
    }

    #[test]
    fn the_value_label_keeps_off_every_line_and_inside_the_plot() {
        assert_eq!(value_label_y(100.0, &[], 20.0, 276.0), 88.0);
        // A line just above the point: below the point instead.
        assert_eq!(value_label_y(100.0, &[90.0], 20.0, 276.0), 124.0);
        // Lines above and below: further off.
        assert_eq!(value_label_y(100.0, &[90.0, 122.0], 20.0, 276.0), 70.0);
        // At the top of the plot the label goes below the point.
        assert_eq!(value_label_y(25.0, &[], 20.0, 276.0), 49.0);
    }

    #[test]
    fn nice_ticks() {
        let s = scale([80.0, 93.5, 95.0].into_iter());
        assert_eq!(s.ticks, [75.0, 80.0, 85.0, 90.0, 95.0, 100.0]);
        let s = scale([0.1, 0.3].into_iter());
        let labels: Vec<String> = s.ticks.iter().map(|t| number(*t)).collect();
        assert_eq!(
            labels,
            ["0,05", "0,1", "0,15", "0,2", "0,25", "0,3", "0,35"],
            "{s:?}"
        );
        let s = scale([3.0, 250.0].into_iter());
        assert_eq!(s.low, 0.0);
    }
}
