//! A small grey PNG of a page region, taken from the page's scan image, as a `data:`
//! URI.

use protokoll_model::PageBox;
use protokoll_pdf::PageImage;
use std::io::Write;

/// The widest region embedded, in pixels.
pub const MAX_WIDTH: u32 = 480;
/// The tallest region embedded, in pixels.
pub const MAX_HEIGHT: u32 = 160;

/// Page points → pixels of `img`: the inverse of its placement. None when the image
/// is drawn degenerate (no area).
fn to_pixels(img: &PageImage) -> Option<impl Fn(f32, f32) -> (f32, f32)> {
    let [a, b, c, d, e, f] = img.to_page;
    let det = a * d - b * c;
    if det.abs() < 1e-9 || !det.is_finite() {
        return None;
    }
    Some(move |x: f32, y: f32| {
        let (x, y) = (x - e, y - f);
        ((d * x - c * y) / det, (a * y - b * x) / det)
    })
}

/// Pixel bounds `(x0, y0, x1, y1)` of the page rectangle in `img`, clamped to it.
fn pixel_rect(img: &PageImage, r: [f32; 4]) -> Option<(u32, u32, u32, u32)> {
    let inv = to_pixels(img)?;
    let corners = [(r[0], r[1]), (r[2], r[1]), (r[0], r[3]), (r[2], r[3])].map(|(x, y)| inv(x, y));
    let xs = corners.map(|p| p.0);
    let ys = corners.map(|p| p.1);
    let clamp = |v: f32, max: u32| v.clamp(0.0, max as f32) as u32;
    let lo = |v: [f32; 4]| v.into_iter().fold(f32::INFINITY, f32::min);
    let hi = |v: [f32; 4]| v.into_iter().fold(f32::NEG_INFINITY, f32::max);
    let (x0, x1) = (clamp(lo(xs), img.width), clamp(hi(xs).ceil(), img.width));
    let (y0, y1) = (clamp(lo(ys), img.height), clamp(hi(ys).ceil(), img.height));
    (x1 > x0 && y1 > y0).then_some((x0, y0, x1, y1))
}

/// The region around `b` (a word's box) in `img`: the word with room around it, scaled
/// down to at most [`MAX_WIDTH`]×[`MAX_HEIGHT`], the word framed; a PNG. None when the
/// box falls outside the image.
pub fn region_png(img: &PageImage, b: &PageBox) -> Option<Vec<u8>> {
    let h = (b.y1 - b.y0).max(6.0);
    let (mx, my) = (90.0, h * 1.5);
    let outer = [b.x0 - mx, b.y0 - my, b.x1 + mx, b.y1 + my];
    let (x0, y0, x1, y1) = pixel_rect(img, outer)?;
    let (w, hgt) = (x1 - x0, y1 - y0);
    let scale = (MAX_WIDTH as f32 / w as f32)
        .min(MAX_HEIGHT as f32 / hgt as f32)
        .min(1.0);
    let ow = ((w as f32 * scale).round() as u32).max(1);
    let oh = ((hgt as f32 * scale).round() as u32).max(1);
    let mut out = vec![255u8; (ow * oh) as usize];
    // Each output pixel is the mean of the source pixels it covers (legible text when
    // shrinking, unlike the nearest pixel).
    for oy in 0..oh {
        // Each span holds at least one source pixel, inside the region.
        let sy0 = (y0 + (oy as f32 / scale) as u32).min(y1 - 1);
        let sy1 = (y0 + ((oy + 1) as f32 / scale) as u32).max(sy0 + 1).min(y1);
        for ox in 0..ow {
            let sx0 = (x0 + (ox as f32 / scale) as u32).min(x1 - 1);
            let sx1 = (x0 + ((ox + 1) as f32 / scale) as u32).max(sx0 + 1).min(x1);
            let (mut sum, mut n) = (0u32, 0u32);
            for sy in sy0..sy1 {
                let row = sy as usize * img.width as usize;
                for sx in sx0..sx1 {
                    if let Some(v) = img.grey.get(row + sx as usize) {
                        sum += u32::from(*v);
                        n += 1;
                    }
                }
            }
            if let (Some(px), true) = (out.get_mut((oy * ow + ox) as usize), n > 0) {
                *px = (sum / n) as u8;
            }
        }
    }
    if let Some((fx0, fy0, fx1, fy1)) =
        pixel_rect(img, [b.x0 - 2.0, b.y0 - 2.0, b.x1 + 2.0, b.y1 + 2.0])
    {
        let to_out =
            |v: u32, o: u32, max: u32| (((v.saturating_sub(o)) as f32 * scale) as u32).min(max - 1);
        frame(
            &mut out,
            ow,
            (to_out(fx0, x0, ow), to_out(fy0, y0, oh)),
            (to_out(fx1, x0, ow), to_out(fy1, y0, oh)),
        );
    }
    Some(png_grey(ow, oh, &out))
}

