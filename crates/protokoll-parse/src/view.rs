//! A parser's view of a document: its non-furniture lines in reading order, each
//! with page, geometry, boldness and the words, plus helpers for columns.

use protokoll_model::{Document, Word};
use std::any::Any;
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// The thresholds the view reads with.
const P: crate::params::ParseParams = crate::params::ParseParams::DEFAULT;

/// One line as the parsers see it.
#[derive(Debug, Clone)]
pub struct PLine<'d> {
    /// 1-based page.
    pub page: u32,
    /// Words left to right (all cells): the document's own where the line is one cell
    /// taken as extracted (most lines), a copy where cells were joined or split.
    pub words: Cow<'d, [Word]>,
    /// Cells as the extractor split them: (column index, range of `words`).
    cells: Cells,
    /// Inside a multi-column region.
    pub region: Option<(u32, u32)>,
    /// Per-line readings that several layouts ask for, made once on first use.
    cache: LineCache,
}

/// What a line's words give that more than one layout needs: computed on first use,
/// as a layout's fit, the winner's items and attendance may all ask.
#[derive(Debug, Clone, Default)]
struct LineCache {
    /// The line's text ([`join`] of its words).
    text: std::cell::OnceCell<String>,
    /// The line ends an item's body ([`crate::items::ends_body`]).
    ends_body: std::cell::OnceCell<bool>,
    /// The line's type size ([`PLine::size`]).
    size: std::cell::OnceCell<f32>,
}

/// A line's cells: most lines have one, which needs no list of its own.
#[derive(Debug, Clone)]
enum Cells {
    One([(usize, std::ops::Range<usize>); 1]),
    Many(Vec<(usize, std::ops::Range<usize>)>),
}

impl Cells {
    fn as_slice(&self) -> &[(usize, std::ops::Range<usize>)] {
        match self {
            Cells::One(c) => c,
            Cells::Many(v) => v,
        }
    }
}

impl PLine<'_> {
    /// A line of one cell (tests build lines this way).
    #[cfg(test)]
    pub fn of_words(page: u32, words: Vec<Word>) -> PLine<'static> {
        let cells = Cells::One([(0, 0..words.len())]);
        PLine {
            page,
            words: words.into(),
            cells,
            region: None,
            cache: LineCache::default(),
        }
    }
    /// The cells: (column index, words).
    pub fn cells(&self) -> impl Iterator<Item = (usize, &[Word])> {
        self.cells
            .as_slice()
            .iter()
            .map(|(c, r)| (*c, self.words.get(r.clone()).unwrap_or(&[])))
    }
    /// The `i`-th cell's words.
    pub fn cell(&self, i: usize) -> Option<&[Word]> {
        self.cells
            .as_slice()
            .get(i)
            .and_then(|(_, r)| self.words.get(r.clone()))
    }
    /// The label of a "label ⟶ value" line on a form without rules ("**Beslutande**
    /// ⟶ Linda Espeving (M)", see `tab_label`) if it has at most `max_words` words;
    /// with cells split by the extractor, the first cell of several.
    pub fn lead(&self, max_words: usize) -> Option<&[Word]> {
        if self.cells.as_slice().len() > 1 {
            return self.cell(0);
        }
        tab_label(&self.words).filter(|l| l.len() <= max_words)
    }
    /// The line's text.
    pub fn text(&self) -> String {
        self.text_ref().to_string()
    }
    /// The line's text, joined once.
    pub(crate) fn text_ref(&self) -> &str {
        self.cache.text.get_or_init(|| join(&self.words))
    }
    /// The line ends an item's body ([`crate::items::ends_body`]), read once: every
    /// layout asks it of the lines it reads.
    pub(crate) fn ends_body(&self) -> bool {
        *self
            .cache
            .ends_body
            .get_or_init(|| crate::items::ends_body(self.text_ref()))
    }
    /// Top edge.
    pub fn y0(&self) -> f32 {
        self.words
            .iter()
            .map(|w| w.bbox.y0)
            .fold(f32::MAX, f32::min)
    }
    /// Bottom edge.
    pub fn y1(&self) -> f32 {
        self.words
            .iter()
            .map(|w| w.bbox.y1)
            .fold(f32::MIN, f32::max)
    }
    /// Typical font size.
    pub fn size(&self) -> f32 {
        *self.cache.size.get_or_init(|| {
            self.words
                .iter()
                .map(|w| w.font_size)
                .fold(0.0, f32::max)
                .max(1.0)
        })
    }
    /// Share of characters drawn bold.
    pub fn bold_share(&self) -> f32 {
        let (b, n) = self.words.iter().fold((0usize, 0usize), |(b, n), w| {
            let c = w.text.chars().count();
            (b + if w.bold { c } else { 0 }, n + c)
        });
        if n == 0 {
            0.0
        } else {
            b as f32 / n as f32
        }
    }
    /// Where the line divides at `split`: the number of words left of it. Where the
    /// extractor found a cell that starts near `split`, its boundary decides (a row
    /// whose right cell starts a little left of the table's usual column keeps its
    /// first word there).
    pub fn split_index(&self, split: f32) -> usize {
        let boundary = self
            .cells
            .as_slice()
            .iter()
            .skip(1)
            .filter_map(|(_, r)| Some((r.start, self.words.get(r.start)?.bbox.x0)))
            .filter(|(_, x0)| (x0 - split).abs() < P.cell_split_reach)
            .min_by(|a, b| (a.1 - split).abs().total_cmp(&(b.1 - split).abs()));
        if let Some((at, _)) = boundary {
            return at.min(self.words.len());
        }
        self.words.iter().take_while(|w| left_of(w, split)).count()
    }
}

