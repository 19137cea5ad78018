//! Facet counts of a search, counted from the facet keys of its hits. The database packs
//! each entry's kind, level, Handlungsfelder, themes, Lebensphasen, Land and year into one
//! integer (`kc_facet_key`, migrations 0005 and 0013) and returns the keys of all hits as one array; counting
//! them here takes microseconds where grouping 10 000 hits in SQL took milliseconds.

use std::collections::HashMap;

use super::vocab::{ARTEN, EBENEN, THEMEN};
use crate::vocab::{HANDLUNGSFELDER, LEBENSPHASEN, Term};

/// How many facet values a hit has; `label` is set where the label lives in the database
/// (Land names).
#[derive(Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: &'static str,
    pub value: String,
    pub label: Option<String>,
    pub count: i64,
}

/// The facets whose values have a bit in the key, in bit order: the same order as the
/// database's `kc_facet_vocabulary()`.
const BIT_FACETS: [(&str, &[Term]); 5] = [
    ("art", ARTEN),
    ("ebene", EBENEN),
    ("feld", HANDLUNGSFELDER),
    ("thema", THEMEN),
    ("phase", LEBENSPHASEN),
];
/// Bits 0–39 may hold values.
const VALUE_BITS: i64 = 0xFF_FFFF_FFFF;
const LAND_SHIFT: u32 = 40;
const LAND_MASK: i64 = 0x1F;
const YEAR_SHIFT: u32 = 48;
const YEAR_MASK: i64 = 0x7F;
/// A key holds the year minus this (0: no year).
const YEAR_BASE: i64 = 1989;

/// The facet values with a bit in the key, in bit order.
fn bit_values() -> impl Iterator<Item = (&'static str, &'static str)> {
    BIT_FACETS
        .iter()
        .flat_map(|(facet, terms)| terms.iter().map(move |term| (*facet, term.code)))
}

/// The `facet:value` tags in bit order, as `kc_facet_vocabulary()` lists them.
pub fn vocabulary() -> impl Iterator<Item = String> {
    bit_values().map(|(facet, code)| format!("{facet}:{code}"))
}

/// Counts per facet value over the keys; values without hits are left out. `land_names`
/// maps Land codes ("05") to names.
pub fn count(keys: &[i64], land_names: &HashMap<String, String>) -> Vec<FacetCount> {
    let mut per_bit = [0i64; LAND_SHIFT as usize];
    let mut per_land = [0i64; (LAND_MASK + 1) as usize];
    let mut per_year = [0i64; (YEAR_MASK + 1) as usize];
    for key in keys {
        let mut bits = key & VALUE_BITS;
        while bits != 0 {
            per_bit[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
        per_land[((key >> LAND_SHIFT) & LAND_MASK) as usize] += 1;
        per_year[((key >> YEAR_SHIFT) & YEAR_MASK) as usize] += 1;
    }

    let mut counts: Vec<FacetCount> = bit_values()
        .zip(per_bit)
        .map(|((facet, code), count)| FacetCount {
            facet,
            value: code.to_owned(),
            label: None,
            count,
        })
        .collect();
    counts.extend(per_land.iter().enumerate().skip(1).map(|(number, &count)| {
        let code = format!("{number:02}");
        FacetCount {
            facet: "land",
            label: land_names.get(&code).cloned(),
            value: code,
            count,
        }
    }));
    counts.extend(
        per_year
            .iter()
            .enumerate()
            .skip(1)
            .map(|(offset, &count)| FacetCount {
                facet: "jahr",
                value: (YEAR_BASE + offset as i64).to_string(),
                label: None,
                count,
            }),
    );
    counts.retain(|c| c.count > 0);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(bits: &[u32], land: i64, year: Option<i64>) -> i64 {
        bits.iter().map(|b| 1i64 << b).sum::<i64>()
            | land << LAND_SHIFT
            | year.map_or(0, |y| y - YEAR_BASE) << YEAR_SHIFT
    }

    fn find<'a>(counts: &'a [FacetCount], facet: &str, value: &str) -> Option<&'a FacetCount> {
        counts.iter().find(|c| c.facet == facet && c.value == value)
    }

    #[test]
    fn counts_every_packed_value_and_leaves_out_values_without_hits() {
        let names = HashMap::from([("05".to_owned(), "Nordrhein-Westfalen".to_owned())]);
        // Gute Praxis, Kommune, Gesundheit (bit 12), Recht (27), 16 bis 18 Jahre (the last, 33).
        let keys = [
            key(&[0, 9, 12, 27, 33], 5, Some(2023)),
            key(&[0, 9], 5, Some(1990)),
            key(&[4, 7], 0, None),
        ];
        let counts = count(&keys, &names);

        assert_eq!(find(&counts, "art", "good_practice").unwrap().count, 2);
        assert_eq!(find(&counts, "art", "forderung").unwrap().count, 1);
        assert_eq!(find(&counts, "ebene", "bund").unwrap().count, 1);
        assert_eq!(find(&counts, "ebene", "kommune").unwrap().count, 2);
        assert_eq!(find(&counts, "feld", "gesundheit").unwrap().count, 1);
        assert_eq!(find(&counts, "thema", "recht").unwrap().count, 1);
        assert_eq!(
            find(&counts, "phase", "sechzehn_bis_achtzehn")
                .unwrap()
                .count,
            1
        );
        let land = find(&counts, "land", "05").unwrap();
        assert_eq!(
            (land.count, land.label.as_deref()),
            (2, Some("Nordrhein-Westfalen"))
        );
        assert_eq!(find(&counts, "jahr", "2023").unwrap().count, 1);
        assert_eq!(find(&counts, "jahr", "1990").unwrap().count, 1);
        assert!(find(&counts, "art", "studie").is_none());
        assert!(find(&counts, "land", "00").is_none());
        assert_eq!(counts.len(), 10);
    }

    #[test]
    fn the_vocabulary_has_a_bit_for_every_value_and_fits_below_the_land() {
        let tags: Vec<String> = vocabulary().collect();
        assert_eq!(tags.len(), 34);
        assert!(tags.len() <= LAND_SHIFT as usize);
        assert_eq!(tags[0], "art:good_practice");
        assert_eq!(tags[27], "thema:recht");
        assert_eq!(tags[33], "phase:sechzehn_bis_achtzehn");
    }
}
