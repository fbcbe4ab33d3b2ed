//! Who chaired the meeting, who kept the minutes and who adjusts them, where the head
//! does not say it with a "Label: name" line: a role label opening a line with the
//! name after it ("Mötesordförande David Ådvall", a front-page table row), or over or
//! under it (a signature block: "Vid protokollet" / "Anna Berg", "Anna Berg" /
//! "Ordförande"), and the items that elect them ("Till mötesordförande valdes Anna
//! Berg", "att välja Anna Berg till sekreterare", "Anna Berg vald till justerare").
//! Also the times the meeting opened and closed, from its opening and closing items.

use crate::names::{is_name_word, is_org, is_role};
use protokoll_model::Item;
use regex::Regex;
use std::sync::LazyLock;

/// A role of the meeting's officers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Chair (ordförande).
    Chair,
    /// Secretary (sekreterare, vid protokollet).
    Secretary,
    /// Adjuster (justerare).
    Adjuster,
}

static LABELS: LazyLock<Vec<(String, Role)>> = LazyLock::new(|| {
    crate::sections::phrase_table(include_str!("../data/roles.tsv"), |r| match r {
        "chair" => Some(Role::Chair),
        "secretary" => Some(Role::Secretary),
        "adjuster" => Some(Role::Adjuster),
        _ => None,
    })
});

/// The first words of the labels: a line opening with none of them holds no label.
static FIRST_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = LABELS
        .iter()
        .filter_map(|(l, _)| l.split([' ', '/']).next().map(str::to_string))
        .collect();
    v.sort();
    v.dedup();
    v
});

/// The role label opening `line`, and the rest of the line after it (separators
/// trimmed). The label must end at a word boundary.
pub fn role_label(line: &str) -> Option<(Role, &str)> {
    // "//Sekreterare: Eva Andersson": marks before the label are no part of it.
    let t = line
        .trim_start()
        .trim_start_matches(['/', '*'])
        .trim_start();
    // "Underskrifter Sekreterare ……": the signature block's own heading may come first.
    let t = [
        "Underskrifter: ",
        "Underskrift: ",
        "Underskrifter ",
        "Underskrift ",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .unwrap_or(t);
    // Most lines open with no label's first word: no lowercasing of the line for them.
    let first = t
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '.' | '/'))
        .next()
        .unwrap_or("");
    // An ASCII word needs no lowercased copy to be found absent.
    if first.is_ascii() && !crate::words::has_ascii_word(&FIRST_WORDS, first) {
        return None;
    }
    if !FIRST_WORDS.contains(&first.to_lowercase()) {
        return None;
    }
    let low = t.to_lowercase();
    for (label, role) in LABELS.iter() {
        if !low.starts_with(label.as_str()) {
            continue;
        }
        let rest = t.get(label.len()..).unwrap_or("");
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = rest.trim_start_matches(|c: char| {
            matches!(c, ':' | ',' | '.' | '…' | '_' | '-' | '–') || c.is_whitespace()
        });
        return Some((*role, rest));
    }
    None
}

/// The people at the start of `s` ("Patrik Köhler och Nedzad Talovic", "Anna Berg
/// (S)", "David Ådvall advall"): names of two to four words. Stricter than
/// `names::leading_people`, which also takes roles and single given names (presenter
/// slots): here a role word or a lone word is no officer.
pub fn people(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let flush = |cur: &mut Vec<&str>, out: &mut Vec<String>| {
        if (2..=4).contains(&cur.len()) {
            let name = cur.join(" ");
            if !is_org(&name) && !cur.iter().any(|w| is_role(w)) {
                out.push(name);
            }
        }
        cur.clear();
    };
    let mut toks = s.split_whitespace().peekable();
    while let Some(tok) = toks.next() {
        let w = tok.trim_end_matches([',', ';', '.']);
        if crate::names::bracketed(w) {
            flush(&mut cur, &mut out);
            continue;
        }
        // A particle inside a name ("Margareta der Nederlanden").
        let particle = !cur.is_empty() && crate::words::WORDS.name_particles.contains(&w);
        // A surname's initial after a given name, ending the name, as informal minutes
        // write people ("Martin I", "Niclas H"; not "Fjerdingsmannen P J Söderqvist").
        let ends = toks
            .peek()
            .is_none_or(|n| !is_name_word(n.trim_end_matches([',', ';', '.'])));
        let initial = cur.len() == 1 && w.chars().count() == 1 && is_name_word(w) && ends;
        if (is_name_word(w) && w.chars().count() > 1 && !is_role(w)) || particle || initial {
            cur.push(w);
            if tok.ends_with([',', ';']) {
                flush(&mut cur, &mut out);
            }
            continue;
        }
        flush(&mut cur, &mut out);
        if !crate::words::WORDS.name_joiners.contains(&w) {
            break;
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Every run of [`people`] in `s`, wherever it stands ("Stämman valde Anna Berg och Bo
/// Ek att …").
fn people_anywhere(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (at, tok) in s
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - s.as_ptr() as usize, t))
    {
        let w = tok.trim_end_matches([',', ';', '.']);
        // A word of a name already read opens no new one.
        let read = out.iter().any(|n| n.split(' ').any(|x| x == w));
        if is_name_word(w) && !read {
            out.extend(people(s.get(at..).unwrap_or("")));
        }
    }
    out
}

/// The lines are nothing but rule and dots ("……………", "_______"): a signature line.
fn rule_only(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '.' | '…' | '_' | '-' | ' ' | '\u{a0}'))
}

/// A signature rule opens the rest ("------ digital signatur ------ Paragrafer 11-20").
fn opens_with_rule(s: &str) -> bool {
    s.chars()
        .take(RULE_CHARS)
        .filter(|c| matches!(c, '.' | '…' | '_' | '-'))
        .count()
        >= RULE_CHARS
}

/// How many rule characters in a row make a signature line.
const RULE_CHARS: usize = 3;

/// Officers named by role labels anywhere in the document (`lines` in reading order):
/// the first chair and secretary, and every adjuster, in order.
pub fn from_labels(lines: &[String]) -> Officers {
    let mut o = Officers::default();
    let mut skip_to = 0;
    for (i, l) in lines.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let Some((role, rest)) = role_label(l) else {
            continue;
        };
        if let Some(pairs) = labels_over_pairs(lines, i) {
            for (role, name) in pairs {
                o.add(role, vec![name]);
            }
            continue;
        }
        if let Some((pairs, end)) = roles_then_names(lines, i) {
            for (role, names) in pairs {
                o.add(role, names);
            }
            skip_to = end;
            continue;
        }
        let mut names = people(rest);
        let next = line_under(lines, i);
        if names.is_empty() && !(rest.is_empty() || rule_only(rest) || opens_with_rule(rest)) {
            // "Sekreterare ……… Paragrafer 1-12": the rule, then another field of the
            // form; the signature's name stands alone on the next line.
            names = whole_names(next);
            // Another field's label beside this one ("Protokollet skrivet av: Godkännes
            // av ordförande:"): the names below stand side by side, this label's first.
            if rest.trim_end().ends_with(':') {
                if let Some(two) = crate::names::name_pairs(next).filter(|p| p.len() == 2) {
                    names = two.into_iter().take(1).collect();
                }
            }
        } else if names.is_empty() {
            names = name_beside(lines, i);
            // Adjusters signing under one label, several side by side, fill the lines
            // of names below it (a grid of signatures under "Justeras:").
            let below = lines.get(i + 1..).unwrap_or(&[]);
            let grid = role == Role::Adjuster
                && names.len() > 1
                && below.first().is_some_and(|l| whole_names(l) == names);
            if grid {
                let more = below.iter().skip(1).map(|l| whole_names(l));
                names.extend(more.take_while(|n| !n.is_empty()).flatten());
            }
        }
        o.add(role, names);
    }
    o
}

/// The line under line `i`, past a signature's rule on a line of its own ("Vid
/// pennan:" / "______" / "Anna Jönsson"); "" past the end.
fn line_under(lines: &[String], i: usize) -> &str {
    let below = |k: usize| lines.get(k).map_or("", String::as_str);
    if rule_only(below(i + 1).trim()) {
        below(i + 2)
    } else {
        below(i + 1)
    }
}

