//! The one clock of the portal: what day it is in Germany.

use time::{Date, OffsetDateTime};

/// Today's date in German local time (CET/CEST), which decides what is due or overdue.
/// SQL gets this day as a parameter and never uses `current_date`: sqlx pins every session
/// to UTC, where the day changes one or two hours after Germany's.
pub fn today() -> Date {
    crate::format::local_date(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_within_a_day_of_utc() {
        let utc = time::OffsetDateTime::now_utc().date();
        let today = super::today();
        assert!(today == utc || today == utc.next_day().expect("in range"));
    }
}
