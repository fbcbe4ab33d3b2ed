//! What every layout parser shares: item labels ("5.", "§ 12"), the chain of top-level
//! labels, paragraphs, body text and the finished [`Item`].

use protokoll_model::text::lowercase;

use crate::decisions::decisions;
use crate::view::{self, PLine};
use crate::words::WORDS;
use protokoll_model::text::item_number;
use protokoll_model::{Item, Word};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The parsers' geometry thresholds.
const P: crate::params::ParseParams = crate::params::ParseParams::DEFAULT;

/// Which labels number the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// "5." "5)" "5a."
    Number,
    /// "§ 12" "§12"
    Section,
}

/// An item label found at the start of a line (or of a line's left column).
#[derive(Debug, Clone)]
pub struct Label {
    /// The item number as the contract writes it ("5", "5a", "12").
    pub number: String,
    /// Its numeric value, for sequence checks.
    pub value: u32,
    /// Index of the line in the parser's line list.
    pub line: usize,
    /// Words consumed by the label.
    pub consumed: usize,
    /// Left edge of the label.
    pub x0: f32,
    /// A bare number before a capitalised word ("7 Rapport om …"), as an OCR layer
    /// that lost the full stop gives it: it may continue a chain, never start one.
    pub weak: bool,
    /// How much the label speaks for a top-level heading: more in heading type (bold,
    /// or larger than the body text), less before an att-sats or a lowercase word (a
    /// list inside an item).
    pub weight: f32,
    /// A weak label whose line reads as a heading in sentence case ("155 Val av
    /// protokolljusterare"), with text after it: it may stand alone as the only item
    /// where nothing else numbers the items (an extract of one "§" whose sign was lost).
    pub lone: bool,
    /// The label opens a sentence that is neither a heading nor a report of what the
    /// meeting did: six words or more that end with a stop or run on into the next line
    /// ("1. Föreningens namn är …, med säte i …"; not "2. Till sekreterare valdes …").
    pub prose: bool,
    /// The line above ends with a colon: a sentence introduces the list this label
    /// opens ("Utkastet till stadgar är:").
    pub introduced: bool,
}

/// How much heading type adds to a label's weight (see [`Label::weight`]).
const HEADING_WEIGHT: f32 = 2.0;
/// The weight of a label before "att" or a lowercase word: a list inside an item.
const LIST_WEIGHT: f32 = 0.3;
/// A label's text of at least this many words may be a sentence ([`Label::prose`]).
const PROSE_MIN_WORDS: usize = 6;
/// A chain whose labels open sentences at least this often, under a sentence ending
/// with a colon, is a list inside the text.
const PROSE_SHARE: f32 = 0.6;
/// A line in type this much larger than the body text is a heading.
const HEADING_SIZE_RATIO: f32 = 1.12;
/// A line this much bold (share of characters) is in heading type.
const HEADING_BOLD_SHARE: f32 = 0.6;
/// A gap after a bare number this many font sizes wide sets it apart as a label
/// ("1     Öppnande av mötet": a tab stop).
const LABEL_GAP_EM: f32 = 1.2;
/// A chain whose labels stand on consecutive lines (an agenda list, no bodies) counts
/// this much of its weight.
const LIST_ONLY_FACTOR: f32 = 0.5;
/// An earlier chain with at least this share of the best chain's score is the
/// document's own agenda; the later one an appendix (another meeting's minutes).
const EARLIER_CHAIN_SHARE: f32 = 0.6;
/// A lone weak label's heading may have at most this share of capitalised words after
/// its first (see [`sentence_case_heading`]).
const LONE_CAPITALISED_SHARE: f32 = 0.5;
/// A chain whose labels stand at most this many lines apart on average is a list
/// (see [`list_like`]).
const LIST_LINE_GAP: f32 = 1.5;

static SECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^§\s*(\d{1,4})([a-zA-Z])?[.:]?$").expect("regex"));
/// An organ's abbreviation before a "§" ("KS § 12", "BUN §4").
static ORGAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-ZÅÄÖ]{1,6}$").expect("regex"));
/// The same abbreviation where the "§" after it was lost ("Sn 49", "KS 12"): two to
/// four letters, capital first.
static ORGAN_LOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{1,3}$").expect("regex"));

/// An optional letter as text ("" for none).
fn opt(letter: Option<char>) -> String {
    letter.map(String::from).unwrap_or_default()
}

/// The word opens an item label whatever follows it: "§", "§12", "Punkt", "Ärende".
pub fn opens_label(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ':']);
    // "P" alone may be a name's initial ("P. Ek"): only whole label words count.
    word.starts_with('§')
        || w.chars().count() > 1
            && w.starts_with(char::is_uppercase)
            && WORDS.label_words.contains(&lowercase(w).as_ref())
}

/// A sub-item's label: one lowercase letter or a short roman numeral and its stop or
/// bracket ("a.", "b)", "ii.").
pub fn sub_label(word: &str) -> bool {
    let Some(body) = word.strip_suffix(['.', ')']) else {
        return false;
    };
    let n = body.chars().count();
    n == 1 && body.chars().all(|c| c.is_ascii_lowercase())
        || (2..=4).contains(&n) && body.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// "§ 3 a": a letter standing apart after the number (then a capital or nothing).
fn letter_after(words: &[Word], at: usize) -> Option<char> {
    let w = words.get(at)?;
    let mut cs = w.text.chars();
    let c = cs.next()?;
    let next_ok = words
        .get(at + 1)
        .is_none_or(|n| !n.text.starts_with(char::is_lowercase));
    (cs.next().is_none() && ('a'..='h').contains(&c) && next_ok).then_some(c)
}

/// An item label read at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRead {
    /// The item's number as the record gives it ("5", "5a", "12").
    pub number: String,
    /// Its numeric value (5 for "5a").
    pub value: u32,
    /// How many words the label took ("§ 12" two, "§12" one).
    pub consumed: usize,
}

impl LabelRead {
    fn new(number: String, value: u32, consumed: usize) -> Self {
        LabelRead {
            number,
            value,
            consumed,
        }
    }
}

