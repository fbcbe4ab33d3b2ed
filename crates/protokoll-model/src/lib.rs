//! Shared types of protokoll, depended on by every stage and depending on no stage.
//!
//! * [`layout`]: what the PDF stage produces and the later stages consume: pages of
//!   positioned words grouped into lines and cells, with flags (struck, furniture, OCR).
//! * [`record`]: the record contract (`../shared/contract.md`, version 1), serialised by
//!   the CLI as JSON Lines and described by a JSON Schema generated from these types.
//! * [`Budget`]: a document's CPU-time allowance, polled by every stage.
//! * [`text`]: the few facts of written text more than one stage needs (ligatures,
//!   Swedish letters without their accents, month names), in one place.
//!
//! ```
//! use protokoll_model::record::Record;
//! let r = Record::default();
//! assert_eq!(r.schema_version, "1");
//! ```
#![deny(missing_docs)]

pub mod budget;
pub mod layout;
pub mod record;
pub mod text;
pub mod wordlist;

pub use budget::{Budget, OverBudget};

pub use layout::{Cell, Document, Line, Page, Rect, TextLayer, Word};

pub use record::{
    Attendance, Correction, Item, Meeting, MeetingDate, MemberVote, PageBox, Record, Reservation,
    Vote,
};

/// What a layout parser fills in: the structural part of a record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// Meeting metadata.
    pub meeting: Meeting,
    /// Top-level agenda items.
    pub items: Vec<Item>,
    /// Attendance entries.
    pub attendance: Vec<Attendance>,
    /// Future meeting dates.
    pub meeting_dates: Vec<MeetingDate>,
    /// Problems a person should look at (code, message, page).
    pub warnings: Vec<record::Problem>,
    /// The layout parser that read the items, and its fit.
    pub layout: Option<record::LayoutFit>,
}
