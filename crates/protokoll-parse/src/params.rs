//! The geometry thresholds of the parsers, named in one block (as the pdf crate's
//! `LayoutParams` names layout analysis's). Lengths in points unless a field says ems.
//! Today the view's thresholds are here; the layout parsers' own (numbered headings,
//! tables, people tables, scaffold) still sit beside their code as named or bare
//! literals, to be moved here one by one without changing a value.

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
}

impl ParseParams {
    /// Today's values (see each field).
    pub const DEFAULT: ParseParams = ParseParams {
        tab_gap_em: 2.0,
        cell_split_reach: 30.0,
        split_margin: 8.0,
        field_align: 4.0,
    };
}

impl Default for ParseParams {
    fn default() -> Self {
        ParseParams::DEFAULT
    }
}
