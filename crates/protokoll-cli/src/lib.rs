//! The pipeline of the `protokoll` binary as a library, so benches and fuzz targets
//! (`fuzz/`) run the same code on bytes as the binary does on files.

pub mod pipeline;
