//! One file → one record: read, extract (PDF) or split (text), repair, parse.
//! Every failure becomes an error record; nothing here panics on input.

use protokoll_model::record::{Format, Problem, Record, Source, Status, TextLayerKind};
use protokoll_model::{Cell, Document, Line, Page, Rect, TextLayer, Word};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Options shared by every file of a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Apply OCR repair.
    pub repair: bool,
    /// Extraction limits.
    pub limits: protokoll_pdf::Limits,
    /// Which scanned pages to OCR.
    pub ocr: OcrMode,
    /// How to OCR them.
    pub ocr_config: protokoll_ocr::Config,
}

/// When a PDF page is OCR'd (`--ocr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OcrMode {
    /// Pages with a page image and no text.
    Auto,
    /// No page.
    Never,
    /// Pages with a page image and no born-digital text: an existing OCR layer is
    /// replaced.
    Always,
}

/// What a file holds, by extension first, then by content.
fn format_of(path: &Path, bytes: &[u8]) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("txt") | Some("text") => Format::Text,
        Some("pdf") => Format::Pdf,
        _ if bytes.starts_with(b"%PDF-") => Format::Pdf,
        _ => Format::Text,
    }
}

fn problem(code: &str, message: impl Into<String>, page: Option<u32>) -> Problem {
    Problem {
        code: code.to_string(),
        message: message.into(),
        page,
    }
}

/// The document of a file, before repair, and the problems met on the way.
pub struct Loaded {
    pub record: Record,
    pub document: Option<Document>,
}

/// Reads and extracts a file; the record carries source facts and any errors.
pub fn load(path: &Path, display: &str, opts: &Options) -> Loaded {
    let mut record = Record {
        source: Source {
            path: display.to_string(),
            ..Source::default()
        },
        ..Record::default()
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            record.status = Status::Error;
            record
                .errors
                .push(problem("io", format!("cannot read {display}: {e}"), None));
            return Loaded {
                record,
                document: None,
            };
        }
    };
    record.source.bytes = bytes.len() as u64;
    record.source.sha256 = format!("{:x}", Sha256::digest(&bytes));
    let format = format_of(path, &bytes);
    record.source.format = format;
    let document = match format {
        Format::Text => match String::from_utf8(bytes) {
            Ok(text) if text.trim().is_empty() => {
                record
                    .errors
                    .push(problem("empty", "the file holds no text", None));
                None
            }
            Ok(text) => Some(text_document(&text)),
            Err(_) => {
                record
                    .errors
                    .push(problem("not_utf8", "plain-text input must be UTF-8", None));
                None
            }
        },
        Format::Pdf => match protokoll_pdf::extract(&bytes, &opts.limits) {
            Ok(mut ex) => {
                ocr_pages(&mut ex, opts, &mut record);
                for pe in &ex.page_errors {
                    record.warnings.push(problem(
                        pe.error.code(),
                        pe.error.to_string(),
                        Some(pe.page),
                    ));
                }
                if ex.truncated {
                    record.warnings.push(problem(
                        "truncated",
                        "the file is cut short (no %%EOF); text may be missing",
                        None,
                    ));
                }
                if ex.unmapped_glyphs > 0 {
                    record.warnings.push(problem(
                        "unmapped_glyphs",
                        format!(
                            "{} glyphs have no Unicode mapping; their text is missing",
                            ex.unmapped_glyphs
                        ),
                        None,
                    ));
                }
                if ex.guessed_glyphs > 0 {
                    record.warnings.push(problem(
                        "guessed_glyphs",
                        format!(
                            "{} glyphs have no Unicode mapping and were read as code points; \
                             their text may be wrong",
                            ex.guessed_glyphs
                        ),
                        None,
                    ));
                }
                Some(ex.document)
            }
            Err(e) => {
                record.errors.push(problem(e.code(), e.to_string(), None));
                None
            }
        },
    };
    if let Some(doc) = &document {
        record.source.pages = doc.pages.len() as u32;
        record.source.text_layer = TextLayerKind::from(doc.text_layer);
        record.source.producer = doc.producer.clone();
        if doc.pages.iter().all(|p| p.lines.is_empty()) {
            let scanned = doc.pages.iter().any(|p| p.has_page_image);
            let msg = if scanned {
                "the pages are images without a text layer; OCR them first"
            } else {
                "no text found"
            };
            record.errors.push(problem("no_text", msg, None));
        }
    }
    if !record.errors.is_empty() {
        record.status = Status::Error;
    } else if !record.warnings.is_empty() && record.warnings.iter().any(|w| w.page.is_some()) {
        record.status = Status::Partial;
    }
    Loaded { record, document }
}

