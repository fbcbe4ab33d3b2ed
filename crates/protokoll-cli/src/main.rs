//! `protokoll`: Swedish meeting minutes from PDF or text to JSON Lines records.
//!
//! The binary only parses arguments and dispatches; the stages live in the library
//! crates (pdf → text → parse), glued together in [`pipeline`].

mod batch;

use protokoll_pipeline as pipeline;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use protokoll_model::record::{Record, Status};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

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
        #[command(flatten)]
        run: Run,
        /// Leave OCR damage as it is (no corrections).
        #[arg(long)]
        no_repair: bool,
        /// CPU seconds allowed per document (reading, repair, parsing; measured as the
        /// worker thread's CPU time, so machine load does not change a record; OCR'd
        /// pages have Tesseract's own per-page limit). A document cut short keeps the
        /// pages read (status partial).
        #[arg(long, default_value_t = 8.0, value_name = "S")]
        timeout: f64,
        /// OCR scanned pages with Tesseract's Swedish model: auto = pages without
        /// text; always = also replace an existing OCR layer; never = leave them.
        #[arg(long, value_enum, default_value_t = pipeline::OcrMode::Auto)]
        ocr: pipeline::OcrMode,
        /// With -o: after the records, write a review report to FILE (one HTML page:
        /// totals, and the documents that need a human look, worst first).
        #[arg(long, value_name = "FILE", requires = "output")]
        report: Option<PathBuf>,
    },
    /// Write the review report of an existing run's records (as `ingest --report`).
    Report {
        /// The records (JSON Lines) of a run.
        records: PathBuf,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
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
            run,
            no_repair,
            timeout,
            ocr,
            report: report_to,
        } => (|| {
            let started = std::time::Instant::now();
            if let (Some(html), Some(records)) = (&report_to, &run.output) {
                if batch::identity(records) == batch::identity(html) {
                    bail!("--report and -o name the same file");
                }
            }
            let time = std::time::Duration::try_from_secs_f64(timeout)
                .ok()
                .filter(|t| !t.is_zero())
                .context("--timeout takes a positive number of seconds")?;
            let opts = pipeline::Options {
                repair: !no_repair,
                limits: protokoll_pdf::Limits {
                    time,
                    ..protokoll_pdf::Limits::default()
                },
                ocr,
                ocr_config: protokoll_ocr::Config::default(),
                budget_checks: std::env::var("PROTOKOLL_TEST_BUDGET_CHECKS")
                    .ok()
                    .and_then(|v| v.parse().ok()),
                ..pipeline::Options::default()
            };
            let outcome = ingest(&run, &opts)?;
            if let (Outcome::Done, Some(html), Some(records)) = (&outcome, &report_to, &run.output)
            {
                report(records, html, Some(started.elapsed()))?;
            }
            Ok(outcome)
        })(),
        Command::Report { records, output } => {
            report(&records, &output, None).map(|()| Outcome::Done)
        }
        Command::Extract {
            file,
            raw,
            layout,
            ocr,
        } => extract(&file, raw, layout, ocr).map(|()| Outcome::Done),
        Command::Schema => schema().map(|()| Outcome::Done),
    };
    match result {
        Ok(Outcome::Done) => {}
        Ok(Outcome::Interrupted) => std::process::exit(130),
        Err(e) => {
            eprintln!("protokoll: {e:#}");
            std::process::exit(2);
        }
    }
}

/// Writes the review report of the records in `records` to `html`; `wall` is the
/// run's wall time when a run makes it.
fn report(records: &Path, html: &Path, wall: Option<std::time::Duration>) -> Result<()> {
    if batch::identity(records) == batch::identity(html) {
        bail!("the report would overwrite the records: give another file to --report/-o");
    }
    let all = protokoll_report::read_records(records)?;
    let opts = protokoll_report::Options {
        cwd: std::env::current_dir().context("cannot read the working directory")?,
        records_dir: std::path::absolute(records)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf)),
        wall_time: wall,
        ..protokoll_report::Options::default()
    };
    let page = protokoll_report::render(&all, &opts);
    std::fs::write(html, page).with_context(|| format!("cannot write {}", html.display()))
}

/// How a command ended (errors aside).
enum Outcome {
    Done,
    /// Ctrl-C: the records finished are written; `--resume` does the rest.
    Interrupted,
}

/// What `ingest` was asked, besides the pipeline's options.
#[derive(clap::Args)]
struct Run {
    /// Files or folders.
    #[arg(required_unless_present = "files_from")]
    paths: Vec<PathBuf>,
    /// Also the files and folders listed in LIST, one a line ("-": stdin).
    #[arg(long, value_name = "LIST")]
    files_from: Vec<PathBuf>,
    /// Write records here instead of stdout (through FILE.partial, renamed into
    /// place when every record is in; an input is never overwritten).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores). Output is the same for any number.
    #[arg(short, long)]
    jobs: Option<usize>,
    /// With -o: keep the records of files already done (by path or content, with
    /// the same options) and process only the rest, after a crash, a kill or Ctrl-C.
    #[arg(long, requires = "output")]
    resume: bool,
    /// With --resume: process again the files whose record is a transient error
    /// (timeout, io, internal, ocr_unavailable) or was cut short by --timeout.
    #[arg(long, requires = "resume")]
    retry_errors: bool,
    /// Follow symbolic links when walking folders (links that loop are skipped).
    #[arg(short = 'L', long)]
    follow: bool,
    /// Take only shard K of N (K from 0) of the files, split by path hash; "/N"
    /// takes K from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// No progress and no summary on stderr (warnings still).
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// A line per file on stderr: path, status, CPU seconds.
    #[arg(short, long)]
    verbose: bool,
}

