//! Tesseract's C API (`capi.h`), loaded at run time: building needs no Tesseract, and a
//! machine without it gets a typed error instead of a binary that cannot start.

use crate::OcrError;
use libloading::Library;
use std::ffi::{c_char, c_float, c_int, c_void, CStr, CString};
use std::sync::OnceLock;

type Handle = *mut c_void;

/// `TessPageIteratorLevel`.
pub const RIL_TEXTLINE: c_int = 2;
pub const RIL_WORD: c_int = 3;
/// `PSM_SINGLE_BLOCK`: the page read as one block of text, lines top to bottom. On the
/// dev corpus's real scans it keeps list numbers with their headings where automatic
/// segmentation splits a number column off (TGDK 2020: items 1.00 against 0.60).
const PSM_SINGLE_BLOCK: &str = "6";
/// `PSM_AUTO`: page segmentation without orientation detection, as the `tesseract`
/// command uses; it finds the text of a page that is mostly blank, where a single
/// block finds none.
const PSM_AUTO: &str = "3";

/// Page segmentation mode 7: the image is one line of text (a cell cut out of a page).
const PSM_SINGLE_LINE: &str = "7";

/// Page segmentation: see [`PSM_SINGLE_BLOCK`] and [`PSM_AUTO`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageMode {
    /// One block of text.
    SingleBlock,
    /// Tesseract's own layout analysis.
    Auto,
    /// One line of text.
    SingleLine,
}

/// A page-iterator call that fills four corners at a level (a box, or a baseline's
/// two ends) and says whether there was one.
type Corners =
    unsafe extern "C" fn(Handle, c_int, *mut c_int, *mut c_int, *mut c_int, *mut c_int) -> c_int;

/// The entry points used, copied out of the library (which is never unloaded).
pub struct Api {
    _lib: Library,
    create: unsafe extern "C" fn() -> Handle,
    delete: unsafe extern "C" fn(Handle),
    init3: unsafe extern "C" fn(Handle, *const c_char, *const c_char) -> c_int,
    end: unsafe extern "C" fn(Handle),
    clear: unsafe extern "C" fn(Handle),
    set_variable: unsafe extern "C" fn(Handle, *const c_char, *const c_char) -> c_int,
    set_image: unsafe extern "C" fn(Handle, *const u8, c_int, c_int, c_int, c_int),
    set_resolution: unsafe extern "C" fn(Handle, c_int),
    recognize: unsafe extern "C" fn(Handle, Handle) -> c_int,
    get_iterator: unsafe extern "C" fn(Handle) -> Handle,
    ri_page: unsafe extern "C" fn(Handle) -> Handle,
    ri_next: unsafe extern "C" fn(Handle, c_int) -> c_int,
    ri_text: unsafe extern "C" fn(Handle, c_int) -> *mut c_char,
    ri_confidence: unsafe extern "C" fn(Handle, c_int) -> c_float,
    ri_delete: unsafe extern "C" fn(Handle),
    pi_box: Corners,
    pi_baseline: Corners,
    delete_text: unsafe extern "C" fn(*const c_char),
    monitor_create: unsafe extern "C" fn() -> Handle,
    monitor_deadline: unsafe extern "C" fn(Handle, c_int),
    monitor_delete: unsafe extern "C" fn(Handle),
}

/// Library names tried in turn (Debian/Ubuntu ship the versioned one without -dev).
const NAMES: [&str; 4] = [
    "libtesseract.so.5",
    "libtesseract.so",
    "libtesseract.5.dylib",
    "libtesseract.dylib",
];

/// The loaded library, or why it could not be loaded (tried once per process).
pub fn api() -> Result<&'static Api, OcrError> {
    static API: OnceLock<Result<Api, String>> = OnceLock::new();
    API.get_or_init(load)
        .as_ref()
        .map_err(|e| OcrError::Unavailable(e.clone()))
}

fn load() -> Result<Api, String> {
    // The first name's error is the one to show: the later names are other systems'
    // ("libtesseract.dylib" on Linux says nothing useful).
    let mut first = None;
    for name in NAMES {
        // SAFETY: loading runs the library's initialisers; libtesseract's are its C++
        // static constructors, which have no preconditions.
        match unsafe { Library::new(name) } {
            Ok(lib) => return symbols(lib).map_err(|e| format!("{name}: {e}")),
            Err(e) => {
                first.get_or_insert_with(|| e.to_string());
            }
        }
    }
    Err(format!(
        "libtesseract not found (tried {}: {})",
        NAMES.join(", "),
        first.unwrap_or_default()
    ))
}