/// Plain text as a one-page document: a line per text line, tab-separated cells.
/// Positions are synthetic (one unit per character) but keep order and indentation.
pub fn text_document(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pages = Vec::new();
    for (pi, page_text) in text.split('\u{c}').enumerate() {
        let mut lines = Vec::new();
        for (li, raw) in page_text.lines().enumerate() {
            let y = li as f32 * 12.0;
            let mut cells = Vec::new();
            let mut x = 0.0f32;
            let n_cells = raw.split('\t').filter(|c| !c.trim().is_empty()).count();
            for (ci, part) in raw.split('\t').enumerate() {
                let indent = part.chars().take_while(|c| c.is_whitespace()).count() as f32;
                let mut words = Vec::new();
                let mut wx = x + indent * 5.0;
                for w in part.split_whitespace() {
                    let width = w.chars().count() as f32 * 5.0;
                    words.push(Word {
                        text: w.into(),
                        bbox: Rect {
                            x0: wx,
                            y0: y,
                            x1: wx + width,
                            y1: y + 10.0,
                        },
                        font_size: 10.0,
                        ..Word::default()
                    });
                    wx += width + 3.0;
                }
                x += 300.0;
                if !words.is_empty() {
                    cells.push(Cell {
                        column: if n_cells > 1 { ci } else { 0 },
                        words,
                    });
                }
            }
            if !cells.is_empty() {
                lines.push(Line {
                    cells,
                    ..Line::default()
                });
            }
        }
        pages.push(Page {
            number: pi as u32 + 1,
            width: 600.0,
            height: 842.0,
            lines,
            has_page_image: false,
        });
    }
    Document {
        pages,
        text_layer: TextLayer::Native,
        producer: None,
    }
}

/// Runs the whole pipeline on one file.
pub fn process(path: &Path, display: &str, opts: &Options) -> Record {
    let Loaded {
        mut record,
        document,
    } = load(path, display, opts);
    let Some(mut doc) = document else {
        return record;
    };
    if record.status == Status::Error {
        return record;
    }
    let plain = record.source.format == Format::Text;
    let repairs = protokoll_text::repair_document_from(&mut doc, opts.repair, plain);
    record.corrections = repairs.corrections;
    record.suggestions = repairs.suggestions;
    let parsed = protokoll_parse::parse(&doc);
    record.meeting = parsed.meeting;
    record.items = parsed.items;
    record.attendance = parsed.attendance;
    record.meeting_dates = parsed.meeting_dates;
    record.layout = parsed.layout;
    record.warnings.extend(parsed.warnings);
    record
}

/// A record for a file whose processing panicked (a bug: reported, never fatal).
pub fn panic_record(display: &str) -> Record {
    Record {
        source: Source {
            path: display.to_string(),
            ..Source::default()
        },
        status: Status::Error,
        errors: vec![problem(
            "internal",
            "protokoll failed on this file (a bug; please report it)",
            None,
        )],
        ..Record::default()
    }
}

/// Why a page is OCR'd.
#[derive(Debug, Clone, Copy)]
enum Why {
    /// A page image without text.
    NoText,
    /// Someone else's OCR layer that the damage gate found damaged: read again, and
    /// the better reading kept ([`protokoll_text::quality`]).
    Damaged(protokoll_text::quality::Reading),
    /// `--ocr always`: the layer is replaced whatever it reads.
    Replace,
}

/// Tesseract's mean word confidence below which a fresh reading never replaces a
/// layer: the engine itself says it could not read the page well.
const MIN_FRESH_CONFIDENCE: f32 = 0.6;

