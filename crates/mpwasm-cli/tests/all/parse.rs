//! Size, fuel and timeout parsing (unit tests and a property test).

use std::time::Duration;

use mpwasm_cli::parse::{parse_fuel, parse_size, parse_size_usize, parse_timeout};
use proptest::prelude::*;

#[test]
fn sizes_plain_and_suffixed() {
    let cases: &[(&str, u64)] = &[
        ("0", 0),
        ("1", 1),
        ("4096", 4096),
        ("1_000", 1000),
        ("12B", 12),
        ("1K", 1 << 10),
        ("1k", 1 << 10),
        ("64KiB", 64 << 10),
        ("64kib", 64 << 10),
        ("16M", 16 << 20),
        ("16MiB", 16 << 20),
        ("2G", 2 << 30),
        ("2GiB", 2 << 30),
        (" 8 M ", 8 << 20),
    ];
    for (text, want) in cases {
        assert_eq!(parse_size(text), Ok(*want), "{text}");
    }
}

#[test]
fn sizes_rejected() {
    for text in [
        "", "K", "-1", "1.5M", "12X", "1KB", "1MB", "1 TiB", "_1", "1_", "0x10", "1e6", "M16",
    ] {
        assert!(parse_size(text).is_err(), "{text:?} should be rejected");
    }
}

#[test]
fn sizes_overflow_is_an_error() {
    assert!(parse_size("18446744073709551615").is_ok());
    assert!(parse_size("18446744073709551616").is_err());
    assert!(parse_size("17179869184G").is_err());
    assert!(parse_size_usize("1G").is_ok());
}

#[test]
fn fuel_values() {
    assert_eq!(parse_fuel("none"), Ok(None));
    assert_eq!(parse_fuel("NONE"), Ok(None));
    assert_eq!(parse_fuel("1"), Ok(Some(1)));
    assert_eq!(parse_fuel("10_000_000_000"), Ok(Some(10_000_000_000)));
    for bad in ["0", "", "-5", "1.5", "lots", "1K"] {
        assert!(parse_fuel(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn timeout_values() {
    assert_eq!(parse_timeout("none"), Ok(None));
    assert_eq!(parse_timeout("0"), Ok(None));
    assert_eq!(parse_timeout("0.0"), Ok(None));
    assert_eq!(parse_timeout("2"), Ok(Some(Duration::from_secs(2))));
    assert_eq!(parse_timeout("0.25"), Ok(Some(Duration::from_millis(250))));
    assert_eq!(parse_timeout(".5"), Ok(Some(Duration::from_millis(500))));
    for bad in [
        "",
        "-1",
        "inf",
        "nan",
        "1e3",
        "1s",
        "1..2",
        ".",
        "99999999999",
    ] {
        assert!(parse_timeout(bad).is_err(), "{bad:?}");
    }
}

proptest! {
    #[test]
    fn parse_size_never_panics(text in "\\PC{0,24}") {
        let _ = parse_size(&text);
    }

    #[test]
    fn parse_size_round_trips_suffixes(n in 0u64..(1 << 30), suffix in prop::sample::select(vec![
        ("", 0u32), ("K", 10), ("KiB", 10), ("M", 20), ("MiB", 20), ("G", 30), ("GiB", 30),
    ])) {
        let (text, shift) = suffix;
        let parsed = parse_size(&format!("{n}{text}"));
        match n.checked_mul(1 << shift) {
            Some(v) => prop_assert_eq!(parsed, Ok(v)),
            None => prop_assert!(parsed.is_err()),
        }
    }

    #[test]
    fn parse_timeout_never_panics(text in "[0-9.]{0,30}|\\PC{0,12}") {
        let _ = parse_timeout(&text);
    }
}
