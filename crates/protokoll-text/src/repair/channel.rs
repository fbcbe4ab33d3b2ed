use super::score::most_frequent;
use super::text::{lowercase, split_core, with_case};
use crate::lexicon::Lexicon;

/// OCR misreadings of Swedish letters as other characters: "fér"/"foér" (för),
/// "6ka" (öka), "&r"/"4rendet" (är…), "fdlja" (följa). Returns the readings to try,
/// each with its cost in Zipf units (a rarer misreading needs more evidence).
pub(super) fn readings(lower: &str) -> Vec<(String, f32)> {
    // "oé", "6é", "éo", "é6", "dé", "o6": one ö read as two characters ("éa", "aa": one å or
    // ä, "onskeméal", "hAalsar"). Both the merged and the letter-by-letter reading are
    // tried ("bedémning" is "bedömning", not "beömning").
    let merged = lower
        .replace("oé", "ö")
        .replace("6é", "ö")
        .replace("éo", "ö")
        .replace("dé", "ö")
        .replace("o6", "ö")
        .replace("é6", "ö")
        .replace("éa", "å");
    let mut out = letter_readings(lower, 0.0);
    if merged != lower {
        out.extend(letter_readings(&merged, 0.2));
    }
    let aa = lower.replace("aa", "ä");
    if aa != lower {
        out.extend(letter_readings(&aa, 0.3));
    }
    // A scanner's own OCR splits the dots' letter into two narrow ones:
    // "samftillighetens" (samfällighetens), "ordftiranden" (ordföranden),
    // "vägsamfiillighet", "ordftrande". Costly: "ti" is common in words read right.
    // (Most words hold none of them: no copy is made for those.)
    for (seen, meant) in SPLIT_LETTERS
        .iter()
        .filter(|(seen, _)| lower.contains(seen))
    {
        out.extend(letter_readings(&lower.replace(seen, meant), SPLIT_COST));
    }
    out
}

/// Two narrow characters an OCR reads for one marked letter, or the two with the dots
/// read as a colon between them ("fi:ireningens": Acrobat's ClearScan layer); and an ö
/// after an f read as a t, the f's bar run into it ("ordftrande").
const SPLIT_LETTERS: [(&str, &str); 6] = [
    ("ti", "ä"),
    ("ti", "ö"),
    ("ii", "ä"),
    ("i:i", "ö"),
    ("i:i", "ä"),
    ("ftr", "för"),
];

/// Whether `lower` holds a split letter worth a reading where no single character is
/// suspect ("fi:ir", "ftir", "vägsamfiillighet"): any split but a bare "ti", which
/// words read right hold too often ("aktivitet"), unless after an f.
pub(super) fn has_split_letter(lower: &str) -> bool {
    lower.contains("fti")
        || SPLIT_LETTERS
            .iter()
            .any(|(seen, _)| *seen != "ti" && lower.contains(seen))
}

/// Zipf units a split letter's reading costs.
const SPLIT_COST: f32 = 0.5;

/// Readings of `word` with each suspect character replaced by its alternatives.
pub(super) fn letter_readings(word: &str, base_cost: f32) -> Vec<(String, f32)> {
    let chars: Vec<char> = word.chars().collect();
    let has_letter = chars.iter().any(|c| c.is_alphabetic());
    let mut out = vec![(String::new(), base_cost)];
    for (i, &c) in chars.iter().enumerate() {
        let letter = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphabetic())
        };
        let (before, after) = (letter(i.checked_sub(1)), letter(Some(i + 1)));
        let alts: &[(Option<char>, f32)] = match c {
            'é' => &[
                (Some('é'), 0.0),
                (Some('ö'), 0.0),
                (Some('ä'), 0.5),
                (Some('å'), 0.5),
            ],
            // "f6r", "Sj66" (Sjöö).
            '6' if has_letter => &[(Some('ö'), 0.2)],
            '0' if before && after => &[(Some('o'), 0.2), (Some('ö'), 0.3)],
            '&' | '4' if i == 0 && after => &[(Some('ä'), 0.3)],
            // "J4gareförbundet": a 4 between letters.
            '4' if before && after => &[(Some('ä'), 0.3)],
            // "f&", "f€" (få), "m@jlig" (möjlig), "@r" (är).
            '&' | '€' if before => &[(Some('å'), 0.3), (Some('ä'), 0.3)],
            '@' if before || after => &[(Some('ö'), 0.3), (Some('ä'), 0.3)],
            // "|anets" (länets): a bar for an l; inside a word ("bes|ot": beslöt,
            // "fores|lar": föreslår) an l or a stroke the OCR saw twice (no Swedish word
            // has a bar).
            '|' if i == 0 && after => &[(Some('l'), 0.2)],
            '|' if before && after => &[(Some('l'), 0.2), (None, 0.4)],
            // Rarer misreadings, tried on every word but costing evidence: ö read as d
            // or g, and (rarer still: once to ö's forty on the tuning pair) å as d
            // ("pagdende": pågående).
            'd' if after => &[(Some(c), 0.0), (Some('ö'), 1.0), (Some('å'), 2.0)],
            // At the end of a word: "snd" (snö).
            'd' if before => &[(Some(c), 0.0), (Some('ö'), 1.0)],
            'g' if after => &[(Some(c), 0.0), (Some('ö'), 1.0)],
            _ => &[],
        };
        if alts.is_empty() {
            for s in &mut out {
                s.0.push(c);
            }
        } else {
            let mut next = Vec::new();
            for (s, cost) in &out {
                for (a, ac) in alts {
                    if next.len() < 16 {
                        let mut t = s.clone();
                        t.extend(*a);
                        next.push((t, cost + ac));
                    }
                }
            }
            out = next;
        }
    }
    out
}

