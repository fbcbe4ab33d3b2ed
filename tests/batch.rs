//! End-to-end tests of batches (issue 15): output that never loses or doubles a
//! record (an input is never overwritten, resume after a torn line, a kill, another
//! working directory), folder walking, file lists and shards.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;

/// The records of `fixtures/pdf` and `fixtures/text`, as a clean run writes them.
fn clean_run(tmp: &Tmp, name: &str, args: &[&str]) -> Vec<u8> {
    let out = tmp.s(name);
    let mut a = vec!["ingest", "-o", &out];
    a.extend_from_slice(args);
    let (code, _, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    std::fs::read(&out).expect("output")
}

/// `ingest --resume ARGS`, which must succeed.
fn resume_ok(args: &[&str]) {
    let (code, _, err) = run(&[&["ingest", "--resume"][..], args].concat());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let tmp = Tmp::new("refuse");
    let pdf = tmp.path("a.pdf");
    std::fs::copy(
        root().join("fixtures/pdf/protokoll-narvarolistor.pdf"),
        &pdf,
    )
    .expect("copy");
    let before = std::fs::read(&pdf).expect("read");
    // The same file, spelled differently.
    let other = tmp.path("sub/../a.pdf");
    std::fs::create_dir_all(tmp.path("sub")).expect("sub");
    for out in [pdf.clone(), other] {
        let (code, _, err) = run(&[
            "ingest",
            pdf.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert_ne!(code, 0);
        assert!(err.contains("is one of the inputs"), "{err}");
        assert_eq!(
            std::fs::read(&pdf).expect("read"),
            before,
            "the input is intact"
        );
    }
    // A folder input holding the output file (a .txt) is refused too.
    std::fs::write(tmp.path("out.txt"), "1. Öppnande\n").expect("write");
    let (code, _, err) = run(&["ingest", &tmp.s(""), "-o", &tmp.s("out.txt")]);
    assert_ne!(code, 0, "{err}");
}

#[test]
fn resume_drops_a_tail_torn_inside_a_multibyte_character() {
    let tmp = Tmp::new("torn");
    let full = clean_run(&tmp, "full.jsonl", &["fixtures/pdf"]);
    // A run cut (disk full, a kill) inside the second record, between the two bytes
    // of an "ö" or "å".
    let first_end = full.iter().position(|&b| b == b'\n').expect("a line") + 1;
    let cut = first_end
        + full[first_end..]
            .iter()
            .position(|&b| b >= 0xc0)
            .expect("a multi-byte character")
        + 1;
    let out = tmp.path("out.jsonl");
    std::fs::write(&out, &full[..cut]).expect("write");
    resume_ok(&["-o", &tmp.s("out.jsonl"), "fixtures/pdf"]);
    assert_eq!(std::fs::read(&out).expect("read"), full);
}

#[test]
fn resume_knows_files_by_canonical_path_and_by_content() {
    let tmp = Tmp::new("keys");
    let full = clean_run(&tmp, "out.jsonl", &["fixtures/pdf"]);
    let out = tmp.s("out.jsonl");
    // Another working directory and another spelling of the same folder.
    let (code, _, err) = run_in(
        &root().join("fixtures"),
        &["ingest", "--resume", "-o", &out, "./pdf"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(&out).expect("read"),
        full,
        "nothing done twice"
    );
    // The files moved to another folder: known by their content.
    let moved = tmp.path("moved");
    std::fs::create_dir_all(&moved).expect("dir");
    for e in std::fs::read_dir(root().join("fixtures/pdf")).expect("dir") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, moved.join(p.file_name().expect("name"))).expect("copy");
    }
    resume_ok(&["-o", &out, &tmp.s("moved")]);
    assert_eq!(
        std::fs::read(&out).expect("read"),
        full,
        "nothing done twice"
    );
    // Other options make other records: those files are done again, once each.
    resume_ok(&["--no-repair", "-o", &out, "fixtures/pdf"]);
    let recs = records(&std::fs::read_to_string(&out).expect("read"));
    assert_eq!(recs.len(), 6);
    assert!(recs.iter().all(|r| r["options"] == "repair=no ocr=auto"));
}

#[test]
fn resume_counts_records_with_added_fields_and_retries_transient_errors() {
    let tmp = Tmp::new("added");
    let full = String::from_utf8(clean_run(&tmp, "full.jsonl", &["fixtures/pdf"])).expect("utf-8");
    // A later version added a field to every record; one record is a timeout.
    let mut edited: Vec<String> = full
        .lines()
        .map(|l| l.replacen('{', "{\"added_later\":{\"x\":1},", 1))
        .collect();
    let mut timed_out: serde_json::Value = serde_json::from_str(&edited[2]).expect("json");
    timed_out["status"] = "error".into();
    timed_out["errors"] = serde_json::json!([{"code": "timeout", "message": "", "page": null}]);
    timed_out["items"] = serde_json::json!([]);
    edited[2] = timed_out.to_string();
    let edited = edited.join("\n") + "\n";
    let out = tmp.path("out.jsonl");
    std::fs::write(&out, &edited).expect("write");
    resume_ok(&["-o", &tmp.s("out.jsonl"), "fixtures/pdf"]);
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        edited,
        "records with an added field count as done"
    );
    resume_ok(&["--retry-errors", "-o", &tmp.s("out.jsonl"), "fixtures/pdf"]);
    let after = std::fs::read_to_string(&out).expect("read");
    let lines: Vec<&str> = after.lines().collect();
    assert_eq!(lines.len(), 6);
    // The timeout was done again, in its place; the others were kept as they were.
    assert_eq!(lines[2], full.lines().nth(2).expect("third"));
    assert_eq!(lines[0], edited.lines().next().expect("first"));
}

#[cfg(unix)]
#[test]
fn folders_are_walked_without_following_links_unless_asked() {
    use std::os::unix::fs::symlink;
    let tmp = Tmp::new("walk");
    let d = tmp.path("d");
    std::fs::create_dir_all(d.join("sub")).expect("dirs");
    std::fs::copy(
        root().join("fixtures/text/styrgrupp-narvard.txt"),
        d.join("sub/a.txt"),
    )
    .expect("copy");
    std::fs::create_dir_all(tmp.path("elsewhere")).expect("dir");
    std::fs::copy(
        root().join("fixtures/text/kommunstyrelsen-paragrafer.txt"),
        tmp.path("elsewhere/b.txt"),
    )
    .expect("copy");
    // A loop back to the top, a link to another folder, a dangling link.
    symlink(&d, d.join("sub/loop")).expect("link");
    symlink(tmp.path("elsewhere"), d.join("other")).expect("link");
    symlink(tmp.path("nowhere.txt"), d.join("dangling.txt")).expect("link");
    let (code, out, err) = run(&["ingest", &tmp.s("d")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(paths_of(&records(&out)), [tmp.s("d/sub/a.txt")]);
    let (code, out, err) = run(&["ingest", "-L", &tmp.s("d")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        paths_of(&records(&out)),
        [tmp.s("d/other/b.txt"), tmp.s("d/sub/a.txt")],
        "each file once"
    );
    assert!(err.contains("already walked"), "{err}");
    assert!(err.contains("dangling.txt"), "{err}");
}

#[test]
fn files_from_reads_a_list_or_stdin() {
    let tmp = Tmp::new("list");
    let list = tmp.path("list.txt");
    std::fs::write(
        &list,
        "fixtures/text/styrgrupp-narvard.txt\r\n\nfixtures/pdf\n",
    )
    .expect("write");
    let (code, out, err) = run(&["ingest", "--files-from", &tmp.s("list.txt")]);
    assert_eq!(code, 0, "{err}");
    let paths = paths_of(&records(&out));
    assert_eq!(paths.len(), 7, "{paths:?}");
    assert!(paths.contains(&"fixtures/text/styrgrupp-narvard.txt".to_string()));
    let mut child = bin()
        .args(["ingest", "--files-from", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"fixtures/text/styrgrupp-narvard.txt\n")
            .expect("write");
    }
    let (code, out, _) = done(child.wait_with_output().expect("wait"));
    assert_eq!(code, 0);
    assert_eq!(
        paths_of(&records(&out)),
        ["fixtures/text/styrgrupp-narvard.txt"]
    );
}

#[test]
fn shards_split_a_run_without_loss_or_double() {
    let inputs = [
        "fixtures/pdf",
        "fixtures/text",
        "fixtures/hostile",
        "fixtures/seeds",
    ];
    let mut args = vec!["ingest"];
    args.extend(inputs);
    let (code, whole, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let whole: BTreeSet<String> = whole.lines().map(str::to_string).collect();
    for n in 1..=4 {
        let mut union = BTreeSet::new();
        let mut count = 0;
        for k in 0..n {
            let shard = format!("{k}/{n}");
            let mut a = vec!["ingest", "--shard", &shard];
            a.extend(inputs);
            let (code, out, err) = run(&a);
            assert_eq!(code, 0, "{err}");
            for l in out.lines() {
                count += 1;
                union.insert(l.to_string());
            }
        }
        assert_eq!(count, whole.len(), "N={n}: no file twice");
        assert_eq!(union, whole, "N={n}: the shards make the whole");
    }
    // K from a Kubernetes Indexed Job.
    let out = bin()
        .env("JOB_COMPLETION_INDEX", "1")
        .args(["ingest", "--shard", "/2"])
        .args(inputs)
        .output()
        .expect("run");
    let (_, from_env, _) = done(out);
    let mut a = vec!["ingest", "--shard", "1/2"];
    a.extend(inputs);
    assert_eq!(from_env, run(&a).1);
}

/// A small deterministic generator (xorshift), so the kill moments are the same on
/// every run of the test.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[cfg(unix)]
#[test]
fn interrupted_and_killed_ten_times_then_resumed_gives_the_clean_runs_records() {
    let tmp = Tmp::new("kill");
    // Six copies of the fixtures (copies have equal bytes under other names, which
    // resume must still tell apart).
    for copy in 0..6 {
        for dir in ["pdf", "text", "hostile", "seeds"] {
            let to = tmp.path(&format!("in/{copy}/{dir}"));
            std::fs::create_dir_all(&to).expect("dir");
            for e in std::fs::read_dir(root().join("fixtures").join(dir)).expect("fixtures") {
                let p = e.expect("entry").path();
                std::fs::copy(&p, to.join(p.file_name().expect("name"))).expect("copy");
            }
        }
    }
    let input = tmp.s("in");
    // A generous budget: the comparison is about the output file, not about limits.
    let args = ["--jobs", "2", "--timeout", "1000", input.as_str()];
    let started = std::time::Instant::now();
    let clean = clean_run(&tmp, "clean.jsonl", &args);
    // Kill moments are drawn over the clean run's duration (not asserted on).
    let span = started.elapsed().as_millis().max(50) as u64;
    let out = tmp.s("out.jsonl");
    // Ctrl-C (SIGINT) first: the records in flight are finished, every line is whole.
    let child = bin()
        .args(["ingest", "-o", &out])
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(span / 3));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait_with_output().expect("wait").status;
    let partial = format!("{out}.partial");
    if status.code() == Some(130) {
        let bytes = std::fs::read(&partial).expect("a resumable file");
        assert!(
            bytes.is_empty() || bytes.ends_with(b"\n"),
            "whole lines only"
        );
        records(&String::from_utf8(bytes).expect("utf-8"));
    } else {
        // The run was over before the signal came.
        assert_eq!(status.code(), Some(0));
    }
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..10 {
        let mut child = bin()
            .args(["ingest", "--resume", "-o", &out])
            .args(args)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(rng.below(span)));
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
    }
    resume_ok(&[&["-o", &out][..], &args[..]].concat());
    let got = std::fs::read(&out).expect("output");
    let text = String::from_utf8(got.clone()).expect("utf-8");
    let recs = records(&text);
    let paths = paths_of(&recs);
    let unique: BTreeSet<&String> = paths.iter().collect();
    assert_eq!(unique.len(), paths.len(), "each file once");
    assert_eq!(got, clean, "the same records, byte for byte");
    assert!(!Path::new(&format!("{out}.partial")).exists());
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_that_cuts_the_output_mid_record_is_resumed() {
    // `ulimit -f` stops writes at a byte count, as a full disk does: the output ends
    // inside a record, maybe inside a character; the process then dies (SIGXFSZ).
    let tmp = Tmp::new("fsize");
    let args = [
        "--jobs",
        "2",
        "--timeout",
        "1000",
        "fixtures/pdf",
        "fixtures/seeds",
    ];
    let clean = clean_run(&tmp, "clean.jsonl", &args);
    let out = tmp.s("out.jsonl");
    let bin_path = env!("CARGO_BIN_EXE_protokoll");
    // Limits in blocks of 512 bytes; each run resumes the one before.
    for blocks in [7, 23, 61] {
        let script = format!("ulimit -f {blocks}; exec \"$0\" \"$@\"");
        let status = std::process::Command::new("sh")
            .current_dir(root())
            .args(["-c", &script, bin_path, "ingest", "--resume", "-o", &out])
            .args(args)
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run under a size limit");
        assert!(
            !status.success(),
            "{blocks} blocks: the limit must cut the run"
        );
    }
    resume_ok(&[&["-o", &out][..], &args[..]].concat());
    assert_eq!(std::fs::read(&out).expect("output"), clean);
}
