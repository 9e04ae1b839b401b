//! `Bridge::handle_call` over a plain byte slice: bounds, codes, and the
//! grow-and-retry protocol.

use mpwasm_host::{Bridge, BridgeConfig, CallFailure, HostCall};
use serde_json::json;

use crate::{GuestMemory, RESULT_AT, payload, sample_functions};

const BAD_REQUEST: i32 = CallFailure::BadRequest.code();

fn bridge() -> Bridge {
    Bridge::new(sample_functions())
}

#[test]
fn writes_the_response_and_returns_its_length() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"add", &payload(json!([20, 22]), json!({})), 64);
    let len = bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(memory.result(len), r#"{"ok":true,"value":42}"#);
    // Nothing beyond the response is touched.
    assert!(
        memory.bytes[RESULT_AT + len as usize..]
            .iter()
            .all(|&b| b == 0)
    );
}

#[test]
fn response_of_exactly_the_buffer_size_fits() {
    let mut bridge = bridge();
    let expected = r#"{"ok":true,"value":42}"#;
    let mut memory = GuestMemory::new(
        b"add",
        &payload(json!([20, 22]), json!({})),
        expected.len() as i32,
    );
    let len = bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(memory.result(len), expected);
    assert!(!bridge.has_pending_response());
}

#[test]
fn grow_and_retry_serves_the_kept_response_without_rerunning() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"text", &payload(json!([500]), json!({})), 64);
    let needed = bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(needed, 522);
    assert!(memory.result_untouched(), "nothing written when too small");
    assert!(bridge.has_pending_response());
    assert_eq!(bridge.calls(), 1);

    // Still too small: the same length again, still pending.
    memory.call.result_cap = 100;
    assert_eq!(bridge.handle_call(&mut memory.bytes, memory.call), needed);
    assert!(memory.result_untouched());
    assert!(bridge.has_pending_response());

    memory.call.result_cap = needed;
    let len = bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(len, needed);
    assert_eq!(
        memory.result(len),
        format!(r#"{{"ok":true,"value":"{}"}}"#, "x".repeat(500))
    );
    assert!(!bridge.has_pending_response());
    assert_eq!(bridge.calls(), 1, "the function ran once");

    // A later identical call runs the function again.
    memory.call.result_cap = 4096;
    bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(bridge.calls(), 2);
}

#[test]
fn a_different_request_abandons_the_pending_response() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"text", &payload(json!([500]), json!({})), 64);
    assert_eq!(bridge.handle_call(&mut memory.bytes, memory.call), 522);
    assert!(bridge.has_pending_response());

    // Same name, other payload.
    let mut other = GuestMemory::new(b"text", &payload(json!([10]), json!({})), 4096);
    let len = bridge.handle_call(&mut other.bytes, other.call);
    assert_eq!(other.result(len), r#"{"ok":true,"value":"xxxxxxxxxx"}"#);
    assert!(!bridge.has_pending_response());
    assert_eq!(bridge.calls(), 2);

    // Other name, same payload.
    assert_eq!(bridge.handle_call(&mut memory.bytes, memory.call), 522);
    let mut other = GuestMemory::new(b"identity", &payload(json!([500]), json!({})), 4096);
    let len = bridge.handle_call(&mut other.bytes, other.call);
    assert_eq!(
        other.result(len),
        r#"{"ok":true,"value":{"args":[500],"kwargs":{}}}"#
    );
    assert_eq!(bridge.calls(), 4);
}

#[test]
fn negative_lengths_are_bad_requests() {
    let mut bridge = bridge();
    let memory = GuestMemory::new(b"add", &payload(json!([1, 2]), json!({})), 64);
    for call in [
        HostCall {
            name_len: -1,
            ..memory.call
        },
        HostCall {
            payload_len: -1,
            ..memory.call
        },
        HostCall {
            result_cap: -1,
            ..memory.call
        },
        HostCall {
            name_len: i32::MIN,
            ..memory.call
        },
    ] {
        let mut bytes = memory.bytes.clone();
        assert_eq!(
            bridge.handle_call(&mut bytes, call),
            BAD_REQUEST,
            "{call:?}"
        );
        assert_eq!(bytes, memory.bytes);
    }
    assert_eq!(bridge.calls(), 0);
}

