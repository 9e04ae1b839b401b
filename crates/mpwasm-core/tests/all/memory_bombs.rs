//! Memory bombs of every shape, at 4 and 16 MiB: each ends as a typed error
//! with the output before it kept, the runtime keeps working, and the
//! process RSS stays bounded while guests try to allocate gigabytes.

use std::time::Duration;

use mpwasm_core::{Error, RunOptions};

use crate::{limited, limits, ok, runtime};

const MIB: u64 = 1 << 20;

/// Memory-bounded but generous on time: these must end by the memory limit,
/// never by fuel or the clock (the 16 MiB shapes take up to ~0.5 s).
fn at(memory: u64) -> RunOptions {
    limited(|l| {
        l.memory_bytes(memory)
            .fuel(None)
            .wall_timeout(Some(Duration::from_secs(30)));
    })
}

/// Shapes that allocate without bound; each prints `s` first.
const BOMBS: &[(&str, &str)] = &[
    ("huge string", "x = 'a' * 10**9"),
    ("list growth", "x = []\nwhile True:\n    x.append(len(x))"),
    (
        "dict growth",
        "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1",
    ),
    (
        "bytearray growth",
        "b = bytearray()\nwhile True:\n    b.extend(bytes(65536))",
    ),
    (
        "deep nesting",
        "l = []\nfor i in range(10**8):\n    l = [l]",
    ),
    (
        "doubling tree",
        "l = []\nwhile True:\n    l = [l, l, 'pad']",
    ),
    (
        "str.join of a giant generator",
        "x = ''.join('abcdefgh' for i in range(10**9))",
    ),
    ("bytes repeat", "x = b'ab' * (10**9)"),
    ("list repeat", "x = [None] * (10**9)"),
    (
        "json of a deep structure",
        "import json\nx = json.loads('[' * 10**6 + ']' * 10**6)",
    ),
];

fn expect_memory_limit(label: &str, memory: u64, code: &str) {
    let program = format!("print('s')\n{code}");
    let e = runtime().run_with(&program, &at(memory)).expect_err(label);
    let Error::MemoryLimit {
        message,
        traceback,
        result,
    } = &e
    else {
        panic!("{label} at {} MiB: {e:?}", memory / MIB)
    };
    assert_eq!(result.stdout_str(), "s\n", "{label}");
    assert!(
        message.starts_with("memory allocation failed"),
        "{label}: {message}"
    );
    assert!(
        traceback.ends_with(&format!("MemoryError: {message}\n")),
        "{label}: {traceback}"
    );
    assert!(!e.is_trap(), "{label}: a MemoryError leaves the VM clean");
}

#[test]
fn every_shape_is_a_memory_limit_at_4_mib() {
    for (label, code) in BOMBS {
        expect_memory_limit(label, 4 * MIB, code);
    }
    assert_eq!(ok("print(len([0] * 1000))").stdout_str(), "1000\n");
}

#[test]
fn every_shape_is_a_memory_limit_at_16_mib() {
    // 'a' * 10**9 and list growth at 16 MiB are in limits.rs.
    for (label, code) in &BOMBS[2..] {
        expect_memory_limit(label, 16 * MIB, code);
    }
    assert_eq!(ok("print(len([0] * 1000))").stdout_str(), "1000\n");
}

#[test]
fn a_huge_int_power_is_a_cpu_burn_stopped_by_fuel() {
    // 10**10**8 needs ~41 MB, but squaring towards it is quadratic: fuel
    // ends it long before the heap fills. As a literal it is folded by the
    // compiler, so it burns before any statement runs (no output yet).
    let fuel = limited(|l| {
        l.memory_bytes(4 * MIB)
            .fuel(Some(300_000_000))
            .wall_timeout(None);
    });
    for (code, stdout) in [
        ("print('s')\nx = 10**10**8", ""),
        ("print('s')\nn = 8\nx = 10**10**n", "s\n"),
    ] {
        for memory in [4 * MIB, 16 * MIB] {
            let options = fuel
                .clone()
                .limits(fuel.get_limits().clone().memory_bytes(memory).clone())
                .clone();
            let e = runtime().run_with(code, &options).unwrap_err();
            let r = crate::fuel_stopped(&e);
            assert_eq!(r.stdout_str(), stdout, "{code}");
        }
    }
    assert_eq!(ok("print(2**100 % 7)").stdout_str(), "2\n");
}

