//! The checks behind the `run_source` and `limits` fuzz targets, shared
//! with the corpus replay in `crates/mpwasm-core/tests/all/fuzz_corpus.rs`.
//!
//! Any `Ok` or typed limit/guest error is a fine outcome for hostile code. A
//! panic, a hang, a broken invariant of the result (output over its cap,
//! fuel accounting) or an error variant that means the host or the guest
//! build is broken (`Trap`, `Engine`, `InvalidArtifact`, ...) is a finding.
//!
//! The runtime passed in must be built with the default
//! `RuntimeBuilder::max_wasm_stack` and `max_memory_bytes`: the `limits`
//! check derives which `Limits` the runtime refuses from them.

// Each includer (two fuzz targets, one test) uses a part of this file.
#![allow(dead_code)]

use std::time::Duration;

use arbitrary::Unstructured;
use mpwasm_core::{
    BridgeConfig, Error, ExecMode, HostFunctions, Interrupt, Limits, LimitsError, RunOptions,
    RunResult, Runtime, Vm,
};
use mpwasm_host::HostError;
use serde_json::{Value, json};

/// How far past its wall-clock limit a run may end (scheduling on a loaded
/// machine; a missed deadline is seconds or forever, not milliseconds).
const DEADLINE_SLACK: Duration = Duration::from_secs(5);

/// The limits of a `run_source` run: tight, so a run costs milliseconds.
pub fn source_limits() -> Limits {
    Limits::new()
        .memory_bytes(4 << 20)
        .fuel(Some(50_000_000))
        .wall_timeout(Some(Duration::from_secs(1)))
        .max_output_bytes(64 << 10)
        .clone()
}

/// The largest string the `text` host function builds.
const MAX_TEXT: usize = 1 << 16;

/// Host functions the fuzzed source can call (`host.invoke(...)` or the
/// prelude's wrappers). None panics: libFuzzer's panic hook aborts even on
/// panics the bridge would catch.
pub fn host_functions() -> HostFunctions {
    let mut functions = HostFunctions::new();
    let result = functions
        .register_raw("echo", |_cx, args, kwargs| {
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
        .and_then(|f| f.register("nothing", || Value::Null));
    if let Err(e) = result {
        panic!("registering the fuzz host functions failed: {e}");
    }
    functions
}

/// The options of a `run_source` run: tight limits, the host functions, and
/// small bridge buffers so oversized requests and response retries happen.
pub fn source_options() -> RunOptions {
    let bridge = match BridgeConfig::builder()
        .max_request_bytes(16 << 10)
        .max_response_bytes(32 << 10)
        .initial_result_cap(64)
        .build()
    {
        Ok(config) => config,
        Err(e) => panic!("fuzz bridge config: {e}"),
    };
    RunOptions::new()
        .limits(source_limits())
        .host_functions(host_functions())
        .bridge_config(bridge)
        .clone()
}

/// What a run ended with, coarsely: the fuzz targets feed it back to
/// libFuzzer as extra coverage, since the JIT-compiled guest is not
/// instrumented.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// `"ok"` or [`Error::kind`].
    pub kind: &'static str,
    /// The exception's type name, for guest exceptions.
    pub exception: String,
    /// log2 of the fuel used.
    pub fuel_log2: u32,
    /// log2 of the stdout length.
    pub stdout_log2: u32,
}

/// Runs fuzz input `data` as Python source (lossy UTF-8) under
/// [`source_options`] and checks the outcome.
pub fn check_source(runtime: &Runtime, data: &[u8]) -> Outcome {
    let source = String::from_utf8_lossy(data);
    let options = source_options();
    let outcome = runtime.run_with(&source, &options);
    check_outcome(options.get_limits(), &outcome, None)
}

/// Checks that the runtime still runs code correctly (after hostile runs).
pub fn check_runtime_still_works(runtime: &Runtime) {
    match runtime.run_with("print(6 * 7)", &source_options()) {
        Ok(result) => assert_eq!(result.stdout_str(), "42\n"),
        Err(e) => panic!("the runtime no longer runs a trivial snippet: {e:?}"),
    }
}

/// How a [`PROGRAMS`] entry ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// By itself (possibly with an exception or a limit).
    Always,
    /// Only by fuel, the wall clock or memory: it computes forever.
    Computing,
    /// Only by the wall clock: it sleeps for long.
    Sleeping,
}

