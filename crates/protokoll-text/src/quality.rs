//! How well a page reads as Swedish: the measure that decides between someone else's
//! OCR layer and a fresh OCR of the same page image (`protokoll --ocr auto`).
//!
//! The measure is the **Swedish-word share**: of a page's word tokens (two letters or
//! more, digits or symbols inside count against the token), the share that the lexicon
//! lists as written (a word or a name) and that are not the form a common word takes
//! once it has lost its å/ä/ö ("for" where "för" is over ten times as common). A layer
//! made with an English model scores low on both counts ("vilfard", "fér", "6ka"; "for",
//! "ar"), a garbled layer on the first; Swedish text read right scores about 0.95.

use crate::lexicon::{deaccent, Lexicon};
use crate::repair;
use protokoll_model::Page;

/// How much more common (Zipf, log10) the form with å/ä/ö must be for a word as written
/// to count as that word with its letters lost ("for" 4.6 against "för" 7.3).
const LOST_LETTERS: f32 = 1.0;
/// A page whose Swedish-word share is below this is damaged past what repair mends: a
/// fifth of its words out of the lexicon (a typewritten scan's layer with "2l" and "J/"
/// for its numbers scored under 0.8, the shared samples' layers above). Read again, the
/// fresh reading is kept only when it scores higher.
const GARBLED: f32 = 0.8;
/// Fewest tokens for a share to say anything about a page.
const MIN_TOKENS: usize = 20;
/// Tokens read per page: enough for a share, cheap on long pages.
const SAMPLE: usize = 600;

/// A page's reading, measured.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reading {
    /// Word tokens counted.
    pub tokens: usize,
    /// Those that are Swedish words as written (see the module's measure).
    pub swedish: usize,
    /// The OCR engine's mean word confidence, where it gave one (our own OCR).
    pub confidence: Option<f32>,
}

impl Reading {
    /// The Swedish-word share, 0 for a page without tokens.
    pub fn share(&self) -> f32 {
        if self.tokens == 0 {
            0.0
        } else {
            self.swedish as f32 / self.tokens as f32
        }
    }
}

/// Measures a page's words (see the module's measure).
pub fn reading(page: &Page, lex: &Lexicon) -> Reading {
    let (mut tokens, mut swedish) = (0usize, 0usize);
    let (mut conf_sum, mut conf_n) = (0.0f64, 0usize);
    let mut acc = Vec::new();
    for w in page.lines.iter().flat_map(|l| l.words()) {
        if let Some(c) = w.confidence {
            conf_sum += f64::from(c);
            conf_n += 1;
        }
        if tokens >= SAMPLE {
            continue;
        }
        let Some(ok) = swedish_word(&w.text, lex, &mut acc) else {
            continue;
        };
        tokens += 1;
        swedish += usize::from(ok);
    }
    Reading {
        tokens,
        swedish,
        confidence: (conf_n > 0).then(|| (conf_sum / conf_n as f64) as f32),
    }
}

/// Whether a word is a Swedish word as written (the module's measure); None for what
/// is no word token (fewer than two letters). `acc` is scratch space.
fn swedish_word(text: &str, lex: &Lexicon, acc: &mut Vec<(String, f32)>) -> Option<bool> {
    let core = trim(text);
    if core.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    if !core.chars().all(|c| c.is_alphabetic() || c == '-') {
        return Some(false);
    }
    let lower = core.to_lowercase();
    let own = lex.zipf(&lower);
    if own.is_none() && !lex.is_name(&lower) {
        return Some(false);
    }
    if !lower.contains(['å', 'ä', 'ö']) {
        acc.clear();
        lex.accented(&deaccent(&lower), acc);
        let floor = own.unwrap_or(0.0) + LOST_LETTERS;
        if acc.iter().any(|(word, z)| *z >= floor && *word != lower) {
            return Some(false);
        }
    }
    Some(true)
}

/// Whether a fresh reading of a word should replace the layer's: unless the layer's
/// word is a Swedish word as written and the fresh one is a token that is not (the
/// fresh reading misread what the layer read right: "ordf." against "3-:0rdt:").
pub fn fresh_word_is_better(layer: &str, fresh: &str, lex: &Lexicon) -> bool {
    let mut acc = Vec::new();
    !(swedish_word(layer, lex, &mut acc) == Some(true)
        && fresh
            .split_whitespace()
            .any(|f| swedish_word(f, lex, &mut acc) != Some(true)))
}

