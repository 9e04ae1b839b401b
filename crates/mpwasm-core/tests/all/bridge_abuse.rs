//! The host bridge under abuse from real guest code: unknown names,
//! malformed and huge payloads, blocking, panicking and re-entrant host
//! functions, exceptions crossing the boundary.

use std::time::{Duration, Instant};

use mpwasm_core::{BridgeConfig, Error, HostFunctions, RunOptions, RunResult};
use mpwasm_host::HostError;

use crate::{limits, ok, runtime};

fn functions() -> HostFunctions {
    let mut f = HostFunctions::new();
    f.register("add", |a: i64, b: i64| a + b).unwrap();
    f.register("echo", |v: serde_json::Value| v).unwrap();
    f.register("big", |n: usize| "x".repeat(n)).unwrap();
    f.register("deny", |what: String| -> Result<i64, HostError> {
        Err(HostError::new(
            "PermissionError",
            format!("{what} is not allowed"),
        ))
    })
    .unwrap();
    f.register("boom", |n: i64| -> i64 { panic!("secret detail {n}") })
        .unwrap();
    f
}

fn run(code: &str) -> Result<RunResult, Error> {
    runtime().run_with(code, RunOptions::new().host_functions(functions()))
}

fn out(code: &str) -> String {
    match run(code) {
        Ok(r) => r.stdout_str().into_owned(),
        Err(e) => panic!("{e}\n{e:?}"),
    }
}

/// What the guest sees when it calls `call` inside try/except.
fn seen(call: &str) -> String {
    out(&format!(
        "try:\n    r = {call}\n    print('returned', r)\nexcept Exception as e:\n    print(type(e).__name__, e)"
    ))
}

#[test]
fn unknown_and_malformed_names() {
    assert_eq!(
        seen("__import__('host').function('nope')()"),
        "RuntimeError NameError: no host function named 'nope'\n"
    );
    assert_eq!(
        seen("__import__('host').function(42)"),
        "TypeError host function name must be str\n"
    );
    for name in ["''", "'../add'", "'add\\x00'", "'ädd'"] {
        let got = seen(&format!("__import__('host').invoke({name}, 1, 2)"));
        assert!(
            got.starts_with("RuntimeError NameError: no host function named"),
            "{name}: {got}"
        );
    }
    // A long name is shortened in the message, not echoed back whole.
    let got = seen("__import__('host').invoke('n' * 100000)");
    assert!(
        got.starts_with("RuntimeError NameError: no host function named 'nnn"),
        "{got}"
    );
    assert!(got.len() < 1000, "{} bytes", got.len());
}

#[test]
fn malformed_payloads_are_json_errors() {
    for (payload, kind) in [
        ("''", "ValueError"),
        ("'[]'", "TypeError"),
        ("'{\"args\": 5}'", "TypeError"),
        ("'{\"args\": [1, 2], \"extra\": 1}'", "TypeError"),
        ("'{\"args\": [1, 2], \"kwargs\": []}'", "TypeError"),
        ("'{\"args\": [\"1\", 2]}'", "TypeError"),
        ("'{' * 100000", "ValueError"),
        ("'\\x00'", "ValueError"),
    ] {
        let got = out(&format!(
            "import host, json\nr = json.loads(host.call('add', {payload}))\nprint(r['ok'], r['error'].split(':')[0])"
        ));
        assert_eq!(got, format!("False {kind}\n"), "{payload}");
    }
    // A bytes payload is taken as its bytes.
    assert_eq!(
        seen("__import__('host').call('add', b'{}')"),
        "returned {\"ok\":false,\"error\":\"TypeError: add() takes 2 positional arguments but 0 were given\"}\n"
    );
}

#[test]
fn huge_requests_and_responses() {
    // Default limits: 1 MiB each way; the guest gets a RuntimeError.
    assert_eq!(
        seen("echo('y' * (2 << 20))"),
        "RuntimeError host call request exceeds the host's size limit\n"
    );
    assert_eq!(
        seen("__import__('host').call('n' * (2 << 20), '{}')"),
        "RuntimeError host call request exceeds the host's size limit\n"
    );
    // A response allowed by the bridge but larger than the guest's memory:
    // a MemoryError in the guest (for the 8 MiB + 22 bytes of the JSON
    // response), caught like any other.
    let config = BridgeConfig::builder()
        .max_response_bytes(64 << 20)
        .build()
        .unwrap();
    let options = RunOptions::new()
        .host_functions(functions())
        .bridge_config(config)
        .limits(limits(|l| {
            l.memory_bytes(4 << 20);
        }))
        .clone();
    let r = runtime()
        .run_with(
            "try:\n    big(8 << 20)\nexcept MemoryError as e:\n    print('MemoryError', e)\nprint(add(1, 2))",
            &options,
        )
        .unwrap();
    assert_eq!(
        r.stdout_str(),
        "MemoryError memory allocation failed, allocating 8388630 bytes\n3\n"
    );
}