/// The code the `limits` check runs: `(source, mode, its complete stdout
/// when it succeeds, how it ends)`.
pub const PROGRAMS: &[(&str, ExecMode, &str, Ends)] = &[
    ("print(1)", ExecMode::File, "1\n", Ends::Always),
    ("6 * 7", ExecMode::Eval, "42\n", Ends::Always),
    (
        "[1, 'a', None]",
        ExecMode::Single,
        "[1, 'a', None]\n",
        Ends::Always,
    ),
    (
        "print(sum(range(10000)))",
        ExecMode::File,
        "49995000\n",
        Ends::Always,
    ),
    ("print('x' * 100000)", ExecMode::File, "", Ends::Always),
    ("while True: pass", ExecMode::File, "", Ends::Computing),
    (
        "import time\nprint('a')\ntime.sleep(0.002)\nprint('b')",
        ExecMode::File,
        "a\nb\n",
        Ends::Always,
    ),
    (
        "import time\ntime.sleep(30)",
        ExecMode::File,
        "",
        Ends::Sleeping,
    ),
    (
        "b = bytearray(3 << 20)\nprint(len(b))",
        ExecMode::File,
        "3145728\n",
        Ends::Always,
    ),
    (
        "l = []\nwhile True: l.append([0] * 64)",
        ExecMode::File,
        "",
        Ends::Computing,
    ),
    (
        "def f(n): return f(n + 1)\nf(0)",
        ExecMode::File,
        "",
        Ends::Always,
    ),
    (
        "import json\nx = json.loads('[' * 5000)",
        ExecMode::File,
        "",
        Ends::Always,
    ),
    ("1/0", ExecMode::File, "", Ends::Always),
    ("import sys\nsys.exit(3)", ExecMode::File, "", Ends::Always),
    ("import sys\nsys.exit(0)", ExecMode::File, "", Ends::Always),
    (
        "import sys\nprint('e' * 300, file=sys.stderr)\nprint('o' * 300)",
        ExecMode::File,
        "",
        Ends::Always,
    ),
];

/// The expected stdout of `PROGRAMS` entries whose output is computed.
fn expected_stdout(source: &str, listed: &str) -> String {
    match source {
        "print('x' * 100000)" => format!("{}\n", "x".repeat(100_000)),
        s if s.ends_with("print('o' * 300)") => format!("{}\n", "o".repeat(300)),
        _ => listed.to_owned(),
    }
}

/// Arbitrary `Limits` from fuzz bytes, biased toward the edges: zero,
/// just below and above each minimum, the defaults, huge values.
pub fn arbitrary_limits(u: &mut Unstructured<'_>) -> arbitrary::Result<Limits> {
    let memory = *u.choose(&[
        0,
        1,
        Limits::MIN_MEMORY_BYTES - 1,
        Limits::MIN_MEMORY_BYTES,
        3 << 20,
        4 << 20,
        Limits::DEFAULT_MEMORY_BYTES,
        64 << 20,
        Limits::MAX_MEMORY_BYTES,
        Limits::MAX_MEMORY_BYTES + 1,
        u64::MAX,
    ])?;
    let memory = if u.arbitrary::<bool>()? {
        memory
    } else {
        u.int_in_range(0..=(80 << 20))?
    };
    let fuel = match u.int_in_range(0..=4u8)? {
        0 => None,
        1 => Some(0),
        2 => Some(u.int_in_range(1..=10_000)?),
        3 => Some(u.int_in_range(10_000..=1_000_000_000)?),
        _ => Some(u.arbitrary::<u64>()?),
    };
    let wall = match u.int_in_range(0..=4u8)? {
        0 => None,
        1 => Some(Duration::ZERO),
        2 => Some(Duration::from_nanos(u.int_in_range(1..=5_000_000)?)),
        3 => Some(Duration::from_millis(u.int_in_range(5..=100)?)),
        _ => Some(Duration::new(
            u.arbitrary::<u64>()?,
            u.int_in_range(0..=999_999_999)?,
        )),
    };
    let stack = *u.choose(&[
        0,
        Limits::MIN_MAX_WASM_STACK - 1,
        Limits::MIN_MAX_WASM_STACK,
        128 << 10,
        Limits::DEFAULT_MAX_WASM_STACK,
        Limits::DEFAULT_MAX_WASM_STACK + 1,
        usize::MAX,
    ])?;
    let stack = if u.arbitrary::<bool>()? {
        stack
    } else {
        u.int_in_range(0..=(1 << 20))?
    };
    let output = match u.int_in_range(0..=3u8)? {
        0 => 0,
        1 => u.int_in_range(1..=400)?,
        2 => Limits::DEFAULT_MAX_OUTPUT_BYTES,
        _ => u.arbitrary::<usize>()?,
    };
    Ok(Limits::new()
        .memory_bytes(memory)
        .fuel(fuel)
        .wall_timeout(wall)
        .max_wasm_stack(stack)
        .max_output_bytes(output)
        .clone())
}

