//! The JSON protocol: every failure case, rendered exactly.

use mpwasm_host::{
    Bridge, BridgeConfig, CallFailure, HostFailure, Request, RequestError, Response,
    decode_request, decode_response, encode_request, encode_response,
};
use serde_json::json;

use crate::{GuestMemory, payload, sample_functions};

/// Dispatches through the bridge and renders the response as the guest
/// receives it.
fn respond(bridge: &mut Bridge, name: &str, payload: &[u8]) -> String {
    encode_response(&bridge.dispatch(name, payload))
}

fn bridge() -> Bridge {
    Bridge::new(sample_functions())
}

#[test]
fn success() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "add", &payload(json!([2, 40]), json!({})));
    assert_eq!(response, r#"{"ok":true,"value":42}"#);
    assert_eq!(bridge.calls(), 1);
    assert!(bridge.failures().is_empty());
}

#[test]
fn unknown_function() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "nope", &payload(json!([]), json!({})));
    assert_eq!(
        response,
        r#"{"ok":false,"error":"NameError: no host function named 'nope'"}"#
    );
    assert_eq!(bridge.calls(), 0);
    insta::assert_snapshot!("unknown_function", response);
}

#[test]
fn unknown_function_with_huge_name_is_shortened() {
    let mut bridge = bridge();
    let name = "n".repeat(10_000);
    let response = respond(&mut bridge, &name, b"{}");
    assert!(response.len() < 200, "{response}");
    insta::assert_snapshot!("unknown_function_long_name", response);
}

#[test]
fn unknown_function_is_reported_before_payload_errors() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "nope", b"not json");
    assert!(response.contains("NameError"), "{response}");
}

#[test]
fn malformed_json() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "identity", br#"{"args": [1, "#);
    assert_eq!(
        response,
        r#"{"ok":false,"error":"ValueError: request payload is not valid JSON: EOF while parsing a value at line 1 column 13"}"#
    );
    assert_eq!(bridge.calls(), 0);
    insta::assert_snapshot!("malformed_json", response);
}

#[test]
fn empty_payload() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "identity", b"");
    insta::assert_snapshot!("empty_payload", response);
}

#[test]
fn invalid_utf8_payload() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "identity", b"{\"args\": [\"\xff\"]}");
    assert_eq!(
        response,
        r#"{"ok":false,"error":"ValueError: request payload is not valid UTF-8"}"#
    );
    insta::assert_snapshot!("invalid_utf8", response);

    // Through the ABI it is a bad request, as for a non-UTF-8 name.
    let mut memory = GuestMemory::new(b"identity", b"{\"args\": [\"\xff\"]}", 4096);
    assert_eq!(
        bridge.handle_call(&mut memory.bytes, memory.call),
        CallFailure::BadRequest.code()
    );
    let mut memory = GuestMemory::new(b"ident\xffity", b"{}", 4096);
    assert_eq!(
        bridge.handle_call(&mut memory.bytes, memory.call),
        CallFailure::BadRequest.code()
    );
    assert!(memory.result_untouched());
    assert_eq!(bridge.calls(), 0);
}

#[test]
fn payload_not_an_object() {
    let mut bridge = bridge();
    for (payload, found) in [
        (&b"[1, 2]"[..], "array"),
        (b"null", "null"),
        (b"true", "boolean"),
        (b"3.5", "number"),
        (b"\"args\"", "string"),
    ] {
        let response = respond(&mut bridge, "identity", payload);
        assert_eq!(
            response,
            format!(
                r#"{{"ok":false,"error":"TypeError: request payload must be a JSON object, got {found}"}}"#
            )
        );
    }
    insta::assert_snapshot!("not_an_object", respond(&mut bridge, "identity", b"[]"));
}

#[test]
fn args_not_a_list() {
    let mut bridge = bridge();
    let response = respond(
        &mut bridge,
        "identity",
        &payload(json!({"a": 1}), json!({})),
    );
    assert_eq!(
        response,
        r#"{"ok":false,"error":"TypeError: request 'args' must be a JSON array, got object"}"#
    );
    insta::assert_snapshot!("args_not_a_list", response);
}

#[test]
fn kwargs_not_an_object() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "identity", &payload(json!([]), json!([1])));
    assert_eq!(
        response,
        r#"{"ok":false,"error":"TypeError: request 'kwargs' must be a JSON object, got array"}"#
    );
    insta::assert_snapshot!("kwargs_not_an_object", response);
}

