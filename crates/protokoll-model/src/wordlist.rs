//! Word lists kept as data (`data/*.txt` of the stages' crates), in one format: `[name]`
//! opens a list, every other line is an entry, and a `#` at a line's start or after a
//! space starts a comment. The stages parse their files once, on first use.

/// One `[name]` list of a data file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The name between the brackets.
    pub name: &'static str,
    /// Its entries, in file order, comments and blank lines left out.
    pub entries: Vec<&'static str>,
}

/// A data file's lists, in file order.
pub type Sections = Vec<Section>;

/// The lists of a data file.
pub fn sections(text: &'static str) -> Sections {
    let mut out: Sections = Vec::new();
    for line in text.lines() {
        let line = match line.find('#') {
            Some(0) => "",
            Some(i)
                if line
                    .get(..i)
                    .is_some_and(|b| b.ends_with(char::is_whitespace)) =>
            {
                line.get(..i).unwrap_or("")
            }
            _ => line,
        }
        .trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push(Section {
                name,
                entries: Vec::new(),
            });
        } else if let Some(section) = out.last_mut() {
            section.entries.push(line);
        }
    }
    out
}

/// The entries of list `name` (none where the file lacks it; each stage's tests check
/// that its lists have entries).
pub fn list(all: &Sections, name: &str) -> Vec<&'static str> {
    all.iter()
        .find(|s| s.name == name)
        .map(|s| s.entries.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_comments_and_entries() {
        let all = sections("# head\n[a]\nx  # note\ny#z\n\n[b]\n# none\nw\n");
        assert_eq!(list(&all, "a"), ["x", "y#z"]);
        assert_eq!(list(&all, "b"), ["w"]);
        assert!(list(&all, "c").is_empty());
    }
}
