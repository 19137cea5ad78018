use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor, PgPool};

use super::facets::{self, FacetCount};
use super::markdown;
use crate::computed::Revision;
use crate::states::EntryStatus;

pub const PAGE_SIZE: i64 = 20;

/// What the search page asks for: words and facet filters (several values within a facet
/// widen, several facets narrow), ordering and page.
#[derive(Debug, Default, Clone)]
pub struct SearchRequest {
    pub terms: Vec<String>,
    pub kinds: Vec<String>,
    pub levels: Vec<String>,
    pub felder: Vec<String>,
    pub themen: Vec<String>,
    pub phasen: Vec<String>,
    pub laender: Vec<String>,
    pub years: Vec<i16>,
    pub by_date: bool,
    /// Zero-based.
    pub page: i64,
    /// Hits to a page; `None`: [`PAGE_SIZE`], as on `/wissen`.
    pub page_size: Option<i64>,
}

impl SearchRequest {
    pub fn page_size(&self) -> i64 {
        self.page_size.unwrap_or(PAGE_SIZE)
    }

    /// The same text for every request that finds the same: the values of a facet in any
    /// order and repeated, as an address may list them.
    pub fn key(&self) -> String {
        fn set<T: Ord + Clone>(values: &[T]) -> Vec<T> {
            let mut values = values.to_vec();
            values.sort();
            values.dedup();
            values
        }
        format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}|{}",
            self.terms,
            set(&self.kinds),
            set(&self.levels),
            set(&self.felder),
            set(&self.themen),
            set(&self.phasen),
            set(&self.laender),
            set(&self.years),
            self.by_date,
            self.page,
            self.page_size(),
        )
    }
}

/// How often what the search reads has changed (entries, synonyms, Länder: migration 0023),
/// as of today: the key of the searches `computed` keeps.
pub async fn revision(db: impl PgExecutor<'_>) -> sqlx::Result<Revision> {
    let number = sqlx::query_scalar!("SELECT revision FROM knowledge_revision")
        .fetch_one(db)
        .await?;
    Ok(Revision {
        day: crate::clock::today(),
        number,
    })
}

#[derive(Debug, Deserialize)]
pub struct Hit {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub summary: String,
    pub body: String,
    pub place: String,
    pub year: Option<i16>,
    pub source_document: String,
    pub source_section: String,
}

pub struct SearchResult {
    pub total: i64,
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetCount>,
    /// Every word the query stands for, its synonyms included (for marking snippets).
    pub words: Vec<String>,
    /// Query words that no published entry has (folded), with the most similar word of the
    /// published entries as written: "Meinten Sie …?".
    pub suggestions: HashMap<String, String>,
}

/// The search words as tsqueries (tsquery syntax; the words are letters and digits only, see
/// `search::terms`):
/// - `matching`: every word must match its German stem, a word with the same stem that
///   inflects differently ("Familienzentrum", "Familienzentren": `kc_stem`), or an indexed word
///   part that starts with it (`kc_word_parts`: at the start, inside or at the end of a word).
///   With synonyms (`knowledge_synonyms`), the query as typed or the query with one synonym in
///   place of the words it stands for ("BuT" or "Bildung und Teilhabe");
/// - `ranking`: any of these words as a prefix of a title or summary word (for `rank_doc`),
///   and again as a whole title word, which so counts twice.
struct Expanded {
    matching: String,
    ranking: String,
    words: Vec<String>,
    suggestions: HashMap<String, String>,
}

/// How many word parts one query word may stand for; very short words lose recall, not speed.
const MAX_PARTS: i64 = 300;

