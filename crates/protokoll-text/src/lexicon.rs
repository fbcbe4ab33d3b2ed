//! The embedded Swedish lexicon: word frequencies (Zipf scale) from wordfreq's Swedish
//! list, and an index from a word's form without diacritics to the words that have it
//! ("valfard" → "välfärd"). Built by `scripts/build-lexicon.py`; memory-mapped from
//! the binary, so loading costs nothing but a header check.

use fst::{IntoStreamer, Map, Set, Streamer};
use std::sync::OnceLock;

static WORDS: &[u8] = include_bytes!("../data/words.fst");
static KEYS: &[u8] = include_bytes!("../data/keys.fst");
static NAMES: &[u8] = include_bytes!("../data/names.fst");
static HEADS: &[u8] = include_bytes!("../data/heads.fst");
static VERBS: &[u8] = include_bytes!("../data/verbs.fst");

/// Word frequencies and the diacritic index.
pub struct Lexicon {
    words: Map<&'static [u8]>,
    keys: Map<&'static [u8]>,
    /// Names, each with how common it is as a person's name (0: no figure).
    names: Map<&'static [u8]>,
    heads: Set<&'static [u8]>,
    verbs: Set<&'static [u8]>,
}

// One home for the folding (the parser's attendance uses it too).
pub use protokoll_model::text::{deaccent, deaccent_char};

/// The bounds of the entries "key\u{1}word" for `key`.
fn key_range(key: &str) -> (String, String) {
    (format!("{key}\u{1}"), format!("{key}\u{2}"))
}

/// The word after the "key\u{1}" prefix `lo` of an entry.
fn after_key<'a>(entry: &'a [u8], lo: &str) -> Option<&'a str> {
    entry
        .get(lo.len()..)
        .and_then(|b| std::str::from_utf8(b).ok())
}

impl Lexicon {
    /// The Swedish lexicon, loaded once.
    pub fn swedish() -> Option<&'static Lexicon> {
        static LEX: OnceLock<Option<Lexicon>> = OnceLock::new();
        LEX.get_or_init(Lexicon::load).as_ref()
    }

    /// Opens the embedded lexicon (no caching; [`Lexicon::swedish`] caches).
    pub fn load() -> Option<Lexicon> {
        Some(Lexicon {
            words: Map::new(WORDS).ok()?,
            keys: Map::new(KEYS).ok()?,
            names: Map::new(NAMES).ok()?,
            heads: Set::new(HEADS).ok()?,
            verbs: Set::new(VERBS).ok()?,
        })
    }

    /// Zipf frequency (log10 per billion words) of a lowercase word, if known.
    pub fn zipf(&self, w: &str) -> Option<f32> {
        self.words.get(w).map(|v| v as f32 / 100.0)
    }

    /// Whether a lowercase word is a name in the gazetteer (places, given names, surnames).
    pub fn is_name(&self, w: &str) -> bool {
        self.names.contains_key(w)
    }

    /// How common a lowercase person name is in Sweden: log10 of its share of the
    /// people per million ("märta" 3.45, "marta" 2.75), from Statistics Sweden's lists of
    /// common names; None for other names and words.
    pub fn name_share(&self, w: &str) -> Option<f32> {
        self.names
            .get(w)
            .filter(|&s| s > 0)
            .map(|s| s as f32 / 100.0)
    }

    /// Whether a lowercase stem opens compounds and occurs only there ("folkhälso",
    /// Hunspell's compound-only beginnings).
    pub fn is_head(&self, w: &str) -> bool {
        self.heads.contains(w)
    }

    /// Whether a lowercase word is a verb's infinitive, active or passive ("stärka",
    /// "fås"), as Hunspell's inflection flags tell.
    pub fn is_infinitive(&self, w: &str) -> bool {
        self.verbs.contains(w) || w.strip_suffix('s').is_some_and(|v| self.verbs.contains(v))
    }

    /// Compound heads with diacritics whose deaccented form is `key`
    /// ("folkhalso" → "folkhälso"); the set holds them as "key\u{1}head".
    pub fn accented_heads(&self, key: &str, out: &mut Vec<String>) {
        let (lo, hi) = key_range(key);
        let mut stream = self
            .heads
            .range()
            .ge(lo.as_bytes())
            .lt(hi.as_bytes())
            .into_stream();
        while let Some(k) = stream.next() {
            if let Some(word) = after_key(k, &lo) {
                out.push(word.to_string());
            }
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Words with diacritics whose deaccented form is `key`, with their Zipf frequency.
    pub fn accented(&self, key: &str, out: &mut Vec<(String, f32)>) {
        let (lo, hi) = key_range(key);
        let mut stream = self
            .keys
            .range()
            .ge(lo.as_bytes())
            .lt(hi.as_bytes())
            .into_stream();
        while let Some((k, v)) = stream.next() {
            if let Some(word) = after_key(k, &lo) {
                out.push((word.to_string(), v as f32 / 100.0));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_knows_swedish() {
        let lex = Lexicon::swedish().expect("embedded lexicon");
        assert!(lex.len() > 300_000);
        assert!(lex.zipf("för").unwrap_or(0.0) > lex.zipf("for").unwrap_or(0.0));
        let mut c = Vec::new();
        lex.accented("valfard", &mut c);
        assert!(c.iter().any(|(w, _)| w == "välfärd"), "{c:?}");
        // Hunspell's forms and compound heads.
        assert!(lex.zipf("samordnarna").is_some());
        assert!(lex.is_head("folkhälso") && !lex.is_head("för"));
        let mut h = Vec::new();
        lex.accented_heads("folkhalso", &mut h);
        assert_eq!(h, ["folkhälso"]);
        assert!(lex.is_infinitive("stärka") && lex.is_infinitive("fås"));
        assert!(!lex.is_infinitive("starka") && !lex.is_infinitive("fas"));
    }
}
