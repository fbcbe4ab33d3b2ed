//! Builds the lexicon FSTs from `word<TAB>score` lines (see scripts/build-lexicon.py).
//! Usage: build_lexicon WORDS.tsv NAMES.txt HEADS.txt VERBS.txt OUT_DIR

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(tsv), Some(names), Some(heads), Some(verbs), Some(out)) = (
        args.next(),
        args.next(),
        args.next(),
        args.next(),
        args.next(),
    ) else {
        return Err("usage: build_lexicon WORDS.tsv NAMES.txt HEADS.txt VERBS.txt OUT_DIR".into());
    };
    // Names with how common each is as a person's name ("name<TAB>share").
    let mut shares: Vec<(String, u64)> = Vec::new();
    for line in std::fs::read_to_string(&names)?.lines() {
        let (n, s) = line.split_once('\t').ok_or("bad name line")?;
        shares.push((n.to_string(), s.parse()?));
    }
    shares.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    shares.dedup_by(|a, b| a.0 == b.0);
    let names_map = fst::Map::from_iter(shares.iter().map(|(n, s)| (n.as_bytes(), *s)))?;
    std::fs::File::create(format!("{out}/names.fst"))?.write_all(names_map.as_fst().as_bytes())?;
    for (list, fst_name) in [(heads, "heads.fst"), (verbs, "verbs.fst")] {
        let mut items: Vec<String> = std::fs::read_to_string(&list)?
            .lines()
            .map(str::to_string)
            .collect();
        if fst_name == "heads.fst" {
            // Accented heads are found from their deaccented form too.
            let keys: Vec<String> = items
                .iter()
                .filter_map(|h| {
                    let k = protokoll_text::lexicon::deaccent(h);
                    (k != *h).then(|| format!("{k}\u{1}{h}"))
                })
                .collect();
            items.extend(keys);
        }
        items.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        items.dedup();
        let set = fst::Set::from_iter(items.iter().map(|n| n.as_bytes()))?;
        std::fs::File::create(format!("{out}/{fst_name}"))?.write_all(set.as_fst().as_bytes())?;
    }
    let text = std::fs::read_to_string(&tsv)?;
    let mut words: Vec<(String, u64)> = Vec::new();
    for line in text.lines() {
        let (w, s) = line.split_once('\t').ok_or("bad line")?;
        words.push((w.to_string(), s.parse()?));
    }
    words.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    words.dedup_by(|a, b| a.0 == b.0);
    let mut keys: Vec<(String, u64)> = words
        .iter()
        .filter_map(|(w, s)| {
            let k = protokoll_text::lexicon::deaccent(w);
            (k != *w).then(|| (format!("{k}\u{1}{w}"), *s))
        })
        .collect();
    keys.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    keys.dedup_by(|a, b| a.0 == b.0);
    let words_map = fst::Map::from_iter(words.iter().map(|(w, s)| (w.as_bytes(), *s)))?;
    let keys_map = fst::Map::from_iter(keys.iter().map(|(k, s)| (k.as_bytes(), *s)))?;
    std::fs::File::create(format!("{out}/words.fst"))?.write_all(words_map.as_fst().as_bytes())?;
    std::fs::File::create(format!("{out}/keys.fst"))?.write_all(keys_map.as_fst().as_bytes())?;
    println!("{} words, {} accented", words.len(), keys.len());
    Ok(())
}
