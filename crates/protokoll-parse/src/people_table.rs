//! Attendance set as a table with a header row naming its columns ("Funktion Namn
//! E-mail", "Förnamn Efternamn Partibeteckning"): each row below is one person, its
//! words assigned to columns by where the header's labels stand. The columns say which
//! part is the name, the role, the party, the organisation; no wording of the rows is
//! needed, and a name may be anything the row holds there (nicknames in quotes too).

use crate::view::{self, PLine};
use protokoll_model::record::Attendance;
use protokoll_model::Word;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    First,
    Last,
    Role,
    Party,
    Org,
    /// Anything else (e-mail, signature): read past.
    Other,
}

/// Header labels (lowercased) and their columns: `data/people_columns.tsv`.
static HEADERS: std::sync::LazyLock<Vec<(String, Col)>> = std::sync::LazyLock::new(|| {
    crate::sections::phrase_table(include_str!("../data/people_columns.tsv"), |c| {
        Some(match c {
            "name" => Col::Name,
            "first" => Col::First,
            "last" => Col::Last,
            "role" => Col::Role,
            "party" => Col::Party,
            "org" => Col::Org,
            "other" => Col::Other,
            _ => return None,
        })
    })
});

fn column_of(word: &str) -> Option<Col> {
    let t = word.trim_end_matches([':', ',']);
    if t.is_ascii() {
        // Every line's first word is asked: an ASCII word is read as its lowercase
        // without building that string.
        if t.as_bytes()
            .windows(4)
            .any(|b| b.eq_ignore_ascii_case(b"mail"))
        {
            return Some(Col::Other);
        }
        let is_lower_of_t = |h: &str| {
            h.len() == t.len()
                && h.bytes()
                    .zip(t.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        };
        return HEADERS
            .iter()
            .find(|(h, _)| is_lower_of_t(h))
            .map(|(_, c)| *c);
    }
    let w = t.to_lowercase();
    // "E-mail", "Email", "E-mail/CID": an address column, however it is written.
    if w.contains("mail") {
        return Some(Col::Other);
    }
    HEADERS.iter().find(|(h, _)| *h == w).map(|(_, c)| *c)
}

/// A header row: every word a column label, a name among them, two columns or more.
/// Gives each column's left edge.
fn header(l: &PLine) -> Option<Vec<(f32, Col)>> {
    let cols: Vec<(f32, Col)> = l
        .words
        .iter()
        .map(|w| column_of(&w.text).map(|c| (w.bbox.x0, c)))
        .collect::<Option<_>>()?;
    let named = cols
        .iter()
        .any(|(_, c)| matches!(c, Col::Name | Col::First | Col::Last));
    (cols.len() >= 2 && named).then_some(cols)
}

/// The column a word at `x0` stands in: the last whose label starts at or before it
/// (a little slack: a value may start a few points left of its label).
fn column_at(cols: &[(f32, Col)], x0: f32) -> Col {
    cols.iter()
        .rev()
        .find(|(cx, _)| *cx <= x0 + COLUMN_SLACK)
        .or(cols.first())
        .map_or(Col::Other, |(_, c)| *c)
}

/// The widest gap between two rows of one table, in font sizes.
const TABLE_ROW_GAP: f32 = 1.5;

/// How far left of its column's label a value may start, in points.
const COLUMN_SLACK: f32 = 4.0;

/// The people of such tables: the entries, and the lines they were read from (for the
/// other attendance readers to pass over).
pub fn people_tables(lines: &[PLine]) -> (Vec<Attendance>, Vec<usize>) {
    let mut out: Vec<Attendance> = Vec::new();
    let mut used = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(cols) = header(l) else {
            continue;
        };
        // The line before may head the table as an attendance list ("Närvarolista",
        // "Frånvarande"): it says the presence. Unheaded, only the document's first
        // table is the meeting's list (later ones belong to appendices: other
        // meetings' minutes, reports), of those who were there.
        let heading = i
            .checked_sub(1)
            .and_then(|k| lines.get(k))
            .map(PLine::text)
            .filter(|t| crate::attendance::section_of(t).is_some());
        if heading.is_none() && !out.is_empty() {
            continue;
        }
        let present = heading
            .as_deref()
            .and_then(crate::attendance::listed_presence)
            .unwrap_or(true);
        used.push(i);
        let mut k = i + 1;
        while let Some(row) = lines.get(k) {
            // The table ends at a gap of more than a line, or at a row whose name
            // column is empty (a heading, running text); it may run on over a page.
            let prev = lines.get(k - 1).unwrap_or(row);
            let close = row.page != prev.page || view::gap(prev, row) < TABLE_ROW_GAP;
            if !close || header(row).is_some() {
                break;
            }
            // "Repr: Roar Adelsten", "Ombud: …" under a row: who acted for that row's
            // member (a voting register), the member's role.
            // (Rows are read one after another, so past the first row the last entry
            // is this table's.)
            if let Some(proxy) = proxy_line(&row.text()).filter(|_| k > i + 1) {
                if let Some(a) = out.last_mut() {
                    a.role = Some(match a.role.take() {
                        Some(r) => format!("{r}, {proxy}"),
                        None => proxy,
                    });
                    used.push(k);
                    k += 1;
                    continue;
                }
            }
            match person(&cols, &row.words) {
                Some(mut a) => {
                    a.present = Some(present);
                    a.source = view::bbox(&row.words).map(|r| view::page_box(row.page, &r));
                    out.push(a);
                    used.push(k);
                }
                None => break,
            }
            k += 1;
        }
    }
    (out, used)
}

