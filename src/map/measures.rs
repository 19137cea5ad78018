//! The figures of the networks a map can be shaded by, as the map's select box offers them.

use std::collections::HashMap;

use super::Scale;
use crate::format;
use crate::networks::db::KreisFigures;
use crate::vocab::Term;

/// What shades the Kreise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    HasNetwork,
    Networks,
    RunningMeasures,
}

impl Measure {
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

    /// The measure a query string names; the first when it names none (or nonsense).
    pub fn parse(code: &str) -> Self {
        match code {
            "netzwerke" => Self::Networks,
            "massnahmen" => Self::RunningMeasures,
            _ => Self::HasNetwork,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::HasNetwork => "netzwerk",
            Self::Networks => "netzwerke",
            Self::RunningMeasures => "massnahmen",
        }
    }

    pub fn scale(self) -> Scale {
        match self {
            Self::HasNetwork => {
                let mut scale =
                    Scale::counts("Präventionsnetzwerk vorhanden", &[0, 1], has_network);
                scale.steps[0].label = "ohne Netzwerk".to_owned();
                scale.steps[1].label = "mit Netzwerk".to_owned();
                scale
            }
            Self::Networks => Scale::counts("Netzwerke", &[0, 1, 2, 5, 10], networks),
            Self::RunningMeasures => {
                Scale::counts("Laufende Maßnahmen", &[0, 1, 10, 50, 200], measures)
            }
        }
    }

    /// The value of each Kreis that has networks; the others count 0.
    pub fn values(self, figures: &[KreisFigures]) -> HashMap<String, f64> {
        figures
            .iter()
            .map(|f| {
                let value = match self {
                    Self::HasNetwork | Self::Networks => f.networks,
                    Self::RunningMeasures => f.running_measures,
                };
                (f.kreis_ags.clone(), value as f64)
            })
            .collect()
    }
}

fn has_network(value: f64) -> String {
    if value >= 1.0 {
        "mit Netzwerk".to_owned()
    } else {
        "ohne Netzwerk".to_owned()
    }
}

fn counted(value: f64, one: &str, many: &str) -> String {
    let n = value as i64;
    format!("{} {}", format::integer(n), if n == 1 { one } else { many })
}

fn networks(value: f64) -> String {
    counted(value, "Netzwerk", "Netzwerke")
}

fn measures(value: f64) -> String {
    counted(value, "laufende Maßnahme", "laufende Maßnahmen")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_read_and_shade() {
        assert_eq!(Measure::parse("massnahmen"), Measure::RunningMeasures);
        assert_eq!(Measure::parse("<script>"), Measure::HasNetwork);
        for term in Measure::TERMS {
            assert_eq!(Measure::parse(term.code).code(), term.code);
        }
        let figures = [KreisFigures {
            kreis_ags: "05915".into(),
            networks: 1,
            running_measures: 12,
        }];
        let values = Measure::RunningMeasures.values(&figures);
        assert_eq!(values["05915"], 12.0);
        let scale = Measure::HasNetwork.scale();
        assert_eq!((scale.format)(1.0), "mit Netzwerk");
        assert_eq!((Measure::Networks.scale().format)(1.0), "1 Netzwerk");
        assert_eq!(
            (Measure::RunningMeasures.scale().format)(1234.0),
            "1.234 laufende Maßnahmen"
        );
    }
}
