//! Host functions called from real guest code (the reference README's examples and more).

use mpwasm_core::{BridgeConfig, Error, HostFunctions, RunOptions};
use mpwasm_host::HostError;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{limits, runtime};

#[derive(Deserialize)]
struct FormatName {
    first: String,
    last: Option<String>,
}

fn functions() -> HostFunctions {
    let mut f = HostFunctions::new();
    f.register("add", |a: i64, b: i64| a + b).unwrap();
    f.register("shout", |s: String| s.to_uppercase()).unwrap();
    f.register("plus", |a: f64, b: f64| a + b).unwrap();
    f.register_with_params("format_name", &["first", "last"], |a: FormatName| {
        match a.last {
            Some(last) => format!("{last}, {}", a.first),
            None => a.first,
        }
    })
    .unwrap();
    f.register("fail", |msg: String| -> Result<i64, HostError> {
        Err(HostError::value_error(msg))
    })
    .unwrap();
    f.register("echo", |v: Value| v).unwrap();
    f.register("boom", || -> i64 { panic!("secret internal detail") })
        .unwrap();
    f.register("internal", || -> Result<i64, HostError> {
        Err(HostError::internal("db password wrong"))
    })
    .unwrap();
    f.register("big", |n: usize| "x".repeat(n)).unwrap();
    f
}

fn run(code: &str) -> Result<mpwasm_core::RunResult, Error> {
    runtime().run_with(code, RunOptions::new().host_functions(functions()))
}

