//! The report schedules of many fundings at once, for the report list, the tasks and the Land
//! overview: the fundings' stored reports in one query, matched to their slots in Rust.

use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};

use super::{Funding, Within};
use crate::format;
use crate::funding::schedule::{Slot, SlotState};
use crate::states::ReportStatus;

/// A report as the schedule needs it: which slot it fills and where it stands.
#[derive(Clone, Debug)]
pub struct ReportBrief {
    pub id: i64,
    pub funding_id: i64,
    pub seq: i32,
    pub status: ReportStatus,
    /// When it was last handed in: how long it has waited for the Land.
    pub submitted_at: Option<OffsetDateTime>,
}

pub async fn report_briefs(
    db: impl PgExecutor<'_>,
    within: &Within,
) -> sqlx::Result<Vec<ReportBrief>> {
    // One statement per shape, as `funding_rows!`.
    macro_rules! briefs {
        ($narrowing:literal $(, $parameter:expr)*) => {
            sqlx::query_as!(
                ReportBrief,
                r#"SELECT r.id, r.funding_id, r.seq, r.status AS "status: ReportStatus", r.submitted_at
                   FROM reports r
                   JOIN fundings f ON f.id = r.funding_id
                   JOIN networks n ON n.id = f.network_id
                   JOIN kommunen k ON k.ags = n.kommune_ags
                   WHERE "# + $narrowing
                $(, $parameter)*
            )
            .fetch_all(db)
            .await
        };
    }
    match within {
        Within::Everything => briefs!("true"),
        Within::Kommune(ags) => briefs!("n.kommune_ags = $1", ags),
        Within::Land(code) => briefs!("k.land_code = $1", code),
        Within::Network(id) => briefs!("f.network_id = $1", id),
    }
}

/// One slot of some funding's schedule, with the report that fills it (if opened).
#[derive(Clone, Debug)]
pub struct ScheduledReport {
    pub funding: Funding,
    pub slot: Slot,
    pub report_id: Option<i64>,
    pub state: SlotState,
    pub submitted_at: Option<OffsetDateTime>,
}

impl ScheduledReport {
    pub fn title(&self) -> String {
        format!(
            "{} {} bis {}",
            self.slot.kind.label(),
            format::date(self.slot.period_start),
            format::date(self.slot.period_end)
        )
    }

    /// "verspätet (12 Tage)" if handed in after the due date.
    pub fn late_text(&self) -> Option<String> {
        crate::funding::schedule::late_text(self.slot.due_on, self.submitted_at)
    }

    pub fn due_text(&self) -> String {
        format::date(self.slot.due_on)
    }

    pub fn href(&self) -> String {
        match self.report_id {
            Some(id) => format!("/berichte/{id}"),
            None => format!("/foerderungen/{}#berichte", self.funding.id),
        }
    }
}

/// The schedules of `fundings` with their `reports`, on `today`. (A report whose slot vanished
/// because the period was shortened later still shows on its funding's page, which lists the
/// stored reports.)
pub fn scheduled(
    fundings: &[Funding],
    reports: &[ReportBrief],
    today: Date,
) -> Vec<ScheduledReport> {
    let mut by_funding: std::collections::HashMap<i64, Vec<&ReportBrief>> =
        std::collections::HashMap::new();
    for report in reports {
        by_funding
            .entry(report.funding_id)
            .or_default()
            .push(report);
    }
    let mut all = Vec::new();
    for funding in fundings {
        let reports = by_funding.get(&funding.id).cloned().unwrap_or_default();
        for slot in funding.schedule() {
            let report = reports.iter().find(|r| r.seq == slot.seq);
            all.push(ScheduledReport {
                funding: funding.clone(),
                slot,
                report_id: report.map(|r| r.id),
                submitted_at: report.and_then(|r| r.submitted_at),
                state: SlotState::of(&slot, report.map(|r| r.status), today),
            });
        }
    }
    all
}
