use super::memo::FastMap;
use super::text::{capitalised, lowercase, split_core};
use crate::lexicon::deaccent;
use crate::lexicon::Lexicon;
use protokoll_model::record::CorrectionKind;
use protokoll_model::Correction;
use std::sync::Arc;

/// OCR splits a capital from the rest of its word: "J usterare", "J ohan", and reads a
/// J as a bar or brace, alone or glued to the word before ("| arnvagsgatan", "for}
/// onas"). A lone capital (or such a J) before a lowercase fragment that is no common
/// word, where the two together make a word of four letters or more that `known`
/// accepts (lowercase), is one word.
pub(super) fn merge_split_initials(
    cell: &mut protokoll_model::Cell,
    known: &mut dyn FnMut(&str) -> bool,
    lex: &Lexicon,
    page: u32,
    out: &mut Vec<Correction>,
) {
    // Cheap test first: a capital alone, or a word ending in a J look-alike.
    let candidate = |a: &str| a.chars().nth(1).is_none() || a.ends_with(J_LOOKALIKES);
    merge_pairs(
        cell,
        &mut |a, b| {
            // An opening bracket or quote stays in front: "(J agareförbundet)".
            let capital = a.trim_start_matches(['(', '[', '"', '\'']);
            let opening = a.get(..a.len() - capital.len()).unwrap_or("");
            let (kept, joined) = candidate(capital)
                .then(|| split_initial(capital, b, lex, known))
                .flatten()?;
            Some(match kept {
                Some(k) => (Some(format!("{opening}{k}")), joined),
                None => (None, format!("{opening}{joined}")),
            })
        },
        page,
        out,
    );
}

/// A word the OCR split in two, often before a misread ö ("kompetensfors 6rjning",
/// "Arbetsuts kottet"): a first fragment that is no listed word even with its lost
/// letters back, and a second one, that together are a listed word (with its letters
/// back; a compound of parts does not count: nearly any two words are one).
pub(super) fn merge_split_words(
    cell: &mut protokoll_model::Cell,
    lex: &Lexicon,
    split_head: &mut dyn FnMut(&str) -> bool,
    page: u32,
    out: &mut Vec<Correction>,
) {
    const LISTED: f32 = 1.0;
    let mut pair = |a: &str, b: &str| -> Option<Joined> {
        // Cheap tests first: the second piece opens with a letter (or a misread one) and
        // the first ends with one; neither is a short word (most words of running text
        // are: "i", "och", "att").
        if a.len() < 4
            || b.len() < 3
            || !b.starts_with(|c: char| c.is_lowercase() || misread(c))
            || !a.ends_with(char::is_alphabetic)
        {
            return None;
        }
        let (pre, head, _) = split_core(a);
        // Before a misread ö the first piece need only be no word with its letters back
        // ("kompetensfors 6rjning"); elsewhere no word as the repair reads it either.
        let opens = if b.starts_with(misread) {
            fragment(head) && !listed_with_letters(lex, &lowercase(head), f32::MIN)
        } else {
            split_head(a)
        };
        let (_, tail, post) = split_core(b);
        if !opens || !fragment(tail) {
            return None;
        }
        let joined = format!("{}{}", lowercase(head), lowercase(tail));
        listed_with_letters(lex, &joined, LISTED)
            .then(|| (None, format!("{pre}{head}{tail}{post}")))
    };
    merge_pairs(cell, &mut pair, page, out);
}

/// Most pieces one letter-spaced word is read in ("Bosta d srättsfö re n i n g e n").
const MAX_PIECES: usize = 12;
/// Fewest letters of a word joined from pieces: shorter joins are abbreviations written
/// apart ("t ex", "o s v").
const MIN_JOINED: usize = 4;
/// A word of four letters or more from this Zipf frequency is a whole word, never a
/// piece of another ("alla", "mötet"): a run of pieces stops at it.
const WHOLE_WORD: f32 = 3.0;

/// The words of one letter ("i", "å", "ö"); the frequency list has every lone letter.
const ONE_LETTER_WORDS: [char; 3] = ['i', 'å', 'ö'];

/// Whether `lower`, one lowercase letter, is no word of its own.
fn stray_letter(lower: char) -> bool {
    lower.is_alphabetic() && !ONE_LETTER_WORDS.contains(&lower)
}

