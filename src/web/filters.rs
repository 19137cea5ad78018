//! Askama filters for the German formats and the vocabularies, so templates write
//! `{{ m.due_on|date }}`, `{{ reach|integer }}`, `{{ amount|euro }}`,
//! `{{ code|label(HANDLUNGSFELDER) }}` or `{{ codes|labels(ZIELGRUPPEN) }}` instead of every
//! page having its own formatting methods.
//!
//! Askama looks custom filters up in a module named `filters` where the template struct is
//! defined: a module whose templates use them imports this one (`use crate::web::filters;`).
//!
//! The formats themselves live in [`crate::format`] and [`crate::vocab`]; the filters only
//! take the shapes the pages have: a value or an `Option` of it (nothing shows as "", except
//! for euros, which show "–"), and references to either, as templates pass them.

use std::borrow::Borrow;

use askama::{Result, Values};
use time::{Date, OffsetDateTime};

use crate::format;
use crate::vocab::{self, Term};

/// A value of type `T` to show, or nothing: `Date` and `Option<Date>`, `i32` and
/// `Option<i64>`, `f64`, `OffsetDateTime` …, and references to them.
pub trait Shown<T> {
    fn shown(&self) -> Option<T>;
}

impl<T, V: Shown<T>> Shown<T> for Option<V> {
    fn shown(&self) -> Option<T> {
        self.as_ref().and_then(Shown::shown)
    }
}

impl<T, V: Shown<T> + ?Sized> Shown<T> for &V {
    fn shown(&self) -> Option<T> {
        (**self).shown()
    }
}

impl Shown<Date> for Date {
    fn shown(&self) -> Option<Date> {
        Some(*self)
    }
}

impl Shown<OffsetDateTime> for OffsetDateTime {
    fn shown(&self) -> Option<OffsetDateTime> {
        Some(*self)
    }
}

impl Shown<f64> for f64 {
    fn shown(&self) -> Option<f64> {
        Some(*self)
    }
}

macro_rules! whole_numbers {
    ($($ty:ty),*) => {$(
        impl Shown<i64> for $ty {
            fn shown(&self) -> Option<i64> {
                Some(i64::from(*self))
            }
        }
    )*};
}

whole_numbers!(i8, i16, i32, i64, u8, u16, u32);