/// The role labels a line holds and nothing else ("Vid protokollet: Justeras:",
/// "Ordf Justerare"), in order.
fn labels_only(line: &str) -> Vec<Role> {
    let mut roles = Vec::new();
    let mut rest = line;
    while let Some((role, more)) = role_label(rest) {
        roles.push(role);
        if more.is_empty() || rule_only(more) {
            return roles;
        }
        rest = more;
    }
    Vec::new()
}

/// Most role labels side by side over their signatures.
const SIDE_BY_SIDE_LABELS: usize = 3;

/// Signatures side by side with nothing between the names, under or over their labels
/// side by side ("Vid protokollet: Justeras:" / "Anders Samuelsson Anders Nilsson"):
/// each label takes the given name and surname in its place. A lone label over such a
/// line takes the first ("Vid protokollet" / "Stig Anderback Henry Fjällström").
fn labels_over_pairs(lines: &[String], i: usize) -> Option<Vec<(Role, String)>> {
    let roles = labels_only(lines.get(i)?);
    if roles.is_empty() || roles.len() > SIDE_BY_SIDE_LABELS {
        return None;
    }
    let pairs = |l: &String| crate::names::name_pairs(l).filter(|p| p.len() == roles.len().max(2));
    let names = lines
        .get(i + 1)
        .and_then(pairs)
        .or_else(|| lines.get(i.checked_sub(1)?).and_then(pairs))?;
    // One label over several: adjusters sign side by side under one "Justerare"; a
    // chair or secretary is the first.
    if let [Role::Adjuster] = roles.as_slice() {
        return Some(names.into_iter().map(|n| (Role::Adjuster, n)).collect());
    }
    Some(roles.into_iter().zip(names).collect())
}

/// The people a bare role label at `i` signs for: on the next line (a signature under
/// its rule, "Vid protokollet" / "Anna Berg"), or on the line above (a name printed
/// over its role, "Anna Berg" / "ordförande"). Where both hold names, the signature
/// block's ends decide: pairs of a name over its role open with a name and end with a
/// role ("Anna Berg / ordförande / Bo Ek / sekreterare"), pairs of a role over its name
/// open with a role and end with a name.
pub fn name_beside(lines: &[String], i: usize) -> Vec<String> {
    let line = |k: Option<usize>| k.and_then(|k| lines.get(k)).map_or("", String::as_str);
    let next = people(line_under(lines, i).trim_start_matches(['.', '…', '_', ' ']));
    let prev = whole_names(line(i.checked_sub(1)));
    if prev.is_empty() || next.is_empty() {
        return if next.is_empty() { prev } else { next };
    }
    let bare = |k: Option<usize>| role_only(line(k)).is_some();
    let named = |k: Option<usize>| !whole_names(line(k)).is_empty();
    // The first and last labels of the alternating run of labels and names around `i`.
    let (mut first, mut last) = (i, i);
    while first >= 2 && bare(Some(first - 2)) && named(Some(first - 1)) {
        first -= 2;
    }
    while bare(last.checked_add(2)) && named(last.checked_add(1)) {
        last += 2;
    }
    let opens_with_name = named(first.checked_sub(1));
    let ends_with_name = named(last.checked_add(1));
    if opens_with_name && !ends_with_name {
        prev
    } else {
        next
    }
}

/// A role and the people in it.
type RoleNames = (Role, Vec<String>);

/// A signature block set as its role labels one under another, then the names in the
/// same order ("Sekreterare / Ordförande / Justerare / Annika Funkqvist / Birgitta
/// Adolfsson (FP) / Reidun Lorentzon (KD) / …"): each role takes the name in its place,
/// the last role the names left over (the adjusters). Starts at `at`, a role label
/// with nothing after it; gives the pairs and where the block ends.
fn roles_then_names(lines: &[String], at: usize) -> Option<(Vec<RoleNames>, usize)> {
    let roles: Vec<Role> = lines
        .get(at..)?
        .iter()
        .map_while(|l| role_only(l))
        .collect();
    if roles.len() < 2 {
        return None;
    }
    let names_at = at + roles.len();
    let names: Vec<Vec<String>> = lines
        .get(names_at..)?
        .iter()
        .map(|l| whole_names(l))
        .take_while(|n| !n.is_empty())
        .collect();
    if names.len() < roles.len() {
        return None;
    }
    let end = names_at + names.len();
    let mut pairs: Vec<RoleNames> = roles
        .iter()
        .zip(&names)
        .map(|(r, n)| (*r, n.clone()))
        .collect();
    if let Some((_, last)) = pairs.last_mut() {
        last.extend(names.iter().skip(roles.len()).flatten().cloned());
    }
    Some((pairs, end))
}

/// An item heading that elects someone ("Val av mötesordförande", "Val av två personer
/// att justera protokollet"): names right under it are the elected, not presenters.
pub fn elects(title: &str) -> bool {
    let mut words = title.split_whitespace();
    // "Val av styrelse", "Val till …", or "Val." alone.
    words
        .next()
        .is_some_and(|w| w.trim_end_matches(['.', ':']).eq_ignore_ascii_case("val"))
        && words
            .next()
            .is_none_or(|w| crate::words::WORDS.heading_prepositions.contains(&w))
}

/// The line is a role label with nothing after it but a rule.
fn role_only(l: &str) -> Option<Role> {
    role_label(l).and_then(|(r, rest)| (rest.is_empty() || rule_only(rest)).then_some(r))
}

/// Line `i` is one of a run of bare role labels (a signature block whose names follow
/// the run, [`from_labels`]): the line after it is no name of its.
pub fn in_role_run(lines: &[String], i: usize) -> bool {
    let bare = |k: Option<usize>| {
        k.and_then(|k| lines.get(k))
            .is_some_and(|l| role_only(l).is_some())
    };
    bare(Some(i)) && (bare(i.checked_sub(1)) || bare(i.checked_add(1)))
}

/// `s` is nothing but one or more people's names.
fn whole_names(s: &str) -> Vec<String> {
    let names = people(s);
    let covered: usize = names.iter().map(|n| n.split_whitespace().count()).sum();
    let words = s
        .split_whitespace()
        .filter(|w| !crate::words::WORDS.name_joiners.contains(w))
        // A party after a name ("Birgitta Adolfsson (FP)") is no word of it.
        .filter(|w| !crate::names::bracketed(w))
        .count();
    if covered == words {
        names
    } else {
        Vec::new()
    }
}

/// `name` only strings together names already read ("Patrik Köhler Nedzad Talovic"
/// under two signature rules, after "Patrik Köhler och Nedzad Talovic"): no new person.
pub fn repeats_names<'a>(name: &str, known: impl Iterator<Item = &'a str> + Clone) -> bool {
    name.split(' ').count() > 2
        && name
            .split(' ')
            .all(|w| known.clone().any(|k| k.split(' ').any(|n| n == w)))
}

/// The meeting's officers.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Officers {
    /// The chair.
    pub chair: Option<String>,
    /// The secretary.
    pub secretary: Option<String>,
    /// The adjusters.
    pub adjusters: Vec<String>,
}

impl Officers {
    fn add(&mut self, role: Role, names: Vec<String>) {
        match role {
            Role::Chair => {
                if self.chair.is_none() {
                    self.chair = names.into_iter().next();
                }
            }
            Role::Secretary => {
                if self.secretary.is_none() {
                    self.secretary = names.into_iter().next();
                }
            }
            Role::Adjuster => {
                for n in names {
                    let known = self.adjusters.iter().map(String::as_str);
                    if !self.adjusters.contains(&n) && !repeats_names(&n, known) {
                        self.adjusters.push(n);
                    }
                }
            }
        }
    }
}

