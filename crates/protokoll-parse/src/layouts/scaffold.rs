// TEMPLATE: `scripts/new-layout NAME` copies this file, renamed and without these
// TEMPLATE: lines and its tests, as a new layout's start; it is compiled and tested
// TEMPLATE: here so that the copy always compiles, and its fixture shows the parser
// TEMPLATE: winning the registry's contest before any change.
//! Layout parser `scaffold`: items headed by capital letters in sequence ("A. Mötets
//! öppnande", "B. Val av justerare"), the title on the letter's line, the body below.
//! Replace this with the structure of the new layout: what marks an item, where the
//! title and presenters stand, and what `fit` measures.

use crate::items::{self, body_text};
use crate::view::{PLine, View};
use crate::LayoutParser;
use protokoll_model::Item;

/// Items of the `scaffold` layout.
pub struct Scaffold;

/// The fit when the structure is there: above the generic parsers' (numbered headings
/// 0.5, "§" paragraphs 0.7), so the layout wins on its own documents.
const FIT: f32 = 0.8;

/// The letter heading line `l`, when its first word is "A." … "Z." (or "A)").
fn letter(l: &PLine) -> Option<char> {
    let first = l.words.first()?;
    let mut chars = first.text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c @ 'A'..='Z'), Some('.' | ')'), None) => Some(c),
        _ => None,
    }
}

/// The item headings: lines whose letters run A, B, C, … with none skipped, and
/// text after the letter (a lone letter is a list mark, not a heading).
fn headings(lines: &[PLine]) -> Vec<(usize, char)> {
    let mut out: Vec<(usize, char)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(c) = letter(l) else { continue };
        let next = out
            .last()
            .map_or(Some('A'), |(_, p)| char::from_u32(*p as u32 + 1));
        if Some(c) == next && l.words.len() > 1 {
            out.push((i, c));
        }
    }
    out
}

impl LayoutParser for Scaffold {
    fn name(&self) -> &'static str {
        "scaffold"
    }

    fn fit(&self, view: &View<'_>) -> f32 {
        // Measure structure, not the wording of one file: two headings in sequence.
        if headings(view.lines()).len() >= 2 {
            FIT
        } else {
            0.0
        }
    }

    fn items(&self, view: &View<'_>) -> Vec<Item> {
        let lines = view.lines();
        let heads = headings(lines);
        let mut out = Vec::new();
        for (k, (at, c)) in heads.iter().enumerate() {
            let end = heads.get(k + 1).map_or(lines.len(), |(n, _)| *n);
            let Some((head, body)) = lines.get(*at..end).and_then(|s| s.split_first()) else {
                continue;
            };
            let title = crate::view::join(head.words.get(1..).unwrap_or(&[]));
            let parts: Vec<_> = body.iter().map(|l| (Some(l), &l.words[..])).collect();
            // Where the item's lines stand: the record's provenance.
            let mut extent = items::Extent::default();
            for l in std::iter::once(head).chain(body) {
                extent.push(l);
            }
            out.push(items::item(
                c.to_string(),
                title,
                Vec::new(),
                body_text(&parts),
                extent,
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll_model::{Cell, Document, Line, Page, TextLayer, Word};

    #[test]
    fn the_scaffold_finds_its_items() {
        let line = |y: f32, text: &str| Line {
            cells: vec![Cell {
                column: 0,
                words: text
                    .split_whitespace()
                    .enumerate()
                    .map(|(i, t)| Word {
                        text: t.into(),
                        bbox: protokoll_model::Rect {
                            x0: 50.0 + 40.0 * i as f32,
                            y0: y,
                            x1: 80.0 + 40.0 * i as f32,
                            y1: y + 10.0,
                        },
                        font_size: 10.0,
                        ..Word::default()
                    })
                    .collect(),
            }],
            ..Line::default()
        };
        let doc = Document {
            pages: vec![Page {
                number: 1,
                width: 595.0,
                height: 842.0,
                lines: vec![
                    line(100.0, "A. Mötets öppnande"),
                    line(120.0, "Ordföranden öppnade mötet."),
                    line(140.0, "B. Val"),
                ],
                has_page_image: false,
            }],
            text_layer: TextLayer::default(),
            producer: None,
        };
        let view = View::new(&doc);
        assert!(Scaffold.fit(&view) > 0.7, "wins over the generic parsers");
        let items = Scaffold.items(&view);
        let numbers: Vec<&str> = items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["A", "B"]);
        assert_eq!(items[0].title, "Mötets öppnande");
        assert_eq!(items[0].text, "Ordföranden öppnade mötet.");
    }
}