/// Whether a program that ends as `ends` ends under `limits` within about
/// 100 ms (so that the fuzzer and the corpus replay stay fast).
fn ends_under(ends: Ends, limits: &Limits) -> bool {
    let wall = limits
        .get_wall_timeout()
        .is_some_and(|t| t <= Duration::from_millis(100));
    match ends {
        Ends::Always => true,
        Ends::Computing => wall || limits.get_fuel().is_some_and(|f| f <= 1_000_000_000),
        Ends::Sleeping => wall,
    }
}

/// A program from [`PROGRAMS`] that ends under `limits`.
fn choose_program(
    u: &mut Unstructured<'_>,
    limits: &Limits,
) -> arbitrary::Result<(&'static str, ExecMode, String)> {
    let candidates: Vec<_> = PROGRAMS
        .iter()
        .filter(|(_, _, _, ends)| ends_under(*ends, limits))
        .collect();
    let (source, mode, stdout, _) = **u.choose(&candidates)?;
    Ok((source, mode, expected_stdout(source, stdout)))
}

/// Limits the runtime may refuse even though [`Limits::validate`] accepts
/// them: a stack above the runtime's, or memory below what the booted
/// guest needs.
pub fn refusal_allowed(limits: &Limits, error: &Error) -> bool {
    match error {
        Error::InvalidLimits(LimitsError::ExceedsRuntime { .. }) => {
            limits.get_max_wasm_stack() > Limits::DEFAULT_MAX_WASM_STACK
        }
        Error::InvalidLimits(LimitsError::BelowGuestMinimum { .. }) => {
            limits.get_memory_bytes() < (8 << 20)
        }
        _ => false,
    }
}

/// Builds limits and programs from `data` and runs them: validation never
/// panics, refusals are `InvalidLimits` exactly when validation fails (or
/// the runtime's own caps explain them), and runs end in `Ok` or a typed
/// error with the result's invariants intact. A second run in the same VM
/// under new limits (`Vm::set_limits`) checks the same after a clean first
/// run.
pub fn check_limits(runtime: &Runtime, data: &[u8]) -> Option<Outcome> {
    let mut u = Unstructured::new(data);
    let first = arbitrary_limits(&mut u).ok()?;
    let (source, mode, stdout) = choose_program(&mut u, &first).ok()?;
    let second = arbitrary_limits(&mut u).ok()?;
    let (source2, mode2, stdout2) = choose_program(&mut u, &second).ok()?;

    let valid = first.validate();
    let options = RunOptions::new().limits(first.clone()).clone();
    let mut vm = match Vm::new(runtime, &options) {
        Ok(vm) => {
            assert!(valid.is_ok(), "a VM started with invalid limits {first:?}");
            vm
        }
        Err(e) => {
            assert!(
                valid.is_err() || refusal_allowed(&first, &e),
                "{first:?} validated but the VM refused them: {e:?}"
            );
            return Some(outcome_of(&Err(e)));
        }
    };
    let outcome = vm.run_named("<string>", source, mode);
    let summary = check_outcome(&first, &outcome, Some(&stdout));
    if outcome.as_ref().is_err_and(Error::is_trap) {
        return Some(summary);
    }

    let valid = second.validate();
    match vm.set_limits(second.clone()) {
        Ok(()) => assert!(valid.is_ok(), "set_limits accepted invalid {second:?}"),
        Err(e) => {
            assert!(
                valid.is_err() || refusal_allowed(&second, &e),
                "{second:?} validated but set_limits refused them: {e:?}"
            );
            return Some(summary);
        }
    }
    let outcome = vm.run_named("<string>", source2, mode2);
    Some(check_outcome(&second, &outcome, Some(&stdout2)))
}

