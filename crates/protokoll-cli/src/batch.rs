//! The batch around the pipeline: which files a run covers (folders walked, lists,
//! shards) and where its records go.
//!
//! Output to a file never loses or doubles a record:
//! - records go to `FILE.partial`, which is renamed over `FILE` once every record is
//!   in it (so `FILE` is always a complete run's output, and an input is never
//!   overwritten: an output that is an input is refused);
//! - a kill leaves `FILE.partial` with whole lines and at most one torn last line;
//!   `--resume` cuts that line off as bytes (it may end inside a UTF-8 character),
//!   keeps the records of files that are done and appends the rest;
//! - a file is done when a record matches it by path (as written, or canonical) or by
//!   content (sha256 and size), made with the same options (`Record::options`).

use anyhow::{bail, Context, Result};
use protokoll_model::record::ProblemCode;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// Whether a walked file is one protokoll reads.
fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
}

/// A path's identity: canonical where it exists; else its folder's canonical path
/// with its name (an output not written yet); else absolute as written.
pub fn identity(path: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c;
    }
    let in_folder = path.file_name().and_then(|name| {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        std::fs::canonicalize(parent.unwrap_or(Path::new(".")))
            .ok()
            .map(|d| d.join(name))
    });
    in_folder
        .or_else(|| std::path::absolute(path).ok())
        .unwrap_or_else(|| path.to_path_buf())
}

/// The files given as PATHs and in `--files-from` lists, folders walked, sorted and
/// each once. Problems on the way (unreadable folders, symlink loops) are warnings
/// on stderr; the run goes on.
pub fn collect(paths: &[PathBuf], lists: &[PathBuf], follow: bool) -> Result<Vec<PathBuf>> {
    let mut given: Vec<PathBuf> = paths.to_vec();
    for list in lists {
        given.extend(read_list(list)?);
    }
    let mut walker = Walker {
        follow,
        seen_dirs: HashSet::new(),
        seen_files: HashSet::new(),
        out: Vec::new(),
    };
    for p in &given {
        if p.is_dir() {
            walker.seen_dirs.insert(identity(p));
            walker.walk(p);
        } else {
            // A missing file is reported as an error record, so a typo in one path
            // does not stop a batch.
            walker.out.push(p.clone());
        }
    }
    let mut files = walker.out;
    files.sort();
    files.dedup();
    Ok(files)
}

/// The paths of a `--files-from` list, one a line (`-` reads stdin); blank lines are
/// skipped.
fn read_list(list: &Path) -> Result<Vec<PathBuf>> {
    let mut text = Vec::new();
    if list == Path::new("-") {
        std::io::stdin()
            .lock()
            .read_to_end(&mut text)
            .context("cannot read the file list from stdin")?;
    } else {
        File::open(list)
            .and_then(|mut f| f.read_to_end(&mut text))
            .with_context(|| format!("cannot read the file list {}", list.display()))?;
    }
    Ok(text
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .map(path_of_bytes)
        .collect())
}

#[cfg(unix)]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

struct Walker {
    follow: bool,
    /// Folders entered, by identity: a link back to one is a loop.
    seen_dirs: HashSet<PathBuf>,
    /// Files found through links, by identity: each once.
    seen_files: HashSet<PathBuf>,
    out: Vec<PathBuf>,
}

impl Walker {
    /// Walks `dir` in sorted order (so which of two links to one file is kept does not
    /// depend on the file system's order). Symbolic links are skipped unless `follow`.
    fn walk(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                eprintln!("protokoll: warning: skipping {}: {e}", dir.display());
                return;
            }
        };
        let mut entries: Vec<std::fs::DirEntry> = entries
            .filter_map(|e| {
                e.map_err(|e| eprintln!("protokoll: warning: in {}: {e}", dir.display()))
                    .ok()
            })
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                eprintln!("protokoll: warning: skipping {}", path.display());
                continue;
            };
            if kind.is_symlink() {
                if !self.follow {
                    continue;
                }
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => self.enter(&path),
                    Ok(m) if m.is_file() && wanted(&path) => {
                        if self.seen_files.insert(identity(&path)) {
                            self.out.push(path);
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("protokoll: warning: skipping link {}: {e}", path.display())
                    }
                }
            } else if kind.is_dir() {
                self.enter(&path);
            } else if kind.is_file() && wanted(&path) {
                if self.follow && !self.seen_files.insert(identity(&path)) {
                    continue;
                }
                self.out.push(path);
            }
        }
    }

    fn enter(&mut self, dir: &Path) {
        if self.seen_dirs.insert(identity(dir)) {
            self.walk(dir);
        } else if self.follow {
            eprintln!(
                "protokoll: warning: {} leads to a folder already walked (a link loop?); skipped",
                dir.display()
            );
        }
    }
}

