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