const ROLE_WORDS: &str = r"(?:årsmötes|mötes|års|föreningsstämmo|stämmo)?ordförande|(?:årsmötes|mötes|stämmo|protokoll)?sekreterare|protokollförare|(?:protokoll)?justerare|justeringsperson(?:er)?|justeringsm[aä]n|justerande";
/// One to four names of people parted by commas, "och" or "&" ("Anna Berg", "Per
/// E. Lind och Bo Ek").
///
/// The letters of names and of the words around them in these patterns are the Latin
/// script's: the patterns repeat their letter classes many times over, and with every
/// script's letters they took about 30 ms to compile, most of a first parse (the
/// minutes are Swedish; a name in another script is not read as an officer's).
const NAMES: &str = r"[\p{Lu}&&\p{Latin}](?:\.|[\p{Latin}'’-]+)(?:\s+[\p{Lu}&&\p{Latin}](?:\.|[\p{Latin}'’-]+)){0,3}(?:\s*(?:,|och|&)\s*[\p{Lu}&&\p{Latin}](?:\.|[\p{Latin}'’-]+)(?:\s+[\p{Lu}&&\p{Latin}](?:\.|[\p{Latin}'’-]+)){0,3})*";

/// A word, then a capitalised "Till" or "Som" that opens a sentence of its own. After
/// a capital ("VAL AV Som mötesordförande …") the stop would make an initial ("V.").
static NEXT_ELECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll}) (Till|Som) ").expect("regex"));

/// "Till mötesordförande valdes Anna Berg", "Till stämmans sekreterare valdes …",
/// "Till justeringsmän, tillika rösträknare, valdes …".
static ROLE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:till|som)\s+(?:[\p{{Ll}}&&\p{{Latin}}]+s\s+)?(?i:(?:vice\s+)?)({ROLE_WORDS})(?:/\p{{Latin}}+)?(?:\s+(?i:och)\s+({ROLE_WORDS}))?(?:,?\s+(?i:för\s+(?:\p{{Latin}}+\s+)?\p{{Latin}}+|tillika rösträknare|och rösträknare),?)?(?:\s+att(?:\s+[\p{{Ll}}&&\p{{Latin}}]+){{1,3}})?\s+(?i:valdes|väljs|utsågs|utses|valdes till)\s+(?:[\p{{Ll}}&&\p{{Latin}}]+\s+){{0,3}}({NAMES})"
    ))
    .expect("regex")
});
/// "Anna Berg valdes till mötesordförande", "att välja Anna Berg till sekreterare",
/// ", Dennis Rikemanson till sekreterare", "Beslutas att Anna Berg är ordförande".
static NAME_THEN_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NAMES})\s+(?:(?:(?i:blev|blev\s+vald|blev\s+valda|valdes|väljs|vald|valda|utsågs|utses|utsedd|utsedda|är)\s+)?(?i:till|som)|(?i:är))\s+(?:(?i:mötets|vice|ny)\s+)?((?i:{ROLE_WORDS}))"
    ))
    .expect("regex")
});

/// "Att jämte ordföranden justera dagens protokoll utsågs Anna Fransson", "Till att
/// justera protokollet valdes …": the adjusters after the verb.
static ADJUST_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:att)\s+(?:[\p{{Latin}}\s]{{0,30}}?\s)?(?i:justera)[^.]{{0,40}}?\s(?i:utsågs|utses|valdes|väljs)\s+({NAMES})"
    ))
    .expect("regex")
});
/// "… att välja Karin Barck Holst och Anders Nylander": the elected, in an item whose
/// heading names the role.
static ELECTED_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:välja|valdes|väljs|utsågs|utses)\s+({NAMES})|^\s*({NAMES})\s+(?i:valdes|väljs|utsågs|utses|omvaldes)"
    ))
    .expect("regex")
});
/// "… valdes som ordförande Anne-Marie Berger, som sekreterare Erik Berger samt som
/// justerare …", "Till ordförande valdes X och till sekreterare Y": each role and its
/// names after "som" or "till", in a sentence that elects.
static ROLE_NAMES_IN_ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?i:som|till)\s+(?:(?i:mötets|dess|stämmans)\s+)?({ROLE_WORDS})\s+({NAMES})"
    ))
    .expect("regex")
});
/// A sentence that elects.
static ELECTS_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{ELECTED_FORMS})\b")).expect("regex"));
/// The passive forms that say a meeting elected someone.
const ELECTED_FORMS: &str = "valdes|väljs|utsågs|utses|omvaldes";
/// "Följande personer valdes att, jämte ordförande, justera dagens protokoll: Jimmy
/// Mårts och Ninni Tamm": the adjusters after a colon.
static ADJUST_COLON_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:utsågs|utses|valdes|väljs)\s+(?i:att|till att)[^.:]{{0,40}}?(?i:justera)[^.:]{{0,40}}:\s*({NAMES})"
    ))
    .expect("regex")
});
/// "Lars Larsson utses att föra stämmans protokoll", "Att föra protokollet valdes …",
/// "Hans Jansson anmäler Marcus Holmgren att för dagen föra protokoll":
/// the secretary, named by the task.
static KEEPS_MINUTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NAMES})\s+(?:(?i:utsågs|utses|valdes|väljs)\s+)?(?i:att|till att)\s+(?:[\p{{Ll}}&&\p{{Latin}}]+\s+){{0,2}}?(?i:föra)\s+(?:[\p{{Ll}}&&\p{{Latin}}]+\s+)?(?i:protokoll)|(?i:att)\s+(?i:föra)\s+(?:[\p{{Ll}}&&\p{{Latin}}]+\s+)?(?i:protokoll)[\p{{Ll}}&&\p{{Latin}}]*\s+(?i:utsågs|utses|valdes|väljs)\s+({NAMES})"
    ))
    .expect("regex")
});
/// "Anna Fransson utsågs att jämte ordföranden justera protokollet".
static NAME_THEN_ADJUST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NAMES})\s+(?i:utsågs|utses|valdes|väljs)\s+(?i:att|till att)\s+(?:[\p{{Latin}}\s]{{0,30}}?\s)?(?i:justera)(?-u:\b)"
    ))
    .expect("regex")
});

/// "Kommunfullmäktige utser Anna Berg och Bo Ek att jämte ordföranden justera
/// protokollet", "beslutade att välja, utöver ordföranden, Anna Berg att justera": the
/// meeting names its adjusters as the verb's object.
static ELECTS_TO_ADJUST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:utser|utsåg|väljer|valde|välja)(?:,\s*[^,.]{{1,30}},)?\s+({NAMES})\s+(?i:att|till att)\s+(?:[\p{{Latin}}\s]{{0,30}}?\s)?(?i:justera)(?-u:\b)"
    ))
    .expect("regex")
});

/// An attendance entry's role text names the chair of the meeting ("ordf",
/// "ordförande"): a chair's label of `data/roles.tsv`, not a vice chair.
pub fn is_chair_role(role: &str) -> bool {
    label_role(&bare_role(role)) == Some(Role::Chair)
}

/// A role text in lowercase without a party or initials in brackets ("(s) ordförande",
/// "(MG) vid protokollet") and the brackets and commas around it ("(ordförande)").
/// A role in brackets alone ("(sekr)") is the role.
fn bare_role(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !(crate::names::bracketed(w) && w.chars().count() <= 6))
        .collect();
    let r = if kept.is_empty() { words } else { kept }.join(" ");
    r.trim_matches(['(', ')', ',', ' ']).to_lowercase()
}

/// The role whose label (`data/roles.tsv`) a bare role text is, its stop aside
/// ("ordf.", "sekr.").
fn label_role(bare: &str) -> Option<Role> {
    let bare = bare.trim_end_matches('.');
    LABELS.iter().find(|(l, _)| l == bare).map(|(_, r)| *r)
}

/// An attendance entry's role text says they kept the minutes: one of its
/// comma-separated parts is the secretary's role ("ungdomsledare, prot.förare", "vid
/// protokollet"), not a job title that holds the word ("kommunsekreterare").
pub fn is_secretary_role(role: &str) -> bool {
    role.split(',').any(|part| {
        let bare = bare_role(part);
        bare == "prot.förare" || label_role(&bare) == Some(Role::Secretary)
    })
}

