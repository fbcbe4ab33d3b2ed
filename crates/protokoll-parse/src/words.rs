//! The segmentation's word lists (`data/words.txt`, which names its source), parsed once
//! on first use. The section headings (`data/sections.tsv`), roles (`data/roles.tsv`)
//! and decision forms (`data/decisions.txt`) have files of their own.

use protokoll_model::wordlist::{list, sections};
use std::sync::LazyLock;

/// The lists of `data/words.txt`.
pub struct Words {
    /// Labels whose value says when the meeting was held.
    pub time_labels: Vec<&'static str>,
    /// Labels whose value says where.
    pub place_labels: Vec<&'static str>,
    /// The days of the week ("lördag").
    pub weekdays: Vec<&'static str>,
    /// What a case number's label opens with, longest first.
    pub case_keys: Vec<&'static str>,
    /// Words before an item's number ("Punkt 3").
    pub label_words: Vec<&'static str>,
    /// Lowercase words inside a name ("von", "af").
    pub name_particles: Vec<&'static str>,
    /// Party abbreviations written without brackets.
    pub parties: Vec<&'static str>,
    /// Past-tense verbs that make a numbered point a sentence, not a heading.
    pub reported_verbs: Vec<&'static str>,
    /// Counts written as words, in order from zero ("noll", "en", "två", …).
    pub number_words: Vec<&'static str>,
    /// Titles written before a name ("Advokat", "Dr").
    pub titles: Vec<&'static str>,
    pub officer_titles: Vec<&'static str>,
    /// Endings of job titles written before a name ("Ekonomichef Anders Svensson").
    pub job_title_endings: Vec<&'static str>,
    /// Roles that stand where a presenter's name would ("ordf.").
    pub presenter_roles: Vec<&'static str>,
    /// Capitalised words that open sentences, not names ("Mötet").
    pub not_names: Vec<&'static str>,
    /// Labels over a list of coming meeting dates ("Sammanträdesdagar").
    pub schedule_labels: Vec<&'static str>,
    /// Title words that make an item the body's schedule ("Vårens möten").
    pub schedule_titles: Vec<&'static str>,
    /// Stems of an item title that closes the meeting ("Mötets avslutande").
    pub closing_titles: Vec<&'static str>,
    /// The words that head an appendix ("Bilaga 1", "Appendix A").
    pub appendix_headings: Vec<&'static str>,
    /// What a meeting is called, as a compound's tail ("möte", "sammanträde").
    pub schedule_nouns: Vec<&'static str>,
    /// Words before a meeting noun that point to a coming meeting ("nästa").
    pub schedule_before: Vec<&'static str>,
    /// Words after a meeting noun that say when it is held ("hålls").
    pub schedule_after: Vec<&'static str>,
    /// Words before a date that make it a deadline ("före den 1 juli").
    pub schedule_deadlines: Vec<&'static str>,
    /// Tails of roles held by election ("ordförande", "ledamot").
    pub elected_roles: Vec<&'static str>,
    /// Words before a role that make its holder company, not elected ("jämte").
    pub accompanying_words: Vec<&'static str>,
    /// Words of an election to a body or for a term ("styrelsen", "år").
    pub term_elections: Vec<&'static str>,
    /// Words that join names in a list ("och", "tillika").
    pub name_joiners: Vec<&'static str>,
    /// Abbreviations whose stop ends no sentence ("ordf", "t.ex").
    pub abbreviations: Vec<&'static str>,
    /// Words that open a remark after a place and its comma ("i samband").
    pub place_remarks: Vec<&'static str>,
    /// A verb between a list heading and its names ("är", "voro").
    pub list_copulas: Vec<&'static str>,
    /// Words that open a clause continuing the line before ("eller").
    pub clause_joiners: Vec<&'static str>,
    /// A heading's last word before its object ("Val av …").
    pub heading_prepositions: Vec<&'static str>,
    /// Heading openings that announce the meeting's decision ("Beslut om mandatperiod").
    pub decision_titles: Vec<&'static str>,
    /// Words that carry a noun phrase on after its first word ("av", "för").
    pub phrase_words: Vec<&'static str>,
    /// Common finite verbs: one after a text's first word makes it a clause ("är").
    pub finite_verbs: Vec<&'static str>,
    /// Words that open a clause inside a noun phrase ("om", "att").
    pub subordinators: Vec<&'static str>,
    /// Words that make text an organisation's name; "-x" matches a word ending in x.
    pub organisation_words: Vec<&'static str>,
    /// A municipality's or region's word after its name ("… Ljusnarsberg kommun").
    pub organisation_tails: Vec<&'static str>,
    /// Column headers beside a list heading that mark presence ("Närvarande").
    pub presence_columns: Vec<&'static str>,
    /// What a row writes in a presence column for "was there" ("X").
    pub presence_column_marks: Vec<&'static str>,
    /// Attendance headings that list who was there ("Beslutande", "Närvarande").
    pub present_headings: Vec<&'static str>,
    /// Tools a meeting is held over ("Teams").
    pub meeting_tools: Vec<&'static str>,
    /// Words for a meeting held at a distance ("på distans", "telefonmöte").
    pub remote_meeting_words: Vec<&'static str>,
    /// Stems of the words for a meeting ("möte", "stämma").
    pub meeting_stems: Vec<&'static str>,
    /// Words a line stops on in mid-phrase ("och", "att", "af").
    pub line_continuers: Vec<&'static str>,
    /// Prepositions that scope an attendance heading ("ur styrelsen").
    pub scope_prepositions: Vec<&'static str>,
    /// Words of a scope that names the body itself ("styrelse", "nämnd").
    pub board_words: Vec<&'static str>,
}

