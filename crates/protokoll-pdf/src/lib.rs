//! PDF → pages of positioned text. Owns everything that touches PDF objects.
//!
//! A content-stream interpreter on lopdf (`interp`) records glyphs with positions,
//! thin rules and image placements; `layout` turns them into words, lines, column
//! regions and table rows; [`mark_furniture`] flags lines that repeat on most pages.
//! Every run is bounded (decompressed size, operators, Form XObject depth, pages, and
//! the document's CPU-time [`Budget`]) and a panic inside lopdf is caught and reported
//! as `malformed`. A run that reaches the page cap or its budget keeps the pages read.
//!
//! ```no_run
//! let bytes = std::fs::read("minutes.pdf").unwrap();
//! let out = protokoll_pdf::extract(&bytes, &protokoll_pdf::Limits::default()).unwrap();
//! println!("{}", out.document.to_text());
//! ```

mod cjk;
mod cmap;
mod encoding;
mod font;
mod image;
mod interp;
mod layout;
mod metrics;
mod obj;
mod pagetree;
mod recover;

pub use image::{ImageError, ImageSource, PageImage};
pub use layout::{pages_from_words, LayoutParams, PlacedWord, WordPage};
use protokoll_model::record::ProblemCode;
pub use protokoll_model::{Budget, OverBudget};
use protokoll_model::{Document, TextLayer};
use std::borrow::Cow;
use std::collections::HashMap;
use std::time::Duration;

/// Resource limits for one document.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest decompressed stream (and page content), in bytes.
    pub max_decompressed: usize,
    /// Deepest Form XObject nesting.
    pub max_depth: u32,
    /// Most content-stream operators over the whole document.
    pub max_ops: usize,
    /// Most pages read.
    pub max_pages: usize,
    /// Most tokens of object syntax outside streams (numbers, names, brackets). lopdf
    /// holds each as an object of about 100 bytes, so this bounds the parse's memory:
    /// a `/Widths` array of 10^7 numbers would take 1.2 GB. Real documents have under
    /// 40,000 (the most in `../shared/wild` and the dev corpus).
    pub max_syntax_tokens: usize,
    /// CPU time for the whole document (the [`Budget`] that [`extract`] makes).
    pub time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_decompressed: 64 << 20,
            max_depth: 12,
            max_ops: 20_000_000,
            max_pages: 5_000,
            max_syntax_tokens: 2_000_000,
            time: Duration::from_secs(8),
        }
    }
}

/// Why a document could not be read. `code()` gives the record's error code.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The bytes are not a PDF at all.
    #[error("not a PDF file (no %PDF header)")]
    NotPdf,
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// Encrypted with a password we do not have.
    #[error("encrypted with a password")]
    Encrypted,
    /// Broken beyond recovery.
    #[error("malformed PDF: {0}")]
    Malformed(String),
    /// Over a size limit.
    #[error("too large: {0}")]
    TooLarge(String),
    /// The document's CPU-time budget ran out.
    #[error("reading stopped: {0}")]
    Timeout(OverBudget),
}

impl PdfError {
    /// The stable error code of the record contract.
    pub fn code(&self) -> ProblemCode {
        match self {
            PdfError::NotPdf => ProblemCode::NotPdf,
            PdfError::Empty => ProblemCode::Empty,
            PdfError::Encrypted => ProblemCode::Encrypted,
            PdfError::Malformed(_) => ProblemCode::Malformed,
            PdfError::TooLarge(_) => ProblemCode::TooLarge,
            PdfError::Timeout(_) => ProblemCode::Timeout,
        }
    }
}

/// A page that could not be read while the others could.
#[derive(Debug)]
pub struct PageError {
    /// 1-based page number.
    pub page: u32,
    /// The error.
    pub error: PdfError,
}

/// The result of extraction: the document, plus per-page problems.
#[derive(Debug)]
pub struct Extraction {
    /// Pages of text.
    pub document: Document,
    /// Pages that failed (their text is missing from `document`).
    pub page_errors: Vec<PageError>,
    /// Glyphs that had no Unicode mapping (text lost).
    pub unmapped_glyphs: usize,
    /// Glyphs whose text is a guess: CIDs of a font without any Unicode map, taken as
    /// code points (as pdftotext does); the text may be wrong.
    pub guessed_glyphs: usize,
    /// The file ends before its `%%EOF`: pages or text may be missing.
    pub truncated: bool,
    /// The image covering each scanned page (over half its area), in page order, to be
    /// decoded for OCR on demand.
    pub page_images: Vec<ImageSource>,
    /// Pages in the document; more than `document.pages` when the page cap or the
    /// budget stopped reading.
    pub pages_total: usize,
    /// The budget ran out: `document` holds the pages read before.
    pub timed_out: bool,
    /// What was wrong with the page tree, when its pages were found around a fault (a
    /// loop, or no tree at all): pages may be missing or out of order.
    pub page_tree: Option<String>,
}

