//! Votes (voteringar) and reservations in an item's text: the counts as written ("Med 7
//! ja-röster mot 4 nej-röster", "Ja: 7 Nej: 4 Avstår: 2"), what ja and nej stood for,
//! each member's vote where a list gives it ("Anna Berg (S) Ja"), a check that list and
//! counts agree; and who reserved themselves ("Anna Berg (M) reserverar sig mot
//! beslutet").

use protokoll_model::{MemberVote, Reservation, Vote};
use regex::Regex;
use std::sync::LazyLock;

/// A count before its kind: "7 ja-röster", "4 nej", "2 avstod", "1 frånvarande".
static COUNT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{1,3}|\p{L}+)\s+(ja|nej)(?:-?röster|-?röst)?(?-u:\b)|(?i)(?-u:\b)(\d{1,3}|\p{L}+)\s+(?:ledamöter\s+|ledamot\s+)?(avstår|avstod|avstående|nedlagda röster|frånvarande)(?-u:\b)")
        .expect("regex")
});
/// A count after its label: "Ja: 7", "Nej 4", "Avstår: 2".
static COUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(ja|nej|avstår|frånvarande)\s*:\s*(\d{1,3})(?-u:\b)").expect("regex")
});
/// "Ja-röst för bifall till …, nej-röst för …": what the vote was about.
static QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(ja-?röst\w*\s+(?:för|innebär)\s+[^.]*?(?:nej-?röst\w*\s+(?:för|innebär)\s+[^.]*)?)(?:\.|$)")
        .expect("regex")
});
/// A member's vote on a line of its own: "Anna Berg (S) Ja", "Bo Ek (M) avstår".
static MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*(?:\((\p{Lu}{1,3})\))?\s+(?i:(ja|nej|avstår|frånvarande))$")
        .expect("regex")
});
/// "reserverar sig", "reserverade sig", "reservation mot".
static RESERVES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)reserver(?:ar|ade)\s+sig").expect("regex"));
/// A name with its party in brackets: "Anna Berg (M)".
static NAME_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*\((\p{Lu}{1,3})\)")
        .expect("regex")
});
/// What a reservation is against or for: the rest of the sentence from "mot" or "till
/// förmån för" (after the verb), or a sentence that opens with it ("Mot beslutet
/// reserverar sig …").
static AGAINST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)((?:mot|till förmån för)\s+[^.]+?)\s*(?:\.|$)").expect("regex")
});
static OPENS_AGAINST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)(mot\s+\p{L}+)\s+reserver").expect("regex"));

/// A count as digits or as a word ("sju").
fn count(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| {
        let low = s.to_lowercase();
        let low = if low == "ett" { "en".to_string() } else { low };
        crate::words::WORDS
            .number_words
            .iter()
            .position(|w| *w == low)
            .and_then(|p| u32::try_from(p).ok())
    })
}

/// The votes in an item's text: one per paragraph that gives counts or a member list.
pub fn votes(text: &str) -> Vec<Vote> {
    // Most items hold no vote: a literal test spares the patterns.
    if !(text.contains("ej") || text.contains("EJ"))
        || !(text.contains("ja") || text.contains("Ja") || text.contains("JA"))
    {
        return Vec::new();
    }
    let mut v = Vote::default();
    for line in text.lines().map(str::trim) {
        if let Some(c) = MEMBER.captures(line) {
            let (Some(name), Some(choice)) = (c.get(1), c.get(3)) else {
                continue;
            };
            v.members.push(MemberVote {
                name: name.as_str().to_string(),
                party: c.get(2).map(|m| m.as_str().to_string()),
                vote: choice.as_str().to_lowercase(),
            });
            continue;
        }
        // Labelled counts first: in "Ja: 7 Nej: 4" the 7 stands before "Nej" too.
        for c in COUNT_AFTER.captures_iter(line) {
            if let (Some(k), Some(n)) = (c.get(1), c.get(2).and_then(|m| count(m.as_str()))) {
                set(&mut v, &k.as_str().to_lowercase(), n);
            }
        }
        for c in COUNT_BEFORE.captures_iter(line) {
            let (n, kind) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(n), Some(k), _, _) | (_, _, Some(n), Some(k)) => (n, k),
                _ => continue,
            };
            if let Some(n) = count(n.as_str()) {
                set(&mut v, &kind.as_str().to_lowercase(), n);
            }
        }
        if v.question.is_none() {
            v.question = QUESTION
                .captures(line)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().trim().to_string());
        }
    }
    let counted = v.yes.is_some() && v.no.is_some();
    if !counted && v.members.is_empty() {
        return Vec::new();
    }
    if counted && !v.members.is_empty() {
        let n = |choice: &str| {
            let k = v.members.iter().filter(|m| m.vote == choice).count();
            u32::try_from(k).ok()
        };
        let agrees = |given: Option<u32>, choice: &str| given.is_none_or(|g| n(choice) == Some(g));
        v.consistent = Some(
            agrees(v.yes, "ja")
                && agrees(v.no, "nej")
                && agrees(v.abstain, "avstår")
                && agrees(v.absent, "frånvarande"),
        );
    }
    vec![v]
}

