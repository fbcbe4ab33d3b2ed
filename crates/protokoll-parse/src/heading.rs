//! An item heading split into title, presenters and any body text that shares its line:
//! "Mötet öppnas – Ordförande, Joakim Carlsson", "Deepa: Samverkansplanen",
//! "Anna J.T - RU:s program för hållbar utveckling", "Övriga frågor – Inga övriga frågor
//! har anmälts."

use crate::names::leading_people;
use regex::Regex;
use std::sync::LazyLock;

/// A heading's parts.
#[derive(Debug, Default, PartialEq)]
pub struct Heading {
    pub title: String,
    pub presenters: Vec<String>,
    /// Text after the heading on the same line(s): body.
    pub rest: String,
}

/// Byte offsets of spaced dashes (" – ", " - ", " — ").
fn dashes(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if matches!(c, '–' | '-' | '—') {
            let before = s.get(..i).is_some_and(|b| b.ends_with(' '));
            let end = i + c.len_utf8();
            let after = s
                .get(end..)
                .is_some_and(|a| a.starts_with(' ') || a.is_empty());
            if before && after {
                out.push((i, end));
            }
        }
    }
    out
}

/// A word broken over a heading's two lines joined ("mötesordföran- den" →
/// "mötesordföranden"); a hyphen before a conjunction stays ("Budget- och skuld").
fn join_broken_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        out.push_str(w);
        let broken = w.len() > 2
            && w.ends_with('-')
            && w.chars().rev().nth(1).is_some_and(char::is_lowercase);
        match words.peek() {
            Some(next)
                if broken
                    && next.starts_with(char::is_lowercase)
                    && !matches!(*next, "och" | "eller" | "samt" | "respektive") =>
            {
                out.pop();
            }
            Some(_) => out.push(' '),
            None => {}
        }
    }
    out
}

/// Removes trailing punctuation and an unmatched closing quote.
pub fn clean_title(s: &str) -> String {
    let s = join_broken_words(s);
    let mut t = s
        .trim()
        .trim_end_matches([',', ';', ':', '.', '-', '–', ' '])
        .trim()
        .to_string();
    // An unmatched quote goes, unless it opens the title (Swedish writes ” on both
    // sides, so only its position tells an opening one).
    let quotes = t.matches(['“', '„', '«', '”', '»', '"']).count();
    if quotes % 2 == 1 {
        if let Some(pos) = t.rfind(['”', '»', '"']).filter(|&p| p > 0) {
            let len = t
                .get(pos..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            t.replace_range(pos..pos + len, "");
        }
    }
    t.trim().to_string()
}

/// "Title – Presenter[s] [body]": the last dash in `ds` (byte ranges of `text`) that
/// people follow splits the title from its presenters.
fn title_then_people(text: &str, ds: &[(usize, usize)]) -> Option<Heading> {
    for &(a, b) in ds.iter().rev() {
        let (Some(left), Some(right)) = (text.get(..a), text.get(b..)) else {
            continue;
        };
        let (mut people, rest) = leading_people(right.trim(), false);
        if !people.is_empty() {
            // "Hanna Eriksson, processledare …, Örebro kommun och Annika Jeppsson, …":
            // after a presenter's title, "och" and a full name add a presenter.
            let mut tail = rest.as_str();
            while let Some(pos) = tail.find(" och ") {
                let after = tail.get(pos + 5..).unwrap_or("");
                let (more, _) = leading_people(after, false);
                if more.is_empty() || more.iter().any(|p| !p.contains(' ')) {
                    break;
                }
                people.extend(more);
                tail = after;
            }
            return Some(Heading {
                title: clean_title(left),
                presenters: people,
                rest,
            });
        }
    }
    None
}

/// Splits a heading.
pub fn split_heading(text: &str) -> Heading {
    // A dash or bullet before the heading is layout (or OCR of a table rule).
    let text = text
        .trim()
        .trim_start_matches(['-', '–', '—', '•', '|', ' ']);
    // "Mötet avslutas Ordf.": a role closing the heading is its presenter.
    if let Some((head, last)) = text.rsplit_once(' ') {
        // After a preposition the role is the heading's object ("Val av
        // mötesordförande"), not its presenter.
        let object = head
            .rsplit(' ')
            .next()
            .is_some_and(|w| crate::words::WORDS.heading_prepositions.contains(&w));
        if crate::names::is_role(last) && !object && !head.trim_end().ends_with(['–', '-']) {
            let mut h = split_heading(head);
            h.presenters
                .push(last.trim_end_matches([',', ':']).to_string());
            return h;
        }
    }
    // "Name: Title"
    let (people, rest) = leading_people(text, false);
    let consumed = text.len() - rest.len();
    // After a presenter's colon stands a title; a sentence there makes the word before
    // the colon a heading run into its text ("Förråd: Vi håller på att …").
    // A word and its colon alone ("§ 6 Post:") is a heading, not a presenter of none.
    let titled = !rest.trim().is_empty();
    let one_word = people.len() == 1 && !people.iter().any(|p| p.contains(' '));
    let heads_text = one_word && (is_sentence(&rest) || !reads_as_heading(&rest));
    if !people.is_empty()
        && titled
        && text
            .get(..consumed)
            .is_some_and(|p| p.trim_end().ends_with(':'))
        && !heads_text
    {
        let inner = split_heading(&rest);
        let mut presenters = people;
        presenters.extend(inner.presenters);
        return Heading {
            title: inner.title,
            presenters,
            rest: inner.rest,
        };
    }
    let ds = dashes(text);
    // "Title – Presenter[s] [body]": the last dash followed by people.
    if let Some(h) = title_then_people(text, &ds) {
        return h;
    }
    // "Presenter - Title"
    if let Some(&(a, b)) = ds.first() {
        if let (Some(left), Some(right)) = (text.get(..a), text.get(b..)) {
            let (people, rest) = leading_people(left.trim(), true);
            if !people.is_empty() && rest.trim().is_empty() {
                return Heading {
                    title: clean_title(right),
                    presenters: people,
                    rest: String::new(),
                };
            }
        }
    }
    // "Title – Sentence of body text."
    for &(a, b) in &ds {
        let (Some(left), Some(right)) = (text.get(..a), text.get(b..)) else {
            continue;
        };
        let mut words = right.split_whitespace();
        let first_upper = words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        let second_lower = words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase);
        if first_upper && second_lower {
            return Heading {
                title: clean_title(left),
                presenters: Vec::new(),
                rest: right.trim().to_string(),
            };
        }
    }
    // "Förråd: Vi håller på att inventera …": a short heading run into its text by a
    // colon (the people-before-colon form was taken above).
    if let Some(h) = colon_run_in(text) {
        return h;
    }
    if let Some(h) = stop_run_in(text) {
        return h;
    }
    Heading {
        title: clean_title(text),
        presenters: Vec::new(),
        rest: String::new(),
    }
}

