//! Small-number suppression for aggregates and public views: a count of people or cases below
//! the threshold (3 unless configured otherwise) is shown as "< 3", and further cells are
//! hidden where a total would let a reader work the small one out (secondary suppression).
//!
//! A table is a list of cells and the lines that add up: each line names its parts and the
//! cell holding their total (a row total, a column total, a national figure over the Länder).

use std::fmt;

/// A count as a page may show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Count(i64),
    /// 1 … threshold − 1: "< 3".
    Small {
        threshold: i64,
    },
    /// Hidden so that a total does not reveal a small count: "x", as the statistical offices
    /// mark a value kept secret.
    Hidden,
}

/// What a page says under a table with suppressed cells.
pub fn explanation(threshold: i64) -> String {
    format!(
        "„< {threshold}“: weniger als {threshold}, zum Schutz Einzelner nicht genau ausgewiesen. \
         „x“: ebenfalls nicht ausgewiesen, damit sich eine kleine Zahl nicht aus einer Summe \
         zurückrechnen lässt."
    )
}

impl Shown {
    pub fn is_suppressed(self) -> bool {
        !matches!(self, Shown::Count(_))
    }

    /// For spreadsheets: the number without thousands separators, or "< 3" or "x".
    pub fn plain(self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            suppressed => suppressed.to_string(),
        }
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Count(n) => f.write_str(&crate::format::integer(*n)),
            Shown::Small { threshold } => write!(f, "< {threshold}"),
            Shown::Hidden => f.write_str("x"),
        }
    }
}

/// One count alone (no total it adds up to): suppressed if it is 1 … threshold − 1. Zero stays:
/// it reveals nobody.
pub fn single(count: i64, threshold: i64) -> Shown {
    if count > 0 && count < threshold {
        Shown::Small { threshold }
    } else {
        Shown::Count(count)
    }
}

/// Parts that add up to a total: `parts` are indexes of cells, `total` the cell of their sum.
#[derive(Clone, Debug)]
pub struct Line {
    pub parts: Vec<usize>,
    pub total: usize,
}

