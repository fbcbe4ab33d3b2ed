use super::audit::{apply, fix_of, Fix};
use super::channel::foreign_mark;
use super::classes::{definite_noun, finite_verb};
use super::context::{here_follows, person_slot};
use super::gate::ocr_layer;
use super::glued::split_glued_number;
use super::lists::LISTS;
use super::memo::Ctx;
use super::merges::{
    listed_or_name, merge_spaced_pieces, merge_split_initials, merge_split_words, PieceMemo,
};
use super::rules::repair_token;
use super::section_signs::section_signs;
use super::strokes::{capital_i, inner_capital_i, opens_with_capital_i, stray_stroke};
use super::text::{capitalised, is_label, is_lower_word, is_month, lowercase, split_core};
use super::{APPLY_MARGIN, MARGIN};
use crate::lexicon::Lexicon;
use protokoll_model::record::CorrectionKind;
use protokoll_model::Correction;
use protokoll_model::Page;
use std::collections::HashSet;

/// [`repair_token`], answered from the token memo where the neighbours cannot matter.
/// Sets `ctx.last_contested`.
pub(super) fn repair_cached(
    text: &std::sync::Arc<str>,
    prev: Option<&std::sync::Arc<str>>,
    next_word: Option<&std::sync::Arc<str>>,
    ctx: &mut Ctx<'_>,
) -> Option<Fix> {
    let prev_text = prev.map(|p| &**p);
    let next = next_word.map(|n| &**n);
    let (after_marker, left) = ctx.left_of(prev);
    // The memo holds context-free tokens only: a hit needs no further test. Where a
    // noun stands the answer may differ: a memo of its own.
    let slot = left as usize
        + 4 * usize::from(person_slot("", next))
        + 8 * usize::from(capitalised(prev_text));
    if !after_marker {
        if let Some((r, contested)) = ctx.tokens.get(slot).and_then(|m| m.get(&**text)) {
            ctx.last_contested = *contested;
            return r.clone();
        }
    }
    let kind = ctx.kind_of(text);
    let free = !after_marker && kind.context_free;
    // Tokens read from their neighbours ("1", "ar", "Aven", after "att"): by the token,
    // the word before as written and what the word after is. A modal ("bor") reads the
    // word after itself and is never kept.
    let near = (!free && !kind.modal).then(|| {
        // "det har mötet", "att andra tiderna": a token read with the word after it
        // ([`here_follows`], [`finite_verb`], [`definite_noun`]).
        let after = ctx.next_of(next_word);
        let here = if kind.har {
            after.here
        } else {
            after_marker && after.definite
        };
        let class = after.class | u8::from(here) << 7;
        (text.clone(), prev.cloned(), class)
    });
    if let Some((r, contested)) = near.as_ref().and_then(|k| ctx.near.get(k)) {
        ctx.last_contested = *contested;
        return r.clone();
    }
    ctx.last_contested = false;
    let r = repair_token(text, prev_text, next, ctx).map(fix_of);
    let contested = ctx.last_contested;
    if free {
        if let Some(memo) = ctx.tokens.get_mut(slot) {
            memo.insert(text.clone(), (r.clone(), contested));
        }
    } else if let Some(key) = near {
        ctx.near.insert(key, (r.clone(), contested));
    }
    r
}

/// What [`repair_cached`] reads of a token as written, whatever its neighbours.
#[derive(Clone, Copy)]
pub(super) struct TokenKind {
    /// [`context_free`].
    pub(super) context_free: bool,
    /// [`is_modal`].
    pub(super) modal: bool,
    /// The token is "har" (any case), read with the word after it.
    pub(super) har: bool,
}

impl TokenKind {
    pub(super) fn of(text: &str) -> Self {
        TokenKind {
            context_free: context_free(text),
            modal: is_modal(text),
            har: split_core(text).1.eq_ignore_ascii_case("har"),
        }
    }
}

/// What [`repair_cached`] reads of the word after a token.
#[derive(Clone, Copy)]
pub(super) struct NextKind {
    /// [`next_class`].
    pub(super) class: u8,
    /// A "har" before it is "här" ([`here_follows`]) or the auxiliary before a finite
    /// verb ([`finite_verb`]).
    pub(super) here: bool,
    /// [`definite_noun`].
    pub(super) definite: bool,
}

impl NextKind {
    pub(super) fn of(lex: &Lexicon, next: Option<&str>) -> Self {
        NextKind {
            class: next_class(next),
            here: here_follows(lex, next) || finite_verb(lex, next),
            definite: definite_noun(lex, next),
        }
    }
}

