//! What the search box understands, and the highlighted snippets of a hit. The matching
//! itself happens in PostgreSQL (`db::search`); this side folds the query the same way the
//! database folds the texts (`kc_fold`), so both agree on what a word is.

use serde::Deserialize;

use super::db::SearchRequest;
use super::vocab::{ARTEN, EBENEN, THEMEN};
use crate::vocab::{self, HANDLUNGSFELDER, LEBENSPHASEN, Term};

/// The query string of `/wissen`, which the open-data interface (API, CSV, feed) reads too:
/// words, facets, order and page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Params {
    pub q: String,
    pub art: Vec<String>,
    pub ebene: Vec<String>,
    pub feld: Vec<String>,
    pub thema: Vec<String>,
    pub phase: Vec<String>,
    pub land: Vec<String>,
    pub jahr: Vec<String>,
    pub sortierung: String,
    pub seite: String,
}

fn keep_known(values: &[String], terms: &[Term]) -> Vec<String> {
    values
        .iter()
        .filter(|v| vocab::is_known(terms, v))
        .cloned()
        .collect()
}

impl Params {
    /// The typed query, without control characters and cut to 200 characters.
    pub fn query(&self) -> String {
        self.q
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect()
    }

    /// The search `query` (see [`Params::query`]) asks for. Everything from the address bar is
    /// checked and anything unknown dropped: a hand-made URL never leads to an error page.
    pub fn request(&self, query: &str) -> SearchRequest {
        let terms = terms(query);
        SearchRequest {
            kinds: keep_known(&self.art, ARTEN),
            levels: keep_known(&self.ebene, EBENEN),
            felder: keep_known(&self.feld, HANDLUNGSFELDER),
            themen: keep_known(&self.thema, THEMEN),
            phasen: keep_known(&self.phase, LEBENSPHASEN),
            laender: self
                .land
                .iter()
                .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit()))
                .cloned()
                .collect(),
            years: self.jahr.iter().filter_map(|y| y.parse().ok()).collect(),
            by_date: self.sortierung == "datum" || terms.is_empty(),
            page: self.seite.parse::<i64>().unwrap_or(1).clamp(1, 10_000) - 1,
            page_size: None,
            terms,
        }
    }
}

/// Case, umlauts and ß folded as the database's `kc_fold` does.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut folded, c);
    }
    folded
}