fn symbols(lib: Library) -> Result<Api, libloading::Error> {
    // SAFETY: each symbol is declared with the signature capi.h gives it (Tesseract
    // 4 and 5); the pointers stay valid because the library is kept in `Api`.
    unsafe {
        macro_rules! sym {
            ($name:literal) => {
                *lib.get(concat!($name, "\0").as_bytes())?
            };
        }
        Ok(Api {
            create: sym!("TessBaseAPICreate"),
            delete: sym!("TessBaseAPIDelete"),
            init3: sym!("TessBaseAPIInit3"),
            end: sym!("TessBaseAPIEnd"),
            clear: sym!("TessBaseAPIClear"),
            set_variable: sym!("TessBaseAPISetVariable"),
            set_image: sym!("TessBaseAPISetImage"),
            set_resolution: sym!("TessBaseAPISetSourceResolution"),
            recognize: sym!("TessBaseAPIRecognize"),
            get_iterator: sym!("TessBaseAPIGetIterator"),
            ri_page: sym!("TessResultIteratorGetPageIterator"),
            ri_next: sym!("TessResultIteratorNext"),
            ri_text: sym!("TessResultIteratorGetUTF8Text"),
            ri_confidence: sym!("TessResultIteratorConfidence"),
            ri_delete: sym!("TessResultIteratorDelete"),
            pi_box: sym!("TessPageIteratorBoundingBox"),
            pi_baseline: sym!("TessPageIteratorBaseline"),
            delete_text: sym!("TessDeleteText"),
            monitor_create: sym!("TessMonitorCreate"),
            monitor_deadline: sym!("TessMonitorSetDeadlineMSecs"),
            monitor_delete: sym!("TessMonitorDelete"),
            _lib: lib,
        })
    }
}

/// One initialised `TessBaseAPI` (a language model loaded). Not shared across threads.
pub struct Engine {
    api: &'static Api,
    handle: Handle,
}

/// A word as Tesseract reports it, in pixels of the image given.
#[derive(Debug, Clone, PartialEq)]
pub struct RawWord {
    pub text: String,
    /// 0-100.
    pub confidence: f32,
    /// left, top, right, bottom.
    pub bbox: [i32; 4],
    /// The word's text line: its baseline (x1, y1, x2, y2) and its box.
    pub line_baseline: Option<[i32; 4]>,
    pub line_box: Option<[i32; 4]>,
}

impl Engine {
    /// Creates an engine for `lang` with models from `datapath` (None: Tesseract's own
    /// default, or `TESSDATA_PREFIX`).
    pub fn new(datapath: Option<&str>, lang: &str) -> Result<Engine, OcrError> {
        let api = api()?;
        let bad = |what: &str| OcrError::Failed(format!("{what} holds a NUL byte"));
        let lang_c = CString::new(lang).map_err(|_| bad("the language"))?;
        let path_c = datapath
            .map(CString::new)
            .transpose()
            .map_err(|_| bad("the model path"))?;
        // SAFETY: `create` has no preconditions; a null handle is checked.
        let handle = unsafe { (api.create)() };
        if handle.is_null() {
            return Err(OcrError::Failed("TessBaseAPICreate failed".into()));
        }
        let engine = Engine { api, handle };
        let path_ptr = path_c.as_ref().map_or(std::ptr::null(), |p| p.as_ptr());
        // SAFETY: a live handle and NUL-terminated strings that outlive the call.
        let rc = unsafe { (api.init3)(handle, path_ptr, lang_c.as_ptr()) };
        if rc != 0 {
            return Err(OcrError::ModelMissing(lang.to_string()));
        }
        // Quiet: Tesseract otherwise prints resolution and diagnostics on stderr.
        engine.set("debug_file", "/dev/null");
        engine.set_page_mode(PageMode::SingleBlock);
        Ok(engine)
    }

    /// How the next recognition segments the page.
    pub fn set_page_mode(&self, mode: PageMode) {
        let psm = match mode {
            PageMode::SingleBlock => PSM_SINGLE_BLOCK,
            PageMode::Auto => PSM_AUTO,
            PageMode::SingleLine => PSM_SINGLE_LINE,
        };
        self.set("tessedit_pageseg_mode", psm);
    }

