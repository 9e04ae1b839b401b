//! Property tests: no input makes the bridge panic, and any JSON value
//! survives a call to an identity function.

use mpwasm_host::{
    Bridge, BridgeConfig, HostCall, HostFunctions, Request, Response, decode_request,
    decode_response, encode_request, encode_response,
};
use proptest::prelude::*;
use serde_json::{Map, Number, Value, json};

use crate::{GuestMemory, sample_functions};

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("finite", Number::from_f64)
            .prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
        "[\\u{0}-\\u{1f}\"\\\\\u{7f}\u{2028}\u{2029}\u{fffd}\u{1f600}a-z]{0,8}"
            .prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn request() -> impl Strategy<Value = Request> {
    (
        prop::collection::vec(json_value(), 0..6),
        prop::collection::btree_map(any::<String>(), json_value(), 0..6),
    )
        .prop_map(|(args, kwargs)| Request::new(args, kwargs.into_iter().collect::<Map<_, _>>()))
}

fn identity_bridge() -> Bridge {
    let mut functions = HostFunctions::new();
    functions
        .register_raw("identity", |_cx, args, kwargs| {
            Ok(json!({ "args": args, "kwargs": kwargs }))
        })
        .unwrap();
    Bridge::new(functions)
}

proptest! {
    #[test]
    fn decode_request_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = decode_request(&bytes);
    }

    #[test]
    fn decode_request_never_panics_on_near_json(
        text in r#"[\[\]{}",:0-9a-z \\.eE+-]{0,64}"#,
        prefix in prop::sample::select(vec!["", "{", r#"{"args":"#, r#"{"kwargs":"#, r#"{"args":[],"kwargs":"#]),
    ) {
        let payload = format!("{prefix}{text}");
        if let Err(error) = decode_request(payload.as_bytes()) {
            // Every failure renders to a guest-visible error.
            prop_assert!(!error.to_host_error().is_internal());
        }
    }

    #[test]
    fn dispatch_never_panics(
        name in prop::sample::select(vec!["identity", "add", "text", "fail", "parse", "boom", "nope", ""]),
        bytes in prop::collection::vec(any::<u8>(), 0..128),
    ) {
        let mut bridge = Bridge::new(sample_functions());
        let response = bridge.dispatch(name, &bytes);
        let encoded = encode_response(&response);
        prop_assert_eq!(decode_response(encoded.as_bytes()), Ok(response));
    }

    #[test]
    fn handle_call_never_panics(
        memory_len in 0usize..512,
        fill in any::<u8>(),
        args in prop::array::uniform6(prop_oneof![
            any::<i32>(),
            -2i32..600,
            Just(i32::MAX),
            Just(i32::MIN),
        ]),
    ) {
        let config = BridgeConfig::builder()
            .max_request_bytes(256)
            .max_response_bytes(256)
            .initial_result_cap(64)
            .build()
            .unwrap();
        let mut bridge = Bridge::with_config(sample_functions(), config);
        let mut memory = vec![fill; memory_len];
        let call = HostCall {
            name_ptr: args[0],
            name_len: args[1],
            payload_ptr: args[2],
            payload_len: args[3],
            result_ptr: args[4],
            result_cap: args[5],
        };
        let result = bridge.handle_call(&mut memory, call);
        prop_assert!(result >= -3);
        prop_assert_eq!(memory.len(), memory_len);
    }

    #[test]
    fn any_json_round_trips_through_an_identity_call(request in request()) {
        let mut bridge = identity_bridge();
        let response = bridge.dispatch("identity", encode_request(&request).as_bytes());
        let expected = json!({ "args": request.args, "kwargs": request.kwargs });
        let encoded = encode_response(&response);
        prop_assert_eq!(decode_response(encoded.as_bytes()), Ok(Response::Ok(expected)));
    }

    #[test]
    fn any_json_round_trips_through_the_abi_with_retry(
        request in request(),
        cap in 0i32..256,
    ) {
        let mut bridge = identity_bridge();
        let payload = encode_request(&request);
        prop_assume!(payload.len() < 60 * 1024);
        let mut memory = GuestMemory::new(b"identity", payload.as_bytes(), cap);
        let mut len = bridge.handle_call(&mut memory.bytes, memory.call);
        prop_assert!(len > 0);
        if len > cap {
            prop_assert!(memory.result_untouched());
            memory.call.result_cap = len;
            len = bridge.handle_call(&mut memory.bytes, memory.call);
        }
        prop_assert_eq!(bridge.calls(), 1);
        let expected = json!({ "args": request.args, "kwargs": request.kwargs });
        prop_assert_eq!(
            decode_response(memory.result(len).as_bytes()),
            Ok(Response::Ok(expected))
        );
    }
}