/// The word stands in the column left of `split` (the right column's usual left edge):
/// it lies mostly left of it and does not start within a few points of it, where only
/// right-column words start (a skewed scan moves that edge a little down the page).
pub fn left_of(w: &Word, split: f32) -> bool {
    (w.bbox.x0 + w.bbox.x1) / 2.0 < split && w.bbox.x0 < split - P.split_margin
}

/// The gap between two words on a line is a tab stop.
fn tab_gap(a: &Word, b: &Word) -> bool {
    a.font_size > 0.0 && b.bbox.x0 - a.bbox.x1 > P.tab_gap_em * a.font_size
}

/// The line has a tab stop (most do not: tested before anything is allocated).
fn has_tab(words: &[Word]) -> bool {
    words
        .windows(2)
        .any(|p| matches!(p, [a, b] if tab_gap(a, b)))
}

/// A line's words split at its tab stops (gaps wider than `ParseParams::tab_gap_em` ems).
pub(crate) fn tab_segments(words: &[Word]) -> Vec<&[Word]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, pair) in words.windows(2).enumerate() {
        if let [a, b] = pair {
            if tab_gap(a, b) {
                out.extend(words.get(start..=i));
                start = i + 1;
            }
        }
    }
    out.extend(words.get(start..).filter(|w| !w.is_empty()));
    out
}

/// The label before a line's first tab stop, when it is set apart as one: bold before
/// a value that is not, or ending in a colon ("**Beslutande** ⟶ Linda Espeving (M)").
/// A row of a table of people without rules ("Ledamot ⟶ Ajla Ćano") has none.
pub fn tab_label(words: &[Word]) -> Option<&[Word]> {
    if !has_tab(words) {
        return None;
    }
    let segs = tab_segments(words);
    let (first, rest) = segs.split_first()?;
    let bold = |s: &[Word]| s.iter().all(|w| w.bold);
    let marked = bold(first) && rest.iter().any(|s| !bold(s))
        || first.last().is_some_and(|w| w.text.ends_with(':'));
    (marked && !rest.is_empty()).then_some(*first)
}

/// The words before a line's first tab stop, when the line has one and words after it
/// ("Närvarande ⟶ Margareta Johansson Indal"): a label column whatever its type.
pub fn before_tab(words: &[Word]) -> Option<&[Word]> {
    if !has_tab(words) {
        return None;
    }
    let segs = tab_segments(words);
    (segs.len() > 1).then(|| segs.first().copied()).flatten()
}

/// A line of people's names set apart by tab stops or table columns, as signatures and
/// lists of adjusters stand ("Ingbritt Johansson ⟶ Marcus Wallin", a grid of six
/// signatures under "Justeras:"): the names joined by commas, so that they read as two
/// people, not one of four names.
fn names_apart<C: std::borrow::Borrow<protokoll_model::Cell>>(cells: &[C]) -> Option<String> {
    // Asked of every line: most have one cell without a tab stop (tested before
    // anything is allocated).
    if cells.len() < 2 && !cells.iter().any(|c| has_tab(&c.borrow().words)) {
        return None;
    }
    let cells: Vec<&[Word]> = cells.iter().map(|c| c.borrow().words.as_slice()).collect();
    let segs: Vec<&[Word]> = cells.into_iter().flat_map(tab_segments).collect();
    (segs.len() > 1 && segs.iter().all(|s| person(s)))
        .then(|| segs.iter().map(|s| join(s)).collect::<Vec<_>>().join(", "))
}

