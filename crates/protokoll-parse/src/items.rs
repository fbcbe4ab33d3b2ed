//! What every layout parser shares: item labels ("5.", "§ 12"), the chain of top-level
//! labels, paragraphs, body text and the finished [`Item`].

use crate::decisions::decisions;
use crate::view::{self, PLine};
use protokoll_model::{Item, Word};
use regex::Regex;
use std::sync::LazyLock;

/// Which labels number the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// "5." "5)" "5a."
    Number,
    /// "§ 12" "§12"
    Section,
}

/// An item label found at the start of a line (or of a line's left column).
#[derive(Debug, Clone)]
pub struct Label {
    /// The item number as the contract writes it ("5", "5a", "12").
    pub number: String,
    /// Its numeric value, for sequence checks.
    pub value: u32,
    /// Index of the line in the parser's line list.
    pub line: usize,
    /// Words consumed by the label.
    pub consumed: usize,
    /// Left edge of the label.
    pub x0: f32,
    /// A bare number before a capitalised word ("7 Rapport om …"), as an OCR layer
    /// that lost the full stop gives it: it may continue a chain, never start one.
    pub weak: bool,
}

/// A trailing quote-like mark is OCR noise ("10.‘").
static NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})([a-zA-Z])?([.):,])?['‘’`´]?$").expect("regex"));
static SECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^§\s*(\d{1,4})([a-zA-Z])?[.:]?$").expect("regex"));

/// The label at the start of `words`, if any.
pub fn label_of(
    words: &[Word],
    kind: LabelKind,
    alone_in_cell: bool,
) -> Option<(String, u32, usize)> {
    let first = words.first()?;
    match kind {
        LabelKind::Number => {
            let c = NUM.captures(&first.text)?;
            let value: u32 = c.get(1)?.as_str().parse().ok()?;
            let letter = c.get(2).map_or("", |m| m.as_str());
            // A bare number starts an item only when it stands alone in its cell:
            // "13 juni" in running text is a date, not item 13.
            // So does one followed by a comma, an OCR misreading of the full stop:
            // "12, 13 och 14" in running text is a list.
            let bare = c.get(3).is_none_or(|m| m.as_str() == ",");
            if bare && !(alone_in_cell && words.len() == 1) {
                return None;
            }
            if value == 0 {
                return None;
            }
            Some((format!("{value}{}", letter.to_lowercase()), value, 1))
        }
        LabelKind::Section => {
            if let Some(c) = SECT.captures(&first.text) {
                let value: u32 = c.get(1)?.as_str().parse().ok()?;
                let letter = c.get(2).map_or("", |m| m.as_str());
                return Some((format!("{value}{}", letter.to_lowercase()), value, 1));
            }
            if &*first.text == "§" {
                let c = NUM.captures(&words.get(1)?.text)?;
                let value: u32 = c.get(1)?.as_str().parse().ok()?;
                let letter = c.get(2).map_or("", |m| m.as_str());
                return Some((format!("{value}{}", letter.to_lowercase()), value, 2));
            }
            None
        }
    }
}

/// "7 Rapport": a bare number of one or two digits followed by a capitalised word
/// (not a month: "13 Juni").
fn weak_label(words: &[Word]) -> Option<u32> {
    let first = words.first()?;
    let next = words.get(1)?;
    if first.text.len() > 2 || !first.text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let capital = next.text.chars().next().is_some_and(char::is_uppercase)
        && next.text.chars().all(char::is_alphabetic)
        && next.text.chars().count() >= 3;
    if !capital || crate::dates::month_of(&next.text.to_lowercase()).is_some() {
        return None;
    }
    first.text.parse().ok().filter(|v| *v > 0)
}

/// Labels at line starts. `words_of` picks the words a label may start (the whole line,
/// or a table's left column).
pub fn candidates(
    lines: &[PLine],
    kind: LabelKind,
    words_of: &dyn for<'a> Fn(&'a PLine) -> &'a [Word],
) -> Vec<Label> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let words = words_of(l);
        let alone = l.cell(0).is_some_and(|w| w.len() == 1) || words.len() == 1;
        let x0 = words.first().map_or(0.0, |w| w.bbox.x0);
        if let Some((number, value, consumed)) = label_of(words, kind, alone) {
            out.push(Label {
                number,
                value,
                line: i,
                consumed,
                x0,
                weak: false,
            });
        } else if let Some(value) = (kind == LabelKind::Number)
            .then(|| weak_label(words))
            .flatten()
        {
            out.push(Label {
                number: value.to_string(),
                value,
                line: i,
                consumed: 1,
                x0,
                weak: true,
            });
        }
    }
    out
}

