//! Partial damage: OCR text that keeps most of its å/ä/ö but lost some ("Nästa mote i
//! Örebro", the normal case of an OCR model that knows Swedish). The page gate
//! ([`super::gate`]) calls such a page clean; here each word is judged on its own, as a
//! noisy channel: a reading with a mark restored wins when its frequency times the
//! chance that the OCR lost (or misread) that mark beats the word as written by a clear
//! margin ([`PARTIAL_MARGIN`]). The chance of a loss is measured on the page and in its
//! document ([`LossRates`]), and moved by the OCR engine's confidence in the word where
//! it gives one. Common words as written ("har", "man", "vara") are left to the syntax
//! steps of [`super::rules`]: on a clean page their frequency says nothing.
//!
//! Only pages of OCR text (an OCR layer, or plain text of unknown origin) come here;
//! born-digital pages never do.

use super::audit::{apply, fix_of, Fix};
use super::compound::compound;
use super::context::{run_on, with_spaces};
use super::gate::{gate_word, SWEDISH_WORDS};
use super::lists::LISTS;
use super::memo::{Ctx, FastMap};
use super::old_spelling;
use super::rules::{repair_by_syntax, Repair};
use super::score::confidence;
use super::text::{is_vowel, lowercase, split_core, with_case};
use super::{CONFIDENT, FUNCTION_WORD};
use crate::lexicon::deaccent;
use protokoll_model::record::CorrectionKind;
use protokoll_model::{Correction, Page};
use std::sync::Arc;

/// Zipf score of a word as written that the lexicon does not know: rarer than its
/// rarest words (the list stops at Zipf 1). On the synthetic partial damage of the
/// tuning texts ([`PARTIAL_MARGIN`]) 0.5 and 0 both made no right word wrong; 0.5
/// keeps a margin for names and old spellings the lexicon lacks.
const UNKNOWN_ZIPF: f32 = 0.5;
/// How much likelier (log10) a reading with a mark restored must be than the word as
/// written to be applied: three times, since a wrong repair costs more than a missed
/// one (on synthetic partial damage of the tuning texts, `fixtures/ocr/dev-*` with one
/// marked word in ten damaged, the largest step that made no right word wrong).
const PARTIAL_MARGIN: f32 = 0.5;
/// Zipf frequency from which a reading with a mark restored is a common word: a word as
/// written that has one and is unknown, or far rarer ([`SUSPECT_GAP`]), is a suspect.
const COMMON_READING: f32 = 3.0;
/// How much more frequent (log10) a restored reading must be than a known word as
/// written for the word to count as a suspect in the loss rate.
const SUSPECT_GAP: f32 = 2.0;
/// Pseudo-counts of the loss rate: suspects and words (a document with no evidence
/// gets 0.5 in 20.5, 2.4 %).
const PRIOR_SUSPECTS: f32 = 0.5;
const PRIOR_WORDS: f32 = 20.0;
/// Weight, in marked words, of the document's rate in a page's rate.
const DOCUMENT_WEIGHT: f32 = 20.0;
/// Extra cost (log10) of a mark read as another ("ifrän" for "ifrån") over a lost one:
/// the model saw a mark there.
const SWAP_COST: f32 = 0.5;
/// Cost (log10) of each further letter changed in one word: a word whose mark the OCR
/// lost often lost another (half the time, a guess).
const FURTHER_LETTER: f32 = 0.3;
/// What a compound of known parts costs (log10) against a word the lexicon lists: the
/// parts' mean frequency overstates the compound's.
const COMPOUND_COST: f32 = 1.0;
/// What reading a word in the spelling before 1906 costs (log10), as a compound does
/// ([`COMPOUND_COST`]): the modern spelling's frequency overstates the old one's.
const OLD_SPELLING_COST: f32 = COMPOUND_COST;
/// Fewest letters of a word read as a compound.
const MIN_COMPOUND: usize = 6;
/// OCR confidence in a word below which, and from which, the chance of a loss moves by
/// [`CONFIDENCE_SHIFT`] (log10) up or down.
const LOW_CONFIDENCE: f32 = 0.7;
const HIGH_CONFIDENCE: f32 = 0.95;
const CONFIDENCE_SHIFT: f32 = 0.5;
/// Cost (log10) of a marked letter the OCR read as other letters ("ftirt", "fcir",
/// "ftr", "Godkåindes": an ö or ä whose body and dots became letters of their own),
/// against a lost mark: such a reading is tried only where the word as written is no
/// word (or a rare one), and the reading must be a common one ([`COMMON_READING`]).
const GLYPH_COST: f32 = 1.0;
/// What the OCR makes of a marked letter read as two: its body as a round letter or a
/// stroke, then its dots or ring as a stroke ("ti", "tj", "ci", "ii", "åi" for ö or ä).
/// The shapes seen in the Canon scanner layers of the dev corpus (`corpus/ocr`).
const GLYPH_BODIES: &str = "ctiåä";
const GLYPH_DOTS: &str = "ij)";
/// Characters no letter that a mark's dots become inside a word ("ft)rdela": fördela).
const GLYPH_MARKS: &str = ")";
/// Fewest letters of a word read with such a mark; a shorter one is read only as a
/// function word ("ftr", "iir": "för", "är"), since in a short word the letters are too
/// often a word the lexicon lacks ("sti", "Måj" in old print).
const MIN_GLYPH_WORD: usize = 4;
/// Zipf score below which a short word as written is as good as unknown: the
/// frequency list's rarest ("iir", "ftr" 1.5).
const RARE_SHORT: f32 = 2.0;

/// The long s of old print ("Fonſter"), which the lexicon writes "s".
const LONG_S: char = 'ſ';

