//! PDF bytes through the whole pipeline (extraction, repair, parsing), as `protokoll
//! ingest` reads a `.pdf` file (without OCR).
#![no_main]

use libfuzzer_sys::fuzz_target;
use protokoll_pipeline::{process_bytes, OcrMode, Options};
use protokoll_model::record::Format;

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        ocr: OcrMode::Never,
        ..Options::default()
    };
    let _ = process_bytes(data.to_vec(), Format::Pdf, "fuzz.pdf", &opts);
});
