/// A word split into leading punctuation, core and trailing punctuation.
pub(super) fn split_core(w: &str) -> (&str, &str, &str) {
    // Most words are bare, an ASCII letter or digit at both ends: all core.
    if let (Some(a), Some(z)) = (w.as_bytes().first(), w.as_bytes().last()) {
        if a.is_ascii_alphanumeric() && z.is_ascii_alphanumeric() {
            return ("", w, "");
        }
    }
    let is_core = |c: char| c.is_alphanumeric() || matches!(c, '&' | '|' | '@' | '€');
    let start = w.find(is_core).unwrap_or(w.len());
    let end = w.rfind(is_core).map_or(start, |i| {
        i + w
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    });
    let end = end.max(start);
    (
        w.get(..start).unwrap_or(""),
        w.get(start..end).unwrap_or(""),
        w.get(end..).unwrap_or(""),
    )
}

/// Case of `model` applied to `word`.
pub(super) fn with_case(model: &str, word: &str) -> String {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in model.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    if letters > 1 && upper == letters {
        return word.to_uppercase();
    }
    if model.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        return c
            .next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
    }
    word.to_string()
}

pub(super) use protokoll_model::text::lowercase;

/// Whether a word is capitalised: a capital before lowercase letters ("Lennart").
pub(super) fn capitalised(w: Option<&str>) -> bool {
    w.is_some_and(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
    })
}

pub(super) fn is_lower_word(w: Option<&str>) -> bool {
    w.is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
    })
}

/// The lowercase core of a word that nothing ends after ("Protokoll", not "vid." or
/// "(M),").
pub(super) fn bare_word(w: Option<&str>) -> Option<std::borrow::Cow<'_, str>> {
    let (_, core, post) = split_core(w?);
    post.is_empty().then(|| lowercase(core))
}

/// An item label: the token grammar the parser reads labels with
/// (`protokoll_model::text::item_number`: "15", "5a", "3.", "12)", and "12," as OCR
/// reads "12.").
pub(super) fn is_label(t: &str) -> bool {
    protokoll_model::text::item_number(t).is_some()
}

/// Whether a word follows `prev` inside a sentence: `prev` is a lowercase word (a
/// capitalised one may be a first name: "Ingmar Angman") that does not end it.
pub(super) fn mid_sentence(prev: Option<&str>) -> bool {
    prev.is_some_and(|p| {
        p.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            // A list label ("4)") opens a heading.
            && !p.ends_with(['.', '!', '?', ':', ')'])
    })
}

/// Whether `c` is a Swedish vowel (lowercase).
pub(super) fn is_vowel(c: char) -> bool {
    "aeiouyåäö".contains(c)
}

/// A month name ("den 1 december": a date, not "i december").
pub(super) fn is_month(w: &str) -> bool {
    protokoll_model::text::SWEDISH_MONTHS.contains(&lowercase(split_core(w).1).as_ref())
}