/// The label at the start of `words`, if any.
pub fn label_of(words: &[Word], kind: LabelKind, alone_in_cell: bool) -> Option<LabelRead> {
    let first = words.first()?;
    match kind {
        // Most lines open with a letter that starts no label word: no lowercasing, no
        // regex for them.
        LabelKind::Number
            if !first
                .text
                .starts_with(|c: char| c.is_ascii_digit() || "PpÄäAa".contains(c)) =>
        {
            misread_label(&first.text, alone_in_cell && words.len() == 1)
        }
        LabelKind::Number => {
            // "Punkt 3", "Ärende 3": the number after the word, bare or not.
            let low = lowercase(first.text.trim_end_matches(['.', ':']));
            if WORDS.label_words.contains(&low.as_ref()) {
                let n = item_number(&words.get(1)?.text)?;
                let value = n.value;
                let letter = n.letter.map(|c| c.to_ascii_lowercase());
                return (value > 0)
                    .then(|| LabelRead::new(format!("{value}{}", opt(letter)), value, 2));
            }
            let alone = alone_in_cell && words.len() == 1;
            let Some(n) = item_number(&first.text) else {
                return misread_label(&first.text, alone);
            };
            let value = n.value;
            let letter = n.letter.map(|c| c.to_ascii_lowercase());
            // A letter after the number alone on its line that no sub-item uses ("3l",
            // "6l"): an OCR layer's reading of "3/".
            if alone && letter.is_some_and(|c| !('a'..='h').contains(&c)) {
                return misread_label(&first.text, alone);
            }
            // A bare number starts an item only when it stands alone in its cell:
            // "13 juni" in running text is a date, not item 13.
            // So does one followed by a comma, an OCR misreading of the full stop:
            // "12, 13 och 14" in running text is a list.
            let bare = n.closing.is_none_or(|c| c == ',');
            if bare && !(alone_in_cell && words.len() == 1) {
                return None;
            }
            if value == 0 {
                return None;
            }
            Some(LabelRead::new(format!("{value}{}", opt(letter)), value, 1))
        }
        // A dollar sign typed or read for the section sign ("$ 1 MÖTETS ÖPPNANDE"): the
        // label as if written with "§" (the record keeps the text as written).
        LabelKind::Section if first.text.starts_with('$') => {
            let mut fixed = words.to_vec();
            if let Some(w) = fixed.first_mut() {
                w.text = w.text.replacen('$', "§", 1).into();
            }
            label_of(&fixed, kind, alone_in_cell)
        }
        LabelKind::Section => {
            // An organ's abbreviation may stand first ("KS § 12").
            let skip = usize::from(
                words.get(1).is_some_and(|w| w.text.starts_with('§'))
                    && ORGAN.is_match(&first.text),
            );
            let words = words.get(skip..)?;
            let first = words.first()?;
            // Finland-Swedish protocols put the number first: "16 § Val av …", "16§".
            if let Some(found) = number_then_section(words) {
                return Some(found);
            }
            if !first.text.starts_with('§') {
                return None;
            }
            let (value, letter, consumed) = if let Some(c) = SECT.captures(&first.text) {
                let value: u32 = c.get(1)?.as_str().parse().ok()?;
                (value, c.get(2).map(|m| m.as_str().to_string()), 1)
            } else if &*first.text == "§" {
                let n = item_number(&words.get(1)?.text)?;
                (n.value, n.letter.map(String::from), 2)
            } else {
                return None;
            };
            let (letter, consumed) = match letter {
                Some(l) => (l.to_lowercase(), consumed),
                None => match letter_after(words, consumed) {
                    Some(c) => (c.to_string(), consumed + 1),
                    None => (String::new(), consumed),
                },
            };
            Some(LabelRead::new(
                format!("{value}{letter}"),
                value,
                consumed + skip,
            ))
        }
    }
}

/// What OCR makes of digits in a label standing alone on its line, where the type is
/// poor ("Ll" for "1/", "L0l" for "10/", "sl" for "5/", "t3l" for "13/"): the digit
/// each letter is read for.
const MISREAD_DIGITS: [(char, char); 14] = [
    ('l', '1'),
    ('L', '1'),
    ('I', '1'),
    ('i', '1'),
    ('|', '1'),
    ('!', '1'),
    ('t', '1'),
    ('o', '0'),
    ('O', '0'),
    ('s', '5'),
    ('S', '5'),
    ('z', '2'),
    ('Z', '2'),
    ('e', '9'),
];
/// What OCR makes of the stroke after a label's number ("1/" read as "1l").
const MISREAD_STOPS: [char; 8] = ['/', '.', ')', ':', ',', 'l', 't', 'I'];

/// The label an OCR layer misread ([`misread_number`]), only for a token alone on its
/// line.
fn misread_label(token: &str, alone: bool) -> Option<LabelRead> {
    if !alone {
        return None;
    }
    let v = misread_number(token)?;
    Some(LabelRead::new(v.to_string(), v, 1))
}

/// A label of one to three digits and its stop as an OCR layer misread them: the
/// number, if every character reads as a digit once a stop is taken off the end and
/// stray quotes off the start. The chain of labels decides whether it is one: alone,
/// such a token is only a candidate.
fn misread_number(token: &str) -> Option<u32> {
    let t = token.trim_start_matches(['\'', '‘', '’', '`', '´']);
    // Counted before anything is allocated: most tokens are longer words.
    if !(2..=4).contains(&t.chars().take(5).count()) {
        return None;
    }
    let mut body: Vec<char> = t.chars().collect();
    let stop = body.last().is_some_and(|c| MISREAD_STOPS.contains(c));
    // Without a digit, only a short token ending in a stop reads as a label: "till",
    // "se" are words.
    if !body.iter().any(char::is_ascii_digit) && (!stop || body.len() > 3) {
        return None;
    }
    if stop {
        body.pop();
    }
    if body.is_empty() || body.len() > 3 {
        return None;
    }
    let digits: String = body
        .iter()
        .map(|c| {
            if c.is_ascii_digit() {
                Some(*c)
            } else {
                MISREAD_DIGITS.iter().find(|(m, _)| m == c).map(|(_, d)| *d)
            }
        })
        .collect::<Option<String>>()?;
    digits.parse().ok().filter(|v| *v > 0)
}

/// "16 § Val av protokolljusterare" or "16§ …": a number of one to three digits before
/// the section sign, as Finland-Swedish protocols write it.
fn number_then_section(words: &[Word]) -> Option<LabelRead> {
    let first = words.first()?;
    let (digits, consumed) = match first.text.strip_suffix('§') {
        Some(d) => (d, 1),
        None if words.get(1).is_some_and(|w| &*w.text == "§") => (&*first.text, 2),
        None => return None,
    };
    if !(1..=3).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let value: u32 = digits.parse().ok().filter(|v| *v > 0)?;
    Some(LabelRead::new(value.to_string(), value, consumed))
}

/// "7 Rapport": a bare number of one to three digits followed by a capitalised word
/// (not a month: "13 Juni"), perhaps after an organ's abbreviation whose "§" was lost
/// ("Sn 49 Sammanträdets öppnande"; "KF 74" alone on its line). Returns the value and
/// the words consumed.
fn weak_label(words: &[Word]) -> Option<(u32, usize)> {
    // Most lines open with no abbreviation before a number: test the number first.
    let before_number = words
        .get(1)
        .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
    let organ = words
        .first()
        .filter(|w| before_number && ORGAN_LOST.is_match(&w.text));
    let skip = usize::from(organ.is_some());
    // An abbreviation in capitals ("KF"), not a heading's word ("Möte").
    let capitals = organ.is_some_and(|w| w.text.chars().all(char::is_uppercase));
    let words = words.get(skip..)?;
    let first = words.first()?;
    let number = |t: &str| t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
    // The abbreviation and its number alone on their line, the heading under them
    // ("KF 74" / "Sammanträdets inledning").
    let organ_alone = capitals && words.len() == 1;
    if organ_alone && number(&first.text) {
        let value: u32 = first.text.parse().ok().filter(|v| *v > 0)?;
        return Some((value, 2));
    }
    let next = words.get(1)?;
    if !number(&first.text) {
        return None;
    }
    let capital = next.text.chars().next().is_some_and(char::is_uppercase)
        && next.text.chars().all(char::is_alphabetic)
        && next.text.chars().count() >= 3;
    // Or the item's case number, its heading on the next line ("Kf 72 dnr 166/2011").
    // The number may stand apart from its key, in a cell of its own.
    let case = || {
        let key = lowercase(next.text.trim_end_matches(['.', ':']));
        WORDS.case_keys.contains(&key.as_ref()) || words.get(1..).and_then(case_number).is_some()
    };
    if !(capital || case()) || crate::dates::month_of(&lowercase(&next.text)).is_some() {
        return None;
    }
    let value: u32 = first.text.parse().ok().filter(|v| *v > 0)?;
    Some((value, 1 + skip))
}

