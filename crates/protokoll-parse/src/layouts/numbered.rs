//! Numbered headings: "5. Rapport från chefsgrupp – Ingmar" with the body below; the
//! number may stand alone (its own line or cell), the presenter may follow a dash or
//! stand on the next line. With [`LabelKind::Section`] the same reading serves "§ 12"
//! paragraphs of municipal protocols.

use crate::heading::split_heading;
use crate::items::{self, body_text, candidates, chain, LabelKind};
use crate::names::leading_people;
use crate::view::{self, PLine};
use protokoll_model::{Document, Item, LayoutParser, Word};

/// Items opened by numbered (or §) headings.
pub struct Numbered {
    pub kind: LabelKind,
}

/// The words a label may start: the line's first few (a label is at most two words).
fn all_words(l: &PLine) -> &[Word] {
    l.words.get(..3).unwrap_or(&l.words)
}

impl Numbered {
    /// The chain of labels, read once per parse for both `fit` and `items`.
    fn labels(&self, doc: &Document) -> std::rc::Rc<Vec<items::Label>> {
        let name = match self.kind {
            LabelKind::Number => "numbered-labels",
            LabelKind::Section => "section-labels",
        };
        view::memo(doc, name, || {
            chain(&candidates(&view::lines(doc), self.kind, &all_words))
        })
    }
}

impl LayoutParser for Numbered {
    fn name(&self) -> &'static str {
        match self.kind {
            LabelKind::Number => "numbered-headings",
            LabelKind::Section => "section-paragraphs",
        }
    }

    fn fit(&self, doc: &Document) -> f32 {
        let n = self.labels(doc).len();
        match (self.kind, n) {
            (_, 0) => 0.0,
            (LabelKind::Number, 1) => 0.1,
            (LabelKind::Number, _) => 0.5,
            // "§" numbering is unambiguous: when present it wins over plain numbers.
            (LabelKind::Section, 1) => 0.2,
            (LabelKind::Section, _) => 0.7,
        }
    }

    fn items(&self, doc: &Document) -> Vec<Item> {
        let lines = view::lines(doc);
        let labels = lost_leading(&self.labels(doc), &lines);
        let mut out = Vec::new();
        for (k, label) in labels.iter().enumerate() {
            let end = labels.get(k + 1).map_or(lines.len(), |n| n.line);
            let Some(span) = lines.get(label.line..end) else {
                continue;
            };
            out.push(read_item(label, span));
        }
        out
    }
}

/// When the chain starts at N > 1 and exactly N - 1 capitalised lines stand right above
/// its first label at the headings' indent (where the text after each label starts),
/// with nothing between them but scraps at the number margin, they are items 1..N-1
/// whose numbers an OCR layer lost.
fn lost_leading(labels: &[items::Label], lines: &[PLine]) -> Vec<items::Label> {
    let mut out = labels.to_vec();
    let Some(first) = labels.first() else {
        return out;
    };
    if !(2..=9).contains(&first.value) {
        return out;
    }
    // The indent of heading text after a label, relative to the label.
    let mut offsets: Vec<f32> = labels
        .iter()
        .filter_map(|l| {
            let line = lines.get(l.line)?;
            Some(line.words.get(l.consumed)?.bbox.x0 - l.x0)
        })
        .collect();
    offsets.sort_by(f32::total_cmp);
    let Some(&offset) = offsets.get(offsets.len() / 2) else {
        return out;
    };
    let heading_x = first.x0 + offset;
    let mut found = Vec::new();
    for i in (0..first.line).rev() {
        let Some(l) = lines.get(i) else { break };
        let Some(w) = l.words.first() else { continue };
        let scrap = (w.bbox.x0 - first.x0).abs() <= 15.0
            && l.words.iter().all(|w| w.text.chars().count() <= 2);
        if scrap {
            continue;
        }
        if (w.bbox.x0 - heading_x).abs() > 6.0 {
            break;
        }
        if w.text.starts_with(char::is_uppercase) {
            found.push(i);
        } else if !w.text.starts_with(char::is_lowercase) {
            break;
        }
    }
    if found.len() + 1 != first.value as usize {
        return out;
    }
    found.reverse();
    let lost = found.iter().enumerate().map(|(k, &line)| items::Label {
        number: (k + 1).to_string(),
        value: k as u32 + 1,
        line,
        consumed: 0,
        x0: first.x0,
        weak: true,
    });
    out.splice(0..0, lost);
    out
}

fn is_bold(l: &PLine) -> bool {
    l.bold_share() > 0.6
}

