//! HTML escaping and `file:` links.

use std::path::{Component, Path, PathBuf};

/// `s` safe as HTML text and as a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than whitespace are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `path` with `.` and `..` resolved without touching the file system (a missing file
/// still gets a clean link).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

/// A `file://` URL of an absolute path, bytes outside the unreserved set and `/`
/// percent-encoded (spaces, `#`, `?`, `%` and non-ASCII letters stay part of the path).
pub fn file_url(path: &Path, page: Option<u32>) -> String {
    let mut url = String::from("file://");
    let text = path.to_string_lossy();
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    if let Some(p) = page {
        url.push_str(&format!("#page={p}"));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>\u{0}"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;\u{fffd}"
        );
        assert_eq!(escape("Åsa Öberg"), "Åsa Öberg");
    }

    #[test]
    fn file_urls_encode_what_a_path_may_hold() {
        let p = normalize(Path::new("/a/b/../c d/#1 ö.pdf"));
        assert_eq!(
            file_url(&p, Some(3)),
            "file:///a/c%20d/%231%20%C3%B6.pdf#page=3"
        );
        assert_eq!(file_url(Path::new("/x.pdf"), None), "file:///x.pdf");
    }
}
