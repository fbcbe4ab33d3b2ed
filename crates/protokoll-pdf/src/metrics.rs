//! Standard-14 font widths, for simple fonts that omit /Widths.

/// Helvetica advance widths for ASCII 32..=126 (Adobe AFM, 1000 units per em).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    /// Fixed advance (Courier), else Helvetica-shaped widths times `scale`.
    fixed: Option<f32>,
    scale: f32,
    pub symbolic: bool,
}

impl Metrics {
    pub fn width(&self, c: char) -> f32 {
        if let Some(w) = self.fixed {
            return w;
        }
        // Accented letters take their base letter's width.
        let base = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => 'a',
            'Å' | 'Ä' | 'À' | 'Á' | 'Â' | 'Ã' => 'A',
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => 'o',
            'Ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => 'O',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'Ü' | 'Ú' | 'Ù' | 'Û' => 'U',
            other => other,
        };
        let w = u32::from(base)
            .checked_sub(32)
            .and_then(|i| HELVETICA.get(i as usize))
            .map(|&w| f32::from(w))
            .unwrap_or(556.0);
        w * self.scale
    }
}

/// Metrics for a Standard-14 font name (subset prefixes and style suffixes ignored).
pub fn standard14(base_font: &[u8]) -> Option<Metrics> {
    let name = String::from_utf8_lossy(base_font);
    let name = name
        .rsplit('+')
        .next()
        .unwrap_or(&name)
        .to_ascii_lowercase();
    if name.starts_with("courier") {
        Some(Metrics {
            fixed: Some(600.0),
            scale: 1.0,
            symbolic: false,
        })
    } else if name.starts_with("helvetica") || name.starts_with("arial") {
        Some(Metrics {
            fixed: None,
            scale: 1.0,
            symbolic: false,
        })
    } else if name.starts_with("times") {
        Some(Metrics {
            fixed: None,
            scale: 0.9,
            symbolic: false,
        })
    } else if name.starts_with("symbol") || name.starts_with("zapfdingbats") {
        Some(Metrics {
            fixed: None,
            scale: 1.0,
            symbolic: true,
        })
    } else {
        None
    }
}
