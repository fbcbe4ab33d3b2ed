//! OCR of scanned pages with Tesseract (Debian `tesseract-ocr` + `tesseract-ocr-swe`).
//!
//! libtesseract is loaded at run time through its C API (`tess`), so this crate builds
//! and tests without it, and a machine without it gets [`OcrError::Unavailable`]. Each
//! thread keeps one initialised engine; Tesseract should run one thread per job, so a
//! program should set `OMP_THREAD_LIMIT=1` before the first call (the `protokoll`
//! binary does so at start-up), or its OpenMP threads compete with the caller's.
//!
//! [`recognize_page`] returns words placed in page points, ready for
//! [`protokoll_pdf::pages_from_words`], which groups them as extracted text is.
#![deny(missing_docs)]

mod rules;
mod tess;

use protokoll_model::record::ProblemCode;
use protokoll_model::{Rect, Word};
use protokoll_pdf::{PageImage, PlacedWord};
use std::cell::RefCell;
use std::time::Duration;

/// The line users and CI install Tesseract with.
pub const INSTALL_HINT: &str = "apt-get install tesseract-ocr tesseract-ocr-swe";

/// Why OCR failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OcrError {
    /// libtesseract could not be loaded.
    #[error("Tesseract is not installed ({0}); install it with: {INSTALL_HINT}")]
    Unavailable(String),
    /// The language model could not be loaded.
    #[error("Tesseract's '{0}' model is not installed; install it with: {INSTALL_HINT}")]
    ModelMissing(String),
    /// Recognition failed.
    #[error("OCR failed: {0}")]
    Failed(String),
    /// Over the per-page time limit.
    #[error("OCR of a page took longer than {0} s")]
    Timeout(u32),
}

impl OcrError {
    /// The record's error code.
    pub fn code(&self) -> ProblemCode {
        match self {
            OcrError::Unavailable(_) | OcrError::ModelMissing(_) => ProblemCode::OcrUnavailable,
            OcrError::Failed(_) => ProblemCode::OcrFailed,
            OcrError::Timeout(_) => ProblemCode::Timeout,
        }
    }
}

/// What to recognise with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Tesseract language(s), e.g. "swe".
    pub lang: String,
    /// Folder of `*.traineddata`; None: Tesseract's default (or `TESSDATA_PREFIX`).
    pub datapath: Option<String>,
    /// Time allowed per page.
    pub page_time: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: "swe".into(),
            datapath: None,
            page_time: Duration::from_secs(60),
        }
    }
}

/// An engine's model folder and language.
type EngineKey = (Option<String>, String);

thread_local! {
    /// One engine per thread and configuration: loading a model costs a fraction of a
    /// second, so it is kept for the thread's next page.
    static ENGINE: RefCell<Option<(EngineKey, tess::Engine)>> =
        const { RefCell::new(None) };
}

/// Whether OCR can run with `cfg`: the library loads and the model initialises.
pub fn check(cfg: &Config) -> Result<(), OcrError> {
    with_engine(cfg, |_| Ok(()))
}

fn with_engine<T>(
    cfg: &Config,
    f: impl FnOnce(&mut tess::Engine) -> Result<T, OcrError>,
) -> Result<T, OcrError> {
    let key = (cfg.datapath.clone(), cfg.lang.clone());
    ENGINE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|(k, _)| *k != key) {
            *slot = None;
            let engine = tess::Engine::new(cfg.datapath.as_deref(), &cfg.lang)?;
            *slot = Some((key, engine));
        }
        match slot.as_mut() {
            Some((_, engine)) => f(engine),
            None => Err(OcrError::Failed("no engine".into())),
        }
    })
}

/// The resolution to tell Tesseract: the image's pixels over its placed size, rounded;
/// 300 where the placement says nothing usable.
pub fn dpi_of(img: &PageImage) -> u32 {
    let d = img.dpi();
    if d.is_finite() && d >= 1.0 {
        d.round() as u32
    } else {
        300
    }
}

/// Recognises a page image; its words are placed in page points (top-left origin).
pub fn recognize_page(img: &PageImage, cfg: &Config) -> Result<Vec<PlacedWord>, OcrError> {
    read_words(img, &img.grey, cfg)
}

/// A page read by OCR with its ruling lines taken out first.
#[derive(Debug, Clone, Default)]
pub struct OcrPage {
    /// The words, in page points.
    pub words: Vec<PlacedWord>,
    /// The ruling lines (table borders, underlines) found in the image, as thin boxes in
    /// page points: a skewed line's box is its ends' hull, its thickness added.
    pub rules: Vec<Rect>,
}

