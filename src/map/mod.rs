//! The map of Germany's 401 Kreise and kreisfreie Städte as inline SVG, shaded by any figure
//! per Kreis. The geometry is static: projected and simplified once at build time
//! (`build/map.rs`, from the BKG's VG5000 in `data/`); a page hands in only the values per AGS
//! and a legend, so any figure — networks, measures, a catalog indicator — can shade it.
//!
//! The drawing is for the eye: its links leave the tab order and it is hidden from assistive
//! technology, because 401 links in a row help nobody. The same values, with the same links,
//! are in [`rows`] (the table beside the map) and in the text legend ([`legend`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use askama::Template;

use crate::computed::Revision;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::indicators::chart::escape;
use crate::state::AppState;

pub mod measures;

/// A Kreis or kreisfreie Stadt as drawn: its AGS, name and kind (as the BKG names them) and
/// its outline at two levels of detail, as SVG path data.
pub struct KreisShape {
    pub ags: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    coarse: &'static str,
    fine: &'static str,
}

/// A Land's outline, and its bounding box in fine units (x, y, width, height).
pub struct LandShape {
    pub code: &'static str,
    coarse: &'static str,
    fine: &'static str,
    fine_box: [i64; 4],
}

mod shapes {
    use super::{KreisShape, LandShape};
    include!(concat!(env!("OUT_DIR"), "/map_shapes.rs"));
}

pub use shapes::{KREISE, LAENDER};

/// Required wherever the map is shown (Datenlizenz Deutschland – Namensnennung 2.0).
pub const ATTRIBUTION: &str = "© GeoBasis-DE / BKG 2021 (Daten verändert)";
pub const ATTRIBUTION_HREF: &str = "https://www.bkg.bund.de";

/// The whole of Germany, or one Land (its code) drawn larger and in more detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area<'a> {
    Germany,
    Land(&'a str),
}

impl Area<'_> {
    fn contains(self, ags: &str) -> bool {
        match self {
            Area::Germany => true,
            Area::Land(code) => ags.starts_with(code),
        }
    }
}

/// The Kreise of `area`, by AGS.
pub fn kreise_in(area: Area<'_>) -> impl Iterator<Item = &'static KreisShape> {
    KREISE.iter().filter(move |k| area.contains(k.ags))
}

/// One step of a legend: values from `from` on (up to the next step's) are shaded alike.
#[derive(Clone, Debug)]
pub struct Step {
    pub from: f64,
    pub label: String,
}

/// How values become shades: ascending steps (at most five) and how a value reads.
pub struct Scale {
    /// What the values are, e.g. "Netzwerke".
    pub title: String,
    pub steps: Vec<Step>,
    /// A value as text, for titles and the table: "3 Netzwerke", "93,5 %".
    pub format: Box<dyn Fn(f64) -> String + Send + Sync>,
    /// Kreise without a value take this one (counts: 0); `None` leaves them "ohne Angabe".
    pub default: Option<f64>,
}

impl Scale {
    /// A scale of counts with steps at `bounds` (the first should be 0), labelled "0", "1",
    /// "2 bis 4", "10 und mehr".
    pub fn counts(title: &str, bounds: &[i64], format: fn(f64) -> String) -> Self {
        let steps = bounds
            .iter()
            .enumerate()
            .map(|(i, &from)| {
                let label = match bounds.get(i + 1) {
                    Some(&next) if next == from + 1 => format::integer(from),
                    Some(&next) => format!(
                        "{} bis {}",
                        format::integer(from),
                        format::integer(next - 1)
                    ),
                    None => format!("{} und mehr", format::integer(from)),
                };
                Step {
                    from: from as f64,
                    label,
                }
            })
            .collect();
        Self {
            title: title.to_owned(),
            steps,
            format: Box::new(format),
            default: Some(0.0),
        }
    }

    /// The step `value` falls into (0 = lightest).
    pub fn step_of(&self, value: f64) -> usize {
        self.steps
            .iter()
            .rposition(|s| value >= s.from)
            .unwrap_or(0)
    }
}

/// The shades, light to dark (named in full: the stylesheet keeps only classes it finds).
const SHADES: [&str; 5] = [
    "app-map__s0",
    "app-map__s1",
    "app-map__s2",
    "app-map__s3",
    "app-map__s4",
];

/// The class that shades a step; "app-map__none" for Kreise without a value.
fn class_of(scale: &Scale, value: Option<f64>) -> &'static str {
    match value {
        Some(v) => {
            // Spread over the five shades, so that two steps are light and dark.
            let steps = scale.steps.len().max(2);
            SHADES[(scale.step_of(v) * 4 / (steps - 1)).min(4)]
        }
        None => "app-map__none",
    }
}

