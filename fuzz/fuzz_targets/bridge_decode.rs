//! The host bridge's parsers on arbitrary guest bytes: request and response
//! decoding (with round trips), dispatch to typed functions, and `host_call`
//! over arbitrary guest memory. See `checks/bridge.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/bridge.rs"]
mod bridge;

fuzz_target!(|data: &[u8]| {
    bridge::check(data);
});
