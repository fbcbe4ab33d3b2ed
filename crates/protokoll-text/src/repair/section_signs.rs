use super::audit::{apply, fix_of, Fix};
use super::lists::LISTS;
use protokoll_model::record::CorrectionKind;
use protokoll_model::Correction;
use protokoll_model::Page;

/// Whether a word speaks of money in dollars: "$" after a number ("12$"), "US$",
/// "USD", "dollar(s)" (`data/ocr-forms.txt`).
pub(super) fn dollar_context(w: &str) -> bool {
    let lower = w.to_lowercase();
    LISTS.dollar.iter().any(|d| lower.contains(d))
        || lower.find('$').is_some_and(|i| {
            lower
                .get(..i)
                .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
        })
}

/// An item number as it follows a section sign: one to three digits, perhaps a letter
/// and closing punctuation ("12", "12a", "3.", "11-14", "4:"); no amount ("12.50",
/// "1,000": a price).
pub(super) fn label_number(t: &str) -> bool {
    let core = t.trim_end_matches(['.', ',', ':', ';', ')']);
    let mut parts = core.splitn(2, ['-', '–']);
    let one = |p: &str| {
        let digits = p.chars().take_while(char::is_ascii_digit).count();
        let rest = p.get(digits..).unwrap_or("");
        (1..=3).contains(&digits)
            && rest.chars().count() <= 1
            && rest.chars().all(char::is_alphabetic)
    };
    parts.next().is_some_and(one) && parts.next().is_none_or(one)
}

/// OCR reads the section sign "§" as "$" ("$1.", "$ 12", "$$ 11-14"). On an OCR layer a
/// "$" or "$$" before or glued to an item number is "§", unless the page speaks of
/// dollars anywhere (born-digital text never comes here: only OCR layers do).
pub fn section_signs(page: &mut Page) -> Vec<Correction> {
    let has_dollar_sign = page
        .lines
        .iter()
        .flat_map(|l| l.words())
        .any(|w| w.text.contains('$'));
    if !has_dollar_sign
        || page
            .lines
            .iter()
            .flat_map(|l| l.words())
            .any(|w| dollar_context(&w.text))
    {
        return Vec::new();
    }
    let number = page.number;
    let mut out = Vec::new();
    for cell in page.lines.iter_mut().flat_map(|l| l.cells.iter_mut()) {
        let mut fixes: Vec<(usize, Fix)> = Vec::new();
        for (i, w) in cell.words.iter().enumerate() {
            let (pre, rest) = w
                .text
                .split_at(w.text.len() - w.text.trim_start_matches(['(', '[']).len());
            let signs = rest.len() - rest.trim_start_matches('$').len();
            if !(1..=2).contains(&signs) {
                continue;
            }
            let tail = rest.get(signs..).unwrap_or("");
            let labelled = if tail.is_empty() {
                cell.words.get(i + 1).is_some_and(|n| label_number(&n.text))
            } else {
                label_number(tail)
            };
            if labelled {
                let text = format!("{pre}{}{tail}", "§".repeat(signs));
                fixes.push((i, fix_of((text, CorrectionKind::Confusion, 0.9))));
            }
        }
        apply(cell, fixes, number, &mut out);
    }
    out
}

/// A line-opening item label on an OCR layer: a section sign with its number, an "8"
/// glued to one ("81 Årsmötets öppnande", "810 Beslut om …": OCR reads "§" as "8"), or
/// a sign read as another character standing apart ("5 2. Val av …", "£ 7. Fråga …").
#[derive(Clone, Copy)]
enum Opening {
    Section(u32),
    Eight { value: u32, whole: u32 },
    Apart(u32),
}

/// What OCR reads a section sign standing apart as, on poor scans.
const SIGN_READINGS: [&str; 7] = ["5", "6", "8", "£", "$", "S", "&"];

