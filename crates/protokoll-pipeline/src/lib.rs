//! One file → one record: read, extract (PDF) or split (text), repair, parse.
//! The one home of the pipeline: the `protokoll` binary, the Python package and the
//! fuzz targets all call [`process`] / [`process_bytes`].
//! Every failure becomes an error record; nothing here panics on input.

use protokoll_model::record::{Format, Problem, ProblemCode, Record, Source, Status};
use protokoll_model::{Budget, Cell, Document, Line, Page, Rect, TextLayer, Word};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

/// Options shared by every file of a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Apply OCR repair.
    pub repair: bool,
    /// Extraction limits; `limits.time` is the document's CPU-time budget (`--timeout`).
    pub limits: protokoll_pdf::Limits,
    /// Which scanned pages to OCR.
    pub ocr: OcrMode,
    /// How to OCR them.
    pub ocr_config: protokoll_ocr::Config,
    /// Largest plain-text file read, in bytes. Memory is about 20 times the text (each
    /// word is a positioned token), and minutes are a few hundred kB at most.
    pub max_text_bytes: u64,
    /// Tests only (`PROTOKOLL_TEST_BUDGET_CHECKS`): a budget spent after this many
    /// checks instead of `limits.time`, so a test can cut a document at a known place.
    pub budget_checks: Option<u64>,
}

impl Default for Options {
    /// `ingest`'s defaults.
    fn default() -> Self {
        Options {
            repair: true,
            limits: protokoll_pdf::Limits::default(),
            ocr: OcrMode::Auto,
            ocr_config: protokoll_ocr::Config::default(),
            max_text_bytes: 64 << 20,
            budget_checks: None,
        }
    }
}

impl Options {
    /// The options that change a record's content (`Record::options`), part of the
    /// key by which `--resume` knows a file is done. `--timeout` is not: a record it
    /// cut short says so, and `--retry-errors` does it again.
    pub fn key(&self) -> String {
        let repair = if self.repair { "yes" } else { "no" };
        format!("repair={repair} ocr={}", self.ocr.as_str())
    }

    /// The budget of one document, starting now on this thread.
    pub fn budget(&self) -> Budget {
        match self.budget_checks {
            Some(n) => Budget::after_checks(n),
            None => Budget::new(self.limits.time),
        }
    }
}

/// When a PDF page is OCR'd (`--ocr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum OcrMode {
    /// Pages with a page image and no text.
    Auto,
    /// No page.
    Never,
    /// Pages with a page image and no born-digital text: an existing OCR layer is
    /// replaced.
    Always,
}

impl OcrMode {
    /// Every mode, in the order `--ocr` lists them.
    pub const ALL: [OcrMode; 3] = [OcrMode::Auto, OcrMode::Never, OcrMode::Always];

    /// The command line's spelling ("auto", "never", "always").
    pub fn as_str(self) -> &'static str {
        match self {
            OcrMode::Auto => "auto",
            OcrMode::Never => "never",
            OcrMode::Always => "always",
        }
    }
}

impl std::str::FromStr for OcrMode {
    type Err = String;

    /// A mode by its spelling; the error lists the ones there are.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OcrMode::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("ocr must be 'auto', 'never' or 'always', not {s:?}"))
    }
}

/// What a file holds, by extension first, then by content (`%PDF-`).
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
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

fn problem(code: ProblemCode, message: impl Into<String>, page: Option<u32>) -> Problem {
    Problem {
        code,
        message: message.into(),
        page,
    }
}

/// The document of a file, before repair, and the problems met on the way.
pub struct Loaded {
    /// The record so far: source facts, and the errors or warnings of reading.
    pub record: Record,
    /// The pages read, or `None` when the file could not be read at all.
    pub document: Option<Document>,
}

/// `--timeout` as the user wrote it ("8", "0.5").
fn secs(d: std::time::Duration) -> String {
    format!("{}", d.as_secs_f64())
}

/// The warning of a document whose budget ran out while reading: what was read is
/// kept, the message says how to get the rest.
fn timeout_warning(budget: &Budget, what: &str) -> Problem {
    let limit = secs(budget.limit());
    problem(
        ProblemCode::Timeout,
        format!("stopped after {limit} s of CPU time (--timeout {limit}): {what}"),
        None,
    )
}

