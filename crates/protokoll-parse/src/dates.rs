//! Swedish dates and times as minutes write them: "2024-09-20", "21 november 2025",
//! "Fredag 21 mars 2025", "16. mars 2021", "23 juni, 2019", "21/3 2025", "08-09-2021",
//! "250522" (YYMMDD), "20210526" (YYYYMMDD), "19-11-18" (YY-MM-DD), "2013.04.07",
//! "10 dec. -08", "kl. 09.00-12.00", "kl 9-12", "13.00 — 16.00".

use regex::Regex;
use std::sync::LazyLock;

use protokoll_model::text::SWEDISH_MONTHS as MONTHS;

/// The month number of a Swedish month name or its usual abbreviation.
pub fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && w.len() <= m.len()))
        .map(|i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    YEARS.contains(&y) && d >= 1 && d <= days
}

/// The years a meeting's date may have: archives hold minutes from the 17th century on
/// ("den 26 Januari 1889", "24 Jan. 1753").
const YEARS: std::ops::RangeInclusive<i32> = 1600..=2100;

/// ISO form of a date, if it is a real one.
/// A year standing alone in `line` ("ÅRSMÖTESPROTOKOLL 2015"): four digits, 1900-2099.
pub fn lone_year(line: &str) -> Option<i32> {
    line.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        (w.len() == 4)
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..2100).contains(y))
    })
}

pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{1,2})-(\d{1,2})(?-u:\b)").expect("regex"));
/// What may follow a day's number before its month: an ordinal's ending ("4e", "1:a",
/// "3:e") or a stop ("16.").
const ORDINAL: &str = r"(?::?[ae]|\.)?";

/// "21 november 2025", "16. mars 2021", "1:a maj 2025", and with a year of two digits
/// after a dash or an apostrophe ("10 dec. -08", "3 maj '98").
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &format!(r"(?i)(?-u:\b)(\d{{1,2}}){ORDINAL}\s+([a-zåäö]{{3,9}})\.?,?\s*(?:(\d{{4}})|[-'’](\d{{2}}))(?-u:\b)"),
    )
    .expect("regex")
});
/// "2013.04.07", "2013/04/07": year first, with stops or slashes (two-digit month and day:
/// fewer digits after a year and a stop are more often a number).
static YMD_STOPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})([./])(\d{2})[./](\d{2})(?-u:\b)").expect("regex")
});
static SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})[/.](\d{1,2})(?:\s*[-–]?\s*|[/.])(\d{4})(?-u:\b)").expect("regex")
});
/// "08-09-2021": day, month, year with dashes, as Swedish and Finnish minutes write it.
static DMY_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,2})-(\d{1,2})-(\d{4})(?-u:\b)").expect("regex"));
static YYMMDD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{2})(\d{2})(\d{2})(?-u:\b)").expect("regex"));
/// "20210526": the compact date with its century.
static YYYYMMDD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)((?:19|20)\d{2})(\d{2})(\d{2})(?-u:\b)").expect("regex"));
/// "26/2 -18", "10/10-14": day and month, then the year's two digits after a dash or an
/// apostrophe, as notes date themselves.
static SLASH_YY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})/(\d{1,2})\s*[-–'’]\s*(\d{2})(?-u:\b)").expect("regex")
});
/// "19-11-18": the short form of the Swedish standard, year first.
static YY_MM_DD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{2})-(\d{2})-(\d{2})(?-u:\b)").expect("regex"));

/// The year a two-digit year stands for in a form that has no century: 1950-2049.
fn full_year(yy: i32) -> i32 {
    if yy < 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// A date found in text: ISO string and byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The date, `YYYY-MM-DD`.
    pub iso: String,
    /// Byte offset where the match begins.
    pub start: usize,
    /// Byte offset where the match ends.
    pub end: usize,
}

