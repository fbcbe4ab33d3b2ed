//! Text normalization and repair, between extraction and parsing.
//!
//! * [`normalize_word`]: Unicode NFC, soft hyphens and zero-width characters removed,
//!   non-breaking spaces made plain, typographic ligatures expanded. Applied to every
//!   word of every document; it never changes what a reader sees, so it is not audited.
//! * [`repair_document`]: the above, then the repairs that do change text (OCR damage
//!   of Swedish letters, see [`repair`]), each listed as a [`Correction`].
//! * [`lexicon`]: the embedded Swedish word list (wordfreq, CC BY-SA 4.0).
//!
//! ```
//! assert_eq!(protokoll_text::normalize_word("a\u{308}r\u{ad}e"), "äre");
//! ```

pub mod lexicon;
pub mod quality;
pub mod repair;

use protokoll_model::{Budget, Correction, Document};
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// NFC, without soft hyphens or zero-width characters, ligatures expanded.
pub fn normalize_word(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Between digits a soft hyphen is a printed one ("2013\u{ad}10\u{ad}09": a
            // font that maps its hyphen there); inside a word, a break that is gone.
            '\u{ad}'
                if s.ends_with(|p: char| p.is_ascii_digit())
                    && chars.peek().is_some_and(char::is_ascii_digit) =>
            {
                s.push('-');
            }
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
            '\u{a0}' | '\u{202f}' | '\u{2007}' => s.push(' '),
            _ => match protokoll_model::text::ligature(c) {
                Some(l) => s.push_str(l),
                None => s.push(c),
            },
        }
    }
    if s.is_ascii() {
        return s;
    }
    s.nfc().collect()
}

/// What the repair of a document did, and what it left to a person.
#[derive(Debug, Default)]
pub struct Repairs {
    /// The repairs made, in document order.
    pub corrections: Vec<Correction>,
    /// Repairs too uncertain to apply (the text keeps the original), in document order.
    pub suggestions: Vec<Correction>,
    /// The budget ran out: pages from `stopped_at` on were left as read (and no
    /// suggestions were made).
    pub stopped_at: Option<u32>,
}

/// What [`repair_document`] does besides normalizing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepairOptions {
    /// Repair OCR damage; false only normalizes (the command line's `--no-repair`).
    pub repair: bool,
    /// The document came from a plain text file: its pages are checked for OCR damage
    /// though no OCR layer marks them (its origin is unknown).
    pub plain_text: bool,
    /// List the repairs made ([`Repairs::corrections`]) and look for the guesses left
    /// to a person ([`Repairs::suggestions`]); a caller that only prints the text
    /// (`extract`) does without both: the text is the same.
    pub audit: bool,
}

impl Default for RepairOptions {
    /// Repair on, for a PDF's text.
    fn default() -> Self {
        RepairOptions {
            repair: true,
            plain_text: false,
            audit: true,
        }
    }
}

/// Normalizes every word and, when `opts.repair` is set, repairs OCR damage; returns
/// the repairs made and the ones left as suggestions.
pub fn repair_document(doc: &mut Document, opts: &RepairOptions) -> Repairs {
    repair_document_within(doc, opts, &Budget::unlimited())
}

/// As [`repair_document`], within the document's `budget`, checked before each
/// page: once it is spent the remaining pages keep their text as read (right text is
/// never changed either way), and `stopped_at` says from which page.
pub fn repair_document_within(
    doc: &mut Document,
    opts: &RepairOptions,
    budget: &Budget,
) -> Repairs {
    let RepairOptions {
        repair,
        plain_text,
        audit,
    } = *opts;
    let lex = lexicon::Lexicon::swedish().filter(|_| repair);
    let Some(lex) = lex else {
        normalize_document(doc);
        return Repairs::default();
    };
    let mut made = Made {
        out: Vec::new(),
        restored: HashMap::new(),
        audit,
    };
    let read = match read_pages(doc, lex, plain_text, budget, &mut made) {
        Ok(read) => read,
        Err(stop) => return stop,
    };
    let Read {
        ocr,
        damaged,
        layers,
        seen,
    } = read;
    made.add(repair::eights_read_for_sections(&mut doc.pages, &layers));
    // OCR pages the gate calls clean: word by word, where a word's evidence says so.
    let partial: Vec<bool> = ocr.iter().zip(&damaged).map(|(o, d)| *o && !*d).collect();
    if !damaged.contains(&true) && !partial.contains(&true) {
        return Repairs {
            corrections: made.out,
            ..Repairs::default()
        };
    }
    let pages = Pages {
        damaged: &damaged,
        partial: &partial,
    };
    repair_damaged(doc, lex, pages, made, seen, budget)
}

