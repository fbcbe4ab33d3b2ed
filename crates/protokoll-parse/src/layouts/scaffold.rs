// TEMPLATE: `scripts/new-layout NAME` copies this file, renamed and without these
// TEMPLATE: lines and its tests, as a new layout's start; it is compiled and tested
// TEMPLATE: here so that the copy always compiles.
//! Layout parser `scaffold`: describe the layout here (what marks an item, where the
//! title and presenters stand) and the structure `fit` measures.

use crate::items::{self, candidates, chain, LabelKind};
use crate::view::{self, PLine};
use protokoll_model::{Document, Item, LayoutParser, Word};

/// Items of the `scaffold` layout.
pub struct Scaffold;

/// The words a label may start: here, the whole line.
fn words(l: &PLine) -> &[Word] {
    &l.words
}

impl LayoutParser for Scaffold {
    fn name(&self) -> &'static str {
        "scaffold"
    }

    fn fit(&self, doc: &Document) -> f32 {
        // Measure structure, not wording: a fit above 0.5 wins over numbered headings.
        let lines = view::lines(doc);
        let n = chain(&candidates(&lines, LabelKind::Number, &words)).len();
        if n >= 2 {
            0.4
        } else {
            0.0
        }
    }

    fn items(&self, doc: &Document) -> Vec<Item> {
        let lines = view::lines(doc);
        let labels = chain(&candidates(&lines, LabelKind::Number, &words));
        labels
            .iter()
            .map(|l| {
                items::item(
                    l.number.clone(),
                    String::new(),
                    Vec::new(),
                    String::new(),
                    {
                        // Where the label's line stands: the record's provenance.
                        let mut e = items::Extent::default();
                        if let Some(line) = lines.get(l.line) {
                            e.push(line);
                        }
                        e
                    },
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll_model::{Cell, Line, Page, TextLayer};

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
                lines: vec![line(100.0, "1. Mötets öppnande"), line(120.0, "2. Val")],
                has_page_image: false,
            }],
            text_layer: TextLayer::default(),
            producer: None,
        };
        assert!(Scaffold.fit(&doc) > 0.0);
        let numbers: Vec<String> = Scaffold.items(&doc).into_iter().map(|i| i.number).collect();
        assert_eq!(numbers, ["1", "2"]);
    }
}
