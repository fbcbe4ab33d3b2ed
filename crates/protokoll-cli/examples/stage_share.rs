//! Parsing's share of extraction time on the bundled fixture PDFs, measured in one
//! process with the two stages alternating (so that a noisy machine slows both
//! alike); prints the median and best ratio over the rounds.
//! Run: cargo run --release -p protokoll-cli --example stage_share [ROUNDS]

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(40);
    let pdfs = common::fixture_pdfs();
    let limits = protokoll_pdf::Limits::default();
    let docs: Vec<_> = pdfs
        .iter()
        .filter_map(|b| protokoll_pdf::extract(b, &limits).ok())
        .map(|e| {
            let mut d = e.document;
            protokoll_text::repair_document(&mut d, &Default::default());
            d
        })
        .collect();
    let mut ratios = Vec::new();
    let (mut ext_best, mut parse_best) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let t = Instant::now();
        let n = pdfs
            .iter()
            .filter_map(|p| protokoll_pdf::extract(p, &limits).ok())
            .count();
        let ext = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let items: usize = docs
            .iter()
            .map(|d| protokoll_parse::parse(d).items.len())
            .sum();
        let parse = t.elapsed().as_secs_f64();
        std::hint::black_box((n, items));
        ext_best = ext_best.min(ext);
        parse_best = parse_best.min(parse);
        ratios.push(parse / ext);
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios.get(ratios.len() / 2).copied().unwrap_or(0.0);
    println!(
        "{} PDFs, {rounds} rounds: extraction best {:.1} ms, parsing best {:.1} ms; \
         parsing/extraction median {:.1} %, best-to-best {:.1} %",
        pdfs.len(),
        ext_best * 1e3,
        parse_best * 1e3,
        median * 100.0,
        parse_best / ext_best * 100.0
    );
}
