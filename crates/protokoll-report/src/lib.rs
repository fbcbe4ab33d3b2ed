//! The review report: records in, one self-contained HTML page out.
//!
//! The page holds the run's totals, then the documents that need a human look, worst
//! first ([`review::order`]): error records with what to do, repairs not applied
//! (suggestions) and low-confidence corrections in their context with the page image
//! region beside them, documents without items or a date, votes and attendance that do
//! not add up. Each links to its source file and page.
//!
//! The report is a consumer of records, like a viewer: it reads a source PDF again only
//! for the page images (and the page's words) of flagged repairs, within caps on the
//! images per document and per report. No server, no network, no script: everything
//! (styles, images as `data:` URIs) is in the one file, and the same records give the
//! same bytes (but for the wall-time line).

pub mod html;
pub mod image;
mod page;
pub mod review;
pub mod totals;

use protokoll_model::record::Record;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use totals::Totals;

/// How a report is made.
#[derive(Debug, Clone)]
pub struct Options {
    /// The working directory: a relative source path is looked for under it first.
    pub cwd: PathBuf,
    /// The records file's folder: a relative source path is looked for under it next.
    pub records_dir: Option<PathBuf>,
    /// The run's wall time, when the report is made by the run ("not recorded" else).
    pub wall_time: Option<Duration>,
    /// Most page images embedded for one document.
    pub max_images_per_document: usize,
    /// Most page images embedded in the report.
    pub max_images: usize,
    /// Limits for reading a source PDF again.
    pub limits: protokoll_pdf::Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cwd: PathBuf::from("/"),
            records_dir: None,
            wall_time: None,
            max_images_per_document: 20,
            max_images: 200,
            limits: protokoll_pdf::Limits::default(),
        }
    }
}

impl Options {
    /// Where the file a record names is: the path as recorded if absolute, else under
    /// the working directory or the records file's folder, whichever has it (the
    /// working directory when neither does).
    pub fn resolve(&self, recorded: &str) -> PathBuf {
        let p = Path::new(recorded);
        if p.is_absolute() {
            return html::normalize(p);
        }
        let under_cwd = html::normalize(&self.cwd.join(p));
        if under_cwd.exists() {
            return under_cwd;
        }
        match &self.records_dir {
            Some(dir) => {
                let under = html::normalize(&dir.join(p));
                if under.exists() {
                    under
                } else {
                    under_cwd
                }
            }
            None => under_cwd,
        }
    }
}

/// Why records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The records file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The records file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not a record.
    #[error("{path} line {line}: not a record: {source}")]
    NotARecord {
        /// The records file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

/// The records of a JSON Lines file (blank lines skipped).
pub fn read_records(path: &Path) -> Result<Vec<Record>, ReportError> {
    let shown = path.display().to_string();
    let read_err = |source| ReportError::Read {
        path: shown.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let r = serde_json::from_str(&line).map_err(|source| ReportError::NotARecord {
            path: shown.clone(),
            line: i + 1,
            source,
        })?;
        out.push(r);
    }
    Ok(out)
}

/// The report of `records` as one HTML page.
pub fn render(records: &[Record], opts: &Options) -> String {
    page::render(records, opts)
}