/// The words after a label read as a heading in sentence case: two words or more,
/// the first capitalised and most of the rest not (a list of names is mostly
/// capitalised: "167 Lena Lernå, Gunilla Claesson").
fn sentence_case_heading(rest: &[Word]) -> bool {
    let Some((first, others)) = rest.split_first() else {
        return false;
    };
    let capitalised = others
        .iter()
        .filter(|w| w.text.starts_with(char::is_uppercase))
        .count();
    first.text.starts_with(char::is_uppercase)
        && !others.is_empty()
        && (capitalised as f32) < others.len() as f32 * LONE_CAPITALISED_SHARE
}

/// The median size of the document's lines: the body text's size, against which a
/// heading is larger.
fn body_size(lines: &[PLine]) -> f32 {
    let mut sizes: Vec<f32> = lines.iter().map(PLine::size).collect();
    // The middle value in the same total order as a full sort, found without one.
    let mid = sizes.len() / 2;
    if mid < sizes.len() {
        sizes.select_nth_unstable_by(mid, f32::total_cmp);
    }
    sizes.get(mid).copied().unwrap_or(1.0)
}

/// The line is set in heading type: bold, or larger than the body text.
pub fn heading_type(l: &PLine, body_size: f32) -> bool {
    l.bold_share() > HEADING_BOLD_SHARE || l.size() > body_size * HEADING_SIZE_RATIO
}

/// Labels at line starts. `words_of` picks the words a label may start (the whole line,
/// or a table's left column).
pub fn candidates(
    lines: &[PLine],
    kind: LabelKind,
    words_of: &dyn for<'a> Fn(&'a PLine) -> &'a [Word],
) -> Vec<Label> {
    let body = body_size(lines);
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        // A list bullet before the label is layout ("• 1 Mötet öppnas").
        let all = words_of(l);
        let skip = usize::from(all.first().is_some_and(|w| crate::view::is_bullet(&w.text)));
        let words = all.get(skip..).unwrap_or(&[]);
        let alone = l.cell(0).is_some_and(|w| w.len() == 1) || words.len() == 1;
        let x0 = words.first().map_or(0.0, |w| w.bbox.x0);
        // Typography is measured only on lines that carry a label (most do not).
        let heading = std::cell::OnceCell::new();
        let heading = || *heading.get_or_init(|| heading_type(l, body));
        let found = label_of(words, kind, alone)
            .map(|l| (l.number, l.value, l.consumed, false))
            .or_else(|| {
                (kind == LabelKind::Number)
                    .then(|| weak_label(words))
                    .flatten()
                    // A bare number in heading type, or set apart by a tab, is a label
                    // ("1 Öppnande av mötet" in a larger bold type).
                    .map(|(v, consumed)| {
                        // An organ's abbreviation and number alone on their line ("KF
                        // 74") is a label as surely as a "§".
                        let organ_alone = consumed == 2 && words.len() == 2;
                        let strong = consumed == 1 && (heading() || wide_gap(words)) || organ_alone;
                        (v.to_string(), v, consumed, !strong)
                    })
            });
        let Some((number, value, consumed, weak)) = found else {
            continue;
        };
        let in_line = consumed + skip;
        // A label standing alone (or beside its case number only) heads the line under
        // it: that line's type says whether this is a heading ("§ 35  2026.034 SN" over
        // a bold title) or an entry of a contents list.
        let rest = words.get(consumed..).unwrap_or(&[]);
        let bare = rest.is_empty()
            || case_number(rest).is_some()
            || bare_case_number(rest, true).is_some();
        let heading = heading() || bare && lines.get(i + 1).is_some_and(|n| heading_type(n, body));
        let next = words.get(consumed).map_or("", |w| &*w.text);
        let list = next.starts_with(char::is_lowercase) || next == "Att";
        let weight =
            if heading { HEADING_WEIGHT } else { 1.0 } * if list { LIST_WEIGHT } else { 1.0 };
        let lone = weak
            && lines.get(i + 1).is_some()
            && l.words.get(in_line..).is_some_and(sentence_case_heading);
        let introduced = i
            .checked_sub(1)
            .and_then(|p| lines.get(p))
            .and_then(|p| p.words.last())
            .is_some_and(|w| w.text.ends_with(':'));
        out.push(Label {
            number,
            value,
            line: i,
            consumed: in_line,
            x0,
            weak,
            weight,
            lone,
            prose: opens_sentence(l.words.get(in_line..).unwrap_or(&[]), lines.get(i + 1)),
            introduced,
        });
    }
    out
}

/// A label's words read as a sentence that reports no act of the meeting: long enough,
/// and ending with a stop or a comma, or running on into the next line, which opens in
/// lowercase. Minutes written as numbered sentences report acts; statutes, conditions
/// and points of a proposal state things.
fn opens_sentence(rest: &[Word], next: Option<&PLine>) -> bool {
    let ends = rest
        .last()
        .is_some_and(|w| w.text.ends_with(['.', ',']) && !w.text.ends_with(".."));
    let runs_on = next
        .and_then(|n| n.words.first())
        .is_some_and(|w| w.text.starts_with(char::is_lowercase));
    rest.len() >= PROSE_MIN_WORDS
        && (ends || runs_on)
        && !crate::heading::reports_act(&crate::view::join(rest))
}

/// A numbered list under a sentence ending with a colon, its entries sentences: a list
/// inside the text (statutes, conditions, points of a proposal), not the agenda.
fn introduced_prose(ch: &[Label]) -> bool {
    let prose = ch.iter().filter(|l| l.prose).count();
    ch.first().is_some_and(|l| l.introduced) && prose as f32 >= ch.len() as f32 * PROSE_SHARE
}

/// The first word stands apart from the second by a wide gap (a tab stop).
fn wide_gap(words: &[Word]) -> bool {
    match words {
        [a, b, ..] => a.font_size > 0.0 && b.bbox.x0 - a.bbox.x1 > LABEL_GAP_EM * a.font_size,
        _ => false,
    }
}

/// The top-level items: a chain of labels numbered one after another (one number may be
/// missing at a time: an OCR layer drops some), at the same indentation. A list
/// restarting at 1 inside item 10 cannot continue the chain (it would need 11), and a
/// list indented deeper is off the chain's margin. Of the chains, the one whose labels
/// weigh most wins ([`Label::weight`]: heading type counts, a list of att-satser
/// little; a chain with no text between its labels is an agenda list); an earlier
/// chain that weighs nearly as much is the document's own, the later one an appendix.
pub fn chain(cands: &[Label]) -> Vec<Label> {
    let chains = Chains::from(cands, false);
    let mut strong = chains.labels(choose(&chains.list));
    if introduced_prose(&strong) {
        strong.clear();
    }
    let strong_span = Span::of(&strong);
    // Bare numbers in body type ("210 Val av justerare") number the items only where
    // nothing else numbers items with bodies (a list, the agenda's or one inside an
    // item, yields to them), and only two or more in sequence with text between them.
    if strong.len() < 2 || strong_span.list_like() {
        let weak_chains = Chains::from(cands, true);
        let weak: Vec<ChainSum> = weak_chains
            .list
            .iter()
            .filter(|c| c.span.len >= 2 && !c.span.list_only() && c.any_weak)
            .copied()
            .collect();
        if weak.is_empty() && strong.len() < 2 {
            // No chain at all: one bare number before a heading in sentence case, above
            // any lone label in list form (a list inside its body), is the only item
            // (an extract of one "§" whose sign was lost).
            let lone: Vec<_> = cands.iter().filter(|l| l.lone).collect();
            if let [one] = lone.as_slice() {
                if cands.iter().all(|c| c.weak || c.line > one.line) {
                    return vec![(*one).clone()];
                }
            }
        }
        if !weak.is_empty() {
            return weak_chains.labels(choose(&weak));
        }
    }
    strong
}