/// The pages to OCR and why: `--ocr auto` takes image pages without text, and image
/// pages whose OCR layer the damage gate finds damaged (lost å/ä/ö, or mostly out of
/// the lexicon); a page too short to judge goes with the document's judged layer
/// pages. Born-digital text is never OCR'd.
fn ocr_targets(ex: &protokoll_pdf::Extraction, mode: OcrMode) -> Vec<(usize, Why)> {
    let pages = &ex.document.pages;
    let page_of = |n: u32| pages.iter().find(|p| p.number == n);
    let lex = protokoll_text::lexicon::Lexicon::swedish();
    // The gate's verdict per image page that carries an OCR layer.
    let verdicts: Vec<(usize, Option<bool>)> = match (mode, lex) {
        (OcrMode::Auto, Some(lex)) => ex
            .page_images
            .iter()
            .enumerate()
            .filter_map(|(i, src)| {
                let p = page_of(src.page())?;
                let layer =
                    !p.lines.is_empty() && protokoll_pdf::page_kind(p) == TextLayer::OcrLayer;
                layer.then(|| (i, protokoll_text::quality::layer_damaged(p, lex)))
            })
            .collect(),
        _ => Vec::new(),
    };
    let (hits, judged) = verdicts
        .iter()
        .filter_map(|(_, v)| *v)
        .fold((0, 0), |(h, n), d| (h + usize::from(d), n + 1));
    let majority = hits * 2 > judged;
    ex.page_images
        .iter()
        .enumerate()
        .filter_map(|(i, src)| {
            let p = page_of(src.page())?;
            let why = match mode {
                OcrMode::Never => None,
                _ if p.lines.is_empty() => Some(Why::NoText),
                // Born-digital text is never OCR'd.
                OcrMode::Always => {
                    (protokoll_pdf::page_kind(p) != TextLayer::Native).then_some(Why::Replace)
                }
                OcrMode::Auto => {
                    let (_, v) = verdicts.iter().find(|(j, _)| *j == i)?;
                    let lex = lex?;
                    v.unwrap_or(majority)
                        .then(|| Why::Damaged(protokoll_text::quality::reading(p, lex)))
                }
            };
            Some((i, why?))
        })
        .collect()
}

/// A damaged OCR layer read again: the layer's words where they stand (its lines,
/// cells and rows, which the parser has read well), each with the text of the fresh
/// words whose centres fall inside its box, in reading order; a layer word no fresh
/// word covers keeps its text, and so does a Swedish word the fresh reading misread
/// ([`protokoll_text::quality::fresh_word_is_better`]). So the fresh reading mends the letters without moving
/// what the layout depends on.
fn reread(layer: &Page, fresh: &Page, lex: &protokoll_text::lexicon::Lexicon) -> Page {
    let fresh_words: Vec<&Word> = fresh.lines.iter().flat_map(|l| l.words()).collect();
    let mut out = layer.clone();
    for w in out
        .lines
        .iter_mut()
        .flat_map(|l| l.cells.iter_mut())
        .flat_map(|c| c.words.iter_mut())
    {
        let b = w.bbox;
        let mut inside: Vec<&&Word> = fresh_words
            .iter()
            .filter(|f| {
                let (cx, cy) = ((f.bbox.x0 + f.bbox.x1) / 2.0, (f.bbox.y0 + f.bbox.y1) / 2.0);
                cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1
            })
            .collect();
        if inside.is_empty() {
            continue;
        }
        inside.sort_by(|a, c| a.bbox.x0.total_cmp(&c.bbox.x0));
        let text: Vec<&str> = inside.iter().map(|f| &*f.text).collect();
        let text = text.join(" ");
        if !protokoll_text::quality::fresh_word_is_better(&w.text, &text, lex) {
            continue;
        }
        w.text = text.into();
        w.confidence = inside
            .iter()
            .filter_map(|f| f.confidence)
            .min_by(f32::total_cmp);
    }
    out
}

