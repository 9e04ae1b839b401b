//! Output floods: captured up to the cap, byte for byte, flagged, and the
//! next run starts with an empty capture.

use mpwasm_core::{Error, Limits};

use crate::{limited, ok, runtime};

const CAP: usize = Limits::DEFAULT_MAX_OUTPUT_BYTES;

#[test]
fn print_in_a_loop_keeps_exactly_the_first_mebibyte() {
    // 64 bytes a line, 1.28 MB in all. No wall clock: the host side of
    // 20,000 writes is slow in unoptimised test builds.
    let options = limited(|l| {
        l.wall_timeout(None);
    });
    let r = runtime()
        .run_with(
            "for i in range(20000):\n    print('%07d' % i + '.' * 56)\nprint('done')",
            &options,
        )
        .unwrap();
    assert_eq!(r.stdout.len(), CAP);
    assert!(r.stdout_truncated && !r.stderr_truncated);
    let expected: String = (0..CAP / 64)
        .map(|i| format!("{i:07}{}\n", ".".repeat(56)))
        .collect();
    assert_eq!(r.stdout_str(), expected);
    let next = ok("print('next')");
    assert_eq!(next.stdout_str(), "next\n");
    assert!(!next.stdout_truncated);
}

#[test]
fn an_endless_flood_is_stopped_by_fuel_with_the_output_kept() {
    let options = limited(|l| {
        l.fuel(Some(300_000_000))
            .wall_timeout(None)
            .max_output_bytes(4096);
    });
    let e = runtime()
        .run_with("while True:\n    print('flood')", &options)
        .unwrap_err();
    let r = crate::fuel_stopped(&e);
    assert_eq!(r.stdout.len(), 4096);
    assert!(r.stdout_truncated);
    assert_eq!(r.stdout_str(), "flood\n".repeat(700)[..4096]);
}

#[test]
fn one_giant_line() {
    let r = ok("print('x' * 10**7)\nprint('after')");
    assert_eq!(r.stdout.len(), CAP);
    assert!(r.stdout_truncated);
    assert!(r.stdout.iter().all(|&b| b == b'x'));
}

#[test]
fn nul_and_invalid_utf8_bytes_are_kept_raw() {
    let r = ok(
        "import sys\nsys.stdout.buffer.write(b'a\\x00b\\xff\\xfe\\xc3(')\nsys.stdout.write('\\x00z')\nsys.stderr.buffer.write(b'\\xff\\x00')\nprint(end='!')",
    );
    assert_eq!(r.stdout, b"a\x00b\xff\xfe\xc3(\x00z!");
    assert_eq!(r.stderr, b"\xff\x00");
    assert_eq!(r.stdout_str(), "a\0b\u{fffd}\u{fffd}\u{fffd}(\0z!");
}

#[test]
fn stderr_flood_is_capped_separately() {
    let options = limited(|l| {
        l.max_output_bytes(1000);
    });
    let r = runtime()
        .run_with(
            "import sys\nfor i in range(2000):\n    sys.stderr.write('e' * 100)\nprint('out')",
            &options,
        )
        .unwrap();
    assert_eq!(r.stderr, vec![b'e'; 1000]);
    assert!(r.stderr_truncated && !r.stdout_truncated);
    assert_eq!(r.stdout_str(), "out\n");
}

#[test]
fn a_flood_before_an_exception_keeps_both() {
    let options = limited(|l| {
        l.max_output_bytes(64);
    });
    let e = runtime()
        .run_with(
            "print('y' * 1000)\nraise ValueError('after the flood')",
            &options,
        )
        .unwrap_err();
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.message, "after the flood");
    assert_eq!(g.result.stdout, vec![b'y'; 64]);
    assert!(g.result.stdout_truncated);
}

#[test]
fn a_zero_output_cap_drops_everything() {
    let options = limited(|l| {
        l.max_output_bytes(0);
    });
    let r = runtime()
        .run_with(
            "print('hidden')\nimport sys\nsys.stderr.write('e')",
            &options,
        )
        .unwrap();
    assert!(r.stdout.is_empty() && r.stderr.is_empty());
    assert!(r.stdout_truncated && r.stderr_truncated);
}
