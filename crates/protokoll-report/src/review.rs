//! What in a record needs a human look, and in which order the documents come.

use protokoll_model::record::{Correction, ProblemCode, Record, Status};

/// Corrections below this confidence are shown for a person to check (the repair
/// applies from 0.8; 0.8-0.85 are its closest calls).
pub const LOW_CONFIDENCE: f32 = 0.85;

/// How bad a document's worst problem is; lower is worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Nothing could be read.
    Error,
    /// Read with problems (pages lost, out of time).
    Partial,
    /// Repairs too uncertain to apply.
    Suggestion,
    /// Repairs applied with low confidence.
    LowConfidence,
    /// Votes or attendance that do not add up.
    Counts,
    /// No agenda items or no meeting date.
    Missing,
    /// Warnings only.
    Warnings,
}

impl Severity {
    /// A short label for the report.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Partial => "partial",
            Severity::Suggestion => "suggestions",
            Severity::LowConfidence => "low-confidence repairs",
            Severity::Counts => "counts do not add up",
            Severity::Missing => "items or date missing",
            Severity::Warnings => "warnings",
        }
    }
}

/// A repair shown to a person: a suggestion (not applied) or a low-confidence
/// correction (applied).
#[derive(Debug, Clone, Copy)]
pub struct Flag<'a> {
    /// The repair.
    pub repair: &'a Correction,
    /// true for a suggestion: the text still holds `original`.
    pub suggestion: bool,
}

impl Flag<'_> {
    /// The words the record's text holds for this repair.
    pub fn in_text(&self) -> &str {
        if self.suggestion {
            &self.repair.original
        } else {
            &self.repair.corrected
        }
    }
}

/// The flagged repairs of a record: its suggestions, then its low-confidence
/// corrections, each in document order (by page, stable).
pub fn flags(r: &Record) -> Vec<Flag<'_>> {
    let mut out: Vec<Flag<'_>> = r
        .suggestions
        .iter()
        .map(|c| Flag {
            repair: c,
            suggestion: true,
        })
        .chain(
            r.corrections
                .iter()
                .filter(|c| c.confidence < LOW_CONFIDENCE)
                .map(|c| Flag {
                    repair: c,
                    suggestion: false,
                }),
        )
        .collect();
    out.sort_by_key(|f| (!f.suggestion, f.repair.page));
    out
}

/// Votes and attendance entries that do not add up, for a person, each with the page
/// it is on where the record says.
pub fn count_problems(r: &Record) -> Vec<(Option<u32>, String)> {
    let mut out = Vec::new();
    for item in &r.items {
        for v in item.votes.iter().filter(|v| v.consistent == Some(false)) {
            let n = |c: Option<u32>| c.map_or("?".to_string(), |c| c.to_string());
            out.push((
                item.pages.first().copied(),
                format!(
                    "§ {}: the vote's counts (yes {}, no {}, abstain {}) do not match the {} \
                 members' votes listed",
                    item.number,
                    n(v.yes),
                    n(v.no),
                    n(v.abstain),
                    v.members.len()
                ),
            ));
        }
    }
    let listed: Vec<String> = r.attendance.iter().map(|a| name_key(&a.name)).collect();
    for a in &r.attendance {
        let others = [
            (a.replaces.as_deref(), "replaces"),
            (a.replaced_by.as_deref(), "is replaced by"),
        ];
        for (other, how) in others {
            if let Some(other) = other.filter(|o| !listed.contains(&name_key(o))) {
                out.push((
                    a.source.map(|b| b.page),
                    format!("attendance: {} {how} {other}, who is not listed", a.name),
                ));
            }
        }
    }
    out
}

/// A name compared regardless of case, spacing and order ("Ek, Bo" = "bo ek").
fn name_key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.join(" ")
}

/// What is missing from a parsed record: agenda items, the meeting date, each with
/// the warning code that says so (`no_items`, `no_date`).
pub fn missing(r: &Record) -> Vec<(ProblemCode, &'static str)> {
    if r.status == Status::Error {
        return Vec::new();
    }
    let mut out = Vec::new();
    if r.items.is_empty() {
        out.push((ProblemCode::NoItems, "no agenda items were found"));
    }
    if r.meeting.date.is_none() {
        out.push((ProblemCode::NoDate, "no meeting date was found"));
    }
    out
}

