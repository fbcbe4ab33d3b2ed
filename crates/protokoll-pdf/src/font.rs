//! Fonts: from a font dictionary to code → (text, advance width).
//!
//! ToUnicode wins over everything; simple fonts fall back to their encoding with
//! /Differences resolved glyph by glyph; Type0 fonts read codes through their codespace
//! (Identity-H/V: two bytes). Widths come from /Widths, /W, /DW, /MissingWidth, or the
//! Standard-14 metrics.

use crate::cmap::CMap;
use crate::encoding::{glyph_name_to_text, Base};
use crate::obj::{deref, dict_get, name_of, num};
use lopdf::{Dictionary, Document, Object};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A hasher for small integer keys (character codes): the standard SipHash showed up
/// in profiles of glyph decoding.
#[derive(Default)]
pub struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type CodeMap<V> = HashMap<u32, V, BuildHasherDefault<CodeHasher>>;

/// One decoded character code.
pub struct Glyph {
    /// Shared between all uses of the code (decoding allocates once per code).
    pub text: Rc<str>,
    /// Advance in text space units (already divided by 1000 or scaled by FontMatrix).
    pub width: f32,
    /// The single-byte code 32 (word spacing applies).
    pub is_space_code: bool,
    /// The text is a guess (a CID taken as a Unicode code point).
    pub guessed: bool,
}

#[derive(Debug, Default)]
pub struct Font {
    composite: bool,
    /// Codespace of a composite font: byte lengths by first-byte ranges.
    codespace: Option<CMap>,
    to_unicode: Option<CMap>,
    /// Composite font whose codes are UTF-16 (the Uni…-UTF16/UCS2 CMaps).
    utf16_codes: bool,
    /// Composite font without ToUnicode: CID → text from the embedded TrueType's cmap.
    cid_text: HashMap<u32, String>,
    /// Codes that are bytes of a legacy CJK encoding (predefined CMaps such as 90ms-RKSJ-H).
    legacy: Option<crate::cjk::Legacy>,
    /// Codes are CIDs (Identity-H/V).
    cid_codes: bool,
    /// CID → Unicode of the font's Adobe character collection (Japan1, GB1, …).
    collection: Option<&'static [u8]>,
    /// Adobe-Identity or Adobe-UCS collection: as poppler does, a CID without any other
    /// mapping is taken as a code point (reported as a guess).
    identity_guess: bool,
    /// Decoded codes: (code, byte length) → text and advance.
    cache: RefCell<CodeMap<(Rc<str>, f32, bool)>>,
    simple: Vec<Option<String>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Type3 FontMatrix x scale (glyph space → text space); 0.001 otherwise.
    scale: f32,
    pub bold: bool,
    pub vertical: bool,
}