/// `reading` with the long s put back where `written` has one and the reading, letter
/// for letter, an "s" ("fonſter", "fönster": "fönſter"); as it is where the two differ
/// in length.
fn with_long_s(written: &str, reading: &str) -> String {
    if written.chars().count() != reading.chars().count() {
        return reading.to_string();
    }
    written
        .chars()
        .zip(reading.chars())
        .map(|(w, r)| if w == LONG_S && r == 's' { w } else { r })
        .collect()
}

/// Whether `piece` may be what the OCR made of one marked letter, between the letters
/// `before` and `after`: a body and a dot, or a "t" alone after an "f" ("ftr": the f's
/// bar run into the ö). At a word's start "ti" and "ci" are letters of their own too
/// often ("tindrade"): there only "ii", "åi", "äi".
fn glyph_piece(piece: &[char], before: Option<char>, after: Option<char>) -> bool {
    match piece {
        [body, dot] if before.is_none() => "iåä".contains(*body) && GLYPH_DOTS.contains(*dot),
        [body, dot] => GLYPH_BODIES.contains(*body) && GLYPH_DOTS.contains(*dot),
        ['t'] => before == Some('f') && after.is_some_and(|c| !is_vowel(c)),
        _ => false,
    }
}

/// What a word as written (lowercase) is to the partial repair, looked up once per
/// document.
#[derive(Debug, Clone, Default)]
pub(super) struct Fact {
    /// A known word written with å, ä or ö: evidence that the OCR kept its marks.
    kept: bool,
    /// A word that lost a mark, by the lexicon alone: evidence of damage.
    suspect: bool,
    /// The best reading with marks restored and its gain (log10) over the word as
    /// written, before the chance of a loss is counted.
    reading: Option<(String, f32)>,
    /// A word the syntax steps read from its neighbours ([`syntax_word`]).
    syntax: bool,
    /// A Swedish word as written or with its marks restored, as the gate counts them
    /// ([`gate_word`]).
    swedish: bool,
    /// Where a function word run into the next word ends (bytes of the word as
    /// written, lowercase): an unknown word with no reading that is the two
    /// ("avkassören", [`run_on`]).
    split: Option<Vec<usize>>,
}

/// The cost (log10, before the chance of a loss) of reading `written` as `read`, letter
/// by letter, where the two differ only in marks: a lost mark (a → å/ä, o → ö) or a
/// misread one (å ↔ ä); None where they differ otherwise or not at all.
pub(super) fn mark_cost(written: &str, read: &str) -> Option<f32> {
    let (mut changes, mut swaps) = (0u8, 0u8);
    let mut r = read.chars();
    for w in written.chars() {
        let c = r.next()?;
        match (w, c) {
            _ if w == c => {}
            ('a', 'å' | 'ä') | ('o', 'ö') => changes += 1,
            ('å', 'ä') | ('ä', 'å') => {
                changes += 1;
                swaps += 1;
            }
            _ => return None,
        }
    }
    if r.next().is_some() || changes == 0 {
        return None;
    }
    Some(f32::from(changes - 1) * FURTHER_LETTER + f32::from(swaps) * SWAP_COST)
}

/// Whether `read` changes one of the marks `written` has (å ↔ ä).
fn swapped(written: &str, read: &str) -> bool {
    written
        .chars()
        .zip(read.chars())
        .any(|(w, r)| w != r && matches!(w, 'å' | 'ä'))
}

/// What `lower` is to the partial repair ([`Fact`]); `name_like` for a capitalised word,
/// whose readings that are names are left alone.
pub(super) fn fact(lower: &str, name_like: bool, ctx: &Ctx<'_>) -> Fact {
    let lex = ctx.lex;
    let listed = lex.zipf(lower);
    // Known as written in the spelling before 1906 too, at that spelling's cost.
    let own = listed.or_else(|| Some(old_spelling::listed(lower, lex)? - OLD_SPELLING_COST));
    let marked = lower.contains(['å', 'ä', 'ö']);
    let mut fact = Fact {
        kept: marked && own.is_some(),
        ..Fact::default()
    };
    // A common word as written is for the syntax to judge; a name stays.
    let name = name_like && lex.is_name(lower);
    if own.is_some_and(|z| z >= FUNCTION_WORD) || name {
        return fact;
    }
    // No letter that lost a mark ("iir"): only a mark read as two letters.
    if !lower.contains(['a', 'o', 'å', 'ä']) {
        glyph_fact(&mut fact, lower, own, ctx);
        return fact;
    }
    let written = own.unwrap_or(UNKNOWN_ZIPF);
    let mut found = Vec::new();
    lex.accented(&deaccent(lower), &mut found);
    // Readings that differ by marks, with their cost; a known word with another mark
    // is a word too ("ären", "åren"): for context.
    let found: Vec<(String, f32, f32)> = found
        .into_iter()
        .filter(|(c, _)| !(fact.kept && swapped(lower, c)))
        .filter_map(|(c, z)| mark_cost(lower, &c).map(|cost| (c, z, cost)))
        .collect();
    // A capitalised word with a name among its readings ("Laxa": "Laxå", "Läxa") is
    // likely that name, and which one is no choice for frequency; a name that is the
    // only reading ("Enkoping": "Enköping") is weighed as any reading is.
    if name_like && found.len() > 1 && found.iter().any(|(c, _, _)| lex.is_name(c)) {
        return fact;
    }
    for (c, z, cost) in found {
        fact.suspect |= z >= COMMON_READING && own.is_none_or(|o| z - o >= SUSPECT_GAP);
        // What the document writes counts, but not for a function word: every
        // Swedish text writes "är".
        let bonus = if z < FUNCTION_WORD {
            ctx.seen.bonus(&c)
        } else {
            0.0
        };
        let gain = z + bonus - cost - written;
        if fact.reading.as_ref().is_none_or(|(_, g)| gain > *g) {
            fact.reading = Some((c, gain));
        }
    }
    // A common word as written gives way only to a far commoner reading ("rost",
    // "röst": context, which this step does not see, decides).
    if own.is_some_and(|o| o >= COMMON_READING) {
        fact.reading = fact.reading.filter(|(_, gain)| *gain >= SUSPECT_GAP);
    }
    if let Some((old, z)) = listed
        .is_none()
        .then(|| old_spelling_reading(lower, name_like, own, ctx))
        .flatten()
    {
        fact.suspect |= z >= COMMON_READING;
        if fact.reading.as_ref().is_none_or(|(_, g)| old.1 > *g) {
            fact.reading = Some(old);
        }
    }
    if fact.reading.is_none() && own.is_none() {
        fact.reading = compound_reading(lower, ctx);
    }
    if fact.reading.is_none() {
        glyph_fact(&mut fact, lower, own, ctx);
    }
    if fact.reading.is_none() && own.is_none() {
        fact.split = run_on(lex, lower).filter(|cuts| {
            cuts.first()
                .and_then(|at| lower.get(..*at))
                .is_some_and(|f| !LISTS.prefixes.contains(f))
        });
    }
    fact
}

