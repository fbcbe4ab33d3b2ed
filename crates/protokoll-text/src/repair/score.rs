use super::channel::readings;
use super::compound::compound;
use super::evidence::Evidence;
use super::{CERTAIN, FUNCTION_WORD, RARE};
use crate::lexicon::deaccent;
use crate::lexicon::Lexicon;

/// Extra weight for a gazetteer name when the word is capitalised ("Laxa" → "Laxå").
pub(super) const NAME_BONUS: f32 = 1.5;
/// Candidates for a core: lexicon words the damage explains, with their score.
pub(super) fn candidates(
    lex: &Lexicon,
    lower: &str,
    name_like: bool,
    seen: &Evidence,
) -> Vec<(String, f32)> {
    let mut raw: Vec<(String, f32)> = Vec::new();
    let mut out: Vec<(String, f32)> = Vec::new();
    for (r, cost) in readings(lower) {
        raw.clear();
        if r != lower {
            if let Some(z) = lex.zipf(&r) {
                raw.push((r.clone(), z));
            }
        }
        lex.accented(&deaccent(&r), &mut raw);
        for (c, z) in raw.drain(..) {
            let bonus = seen.bonus(&c) + name_bonus(lex, &c, name_like);
            out.push((c, z - cost + bonus));
        }
    }
    out
}

/// Extra weight for a gazetteer name when the word is capitalised.
pub(super) fn name_bonus(lex: &Lexicon, w: &str, name_like: bool) -> f32 {
    if name_like && lex.is_name(w) {
        NAME_BONUS
    } else {
        0.0
    }
}

/// The best repair of one word core (lowercase in, lowercase out), with its margin; and
/// whether a reading lost to the word as written (the choice the document's other words
/// may settle).
pub(super) fn best(
    lex: &Lexicon,
    lower: &str,
    name_like: bool,
    seen: &Evidence,
) -> Option<(String, f32)> {
    let own = lex.zipf(lower);
    // Function words ("har", "var", "vara") are settled by syntax, not by the topic
    // the document's words show: for them the document is no evidence.
    let none = Evidence::default();
    let seen = if own.is_some_and(|z| z >= FUNCTION_WORD) {
        &none
    } else {
        seen
    };
    let own_bonus = seen.bonus(lower) + name_bonus(lex, lower, name_like);
    let keep = own.map_or(f32::NEG_INFINITY, |z| z + own_bonus);
    let found = top(candidates(lex, lower, name_like, seen)
        .into_iter()
        .filter(|(c, _)| c != lower));
    // An unknown word may be a compound of known ones: "lansdialog" → "läns|dialog".
    // A capitalised one is likely a name: when it is a compound as written too
    // ("Lun|ander"), that reading is the one to beat.
    let (found, keep) = match found {
        Some(f) => (Some(f), keep),
        None if own.is_none() => match unknown_compound(lex, lower, seen) {
            Some((f, as_written)) => (Some(f), as_written.filter(|_| name_like).unwrap_or(keep)),
            None => (None, keep),
        },
        None => (None, keep),
    };
    // A rare word, or none, may be a word whose initial å/ä/ö the OCR dropped: "kad"
    // (noise in the frequency list) is "ökad".
    let found = if own.is_none_or(|z| z < RARE) {
        // The reading found so far wins a tie (max_by keeps the last of equals).
        [lost_initial_letter(lex, lower), found]
            .into_iter()
            .flatten()
            .max_by(|a, b| a.1.total_cmp(&b.1))
    } else {
        found
    };
    match found {
        Some((word, score)) => Some((word, score - keep)),
        None if own.is_none() => e_as_o(lower),
        None => None,
    }
}

/// An unknown word read as a compound of known parts, as it is or with a genitive "s"
/// on the whole ("Solangens": "Sol|ängen" + s), whichever scores better
/// ("björk|ängen|s" beats "björk|an|gens"); with the score of the compound as written.
fn unknown_compound(
    lex: &Lexicon,
    lower: &str,
    seen: &Evidence,
) -> Option<((String, f32), Option<f32>)> {
    let genitive = || {
        // The genitive of a known word ("justerandes") is no compound to repair.
        let stem = lower
            .strip_suffix('s')
            .filter(|st| lex.zipf(st).is_none())?;
        let ((w, z), as_written) = compound(lex, stem, seen, 2)?;
        Some(((format!("{w}s"), z), as_written))
    };
    match (compound(lex, lower, seen, 2), genitive()) {
        (Some(w), Some(g)) => Some(if g.0 .1 > w.0 .1 { g } else { w }),
        (w, g) => w.or(g),
    }
}

/// "Dénje": no reading is a known word, but an é inside a word (not the names' "-én",
/// or a final "-é") is the English model's reading of ö: a guess with a fixed margin.
fn e_as_o(lower: &str) -> Option<(String, f32)> {
    const E_AS_O: f32 = 0.5;
    let n = lower.chars().count();
    let mut inner = false;
    let read: String = lower
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let o = c == 'é' && i + 2 < n;
            inner |= o;
            if o {
                'ö'
            } else {
                c
            }
        })
        .collect();
    inner.then_some((read, E_AS_O))
}

/// The best-scoring reading; of equals the first in byte order (the answer never
/// depends on the order candidates come in).
pub(super) fn top(readings: impl Iterator<Item = (String, f32)>) -> Option<(String, f32)> {
    readings.max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
}

/// An unknown word of three letters or more read with a lost initial å, ä or ö: the
/// most frequent known word so made, at a cost (the OCR seldom drops a whole letter).
pub(super) fn lost_initial_letter(lex: &Lexicon, lower: &str) -> Option<(String, f32)> {
    const COST: f32 = 1.0;
    if lower.chars().count() < 3 || !lower.chars().all(char::is_alphabetic) {
        return None;
    }
    most_frequent(lex, ['ö', 'ä', 'å'].map(|v| format!("{v}{lower}"))).map(|(w, z)| (w, z - COST))
}

/// The most frequent known word among `words`, with its Zipf frequency (the last of
/// equals).
pub(super) fn most_frequent(
    lex: &Lexicon,
    words: impl IntoIterator<Item = String>,
) -> Option<(String, f32)> {
    words
        .into_iter()
        .filter_map(|w| Some((lex.zipf(&w)?, w)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(z, w)| (w, z))
}

/// Confidence of a repair from its margin over the word as written (infinite where
/// that is no word at all: certain).
pub(super) fn confidence(margin: f32) -> f32 {
    if !margin.is_finite() {
        return CERTAIN;
    }
    let c = 0.5 + 0.45 * (margin / (margin + 1.0));
    (c * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::testutil::*;

    #[test]
    fn close_calls_are_guesses_not_repairs() {
        let lex = Lexicon::swedish().expect("lexicon");
        let plain = Evidence::default();
        // "besvarad" 2.65, "besvärad" 2.71: too close to apply, close enough to report.
        assert_eq!(Ctx::new(lex, &plain).best("besvarad", false), None);
        assert_eq!(
            Ctx::new(lex, &plain)
                .guessing()
                .best("besvarad", false)
                .map(|b| b.0)
                .as_deref(),
            Some("besvärad")
        );
        // A capitalised unknown word that is a compound as written ("Lun|ander", a
        // surname) is no certain repair of another compound ("lun|änder").
        assert_eq!(Ctx::new(lex, &plain).best("lunander", true), None);
    }
}