/// Where a chain's labels stand: its first and last line and how many labels it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    first: usize,
    last: usize,
    len: usize,
}

impl Span {
    fn of(ch: &[Label]) -> Span {
        Span {
            first: ch.first().map_or(0, |l| l.line),
            last: ch.last().map_or(0, |l| l.line),
            len: ch.len(),
        }
    }

    /// The labels stand on consecutive lines: an agenda list, not items with bodies.
    fn list_only(self) -> bool {
        self.apart_at_most(1.0)
    }

    /// The labels stand on consecutive lines or nearly (a wrapped line here and there):
    /// a list, not items with bodies.
    fn list_like(self) -> bool {
        self.apart_at_most(LIST_LINE_GAP)
    }

    /// Two labels or more, at most `gap` lines apart on average (labels stand on
    /// increasing lines, so a gap of 1 means every one on the next line).
    fn apart_at_most(self, gap: f32) -> bool {
        self.len > 1 && self.last.saturating_sub(self.first) as f32 <= (self.len - 1) as f32 * gap
    }
}

/// How many labels of one value a chain looks through for its next label.
const SEARCH_AHEAD: usize = 64;

/// At most this many steps of chain building per label (a real agenda takes two or
/// three): past it no new chain starts, so a page of random numbers costs linear time
/// and memory, and the same chains on every run.
const STEPS_PER_LABEL: usize = 64;

/// A chain found: its start, the margin it keeps, its weight and where it stands (the
/// labels themselves are read back from [`Chains`] only for the chosen one).
#[derive(Debug, Clone, Copy)]
struct ChainSum {
    start: usize,
    margin: u32,
    score: f64,
    span: Span,
    any_weak: bool,
}

/// What a chain adds up to from one label on, under one margin.
#[derive(Debug, Clone, Copy)]
struct Tail {
    next: Option<usize>,
    /// Sum of the weights (f64: the f32 weights add up exactly, in any order).
    weight: f64,
    len: usize,
    last_line: usize,
    any_weak: bool,
}

/// Every chain, with its weight, from each label that may start one.
///
/// Each chain is built greedily: from the last label taken, the next one is the first
/// later label that continues the numbering at the start's margin. Which label follows
/// depends only on the label and the margin, so each label is stepped from once per
/// margin and a later chain that reaches it shares the rest ([`Tail`]); a start already
/// reached from its own margin would only repeat that chain's tail, so it starts none.
/// Labels are looked up by value (a sorted index): a document of many numbered lines
/// costs n log n, not n².
struct Chains<'a> {
    cands: &'a [Label],
    tails: HashMap<(u32, usize), Tail>,
    list: Vec<ChainSum>,
    /// Steps taken from one label to the next, over all chains.
    steps: usize,
}

/// A margin as a key: the bits of the start's left edge.
fn margin_key(x0: f32) -> u32 {
    x0.to_bits()
}

impl<'a> Chains<'a> {
    /// Chains from each label that may start one (`weak_starts`: bare numbers in body
    /// type too).
    fn from(cands: &'a [Label], weak_starts: bool) -> Chains<'a> {
        let index = ValueIndex::new(cands);
        let mut chains = Chains {
            cands,
            tails: HashMap::new(),
            list: Vec::new(),
            steps: 0,
        };
        let max_steps = cands.len().saturating_mul(STEPS_PER_LABEL);
        for (s, start) in cands.iter().enumerate() {
            if !weak_starts && start.weak {
                continue;
            }
            let margin = margin_key(start.x0);
            if chains.tails.contains_key(&(margin, s)) {
                continue;
            }
            // Step from the start until a label whose tail under this margin is known.
            let mut path = vec![s];
            let mut at = s;
            loop {
                let next = index.next(at, start.x0);
                match next {
                    Some(n) if chains.tails.contains_key(&(margin, n)) => {
                        chains.end_path(margin, &path, Some(n));
                        break;
                    }
                    // Out of steps, the chain ends here (only hostile input gets here).
                    Some(n) if chains.steps < max_steps => {
                        chains.steps += 1;
                        path.push(n);
                        at = n;
                    }
                    _ => {
                        chains.end_path(margin, &path, None);
                        break;
                    }
                }
            }
            let Some(tail) = chains.tails.get(&(margin, s)) else {
                continue;
            };
            let span = Span {
                first: start.line,
                last: tail.last_line,
                len: tail.len,
            };
            let factor = if span.list_like() {
                LIST_ONLY_FACTOR
            } else {
                1.0
            };
            chains.list.push(ChainSum {
                start: s,
                margin,
                score: tail.weight * f64::from(factor),
                span,
                any_weak: tail.any_weak,
            });
            if chains.steps >= max_steps {
                break;
            }
        }
        chains
    }

    /// Records the tails of `path`'s labels, from the last back: the last one goes on
    /// to `then` (a label whose tail is known) or ends the chain.
    fn end_path(&mut self, margin: u32, path: &[usize], then: Option<usize>) {
        let mut after = then.and_then(|n| self.tails.get(&(margin, n)).copied().map(|t| (n, t)));
        for &i in path.iter().rev() {
            let Some(l) = self.cands.get(i) else { continue };
            let tail = match after {
                Some((n, t)) => Tail {
                    next: Some(n),
                    weight: f64::from(l.weight) + t.weight,
                    len: t.len + 1,
                    last_line: t.last_line,
                    any_weak: l.weak || t.any_weak,
                },
                None => Tail {
                    next: None,
                    weight: f64::from(l.weight),
                    len: 1,
                    last_line: l.line,
                    any_weak: l.weak,
                },
            };
            self.tails.insert((margin, i), tail);
            after = Some((i, tail));
        }
    }

    /// The labels of a chain, read back along its tails.
    fn labels(&self, chain: Option<&ChainSum>) -> Vec<Label> {
        let Some(c) = chain else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(c.span.len);
        let mut at = Some(c.start);
        while let Some(i) = at {
            if let Some(l) = self.cands.get(i) {
                out.push(l.clone());
            }
            at = self.tails.get(&(c.margin, i)).and_then(|t| t.next);
        }
        out
    }
}

/// Labels by value, for finding the next label of a chain.
struct ValueIndex<'a> {
    cands: &'a [Label],
    /// Positions by value; lettered sub-numbers ("5a") apart, the only ones that may
    /// follow their own value.
    by_value: HashMap<u32, Vec<usize>>,
    lettered: HashMap<u32, Vec<usize>>,
}

impl<'a> ValueIndex<'a> {
    fn new(cands: &'a [Label]) -> ValueIndex<'a> {
        let mut by_value: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut lettered: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, c) in cands.iter().enumerate() {
            by_value.entry(c.value).or_default().push(i);
            if c.number.len() > c.value.to_string().len() {
                lettered.entry(c.value).or_default().push(i);
            }
        }
        ValueIndex {
            cands,
            by_value,
            lettered,
        }
    }

    /// The first label after `after` in `index` of value `value` that passes `ok`,
    /// among the next few of that value (a page of thousands of equal numbers would
    /// otherwise be searched through from every start).
    fn first_after(
        &self,
        index: &HashMap<u32, Vec<usize>>,
        value: Option<u32>,
        after: usize,
        ok: &dyn Fn(&Label) -> bool,
    ) -> Option<usize> {
        let list = index.get(&value?)?;
        let from = list.partition_point(|&i| i <= after);
        list.get(from..)?
            .iter()
            .take(SEARCH_AHEAD)
            .copied()
            .find(|&i| self.cands.get(i).is_some_and(ok))
    }

