//! The entries written for the portal from the two source documents (`seed/*.md`): loaded at
//! every start. A corrected seed text replaces an entry nobody has changed since it was
//! seeded; an entry the Geschäftsstelle has edited keeps its text, and the correction waits for
//! its decision (`Standing::Review`, the page in `corrections`).

use anyhow::{Context, bail};
use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use super::db::{self, Citation, Entry, EntryFields};
use super::markdown;
use crate::audit::{self, By, Event};
use crate::request::RequestMeta;
use crate::states::EntryStatus;

static SEED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/knowledge/seed");

/// One seed file: front matter (`key: value` lines between `---`) and a Markdown body.
#[derive(Debug, Default, PartialEq)]
pub struct SeedEntry {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub level: String,
    pub summary: String,
    pub source_document: String,
    pub source_section: String,
    pub workshop: Option<i16>,
    pub place: String,
    pub ags: Option<String>,
    pub land: Option<String>,
    pub year: Option<i16>,
    pub handlungsfelder: Vec<String>,
    pub themes: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub citations: Vec<Citation>,
    pub contacts: Vec<String>,
    pub body: String,
}

impl SeedEntry {
    /// A fingerprint of everything the seed writes into an entry: it changes with every
    /// correction of the file, and only then.
    pub fn digest(&self) -> String {
        let mut canonical = serde_json::json!([
            self.title,
            self.kind,
            self.level,
            self.summary,
            self.body,
            self.source_document,
            self.source_section,
            self.workshop,
            self.place,
            self.ags,
            self.land,
            self.year,
            self.handlungsfelder,
            self.themes,
            self.contacts,
        ]);
        // Lebensphasen and references came later: only a file that has them gets a new
        // fingerprint, so that the others do not wait for a review that changes nothing.
        if (!self.lebensphasen.is_empty() || !self.citations.is_empty())
            && let Some(fields) = canonical.as_array_mut()
        {
            fields.push(serde_json::json!(self.lebensphasen));
            fields.push(serde_json::json!(self.citations));
        }
        Sha256::digest(canonical.to_string().as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    pub fn fields(&self) -> EntryFields {
        EntryFields {
            title: self.title.clone(),
            kind: self.kind.clone(),
            level: self.level.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            source_document: self.source_document.clone(),
            source_section: self.source_section.clone(),
            place: self.place.clone(),
            kommune_ags: self.ags.clone(),
            land_code: self.land.clone(),
            year: self.year,
            handlungsfelder: self.handlungsfelder.clone(),
            themes: self.themes.clone(),
            lebensphasen: self.lebensphasen.clone(),
            citations: self.citations.clone(),
            contacts: self.contacts.clone(),
        }
    }

    /// `entry` as it would read with this seed text: what the Geschäftsstelle compares.
    pub fn applied_to(&self, entry: &Entry) -> Entry {
        let same_place = entry.kommune_ags == self.ags && entry.land_code == self.land;
        Entry {
            title: self.title.clone(),
            kind: self.kind.clone(),
            level: self.level.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            source_document: self.source_document.clone(),
            source_section: self.source_section.clone(),
            workshop: self.workshop,
            place: self.place.clone(),
            kommune_ags: self.ags.clone(),
            land_code: self.land.clone(),
            // Seeded places do not move; should one, the comparison shows the code alone.
            kommune_name: entry.kommune_name.clone().filter(|_| same_place),
            land_name: entry.land_name.clone().filter(|_| same_place),
            year: self.year,
            handlungsfelder: self.handlungsfelder.clone(),
            themes: self.themes.clone(),
            lebensphasen: self.lebensphasen.clone(),
            citations: sqlx::types::Json(self.citations.clone()),
            contacts: self.contacts.clone(),
            body_html: None,
            ..entry.clone()
        }
    }
}

/// Where a seeded entry stands against the seed text of this build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// It has this text, or the Geschäftsstelle has decided on it.
    Current,
    /// Nobody has changed it since it was seeded: the new text replaces it.
    Unedited,
    /// The Geschäftsstelle has edited it: it decides whether the new text replaces its own.
    Review,
}

/// `version`, `seed_version` and `seed_digest` as stored (see migration 0008).
pub fn standing(
    version: i32,
    seed_version: Option<i32>,
    seed_digest: Option<&str>,
    seed: &SeedEntry,
) -> Standing {
    if seed_digest == Some(seed.digest().as_str()) {
        Standing::Current
    } else if seed_version == Some(version) {
        Standing::Unedited
    } else {
        Standing::Review
    }
}

/// The seed text of the entry `slug`, if the entry was seeded from it.
pub fn find(slug: &str) -> anyhow::Result<Option<SeedEntry>> {
    Ok(entries()?.into_iter().find(|e| e.slug == slug))
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `kind=title; kind=title`: titles hold commas and colons, not semicolons.
fn citations(file_name: &str, value: &str) -> anyhow::Result<Vec<Citation>> {
    value
        .split(';')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|item| {
            let (kind, title) = item
                .split_once('=')
                .with_context(|| format!("{file_name}: Quelle ohne Art: {item}"))?;
            Ok(Citation {
                kind: kind.trim().to_owned(),
                title: title.trim().to_owned(),
            })
        })
        .collect()
}

pub fn parse(file_name: &str, text: &str) -> anyhow::Result<SeedEntry> {
    let slug = file_name
        .trim_end_matches(".md")
        .split_once('-')
        .map_or(file_name, |(_, rest)| rest)
        .to_owned();
    let text = text.replace("\r\n", "\n");
    let Some(rest) = text.strip_prefix("---\n") else {
        bail!("{file_name}: front matter fehlt");
    };
    let Some((front, body)) = rest.split_once("\n---\n") else {
        bail!("{file_name}: front matter nicht abgeschlossen");
    };
    let mut entry = SeedEntry {
        slug,
        body: body.trim().to_owned(),
        ..Default::default()
    };
    for line in front.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line
            .split_once(':')
            .with_context(|| format!("{file_name}: Zeile ohne Doppelpunkt: {line}"))?;
        let value = value.trim();
        let number = || {
            value
                .parse::<i16>()
                .with_context(|| format!("{file_name}: {key} ist keine Zahl"))
        };
        match key.trim() {
            "title" => entry.title = value.to_owned(),
            "kind" => entry.kind = value.to_owned(),
            "level" => entry.level = value.to_owned(),
            "summary" => entry.summary = value.to_owned(),
            "source_document" => entry.source_document = value.to_owned(),
            "source_section" => entry.source_section = value.to_owned(),
            "workshop" => entry.workshop = Some(number()?),
            "place" => entry.place = value.to_owned(),
            "ags" => entry.ags = Some(value.to_owned()).filter(|v| !v.is_empty()),
            "land" => entry.land = Some(value.to_owned()).filter(|v| !v.is_empty()),
            "year" => entry.year = Some(number()?),
            "handlungsfelder" => entry.handlungsfelder = list(value),
            "themes" => entry.themes = list(value),
            "contacts" => entry.contacts = list(value),
            "lebensphasen" => entry.lebensphasen = list(value),
            "quellen" => entry.citations = citations(file_name, value)?,
            other => bail!("{file_name}: unbekannter Schlüssel {other}"),
        }
    }
    if entry.title.is_empty() || entry.kind.is_empty() || entry.level.is_empty() {
        bail!("{file_name}: title, kind und level sind Pflicht");
    }
    Ok(entry)
}