/// A reading with a mark restored of a word spelt as before 1906 ("afven", "bestamdt",
/// "owantade"): the best reading of its modern spelling ([`old_spelling::modern`]), the
/// marks put back into the word as written, and its gain at [`OLD_SPELLING_COST`]; with
/// the reading's own Zipf score. Its gain is over `own`, the word as written read in
/// the modern spelling where that is a word ("afsagt": "avsagt"; "afven": "aven", noise
/// in the frequency list, far rarer than "även"). None for a capitalised word where a
/// reading is a name.
fn old_spelling_reading(
    lower: &str,
    name_like: bool,
    own: Option<f32>,
    ctx: &Ctx<'_>,
) -> Option<((String, f32), f32)> {
    let (modern, from) = old_spelling::modern(lower)?;
    let mut found = Vec::new();
    ctx.lex.accented(&deaccent(&modern), &mut found);
    if name_like && found.iter().any(|(c, _)| ctx.lex.is_name(c)) {
        return None;
    }
    let (cost, reading, z) = found
        .into_iter()
        .filter_map(|(c, z)| Some((mark_cost(&modern, &c)?, c, z)))
        .max_by(|a, b| (a.2 - a.0).total_cmp(&(b.2 - b.0)))?;
    let mut letters: Vec<char> = lower.chars().collect();
    for (k, (m, r)) in modern.chars().zip(reading.chars()).enumerate() {
        if m != r {
            *letters.get_mut(*from.get(k)?)? = r;
        }
    }
    let gain = z - cost - OLD_SPELLING_COST - own.unwrap_or(UNKNOWN_ZIPF);
    Some(((letters.into_iter().collect(), gain), z))
}

/// A reading with a marked letter the OCR read as other letters ([`glyph_reading`])
/// for a word as written that is no word, or a rare one (`own`, its Zipf score) of four
/// letters or more; a suspect when the reading is far more frequent ([`SUSPECT_GAP`]).
fn glyph_fact(fact: &mut Fact, lower: &str, own: Option<f32>, ctx: &Ctx<'_>) {
    let short = lower.chars().count() < MIN_GLYPH_WORD;
    if own.is_some_and(|o| o >= COMMON_READING || short && o >= RARE_SHORT) {
        return;
    }
    let least = if short { FUNCTION_WORD } else { COMMON_READING };
    let written = own.unwrap_or(UNKNOWN_ZIPF);
    fact.reading = glyph_reading(lower, written, least, ctx);
    fact.suspect = fact
        .reading
        .as_ref()
        .is_some_and(|(_, gain)| gain + GLYPH_COST >= SUSPECT_GAP);
}

/// The best reading of `lower` with one run of letters read as a marked letter
/// ([`glyph_piece`]; "ftirt": "fört", "samftillighetens": "samfällighetens"), a word of
/// Zipf `least` or more or a compound of known parts, with its gain over the word as
/// written (Zipf `written`). The reading may restore other lost marks too, at their
/// cost ([`mark_cost`]); a name is no reading.
fn glyph_reading(lower: &str, written: f32, least: f32, ctx: &Ctx<'_>) -> Option<(String, f32)> {
    let chars: Vec<char> = lower.chars().collect();
    let mut best: Option<(String, f32)> = None;
    let mut keep = |c: String, gain: f32| {
        if best.as_ref().is_none_or(|(_, g)| gain > *g) {
            best = Some((c, gain));
        }
    };
    let mut found = Vec::new();
    for start in 0..chars.len() {
        for width in 1..=2 {
            let (Some(head), Some(piece), Some(tail)) = (
                chars.get(..start),
                chars.get(start..start + width),
                chars.get(start + width..),
            ) else {
                continue;
            };
            let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
            if !glyph_piece(piece, before, tail.first().copied()) {
                continue;
            }
            // The glyph's letter without its mark; the lexicon gives the marks back.
            for base in ['a', 'o'] {
                let bare: String = head.iter().chain([&base]).chain(tail).collect();
                let marked_here = |c: &str| c.chars().nth(start).is_some_and(|m| "åäö".contains(m));
                found.clear();
                ctx.lex.accented(&deaccent(&bare), &mut found);
                for (c, z) in found.drain(..) {
                    let Some(cost) = mark_cost(&bare, &c) else {
                        continue;
                    };
                    if z >= least && marked_here(&c) && !ctx.lex.is_name(&c) {
                        keep(c, z - GLYPH_COST - cost - written);
                    }
                }
                if chars.len() >= MIN_COMPOUND && least < FUNCTION_WORD {
                    if let Some(((c, score), _)) = compound(ctx.lex, &bare, ctx.seen, 2) {
                        if let Some(cost) = mark_cost(&bare, &c).filter(|_| marked_here(&c)) {
                            keep(c, score - GLYPH_COST - cost - COMPOUND_COST - written);
                        }
                    }
                }
            }
        }
    }
    // Letters read as another by their shape ("möjlighetema": "möjligheterna").
    // The reading may also restore a lost mark.
    for bare in shape_readings(lower) {
        found.clear();
        ctx.lex.accented(&deaccent(&bare), &mut found);
        // The index of marks lists marked words only: the reading as it is, too.
        if let Some(z) = ctx
            .lex
            .zipf(&bare)
            .filter(|_| !found.iter().any(|(c, _)| *c == bare))
        {
            found.push((bare.clone(), z));
        }
        for (c, z) in found.drain(..) {
            let cost = if c == bare {
                Some(0.0)
            } else {
                mark_cost(&bare, &c)
            };
            let Some(cost) = cost.filter(|_| z >= least && !ctx.lex.is_name(&c)) else {
                continue;
            };
            keep(c, z - GLYPH_COST - cost - written);
        }
    }
    best
}