/// What [`repair_token`] reads of the word after a token, as bits: a lowercase word, a
/// month, a number, a year, a capital, a capital before lowercase letters.
pub(super) fn next_class(next: Option<&str>) -> u8 {
    let Some(n) = next else {
        return 0;
    };
    let year = {
        let core = split_core(n).1;
        core.len() == 4 && core.chars().all(|c| c.is_ascii_digit())
    };
    [
        is_lower_word(next),
        is_month(n),
        n.starts_with(|c: char| c.is_ascii_digit()),
        n.starts_with(char::is_uppercase),
        person_slot("", next),
        year,
    ]
    .iter()
    .enumerate()
    .fold(0, |bits, (i, b)| bits | (u8::from(*b) << i))
}

/// Whether a token is a modal as the English model writes it ("bor", "far").
pub(super) fn is_modal(text: &str) -> bool {
    let core = lowercase(split_core(text).1);
    LISTS.modals.iter().any(|(w, _)| *w == core)
}

/// Whether a token's repair is the same whatever its neighbours: not a one- or
/// two-character core (read from context: "1", "r", "f", "k1"), not a function word
/// read from its left neighbour, not a capital A or O (a lost initial mid-sentence).
/// not a modal read from the word after it ("bor göras"). The infinitive and noun rules
/// depend on the left neighbour alone and are checked apart.
pub(super) fn context_free(text: &str) -> bool {
    let core = split_core(text).1;
    let mut cs = core.chars();
    let long = cs.next().is_some() && cs.next().is_some() && cs.next().is_some();
    let lower = lowercase(core);
    long && !core.starts_with(['A', 'O'])
        && !LISTS.read_from_left.contains(lower.as_ref())
        && lower != "har"
        && !is_modal(text)
}

/// A word kept against a close reading, where the first pass left it: its place on
/// the page and its neighbours then.
#[derive(Debug, Clone)]
pub struct Kept {
    /// The word as the first pass left it (the second look reads it without going
    /// back to the page, for most kept words are not looked at again).
    pub(super) text: std::sync::Arc<str>,
    pub(super) line: usize,
    pub(super) cell: usize,
    pub(super) word: usize,
    pub(super) prev: Option<std::sync::Arc<str>>,
    pub(super) next: Option<std::sync::Arc<str>>,
}

/// Repairs one damaged page in place; returns its corrections in reading order, and
/// the words kept against a close reading (for [`repair_kept`]).
pub fn repair_page(page: &mut Page, ctx: &mut Ctx<'_>) -> (Vec<Correction>, Vec<Kept>) {
    let mut out = Vec::new();
    let kept = repair_page_into(page, ctx, &mut out);
    (out, kept)
}

/// [`repair_page`], its corrections added to `out` (the document's: no list per page).
pub fn repair_page_into(
    page: &mut Page,
    ctx: &mut Ctx<'_>,
    out: &mut Vec<Correction>,
) -> Vec<Kept> {
    let number = page.number;
    let mut kept = Vec::new();
    // One list of a cell's repairs for all cells (most cells have some).
    let mut fixes: Vec<(usize, Fix)> = Vec::new();
    // The word before a line's first one: the last of the line before (prose runs on).
    let mut carry: Option<std::sync::Arc<str>> = None;
    for (li, line) in page.lines.iter_mut().enumerate() {
        // Whether only an item label ("§ 15", or a number in a column of its own) has
        // come before on this line: the next word opens a heading, not a sentence.
        let (mut only_labels, mut labelled, mut section_sign) = (true, false, false);
        for (ci, cell) in line.cells.iter_mut().enumerate() {
            // A capital split from a word that only its repair tells ("F érvaltningen").
            let lex = ctx.lex;
            let mut known = |w: &str| listed_or_name(lex, w) || ctx.repairs(w, true);
            merge_split_initials(cell, &mut known, lex, number, out);
            merge_split_words(cell, lex, &mut |w| ctx.split_head(w), number, out);
            for (i, w) in cell.words.iter().enumerate() {
                let prev = match i.checked_sub(1) {
                    Some(j) => cell.words.get(j).map(|w| &w.text),
                    None => carry.as_ref(),
                };
                let opens_heading = only_labels && labelled && (section_sign || (i == 0 && ci > 0));
                let prev = if opens_heading { None } else { prev };
                if only_labels {
                    section_sign |= &*w.text == "§";
                    only_labels = &*w.text == "§" || is_label(&w.text);
                    labelled |= only_labels;
                }
                let next = cell.words.get(i + 1).map(|w| &w.text);
                match repair_cached(&w.text, prev, next, ctx) {
                    Some(r) => fixes.push((i, r)),
                    None if ctx.last_contested => kept.push(Kept {
                        text: w.text.clone(),
                        line: li,
                        cell: ci,
                        word: i,
                        prev: prev.cloned(),
                        next: next.cloned(),
                    }),
                    None => {}
                }
            }
            if let Some(last) = cell.words.last() {
                carry = Some(last.text.clone());
            }
            apply(cell, fixes.drain(..), number, out);
        }
    }
    kept
}

