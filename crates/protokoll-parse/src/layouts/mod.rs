//! The registered layout parsers. Adding one: a file here, a line in [`registry`], a
//! fixture in `fixtures/text/`, a snapshot (see ARCHITECTURE.md and
//! `scripts/new-layout`).

mod numbered;
// The template `scripts/new-layout` copies; compiled and tested, never registered.
#[cfg(test)]
mod scaffold;
mod table;
// new-layout: mod (scripts/new-layout adds modules above this line)

use crate::items::LabelKind;
use crate::LayoutParser;

/// Every layout parser, in a fixed order (ties in fit go to the earlier one).
pub fn registry() -> Vec<Box<dyn LayoutParser>> {
    vec![
        Box::new(table::AgendaTable),
        Box::new(table::NotesForm),
        // new-layout: registry (scripts/new-layout adds parsers above this line; the
        // generic numbered parsers below are the fallbacks)
        Box::new(numbered::Numbered {
            kind: LabelKind::Section,
        }),
        Box::new(numbered::Numbered {
            kind: LabelKind::Number,
        }),
    ]
}
