//! The record contract, version 1 (`../shared/contract.md`). Fields may be added; none
//! may be renamed or change meaning without a new `schema_version`.
//!
//! So the types accept records with fields added later (no `deny_unknown_fields`),
//! and the generated schema leaves objects open; it does pin down formats (ISO dates,
//! `HH:MM` times), closed vocabularies (meeting kind, correction kind) and bounds
//! (confidences in 0..1).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The contract version this crate writes.
pub const SCHEMA_VERSION: &str = "1";

/// One record per input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// Always "1" for this contract.
    pub schema_version: String,
    /// The input file.
    pub source: Source,
    /// ok: parsed; partial: parsed with problems; error: nothing could be parsed.
    pub status: Status,
    /// What went wrong (for `status: error`, at least one entry).
    pub errors: Vec<Problem>,
    /// What a person should look at.
    pub warnings: Vec<Problem>,
    /// Meeting metadata.
    pub meeting: Meeting,
    /// Top-level agenda items, in document order.
    pub items: Vec<Item>,
    /// Attendance entries, in document order.
    pub attendance: Vec<Attendance>,
    /// Future meeting dates.
    pub meeting_dates: Vec<MeetingDate>,
    /// Every repair of OCR damage, in document order.
    pub corrections: Vec<Correction>,
    /// Repairs too uncertain to apply, in document order: the text keeps `original`;
    /// a person may apply `corrected` (a field added to contract version 1; absent in
    /// records written before it).
    #[serde(default)]
    pub suggestions: Vec<Correction>,
    /// The layout parser that read the items and how well it fit the document (null
    /// where nothing was parsed). Added in contract version 1 as an optional field.
    #[serde(default)]
    pub layout: Option<LayoutFit>,
    /// The options that shape a record's content, as `repair=yes ocr=auto`: with the
    /// file's sha256 the key by which `ingest --resume` knows a file is done. Added in
    /// contract version 1 as an optional field.
    #[serde(default)]
    pub options: Option<String>,
}

impl Default for Record {
    fn default() -> Self {
        Record {
            schema_version: SCHEMA_VERSION.to_string(),
            source: Source::default(),
            status: Status::Ok,
            errors: Vec::new(),
            warnings: Vec::new(),
            meeting: Meeting::default(),
            items: Vec::new(),
            attendance: Vec::new(),
            meeting_dates: Vec::new(),
            corrections: Vec::new(),
            suggestions: Vec::new(),
            layout: None,
            options: None,
        }
    }
}

/// Record status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Parsed.
    Ok,
    /// Parsed, with errors on some pages.
    Partial,
    /// Nothing could be parsed.
    Error,
}

/// The input file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line (or as found under a given folder).
    pub path: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// File size in bytes.
    pub bytes: u64,
    /// Input format.
    pub format: Format,
    /// Number of pages (1 for text input, 0 when unknown).
    pub pages: u32,
    /// Where the text came from.
    pub text_layer: crate::TextLayer,
    /// The PDF's /Producer, or null.
    pub producer: Option<String>,
}

/// Input format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A PDF file.
    #[default]
    Pdf,
    /// UTF-8 plain text.
    Text,
}

/// An error or warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// Stable machine-readable code (the contract's `code`).
    pub code: ProblemCode,
    /// What went wrong, for a person.
    pub message: String,
    /// 1-based page, when the problem belongs to one page.
    pub page: Option<u32>,
}

/// The stable code of an error or warning. One enum serves both lists: several codes
/// (`timeout`, `ocr_unavailable`, `io`) are an error when nothing could be read and a
/// warning when some text was, so splitting them would make two names for one thing.
/// Codes may be added (the contract's list is open); none renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// The file could not be read (permissions, vanished, a read error).
    Io,
    /// Over a size limit (the file, a stream, an image).
    TooLarge,
    /// A text file that is empty, or a PDF of zero bytes.
    Empty,
    /// Not a PDF though named as one.
    NotPdf,
    /// An encrypted PDF that cannot be opened without a password.
    Encrypted,
    /// A PDF (or one of its pages) broken beyond recovery.
    Malformed,
    /// The CPU-time budget (`--timeout`) ran out; what was read is kept.
    Timeout,
    /// No text on any page, and none could be recognised.
    NoText,
    /// A text file that is not UTF-8, read in another encoding.
    Encoding,
    /// More pages than `--max-pages`; the rest were not read.
    TooManyPages,
    /// The PDF ends before its `%%EOF`.
    Truncated,
    /// Glyphs without a Unicode mapping (text lost).
    UnmappedGlyphs,
    /// Glyphs whose text is a guess (CIDs taken as code points).
    GuessedGlyphs,
    /// Tesseract or its language model is not installed.
    OcrUnavailable,
    /// Tesseract failed on a page.
    OcrFailed,
    /// Pages were OCR'd with Tesseract.
    Ocr,
    /// A damaged OCR layer was replaced by a fresh reading.
    OcrLayerReplaced,
    /// A damaged OCR layer was kept (the fresh reading was no better).
    OcrLayerKept,
    /// No numbered agenda items were found.
    NoItems,
    /// The meeting date was not found.
    NoDate,
    /// protokoll itself failed on the file (a bug).
    Internal,
}

