//! Arbitrary `Limits` (validation, a run, then `Vm::set_limits` and a
//! second run) with programs from a fixed list. See `checks/run.rs`.
#![no_main]

use std::sync::OnceLock;

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
    if let Some(outcome) = run::check_limits(runtime(), data) {
        feedback::record((outcome.kind, &outcome.exception, outcome.fuel_log2));
        feedback::record((outcome.kind, outcome.stdout_log2));
    }
});
