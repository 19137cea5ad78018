//! The goal tree as CSV (the format is `web::csv`'s): German column names, dates TT.MM.JJJJ.

use super::GoalNode;
use crate::format;
use crate::web::csv::{Cell, Sheet};

/// One row per goal, depth first: a Kernziel, then its Mittelziele each followed by their
/// Handlungsziele.
pub(crate) fn goals_csv(tree: &[GoalNode]) -> csv::Result<Vec<u8>> {
    let mut sheet = Sheet::new(&[
        "Ebene",
        "Titel",
        "Oberziel",
        "Handlungsfeld",
        "Status",
        "Zieldatum",
        "Fortschritt (%)",
        "Meilensteine",
    ])?;
    let titles: std::collections::HashMap<i64, &str> = tree
        .iter()
        .flat_map(GoalNode::flatten)
        .map(|g| (g.id, g.title.as_str()))
        .collect();
    for goal in tree.iter().flat_map(GoalNode::flatten) {
        let milestones = goal
            .milestones
            .iter()
            .map(|m| match m.done_on {
                Some(done) => format!(
                    "{} (fällig {}, erledigt {})",
                    m.title,
                    format::date(m.due_on),
                    format::date(done)
                ),
                None => format!("{} (fällig {})", m.title, format::date(m.due_on)),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let parent = goal
            .parent_id
            .and_then(|p| titles.get(&p).copied())
            .unwrap_or_default();
        sheet.row(&[
            Cell::Text(goal.level_label().into()),
            Cell::Text(goal.title.clone()),
            Cell::Text(parent.into()),
            Cell::Text(goal.handlungsfeld_label().into()),
            Cell::Text(goal.status_label().into()),
            Cell::Number(goal.target_date_text()),
            Cell::Number(goal.progress.to_string()),
            Cell::Text(milestones),
        ])?;
    }
    sheet.finish()
}
