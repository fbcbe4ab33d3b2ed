//! The run's totals, counted from the records alone.

use crate::review::LOW_CONFIDENCE;
use protokoll_model::record::{Record, Status};
use protokoll_model::TextLayer;
use std::collections::{BTreeMap, BTreeSet};

/// What a run holds, as the report's first table shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records (one per input file).
    pub files: usize,
    /// Pages over all records (`source.pages`).
    pub pages: u64,
    /// Records with status ok.
    pub ok: usize,
    /// Records with status partial.
    pub partial: usize,
    /// Records with status error.
    pub error: usize,
    /// Error records by the code of their first error.
    pub errors_by_code: BTreeMap<String, usize>,
    /// Records by `source.text_layer`: native, ocr_layer, ocr_engine, mixed, none.
    pub layers: [usize; 5],
    /// Pages OCR'd with Tesseract (the count in each record's `ocr` warning).
    pub ocr_pages: u64,
    /// Distinct pages with at least one correction.
    pub repaired_pages: usize,
    /// Corrections applied.
    pub corrections: usize,
    /// Corrections under [`LOW_CONFIDENCE`].
    pub low_confidence: usize,
    /// Suggestions (repairs not applied).
    pub suggestions: usize,
}

/// The text-layer names in the order of [`Totals::layers`].
pub const LAYERS: [&str; 5] = ["native", "ocr_layer", "ocr_engine", "mixed", "none"];

impl Totals {
    /// Counts `records`.
    pub fn of(records: &[Record]) -> Totals {
        let mut t = Totals {
            files: records.len(),
            ..Totals::default()
        };
        for r in records {
            t.pages += u64::from(r.source.pages);
            match r.status {
                Status::Ok => t.ok += 1,
                Status::Partial => t.partial += 1,
                Status::Error => {
                    t.error += 1;
                    let code = r.errors.first().map_or("(none)", |e| e.code.as_str());
                    *t.errors_by_code.entry(code.to_string()).or_default() += 1;
                }
            }
            let layer = match r.source.text_layer {
                TextLayer::Native => 0,
                TextLayer::OcrLayer => 1,
                TextLayer::OcrEngine => 2,
                TextLayer::Mixed => 3,
                TextLayer::None => 4,
            };
            if let Some(n) = t.layers.get_mut(layer) {
                *n += 1;
            }
            t.ocr_pages += r
                .warnings
                .iter()
                .filter(|w| w.code.as_str() == "ocr")
                .filter_map(|w| w.message.split_whitespace().next()?.parse::<u64>().ok())
                .sum::<u64>();
            let pages: BTreeSet<u32> = r.corrections.iter().map(|c| c.page).collect();
            t.repaired_pages += pages.len();
            t.corrections += r.corrections.len();
            t.low_confidence += r
                .corrections
                .iter()
                .filter(|c| c.confidence < LOW_CONFIDENCE)
                .count();
            t.suggestions += r.suggestions.len();
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protokoll_model::record::{Correction, Problem, ProblemCode};

    #[test]
    fn counts_statuses_codes_layers_and_repairs() {
        let problem = |code: ProblemCode, message: &str| Problem {
            code,
            message: message.into(),
            page: None,
        };
        let fix = |page: u32, confidence: f32| Correction {
            page,
            confidence,
            ..Correction::default()
        };
        let mut a = Record::default();
        a.source.pages = 3;
        a.source.text_layer = TextLayer::OcrEngine;
        a.warnings.push(problem(
            ProblemCode::Ocr,
            "3 pages OCR'd with Tesseract (swe); check names",
        ));
        a.corrections = vec![fix(1, 0.9), fix(1, 0.8), fix(3, 0.95)];
        a.suggestions = vec![fix(2, 0.5)];
        let mut b = Record {
            status: Status::Error,
            ..Record::default()
        };
        b.errors.push(problem(ProblemCode::Malformed, "broken"));
        let mut c = b.clone();
        c.errors
            .insert(0, problem(ProblemCode::Encrypted, "locked"));
        let mut d = Record {
            status: Status::Partial,
            ..Record::default()
        };
        d.source.pages = 2;
        d.source.text_layer = TextLayer::Native;
        let t = Totals::of(&[a, b, c, d]);
        assert_eq!((t.files, t.pages), (4, 5));
        assert_eq!((t.ok, t.partial, t.error), (1, 1, 2));
        let codes: Vec<(&str, usize)> = t
            .errors_by_code
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(codes, [("encrypted", 1), ("malformed", 1)]);
        assert_eq!(t.layers, [1, 0, 1, 0, 2]);
        assert_eq!(t.ocr_pages, 3);
        assert_eq!(
            (t.repaired_pages, t.corrections, t.low_confidence),
            (2, 3, 1)
        );
        assert_eq!(t.suggestions, 1);
    }
}
