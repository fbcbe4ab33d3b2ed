//! Coming meetings of the same body: a schedule line ("Sammanträdesdagar 2026: 13/3,
//! 22/5 samt 18/9"), a sentence about the next meeting ("Styrelsen beslutade att hålla
//! nästa styrelsemöte torsdag den 28 september"), or an item headed so ("5. Nästa möte"
//! over "Blir den 16 december"). The key words are data (`data/words.txt`).

use crate::dates;
use crate::words::WORDS;
use protokoll_model::record::{Item, MeetingDate};
use regex::Regex;
use std::sync::LazyLock;

/// A schedule label, or a meeting noun with a word that puts it in the future. Group 1
/// is the key; the boundaries are classes (not `\b`) so the DFA runs on any text.
static KEY: LazyLock<Regex> = LazyLock::new(|| {
    let alt = crate::words::alternation;
    let w = &*WORDS;
    let (labels, nouns) = (alt(&w.schedule_labels), alt(&w.schedule_nouns));
    let (before, after) = (alt(&w.schedule_before), alt(&w.schedule_after));
    Regex::new(&format!(
        r"(?i)(?:^|\W)((?:{labels})|(?:{before})\s+\w*(?:{nouns})|\w*(?:{nouns})\s+(?:{after}))(?:\W|$)"
    ))
    .expect("schedule key regex")
});

/// The words of the labels and meeting nouns: every match of `KEY` holds one. Written
/// as they stand in text (lowercase, capitalised, in capitals), they are a plain set of
/// literals, found by a vectorised scan that spares most lines the costly `KEY` search
/// (a case-insensitive set is no plain literal set).
static KEY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let w = &*WORDS;
    let mut alt: Vec<String> = Vec::new();
    for word in w
        .schedule_labels
        .iter()
        .chain(&w.schedule_nouns)
        .flat_map(|x| x.split_whitespace())
    {
        let mut cs = word.chars();
        let capitalised: String = cs
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(cs)
            .collect();
        for form in [word.to_string(), capitalised, word.to_uppercase()] {
            alt.push(regex::escape(&form));
        }
    }
    alt.sort();
    alt.dedup();
    Regex::new(&alt.join("|")).expect("schedule words regex")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(19|20)\d{2}(?-u:\b)").expect("regex"));

/// Coming meeting dates in `lines`. A date without a year takes the meeting's year, or
/// the next one when it would fall before the meeting; a date before the meeting is not
/// a coming meeting.
pub(crate) fn future_dates(lines: &[String], meeting_date: Option<&str>) -> Vec<MeetingDate> {
    let mut out: Vec<MeetingDate> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !KEY_WORDS.is_match(l) {
            continue;
        }
        let Some(k) = KEY.captures(l).and_then(|c| c.get(1)) else {
            continue;
        };
        let rest = l.get(k.end()..).unwrap_or("");
        let mut seg = std::borrow::Cow::Borrowed(sentence(rest));
        let next = lines.get(i + 1);
        if heading_key(l.get(..k.start()).unwrap_or(""), &seg) {
            // A heading ("5. Nästa möte") says the date on the line below.
            seg = next.map_or("", |n| sentence(n)).into();
        } else if let Some(n) = next.filter(|n| runs_on(rest, &seg, n)) {
            // The sentence goes on on the next line ("… Nästa sammanträde" / "med
            // nämnden är den 3 oktober.").
            let joined = format!("{rest} {n}");
            seg = sentence(&joined).to_string().into();
        }
        add(&mut out, dated(&seg, meeting_date));
    }
    out
}

/// Adds the dates not yet in `out`, each with its note.
fn add(out: &mut Vec<MeetingDate>, found: Vec<(String, String)>) {
    for (iso, note) in found {
        if !out.iter().any(|d| d.date == iso) {
            out.push(MeetingDate {
                date: iso,
                note: (!note.is_empty()).then_some(note),
            });
        }
    }
}