/// Most words of a heading that [`reads_as_heading`] without being a noun phrase.
const SHORT_HEADING_WORDS: usize = 4;

/// The text after one capitalised word and its colon reads as a heading, so the word is
/// a presenter ("Ingmar: Rapport från chefsgrupp folkhälsa", "Deepa: Samverkansplanen"):
/// a noun phrase, or a few words with no stop inside and no finite verb. Otherwise the
/// word is a heading run into its text ("Ekonomi: Momsregistrering, (BÅL) har sänt in
/// …", "Medlemsregister: Dagsläget., 116 medlemmar").
fn reads_as_heading(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let w = &*crate::words::WORDS;
    let inner_stop = words
        .iter()
        .rev()
        .skip(1)
        .any(|x| x.trim_end_matches(',').ends_with('.'));
    let verb = words.iter().any(|x| w.finite_verbs.contains(x));
    nominal(text) || words.len() <= SHORT_HEADING_WORDS && !inner_stop && !verb
}

/// "Förråd: Vi håller på att inventera …", "Kassarapport: Kurt Henriksson redogjorde
/// för …": a short heading run into its text by a colon.
fn colon_run_in(text: &str) -> Option<Heading> {
    let (head, body) = text.split_once(": ")?;
    let head_words = head.split_whitespace().count();
    // A sentence: a lowercase word soon, after the capital that opens it or a name
    // ("Kurt Henriksson redogjorde för …"); or, opening in lowercase, one of several
    // words ("förslag, att upprätta ny e-postadress …").
    let body_sentence = body
        .split_whitespace()
        .skip(1)
        .take(RUN_IN_SENTENCE_WORDS)
        .any(|w| w.starts_with(char::is_lowercase));
    // A bracket may open it: initials that stand for people ("(BE) sammankallar …").
    let opens = body
        .trim_start_matches('(')
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || body.starts_with(char::is_lowercase)
            && body
                .split_whitespace()
                .nth(RUN_IN_LOWERCASE_WORDS)
                .is_some();
    // Or a noun phrase before the colon and what it names after it ("Val till
    // justerare: Victor Jacobsson").
    let fits = (1..=RUN_IN_HEADING_WORDS).contains(&head_words)
        && head.starts_with(char::is_uppercase)
        && !reports_act(head)
        && opens
        && (body_sentence || nominal(head));
    fits.then(|| Heading {
        title: clean_title(head),
        presenters: Vec::new(),
        rest: body.trim().to_string(),
    })
}