/// `--shard K/N`: this run takes the files whose path hashes to K modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based index.
    pub k: u64,
    /// Number of shards.
    pub n: u64,
}

impl Shard {
    /// Parses `K/N` (K from 0) or `/N`, where K comes from `JOB_COMPLETION_INDEX`
    /// (a Kubernetes Indexed Job) or `SLURM_ARRAY_TASK_ID` (less
    /// `SLURM_ARRAY_TASK_MIN`, so arrays may start at 1).
    pub fn parse(s: &str, env: impl Fn(&str) -> Option<String>) -> Result<Shard> {
        let Some((k, n)) = s.split_once('/') else {
            bail!("--shard takes K/N (e.g. 0/4), or /N with K from the environment");
        };
        let n: u64 = n
            .trim()
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .with_context(|| format!("--shard {s}: N must be a positive number"))?;
        let k: u64 = if k.trim().is_empty() {
            let num = |v: &str| env(v).and_then(|x| x.trim().parse::<u64>().ok());
            if let Some(k) = num("JOB_COMPLETION_INDEX") {
                k
            } else if let Some(id) = num("SLURM_ARRAY_TASK_ID") {
                id.saturating_sub(num("SLURM_ARRAY_TASK_MIN").unwrap_or(0))
            } else {
                bail!("--shard {s}: no K given and neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set");
            }
        } else {
            k.trim()
                .parse()
                .with_context(|| format!("--shard {s}: K must be a number"))?
        };
        if k >= n {
            bail!("--shard {s}: K must be below N (shards are numbered from 0)");
        }
        Ok(Shard { k, n })
    }

    /// Whether this shard takes `path` (by the path as given, so every shard must be
    /// given the same paths).
    pub fn takes(&self, path: &Path) -> bool {
        let digest = Sha256::digest(path.to_string_lossy().as_bytes());
        let mut head = [0u8; 8];
        head.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
        u64::from_be_bytes(head) % self.n == self.k
    }
}

/// Refuses an output file that is one of the inputs (compared by canonical path).
pub fn refuse_output_among_inputs(output: &Path, files: &[PathBuf]) -> Result<()> {
    let targets = [identity(output), identity(&partial_path(output))];
    for f in files {
        if targets.contains(&identity(f)) {
            bail!(
                "the output {} is one of the inputs ({}); refusing to overwrite it: choose \
                 another -o",
                output.display(),
                f.display()
            );
        }
    }
    Ok(())
}

/// Where a run writes before its output is complete.
pub fn partial_path(output: &Path) -> PathBuf {
    let mut name = output.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    output.with_file_name(name)
}

/// What resume reads of a record: only what it needs, so records with added fields
/// (or from a later version) still count.
#[derive(Deserialize)]
struct Seen {
    source: SeenSource,
    #[serde(default)]
    errors: Vec<SeenProblem>,
    #[serde(default)]
    warnings: Vec<SeenProblem>,
    #[serde(default)]
    options: Option<String>,
}

#[derive(Deserialize)]
struct SeenSource {
    path: String,
    #[serde(default)]
    sha256: String,
    #[serde(default)]
    bytes: u64,
}

// A string, not `ProblemCode`: a record from a later version may hold a code this
// build does not know, and resume must still read it.
#[derive(Deserialize)]
struct SeenProblem {
    code: String,
}