/// A mid-grey frame (visible on white and on black ink) from `a` to `b`, inclusive.
fn frame(px: &mut [u8], w: u32, a: (u32, u32), b: (u32, u32)) {
    let mut set = |x: u32, y: u32| {
        if let Some(p) = px.get_mut((y * w + x) as usize) {
            *p = 128;
        }
    };
    for x in a.0..=b.0 {
        set(x, a.1);
        set(x, b.1);
    }
    for y in a.1..=b.1 {
        set(a.0, y);
        set(b.0, y);
    }
}

/// An 8-bit greyscale PNG of `w`×`h` pixels, rows top to bottom.
pub fn png_grey(w: u32, h: u32, pixels: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(pixels.len() + h as usize);
    for row in pixels.chunks(w.max(1) as usize).take(h as usize) {
        raw.push(0); // filter type: none
        raw.extend_from_slice(row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let idat = z
        .write_all(&raw)
        .and_then(|()| z.finish())
        .unwrap_or_default();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8 bits, grey, deflate, no filter, no interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
}

/// `bytes` in standard base64 with padding (RFC 4648), for a `data:` URI.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let b = [0, 1, 2].map(|i| group.get(i).copied().unwrap_or(0));
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= group.len() {
                out.push(char::from(ABC[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (i, o) in cases {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn png_has_signature_header_and_crc() {
        let png = png_grey(2, 1, &[0, 255]);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        // The CRC of an empty IEND chunk is fixed by the format.
        assert_eq!(&png[png.len() - 4..], &[0xAE, 0x42, 0x60, 0x82]);
    }

    /// A 200-dpi-like page image: 1 pixel = 0.5 pt, drawn at the page's top-left.
    fn page_image() -> PageImage {
        let (w, h) = (400, 600);
        let mut grey = vec![255u8; w * h];
        // A black word at pixels x 100..140, y 200..220 (points 50..70, 100..110).
        for y in 200..220 {
            for x in 100..140 {
                grey[y * w + x] = 0;
            }
        }
        PageImage {
            page: 1,
            width: w as u32,
            height: h as u32,
            grey,
            to_page: [0.5, 0.0, 0.0, 0.5, 0.0, 0.0],
        }
    }

    #[test]
    fn region_is_cropped_around_the_box_and_bounded() {
        let img = page_image();
        let b = PageBox {
            page: 1,
            x0: 50.0,
            y0: 100.0,
            x1: 70.0,
            y1: 110.0,
        };
        let (x0, y0, x1, y1) = pixel_rect(&img, [b.x0, b.y0, b.x1, b.y1]).unwrap();
        assert_eq!((x0, y0, x1, y1), (100, 200, 140, 220));
        let png = region_png(&img, &b).unwrap();
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert!(w <= MAX_WIDTH && h <= MAX_HEIGHT, "{w}x{h}");
        // Outside the image: nothing to show.
        let off = PageBox {
            x0: 900.0,
            x1: 910.0,
            ..b
        };
        assert!(region_png(&img, &off).is_none());
    }

    #[test]
    fn a_fine_scan_is_shrunk_to_the_bound() {
        // 720 dpi: the region of about 200 x 40 points is 2,000 x 400 pixels.
        let img = PageImage {
            page: 1,
            width: 3000,
            height: 1000,
            grey: vec![200; 3_000_000],
            to_page: [0.1, 0.0, 0.0, 0.1, 0.0, 0.0],
        };
        let b = PageBox {
            page: 1,
            x0: 100.0,
            y0: 40.0,
            x1: 120.0,
            y1: 50.0,
        };
        let png = region_png(&img, &b).unwrap();
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert!(w <= MAX_WIDTH && h <= MAX_HEIGHT && w > 100, "{w}x{h}");
    }
}
