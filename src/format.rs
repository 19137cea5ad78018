//! German formats: dates `TT.MM.JJJJ`, times in German local time, decimal comma, dot as
//! thousands separator.

use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

pub fn date(date: Date) -> String {
    format!(
        "{:02}.{:02}.{:04}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// A timestamp as "TT.MM.JJJJ, HH:MM Uhr" in German local time (CET/CEST).
pub fn date_time(at: OffsetDateTime) -> String {
    let local = at.to_offset(german_offset(at));
    format!(
        "{}, {:02}:{:02} Uhr",
        date(local.date()),
        local.hour(),
        local.minute()
    )
}

/// The German calendar day of a timestamp.
pub fn local_date(at: OffsetDateTime) -> Date {
    at.to_offset(german_offset(at)).date()
}

/// Central European (Summer) Time: UTC+2 from the last Sunday of March, 01:00 UTC, to the
/// last Sunday of October, 01:00 UTC; UTC+1 otherwise (EU rule since 1996).
pub fn german_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let switch = |month| {
        let last = last_sunday(year, month);
        last.with_hms(1, 0, 0).expect("valid time").assume_utc()
    };
    let summer = utc >= switch(Month::March) && utc < switch(Month::October);
    UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).expect("valid offset")
}

fn last_sunday(year: i32, month: Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, month.length(year)).expect("valid date");
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().expect("in range");
    }
    day
}

pub fn integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if value < 0 {
        grouped.insert(0, '-');
    }
    grouped
}

/// The word that agrees with `n`: "ist"/"sind", "enthält"/"enthalten".
pub fn plural<'a>(n: i64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "1 Meilenstein", "2 Meilensteine".
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{} {}", integer(n), plural(n, one, many))
}

/// Who entered something, for records written without an account: the demo data and
/// imports of the system (accounts are deactivated, never deleted, so no name means no account).
pub fn entered_by(name: Option<&str>) -> &str {
    name.unwrap_or("Systemimport (ohne Konto)")
}

/// "1.200.000 €", or "–" when not set.
pub fn euro(value: Option<i64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{}\u{a0}€", integer(v)))
}

pub fn decimal(value: f64, places: usize) -> String {
    let fixed = format!("{:.*}", places, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{}", integer(whole))
    } else {
        format!("{sign}{},{fraction}", integer(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn singular_and_plural() {
        assert_eq!(count(1, "Netzwerk", "Netzwerke"), "1 Netzwerk");
        assert_eq!(count(0, "Netzwerk", "Netzwerke"), "0 Netzwerke");
        assert_eq!(count(1200, "Zeile", "Zeilen"), "1.200 Zeilen");
        assert_eq!(plural(1, "ist", "sind"), "ist");
        assert_eq!(plural(4, "ist", "sind"), "sind");
        assert_eq!(entered_by(None), "Systemimport (ohne Konto)");
        assert_eq!(entered_by(Some("Hamm")), "Hamm");
    }

    #[test]
    fn german_numbers() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(1000), "1.000");
        assert_eq!(integer(179111), "179.111");
        assert_eq!(integer(-83166711), "-83.166.711");
        assert_eq!(decimal(226.43, 2), "226,43");
        assert_eq!(decimal(1246.2, 1), "1.246,2");
        assert_eq!(decimal(-0.001, 2), "0,00");
        assert_eq!(decimal(-12.5, 1), "-12,5");
        assert_eq!(decimal(93.0, 0), "93");
        assert_eq!(euro(Some(1_200_000)), "1.200.000\u{a0}€");
        assert_eq!(euro(None), "–");
    }

    #[test]
    fn german_dates_and_summer_time() {
        assert_eq!(date(time::macros::date!(2025 - 03 - 24)), "24.03.2025");
        assert_eq!(
            date_time(datetime!(2026-01-15 12:30 UTC)),
            "15.01.2026, 13:30 Uhr"
        );
        assert_eq!(
            date_time(datetime!(2026-07-01 12:30 UTC)),
            "01.07.2026, 14:30 Uhr"
        );
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(
            date_time(datetime!(2026-03-29 00:59 UTC)),
            "29.03.2026, 01:59 Uhr"
        );
        assert_eq!(
            date_time(datetime!(2026-03-29 01:00 UTC)),
            "29.03.2026, 03:00 Uhr"
        );
        assert_eq!(
            date_time(datetime!(2026-10-25 00:59 UTC)),
            "25.10.2026, 02:59 Uhr"
        );
        assert_eq!(
            date_time(datetime!(2026-10-25 01:00 UTC)),
            "25.10.2026, 02:00 Uhr"
        );
        assert_eq!(
            date_time(datetime!(2026-12-31 23:30 UTC)),
            "01.01.2027, 00:30 Uhr"
        );
    }
}