fn push_folded(out: &mut String, c: char) {
    match c {
        'ä' | 'Ä' => out.push_str("ae"),
        'ö' | 'Ö' => out.push_str("oe"),
        'ü' | 'Ü' => out.push_str("ue"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'à' | 'á' | 'â' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => out.push('a'),
        'ç' | 'Ç' => out.push('c'),
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
        'ñ' | 'Ñ' => out.push('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Õ' => out.push('o'),
        'ù' | 'ú' | 'û' | 'Ù' | 'Ú' | 'Û' => out.push('u'),
        'ý' | 'ÿ' | 'Ý' => out.push('y'),
        other => out.extend(other.to_lowercase()),
    }
}

/// At most this many words of a query count; the rest is ignored.
pub const MAX_TERMS: usize = 8;

/// The search words of a query: folded, only letters and digits, at least two characters.
/// Everything else (quotes, operators, SQL, markup) separates words and is otherwise ignored.
pub fn terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in fold(query).split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() >= 2 && word.len() <= 60 && !terms.iter().any(|t| t == word) {
            terms.push(word.to_owned());
        }
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// The query with each misspelt word (folded, as `terms` gives it) replaced by its suggestion,
/// everything else as typed; `None` if there is nothing to suggest.
pub fn corrected(
    query: &str,
    suggestions: &std::collections::HashMap<String, String>,
) -> Option<String> {
    if suggestions.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(query.len());
    let mut word = String::new();
    let mut replaced = false;
    let mut flush = |word: &mut String, out: &mut String| {
        match suggestions.get(&fold(word)) {
            Some(better) => {
                out.push_str(better);
                replaced = true;
            }
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in query.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    replaced.then_some(out)
}

/// A piece of text, marked if it matched a search word.
#[derive(Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// About `width` characters of `text` around the first hit of any term (the start of the
/// text if none), with every hit marked. Matches ignore case and umlaut spelling and may lie
/// inside words ("armut" in "Kinderarmut").
pub fn snippet(text: &str, terms: &[String], width: usize) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let hits = hits(&chars, terms);
    let start = match hits.iter().position(|hit| *hit) {
        Some(hit) if chars.len() > width => word_start(&chars, hit.saturating_sub(width / 3)),
        _ => 0,
    };
    let end = (start + width).min(chars.len());
    let end = if end < chars.len() {
        word_end(&chars, end)
    } else {
        end
    };
    let mut segments: Vec<Segment> = Vec::new();
    if start > 0 {
        segments.push(Segment {
            text: "… ".into(),
            hit: false,
        });
    }
    for i in start..end {
        match segments.last_mut() {
            Some(last) if last.hit == hits[i] => last.text.push(chars[i]),
            _ => segments.push(Segment {
                text: chars[i].to_string(),
                hit: hits[i],
            }),
        }
    }
    if end < chars.len() {
        segments.push(Segment {
            text: " …".into(),
            hit: false,
        });
    }
    segments
}

/// For every character of `chars`, whether it belongs to a match of a term.
fn hits(chars: &[char], terms: &[String]) -> Vec<bool> {
    let mut hits = vec![false; chars.len()];
    if terms.is_empty() {
        return hits;
    }
    // The folded text, and for every folded byte the index of the character it came from.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let before = folded.len();
        push_folded(&mut folded, *c);
        origin.extend(std::iter::repeat_n(i, folded.len() - before));
    }
    for term in terms {
        for (at, _) in folded.match_indices(term.as_str()) {
            let (start, end) = (origin[at], origin[at + term.len() - 1]);
            hits[start..=end].iter_mut().for_each(|h| *h = true);
        }
    }
    hits
}

fn word_start(chars: &[char], mut i: usize) -> usize {
    while i > 0 && !chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

fn word_end(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && !chars[i].is_whitespace() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn terms_are_folded_words() {
        assert_eq!(
            terms("Übergang Schule–Beruf"),
            ["uebergang", "schule", "beruf"]
        );
        assert_eq!(
            terms("  \"Kinder-Armut\" OR 1=1; DROP TABLE x -- "),
            ["kinder", "armut", "or", "drop", "table"]
        );
        assert_eq!(terms("<script>alert(1)</script>"), ["script", "alert"]);
        assert!(terms("").is_empty());
        assert!(terms("!!! ?? a").is_empty());
        assert_eq!(terms(&"wort ".repeat(100)), ["wort"]);
        assert_eq!(terms("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").len(), MAX_TERMS);
        assert_eq!(terms("Straße\u{0}\u{7}"), ["strasse"]);
    }

    #[test]
    fn requests_that_find_the_same_share_their_key() {
        let request = |art: &[&str], seite: &str| {
            let params = Params {
                q: "Armut Kita".into(),
                art: art.iter().map(|a| (*a).to_owned()).collect(),
                seite: seite.into(),
                ..Default::default()
            };
            params.request(&params.query()).key()
        };
        let key = request(&["studie", "good_practice"], "1");
        assert_eq!(key, request(&["good_practice", "studie", "studie"], ""));
        assert_ne!(key, request(&["good_practice"], "1"));
        assert_ne!(key, request(&["studie", "good_practice"], "2"));
    }

    #[test]
    fn a_correction_replaces_only_the_misspelt_words() {
        let suggestions = std::collections::HashMap::from([(
            "praeventionskete".to_owned(),
            "Präventionskette".to_owned(),
        )]);
        assert_eq!(
            corrected("Präventionskete in Hamm", &suggestions).as_deref(),
            Some("Präventionskette in Hamm")
        );
        assert_eq!(corrected("Hamm", &suggestions), None);
        assert_eq!(corrected("Präventionskete", &Default::default()), None);
    }

    #[test]
    fn snippets_mark_hits_inside_words_and_across_umlaut_spellings() {
        let text = "Die Stadt bekämpft Kinderarmut mit Armutsprävention am Übergang.";
        let s = snippet(text, &["armut".into(), "uebergang".into()], 200);
        assert_eq!(
            marked(&s),
            "Die Stadt bekämpft Kinder[armut] mit [Armut]sprävention am [Übergang]."
        );
        let s = snippet(text, &["praevention".into()], 200);
        assert_eq!(
            marked(&s),
            "Die Stadt bekämpft Kinderarmut mit Armuts[prävention] am Übergang."
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_first_hit() {
        let text = format!(
            "{} Familienrathaus {}",
            "Anfang ".repeat(50),
            "Ende ".repeat(50)
        );
        let s = snippet(&text, &["familienrathaus".into()], 60);
        let shown = marked(&s);
        assert!(shown.starts_with("… ") && shown.ends_with(" …"), "{shown}");
        assert!(shown.contains("[Familienrathaus]"));
        assert!(shown.chars().count() < 100);
        assert_eq!(marked(&snippet("kurz", &[], 60)), "kurz");
    }
}