/// Recognises a page image as [`recognize_page`] does, after painting out its ruling
/// lines (which Tesseract would read as `|`, `=` or dashes glued to the cells' words),
/// and returns the lines too, for layout analysis to use as it uses a PDF's drawn
/// rules (table row borders).
pub fn recognize_ruled_page(img: &PageImage, cfg: &Config) -> Result<OcrPage, OcrError> {
    let (w, h) = (img.width as usize, img.height as usize);
    let dpi = dpi_of(img);
    let found = rules::find(&img.grey, w, h, dpi);
    let mut grey = std::borrow::Cow::Borrowed(&img.grey[..]);
    if !found.is_empty() {
        rules::erase(grey.to_mut(), w, dpi, &found);
    }
    // Tesseract reads the wide gap between two cells of a line as a `=` or a dash of
    // its own: a word over bare paper is dropped.
    let ink = rules::ink_level(&grey);
    let mut raw: Vec<tess::RawWord> = read_raw(img, &grey, cfg)?
        .into_iter()
        .filter(|r| rules::has_ink(&grey, w, r.bbox, ink, MIN_WORD_INK))
        .collect();
    reread_lone_words(&mut raw, (&grey, ink), (w, h), dpi, cfg)?;
    let words = raw
        .iter()
        .filter_map(|r| place(r, |x, y| img.page_point(x, y)))
        .collect();
    let rules = found
        .iter()
        .filter_map(|r| rule_box(r, |x, y| img.page_point(x, y)))
        .collect();
    Ok(OcrPage { words, rules })
}

/// Tesseract's confidence (0-100) from which a cell's own reading is taken over its
/// line's: "2." at 80 where the line read "2:" at 93; misreadings of a cell cut too
/// tight come out far lower (9-50).
const SURE_CELL: f32 = 70.0;

/// Re-reads the short words that stand alone at the start of a line, cut out of the page
/// and read as a line of their own. Read as one block with the rest of its line across
/// a gutter, an item number in a narrow table column comes out as "15" for "1." or "<p"
/// for "3."; on its own, as the cell it is, it reads right. A cut whose reading is not
/// taken is read once more thresholded at the page's ink level (`ink`): on a cut that
/// small, mostly paper, Tesseract's own threshold can miss (a "3. ordf." read
/// "3-0rdt:" at confidence 0, and 96 for both words thresholded).
fn reread_lone_words(
    raw: &mut Vec<tess::RawWord>,
    (grey, ink): (&[u8], u8),
    (w, h): (usize, usize),
    dpi: u32,
    cfg: &Config,
) -> Result<(), OcrError> {
    let ms = u32::try_from(cfg.page_time.as_millis()).unwrap_or(u32::MAX);
    let lone = lone_cells(raw, (w, h));
    if lone.is_empty() {
        return Ok(());
    }
    with_engine(cfg, |e| {
        e.set_page_mode(tess::PageMode::SingleLine);
        let mut result = Ok(());
        // From the last, so that a cell's words replaced leave the earlier indices be.
        for (start, end, [l, t, r, b]) in lone.into_iter().rev() {
            let cut: Vec<u8> = (t..b)
                .flat_map(|y| {
                    grey.get(y * w + l..y * w + r)
                        .unwrap_or(&[])
                        .iter()
                        .copied()
                })
                .collect();
            let (cw, ch) = (u32::try_from(r - l), u32::try_from(b - t));
            let (Ok(cw), Ok(ch)) = (cw, ch) else { continue };
            let Some(old) = raw.get(start..end) else {
                continue;
            };
            let mut read = |img: &[u8]| {
                e.recognize(img, cw, ch, dpi, ms)
                    .map(|read| taken(read, old))
            };
            let read = match read(&cut) {
                Ok(None) => read(&bilevel(&cut, ink)),
                first => first,
            };
            let read = match read {
                Ok(Some(read)) => read,
                Ok(None) => continue,
                Err(err) => {
                    result = Err(err);
                    break;
                }
            };
            // The cell's words on the page, on their line as Tesseract found it.
            let Some(first_old) = old.first() else {
                continue;
            };
            let (line_baseline, line_box) = (first_old.line_baseline, first_old.line_box);
            let (dx, dy) = (l as i32, t as i32);
            let fresh: Vec<tess::RawWord> = read
                .into_iter()
                .map(|x| tess::RawWord {
                    bbox: [
                        x.bbox[0] + dx,
                        x.bbox[1] + dy,
                        x.bbox[2] + dx,
                        x.bbox[3] + dy,
                    ],
                    line_baseline,
                    line_box,
                    ..x
                })
                .collect();
            raw.splice(start..end, fresh);
        }
        e.set_page_mode(tess::PageMode::SingleBlock);
        result
    })
}

