//! The sub-headings that divide an item's body ("Beslutsunderlag", "Förslag till
//! beslut", "Kommunstyrelsens beslut", "Reservation"), read from `data/sections.tsv`:
//! which part of an item holds the meeting's decisions and which holds proposals,
//! background or votes.

use regex::Regex;
use std::sync::LazyLock;

/// What a section of an item holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Decisions taken by this meeting.
    Decision,
    /// Proposals and motions (never decisions of the meeting).
    Proposal,
    /// Documents the decision rests on.
    Basis,
    /// Summary, background, discussion.
    Account,
    /// Order of proposals, votes.
    Procedure,
    /// Reservations against the decision.
    Reservation,
    /// Notes to the minutes, statements, conflicts of interest.
    Note,
    /// Who the decision is sent to.
    Dispatch,
}

static TABLE: LazyLock<Vec<(String, SectionKind)>> = LazyLock::new(|| {
    phrase_table(include_str!("../data/sections.tsv"), |k| match k {
        "decision" => Some(SectionKind::Decision),
        "proposal" => Some(SectionKind::Proposal),
        "basis" => Some(SectionKind::Basis),
        "account" => Some(SectionKind::Account),
        "procedure" => Some(SectionKind::Procedure),
        "reservation" => Some(SectionKind::Reservation),
        "note" => Some(SectionKind::Note),
        "dispatch" => Some(SectionKind::Dispatch),
        _ => None,
    })
});

/// A word list of `data/` ("phrase<TAB>kind" lines, `#` comments) as (phrase, kind),
/// longest phrase first so that "förslag till beslut" is tried before "förslag".
pub fn phrase_table<K>(tsv: &str, kind: impl Fn(&str) -> Option<K>) -> Vec<(String, K)> {
    let mut v: Vec<(String, K)> = tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (phrase, k) = l.split_once('\t')?;
            Some((phrase.trim().to_string(), kind(k.trim())?))
        })
        .collect();
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    v
}

/// "Kommunstyrelsens beslut", "Barn- och utbildningsnämndens beslut", "Årsmötets beslut".
static ORGAN_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{L}[\p{L}-]*\s+(?:och\s+|&\s+)?){0,5}\p{L}[\p{L}-]*s\s+beslut$")
        .expect("regex")
});

/// The longest heading a line may be (in words): a heading is short.
const MAX_HEADING_WORDS: usize = 7;

/// A section heading at the start of `text`: its kind and the text after it (empty when
/// the heading is the whole line). A heading run into its text needs a colon
/// ("Beslut: Rapporten godkänns"); one standing alone may have one ("Beslut:").
pub fn heading(text: &str) -> Option<(SectionKind, &str)> {
    let t = text.trim();
    // Headings open with a capital (or stand in a bold line of their own): most lines
    // stop at this test.
    if !t.starts_with(char::is_uppercase) {
        return None;
    }
    let (head, rest) = match t.find(':') {
        Some(i) => (t.get(..i).unwrap_or(t), t.get(i + 1..).unwrap_or("").trim()),
        None => (t, ""),
    };
    let head = head.trim();
    if more_words_than(head, MAX_HEADING_WORDS) {
        return None;
    }
    let low = head.to_lowercase();
    let low = low.trim_end_matches('.');
    if let Some((_, k)) = TABLE.iter().find(|(h, _)| h == low) {
        return Some((*k, rest));
    }
    // Both patterns end in a form of "beslut": a literal test spares most lines them.
    if !low.contains("beslut") && !low.contains("beslöt") {
        return None;
    }
    if low.ends_with("beslut") && ORGAN_DECISION.is_match(low) && !low.starts_with("förslag") {
        return Some((SectionKind::Decision, rest));
    }
    // "Mötet beslutar: att …", "Styrelsen beslutade:": a decision label with a colon.
    if t.contains(':') && DECIDES.is_match(low) {
        return Some((SectionKind::Decision, rest));
    }
    None
}

/// `s` has more than `n` words (as `split_whitespace` parts them), counted no further
/// than needed: `s` may be a whole paragraph, and this runs on every line of a body.
fn more_words_than(s: &str, n: usize) -> bool {
    // Byte by byte: ASCII whitespace as `char::is_whitespace` knows it. Other
    // whitespace starts with one of four lead bytes (U+0085, U+00A0, U+1680,
    // U+2000-U+205F, U+3000); at one of those the general count decides. Any other
    // byte at or above 0x80 is part of a letter or sign, never whitespace.
    let mut words = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            return s.split_whitespace().nth(n).is_some();
        }
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > n {
                return true;
            }
        }
    }
    false
}

/// "Mötet beslutar", "Styrelsen beslutade", "Årsmötet beslöt" (before a colon).
static DECIDES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{L}[\p{L}-]*\s+){0,3}(?:beslutar|beslutade|beslöt|beslutas|beslutades)$")
        .expect("regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            " ",
            "a",
            " a  b\tc\n",
            "a\u{b}b\u{c}c\rd",
            "å ä ö",
            "a\u{a0}b c",
            "a\u{3000}b\u{2003}c\u{85}d\u{1680}e",
            "Årsmötets beslut — förslag",
        ] {
            for n in 0..5 {
                assert_eq!(
                    more_words_than(s, n),
                    s.split_whitespace().count() > n,
                    "{s:?} {n}"
                );
            }
        }
    }

    #[test]
    fn headings_and_their_kinds() {
        assert_eq!(heading("Beslut"), Some((SectionKind::Decision, "")));
        assert_eq!(
            heading("Kommunstyrelsens beslut"),
            Some((SectionKind::Decision, ""))
        );
        assert_eq!(
            heading("Barn- och utbildningsnämndens beslut"),
            Some((SectionKind::Decision, ""))
        );
        assert_eq!(
            heading("Förslag till beslut"),
            Some((SectionKind::Proposal, ""))
        );
        assert_eq!(
            heading("Beslut: Rapporten godkänns."),
            Some((SectionKind::Decision, "Rapporten godkänns."))
        );
        assert_eq!(heading("Yrkanden"), Some((SectionKind::Proposal, "")));
        assert_eq!(
            heading("Beslutet skickas till"),
            Some((SectionKind::Dispatch, ""))
        );
        assert_eq!(heading("Beslut fattades om budgeten"), None);
        assert_eq!(heading("beslut"), None);
        assert_eq!(
            heading("Mötet beslutar: att anse mötet utlyst."),
            Some((SectionKind::Decision, "att anse mötet utlyst."))
        );
        assert_eq!(
            heading("Förslag: att anse mötet utlyst."),
            Some((SectionKind::Proposal, "att anse mötet utlyst."))
        );
        assert_eq!(heading("Beslutsunderlag"), Some((SectionKind::Basis, "")));
        assert_eq!(
            heading("Beslutsunderlag: Tjänsteskrivelse"),
            Some((SectionKind::Basis, "Tjänsteskrivelse"))
        );
    }
}
