//! Segmentation of minutes: from pages of (repaired) text to the meeting, its agenda
//! items, attendance and future meeting dates. Never sees a PDF.
//!
//! Items are read by one of the registered layout parsers ([`registry`]): each says
//! how well it fits the document's structure and the best one reads it. Metadata,
//! attendance and meeting dates are read the same way for every layout.
//!
//! ```
//! use protokoll_model::{Cell, Document, Line, Page, Word};
//! let line = |t: &str| Line { cells: vec![Cell { column: 0, words: t.split(' ').map(|w| Word { text: w.into(), ..Word::default() }).collect() }], ..Line::default() };
//! let doc = Document { pages: vec![Page { number: 1, lines: vec![line("Protokoll 2025-03-21"), line("1. Mötet öppnas"), line("2. Val av justerare")], ..Page::default() }], ..Document::default() };
//! let parsed = protokoll_parse::parse(&doc);
//! assert_eq!(parsed.items.len(), 2);
//! assert_eq!(parsed.meeting.date.as_deref(), Some("2025-03-21"));
//! ```
#![deny(missing_docs)]

mod attendance;
mod dates;
mod decisions;
mod heading;
mod items;
mod layouts;
mod meta;
mod names;
pub mod params;
mod people_table;
mod roles;
mod schedule;
mod sections;
mod view;
mod votes;
mod words;

use protokoll_model::record::{Problem, ProblemCode};
use protokoll_model::{Document, Item, Parsed};

pub use layouts::registry;
pub use view::{PLine, View};

