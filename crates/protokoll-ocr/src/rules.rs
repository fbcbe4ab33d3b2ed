//! Ruling lines (table borders, underlines) in a page image.
//!
//! A born-digital table's borders are drawn paths, which layout analysis takes as rules
//! (row borders) and which never reach the text. In a scan they are pixels: Tesseract
//! reads a vertical border as `|` glued to the cell's first word and a horizontal one as
//! `=` or `—`, and the words bridge the gap between the cells that column detection
//! needs. So the rules are found first, from geometry alone (long, thin dark runs),
//! painted over with paper in the image Tesseract reads, and handed to layout analysis as the PDF
//! path hands it drawn rules.

/// Ink is this much darker than the paper (the page's median grey), as a share of the
/// paper's value: a scanned table border is often light grey (a 0.5 pt border at 205
/// on paper at 240), far lighter than text, and still a line; paper's own noise stays
/// within a few levels.
const INK_DEPTH: f32 = 1.0 / 12.0;

/// A cell's shading is lighter than this (a share of the paper's value below it), a
/// border drawn under it darker.
const SHADE_DEPTH: f32 = 1.0 / 6.0;

/// A rule is at least this long (inches): longer than any glyph stroke of body or
/// heading text (a 36 pt letter), shorter than the narrowest table column.
const MIN_LEN_IN: f32 = 0.5;

/// ... and at most this thick on average (inches, about 2.5 pt): thicker is a filled
/// area (a logo, a black box), not a line.
const MAX_THICK_IN: f32 = 0.035;

/// Light pixels a run of ink may skip and go on (scanner dropouts in a thin line).
const RUN_GAP: usize = 1;

/// Pixels painted over on each side of a rule's ink: its anti-aliased edge (inches).
const ERASE_MARGIN_IN: f32 = 0.007;

/// A ruling line in pixels: along `lo..hi` (end-exclusive), its centre across at
/// `mid + slope·(along − lo)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PixRule {
    /// Along the image's rows (a horizontal line) or its columns.
    pub horizontal: bool,
    /// Start of the extent along the line.
    pub lo: usize,
    /// End of the extent (exclusive).
    pub hi: usize,
    /// The centre line across at `lo`, in pixels.
    pub mid: f32,
    /// ... and its change per pixel along (a skewed scan's lines slope).
    pub slope: f32,
    /// Mean thickness, in pixels.
    pub thick: f32,
    /// The shear the runs were read along: across = run's line + shear·along.
    shear: f32,
    /// It runs through text (a strike-through): letters on both sides of it.
    pub through_text: bool,
    /// The runs that make it: (across, from, to) — a row (or column) and its ink span.
    runs: Vec<(usize, usize, usize)>,
}

impl PixRule {
    /// Whether `o` is this line found again: the same direction, over half the
    /// shorter's extent shared, and within its thickness and two pixels across.
    fn same_line(&self, o: &PixRule) -> bool {
        let shared = self.hi.min(o.hi).saturating_sub(self.lo.max(o.lo));
        let shorter = (self.hi - self.lo).min(o.hi - o.lo);
        let at = (self.lo.max(o.lo) + shared / 2) as f32;
        self.horizontal == o.horizontal
            && shared * 2 > shorter
            && (self.at(at) - o.at(at)).abs() <= self.thick.max(o.thick) + 2.0
    }

    /// The centre line across at `along`.
    pub fn at(&self, along: f32) -> f32 {
        self.mid + self.slope * (along - self.lo as f32) + self.shear * along
    }

    /// Fits the centre line to the runs (least squares, weighted by run length) and
    /// measures the mean thickness: ink over length.
    fn fit(mut self) -> PixRule {
        let (mut sw, mut sx, mut sy, mut sxx, mut sxy) = (0.0f64, 0.0, 0.0, 0.0, 0.0);
        for &(c, a, b) in &self.runs {
            let wgt = (b - a) as f64;
            let x = (a + b) as f64 / 2.0 - 0.5;
            let y = c as f64;
            sw += wgt;
            sx += wgt * x;
            sy += wgt * y;
            sxx += wgt * x * x;
            sxy += wgt * x * y;
        }
        let (mx, my) = (sx / sw.max(1.0), sy / sw.max(1.0));
        let var = sxx / sw.max(1.0) - mx * mx;
        let slope = if var > 1.0 {
            (sxy / sw.max(1.0) - mx * my) / var
        } else {
            0.0
        };
        self.slope = slope as f32;
        self.mid = (my + slope * (self.lo as f64 - mx)) as f32;
        self.thick = sw as f32 / (self.hi - self.lo).max(1) as f32;
        self
    }
}

