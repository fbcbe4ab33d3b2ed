//! Small helpers over lopdf objects: references resolved with a depth bound.

use lopdf::{Dictionary, Document, Object};

/// Follows references (at most 16 hops, so reference cycles end).
pub fn deref<'a>(doc: &'a Document, mut o: &'a Object) -> Option<&'a Object> {
    for _ in 0..16 {
        match o {
            Object::Reference(id) => o = doc.get_object(*id).ok()?,
            _ => return Some(o),
        }
    }
    None
}

/// A dictionary entry with references resolved.
pub fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, d.get(key).ok()?)
}

/// A number of either PDF number type.
pub fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A name's bytes.
pub fn name_of(o: &Object) -> Option<Vec<u8>> {
    match o {
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

/// A stream's decoded data, bounded by `limit`. A stream whose /Length is missing or
/// wrong comes out of lopdf empty, with its start known: its data is then read from
/// the file up to `endstream`, as pdftotext does.
pub fn stream_data(
    doc: &Document,
    raw: &[u8],
    s: &lopdf::Stream,
    limit: usize,
) -> Result<Vec<u8>, crate::PdfError> {
    // /Filter or /DecodeParms given by reference: resolve them, or the filter is ignored.
    let indirect = |k: &[u8]| matches!(s.dict.get(k), Ok(Object::Reference(_)));
    if indirect(b"Filter") || indirect(b"DecodeParms") {
        let mut fixed = s.clone();
        for key in [&b"Filter"[..], &b"DecodeParms"[..]] {
            if let Some(v) = dict_get(doc, &s.dict, key) {
                fixed.dict.set(key.to_vec(), v.clone());
            }
        }
        return stream_data(doc, raw, &fixed, limit);
    }
    let too_large =
        || crate::PdfError::TooLarge("a stream exceeds the decompressed-size limit".into());
    if s.content.is_empty() {
        if let Some(start) = s.start_position {
            let tail = raw.get(start..).unwrap_or(&[]);
            let window = tail.get(..tail.len().min(limit)).unwrap_or(tail);
            if let Some(end) = window.windows(9).position(|w| w == b"endstream") {
                let mut data = window.get(..end).unwrap_or(&[]);
                while let Some((last, rest)) = data.split_last() {
                    if *last == b'\n' || *last == b'\r' {
                        data = rest;
                    } else {
                        break;
                    }
                }
                let mut fixed = lopdf::Stream::new(s.dict.clone(), data.to_vec());
                fixed.start_position = None;
                return match fixed.decompressed_content_with_limit(limit) {
                    Ok(d) => Ok(d),
                    Err(lopdf::Error::Decompress(
                        lopdf::DecompressError::MemoryLimitExceeded { .. },
                    )) => Err(too_large()),
                    Err(_) => Ok(fixed.content),
                };
            }
        }
        return Ok(Vec::new());
    }
    match s.decompressed_content_with_limit(limit) {
        Ok(d) => Ok(d),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(too_large())
        }
        // Not compressed, or a filter we cannot undo: the bytes as stored.
        Err(_) => Ok(s.content.clone()),
    }
}
