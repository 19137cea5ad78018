//! The municipality directory: Länder, Kreise and kreisfreie Städte (Destatis), and the
//! kreisangehörige Gemeinden that admins add.

mod routes;

use anyhow::Context;
use serde::Deserialize;
use sqlx::PgPool;

pub use routes::routes;

/// Shown wherever the directory's figures are displayed (licence condition).
pub const DESTATIS_ATTRIBUTION: &str = "Kreise und kreisfreie Städte mit Fläche und Bevölkerung \
    (Stand 31.12.2018): © Statistisches Bundesamt (Destatis), 2019, \
    Gemeindeverzeichnis-Informationssystem GV-ISys, lizenziert unter CC BY 4.0.";

/// A Land of the reference data: code (the first two digits of the AGS), abbreviation, name.
#[derive(Deserialize)]
pub struct LandRecord {
    pub code: String,
    pub kuerzel: String,
    pub name: String,
}

/// The 16 Länder by code, from the same reference data as the database: a Land choice on a
/// page needs no statement.
pub fn laender() -> &'static [LandRecord] {
    static LAENDER: std::sync::LazyLock<Vec<LandRecord>> = std::sync::LazyLock::new(|| {
        parse("laender.csv", include_str!("data/laender.csv")).expect("valid reference data")
    });
    &LAENDER
}

#[derive(Deserialize)]
struct KreisRecord {
    #[serde(rename = "AGS")]
    ags: String,
    #[serde(rename = "type")]
    kind: String,
    name: String,
    #[serde(rename = "NUTS3")]
    nuts3: String,
    area_km2: f64,
    population: i32,
}

#[derive(Deserialize)]
struct GemeindeRecord {
    ags: String,
    name: String,
    kreis_ags: String,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, data: &str) -> anyhow::Result<Vec<T>> {
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(data.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .with_context(|| format!("Referenzdaten {name} fehlerhaft"))
}

fn kind_code(destatis_type: &str) -> anyhow::Result<&'static str> {
    Ok(match destatis_type {
        "Kreisfreie Stadt" => "kreisfreie_stadt",
        "Kreis" => "kreis",
        "Landkreis" => "landkreis",
        "Stadtkreis" => "stadtkreis",
        "Regionalverband" => "regionalverband",
        other => anyhow::bail!("unbekannter Kreistyp {other}"),
    })
}

pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "kreisfreie_stadt" => "Kreisfreie Stadt",
        "kreis" => "Kreis",
        "landkreis" => "Landkreis",
        "stadtkreis" => "Stadtkreis",
        "regionalverband" => "Regionalverband",
        "gemeinde" => "Kreisangehörige Gemeinde",
        _ => "Kommune",
    }
}