#[test]
fn unexpected_key() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "identity", br#"{"args": [], "extra": 1}"#);
    assert_eq!(
        response,
        r#"{"ok":false,"error":"TypeError: unexpected key 'extra' in request payload"}"#
    );
    insta::assert_snapshot!("unexpected_key", response);
}

#[test]
fn missing_args_and_kwargs_default_to_empty() {
    let mut bridge = bridge();
    assert_eq!(
        respond(&mut bridge, "identity", b"{}"),
        r#"{"ok":true,"value":{"args":[],"kwargs":{}}}"#
    );
    assert_eq!(
        respond(&mut bridge, "identity", br#"{"kwargs": {"k": 1}}"#),
        r#"{"ok":true,"value":{"args":[],"kwargs":{"k":1}}}"#
    );
}

#[test]
fn function_error() {
    let mut bridge = bridge();
    let response = respond(
        &mut bridge,
        "fail",
        &payload(json!(["width must be positive"]), json!({})),
    );
    assert_eq!(
        response,
        r#"{"ok":false,"error":"ValueError: width must be positive"}"#
    );
    assert!(
        bridge.failures().is_empty(),
        "guest-visible errors are not failures"
    );
    insta::assert_snapshot!("function_error", response);
}

#[test]
fn internal_error_hides_details_and_is_recorded() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "parse", &payload(json!(["twelve"]), json!({})));
    assert_eq!(
        response,
        r#"{"ok":false,"error":"RuntimeError: internal error in host function 'parse'"}"#
    );
    insta::assert_snapshot!("internal_error", response);
    assert_eq!(
        bridge.take_failures(),
        [HostFailure {
            function: "parse".into(),
            details: "invalid digit found in string".into(),
            panicked: false,
        }]
    );
    assert!(bridge.take_failures().is_empty());
}