/// A line of a list set in columns without a table ("Göran Söderberg ordf ⟶ Kenneth
/// Lindblad"): its tab segments when there are two or more and each opens with a
/// person's name (two name words) and holds at most a short role after it.
pub(crate) fn names_in_columns(words: &[Word]) -> Option<Vec<&[Word]>> {
    if !has_tab(words) {
        return None;
    }
    let segs = tab_segments(words);
    let named = |s: &&[Word]| {
        s.len() <= COLUMN_ENTRY_WORDS
            && s.get(..2).is_some_and(|n| {
                n.iter()
                    .all(|w| crate::names::is_name_word(w.text.trim_end_matches(',')))
            })
    };
    (segs.len() > 1 && segs.iter().all(named)).then_some(segs)
}

/// A list's heading, if the line has one, and the line's columns of names.
pub(crate) type HeadedColumns<'a> = (Option<&'a [Word]>, Vec<&'a [Word]>);

/// A line of names in columns ([`names_in_columns`]), with the list's heading before
/// them when `heading` says its first segment is one ("Närvarande: ⟶ Göran Söderberg
/// ordf ⟶ Kenneth Lindblad").
pub(crate) fn headed_columns(
    words: &[Word],
    heading: impl Fn(&[Word]) -> bool,
) -> Option<HeadedColumns<'_>> {
    if let Some(segs) = names_in_columns(words) {
        return Some((None, segs));
    }
    let head = before_tab(words).filter(|h| heading(h))?;
    let segs = names_in_columns(words.get(head.len()..)?)?;
    Some((Some(head), segs))
}

/// Most words of one entry in a list set in columns: a name and a short role.
const COLUMN_ENTRY_WORDS: usize = 5;

/// The words are a person's name: two to four name words.
pub(crate) fn person(words: &[Word]) -> bool {
    (2..=4).contains(&words.len()) && words.iter().all(|w| crate::names::is_name_word(&w.text))
}

/// "Label: value" fields from a label and the words of its value, which may hold
/// further fields, each a bold label before a value that is not ("Socialförvaltningen,
/// Alingsås **Paragrafer** §§34-39" → "Plats och tid: Socialförvaltningen, Alingsås",
/// "Paragrafer: §§34-39").
fn fields(label: String, value: &[Word]) -> Vec<String> {
    // (label, where its value starts in `value`); a value runs to the next label.
    let mut labels: Vec<(String, usize, usize)> = vec![(label, 0, 0)];
    let mut i = 0;
    while i < value.len() {
        let run = value
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|w| w.bold)
            .count();
        let after = value.get(i + run).is_some_and(|w| !w.bold);
        match value.get(i..i + run).filter(|r| is_label_cell(r)) {
            Some(r) if run > 0 && after && i > 0 => {
                if let Some(last) = labels.last_mut() {
                    last.2 = i;
                }
                labels.push((join(r), i + run, i + run));
                i += run;
            }
            _ => i += 1,
        }
    }
    if let Some(last) = labels.last_mut() {
        last.2 = value.len();
    }
    labels
        .into_iter()
        .map(|(label, from, to)| format!("{label}: {}", join(value.get(from..to).unwrap_or(&[]))))
        .collect()
}

/// A form line laid out with tab stops and no rules ("**Plats och tid** ⟶
/// Alströmerteatern, ⟶ **Paragrafer** §116"), as its "Label: value" fields (see
/// [`fields`]), with the x where the value starts (its wrapped lines start there too).
fn tab_fields(words: &[Word]) -> Option<(Vec<String>, f32)> {
    let label = tab_label(words)?;
    if !is_label_cell(label) || label.iter().any(|w| !w.bold) {
        return None;
    }
    let value = words.get(label.len()..)?;
    let x = value.first()?.bbox.x0;
    Some((fields(join(label), value), x))
}

/// Where a place or time value read from a form may run on: its index in the output
/// and the x its lines start at.
type RunsOn = Option<(usize, f32)>;

