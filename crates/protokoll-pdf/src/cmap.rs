//! A tolerant CMap reader: codespace ranges, bfchar and bfrange (string or array
//! destinations). Anything it does not understand is skipped, never fatal.

use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
pub struct CMap {
    /// (low, high, byte length)
    codespace: Vec<(u32, u32, usize)>,
    chars: HashMap<(u32, usize), String>,
    ranges: Vec<Range>,
}

#[derive(Debug, Clone)]
struct Range {
    lo: u32,
    hi: u32,
    len: usize,
    dst: Dst,
}

#[derive(Debug, Clone)]
enum Dst {
    /// The first destination; later codes increment its last character.
    Start(Vec<u16>),
    List(Vec<String>),
}

#[derive(Debug, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Word(String),
    Open,
    Close,
}

fn tokenize(data: &[u8]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        match b {
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += 1;
                let mut digits = Vec::new();
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    if c.is_ascii_hexdigit() {
                        digits.push(c);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(b'0');
                }
                let bytes = digits
                    .chunks(2)
                    .filter_map(|p| std::str::from_utf8(p).ok())
                    .filter_map(|s| u8::from_str_radix(s, 16).ok())
                    .collect();
                toks.push(Tok::Hex(bytes));
                continue;
            }
            b'[' => {
                toks.push(Tok::Open);
                i += 1;
            }
            b']' => {
                toks.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings are rare in CMaps; take the bytes as they are.
                i += 1;
                let mut bytes = Vec::new();
                let mut depth = 1;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => {
                            if let Some(&n) = data.get(i) {
                                bytes.push(n);
                                i += 1;
                            }
                        }
                        b'(' => {
                            depth += 1;
                            bytes.push(c);
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            bytes.push(c);
                        }
                        _ => bytes.push(c),
                    }
                }
                toks.push(Tok::Hex(bytes));
                continue;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while data
                    .get(i)
                    .is_some_and(|&c| !c.is_ascii_whitespace() && !b"<>[]()%".contains(&c))
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                toks.push(Tok::Word(
                    String::from_utf8_lossy(data.get(start..i).unwrap_or(&[])).into_owned(),
                ));
            }
        }
    }
    toks
}

fn be(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

fn utf16_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        let toks = tokenize(data);
        let mut cm = CMap::default();
        let mut i = 0;
        let hex = |t: Option<&Tok>| match t {
            Some(Tok::Hex(h)) => Some(h.clone()),
            _ => None,
        };
        while let Some(t) = toks.get(i) {
            i += 1;
            let Tok::Word(w) = t else { continue };
            match w.as_str() {
                "begincodespacerange" => {
                    while let (Some(lo), Some(hi)) = (hex(toks.get(i)), hex(toks.get(i + 1))) {
                        cm.codespace.push((be(&lo), be(&hi), lo.len().clamp(1, 4)));
                        i += 2;
                    }
                }
                "beginbfchar" => {
                    while let (Some(src), Some(dst)) = (hex(toks.get(i)), hex(toks.get(i + 1))) {
                        cm.chars
                            .insert((be(&src), src.len()), utf16_string(&utf16(&dst)));
                        i += 2;
                    }
                }
                "beginbfrange" => {
                    while let (Some(lo), Some(hi)) = (hex(toks.get(i)), hex(toks.get(i + 1))) {
                        i += 2;
                        let (l, h) = (be(&lo), be(&hi));
                        match toks.get(i) {
                            Some(Tok::Hex(dst)) => {
                                i += 1;
                                if h >= l {
                                    cm.ranges.push(Range {
                                        lo: l,
                                        hi: h,
                                        len: lo.len(),
                                        dst: Dst::Start(utf16(dst)),
                                    });
                                }
                            }
                            Some(Tok::Open) => {
                                i += 1;
                                let mut list = Vec::new();
                                while let Some(Tok::Hex(d)) = toks.get(i) {
                                    list.push(utf16_string(&utf16(d)));
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Tok::Close) {
                                    i += 1;
                                }
                                if h >= l {
                                    cm.ranges.push(Range {
                                        lo: l,
                                        hi: h,
                                        len: lo.len(),
                                        dst: Dst::List(list),
                                    });
                                }
                            }
                            _ => break,
                        }
                    }
                }
                _ => {}
            }
        }
        cm
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// The byte length of the code at the start of `bytes` (codespace ranges decide;
    /// a code that matches none takes the shortest length, at least 1).
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        for &(lo, hi, len) in &self.codespace {
            if let Some(chunk) = bytes.get(..len) {
                let c = be(chunk);
                if c >= lo && c <= hi {
                    return len;
                }
            }
        }
        self.codespace.iter().map(|c| c.2).min().unwrap_or(1)
    }

    /// The text of `code` (`len` bytes long). A code written with a different byte
    /// length than the map's entries is still found, since producers are careless.
    pub fn lookup(&self, code: u32, len: usize) -> Option<String> {
        if let Some(s) = self.chars.get(&(code, len)) {
            return Some(s.clone());
        }
        for r in &self.ranges {
            if code >= r.lo && code <= r.hi && (r.len == len || self.chars.is_empty()) {
                let off = code - r.lo;
                return match &r.dst {
                    Dst::Start(units) => {
                        let mut u = units.clone();
                        if let Some(last) = u.last_mut() {
                            *last = last.wrapping_add(off as u16);
                        }
                        Some(utf16_string(&u))
                    }
                    Dst::List(l) => l.get(off as usize).cloned(),
                };
            }
        }
        self.chars
            .iter()
            .find(|((c, _), _)| *c == code)
            .map(|(_, s)| s.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_bfrange_and_arrays() {
        let src = b"/CIDInit /ProcSet findresource begin
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0044> <00E4> endbfchar
            2 beginbfrange <0010> <0012> <0061>
            <0020> <0021> [<0066006C> <00F6>] endbfrange";
        let cm = CMap::parse(src);
        assert_eq!(cm.lookup(0x44, 2).as_deref(), Some("ä"));
        assert_eq!(cm.lookup(0x12, 2).as_deref(), Some("c"));
        assert_eq!(cm.lookup(0x20, 2).as_deref(), Some("fl"));
        assert_eq!(cm.lookup(0x21, 2).as_deref(), Some("ö"));
        assert_eq!(cm.lookup(0x99, 2), None);
        assert_eq!(cm.code_len(&[0, 3]), 2);
    }

    #[test]
    fn mixed_codespace_lengths() {
        let cm = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange");
        assert_eq!(cm.code_len(&[0x41, 0x42]), 1);
        assert_eq!(cm.code_len(&[0x81, 0x40]), 2);
    }

    #[test]
    fn garbage_is_not_fatal() {
        let cm = CMap::parse(b"beginbfrange <00> [ ] <zz> endbfrange %junk\n beginbfchar <01>");
        assert_eq!(cm.lookup(1, 1), None);
    }
}