/// The first match of `re` in `s` that `ymd` reads as a real date.
fn first(
    re: &Regex,
    s: &str,
    ymd: impl Fn(&regex::Captures<'_>) -> Option<(i32, u32, u32)>,
) -> Option<Found> {
    re.captures_iter(s).find_map(|c| {
        let all = c.get(0)?;
        let (y, m, d) = ymd(&c)?;
        Some(Found {
            iso: iso(y, m, d)?,
            start: all.start(),
            end: all.end(),
        })
    })
}

/// Capture group `i` as a number.
fn num<T: std::str::FromStr>(c: &regex::Captures<'_>, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

/// The first full date in `s` (with a year). `compact` also accepts YYMMDD numbers,
/// which are only dates where the context says so (a header, a signature).
pub fn find_date(s: &str, compact: bool) -> Option<Found> {
    // Every form has digits; most lines asked have none.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let ymd = |c: &regex::Captures<'_>| Some((num(c, 1)?, num(c, 2)?, num(c, 3)?));
    let dmy = |c: &regex::Captures<'_>| Some((num(c, 3)?, num(c, 2)?, num(c, 1)?));
    let written = [
        first(&ISO, s, ymd),
        first(&LONG, s, |c| {
            let year = num(c, 3).or_else(|| num(c, 4).map(full_year))?;
            Some((year, month_of(c.get(2)?.as_str())?, num(c, 1)?))
        })
        .map(|f| first_day(s, f)),
        first(&YMD_STOPS, s, |c| {
            Some((num(c, 1)?, num(c, 3)?, num(c, 4)?))
        }),
        first(&SLASH, s, dmy),
        first(&DMY_DASH, s, dmy),
    ];
    // The compact forms only where the context makes numbers dates.
    let compact_forms = || {
        [
            first(&YYMMDD, s, |c| {
                Some((2000 + num::<i32>(c, 1)?, num(c, 2)?, num(c, 3)?))
            }),
            first(&YYYYMMDD, s, ymd),
            first(&YY_MM_DD, s, |c| {
                Some((full_year(num(c, 1)?), num(c, 2)?, num(c, 3)?))
            }),
            // Not the first half of a range of dates ("10/10-14/11").
            first(&SLASH_YY, s, |c| {
                let end = c.get(0)?.end();
                let range = s.get(end..).is_some_and(|r| r.starts_with('/'));
                (!range).then_some((full_year(num(c, 3)?), num(c, 2)?, num(c, 1)?))
            }),
        ]
    };
    written
        .into_iter()
        .chain(compact.then(compact_forms).into_iter().flatten())
        .flatten()
        .min_by_key(|f| f.start)
}

/// The full dates in `s` in order, at most `limit` (each search scans on from the last
/// date, so the limit bounds the work on a text of many dates).
pub fn find_dates(s: &str, limit: usize) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut at = 0;
    while out.len() < limit {
        let Some(f) = s.get(at..).and_then(|rest| find_date(rest, false)) else {
            break;
        };
        let (start, end) = (at + f.start, at + f.end);
        out.push(Found {
            iso: f.iso,
            start,
            end,
        });
        at = end;
    }
    out
}

/// A meeting over days ("24-25 september 2005") is dated by its first day.
fn first_day(s: &str, f: Found) -> Found {
    let before = s.get(..f.start).unwrap_or("").trim_end();
    let Some(dash) = before.strip_suffix(['-', '–']) else {
        return f;
    };
    let dash = dash.trim_end();
    let digits = dash.len() - dash.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let day: Option<u32> = (1..=2)
        .contains(&digits)
        .then(|| dash.get(dash.len() - digits..)?.parse().ok())
        .flatten();
    let (Some(day), Some(y), Some(m)) = (
        day,
        f.iso.get(..4).and_then(|y| y.parse().ok()),
        f.iso.get(5..7).and_then(|m| m.parse().ok()),
    ) else {
        return f;
    };
    match iso(y, m, day) {
        Some(first) if first < f.iso => Found {
            iso: first,
            start: dash.len() - digits,
            end: f.end,
        },
        _ => f,
    }
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)kl(?:ockan)?\.?\s*)?(?-u:\b)(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?(?-u:\b)")
        .expect("regex")
});
static KL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)kl(?:ockan)?[.:]?\s*(\d{1,2})(?:[.:](\d{2}))?(?-u:\b)").expect("regex")
});

/// A clock time that opens a text ("16:00 Fax …", "9.30"): the value of a time label.
static LEADING_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})[.:](\d{2})(?-u:\b)").expect("regex"));

/// The clock time a time label's value opens with, as "HH:MM" ("Mötestid: 16:00").
pub fn leading_time(s: &str) -> Option<String> {
    let c = LEADING_TIME.captures(s.trim_start())?;
    hhmm(c.get(1)?.as_str(), c.get(2).map(|m| m.as_str()))
}

