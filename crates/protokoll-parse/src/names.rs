//! People and organisations as minutes write them: "Ingmar Ångman", "Maria B.",
//! "Johanna B-H", "ordf.", "Siw Lunander, Hallsbergs kommun".

use protokoll_model::text::lowercase;

/// Roles that stand where a presenter's name would ("Ordförande", "ordf.";
/// `data/words.txt`, `[presenter roles]`).
pub fn is_role(word: &str) -> bool {
    let w = lowercase(word.trim_matches(|c: char| c == ',' || c == ':'));
    crate::words::WORDS.presenter_roles.contains(&w.as_ref())
}

/// A word in parentheses ("(S)", "(ordförande),"): a party or a note after a name,
/// never part of it.
pub fn bracketed(word: &str) -> bool {
    word.starts_with('(') && word.trim_end_matches([',', '.', ';']).ends_with(')')
}

/// How many of `words` form a name: name words, and a particle between two of them.
pub fn name_len(words: &[&str]) -> usize {
    let mut n = 0;
    while let Some(w) = words.get(n) {
        let particle = n > 0
            && crate::words::WORDS.name_particles.contains(w)
            && words.get(n + 1).is_some_and(|next| is_name_word(next));
        if !(is_name_word(w) || particle) {
            break;
        }
        n += 1;
    }
    n
}

/// A word that can be part of a person's name: capitalised ("Ångman", "Jakobsson-Torvik"),
/// or an initial ("B.", "J.T", "B-H").
pub fn is_name_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', ':', ';']);
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest = chars;
    if rest.as_str().is_empty() {
        return true;
    }
    // All-capital words longer than an initial group are organisations (ÖLBF, RF-SISU).
    let upper = rest.clone().filter(|c| c.is_uppercase()).count();
    let letters = rest.clone().filter(|c| c.is_alphabetic()).count();
    if letters >= 3 && upper == letters {
        return false;
    }
    w.chars().count() <= 25
        && rest
            .clone()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
}

/// A name printed twice in a row ("William Levén William Levén": two columns of a
/// table read as one line) is one name.
pub fn undoubled(name: String) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let half = words.len() / 2;
    match (words.get(..half), words.get(half..)) {
        (Some(a), Some(b)) if half > 0 && a == b => a.join(" "),
        _ => name,
    }
}

/// Connectors inside a list of people.
fn is_connector(word: &str) -> bool {
    matches!(word, "och" | "&" | "/" | "samt" | "," | "+")
}

/// Words that look like names but start sentences or headings (`data/words.txt`,
/// `[not names]`), and their genitives ("Mötets öppnade").
pub fn is_stop_word(word: &str) -> bool {
    let w = lowercase(word.trim_end_matches([',', ':', '.']));
    let not_name = |w: &str| crate::words::WORDS.not_names.contains(&w);
    not_name(&w) || w.strip_suffix('s').is_some_and(not_name)
}

/// Splits "Maria B./Ingmar" and "Ingmar, Anna" and "Cecilia och Ida" into parts.
pub fn split_people(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for tok in s.split_whitespace() {
        for (i, piece) in tok.split('/').enumerate() {
            if i > 0 && !cur.is_empty() {
                parts.push(cur.join(" "));
                cur.clear();
            }
            let piece_trim = piece.trim_end_matches(',');
            if piece_trim == "och"
                || piece_trim == "&"
                || piece_trim == "samt"
                || piece_trim.is_empty()
            {
                if !cur.is_empty() {
                    parts.push(cur.join(" "));
                    cur.clear();
                }
                continue;
            }
            cur.push(piece_trim);
            // "Maria B." ends a person: an initial with a dot closes the name.
            let initial = piece_trim.ends_with('.')
                && piece_trim.chars().filter(|c| c.is_alphabetic()).count() <= 2;
            if piece.ends_with(',') || (initial && cur.len() > 1) {
                parts.push(cur.join(" "));
                cur.clear();
            }
        }
    }
    if !cur.is_empty() {
        parts.push(cur.join(" "));
    }
    parts
}