/// Loads the Länder, Kreise and example Gemeinden shipped with the portal: three statements,
/// idempotent (existing rows are updated, nothing is duplicated).
pub async fn seed_reference_data(pool: &PgPool) -> anyhow::Result<()> {
    let laender = laender();
    let kreise: Vec<KreisRecord> = parse("kreise.csv", include_str!("data/kreise.csv"))?;
    let gemeinden: Vec<GemeindeRecord> = parse(
        "gemeinden-beispiele.csv",
        include_str!("data/gemeinden-beispiele.csv"),
    )?;
    let kinds = kreise
        .iter()
        .map(|k| kind_code(&k.kind).map(str::to_owned))
        .collect::<anyhow::Result<Vec<_>>>()?;

    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO laender (code, kuerzel, name)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[])
         ON CONFLICT (code) DO UPDATE SET kuerzel = EXCLUDED.kuerzel, name = EXCLUDED.name",
        &laender.iter().map(|l| l.code.clone()).collect::<Vec<_>>(),
        &laender
            .iter()
            .map(|l| l.kuerzel.clone())
            .collect::<Vec<_>>(),
        &laender.iter().map(|l| l.name.clone()).collect::<Vec<_>>(),
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO kommunen (ags, kind, name, nuts3, area_km2, population, land_code)
         SELECT ags, kind, name, nuts3, area, population, left(ags, 2)
         FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::int4[])
              AS t(ags, kind, name, nuts3, area, population)
         ON CONFLICT (ags) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
             nuts3 = EXCLUDED.nuts3, area_km2 = EXCLUDED.area_km2, population = EXCLUDED.population",
        &kreise.iter().map(|k| k.ags.clone()).collect::<Vec<_>>(),
        &kinds,
        &kreise.iter().map(|k| k.name.clone()).collect::<Vec<_>>(),
        &kreise.iter().map(|k| k.nuts3.clone()).collect::<Vec<_>>(),
        &kreise.iter().map(|k| k.area_km2).collect::<Vec<_>>(),
        &kreise.iter().map(|k| k.population).collect::<Vec<_>>(),
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO kommunen (ags, kind, name, kreis_ags, land_code)
         SELECT ags, 'gemeinde', name, kreis_ags, left(ags, 2)
         FROM UNNEST($1::text[], $2::text[], $3::text[]) AS t(ags, name, kreis_ags)
         ON CONFLICT (ags) DO NOTHING",
        &gemeinden.iter().map(|g| g.ags.clone()).collect::<Vec<_>>(),
        &gemeinden.iter().map(|g| g.name.clone()).collect::<Vec<_>>(),
        &gemeinden
            .iter()
            .map(|g| g.kreis_ags.clone())
            .collect::<Vec<_>>(),
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A new Gemeinde's AGS, checked: eight digits whose Land and Kreis exist and that is not
/// taken yet. The error is the German message for the form field.
pub async fn check_new_gemeinde_ags(
    pool: &PgPool,
    ags: &str,
) -> sqlx::Result<Result<(), &'static str>> {
    if ags.len() != 8 || !ags.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Err(
            "Der Gemeindeschlüssel (AGS) einer Gemeinde hat genau acht Ziffern, z. B. 05766020.",
        ));
    }
    let found = sqlx::query!(
        r#"SELECT EXISTS (SELECT 1 FROM laender WHERE code = left($1, 2)) AS "land!",
                  EXISTS (SELECT 1 FROM kommunen WHERE ags = left($1, 5) AND kind <> 'gemeinde') AS "kreis!",
                  EXISTS (SELECT 1 FROM kommunen WHERE ags = $1) AS "taken!""#,
        ags
    )
    .fetch_one(pool)
    .await?;
    Ok(if !found.land {
        Err("Die ersten zwei Ziffern bezeichnen kein Land (01 bis 16).")
    } else if !found.kreis {
        Err(
            "Die ersten fünf Ziffern bezeichnen keinen Kreis und keine kreisfreie Stadt im Verzeichnis.",
        )
    } else if found.taken {
        Err("Eine Kommune mit diesem Gemeindeschlüssel gibt es bereits.")
    } else {
        Ok(())
    })
}

/// A Kommune as a choice in a form: name, kind and Land beside its AGS.
#[derive(Clone, Debug)]
pub struct KommuneChoice {
    pub ags: String,
    pub name: String,
    pub kind: &'static str,
    pub land_name: String,
}

/// How many hits [`search`] returns at most.
pub const SEARCH_LIMIT: usize = 20;

/// A row of `kommunen` with its Land's name, as the choices are read.
struct ChoiceRow {
    ags: String,
    name: String,
    kind: String,
    land_name: String,
}

impl From<ChoiceRow> for KommuneChoice {
    fn from(r: ChoiceRow) -> Self {
        Self {
            kind: kind_label(&r.kind),
            ags: r.ags,
            name: r.name,
            land_name: r.land_name,
        }
    }
}

/// Kommunen whose name contains `text` or whose AGS starts with it, best first (exact name,
/// name starting with the text, then alphabetically); at most [`SEARCH_LIMIT`], plus one
/// more to tell that there are more. One statement.
pub async fn search(pool: &PgPool, text: &str) -> sqlx::Result<Vec<KommuneChoice>> {
    // Control characters (PostgreSQL refuses NUL) can be in no name.
    let text: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect();
    let pattern = crate::db::like_escaped(&text);
    let rows = sqlx::query_as!(
        ChoiceRow,
        r#"SELECT k.ags, k.name, k.kind, l.name AS land_name
           FROM kommunen k JOIN laender l ON l.code = k.land_code
           WHERE $1 <> '' AND (k.name ILIKE '%' || $1 || '%' OR k.ags LIKE $1 || '%')
           ORDER BY lower(k.name) = lower($1) DESC, k.name ILIKE $1 || '%' DESC, k.name, k.ags
           LIMIT $2"#,
        pattern,
        SEARCH_LIMIT as i64 + 1
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(KommuneChoice::from).collect())
}

/// The Kommune with this AGS, if the directory has it.
pub async fn find(pool: &PgPool, ags: &str) -> sqlx::Result<Option<KommuneChoice>> {
    let row = sqlx::query_as!(
        ChoiceRow,
        r#"SELECT k.ags, k.name, k.kind, l.name AS land_name
           FROM kommunen k JOIN laender l ON l.code = k.land_code
           WHERE k.ags = $1"#,
        ags
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(KommuneChoice::from))
}