/// `grey` thresholded: darker than `ink` black, the rest white.
fn bilevel(grey: &[u8], ink: u8) -> Vec<u8> {
    grey.iter()
        .map(|&v| if v < ink { 0 } else { 255 })
        .collect()
}

/// A cell's own reading, unless Tesseract is unsure of it and surer of the line's
/// (`old`; confidence: the least of the words').
fn taken(read: Vec<tess::RawWord>, old: &[tess::RawWord]) -> Option<Vec<tess::RawWord>> {
    let least = |ws: &[tess::RawWord]| ws.iter().map(|x| x.confidence).fold(f32::MAX, f32::min);
    let (conf, was) = (least(&read), least(old));
    (!read.is_empty() && (conf >= SURE_CELL || conf > was)).then_some(read)
}

/// Words from the start of a line up to a gap this many line heights wide (a gutter)
/// make a cell ...
const LONE_GAP: f32 = 1.5;
/// ... read again on its own if it is at most this many line heights wide ...
const LONE_WIDTH: f32 = 4.0;
/// ... and this many words: an item number, perhaps with a presenter ("3. ordf.").
const LONE_WORDS: usize = 3;

/// The short first cells of lines (see [`reread_lone_words`]): the words `start..end`
/// and the cell's pixel box in a `w`×`h` image, `[l, t, r, b]`.
fn lone_cells(raw: &[tess::RawWord], (w, h): (usize, usize)) -> Vec<(usize, usize, [usize; 4])> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = raw.get(i) {
        let line = first.line_box;
        let line_end = (i..raw.len())
            .find(|&k| raw.get(k).is_none_or(|x| x.line_box != line))
            .unwrap_or(raw.len());
        let start = i;
        i = line_end;
        let Some(line) = line else { continue };
        let line_h = (line[3] - line[1]).max(1) as f32;
        // The cell ends at the line's first gutter; a line without one has no cells.
        let Some(end) = (start + 1..line_end).find(|&k| match (raw.get(k - 1), raw.get(k)) {
            (Some(a), Some(b)) => (b.bbox[0] - a.bbox[2]) as f32 >= LONE_GAP * line_h,
            _ => false,
        }) else {
            continue;
        };
        let (Some(last), Some(next)) = (raw.get(end - 1), raw.get(end)) else {
            continue;
        };
        let width = (last.bbox[2] - first.bbox[0]) as f32;
        if end - start > LONE_WORDS || width > LONE_WIDTH * line_h {
            continue;
        }
        // The cell: the line's height and a little more (not the next line's
        // ascenders), a line height's margin to the left, short of the next word to
        // the right.
        let pad = line_h as i32;
        let gap = next.bbox[0] - last.bbox[2];
        let b = [
            first.bbox[0] - pad,
            line[1] - pad / 5,
            last.bbox[2] + pad.min(gap / 2),
            line[3] + pad / 5,
        ];
        let [l, t, r, bt] = b.map(|v| usize::try_from(v.max(0)).unwrap_or(0));
        let (r, bt) = (r.min(w), bt.min(h));
        if r > l && bt > t {
            out.push((start, end, [l, t, r, bt]));
        }
    }
    out
}

/// A rule in pixels → its box on the page: the hull of its centre line's ends, widened
/// by its thickness.
fn rule_box(r: &rules::PixRule, to_page: impl Fn(f32, f32) -> (f32, f32)) -> Option<Rect> {
    let ends = [r.lo as f32, r.hi as f32].map(|along| {
        let across = r.at(along);
        if r.horizontal {
            to_page(along, across)
        } else {
            to_page(across, along)
        }
    });
    // The thickness in points: a pixel's size on the page times the pixels.
    let (o, one) = (to_page(0.0, 0.0), to_page(1.0, 0.0));
    let half = r.thick * (one.0 - o.0).hypot(one.1 - o.1) / 2.0;
    let [p, q] = ends;
    let b = Rect {
        x0: p.0.min(q.0),
        y0: p.1.min(q.1),
        x1: p.0.max(q.0),
        y1: p.1.max(q.1),
    };
    let horizontal_on_page = b.x1 - b.x0 >= b.y1 - b.y0;
    let b = if horizontal_on_page {
        Rect {
            y0: b.y0 - half,
            y1: b.y1 + half,
            ..b
        }
    } else {
        Rect {
            x0: b.x0 - half,
            x1: b.x1 + half,
            ..b
        }
    };
    [b.x0, b.y0, b.x1, b.y1]
        .iter()
        .all(|v| v.is_finite())
        .then_some(b)
}

