//! Attendance lists: a heading ("Ledamöter:", "Ersättare:", "Tjänstepersoner:", …)
//! over entries "Name, Organisation[, role]", with presence from ✓ marks, strike-through
//! or words ("meddelat förhinder"), and substitutions ("ersätts av …").

use crate::names::{is_name_word, is_org};
use crate::words::WORDS;
use protokoll_model::record::Group;
use protokoll_model::text::lowercase;
use protokoll_model::{Attendance, Word};
use regex::Regex;
use std::sync::LazyLock;

/// What a list heading of `data/attendance.tsv` says.
#[derive(Debug, Clone, Copy)]
struct Heading {
    /// The group its entries belong to.
    group: Group,
    /// It names members by office ("Ledamöter"), not by presence ("Närvarande").
    office: bool,
    /// It heads a list only with its colon right after it ("Ordinarie:"; alone, a
    /// table's column header).
    colon: bool,
    /// It lists the absent ("Frånvarande", "Saknas:").
    absent: bool,
    /// Its entries with a party are the body's substitutes ("Ej beslutande": politicians
    /// there without a vote; officials beside them stay as they are).
    partisan: bool,
}
/// The headings of `data/attendance.tsv`, longest first.
static HEADINGS: LazyLock<Vec<(String, Heading)>> = LazyLock::new(|| {
    crate::sections::phrase_table(include_str!("../data/attendance.tsv"), |kind| {
        let (group, flags) = kind.split_once('\t').unwrap_or((kind, ""));
        let flag = |f: &str| flags.split_whitespace().any(|x| x == f);
        let group = match group.trim() {
            "ledamot" => Group::Member,
            "ersättare" => Group::Substitute,
            "tjänsteperson" => Group::Official,
            "deltagare" => Group::Participant,
            "ordförande" => Group::Chair,
            "justerare" => Group::Adjuster,
            "sekreterare" => Group::Secretary,
            _ => return None,
        };
        Some(Heading {
            group,
            office: flag("office"),
            colon: flag("colon"),
            absent: flag("absent"),
            partisan: flag("partisan"),
        })
    })
});
/// The officers' roles among the groups: their headings head a list only with a colon.
fn is_role_group(g: Group) -> bool {
    matches!(g, Group::Chair | Group::Adjuster | Group::Secretary)
}
/// A list heading at the start of a line. What follows it (after a colon) is read
/// without the regex: a capture group running to the end would cost a slower engine
/// on every heading line.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    let heads: Vec<String> = HEADINGS.iter().map(|(h, _)| regex::escape(h)).collect();
    Regex::new(&format!(r"(?i)^(?:{})", heads.join("|"))).expect("regex")
});
/// The first words of the headings: a line opening with none of them is no heading.
struct FirstWords {
    /// Of the list headings: an OCR-damaged heading alone on its line is matched
    /// against these.
    lists: Vec<String>,
    /// Of the officers' headings ("vice ordförande").
    roles: Vec<String>,
    /// The letters they open with, either case, and what OCR damage makes of a/o/e.
    letters: Vec<char>,
}
static FIRST_WORDS: LazyLock<FirstWords> = LazyLock::new(|| {
    let firsts = |role: bool| {
        let mut v: Vec<String> = HEADINGS
            .iter()
            .filter(|(_, h)| is_role_group(h.group) == role)
            .filter_map(|(h, _)| h.split(' ').next().map(str::to_string))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (lists, roles) = (firsts(false), firsts(true));
    let mut letters: Vec<char> = Vec::new();
    for w in lists.iter().chain(&roles) {
        if let Some(c) = w.chars().next() {
            letters.extend(c.to_uppercase().chain(c.to_lowercase()));
            letters.extend(
                match skeleton(&c.to_string()).as_str() {
                    "a" => "AaÅåÄä",
                    "o" => "OoÖö",
                    _ => "",
                }
                .chars(),
            );
        }
    }
    letters.sort_unstable();
    letters.dedup();
    FirstWords {
        lists,
        roles,
        letters,
    }
});

static REPLACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(?(?-u:\b)(?:ersätts av|ersatt av|ersattes av|ersatts av)\s+([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)*)\)?").expect("regex")
});
/// "ersätter Bo Ek": who this person stands in for.
static REPLACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:ersätter|ers\.|ersättare för)\s+([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)*)(?:\s*\([\p{L}]{1,3}\))?")
        .expect("regex")
});
/// "(i Paul Anderssons frånvaro)".
static IN_ABSENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(?i\s+([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)*?)s\s+frånvaro\)?")
        .expect("regex")
});
/// "§§ 11-14", "§ 12", "§§ 3, 5-7": the paragraphs a person took part in.
static SECTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"§§?\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|och)\s*\d+(?:\s*[-–]\s*\d+)?)*")
        .expect("regex")
});
static ABSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(?(?-u:\b)(meddelat förhinder|förhinder|frånvarande|ej närvarande|anmält förhinder)(?-u:\b)\)?",
    )
    .expect("regex")
});
static PRESENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\(?(?-u:\b)(närvarande|deltog)(?-u:\b)\)?").expect("regex"));

const MARKS: &[char] = &['✓', '✔', '☑', '√', '✅'];

/// A term of office: "2020-2021", "2021–2023", "2 år", "1år".
const TERM_FORMS: &str = r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|\d{1,2}\s*år";
/// A term of office after a name, alone ("Niklas Alm 2020-2021", "… 2 år.").
static TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{TERM_FORMS})\.?$")).expect("regex"));
/// A term of office anywhere in a list written on one line ("Ordinarie ledamöter: A,
/// B 1år, C 2år."): the list is an election's result.
static TERM_IN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[\s,])(?:{TERM_FORMS})(?:$|[\s,.;])")).expect("regex")
});

/// The group a section heading opens, and any entry on the heading's own line.
pub fn section_of(line: &str) -> Option<(Group, String)> {
    heading_of(line).map(|(h, rest)| (h.group, rest))
}

/// The line opens with a list heading set as a heading, not as a sentence that lists
/// the names after a verb ("Närvarande ledamöter är Anna Ek, …": part of the text
/// around it; "Närvarande ledamöter voro:" is a heading).
pub fn heading_line(line: &str) -> bool {
    if section_of(line).is_none() {
        return false;
    }
    let trimmed = line.trim();
    let after = heading_span(trimmed)
        .and_then(|(_, end)| trimmed.get(end..))
        .unwrap_or("");
    copula(after.trim_start()).is_none_or(|names| names.trim().is_empty())
}

/// What follows a list copula opening `after` ("är Anna Ek, …": "Anna Ek, …").
fn copula(after: &str) -> Option<&str> {
    after
        .split_whitespace()
        .next()
        .filter(|w| WORDS.list_copulas.contains(w))
        .and_then(|w| after.get(w.len()..))
}

/// The line is a heading that names members by office ("Ordinarie ledamöter:"): under
/// an election it lists the elected, not who was there.
pub fn office_heading(line: &str) -> bool {
    heading_of(line).is_some_and(|(h, _)| h.office)
}

/// The line opens with a list heading's words ("Närvarande", "Ledamöter"), with or
/// without what makes it one.
pub fn opens_with_list_heading(line: &str) -> bool {
    SECTION.is_match(line.trim_start())
}

/// The list heading opening `line`, and any entry on the heading's own line.
fn heading_of(line: &str) -> Option<(Heading, String)> {
    let words = &*FIRST_WORDS;
    // "Direktionens ledamöter": a genitive first, whatever letter it opens with.
    if let Some(h) = line
        .split_whitespace()
        .next()
        .and_then(|first| genitive_heading(line, first))
    {
        return Some(h);
    }
    // Headings are short words opening with one of a few letters: most lines stop here
    // (this runs on every line), at their first character.
    let opens = line
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| words.letters.binary_search(&c).is_ok());
    if !opens {
        return None;
    }
    let first = line.split_whitespace().next()?;
    if first.len() > 24 {
        return None;
    }
    // A comma after the first word is a heading's only before a short qualifier and its
    // colon ("Närvarande, styrelsen: …"), not in a sentence ("Ordförande, kassören och
    // vice kassören enligt följande:").
    if first.ends_with(',') && qualified(line.trim_start().get(first.len() - 1..)?).is_none() {
        return None;
    }
    let first = first.trim_end_matches([':', ';', ',']);
    // An ASCII word is compared without lowercasing it into a new string (its
    // lowercase is its ASCII lowercase); most lines open with no heading's word.
    // (The full test below decides the rest, as for any other word.)
    let known = |list: &[String]| crate::words::has_ascii_word(list, first);
    if first.is_ascii() && !known(&words.lists) && !known(&words.roles) {
        let alone = line.trim().ends_with(':') && line.split_whitespace().count() == 1;
        if !alone {
            return None;
        }
    }
    let first = first.to_lowercase();
    let mut repaired = None;
    if !words.lists.contains(&first) && !words.roles.contains(&first) {
        // An OCR-damaged heading alone on its line ("Ledam6oOter:").
        let alone = line.trim().ends_with(':') && line.split_whitespace().count() == 1;
        if !alone {
            return None;
        }
        let key = skeleton(&first);
        let known = words
            .lists
            .iter()
            .find(|h| key.len() >= 6 && skeleton(h) == key)?;
        repaired = Some(format!("{known}:"));
    }
    let line = repaired.as_deref().unwrap_or(line);
    let trimmed = line.trim();
    // A heading is one line ("." stops at a line break).
    if trimmed.contains('\n') {
        return None;
    }
    let (heading, end) = heading_span(trimmed)?;
    let after = trimmed.get(end..).unwrap_or("").trim_start();
    // A semicolon for the colon ("Närvarande; Stig Wernersson, …"), or a qualifier
    // between the heading and its colon ("Närvarande, styrelsen: …").
    let scope = scoped(after);
    let after = after
        .strip_prefix(';')
        .map(|a| a.trim_start())
        .or_else(|| qualified(after))
        .or(scope.map(|(_, names)| names))
        .unwrap_or(after);
    // "Närvarande ur styrelsen:": those there of the board are its members.
    let mut heading = heading;
    let board = |of: &str| {
        let of = lowercase(of);
        crate::words::WORDS
            .board_words
            .iter()
            .any(|w| of.contains(w))
    };
    if scope.is_some_and(|(of, _)| board(of)) && heading.group == Group::Participant {
        heading.group = Group::Member;
    }
    let colon_for = after.len() < trimmed.get(end..).unwrap_or("").trim_start().len();
    // A verb in the colon's place: "Närvarande ledamöter är Anna Ek, …", "… voro:".
    let copula = copula(after);
    let after = copula.map_or(after, str::trim_start);
    let rest = after.strip_prefix(':').unwrap_or(after).trim().to_string();
    let has_colon = line.contains(':') || copula.is_some() || colon_for;
    // "Ordförande hälsar välkommen" is a sentence, not a heading: a heading either ends
    // the line or has a colon.
    if !has_colon && !rest.is_empty() {
        return None;
    }
    // A role label without a colon ("Sekreterare" over a name in a letterhead) names
    // one person, not a list.
    // (A semicolon or a qualifier makes no role label a list.)
    if is_role_group(heading.group) && (!has_colon || colon_for) {
        return None;
    }
    // Nor does a role whose colon ends a longer label ("Ordförande Anna Bergs förslag:"
    // heads a proposal): its colon, or a list verb, follows the role word.
    if is_role_group(heading.group) && copula.is_none() && !after.starts_with(':') {
        return None;
    }
    // A heading that needs its colon needs it right after it ("Ordinarie:", not
    // "Ordinarie revisors arvode: …").
    if heading.colon && !after.starts_with(':') {
        return None;
    }
    Some((heading, rest))
}

