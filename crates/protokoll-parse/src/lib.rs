//! Segmentation (in progress).
use protokoll_model::{Document, Parsed};
/// Parses a document.
pub fn parse(_doc: &Document) -> Parsed {
    Parsed::default()
}
