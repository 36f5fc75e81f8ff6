//! Dates as Norwegians write them.

/// `2015-06-01` (or the date part of a timestamp) as `01.06.2015`; anything else unchanged.
pub fn norwegian_date(iso: &str) -> String {
    match iso.get(..10).map(|d| d.split('-').collect::<Vec<_>>()).as_deref() {
        Some([y, m, d]) if y.len() == 4 => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates_and_timestamps_read_as_norwegian_dates() {
        assert_eq!(super::norwegian_date("2015-06-01"), "01.06.2015");
        assert_eq!(super::norwegian_date("2030-01-16T00:00:00.000Z"), "16.01.2030");
        assert_eq!(super::norwegian_date("i morgen"), "i morgen");
    }
}