/// The scope and what follows its colon, for a heading scoped by a preposition
/// ("Närvarande ur styrelsen: Anna Ek, …", "Frånvarande från kansliet:"): the
/// preposition (`[scope prepositions]`) and at most [`SCOPE_WORDS`] words.
fn scoped(after: &str) -> Option<(&str, &str)> {
    let (scope, names) = after.split_once(':')?;
    let mut words = scope.split_whitespace();
    let prep = words.next()?;
    let n = words.count();
    let known = crate::words::WORDS
        .scope_prepositions
        .contains(&lowercase(prep).as_ref());
    (known && (1..=SCOPE_WORDS).contains(&n)).then(|| (scope, names.trim_start()))
}

/// The most words after the preposition of a heading's scope ("ur styrelsen").
const SCOPE_WORDS: usize = 2;

/// What follows a short qualifier and its colon after a heading's comma (", styrelsen:
/// Anna Ek, …": "Anna Ek, …").
fn qualified(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(',')?;
    let (qualifier, names) = rest.split_once(':')?;
    let words = qualifier.split_whitespace().count();
    (1..=QUALIFIER_WORDS)
        .contains(&words)
        .then(|| names.trim_start())
}

/// Most words of a qualifier between a list heading and its colon ("enligt följande" is
/// no qualifier).
const QUALIFIER_WORDS: usize = 1;

/// The list heading opening `trimmed` and where it ends. A presence word before a
/// heading of its own takes that heading's group ("Frånvarande styrelseledamöter":
/// members, absent; "Närvarande adjungerade").
fn heading_span(trimmed: &str) -> Option<(Heading, usize)> {
    let of = |head: &str| {
        let head = head.to_lowercase();
        HEADINGS.iter().find(|(h, _)| *h == head).map_or(
            Heading {
                group: Group::Participant,
                office: false,
                colon: false,
                absent: false,
                partisan: false,
            },
            |(_, h)| *h,
        )
    };
    let m = SECTION.find(trimmed)?;
    let heading = of(m.as_str());
    let after = trimmed.get(m.end()..).unwrap_or("");
    let then = after.trim_start();
    let gap = after.len() - then.len();
    let second = (gap > 0 && listed_presence(m.as_str()).is_some())
        .then(|| SECTION.find(then))
        .flatten()
        .filter(|n| {
            then.get(n.end()..)
                .is_none_or(|t| !t.starts_with(char::is_alphanumeric))
        });
    Some(match second {
        Some(n) if of(n.as_str()).group != Group::Participant => {
            let group = of(n.as_str()).group;
            (
                Heading {
                    group,
                    office: false,
                    colon: false,
                    absent: false,
                    partisan: false,
                },
                m.end() + gap + n.end(),
            )
        }
        _ => (heading, m.end()),
    })
}

/// A heading after the body's genitive ("Direktionens ledamöter", "Styrelsens
/// ersättare:"), alone on its line; officers' labels excepted ("Kommunstyrelsens
/// ordförande" names one person).
fn genitive_heading(line: &str, first: &str) -> Option<(Heading, String)> {
    let genitive = first.len() > 4 && first.ends_with('s') && first.starts_with(char::is_uppercase);
    if !genitive
        || line
            .split_whitespace()
            .nth(GENITIVE_HEADING_WORDS)
            .is_some()
    {
        return None;
    }
    let tail = line.trim_start().get(first.len()..)?.trim_start();
    let (h, rest) = heading_of(tail)?;
    (rest.is_empty() && !is_role_group(h.group)).then_some((h, rest))
}

/// The most words of a heading after a genitive ("Direktionens tjänstgörande ersättare").
const GENITIVE_HEADING_WORDS: usize = 4;

/// A list heading with a presence column's header beside it ("Ledamöter Närvarande"):
/// the heading alone.
fn presence_column_heading(t: &str) -> Option<&str> {
    let (head, col) = t.trim_end().rsplit_once(char::is_whitespace)?;
    let col = col.trim_end_matches(':').to_lowercase();
    if !WORDS.presence_columns.contains(&col.as_str()) {
        return None;
    }
    section_of(head)
        .filter(|(_, rest)| rest.is_empty())
        .map(|_| head)
}

/// A row's presence mark after the name ("Ida Burlin X", "Jörgen Qwist X, § 44-57"):
/// the row without it.
fn column_mark(t: &str) -> Option<String> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let at = words.iter().position(|w| {
        let w = lowercase(w.trim_end_matches(','));
        WORDS.presence_column_marks.contains(&w.as_ref())
    })?;
    // The name comes first.
    if at < 2 {
        return None;
    }
    let comma = words.get(at).is_some_and(|w| w.ends_with(','));
    let mut out = words.get(..at)?.join(" ");
    if comma {
        out.push(',');
    }
    for w in words.get(at + 1..).unwrap_or(&[]) {
        out.push(' ');
        out.push_str(w);
    }
    Some(out)
}