/// A document's worst problem and how many it has; None when it needs no look.
pub fn assess(r: &Record) -> Option<(Severity, usize)> {
    let flags = flags(r);
    let suggestions = flags.iter().filter(|f| f.suggestion).count();
    let counts = count_problems(r).len();
    let missing = missing(r).len();
    let parts = [
        (
            Severity::Error,
            usize::from(r.status == Status::Error) * r.errors.len().max(1),
        ),
        (Severity::Partial, usize::from(r.status == Status::Partial)),
        (Severity::Suggestion, suggestions),
        (Severity::LowConfidence, flags.len() - suggestions),
        (Severity::Counts, counts),
        (Severity::Missing, missing),
        (Severity::Warnings, r.warnings.len()),
    ];
    let worst = parts.iter().find(|(_, n)| *n > 0)?.0;
    Some((worst, parts.iter().map(|(_, n)| n).sum()))
}

/// The indices of the records that need a look, worst first: by severity, then the
/// most problems, then path (then input order), so the same records give the same
/// order.
pub fn order(records: &[Record]) -> Vec<(usize, Severity)> {
    let mut out: Vec<(usize, Severity, usize)> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| assess(r).map(|(s, n)| (i, s, n)))
        .collect();
    out.sort_by(|a, b| {
        let path = |i: usize| records.get(i).map(|r| r.source.path.as_str());
        (a.1, std::cmp::Reverse(a.2), path(a.0), a.0).cmp(&(
            b.1,
            std::cmp::Reverse(b.2),
            path(b.0),
            b.0,
        ))
    });
    out.into_iter().map(|(i, s, _)| (i, s)).collect()
}

/// What a person should do about an error code.
pub fn action(code: ProblemCode) -> &'static str {
    use ProblemCode as C;
    match code {
        C::Encrypted => "Supply the password or a decrypted copy, then run again.",
        C::NoText => {
            "No text to read: OCR it (install Tesseract with the Swedish model and run with \
             --ocr auto), or obtain a copy with text."
        }
        C::TooLarge => "Over a size limit: check that it is the right document; split it if it is.",
        C::Timeout => {
            "Out of time: run again with a larger --timeout (with --resume --retry-errors)."
        }
        C::Malformed => {
            "Broken file: check that it opens in a PDF viewer; obtain a new copy from the source."
        }
        C::NotPdf => "Not a PDF: check what the file is; convert it or remove it from the batch.",
        C::Empty => "The file is empty: obtain the document again.",
        C::Io => {
            "Could not be read: check that the file exists and is readable, then run with \
             --resume --retry-errors."
        }
        C::Internal => {
            "An internal failure: report it with the file; --resume --retry-errors runs it again."
        }
        C::OcrUnavailable => {
            "Install Tesseract with the Swedish model (tesseract-ocr-swe) and run with --resume \
             --retry-errors."
        }
        _ => "Open the file and check it by hand.",
    }
}

/// Up to `n` words either side of the first place `text` holds the words `wanted`:
/// (before, the words, after). Punctuation around a word does not stop a match.
pub fn context(text: &str, wanted: &str, n: usize) -> Option<(String, String, String)> {
    context_nth(text, wanted, n, &mut 0)
}

/// As [`context`], at the place after skipping `skip` earlier ones (lowered by those
/// skipped here, so the next text goes on counting).
fn context_nth(
    text: &str,
    wanted: &str,
    n: usize,
    skip: &mut usize,
) -> Option<(String, String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let want: Vec<&str> = wanted.split_whitespace().collect();
    if want.is_empty() {
        return None;
    }
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut hits = words.windows(want.len()).enumerate().filter(|(_, win)| {
        win.iter()
            .zip(&want)
            .all(|(a, b)| a == b || bare(a) == bare(b) && !bare(b).is_empty())
    });
    let Some((hit, _)) = hits.nth(*skip) else {
        // Fewer places here than to skip: the rest are skipped in the next text.
        *skip -= words
            .windows(want.len())
            .filter(|win| {
                win.iter()
                    .zip(&want)
                    .all(|(a, b)| a == b || bare(a) == bare(b) && !bare(b).is_empty())
            })
            .count()
            .min(*skip);
        return None;
    };
    let end = hit + want.len();
    let before = words.get(hit.saturating_sub(n)..hit)?.join(" ");
    let found = words.get(hit..end)?.join(" ");
    let after = words.get(end..(end + n).min(words.len()))?.join(" ");
    Some((before, found, after))
}

