//! The HTML of the report.

use crate::html::{escape, file_url};
use crate::review::{self, Flag, Severity};
use crate::totals::{Totals, LAYERS};
use crate::{image, Options};
use protokoll_model::record::{Format, Record, Status};
use protokoll_pdf::{Extraction, PageImage};
use std::fmt::Write;
use std::path::Path;

/// Words shown either side of a flagged word.
const CONTEXT_WORDS: usize = 8;

const STYLE: &str = "body{font:15px/1.4 sans-serif;margin:1.5em auto;max-width:1100px;\
padding:0 1em;color:#111}h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.5em}\
table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;vertical-align:top}\
table.totals td{text-align:right}table.totals tr:nth-child(even){background:#f3f3f3}\
section.doc{border-top:2px solid #999;margin-top:1.2em;padding-top:.3em}\
section.doc h3{font-size:1.05em;margin:.2em 0;word-break:break-all}\
.badge{font-size:.8em;padding:1px 6px;border-radius:3px;background:#ddd;margin-left:.5em}\
.sev-error .badge{background:#f3b0b0}.sev-partial .badge{background:#f6d28b}\
.action{color:#174}.note{color:#555;font-style:italic}mark{background:#ffe066}\
table.flags{width:100%;margin:.4em 0}table.flags tr{border-top:1px solid #ddd}\
td.img{width:480px}td.img img{border:1px solid #bbb;max-width:480px}";

/// How many page images may still be embedded, and how many were left out.
struct Images {
    left: usize,
    skipped: usize,
}

/// The page.
pub(crate) fn render(records: &[Record], opts: &Options) -> String {
    let totals = Totals::of(records);
    let order = review::order(records);
    let mut images = Images {
        left: opts.max_images,
        skipped: 0,
    };
    let mut docs = String::new();
    for (n, (i, sev)) in order.iter().enumerate() {
        if let Some(r) = records.get(*i) {
            document(&mut docs, n + 1, r, *sev, opts, &mut images);
        }
    }
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<title>protokoll: review report</title>\n");
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    out.push_str("<h1>protokoll: review report</h1>\n");
    totals_table(&mut out, &totals, order.len(), opts);
    if images.skipped > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\" id=\"capped\">Page images capped: at most {} per report and {} \
             per document; {} flagged regions are shown without their image.</p>",
            opts.max_images, opts.max_images_per_document, images.skipped
        );
    }
    let _ = writeln!(
        out,
        "<h2>Documents that need a human look ({}), worst first</h2>",
        order.len()
    );
    if order.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        contents(&mut out, records, &order);
    }
    out.push_str(&docs);
    out.push_str("</body>\n</html>\n");
    out
}

fn totals_table(out: &mut String, t: &Totals, review: usize, opts: &Options) {
    let mut rows: Vec<(String, String)> = vec![
        ("Files".into(), t.files.to_string()),
        ("Pages".into(), t.pages.to_string()),
        ("Status ok".into(), t.ok.to_string()),
        ("Status partial".into(), t.partial.to_string()),
        ("Status error".into(), t.error.to_string()),
    ];
    for (code, n) in &t.errors_by_code {
        rows.push((format!("Errors: {code}"), n.to_string()));
    }
    for (name, n) in LAYERS.iter().zip(t.layers) {
        rows.push((format!("Text layer {name}"), n.to_string()));
    }
    rows.extend([
        ("Pages OCR'd".into(), t.ocr_pages.to_string()),
        ("Pages repaired".into(), t.repaired_pages.to_string()),
        ("Corrections".into(), t.corrections.to_string()),
        (
            format!("Corrections under {:.2} confidence", review::LOW_CONFIDENCE),
            t.low_confidence.to_string(),
        ),
        ("Suggestions".into(), t.suggestions.to_string()),
        ("Documents to review".into(), review.to_string()),
    ]);
    let wall = opts.wall_time.map_or("not recorded".to_string(), |d| {
        format!("{:.1} s", d.as_secs_f64())
    });
    rows.push(("Wall time".into(), wall));
    out.push_str("<h2>Totals</h2>\n<table class=\"totals\">\n");
    for (label, value) in rows {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(&label),
            escape(&value)
        );
    }
    out.push_str("</table>\n");
}

