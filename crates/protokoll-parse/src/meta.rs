//! Meeting metadata from the document's head (and, for the chair, its first item):
//! kind, title, bodies, date, times, place, digital, chair, secretary, adjusters.

use crate::dates::{find_date, find_times};
use crate::names::{is_name_word, is_org, leading_people};
use crate::words::WORDS;
use protokoll_model::record::Adjuster;
use protokoll_model::text::lowercase;
use protokoll_model::{Item, Meeting};
use regex::Regex;
use std::sync::LazyLock;

static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\p{L}*?(protokoll|minnesanteckningar|anteckningar|dagordning|föredragningslistan?)$",
    )
    .expect("regex")
});
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-ZÅÄÖa-zåäö. ]{2,30}?)\s*:\s*(.*)$").expect("regex"));
static COUNCIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\w*samverkansråd\w*|\w*nämnd\w*|\w*styrelse\w*|\w*fullmäktige|\w*utskott\w*|\w*beredning\w*|\w*kommitté\w*|råd(et)?|\w*grupp(en)?)(?-u:\b)").expect("regex")
});
/// The tools a meeting is held over and the words for a meeting held at a distance
/// (`meeting tools`, `remote meeting words`): both patterns below read them.
fn remote_words() -> (String, String) {
    let w = &*crate::words::WORDS;
    let alt = crate::words::alternation;
    (alt(&w.meeting_tools), alt(&w.remote_meeting_words))
}
/// A phrase saying a meeting was held, or attended, digitally: anywhere in the head.
/// The tool may follow other words ("via Percap och Microsoft Teams"); "digital" before
/// a meeting's word says it too ("Digital föreningsstämma", "digitalt årsmöte").
static MET_DIGITALLY: LazyLock<Regex> = LazyLock::new(|| {
    let (tools, distance) = remote_words();
    let stems = crate::words::alternation(&crate::words::WORDS.meeting_stems);
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?:via|på|över)\s+(?:[\w-]+\s+){{0,4}}?(?:{tools})|{distance}|digital[a-z]*\s+\w*(?:{stems})\w*)(?-u:\b)"
    ))
    .expect("regex")
});
/// A place, or a place or form label's value, that says the meeting was digital
/// ("Teams", "Digitalt").
static DIGITAL: LazyLock<Regex> = LazyLock::new(|| {
    let (tools, distance) = remote_words();
    Regex::new(&format!(
        r"(?i)(?-u:\b)({tools}|digital\w*|{distance})(?-u:\b)"
    ))
    .expect("regex")
});
static ADJ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(justerare|protokolljusterare|justeringspersoner|justeringsperson|justerat av|justeras av|justerade|justerande|protokollet justeras av|utses att justera|att justera)\s*:?\s*(.*)$").expect("regex")
});
static ADJ_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^justera(t|s|d)?\s+den\s*:?\s*(.*)$").expect("regex"));
/// "Ingmar Berg hälsade …", "Ordförande Rolf Adamsson hälsade …": the one who opens
/// the meeting, after their role if it is written.
static OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:ordförande|ordföranden)\s+)?(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)\s+(hälsar|hälsade|öppnar|öppnade|förklarar|förklarade)(?-u:\b)").expect("regex")
});

/// A label (lowercased) whose value is the meeting's time or place: its value may wrap.
pub fn is_place_or_time_label(label: &str) -> bool {
    WORDS.time_labels.contains(&label) || WORDS.place_labels.contains(&label)
}

/// The place in a "Plats och tid" value: what stands before the date or the time,
/// less a weekday, "den" and "kl" ("Stora sessionssalen, Frösön den 15 mars 2000" →
/// "Stora sessionssalen, Frösön"; "Kommunhuset kl 18.00" → "Kommunhuset").
fn place_before_date(value: &str) -> Option<String> {
    let date = find_date(value, true).map(|f| f.start);
    let time = find_times(value).map(|t| t.from);
    // A day and month without a year ("Jönköping, Scandic hotell söndagen den 20
    // september kl. 08.00") ends the place as well (any leap year reads the day).
    let day = crate::dates::day_months(value, 2000)
        .first()
        .map(|f| f.start);
    let end = date
        .into_iter()
        .chain(time)
        .chain(day)
        .min()
        .unwrap_or(value.len());
    let mut words: Vec<&str> = value.get(..end)?.split_whitespace().collect();
    while let Some(w) = words.last() {
        let low = lowercase(w.trim_end_matches([',', '.']));
        if low == "den"
            || low == "kl"
            || low == "klockan"
            || low.ends_with("dagen")
            || low.ends_with("dag")
        {
            words.pop();
        } else {
            break;
        }
    }
    let place = words.join(" ");
    let place = place.trim_end_matches([',', ' ', ';']);
    place
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| place.to_string())
}

/// The head's lines that may say where the meeting was held in a phrase.
const PLACE_PHRASE_LINES: usize = 6;

/// "i <Place>" or "på <Place>" after a meeting word, a date or a time (also a "kl"
/// whose time was left blank): the place, up to a weekday, "den", a time, a number or
/// the end of the clause, at most four words, the first capitalised.
static PLACE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:möte|mötet|stämma|stämman|sammanträde|sammanträdet|\d|\bkl\.?),?\s+(?i:i|på)\s+(\p{Lu}[^,.;:()]*)",
    )
    .expect("regex")
});

fn place_in(line: &str) -> Option<String> {
    // The first phrase that names no organisation: "föreningsstämma i HSBs
    // Bostadsrättsförening Magelungen … den 23 april 2019 i Högdalskyrkan".
    let mut from = 0;
    while let Some(c) = PLACE_PHRASE.captures_at(line, from) {
        let phrase = c.get(1)?;
        let place = place_words(phrase.as_str());
        match place {
            Some(p) if is_org(&p) => from = phrase.start(),
            _ => return place,
        }
    }
    None
}

/// A time at the start of a text ("Kl. 1900, Vrigstad värdshus", "kl 19.00-21.00").
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:kl\.?|klockan)\s*\d{1,2}(?:[.:]?\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]?\d{2})?)?")
        .expect("regex")
});
/// Where a time begins in a text.
static A_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:kl\.?|klockan)\s*\d|\b\d{1,2}[.:]\d{2}\b").expect("regex")
});

/// The most words of a place that follows the date on its line.
const PLACE_AFTER_DATE_WORDS: usize = 5;

