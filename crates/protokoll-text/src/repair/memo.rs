use super::audit::Fix;
use super::classes::is_supine;
use super::context::{left_word, Slot};
use super::decode::{NextKind, TokenKind};
use super::evidence::Evidence;
use super::merges::{fragment, listed_with_letters};
use super::score::{best, candidates, lost_initial_letter, top};
use super::text::{lowercase, split_core};
use super::{APPLY_MARGIN, MARGIN, SLOT_EVIDENCE};
use crate::lexicon::Lexicon;
use std::collections::HashMap;

/// The memo maps, looked up once per token: a fast hash with a fixed seed (the
/// answers never depend on the maps' order).
pub(super) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A token read from its neighbours: itself, the word before as written, and what the
/// word after is ([`next_class`]).
pub(super) type NearKey = (std::sync::Arc<str>, Option<std::sync::Arc<str>>, u8);

/// Answers by token as written: the repair, and whether a close reading lost.
pub(super) type TokenMemo = FastMap<std::sync::Arc<str>, (Option<Fix>, bool)>;

/// A word's best repair with its margin, if any, and whether a close reading lost.
/// The best other reading, with its margin over the word as written (which may be
/// negative: the reading lost), whatever the floor.
pub(super) type Answer = Option<(String, f32)>;

/// What repairs share across a document: the lexicon, the document's evidence, and the
/// answers already found (a word repeats many times in a document).
pub struct Ctx<'a> {
    pub(super) lex: &'a Lexicon,
    pub(super) seen: &'a Evidence,
    /// Answers by word, for words as written and for capitalised ones, and whether
    /// another reading came close to the word kept.
    pub(super) memo: [FastMap<String, Answer>; 2],
    /// Whether the last word asked about was kept against a close reading.
    pub(super) last_contested: bool,
    /// Answers by token as written, for tokens whose repair does not depend on their
    /// neighbours (see [`context_free`]).
    /// Sixteen memos: by what the left neighbour asks for ([`left_word`]), whether a
    /// capitalised word follows ([`person_slot`]) and whether one comes before.
    pub(super) tokens: [TokenMemo; 16],
    /// Answers for tokens read from their neighbours (see [`repair_cached`]).
    pub(super) near: FastMap<NearKey, (Option<Fix>, bool)>,
    /// What each word as written asks of the word after it ([`left_word`]), asked for
    /// every token.
    pub(super) left: FastMap<std::sync::Arc<str>, (bool, Slot)>,
    /// What each token is as written, and what each word asks of the token before it
    /// ([`repair_cached`]): asked for every token not answered by its memo.
    pub(super) kinds: FastMap<std::sync::Arc<str>, TokenKind>,
    pub(super) nexts: FastMap<std::sync::Arc<str>, NextKind>,
    /// Whether a token may open a split word (see [`Ctx::split_head`]).
    pub(super) split_heads: FastMap<String, bool>,
    /// Supine readings by word (see [`Ctx::supine`]).
    pub(super) supines: FastMap<String, Option<String>>,
    /// Infinitive readings by word (see [`Ctx::infinitive`]).
    pub(super) infinitives: FastMap<String, Option<(String, f32)>>,
    /// The margin a frequency choice needs ([`APPLY_MARGIN`], or [`MARGIN`] for guesses).
    pub(super) floor: f32,
    /// The words of `memo` whose reading is a guess, and the size of `memo` they were
    /// read at (see [`suggest_kept`]).
    pub(super) guesses: Option<(
        usize,
        std::collections::HashSet<String, foldhash::fast::FixedState>,
    )>,
}

impl<'a> Ctx<'a> {
    /// A context for one document.
    pub fn new(lex: &'a Lexicon, seen: &'a Evidence) -> Self {
        Ctx {
            lex,
            seen,
            memo: [FastMap::default(), FastMap::default()],
            last_contested: false,
            tokens: Default::default(),
            near: FastMap::default(),
            infinitives: FastMap::default(),
            supines: FastMap::default(),
            split_heads: FastMap::default(),
            left: FastMap::default(),
            kinds: FastMap::default(),
            nexts: FastMap::default(),
            floor: APPLY_MARGIN,
            guesses: None,
        }
    }