/// A parser for one family of document layouts.
///
/// [`parse`] asks every registered parser how well it fits a document
/// ([`LayoutParser::fit`], 0.0 = not at all, 1.0 = certainly) and lets the best one read
/// the items. Parsers work on the [`View`] of the extracted, repaired document, built
/// once per parse: they never see the PDF. Metadata, attendance and meeting dates are
/// read the same way for every layout, outside the parsers.
pub trait LayoutParser: Sync {
    /// A short stable name, e.g. `"agenda-table"`; the record names the winner.
    fn name(&self) -> &'static str;
    /// How well this parser fits the document's structure, in `0.0..=1.0`.
    fn fit(&self, view: &View<'_>) -> f32;
    /// The items of the document.
    fn items(&self, view: &View<'_>) -> Vec<Item>;
}

/// Parses a document with the best-fitting layout parser.
pub fn parse(doc: &Document) -> Parsed {
    parse_within(doc, &protokoll_model::Budget::unlimited())
}

/// [`parse`] under a document's time budget: after the items it looks at the clock, and
/// once the budget is spent it returns the items without metadata and attendance (the
/// caller marks the record).
pub fn parse_within(doc: &Document, budget: &protokoll_model::Budget) -> Parsed {
    let view = View::new(doc);
    let parsers = registry();
    let mut best: Option<(&dyn LayoutParser, f32)> = None;
    for p in &parsers {
        let f = p.fit(&view);
        if best.is_none_or(|(_, bf)| f > bf) {
            best = Some((p.as_ref(), f));
        }
    }
    let layout = best.map(|(p, fit)| protokoll_model::record::LayoutFit {
        parser: p.name().to_string(),
        // Two decimals: the fit is a judgement, and the JSON stays stable.
        fit: (fit * 100.0).round() / 100.0,
    });
    let items = best.map(|(p, _)| p.items(&view)).unwrap_or_default();
    if budget.check().is_err() {
        return Parsed {
            items,
            layout,
            ..Parsed::default()
        };
    }
    let texts = view::reading_texts(doc);
    let head_len = first_item_line(&texts, items.first().map(|i| i.number.as_str()));
    let mut meeting = meta::meeting(&texts, head_len, &items);
    from_headers(doc, &mut meeting);
    // Attendance reads whole lines: a name and its organisation may stand in two cells.
    let lines = view.lines();
    // Tables of people under a header row are read by their columns.
    let (tabled, table_lines) = people_table::people_tables(lines);
    let mut entries: Vec<EntryLine<'_>> = Vec::new();
    let mut elected = false;
    let election_boxes: Vec<&protokoll_model::PageBox> = items
        .iter()
        .filter(|it| roles::elects(&it.title))
        .flat_map(|it| &it.boxes)
        .collect();
    // Rows a side-by-side block of lists took (read column by column).
    let mut taken_until = 0;
    for (i, l) in lines.iter().enumerate() {
        if table_lines.binary_search(&i).is_ok() || i < taken_until {
            continue;
        }
        if let Some((used, columns)) = side_by_side(lines, i) {
            entries.extend(columns);
            taken_until = i + used;
            continue;
        }
        // Under an election, a heading that names members by office opens the list of
        // the elected ("Val till styrelsen" / "Ordinarie ledamöter:"), to the item's end.
        let in_election = !election_boxes.is_empty() && in_boxes(l, &election_boxes);
        elected = in_election && (elected || attendance::office_heading(l.text_ref()));
        if elected {
            continue;
        }
        // A list heading in a table's left cell ("Beslutande ledamöter | Lina Jörnkrans
        // S") or before a tab stop: the heading, then the rest as the first entry.
        // (A presence heading before a tab stop needs no colon or bold to be one:
        // "Närvarande ⟶ Margareta Johansson".)
        let lead = l.lead(3).or_else(|| {
            view::before_tab(&l.words)
                .filter(|h| h.len() <= 3 && attendance::listed_presence(&view::join(h)).is_some())
        });
        if let Some(head) = lead {
            let head_text = view::join(head);
            let is_heading = attendance::section_of(&head_text).is_some_and(|(_, r)| r.is_empty());
            let rest = l.words.get(head.len()..).unwrap_or(&[]);
            if is_heading && !rest.is_empty() {
                entries.push((l.page, head_text, head));
                entries.extend(column_entries(l.page, rest));
                continue;
            }
        }
        if let Some(columns) = column_lines(l.page, &l.words) {
            entries.extend(columns);
            continue;
        }
        entries.push(line_entry(l));
    }
    let mut attendance = attendance::attendance(&entries, &meeting.bodies);
    attendance.extend(tabled);
    no_labels_for_officers(&mut meeting);
    officers_by_role(&mut meeting, &attendance);
    canonical_officers(&mut meeting, &attendance, &texts);
    let meeting_dates = schedule::meeting_dates(&texts, &items, meeting.date.as_deref());
    let mut warnings = Vec::new();
    if items.is_empty() {
        warnings.push(Problem {
            code: ProblemCode::NoItems,
            message: "no numbered agenda items were found".into(),
            page: None,
        });
    }
    if meeting.date.is_none() {
        warnings.push(Problem {
            code: ProblemCode::NoDate,
            message: "the meeting date was not found".into(),
            page: None,
        });
    }
    Parsed {
        meeting,
        items,
        attendance,
        meeting_dates,
        warnings,
        layout,
    }
}

/// One word read where an officer's name should be that is a label, not a name: a role
/// in its definite form ("Ordföranden"), a list heading ("Närvarande"), a word that is
/// no name ("Underskrifter"). The officer stays unknown rather than wrong.
fn no_labels_for_officers(m: &mut protokoll_model::record::Meeting) {
    let label = |n: &str| {
        let t = n.trim().trim_end_matches(':');
        if t.contains(char::is_whitespace) {
            return false;
        }
        let l = t.to_lowercase();
        let role = [Some(l.as_str()), l.strip_suffix('n'), l.strip_suffix("en")]
            .into_iter()
            .flatten()
            .any(|s| roles::role_label(s).is_some_and(|(_, rest)| rest.is_empty()));
        role || words::WORDS.not_names.contains(&l.as_str())
            || attendance::section_of(t).is_some_and(|(_, rest)| rest.is_empty())
    };
    if m.chair.as_deref().is_some_and(label) {
        m.chair = None;
    }
    if m.secretary.as_deref().is_some_and(label) {
        m.secretary = None;
    }
    m.adjusters.retain(|a| !label(&a.name));
}

/// The chair and secretary the attendance list marks by role ("Suzanne Frank (m),
/// ordf", "Östman Katarina, ungdomsledare, prot.förare"), where nothing else said.
fn officers_by_role(
    meeting: &mut protokoll_model::record::Meeting,
    attendance: &[protokoll_model::record::Attendance],
) {
    let by_role = |is_role: fn(&str) -> bool| {
        attendance
            .iter()
            .find(|a| a.role.as_deref().is_some_and(is_role))
            .map(|a| a.name.clone())
    };
    meeting.chair = meeting
        .chair
        .take()
        .or_else(|| by_role(roles::is_chair_role));
    meeting.secretary = meeting
        .secretary
        .take()
        .or_else(|| by_role(roles::is_secretary_role));
}

/// Officers named by one name only, given ("Per och Josefine utsågs till justerare")
/// or family ("Utses att justera: Lorentzon (KD)"), get the full name of the one
/// person of the attendance list with that name, or else the one full name the
/// document writes with it ("Reidun Lorentzon (KD) och … utses att justera").
fn canonical_officers(
    m: &mut protokoll_model::record::Meeting,
    att: &[protokoll_model::record::Attendance],
    texts: &[String],
) {
    let one_of = |mut hits: Vec<String>| -> Option<String> {
        hits.sort();
        hits.dedup();
        // Two people of that name (or one written two ways): ambiguous.
        match hits.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    };
    // A full name that opens or ends with the one name.
    let matches = |n: &str, short: &str| {
        n.contains(' ')
            && (n.split(' ').next() == Some(short) || n.rsplit(' ').next() == Some(short))
    };
    let full = |short: &str| -> Option<String> {
        if short.contains(' ') || !names::is_name_word(short) {
            return None;
        }
        let listed: Vec<String> = att
            .iter()
            .map(|a| a.name.clone())
            .filter(|n| matches(n, short))
            .collect();
        if !listed.is_empty() {
            return one_of(listed);
        }
        let written: Vec<String> = texts
            .iter()
            // A line without the name holds no pair with it (most lines).
            .filter(|t| t.contains(short))
            .flat_map(|t| {
                let words: Vec<&str> = t
                    .split_whitespace()
                    // A party in brackets ("(KD)") and a label ("Förslag:") are no
                    // part of a name.
                    .map(|w| {
                        if w.starts_with('(') || w.ends_with(':') {
                            ""
                        } else {
                            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                        }
                    })
                    .collect();
                // Two name words, the one name first or last; joined only then.
                words
                    .windows(2)
                    .filter(|p| p.contains(&short) && p.iter().all(|w| names::is_name_word(w)))
                    .map(|p| p.join(" "))
                    .collect::<Vec<_>>()
            })
            .collect();
        one_of(written)
    };
    for name in [&mut m.chair, &mut m.secretary].into_iter().flatten() {
        if let Some(f) = full(name) {
            *name = f;
        }
    }
    for a in &mut m.adjusters {
        if let Some(f) = full(&a.name) {
            a.name = f;
        }
    }
}

/// A line as an attendance entry: its cells joined by ", " (a name and its organisation
/// may stand in two cells), or by a space where one name is split over two.
/// The line stands inside one of `boxes` (those of the items that elect people,
/// [`roles::elects`]).
fn in_boxes(l: &view::PLine, boxes: &[&protokoll_model::PageBox]) -> bool {
    let Some(b) = view::bbox(&l.words) else {
        return false;
    };
    let mid = (b.y0 + b.y1) / 2.0;
    boxes
        .iter()
        .any(|x| x.page == l.page && x.y0 <= mid && mid <= x.y1)
}

/// Names set in columns, a table's or tab stops' ("Stefan Nyström ⟶ Annicka
/// Hellströmer"), after the list's heading or not: the heading, then one entry a column.
fn column_lines(page: u32, words: &[protokoll_model::Word]) -> Option<Vec<EntryLine<'_>>> {
    let (head, segs) = view::headed_columns(words, |h| {
        attendance::section_of(&view::join(h)).is_some_and(|(_, r)| r.is_empty())
    })?;
    Some(
        head.into_iter()
            .chain(segs)
            .map(|s| (page, view::join(s), s))
            .collect(),
    )
}

/// The entries of a list's words: one per column where names stand in columns, else
/// the words as one.
fn column_entries(page: u32, words: &[protokoll_model::Word]) -> Vec<EntryLine<'_>> {
    column_lines(page, words).unwrap_or_else(|| vec![(page, view::join(words), words)])
}