/// What a token as written is to [`merge_spaced_pieces`], once per document.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// The core, lowercase.
    lower: String,
    /// Its Zipf frequency, if listed.
    zipf: Option<f32>,
    /// Punctuation before it, after it.
    pre: bool,
    post: bool,
    /// Its first letter is lowercase; it has no lowercase letter.
    lowercase: bool,
    capitals: bool,
}

impl Piece {
    /// A piece of a word: its core is letters only. None for any other token.
    fn of(text: &str, lex: &Lexicon) -> Option<Piece> {
        let (pre, core, post) = split_core(text);
        if core.is_empty() || !core.chars().all(char::is_alphabetic) {
            return None;
        }
        let lower = lowercase(core).into_owned();
        Some(Piece {
            zipf: lex.zipf(&lower),
            lower,
            pre: !pre.is_empty(),
            post: !post.is_empty(),
            lowercase: core.starts_with(char::is_lowercase),
            capitals: !core.chars().any(char::is_lowercase),
        })
    }

    /// A word of its own: listed, and no stray letter.
    fn word(&self) -> bool {
        let mut cs = self.lower.chars();
        let stray = matches!((cs.next(), cs.next()), (Some(c), None) if stray_letter(c));
        self.zipf.is_some() && !stray
    }

    /// A common word of four letters or more: a whole word.
    fn whole(&self) -> bool {
        self.zipf.is_some_and(|z| z >= WHOLE_WORD) && self.lower.chars().nth(3).is_some()
    }
}

/// The pieces of a document's tokens, by token as written.
#[derive(Default)]
pub struct PieceMemo(FastMap<Arc<str>, Option<Piece>>);

impl PieceMemo {
    /// Learns the tokens of `words` not seen before.
    fn learn(&mut self, words: &[protokoll_model::Word], lex: &Lexicon) {
        for w in words {
            if !self.0.contains_key(&w.text) {
                self.0.insert(w.text.clone(), Piece::of(&w.text, lex));
            }
        }
    }

    fn get(&self, text: &str) -> Option<&Piece> {
        self.0.get(text).and_then(Option::as_ref)
    }
}

/// Most bytes of a token that is one letter with its punctuation ("(d),", "r,"; a
/// marked letter is two bytes).
const LONE_BYTES: usize = 6;