fn out(code: &str) -> String {
    match run(code) {
        Ok(r) => r.stdout_str().into_owned(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn reference_readme_examples() {
    assert_eq!(out("print(add(2, 3))"), "5\n");
    assert_eq!(out("print(shout('hi'))"), "HI\n");
    assert_eq!(out("print(plus(1.5, 2.25))"), "3.75\n");
    assert_eq!(
        out("print(format_name('Ada', last='Lovelace'))"),
        "Lovelace, Ada\n"
    );
    assert_eq!(out("print(format_name('Ada'))"), "Ada\n");
    assert_eq!(
        out("try:\n    fail('nope')\nexcept RuntimeError as e:\n    print('caught', e)"),
        "caught ValueError: nope\n"
    );
    assert_eq!(
        out("import host\nprint(host.call('add', '{\"args\": [40, 2]}'))"),
        "{\"ok\":true,\"value\":42}\n"
    );
}

#[test]
fn json_values_round_trip_with_unicode() {
    let code = r#"
v = {"s": "héllo ✓ 𝄞", "i": -12345678901234, "f": 1.5, "t": True, "n": None, "l": [1, [2, [3]]], "d": {"k": {"z": []}}}
print(echo(v) == v, echo("") == "", echo([]) == [], echo(0.1) == 0.1)
"#;
    assert_eq!(out(code), "True True True True\n");
}

#[test]
fn failures_reach_the_guest_as_runtime_errors() {
    let probe = |call: &str| {
        out(&format!(
            "try:\n    {call}\n    print('no error')\nexcept Exception as e:\n    print(type(e).__name__, e)"
        ))
    };
    assert_eq!(
        probe("add(1)"),
        "RuntimeError TypeError: add() takes 2 positional arguments but 1 was given\n"
    );
    assert_eq!(
        probe("__import__('host').invoke('nope')"),
        "RuntimeError NameError: no host function named 'nope'\n"
    );
    assert_eq!(
        probe("echo(object())"),
        "TypeError host call: object is not JSON serializable\n"
    );
    assert_eq!(
        probe("echo({1: 2})"),
        "TypeError host call: dict keys must be str\n"
    );
    assert_eq!(
        probe("echo(float('nan'))"),
        "ValueError host call: NaN and infinity are not JSON\n"
    );
    // Escapes and control characters survive the trip; tuples become lists.
    assert_eq!(
        out(r#"print(echo((1, 'a"\\\n\x01')) == [1, 'a"\\\n\x01'])"#),
        "True\n"
    );
    let malformed = out("print(__import__('host').call('add', '{not json'))");
    assert!(
        malformed.starts_with("{\"ok\":false,\"error\":\"ValueError: "),
        "{malformed}"
    );
    assert_eq!(
        probe("__import__('host').call(1, '{}')"),
        "TypeError can't convert 'int' object to str implicitly\n"
    );
}

#[test]
fn panics_and_internal_errors_are_hidden_from_the_guest() {
    let r = run("for f in (boom, internal):\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)").unwrap();
    assert_eq!(
        r.stdout_str(),
        "RuntimeError: internal error in host function 'boom'\nRuntimeError: internal error in host function 'internal'\n"
    );
    assert_eq!(r.host_failures.len(), 2);
    assert!(
        r.host_failures[0]
            .details
            .contains("secret internal detail")
    );
    assert!(r.host_failures[1].details.contains("db password wrong"));
}

#[test]
fn large_results_grow_the_buffer_and_respect_the_limit() {
    // Default limit: 1 MiB each way.
    let e = run("try:\n    big(2 * 1024 * 1024)\nexcept ValueError as e:\n    print(e)").unwrap();
    assert_eq!(e.stdout_str(), "host callback result too large\n");
    let config = BridgeConfig::builder()
        .max_response_bytes(16 << 20)
        .build()
        .unwrap();
    let options = RunOptions::new()
        .host_functions(functions())
        .bridge_config(config)
        .limits(limits(|l| {
            l.memory_bytes(128 << 20).fuel(None).wall_timeout(None);
        }))
        .clone();
    // Far above the 4 KiB first buffer: the guest grows it and asks again.
    // (10 MiB works too but takes MicroPython's json.loads seconds: its
    // string building grows buffers linearly.)
    let r = runtime()
        .run_with("s = big(600 * 1024)\nprint(len(s), s[:3])", &options)
        .unwrap();
    assert_eq!(r.stdout_str(), "614400 xxx\n");
    let small = BridgeConfig::builder()
        .max_request_bytes(1024)
        .build()
        .unwrap();
    let options = RunOptions::new()
        .host_functions(functions())
        .bridge_config(small)
        .clone();
    let code = "print(len(echo('y' * 900)))\ntry:\n    echo('y' * 2000)\nexcept RuntimeError as e:\n    print(e)";
    let r = runtime().run_with(code, &options).unwrap();
    assert_eq!(
        r.stdout_str(),
        "900\nhost call request exceeds the host's size limit\n"
    );
}

#[test]
fn a_host_call_costs_little_fuel() {
    let r = run("for i in range(1000):\n    add(i, 1)").unwrap();
    let per_call = r.fuel_consumed / 1000;
    assert!(per_call < 100_000, "{per_call} fuel per host call");
}

#[test]
fn without_functions_nothing_is_defined() {
    let r = runtime().run("print('add' in globals())").unwrap();
    assert_eq!(r.stdout_str(), "False\n");
    let _ = json!(null);
}

#[test]
fn host_functions_read_per_run_state() {
    use mpwasm_core::Vm;
    use mpwasm_host::CallContext;

    let mut f = HostFunctions::new();
    f.register_with_context(
        "count",
        |cx: &mut CallContext<'_>| -> Result<u32, HostError> {
            let n = cx
                .state::<u32>()
                .ok_or_else(|| HostError::internal("no counter"))?;
            *n += 1;
            Ok(*n)
        },
    )
    .unwrap();
    let mut vm = Vm::new(runtime(), RunOptions::new().host_functions(f)).unwrap();
    vm.bridge().set_state(10u32);
    let r = vm.run("print(count(), count())").unwrap();
    assert_eq!(r.stdout_str(), "11 12\n");
    assert_eq!(vm.bridge().state::<u32>(), Some(&mut 12));
}

mod properties {
    use std::sync::{Arc, Mutex};

    use mpwasm_core::{HostFunctions, RunOptions, Vm};
    use proptest::prelude::*;
    use serde_json::{Map, Number, Value};

    use crate::runtime;

    /// JSON values MicroPython can hold exactly: floats with few significant
    /// digits (its float repr keeps at most 16), keys and strings of any
    /// Unicode.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            (-1_000_000i64..1_000_000, 0u32..8).prop_map(|(m, e)| {
                let f = m as f64 / f64::from(1u32 << e);
                Value::Number(Number::from_f64(f).unwrap_or_else(|| 0.into()))
            }),
            ".*".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(".*", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// host -> guest -> host -> guest -> host: the value comes back unchanged.
        #[test]
        fn json_values_round_trip_through_the_guest(value in json_value()) {
            let seen = Arc::new(Mutex::new(None));
            let sink = seen.clone();
            let given = value.clone();
            let mut f = HostFunctions::new();
            f.register("get", move || given.clone()).unwrap();
            f.register("echo", |v: Value| v).unwrap();
            f.register("put", move |v: Value| { *sink.lock().unwrap() = Some(v); }).unwrap();
            let mut vm = Vm::new(runtime(), RunOptions::new().host_functions(f)).unwrap();
            vm.run("put(echo(get()))").unwrap();
            let back = seen.lock().unwrap().take();
            prop_assert_eq!(back, Some(value));
        }

        /// Whatever text the guest sends as a payload, the host answers.
        #[test]
        fn arbitrary_payloads_never_break_the_host(payload in ".{0,200}", name in "[a-z_]{0,8}") {
            let mut f = HostFunctions::new();
            f.register("add", |a: i64, b: i64| a + b).unwrap();
            let code = format!(
                "import host\nr = host.call({}, {})\nprint(r.startswith('{{\"ok\":'))",
                serde_json::to_string(&name).unwrap(),
                serde_json::to_string(&payload).unwrap()
            );
            let r = runtime().run_with(&code, RunOptions::new().host_functions(f)).unwrap();
            prop_assert_eq!(r.stdout_str(), "True\n");
        }
    }
}
