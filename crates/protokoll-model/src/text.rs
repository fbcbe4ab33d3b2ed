//! Facts of written text that more than one stage needs, kept once: the PDF stage and
//! the repair both expand ligatures, the repair and the parser both fold Swedish
//! letters to what OCR without them leaves, and both read month names. Tables, not
//! stage logic: the stages decide when to use them.

/// The Swedish month names, January first: dates for the parser, and for the repair the
/// word after a day number ("den 1 december" is a date, not "i december").
pub const SWEDISH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The letters a typographic ligature stands for ("ﬁ" → "fi").
pub fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// The form OCR without Swedish letters leaves of a word: å, ä → a; ö → o; é → e.
pub fn deaccent(w: &str) -> String {
    w.chars().map(deaccent_char).collect()
}

/// [`deaccent`] of one character.
pub fn deaccent_char(c: char) -> char {
    match c {
        'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
        'Å' | 'Ä' | 'À' | 'Á' | 'Â' => 'A',
        'ö' | 'ò' | 'ó' | 'ô' | 'ø' => 'o',
        'Ö' | 'Ò' | 'Ó' | 'Ô' | 'Ø' => 'O',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'ü' | 'ú' | 'ù' => 'u',
        'Ü' => 'U',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_accents() {
        assert_eq!(ligature('ﬁ'), Some("fi"));
        assert_eq!(ligature('f'), None);
        assert_eq!(deaccent("Välfärd Örebro"), "Valfard Orebro");
        assert_eq!(SWEDISH_MONTHS.len(), 12);
    }
}