/// One statement, whatever the query and the synonyms: the search keeps its fixed count.
async fn expand(db: impl PgExecutor<'_>, terms: &[String]) -> sqlx::Result<Expanded> {
    // A word with fewer parts than the cap is matched as a prefix (`armut:*`): the same
    // entries as listing its parts, and the index answers a prefix faster than 23 words.
    // The parts are found by a range, not LIKE t || '%', so the index is used; they are
    // [a-z0-9], and '{' sorts after them in "C". A suggestion is looked for only for a
    // typed word that starts no indexed word part and whose stem no published word has:
    // `OFFSET 0` keeps the planner from looking for similar words first and testing the stem
    // after (0.45 ms of 0.9 for "Familienzentrum").
    let row = sqlx::query!(
        r#"WITH typed AS (SELECT $1::text[] AS words),
                synonyms AS (
                    SELECT s.term_words AS found, s.synonym_words AS alternative
                    FROM knowledge_synonyms s, typed WHERE s.term_words <@ typed.words
                    UNION
                    SELECT s.synonym_words, s.term_words
                    FROM knowledge_synonyms s, typed WHERE s.synonym_words <@ typed.words),
                variants AS (
                    SELECT 0::bigint AS n, typed.words FROM typed
                    UNION ALL
                    SELECT row_number() OVER (),
                           ARRAY(SELECT unnest(typed.words) EXCEPT SELECT unnest(s.found)) || s.alternative
                    FROM synonyms s, typed),
                expanded AS (
                    SELECT w.t, parts.count,
                           '(' || concat_ws(' | ', stems.words,
                                            CASE WHEN length(kc_stem(w.t)) >= 7 THEN kc_stem(w.t) || ':*' END,
                                            CASE WHEN parts.count < $2 THEN w.t || ':*' ELSE parts.words END)
                               || ')' AS matching,
                           '(' || concat_ws(' | ', stems.prefixes, w.t || ':*') || ' | ' || w.t || ':A)' AS ranking
                    FROM (SELECT DISTINCT unnest(words) AS t FROM variants) w,
                         LATERAL (SELECT string_agg(lexeme, ' | ') AS words,
                                         string_agg(lexeme || ':*', ' | ') AS prefixes
                                  FROM unnest(to_tsvector('german', w.t))) stems,
                         LATERAL (SELECT count(*) AS count, string_agg(word, ' | ') AS words
                                  FROM (SELECT word FROM knowledge_words WHERE word >= w.t AND word < w.t || '{'
                                        ORDER BY length(word), word LIMIT $2) capped) parts)
           SELECT (SELECT string_agg('(' || q.words || ')', ' | ')
                   FROM (SELECT string_agg(e.matching, ' & ') AS words
                         FROM variants v, unnest(v.words) word JOIN expanded e ON e.t = word
                         GROUP BY v.n) q) AS "matching!",
                  (SELECT string_agg(ranking, ' | ') FROM expanded) AS "ranking!",
                  (SELECT array_agg(t ORDER BY t) FROM expanded) AS "words!",
                  (SELECT coalesce(json_object_agg(unknown.t, near.word), '{}')
                   FROM (SELECT e.t FROM expanded e, typed
                         WHERE e.t = ANY (typed.words) AND e.count = 0 AND length(e.t) >= 5
                           AND NOT EXISTS (SELECT 1 FROM knowledge_vocabulary v WHERE v.stem = kc_stem(e.t))
                         OFFSET 0) unknown,
                        LATERAL (SELECT v.word FROM knowledge_vocabulary v
                                 WHERE v.folded % unknown.t ORDER BY v.folded <-> unknown.t, v.folded LIMIT 1) near)
                      AS "suggestions!: Json<HashMap<String, String>>""#,
        terms,
        MAX_PARTS
    )
    .fetch_one(db)
    .await?;
    Ok(Expanded {
        matching: row.matching,
        ranking: row.ranking,
        words: row.words,
        suggestions: row.suggestions.0,
    })
}