fn read_item(label: &items::Label, span: &[PLine]) -> Item {
    let Some(first) = span.first() else {
        return items::item(
            label.number.clone(),
            String::new(),
            Vec::new(),
            String::new(),
            Vec::new(),
        );
    };
    let after_label: Vec<Word> = first.words.iter().skip(label.consumed).cloned().collect();
    // The heading: the label line's rest (or the next line when the number stands
    // alone), continued over following bold lines when the heading is bold.
    let mut heading_words = after_label.clone();
    let mut i = 1;
    if heading_words.is_empty() {
        if let Some(next) = span.get(1) {
            heading_words = next.words.clone();
            i = 2;
        }
    }
    let bold_heading =
        is_bold(first) || span.get(i - 1).is_some_and(is_bold) && after_label.is_empty();
    if bold_heading {
        while let (Some(prev), Some(l)) = (span.get(i - 1), span.get(i)) {
            if !is_bold(l) || view::gap(prev, l) > 0.6 || items::ends_body(&l.text()) {
                break;
            }
            heading_words.extend(l.words.iter().cloned());
            i += 1;
        }
    }
    // Without bold type (an OCR layer), a heading wrapped onto a short line that opens
    // in lowercase ("… hälso-och sjukvård i" / "hemmet") goes on; body text opens with a
    // capital.
    // A wrapped line that carries the presenter part ("… anhöriga” - Hanna Eriksson,")
    // continues the heading too, and so does one more line after a trailing comma.
    if !bold_heading && !after_label.is_empty() {
        if let (Some(prev), Some(l)) = (span.get(i - 1), span.get(i)) {
            let lower = l
                .words
                .first()
                .is_some_and(|w| w.text.starts_with(char::is_lowercase));
            let ends = heading_words
                .last()
                .is_some_and(|w| w.text.ends_with(['.', ':', '?', '!']));
            let presenter_part = l.words.windows(2).any(|p| {
                matches!(p, [d, n] if matches!(&*d.text, "-" | "–" | "—")
                    && crate::names::is_name_word(&n.text))
            });
            if lower && !ends && (l.words.len() <= 6 || presenter_part) && view::gap(prev, l) <= 0.6
            {
                heading_words.extend(l.words.iter().cloned());
                i += 1;
                let comma = l.words.last().is_some_and(|w| w.text.ends_with(','));
                if let (true, true, Some(next)) = (presenter_part, comma, span.get(i)) {
                    if next.words.len() <= 12 && view::gap(l, next) <= 0.6 {
                        heading_words.extend(next.words.iter().cloned());
                        i += 1;
                    }
                }
            }
        }
    }
    let h = split_heading(&view::join(&heading_words));
    let mut presenters = h.presenters;
    let mut parts: Vec<(Option<&PLine>, Vec<Word>)> = Vec::new();
    if !h.rest.is_empty() {
        parts.push((
            None,
            h.rest
                .split_whitespace()
                .map(|t| Word {
                    text: t.into(),
                    ..Word::default()
                })
                .collect(),
        ));
    }
    let mut pages = vec![first.page];
    let mut first_body = true;
    for l in span.iter().skip(i) {
        let text = l.text();
        if items::ends_body(&text) {
            break;
        }
        // A presenter line right under the heading: names and nothing else.
        if first_body && presenters.is_empty() {
            first_body = false;
            let (people, rest) = leading_people(&text, false);
            let clean_end = rest.is_empty()
                || text.len() > rest.len()
                    && text
                        .get(..text.len() - rest.len())
                        .is_some_and(|h| h.trim_end().ends_with('.'));
            if !people.is_empty() && clean_end && people.iter().all(|p| p.contains(' ')) {
                presenters = people;
                if !rest.is_empty() {
                    parts.push((
                        Some(l),
                        rest.split_whitespace()
                            .map(|t| Word {
                                text: t.into(),
                                ..Word::default()
                            })
                            .collect(),
                    ));
                }
                pages.push(l.page);
                continue;
            }
        }
        first_body = false;
        pages.push(l.page);
        parts.push((Some(l), l.words.clone()));
    }
    items::item(
        label.number.clone(),
        h.title,
        presenters,
        body_text(&parts),
        pages,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{label, line as line_y, text_line};

    fn line(words: &[(&str, f32)]) -> PLine {
        line_y(0.0, words)
    }

    #[test]
    fn a_wrapped_heading_keeps_its_presenters() {
        let span = vec![
            text_line(100.0, "9. Ett projekt för ungdomar i anpassad"),
            text_line(
                112.0,
                "gymnasieskola och deras anhöriga - Hanna Eriksson, processledare,",
            ),
            text_line(124.0, "Örebro kommun och Annika Jeppsson, processledare"),
            text_line(140.0, "Hanna och Annika informerar om projektet."),
        ];
        let it = read_item(&label(9, 0), &span);
        assert_eq!(
            it.title,
            "Ett projekt för ungdomar i anpassad gymnasieskola och deras anhöriga"
        );
        assert_eq!(it.presenters, ["Hanna Eriksson", "Annika Jeppsson"]);
        assert!(it.text.contains("Hanna och Annika informerar"));
    }

    #[test]
    fn headings_whose_numbers_the_ocr_lost() {
        let lines = vec![
            line(&[("Ärenden", 50.0)]),
            line(&[("Mötet", 86.0), ("öppnas", 120.0)]),
            line(&[("a", 50.0), ("EE", 60.0)]),
            line(&[("Val", 86.0), ("av", 110.0), ("justerare", 130.0)]),
            line(&[("protokollet", 86.0)]),
            line(&[("3.", 50.0), ("Rapport", 86.0)]),
            line(&[("4.", 50.0), ("Övrigt", 86.0)]),
        ];
        let got = lost_leading(&[label(3, 5), label(4, 6)], &lines);
        let found: Vec<(u32, usize)> = got.iter().map(|l| (l.value, l.line)).collect();
        assert_eq!(found, [(1, 1), (2, 3), (3, 5), (4, 6)]);
        // A count that does not match leaves the chain alone.
        let got = lost_leading(&[label(4, 5), label(5, 6)], &lines);
        assert_eq!(got.len(), 2);
    }
}