/// The most words of a heading run into its text by a colon.
const RUN_IN_HEADING_WORDS: usize = 7;
/// A sentence after such a heading has a lowercase word within its first words.
const RUN_IN_SENTENCE_WORDS: usize = 3;
/// A text opening in lowercase after such a heading runs beyond this many words.
const RUN_IN_LOWERCASE_WORDS: usize = 4;
/// The most words of a heading run into its text by a full stop.
const STOP_RUN_IN_WORDS: usize = 8;

/// "Mötets sekreterare. Margaretha Olofsson", "Val av ny ordförande i föreningens
/// styrelse. Beslöts att …": a short heading run into its text after a full stop. Not
/// an abbreviation's or an initial's stop ("ordf.", "Anna B."), and not a first
/// sentence ("Årsmötet hålls på Vängåvan. Tid …", "Till ordförande väljs X. …"), which
/// the caller reads as text.
fn stop_run_in(text: &str) -> Option<Heading> {
    let (head, body) = text.split_once(". ")?;
    let last = head.rsplit(' ').next().unwrap_or("");
    let initial = last.chars().count() == 1;
    // A second heading phrase, not text ("Fastställande av bokslutet. Beviljande av
    // ansvarsfrihet."): a verbal noun and a preposition.
    let mut bw = body.split_whitespace();
    let (b1, b2) = (bw.next().unwrap_or(""), bw.next().unwrap_or(""));
    let second_heading = verbal_noun(b1) && crate::words::WORDS.phrase_words.contains(&b2);
    let fits = (1..=STOP_RUN_IN_WORDS).contains(&head.split_whitespace().count())
        && head.starts_with(char::is_uppercase)
        && body.starts_with(char::is_uppercase)
        && !initial
        && !second_heading
        && !crate::decisions::abbreviation_before(head)
        && !reports_act(head)
        && !is_clause(&format!("{head}."));
    fits.then(|| Heading {
        title: clean_title(head),
        presenters: Vec::new(),
        rest: body.trim().to_string(),
    })
}

/// Verbs in the past tense that report what a meeting did: a numbered point that holds
/// one is a sentence of the minutes, not a heading ("Dagordningen godkändes").
/// (`data/words.txt`, `[reported verbs]`.) The boundary before the verb is a letter's,
/// not ASCII's: "öppnades" opens with one.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = crate::words::WORDS.reported_verbs.join("|");
    Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}_])(?:{verbs})(?-u:\b)")).expect("regex")
});

/// The text reports what the meeting did ("Till sekreterare valdes …"; minutes also put
/// the verb first: "Beslutades att …", "Godkände mötet dagordningen").
pub fn reports_act(text: &str) -> bool {
    REPORTED.is_match(text)
}

/// The text after an item's number is a sentence, not a heading: it reports what the
/// meeting did, or it ends with a full stop after several words (a long heading is
/// still a heading: "Svar på motion från … om …").
pub fn is_sentence(title: &str) -> bool {
    let t = title.trim();
    let words = t.split_whitespace().count();
    let last = t.split_whitespace().last().unwrap_or("");
    // "ordf." and other abbreviations end with a stop too.
    let full_stop = t.ends_with('.') && last.trim_end_matches('.').chars().count() > 4;
    (full_stop && words >= 4) || reports_act(t)
}