impl Words {
    /// `word` (lowercase) is an organisation word ([`Words::organisation_words`]).
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.organisation_words
            .iter()
            .any(|e| match e.strip_prefix('-') {
                Some(tail) => word.ends_with(tail),
                None => word == *e,
            })
    }
}

/// `word`, an ASCII word in any case, is in `sorted`, a sorted list of lowercase words:
/// found by bisection without a lowercased copy (asked of the first word of every line).
pub fn has_ascii_word(sorted: &[String], word: &str) -> bool {
    debug_assert!(word.is_ascii());
    sorted
        .binary_search_by(|e| e.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase())))
        .is_ok()
}

/// A regex alternation of `words`, each matched literally, its spaces as any run of
/// white space.
pub fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// The lists, parsed on first use.
pub static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let all = sections(include_str!("../data/words.txt"));
    Words {
        time_labels: list(&all, "time labels"),
        place_labels: list(&all, "place labels"),
        weekdays: list(&all, "weekdays"),
        case_keys: list(&all, "case keys"),
        label_words: list(&all, "label words"),
        name_particles: list(&all, "name particles"),
        parties: list(&all, "parties"),
        reported_verbs: list(&all, "reported verbs"),
        number_words: list(&all, "number words"),
        titles: list(&all, "titles"),
        officer_titles: list(&all, "officer titles"),
        job_title_endings: list(&all, "job title endings"),
        presenter_roles: list(&all, "presenter roles"),
        not_names: list(&all, "not names"),
        schedule_labels: list(&all, "schedule labels"),
        schedule_titles: list(&all, "schedule titles"),
        closing_titles: list(&all, "closing titles"),
        appendix_headings: list(&all, "appendix headings"),
        schedule_nouns: list(&all, "schedule nouns"),
        schedule_before: list(&all, "schedule before"),
        schedule_after: list(&all, "schedule after"),
        schedule_deadlines: list(&all, "schedule deadlines"),
        elected_roles: list(&all, "elected roles"),
        accompanying_words: list(&all, "accompanying words"),
        term_elections: list(&all, "term elections"),
        name_joiners: list(&all, "name joiners"),
        list_copulas: list(&all, "list copulas"),
        place_remarks: list(&all, "place remarks"),
        abbreviations: list(&all, "abbreviations"),
        clause_joiners: list(&all, "clause joiners"),
        heading_prepositions: list(&all, "heading prepositions"),
        decision_titles: list(&all, "decision titles"),
        phrase_words: list(&all, "phrase words"),
        finite_verbs: list(&all, "finite verbs"),
        subordinators: list(&all, "subordinators"),
        organisation_words: list(&all, "organisation words"),
        organisation_tails: list(&all, "organisation tails"),
        presence_columns: list(&all, "presence columns"),
        presence_column_marks: list(&all, "presence column marks"),
        present_headings: list(&all, "present headings"),
        meeting_tools: list(&all, "meeting tools"),
        remote_meeting_words: list(&all, "remote meeting words"),
        meeting_stems: list(&all, "meeting stems"),
        line_continuers: list(&all, "line continuers"),
        scope_prepositions: list(&all, "scope prepositions"),
        board_words: list(&all, "board words"),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read() {
        let w = &*WORDS;
        for l in [
            &w.time_labels,
            &w.place_labels,
            &w.weekdays,
            &w.case_keys,
            &w.label_words,
            &w.name_particles,
            &w.parties,
            &w.reported_verbs,
            &w.number_words,
            &w.titles,
            &w.officer_titles,
            &w.presenter_roles,
            &w.not_names,
            &w.job_title_endings,
            &w.schedule_labels,
            &w.schedule_titles,
            &w.closing_titles,
            &w.appendix_headings,
            &w.decision_titles,
            &w.schedule_nouns,
            &w.schedule_before,
            &w.schedule_after,
            &w.schedule_deadlines,
            &w.elected_roles,
            &w.accompanying_words,
            &w.term_elections,
            &w.name_joiners,
            &w.list_copulas,
            &w.place_remarks,
            &w.abbreviations,
            &w.clause_joiners,
            &w.heading_prepositions,
            &w.phrase_words,
            &w.finite_verbs,
            &w.subordinators,
            &w.organisation_words,
            &w.organisation_tails,
            &w.presence_columns,
            &w.presence_column_marks,
        ] {
            assert!(!l.is_empty());
        }
        assert!(w.time_labels.contains(&"plats och tid"));
        assert!(w.place_labels.contains(&"sammanträdesplats"));
        assert_eq!(w.case_keys.first(), Some(&"diarienummer"));
        assert_eq!(w.number_words.get(7), Some(&"sju"));
        assert!(w.is_organisation_word("ljusnarsbergs-kommun"));
        assert!(w.is_organisation_word("kommunledningsförvaltningen"));
        assert!(!w.is_organisation_word("kommunen"));
    }

    #[test]
    fn ascii_words_are_found_in_any_case() {
        let sorted: Vec<String> = ["adjungerade", "ledamöter", "närvarande", "sekreterare"]
            .map(String::from)
            .to_vec();
        assert!(has_ascii_word(&sorted, "Sekreterare"));
        assert!(has_ascii_word(&sorted, "ADJUNGERADE"));
        assert!(!has_ascii_word(&sorted, "Sekreterarens"));
        assert!(!has_ascii_word(&sorted, "Anna"));
    }
}