/// A reading block of tab-stop form lines (see [`tab_fields`]), each field as "Label:
/// value"; a line that starts at a place or time value's x continues it. False when
/// the block is neither.
fn push_tab_form(
    texts: &mut [&mut protokoll_model::layout::TextLine<'_>],
    out: &mut Vec<String>,
    runs_on: &mut RunsOn,
) -> bool {
    fn single<'a>(t: &'a protokoll_model::layout::TextLine<'_>) -> Option<&'a [Word]> {
        match t.cells.as_slice() {
            [c] => Some(c.words.as_slice()),
            _ => None,
        }
    }
    let continues = |t: &protokoll_model::layout::TextLine<'_>, on: &RunsOn| {
        let first = single(t).and_then(<[Word]>::first);
        matches!((on, first), (Some((_, x)), Some(w)) if (w.bbox.x0 - x).abs() < P.field_align)
    };
    // Each line's fields, read once.
    let read: Vec<_> = texts
        .iter()
        .map(|t| single(t).and_then(tab_fields))
        .collect();
    if read.iter().all(Option::is_none) && !texts.iter().any(|t| continues(t, runs_on)) {
        *runs_on = None;
        return false;
    }
    for (t, read) in texts.iter_mut().zip(read) {
        if let Some((fields, x)) = read {
            let place_or_time = fields.first().is_some_and(|f| {
                let label = f.split(':').next().unwrap_or("").to_lowercase();
                crate::meta::is_place_or_time_label(&label)
            });
            *runs_on = place_or_time.then_some((out.len(), x));
            out.extend(fields);
        } else if continues(t, runs_on) {
            if let Some(v) = runs_on.and_then(|(i, _)| out.get_mut(i)) {
                v.push(' ');
                v.push_str(&t.text);
            }
        } else {
            *runs_on = None;
            out.push(std::mem::take(&mut t.text));
        }
    }
    true
}

/// A list's bullets.
/// List bullets, with the private-use code points that Word's Symbol and Wingdings
/// bullets keep when a PDF maps them to no standard character.
const BULLETS: [char; 9] = ['●', '○', '■', '•', '▪', '◦', '*', '\u{f0b7}', '\u{f0a7}'];

/// A word that is a list bullet and nothing else.
pub fn is_bullet(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c)) && chars.next().is_none()
}

/// A line without the bullet it opens with ("● Ordförande: William Levén"): a list's
/// bullets are no part of its entries.
pub fn unbulleted(line: &str) -> &str {
    line.trim_start().trim_start_matches(BULLETS).trim_start()
}

/// As [`unbulleted`], a dash that opens a list entry gone too ("- Mötet valde John"),
/// where the text is an entry (a head line's dash may be the text's own).
pub fn unmarked(line: &str) -> &str {
    line.trim_start()
        .trim_start_matches(|c| BULLETS.contains(&c) || matches!(c, '-' | '–'))
        .trim_start()
}

/// Words joined by single spaces.
pub fn join(words: &[Word]) -> String {
    let len = words.iter().map(|w| w.text.len() + 1).sum::<usize>();
    let mut s = String::with_capacity(len);
    push_joined(&mut s, words);
    s
}

/// Appends `words` joined by single spaces to `s`, as [`join`] would build them.
pub(crate) fn push_joined(s: &mut String, words: &[Word]) {
    let mut any = false;
    for w in words {
        if any {
            s.push(' ');
        }
        s.push_str(&w.text);
        any |= !w.text.is_empty();
    }
}

/// A document as the layout parsers see it, built once per [`crate::parse`] call: its
/// body lines (furniture left out, a table row's cells on one line) and the readings
/// that several parsers share.
///
/// The view belongs to one parse: readings are memoised on it, never in a global or
/// thread-local cache, so parsing documents in parallel shares nothing.
pub struct View<'d> {
    doc: &'d Document,
    lines: Vec<PLine<'d>>,
    /// Readings derived from the lines that several parsers use (an agenda table is read
    /// once for the fit of two layouts and for the items of the winner).
    memo: RefCell<Vec<(&'static str, Rc<dyn Any>)>>,
}

impl<'d> View<'d> {
    /// The view of `doc`.
    pub fn new(doc: &'d Document) -> Self {
        View {
            doc,
            lines: build_lines(doc),
            memo: RefCell::new(Vec::new()),
        }
    }

    /// The document itself (pages, lines with their flags).
    pub fn doc(&self) -> &'d Document {
        self.doc
    }

    /// The document's body lines in reading order of lines.
    pub fn lines(&self) -> &[PLine<'d>] {
        &self.lines
    }

    /// `make()`, computed once per view under `name`: a layout parser's reading that
    /// both its `fit` and its `items` (or another parser) need.
    pub fn memo<T: 'static>(&self, name: &'static str, make: impl FnOnce() -> T) -> Rc<T> {
        let hit = self
            .memo
            .borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.clone().downcast::<T>().ok());
        if let Some(hit) = hit {
            return hit;
        }
        let value = Rc::new(make());
        self.memo
            .borrow_mut()
            .push((name, value.clone() as Rc<dyn Any>));
        value
    }
}