/// A list of the documents to review, linking to their sections.
fn contents(out: &mut String, records: &[Record], order: &[(usize, Severity)]) {
    out.push_str("<ol class=\"contents\">\n");
    for (n, (i, sev)) in order.iter().enumerate() {
        let path = records.get(*i).map_or("", |r| r.source.path.as_str());
        let _ = writeln!(
            out,
            "<li><a href=\"#doc-{}\">{}</a> — {}</li>",
            n + 1,
            escape(path),
            sev.label()
        );
    }
    out.push_str("</ol>\n");
}

/// One document's section.
fn document(
    out: &mut String,
    n: usize,
    r: &Record,
    sev: Severity,
    opts: &Options,
    images: &mut Images,
) {
    let path = opts.resolve(&r.source.path);
    let status = match r.status {
        Status::Ok => "ok",
        Status::Partial => "partial",
        Status::Error => "error",
    };
    let sev_class = match sev {
        Severity::Error => "error",
        Severity::Partial => "partial",
        _ => "other",
    };
    let _ = writeln!(
        out,
        "<section class=\"doc sev-{sev_class}\" id=\"doc-{n}\">\n<h3>{n}. <a href=\"{}\">{}</a>\
         <span class=\"badge\">{status}</span> <span class=\"badge\">{}</span></h3>",
        escape(&file_url(&path, None)),
        escape(&r.source.path),
        sev.label()
    );
    let layout = r.layout.as_ref().map_or(String::new(), |l| {
        format!("; layout {} (fit {:.2})", l.parser, l.fit)
    });
    let layer = serde_json::to_value(r.source.text_layer)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} pages; text layer {}{}</p>",
        r.source.pages,
        escape(&layer),
        escape(&layout)
    );
    if !path.exists() {
        let _ = writeln!(
            out,
            "<p class=\"note\">The source file is not at {} (moved, or the report is made \
             elsewhere): the links will not open.</p>",
            escape(&path.display().to_string())
        );
    }
    problems(out, r, &path);
    flags(out, r, &path, opts, images);
    let checks: Vec<(Option<u32>, String)> = review::count_problems(r)
        .into_iter()
        // What a warning already says is not said twice.
        .chain(
            review::missing(r)
                .into_iter()
                .filter(|(code, _)| r.warnings.iter().all(|w| w.code != *code))
                .map(|(_, text)| (None, text.to_string())),
        )
        .collect();
    if !checks.is_empty() {
        out.push_str("<ul class=\"checks\">\n");
        for (page, c) in checks {
            let _ = writeln!(out, "<li>{}{}</li>", escape(&c), page_link(&path, page));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// A link to `page` of the source, after a space; nothing without a page.
fn page_link(path: &Path, page: Option<u32>) -> String {
    page.map_or(String::new(), |p| {
        format!(
            " <a href=\"{}\">page {p}</a>",
            escape(&file_url(path, Some(p)))
        )
    })
}

/// Errors with what to do, then warnings.
fn problems(out: &mut String, r: &Record, path: &Path) {
    let page_link = |page| page_link(path, page);
    if !r.errors.is_empty() {
        out.push_str("<ul class=\"errors\">\n");
        for e in &r.errors {
            let _ = writeln!(
                out,
                "<li><b>{}</b>{}: {}<br><span class=\"action\">What to do: {}</span></li>",
                escape(e.code.as_str()),
                page_link(e.page),
                escape(&e.message),
                escape(review::action(e.code))
            );
        }
        out.push_str("</ul>\n");
    }
    if !r.warnings.is_empty() {
        out.push_str("<ul class=\"warnings\">\n");
        for w in &r.warnings {
            let _ = writeln!(
                out,
                "<li>warning <b>{}</b>{}: {}</li>",
                escape(w.code.as_str()),
                page_link(w.page),
                escape(&w.message)
            );
        }
        out.push_str("</ul>\n");
    }
}

/// The source PDF read again, for its page images and words.
enum Source {
    Read(Box<Extraction>),
    Note(String),
}

impl Source {
    fn open(path: &Path, opts: &Options) -> Source {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Source::Note(format!("the source file could not be read: {e}")),
        };
        match protokoll_pdf::extract(&bytes, &opts.limits) {
            Ok(ex) => Source::Read(Box::new(ex)),
            Err(e) => Source::Note(format!("the source file could not be read again: {e}")),
        }
    }
}

/// The flagged repairs, each in its context beside its page image region.
fn flags(out: &mut String, r: &Record, path: &Path, opts: &Options, images: &mut Images) {
    let flags = review::flags(r);
    if flags.is_empty() {
        return;
    }
    let positioned = flags.iter().any(|f| f.repair.bbox.is_some());
    let source = (r.source.format == Format::Pdf && positioned && images.left > 0)
        .then(|| Source::open(path, opts));
    if let Some(Source::Note(note)) = &source {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}: no page images.</p>",
            escape(note)
        );
    }
    let ex = match &source {
        Some(Source::Read(ex)) => Some(ex.as_ref()),
        _ => None,
    };
    let mut decoded: Option<(u32, Result<PageImage, String>)> = None;
    let mut shown = 0;
    // Flags before on the same page for the same words, to find each its own place.
    let mut seen: std::collections::BTreeMap<(u32, &str), usize> = Default::default();
    out.push_str("<table class=\"flags\">\n");
    for f in &flags {
        let earlier = seen.entry((f.repair.page, f.in_text())).or_default();
        let nth = *earlier;
        *earlier += 1;
        let cell = if r.source.format == Format::Text {
            note("text input: no page image")
        } else if f.repair.bbox.is_none() {
            note("no position recorded for this repair: no page image")
        } else if shown >= opts.max_images_per_document || images.left == 0 {
            images.skipped += 1;
            note("image not shown: the cap on page images was reached")
        } else if let Some(ex) = ex {
            let cell = image_cell(ex, f, &mut decoded);
            if cell.starts_with("<img") {
                shown += 1;
                images.left -= 1;
            }
            cell
        } else {
            note("no page image")
        };
        flag_row(out, (r, f, nth), path, ex, &cell);
    }
    out.push_str("</table>\n");
}