/// The tokens of a presenter list with their byte offsets in `s`, so the rest is
/// returned as written. "Cathrin B./Ingmar": a slash between two names (or roles) is a
/// token of its own.
fn people_tokens(s: &str) -> (Vec<&str>, Vec<usize>) {
    let mut toks: Vec<&str> = Vec::new();
    let mut offs: Vec<usize> = Vec::new();
    let base = s.as_ptr() as usize;
    for tok in s.split_whitespace() {
        let start = tok.as_ptr() as usize - base;
        let pieces: Vec<&str> = tok.split('/').collect();
        if pieces.len() > 1 && pieces.iter().all(|p| is_name_word(p) || is_role(p)) {
            let mut o = start;
            for (k, p) in pieces.iter().enumerate() {
                if k > 0 {
                    toks.push("/");
                    offs.push(o);
                    o += 1;
                }
                toks.push(p);
                offs.push(o);
                o += p.len();
            }
        } else {
            toks.push(tok);
            offs.push(start);
        }
    }
    (toks, offs)
}

/// Reads a list of presenters at the start of `s`: people and roles separated by
/// commas, "och", "/". Returns (people, rest of the text). A single capitalised word
/// counts as a name only when the list is all there is (a name cell) or when a colon
/// or comma closes it; otherwise "Dagordningen fastställdes" would be a person.
pub fn leading_people(s: &str, whole: bool) -> (Vec<String>, String) {
    let (toks, offs) = people_tokens(s);
    let mut end = 0; // tokens consumed
    let mut people: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(&t) = toks.get(i) else { break };
        if is_role(t) {
            people.push(t.trim_end_matches([',', ':']).to_string());
            i += 1;
            end = i;
            if t.ends_with(':') {
                break;
            }
            continue;
        }
        // Organisations inside a list ("Lena Axelsson Svedell, RF/SISU, Cecilia …").
        if !people.is_empty() && is_org(t.trim_end_matches([',', ':'])) {
            i += 1;
            end = i;
            continue;
        }
        if is_connector(t.trim_end_matches(',')) && !people.is_empty() {
            i += 1;
            continue;
        }
        if !is_name_word(t) || is_stop_word(t) {
            break;
        }
        // A run of name words.
        let start = i;
        while toks
            .get(i)
            .is_some_and(|w| is_name_word(w) && !is_stop_word(w) && !is_role(w))
        {
            let w = toks.get(i).copied().unwrap_or_default();
            i += 1;
            if w.ends_with(',') || w.ends_with(':') || w.ends_with('/') {
                break;
            }
        }
        let mut run: Vec<&str> = toks.get(start..i).unwrap_or(&[]).to_vec();
        // "Ingmar Ångman Kan vi …": three capitalised words before a lowercase one are
        // a name and a sentence's first word.
        let next_is_lower = toks
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && !is_connector(w));
        if run.len() >= 3
            && next_is_lower
            && !run.last().is_some_and(|w| w.ends_with(','))
            && !whole
        {
            run.pop();
            i -= 1;
        }
        let last = run.last().copied().unwrap_or_default();
        let closed = last.ends_with(',') || last.ends_with(':') || i == toks.len();
        let next_lower = toks
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && !is_connector(w));
        // One capitalised word before a lowercase word is a sentence's first word.
        let next_connector = toks
            .get(i)
            .is_some_and(|w| is_connector(w.trim_end_matches(',')));
        if run.len() == 1 && !closed && !whole && !next_connector {
            break;
        }
        // A name followed directly by a verb ("Ingmar Ångman informerar") is a sentence.
        if next_lower && !last.ends_with(',') && !last.ends_with(':') && !whole {
            break;
        }
        for p in split_people(&run.join(" ")) {
            people.push(p.trim_end_matches([':', ',']).to_string());
        }
        end = i;
        if last.ends_with(':') {
            break;
        }
    }
    let rest = offs
        .get(end)
        .and_then(|&o| s.get(o..))
        .unwrap_or("")
        .trim()
        .to_string();
    people.retain(|p| !p.is_empty() && !is_org(p));
    (people, rest)
}