/// A word without the punctuation around it.
fn trim(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '&' | '@' | '€' | '|'))
}

/// Whether an OCR layer is damaged: it has lost its å/ä/ö (the repair stage's gate,
/// [`repair::damaged`]) or is mostly out of the lexicon (a garbled layer). `None`: too
/// little text to tell.
pub fn layer_damaged(page: &Page, lex: &Lexicon) -> Option<bool> {
    let lost = repair::damaged(page, lex, true);
    if lost == Some(true) {
        return Some(true);
    }
    let r = reading(page, lex);
    if r.tokens >= MIN_TOKENS && r.share() < GARBLED {
        return Some(true);
    }
    lost
}

/// The better of two readings of a page by the Swedish-word share: `fresh` (a new OCR,
/// with its engine's confidence) replaces `layer` when its share is higher and the
/// engine's mean confidence is at least `min_confidence` (a page the engine cannot
/// read well keeps its layer). Ties keep the layer: it is the document's own text.
pub fn fresh_is_better(layer: &Reading, fresh: &Reading, min_confidence: f32) -> bool {
    fresh.share() > layer.share() && fresh.confidence.unwrap_or(0.0) >= min_confidence
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll_model::{Cell, Line, Word};

    fn page(text: &str, confidence: Option<f32>) -> Page {
        let words = text
            .split_whitespace()
            .map(|t| Word {
                text: t.into(),
                invisible: true,
                confidence,
                ..Word::default()
            })
            .collect();
        Page {
            number: 1,
            lines: vec![Line {
                cells: vec![Cell { column: 0, words }],
                ..Line::default()
            }],
            ..Page::default()
        }
    }

    const SWEDISH: &str = "Styrelsen beslutade att godkänna förslaget till budget för \
        nästa år och att uppdra åt förvaltningen att återkomma med en plan för hur \
        arbetet med välfärd och folkhälsa ska följas upp under våren samt att \
        protokollet justeras av ordföranden och två justerare";

    #[test]
    fn lost_letters_and_garble_score_low() {
        let lex = Lexicon::swedish().expect("lexicon");
        let good = reading(&page(SWEDISH, Some(0.93)), lex);
        assert!(good.share() > 0.9, "{good:?}");
        assert_eq!(good.confidence, Some(0.93));
        let lost = deaccent(SWEDISH).replace("för ", "fér ");
        let bad = reading(&page(&lost, None), lex);
        assert!(bad.share() < good.share() - 0.2, "{bad:?}");
        assert!(fresh_is_better(&bad, &good, 0.5));
        assert!(!fresh_is_better(&good, &bad, 0.5));
        // A fresh reading the engine is unsure of keeps the layer.
        let unsure = Reading {
            confidence: Some(0.3),
            ..good
        };
        assert!(!fresh_is_better(&bad, &unsure, 0.5));
        assert_eq!(layer_damaged(&page(&lost, None), lex), Some(true));
        assert_eq!(layer_damaged(&page(SWEDISH, None), lex), Some(false));
        // A garbled layer (letters swapped by a broken encoding) keeps its å/ä/ö.
        let garbled: String = SWEDISH
            .chars()
            .map(|c| match c {
                'l' => 'j',
                'e' => 'g',
                't' => 'u',
                c => c,
            })
            .collect();
        assert_eq!(layer_damaged(&page(&garbled, None), lex), Some(true));
    }

    #[test]
    fn a_word_read_again_replaces_a_damaged_one_only() {
        let lex = Lexicon::swedish().expect("lexicon");
        assert!(fresh_word_is_better("fér", "för", lex));
        assert!(fresh_word_is_better("Ordf6rande", "Ordförande", lex));
        assert!(fresh_word_is_better("for", "för", lex));
        assert!(!fresh_word_is_better("ordförande", "3-:0rdt:", lex));
        assert!(fresh_word_is_better("12", "12.", lex));
    }
}
