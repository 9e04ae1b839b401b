//! Every limit trips into its own error variant, and the runtime survives it.

use std::time::{Duration, Instant};

use mpwasm_core::{Error, Limits, RunOptions};
use proptest::prelude::*;

use crate::{err_with, limited, limits, ok, runtime};

fn with(limits: Limits) -> RunOptions {
    let mut options = RunOptions::new();
    options.limits(limits);
    options
}

#[test]
fn fuel_stops_an_infinite_loop() {
    let e = err_with(
        "print('start')\nwhile True: pass",
        &limited(|l| {
            l.fuel(Some(50_000_000)).wall_timeout(None);
        }),
    );
    let r = crate::fuel_stopped(&e);
    assert_eq!(r.stdout_str(), "start\n");
    assert_eq!(r.fuel_remaining, Some(0));
    assert!(r.fuel_consumed >= 50_000_000);
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

#[test]
fn wall_clock_stops_an_infinite_loop_without_fuel() {
    let started = Instant::now();
    let e = err_with(
        "while True: pass",
        &limited(|l| {
            l.fuel(None).wall_timeout(Some(Duration::from_millis(200)));
        }),
    );
    crate::clock_stopped(&e);
    assert!(!e.is_trap(), "a loop stops at a safe point: {e:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(200) && took < Duration::from_secs(5),
        "{took:?}"
    );
}

#[test]
fn sleep_ends_at_the_deadline() {
    let started = Instant::now();
    let e = err_with(
        "import time\nprint('zz')\ntime.sleep(10)",
        &limited(|l| {
            l.wall_timeout(Some(Duration::from_millis(300)));
        }),
    );
    let r = crate::clock_stopped(&e);
    assert_eq!(r.stdout_str(), "zz\n");
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(3),
        "sleep ignored the deadline: {took:?}"
    );
}

#[test]
fn short_sleep_within_the_deadline_works() {
    let r = ok(
        "import time\nt = time.ticks_ms()\ntime.sleep_ms(30)\nprint(time.ticks_diff(time.ticks_ms(), t) >= 29)",
    );
    assert_eq!(r.stdout_str(), "True\n");
}

#[test]
fn huge_string_is_a_memory_limit() {
    let e = err_with("print('a')\nx = 'a' * 10**9", &with(Limits::new()));
    let Error::MemoryLimit {
        result, message, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(result.stdout_str(), "a\n");
    assert!(message.contains("memory allocation failed"), "{message}");
}

#[test]
fn growing_list_is_a_memory_limit_at_16_mib() {
    let e = err_with(
        "x = []\nwhile True:\n    x.append('%d' % len(x))",
        &limited(|l| {
            l.memory_bytes(16 << 20)
                .fuel(None)
                .wall_timeout(Some(std::time::Duration::from_secs(20)));
        }),
    );
    assert!(matches!(e, Error::MemoryLimit { .. }), "{e:?}");
    assert_eq!(ok("print(len([0] * 1000))").stdout_str(), "1000\n");
}

#[test]
fn the_heap_grows_into_the_memory_limit() {
    // 40 MB of live data needs the heap to grow well past its initial size.
    let code = "x = [bytearray(1 << 20) for _ in range(40)]\nprint(sum(len(b) for b in x))";
    // No wall clock: this takes most of a second on a loaded machine.
    let mut limits = Limits::new();
    limits.wall_timeout(None).memory_bytes(64 << 20);
    let r = runtime().run_with(code, &with(limits.clone())).unwrap();
    assert_eq!(r.stdout_str(), "41943040\n");
    let e = err_with(code, &with(limits.memory_bytes(16 << 20).clone()));
    assert!(matches!(e, Error::MemoryLimit { .. }), "{e:?}");
}

#[test]
fn memory_error_can_be_caught_by_the_guest() {
    let r = ok(
        "try:\n    x = bytearray(10**9)\nexcept MemoryError:\n    print('caught')\nprint(len(bytearray(1000)))",
    );
    assert_eq!(r.stdout_str(), "caught\n1000\n");
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let e = err_with("def f(n):\n    return f(n + 1)\nf(0)", &with(Limits::new()));
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "RecursionError");
    assert_eq!(g.message, "maximum recursion depth exceeded");
}