/// A view of the image along rows (`horizontal`) or along columns.
struct Axis<'a> {
    grey: &'a [u8],
    w: usize,
    h: usize,
    horizontal: bool,
    /// Darker than this is ink.
    ink: u8,
    /// Lines are read sheared by this (pixels across per pixel along): a skewed scan's
    /// faint horizontal border stays on one sheared row, where it would be a staircase
    /// of short runs on the image's rows.
    shear: f32,
}

impl Axis<'_> {
    /// Lines across (rows for horizontal rules) and their length.
    fn dims(&self) -> (usize, usize) {
        if self.horizontal {
            (self.h, self.w)
        } else {
            (self.w, self.h)
        }
    }
    fn ink(&self, across: usize, along: usize) -> bool {
        let across = across as f32 + (self.shear * along as f32).round();
        if across < 0.0 {
            return false;
        }
        let across = across as usize;
        let (x, y) = if self.horizontal {
            (along, across)
        } else {
            (across, along)
        };
        x < self.w && y < self.h && self.grey.get(y * self.w + x).is_some_and(|&v| v < self.ink)
    }
}

/// Runs of ink at least `min_len` long along one line of pixels, bridging gaps of
/// [`RUN_GAP`] light pixels.
fn long_runs(axis: &Axis, across: usize, min_len: usize) -> Vec<(usize, usize)> {
    let (_, len) = axis.dims();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_ink = 0;
    for along in 0..len {
        if axis.ink(across, along) {
            if start.is_none() {
                start = Some(along);
            }
            last_ink = along;
        } else if let Some(s) = start {
            if along - last_ink > RUN_GAP {
                if last_ink + 1 - s >= min_len {
                    out.push((s, last_ink + 1));
                }
                start = None;
            }
        }
    }
    if let Some(s) = start {
        if last_ink + 1 - s >= min_len {
            out.push((s, last_ink + 1));
        }
    }
    out
}

/// Rules along one axis: long runs on neighbouring lines that overlap make one rule (a
/// skewed line is a staircase of runs); a rule's mean thickness (ink over length) must
/// be thin.
fn rules_along(axis: &Axis, min_len: usize, max_thick: f32) -> Vec<PixRule> {
    let (n, _) = axis.dims();
    let mut done: Vec<PixRule> = Vec::new();
    // Rules whose last run is on the previous line (or the one before: a dropout).
    let mut open: Vec<(usize, PixRule)> = Vec::new();
    for across in 0..n {
        for (a, b) in long_runs(axis, across, min_len) {
            let joined = open
                .iter_mut()
                .find(|(last, r)| across - *last <= 2 && a < r.hi && b > r.lo);
            match joined {
                Some((last, r)) => {
                    *last = across;
                    r.lo = r.lo.min(a);
                    r.hi = r.hi.max(b);
                    r.runs.push((across, a, b));
                }
                None => open.push((
                    across,
                    PixRule {
                        horizontal: axis.horizontal,
                        lo: a,
                        hi: b,
                        mid: 0.0,
                        slope: 0.0,
                        thick: 0.0,
                        shear: axis.shear,
                        through_text: false,
                        runs: vec![(across, a, b)],
                    },
                )),
            }
        }
        let (stale, live): (Vec<_>, Vec<_>) =
            open.into_iter().partition(|(last, _)| across >= last + 2);
        open = live;
        done.extend(stale.into_iter().map(|(_, r)| r));
    }
    done.extend(open.into_iter().map(|(_, r)| r));
    done.into_iter()
        .map(PixRule::fit)
        .filter(|r| r.thick <= max_thick)
        .collect()
}