/// Vowels with a mark Swedish does not write, as an OCR engine reads a Swedish marked
/// letter ("fór", "fòrsäkring" for "för", "försäkring"), each with the letters it may
/// be.
pub(super) const FOREIGN_MARKS: [(char, &[char]); 9] = [
    ('ó', &['ö']),
    ('ò', &['ö']),
    ('ô', &['ö']),
    ('õ', &['ö']),
    ('ø', &['ö']),
    ('á', &['å', 'ä']),
    ('à', &['å', 'ä']),
    ('â', &['å', 'ä']),
    ('ã', &['å', 'ä']),
];

/// At most this many foreign marks in one word are read (two choices each).
const MAX_FOREIGN: usize = 3;

/// An r read as an l and an apostrophe, its arm taken for a mark ("fol'eningar",
/// "undel'håll", "hal'" for "föreningar", "underhåll", "har"): after a letter, an "l'"
/// that no Swedish word writes.
const R_AS_L: &str = "l'";

/// A word with letters an engine misread as marks Swedish does not write, read back:
/// a vowel with a foreign mark as the Swedish marked letter ("fóreningens" →
/// "föreningens"), an "l'" after a letter as an r ("fol'eningar" → "föreningar"), the
/// most frequent listed reading, with marks the OCR lost put back where the r was
/// misread. Not a word or a name as written ("à", "José"), and not where no reading is
/// a word. On every OCR page: an engine that writes them does so whether or not it lost
/// marks.
pub(super) fn foreign_mark(word: &str, lex: &Lexicon) -> Option<String> {
    let foreign = |c: char| FOREIGN_MARKS.iter().find(|(f, _)| *f == c).map(|(_, m)| *m);
    // "l'" after a letter, read as an r (the apostrophe would end the core).
    let after_letter = |i: usize| {
        word.get(..i)
            .and_then(|h| h.chars().last())
            .is_some_and(char::is_alphabetic)
    };
    let r_at: Vec<usize> = word
        .match_indices(R_AS_L)
        .map(|(i, _)| i)
        .filter(|&i| after_letter(i))
        .collect();
    // The word with those r's back (only those: "l'" elsewhere stays as written).
    let mut unr = String::with_capacity(word.len());
    let mut from = 0;
    for &at in &r_at {
        unr.push_str(word.get(from..at)?);
        unr.push('r');
        from = at + R_AS_L.len();
    }
    unr.push_str(word.get(from..)?);
    let (pre, core, post) = split_core(&unr);
    let lower = lowercase(core);
    let marks = lower.chars().filter(|c| foreign(*c).is_some()).count();
    if marks > MAX_FOREIGN || marks == 0 && r_at.is_empty() || lex.is_name(&lower) {
        return None;
    }
    // A word as it stands once its r's are back ("hal'": "har"), not as written.
    if marks == 0 {
        let mut found = vec![];
        if let Some(z) = lex.zipf(&lower) {
            found.push((lower.to_string(), z));
        } else {
            lex.accented(&crate::lexicon::deaccent(&lower), &mut found);
        }
        let (best, _) = found.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        return Some(format!("{pre}{}{post}", with_case(core, &best)));
    }
    if lex.zipf(&lower).is_some() {
        return None;
    }
    let mut readings = vec![String::new()];
    for c in lower.chars() {
        match foreign(c) {
            Some(swedish) => {
                readings = readings
                    .iter()
                    .flat_map(|r| swedish.iter().map(move |s| format!("{r}{s}")))
                    .collect();
            }
            None => readings.iter_mut().for_each(|r| r.push(c)),
        }
    }
    let best = most_frequent(lex, readings)?.0;
    Some(format!("{pre}{}{post}", with_case(core, &best)))
}

