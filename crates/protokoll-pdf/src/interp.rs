//! The content-stream interpreter: runs a page's operators with a graphics and text
//! state and records positioned glyphs, thin rules (for strike-through and table rows)
//! and image placements. Nothing here knows about words or lines.

use crate::font::{Font, Glyph};
use crate::obj::{deref, dict_get, num, stream_data};
use crate::{Budget, Limits, PdfError};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// A 2-D affine matrix `[a b c d e f]` (row-vector convention, as in PDF).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct M(pub [f32; 6]);

impl M {
    pub const ID: M = M([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    /// `self × o`: apply `self` first, then `o`.
    pub fn mul(&self, o: &M) -> M {
        let [a, b, c, d, e, f] = self.0;
        let [p, q, r, s, t, u] = o.0;
        M([
            a * p + b * r,
            a * q + b * s,
            c * p + d * r,
            c * q + d * s,
            e * p + f * r + t,
            e * q + f * s + u,
        ])
    }
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }
    fn translate(tx: f32, ty: f32) -> M {
        M([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
    fn is_finite(&self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

/// A glyph as drawn, in page space with the origin top-left.
#[derive(Debug, Clone)]
pub struct RawGlyph {
    pub text: Rc<str>,
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Baseline with the text's own slope removed (`y` at x = 0): glyphs of one skewed
    /// line (scans: 0.2-1°) share it even when `y` drifts along the line.
    pub line_y: f32,
    pub size: f32,
    pub bold: bool,
    pub invisible: bool,
    /// Drawn along the x axis (not rotated or vertical).
    pub upright: bool,
    /// Whether this glyph was the single-byte code 32 or decoded to a space.
    pub space: bool,
}

/// A thin horizontal rule or a filled rectangle, in page space.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
}

/// An image XObject as drawn: its stream (with the entries decoding needs resolved)
/// and the matrix from image space (the unit square) to page space.
#[derive(Debug, Clone)]
pub struct PlacedImage {
    pub stream: lopdf::Stream,
    pub matrix: M,
}

#[derive(Debug, Default)]
pub struct RawPage {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<RawGlyph>,
    pub rules: Vec<Rule>,
    /// Area share of the page covered by the largest image.
    pub image_cover: f32,
    /// The image that covers most of the page (over half of it), for OCR.
    pub image: Option<PlacedImage>,
    /// Glyphs whose code had no Unicode mapping.
    pub unmapped: usize,
    /// Glyphs whose text is a guess (see `Glyph::guessed`).
    pub guessed: usize,
}

#[derive(Clone)]
struct GState {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
    render: i64,
}

pub struct Interp<'a> {
    doc: &'a Document,
    raw: &'a [u8],
    limits: &'a Limits,
    budget: &'a Budget,
    fonts: HashMap<(usize, Vec<u8>), Rc<Font>>,
    font_objects: HashMap<ObjectId, Rc<Font>>,
    fallback: Option<Rc<Font>>,
    truncated: bool,
    ops: usize,
    /// Page space: PDF user space → top-left origin.
    base: M,
    page: RawPage,
    path: Vec<(f32, f32, f32, f32)>,
    cur: (f32, f32),
    subpath_start: (f32, f32),
}

const MAX_RULES: usize = 50_000;
const MAX_GLYPHS: usize = 2_000_000;

impl<'a> Interp<'a> {
    pub fn new(doc: &'a Document, raw: &'a [u8], limits: &'a Limits, budget: &'a Budget) -> Self {
        Interp {
            doc,
            raw,
            limits,
            budget,
            fonts: HashMap::new(),
            font_objects: HashMap::new(),
            fallback: None,
            truncated: !raw
                .get(raw.len().saturating_sub(1024)..)
                .unwrap_or(raw)
                .windows(5)
                .any(|w| w == b"%%EOF"),
            ops: 0,
            base: M::ID,
            page: RawPage::default(),
            path: Vec::new(),
            cur: (0.0, 0.0),
            subpath_start: (0.0, 0.0),
        }
    }

    /// Runs one page.
    pub fn run_page(&mut self, page_id: ObjectId) -> Result<RawPage, PdfError> {
        let (x0, y0, x1, y1) = media_box(self.doc, page_id);
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        // The page as a viewer shows it: a scan stored sideways under "/Rotate 270" is
        // read upright, its text and image alike.
        let turns = rotation(self.doc, page_id);
        let (width, height) = if turns % 2 == 1 { (h, w) } else { (w, h) };
        self.page = RawPage {
            width,
            height,
            ..RawPage::default()
        };
        self.base = M([1.0, 0.0, 0.0, -1.0, -x0.min(x1), y0.max(y1)]).mul(&turned(turns, w, h));
        let mut content = Vec::new();
        for id in self.doc.get_page_contents(page_id) {
            let Ok(s) = self.doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            let budget = self.limits.max_decompressed.saturating_sub(content.len());
            content.extend(stream_data(self.doc, self.raw, s, budget)?);
            content.push(b'\n');
        }
        let resources = page_resources(self.doc, page_id);
        let gs = GState {
            ctm: M::ID,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
            render: 0,
        };
        self.run(&content, &resources, gs.clone(), 0)?;
        self.annotations(page_id, &resources, &gs)?;
        Ok(std::mem::take(&mut self.page))
    }

    fn check_time(&self) -> Result<(), PdfError> {
        self.budget.check().map_err(PdfError::Timeout)
    }

    /// The stand-in font, unless the file is cut short: then the missing font is
    /// beyond the cut and a guessed encoding would only produce noise.
    fn fallback_font(&mut self) -> Option<Rc<Font>> {
        if self.truncated {
            return None;
        }
        Some(
            self.fallback
                .get_or_insert_with(|| Rc::new(Font::fallback()))
                .clone(),
        )
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<Rc<Font>> {
        for res in resources {
            let Some(fonts) = dict_get(self.doc, res, b"Font").and_then(|o| o.as_dict().ok())
            else {
                continue;
            };
            let Ok(entry) = fonts.get(name) else { continue };
            if let Object::Reference(id) = entry {
                if let Some(f) = self.font_objects.get(id) {
                    return Some(f.clone());
                }
                let dict = deref(self.doc, entry)?.as_dict().ok()?;
                let f = Rc::new(Font::load(self.doc, dict));
                self.font_objects.insert(*id, f.clone());
                return Some(f);
            }
            let key = (*res as *const Dictionary as usize, name.to_vec());
            if let Some(f) = self.fonts.get(&key) {
                return Some(f.clone());
            }
            let dict = entry.as_dict().ok()?;
            let f = Rc::new(Font::load(self.doc, dict));
            self.fonts.insert(key, f.clone());
            return Some(f);
        }
        None
    }

    // The content-stream operator dispatch: one arm per PDF operator over the shared
    // graphics and text state (CTM, q/Q stack, Tm/Tlm). Split up, each arm would take
    // that state as arguments and the operators would no longer read side by side as in
    // the PDF reference; issue 17 allows this one function to stay long.
    #[allow(clippy::too_many_lines)]
    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        mut gs: GState,
        depth: u32,
    ) -> Result<(), PdfError> {
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = M::ID;
        let mut tlm = M::ID;
        for op in Content::decode_iter(content) {
            // A damaged stream keeps what was read before the damage.
            let Ok(op) = op else { break };
            self.ops += 1;
            if self.ops.is_multiple_of(1024) {
                self.check_time()?;
            }
            if self.ops > self.limits.max_ops {
                return Err(PdfError::TooLarge(
                    "too many content-stream operators".into(),
                ));
            }
            let a = &op.operands;
            let f = |i: usize| a.get(i).and_then(num).unwrap_or(0.0);
            match op.operator.as_str() {
                // Nesting is bounded so a hostile stream cannot grow the stack.
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" => {
                    let m = M([f(0), f(1), f(2), f(3), f(4), f(5)]);
                    if m.is_finite() {
                        gs.ctm = m.mul(&gs.ctm);
                    }
                }
                "BT" => {
                    tm = M::ID;
                    tlm = M::ID;
                }
                "ET" => {}
                "Tf" => {
                    if let Some(Object::Name(n)) = a.first() {
                        // A font that cannot be read still shows its text (as
                        // Helvetica with the standard encoding), as viewers do.
                        gs.font = self.font(resources, n).or_else(|| self.fallback_font());
                    }
                    gs.size = f(1);
                }
                "Tc" => gs.tc = f(0),
                "Tw" => gs.tw = f(0),
                "Tz" => gs.th = f(0) / 100.0,
                "TL" => gs.tl = f(0),
                "Ts" => gs.rise = f(0),
                "Tr" => gs.render = a.first().and_then(num).unwrap_or(0.0) as i64,
                "Td" => {
                    tlm = M::translate(f(0), f(1)).mul(&tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.tl = -f(1);
                    tlm = M::translate(f(0), f(1)).mul(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    let m = M([f(0), f(1), f(2), f(3), f(4), f(5)]);
                    if m.is_finite() {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = M::translate(0.0, -gs.tl).mul(&tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = a.first() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "'" => {
                    tlm = M::translate(0.0, -gs.tl).mul(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = a.first() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "\"" => {
                    gs.tw = f(0);
                    gs.tc = f(1);
                    tlm = M::translate(0.0, -gs.tl).mul(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = a.get(2) {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = a.first() {
                        for it in items {
                            match it {
                                Object::String(s, _) => self.show(&gs, &mut tm, s),
                                other => {
                                    if let Some(n) = num(other) {
                                        let tx = -n / 1000.0 * gs.size * gs.th;
                                        tm = M::translate(tx, 0.0).mul(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Object::Name(n)) = a.first() {
                        self.do_xobject(resources, n, &gs, depth)?;
                    }
                }
                "BI" | "EI" | "ID" => {}
                "m" => {
                    self.cur = (f(0), f(1));
                    self.subpath_start = self.cur;
                }
                "l" => {
                    let p = (f(0), f(1));
                    self.path.push((self.cur.0, self.cur.1, p.0, p.1));
                    self.cur = p;
                }
                "c" => self.cur = (f(4), f(5)),
                "v" | "y" => self.cur = (f(2), f(3)),
                "h" => {
                    let s = self.subpath_start;
                    self.path.push((self.cur.0, self.cur.1, s.0, s.1));
                    self.cur = s;
                }
                "re" => {
                    let (x, y, w, h) = (f(0), f(1), f(2), f(3));
                    // A rectangle is kept as its diagonal; `paint` takes its box.
                    self.path.push((x, y, x + w, y + h));
                    self.cur = (x, y);
                    self.subpath_start = (x, y);
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.paint(&gs),
                "n" => self.path.clear(),
                _ => {}
            }
        }
        Ok(())
    }

    fn paint(&mut self, gs: &GState) {
        let m = gs.ctm.mul(&self.base);
        for (x0, y0, x1, y1) in self.path.drain(..) {
            if self.page.rules.len() >= MAX_RULES {
                break;
            }
            let (ax, ay) = m.apply(x0, y0);
            let (bx, by) = m.apply(x1, y1);
            let r = Rule {
                x0: ax.min(bx),
                x1: ax.max(bx),
                y0: ay.min(by),
                y1: ay.max(by),
            };
            let (w, h) = (r.x1 - r.x0, r.y1 - r.y0);
            // Thin horizontal rules only: strike-through, underline, table borders.
            if w >= 2.0 && h <= 2.5 && w.is_finite() && h.is_finite() {
                self.page.rules.push(r);
            }
        }
    }

    fn show(&mut self, gs: &GState, tm: &mut M, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else { return };
        let mut glyphs: Vec<Glyph> = Vec::with_capacity(bytes.len());
        font.decode(bytes, &mut glyphs);
        for g in glyphs {
            let m = tm.mul(&gs.ctm).mul(&self.base);
            let w = g.width * gs.size * gs.th;
            let (sx, sy) = m.apply(0.0, gs.rise);
            let (ex, ey) = m.apply(w, gs.rise);
            let vscale = (m.0[2] * m.0[2] + m.0[3] * m.0[3]).sqrt();
            let size = (gs.size * vscale).abs();
            let slope = if m.0[0].abs() > 1e-6 {
                m.0[1] / m.0[0]
            } else {
                0.0
            };
            let upright = m.0[0] > 0.0 && m.0[1].abs() < 0.1 * m.0[0].abs().max(1e-6);
            if g.text.is_empty() && !g.is_space_code {
                self.page.unmapped += 1;
            }
            if g.guessed {
                self.page.guessed += 1;
            }
            if self.page.glyphs.len() < MAX_GLYPHS
                && sx.is_finite()
                && sy.is_finite()
                && ex.is_finite()
            {
                // Code 32 is a space only when it maps to nothing else (subset fonts reuse it).
                let space = g.text.chars().all(char::is_whitespace);
                self.page.glyphs.push(RawGlyph {
                    text: g.text,
                    x0: sx.min(ex),
                    x1: sx.max(ex),
                    y: (sy + ey) / 2.0,
                    line_y: sy - sx * slope,
                    size,
                    bold: font.bold,
                    invisible: gs.render == 3 || gs.render == 7,
                    upright,
                    space,
                });
            }
            let tw = if g.is_space_code { gs.tw } else { 0.0 };
            let tx = (g.width * gs.size + gs.tc + tw) * gs.th;
            *tm = M::translate(tx, 0.0).mul(tm);
        }
    }

    fn do_xobject(
        &mut self,
        resources: &[&'a Dictionary],
        name: &[u8],
        gs: &GState,
        depth: u32,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some(stream) = resources.iter().find_map(|res| {
            let xo = dict_get(doc, res, b"XObject")?.as_dict().ok()?;
            deref(doc, xo.get(name).ok()?)?.as_stream().ok()
        }) else {
            return Ok(());
        };
        let subtype = dict_get(doc, &stream.dict, b"Subtype").and_then(|o| o.as_name().ok());
        match subtype {
            Some(b"Image") => {
                let m = gs.ctm.mul(&self.base);
                let pts = [
                    m.apply(0.0, 0.0),
                    m.apply(1.0, 0.0),
                    m.apply(0.0, 1.0),
                    m.apply(1.0, 1.0),
                ];
                let xs = pts.iter().map(|p| p.0);
                let ys = pts.iter().map(|p| p.1);
                let (x0, x1) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
                let (y0, y1) = ys.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
                let area = (x1.min(self.page.width) - x0.max(0.0)).max(0.0)
                    * (y1.min(self.page.height) - y0.max(0.0)).max(0.0);
                let page_area = (self.page.width * self.page.height).max(1.0);
                let cover = area / page_area;
                // Only the page-sized image is kept: OCR reads that one, and cloning
                // every logo's stream would cost for nothing.
                if cover > 0.5 && cover > self.page.image_cover {
                    self.page.image = Some(PlacedImage {
                        stream: resolved_image(doc, stream),
                        matrix: m,
                    });
                }
                self.page.image_cover = self.page.image_cover.max(cover);
            }
            Some(b"Form") => self.run_form(stream, resources, gs, depth)?,
            _ => {}
        }
        Ok(())
    }

    /// Runs a Form XObject (or an annotation's appearance) with its /Matrix, its own
    /// resources first and then its parent's.
    fn run_form(
        &mut self,
        stream: &'a lopdf::Stream,
        resources: &[&'a Dictionary],
        gs: &GState,
        depth: u32,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        if depth >= self.limits.max_depth {
            return Ok(());
        }
        let data = stream_data(self.doc, self.raw, stream, self.limits.max_decompressed)?;
        let mut inner = gs.clone();
        if let Some(m) = matrix(doc, &stream.dict) {
            inner.ctm = m.mul(&gs.ctm);
        }
        let mut res: Vec<&'a Dictionary> = Vec::new();
        if let Some(r) = dict_get(doc, &stream.dict, b"Resources").and_then(|o| o.as_dict().ok()) {
            res.push(r);
        }
        res.extend_from_slice(resources);
        self.path.clear();
        self.run(&data, &res, inner, depth + 1)
    }

    /// Draws the normal appearance of the page's visible annotations (form fields,
    /// free-text notes), placed in their /Rect, as viewers and pdftotext do.
    fn annotations(
        &mut self,
        page_id: ObjectId,
        resources: &[&'a Dictionary],
        gs: &GState,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(());
        };
        let Some(Object::Array(annots)) = dict_get(doc, page, b"Annots") else {
            return Ok(());
        };
        for a in annots.iter().take(10_000) {
            let Some(a) = deref(doc, a).and_then(|o| o.as_dict().ok()) else {
                continue;
            };
            let flags = dict_get(doc, a, b"F").and_then(num).unwrap_or(0.0) as u32;
            let subtype = dict_get(doc, a, b"Subtype")
                .and_then(|o| o.as_name().ok())
                .unwrap_or_default();
            // Hidden or no-view annotations, and popups and links, show no text.
            if flags & 0b10_0010 != 0 || subtype == b"Popup" || subtype == b"Link" {
                continue;
            }
            let Some(ap) = dict_get(doc, a, b"AP").and_then(|o| o.as_dict().ok()) else {
                // A filled-in form field or a free-text note without an appearance:
                // viewers draw its value or contents.
                if subtype == b"Widget" {
                    self.field_value(a);
                } else if subtype == b"FreeText" {
                    if let Some(v @ Object::String(..)) = dict_get(doc, a, b"Contents") {
                        if let Ok(text) = lopdf::decode_text_string(v) {
                            self.place_text(a, &text);
                        }
                    }
                }
                continue;
            };
            let stream = match dict_get(doc, ap, b"N") {
                Some(Object::Stream(s)) => Some(s),
                Some(Object::Dictionary(states)) => dict_get(doc, a, b"AS")
                    .and_then(|o| o.as_name().ok())
                    .and_then(|st| states.get(st).ok())
                    .and_then(|o| deref(doc, o))
                    .and_then(|o| o.as_stream().ok()),
                _ => None,
            };
            let (Some(stream), Some(rect)) = (stream, rect_of(doc, a, b"Rect")) else {
                continue;
            };
            // Map the appearance's (transformed) bounding box onto the annotation's Rect.
            let bbox = rect_of(doc, &stream.dict, b"BBox").unwrap_or(rect);
            let fm = matrix(doc, &stream.dict).unwrap_or(M::ID);
            let corners = [
                fm.apply(bbox.0, bbox.1),
                fm.apply(bbox.2, bbox.1),
                fm.apply(bbox.0, bbox.3),
                fm.apply(bbox.2, bbox.3),
            ];
            let (bx0, bx1) = corners
                .iter()
                .fold((f32::MAX, f32::MIN), |(l, h), p| (l.min(p.0), h.max(p.0)));
            let (by0, by1) = corners
                .iter()
                .fold((f32::MAX, f32::MIN), |(l, h), p| (l.min(p.1), h.max(p.1)));
            let sx = if bx1 - bx0 > 1e-3 {
                (rect.2 - rect.0) / (bx1 - bx0)
            } else {
                1.0
            };
            let sy = if by1 - by0 > 1e-3 {
                (rect.3 - rect.1) / (by1 - by0)
            } else {
                1.0
            };
            let place = M([sx, 0.0, 0.0, sy, rect.0 - sx * bx0, rect.1 - sy * by0]);
            if !place.is_finite() {
                continue;
            }
            let mut ags = gs.clone();
            ags.ctm = place;
            self.run_form(stream, resources, &ags, 1)?;
        }
        Ok(())
    }
}

impl Interp<'_> {
    /// The text value of a form field: its own /V or its parent field's.
    fn field_value(&mut self, a: &Dictionary) {
        let doc = self.doc;
        let mut field = a;
        let mut value = None;
        for _ in 0..8 {
            if let Some(v @ Object::String(..)) = dict_get(doc, field, b"V") {
                value = lopdf::decode_text_string(v).ok();
                break;
            }
            match dict_get(doc, field, b"Parent").and_then(|o| o.as_dict().ok()) {
                Some(p) => field = p,
                None => break,
            }
        }
        if let Some(value) = value {
            self.place_text(a, &value);
        }
    }

    /// Places `value` in the annotation's /Rect, in the size its /DA asks for, with
    /// Helvetica's widths.
    fn place_text(&mut self, a: &Dictionary, value: &str) {
        let doc = self.doc;
        let Some(rect) = rect_of(doc, a, b"Rect") else {
            return;
        };
        let (x0, y0, y1) = (rect.0.min(rect.2), rect.1.min(rect.3), rect.1.max(rect.3));
        let height = y1 - y0;
        // "/Helv 12 Tf": the number before Tf; 0 means auto-size.
        let da = match dict_get(doc, a, b"DA") {
            Some(Object::String(s, _)) => String::from_utf8_lossy(s).into_owned(),
            _ => String::new(),
        };
        let tokens: Vec<&str> = da.split_ascii_whitespace().collect();
        let size = tokens
            .iter()
            .position(|t| *t == "Tf")
            .and_then(|i| tokens.get(i.checked_sub(1)?))
            .and_then(|t| t.parse::<f32>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or_else(|| (height * 0.7).clamp(4.0, 12.0));
        let metrics = crate::metrics::standard14(b"Helvetica");
        let lines: Vec<&str> = value.lines().collect();
        let mut baseline = if lines.len() <= 1 {
            y0 + (height - size) / 2.0 + 0.22 * size
        } else {
            y1 - 1.1 * size
        };
        for line in lines {
            let mut x = x0 + 2.0;
            for ch in line.chars() {
                let w = metrics.map_or(0.5, |m| m.width(ch) / 1000.0) * size;
                let (sx, sy) = self.base.apply(x, baseline);
                let (ex, _) = self.base.apply(x + w, baseline);
                if self.page.glyphs.len() < MAX_GLYPHS && sx.is_finite() && sy.is_finite() {
                    self.page.glyphs.push(RawGlyph {
                        text: Rc::from(ch.to_string()),
                        x0: sx.min(ex),
                        x1: sx.max(ex),
                        y: sy,
                        line_y: sy,
                        size,
                        bold: false,
                        invisible: false,
                        upright: true,
                        space: ch.is_whitespace(),
                    });
                }
                x += w;
            }
            baseline -= 1.15 * size;
        }
    }
}

/// A copy of an image stream whose entries that decoding reads are direct objects
/// (and an indexed colour space's palette stream is its bytes), so the copy needs no
/// document.
fn resolved_image(doc: &Document, s: &lopdf::Stream) -> lopdf::Stream {
    let mut out = s.clone();
    for key in [
        &b"Filter"[..],
        b"DecodeParms",
        b"Width",
        b"Height",
        b"BitsPerComponent",
        b"ColorSpace",
        b"ImageMask",
        b"Decode",
    ] {
        if let Some(v) = dict_get(doc, &s.dict, key) {
            out.dict.set(key.to_vec(), resolve_deep(doc, v, 0));
        }
    }
    out
}

/// An object with its references resolved inside arrays and dictionaries (a few
/// levels: colour spaces nest shallowly); a stream becomes its decoded bytes.
fn resolve_deep(doc: &Document, o: &Object, depth: u32) -> Object {
    let Some(o) = deref(doc, o) else {
        return Object::Null;
    };
    if depth > 4 {
        return o.clone();
    }
    match o {
        Object::Array(a) => Object::Array(
            a.iter()
                .take(64)
                .map(|x| resolve_deep(doc, x, depth + 1))
                .collect(),
        ),
        Object::Dictionary(d) => {
            let mut out = Dictionary::new();
            for (k, v) in d.iter().take(64) {
                out.set(k.clone(), resolve_deep(doc, v, depth + 1));
            }
            Object::Dictionary(out)
        }
        // A palette (Indexed lookup) or an ICC profile: a palette is small and kept
        // decoded; a big stream (a profile) keeps only its dictionary (its /N).
        Object::Stream(st) => {
            let mut dict = st.dict.clone();
            dict.remove(b"Filter");
            dict.remove(b"DecodeParms");
            let bytes = st
                .decompressed_content_with_limit(1 << 16)
                .unwrap_or_default();
            Object::Stream(lopdf::Stream::new(dict, bytes))
        }
        other => other.clone(),
    }
}

/// A dictionary's /Matrix, if it has six finite numbers.
fn matrix(doc: &Document, d: &Dictionary) -> Option<M> {
    let Some(Object::Array(mx)) = dict_get(doc, d, b"Matrix") else {
        return None;
    };
    let v: Vec<f32> = mx
        .iter()
        .filter_map(|o| deref(doc, o))
        .filter_map(num)
        .collect();
    match v[..] {
        [a, b, c, d, e, f] => Some(M([a, b, c, d, e, f])).filter(M::is_finite),
        _ => None,
    }
}

/// A rectangle entry as (x0, y0, x1, y1), normalized.
fn rect_of(doc: &Document, d: &Dictionary, key: &[u8]) -> Option<(f32, f32, f32, f32)> {
    let Some(Object::Array(r)) = dict_get(doc, d, key) else {
        return None;
    };
    let v: Vec<f32> = r
        .iter()
        .filter_map(|o| deref(doc, o))
        .filter_map(num)
        .collect();
    match v[..] {
        [a, b, c, d] if [a, b, c, d].iter().all(|x| x.is_finite()) => {
            Some((a.min(c), b.min(d), a.max(c), b.max(d)))
        }
        _ => None,
    }
}

/// The page's `/Rotate` (inherited through the page tree) in quarter turns clockwise,
/// `0..4`; a value that is no multiple of 90 counts as none.
fn rotation(doc: &Document, page_id: ObjectId) -> u8 {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let Some(cur) = id else { break };
        let Ok(d) = doc.get_dictionary(cur) else {
            break;
        };
        if let Some(deg) = dict_get(doc, d, b"Rotate").and_then(num) {
            let deg = deg.round() as i64;
            return if deg % 90 == 0 {
                u8::try_from(deg.rem_euclid(360) / 90).unwrap_or(0)
            } else {
                0
            };
        }
        id = d.get(b"Parent").and_then(Object::as_reference).ok();
    }
    0
}

/// Top-left page space (y down) of a `w` × `h` page turned `turns` quarter turns
/// clockwise, as a viewer shows it.
fn turned(turns: u8, w: f32, h: f32) -> M {
    match turns {
        1 => M([0.0, 1.0, -1.0, 0.0, h, 0.0]),
        2 => M([-1.0, 0.0, 0.0, -1.0, w, h]),
        3 => M([0.0, -1.0, 1.0, 0.0, 0.0, w]),
        _ => M::ID,
    }
}

/// The page's MediaBox (inherited through the page tree), defaulting to A4.
fn media_box(doc: &Document, page_id: ObjectId) -> (f32, f32, f32, f32) {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let Some(cur) = id else { break };
        let Ok(d) = doc.get_dictionary(cur) else {
            break;
        };
        if let Some(Object::Array(a)) = dict_get(doc, d, b"MediaBox") {
            let v: Vec<f32> = a
                .iter()
                .filter_map(|o| deref(doc, o))
                .filter_map(num)
                .collect();
            if let [x0, y0, x1, y1] = v[..] {
                if (x1 - x0).abs() > 1.0 && (y1 - y0).abs() > 1.0 {
                    return (x0, y0, x1, y1);
                }
            }
        }
        id = d.get(b"Parent").and_then(Object::as_reference).ok();
    }
    (0.0, 0.0, 595.0, 842.0)
}

/// The page's resources, nearest first (page, then inherited from ancestors).
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    let mut id = Some(page_id);
    for _ in 0..32 {
        let Some(cur) = id else { break };
        let Ok(d) = doc.get_dictionary(cur) else {
            break;
        };
        if let Some(r) = dict_get(doc, d, b"Resources").and_then(|o| o.as_dict().ok()) {
            out.push(r);
        }
        id = d.get(b"Parent").and_then(Object::as_reference).ok();
    }
    out
}