/// The ruling lines of a `w`×`h` grey image scanned at `dpi`: vertical ones first,
/// each in order of position. Their slope is the scan's skew, along which the
/// horizontal ones are then read.
pub(crate) fn find(grey: &[u8], w: usize, h: usize, dpi: u32) -> Vec<PixRule> {
    if grey.len() < w * h {
        return Vec::new();
    }
    let dpi = dpi.max(1) as f32;
    let min_len = (MIN_LEN_IN * dpi).round().max(2.0) as usize;
    let max_thick = (MAX_THICK_IN * dpi).max(1.0);
    // One histogram for both levels.
    let paper = paper(grey);
    let ink = level_below(paper, INK_DEPTH);
    let axis = |horizontal, shear, ink| Axis {
        grey,
        w,
        h,
        horizontal,
        ink,
        shear,
    };
    let mut out = rules_along(&axis(false, 0.0, ink), min_len, max_thick);
    // A vertical line leans by minus the skew: x falls as y grows when text lines
    // fall to the right. The long lines' mean, by length.
    let (mut sum, mut len) = (0.0f32, 0.0f32);
    for r in &out {
        let l = (r.hi - r.lo) as f32;
        sum += r.slope * l;
        len += l;
    }
    let skew = if len > 0.0 { -sum / len } else { 0.0 };
    out.extend(rules_along(&axis(true, skew, ink), min_len, max_thick));
    // A border under a shaded cell (a table's header) merges with the shade at the
    // faint-ink level into one thick block: looked for again at a darker level.
    let shaded = level_below(paper, SHADE_DEPTH);
    for r in rules_along(&axis(true, skew, shaded), min_len, max_thick) {
        if !out.iter().any(|o| o.same_line(&r)) {
            out.push(r);
        }
    }
    let reach = (STRIKE_REACH_IN * dpi).max(2.0);
    for r in &mut out {
        r.through_text = inked_both_sides(grey, w, h, r, ink, reach) > STRIKE_SHARE;
        if r.through_text {
            refit_strike(grey, w, r, ink);
        }
    }
    out
}

/// A line with ink on both sides (this far beyond its edge, inches) ...
const STRIKE_REACH_IN: f32 = 0.01;

/// ... along more than this share of its length runs through letters: a
/// strike-through, which painting out would take the letters' middles with it. Text
/// next to a table border touches it on one side, and seldom.
const STRIKE_SHARE: f32 = 0.2;

/// The share of a rule's length with ink on both sides, `reach` pixels beyond its
/// edges.
fn inked_both_sides(grey: &[u8], w: usize, h: usize, r: &PixRule, ink: u8, reach: f32) -> f32 {
    let dark = |along: usize, across: f32| {
        if across < 0.0 {
            return false;
        }
        let across = across.round() as usize;
        let (x, y) = if r.horizontal {
            (along, across)
        } else {
            (across, along)
        };
        x < w && y < h && grey.get(y * w + x).is_some_and(|&v| v < ink)
    };
    let off = r.thick / 2.0 + reach;
    let both = (r.lo..r.hi)
        .filter(|&a| {
            let c = r.at(a as f32);
            dark(a, c - off) && dark(a, c + off)
        })
        .count();
    both as f32 / (r.hi - r.lo).max(1) as f32
}

/// The paper's grey: the page's median (most of a page is paper).
fn paper(grey: &[u8]) -> u8 {
    let mut hist = [0usize; 256];
    for &v in grey {
        if let Some(n) = hist.get_mut(usize::from(v)) {
            *n += 1;
        }
    }
    let half = grey.len() / 2;
    let mut seen = 0;
    let at = hist
        .iter()
        .position(|&n| {
            seen += n;
            seen > half
        })
        .unwrap_or(255);
    u8::try_from(at).unwrap_or(u8::MAX)
}

/// The grey level under which a pixel is ink: [`INK_DEPTH`] below the paper's.
pub(crate) fn ink_level(grey: &[u8]) -> u8 {
    level_below(paper(grey), INK_DEPTH)
}

/// The grey level `depth` (a share of the paper's value) below the `paper` grey.
fn level_below(paper: u8, depth: f32) -> u8 {
    let paper = f32::from(paper);
    (paper - paper * depth).round().clamp(1.0, 255.0) as u8
}