/// Extracts the text of a PDF, within `limits.time` of CPU time on this thread.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extraction, PdfError> {
    extract_within(bytes, limits, &Budget::new(limits.time))
}

/// Extracts the text of a PDF within `budget` (shared with the document's other
/// stages); `limits.time` is not used.
pub fn extract_within(
    bytes: &[u8],
    limits: &Limits,
    budget: &Budget,
) -> Result<Extraction, PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::Empty);
    }
    // The header may follow some junk, but must be near the start.
    let head = bytes.get(..1024).unwrap_or(bytes);
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let run = std::panic::AssertUnwindSafe(|| extract_inner(bytes, limits, budget));
    match std::panic::catch_unwind(run) {
        // An encrypted file that lopdf could not decrypt often fails later, with no
        // pages or broken objects: the cause to report is the encryption.
        Ok(Err(PdfError::Malformed(_))) if has_encrypt_entry(bytes) => Err(PdfError::Encrypted),
        Ok(r) => r,
        Err(_) => Err(PdfError::Malformed(
            "the PDF parser failed on this file".into(),
        )),
    }
}

/// Loads the document; the bytes returned are those it was parsed from (a repaired
/// copy when stream lengths had to be fixed), which stream recovery reads.
fn load<'b>(
    bytes: &'b [u8],
    limits: &Limits,
    budget: &Budget,
) -> Result<(lopdf::Document, Cow<'b, [u8]>), PdfError> {
    let opts = || lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_decompressed),
        ..lopdf::LoadOptions::default()
    };
    let rebuilt = |b: &[u8]| {
        let mut o = opts();
        o.force_reconstruct = true;
        lopdf::Document::load_mem_with_options(b, o)
    };
    // A stream whose /Length is wrong or missing loses its object (or the whole parse):
    // retry on a copy with the lengths fixed, keeping it if it reads more objects.
    let with_fixed_lengths = |have: usize| -> Result<_, PdfError> {
        budget.check().map_err(PdfError::Timeout)?;
        let Some(fixed) = recover::fix_stream_lengths(bytes, budget)? else {
            return Ok(None);
        };
        // Where every new length has as many digits as the old one, the xref still
        // holds and a rebuilt one can be worse (it misses objects after stray bytes):
        // the copy is read both ways and the one with more objects kept.
        let plain = lopdf::Document::load_mem_with_options(&fixed, opts());
        budget.check().map_err(PdfError::Timeout)?;
        let d = [plain, rebuilt(&fixed)]
            .into_iter()
            .filter_map(Result::ok)
            .filter(|d| !d.is_encrypted())
            .max_by_key(|d| d.objects.len());
        Ok(d.filter(|d| d.objects.len() > have)
            .map(|d| (d, Cow::Owned(fixed))))
    };
    let doc = match lopdf::Document::load_mem_with_options(bytes, opts()) {
        Ok(d) => d,
        Err(e) if is_password_error(&e) => return Err(PdfError::Encrypted),
        // A broken xref table: rebuild it from the objects in the file.
        Err(e) => match rebuilt(bytes) {
            Ok(d) => d,
            Err(e2) if is_password_error(&e2) => return Err(PdfError::Encrypted),
            Err(_) => return with_fixed_lengths(0)?.ok_or(PdfError::Malformed(e.to_string())),
        },
    };
    if doc.is_encrypted() {
        // lopdf tries the empty user password while loading; still encrypted = locked.
        return Err(PdfError::Encrypted);
    }
    if recover::lost_objects(&doc) > 0 {
        if let Some(better) = with_fixed_lengths(doc.objects.len())? {
            return Ok(better);
        }
    }
    Ok((doc, Cow::Borrowed(bytes)))
}

/// Whether a trailer names an /Encrypt dictionary (looked for in the raw bytes, as
/// the parse may have failed).
fn has_encrypt_entry(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

fn is_password_error(e: &lopdf::Error) -> bool {
    matches!(
        e,
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)
    )
}

