//! The check behind the `bridge_decode` fuzz target, shared with the
//! corpus replay in `crates/mpwasm-host/tests/all/fuzz_corpus.rs`.
//!
//! Everything here takes bytes the guest controls: the request payload, the
//! function name, and the `host_call` arguments over guest memory. A panic
//! is a finding; so is a broken round trip or a response the guest could not
//! decode.

use mpwasm_host::{
    Bridge, BridgeConfig, CallFailure, HostCall, HostError, HostFunctions, Response,
    decode_request, decode_response, encode_request, encode_response,
};
use serde::Deserialize;
use serde_json::{Value, json};

/// Names the check dispatches to: every registered one plus unknown ones
/// (including an empty name and one that is not a valid identifier).
pub const NAMES: &[&str] = &[
    "identity", "add", "text", "fail", "internal", "point", "mixed", "nope", "", "a b",
];

/// The largest string `text` builds: host functions must bound what guest
/// arguments make them allocate.
const MAX_TEXT: usize = 4096;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Point {
    x: f64,
    y: f64,
    label: Option<String>,
}

/// A registry covering the typed argument paths: raw JSON, positional
/// integers, sizes, strings, errors (guest-visible and internal), named
/// parameters with a struct, and mixed optional types. No function panics:
/// libFuzzer's panic hook aborts even on panics the bridge would catch.
pub fn functions() -> HostFunctions {
    let mut functions = HostFunctions::new();
    let result = functions
        .register_raw("identity", |_cx, args, kwargs| {
            Ok(json!({ "args": args, "kwargs": kwargs }))
        })
        .and_then(|f| f.register("add", |a: i64, b: i64| a.wrapping_add(b)))
        .and_then(|f| {
            f.register("text", |n: usize| -> Result<String, HostError> {
                if n > MAX_TEXT {
                    return Err(HostError::value_error("too long"));
                }
                Ok("x".repeat(n))
            })
        })
        .and_then(|f| {
            f.register("fail", |message: String| -> Result<(), HostError> {
                Err(HostError::value_error(message))
            })
        })
        .and_then(|f| {
            f.register("internal", |s: String| -> Result<i32, HostError> {
                Ok(s.parse::<i32>()?)
            })
        })
        .and_then(|f| {
            f.register_with_params("point", &["x", "y"], |p: Point| json!([p.x + p.y, p.label]))
        })
        .and_then(|f| {
            f.register(
                "mixed",
                |a: Option<String>, b: Vec<f64>, c: Option<bool>, d: (u8, char)| {
                    json!([a, b.len(), c, d.0, d.1.to_string()])
                },
            )
        });
    if let Err(e) = result {
        panic!("registering the fuzz functions failed: {e}");
    }
    functions
}

/// Runs every bridge-side parser on `data` and checks the properties that
/// must hold for any input.
pub fn check(data: &[u8]) {
    check_decode_request(data);
    check_decode_response(data);
    check_dispatch(data);
    check_handle_call(data);
}

/// `decode_request` never panics; what decodes survives a round trip, and
/// every failure is a guest-visible error.
pub fn check_decode_request(data: &[u8]) {
    match decode_request(data) {
        Ok(request) => {
            let encoded = encode_request(&request);
            assert_eq!(
                decode_request(encoded.as_bytes()),
                Ok(request),
                "request round trip through {encoded}"
            );
        }
        Err(error) => {
            let host_error = error.to_host_error();
            assert!(!host_error.is_internal(), "{error:?} is internal");
            assert!(!error.to_string().is_empty());
            let message = host_error.guest_message("f");
            assert!(
                message.starts_with("ValueError: ") || message.starts_with("TypeError: "),
                "{message}"
            );
        }
    }
}

/// `decode_response` never panics, and what decodes survives a round trip.
pub fn check_decode_response(data: &[u8]) {
    if let Ok(response) = decode_response(data) {
        let encoded = encode_response(&response);
        assert_eq!(
            decode_response(encoded.as_bytes()),
            Ok(response),
            "response round trip through {encoded}"
        );
    }
}

