//! The report schedule of a funding, derived from its phase's rhythm: interim reports every
//! `interval` months and a final report at the end of the phase. Pure functions, so the
//! overview of hundreds of networks computes it without asking the database again.

use time::{Date, Duration, Month, OffsetDateTime};

use crate::states::ReportStatus;

/// One report a funding owes: which period it covers and when it is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// 1, 2, … in the order of the periods; a report fills exactly one slot.
    pub seq: i32,
    pub kind: ReportKind,
    pub period_start: Date,
    pub period_end: Date,
    pub due_on: Date,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    Interim,
    Final,
}

impl ReportKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Interim => "zwischenbericht",
            Self::Final => "abschlussbericht",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Interim => "Zwischenbericht",
            Self::Final => "Abschlussbericht",
        }
    }

    pub fn label_of(code: &str) -> &'static str {
        if code == "abschlussbericht" {
            "Abschlussbericht"
        } else {
            "Zwischenbericht"
        }
    }
}

/// The rhythm of a phase, as the program sets it.
#[derive(Clone, Copy, Debug)]
pub struct Rhythm {
    /// `None`: no interim reports.
    pub interval_months: Option<i32>,
    pub final_report: bool,
    /// Days after the end of a period until its report is due.
    pub due_days: i32,
}

/// `date` plus `months` calendar months; the 31st becomes the last day of a shorter month.
pub fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let year = index.div_euclid(12);
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).expect("1..=12");
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).expect("valid day")
}

/// The last day of a phase of `months` starting on `start` (01.01.2024 + 24 → 31.12.2025).
pub fn phase_end(start: Date, months: i32) -> Date {
    add_months(start, months) - Duration::days(1)
}

/// The reports a funding from `start` to `end` owes. Interim periods run `interval` months
/// from the start; the last period ends with the funding and is the final report if the phase
/// asks for one. A funding without any rhythm owes nothing.
pub fn schedule(start: Date, end: Date, rhythm: Rhythm) -> Vec<Slot> {
    let mut slots = Vec::new();
    let due = |period_end: Date| period_end + Duration::days(i64::from(rhythm.due_days));
    let mut period_start = start;
    if let Some(interval) = rhythm.interval_months.filter(|m| *m > 0) {
        // Bounded: at most 120 months of phase in steps of at least 3.
        for k in 1..=200 {
            let period_end = phase_end(start, interval * k);
            if period_end >= end {
                break;
            }
            slots.push(Slot {
                seq: k,
                kind: ReportKind::Interim,
                period_start,
                period_end,
                due_on: due(period_end),
            });
            period_start = period_end + Duration::days(1);
        }
    }
    if rhythm.final_report || rhythm.interval_months.is_some() {
        slots.push(Slot {
            seq: slots.len() as i32 + 1,
            kind: if rhythm.final_report {
                ReportKind::Final
            } else {
                ReportKind::Interim
            },
            period_start,
            period_end: end,
            due_on: due(end),
        });
    }
    slots
}

/// Where a slot stands on `today`, whether or not a report was opened for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SlotState {
    /// The period has not ended yet.
    Upcoming,
    /// The period has ended, nothing submitted yet, still in time.
    Due,
    /// Past the due date and nothing submitted (or returned and not resubmitted).
    Overdue,
    Draft,
    Submitted,
    InReview,
    Returned,
    Accepted,
}

impl SlotState {
    /// `report`: the status of the report filling the slot, if one was opened.
    pub fn of(slot: &Slot, report: Option<ReportStatus>, today: Date) -> Self {
        let late = slot.due_on < today;
        match report {
            Some(ReportStatus::Submitted) => Self::Submitted,
            Some(ReportStatus::InReview) => Self::InReview,
            Some(ReportStatus::Accepted) => Self::Accepted,
            Some(ReportStatus::Returned) => Self::Returned,
            Some(ReportStatus::Draft) if late => Self::Overdue,
            Some(ReportStatus::Draft) => Self::Draft,
            None if late => Self::Overdue,
            None if slot.period_end < today => Self::Due,
            None => Self::Upcoming,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Upcoming => "Anstehend",
            Self::Due => "Fällig",
            Self::Overdue => "Überfällig",
            Self::Draft => "Entwurf",
            Self::Submitted => "Eingereicht",
            Self::InReview => "In Prüfung",
            Self::Returned => "Zurückgegeben",
            Self::Accepted => "Angenommen",
        }
    }

    /// The KERN badge variant that goes with the state.
    pub fn badge(self) -> &'static str {
        match self {
            Self::Overdue | Self::Returned => "danger",
            Self::Due | Self::Draft => "warning",
            Self::Accepted => "success",
            Self::Upcoming | Self::Submitted | Self::InReview => "info",
        }
    }

    /// Still waiting for the municipality.
    pub fn open_for_municipality(self) -> bool {
        matches!(
            self,
            Self::Due | Self::Overdue | Self::Draft | Self::Returned
        )
    }
}