/// Most letters read as others by their shape ([`LISTS`]' shape pairs) in one word:
/// an OCR that misreads a letter once in a word often does it twice
/// ("iokaier" for "lokaler").
const MAX_SHAPES: usize = 2;

/// `lower` with one or two runs of letters read back as printed, by the shape pairs
/// ("stäiining": "ställning", "tiiiämpas": "tillämpas"; runs may overlap, as "iii" for
/// "lli" or "ill" does). Each reading once.
fn shape_readings(lower: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut from: Vec<(String, usize)> = vec![(lower.to_string(), 0)];
    for _ in 0..MAX_SHAPES {
        let mut next = Vec::new();
        for (word, start) in &from {
            for (printed, read) in &LISTS.shape_pairs {
                // Every place `read` starts at or after `start`, overlapping ones too.
                let at = word.char_indices().map(|(i, _)| i).filter(|i| i >= start);
                for i in at {
                    let (Some(a), Some(b)) = (word.get(..i), word.get(i..)) else {
                        continue;
                    };
                    let Some(rest) = b.strip_prefix(read) else {
                        continue;
                    };
                    let reading = format!("{a}{printed}{rest}");
                    if !out.contains(&reading) {
                        next.push((reading.clone(), i + printed.len()));
                        out.push(reading);
                    }
                }
            }
        }
        from = next;
    }
    out
}

/// An unknown word read as a compound of known parts with marks restored
/// ("auktionstillfallet": "auktions|tillfället"), with its gain over the word as
/// written (or over the compound it makes as written): the parts' score less
/// [`COMPOUND_COST`].
fn compound_reading(lower: &str, ctx: &Ctx<'_>) -> Option<(String, f32)> {
    if lower.chars().count() < MIN_COMPOUND {
        return None;
    }
    let ((word, score), as_written) = compound(ctx.lex, lower, ctx.seen, 2)?;
    // A mark read as another is no lost mark: the parts of a compound are too weak
    // evidence to overrule what the OCR saw ("täcksläda" is no "täcks|låda").
    if swapped(lower, &word) {
        return None;
    }
    // One mark a compound: the parts of a compound are weak evidence for more
    // ("korderad" is no "körde|råd").
    let cost = mark_cost(lower, &word).filter(|c| *c == 0.0)?;
    Some((
        word,
        score - cost - COMPOUND_COST - as_written.unwrap_or(UNKNOWN_ZIPF),
    ))
}

/// Facts by token as written (a document repeats its tokens; no allocation to look
/// one up, and one hash lookup): an index into the facts, none for a token that is no
/// word to judge.
#[derive(Default)]
pub struct Facts {
    by_token: FastMap<Arc<str>, Option<u32>>,
    facts: Vec<Fact>,
}

impl Facts {
    /// The index of a token's [`Fact`], or None where it is no word to judge (fewer
    /// than two letters, or other characters).
    fn index(&mut self, token: &Arc<str>, ctx: &Ctx<'_>) -> Option<u32> {
        match self.by_token.get(&**token) {
            Some(at) => *at,
            None => {
                let at = self.learn(token, ctx);
                self.by_token.insert(token.clone(), at);
                at
            }
        }
    }

    /// Works out the fact of a token not seen before and keeps it; its index.
    fn learn(&mut self, token: &str, ctx: &Ctx<'_>) -> Option<u32> {
        let core = split_core(token).1;
        if core.contains(JOINER) {
            let f = self.joined(core, ctx)?;
            let at = u32::try_from(self.facts.len()).ok()?;
            self.facts.push(f);
            return Some(at);
        }
        // A bracket inside a word is what the OCR made of a mark's dots ("ft)rdela"), a
        // one a stroke letter ("främ1a").
        let letters = core
            .chars()
            .all(|c| c.is_alphabetic() || GLYPH_MARKS.contains(c) || c == '1')
            && core.starts_with(char::is_alphabetic)
            && core.ends_with(char::is_alphabetic);
        if core.chars().nth(1).is_none() || !letters {
            return None;
        }
        let lower = lowercase(core);
        // Old print's long s is an s to the lexicon; a reading keeps the print's.
        let mut f = if lower.contains(LONG_S) {
            let folded = lower.replace(LONG_S, "s");
            let mut f = fact(&folded, core.starts_with(char::is_uppercase), ctx);
            if let Some((reading, _)) = f.reading.as_mut() {
                *reading = with_long_s(&lower, reading);
            }
            // Its byte offsets are the folded word's, not the word's as written.
            f.split = None;
            f
        } else {
            fact(&lower, core.starts_with(char::is_uppercase), ctx)
        };
        f.syntax = syntax_word(&lower);
        f.swedish = gate_word(token, ctx.lex, &mut Vec::new()).unwrap_or(false);
        let at = u32::try_from(self.facts.len()).ok()?;
        self.facts.push(f);
        Some(at)
    }

