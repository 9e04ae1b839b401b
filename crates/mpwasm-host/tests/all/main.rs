//! Tests of the host bridge without the real MicroPython guest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod abi;
mod fuzz_corpus;
mod linker;
mod properties;
mod protocol;
mod registry;
mod typed;

use mpwasm_host::{HostCall, HostError, HostFunctions};
use serde_json::{Map, Value, json};

/// A request payload as the guest would send it.
pub fn payload(args: Value, kwargs: Value) -> Vec<u8> {
    json!({ "args": args, "kwargs": kwargs })
        .to_string()
        .into_bytes()
}

/// Keyword arguments from a JSON object literal.
pub fn kwargs(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// A registry exercising every kind of outcome.
pub fn sample_functions() -> HostFunctions {
    let mut functions = HostFunctions::new();
    functions
        .register_raw("identity", |_cx, args, kwargs| {
            Ok(json!({ "args": args, "kwargs": kwargs }))
        })
        .unwrap()
        .register("add", |a: i64, b: i64| a + b)
        .unwrap()
        .register("text", |n: usize| "x".repeat(n))
        .unwrap()
        .register("fail", |message: String| -> Result<(), HostError> {
            Err(HostError::value_error(message))
        })
        .unwrap()
        .register("parse", |s: String| -> Result<i32, HostError> {
            Ok(s.parse::<i32>()?)
        })
        .unwrap()
        .register("boom", || -> i32 { panic!("the host function exploded") })
        .unwrap();
    functions
}

/// Guest memory with a name and payload placed at fixed offsets, and the
/// matching `host_call` arguments.
#[derive(Debug)]
pub struct GuestMemory {
    pub bytes: Vec<u8>,
    pub call: HostCall,
}

pub const NAME_AT: usize = 16;
pub const PAYLOAD_AT: usize = 1024;
pub const RESULT_AT: usize = 64 * 1024;

impl GuestMemory {
    /// 128 KiB of memory: name at 16, payload at 1024, result buffer of
    /// `result_cap` bytes at 64 KiB.
    pub fn new(name: &[u8], payload: &[u8], result_cap: i32) -> Self {
        let mut bytes = vec![0; 128 * 1024];
        bytes[NAME_AT..NAME_AT + name.len()].copy_from_slice(name);
        bytes[PAYLOAD_AT..PAYLOAD_AT + payload.len()].copy_from_slice(payload);
        GuestMemory {
            bytes,
            call: HostCall {
                name_ptr: NAME_AT as i32,
                name_len: name.len() as i32,
                payload_ptr: PAYLOAD_AT as i32,
                payload_len: payload.len() as i32,
                result_ptr: RESULT_AT as i32,
                result_cap,
            },
        }
    }

    /// The response of length `len` in the result buffer, as text.
    pub fn result(&self, len: i32) -> &str {
        let len = usize::try_from(len).expect("a failure code, not a length");
        std::str::from_utf8(&self.bytes[RESULT_AT..RESULT_AT + len]).unwrap()
    }

    /// Whether the result buffer is untouched.
    pub fn result_untouched(&self) -> bool {
        self.bytes[RESULT_AT..].iter().all(|&b| b == 0)
    }
}
