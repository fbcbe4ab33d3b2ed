//! Numbered headings: "5. Rapport från chefsgrupp – Ingmar" with the body below; the
//! number may stand alone (its own line or cell), the presenter may follow a dash or
//! stand on the next line. With [`LabelKind::Section`] the same reading serves "§ 12"
//! paragraphs of municipal protocols.

use crate::heading::split_heading;
use crate::items::{self, body_text, candidates, chain, LabelKind};
use crate::names::leading_people;
use crate::view::{self, PLine, View};
use crate::LayoutParser;
use protokoll_model::{Item, Word};
use std::borrow::Cow;

/// The parsers' geometry thresholds.
const P: crate::params::ParseParams = crate::params::ParseParams::DEFAULT;

/// Items opened by numbered (or §) headings.
pub struct Numbered {
    pub kind: LabelKind,
}

/// Above this share of "§" paragraphs that open with a sentence, "§" numbers decisions,
/// not the agenda.
const SENTENCE_SHARE: f32 = 0.6;

/// The words a label may start: the line's first few (a label is at most two words).
fn all_words<'a>(l: &'a PLine<'_>) -> &'a [Word] {
    l.words.get(..3).unwrap_or(&l.words)
}

impl Numbered {
    /// The chain of labels, read once per parse for both `fit` and `items`.
    fn labels(&self, view: &View<'_>) -> std::rc::Rc<Vec<items::Label>> {
        let name = match self.kind {
            LabelKind::Number => "numbered-labels",
            LabelKind::Section => "section-labels",
        };
        view.memo(name, || {
            chain(&candidates(view.lines(), self.kind, &all_words))
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

    fn fit(&self, view: &View<'_>) -> f32 {
        let labels = self.labels(view);
        match (self.kind, labels.len()) {
            (_, 0) => 0.0,
            (LabelKind::Number, 1) => 0.1,
            (LabelKind::Number, _) => 0.5,
            // "§" numbering is unambiguous: when present it wins over plain numbers,
            // unless its paragraphs are sentences (decisions numbered under headings
            // that carry the agenda's own numbers: "Punkt 2 - Val …" / "§ 2 Till …
            // valdes …"); then headings numbered otherwise are the items.
            (LabelKind::Section, 1) => 0.2,
            (LabelKind::Section, n) => {
                let sentences = labels
                    .iter()
                    .filter(|l| {
                        view.lines().get(l.line).is_some_and(|line| {
                            let rest = line.words.get(l.consumed..).unwrap_or(&[]);
                            crate::heading::is_sentence(&view::join(rest))
                        })
                    })
                    .count();
                if sentences as f32 > n as f32 * SENTENCE_SHARE {
                    0.45
                } else {
                    0.7
                }
            }
        }
    }

    fn items(&self, view: &View<'_>) -> Vec<Item> {
        let lines = view.lines();
        let labels = lost_labels(&self.labels(view), lines);
        let prose = numbers_sentences(&labels, lines);
        let mut out = Vec::new();
        // After the item that closes the meeting, the minutes end where their
        // appendices begin: numbers there are the appendices' own ("16 Mötets
        // avslutande" / "Appendix A - Stadgar", which lists an annual meeting's agenda).
        // (Before it, "Bilagor" heads an item's list of its attachments.)
        let appendix = labels
            .iter()
            .find(|l| {
                lines
                    .get(l.line)
                    .is_some_and(|line| items::closes_meeting(line.text_ref()))
            })
            .and_then(|l| items::appendix_start(lines, l.line))
            .unwrap_or(lines.len());
        let labels: Vec<_> = labels.into_iter().filter(|l| l.line < appendix).collect();
        for (k, label) in labels.iter().enumerate() {
            let end = labels.get(k + 1).map_or(appendix, |n| n.line);
            let Some(span) = lines.get(label.line..end) else {
                continue;
            };
            out.push(read_item(label, span, prose));
        }
        out
    }
}

/// Median words of a point's opening sentence at which a document numbers sentences,
/// not headings: agenda headings run two to five words ("Val av justerare", "Mötets
/// öppnande"); minutes written as numbered sentences, eight or more.
const PROSE_POINT_WORDS: usize = 8;
/// Fewest words of a "heading" that is a sentence in such minutes.
const PROSE_TITLE_WORDS: usize = 5;

/// Share of points whose opening sentence reports what the meeting did at which a
/// document numbers sentences whatever their length ("§ 2. Till mötets ordförande valdes
/// Henrik Lindman.").
const PROSE_SHARE: f32 = 0.5;

/// The document numbers sentences: the median point opens with a sentence of
/// [`PROSE_POINT_WORDS`] or more (counted in the label's column of its line, to the
/// first full stop), or more than [`PROSE_SHARE`] of them report an act.
fn numbers_sentences(labels: &[items::Label], lines: &[PLine]) -> bool {
    let mut acts = 0;
    let mut lens: Vec<usize> = labels
        .iter()
        .filter_map(|l| {
            // The label's own column: a table row's other cells are no part of it.
            let line = lines.get(l.line)?;
            let column = Column::of(line, l.consumed);
            let own = column.own(line);
            let words = own.get(l.consumed..)?;
            // A number alone on its line: the sentence under it, over the lines it runs on.
            let text = match words {
                [] => run_on(lines.get(l.line + 1..)?, &column),
                _ => view::join(words),
            };
            let stop = text.split_whitespace().position(ends_sentence);
            let sentence = stop.map_or(text.split_whitespace().count(), |i| i + 1);
            let first: Vec<&str> = text.split_whitespace().take(sentence).collect();
            acts += usize::from(crate::heading::reports_act(&first.join(" ")));
            // What a heading would be of it: presenters and text after a dash are not.
            let title = split_heading(&text).title;
            Some(sentence.min(title.split_whitespace().count()))
        })
        .collect();
    lens.sort_unstable();
    let long = lens
        .get(lens.len() / 2)
        .is_some_and(|&m| m >= PROSE_POINT_WORDS);
    let reported = acts as f32 > labels.len() as f32 * PROSE_SHARE;
    labels.len() >= 3 && (long || reported)
}

/// A word that ends a sentence: a full stop after a word, not after an initial ("S.
/// D.", "A.G.").
fn ends_sentence(w: &str) -> bool {
    w.ends_with('.') && w.chars().filter(|c| c.is_alphanumeric()).count() > 2
}

/// Most lines a sentence under a number alone on its line is read over.
const RUN_ON_LINES: usize = 6;

/// The text under a number alone on its line, from the first of `lines`: that line, and
/// the next while the sentence runs on, unfinished at the line's end
/// ([`items::stops_mid_phrase`]) or going on in lowercase ("§1." / "Som låntagarne …
/// Mat och" / "pollett kassor …" / "beslöts att …"); up to [`RUN_ON_LINES`], a colon,
/// a gap or what ends a body.
fn run_on(lines: &[PLine], column: &Column) -> String {
    let (first, more) = run_on_parts(lines, column);
    match more.is_empty() {
        true => first,
        false => format!("{first} {more}"),
    }
}

/// [`run_on`]'s text in two parts: the first line's, and the lines' it runs on into.
fn run_on_parts(lines: &[PLine], column: &Column) -> (String, String) {
    let mut text = String::new();
    let mut first_len = None;
    let mut prev: Option<&PLine> = None;
    for l in lines.iter().take(RUN_ON_LINES) {
        let own = column.own(l);
        if own.is_empty() {
            break;
        }
        if let Some(p) = prev {
            let lower = own
                .first()
                .is_some_and(|w| w.text.starts_with(char::is_lowercase));
            // A colon ends a heading: what follows is its text ("Övriga frågor:").
            let introduces = text.ends_with(':');
            if !(lower || items::stops_mid_phrase(&text))
                || introduces
                || view::gap(p, l) > P.heading_wrap_gap
                || l.ends_body()
            {
                break;
            }
            text.push(' ');
        }
        text.push_str(&view::join(&own));
        first_len.get_or_insert(text.len());
        prev = Some(l);
    }
    let more = text.split_off(first_len.unwrap_or(0));
    (text, more.trim_start().to_string())
}

/// Where heading text stands relative to the number margin: the chain's labels say how
/// far right of its number a heading starts. OCR layers lose numbers that stood alone in
/// a column, and the headings they opened are still there at that indent.
struct Indent {
    /// Left edge of the labels.
    number_x: f32,
    /// Median distance from a label to its heading text.
    offset: f32,
}

impl Indent {
    fn of(labels: &[items::Label], lines: &[PLine]) -> Option<Indent> {
        let first = labels.first()?;
        let mut offsets: Vec<f32> = labels
            .iter()
            .filter_map(|l| {
                let line = lines.get(l.line)?;
                Some(line.words.get(l.consumed)?.bbox.x0 - l.x0)
            })
            .filter(|o| *o > 0.0)
            .collect();
        offsets.sort_by(f32::total_cmp);
        let offset = *offsets.get(offsets.len() / 2)?;
        Some(Indent {
            number_x: first.x0,
            offset,
        })
    }

    /// A word in the number column too short to be text: what is left of a number
    /// ("Pont", "Se", "i" for "3.", "5.", "7.").
    fn scrap(&self, w: &Word) -> bool {
        (w.bbox.x0 - self.number_x).abs() <= P.label_align && w.text.chars().count() <= 4
    }

    /// The line holds nothing but scraps in the number column.
    fn scrap_only(&self, l: &PLine) -> bool {
        match &l.words[..] {
            [] => false,
            [w] => self.scrap(w),
            ws => ws.iter().all(|w| w.text.chars().count() <= 2),
        }
    }

    /// How many scrap words precede heading text that starts at the heading indent
    /// (give or take 40 % of the offset: a skewed scan drifts a few points down the
    /// page), if it does. A scrap stands apart from the heading, not as a short word
    /// of running text does.
    fn heading_start(&self, l: &PLine) -> Option<usize> {
        let at_indent = |w: &Word| {
            let d = w.bbox.x0 - self.number_x;
            d >= self.offset * P.indent_low && d <= self.offset * P.indent_high
        };
        match &l.words[..] {
            [w, ..] if at_indent(w) => Some(0),
            [s, w, ..]
                if self.scrap(s)
                    && at_indent(w)
                    && w.bbox.x0 - s.bbox.x1 >= self.offset * P.scrap_gap =>
            {
                Some(1)
            }
            _ => None,
        }
    }
}

fn capitalised(l: &PLine, skip: usize) -> bool {
    l.words.get(skip).is_some_and(|w| {
        w.text
            .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '”')
    })
}

fn lost_label(value: u32, line: usize, consumed: usize, indent: &Indent) -> items::Label {
    items::Label {
        number: value.to_string(),
        value,
        line,
        consumed,
        x0: indent.number_x,
        weak: true,
        weight: 1.0,
        lone: false,
        prose: false,
        introduced: false,
    }
}

/// Items whose numbers an OCR layer lost, recovered from the headings left at the
/// heading indent:
/// - when the chain starts at N > 1 and exactly N - 1 capitalised lines stand above its
///   first label at the heading indent (between them only scraps in the number column,
///   or continuation lines; below the last one the body of item N - 1), they are
///   items 1..N-1;
/// - when the chain skips a number (k, then k + 2) and exactly one block of heading text
///   opens at the heading indent between them, it is item k + 1.
fn lost_labels(labels: &[items::Label], lines: &[PLine]) -> Vec<items::Label> {
    let Some(indent) = Indent::of(labels, lines) else {
        return labels.to_vec();
    };
    let mut out = lost_leading(labels, lines, &indent);
    let mut k = 1;
    while let (Some(a), Some(b)) = (out.get(k - 1), out.get(k)) {
        if b.value == a.value + 2 {
            if let Some(found) = lost_between(a, b, lines, &indent) {
                out.insert(k, found);
            }
        }
        k += 1;
    }
    out
}

fn lost_leading(labels: &[items::Label], lines: &[PLine], indent: &Indent) -> Vec<items::Label> {
    let mut out = labels.to_vec();
    let Some(first) = labels.first() else {
        return out;
    };
    if !(2..=9).contains(&first.value) {
        return out;
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut column_x: Option<f32> = None;
    for i in (0..first.line).rev() {
        let Some(l) = lines.get(i) else { break };
        if l.words.is_empty() || indent.scrap_only(l) {
            continue;
        }
        let Some(skip) = indent.heading_start(l) else {
            // The body of the item just above the first label; above the nearest heading
            // only headings and scraps may stand.
            if found.is_empty() {
                continue;
            }
            break;
        };
        let Some(w) = l.words.get(skip) else { break };
        // The headings form one column.
        if column_x.is_some_and(|x| (w.bbox.x0 - x).abs() > P.heading_column_drift) {
            break;
        }
        column_x = Some(w.bbox.x0);
        if capitalised(l, skip) {
            found.push((i, skip));
        } else if !w.text.starts_with(char::is_lowercase) {
            break;
        }
    }
    if found.len() + 1 != first.value as usize {
        return out;
    }
    found.reverse();
    let lost = found
        .iter()
        .enumerate()
        .map(|(k, &(line, skip))| lost_label(k as u32 + 1, line, skip, indent));
    out.splice(0..0, lost);
    out
}

fn lost_between(
    a: &items::Label,
    b: &items::Label,
    lines: &[PLine],
    indent: &Indent,
) -> Option<items::Label> {
    let mut found = None;
    for i in a.line + 2..b.line {
        let (Some(prev), Some(l)) = (lines.get(i - 1), lines.get(i)) else {
            continue;
        };
        let Some(skip) = indent.heading_start(l) else {
            continue;
        };
        // A block opens where the line above is not itself at the heading indent.
        let opens = indent.heading_start(prev).is_none();
        if opens && capitalised(l, skip) {
            if found.is_some() {
                return None;
            }
            found = Some(lost_label(a.value + 1, i, skip, indent));
        }
    }
    found
}

/// The words after a heading's last spaced dash, when one is followed by nothing or by
/// a name ("- Hanna Eriksson,", "—").
fn dash_part(words: &[Word]) -> Option<&[Word]> {
    let k = words
        .iter()
        .rposition(|w| matches!(&*w.text, "-" | "–" | "—"))?;
    let rest = words.get(k + 1..)?;
    match rest.first() {
        None => Some(rest),
        Some(n) if crate::names::is_name_word(&n.text) => Some(rest),
        _ => None,
    }
}

fn is_bold(l: &PLine) -> bool {
    l.bold_share() > P.bold_share
}

/// The column of a table row that holds an item's label and its heading ("1.
/// Ordförande hälsar | Ingmar hälsade oss välkomna"); `None` when the label line is no
/// table row, or its label stands alone in its cell (the heading is the next cell, as
/// a line reads), where every word of a line is the heading's.
struct Column(Option<usize>);

impl Column {
    fn of(first: &PLine, consumed: usize) -> Column {
        let mut cells = first.cells();
        let label = cells
            .next()
            .filter(|(_, words)| words.len() > consumed)
            .map(|(c, _)| c);
        Column(label.filter(|_| cells.next().is_some()))
    }
    /// The line's words in the label's column.
    fn own(&self, l: &PLine) -> Vec<Word> {
        match self.0 {
            None => l.words.to_vec(),
            Some(col) => Self::cells_where(l, |c| c == col),
        }
    }
    /// The line's words in the other columns.
    fn others(&self, l: &PLine) -> Vec<Word> {
        match self.0 {
            None => Vec::new(),
            Some(col) => Self::cells_where(l, |c| c != col),
        }
    }
    /// The words of the line's cells whose column passes `keep`.
    fn cells_where(l: &PLine, keep: impl Fn(usize) -> bool) -> Vec<Word> {
        l.cells()
            .filter(|(c, _)| keep(*c))
            .flat_map(|(_, w)| w.iter().cloned())
            .collect()
    }
}

/// A bold heading goes on over the bold lines that follow it (from line `*i` of
/// `span`), up to a gap, a non-bold line or what ends a body.
fn bold_heading_lines(
    span: &[PLine],
    column: &Column,
    heading_words: &mut Vec<Word>,
    i: &mut usize,
) {
    while let (Some(prev), Some(l)) = (span.get(*i - 1), span.get(*i)) {
        let own = column.own(l);
        if !is_bold(l) || own.is_empty() || view::gap(prev, l) > P.heading_wrap_gap || l.ends_body()
        {
            break;
        }
        heading_words.extend(own);
        *i += 1;
    }
}

/// Without bold type (an OCR layer), a heading wrapped onto a short line that opens
/// in lowercase ("… hälso-och sjukvård i" / "hemmet") goes on; body text opens with a
/// capital. The presenter part goes on too: a line that carries one ("… anhöriga” -
/// Hanna Eriksson,"), the line after a heading that ends in a dash or a lone given
/// name ("… underlag -" / "Karin Haster och …", "— Ammi" / "Gustafsson"), and one
/// more line after a presenter part's trailing comma.
fn wrapped_heading_lines(
    span: &[PLine],
    column: &Column,
    heading_words: &mut Vec<Word>,
    i: &mut usize,
) {
    let mut presenter_seen = dash_part(heading_words).is_some();
    while let (Some(prev), Some(l)) = (span.get(*i - 1), span.get(*i)) {
        let own = column.own(l);
        if *i > 4 || own.is_empty() || view::gap(prev, l) > P.heading_wrap_gap || l.ends_body() {
            break;
        }
        // A sub-item's label ("a. Beslut: …", "ii)") opens a point of the body.
        let lower = own.first().is_some_and(|w| {
            w.text.starts_with(char::is_lowercase) && !crate::items::sub_label(&w.text)
        });
        let ends = heading_words
            .last()
            .is_some_and(|w| w.text.ends_with(['.', ':', '?', '!']));
        let presenter_part = dash_part(&own).is_some();
        let open_presenter = match dash_part(heading_words) {
            Some([]) => true,
            Some([w]) => crate::names::is_name_word(&w.text) && !w.text.ends_with(','),
            _ => false,
        };
        let after_comma =
            presenter_seen && heading_words.last().is_some_and(|w| w.text.ends_with(','));
        let names_first = own
            .first()
            .is_some_and(|w| crate::names::is_name_word(&w.text));
        let goes_on = (lower && !ends && own.len() <= 6)
            || presenter_part
            || (open_presenter && names_first && own.len() <= 12)
            || (after_comma && own.len() <= 12);
        if !goes_on {
            break;
        }
        presenter_seen |= presenter_part;
        heading_words.extend(own);
        *i += 1;
    }
}

/// A part of an item's body: its line (for the gaps between lines) and its words.
type BodyPart<'a> = (Option<&'a PLine<'a>>, Cow<'a, [Word]>);

/// The body's first parts: the other columns of the heading's lines (up to
/// `heading_end`), then what the heading line holds after its title (`rest`).
fn opening_parts<'a>(
    span: &'a [PLine],
    heading_end: usize,
    column: &Column,
    rest: &str,
) -> Vec<BodyPart<'a>> {
    let mut parts: Vec<BodyPart<'a>> = Vec::new();
    let side: Vec<Word> = span
        .get(..heading_end)
        .unwrap_or(&[])
        .iter()
        .flat_map(|l| column.others(l))
        .collect();
    if !side.is_empty() {
        parts.push((None, Cow::Owned(side)));
    }
    if !rest.is_empty() {
        parts.push((None, Cow::Owned(plain_words(rest))));
    }
    parts
}

