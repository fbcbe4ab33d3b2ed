//! Extracts every PDF named on the command line in one process and prints the total
//! number of characters: the extraction-only side of `scripts/bench-extract.sh`.

fn main() {
    let limits = protokoll_pdf::Limits::default();
    let mut chars = 0usize;
    let mut failed = 0usize;
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            failed += 1;
            continue;
        };
        match protokoll_pdf::extract(&bytes, &limits) {
            Ok(ex) => chars += ex.document.to_text().chars().count(),
            Err(_) => failed += 1,
        }
    }
    println!("{chars} characters, {failed} files failed");
}
