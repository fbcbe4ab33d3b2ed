//! Helpers the repair modules' tests share.

pub(super) use super::evidence::Evidence;
pub(super) use super::memo::Ctx;
use super::rules::repair_token;
pub(super) use crate::lexicon::Lexicon;
pub(super) use protokoll_model::Page;

/// The repair of `word` between `prev` and `next`, if any.
pub(super) fn repaired(word: &str, prev: &str, next: &str) -> Option<String> {
    let lex = Lexicon::swedish().expect("lexicon");
    let seen = Evidence::default();
    let mut ctx = Ctx::new(lex, &seen);
    repair_token(word, Some(prev), Some(next), &mut ctx).map(|r| r.0)
}

pub(super) fn fix(s: &str) -> String {
    repaired(s, "och", "att").unwrap_or_else(|| s.to_string())
}

/// A page of an OCR layer (invisible words), page number 2.
pub(super) fn ocr_page(text: &str) -> Page {
    page_of(text, true)
}

/// A page whose lines are `text`'s, its words `invisible` (an OCR layer) or not.
pub(crate) fn page_of(text: &str, invisible: bool) -> Page {
    use protokoll_model::{Cell, Line, Word};
    let lines = text
        .lines()
        .map(|l| Line {
            cells: vec![Cell {
                column: 0,
                words: l
                    .split_whitespace()
                    .map(|t| Word {
                        text: t.into(),
                        invisible,
                        ..Word::default()
                    })
                    .collect(),
            }],
            ..Line::default()
        })
        .collect();
    Page {
        number: 2,
        lines,
        ..Page::default()
    }
}

pub(super) fn page_text(p: &Page) -> String {
    let words: Vec<&str> = p
        .lines
        .iter()
        .flat_map(|l| l.words())
        .map(|w| &*w.text)
        .collect();
    words.join(" ")
}

pub(super) fn cell(words: &[&str]) -> protokoll_model::Cell {
    protokoll_model::Cell {
        column: 0,
        words: words
            .iter()
            .map(|w| protokoll_model::Word {
                text: (*w).into(),
                ..Default::default()
            })
            .collect(),
    }
}

pub(super) fn line(words: &[&str]) -> protokoll_model::Line {
    protokoll_model::Line {
        cells: vec![cell(words)],
        ..Default::default()
    }
}
