//! Outcome feedback for targets that run the guest.
//!
//! The guest is JIT-compiled Wasm, which libFuzzer's instrumentation does
//! not see: without help, Python inputs that behave differently look the
//! same. libFuzzer also reads the `__libfuzzer_extra_counters` section as
//! coverage, so each coarse outcome (error kind, exception type, log2 of the
//! fuel used and of the output length) bumps a counter of its own there.

use std::hash::{DefaultHasher, Hash, Hasher};

const COUNTERS: usize = 1 << 14;

#[used]
#[unsafe(link_section = "__libfuzzer_extra_counters")]
static mut EXTRA_COUNTERS: [u8; COUNTERS] = [0; COUNTERS];

/// Records one feature: any hashable value describing what the input did.
pub fn record(feature: impl Hash) {
    let mut hasher = DefaultHasher::new();
    feature.hash(&mut hasher);
    let index = (hasher.finish() % COUNTERS as u64) as usize;
    // SAFETY: libFuzzer reads the counters between inputs on this thread;
    // nothing else writes them.
    unsafe {
        let counters = &raw mut EXTRA_COUNTERS;
        let counter = &mut (*counters)[index];
        *counter = counter.wrapping_add(1);
    }
}