/// A row that is a label and a name ("Repr: Roar Adelsten", "Ombud:Anna Berg"): the
/// whole row, as the role of the member above it.
fn proxy_line(text: &str) -> Option<String> {
    let (label, rest) = text.split_once(':')?;
    let label = label.trim();
    let single_word = !label.is_empty() && label.chars().all(char::is_alphabetic);
    let named = rest.trim().starts_with(char::is_uppercase);
    (single_word && named && label.starts_with(char::is_uppercase)).then(|| text.trim().to_string())
}

/// One row as a person, when its name column holds a name.
fn person(cols: &[(f32, Col)], words: &[Word]) -> Option<Attendance> {
    let mut parts: Vec<(Col, Vec<&str>)> = Vec::new();
    for w in words {
        let c = column_at(cols, w.bbox.x0);
        match parts.last_mut() {
            Some((lc, ws)) if *lc == c => ws.push(&w.text),
            _ => parts.push((c, vec![&w.text])),
        }
    }
    let text = |want: Col| -> Option<String> {
        let t = parts
            .iter()
            .filter(|(c, _)| *c == want)
            .flat_map(|(_, ws)| ws.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        (!t.is_empty()).then_some(t)
    };
    let name = match (text(Col::Name), text(Col::First), text(Col::Last)) {
        (Some(n), _, _) => n,
        (None, Some(f), Some(l)) => format!("{f} {l}"),
        _ => return None,
    };
    // A name opens with a capital (a quote may open a nickname inside it, not the name).
    if !name.starts_with(char::is_uppercase) || name.split_whitespace().count() > 6 {
        return None;
    }
    Some(Attendance {
        name,
        group: protokoll_model::record::Group::Participant,
        role: text(Col::Role),
        party: text(Col::Party).map(|p| p.to_uppercase()),
        organisation: text(Col::Org),
        ..Attendance::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::line;

    #[test]
    fn a_voting_register_and_its_proxies() {
        let lines = [
            line(
                100.0,
                &[
                    ("NAMN", 50.0),
                    ("ANTAL", 300.0),
                    ("AKTIER", 340.0),
                    ("ANTAL", 420.0),
                    ("RÖSTER", 460.0),
                ],
            ),
            line(
                112.0,
                &[
                    ("Nordkap", 50.0),
                    ("AB", 100.0),
                    ("3800", 300.0),
                    ("3800", 420.0),
                ],
            ),
            line(124.0, &[("Repr:", 50.0), ("Bo", 80.0), ("Ek", 100.0)]),
            line(136.0, &[("Anna", 50.0), ("Berg", 80.0), ("800", 300.0)]),
        ];
        let (people, used) = people_tables(&lines);
        let got = crate::attendance::names_and_roles(&people);
        assert_eq!(
            got,
            [("Nordkap AB", Some("Repr: Bo Ek")), ("Anna Berg", None)]
        );
        assert_eq!(used, [0, 1, 2, 3]);
    }

    #[test]
    fn columns_by_the_header_s_labels() {
        let lines = [
            line(
                100.0,
                &[("Funktion", 50.0), ("Namn", 200.0), ("E-mail/CID", 400.0)],
            ),
            line(
                112.0,
                &[
                    ("Vice", 50.0),
                    ("mötesordförande", 80.0),
                    ("Hugo", 200.0),
                    ("Simonsson", 230.0),
                    ("hugosi", 400.0),
                ],
            ),
            line(
                124.0,
                &[
                    ("Kassör", 50.0),
                    ("Anna", 200.0),
                    ("“Micro”", 230.0),
                    ("Brunzell", 280.0),
                ],
            ),
            line(140.0, &[("Mötet", 50.0), ("öppnades", 80.0)]),
        ];
        let (people, used) = people_tables(&lines);
        let got = crate::attendance::names_and_roles(&people);
        assert_eq!(
            got,
            [
                ("Hugo Simonsson", Some("Vice mötesordförande")),
                ("Anna “Micro” Brunzell", Some("Kassör")),
            ]
        );
        assert_eq!(used, [0, 1, 2]);
        let lines = [
            line(
                100.0,
                &[
                    ("Förnamn", 50.0),
                    ("Efternamn", 150.0),
                    ("Partibeteckning", 250.0),
                ],
            ),
            line(112.0, &[("Suzanne", 50.0), ("Frank", 150.0), ("m", 250.0)]),
        ];
        let (people, _) = people_tables(&lines);
        assert_eq!(people[0].name, "Suzanne Frank");
        assert_eq!(people[0].party.as_deref(), Some("M"));
        // No header row, no table.
        assert!(people_tables(&lines[1..]).0.is_empty());
    }
}
