//! Page images for OCR: the image XObject that covers a scanned page, decoded to 8-bit
//! grey, with the mapping from its pixels to page coordinates.
//!
//! Decoded: DCTDecode (JPEG, through `zune-jpeg`) and whatever lopdf decompresses
//! (FlateDecode with predictors, LZW, RunLength, ASCII filters) in grey, RGB, CMYK,
//! ICC-based, calibrated, indexed or separation colour at 1-16 bits, and stencil masks.
//! CCITTFax (Group 3 and 4, through `hayro-ccitt`) is decoded too; JBIG2 and JPX are
//! reported as unsupported.

use crate::interp::{PlacedImage, M};
use crate::Limits;
use lopdf::{Dictionary, Object};
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

/// Why a page image could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// A filter or colour space this crate does not decode.
    #[error("unsupported image encoding: {0}")]
    Unsupported(String),
    /// Broken image data or dictionary.
    #[error("broken image: {0}")]
    Invalid(String),
    /// Over the decompressed-size limit.
    #[error("image too large: {0}")]
    TooLarge(String),
}

/// A page's covering image, not yet decoded (decoding costs; only OCR needs it).
#[derive(Clone)]
pub struct ImageSource {
    page: u32,
    image: PlacedImage,
}

impl std::fmt::Debug for ImageSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageSource")
            .field("page", &self.page)
            .field("bytes", &self.image.stream.content.len())
            .finish()
    }
}

