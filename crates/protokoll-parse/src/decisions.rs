//! Decisions of this meeting, found in an item's text: labelled ("Beslut:", "Beslutas:")
//! or sentences whose verb says the meeting decided ("fastställdes", "godkändes",
//! "valdes", "läggs till handlingarna", "Beslut fattades"). Decisions that an item only
//! reports from another body ("har beslutat", "ska fattas") are left out.

use protokoll_model::text::lowercase;

use crate::sections::{self, SectionKind};
use regex::Regex;
use std::sync::LazyLock;

/// A decision run into its label ("Beslut: …", "Beslutas: …", "Mötets beslut: …").
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\w+s\s+)?(?:beslut|beslutas|beslutades)\s*:\s*(.*)$").expect("regex")
});
/// "Kommunstyrelsens beslut Delårsrapporten godkänns …": a decision heading run into
/// its decision.
static HEADED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{L}+s\s+)?[Bb]eslut:?\s+(\p{Lu}.*)$").expect("regex"));
/// The decision forms (`data/decisions.txt`): `[ours]`, `[not ours]` and `[stems]`,
/// each a list of regular-expression alternatives.
fn forms(section: &str) -> String {
    entries(section).join("|")
}

/// The entries of a section of `data/decisions.txt`.
fn entries(section: &str) -> Vec<&'static str> {
    let all = protokoll_model::wordlist::sections(include_str!("../data/decisions.txt"));
    protokoll_model::wordlist::list(&all, section)
}

/// A form that says this meeting decided ("fastställdes", "Mötet väljer …").
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\p{{N}}_])(?:{})(?-u:\b)",
        forms("ours")
    ))
    .expect("regex")
});
/// A form that reports a decision of another body, or a step still to come.
static NOT_OURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})", forms("not ours"))).expect("regex")
});
/// A numbered or bulleted att-sats inside a decision ("1. att …", "- att …").
static ATT_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:\d{1,2}[.)]|[-–•])\s+(?:[Aa]tt\s)").expect("regex"));

/// A lettered list entry ("c. Val av kassör", "b) att …").
static LETTERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Ll}[.)]\s").expect("regex"));

/// Stems that every alternative of `VERB` contains, less their first letter so that
/// one case-sensitive literal search (a multi-pattern scan) finds "Beslut" and
/// "beslut" alike: it spares the Unicode-aware regex on most sentences. An
/// Aho-Corasick automaton of its own: as a regex, the 54 short literals ran through
/// the lazy DFA, not as a plain literal search.
static VERB_STEMS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(entries("stems"))
        .expect("stems")
});

/// Splits text into sentences (after . ! ? followed by a space and a capital letter,
/// perhaps behind a list dash, and at line and paragraph breaks).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut start = 0;
        // The stops are ASCII: a byte scan finds them without decoding every character
        // (a stop byte is always a whole character in UTF-8); sentences run on this
        // for every item, so the scan is a vectorised one.
        for i in memchr::memchr3_iter(b'.', b'!', b'?', para.as_bytes()) {
            let b = para.as_bytes().get(i).copied().unwrap_or(b'.');
            let rest = para.get(i + 1..).unwrap_or("");
            // The next sentence may open a list entry ("… Herrlin. - Mötet valde …").
            let next = crate::view::unmarked(rest);
            if !(rest.starts_with(' ') && next.starts_with(char::is_uppercase)) {
                continue;
            }
            if b == b'.' && list_number_before(para.get(start..i).unwrap_or("")) {
                continue;
            }
            // "Olle E. Johansson": the stop of an initial ends no sentence, nor does
            // an abbreviation's ("att ordf. Arne Hallsten").
            let before = para.get(start..i).unwrap_or("");
            if b == b'.' && (initial_before(before) || abbreviation_before(before)) {
                continue;
            }
            let end = i + 1;
            let s = para.get(start..end).unwrap_or("").trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
        let s = para.get(start..).unwrap_or("").trim();
        if !s.is_empty() {
            out.push(s);
        }
    }
    out
}