/// Checks one run's outcome under `limits`. `expected` is the complete
/// stdout of a successful run, if known.
pub fn check_outcome(
    limits: &Limits,
    outcome: &Result<RunResult, Error>,
    expected: Option<&str>,
) -> Outcome {
    let result = match outcome {
        Ok(result) => Some(result),
        Err(e) => {
            match e {
                // Tracebacks may be cut short when the guest is out of
                // memory (the guest drops what it cannot store), so only
                // the type name is required.
                Error::GuestException(exception) => {
                    assert!(!exception.type_name.is_empty(), "{e:?}");
                }
                Error::MemoryLimit { .. } => {}
                Error::Exit { code, .. } => assert_ne!(*code, 0),
                Error::OutOfFuel(_)
                | Error::Interrupted {
                    interrupt: Interrupt::Fuel,
                    ..
                } => assert!(limits.get_fuel().is_some(), "{e:?}"),
                Error::Timeout(_)
                | Error::Interrupted {
                    interrupt: Interrupt::WallClock,
                    ..
                } => assert!(limits.get_wall_timeout().is_some(), "{e:?}"),
                Error::StackOverflow(_) => {}
                other => panic!("a run ended in a host/engine error: {other:?}"),
            }
            e.run_result()
        }
    };
    let Some(result) = result else {
        panic!("a run error without its result: {outcome:?}");
    };
    check_result(limits, result);
    if let (Ok(result), Some(expected)) = (outcome, expected) {
        let cap = limits.get_max_output_bytes().min(expected.len());
        assert_eq!(
            result.stdout_str(),
            expected[..cap],
            "stdout under {limits:?}"
        );
        assert_eq!(result.stdout_truncated, expected.len() > cap);
    }
    outcome_of(outcome)
}

/// Invariants of any run's result, successful or not.
fn check_result(limits: &Limits, result: &RunResult) {
    let cap = limits.get_max_output_bytes();
    assert!(result.stdout.len() <= cap, "stdout over its cap");
    assert!(result.stderr.len() <= cap, "stderr over its cap");
    match limits.get_fuel() {
        Some(budget) => {
            let remaining = result.fuel_remaining;
            assert!(
                remaining.is_some_and(|r| r <= budget),
                "{remaining:?} left of {budget}"
            );
            // After a soft fuel stop the guest may use the grace fuel too.
            let used = result.fuel_consumed + remaining.unwrap_or(0);
            assert!(
                used == budget
                    || (remaining == Some(0) && used <= budget + limits.get_fuel_grace()),
                "fuel accounting: {} used, {remaining:?} left of {budget}",
                result.fuel_consumed
            );
        }
        None => assert_eq!(result.fuel_remaining, None),
    }
    if let Some(timeout) = limits.get_wall_timeout() {
        assert!(
            result.duration <= timeout + limits.get_grace() + DEADLINE_SLACK,
            "a run took {:?} with a {timeout:?} limit",
            result.duration
        );
    }
    for failure in &result.host_failures {
        // Only `internal` fails internally, and nothing panics.
        assert_eq!(failure.function, "internal", "{failure:?}");
        assert!(!failure.panicked, "{failure:?}");
    }
}

fn outcome_of(outcome: &Result<RunResult, Error>) -> Outcome {
    let log2 = |n: u64| u64::BITS - n.leading_zeros();
    match outcome {
        Ok(result) => Outcome {
            kind: "ok",
            exception: String::new(),
            fuel_log2: log2(result.fuel_consumed),
            stdout_log2: log2(result.stdout.len() as u64),
        },
        Err(e) => Outcome {
            // Soft stops are told apart by what stopped them.
            kind: match e {
                Error::Interrupted {
                    interrupt: Interrupt::Fuel,
                    ..
                } => "soft_out_of_fuel",
                Error::Interrupted {
                    interrupt: Interrupt::WallClock,
                    ..
                } => "soft_timeout",
                other => other.kind(),
            },
            exception: match e {
                Error::GuestException(exception) => exception.type_name.clone(),
                _ => String::new(),
            },
            fuel_log2: e.run_result().map_or(0, |r| log2(r.fuel_consumed)),
            stdout_log2: e.run_result().map_or(0, |r| log2(r.stdout.len() as u64)),
        },
    }
}
