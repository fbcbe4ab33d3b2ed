use super::classes::has_definite;
use super::evidence::Evidence;
use super::score::candidates;
use super::FUNCTION_WORD;
use crate::lexicon::deaccent;
use crate::lexicon::Lexicon;

/// The weight of a compound-only head ("folkhälso-") as a compound part: a common one.
pub(super) const HEAD_ZIPF: f32 = 3.0;
/// Repairs an unknown word as a compound of two (or, recursively, more) known parts,
/// where a part may end in a linking "s" ("lansdialog" → "läns|dialog"). The score is
/// the mean frequency of the parts, less a little for each part beyond two. A word
/// that is as good a compound of known parts as written ("journal|granskat") is left
/// alone. Returns the changed reading with its score, and the score of the reading as
/// written, if there is one.
pub(super) fn compound(
    lex: &Lexicon,
    lower: &str,
    seen: &Evidence,
    depth: u32,
) -> Option<((String, f32), Option<f32>)> {
    let (changed, unchanged) = compound_parts(lex, lower, seen, depth, false);
    let changed = changed?;
    let unchanged = unchanged.map(|u| u.score());
    match unchanged {
        Some(u) if u >= changed.score() => None,
        _ => Some(((changed.word.clone(), changed.score()), unchanged)),
    }
}

/// A reading of a word as parts: the joined text, the sum of the parts' frequencies
/// and the number of parts.
#[derive(Clone, Debug)]
pub(super) struct Parts {
    pub(super) word: String,
    pub(super) sum: f32,
    pub(super) n: u32,
}

impl Parts {
    /// A part: above the frequency of a common content word its frequency counts a
    /// quarter, so that function words ("var", "för") do not make a split attractive by
    /// themselves (and order is kept: "stöd" still beats "stod").
    /// A part of three letters or fewer counts one less: such parts are mostly function
    /// words ("åren|den"), seldom compound parts.
    pub(super) fn one(word: String, z: f32) -> Parts {
        const COMMON: f32 = 5.0;
        let mut sum = if z > COMMON {
            COMMON + (z - COMMON) * 0.25
        } else {
            z
        };
        if word.chars().count() <= 3 {
            sum -= 1.0;
        }
        Parts { word, sum, n: 1 }
    }

    pub(super) fn score(&self) -> f32 {
        const PER_PART: f32 = 1.5;
        self.sum / self.n.max(1) as f32 - PER_PART * self.n.saturating_sub(2) as f32
    }

    pub(super) fn then(&self, tail: &Parts) -> Parts {
        Parts {
            word: format!("{}{}", self.word, tail.word),
            sum: self.sum + tail.sum,
            n: self.n + tail.n,
        }
    }
}

/// A part's reading as written and its best repair, either of them perhaps none.
type Readings = (Option<Parts>, Option<Parts>);

/// The better-scoring of two readings (the first of equals).
fn better(a: Option<Parts>, b: Option<Parts>) -> Option<Parts> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.score() > a.score() { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// A part as written, and its best repair; a compound-only head ("folkhälso") counts as
/// a common word where a head may stand.
fn word_part(lex: &Lexicon, seen: &Evidence, s: &str, head: bool) -> Readings {
    const MIN_PART: f32 = 2.0;
    const MIN_FORM: f32 = 1.0;
    // A long last part may be any listed form ("samordnarna": Hunspell's only).
    let min = if !head && s.chars().count() >= 8 {
        MIN_FORM
    } else {
        MIN_PART
    };
    let mut own = lex
        .zipf(s)
        .filter(|z| *z >= min)
        .map(|z| Parts::one(s.to_string(), z));
    let mut alt = candidates(lex, s, false, seen)
        .into_iter()
        .filter(|(c, z)| c != s && *z >= min)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(w, z)| Parts::one(w, z));
    if head {
        if own.is_none() && lex.is_head(s) {
            own = Some(Parts::one(s.to_string(), HEAD_ZIPF));
        }
        if alt.is_none() {
            let mut heads = Vec::new();
            lex.accented_heads(&deaccent(s), &mut heads);
            alt = heads.into_iter().next().map(|h| Parts::one(h, HEAD_ZIPF));
        }
    }
    (own, alt)
}