/// One file's record, and the CPU seconds it cost.
fn run_one(path: &Path, opts: &pipeline::Options) -> (Record, f64) {
    let display = path.to_string_lossy().into_owned();
    let clock = protokoll_model::Budget::new(std::time::Duration::MAX);
    let r = pipeline::ingest_record(path, &display, opts);
    (r, clock.spent().as_secs_f64())
}

/// Where the records go.
enum Sink {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File(batch::OutFile),
}

/// Where records go: stdout, or `-o FILE` (its `.partial` file) holding the records of
/// an earlier run that `--resume` keeps.
fn open_sink(run: &Run, files: &[PathBuf], key: &str) -> Result<Sink> {
    Ok(match &run.output {
        None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout().lock())),
        Some(out) => {
            let kept = if run.resume {
                let r = batch::resume_from(out, files, key, run.retry_errors)?;
                if r.dropped > 0 && !run.quiet {
                    eprintln!(
                        "protokoll: {} earlier records dropped to be done again (errors to \
                         retry, other options, damaged lines or doubles)",
                        r.dropped
                    );
                }
                r.lines
            } else {
                Vec::new()
            };
            Sink::File(batch::OutFile::start(out, kept)?)
        }
    })
}

/// The flag the workers poll to stop taking files, set by Ctrl-C.
fn stop_on_ctrlc() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // A first Ctrl-C lets the records in flight finish; a second one quits at once.
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            eprintln!(
                "\nprotokoll: interrupted: finishing the records in flight (Ctrl-C again \
                 quits now)"
            );
        });
    }
    stop
}

fn ingest(run: &Run, opts: &pipeline::Options) -> Result<Outcome> {
    let shard = run
        .shard
        .as_deref()
        .map(|s| batch::Shard::parse(s, |v| std::env::var(v).ok()))
        .transpose()?;
    let all = batch::collect(&run.paths, &run.files_from, run.follow)?;
    if let Some(out) = &run.output {
        batch::refuse_output_among_inputs(out, &all)?;
    }
    let files: Vec<PathBuf> = match shard {
        Some(shard) => all.into_iter().filter(|f| shard.takes(f)).collect(),
        None => all,
    };
    let key = opts.key();
    let mut sink = open_sink(run, &files, &key)?;
    let done = match &sink {
        Sink::File(f) => f.done(),
        Sink::Stdout(_) => Default::default(),
    };
    let todo: Vec<(usize, &PathBuf)> = files
        .iter()
        .enumerate()
        .filter(|(i, _)| !done.contains(i))
        .collect();
    let threads = run
        .jobs
        .filter(|&j| j > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1);
    // A scan's pages are OCR'd on rayon's pool: the same number of threads as --jobs
    // (a second call, as in tests running several batches, keeps the first pool).
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
    let stop = stop_on_ctrlc();
    let bar = progress_bar(todo.len() as u64, run.quiet);
    let mut tally = Tally::default();
    let written = ordered(&todo, threads, opts, &stop, |(slot, path), r, cpu| {
        let mut line = serde_json::to_vec(r).context("cannot serialise a record")?;
        line.push(b'\n');
        match &mut sink {
            Sink::Stdout(w) => w.write_all(&line).context("cannot write output")?,
            Sink::File(f) => f.write(&line, *slot)?,
        }
        tally.add(r);
        if run.verbose {
            let codes: Vec<&str> = r
                .errors
                .iter()
                .chain(&r.warnings)
                .map(|p| p.code.as_str())
                .collect();
            let status = match r.status {
                Status::Ok => "ok",
                Status::Partial => "partial",
                Status::Error => "error",
            };
            // Above the progress bar when there is one.
            bar.suspend(|| {
                eprintln!(
                    "{}: {status} {cpu:.2} s {}",
                    path.display(),
                    codes.join(" ")
                )
            });
        }
        bar.inc(1);
        bar.set_message(format!("{} errors, {} to review", tally.err, tally.review));
        Ok(())
    });
    // Whatever happened, the records written so far go to disk (for --resume).
    let flushed = match &mut sink {
        Sink::Stdout(w) => w.flush().context("cannot write output"),
        Sink::File(f) => f.flush(),
    };
    let written = written?;
    flushed?;
    let interrupted = written < todo.len();
    let n_done = tally.done;
    let (n_err, n_review) = (tally.err, tally.review);
    bar.finish_and_clear();
    if interrupted {
        let where_ = match &sink {
            Sink::File(f) => format!(
                "; they are in {}: run again with --resume to finish",
                f.partial().display()
            ),
            Sink::Stdout(_) => String::new(),
        };
        eprintln!("protokoll: interrupted after {n_done} records{where_}");
        return Ok(Outcome::Interrupted);
    }
    if let Sink::File(f) = sink {
        f.finish()?;
    }
    if n_err + n_review > 0 && !run.quiet {
        eprintln!(
            "protokoll: {n_done} records; {n_err} errors and {n_review} with warnings need a \
             human look"
        );
    }
    Ok(Outcome::Done)
}