/// Error codes that may go away on a second try (`--retry-errors`).
const TRANSIENT: [ProblemCode; 4] = [
    ProblemCode::Timeout,
    ProblemCode::Io,
    ProblemCode::Internal,
    ProblemCode::OcrUnavailable,
];

impl SeenProblem {
    fn is(&self, code: ProblemCode) -> bool {
        self.code == code.as_str()
    }
}

impl Seen {
    fn transient(&self) -> bool {
        self.errors
            .iter()
            .any(|e| TRANSIENT.iter().any(|&c| e.is(c)))
            || self.warnings.iter().any(|w| w.is(ProblemCode::Timeout))
    }
}

/// Cuts `bytes` after its last newline: a kill (or a full disk) may leave part of a
/// line, possibly inside a multi-byte character.
pub fn whole_lines(bytes: &[u8]) -> &[u8] {
    let keep = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    bytes.get(..keep).unwrap_or(&[])
}

/// The records of an earlier run to keep, and which input each is.
pub struct Resumed {
    /// Whole lines (with their newline) to keep, each with its input's index when it
    /// is one of this run's files.
    pub lines: Vec<(Vec<u8>, Option<usize>)>,
    /// Records dropped: transient errors to retry, other options, lines that are not
    /// records, a second record of one file.
    pub dropped: usize,
}

/// Reads the records of an earlier run (`FILE.partial` of an interrupted run, else
/// `FILE`) and matches them to `files`.
pub fn resume_from(
    output: &Path,
    files: &[PathBuf],
    options: &str,
    retry_errors: bool,
) -> Result<Resumed> {
    let partial = partial_path(output);
    let source = if partial.exists() {
        partial
    } else if output.exists() {
        output.to_path_buf()
    } else {
        return Ok(Resumed {
            lines: Vec::new(),
            dropped: 0,
        });
    };
    let bytes =
        std::fs::read(&source).with_context(|| format!("cannot read {}", source.display()))?;
    Ok(match_records(
        whole_lines(&bytes),
        files,
        options,
        retry_errors,
    ))
}

fn match_records(bytes: &[u8], files: &[PathBuf], options: &str, retry: bool) -> Resumed {
    let by_text: HashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.to_string_lossy().into_owned(), i))
        .collect();
    let by_identity: HashMap<PathBuf, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (identity(f), i))
        .collect();
    let mut claimed = vec![false; files.len()];
    let mut lines: Vec<(Vec<u8>, Option<usize>)> = Vec::new();
    // Kept records not matched by path, by (sha256, bytes): matched by content below.
    let mut by_content: HashMap<(String, u64), Vec<(usize, String)>> = HashMap::new();
    let mut dropped = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let Ok(seen) = serde_json::from_slice::<Seen>(line) else {
            dropped += 1;
            continue;
        };
        let same_options = seen.options.as_deref().is_none_or(|o| o == options);
        if !same_options || (retry && seen.transient()) {
            dropped += 1;
            continue;
        }
        let path = &seen.source.path;
        let slot = by_text
            .get(path)
            .or_else(|| by_identity.get(&identity(Path::new(path))))
            .copied();
        if let Some(i) = slot {
            if claimed.get(i).copied().unwrap_or(true) {
                dropped += 1;
                continue;
            }
            if let Some(c) = claimed.get_mut(i) {
                *c = true;
            }
        } else if !seen.source.sha256.is_empty() {
            let name = file_name(path);
            by_content
                .entry((seen.source.sha256.clone(), seen.source.bytes))
                .or_default()
                .push((lines.len(), name));
        }
        lines.push((line.to_vec(), slot));
    }
    if !by_content.is_empty() {
        let sizes: HashSet<u64> = by_content.keys().map(|(_, b)| *b).collect();
        for (i, f) in files.iter().enumerate() {
            if claimed.get(i).copied().unwrap_or(true) {
                continue;
            }
            // Only files of a size some record has are read and hashed.
            let Ok(meta) = std::fs::metadata(f) else {
                continue;
            };
            if !sizes.contains(&meta.len()) {
                continue;
            }
            let Ok(sha) = sha256_of(f) else { continue };
            let Some(cands) = by_content.get_mut(&(sha, meta.len())) else {
                continue;
            };
            // Two inputs with the same bytes: the record of the same file name first.
            let name = file_name(&f.to_string_lossy());
            let pick = cands.iter().position(|(_, n)| *n == name).unwrap_or(0);
            if pick < cands.len() {
                let (line_idx, _) = cands.remove(pick);
                if let Some(l) = lines.get_mut(line_idx) {
                    l.1 = Some(i);
                }
                if let Some(c) = claimed.get_mut(i) {
                    *c = true;
                }
            }
        }
    }
    Resumed { lines, dropped }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut f = std::io::BufReader::new(File::open(path)?);
    let mut h = Sha256::new();
    loop {
        let buf = f.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        h.update(buf);
        let n = buf.len();
        f.consume(n);
    }
    Ok(format!("{:x}", h.finalize()))
}

