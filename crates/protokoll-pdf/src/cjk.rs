//! Chinese, Japanese and Korean text without a ToUnicode map: the predefined CMaps
//! that are legacy multi-byte encodings (Shift-JIS, EUC, GBK, Big5, UHC) are decoded
//! as such, and CIDs of the Adobe character collections go through Adobe's CID →
//! Unicode tables (`data/`, built by `scripts/build-cid-tables.py`).

use encoding_rs::Encoding;

/// A predefined CMap whose codes are bytes of a legacy encoding.
#[derive(Debug, Clone, Copy)]
pub struct Legacy {
    pub encoding: &'static Encoding,
    sjis: bool,
}

impl Legacy {
    /// The legacy encoding behind a predefined CMap name (e.g. `90ms-RKSJ-H`).
    pub fn from_cmap_name(name: &str) -> Option<Legacy> {
        let n = name.trim_end_matches("-H").trim_end_matches("-V");
        let enc = if n.contains("RKSJ") {
            encoding_rs::SHIFT_JIS
        } else if n.starts_with("GB") {
            encoding_rs::GBK
        } else if n.contains("B5") {
            encoding_rs::BIG5
        } else if n.starts_with("KSC") {
            encoding_rs::EUC_KR
        } else if n == "EUC" || n.starts_with("78-EUC") || n.ends_with("EUC") && n.len() <= 6 {
            encoding_rs::EUC_JP
        } else {
            return None;
        };
        Some(Legacy {
            encoding: enc,
            sjis: n.contains("RKSJ"),
        })
    }

    /// How many bytes the code starting `bytes` takes.
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        match bytes.first() {
            None => 0,
            Some(&b) if b < 0x80 => 1,
            // Shift-JIS: 0x80 and half-width katakana (0xA0-0xDF) are single bytes.
            Some(&b) if self.sjis && (b == 0x80 || (0xA0..=0xDF).contains(&b)) => 1,
            // EUC-JP's JIS X 0212 plane.
            Some(0x8F) if self.encoding == encoding_rs::EUC_JP => 3,
            Some(_) => 2,
        }
    }

    pub fn decode(&self, code: &[u8]) -> Option<String> {
        self.encoding
            .decode_without_bom_handling_and_without_replacement(code)
            .map(|s| s.into_owned())
            .filter(|s| !s.is_empty())
    }
}

/// The CID → Unicode table of an Adobe character collection, by its /Ordering.
pub fn collection(ordering: &[u8]) -> Option<&'static [u8]> {
    Some(match ordering {
        b"Japan1" => include_bytes!("../data/cid2uni-Japan1.bin"),
        b"GB1" => include_bytes!("../data/cid2uni-GB1.bin"),
        b"CNS1" => include_bytes!("../data/cid2uni-CNS1.bin"),
        b"Korea1" => include_bytes!("../data/cid2uni-Korea1.bin"),
        _ => return None,
    })
}

/// A CID's text in a collection table (little-endian u16 per CID, 0 = none).
pub fn cid_text(table: &[u8], cid: u32) -> Option<String> {
    let i = usize::try_from(cid).ok()?.checked_mul(2)?;
    let pair = table.get(i..i + 2)?;
    let cp = u16::from_le_bytes([*pair.first()?, *pair.get(1)?]);
    char::from_u32(u32::from(cp))
        .filter(|_| cp != 0)
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_codes() {
        let l = Legacy::from_cmap_name("90ms-RKSJ-H").expect("known");
        assert_eq!(l.code_len(b"A"), 1);
        assert_eq!(l.code_len(&[0x82, 0xA0]), 2);
        assert_eq!(l.decode(&[0x82, 0xA0]).as_deref(), Some("あ"));
        assert_eq!(l.decode(b"C").as_deref(), Some("C"));
    }

    #[test]
    fn other_legacy_cmaps() {
        assert!(Legacy::from_cmap_name("GBK-EUC-H").is_some());
        assert!(Legacy::from_cmap_name("ETen-B5-V").is_some());
        assert!(Legacy::from_cmap_name("KSCms-UHC-H").is_some());
        assert!(Legacy::from_cmap_name("Identity-H").is_none());
        assert!(Legacy::from_cmap_name("UniJIS-UCS2-H").is_none());
    }

    #[test]
    fn japan1_cids() {
        let t = collection(b"Japan1").expect("shipped");
        // CID 1 is the space, CID 34 'A' in Adobe-Japan1.
        assert_eq!(cid_text(t, 1).as_deref(), Some(" "));
        assert_eq!(cid_text(t, 34).as_deref(), Some("A"));
        assert_eq!(cid_text(t, 0), None);
        assert_eq!(cid_text(t, 10_000_000), None);
    }
}
