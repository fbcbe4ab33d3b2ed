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
    pub text_layer: TextLayerKind,
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

/// Where a record's text came from (the contract's `text_layer`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextLayerKind {
    /// Born-digital text.
    Native,
    /// An OCR text layer in the PDF.
    OcrLayer,
    /// Our own OCR.
    OcrEngine,
    /// Different kinds on different pages.
    Mixed,
    /// No text.
    #[default]
    None,
}

impl From<crate::TextLayer> for TextLayerKind {
    fn from(t: crate::TextLayer) -> Self {
        match t {
            crate::TextLayer::Native => TextLayerKind::Native,
            crate::TextLayer::OcrLayer => TextLayerKind::OcrLayer,
            crate::TextLayer::OcrEngine => TextLayerKind::OcrEngine,
            crate::TextLayer::Mixed => TextLayerKind::Mixed,
            crate::TextLayer::None => TextLayerKind::None,
        }
    }
}

/// An error or warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// Stable machine-readable code: malformed, encrypted, no_text, too_large, timeout,
    /// io, not_pdf, empty, panic, ...
    pub code: String,
    /// What went wrong, for a person.
    pub message: String,
    /// 1-based page, when the problem belongs to one page.
    pub page: Option<u32>,
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
    /// ledamot | ersättare | tjänsteperson | deltagare | ordförande | justerare | sekreterare.
    pub group: String,
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

/// A future meeting date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MeetingDate {
    /// ISO date.
    #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub date: String,
    /// The rest of the line, if any.
    pub note: Option<String>,
}

/// One repair made to the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Correction {
    /// 1-based page.
    pub page: u32,
    /// Text before.
    pub original: String,
    /// Text after.
    pub corrected: String,
    /// diacritic | confusion | dehyphenation | ligature | merge | split.
    // A `Cow`: the repair stage writes one of a few fixed kinds, without allocating.
    #[schemars(extend("enum" = ["diacritic", "confusion", "dehyphenation", "ligature", "merge", "split"]))]
    pub kind: std::borrow::Cow<'static, str>,
    /// 0..1.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f32,
    /// Where the word was read on the page (the repaired word's box, as the items'
    /// boxes), null for text input and for records written before this field. Added
    /// in contract version 1 as an optional field.
    #[serde(default, rename = "box")]
    pub bbox: Option<PageBox>,
}