pub fn entries() -> anyhow::Result<Vec<SeedEntry>> {
    let mut files: Vec<_> = SEED
        .files()
        .filter(|f| {
            f.path().extension().is_some_and(|e| e == "md")
                && f.path().file_name().is_some_and(|n| n != "README.md")
        })
        .collect();
    files.sort_by_key(|f| f.path().to_owned());
    files
        .into_iter()
        .map(|f| {
            let name = f
                .path()
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            parse(
                name,
                f.contents_utf8().context("Seed-Datei ist kein UTF-8")?,
            )
        })
        .collect()
}

/// Inserts the seed entries that are not there yet, published, and brings the unedited ones
/// up to a corrected text.
pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let entries = entries()?;
    insert_new(pool, &entries).await?;
    correct_unedited(pool, &entries).await?;
    db::complete(pool).await?;
    Ok(())
}

/// Inserts the seed entries that are not there yet, published. One statement.
async fn insert_new(pool: &PgPool, entries: &[SeedEntry]) -> anyhow::Result<()> {
    let column = |f: fn(&SeedEntry) -> String| entries.iter().map(f).collect::<Vec<_>>();
    let joined = |f: fn(&SeedEntry) -> &Vec<String>| {
        entries
            .iter()
            .map(|e| f(e).join("\u{1f}"))
            .collect::<Vec<_>>()
    };
    sqlx::query!(
        r#"INSERT INTO knowledge_entries (slug, title, kind, level, summary, body, source_document,
               source_section, workshop, place, kommune_ags, land_code, year, handlungsfelder, themes,
               contacts, status, seeded, published_at, seed_digest, seed_version, lebensphasen, citations,
               body_html)
           SELECT slug, title, kind, level, summary, body, source_document, source_section, workshop,
                  place, (SELECT ags FROM kommunen WHERE ags = t.ags), t.land, year,
                  coalesce(string_to_array(NULLIF(felder, ''), E'\x1f'), '{}'),
                  coalesce(string_to_array(NULLIF(themen, ''), E'\x1f'), '{}'),
                  coalesce(string_to_array(NULLIF(kontakte, ''), E'\x1f'), '{}'),
                  $17, true, now(), digest, 1,
                  coalesce(string_to_array(NULLIF(phasen, ''), E'\x1f'), '{}'), zitate::jsonb, html
           FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::int2[], $10::text[], $11::text[], $12::text[], $13::int2[],
                       $14::text[], $15::text[], $16::text[], $18::text[], $19::text[], $20::text[],
                       $21::text[])
                AS t(slug, title, kind, level, summary, body, source_document, source_section, workshop,
                     place, ags, land, year, felder, themen, kontakte, digest, phasen, zitate, html)
           -- Present entries are skipped before their search columns are computed (at every
           -- start); ON CONFLICT covers two starts at once.
           WHERE NOT EXISTS (SELECT 1 FROM knowledge_entries k WHERE k.slug = t.slug)
           ON CONFLICT ON CONSTRAINT knowledge_entries_slug_key DO NOTHING"#,
        &column(|e| e.slug.clone()),
        &column(|e| e.title.clone()),
        &column(|e| e.kind.clone()),
        &column(|e| e.level.clone()),
        &column(|e| e.summary.clone()),
        &column(|e| e.body.clone()),
        &column(|e| e.source_document.clone()),
        &column(|e| e.source_section.clone()),
        &entries.iter().map(|e| e.workshop).collect::<Vec<_>>() as &[Option<i16>],
        &column(|e| e.place.clone()),
        &entries.iter().map(|e| e.ags.clone()).collect::<Vec<_>>() as &[Option<String>],
        &entries.iter().map(|e| e.land.clone()).collect::<Vec<_>>() as &[Option<String>],
        &entries.iter().map(|e| e.year).collect::<Vec<_>>() as &[Option<i16>],
        &joined(|e| &e.handlungsfelder),
        &joined(|e| &e.themes),
        &joined(|e| &e.contacts),
        EntryStatus::Published as EntryStatus,
        &column(|e| e.digest()),
        &joined(|e| &e.lebensphasen),
        &column(|e| serde_json::json!(e.citations).to_string()),
        &column(|e| markdown::to_html(&e.body)),
    )
    .execute(pool)
    .await
    .context("Wissenseinträge konnten nicht geladen werden")?;
    Ok(())
}

