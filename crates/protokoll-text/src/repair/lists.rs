//! The Swedish word lists the repair reads, from `data/` (each file names its source):
//! `function-words.txt` (closed word classes and the English model's forms of them),
//! `left-context.txt` (function words read from their left neighbour),
//! `endings.txt` (inflection endings) and `ocr-forms.txt` (misread abbreviations, dollar
//! words). Parsed once, on first use; every rule reads this one copy.

use protokoll_model::wordlist::{list, sections, Sections};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A set of words, looked up once per token: a fast hash with a fixed seed.
pub(super) type WordSet = HashSet<&'static str, foldhash::fast::FixedState>;

/// The lists, parsed on first use.
pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(Lists::load);

/// An inflection ending, and whether the infinitive's final "a" goes back in its place
/// ("+a er": "läser" is "läs" + a).
#[derive(Debug, Clone, Copy)]
pub(super) struct Ending {
    pub(super) text: &'static str,
    pub(super) add_a: bool,
}

/// What a left neighbour must be for a [`LeftRule`] to hold.
#[derive(Debug)]
pub(super) enum Class {
    /// A number or a range of them ("3", "8-10").
    Number,
    /// A noun, or a noun's definite form, that nothing ends after.
    Noun,
    /// One of these words (a section of `function-words.txt`).
    Words(WordSet),
}

/// A function word read from its left neighbour: `word` is `reading` after any of
/// `after` ("tre ar" → "år").
#[derive(Debug)]
pub(super) struct LeftRule {
    pub(super) word: &'static str,
    pub(super) reading: &'static str,
    pub(super) after: Vec<Class>,
}

/// The repair's word lists.
#[derive(Debug)]
pub(super) struct Lists {
    /// The infinitive marker and the modal verbs: an infinitive follows.
    pub(super) infinitive_markers: WordSet,
    /// Prepositions, articles and quantifiers: a noun follows.
    pub(super) noun_openers: WordSet,
    /// Copulas: a predicate follows.
    pub(super) copulas: WordSet,
    /// "har", "hade": a supine follows.
    pub(super) auxiliaries: WordSet,
    /// Before "har" + a definite noun or a copula: "det här".
    pub(super) demonstratives: WordSet,
    /// "är" as written and as read without its letter.
    pub(super) copula_as_read: WordSet,
    /// After these a clause-final "ar." is the verb.
    pub(super) clause_openers: WordSet,
    /// Words run into the next one, in the file's order (it breaks ties).
    pub(super) run_on: Vec<&'static str>,
    /// Words of `run_on` that are prefixes too ("för").
    pub(super) prefixes: WordSet,
    /// What follows a number without a space ("16de", "3st").
    pub(super) number_endings: WordSet,
    /// Infinitives Hunspell leaves without verb flags.
    pub(super) irregular_infinitives: WordSet,
    /// Modal verbs as the English model writes them, and as they are.
    pub(super) modals: Vec<(&'static str, &'static str)>,
    /// Function words read from their left neighbour.
    pub(super) left_rules: Vec<LeftRule>,
    /// The words of `left_rules`.
    pub(super) read_from_left: WordSet,
    /// Endings stripped to find a word's family stem.
    pub(super) family_endings: Vec<&'static str>,
    /// A noun's indefinite plural.
    pub(super) plural_endings: Vec<&'static str>,
    /// The definite singular after a consonant, after a vowel; the definite plural.
    pub(super) definite_after_consonant: Vec<&'static str>,
    pub(super) definite_after_vowel: Vec<&'static str>,
    pub(super) definite_plural: Vec<&'static str>,
    /// A verb's supine and present tense from its infinitive.
    pub(super) supine: Vec<Ending>,
    pub(super) present: Vec<Ending>,
    /// "kl" as OCR misreads it.
    pub(super) kl: WordSet,
    /// Words that say a page speaks of dollars.
    pub(super) dollar: Vec<&'static str>,
    /// Letters as printed and as OCR reads them by their shape ("rn", "m").
    pub(super) shape_pairs: Vec<(&'static str, &'static str)>,
}

fn set(all: &Sections, name: &str) -> WordSet {
    list(all, name).into_iter().collect()
}

