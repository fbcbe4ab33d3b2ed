//! Cost of each stage on the bundled fixture PDFs: extraction, then repair and parsing
//! of the extracted documents. Parsing is meant to cost a small share of extraction.

use criterion::{criterion_main, BatchSize, Criterion};
mod common;

fn bench(c: &mut Criterion) {
    let pdfs = common::fixture_pdfs();
    let limits = protokoll_pdf::Limits::default();
    let docs: Vec<_> = pdfs
        .iter()
        .filter_map(|b| protokoll_pdf::extract(b, &limits).ok())
        .map(|e| e.document)
        .collect();
    c.bench_function("extract_fixtures", |b| {
        b.iter(|| {
            pdfs.iter()
                .filter_map(|p| protokoll_pdf::extract(p, &limits).ok())
                .count()
        })
    });
    let repaired: Vec<_> = docs
        .iter()
        .map(|d| {
            let mut d = d.clone();
            protokoll_text::repair_document(&mut d, &Default::default());
            d
        })
        .collect();
    c.bench_function("parse_fixtures", |b| {
        b.iter(|| {
            repaired
                .iter()
                .map(|d| protokoll_parse::parse(d).items.len())
                .sum::<usize>()
        })
    });
    c.bench_function("repair_and_parse_fixtures", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut ds| {
                ds.iter_mut()
                    .map(|d| {
                        protokoll_text::repair_document(d, &Default::default());
                        protokoll_parse::parse(d).items.len()
                    })
                    .sum::<usize>()
            },
            BatchSize::LargeInput,
        )
    });
}

/// The benchmarks run. criterion_group! makes a public fn that cannot take a doc
/// comment; inside a private module it is not exported, so `missing_docs` holds.
mod group {
    criterion::criterion_group!(benches, super::bench);
}
criterion_main!(group::benches);