/// A heading as written, full stop and all, that reads as a clause: three words or more,
/// a full stop, and a subject in the definite form ("Stämman", "Ekonomin", "Årsmötet")
/// followed by a word that does not carry a noun phrase on, the verb ("Stämman öppnas
/// av Bengt Olhagen.", "Ekonomin är fortsatt bra."). Headings with a full stop open
/// with an indefinite noun, a genitive or a noun phrase ("Val av ordförande.",
/// "Mötets stadgeenlighet och beslutförhet.", "Medlemsavgiften för år 2013.").
pub fn is_clause(raw: &str) -> bool {
    let t = raw.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let (Some(first), Some(second)) = (words.first(), words.get(1)) else {
        return false;
    };
    let definite = first.chars().count() >= 5
        && first.starts_with(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && ["en", "et", "an", "na", "in"]
            .iter()
            .any(|e| first.ends_with(e));
    // A weekday after the subject dates it ("Löderupsdagen lördagen den 4 maj.").
    let verb_slot = second.chars().all(char::is_lowercase)
        && !second.ends_with("dagen")
        && !crate::words::WORDS.phrase_words.contains(second);
    words.len() >= 3 && t.ends_with('.') && definite && verb_slot
}

/// A verbal noun, the way agenda headings open ("Fastställande", "Beviljande",
/// "Föredragning").
fn verbal_noun(word: &str) -> bool {
    ["ande", "ende", "ning"].iter().any(|e| word.ends_with(e))
}

/// The text is a noun phrase, the way agenda headings are: it opens with a word and a
/// preposition or conjunction that carries the phrase on ("Beslut om …", "Val av …"),
/// a genitive ("Sammanträdets öppnande, …") or a verbal noun ("Fastställande …"), and
/// no finite verb follows ("Datum för årsmöte är satt …" is a clause), unless in a
/// clause inside the phrase ("Fråga om stämman är stadgeenligt utlyst").
pub fn nominal(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words
        .first()
        .map_or("", |w| w.trim_end_matches([',', ':', ';']));
    let second = words.get(1).copied().unwrap_or("");
    let w = &*crate::words::WORDS;
    let lower_rest = first.chars().skip(1).all(char::is_lowercase);
    // A definite noun's genitive ("Mötets", "Styrelsens", "Revisorernas"), not a given
    // name that ends in s ("Niclas", "Jonas").
    let genitive = lower_rest
        && first.chars().count() >= 6
        && ["ets", "ens", "nas", "ans"]
            .iter()
            .any(|e| first.ends_with(e));
    let phrase = w.phrase_words.contains(&second);
    let verb = words
        .iter()
        .skip(1)
        .take_while(|x| !w.subordinators.contains(x))
        .any(|x| w.finite_verbs.contains(x));
    (phrase || genitive || verbal_noun(first)) && !verb
}

#[cfg(test)]
mod tests {

    #[test]
    fn one_word_before_a_colon_presents_a_heading_or_heads_a_text() {
        let h = split_heading("Ingmar: Rapport från chefsgrupp folkhälsa");
        assert_eq!(
            (h.title.as_str(), h.presenters.len()),
            ("Rapport från chefsgrupp folkhälsa", 1)
        );
        let h = split_heading("Deepa: Samverkansplanen");
        assert_eq!(
            (h.title.as_str(), h.presenters.len()),
            ("Samverkansplanen", 1)
        );
        let h = split_heading("Ekonomi: Momsregistrering, (BÅL) har sänt in komplettering.");
        assert_eq!((h.title.as_str(), h.presenters.len()), ("Ekonomi", 0));
        let h = split_heading("Val till justerare: Victor Jacobsson");
        assert_eq!(
            (h.title.as_str(), h.rest.as_str()),
            ("Val till justerare", "Victor Jacobsson")
        );
        let h = split_heading("Projektering: (BE) sammankallar till projekteringsmöten.");
        assert_eq!(h.title, "Projektering");
        let h = split_heading("Medlemsregister: Dagsläget., 116 medlemmar");
        assert_eq!(
            (h.title.as_str(), h.presenters.len()),
            ("Medlemsregister", 0)
        );
    }

    #[test]
    fn past_passives_report_acts() {
        assert!(reports_act(
            "Föredragning av revisorernas berättelse genomfördes av Lars Schedin"
        ));
        assert!(reports_act(
            "Fastställande av årsavgift om 1000 kr bifölls."
        ));
        assert!(reports_act("Förslaget ställdes under proposition"));
        // "-ndes" is the genitive of "ordförande", no verb.
        assert!(!reports_act(
            "Anmälan av stämmoordförandes val av protokollförare"
        ));
    }

    #[test]
    fn a_heading_run_into_a_sentence_by_a_colon() {
        let split = |t: &str| {
            let h = split_heading(t);
            (h.title, h.rest)
        };
        assert_eq!(
            split("Kassarapport: Kurt Henriksson redogjorde för föreningens ekonomi."),
            (
                "Kassarapport".to_string(),
                "Kurt Henriksson redogjorde för föreningens ekonomi.".to_string()
            )
        );
        assert_eq!(
            split("Övriga frågor: förslag, att upprätta ny e-postadress till styrelsen").0,
            "Övriga frågor"
        );
        assert_eq!(
            split("Val av vice ordförande för mötet: Till vice ordförande valdes Torgny Veibäck").0,
            "Val av vice ordförande för mötet"
        );
        // A name alone after a noun phrase's colon is what the heading names (the
        // elected); a verb before the colon is no heading.
        assert_eq!(split("Val av ordförande: Anna Ek").1, "Anna Ek");
        assert_eq!(split("Beslutades: att anta budgeten för 2025").1, "");
    }

    #[test]
    fn a_heading_run_into_its_text_by_a_full_stop() {
        assert_eq!(
            h("Mötets sekreterare. Margaretha Olofsson"),
            (
                "Mötets sekreterare".into(),
                vec![],
                "Margaretha Olofsson".into()
            )
        );
        assert_eq!(
            h("Val av ny ordförande i föreningens styrelse. Beslöts att välja Erika Hansson.").0,
            "Val av ny ordförande i föreningens styrelse"
        );
        // An abbreviation's or an initial's stop, a first sentence: no run-in heading.
        assert_eq!(h("Rapport från ordf. Anna Ek").2, "");
        assert_eq!(
            h("Fastställande av bokslutet. Beviljande av ansvarsfrihet.").2,
            ""
        );
        assert_eq!(h("Motion från Anna B. Ek om lekplatsen").2, "");
        assert_eq!(h("Årsmötet hålls på Vängåvan. Tid meddelas senare.").2, "");
        assert_eq!(
            h("Till ordförande väljs Bo Ek. Till sekreterare väljs Anna Berg.").2,
            ""
        );
    }

    #[test]
    fn agenda_headings_open_as_noun_phrases() {
        assert!(nominal(
            "Beslut om mål- och resursplan inklusive budget för 2023"
        ));
        assert!(nominal(
            "Sammanträdets öppnande, dagordningens fastställande och val"
        ));
        assert!(nominal("Fastställande av delaktighetslängd"));
        assert!(!nominal("Niclas redogjorde för vår älgobs och avskjutning"));
        assert!(!nominal("Datum för årsmöte är satt till den 7:e mars"));
        assert!(nominal("Fråga om stämman är stadgeenligt utlyst"));
    }

    #[test]
    fn numbered_clauses_with_their_full_stop() {
        assert!(is_clause("Stämman öppnas av Bengt Olhagen."));
        assert!(is_clause("Ekonomin är fortsatt bra."));
        assert!(is_clause("Styrelsen beviljas ansvarsfrihet."));
        // Headings written with a full stop.
        assert!(!is_clause(
            "Val av mötesordförande, sekreterare och två protokolljusterare."
        ));
        assert!(!is_clause("Mötets stadgeenlighet och beslutförhet."));
        assert!(!is_clause("Medlemsavgiften för år 2013 och 2014."));
        assert!(!is_clause(
            "Anmälan av stämmoordförandens val av protokollförare."
        ));
        assert!(!is_clause("Övriga frågor ang. årsmötet."));
        assert!(!is_clause("Löderupsdagen lördagen den 4 maj."));
        // Without its full stop a clause may be a heading ("Styrelsen informerar om läget").
        assert!(!is_clause("Styrelsen informerar om läget"));
    }

    #[test]
    fn sentences_are_not_headings() {
        assert!(is_sentence("Dagordningen godkändes"));
        assert!(is_sentence("Nästa släktmöte bestämdes till 1 maj 2021"));
        assert!(is_sentence(
            "Verksamhetsberättelsen för de gångna två åren föredrogs av Marianne"
        ));
        assert!(!is_sentence("Ås skogs förvaltning"));
        assert!(is_sentence("Upplästes revisorernas berättelse"));
        assert!(is_sentence("Frågan väcktes av Anna Ek"));
        assert!(is_sentence(
            "Kallelse har utlysts i god tid, därmed ansågs utlysningen vara korrekt."
        ));
        assert!(!is_sentence("Mötet öppnas"));
        assert!(!is_sentence("Val av justerare"));
        assert!(!is_sentence("Rapport från ordf."));
        // A verb that opens with å, ä or ö.
        assert!(is_sentence("Årsmötet öppnades av Daniel Johansson"));
        assert!(!is_sentence("Mötets öppnande"));
        assert!(is_sentence(
            "Ordföranden valde Ingvar Winell som protokollförare"
        ));
        assert!(is_sentence("Inga motioner hade inkommit till styrelsen"));
        assert!(is_sentence("Frågan bordlades"));
        // Minutes in the present tense.
        assert!(is_sentence("Till mötesordförande väljs Roney Petersson"));
        assert!(is_sentence(
            "Resultat- och balansräkning presenteras och godkänns"
        ));
        assert!(!is_sentence("Val av revisor"));
        assert!(is_sentence("Till revisor sker omval av Sven Hansson"));
        assert!(is_sentence("Revisionsberättelsen uppläses och godkännes"));
        // The opening with its time is a report; alone, an agenda heading.
        assert!(is_sentence("Mötet öppnas 18.15"));
        assert!(is_sentence("Mötet öppnas kl. 18.06"));
        assert!(!is_sentence("Mötet öppnas"));
    }
    use super::*;

    fn h(s: &str) -> (String, Vec<String>, String) {
        let x = split_heading(s);
        (x.title, x.presenters, x.rest)
    }

    #[test]
    fn a_word_and_its_colon_is_a_heading() {
        assert_eq!(h("Post:").0, "Post");
        assert!(h("Sommarläger:").1.is_empty());
        // A presenter's colon before a title stays a presenter's.
        assert_eq!(h("Anna Ek: Budget").1, ["Anna Ek"]);
    }

    #[test]
    fn run_in_headings_and_broken_words() {
        assert_eq!(
            h("Förråd: Vi håller på att inventera antalet förråd."),
            (
                "Förråd".into(),
                vec![],
                "Vi håller på att inventera antalet förråd.".into()
            )
        );
        assert_eq!(
            h("Nästa styrelsemöte: 4e februari 17:30").0,
            "Nästa styrelsemöte"
        );
        // A presenter before a colon keeps the title after it.
        assert_eq!(h("Deepa: Samverkansplanen").0, "Samverkansplanen");
        assert_eq!(
            h("Val av två personer att jämte mötesordföran- den justera protokoll").0,
            "Val av två personer att jämte mötesordföranden justera protokoll"
        );
        assert_eq!(
            h("Budget- och skuldsanering").0,
            "Budget- och skuldsanering"
        );
    }

    #[test]
    fn a_second_presenter_after_the_first_ones_title() {
        let x = split_heading(
            "Projektet – Hanna Eriksson, processledare Nära vård, Örebro kommun och Annika \
             Jeppsson, processledare Nära vård, samma kommun",
        );
        assert_eq!(x.title, "Projektet");
        assert_eq!(x.presenters, ["Hanna Eriksson", "Annika Jeppsson"]);
        // "och" with a single word is not a person.
        let y = split_heading("Rapport – Anna Berg, samarbete med regionen och Kommunen");
        assert_eq!(y.presenters, ["Anna Berg"]);
    }

    #[test]
    fn heading_shapes() {
        assert_eq!(
            h("Mötet öppnas – Ordförande, Joakim Carlsson"),
            (
                "Mötet öppnas".into(),
                vec!["Ordförande".into(), "Joakim Carlsson".into()],
                "".into()
            )
        );
        assert_eq!(
            h("Val av justerare – Ordförande, Till justerare valdes Annika Sjöqvist").2,
            "Till justerare valdes Annika Sjöqvist"
        );
        assert_eq!(
            h("Samverkansplan psykisk häls och suicidprevention – färdigt förslag - Maria Belik").0,
            "Samverkansplan psykisk häls och suicidprevention – färdigt förslag"
        );
        assert_eq!(
            h("Deepa: Samverkansplanen"),
            ("Samverkansplanen".into(), vec!["Deepa".into()], "".into())
        );
        assert_eq!(
            h("Anna J.T - RU:s program för hållbar utveckling"),
            (
                "RU:s program för hållbar utveckling".into(),
                vec!["Anna J.T".into()],
                "".into()
            )
        );
        assert_eq!(
            h("Övriga frågor – Inga övriga frågor har anmälts."),
            (
                "Övriga frågor".into(),
                vec![],
                "Inga övriga frågor har anmälts.".into()
            )
        );
        assert_eq!(
            h("Ny socialtjänstlag - informationspunkt").0,
            "Ny socialtjänstlag - informationspunkt"
        );
        assert_eq!(
            h("Sammanträdesdatum 2026: 13/3, 22/5 – Ingmar Ångman Kan vi fortsätta?").1,
            ["Ingmar Ångman"]
        );
        assert_eq!(
            h("Mötet öppnas och justerare utses,").0,
            "Mötet öppnas och justerare utses"
        );
        assert_eq!(
            h("Reflektion, vilka behov ser rådet framöver?”").0,
            "Reflektion, vilka behov ser rådet framöver?"
        );
    }
}
