//! What a map can be shaded by, as the map's select box offers it: counts of the networks per
//! Kreis (from the figures a page loads anyway), the latest values of a catalog indicator, or
//! where a good-practice entry was taken over.

use std::collections::HashMap;
use std::sync::Arc;

use sqlx::PgPool;

use super::Scale;
use crate::catalog::db::{CatalogIndicator, medians_per_kreis};
use crate::computed::Revision;
use crate::format;
use crate::knowledge::db::{Adopted, adopters_per_kreis, most_adopted};
use crate::networks::db::{CountedNetworks, KreisFigures};
use crate::state::AppState;
use crate::vocab::Term;

/// What shades the Kreise.
#[derive(Clone, Debug)]
pub enum Measure {
    HasNetwork,
    Networks,
    RunningMeasures,
    /// An active catalog indicator: per Kreis the median of the networks' latest values.
    Indicator(CatalogIndicator),
    /// A published good-practice entry: per Kreis the networks that took it over.
    Practice(Adopted),
}

const INDICATOR: &str = "kennzahl:";
const PRACTICE: &str = "praxis:";

/// How many of the most adopted practices the choice offers (and the national overview lists).
pub const PRACTICES: i64 = 10;

impl Measure {
    /// The counts every map offers, whatever the catalog and the knowledge platform hold.
    pub const TERMS: &[Term] = &[
        Term {
            code: "netzwerk",
            label: "Mit Netzwerk oder ohne",
        },
        Term {
            code: "netzwerke",
            label: "Zahl der Netzwerke",
        },
        Term {
            code: "massnahmen",
            label: "Laufende Maßnahmen",
        },
    ];

    /// The measure a query string names among those on offer; the first when it names none
    /// (or nonsense, or a retired indicator).
    pub fn parse(code: &str, indicators: &[CatalogIndicator], practices: &[Adopted]) -> Self {
        if let Some(key) = code.strip_prefix(INDICATOR)
            && let Some(indicator) = indicators.iter().find(|i| i.key == key)
        {
            return Self::Indicator(indicator.clone());
        }
        if let Some(slug) = code.strip_prefix(PRACTICE)
            && let Some(practice) = practices.iter().find(|p| p.slug == slug)
        {
            return Self::Practice(practice.clone());
        }
        match code {
            "netzwerke" => Self::Networks,
            "massnahmen" => Self::RunningMeasures,
            _ => Self::HasNetwork,
        }
    }

    pub fn code(&self) -> String {
        match self {
            Self::HasNetwork => "netzwerk".to_owned(),
            Self::Networks => "netzwerke".to_owned(),
            Self::RunningMeasures => "massnahmen".to_owned(),
            Self::Indicator(indicator) => indicator_code(&indicator.key),
            Self::Practice(practice) => practice_code(&practice.slug),
        }
    }
}

/// The choice of catalog indicator `key`, as a query string names it.
pub fn indicator_code(key: &str) -> String {
    format!("{INDICATOR}{key}")
}

/// The choice of where practice `slug` was taken over, as a query string names it.
pub fn practice_code(slug: &str) -> String {
    format!("{PRACTICE}{slug}")
}

/// One option of the select box.
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// The options of one kind, under their heading (`<optgroup>`).
pub struct ChoiceGroup {
    pub label: &'static str,
    pub choices: Vec<Choice>,
}

/// What the select box offers besides the counts: the catalog's active indicators and the most
/// adopted practices, most first.
pub struct Choices {
    pub indicators: Vec<CatalogIndicator>,
    pub practices: Vec<Adopted>,
}

impl Choices {
    /// Two statements at once.
    async fn load(pool: &PgPool) -> sqlx::Result<Self> {
        let (mut indicators, practices) =
            tokio::try_join!(crate::catalog::db::all(pool), most_adopted(pool, PRACTICES))?;
        indicators.retain(CatalogIndicator::is_active);
        Ok(Self {
            indicators,
            practices,
        })
    }
}

/// The chosen measure with its values per Kreis and what else the select box offers.
pub struct Shading {
    pub measure: Measure,
    /// An indicator's or a practice's values; counts come from the page's figures.
    loaded: Arc<HashMap<String, f64>>,
    choices: Arc<Choices>,
    threshold: i64,
    public_only: bool,
}