/// The coming meetings the document states: in its lines, then in the items that are
/// the body's schedule; each date once.
pub(crate) fn meeting_dates(
    lines: &[String],
    items: &[Item],
    meeting_date: Option<&str>,
) -> Vec<MeetingDate> {
    let mut out = future_dates(lines, meeting_date);
    scheduled_by_items(items, meeting_date, &mut out);
    out
}

/// Coming meeting dates an item that is the body's schedule sets ("8 § Vårens möten":
/// "Ungdomsfullmäktige håller möte enligt följande: 20.2.2023 kl. 16.15, …"): the dates
/// of its decisions after the meeting or, when they name none, of its text's sentences
/// ("… fastställs enligt förslag" over a proposal that lists them).
fn scheduled_by_items(items: &[Item], meeting_date: Option<&str>, out: &mut Vec<MeetingDate>) {
    for it in items.iter().filter(|it| schedule_title(&it.title)) {
        let of = |seg: &str| dated(seg, meeting_date);
        let mut found: Vec<(String, String)> = it.decisions.iter().flat_map(|d| of(d)).collect();
        if found.is_empty() {
            found = crate::decisions::sentences(&it.text)
                .into_iter()
                .flat_map(of)
                .collect();
        }
        add(out, found);
    }
}

/// Whether an item's title names the body's meetings as a schedule: a word of
/// `schedule titles`, or one that opens with a schedule label ("Sammanträdesplanen").
fn schedule_title(title: &str) -> bool {
    let w = &*WORDS;
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .any(|t| {
            w.schedule_titles.contains(&t.as_str())
                || w.schedule_labels.iter().any(|l| t.starts_with(l))
        })
}

/// The text up to the end of its sentence: a list of dates runs no further.
fn sentence(after: &str) -> &str {
    let end = [". ", " – ", " - "]
        .iter()
        .filter_map(|p| after.find(p))
        .min()
        .unwrap_or(after.len());
    after.get(..end).unwrap_or(after)
}

/// Whether the sentence after a key runs on into the next line: the key stands at the
/// line's end (a few words after it at most, no stop, no date), and the next line opens
/// in lowercase (a capital opens a sentence of its own: "… vid nästa möte" / "Den 3 maj
/// kom svaret"). A key further from the line's end opens a sentence about something
/// else ("Extra årsmöte hålls, när styrelsen …" / "… minst 1/10 av medlemmarna").
fn runs_on(rest: &str, sentence: &str, next: &str) -> bool {
    sentence.len() == rest.len()
        && rest.split_whitespace().count() <= RUN_ON_WORDS
        && !rest.trim_end().ends_with(['.', '!', '?', ':'])
        && !rest.bytes().any(|b| b.is_ascii_digit())
        && next.trim_start().starts_with(char::is_lowercase)
}

/// At most this many words after a key whose sentence runs on into the next line.
const RUN_ON_WORDS: usize = 3;

/// Whether a key stands as a heading: nothing before it but an item label, nothing
/// after it but punctuation.
fn heading_key(before: &str, after: &str) -> bool {
    before
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '§' | '.' | ')'))
        && after.chars().all(|c| c.is_whitespace() || c == ':')
}

/// The dates in `seg` after the meeting, each with the words up to the next date as its
/// note.
fn dated(seg: &str, meeting: Option<&str>) -> Vec<(String, String)> {
    let meeting_year: Option<i32> = meeting
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    let explicit: Option<i32> = YEAR.find(seg).and_then(|y| y.as_str().parse().ok());
    let mut found: Vec<dates::Found> = match explicit.or(meeting_year) {
        Some(y) => dates::day_months(seg, y),
        None => Vec::new(),
    };
    if found.is_empty() {
        found = dates::find_dates(seg, MAX_DATES);
    }
    let before_meeting = |d: &str| meeting.is_some_and(|m| d <= m);
    let mut out = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let mut iso = f.iso.clone();
        if before_meeting(&iso) && explicit.is_none() {
            // "14 januari" written at a December meeting is next year's.
            if let Some(rolled) = meeting_year.and_then(|y| {
                dates::day_months(seg.get(f.start..f.end).unwrap_or(""), y + 1)
                    .into_iter()
                    .next()
            }) {
                iso = rolled.iso;
            }
        }
        if before_meeting(&iso) || deadline(seg.get(..f.start).unwrap_or("")) {
            continue;
        }
        let next = found.get(i + 1).map_or(seg.len(), |n| n.start);
        out.push((iso, note(seg.get(f.end..next).unwrap_or(""))));
    }
    out
}