/// Tesseract's words from `grey` (the image's pixels, or a cleaned copy), placed on the
/// page by the image's placement.
fn read_words(img: &PageImage, grey: &[u8], cfg: &Config) -> Result<Vec<PlacedWord>, OcrError> {
    Ok(read_raw(img, grey, cfg)?
        .iter()
        .filter_map(|w| place(w, |x, y| img.page_point(x, y)))
        .collect())
}

/// Tesseract's words from `grey`, in pixels.
fn read_raw(img: &PageImage, grey: &[u8], cfg: &Config) -> Result<Vec<tess::RawWord>, OcrError> {
    let ms = u32::try_from(cfg.page_time.as_millis()).unwrap_or(u32::MAX);
    with_engine(cfg, |e| {
        let read = |e: &mut tess::Engine| e.recognize(grey, img.width, img.height, dpi_of(img), ms);
        let block = read(e)?;
        if block.len() >= SPARSE_PAGE_WORDS {
            return Ok(block);
        }
        // A page read as one block that gives (almost) nothing may be mostly blank:
        // Tesseract's own layout analysis finds its few lines.
        e.set_page_mode(tess::PageMode::Auto);
        let auto = read(e);
        e.set_page_mode(tess::PageMode::SingleBlock);
        let auto = auto?;
        Ok(if auto.len() > block.len() {
            auto
        } else {
            block
        })
    })
}

/// A word box with fewer ink pixels than this is bare paper (a full stop at 8 pt and
/// 150 dpi still has a few more).
const MIN_WORD_INK: usize = 4;

/// Fewer words than this from a page read as one block: read it again with layout
/// analysis.
const SPARSE_PAGE_WORDS: usize = 5;

/// Cap height and ascenders reach about this far above the baseline, in font sizes.
const ASCENT: f32 = 0.72;