/// Officers the items elect: the meeting's own elections stand among its first items.
pub fn from_elections(items: &[Item]) -> Officers {
    let mut o = Officers::default();
    for it in items.iter().take(ELECTION_ITEMS) {
        // The role words' stems, without their first letter (either case): most items
        // name no role, and the name patterns are costly.
        if !names_a_role(&it.title) && !names_a_role(&it.text) {
            continue;
        }
        // An election of a body ("Val av socialutskott") listing its members by office
        // ("Ordinarie", "Ersättare") elects that body's chair, not the meeting's.
        if elects(&it.title)
            && !names_a_role(&it.title)
            && it.text.lines().any(crate::attendance::office_heading)
        {
            continue;
        }
        let text = format!("{} {}", it.title, it.text.replace('\n', " "));
        // Lines written without a stop run together: a capitalised "Till"/"Som" after a
        // word opens the next election ("… valdes Mattias Bjärnemalm Till mötes…").
        let text = NEXT_ELECTION.replace_all(&text, "$1. $2 ");
        let mut found: Vec<(usize, Role, Vec<String>)> = Vec::new();
        // (pattern, its names group, its role group)
        for (re, names_at, role_at) in [(&*ROLE_THEN_NAME, 3, 1), (&*NAME_THEN_ROLE, 1, 2)] {
            for c in re.captures_iter(&text) {
                let (Some(n), Some(r), Some(all)) = (c.get(names_at), c.get(role_at), c.get(0))
                else {
                    continue;
                };
                // "Till vice ordförande valdes …" elects no chair of the meeting.
                let vice = all.as_str().to_lowercase().contains("vice ");
                let Some(role) = word_role(r.as_str()).filter(|_| !vice) else {
                    continue;
                };
                let mut names = names_in(n.as_str());
                // "valde Maria Lundgren från Bredablick Förvaltning till
                // protokollförare": the organisation names where the person comes from.
                if names.is_empty() {
                    names.extend(affiliated(text.get(..n.start()).unwrap_or("")));
                }
                let at = n.start().min(r.start());
                // "Som mötesordförande och sekreterare valdes A och B": in order.
                if let Some(second) = c.get(2).and_then(|r2| word_role(r2.as_str())) {
                    if names.len() >= 2 {
                        let rest = names.split_off(1);
                        found.push((at, role, names));
                        found.push((at, second, rest));
                        continue;
                    }
                }
                found.push((at, role, names));
            }
        }
        // Roles listed with their names in one electing sentence, each role once.
        let mut at = 0;
        for sentence in text.split_inclusive(". ") {
            let start = at;
            at += sentence.len();
            if !ELECTS_VERB.is_match(sentence) {
                continue;
            }
            for c in ROLE_NAMES_IN_ELECTION.captures_iter(sentence) {
                let (Some(r), Some(n)) = (c.get(1), c.get(2)) else {
                    continue;
                };
                let Some(role) = word_role(r.as_str()) else {
                    continue;
                };
                if !found.iter().any(|(_, f, _)| *f == role) {
                    found.push((start + n.start(), role, names_in(n.as_str())));
                }
            }
        }
        for c in KEEPS_MINUTES.captures_iter(&text) {
            if let Some(n) = c.get(1).or_else(|| c.get(2)) {
                found.push((n.start(), Role::Secretary, names_in(n.as_str())));
            }
        }
        // The adjusters' patterns all need "justera": most items lack it, and the name
        // patterns are costly.
        let adjusts = ["justera", "Justera", "JUSTERA"]
            .iter()
            .any(|w| text.contains(w));
        let adjust_patterns = [
            &*ADJUST_THEN_NAME,
            &*NAME_THEN_ADJUST,
            &*ADJUST_COLON_NAMES,
            &*ELECTS_TO_ADJUST,
        ];
        for re in adjust_patterns.into_iter().filter(|_| adjusts) {
            for c in re.captures_iter(&text) {
                if let Some(n) = c.get(1) {
                    found.push((n.start(), Role::Adjuster, names_in(n.as_str())));
                }
            }
        }
        sentence_elections(&text, &it.text, &mut found);
        if found.is_empty() {
            found.extend(named_under_heading(it).map(|(role, names)| (0, role, names)));
        }
        found.sort_by_key(|(at, _, _)| *at);
        for (_, role, names) in found {
            o.add(role, names);
        }
    }
    o
}

/// Where a sentence ends: its stop, or a list point's letter ("a. ordförande – Anna
/// Berg b. sekreterare – …"), or a semicolon. Looser than
/// [`crate::decisions::sentences`], which waits for a capital and passes over an
/// abbreviation's stop: here a sentence only bounds where one role's names are looked
/// for, and a name never spans a stop (that splitter read two dev documents' adjusters
/// differently, one of them wrongly).
static SENTENCE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?;]\s+|\s\p{Ll}[.)]\s+").expect("regex"));
/// A word that says someone was chosen ("valdes", "blev", "utsåg").
static ELECT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{ELECTED_FORMS}|blev|valde|utsåg|utser|väljer|vald|valda|utsedd|utsedda)\b"
    ))
    .expect("regex")
});

/// The officer role a word of running text names ("mötesordföranden",
/// "protokolljusterare", the task "justera").
fn word_role(word: &str) -> Option<Role> {
    let w = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    let w = w.strip_suffix('n').unwrap_or(&w);
    if w.ends_with("ordförande") {
        Some(Role::Chair)
    } else if w.ends_with("sekreterare") || w.ends_with("protokollförare") {
        Some(Role::Secretary)
    } else if w.contains("juster")
        && !["justerad", "justerat", "justeras", "justerade", "justerats"]
            .iter()
            .any(|state| w.ends_with(state))
    {
        // "justera", "justerare", "justeringsman"; not the minutes' state ("justerad",
        // "Justeras:", "justerade").
        Some(Role::Adjuster)
    } else {
        None
    }
}

/// What the patterns did not read: the roles that sentences of `text` (an item's
/// heading and body) or lines of its `body` name alone with their people.
fn sentence_elections(text: &str, body: &str, found: &mut Vec<(usize, Role, Vec<String>)>) {
    for (at, role, names) in sole_role_sentences(text) {
        if !found.iter().any(|(_, f, n)| *f == role && !n.is_empty()) {
            found.push((at, role, names));
        }
    }
    // Lines of their own, one per officer: every adjuster's line counts.
    let read: Vec<Role> = found
        .iter()
        .filter(|(_, _, n)| !n.is_empty())
        .map(|(_, r, _)| *r)
        .collect();
    for (role, names) in bare_lines(body) {
        if !read.contains(&role) {
            found.push((0, role, names));
        }
    }
}

/// How a sentence says its people hold its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// An election verb, or a dash after the role ("c. två justerare – A och B").
    Elected,
    /// Nothing but the role and the names ("Ordförande Rune Underskog", "Hans
    /// Jacobsen mötets ordförande").
    Bare,
}

/// The sentences of `text` with where each starts: split at stops and at list letters.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    SENTENCE_BREAK
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .chain([(text.len(), text.len())])
        .map(move |(end, next)| {
            let at = start;
            start = next;
            (at, text.get(at..end).unwrap_or(""))
        })
}

/// Elections written in a sentence of their own that names one role and its people,
/// in whatever order and wording ("Gunnar Bengtson och Bengt Holtzberg valdes att
/// tillsammans med mötets ordförande justera dagens protokoll", "Val av två
/// protokolljusterare som blev A och B", "c. två protokolljusterare – A och B"), and
/// two people and two roles paired by "respektive" ("A och B valdes till ordförande
/// respektive sekreterare").
fn sole_role_sentences(text: &str) -> Vec<(usize, Role, Vec<String>)> {
    let mut out = Vec::new();
    for (at, sentence) in sentences(text) {
        if let Some((role, names, _)) = sole_role(sentence) {
            out.push((at, role, names));
        } else {
            let pairs = respective(sentence);
            let pairs = if pairs.is_empty() {
                role_name_pairs(sentence)
            } else {
                pairs
            };
            out.extend(pairs.into_iter().map(|(r, n)| (at, r, vec![n])));
        }
    }
    out
}

