//! Two-column agenda tables, read from the extractor's column regions: each row opens
//! with the item number in the left column. Two layouts share this reading:
//!
//! * [`AgendaTable`]: number and presenters left, title and body right
//!   ("Nummer/ föredragande | Ärende").
//! * [`NotesForm`]: number, heading(s) and presenters left, notes right; a row may carry
//!   several sub-headings, each perhaps with its own "Name:" prefix.
//!
//! Which one a document is follows from the left cells: names only, or headings.

use crate::heading::{clean_title, split_heading};
use crate::items::{self, body_text, chain, LabelKind};
use crate::names::{is_name_word, is_role, leading_people};
use crate::view::{self, PLine, View};
use crate::LayoutParser;
use protokoll_model::{Item, Word};
use std::borrow::Cow;

/// The parsers' geometry thresholds.
const P: crate::params::ParseParams = crate::params::ParseParams::DEFAULT;

/// Agenda table: presenters left, title and body right.
pub struct AgendaTable;
/// Heading/notes form: headings left, notes right.
pub struct NotesForm;

/// A line of a row with its left and right words.
type RowLine<'a> = (&'a PLine<'a>, &'a [Word], &'a [Word]);

struct Row {
    label: items::Label,
    /// (line index, number of words in the left column) for each line of the row.
    lines: Vec<(usize, usize)>,
}

impl Row {
    /// Each line of the row with its left and right words.
    fn cells<'a>(&self, all: &'a [PLine]) -> Vec<RowLine<'a>> {
        self.lines
            .iter()
            .filter_map(|(i, k)| {
                let l = all.get(*i)?;
                let (lw, rw) = l.words.split_at((*k).min(l.words.len()));
                Some((l, lw, rw))
            })
            .collect()
    }
}

/// The table as read once per parse (memoised on the view, so it keeps no lines).
struct Rows {
    rows: Vec<Row>,
    /// Share of rows whose left cell holds only names (after the number).
    names_left: f32,
}

/// The table with the document's lines that its rows index.
struct Table<'a> {
    all: &'a [PLine<'a>],
    rows: &'a [Row],
    names_left: f32,
}

/// The x where the right column starts: the median left edge of the second cell on
/// region lines that open with an item number (other regions, such as a letterhead,
/// have their own gutters).
fn split_x(lines: &[PLine]) -> Option<f32> {
    let mut xs: Vec<f32> = lines
        .iter()
        .filter(|l| l.region.is_some())
        .filter(|l| {
            l.cell(0)
                .is_some_and(|w| items::label_of(w, LabelKind::Number, w.len() == 1).is_some())
        })
        .filter_map(|l| l.cell(1).and_then(|w| w.first()).map(|w| w.bbox.x0))
        .collect();
    if xs.len() < 3 {
        return None;
    }
    xs.sort_by(f32::total_cmp);
    xs.get(xs.len() / 2).map(|x| x - 1.0)
}

fn strip_parens(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell of names only: "ordf.", "Ingmar, Anna", "Cathrin B./Ingmar". A colon inside
/// ("Deepa: Samverkansplanen") or a long compound word marks a heading instead.
fn names_only(s: &str) -> bool {
    let s = strip_parens(s);
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    n > 0
        && words.iter().enumerate().all(|(i, w)| {
            let colon_inside = w.ends_with(':') && i + 1 < n;
            let w = w.trim_end_matches([',', ':']);
            let long = !w.contains('-') && w.chars().count() > 13;
            !colon_inside
                && !long
                && (is_role(w) || is_name_word(w) || crate::words::WORDS.name_joiners.contains(&w))
        })
}

/// Reads the document's agenda table, if it has one, and hands it to `f`.
/// The table is read once per parse: both layouts' fits and the winner's items use it.
fn with_table<T>(view: &View<'_>, f: impl FnOnce(&Table<'_>) -> T) -> Option<T> {
    let all = view.lines();
    let read = view.memo("agenda-table", || {
        split_x(all).and_then(|split| table(all, split))
    });
    read.as_ref().as_ref().map(|r| {
        f(&Table {
            all,
            rows: &r.rows,
            names_left: r.names_left,
        })
    })
}

impl<'a> Table<'a> {
    fn line(&self, i: usize) -> Option<&'a PLine<'a>> {
        self.all.get(i)
    }
}

