//! From drawn glyphs to words, lines, column regions and table rows.
//!
//! Thresholds are relative to the font size, as in poppler's TextOutputDev and
//! pdfminer's LAParams, and named in [`LayoutParams`]: a gap wider than `word_gap` ×
//! size starts a word, a gap wider than `gutter_gap` × size is a candidate column
//! gutter, and a gutter that stays free of text over consecutive lines with text on
//! both sides makes a multi-column region.

use crate::interp::{RawGlyph, RawPage, Rule};
use protokoll_model::{Cell, Line, Page, Rect, Word};
use std::rc::Rc;
use unicode_normalization::UnicodeNormalization;

/// The thresholds of layout analysis (glyphs → words → lines → cells and column
/// regions), named in one block as pdfminer's `LAParams` and poppler's TextOutputDev
/// parameters are. Lengths are in font sizes (the larger glyph's, at least 1 pt) unless
/// a field says points; the defaults are what the fixtures and the development corpus
/// were tuned on ([`LayoutParams::DEFAULT`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Glyphs whose baselines differ by at most this are on one line (font sizes): a
    /// third of a size takes sub- and superscripts and scan skew, not the next line.
    pub line_tolerance: f32,
    /// A gap between glyphs wider than this starts a new word (font sizes): well under
    /// a space (~0.25), well over kerning and tracking.
    pub word_gap: f32,
    /// A glyph starting this far left of the previous one's end starts a new word
    /// (font sizes): text drawn over itself, not kerning.
    pub word_overlap: f32,
    /// A diacritic drawn as its own glyph joins the letter whose box, widened by this
    /// on each side, holds the mark's centre (font sizes).
    pub mark_reach: f32,
    /// A mark glyph narrower than this is a zero-width accent waiting for the next
    /// letter (font sizes).
    pub zero_width_mark: f32,
    /// The same glyph drawn again within this share of its width to the side is fake
    /// bold, dropped (a fraction of the glyph's width).
    pub fake_bold_shift: f32,
    /// ... and within this height of the first (font sizes).
    pub fake_bold_rise: f32,
    /// A page whose images cover more than this share of it is a scan (0..1).
    pub page_image_cover: f32,
    /// A word's box reaches this far above its baseline (font sizes): the ascent of
    /// common fonts.
    pub ascent: f32,
    /// ... and this far below (font sizes): the descent.
    pub descent: f32,
    /// A rule this thin or thinner may be a strike-through (font sizes).
    pub strike_thickness: f32,
    /// A strike-through's middle lies at least this far above the baseline (font
    /// sizes): lower is an underline.
    pub strike_low: f32,
    /// ... and at most this far (font sizes): higher is an overline or a table rule.
    pub strike_high: f32,
    /// A strike-through covers at least this share of the word's width.
    pub strike_cover: f32,
    /// A gap between words wider than this is a candidate gutter between cells (font
    /// sizes): over a tab stop's worth of space, more than any word gap.
    pub gutter_gap: f32,
    /// On a gutter the document has elsewhere, a gap this wide counts (font sizes): a
    /// cell filled to its edge leaves only the cell padding.
    pub known_gutter_gap: f32,
    /// The narrowest strip that still separates two columns (points).
    pub min_strip: f32,
    /// A word reaching into a strip by no more than this is scan jitter, not text
    /// across the gutter (points).
    pub jitter: f32,
    /// A right column starts at one x on every line, within this (points); a list of
    /// names with short first names does not.
    pub column_align: f32,
    /// A lone two-sided line matches a known gutter when the strips' centres are this
    /// close (points).
    pub known_gutter_offset: f32,
    /// A region's strip must be on known gutters of this many two-sided lines to make
    /// a known gutter for the document's other pages.
    pub known_gutter_lines: usize,
}

impl LayoutParams {
    /// Today's values (see each field).
    pub const DEFAULT: LayoutParams = LayoutParams {
        line_tolerance: 0.35,
        word_gap: 0.13,
        word_overlap: 0.6,
        mark_reach: 0.15,
        zero_width_mark: 0.05,
        fake_bold_shift: 0.3,
        fake_bold_rise: 0.1,
        page_image_cover: 0.5,
        ascent: 0.8,
        descent: 0.2,
        strike_thickness: 0.15,
        strike_low: 0.15,
        strike_high: 0.55,
        strike_cover: 0.6,
        gutter_gap: 1.1,
        known_gutter_gap: 0.4,
        min_strip: 2.0,
        jitter: 3.0,
        column_align: 4.0,
        known_gutter_offset: 20.0,
        known_gutter_lines: 3,
    };
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams::DEFAULT
    }
}

