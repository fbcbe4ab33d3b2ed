use super::lists::{Ending, LISTS};
use super::text::{lowercase, split_core};
use super::FUNCTION_WORD;
use crate::lexicon::Lexicon;

/// Whether `w` is a noun: its definite form is a common word ("val": "valet"; "väl"
/// has none), or it is the plural of such a word ("vägar": "väg", "vägen").
pub(super) fn is_noun(lex: &Lexicon, w: &str) -> bool {
    let plural = LISTS
        .plural_endings
        .iter()
        .filter_map(|e| w.strip_suffix(e))
        .any(|stem| stem.chars().count() >= 3 && has_definite(lex, stem, COMMON_DEFINITE));
    plural || has_definite(lex, w, COMMON_DEFINITE)
}

/// A definite form this common makes a word a noun ([`is_noun`]).
pub(super) const COMMON_DEFINITE: f32 = 2.0;

/// Whether `w` is a noun ([`is_noun`]) or a noun's definite form ([`definite_noun`]).
pub(super) fn noun_or_definite(lex: &Lexicon, w: &str) -> bool {
    is_noun(lex, w) || definite_noun(lex, Some(w))
}

/// Whether the definite singular of `w` is a word of Zipf `min` or more.
pub(super) fn has_definite(lex: &Lexicon, w: &str, min: f32) -> bool {
    let forms = if ends_in_vowel(w) {
        &LISTS.definite_after_vowel
    } else {
        &LISTS.definite_after_consonant
    };
    forms
        .iter()
        .any(|f| lex.zipf(&format!("{w}{f}")).is_some_and(|z| z >= min))
}

/// Whether the word is a noun in its definite form ("mötet", "typen", "grupperna") that
/// is no function word ("inget", "mycket").
pub(super) fn definite_noun(lex: &Lexicon, next: Option<&str>) -> bool {
    let Some(n) = next else {
        return false;
    };
    let w = lowercase(split_core(n).1);
    let w = w.as_ref();
    const STEM: f32 = 3.0;
    if lex.zipf(w).is_none_or(|z| z >= FUNCTION_WORD) {
        return false;
    }
    let after_consonant = LISTS
        .definite_after_consonant
        .iter()
        .map(|e| (e, Some(false)));
    let after_vowel = LISTS.definite_after_vowel.iter().map(|e| (e, Some(true)));
    let plural = LISTS.definite_plural.iter().map(|e| (e, None));
    after_consonant
        .chain(after_vowel)
        .chain(plural)
        .filter_map(|(ending, after_vowel)| {
            w.strip_suffix(ending)
                .filter(|st| after_vowel.is_none_or(|v| ends_in_vowel(st) == v))
        })
        .any(|st| {
            st.chars().count() >= 3 && lex.zipf(st).is_some_and(|z| z >= STEM) && is_noun(lex, st)
        })
}

/// Whether a word is a verb's supine, as Hunspell's infinitives tell: "ökat" (öka),
/// "fått" (få), "behövt" (behöva), "skrivit" (skriva).
pub(super) fn is_supine(lex: &Lexicon, w: &str) -> bool {
    verb_form(lex, w, &LISTS.supine)
}

/// Whether `w` is a form of a verb Hunspell flags: `w` less one of `endings` is an
/// infinitive, with an "a" put back where the ending says so ("läser": "läs" + a).
pub(super) fn verb_form(lex: &Lexicon, w: &str, endings: &[Ending]) -> bool {
    endings.iter().any(|ending| {
        w.strip_suffix(ending.text).is_some_and(|st| {
            st.chars().count() >= 2
                && if ending.add_a {
                    lex.is_infinitive(&format!("{st}a"))
                } else {
                    lex.is_infinitive(st)
                }
        })
    })
}

/// Whether the word is a verb in the present tense, active or passive, as Hunspell's
/// infinitives tell: "jobbar" (jobba), "läser" (läsa), "aviseras" (avisera), "behövs"
/// (behöva), "läses" (läsa).
pub(super) fn finite_verb(lex: &Lexicon, next: Option<&str>) -> bool {
    let Some(n) = next else {
        return false;
    };
    verb_form(lex, &lowercase(split_core(n).1), &LISTS.present)
}

/// Whether `word` is a gazetteer name or begins with one ("örebroregionens").
pub(super) fn starts_with_name(lex: &Lexicon, word: &str) -> bool {
    lex.is_name(word)
        || word
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .skip(3)
            .any(|end| word.get(..end).is_some_and(|p| lex.is_name(p)))
}

/// Whether a word ends in a vowel (its definite form adds "n"/"t", not "en"/"et").
fn ends_in_vowel(w: &str) -> bool {
    w.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'å', 'ä', 'ö'])
}