/// The second look: the kept words whose lowercase core is in `flip`, repaired again
/// in `ctx` (which knows the document's word families) with their first-pass neighbours.
pub fn repair_kept(
    page: &mut Page,
    kept: &[Kept],
    flip: &HashSet<String, impl std::hash::BuildHasher>,
    ctx: &mut Ctx<'_>,
) -> Vec<Correction> {
    let number = page.number;
    let mut out = Vec::new();
    for k in kept {
        // The word is still as the first pass left it: nothing wrote to it since.
        if !flip.contains(lowercase(split_core(&k.text).1).as_ref()) {
            continue;
        }
        let Some(cell) = page
            .lines
            .get_mut(k.line)
            .and_then(|l| l.cells.get_mut(k.cell))
        else {
            continue;
        };
        let Some(w) = cell.words.get(k.word) else {
            continue;
        };
        if let Some(r) = repair_token(&w.text, k.prev.as_deref(), k.next.as_deref(), ctx) {
            apply(cell, vec![(k.word, fix_of(r))], number, &mut out);
        }
    }
    out
}

/// The guesses among the kept words: repairs `ctx` (see [`Ctx::guessing`]) would make
/// that the normal pass did not, reported for a person to decide; the page is not changed.
pub fn suggest_kept(page: &Page, kept: &[Kept], ctx: &mut Ctx<'_>) -> Vec<Correction> {
    if kept.is_empty() {
        return Vec::new();
    }
    // Only a reading that won by less than the margin to apply makes a guess: the other
    // kept words are passed over without a second look. The memo only grows, so its
    // size tells whether the guesses of the page before still hold.
    let size = ctx.memo.iter().map(|m| m.len()).sum::<usize>();
    let guesses = match ctx.guesses.take() {
        Some((n, g)) if n == size => g,
        _ => ctx
            .memo
            .iter()
            .flat_map(|m| m.iter())
            .filter(|(_, raw)| {
                raw.as_ref()
                    .is_some_and(|(_, m)| (MARGIN..APPLY_MARGIN).contains(m))
            })
            .map(|(w, _)| w.clone())
            .collect(),
    };
    let found = suggest_among(page, kept, &guesses, ctx);
    ctx.guesses = Some((size, guesses));
    found
}

/// The suggestions of [`suggest_kept`] on one page, with its `guesses`.
fn suggest_among(
    page: &Page,
    kept: &[Kept],
    guesses: &HashSet<String, foldhash::fast::FixedState>,
    ctx: &mut Ctx<'_>,
) -> Vec<Correction> {
    if guesses.is_empty() {
        return Vec::new();
    }
    kept.iter()
        .filter_map(|k| {
            let w = page
                .lines
                .get(k.line)?
                .cells
                .get(k.cell)?
                .words
                .get(k.word)?;
            let core = split_core(&w.text).1;
            if !guesses.contains(lowercase(core).as_ref()) && !core.contains(['-', '/']) {
                return None;
            }
            let (text, kind, confidence) =
                repair_cached(&w.text, k.prev.as_ref(), k.next.as_ref(), ctx)?;
            Some(Correction {
                page: page.number,
                original: w.text.clone(),
                corrected: text,
                kind,
                confidence,
                bbox: super::audit::page_box(page.number, &w.bbox),
            })
        })
        .collect()
}

/// A page's numbers run into words are split only while at most one word in this many
/// is one ([`repair_ocr_page`]; "5år" on a page of two hundred words), or a few.
const GLUED_SHARE: usize = 20;
const GLUED_FEW: usize = 3;