/// A word reduced to what OCR damage leaves of it: lowercase ASCII letters without
/// doubled letters, with 6 and 0 read as o ("Ledam6oOter" and "ledamöter" → "ledamoter").
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.to_lowercase().chars() {
        let c = match protokoll_model::text::deaccent_char(c) {
            '6' | '0' => 'o',
            c if c.is_ascii_lowercase() => c,
            _ => continue,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Presence marks a legend defines ("Y = deltog", "X = närvarande"; "ee = meddelat
/// förhinder" marks absence): (mark, present).
fn legend_marks(line: &str) -> Option<(String, bool)> {
    let (mark, meaning) = line.split_once('=')?;
    let mark = mark.trim();
    if mark.is_empty() || mark.chars().count() > 4 || mark.contains(char::is_whitespace) {
        return None;
    }
    let m = meaning.to_lowercase();
    if m.contains("förhinder") || m.contains("frånvar") {
        Some((mark.to_string(), false))
    } else if m.contains("deltog") || m.contains("närvar") {
        Some((mark.to_string(), true))
    } else {
        None
    }
}

/// A legend such as "✓ = deltog" or "Xxxx = meddelat förhinder".
pub fn is_legend(line: &str) -> bool {
    if !line.contains('=') {
        return false;
    }
    let l = line.to_lowercase();
    l.contains('=')
        && (line.contains(MARKS)
            || l.contains("deltog")
            || l.contains("förhinder")
            || l.contains("närvar")
            || l.contains("frånvar"))
}

/// An entry's text without its presence marks, and the presence they say: a mark
/// the document's legend defines, a check mark, or a struck-through name.
fn marked(raw: &str, words: &[Word], marks: &[(String, bool)]) -> (String, Option<bool>) {
    let mut text = crate::view::unmarked(raw).trim_end().to_string();
    let mut present: Option<bool> = None;
    // A mark the document's legend defines, before a capitalised name.
    for (mark, p) in marks {
        let rest = text
            .strip_prefix(mark.as_str())
            .and_then(|r| r.strip_prefix(' '));
        if let Some(rest) = rest.filter(|r| r.starts_with(char::is_uppercase)) {
            present = Some(*p);
            text = rest.trim().to_string();
            break;
        }
    }
    // A checkbox: "[X] Haverinen Emilia" was there, "[ ] Liljeqvist Ella" was not.
    for (box_, p) in [("[X]", true), ("[x]", true), ("[ ]", false), ("[]", false)] {
        if let Some(rest) = text.strip_prefix(box_) {
            present = Some(p);
            text = rest.trim().to_string();
            break;
        }
    }
    // A check mark; OCR often reads it as "/" or "7".
    let ocr_mark = (text.starts_with("/ ") || text.starts_with("7 "))
        && text.chars().nth(2).is_some_and(char::is_uppercase);
    if text.starts_with(MARKS) || ocr_mark {
        present = Some(true);
        text = text
            .trim_start_matches(MARKS)
            .trim_start_matches(['/', '7'])
            .trim()
            .to_string();
    }
    let letters: Vec<&Word> = words
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .collect();
    if !letters.is_empty() && letters.iter().all(|w| w.struck) {
        present = Some(false);
    }
    (text, present)
}

/// What an entry's clauses say beside the name, taken out of its text.
struct Clauses {
    /// "ersätter X", "i X:s frånvaro": whom this person stands in for.
    replaces: Option<String>,
    /// "§§ 11-14": the items this person attended.
    sections: Option<String>,
    /// Who stood in for this person.
    replaced_by: Option<String>,
}

/// Takes the replacement, sections and presence clauses out of `text`; an absence or
/// presence word sets `present`.
fn clauses(text: &mut String, present: &mut Option<bool>) -> Clauses {
    let mut replaces = None;
    for re in [&*REPLACES, &*IN_ABSENCE] {
        if let Some(c) = re.captures(text) {
            replaces = c.get(1).map(|m| m.as_str().to_string());
            if let Some(all) = c.get(0) {
                text.replace_range(all.range(), "");
            }
            break;
        }
    }
    let mut sections = None;
    if let Some(m) = SECTIONS.find(text) {
        sections = Some(m.as_str().trim().to_string());
        text.replace_range(m.range(), "");
    }
    let mut replaced_by = None;
    if let Some(c) = REPLACED.captures(text) {
        replaced_by = c.get(1).map(|m| m.as_str().to_string());
        if let Some(all) = c.get(0) {
            text.replace_range(all.range(), "");
        }
    }
    if let Some(m) = ABSENT.find(text) {
        *present = Some(false);
        text.replace_range(m.range(), "");
    } else if let Some(m) = PRESENT.find(text) {
        *present = present.or(Some(true));
        text.replace_range(m.range(), "");
    }
    Clauses {
        replaces,
        sections,
        replaced_by,
    }
}

/// An entry's comma parts: the name, then organisation and role parts. "Sandberg,
/// Henrik": a surname, its comma and a given name are one name, as written
/// (Finland-Swedish and register lists write names so).
fn comma_parts(text: &str) -> Vec<String> {
    let parts: Vec<String> = text
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [surname, given] if surname_first(surname, given) => vec![format!("{surname}, {given}")],
        _ => parts,
    }
}

/// A surname and a given name written "Surname, Given": one name word each (a
/// hyphenated one too), neither an organisation nor a role. (A name of one word and a
/// one-word organisation after its comma is the rarer reading.)
fn surname_first(surname: &str, given: &str) -> bool {
    let one =
        |w: &str| !w.contains(' ') && is_name_word(w) && !is_org(w) && !crate::names::is_role(w);
    one(surname) && one(given)
}

/// The name part of an entry without its party, and the party: in parentheses
/// ("Karin Holm (S)") or a known abbreviation after the name ("Lina Jörnkrans S").
fn without_party(first: &str) -> (String, Option<String>) {
    // A party in parentheses after the name: "Karin Holm (S)".
    let mut party: Option<String> = None;
    let mut first_clean: Vec<&str> = Vec::new();
    for w in first.split_whitespace() {
        let inner = w.trim_start_matches('(').trim_end_matches(')');
        let bracketed = crate::names::bracketed(w);
        if bracketed
            && (1..=3).contains(&inner.chars().count())
            && inner.chars().all(char::is_alphabetic)
            && (inner.chars().all(char::is_uppercase) || inner.chars().all(char::is_lowercase))
        {
            party = Some(inner.to_uppercase());
        } else if party.is_none() && first_clean.len() >= 2 && WORDS.parties.contains(&w) {
            // "Lina Jörnkrans S": a party abbreviation after the name, unbracketed.
            party = Some(w.to_string());
        } else {
            first_clean.push(w);
        }
    }
    (first_clean.join(" "), party)
}

/// The comma parts after the name: the organisation (unless the name line gave one)
/// and the role text.
fn after_name(parts: Vec<String>, org: &mut Option<String>, role_parts: &mut Vec<String>) {
    // After the name: the organisation is the last organisation-like part (or the one
    // capitalised part, "Hällefors"); the rest is role text ("områdeschef …").
    let org_at = parts.iter().rposition(|p| is_org(p)).or_else(|| {
        let caps: Vec<usize> = (0..parts.len())
            .filter(|&i| {
                parts
                    .get(i)
                    .is_some_and(|p| p.chars().next().is_some_and(char::is_uppercase))
            })
            .collect();
        (caps.len() == 1).then(|| caps.first().copied()).flatten()
    });
    for (i, p) in parts.into_iter().enumerate() {
        if Some(i) == org_at && org.is_none() {
            // "Staben hållbar utveckling Region Örebro län": the region splits off.
            let lw: Vec<&str> = p.split_whitespace().collect();
            match lw.iter().position(|w| *w == "Region").filter(|&k| k > 0) {
                Some(k) => {
                    role_parts.push(lw.get(..k).unwrap_or(&[]).join(" "));
                    *org = Some(lw.get(k..).unwrap_or(&[]).join(" "));
                }
                None => *org = Some(p),
            }
        } else {
            role_parts.push(p);
        }
    }
}

/// One entry from a line's text (cells joined by ", ") and its words (for marks such
/// as strike-through), or None when the line is not an entry.
fn entry(
    raw: &str,
    words: &[Word],
    group: Group,
    listed: Option<bool>,
    marks: &[(String, bool)],
) -> Option<Attendance> {
    let (mut text, mut present) = marked(raw, words, marks);
    let Clauses {
        replaces,
        sections,
        replaced_by,
    } = clauses(&mut text, &mut present);
    match listed {
        Some(false) => present = Some(false),
        Some(true) => present = present.or(Some(true)),
        None => {}
    }
    let text = text
        .trim()
        .trim_end_matches([',', '.', ';', '-', '–'])
        .trim()
        .to_string();
    if text.is_empty() || text.ends_with('.') && text.split_whitespace().count() > 6 {
        return None;
    }
    let words_n = text.split_whitespace().count();
    if words_n > 25 {
        return None;
    }
    let mut parts = comma_parts(&text);
    let first = parts.first().cloned().unwrap_or_default();
    // "Name - role"
    let (first, dash_role) = match first.split_once(" - ").or_else(|| first.split_once(" – ")) {
        Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
        None => (first, None),
    };
    let (first, party) = without_party(&first);
    let mut fw: Vec<&str> = first.split_whitespace().collect();
    let title = leading_title(&mut fw);
    let mut name_len = crate::names::name_len(&fw);
    // "August Eriksson ⟶ Ordförande": a tab stop after a person's name ends the name,
    // whatever the next column holds (a role may be capitalised like a name).
    if let Some(cut) = name_before_tab(words, &fw) {
        name_len = name_len.min(cut);
    }
    // One word alone is a heading or a label, not a person (but a vacant seat is kept).
    if name_len == 0 || (name_len == 1 && parts.len() == 1 && !first.eq_ignore_ascii_case("vakant"))
    {
        return None;
    }
    let mut name = fw.get(..name_len).unwrap_or(&[]).join(" ");
    let tail = fw.get(name_len..).unwrap_or(&[]).join(" ");
    // One capitalised word and lowercase words after it is a sentence ("Beslutas att
    // …", "Se bif. röstlängd"), not a person; one lowercase word may be a surname whose
    // capital OCR read as a letter "l" ("Niina linatti").
    if name_len == 1 && tail.starts_with(char::is_lowercase) && tail.contains(' ') {
        return None;
    }
    // "Niklas Alm 2020-2021": a term of office after the name is an election's result,
    // not who attended.
    if TERM.is_match(&tail) || parts.iter().skip(1).any(|p| TERM.is_match(p)) {
        return None;
    }
    let mut role_parts: Vec<String> = title.into_iter().collect();
    if let Some(r) = dash_role {
        role_parts.push(r);
    }
    let mut org: Option<String> = None;
    // "Mathias Eriksson Ljusnarsberg kommun": the organisation written without a comma.
    let tail_first = tail.split_whitespace().next().unwrap_or("");
    if WORDS.organisation_tails.contains(&tail_first) && name_len >= 3 {
        let ws: Vec<&str> = name.split_whitespace().collect();
        let (n, o) = ws.split_at(ws.len() - 1);
        org = Some(format!("{} {}", o.join(" "), tail));
        name = n.join(" ");
    } else if !tail.is_empty() {
        if tail.chars().next().is_some_and(char::is_lowercase) {
            role_parts.push(tail);
        } else if is_org(&tail) {
            org = Some(tail);
        } else {
            role_parts.push(tail);
        }
    }
    if name.split_whitespace().count() > 5 {
        return None;
    }
    parts.remove(0);
    after_name(parts, &mut org, &mut role_parts);
    let role = role_parts
        .iter()
        .filter(|r| !r.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    Some(Attendance {
        name,
        organisation: org,
        // Who stands in for a member serves as a substitute, whatever the list.
        group: if replaces.is_some() {
            Group::Substitute
        } else {
            group
        },
        role: (!role.is_empty()).then_some(role),
        present,
        replaced_by,
        body: None,
        party,
        replaces,
        sections,
        source: None,
    })
}

/// How many of the entry's first words (`fw`, as read) form a person's name that a tab
/// stop ends in the line's `words`: the name column of a "name ⟶ role" table row.
fn name_before_tab(words: &[Word], fw: &[&str]) -> Option<usize> {
    let segs = crate::view::tab_segments(words);
    let (first, rest) = segs.split_first()?;
    // Names on both sides ("Mikael Selander ⟶ Arsim Zekaj") are people side by side.
    if rest.is_empty() || !crate::view::person(first) || rest.iter().all(|s| crate::view::person(s))
    {
        return None;
    }
    let same = first.len() <= fw.len()
        && first
            .iter()
            .zip(fw)
            .all(|(w, f)| &*w.text == *f || w.text.trim_end_matches(',') == *f);
    same.then_some(first.len())
}

/// Whether a line inside an attendance list is no entry but what follows the list:
/// an item's heading, a role row, a label line or a numbered item.
fn ends_list(t: &str) -> bool {
    let first = t.split_whitespace().next();
    // An item's heading ("Punkt I - Val av …", "§ 3 …") ends a list, even where OCR
    // damaged its number.
    first.is_some_and(crate::items::opens_label)
        // A role row ("Justeringsperson | Anna Berg", "Ordförande Anna Berg").
        || crate::roles::role_label(t).is_some()
        // A label line ("Justerade: …", "Plats: …"); labels are capitalised, a lowercase
        // word before a colon is a fragment ("ande:" left of a broken "Beslutande:").
        || first.is_some_and(|w| w.ends_with(':') && w.starts_with(char::is_uppercase))
        // A numbered item ("5.").
        || first.is_some_and(|w| {
            w.trim_end_matches('.').chars().all(|c| c.is_ascii_digit()) && w.ends_with('.')
        })
}

/// Presence marks defined by legends anywhere in the document (often after the lists).
fn document_marks(lines: &[(u32, String, &[Word])]) -> Vec<(String, bool)> {
    lines
        .iter()
        .filter(|(_, t, _)| is_legend(t.trim()))
        .filter_map(|(_, t, _)| legend_marks(t.trim()))
        .filter(|(m, _)| !m.contains(MARKS))
        .collect()
}

/// The list heading `t` is, and whether a presence column's header stands beside it. A
/// whole-line heading first: "Övriga närvarande" is one, not "Övriga" beside a column.
fn list_heading(t: &str) -> (Option<(Group, String)>, bool) {
    if let Some(s) = section_of(t) {
        return (Some(s), false);
    }

    match presence_column_heading(t) {
        Some(head) => (section_of(head), true),
        None => (None, false),
    }
}

/// The line after the item label it opens with ("§ 2.", "§2", "2."), if it opens with
/// one.
fn after_label(t: &str) -> Option<&str> {
    let t = t.trim_start();
    let first = t.split_whitespace().next()?;
    let (number, taken) = match first.strip_prefix('§') {
        Some("") => {
            let rest = t.get(first.len()..)?.trim_start();
            let n = rest.split_whitespace().next()?;
            (n, t.len() - rest.len() + n.len())
        }
        Some(n) => (n, first.len()),
        None => (first, first.len()),
    };
    let n = protokoll_model::text::item_number(number)?;
    // A bare number opens a line of text too ("12 ledamöter …"); a label has its mark.
    let marked = n.closing.is_some() || first.starts_with('§');
    (marked && n.value > 0)
        .then(|| t.get(taken..))
        .flatten()
        .map(str::trim_start)
}

/// A line's text as the attendance reads it: without its bullet, and without the item
/// label before a list heading ("§ 2. Närvarande ledamöter voro:"); None for a legend.
fn listed_text(text: &str) -> Option<&str> {
    let t = crate::view::unbulleted(text).trim_end();
    if is_legend(t) {
        return None;
    }
    Some(
        after_label(t)
            .filter(|r| section_of(r).is_some())
            .unwrap_or(t),
    )
}

/// The attendance entries of a document, from its lines in reading order. `bodies` are
/// the councils the document names: with several, the n-th members' list belongs to
/// the n-th council.
pub fn attendance(lines: &[(u32, String, &[Word])], bodies: &[String]) -> Vec<Attendance> {
    let mut out = Vec::new();
    let mut group: Option<(Group, Option<bool>)> = None;
    let mut members_lists = 0usize;
    let mut body: Option<String> = None;
    let mut misses = 0usize;
    // The previous line was names side by side ([`paired_names`]).
    let mut paired = false;
    // Each list's first entry, heading, and whether it follows the previous list with
    // nothing between that ended it.
    let mut lists: Vec<List> = Vec::new();
    let mut ended = true;
    // The list has a presence column ("Ledamöter Närvarande").
    let mut column = false;
    let marks = document_marks(lines);
    // Lines a comma-separated list already took (it wraps over them).
    let mut taken_until = 0;
    // Entries from `mark` on were read from the lines `from..taken_until.max(from + 1)`.
    let (mut mark, mut from) = (0, 0);
    for (idx, (_, text, words)) in lines.iter().enumerate() {
        if idx < taken_until {
            continue;
        }
        set_sources(&mut out, mark, lines.get(from..taken_until.max(from + 1)));
        (mark, from) = (out.len(), idx);
        let Some(t) = listed_text(text) else {
            continue;
        };
        let (section, column_head) = list_heading(t);
        if let Some((g, rest)) = section {
            // The column runs on through the block's next lists ("Suppleanter").
            column = column_head || column && !ended;
            let absent = listed_presence(t);
            group = Some((g, absent));
            (misses, paired) = (0, false);
            lists.push(List::new(out.len(), t, absent, !ended));
            ended = false;
            if g == Group::Member {
                members_lists += 1;
                body = match bodies.len() {
                    0 => None,
                    1 => bodies.first().cloned(),
                    _ => bodies.get(members_lists - 1).cloned(),
                };
            }
            if !rest.is_empty() {
                let following = lines.get(idx + 1..).unwrap_or(&[]);
                let (rest, used) = comma_list(&rest, following);
                taken_until = idx + 1 + used;
                let Some((rest, pairs)) = heading_line_list(rest) else {
                    (group, ended) = (None, true);
                    continue;
                };
                paired = pairs;
                inline_entries(&rest, g, absent, council(g, &body), &marks, &mut out);
            }
            continue;
        }
        // An agenda item that fixes the voting list ("6 Fastställande av röstlängd")
        // opens one: the names listed under it were there.
        if is_voting_list_item(t) {
            group = Some((Group::Participant, Some(true)));
            misses = 0;
            continue;
        }
        let Some((g, absent)) = group else { continue };
        if ends_list(t) {
            group = None;
            ended = true;
            continue;
        }
        // A list of names separated by commas, wrapped over lines.
        let (list, used) = comma_list(t, lines.get(idx + 1..).unwrap_or(&[]));
        if list.contains("; ") {
            taken_until = idx + 1 + used;
            inline_entries(&list, g, absent, council(g, &body), &marks, &mut out);
            continue;
        }
        // Names side by side with nothing between them, given name and surname each
        // ("Morgan Andersson Jonas Jönsson Marianne Svensson").
        if let Some(pairs) = paired_names(t, paired) {
            paired = true;
            inline_entries(&pairs, g, absent, council(g, &body), &marks, &mut out);
            continue;
        }
        paired = false;
        let unmarked = column.then(|| column_mark(t)).flatten();
        let t = unmarked.as_deref().unwrap_or(t);
        match entries(t, words, g, absent, &marks) {
            Some(es) => {
                misses = 0;
                let body = council(g, &body);
                out.extend(es.into_iter().map(|e| Attendance {
                    body: body.clone(),
                    present: e.present.or(unmarked.is_some().then_some(true)),
                    ..e
                }));
            }
            // One unreadable line (a struck name the OCR garbled) does not end a list;
            // two do.
            None => {
                misses += 1;
                if misses >= 2 {
                    group = None;
                    ended = true;
                }
            }
        }
    }
    set_sources(&mut out, mark, lines.get(from..taken_until.max(from + 1)));
    settle_lists(&mut out, &lists);
    // Officers' labels ("Sekreterare: Frej Connolly") are lists only beside a real
    // attendance list; alone they are the meeting's officers, not who attended.
    if out.iter().all(|e| OFFICER_GROUPS.contains(&e.group)) {
        out.clear();
    }
    out
}

/// What a list heading's own line lists after it: None for an election's result (a
/// term of office in it), else the entries, and whether they were names side by side
/// ("NÄRVARANDE: Anders Nilsson Anders Samuelsson Göran Ingvald …").
fn heading_line_list(rest: String) -> Option<(String, bool)> {
    if TERM_IN_LIST.is_match(&rest) {
        return None;
    }
    Some(match paired_names(&rest, false) {
        Some(pairs) => (pairs, true),
        None => (rest, false),
    })
}

/// Fewest names a line of names side by side holds on its own (three people): four
/// name words may be one person's names.
const PAIRED_MIN_WORDS: usize = 6;
/// Most names side by side on one line.
const PAIRED_MAX_WORDS: usize = 10;

/// A line of people's names side by side without separators, given name and surname
/// each ("Morgan Andersson Jonas Jönsson Marianne Svensson"): the pairs, as a list. An
/// even count of name words, six or more, or four under such a line (`after_pairs`).
fn paired_names(t: &str, after_pairs: bool) -> Option<String> {
    let min = if after_pairs { 4 } else { PAIRED_MIN_WORDS };
    crate::names::name_pairs(t)
        .filter(|p| (min..=PAIRED_MAX_WORDS).contains(&(2 * p.len())))
        .map(|p| p.join("; "))
}

/// The role is a job: not held by election ("kommunfullmäktiges ordförande"), and not a
/// profession written before the name ("Advokat"), a guest's, unless the meeting is a
/// political body's.
fn job(role: &str, political: bool) -> bool {
    let r = lowercase(role);
    let last = r.split_whitespace().last().unwrap_or("");
    let elected = WORDS.elected_roles.iter().any(|t| last.ends_with(t));
    !elected && (political || !WORDS.titles.contains(&r.as_ref()))
}

/// How many members with a party make a political body.
const POLITICAL_BODY: usize = 3;

/// One attendance list as [`attendance`] met it.
struct List {
    /// Index of its first entry.
    start: usize,
    /// Its heading's first word, lowercase ("närvarande", "övriga").
    heading: String,
    /// What the heading says of presence.
    presence: Option<bool>,
    /// It follows the previous list directly (a front page's block of lists).
    follows: bool,
    /// Its heading makes entries with a party substitutes ([`Heading::partisan`]).
    partisan: bool,
}

impl List {
    /// The list opening at entry `start` under the heading line `t`.
    fn new(start: usize, t: &str, presence: Option<bool>, follows: bool) -> List {
        let heading = t
            .split(|c: char| c == ':' || c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let partisan = heading_span(t.trim()).is_some_and(|(h, _)| h.partisan);
        List {
            start,
            heading,
            presence,
            follows,
            partisan,
        }
    }
}

/// What a list's place and entries say beyond its heading. In a block of lists that
/// opens with who was there ("Närvarande", "Beslutande"), a list whose heading says
/// nothing of presence ("Ersättare", "Övriga") lists people who were there too. Under a
/// bare "Närvarande", the entries with a party or a board office are the body's elected
/// members; under
/// "Övriga", one with a job after the name and no party is an official; under "Ej
/// beslutande", one with a party is a substitute; a profession
/// written before the name ("Advokat Peter Hedberg") is a guest's, except beside a
/// political body's members.
fn settle_lists(out: &mut [Attendance], lists: &[List]) {
    let political = out.iter().filter(|e| e.party.is_some()).count() >= POLITICAL_BODY;
    // The members, when the first list names them: those a bare "Frånvarande" lists
    // are members too (the absent of a board are its members).
    let members = lists
        .first()
        .and_then(|l| out.get(l.start))
        .is_some_and(|e| e.group == Group::Member);
    let mut block_present = false;
    for (i, l) in lists.iter().enumerate() {
        let end = lists.get(i + 1).map_or(out.len(), |n| n.start);
        block_present = l.presence.unwrap_or(block_present && l.follows);
        let Some(entries) = out.get_mut(l.start..end) else {
            continue;
        };
        let with_party = entries.iter().filter(|e| e.party.is_some()).count();
        let elected = 2 * with_party > entries.len();
        for e in entries.iter_mut() {
            let officer = OFFICER_GROUPS.contains(&e.group);
            if l.presence.is_none() && block_present && e.present.is_none() && !officer {
                e.present = Some(true);
            }
            if e.group != Group::Participant {
                continue;
            }
            let bare_present = l.heading == "närvarande";
            if let Some(g) = board_office(e).filter(|_| bare_present) {
                e.group = g;
            } else if bare_present && elected && e.party.is_some()
                || members && l.presence == Some(false)
            {
                e.group = Group::Member;
            } else if l.partisan && e.party.is_some() {
                e.group = Group::Substitute;
            } else if l.heading.starts_with("övriga")
                && e.party.is_none()
                && e.role.as_deref().is_some_and(|r| job(r, political))
            {
                e.group = Group::Official;
            }
        }
    }
}

/// The group of an entry whose role is a board office alone ("Carl Tönsgård,
/// ordförande", "Ylva Rudling, kassör"): listed as present so, a board member, or a
/// substitute where the office is one ("suppleant").
fn board_office(e: &Attendance) -> Option<Group> {
    let r = lowercase(e.role.as_deref()?.trim());
    if !WORDS.officer_titles.contains(&r.as_ref()) {
        return None;
    }
    let substitute = HEADINGS
        .iter()
        .any(|(h, k)| *h == r && k.group == Group::Substitute);
    Some(if substitute {
        Group::Substitute
    } else {
        Group::Member
    })
}

/// Groups named after a meeting officer's role.
const OFFICER_GROUPS: [Group; 3] = [Group::Chair, Group::Adjuster, Group::Secretary];

/// The provenance of the entries from `mark` on: the box around the entry's own words
/// where they have one, else around the lines it was read from.
fn set_sources(out: &mut [Attendance], mark: usize, lines: Option<&[(u32, String, &[Word])]>) {
    // Called after every line: most lines added no entry, and need no box.
    if mark >= out.len() {
        return;
    }
    let Some(lines) = lines else { return };
    let Some(&(page, _, _)) = lines.first() else {
        return;
    };
    let around = lines
        .iter()
        .filter(|(p, _, _)| *p == page)
        .filter_map(|(_, _, w)| crate::view::bbox(w))
        .reduce(|a, b| a.union(&b));
    for e in out.iter_mut().skip(mark) {
        e.source = around.map(|r| crate::view::page_box(page, &r));
    }
}

/// What a list's heading says of presence: absent ("Frånvarande", "Anmält förhinder",
/// "Saknas"), present (`present headings`: "Beslutande", "Närvarande", a
/// "Röstlängd"), or nothing ("Ledamöter").
pub fn listed_presence(heading: &str) -> Option<bool> {
    let h = heading.to_lowercase();
    if HEADINGS
        .iter()
        .any(|(phrase, heading)| heading.absent && h.starts_with(phrase.as_str()))
    {
        Some(false)
    } else if crate::words::WORDS
        .present_headings
        .iter()
        .any(|p| h.starts_with(p))
    {
        Some(true)
    } else {
        None
    }
}

/// A numbered item heading about the voting list ("6 Fastställande av röstlängd",
/// "§ 4 Röstlängd").
fn is_voting_list_item(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let numbered = first.starts_with('§') || first.starts_with(|c: char| c.is_ascii_digit());
    numbered
        && line.split_whitespace().count() <= VOTING_ITEM_WORDS
        && line.to_lowercase().contains("röstlängd")
}

/// The most words an item heading about the voting list has.
const VOTING_ITEM_WORDS: usize = 8;

/// A heading's inline list of names separated by commas ("Närvarande: Isak Horvath,
/// Viktor Holta, … Wilmer" / "Segerstedt, Adrian Rosén") as one list with semicolons
/// between the entries, run on over the lines it wraps to; and how many lines it took.
/// A list of "Name, Organisation; …" (semicolons already) is left as it is.
fn comma_list(rest: &str, following: &[(u32, String, &[Word])]) -> (String, usize) {
    let rest = without_count(rest);
    // A remark in brackets after a name ("(ej vid §§ 9, 10 och 18)") is the entry's;
    // one before the names ("(Asketorp 1:3, andel 59%) Irené Blixt, Per Blixt") is
    // theirs together.
    // Each entry may open with a board office ("Vice ordförande Bo Ek"); an office
    // alone after a comma is the name's role, and the text no list of names.
    let names_only = |s: &str| {
        !s.trim_start().starts_with('(')
            && outside_brackets(s).split(',').all(|piece| {
                let mut words: Vec<&str> = piece.split_whitespace().collect();
                leading_title(&mut words);
                words.iter().all(|w| {
                    is_name_word(w)
                        || WORDS.name_joiners.contains(w)
                        || WORDS.name_particles.contains(w)
                })
            })
    };
    // One comma may part a name from its organisation ("Anna Berg, Ale kommun"): it
    // parts two people only where both sides are full names and neither an organisation.
    // Two full names joined by "och" are two people too.
    let full_names = || {
        let pieces = list_pieces(rest);
        pieces.len() >= 2
            && pieces.iter().all(|p| {
                let n = outside_brackets(p).split_whitespace().count();
                (2..=4).contains(&n) && !is_org(p.trim())
            })
    };
    let commas = outside_brackets(rest).matches(',').count();
    let list = commas >= COMMA_LIST_MIN || commas <= 1 && full_names();
    if rest.contains(';') || !list || !names_only(rest) {
        return (rest.to_string(), 0);
    }
    let mut text = rest.to_string();
    let mut used = 0;
    for (_, line, _) in following {
        let l = line.trim();
        let continues = text.ends_with(',') || l.contains(',');
        // Brackets may wrap over the line end: names are judged on the whole text.
        let joined = format!("{text} {l}");
        if l.is_empty() || section_of(l).is_some() || !continues || !names_only(&joined) {
            break;
        }
        text.push(' ');
        text.push_str(l);
        used += 1;
    }
    let list = list_pieces(&text).join("; ");
    (list, used)
}

/// A list without the count of the others that closes it ("Anders Bensryd, Mats
/// Gustafsson och ytterligare 15 av föreningens medlemmar", "… samt 12 medlemmar"): the
/// count names no one.
fn without_count(rest: &str) -> &str {
    let cut = [", ", " och ", " samt ", " & "]
        .iter()
        .filter_map(|j| rest.rfind(j).map(|i| (i, i + j.len())))
        .max_by_key(|&(i, _)| i);
    let Some((at, after)) = cut else {
        return rest;
    };
    let (head, tail) = (
        rest.get(..at).unwrap_or(""),
        rest.get(after..).unwrap_or(""),
    );
    // Not inside a remark in brackets ("(ej vid §§ 9, 10, 11, 17 och" / "18)").
    let open = head.matches('(').count() > head.matches(')').count();
    let count = !open
        && tail.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        && tail.chars().any(|c| c.is_ascii_digit())
        && !tail.contains([',', '(', ')']);
    if count {
        head
    } else {
        rest
    }
}

/// `s` with what stands in brackets taken out ("Bo Ek (ej vid § 9, 10)": "Bo Ek ").
fn outside_brackets(s: &str) -> std::borrow::Cow<'_, str> {
    // Asked of every line of a list: most have no brackets, and need no copy.
    if !s.contains(['(', ')']) {
        return s.into();
    }
    let mut depth = 0usize;
    s.chars()
        .filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// A list's entries: parted by commas outside brackets and by the word that joins the
/// last one ("och", "samt", "&"; [`WORDS`]' name joiners but "tillika", which joins
/// two roles of one person).
fn list_pieces(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0usize;
    for w in s.split_whitespace() {
        let joiner = depth == 0 && w != "tillika" && WORDS.name_joiners.contains(&w);
        if joiner {
            out.push(String::new());
            continue;
        }
        for c in w.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if let Some(last) = out.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
        // A comma outside brackets ends the entry.
        if depth == 0 && w.ends_with(',') {
            if let Some(last) = out.last_mut() {
                last.pop();
            }
            out.push(String::new());
        }
    }
    out.retain(|p| !p.trim().is_empty());
    out
}

/// A heading's inline entries separated by at least this many commas are a list of
/// names, one per comma.
const COMMA_LIST_MIN: usize = 2;

/// "Advokat Peter Hedberg", "Vice ordförande Anna Berg", "Ekonomichef Anders Svensson":
/// a title, a board office (of one or two words) or a job before a name of two words or
/// more, taken off the entry's words; it is the entry's role.
fn leading_title(words: &mut Vec<&str>) -> Option<String> {
    let listed = |n: usize| {
        let t = words.get(..n)?.join(" ");
        let low = t.to_lowercase();
        let title = |t: &str| {
            WORDS.titles.contains(&t)
                || WORDS.officer_titles.contains(&t)
                || WORDS.job_title_endings.iter().any(|e| t.ends_with(e))
        };
        // Two words: as listed ("vice ordförande"), or a lowercase qualifier before a
        // title ("biträdande rektor", "elevrådets ordförande").
        let known = match low.split_once(' ') {
            None => title(&low),
            Some((_, t)) => {
                WORDS.officer_titles.contains(&low.as_str())
                    || words
                        .first()
                        .is_some_and(|w| w.starts_with(char::is_lowercase))
                        && title(t)
            }
        };
        let named = crate::names::name_len(words.get(n..).unwrap_or(&[])) >= 2;
        (known && named).then_some(t)
    };
    let (title, n) = listed(2)
        .map(|t| (t, 2))
        .or_else(|| listed(1).map(|t| (t, 1)))?;
    words.drain(..n);
    Some(title)
}

/// The council an entry of `group` belongs to: members' and substitutes' lists are a
/// council's, the others (officials, guests) are nobody's.
fn council(group: Group, body: &Option<String>) -> Option<String> {
    if matches!(group, Group::Member | Group::Substitute) {
        body.clone()
    } else {
        None
    }
}

/// Fewest entries of a list of first names alone read as people.
const FIRST_NAME_LIST: usize = 3;

/// The entries of an inline list ("A, Org; B, Org"), each of `group`, in `body`.
fn inline_entries(
    list: &str,
    group: Group,
    listed: Option<bool>,
    body: Option<String>,
    marks: &[(String, bool)],
    out: &mut Vec<Attendance>,
) {
    let words: Vec<Word> = list
        .split_whitespace()
        .map(|w| Word {
            text: w.into(),
            ..Word::default()
        })
        .collect();
    let pieces = split_inline(&words);
    // A list of first names only ("Rebecca, Matilda, Leffe & Emma"): each is a person
    // (one name alone elsewhere is a heading or a label).
    // A remark in brackets after a name is no part of it ("Kotte (försvann under punkt
    // 13)").
    let first_name = |p: &[Word]| {
        let joined = crate::view::join(p);
        let name = outside_brackets(&joined);
        let mut words = name.split_whitespace();
        let one = words
            .next()
            .map(|w| w.trim_end_matches('.').to_string())
            .filter(|w| is_name_word(w));
        one.filter(|_| words.next().is_none())
    };
    // Or first names among full names ("Kurth Wikström, Tord Bjurström, Sören, Mats,
    // Lacka."): every piece one or the other. The last is a first name only where a
    // full stop closes the list; else its surname may wrap to the next line ("…, Pär" /
    // "Forsmark").
    let all_first = pieces.iter().all(|p| first_name(p).is_some());
    let first_names = pieces.len() >= FIRST_NAME_LIST
        && pieces
            .iter()
            .all(|p| first_name(p).is_some() || crate::view::person(p));
    let closed = list.trim_end().ends_with('.');
    let last = pieces.len().saturating_sub(1);
    for (k, piece) in pieces.into_iter().enumerate() {
        let wrapped = k == last && !all_first && !closed;
        let first_names = first_names && !wrapped;
        let text = crate::view::join(&piece);
        if let Some(name) = first_name(&piece).filter(|_| first_names) {
            out.push(Attendance {
                name,
                group,
                present: listed,
                body: body.clone(),
                ..Attendance::default()
            });
            continue;
        }
        for e in entries(&text, &piece, group, listed, marks).unwrap_or_default() {
            out.push(Attendance {
                body: body.clone(),
                ..e
            });
        }
    }
}

/// A property's designation before the people who came for it, as road and housing
/// associations list their members ("Asketorp 1:7 Olof Olofsson", "Asketorp l:2 Rikard
/// Jernlås och Robert Jernlås", "(Asketorp 1:2, andel 32,99%) Rikard Jernlås"; OCR
/// reads the digit 1 as "l" or "!").
static PROPERTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s?([0-9lI!]{1,4})-?:([0-9lI!]{1,4})(?:[,;][^)]*)?\)?,?\s+(\p{Lu}.*)$")
        .expect("regex")
});