impl Font {
    /// Helvetica with the standard encoding: for a font resource that is missing or
    /// cannot be read.
    pub fn fallback() -> Font {
        let metrics = crate::metrics::standard14(b"Helvetica");
        let simple: Vec<Option<String>> = (0u8..=255)
            .map(|c| Base::Standard.decode(c).map(String::from))
            .collect();
        let mut widths = HashMap::new();
        if let Some(m) = metrics {
            for (c, t) in simple.iter().enumerate() {
                if let Some(ch) = t.as_ref().and_then(|t| t.chars().next()) {
                    widths.insert(c as u32, m.width(ch) / 1000.0);
                }
            }
        }
        Font {
            simple,
            widths,
            default_width: 0.5,
            scale: 0.001,
            ..Font::default()
        }
    }

    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict_get(doc, dict, b"Subtype")
            .and_then(name_of)
            .unwrap_or_default();
        let base_font = dict_get(doc, dict, b"BaseFont")
            .and_then(name_of)
            .unwrap_or_default();
        let mut font = Font {
            scale: 0.001,
            bold: is_bold_name(&base_font),
            ..Font::default()
        };
        if let Some(tu) = dict_get(doc, dict, b"ToUnicode").and_then(|o| stream_bytes(doc, o)) {
            let cmap = CMap::parse(&tu);
            if !cmap.is_empty() {
                font.to_unicode = Some(cmap);
            }
        }
        if subtype == b"Type0" {
            font.load_composite(doc, dict);
        } else {
            font.load_simple(doc, dict, &subtype, &base_font);
        }
        font
    }

    fn load_composite(&mut self, doc: &Document, dict: &Dictionary) {
        self.composite = true;
        let enc = dict_get(doc, dict, b"Encoding");
        match enc.and_then(name_of) {
            Some(n) => {
                self.vertical = n.ends_with(b"-V");
                let name = String::from_utf8_lossy(&n);
                self.utf16_codes =
                    name.starts_with("Uni") && (name.contains("UTF16") || name.contains("UCS2"));
                if n.starts_with(b"Identity") {
                    self.codespace = None; // two bytes, the default
                    self.cid_codes = true;
                } else {
                    self.legacy = crate::cjk::Legacy::from_cmap_name(&name);
                }
            }
            None => {
                if let Some(bytes) = enc.and_then(|o| stream_bytes(doc, o)) {
                    let cm = CMap::parse(&bytes);
                    if cm.has_codespace() {
                        self.codespace = Some(cm);
                    }
                }
            }
        }
        let desc = dict_get(doc, dict, b"DescendantFonts")
            .and_then(|o| match o {
                Object::Array(a) => a.first(),
                _ => None,
            })
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        self.default_width = 1.0;
        if let Some(desc) = desc {
            if let Some(dw) = dict_get(doc, desc, b"DW").and_then(num) {
                self.default_width = dw / 1000.0;
            }
            if let Some(bf) = dict_get(doc, desc, b"BaseFont").and_then(name_of) {
                self.bold |= is_bold_name(&bf);
            }
            self.bold |= descriptor_bold(doc, desc);
            if let Some(Object::Array(w)) = dict_get(doc, desc, b"W") {
                self.read_cid_widths(doc, w);
            }
            if self.to_unicode.is_none() && !self.utf16_codes {
                self.cid_text = embedded_cid_text(doc, desc);
            }
            if let Some(info) = dict_get(doc, desc, b"CIDSystemInfo").and_then(|o| o.as_dict().ok())
            {
                let ordering = dict_get(doc, info, b"Ordering");
                let ordering = match ordering {
                    Some(Object::String(s, _)) => s.clone(),
                    Some(o) => name_of(o).unwrap_or_default(),
                    None => Vec::new(),
                };
                self.collection = crate::cjk::collection(&ordering);
                self.identity_guess = ordering == b"Identity" || ordering == b"UCS";
            }
        }
    }

    /// /W: `c [w1 w2 …]` or `cfirst clast w`.
    fn read_cid_widths(&mut self, doc: &Document, w: &[Object]) {
        let mut i = 0;
        while i < w.len() {
            let Some(first) = w.get(i).and_then(|o| deref(doc, o)).and_then(num) else {
                break;
            };
            let first = first.max(0.0) as u32;
            match w.get(i + 1).and_then(|o| deref(doc, o)) {
                Some(Object::Array(ws)) => {
                    for (k, o) in ws.iter().enumerate().take(65536) {
                        if let Some(v) = deref(doc, o).and_then(num) {
                            self.widths
                                .insert(first.saturating_add(k as u32), v / 1000.0);
                        }
                    }
                    i += 2;
                }
                Some(o) => {
                    let last = num(o).unwrap_or(0.0).max(0.0) as u32;
                    let v = w.get(i + 2).and_then(|o| deref(doc, o)).and_then(num);
                    if let Some(v) = v {
                        // Bound the range: a hostile /W could name four billion codes.
                        for c in first..=last.min(first.saturating_add(65535)) {
                            self.widths.insert(c, v / 1000.0);
                        }
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, subtype: &[u8], base_font: &[u8]) {
        if subtype == b"Type3" {
            if let Some(Object::Array(m)) = dict_get(doc, dict, b"FontMatrix") {
                if let Some(a) = m.first().and_then(num) {
                    if a.is_finite() && a != 0.0 {
                        self.scale = a.abs();
                    }
                }
            }
        }
        let descriptor = dict_get(doc, dict, b"FontDescriptor").and_then(|o| o.as_dict().ok());
        let flags = descriptor
            .and_then(|d| dict_get(doc, d, b"Flags"))
            .and_then(num)
            .unwrap_or(0.0) as u32;
        let symbolic = flags & 4 != 0 && flags & 32 == 0;
        if let Some(d) = descriptor {
            self.bold |= descriptor_bold(doc, d);
        }
        let std14 = crate::metrics::standard14(base_font);
        // Base encoding: explicit, else the font's built-in one (approximated).
        let enc = dict_get(doc, dict, b"Encoding");
        let mut base = if symbolic || std14.is_some_and(|m| m.symbolic) {
            Base::Identity
        } else if subtype == b"TrueType" {
            Base::WinAnsi
        } else {
            Base::Standard
        };
        let mut differences: Option<&Vec<Object>> = None;
        match enc {
            Some(Object::Name(n)) => {
                if let Some(b) = Base::from_name(n) {
                    base = b;
                }
            }
            Some(Object::Dictionary(d)) => {
                if let Some(b) = dict_get(doc, d, b"BaseEncoding").and_then(name_of) {
                    if let Some(b) = Base::from_name(&b) {
                        base = b;
                    }
                }
                if let Some(Object::Array(a)) = dict_get(doc, d, b"Differences") {
                    differences = Some(a);
                }
            }
            _ => {}
        }
        self.simple = (0u8..=255)
            .map(|c| base.decode(c).map(String::from))
            .collect();
        if let Some(diffs) = differences {
            let mut code: i64 = 0;
            for o in diffs {
                match deref(doc, o) {
                    Some(Object::Integer(i)) => code = *i,
                    Some(Object::Real(r)) => code = *r as i64,
                    Some(Object::Name(n)) => {
                        if let Some(slot) = usize::try_from(code)
                            .ok()
                            .and_then(|c| self.simple.get_mut(c))
                        {
                            // An unknown name leaves only its own slot empty.
                            *slot = std::str::from_utf8(n).ok().and_then(glyph_name_to_text);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        // Widths.
        let first = dict_get(doc, dict, b"FirstChar")
            .and_then(num)
            .unwrap_or(0.0)
            .max(0.0) as u32;
        if let Some(Object::Array(ws)) = dict_get(doc, dict, b"Widths") {
            for (k, o) in ws.iter().enumerate().take(256) {
                if let Some(v) = deref(doc, o).and_then(num) {
                    self.widths.insert(first + k as u32, v * self.scale);
                }
            }
        }
        let missing = descriptor
            .and_then(|d| dict_get(doc, d, b"MissingWidth"))
            .and_then(num);
        if self.widths.is_empty() {
            if let Some(m) = std14 {
                for c in 0u32..256 {
                    if let Some(t) = self.simple.get(c as usize).and_then(|t| t.as_ref()) {
                        if let Some(ch) = t.chars().next() {
                            self.widths.insert(c, m.width(ch) / 1000.0);
                        }
                    }
                }
            }
        }
        self.default_width = match missing {
            Some(m) if m > 0.0 => m * self.scale,
            _ => 0.5,
        };
    }

    /// Splits a string operand into codes and decodes each.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Glyph>) {
        let mut i = 0;
        while i < bytes.len() {
            let len = if !self.composite {
                1
            } else if let Some(l) = &self.legacy {
                l.code_len(bytes.get(i..).unwrap_or(&[]))
            } else {
                match &self.codespace {
                    Some(cs) => cs.code_len(bytes.get(i..).unwrap_or(&[])),
                    None => 2,
                }
            };
            let end = (i + len).min(bytes.len());
            let chunk = bytes.get(i..end).unwrap_or(&[]);
            let code = chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
            // Codes of different lengths never share a key: the length is in the top bits.
            let key = code | ((chunk.len() as u32 & 0x7) << 29);
            let hit = self.cache.borrow().get(&key).cloned();
            let (text, width, guessed) = match hit {
                Some(hit) => hit,
                None => {
                    let v = self.decode_code(code, chunk);
                    self.cache.borrow_mut().insert(key, v.clone());
                    v
                }
            };
            out.push(Glyph {
                text,
                width,
                is_space_code: chunk.len() == 1 && code == 32,
                guessed,
            });
            i = end.max(i + 1);
        }
    }

    /// Text and advance of one code, uncached.
    fn decode_code(&self, code: u32, chunk: &[u8]) -> (Rc<str>, f32, bool) {
        let mapped = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.lookup(code, chunk.len()));
        let text = if self.composite {
            mapped
                .or_else(|| self.utf16_codes.then(|| utf16_text(chunk)).flatten())
                .or_else(|| self.legacy.and_then(|l| l.decode(chunk)))
                .or_else(|| self.cid_text.get(&code).cloned())
                .or_else(|| {
                    let table = self.collection.filter(|_| self.cid_codes)?;
                    crate::cjk::cid_text(table, code)
                })
        } else {
            mapped.or_else(|| self.simple.get(code as usize).cloned().flatten())
        };
        let width = self
            .widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width);
        // Last resort, as poppler: an Adobe-Identity CID read as a code point.
        let guess = || {
            char::from_u32(code)
                .filter(|c| !c.is_control() && self.cid_codes && self.identity_guess)
                .map(String::from)
        };
        match text {
            Some(t) => (Rc::from(t), width, false),
            None => match guess() {
                Some(t) => (Rc::from(t), width, true),
                None => (Rc::from(""), width, false),
            },
        }
    }
}

fn utf16_text(bytes: &[u8]) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect();
    let s: String = char::decode_utf16(units).filter_map(Result::ok).collect();
    (!s.is_empty()).then_some(s)
}

/// CID → text for a CIDFontType2 without ToUnicode, from the embedded TrueType program:
/// CID → glyph (CIDToGIDMap, Identity by default) → the Unicode cmap read backwards.
fn embedded_cid_text(doc: &Document, desc: &Dictionary) -> HashMap<u32, String> {
    let mut out = HashMap::new();
    let Some(fd) = dict_get(doc, desc, b"FontDescriptor").and_then(|o| o.as_dict().ok()) else {
        return out;
    };
    let Some(data) = dict_get(doc, fd, b"FontFile2").and_then(|o| stream_bytes(doc, o)) else {
        return out;
    };
    let Ok(face) = ttf_parser::Face::parse(&data, 0) else {
        return out;
    };
    let mut by_gid: HashMap<u16, char> = HashMap::new();
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            sub.codepoints(|cp| {
                if let (Some(g), Some(c)) = (sub.glyph_index(cp), char::from_u32(cp)) {
                    by_gid.entry(g.0).or_insert(c);
                }
            });
        }
    }
    if by_gid.is_empty() {
        return out;
    }
    let map = dict_get(doc, desc, b"CIDToGIDMap").and_then(|o| stream_bytes(doc, o));
    match map {
        Some(bytes) => {
            for (cid, pair) in bytes.chunks_exact(2).enumerate().take(65536) {
                let [a, b] = pair else { continue };
                if let Some(c) = by_gid.get(&u16::from_be_bytes([*a, *b])) {
                    out.insert(cid as u32, c.to_string());
                }
            }
        }
        None => {
            for (gid, c) in by_gid {
                out.insert(u32::from(gid), c.to_string());
            }
        }
    }
    out
}

fn is_bold_name(name: &[u8]) -> bool {
    let s = String::from_utf8_lossy(name).to_ascii_lowercase();
    s.contains("bold") || s.contains("black") || s.contains("heavy") || s.contains("semibold")
}

fn descriptor_bold(doc: &Document, d: &Dictionary) -> bool {
    let weight = dict_get(doc, d, b"FontWeight").and_then(num).unwrap_or(0.0);
    let flags = dict_get(doc, d, b"Flags").and_then(num).unwrap_or(0.0) as u32;
    let name_bold = dict_get(doc, d, b"FontName")
        .and_then(name_of)
        .is_some_and(|n| is_bold_name(&n));
    weight >= 600.0 || flags & (1 << 18) != 0 || name_bold
}

/// The decoded bytes of a stream object (ToUnicode, embedded CMap), bounded in size.
fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let s = deref(doc, o)?.as_stream().ok()?;
    // Font data is bounded on its own: 8 MiB is far more than any CMap or font needs.
    crate::obj::stream_data(doc, &[], s, 8 << 20).ok()
}
