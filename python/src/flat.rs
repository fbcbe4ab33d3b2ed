//! Records as flat tables for Arrow, pandas and DuckDB: one row per document, item,
//! attendee, correction (or suggestion) and problem, each keyed by the document's
//! sha256 and path, with the same columns in the same order in every row.

use protokoll_model::record::{Format, PageBox, Problem, Record, Status};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

/// A column's type; every column may also be None.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// Text.
    Str,
    /// A whole number.
    Int,
    /// A real number.
    Float,
    /// True or false.
    Bool,
}

impl Ty {
    /// The Arrow type's name.
    pub fn name(self) -> &'static str {
        match self {
            Ty::Str => "string",
            Ty::Int => "int64",
            Ty::Float => "float64",
            Ty::Bool => "bool",
        }
    }
}

/// A cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No value.
    Null,
    /// Text.
    Str(String),
    /// A whole number.
    Int(i64),
    /// A real number.
    Float(f64),
    /// True or false.
    Bool(bool),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}
impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Int(i64::from(n))
    }
}
impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<f32> for Value {
    fn from(x: f32) -> Self {
        // Through the shortest decimal form, so 0.9f32 is 0.9, not 0.8999999761581421.
        Value::Float(x.to_string().parse().unwrap_or(f64::from(x)))
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Self {
        o.map_or(Value::Null, Into::into)
    }
}

/// The tables' columns, in order, with their types. Add columns at the end only.
pub const COLUMNS: &[(&str, &[(&str, Ty)])] = &[
    (
        "documents",
        &[
            ("sha256", Ty::Str),
            ("path", Ty::Str),
            ("status", Ty::Str),
            ("format", Ty::Str),
            ("bytes", Ty::Int),
            ("pages", Ty::Int),
            ("text_layer", Ty::Str),
            ("producer", Ty::Str),
            ("kind", Ty::Str),
            ("title", Ty::Str),
            ("bodies", Ty::Str),
            ("date", Ty::Str),
            ("start_time", Ty::Str),
            ("end_time", Ty::Str),
            ("location", Ty::Str),
            ("digital", Ty::Bool),
            ("chair", Ty::Str),
            ("secretary", Ty::Str),
            ("adjusters", Ty::Str),
            ("meeting_dates", Ty::Str),
            ("layout_parser", Ty::Str),
            ("layout_fit", Ty::Float),
            ("items", Ty::Int),
            ("attendance", Ty::Int),
            ("corrections", Ty::Int),
            ("suggestions", Ty::Int),
            ("errors", Ty::Int),
            ("warnings", Ty::Int),
            ("options", Ty::Str),
            ("schema_version", Ty::Str),
        ],
    ),
    (
        "items",
        &[
            ("sha256", Ty::Str),
            ("path", Ty::Str),
            ("index", Ty::Int),
            ("number", Ty::Str),
            ("title", Ty::Str),
            ("case_number", Ty::Str),
            ("presenters", Ty::Str),
            ("text", Ty::Str),
            ("decisions", Ty::Str),
            ("first_page", Ty::Int),
            ("last_page", Ty::Int),
            ("votes", Ty::Int),
            ("reservations", Ty::Int),
        ],
    ),
    (
        "attendance",
        &[
            ("sha256", Ty::Str),
            ("path", Ty::Str),
            ("index", Ty::Int),
            ("name", Ty::Str),
            ("group", Ty::Str),
            ("role", Ty::Str),
            ("present", Ty::Bool),
            ("organisation", Ty::Str),
            ("party", Ty::Str),
            ("body", Ty::Str),
            ("replaced_by", Ty::Str),
            ("replaces", Ty::Str),
            ("sections", Ty::Str),
            ("page", Ty::Int),
        ],
    ),
    (
        "corrections",
        &[
            ("sha256", Ty::Str),
            ("path", Ty::Str),
            ("index", Ty::Int),
            ("applied", Ty::Bool),
            ("page", Ty::Int),
            ("kind", Ty::Str),
            ("original", Ty::Str),
            ("corrected", Ty::Str),
            ("confidence", Ty::Float),
        ],
    ),
    (
        "problems",
        &[
            ("sha256", Ty::Str),
            ("path", Ty::Str),
            ("index", Ty::Int),
            ("severity", Ty::Str),
            ("code", Ty::Str),
            ("message", Ty::Str),
            ("page", Ty::Int),
        ],
    ),
];

/// A row: the table's columns in order.
pub type Row = Vec<(&'static str, Value)>;

fn status(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Partial => "partial",
        Status::Error => "error",
    }
}

fn format(f: Format) -> &'static str {
    match f {
        Format::Pdf => "pdf",
        Format::Text => "text",
    }
}

/// Lists in one cell, "; " between entries (none: None), so every column is flat.
fn joined<S: AsRef<str>>(parts: impl IntoIterator<Item = S>) -> Value {
    let parts: Vec<String> = parts.into_iter().map(|s| s.as_ref().to_string()).collect();
    if parts.is_empty() {
        Value::Null
    } else {
        Value::Str(parts.join("; "))
    }
}