/// A part as written or repaired, or (where `link`) either of its stem with a linking
/// "s": "informations|" is "information" + s, whether or not the s-form is itself listed.
fn part(lex: &Lexicon, seen: &Evidence, s: &str, link: bool, head: bool) -> Readings {
    let (mut own, mut alt) = word_part(lex, seen, s, head);
    if let Some(stem) = s.strip_suffix('s').filter(|_| link) {
        let (o, a) = word_part(lex, seen, stem, false);
        let (o, a) = (
            o.filter(|p| takes_link(lex, &p.word)),
            a.filter(|p| takes_link(lex, &p.word)),
        );
        let linked = |p: Parts| Parts {
            word: format!("{}s", p.word),
            ..p
        };
        own = better(own, o.map(linked));
        alt = better(alt, a.map(linked));
    }
    (own, alt)
}

/// The best changed and the best unchanged reading of `lower` as a compound. `linked`:
/// `lower` is the head of a longer compound and may end in a linking "s"
/// ("lansbildnings|konsulent" → "läns|bildning|s").
pub(super) fn compound_parts(
    lex: &Lexicon,
    lower: &str,
    seen: &Evidence,
    depth: u32,
    linked: bool,
) -> Readings {
    let chars: Vec<char> = lower.chars().collect();
    if chars.len() < 6 || depth == 0 {
        return (None, None);
    }
    let mut changed: Option<Parts> = None;
    let mut unchanged: Option<Parts> = None;
    for cut in 3..chars.len().saturating_sub(2) {
        let head: String = chars.get(..cut).unwrap_or(&[]).iter().collect();
        let tail: String = chars.get(cut..).unwrap_or(&[]).iter().collect();
        let (t_own, t_alt) = part(lex, seen, &tail, linked, linked);
        if t_own.is_none() && t_alt.is_none() {
            continue;
        }
        let (mut h_own, mut h_alt) = part(lex, seen, &head, true, true);
        if h_own.is_none() && h_alt.is_none() {
            let (c, u) = compound_parts(lex, &head, seen, depth - 1, true);
            h_own = u;
            h_alt = c;
        }
        if let (Some(h), Some(t)) = (&h_own, &t_own) {
            unchanged = better(unchanged, Some(h.then(t)));
        }
        // The best changed reading: either part repaired, the other as written or repaired.
        for h in [&h_own, &h_alt].into_iter().flatten() {
            for t in [&t_own, &t_alt].into_iter().flatten() {
                let joined = h.then(t);
                if joined.word != lower {
                    changed = better(changed, Some(joined));
                }
            }
        }
    }
    (changed, unchanged)
}

/// Whether a linking "s" may follow `w` in a compound: not after a function word ("är",
/// "för": "ärs|räkningar" is "års|räkningar") or a word of two letters ("af|s|ägt"),
/// unless it is a noun ("års", "tids").
pub(super) fn takes_link(lex: &Lexicon, w: &str) -> bool {
    let word = lex.zipf(w).is_none_or(|z| z < FUNCTION_WORD) && w.chars().nth(2).is_some();
    word || has_definite(lex, w, FUNCTION_WORD - 2.0)
}

#[cfg(test)]
mod tests {
    use crate::repair::testutil::*;

    #[test]
    fn compounds_of_heads_forms_and_linked_parts() {
        assert_eq!(fix("folkhalsovetare"), "folkhälsovetare");
        // A genitive on a compound: "björk|ängen|s", not "björk|an|gens".
        assert_eq!(fix("Bjorkangens"), "Björkängens");
        assert_eq!(fix("Lansbildningskonsulent"), "Länsbildningskonsulent");
        assert_eq!(fix("samordnarna"), "samordnarna");
        // A frequent short word does not make a split ("rehabiliterings|än|s|var"), and
        // a function word takes no linking s ("är|s|räkningar").
        assert_eq!(fix("rehabiliteringsansvar"), "rehabiliteringsansvar");
        assert_eq!(fix("arsrakningar"), "årsräkningar");
    }

    #[test]
    fn a_linking_s_follows_a_noun_not_a_short_word() {
        let lex = Lexicon::swedish().expect("lexicon");
        assert!(super::takes_link(lex, "information"));
        assert!(super::takes_link(lex, "år"));
        // "af" (old print's "av"): "afsagt" is no "af|s|ägt".
        assert!(!super::takes_link(lex, "af"));
        assert!(!super::takes_link(lex, "är"));
    }
}