/// A line of people's names side by side with nothing between them, given name and
/// surname each ("Anders Samuelsson Anders Nilsson", as a relaid or OCR'd signature
/// block or list loses its gaps): the pairs, when the count is even and every word is a
/// plain name word (each part of a double name capitalised, no punctuation; no role,
/// particle or organisation word: "Game Jam-ansvarig" is a title).
pub fn name_pairs(line: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let plain = |w: &str| {
        is_name_word(w)
            && !is_role(w)
            && !is_org(w)
            && !crate::words::WORDS.name_particles.contains(&w)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && w.split('-').all(|p| p.starts_with(char::is_uppercase))
    };
    let even = !words.is_empty() && words.len().is_multiple_of(2);
    (even && words.iter().all(|w| plain(w))).then(|| words.chunks(2).map(|p| p.join(" ")).collect())
}

/// Organisation-like text: municipalities, regions, authorities, abbreviations.
pub fn is_org(s: &str) -> bool {
    let org_word = s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::words::WORDS.is_organisation_word(&lowercase(w))
    });
    let abbrev = !s.is_empty() && s.split_whitespace().all(|w| in_capitals(w, 2));
    org_word || abbrev
}

/// The word's letters, `least` of them or more, are all capitals ("SPF", "SÄKK:S"): an
/// abbreviation.
pub fn in_capitals(word: &str, least: usize) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= least && letters.all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presenter_lists() {
        assert_eq!(
            leading_people("Ingmar Ångman, Anna Jakobsson-Torvik", true).0,
            ["Ingmar Ångman", "Anna Jakobsson-Torvik"]
        );
        assert_eq!(
            leading_people("Ordförande, Joakim Carlsson", false).0,
            ["Ordförande", "Joakim Carlsson"]
        );
        let (p, rest) = leading_people("Ordförande Dagordningen fastställdes", false);
        assert_eq!(
            (p, rest.as_str()),
            (vec!["Ordförande".to_string()], "Dagordningen fastställdes")
        );
        assert_eq!(
            leading_people("Maria B. Johanna B-H", true).0,
            ["Maria B.", "Johanna B-H"]
        );
        assert_eq!(
            leading_people("Cathrin B./Ingmar", true).0,
            ["Cathrin B.", "Ingmar"]
        );
        let (p, rest) = leading_people("Deepa: Samverkansplanen", false);
        assert_eq!(
            (p, rest.as_str()),
            (vec!["Deepa".to_string()], "Samverkansplanen")
        );
        assert!(leading_people("Ingmar Ångman informerar.", false)
            .0
            .is_empty());
        assert_eq!(
            leading_people(
                "Lena Axelsson Svedell, RF/SISU, Cecilia Lönn Elgstrand, ÖLBF",
                false
            )
            .0,
            ["Lena Axelsson Svedell", "Cecilia Lönn Elgstrand"]
        );
    }

    #[test]
    fn organisations() {
        assert!(is_org("Hallsbergs kommun"));
        assert!(is_org("Region Örebro län"));
        assert!(is_org("RF-SISU"));
        assert!(!is_org("Siw Lunander"));
    }

    #[test]
    fn words_in_capitals() {
        assert!(in_capitals("SÄKK:S", 3) && in_capitals("KD", 2));
        assert!(!in_capitals("KD", 3) && !in_capitals("Spf", 2));
    }

    #[test]
    fn a_name_printed_twice_is_one() {
        assert_eq!(
            undoubled("William Levén William Levén".into()),
            "William Levén"
        );
        assert_eq!(undoubled("Anna Anna".into()), "Anna");
        assert_eq!(undoubled("Anna Berg Anna".into()), "Anna Berg Anna");
        assert_eq!(undoubled("Per Jansson".into()), "Per Jansson");
    }
}