/// Repairs that hold on any OCR page, damaged or not ([`stray_stroke`], `capital_i`,
/// `inner_capital_i`, `foreign_mark`, `split_glued_number`, and on an OCR layer
/// [`section_signs`]).
pub fn repair_ocr_page(page: &mut Page, lex: &Lexicon, pieces: &mut PieceMemo) -> Vec<Correction> {
    let number = page.number;
    let mut out = if ocr_layer(page) {
        section_signs(page)
    } else {
        Vec::new()
    };
    // Numbers run into words are split once the page is read: a page that writes them
    // everywhere does so on purpose (codes, "ord123"), not by lost spaces.
    let mut glued: Vec<(usize, usize, Fix)> = Vec::new();
    // The page's words as read (merges make a few fewer): past its share, no more
    // splits are looked for.
    let words: usize = page
        .lines
        .iter()
        .flat_map(|l| &l.cells)
        .map(|c| c.words.len())
        .sum();
    let crowded =
        |glued: &Vec<(usize, usize, Fix)>| glued.len() > GLUED_FEW.max(words / GLUED_SHARE);
    for (k, cell) in page
        .lines
        .iter_mut()
        .flat_map(|l| l.cells.iter_mut())
        .enumerate()
    {
        let mut known = |w: &str| listed_or_name(lex, w);
        merge_split_initials(cell, &mut known, lex, number, &mut out);
        merge_spaced_pieces(cell, lex, pieces, number, &mut out);
        let fixes: Vec<(usize, Fix)> = cell
            .words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                let c = Confusion::of(&w.text);
                let text = &w.text;
                let confused = None
                    .or_else(|| c.stroke.then(|| stray_stroke(text, lex)).flatten())
                    .or_else(|| c.stroke.then(|| inner_capital_i(text, lex)).flatten())
                    .or_else(|| c.capital_i.then(|| capital_i(text, lex)).flatten())
                    .or_else(|| c.marks.then(|| foreign_mark(text, lex)).flatten());
                match confused {
                    Some(t) => Some((i, fix_of((t, CorrectionKind::Confusion, 0.9)))),
                    None if c.number && !crowded(&glued) => {
                        let split = split_glued_number(text, lex)?;
                        glued.push((k, i, fix_of((split, CorrectionKind::Split, 0.9))));
                        None
                    }
                    None => None,
                }
            })
            .collect();
        apply(cell, fixes, number, &mut out);
    }
    if !crowded(&glued) {
        let mut glued = glued.into_iter().peekable();
        for (k, cell) in page
            .lines
            .iter_mut()
            .flat_map(|l| l.cells.iter_mut())
            .enumerate()
        {
            let mut fixes = Vec::new();
            while let Some((_, i, fix)) = glued.next_if(|(at, _, _)| *at == k) {
                fixes.push((i, fix));
            }
            apply(cell, fixes, number, &mut out);
        }
    }
    out
}

/// What in a word the repairs of any OCR page may read, told in one pass over its
/// bytes (most words hold none of it).
#[derive(Default, Debug, PartialEq)]
struct Confusion {
    /// A lowercase letter or a bar before a capital ([`stray_stroke`],
    /// `inner_capital_i`).
    stroke: bool,
    /// An l first, before a consonant ([`capital_i`]).
    capital_i: bool,
    /// A vowel with a mark Swedish does not write, or an "l'" after a letter
    /// ([`foreign_mark`]).
    marks: bool,
    /// A digit ([`split_glued_number`]).
    number: bool,
}

impl Confusion {
    fn of(word: &str) -> Confusion {
        let bytes = word.as_bytes();
        // Most words are ASCII letters, lowercase after the first, and punctuation (one
        // quick pass): only an l first can be what the repairs read there.
        let plain =
            |b: &u8| b.is_ascii_lowercase() || matches!(b, b'.' | b',' | b':' | b';' | b')' | b'-');
        if let [first, rest @ ..] = bytes {
            if (first.is_ascii_alphabetic() || *first == b'(') && rest.iter().all(plain) {
                return Confusion {
                    capital_i: opens_with_capital_i(bytes)
                        || *first == b'(' && opens_with_capital_i(rest),
                    ..Confusion::default()
                };
            }
        }
        let mut c = Confusion::default();
        // The byte before, and the one before that.
        let (mut prev, mut before): (Option<u8>, Option<u8>) = (None, None);
        let stroke_before = |b: Option<u8>| b.is_some_and(|p| p.is_ascii_lowercase() || p == b'|');
        for (i, &b) in bytes.iter().enumerate() {
            // A capital after a stroke; in UTF-8 a Latin-1 capital (Å, Ä, Ö) is 0xC3 and
            // then 0x80-0x9E, the other marked vowels 0xC3 and then à-ã, ò-õ, ø
            // (0x80-0x83, 0x92-0x95, 0x98, and 0x20 higher in lowercase).
            c.stroke |= stroke_before(prev) && b.is_ascii_uppercase()
                || stroke_before(before) && prev == Some(0xC3) && (0x80..=0x9E).contains(&b);
            c.capital_i |= b == b'l'
                && prev.is_none_or(|p| p.is_ascii() && !p.is_ascii_alphanumeric())
                && opens_with_capital_i(bytes.get(i..).unwrap_or_default());
            c.marks |= prev == Some(0xC3) && matches!(b & !0x20, 0x80..=0x83 | 0x92..=0x95 | 0x98)
                || b == b'\'' && prev == Some(b'l') && before.is_some();
            c.number |= b.is_ascii_digit();
            (before, prev) = (prev, Some(b));
        }
        c
    }