/// The record's text where a repair on `page` would be: the items on that page
/// (heading, body, decisions), then the meeting's title. `earlier` is how many flags
/// before this one on the same page are for the same words: this one is taken to be
/// the place after theirs (the first place when there are fewer).
pub fn record_context(
    r: &Record,
    f: &Flag<'_>,
    n: usize,
    earlier: usize,
) -> Option<(String, String, String)> {
    let page = f.repair.page;
    let on_page = r.items.iter().filter(|i| i.pages.contains(&page));
    let texts = on_page
        .flat_map(|i| {
            std::iter::once(&i.title)
                .chain(std::iter::once(&i.text))
                .chain(&i.decisions)
        })
        .chain(r.meeting.title.as_ref());
    let texts: Vec<&String> = texts.collect();
    let mut skip = earlier;
    for t in &texts {
        if let Some(c) = context_nth(t, f.in_text(), n, &mut skip) {
            return Some(c);
        }
    }
    texts.iter().find_map(|t| context(t, f.in_text(), n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll_model::record::{Attendance, Item, Problem, Vote};

    fn rec(path: &str) -> Record {
        let mut r = Record::default();
        r.source.path = path.into();
        r.items.push(Item::default());
        r.meeting.date = Some("2024-01-01".into());
        r
    }

    fn correction(conf: f32) -> Correction {
        Correction {
            page: 1,
            original: "for".into(),
            corrected: "för".into(),
            kind: protokoll_model::record::CorrectionKind::Diacritic,
            confidence: conf,
            bbox: None,
        }
    }

    #[test]
    fn worst_first_then_most_problems_then_path() {
        let clean = rec("clean.pdf");
        let mut err = rec("z-error.pdf");
        err.status = Status::Error;
        err.errors.push(Problem {
            code: ProblemCode::Malformed,
            message: "broken".into(),
            page: None,
        });
        let mut sugg = rec("b-sugg.pdf");
        sugg.suggestions.push(correction(0.5));
        let mut two = rec("c-sugg.pdf");
        two.suggestions = vec![correction(0.5), correction(0.5)];
        let mut low = rec("a-low.pdf");
        low.corrections = vec![correction(0.83), correction(0.95)];
        let mut nodate = rec("a-nodate.pdf");
        nodate.meeting.date = None;
        let records = vec![clean, nodate, low, sugg, err, two];
        let order: Vec<&str> = order(&records)
            .iter()
            .map(|(i, _)| records[*i].source.path.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "z-error.pdf",
                "c-sugg.pdf",
                "b-sugg.pdf",
                "a-low.pdf",
                "a-nodate.pdf"
            ]
        );
        // Only the correction under the bound is flagged.
        assert_eq!(flags(&records[2]).len(), 1);
    }

    #[test]
    fn votes_and_replacements_that_do_not_add_up() {
        let mut r = rec("x.pdf");
        r.items[0].number = "5".into();
        r.items[0].votes.push(Vote {
            yes: Some(7),
            no: Some(4),
            consistent: Some(false),
            ..Vote::default()
        });
        let person = |name: &str, replaces: Option<&str>| Attendance {
            name: name.into(),
            replaces: replaces.map(Into::into),
            ..Attendance::default()
        };
        r.attendance = vec![
            person("Ek, Bo", None),
            person("Anna Lind", Some("Bo Ek")),
            person("Per Holm", Some("Sara Berg")),
        ];
        let p = count_problems(&r);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0]
            .1
            .starts_with("§ 5: the vote's counts (yes 7, no 4, abstain ?)"));
        assert!(p[1].1.contains("Per Holm replaces Sara Berg"));
    }

    #[test]
    fn context_around_a_word_with_punctuation() {
        let t = "Närvarande: Anna Berg, Lunander, Per Holm och fler";
        let (b, w, a) = context(t, "Lunander,", 2).unwrap();
        assert_eq!(
            (b.as_str(), w.as_str(), a.as_str()),
            ("Anna Berg,", "Lunander,", "Per Holm")
        );
        let (_, w, _) = context(t, "per holm", 1).unwrap();
        assert_eq!(w, "Per Holm");
        assert!(context(t, "saknas", 2).is_none());
        // The second flag for the same word on a page gets the second place.
        let mut r = Record::default();
        r.items.push(Item {
            pages: vec![1],
            title: "Lank ett".into(),
            text: "se Lank två".into(),
            ..Item::default()
        });
        let c = correction(0.8);
        let c = Correction {
            corrected: "Lank".into(),
            ..c
        };
        let f = Flag {
            repair: &c,
            suggestion: false,
        };
        let after = |k| record_context(&r, &f, 1, k).map(|(_, _, a)| a);
        assert_eq!(after(0).as_deref(), Some("ett"));
        assert_eq!(after(1).as_deref(), Some("två"));
        assert_eq!(after(5).as_deref(), Some("ett"));
    }
}