#[cfg(test)]
mod tests {
    use super::foreign_mark;
    use crate::lexicon::Lexicon;
    use crate::repair::testutil::*;

    #[test]
    fn a_foreign_mark_is_read_as_the_swedish_one() {
        let lex = Lexicon::swedish().expect("lexicon");
        let read = |w: &str| foreign_mark(w, lex);
        assert_eq!(read("fóreningens").as_deref(), Some("föreningens"));
        assert_eq!(read("(Fòrsäkring,").as_deref(), Some("(Försäkring,"));
        assert_eq!(read("fór").as_deref(), Some("för"));
        assert_eq!(read("mánad").as_deref(), Some("månad"));
        // An r read as an l and an apostrophe, with the marks the OCR lost.
        assert_eq!(read("fol'eningar").as_deref(), Some("föreningar"));
        assert_eq!(read("hal'").as_deref(), Some("har"));
        assert_eq!(read("övel'fòl'ing").as_deref(), Some("överföring"));
        // Words and names as written, readings that make no word, and Swedish words stay.
        for w in [
            "à", "José", "fóxqz", "för", "armé", "l'Oréal", "al'xqz", "'l'",
        ] {
            assert_eq!(read(w), None, "{w}");
        }
    }

    #[test]
    fn lost_swedish_letters() {
        assert_eq!(fix("valfard"), "välfärd");
        assert_eq!(fix("Orebro"), "Örebro");
        assert_eq!(fix("for"), "för");
        assert_eq!(fix("fér"), "för");
        assert_eq!(fix("6ka"), "öka");
        assert_eq!(fix("ar,"), "är,");
        assert_eq!(fix("&r"), "är");
        assert_eq!(fix("ordfdrande"), "ordförande");
        assert_eq!(fix("foérsta"), "första");
        assert_eq!(fix("Laxa"), "Laxå");
        assert_eq!(fix("lansdialog"), "länsdialog");
        assert_eq!(fix("uppfdljning"), "uppföljning");
        assert_eq!(fix("4ldre"), "äldre");
        // A bar inside a word: an l, or a stroke read twice.
        assert_eq!(fix("bes|ot"), "beslöt");
        assert_eq!(fix("fores|lar"), "föreslår");
        assert_eq!(fix("Sj66"), "Sjöö");
        assert_eq!(fix("é6verskottet"), "överskottet");
        // An unknown word with an é inside: ö, as a guess; a name's "-én" stays.
        assert_eq!(fix("Dénje"), "Dönje");
        assert_eq!(fix("Xyzén"), "Xyzén");
        assert_eq!(fix("rehabiliteringsansvar"), "rehabiliteringsansvar");
        assert_eq!(fix("journalgranskat"), "journalgranskat");
    }

    #[test]
    fn joined_words_and_two_character_misreadings() {
        assert_eq!(fix("valfardsomradet/sociala"), "välfärdsområdet/sociala");
        assert_eq!(fix("halso-och"), "hälso-och");
        assert_eq!(fix("behdéver"), "behöver");
        assert_eq!(fix("bedémning"), "bedömning");
        assert_eq!(fix("o6verenskommelser"), "överenskommelser");
        // A linking s after a listed word, not a split into three short words.
        assert_eq!(fix("informationsarende"), "informationsärende");
    }

    #[test]
    fn rarer_misreadings() {
        assert_eq!(fix("m@jliggéra"), "möjliggöra");
        assert_eq!(fix("hAalsar"), "hälsar");
        assert_eq!(fix("|anets"), "länets");
        assert_eq!(fix("onskeméal"), "önskemål");
        assert_eq!(fix("pagdende"), "pågående");
        // ö is read as d far more often than å is.
        assert_eq!(fix("hdlls"), "hölls");
        assert_eq!(fix("f€"), "få");
        assert_eq!(fix("kad"), "ökad");
        // A marked letter split in two narrow ones; "ti" read right stays.
        assert_eq!(fix("Ordftiranden"), "Ordföranden");
        assert_eq!(fix("vägsamfiillighet"), "vägsamfällighet");
        assert_eq!(fix("fi:ireningens"), "föreningens");
        assert_eq!(fix("fi:irlust"), "förlust");
        assert_eq!(fix("fi:ir"), "för");
        assert_eq!(fix("ftir"), "för");
        assert!(!super::has_split_letter("aktivitet"));
        assert_eq!(fix("stiftelsen"), "stiftelsen");
        assert_eq!(fix("aktivitet"), "aktivitet");
    }
}