impl ProblemCode {
    /// The contract's spelling (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::Io => "io",
            ProblemCode::TooLarge => "too_large",
            ProblemCode::Empty => "empty",
            ProblemCode::NotPdf => "not_pdf",
            ProblemCode::Encrypted => "encrypted",
            ProblemCode::Malformed => "malformed",
            ProblemCode::Timeout => "timeout",
            ProblemCode::NoText => "no_text",
            ProblemCode::Encoding => "encoding",
            ProblemCode::TooManyPages => "too_many_pages",
            ProblemCode::Truncated => "truncated",
            ProblemCode::UnmappedGlyphs => "unmapped_glyphs",
            ProblemCode::GuessedGlyphs => "guessed_glyphs",
            ProblemCode::OcrUnavailable => "ocr_unavailable",
            ProblemCode::OcrFailed => "ocr_failed",
            ProblemCode::Ocr => "ocr",
            ProblemCode::OcrLayerReplaced => "ocr_layer_replaced",
            ProblemCode::OcrLayerKept => "ocr_layer_kept",
            ProblemCode::NoItems => "no_items",
            ProblemCode::NoDate => "no_date",
            ProblemCode::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Meeting metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    /// protokoll | minnesanteckningar | anteckningar | dagordning.
    #[schemars(extend("enum" = ["protokoll", "minnesanteckningar", "anteckningar", "dagordning", null]))]
    pub kind: Option<String>,
    /// The document's title line.
    pub title: Option<String>,
    /// The councils or bodies meeting.
    pub bodies: Vec<String>,
    /// ISO date of the meeting.
    #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub date: Option<String>,
    /// HH:MM.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub start_time: Option<String>,
    /// HH:MM.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub end_time: Option<String>,
    /// Venue as written.
    pub location: Option<String>,
    /// true when Teams/digital is stated, false when only a physical venue, else null.
    pub digital: Option<bool>,
    /// Ordförande.
    pub chair: Option<String>,
    /// Sekreterare.
    pub secretary: Option<String>,
    /// Justerare, with the date each signed when given.
    pub adjusters: Vec<Adjuster>,
}

/// A person who checks and signs the minutes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Adjuster {
    /// Name as written.
    pub name: String,
    /// ISO date of signing, if given.
    #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub date: Option<String>,
}

/// A top-level agenda item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// The item's own label without punctuation ("5", "5a", "12" for "§ 12").
    pub number: String,
    /// The heading only.
    pub title: String,
    /// Presenters as written.
    pub presenters: Vec<String>,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
    /// Decisions taken by this meeting, label removed.
    pub decisions: Vec<String>,
    /// 1-based pages the item is on.
    pub pages: Vec<u32>,
    /// The case number the item is filed under ("KS 2024/123", from "Dnr KS
    /// 2024/123"), if given. Added in contract version 1 as an optional field.
    #[serde(default)]
    pub case_number: Option<String>,
    /// Where the item was read: one box per page around its lines, heading and body.
    /// Added in contract version 1 as an optional field.
    #[serde(default)]
    pub boxes: Vec<PageBox>,
    /// Votes taken on the item (an "Omröstning"). Added in contract version 1 as an
    /// optional field.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// Reservations against the item's decision. Added in contract version 1 as an
    /// optional field.
    #[serde(default)]
    pub reservations: Vec<Reservation>,
}

/// A box on a page: where a part of the record was read. PDF points from the page's
/// top-left corner (y grows downwards), rounded to a tenth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PageBox {
    /// 1-based page.
    pub page: u32,
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

/// A vote (votering) on an item: the counts as the minutes give them and, where the
/// minutes list them, each member's vote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Vote {
    /// What "ja" and "nej" stood for, as written ("Ja-röst för … nej-röst för …").
    pub question: Option<String>,
    /// Yes votes.
    pub yes: Option<u32>,
    /// No votes.
    pub no: Option<u32>,
    /// Abstentions.
    pub abstain: Option<u32>,
    /// Members absent from the vote.
    pub absent: Option<u32>,
    /// Each member's vote, where listed.
    pub members: Vec<MemberVote>,
    /// Whether the listed members' votes add up to the counts; null when the minutes
    /// give only one of the two.
    pub consistent: Option<bool>,
}

