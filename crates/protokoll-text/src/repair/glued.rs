//! Spaces the OCR lost between a number and a word ("upprättades2012", "5år").

use super::lists::LISTS;
use super::merges::listed_with_letters;
use super::text::{lowercase, split_core};
use crate::lexicon::Lexicon;

/// Zipf frequency from which two letters run into a number are a word of their own
/// ("år"): a rarer two-letter word is as likely a code or an abbreviation ("mm").
const SHORT_GLUED_WORD: f32 = 4.0;
/// Zipf frequency from which capitalised letters run into a number are a common word
/// ("Februari2013"): a rarer one is as likely a place's name with its number, as a
/// property is written ("Asketorp1").
const CAPITAL_GLUED_WORD: f32 = 3.0;
/// Digits after a capitalised word that are no part of a name: a year's.
const YEAR_DIGITS: usize = 4;

/// A number and a word the OCR ran together, split where the letters meet the digits:
/// "upprättades2012" → "upprättades 2012", "5år" → "5 år". The letters must be a
/// listed word, a common one if of two letters or capitalised, lowercase or
/// capitalised (not a code, "A4", "CO2"); a capitalised word takes a year only (not a
/// name's number, "Tele2"). Not what Swedish writes after a number without a space:
/// an ordinal's ending, a fraction or a unit ("16de", "8dels", "3st"; `data/
/// function-words.txt`'s "number endings"); not a letter misread as a digit ("6ver").
pub(super) fn split_glued_number(word: &str, lex: &Lexicon) -> Option<String> {
    // (The caller asks only of words with a digit: `decode::Confusion`.)
    let (pre, core, post) = split_core(word);
    let digits_first = core.starts_with(|c: char| c.is_ascii_digit());
    let at = core.find(|c: char| c.is_ascii_digit() != digits_first)?;
    let (head, tail) = core.split_at(at);
    let (digits, letters) = if digits_first {
        (head, tail)
    } else {
        (tail, head)
    };
    let numeric = digits.chars().all(|c| c.is_ascii_digit());
    let alphabetic = letters.chars().all(char::is_alphabetic);
    // Capitals after the first letter: a code or an acronym ("CO2", "4H").
    let cased = letters.chars().skip(1).all(char::is_lowercase);
    if !numeric || !alphabetic || !cased || letters.chars().nth(1).is_none() {
        return None;
    }
    let lower = lowercase(letters);
    let floor = if letters.chars().nth(2).is_none() {
        SHORT_GLUED_WORD
    } else if letters.starts_with(char::is_uppercase) {
        // A name with a short number is a brand's or a place's ("Tele2", "Kanal5").
        if !digits_first && digits.len() < YEAR_DIGITS {
            return None;
        }
        CAPITAL_GLUED_WORD
    } else {
        f32::MIN
    };
    // The English model writes "6" for "ö": "6ver" is "över" misread, not a number.
    if LISTS.number_endings.contains(lower.as_ref())
        || lex.zipf(&lower).is_none_or(|z| z < floor)
        || listed_with_letters(lex, &lowercase(core), f32::MIN)
    {
        return None;
    }
    Some(format!("{pre}{head} {tail}{post}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_run_into_a_word_is_split() {
        let lex = Lexicon::swedish().expect("lexicon");
        let split = |w: &str| split_glued_number(w, lex);
        assert_eq!(
            split("upprättades2012").as_deref(),
            Some("upprättades 2012")
        );
        assert_eq!(split("5år,").as_deref(), Some("5 år,"));
        assert_eq!(split("(Februari2013)").as_deref(), Some("(Februari 2013)"));
        // What Swedish writes after a number, codes, names and mixed runs stay.
        for kept in [
            "16de",
            "2ne",
            "8dels",
            "3st",
            "A4",
            "CO2",
            "4H",
            "Asketorp1",
            "4oO",
            "1s48441",
            "2012",
            "år",
            "6ver",
            "0ch",
            "Tele2",
        ] {
            assert_eq!(split(kept), None, "{kept}");
        }
    }
}
