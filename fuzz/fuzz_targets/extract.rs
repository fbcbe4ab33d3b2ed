//! PDF bytes → `Document`: no panic, no hang (libFuzzer's -timeout catches a run past
//! the budget), whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use protokoll_model::Budget;
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let limits = protokoll_pdf::Limits::default();
    let budget = Budget::new(Duration::from_secs(2));
    if let Ok(ex) = protokoll_pdf::extract_within(data, &limits, &budget) {
        let _ = ex.document.to_text();
    }
});