    /// The fact of words joined into one token ([`JOINER`]), put together from each
    /// word's own. A word there has no neighbours to read it by, so only one that is no
    /// word as written is read ("snörojning/sandning": "snöröjning", while the rarer
    /// word "sandning" stays); the reading restores marks in each such word, at the
    /// least of their gains, each in its own case. None unless every piece is a word
    /// to judge.
    fn joined(&mut self, core: &str, ctx: &Ctx<'_>) -> Option<Fact> {
        let mut out = Fact {
            swedish: true,
            ..Fact::default()
        };
        let (mut reading, mut gain, mut any) = (String::new(), f32::INFINITY, false);
        for (k, piece) in core.split(JOINER).enumerate() {
            let at = self.index(&Arc::from(piece), ctx)?;
            let f = self.facts.get(at as usize)?;
            out.kept |= f.kept;
            out.suspect |= f.suspect;
            out.swedish &= f.swedish;
            if k > 0 {
                reading.push(JOINER);
            }
            // A piece keeps what surrounds its letters ("ordf./sekr").
            let (pre, letters, post) = split_core(piece);
            let unknown = ctx.lex.zipf(&lowercase(letters)).is_none();
            match f.reading.as_ref().filter(|_| unknown) {
                Some((r, g)) => {
                    reading.push_str(&format!("{pre}{}{post}", with_case(letters, r)));
                    gain = gain.min(*g);
                    any = true;
                }
                None => reading.push_str(piece),
            }
        }
        out.reading = any.then_some((reading, gain));
        Some(out)
    }
}

/// What joins two words into one token ("snöröjning/sandning", "föreslås/planeras").
const JOINER: char = '/';

/// Whether the syntax steps ([`repair_by_syntax`]) read this word (lowercase): a
/// function word read from its left neighbour, "har", a modal as the OCR writes it.
fn syntax_word(lower: &str) -> bool {
    LISTS.read_from_left.contains(lower)
        || lower == "har"
        || LISTS.modals.iter().any(|(w, _)| *w == lower)
}

/// What the partial repair knows of a page: the chance (log10) that the OCR lost a
/// mark there, and the index of each word's `Fact` in reading order.
pub struct PageFacts {
    loss: f32,
    words: Vec<Option<u32>>,
}

/// Measures each page `judged` (the others get no words): its suspects among its
/// suspects and kept marked words give its chance of a loss, drawn towards the
/// document's.
pub fn page_facts(
    pages: &[Page],
    judged: &[bool],
    facts: &mut Facts,
    ctx: &Ctx<'_>,
) -> Vec<PageFacts> {
    let mut counts: Vec<(f32, f32)> = Vec::with_capacity(pages.len());
    let mut out: Vec<PageFacts> = Vec::with_capacity(pages.len());
    for (p, j) in pages.iter().zip(judged) {
        let (mut suspects, mut words, mut swedish, mut tokens) = (0.0, 0.0, 0usize, 0usize);
        let mut at = Vec::new();
        // A page not judged is not read (it has no facts).
        let page_words = p.lines.iter().flat_map(|l| l.words());
        for w in page_words.take_while(|_| *j) {
            let i = facts.index(&w.text, ctx);
            let f = i.and_then(|i| facts.facts.get(i as usize));
            if let Some(f) = f {
                suspects += f32::from(u8::from(f.suspect));
                words += f32::from(u8::from(f.suspect || f.kept));
                swedish += usize::from(f.swedish);
                tokens += 1;
            }
            // Only a word with a reading, or one the syntax reads, can be repaired.
            at.push(i.filter(|_| {
                f.is_some_and(|f| f.syntax || f.reading.is_some() || f.split.is_some())
            }));
        }
        // A page in another language ("for", "at" in English) is left as it is.
        if (swedish as f32) < SWEDISH_WORDS * tokens as f32 {
            (suspects, words) = (0.0, 0.0);
            at.clear();
        }
        counts.push((suspects, words));
        out.push(PageFacts {
            loss: 0.0,
            words: at,
        });
    }
    let (s, n) = counts
        .iter()
        .fold((0.0, 0.0), |(s, n), (a, b)| (s + a, n + b));
    let document = (s + PRIOR_SUSPECTS) / (n + PRIOR_WORDS);
    for (p, (s, n)) in out.iter_mut().zip(&counts) {
        p.loss = ((s + DOCUMENT_WEIGHT * document) / (n + DOCUMENT_WEIGHT)).log10();
    }
    out
}

/// Characters that end the first piece of a word broken over two lines ("ar-", the
/// "=" of old print).
const HYPHENS: [char; 3] = ['-', '=', '¬'];

/// Whether a token is a piece of a word broken at a hyphen over two lines: it ends a
/// line with one, or opens the next after a line that does ("ar- | bete"). A piece is
/// no word to read on its own. Within a line a word ending with a hyphen is whole, the
/// first part of a compound that shares its last part with the next ("Fönster- och
/// Taffel-glas"), and so is the word after it.
pub(super) fn hyphenated(text: &str, prev: Option<&str>, first: bool, last: bool) -> bool {
    last && text.ends_with(HYPHENS) || first && prev.is_some_and(|p| p.ends_with(HYPHENS))
}