#[test]
fn host_errors_reach_the_guest_as_the_function_chose() {
    // Chosen type and message, inside the bridge's RuntimeError.
    assert_eq!(
        seen("deny('rm -rf')"),
        "RuntimeError PermissionError: rm -rf is not allowed\n"
    );
    // Uncaught, it ends the run as a guest exception with its traceback.
    let e = run("print('before')\ndef f():\n    return deny('x')\nf()").unwrap_err();
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "RuntimeError");
    assert_eq!(g.message, "PermissionError: x is not allowed");
    assert_eq!(g.result.stdout_str(), "before\n");
    insta::assert_snapshot!(g.traceback, @r#"
    Traceback (most recent call last):
      File "<string>", line 4, in <module>
      File "<string>", line 3, in f
    RuntimeError: PermissionError: x is not allowed
    "#);
}

#[test]
fn panics_are_generic_for_the_guest_and_detailed_for_the_host() {
    let r = run("n = 0\nfor i in range(20):\n    try:\n        boom(i)\n    except RuntimeError as e:\n        n += 1\n        last = str(e)\nprint(n, last)").unwrap();
    assert_eq!(
        r.stdout_str(),
        "20 RuntimeError: internal error in host function 'boom'\n"
    );
    assert_eq!(r.host_failures.len(), 20);
    assert!(
        r.host_failures
            .iter()
            .all(|f| f.panicked && f.function == "boom")
    );
    assert!(r.host_failures[19].details.contains("secret detail 19"));
    // Uncaught: the guest's view has no detail; the host still has it.
    let e = run("boom(7)").unwrap_err();
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        g.message,
        "RuntimeError: internal error in host function 'boom'"
    );
    assert!(!g.traceback.contains("secret"));
    assert!(
        g.result.host_failures[0]
            .details
            .contains("secret detail 7")
    );
}

#[test]
fn a_blocking_host_function_trips_the_deadline_when_it_returns() {
    // SECURITY.md: a blocking host function cannot be interrupted; the
    // deadline trips as soon as it returns.
    let mut f = HostFunctions::new();
    f.register("block", |ms: u64| {
        std::thread::sleep(Duration::from_millis(ms));
        ms
    })
    .unwrap();
    let options = RunOptions::new()
        .host_functions(f)
        .limits(limits(|l| {
            l.wall_timeout(Some(Duration::from_millis(500)));
        }))
        .clone();
    let started = Instant::now();
    let e = runtime()
        .run_with("print('before')\nblock(1500)\nprint('after')", &options)
        .unwrap_err();
    let took = started.elapsed();
    let r = crate::clock_stopped(&e);
    assert_eq!(r.stdout_str(), "before\n");
    assert!(
        took >= Duration::from_millis(1500) && took < Duration::from_secs(6),
        "{took:?}"
    );
    // Within the deadline the same function is fine.
    let r = runtime().run_with("print(block(1))", &options).unwrap();
    assert_eq!(r.stdout_str(), "1\n");
}

#[test]
fn host_functions_from_nested_frames_and_callbacks() {
    let code = r#"
class R:
    def __repr__(self):
        return 'R(%d)' % add(20, 22)
def gen(n):
    for i in range(n):
        yield add(i, 100)
def deep(n):
    return add(n, 0) if n == 0 else deep(n - 1)
print(sorted([3, 1, 2], key=lambda v: add(0, -v)), list(map(lambda v: add(v, v), [1, 2])))
print([R()], list(gen(3)), deep(100))
try:
    def dive(n):
        add(n, 1)
        return dive(n + 1)
    dive(0)
except RuntimeError as e:
    print('RuntimeError', e)
print(add(1, 1))
"#;
    assert_eq!(
        out(code),
        "[3, 2, 1] [2, 4]\n[R(42)] [100, 101, 102] 0\nRuntimeError maximum recursion depth exceeded\n2\n"
    );
}

#[test]
fn a_host_function_may_use_the_runtime_reentrantly() {
    // host -> guest -> host -> guest ...: each level a fresh sandbox.
    fn nested() -> HostFunctions {
        let mut f = HostFunctions::new();
        f.register("inner", |code: String| -> Result<String, HostError> {
            let options = RunOptions::new()
                .host_functions(nested())
                .limits(limits(|l| {
                    l.fuel(Some(50_000_000)).wall_timeout(None);
                }))
                .clone();
            match runtime().run_with(&code, &options) {
                Ok(r) => Ok(r.stdout_str().into_owned()),
                Err(e) => Err(HostError::runtime_error(e.kind())),
            }
        })
        .unwrap();
        f
    }
    let options = RunOptions::new()
        .host_functions(nested())
        .limits(limits(|l| {
            l.wall_timeout(None);
        }))
        .clone();
    let code = r#"
level3 = "print('level 3')"
level2 = "print('level 2', inner(%r).strip())" % level3
print('level 1', inner(level2).strip())
try:
    inner('while True: pass')
except RuntimeError as e:
    print('inner failed:', e)
"#;
    let r = runtime().run_with(code, &options).unwrap();
    assert_eq!(
        r.stdout_str(),
        "level 1 level 2 level 3\ninner failed: RuntimeError: interrupted\n"
    );
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}
