use super::audit::{apply, fix_of, Fix};
use super::lists::LISTS;
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
                fixes.push((i, fix_of((text, "confusion", 0.9))));
            }
        }
        apply(cell, fixes, number, &mut out);
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
        assert_eq!(fixes[0].original, "$1.");
        assert_eq!(fixes[0].corrected, "§1.");
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
        assert!(repair_ocr_page(&mut p, lex).is_empty());
        assert_eq!(page_text(&p), "$1. Mötets öppnande");
    }
}