/// Suppresses `cells` (counts) along `lines`: first every count of 1 … threshold − 1, then, until
/// nothing changes, in every line whose total is shown: a line with hidden parts whose sum a
/// reader could work out (total minus the shown parts) gets its smallest further non-zero part
/// hidden while only one part is hidden or the hidden parts add up to less than the threshold;
/// when no part is left to hide, the total is hidden too.
pub fn table(cells: &[i64], lines: &[Line], threshold: i64) -> Vec<Shown> {
    let mut hidden: Vec<bool> = cells.iter().map(|&c| c > 0 && c < threshold).collect();
    loop {
        let mut changed = false;
        for line in lines {
            if hidden[line.total] {
                continue;
            }
            loop {
                let hidden_parts: Vec<usize> =
                    line.parts.iter().copied().filter(|&p| hidden[p]).collect();
                if hidden_parts.is_empty() {
                    break;
                }
                let derived: i64 = hidden_parts.iter().map(|&p| cells[p]).sum();
                if hidden_parts.len() >= 2 && derived >= threshold {
                    break;
                }
                let next = line
                    .parts
                    .iter()
                    .copied()
                    .filter(|&p| !hidden[p] && cells[p] > 0)
                    .min_by_key(|&p| (cells[p], p));
                match next {
                    Some(p) => hidden[p] = true,
                    None => {
                        hidden[line.total] = true;
                        changed = true;
                        break;
                    }
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    cells
        .iter()
        .zip(hidden)
        .map(|(&c, hidden)| match single(c, threshold) {
            Shown::Count(_) if hidden => Shown::Hidden,
            shown => shown,
        })
        .collect()
}

/// A grid of `rows` × `columns` counts with a total per row (an extra last column) and a total
/// per column (an extra last row, its last cell the grand total): the cells in row-major order,
/// `(rows + 1) × (columns + 1)`. Returns them suppressed, in the same order.
pub fn grid(cells: &[i64], rows: usize, columns: usize, threshold: i64) -> Vec<Shown> {
    let width = columns + 1;
    assert_eq!(cells.len(), (rows + 1) * width, "grid with margins");
    let at = |r: usize, c: usize| r * width + c;
    let mut lines = Vec::with_capacity(rows + columns + 2);
    for r in 0..=rows {
        lines.push(Line {
            parts: (0..columns).map(|c| at(r, c)).collect(),
            total: at(r, columns),
        });
    }
    for c in 0..=columns {
        lines.push(Line {
            parts: (0..rows).map(|r| at(r, c)).collect(),
            total: at(rows, c),
        });
    }
    table(cells, &lines, threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(shown: &[Shown]) -> Vec<String> {
        shown.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn single_counts() {
        assert_eq!(single(0, 3).to_string(), "0");
        assert_eq!(single(1, 3).to_string(), "< 3");
        assert_eq!(single(2, 3).to_string(), "< 3");
        assert_eq!(single(3, 3).to_string(), "3");
        assert_eq!(single(4, 5).to_string(), "< 5");
        assert_eq!(single(1234, 3).to_string(), "1.234");
        assert_eq!(single(1234, 3).plain(), "1234");
        assert_eq!(single(2, 3).plain(), "< 3");
    }

    /// One small part and a shown total: the smallest other part is hidden as well, so that
    /// total minus the shown parts is no longer one person's count.
    #[test]
    fn a_single_small_part_takes_a_second_with_it() {
        // 2 + 7 + 5 = 14
        let shown = table(
            &[2, 7, 5, 14],
            &[Line {
                parts: vec![0, 1, 2],
                total: 3,
            }],
            3,
        );
        assert_eq!(texts(&shown), ["< 3", "7", "x", "14"]);
        // Two small parts that add up to less than the threshold: hide one more.
        let shown = table(
            &[1, 1, 9, 6, 17],
            &[Line {
                parts: vec![0, 1, 2, 3],
                total: 4,
            }],
            3,
        );
        assert_eq!(texts(&shown), ["< 3", "< 3", "9", "x", "17"]);
        // Two small parts adding up to the threshold: nothing more to hide.
        let shown = table(
            &[1, 2, 9, 12],
            &[Line {
                parts: vec![0, 1, 2],
                total: 3,
            }],
            3,
        );
        assert_eq!(texts(&shown), ["< 3", "< 3", "9", "12"]);
    }

    /// Zeros reveal nobody and hide nothing; with no other part to hide, the total goes.
    #[test]
    fn zeros_and_a_lone_part() {
        let shown = table(
            &[0, 1, 0, 1],
            &[Line {
                parts: vec![0, 1, 2],
                total: 3,
            }],
            3,
        );
        assert_eq!(texts(&shown), ["0", "< 3", "0", "< 3"]);
        assert!(explanation(3).contains("„x“"));
        let shown = table(
            &[1, 8, 9],
            &[Line {
                parts: vec![0, 1],
                total: 2,
            }],
            3,
        );
        // 8 is hidden with the 1; 9 − nothing shown reveals only "1 + 8 together".
        assert_eq!(texts(&shown), ["< 3", "x", "9"]);
    }

    /// In a grid a cell hidden for its row must not be revealed by its column: the rule runs
    /// over rows and columns until nothing changes, and no hidden cell can be worked out from
    /// any line.
    #[test]
    fn grids_hold_in_both_directions() {
        // Land A: 1, 5 | 6; Land B: 4, 6 | 10; Bund: 5, 11 | 16
        let cells = [1, 5, 6, 4, 6, 10, 5, 11, 16];
        let shown = grid(&cells, 2, 2, 3);
        assert!(shown[0].is_suppressed());
        for (r, c) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
            // Row and column through every hidden cell hide at least one more.
            if shown[r * 3 + c].is_suppressed() {
                let row_hidden = (0..2).filter(|&k| shown[r * 3 + k].is_suppressed()).count();
                let column_hidden = (0..2).filter(|&k| shown[k * 3 + c].is_suppressed()).count();
                assert!(
                    row_hidden >= 2 || shown[r * 3 + 2].is_suppressed(),
                    "{shown:?}"
                );
                assert!(
                    column_hidden >= 2 || shown[6 + c].is_suppressed(),
                    "{shown:?}"
                );
            }
        }
        assert_eq!(shown[8], Shown::Count(16));
        // Nothing small: nothing hidden.
        let cells = [3, 5, 8, 4, 6, 10, 7, 11, 18];
        assert!(grid(&cells, 2, 2, 3).iter().all(|s| !s.is_suppressed()));
    }

    #[test]
    fn the_threshold_is_a_parameter() {
        let shown = table(
            &[4, 10, 14],
            &[Line {
                parts: vec![0, 1],
                total: 2,
            }],
            5,
        );
        assert_eq!(texts(&shown), ["< 5", "x", "14"]);
    }
}