/// Paints each rule over with the paper's grey in `grey` (`w` pixels wide): the band
/// of its thickness and a margin about its fitted centre line, over its whole extent —
/// the ends of a skewed line, too short to be runs of their own, go with it. Paper,
/// not white: a white stripe on grey paper has edges a local threshold reads as ink.
/// A strike-through loses only its bare stretches (see [`erase_strike`]).
pub(crate) fn erase(grey: &mut [u8], w: usize, dpi: u32, rules: &[PixRule]) {
    let fill = paper(grey);
    let margin = (ERASE_MARGIN_IN * dpi as f32).max(1.0);
    let ink = level_below(fill, INK_DEPTH);
    for r in rules.iter().filter(|r| r.through_text) {
        erase_strike(grey, w, r, ink, fill);
    }
    for r in rules.iter().filter(|r| !r.through_text) {
        let half = r.thick / 2.0 + margin + 0.5;
        for along in r.lo..r.hi {
            let c = r.at(along as f32);
            let from = (c - half).ceil().max(0.0) as usize;
            let to = (c + half).floor().max(0.0) as usize;
            for across in from..=to {
                let (x, y) = if r.horizontal {
                    (along, across)
                } else {
                    (across, along)
                };
                if x < w {
                    if let Some(v) = grey.get_mut(y * w + x) {
                        *v = fill;
                    }
                }
            }
        }
    }
}

/// Ink across a strike-through up to this many times its thickness (and a pixel) is
/// the stroke alone; more is a letter's stem or bowl crossing it.
const STRIKE_RUN: f32 = 1.5;

/// The stretches of a strike-through over bare paper: at each point along it, the run
/// of ink across its centre line (or a pixel off it), `(along, first, last)` across,
/// where that run is no longer than the stroke's own thickness allows. Where a
/// letter's stroke crosses it the run is longer, and the point is left out.
fn bare_runs(grey: &[u8], w: usize, r: &PixRule, ink: u8) -> Vec<(usize, usize, usize)> {
    let h = grey.len() / w.max(1);
    let (across_n, along_n) = if r.horizontal { (h, w) } else { (w, h) };
    let longest = (STRIKE_RUN * r.thick).ceil() as usize + 1;
    let is_ink = |along: usize, across: usize| {
        let i = if r.horizontal {
            across * w + along
        } else {
            along * w + across
        };
        across < across_n && grey.get(i).is_some_and(|&v| v < ink)
    };
    let mut out = Vec::new();
    for along in r.lo..r.hi.min(along_n) {
        let c = r.at(along as f32).round();
        if c < 1.0 {
            continue;
        }
        let c = c as usize;
        let Some(start) = [c, c - 1, c + 1].into_iter().find(|&y| is_ink(along, y)) else {
            continue;
        };
        let (mut first, mut last) = (start, start);
        while first > 0 && is_ink(along, first - 1) && last + 1 - first <= longest {
            first -= 1;
        }
        while is_ink(along, last + 1) && last + 1 - first <= longest {
            last += 1;
        }
        if last + 1 - first <= longest {
            out.push((along, first, last));
        }
    }
    out
}

/// A strike-through needs this many bare points to be fitted again from them.
const MIN_BARE: usize = 8;

/// Fits a strike-through's centre line and thickness again from its bare stretches
/// alone: the first fit takes in the letters' pixels next to the stroke, which tilt
/// it (a slope off the text's by half again), and a tilted box reads as too thick a
/// line to strike the words it crosses.
fn refit_strike(grey: &[u8], w: usize, r: &mut PixRule, ink: u8) {
    let bare = bare_runs(grey, w, r, ink);
    if bare.len() < MIN_BARE {
        return;
    }
    let n = bare.len() as f64;
    let pts = bare
        .iter()
        .map(|&(a, f, l)| (a as f64, (f + l) as f64 / 2.0, (l + 1 - f) as f64));
    let (mut sx, mut sy, mut sxx, mut sxy, mut st) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for (x, y, t) in pts {
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        st += t;
    }
    let (mx, my) = (sx / n, sy / n);
    let var = sxx / n - mx * mx;
    let b = if var > 1.0 {
        (sxy / n - mx * my) / var
    } else {
        0.0
    };
    // across = my + b·(along − mx), in `at`'s terms (its shear kept).
    let lo = r.lo as f64;
    let shear = f64::from(r.shear);
    r.slope = (b - shear) as f32;
    r.mid = (my + b * (lo - mx) - shear * lo) as f32;
    r.thick = (st / n) as f32;
}