fn document_row(r: &Record) -> Vec<Value> {
    let m = &r.meeting;
    let adjusters = m.adjusters.iter().map(|a| match &a.date {
        Some(d) => format!("{} ({d})", a.name),
        None => a.name.clone(),
    });
    let dates = r.meeting_dates.iter().map(|d| match &d.note {
        Some(n) => format!("{} ({n})", d.date),
        None => d.date.clone(),
    });
    vec![
        r.source.sha256.as_str().into(),
        r.source.path.as_str().into(),
        status(r.status).into(),
        format(r.source.format).into(),
        r.source.bytes.into(),
        r.source.pages.into(),
        r.source.text_layer.as_str().into(),
        r.source.producer.clone().into(),
        m.kind.clone().into(),
        m.title.clone().into(),
        joined(&m.bodies),
        m.date.clone().into(),
        m.start_time.clone().into(),
        m.end_time.clone().into(),
        m.location.clone().into(),
        m.digital.into(),
        m.chair.clone().into(),
        m.secretary.clone().into(),
        joined(adjusters),
        joined(dates),
        r.layout.as_ref().map(|l| l.parser.clone()).into(),
        r.layout.as_ref().map(|l| l.fit).into(),
        r.items.len().into(),
        r.attendance.len().into(),
        r.corrections.len().into(),
        r.suggestions.len().into(),
        r.errors.len().into(),
        r.warnings.len().into(),
        r.options.clone().into(),
        r.schema_version.as_str().into(),
    ]
}

fn item_rows(r: &Record) -> Vec<Vec<Value>> {
    r.items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            vec![
                i.into(),
                it.number.as_str().into(),
                it.title.as_str().into(),
                it.case_number.clone().into(),
                joined(&it.presenters),
                it.text.as_str().into(),
                // Decisions are paragraphs: one a line.
                (!it.decisions.is_empty())
                    .then(|| it.decisions.join("\n"))
                    .into(),
                it.pages.iter().min().copied().into(),
                it.pages.iter().max().copied().into(),
                it.votes.len().into(),
                it.reservations.len().into(),
            ]
        })
        .collect()
}

fn attendance_rows(r: &Record) -> Vec<Vec<Value>> {
    r.attendance
        .iter()
        .enumerate()
        .map(|(i, a)| {
            vec![
                i.into(),
                a.name.as_str().into(),
                a.group.as_str().into(),
                a.role.clone().into(),
                a.present.into(),
                a.organisation.clone().into(),
                a.party.clone().into(),
                a.body.clone().into(),
                a.replaced_by.clone().into(),
                a.replaces.clone().into(),
                a.sections.clone().into(),
                a.source.as_ref().map(|b: &PageBox| b.page).into(),
            ]
        })
        .collect()
}

fn correction_rows(r: &Record) -> Vec<Vec<Value>> {
    let applied = r.corrections.iter().map(|c| (true, c));
    let suggested = r.suggestions.iter().map(|c| (false, c));
    applied
        .chain(suggested)
        .enumerate()
        .map(|(i, (applied, c))| {
            vec![
                i.into(),
                applied.into(),
                c.page.into(),
                c.kind.as_str().into(),
                (&*c.original).into(),
                (&*c.corrected).into(),
                c.confidence.into(),
            ]
        })
        .collect()
}

fn problem_rows(r: &Record) -> Vec<Vec<Value>> {
    let errors = r.errors.iter().map(|p| ("error", p));
    let warnings = r.warnings.iter().map(|p| ("warning", p));
    errors
        .chain(warnings)
        .enumerate()
        .map(|(i, (severity, p)): (usize, (&str, &Problem))| {
            vec![
                i.into(),
                severity.into(),
                p.code.as_str().into(),
                p.message.as_str().into(),
                p.page.into(),
            ]
        })
        .collect()
}

/// The records' tables, in `COLUMNS` order; rows in record order, then in the
/// record's own order.
pub fn tables(records: &[Record]) -> Vec<(&'static str, Vec<Row>)> {
    let mut out: Vec<(&'static str, Vec<Row>)> = COLUMNS
        .iter()
        .map(|(name, _)| (*name, Vec::new()))
        .collect();
    for r in records {
        let key = || -> Vec<Value> {
            vec![
                r.source.sha256.as_str().into(),
                r.source.path.as_str().into(),
            ]
        };
        let per_table: [Vec<Vec<Value>>; 5] = [
            vec![document_row(r)],
            item_rows(r),
            attendance_rows(r),
            correction_rows(r),
            problem_rows(r),
        ];
        for (((_, rows), (_, cols)), values) in out.iter_mut().zip(COLUMNS).zip(per_table) {
            for v in values {
                // The document row has its key in place; the others get it first.
                let cells = if cols.len() == v.len() {
                    v
                } else {
                    key().into_iter().chain(v).collect()
                };
                rows.push(cols.iter().map(|(c, _)| *c).zip(cells).collect());
            }
        }
    }
    out
}

/// A cell as a Python object.
pub fn to_py(py: Python<'_>, v: Value) -> PyResult<Py<PyAny>> {
    match v {
        Value::Null => Ok(py.None()),
        Value::Str(s) => s.into_py_any(py),
        Value::Int(n) => n.into_py_any(py),
        Value::Float(x) => x.into_py_any(py),
        Value::Bool(b) => b.into_py_any(py),
    }
}