fn extract_inner(bytes: &[u8], limits: &Limits, budget: &Budget) -> Result<Extraction, PdfError> {
    if let Some(n) = recover::syntax_over(bytes, limits.max_syntax_tokens, budget)? {
        return Err(PdfError::TooLarge(format!(
            "over {n} tokens of PDF syntax outside streams (a real document has \
             under 100,000); not parsed, to bound memory"
        )));
    }
    let (doc, bytes) = load(bytes, limits, budget)?;
    let bytes = bytes.as_ref();
    let producer = producer(&doc);
    let pagetree::PageList { ids: pages, broken } = pagetree::pages(&doc);
    if pages.is_empty() {
        return Err(PdfError::Malformed("no pages found".into()));
    }
    let mut interp = interp::Interp::new(&doc, bytes, limits, budget);
    let mut drafts = Vec::new();
    let mut page_errors = Vec::new();
    let mut unmapped = 0;
    let mut guessed = 0;
    let mut page_images = Vec::new();
    let mut timed_out = None;
    for (num, &id) in (1u32..).zip(&pages).take(limits.max_pages) {
        let read = budget
            .check()
            .map_err(PdfError::Timeout)
            .and_then(|()| interp.run_page(id));
        match read {
            Ok(mut raw) => {
                if let Some(img) = raw.image.take() {
                    page_images.push(ImageSource::new(num, img));
                }
                unmapped += raw.unmapped;
                guessed += raw.guessed;
                drafts.push(layout::draft_page(num, raw));
            }
            // Out of time: the pages read so far are kept (the caller reports it).
            Err(PdfError::Timeout(over)) => {
                timed_out = Some(over);
                break;
            }
            Err(error) => page_errors.push(PageError { page: num, error }),
        }
    }
    if let Some(over) = timed_out.filter(|_| drafts.is_empty()) {
        return Err(PdfError::Timeout(over));
    }
    let mut out = layout::finish_pages(drafts);
    let kinds: Vec<TextLayer> = out.iter().map(page_kind).collect();
    if out.is_empty() {
        if let Some(pe) = page_errors.into_iter().next() {
            return Err(pe.error);
        }
        return Err(PdfError::Malformed("no page could be read".into()));
    }
    let tail = bytes
        .get(bytes.len().saturating_sub(1024)..)
        .unwrap_or(bytes);
    let truncated = !tail.windows(5).any(|w| w == b"%%EOF");
    if truncated && out.iter().all(|p| p.lines.is_empty()) {
        return Err(PdfError::Malformed(
            "the file is cut short (no %%EOF) and no text could be read".into(),
        ));
    }
    mark_furniture(&mut out);
    let mut document = Document {
        pages: out,
        text_layer: combine_kinds(&kinds),
        producer,
    };
    document.pages.sort_by_key(|p| p.number);
    Ok(Extraction {
        document,
        page_errors,
        unmapped_glyphs: unmapped,
        guessed_glyphs: guessed,
        truncated,
        page_images,
        pages_total: pages.len(),
        timed_out: timed_out.is_some(),
        page_tree: broken,
    })
}

fn producer(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = obj::deref(doc, info)?.as_dict().ok()?;
    let p = obj::dict_get(doc, info, b"Producer")?;
    match p {
        lopdf::Object::String(s, _) => {
            let t = lopdf::decode_text_string(p)
                .unwrap_or_else(|_| String::from_utf8_lossy(s).into_owned());
            let t = t.trim().to_string();
            (!t.is_empty()).then_some(t)
        }
        _ => None,
    }
}

/// Where a page's text came from, by its words: mostly invisible is an OCR layer.
pub fn page_kind(page: &protokoll_model::Page) -> TextLayer {
    let (mut vis, mut inv) = (0usize, 0usize);
    for w in page.lines.iter().flat_map(|l| l.words()) {
        if w.invisible {
            inv += 1;
        } else {
            vis += 1;
        }
    }
    if vis + inv == 0 {
        TextLayer::None
    } else if inv > vis && page.has_page_image {
        TextLayer::OcrLayer
    } else if inv > vis {
        // Invisible text without a page image is still someone's text layer.
        TextLayer::OcrLayer
    } else {
        TextLayer::Native
    }
}