/// Paints out a strike-through where it crosses bare paper and keeps it where it
/// crosses a letter. Left whole, a struck line is one Tesseract returns nothing for;
/// painted out as a band, it takes the letters' middles with it (garbage). So only its
/// bare runs ([`bare_runs`]) are painted over, with a pixel of anti-aliased edge
/// each side. The rule is still handed to layout analysis, which marks the words it
/// crosses struck.
fn erase_strike(grey: &mut [u8], w: usize, r: &PixRule, ink: u8, fill: u8) {
    let h = grey.len() / w.max(1);
    let across_n = if r.horizontal { h } else { w };
    for (along, first, last) in bare_runs(grey, w, r, ink) {
        for across in first.saturating_sub(1)..=(last + 1).min(across_n.saturating_sub(1)) {
            let i = if r.horizontal {
                across * w + along
            } else {
                along * w + across
            };
            if let Some(v) = grey.get_mut(i) {
                *v = fill;
            }
        }
    }
}

/// Whether the `[l, t, r, b]` pixel box of a `w`-wide image holds at least `min`
/// pixels darker than `ink`.
pub(crate) fn has_ink(grey: &[u8], w: usize, bbox: [i32; 4], ink: u8, min: usize) -> bool {
    let [l, t, r, b] = bbox.map(|v| usize::try_from(v.max(0)).unwrap_or(0));
    let h = grey.len() / w.max(1);
    let mut n = 0;
    for y in t..b.min(h) {
        let row = grey.get(y * w + l.min(w)..y * w + r.min(w)).unwrap_or(&[]);
        n += row.iter().filter(|&&v| v < ink).count();
        if n >= min {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white `w`×`h` image.
    fn page(w: usize, h: usize) -> Vec<u8> {
        vec![255; w * h]
    }

    fn fill(g: &mut [u8], w: usize, x: std::ops::Range<usize>, y: std::ops::Range<usize>) {
        for yy in y {
            for xx in x.clone() {
                g[yy * w + xx] = 0;
            }
        }
    }

    #[test]
    fn thin_long_lines_are_rules_letters_and_blocks_are_not() {
        // 100 dpi: a rule is at least 50 px long and at most 3.5 px thick.
        let (w, h) = (300, 300);
        let mut g = page(w, h);
        fill(&mut g, w, 10..290, 40..42); // a table border
        fill(&mut g, w, 150..152, 50..250); // a column rule
        fill(&mut g, w, 20..60, 100..110); // a letter's bar: too short
        fill(&mut g, w, 20..120, 200..240); // a black box: too thick
        let rules = find(&g, w, h, 100);
        assert_eq!(rules.len(), 2, "{rules:?}");
        let (vt, hz) = (&rules[0], &rules[1]);
        assert!(hz.horizontal && (hz.lo, hz.hi) == (10, 290));
        assert!((hz.mid - 40.5).abs() < 1e-3 && (hz.thick - 2.0).abs() < 1e-3);
        assert!(hz.slope.abs() < 1e-6);
        assert!(!vt.horizontal && (vt.lo, vt.hi) == (50, 250));
        assert!((vt.at(120.0) - 150.5).abs() < 1e-3);
    }

    #[test]
    fn a_skewed_line_is_one_rule_and_is_erased() {
        // A 2 px line falling 1 px every 40 px: a staircase of runs, one rule.
        let (w, h) = (300, 100);
        let mut g = page(w, h);
        for x in 10..290 {
            let y = 20 + x / 40;
            g[y * w + x] = 0;
            g[(y + 1) * w + x] = 0;
        }
        let rules = find(&g, w, h, 100);
        assert_eq!(rules.len(), 1, "{rules:?}");
        assert_eq!((rules[0].lo, rules[0].hi), (10, 290));
        assert!(
            (rules[0].slope - 1.0 / 40.0).abs() < 0.005,
            "{}",
            rules[0].slope
        );
        erase(&mut g, w, 100, &rules);
        assert!(g.iter().all(|&v| v == 255));
    }

    #[test]
    fn a_line_through_letters_is_a_strike_kept_on_the_letters_only() {
        // Letters 20 px tall, 6 px wide, 2 px apart, struck through their middle.
        let (w, h) = (300, 60);
        let mut g = page(w, h);
        for k in 0..30 {
            fill(&mut g, w, 8 * k + 10..8 * k + 16, 20..40);
        }
        fill(&mut g, w, 10..250, 29..31);
        let rules = find(&g, w, h, 100);
        assert_eq!(rules.len(), 1, "{rules:?}");
        assert!(rules[0].through_text);
        erase(&mut g, w, 100, &rules);
        // The letters are whole; the stroke between them is gone.
        for k in 0..30 {
            for y in 20..40 {
                for x in 8 * k + 10..8 * k + 16 {
                    assert_eq!(g[y * w + x], 0, "letter {k} at ({x}, {y})");
                }
            }
            for y in 20..40 {
                assert_eq!(g[y * w + 8 * k + 17], 255, "gap {k} at row {y}");
            }
        }
        // Past the last letter the stroke crossed bare paper only: erased too.
        assert!((248..250).all(|x| (28..32).all(|y| g[y * w + x] == 255)));
    }

    #[test]
    fn a_strike_is_fitted_from_its_bare_stretches() {
        // Letters 20 px tall, struck by a 2 px stroke that falls 1 px every 60 px.
        let (w, h) = (300, 60);
        let mut g = page(w, h);
        for k in 0..30 {
            fill(&mut g, w, 8 * k + 10..8 * k + 16, 20..40);
        }
        for x in 10..250 {
            let y = 29 + x / 60;
            fill(&mut g, w, x..x + 1, y..y + 2);
        }
        let rules = find(&g, w, h, 100);
        assert_eq!(rules.len(), 1, "{rules:?}");
        let mut r = rules[0].clone();
        assert!(r.through_text);
        // Tilted and thickened by the letters' pixels, as a first fit can be: the
        // bare stretches between the letters set it straight again.
        r.slope += 0.01;
        r.thick = 3.0;
        refit_strike(&g, w, &mut r, ink_level(&g));
        assert!((r.slope - 1.0 / 60.0).abs() < 0.002, "{}", r.slope);
        assert!((r.thick - 2.0).abs() < 0.01, "{}", r.thick);
        assert!(
            (r.at(130.0) - (29.0 + 130.0 / 60.0 + 0.5)).abs() < 0.6,
            "{r:?}"
        );
    }

    #[test]
    fn a_border_under_a_shaded_cell_is_found() {
        // A header shaded light grey (225 on white) down to its dark bottom border.
        let (w, h) = (300, 100);
        let mut g = page(w, h);
        for y in 10..40 {
            for x in 10..290 {
                g[y * w + x] = 225;
            }
        }
        fill(&mut g, w, 10..290, 40..42);
        let rules = find(&g, w, h, 100);
        assert_eq!(rules.len(), 1, "{rules:?}");
        assert!(rules[0].horizontal && (rules[0].at(150.0) - 40.5).abs() < 1e-3);
    }

    #[test]
    fn a_box_of_paper_has_no_ink() {
        let (w, h) = (40, 20);
        let mut g = page(w, h);
        fill(&mut g, w, 5..8, 5..8);
        assert!(has_ink(&g, w, [0, 0, 10, 10], 200, 3));
        assert!(!has_ink(&g, w, [10, 0, 40, 20], 200, 3));
        // Boxes reaching past the image are clipped, not a panic.
        assert!(!has_ink(&g, w, [30, -5, 90, 90], 200, 3));
    }

    #[test]
    fn text_is_not_a_rule() {
        // Glyph-like blobs 8 px wide with 2 px gaps along a row: no run spans them.
        let (w, h) = (300, 40);
        let mut g = page(w, h);
        for k in 0..28 {
            fill(&mut g, w, 10 * k..10 * k + 8, 10..30);
        }
        assert!(find(&g, w, h, 100).is_empty());
    }
}
