//! Integration tests of mpwasm-session against the real guest artifact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod adversarial;
mod replay;
mod resident;
mod snapshot;

use std::sync::OnceLock;

use mpwasm_core::Runtime;

pub fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        Runtime::new().expect("build the artifact first: cargo xtask build-artifact")
    })
}