/// "verspätet (12 Tage)" for a report handed in after its due date (German calendar day).
pub fn late_text(due_on: Date, submitted_at: Option<OffsetDateTime>) -> Option<String> {
    let days = (crate::format::local_date(submitted_at?) - due_on).whole_days();
    (days > 0).then(|| format!("verspätet ({})", crate::format::count(days, "Tag", "Tage")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const YEARLY_WITH_FINAL: Rhythm = Rhythm {
        interval_months: Some(12),
        final_report: true,
        due_days: 90,
    };

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2024 - 11 - 15), 3), date!(2025 - 02 - 15));
        assert_eq!(add_months(date!(2024 - 03 - 01), -3), date!(2023 - 12 - 01));
        assert_eq!(phase_end(date!(2024 - 01 - 01), 24), date!(2025 - 12 - 31));
        assert_eq!(phase_end(date!(2023 - 07 - 01), 12), date!(2024 - 06 - 30));
    }

    #[test]
    fn yearly_reports_and_a_final_report() {
        let slots = schedule(
            date!(2024 - 01 - 01),
            date!(2025 - 12 - 31),
            YEARLY_WITH_FINAL,
        );
        assert_eq!(slots.len(), 2);
        assert_eq!(slots[0].kind, ReportKind::Interim);
        assert_eq!(slots[0].period_end, date!(2024 - 12 - 31));
        assert_eq!(slots[0].due_on, date!(2025 - 03 - 31));
        assert_eq!(slots[1].kind, ReportKind::Final);
        assert_eq!(slots[1].seq, 2);
        assert_eq!(slots[1].period_start, date!(2025 - 01 - 01));
        assert_eq!(slots[1].period_end, date!(2025 - 12 - 31));
        // A phase not a multiple of the interval: the last period is shorter.
        let slots = schedule(
            date!(2024 - 01 - 01),
            date!(2025 - 06 - 30),
            YEARLY_WITH_FINAL,
        );
        assert_eq!(slots.len(), 2);
        assert_eq!(slots[1].period_start, date!(2025 - 01 - 01));
    }

    #[test]
    fn other_rhythms() {
        let only_final = Rhythm {
            interval_months: None,
            final_report: true,
            due_days: 0,
        };
        let slots = schedule(date!(2024 - 01 - 01), date!(2024 - 12 - 31), only_final);
        assert_eq!(slots.len(), 1);
        assert_eq!(slots[0].due_on, date!(2024 - 12 - 31));
        let none = Rhythm {
            interval_months: None,
            final_report: false,
            due_days: 0,
        };
        assert!(schedule(date!(2024 - 01 - 01), date!(2024 - 12 - 31), none).is_empty());
        let half_yearly = Rhythm {
            interval_months: Some(6),
            final_report: false,
            due_days: 30,
        };
        let slots = schedule(date!(2024 - 01 - 01), date!(2024 - 12 - 31), half_yearly);
        assert_eq!(slots.len(), 2);
        assert!(slots.iter().all(|s| s.kind == ReportKind::Interim));
    }

    #[test]
    fn late_submissions() {
        use time::macros::datetime;
        let due = date!(2025 - 03 - 31);
        assert_eq!(late_text(due, None), None);
        // 23:30 UTC on the due date is the next day in Germany.
        assert_eq!(
            late_text(due, Some(datetime!(2025 - 03 - 31 21:00 UTC))),
            None
        );
        assert_eq!(
            late_text(due, Some(datetime!(2025 - 03 - 31 23:30 UTC))).as_deref(),
            Some("verspätet (1 Tag)")
        );
        assert_eq!(
            late_text(due, Some(datetime!(2025 - 04 - 12 10:00 UTC))).as_deref(),
            Some("verspätet (12 Tage)")
        );
    }

    #[test]
    fn states_on_a_day() {
        let slot = Slot {
            seq: 1,
            kind: ReportKind::Interim,
            period_start: date!(2024 - 01 - 01),
            period_end: date!(2024 - 12 - 31),
            due_on: date!(2025 - 03 - 31),
        };
        let on = |report, day| SlotState::of(&slot, report, day);
        assert_eq!(on(None, date!(2024 - 06 - 01)), SlotState::Upcoming);
        assert_eq!(on(None, date!(2025 - 01 - 02)), SlotState::Due);
        assert_eq!(on(None, date!(2025 - 03 - 31)), SlotState::Due);
        assert_eq!(on(None, date!(2025 - 04 - 01)), SlotState::Overdue);
        assert_eq!(
            on(Some(ReportStatus::Draft), date!(2025 - 02 - 01)),
            SlotState::Draft
        );
        assert_eq!(
            on(Some(ReportStatus::Draft), date!(2025 - 04 - 01)),
            SlotState::Overdue
        );
        assert_eq!(
            on(Some(ReportStatus::Submitted), date!(2026 - 01 - 01)),
            SlotState::Submitted
        );
        assert_eq!(
            on(Some(ReportStatus::Returned), date!(2026 - 01 - 01)),
            SlotState::Returned
        );
        assert!(SlotState::Returned.open_for_municipality());
        assert!(!SlotState::Accepted.open_for_municipality());
    }
}