/// Words without positions for text split off a line (a heading's rest).
fn plain_words(text: &str) -> Vec<Word> {
    text.split_whitespace()
        .map(|t| Word {
            text: t.into(),
            ..Word::default()
        })
        .collect()
}

/// The heading text is a sentence of the minutes ([`crate::heading::is_sentence`]), or,
/// under a number alone on its line, a sentence that runs on from the heading's line
/// (the first of `from`) over the next ones ([`run_on`]: "7/" / "Styrelsens redovisning …
/// under tiden" / "upplästes och godkändes.") read whole.
fn heading_is_sentence(title: &str, from: &[PLine], column: &Column, alone: bool) -> bool {
    let runs_on = || {
        let (_, more) = run_on_parts(from, column);
        !more.is_empty() && crate::heading::is_sentence(&format!("{title} {more}"))
    };
    crate::heading::is_sentence(title) || alone && runs_on()
}

/// The numbered point's heading `h` (read from `raw`) is a sentence of the minutes: by
/// [`heading_is_sentence`] (with the lines from the heading's, the label's column and
/// whether the number stands alone), as a clause with its full stop, or, in minutes
/// that number sentences (`prose`), as a long text that is no noun phrase; the short
/// ones there are headings ("Mötets öppnande.", "Närvarande").
fn point_is_sentence(
    h: &crate::heading::Heading,
    raw: &str,
    (from, column, alone): (&[PLine], &Column, bool),
    prose: bool,
) -> bool {
    let whole = h.presenters.is_empty() && h.rest.is_empty();
    let long = prose
        && h.title.split_whitespace().count() >= PROSE_TITLE_WORDS
        && !crate::heading::nominal(&h.title);
    heading_is_sentence(&h.title, from, column, alone)
        || whole && crate::heading::is_clause(raw)
        || long
}

