use super::rules::Repair;
use protokoll_model::record::CorrectionKind;
use protokoll_model::Correction;

/// A repair as written into the page: the new text shared (a memoized token's repair
/// is written many times).
pub(super) type Fix = (std::sync::Arc<str>, CorrectionKind, f32);

pub(super) fn fix_of((text, kind, confidence): Repair) -> Fix {
    (text.into(), kind, confidence)
}

/// Writes repairs into a cell's words and lists them as corrections.
pub(super) fn apply(
    cell: &mut protokoll_model::Cell,
    fixes: Vec<(usize, Fix)>,
    page: u32,
    out: &mut Vec<Correction>,
) {
    for (i, (text, kind, confidence)) in fixes {
        if let Some(w) = cell.words.get_mut(i) {
            let original = std::mem::replace(&mut w.text, text).to_string();
            out.push(Correction {
                page,
                original,
                corrected: w.text.to_string(),
                kind,
                confidence,
            });
        }
    }
}