/// Counts for the summary.
#[derive(Default)]
struct Tally {
    done: usize,
    err: usize,
    review: usize,
}

impl Tally {
    fn add(&mut self, r: &Record) {
        self.done += 1;
        match r.status {
            Status::Error => self.err += 1,
            _ if !r.warnings.is_empty() => self.review += 1,
            _ => {}
        }
    }
}

/// How far workers may run ahead of the first record not yet written: bounds the
/// records held in memory while a slow document is in flight.
const WINDOW: usize = 64;

/// Runs `todo` on `threads` workers and hands each record to `emit` in input order, as
/// soon as the records before it are out, so finished work reaches the output at once.
/// After `stop` (Ctrl-C) no new file is started; the files in flight finish and are
/// emitted, so the output is always a prefix of the run. Returns how many were
/// emitted; an error from `emit` stops the run the same way.
fn ordered(
    todo: &[(usize, &PathBuf)],
    threads: usize,
    opts: &pipeline::Options,
    stop: &AtomicBool,
    mut emit: impl FnMut(&(usize, &PathBuf), &Record, f64) -> Result<()>,
) -> Result<usize> {
    use std::sync::atomic::AtomicUsize;
    use std::sync::{mpsc, Condvar, Mutex};
    let next = AtomicUsize::new(0);
    // The number of records emitted, which workers wait on to stay within WINDOW.
    let emitted = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Record, f64)>();
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let tx = tx.clone();
            let (next, emitted) = (&next, &emitted);
            scope.spawn(move || loop {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((_, path)) = todo.get(i) else { break };
                {
                    let (lock, cv) = emitted;
                    let mut n = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *n + WINDOW && !stop.load(Ordering::SeqCst) {
                        // A timeout, so a Ctrl-C (which cannot notify) is seen.
                        let tick = std::time::Duration::from_millis(100);
                        n = cv
                            .wait_timeout(n, tick)
                            .unwrap_or_else(|e| e.into_inner())
                            .0;
                    }
                }
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let (r, cpu) = run_one(path, opts);
                if tx.send((i, r, cpu)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: std::collections::BTreeMap<usize, (Record, f64)> = Default::default();
        let mut count = 0usize;
        let mut failed = None;
        for (i, r, cpu) in rx {
            pending.insert(i, (r, cpu));
            while let Some((r, cpu)) = pending.remove(&count) {
                if failed.is_none() {
                    if let Some(item) = todo.get(count) {
                        if let Err(e) = emit(item, &r, cpu) {
                            failed = Some(e);
                            stop.store(true, Ordering::SeqCst);
                        }
                    }
                }
                if failed.is_none() {
                    count += 1;
                }
                let (lock, cv) = &emitted;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = count;
                cv.notify_all();
                if failed.is_some() {
                    break;
                }
            }
            if failed.is_some() {
                // Wake workers waiting on the window so they see `stop` and end.
                emitted.1.notify_all();
            }
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(count),
        }
    })
}

/// Progress with rate and ETA on a terminal; hidden when stderr is not one.
fn progress_bar(total: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    let style =
        indicatif::ProgressStyle::with_template("{pos}/{len} files  {rate}  ETA {eta}  {msg}");
    if let Ok(style) = style {
        bar.set_style(style.with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.1} files/s", s.per_sec());
            },
        ));
    }
    bar
}

fn extract(file: &Path, raw: bool, layout: bool, ocr: pipeline::OcrMode) -> Result<()> {
    let opts = pipeline::Options {
        repair: !raw,
        limits: protokoll_pdf::Limits::default(),
        ocr,
        ..pipeline::Options::default()
    };
    let display = file.to_string_lossy().into_owned();
    let say = |notes: &[protokoll_model::record::Problem]| {
        for w in notes {
            eprintln!("protokoll: {display}: {}: {}", w.code, w.message);
        }
    };
    let ex = match pipeline::extract(file, &display, &opts) {
        Ok(ex) => ex,
        Err(e) => {
            say(&e.notes);
            bail!("{e}");
        }
    };
    say(&ex.notes);
    let text = if layout {
        pipeline::layout_text(&ex.document)
    } else {
        ex.document.to_text()
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    // The process ends here: freeing a large document word by word costs more than
    // its repair's last pass (issue 14's benchmark), and the OS takes it back at once.
    std::mem::forget(ex);
    Ok(())
}

fn schema() -> Result<()> {
    let schema = schemars::schema_for!(Record);
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(())
}