/// Pins a closure's signature to "borrows from its argument" (inference alone does
/// not give closures that higher-ranked type).
fn borrowing<F: for<'a> Fn(&'a PLine) -> &'a [Word]>(f: F) -> F {
    f
}

/// The line's first words (at most three) left of `split`.
fn left_words<'a>(l: &'a PLine<'_>, split: f32) -> &'a [Word] {
    let n = l
        .words
        .iter()
        .take(3)
        .take_while(|w| view::left_of(w, split))
        .count();
    l.words.get(..n).unwrap_or(&[])
}

/// Where the chain skips a number (5, 7), the row between whose left cell holds only a
/// scrap of one or two characters at the labels' margin, or opens with the number
/// glued to the next word, is the lost number's row: an OCR layer misread "6." there
/// ("a", "6-0rdf:").
fn lost_labels(labels: Vec<items::Label>, lines: &[PLine], split: f32) -> Vec<items::Label> {
    let mut out: Vec<items::Label> = Vec::with_capacity(labels.len());
    for label in labels {
        if let Some(prev) = out.last() {
            if label.value == prev.value + 2 {
                let found = lines
                    .iter()
                    .enumerate()
                    .take(label.line)
                    .skip(prev.line + 1)
                    .find(|(_, l)| {
                        let left: Vec<&Word> =
                            l.words.iter().filter(|w| view::left_of(w, split)).collect();
                        let expected = (prev.value + 1).to_string();
                        // The number glued to what follows ("3-0rdt:" for "3. ordf.").
                        let glued = |t: &str| {
                            t.strip_prefix(expected.as_str())
                                .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
                        };
                        let margin = |w: &Word| (w.bbox.x0 - prev.x0).abs() <= P.label_align;
                        match left.as_slice() {
                            [w] if w.text.chars().count() <= 2 => margin(w) && l.words.len() > 1,
                            [w, ..] => margin(w) && glued(&w.text),
                            [] => false,
                        }
                    });
                if let Some((i, l)) = found {
                    out.push(items::Label {
                        number: (prev.value + 1).to_string(),
                        value: prev.value + 1,
                        line: i,
                        consumed: 1,
                        x0: l.words.first().map_or(prev.x0, |w| w.bbox.x0),
                        weak: true,
                        weight: 1.0,
                        lone: false,
                        prose: false,
                        introduced: false,
                    });
                }
            }
        }
        out.push(label);
    }
    out
}