#[test]
fn recursion_through_repr_is_caught_too() {
    let code = "class A:\n    def __repr__(self):\n        return repr(A())\nrepr(A())";
    let e = err_with(code, &with(Limits::new()));
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.message, "maximum recursion depth exceeded");
}

#[test]
fn recursion_inside_c_code_is_a_recursion_error() {
    // repr of a deeply nested list recurses in C with little shadow-stack use;
    // the guest's check also asks the host about the native stack.
    let e = err_with(
        "print('deep')\nl = []\nfor i in range(100000):\n    l = [l]\nrepr(l)",
        &with(Limits::new()),
    );
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "RecursionError");
    assert_eq!(g.message, "maximum recursion depth exceeded");
    assert_eq!(g.result.stdout_str(), "deep\n");
}

#[test]
fn nested_repeats_in_re_neither_overflow_nor_hang() {
    // MicroPython's extmod/re_stack_overflow.py pattern: the re engine keeps
    // its choice points on a heap stack, so `(a*)*` matches as in CPython
    // (expected output from python3) at the smallest and the default stack.
    let code =
        "import re\nm = re.match('(a*)*', 'aaa')\nprint(m.span(), m.groups())\nprint('after')";
    for max_stack in [Limits::MIN_MAX_WASM_STACK, Limits::DEFAULT_MAX_WASM_STACK] {
        let r = runtime()
            .run_with(
                code,
                &limited(|l| {
                    l.max_wasm_stack(max_stack);
                }),
            )
            .unwrap();
        assert_eq!(r.stdout_str(), "(0, 3) ('',)\nafter\n");
    }
}

