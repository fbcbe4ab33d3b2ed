use super::classes::{definite_noun, noun_or_definite};
use super::lists::{Class, LISTS};
use super::memo::Ctx;
use super::score::most_frequent;
use super::text::{bare_word, capitalised, is_label, lowercase, split_core};
use crate::lexicon::Lexicon;

/// What the left neighbour asks for next.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Slot {
    Other = 0,
    /// A noun: after a preposition, an article, a quantifier, a label or a number.
    Noun = 1,
    /// A predicate: after a copula.
    Predicate = 2,
    /// A supine: after the auxiliary "har", "hade".
    Supine = 3,
}

/// What the left neighbour `prev` asks for next: whether an infinitive (after the
/// infinitive marker or a modal verb) and which word class ([`Slot`]). One look at the
/// word: this runs for every token.
pub(super) fn left_word(prev: Option<&str>) -> (bool, Slot) {
    // None: a heading's or a page's first word, where a noun stands.
    let Some(p) = prev else {
        return (false, Slot::Noun);
    };
    // The longest word asked about, "skulle" or "förblir", with punctuation around.
    if p.len() > 10 {
        return (false, Slot::Other);
    }
    // An item label or a number: a heading, or a count of something.
    if is_label(p) {
        return (false, Slot::Noun);
    }
    let (_, core, post) = split_core(p);
    let lower = lowercase(core);
    let infinitive = LISTS.infinitive_markers.contains(lower.as_ref());
    // A word that ends a clause ("av.") asks for no word class.
    if !post.is_empty() {
        return (infinitive, Slot::Other);
    }
    // Prepositions, articles and quantifiers, also as the English model writes them
    // ("for", "pa", "fran", "nagot"); copulas.
    let slot = if LISTS.noun_openers.contains(lower.as_ref()) {
        Slot::Noun
    } else if LISTS.copulas.contains(lower.as_ref()) {
        Slot::Predicate
    } else if LISTS.auxiliaries.contains(lower.as_ref()) {
        Slot::Supine
    } else {
        Slot::Other
    };
    (infinitive, slot)
}

/// The infinitive marker and the modal verbs, after which an infinitive stands.
pub(super) fn expects_infinitive(prev: Option<&str>) -> bool {
    left_word(prev).0
}

/// Whether a capitalised word with `post` after its core stands before a surname: the
/// next word is capitalised, nothing ends between them ("Par Sjölander (KD)").
pub(super) fn person_slot(post: &str, next: Option<&str>) -> bool {
    post.is_empty() && capitalised(next)
}

/// Whether a capitalised word stands after a name, as a surname does ("Tomas Kall"):
/// the word before is a name of the gazetteer and nothing ends after it.
pub(super) fn after_name(lex: &Lexicon, prev: Option<&str>) -> bool {
    bare_word(prev.filter(|p| capitalised(Some(p)))).is_some_and(|w| lex.is_name(&w))
}

/// Whether the word after a demonstrative "har" makes it "här": a copula ("är", as
/// the English model writes it too), or a noun in its definite form.
pub(super) fn here_follows(lex: &Lexicon, next: Option<&str>) -> bool {
    next.is_some_and(|n| {
        LISTS
            .copula_as_read
            .contains(lowercase(split_core(n).1).as_ref())
    }) || definite_noun(lex, next)
}

/// "i ar" / "tre ar" / "till ar" → "år"; "i vara", "för vart" → "våra", "vårt": after a
/// number or a preposition these words cannot be the verb forms the frequency prefers
/// (`data/left-context.txt`). `prev` is the word before as written.
pub(super) fn by_context(lex: &Lexicon, lower: &str, prev: Option<&str>) -> Option<&'static str> {
    let rule = LISTS.left_rules.iter().find(|r| r.word == lower)?;
    let p = prev?;
    let prev_lower = split_core(p).1.to_lowercase();
    let holds = |class: &Class| match class {
        // "3", "8-10", "1–3": a number or a range of them.
        Class::Number => {
            prev_lower.chars().any(|c| c.is_ascii_digit())
                && prev_lower
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
        }
        Class::Noun => bare_word(prev).is_some_and(|w| noun_or_definite(lex, &w)),
        Class::Words(words) => words.contains(prev_lower.as_str()),
    };
    rule.after.iter().any(holds).then_some(rule.reading)
}

