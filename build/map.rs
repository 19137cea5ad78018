//! The map of Germany, made once at build time: the Kreise and Länder of the BKG's VG5000
//! (`src/map/data/`, WGS84 GeoJSON, 1.8 MB) projected onto a plane, simplified with
//! Douglas–Peucker and written as SVG path data into `OUT_DIR/map_shapes.rs`, which
//! `src/map/` includes. Two levels of detail: a coarse one for the whole of Germany (the page
//! stays small) and a fine one for the map of a single Land, which is drawn larger.
//!
//! Projection: equirectangular, x scaled by cos 51° (the middle of Germany), so that shapes
//! look right without a projection library. Coarse coordinates are integers on a plane about
//! 1,000 units wide; fine ones are ten times finer.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::Value;

const WEST: f64 = 5.8;
const NORTH: f64 = 55.1;
/// Coarse units per degree of latitude.
const SCALE: f64 = 170.0;
/// Fine coordinates are this many times finer than coarse ones.
const FINE: f64 = 10.0;
/// Douglas–Peucker tolerances, in coarse units (about 0.65 km each).
const COARSE_TOLERANCE: f64 = 1.9;
const FINE_TOLERANCE: f64 = 0.3;
/// Islands and enclaves smaller than this (coarse units across) are left out of the coarse
/// map; the largest ring of a Kreis always stays.
const COARSE_MIN_RING: f64 = 3.0;

type Point = (f64, f64);
type Ring = Vec<Point>;

fn project(lon: f64, lat: f64) -> Point {
    let x = (lon - WEST) * SCALE * 51f64.to_radians().cos();
    let y = (NORTH - lat) * SCALE;
    (x, y)
}

/// Distance of `p` from the line through `a` and `b` (from `a` when they coincide).
fn distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = (dx * dx + dy * dy).sqrt();
    if length == 0.0 {
        return ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt();
    }
    ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / length
}