/// The label a line opens with, if any.
fn opening(line: &protokoll_model::Line) -> Option<Opening> {
    let cell = line.cells.iter().find(|c| !c.words.is_empty())?;
    let first = cell.words.first()?;
    let heading_follows = |k: usize| {
        cell.words
            .get(k)
            .is_some_and(|w| w.text.starts_with(char::is_uppercase))
    };
    let t = first.text.trim_end_matches(['.', ':']);
    if let Some(rest) = t.strip_prefix('§') {
        let digits = if rest.is_empty() {
            cell.words
                .get(1)
                .map(|w| w.text.trim_end_matches(['.', ':']))?
        } else {
            rest
        };
        return Some(Opening::Section(digits.parse().ok()?));
    }
    // "5 2. Val av …": a lone look-alike, then a number with its stop, then the heading.
    if SIGN_READINGS.contains(&&*first.text) && heading_follows(2) {
        let n = cell.words.get(1)?.text.strip_suffix('.')?;
        if !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) {
            return Some(Opening::Apart(n.parse().ok()?));
        }
    }
    let rest = t.strip_prefix('8')?;
    let value: u32 = rest
        .parse()
        .ok()
        .filter(|v| *v > 0 && !rest.starts_with('0'))?;
    let whole: u32 = t.parse().ok()?;
    // The heading follows on the line, or the label stands alone on its line ("85" over
    // "Närvarorätt vid stämman.").
    let alone = line.cells.iter().map(|c| c.words.len()).sum::<usize>() == 1;
    (rest.len() <= 2 && (heading_follows(1) || alone)).then_some(Opening::Eight { value, whole })
}

/// OCR reads the section sign as "8" ("§1" → "81", "§10" → "810"). Across a document's
/// OCR-layer pages, line-opening "8N" labels are "§N" where their numbers without the
/// 8 run on in sequence (one may be missing) over three labels or more, and the run
/// shows it is no plain numbering: a true "§" label stands in it, or the numbers as
/// written do not run on ("89", "810"). Pages not marked in `ocr` are left alone.
pub fn eights_read_for_sections(pages: &mut [Page], ocr: &[bool]) -> Vec<Correction> {
    // (label, page index, line index) in reading order.
    let mut labels: Vec<(Opening, usize, usize)> = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        if !ocr.get(pi).copied().unwrap_or(false) {
            continue;
        }
        for (li, line) in page.lines.iter().enumerate() {
            if let Some(o) = opening(line) {
                labels.push((o, pi, li));
            }
        }
    }
    let value = |o: &Opening| match o {
        Opening::Section(v) | Opening::Eight { value: v, .. } | Opening::Apart(v) => *v,
    };
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < labels.len() {
        let mut end = start + 1;
        while let (Some(a), Some(b)) = (labels.get(end - 1), labels.get(end)) {
            let (va, vb) = (value(&a.0), value(&b.0));
            if vb <= va || vb > va + 2 {
                break;
            }
            end += 1;
        }
        let run = labels.get(start..end).unwrap_or(&[]);
        let eights: Vec<u32> = run
            .iter()
            .filter_map(|(o, _, _)| match o {
                Opening::Eight { whole, .. } => Some(*whole),
                Opening::Section(_) | Opening::Apart(_) => None,
            })
            .collect();
        let true_sign = run.iter().any(|(o, _, _)| matches!(o, Opening::Section(_)));
        let written_breaks = eights
            .windows(2)
            .any(|p| matches!(p, [a, b] if *b != a + 1));
        if run.len() >= 3 && !eights.is_empty() && (true_sign || written_breaks) {
            fixes.extend(
                run.iter()
                    .filter(|(o, _, _)| matches!(o, Opening::Eight { .. }))
                    .map(|(_, p, l)| (*p, *l)),
            );
        }
        // A look-alike apart is a sign only among true signs of the same run.
        if run.len() >= 3 && true_sign {
            fixes.extend(
                run.iter()
                    .filter(|(o, _, _)| matches!(o, Opening::Apart(_)))
                    .map(|(_, p, l)| (*p, *l)),
            );
        }
        start = end;
    }
    signs_at(pages, fixes)
}

