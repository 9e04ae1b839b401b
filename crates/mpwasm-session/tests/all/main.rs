//! Integration tests of mpwasm-session against the real guest artifact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod adversarial;
mod replay;
mod resident;
mod snapshot;
mod soft_limits;

use std::sync::OnceLock;

use mpwasm_core::Runtime;

pub fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        Runtime::new().expect("build the artifact first: cargo xtask build-artifact")
    })
}

/// Options with the default limits changed by `set`.
pub fn limited(set: impl FnOnce(&mut mpwasm_core::Limits)) -> mpwasm_core::RunOptions {
    let mut options = mpwasm_core::RunOptions::new();
    set(options.limits_mut());
    options
}

/// The default limits changed by `set`.
pub fn limits(set: impl FnOnce(&mut mpwasm_core::Limits)) -> mpwasm_core::Limits {
    let mut limits = mpwasm_core::Limits::new();
    set(&mut limits);
    limits
}