impl Shading {
    /// The measure `code` names among the networks `counted` (the same the page counts:
    /// all for the Bund, a Land's for the Landesübersicht, public ones on public pages), and
    /// the choices, as of `revision` of the counted networks' Land or of the country
    /// (`computed`, read by the page): no statement while nothing changed, two or three
    /// once after a change. The catalog and published practices move every Land's revision;
    /// on a Land's map the order of the most adopted practices follows the next change of the
    /// Land. Only codes on offer are kept, so what is kept stays bounded by the choices.
    pub async fn current(
        state: &AppState,
        revision: Revision,
        code: &str,
        counted: CountedNetworks<'_>,
    ) -> sqlx::Result<Self> {
        let pool = &state.pool;
        let (land_code, public_only) = (counted.land_code, counted.public_only);
        let choices = state
            .computed
            .get_or_compute(
                "kartenauswahl",
                land_code.unwrap_or_default(),
                revision,
                || Choices::load(pool),
            )
            .await?;
        let measure = Measure::parse(code, &choices.indicators, &choices.practices);
        let loaded = match &measure {
            Measure::Indicator(_) | Measure::Practice(_) => {
                let scope = format!(
                    "{}|{public_only}|{}",
                    land_code.unwrap_or_default(),
                    measure.code()
                );
                state
                    .computed
                    .get_or_compute("kartenwerte", &scope, revision, || {
                        values_of(pool, &measure, counted)
                    })
                    .await?
            }
            _ => Arc::default(),
        };
        Ok(Self {
            measure,
            loaded,
            choices,
            threshold: state.config.small_count_threshold,
            public_only,
        })
    }

    /// The most adopted practices, most first.
    pub fn practices(&self) -> &[Adopted] {
        &self.choices.practices
    }

    /// The value of each Kreis: counts of the Kreise with networks (the others count 0), or
    /// an indicator's medians and a practice's adopters as loaded.
    pub fn values(&self, figures: &[KreisFigures]) -> HashMap<String, f64> {
        let count = |f: &KreisFigures| match self.measure {
            Measure::RunningMeasures => f.running_measures,
            _ => f.networks,
        };
        match self.measure {
            Measure::HasNetwork | Measure::Networks | Measure::RunningMeasures => figures
                .iter()
                .map(|f| (f.kreis_ags.clone(), count(f) as f64))
                .collect(),
            Measure::Indicator(_) | Measure::Practice(_) => self.loaded.as_ref().clone(),
        }
    }

    pub fn scale(&self) -> Scale {
        match &self.measure {
            Measure::HasNetwork => {
                let mut scale =
                    Scale::counts("Präventionsnetzwerk vorhanden", &[0, 1], has_network);
                scale.steps[0].label = "ohne Netzwerk".to_owned();
                scale.steps[1].label = "mit Netzwerk".to_owned();
                scale
            }
            Measure::Networks => Scale::counts("Netzwerke", &[0, 1, 2, 5, 10], networks),
            Measure::RunningMeasures => {
                Scale::counts("Laufende Maßnahmen", &[0, 1, 10, 50, 200], measures)
            }
            Measure::Indicator(indicator) => {
                indicator_scale(indicator, &self.loaded, self.threshold)
            }
            // Few Kreise have more than one adopter: "1" already shows dark enough to find.
            Measure::Practice(practice) => Scale::counts(
                &format!("Übernahmen von „{}“", practice.title),
                &[0, 1, 2],
                networks,
            ),
        }
    }