fn line_entry<'a>(l: &'a view::PLine<'_>) -> (u32, String, &'a [protokoll_model::Word]) {
    // One cell: the line's text as it is.
    if l.cell(1).is_none() {
        return (l.page, l.text(), &l.words[..]);
    }
    // Written into one string, sized once (a cell's text is not built apart).
    let mut text = String::with_capacity(l.words.iter().map(|w| w.text.len() + 2).sum());
    let mut prev: &[protokoll_model::Word] = &[];
    for (_, words) in l.cells() {
        if !text.is_empty() {
            let sep = if text.ends_with(',') || split_name(prev, words) {
                " "
            } else {
                ", "
            };
            text.push_str(sep);
        }
        view::push_joined(&mut text, words);
        prev = words;
    }
    (l.page, text, &l.words[..])
}

/// What the page headers say that the text does not: the document's kind and date
/// ("SÄFFLE KOMMUN PROTOKOLL 1", "LiTHe Kod    2013-10-09"), from the first page
/// header that has one.
fn from_headers(doc: &Document, meeting: &mut protokoll_model::record::Meeting) {
    let headers = || {
        doc.pages
            .iter()
            .flat_map(|p| p.lines.iter().filter(|l| l.furniture))
    };
    if meeting.kind.is_none() {
        meeting.kind = headers().find_map(|l| meta::kind_in_header(&l.text()));
    }
    if meeting.date.is_none() {
        meeting.date = headers()
            .find_map(|l| dates::find_date(&l.text(), false))
            .map(|f| f.iso);
    }
}

