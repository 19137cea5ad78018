//! The entries written for the portal from the two source documents (`seed/*.md`): loaded at
//! every start, inserted once, never overwritten (the Geschäftsstelle may have edited them).

use anyhow::{Context, bail};
use include_dir::{Dir, include_dir};
use sqlx::PgPool;

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
    pub contacts: Vec<String>,
    pub body: String,
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
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

/// Inserts the seed entries that are not there yet, published. One statement.
pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let entries = entries()?;
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
               contacts, status, seeded, published_at)
           SELECT slug, title, kind, level, summary, body, source_document, source_section, workshop,
                  place, (SELECT ags FROM kommunen WHERE ags = t.ags), t.land, year,
                  coalesce(string_to_array(NULLIF(felder, ''), E'\x1f'), '{}'),
                  coalesce(string_to_array(NULLIF(themen, ''), E'\x1f'), '{}'),
                  coalesce(string_to_array(NULLIF(kontakte, ''), E'\x1f'), '{}'),
                  $17, true, now()
           FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::int2[], $10::text[], $11::text[], $12::text[], $13::int2[],
                       $14::text[], $15::text[], $16::text[])
                AS t(slug, title, kind, level, summary, body, source_document, source_section, workshop,
                     place, ags, land, year, felder, themen, kontakte)
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
    )
    .execute(pool)
    .await
    .context("Wissenseinträge konnten nicht geladen werden")?;
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