/// The repairs made so far, and the words their confident ones restored with how often
/// (the second look's evidence, [`add_written`]'s counterpart), counted as they are
/// made. Without an audit a page's repairs are dropped once counted: `extract` prints
/// only the text, and a damaged document has a correction for one word in three.
struct Made {
    out: Vec<Correction>,
    restored: HashMap<String, usize>,
    audit: bool,
}

impl Made {
    /// Adds `repairs` ([`Made::counted`]).
    fn add(&mut self, repairs: impl IntoIterator<Item = Correction>) {
        let from = self.out.len();
        self.out.extend(repairs);
        self.counted(from);
    }

    /// Counts the restored words of the repairs from `from` on (on borrowed words: a
    /// document repeats its repairs many times), and drops the repairs without an audit.
    fn counted(&mut self, from: usize) {
        let made = self.out.get(from..).unwrap_or_default();
        for c in made.iter().filter(|c| c.confidence >= repair::CONFIDENT) {
            let Some(core) = evidence_word(&c.corrected) else {
                continue;
            };
            match self.restored.get_mut(core) {
                Some(n) => *n += 1,
                None => {
                    self.restored.insert(core.to_string(), 1);
                }
            }
        }
        if !self.audit {
            self.out.clear();
        }
    }

    /// The repairs made before the budget ran out at page `page`.
    fn stopped(self, page: u32) -> Repairs {
        stopped(self.out, page)
    }
}

/// What [`read_pages`] found, page by page.
struct Read {
    /// OCR text: an OCR layer, or plain text (whose origin is unknown).
    ocr: Vec<bool>,
    /// Damaged pages ([`damaged_pages`]).
    damaged: Vec<bool>,
    /// OCR layers, after the repairs of any OCR page.
    layers: Vec<bool>,
    /// The words the document writes with å/ä/ö ([`add_written`]).
    seen: HashMap<String, usize>,
}

/// The first look at the pages, one page at a time (all of a page's steps while its
/// words are in cache, not one pass over a large document per step): each page
/// normalized ([`normalize_word`]), judged by the gate, given the repairs of any OCR
/// page (into `made`), and read for the document's written evidence. `Err` with the
/// repairs made before the budget ran out, the rest of the pages normalized only.
fn read_pages(
    doc: &mut Document,
    lex: &lexicon::Lexicon,
    plain_text: bool,
    budget: &Budget,
    made: &mut Made,
) -> Result<Read, Repairs> {
    let n = doc.pages.len();
    let mut memo = repair::WordMemo::default();
    let mut pieces = repair::PieceMemo::default();
    let (mut ocr, mut verdicts, mut layers) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut seen = HashMap::new();
    for i in 0..n {
        let Some(page) = doc.pages.get_mut(i) else {
            break;
        };
        normalize_page(page);
        let o = plain_text || repair::ocr_layer(page);
        verdicts.push(repair::damaged_with(page, lex, o, &mut memo));
        if o {
            if budget.check().is_err() {
                let number = page.number;
                doc.pages.iter_mut().skip(i + 1).for_each(normalize_page);
                return Err(stopped(std::mem::take(&mut made.out), number));
            }
            made.add(repair::repair_ocr_page(page, lex, &mut pieces));
        }
        ocr.push(o);
        layers.push(repair::ocr_layer(page));
        add_written(&mut seen, page);
    }
    Ok(Read {
        ocr,
        damaged: damaged_pages(&verdicts),
        layers,
        seen,
    })
}

/// Which pages the repair reads: damaged ones ([`repair::damaged`]), and OCR pages the
/// gate calls clean, read word by word ([`repair::repair_partial_page`]).
#[derive(Clone, Copy)]
struct Pages<'a> {
    damaged: &'a [bool],
    partial: &'a [bool],
}