/// A document's text layer from its pages': one kind, or mixed.
pub fn combine_kinds(kinds: &[TextLayer]) -> TextLayer {
    let mut seen: Vec<TextLayer> = kinds
        .iter()
        .copied()
        .filter(|k| *k != TextLayer::None)
        .collect();
    seen.dedup();
    seen.sort_by_key(|k| k.as_str());
    seen.dedup();
    match seen.as_slice() {
        [] => TextLayer::None,
        [one] => *one,
        _ => TextLayer::Mixed,
    }
}

/// Flags page furniture: a word that recurs with the same text (digits ignored, so page
/// numbers match) at the same place (within a few points) on at least half of the pages,
/// and at least two, in the top or bottom fifth of the page, is furniture; a line whose
/// words are mostly furniture is a furniture line. Word-level matching survives footers
/// that wrap differently from page to page.
pub fn mark_furniture(pages: &mut [protokoll_model::Page]) {
    if pages.len() < 2 {
        return;
    }
    const CELL: f32 = 6.0;
    let in_margin = |y: f32, h: f32| h > 0.0 && (y < 0.2 * h || y > 0.8 * h);
    let norm = |t: &str| -> String {
        t.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let bucket = |w: &protokoll_model::Word| {
        (
            (w.bbox.x0 / CELL).round() as i32,
            (w.bbox.y1 / CELL).round() as i32,
        )
    };
    let mut counts: HashMap<(String, i32, i32), usize> = HashMap::new();
    for p in pages.iter() {
        let mut seen = std::collections::HashSet::new();
        for w in p.lines.iter().flat_map(|l| l.words()) {
            if !in_margin(w.bbox.y1, p.height) {
                continue;
            }
            let (bx, by) = bucket(w);
            // Count each word in its neighbouring cells too, so jitter across a cell
            // boundary still matches; `seen` keeps one count per page. Saturating: a
            // hostile coordinate far out of the page sits at the i32 limit.
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let k = (norm(&w.text), bx.saturating_add(dx), by.saturating_add(dy));
                    if seen.insert(k.clone()) {
                        *counts.entry(k).or_default() += 1;
                    }
                }
            }
        }
    }
    let need = pages.len().div_ceil(2).max(2);
    // A "§ N" heading recurs at the same place on every page of a protocol that gives
    // each paragraph a page ("KS § 1  DNR: …"): only a line that recurs digits and all
    // ("Paragrafer §§ 1-12") is furniture then.
    let line_text = |l: &protokoll_model::Line| -> String {
        l.words().map(|w| &*w.text).collect::<Vec<_>>().join(" ")
    };
    // The sign opens the line's label ("§ 1", "KS § 1", "16 § Val …"); a page header
    // that names the page's paragraph further on ("Protokoll 16 § 09.05.2023 Sida")
    // is furniture like any other.
    // So does an organ's abbreviation and its number alone on the line ("KF 74"), the
    // label of a protocol that writes no "§" (not "SIDA 2", a page's number).
    // (Asked of every line, so read off the words without collecting them.)
    let organ_label = |l: &protokoll_model::Line| {
        let mut ws = l.words().map(|w| &*w.text);
        match (ws.next(), ws.next(), ws.next()) {
            (Some(org), Some(num), None) => {
                (2..=4).contains(&org.chars().count())
                    && org.chars().all(char::is_uppercase)
                    && !["SID", "SIDA"].contains(&org)
                    && (1..=3).contains(&num.len())
                    && num.chars().all(|c| c.is_ascii_digit())
            }
            _ => false,
        }
    };
    let has_section = |l: &protokoll_model::Line| {
        l.words().take(2).any(|w| w.text.starts_with('§')) || organ_label(l)
    };
    let mut exact: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut seen = std::collections::HashSet::new();
        for l in p.lines.iter().filter(|l| has_section(l)) {
            let t = line_text(l);
            if seen.insert(t.clone()) {
                *exact.entry(t).or_default() += 1;
            }
        }
    }
    for p in pages.iter_mut() {
        let h = p.height;
        for l in &mut p.lines {
            let (mut n, mut furn) = (0usize, 0usize);
            for w in l.words() {
                n += 1;
                let (bx, by) = bucket(w);
                if in_margin(w.bbox.y1, h)
                    && counts.get(&(norm(&w.text), bx, by)).copied().unwrap_or(0) >= need
                {
                    furn += 1;
                }
            }
            l.furniture = n > 0
                && furn * 5 >= n * 3
                && (!has_section(l) || exact.get(&line_text(l)).copied().unwrap_or(0) >= need);
        }
    }
}

#[cfg(test)]
mod tests;
