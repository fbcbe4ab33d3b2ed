//! The document's pages in reading order, from its page tree, surviving broken trees.
//!
//! lopdf's own walk gives up on a tree that loops (a `/Kids` entry naming the node
//! itself or an ancestor) and returns no pages, so a file whose only fault is one bad
//! reference lost all its text. Here a node that names one of its ancestors is
//! skipped (and noted), and the pages around it are kept, as pdftotext does. A node
//! named twice without a loop (a shared subtree) is read twice, as viewers do, up to
//! a bound on the walk's steps (sharing can double the pages at every level).
//! Where the tree yields nothing at all (no `/Pages` in the catalog, say), the page
//! objects are taken in the order they are numbered.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Nesting deeper than this is no page tree (real ones are a few levels deep).
const MAX_DEPTH: usize = 256;

/// Kids looked at, at most, over the whole walk.
const MAX_STEPS: usize = 1 << 20;

/// The pages found, and what was wrong with the tree, if anything.
#[derive(Debug, Default)]
pub struct PageList {
    /// Page objects in reading order.
    pub ids: Vec<ObjectId>,
    /// What was wrong with the page tree, for a person (`None`: nothing).
    pub broken: Option<String>,
}

/// The pages of `doc`.
pub fn pages(doc: &Document) -> PageList {
    let mut walk = Walk {
        doc,
        out: PageList::default(),
    };
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok());
    if let Some(root) = root {
        walk.node(root);
    }
    if walk.out.ids.is_empty() {
        let found = page_objects(doc);
        if !found.is_empty() {
            let why =
                (walk.out.broken.take()).unwrap_or_else(|| "the page tree names no page".into());
            walk.out.broken = Some(format!(
                "{why}; {} page objects were read in object order",
                found.len()
            ));
            walk.out.ids = found;
        }
    }
    walk.out
}

struct Walk<'a> {
    doc: &'a Document,
    out: PageList,
}

impl Walk<'_> {
    /// Walks the tree from the `/Pages` node `root`, depth first, without recursion.
    fn node(&mut self, root: ObjectId) {
        let doc = self.doc;
        // The nodes being read, each with the kids of it not yet looked at.
        let mut stack: Vec<(ObjectId, std::slice::Iter<'_, Object>)> =
            vec![(root, kids_of(doc, root).iter())];
        let mut steps = 0;
        while let Some((_, top)) = stack.last_mut() {
            let Some(kid) = top.next() else {
                stack.pop();
                continue;
            };
            steps += 1;
            if steps > MAX_STEPS {
                self.note(format!(
                    "the page tree takes over {MAX_STEPS} steps to read (subtrees named \
                     many times over); the rest was not read"
                ));
                break;
            }
            let Ok(id) = kid.as_reference() else {
                continue;
            };
            match doc.get_dictionary(id).and_then(Dictionary::get_type) {
                Ok(b"Page") => self.out.ids.push(id),
                Ok(b"Pages") if stack.iter().any(|(n, _)| *n == id) => {
                    self.note(format!(
                        "the page tree loops (object {} {} names itself or a node above \
                         it); the loop was not followed",
                        id.0, id.1
                    ));
                }
                Ok(b"Pages") if stack.len() >= MAX_DEPTH => {
                    self.note(format!(
                        "the page tree is nested over {MAX_DEPTH} levels deep; the deeper \
                         pages were not read"
                    ));
                }
                Ok(b"Pages") => stack.push((id, kids_of(doc, id).iter())),
                Ok(_) => {}
                // A kid that cannot be read as a dictionary keeps its place as a blank
                // page (as lopdf and MuPDF do), so the page count is the document's.
                Err(_) => self.out.ids.push(id),
            }
        }
    }

    /// Keeps the first thing found wrong (the one a person should look at first).
    fn note(&mut self, what: String) {
        self.out.broken.get_or_insert(what);
    }
}