/// Reads and extracts a file within `budget`; the record carries source facts and any
/// errors.
pub fn load(path: &Path, display: &str, opts: &Options, budget: &Budget) -> Loaded {
    let mut record = Record {
        source: Source {
            path: display.to_string(),
            ..Source::default()
        },
        ..Record::default()
    };
    let failed = |mut record: Record, p: Problem| {
        record.status = Status::Error;
        record.errors.push(p);
        Loaded {
            record,
            document: None,
        }
    };
    let io =
        |e: std::io::Error| problem(ProblemCode::Io, format!("cannot read {display}: {e}"), None);
    match too_large_text(path, opts.max_text_bytes) {
        Ok(None) => {}
        Ok(Some((bytes, sha256))) => {
            record.source.bytes = bytes;
            record.source.sha256 = sha256;
            let message = format!(
                "a text file of {} MiB; text files over {} MiB are not read",
                bytes >> 20,
                opts.max_text_bytes >> 20
            );
            return failed(record, problem(ProblemCode::TooLarge, message, None));
        }
        Err(e) => return failed(record, io(e)),
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return failed(record, io(e)),
    };
    let format = format_of(path, &bytes);
    load_bytes(bytes, format, record, opts, budget)
}

/// The size and sha256 of a file that would be read as text and is over `max` bytes;
/// it is hashed in chunks, never held whole.
fn too_large_text(path: &Path, max: u64) -> std::io::Result<Option<(u64, String)>> {
    use std::io::Read;
    let size = std::fs::metadata(path)?.len();
    if size <= max {
        return Ok(None);
    }
    let mut file = std::fs::File::open(path)?;
    let mut head = [0u8; 5];
    let n = file.read(&mut head)?;
    if format_of(path, head.get(..n).unwrap_or(&[])) == Format::Pdf {
        return Ok(None);
    }
    let mut hasher = Sha256::new();
    hasher.update(head.get(..n).unwrap_or(&[]));
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buf)? {
            0 => break,
            k => hasher.update(buf.get(..k).unwrap_or(&[])),
        }
    }
    Ok(Some((size, format!("{:x}", hasher.finalize()))))
}

/// The document of a text file; an undecodable or empty file says so in `record`.
fn load_text(bytes: Vec<u8>, record: &mut Record) -> Option<Document> {
    let (text, decoded_as) = decode_text(bytes);
    if let Some(enc) = decoded_as {
        record.warnings.push(problem(
            ProblemCode::Encoding,
            format!("the file is not UTF-8; read as {enc}"),
            None,
        ));
    }
    if text.trim().is_empty() {
        record
            .errors
            .push(problem(ProblemCode::Empty, "the file holds no text", None));
        None
    } else {
        Some(text_document(&text))
    }
}