/// The place that follows the date on the date line, set off by a comma or a space
/// ("3 maj 2018, Lokalen", "Styrelsemöte 2017-02-26 Mångbyskolan"), also after a time
/// ("2018-01-15. Kl. 1900, Vrigstad värdshus") or before one ("20 februari 2013,
/// Samlingssalen Cervins väg 15, klockan 19.00"). Not a meeting's name, an
/// organisation, a list heading or a label.
fn place_after_date(line: &str) -> Option<String> {
    let f = find_date(line, true)?;
    let skip = ['.', ',', ';', ' '];
    let mut rest = line.get(f.end..)?.trim_start_matches(skip);
    if let Some(t) = LEADING_TIME.find(rest) {
        rest = rest.get(t.end()..)?.trim_start_matches(skip);
    }
    let end = A_TIME.find(rest).map_or(rest.len(), |t| t.start());
    let place = rest
        .get(..end)?
        .trim()
        .trim_end_matches([',', '.', ';', ' ']);
    let words: Vec<&str> = place.split_whitespace().collect();
    // What the document or the meeting is called ("Dagordning 250522 Anteckningar").
    let meeting_word = words.iter().any(|w| {
        let low = lowercase(w);
        WORDS.schedule_nouns.iter().any(|n| low.contains(n)) || KIND.is_match(&low)
    });
    let fits = (1..=PLACE_AFTER_DATE_WORDS).contains(&words.len())
        && place.starts_with(char::is_uppercase)
        && !place.contains(':')
        && !meeting_word
        && !is_org(place)
        && find_date(place, false).is_none()
        && crate::attendance::section_of(place).is_none();
    fits.then(|| place.to_string())
}

/// The place a phrase opens with: up to four words, to a date, a time or the next
/// line's list heading.
fn place_words(phrase: &str) -> Option<String> {
    let mut words = Vec::new();
    // The phrase wraps only when its line ends before the place ("kl i" / "Uppgården"):
    // once the place has begun, the line's end ends it.
    let mut lines = phrase.split('\n').skip_while(|l| l.trim().is_empty());
    for w in lines.next().unwrap_or("").split_whitespace() {
        let low = lowercase(w);
        let stop = low == "den"
            // "… i Herrgården i Dala-Floda med Floda-Björbo Fiskevårdsområdesförening".
            || low == "med"
            || low == "kl"
            || low == "klockan"
            || low.ends_with("dagen")
            || low.ends_with("dag")
            || w.starts_with(|ch: char| ch.is_ascii_digit())
            // The next line's list heading ("Närvarande:"), read on from a wrapped
            // phrase.
            || w.ends_with(':')
            || crate::attendance::section_of(w).is_some();
        if stop || words.len() == 4 {
            break;
        }
        words.push(w);
    }
    // A preposition the cut left last ("Nya Wermlands-Tidningens lokaler i").
    while words
        .last()
        .is_some_and(|w| ["i", "på", "vid", "och"].contains(w))
    {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// A place label's value without a remark after it: a comma and a clause a listed word
/// opens ("Gyllenbergssalen, i samband med föräldramötet" → "Gyllenbergssalen"); a room
/// or an address after a comma stays ("Lokal Eken, Eklundavägen 1").
fn place_value(rest: &str) -> String {
    let cut = rest
        .match_indices(", ")
        .find(|(i, _)| {
            rest.get(i + 2..).is_some_and(|t| {
                WORDS.place_remarks.iter().any(|r| {
                    t.starts_with(r) && t.get(r.len()..).is_some_and(|a| a.starts_with(' '))
                })
            })
        })
        .map_or(rest.len(), |(i, _)| i);
    rest.get(..cut)
        .unwrap_or(rest)
        .trim_end_matches('.')
        .to_string()
}

/// The most words a first line has to be read as the document's title.
const TITLE_WORDS: usize = 12;

/// The kind a page header names ("SÄFFLE KOMMUN PROTOKOLL 1", "Sammanträdesprotokoll 1
/// (15)"): for documents whose body does not say it.
pub fn kind_in_header(line: &str) -> Option<String> {
    if line.split_whitespace().count() > TITLE_WORDS {
        return None;
    }
    line.split_whitespace()
        .filter_map(kind_word)
        .find(|k| k != "dagordning")
}

/// The contract's kind for a kind word, punctuation around it ignored
/// ("Sammanträdesprotokoll" → protokoll, "Anteckningar:" → anteckningar, an agenda's
/// other name "Föredragningslista" → dagordning).
fn kind_word(word: &str) -> Option<String> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    KIND.captures(w).and_then(|c| c.get(1)).map(|k| {
        let k = k.as_str().to_lowercase();
        if k.starts_with("föredragningslist") {
            "dagordning".to_string()
        } else {
            k
        }
    })
}

/// A label such as "Plats:" at the start of a line: (label lowercased, rest).
fn label(line: &str) -> Option<(String, String)> {
    // Most lines have no colon: no regex for them.
    if !line.contains(':') {
        return None;
    }
    let c = LABEL.captures(line)?;
    Some((
        c.get(1)?.as_str().trim().to_lowercase(),
        c.get(2)?.as_str().trim().to_string(),
    ))
}

/// The head's form fields, each as "Label: value": two on one line are split ("Tid:
/// 12:15 Plats: ACAS"), and a bare label over its value is joined to it ("Datum" /
/// "2023-07-25 kl 09.00").
fn form_fields(head: &[String]) -> Vec<String> {
    let field = |l: &str| {
        let low = l.trim().trim_end_matches(':').trim().to_lowercase();
        is_place_or_time_label(&low) || low == "mötesform"
    };
    let mut split: Vec<String> = Vec::with_capacity(head.len());
    for l in head {
        // Two fields on a line need two colons: most lines stop here.
        if l.matches(':').nth(1).is_none() {
            split.push(l.clone());
            continue;
        }
        let mut rest = l.as_str();
        // A later field: a known label of one to three capitalised words before a
        // colon, after the first field's value.
        while let Some(at) = rest.match_indices(':').find_map(|(c, _)| {
            let before = rest.get(..c)?;
            let starts: Vec<usize> = before
                .char_indices()
                .filter(|&(i, ch)| {
                    i > 0 && ch != ' ' && before.get(..i).is_some_and(|b| b.ends_with(' '))
                })
                .map(|(i, _)| i)
                .collect();
            starts.iter().rev().take(3).copied().find(|&i| {
                before
                    .get(i..)
                    .is_some_and(|label| label.starts_with(char::is_uppercase) && field(label))
            })
        }) {
            split.push(rest.get(..at).unwrap_or("").trim_end().to_string());
            rest = rest.get(at..).unwrap_or("");
        }
        split.push(rest.to_string());
    }
    let mut out: Vec<String> = Vec::with_capacity(split.len());
    let mut i = 0;
    while let Some(l) = split.get(i) {
        let bare = field(l) && label(l).is_none_or(|(_, v)| v.is_empty());
        match split.get(i + 1) {
            Some(next) if bare && label(next).is_none() && !field(next) => {
                out.push(format!("{}: {next}", l.trim().trim_end_matches(':')));
                i += 2;
            }
            _ => {
                out.push(l.clone());
                i += 1;
            }
        }
    }
    out
}

/// The name in "Bechet Barsom, Region Örebro län" or "Jari Mehtäläinen 250403".
fn name_part(s: &str) -> Option<String> {
    let first = s.split(',').next()?.trim();
    let all: Vec<&str> = first.split_whitespace().collect();
    let words = all.get(..crate::names::name_len(&all)).unwrap_or(&[]);
    (!words.is_empty() && words.len() <= 5 && !is_org(&words.join(" "))).then(|| words.join(" "))
}

/// True for a line that is just a person's name (two to four capitalised words).
fn is_name_line(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&w.len()) && w.iter().all(|x| is_name_word(x)) && !is_org(s)
}