/// Gives every unedited entry whose seed text was corrected the new text, with an audit row
/// "redaktionell korrigiert" in the same transaction. An entry edited meanwhile (its version
/// moved on) is left to the Geschäftsstelle's review.
async fn correct_unedited(pool: &PgPool, entries: &[SeedEntry]) -> anyhow::Result<()> {
    let states = db::seeded(pool).await?;
    for state in states {
        let Some(seed) = entries.iter().find(|e| e.slug == state.slug) else {
            continue;
        };
        let stand = standing(
            state.version,
            state.seed_version,
            state.seed_digest.as_deref(),
            seed,
        );
        if stand != Standing::Unedited {
            continue;
        }
        let mut tx = pool.begin().await?;
        let Some(before) = db::find(&mut *tx, &state.slug).await? else {
            continue;
        };
        let changed = db::apply_seed(
            &mut tx,
            before.id,
            before.version,
            &seed.fields(),
            seed.workshop,
            &seed.digest(),
        )
        .await?;
        if changed == Some(true) {
            let after = db::find(&mut *tx, &state.slug)
                .await?
                .context("korrigierter Eintrag fehlt")?;
            // Nobody asked for this write: the portal's editorial office made it at start.
            let meta = RequestMeta {
                client_addr: String::new(),
                request_id: String::new(),
            };
            audit::record(
                &mut *tx,
                &meta,
                By::System {
                    label: "Redaktion (Quelltexte des Portals)",
                },
                Event::new("redaktionell_korrigiert", "knowledge", before.id)
                    .old(before.audit_values())
                    .new_values(after.audit_values()),
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_file_parses_with_known_codes() {
        let entries = entries().unwrap();
        assert!(entries.len() >= 25, "{} entries", entries.len());
        for e in &entries {
            assert!(
                crate::vocab::is_known(super::super::vocab::ARTEN, &e.kind),
                "{}",
                e.slug
            );
            assert!(
                crate::vocab::is_known(super::super::vocab::EBENEN, &e.level),
                "{}",
                e.slug
            );
            for f in &e.handlungsfelder {
                assert!(
                    crate::vocab::is_known(crate::vocab::HANDLUNGSFELDER, f),
                    "{}: {f}",
                    e.slug
                );
            }
            assert!(!e.themes.is_empty(), "{}", e.slug);
            for p in &e.lebensphasen {
                assert!(
                    crate::vocab::is_known(crate::vocab::LEBENSPHASEN, p),
                    "{}: {p}",
                    e.slug
                );
            }
            for c in e.citations.iter() {
                assert!(
                    crate::vocab::is_known(super::super::vocab::QUELLENARTEN, &c.kind),
                    "{}: {}",
                    e.slug,
                    c.kind
                );
            }
            for t in &e.themes {
                assert!(
                    crate::vocab::is_known(super::super::vocab::THEMEN, t),
                    "{}: {t}",
                    e.slug
                );
            }
            assert!(e.body.contains("Quelle:"), "{} cites its source", e.slug);
            assert!(!e.source_section.is_empty(), "{}", e.slug);
        }
    }

    #[test]
    fn parse_front_matter() {
        let text = "---\ntitle: A: B\nkind: studie\nlevel: bund\nyear: 2025\nhandlungsfelder:\nthemes: recht, beteiligung\n---\n\nText\n";
        let e = parse("07-ein-titel.md", text).unwrap();
        assert_eq!(e.slug, "ein-titel");
        assert_eq!(e.title, "A: B");
        assert_eq!(e.year, Some(2025));
        assert!(e.handlungsfelder.is_empty());
        assert_eq!(e.themes, ["recht", "beteiligung"]);
        assert_eq!(e.body, "Text");
        assert!(parse("x.md", "kein front matter").is_err());
        assert!(parse("x.md", "---\nfoo: bar\n---\n").is_err());
    }
}