fn table(lines: &[PLine<'_>], split: f32) -> Option<Rows> {
    // The first few words of the left column: all a label needs.
    let left_of = borrowing(move |l| left_words(l, split));
    let labels = lost_labels(
        chain(&items::candidates(lines, LabelKind::Number, &left_of)),
        lines,
        split,
    );
    // A table of items: most labelled rows have text in the right column.
    let mut rows = Vec::new();
    for (k, label) in labels.iter().enumerate() {
        let end = labels.get(k + 1).map_or(lines.len(), |n| n.line);
        let mut row_lines = Vec::new();
        for (i, l) in lines.iter().enumerate().take(end).skip(label.line) {
            if l.ends_body() {
                break;
            }
            row_lines.push((i, l.split_index(split)));
        }
        rows.push(Row {
            label: label.clone(),
            lines: row_lines,
        });
    }
    // Rows of a table sit in the extractor's column regions; a page of numbered
    // headings merely has text on both sides of some x.
    let in_regions = rows
        .iter()
        .filter(|r| {
            r.lines
                .first()
                .and_then(|(i, _)| lines.get(*i))
                .is_some_and(|l| l.region.is_some())
        })
        .count();
    if in_regions * 10 < rows.len() * 7 {
        return None;
    }
    let cells: Vec<Vec<RowLine<'_>>> = rows.iter().map(|r| r.cells(lines)).collect();
    let with_right = cells
        .iter()
        .filter(|c| c.iter().any(|(_, _, rw)| !rw.is_empty()))
        .count();
    let with_left_text = rows
        .iter()
        .zip(&cells)
        .filter(|(r, c)| {
            c.iter()
                .enumerate()
                .any(|(i, (_, lw, _))| lw.len() > if i == 0 { r.label.consumed } else { 0 })
        })
        .count();
    if rows.len() < 3 || with_right * 10 < rows.len() * 7 || with_left_text * 2 < rows.len() {
        return None;
    }
    // In a table, text stays in its cell: a line whose words run across the split
    // with no gutter is running text below a numbered heading (an OCR layer can make
    // such a heading look like a two-cell row).
    let (mut body_lines, mut across) = (0usize, 0usize);
    for c in &cells {
        for (line, lw, rw) in c.iter().skip(1) {
            let (Some(last), Some(first)) = (lw.last(), rw.first()) else {
                continue;
            };
            body_lines += 1;
            // Compared with the word spacing inside the cells (OCR layers space words
            // widely).
            let mut gaps: Vec<f32> = [lw, rw]
                .iter()
                .flat_map(|ws| ws.windows(2))
                .filter_map(|p| Some(p.get(1)?.bbox.x0 - p.first()?.bbox.x1))
                .collect();
            gaps.sort_by(f32::total_cmp);
            let typical = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
            let gap = first.bbox.x0 - last.bbox.x1;
            if gap < P.across_gap * line.size() || gap <= P.across_typical * typical {
                across += 1;
            }
        }
    }
    if across * 10 > body_lines * 3 {
        return None;
    }
    let names = rows
        .iter()
        .zip(&cells)
        .filter(|(r, c)| {
            let left: Vec<String> = c
                .iter()
                .enumerate()
                .map(|(i, (_, lw, _))| {
                    let skip = if i == 0 { r.label.consumed } else { 0 };
                    view::join(lw.get(skip..).unwrap_or(&[]))
                })
                .collect();
            let s = left.join(" ");
            s.trim().is_empty() || names_only(&s)
        })
        .count();
    let names_left = names as f32 / rows.len().max(1) as f32;
    Some(Rows { rows, names_left })
}

/// Lines of one column of a row, each with its words in that column.
type Para<'a> = Vec<(&'a PLine<'a>, &'a [Word])>;

/// A column's lines grouped into paragraphs: a vertical gap of half a line, a bullet,
/// or a new capitalised line after one that did not run on, starts a paragraph.
fn paragraphs<'a>(col: &[(&'a PLine, &'a [Word])], headings: bool) -> Vec<Para<'a>> {
    let mut out: Vec<Para<'a>> = Vec::new();
    let mut prev: Option<(&PLine, &[Word], String)> = None;
    for &(l, w) in col {
        if w.is_empty() {
            continue;
        }
        let text = view::join(w);
        let new_para = match prev {
            None => true,
            Some((pl, pw, ref prev_text)) => {
                let gap = if pl.page == l.page {
                    let y1 = pw.iter().map(|x| x.bbox.y1).fold(f32::MIN, f32::max);
                    let y0 = w.iter().map(|x| x.bbox.y0).fold(f32::MAX, f32::min);
                    (y0 - y1) / l.size()
                } else {
                    1.0
                };
                let bullet = is_bullet(&text);
                let runs_on = prev_text.ends_with(['-', '–', ','])
                    || prev_text.split_whitespace().last().is_some_and(|x| {
                        matches!(
                            x,
                            "för"
                                | "och"
                                | "av"
                                | "i"
                                | "på"
                                | "till"
                                | "med"
                                | "om"
                                | "kring"
                                | "inom"
                                | "samt"
                                | "från"
                                | "vid"
                                | "mot"
                        )
                    });
                let capital = text.chars().next().is_some_and(char::is_uppercase);
                gap > P.paragraph_gap || bullet || (headings && capital && !runs_on)
            }
        };
        if new_para {
            out.push(Vec::new());
        }
        if let Some(p) = out.last_mut() {
            p.push((l, w));
        }
        prev = Some((l, w, text));
    }
    out
}

fn para_text(p: &[(&PLine, &[Word])]) -> String {
    let parts: Vec<(Option<&PLine>, &[Word])> = p.iter().map(|&(l, w)| (Some(l), w)).collect();
    body_text(&parts).replace("\n\n", " ")
}

/// A sentence that describes rather than heads: it ends with a full stop and has more
/// than three words.
fn descriptive(t: &str) -> bool {
    t.trim_end().ends_with('.') && t.split_whitespace().count() > 3
}

