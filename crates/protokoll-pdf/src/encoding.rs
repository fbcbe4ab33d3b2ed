//! Simple-font base encodings and glyph names (PDF 32000-1, Annex D; Adobe Glyph List).

use unicode_normalization::UnicodeNormalization;

/// A base encoding of a simple font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Standard,
    WinAnsi,
    MacRoman,
    PdfDoc,
    /// Symbolic font with no encoding: the code is the character.
    Identity,
}

impl Base {
    pub fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"StandardEncoding" => Some(Base::Standard),
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            b"PDFDocEncoding" => Some(Base::PdfDoc),
            _ => None,
        }
    }

    /// The character a code stands for, if any.
    pub fn decode(self, code: u8) -> Option<char> {
        match self {
            Base::Identity => Some(char::from(code)),
            Base::WinAnsi => win_ansi(code),
            Base::MacRoman => mac_roman(code),
            Base::Standard => standard(code),
            Base::PdfDoc => pdf_doc(code),
        }
    }
}

// cp1252 0x80..=0x9F; 0 marks undefined codes.
const WIN_80: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn win_ansi(code: u8) -> Option<char> {
    match code {
        0x20..=0x7E | 0xA0..=0xFF => Some(char::from(code)),
        0x80..=0x9F => WIN_80.get(usize::from(code - 0x80)).and_then(|&u| {
            if u == 0 {
                None
            } else {
                char::from_u32(u32::from(u))
            }
        }),
        0x09 | 0x0A | 0x0D => Some(' '),
        _ => None,
    }
}

const MAC_80: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

fn mac_roman(code: u8) -> Option<char> {
    match code {
        0x20..=0x7E => Some(char::from(code)),
        0x80..=0xFF => MAC_80.chars().nth(usize::from(code - 0x80)),
        _ => None,
    }
}

fn standard(code: u8) -> Option<char> {
    let c = match code {
        0x27 => '’',
        0x60 => '‘',
        0x20..=0x7E => char::from(code),
        0xA1 => '¡',
        0xA2 => '¢',
        0xA3 => '£',
        0xA4 => '⁄',
        0xA5 => '¥',
        0xA6 => 'ƒ',
        0xA7 => '§',
        0xA8 => '¤',
        0xA9 => '\'',
        0xAA => '“',
        0xAB => '«',
        0xAC => '‹',
        0xAD => '›',
        0xAE => 'ﬁ',
        0xAF => 'ﬂ',
        0xB1 => '–',
        0xB2 => '†',
        0xB3 => '‡',
        0xB4 => '·',
        0xB6 => '¶',
        0xB7 => '•',
        0xB8 => '‚',
        0xB9 => '„',
        0xBA => '”',
        0xBB => '»',
        0xBC => '…',
        0xBD => '‰',
        0xBF => '¿',
        0xC1 => '`',
        0xC2 => '´',
        0xC3 => 'ˆ',
        0xC4 => '˜',
        0xC5 => '¯',
        0xC6 => '˘',
        0xC7 => '˙',
        0xC8 => '¨',
        0xCA => '˚',
        0xCB => '¸',
        0xCD => '˝',
        0xCE => '˛',
        0xCF => 'ˇ',
        0xD0 => '—',
        0xE1 => 'Æ',
        0xE3 => 'ª',
        0xE8 => 'Ł',
        0xE9 => 'Ø',
        0xEA => 'Œ',
        0xEB => 'º',
        0xF1 => 'æ',
        0xF5 => 'ı',
        0xF8 => 'ł',
        0xF9 => 'ø',
        0xFA => 'œ',
        0xFB => 'ß',
        _ => return None,
    };
    Some(c)
}

fn pdf_doc(code: u8) -> Option<char> {
    let c = match code {
        0x18 => '˘',
        0x19 => 'ˇ',
        0x1A => 'ˆ',
        0x1B => '˙',
        0x1C => '˝',
        0x1D => '˛',
        0x1E => '˚',
        0x1F => '˜',
        0x80 => '•',
        0x81 => '†',
        0x82 => '‡',
        0x83 => '…',
        0x84 => '—',
        0x85 => '–',
        0x86 => 'ƒ',
        0x87 => '⁄',
        0x88 => '‹',
        0x89 => '›',
        0x8A => '−',
        0x8B => '‰',
        0x8C => '„',
        0x8D => '“',
        0x8E => '”',
        0x8F => '‘',
        0x90 => '’',
        0x91 => '‚',
        0x92 => '™',
        0x93 => 'ﬁ',
        0x94 => 'ﬂ',
        0x95 => 'Ł',
        0x96 => 'Œ',
        0x97 => 'Š',
        0x98 => 'Ÿ',
        0x99 => 'Ž',
        0x9A => 'ı',
        0x9B => 'ł',
        0x9C => 'œ',
        0x9D => 'š',
        0x9E => 'ž',
        0xA0 => '€',
        0x20..=0x7E | 0xA1..=0xFF => char::from(code),
        _ => return None,
    };
    Some(c)
}