/// A line as attendance reads it: page, text, words.
type EntryLine<'a> = (u32, String, &'a [protokoll_model::Word]);

/// Lists set side by side under a row of their headings ("Beslutande | Ersättare", then
/// "Sandberg, Henrik | Wärn, Mathias" …): how many lines the block takes, and its
/// entries column by column (each heading, then the names under it). The block ends at
/// a line with a heading of its own or outside the table.
fn side_by_side<'a>(
    lines: &'a [view::PLine<'_>],
    at: usize,
) -> Option<(usize, Vec<EntryLine<'a>>)> {
    let head = lines.get(at)?;
    // Asked of every line: most are outside a table or have one cell.
    if head.region.is_none() || head.cell(1).is_none() {
        return None;
    }
    let heads: Vec<(usize, &[protokoll_model::Word])> = head.cells().collect();
    let heading = |w: &[protokoll_model::Word]| {
        attendance::section_of(&view::join(w)).is_some_and(|(_, rest)| rest.is_empty())
    };
    if !heads.iter().all(|(_, w)| heading(w)) {
        return None;
    }
    let region = head.region.map(|(r, _)| r);
    let mut rows = Vec::new();
    for l in lines.get(at + 1..).unwrap_or(&[]) {
        let first = l.cell(0).unwrap_or(&[]);
        if l.region.map(|(r, _)| r) != region || heading(first) {
            break;
        }
        rows.push(l);
    }
    let mut out = Vec::new();
    for (column, words) in &heads {
        out.push((head.page, view::join(words), *words));
        for l in &rows {
            if let Some((_, cell)) = l.cells().find(|(c, _)| c == column) {
                out.push((l.page, view::join(cell), cell));
            }
        }
    }
    Some((rows.len() + 1, out))
}

/// A name split over two cells ("Jimmy | Nordengren, Örebro kommun", "- Malin |
/// Duckert Ek, utvecklingsledare": an OCR layer's wide word gaps can look like a
/// column gutter): a lone first name left (after a bullet), a capitalised word first
/// right; a role label left ("Ordförande | Anna Berg") is not a first name.
fn split_name(left: &[protokoll_model::Word], right: &[protokoll_model::Word]) -> bool {
    let bullet = |w: &protokoll_model::Word| matches!(&*w.text, "-" | "–" | "•");
    let left: Vec<&protokoll_model::Word> = left.iter().filter(|w| !bullet(w)).collect();
    let first_name = matches!(left.as_slice(), [w] if names::is_name_word(&w.text)
        && !names::is_role(&w.text)
        && w.text.chars().all(|c| c.is_alphabetic() || c == '-'));
    first_name
        && right.first().is_some_and(|w| {
            names::is_name_word(&w.text) && !names::is_role(&w.text) && w.text.len() > 2
        })
}