fn endings(all: &Sections, name: &str) -> Vec<Ending> {
    list(all, name)
        .into_iter()
        .map(|e| match e.strip_prefix("+a ") {
            Some(text) => Ending {
                text: text.trim(),
                add_a: true,
            },
            None => Ending {
                text: e,
                add_a: false,
            },
        })
        .collect()
}

/// The rules of `left-context.txt`; a class names a list of `words` with hyphens for
/// its spaces.
fn left_rules(text: &'static str, words: &Sections) -> Vec<LeftRule> {
    let class = |name: &str| match name {
        "number" => Class::Number,
        "noun" => Class::Noun,
        _ => Class::Words(set(words, &name.replace('-', " "))),
    };
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|l| {
            let mut fields = l.split_whitespace();
            Some(LeftRule {
                word: fields.next()?,
                reading: fields.next()?,
                after: fields.map(class).collect(),
            })
        })
        .collect()
}

impl Lists {
    fn load() -> Lists {
        let words = sections(include_str!("../../data/function-words.txt"));
        let forms = sections(include_str!("../../data/ocr-forms.txt"));
        let ends = sections(include_str!("../../data/endings.txt"));
        let left_rules = left_rules(include_str!("../../data/left-context.txt"), &words);
        let modals = list(&words, "modals")
            .into_iter()
            .filter_map(|l| l.split_once(char::is_whitespace))
            .map(|(a, b)| (a, b.trim()))
            .collect();
        Lists {
            infinitive_markers: set(&words, "infinitive markers"),
            noun_openers: set(&words, "noun openers"),
            copulas: set(&words, "copulas"),
            auxiliaries: set(&words, "auxiliaries"),
            demonstratives: set(&words, "demonstratives"),
            copula_as_read: set(&words, "copula as read"),
            clause_openers: set(&words, "clause openers"),
            run_on: list(&words, "run on"),
            prefixes: set(&words, "prefixes"),
            number_endings: set(&words, "number endings"),
            irregular_infinitives: set(&words, "irregular infinitives"),
            modals,
            read_from_left: left_rules.iter().map(|r| r.word).collect(),
            left_rules,
            family_endings: list(&ends, "family"),
            plural_endings: list(&ends, "plural"),
            definite_after_consonant: list(&ends, "definite after consonant"),
            definite_after_vowel: list(&ends, "definite after vowel"),
            definite_plural: list(&ends, "definite plural"),
            supine: endings(&ends, "supine"),
            present: endings(&ends, "present"),
            kl: set(&forms, "kl"),
            dollar: list(&forms, "dollar"),
            shape_pairs: list(&forms, "shape pairs")
                .into_iter()
                .filter_map(|l| l.split_once(char::is_whitespace))
                .map(|(a, b)| (a, b.trim()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_from_its_data_file() {
        let l = &*LISTS;
        let sets = [
            &l.infinitive_markers,
            &l.noun_openers,
            &l.copulas,
            &l.auxiliaries,
            &l.demonstratives,
            &l.copula_as_read,
            &l.clause_openers,
            &l.irregular_infinitives,
            &l.prefixes,
            &l.number_endings,
            &l.read_from_left,
            &l.kl,
        ];
        assert!(sets.iter().all(|s| !s.is_empty()));
        let lists = [
            &l.run_on,
            &l.family_endings,
            &l.plural_endings,
            &l.definite_after_consonant,
            &l.definite_after_vowel,
            &l.definite_plural,
            &l.dollar,
        ];
        assert!(lists.iter().all(|s| !s.is_empty()));
        assert_eq!(l.modals, [("bor", "bör"), ("far", "får")]);
        assert_eq!(l.shape_pairs.first(), Some(&("rn", "m")));
        assert!(l.shape_pairs.contains(&("l", "i")));
        assert_eq!(l.supine.len(), 4);
        assert!(l.present.iter().any(|e| e.add_a && e.text == "er"));
        assert!(l.noun_openers.contains("nagot") && l.copulas.contains("förblir"));
        assert_eq!(l.family_endings.first(), Some(&"arnas"));
        // Every rule names classes that exist, each with words.
        assert_eq!(l.left_rules.len(), 6);
        for r in &l.left_rules {
            assert!(!r.after.is_empty(), "{}", r.word);
            for c in &r.after {
                assert!(!matches!(c, Class::Words(w) if w.is_empty()), "{}", r.word);
            }
        }
    }
}
