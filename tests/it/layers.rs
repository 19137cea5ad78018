//! Imports run one way: every top-level module of `src/` belongs to a layer and may use only
//! modules of its own layer or below, and the modules of one layer never form a cycle. The
//! layers are the README's ("Architecture"); a new module must be placed here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "leaves",
        &[
            "config",
            "vocab",
            "error",
            "policy",
            "state",
            "states",
            "request",
            "identity",
            "format",
            "clock",
            "suppression",
            "computed",
        ],
    ),
    ("infrastructure", &["db", "audit", "web"]),
    ("auth", &["auth"]),
    (
        "domains",
        &[
            "networks",
            "partners",
            "measures",
            "goals",
            "indicators",
            "inventory",
            "knowledge",
            "directory",
            "users",
            "site",
            "catalog",
            "map",
        ],
    ),
    (
        "pages combining domains",
        &[
            "funding",
            "network_pages",
            "home",
            "demo",
            "nap",
            "national",
            "opendata",
        ],
    ),
    ("app", &["app", "lib", "main"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The top-level module a source file belongs to: `src/goals/db.rs` → `goals`,
/// `src/lib.rs` → `lib`; a template belongs to the module of its folder, and the shared ones
/// at the top (`base.html`, `macros.html`, error pages) to `web`.
fn owner(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).expect("below root");
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    let first = parts.next().expect("a file").into_owned();
    let second = parts.next().map(|s| s.into_owned());
    match (first.as_str(), second) {
        ("src", Some(name)) => name.trim_end_matches(".rs").to_owned(),
        ("templates", Some(name)) if name.ends_with(".html") => "web".to_owned(),
        ("templates", Some(folder)) => folder,
        _ => panic!("unexpected file {}", file.display()),
    }
}

/// Every top-level module named after `crate::` in `source`, with its line: `crate::web::x`,
/// and each member of a group `crate::{web::x, auth::{y, z}}`. Comments are skipped.
fn crate_references(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 0;
                let mut expecting_name = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => expecting_name = true,
                        c if expecting_name && (c.is_ascii_alphabetic() || c == '_') => {
                            let name: String = group[i..]
                                .chars()
                                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                                .collect();
                            found.push((number + 1, name));
                            expecting_name = false;
                        }
                        _ => {}
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((number + 1, name));
                }
            }
        }
    }
    found
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "html")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn imports_point_only_to_the_same_or_a_lower_layer_without_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    files(&root.join("templates"), &mut all);

    let mut violations = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &all {
        let from = owner(root, file);
        let Some(from_layer) = layer_of(&from) else {
            violations.push(format!("{}: module `{from}` has no layer", file.display()));
            continue;
        };
        let source = std::fs::read_to_string(file).expect("readable file");
        for (line, to) in crate_references(&source) {
            if to == from {
                continue;
            }
            match layer_of(&to) {
                None => violations.push(format!("{}:{line}: `{to}` has no layer", file.display())),
                Some(to_layer) if to_layer > from_layer => violations.push(format!(
                    "{}:{line}: `{from}` ({}) uses `{to}` ({}), a higher layer",
                    file.display(),
                    LAYERS[from_layer].0,
                    LAYERS[to_layer].0
                )),
                Some(_) => {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports against the layers:\n{}",
        violations.join("\n")
    );
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

/// Templates reach Rust only through their page struct, the names imported in its module and
/// the filters of `web::filters`; a `crate::` path in a template would hide an import from the
/// check above.
#[test]
fn templates_name_no_crate_paths() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut templates = Vec::new();
    files(&root.join("templates"), &mut templates);
    let mut found = Vec::new();
    for file in &templates {
        let source = std::fs::read_to_string(file).expect("readable file");
        for (number, line) in source.lines().enumerate() {
            if line.contains("crate::") {
                found.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "templates naming `crate::` (use a filter, a method of the value or a name imported \
         in the template's module):\n{}",
        found.join("\n")
    );
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_checker_sees_plain_paths_groups_and_cycles() {
    let found = crate_references(
        "use crate::web::Layout;\nuse crate::{auth::{A, B}, policy};\n// crate::app\nlet x = crate::clock::today();",
    );
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["web", "auth", "policy", "clock"]);
    assert_eq!(found[3].0, 4);

    let mut edges = BTreeMap::new();
    edges.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    edges.insert("b".to_owned(), BTreeSet::from(["a".to_owned()]));
    assert_eq!(
        find_cycle(&edges),
        Some(vec!["a".to_owned(), "b".to_owned(), "a".to_owned()])
    );
    edges.remove("b");
    assert_eq!(find_cycle(&edges), None);
}
