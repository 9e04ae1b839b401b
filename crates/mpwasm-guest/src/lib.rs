//! The MicroPython guest of [mpwasm](https://docs.rs/mpwasm-core), as bytes.
//!
//! `micropython-wasi.wasm` is our WASI reactor port of MicroPython, built by
//! `cargo xtask build-artifact` in the mpwasm repository and embedded here
//! at compile time, with the build manifest that records how it was made.
//! `mpwasm-core` uses it by default (its `bundled-guest` feature), so
//! `Runtime::new()` needs no file, no environment variable and no source
//! tree.
//!
//! ```
//! assert!(mpwasm_guest::WASM.starts_with(b"\0asm"));
//! assert_eq!(mpwasm_guest::SHA256.len(), 64);
//! assert!(mpwasm_guest::MANIFEST_JSON.contains(mpwasm_guest::SHA256));
//! assert!(mpwasm_guest::MICROPYTHON_VERSION.starts_with("1."));
//! ```

/// The guest module (`micropython-wasi.wasm`).
pub static WASM: &[u8] = include_bytes!(env!("MPWASM_GUEST_WASM"));

/// SHA-256 of [`WASM`], hex (computed at build time, checked against the
/// manifest).
pub const SHA256: &str = env!("MPWASM_GUEST_SHA256");

/// The build manifest (`manifest.json`): MicroPython version, source,
/// toolchain, flags, post-processing, exports and imports.
pub const MANIFEST_JSON: &str = include_str!(env!("MPWASM_GUEST_MANIFEST"));

/// The MicroPython release the guest was built from, e.g. `1.25.0`.
pub const MICROPYTHON_VERSION: &str = env!("MPWASM_GUEST_MICROPYTHON_VERSION");

/// This crate's README examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