/// The parameters layout analysis runs with.
const P: LayoutParams = LayoutParams::DEFAULT;

/// Combining mark for a spacing diacritic drawn as its own glyph.
fn as_combining(c: char) -> Option<char> {
    Some(match c {
        '\u{300}'..='\u{36F}' => c,
        '¨' => '\u{308}',
        '´' => '\u{301}',
        '`' => '\u{300}',
        '˚' => '\u{30A}',
        'ˆ' | '^' => '\u{302}',
        '˜' => '\u{303}',
        '¸' => '\u{327}',
        'ˇ' => '\u{30C}',
        _ => return None,
    })
}

/// A glyph that is one ligature character, spelled out.
fn expand_ligature(s: &str) -> Option<&'static str> {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => protokoll_model::text::ligature(c),
        _ => None,
    }
}

/// Merges diacritics into their base letters, expands ligatures, drops fake-bold
/// duplicates. Works in drawing order, where a mark sits next to its letter.
fn clean_glyphs(glyphs: Vec<RawGlyph>) -> Vec<RawGlyph> {
    let mut out: Vec<RawGlyph> = Vec::with_capacity(glyphs.len());
    let mut pending_mark: Option<(char, f32)> = None;
    for mut g in glyphs {
        if let Some(l) = expand_ligature(&g.text) {
            g.text = Rc::from(l);
        }
        let mut chars = g.text.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        if let Some(mark) = single.and_then(as_combining) {
            let center = (g.x0 + g.x1) / 2.0;
            // Drawn after its letter: the previous glyph's box holds the mark's center.
            if let Some(prev) = out.last_mut() {
                let tol = P.mark_reach * prev.size.max(1.0);
                if center >= prev.x0 - tol
                    && center <= prev.x1 + tol
                    && (prev.y - g.y).abs() < prev.size.max(1.0)
                {
                    prev.text =
                        Rc::from(format!("{}{}", prev.text, mark).nfc().collect::<String>());
                    continue;
                }
            }
            // Drawn before its letter, or a spacing accent standing alone.
            if single.is_some_and(|c| ('\u{300}'..='\u{36F}').contains(&c))
                || g.x1 - g.x0 < P.zero_width_mark * g.size
            {
                pending_mark = Some((mark, center));
                continue;
            }
        }
        if let Some((mark, center)) = pending_mark.take() {
            let tol = P.mark_reach * g.size.max(1.0);
            if center >= g.x0 - tol && center <= g.x1 + tol {
                g.text = Rc::from(format!("{}{}", g.text, mark).nfc().collect::<String>());
            }
        }
        // Fake bold: the same glyph drawn again a hair to the side.
        if let Some(prev) = out.last() {
            let w = (prev.x1 - prev.x0).max(0.1);
            if prev.text == g.text
                && !g.space
                && (prev.x0 - g.x0).abs() < P.fake_bold_shift * w
                && (prev.y - g.y).abs() < P.fake_bold_rise * g.size.max(1.0)
            {
                continue;
            }
        }
        out.push(g);
    }
    out
}

/// Builds the page's lines (words, cells, regions, rows) from its glyphs.
/// A page's lines of words before column regions are found (that needs all pages).
pub struct Draft {
    number: u32,
    width: f32,
    height: f32,
    has_page_image: bool,
    lines: Vec<Vec<Word>>,
    rules: Vec<Rule>,
}

