//! End-to-end test of the review report: `ingest … --report` over fixtures with error
//! records and flagged repairs on a scan page, the page opened in headless Chromium,
//! and what it renders checked against the records (totals, every error and
//! suggestion listed, a flagged word beside its page image, names escaped).
//! Without Chromium the test says why it is skipped and passes.

mod common;

use common::{records, run, Tmp};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Reads the rendered page after load: the text a person sees (`innerText`), and for
/// each flagged repair the boxes of its marked word and of its image. It only reads
/// the layout; the report itself has no script. `scripts/check-report` injects the
/// same file.
const PROBE: &str = include_str!("report-probe.html");

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The probe's JSON from the page Chromium rendered.
fn rendered(browser: &str, html: &Path, tmp: &Tmp) -> Value {
    let page = std::fs::read_to_string(html).expect("report written");
    let probed = page.replacen("</body>", &format!("{PROBE}</body>"), 1);
    let file = tmp.path("probe.html");
    std::fs::write(&file, probed).expect("write probe page");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1200,900",
            "--virtual-time-budget=10000",
            &format!("--user-data-dir={}", tmp.s("chrome")),
            "--dump-dom",
            &format!("file://{}", file.display()),
        ])
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + 16;
    let end = start + dom[start..].find("</pre>").expect("probe end");
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    serde_json::from_str(&json).expect("probe JSON")
}

/// The totals table as the page shows it: label → value.
fn shown_totals(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The totals the records give, under the labels the page uses.
fn expected_totals(recs: &[Value]) -> BTreeMap<String, String> {
    let count = |f: &dyn Fn(&Value) -> usize| recs.iter().map(f).sum::<usize>().to_string();
    let len = |v: &Value| v.as_array().map_or(0, Vec::len);
    let status = |s: &'static str| move |r: &Value| usize::from(r["status"] == s);
    let mut t = BTreeMap::new();
    t.insert("Files".into(), recs.len().to_string());
    t.insert(
        "Pages".into(),
        count(&|r| r["source"]["pages"].as_u64().unwrap_or(0) as usize),
    );
    t.insert("Status ok".into(), count(&status("ok")));
    t.insert("Status partial".into(), count(&status("partial")));
    t.insert("Status error".into(), count(&status("error")));
    t.insert("Corrections".into(), count(&|r| len(&r["corrections"])));
    t.insert("Suggestions".into(), count(&|r| len(&r["suggestions"])));
    for r in recs.iter().filter(|r| r["status"] == "error") {
        let code = r["errors"][0]["code"].as_str().unwrap_or("?");
        let e: &mut String = t.entry(format!("Errors: {code}")).or_insert("0".into());
        *e = (e.parse::<usize>().unwrap_or(0) + 1).to_string();
    }
    for layer in ["native", "ocr_layer", "ocr_engine", "mixed", "none"] {
        let n = count(&|r| usize::from(r["source"]["text_layer"] == layer));
        t.insert(format!("Text layer {layer}"), n);
    }
    t
}

#[test]
fn report_shows_totals_errors_and_flagged_words_beside_their_image() {
    let tmp = Tmp::new("report");
    // A file name with markup in it: the page must show it as text.
    let odd = tmp.path(r#"<b>odd & "name" 'x'.pdf"#);
    std::fs::copy(common::root().join("fixtures/hostile/avklippt.pdf"), &odd)
        .expect("copy fixture");
    let (jsonl, html) = (tmp.s("records.jsonl"), tmp.s("report.html"));
    let args = [
        "ingest",
        "--ocr",
        "never",
        "fixtures/scan/protokoll-skannad-lager.pdf",
        "fixtures/hostile",
        "fixtures/pdf/protokoll-narvarolistor.pdf",
        &odd.to_string_lossy(),
        "-o",
        &jsonl,
        "--report",
        &html,
    ];
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let recs = records(&std::fs::read_to_string(&jsonl).expect("records"));
    let suggestions: Vec<&Value> = recs
        .iter()
        .flat_map(|r| r["suggestions"].as_array().into_iter().flatten())
        .collect();
    assert!(
        !suggestions.is_empty(),
        "the layered scan gives suggestions"
    );
    assert!(recs.iter().any(|r| r["status"] == "error"));

    same_page_but_wall_time(&jsonl, &html, &tmp);

    let Some(browser) = chromium() else {
        eprintln!("skipped: Chromium is not installed here (apt-get install chromium)");
        return;
    };
    let probe = rendered(browser, Path::new(&html), &tmp);
    let text = probe["text"].as_str().expect("page text");

    let shown = shown_totals(text);
    for (label, want) in expected_totals(&recs) {
        if want == "0" && label.starts_with("Errors: ") {
            continue;
        }
        assert_eq!(
            shown.get(&label),
            Some(&want),
            "total {label:?} in:\n{text}"
        );
    }
    for r in recs.iter().filter(|r| r["status"] == "error") {
        let path = r["source"]["path"].as_str().unwrap_or("");
        assert!(text.contains(path), "error record {path} not listed");
    }
    assert!(
        text.contains(r#"<b>odd & "name" 'x'.pdf"#),
        "name not shown as text"
    );
    assert!(text.contains("What to do: Broken file"));
    for s in &suggestions {
        let line = format!(
            "suggestion (not applied): {} → {}",
            s["original"].as_str().unwrap_or(""),
            s["corrected"].as_str().unwrap_or("")
        );
        let listed = text.matches(&line).count();
        let given = suggestions
            .iter()
            .filter(|t| t["original"] == s["original"])
            .count();
        assert_eq!(listed, given, "{line}");
    }

    flagged_words_beside_their_image(&probe, &suggestions);
}

/// Each flagged word with an image sits in its row with the image beside it, drawn;
/// the first suggestion is among them.
fn flagged_words_beside_their_image(probe: &Value, suggestions: &[&Value]) {
    let flags = probe["flags"].as_array().expect("flags");
    assert!(!flags.is_empty(), "no flagged word has an image");
    let coord = |v: &Value, i: usize| v.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
    for f in flags {
        let (m, i) = (&f["mark"], &f["img"]);
        assert_eq!(f["loaded"], true, "{f}");
        assert!(coord(i, 2) - coord(i, 0) > 50.0, "image too small: {f}");
        assert!(
            coord(i, 0) >= coord(m, 2),
            "image not right of the word: {f}"
        );
        // Same row: the word's line lies within the image's height.
        assert!(
            coord(m, 1) < coord(i, 3) && coord(m, 3) > coord(i, 1),
            "{f}"
        );
    }
    let words: Vec<&str> = flags.iter().filter_map(|f| f["word"].as_str()).collect();
    let first = suggestions[0]["original"].as_str().unwrap_or("");
    assert!(
        words.contains(&first),
        "{first} not beside an image: {words:?}"
    );
}

/// `report` over the same records gives the same page but for the wall time, which it
/// says was not recorded.
fn same_page_but_wall_time(jsonl: &str, html: &str, tmp: &Tmp) {
    let again = tmp.s("again.html");
    let (code, _, err) = run(&["report", jsonl, "-o", &again]);
    assert_eq!(code, 0, "{err}");
    let no_wall = |p: &str| {
        let t = std::fs::read_to_string(p).expect("report");
        t.lines()
            .filter(|l| !l.contains("<th>Wall time</th>"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(no_wall(html), no_wall(&again));
    assert!(std::fs::read_to_string(&again)
        .expect("report")
        .contains("<tr><th>Wall time</th><td>not recorded</td></tr>"));
}
