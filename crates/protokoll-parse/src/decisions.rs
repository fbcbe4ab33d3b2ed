//! Decisions of this meeting, found in an item's text: labelled ("Beslut:", "Beslutas:")
//! or sentences whose verb says the meeting decided ("fastställdes", "godkändes",
//! "valdes", "läggs till handlingarna", "Beslut fattades"). Decisions that an item only
//! reports from another body ("har beslutat", "ska fattas") are left out.

use regex::Regex;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\w+s\s+)?(?:beslut|beslutas|förslag till beslut|beslutsförslag)\s*:\s*(.*)$",
    )
    .expect("regex")
});
/// "Kommunstyrelsens beslut Delårsrapporten godkänns …": a decision heading run into
/// its decision.
static HEADED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{L}+s\s+)?[Bb]eslut:?\s+(\p{Lu}.*)$").expect("regex"));
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(beslutade[s]?|beslutas|beslutar|beslöt|utses|beslut fattades|fattades beslut|fattade beslut|fastställ(?:s|des|de|er|dess)|godkän(?:des|de|ns|ner|des)|valdes|väljs|utsågs|utses till|lades till handlingarna|läggs till handlingarna|lägga till handlingarna|beslutsmandat|tillstyrkte|tillstyrks|bifölls|avslogs)(?-u:\b)",
    )
    .expect("regex")
});
static NOT_OURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(har\s+(?:\w+\s+)?beslut\w*|har\s+(?:\w+\s+)?fastställt|beslut har fattats|ska\s+(?:\w+\s+)?fattas|kommer att\s+\w+|fattas förhoppningsvis|innan\s+(?:\w+\s+)?beslut)")
        .expect("regex")
});

/// Stems that every alternative of `VERB` contains, less their first letter so that
/// one case-sensitive literal search (a multi-pattern scan) finds "Beslut" and
/// "beslut" alike: it spares the Unicode-aware regex on most sentences.
static VERB_STEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("eslut|eslöt|tses|attade|astställ|odkän|aldes|äljs|tsågs|andlingarna|illstyrk|ifölls|vslogs")
        .expect("regex")
});

fn has_verb_stem(s: &str) -> bool {
    VERB_STEMS.is_match(s)
}

/// Splits text into sentences (after . ! ? followed by a space and a capital letter,
/// and at line and paragraph breaks).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut start = 0;
        for (i, c) in para.char_indices() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let rest = para.get(i + c.len_utf8()..).unwrap_or("");
            let mut after = rest.chars();
            if after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase) {
                let end = i + c.len_utf8();
                let s = para.get(start..end).unwrap_or("").trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = end;
            }
        }
        let s = para.get(start..).unwrap_or("").trim();
        if !s.is_empty() {
            out.push(s);
        }
    }
    out
}

/// The decisions in an item's text.
pub fn decisions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in sentences(text) {
        // The labelled forms all contain "eslut" (Beslut, beslutas, …): test that first.
        let labelled = s.contains("eslut");
        if let Some(c) = labelled.then(|| LABEL.captures(s)).flatten() {
            let body = c.get(1).map_or("", |m| m.as_str()).trim();
            if !body.is_empty() {
                out.push(body.to_string());
            }
            continue;
        }
        if let Some(c) = labelled.then(|| HEADED.captures(s)).flatten() {
            if let Some(body) = c.get(1) {
                out.push(body.as_str().trim().to_string());
                continue;
            }
        }
        if has_verb_stem(s) && VERB.is_match(s) && !NOT_OURS.is_match(s) {
            out.push(
                s.trim_end_matches(['.', ' ']).to_string()
                    + if s.ends_with('.') { "." } else { "" },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_of_this_meeting() {
        assert_eq!(
            decisions("Dagordningen fastställdes"),
            ["Dagordningen fastställdes"]
        );
        assert_eq!(
            decisions("Beslut: Att godkänna rapporten."),
            ["Att godkänna rapporten."]
        );
        assert_eq!(
            decisions("Ingmar informerar. Till justerare valdes Annika Sjöqvist"),
            ["Till justerare valdes Annika Sjöqvist"]
        );
        assert!(
            decisions("Chefsgruppen har även beslutat om en reviderad överenskommelse.").is_empty()
        );
        assert!(decisions("Beslut om förändring fattas förhoppningsvis 13 juni.").is_empty());
        assert!(
            decisions("Ledamöterna uppmanas boka in dagarna innan slutgiltigt beslut fattas.")
                .is_empty()
        );
    }
}