impl Shown<i64> for usize {
    fn shown(&self) -> Option<i64> {
        Some(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

/// A vocabulary code to show as its label: `str`, `String`, `Option<String>` ….
pub trait Code {
    fn code(&self) -> Option<&str>;
}

impl Code for str {
    fn code(&self) -> Option<&str> {
        Some(self)
    }
}

impl Code for String {
    fn code(&self) -> Option<&str> {
        Some(self)
    }
}

impl<C: Code> Code for Option<C> {
    fn code(&self) -> Option<&str> {
        self.as_ref().and_then(Code::code)
    }
}

impl<C: Code + ?Sized> Code for &C {
    fn code(&self) -> Option<&str> {
        (**self).code()
    }
}

/// Several chosen vocabulary codes: `Vec<String>` or `[String]`.
pub trait Codes {
    fn codes(&self) -> &[String];
}

impl Codes for [String] {
    fn codes(&self) -> &[String] {
        self
    }
}

impl Codes for Vec<String> {
    fn codes(&self) -> &[String] {
        self
    }
}

impl<C: Codes + ?Sized> Codes for &C {
    fn codes(&self) -> &[String] {
        (**self).codes()
    }
}

/// "24.03.2025" ([`format::date`]).
#[askama::filter_fn]
pub fn date<V: Shown<Date>>(value: V, _: &dyn Values) -> Result<String> {
    Ok(value.shown().map(format::date).unwrap_or_default())
}

/// "15.01.2026, 13:30 Uhr" in German local time ([`format::date_time`]).
#[askama::filter_fn]
pub fn date_time<V: Shown<OffsetDateTime>>(value: V, _: &dyn Values) -> Result<String> {
    Ok(value.shown().map(format::date_time).unwrap_or_default())
}

/// "179.111" ([`format::integer`]).
#[askama::filter_fn]
pub fn integer<V: Shown<i64>>(value: V, _: &dyn Values) -> Result<String> {
    Ok(value.shown().map(format::integer).unwrap_or_default())
}

/// "1.246,2" with `places` decimal places ([`format::decimal`]).
#[askama::filter_fn]
pub fn decimal<V: Shown<f64>>(value: V, _: &dyn Values, places: usize) -> Result<String> {
    Ok(value
        .shown()
        .map(|v| format::decimal(v, places))
        .unwrap_or_default())
}

/// "1 Meilenstein", "2 Meilensteine" ([`format::count`]).
#[askama::filter_fn]
pub fn count<V: Shown<i64>>(value: V, _: &dyn Values, one: &str, many: &str) -> Result<String> {
    Ok(value
        .shown()
        .map(|n| format::count(n, one, many))
        .unwrap_or_default())
}

/// Only the word that agrees with the number: `{{ n|plural("ist", "sind") }}`
/// ([`format::plural`]).
#[askama::filter_fn]
pub fn plural<V: Shown<i64>>(value: V, _: &dyn Values, one: &str, many: &str) -> Result<String> {
    Ok(format::plural(value.shown().unwrap_or(0), one, many).to_owned())
}

/// "1.200.000 €", or "–" when not set ([`format::euro`]).
#[askama::filter_fn]
pub fn euro<V: Shown<i64>>(value: V, _: &dyn Values) -> Result<String> {
    Ok(format::euro(value.shown()))
}

/// The label of a code in `terms`, the code itself for an unknown one, "" for none
/// ([`vocab::label`]).
#[askama::filter_fn]
pub fn label<C: Code>(code: C, _: &dyn Values, terms: &[Term]) -> Result<String> {
    Ok(code
        .code()
        .map(|code| vocab::label(terms, code).to_owned())
        .unwrap_or_default())
}

/// The labels of several codes in the list's order, joined ([`vocab::labels`]).
#[askama::filter_fn]
pub fn labels<C: Codes>(codes: C, _: &dyn Values, terms: &[Term]) -> Result<String> {
    Ok(vocab::labels(terms, codes.codes()))
}

/// Whether `code` is among the chosen codes, for checked boxes ([`vocab::contains`]).
#[askama::filter_fn]
pub fn contains<C: Codes>(chosen: C, _: &dyn Values, code: &str) -> Result<bool> {
    Ok(vocab::contains(chosen.codes(), code))
}

/// A record's audit values as (label, value) pairs, for showing what is stored now
/// ([`crate::audit::pairs`]).
#[askama::filter_fn]
pub fn audit_pairs<V: Borrow<serde_json::Value>>(
    values: V,
    _: &dyn Values,
) -> Result<Vec<(String, String)>> {
    Ok(crate::audit::pairs(values.borrow().clone()))
}

#[cfg(test)]
mod tests {
    use askama::Template;
    use time::macros::{date, datetime};

    use crate::vocab::{HANDLUNGSFELDER, ZIELGRUPPEN, ZUGAENGE};
    use crate::web::filters;

    #[derive(Template)]
    #[template(
        ext = "html",
        source = "{{ on|date }}|{{ maybe_on|date }}|{{ no_date|date }}|{{ at|date_time }}|{{ maybe_at|date_time }}|{% if let Some(d) = maybe_on %}{{ d|date }}{% endif %}"
    )]
    struct Dates {
        on: time::Date,
        maybe_on: Option<time::Date>,
        no_date: Option<time::Date>,
        at: time::OffsetDateTime,
        maybe_at: Option<time::OffsetDateTime>,
    }

    #[test]
    fn dates_and_times_in_german() {
        let page = Dates {
            on: date!(2025 - 03 - 24),
            maybe_on: Some(date!(2026 - 12 - 01)),
            no_date: None,
            at: datetime!(2026-07-01 12:30 UTC),
            maybe_at: None,
        };
        assert_eq!(
            page.render().unwrap(),
            "24.03.2025|01.12.2026||01.07.2026, 14:30 Uhr||01.12.2026"
        );
    }

    #[derive(Template)]
    #[template(
        ext = "html",
        source = "{{ big|integer }}|{{ small|integer }}|{{ some|integer }}|{{ none|integer }}|{{ rows.len()|integer }}|{{ share|decimal(1) }}|{{ 1234|integer }}|{% for n in counts %}{{ n|count(\"Meilenstein\", \"Meilensteine\") }};{% endfor %}"
    )]
    struct Numbers {
        big: i64,
        small: i32,
        some: Option<i32>,
        none: Option<i64>,
        rows: Vec<u8>,
        share: f64,
        counts: Vec<i64>,
    }

    #[test]
    fn numbers_with_german_separators() {
        let page = Numbers {
            big: -83_166_711,
            small: 420,
            some: Some(179_111),
            none: None,
            rows: vec![0; 1001],
            share: 1246.25,
            counts: vec![1, 2, 1000],
        };
        assert_eq!(
            page.render().unwrap(),
            "-83.166.711|420|179.111||1.001|1.246,2|1.234|1 Meilenstein;2 Meilensteine;1.000 Meilensteine;"
        );
    }

    #[derive(Template)]
    #[template(
        ext = "html",
        source = "{{ granted|euro }}|{{ missing|euro }}|{{ plain|euro }}"
    )]
    struct Euros {
        granted: Option<i64>,
        missing: Option<i64>,
        plain: i64,
    }

    #[test]
    fn euros_with_a_fixed_space_or_a_dash() {
        let page = Euros {
            granted: Some(1_200_000),
            missing: None,
            plain: 950,
        };
        assert_eq!(page.render().unwrap(), "1.200.000\u{a0}€|–|950\u{a0}€");
    }

    #[derive(Template)]
    #[template(
        ext = "html",
        source = "{{ field|label(HANDLUNGSFELDER) }}|{{ unknown|label(HANDLUNGSFELDER) }}|{{ maybe|label(HANDLUNGSFELDER) }}|{{ nothing|label(HANDLUNGSFELDER) }}|{{ groups|labels(ZIELGRUPPEN) }}|{{ none|labels(ZUGAENGE)|assigned_or(\"keine Angabe\") }}|{% for term in terms %}{% if groups|contains(term.code) %}{{ term.code }} {% endif %}{% endfor %}"
    )]
    struct Labels {
        field: &'static str,
        unknown: String,
        maybe: Option<String>,
        nothing: Option<String>,
        groups: Vec<String>,
        none: Vec<String>,
        terms: &'static [crate::vocab::Term],
    }

    #[test]
    fn vocabulary_labels() {
        let page = Labels {
            field: "wohnen",
            unknown: "<neu>".into(),
            maybe: Some("gesundheit".into()),
            nothing: None,
            groups: vec!["mehrkindfamilien".into(), "alleinerziehende".into()],
            none: Vec::new(),
            terms: ZIELGRUPPEN,
        };
        assert_eq!(
            page.render().unwrap(),
            "Wohnen|&#60;neu&#62;|Gesundheit||Alleinerziehende, Mehrkindfamilien|keine Angabe|\
             alleinerziehende mehrkindfamilien "
        );
    }

    #[derive(Template)]
    #[template(
        ext = "html",
        source = "{% for (key, value) in values|audit_pairs %}{{ key }}={{ value }};{% endfor %}"
    )]
    struct Pairs {
        values: serde_json::Value,
    }

    #[test]
    fn audit_values_as_pairs() {
        let page = Pairs {
            values: serde_json::json!({ "Name": "Netzwerk", "Öffentlich": true }),
        };
        assert_eq!(page.render().unwrap(), "Name=Netzwerk;Öffentlich=ja;");
    }
}
