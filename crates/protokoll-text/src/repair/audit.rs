use super::rules::Repair;
use protokoll_model::record::CorrectionKind;
use protokoll_model::{Correction, PageBox};

/// A repair as written into the page: the new text shared (a memoized token's repair
/// is written many times).
pub(super) type Fix = (std::sync::Arc<str>, CorrectionKind, f32);

pub(super) fn fix_of((text, kind, confidence): Repair) -> Fix {
    (text.into(), kind, confidence)
}

/// Writes repairs into a cell's words and lists them as corrections.
pub(super) fn apply(
    cell: &mut protokoll_model::Cell,
    fixes: impl IntoIterator<Item = (usize, Fix)>,
    page: u32,
    out: &mut Vec<Correction>,
) {
    for (i, (text, kind, confidence)) in fixes {
        if let Some(w) = cell.words.get_mut(i) {
            // The texts shared with the words: no copy per correction (a damaged
            // document has one in three words corrected).
            let original = std::mem::replace(&mut w.text, text);
            out.push(Correction {
                page,
                original,
                corrected: w.text.clone(),
                kind,
                confidence,
                bbox: page_box(page, &w.bbox),
            });
        }
    }
}

/// The record's box of a word on page `page`, rounded to a tenth of a point as the
/// items' boxes are (stable JSON); None for a word without one (text input).
pub(crate) fn page_box(page: u32, r: &protokoll_model::Rect) -> Option<PageBox> {
    let round = |v: f32| (v * 10.0).round() / 10.0;
    let has_area = r.x1 > r.x0 || r.y1 > r.y0;
    let finite = [r.x0, r.y0, r.x1, r.y1].iter().all(|v| v.is_finite());
    (has_area && finite).then(|| PageBox {
        page,
        x0: round(r.x0),
        y0: round(r.y0),
        x1: round(r.x1),
        y1: round(r.y1),
    })
}