/// The page of hits, their total and the facet counts of all hits. Ranking weighs the title
/// over the summary, and a query word as a whole word in the title ("Familienrathaus") over a
/// part of one ("Familienrathauses"); hits only in the body come after them (`rank_doc`).
/// Repeated words add less and less (ts_rank), so the rank is not divided by the length too:
/// that cost a millisecond on 10 000 hits and changed no result of the relevance table.
///
/// The page and the facet keys are one statement (`hits_and_facet_keys`): the hits, from
/// `kc_knowledge_hits` (migration 0006), are found and ranked once for both. With search words
/// it runs on a connection of `search_pool` (`state::search_pool`), whose settings differ from
/// the portal's:
/// - sequential scans off: the planner does not know that testing a large TOASTed tsvector
///   row by row costs far more than answering from the GIN index, and for common words it
///   would otherwise scan the table (measured: 240 ms instead of 6 ms for 10 000 entries);
/// - a plan for every execution: the query serves searches with and without words, and a
///   generic plan cached after a few searches without words would scan the table for every
///   later search with words (measured: 250 ms instead of 10). Without words the whole
///   corpus is read anyway, so the cached plan serves.
///
/// Two statements with search words (expansion with synonyms and suggestions, then the hits),
/// one without. Before, the page and the facet keys were two queries at once, each finding
/// the hits, each with a transaction for the settings: seven statements.
pub async fn search(
    pool: &PgPool,
    search_pool: &PgPool,
    request: &SearchRequest,
) -> sqlx::Result<SearchResult> {
    let (expanded, hits_from) = if request.terms.is_empty() {
        (None, pool)
    } else {
        (Some(expand(pool, &request.terms).await?), search_pool)
    };
    let (hits, facet_keys, land_names) =
        hits_and_facet_keys(hits_from, expanded.as_ref(), request).await?;
    let (words, suggestions) = match expanded {
        Some(expanded) => (expanded.words, expanded.suggestions),
        None => Default::default(),
    };
    Ok(SearchResult {
        total: facet_keys.len() as i64,
        hits,
        facets: facets::count(&facet_keys, &land_names),
        words,
        suggestions,
    })
}

fn from_json<T: DeserializeOwned>(value: serde_json::Value) -> sqlx::Result<T> {
    serde_json::from_value(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// The page of hits, the facet keys of all hits (see `facets`) and the names of the Länder to
/// label them: one statement, which finds the hits once for both.
async fn hits_and_facet_keys(
    pool: &PgPool,
    expanded: Option<&Expanded>,
    request: &SearchRequest,
) -> sqlx::Result<(Vec<Hit>, Vec<i64>, HashMap<String, String>)> {
    let row = sqlx::query!(
        r#"WITH hits AS MATERIALIZED (
               SELECT h.id, h.year, h.published_at, h.facet_key,
                      CASE WHEN $1::text IS NULL THEN 0
                           ELSE ts_rank('{0.1, 0.2, 0.4, 1.0}', h.rank_doc, to_tsquery('simple', $11), 0)
                      END AS rank
               FROM kc_knowledge_hits($1, $2, $3, $4, $5, $12, $6, $7) h),
           top AS (
               SELECT id, year, published_at, rank FROM hits
               ORDER BY CASE WHEN $8 THEN year END DESC NULLS LAST, rank DESC, published_at DESC, id
               LIMIT $9 OFFSET $10)
           SELECT (SELECT coalesce(json_agg(page ORDER BY CASE WHEN $8 THEN page.year END DESC NULLS LAST,
                                                    page.rank DESC, page.published_at DESC, page.id), '[]')
                   -- The body only for a snippet of search words the summary lacks: without
                   -- words a page of bodies would be 100 KB of JSON to build and read for nothing.
                   FROM (SELECT e.slug, e.title, e.kind, e.summary,
                                CASE WHEN $1::text IS NULL THEN '' ELSE e.body END AS body,
                                e.place, e.year, e.source_document,
                                e.source_section, top.rank, top.published_at, top.id
                         FROM top JOIN knowledge_entries e ON e.id = top.id) page)
                      AS "hits!: serde_json::Value",
                  (SELECT coalesce(array_agg(facet_key), '{}') FROM hits) AS "keys!",
                  (SELECT coalesce(json_object_agg(code, name), '{}') FROM laender)
                      AS "land_names!: serde_json::Value""#,
        expanded.map(|e| e.matching.as_str()),
        &request.kinds,
        &request.levels,
        &request.felder,
        &request.themen,
        &request.laender,
        &request.years,
        request.by_date,
        request.page_size(),
        request.page * request.page_size(),
        expanded.map(|e| e.ranking.as_str()),
        &request.phasen,
    )
    .fetch_one(pool)
    .await?;
    Ok((from_json(row.hits)?, row.keys, from_json(row.land_names)?))
}

/// An entry as its page and form show it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub level: String,
    pub summary: String,
    pub body: String,
    pub source_document: String,
    pub source_section: String,
    pub workshop: Option<i16>,
    pub place: String,
    pub kommune_ags: Option<String>,
    pub kommune_name: Option<String>,
    pub land_code: Option<String>,
    pub land_name: Option<String>,
    pub year: Option<i16>,
    pub handlungsfelder: Vec<String>,
    pub themes: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub citations: Json<Vec<Citation>>,
    pub contacts: Vec<String>,
    pub status: EntryStatus,
    pub author_user_id: Option<i64>,
    pub author_kommune_ags: Option<String>,
    pub author_land_code: Option<String>,
    pub review_comment: String,
    pub version: i32,
    /// See migration 0008 and `seed::standing`.
    pub seed_version: Option<i32>,
    pub seed_digest: Option<String>,
    /// The body as sanitised HTML, stored with it; `None` until written (see `html`).
    pub body_html: Option<String>,
    /// Computed when entries are written (`refresh_related`); published ones only.
    pub related: Json<Vec<Related>>,
    /// The public profile of a network of the entry's municipality, if it has one.
    pub public_network_id: Option<i64>,
    /// How often the country's data had changed when the entry was read: the key of the
    /// networks its page keeps (`computed`, migration 0018), read in the entry's statement.
    pub country_revision: i64,
}