fn hhmm(h: &str, m: Option<&str>) -> Option<String> {
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.map_or(Ok(0), str::parse).ok()?;
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// A meeting's times as found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Times {
    /// Start, `HH:MM`.
    pub start: String,
    /// End, `HH:MM`, when a span was given.
    pub end: Option<String>,
    /// Byte offset where the match begins.
    pub from: usize,
    /// Byte offset where the match ends.
    pub to: usize,
}

/// A meeting time span in `s`. Bare "9-12" counts only after "kl"; "09.00-12.00"
/// counts alone.
pub fn find_times(s: &str) -> Option<Times> {
    for c in RANGE.captures_iter(s) {
        let all = c.get(0)?;
        let has_kl = all.as_str().to_lowercase().starts_with("kl");
        let has_minutes = c.get(2).is_some() && c.get(4).is_some();
        if !(has_kl || has_minutes) {
            continue;
        }
        // "2024-09-20" is not a time span: skip digits glued to a year.
        if s.get(..all.start())
            .is_some_and(|p| p.ends_with('-') || p.ends_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let start = hhmm(c.get(1)?.as_str(), c.get(2).map(|m| m.as_str()))?;
        let end = hhmm(c.get(3)?.as_str(), c.get(4).map(|m| m.as_str()))?;
        if end <= start {
            continue;
        }
        return Some(Times {
            start,
            end: Some(end),
            from: all.start(),
            to: all.end(),
        });
    }
    let c = KL.captures(s)?;
    let all = c.get(0)?;
    Some(Times {
        start: hhmm(c.get(1)?.as_str(), c.get(2).map(|m| m.as_str()))?,
        end: None,
        from: all.start(),
        to: all.end(),
    })
}

/// "13/3", or a day and a word that [`month_of`] reads as a month ("22 maj", "4e
/// feb"): the month names live once, in `SWEDISH_MONTHS`.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(\d{{1,2}})/(\d{{1,2}})(?-u:\b)|(?-u:\b)(\d{{1,2}}){ORDINAL}\s+(\p{{L}}{{3,9}})\b"))
        .expect("regex")
});