/// How many lines open a document as its title block.
const TITLE_LINES: usize = 3;

/// The meeting's kind and title: a head line that opens with the kind word, or has it
/// among its first three words. Returns the title's index in `head`.
fn kind_and_title(head: &[String], m: &mut Meeting) -> Option<usize> {
    // Kind and title: a head line that opens with the kind word, or has it among its
    // first three words.
    let mut title_idx = None;
    for (i, l) in head.iter().enumerate() {
        // The document's first line is its title: the kind word may stand anywhere in
        // it ("LiTHe kods höstmöte 2019 - Protokoll (2019-11-12)").
        let reach = if i == 0 && l.split_whitespace().count() <= TITLE_WORDS {
            TITLE_WORDS
        } else {
            3
        };
        let found = l.split_whitespace().take(reach).find_map(kind_word);
        // An agenda is a document's kind only in its title lines; further down,
        // "Dagordning" heads the agenda that minutes list ("Godkännande av dagordning").
        let found = found.filter(|k| k != "dagordning" || i < TITLE_LINES);
        if let Some(k) = found {
            // Notes of a meeting beat its agenda ("Dagordning 250522 Anteckningar").
            let better = match m.kind.as_deref() {
                None => true,
                Some("dagordning") => k != "dagordning",
                _ => false,
            };
            let all_kinds: Vec<String> =
                l.split_whitespace().take(4).filter_map(kind_word).collect();
            let k = all_kinds
                .iter()
                .find(|x| *x != "dagordning")
                .cloned()
                .unwrap_or(k);
            if better {
                m.kind = Some(k);
                title_idx = Some(i);
            }
        }
    }
    if let Some(i) = title_idx {
        let mut title = head.get(i).cloned().unwrap_or_default();
        for next in head.iter().skip(i + 1).take(TITLE_WRAP_LINES) {
            // A title wraps: a dash or a lowercase word goes on, or the year of a date
            // whose day and month end the line ("…, 21 okt" / "2025"); and a title that
            // stops in mid-phrase goes on over its lines ("Protokoll, hållet vid
            // Kommunal-" / "Nämndens i Fors Socken" / "sammanträde i Sockenstugan" /
            // "den 1 Augusti 1876.").
            let year = next
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
                && next.bytes().all(|b| b.is_ascii_digit() || b == b' ')
                && find_date(&title, true).is_none();
            let cont = next.starts_with("- ")
                || next.starts_with("– ")
                || year
                || next.chars().next().is_some_and(char::is_lowercase)
                || crate::items::stops_mid_phrase(&title);
            if !cont || label(next).is_some() {
                break;
            }
            title = crate::items::join_wrapped(&title, next);
        }
        m.title = Some(title);
    }
    title_idx
}

/// Most lines a title wraps onto.
const TITLE_WRAP_LINES: usize = 4;

/// The councils of a meeting: named after a dash in the title, or by head lines.
fn bodies(head: &[String], title_idx: Option<usize>, m: &mut Meeting) {
    // Bodies: the council named after a dash in the title, or head lines naming one.
    if let Some(t) = &m.title {
        if let Some(pos) = t.find(" - ").or_else(|| t.find(" – ")) {
            let rest = t
                .get(pos + 3..)
                .unwrap_or("")
                .trim_start_matches([' ', '-', '–'])
                .trim();
            if COUNCIL.is_match(rest) {
                let mut c = rest.chars();
                let cap: String = c
                    .next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default();
                m.bodies.push(cap);
            }
        }
    }
    if m.bodies.is_empty() {
        for (i, l) in head.iter().enumerate() {
            if Some(i) == title_idx
                || label(l).is_some()
                || !l.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            if COUNCIL.is_match(l)
                && l.split_whitespace().count() <= 12
                && find_date(l, false).is_none()
            {
                m.bodies.push(l.trim().to_string());
            }
        }
    }
}

/// Date, times, place and whether the meeting was digital, from the head's lines.
/// Most words of a head line whose six digits may be a date ("Årsmöte 220417").
const COMPACT_DATE_LINE: usize = 3;

/// The meeting's date (into `m`) and the line it was read from.
fn meeting_date(head: &[String], m: &mut Meeting) -> Option<String> {
    // Date and times: a "Tid:"/"Datum:" line, else the title, else the first dated
    // head line that is not about adjusting.
    let mut date_line: Option<String> = None;
    for l in head {
        if let Some((lab, rest)) = label(l) {
            if WORDS.time_labels.contains(&lab.as_str()) {
                if let Some(f) = find_date(&rest, true) {
                    if WORDS.place_labels.contains(&lab.as_str()) {
                        m.location = place_before_date(&rest);
                    }
                    m.date = Some(f.iso);
                    date_line = Some(rest);
                    break;
                }
            }
        }
    }
    if m.date.is_none() {
        if let Some(f) = m.title.as_deref().and_then(|t| find_date(t, true)) {
            m.date = Some(f.iso);
            date_line = m.title.clone();
        }
    }
    // A compact date ("Styrelsemöte 220320") only in a short heading line: elsewhere
    // six digits are too often a number. On the document's first line it is the
    // document's own date, over a date the head's text mentions.
    let short = |l: &&String| l.split_whitespace().count() <= COMPACT_DATE_LINE;
    let heading_date = head
        .first()
        .filter(short)
        .and_then(|l| find_date(l, true))
        .filter(|_| m.date.is_none());
    for compact in [false, true] {
        if m.date.is_some() {
            break;
        }
        for (i, l) in head.iter().enumerate() {
            if about_adjusting(l) {
                continue;
            }
            // A compact date before the meeting's time is one too ("Plats, Lainio kapell
            // 230501 kl 14.00").
            let timed = || crate::dates::find_times(l).is_some();
            if let Some(f) = find_date(l, compact && (short(&l) || timed())) {
                m.date = Some(f.iso);
                date_line = Some(l.clone());
                break;
            }
            // A date wrapped over the line's end ("… lördagen den 26 maj" / "2018 på
            // Kista hembygdsgård"): the date and what follows it are one line's. (Read
            // in the first pass only: the compact forms never wrap.)
            if let Some(joined) = (!compact)
                .then(|| wrapped_date(l, head.get(i + 1)))
                .flatten()
            {
                m.date = find_date(&joined, false).map(|f| f.iso);
                date_line = Some(joined);
                break;
            }
        }
    }
    if let Some(f) = heading_date {
        m.date = Some(f.iso);
    }
    // A day and month without a year under a title that gives the year
    // ("ÅRSMÖTESPROTOKOLL 2015"): a time label's ("Tid: 7 mars kl 10.00"), else one
    // after a weekday or "den" ("Lördagen den 21 april").
    if m.date.is_none() {
        let year = m.title.as_deref().and_then(crate::dates::lone_year);
        let labelled = head
            .iter()
            .filter_map(|l| label(l))
            .filter(|(lab, _)| WORDS.time_labels.contains(&lab.as_str()));
        m.date = year.and_then(|y| {
            labelled
                .map(|(_, rest)| rest)
                .find_map(|r| {
                    crate::dates::day_months(&r, y)
                        .into_iter()
                        .next()
                        .map(|f| f.iso)
                })
                .or_else(|| {
                    head.iter()
                        .filter(|l| !about_adjusting(l))
                        .find_map(|l| dated_day(l, y))
                })
        });
    }
    date_line
}