#[test]
fn out_of_bounds_pointers_are_bad_requests() {
    let mut bridge = bridge();
    let memory = GuestMemory::new(b"add", &payload(json!([1, 2]), json!({})), 64);
    let size = memory.bytes.len() as i32;
    for call in [
        HostCall {
            name_ptr: size,
            ..memory.call
        },
        HostCall {
            name_ptr: size - 2,
            ..memory.call
        },
        HostCall {
            payload_ptr: size - 1,
            ..memory.call
        },
        HostCall {
            result_ptr: size - 63,
            ..memory.call
        },
        HostCall {
            result_ptr: size,
            ..memory.call
        },
        HostCall {
            name_ptr: -1,
            ..memory.call
        },
        HostCall {
            payload_ptr: i32::MIN,
            ..memory.call
        },
        HostCall {
            result_ptr: -64,
            ..memory.call
        },
        HostCall {
            result_cap: i32::MAX,
            ..memory.call
        },
    ] {
        let mut bytes = memory.bytes.clone();
        assert_eq!(
            bridge.handle_call(&mut bytes, call),
            BAD_REQUEST,
            "{call:?}"
        );
        assert_eq!(bytes, memory.bytes);
    }
    assert_eq!(bridge.calls(), 0);
}

#[test]
fn result_buffer_at_the_very_end_of_memory() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"add", &payload(json!([1, 2]), json!({})), 64);
    let size = memory.bytes.len();
    memory.call.result_ptr = (size - 64) as i32;
    let len = bridge.handle_call(&mut memory.bytes, memory.call) as usize;
    assert_eq!(
        &memory.bytes[size - 64..size - 64 + len],
        br#"{"ok":true,"value":3}"#
    );
}

#[test]
fn zero_length_buffers_at_the_end_of_memory_are_in_bounds() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"add", b"", 0);
    let size = memory.bytes.len() as i32;
    memory.call.payload_ptr = size;
    memory.call.result_ptr = size;
    // Empty payload: a JSON error response, which does not fit a 0-byte
    // buffer, so its length comes back and it is kept.
    let needed = bridge.handle_call(&mut memory.bytes, memory.call);
    assert!(needed > 0);
    assert!(bridge.has_pending_response());
}

#[test]
fn request_size_is_checked_before_bounds() {
    let config = BridgeConfig::builder()
        .max_request_bytes(100)
        .build()
        .unwrap();
    let mut bridge = Bridge::with_config(sample_functions(), config);
    let mut memory = GuestMemory::new(b"add", b"{}", 64);
    memory.call.payload_len = i32::MAX;
    assert_eq!(
        bridge.handle_call(&mut memory.bytes, memory.call),
        CallFailure::RequestTooLarge.code()
    );
    memory.call.name_len = i32::MAX;
    assert_eq!(
        bridge.handle_call(&mut memory.bytes, memory.call),
        CallFailure::RequestTooLarge.code()
    );
}

#[test]
fn empty_memory() {
    let mut bridge = bridge();
    let call = HostCall {
        name_ptr: 0,
        name_len: 0,
        payload_ptr: 0,
        payload_len: 0,
        result_ptr: 0,
        result_cap: 0,
    };
    let mut memory: [u8; 0] = [];
    // An empty name is unknown; the error response does not fit and is kept.
    assert!(bridge.handle_call(&mut memory, call) > 0);
    assert_eq!(
        bridge.handle_call(
            &mut memory,
            HostCall {
                result_cap: 1,
                ..call
            }
        ),
        BAD_REQUEST
    );
}

#[test]
fn unknown_function_through_the_abi_is_a_json_error() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"missing", &payload(json!([]), json!({})), 4096);
    let len = bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(
        memory.result(len),
        r#"{"ok":false,"error":"NameError: no host function named 'missing'"}"#
    );
}

#[test]
fn panics_through_the_abi_are_json_errors() {
    let mut bridge = bridge();
    let mut memory = GuestMemory::new(b"boom", &payload(json!([]), json!({})), 4096);
    let len = bridge.handle_call(&mut memory.bytes, memory.call);
    assert_eq!(
        memory.result(len),
        r#"{"ok":false,"error":"RuntimeError: internal error in host function 'boom'"}"#
    );
    assert_eq!(bridge.take_failures().len(), 1);
}