fn build_lines(doc: &Document) -> Vec<PLine<'_>> {
    let mut out = Vec::with_capacity(doc.pages.iter().map(|p| p.lines.len()).sum());
    for page in &doc.pages {
        for line in &page.lines {
            if line.furniture {
                continue;
            }
            // Most lines are one cell to be read as extracted: their words are borrowed.
            if let [c] = line.cells.as_slice() {
                if !c.words.is_empty() && as_extracted(&c.words) {
                    out.push(PLine {
                        page: page.number,
                        words: Cow::Borrowed(&c.words),
                        cells: Cells::One([(c.column, 0..c.words.len())]),
                        region: line.region.zip(line.row),
                        cache: LineCache::default(),
                    });
                    continue;
                }
            }
            let mut cells: Vec<(usize, std::ops::Range<usize>)> =
                Vec::with_capacity(line.cells.len());
            let mut words: Vec<Word> =
                Vec::with_capacity(line.cells.iter().map(|c| c.words.len()).sum());
            for c in &line.cells {
                // An OCR layer may keep a table's rules as "|" tokens: they split cells.
                let mut start = words.len();
                let mut col = c.column;
                for w in &c.words {
                    if is_rule(w) {
                        continue;
                    }
                    if is_cell_rule(w) {
                        if words.len() > start {
                            cells.push((col, start..words.len()));
                        }
                        start = words.len();
                        col += 1;
                    } else if let Some((label, rest)) =
                        (words.len() == start).then(|| glued_label(w)).flatten()
                    {
                        words.push(label);
                        words.push(rest);
                    } else {
                        words.push(w.clone());
                    }
                }
                if words.len() > start {
                    cells.push((col, start..words.len()));
                }
            }
            if words.is_empty() {
                continue;
            }
            out.push(PLine {
                page: page.number,
                words: words.into(),
                cells: Cells::Many(cells),
                region: line.region.zip(line.row),
                cache: LineCache::default(),
            });
        }
    }
    out
}

/// A rule typed as underscores ("______"): drawing, not text.
fn is_rule(w: &Word) -> bool {
    w.text.len() >= 3 && w.text.chars().all(|ch| ch == '_')
}

/// A table's rule kept by an OCR layer as a "|" token: it splits cells.
fn is_cell_rule(w: &Word) -> bool {
    &*w.text == "|" || &*w.text == "¦"
}

/// A cell's words read as the extractor gave them: no rule among them, and no item
/// label glued to its first word.
fn as_extracted(words: &[Word]) -> bool {
    words.first().is_none_or(|w| glued_label(w).is_none())
        && !words.iter().any(|w| is_rule(w) || is_cell_rule(w))
}

/// A cell's first word that glues an item label to the heading's first word ("11.Val",
/// typed or read without the space): the label and the word, the box split between
/// them by characters.
fn glued_label(w: &Word) -> Option<(Word, Word)> {
    let text: &str = &w.text;
    // The label as the label grammar reads it ("11.", "3)"), then the heading's word.
    let cut = text.find(['.', ')'])? + 1;
    let n = protokoll_model::text::item_number(text.get(..cut)?)?;
    let rest = text.get(cut..)?;
    let mut rc = rest.chars();
    let opens_word =
        rc.next().is_some_and(char::is_uppercase) && rc.next().is_some_and(char::is_lowercase);
    if n.letter.is_some() || !opens_word {
        return None;
    }
    let share = cut as f32 / text.len().max(1) as f32;
    let x = w.bbox.x0 + (w.bbox.x1 - w.bbox.x0) * share;
    let label = Word {
        text: text.get(..cut)?.into(),
        bbox: protokoll_model::Rect { x1: x, ..w.bbox },
        ..w.clone()
    };
    let word = Word {
        text: rest.into(),
        bbox: protokoll_model::Rect { x0: x, ..w.bbox },
        ..w.clone()
    };
    Some((label, word))
}