fn note(text: &str) -> String {
    format!("<span class=\"note\">{}</span>", escape(text))
}

/// The `<img>` of the flagged word's region, or a note saying why there is none.
fn image_cell(
    ex: &Extraction,
    f: &Flag<'_>,
    decoded: &mut Option<(u32, Result<PageImage, String>)>,
) -> String {
    let (page, Some(b)) = (f.repair.page, f.repair.bbox.as_ref()) else {
        return note("no position recorded for this repair: no page image");
    };
    let Some(src) = ex.page_images.iter().find(|s| s.page() == page) else {
        return note("no page image (born-digital page)");
    };
    // One page decoded at a time: the flags come in page order.
    if decoded.as_ref().is_none_or(|(p, _)| *p != page) {
        let img = src
            .decode(&protokoll_pdf::Limits::default())
            .map_err(|e| e.to_string());
        *decoded = Some((page, img));
    }
    match decoded.as_ref().map(|(_, img)| img) {
        Some(Ok(img)) => match image::region_png(img, b) {
            Some(png) => format!(
                "<img class=\"region\" alt=\"page {page}: {}\" src=\"data:image/png;base64,{}\">",
                escape(f.in_text()),
                image::base64(&png)
            ),
            None => note("the word's box is outside the page image"),
        },
        Some(Err(e)) => note(&format!("the page image could not be decoded: {e}")),
        None => note("no page image"),
    }
}