    /// Whether the word holds any of it.
    #[cfg(test)]
    fn any(&self) -> bool {
        *self != Confusion::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_run_into_words_are_split_unless_the_page_writes_them_everywhere() {
        use crate::repair::testutil::{ocr_page, page_text};
        let lex = Lexicon::swedish().expect("lexicon");
        let read = |text: &str| {
            let mut p = ocr_page(text);
            repair_ocr_page(&mut p, lex, &mut PieceMemo::default());
            page_text(&p)
        };
        assert_eq!(
            read("Föreningen bildades 1938 och har 5år kvar av avtalet som upprättades2012."),
            "Föreningen bildades 1938 och har 5 år kvar av avtalet som upprättades 2012."
        );
        // A page of codes ("ord123") is written so on purpose.
        let codes: Vec<String> = (0..40).map(|i| format!("ord{i}")).collect();
        let codes = codes.join(" ");
        assert_eq!(read(&codes), codes);
    }

    #[test]
    fn words_that_may_be_confused_are_told_in_one_pass() {
        assert!(Confusion::of("fol'eningar").marks && Confusion::of("5år").number);
        // The byte ranges that tell a foreign mark are the channel's list, in either case.
        for (c, _) in crate::repair::channel::FOREIGN_MARKS {
            for m in std::iter::once(c).chain(c.to_uppercase()) {
                assert!(Confusion::of(&format!("f{m}r")).marks, "{m}");
            }
        }
        for w in [
            "upprättades2012",
            "lIngmar",
            "|Ingmar",
            "(lngen",
            "fóreningens",
            "FÒR",
            "mánad",
            "lnte",
            "hal'",
        ] {
            assert!(Confusion::of(w).any(), "{w}");
        }
        for w in [
            "föreningen",
            "Örebro",
            "armé",
            "Lennart",
            "välfärd",
            "kallelse",
            "ledamoter",
            "ljus",
            "l'Oréal",
            "Styrelsen,",
        ] {
            assert!(!Confusion::of(w).any(), "{w}");
        }
    }
    use crate::repair::testutil::*;

    #[test]
    fn a_heading_after_an_item_label_is_no_sentence() {
        // The parser's label grammar: "12," is OCR's "12.".
        for label in ["15", "5a", "3.", "12)", "12,"] {
            assert!(is_label(label), "{label}");
        }
        for word in ["1234", "a5", "15.3", "år"] {
            assert!(!is_label(word), "{word}");
        }
        let mut page = Page {
            number: 1,
            lines: vec![
                line(&["§", "15", "Ovriga", "fragor"]),
                line(&["sal", "Ovriga"]),
            ],
            ..Page::default()
        };
        let plain = Evidence::default();
        let mut ctx = Ctx::new(Lexicon::swedish().expect("lexicon"), &plain);
        repair_page(&mut page, &mut ctx);
        let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["§ 15 Övriga frågor", "sal övriga"]);
    }

    #[test]
    fn memoized_answers_follow_the_neighbours() {
        // One context across lines: the same token, other neighbours, other answers.
        let mut page = Page {
            number: 1,
            lines: vec![
                line(&["arbeta", "1", "samband", "med"]),
                line(&["den", "1", "december", "i"]),
                line(&["arbeta", "1", "samband", "med"]),
                line(&["under", "3", "ar", "och"]),
                line(&["det", "ar", "bra", "att"]),
            ],
            ..Page::default()
        };
        let plain = Evidence::default();
        let mut ctx = Ctx::new(Lexicon::swedish().expect("lexicon"), &plain);
        repair_page(&mut page, &mut ctx);
        let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
        assert_eq!(
            texts,
            [
                "arbeta i samband med",
                "den 1 december i",
                "arbeta i samband med",
                "under 3 år och",
                "det är bra att"
            ]
        );
    }
}
