use super::merges::{listed_or_name, listed_with_letters};
use super::text::{lowercase, split_core};
use crate::lexicon::Lexicon;

/// A stroke read twice: OCR gives "lIngmar" or "|Ingmar" for "Ingmar", "kKommun" for
/// "Kommun". A lowercase l, a bar, or a lowercase letter shaped like the capital after it
/// glued before a capitalised word is never Swedish spelling, so it goes whenever
/// the rest is a known word or name, on every OCR page (damaged or not). Parts joined by
/// "/" are read one by one ("B./lIngmar").
pub fn stray_stroke(word: &str, lex: &Lexicon) -> Option<String> {
    // Cheap test first: a stroke or a lowercase letter before a capital somewhere; then a
    // part that opens with them.
    // (Bytes: 0xC3 leads the UTF-8 of Å, Ä, Ö.)
    let stroke_capital = word.as_bytes().windows(2).any(|w| {
        matches!(w, [a, b] if (a.is_ascii_lowercase() || *a == b'|')
            && (b.is_ascii_uppercase() || *b == 0xC3))
    });
    if !stroke_capital
        || !word
            .split('/')
            .any(|part| unstroked(split_core(part).1).is_some())
    {
        return None;
    }
    let mut changed = false;
    let parts: Vec<String> = word
        .split('/')
        .map(|part| {
            let (lead, core, trail) = split_core(part);
            match unstroked(core).filter(|f| lex.zipf(&f.to_lowercase()).is_some()) {
                Some(fixed) => {
                    changed = true;
                    format!("{lead}{fixed}{trail}")
                }
                None => part.to_string(),
            }
        })
        .collect();
    changed.then(|| parts.join("/"))
}

/// `core` without a stroke glued before a capitalised word ("lIngmar" → "Ingmar",
/// "kKommun" → "Kommun").
pub(super) fn unstroked(core: &str) -> Option<&str> {
    let mut cs = core.chars();
    let (Some(stroke), Some(cap)) = (cs.next(), cs.next()) else {
        return None;
    };
    let rest = cs.as_str();
    // A letter whose two cases look alike, read twice ("kKommunstyrelsen").
    let doubled = "ckopsuvwxz".contains(stroke) && cap.to_lowercase().eq([stroke]);
    let fits = (matches!(stroke, 'l' | '|') || doubled)
        && cap.is_uppercase()
        && rest.chars().count() >= 2
        && rest.chars().all(char::is_lowercase);
    core.get(stroke.len_utf8()..).filter(|_| fits)
}

/// A capital I read as a lowercase l, one stroke in a sans-serif face: "lngen",
/// "lnstallationer" for "Ingen", "Installationer". A word that opens with an l before
/// a consonant ([`opens_with_capital_i`]), is no word or name as written, and is a
/// listed word with an i there, opens with that capital I. On every OCR page (a
/// scanner's layer writes it whether or not it lost marks).
pub(super) fn capital_i(word: &str, lex: &Lexicon) -> Option<String> {
    let (lead, core, trail) = split_core(word);
    let rest = core.strip_prefix('l')?;
    if !opens_with_capital_i(core.as_bytes())
        || rest.chars().nth(1).is_none()
        || !rest.chars().all(char::is_lowercase)
    {
        return None;
    }
    if listed_or_name(lex, core) || lex.zipf(&format!("i{rest}")).is_none() {
        return None;
    }
    Some(format!("{lead}I{rest}{trail}"))
}

/// A capital I read for an l inside a lowercase word, one stroke in a sans-serif face:
/// "tiIIstyrker", "styreIseledamot" for "tillstyrker", "styrelseledamot". Each I after a
/// lowercase letter (or an l read so) becomes an l where the word as written is no
/// word or name and the reading is a listed word, with marks the OCR lost or not; a
/// name written so stays ("McIntosh": "Mclntosh" is no word). On every OCR page.
pub(super) fn inner_capital_i(word: &str, lex: &Lexicon) -> Option<String> {
    let (lead, core, trail) = split_core(word);
    let mut after_lower = false;
    let read: String = core
        .chars()
        .map(|c| {
            let c = if c == 'I' && after_lower { 'l' } else { c };
            after_lower = c.is_lowercase();
            c
        })
        .collect();
    let mut rest = read.chars().skip(1);
    if read == core || !rest.all(|c| c.is_lowercase()) {
        return None;
    }
    if listed_or_name(lex, &lowercase(core)) {
        return None;
    }
    listed_with_letters(lex, &lowercase(&read), f32::MIN).then(|| format!("{lead}{read}{trail}"))
}

/// Whether `bytes` open with an l before a consonant, as a capital I read as an l does
/// ("lngen"; [`capital_i`]): a Swedish word that opens with an l has a vowel or a j
/// next.
pub(super) fn opens_with_capital_i(bytes: &[u8]) -> bool {
    matches!(bytes, [b'l', c, ..] if c.is_ascii_lowercase() && !b"aeiouyj".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stroke_read_twice_goes() {
        let lex = Lexicon::swedish().expect("lexicon");
        assert_eq!(
            stray_stroke("B./lIngmar", lex).as_deref(),
            Some("B./Ingmar")
        );
        assert_eq!(stray_stroke("|Ingmar,", lex).as_deref(), Some("Ingmar,"));
        assert_eq!(
            stray_stroke("lInformation", lex).as_deref(),
            Some("Information")
        );
        // A letter whose cases look alike, read twice.
        assert_eq!(
            stray_stroke("(kKommunstyrelsen,", lex).as_deref(),
            Some("(Kommunstyrelsen,")
        );
        // Spelling that may be right, and unknown rests, stay.
        for w in [
            "lIngmarxq",
            "iPhone",
            "lOL",
            "Ingmar",
            "la",
            "l",
            "lÅ",
            "aAnna",
            "kKxq",
        ] {
            assert_eq!(stray_stroke(w, lex), None, "{w}");
        }
    }

    #[test]
    fn a_capital_i_inside_a_word_is_an_l() {
        let lex = Lexicon::swedish().expect("lexicon");
        for (w, read) in [
            ("tiIIstyrker", "tillstyrker"),
            ("styreIseledamot,", "styrelseledamot,"),
            ("FaststäIIer", "Fastställer"),
        ] {
            assert_eq!(inner_capital_i(w, lex).as_deref(), Some(read), "{w}");
        }
        // Acronyms, names, and readings that make no word stay.
        for w in ["AIDS", "McIntosh", "iPhone", "tiIIxq", "Ingen", "lngen"] {
            assert_eq!(inner_capital_i(w, lex), None, "{w}");
        }
    }

    #[test]
    fn a_capital_i_read_as_l_is_read_back() {
        let lex = Lexicon::swedish().expect("lexicon");
        assert_eq!(capital_i("lngen", lex).as_deref(), Some("Ingen"));
        assert_eq!(
            capital_i("(lnstallationer,", lex).as_deref(),
            Some("(Installationer,")
        );
        // Words and names as written, and rests that make no word, stay.
        for w in ["lista", "lnxq", "ln", "Lngen", "lNGEN", "Ingen", "lars"] {
            assert_eq!(capital_i(w, lex), None, "{w}");
        }
    }
}