/// One flagged repair: what it is, where, its context, and `cell` (the image or why
/// there is none) beside it.
fn flag_row(
    out: &mut String,
    (r, f, nth): (&Record, &Flag<'_>, usize),
    path: &Path,
    ex: Option<&Extraction>,
    cell: &str,
) {
    let c = f.repair;
    let what = if f.suggestion {
        format!("suggestion (not applied): {} → {}", c.original, c.corrected)
    } else {
        format!("corrected: {} → {}", c.original, c.corrected)
    };
    let context = review::record_context(r, f, CONTEXT_WORDS, nth)
        .or_else(|| ex.and_then(|ex| page_line_context(ex, f)));
    let shown = match context {
        Some((before, word, after)) => format!(
            "…{} <mark class=\"flagged\">{}</mark> {}…",
            escape(&before),
            escape(&word),
            escape(&after)
        ),
        None => format!(
            "<mark class=\"flagged\">{}</mark> <span class=\"note\">(not found in the \
             record's text)</span>",
            escape(f.in_text())
        ),
    };
    let _ = writeln!(
        out,
        "<tr class=\"flag\"><td class=\"ctx\"><a href=\"{}\">page {}</a> · {} · {} {:.2}<br>\
         {}<br>{}</td><td class=\"img\">{cell}</td></tr>",
        escape(&file_url(path, Some(c.page))),
        c.page,
        escape(&what),
        escape(c.kind.as_str()),
        c.confidence,
        shown,
        if f.suggestion {
            "the text keeps the word as read"
        } else {
            "the text holds the corrected word"
        }
    );
}

/// The words around a repair on its page, from the source read again (born-digital
/// pages have no image, but their words): the line at the repair's box.
fn page_line_context(ex: &Extraction, f: &Flag<'_>) -> Option<(String, String, String)> {
    let b = f.repair.bbox.as_ref()?;
    let page = ex
        .document
        .pages
        .iter()
        .find(|p| p.number == f.repair.page)?;
    let mid = (b.y0 + b.y1) / 2.0;
    let text: Vec<String> = page
        .lines
        .iter()
        .filter(|l| {
            let lb = l.bbox();
            lb.y0 <= mid && mid <= lb.y1
        })
        .map(protokoll_model::Line::text)
        .collect();
    review::context(&text.join(" "), &f.repair.original, CONTEXT_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll_model::record::{Correction, PageBox, Problem};

    fn flagged(path: &str, n: usize) -> Record {
        let mut r = Record::default();
        r.source.path = path.into();
        r.suggestions = (0..n)
            .map(|i| Correction {
                page: 1,
                original: format!("ord{i}").into(),
                corrected: format!("örd{i}").into(),
                kind: protokoll_model::record::CorrectionKind::Diacritic,
                confidence: 0.5,
                bbox: Some(PageBox {
                    page: 1,
                    x0: 10.0,
                    y0: 10.0,
                    x1: 40.0,
                    y1: 20.0,
                }),
            })
            .collect();
        r
    }

    #[test]
    fn images_over_the_cap_are_counted_and_said() {
        let opts = Options {
            max_images: 0,
            ..Options::default()
        };
        let page = render(&[flagged("/nowhere/a.pdf", 3)], &opts);
        assert!(page.contains("at most 0 per report and 20 per document; 3 flagged"));
        assert_eq!(
            page.matches("the cap on page images was reached").count(),
            3
        );
        // Every suggestion is listed all the same.
        for i in 0..3 {
            assert!(page.contains(&format!("suggestion (not applied): ord{i} → örd{i}")));
        }
    }

    #[test]
    fn a_missing_source_is_a_note_not_a_failure() {
        let page = render(&[flagged("/nowhere/a.pdf", 1)], &Options::default());
        assert!(page.contains("the source file could not be read"), "{page}");
        assert!(page.contains("The source file is not at /nowhere/a.pdf"));
        assert!(!page.contains("<img"));
    }

    #[test]
    fn strings_from_records_are_escaped_and_output_is_stable() {
        let mut r = flagged("/x/<script>alert(1)</script>.pdf", 1);
        r.status = Status::Error;
        r.errors.push(Problem {
            code: protokoll_model::record::ProblemCode::Malformed,
            message: "\"quoted\" & <i> <u>".into(),
            page: Some(2),
        });
        let page = render(std::slice::from_ref(&r), &Options::default());
        assert!(!page.contains("<script>alert") && !page.contains("<i>") && !page.contains("<u>"));
        assert!(page.contains("/x/&lt;script&gt;alert(1)&lt;/script&gt;.pdf"));
        assert!(page.contains("&quot;quoted&quot; &amp; &lt;i&gt;"));
        assert!(page.contains("file:///x/%3Cscript%3Ealert%281%29%3C/script%3E.pdf#page=2"));
        assert_eq!(page, render(&[r], &Options::default()));
    }
}