/// How the OCR engine's confidence in a word moves the chance of a loss (log10).
pub(super) fn confidence_shift(confidence: Option<f32>) -> f32 {
    match confidence {
        Some(c) if c < LOW_CONFIDENCE => CONFIDENCE_SHIFT,
        Some(c) if c >= HIGH_CONFIDENCE => -CONFIDENCE_SHIFT,
        _ => 0.0,
    }
}

/// The partial repair of one token between its neighbours, with `loss` the chance
/// (log10) that the OCR lost a mark in it: the syntax steps first, then the channel.
pub(super) fn partial_token(
    text: &str,
    prev: Option<&str>,
    next: Option<&str>,
    loss: f32,
    fact: &Fact,
    ctx: &mut Ctx<'_>,
) -> Option<Repair> {
    let (pre, core, post) = split_core(text);
    if let Some(decided) = fact
        .syntax
        .then(|| repair_by_syntax(text, prev, next, ctx))
        .flatten()
    {
        return decided.filter(|(r, _, _)| deaccent(r) == deaccent(text));
    }
    // A function word run into the next: split there, as the core writes them.
    if let Some(cuts) = fact
        .split
        .as_ref()
        .filter(|_| lowercase(core).len() == core.len())
    {
        return Some((
            format!("{pre}{}{post}", with_spaces(core, cuts)?),
            CorrectionKind::Split,
            CONFIDENT,
        ));
    }
    let (word, gain) = fact.reading.as_ref()?;
    let margin = gain + loss;
    (margin >= PARTIAL_MARGIN).then(|| {
        (
            format!("{pre}{}{post}", with_case(core, word)),
            CorrectionKind::Diacritic,
            confidence(margin - PARTIAL_MARGIN),
        )
    })
}