/// The document of a PDF (OCR'd where `--ocr` asks), with what reading it met in
/// `record`: timeouts, page limits, damaged pages, glyphs without Unicode.
fn load_pdf(
    bytes: &[u8],
    record: &mut Record,
    opts: &Options,
    budget: &Budget,
) -> Option<Document> {
    match protokoll_pdf::extract_within(bytes, &opts.limits, budget) {
        Ok(mut ex) => {
            let read = ex.document.pages.len();
            if ex.timed_out {
                let what = format!(
                    "{read} of {} pages read; a larger --timeout reads the rest",
                    ex.pages_total
                );
                record.warnings.push(timeout_warning(budget, &what));
            } else if ex.pages_total > read {
                record.warnings.push(problem(
                    ProblemCode::TooManyPages,
                    format!(
                        "the document has {} pages; only the first {read} were read",
                        ex.pages_total
                    ),
                    None,
                ));
            }
            ocr_pages(&mut ex, opts, record, budget);
            for pe in &ex.page_errors {
                record.warnings.push(problem(
                    pe.error.code(),
                    pe.error.to_string(),
                    Some(pe.page),
                ));
            }
            if let Some(what) = &ex.page_tree {
                record.warnings.push(problem(
                    ProblemCode::Malformed,
                    format!("{what}: pages may be missing or out of order"),
                    None,
                ));
            }
            if ex.truncated {
                record.warnings.push(problem(
                    ProblemCode::Truncated,
                    "the file is cut short (no %%EOF); text may be missing",
                    None,
                ));
            }
            if ex.unmapped_glyphs > 0 {
                record.warnings.push(problem(
                    ProblemCode::UnmappedGlyphs,
                    format!(
                        "{} glyphs have no Unicode mapping; their text is missing",
                        ex.unmapped_glyphs
                    ),
                    None,
                ));
            }
            if ex.guessed_glyphs > 0 {
                record.warnings.push(problem(
                    ProblemCode::GuessedGlyphs,
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
        Err(protokoll_pdf::PdfError::Timeout(over)) => {
            let limit = secs(over.limit);
            record.errors.push(problem(
                ProblemCode::Timeout,
                format!(
                    "no page could be read within {limit} s of CPU time \
                     (--timeout {limit}); a larger --timeout may read it"
                ),
                None,
            ));
            None
        }
        Err(e) => {
            record.errors.push(problem(e.code(), e.to_string(), None));
            None
        }
    }
}

/// As [`load`], on a file's bytes; `record` has the source path.
fn load_bytes(
    bytes: Vec<u8>,
    format: Format,
    mut record: Record,
    opts: &Options,
    budget: &Budget,
) -> Loaded {
    record.source.bytes = bytes.len() as u64;
    record.source.sha256 = format!("{:x}", Sha256::digest(&bytes));
    record.source.format = format;
    let document = match format {
        Format::Text => load_text(bytes, &mut record),
        Format::Pdf => load_pdf(&bytes, &mut record, opts, budget),
    };
    if let Some(doc) = &document {
        record.source.pages = doc.pages.len() as u32;
        record.source.text_layer = doc.text_layer;
        record.source.producer = doc.producer.clone();
        let timed_out = record
            .warnings
            .iter()
            .position(|w| w.code == ProblemCode::Timeout);
        if let Some(i) = timed_out.filter(|_| doc.pages.iter().all(|p| p.lines.is_empty())) {
            // Nothing read before the budget ran out: the timeout is the error.
            let w = record.warnings.remove(i);
            record.errors.push(w);
        } else if doc.pages.iter().all(|p| p.lines.is_empty()) {
            let scanned = doc.pages.iter().any(|p| p.has_page_image);
            let msg = if scanned {
                "the pages are images without a text layer; OCR them first"
            } else {
                "no text found"
            };
            record.errors.push(problem(ProblemCode::NoText, msg, None));
        }
    }
    set_status(&mut record);
    Loaded { record, document }
}

/// Warnings that say text is missing from the record: the status is `partial`.
const MISSING_TEXT: [ProblemCode; 2] = [ProblemCode::Timeout, ProblemCode::TooManyPages];

fn set_status(record: &mut Record) {
    if !record.errors.is_empty() {
        record.status = Status::Error;
    } else if record
        .warnings
        .iter()
        .any(|w| w.page.is_some() || MISSING_TEXT.contains(&w.code))
    {
        record.status = Status::Partial;
    }
}

/// Text as archives have it: UTF-8 (a BOM dropped) first, then UTF-16 by its BOM, then
/// Windows-1252 (a superset of Latin-1's printable characters), which every byte
/// sequence decodes as; the encoding used is returned when it was not UTF-8. NUL
/// bytes are dropped and CR-only or CRLF line ends become LF.
pub fn decode_text(bytes: Vec<u8>) -> (String, Option<&'static str>) {
    let (text, enc) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let (enc, bom) = match encoding_rs::Encoding::for_bom(&bytes) {
                Some((enc, n)) => (enc, n),
                None => (encoding_rs::WINDOWS_1252, 0),
            };
            let rest = bytes.get(bom..).unwrap_or(&[]);
            let (t, _) = enc.decode_without_bom_handling(rest);
            (t.into_owned(), Some(enc.name()))
        }
    };
    let mut text = text;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    // The text itself where it is clean (most files): a large file is not copied.
    let clean = if text.bytes().any(|b| b == b'\0' || b == b'\r') {
        text.replace('\0', "")
            .replace("\r\n", "\n")
            .replace('\r', "\n")
    } else {
        text
    };
    (clean, enc)
}

/// Plain text as a one-page document: a line per text line, tab-separated cells.
/// Positions are synthetic (one unit per character) but keep order and indentation.
pub fn text_document(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A word's text is shared by its repeats (a document is mostly a few thousand
    // words, repeated): one allocation per distinct word, not per token, and the
    // repair's passes over the words read the same few cache lines.
    let mut shared: Interner<'_> = Interner::default();
    let mut tokens: Vec<&str> = Vec::new();
    let mut pages = Vec::new();
    for (pi, page_text) in text.split('\u{c}').enumerate() {
        let mut lines = Vec::new();
        for (li, raw) in page_text.lines().enumerate() {
            let y = li as f32 * 12.0;
            // Sized first: a large text file has millions of lines, most of one cell.
            let tabbed = raw.contains('\t');
            let mut cells = Vec::with_capacity(if tabbed { 4 } else { 1 });
            let mut x = 0.0f32;
            let n_cells = match tabbed {
                true => raw.split('\t').filter(|c| !c.trim().is_empty()).count(),
                false => 1,
            };
            for (ci, part) in raw.split('\t').enumerate() {
                let indent = part.chars().take_while(|c| c.is_whitespace()).count() as f32;
                split_words(part, &mut tokens);
                let mut words = Vec::with_capacity(tokens.len());
                let mut wx = x + indent * 5.0;
                for w in tokens.drain(..) {
                    let (text, width) = shared.get(w);
                    words.push(Word {
                        text,
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

/// The words of `part` (split at Unicode white space, as `split_whitespace` does) in
/// `out`; an ASCII part (most are) is split by the byte.
fn split_words<'t>(part: &'t str, out: &mut Vec<&'t str>) {
    if !part.is_ascii() {
        out.extend(part.split_whitespace());
        return;
    }
    // The ASCII white space of `char::is_whitespace`: tab to carriage return, space.
    let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = part.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i + bytes
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|b| space(b)).count());
        let end = start
            + bytes
                .get(start..)
                .map_or(0, |r| r.iter().take_while(|b| !space(b)).count());
        if let Some(w) = part.get(start..end).filter(|w| !w.is_empty()) {
            out.push(w);
        }
        i = end;
    }
}

/// The texts of a document's words, each stored once, with its synthetic width.
#[derive(Default)]
struct Interner<'t>(
    std::collections::HashMap<&'t str, (Arc<str>, f32), foldhash::fast::FixedState>,
);

impl<'t> Interner<'t> {
    /// The shared text of `w` and its width (five units a character).
    fn get(&mut self, w: &'t str) -> (Arc<str>, f32) {
        let (text, width) = self
            .0
            .entry(w)
            .or_insert_with(|| (Arc::from(w), w.chars().count() as f32 * 5.0));
        (text.clone(), *width)
    }
}

/// The share of `--timeout` kept for repairing the pages read when reading used up the
/// budget, and given to parsing on its own (each costs about a tenth of reading): a
/// record costs at most 1.5 × `--timeout` of CPU time.
const PARSE_RESERVE: u32 = 4;

/// Runs the whole pipeline on one file, within `opts.limits.time` of CPU time.
pub fn process(path: &Path, display: &str, opts: &Options) -> Record {
    let budget = opts.budget();
    let loaded = load(path, display, opts, &budget);
    finish(loaded, budget, opts)
}

/// Runs the whole pipeline on bytes (for fuzzing and benches), as [`process`] does on
/// a file of that format.
pub fn process_bytes(bytes: Vec<u8>, format: Format, display: &str, opts: &Options) -> Record {
    let budget = opts.budget();
    let loaded = load_named_bytes(bytes, format, display, opts, &budget);
    finish(loaded, budget, opts)
}

/// [`load_bytes`] for bytes known only by the name `display`.
fn load_named_bytes(
    bytes: Vec<u8>,
    format: Format,
    display: &str,
    opts: &Options,
    budget: &Budget,
) -> Loaded {
    let record = Record {
        source: Source {
            path: display.to_string(),
            ..Source::default()
        },
        ..Record::default()
    };
    load_bytes(bytes, format, record, opts, budget)
}

/// The record `ingest` writes for a file: [`process`], with the options key set
/// (`Record::options`), and a panic (a bug) caught as an `internal` error record, so
/// no file is ever lost. The command line and the Python package both call it.
pub fn ingest_record(path: &Path, display: &str, opts: &Options) -> Record {
    let mut r = std::panic::catch_unwind(|| process(path, display, opts))
        .unwrap_or_else(|_| panic_record(display));
    r.options = Some(opts.key());
    r
}

/// As [`ingest_record`], on a file's bytes ([`process_bytes`]).
pub fn ingest_record_bytes(
    bytes: Vec<u8>,
    format: Format,
    display: &str,
    opts: &Options,
) -> Record {
    let mut r = std::panic::catch_unwind(|| process_bytes(bytes, format, display, opts))
        .unwrap_or_else(|_| panic_record(display));
    r.options = Some(opts.key());
    r
}

/// Repairs and parses what `load` read.
fn finish(loaded: Loaded, mut budget: Budget, opts: &Options) -> Record {
    let Loaded {
        mut record,
        document,
    } = loaded;
    let Some(mut doc) = document else {
        return record;
    };
    if record.status == Status::Error {
        return record;
    }
    let reserve = opts.limits.time / PARSE_RESERVE;
    let left = budget.remaining();
    if left < reserve {
        budget.extend(reserve - left);
    }
    let plain = record.source.format == Format::Text;
    let repairs = protokoll_text::repair_document_within(
        &mut doc,
        &protokoll_text::RepairOptions {
            repair: opts.repair,
            plain_text: plain,
            audit: true,
        },
        &budget,
    );
    record.corrections = repairs.corrections;
    record.suggestions = repairs.suggestions;
    if let Some(page) = repairs.stopped_at {
        let what = format!("OCR damage on pages from {page} on was left unrepaired");
        record.warnings.push(timeout_warning(&budget, &what));
    }
    // Parsing has its own share of the limit, so text read and repaired in time is
    // always segmented (the parse stage is n log n: it needs far less).
    let parse_budget = Budget::new(opts.limits.time / PARSE_RESERVE);
    let parsed = protokoll_parse::parse_within(&doc, &parse_budget);
    record.meeting = parsed.meeting;
    record.items = parsed.items;
    record.attendance = parsed.attendance;
    record.meeting_dates = parsed.meeting_dates;
    record.layout = parsed.layout;
    record.warnings.extend(parsed.warnings);
    let late = budget.check().is_err() || parse_budget.check().is_err();
    if late
        && !record
            .warnings
            .iter()
            .any(|w| w.code == ProblemCode::Timeout)
    {
        let limit = secs(opts.limits.time);
        record.warnings.push(problem(
            ProblemCode::Timeout,
            format!(
                "repairing and parsing went past the limit of {limit} s of CPU time \
                 (--timeout {limit}); items may be missing"
            ),
            None,
        ));
    }
    set_status(&mut record);
    record
}

/// A document read for `extract`: its pages (repaired unless `opts.repair` is off),
/// with what the reader should be told.
pub struct Extracted {
    /// The pages, repaired where `opts.repair` asks (the repairs are not listed: the
    /// record's audit is `ingest`'s).
    pub document: Document,
    /// What kept text from being read or changed it (`ocr_unavailable`, `ocr_failed`,
    /// `timeout`, `too_many_pages`, `encoding`): text that is missing is said, not
    /// hidden.
    pub notes: Vec<Problem>,
}

/// Why a document gave no text for `extract`: the errors its record would carry.
#[derive(Debug)]
pub struct ExtractError {
    /// The path as shown to the user.
    pub display: String,
    /// The record's errors.
    pub errors: Vec<Problem>,
    /// What else kept text from being read (`ocr_failed`), to be said with the error.
    pub notes: Vec<Problem>,
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let msg: Vec<String> = self
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.code, e.message))
            .collect();
        write!(f, "{}: {}", self.display, msg.join("; "))
    }
}

impl std::error::Error for ExtractError {}

/// The warnings `extract` passes on to the reader: first what kept pages from being
/// read (Tesseract missing, an image that cannot be decoded), said even when the
/// document gave no text, then what is missing from the text printed.
const EXTRACT_NOTES: [&[&str]; 2] = [
    &["ocr_unavailable", "ocr_failed"],
    &["timeout", "too_many_pages", "encoding"],
];

/// A file's document in reading order for `extract` (the command and the Python
/// package's `extract`): read within `opts.limits.time`, OCR'd as `opts.ocr` says, and
/// repaired unless `opts.repair` is off; [`Document::to_text`] or [`layout_text`] prints it.
pub fn extract(path: &Path, display: &str, opts: &Options) -> Result<Extracted, ExtractError> {
    let budget = Budget::new(opts.limits.time);
    let loaded = load(path, display, opts, &budget);
    extracted(loaded, display, opts)
}

/// As [`extract`], on a file's bytes of a known format.
pub fn extract_bytes(
    bytes: Vec<u8>,
    format: Format,
    display: &str,
    opts: &Options,
) -> Result<Extracted, ExtractError> {
    let budget = Budget::new(opts.limits.time);
    let loaded = load_named_bytes(bytes, format, display, opts, &budget);
    extracted(loaded, display, opts)
}

fn extracted(loaded: Loaded, display: &str, opts: &Options) -> Result<Extracted, ExtractError> {
    let Loaded { record, document } = loaded;
    let notes_of = |group: &[&str]| {
        record
            .warnings
            .iter()
            .filter(|w| group.contains(&w.code.as_str()))
            .cloned()
            .collect::<Vec<Problem>>()
    };
    let [unread, missing] = EXTRACT_NOTES;
    let mut notes = notes_of(unread);
    let document = document.filter(|_| record.errors.is_empty());
    let Some(mut document) = document else {
        return Err(ExtractError {
            display: display.to_string(),
            errors: record.errors,
            notes,
        });
    };
    notes.extend(notes_of(missing));
    if opts.repair {
        let plain = record.source.format == Format::Text;
        // `extract` prints only the text: no corrections or guesses, which change no word.
        let how = protokoll_text::RepairOptions {
            repair: true,
            plain_text: plain,
            audit: false,
        };
        protokoll_text::repair_document(&mut document, &how);
    }
    Ok(Extracted { document, notes })
}

/// Every line with its cells (`extract --layout`), for people debugging a layout:
/// region/row tags, cells separated by " | ", bold as *word*, struck-through as
/// ~~word~~.
pub fn layout_text(doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for page in &doc.pages {
        let _ = writeln!(
            out,
            "=== page {} ({:.0}x{:.0})",
            page.number, page.width, page.height
        );
        for line in &page.lines {
            let tag = match (line.region, line.row) {
                (Some(r), Some(w)) => format!("r{r}.{w}"),
                _ => "-".to_string(),
            };
            let cells: Vec<String> = line
                .cells
                .iter()
                .map(|c| {
                    let words: Vec<String> = c
                        .words
                        .iter()
                        .map(|w| match (w.bold, w.struck) {
                            (_, true) => format!("~~{}~~", w.text),
                            (true, _) => format!("*{}*", w.text),
                            _ => w.text.to_string(),
                        })
                        .collect();
                    format!("[{}] {}", c.column, words.join(" "))
                })
                .collect();
            let furn = if line.furniture { " (furniture)" } else { "" };
            let _ = writeln!(out, "{tag:>7} | {}{furn}", cells.join(" | "));
        }
    }
    out
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
            ProblemCode::Internal,
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

/// Tesseract's words of each page as `WordPage`s, with why each page was OCR'd; a page
/// that failed is an `ocr_failed` warning.
/// OCRs a page image. A page without text is read with its ruling lines taken out and
/// kept as the page's rules (table borders, as a PDF draws them); a damaged layer's
/// page is read as it is, since only its words are compared with the layer's.
fn read_page(
    img: &protokoll_pdf::PageImage,
    why: &Why,
    cfg: &protokoll_ocr::Config,
) -> Result<protokoll_ocr::OcrPage, protokoll_ocr::OcrError> {
    match why {
        Why::NoText | Why::Replace => protokoll_ocr::recognize_ruled_page(img, cfg),
        Why::Damaged(_) => Ok(protokoll_ocr::OcrPage {
            words: protokoll_ocr::recognize_page(img, cfg)?,
            rules: Vec::new(),
        }),
    }
}

fn word_pages(
    doc: &Document,
    results: Vec<(u32, Why, Result<protokoll_ocr::OcrPage, String>)>,
    record: &mut Record,
) -> (Vec<protokoll_pdf::WordPage>, Vec<(u32, Why)>) {
    let mut done = Vec::new();
    let mut why_of = Vec::new();
    for (page, why, words) in results {
        match words {
            Ok(read) => {
                let Some(p) = doc.pages.iter().find(|p| p.number == page) else {
                    continue;
                };
                done.push(protokoll_pdf::WordPage {
                    number: page,
                    width: p.width,
                    height: p.height,
                    words: read.words,
                    rules: read.rules,
                });
                why_of.push((page, why));
            }
            Err(msg) => record.warnings.push(problem(
                ProblemCode::OcrFailed,
                format!("page {page} could not be OCR'd: {msg}"),
                Some(page),
            )),
        }
    }
    (done, why_of)
}

/// The warnings that say, page by page, whether a damaged OCR layer read again was
/// replaced by Tesseract's reading or kept (`note`s: the Swedish-word shares).
fn reread_warnings(record: &mut Record, replaced: &[String], kept: &[String]) {
    if !replaced.is_empty() {
        record.warnings.push(problem(
            ProblemCode::OcrLayerReplaced,
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
            ProblemCode::OcrLayerKept,
            format!(
                "the OCR layer looked damaged and was read again, but Tesseract's reading \
                 was no better (share of Swedish words, fresh against layer, and its mean \
                 confidence, at least {MIN_FRESH_CONFIDENCE} needed): {}; the layer was kept",
                kept.join("; ")
            ),
            None,
        ));
    }
}

/// Furniture and text-layer kinds after the pages `ocred` were OCR'd: furniture is found
/// across all pages again, and an OCR'd page with text is `OcrEngine`.
fn set_ocr_layers(doc: &mut Document, ocred: &[u32]) {
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
}

/// OCRs the scanned pages `opts.ocr` asks for ([`ocr_targets`]), in parallel on the
/// run's thread pool (one Tesseract thread per job; results are taken in page order,
/// so the record does not depend on the thread count), and puts their words in place
/// of the pages' own where that is the better reading. Problems are warnings on the
/// record; where nothing else gives text, an unavailable Tesseract is the record's
/// error.
///
/// Pages are OCR'd in parallel, each under Tesseract's own per-page limit
/// (`ocr_config.page_time`); their CPU time is not the document's (`--timeout` covers
/// reading, repair and parsing), so a long scan is read whole. The document's budget is
/// checked before OCR starts: a document already out of time is not OCR'd.
fn ocr_pages(
    ex: &mut protokoll_pdf::Extraction,
    opts: &Options,
    record: &mut Record,
    budget: &Budget,
) {
    use rayon::prelude::*;
    let targets = ocr_targets(ex, opts.ocr);
    if targets.is_empty() {
        return;
    }
    if budget.check().is_err() {
        let what = "its scanned pages were not OCR'd";
        record.warnings.push(timeout_warning(budget, what));
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
    let results: Vec<(u32, Why, Result<protokoll_ocr::OcrPage, String>)> = targets
        .par_iter()
        .filter_map(|&(i, why)| {
            let src = images.get(i)?;
            let words = src
                .decode(&opts.limits)
                .map_err(|e| e.to_string())
                .and_then(|img| read_page(&img, &why, cfg).map_err(|e| e.to_string()));
            Some((src.page(), why, words))
        })
        .collect();
    let (done, why_of) = word_pages(doc, results, record);
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
    reread_warnings(record, &replaced, &kept);
    if ocred.is_empty() {
        return;
    }
    set_ocr_layers(doc, &ocred);
    let n = ocred.len();
    let plural = if n == 1 { "" } else { "s" };
    record.warnings.push(problem(
        ProblemCode::Ocr,
        format!(
            "{n} page{plural} OCR'd with Tesseract ({}); check names and numbers",
            cfg.lang
        ),
        None,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_modes_read_as_they_are_spelt() {
        for m in OcrMode::ALL {
            assert_eq!(m.as_str().parse::<OcrMode>(), Ok(m));
        }
        assert!("sometimes".parse::<OcrMode>().is_err());
        assert_eq!(Options::default().key(), "repair=yes ocr=auto");
    }

    #[test]
    fn ascii_words_split_as_split_whitespace_splits_them() {
        for part in [
            "",
            "  ",
            "a",
            " Mötet  beslutade\x0bnu\x0c ",
            "x\ty\rz\n\u{1c}w",
            "  §  15,  Ovriga\u{a0}fragor ",
        ] {
            let mut words = Vec::new();
            split_words(part, &mut words);
            let want: Vec<&str> = part.split_whitespace().collect();
            assert_eq!(words, want, "{part:?}");
        }
    }

    #[test]
    fn text_is_decoded_as_archives_have_it() {
        assert_eq!(decode_text("Möte".into()), ("Möte".to_string(), None));
        assert_eq!(
            decode_text(b"M\xf6te i V\xe4xj\xf6 \x96 \x80".to_vec()),
            ("Möte i Växjö – €".to_string(), Some("windows-1252"))
        );
        let utf16le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Är".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(utf16le), ("Är".to_string(), Some("UTF-16LE")));
        let utf16be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Är".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(utf16be), ("Är".to_string(), Some("UTF-16BE")));
        assert_eq!(decode_text("a\rb\r\nc\0".into()).0, "a\nb\nc");
        assert_eq!(decode_text("\u{feff}x".into()).0, "x");
        assert!(decode_text(vec![0; 64]).0.is_empty());
    }
}