fn set(v: &mut Vote, kind: &str, n: u32) {
    let slot = match kind {
        "ja" => &mut v.yes,
        "nej" => &mut v.no,
        "frånvarande" => &mut v.absent,
        _ => &mut v.abstain,
    };
    slot.get_or_insert(n);
}

/// The reservations in an item's text: each named member (with party) of a sentence
/// that says they reserved themselves; a group named without people stands as written.
pub fn reservations(text: &str) -> Vec<Reservation> {
    if !text.contains("eserver") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in crate::decisions::sentences(text) {
        let Some(m) = RESERVES.find(s) else {
            continue;
        };
        let against = AGAINST
            .captures(s.get(m.end()..).unwrap_or(""))
            .or_else(|| OPENS_AGAINST.captures(s))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string());
        let people: Vec<_> = NAME_PARTY.captures_iter(s).collect();
        if people.is_empty() {
            // "Sverigedemokraternas ledamöter reserverar sig": the group before the verb.
            let who = s.get(..m.start()).unwrap_or("").trim();
            let who = who.strip_prefix("Mot beslutet").unwrap_or(who).trim();
            if who.starts_with(char::is_uppercase) && who.split_whitespace().count() <= 4 {
                out.push(Reservation {
                    name: who.to_string(),
                    party: None,
                    against,
                });
            }
            continue;
        }
        for c in people {
            if let (Some(n), Some(p)) = (c.get(1), c.get(2)) {
                let name = n.as_str().trim_start_matches("Mot beslutet ").to_string();
                out.push(Reservation {
                    name,
                    party: Some(p.as_str().to_string()),
                    against: against.clone(),
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
    fn counts_question_and_members() {
        let text = "Omröstning\nOmröstning begärs. Ja-röst för arbetsutskottets förslag, nej-röst för Anna Bergs yrkande.\nAnna Berg (M) Nej\nBo Ek (S) Ja\nCecilia Lund (S) Ja\nDavid Sten (SD) Avstår\nMed 2 ja-röster mot 1 nej-röst, 1 ledamot avstår, beslutar nämnden enligt arbetsutskottets förslag.";
        let v = votes(text);
        assert_eq!(v.len(), 1);
        let v = &v[0];
        assert_eq!((v.yes, v.no, v.abstain), (Some(2), Some(1), Some(1)));
        assert_eq!(v.members.len(), 4);
        assert_eq!(v.members[0].party.as_deref(), Some("M"));
        assert_eq!(v.consistent, Some(true));
        assert!(v
            .question
            .as_deref()
            .unwrap_or("")
            .starts_with("Ja-röst för arbetsutskottets"));
        let v = votes("Ja: 7 Nej: 4 Avstår: 0");
        assert_eq!(
            (v[0].yes, v[0].no, v[0].abstain),
            (Some(7), Some(4), Some(0))
        );
        assert_eq!(v[0].consistent, None);
        // Counts and list that disagree are flagged.
        let v = votes(
            "Anna Berg (M) Nej\nBo Ek (S) Ja\nMed sju ja-röster mot en nej-röst bifalls förslaget.",
        );
        assert_eq!((v[0].yes, v[0].no), (Some(7), Some(1)));
        assert_eq!(v[0].consistent, Some(false));
        assert!(votes("Ja, förslaget bifalls. Nej till inget.").is_empty());
    }

    #[test]
    fn reservations_by_name_and_group() {
        let r = reservations("Mot beslutet reserverar sig Anna Berg (M) och Bo Ek (SD) till förmån för eget yrkande.");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].name, "Anna Berg");
        assert_eq!(r[1].party.as_deref(), Some("SD"));
        assert_eq!(
            r[0].against.as_deref(),
            Some("till förmån för eget yrkande")
        );
        let r = reservations("Sverigedemokraternas ledamöter reserverar sig mot beslutet.");
        assert_eq!(r[0].name, "Sverigedemokraternas ledamöter");
        assert_eq!(r[0].against.as_deref(), Some("mot beslutet"));
        assert!(reservations("Ingen reservation.").is_empty());
    }
}
