//! `protokoll`: Swedish meeting minutes from PDF or text to JSON Lines records.
//!
//! The binary only parses arguments and dispatches; the stages live in the library
//! crates (pdf → text → parse), glued together in [`pipeline`].

mod pipeline;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use protokoll_model::record::Record;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "protokoll",
    version,
    about = "Swedish meeting minutes (PDF or text) to JSON records"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn files and folders (walked for *.pdf and *.txt) into JSON Lines records.
    Ingest {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write records here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Worker threads (default: all cores). Output is the same for any number.
        #[arg(short, long)]
        jobs: Option<usize>,
        /// With -o: keep the records already in FILE and process only the files missing
        /// from it (after a crash or an interrupted run).
        #[arg(long, requires = "output")]
        resume: bool,
        /// Leave OCR damage as it is (no corrections).
        #[arg(long)]
        no_repair: bool,
        /// Seconds allowed per document.
        #[arg(long, default_value_t = 8)]
        timeout: u64,
        /// OCR scanned pages with Tesseract's Swedish model: auto = pages without
        /// text; always = also replace an existing OCR layer; never = leave them.
        #[arg(long, value_enum, default_value_t = pipeline::OcrMode::Auto)]
        ocr: pipeline::OcrMode,
    },
    /// Print a document's text in reading order, pages separated by form feeds.
    Extract {
        /// A PDF or text file.
        file: PathBuf,
        /// The text before any repair.
        #[arg(long)]
        raw: bool,
        /// Lines with their cells separated by " | ", marked with region/row, bold as
        /// *word* and struck-through as ~~word~~, for debugging layouts.
        #[arg(long)]
        layout: bool,
        /// OCR scanned pages (as for ingest).
        #[arg(long, value_enum, default_value_t = pipeline::OcrMode::Auto)]
        ocr: pipeline::OcrMode,
    },
    /// Print the JSON Schema of a record.
    Schema,
}

fn main() {
    // One OpenMP thread per Tesseract call: jobs run in parallel already, and
    // Tesseract's own threads would only compete with them (about 4x the CPU time per
    // page). Set before any thread starts and before libtesseract is loaded.
    if std::env::var_os("OMP_THREAD_LIMIT").is_none() {
        std::env::set_var("OMP_THREAD_LIMIT", "1");
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest {
            paths,
            output,
            jobs,
            resume,
            no_repair,
            timeout,
            ocr,
        } => {
            let opts = pipeline::Options {
                repair: !no_repair,
                limits: protokoll_pdf::Limits {
                    time: std::time::Duration::from_secs(timeout.max(1)),
                    ..protokoll_pdf::Limits::default()
                },
                ocr,
                ocr_config: protokoll_ocr::Config::default(),
            };
            ingest(&paths, output.as_deref(), jobs, resume, &opts)
        }
        Command::Extract {
            file,
            raw,
            layout,
            ocr,
        } => extract(&file, raw, layout, ocr),
        Command::Schema => schema(),
    };
    if let Err(e) = result {
        eprintln!("protokoll: {e:#}");
        std::process::exit(2);
    }
}