#[test]
fn panic_is_caught_reported_generically_and_recorded() {
    let mut bridge = bridge();
    let response = respond(&mut bridge, "boom", &payload(json!([]), json!({})));
    assert_eq!(
        response,
        r#"{"ok":false,"error":"RuntimeError: internal error in host function 'boom'"}"#
    );
    insta::assert_snapshot!("panic", response);
    let failures = bridge.take_failures();
    assert_eq!(
        failures,
        [HostFailure {
            function: "boom".into(),
            details: "the host function exploded".into(),
            panicked: true,
        }]
    );
    assert_eq!(
        failures[0].to_string(),
        "host function 'boom' panicked: the host function exploded"
    );
    // The bridge keeps working after a panic.
    let response = respond(&mut bridge, "add", &payload(json!([1, 1]), json!({})));
    assert_eq!(response, r#"{"ok":true,"value":2}"#);
    assert_eq!(bridge.calls(), 2);
}

#[test]
fn panic_with_formatted_message() {
    let mut functions = mpwasm_host::HostFunctions::new();
    functions
        .register("explode", |n: u32| -> u32 { panic!("exploded with {n}") })
        .unwrap()
        .register("explode_any", || -> u32 { std::panic::panic_any(17_u8) })
        .unwrap();
    let mut bridge = Bridge::new(functions);
    bridge.dispatch("explode", &payload(json!([3]), json!({})));
    bridge.dispatch("explode_any", b"{}");
    let details: Vec<String> = bridge
        .take_failures()
        .into_iter()
        .map(|f| f.details)
        .collect();
    assert_eq!(details, ["exploded with 3", "non-string panic payload"]);
}

#[test]
fn argument_errors_render_as_type_errors() {
    let mut bridge = bridge();
    let responses = [
        respond(&mut bridge, "add", &payload(json!([1]), json!({}))),
        respond(&mut bridge, "add", &payload(json!([1, 2, 3]), json!({}))),
        respond(&mut bridge, "add", &payload(json!([1, "2"]), json!({}))),
        respond(&mut bridge, "add", &payload(json!([1, 2]), json!({"c": 3}))),
    ];
    insta::assert_snapshot!("argument_errors", responses.join("\n"));
    assert_eq!(bridge.calls(), 4);
}

#[test]
fn request_too_large() {
    let config = BridgeConfig::builder()
        .max_request_bytes(64)
        .build()
        .unwrap();
    let mut bridge = Bridge::with_config(sample_functions(), config);

    // Name plus payload exactly at the limit is fine.
    let body = payload(json!(["x".repeat(64 - 8 - 25)]), json!({}));
    assert_eq!(body.len() + "identity".len(), 64);
    let mut memory = GuestMemory::new(b"identity", &body, 4096);
    assert!(bridge.handle_call(&mut memory.bytes, memory.call) > 0);

    let body = payload(json!(["x".repeat(64 - 8 - 24)]), json!({}));
    let mut memory = GuestMemory::new(b"identity", &body, 4096);
    assert_eq!(bridge.handle_call(&mut memory.bytes, memory.call), -1);
    assert!(memory.result_untouched());
    assert_eq!(bridge.calls(), 1);
}

#[test]
fn response_too_large() {
    let config = BridgeConfig::builder()
        .max_response_bytes(100)
        .initial_result_cap(100)
        .build()
        .unwrap();
    let mut bridge = Bridge::with_config(sample_functions(), config);
    let overhead = r#"{"ok":true,"value":""}"#.len();

    let mut memory = GuestMemory::new(b"text", &payload(json!([100 - overhead]), json!({})), 4096);
    assert_eq!(bridge.handle_call(&mut memory.bytes, memory.call), 100);

    let mut memory = GuestMemory::new(b"text", &payload(json!([101 - overhead]), json!({})), 4096);
    assert_eq!(bridge.handle_call(&mut memory.bytes, memory.call), -2);
    assert!(memory.result_untouched());
    assert!(!bridge.has_pending_response());
    assert_eq!(bridge.calls(), 2, "the function did run");
}

#[test]
fn request_codec() {
    let request = Request::new(
        vec![json!(1), json!([true, null])],
        crate::kwargs(json!({"k": "v"})),
    );
    let encoded = encode_request(&request);
    assert_eq!(encoded, r#"{"args":[1,[true,null]],"kwargs":{"k":"v"}}"#);
    assert_eq!(decode_request(encoded.as_bytes()), Ok(request));
    // What MicroPython's json.dumps produces.
    let decoded = decode_request(br#"{"args": [1, "a\u00e9"], "kwargs": {"x": 1.5}}"#).unwrap();
    assert_eq!(decoded.args, [json!(1), json!("a\u{e9}")]);
    assert_eq!(decoded.kwargs, crate::kwargs(json!({"x": 1.5})));
}

#[test]
fn request_error_messages() {
    let cases: Vec<(RequestError, &str)> = vec![
        (
            RequestError::InvalidUtf8,
            "ValueError: request payload is not valid UTF-8",
        ),
        (
            RequestError::MalformedJson("boom".into()),
            "ValueError: request payload is not valid JSON: boom",
        ),
        (
            RequestError::NotAnObject { found: "array" },
            "TypeError: request payload must be a JSON object, got array",
        ),
        (
            RequestError::ArgsNotList { found: "string" },
            "TypeError: request 'args' must be a JSON array, got string",
        ),
        (
            RequestError::KwargsNotObject { found: "null" },
            "TypeError: request 'kwargs' must be a JSON object, got null",
        ),
        (
            RequestError::UnexpectedKey("x".into()),
            "TypeError: unexpected key 'x' in request payload",
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_host_error().to_string(), expected);
    }
}

#[test]
fn response_codec() {
    for response in [
        Response::Ok(json!(null)),
        Response::Ok(json!({"z": 1, "a": [1.5, "\u{1F600}"]})),
        Response::Error("KeyError: 'k'".into()),
        Response::Error("ValueError: \"quoted\"\nnewline".into()),
    ] {
        let encoded = encode_response(&response);
        assert!(encoded.starts_with(r#"{"ok":"#), "{encoded}");
        assert_eq!(decode_response(encoded.as_bytes()), Ok(response));
    }
    assert!(decode_response(b"[]").is_err());
    assert!(decode_response(b"{").is_err());
    assert_eq!(
        decode_response(br#"{"ok": false}"#),
        Ok(Response::Error(String::new()))
    );
}

#[test]
fn deeply_nested_payload_is_rejected_not_overflowed() {
    let mut bridge = bridge();
    let deep = format!(
        r#"{{"args": [{}{}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let response = respond(&mut bridge, "identity", deep.as_bytes());
    assert!(
        response.starts_with(r#"{"ok":false,"error":"ValueError: request payload is not valid JSON: recursion limit exceeded"#),
        "{response}"
    );
}
