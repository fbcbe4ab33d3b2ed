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
    // `split_whitespace` is lazy: a paragraph is read no further than the limit.
    if head.split_whitespace().nth(MAX_HEADING_WORDS).is_some() {
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

/// "Mötet beslutar", "Styrelsen beslutade", "Årsmötet beslöt" (before a colon).
static DECIDES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{L}[\p{L}-]*\s+){0,3}(?:beslutar|beslutade|beslöt|beslutas|beslutades)$")
        .expect("regex")
});

#[cfg(test)]
mod tests {
    use super::*;

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
