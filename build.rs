//! Makes the static files the portal serves and embeds them in the binary, so that
//! `kinderchancen serve` runs wherever it is copied and a first visit on a phone stays small:
//!
//! - one stylesheet: the `@font-face` rules of the font cuts (`static/fonts/`, made by
//!   `.ci/subset-fonts`), the vendored KERN stylesheet without the rules of classes that no
//!   template and no Rust source names, and `static/app.css`, minified with lightningcss;
//! - the font cuts and the SVG icon;
//!
//! each named by a hash of its content (`app.3f9a1c2b7d84.css`), so that browsers may keep
//! them for a year: a changed file gets a new name. `asset_urls.rs` in `OUT_DIR` gives the
//! templates the names (`web::assets::URLS`); memory-serve embeds the files (release builds; debug
//! builds read them from `OUT_DIR`) and precompresses the text ones with brotli.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use sha2::{Digest, Sha256};

#[path = "build/map.rs"]
mod map;

fn main() {
    // Templates and Rust sources decide which KERN classes stay.
    for watched in ["static", "templates", "src"] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    map::write(&out_dir);
    let served = out_dir.join("static");
    // Old names from earlier builds would be embedded too.
    let _ = fs::remove_dir_all(&served);
    fs::create_dir_all(&served).expect("create OUT_DIR/static");

    let mut font_regular = None;
    let mut font_faces = String::new();
    let fonts = read("static/fonts/SOURCES");
    let mut lines = fonts.lines().filter(|line| !line.starts_with('#'));
    let range = lines
        .next()
        .and_then(|line| line.strip_prefix("unicode-range "))
        .expect("static/fonts/SOURCES starts with the unicode-range");
    for line in lines {
        let [cut, weight, style, ..] = line.split(' ').collect::<Vec<_>>()[..] else {
            panic!("static/fonts/SOURCES: unreadable line {line:?}");
        };
        let url = publish(&served, cut, &read_bytes(&format!("static/fonts/{cut}")));
        write!(
            font_faces,
            "@font-face{{font-family:'Fira Sans';src:url({url}) format('woff2');\
             font-weight:{weight};font-style:{style};font-display:swap;unicode-range:{range}}}"
        )
        .unwrap();
        if (weight, style) == ("400", "normal") {
            font_regular = Some(url);
        }
    }

    let font_regular = font_regular.expect("static/fonts/SOURCES lists a regular cut");
    let stylesheet = publish(&served, "app.css", stylesheet(&font_faces).as_bytes());
    let icon = publish(&served, "icon.svg", &read_bytes("static/icon.svg"));
    fs::write(
        out_dir.join("asset_urls.rs"),
        format!(
            "Urls {{ stylesheet: {stylesheet:?}, font_regular: {font_regular:?}, icon: {icon:?} }}"
        ),
    )
    .expect("write asset_urls.rs");

    for file in fs::read_dir(&served).expect("OUT_DIR/static") {
        backdate(&file.expect("a built file").path());
    }
    backdate(&served);
    // memory-serve reports every file as a cargo warning unless told to keep quiet. The
    // build script is single-threaded, so changing its environment is sound.
    unsafe { std::env::set_var("MEMORY_SERVE_QUIET", "1") };
    memory_serve::load_directory(served);
}

/// Font faces, KERN without the rules of unused classes, and the portal's own rules, as one
/// minified stylesheet: one request, and no rule the pages cannot use.
fn stylesheet(font_faces: &str) -> String {
    let kern = read("static/kern/kern.min.css");
    let source = format!("{font_faces}\n{kern}\n{}", read("static/app.css"));
    let used = Words::of(&["templates", "src"]);
    // Every name after a dot is a class candidate; names that are no class (inside a data:
    // URL, say) match no selector, so listing them as unused is harmless.
    let unused_symbols = names_after_dots(&source)
        .filter(|class| !used.contains(class))
        .map(str::to_owned)
        .collect();
    let mut sheet =
        StyleSheet::parse(&source, ParserOptions::default()).expect("the stylesheets parse");
    sheet
        .minify(MinifyOptions {
            unused_symbols,
            ..MinifyOptions::default()
        })
        .expect("minify the stylesheet");
    sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .expect("print the stylesheet")
        .code
}

/// The words of the templates and Rust sources that may name a class: runs of letters,
/// digits, `-` and `_`. A word ending in `-` right before `{` is the start of a class a
/// template completes (`kern-badge--{{ tone }}`), and keeps every class it begins.
struct Words {
    whole: HashSet<String>,
    prefixes: Vec<String>,
}

impl Words {
    fn of(dirs: &[&str]) -> Self {
        let mut words = Self {
            whole: HashSet::new(),
            prefixes: Vec::new(),
        };
        let mut files = Vec::new();
        for dir in dirs {
            collect_files(Path::new(dir), &mut files);
        }
        for file in files {
            let text = read(&file.to_string_lossy());
            let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
            let mut rest = text.as_str();
            while let Some(start) = rest.find(is_word) {
                rest = &rest[start..];
                let end = rest.find(|c| !is_word(c)).unwrap_or(rest.len());
                let word = &rest[..end];
                if word.ends_with('-') && rest[end..].starts_with('{') {
                    words.prefixes.push(word.to_owned());
                } else {
                    words.whole.insert(word.to_owned());
                }
                rest = &rest[end..];
            }
        }
        words
    }

    fn contains(&self, class: &str) -> bool {
        self.whole.contains(class) || self.prefixes.iter().any(|p| class.starts_with(p.as_str()))
    }
}

fn names_after_dots(css: &str) -> impl Iterator<Item = &str> {
    css.split('.').skip(1).filter_map(|after| {
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..end];
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '_')
            .then_some(name)
    })
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect_files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("html" | "rs")
        ) {
            out.push(path);
        }
    }
}

/// Writes `bytes` as `name` with a hash of them before the extension and returns its URL.
fn publish(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let hash: String = hash[..6].iter().map(|b| format!("{b:02x}")).collect();
    let (stem, extension) = name.rsplit_once('.').expect("a file name with extension");
    let hashed = format!("{stem}.{hash}.{extension}");
    fs::write(dir.join(&hashed), bytes).expect("write a built static file");
    format!("/static/{hashed}")
}

/// memory-serve has cargo rerun this script when `OUT_DIR/static` changes, and the script has
/// just written it: left as it is, the next build would run the script and compile the crate
/// again, every time. The names carry the hashes of the contents, so an old time hides no
/// change (a changed file is a new name in the code memory-serve writes).
fn backdate(path: &Path) {
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1);
    fs::File::open(path)
        .and_then(|file| file.set_modified(long_ago))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_bytes(path: &str) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