    /// The label after `at` in a chain kept at the margin `margin`: the number after,
    /// one skipped, or a lettered sub-number of the same value ("5" then "5a"), the
    /// first of them near the last. Where the number after stands exactly where the
    /// last does, only labels set exactly there count: a list inside an item ("1." …
    /// "5." indented a little under "2 Formalia") is no step of the chain that goes on
    /// at the margin ("3 Godkännande …").
    fn next(&self, at: usize, margin: f32) -> Option<usize> {
        let last = self.cands.get(at)?;
        let (cur, last_number) = (last.value, &last.number);
        let aligned = |c: &Label| (c.x0 - margin).abs() <= P.label_align;
        let steps = |near: &dyn Fn(&Label) -> bool| {
            [
                self.first_after(&self.by_value, cur.checked_add(1), at, &|c| near(c)),
                self.first_after(&self.by_value, cur.checked_add(2), at, &|c| {
                    near(c) && !c.weak
                }),
                self.first_after(&self.lettered, Some(cur), at, &|c| {
                    near(c) && !c.weak && c.number != *last_number
                }),
            ]
        };
        let exactly = |c: &Label| (c.x0 - last.x0).abs() <= P.label_exact;
        let exact = steps(&exactly);
        let exact = exact[0].and(exact.into_iter().flatten().min());
        let near = steps(&aligned).into_iter().flatten().min();
        // An OCR layer's labels wander by a point or two: only a label set off by an
        // indent gives way to one set exactly.
        let indented = |i: usize| {
            self.cands
                .get(i)
                .is_some_and(|c| (c.x0 - last.x0).abs() > P.label_indent)
        };
        match (near, exact) {
            (Some(n), Some(e)) if indented(n) => Some(e),
            (Some(n), _) => Some(n),
            (None, e) => e,
        }
    }
}

/// The chain that weighs most; an earlier one that weighs nearly as much is the
/// document's own agenda, the later one an appendix.
fn choose(chains: &[ChainSum]) -> Option<&ChainSum> {
    let best = chains.iter().enumerate().max_by(|(i, a), (j, b)| {
        a.score
            .total_cmp(&b.score)
            .then(a.span.len.cmp(&b.span.len))
            .then(j.cmp(i))
    });
    let (_, best) = best?;
    let earlier = chains
        .iter()
        .filter(|c| {
            // An agenda list (labels on consecutive lines) before the items is no
            // document of its own.
            c.span.len >= 3
                && !c.span.list_like()
                && c.score >= best.score * f64::from(EARLIER_CHAIN_SHARE)
                && c.span.last < best.span.first
        })
        .min_by_key(|c| c.span.first);
    Some(earlier.unwrap_or(best))
}

/// "Bilaga 1", "Bilagor", "A Appendix A - Stadgar", "Bilaga Budgetuppföljning 8/2022":
/// the heading of an appendix (`appendix headings`), capitalised, with at most a short
/// label before it.
fn appendix_heading(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    // A label of up to three capitals or digits and its stop ("A", "12.", "IV)").
    let core = first.trim_end_matches(['.', ')']);
    let label = (1..=3).contains(&core.chars().count())
        && core
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let word = if label { words.next() } else { Some(first) };
    word.map(|w| w.trim_end_matches(':'))
        .filter(|w| w.starts_with(char::is_uppercase))
        .is_some_and(|w| WORDS.appendix_headings.contains(&lowercase(w).as_ref()))
}

/// Most words of an appendix heading's line.
const APPENDIX_WORDS: usize = 8;

/// Where the appendices after the last item begin: the first line from `from` on that
/// heads one, set apart as a heading is (first on its page, or in heading type). The
/// last item's body ends there: what follows is no part of the minutes' text ("16
/// Mötets avslutande" / "Appendix A - Stadgar" on the next page).
pub fn appendix_start(lines: &[PLine], from: usize) -> Option<usize> {
    let body = body_size(lines);
    let rest = lines.get(from..)?;
    let at = rest.iter().enumerate().position(|(k, l)| {
        let t = l.text_ref();
        let apart =
            k > 0 && (rest.get(k - 1).is_some_and(|p| p.page != l.page) || heading_type(l, body));
        apart && t.split_whitespace().nth(APPENDIX_WORDS).is_none() && appendix_heading(t)
    })?;
    Some(from + at)
}

/// The line (an item's label line) names the meeting's closing ("16 Mötets
/// avslutande", "§ 12 Avslutning"): a word opening with a stem of `closing titles`.
pub fn closes_meeting(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(CLOSING_WORDS)
        .any(|w| {
            let w = lowercase(w);
            WORDS.closing_titles.iter().any(|s| w.starts_with(s))
        })
}

/// A closing item's heading names it within its first words.
const CLOSING_WORDS: usize = 6;

/// Lines that end the body of the item headed `title`: as [`ends_body`], but under an
/// election a heading that names members by office ("Ordinarie ledamöter:") lists the
/// elected, part of the item.
pub fn ends_item_body(title: &str, line: &PLine) -> bool {
    line.ends_body()
        && !(crate::roles::elects(title) && crate::attendance::office_heading(line.text_ref()))
}

/// Lines that end an item's body before the next label: attendance headings and
/// presence legends (a list of members after the last item is not its text).
pub fn ends_body(line: &str) -> bool {
    crate::attendance::heading_line(line) || crate::attendance::is_legend(line)
}

/// Joins lines into text: a blank line between paragraphs (a vertical gap of about half
/// a line or more), a space inside them; a word broken at the line end is joined.
pub fn body_text<W: AsRef<[Word]>>(parts: &[(Option<&PLine>, W)]) -> String {
    let mut out = String::new();
    let mut prev: Option<&PLine> = None;
    let mut after_heading = false;
    for (line, words) in parts {
        // A whole line's text is joined once, on the line.
        let text: std::borrow::Cow<'_, str> = match line {
            Some(l) if std::ptr::eq(words.as_ref(), &l.words[..]) => l.text_ref().into(),
            _ => view::join(words.as_ref()).into(),
        };
        if text.is_empty() {
            continue;
        }
        // A sub-heading ("Beslutsunderlag", "Kommunstyrelsens beslut") is a paragraph of
        // its own: the decisions are read by section.
        let section = crate::sections::heading(&text);
        let heading = section.is_some_and(|(_, rest)| rest.is_empty());
        if !out.is_empty() {
            let para = section.is_some()
                || after_heading
                || match (prev, line) {
                    (Some(a), Some(b)) => view::gap(a, b) > P.paragraph_gap,
                    _ => false,
                };
            if para {
                out.push_str("\n\n");
            } else if broken_word(&out, &text) {
                out.pop();
            } else {
                out.push(' ');
            }
        }
        out.push_str(&text);
        after_heading = heading;
        if line.is_some() {
            prev = *line;
        }
    }
    out
}

/// `text` stops where no phrase ends: a word broken by a hyphen, a comma, or a word
/// that carries a phrase on (`[line continuers]`: "och", "att", "af").
pub fn stops_mid_phrase(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    hyphen_end(text)
        || last.ends_with(',')
        || crate::words::WORDS
            .line_continuers
            .contains(&lowercase(last).as_ref())
}

/// `text` ends in a word broken by a hyphen ("kommu-", "Kommunal-"), not in a dash
/// standing alone ("Kyrkan -").
fn hyphen_end(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .is_some_and(|w| w.len() > 1 && w.ends_with('-'))
}

/// `line` and the `next` it wraps onto, as one text: a word broken by a hyphen at the
/// line's end is joined ("kommu-" / "nalnämnden"), a compound's hyphen kept before a
/// capital ("Kommunal-" / "Nämndens"), and other lines joined by a space.
pub fn join_wrapped(line: &str, next: &str) -> String {
    if broken_word(line, next) {
        format!("{}{next}", line.strip_suffix('-').unwrap_or(line))
    } else if hyphen_end(line) && next.starts_with(char::is_uppercase) {
        format!("{line}{next}")
    } else {
        format!("{line} {next}")
    }
}