/// The text before a full stop ends in a listed abbreviation ("ordf", "t.ex").
pub(crate) fn abbreviation_before(before: &str) -> bool {
    let last = lowercase(
        before
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or(""),
    );
    crate::words::WORDS.abbreviations.contains(&last.as_ref())
}

/// The text before a full stop ends in a list number that opens a line or follows a
/// colon ("med följande tillägg: 22. Fyllnadsval"): the stop is the number's, not the
/// sentence's.
fn list_number_before(before: &str) -> bool {
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let lead = before.get(..before.len() - digits).unwrap_or("").trim_end();
    (1..=LIST_NUMBER_DIGITS).contains(&digits) && (lead.is_empty() || lead.ends_with(':'))
}

/// The text before a full stop ends in a lone capital letter after a space: an
/// initial of a name.
fn initial_before(before: &str) -> bool {
    let mut rev = before.chars().rev();
    rev.next().is_some_and(char::is_uppercase) && rev.next() == Some(' ')
}

/// The most digits a list number has.
const LIST_NUMBER_DIGITS: usize = 2;

/// The decisions in an item's text. Where the item has a decision section ("Beslut",
/// "Kommunstyrelsens beslut"), its content is the decisions; otherwise sentences whose
/// verb says the meeting decided, outside proposals, motions, votes and the like.
pub fn decisions(text: &str) -> Vec<String> {
    let mut in_sections = Vec::new();
    let mut by_verb: Vec<String> = Vec::new();
    let mut section: Option<SectionKind> = None;
    // The paragraphs after a decision that introduces a list are its entries.
    let mut listing = false;
    for para in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        let mut content = para;
        if let Some((kind, rest)) = sections::heading(para) {
            section = Some(kind);
            content = rest;
        }
        if content.is_empty() {
            continue;
        }
        match section {
            Some(SectionKind::Decision) => in_sections.extend(decision_parts(content)),
            None | Some(SectionKind::Account) => {
                // "Det beslutades att" / "Styrelsen beslutade följande:" closing the
                // paragraph before: this one is what was decided.
                // "Direktionen beslutade" over bulleted "att …" entries: the entries
                // that follow one another are all what was decided.
                let continues = listing && is_list_entry(content);
                // An entry's line wrapped into a paragraph of its own goes on it.
                let wrapped = listing
                    && content.starts_with(char::is_lowercase)
                    && !LETTERED.is_match(content);
                if let Some(last) = by_verb.last_mut().filter(|l| wrapped && !l.ends_with('.')) {
                    last.push(' ');
                    last.push_str(content);
                } else if continues || by_verb.last().is_some_and(|d: &String| introduces_list(d)) {
                    // A verb alone ("Beslöts") is the list's label, not a decision.
                    if !listing && by_verb.last().is_some_and(|d| !d.trim().contains(' ')) {
                        by_verb.pop();
                    }
                    listing = true;
                    by_verb.extend(decision_parts(content));
                } else {
                    listing = false;
                    by_verb.extend(verb_decisions(content));
                }
            }
            Some(_) => {
                // A proposal given after its label ("Förslag: John Herrlin.") is that
                // sentence: what follows is the meeting's again ("Mötet valde John").
                if content != para {
                    section = None;
                    for s in sentences(content).into_iter().skip(1) {
                        by_verb.extend(verb_decisions(s));
                    }
                }
            }
        }
    }
    if in_sections.is_empty() {
        by_verb
    } else {
        in_sections
    }
}

/// A decision section's text as decisions: one per sentence, and one per att-sats of a
/// numbered or bulleted list.
fn decision_parts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |part: &str| {
        let part = crate::view::unmarked(part)
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '–' | '•')
            })
            .trim();
        if !part.is_empty() {
            out.push(part.to_string());
        }
    };
    for s in sentences(text) {
        let mut start = 0;
        for m in ATT_ITEM.find_iter(s) {
            push(s.get(start..m.start()).unwrap_or(""));
            start = m.start();
        }
        push(s.get(start..).unwrap_or(""));
    }
    out
}