/// The first pass over the pages, in order: damaged pages repaired
/// ([`repair::repair_page`]), with the words kept against a close reading, and pages
/// with partial damage word by word, after their chance of a lost mark is measured; the
/// repairs into `made`, page by page. `Err` with the page where the budget ran out.
fn first_pass(
    doc: &mut Document,
    pages: Pages<'_>,
    ctx: &mut repair::Ctx<'_>,
    made: &mut Made,
    budget: &Budget,
) -> Result<Vec<Vec<repair::Kept>>, u32> {
    // A context of its own: the partial repair's questions are no close calls of the
    // damaged pages' second look.
    let mut own = repair::Ctx::new(ctx.lex(), ctx.evidence());
    let mut facts = repair::Facts::default();
    let known = repair::page_facts(&doc.pages, pages.partial, &mut facts, &own);
    let mut kept: Vec<Vec<repair::Kept>> = Vec::with_capacity(doc.pages.len());
    let marks = pages.damaged.iter().zip(pages.partial);
    for ((page, (hit, part)), known) in doc.pages.iter_mut().zip(marks).zip(&known) {
        if (*hit || *part) && budget.check().is_err() {
            return Err(page.number);
        }
        let k = if *hit {
            let from = made.out.len();
            let k = repair::repair_page_into(page, ctx, &mut made.out);
            made.counted(from);
            k
        } else if *part {
            made.add(repair::repair_partial_page(page, known, &facts, &mut own));
            Vec::new()
        } else {
            Vec::new()
        };
        kept.push(k);
    }
    Ok(kept)
}

/// Normalizes every word ([`normalize_word`]); a word that normalizes to nothing (a
/// lone soft hyphen) is dropped.
fn normalize_document(doc: &mut Document) {
    doc.pages.iter_mut().for_each(normalize_page);
}

/// [`normalize_document`] of one page.
fn normalize_page(page: &mut protokoll_model::Page) {
    for line in &mut page.lines {
        for cell in &mut line.cells {
            for w in &mut cell.words {
                if !w.text.is_ascii() {
                    let n = normalize_word(&w.text);
                    if *n != *w.text {
                        w.text = n.into();
                    }
                }
            }
            cell.words.retain(|w| !w.text.trim().is_empty());
        }
    }
}

/// Which pages are damaged, from the gate's verdicts ([`repair::damaged`]): pages too
/// short to judge go with the majority of the document's judged pages.
fn damaged_pages(verdicts: &[Option<bool>]) -> Vec<bool> {
    let (hits, judged) = verdicts
        .iter()
        .flatten()
        .fold((0, 0), |(h, n), d| (h + usize::from(*d), n + 1));
    verdicts
        .iter()
        .map(|v| v.unwrap_or(hits * 2 > judged))
        .collect()
}

/// The repair of the damaged pages and of those with partial damage, after the repairs
/// of every OCR page (in `made`): a first pass ([`first_pass`]), then, where pages were
/// damaged, a second look at the words kept against a close reading, acronyms, and the
/// guesses left to a person.
fn repair_damaged(
    doc: &mut Document,
    lex: &'static lexicon::Lexicon,
    pages: Pages<'_>,
    mut made: Made,
    mut seen: HashMap<String, usize>,
    budget: &Budget,
) -> Repairs {
    // `seen`: words the document writes with å/ä/ö somewhere (on an undamaged page, or
    // in a heading the OCR got right) are evidence for the same word elsewhere.
    let evidence = repair::Evidence::new(seen.clone(), lex);
    let mut ctx = repair::Ctx::new(lex, &evidence);
    let kept = match first_pass(doc, pages, &mut ctx, &mut made, budget) {
        Ok(kept) => kept,
        Err(page) => return made.stopped(page),
    };
    let Made {
        mut out,
        restored,
        audit,
    } = made;
    let damaged = pages.damaged;
    if !damaged.contains(&true) {
        out.sort_by_key(|c| c.page);
        return Repairs {
            corrections: out,
            ..Repairs::default()
        };
    }
    // A second look at the words kept against a close reading, now that the confident
    // repairs (no other reading existed, a clear margin, or the grammar said so) tell
    // which word families the document uses.
    for (w, n) in restored {
        *seen.entry(w).or_default() += n;
    }
    let evidence = repair::Evidence::new(seen, lex);
    let mut second = repair::Ctx::new(lex, &evidence);
    // A fast hash: every kept word is looked up in it.
    let flip: HashSet<String, foldhash::fast::FixedState> = ctx
        .contested()
        .filter(|(w, name_like)| second.repairs(w, *name_like))
        .map(|(w, _)| w.to_string())
        .collect();
    if !flip.is_empty() {
        for (page, k) in doc.pages.iter_mut().zip(&kept) {
            out.extend(repair::repair_kept(page, k, &flip, &mut second));
        }
    }
    out.extend(repair::expand_acronyms(&mut doc.pages, damaged, lex));
    if !audit {
        return Repairs::default();
    }
    // Corrections in document order: by page (each page's later looks after its first).
    out.sort_by_key(|c| c.page);
    // The close calls left as written, for a person to decide.
    let mut guess = second.guessing();
    let suggestions = doc
        .pages
        .iter()
        .zip(&kept)
        .flat_map(|(page, k)| repair::suggest_kept(page, k, &mut guess))
        .collect();
    Repairs {
        corrections: out,
        suggestions,
        stopped_at: None,
    }
}