/// Reading-ordered text lines (a table row read column by column), furniture left out:
/// what metadata reads.
///
/// A front-page table row whose left cell is a short label ("Plats och tid | Sölvesborg,
/// …", "Sekreterare | Camilla Eriksson") reads as "Label: value", as if written with a
/// colon; the value of a place or time label runs on over the row's wrapped lines.
pub fn reading_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for page in &doc.pages {
        let mut runs_on: RunsOn = None;
        for group in protokoll_model::layout::row_groups(&page.lines) {
            if is_form(group) {
                push_form(group, &mut out);
                continue;
            }
            for mut block in protokoll_model::layout::reading_blocks(group) {
                for t in &mut block {
                    if let Some(names) = names_apart(&t.cells) {
                        t.text = names;
                    }
                }
                // The block is ours: its texts move into `out` rather than copied.
                let mut texts: Vec<_> = block
                    .iter_mut()
                    .filter(|tl| !tl.furniture && tl.cells.iter().any(|c| !c.words.is_empty()))
                    .collect();
                if !push_tab_form(&mut texts, &mut out, &mut runs_on) {
                    push_row(&mut texts, &mut out);
                }
            }
        }
    }
    out
}

/// A table "row" that is really a form: two lines or more each hold a label in the
/// left column and its value beside it (a front page laid out without row rules, which
/// the extractor sees as one tall row). Read column by column, every label would lose
/// its value.
fn is_form(group: &[protokoll_model::Line]) -> bool {
    group
        .iter()
        .filter(|l| !l.furniture && label_and_value(l).is_some())
        .nth(1)
        .is_some()
}

/// The line's label cell (left column, see [`is_label_cell`]) and the cells beside it.
fn label_and_value(
    l: &protokoll_model::Line,
) -> Option<(&protokoll_model::Cell, &[protokoll_model::Cell])> {
    let (first, rest) = l.cells.split_first()?;
    // A row of signatures ("Stefan Ingves | Cecilia Skingsley") has no label.
    let label = first.column == 0 && !rest.is_empty() && is_label_cell(&first.words);
    (label && names_apart(&l.cells).is_none()).then_some((first, rest))
}

/// A form read line by line: "Label: value"; a value's further lines (right column
/// only) follow as lines of their own, but for a place or time, whose value runs on.
fn push_form(group: &[protokoll_model::Line], out: &mut Vec<String>) {
    let mut runs_on: Option<usize> = None;
    for l in group.iter().filter(|l| !l.furniture) {
        if let Some((label, value)) = label_and_value(l) {
            let label = label.text();
            // The value runs on into a place or time field (its first).
            runs_on =
                crate::meta::is_place_or_time_label(&label.to_lowercase()).then_some(out.len());
            let words: Vec<Word> = value.iter().flat_map(|c| c.words.iter().cloned()).collect();
            out.extend(fields(label, &words));
        } else if l.cells.iter().all(|c| c.column > 0) {
            let value = names_apart(&l.cells).unwrap_or_else(|| l.text());
            match runs_on.and_then(|i| out.get_mut(i)) {
                Some(field) => {
                    field.push(' ');
                    field.push_str(&value);
                }
                None => out.push(value),
            }
        } else {
            runs_on = None;
            out.push(l.text());
        }
    }
}

/// One reading block's texts, a label cell joined to its value (see [`reading_texts`]).
fn push_row(texts: &mut [&mut protokoll_model::layout::TextLine<'_>], out: &mut Vec<String>) {
    let take = |t: &mut &mut protokoll_model::layout::TextLine<'_>| std::mem::take(&mut t.text);
    let Some((first, rest)) = texts.split_first_mut() else {
        return;
    };
    // A row of signatures ("Stefan Ingves | Cecilia Skingsley") has no label.
    let signatures = names_apart(&first.cells).is_some();
    // A row of one line: its cells side by side.
    if let [label, _, ..] = first.cells.as_slice() {
        if label.column == 0 && is_label_cell(&label.words) && !signatures {
            let value: Vec<String> = first.cells.iter().skip(1).map(|c| c.text()).collect();
            out.push(format!("{}: {}", label.text(), value.join(" ")));
            out.extend(rest.iter_mut().map(take));
            return;
        }
    }
    // A row read column by column: the label cell, then the value's lines.
    let label_cell = match first.cells.as_slice() {
        [c] if c.column == 0 && is_label_cell(&c.words) => Some(*c),
        _ => None,
    };
    // A signature beside signatures ("Martin Flodén" read before "Per Jansson ⟶ Henry
    // Ohlsson") labels nothing.
    let signatures = |value: &protokoll_model::layout::TextLine<'_>| {
        label_cell.is_some_and(|c| person(&c.words))
            && (names_apart(&value.cells).is_some() || value.cells.iter().all(|c| person(&c.words)))
    };
    let labelled = label_cell.is_some()
        && rest
            .first()
            .is_some_and(|value| value.cells.iter().all(|c| c.column > 0) && !signatures(value));
    if labelled {
        if let (Some(label), Some((value, more))) = (label_cell, rest.split_first_mut()) {
            let label = label.text();
            let runs_on = crate::meta::is_place_or_time_label(&label.to_lowercase());
            let mut text = format!("{label}: {}", value.text);
            let k = if runs_on {
                more.iter()
                    .take_while(|t| t.cells.iter().all(|c| c.column > 0))
                    .count()
            } else {
                0
            };
            for t in more.iter().take(k) {
                text.push(' ');
                text.push_str(&t.text);
            }
            out.push(text);
            out.extend(more.iter_mut().skip(k).map(take));
            return;
        }
    }
    out.push(take(first));
    out.extend(rest.iter_mut().map(take));
}