    fn set(&self, name: &str, value: &str) {
        if let (Ok(n), Ok(v)) = (CString::new(name), CString::new(value)) {
            // SAFETY: a live handle and NUL-terminated strings.
            unsafe { (self.api.set_variable)(self.handle, n.as_ptr(), v.as_ptr()) };
        }
    }

    /// Recognises an 8-bit grey image; `deadline_ms` bounds the recognition.
    pub fn recognize(
        &mut self,
        grey: &[u8],
        width: u32,
        height: u32,
        dpi: u32,
        deadline_ms: u32,
    ) -> Result<Vec<RawWord>, OcrError> {
        let (Ok(w), Ok(h)) = (c_int::try_from(width), c_int::try_from(height)) else {
            return Err(OcrError::Failed("image too large".into()));
        };
        if w == 0 || h == 0 || grey.len() < (width as usize).saturating_mul(height as usize) {
            return Err(OcrError::Failed("image data shorter than its size".into()));
        }
        let api = self.api;
        let start = std::time::Instant::now();
        // SAFETY: `grey` holds w×h bytes, one per pixel, rows of w bytes, and lives
        // through recognition (Tesseract copies it into its own image anyway).
        let rc = unsafe {
            (api.set_image)(self.handle, grey.as_ptr(), w, h, 1, w);
            (api.set_resolution)(self.handle, dpi.clamp(70, 1200) as c_int);
            let monitor = (api.monitor_create)();
            if !monitor.is_null() {
                (api.monitor_deadline)(monitor, deadline_ms.min(i32::MAX as u32) as c_int);
            }
            let rc = (api.recognize)(self.handle, monitor);
            if !monitor.is_null() {
                (api.monitor_delete)(monitor);
            }
            rc
        };
        if start.elapsed().as_millis() >= u128::from(deadline_ms) {
            // SAFETY: a live handle.
            unsafe { (api.clear)(self.handle) };
            return Err(OcrError::Timeout(deadline_ms / 1000));
        }
        if rc != 0 {
            // SAFETY: a live handle.
            unsafe { (api.clear)(self.handle) };
            return Err(OcrError::Failed(format!("recognition failed ({rc})")));
        }
        let words = self.words();
        // SAFETY: a live handle; frees the page's results.
        unsafe { (api.clear)(self.handle) };
        Ok(words)
    }

    fn words(&mut self) -> Vec<RawWord> {
        let api = self.api;
        let mut out = Vec::new();
        // SAFETY: after a successful Recognize the iterator (possibly null: no text)
        // walks the results; the page iterator is a view of it, not owned; text
        // returned by GetUTF8Text is freed with TessDeleteText; the iterator is deleted.
        unsafe {
            let it = (api.get_iterator)(self.handle);
            if it.is_null() {
                return out;
            }
            let pi = (api.ri_page)(it);
            loop {
                let word_box = corners(api.pi_box, pi, RIL_WORD);
                let ptr = (api.ri_text)(it, RIL_WORD);
                let text = if ptr.is_null() {
                    String::new()
                } else {
                    let t = CStr::from_ptr(ptr).to_string_lossy().trim().to_string();
                    (api.delete_text)(ptr);
                    t
                };
                if let (Some(b), false) = (word_box, text.is_empty()) {
                    let line_baseline = corners(api.pi_baseline, pi, RIL_TEXTLINE);
                    let line_box = corners(api.pi_box, pi, RIL_TEXTLINE);
                    out.push(RawWord {
                        text,
                        confidence: (api.ri_confidence)(it, RIL_WORD),
                        bbox: b,
                        line_baseline,
                        line_box,
                    });
                }
                if (api.ri_next)(it, RIL_WORD) == 0 {
                    break;
                }
            }
            (api.ri_delete)(it);
        }
        out
    }
}

/// Four corners from `f` at `level`, if the iterator has them there.
///
/// # Safety
/// `pi` is a live page iterator and `f` one of its four-corner calls.
unsafe fn corners(f: Corners, pi: Handle, level: c_int) -> Option<[c_int; 4]> {
    let mut c = [0 as c_int; 4];
    let [a, b, d, e] = &mut c;
    // SAFETY: the caller's contract; the four pointers are to live locals.
    let found = unsafe { f(pi, level, a, b, d, e) } != 0;
    found.then_some(c)
}

impl Drop for Engine {
    fn drop(&mut self) {
        // SAFETY: the handle is live and dropped once.
        unsafe {
            (self.api.end)(self.handle);
            (self.api.delete)(self.handle);
        }
    }
}