/// `dispatch` with the first byte choosing the name and the rest as the
/// payload: the response always round-trips, undecodable payloads and
/// unknown names are errors without a call, and only the function built to
/// fail internally records failures.
pub fn check_dispatch(data: &[u8]) {
    let Some((&selector, payload)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    let mut bridge = Bridge::new(functions());
    let response = bridge.dispatch(name, payload);
    let encoded = encode_response(&response);
    assert_eq!(decode_response(encoded.as_bytes()), Ok(response.clone()));

    let known = bridge.functions().contains(name);
    match decode_request(payload) {
        Err(error) if known => {
            assert_eq!(
                response,
                Response::Error(error.to_host_error().guest_message(name))
            );
            assert_eq!(bridge.calls(), 0);
        }
        _ if !known => {
            assert!(
                matches!(&response, Response::Error(e) if e.starts_with("NameError: ")),
                "{response:?}"
            );
            assert_eq!(bridge.calls(), 0);
        }
        _ => assert_eq!(bridge.calls(), 1),
    }
    for failure in bridge.failures() {
        assert_eq!(failure.function, "internal", "{failure:?}");
        assert!(!failure.panicked);
    }
    if let Response::Error(message) = &response
        && name == "internal"
        && !bridge.failures().is_empty()
    {
        assert_eq!(
            message,
            "RuntimeError: internal error in host function 'internal'"
        );
    }
}

/// `handle_call` over `data` as guest memory, with the call's six
/// arguments taken from its first 12 bytes as signed 16-bit values (so they
/// often land inside the memory). Never panics, never changes the memory's
/// size, writes only inside the result buffer, and a response that did not
/// fit is served unchanged on the retry without calling the function again.
pub fn check_handle_call(data: &[u8]) {
    let Some(header) = data.get(..12) else {
        return;
    };
    let word = |i: usize| i32::from(i16::from_le_bytes([header[2 * i], header[2 * i + 1]]));
    let mut call = HostCall {
        name_ptr: word(0),
        name_len: word(1),
        payload_ptr: word(2),
        payload_len: word(3),
        result_ptr: word(4),
        result_cap: word(5),
    };
    let config = match BridgeConfig::builder()
        .max_request_bytes(1024)
        .max_response_bytes(2048)
        .initial_result_cap(64)
        .build()
    {
        Ok(config) => config,
        Err(e) => panic!("fuzz bridge config: {e}"),
    };
    let mut bridge = Bridge::with_config(functions(), config);
    let mut memory = data.to_vec();
    let before = memory.clone();
    let first = bridge.handle_call(&mut memory, call);
    assert_eq!(memory.len(), data.len());
    if first < 0 {
        assert!(CallFailure::from_code(first).is_some(), "code {first}");
        assert_eq!(memory, before, "a failed call wrote to memory");
        assert!(!bridge.has_pending_response());
        return;
    }
    let calls = bridge.calls();
    assert!(calls <= 1);
    let len = first as usize;
    let result_start = call.result_ptr as u32 as usize;
    if first > call.result_cap {
        // Too small: nothing written, the response is kept for the retry.
        assert_eq!(memory, before, "an oversized response was written");
        assert!(bridge.has_pending_response());
        call.result_cap = first;
        let retry = bridge.handle_call(&mut memory, call);
        if retry == CallFailure::BadRequest.code() {
            // The larger buffer does not fit the memory.
            assert!(result_start + len > memory.len());
            return;
        }
        assert_eq!(retry, first, "the retry got a different response length");
        assert_eq!(bridge.calls(), calls, "the retry ran the function again");
    }
    // Only the result buffer changed, and it holds a decodable response.
    assert_eq!(memory[..result_start], before[..result_start]);
    assert_eq!(memory[result_start + len..], before[result_start + len..]);
    let response = &memory[result_start..result_start + len];
    assert!(std::str::from_utf8(response).is_ok());
    let decoded = decode_response(response);
    assert!(decoded.is_ok(), "undecodable response {response:?}");
    let value: Result<Value, _> = serde_json::from_slice(response);
    assert!(value.is_ok_and(|v| v.is_object()));
}
