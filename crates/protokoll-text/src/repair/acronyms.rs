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
    let (mut found, at) = candidates(pages, damaged);
    if found.is_empty() {
        return Vec::new();
    }
    let starts = phrases(pages, &found);
    for (acronym, full) in found.iter_mut() {
        *full = spelled_out(acronym, &starts, lex);
    }
    let mut out = Vec::new();
    let mut fixes = Vec::new();
    for (k, &[p, l, c, i]) in at.iter().enumerate() {
        let Some(page) = pages.get_mut(p) else {
            continue;
        };
        let number = page.number;
        let Some(cell) = page.lines.get_mut(l).and_then(|x| x.cells.get_mut(c)) else {
            continue;
        };
        if let Some(w) = cell.words.get(i) {
            let (pre, core, post) = split_core(&w.text);
            if let Some(Some(full)) = found.get(core) {
                let text = format!("{pre}{full}{post}");
                fixes.push((i, fix_of((text, CorrectionKind::Diacritic, 0.8))));
            }
        }
        // The cell's last candidate: its repairs are written, in the cell's order.
        if at.get(k + 1).is_none_or(|n| n[..3] != [p, l, c]) {
            apply(cell, std::mem::take(&mut fixes), number, &mut out);
        }
    }
    out
}

/// The acronyms that may have lost a letter (see [`expand_acronyms`]), each with no
/// reading yet, and where they stand on the damaged pages (page, line, cell and word
/// index, in document order).
#[allow(clippy::type_complexity)]
fn candidates(
    pages: &[Page],
    damaged: &[bool],
) -> (HashMap<String, Option<String>>, Vec<[usize; 4]>) {
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
    let mut at = Vec::new();
    let hits = pages
        .iter()
        .zip(damaged)
        .enumerate()
        .filter(|(_, (_, d))| **d);
    for (p, (page, _)) in hits {
        for (l, line) in page.lines.iter().enumerate() {
            for (c, cell) in line.cells.iter().enumerate() {
                for (i, w) in cell.words.iter().enumerate() {
                    if !capitals(&w.text) {
                        continue;
                    }
                    let core = split_core(&w.text).1;
                    if is_candidate(core) {
                        if !found.contains_key(core) {
                            found.insert(core.to_string(), None);
                        }
                        at.push([p, l, c, i]);
                    }
                }
            }
        }
    }
    (found, at)
}

/// A letter without its diacritics ("ö" → "o").
fn plain(c: char) -> Option<char> {
    Some(crate::lexicon::deaccent_char(c))
}

/// The phrases an acronym may abbreviate, by their initial in lowercase without
/// diacritics: from each capitalised word of the document whose initial opens one of
/// `found`, that word's core and the cores after it (empty ones skipped), as many as
/// the longest acronym reads ([`initials_from`] reads a word past its last letter).
type Starts<'a> = HashMap<char, Vec<Vec<&'a str>>>;

fn phrases<'a>(pages: &'a [Page], found: &HashMap<String, Option<String>>) -> Starts<'a> {
    let initials: Vec<char> = found
        .keys()
        .filter_map(|a| a.chars().next())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let span = found.keys().map(String::len).max().unwrap_or(0) + 1;
    let mut starts = Starts::new();
    // The phrases still being read: their initial and their words so far.
    let mut open: Vec<(char, Vec<&str>)> = Vec::new();
    for w in pages
        .iter()
        .flat_map(|p| p.lines.iter().flat_map(|l| l.words()))
    {
        // Cheap test first: a word that opens with a lowercase letter or a digit is no
        // phrase's first, and its core is needed only inside a phrase.
        let bare = w
            .text
            .starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
        if bare && open.is_empty() {
            continue;
        }
        let core = split_core(&w.text).1;
        if core.is_empty() {
            continue;
        }
        for (_, phrase) in open.iter_mut() {
            phrase.push(core);
        }
        if open.iter().any(|(_, p)| p.len() >= span) {
            for (c, phrase) in open.extract_if(.., |(_, p)| p.len() >= span) {
                starts.entry(c).or_default().push(phrase);
            }
        }
        let Some(c) = core.chars().next().filter(|c| c.is_uppercase()) else {
            continue;
        };
        if let Some(p) = c.to_lowercase().next().and_then(plain) {
            if initials.contains(&p) {
                let mut phrase = Vec::with_capacity(span);
                phrase.push(core);
                open.push((p, phrase));
            }
        }
    }
    // The document ends before the last phrases are as long.
    for (c, phrase) in open {
        starts.entry(c).or_default().push(phrase);
    }
    starts
}

/// The acronym `upper` with the initials of the one phrase of `starts` it abbreviates.
/// A word gives its initial, and a compound may give the initial of its last part too
/// ("bildnings|förbund": B, F).
pub(super) fn spelled_out(upper: &str, starts: &Starts<'_>, lex: &Lexicon) -> Option<String> {
    let letters: Vec<char> = upper.chars().map(|c| c.to_ascii_lowercase()).collect();
    let at = letters.first().and_then(|c| starts.get(c));
    let mut answer: Option<String> = None;
    for phrase in at.into_iter().flatten() {
        let Some(full) = initials_from(&letters, phrase, lex) else {
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
        // The phrases `phrases` reads from a page: from each capitalised word on.
        let spell = |upper: &str, words: &[&str]| {
            let mut starts = Starts::new();
            for (i, w) in words.iter().enumerate() {
                let Some(c) = w.chars().next().filter(|c| c.is_uppercase()) else {
                    continue;
                };
                let initial = plain(c.to_lowercase().next().expect("a letter"));
                let phrase = words.get(i..).unwrap_or(&[]).to_vec();
                starts
                    .entry(initial.expect("a letter"))
                    .or_default()
                    .push(phrase);
            }
            spelled_out(upper, &starts, lex)
        };
        assert_eq!(spell("OLBF", &words).as_deref(), Some("ÖLBF"));
        assert_eq!(spell("ROL", &words).as_deref(), Some("RÖL"));
        // No phrase, or no Swedish letter in it: left alone.
        assert_eq!(spell("ABC", &words), None);
        assert_eq!(spell("OBR", &["Och", "bra", "resultat"]), None);
    }

    #[test]
    fn a_phrase_runs_across_lines_and_pages() {
        use crate::repair::testutil::page_of;
        let lex = Lexicon::swedish().expect("lexicon");
        let mut pages = vec![
            page_of("Styrelsen för Örebro läns\n– bildningsförbund möts", false),
            page_of("OLBF: beslut om ROL", false),
        ];
        // The phrases, as long as the longest acronym reads (four letters and a word);
        // a word without a core ("–") is no word of a phrase.
        let found = HashMap::from([("OLBF".to_string(), None)]);
        let starts = phrases(&pages, &found);
        let o = [
            vec!["Örebro", "läns", "bildningsförbund", "möts", "OLBF"],
            vec!["OLBF", "beslut", "om", "ROL"],
        ];
        assert_eq!(starts.get(&'o').map(Vec::as_slice), Some(&o[..]));
        // Only damaged pages are repaired; "ROL" spells no phrase here.
        let out = expand_acronyms(&mut pages, &[false, true], lex);
        let fixed: Vec<(&str, &str)> = out.iter().map(|c| (&*c.original, &*c.corrected)).collect();
        assert_eq!(fixed, [("OLBF:", "ÖLBF:")]);
        let text: Vec<String> = pages
            .iter()
            .flat_map(|p| p.lines.iter().map(|l| l.text()))
            .collect();
        assert_eq!(text.last().map(String::as_str), Some("ÖLBF: beslut om ROL"));
    }
}