/// A scanner's OCR layer reads a word in pieces where the print spaces its letters
/// ("Förva ltn i n gsberätte lse", "Dörra r", "f rån"), in a line that shows a lone
/// letter that is no word, or two words in capitals in a row (a heading in spaced
/// capitals, "FÖRV ALTNINGSBERÄ TTELSE"; two long pieces in lowercase alone, "Årsavg
/// ifter", are left: to look every line's words up costs a fifth of the repair's
/// time). A run of pieces (letters only; lowercase after the first, or all in
/// capitals; no whole word among them) of which one at least is no word, and that
/// together are a listed word of four letters or more, is one word: the longest such
/// run from each word on. With one piece only
/// that is no word, the join must be ten times commoner than each word among the
/// pieces ("Dörra r" is "Dörrar"; "lån a" no "låna", "man t" no "mant"). A compound of
/// known parts does not count: too many runs make one ("mycket prydli t").
pub(super) fn merge_spaced_pieces(
    cell: &mut protokoll_model::Cell,
    lex: &Lexicon,
    memo: &mut PieceMemo,
    page: u32,
    out: &mut Vec<Correction>,
) {
    // Letter spacing leaves a lone letter that is no word ("d", "n", "r"), or sets a
    // heading in spaced capitals ("FÖRV ALTNINGSBERÄ TTELSE"): a cell without one or
    // two words in capitals in a row is left at once (most are; no lookup).
    let lone = |t: &str| {
        // Cheap test first: most words are longer than a letter and its punctuation.
        if t.len() > LONE_BYTES {
            return false;
        }
        let mut cs = split_core(t).1.chars().flat_map(char::to_lowercase);
        matches!((cs.next(), cs.next()), (Some(c), None) if stray_letter(c))
    };
    let capitals = |t: &str| {
        // Cheap test first: most words open with a lowercase letter.
        if t.as_bytes().first().is_none_or(u8::is_ascii_lowercase) {
            return false;
        }
        let core = split_core(t).1;
        core.chars().nth(1).is_some() && core.chars().all(char::is_uppercase)
    };
    let spaced = cell.words.iter().any(|w| lone(&w.text))
        || cell
            .words
            .windows(2)
            .any(|p| matches!(p, [a, b] if capitals(&a.text) && capitals(&b.text)));
    if cell.words.len() < 2 || !spaced {
        return;
    }
    memo.learn(&cell.words, lex);
    let mut pieces: Vec<Option<&Piece>> = cell.words.iter().map(|w| memo.get(&w.text)).collect();
    let mut i = 0;
    while i + 1 < cell.words.len() {
        if let Some(end) = spaced_run(pieces.get(i..).unwrap_or(&[]), lex) {
            let joined_words: Vec<protokoll_model::Word> =
                cell.words.drain(i + 1..=i + end).collect();
            pieces.drain(i + 1..=i + end);
            if let Some(first) = cell.words.get_mut(i) {
                let original = std::iter::once(&*first.text)
                    .chain(joined_words.iter().map(|w| &*w.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                let joined: String = std::iter::once(&*first.text)
                    .chain(joined_words.iter().map(|w| &*w.text))
                    .collect();
                for w in &joined_words {
                    first.bbox = first.bbox.union(&w.bbox);
                }
                first.text = joined.into();
                out.push(Correction {
                    page,
                    original: original.into(),
                    corrected: first.text.clone(),
                    kind: CorrectionKind::Merge,
                    confidence: 0.9,
                    bbox: super::audit::page_box(page, &first.bbox),
                });
            }
        }
        i += 1;
    }
}

/// The offset of the last piece of the longest run at the start of `pieces` that
/// [`merge_spaced_pieces`] joins, if there is one.
fn spaced_run(pieces: &[Option<&Piece>], lex: &Lexicon) -> Option<usize> {
    let first = (*pieces.first()?)?;
    if first.post || first.whole() {
        return None;
    }
    // The run's length, and its first piece that is no word (no allocation: most
    // runs end at once).
    let (mut len, mut unlisted) = (1, (!first.word()).then_some(0));
    // Its pieces that are no word, and whether one is short.
    let (mut fragments, mut short) = (0, false);
    let mut count = |p: &Piece| {
        if !p.word() {
            fragments += 1;
            short |= p.lower.chars().nth(3).is_none();
        }
    };
    count(first);
    for p in pieces.iter().skip(1).take(MAX_PIECES - 1) {
        let Some(p) = *p else { break };
        let case_fits = p.lowercase || first.capitals && p.capitals;
        if p.pre || !case_fits || p.whole() {
            break;
        }
        if unlisted.is_none() && !p.word() {
            unlisted = Some(len);
        }
        count(p);
        len += 1;
        if p.post {
            break;
        }
    }
    // One long piece that is no word among words is a word the OCR damaged, or one
    // the lexicon lacks ("valkomna alla"), not a piece.
    if fragments < 2 && !short {
        return None;
    }
    let unlisted = unlisted.filter(|_| len >= 2)?;
    let piece = |k: usize| pieces.get(k).copied().flatten();
    let mut joined = String::new();
    (unlisted.max(1)..len).rev().find(|&last| {
        joined.clear();
        (0..=last)
            .filter_map(piece)
            .for_each(|p| joined.push_str(&p.lower));
        let Some(z) = lex
            .zipf(&joined)
            .filter(|_| joined.chars().count() >= MIN_JOINED)
        else {
            return false;
        };
        let parts = || (0..=last).filter_map(piece);
        parts().filter(|p| !p.word()).count() >= 2
            || parts()
                .filter(|p| p.lower.chars().nth(1).is_some())
                .all(|p| p.zipf.is_none_or(|w| z >= w + 1.0))
    })
}

/// Whether a lowercase word is listed at Zipf `floor` or more, as written or with å/ä/ö
/// back ("6" and "é" read as "ö").
pub(super) fn listed_with_letters(lex: &Lexicon, w: &str, floor: f32) -> bool {
    // Most words are listed as written: one lookup.
    if lex.zipf(w).is_some_and(|z| z >= floor) {
        return true;
    }
    let plain: String = w
        .chars()
        .map(|c| {
            if matches!(c, '6' | 'é' | '0') {
                'o'
            } else {
                c
            }
        })
        .collect();
    let mut forms = Vec::new();
    lex.accented(&deaccent(&plain), &mut forms);
    lex.zipf(&plain).is_some_and(|z| z >= floor) || forms.iter().any(|(_, z)| *z >= floor)
}

/// Whether a lowercase word is listed in the lexicon or is a name of the gazetteer.
pub(super) fn listed_or_name(lex: &Lexicon, w: &str) -> bool {
    lex.zipf(w).is_some() || lex.is_name(w)
}

/// A character the English model reads for a Swedish letter ("6rjning", "érvaltning").
pub(super) fn misread(c: char) -> bool {
    matches!(c, '6' | '0' | '4' | '&' | '@' | 'é')
}

/// A piece of a word: two letters or more, and letters or misread letters only.
pub(super) fn fragment(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.chars().all(|c| c.is_alphabetic() || misread(c))
}

/// A join: what stays of the first word, if anything, and the joined word.
pub(super) type Joined = (Option<String>, String);

/// Joins each pair of neighbouring words `pair` says are one word (with what stays of
/// the first, if anything), listing each join as a merge.
pub(super) fn merge_pairs(
    cell: &mut protokoll_model::Cell,
    pair: &mut dyn FnMut(&str, &str) -> Option<Joined>,
    page: u32,
    out: &mut Vec<Correction>,
) {
    let mut i = 0;
    while i + 1 < cell.words.len() {
        let split = match (cell.words.get(i), cell.words.get(i + 1)) {
            (Some(a), Some(b)) => pair(&a.text, &b.text),
            _ => None,
        };
        let Some((kept, joined)) = split else {
            i += 1;
            continue;
        };
        let b = cell.words.remove(i + 1);
        let original = cell
            .words
            .get(i)
            .map(|a| format!("{} {}", a.text, b.text))
            .unwrap_or_default();
        let corrected = match &kept {
            Some(k) => format!("{k} {joined}"),
            None => joined.clone(),
        };
        if let Some(a) = cell.words.get_mut(i) {
            // The merged word's box: both parts (the word before a kept part stays).
            let bbox = a.bbox.union(&b.bbox);
            match kept {
                // The word before keeps its place; the joined word takes the next one's.
                Some(k) => {
                    a.text = k.as_str().into();
                    let mut w = b;
                    w.text = joined.as_str().into();
                    cell.words.insert(i + 1, w);
                }
                None => {
                    a.text = joined.as_str().into();
                    a.bbox.x1 = a.bbox.x1.max(b.bbox.x1);
                    a.bbox.y0 = a.bbox.y0.min(b.bbox.y0);
                    a.bbox.y1 = a.bbox.y1.max(b.bbox.y1);
                }
            }
            out.push(Correction {
                page,
                original: original.into(),
                corrected: corrected.into(),
                kind: CorrectionKind::Merge,
                confidence: 0.9,
                bbox: super::audit::page_box(page, &bbox),
            });
        }
        i += 1;
    }
}

/// Characters Tesseract's English model reads for a capital J.
pub(super) const J_LOOKALIKES: [char; 3] = ['|', '}', ']'];

/// The word a lone capital and the fragment after it make, if they make one, with what
/// stays of the token before when the capital was a J glued to it ("for}").
pub(super) fn split_initial(
    capital: &str,
    rest: &str,
    lex: &Lexicon,
    known: &mut dyn FnMut(&str) -> bool,
) -> Option<Joined> {
    let mut cs = capital.chars();
    let (kept, c) = match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_uppercase() => (None, c),
        (Some(c), None) if J_LOOKALIKES.contains(&c) => (None, 'J'),
        _ => {
            let head = capital.strip_suffix(J_LOOKALIKES)?;
            let mut hc = head.chars();
            // "J] 6nsson": the J read twice, as itself and as a bracket.
            if let (Some(h), None) = (hc.next(), hc.next()) {
                if !h.is_uppercase() {
                    return None;
                }
                return join_capital(None, h, rest, lex, known);
            }
            let letters = head.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 2 || !head.chars().all(|c| c.is_alphabetic() || c == '\'') {
                return None;
            }
            // In capitals the J sits inside one word: "RADDNINGST] ANSTEN".
            let (_, core, post) = split_core(rest);
            let caps = |w: &str| w.chars().all(char::is_uppercase);
            if caps(head) && caps(core) && rest.starts_with(core) && fragment(core) {
                let word = format!("{head}J{core}");
                return known(&word.to_lowercase()).then(|| (None, format!("{word}{post}")));
            }
            (Some(head.to_string()), 'J')
        }
    };
    join_capital(kept, c, rest, lex, known)
}

/// [`split_initial`] once the capital is known: the capital `c` and the fragment `rest`.
pub(super) fn join_capital(
    kept: Option<String>,
    c: char,
    rest: &str,
    lex: &Lexicon,
    known: &mut dyn FnMut(&str) -> bool,
) -> Option<Joined> {
    let (_, core, post) = split_core(rest);
    // "J an-Erik": the first half of a double given name, joined when it makes a name.
    if let Some((first, second)) = core.split_once('-') {
        let double_name = fragment(first)
            && first.starts_with(char::is_lowercase)
            && capitalised(Some(second))
            && lex.is_name(&format!("{c}{first}").to_lowercase());
        return double_name.then(|| (kept, format!("{c}{core}{post}")));
    }
    // "J Onsson": a capital A or O opening the fragment is the English model's reading
    // of a lost å, ä or ö (a capital inside a word is none of ours).
    let mut cs = core.chars();
    if let (Some(first @ ('A' | 'O')), Some(second)) = (cs.next(), cs.next()) {
        if !second.is_lowercase() {
            return None;
        }
        let rest_of = cs.as_str();
        let lost: &[char] = if first == 'O' { &['ö'] } else { &['ä', 'å'] };
        return lost.iter().find_map(|v| {
            let word = format!("{c}{v}{second}{rest_of}");
            let lower = word.to_lowercase();
            (word.chars().count() >= 4 && known(&lower))
                .then(|| (kept.clone(), format!("{word}{post}")))
        });
    }
    // The fragment may carry a misread letter ("J 6rgen").
    if !core.starts_with(|c: char| c.is_lowercase() || misread(c))
        || !fragment(core)
        || !rest.starts_with(core)
    {
        return None;
    }
    // A common word after the capital, or any word after a capital that is a word of
    // its own ("I riktlinjen"), stands apart; unless the two are a common word or a
    // name once the lost letters are back ("J arv": "Järv", "F alt": "Fält").
    let own = lex.zipf(core);
    if own.is_some() && matches!(c, 'I' | 'Å' | 'Ö') {
        return None;
    }
    let word = format!("{c}{core}");
    let lower = word.to_lowercase();
    if own.is_some_and(|z| z >= 3.0) {
        const COMMON_JOIN: f32 = 2.5;
        let mut forms = Vec::new();
        lex.accented(&deaccent(&lower), &mut forms);
        let joined = forms
            .iter()
            .any(|(f, z)| *f != lower && (*z >= COMMON_JOIN || lex.is_name(f)));
        if !joined {
            return None;
        }
    }
    // A genitive "s" goes on any noun or participle ("Justerandes").
    let known = known(&lower) || lower.strip_suffix('s').is_some_and(&mut *known);
    (word.chars().count() >= 4 && known).then(|| (kept, format!("{word}{post}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::testutil::*;

    #[test]
    fn a_word_split_in_two() {
        let lex = Lexicon::swedish().expect("lexicon");
        let merged = |words: &[&str]| {
            let mut c = cell(words);
            merge_split_words(
                &mut c,
                lex,
                &mut |w| !listed_with_letters(lex, &w.to_lowercase(), f32::MIN),
                1,
                &mut Vec::new(),
            );
            c.text()
        };
        assert_eq!(
            merged(&["med", "kompetensfors", "6rjning", "och"]),
            "med kompetensfors6rjning och"
        );
        // Split elsewhere: the first piece is no word, the two are a listed one.
        assert_eq!(
            merged(&["Arbetsuts", "kottet", "har"]),
            "Arbetsutskottet har"
        );
        // Two words that make a compound stay two: each is a word.
        assert_eq!(merged(&["namnden", "utser"]), "namnden utser");
        assert_eq!(merged(&["informations", "arende"]), "informations arende");
        assert_eq!(merged(&["Lindqvist", "har"]), "Lindqvist har");
    }

    #[test]
    fn a_word_read_in_spaced_pieces() {
        let lex = Lexicon::swedish().expect("lexicon");
        let merged = |words: &[&str]| {
            let mut c = cell(words);
            let mut out = Vec::new();
            merge_spaced_pieces(&mut c, lex, &mut PieceMemo::default(), 1, &mut out);
            (c.text(), out.len())
        };
        assert_eq!(
            merged(&["Förva", "ltn", "i", "n", "gsberätte", "lse", "för", "2012"]),
            ("Förvaltningsberättelse för 2012".into(), 1)
        );
        assert_eq!(
            merged(&[
                "Bosta",
                "d",
                "srättsfö",
                "re",
                "n",
                "i",
                "n",
                "g",
                "e",
                "n",
                "Sydgården"
            ]),
            ("Bostadsrättsföreningen Sydgården".into(), 1)
        );
        assert_eq!(
            merged(&["Dörra", "r", "och", "f", "rån"]),
            ("Dörrar och från".into(), 2)
        );
        assert_eq!(
            merged(&["P", "R", "O", "T", "O", "K", "O", "L", "L"]),
            ("PROTOKOLL".into(), 1)
        );
        // A heading in spaced capitals, read in long pieces; capitals that are words
        // stay.
        assert_eq!(
            merged(&["FÖRV", "ALTNINGSBERÄ", "TTELSE"]),
            ("FÖRVALTNINGSBERÄTTELSE".into(), 1)
        );
        assert_eq!(
            merged(&["PROTOKOLL", "FÖRT", "VID"]),
            ("PROTOKOLL FÖRT VID".into(), 0)
        );
        // A compound of known parts is no listed word: too many runs make one
        // ("mycket prydli t").
        assert_eq!(
            merged(&["mycket", "prydli", "t"]),
            ("mycket prydli t".into(), 0)
        );
        // Words that are each a word stay apart, and so do abbreviations written apart.
        assert_eq!(
            merged(&["under", "lag", "och"]),
            ("under lag och".into(), 0)
        );
        assert_eq!(merged(&["t", "ex", "så"]), ("t ex så".into(), 0));
        // One lone letter after a word joins only into a commoner word.
        assert_eq!(
            merged(&["ett", "lån", "a", "till"]),
            ("ett lån a till".into(), 0)
        );
        assert_eq!(merged(&["finner", "man", "t"]), ("finner man t".into(), 0));
        // A piece after the first opens in lowercase; punctuation ends a run.
        assert_eq!(merged(&["Dörra", "R"]), ("Dörra R".into(), 0));
        assert_eq!(merged(&["Dörra,", "r"]), ("Dörra, r".into(), 0));
    }

    #[test]
    fn a_capital_split_from_its_word() {
        let lex = Lexicon::swedish().expect("lexicon");
        // As on a damaged page: a word also when its lost letters make one.
        let mut known = |w: &str| {
            let mut forms = Vec::new();
            lex.accented(&deaccent(w), &mut forms);
            listed_or_name(lex, w) || !forms.is_empty()
        };
        let mut split = |a: &str, b: &str| split_initial(a, b, lex, &mut known);
        assert_eq!(split("J", "usterare:"), Some((None, "Justerare:".into())));
        assert_eq!(split("J", "ohan"), Some((None, "Johan".into())));
        // A J read as a bar or a brace, alone or glued to the word before.
        assert_eq!(split("|", "ohan"), Some((None, "Johan".into())));
        assert_eq!(
            split("J", "6rgen"),
            None,
            "a lexicon-only test cannot read 6 as ö"
        );
        assert_eq!(
            split("for}", "onas"),
            Some((Some("for".into()), "Jonas".into()))
        );
        // A word after an initial, or a capital that is a word of its own, stays.
        assert_eq!(split("J", "och"), None);
        assert_eq!(split("I", "samband"), None);
        assert_eq!(split("|", "skolan"), None);
        assert_eq!(split("A", "B"), None);
        assert_eq!(split("J]", "ohan"), Some((None, "Johan".into())));
        // A common word after the capital, unless the two make a word once the lost
        // letters are back: "J arv" (Järv), "F alt" (Fält).
        assert_eq!(split("J", "arv"), Some((None, "Jarv".into())));
        assert_eq!(split("F", "alt"), Some((None, "Falt".into())));
        assert_eq!(split("B", "arn"), None);
        // A capital A or O opening the fragment is a lost å, ä or ö.
        assert_eq!(split("J", "Onsson"), Some((None, "Jönsson".into())));
        assert_eq!(split("J", "OH"), None);
        // In capitals, a J glued to the end of the first piece joins the two.
        assert_eq!(
            split("RADDNINGST]", "ANSTEN,"),
            Some((None, "RADDNINGSTJANSTEN,".into()))
        );
        assert_eq!(split("VAD]", "ARN"), None);
        // The first half of a double given name.
        assert_eq!(split("J", "an-Erik"), Some((None, "Jan-Erik".into())));
        assert_eq!(split("J", "an-erik"), None);
        // An opening bracket before the capital stays in front.
        let mut c = cell(&["Kerstin", "(J", "ohansson),", "ledamot"]);
        merge_split_initials(&mut c, &mut known, lex, 1, &mut Vec::new());
        assert_eq!(c.text(), "Kerstin (Johansson), ledamot");
    }
}