/// The entries of a line that opens with a property's designation: each person named
/// after it ("A och B", "A, B"), the property their organisation.
fn property_entries(
    text: &str,
    group: Group,
    listed: Option<bool>,
    marks: &[(String, bool)],
) -> Option<Vec<Attendance>> {
    let c = PROPERTY.captures(text.trim())?;
    let digits = |m: Option<regex::Match<'_>>| -> Option<String> {
        Some(
            m?.as_str()
                .chars()
                .map(|d| if matches!(d, 'l' | 'I' | '!') { '1' } else { d })
                .collect(),
        )
    };
    let (block, unit) = (digits(c.get(2))?, digits(c.get(3))?);
    let property = format!("{} {block}:{unit}", c.get(1)?.as_str());
    let out: Vec<Attendance> = crate::names::split_people(c.get(4)?.as_str())
        .iter()
        .filter_map(|p| entry(p, &[], group, listed, marks))
        .map(|e| Attendance {
            organisation: Some(property.clone()),
            ..e
        })
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The entries of one line of a list: the people under a property's designation, or
/// the one entry the line is; None when it is no entry.
fn entries(
    text: &str,
    words: &[Word],
    group: Group,
    listed: Option<bool>,
    marks: &[(String, bool)],
) -> Option<Vec<Attendance>> {
    property_entries(text, group, listed, marks)
        .or_else(|| entry(text, words, group, listed, marks).map(|e| vec![e]))
}