    /// The lexicon this context reads.
    pub fn lex(&self) -> &'a Lexicon {
        self.lex
    }

    /// The document's evidence this context reads.
    pub fn evidence(&self) -> &'a Evidence {
        self.seen
    }

    /// This context made to also take the guesses a normal one leaves out (a margin
    /// under `APPLY_MARGIN`), to report them; the answers found so far are kept.
    pub fn guessing(mut self) -> Self {
        self.floor = MARGIN;
        // Token answers hold repairs made under the old floor.
        self.tokens.iter_mut().for_each(|m| m.clear());
        self.near.clear();
        self.guesses = None;
        self
    }

    pub(super) fn best(&mut self, lower: &str, name_like: bool) -> Option<(String, f32)> {
        let floor = self.floor;
        let judge = |raw: &Answer| {
            let contested = raw.as_ref().is_some_and(|(_, m)| *m < floor);
            (
                contested,
                raw.as_ref().filter(|(_, m)| *m >= floor).cloned(),
            )
        };
        let memo = &mut self.memo[usize::from(name_like)];
        let (contested, found) = match memo.get(lower) {
            Some(raw) => judge(raw),
            None => {
                let raw = best(self.lex, lower, name_like, self.seen);
                let judged = judge(&raw);
                memo.insert(lower.to_string(), raw);
                judged
            }
        };
        self.last_contested = contested;
        found
    }

    /// The best other reading of `lower` and its margin, whether or not it wins.
    pub(super) fn reading(&mut self, lower: &str, name_like: bool) -> Answer {
        self.best(lower, name_like);
        self.memo[usize::from(name_like)]
            .get(lower)
            .cloned()
            .flatten()
    }

    /// The most frequent reading of known word `lower` that is an infinitive, when it
    /// is not much rarer than `lower` (0.7 on the Zipf scale: "starka" 4.75, "stärka"
    /// 4.16; "veta" 5.3, "väta" 2.1), or at any frequency when not `strict` (the
    /// syntax leaves no other reading: "att andra tiderna" is "ändra").
    pub(super) fn infinitive(&mut self, lower: &str, strict: bool) -> Option<String> {
        let found = match self.infinitives.get(lower) {
            Some(hit) => hit.clone(),
            None => {
                let found = top(candidates(self.lex, lower, false, self.seen)
                    .into_iter()
                    .filter(|(c, _)| c != lower && self.lex.is_infinitive(c)));
                self.infinitives.insert(lower.to_string(), found.clone());
                found
            }
        };
        let floor = if strict {
            self.lex.zipf(lower).map_or(f32::INFINITY, |z| z - 0.7)
        } else {
            f32::NEG_INFINITY
        };
        found.filter(|(_, z)| *z >= floor).map(|(c, _)| c)
    }

    /// The most frequent reading of `lower` that is a supine ([`is_supine`]), with a
    /// lost initial letter too ("kat": "ökat"), not much rarer than `lower`
    /// ([`SLOT_EVIDENCE`]).
    pub(super) fn supine(&mut self, lower: &str) -> Option<String> {
        if let Some(hit) = self.supines.get(lower) {
            return hit.clone();
        }
        let floor = self
            .lex
            .zipf(lower)
            .map_or(f32::NEG_INFINITY, |z| z - SLOT_EVIDENCE);
        let found = top(candidates(self.lex, lower, false, self.seen)
            .into_iter()
            .chain(lost_initial_letter(self.lex, lower))
            .filter(|(c, z)| c != lower && *z >= floor && is_supine(self.lex, c)))
        .map(|(c, _)| c);
        self.supines.insert(lower.to_string(), found.clone());
        found
    }

    /// The words this context kept although another reading came close (lowercase,
    /// and whether asked about as a capitalised word).
    pub fn contested(&self) -> impl Iterator<Item = (&str, bool)> {
        let floor = self.floor;
        self.memo.iter().enumerate().flat_map(move |(k, memo)| {
            memo.iter()
                .filter(move |(_, raw)| raw.as_ref().is_some_and(|(_, m)| *m < floor))
                .map(move |(w, _)| (w.as_str(), k == 1))
        })
    }

    /// Whether a token may be the first piece of a word the OCR split
    /// ([`merge_split_words`]): a fragment that is no word as written, with its letters
    /// back, or as the repair reads it. Asked of nearly every word before the page is
    /// repaired, so remembered by the token.
    pub(super) fn split_head(&mut self, token: &str) -> bool {
        if let Some(&hit) = self.split_heads.get(token) {
            return hit;
        }
        let core = split_core(token).1;
        let lower = lowercase(core);
        let found = fragment(core)
            && !listed_with_letters(self.lex, &lower, f32::MIN)
            && !self.repairs(&lower, core.starts_with(char::is_uppercase));
        self.split_heads.insert(token.to_string(), found);
        found
    }

    /// [`left_word`] of `prev`, remembered by the word.
    pub(super) fn left_of(&mut self, prev: Option<&std::sync::Arc<str>>) -> (bool, Slot) {
        let Some(p) = prev else {
            return left_word(None);
        };
        if let Some(&hit) = self.left.get(&**p) {
            return hit;
        }
        let found = left_word(Some(p));
        self.left.insert(p.clone(), found);
        found
    }

    /// [`TokenKind`] of `text`, remembered by the token.
    pub(super) fn kind_of(&mut self, text: &std::sync::Arc<str>) -> TokenKind {
        if let Some(&hit) = self.kinds.get(&**text) {
            return hit;
        }
        let found = TokenKind::of(text);
        self.kinds.insert(text.clone(), found);
        found
    }

    /// [`NextKind`] of the word after a token, remembered by the word.
    pub(super) fn next_of(&mut self, next: Option<&std::sync::Arc<str>>) -> NextKind {
        let Some(n) = next else {
            return NextKind::of(self.lex, None);
        };
        if let Some(&hit) = self.nexts.get(&**n) {
            return hit;
        }
        let found = NextKind::of(self.lex, Some(n));
        self.nexts.insert(n.clone(), found);
        found
    }

    /// Whether `word` (lowercase) would be repaired in this context.
    pub fn repairs(&mut self, word: &str, name_like: bool) -> bool {
        self.best(word, name_like).is_some()
    }
}