/// The line is about adjusting the minutes or who was absent: a date on it is not the
/// meeting's.
fn about_adjusting(l: &str) -> bool {
    let low = lowercase(l);
    low.contains("juster") || low.contains("förhinder")
}

/// `line` and the next line joined, when a full date runs over the line's end (it
/// starts on `line` and ends on the next) and `line` has none of its own.
fn wrapped_date(line: &str, next: Option<&String>) -> Option<String> {
    let joined = format!("{line} {}", next?);
    let f = find_date(&joined, false)?;
    (f.start < line.len() && f.end > line.len()).then_some(joined)
}

/// The first day and month on `line` that a weekday or "den" introduces ("Lördagen
/// den 21 april", "söndag 26 oktober"), in `year`.
fn dated_day(line: &str, year: i32) -> Option<String> {
    crate::dates::day_months(line, year)
        .into_iter()
        .find(|f| {
            let before = line.get(..f.start).unwrap_or("");
            let word = lowercase(
                before
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .trim_end_matches(','),
            );
            let weekday = WORDS.weekdays.iter().any(|d| {
                word.strip_prefix(d)
                    .is_some_and(|rest| matches!(rest, "" | "en"))
            });
            word == "den" || weekday
        })
        .map(|f| f.iso)
}

fn date_time_place(head: &[String], m: &mut Meeting) {
    let date_line = meeting_date(head, m);
    if let Some(dl) = &date_line {
        if let Some(t) = find_times(dl) {
            let end = t.to;
            m.start_time = Some(t.start);
            m.end_time = t.end;
            // The rest of the line after the times is the place ("… 12.00. Lokal Eken").
            let rest = dl
                .get(end..)
                .unwrap_or("")
                .trim_start_matches(['.', ',', ';', ' '])
                .trim();
            if rest.chars().any(char::is_alphabetic)
                && rest.chars().next().is_some_and(char::is_uppercase)
                && find_times(rest).is_none()
            {
                m.location = Some(rest.trim_end_matches('.').to_string());
            }
        }
    }
    if m.start_time.is_none() {
        // Times on a line of their own ("Tid: 13.00 — 16.00").
        for l in head {
            let low = l.to_lowercase();
            if low.contains("juster") || low.contains("nästa") {
                continue;
            }
            if let Some(t) = find_times(l) {
                m.start_time = Some(t.start);
                m.end_time = t.end;
                break;
            }
            // A time label's value needs no "kl" ("Mötestid: 16:00").
            let labelled = label(l).filter(|(lab, _)| WORDS.time_labels.contains(&lab.as_str()));
            if let Some(t) = labelled.and_then(|(_, rest)| crate::dates::leading_time(&rest)) {
                m.start_time = Some(t);
                break;
            }
        }
    }
    for l in head {
        if let Some((lab, rest)) = label(l) {
            if WORDS.place_labels.contains(&lab.as_str()) && !rest.is_empty() {
                if !WORDS.time_labels.contains(&lab.as_str()) {
                    m.location = Some(place_value(&rest));
                } else if m.location.is_none() {
                    // "Plats och tid: Kommunhusets tingssal måndagen den 8 januari".
                    m.location = place_before_date(&rest);
                }
            }
        }
    }
    if m.location.is_none() {
        // No place label: the head's opening lines may say where in a phrase ("…
        // årsmöte i Tennisparken söndag den 23 juni", "Den 4 augusti 2024, i Matteröds
        // församlingshem").
        // The phrase may wrap: the opening lines are read as one text.
        let opening: Vec<&str> = head
            .iter()
            .take(PLACE_PHRASE_LINES)
            .map(String::as_str)
            .collect();
        m.location = place_in(&opening.join("\n"));
    }
    if m.location.is_none() {
        // On the date line, or on an opening line that repeats the date under a title
        // that gave it ("Protokoll 2018-01-15" / "… styrelsemöte 2018-01-15. Kl. 1900,
        // Vrigstad värdshus").
        let dated = head
            .iter()
            .take(PLACE_PHRASE_LINES)
            .filter(|l| m.date.is_some() && find_date(l, true).map(|f| f.iso) == m.date);
        m.location = date_line
            .iter()
            .chain(dated)
            .find_map(|l| place_after_date(l));
    }
    if m.location.is_none() {
        m.location = place_under_date(head, m);
    }
    // A labelled place or form of meeting that is digital, or a head line that says
    // the meeting (or one taking part) met so ("Via Teams.", "deltog via Teams").
    let digital_head = head.iter().any(|l| {
        label(l).is_some_and(|(lab, _)| is_place_or_time_label(&lab) || lab == "mötesform")
            && DIGITAL.is_match(l)
            // (Adjusting the minutes at a distance is no digital meeting.)
            || MET_DIGITALLY.is_match(l) && !lowercase(l).contains("juster")
    });
    m.digital = if m.location.as_deref().is_some_and(|l| DIGITAL.is_match(l)) || digital_head {
        Some(true)
    } else if m.location.is_some() {
        Some(false)
    } else {
        None
    };
}

/// Most words of a place on a line of its own ("Föreningshuset, Almvik, Blidö").
const PLACE_LINE_WORDS: usize = 8;
/// Most digits of such a place: a street number, not a telephone number.
const PLACE_DIGITS: usize = 4;

