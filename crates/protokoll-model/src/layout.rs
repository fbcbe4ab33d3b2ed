//! Pages of positioned text: the boundary between extraction and everything after it.
//!
//! Coordinates are PDF points with the origin at the top-left of the page and y growing
//! downwards (so reading order is ascending y), whatever the PDF's own CTM was.

/// An axis-aligned rectangle, top-left origin.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rect {
    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
    /// Width.
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    /// Height.
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
}

/// Where a document's text came from: one type for the document and for the record's
/// `source.text_layer` (serialized in the contract's spelling; the schema keeps the
/// name it has always had, `TextLayerKind`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "TextLayerKind")]
pub enum TextLayer {
    /// Text drawn with visible fonts (born-digital).
    Native,
    /// An invisible text layer over page images (OCR done by someone else).
    OcrLayer,
    /// Text recognised by our own OCR run.
    OcrEngine,
    /// Pages of different kinds.
    Mixed,
    /// No text at all.
    #[default]
    None,
}

impl TextLayer {
    /// The contract's spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            TextLayer::Native => "native",
            TextLayer::OcrLayer => "ocr_layer",
            TextLayer::OcrEngine => "ocr_engine",
            TextLayer::Mixed => "mixed",
            TextLayer::None => "none",
        }
    }
}

/// One word: text with its box and flags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Word {
    /// The word's text (NFC after the text stage).
    pub text: std::sync::Arc<str>,
    /// Its box.
    pub bbox: Rect,
    /// Font size in points (after the text matrix and CTM).
    pub font_size: f32,
    /// Drawn with a bold font.
    pub bold: bool,
    /// A horizontal rule crosses it at mid-height (strike-through).
    pub struck: bool,
    /// Drawn invisibly (render mode 3): an OCR text layer.
    pub invisible: bool,
    /// The OCR engine's confidence in the word, 0-1, where our own OCR read it.
    pub confidence: Option<f32>,
}

/// A run of words in one column of a line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Column index within the line's table region (0 = leftmost); 0 for plain text.
    pub column: usize,
    /// Words left to right.
    pub words: Vec<Word>,
}

impl Cell {
    /// The cell's text, words joined by single spaces.
    pub fn text(&self) -> String {
        join_words(&self.words)
    }
    /// The cell's box.
    pub fn bbox(&self) -> Rect {
        bbox_of(&self.words)
    }
}

/// One line of text: words sharing a baseline, split into cells at column gutters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Cells left to right; a line outside tables has one.
    pub cells: Vec<Cell>,
    /// Lines with the same `Some(region)` belong to one multi-column region (a table or
    /// a two-column layout) and are read column by column within a row.
    pub region: Option<u32>,
    /// Lines with the same `Some(row)` inside a region form one table row.
    pub row: Option<u32>,
    /// Repeats at the same place on most pages (header, footer, page number).
    pub furniture: bool,
}

impl Line {
    /// All words of the line, left to right.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.cells.iter().flat_map(|c| c.words.iter())
    }
    /// The line's text, cells joined by a single space.
    pub fn text(&self) -> String {
        // Sized once: parsers build every line's text.
        let mut s = String::with_capacity(self.words().map(|w| w.text.len() + 1).sum());
        for (k, c) in self.cells.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            push_words(&mut s, &c.words);
        }
        s
    }
    /// The line's box.
    pub fn bbox(&self) -> Rect {
        let words: Vec<Word> = self.words().cloned().collect();
        bbox_of(&words)
    }
    /// The text of the cell in `column`, if any.
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.column == column)
    }
}

/// One page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Lines top to bottom (within a region: by row, then by position).
    pub lines: Vec<Line>,
    /// The page carries an image covering most of it (a scan).
    pub has_page_image: bool,
}

/// An extracted document: the only thing later stages see of a PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Pages in order.
    pub pages: Vec<Page>,
    /// Where the text came from.
    pub text_layer: TextLayer,
    /// The PDF's /Producer, if any.
    pub producer: Option<String>,
}

fn join_words(words: &[Word]) -> String {
    let mut s = String::with_capacity(words.iter().map(|w| w.text.len() + 1).sum());
    push_words(&mut s, words);
    s
}

/// Appends `words` joined by single spaces (an empty word adds no space).
fn push_words(s: &mut String, words: &[Word]) {
    let mut any = false;
    for w in words {
        if any {
            s.push(' ');
        }
        any |= !w.text.is_empty();
        s.push_str(&w.text);
    }
}

fn bbox_of(words: &[Word]) -> Rect {
    let mut it = words.iter();
    match it.next() {
        None => Rect::default(),
        Some(first) => it.fold(first.bbox, |acc, w| acc.union(&w.bbox)),
    }
}

