//! Recovery of streams whose declared /Length is wrong.
//!
//! lopdf trusts /Length: when it is too long, the parser runs past `endstream` and
//! drops the whole object, so a page loses its content stream. pdftotext instead
//! reads up to `endstream`. We do the same by rewriting each wrong direct /Length
//! in a copy of the file (the copy is then loaded with the xref rebuilt, so shifted
//! offsets do not matter).
//!
//! One pass: the keywords' positions are listed once and looked up by binary search,
//! so a file of many streams without `endstream` costs n log n, not a rescan of the
//! rest of the file per stream.

use crate::{Budget, PdfError};

/// The objects listed in the xref as in use that the parser could not load.
pub fn lost_objects(doc: &lopdf::Document) -> usize {
    doc.reference_table
        .entries
        .iter()
        .filter(|(id, e)| match e {
            lopdf::xref::XrefEntry::Normal { generation, .. } => {
                !doc.objects.contains_key(&(**id, *generation))
            }
            _ => false,
        })
        .count()
}

/// `Some(limit)` when the file holds more than `limit` whitespace-separated tokens
/// outside stream bodies: the parser would build an object for each. One pass; a
/// stream body is skipped from its `stream` keyword to the next `endstream` (a missing
/// one ends the count: what follows is data, not syntax).
pub fn syntax_over(bytes: &[u8], limit: usize, budget: &Budget) -> Result<Option<usize>, PdfError> {
    let ends = Hits::of(bytes, b"endstream", budget)?;
    let mut tokens = 0usize;
    let mut in_token = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if i % 65_536 == 65_535 {
            budget.check().map_err(PdfError::Timeout)?;
        }
        if b.is_ascii_whitespace() {
            in_token = false;
        } else if !in_token {
            in_token = true;
            tokens += 1;
            if tokens > limit {
                return Ok(Some(limit));
            }
        }
        if b == b's' && bytes.get(i..i + 6) == Some(b"stream".as_slice()) {
            let keyword_end = i + 6;
            let is_end = i >= 3 && bytes.get(i - 3..i) == Some(b"end".as_slice());
            if !is_end {
                match ends.first_from(keyword_end) {
                    Some(e) => {
                        i = e;
                        in_token = false;
                        continue;
                    }
                    None => return Ok(None),
                }
            }
        }
        i += 1;
    }
    Ok(None)
}

/// Where a keyword occurs in the file, in order.
struct Hits {
    at: Vec<usize>,
    len: usize,
}

impl Hits {
    fn of(bytes: &[u8], needle: &[u8], budget: &Budget) -> Result<Hits, PdfError> {
        let mut at = Vec::new();
        for (i, w) in bytes.windows(needle.len()).enumerate() {
            if w == needle {
                at.push(i);
            }
            // Not at 0: a small file costs no check (tests count them).
            if i % 65_536 == 65_535 {
                budget.check().map_err(PdfError::Timeout)?;
            }
        }
        Ok(Hits {
            at,
            len: needle.len(),
        })
    }

    /// The first occurrence starting at or after `from`.
    fn first_from(&self, from: usize) -> Option<usize> {
        self.at.get(self.at.partition_point(|&p| p < from)).copied()
    }

    /// The last occurrence that starts at or after `lo` and ends by `hi`.
    fn last_within(&self, lo: usize, hi: usize) -> Option<usize> {
        let n = self.at.partition_point(|&p| p + self.len <= hi);
        let p = *self.at.get(n.checked_sub(1)?)?;
        (p >= lo).then_some(p)
    }
}