/// Writes "§" for the look-alike opening each line at (page index, line index).
fn signs_at(pages: &mut [Page], fixes: Vec<(usize, usize)>) -> Vec<Correction> {
    let mut out = Vec::new();
    for (pi, li) in fixes {
        let Some(page) = pages.get_mut(pi) else {
            continue;
        };
        let number = page.number;
        let Some(cell) = page
            .lines
            .get_mut(li)
            .and_then(|l| l.cells.iter_mut().find(|c| !c.words.is_empty()))
        else {
            continue;
        };
        let Some(first) = cell.words.first() else {
            continue;
        };
        let text = if SIGN_READINGS.contains(&&*first.text) {
            "§".to_string()
        } else if let Some(rest) = first.text.strip_prefix('8') {
            format!("§{rest}")
        } else {
            continue;
        };
        apply(
            cell,
            vec![(0, fix_of((text, CorrectionKind::Confusion, 0.85)))],
            number,
            &mut out,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::decode::repair_ocr_page;
    use crate::repair::testutil::*;

    #[test]
    fn dollar_read_for_section_sign() {
        let mut p = ocr_page("$1. Mötets öppnande\nenligt ($ 12) och $$ 11-14 samt $4:\n$ 3a Val");
        let fixes = section_signs(&mut p);
        assert_eq!(
            page_text(&p),
            "§1. Mötets öppnande enligt (§ 12) och §§ 11-14 samt §4: § 3a Val"
        );
        assert_eq!(fixes.len(), 5);
        assert_eq!(&*fixes[0].original, "$1.");
        assert_eq!(&*fixes[0].corrected, "§1.");
        assert_eq!(fixes[0].page, 2);
        // Amounts and a page that speaks of dollars stay.
        for text in [
            "Kostnad $12.50 per styck",
            "$ 5000 kronor",
            "Pris $ 12 USD",
            "§ 3 kostar 12$, $ 4",
        ] {
            let mut p = ocr_page(text);
            assert!(section_signs(&mut p).is_empty(), "{text}");
            assert_eq!(page_text(&p), text);
        }
        // Born-digital text (visible words) is never an OCR page.
        let lex = Lexicon::swedish().expect("lexicon");
        let mut p = ocr_page("$1. Mötets öppnande");
        for w in p
            .lines
            .iter_mut()
            .flat_map(|l| l.cells.iter_mut())
            .flat_map(|c| c.words.iter_mut())
        {
            w.invisible = false;
        }
        assert!(repair_ocr_page(&mut p, lex, &mut crate::repair::PieceMemo::default()).is_empty());
        assert_eq!(page_text(&p), "$1. Mötets öppnande");
    }

    #[test]
    fn eight_read_for_section_sign_where_the_numbers_say_so() {
        // A true "§3" among them.
        let text = "81 Årsmötets öppnande\nOrdföranden hälsade välkommen.\n82 Val av ordförande\n\
                    §3 Val av sekreterare\n84 Val av justerare";
        let mut pages = vec![ocr_page(text)];
        let fixes = eights_read_for_sections(&mut pages, &[true]);
        let got: Vec<_> = fixes.iter().map(|c| &*c.corrected).collect();
        assert_eq!(got, ["§1", "§2", "§4"]);
        // "89" then "810": as written they do not run on, without the 8 they do.
        let text = "88 Budget\n89 Revision\n810 Beslut om vinst\n811 Avslutning";
        let mut pages = vec![ocr_page(text)];
        let fixes = eights_read_for_sections(&mut pages, &[true]);
        let got: Vec<_> = fixes.iter().map(|c| &*c.corrected).collect();
        assert_eq!(got, ["§8", "§9", "§10", "§11"]);
        // Labels alone on their lines, the heading or text below.
        let text =
            "§4\nRöstlängden godkändes.\n85\nNärvarorätt vid stämman.\n§6\nText.\n87.\nText.";
        let mut pages = vec![ocr_page(text)];
        let fixes = eights_read_for_sections(&mut pages, &[true]);
        let got: Vec<_> = fixes.iter().map(|c| &*c.corrected).collect();
        assert_eq!(got, ["§5", "§7."]);
        // Numbers as written that run on with no section sign among them are numbers.
        let plain = "81 Årsmöte\n82 Val av ordförande\n83 Val av sekreterare";
        let mut pages = vec![ocr_page(plain)];
        assert!(eights_read_for_sections(&mut pages, &[true]).is_empty());
        // Born-digital pages are not OCR.
        let mut pages = vec![ocr_page(text)];
        assert!(eights_read_for_sections(&mut pages, &[false]).is_empty());
    }

    #[test]
    fn a_sign_apart_read_as_another_character() {
        let text = "§ 1. Stämmans öppnande\nChrister hälsar välkommen.\n5 2. Val av ordförande\n\
                    § 3. Anmälan av protokollförare\n8 4. Val av justerare\n£ 5. Fråga om kallelse";
        let mut pages = vec![ocr_page(text)];
        let fixes = eights_read_for_sections(&mut pages, &[true]);
        let got: Vec<_> = fixes
            .iter()
            .map(|c| (&*c.original, &*c.corrected))
            .collect();
        assert_eq!(got, [("5", "§"), ("8", "§"), ("£", "§")]);
        // No true sign among them: a count and a number stay as written.
        let plain = "5 2. Val av ordförande\n6 3. Val av sekreterare\n8 4. Val av justerare";
        let mut pages = vec![ocr_page(plain)];
        assert!(eights_read_for_sections(&mut pages, &[true]).is_empty());
    }
}