/// Adds the words `page` writes with å/ä/ö to `seen`, the document's written evidence
/// with how often ([`evidence_word`]).
fn add_written(seen: &mut HashMap<String, usize>, page: &protokoll_model::Page) {
    for w in page
        .lines
        .iter()
        .flat_map(|l| l.words())
        .filter(|w| !w.text.is_ascii())
    {
        // The word is copied only the first time: a document repeats its words.
        if let Some(core) = evidence_word(&w.text) {
            match seen.get_mut(core) {
                Some(n) => *n += 1,
                None => {
                    seen.insert(core.to_string(), 1);
                }
            }
        }
    }
}

/// The repairs made before the budget ran out at page `page`.
fn stopped(mut corrections: Vec<Correction>, page: u32) -> Repairs {
    corrections.sort_by_key(|c| c.page);
    Repairs {
        corrections,
        suggestions: Vec::new(),
        stopped_at: Some(page),
    }
}

/// A word the document writes with å/ä/ö, lowercase, as evidence for its readings
/// elsewhere; capitalised words are left out (names such as "Ångman" are no family
/// of "ånger").
fn evidence_word(w: &str) -> Option<&str> {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    if core.chars().any(char::is_uppercase) || !core.contains(['å', 'ä', 'ö']) {
        return None;
    }
    Some(core)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_budget_leaves_the_pages_as_read() {
        use protokoll_model::{Cell, Line, Page, Word};
        let page = |n: u32| Page {
            number: n,
            width: 600.0,
            height: 800.0,
            lines: vec![Line {
                cells: vec![Cell {
                    column: 0,
                    words: "Mötet beslutade att godkanna arsredovisningen for ar 2024"
                        .split(' ')
                        .map(|t| Word {
                            text: t.into(),
                            ..Word::default()
                        })
                        .collect(),
                }],
                ..Line::default()
            }],
            has_page_image: false,
        };
        let mut doc = Document {
            pages: vec![page(1), page(2)],
            ..Document::default()
        };
        let before = doc.clone();
        let opts = RepairOptions {
            repair: true,
            plain_text: true,
            audit: true,
        };
        let r = repair_document_within(&mut doc, &opts, &Budget::after_checks(1));
        assert_eq!(r.stopped_at, Some(1));
        assert_eq!(doc, before);
        assert!(r.corrections.is_empty());
    }

    #[test]
    fn without_an_audit_the_text_is_the_same() {
        // Damaged pages (an English-model reading) and one that kept its marks.
        let texts = [
            include_str!("../../../fixtures/ocr/dev-brf.eng.txt"),
            // The second look's evidence (the words the first pass restored) changes
            // words here: dropping the corrections must not drop it.
            include_str!("../../../fixtures/ocr/dev-krisledning.eng.txt"),
            "Nästa möte hålls i Örebro och dar är alla välkomna till årsmötet.",
        ];
        let page = |(i, text): (u32, &str)| protokoll_model::Page {
            number: i + 1,
            ..repair::testutil::page_of(text, false)
        };
        let doc = Document {
            pages: (0..).zip(texts).map(page).collect(),
            ..Document::default()
        };
        let listed = RepairOptions {
            plain_text: true,
            ..RepairOptions::default()
        };
        let unlisted = RepairOptions {
            audit: false,
            ..listed
        };
        let (mut a, mut b) = (doc.clone(), doc);
        let with = repair_document(&mut a, &listed);
        let without = repair_document(&mut b, &unlisted);
        assert!(with.corrections.len() > 100);
        assert!(without.corrections.is_empty() && without.suggestions.is_empty());
        assert_eq!(a, b);
    }

    #[test]
    fn nfc_and_invisibles() {
        assert_eq!(normalize_word("O\u{308}rebro"), "Örebro");
        assert_eq!(normalize_word("sam\u{ad}verkan"), "samverkan");
        assert_eq!(normalize_word("2013\u{ad}10\u{ad}09"), "2013-10-09");
        assert_eq!(normalize_word("ﬁnansiering"), "finansiering");
        assert_eq!(normalize_word("välfärd"), "välfärd");
    }
}