/// Repairs the words of one page the gate called clean whose own evidence says they
/// lost a mark (`partial_token`); `known` is what [`page_facts`] found of the page.
pub fn repair_partial_page(
    page: &mut Page,
    known: &PageFacts,
    facts: &Facts,
    ctx: &mut Ctx<'_>,
) -> Vec<Correction> {
    let number = page.number;
    let mut out = Vec::new();
    let mut at = known.words.iter();
    // The word before a line's first one: the last of the line before.
    let mut carry: Option<Arc<str>> = None;
    for cell in page.lines.iter_mut().flat_map(|l| l.cells.iter_mut()) {
        let mut fixes: Vec<(usize, Fix)> = Vec::new();
        for (i, w) in cell.words.iter().enumerate() {
            let Some(fact) = at
                .next()
                .copied()
                .flatten()
                .and_then(|f| facts.facts.get(f as usize))
            else {
                continue;
            };
            let prev = match i.checked_sub(1) {
                Some(j) => cell.words.get(j).map(|w| &*w.text),
                None => carry.as_deref(),
            };
            if hyphenated(&w.text, prev, i == 0, i + 1 == cell.words.len()) {
                continue;
            }
            let next = cell.words.get(i + 1).map(|w| &*w.text);
            let loss = known.loss + confidence_shift(w.confidence);
            if let Some(r) = partial_token(&w.text, prev, next, loss, fact, ctx) {
                fixes.push((i, fix_of(r)));
            }
        }
        if let Some(last) = cell.words.last() {
            carry = Some(last.text.clone());
        }
        apply(cell, fixes, number, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::testutil::*;

    #[test]
    fn a_mark_lost_or_misread_costs_by_letter() {
        assert_eq!(mark_cost("mote", "möte"), Some(0.0));
        assert_eq!(mark_cost("valfard", "välfärd"), Some(FURTHER_LETTER));
        assert_eq!(mark_cost("ifrän", "ifrån"), Some(SWAP_COST));
        // Not a change of marks: another letter, another length, or none at all.
        assert_eq!(mark_cost("mote", "mate"), None);
        assert_eq!(mark_cost("mot", "möte"), None);
        assert_eq!(mark_cost("möte", "möte"), None);
        assert_eq!(mark_cost("möte", "mote"), None);
    }

    #[test]
    fn what_a_word_as_written_says() {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        let ctx = Ctx::new(lex, &plain);
        // Unknown, and a common word with its mark back: a suspect with a reading.
        let f = fact("valkomna", false, &ctx);
        assert!(f.suspect && !f.kept);
        assert_eq!(f.reading.map(|r| r.0).as_deref(), Some("välkomna"));
        // A known word far rarer than its reading ("mote" 2.1, "möte" 4.8).
        assert!(fact("mote", false, &ctx).suspect);
        // A known word with its marks is evidence that they were kept.
        let kept = fact("möte", false, &ctx);
        assert!(kept.kept && !kept.suspect && kept.reading.is_none());
        // A common word as written is for the syntax; a known word with another mark
        // ("ären", "åren") is a word too.
        assert!(fact("har", false, &ctx).reading.is_none());
        assert!(fact("ären", false, &ctx).reading.is_none());
        // A capitalised word stays where a name is one of its readings ("Laxa": "Laxå",
        // "Läxa"), not where it is the only one ("Enkoping").
        assert!(lex.is_name("laxå"));
        assert!(fact("laxa", true, &ctx).reading.is_none());
        let only = fact("enkoping", true, &ctx).reading.map(|r| r.0);
        assert_eq!(only.as_deref(), Some("enköping"));
    }

    #[test]
    fn a_word_spelt_as_before_1906_is_read_in_the_modern_spelling() {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        let ctx = Ctx::new(lex, &plain);
        let read = |w: &str| fact(w, false, &ctx).reading.map(|r| r.0);
        // The mark goes back into the word as written: "w" and "dt" stay.
        assert_eq!(read("owantade").as_deref(), Some("owäntade"));
        assert_eq!(
            read("anmärkningsvardt").as_deref(),
            Some("anmärkningsvärdt")
        );
        // A modern spelling that is a word as it is lost no mark ("hwad": "vad";
        // "afsagt": "avsagt", not "avsägt"), nor is it read as a compound ("af|sägt").
        assert_eq!(read("hwad"), None);
        assert_eq!(read("afsagt"), None);
        // Unless the modern spelling is far rarer than its reading ("afven": "aven",
        // noise in the frequency list, and "även").
        assert_eq!(read("afven").as_deref(), Some("äfven"));
    }

    #[test]
    fn words_that_stay_as_written() {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        let ctx = Ctx::new(lex, &plain);
        let read = |w: &str| fact(w, false, &ctx).reading.map(|r| r.0);
        // A common word gives way only to a far commoner reading: "rost" (3.2) is no
        // "röst" (4.9) by frequency alone; "mote" (2.1) is "möte" (4.8).
        assert_eq!(read("rost"), None);
        assert_eq!(read("mote").as_deref(), Some("möte"));
        // A compound reading restores one lost mark, never another mark ("täcksläda",
        // an old sleigh, is no "täcks|låda") nor two ("korderad" is no "körde|råd").
        assert_eq!(read("täcksläda"), None);
        assert_eq!(read("korderad"), None);
        assert_eq!(
            read("auktionstillfallet").as_deref(),
            Some("auktionstillfället")
        );
    }

    #[test]
    fn old_print_long_s_is_read_as_s_and_kept() {
        assert_eq!(with_long_s("beſtamd", "bestämd"), "beſtämd");
        assert_eq!(with_long_s("ſaſom", "såsom"), "ſåſom");
        // Another length: the reading as it is.
        assert_eq!(with_long_s("ſtr", "för"), "för");
        let (out, n) = repaired_text(&format!("Fonſter och Glas ſäljes, beſtamd tid.\n{CLEAN}"));
        assert!(
            out.starts_with("Fönſter och Glas ſäljes, beſtämd tid."),
            "{out}"
        );
        assert_eq!(n, 2);
        // A word with a long s is not split as a run-on at the folded word's offsets.
        let (out, _) = repaired_text(&format!("Det blev ſomſvar på frågan.\n{CLEAN}"));
        assert!(out.starts_with("Det blev ſomſvar på frågan."), "{out}");
    }

    #[test]
    fn a_function_word_run_into_the_next_is_split() {
        let (out, _) = repaired_text(&format!(
            "Kassören redovisade tillföretagets räkning, och avkassören väljs en ny.\n{CLEAN}"
        ));
        assert!(
            out.starts_with("Kassören redovisade till företagets räkning, och av kassören"),
            "{out}"
        );
        // "för" opens words as a prefix too: an unknown word that opens with it stays.
        let (out, _) = repaired_text(&format!("Det är en stor förmon för oss.\n{CLEAN}"));
        assert!(out.starts_with("Det är en stor förmon för oss."), "{out}");
        // After a common word too ("Valav"), but not between two: that is a compound
        // the lexicon lacks ("extraförråd": "extra", "för", "råd").
        let (out, _) = repaired_text(&format!(
            "Valav ordförande. Det gäller nytt materialsom behövs i extraförråd.\n{CLEAN}"
        ));
        assert!(
            out.starts_with(
                "Val av ordförande. Det gäller nytt material som behövs i extraförråd."
            ),
            "{out}"
        );
    }

    /// The reading [`fact`] finds for a lowercase word on a page with no evidence.
    fn reading_of(w: &str) -> Option<String> {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        let ctx = Ctx::new(lex, &plain);
        fact(w, false, &ctx).reading.map(|r| r.0)
    }

    #[test]
    fn a_mark_read_as_two_letters() {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        let ctx = Ctx::new(lex, &plain);
        let read = |w: &str| fact(w, false, &ctx).reading.map(|r| r.0);
        assert_eq!(read("ftiljande").as_deref(), Some("följande"));
        assert_eq!(read("ordfiirande").as_deref(), Some("ordförande"));
        assert_eq!(read("godkåindes").as_deref(), Some("godkändes"));
        assert_eq!(read("godkiinde").as_deref(), Some("godkände"));
        // A word that keeps another mark ("ftjreslås": föreslås).
        assert_eq!(read("ftjreslås").as_deref(), Some("föreslås"));
        // An unknown word is a suspect of a lost mark.
        assert!(fact("ftiljande", false, &ctx).suspect);
        // Two letters of which none is a dot, or one letter alone, are no marked letter
        // ("yal" is no "öl"; "egaren", an old spelling, no "ägaren").
        assert!(!glyph_piece(&['y', 'a'], None, None));
        assert!(glyph_piece(&['t', 'i'], Some('f'), Some('r')));
        // A "t" alone after an "f" ("ftr"), not elsewhere ("väsendtliga").
        assert!(glyph_piece(&['t'], Some('f'), Some('r')));
        assert!(!glyph_piece(&['t'], Some('d'), Some('l')));
        // At a word's start "ti" is letters ("tindrade"), "ii" a mark ("iir").
        assert!(!glyph_piece(&['t', 'i'], None, Some('n')));
        assert!(glyph_piece(&['i', 'i'], None, Some('r')));
        assert_eq!(read("yal"), None);
        // A short word only as a function word; a compound of known parts.
        assert_eq!(read("iir").as_deref(), Some("är"));
        assert_eq!(read("ftr").as_deref(), Some("för"));
        assert_eq!(read("samftillighetens").as_deref(), Some("samfällighetens"));
        assert_eq!(read("ft)rdela").as_deref(), Some("fördela"));
        assert_eq!(read("möjlighetema").as_deref(), Some("möjligheterna"));
        assert_eq!(read("egaren"), None);
    }

    #[test]
    fn letters_read_as_others_by_their_shape() {
        let read = |w: &str| reading_of(w);
        // An l read as an i, once, twice, or in a run of them.
        assert_eq!(read("stäiining").as_deref(), Some("ställning"));
        assert_eq!(read("iedamöter").as_deref(), Some("ledamöter"));
        assert_eq!(read("iokaier").as_deref(), Some("lokaler"));
        assert_eq!(read("tiiiämpas").as_deref(), Some("tillämpas"));
        let readings = shape_readings("tiiiämpas");
        assert!(readings.iter().any(|r| r == "tillämpas"), "{readings:?}");
        // Narrow letters run together or split: "in" for an m, "ii" for an n.
        assert_eq!(read("ändainål").as_deref(), Some("ändamål"));
        assert_eq!(read("föreningeii").as_deref(), Some("föreningen"));
        // A word whose i's make no word with l's stays.
        assert_eq!(read("qiixz"), None);
        // An m read as "l1", a j as a one.
        assert_eq!(read("ändal1ål").as_deref(), Some("ändamål"));
        assert_eq!(read("främ1a").as_deref(), Some("främja"));
    }

    #[test]
    fn pieces_of_hyphenated_words_are_no_words() {
        // At a line's end and the next line's start.
        assert!(hyphenated("ar-", Some("och"), false, true));
        assert!(hyphenated("bete", Some("ar-"), true, false));
        assert!(hyphenated("gar", Some("Lärfts="), true, true));
        assert!(!hyphenated("dar", Some("maj,"), true, false));
        assert!(!hyphenated("dar", None, true, false));
        // Within a line: "Fonster= och" is a whole word, and so is the word after it.
        assert!(!hyphenated("Fonster=", Some("nya"), false, false));
        assert!(!hyphenated("och", Some("Fonster="), false, false));
    }

    #[test]
    fn the_ocr_confidence_moves_the_chance_of_a_loss() {
        assert_eq!(confidence_shift(None), 0.0);
        assert_eq!(confidence_shift(Some(0.5)), CONFIDENCE_SHIFT);
        assert_eq!(confidence_shift(Some(0.8)), 0.0);
        assert_eq!(confidence_shift(Some(0.99)), -CONFIDENCE_SHIFT);
    }

    #[test]
    fn the_chance_of_a_loss_is_measured_on_the_page() {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        let ctx = Ctx::new(lex, &plain);
        let damaged = ocr_page("Nästa mote i Örebro är den 5 maj, dar alla ar valkomna.");
        let clean = ocr_page("Nästa möte i Örebro är den 5 maj, där alla är välkomna.");
        let mut facts = Facts::default();
        let pages = [damaged, clean];
        let known = page_facts(&pages, &[true, true], &mut facts, &ctx);
        assert!(known[0].loss > known[1].loss);
        // A page not judged has no words.
        let skipped = page_facts(&pages, &[false, true], &mut facts, &ctx);
        assert!(skipped[0].words.is_empty() && !skipped[1].words.is_empty());
        // Nor has a page of words mostly no Swedish reading explains.
        let other = [ocr_page("Xqzt blorf mote wibblez frotzk glarp.")];
        assert!(page_facts(&other, &[true], &mut facts, &ctx)[0]
            .words
            .is_empty());
    }

    /// The partial repair of a text file whose lines are `text`'s.
    fn repaired_text(text: &str) -> (String, usize) {
        use protokoll_model::Document;
        let mut page = crate::repair::testutil::page_of(text, false);
        page.number = 1;
        let mut doc = Document {
            pages: vec![page],
            ..Document::default()
        };
        let r = crate::repair_document(
            &mut doc,
            &crate::RepairOptions {
                repair: true,
                plain_text: true,
                audit: true,
            },
        );
        let out: Vec<String> = doc.pages[0].lines.iter().map(|l| l.text()).collect();
        (out.join("\n"), r.corrections.len())
    }

    const CLEAN: &str = "Styrelsen beslutade att godkänna årsredovisningen för år 2024.\n\
        Mötet förklarades öppnat och dagordningen fastställdes.\n\
        Ordföranden tackade för ett väl genomfört år, och vi har en bra dag.";

    #[test]
    fn partial_damage_is_repaired_word_by_word() {
        let damaged = "Nästa mote i Örebro är den 5 maj, dar alla ar valkomna.";
        let (out, n) = repaired_text(&format!("{damaged}\n{CLEAN}"));
        assert_eq!(
            out.lines().next(),
            Some("Nästa möte i Örebro är den 5 maj, där alla är välkomna.")
        );
        assert_eq!(n, 4);
        // A mark the OCR read as two letters, on a page that keeps most of its marks.
        let (out, _) = repaired_text(&format!("Mötet ftireslog att ordfiirande väljs.\n{CLEAN}"));
        assert!(
            out.starts_with("Mötet föreslog att ordförande väljs."),
            "{out}"
        );
        // Words joined by a slash: each read on its own, a known one stays, and each
        // keeps its punctuation.
        let (out, _) = repaired_text(&format!(
            "Kostnad för Snörojning/sandning ökade, (forvaltare)/kassör.\n{CLEAN}"
        ));
        assert!(
            out.starts_with("Kostnad för Snöröjning/sandning ökade, (förvaltare)/kassör."),
            "{out}"
        );
        // Letters read as a one inside a word ("l1" for an m).
        let (out, _) = repaired_text(&format!(
            "Föreningens ändal1ål är att främ1a boendet.\n{CLEAN}"
        ));
        assert!(
            out.starts_with("Föreningens ändamål är att främja boendet."),
            "{out}"
        );
        // A clean text gets none.
        assert_eq!(repaired_text(CLEAN), (CLEAN.replace("\n        ", "\n"), 0));
    }
}