/// The records file of a run with `-o FILE`, written as `FILE.partial` and renamed.
pub struct OutFile {
    output: PathBuf,
    partial: PathBuf,
    sink: BufWriter<File>,
    /// For each line written, its input's index (None: a record of another run's file).
    slots: Vec<Option<usize>>,
}

impl OutFile {
    /// Starts `FILE.partial` with `kept` (the earlier run's records that stay).
    pub fn start(output: &Path, kept: Vec<(Vec<u8>, Option<usize>)>) -> Result<OutFile> {
        let partial = partial_path(output);
        let tmp = partial.with_extension("partial.tmp");
        let cannot = || format!("cannot write {}", output.display());
        let mut slots = Vec::with_capacity(kept.len());
        {
            let mut w = BufWriter::new(File::create(&tmp).with_context(cannot)?);
            for (line, slot) in kept {
                w.write_all(&line).with_context(cannot)?;
                slots.push(slot);
            }
            w.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| f.sync_all())
                .with_context(cannot)?;
        }
        std::fs::rename(&tmp, &partial).with_context(cannot)?;
        let f = std::fs::OpenOptions::new()
            .append(true)
            .open(&partial)
            .with_context(cannot)?;
        Ok(OutFile {
            output: output.to_path_buf(),
            partial,
            sink: BufWriter::new(f),
            slots,
        })
    }

    /// The input indices the file already holds records of.
    pub fn done(&self) -> HashSet<usize> {
        self.slots.iter().flatten().copied().collect()
    }

    /// Appends one whole line.
    pub fn write(&mut self, line: &[u8], slot: usize) -> Result<()> {
        self.sink
            .write_all(line)
            .with_context(|| format!("cannot write {}", self.partial.display()))?;
        self.slots.push(Some(slot));
        Ok(())
    }

    /// Puts the lines written so far on disk.
    pub fn flush(&mut self) -> Result<()> {
        self.sink
            .flush()
            .with_context(|| format!("cannot write {}", self.partial.display()))
    }

    /// Where an interrupted run's records are.
    pub fn partial(&self) -> &Path {
        &self.partial
    }

    /// Every record is in: records in input order (as a run without interruptions
    /// writes them), synced, renamed over FILE.
    pub fn finish(mut self) -> Result<()> {
        let cannot = format!("cannot write {}", self.output.display());
        self.flush()?;
        let f = self
            .sink
            .into_inner()
            .map_err(|e| e.into_error())
            .context(cannot.clone())?;
        f.sync_all().context(cannot.clone())?;
        drop(f);
        let known: Vec<usize> = self.slots.iter().flatten().copied().collect();
        if known.windows(2).any(|w| w.first() > w.get(1)) {
            reorder(&self.partial, &self.slots).context(cannot.clone())?;
        }
        std::fs::rename(&self.partial, &self.output).context(cannot.clone())?;
        // The rename itself is on disk once the folder is synced.
        if let Some(dir) = self.output.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }
}