    /// How a Kreis's value comes about, where a count alone does not say it.
    pub fn note(&self) -> Option<String> {
        let public = if self.public_only {
            " mit öffentlichem Profil"
        } else {
            ""
        };
        match &self.measure {
            Measure::Indicator(indicator) => {
                let mut note = format!(
                    "Wert eines Kreises: der Median der letzten Werte aller Netzwerke{public} im Kreis, die diese Kennzahl des Katalogs übernommen haben; hat nur ein Netzwerk Werte, dessen letzter Wert. Kreise ohne solche Werte sind „ohne Angabe“. Je dunkler, desto höher der Wert ({}).",
                    indicator.direction.label().to_lowercase()
                );
                if indicator.counts_people() {
                    let t = self.threshold;
                    note.push_str(&format!(
                        " Die Kennzahl zählt Personen oder Fälle: Werte unter {t} erscheinen zum Schutz Einzelner als „< {t}“ und in der untersten Stufe."
                    ));
                }
                Some(note)
            }
            Measure::Practice(practice) => Some(format!(
                "Wert eines Kreises: die Zahl der Netzwerke{public} im Kreis, die den Praxiseintrag „{}“ als Maßnahme übernommen haben.",
                practice.title
            )),
            _ => None,
        }
    }

    /// Where the figures of the chosen indicator or practice are explained: (link, text).
    pub fn more(&self) -> Option<(String, String)> {
        match &self.measure {
            Measure::Indicator(indicator) => Some((
                format!("/katalog/{}", indicator.key),
                format!("Die Kennzahl „{}“ im Vergleich", indicator.name),
            )),
            Measure::Practice(practice) => Some((
                format!("/wissen/eintrag/{}", practice.slug),
                format!("Der Praxiseintrag „{}“", practice.title),
            )),
            _ => None,
        }
    }

    /// The select box's options: the counts, the catalog's active indicators, the most
    /// adopted practices (groups without options left out).
    pub fn groups(&self) -> Vec<ChoiceGroup> {
        let groups = [
            ChoiceGroup {
                label: "Netzwerke und Maßnahmen",
                choices: Measure::TERMS
                    .iter()
                    .map(|t| Choice {
                        code: t.code.to_owned(),
                        label: t.label.to_owned(),
                    })
                    .collect(),
            },
            ChoiceGroup {
                label: "Kennzahlen des Katalogs (Median je Kreis)",
                choices: self
                    .choices
                    .indicators
                    .iter()
                    .map(|i| Choice {
                        code: indicator_code(&i.key),
                        label: i.name.clone(),
                    })
                    .collect(),
            },
            ChoiceGroup {
                label: "Wo gute Praxis übernommen wurde",
                choices: self
                    .choices
                    .practices
                    .iter()
                    .map(|p| Choice {
                        code: practice_code(&p.slug),
                        label: p.title.clone(),
                    })
                    .collect(),
            },
        ];
        groups
            .into_iter()
            .filter(|g| !g.choices.is_empty())
            .collect()
    }
}

/// The values per Kreis of an indicator (medians) or a practice (adopters) among the networks
/// `counted`: one statement.
async fn values_of(
    pool: &PgPool,
    measure: &Measure,
    counted: CountedNetworks<'_>,
) -> sqlx::Result<HashMap<String, f64>> {
    let (land_code, public_only) = (counted.land_code, counted.public_only);
    Ok(match measure {
        Measure::Indicator(indicator) => {
            medians_per_kreis(pool, &indicator.key, land_code, public_only)
                .await?
                .into_iter()
                .map(|m| (m.kreis_ags, m.median))
                .collect()
        }
        Measure::Practice(practice) => {
            adopters_per_kreis(pool, &practice.slug, land_code, public_only)
                .await?
                .into_iter()
                .map(|(ags, networks)| (ags, networks as f64))
                .collect()
        }
        _ => HashMap::new(),
    })
}

