//! Swedish as spelt before the spelling reform of 1906 ("hvad", "äfven", "af",
//! "qvinna", "bestämdt", and print's "w" for "v": "wäl"), which a lexicon of modern
//! frequencies does not list. An archive's older minutes and print are written so; to
//! look such a word up, the partial repair reads it in the modern spelling, and puts a
//! restored mark back where the word as written has that letter.

use super::text::is_vowel;
use crate::lexicon::Lexicon;

/// The modern spelling of `lower` (a lowercase word) and, for each of its characters,
/// the index of the character of `lower` it comes from; None where no rule of the old
/// spelling applies. Only letters other than a, o, å, ä, ö change, so a mark restored in
/// the modern spelling has a place in the old one.
pub(super) fn modern(lower: &str) -> Option<(String, Vec<usize>)> {
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    let mut from = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let v_next = matches!(next, Some('v' | 'w'));
        let letter = match c {
            'w' => Some('v'),
            // "hvad", "hvilka": the h before a v at the start is gone.
            'h' if i == 0 && v_next => None,
            // "äfven", "öfwer", "gifva": an f before the v is gone.
            'f' if v_next => None,
            // "af", "afgå", "afsluta": the prefix is "av".
            'f' if i == 1 && before == Some('a') && next.is_none_or(|n| !is_vowel(n)) => Some('v'),
            // "qvinna": kv.
            'q' if v_next => Some('k'),
            // "bestämdt", "wäsendtligt": the d before a t is gone.
            'd' if next == Some('t') && before.is_some() => None,
            _ => Some(c),
        };
        if let Some(l) = letter {
            out.push(l);
            from.push(i);
        }
    }
    (out != lower).then_some((out, from))
}

/// The Zipf score of the modern spelling of a word spelt as before 1906, where that is
/// a listed word ("afsagt": "avsagt", "hwad": "vad"): the word as written is that word,
/// and lost no mark.
pub(super) fn listed(lower: &str, lex: &Lexicon) -> Option<f32> {
    lex.zipf(&modern(lower)?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(w: &str) -> Option<String> {
        modern(w).map(|(s, _)| s)
    }

    #[test]
    fn the_old_spelling_read_in_the_modern() {
        assert_eq!(m("hvad").as_deref(), Some("vad"));
        assert_eq!(m("afven").as_deref(), Some("aven"));
        assert_eq!(m("öfwerlagga").as_deref(), Some("överlagga"));
        assert_eq!(m("afstangd").as_deref(), Some("avstangd"));
        assert_eq!(m("af").as_deref(), Some("av"));
        assert_eq!(m("qvinna").as_deref(), Some("kvinna"));
        assert_eq!(m("bestamdt").as_deref(), Some("bestamt"));
        assert_eq!(m("owantade").as_deref(), Some("ovantade"));
        // Modern spellings stay: an "f" or "d" where the reform kept it.
        assert_eq!(m("efter"), None);
        assert_eq!(m("hand"), None);
        assert_eq!(m("dtv"), None);
    }

    #[test]
    fn each_modern_letter_knows_where_it_was_written() {
        // h-v-a-d: the "v" is the old "v" (index 1), the "a" index 2.
        assert_eq!(modern("hvad").map(|(_, f)| f), Some(vec![1, 2, 3]));
        // ä-f-v-e-n: "f" dropped.
        assert_eq!(modern("äfven").map(|(_, f)| f), Some(vec![0, 2, 3, 4]));
    }
}
