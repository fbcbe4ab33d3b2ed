//! The bundled fixture PDFs, read for the stage benchmarks (shared by
//! `benches/stages.rs` and `examples/stage_share.rs`).

use std::path::Path;

/// The bytes of every PDF in `fixtures/pdf`, in sorted path order.
pub fn fixture_pdfs() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/pdf")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}