/// A word broken by a hyphen at the end of `line` goes on at the start of `next`
/// ("kommu-" / "nalnämnden"; not "Kyrkan -", nor before "och" in "vård- och omsorg").
fn broken_word(line: &str, next: &str) -> bool {
    hyphen_end(line) && next.starts_with(char::is_lowercase) && !starts_with_conjunction(next)
}

fn starts_with_conjunction(s: &str) -> bool {
    let w = s.split_whitespace().next().unwrap_or("");
    crate::words::WORDS.clause_joiners.contains(&w)
}

/// The finished item.
pub fn item(
    number: String,
    title: String,
    presenters: Vec<String>,
    text: String,
    extent: Extent,
) -> Item {
    let boxes = extent.boxes();
    let pages: Vec<u32> = boxes.iter().map(|b| b.page).collect();
    let mut uniq: Vec<String> = Vec::new();
    for p in presenters {
        // Abbreviation dots stay ("ordf.", "Maria B."); a sentence's full stop after a
        // full name goes.
        let mut p = p
            .trim()
            .trim_end_matches([',', ':', ';'])
            .trim()
            .to_string();
        let last = p.split_whitespace().last().unwrap_or("");
        if p.ends_with('.') && last.chars().filter(|c| c.is_alphabetic()).count() > 4 {
            p.pop();
        }
        if !p.is_empty() && !uniq.iter().any(|u| u.eq_ignore_ascii_case(&p)) {
            uniq.push(p);
        }
    }
    let text = text.trim().to_string();
    let mut decisions = decisions(&text);
    if decisions.is_empty() {
        decisions = crate::decisions::by_title(&title, &text);
    }
    let (votes, reservations) = (
        crate::votes::votes(&text),
        crate::votes::reservations(&text),
    );
    Item {
        number,
        title,
        presenters: uniq,
        text,
        decisions,
        pages,
        case_number: None,
        boxes,
        votes,
        reservations,
    }
}

/// Where an item's lines stand: per page, the box around them (the record's
/// provenance).
#[derive(Debug, Default, Clone)]
pub struct Extent(Vec<(u32, protokoll_model::Rect)>);

impl Extent {
    /// Adds a line.
    pub fn push(&mut self, l: &PLine) {
        let Some(b) = view::bbox(&l.words) else {
            return;
        };
        match self.0.iter_mut().find(|(p, _)| *p == l.page) {
            Some((_, r)) => *r = r.union(&b),
            None => self.0.push((l.page, b)),
        }
    }
    /// The boxes in page order, rounded for the record.
    pub fn boxes(mut self) -> Vec<protokoll_model::PageBox> {
        self.0.sort_by_key(|(p, _)| *p);
        self.0.iter().map(|(p, r)| view::page_box(*p, r)).collect()
    }
}

/// "Dnr KS 2024/123", "DNR:KU/2007.9", "Diarienummer: 2024.123": the case number an item
/// is filed under, if `words` open with one.
pub fn case_number(words: &[Word]) -> Option<String> {
    let first = words.first()?;
    let low = lowercase(&first.text);
    let key = WORDS.case_keys.iter().find(|k| low.starts_with(*k))?;
    let rest_of_first = first.text.get(key.len()..).unwrap_or("");
    // "Dnr" itself, with a stop or a colon, or run into the number ("DNR:KU/2007.9").
    let rest_of_first = rest_of_first.trim_start_matches(['.', ':']);
    if !rest_of_first.is_empty() && !rest_of_first.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    if !rest_of_first.is_empty() {
        parts.push(rest_of_first);
    }
    parts.extend(words.iter().skip(1).map(|w| w.text.trim_start_matches(':')));
    let value = parts.join(" ").trim().to_string();
    (value.chars().any(|c| c.is_ascii_digit()) && value.len() <= 40).then_some(value)
}

/// Splits a heading's words at a case number standing in it ("Budget 2025 Dnr KS
/// 2024/12", or without its key at the end: "§ 35  2026.034 SN"): (the heading's
/// words, the case number).
pub fn split_case_number(words: &[Word]) -> (&[Word], Option<String>) {
    for k in 0..words.len() {
        let tail = words.get(k..).unwrap_or(&[]);
        if let Some(c) = case_number(tail).or_else(|| bare_case_number(tail, k == 0)) {
            return (words.get(..k).unwrap_or(&[]), Some(c));
        }
    }
    (words, None)
}