/// A reference ("Quellen und Rechtsgrundlagen"): a kind of `vocab::QUELLENARTEN` and how the
/// document is cited, e.g. "§ 78 SGB VIII".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub kind: String,
    pub title: String,
}

impl Entry {
    /// The body as HTML: as stored, or rendered now if an older write left none.
    pub fn html(&self) -> String {
        self.body_html
            .clone()
            .unwrap_or_else(|| markdown::to_html(&self.body))
    }

    pub fn audit_values(&self) -> serde_json::Value {
        use super::vocab::{ARTEN, EBENEN, QUELLENARTEN, THEMEN};
        use crate::vocab::{HANDLUNGSFELDER, LEBENSPHASEN, label, labels};
        serde_json::json!({
            "Titel": self.title,
            "Art": label(ARTEN, &self.kind),
            "Ebene": label(EBENEN, &self.level),
            "Kurzfassung": self.summary,
            "Text": self.body,
            "Quelle": self.source_document,
            "Abschnitt": self.source_section,
            "Ort": self.place,
            "Gemeindeschlüssel": self.kommune_ags,
            "Land": self.land_name,
            "Jahr": self.year,
            "Handlungsfelder": labels(HANDLUNGSFELDER, &self.handlungsfelder),
            "Themen": labels(THEMEN, &self.themes),
            "Lebensphasen": labels(LEBENSPHASEN, &self.lebensphasen),
            "Quellen und Rechtsgrundlagen": self
                .citations
                .iter()
                .map(|c| format!("{}: {}", label(QUELLENARTEN, &c.kind), c.title))
                .collect::<Vec<_>>()
                .join("; "),
            "Kontakte": self.contacts.join(", "),
            "Status": self.status.label(),
            "Rückmeldung": self.review_comment,
        })
    }
}

/// The entry with everything its page shows from the entries table: one statement.
pub async fn find(db: impl PgExecutor<'_>, slug: &str) -> sqlx::Result<Option<Entry>> {
    sqlx::query_as!(
        Entry,
        r#"SELECT e.id, e.slug, e.title, e.kind, e.level, e.summary, e.body, e.source_document,
                  e.source_section, e.workshop, e.place, e.kommune_ags, k.name AS "kommune_name?",
                  e.land_code::text AS land_code, l.name AS "land_name?", e.year, e.handlungsfelder,
                  e.themes, e.lebensphasen, e.citations AS "citations: Json<Vec<Citation>>", e.contacts,
                  e.status AS "status: EntryStatus", e.author_user_id, e.author_kommune_ags,
                  e.author_land_code::text AS author_land_code, e.review_comment, e.version,
                  e.seed_version, e.seed_digest, e.body_html,
                  (SELECT coalesce(json_agg(json_build_object('slug', x.slug, 'title', x.title, 'kind', x.kind)
                                            ORDER BY r.position), '[]')
                   FROM knowledge_related r JOIN knowledge_entries x ON x.id = r.related_id
                   WHERE r.entry_id = e.id AND x.status = $2) AS "related!: Json<Vec<Related>>",
                  (SELECT min(n.id) FROM networks n WHERE n.kommune_ags = e.kommune_ags AND n.is_public)
                      AS public_network_id,
                  (SELECT coalesce(sum(revision), 0) FROM land_revisions)::bigint AS "country_revision!"
           FROM knowledge_entries e
           LEFT JOIN kommunen k ON k.ags = e.kommune_ags
           LEFT JOIN laender l ON l.code = e.land_code
           WHERE e.slug = $1"#,
        slug,
        EntryStatus::Published as EntryStatus,
    )
    .fetch_optional(db)
    .await
}