/// "Ledamöter: A, Org; B, Org" on one line: entries separated by semicolons.
fn split_inline(words: &[Word]) -> Vec<Vec<Word>> {
    let mut out = vec![Vec::new()];
    for w in words {
        let semi = w.text.ends_with(';');
        let mut w = w.clone();
        w.text = w.text.trim_end_matches(';').into();
        if let Some(last) = out.last_mut() {
            last.push(w);
        }
        if semi {
            out.push(Vec::new());
        }
    }
    out.retain(|v| !v.is_empty());
    out
}

/// Entries as (name, role) pairs: what the attendance tests compare.
#[cfg(test)]
pub(crate) fn names_and_roles(a: &[Attendance]) -> Vec<(&str, Option<&str>)> {
    a.iter()
        .map(|e| (e.name.as_str(), e.role.as_deref()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn borrowed(lines: &[(u32, String, Vec<Word>)]) -> Vec<(u32, String, &[Word])> {
        lines
            .iter()
            .map(|(p, t, w)| (*p, t.clone(), w.as_slice()))
            .collect()
    }

    fn line(s: &str) -> (u32, String, Vec<Word>) {
        let words = s
            .split_whitespace()
            .map(|w| Word {
                text: w.into(),
                ..Word::default()
            })
            .collect();
        (1, s.to_string(), words)
    }

    /// Each entry's name, group and presence, read from text lines.
    fn groups_of(texts: &[&str]) -> Vec<(String, Group, Option<bool>)> {
        let lines: Vec<_> = texts.iter().map(|s| line(s)).collect();
        attendance(&borrowed(&lines), &[])
            .into_iter()
            .map(|e| (e.name, e.group, e.present))
            .collect()
    }

    #[test]
    fn genitive_headings_and_a_presence_column() {
        let got = groups_of(&[
            "Närvarande",
            "Direktionens ledamöter",
            "Anna Ek (S), ordförande",
            "Direktionens ersättare",
            "Bo Berg (M)",
            "Ledamöter Närvarande",
            "Cecilia Lund X, mötesordförande § 44-56",
            "Dan Holm Anmält förhinder",
            "Suppleanter",
            "Eva Nord X",
            "Övriga närvarande",
            "Fia Syd",
        ]);
        assert_eq!(
            got,
            [
                ("Anna Ek".into(), Group::Member, Some(true)),
                ("Bo Berg".into(), Group::Substitute, Some(true)),
                ("Cecilia Lund".into(), Group::Member, Some(true)),
                ("Dan Holm".into(), Group::Member, Some(false)),
                ("Eva Nord".into(), Group::Substitute, Some(true)),
                ("Fia Syd".into(), Group::Participant, Some(true)),
            ]
        );
        // An officer's label after a genitive names one person.
        assert!(section_of("Kommunstyrelsens ordförande").is_none());
    }

    #[test]
    fn a_front_page_block_of_lists_says_more_than_its_headings() {
        let got = groups_of(&[
            "Närvarande:",
            "ande:",
            "Anna Ek (S),",
            "Bo Berg (M),",
            "Cecilia Lund (KD) ersätter Dan Lund (KD),",
            "Ersättare:",
            "Eva Holm (C)",
            "Övriga:",
            "Fia Nord, controller",
            "Gun Syd, kommunfullmäktiges ordförande",
        ]);
        assert_eq!(
            got,
            [
                ("Anna Ek".into(), Group::Member, Some(true)),
                ("Bo Berg".into(), Group::Member, Some(true)),
                ("Cecilia Lund".into(), Group::Substitute, Some(true)),
                ("Eva Holm".into(), Group::Substitute, Some(true)),
                ("Fia Nord".into(), Group::Official, Some(true)),
                ("Gun Syd".into(), Group::Participant, Some(true)),
            ]
        );
        // At a company's meeting a profession before the name is a guest's.
        let got = groups_of(&["Övriga närvarande", "Advokat Per Ek"]);
        assert_eq!(got.first().map(|e| e.1), Some(Group::Participant));
    }

    #[test]
    fn ocr_damaged_heading_and_a_legend_defined_mark() {
        let lines = vec![
            line("Y = deltog"),
            line("ee = meddelat förhinder"),
            line("Ledam6oOter:"),
            line("Y Anna Ahnér, Askersund kommun"),
            line("ee Siw Lunander, Hallsbergs kommun"),
            line("Amanda Lindgren, Karlskoga kommun"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let got: Vec<(&str, &str, Option<bool>)> = a
            .iter()
            .map(|e| (e.name.as_str(), e.group.as_str(), e.present))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna Ahnér", "ledamot", Some(true)),
                ("Siw Lunander", "ledamot", Some(false)),
                ("Amanda Lindgren", "ledamot", None),
            ]
        );
        // A sentence is not a damaged heading.
        assert!(section_of("Ledamoterna uppmanas boka in dagarna:").is_none());
    }

    #[test]
    fn members_with_terms_of_office_are_an_election_not_attendance() {
        let lines = [
            line("Ledamöter:"),
            line("Niklas Alm 2020-2021"),
            line("Katrina Lång, 2021-2022"),
        ];
        assert!(attendance(&borrowed(&lines), &[]).is_empty());
        let lines = [
            line("Ordinarie ledamöter: Ulla Alksjö, Lennart Göransson, Göran Niklasson 1år,"),
            line("Aleksandra Cander 2år."),
            line("Ersättare: Solveig Mattsson och Agneta Hellström 2 år."),
        ];
        assert!(attendance(&borrowed(&lines), &[]).is_empty());
        let lines = [line("Närvarande: Ulla Alksjö, Lennart Göransson")];
        assert_eq!(attendance(&borrowed(&lines), &[]).len(), 2);
        // Names side by side on the heading's line, and on the next.
        let lines = [
            line("NÄRVARANDE: Anders Nilsson Anders Samuelsson Göran Ingvald Eddie Uggla"),
            line("Lars Christofferson Ulf Johansson"),
        ];
        assert_eq!(attendance(&borrowed(&lines), &[]).len(), 6);
    }

    #[test]
    fn titles_are_roles_and_sentences_are_nobody() {
        let lines = [
            line("Övriga närvarande:"),
            line("Advokat Peter Hedberg"),
            line("Dr Ying Zhao, styrelsen"),
            line("Beslutas att röstlängden, enligt bilaga, godkänns"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let got = names_and_roles(&a);
        assert_eq!(
            got,
            [
                ("Peter Hedberg", Some("Advokat")),
                ("Ying Zhao", Some("Dr, styrelsen")),
            ]
        );
    }

    #[test]
    fn first_names_among_full_names_are_people() {
        let lines = [line(
            "Närvarande: Kurth Wikström, Tord Bjurström, Magnus Herrström, Sören, Mats, Lacka.",
        )];
        let a = attendance(&borrowed(&lines), &[]);
        let names: Vec<&str> = a.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Kurth Wikström",
                "Tord Bjurström",
                "Magnus Herrström",
                "Sören",
                "Mats",
                "Lacka"
            ]
        );
    }

    #[test]
    fn the_count_of_the_others_names_no_one() {
        assert_eq!(
            without_count("Anders Bensryd, Mats Gustafsson och ytterligare 15 av"),
            "Anders Bensryd, Mats Gustafsson"
        );
        assert_eq!(
            without_count("Eva Nyreen samt ca 110 föräldrar"),
            "Eva Nyreen"
        );
        // A remark in brackets and a plain last name stay.
        assert_eq!(
            without_count("Bo Ek (ej vid §§ 9 och 18)"),
            "Bo Ek (ej vid §§ 9 och 18)"
        );
        assert_eq!(without_count("Anna Ek och Bo Berg"), "Anna Ek och Bo Berg");
        assert_eq!(
            without_count("Bo Ek (ej vid §§ 9, 10, 17 och"),
            "Bo Ek (ej vid §§ 9, 10, 17 och"
        );
    }

    #[test]
    fn a_first_name_that_ends_a_wrapped_line_waits_for_its_surname() {
        let lines = [line(
            "Närvarande: Martin Sundstedt, Hanna Hägg, Klara Ekelund, Pär",
        )];
        let a = attendance(&borrowed(&lines), &[]);
        assert!(a.iter().all(|e| e.name != "Pär"));
    }

    #[test]
    fn ordinarie_with_its_colon_heads_the_members() {
        let lines = [
            line("Närvarande:"),
            line("Ordförande: Camilla Ekholm."),
            line("Ordinarie: Anders Backström, Magnus Engblom och Carola Juselius."),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let members: Vec<&str> = a
            .iter()
            .filter(|e| e.group == Group::Member)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(
            members,
            ["Anders Backström", "Magnus Engblom", "Carola Juselius"]
        );
        // Without its colon right after it, "Ordinarie" heads nothing.
        assert!(section_of("Ordinarie revisors arvode: ett halvt prisbasbelopp").is_none());
        assert!(section_of("Ordinarie").is_none());
    }

    #[test]
    fn names_side_by_side_without_separators_are_pairs() {
        let lines = [
            line("Närvarande:"),
            line("Morgan Andersson Jonas Jönsson Marianne Svensson"),
            line("Jonas Hultgren Egon Wikström"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let names: Vec<&str> = a.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Morgan Andersson",
                "Jonas Jönsson",
                "Marianne Svensson",
                "Jonas Hultgren",
                "Egon Wikström"
            ]
        );
        // Four names alone may be one person's.
        assert_eq!(paired_names("Karl Gustav Adolf Berg", false), None);
    }

    #[test]
    fn a_board_office_before_a_name_is_its_role() {
        let lines = [line(
            "Deltagare: Ordförande Anders Bensryd, Vice ordförande Bo Ek, Kassör Mats Gustafsson och ytterligare 15 av",
        )];
        let a = attendance(&borrowed(&lines), &[]);
        assert_eq!(
            names_and_roles(&a),
            [
                ("Anders Bensryd", Some("Ordförande")),
                ("Bo Ek", Some("Vice ordförande")),
                ("Mats Gustafsson", Some("Kassör")),
            ]
        );
    }

    #[test]
    fn people_listed_under_their_property() {
        let lines = [
            line("Närvarande: Asketorp l:2 Rikard Jernlås och Robert Jernlås"),
            line("Asketorp 1:7 Olof Olofsson (enl. fullmakt för Berit Olofsson)"),
            line("(Asketorp 1:3, andel 59,33%) Irené Blixt, Per Blixt"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let got: Vec<(&str, Option<&str>)> = a
            .iter()
            .map(|e| (e.name.as_str(), e.organisation.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Rikard Jernlås", Some("Asketorp 1:2")),
                ("Robert Jernlås", Some("Asketorp 1:2")),
                ("Olof Olofsson", Some("Asketorp 1:7")),
                ("Irené Blixt", Some("Asketorp 1:3")),
                ("Per Blixt", Some("Asketorp 1:3")),
            ]
        );
    }

    #[test]
    fn an_item_heading_ends_a_list() {
        let lines = [
            line("Närvarande: 25 medlemmar enligt närvarolistan."),
            line("Punkt I - Val av mötets ordförande"),
        ];
        assert!(attendance(&borrowed(&lines), &[]).is_empty());
    }

    #[test]
    fn officer_labels_alone_are_no_attendance_list() {
        let lines = [
            line("Sekreterare: Frej Connolly"),
            line("Justerare: Tome Cvitan och Jyrki Pulliainen"),
        ];
        assert!(attendance(&borrowed(&lines), &[]).is_empty());
        // Beside a list of who attended, the officers stay.
        let lines = [
            line("Sekreterare: Frej Connolly"),
            line("Närvarande: Isak Horvath, Viktor Holta"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let groups: Vec<_> = a.iter().map(|e| e.group.as_str()).collect();
        let names: Vec<_> = a.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            groups,
            ["sekreterare", "deltagare", "deltagare"],
            "{names:?}"
        );
    }

    #[test]
    fn comma_lists_wrap_and_voting_lists_open_under_their_item() {
        let lines = [
            line("Närvarande: Isak Horvath, Viktor Holta, Wilmer"),
            line("Segerstedt, Adrian Rosén och Bo Ek"),
            line("§ 1. Mötets öppnande"),
            line("6 Fastställande av röstlängd"),
            line("Samtliga närvarande har rösträtt."),
            line("• Fredrik Håård"),
            line("• Frej Connolly"),
            line("7. Godkännande av kallelse"),
            line("• pycon@example.org"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let got: Vec<_> = a.iter().map(|e| (e.name.as_str(), e.present)).collect();
        assert_eq!(
            got,
            [
                ("Isak Horvath", Some(true)),
                ("Viktor Holta", Some(true)),
                ("Wilmer Segerstedt", Some(true)),
                ("Adrian Rosén", Some(true)),
                ("Bo Ek", Some(true)),
                ("Fredrik Håård", Some(true)),
                ("Frej Connolly", Some(true)),
            ]
        );
    }

    #[test]
    fn the_absent_of_a_board_are_its_members() {
        let got = groups_of(&[
            "Närvarande styrelseledamöter:",
            "Åke Strand, Carin Nise och Frida Grund.",
            "Frånvarande:",
            "Charlotte Bjur, Mats Mårten och Ewa Lovar Gerdsdotter.",
        ]);
        let member = |n: &str, p| (n.to_string(), Group::Member, Some(p));
        assert_eq!(
            got,
            [
                member("Åke Strand", true),
                member("Carin Nise", true),
                member("Frida Grund", true),
                member("Charlotte Bjur", false),
                member("Mats Mårten", false),
                member("Ewa Lovar Gerdsdotter", false),
            ]
        );
        // After a list of participants, the absent are participants.
        let got = groups_of(&[
            "Närvarande:",
            "Anna Ek",
            "Bo Berg",
            "Frånvarande:",
            "Cia Lund",
        ]);
        assert_eq!(got.last().map(|e| e.1), Some(Group::Participant));
        // "Saknas:" and "Ej närvarande:" head lists of the absent too.
        for heading in ["Saknas:", "Ej närvarande:", "Meddelat förhinder:"] {
            let got = groups_of(&["Närvarande:", "Anna Ek", heading, "Cia Lund"]);
            assert_eq!(
                got.last().map(|e| (&*e.0, e.2)),
                Some(("Cia Lund", Some(false)))
            );
        }
        // Without its colon "Saknas" opens a sentence, not a list.
        let got = groups_of(&["Närvarande:", "Anna Ek", "Saknas gör Cia Lund"]);
        assert!(got.iter().all(|e| e.2 != Some(false)));
    }

    #[test]
    fn lists_in_sentences_under_item_labels_and_with_remarks() {
        // A copula for the colon; a presence word before a heading of its own.
        let got = groups_of(&[
            "Närvarande styrelseledamöter är Anna Ek, Bo Berg samt Cia Lund.",
            "Frånvarande styrelseledamöter är Dan Ek och Eva Holm.",
        ]);
        let names: Vec<_> = got.iter().map(|e| (e.0.as_str(), e.1, e.2)).collect();
        assert_eq!(
            names,
            [
                ("Anna Ek", Group::Member, Some(true)),
                ("Bo Berg", Group::Member, Some(true)),
                ("Cia Lund", Group::Member, Some(true)),
                ("Dan Ek", Group::Member, Some(false)),
                ("Eva Holm", Group::Member, Some(false)),
            ]
        );
        // An item heading that is a list's; a remark in brackets wrapping to the next
        // line, its commas no entries' ends.
        let got = groups_of(&[
            "§ 2. Närvarande ledamöter voro:",
            "Anna Ek, Bo Berg (ej vid §§ 9, 10 och",
            "18), Cia Lund",
        ]);
        let names: Vec<_> = got.iter().map(|e| (e.0.as_str(), e.2)).collect();
        assert_eq!(
            names,
            [
                ("Anna Ek", Some(true)),
                ("Bo Berg", Some(true)),
                ("Cia Lund", Some(true))
            ]
        );
        // A sentence that lists names does not end an item's body; a heading does.
        assert!(!heading_line("Närvarande ledamöter är Anna Ek, Bo Berg."));
        assert!(heading_line("Närvarande ledamöter voro:"));
        assert!(heading_line("Närvarande:"));
        // A role heads a list with its colon right after it; a label that opens with a
        // role and ends in a colon heads a proposal inside the item.
        assert!(heading_line("Ordförande: Anna Ek"));
        assert!(!heading_line("Ordförande Emilia Haverinens förslag:"));
        assert_eq!(after_label("§ 2. Närvarande"), Some("Närvarande"));
        assert_eq!(after_label("12 ledamöter"), None);
    }

    #[test]
    fn a_job_title_before_the_name_is_the_role() {
        let lines: Vec<_> = [
            "Beslutande",
            "Ewa Engdahl (c), ordförande",
            "Ingemar Bergquist (kd)",
            "Patrik Köhler (m)",
            "Ej beslutande",
            "Marita Björkvall (kd)",
            "Övriga deltagande",
            "Ekonomichef Anders Svensson",
            "Tjänstepersoner: Kanslichef Åsa Berglöf, biträdande rektor Lena Åkerblom, sekreterare Linnéa Ås",
        ]
        .iter()
        .map(|s| line(s))
        .collect();
        let got: Vec<_> = attendance(&borrowed(&lines), &[])
            .into_iter()
            .map(|e| (e.name, e.group, e.role))
            .collect();
        let want = |n: &str, g: Group, r: Option<&str>| (n.to_string(), g, r.map(String::from));
        assert_eq!(
            got.get(3..),
            Some(
                &[
                    // Without a vote, a politician is a substitute.
                    want("Marita Björkvall", Group::Substitute, None),
                    want("Anders Svensson", Group::Official, Some("Ekonomichef")),
                    want("Åsa Berglöf", Group::Official, Some("Kanslichef")),
                    want("Lena Åkerblom", Group::Official, Some("biträdande rektor")),
                    want("Linnéa Ås", Group::Official, Some("sekreterare")),
                ][..]
            )
        );
    }

    #[test]
    fn present_with_a_board_office_is_a_board_member() {
        let got = groups_of(&[
            "Närvarande",
            "Carl Tönsgård, ordförande",
            "Ylva Rudling, kassör",
            "Bo Berg, suppleant",
            "Anna Ek",
        ]);
        let groups: Vec<Group> = got.iter().map(|e| e.1).collect();
        assert_eq!(
            groups,
            [
                Group::Member,
                Group::Member,
                Group::Substitute,
                Group::Participant
            ]
        );
    }

    #[test]
    fn surname_comma_given_name_is_one_name() {
        let got = groups_of(&[
            "Beslutande",
            "Sandberg, Henrik",
            "Forsström-Fellman, Anette",
        ]);
        let names: Vec<_> = got.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Sandberg, Henrik", "Forsström-Fellman, Anette"]);
        assert!(!surname_first("Anna Berg", "Ale kommun"));
        assert!(!surname_first("Berg", "ordförande"));
    }

    #[test]
    fn a_semicolon_or_a_qualifier_before_the_names() {
        let got = groups_of(&["Närvarande; Stig Wernersson, Anders Örtby, Gunnar Johansson."]);
        assert_eq!(got.len(), 3);
        let got =
            groups_of(&["Närvarande, styrelsen: Göran Gustafsson, Micke Bergman, Jo Hausel."]);
        let names: Vec<_> = got.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Göran Gustafsson", "Micke Bergman", "Jo Hausel"]);
    }

    #[test]
    fn a_heading_scoped_by_a_preposition() {
        let got = groups_of(&[
            "Närvarande ur styrelsen: Freja Nielsen, Sanna Sättare.",
            "Frånvarande ur styrelsen: Theresa Karlsson.",
            "Närvarande från kansliet: Bo Ek.",
            "Närvarande ur nämnden: Eva Lind.",
        ]);
        let want = [
            ("Freja Nielsen", Group::Member, Some(true)),
            ("Sanna Sättare", Group::Member, Some(true)),
            ("Theresa Karlsson", Group::Member, Some(false)),
            ("Bo Ek", Group::Participant, Some(true)),
            ("Eva Lind", Group::Member, Some(true)),
        ];
        let got: Vec<_> = got.iter().map(|e| (e.0.as_str(), e.1, e.2)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_list_of_first_names() {
        let got = groups_of(&["Närvarande: Rebecca, Matilda, Leffe, Sofia, Karin & Emma"]);
        let names: Vec<_> = got.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(
            names,
            ["Rebecca", "Matilda", "Leffe", "Sofia", "Karin", "Emma"]
        );
        assert!(got.iter().all(|e| e.2 == Some(true)));
    }

    #[test]
    fn checkboxes_say_who_was_there() {
        let lines = vec![
            line("Beslutande"),
            line("[X] Haverinen Emilia, ordförande, distans"),
            line("[ ] Liljeqvist Ella"),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let got: Vec<_> = a.iter().map(|e| (e.name.as_str(), e.present)).collect();
        assert_eq!(
            got,
            [
                ("Haverinen Emilia", Some(true)),
                ("Liljeqvist Ella", Some(false))
            ]
        );
    }

    #[test]
    fn lists_with_marks_and_roles() {
        let mut lines = vec![
            line("✓ = deltog"),
            line("Ledamöter:"),
            line("✓ Anna Ahnér, Askersund kommun"),
            line("Ann-Christin Pettersson, Degerfors kommun"),
            line("Vakant, RF-SISU"),
            line("Mathias Eriksson Ljusnarsberg kommun"),
            line("Tjänstepersoner:"),
            line("- Ingmar Ångman, områdeschef Välfärd och Folkhälsa, Regional utveckling, Region Örebro län"),
            line("Karin Ek (meddelat förhinder)"),
            line("1. Mötet öppnas"),
            line("Lena Lind, Ale kommun"),
        ];
        lines.insert(4, {
            let mut l = line("Siw Lunander, Hallsbergs kommun");
            for w in &mut l.2 {
                w.struck = true;
            }
            l
        });
        let a = attendance(&borrowed(&lines), &["Rådet".to_string()]);
        assert_eq!(
            a.len(),
            7,
            "{:?}",
            a.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
        assert_eq!(
            (a[0].name.as_str(), a[0].present),
            ("Anna Ahnér", Some(true))
        );
        assert_eq!(a[0].organisation.as_deref(), Some("Askersund kommun"));
        assert_eq!(a[0].body.as_deref(), Some("Rådet"));
        assert_eq!(a[1].present, None);
        assert_eq!(
            (a[2].name.as_str(), a[2].present),
            ("Siw Lunander", Some(false))
        );
        assert_eq!(a[3].name, "Vakant");
        assert_eq!(
            (a[4].name.as_str(), a[4].organisation.as_deref()),
            ("Mathias Eriksson", Some("Ljusnarsberg kommun"))
        );
        assert_eq!(a[5].group, Group::Official);
        assert_eq!(a[5].organisation.as_deref(), Some("Region Örebro län"));
        assert_eq!(
            a[5].role.as_deref(),
            Some("områdeschef Välfärd och Folkhälsa, Regional utveckling")
        );
        assert_eq!(
            (a[6].name.as_str(), a[6].present),
            ("Karin Ek", Some(false))
        );
    }

    #[test]
    fn a_tab_stop_ends_the_name_of_a_name_and_role_row() {
        use crate::view::testing::line as placed;
        let row = |y: f32, cells: &[(&str, f32)]| {
            let l = placed(y, cells);
            (1, l.text(), l.words.into_owned())
        };
        let lines = [
            line("Närvarande"),
            row(
                10.0,
                &[
                    ("August", 100.0),
                    ("Eriksson", 142.0),
                    ("Ordförande", 260.0),
                ],
            ),
            row(
                20.0,
                &[
                    ("Erik", 100.0),
                    ("Viklund", 130.0),
                    ("Medlem", 260.0),
                    ("tillika", 300.0),
                    ("justeringsperson", 346.0),
                ],
            ),
            // Two names side by side stay as read.
            row(
                30.0,
                &[
                    ("Anna", 100.0),
                    ("Berg", 130.0),
                    ("Bo", 260.0),
                    ("Ek", 278.0),
                ],
            ),
        ];
        let a = attendance(&borrowed(&lines), &[]);
        let got = names_and_roles(&a);
        assert_eq!(
            got.get(..2).unwrap_or(&[]),
            [
                ("August Eriksson", Some("Ordförande")),
                ("Erik Viklund", Some("Medlem tillika justeringsperson")),
            ]
        );
        assert!(got.iter().all(|(n, _)| *n != "Anna Berg"), "{got:?}");
    }
}