/// Up to five steps at the quintiles of the Kreise's values. For counts of people, no step
/// begins between 0 and the threshold, so that neither a label nor a shade tells a small
/// count apart from "< 3".
fn indicator_scale(
    indicator: &CatalogIndicator,
    values: &HashMap<String, f64>,
    threshold: i64,
) -> Scale {
    let mut sorted: Vec<f64> = values.values().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let mut bounds: Vec<f64> = (0..5)
        .filter_map(|i| sorted.get(i * sorted.len() / 5).copied())
        .map(|b| {
            if indicator.counts_people() && b > 0.0 && b < threshold as f64 {
                0.0
            } else {
                b
            }
        })
        .collect();
    bounds.dedup();
    let shown = {
        let indicator = indicator.clone();
        move |v: f64| {
            indicator
                .shown(v, threshold)
                .unwrap_or_else(|| format!("< {threshold}"))
        }
    };
    // A single step holds every value: it reads as their range (for small counts "< 3").
    let range = match (sorted.first(), sorted.last()) {
        (Some(&min), Some(&max)) if shown(min) != shown(max) => {
            format!("{} bis {}", shown(min), shown(max))
        }
        (Some(&min), _) => shown(min),
        _ => String::new(),
    };
    let steps = bounds
        .iter()
        .enumerate()
        .map(|(i, &from)| {
            let label = match (i, bounds.get(i + 1)) {
                (_, None) if bounds.len() == 1 => range.clone(),
                (0, Some(&next)) => format!("unter {}", shown(next)),
                (_, Some(&next)) => format!("{} bis unter {}", shown(from), shown(next)),
                (_, None) => format!("{} und mehr", shown(from)),
            };
            super::Step { from, label }
        })
        .collect();
    Scale {
        title: format!("{} (Median je Kreis)", indicator.name),
        steps,
        format: Box::new(shown),
        default: None,
    }
}

fn has_network(value: f64) -> String {
    if value >= 1.0 {
        "mit Netzwerk".to_owned()
    } else {
        "ohne Netzwerk".to_owned()
    }
}

fn networks(value: f64) -> String {
    format::count(value as i64, "Netzwerk", "Netzwerke")
}