/// The place on a line of its own right under the head's dated line ("Protokoll
/// Årsstämma 23 april 2024" / "Gunnesboskolans matsal"): a short capitalised line
/// with no label, date, time, list heading, kind of document, body, organisation,
/// clause or telephone number.
fn place_under_date(head: &[String], m: &Meeting) -> Option<String> {
    let date = m.date.as_deref()?;
    let at = head
        .iter()
        .take(PLACE_PHRASE_LINES)
        .position(|l| find_date(l, true).is_some_and(|f| f.iso == date))?;
    let line = head.get(at + 1)?.trim().trim_end_matches('.');
    // "Plats Västerlanda Bygdegård": a place label written without its colon.
    let line = WORDS
        .place_labels
        .iter()
        .find_map(|p| {
            let (head, rest) = line.split_at_checked(p.len())?;
            (head.eq_ignore_ascii_case(p) && rest.starts_with(' ')).then(|| rest.trim_start())
        })
        .unwrap_or(line);
    let words: Vec<&str> = line.split_whitespace().collect();
    // A clause, or what names the meeting ("Styrelsemöte med Falkens scoutkår").
    let clause = words.iter().any(|w| {
        let w = lowercase(w);
        WORDS.finite_verbs.contains(&w.as_ref())
            || w.ends_with("ade")
            || w.ends_with("des")
            || WORDS.schedule_nouns.iter().any(|n| w.ends_with(n))
    });
    let of_the_head = [m.title.as_deref()]
        .into_iter()
        .flatten()
        .chain(m.bodies.iter().map(String::as_str))
        .any(|t| t.trim() == line);
    let place = (1..=PLACE_LINE_WORDS).contains(&words.len())
        && line.starts_with(char::is_uppercase)
        && !line.contains(':')
        && !clause
        && !of_the_head
        && label(line).is_none()
        && find_date(line, true).is_none()
        && find_times(line).is_none()
        && line.chars().filter(char::is_ascii_digit).count() <= PLACE_DIGITS
        && !words.first().is_some_and(|w| crate::names::is_stop_word(w))
        && !crate::names::is_org(line)
        // An abbreviation of three capitals or more ("SPF", "SÄKK:S") is an
        // organisation's, not a place's.
        && !words.iter().any(|w| crate::names::in_capitals(w, 3))
        && kind_in_header(line).is_none()
        && crate::roles::role_label(line).is_none()
        && !crate::attendance::opens_with_list_heading(line);
    place.then(|| line.to_string())
}

/// Chair and secretary as the head labels them.
fn head_officers(head: &[String], m: &mut Meeting) {
    // Chair and secretary: labelled, with the name on the same or the next line.
    for (i, l) in head.iter().enumerate() {
        if crate::roles::in_role_run(head, i) {
            continue;
        }
        let low = l.to_lowercase();
        let (lab, rest) = match label(l) {
            Some(x) => x,
            None => (low.trim().to_string(), String::new()),
        };
        let next = head.get(i + 1).map(String::as_str).unwrap_or("");
        let value = if rest.is_empty() && crate::roles::role_label(l).is_some() {
            // A bare role label: a signature, whose name may stand over or under it.
            crate::roles::name_beside(head, i)
                .into_iter()
                .next()
                .or_else(|| name_part(next))
        } else if rest.is_empty() {
            name_part(next)
        } else {
            name_part(&rest)
        };
        match lab.as_str() {
            "ordförande" | "mötesordförande" if m.chair.is_none() => m.chair = value,
            "sekreterare" | "protokollförare" | "vid protokollet" | "mötessekreterare"
                if m.secretary.is_none() =>
            {
                m.secretary = value
            }
            _ => {}
        }
        // A signature: a name line above "Ordförande …".
        if m.chair.is_none() && low.starts_with("ordförande ") && label(l).is_none() {
            if let Some(prev) = i.checked_sub(1).and_then(|p| head.get(p)) {
                if is_name_line(prev) {
                    m.chair = Some(prev.trim().to_string());
                }
            }
        }
    }
    // A role word where a name should be ("Ordförande ……" over "Justerande ……").
    let not_a_name = |n: &Option<String>| {
        n.as_deref()
            .is_some_and(|n| n.split_whitespace().any(crate::names::is_role))
    };
    if not_a_name(&m.chair) {
        m.chair = None;
    }
    if not_a_name(&m.secretary) {
        m.secretary = None;
    }
}

/// Meeting metadata from the document's lines in reading order (`head` = lines before
/// the first item) and its items.
pub fn meeting(lines: &[String], head_len: usize, items: &[Item]) -> Meeting {
    let unbulleted: Vec<String> = lines
        .get(..head_len.min(lines.len()))
        .unwrap_or(lines)
        .iter()
        .map(|l| crate::view::unbulleted(l).to_string())
        .collect();
    let head = form_fields(&unbulleted);
    let head = head.as_slice();
    let mut m = Meeting::default();
    let title_idx = kind_and_title(head, &mut m);
    bodies(head, title_idx, &mut m);
    date_time_place(head, &mut m);
    head_officers(head, &mut m);
    m.adjusters = adjusters(head);
    // What the head does not say: the items that elect the officers, then role labels
    // anywhere (a front-page table, the signature block).
    let elected = crate::roles::from_elections(items);
    let labelled = crate::roles::from_labels(lines);
    m.chair = m.chair.or(elected.chair).or(labelled.chair);
    if m.chair.is_none() {
        m.chair = chair_from_items(items);
    }
    m.secretary = m.secretary.or(elected.secretary).or(labelled.secretary);
    m.chair = m.chair.map(crate::names::undoubled);
    m.secretary = m.secretary.map(crate::names::undoubled);
    if m.adjusters.is_empty() {
        let names = if elected.adjusters.is_empty() {
            labelled.adjusters
        } else {
            elected.adjusters
        };
        m.adjusters = names
            .into_iter()
            .map(|name| Adjuster { name, date: None })
            .collect();
    }
    // Minutes without numbered items open and close in their running text ("Mötet
    // förklarades öppnat 20:20." … "Mötet avslutades 21:30."): read it as one item.
    let whole;
    let items = if items.is_empty() {
        whole = [Item {
            text: lines.join("\n"),
            ..Item::default()
        }];
        &whole[..]
    } else {
        items
    };
    let (opened, closed) = crate::roles::opening_and_closing(items);
    if m.start_time.is_none() {
        m.start_time = opened;
    }
    if m.end_time.is_none() {
        m.end_time = closed;
    }
    m
}