#[derive(Debug, Clone, Deserialize)]
pub struct Related {
    pub slug: String,
    pub title: String,
    pub kind: String,
}

/// After an entry was written: its related entries, and those of the entries close to it
/// (`kc_refresh_related`, migration 0013), in the writer's transaction.
pub async fn refresh_related(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query!("SELECT kc_refresh_related($1) AS done", id)
        .fetch_one(conn)
        .await?;
    Ok(())
}

/// What an older database, a synthetic corpus or a write outside the portal left undone:
/// the HTML of bodies without it, and the related entries of entries changed since they were
/// computed. At start; a few statements.
pub async fn complete(pool: &PgPool) -> sqlx::Result<()> {
    let bodies = sqlx::query!("SELECT id, body FROM knowledge_entries WHERE body_html IS NULL")
        .fetch_all(pool)
        .await?;
    if !bodies.is_empty() {
        let ids: Vec<i64> = bodies.iter().map(|b| b.id).collect();
        let html: Vec<String> = bodies.iter().map(|b| markdown::to_html(&b.body)).collect();
        sqlx::query!(
            "UPDATE knowledge_entries e SET body_html = t.html
             FROM UNNEST($1::bigint[], $2::text[]) AS t(id, html) WHERE e.id = t.id",
            &ids,
            &html
        )
        .execute(pool)
        .await?;
    }
    sqlx::query!(
        "SELECT kc_compute_related(ARRAY(SELECT id FROM knowledge_entries
                                         WHERE related_version IS DISTINCT FROM version)) AS done"
    )
    .fetch_one(pool)
    .await?;
    Ok(())
}

/// A public network with running measures in a Handlungsfeld and Lebensphase.
#[derive(Clone)]
pub struct NetworkLink {
    pub id: i64,
    pub name: String,
    pub kommune: String,
    pub measures: i64,
}

/// Public networks with running measures in any of `felder` × `phasen`, most measures first:
/// at most `limit` per cell read by index (`measure_coverage`, migration 0013), so the cost
/// does not grow with the number of networks in the country.
pub async fn networks_covering(
    pool: &PgPool,
    felder: &[String],
    phasen: &[String],
    limit: i64,
) -> sqlx::Result<Vec<NetworkLink>> {
    sqlx::query_as!(
        NetworkLink,
        r#"SELECT n.id, n.name, k.name AS kommune, best.measures AS "measures!"
           FROM (SELECT network_id, sum(measures)::bigint AS measures
                 FROM unnest($1::text[]) f, unnest($2::text[]) p,
                      LATERAL (SELECT c.network_id, c.measures FROM measure_coverage c
                               WHERE c.feld = f AND c.phase = p AND c.is_public
                               ORDER BY c.measures DESC, c.network_id LIMIT $3) top
                 GROUP BY network_id) best
           -- Each network by its key (OFFSET 0 keeps it a lateral lookup): the generic plan
           -- otherwise hashed every public network of the country to join the few found.
           CROSS JOIN LATERAL (SELECT n.id, n.name, n.kommune_ags FROM networks n
                               WHERE n.id = best.network_id AND n.is_public OFFSET 0) n
           JOIN kommunen k ON k.ags = n.kommune_ags
           ORDER BY best.measures DESC, n.name, n.id
           LIMIT $3"#,
        felder,
        phasen,
        limit
    )
    .fetch_all(pool)
    .await
}