/// Most words a body may have to be its item's decision by the heading alone.
const TITLE_DECISION_WORDS: usize = 25;

/// The decision of an item whose heading announces one ("Beslut om mandatperiod") where
/// no verb of deciding found any: a body of one short paragraph ("1 år.", "6
/// ledamöter och 1 ersättare.") states what was decided, unless it reads as a
/// proposal or a report of things to come ("föreslår", "yrkar", "ska beslutas").
pub fn by_title(title: &str, text: &str) -> Vec<String> {
    let heading = lowercase(title.trim_start());
    let announces = crate::words::WORDS
        .decision_titles
        .iter()
        .any(|p| heading.starts_with(p));
    if !announces
        || text.contains('\n')
        || text.split_whitespace().count() > TITLE_DECISION_WORDS
        || NOT_OURS.is_match(text)
    {
        return Vec::new();
    }
    sentences(text)
        .into_iter()
        .map(|s| crate::view::unmarked(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Sentences that say the meeting decided.
fn verb_decisions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Every form below needs a stem, and most paragraphs have none: one scan of the
    // paragraph finds them all, and spares splitting the rest into sentences. (No stem
    // spans a sentence's end, so a sentence has one if a found one lies inside it.)
    let stems: Vec<std::ops::Range<usize>> =
        VERB_STEMS.find_iter(text).map(|m| m.range()).collect();
    if stems.is_empty() {
        return out;
    }
    let mut listing = false;
    for s in sentences(text) {
        let at = (s.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        // The stems are found in order and do not overlap: the first one at or after
        // the sentence's start is the one that may lie inside it (a scan of them all
        // for each sentence made a long paragraph quadratic).
        let first = stems.partition_point(|r| r.start < at);
        let has_stem = stems.get(first).is_some_and(|r| r.end <= at + s.len());
        // The labelled forms all contain "eslut" (Beslut, beslutas, …): test that first.
        let labelled = s.contains("eslut");
        if let Some(c) = labelled.then(|| LABEL.captures(s)).flatten() {
            let body = c.get(1).map_or("", |m| m.as_str()).trim();
            if !body.is_empty() {
                out.push(body.to_string());
            }
            continue;
        }
        if let Some(c) = labelled.then(|| HEADED.captures(s)).flatten() {
            if let Some(body) = c.get(1) {
                out.push(body.as_str().trim().to_string());
                continue;
            }
        }
        // The sentences after "… beslutade följande: A, ordförande." list it, entry
        // after entry while they read as entries ("B, kassör.").
        if out.last().is_some_and(|d: &String| introduces_list(d)) || listing && list_entry(s) {
            out.push(s.to_string());
            listing = true;
            continue;
        }
        listing = false;
        if has_stem && VERB.is_match(s) && !NOT_OURS.is_match(s) {
            // A list entry's dash is no part of the decision.
            let s = crate::view::unmarked(s);
            out.push(
                s.trim_end_matches(['.', ' ']).to_string()
                    + if s.ends_with('.') { "." } else { "" },
            );
        }
    }
    out
}

/// Most words of a sentence that continues a list of decided entries.
const LIST_ENTRY_WORDS: usize = 10;

/// A sentence that reads as an entry of a list run into a paragraph: a few words with a
/// comma between a name and what it gets ("Ylva Rudling, kassör.").
fn list_entry(s: &str) -> bool {
    s.contains(',') && s.split_whitespace().count() <= LIST_ENTRY_WORDS
}

/// A decision that introduces what was decided: it ends in "att", a colon or a verb of
/// deciding that wants its object ("Direktionen beslutade"), or a colon follows its
/// verb ("Styrelsen beslutade följande angående …: A, ordförande."; not the colon of
/// "§7:5").
fn introduces_list(d: &str) -> bool {
    let d = d.trim_end();
    // "Stämman beslutar," over "att godkänna …": a comma does not end the lead-in (a
    // stop does: "Fyra mål är beslutade." reports).
    let last = lowercase(
        d.rsplit(' ')
            .next()
            .unwrap_or("")
            .trim_end_matches([',', ';']),
    );
    d.ends_with(':')
        || d.ends_with(" att")
        || matches!(
            last.as_ref(),
            "beslutade" | "beslutar" | "beslöt" | "beslöts" | "beslutades" | "beslutas"
        )
        || VERB.find(d).is_some_and(|v| {
            let after = d.get(v.end()..).unwrap_or("");
            after.contains(": ")
        })
}

/// A paragraph that is an entry of a list: a bullet, a dash or a number opens it, or
/// the "att" of an att-sats.
fn is_list_entry(p: &str) -> bool {
    let p = p.trim_start();
    crate::view::unmarked(p) != p || p.starts_with("att ") || ATT_ITEM.is_match(&format!(" {p}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_on_its_label_s_line_ends_there() {
        assert_eq!(
            decisions("Förslag: John Herrlin. - Mötet valde John till ordförande."),
            ["Mötet valde John till ordförande."]
        );
        // Standing alone, the label heads the paragraphs that follow.
        assert!(decisions("Förslag till beslut\nStyrelsen beslutar att anta planen.").is_empty());
    }

    #[test]
    fn a_verb_alone_labels_the_decisions_below() {
        assert_eq!(
            decisions("Beslöts\n- Att den vakanta platsen tillsätts med Anette.\n- Kallelsen skall sändas före midsommar."),
            ["Att den vakanta platsen tillsätts med Anette.", "Kallelsen skall sändas före midsommar."]
        );
    }

    #[test]
    fn a_lawfully_called_meeting_is_a_decision() {
        assert_eq!(
            decisions("Mötet konstaterades lagenligt sammankallat och beslutfört."),
            ["Mötet konstaterades lagenligt sammankallat och beslutfört."]
        );
    }

    #[test]
    fn re_elections_are_decisions() {
        assert_eq!(
            decisions("Margareta Johansson och Anders Sällwin omvaldes."),
            ["Margareta Johansson och Anders Sällwin omvaldes."]
        );
        // "Omval på", "Nyval av", "Fyllnadsval, …": a noun of electing, then its object.
        assert_eq!(
            decisions("Styrelseledamöter: Omval på Georg Ågren. Nyval på Lars-Olof Hermansson.\n\nFyllnadsval, efter Per Pernholt, av Rune Underskog."),
            [
                "Styrelseledamöter: Omval på Georg Ågren.",
                "Nyval på Lars-Olof Hermansson.",
                "Fyllnadsval, efter Per Pernholt, av Rune Underskog."
            ]
        );
        assert_eq!(
            decisions("Till revisorer nyväljs Gun Nyberg och Margitta Dahlqvist."),
            ["Till revisorer nyväljs Gun Nyberg och Margitta Dahlqvist."]
        );
        assert!(decisions("Frågan om omval tas upp i höst.").is_empty());
    }

    #[test]
    fn an_abbreviation_s_stop_ends_no_sentence() {
        assert_eq!(
            sentences("Beslutades att ordf. Arne Hallsten får teckna. Mötet avslutades."),
            [
                "Beslutades att ordf. Arne Hallsten får teckna.",
                "Mötet avslutades."
            ]
        );
        assert_eq!(
            sentences("Vi har t.ex. Bo. Han kom."),
            ["Vi har t.ex. Bo.", "Han kom."]
        );
    }

    #[test]
    fn the_decision_forms_are_read_from_their_data_file() {
        for section in ["ours", "not ours", "stems"] {
            assert!(forms(section).split('|').count() > 5, "{section}");
        }
        // Every pattern compiles (they are built on first use).
        assert!(VERB.is_match("Dagordningen fastställdes."));
        assert!(NOT_OURS.is_match("Styrelsen har beslutat om detta."));
        assert!(VERB_STEMS.is_match("Beslut"));
    }

    #[test]
    fn lists_after_a_lead_in() {
        // A lead-in with nothing after its verb: the bulleted entries below it.
        assert_eq!(
            decisions(
                "Direktionen beslutade\n\u{f0b7} om åtgärder enligt bilaga A.\n\u{f0b7} att publicera\nprotokollet.\nDenna paragraf förklarades omedelbart justerad.\nVid protokollet"
            ),
            [
                "Direktionen beslutade",
                "om åtgärder enligt bilaga A.",
                "att publicera protokollet.",
                "Denna paragraf förklarades omedelbart justerad."
            ]
        );
        // A whole decision, or a colon inside a reference, introduces nothing.
        assert_eq!(
            decisions(
                "Ordföranden förklarade mötet avslutat\nÅrsmötessekreterare Årsmötesordförande"
            ),
            ["Ordföranden förklarade mötet avslutat"]
        );
        assert_eq!(
            decisions("Årsmötet beslutade att §7:5 utgår\n● Hälsning från Ann Ek till mötet."),
            ["Årsmötet beslutade att §7:5 utgår"]
        );
    }

    #[test]
    fn an_organ_s_formulas_and_a_proposal() {
        assert_eq!(
            decisions("Nämnden väljer Eva Ek (M) att justera protokollet."),
            ["Nämnden väljer Eva Ek (M) att justera protokollet."]
        );
        assert_eq!(
            decisions("Arbetsutskottet tar informationen till protokollet."),
            ["Arbetsutskottet tar informationen till protokollet."]
        );
        // A proposal names the act it proposes.
        // The meeting approves or rejects: its own decision; another body's is reported.
        assert_eq!(
            decisions("Mötet biföll styrelsens förslag att höja avgiften."),
            ["Mötet biföll styrelsens förslag att höja avgiften."]
        );
        assert_eq!(
            decisions("Stämman avslog motionen."),
            ["Stämman avslog motionen."]
        );
        assert!(decisions("Kommunen biföll i juni vår ansökan.").is_empty());
        assert!(
            decisions("Revisorn föreslog att årsmötet beviljar styrelsen ansvarsfrihet.")
                .is_empty()
        );
    }

    #[test]
    fn a_lead_in_ending_in_a_comma_introduces_its_att_sats() {
        assert_eq!(
            decisions("Stämman beslutar,\n\natt fastställa dagordningen.\n\nBilaga 2."),
            ["Stämman beslutar,", "att fastställa dagordningen."]
        );
    }

    #[test]
    fn a_list_run_into_the_paragraph_of_its_decision_is_read_to_its_end() {
        let text = "Styrelsen beslutade följande om sammansättningen: Carl Berg, ordförande. \
                    Jan Ek, vice ordförande. Ylva Rud, kassör. Ordföranden tackade alla.";
        assert_eq!(
            decisions(text),
            [
                "Styrelsen beslutade följande om sammansättningen: Carl Berg, ordförande.",
                "Jan Ek, vice ordförande.",
                "Ylva Rud, kassör."
            ]
        );
    }

    #[test]
    fn a_heading_that_announces_a_decision_makes_a_short_body_the_decision() {
        assert_eq!(by_title("Beslut om mandatperiod", "1 år."), ["1 år."]);
        assert_eq!(
            by_title("Beslut om antal ledamöter", "6 ledamöter och 1 ersättare."),
            ["6 ledamöter och 1 ersättare."]
        );
        // Not under another heading, nor a proposal, nor a long or many-paragraph body.
        assert!(by_title("Mandatperiod", "1 år.").is_empty());
        assert!(by_title("Beslut om arvode", "Valberedningen föreslår 500 kr.").is_empty());
        assert!(by_title(
            "Beslut om budget",
            "Kassören redogjorde.\n\nFrågan bordlades."
        )
        .is_empty());
        let long = "Ordet ".repeat(30);
        assert!(by_title("Beslut om budget", &long).is_empty());
    }

    #[test]
    fn decisions_of_this_meeting() {
        assert_eq!(
            decisions("Dagordningen fastställdes"),
            ["Dagordningen fastställdes"]
        );
        assert_eq!(
            decisions("Beslut: Att godkänna rapporten."),
            ["Att godkänna rapporten."]
        );
        // A decision section holds the decisions; proposals and reports do not count.
        let text = "Förvaltningen föreslår att anta planen.\nFörslag till beslut\nKommunstyrelsen beslutar att anta planen.\nKommunstyrelsens beslut\nKommunstyrelsen beslutar 1. att anta planen 2. att ge förvaltningen i uppdrag att följa upp.\nBeslutet skickas till\nSocialnämnden";
        assert_eq!(
            decisions(text),
            [
                "Kommunstyrelsen beslutar",
                "att anta planen",
                "att ge förvaltningen i uppdrag att följa upp."
            ]
        );
        assert_eq!(
            decisions("Mötet förklarades öppnat. Dagordningen antogs."),
            ["Mötet förklarades öppnat.", "Dagordningen antogs."]
        );
        assert!(decisions("Yrkanden\nAnna Berg (S) yrkar bifall. Mötet godkände.").is_empty());
        assert_eq!(
            decisions("Ingmar informerar. Till justerare valdes Annika Sjöqvist"),
            ["Till justerare valdes Annika Sjöqvist"]
        );
        assert!(
            decisions("Chefsgruppen har även beslutat om en reviderad överenskommelse.").is_empty()
        );
        assert!(decisions("Beslut om förändring fattas förhoppningsvis 13 juni.").is_empty());
        assert_eq!(
            decisions("Dagordningen fastställs med tillägg: 22. Fyllnadsval av ersättare."),
            ["Dagordningen fastställs med tillägg: 22. Fyllnadsval av ersättare."]
        );
        assert_eq!(
            decisions("Olav Ek blev vald till ordförande. Mötet var stadgeenligt utlyst."),
            [
                "Olav Ek blev vald till ordförande.",
                "Mötet var stadgeenligt utlyst."
            ]
        );
        assert_eq!(
            decisions(
                "Catrine Mattsson vald till justerare. Olle E. Johansson valdes till suppleant."
            ),
            [
                "Catrine Mattsson vald till justerare.",
                "Olle E. Johansson valdes till suppleant."
            ]
        );
        assert_eq!(
            decisions("Carl Ek öppnade mötet och hälsade alla välkomna. Ordet gick runt."),
            ["Carl Ek öppnade mötet och hälsade alla välkomna."]
        );
        // Present tense, words opening with å/ä/ö, and the archive's own forms.
        for (text, want) in [
            ("David Ådvall förklarar mötet öppnat klockan 17:18.", true),
            (
                "Hans Jansson förklarar 2015 års föreningsstämma för avslutad.",
                true,
            ),
            (
                "Årsstämman öppnas av styrelsens ordförande Ove Jönsson.",
                true,
            ),
            ("Mötet väljer Razan Ayed till kassör i D-foto.", true),
            ("Rapporten lades till samfällighetens handlingar.", true),
            ("Styrelsen bestämde att 50 kr skall gälla.", true),
            ("Mötet beviljade styrelsen full ansvarsfrihet.", true),
            ("Styrelsemötet förklaras behörigt.", true),
            ("Ordföranden redogjorde för läget.", false),
        ] {
            assert_eq!(!decisions(text).is_empty(), want, "{text}");
        }
        // A decision that introduces a list: the list is what was decided.
        assert_eq!(
            decisions("Styrelsen beslutade följande: Anna Berg, ordförande. Bo Ek, kassör."),
            [
                "Styrelsen beslutade följande: Anna Berg, ordförande.",
                "Bo Ek, kassör."
            ]
        );
        assert_eq!(
            decisions("Det beslutades att\nRickard öppnar ett bankkonto.\nÖvrigt diskuterades."),
            ["Det beslutades att", "Rickard öppnar ett bankkonto."]
        );
        assert_eq!(
            decisions("Röstlängden fastställs till 15. Mötet diskuterade den."),
            ["Röstlängden fastställs till 15."]
        );
        assert!(
            decisions("Ledamöterna uppmanas boka in dagarna innan slutgiltigt beslut fattas.")
                .is_empty()
        );
    }
}