/// The common word (Zipf 4.5 or more) a lone lowercase consonant becomes with å, ä or ö
/// after it, the most frequent if several.
pub(super) fn lone_consonant(core: &str, lex: &Lexicon) -> Option<String> {
    let mut cs = core.chars();
    let (Some(c), None) = (cs.next(), cs.next()) else {
        return None;
    };
    if !c.is_ascii_lowercase() || "aeiouy".contains(c) {
        return None;
    }
    most_frequent(lex, ['å', 'ä', 'ö'].map(|v| format!("{c}{v}")))
        .filter(|(_, z)| *z >= 4.5)
        .map(|(w, _)| w)
}

/// "bor" and "far" are the modal verbs "bör" and "får" when an infinitive follows,
/// active or passive, as written or once repaired ("bor goras").
pub(super) fn modal_reading(
    lower: &str,
    next: Option<&str>,
    ctx: &mut Ctx<'_>,
) -> Option<&'static str> {
    let (_, modal) = LISTS.modals.iter().find(|(w, _)| *w == lower)?;
    let next = lowercase(split_core(next?).1).into_owned();
    let lex = ctx.lex;
    let active = |w: &str| lex.is_infinitive(w) || LISTS.irregular_infinitives.contains(w);
    let infinitive = |w: &str| active(w) || w.strip_suffix('s').is_some_and(active);
    let found = infinitive(&next)
        || lex.zipf(&next).is_none() && ctx.best(&next, false).is_some_and(|(r, _)| infinitive(&r));
    found.then_some(modal)
}

/// An unknown word that is a common function word run into a known word, split there:
/// the byte offsets of the lost spaces. The function word opens the word ("attjustera")
/// or follows a known word ("Valav mötesordförande"); the words are
/// `data/function-words.txt`'s "run on".
pub(super) fn run_on(lex: &Lexicon, lower: &str) -> Option<Vec<usize>> {
    if lex.zipf(lower).is_some() {
        return None;
    }
    // A known word of its own: frequent, and of three letters or more.
    let known = |w: &str| {
        lex.zipf(w)
            .filter(|z| *z >= RUN_ON_REST && w.chars().count() >= 3)
    };
    let opening = LISTS
        .run_on
        .iter()
        .filter_map(|f| Some((f.len(), known(lower.strip_prefix(f)?)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((at, _)) = opening {
        return Some(vec![at]);
    }
    // After a known word ("materialsom"), only a function word of two letters or more:
    // an unknown word ending in "i" is most often a word the lexicon lacks. (Not between
    // two known words: that is how a compound the lexicon lacks is made,
    // "hållbarhetsområdet", "extraförråd".)
    LISTS
        .run_on
        .iter()
        .filter(|f| f.chars().count() >= 2)
        .filter_map(|f| {
            let head = lower.strip_suffix(f)?;
            let z = known(head).filter(|z| *z >= RUN_ON_HEAD)?;
            Some((head.len(), z))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(at, _)| vec![at])
}

/// The least Zipf score of each known word a run-on splits off.
const RUN_ON_REST: f32 = 3.0;

/// The least Zipf score of a known word a function word runs on after: a rare word and
/// a function word are more often a word of old print or a fragment ("vensom").
const RUN_ON_HEAD: f32 = 3.5;

/// `core` with a space at each byte offset of `cuts` (offsets of its lowercase, which
/// the caller checked has the same length).
pub(super) fn with_spaces(core: &str, cuts: &[usize]) -> Option<String> {
    let mut out = String::with_capacity(core.len() + cuts.len());
    let mut from = 0;
    for &at in cuts {
        out.push_str(core.get(from..at)?);
        out.push(' ');
        from = at;
    }
    out.push_str(core.get(from..)?);
    Some(out)
}
