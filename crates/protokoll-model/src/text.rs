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

/// A word in lowercase, without allocating when it is lowercase already (most words
/// of running text are): the repair and the parser both look words up in lowercase.
pub fn lowercase(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
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

/// An item number as a token writes it: "12", "5a", "3.", "12)", "4:", "12," (OCR's
/// reading of a full stop), "10.‘" (a trailing quote-like mark is OCR noise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemNumber {
    /// The number, one to three digits (0 where written "0"; callers refuse it).
    pub value: u32,
    /// A letter after the digits ("5a"), as written.
    pub letter: Option<char>,
    /// The closing mark, one of `.` `)` `:` `,` `/`, if any.
    pub closing: Option<char>,
}

/// The item number `token` is, if it is one: the one token grammar of item labels, for
/// the parser (which adds where a label may stand: a bare or comma-closed number only
/// alone in its cell) and for the repair (a word after a label opens a heading).
pub fn item_number(token: &str) -> Option<ItemNumber> {
    let t = token
        .strip_suffix(['\'', '‘', '’', '`', '´'])
        .unwrap_or(token);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let value: u32 = t.get(..digits)?.parse().ok()?;
    let mut rest = t.get(digits..)?.chars().peekable();
    let letter = rest.next_if(char::is_ascii_alphabetic);
    let closing = rest.next_if(|c| matches!(c, '.' | ')' | ':' | ',' | '/'));
    // A stop typed twice ("§ 6..") is still the label's stop.
    if closing == Some('.') {
        rest.next_if_eq(&'.');
    }
    if rest.next().is_some() {
        return None;
    }
    Some(ItemNumber {
        value,
        letter,
        closing,
    })
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

    #[test]
    fn item_numbers() {
        let n = |t: &str| item_number(t).map(|n| (n.value, n.letter, n.closing));
        assert_eq!(n("12"), Some((12, None, None)));
        assert_eq!(n("5a"), Some((5, Some('a'), None)));
        assert_eq!(n("3."), Some((3, None, Some('.'))));
        assert_eq!(n("12)"), Some((12, None, Some(')'))));
        assert_eq!(n("12,"), Some((12, None, Some(','))));
        assert_eq!(n("10.‘"), Some((10, None, Some('.'))));
        assert_eq!(n("6.."), Some((6, None, Some('.'))));
        for no in [
            "1234", "a5", "15.3", "år", "", "5å", "12.,", "12‘‘", "1..5", "6...",
        ] {
            assert_eq!(n(no), None, "{no}");
        }
    }
}