/// A decoded page image: 8-bit grey, one byte per pixel, rows top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct PageImage {
    /// 1-based page number.
    pub page: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height` grey values, 0 = black.
    pub grey: Vec<u8>,
    /// Pixel (x right, y down, origin at the image's top-left) → page point (top-left
    /// origin, y down), as `[a b c d e f]`: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
    pub to_page: [f32; 6],
}

impl PageImage {
    /// Where pixel `(px, py)` lands on the page, in points from the top-left corner.
    pub fn page_point(&self, px: f32, py: f32) -> (f32, f32) {
        M(self.to_page).apply(px, py)
    }

    /// The image's resolution as placed: pixels per inch, the mean of both axes.
    pub fn dpi(&self) -> f32 {
        let [a, b, c, d, _, _] = self.to_page;
        let per_px = ((a.hypot(b)) + (c.hypot(d))) / 2.0;
        if per_px > 0.0 && per_px.is_finite() {
            72.0 / per_px
        } else {
            0.0
        }
    }
}

/// The pixel → page matrix of an image `w`×`h` pixels drawn with `m` (unit square →
/// page). A PDF image's first row is at the top of its unit square (v = 1).
fn pixel_matrix(m: &M, w: u32, h: u32) -> M {
    let (w, h) = (w.max(1) as f32, h.max(1) as f32);
    M([1.0 / w, 0.0, 0.0, -1.0 / h, 0.0, 1.0]).mul(m)
}

impl ImageSource {
    pub(crate) fn new(page: u32, image: PlacedImage) -> Self {
        ImageSource { page, image }
    }

    /// The 1-based page number.
    pub fn page(&self) -> u32 {
        self.page
    }

    /// Decodes the image to grey. Never panics: a decoder panic is a broken image.
    pub fn decode(&self, limits: &Limits) -> Result<PageImage, ImageError> {
        let run = || decode_stream(&self.image.stream, limits);
        let (w, h, grey) = std::panic::catch_unwind(run)
            .unwrap_or_else(|_| Err(ImageError::Invalid("the image decoder failed".into())))?;
        Ok(upright(PageImage {
            page: self.page,
            width: w,
            height: h,
            grey,
            to_page: pixel_matrix(&self.image.matrix, w, h).0,
        }))
    }
}

/// The image turned so that its rows run along the page's lines: a scan stored sideways
/// or upside down (placed with a turning matrix, or on a page turned by `/Rotate`)
/// reaches OCR as the page reads. Mirrored and skewed placements stay as they are.
fn upright(img: PageImage) -> PageImage {
    let [a, b, c, d, _, _] = img.to_page;
    let (w, h) = (img.width as usize, img.height as usize);
    let (wf, hf) = (img.width as f32, img.height as f32);
    // New pixel (x, y) → old pixel, as a matrix, for each way the image may lie.
    let (turn, swap): (M, bool) = if a > 0.0 && d > 0.0 && b.abs() < a && c.abs() < d {
        return img;
    } else if a < 0.0 && d < 0.0 && b.abs() < -a && c.abs() < -d {
        (M([-1.0, 0.0, 0.0, -1.0, wf, hf]), false)
    } else if c > 0.0 && b < 0.0 && a.abs() < c && d.abs() < -b {
        // Page x runs down the old rows, page y back along them.
        (M([0.0, 1.0, -1.0, 0.0, wf, 0.0]), true)
    } else if c < 0.0 && b > 0.0 && a.abs() < b && d.abs() < -c {
        (M([0.0, -1.0, 1.0, 0.0, 0.0, hf]), true)
    } else {
        return img;
    };
    let (nw, nh) = if swap { (h, w) } else { (w, h) };
    let mut grey = Vec::with_capacity(img.grey.len());
    for y in 0..nh {
        for x in 0..nw {
            // Pixel centres, so that the integer pixel is the one the matrix names.
            let (ox, oy) = turn.apply(x as f32 + 0.5, y as f32 + 0.5);
            let (ox, oy) = (ox.floor() as usize, oy.floor() as usize);
            let v = (ox < w && oy < h)
                .then(|| img.grey.get(oy * w + ox))
                .flatten();
            grey.push(v.copied().unwrap_or(255));
        }
    }
    PageImage {
        page: img.page,
        width: u32::try_from(nw).unwrap_or(img.height),
        height: u32::try_from(nh).unwrap_or(img.width),
        grey,
        to_page: turn.mul(&M(img.to_page)).0,
    }
}

fn int(d: &Dictionary, key: &[u8]) -> Option<i64> {
    match d.get(key).ok()? {
        Object::Integer(i) => Some(*i),
        Object::Real(r) if r.is_finite() => Some(*r as i64),
        _ => None,
    }
}

fn filters(d: &Dictionary) -> Vec<Vec<u8>> {
    match d.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    }
}

fn decode_stream(s: &lopdf::Stream, limits: &Limits) -> Result<(u32, u32, Vec<u8>), ImageError> {
    let d = &s.dict;
    let w = int(d, b"Width").filter(|v| *v > 0);
    let h = int(d, b"Height").filter(|v| *v > 0);
    let (Some(w), Some(h)) = (w, h) else {
        return Err(ImageError::Invalid("no /Width or /Height".into()));
    };
    let (w, h) = (
        u32::try_from(w).map_err(|_| ImageError::TooLarge("width".into()))?,
        u32::try_from(h).map_err(|_| ImageError::TooLarge("height".into()))?,
    );
    let pixels = (w as usize).saturating_mul(h as usize);
    if pixels > limits.max_decompressed {
        return Err(ImageError::TooLarge(format!("{w}×{h} pixels")));
    }
    let mut fs = filters(d);
    let last = fs.pop();
    match last.as_deref() {
        Some(b"DCTDecode" | b"DCT") => {
            let data = undo_filters(s, fs, limits)?;
            decode_jpeg(&data, limits)
        }
        Some(b"CCITTFaxDecode" | b"CCF") => {
            let data = undo_filters(s, fs, limits)?;
            let grey = decode_ccitt(d, &data, w, h)?;
            Ok((w, h, grey))
        }
        Some(f @ (b"JPXDecode" | b"JBIG2Decode")) => Err(ImageError::Unsupported(
            String::from_utf8_lossy(f).into_owned(),
        )),
        _ => {
            let data = match s.decompressed_content_with_limit(limits.max_decompressed) {
                Ok(d) => d,
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => return Err(ImageError::TooLarge("image data".into())),
                Err(lopdf::Error::Unimplemented(_)) => {
                    let names: Vec<String> = filters(d)
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect();
                    return Err(ImageError::Unsupported(names.join(" ")));
                }
                Err(e) => return Err(ImageError::Invalid(e.to_string())),
            };
            let grey = samples_to_grey(d, &data, w, h)?;
            Ok((w, h, grey))
        }
    }
}

/// A `/Decode` array that maps samples high to low (`[1 0]`): the image is inverted.
fn decode_inverted(d: &Dictionary) -> bool {
    match d.get(b"Decode") {
        Ok(Object::Array(a)) => {
            matches!(a.first(), Some(Object::Integer(1)))
                || matches!(a.first(), Some(Object::Real(r)) if *r >= 0.5)
        }
        _ => false,
    }
}

/// The last filter's parameters (`/DecodeParms` is one dictionary, or an array with
/// one per filter).
fn last_parms(d: &Dictionary) -> Option<&Dictionary> {
    match d.get(b"DecodeParms").or_else(|_| d.get(b"DP")).ok()? {
        Object::Dictionary(p) => Some(p),
        Object::Array(a) => a.last().and_then(|o| o.as_dict().ok()),
        _ => None,
    }
}

/// Bilevel fax data (Group 3 or 4) to grey. Rows the data does not reach stay white: a
/// truncated scan keeps what was decoded.
fn decode_ccitt(d: &Dictionary, data: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ImageError> {
    use hayro_ccitt::{DecodeSettings, DecoderContext, EncodingMode};
    let p = last_parms(d);
    let pint = |k: &[u8], default: i64| p.and_then(|p| int(p, k)).unwrap_or(default);
    let pbool = |k: &[u8], default: bool| {
        p.and_then(|p| p.get(k).ok())
            .and_then(|o| o.as_bool().ok())
            .unwrap_or(default)
    };
    let k = pint(b"K", 0);
    let columns = u32::try_from(pint(b"Columns", 1728)).unwrap_or(w);
    if columns != w {
        return Err(ImageError::Invalid(format!(
            "fax columns {columns} against image width {w}"
        )));
    }
    let settings = DecodeSettings {
        columns,
        rows: h,
        end_of_block: pbool(b"EndOfBlock", true),
        end_of_line: pbool(b"EndOfLine", false),
        rows_are_byte_aligned: pbool(b"EncodedByteAlign", false),
        encoding: match k {
            k if k < 0 => EncodingMode::Group4,
            0 => EncodingMode::Group3_1D,
            _ => EncodingMode::Group3_2D,
        },
        strict: false,
    };
    // The decoded black runs are samples of 0 unless /BlackIs1; a /Decode of [1 0]
    // inverts the samples (as for any 1-bit image).
    let black_sample = u8::from(pbool(b"BlackIs1", false));
    let inverted = decode_inverted(d);
    let grey_of = |sample: u8| if (sample == 1) != inverted { 255 } else { 0 };
    struct Rows {
        out: Vec<u8>,
        width: usize,
        row: usize,
        height: usize,
        white: u8,
        black: u8,
    }
    impl hayro_ccitt::Decoder for Rows {
        fn push_row(&mut self, changes: &[u32]) {
            if self.row >= self.height {
                return;
            }
            let start = self.row * self.width;
            let Some(line) = self.out.get_mut(start..start + self.width) else {
                return;
            };
            line.fill(self.white);
            for pair in changes.chunks(2) {
                let from = pair.first().map_or(0, |&c| c as usize).min(self.width);
                let to = pair
                    .get(1)
                    .map_or(self.width, |&c| c as usize)
                    .min(self.width);
                if let Some(run) = line.get_mut(from..to.max(from)) {
                    run.fill(self.black);
                }
            }
            self.row += 1;
        }
    }
    let (width, height) = (w as usize, h as usize);
    let white = grey_of(1 - black_sample);
    let mut rows = Rows {
        out: vec![white; width.saturating_mul(height)],
        width,
        row: 0,
        height,
        white,
        black: grey_of(black_sample),
    };
    let mut ctx = DecoderContext::new(settings);
    let decoded = hayro_ccitt::decode(data, &mut rows, &mut ctx);
    if decoded.is_err() && rows.row == 0 {
        return Err(ImageError::Invalid("fax data could not be decoded".into()));
    }
    Ok(rows.out)
}

/// The stream's data with the filters before the image codec undone.
fn undo_filters(
    s: &lopdf::Stream,
    before: Vec<Vec<u8>>,
    limits: &Limits,
) -> Result<Vec<u8>, ImageError> {
    if before.is_empty() {
        return Ok(s.content.clone());
    }
    let mut copy = s.clone();
    copy.dict.set(
        "Filter",
        Object::Array(before.into_iter().map(Object::Name).collect()),
    );
    copy.decompressed_content_with_limit(limits.max_decompressed)
        .map_err(|e| ImageError::Invalid(e.to_string()))
}

fn decode_jpeg(data: &[u8], limits: &Limits) -> Result<(u32, u32, Vec<u8>), ImageError> {
    let side = 1 << 16;
    // Luma straight out of the decoder skips the colour conversion a scan does not need.
    let opts = DecoderOptions::default()
        .set_max_width(side)
        .set_max_height(side)
        .jpeg_set_out_colorspace(ColorSpace::Luma);
    let mut dec = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(data), opts);
    dec.decode_headers()
        .map_err(|e| ImageError::Invalid(format!("JPEG: {e:?}")))?;
    let (w, h) = dec
        .dimensions()
        .ok_or_else(|| ImageError::Invalid("JPEG without dimensions".into()))?;
    if w.saturating_mul(h) > limits.max_decompressed {
        return Err(ImageError::TooLarge(format!("{w}×{h} pixel JPEG")));
    }
    let grey = dec
        .decode()
        .map_err(|e| ImageError::Invalid(format!("JPEG: {e:?}")))?;
    let (w32, h32) = (
        u32::try_from(w).map_err(|_| ImageError::TooLarge("JPEG width".into()))?,
        u32::try_from(h).map_err(|_| ImageError::TooLarge("JPEG height".into()))?,
    );
    if grey.len() != w.saturating_mul(h) {
        return Err(ImageError::Unsupported(format!(
            "JPEG colour space {:?}",
            dec.input_colorspace()
        )));
    }
    Ok((w32, h32, grey))
}

/// How samples become grey.
#[derive(Debug, Clone, PartialEq)]
enum Colour {
    Grey,
    /// Ink amount (a separation): 0 = paper.
    Ink,
    Rgb,
    Cmyk,
    /// An index into a palette of `base` colours.
    Indexed(Box<Colour>, Vec<u8>),
}

impl Colour {
    fn components(&self) -> usize {
        match self {
            Colour::Grey | Colour::Ink | Colour::Indexed(..) => 1,
            Colour::Rgb => 3,
            Colour::Cmyk => 4,
        }
    }

    /// Grey of one pixel's samples, each already scaled to 0-255.
    fn grey(&self, px: &[u8]) -> u8 {
        match (self, px) {
            (Colour::Grey, [g, ..]) => *g,
            (Colour::Ink, [t, ..]) => 255 - *t,
            (Colour::Rgb, [r, g, b, ..]) => luma(*r, *g, *b),
            (Colour::Cmyk, [c, m, y, k, ..]) => {
                let ink = (30 * u32::from(*c) + 59 * u32::from(*m) + 11 * u32::from(*y)) / 100
                    + u32::from(*k);
                255 - ink.min(255) as u8
            }
            _ => 255,
        }
    }
}

/// ITU-R BT.601 luma, as JPEG's own YCbCr uses.
fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b) + 500) / 1000) as u8
}

fn colour_of(o: Option<&Object>, depth: u32) -> Result<Colour, ImageError> {
    let unsupported = |what: &[u8]| {
        Err(ImageError::Unsupported(format!(
            "colour space {}",
            String::from_utf8_lossy(what)
        )))
    };
    let Some(o) = o else {
        return Ok(Colour::Grey);
    };
    match o {
        Object::Name(n) => match n.as_slice() {
            b"DeviceGray" | b"G" | b"CalGray" => Ok(Colour::Grey),
            b"DeviceRGB" | b"RGB" | b"CalRGB" | b"Lab" => Ok(Colour::Rgb),
            b"DeviceCMYK" | b"CMYK" => Ok(Colour::Cmyk),
            other => unsupported(other),
        },
        Object::Array(a) => {
            let family = a.first().and_then(|f| f.as_name().ok()).unwrap_or(b"");
            match family {
                b"CalGray" => Ok(Colour::Grey),
                b"CalRGB" | b"Lab" => Ok(Colour::Rgb),
                b"ICCBased" => {
                    let n = match a.get(1) {
                        Some(Object::Stream(s)) => int(&s.dict, b"N"),
                        Some(Object::Dictionary(d)) => int(d, b"N"),
                        _ => None,
                    };
                    match n {
                        Some(1) => Ok(Colour::Grey),
                        Some(4) => Ok(Colour::Cmyk),
                        _ => Ok(Colour::Rgb),
                    }
                }
                b"Separation" => Ok(Colour::Ink),
                b"Indexed" | b"I" if depth == 0 => {
                    let base = colour_of(a.get(1), depth + 1)?;
                    let lookup = match a.get(3) {
                        Some(Object::String(s, _)) => s.clone(),
                        Some(Object::Stream(s)) => s.content.clone(),
                        _ => return Err(ImageError::Invalid("indexed without palette".into())),
                    };
                    Ok(Colour::Indexed(Box::new(base), lookup))
                }
                other => unsupported(other),
            }
        }
        _ => Ok(Colour::Grey),
    }
}

/// Unpacked samples of `bpc` bits to grey, row by row (rows start on a byte).
fn samples_to_grey(d: &Dictionary, data: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ImageError> {
    let mask = matches!(d.get(b"ImageMask"), Ok(Object::Boolean(true)));
    let bpc = if mask {
        1
    } else {
        int(d, b"BitsPerComponent").unwrap_or(8)
    };
    if ![1, 2, 4, 8, 16].contains(&bpc) {
        return Err(ImageError::Unsupported(format!("{bpc} bits per component")));
    }
    let bpc = bpc as usize;
    // A stencil mask paints where the sample is 0 (in the fill colour, black on a scan).
    let colour = if mask {
        Colour::Grey
    } else {
        colour_of(d.get(b"ColorSpace").ok(), 0)?
    };
    let inverted = decode_inverted(d);
    let comps = colour.components();
    let (w, h) = (w as usize, h as usize);
    let row_bytes = (w * comps * bpc).div_ceil(8);
    if data.len() < row_bytes.saturating_mul(h) {
        return Err(ImageError::Invalid(format!(
            "image data is {} bytes, {} expected",
            data.len(),
            row_bytes.saturating_mul(h)
        )));
    }
    let max = (1u32 << bpc.min(8)) - 1;
    let mut out = Vec::with_capacity(w * h);
    let mut px = [0u8; 4];
    for row in data.chunks(row_bytes.max(1)).take(h) {
        for x in 0..w {
            for (c, slot) in px.iter_mut().enumerate().take(comps) {
                let i = x * comps + c;
                let v = sample(row, i, bpc);
                let v = if let Colour::Indexed(..) = colour {
                    v
                } else {
                    let scaled = (v * 255 + max / 2) / max.max(1);
                    scaled.min(255)
                };
                *slot = v.min(255) as u8;
            }
            let g = match &colour {
                Colour::Indexed(base, lut) => {
                    let n = base.components();
                    let at = usize::from(px[0]) * n;
                    match lut.get(at..at + n) {
                        Some(c) => base.grey(c),
                        None => 255,
                    }
                }
                other => other.grey(px.get(..comps).unwrap_or(&[])),
            };
            out.push(if inverted { 255 - g } else { g });
        }
    }
    Ok(out)
}

/// Sample `i` of a row packed at `bpc` bits (16-bit samples give their high byte).
fn sample(row: &[u8], i: usize, bpc: usize) -> u32 {
    match bpc {
        8 => row.get(i).copied().map_or(0, u32::from),
        16 => row.get(2 * i).copied().map_or(0, u32::from),
        _ => {
            let bit = i * bpc;
            let byte = row.get(bit / 8).copied().unwrap_or(0);
            let shift = 8 - bpc - bit % 8;
            (u32::from(byte) >> shift) & ((1 << bpc) - 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fax_rows_to_grey() {
        // Group 3, one-dimensional: row 1 is 2 white, 4 black, 2 white ("0111" "011"
        // "0111"), row 2 is 8 white ("10011").
        let d = dictionary! {
            "Width" => 8, "Height" => 2, "Filter" => "CCITTFaxDecode",
            "DecodeParms" => dictionary! { "Columns" => 8, "K" => 0 },
        };
        let grey = decode_ccitt(&d, &[0x76, 0xF3], 8, 2).expect("decodes");
        assert_eq!(
            grey,
            [255, 255, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]
        );
        // /BlackIs1 and /Decode [1 0] each flip the picture.
        let mut flipped = d.clone();
        flipped.set("Decode", vec![Object::Integer(1), Object::Integer(0)]);
        let grey = decode_ccitt(&flipped, &[0x76, 0xF3], 8, 2).expect("decodes");
        assert_eq!(grey.get(2), Some(&255));
        // Garbage is an error, never a panic.
        assert!(decode_ccitt(&d, &[0x00, 0x00, 0x00], 8, 2).is_err());
    }
    use lopdf::dictionary;

    #[test]
    fn a_sideways_scan_reaches_ocr_upright() {
        // A 3×2 image (rows 1 2 3 / 4 5 6) whose rows run up the page: the page reads
        // 3 6 / 2 5 / 1 4.
        let grey = vec![1, 2, 3, 4, 5, 6];
        // Pixel (x, y) → page (y, 3 - x): x runs up the page, y to the right.
        let img = PageImage {
            page: 1,
            width: 3,
            height: 2,
            grey,
            to_page: [0.0, -1.0, 1.0, 0.0, 0.0, 3.0],
        };
        let up = upright(img.clone());
        assert_eq!((up.width, up.height), (2, 3));
        assert_eq!(up.grey, [3, 6, 2, 5, 1, 4]);
        // The same page points as before, from the turned pixels.
        let (x, y) = up.page_point(0.5, 0.5);
        assert!((x - 0.5).abs() < 1e-3 && (y - 0.5).abs() < 1e-3, "{x},{y}");
        // Upside down: turned half round; upright: unchanged.
        let flipped = PageImage {
            to_page: [-1.0, 0.0, 0.0, -1.0, 3.0, 2.0],
            ..img.clone()
        };
        assert_eq!(upright(flipped).grey, [6, 5, 4, 3, 2, 1]);
        let plain = PageImage {
            to_page: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            ..img
        };
        assert_eq!(upright(plain.clone()), plain);
    }

    #[test]
    fn pixels_map_to_page_points() {
        // A 100×200 pixel image drawn over (10,20)-(60,120) in PDF space on a page 200
        // points high: page space flips y (top-left origin).
        let base = M([1.0, 0.0, 0.0, -1.0, 0.0, 200.0]);
        let ctm = M([50.0, 0.0, 0.0, 100.0, 10.0, 20.0]);
        let img = PageImage {
            page: 1,
            width: 100,
            height: 200,
            grey: vec![],
            to_page: pixel_matrix(&ctm.mul(&base), 100, 200).0,
        };
        let (x, y) = img.page_point(0.0, 0.0);
        assert!(
            (x - 10.0).abs() < 1e-3 && (y - 80.0).abs() < 1e-3,
            "{x},{y}"
        );
        let (x, y) = img.page_point(100.0, 200.0);
        assert!(
            (x - 60.0).abs() < 1e-3 && (y - 180.0).abs() < 1e-3,
            "{x},{y}"
        );
        // 100 pixels over 50 points: 144 dpi.
        assert!((img.dpi() - 144.0).abs() < 0.01);
    }

    #[test]
    fn rgb_and_bilevel_to_grey() {
        let rgb = dictionary! { "Width" => 2, "Height" => 1, "BitsPerComponent" => 8,
        "ColorSpace" => "DeviceRGB" };
        let g = samples_to_grey(&rgb, &[255, 255, 255, 255, 0, 0], 2, 1).unwrap();
        assert_eq!(g, vec![255, 76]);
        // 1 bit, 10 pixels: rows are padded to a byte.
        let bw = dictionary! { "Width" => 10, "Height" => 2, "BitsPerComponent" => 1,
        "ColorSpace" => "DeviceGray" };
        let g = samples_to_grey(&bw, &[0b1000_0000, 0b0100_0000, 0, 0xFF], 10, 2).unwrap();
        assert_eq!(g.first(), Some(&255));
        assert_eq!(g.get(1), Some(&0));
        assert_eq!(g.get(9), Some(&255));
        assert_eq!(g.get(10), Some(&0));
        // A stencil mask paints its zeros.
        let mask = dictionary! { "Width" => 2, "Height" => 1, "ImageMask" => true };
        assert_eq!(
            samples_to_grey(&mask, &[0b0100_0000], 2, 1).unwrap(),
            vec![0, 255]
        );
        let short = samples_to_grey(&rgb, &[1, 2], 2, 1);
        assert!(matches!(short, Err(ImageError::Invalid(_))));
    }

    #[test]
    fn indexed_palette_and_unsupported_filters() {
        let idx = dictionary! { "Width" => 2, "Height" => 1, "BitsPerComponent" => 8,
        "ColorSpace" => vec![Object::Name(b"Indexed".to_vec()), "DeviceGray".into(),
            1.into(), Object::String(vec![0, 200], lopdf::StringFormat::Literal)] };
        assert_eq!(samples_to_grey(&idx, &[1, 0], 2, 1).unwrap(), vec![200, 0]);
        let ccitt = lopdf::Stream::new(
            dictionary! { "Width" => 8, "Height" => 8, "Filter" => "JBIG2Decode" },
            vec![0; 8],
        );
        let r = decode_stream(&ccitt, &Limits::default());
        assert!(matches!(r, Err(ImageError::Unsupported(f)) if f == "JBIG2Decode"));
    }
}