/// How many networks took entry `id` over as a measure, and which of them have a public
/// profile: (id, name), by name. One query.
#[derive(Clone, Debug, Default)]
pub struct Adoptions {
    pub networks: i64,
    pub public: Vec<(i64, String)>,
}

pub async fn adoptions(pool: &PgPool, id: i64) -> sqlx::Result<Adoptions> {
    let row = sqlx::query!(
        r#"WITH adopters AS (
               SELECT DISTINCT n.id, n.name, n.is_public
               FROM measures m JOIN networks n ON n.id = m.network_id
               WHERE m.knowledge_entry_id = $1
           )
           SELECT count(*) AS "networks!",
                  coalesce(array_agg(id ORDER BY name COLLATE "de-x-icu", id)
                           FILTER (WHERE is_public), '{}') AS "public_ids!",
                  coalesce(array_agg(name ORDER BY name COLLATE "de-x-icu", id)
                           FILTER (WHERE is_public), '{}') AS "public_names!"
           FROM adopters"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(Adoptions {
        networks: row.networks,
        public: row.public_ids.into_iter().zip(row.public_names).collect(),
    })
}

/// An entry taken over by networks, for the national overview.
#[derive(Clone, Debug)]
pub struct Adopted {
    pub slug: String,
    pub title: String,
    pub networks: i64,
}

/// The published entries taken over by the most networks, most first. One query.
pub async fn most_adopted(pool: &PgPool, limit: i64) -> sqlx::Result<Vec<Adopted>> {
    sqlx::query_as!(
        Adopted,
        r#"SELECT e.slug, e.title, count(DISTINCT m.network_id) AS "networks!"
           FROM knowledge_entries e
           JOIN measures m ON m.knowledge_entry_id = e.id
           WHERE e.status = $2
           GROUP BY e.id
           ORDER BY 3 DESC, e.title COLLATE "de-x-icu", e.id
           LIMIT $1"#,
        limit,
        EntryStatus::Published as EntryStatus,
    )
    .fetch_all(pool)
    .await
}

/// Per Kreis, how many networks took the published entry `slug` over as a measure: only
/// networks of Land `land_code` (if given) and, with `public_only`, those with a public
/// profile. (Kreis AGS, networks); one statement, at most 401 rows.
pub async fn adopters_per_kreis(
    pool: &PgPool,
    slug: &str,
    land_code: Option<&str>,
    public_only: bool,
) -> sqlx::Result<Vec<(String, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT left(n.kommune_ags, 5) AS "kreis_ags!", count(DISTINCT n.id) AS "networks!"
           FROM knowledge_entries e
           JOIN measures m ON m.knowledge_entry_id = e.id
           JOIN networks n ON n.id = m.network_id
           WHERE e.slug = $1 AND e.status = $2
             AND ($3::text IS NULL OR left(n.kommune_ags, 2) = $3)
             AND (NOT $4 OR n.is_public)
           GROUP BY 1
           ORDER BY 1"#,
        slug,
        EntryStatus::Published as EntryStatus,
        land_code,
        public_only,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.kreis_ags, r.networks))
        .collect())
}

/// The fields an entry form writes.
#[derive(Debug, Clone)]
pub struct EntryFields {
    pub title: String,
    pub kind: String,
    pub level: String,
    pub summary: String,
    pub body: String,
    pub source_document: String,
    pub source_section: String,
    pub place: String,
    pub kommune_ags: Option<String>,
    pub land_code: Option<String>,
    pub year: Option<i16>,
    pub handlungsfelder: Vec<String>,
    pub themes: Vec<String>,
    pub lebensphasen: Vec<String>,
    pub citations: Vec<Citation>,
    pub contacts: Vec<String>,
}

pub struct Author<'a> {
    pub user_id: i64,
    pub kommune_ags: Option<&'a str>,
    pub land_code: Option<&'a str>,
}