/// A word in pixels → a word on the page: the box is the transformed corners' hull;
/// the baseline is the word's text line's, taken under the word's centre.
fn place(w: &tess::RawWord, to_page: impl Fn(f32, f32) -> (f32, f32)) -> Option<PlacedWord> {
    let [l, t, r, b] = w.bbox.map(|v| v as f32);
    let corners = [to_page(l, t), to_page(r, t), to_page(l, b), to_page(r, b)];
    let (x0, x1) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    let (y0, y1) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    if !(x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite()) {
        return None;
    }
    let cx = (x0 + x1) / 2.0;
    // The line's baseline on the page, as y = y_at_0 + slope·x.
    let (slope, y_at_0) = match w.line_baseline {
        Some([bx1, by1, bx2, by2]) => {
            let p = to_page(bx1 as f32, by1 as f32);
            let q = to_page(bx2 as f32, by2 as f32);
            let slope = if (q.0 - p.0).abs() > 1.0 {
                (q.1 - p.1) / (q.0 - p.0)
            } else {
                0.0
            };
            (slope, p.1 - slope * p.0)
        }
        None => (0.0, y1),
    };
    let baseline = y_at_0 + slope * cx;
    // The font size from the line's top above its baseline: a line nearly always holds
    // a capital or an ascender, a single word often does not.
    let ascent = w.line_box.map(|[ll, lt, lr, _]| {
        let (mx, top) = to_page((ll + lr) as f32 / 2.0, lt as f32);
        y_at_0 + slope * mx - top
    });
    let size = match ascent {
        Some(a) if a > 1.0 && a.is_finite() => a / ASCENT,
        _ => (y1 - y0).max(1.0),
    };
    Some(PlacedWord {
        word: Word {
            text: w.text.as_str().into(),
            bbox: Rect { x0, y0, x1, y1 },
            font_size: size,
            // Our own OCR text is a text layer over the image, as a scanner's would be.
            invisible: true,
            confidence: Some((w.confidence / 100.0).clamp(0.0, 1.0)),
            ..Word::default()
        },
        baseline,
        line_y: y_at_0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, bbox: [i32; 4], line: [i32; 4], line_box: [i32; 4]) -> tess::RawWord {
        tess::RawWord {
            text: text.into(),
            confidence: 91.0,
            bbox,
            line_baseline: Some(line),
            line_box: Some(line_box),
        }
    }

    #[test]
    fn words_land_in_page_points_with_size_and_skew() {
        // 300 dpi, the image filling the page from its top-left corner: 1 px = 0.24 pt.
        let k = 72.0 / 300.0;
        let to_page = |x: f32, y: f32| (x * k, y * k);
        // A line 100 px tall overall whose baseline falls 20 px over 2000 px (skew).
        let line = [0, 1000, 2000, 1020];
        let line_box = [0, 930, 2000, 1040];
        let w = place(
            &raw("Protokoll", [1000, 940, 1300, 1012], line, line_box),
            to_page,
        )
        .unwrap();
        assert_eq!(&*w.word.text, "Protokoll");
        assert!((w.word.bbox.x0 - 240.0).abs() < 1e-3);
        assert!((w.word.bbox.y1 - 1012.0 * k).abs() < 1e-3);
        // The baseline under the word's centre (x = 1150 px): 1000 + 11.5 px.
        assert!((w.baseline - 1011.5 * k).abs() < 1e-2, "{}", w.baseline);
        assert!((w.line_y - 240.0).abs() < 1e-3);
        // Ascent: baseline at the line's middle (1010 px) minus its top (930 px).
        assert!((w.word.font_size - 80.0 * k / ASCENT).abs() < 1e-2);
        assert_eq!(w.word.confidence, Some(0.91));
        assert!(w.word.invisible);
    }

    #[test]
    fn an_item_number_alone_in_its_cell_is_cut_out() {
        // "1." then a gutter then the title, on one line 50 px tall; a body line below.
        let line = [100, 400, 1800, 450];
        let body = [100, 480, 1800, 530];
        let words = [
            raw("1.", [110, 410, 140, 450], line, line),
            raw("Mötet", [400, 405, 520, 450], line, line),
            raw("öppnas", [540, 405, 690, 450], line, line),
            raw("Ingmar", [100, 485, 260, 530], body, body),
            raw("rapporterar", [280, 485, 520, 530], body, body),
        ];
        // The cell: 50 px margin left, the line ±10 px, half the gutter's reach right.
        assert_eq!(
            lone_cells(&words, (2000, 3000)),
            [(0, 1, [60, 390, 190, 460])]
        );
        // Near the image's edge the cell is cut to the image.
        assert_eq!(
            lone_cells(&words[..3], (170, 455)),
            [(0, 1, [60, 390, 170, 455])]
        );
        // "3. ordf." is one cell of two words; a line of running text has none.
        let two = [
            raw("3.", [110, 410, 140, 450], line, line),
            raw("ordf.", [155, 410, 230, 450], line, line),
            raw("Val", [400, 405, 470, 450], line, line),
        ];
        assert_eq!(
            lone_cells(&two, (2000, 3000)),
            [(0, 2, [60, 390, 280, 460])]
        );
        assert!(lone_cells(&words[3..], (2000, 3000)).is_empty());
    }

    #[test]
    fn a_cells_reading_is_taken_when_sure_or_surer_than_the_lines() {
        let line = [0, 0, 100, 40];
        let with = |conf: f32| tess::RawWord {
            confidence: conf,
            ..raw("3.", [0, 0, 20, 40], line, line)
        };
        // Sure of itself: taken even where the line's reading was surer.
        assert!(taken(vec![with(75.0), with(96.0)], &[with(93.0)]).is_some());
        // Unsure, but surer than the line's.
        assert!(taken(vec![with(40.0)], &[with(30.0)]).is_some());
        // Unsure and no surer than the line's; nothing read.
        assert!(taken(vec![with(38.0), with(90.0)], &[with(60.0)]).is_none());
        assert!(taken(vec![], &[with(10.0)]).is_none());
        // Thresholded again at the page's ink level for a second reading.
        assert_eq!(
            bilevel(&[0, 150, 210, 211, 230, 255], 211),
            [0, 0, 0, 255, 255, 255]
        );
    }

    #[test]
    fn dpi_from_placement() {
        // 1275 px over 612 pt: 150 dpi.
        let s = 612.0 / 1275.0;
        let img = PageImage {
            page: 1,
            width: 1275,
            height: 1752,
            grey: vec![],
            to_page: [s, 0.0, 0.0, s, 0.0, 0.0],
        };
        assert_eq!(dpi_of(&img), 150);
    }

    #[test]
    fn missing_library_or_model_is_an_error() {
        // Wherever this runs: either OCR works, or the error is the typed one.
        let cfg = Config {
            lang: "no-such-model".into(),
            ..Config::default()
        };
        match check(&cfg) {
            Err(e) => assert_eq!(e.code(), ProblemCode::OcrUnavailable, "{e}"),
            Ok(()) => panic!("a model that does not exist loaded"),
        }
    }
}