/// "Mötesordförande Martin Isaksson och mötessekreterare Niclas Holm": roles each with
/// its person, joined by "och", "samt" or a comma, and nothing else (each part a bare
/// role and one name).
fn role_name_pairs(sentence: &str) -> Vec<(Role, String)> {
    let parts: Vec<&str> = sentence
        .split(',')
        .flat_map(|p| p.split(" och "))
        .flat_map(|p| p.split(" samt "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    parts
        .iter()
        .map(|p| match sole_role(p) {
            Some((role, names, Cue::Bare)) if names.len() == 1 => {
                names.into_iter().next().map(|n| (role, n))
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// A sentence's words, lowercase, without the punctuation around them.
fn tokens(sentence: &str) -> Vec<String> {
    sentence
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// The roles a sentence names, in order, and whether a dash follows one. A chair the
/// adjusters join ("jämte ordföranden") is no role of the sentence.
fn sentence_roles(sentence: &str, toks: &[String]) -> (Vec<Role>, bool) {
    let words = &crate::words::WORDS;
    let mut roles: Vec<Role> = Vec::new();
    let mut dash_after_role = false;
    for (k, t) in sentence.split_whitespace().enumerate() {
        // A dash after the role stands for the verb ("c. två justerare – A och B").
        if t.trim_matches(['–', '—', '-']).is_empty() {
            dash_after_role |= !roles.is_empty();
            continue;
        }
        let Some(role) = word_role(t) else {
            continue;
        };
        let before = toks.get(k.saturating_sub(2)..k).unwrap_or(&[]);
        let company = before
            .iter()
            .any(|b| words.accompanying_words.contains(&b.as_str()));
        if !(roles.contains(&role) || role == Role::Chair && company) {
            roles.push(role);
        }
    }
    (roles, dash_after_role)
}

/// The one role a sentence (or line) names and its people, and how it says so. A
/// sentence about a term or a body ("ordförande för föreningen på ett år") elects no
/// officer of the meeting; names before a colon are a label's.
fn sole_role(sentence: &str) -> Option<(Role, Vec<String>, Cue)> {
    // Most sentences name no role: spare them the tokens and the names.
    if !names_a_role(sentence) {
        return None;
    }
    let words = &crate::words::WORDS;
    let toks = tokens(sentence);
    if toks
        .iter()
        .any(|t| words.term_elections.contains(&t.as_str()))
    {
        return None;
    }
    let (roles, dash_after_role) = sentence_roles(sentence, &toks);
    let [role] = roles.as_slice() else {
        return None;
    };
    // Names before a colon are a label's ("Anna Bergs förslag: Nämnden utser …").
    let said = sentence
        .rsplit_once(": ")
        .map_or(sentence, |(_, said)| said);
    let names = officer_names(said);
    let most = if *role == Role::Adjuster { 3 } else { 1 };
    if !(1..=most).contains(&names.len()) {
        return None;
    }
    let cue = if dash_after_role || ELECT_CUE.is_match(sentence) {
        Cue::Elected
    } else if bare(sentence, &names) {
        Cue::Bare
    } else {
        return None;
    };
    Some((*role, names, cue))
}

/// The sentence holds nothing but its role words, a genitive before them ("mötets")
/// and the names.
fn bare(sentence: &str, names: &[String]) -> bool {
    let name_words = names.iter().map(|n| n.split(' ').count()).sum::<usize>();
    let rest = sentence
        .split_whitespace()
        .filter(|t| {
            let w = t.trim_matches(|c: char| !c.is_alphanumeric());
            let genitive = w.ends_with('s') && w.starts_with(char::is_lowercase);
            let joiner = crate::words::WORDS.name_joiners.contains(&w);
            !(w.is_empty() || genitive || joiner || word_role(w).is_some())
        })
        .count();
    rest == name_words
}

/// "A och B valdes till ordförande respektive sekreterare": each name to its role, in
/// order.
fn respective(sentence: &str) -> Vec<(Role, String)> {
    if !sentence.contains(" respektive ")
        || !names_a_role(sentence)
        || !ELECT_CUE.is_match(sentence)
    {
        return Vec::new();
    }
    let toks = tokens(sentence);
    let (roles, _) = sentence_roles(sentence, &toks);
    let names = officer_names(sentence);
    if roles.len() < 2 || roles.len() != names.len() {
        return Vec::new();
    }
    roles.into_iter().zip(names).collect()
}

/// The people of a sentence: a label ("Förslag:"), role word ("Ordföranden") or
/// sentence opener ("Mötet") before a name is no part of it.
fn officer_names(s: &str) -> Vec<String> {
    people_anywhere(s)
        .iter()
        .filter_map(|n| {
            let mut ws: Vec<&str> = n
                .split(' ')
                .skip_while(|w| w.ends_with(':') || word_role(w).is_some())
                .collect();
            // "Mötet Robin Silwa"; but "Inga Öström" is a name.
            if ws.len() > 2 && ws.first().is_some_and(|w| crate::names::is_stop_word(w)) {
                ws.remove(0);
            }
            (ws.len() >= 2).then(|| ws.join(" "))
        })
        .collect()
}

/// Officers named on lines of their own in an election item, without a verb
/// ("Hans Jacobsen mötets ordförande" / "Mats Fässberg mötets sekreterare").
fn bare_lines(text: &str) -> Vec<(Role, Vec<String>)> {
    text.lines()
        .flat_map(|l| sentences(l).map(|(_, s)| s))
        .filter_map(sole_role)
        .filter(|(_, _, cue)| *cue == Cue::Bare)
        .map(|(role, names, _)| (role, names))
        .collect()
}

/// An election item whose body is only the names ("Val av justerare" / "Jari
/// Mehtäläinen"), or says whom it elected without the role ("Årsmötet beslutade att
/// välja Karin Barck Holst och Anders Nylander"); a heading that is only the role
/// ("Justerare", "Mötets sekreterare") does the same, its body opening with the names
/// ("Jonny Stålarm samt ordförande.", "Beslut: Stefan Sjögren").
fn named_under_heading(it: &Item) -> Option<(Role, Vec<String>)> {
    let title_words = it.title.split_whitespace().count();
    let role_heading = title_words <= ROLE_HEADING_WORDS && !ELECTS_VERB.is_match(&it.title);
    if !(it.title.to_lowercase().starts_with("val av") || role_heading) {
        return None;
    }
    let roles: Vec<Role> = it.title.split_whitespace().filter_map(word_role).collect();
    let [role] = roles.as_slice() else {
        return None;
    };
    // After a label of its own ("Beslut: Stefan Sjögren").
    let text = it.text.trim();
    let text = match text.split_once(": ") {
        Some((label, rest)) if !label.contains(' ') && role_heading => rest,
        _ => text,
    };
    let mut names = whole_names(text);
    if names.is_empty() {
        let elected = ELECTED_NAMES.captures(&it.text);
        if let Some(n) = elected.and_then(|c| c.get(1).or_else(|| c.get(2))) {
            names = names_in(n.as_str());
        }
    }
    if names.is_empty() && role_heading {
        names = people(text);
    }
    (!names.is_empty()).then_some((*role, names))
}

/// The text holds a role word's stem (or the task "justera").
fn names_a_role(s: &str) -> bool {
    ROLE_STEMS.iter().any(|r| s.contains(r))
}

/// What every role word of [`ROLE_WORDS`] (and the secretary's task, "föra protokollet")
/// contains, less its first letter.
const ROLE_STEMS: [&str; 4] = ["rdförande", "ekreterare", "uster", "rotokoll"];

/// Most words of a heading that names only a role ("Mötets sekreterare").
const ROLE_HEADING_WORDS: usize = 3;

/// The meeting elects its officers in one of its first items.
const ELECTION_ITEMS: usize = 8;

/// The names in a captured list ("Patrik Köhler och Nedzad Talovic").
fn names_in(s: &str) -> Vec<String> {
    s.split([',', '&'])
        .flat_map(|p| p.split(" och "))
        .map(str::trim)
        .filter(|p| {
            let n = p.split_whitespace().count();
            (1..=4).contains(&n) && p.split_whitespace().all(is_name_word) && !is_org(p)
        })
        .map(str::to_string)
        .collect()
}

/// The person before an organisation's preposition at the end of `before` ("… Maria
/// Lundgren från"): two to four name words.
fn affiliated(before: &str) -> Option<String> {
    let mut words = before.split_whitespace().rev();
    let prep = words.next()?;
    if !AFFILIATIONS.contains(&prep) {
        return None;
    }
    let mut name: Vec<&str> = words.take_while(|w| is_name_word(w)).take(4).collect();
    name.reverse();
    (name.len() >= 2).then(|| name.join(" "))
}

/// Words between a person and the organisation they come from.
const AFFILIATIONS: [&str; 3] = ["från", "vid", "hos"];

/// "öppnade mötet kl. 12:15", "förklarar mötet öppnat klockan 17:18".
static OPENED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:öppna\w*|förklara\w*\s+(?:\w+\s+)?öppnat)[^.0-9]{0,40}?(?:kl\.?|klockan)?\s*([0-9]{1,2})[.:]([0-9]{2})")
        .expect("regex")
});
/// "Mötet avslutades 18:17", "avslutar mötet kl. 12:32", "förklarar mötet avslutat kl 01.43".
static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:avslut\w*|förklara\w*\s+(?:\w+\s+)?(?:avslutat|stängt)|stäng\w*)[^.0-9]{0,40}?(?:kl\.?|klockan)?\s*([0-9]{1,2})[.:]([0-9]{2})")
        .expect("regex")
});

fn hhmm(c: &regex::Captures<'_>) -> Option<String> {
    let h: u32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The times the meeting opened (in its first items) and closed (in its last ones).
pub fn opening_and_closing(items: &[Item]) -> (Option<String>, Option<String>) {
    let text = |it: &Item| format!("{} {}", it.title, it.text);
    let opened = items
        .iter()
        .take(2)
        .find_map(|it| OPENED.captures(&text(it)).and_then(|c| hhmm(&c)));
    let closes = |it: &Item| CLOSED.captures(&text(it)).and_then(|c| hhmm(&c));
    // The item headed as the closing one ("Mötets avslutande"), the first such: minutes
    // with other documents appended hold their closings too. Else the last two items.
    let closing_heading = |it: &&Item| {
        let t = it.title.to_lowercase();
        t.contains("avslut") || t.contains("stäng")
    };
    let closed = items
        .iter()
        .filter(closing_heading)
        .find_map(closes)
        .or_else(|| items.iter().rev().take(2).find_map(closes));
    (opened, closed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[&str]) -> Vec<String> {
        ls.iter().map(|s| s.to_string()).collect()
    }

    fn item(title: &str, text: &str) -> Item {
        Item {
            title: title.into(),
            text: text.into(),
            ..Item::default()
        }
    }

    #[test]
    fn officers_from_label_lines_and_signatures() {
        let o = from_labels(&lines(&[
            "Mötesordförande David Ådvall advall",
            "Utses att justera Patrik Köhler och Nedzad Talovic",
            "Underskrifter Sekreterare ………………",
            "Anders Svensson",
        ]));
        assert_eq!(o.chair.as_deref(), Some("David Ådvall"));
        assert_eq!(o.secretary.as_deref(), Some("Anders Svensson"));
        assert_eq!(o.adjusters, ["Patrik Köhler", "Nedzad Talovic"]);
        let o = from_labels(&lines(&["Carl Tönsgård", "Ordförande"]));
        assert_eq!(o.chair.as_deref(), Some("Carl Tönsgård"));
        // A sentence after a role word names nobody.
        let o = from_labels(&lines(&["Ordförande hälsade alla välkomna"]));
        assert_eq!(o.chair, None);
    }

    #[test]
    fn a_signature_under_its_rule_and_beside_another_label() {
        let o = from_labels(&lines(&["Vid pennan:", "______________", "Anna Jönsson"]));
        assert_eq!(o.secretary.as_deref(), Some("Anna Jönsson"));
        let o = from_labels(&lines(&[
            "Protokollet skrivet av: Godkännes av ordförande:",
            "_____________ _____________",
            "Niklas Wåhlander Evi Andersson",
        ]));
        assert_eq!(o.secretary.as_deref(), Some("Niklas Wåhlander"));
        let o = from_labels(&lines(&["Antecknat av Helén Östberg"]));
        assert_eq!(o.secretary.as_deref(), Some("Helén Östberg"));
    }

    #[test]
    fn a_heading_that_is_only_the_role_elects_the_names_under_it() {
        let o = from_elections(&[
            item("Mötets sekreterare", "Margaretha Olofsson"),
            item("Justerare", "Jonny Stålarm samt ordförande."),
        ]);
        assert_eq!(o.secretary.as_deref(), Some("Margaretha Olofsson"));
        assert_eq!(o.adjusters, ["Jonny Stålarm"]);
        let o = from_elections(&[item("Justerare", "Beslut: Stefan Sjögren")]);
        assert_eq!(o.adjusters, ["Stefan Sjögren"]);
    }

    #[test]
    fn signatures_side_by_side_under_their_labels() {
        let o = from_labels(&lines(&[
            "Vid protokollet: Justeras:",
            "Anders Samuelsson Anders Nilsson",
        ]));
        assert_eq!(o.secretary.as_deref(), Some("Anders Samuelsson"));
        assert_eq!(o.adjusters, ["Anders Nilsson"]);
        // Names over their labels; one label over two adjusters.
        let o = from_labels(&lines(&[
            "Bengt Ljungberg Roger Nilsson",
            "Ordförande Sekreterare",
        ]));
        assert_eq!(o.chair.as_deref(), Some("Bengt Ljungberg"));
        assert_eq!(o.secretary.as_deref(), Some("Roger Nilsson"));
        let o = from_labels(&lines(&["Justerare", "Göran Lindqvist Ulla Bergström"]));
        assert_eq!(o.adjusters, ["Göran Lindqvist", "Ulla Bergström"]);
        // A title is no name ("Game Jam-ansvarig").
        let o = from_labels(&lines(&["Sekreterare", "Game Jam-ansvarig Erik Mansén"]));
        assert_ne!(o.secretary.as_deref(), Some("Erik Mansén"));
    }

    #[test]
    fn officers_from_elections() {
        let items = [
            item(
                "",
                "Martin Hylander vald till mötesordförande, Dennis Rikemanson till sekreterare.",
            ),
            item("Val av justerare", "Catrine Mattsson"),
            item(
                "Val av mötessekreterare",
                "Mötet beslutar: att välja Viktor Holta till mötessekreterare.",
            ),
        ];
        let o = from_elections(&items);
        assert_eq!(o.chair.as_deref(), Some("Martin Hylander"));
        assert_eq!(o.secretary.as_deref(), Some("Dennis Rikemanson"));
        assert_eq!(o.adjusters, ["Catrine Mattsson"]);
        let o = from_elections(&[item(
            "Val av ordförande",
            "Till mötesordförande valdes Anna Berg. Till vice ordförande valdes Bo Ek.",
        )]);
        assert_eq!(o.chair.as_deref(), Some("Anna Berg"));
        // Names in any letters of the Latin script (the patterns' letter class).
        let o = from_elections(&[item(
            "",
            "Till mötesordförande valdes Ajla Ćano. Zeynep Şahin och Łukasz Kowalczyk \
             utsågs att jämte ordföranden justera protokollet.",
        )]);
        assert_eq!(o.chair.as_deref(), Some("Ajla Ćano"));
        assert_eq!(o.adjusters, ["Zeynep Şahin", "Łukasz Kowalczyk"]);
    }

    #[test]
    fn signature_block_of_roles_then_names() {
        let block = lines(&[
            "Underskrifter: Sekreterare",
            "Ordförande",
            "Justerare",
            "Annika Funkqvist",
            "Birgitta Adolfsson (FP)",
            "Reidun Lorentzon (KD)",
            "Gunilla Nordberg (S)",
        ]);
        let o = from_labels(&block);
        assert_eq!(o.secretary.as_deref(), Some("Annika Funkqvist"));
        assert_eq!(o.chair.as_deref(), Some("Birgitta Adolfsson"));
        assert_eq!(o.adjusters, ["Reidun Lorentzon", "Gunilla Nordberg"]);
        assert!(in_role_run(&block, 2) && !in_role_run(&block, 3));
        // Too few names for the roles: no pairing.
        let o = from_labels(&lines(&["Ordförande", "Justerare", "Anna Berg"]));
        assert_eq!(o.chair, None);
        // Names strung together under two rules are not a third adjuster.
        let o = from_labels(&lines(&[
            "Utses att justera Patrik Köhler och Nedzad Talovic",
            "Justerande ……… ………",
            "Patrik Köhler Nedzad Talovic",
        ]));
        assert_eq!(o.adjusters, ["Patrik Köhler", "Nedzad Talovic"]);
    }

    #[test]
    fn elections_of_two_roles_and_after_a_colon() {
        let o = from_elections(&[
            item(
                "",
                "Som mötesordförande och sekreterare valdes Lisa Ekehult och Per Westin.",
            ),
            item(
                "",
                "Följande personer valdes att, jämte ordförande, justera dagens protokoll: Jimmy Mårts och Ninni Tamm",
            ),
            item("Val av mötesordförande", "a. Olav Övrebö blev vald till ordförande."),
        ]);
        assert_eq!(o.chair.as_deref(), Some("Lisa Ekehult"));
        assert_eq!(o.secretary.as_deref(), Some("Per Westin"));
        assert_eq!(o.adjusters, ["Jimmy Mårts", "Ninni Tamm"]);
        let o = from_elections(&[item("", "Till ordförande för stämman väljs Hans Jansson.")]);
        // Elections on lines without stops.
        let o2 = from_elections(&[item(
            "",
            "Till mötesordförande valdes Mattias Bjärnemalm\nTill mötessekreterare valdes Henrik Brändén\nTill justerare valdes Emil Isberg och Fredrik Strandin.",
        )]);
        assert_eq!(o2.chair.as_deref(), Some("Mattias Bjärnemalm"));
        assert_eq!(o2.secretary.as_deref(), Some("Henrik Brändén"));
        // Words before the name: "väljs sittande ordförande Carin Nises".
        let sitting = from_elections(&[item(
            "",
            "Till ordförande för årsmötet väljs sittande ordförande Carin Nises.",
        )]);
        assert_eq!(sitting.chair.as_deref(), Some("Carin Nises"));
        // Two words after "för": "Till ordförande för dagens stämma valdes …".
        let two = from_elections(&[item(
            "",
            "Till ordförande för dagens stämma valdes Christer Gruhs",
        )]);
        assert_eq!(two.chair.as_deref(), Some("Christer Gruhs"));
        // A clause of the role's task between the role and the verb.
        let leads = from_elections(&[item(
            "",
            "Till ordförande att leda dagens förhandlingar valdes Attila Kriss.",
        )]);
        assert_eq!(leads.chair.as_deref(), Some("Attila Kriss"));
        let two = from_elections(&[item(
            "",
            "Tina Martin valdes till mötets ordförande och till sekreterare valdes Susanne Lagus.",
        )]);
        assert_eq!(two.chair.as_deref(), Some("Tina Martin"));
        assert_eq!(two.secretary.as_deref(), Some("Susanne Lagus"));
        // The person, not the organisation they come from.
        let from = from_elections(&[item(
            "Val av protokollförare",
            "Stämmoordförande Kristian Martinsson valde Maria Lundgren från Bredablick Förvaltning till protokollförare.",
        )]);
        assert_eq!(from.secretary.as_deref(), Some("Maria Lundgren"));
        // The annual meeting's own officers ("årsmötes-").
        let annual = from_elections(&[item(
            "Val av ordförande och sekreterare",
            "att Simon Wreland väljs till årsmötesordförande. att Anna Berg väljs till årsmötessekreterare.",
        )]);
        assert_eq!(annual.chair.as_deref(), Some("Simon Wreland"));
        assert_eq!(annual.secretary.as_deref(), Some("Anna Berg"));
        // Roles and names listed in one electing sentence; a verb left out.
        let listed = from_elections(&[item(
            "",
            "Till funktionärer för mötet valdes som ordförande Anne-Marie Berger, som sekreterare Erik Berger samt som justerare Gurli Hedin och Jolou Hörner.",
        )]);
        assert_eq!(listed.chair.as_deref(), Some("Anne-Marie Berger"));
        assert_eq!(listed.secretary.as_deref(), Some("Erik Berger"));
        assert_eq!(listed.adjusters, ["Gurli Hedin", "Jolou Hörner"]);
        let elided = from_elections(&[item(
            "",
            "Till ordförande valdes Margareta Johansson och till sekreterare Inger Bylund.",
        )]);
        assert_eq!(elided.secretary.as_deref(), Some("Inger Bylund"));
        // The names before the verb under a heading naming the role.
        let before = from_elections(&[item(
            "Val av två justerare tillika rösträknare",
            "Ulrika Hådén och Inga Öström valdes.",
        )]);
        assert_eq!(before.adjusters, ["Ulrika Hådén", "Inga Öström"]);
        assert_eq!(o.chair.as_deref(), Some("Hans Jansson"));
        let o = from_elections(&[item(
            "",
            "Till justeringsmän/rösträknare valdes Niklas Alm och Jörgen Loeb.",
        )]);
        assert_eq!(o.adjusters, ["Niklas Alm", "Jörgen Loeb"]);
        let o = from_elections(&[item("", "Olav Övrebö blev vald till ordförande.")]);
        assert_eq!(o.chair.as_deref(), Some("Olav Övrebö"));
        assert!(elects("Val av mötesordförande") && !elects("Valberedningens förslag"));
        assert!(elects("Val.") && !elects("Val ansvar"));
    }

    #[test]
    fn elections_worded_by_the_meeting_s_genitive_or_the_task() {
        let o = from_elections(&[
            item("", "Beslutas att Rune Nordström är ordförande för stämman."),
            item("", "Lars Larsson utses att föra stämmans protokoll."),
            item(
                "",
                "Till justeringsmän, tillika rösträknare, valdes Björn Linderoth och Jörgen Frotzler.",
            ),
        ]);
        assert_eq!(o.chair.as_deref(), Some("Rune Nordström"));
        assert_eq!(o.secretary.as_deref(), Some("Lars Larsson"));
        assert_eq!(o.adjusters, ["Björn Linderoth", "Jörgen Frotzler"]);
        let o = from_elections(&[item(
            "",
            "Till stämmans sekreterare valdes Gunnar Forssell.",
        )]);
        assert_eq!(o.secretary.as_deref(), Some("Gunnar Forssell"));
    }

    #[test]
    fn adjusters_with_particles_and_elections_without_the_role() {
        let o = from_labels(&lines(&[
            "Protokolljusterare Margareta der Nederlanden, Gunnel Clettborn",
        ]));
        assert_eq!(
            o.adjusters,
            ["Margareta der Nederlanden", "Gunnel Clettborn"]
        );
        let o = from_elections(&[item(
            "Val av protokolljusterare, tillika rösträknare",
            "Årsmötet beslutade att välja Karin Barck Holst och Anders Nylander.",
        )]);
        assert_eq!(o.adjusters, ["Karin Barck Holst", "Anders Nylander"]);
    }

    #[test]
    fn adjusters_as_the_object_of_the_meeting_s_choice() {
        let o = from_elections(&[item(
            "Protokollsjustering",
            "Kommunfullmäktige utser Hans Berg och Amar Sabri att jämte ordföranden justera protokollet.",
        )]);
        assert_eq!(o.adjusters, ["Hans Berg", "Amar Sabri"]);
        let o = from_elections(&[item(
            "Val av justerare",
            "Styrelsen beslutade att välja, utöver ordföranden, Hans Andersson att justera protokollet.",
        )]);
        assert_eq!(o.adjusters, ["Hans Andersson"]);
        // The role word capitalised mid-sentence.
        let o = from_elections(&[item(
            "Val av protokolljusterare",
            "Christoffer Santala valdes till Justerare",
        )]);
        assert_eq!(o.adjusters, ["Christoffer Santala"]);
    }

    #[test]
    fn signature_names_over_or_under_their_roles() {
        // Names over roles: the block opens with a name and ends with a role.
        let names_over = lines(&[
            "Elektroniska underskrifter",
            "Emilia Haverinen",
            "ordförande",
            "Katarina Östman",
            "protokollförare",
            "Det justerade protokollet publiceras",
        ]);
        let o = from_labels(&names_over);
        assert_eq!(o.chair.as_deref(), Some("Emilia Haverinen"));
        assert_eq!(o.secretary.as_deref(), Some("Katarina Östman"));
        // Roles over names: it opens with a role and ends with a name.
        let roles_over = lines(&[
            "Underskrifter",
            "Sekreterare",
            "Anna Berg",
            "Ordförande",
            "Bo Ek",
            "Justerare",
            "Cecilia Lund",
        ]);
        let o = from_labels(&roles_over);
        assert_eq!(o.secretary.as_deref(), Some("Anna Berg"));
        assert_eq!(o.chair.as_deref(), Some("Bo Ek"));
        assert_eq!(o.adjusters, ["Cecilia Lund"]);
    }

    #[test]
    fn chair_roles_with_party_and_parentheses() {
        assert!(is_chair_role("(ordförande)"));
        assert!(is_chair_role("(s) ordförande"));
        assert!(is_chair_role("ordf."));
        assert!(!is_chair_role("förste vice ordf"));
    }

    #[test]
    fn secretary_roles_in_attendance() {
        assert!(is_secretary_role("sekreterare"));
        assert!(is_secretary_role("ungdomsledare, prot.förare"));
        assert!(is_secretary_role("(MG) vid protokollet"));
        assert!(is_secretary_role("(sekr)"));
        assert!(is_chair_role("(ordf)") && is_chair_role("(s) ordförande"));
        assert!(!is_secretary_role("kommunsekreterare"));
        assert!(!is_secretary_role("ordförande"));
    }

    #[test]
    fn opening_and_closing_times() {
        let items = [
            item(
                "Mötets öppnande",
                "Mötet öppnades av Isak Horvath kl. 12:15.",
            ),
            item(
                "Mötets avslutande",
                "Mötesordförande avslutar mötet kl. 12:32",
            ),
        ];
        assert_eq!(
            opening_and_closing(&items),
            (Some("12:15".into()), Some("12:32".into()))
        );
        // Another meeting's minutes appended: the first closing item is this meeting's.
        let items = [
            item("Mötets öppnande", "Mötet öppnades 17:18."),
            item("Mötets avslutande", "Mötet avslutades 18:17."),
            item("Bilaga", "Protokoll från förra mötet"),
            item(
                "Mötets avslutande",
                "Johannes förklarar mötet avslutat kl 01.43.",
            ),
        ];
        assert_eq!(opening_and_closing(&items).1.as_deref(), Some("18:17"));
    }

    #[test]
    fn roles_each_with_its_person_in_one_line() {
        let got =
            role_name_pairs("Mötesordförande Martin Isaksson och mötessekreterare Niclas Holm");
        assert_eq!(
            got,
            [
                (Role::Chair, "Martin Isaksson".to_string()),
                (Role::Secretary, "Niclas Holm".to_string())
            ]
        );
        let got = role_name_pairs("Mötesordförande Martin I och mötessekreterare Niclas H");
        assert_eq!(
            got,
            [
                (Role::Chair, "Martin I".to_string()),
                (Role::Secretary, "Niclas H".to_string())
            ]
        );
        // A surname's initial ends a name; initials inside one are not read so.
        assert_eq!(people("Martin I och Bo Ek"), ["Martin I", "Bo Ek"]);
        assert!(people("Fjerdingsmannen P J Söderqvist").is_empty());
        // A sentence with a verb or a part without a name is no such line.
        assert!(role_name_pairs("Ordföranden och sekreteraren läste protokollet").is_empty());
        assert!(role_name_pairs("Mötesordförande Martin I och övriga ledamöter").is_empty());
    }

    #[test]
    fn one_role_and_its_people_in_a_sentence_of_its_own() {
        let got = |t: &str| {
            sole_role_sentences(t)
                .into_iter()
                .map(|(_, r, n)| (r, n))
                .collect::<Vec<_>>()
        };
        let v = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // Letters of a list split the sentences; a dash after the role stands for the verb.
        assert_eq!(
            got("För mötet valdes till a. ordförande – Nicole Medin b. sekreterare – Lisa Davidsson c. två protokolljusterare, tillika rösträknare – Johanna Knapp och Gunilla Wiik"),
            vec![
                (Role::Chair, v(&["Nicole Medin"])),
                (Role::Secretary, v(&["Lisa Davidsson"])),
                (Role::Adjuster, v(&["Johanna Knapp", "Gunilla Wiik"])),
            ]
        );
        // The chair the adjusters join is no second role; names before the verb count.
        assert_eq!(
            got("Gunnar Bengtson och Bengt Holtzberg valdes att tillsammans med mötets ordförande justera dagens protokoll."),
            vec![(Role::Adjuster, v(&["Gunnar Bengtson", "Bengt Holtzberg"]))]
        );
        assert_eq!(
            got("Val av två protokolljusterare som blev Sylve Dahlberg och Göran Söderström."),
            vec![(Role::Adjuster, v(&["Sylve Dahlberg", "Göran Söderström"]))]
        );
        // A proposal's author before its colon; a role word before a name.
        assert_eq!(
            got("Anna Bergs förslag: Nämnden utser protokolljusterare. Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman."),
            vec![(Role::Adjuster, v(&["Johanna Norrbygård", "Tua Backman"]))]
        );
        assert_eq!(
            got("b. Mötessekreterare Mötet nominerar och väljer Robin Silwa."),
            vec![(Role::Secretary, v(&["Robin Silwa"]))]
        );
        // No election: no verb or dash, two people for one chair, a term of office, the
        // minutes' own state, a signature block.
        assert!(got("Ordförande Rolf Adamsson hälsade alla välkomna.").is_empty());
        assert!(got("Ordföranden Margareta Johansson och kassören Yvonne Uhlin valdes att var för sig vara firmatecknare.").is_empty());
        assert!(got("Till ordförande för föreningen på ett år valdes Anna Berg.").is_empty());
        assert!(got("Denna paragraf förklarades omedelbart justerad. Justeras: Stefan Ingves Per Jansson Tel 08 - 787 00 00").is_empty());
    }

    #[test]
    fn elections_under_capitals_respektive_and_bare_lines() {
        // A heading in capitals runs into its text: no initial is made of it.
        let items = [
            item("VAL AV", "Som mötesordförande valdes Bjarne Färjhage."),
            item(
                "Val av mötesfunktionärer",
                "Hans Jacobsen mötets ordförande\nMats Fässberg mötets sekreterare\nJeanette Öjerskog protokolljusterare\nMonica Ullbrandt protokolljusterare",
            ),
        ];
        let o = from_elections(&items);
        assert_eq!(o.chair.as_deref(), Some("Bjarne Färjhage"));
        assert_eq!(o.secretary.as_deref(), Some("Mats Fässberg"));
        assert_eq!(o.adjusters, ["Jeanette Öjerskog", "Monica Ullbrandt"]);
        let items = [item(
            "",
            "Karl-Erik Eriksson och Kerstin Holmius valdes till ordförande respektive sekreterare för årsmötesförhandlingarna.",
        )];
        let o = from_elections(&items);
        assert_eq!(o.chair.as_deref(), Some("Karl-Erik Eriksson"));
        assert_eq!(o.secretary.as_deref(), Some("Kerstin Holmius"));
        let items = [item(
            "Val av ordförande samt sekreterare för mötet",
            "Ordförande Rune Underskog. Sekreterare Fritz Andersson.",
        )];
        let o = from_elections(&items);
        assert_eq!(o.chair.as_deref(), Some("Rune Underskog"));
        assert_eq!(o.secretary.as_deref(), Some("Fritz Andersson"));
        let items = [item(
            "",
            "Till mötesordförande valdes Kaj Ole Nyroos och till dess sekreterare Marlene Sjöblom.",
        )];
        assert_eq!(
            from_elections(&items).secretary.as_deref(),
            Some("Marlene Sjöblom")
        );
        let items = [item(
            "Anmälan av stämmoordförandes val av protokollförare",
            "Hans Jansson anmäler Marcus Holmgren att för dagen föra protokoll.",
        )];
        assert_eq!(
            from_elections(&items).secretary.as_deref(),
            Some("Marcus Holmgren")
        );
    }

    #[test]
    fn a_label_after_slashes() {
        let o = from_labels(&lines(&[
            "11. Mötet avslutades.",
            "//Sekreterare: Eva Andersson",
        ]));
        assert_eq!(o.secretary.as_deref(), Some("Eva Andersson"));
    }
}