/// OCRs the scanned pages `opts.ocr` asks for ([`ocr_targets`]), in parallel on the
/// run's thread pool (one Tesseract thread per job; results are taken in page order,
/// so the record does not depend on the thread count), and puts their words in place
/// of the pages' own where that is the better reading. Problems are warnings on the
/// record; where nothing else gives text, an unavailable Tesseract is the record's
/// error.
fn ocr_pages(ex: &mut protokoll_pdf::Extraction, opts: &Options, record: &mut Record) {
    use rayon::prelude::*;
    let targets = ocr_targets(ex, opts.ocr);
    if targets.is_empty() {
        return;
    }
    let doc = &mut ex.document;
    let cfg = &opts.ocr_config;
    if let Err(e) = protokoll_ocr::check(cfg) {
        let textless = doc.pages.iter().all(|p| p.lines.is_empty());
        let p = problem(e.code(), e.to_string(), None);
        if textless {
            record.errors.push(p);
        } else {
            record.warnings.push(p);
        }
        return;
    }
    let images = &ex.page_images;
    let results: Vec<(u32, Why, Result<Vec<protokoll_pdf::PlacedWord>, String>)> = targets
        .par_iter()
        .filter_map(|&(i, why)| {
            let src = images.get(i)?;
            let words = src
                .decode(&opts.limits)
                .map_err(|e| e.to_string())
                .and_then(|img| {
                    protokoll_ocr::recognize_page(&img, cfg).map_err(|e| e.to_string())
                });
            Some((src.page(), why, words))
        })
        .collect();
    let mut done = Vec::new();
    let mut why_of = Vec::new();
    for (page, why, words) in results {
        match words {
            Ok(words) => {
                let Some(p) = doc.pages.iter().find(|p| p.number == page) else {
                    continue;
                };
                done.push(protokoll_pdf::WordPage {
                    number: page,
                    width: p.width,
                    height: p.height,
                    words,
                });
                why_of.push((page, why));
            }
            Err(msg) => record.warnings.push(problem(
                "ocr_failed",
                format!("page {page} could not be OCR'd: {msg}"),
                Some(page),
            )),
        }
    }
    if done.is_empty() {
        return;
    }
    let mut ocred: Vec<u32> = Vec::new();
    let (mut replaced, mut kept) = (Vec::new(), Vec::new());
    for page in protokoll_pdf::pages_from_words(done) {
        let why = why_of.iter().find(|(n, _)| *n == page.number).map(|w| w.1);
        let mut page = page;
        if let (Some(Why::Damaged(layer)), Some(lex)) =
            (why, protokoll_text::lexicon::Lexicon::swedish())
        {
            let Some(old) = doc.pages.iter().find(|p| p.number == page.number) else {
                continue;
            };
            page = reread(old, &page, lex);
            let fresh = protokoll_text::quality::reading(&page, lex);
            let note = format!(
                "page {}: {:.2} against {:.2} (confidence {:.2})",
                page.number,
                fresh.share(),
                layer.share(),
                fresh.confidence.unwrap_or(0.0)
            );
            if !protokoll_text::quality::fresh_is_better(&layer, &fresh, MIN_FRESH_CONFIDENCE) {
                kept.push(note);
                continue;
            }
            replaced.push(note);
        }
        if let Some(slot) = doc.pages.iter_mut().find(|p| p.number == page.number) {
            ocred.push(page.number);
            *slot = page;
        }
    }
    if !replaced.is_empty() {
        record.warnings.push(problem(
            "ocr_layer_replaced",
            format!(
                "the OCR layer looked damaged (lost å/ä/ö or out-of-lexicon words) and \
                 Tesseract's reading has the larger share of Swedish words (fresh against \
                 layer): {}; the layer was replaced",
                replaced.join("; ")
            ),
            None,
        ));
    }
    if !kept.is_empty() {
        record.warnings.push(problem(
            "ocr_layer_kept",
            format!(
                "the OCR layer looked damaged and was read again, but Tesseract's reading \
                 was no better (share of Swedish words, fresh against layer, and its mean \
                 confidence, at least {MIN_FRESH_CONFIDENCE} needed): {}; the layer was kept",
                kept.join("; ")
            ),
            None,
        ));
    }
    if ocred.is_empty() {
        return;
    }
    // Furniture is found across all pages, the OCR'd ones now included.
    protokoll_pdf::mark_furniture(&mut doc.pages);
    let kinds: Vec<TextLayer> = doc
        .pages
        .iter()
        .map(|p| {
            if ocred.contains(&p.number) && !p.lines.is_empty() {
                TextLayer::OcrEngine
            } else {
                protokoll_pdf::page_kind(p)
            }
        })
        .collect();
    doc.text_layer = protokoll_pdf::combine_kinds(&kinds);
    let n = ocred.len();
    let plural = if n == 1 { "" } else { "s" };
    record.warnings.push(problem(
        "ocr",
        format!(
            "{n} page{plural} OCR'd with Tesseract ({}); check names and numbers",
            cfg.lang
        ),
        None,
    ));
}