/// One member's vote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MemberVote {
    /// Name as written.
    pub name: String,
    /// Party abbreviation as written ("S"), if any.
    pub party: Option<String>,
    /// ja | nej | avstår | frånvarande.
    pub vote: String,
}

/// A reservation: who reserved themselves against the decision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reservation {
    /// The member (or group) as written.
    pub name: String,
    /// Party abbreviation as written, if any.
    pub party: Option<String>,
    /// What they reserved themselves against or in favour of, as written, if stated.
    pub against: Option<String>,
}

/// Which layout parser read a document's items, and its fit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LayoutFit {
    /// The parser's name ("numbered-headings", "section-paragraphs", "agenda-table", …).
    pub parser: String,
    /// How well it fit, 0..1.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub fit: f32,
}

/// One entry of an attendance list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attendance {
    /// Name as written ("Vakant" for a vacant seat).
    pub name: String,
    /// Organisation as written.
    pub organisation: Option<String>,
    /// Which list the entry is in.
    pub group: Group,
    /// Role text or job title.
    pub role: Option<String>,
    /// true = marked present, false = marked absent, null = not stated.
    pub present: Option<bool>,
    /// Who replaced this person, if stated.
    pub replaced_by: Option<String>,
    /// The council this list belongs to, when a document lists several.
    pub body: Option<String>,
    /// Political party as written after the name ("S", "M"), if any. Added in
    /// contract version 1 as an optional field.
    #[serde(default)]
    pub party: Option<String>,
    /// The member this person stood in for ("Anna Ek (S) ersätter Bo Ek (S)", "(i Bo
    /// Eks frånvaro)"), if stated. Added in contract version 1 as an optional field.
    #[serde(default)]
    pub replaces: Option<String>,
    /// The paragraphs the person took part in, as written ("§§ 11-14"), if stated.
    /// Added in contract version 1 as an optional field.
    #[serde(default)]
    pub sections: Option<String>,
    /// Where the entry was read. Added in contract version 1 as an optional field.
    #[serde(default)]
    pub source: Option<PageBox>,
}

/// The list an attendance entry is in (the contract's `group`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Group {
    /// A member (ledamot).
    #[serde(rename = "ledamot")]
    Member,
    /// A substitute (ersättare).
    #[serde(rename = "ersättare")]
    Substitute,
    /// An official (tjänsteperson).
    #[serde(rename = "tjänsteperson")]
    Official,
    /// Anyone else taking part (deltagare); what a list without a known heading holds.
    #[default]
    #[serde(rename = "deltagare")]
    Participant,
    /// The chair (ordförande).
    #[serde(rename = "ordförande")]
    Chair,
    /// An adjuster (justerare).
    #[serde(rename = "justerare")]
    Adjuster,
    /// The secretary (sekreterare).
    #[serde(rename = "sekreterare")]
    Secretary,
}

impl Group {
    /// The contract's spelling (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Member => "ledamot",
            Group::Substitute => "ersättare",
            Group::Official => "tjänsteperson",
            Group::Participant => "deltagare",
            Group::Chair => "ordförande",
            Group::Adjuster => "justerare",
            Group::Secretary => "sekreterare",
        }
    }
}

/// A future meeting date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MeetingDate {
    /// ISO date.
    #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub date: String,
    /// The rest of the line, if any.
    pub note: Option<String>,
}

/// What kind of repair a correction is (the contract's `kind`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionKind {
    /// Diacritics restored ("vilfard" → "välfärd").
    #[default]
    Diacritic,
    /// Letters OCR confuses read right ("l" for "i", "0" for "o").
    Confusion,
    /// A word hyphenated over a line break joined (in the contract; not written today).
    Dehyphenation,
    /// A ligature spelled out (in the contract; not written today).
    Ligature,
    /// Pieces of one word joined.
    Merge,
    /// Words run together split.
    Split,
}

impl CorrectionKind {
    /// The contract's spelling (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Diacritic => "diacritic",
            CorrectionKind::Confusion => "confusion",
            CorrectionKind::Dehyphenation => "dehyphenation",
            CorrectionKind::Ligature => "ligature",
            CorrectionKind::Merge => "merge",
            CorrectionKind::Split => "split",
        }
    }
}

/// One repair made to the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Correction {
    /// 1-based page.
    pub page: u32,
    /// Text before.
    pub original: std::sync::Arc<str>,
    /// Text after.
    pub corrected: std::sync::Arc<str>,
    /// What kind of repair.
    pub kind: CorrectionKind,
    /// 0..1.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f32,
    /// Where the word was read on the page (the repaired word's box, as the items'
    /// boxes), null for text input and for records written before this field. Added
    /// in contract version 1 as an optional field.
    #[serde(default, rename = "box")]
    pub bbox: Option<PageBox>,
}