/// Words and lines of one page.
pub fn draft_page(number: u32, raw: RawPage) -> Draft {
    let has_page_image = raw.image_cover > P.page_image_cover;
    let glyphs = clean_glyphs(raw.glyphs);
    let (upright, rotated): (Vec<RawGlyph>, Vec<RawGlyph>) =
        glyphs.into_iter().partition(|g| g.upright);
    let mut rows = group_lines(upright);
    // Rotated text (margin notes, stamps) is kept, after the page's body, one line per run.
    if !rotated.is_empty() {
        rows.push(rotated);
    }
    let mut lines: Vec<(Vec<Word>, f32)> = rows
        .into_iter()
        .map(|r| {
            let y = r.iter().map(|g| g.y).sum::<f32>() / r.len().max(1) as f32;
            (words_of(r, &raw.rules), y)
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    lines.sort_by(|a, b| a.1.total_cmp(&b.1));
    let words: Vec<Vec<Word>> = lines.into_iter().map(|(w, _)| w).collect();
    Draft {
        number,
        width: raw.width,
        height: raw.height,
        has_page_image,
        lines: words,
        rules: raw.rules,
    }
}

/// Finishes the pages: column regions are found per page, then found again where a
/// single line's gap lines up with a gutter seen elsewhere in the document (a table
/// row alone on a page still has its two cells).
pub fn finish_pages(drafts: Vec<Draft>) -> Vec<Page> {
    let mut known: Vec<(f32, f32)> = Vec::new();
    for d in &drafts {
        for r in find_regions(&d.lines, &[]) {
            if r.two_sided >= P.known_gutter_lines {
                known.push((r.left, r.right));
            }
        }
    }
    drafts
        .into_iter()
        .map(|d| {
            let found = find_regions(&d.lines, &known);
            Page {
                number: d.number,
                width: d.width,
                height: d.height,
                lines: assign_regions(d.lines, &found, &d.rules),
                has_page_image: d.has_page_image,
            }
        })
        .collect()
}

/// Clusters glyphs into lines by baseline.
fn group_lines(glyphs: Vec<RawGlyph>) -> Vec<Vec<RawGlyph>> {
    group_by_baseline(glyphs, |g| (g.line_y, g.x0, g.size))
}

/// Clusters items into lines by their de-skewed baseline, each line left to right;
/// `key` gives (de-skewed baseline, left edge, font size). Shared by drawn glyphs and
/// OCR words, so both make lines by one rule.
fn group_by_baseline<T>(mut items: Vec<T>, key: impl Fn(&T) -> (f32, f32, f32)) -> Vec<Vec<T>> {
    items.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    let mut lines: Vec<Vec<T>> = Vec::new();
    let mut base = f32::NAN;
    for it in items {
        let (line_y, _, size) = key(&it);
        let tol = P.line_tolerance * size.max(1.0);
        match lines.last_mut() {
            Some(line) if (line_y - base).abs() <= tol => line.push(it),
            _ => {
                base = line_y;
                lines.push(vec![it]);
            }
        }
    }
    for l in &mut lines {
        l.sort_by(|a, b| key(a).1.total_cmp(&key(b).1));
    }
    lines
}

/// A word found by OCR, placed on its page.
#[derive(Debug, Clone)]
pub struct PlacedWord {
    /// The word, its box in page points (top-left origin).
    pub word: Word,
    /// Its baseline's y on the page, under the word.
    pub baseline: f32,
    /// The baseline with the text line's slope removed (its y at x = 0): words of one
    /// skewed line share it.
    pub line_y: f32,
}

/// A page of OCR words, before lines are made.
#[derive(Debug, Clone, Default)]
pub struct WordPage {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Its words, in any order.
    pub words: Vec<PlacedWord>,
    /// Ruling lines found in the page image (table borders), as thin boxes in page
    /// points; they split table rows as a PDF's drawn rules do.
    pub rules: Vec<Rect>,
}

/// Pages of positioned words (from OCR) to pages of lines, cells, column regions and
/// table rows, by the same rules as text drawn in a PDF. The pages are taken together,
/// as a document's are: a gutter seen on one page counts on the others.
///
/// A scan is seldom straight: on a page turned by 1°, a column's left edge drifts 10 pt
/// from top to bottom, more than column detection allows a column to wander. So each
/// page's words and rules are grouped turned straight by the page's skew,
/// the median slope of its text lines, and keep their place on the page (the image's
/// coordinates) in the result.
pub fn pages_from_words(pages: Vec<WordPage>) -> Vec<Page> {
    let mut skews = Vec::with_capacity(pages.len());
    let drafts = pages
        .into_iter()
        .map(|p| {
            let skew = Skew::of(&p);
            let rules: Vec<Rule> = p.rules.iter().map(|r| skew.straighten_rule(r)).collect();
            // A rule through a word's middle strikes it out, as on a PDF page.
            let words: Vec<PlacedWord> = p
                .words
                .into_iter()
                .map(|w| {
                    let mut w = skew.straighten(w);
                    w.word.struck |= is_struck(&w.word.bbox, w.baseline, w.word.font_size, &rules);
                    w
                })
                .collect();
            let rows = group_by_baseline(words, |w| (w.line_y, w.word.bbox.x0, w.word.font_size));
            let mut lines: Vec<(Vec<Word>, f32)> = rows
                .into_iter()
                .map(|r| {
                    let y = r.iter().map(|w| w.baseline).sum::<f32>() / r.len().max(1) as f32;
                    (r.into_iter().map(|w| w.word).collect(), y)
                })
                .collect();
            lines.sort_by(|a, b| a.1.total_cmp(&b.1));
            skews.push(skew);
            Draft {
                number: p.number,
                width: p.width,
                height: p.height,
                has_page_image: true,
                lines: lines.into_iter().map(|(w, _)| w).collect(),
                rules,
            }
        })
        .collect();
    let mut pages = finish_pages(drafts);
    for (page, skew) in pages.iter_mut().zip(&skews) {
        for w in page
            .lines
            .iter_mut()
            .flat_map(|l| l.cells.iter_mut())
            .flat_map(|c| c.words.iter_mut())
        {
            w.bbox = skew.restore(w.bbox);
        }
    }
    pages
}

/// A scanned page's skew: its text lines' median slope (dy/dx, y down), turned about
/// the page's centre. Words move by their box's centre and keep their size, so turning
/// back restores their box.
#[derive(Debug, Clone, Copy)]
struct Skew {
    /// sin and cos of the angle.
    sin: f32,
    cos: f32,
    /// The page's centre.
    cx: f32,
    cy: f32,
}

/// A word this close to the page's left edge (points) says little about its line's
/// slope, measured from x = 0.
const SLOPE_MIN_X: f32 = 72.0;

/// Under this many words a page's skew is not measured (taken as none).
const SKEW_MIN_WORDS: usize = 10;

impl Skew {
    const NONE: Skew = Skew {
        sin: 0.0,
        cos: 1.0,
        cx: 0.0,
        cy: 0.0,
    };

    /// The skew of a page's words: each word knows its line's baseline under it and at
    /// x = 0, so the line's slope.
    fn of(p: &WordPage) -> Skew {
        let mut slopes: Vec<f32> = p
            .words
            .iter()
            .filter_map(|w| {
                let x = (w.word.bbox.x0 + w.word.bbox.x1) / 2.0;
                (x > SLOPE_MIN_X).then(|| (w.baseline - w.line_y) / x)
            })
            .filter(|s| s.is_finite())
            .collect();
        if slopes.len() < SKEW_MIN_WORDS {
            return Skew::NONE;
        }
        slopes.sort_by(f32::total_cmp);
        let slope = slopes.get(slopes.len() / 2).copied().unwrap_or(0.0);
        if slope == 0.0 {
            return Skew::NONE;
        }
        let angle = slope.atan();
        Skew {
            sin: angle.sin(),
            cos: angle.cos(),
            cx: p.width / 2.0,
            cy: p.height / 2.0,
        }
    }

    /// A point turned straight (by minus the angle about the centre).
    fn turn(&self, x: f32, y: f32, sin: f32) -> (f32, f32) {
        let (dx, dy) = (x - self.cx, y - self.cy);
        (
            self.cx + dx * self.cos + dy * sin,
            self.cy - dx * sin + dy * self.cos,
        )
    }

    /// A box moved by its centre; its size kept.
    fn move_box(&self, b: Rect, sin: f32) -> Rect {
        if self.sin == 0.0 {
            return b;
        }
        let (mx, my) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
        let (nx, ny) = self.turn(mx, my, sin);
        let (dx, dy) = (nx - mx, ny - my);
        Rect {
            x0: b.x0 + dx,
            y0: b.y0 + dy,
            x1: b.x1 + dx,
            y1: b.y1 + dy,
        }
    }

    /// A word turned straight: its box moved, its line's baseline level.
    fn straighten(&self, w: PlacedWord) -> PlacedWord {
        if self.sin == 0.0 {
            return w;
        }
        let x = (w.word.bbox.x0 + w.word.bbox.x1) / 2.0;
        // The line's own baseline at the page's centre: words of one line share it.
        let line_slope = if x > 1.0 {
            (w.baseline - w.line_y) / x
        } else {
            self.sin / self.cos
        };
        let line_y = self
            .turn(self.cx, w.line_y + line_slope * self.cx, self.sin)
            .1;
        let baseline = self.turn(x, w.baseline, self.sin).1;
        PlacedWord {
            word: Word {
                bbox: self.move_box(w.word.bbox, self.sin),
                ..w.word
            },
            baseline,
            line_y,
        }
    }

    /// A rule's box turned straight, less the height (or width) its slope gave it.
    fn straighten_rule(&self, r: &Rect) -> Rule {
        let (w, h) = (r.x1 - r.x0, r.y1 - r.y0);
        let tilt = (self.sin / self.cos).abs();
        let b = Rect {
            x0: r.x0
                + if h > w {
                    (tilt * h / 2.0).min(w / 2.0)
                } else {
                    0.0
                },
            x1: r.x1
                - if h > w {
                    (tilt * h / 2.0).min(w / 2.0)
                } else {
                    0.0
                },
            y0: r.y0
                + if w >= h {
                    (tilt * w / 2.0).min(h / 2.0)
                } else {
                    0.0
                },
            y1: r.y1
                - if w >= h {
                    (tilt * w / 2.0).min(h / 2.0)
                } else {
                    0.0
                },
        };
        let b = self.move_box(b, self.sin);
        Rule {
            x0: b.x0,
            x1: b.x1,
            y0: b.y0,
            y1: b.y1,
        }
    }

    /// A box turned back to where it was on the page.
    fn restore(&self, b: Rect) -> Rect {
        self.move_box(b, -self.sin)
    }
}

fn words_of(line: Vec<RawGlyph>, rules: &[Rule]) -> Vec<Word> {
    struct Acc {
        text: String,
        x0: f32,
        x1: f32,
        y: f32,
        size: f32,
        bold: usize,
        n: usize,
        invisible: bool,
    }
    let mut words: Vec<Acc> = Vec::new();
    let mut last_x1 = f32::NEG_INFINITY;
    let mut broke = true;
    for g in line {
        if g.space || g.text.trim().is_empty() {
            broke = true;
            last_x1 = last_x1.max(g.x1);
            continue;
        }
        let gap = g.x0 - last_x1;
        let size = g.size.max(1.0);
        let new_word = broke || gap > P.word_gap * size || gap < -P.word_overlap * size;
        match words.last_mut() {
            Some(w) if !new_word => {
                w.text.push_str(g.text.trim());
                w.x1 = w.x1.max(g.x1);
                w.size = w.size.max(g.size);
                w.bold += usize::from(g.bold);
                w.n += 1;
                w.invisible &= g.invisible;
            }
            _ => words.push(Acc {
                text: g.text.trim().to_string(),
                x0: g.x0,
                x1: g.x1,
                y: g.y,
                size: g.size,
                bold: usize::from(g.bold),
                n: 1,
                invisible: g.invisible,
            }),
        }
        broke = false;
        last_x1 = g.x1;
    }
    words
        .into_iter()
        .map(|w| {
            let bbox = Rect {
                x0: w.x0,
                y0: w.y - P.ascent * w.size,
                x1: w.x1,
                y1: w.y + P.descent * w.size,
            };
            Word {
                struck: is_struck(&bbox, w.y, w.size, rules),
                text: w.text.into(),
                bbox,
                font_size: w.size,
                bold: w.bold * 2 > w.n,
                invisible: w.invisible,
                confidence: None,
            }
        })
        .collect()
}

/// A thin rule across the word between a fifth and a half of the size above the
/// baseline is a strike-through (underlines sit below the baseline).
fn is_struck(b: &Rect, baseline: f32, size: f32, rules: &[Rule]) -> bool {
    let w = b.width().max(0.1);
    rules.iter().any(|r| {
        let mid = (r.y0 + r.y1) / 2.0;
        let overlap = r.x1.min(b.x1) - r.x0.max(b.x0);
        r.y1 - r.y0 <= P.strike_thickness * size.max(1.0)
            && mid < baseline - P.strike_low * size
            && mid > baseline - P.strike_high * size
            && overlap >= P.strike_cover * w
    })
}

/// The big gaps of a line: (left end, right start). Where the document has a known
/// gutter, a narrower gap across it counts too (a cell filled to its edge leaves only
/// the cell padding).
fn gaps(words: &[Word], known: &[(f32, f32)]) -> Vec<(f32, f32)> {
    words
        .windows(2)
        .filter_map(|p| match p {
            [a, b] => {
                let size = a.font_size.max(b.font_size).max(1.0);
                let (l, r) = (a.bbox.x1, b.bbox.x0);
                let wide = r - l > P.gutter_gap * size;
                let on_known = r - l > P.known_gutter_gap * size
                    && known.iter().any(|&(kl, kr)| l <= kr && r >= kl);
                (wide || on_known).then_some((l, r))
            }
            _ => None,
        })
        .collect()
}

/// Whether a word reaches into the strip by more than scan jitter (a few points).
fn crosses(words: &[Word], l: f32, r: f32) -> bool {
    words
        .iter()
        .any(|w| w.bbox.x0 < r - P.jitter && w.bbox.x1 > l + P.jitter)
}

/// A multi-column region of a page: lines `first..=last` split at a vertical strip.
#[derive(Debug, Clone, Copy)]
struct Region {
    /// First line (index into the page's lines).
    first: usize,
    /// Last line.
    last: usize,
    /// The strip's left edge, in points.
    left: f32,
    /// The strip's right edge, in points.
    right: f32,
    /// Lines with text on both sides of the strip.
    two_sided: usize,
}

/// Multi-column regions of a page. A region needs two lines with text on both sides
/// of its strip, or one when the strip matches a `known` gutter of the document.
fn find_regions(lines: &[Vec<Word>], known: &[(f32, f32)]) -> Vec<Region> {
    // One two-sided line alone makes a region only with a wide gap on a known gutter.
    let accept = |r: &Region, wide: bool| {
        r.two_sided >= 2
            || wide
                && known.iter().any(|&(l, rr)| {
                    r.left < rr
                        && r.right > l
                        && ((l + rr) / 2.0 - (r.left + r.right) / 2.0).abs() < P.known_gutter_offset
                })
    };
    let mut wide = false;
    let mut found: Vec<Region> = Vec::new();
    let mut active: Option<Region> = None;
    // Where the right column starts: a real column starts at one x on every line
    // (within scan jitter); a list of names with short first names does not.
    let mut anchor = 0.0f32;
    for (i, words) in lines.iter().enumerate() {
        let g = gaps(words, known);
        if let Some(cur) = active {
            let (l, r) = (cur.left, cur.right);
            let hit = g
                .iter()
                .filter(|&&(_, b)| (b - anchor).abs() <= P.column_align)
                .map(|&(a, b)| (a.max(l), b.min(r)))
                .filter(|(a, b)| b - a >= P.min_strip)
                .max_by(|x, y| (x.1 - x.0).total_cmp(&(y.1 - y.0)));
            if let Some((a, b)) = hit {
                active = Some(Region {
                    last: i,
                    left: a,
                    right: b,
                    two_sided: cur.two_sided + 1,
                    ..cur
                });
                continue;
            }
            if !crosses(words, l, r) {
                active = Some(Region { last: i, ..cur });
                continue;
            }
            let ended = Region { last: i - 1, ..cur };
            if accept(&ended, wide) {
                found.push(ended);
            }
            active = None;
        }
        if let Some(&(a, b)) = g.iter().max_by(|x, y| (x.1 - x.0).total_cmp(&(y.1 - y.0))) {
            active = Some(Region {
                first: i,
                last: i,
                left: a,
                right: b,
                two_sided: 1,
            });
            anchor = b;
            let size = words.iter().map(|w| w.font_size).fold(1.0, f32::max);
            wide = b - a > P.gutter_gap * size;
        }
    }
    if let Some(a) = active {
        if accept(&a, wide) {
            found.push(a);
        }
    }
    found
}

/// Splits the lines of each region into cells and groups them into rows.
fn assign_regions(lines: Vec<Vec<Word>>, found: &[Region], rules: &[Rule]) -> Vec<Line> {
    let mut out: Vec<Line> = lines
        .into_iter()
        .map(|words| Line {
            cells: vec![Cell { column: 0, words }],
            ..Line::default()
        })
        .collect();
    for (region_id, region) in found.iter().enumerate() {
        let (start, end, l, r) = (region.first, region.last, region.left, region.right);
        let split = (l + r) / 2.0;
        // Row boundaries: rules that cross the gutter (table borders), if any.
        let mut borders: Vec<f32> = rules
            .iter()
            .filter(|ru| ru.x0 < l && ru.x1 > r)
            .map(|ru| (ru.y0 + ru.y1) / 2.0)
            .collect();
        borders.sort_by(f32::total_cmp);
        let mut row: u32 = 0;
        let mut prev_top = f32::NEG_INFINITY;
        for line in out.iter_mut().take(end + 1).skip(start) {
            let words = std::mem::take(&mut line.cells)
                .into_iter()
                .flat_map(|c| c.words);
            let (left, right): (Vec<Word>, Vec<Word>) =
                words.partition(|w| (w.bbox.x0 + w.bbox.x1) / 2.0 < split);
            let top = left
                .iter()
                .chain(right.iter())
                .map(|w| w.bbox.y0)
                .fold(f32::MAX, f32::min);
            let new_row = if borders.is_empty() {
                !left.is_empty() && !right.is_empty()
            } else {
                borders.iter().any(|&b| b > prev_top && b <= top)
            };
            if new_row && prev_top > f32::NEG_INFINITY {
                row += 1;
            }
            prev_top = top;
            if !left.is_empty() {
                line.cells.push(Cell {
                    column: 0,
                    words: left,
                });
            }
            if !right.is_empty() {
                line.cells.push(Cell {
                    column: 1,
                    words: right,
                });
            }
            line.region = Some(region_id as u32);
            line.row = Some(row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f32, x1: f32, y: f32) -> RawGlyph {
        RawGlyph {
            text: text.into(),
            x0,
            x1,
            y,
            line_y: y,
            size: 10.0,
            bold: false,
            invisible: false,
            upright: true,
            space: false,
        }
    }

    #[test]
    fn diacritic_after_letter_is_merged() {
        let out = clean_glyphs(vec![g("a", 0.0, 5.0, 10.0), g("¨", 1.0, 4.0, 10.0)]);
        assert_eq!(out.len(), 1);
        assert_eq!(&*out[0].text, "ä");
    }

    #[test]
    fn ligature_expanded_and_fake_bold_dropped() {
        let out = clean_glyphs(vec![g("ﬁ", 0.0, 5.0, 10.0), g("ﬁ", 0.3, 5.3, 10.0)]);
        assert_eq!(out.len(), 1);
        assert_eq!(&*out[0].text, "fi");
    }

    #[test]
    fn words_split_on_gaps() {
        let line = vec![
            g("a", 0.0, 5.0, 10.0),
            g("b", 5.2, 10.0, 10.0),
            g("c", 14.0, 19.0, 10.0),
        ];
        let w = words_of(line, &[]);
        assert_eq!(w.iter().map(|w| &*w.text).collect::<Vec<_>>(), ["ab", "c"]);
    }

    #[test]
    fn strike_through_detected_not_underline() {
        let line = vec![g("x", 0.0, 20.0, 10.0)];
        let strike = Rule {
            x0: 0.0,
            x1: 20.0,
            y0: 6.5,
            y1: 7.0,
        };
        let under = Rule {
            x0: 0.0,
            x1: 20.0,
            y0: 11.0,
            y1: 11.5,
        };
        assert!(words_of(line.clone(), &[strike])[0].struck);
        assert!(!words_of(line, &[under])[0].struck);
    }

    #[test]
    fn ocr_words_make_skewed_lines_and_columns() {
        // Two lines on a page skewed by 1 %: the baseline drifts along each line, the
        // de-skewed baseline does not; a wide gap splits each line into two cells.
        let pw = |t: &str, x: f32, line: f32| {
            let baseline = line + 0.01 * x;
            PlacedWord {
                word: Word {
                    text: t.into(),
                    bbox: Rect {
                        x0: x,
                        y0: baseline - 9.0,
                        x1: x + 30.0,
                        y1: baseline + 2.0,
                    },
                    font_size: 11.0,
                    confidence: Some(0.9),
                    ..Word::default()
                },
                baseline,
                line_y: line,
            }
        };
        let words = vec![
            pw("Ordförande", 50.0, 100.0),
            pw("Anna", 300.0, 100.0),
            pw("Sekreterare", 50.0, 120.0),
            pw("Per", 300.0, 120.0),
        ];
        let pages = pages_from_words(vec![WordPage {
            number: 1,
            width: 595.0,
            height: 842.0,
            words: words.into_iter().rev().collect(),
            rules: Vec::new(),
        }]);
        let page = &pages[0];
        assert!(page.has_page_image);
        let text: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
        assert_eq!(text, ["Ordförande Anna", "Sekreterare Per"]);
        assert_eq!(page.lines[0].cells.len(), 2);
        assert_eq!(page.lines[0].cells[0].words[0].confidence, Some(0.9));
    }

    #[test]
    fn two_column_region_found() {
        let mk = |y: f32, two: bool| {
            let mut v = vec![Word {
                text: "left".into(),
                bbox: Rect {
                    x0: 0.0,
                    y0: y - 8.0,
                    x1: 40.0,
                    y1: y + 2.0,
                },
                font_size: 10.0,
                ..Word::default()
            }];
            if two {
                v.push(Word {
                    text: "right".into(),
                    bbox: Rect {
                        x0: 100.0,
                        y0: y - 8.0,
                        x1: 140.0,
                        y1: y + 2.0,
                    },
                    font_size: 10.0,
                    ..Word::default()
                });
            }
            v
        };
        let lines = vec![mk(10.0, true), mk(22.0, false), mk(34.0, true)];
        let found = find_regions(&lines, &[]);
        let out = assign_regions(lines, &found, &[]);
        assert!(out.iter().all(|l| l.region == Some(0)));
        assert_eq!(out[0].cells.len(), 2);
        assert_eq!(out[0].cells[1].column, 1);
        assert_eq!(out[2].row, Some(1));
    }

    /// A word of a page turned by `slope` (dy/dx) about its centre (297.5, 421): where a
    /// scanner puts a word written at (x, line) on a straight page.
    fn turned(t: &str, x: f32, line: f32, slope: f32) -> PlacedWord {
        let (cx, cy) = (297.5, 421.0);
        let a = slope.atan();
        let (sin, cos) = (a.sin(), a.cos());
        let (mx, my) = (x + 15.0 - cx, line - 4.0 - cy);
        let (nx, ny) = (cx + mx * cos - my * sin, cy + mx * sin + my * cos);
        let baseline = ny + 4.0;
        PlacedWord {
            word: Word {
                text: t.into(),
                bbox: Rect {
                    x0: nx - 15.0,
                    y0: ny - 6.0,
                    x1: nx + 15.0,
                    y1: ny + 2.0,
                },
                font_size: 10.0,
                confidence: Some(0.9),
                ..Word::default()
            },
            baseline,
            line_y: baseline - slope * nx,
        }
    }

    #[test]
    fn a_skewed_scans_columns_are_found_straightened_and_words_stay_put() {
        // 30 two-cell lines on a page turned by 2 %: the right column's left edge
        // drifts 9 pt from top to bottom, more than a column may wander.
        let words: Vec<PlacedWord> = (0..30)
            .flat_map(|i| {
                let y = 100.0 + 15.0 * i as f32;
                [
                    turned("vänster", 60.0, y, 0.02),
                    turned("höger", 260.0, y, 0.02),
                ]
            })
            .collect();
        let before: Vec<Rect> = words.iter().map(|w| w.word.bbox).collect();
        let pages = pages_from_words(vec![WordPage {
            number: 1,
            width: 595.0,
            height: 842.0,
            words,
            rules: Vec::new(),
        }]);
        let lines = &pages[0].lines;
        assert_eq!(lines.len(), 30);
        for l in lines {
            assert_eq!(l.region, Some(0), "{}", l.text());
            assert_eq!(l.cells.len(), 2, "{}", l.text());
        }
        // Boxes are where the scan has them, for the report's crops.
        for (l, k) in lines.iter().zip(0..) {
            for (w, j) in l.words().zip(0..) {
                let b = before[2 * k + j];
                assert!((w.bbox.x0 - b.x0).abs() < 1e-2 && (w.bbox.y0 - b.y0).abs() < 1e-2);
            }
        }
    }

    #[test]
    fn a_scans_rules_split_table_rows() {
        // Three two-cell lines; a border between the second and the third: the first two
        // are one row, as a PDF's drawn border makes them.
        let line = |y: f32| [turned("punkt", 60.0, y, 0.0), turned("text", 260.0, y, 0.0)];
        let words: Vec<PlacedWord> = [100.0, 115.0, 140.0].into_iter().flat_map(line).collect();
        let page = |rules: Vec<Rect>| {
            pages_from_words(vec![WordPage {
                number: 1,
                width: 595.0,
                height: 842.0,
                words: words.clone(),
                rules,
            }])
        };
        let border = Rect {
            x0: 50.0,
            y0: 125.5,
            x1: 400.0,
            y1: 126.5,
        };
        let rows = |p: &[Page]| p[0].lines.iter().map(|l| l.row).collect::<Vec<_>>();
        assert_eq!(rows(&page(vec![border])), [Some(0), Some(0), Some(1)]);
        assert_eq!(rows(&page(Vec::new())), [Some(0), Some(1), Some(2)]);
    }
}