/// Glyph names whose character is not derivable from the name's shape
/// (Latin-1, WinAnsi and common typographic glyphs of the Adobe Glyph List).
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '’'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("quoteleft", '‘'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("exclamdown", '¡'),
    ("cent", '¢'),
    ("sterling", '£'),
    ("fraction", '⁄'),
    ("yen", '¥'),
    ("florin", 'ƒ'),
    ("section", '§'),
    ("currency", '¤'),
    ("quotedblleft", '“'),
    ("guillemotleft", '«'),
    ("guilsinglleft", '‹'),
    ("guilsinglright", '›'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
    ("ff", 'ﬀ'),
    ("ffi", 'ﬃ'),
    ("ffl", 'ﬄ'),
    ("endash", '–'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("periodcentered", '·'),
    ("middot", '·'),
    ("paragraph", '¶'),
    ("bullet", '•'),
    ("quotesinglbase", '‚'),
    ("quotedblbase", '„'),
    ("quotedblright", '”'),
    ("guillemotright", '»'),
    ("ellipsis", '…'),
    ("perthousand", '‰'),
    ("questiondown", '¿'),
    ("acute", '´'),
    ("circumflex", 'ˆ'),
    ("tilde", '˜'),
    ("macron", '¯'),
    ("breve", '˘'),
    ("dotaccent", '˙'),
    ("dieresis", '¨'),
    ("ring", '˚'),
    ("cedilla", '¸'),
    ("hungarumlaut", '˝'),
    ("ogonek", '˛'),
    ("caron", 'ˇ'),
    ("emdash", '—'),
    ("AE", 'Æ'),
    ("ordfeminine", 'ª'),
    ("Lslash", 'Ł'),
    ("Oslash", 'Ø'),
    ("OE", 'Œ'),
    ("ordmasculine", 'º'),
    ("ae", 'æ'),
    ("dotlessi", 'ı'),
    ("lslash", 'ł'),
    ("oslash", 'ø'),
    ("oe", 'œ'),
    ("germandbls", 'ß'),
    ("onesuperior", '¹'),
    ("twosuperior", '²'),
    ("threesuperior", '³'),
    ("onehalf", '½'),
    ("onequarter", '¼'),
    ("threequarters", '¾'),
    ("copyright", '©'),
    ("registered", '®'),
    ("trademark", '™'),
    ("degree", '°'),
    ("plusminus", '±'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("logicalnot", '¬'),
    ("brokenbar", '¦'),
    ("mu", 'µ'),
    ("Euro", '€'),
    ("euro", '€'),
    ("minus", '−'),
    ("nbspace", '\u{a0}'),
    ("nonbreakingspace", '\u{a0}'),
    ("sfthyphen", '\u{ad}'),
    ("softhyphen", '\u{ad}'),
    ("Eth", 'Ð'),
    ("eth", 'ð'),
    ("Thorn", 'Þ'),
    ("thorn", 'þ'),
    ("arrowright", '→'),
    ("checkmark", '✓'),
    ("uni2713", '✓'),
];

/// Greek letter names of the AGL, in alphabet order (final sigma apart).
const GREEK: [&str; 24] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
    "psi", "omega",
];

/// "Alpha" → Α, "omega" → ω, "sigma1" → ς.
fn greek(name: &str) -> Option<char> {
    if name == "sigma1" {
        return Some('ς');
    }
    let lower = name.to_ascii_lowercase();
    let i = GREEK.iter().position(|g| *g == lower)? as u32;
    // Capitals skip U+03A2, the unassigned slot of a capital final sigma.
    let upper_base = if i >= 17 { 0x0391 + i + 1 } else { 0x0391 + i };
    let first = name.chars().next()?;
    char::from_u32(if first.is_ascii_uppercase() {
        upper_base
    } else {
        0x03B1 + i + u32::from(i >= 17)
    })
}

/// Diacritic suffixes of composed glyph names ("adieresis" = a + dieresis).
const ACCENTS: &[(&str, char)] = &[
    ("dieresis", '\u{308}'),
    ("ring", '\u{30A}'),
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("circumflex", '\u{302}'),
    ("tilde", '\u{303}'),
    ("cedilla", '\u{327}'),
    ("caron", '\u{30C}'),
    ("macron", '\u{304}'),
    ("breve", '\u{306}'),
    ("ogonek", '\u{328}'),
    ("dotaccent", '\u{307}'),
    ("hungarumlaut", '\u{30B}'),
];

/// The text of a glyph name: AGL names, composed Latin letters ("odieresis"),
/// `uniXXXX[XXXX…]`, `uXXXX[XX]`, suffixes (".sc", ".alt") and ligature names ("f_i").
pub fn glyph_name_to_text(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<Vec<String>> = base.split('_').map(glyph_name_to_text).collect();
        return parts.map(|p| p.concat());
    }
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == base) {
        return Some(c.to_string());
    }
    if let Some(c) = greek(base) {
        return Some(c.to_string());
    }
    if base.len() == 1 && base.is_ascii() {
        return Some(base.to_string());
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| std::str::from_utf8(c).ok())
                .filter_map(|s| u16::from_str_radix(s, 16).ok())
                .collect();
            let s: String = char::decode_utf16(units).filter_map(Result::ok).collect();
            return if s.is_empty() { None } else { Some(s) };
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    // Names that are a code in disguise ("a65", "g33", "C101"): unknown to the AGL,
    // their number is the character, as poppler reads them.
    let digits = base.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let prefix_len = base.len() - digits.len();
    if (1..=2).contains(&prefix_len)
        && (2..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        if let Some(c) = digits
            .parse::<u32>()
            .ok()
            .filter(|n| (32..=255).contains(n))
            .and_then(char::from_u32)
        {
            return Some(c.to_string());
        }
    }
    // Composed letters: a base letter followed by an accent name.
    let mut chars = base.chars();
    if let Some(first) = chars.next() {
        let rest = chars.as_str();
        if first.is_ascii_alphabetic() {
            if let Some(&(_, mark)) = ACCENTS.iter().find(|(n, _)| *n == rest) {
                return Some(format!("{first}{mark}").nfc().collect());
            }
            if rest == "slash" && (first == 'o' || first == 'O') {
                return Some(if first == 'o' { "ø" } else { "Ø" }.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_swedish_letters() {
        assert_eq!(Base::WinAnsi.decode(0xE5), Some('å'));
        assert_eq!(Base::WinAnsi.decode(0xD6), Some('Ö'));
        assert_eq!(Base::WinAnsi.decode(0x96), Some('–'));
    }

    #[test]
    fn mac_roman_swedish_letters() {
        assert_eq!(Base::MacRoman.decode(0x8A), Some('ä'));
        assert_eq!(Base::MacRoman.decode(0x85), Some('Ö'));
        assert_eq!(Base::MacRoman.decode(0x8C), Some('å'));
        assert_eq!(Base::MacRoman.decode(0xFF), Some('ˇ'));
    }

    #[test]
    fn standard_and_pdfdoc() {
        assert_eq!(Base::Standard.decode(0x27), Some('’'));
        assert_eq!(Base::Standard.decode(0xAE), Some('ﬁ'));
        assert_eq!(Base::PdfDoc.decode(0x84), Some('—'));
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_text("adieresis").as_deref(), Some("ä"));
        assert_eq!(MAC_80.chars().count(), 128);
        assert_eq!(glyph_name_to_text("Aring").as_deref(), Some("Å"));
        assert_eq!(glyph_name_to_text("uni00E5").as_deref(), Some("å"));
        assert_eq!(glyph_name_to_text("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_to_text("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_text("a65").as_deref(), Some("A"));
        assert_eq!(glyph_name_to_text("Alpha").as_deref(), Some("Α"));
        assert_eq!(glyph_name_to_text("Omega").as_deref(), Some("Ω"));
        assert_eq!(glyph_name_to_text("sigma").as_deref(), Some("σ"));
        assert_eq!(glyph_name_to_text("omega").as_deref(), Some("ω"));
        assert_eq!(glyph_name_to_text("g1234"), None);
        assert_eq!(glyph_name_to_text("glyph12"), None);
    }
}