/// Rewrites `path` so the records of this run's inputs are in input order; records of
/// other files keep their places.
fn reorder(path: &Path, slots: &[Option<usize>]) -> std::io::Result<()> {
    let bytes = std::fs::read(path)?;
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let mut known: Vec<(usize, &[u8])> = slots
        .iter()
        .zip(&lines)
        .filter_map(|(s, l)| s.map(|i| (i, *l)))
        .collect();
    known.sort_by_key(|(i, _)| *i);
    let mut known = known.into_iter();
    let tmp = path.with_extension("partial.tmp");
    let mut w = BufWriter::new(File::create(&tmp)?);
    for (slot, line) in slots.iter().zip(&lines) {
        match slot {
            Some(_) => {
                if let Some((_, l)) = known.next() {
                    w.write_all(l)?;
                }
            }
            None => w.write_all(line)?,
        }
    }
    w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn torn_tail_is_cut_as_bytes() {
        // "å" is two bytes; the cut falls between them.
        let bytes = b"{\"a\":1}\n{\"b\":\"\xc3";
        assert_eq!(whole_lines(bytes), b"{\"a\":1}\n");
        assert_eq!(whole_lines(b"no newline"), b"");
    }

    #[test]
    fn a_folder_that_cannot_be_read_is_skipped() {
        // Root reads any folder whatever its mode, so the failure here is a folder
        // that is not one (read_dir fails the same way): a warning, and the walk goes
        // on with nothing from it.
        let mut w = Walker {
            follow: false,
            seen_dirs: HashSet::new(),
            seen_files: HashSet::new(),
            out: Vec::new(),
        };
        w.walk(Path::new("/nonexistent-protokoll-folder"));
        w.walk(Path::new("Cargo.toml"));
        assert!(w.out.is_empty());
    }

    #[test]
    fn shard_parses_k_and_n_and_takes_k_from_the_environment() {
        let none = |_: &str| None;
        assert_eq!(Shard::parse("1/4", none).ok(), Some(Shard { k: 1, n: 4 }));
        assert!(Shard::parse("4/4", none).is_err());
        assert!(Shard::parse("0/0", none).is_err());
        assert!(Shard::parse("/4", none).is_err());
        let k8s = |v: &str| (v == "JOB_COMPLETION_INDEX").then(|| "2".to_string());
        assert_eq!(Shard::parse("/4", k8s).ok(), Some(Shard { k: 2, n: 4 }));
        let slurm = |v: &str| match v {
            "SLURM_ARRAY_TASK_ID" => Some("4".to_string()),
            "SLURM_ARRAY_TASK_MIN" => Some("1".to_string()),
            _ => None,
        };
        assert_eq!(Shard::parse("/4", slurm).ok(), Some(Shard { k: 3, n: 4 }));
    }

    #[test]
    fn each_path_is_in_exactly_one_shard() {
        for n in 1..=4 {
            for i in 0..50 {
                let p = PathBuf::from(format!("in/{i}.pdf"));
                let takers = (0..n).filter(|&k| Shard { k, n }.takes(&p)).count();
                assert_eq!(takers, 1);
            }
        }
    }

    #[test]
    fn records_with_added_fields_count_and_transient_errors_are_retried() {
        let files = vec![PathBuf::from("a.pdf"), PathBuf::from("b.pdf")];
        let a = br#"{"source":{"path":"a.pdf","sha256":"x"},"status":"ok","new_field":1,"options":"o"}"#;
        let b = br#"{"source":{"path":"b.pdf","sha256":"y"},"status":"error","errors":[{"code":"timeout"}],"options":"o"}"#;
        let text = [&a[..], b"\n", &b[..], b"\n"].concat();
        let r = match_records(&text, &files, "o", false);
        assert_eq!(r.lines.len(), 2);
        assert_eq!(r.lines[0].1, Some(0));
        let r = match_records(&text, &files, "o", true);
        assert_eq!((r.lines.len(), r.dropped), (1, 1));
        // Made with other options: done again.
        let r = match_records(&text, &files, "other", false);
        assert_eq!((r.lines.len(), r.dropped), (0, 2));
        // A second record of one file is dropped.
        let twice = [&a[..], b"\n", &a[..], b"\n"].concat();
        assert_eq!(match_records(&twice, &files, "o", false).dropped, 1);
    }
}
