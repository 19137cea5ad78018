//! The trend of an indicator in words: the chart's `<desc>`, and the text beside it.

use std::fmt::Write as _;

use time::Date;

use super::Point;
use crate::format;

/// The trend in words, for `<desc>` and for readers of the page: how many values over which
/// period, from where to where, whether that is better or worse, and where the target is.
pub fn describe(
    points: &[Point],
    higher_is_better: bool,
    baseline: Option<f64>,
    target: Option<(f64, Option<Date>)>,
    format_value: &dyn Fn(f64) -> String,
    format_change: &dyn Fn(f64) -> String,
) -> String {
    let mut text = String::new();
    match points {
        [] => text.push_str("Noch keine Messwerte."),
        [only] => {
            let _ = write!(
                text,
                "Ein Messwert: {} am {}.",
                format_value(only.value),
                format::date(only.date)
            );
        }
        [first, .., latest] => {
            let change = latest.value - first.value;
            let _ = write!(
                text,
                "{} Messwerte vom {} bis zum {}. ",
                points.len(),
                format::date(first.date),
                format::date(latest.date)
            );
            if change.abs() < 1e-9 {
                let _ = write!(
                    text,
                    "Der Wert ist mit {} gleich geblieben.",
                    format_value(latest.value)
                );
            } else {
                let better = (change > 0.0) == higher_is_better;
                let _ = write!(
                    text,
                    "Der Wert ist von {} auf {} {} (um {}) – {}.",
                    format_value(first.value),
                    format_value(latest.value),
                    if change > 0.0 {
                        "gestiegen"
                    } else {
                        "gesunken"
                    },
                    format_change(change.abs()),
                    if better {
                        "eine Verbesserung"
                    } else {
                        "eine Verschlechterung"
                    }
                );
            }
            let (low, high) = points.iter().fold((points[0], points[0]), |(lo, hi), p| {
                (
                    if p.value < lo.value { *p } else { lo },
                    if p.value > hi.value { *p } else { hi },
                )
            });
            if high.value > low.value {
                let _ = write!(
                    text,
                    " Höchster Wert: {} am {}, niedrigster Wert: {} am {}.",
                    format_value(high.value),
                    format::date(high.date),
                    format_value(low.value),
                    format::date(low.date)
                );
            }
        }
    }
    let _ = write!(
        text,
        " {} ist besser.",
        if higher_is_better {
            "Höher"
        } else {
            "Niedriger"
        }
    );
    if let Some(baseline) = baseline {
        let _ = write!(text, " Ausgangswert: {}.", format_value(baseline));
    }
    if let Some((target, by)) = target {
        let _ = write!(text, " Zielwert: {}", format_value(target));
        if let Some(by) = by {
            let _ = write!(text, " bis zum {}", format::date(by));
        }
        text.push('.');
        if let Some(latest) = points.last() {
            let reached = if higher_is_better {
                latest.value >= target
            } else {
                latest.value <= target
            };
            if reached {
                text.push_str(" Der letzte Wert erreicht das Ziel.");
            } else {
                let _ = write!(
                    text,
                    " Bis zum Ziel fehlen noch {}.",
                    format_change((target - latest.value).abs())
                );
            }
        }
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::indicators::chart::number;

    fn percent(v: f64) -> String {
        format!("{} %", number(v))
    }

    fn p(date: Date, value: f64) -> Point {
        Point { date, value }
    }

    #[test]
    fn the_trend_in_words() {
        let points = [
            p(date!(2022 - 12 - 31), 80.0),
            p(date!(2023 - 12 - 31), 88.0),
            p(date!(2024 - 12 - 31), 93.5),
        ];
        let points_change = |v: f64| format!("{} Prozentpunkte", number(v));
        let text = describe(
            &points,
            true,
            Some(80.0),
            Some((95.0, Some(date!(2027 - 12 - 31)))),
            &percent,
            &points_change,
        );
        assert_eq!(
            text,
            "3 Messwerte vom 31.12.2022 bis zum 31.12.2024. Der Wert ist von 80 % auf 93,5 % gestiegen \
             (um 13,5 Prozentpunkte) – eine Verbesserung. Höchster Wert: 93,5 % am 31.12.2024, \
             niedrigster Wert: 80 % am 31.12.2022. Höher ist besser. Ausgangswert: 80 %. \
             Zielwert: 95 % bis zum 31.12.2027. Bis zum Ziel fehlen noch 1,5 Prozentpunkte."
        );
        let text = describe(&points, false, None, Some((90.0, None)), &percent, &percent);
        assert!(
            text.contains("eine Verschlechterung")
                && text.contains("Bis zum Ziel fehlen noch 3,5 %")
        );
        let text = describe(&points, true, None, Some((90.0, None)), &percent, &percent);
        assert!(text.contains("Der letzte Wert erreicht das Ziel."));
    }
}