/// At most this many dates are read from one sentence or paragraph.
const MAX_DATES: usize = 64;

/// Whether the words before a date make it a deadline ("före den 1 juli"), which is
/// no meeting's date.
fn deadline(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let mut last = words.next();
    if last.as_deref() == Some("den") {
        last = words.next();
    }
    last.is_some_and(|w| WORDS.schedule_deadlines.contains(&w.as_str()))
}

/// The words between two dates, without joining words and years.
fn note(between: &str) -> String {
    let words: Vec<&str> = between
        .split_whitespace()
        .filter(|w| *w != "," && !WORDS.name_joiners.contains(w) && !YEAR.is_match(w))
        .collect();
    words
        .join(" ")
        .trim_matches(|c: char| matches!(c, ',' | '(' | ')' | ';' | '.' | ':') || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates_of(lines: &[&str], meeting: Option<&str>) -> Vec<String> {
        let l: Vec<String> = lines.iter().map(|s| (*s).to_string()).collect();
        future_dates(&l, meeting)
            .into_iter()
            .map(|d| d.date)
            .collect()
    }

    fn item(title: &str, text: &str, decisions: &[&str]) -> Item {
        Item {
            number: "8".into(),
            title: title.into(),
            presenters: Vec::new(),
            text: text.into(),
            decisions: decisions.iter().map(|d| (*d).to_string()).collect(),
            pages: vec![1],
            case_number: None,
            boxes: Vec::new(),
            votes: Vec::new(),
            reservations: Vec::new(),
        }
    }

    fn scheduled(it: Item, meeting: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        scheduled_by_items(&[it], Some(meeting), &mut out);
        out.into_iter().map(|d| (d.date, d.note)).collect()
    }

    #[test]
    fn an_item_that_is_the_schedule_sets_the_dates_its_decision_lists() {
        let it = item(
            "Vårens möten, ungdomsfullmäktige",
            "Ungdomsfullmäktige fastställer datum för sina sammanträden.",
            &["Ungdomsfullmäktige håller möte enligt följande: 20.2.2023 kl. 16.15 20.3.2023 kl. 16.15 8.5.2023 kl. 16.15"],
        );
        let got = scheduled(it, "2023-01-30");
        let dates: Vec<&str> = got.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(dates, ["2023-02-20", "2023-03-20", "2023-05-08"]);
        assert_eq!(got[0].1.as_deref(), Some("kl. 16.15"));
    }

    #[test]
    fn a_schedule_decided_as_proposed_takes_the_dates_of_the_text() {
        let it = item(
            "Sammanträdesplan 2026",
            "Förslag till sammanträdesdagar: 12 mars 2026, 4 juni 2026. Dessutom en kurs.",
            &["Sammanträdesplanen fastställs enligt förslag."],
        );
        let dates: Vec<String> = scheduled(it, "2025-11-20")
            .into_iter()
            .map(|d| d.0)
            .collect();
        assert_eq!(dates, ["2026-03-12", "2026-06-04"]);
    }

    #[test]
    fn other_items_and_past_dates_set_no_meetings() {
        let other = item(
            "Budget 2026",
            "",
            &["Budgeten antas, gäller från 1 januari 2026."],
        );
        assert!(scheduled(other, "2025-11-20").is_empty());
        let past = item(
            "Mötestider",
            "",
            &["Mötet 3 mars 2025 flyttas till 20 november 2025."],
        );
        let dates: Vec<String> = scheduled(past, "2025-06-01")
            .into_iter()
            .map(|d| d.0)
            .collect();
        assert_eq!(dates, ["2025-11-20"]);
        // An annual meeting of others ("Val av ombud till årsmöten") is no schedule.
        assert!(!schedule_title(
            "Val av ombud till årsmöten och konferenser"
        ));
        assert!(schedule_title("Sammanträdesplanen för 2026"));
    }

    #[test]
    fn a_schedule_line_lists_dates_with_notes() {
        let l = vec!["Sammanträdesdatum 2025: 16/5 12/9 och 21/11 (7/11 ev)".to_string()];
        let d = future_dates(&l, None);
        let dates: Vec<&str> = d.iter().map(|x| x.date.as_str()).collect();
        assert_eq!(
            dates,
            ["2025-05-16", "2025-09-12", "2025-11-21", "2025-11-07"]
        );
        assert_eq!(d[3].note.as_deref(), Some("ev"));
    }

    #[test]
    fn the_next_meeting_in_a_sentence() {
        assert_eq!(
            dates_of(
                &["Styrelsen beslutade att hålla nästa styrelsemöte torsdag den 28 september 2023 kl 20.00."],
                Some("2023-07-25")
            ),
            ["2023-09-28"]
        );
        assert_eq!(
            dates_of(
                &["§19 Kommande årsmöte hålls söndagen den 3 augusti 2025, i hembygdsgården."],
                Some("2024-08-04")
            ),
            ["2025-08-03"]
        );
        // A rule of the statutes gives a deadline, not a meeting.
        assert!(dates_of(
            &["Föreningens årsmöte hålls årligen före den 1 juli."],
            Some("2013-01-08")
        )
        .is_empty());
        // Without a date there is nothing to take.
        assert!(dates_of(&["Frågan skjuts upp till nästa möte."], Some("2023-01-01")).is_empty());
    }

    #[test]
    fn the_next_meeting_in_a_sentence_that_runs_on_to_the_next_line() {
        let lines = [
            "önskar alla en trevlig sommar. Nästa sammanträde",
            "med nämnden är den 3 oktober i Lageråssalen.",
        ];
        assert_eq!(dates_of(&lines, Some("2024-06-19")), ["2024-10-03"]);
        // A key far from the line's end opens a sentence about something else.
        let statute = [
            "Extra årsmöte hålls, när styrelsen finner att det är nödvändigt",
            "eller när minst 1/10 av medlemmarna så kräver.",
        ];
        assert!(dates_of(&statute, Some("2013-01-08")).is_empty());
        // A sentence that ends on its line takes nothing from the next.
        let ended = [
            "Nästa möte bestäms senare.",
            "den 3 oktober firas jubileet.",
        ];
        assert!(dates_of(&ended, Some("2024-06-19")).is_empty());
    }

    #[test]
    fn a_heading_takes_the_date_from_the_line_below() {
        assert_eq!(
            dates_of(
                &[
                    "5. Nästa möte",
                    "Blir den 16 december i klubbstugan.",
                    "6. Avslutning"
                ],
                Some("2025-11-13")
            ),
            ["2025-12-16"]
        );
        // A sentence that ends in the key does not reach into the next line.
        assert!(dates_of(
            &["Frågan tas upp vid nästa möte", "Den 3 maj kom svaret."],
            Some("2023-01-01")
        )
        .is_empty());
    }

    #[test]
    fn a_date_without_a_year_before_the_meeting_is_next_year_s() {
        assert_eq!(
            dates_of(
                &["Nästa årsmöte hålls i församlingshemmet, söndagen den 2 augusti."],
                Some("2025-08-03")
            ),
            ["2026-08-02"]
        );
        assert_eq!(
            dates_of(&["Nästa möte 14 januari"], Some("2024-12-10")),
            ["2025-01-14"]
        );
        // With its year written, a past date is no coming meeting.
        assert!(dates_of(&["Nästa möte 2024-01-14"], Some("2024-12-10")).is_empty());
        // Keys in capitals or capitalised are keys.
        assert_eq!(
            dates_of(&["NÄSTA STYRELSEMÖTE 14 januari"], Some("2024-12-10")),
            ["2025-01-14"]
        );
        assert_eq!(
            dates_of(&["Mötesdagar: 13/3, 14/5"], Some("2025-01-10")),
            ["2025-03-13", "2025-05-14"]
        );
    }
}