#[test]
fn recursion_in_the_compiler_is_a_stack_overflow() {
    // The compiler recurses over nested displays without a recursion check:
    // the native stack traps, typed, with the output kept.
    let e = err_with(
        "print('deep')\neval('[' * 3000 + ']' * 3000)",
        &with(Limits::new()),
    );
    let Error::StackOverflow(r) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(r.stdout_str(), "deep\n");
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

#[test]
fn a_script_file_name_sets_file_and_sys_path() {
    // Like the unix port running a script: __file__ and sys.path[0].
    let runtime = runtime();
    let mut vm = mpwasm_core::Vm::new(runtime, &RunOptions::new()).unwrap();
    let code = "import sys\nprint(__file__, sys.path[0])";
    let r = vm
        .run_named("/input/app/main.py", code, mpwasm_core::ExecMode::File)
        .unwrap();
    assert_eq!(r.stdout_str(), "/input/app/main.py /input/app\n");
    // Source text (`<string>`, `<stdin>`) is not a script: no __file__.
    let r = runtime
        .run("print('__file__' in globals())\nimport sys\nprint(repr(sys.path[0]))")
        .unwrap();
    assert_eq!(r.stdout_str(), "False\n''\n");
}

#[test]
fn stderr_to_stdout_keeps_the_write_order() {
    // MicroPython prints this warning to stderr between the two lines.
    let code = "print('one')\ntry:\n    raise ValueError('v') from KeyError('k')\nexcept ValueError:\n    print('two')";
    let r = runtime()
        .run_with(code, with(Limits::new()).stderr_to_stdout(true))
        .unwrap();
    assert_eq!(
        r.stdout_str(),
        "one\nWarning: exception chaining not supported\ntwo\n"
    );
    assert!(r.stderr.is_empty());
    let r = runtime().run_with(code, &with(Limits::new())).unwrap();
    assert_eq!(r.stdout_str(), "one\ntwo\n");
    assert_eq!(
        r.stderr_str(),
        "Warning: exception chaining not supported\n"
    );
}

#[test]
fn output_is_truncated_and_flagged() {
    let r = runtime()
        .run_with(
            "print('x' * 5000)\nimport sys\nsys.stderr.write('e' * 10)",
            &limited(|l| {
                l.max_output_bytes(100);
            }),
        )
        .unwrap();
    assert_eq!(r.stdout.len(), 100);
    assert!(r.stdout_truncated);
    assert_eq!(r.stderr_str(), "eeeeeeeeee");
    assert!(!r.stderr_truncated);
}

#[test]
fn fuel_accounting_is_reported() {
    let r = ok("pass");
    let small = r.fuel_consumed;
    let r = ok("for i in range(10000): pass");
    assert!(
        r.fuel_consumed > small + 10000,
        "{} vs {}",
        r.fuel_consumed,
        small
    );
    assert_eq!(
        r.fuel_remaining,
        Some(Limits::DEFAULT_FUEL - r.fuel_consumed)
    );
}

#[test]
fn limits_above_the_runtime_are_refused() {
    let e = runtime()
        .run_with(
            "pass",
            &limited(|l| {
                l.max_wasm_stack(64 << 20);
            }),
        )
        .unwrap_err();
    assert!(matches!(e, Error::InvalidLimits(_)), "{e:?}");
}

/// Each setting's published bounds, at and just past each end.
#[test]
fn every_setting_is_refused_just_outside_its_bounds_and_named() {
    use mpwasm_core::LimitsError;
    let at = |f: &dyn Fn(&mut Limits)| {
        let mut limits = Limits::new();
        f(&mut limits);
        limits.validate()
    };
    let out_of_range = |r: Result<(), LimitsError>| match r {
        Err(LimitsError::OutOfRange { setting, value, .. }) => Some((setting, value)),
        _ => None,
    };
    let (min, max) = (Limits::MIN_MEMORY_BYTES, Limits::MAX_MEMORY_BYTES);
    assert_eq!(
        at(&|l| {
            l.memory_bytes(min);
        }),
        Ok(())
    );
    assert_eq!(
        at(&|l| {
            l.memory_bytes(max);
        }),
        Ok(())
    );
    assert_eq!(
        out_of_range(at(&|l| {
            l.memory_bytes(min - 1);
        })),
        Some(("memory_bytes", min - 1))
    );
    assert_eq!(
        out_of_range(at(&|l| {
            l.memory_bytes(max + 1);
        })),
        Some(("memory_bytes", max + 1))
    );
    let (min, max) = (Limits::MIN_MAX_WASM_STACK, Limits::MAX_MAX_WASM_STACK);
    assert_eq!(
        at(&|l| {
            l.max_wasm_stack(min);
        }),
        Ok(())
    );
    assert_eq!(
        at(&|l| {
            l.max_wasm_stack(max);
        }),
        Ok(())
    );
    assert_eq!(
        out_of_range(at(&|l| {
            l.max_wasm_stack(min - 1);
        })),
        Some(("max_wasm_stack", (min - 1) as u64))
    );
    assert_eq!(
        at(&|l| {
            l.fuel(Some(0));
        }),
        Err(LimitsError::Zero { setting: "fuel" })
    );
    assert_eq!(
        at(&|l| {
            l.fuel(Some(1));
        }),
        Ok(())
    );
    assert_eq!(
        at(&|l| {
            l.wall_timeout(Some(Duration::ZERO));
        }),
        Err(LimitsError::Zero {
            setting: "wall_timeout"
        })
    );
    let year = Limits::MAX_WALL_TIMEOUT;
    assert_eq!(
        at(&|l| {
            l.wall_timeout(Some(year));
        }),
        Ok(())
    );
    let past = year + Duration::from_nanos(1);
    assert_eq!(
        at(&|l| {
            l.wall_timeout(Some(past));
        }),
        Err(LimitsError::WallTimeoutTooLong(past))
    );
    // Switching a limit off is not an error; nor is any output cap.
    assert_eq!(
        at(&|l| {
            l.fuel(None).wall_timeout(None).max_output_bytes(0);
        }),
        Ok(())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Validation never panics, and a refusal names a setting whose value
    /// is the one given: restoring just that setting's default removes that
    /// refusal (another setting may then be refused, never the same one).
    #[test]
    fn a_refusal_names_the_setting_at_fault(
        memory in any::<u64>(),
        fuel in proptest::option::of(any::<u64>()),
        timeout_ms in proptest::option::of(0u64..(400 * 24 * 3600 * 1000)),
        stack in any::<usize>(),
        output in any::<usize>(),
    ) {
        use mpwasm_core::LimitsError;
        let mut limits = Limits::new();
        limits
            .memory_bytes(memory)
            .fuel(fuel)
            .wall_timeout(timeout_ms.map(Duration::from_millis))
            .max_wasm_stack(stack)
            .max_output_bytes(output);
        let Err(refusal) = limits.validate() else {
            return Ok(());
        };
        let defaults = Limits::new();
        let mut fixed = limits.clone();
        match &refusal {
            LimitsError::OutOfRange { setting: "memory_bytes", value, .. } => {
                prop_assert_eq!(*value, memory);
                fixed.memory_bytes(defaults.get_memory_bytes());
            }
            LimitsError::OutOfRange { setting: "max_wasm_stack", value, .. } => {
                prop_assert_eq!(*value, stack as u64);
                fixed.max_wasm_stack(defaults.get_max_wasm_stack());
            }
            LimitsError::Zero { setting: "fuel" } => {
                prop_assert_eq!(fuel, Some(0));
                fixed.fuel(defaults.get_fuel());
            }
            LimitsError::Zero { setting: "wall_timeout" } | LimitsError::WallTimeoutTooLong(_) => {
                fixed.wall_timeout(defaults.get_wall_timeout());
            }
            other => prop_assert!(false, "unexpected refusal {:?}", other),
        }
        prop_assert_ne!(fixed.validate(), Err(refusal));
    }
}

/// Found by the `limits` fuzz target: the guest used to be told its memory
/// and stack limits under the run's own fuel, so a tiny budget ended in an
/// engine error instead of a fuel stop.
#[test]
fn a_tiny_fuel_budget_is_a_fuel_stop_not_an_engine_error() {
    for fuel in [1, 100, 10_000] {
        let e = err_with(
            "print(1)",
            &limited(|l| {
                l.fuel(Some(fuel));
            }),
        );
        // The guest asks the host every few dozen branches: a budget this
        // small is gone before it asks, and the run that used grace fuel is
        // reported as over its budget.
        let r = crate::fuel_stopped(&e);
        assert!(!e.is_trap(), "{e:?}");
        assert!(r.fuel_consumed > fuel, "fuel {fuel}: {e:?}");
        assert_eq!(r.fuel_remaining, Some(0));
    }
}

/// Found by the `limits` fuzz target: when the guest's memory is full, a
/// source larger than its input buffer cannot be copied in. That used to be
/// a `Trap` (which poisons a session); nothing ran, so it is a memory limit
/// and the VM keeps working for sources that fit.
#[test]
fn a_source_that_does_not_fit_full_memory_is_a_memory_limit() {
    use mpwasm_core::Vm;

    let options = limited(|l| {
        l.memory_bytes(4 << 20);
    });
    let mut vm = Vm::new(runtime(), &options).unwrap();
    // Leave about 512 KiB free: small snippets still run, a 1 MiB source
    // does not fit.
    let free = (4 << 20) - vm.memory_size();
    let fill = format!("b = bytearray({})", free - (512 << 10));
    vm.run(&fill).unwrap();
    let big = format!("{}\nprint(1)", "#".repeat(1 << 20));
    match vm.run(&big) {
        Err(Error::MemoryLimit { message, .. }) => {
            assert!(message.contains("bytes for the source"), "{message}")
        }
        other => panic!("expected a memory limit, got {other:?}"),
    }
    let r = vm.run("print(len(b) > 1000)").unwrap();
    assert_eq!(r.stdout_str(), "True\n");
}

/// Edge values for each limit: zero, around each minimum and maximum, the
/// defaults, and anything at all.
fn any_limits() -> impl Strategy<Value = Limits> {
    let memory = prop_oneof![
        1 => Just(0u64),
        1 => Just(Limits::MIN_MEMORY_BYTES - 1),
        8 => Limits::MIN_MEMORY_BYTES..=(64 << 20),
        1 => Just(Limits::MAX_MEMORY_BYTES),
        1 => Just(Limits::MAX_MEMORY_BYTES + 1),
        1 => any::<u64>(),
    ];
    let fuel = proptest::option::of(prop_oneof![
        1 => Just(0u64),
        1 => 1u64..200_000,
        4 => 200_000u64..50_000_000,
        1 => any::<u64>(),
    ]);
    let timeout = proptest::option::of(prop_oneof![
        1 => Just(Duration::ZERO),
        4 => (1u64..300_000).prop_map(Duration::from_micros),
        1 => (1u64..(2 * 365 * 24 * 3600)).prop_map(Duration::from_secs),
    ]);
    let stack = prop_oneof![
        1 => Just(0usize),
        8 => (Limits::MIN_MAX_WASM_STACK - 1)..=(Limits::DEFAULT_MAX_WASM_STACK + 1),
        1 => any::<usize>(),
    ];
    let output = prop_oneof![0usize..4, 4usize..100, any::<usize>()];
    (memory, fuel, timeout, stack, output).prop_map(|(memory, fuel, timeout, stack, output)| {
        let mut limits = Limits::new();
        limits
            .memory_bytes(memory)
            .fuel(fuel)
            .wall_timeout(timeout)
            .max_wasm_stack(stack)
            .max_output_bytes(output);
        limits
    })
}

proptest! {
    // Each case is a guest run (about a millisecond).
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any limits either fail validation (and the run is refused with
    /// `InvalidLimits`) or run `print(1)`: successfully when they are
    /// generous, else into a typed limit; output never exceeds its cap and
    /// fuel used plus left is the budget (the fuzz checks' invariants).
    #[test]
    fn any_limits_run_print_or_trip_a_typed_limit(limits in any_limits()) {
        use crate::fuzz_corpus::checks;

        let outcome = runtime().run_with("print(1)", &with(limits.clone()));
        if let Err(invalid) = limits.validate() {
            prop_assert!(
                matches!(&outcome, Err(Error::InvalidLimits(e)) if *e == invalid),
                "{outcome:?}"
            );
            return Ok(());
        }
        if let Err(e) = &outcome
            && checks::refusal_allowed(&limits, e)
        {
            return Ok(());
        }
        checks::check_outcome(&limits, &outcome, Some("1\n"));
        let generous = limits.get_memory_bytes() >= 4 << 20
            && limits.get_fuel().is_none_or(|f| f >= 50_000_000)
            && limits.get_wall_timeout().is_none_or(|t| t >= Duration::from_secs(1));
        match &outcome {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(!generous, "{limits:?}: {e:?}");
                prop_assert!(
                    matches!(
                        e,
                        Error::OutOfFuel(_)
                            | Error::Timeout(_)
                            | Error::Interrupted { .. }
                            | Error::MemoryLimit { .. }
                    ),
                    "{e:?}"
                );
            }
        }
    }
}

/// Found by the `limits` fuzz target: with the memory limit lowered below
/// what the VM already uses, a `MemoryError` cannot even be recorded (the
/// guest drops the details), which used to surface as a `GuestException`
/// with an empty type name. It is a memory limit, and the VM still works.
#[test]
fn an_exception_the_guest_cannot_record_is_a_memory_limit() {
    use mpwasm_core::Vm;

    let mut vm = Vm::new(runtime(), &with(Limits::new())).unwrap();
    vm.run("b = bytearray(3 << 20)").unwrap();
    vm.set_limits(limits(|l| {
        l.memory_bytes(Limits::MIN_MEMORY_BYTES);
    }))
    .unwrap();
    match vm.run("c = bytearray(3 << 20)") {
        Err(Error::MemoryLimit { .. }) => {}
        other => panic!("expected a memory limit, got {other:?}"),
    }
    let r = vm.run("print(len(b))").unwrap();
    assert_eq!(r.stdout_str(), "3145728\n");
}
