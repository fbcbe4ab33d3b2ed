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
            Ok(ex) => {
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