impl Document {
    /// The document as plain text in reading order: within a table row each column's
    /// lines are read in turn, left before right; furniture lines that repeat are printed
    /// once, at the end; pages are separated by a form feed.
    pub fn to_text(&self) -> String {
        // Written straight into one string (no line's text built apart), sized first
        // (a word's length is in its pointer): `extract` prints a large text file this
        // way, and growing the string by doubling would copy it and touch twice the memory.
        let size = self.pages.iter().flat_map(|p| &p.lines);
        let size: usize = size
            .map(|l| l.words().map(|w| w.text.len() + 1).sum::<usize>() + 1)
            .sum();
        let mut out = String::with_capacity(size + self.pages.len());
        let mut furniture = Furniture::default();
        for (i, page) in self.pages.iter().enumerate() {
            if i > 0 {
                out.push('\u{c}');
            }
            for group in row_groups(&page.lines) {
                let max_col = group
                    .iter()
                    .flat_map(|l| l.cells.iter().map(|c| c.column))
                    .max()
                    .unwrap_or(0);
                // As `reading_blocks` reads them: a table row column by column.
                if group.len() == 1 || max_col == 0 {
                    for l in group {
                        furniture.text_line(&mut out, &l.cells, l.furniture);
                    }
                } else {
                    for col in 0..=max_col {
                        for l in group {
                            if let Some(c) = l.cell(col) {
                                let cells = std::slice::from_ref(c);
                                furniture.text_line(&mut out, cells, l.furniture);
                            }
                        }
                    }
                }
            }
        }
        if !furniture.text.is_empty() {
            out.push('\n');
            out.push_str(&furniture.text);
        }
        out
    }
}

/// The furniture of [`Document::to_text`]: its lines, printed at the end, and the words
/// printed so far with where they stood.
#[derive(Default)]
struct Furniture<'a> {
    text: String,
    seen: Vec<(&'a str, f32, f32)>,
}

impl<'a> Furniture<'a> {
    /// Writes one reading-ordered line (`cells`, joined by single spaces) to `out`, or,
    /// for furniture, the words not printed before at about the same place to the
    /// furniture lines.
    fn text_line(&mut self, out: &mut String, cells: &'a [Cell], furniture: bool) {
        if !furniture {
            for (k, c) in cells.iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                push_words(out, &c.words);
            }
            out.push('\n');
            return;
        }
        // A furniture word already printed at about the same place is a repeat.
        let mut fresh = Vec::new();
        for w in cells.iter().flat_map(|c| c.words.iter()) {
            let dup = self.seen.iter().any(|(t, x, y)| {
                *t == &*w.text && (x - w.bbox.x0).abs() < 12.0 && (y - w.bbox.y1).abs() < 12.0
            });
            if !dup {
                self.seen.push((&*w.text, w.bbox.x0, w.bbox.y1));
                fresh.push(&*w.text);
            }
        }
        if !fresh.is_empty() {
            self.text.push_str(&fresh.join(" "));
            self.text.push('\n');
        }
    }
}

/// A line of reading-ordered text: for table rows, one column's slice of a line.
pub struct TextLine<'a> {
    /// The text.
    pub text: String,
    /// Whether the source line is page furniture.
    pub furniture: bool,
    /// The cells this text came from.
    pub cells: Vec<&'a Cell>,
}

/// Groups lines into reading blocks: a table row (lines sharing `region` and `row`) is
/// read column by column; other lines one by one.
pub fn reading_blocks(lines: &[Line]) -> Vec<Vec<TextLine<'_>>> {
    let mut blocks = Vec::new();
    for group in row_groups(lines) {
        let max_col = group
            .iter()
            .flat_map(|l| l.cells.iter().map(|c| c.column))
            .max()
            .unwrap_or(0);
        let mut block = Vec::new();
        if group.len() == 1 || max_col == 0 {
            for l in group {
                block.push(TextLine {
                    text: l.text(),
                    furniture: l.furniture,
                    cells: l.cells.iter().collect(),
                });
            }
        } else {
            for col in 0..=max_col {
                for l in group {
                    if let Some(c) = l.cell(col) {
                        block.push(TextLine {
                            text: c.text(),
                            furniture: l.furniture,
                            cells: vec![c],
                        });
                    }
                }
            }
        }
        blocks.push(block);
    }
    blocks
}

/// The lines in groups: a table row (consecutive lines sharing `region` and `row`) is
/// one group, any other line a group of its own.
pub fn row_groups(lines: &[Line]) -> impl Iterator<Item = &[Line]> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let line = lines.get(i)?;
        let key = (line.region, line.row);
        let mut j = i + 1;
        if key.0.is_some() && key.1.is_some() {
            while lines.get(j).is_some_and(|l| (l.region, l.row) == key) {
                j += 1;
            }
        }
        let group = lines.get(i..j);
        i = j;
        group
    })
}