/// A copy of `bytes` with every wrong or missing `/Length` set to the length found by
/// looking for `endstream`, or `None` when no length needed fixing.
pub fn fix_stream_lengths(bytes: &[u8], budget: &Budget) -> Result<Option<Vec<u8>>, PdfError> {
    let streams = Hits::of(bytes, b"stream", budget)?;
    let ends = Hits::of(bytes, b"endstream", budget)?;
    let objs = Hits::of(bytes, b"obj", budget)?;
    let lengths = Hits::of(bytes, b"/Length", budget)?;
    // (start, end, new length); start == end inserts a whole `/Length` entry.
    let mut edits: Vec<(usize, usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(kw) = streams.first_from(from) {
        budget.tick().map_err(PdfError::Timeout)?;
        from = kw + 6;
        // `endstream` is not a stream start; a stream keyword follows its dictionary.
        if kw >= 3 && bytes.get(kw - 3..kw) == Some(b"end") {
            continue;
        }
        let before = bytes.get(..kw).unwrap_or(&[]);
        let trimmed = before.trim_ascii_end();
        if !trimmed.ends_with(b">>") {
            continue;
        }
        let mut start = kw + 6;
        match bytes.get(start..start + 2) {
            Some(b"\r\n") => start += 2,
            Some([b'\n', _]) | Some([b'\r', _]) => start += 1,
            _ => continue,
        }
        let Some(len_end) = ends.first_from(start).map(|e| e - start) else {
            continue;
        };
        let mut data = bytes.get(start..start + len_end).unwrap_or(&[]);
        if let Some(d) = data.strip_suffix(b"\r\n") {
            data = d;
        } else if let Some(d) = data
            .strip_suffix(b"\n")
            .or_else(|| data.strip_suffix(b"\r"))
        {
            data = d;
        }
        let actual = data.len();
        // The stream's dictionary: from its `obj` keyword (bounded look-back).
        let look = trimmed.len().saturating_sub(64 * 1024);
        let Some(dict_start) = objs.last_within(look, trimmed.len()) else {
            continue;
        };
        let Some(lk) = lengths.last_within(dict_start, trimmed.len()) else {
            // No /Length at all: add one before the dictionary's closing `>>`.
            let close = trimmed.len() - 2;
            edits.push((close, close, actual));
            from = start + len_end + 9;
            continue;
        };
        let vstart = lk + 7;
        let Some((vend, declared)) = length_value(bytes, vstart) else {
            continue;
        };
        if declared != Some(actual) {
            edits.push((vstart, vend, actual));
        }
        from = start + len_end + 9;
    }
    if edits.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for (s, e, n) in edits {
        let Some(keep) = bytes.get(at..s) else {
            return Ok(None);
        };
        out.extend_from_slice(keep);
        if s == e {
            out.extend_from_slice(format!("/Length {n} ").as_bytes());
        } else {
            out.extend_from_slice(format!(" {n}").as_bytes());
        }
        at = e;
    }
    out.extend_from_slice(bytes.get(at..).unwrap_or(&[]));
    Ok(Some(out))
}

/// The end of a /Length value starting at `at`, and its number when it is direct
/// (`None` for a reference `N G R`, which is replaced as well: its target may be lost).
fn length_value(bytes: &[u8], at: usize) -> Option<(usize, Option<usize>)> {
    let mut i = at;
    let skip_ws = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let digits = |mut i: usize| {
        let s = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > s).then_some(i)
    };
    i = skip_ws(i);
    let n_end = digits(i)?;
    let n: usize = std::str::from_utf8(bytes.get(i..n_end)?)
        .ok()?
        .parse()
        .ok()?;
    // `N G R`?
    let g = skip_ws(n_end);
    if let Some(g_end) = digits(g) {
        let r = skip_ws(g_end);
        if bytes.get(r) == Some(&b'R') {
            return Some((r + 1, None));
        }
    }
    Some((n_end, Some(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(pdf: &[u8]) -> Option<Vec<u8>> {
        fix_stream_lengths(pdf, &Budget::unlimited()).expect("no budget limit")
    }

    #[test]
    fn wrong_length_is_rewritten() {
        let pdf = b"1 0 obj\n<< /Length 99 >>\nstream\nBT ET\nendstream\nendobj\n";
        let fixed = fix(pdf).expect("a fix");
        let text = String::from_utf8(fixed).expect("ascii");
        assert!(text.contains("/Length 5 >>"), "{text}");
    }

    #[test]
    fn right_length_is_left_alone() {
        let pdf = b"1 0 obj\n<< /Length 5 >>\nstream\r\nBT ET\r\nendstream\nendobj\n";
        assert!(fix(pdf).is_none());
    }

    #[test]
    fn missing_length_is_added() {
        let pdf = b"1 0 obj\n<< /Type /X >>\nstream\nabcd\nendstream\nendobj\n";
        let fixed = fix(pdf).expect("a fix");
        assert!(String::from_utf8_lossy(&fixed).contains("<< /Type /X /Length 4 >>"));
    }

    #[test]
    fn indirect_length_is_replaced() {
        let pdf = b"1 0 obj\n<< /Length 2 0 R >>\nstream\nabc\nendstream\nendobj\n";
        let fixed = fix(pdf).expect("a fix");
        assert!(String::from_utf8_lossy(&fixed).contains("/Length 3 >>"));
    }

    #[test]
    fn syntax_is_counted_outside_streams_only() {
        let unlimited = Budget::unlimited();
        let count = |pdf: &[u8], limit| syntax_over(pdf, limit, &unlimited).expect("count");
        let body = "1 ".repeat(1000);
        let in_stream = format!("1 0 obj << /Length 2000 >> stream\n{body}\nendstream endobj");
        // 10 tokens outside the body: the limit holds at 10, not at 9.
        assert_eq!(count(in_stream.as_bytes(), 10), None);
        assert_eq!(count(in_stream.as_bytes(), 9), Some(9));
        let array = format!("1 0 obj [{body}] endobj");
        assert_eq!(count(array.as_bytes(), 500), Some(500));
        // A stream that never ends: the rest is data.
        let open = format!("1 0 obj << >> stream\n{body}");
        assert_eq!(count(open.as_bytes(), 10), None);
    }
}
