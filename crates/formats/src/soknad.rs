//! `soknad.json`: the application as sent to the office.
//!
//! The document is assembled in `velferd-domain` (it knows what the answers mean); this module holds
//! the format's own facts so that every producer writes them the same way.

/// The filformat version Velferd writes (the fixtures' schema set accepts any semver).
pub const VERSION: &str = "1.0.0";

/// Formats a timestamp as the schema's `tidspunkt` (`2026-01-02T03:04:05.678Z`, always UTC, milliseconds).
pub fn tidspunkt(unix_millis: i64) -> String {
    let secs = unix_millis.div_euclid(1000);
    let millis = unix_millis.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidspunkt_is_utc_with_millis() {
        assert_eq!(tidspunkt(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(tidspunkt(1_781_000_000_123), "2026-06-09T10:13:20.123Z");
    }
}