/// A table's left cell that labels the row: one to four words, capitalised, no digits,
/// no colon of its own.
fn is_label_cell(words: &[Word]) -> bool {
    (1..=LABEL_CELL_WORDS).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.text.starts_with(char::is_uppercase))
        && words
            .iter()
            .all(|w| !w.text.contains(|c: char| c.is_ascii_digit() || c == ':'))
}

/// The most words a row label has ("Justeringens plats och tid").
const LABEL_CELL_WORDS: usize = 4;

/// The box around words that have one (words made from text have none).
pub fn bbox(words: &[Word]) -> Option<protokoll_model::Rect> {
    words
        .iter()
        .map(|w| w.bbox)
        .filter(|b| b.x1 > b.x0 || b.y1 > b.y0)
        .reduce(|a, b| a.union(&b))
}

/// A page box for the record, rounded to a tenth of a point (stable JSON).
pub fn page_box(page: u32, r: &protokoll_model::Rect) -> protokoll_model::PageBox {
    let round = |v: f32| (v * 10.0).round() / 10.0;
    protokoll_model::PageBox {
        page,
        x0: round(r.x0),
        y0: round(r.y0),
        x1: round(r.x1),
        y1: round(r.y1),
    }
}

/// Vertical gap from `a` to `b` in font sizes (negative when they overlap or `b`
/// is on another page).
pub fn gap(a: &PLine, b: &PLine) -> f32 {
    if a.page != b.page {
        return -1.0;
    }
    (b.y0() - a.y1()) / a.size().max(b.size())
}

/// Lines and labels for the layouts' unit tests.
#[cfg(test)]
pub mod testing {
    use super::PLine;
    use crate::items::Label;
    use protokoll_model::{Rect, Word};