/// Index of the first reading line that opens item `number` (the head ends there).
fn first_item_line(lines: &[String], number: Option<&str>) -> usize {
    let Some(n) = number else {
        return lines.len().min(40);
    };
    let forms = [
        format!("{n}."),
        format!("{n})"),
        format!("§{n}"),
        format!("§ {n}"),
    ];
    // "1 Mötets öppnande": the number, a space and a capital (not "1 januari", "1 (3)").
    let spaced = format!("{n} ");
    let bare = |l: &str| {
        l.strip_prefix(spaced.as_str())
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    };
    lines
        .iter()
        .position(|l| {
            let l = l.trim_start();
            forms.iter().any(|f| l.starts_with(f.as_str())) || l.trim_end() == n || bare(l)
        })
        .unwrap_or(lines.len().min(40))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table cell in `column` holding the words of `t`.
    fn cell(column: usize, t: &str) -> protokoll_model::Cell {
        protokoll_model::Cell {
            column,
            words: t
                .split(' ')
                .map(|w| protokoll_model::Word {
                    text: w.into(),
                    ..protokoll_model::Word::default()
                })
                .collect(),
        }
    }

    #[test]
    fn the_head_ends_at_the_first_item_whatever_its_label() {
        let l = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        let lines = l(&[
            "Styrelsemöte",
            "1 januari 2013",
            "1 (3)",
            "1 Mötets öppnande",
            "x",
        ]);
        assert_eq!(first_item_line(&lines, Some("1")), 3);
        assert_eq!(
            first_item_line(&l(&["Protokoll", "§ 1 Öppnande"]), Some("1")),
            1
        );
    }

    #[test]
    fn a_name_split_over_two_cells_is_one_name() {
        let w = |t: &str| protokoll_model::Word {
            text: t.into(),
            ..protokoll_model::Word::default()
        };
        assert!(split_name(&[w("Jimmy")], &[w("Nordengren,"), w("Örebro")]));
        assert!(!split_name(&[w("Jimmy"), w("Nordengren")], &[w("Örebro,")]));
        assert!(!split_name(&[w("5.")], &[w("Rapport,")]));
        assert!(split_name(&[w("-"), w("Malin")], &[w("Duckert"), w("Ek,")]));
        assert!(!split_name(&[w("Ordförande")], &[w("Anna"), w("Berg")]));
    }

    #[test]
    fn labels_read_for_officers_are_dropped() {
        use protokoll_model::record::{Adjuster, Meeting};
        let mut m = Meeting {
            chair: Some("Ordföranden".into()),
            secretary: Some("Underskrifter".into()),
            adjusters: vec![
                Adjuster {
                    name: "Närvarande".into(),
                    date: None,
                },
                Adjuster {
                    name: "Eva Ek".into(),
                    date: None,
                },
            ],
            ..Meeting::default()
        };
        no_labels_for_officers(&mut m);
        assert_eq!(m.chair, None);
        assert_eq!(m.secretary, None);
        let names: Vec<&str> = m.adjusters.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Eva Ek"]);
        // A one-word name stays.
        let mut m = Meeting {
            chair: Some("Josefine".into()),
            ..Meeting::default()
        };
        no_labels_for_officers(&mut m);
        assert_eq!(m.chair.as_deref(), Some("Josefine"));
    }

    #[test]
    fn officers_named_by_given_name_get_the_attendance_list_s_full_name() {
        use protokoll_model::record::{Adjuster, Attendance, Meeting};
        let person = |n: &str| Attendance {
            name: n.into(),
            ..Attendance::default()
        };
        let att = [
            person("Per Asklund"),
            person("Josefine Malm"),
            person("Anna Berg"),
            person("Anna Ek"),
        ];
        let mut m = Meeting {
            chair: Some("Josefine".into()),
            secretary: Some("Anna".into()),
            adjusters: vec![Adjuster {
                name: "Per".into(),
                date: None,
            }],
            ..Meeting::default()
        };
        canonical_officers(&mut m, &att, &[]);
        assert_eq!(m.chair.as_deref(), Some("Josefine Malm"));
        // Two Annas: which one is not said.
        assert_eq!(m.secretary.as_deref(), Some("Anna"));
        assert_eq!(m.adjusters[0].name, "Per Asklund");
        // A family name the list lacks: the one full name the text writes with it, a
        // party in brackets being no given name.
        let mut m = Meeting {
            adjusters: vec![Adjuster {
                name: "Lorentzon".into(),
                date: None,
            }],
            ..Meeting::default()
        };
        let texts = [
            "Utses att justera: Lorentzon (KD) och Gunilla Nordberg (S)".to_string(),
            "Reidun Lorentzon (KD) och Gunilla Nordberg (S) utses att justera".to_string(),
        ];
        canonical_officers(&mut m, &att, &texts);
        assert_eq!(m.adjusters[0].name, "Reidun Lorentzon");
        // A label before the name is no given name.
        let mut m = Meeting {
            chair: Some("John".into()),
            ..Meeting::default()
        };
        let texts = [
            "Förslag: John Herrlin.".to_string(),
            "Mötet valde John till ordförande.".to_string(),
        ];
        canonical_officers(&mut m, &[], &texts);
        assert_eq!(m.chair.as_deref(), Some("John Herrlin"));
    }

    #[test]
    fn a_front_page_form_without_row_rules_reads_label_by_value() {
        use protokoll_model::{Cell, Line, Page};
        // One tall table row, as an extractor sees a form with no rules between rows.
        let row = |cells: Vec<Cell>| Line {
            cells,
            region: Some(0),
            row: Some(0),
            ..Line::default()
        };
        let doc = Document {
            pages: vec![Page {
                number: 1,
                lines: vec![
                    row(vec![
                        cell(0, "Plats och tid"),
                        cell(1, "Kommunhusets tingssal måndagen den 8 januari 2007"),
                    ]),
                    row(vec![cell(1, "kl 08.30-09.30")]),
                    row(vec![cell(0, "Sekreterare"), cell(1, "……………")]),
                    row(vec![cell(1, "Anders Svensson")]),
                ],
                ..Page::default()
            }],
            ..Document::default()
        };
        assert_eq!(
            view::reading_texts(&doc),
            [
                "Plats och tid: Kommunhusets tingssal måndagen den 8 januari 2007 kl 08.30-09.30",
                "Sekreterare: ……………",
                "Anders Svensson"
            ]
        );
        let p = parse(&doc);
        assert_eq!(p.meeting.location.as_deref(), Some("Kommunhusets tingssal"));
        assert_eq!(p.meeting.start_time.as_deref(), Some("08:30"));
        assert_eq!(p.meeting.secretary.as_deref(), Some("Anders Svensson"));

        // A grid of signatures in table cells: names side by side, no "label: value".
        let doc = Document {
            pages: vec![Page {
                number: 1,
                lines: vec![
                    Line {
                        cells: vec![cell(0, "Justeras:")],
                        ..Line::default()
                    },
                    Line {
                        row: Some(1),
                        ..row(vec![cell(0, "Stefan Ingves"), cell(1, "Cecilia Skingsley")])
                    },
                    Line {
                        row: Some(2),
                        ..row(vec![cell(0, "Martin Flodén"), cell(1, "Per Jansson")])
                    },
                ],
                ..Page::default()
            }],
            ..Document::default()
        };
        assert_eq!(
            view::reading_texts(&doc),
            [
                "Justeras:",
                "Stefan Ingves, Cecilia Skingsley",
                "Martin Flodén, Per Jansson"
            ]
        );
        let adjusters: Vec<String> = parse(&doc)
            .meeting
            .adjusters
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            adjusters,
            [
                "Stefan Ingves",
                "Cecilia Skingsley",
                "Martin Flodén",
                "Per Jansson"
            ]
        );
    }

    #[test]
    fn a_page_header_dates_a_document_whose_text_does_not() {
        use protokoll_model::{Line, Page};
        let line = |t: &str, furniture: bool| Line {
            cells: vec![cell(0, t)],
            furniture,
            ..Line::default()
        };
        let doc = Document {
            pages: vec![Page {
                number: 1,
                lines: vec![
                    line("LiTHe Kod 2013-10-09", true),
                    line("1. Mötets öppnande", false),
                    line("2. Val av mötesfunktionärer", false),
                ],
                ..Page::default()
            }],
            ..Document::default()
        };
        assert_eq!(parse(&doc).meeting.date.as_deref(), Some("2013-10-09"));
    }

    #[test]
    fn lists_side_by_side_are_read_column_by_column() {
        use protokoll_model::{Cell, Line, Page};
        let row = |n: u32, cells: Vec<Cell>| Line {
            cells,
            region: Some(0),
            row: Some(n),
            ..Line::default()
        };
        let doc = Document {
            pages: vec![Page {
                number: 1,
                lines: vec![
                    row(0, vec![cell(0, "Beslutande"), cell(1, "Ersättare")]),
                    row(
                        1,
                        vec![cell(0, "Sandberg, Henrik"), cell(1, "Wärn, Mathias")],
                    ),
                    row(
                        2,
                        vec![cell(0, "Lindfors, Ralf"), cell(1, "Björkskog, Eva")],
                    ),
                ],
                ..Page::default()
            }],
            ..Document::default()
        };
        let p = parse(&doc);
        let got: Vec<(&str, protokoll_model::record::Group)> = p
            .attendance
            .iter()
            .map(|a| (a.name.as_str(), a.group))
            .collect();
        use protokoll_model::record::Group::{Member, Substitute};
        assert_eq!(
            got,
            [
                ("Sandberg, Henrik", Member),
                ("Lindfors, Ralf", Member),
                ("Wärn, Mathias", Substitute),
                ("Björkskog, Eva", Substitute)
            ]
        );
    }
}