/// The chair as the opening item names them: "Mötet öppnas – Ordförande, Joakim
/// Carlsson" or "Ingmar hälsade oss välkomna".
fn chair_from_items(items: &[Item]) -> Option<String> {
    let first = items.first()?;
    let has_role = first.presenters.iter().any(|p| crate::names::is_role(p));
    if has_role {
        if let Some(p) = first.presenters.iter().find(|p| !crate::names::is_role(p)) {
            return Some(p.clone());
        }
    }
    let opening = format!("{} {}", first.title, first.text).to_lowercase();
    if !(opening.contains("öppna") || opening.contains("välkom")) {
        return None;
    }
    for s in [first.text.as_str(), first.title.as_str()] {
        if let Some(c) = OPENS.captures(s.trim()) {
            let name = c.get(1)?.as_str();
            let first = name.split_whitespace().next().unwrap_or("");
            // "Mötets öppnande" is a heading, not "Mötets" opening the meeting.
            if !crate::names::is_role(first) && !crate::names::is_stop_word(first) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Justerare with their dates: "Justerat av: A 2025-12-03, B 2025-12-03",
/// "Justerade: Jari Mehtäläinen 250403 / Behcet Barsom 250404" (one per line),
/// "Justerare:\nSiw Lunader, Hallsbergs kommun" plus "Justerat den: 2024-10-01".
fn adjusters(head: &[String]) -> Vec<Adjuster> {
    let mut out: Vec<Adjuster> = Vec::new();
    let mut shared_date: Option<String> = None;
    let mut i = 0;
    while i < head.len() {
        let l = head.get(i).map(String::as_str).unwrap_or("").trim();
        if let Some(c) = ADJ_DATE.captures(l) {
            shared_date = c
                .get(2)
                .and_then(|r| find_date(r.as_str(), true))
                .map(|f| f.iso);
            i += 1;
            continue;
        }
        let Some(c) = ADJ
            .captures(l)
            .filter(|_| !crate::roles::in_role_run(head, i))
        else {
            i += 1;
            continue;
        };
        let rest = c.get(2).map_or("", |r| r.as_str()).trim().to_string();
        let mut segs: Vec<String> = Vec::new();
        if rest.is_empty() {
            // The name on the next line, unless that is another field of the form.
            if let Some(next) = head.get(i + 1).filter(|n| label(n).is_none()) {
                segs.push(next.clone());
                i += 1;
            }
        } else {
            segs.push(rest);
            // Further "Name date" lines continue the list.
            while let Some(next) = head.get(i + 1) {
                let dated = find_date(next, true);
                let before = dated
                    .as_ref()
                    .map_or(next.as_str(), |f| next.get(..f.start).unwrap_or(""));
                if dated.is_some() && is_name_line(before.trim().trim_end_matches(',')) {
                    segs.push(next.clone());
                    i += 1;
                } else {
                    break;
                }
            }
        }
        for seg in segs {
            for piece in split_people_with_dates(&seg) {
                let date = find_date(&piece, true);
                let name_src = date
                    .as_ref()
                    .map_or(piece.as_str(), |f| piece.get(..f.start).unwrap_or(""));
                if let Some(name) = name_part(name_src) {
                    let repeats =
                        crate::roles::repeats_names(&name, out.iter().map(|a| a.name.as_str()));
                    if !repeats && !out.iter().any(|a| a.name == name) {
                        out.push(Adjuster {
                            name,
                            date: date.map(|f| f.iso),
                        });
                    }
                }
            }
        }
        i += 1;
    }
    if let Some(d) = shared_date {
        for a in &mut out {
            if a.date.is_none() {
                a.date = Some(d.clone());
            }
        }
    }
    out
}

/// "A 2025-12-03, B 2025-12-03" → ["A 2025-12-03", "B 2025-12-03"]; "Siw Lunader,
/// Hallsbergs kommun" stays one person (the organisation is not a name).
fn split_people_with_dates(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split([',', ';']).flat_map(|p| p.split(" och ")) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (people, _) = leading_people(part, true);
        if people.is_empty() || is_org(part) {
            continue;
        }
        out.push(part.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(lines: &[&str]) -> Meeting {
        let v: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        meeting(&v, v.len(), &[])
    }

    #[test]
    fn ocr_glued_dates_places_before_klockan_and_names_with_particles() {
        let x = m(&["Protokoll", "onsdagen 20 februari2013, Samlingssalen"]);
        assert_eq!(x.date.as_deref(), Some("2013-02-20"));
        let x = m(&["Plats och tid: Säfflesalen, Stadshuset, klockan"]);
        assert_eq!(x.location.as_deref(), Some("Säfflesalen, Stadshuset"));
        let x = m(&["Justerare: Margareta der Nederlanden, Gunnel Clettborn"]);
        assert_eq!(
            x.adjusters.first().map(|a| a.name.as_str()),
            Some("Margareta der Nederlanden")
        );
    }

    #[test]
    fn an_adjuster_label_over_another_field_names_nobody() {
        let x = m(&[
            "Justeringsperson Madelene Ekstrand",
            "Justerare",
            "Informationsklass: 0 - Öppen",
        ]);
        let names: Vec<&str> = x.adjusters.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Madelene Ekstrand"]);
    }

    #[test]
    fn form_fields_split_and_joined() {
        let v = |ls: &[&str]| ls.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            form_fields(&v(&["Tid: 12:15 Plats: Linköpings Universitet, ACAS"])),
            ["Tid: 12:15", "Plats: Linköpings Universitet, ACAS"]
        );
        assert_eq!(
            form_fields(&v(&[
                "Datum",
                "2023-07-25 kl 09.00",
                "Närvarande",
                "Plats",
                "Kilagårds Gröna"
            ])),
            [
                "Datum: 2023-07-25 kl 09.00",
                "Närvarande",
                "Plats: Kilagårds Gröna"
            ]
        );
        // A colon in running text is no field.
        assert_eq!(
            form_fields(&v(&["Mötet beslutade: Tid och plats bestäms senare"])),
            ["Mötet beslutade: Tid och plats bestäms senare"]
        );
        let x = m(&[
            "Datum",
            "2023-07-25 kl 09.00",
            "Plats",
            "Kilagårds Gröna, Vesslunda",
        ]);
        assert_eq!(x.date.as_deref(), Some("2023-07-25"));
        assert_eq!(x.location.as_deref(), Some("Kilagårds Gröna, Vesslunda"));
        assert_eq!(x.digital, Some(false));
        let x = m(&["Mötesprotokoll för föreningen Museum, 21 okt", "2025"]);
        assert_eq!(x.date.as_deref(), Some("2025-10-21"));
    }

    #[test]
    fn a_place_after_the_date_on_its_line() {
        let p = |l: &str| place_after_date(l);
        assert_eq!(p("3 maj 2018, Lokalen").as_deref(), Some("Lokalen"));
        assert_eq!(
            p("Styrelsemöte 2017-02-26 Mångbyskolan").as_deref(),
            Some("Mångbyskolan")
        );
        assert_eq!(
            p("Smålands stövarklubbs styrelsemöte 2018-01-15. Kl. 1900, Vrigstad värdshus")
                .as_deref(),
            Some("Vrigstad värdshus")
        );
        assert_eq!(
            p("onsdagen 20 februari 2013, Samlingssalen Cervins väg 15, klockan 19.00").as_deref(),
            Some("Samlingssalen Cervins väg 15")
        );
        // What the document is called, a meeting, a list heading: no place.
        assert_eq!(p("Dagordning 2025-05-22 Anteckningar"), None);
        assert_eq!(p("Protokoll 2019-03-12 Styrelsemöte"), None);
        assert_eq!(p("2019-03-12 Närvarande: Anna Ek"), None);
        assert_eq!(p("Protokoll 2019-03-12"), None);
    }

    #[test]
    fn a_place_said_in_a_phrase_of_the_head() {
        assert_eq!(
            place_in("Protokoll fört vid föreningens årsmöte i Tennisparken söndag den 23 juni")
                .as_deref(),
            Some("Tennisparken")
        );
        assert_eq!(
            place_in("Den 4 augusti 2024, i Matteröds församlingshem").as_deref(),
            Some("Matteröds församlingshem")
        );
        assert_eq!(place_in("Mötet i korthet"), None);
        assert_eq!(place_in("Styrelsen i Föreningen X, protokoll"), None);
        // A phrase that names the organisation is passed over for the venue.
        assert_eq!(
            place_in("fört vid föreningsstämma i HSBs Bostadsrättsförening Magelungen den 23 april 2019 i Högdalskyrkan")
                .as_deref(),
            Some("Högdalskyrkan")
        );
        // A wrapped phrase stops at the next line's label.
        assert_eq!(
            place_in("Styrelsemöte 8.9.2016 kl. 17.00 i Sandels matsal Närvarande: Eva Ek")
                .as_deref(),
            Some("Sandels matsal")
        );
        // "på" as well as "i"; a "kl" whose time was left blank; the phrase wraps only
        // before the place begins, and a preposition the cut leaves last goes.
        assert_eq!(
            place_in("årsmöte lördagen den 26 maj\n2018 på Kista hembygdsgård\nMedan vi")
                .as_deref(),
            Some("Kista hembygdsgård")
        );
        assert_eq!(
            place_in("styrelsemöte torsdagen den 26 februari 2015 kl i\nUppgården").as_deref(),
            Some("Uppgården")
        );
        assert_eq!(
            place_in("kl. 17.00 - 18.00 på Nya Wermlands-Tidningens lokaler i Karlstad.")
                .as_deref(),
            Some("Nya Wermlands-Tidningens lokaler")
        );
        assert_eq!(
            place_in("VU-sammanträde\nPå Stocklycke vandrarhem, Omberg").as_deref(),
            Some("Stocklycke vandrarhem")
        );
        assert_eq!(
            place_in("Årsmöte i Älvdalens folkets hus").as_deref(),
            Some("Älvdalens folkets hus")
        );
        // A place label's value without a remark after a comma; an address stays.
        assert_eq!(
            place_value("Gyllenbergssalen, i samband med föräldramötet"),
            "Gyllenbergssalen"
        );
        assert_eq!(
            place_value("Lokal Eken, Eklundavägen 1."),
            "Lokal Eken, Eklundavägen 1"
        );
    }

    #[test]
    fn protocol_head() {
        let x = m(&[
            "Protokoll",
            "Kommunstyrelsen",
            "2024-09-20, kl. 09.00-12.00. Lokal Eken, Eklundavägen 1",
            "Justerat den: 2024-10-01",
            "Ordförande:",
            "Anna Berg, Ale kommun",
            "Justerare:",
            "Siw Lunader, Hallsbergs kommun",
        ]);
        assert_eq!(x.kind.as_deref(), Some("protokoll"));
        assert_eq!(x.date.as_deref(), Some("2024-09-20"));
        assert_eq!(
            (x.start_time.as_deref(), x.end_time.as_deref()),
            (Some("09:00"), Some("12:00"))
        );
        assert_eq!(x.location.as_deref(), Some("Lokal Eken, Eklundavägen 1"));
        assert_eq!(x.digital, Some(false));
        assert_eq!(x.chair.as_deref(), Some("Anna Berg"));
        assert_eq!(
            x.adjusters,
            vec![Adjuster {
                name: "Siw Lunader".into(),
                date: Some("2024-10-01".into())
            }]
        );
        assert_eq!(x.bodies, ["Kommunstyrelsen"]);
    }

    #[test]
    fn an_agenda_by_its_other_name() {
        assert_eq!(
            kind_word("Föredragningslista,").as_deref(),
            Some("dagordning")
        );
        assert_eq!(
            kind_word("Sammanträdesprotokoll").as_deref(),
            Some("protokoll")
        );
        let x = m(&["Föredragningslista, Kodkollektivet Uppstartsmöte 2017-02-14"]);
        assert_eq!(x.kind.as_deref(), Some("dagordning"));
        // Minutes that list their agenda stay minutes.
        let y = m(&["Protokoll styrelsemöte 2017-02-14", "Föredragningslista"]);
        assert_eq!(y.kind.as_deref(), Some("protokoll"));
    }

    #[test]
    fn a_head_line_that_says_the_meeting_met_digitally() {
        let x = m(&[
            "Protokoll fört vid styrelsemöte 2022-06-27",
            "Via Teams.",
            "Närvarande: Anna Ek",
        ]);
        assert_eq!(x.digital, Some(true));
        let w = m(&[
            "Brf Bronsyxan, 716406-9671",
            "Digital föreningsstämma via Percap och Microsoft Teams samt poströstning",
            "7 juni 2021",
        ]);
        assert_eq!(w.digital, Some(true));
        let y = m(&[
            "Protokoll 2024-06-19",
            "Plats och tid: Stadshuset 2024-06-19",
            "Justeringens plats och tid: Digitalt 2024-06-20",
        ]);
        assert_eq!(y.digital, Some(false));
        // A meeting held by telephone met at a distance.
        let z = m(&[
            "Protokoll fört vid sammanträde med styrelsen",
            "Plats och datum: Telefonmöte, tisdagen den 11 augusti 2009",
        ]);
        assert_eq!(z.location.as_deref(), Some("Telefonmöte"));
        assert_eq!(z.digital, Some(true));
    }

    #[test]
    fn a_compact_date_before_the_time() {
        let x = m(&[
            "Protokoll Årsstämman 2023 Vägföreningen",
            "Plats, Lainio kapell 230501 kl 14.00",
        ]);
        assert_eq!(x.date.as_deref(), Some("2023-05-01"));
        let y = m(&["Protokoll", "Kassan har 230501 kronor enligt rapporten"]);
        assert_eq!(y.date, None);
    }

    #[test]
    fn a_title_over_its_lines_dates_an_old_meeting() {
        let x = m(&[
            "Protokoll, hållet vid Kommunal-",
            "Nämndens i Fors Socken",
            "sammanträde i Sockenstugan",
            "den 1 Augusti 1876.",
            "§1.",
        ]);
        assert_eq!(
            x.title.as_deref(),
            Some("Protokoll, hållet vid Kommunal-Nämndens i Fors Socken sammanträde i Sockenstugan den 1 Augusti 1876.")
        );
        assert_eq!(x.date.as_deref(), Some("1876-08-01"));
        // A finished title line does not take the next one.
        let y = m(&["Protokoll styrelsemöte", "Närvarande: Anna Berg"]);
        assert_eq!(y.title.as_deref(), Some("Protokoll styrelsemöte"));
    }

    #[test]
    fn a_day_and_month_under_a_title_with_the_year() {
        let x = m(&[
            "ÅRSMÖTESPROTOKOLL 2015",
            "Tid: 7 mars kl 10.00 – 12.35",
            "Plats: Folkets Hus",
        ]);
        assert_eq!(x.date.as_deref(), Some("2015-03-07"));
        // Unlabelled, after a weekday or "den"; a place label's value ends at it.
        let y = m(&[
            "Protokoll fört vid kongress i Borås april 2012",
            "Plats: Folkets Hus i Borås",
            "Lördagen den 21 april",
        ]);
        assert_eq!(y.date.as_deref(), Some("2012-04-21"));
        let z = m(&[
            "Protokoll fört vid styrelsemöte 2015",
            "Plats och datum: Jönköping, Scandic hotell söndagen den 20 september kl. 08.00.",
        ]);
        assert_eq!(z.date.as_deref(), Some("2015-09-20"));
        assert_eq!(z.location.as_deref(), Some("Jönköping, Scandic hotell"));
        // A bare day and month in running text dates nothing.
        let w = m(&["Protokoll 2015", "Vi ses 21 april igen."]);
        assert_eq!(w.date, None);
    }

    #[test]
    fn minutes_without_numbered_items_open_and_close_in_their_text() {
        let x = m(&[
            "Styrelsemöte - Föreningen",
            "Datum: 2013-01-21",
            "Mötets öppnande",
            "Mötet förklarades öppnat 20:20.",
            "Ekonomi",
            "Kassören redogjorde.",
            "Mötets avslutande",
            "Mötet avslutades 21:30.",
        ]);
        assert_eq!(x.start_time.as_deref(), Some("20:20"));
        assert_eq!(x.end_time.as_deref(), Some("21:30"));
    }

    #[test]
    fn a_date_wrapped_over_the_line_end() {
        let x = m(&[
            "Protokoll fört vid årsmöte med föreningen måndagen den 18 april",
            "2005, kl 18.30 - 21.15 i Idrottens Hus i Karlstad.",
            "Närvarande cirka 40 medlemmar.",
        ]);
        assert_eq!(x.date.as_deref(), Some("2005-04-18"));
        assert_eq!(x.start_time.as_deref(), Some("18:30"));
        assert_eq!(x.end_time.as_deref(), Some("21:15"));
    }

    #[test]
    fn a_compact_date_on_the_first_line_dates_the_document() {
        let x = m(&[
            "Styrelsemöte 220320",
            "Protokoll fört vid styrelsemöte med Föreningen söndagen den 20 mars kl 16.00",
            "Genomgång av föregående protokoll, 2022-01-16 som godkänns.",
        ]);
        assert_eq!(x.date.as_deref(), Some("2022-03-20"));
        // Six digits in a longer line are no date.
        let y = m(&[
            "Protokoll",
            "Vi har 220320 kronor i kassan och 2022-01-16 var mötet.",
        ]);
        assert_eq!(y.date.as_deref(), Some("2022-01-16"));
    }

    #[test]
    fn notes_head_with_labels_and_compact_dates() {
        let x = m(&[
            "Sekreterare",
            "Maria Lindborg",
            "Justerade: Jari Mehtäläinen 250403",
            "Behcet Barsom 250404",
            "Minnesanteckningar",
            "- specifika samverkansrådet för folkhälsa",
            "Tid: Fredag 21 mars 2025 kl 9-12",
            "Plats: Digitalt möte på Teams",
            "Behcet Barsom",
            "Ordförande specifika samverkansrådet för folkhälsa",
        ]);
        assert_eq!(x.kind.as_deref(), Some("minnesanteckningar"));
        assert_eq!(x.date.as_deref(), Some("2025-03-21"));
        assert_eq!(x.digital, Some(true));
        let y = m(&[
            "Protokoll",
            "Sammanträdestid: 30.1.2023 kl. 16:15",
            "Sammanträdesplats: Stadshuset, Topeliusesplanaden 7 och som e-möte",
        ]);
        assert_eq!(
            y.location.as_deref(),
            Some("Stadshuset, Topeliusesplanaden 7 och som e-möte")
        );
        assert_eq!(y.digital, Some(true));
        assert_eq!(x.secretary.as_deref(), Some("Maria Lindborg"));
        assert_eq!(x.chair.as_deref(), Some("Behcet Barsom"));
        assert_eq!(x.adjusters.len(), 2);
        assert_eq!(x.adjusters[1].date.as_deref(), Some("2025-04-04"));
        assert_eq!(x.bodies, ["Specifika samverkansrådet för folkhälsa"]);
    }

    #[test]
    fn the_opening_heading_names_no_chair() {
        let it = |title: &str, text: &str| protokoll_model::Item {
            title: title.into(),
            text: text.into(),
            ..Default::default()
        };
        let items = [it("Mötets öppnade", "Ordförande förklarade mötet öppnat.")];
        assert_eq!(chair_from_items(&items), None);
        let items = [it("Mötets öppnande", "Ingmar Berg hälsade oss välkomna.")];
        assert_eq!(chair_from_items(&items).as_deref(), Some("Ingmar Berg"));
        let items = [it("", "Ordförande Rolf Adamsson hälsade alla välkomna.")];
        assert_eq!(chair_from_items(&items).as_deref(), Some("Rolf Adamsson"));
    }

    #[test]
    fn a_place_on_the_line_under_the_date() {
        let x = m(&[
            "Protokoll Årsstämma Brf Bronsyxan 23 april 2024",
            "Gunnesboskolans matsal",
        ]);
        assert_eq!(x.location.as_deref(), Some("Gunnesboskolans matsal"));
        assert_eq!(x.digital, Some(false));
        let x = m(&["Protokoll", "2025-03-10", "Plats Västerlanda Bygdegård"]);
        assert_eq!(x.location.as_deref(), Some("Västerlanda Bygdegård"));
        // Not a list heading, an organisation, what names the meeting, a clause or a
        // telephone number.
        for under in [
            "Närvarande Margareta Johansson",
            "Medelpads Hembygdsförbund",
            "SPF Seniorerna, Skogsliljan",
            "Styrelsemöte med Falkens scoutkår",
            "Det alltid delikata kaffebordet",
            "Tel +46 8 787 00 00",
        ] {
            let x = m(&["Protokoll 2024-04-23", under]);
            assert_eq!(x.location, None, "{under}");
        }
    }
}
