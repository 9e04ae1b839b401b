//! Arbitrary bytes run as Python source (lossy UTF-8) in the sandbox under
//! tight limits, with host functions registered. See `checks/run.rs`.
#![no_main]

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use libfuzzer_sys::fuzz_target;
use mpwasm_core::Runtime;

mod feedback;
#[path = "../checks/run.rs"]
mod run;

fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| match Runtime::builder().max_instances(4).build() {
        Ok(runtime) => runtime,
        Err(e) => panic!("cannot build the runtime (is the artifact built?): {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    static RUNS: AtomicU64 = AtomicU64::new(0);
    let runtime = runtime();
    let outcome = run::check_source(runtime, data);
    feedback::record((outcome.kind, &outcome.exception));
    feedback::record((outcome.kind, outcome.fuel_log2));
    feedback::record((outcome.kind, &outcome.exception, outcome.stdout_log2));
    if RUNS.fetch_add(1, Ordering::Relaxed) % 64 == 63 {
        run::check_runtime_still_works(runtime);
    }
});
