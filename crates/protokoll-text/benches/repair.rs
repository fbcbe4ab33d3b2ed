//! Repair throughput on OCR-damaged Swedish text (an invisible OCR layer without
//! å/ä/ö), and lexicon load time.

use criterion::{criterion_main, BatchSize, Criterion, Throughput};
use protokoll_model::{Cell, Document, Line, Page, TextLayer, Word};

const DAMAGED: &str = "Riktlinje antogs mellan parterna om hur vi fangar upp avvikelser i samverkan mellan vardgivare, exempelvis vid overgangar, vilken kan riskera patientsakerheten. I riktlinjen anges kanaler for aterforing och aterkoppling i lansdelsgrupperingar, samt en arlig patientsakerhetskonferens som valfard och folkhalsa ansvarar for. Utmaningen ar att upptacka var bristerna uppstar och var vi har vara svaga punkter. Fragan tas upp pa chefsgruppen den 12 december i Orebro.";

fn damaged_doc(lines: usize) -> (Document, usize) {
    let words: Vec<&str> = DAMAGED.split_whitespace().collect();
    let mut page_lines = Vec::new();
    let mut n = 0;
    for i in 0..lines {
        let ws: Vec<Word> = words
            .iter()
            .cycle()
            .skip(i % words.len())
            .take(12)
            .map(|w| Word {
                text: (*w).into(),
                invisible: true,
                font_size: 10.0,
                ..Word::default()
            })
            .collect();
        n += ws.len();
        page_lines.push(Line {
            cells: vec![Cell {
                column: 0,
                words: ws,
            }],
            ..Line::default()
        });
    }
    let page = Page {
        number: 1,
        width: 595.0,
        height: 842.0,
        lines: page_lines,
        has_page_image: true,
    };
    (
        Document {
            pages: vec![page],
            text_layer: TextLayer::OcrLayer,
            producer: None,
        },
        n,
    )
}

fn bench(c: &mut Criterion) {
    let (doc, n) = damaged_doc(2000);
    let mut g = c.benchmark_group("repair");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("damaged_ocr_layer", |b| {
        b.iter_batched(
            || doc.clone(),
            |mut d| protokoll_text::repair_document(&mut d, &Default::default()),
            BatchSize::LargeInput,
        )
    });
    g.finish();
    c.bench_function("lexicon_first_use", |b| {
        // The lexicon is memory-mapped from the binary: "loading" is a header check.
        b.iter(|| protokoll_text::lexicon::Lexicon::load().map(|l| l.len()))
    });
}

/// The benchmarks run. criterion_group! makes a public fn that cannot take a doc
/// comment; inside a private module it is not exported, so `missing_docs` holds.
mod group {
    criterion::criterion_group!(benches, super::bench);
}
criterion_main!(group::benches);
