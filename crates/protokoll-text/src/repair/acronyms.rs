use super::audit::{apply, fix_of};
use super::text::split_core;
use crate::lexicon::Lexicon;
use protokoll_model::record::CorrectionKind;
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
    let mut words: Vec<&str> = Vec::with_capacity(
        pages
            .iter()
            .flat_map(|p| {
                p.lines
                    .iter()
                    .map(|l| l.cells.iter().map(|c| c.words.len()).sum::<usize>())
            })
            .sum(),
    );
    words.extend(
        pages
            .iter()
            .flat_map(|p| p.lines.iter().flat_map(|l| l.words()))
            .map(|w| split_core(&w.text).1)
            .filter(|c| !c.is_empty()),
    );
    let starts = capital_starts(&words);
    for (acronym, full) in found.iter_mut() {
        *full = spelled_out(acronym, &words, &starts, lex);
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
                    fixes.push((
                        i,
                        fix_of((format!("{pre}{full}{post}"), CorrectionKind::Diacritic, 0.8)),
                    ));
                }
            }
            apply(cell, fixes, number, &mut out);
        }
    }
    out
}

/// A letter without its diacritics ("ö" → "o").
fn plain(c: char) -> Option<char> {
    Some(crate::lexicon::deaccent_char(c))
}

/// Where the capitalised words of a document stand, by their initial in lowercase
/// without diacritics: a phrase an acronym abbreviates opens with one of them, so each
/// acronym looks only at the words whose initial is its own.
type Starts = HashMap<char, Vec<usize>>;

fn capital_starts(words: &[&str]) -> Starts {
    let mut starts = Starts::new();
    for (i, w) in words.iter().enumerate() {
        let Some(c) = w.chars().next().filter(|c| c.is_uppercase()) else {
            continue;
        };
        if let Some(p) = c.to_lowercase().next().and_then(plain) {
            starts.entry(p).or_default().push(i);
        }
    }
    starts
}

/// The acronym `upper` with the initials of the one phrase in `words` it abbreviates
/// (a phrase opening at one of `starts`). A word gives its initial, and a compound may
/// give the initial of its last part too ("bildnings|förbund": B, F).
pub(super) fn spelled_out(
    upper: &str,
    words: &[&str],
    starts: &Starts,
    lex: &Lexicon,
) -> Option<String> {
    let letters: Vec<char> = upper.chars().map(|c| c.to_ascii_lowercase()).collect();
    let at = letters.first().and_then(|c| starts.get(c));
    let mut answer: Option<String> = None;
    for &start in at.into_iter().flatten() {
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
    let mut out = String::new();
    let mut k = 0;
    for (j, w) in words.iter().enumerate() {
        if k == letters.len() {
            break;
        }
        // The initial first, without allocating: most phrases fail on it.
        let first = w.chars().next()?.to_lowercase().next()?;
        if plain(first) != letters.get(k).copied() {
            return None;
        }
        let lw = w.to_lowercase();
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
        let spell =
            |upper: &str, words: &[&str]| spelled_out(upper, words, &capital_starts(words), lex);
        assert_eq!(spell("OLBF", &words).as_deref(), Some("ÖLBF"));
        assert_eq!(spell("ROL", &words).as_deref(), Some("RÖL"));
        // No phrase, or no Swedish letter in it: left alone.
        assert_eq!(spell("ABC", &words), None);
        assert_eq!(spell("OBR", &["Och", "bra", "resultat"]), None);
    }
}