/// Reads one item; `prose`: the document numbers sentences ([`numbers_sentences`]).
fn read_item(label: &items::Label, span: &[PLine], prose: bool) -> Item {
    let Some(first) = span.first() else {
        return items::item(
            label.number.clone(),
            String::new(),
            Vec::new(),
            String::new(),
            items::Extent::default(),
        );
    };
    // In a table row ("1. Ordförande hälsar | Ingmar hälsade oss välkomna") the
    // heading is the label's column; the other columns of its lines open the body.
    let column = Column::of(first, label.consumed);
    let own_first = column.own(first);
    let rest = own_first.get(label.consumed..).unwrap_or(&[]);
    // A case number on the label line ("KS § 1   DNR:KU/2007.9") is no part of the title.
    let (rest, mut case_number) = items::split_case_number(rest);
    let after_label: Vec<Word> = rest.to_vec();
    // The heading: the label line's rest (or the next line when the number stands
    // alone), continued over following bold lines when the heading is bold. A case
    // number line under the label or the heading is skipped ("§ 47 Budget" / "Dnr KS
    // 2024/88").
    let mut heading_words = after_label.clone();
    let mut i = 1;
    let take_case = |i: &mut usize, case_number: &mut Option<String>| {
        while let Some(c) = span.get(*i).and_then(|l| items::case_number(&l.words)) {
            case_number.get_or_insert(c);
            *i += 1;
        }
    };
    if heading_words.is_empty() {
        take_case(&mut i, &mut case_number);
        if let Some(next) = span.get(i) {
            heading_words = column.own(next);
            i += 1;
        }
    }
    take_case(&mut i, &mut case_number);
    let bold_heading =
        is_bold(first) || span.get(i - 1).is_some_and(is_bold) && after_label.is_empty();
    if bold_heading {
        bold_heading_lines(span, &column, &mut heading_words, &mut i);
    }
    if !bold_heading && !after_label.is_empty() {
        wrapped_heading_lines(span, &column, &mut heading_words, &mut i);
    }
    let raw = view::join(&heading_words);
    let mut h = split_heading(&raw);
    // Minutes whose numbered points are sentences ("6. Dagordningen godkändes.") have
    // no headings: the sentence is the item's text. The title has lost its full stop;
    // the heading as written keeps it ("5. Ekonomin är fortsatt bra."). A sentence
    // has no presenter: names after a dash in it are what it says ("För mötet valdes
    // till a. ordförande – Nicole Medin").
    let alone = after_label.is_empty();
    let from = span.get(i - 1..).unwrap_or(&[]);
    if !bold_heading && point_is_sentence(&h, &raw, (from, &column, alone), prose) {
        h.rest = raw.trim().to_string();
        h.title = String::new();
        h.presenters = Vec::new();
    }
    let mut presenters = h.presenters;
    let mut parts = opening_parts(span, i, &column, &h.rest);
    // The heading's lines and the body's.
    let mut extent = items::Extent::default();
    for l in span.get(..i).unwrap_or(&[]) {
        extent.push(l);
    }
    let mut first_body = true;
    for l in span.iter().skip(i) {
        if items::ends_item_body(&h.title, l) {
            break;
        }
        let text = l.text_ref();
        // A presenter line right under the heading: names and nothing else.
        // A heading that is a sentence (no title) runs on into the next line: no
        // presenter stands there; nor under an election, whose names are the elected.
        if first_body
            && presenters.is_empty()
            && !h.title.is_empty()
            && !crate::roles::elects(&h.title)
        {
            first_body = false;
            let (people, rest) = leading_people(text, false);
            let clean_end = rest.is_empty()
                || text.len() > rest.len()
                    && text
                        .get(..text.len() - rest.len())
                        .is_some_and(|h| h.trim_end().ends_with('.'));
            if !people.is_empty() && clean_end && people.iter().all(|p| p.contains(' ')) {
                presenters = people;
                if !rest.is_empty() {
                    parts.push((Some(l), Cow::Owned(plain_words(&rest))));
                }
                extent.push(l);
                continue;
            }
        }
        first_body = false;
        extent.push(l);
        // The line's own words, borrowed: a body may run over many lines.
        parts.push((Some(l), Cow::Borrowed(&l.words[..])));
    }
    let mut it = items::item(
        label.number.clone(),
        h.title,
        presenters,
        body_text(&parts),
        extent,
    );
    it.case_number = case_number;
    it
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{label, line as line_y, text_line};

    fn line(words: &[(&str, f32)]) -> PLine<'static> {
        line_y(0.0, words)
    }

    #[test]
    fn a_heading_in_a_table_row_is_its_label_s_column() {
        use crate::view::testing::row;
        // "1. Ordförande hälsar | Ingmar hälsade oss" / "välkommen |": the heading is
        // the left column, wrapped; the right column opens the body.
        let span = [
            row(
                100.0,
                &[
                    &[("1.", 50.0), ("Ordförande", 70.0), ("hälsar", 140.0)],
                    &[("Ingmar", 300.0), ("hälsade", 345.0), ("oss", 395.0)],
                ],
            ),
            row(112.0, &[&[("välkommen", 70.0)]]),
        ];
        let item = read_item(&label(1, 0), &span, false);
        assert_eq!(item.title, "Ordförande hälsar välkommen");
        assert!(item.text.starts_with("Ingmar hälsade oss"), "{}", item.text);
    }

    #[test]
    fn minutes_that_number_sentences_keep_their_short_headings() {
        let lines = vec![
            text_line(100.0, "1. Mötets öppnande."),
            text_line(
                112.0,
                "2. Niclas Moberg omvaldes som ordförande för kommande år.",
            ),
            text_line(
                124.0,
                "3. Datum för årsmöte är satt till den 7:e mars kl 19.",
            ),
            text_line(
                136.0,
                "4. Vi avvaktar med trädfällning tills beslut tagits.",
            ),
        ];
        let labels: Vec<_> = (0..4).map(|i| label(i as u32 + 1, i)).collect();
        assert!(numbers_sentences(&labels, &lines));
        let read = |i: usize| read_item(&labels[i], &lines[i..=i], true);
        assert_eq!(read(0).title, "Mötets öppnande");
        assert_eq!(read(1).title, "");
        assert_eq!(read(2).title, "");
        assert!(read(3).text.starts_with("Vi avvaktar"));
        // An agenda of headings numbers no sentences; a long noun phrase stays a heading.
        let agenda = vec![
            text_line(100.0, "1. Mötets öppnande"),
            text_line(112.0, "2. Val av justerare"),
            text_line(
                124.0,
                "3. Beslut om mål- och resursplan inklusive budget för 2023",
            ),
        ];
        let labels: Vec<_> = (0..3).map(|i| label(i as u32 + 1, i)).collect();
        assert!(!numbers_sentences(&labels, &agenda));
        assert_ne!(read_item(&labels[2], &agenda[2..], true).title, "");
    }

    #[test]
    fn a_sub_item_under_the_heading_is_body() {
        let span = vec![
            text_line(100.0, "8. Fastställande av medlemsavgift"),
            text_line(112.0, "a. Beslut: medlemsavgiften för 2024 är"),
            text_line(124.0, "i. 300 kronor per medlem"),
        ];
        let it = read_item(&label(8, 0), &span, false);
        assert_eq!(it.title, "Fastställande av medlemsavgift");
        assert!(it.text.starts_with("a. Beslut:"), "{}", it.text);
    }

    #[test]
    fn a_lone_number_over_a_sentence_that_runs_on_has_no_title() {
        let span = vec![
            text_line(100.0, "7/"),
            text_line(
                112.0,
                "Styrelsens redovisning av verksamheten under tiden 2023,",
            ),
            text_line(124.0, "upplästes av sekreteraren och godkändes av mötet."),
        ];
        let it = read_item(&label(7, 0), &span, false);
        assert_eq!(it.title, "");
        assert!(it.text.starts_with("Styrelsens redovisning"), "{}", it.text);
        assert!(it.text.contains("godkändes av mötet"));
        // A heading under a lone number stays one.
        let span = vec![
            text_line(100.0, "7."),
            text_line(112.0, "Val av revisorer"),
            text_line(124.0, "Till revisor valdes Anna Berg."),
        ];
        assert_eq!(
            read_item(&label(7, 0), &span, false).title,
            "Val av revisorer"
        );
    }

    #[test]
    fn a_sentence_under_a_lone_number_runs_on_over_unfinished_lines() {
        // "Mat och": the line stops in mid-phrase; the verb is two lines down.
        let span = vec![
            text_line(100.0, "§1."),
            text_line(112.0, "Som låntagarne uti sockens Lazaretts, Mat och"),
            text_line(124.0, "Pollett kassor begärt nedsättning på räntan"),
            text_line(136.0, "beslöts att räntan nedsättes till fem procent."),
        ];
        let it = read_item(&label(1, 0), &span, false);
        assert_eq!(it.title, "");
        assert!(it.text.starts_with("Som låntagarne"), "{}", it.text);
        // A heading that ends with its colon does not run on into its text.
        let span = vec![
            text_line(100.0, "16."),
            text_line(112.0, "Övriga frågor:"),
            text_line(124.0, "till kassören för utförda reparationer på"),
            text_line(136.0, "vägen beslutades att lämna frågan till kassören."),
        ];
        assert_eq!(
            read_item(&label(16, 0), &span, false).title,
            "Övriga frågor"
        );
    }

    #[test]
    fn lone_numbers_over_long_sentences_number_sentences() {
        let lines = vec![
            text_line(100.0, "§1."),
            text_line(112.0, "Som vid sammanträdet den 19 December nämn-"),
            text_line(
                124.0,
                "dens ledamöter voro så få tillstädes, beslöts nu godkänna dem.",
            ),
            text_line(136.0, "§2."),
            text_line(148.0, "Till begrafningshjelp åt aflidne understödstagaren"),
            text_line(160.0, "beviljades kista och kontant tio kronor."),
            text_line(172.0, "§3."),
            text_line(184.0, "Att biträda ordföranden vid uppbördena å"),
            text_line(
                196.0,
                "kommunens utskylder utsågs Fjerdingsmannen P J Söderqvist.",
            ),
        ];
        let labels = vec![label(1, 0), label(2, 3), label(3, 6)];
        assert!(numbers_sentences(&labels, &lines));
        // Headings under lone numbers do not.
        let lines = vec![
            text_line(100.0, "1."),
            text_line(112.0, "Mötets öppnande"),
            text_line(
                124.0,
                "Ordföranden hälsade alla välkomna och förklarade mötet öppnat.",
            ),
            text_line(136.0, "2."),
            text_line(148.0, "Val av justerare"),
            text_line(160.0, "Till justerare valdes Anna Berg och Bo Ek av mötet."),
            text_line(172.0, "3."),
            text_line(184.0, "Ekonomi"),
            text_line(
                196.0,
                "Kassören redogjorde för den ekonomiska ställningen i föreningen.",
            ),
        ];
        let labels = vec![label(1, 0), label(2, 3), label(3, 6)];
        assert!(!numbers_sentences(&labels, &lines));
    }

    #[test]
    fn short_sentences_that_report_acts_number_sentences() {
        let lines = vec![
            text_line(100.0, "§1. Mötet öppnades av ordföranden."),
            text_line(112.0, "§2. Till mötets ordförande valdes Henrik Lindman."),
            text_line(124.0, "§3. Som revisorer omvaldes Bo Ek och Tore Svensson."),
            text_line(
                136.0,
                "§4. Släktmötet uttryckte sin stora tacksamhet över hemsidan och",
            ),
        ];
        let labels = vec![label(1, 0), label(2, 1), label(3, 2), label(4, 3)];
        assert!(numbers_sentences(&labels, &lines));
        let it = read_item(&labels[3], &lines[3..], true);
        assert_eq!(it.title, "");
        // Headings with a few reported acts among them do not.
        let lines = vec![
            text_line(100.0, "1. Mötets öppnande"),
            text_line(112.0, "2. Val av ordförande"),
            text_line(124.0, "3. Dagordningen godkändes"),
            text_line(136.0, "4. Övriga frågor"),
        ];
        assert!(!numbers_sentences(&labels, &lines));
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
        let it = read_item(&label(9, 0), &span, false);
        assert_eq!(
            it.title,
            "Ett projekt för ungdomar i anpassad gymnasieskola och deras anhöriga"
        );
        assert_eq!(it.presenters, ["Hanna Eriksson", "Annika Jeppsson"]);
        assert!(it.text.contains("Hanna och Annika informerar"));
    }

    #[test]
    fn a_sentence_point_keeps_the_names_after_its_dashes() {
        let span = vec![
            text_line(100.0, "1. För mötet valdes till"),
            text_line(112.0, "a. ordförande – Nicole Medin"),
            text_line(124.0, "b. två justerare – Johanna Knapp och Gunilla Wiik"),
        ];
        let it = read_item(&label(1, 0), &span, false);
        assert_eq!(it.title, "");
        assert!(it.presenters.is_empty());
        assert!(it.text.ends_with("– Johanna Knapp och Gunilla Wiik"));
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
        let got = lost_labels(&[label(3, 5), label(4, 6)], &lines);
        let found: Vec<(u32, usize)> = got.iter().map(|l| (l.value, l.line)).collect();
        assert_eq!(found, [(1, 1), (2, 3), (3, 5), (4, 6)]);
        // A count that does not match leaves the chain alone.
        let got = lost_labels(&[label(4, 5), label(5, 6)], &lines);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn lost_numbers_behind_scraps_body_and_in_a_gap() {
        let lines = vec![
            line(&[("Mötet", 86.0), ("öppnas", 120.0)]),
            line(&[("Pont", 50.0)]),
            line(&[("Se", 52.0), ("Rapport", 87.0), ("från", 130.0)]),
            // The body of item 2, at the number margin, then item 3 (skewed scan).
            line(&[("Ingmar", 54.0), ("rapporterar", 100.0)]),
            line(&[("Riktlinje", 55.0), ("antogs", 100.0)]),
            line(&[("3.", 58.0), ("Reflektion", 93.0)]),
            line(&[("Grupperna", 59.0), ("diskuterade", 110.0)]),
            // Item 4 lost its number to a scrap; its heading wraps onto a capitalised line.
            line(&[("i", 58.0), ("Rapport", 94.0), ("om", 140.0)]),
            line(&[("Gustafsson", 94.0)]),
            line(&[("Ammi", 58.0), ("informerar", 100.0)]),
            line(&[("5.", 57.0), ("Samverkansplan", 91.0)]),
        ];
        // The chain the OCR layer left: 3 and 5, at a skewed margin.
        let chain = || {
            let mut three = label(3, 5);
            three.x0 = 58.0;
            let mut five = label(5, 10);
            five.x0 = 57.0;
            [three, five]
        };
        let got = lost_labels(&chain(), &lines);
        let found: Vec<(u32, usize, usize)> =
            got.iter().map(|l| (l.value, l.line, l.consumed)).collect();
        assert_eq!(
            found,
            [(1, 0, 0), (2, 2, 1), (3, 5, 1), (4, 7, 1), (5, 10, 1)]
        );
        // Body indented like the headings opens no block of its own: no item 4 then.
        let mut hanging = lines.clone();
        for l in &mut hanging[6..10] {
            for w in l.words.to_mut() {
                w.bbox.x0 = w.bbox.x0.max(93.0);
            }
        }
        let got = lost_labels(&chain(), &hanging);
        assert!(got.iter().all(|l| l.value != 4), "{got:?}");
    }
}
