use super::memo::FastMap;
use super::text::split_core;
use crate::lexicon::deaccent;
use crate::lexicon::Lexicon;
use protokoll_model::Page;

/// Share of å/ä/ö among letters below which a Swedish page has lost them.
pub(super) const DAMAGE_SHARE: f32 = 0.006;
/// Share of words that must be Swedish (as written or with letters restored).
pub(super) const SWEDISH_WORDS: f32 = 0.6;
/// Fewest letters on a page for the share to mean anything.
pub(super) const MIN_LETTERS: usize = 80;

/// Whether a page is OCR text that has lost its Swedish letters: `ocr` says the page
/// is OCR text (an OCR layer, or plain text, whose origin is unknown),
/// with a share of å/ä/ö far below Swedish prose, and words that are mostly Swedish
/// once their letters are restored (English text stays as it is). `None`: an OCR page
/// without å/ä/ö and with too few letters to tell ("13. Motet avslutas"); it goes
/// with the document's other pages.
pub fn damaged(page: &Page, lex: &Lexicon, ocr: bool) -> Option<bool> {
    damaged_with(page, lex, ocr, &mut WordMemo::default())
}

/// What the gate found of each word as written (`gate_word`), kept across a
/// document's pages: its words recur, and each costs two lexicon lookups.
#[derive(Default)]
pub struct WordMemo(FastMap<std::sync::Arc<str>, Option<bool>>);

/// [`damaged`], remembering in `memo` what each word as written is.
pub fn damaged_with(page: &Page, lex: &Lexicon, ocr: bool, memo: &mut WordMemo) -> Option<bool> {
    let (mut letters, mut swedish) = (0usize, 0usize);
    for w in page.lines.iter().flat_map(|l| l.words()) {
        // Most words are ASCII: their letters counted by the byte.
        if w.text.is_ascii() {
            letters += w.text.bytes().filter(u8::is_ascii_alphabetic).count();
            continue;
        }
        for c in w.text.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö') {
                    swedish += 1;
                }
            }
        }
    }
    if !ocr || (swedish as f32) >= DAMAGE_SHARE * letters as f32 {
        return Some(false);
    }
    if letters < MIN_LETTERS {
        return None;
    }
    // Only now the costlier check, on a sample of the page's words.
    let (mut tokens, mut known) = (0usize, 0usize);
    let mut acc = Vec::new();
    for w in page.lines.iter().flat_map(|l| l.words()) {
        let found = match memo.0.get(&*w.text) {
            Some(found) => *found,
            None => {
                let found = gate_word(&w.text, lex, &mut acc);
                memo.0.insert(w.text.clone(), found);
                found
            }
        };
        if let Some(k) = found {
            tokens += 1;
            known += usize::from(k);
            if tokens >= 400 {
                break;
            }
        }
    }
    Some(tokens > 0 && known as f32 >= SWEDISH_WORDS * tokens as f32)
}

/// A word as written for the gate: None where it is no word token (its core has
/// fewer than two letters, or other characters), else whether it is Swedish as written
/// or with å/ä/ö restored. `acc` is scratch space.
pub(super) fn gate_word(text: &str, lex: &Lexicon, acc: &mut Vec<(String, f32)>) -> Option<bool> {
    let core = split_core(text).1.to_lowercase();
    if core.chars().count() < 2 || !core.chars().all(char::is_alphabetic) {
        return None;
    }
    acc.clear();
    lex.accented(&deaccent(&core), acc);
    Some(lex.zipf(&core).is_some() || !acc.is_empty())
}

/// Most of the page's words are invisible: a text layer laid over a scanned image.
pub fn ocr_layer(page: &Page) -> bool {
    let (mut inv, mut n) = (0usize, 0usize);
    for w in page.lines.iter().flat_map(|l| l.words()) {
        n += 1;
        inv += usize::from(w.invisible);
    }
    inv * 2 > n
}
