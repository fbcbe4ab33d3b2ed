//! `protokoll` for Python: the command line's pipeline (`protokoll-pipeline`) behind a
//! few functions. No logic of its own: a record is the one `protokoll ingest` writes
//! for the same file, serialised by the same serde_json call and read back with
//! `json.loads`; the tables are flat views of those records.

mod flat;

use protokoll_model::record::Record;
use protokoll_pipeline as pipeline;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::path::PathBuf;

pyo3::create_exception!(
    protokoll,
    ExtractError,
    pyo3::exceptions::PyException,
    "A document that gave no text to `extract` (the errors its record would carry)."
);

/// What the first argument names: a file, or a file's bytes.
enum Input {
    Path(PathBuf),
    Bytes(Vec<u8>),
}

impl Input {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(b) = obj.cast::<pyo3::types::PyByteArray>() {
            return Ok(Input::Bytes(b.to_vec()));
        }
        obj.extract::<PathBuf>().map(Input::Path).map_err(|_| {
            PyTypeError::new_err(format!(
                "path_or_bytes takes a str, os.PathLike or bytes, not {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })
    }

    /// The path as records show it: as given (as `ingest` shows a path it was given),
    /// or `display` for bytes.
    fn display(&self, display: Option<String>) -> String {
        match (display, self) {
            (Some(d), _) => d,
            (None, Input::Path(p)) => p.to_string_lossy().into_owned(),
            (None, Input::Bytes(_)) => "<bytes>".to_string(),
        }
    }
}

/// `ingest`'s options from the keyword arguments, checked as the command line checks
/// its flags.
fn options(repair: bool, ocr: &str, timeout: f64) -> PyResult<pipeline::Options> {
    let ocr: pipeline::OcrMode = ocr.parse().map_err(PyValueError::new_err)?;
    let time = std::time::Duration::try_from_secs_f64(timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| PyValueError::new_err("timeout takes a positive number of seconds"))?;
    Ok(pipeline::Options {
        repair,
        limits: protokoll_pdf::Limits {
            time,
            ..protokoll_pdf::Limits::default()
        },
        ocr,
        ..pipeline::Options::default()
    })
}

/// The record of one input, with the GIL released while it is made.
fn record_of(py: Python<'_>, input: Input, display: &str, opts: &pipeline::Options) -> Record {
    py.detach(|| match input {
        Input::Path(p) => pipeline::ingest_record(&p, display, opts),
        Input::Bytes(b) => {
            let format = pipeline::format_of(std::path::Path::new(display), &b);
            pipeline::ingest_record_bytes(b, format, display, opts)
        }
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
}

fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// The record `protokoll ingest` writes for one file, as a JSON string (the line
/// without its newline): byte for byte what the command line gives.
#[pyfunction]
#[pyo3(signature = (path_or_bytes, *, repair=true, ocr="auto", timeout=8.0, display=None))]
fn process_json(
    py: Python<'_>,
    path_or_bytes: &Bound<'_, PyAny>,
    repair: bool,
    ocr: &str,
    timeout: f64,
    display: Option<String>,
) -> PyResult<String> {
    let opts = options(repair, ocr, timeout)?;
    let input = Input::from_py(path_or_bytes)?;
    let display = input.display(display);
    to_json(&record_of(py, input, &display, &opts))
}

/// The record `protokoll ingest` writes for one file, as a dict. A file that cannot
/// be read gives an error record (status "error"), as the command line does.
#[pyfunction]
#[pyo3(signature = (path_or_bytes, *, repair=true, ocr="auto", timeout=8.0, display=None))]
fn process<'py>(
    py: Python<'py>,
    path_or_bytes: &Bound<'_, PyAny>,
    repair: bool,
    ocr: &str,
    timeout: f64,
    display: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let line = process_json(py, path_or_bytes, repair, ocr, timeout, display)?;
    json_loads(py, &line)
}

/// A document's text in reading order, pages separated by form feeds, as
/// `protokoll extract` prints it (`raw`: before any repair). Missing text is said
/// with a `UserWarning`; a document that gives no text raises `ExtractError`.
#[pyfunction]
#[pyo3(signature = (path_or_bytes, raw=false, *, ocr="auto"))]
fn extract(
    py: Python<'_>,
    path_or_bytes: &Bound<'_, PyAny>,
    raw: bool,
    ocr: &str,
) -> PyResult<String> {
    let opts = options(
        !raw,
        ocr,
        protokoll_pdf::Limits::default().time.as_secs_f64(),
    )?;
    let input = Input::from_py(path_or_bytes)?;
    let display = input.display(None);
    let result = py.detach(|| match input {
        Input::Path(p) => pipeline::extract(&p, &display, &opts),
        Input::Bytes(b) => {
            let format = pipeline::format_of(std::path::Path::new(""), &b);
            pipeline::extract_bytes(b, format, &display, &opts)
        }
    });
    let warn = |notes: &[protokoll_model::record::Problem]| -> PyResult<()> {
        let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
        for n in notes {
            let msg = std::ffi::CString::new(format!("{display}: {}: {}", n.code, n.message))
                .unwrap_or_default();
            PyErr::warn(py, &category, &msg, 1)?;
        }
        Ok(())
    };
    match result {
        Ok(ex) => {
            warn(&ex.notes)?;
            Ok(py.detach(|| ex.document.to_text()))
        }
        Err(e) => {
            warn(&e.notes)?;
            Err(ExtractError::new_err(e.to_string()))
        }
    }
}

/// The JSON Schema of a record (`protokoll schema`), as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let schema = schemars::schema_for!(Record);
    json_loads(py, &to_json(&schema)?)
}

/// Records (dicts as `process` gives them, or JSON lines) as flat tables: a dict of
/// table name to a list of rows, each a dict with the columns of `TABLE_COLUMNS`, so
/// `pyarrow.Table.from_pylist` and `pandas.DataFrame` take them as they are.
#[pyfunction]
fn tables<'py>(py: Python<'py>, records: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let json = py.import("json")?;
    let mut parsed: Vec<Record> = Vec::new();
    for (i, item) in records.try_iter()?.enumerate() {
        let item = item?;
        let text: String = if item.is_instance_of::<pyo3::types::PyString>() {
            item.extract()?
        } else if item.is_instance_of::<PyDict>() {
            json.call_method1("dumps", (item,))?.extract()?
        } else {
            return Err(PyTypeError::new_err(format!(
                "record {i} is neither a dict nor a JSON string"
            )));
        };
        let r: Record = serde_json::from_str(&text)
            .map_err(|e| PyValueError::new_err(format!("record {i} is not a record: {e}")))?;
        parsed.push(r);
    }
    let out = PyDict::new(py);
    for (name, rows) in flat::tables(&parsed) {
        let list = PyList::empty(py);
        for row in rows {
            let d = PyDict::new(py);
            for (col, value) in row {
                d.set_item(col, flat::to_py(py, value)?)?;
            }
            list.append(d)?;
        }
        out.set_item(name, list)?;
    }
    Ok(out)
}

/// `TABLE_COLUMNS`: each table's columns and their types ("string", "int64",
/// "float64", "bool"; every column may be None), for typed Arrow schemas.
fn table_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (name, cols) in flat::COLUMNS {
        let list = PyList::empty(py);
        for (col, ty) in *cols {
            list.append((*col, ty.name()))?;
        }
        out.set_item(*name, list)?;
    }
    Ok(out)
}

/// The module: Swedish meeting minutes (PDF or text) to JSON records.
#[pymodule]
fn protokoll(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // One OpenMP thread per Tesseract call, as the command line sets: pages are OCR'd
    // in parallel already. Set before libtesseract is loaded, at import.
    if std::env::var_os("OMP_THREAD_LIMIT").is_none() {
        std::env::set_var("OMP_THREAD_LIMIT", "1");
    }
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", protokoll_model::record::SCHEMA_VERSION)?;
    m.add("TABLE_COLUMNS", table_columns(m.py())?)?;
    m.add("ExtractError", m.py().get_type::<ExtractError>())?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(process_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    Ok(())
}