/// A case number written without "Dnr": a registry's abbreviation and a numbered
/// year ("2026.034 SN", "KS 2024/123", "KS/2019:45"). No lowercase word, at most four
/// words, one of them a number with a separator and one an upper-case abbreviation,
/// so a heading that merely ends in a year ("Budget 2025/2026") is not one. `whole`:
/// the words are all a heading has ("§ 116  2020.008"), where a numbered year alone is
/// no title either.
fn bare_case_number(words: &[Word], whole: bool) -> Option<String> {
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let numbered = |t: &str| {
        let digits = t.chars().filter(char::is_ascii_digit).count();
        digits >= 3
            && t.contains(['.', '/', ':', '-'])
            && t.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, '.' | '/' | ':' | '-') || c.is_uppercase()
            })
    };
    let abbreviation = |t: &str| {
        let letters = t.trim_matches(['.', '/', ':', '-']);
        (2..=5).contains(&letters.chars().count()) && letters.chars().all(char::is_uppercase)
    };
    let texts: Vec<&str> = words.iter().map(|w| &*w.text).collect();
    let has_number = texts.iter().any(|t| numbered(t));
    let has_abbreviation = texts
        .iter()
        .any(|t| abbreviation(t) || t.split(['/', '.', ':']).any(abbreviation) && numbered(t));
    let all_case = texts.iter().all(|t| numbered(t) || abbreviation(t));
    (has_number && (has_abbreviation || whole) && all_case).then(|| texts.join(" "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrapped_lines_join_at_their_hyphens() {
        use super::{join_wrapped, stops_mid_phrase};
        assert_eq!(
            join_wrapped("vid kommu-", "nalnämnden i"),
            "vid kommunalnämnden i"
        );
        assert_eq!(
            join_wrapped("vid Kommunal-", "Nämndens i"),
            "vid Kommunal-Nämndens i"
        );
        assert_eq!(join_wrapped("ljuskronor -", "Och"), "ljuskronor - Och");
        assert_eq!(
            join_wrapped("hållet vid", "Kyrkostämma"),
            "hållet vid Kyrkostämma"
        );
        assert!(stops_mid_phrase("Sockens Lazaretts, Mat och"));
        assert!(stops_mid_phrase("vid Kommunal-"));
        assert!(!stops_mid_phrase("för Kyrkan -"));
        assert!(!stops_mid_phrase("Val av justerare"));
    }

    use super::*;

    /// A read label as (number, value, words taken), as the assertions write it.
    fn tuple(l: LabelRead) -> (String, u32, usize) {
        (l.number, l.value, l.consumed)
    }

    fn words(text: &str) -> Vec<Word> {
        text.split_whitespace()
            .map(|t| Word {
                text: t.into(),
                ..Word::default()
            })
            .collect()
    }

    fn label(value: u32, line: usize, weak: bool) -> Label {
        Label {
            number: value.to_string(),
            value,
            line,
            consumed: 1,
            x0: 70.0,
            weak,
            weight: 1.0,
            lone: weak,
            prose: false,
            introduced: false,
        }
    }

    fn numbers(ls: &[Label]) -> Vec<u32> {
        ls.iter().map(|l| l.value).collect()
    }

    #[test]
    fn sub_labels() {
        assert!(sub_label("a.") && sub_label("b)") && sub_label("ii.") && sub_label("i."));
        assert!(!sub_label("av") && !sub_label("Ab.") && !sub_label("att.") && !sub_label("12."));
    }

    #[test]
    fn the_appendices_after_the_closing_item() {
        use crate::view::testing::text_line;
        assert!(closes_meeting("16 Mötets avslutande"));
        assert!(closes_meeting("§ 12 Avslutning"));
        assert!(!closes_meeting("5. Val av justerare"));
        assert!(appendix_heading("Bilagor") && appendix_heading("BILAGA 2"));
        assert!(appendix_heading("A Appendix A - Stadgar") && appendix_heading("Bilaga: Budget"));
        assert!(!appendix_heading("Se bilaga 3.") && !appendix_heading("bilaga 3 samt bilaga 4"));
        let on = |page: u32, t: &str| {
            let mut l = text_line(0.0, t);
            l.page = page;
            l
        };
        let lines = vec![
            on(4, "16 Mötets avslutande"),
            on(4, "Mötet förklarades avslutat. Se bilaga 3."),
            on(4, "Bilaga 3"),
            on(5, "A Appendix A - Stadgar"),
            on(5, "A.1 Namn"),
        ];
        // "Bilaga 3" mid-page in body type is a reference; the heading opening page 5
        // begins the appendices.
        assert_eq!(appendix_start(&lines, 0), Some(3));
        assert_eq!(appendix_start(&lines[..3], 0), None);
    }

    #[test]
    fn labels_an_ocr_layer_misread() {
        for (token, value) in [("Ll", 1), ("3l", 3), ("sl", 5), ("el", 9), ("L0l", 10)] {
            assert_eq!(misread_number(token), Some(value), "{token}");
        }
        assert_eq!(misread_number("tLl"), Some(11));
        assert_eq!(misread_number("L2/"), Some(12));
        // Words, and numbers nobody misread, are not.
        for token in ["Lars", "till", "se", "l", "0l", "4711"] {
            assert_eq!(misread_number(token), None, "{token}");
        }
    }

    #[test]
    fn a_list_of_statements_a_sentence_introduces_is_no_agenda() {
        let mut ls: Vec<Label> = (1..=4).map(|v| label(v, v as usize * 3, false)).collect();
        for l in &mut ls {
            l.prose = true;
        }
        if let Some(first) = ls.first_mut() {
            first.introduced = true;
        }
        assert!(chain(&ls).is_empty());
        // The same statements not under a colon, or under one as headings, are items.
        if let Some(first) = ls.first_mut() {
            first.introduced = false;
        }
        assert_eq!(numbers(&chain(&ls)), [1, 2, 3, 4]);
        for l in &mut ls {
            l.prose = false;
            l.introduced = true;
        }
        assert_eq!(numbers(&chain(&ls)), [1, 2, 3, 4]);
    }

    #[test]
    fn case_numbers() {
        let c = |t: &str| split_case_number(&words(t)).1;
        assert_eq!(c("Dnr KS 2024/88").as_deref(), Some("KS 2024/88"));
        assert_eq!(c("DNR:KU/2007.9").as_deref(), Some("KU/2007.9"));
        assert_eq!(c("Budget 2025 Dnr: 2024.12").as_deref(), Some("2024.12"));
        assert_eq!(c("Dnrförteckning saknas"), None);
        assert_eq!(split_case_number(&words("Budget Dnr 12")).0.len(), 1);
        // Without the key: a registry abbreviation and a numbered year.
        assert_eq!(c("2026.034 SN").as_deref(), Some("2026.034 SN"));
        assert_eq!(c("KS 2024/123").as_deref(), Some("KS 2024/123"));
        assert_eq!(c("KS/2019:45").as_deref(), Some("KS/2019:45"));
        let w = words("Ekonomisk uppföljning 2018.002 ÖN");
        let (heading, case) = split_case_number(&w);
        assert_eq!((heading.len(), case.as_deref()), (2, Some("2018.002 ÖN")));
        assert_eq!(c("Budget 2025/2026"), None);
        assert_eq!(c("2020.008").as_deref(), Some("2020.008"));
        assert_eq!(c("Val av EU-kandidat 2024"), None);
        assert_eq!(c("Detaljplan för del av Sörhaga 2:4"), None);
        // Finland-Swedish order: the number before the sign.
        let sect = |t: &str| label_of(&words(t), LabelKind::Section, false).map(tuple);
        assert_eq!(
            sect("16 § Val av protokolljusterare"),
            Some(("16".into(), 16, 2))
        );
        assert_eq!(sect("16§ Val"), Some(("16".into(), 16, 1)));
        assert_eq!(sect("2023 § 5"), None);
        assert_eq!(sect("Protokoll 16 § 09.05.2023 Sida"), None);
        // A bare number whose "§" was lost, before its case number: a label.
        assert_eq!(weak_label(&words("Kf 72 dnr 166/2011")), Some((72, 2)));
        assert_eq!(weak_label(&words("Kf 72 dnr")), Some((72, 2)));
        assert_eq!(weak_label(&words("72 kronor per månad")), None);
        // An organ's abbreviation and number alone on their line; not a heading's word.
        assert_eq!(weak_label(&words("KF 74")), Some((74, 2)));
        assert_eq!(weak_label(&words("Möte 1")), None);
    }

    #[test]
    fn a_dollar_sign_for_the_section_sign() {
        let sect = |t: &str| label_of(&words(t), LabelKind::Section, false).map(tuple);
        assert_eq!(sect("$ 1 MÖTETS ÖPPNANDE"), Some(("1".into(), 1, 2)));
        assert_eq!(sect("$12 Val av justerare"), Some(("12".into(), 12, 1)));
        // Only a dollar sign opening the line stands for it.
        assert_eq!(sect("US$ 100"), None);
    }

    #[test]
    fn section_labels_with_organ_and_letter() {
        let l = |t: &str| label_of(&words(t), LabelKind::Section, false).map(tuple);
        assert_eq!(l("KS § 3 a"), Some(("3a".into(), 3, 4)));
        assert_eq!(l("§ 12 Val av justerare"), Some(("12".into(), 12, 2)));
        assert_eq!(l("§12b"), Some(("12b".into(), 12, 1)));
        assert_eq!(l("§ 3 i samband"), Some(("3".into(), 3, 2)));
        let n = |t: &str| label_of(&words(t), LabelKind::Number, false).map(tuple);
        assert_eq!(n("Punkt 4 Ekonomi"), Some(("4".into(), 4, 2)));
    }

    #[test]
    fn words_that_open_an_item_label() {
        assert!(opens_label("Punkt") && opens_label("§12") && opens_label("Ärende"));
        assert!(!opens_label("P.") && !opens_label("punkt") && !opens_label("Per"));
    }

    #[test]
    fn labels_with_ocr_noise() {
        let l = |t: &str| label_of(&words(t), LabelKind::Number, false).map(|x| x.value);
        assert_eq!(l("5. Rapport"), Some(5));
        assert_eq!(l("10.‘ Friskare"), Some(10));
        assert_eq!(l("13 juni"), None);
        assert_eq!(l("12, 13 och 14"), None);
        assert_eq!(
            label_of(&words("12,"), LabelKind::Number, true).map(|x| x.value),
            Some(12)
        );
        assert_eq!(weak_label(&words("7 Rapport om frågan")), Some((7, 1)));
        assert_eq!(weak_label(&words("13 Juni")), None);
        assert_eq!(weak_label(&words("2025 Protokoll")), None);
        assert_eq!(weak_label(&words("210 Val av justerare")), Some((210, 1)));
        assert_eq!(
            weak_label(&words("Sn 49 Sammanträdets öppnande")),
            Some((49, 2))
        );
        assert_eq!(weak_label(&words("Bilaga 4 Protokoll")), None);
        let heading = |t: &str| sentence_case_heading(&words(t));
        assert!(heading("Val av protokolljusterare samt justeringsdatum"));
        assert!(heading("Sammanträdets öppnande, formalia."));
        assert!(!heading("Lena Lernå, Gunilla Claesson, Erica Månsson"));
        assert!(!heading("Rapport"));
    }

    #[test]
    fn a_bullet_before_a_label_is_layout() {
        let lines: Vec<PLine> = ["• 1 Mötet öppnas", "Text.", "• 2 Föregående protokoll"]
            .iter()
            .map(|t| PLine::of_words(1, words(t)))
            .collect();
        let found = candidates(&lines, LabelKind::Number, &|l: &PLine| &l.words);
        let got: Vec<(u32, usize)> = found.iter().map(|l| (l.value, l.consumed)).collect();
        // The label's words taken include the bullet: the title starts after both.
        assert_eq!(got, [(1, 2), (2, 2)]);
        assert!(crate::view::is_bullet("•") && !crate::view::is_bullet("•1"));
    }

    #[test]
    fn an_agenda_list_with_a_wrapped_row_yields_to_the_items() {
        // § 54-57 listed on lines 0-4 (one title wraps), then the paragraphs themselves.
        let mut c = vec![
            label(54, 0, false),
            label(55, 1, false),
            label(56, 3, false),
            label(57, 4, false),
        ];
        c.extend([
            label(54, 10, false),
            label(55, 20, false),
            label(56, 30, false),
            label(57, 40, false),
        ]);
        assert_eq!(chain(&c).first().map(|l| l.line), Some(10));
    }

    #[test]
    fn chain_through_many_equal_numbers() {
        // Thousands of "1." lines (a hostile file had 100,000) before 2 and 3: the chain
        // still finds its way, and a lettered sub-number follows its own value.
        let mut c: Vec<Label> = (0..20_000).map(|i| label(1, i, false)).collect();
        c.push(label(2, 20_005, false));
        let mut sub = label(2, 20_007, false);
        sub.number = "2a".into();
        c.push(sub);
        c.push(label(3, 20_010, false));
        let ch = chain(&c);
        let got: Vec<&str> = ch.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(got, ["1", "2", "2a", "3"]);
        assert_eq!(ch.first().map(|l| l.line), Some(0));
    }

    /// Labels of pseudo-random values 1..=500 (a fixed LCG: the same on every run).
    fn random_labels(n: usize, x0: impl Fn(usize) -> f32) -> Vec<Label> {
        let mut seed: u64 = 1;
        (0..n)
            .map(|i| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let value = u32::try_from((seed >> 33) % 500).unwrap_or(0) + 1;
                Label {
                    x0: x0(i),
                    ..label(value, i, false)
                }
            })
            .collect()
    }

    #[test]
    fn each_label_is_stepped_from_once_per_margin() {
        // 50,000 numbered lines in random order (a hostile text took 3 s and 570 MB
        // with every chain built label by label): chains that meet share their tail.
        let c = random_labels(50_000, |_| 70.0);
        let chains = Chains::from(&c, false);
        assert!(chains.steps < c.len(), "{}", chains.steps);
        // The best chain is as long as one built label by label: at most 500 steps.
        let best = chains.labels(choose(&chains.list));
        assert!(best.len() > 100 && best.len() <= 500, "{}", best.len());
        assert!(best.windows(2).all(|w| w[0].line < w[1].line));
    }

    #[test]
    fn chains_of_many_margins_stop_at_the_step_limit() {
        // Every label a margin of its own (within the alignment tolerance of the
        // others): no chain shares a tail, and without a limit 20,000 chains of 250
        // labels on average would be built.
        // Runs of 1 … 500 over and over: a chain from each label runs to 500.
        let c: Vec<Label> = (0..20_000u32)
            .map(|i| Label {
                x0: 70.0 + i as f32 * 1e-4,
                ..label(i % 500 + 1, i as usize, false)
            })
            .collect();
        let chains = Chains::from(&c, false);
        assert_eq!(chains.steps, c.len() * STEPS_PER_LABEL);
        assert!(chains.list.len() < c.len());
        // The same chains on every run.
        let again = Chains::from(&c, false);
        assert_eq!(
            chains.labels(choose(&chains.list)).len(),
            again.labels(choose(&again.list)).len()
        );
    }

    #[test]
    fn a_list_indented_inside_an_item_is_no_step_of_the_chain() {
        // "1", "2 Formalia" at the margin, "1." … "5." indented under it, "3" … "6" on.
        let at = |value: u32, line: usize, x0: f32| Label {
            x0,
            ..label(value, line, false)
        };
        let mut c = vec![at(1, 0, 82.2), at(2, 2, 82.2)];
        c.extend((1..=5).map(|v| at(v, 2 + 2 * v as usize, 94.4)));
        c.extend((3..=6).map(|v| at(v, 10 + 4 * v as usize, 82.2)));
        assert_eq!(numbers(&chain(&c)), [1, 2, 3, 4, 5, 6]);
        assert!(chain(&c).iter().all(|l| l.x0 < 90.0));
        // An OCR layer's labels wander by a few points: the first near one is taken.
        let c = [
            at(6, 0, 63.6),
            at(7, 4, 59.5),
            at(8, 9, 60.5),
            at(7, 20, 61.7),
        ];
        assert_eq!(
            chain(&c).iter().map(|l| l.line).collect::<Vec<_>>(),
            [0, 4, 9]
        );
    }

    #[test]
    fn chain_bridges_one_lost_number_and_takes_weak_labels_in_sequence() {
        // 5, 6, weak 7, (8 lost), 9, 10.
        let c = [
            label(5, 0, false),
            label(6, 3, false),
            label(7, 5, true),
            label(9, 8, false),
            label(10, 9, false),
        ];
        assert_eq!(numbers(&chain(&c)), [5, 6, 7, 9, 10]);
        // A weak label never jumps a gap, and starts a chain only where no label
        // in heading form does, with text between the labels.
        let c = [label(3, 0, true), label(4, 1, true), label(6, 2, true)];
        assert!(chain(&c).is_empty());
        let c = [label(210, 0, true), label(211, 4, true)];
        assert_eq!(numbers(&chain(&c)), [210, 211]);
        let c = [
            label(1, 0, false),
            label(2, 3, false),
            label(210, 5, true),
            label(211, 8, true),
        ];
        assert_eq!(numbers(&chain(&c)), [1, 2]);
        // An agenda list (labels on consecutive lines) leaves the items to bare numbers.
        let c = [
            label(38, 0, true),
            label(39, 4, true),
            label(1, 5, false),
            label(2, 6, false),
            label(3, 7, false),
            label(5, 9, false),
        ];
        assert_eq!(numbers(&chain(&c)), [38, 39]);
        // One bare number before a heading is the only item; below a list label too.
        assert_eq!(numbers(&chain(&[label(155, 3, true)])), [155]);
        let c = [label(50, 2, true), label(1, 5, false)];
        assert_eq!(numbers(&chain(&c)), [50]);
        let c = [label(1, 2, false), label(50, 5, true)];
        assert_eq!(numbers(&chain(&c)), [1]);
    }
}