/// A `/Pages` node's kids (empty when it has none that can be read).
fn kids_of(doc: &Document, id: ObjectId) -> &[Object] {
    doc.get_dictionary(id)
        .and_then(|d| d.get_deref(b"Kids", doc))
        .and_then(Object::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Every dictionary of `/Type /Page`, in object-number order.
fn page_objects(doc: &Document) -> Vec<ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict()
                .and_then(Dictionary::get_type)
                .is_ok_and(|t| t == b"Page")
        })
        .map(|(id, _)| *id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A document whose catalog's `/Pages` is object 2; `nodes` are its objects.
    fn doc(nodes: Vec<(u32, Dictionary)>) -> Document {
        let mut d = Document::with_version("1.7");
        for (n, dict) in nodes {
            d.objects.insert((n, 0), Object::Dictionary(dict));
        }
        d.objects.insert(
            (1, 0),
            Object::Dictionary(dictionary! { "Type" => "Catalog", "Pages" => (2, 0) }),
        );
        d.trailer.set("Root", (1, 0));
        d
    }

    fn page() -> Dictionary {
        dictionary! { "Type" => "Page" }
    }

    fn node(kids: &[u32]) -> Dictionary {
        let kids: Vec<Object> = kids.iter().map(|&k| Object::Reference((k, 0))).collect();
        dictionary! { "Type" => "Pages", "Kids" => kids }
    }

    fn numbers(p: &PageList) -> Vec<u32> {
        p.ids.iter().map(|id| id.0).collect()
    }

    #[test]
    fn a_sound_tree_is_read_in_order() {
        let d = doc(vec![
            (2, node(&[3, 4, 6])),
            (3, page()),
            (4, node(&[5])),
            (5, page()),
            (6, page()),
        ]);
        let p = pages(&d);
        assert_eq!(numbers(&p), [3, 5, 6]);
        assert_eq!(p.broken, None);
        // The same pages as lopdf's own walk on a sound tree.
        let theirs: Vec<u32> = d.get_pages().values().map(|id| id.0).collect();
        assert_eq!(numbers(&p), theirs);
    }

    #[test]
    fn a_node_that_names_itself_keeps_the_pages_beside_it() {
        let d = doc(vec![(2, node(&[2, 3])), (3, page())]);
        assert!(d.get_pages().is_empty(), "lopdf gives up on this tree");
        let p = pages(&d);
        assert_eq!(numbers(&p), [3]);
        assert!(p.broken.is_some_and(|b| b.contains("loops")));
    }

    #[test]
    fn a_loop_through_a_child_is_read_once() {
        // 2 → [6, 3], 6 → [2]: the pages of 2 are read once.
        let d = doc(vec![(2, node(&[6, 3])), (6, node(&[2])), (3, page())]);
        let p = pages(&d);
        assert_eq!(numbers(&p), [3]);
        assert!(p.broken.is_some());
    }

    #[test]
    fn a_shared_subtree_is_read_each_time_it_is_named() {
        // pdfium's "no page count" test file: 2 → [3, 3], 3 → [4, 4, 4].
        let d = doc(vec![(2, node(&[3, 3])), (3, node(&[4, 4, 4])), (4, page())]);
        let p = pages(&d);
        assert_eq!(numbers(&p), [4; 6]);
        assert_eq!(p.broken, None);
    }

    #[test]
    fn a_tree_shared_at_every_level_stops_at_the_step_limit() {
        // 40 levels, each naming the next twice: 2^40 pages if followed.
        let mut nodes: Vec<(u32, Dictionary)> =
            (2..42).map(|n| (n, node(&[n + 1, n + 1]))).collect();
        nodes.push((42, page()));
        let p = pages(&doc(nodes));
        assert!(p.ids.len() <= MAX_STEPS);
        assert!(p.broken.is_some_and(|b| b.contains("steps")));
    }

    #[test]
    fn a_tree_that_names_no_page_gives_the_page_objects() {
        let mut d = doc(vec![(2, node(&[])), (7, page()), (5, page())]);
        d.objects.insert((9, 0), Object::Integer(1));
        let p = pages(&d);
        assert_eq!(numbers(&p), [5, 7]);
        assert!(p.broken.is_some_and(|b| b.contains("object order")));
    }

    #[test]
    fn deep_nesting_stops_at_the_limit() {
        // A chain of 1,000 nodes, each the parent of the next, with a page at its end.
        let mut nodes: Vec<(u32, Dictionary)> = (2..1002).map(|n| (n, node(&[n + 1]))).collect();
        nodes.push((1002, page()));
        let p = pages(&doc(nodes));
        // The page beyond the limit is not reached; the fallback finds it.
        assert_eq!(numbers(&p), [1002]);
        assert!(p.broken.is_some_and(|b| b.contains("object order")));
    }
}