/// Douglas–Peucker on an open line: the points to keep, first and last included.
fn simplify_line(points: &[Point], tolerance: f64, keep: &mut Vec<Point>) {
    let (first, last) = (points[0], points[points.len() - 1]);
    let farthest = points[1..points.len() - 1]
        .iter()
        .enumerate()
        .map(|(i, p)| (i + 1, distance(*p, first, last)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match farthest {
        Some((i, d)) if d > tolerance => {
            simplify_line(&points[..=i], tolerance, keep);
            keep.pop();
            simplify_line(&points[i..], tolerance, keep);
        }
        _ => {
            keep.push(first);
            keep.push(last);
        }
    }
}

/// A closed ring simplified: split at the point farthest from its start, each half simplified.
fn simplify_ring(ring: &[Point], tolerance: f64) -> Ring {
    let start = ring[0];
    let far = (1..ring.len())
        .max_by(|a, b| {
            let da = (ring[*a].0 - start.0).powi(2) + (ring[*a].1 - start.1).powi(2);
            let db = (ring[*b].0 - start.0).powi(2) + (ring[*b].1 - start.1).powi(2);
            da.total_cmp(&db)
        })
        .unwrap_or(0);
    if far == 0 || ring.len() < 4 {
        return ring.to_vec();
    }
    let mut kept = Vec::new();
    simplify_line(&ring[..=far], tolerance, &mut kept);
    kept.pop();
    simplify_line(&ring[far..], tolerance, &mut kept);
    kept
}

fn extent(ring: &[Point]) -> f64 {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in ring {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    (x1 - x0).max(y1 - y0)
}

/// SVG path data of `rings` in units of `factor` × coarse: absolute start, then integer steps.
fn path(rings: &[Ring], tolerance: f64, factor: f64, min_ring: f64) -> String {
    let largest = rings.iter().map(|r| extent(r)).fold(0.0, f64::max);
    let mut d = String::new();
    for ring in rings {
        let size = extent(ring);
        if size < min_ring && size < largest {
            continue;
        }
        let mut points: Vec<(i64, i64)> = simplify_ring(ring, tolerance)
            .into_iter()
            .map(|(x, y)| ((x * factor).round() as i64, (y * factor).round() as i64))
            .collect();
        points.dedup();
        while points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        if points.len() < 3 {
            continue;
        }
        let (mut px, mut py) = points[0];
        write!(d, "M{px} {py}l").unwrap();
        let mut first = true;
        for &(x, y) in &points[1..] {
            let (dx, dy) = (x - px, y - py);
            // A minus sign separates numbers by itself.
            if !first && dx >= 0 {
                d.push(' ');
            }
            write!(d, "{dx}").unwrap();
            if dy >= 0 {
                d.push(' ');
            }
            write!(d, "{dy}").unwrap();
            (px, py, first) = (x, y, false);
        }
        d.push('z');
    }
    d
}

/// The rings of a GeoJSON Polygon or MultiPolygon, projected.
fn rings(geometry: &Value) -> Vec<Ring> {
    let polygons = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .expect("MultiPolygon coordinates")
            .iter()
            .collect(),
        other => panic!("unexpected geometry {other:?}"),
    };
    polygons
        .into_iter()
        .flat_map(|p| p.as_array().expect("polygon rings").iter())
        .map(|ring| {
            ring.as_array()
                .expect("ring")
                .iter()
                .map(|c| project(c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat")))
                .collect()
        })
        .collect()
}

/// The fine bounding box: x, y, width, height.
fn fine_box(rings: &[Ring]) -> [i64; 4] {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in rings.iter().flatten() {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let f = |v: f64| (v * FINE).round() as i64;
    [f(x0), f(y0), f(x1) - f(x0), f(y1) - f(y0)]
}

/// The features of a GeoJSON file, ordered by their `ARS` (AGS or Land code).
fn features(path: &str) -> Vec<Value> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut features = json["features"].as_array().expect("features").clone();
    features.sort_by(|a, b| {
        let ars = |f: &Value| f["properties"]["ARS"].as_str().map(str::to_owned);
        ars(a).cmp(&ars(b))
    });
    features
}

pub fn write(out_dir: &Path) {
    let mut code = String::from(
        "// Made by build/map.rs from src/map/data/ (VG5000, © GeoBasis-DE / BKG 2021).\n",
    );
    let (width, height) = project(15.1, 47.2);
    writeln!(
        code,
        "pub const WIDTH: i64 = {};\npub const HEIGHT: i64 = {};",
        width.ceil(),
        height.ceil(),
    )
    .unwrap();
    code.push_str("pub static KREISE: &[KreisShape] = &[\n");
    let kreise = features("src/map/data/kreise-vg5000-2021.geojson");
    for feature in &kreise {
        let p = &feature["properties"];
        let rings = rings(&feature["geometry"]);
        writeln!(
            code,
            "KreisShape {{ ags: {:?}, name: {:?}, kind: {:?}, coarse: {:?}, fine: {:?} }},",
            p["ARS"].as_str().expect("ARS"),
            p["GEN"].as_str().expect("GEN"),
            p["BEZ"].as_str().expect("BEZ"),
            path(&rings, COARSE_TOLERANCE, 1.0, COARSE_MIN_RING),
            path(&rings, FINE_TOLERANCE, FINE, 0.0),
        )
        .unwrap();
    }
    code.push_str("];\npub static LAENDER: &[LandShape] = &[\n");
    let mut seen = std::collections::HashSet::new();
    let laender = features("src/map/data/laender-vg5000-2021.geojson");
    for feature in &laender {
        let code_of_land = feature["properties"]["ARS"].as_str().expect("ARS");
        // Further features of a Land are its coastal and Bodensee waters.
        if !seen.insert(code_of_land.to_owned()) {
            continue;
        }
        let rings = rings(&feature["geometry"]);
        writeln!(
            code,
            "LandShape {{ code: {:?}, coarse: {:?}, fine: {:?}, fine_box: {:?} }},",
            code_of_land,
            path(&rings, COARSE_TOLERANCE, 1.0, COARSE_MIN_RING),
            path(&rings, FINE_TOLERANCE, FINE, 0.0),
            fine_box(&rings),
        )
        .unwrap();
    }
    code.push_str("];\n");
    fs::write(out_dir.join("map_shapes.rs"), code).expect("write map_shapes.rs");
}