fn measures(value: f64) -> String {
    format::count(value as i64, "laufende Maßnahme", "laufende Maßnahmen")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::states::{CatalogStatus, Direction, SpatialLevel};

    fn indicator(key: &str, unit: &str) -> CatalogIndicator {
        CatalogIndicator {
            id: 1,
            key: key.to_owned(),
            name: "Inobhutnahmen".to_owned(),
            definition: String::new(),
            unit: unit.to_owned(),
            unit_label: String::new(),
            direction: Direction::LowerIsBetter,
            data_source: String::new(),
            spatial_level: SpatialLevel::Kreis,
            reporting_date: String::new(),
            status: CatalogStatus::Active,
            version: 1,
            adopted: 0,
        }
    }

    fn shading(measure: Measure, loaded: &[(&str, f64)], public_only: bool) -> Shading {
        Shading {
            measure,
            loaded: Arc::new(loaded.iter().map(|(a, v)| ((*a).to_owned(), *v)).collect()),
            choices: Arc::new(Choices {
                indicators: vec![indicator("inobhutnahmen", "anzahl")],
                practices: vec![Adopted {
                    slug: "familienbuero".to_owned(),
                    title: "Familienbüro".to_owned(),
                    networks: 4,
                }],
            }),
            threshold: 3,
            public_only,
        }
    }

    #[test]
    fn choices_read_back_and_only_what_is_on_offer() {
        let s = shading(Measure::HasNetwork, &[], false);
        let parse =
            |code: &str| Measure::parse(code, &s.choices.indicators, &s.choices.practices).code();
        for group in s.groups() {
            for choice in group.choices {
                assert_eq!(parse(&choice.code), choice.code);
            }
        }
        assert_eq!(parse("kennzahl:inobhutnahmen"), "kennzahl:inobhutnahmen");
        assert_eq!(parse("praxis:familienbuero"), "praxis:familienbuero");
        // A retired (or unknown) indicator, an unknown practice, nonsense: the first choice.
        for code in ["kennzahl:ausgemustert", "praxis:x", "<script>", "kennzahl:"] {
            assert_eq!(parse(code), "netzwerk", "{code}");
        }
        let labels: Vec<&str> = s.groups().iter().map(|g| g.label).collect();
        assert_eq!(labels.len(), 3);
        let empty = Shading {
            choices: Arc::new(Choices {
                indicators: Vec::new(),
                practices: Vec::new(),
            }),
            ..shading(Measure::HasNetwork, &[], false)
        };
        assert_eq!(
            empty.groups().len(),
            1,
            "groups without options are left out"
        );
    }

    #[test]
    fn counts_come_from_the_figures() {
        let figures = [KreisFigures {
            kreis_ags: "05915".into(),
            networks: 1,
            running_measures: 1234,
        }];
        let s = shading(Measure::RunningMeasures, &[], false);
        assert_eq!(s.values(&figures)["05915"], 1234.0);
        assert_eq!((s.scale().format)(1234.0), "1.234 laufende Maßnahmen");
        assert_eq!(
            (shading(Measure::Networks, &[], false).scale().format)(1.0),
            "1 Netzwerk"
        );
        assert_eq!(
            (shading(Measure::HasNetwork, &[], false).scale().format)(1.0),
            "mit Netzwerk"
        );
        assert!(shading(Measure::Networks, &[], false).note().is_none());
    }

    /// A count of people below the threshold reads "< 3", and no step of the legend begins
    /// between 0 and 3, so the shade does not tell 1 from 2 either.
    #[test]
    fn small_counts_of_people_stay_hidden_in_titles_legend_and_shades() {
        let values = [("a", 1.0), ("b", 2.0), ("c", 4.0), ("d", 7.0), ("e", 12.0)];
        let s = shading(
            Measure::Indicator(indicator("inobhutnahmen", "anzahl")),
            &values,
            false,
        );
        let scale = s.scale();
        let labels: Vec<&str> = scale.steps.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["unter 4", "4 bis unter 7", "7 bis unter 12", "12 und mehr"]
        );
        assert_eq!((scale.format)(1.0), "< 3");
        assert_eq!((scale.format)(2.0), "< 3");
        assert_eq!((scale.format)(4.0), "4");
        assert_eq!(scale.step_of(1.0), scale.step_of(2.0));
        assert_eq!(scale.default, None, "Kreise without values: ohne Angabe");
        assert_eq!(s.values(&[]).len(), 5);
        let note = s.note().unwrap();
        assert!(note.contains("Median der letzten Werte aller Netzwerke im Kreis"));
        assert!(note.contains("„< 3“"));
        assert!(note.contains("niedriger ist besser"));
        // Only small values: one step, and it says no more than "< 3".
        let s = shading(
            Measure::Indicator(indicator("inobhutnahmen", "anzahl")),
            &[("a", 2.0)],
            true,
        );
        let labels: Vec<String> = s.scale().steps.into_iter().map(|s| s.label).collect();
        assert_eq!(labels, ["< 3"]);
        assert!(
            s.note()
                .unwrap()
                .contains("Netzwerke mit öffentlichem Profil im Kreis")
        );
    }

    #[test]
    fn shares_keep_their_unit_and_steps_at_the_quintiles() {
        let values: Vec<(String, f64)> = (0..10)
            .map(|i| (format!("{i:05}"), 80.0 + f64::from(i) * 2.5))
            .collect();
        let values: Vec<(&str, f64)> = values.iter().map(|(a, v)| (a.as_str(), *v)).collect();
        let s = shading(
            Measure::Indicator(indicator("u9", "prozent")),
            &values,
            false,
        );
        let scale = s.scale();
        assert_eq!(scale.steps.len(), 5);
        assert_eq!(scale.steps[0].label, "unter 85\u{a0}%");
        assert_eq!(scale.steps[4].label, "100\u{a0}% und mehr");
        assert_eq!((scale.format)(93.5), "93,5\u{a0}%");
        assert!(
            !s.note().unwrap().contains("< 3"),
            "shares are not suppressed"
        );
        // No Kreis with a value: no steps, every Kreis "ohne Angabe".
        let none = shading(Measure::Indicator(indicator("u9", "prozent")), &[], false);
        assert!(none.scale().steps.is_empty());
    }

    #[test]
    fn a_practice_counts_its_adopters() {
        let practice = Adopted {
            slug: "familienbuero".to_owned(),
            title: "Familienbüro".to_owned(),
            networks: 4,
        };
        let s = shading(Measure::Practice(practice), &[("05915", 2.0)], false);
        assert_eq!(s.values(&[])["05915"], 2.0);
        let scale = s.scale();
        assert_eq!(scale.title, "Übernahmen von „Familienbüro“");
        assert_eq!((scale.format)(2.0), "2 Netzwerke");
        assert_eq!(
            s.more().unwrap().0,
            "/wissen/eintrag/familienbuero",
            "the entry explains it"
        );
    }
}
