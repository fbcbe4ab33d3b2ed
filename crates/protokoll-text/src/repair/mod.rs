//! Repair of OCR damage in Swedish text: letters å, ä, ö lost or misread by an OCR
//! engine without a Swedish model ("valfard" → "välfärd", "fér" → "för", "6ka" →
//! "öka", "Orebro" → "Örebro"), "1" for "i" between words, "k1" for "kl".
//!
//! Only OCR text is touched (an OCR layer, or plain text of unknown origin). A damaged
//! page is one whose share of å/ä/ö among letters is far below Swedish prose (about 3-4
//! %). On such a page a word is replaced by the lexicon word that the damage explains
//! best, by frequency, when it beats the word as written by a clear margin; words of the
//! same document written intact count extra. On an OCR page that keeps most of its marks
//! each word is judged on its own evidence (`partial`).
//!
//! The modules, in the order a word meets them:
//! * `gate`: which pages are damaged ([`damaged`], [`ocr_layer`]);
//! * `partial`: on OCR pages the gate calls clean, the words that lost a mark, each
//!   judged on its own evidence (`old_spelling`: words spelt as before 1906);
//! * `strokes`, `section_signs`, `merges`, `glued`: repairs of any OCR page, words
//!   the OCR split ("J usterare", "kompetensfors 6rjning") and a number it ran into a
//!   word ("upprättades2012");
//! * `channel`: what OCR turns Swedish letters into, read back ("fér" → "för");
//! * `score`, `compound`, `evidence`: a word's readings scored by the lexicon,
//!   as compounds of known parts, and by the document's own words;
//! * `text`, `classes`, `context`: word shapes, word classes, and what the left
//!   and right neighbours ask for;
//! * `rules`: one word's repair, as an ordered list of steps;
//! * `memo`, `decode`: a document's memoized answers, and pages repaired word by
//!   word with the second look and the guesses;
//! * `audit`: repairs written into the page as corrections; `acronyms`: acronyms
//!   from the phrase the document spells out;
//! * `lists`: the Swedish word lists, read from `data/`.

mod acronyms;
mod audit;
mod channel;
mod classes;
mod compound;
mod context;
mod decode;
mod evidence;
mod gate;
mod glued;
mod lists;
mod memo;
mod merges;
mod old_spelling;
mod partial;
mod rules;
mod score;
mod section_signs;
mod strokes;
#[cfg(test)]
pub(crate) mod testutil;
mod text;

pub use acronyms::expand_acronyms;
pub use decode::{repair_kept, repair_ocr_page, repair_page, repair_page_into, suggest_kept, Kept};
pub use evidence::Evidence;
pub use gate::{damaged, damaged_with, ocr_layer, WordMemo};
pub use memo::Ctx;
pub use merges::PieceMemo;
pub use partial::{page_facts, repair_partial_page, Facts, PageFacts};
pub use section_signs::{eights_read_for_sections, section_signs};
pub use strokes::stray_stroke;

/// How much more frequent (in Zipf units, log10) a reading must be than the word as
/// written to be considered at all (a guess; see [`APPLY_MARGIN`]).
const MARGIN: f32 = 0.05;
/// The margin a repair needs to be applied (confidence 0.56): a closer call is a guess,
/// reported in the record's suggestions but not applied, unless the document's own
/// words settle it in the second look.
const APPLY_MARGIN: f32 = 0.15;
/// How much rarer (Zipf) than the word as written a reading may be when a capital A or
/// O inside a sentence says the OCR lost an å, ä or ö there.
const CAPITAL_EVIDENCE: f32 = 1.0;
/// How much rarer (Zipf) a noun may be than another reading and still win where a noun
/// stands (after a preposition or an article, or opening a heading); the same for a
/// given name before a surname.
const SLOT_EVIDENCE: f32 = 1.0;
/// How much more common (log10 of the ratio) a person's name must be in Sweden to win
/// over another name as read ([`Lexicon::name_share`]): twice.
const NAME_SHARE_EVIDENCE: f32 = 0.3;
/// Below this Zipf frequency a word as written may be what is left of a longer one.
const RARE: f32 = 3.5;
/// Zipf frequency from which a word is a function word or as common ("har" 7.1,
/// "vara" 6.5), beyond what the document's evidence can settle.
const FUNCTION_WORD: f32 = 5.5;

/// Confidence of a repair where the word as written was no word at all.
pub const CERTAIN: f32 = 0.95;
/// Confidence from which a repair is evidence of its word family: the left-context
/// and infinitive rules, and frequency choices with a clear margin.
pub const CONFIDENT: f32 = 0.8;
