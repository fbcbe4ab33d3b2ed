use super::lists::LISTS;
use super::memo::FastMap;
use crate::lexicon::Lexicon;
use std::collections::HashMap;
use std::collections::HashSet;

/// Extra weight for a candidate the document itself writes intact elsewhere.
pub(super) const SEEN_BONUS: f32 = 1.5;
/// Zipf bonus for a reading whose word family the document uses once elsewhere…
pub(super) const FAMILY_BONUS: f32 = 0.7;
/// …and how much it grows each time the uses double (up to [`SEEN_BONUS`]).
pub(super) const FAMILY_PER_DOUBLING: f32 = 0.25;
/// What the document itself says about its words: the words it writes with å/ä/ö
/// (on an undamaged page, in a heading the OCR got right, or restored by a confident
/// repair), and the stems of their word families. A reading whose family the
/// document uses elsewhere gains: "raden"/"råden" goes to "råden" in a text that speaks
/// of "samverkansrådet", "starka"/"stärka" to "stärka" beside "förstärka".
#[derive(Debug, Default)]
pub struct Evidence {
    /// Words with how often the document writes them.
    pub(super) words: HashMap<String, usize>,
    /// Family stems with how often the document's words speak for them.
    pub(super) family: HashMap<String, usize>,
}

/// Shortest family stem: "råd", "läg", "stärk".
pub(super) const MIN_STEM: usize = 3;
/// A compound a family is read from has a part this long ("läges|bild", "för|stärka").
pub(super) const MIN_PART_LETTERS: usize = 4;

impl Evidence {
    /// Evidence from lowercase words. A compound's parts count as family members
    /// ("samverkansrådet" speaks for "råd", "lägesbild" for "läge") where the split is
    /// sound: both parts are common words (or the first a compound head), the first
    /// with or without a linking s.
    pub fn new(words: HashMap<String, usize>, lex: &Lexicon) -> Evidence {
        // Parts recur across a document's words ("samverkans…"): each is looked up once.
        let mut parts: FastMap<&str, bool> = FastMap::default();
        let mut family: HashMap<String, usize> = HashMap::new();
        // Names ("Ångman") are no word family's members.
        for (w, &n) in words.iter().filter(|(w, _)| !lex.is_name(w)) {
            // One word speaks once for a stem, however many ways it splits.
            let mut members: HashSet<&str> = HashSet::new();
            for stem in stems(w) {
                for (i, _) in stem.char_indices() {
                    let (Some(head), Some(tail)) = (stem.get(..i), stem.get(i..)) else {
                        continue;
                    };
                    if tail.chars().count() < MIN_STEM {
                        break;
                    }
                    if head.is_empty() {
                        members.insert(tail);
                        continue;
                    }
                    // Two short parts split too much ("säl|jas"; "för|stärka" holds).
                    if head.chars().count() < MIN_PART_LETTERS
                        && tail.chars().count() < MIN_PART_LETTERS
                    {
                        continue;
                    }
                    let linked = head.strip_suffix('s').unwrap_or("");
                    let (h, l) = (
                        common_part(&mut parts, head, lex),
                        common_part(&mut parts, linked, lex),
                    );
                    // Both parts common words: a sound split ("för|utsätt" is not).
                    if !(h || l) || !common_part(&mut parts, tail, lex) {
                        continue;
                    }
                    members.insert(tail);
                    if h {
                        members.insert(head);
                    }
                    if l {
                        members.insert(linked);
                    }
                }
            }
            for m in members {
                *family.entry(m.to_string()).or_default() += n;
            }
        }
        Evidence { words, family }
    }

    /// The bonus a reading earns from the document: itself written there, or its
    /// family, the more the more often the family is used (one "förstärka" is some
    /// evidence for "stärka", eighteen "råd…" words are much for "råden").
    pub(super) fn bonus(&self, w: &str) -> f32 {
        if self.words.contains_key(w) {
            return SEEN_BONUS;
        }
        if self.family.is_empty() {
            return 0.0;
        }
        let n = stems(w)
            .filter_map(|st| self.family.get(st))
            .max()
            .copied()
            .unwrap_or(0);
        if n == 0 {
            return 0.0;
        }
        (FAMILY_BONUS + FAMILY_PER_DOUBLING * (n as f32).log2()).min(SEEN_BONUS)
    }
}

/// A compound part that is a common word (Zipf 3 or more) or a compound head, looked up
/// once per part.
pub(super) fn common_part<'a>(
    cache: &mut FastMap<&'a str, bool>,
    p: &'a str,
    lex: &Lexicon,
) -> bool {
    const COMMON_PART: f32 = 3.0;
    if p.chars().count() < MIN_STEM {
        return false;
    }
    *cache
        .entry(p)
        .or_insert_with(|| lex.is_head(p) || lex.zipf(p).is_some_and(|z| z >= COMMON_PART))
}

/// A word's possible family stems: the word itself and the word less each inflection
/// ending it has (`data/endings.txt`), keeping stems of at least [`MIN_STEM`] letters.
pub(super) fn stems(w: &str) -> impl Iterator<Item = &str> {
    std::iter::once(w)
        .chain(
            LISTS
                .family_endings
                .iter()
                .filter_map(move |e| w.strip_suffix(e)),
        )
        .filter(|st| st.chars().count() >= MIN_STEM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::testutil::*;

    #[test]
    fn word_families_the_document_uses() {
        let lex = Lexicon::swedish().expect("lexicon");
        let words = ["samverkansrådet", "förstärka", "allmänhet", "lägesbild"];
        let mut counts: HashMap<String, usize> = words.iter().map(|w| (w.to_string(), 1)).collect();
        counts.insert("samverkansrådet".into(), 8);
        let ev = Evidence::new(counts, lex);
        assert_eq!(ev.bonus("samverkansrådet"), SEEN_BONUS);
        assert_eq!(ev.bonus("råden"), FAMILY_BONUS + 3.0 * FAMILY_PER_DOUBLING);
        assert_eq!(ev.bonus("stärka"), FAMILY_BONUS);
        assert_eq!(ev.bonus("raden"), 0.0);
        // A compound's head speaks for its family too.
        assert_eq!(ev.bonus("läget"), FAMILY_BONUS);
        // "all|män|het": "het" is no inflection, so "män" is not of the family.
        assert_eq!(ev.bonus("män"), 0.0);
        // Two short parts are no sound split: "säljas" is not "säl|jas".
        let mut sell: HashMap<String, usize> = HashMap::new();
        sell.insert("säljas".into(), 1);
        assert_eq!(Evidence::new(sell, lex).bonus("sälen"), 0.0);
        // Not for a function word, though the document writes "här" many times.
        let mut here: HashMap<String, usize> = HashMap::new();
        here.insert("här".into(), 9);
        let ev_here = Evidence::new(here, lex);
        let mut ctx_here = Ctx::new(lex, &ev_here);
        assert_eq!(ctx_here.best("har", false), None);
        // With the family in evidence, a close reading wins.
        let mut ctx = Ctx::new(lex, &ev);
        let plain = Evidence::default();
        let mut before = Ctx::new(lex, &plain);
        assert_eq!(before.best("raden", false), None);
        assert!(before.contested().any(|c| c == ("raden", false)));
        assert_eq!(
            ctx.best("raden", false).map(|b| b.0).as_deref(),
            Some("råden")
        );
    }
}
