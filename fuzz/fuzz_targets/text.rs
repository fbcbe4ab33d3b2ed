//! Text-file bytes through the whole pipeline (decoding, repair, parsing), as
//! `protokoll ingest` reads a `.txt` file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use protokoll_pipeline::{process_bytes, OcrMode, Options};
use protokoll_model::record::Format;

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        ocr: OcrMode::Never,
        ..Options::default()
    };
    let r = process_bytes(data.to_vec(), Format::Text, "fuzz.txt", &opts);
    // The record must serialise: it is what ingest writes.
    assert!(serde_json::to_vec(&r).is_ok());
});