/// Inserts a draft under a slug made from the title (numbered if taken).
pub async fn insert_draft(
    conn: &mut PgConnection,
    fields: &EntryFields,
    author: Author<'_>,
) -> sqlx::Result<String> {
    let base = slugify(&fields.title);
    let (id, slug) = sqlx::query!(
        r#"INSERT INTO knowledge_entries (slug, title, kind, level, summary, body, source_document,
               source_section, place, kommune_ags, land_code, year, handlungsfelder, themes, contacts,
               status, author_user_id, author_kommune_ags, author_land_code, lebensphasen, citations,
               body_html)
           SELECT CASE WHEN n = 0 THEN $1 ELSE $1 || '-' || (n + 1) END,
                  $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $19, $16, $17, $18,
                  $20, $21, $22
           FROM (SELECT count(*) AS n FROM knowledge_entries WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')) taken
           RETURNING id, slug"#,
        base,
        fields.title,
        fields.kind,
        fields.level,
        fields.summary,
        fields.body,
        fields.source_document,
        fields.source_section,
        fields.place,
        fields.kommune_ags,
        fields.land_code,
        fields.year,
        &fields.handlungsfelder,
        &fields.themes,
        &fields.contacts,
        author.user_id,
        author.kommune_ags,
        author.land_code,
        EntryStatus::Draft as EntryStatus,
        &fields.lebensphasen,
        Json(&fields.citations) as _,
        markdown::to_html(&fields.body),
    )
    .fetch_one(&mut *conn)
    .await
    .map(|row| (row.id, row.slug))?;
    refresh_related(conn, id).await?;
    Ok(slug)
}

/// Writes the fields if `version` is current; `false` otherwise.
pub async fn update(
    conn: &mut PgConnection,
    id: i64,
    version: i32,
    fields: &EntryFields,
) -> sqlx::Result<bool> {
    let written = sqlx::query!(
        "UPDATE knowledge_entries SET title = $3, kind = $4, level = $5, summary = $6, body = $7,
                source_document = $8, source_section = $9, place = $10, kommune_ags = $11,
                land_code = $12, year = $13, handlungsfelder = $14, themes = $15, contacts = $16,
                lebensphasen = $17, citations = $18, body_html = $19,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2",
        id,
        version,
        fields.title,
        fields.kind,
        fields.level,
        fields.summary,
        fields.body,
        fields.source_document,
        fields.source_section,
        fields.place,
        fields.kommune_ags,
        fields.land_code,
        fields.year,
        &fields.handlungsfelder,
        &fields.themes,
        &fields.contacts,
        &fields.lebensphasen,
        Json(&fields.citations) as _,
        markdown::to_html(&fields.body),
    )
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if written {
        refresh_related(conn, id).await?;
    }
    Ok(written)
}

/// Writes a seed text into the entry if it is still at `version`, and marks it as seeded with
/// `digest` at its new version: `None` if the version is stale, else whether the text changed
/// (the version moves only then, so an unchanged text leaves no trace).
pub async fn apply_seed(
    conn: &mut PgConnection,
    id: i64,
    version: i32,
    fields: &EntryFields,
    workshop: Option<i16>,
    digest: &str,
) -> sqlx::Result<Option<bool>> {
    let changed = sqlx::query_scalar!(
        r#"UPDATE knowledge_entries e
           SET title = $3, kind = $4, level = $5, summary = $6, body = $7, source_document = $8,
               source_section = $9, workshop = $10, place = $11,
               kommune_ags = (SELECT ags FROM kommunen WHERE ags = $12), land_code = $13, year = $14,
               handlungsfelder = $15, themes = $16, contacts = $17, seed_digest = $18,
               lebensphasen = $19, citations = $20, body_html = $21,
               version = e.version + d.changed::int, seed_version = e.version + d.changed::int,
               updated_at = CASE WHEN d.changed THEN now() ELSE e.updated_at END
           FROM (SELECT (title, kind, level, summary, body, source_document, source_section, workshop,
                         place, kommune_ags, land_code::text, year, handlungsfelder, themes, contacts,
                         lebensphasen, citations)
                        IS DISTINCT FROM
                        ($3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::int2,
                         $11::text, (SELECT ags FROM kommunen WHERE ags = $12), $13::text, $14::int2,
                         $15::text[], $16::text[], $17::text[], $19::text[], $20::jsonb) AS changed
                 FROM knowledge_entries WHERE id = $1) d
           WHERE e.id = $1 AND e.version = $2
           RETURNING d.changed AS "changed!""#,
        id,
        version,
        fields.title,
        fields.kind,
        fields.level,
        fields.summary,
        fields.body,
        fields.source_document,
        fields.source_section,
        workshop,
        fields.place,
        fields.kommune_ags,
        fields.land_code,
        fields.year,
        &fields.handlungsfelder,
        &fields.themes,
        &fields.contacts,
        digest,
        &fields.lebensphasen,
        Json(&fields.citations) as _,
        markdown::to_html(&fields.body),
    )
    .fetch_optional(&mut *conn)
    .await?;
    if changed == Some(true) {
        refresh_related(conn, id).await?;
    }
    Ok(changed)
}