fn is_bullet(t: &str) -> bool {
    t.starts_with("- ") || t.starts_with("• ") || t.starts_with("– ")
}

/// Sub-headings as one title ("A; B; C"), their presenters added to `presenters`; and
/// how many paragraphs they took.
fn sub_headings(heads: &[String], presenters: &mut Vec<String>) -> (String, usize) {
    let titles: Vec<String> = heads
        .iter()
        .map(|t| {
            let h = split_heading(strip_bullet(t));
            presenters.extend(h.presenters);
            h.title
        })
        .filter(|t| !t.is_empty())
        .collect();
    (titles.join("; "), heads.len())
}

fn strip_bullet(s: &str) -> &str {
    s.trim_start_matches(['-', '•', '–', ' '])
}

/// Left column (after the label) and right column of a row.
fn columns<'a>(t: &'a Table, row: &Row) -> (Para<'a>, Para<'a>) {
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (i, (l, lw, rw)) in row.cells(t.all).into_iter().enumerate() {
        let skip = if i == 0 { row.label.consumed } else { 0 };
        left.push((l, lw.get(skip..).unwrap_or(&[])));
        right.push((l, rw));
    }
    (left, right)
}

/// Where a row's lines stand.
fn extent(t: &Table, row: &Row) -> items::Extent {
    let mut e = items::Extent::default();
    for l in row.lines.iter().filter_map(|(i, _)| t.line(*i)) {
        e.push(l);
    }
    e
}

impl LayoutParser for AgendaTable {
    fn name(&self) -> &'static str {
        "agenda-table"
    }
    fn fit(&self, view: &View<'_>) -> f32 {
        with_table(view, |t| 0.9 * t.names_left).unwrap_or(0.0)
    }
    fn items(&self, view: &View<'_>) -> Vec<Item> {
        with_table(view, |t| t.rows.iter().map(|r| agenda_row(t, r)).collect()).unwrap_or_default()
    }
}

/// An agenda-table row: presenters from the left cell, title and body from the right.
fn agenda_row(t: &Table, row: &Row) -> Item {
    let (left, right) = columns(t, row);
    let mut presenters = Vec::new();
    for p in paragraphs(&left, false) {
        let s = strip_parens(&para_text(&p));
        presenters.extend(leading_people(&s, true).0);
    }
    let paras = paragraphs(&right, false);
    let mut title = String::new();
    let mut body: Vec<(Option<&PLine>, Cow<'_, [Word]>)> = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        if k == 0 {
            // The title: the bold lead of the first paragraph, else its
            // first line when the paragraph runs long, else all of it.
            let words: Vec<Word> = p.iter().flat_map(|(_, w)| w.iter().cloned()).collect();
            let bold: Vec<Word> = words.iter().take_while(|w| w.bold).cloned().collect();
            let take = if !bold.is_empty() && bold.len() < words.len() {
                bold.len()
            } else if p.len() > 2 {
                p.first().map_or(0, |(_, w)| w.len())
            } else {
                words.len()
            };
            title = clean_title(&view::join(
                words.get(..take.min(words.len())).unwrap_or(&[]),
            ));
            let rest: Vec<Word> = words.into_iter().skip(take).collect();
            if !rest.is_empty() {
                body.push((p.first().map(|(l, _)| *l), Cow::Owned(rest)));
            }
        } else {
            body.extend(p.iter().map(|(l, w)| (Some(*l), Cow::Borrowed(*w))));
        }
    }
    items::item(
        row.label.number.clone(),
        title,
        presenters,
        body_text(&body),
        extent(t, row),
    )
}

impl LayoutParser for NotesForm {
    fn name(&self) -> &'static str {
        "notes-form"
    }
    fn fit(&self, view: &View<'_>) -> f32 {
        with_table(view, |t| 0.9 * (1.0 - t.names_left)).unwrap_or(0.0)
    }
    fn items(&self, view: &View<'_>) -> Vec<Item> {
        with_table(view, |t| t.rows.iter().map(|r| notes_row(t, r)).collect()).unwrap_or_default()
    }
}