    /// A one-cell line at height `y` of words at the given x (6 pt per character,
    /// 10 pt type).
    pub fn line(y: f32, words: &[(&str, f32)]) -> PLine<'static> {
        let ws = words
            .iter()
            .map(|(t, x)| Word {
                text: (*t).into(),
                bbox: Rect {
                    x0: *x,
                    y0: y,
                    x1: x + 6.0 * t.chars().count() as f32,
                    y1: y + 10.0,
                },
                font_size: 10.0,
                ..Word::default()
            })
            .collect();
        PLine::of_words(1, ws)
    }

    /// A table row at height `y`: one cell per slice, in columns 0, 1, …
    pub fn row(y: f32, cells: &[&[(&str, f32)]]) -> PLine<'static> {
        let mut words = Vec::new();
        let mut ranges = Vec::new();
        for (c, cell) in cells.iter().enumerate() {
            let start = words.len();
            words.extend(line(y, cell).words.into_owned());
            ranges.push((c, start..words.len()));
        }
        PLine {
            page: 1,
            words: words.into(),
            cells: super::Cells::Many(ranges),
            region: Some((0, 0)),
            cache: super::LineCache::default(),
        }
    }

    /// A line of running text from x = 50 with 3 pt word gaps.
    pub fn text_line(y: f32, text: &str) -> PLine<'static> {
        let mut x = 50.0;
        let words: Vec<(&str, f32)> = text
            .split_whitespace()
            .map(|t| {
                let at = x;
                x += 6.0 * t.chars().count() as f32 + 3.0;
                (t, at)
            })
            .collect();
        line(y, &words)
    }

    /// A label "N." at x = 50 on line `line`.
    pub fn label(value: u32, line: usize) -> Label {
        Label {
            number: value.to_string(),
            value,
            line,
            consumed: 1,
            x0: 50.0,
            weak: false,
            weight: 1.0,
            lone: false,
            prose: false,
            introduced: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::line;
    use super::*;

    /// The words of `l`, those at the indices `bold` set bold.
    fn bolded(l: PLine, bold: &[usize]) -> Vec<Word> {
        let mut words = l.words.into_owned();
        for &i in bold {
            if let Some(w) = words.get_mut(i) {
                w.bold = true;
            }
        }
        words
    }

    #[test]
    fn names_set_in_columns_after_a_heading() {
        let l = testing::line(
            0.0,
            &[
                ("Närvarande:", 0.0),
                ("Göran", 150.0),
                ("Söderberg", 186.0),
                ("ordf", 246.0),
                ("Kenneth", 400.0),
                ("Lindblad", 448.0),
            ],
        );
        let heading = |h: &[Word]| join(h) == "Närvarande:";
        let (head, segs) = headed_columns(&l.words, heading).expect("columns");
        assert_eq!(head.map(join).as_deref(), Some("Närvarande:"));
        let names: Vec<String> = segs.iter().map(|s| join(s)).collect();
        assert_eq!(names, ["Göran Söderberg ordf", "Kenneth Lindblad"]);
        // A sentence with a wide gap is no list of names.
        let prose = testing::line(
            0.0,
            &[
                ("Mötet", 0.0),
                ("öppnades", 36.0),
                ("Kenneth", 400.0),
                ("Lindblad", 448.0),
            ],
        );
        assert!(headed_columns(&prose.words, heading).is_none());
    }

    #[test]
    fn the_words_before_a_tab_stop() {
        let l = line(
            100.0,
            &[("Närvarande", 50.0), ("Anna", 200.0), ("Ek", 230.0)],
        );
        let head = before_tab(&l.words).map(join);
        assert_eq!(head.as_deref(), Some("Närvarande"));
        // Without a tab stop, none.
        let l = line(100.0, &[("Närvarande", 50.0), ("Anna", 113.0)]);
        assert!(before_tab(&l.words).is_none());
    }

    #[test]
    fn a_form_laid_out_with_tab_stops_reads_as_fields() {
        // **Plats och tid** ⟶ Alströmerteatern, ⟶ **Paragrafer** §116
        let l = line(
            100.0,
            &[
                ("Plats", 70.0),
                ("och", 103.0),
                ("tid", 124.0),
                ("Alströmerteatern,", 185.0),
                ("Paragrafer", 363.0),
                ("§116", 429.0),
            ],
        );
        let words = bolded(l, &[0, 1, 2, 4]);
        let (fields, x) = tab_fields(&words).expect("a form line");
        assert_eq!(
            fields,
            ["Plats och tid: Alströmerteatern,", "Paragrafer: §116"]
        );
        assert_eq!(x, 185.0);
        // The same words in regular type are a table row, not a form.
        let plain = line(
            100.0,
            &[("Ledamot", 70.0), ("Ajla", 185.0), ("Ćano", 215.0)],
        );
        assert!(tab_fields(&plain.words).is_none());
        assert!(plain.lead(3).is_none());
        let labelled = PLine::of_words(1, bolded(plain, &[0]));
        assert_eq!(labelled.lead(3).map(join).as_deref(), Some("Ledamot"));
    }

    #[test]
    fn names_set_apart_by_a_tab_stop_are_two_people() {
        let cell = |l: PLine| protokoll_model::Cell {
            column: 1,
            words: l.words.into_owned(),
        };
        let two = cell(line(
            300.0,
            &[
                ("Ingbritt", 183.0),
                ("Johansson", 216.0),
                ("Marcus", 331.0),
                ("Wallin", 367.0),
            ],
        ));
        assert_eq!(
            names_apart(&[two]).as_deref(),
            Some("Ingbritt Johansson, Marcus Wallin")
        );
        // One name of four words, word spacing only: as written.
        let one = cell(line(
            300.0,
            &[("Anna", 183.0), ("Karin", 210.0), ("Berg", 243.0)],
        ));
        assert!(names_apart(&[one]).is_none());
    }

    #[test]
    fn a_label_glued_to_its_heading_is_two_words() {
        let w = |t: &str| Word {
            text: t.into(),
            bbox: protokoll_model::Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 60.0,
                y1: 10.0,
            },
            ..Word::default()
        };
        let (label, word) = glued_label(&w("11.Val")).expect("glued");
        assert_eq!((&*label.text, &*word.text), ("11.", "Val"));
        assert!(label.bbox.x1 <= word.bbox.x0 + f32::EPSILON);
        for no in ["11.", "1.5", "2.val", "Val", "1234.Val", "3.A"] {
            assert!(glued_label(&w(no)).is_none(), "{no}");
        }
    }
}