/// Records that the Geschäftsstelle keeps its own text against the seed text `digest`, if the
/// entry is still at `version`; the text stays as it is.
pub async fn keep_against_seed(
    db: impl PgExecutor<'_>,
    id: i64,
    version: i32,
    digest: &str,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE knowledge_entries SET seed_digest = $3 WHERE id = $1 AND version = $2",
        id,
        version,
        digest
    )
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// A seeded entry as it stands against the seed (see `seed::standing`).
pub struct SeededState {
    pub slug: String,
    pub title: String,
    pub version: i32,
    pub seed_version: Option<i32>,
    pub seed_digest: Option<String>,
    pub updated_at: time::OffsetDateTime,
}

/// Every seeded entry, by title.
pub async fn seeded(pool: &PgPool) -> sqlx::Result<Vec<SeededState>> {
    sqlx::query_as!(
        SeededState,
        "SELECT slug, title, version, seed_version, seed_digest, updated_at
         FROM knowledge_entries WHERE seeded ORDER BY title"
    )
    .fetch_all(pool)
    .await
}

/// Moves an entry to `status` if it is still at `version`, with the reviewer's comment.
pub async fn set_status(
    conn: &mut PgConnection,
    id: i64,
    version: i32,
    status: EntryStatus,
    comment: &str,
) -> sqlx::Result<bool> {
    let moved = sqlx::query!(
        "UPDATE knowledge_entries SET status = $3, review_comment = $4, version = version + 1,
                updated_at = now(),
                published_at = CASE WHEN $3 = $5 THEN now() ELSE published_at END
         WHERE id = $1 AND version = $2",
        id,
        version,
        status as EntryStatus,
        comment,
        EntryStatus::Published as EntryStatus,
    )
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if moved {
        refresh_related(conn, id).await?;
    }
    Ok(moved)
}

pub struct Listed {
    pub slug: String,
    pub title: String,
    pub status: EntryStatus,
    pub updated_at: time::OffsetDateTime,
}

/// Entries not published yet that `author_*` drafted (their territory), or with
/// `everything` all submitted ones (the review queue).
pub async fn drafts(
    pool: &PgPool,
    kommune_ags: Option<&str>,
    land_code: Option<&str>,
    user_id: i64,
    everything: bool,
) -> sqlx::Result<Vec<Listed>> {
    sqlx::query_as!(
        Listed,
        r#"SELECT slug, title, status AS "status: EntryStatus", updated_at FROM knowledge_entries
           WHERE status <> 'veroeffentlicht'
             AND (($4 AND status = 'eingereicht')
                  OR author_user_id = $3
                  OR ($1::text IS NOT NULL AND author_kommune_ags = $1)
                  OR ($2::text IS NOT NULL AND author_kommune_ags IS NULL AND author_land_code = $2))
           ORDER BY updated_at DESC
           LIMIT 200"#,
        kommune_ags,
        land_code,
        user_id,
        everything
    )
    .fetch_all(pool)
    .await
}

/// A URL-safe name from a title: folded, words joined by hyphens, at most 80 characters.
pub fn slugify(title: &str) -> String {
    let folded = super::search::fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut slug = String::new();
    for word in words {
        if slug.len() + word.len() + 1 > 80 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        "eintrag".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(
            super::slugify("Übergang Schule–Beruf in Hamm!"),
            "uebergang-schule-beruf-in-hamm"
        );
        assert_eq!(super::slugify("<>"), "eintrag");
        assert!(super::slugify(&"langes wort ".repeat(20)).len() <= 80);
    }
}