/// The top-level items: the longest chain of labels numbered one after another (one
/// number may be missing at a time: an OCR layer drops some), at the same indentation.
/// A list restarting at 1 inside item 10 cannot continue the chain (it would need 11),
/// and a list indented deeper is off the chain's margin.
pub fn chain(cands: &[Label]) -> Vec<Label> {
    let mut best: Vec<Label> = Vec::new();
    for (s, start) in cands.iter().enumerate().filter(|(_, c)| !c.weak) {
        let mut ch = vec![start.clone()];
        let mut cur = start.value;
        let mut last_number = start.number.clone();
        for c in cands.iter().skip(s + 1) {
            let aligned = (c.x0 - start.x0).abs() <= 15.0;
            let next = c.value == cur + 1
                || (c.value == cur + 2 && !c.weak)
                || (c.value == cur
                    && !c.weak
                    && c.number != last_number
                    && c.number.len() > c.value.to_string().len());
            if aligned && next {
                cur = c.value;
                last_number = c.number.clone();
                ch.push(c.clone());
            }
        }
        if ch.len() > best.len() {
            best = ch;
        }
    }
    best
}

/// Lines that end an item's body before the next label: attendance headings and
/// presence legends (a list of members after the last item is not its text).
pub fn ends_body(line: &str) -> bool {
    crate::attendance::section_of(line).is_some() || crate::attendance::is_legend(line)
}

/// Joins lines into text: a blank line between paragraphs (a vertical gap of about half
/// a line or more), a space inside them; a word broken at the line end is joined.
pub fn body_text<W: AsRef<[Word]>>(parts: &[(Option<&PLine>, W)]) -> String {
    let mut out = String::new();
    let mut prev: Option<&PLine> = None;
    for (line, words) in parts {
        let text = view::join(words.as_ref());
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let para = match (prev, line) {
                (Some(a), Some(b)) => view::gap(a, b) > 0.45,
                _ => false,
            };
            if para {
                out.push_str("\n\n");
            } else if out.ends_with('-')
                && !out.ends_with(" -")
                && text.chars().next().is_some_and(char::is_lowercase)
                && !starts_with_conjunction(&text)
            {
                out.pop();
            } else {
                out.push(' ');
            }
        }
        out.push_str(&text);
        if line.is_some() {
            prev = *line;
        }
    }
    out
}

fn starts_with_conjunction(s: &str) -> bool {
    let w = s.split_whitespace().next().unwrap_or("");
    matches!(w, "och" | "eller" | "samt" | "respektive")
}

/// The finished item.
pub fn item(
    number: String,
    title: String,
    presenters: Vec<String>,
    text: String,
    pages: Vec<u32>,
) -> Item {
    let mut pages = pages;
    pages.sort_unstable();
    pages.dedup();
    let mut uniq: Vec<String> = Vec::new();
    for p in presenters {
        // Abbreviation dots stay ("ordf.", "Maria B."); a sentence's full stop after a
        // full name goes.
        let mut p = p
            .trim()
            .trim_end_matches([',', ':', ';'])
            .trim()
            .to_string();
        let last = p.split_whitespace().last().unwrap_or("");
        if p.ends_with('.') && last.chars().filter(|c| c.is_alphabetic()).count() > 4 {
            p.pop();
        }
        if !p.is_empty() && !uniq.iter().any(|u| u.eq_ignore_ascii_case(&p)) {
            uniq.push(p);
        }
    }
    let text = text.trim().to_string();
    let decisions = decisions(&text);
    Item {
        number,
        title,
        presenters: uniq,
        text,
        decisions,
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word> {
        text.split_whitespace()
            .map(|t| Word {
                text: t.into(),
                ..Word::default()
            })
            .collect()
    }

    fn label(value: u32, line: usize, weak: bool) -> Label {
        Label {
            number: value.to_string(),
            value,
            line,
            consumed: 1,
            x0: 70.0,
            weak,
        }
    }

    fn numbers(ls: &[Label]) -> Vec<u32> {
        ls.iter().map(|l| l.value).collect()
    }

    #[test]
    fn labels_with_ocr_noise() {
        let l = |t: &str| label_of(&words(t), LabelKind::Number, false).map(|x| x.1);
        assert_eq!(l("5. Rapport"), Some(5));
        assert_eq!(l("10.‘ Friskare"), Some(10));
        assert_eq!(l("13 juni"), None);
        assert_eq!(l("12, 13 och 14"), None);
        assert_eq!(
            label_of(&words("12,"), LabelKind::Number, true).map(|x| x.1),
            Some(12)
        );
        assert_eq!(weak_label(&words("7 Rapport om frågan")), Some(7));
        assert_eq!(weak_label(&words("13 Juni")), None);
        assert_eq!(weak_label(&words("2025 Protokoll")), None);
    }

    #[test]
    fn chain_bridges_one_lost_number_and_takes_weak_labels_in_sequence() {
        // 5, 6, weak 7, (8 lost), 9, 10.
        let c = [
            label(5, 0, false),
            label(6, 3, false),
            label(7, 5, true),
            label(9, 8, false),
            label(10, 9, false),
        ];
        assert_eq!(numbers(&chain(&c)), [5, 6, 7, 9, 10]);
        // A weak label never starts a chain, nor jumps a gap.
        let c = [label(3, 0, true), label(4, 1, true), label(6, 2, true)];
        assert!(chain(&c).is_empty());
    }
}