#[test]
fn a_huge_int_shift_is_a_memory_limit_even_when_folded() {
    for memory in [4 * MIB, 16 * MIB] {
        // Folded at compile time: no traceback frame, no output yet.
        let e = runtime()
            .run_with("print('s')\nx = 1 << 10**9", &at(memory))
            .unwrap_err();
        let Error::MemoryLimit {
            message, result, ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(result.stdout_str(), "");
        assert!(message.starts_with("memory allocation failed"), "{message}");
        expect_memory_limit("runtime shift", memory, "n = 9\nx = 1 << 10**n");
    }
}

#[test]
fn deeply_nested_source_is_bounded() {
    // MicroPython's parser is quadratic in nesting depth: fuel ends it.
    let options = limited(|l| {
        l.memory_bytes(16 * MIB)
            .fuel(Some(500_000_000))
            .wall_timeout(None);
    });
    let e = runtime()
        .run_with(
            "print('s')\nx = eval('[' * 100000 + ']' * 100000)",
            &options,
        )
        .unwrap_err();
    let r = crate::fuel_stopped(&e);
    assert_eq!(r.stdout_str(), "s\n");
    // A moderate depth parses fine.
    assert_eq!(
        ok("x = eval('[' * 500 + ']' * 500)\nprint(len(x))").stdout_str(),
        "1\n"
    );
}

#[test]
fn retrying_after_memory_error_forever_is_stopped_by_fuel() {
    let options = limited(|l| {
        l.memory_bytes(4 * MIB)
            .fuel(Some(200_000_000))
            .wall_timeout(None);
    });
    let code = "print('s')\nn = 0\nwhile True:\n    try:\n        x = [0] * (10**7)\n    except MemoryError:\n        n += 1";
    let e = runtime().run_with(code, &options).unwrap_err();
    let r = crate::fuel_stopped(&e);
    assert_eq!(r.stdout_str(), "s\n");
}

const FILLERS: &[&str] = &[
    "huge string",
    "dict growth",
    "bytearray growth",
    "str.join of a giant generator",
    "bytes repeat",
];

/// The hostile batch, run in a child process (other tests of this binary
/// run in parallel threads and would move the process RSS).
#[cfg(target_os = "linux")]
#[test]
#[ignore = "run by rss_stays_bounded_across_hostile_runs in a child process"]
fn rss_child() {
    let batch = |rounds: usize| {
        for _ in 0..rounds {
            // The quick shapes that fill the 16 MiB guest.
            for (label, code) in BOMBS.iter().filter(|(l, _)| FILLERS.contains(l)) {
                expect_memory_limit(label, 16 * MIB, code);
            }
            expect_memory_limit("4 MiB list", 4 * MIB, BOMBS[1].1);
            // A trap (not a MemoryError) in the middle of a full heap.
            let e = runtime()
                .run_with(
                    "b = bytearray(12 * 2**20)\nwhile True: pass",
                    RunOptions::new().limits(limits(|l| {
                        l.fuel(Some(50_000_000));
                    })),
                )
                .unwrap_err();
            crate::fuel_stopped(&e);
        }
    };
    // Warm-up: runtime, pool slots, allocator arenas.
    batch(1);
    let before = crate::proc_status_kib("VmRSS");
    batch(3);
    let after = crate::proc_status_kib("VmRSS");
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
    println!("RSS_KIB before={before} after={after}");
}

#[cfg(target_os = "linux")]
#[test]
fn rss_stays_bounded_across_hostile_runs() {
    let (before, after) = crate::child_before_after("memory_bombs::rss_child", "RSS_KIB ");
    // 24 hostile runs, most filling a 16 MiB guest (hundreds of MiB if
    // linear memory were never returned, GBs if the limit leaked). Allow 64 MiB for allocator
    // noise and captured results.
    let growth_kib = after.saturating_sub(before);
    assert!(
        growth_kib < 64 * 1024,
        "RSS grew by {growth_kib} KiB ({before} -> {after})"
    );
}