/// What a page draws: where, which values, and where a Kreis leads.
pub struct Map<'a> {
    pub area: Area<'a>,
    pub values: &'a HashMap<String, f64>,
    pub scale: &'a Scale,
    /// Where a click on a Kreis leads (given its AGS).
    pub href: &'a dyn Fn(&str) -> String,
}

impl Map<'_> {
    fn value(&self, ags: &str) -> Option<f64> {
        self.values.get(ags).copied().or(self.scale.default)
    }

    fn value_text(&self, value: Option<f64>) -> String {
        value.map_or_else(|| "ohne Angabe".to_owned(), &self.scale.format)
    }
}

/// A Kreis's name as people read it: "Lippe (Kreis)", "Hamm (Kreisfreie Stadt)".
pub fn display_name(kreis: &KreisShape) -> String {
    format!("{} ({})", kreis.name, kreis.kind)
}

/// The map as an SVG element, ready for `|safe`: every text in it is escaped here.
pub fn svg(map: &Map<'_>) -> String {
    let (view_box, land, width) = match map.area {
        Area::Germany => (
            format!("0 0 {} {}", shapes::WIDTH, shapes::HEIGHT),
            None,
            shapes::WIDTH,
        ),
        Area::Land(code) => {
            let land = LAENDER.iter().find(|l| l.code == code);
            let [x, y, w, h] = land.map_or([0, 0, shapes::WIDTH, shapes::HEIGHT], |l| l.fine_box);
            // A margin for the outline's stroke.
            let m = (w.max(h) / 50).max(1);
            (
                format!("{} {} {} {}", x - m, y - m, w + 2 * m, h + 2 * m),
                land,
                w.max(h),
            )
        }
    };
    let fine = land.is_some();
    let mut out = String::with_capacity(160_000);
    write!(
        out,
        r#"<svg class="app-map{}" viewBox="{view_box}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">"#,
        if fine { " app-map--land" } else { "" }
    )
    .unwrap();
    // Kreise "ohne Angabe" are hatched, so that they do not read as a light shade; the
    // hatching keeps about the same density on the screen, whatever the area's size.
    let hatch = (width / 150).max(1);
    write!(
        out,
        r#"<defs><pattern id="app-map-ohne" width="{hatch}" height="{hatch}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="app-map__hatch-ground" width="{hatch}" height="{hatch}"/><rect class="app-map__hatch-line" width="{}" height="{hatch}"/></pattern></defs>"#,
        (hatch / 3).max(1)
    )
    .unwrap();
    for kreis in kreise_in(map.area) {
        let value = map.value(kreis.ags);
        write!(
            out,
            r#"<a href="{}" tabindex="-1"><title>{}: {}</title><path class="{}" d="{}"/></a>"#,
            escape(&(map.href)(kreis.ags)),
            escape(&display_name(kreis)),
            escape(&map.value_text(value)),
            class_of(map.scale, value),
            if fine { kreis.fine } else { kreis.coarse },
        )
        .unwrap();
    }
    out.push_str(r#"<g class="app-map__borders">"#);
    match land {
        Some(land) => write!(out, r#"<path d="{}"/>"#, land.fine).unwrap(),
        None => {
            for land in LAENDER {
                write!(out, r#"<path d="{}"/>"#, land.coarse).unwrap();
            }
        }
    }
    out.push_str("</g></svg>");
    out
}

/// One line of the text legend: the shade's class, what it means, how many Kreise have it.
pub struct LegendItem {
    pub class: &'static str,
    pub label: String,
    pub kreise: usize,
}

pub fn legend(map: &Map<'_>) -> Vec<LegendItem> {
    let mut items: Vec<LegendItem> = map
        .scale
        .steps
        .iter()
        .map(|step| LegendItem {
            class: class_of(map.scale, Some(step.from)),
            label: step.label.clone(),
            kreise: 0,
        })
        .collect();
    let mut without = 0;
    for kreis in kreise_in(map.area) {
        match map.value(kreis.ags) {
            Some(v) => items[map.scale.step_of(v)].kreise += 1,
            None => without += 1,
        }
    }
    if without > 0 {
        items.push(LegendItem {
            class: class_of(map.scale, None),
            label: "ohne Angabe".to_owned(),
            kreise: without,
        });
    }
    items
}

/// A line of the table beside the map: the same name, value and link as the drawing.
pub struct Row {
    pub ags: &'static str,
    pub name: String,
    pub value: String,
    pub href: String,
}

pub fn rows(map: &Map<'_>) -> Vec<Row> {
    kreise_in(map.area)
        .map(|kreis| Row {
            ags: kreis.ags,
            name: display_name(kreis),
            value: map.value_text(map.value(kreis.ags)),
            href: (map.href)(kreis.ags),
        })
        .collect()
}

/// What a page's map section shows besides its form's hidden fields: the choice of figure,
/// the drawing with its attribution, the text legend (with how a Kreis's value comes about)
/// and the table of every Kreis. It depends only on the figures and the choice, so it is
/// drawn once per revision of the data and choice and kept (`computed`, [`Section::kept`]):
/// drawn on every request, it took most of the time of the pages that show it (136 KB of
/// drawing and table for Germany).
pub struct Drawn {
    pub heading: String,
    /// The figure chosen, and the choices (its select box).
    pub chosen: String,
    pub groups: Vec<measures::ChoiceGroup>,
    /// The drawing, legend and table, rendered (`templates/map/drawing.html`).
    pub html: String,
}

#[derive(Template)]
#[template(path = "map/drawing.html")]
struct Drawing {
    svg: String,
    legend_title: String,
    legend: Vec<LegendItem>,
    note: Option<String>,
    more: Option<(String, String)>,
    rows: Vec<Row>,
    attribution: &'static str,
    attribution_href: &'static str,
}

impl Drawn {
    pub fn new(heading: String, map: &Map<'_>, shading: &measures::Shading) -> AppResult<Self> {
        let html = Drawing {
            svg: svg(map),
            legend_title: map.scale.title.clone(),
            legend: legend(map),
            note: shading.note(),
            more: shading.more(),
            rows: rows(map),
            attribution: ATTRIBUTION,
            attribution_href: ATTRIBUTION_HREF,
        }
        .render()
        .map_err(|e| AppError::Internal(e.into()))?;
        Ok(Self {
            heading,
            chosen: shading.measure.code(),
            groups: shading.groups(),
            html,
        })
    }

    /// The map of page `kind` for `scope` (a Land's code, or "" for Germany) as `shading`
    /// chose it, drawn by `draw` unless a request already did for this `revision` and choice.
    /// The choice is keyed by the code `shading` parsed, one of those on offer, so what is
    /// kept stays bounded by the pages, the Länder and the choices.
    pub async fn kept<F, Fut>(
        state: &AppState,
        kind: &'static str,
        scope: &str,
        revision: Revision,
        shading: &measures::Shading,
        draw: F,
    ) -> AppResult<Arc<Self>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<Self>>,
    {
        let key = format!("{scope}|{}", shading.measure.code());
        state
            .computed
            .get_or_compute(kind, &key, revision, draw)
            .await
    }
}

/// What `templates/map/section.html` shows: the kept drawing in a form that goes to `action`
/// with the page's other query parameters kept.
pub struct Section {
    pub drawn: Arc<Drawn>,
    pub action: &'static str,
    pub hidden: Vec<(&'static str, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn networks(v: f64) -> String {
        format!("{} Netzwerke", format::integer(v as i64))
    }

    #[test]
    fn every_kreis_once_with_its_land() {
        assert_eq!(KREISE.len(), 401);
        assert_eq!(LAENDER.len(), 16);
        assert_eq!(kreise_in(Area::Land("05")).count(), 53);
        assert!(KREISE.windows(2).all(|w| w[0].ags < w[1].ags));
        assert!(
            KREISE
                .iter()
                .all(|k| k.coarse.starts_with('M') && k.fine.starts_with('M'))
        );
    }

    #[test]
    fn counts_fall_into_their_steps() {
        let scale = Scale::counts("Netzwerke", &[0, 1, 2, 5, 10], networks);
        let labels: Vec<&str> = scale.steps.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["0", "1", "2 bis 4", "5 bis 9", "10 und mehr"]);
        assert_eq!(scale.step_of(0.0), 0);
        assert_eq!(scale.step_of(4.0), 2);
        assert_eq!(scale.step_of(250.0), 4);
        assert_eq!(class_of(&scale, Some(3.0)), "app-map__s2");
        let two = Scale::counts("Netzwerk", &[0, 1], networks);
        assert_eq!(class_of(&two, Some(1.0)), "app-map__s4");
        assert_eq!(class_of(&two, None), "app-map__none");
    }

    #[test]
    fn the_land_map_holds_only_its_kreise_and_escapes_links() {
        let values = HashMap::from([("05915".to_owned(), 3.0)]);
        let scale = Scale::counts("Netzwerke", &[0, 1, 2, 5, 10], networks);
        let href = |ags: &str| format!("/land/uebersicht?kreis={ags}&land=05");
        let map = Map {
            area: Area::Land("05"),
            values: &values,
            scale: &scale,
            href: &href,
        };
        let svg = svg(&map);
        assert_eq!(svg.matches("<a ").count(), 53);
        assert!(svg.contains("<title>Hamm (Kreisfreie Stadt): 3 Netzwerke</title>"));
        assert!(svg.contains("kreis=05915&amp;land=05"));
        assert!(
            svg.contains(r#"<pattern id="app-map-ohne""#),
            "the hatching of Kreise without a value"
        );
        let legend = legend(&map);
        assert_eq!(legend[2].kreise, 1);
        assert_eq!(legend[0].kreise, 52);
    }
}
