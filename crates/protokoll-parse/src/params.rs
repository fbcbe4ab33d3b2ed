//! The geometry thresholds of the parsers, named in one block (as the pdf crate's
//! `LayoutParams` names layout analysis's). Lengths in points unless a field says ems.
//! The layouts' fit scores and weights are not here: they rank parsers, they measure
//! nothing on the page.

/// Geometry thresholds of the parsers' view of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParseParams {
    /// A gap between two words on a line wider than this many ems is a tab stop, not
    /// a space (word spacing is about a quarter of an em; justified text stretches it
    /// to about one).
    pub tab_gap_em: f32,
    /// A cell the extractor found counts as a line's column boundary when it starts
    /// within this of the table's usual split (points): a row whose right cell starts
    /// a little left of the column keeps its first word there.
    pub cell_split_reach: f32,
    /// A word starting within this left of the split is a right-column word (points):
    /// only right-column words start there, and a skewed scan moves that edge a little.
    pub split_margin: f32,
    /// A line continues a form's field when its one cell starts within this of the
    /// field's value (points): scan jitter.
    pub field_align: f32,
    /// Item labels of one chain stand at one x, within this (points); so do a lost
    /// number's scraps in the number column, and a table row's label under the one
    /// before.
    pub label_align: f32,
    /// Labels set at one x to within this (points) are of one list: the next label of
    /// a chain is sought here first, then within `label_align`.
    pub label_exact: f32,
    /// A label this far (points) or more from the last one's x is set off by an indent
    /// (a list inside an item), not by the wander of an OCR layer's positions.
    pub label_indent: f32,
    /// A gap between lines wider than this opens a paragraph (font sizes): about half
    /// a line's leading more than the text's own.
    pub paragraph_gap: f32,
    /// A bold heading wrapped over lines ends at a gap wider than this (font sizes).
    pub heading_wrap_gap: f32,
    /// A line is bold when more than this share of its characters are.
    pub bold_share: f32,
    /// Headings of numbered items form one column: a heading starting further than
    /// this from the first one's x is none of them (points).
    pub heading_column_drift: f32,
    /// A heading starts at the labels' indent give or take this share of it, low end
    /// (a skewed scan drifts a few points down the page).
    pub indent_low: f32,
    /// ... high end.
    pub indent_high: f32,
    /// A scrap of a lost number stands apart from its heading by at least this share
    /// of the indent (a short word of running text does not).
    pub scrap_gap: f32,
    /// A table row's words run across the column gap when the gap is under this many
    /// font sizes...
    pub across_gap: f32,
    /// ... or at most this many times the row's typical word gap.
    pub across_typical: f32,
}

impl ParseParams {
    /// Today's values (see each field).
    pub const DEFAULT: ParseParams = ParseParams {
        tab_gap_em: 2.0,
        cell_split_reach: 30.0,
        split_margin: 8.0,
        field_align: 4.0,
        label_align: 15.0,
        label_exact: 2.0,
        label_indent: 6.0,
        paragraph_gap: 0.45,
        heading_wrap_gap: 0.6,
        bold_share: 0.6,
        heading_column_drift: 8.0,
        indent_low: 0.6,
        indent_high: 1.4,
        scrap_gap: 0.4,
        across_gap: 0.6,
        across_typical: 1.5,
    };
}

impl Default for ParseParams {
    fn default() -> Self {
        ParseParams::DEFAULT
    }
}