/// A heading/notes row: number, heading(s) and presenters left, notes right.
fn notes_row(t: &Table, row: &Row) -> Item {
    let (left, right) = columns(t, row);

    let mut paras = paragraphs(&left, true);
    // A heading broken after a dash ("Name, Org. -" / "Title") is one paragraph.
    let mut k = 0;
    while k + 1 < paras.len() {
        let ends_dash = paras
            .get(k)
            .map(|p| para_text(p))
            .is_some_and(|t| t.ends_with(" -") || t.ends_with(" –"));
        if ends_dash {
            let next = paras.remove(k + 1);
            if let Some(p) = paras.get_mut(k) {
                p.extend(next);
            }
        } else {
            k += 1;
        }
    }
    let texts: Vec<String> = paras.iter().map(|p| para_text(p)).collect();
    let on_label_line = row
        .lines
        .first()
        .is_some_and(|(_, k)| *k > row.label.consumed);
    let mut presenters: Vec<String> = Vec::new();
    let mut title = String::new();
    let mut used = 0;
    if on_label_line {
        let first = texts.first().cloned().unwrap_or_default();
        if names_only(&first) {
            presenters.extend(leading_people(&strip_parens(&first), true).0);
            if let Some(next) = texts.get(1) {
                let h = split_heading(strip_bullet(next));
                presenters.extend(h.presenters);
                title = h.title;
                used = 2;
            }
        } else if is_bullet(&first) {
            // A bulleted heading beside the number with bulleted siblings below it: the
            // row's sub-headings, together the title.
            let n = 1 + texts
                .iter()
                .skip(1)
                .take_while(|t| is_bullet(t) && !descriptive(t))
                .count();
            (title, used) = sub_headings(texts.get(..n).unwrap_or(&[]), &mut presenters);
        } else {
            let h = split_heading(strip_bullet(&first));
            presenters.extend(h.presenters);
            title = h.title;
            used = 1;
        }
    } else {
        // No heading beside the number: the sub-points together are the title
        // (descriptive sentences below them are not headings).
        let n = texts.iter().take_while(|t| !descriptive(t)).count();
        (title, used) = sub_headings(texts.get(..n).unwrap_or(&[]), &mut presenters);
    }
    // Sub-points below the heading name their presenters as "Name: …".
    let mut extra: Vec<(Option<&PLine>, Cow<'_, [Word]>)> = Vec::new();
    for (k, p) in paras.iter().enumerate().skip(used) {
        let t = texts.get(k).cloned().unwrap_or_default();
        let (people, rest) = leading_people(strip_bullet(&t), false);
        if !people.is_empty()
            && t.len() > rest.len()
            && t.get(..t.len() - rest.len())
                .is_some_and(|h| h.trim_end().ends_with(':'))
        {
            presenters.extend(people);
        }
        extra.extend(p.iter().map(|(l, w)| (Some(*l), Cow::Borrowed(*w))));
    }
    let mut body: Vec<(Option<&PLine>, Cow<'_, [Word]>)> = right
        .iter()
        .map(|(l, w)| (Some(*l), Cow::Borrowed(*w)))
        .collect();
    body.extend(extra);
    items::item(
        row.label.number.clone(),
        title,
        presenters,
        body_text(&body),
        extent(t, row),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{label, line};

    #[test]
    fn a_scrap_in_the_left_cell_is_the_lost_number() {
        let lines = vec![
            line(100.0, &[("10.", 50.0), ("Våld", 150.0)]),
            line(120.0, &[("text", 150.0)]),
            line(140.0, &[("a", 52.0), ("Barnet", 150.0)]),
            line(160.0, &[("12.", 50.0), ("Länsdelar", 150.0)]),
        ];
        let got = lost_labels(vec![label(10, 0), label(12, 3)], &lines, 120.0);
        let found: Vec<(u32, usize)> = got.iter().map(|l| (l.value, l.line)).collect();
        assert_eq!(found, [(10, 0), (11, 2), (12, 3)]);
        // Without a scrap at the margin, the gap stays.
        let plain = vec![
            line(100.0, &[("10.", 50.0), ("Våld", 150.0)]),
            line(120.0, &[("text", 150.0)]),
            line(160.0, &[("12.", 50.0), ("Länsdelar", 150.0)]),
        ];
        assert_eq!(
            lost_labels(vec![label(10, 0), label(12, 2)], &plain, 120.0).len(),
            2
        );
    }
}