/// The files a run covers, sorted, each with the path to report.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files).with_context(|| format!("cannot walk {}", p.display()))?;
        } else if p.exists() {
            files.push(p.clone());
        } else {
            // Reported as an error record, so a typo in one path does not stop a batch.
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn run_one(path: &Path, opts: &pipeline::Options) -> Record {
    let display = path.to_string_lossy().into_owned();
    std::panic::catch_unwind(|| pipeline::process(path, &display, opts))
        .unwrap_or_else(|_| pipeline::panic_record(&display))
}

fn ingest(
    paths: &[PathBuf],
    output: Option<&Path>,
    jobs: Option<usize>,
    resume: bool,
    opts: &pipeline::Options,
) -> Result<()> {
    let mut files = collect(paths)?;
    let mut done: HashSet<String> = HashSet::new();
    if resume {
        if let Some(out) = output.filter(|o| o.exists()) {
            let f = std::fs::File::open(out)
                .with_context(|| format!("cannot read {}", out.display()))?;
            for line in std::io::BufReader::new(f).lines() {
                let line = line?;
                // A line cut short by a crash is dropped and its file done again.
                if let Ok(r) = serde_json::from_str::<Record>(&line) {
                    done.insert(r.source.path);
                }
            }
            rewrite_complete_lines(out)?;
        }
        files.retain(|f| !done.contains(&*f.to_string_lossy()));
    }
    let mut sink: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(resume)
                .write(true)
                .truncate(!resume)
                .open(p)
                .with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let progress = std::io::stderr().is_terminal();
    let total = files.len();
    let (mut n_done, mut n_err, mut n_review) = (0usize, 0usize, 0usize);
    // Chunks keep memory flat on big batches and put finished records on disk early
    // (for --resume); order inside and across chunks is the sorted input order.
    for chunk in files.chunks(32) {
        let records: Vec<Record> =
            pool.install(|| chunk.par_iter().map(|p| run_one(p, opts)).collect());
        for r in &records {
            let line = serde_json::to_string(r).context("cannot serialise a record")?;
            writeln!(sink, "{line}").context("cannot write output")?;
            n_done += 1;
            match r.status {
                protokoll_model::record::Status::Error => n_err += 1,
                _ if !r.warnings.is_empty() => n_review += 1,
                _ => {}
            }
        }
        sink.flush().context("cannot write output")?;
        if progress {
            eprint!("\r{n_done}/{total} files, {n_err} errors, {n_review} to review");
        }
    }
    if progress {
        eprintln!();
    }
    if n_err + n_review > 0 {
        eprintln!("protokoll: {n_done} records; {n_err} errors and {n_review} with warnings need a human look");
    }
    Ok(())
}

/// Truncates `path` after its last complete line (a crash may leave half a record).
fn rewrite_complete_lines(path: &Path) -> Result<()> {
    let bytes = std::fs::read(path)?;
    let keep = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if keep != bytes.len() {
        let f = std::fs::OpenOptions::new().write(true).open(path)?;
        f.set_len(keep as u64)?;
    }
    Ok(())
}

fn extract(file: &Path, raw: bool, layout: bool, ocr: pipeline::OcrMode) -> Result<()> {
    let opts = pipeline::Options {
        repair: !raw,
        limits: protokoll_pdf::Limits::default(),
        ocr,
        ocr_config: protokoll_ocr::Config::default(),
    };
    let display = file.to_string_lossy().into_owned();
    let loaded = pipeline::load(file, &display, &opts);
    // What kept pages from being read (Tesseract missing, an image that cannot be
    // decoded) goes to stderr, or `extract` would print nothing without saying why.
    for w in loaded
        .record
        .warnings
        .iter()
        .filter(|w| matches!(w.code.as_str(), "ocr_unavailable" | "ocr_failed"))
    {
        eprintln!("protokoll: {display}: {}: {}", w.code, w.message);
    }
    let document = loaded.document.filter(|_| loaded.record.errors.is_empty());
    let Some(mut doc) = document else {
        let msg: Vec<String> = loaded
            .record
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.code, e.message))
            .collect();
        bail!("{display}: {}", msg.join("; "));
    };
    if !raw {
        let plain = loaded.record.source.format == protokoll_model::record::Format::Text;
        protokoll_text::repair_document_from(&mut doc, true, plain);
    }
    let text = if layout {
        layout_text(&doc)
    } else {
        doc.to_text()
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// Every line with its cells, for people debugging a layout.
fn layout_text(doc: &protokoll_model::Document) -> String {
    let mut out = String::new();
    for page in &doc.pages {
        out.push_str(&format!(
            "=== page {} ({:.0}x{:.0})\n",
            page.number, page.width, page.height
        ));
        for line in &page.lines {
            let tag = match (line.region, line.row) {
                (Some(r), Some(w)) => format!("r{r}.{w}"),
                _ => "-".to_string(),
            };
            let cells: Vec<String> = line
                .cells
                .iter()
                .map(|c| {
                    let words: Vec<String> = c
                        .words
                        .iter()
                        .map(|w| match (w.bold, w.struck) {
                            (_, true) => format!("~~{}~~", w.text),
                            (true, _) => format!("*{}*", w.text),
                            _ => w.text.to_string(),
                        })
                        .collect();
                    format!("[{}] {}", c.column, words.join(" "))
                })
                .collect();
            let furn = if line.furniture { " (furniture)" } else { "" };
            out.push_str(&format!("{tag:>7} | {}{furn}\n", cells.join(" | ")));
        }
    }
    out
}

fn schema() -> Result<()> {
    let schema = schemars::schema_for!(Record);
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(())
}