/// Day-and-month dates ("13/3", "22 maj", the ordinal "4e februari") in `s`, with
/// `year`, each with its byte range.
pub fn day_months(s: &str, year: i32) -> Vec<Found> {
    let mut out = Vec::new();
    for c in DAY_MONTH.captures_iter(s) {
        let Some(all) = c.get(0) else { continue };
        let (d, m) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(d), Some(m), _, _) => (d.as_str().parse().ok(), m.as_str().parse().ok()),
            (_, _, Some(d), Some(m)) => (d.as_str().parse().ok(), month_of(m.as_str())),
            _ => (None, None),
        };
        if let (Some(d), Some(m)) = (d, m) {
            if let Some(iso) = iso(year, m, d) {
                out.push(Found {
                    iso,
                    start: all.start(),
                    end: all.end(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_full_date_of_a_list() {
        let isos =
            |s: &str| -> Vec<String> { find_dates(s, 8).into_iter().map(|f| f.iso).collect() };
        assert_eq!(
            isos("möte enligt följande: 20.2.2023 kl. 16.15 20.3.2023 kl. 16.15 8.5.2023"),
            ["2023-02-20", "2023-03-20", "2023-05-08"]
        );
        assert_eq!(
            isos("2024-05-02 och 2024-06-10"),
            ["2024-05-02", "2024-06-10"]
        );
        assert_eq!(find_dates("2024-05-02 och 2024-06-10", 1).len(), 1);
        assert!(isos("inga datum").is_empty());
    }

    #[test]
    fn swedish_date_forms() {
        let f = |s: &str| find_date(s, false).map(|f| f.iso);
        assert_eq!(
            f("2024-09-20, kl. 09.00-12.00").as_deref(),
            Some("2024-09-20")
        );
        assert_eq!(f("VoO, 21 november 2025").as_deref(), Some("2025-11-21"));
        assert_eq!(
            f("Tid: Fredag 21 mars 2025 kl 9-12").as_deref(),
            Some("2025-03-21")
        );
        assert_eq!(f("3 oktober 2025, fredag").as_deref(), Some("2025-10-03"));
        assert_eq!(
            f("Möte den 24-25 september 2005").as_deref(),
            Some("2005-09-24")
        );
        assert_eq!(f("kl 13-15, 12 mars 2025").as_deref(), Some("2025-03-12"));
        assert_eq!(f("den 21/3 2025").as_deref(), Some("2025-03-21"));
        assert_eq!(f("Dagordning 250522"), None);
        assert_eq!(
            find_date("Dagordning 250522", true)
                .map(|f| f.iso)
                .as_deref(),
            Some("2025-05-22")
        );
        assert_eq!(f("2025-02-30"), None);
        assert_eq!(f("tisdag den 16. mars 2021").as_deref(), Some("2021-03-16"));
        assert_eq!(f("den 1:a maj 2025").as_deref(), Some("2025-05-01"));
        let dm =
            |s: &str| -> Vec<String> { day_months(s, 2016).into_iter().map(|f| f.iso).collect() };
        assert_eq!(dm("Nästa styrelsemöte: 4e februari 17:30."), ["2016-02-04"]);
        assert_eq!(
            dm("den 3:e mars och 1:a april"),
            ["2016-03-03", "2016-04-01"]
        );
        assert_eq!(
            f("söndag den 23 juni, 2019.").as_deref(),
            Some("2019-06-23")
        );
        assert_eq!(f("Styrelsemöte 08-09-2021").as_deref(), Some("2021-09-08"));
        assert_eq!(f("2021-09-08").as_deref(), Some("2021-09-08"));
        assert_eq!(f("Datum: 2013.04.07").as_deref(), Some("2013-04-07"));
        assert_eq!(f("2013/04/07").as_deref(), Some("2013-04-07"));
        // After a year and a stop, one digit is more often a number than a month.
        assert_eq!(f("version 2013.4.7"), None);
        assert_eq!(
            f("styrelsemöte 10 dec. -08, SÄKK:S Lokal").as_deref(),
            Some("2008-12-10")
        );
        assert_eq!(f("den 3 maj '98").as_deref(), Some("1998-05-03"));
        // The compact forms only where the context makes numbers dates.
        let c = |s: &str| find_date(s, true).map(|f| f.iso);
        assert_eq!(f("Datum: 20210526"), None);
        assert_eq!(c("Datum: 20210526").as_deref(), Some("2021-05-26"));
        assert_eq!(f("Årsmöte 19-11-18"), None);
        assert_eq!(c("Årsmöte 19-11-18").as_deref(), Some("2019-11-18"));
        assert_eq!(c("Styrelsemöte 19-02-30"), None);
    }

    #[test]
    fn time_spans() {
        let t = |s: &str| find_times(s).map(|t| (t.start, t.end));
        assert_eq!(
            t("kl. 09.00-12.00"),
            Some(("09:00".into(), Some("12:00".into())))
        );
        assert_eq!(
            t("Fredag 21 mars 2025 kl 9-12 kl 11-12"),
            Some(("09:00".into(), Some("12:00".into())))
        );
        assert_eq!(
            t("13.00 — 16.00"),
            Some(("13:00".into(), Some("16:00".into())))
        );
        assert_eq!(t("2024-09-20 och 4-5 personer"), None);
        assert_eq!(t("kl 13"), Some(("13:00".into(), None)));
        // "Kl:" as a label.
        assert_eq!(t("Kl: 17:17"), Some(("17:17".into(), None)));
        assert_eq!(
            leading_time("16:00 Fax +46 8 21 05 31").as_deref(),
            Some("16:00")
        );
        assert_eq!(leading_time("2020-03-12"), None);
    }

    #[test]
    fn day_month_lists() {
        let d: Vec<String> =
            day_months("Sammanträdesdatum 2026: 13/3, 22/5 samt 18/9, 20/11", 2026)
                .into_iter()
                .map(|x| x.iso)
                .collect();
        assert_eq!(d, ["2026-03-13", "2026-05-22", "2026-09-18", "2026-11-20"]);
        assert_eq!(day_months("7 november", 2025)[0].iso, "2025-11-07");
        // A heading's day and month with the year's two digits.
        let yy = |s: &str| find_date(s, true).map(|f| f.iso);
        assert_eq!(yy("Elevråd 26/2 -18").as_deref(), Some("2018-02-26"));
        assert_eq!(yy("Elevråd 10/10-14").as_deref(), Some("2014-10-10"));
        assert_eq!(yy("Lov 10/10-14/11"), None);
        assert_eq!(find_date("Elevråd 26/2 -18", false), None);
        // Archives hold minutes of the 18th and 19th centuries.
        let old = find_date("sammanträde i Sockenstugan den 26 Januari 1889.", false);
        assert_eq!(old.map(|f| f.iso).as_deref(), Some("1889-01-26"));
    }
}
