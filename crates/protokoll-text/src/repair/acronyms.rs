use super::audit::{apply, fix_of};
use super::text::split_core;
use crate::lexicon::Lexicon;
use protokoll_model::Correction;
use protokoll_model::Page;
use std::collections::HashMap;

/// Acronyms whose å/ä/ö the OCR lost, read from the phrase they abbreviate where the
/// document spells it out: "OLBF" is "ÖLBF" in a document that writes "Örebro läns
/// bildningsförbund", "ROL" is "RÖL" beside "Region Örebro län". An acronym of three
/// to six capitals with an A or O, on a damaged page; a phrase of as many words, the
/// first capitalised, whose initials match it and carry an å, ä or ö; all such phrases
/// must agree.
pub fn expand_acronyms(pages: &mut [Page], damaged: &[bool], lex: &Lexicon) -> Vec<Correction> {
    let is_candidate = |c: &str| {
        (3..=6).contains(&c.len())
            && c.chars().all(|ch| ch.is_ascii_uppercase())
            && c.contains(['A', 'O'])
    };
    // Cheap test first: a word opening with three capitals (most pages have none).
    let capitals = |t: &str| {
        let mut b = t.bytes().skip_while(|b| !b.is_ascii_alphanumeric());
        (0..3).all(|_| b.next().is_some_and(|c| c.is_ascii_uppercase()))
    };
    let mut found: HashMap<String, Option<String>> = HashMap::new();
    for (page, hit) in pages.iter().zip(damaged) {
        if !*hit {
            continue;
        }
        for w in page.lines.iter().flat_map(|l| l.words()) {
            if !capitals(&w.text) {
                continue;
            }
            let core = split_core(&w.text).1;
            if is_candidate(core) {
                found.entry(core.to_string()).or_default();
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.lines.iter().flat_map(|l| l.words()))
        .map(|w| split_core(&w.text).1)
        .filter(|c| !c.is_empty())
        .collect();
    for (acronym, full) in found.iter_mut() {
        *full = spelled_out(acronym, &words, lex);
    }
    let mut out = Vec::new();
    for (page, hit) in pages.iter_mut().zip(damaged) {
        if !*hit {
            continue;
        }
        let number = page.number;
        for cell in page.lines.iter_mut().flat_map(|l| l.cells.iter_mut()) {
            let mut fixes = Vec::new();
            for (i, w) in cell.words.iter().enumerate() {
                if !capitals(&w.text) {
                    continue;
                }
                let (pre, core, post) = split_core(&w.text);
                if let Some(Some(full)) = found.get(core) {
                    fixes.push((i, fix_of((format!("{pre}{full}{post}"), "diacritic", 0.8))));
                }
            }
            apply(cell, fixes, number, &mut out);
        }
    }
    out
}

/// The acronym `upper` with the initials of the one phrase in `words` it abbreviates.
/// A word gives its initial, and a compound may give the initial of its last part too
/// ("bildnings|förbund": B, F).
pub(super) fn spelled_out(upper: &str, words: &[&str], lex: &Lexicon) -> Option<String> {
    let letters: Vec<char> = upper.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut answer: Option<String> = None;
    for start in 0..words.len() {
        if !words
            .get(start)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let Some(full) = initials_from(&letters, words.get(start..).unwrap_or(&[]), lex) else {
            continue;
        };
        if !full.contains(['Å', 'Ä', 'Ö']) {
            continue;
        }
        match &answer {
            Some(a) if *a != full => return None,
            _ => answer = Some(full),
        }
    }
    answer
}

/// The initials (uppercase, as the words write them) that spell `letters` from the
/// start of `words`, if they do.
pub(super) fn initials_from(letters: &[char], words: &[&str], lex: &Lexicon) -> Option<String> {
    let plain = |c: char| crate::lexicon::deaccent(&c.to_string()).chars().next();
    let mut out = String::new();
    let mut k = 0;
    for (j, w) in words.iter().enumerate() {
        if k == letters.len() {
            break;
        }
        let lw = w.to_lowercase();
        let first = lw.chars().next()?;
        if plain(first) != letters.get(k).copied() {
            return None;
        }
        out.extend(first.to_uppercase());
        k += 1;
        let Some(&next) = letters.get(k) else { break };
        // The next word gives the next letter; failing that, a compound's last part
        // (a common word of four letters or more) may.
        let next_word = words
            .get(j + 1)
            .and_then(|n| n.chars().next())
            .and_then(|c| plain(c.to_lowercase().next()?));
        if next_word == Some(next) {
            continue;
        }
        let part = lw.char_indices().skip(3).find(|(i, c)| {
            plain(*c) == Some(next)
                && lw.get(*i..).is_some_and(|t| {
                    t.chars().count() >= 4 && lex.zipf(t).is_some_and(|z| z >= 3.0)
                })
        });
        if let Some((_, c)) = part {
            out.extend(c.to_uppercase());
            k += 1;
        }
    }
    (k == letters.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_from_the_phrase_the_document_spells_out() {
        let lex = Lexicon::swedish().expect("lexicon");
        let words = [
            "Örebro",
            "läns",
            "bildningsförbund",
            "och",
            "Region",
            "Örebro",
            "län",
        ];
        assert_eq!(spelled_out("OLBF", &words, lex).as_deref(), Some("ÖLBF"));
        assert_eq!(spelled_out("ROL", &words, lex).as_deref(), Some("RÖL"));
        // No phrase, or no Swedish letter in it: left alone.
        assert_eq!(spelled_out("ABC", &words, lex), None);
        assert_eq!(spelled_out("OBR", &["Och", "bra", "resultat"], lex), None);
    }
}
