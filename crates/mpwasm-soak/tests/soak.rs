//! The short soak of the normal test suite: 2 threads, a fixed seed, about
//! 16 s; every outcome exact, RSS bounded (`cargo xtask soak` runs longer).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use mpwasm_core::Runtime;
use mpwasm_soak::{SoakConfig, SoakError, run_soak};

#[test]
fn short_soak_has_no_wrong_outcomes_and_bounded_rss() {
    let runtime = Runtime::new().expect("build the artifact first: cargo xtask build-artifact");
    let config = SoakConfig::new(2, 0x5eed, Duration::from_secs(4), Duration::from_secs(12));
    let report = run_soak(&runtime, &config).unwrap();
    println!("{}", report.summary());
    assert!(report.passed(), "{}", report.summary());
    // Every probe kind ran in both threads' mix, with real runs behind it.
    assert_eq!(report.per_probe.len(), 26, "{:?}", report.per_probe.keys());
    for (kind, stats) in &report.per_probe {
        assert!(
            stats.probes > 0 && !stats.runs.is_empty(),
            "{kind}: {stats:?}"
        );
    }
    // The hostile probes really tripped their limits.
    for (kind, outcome) in [
        ("cpu_fuel", "soft_fuel"),
        ("cpu_wall_clock", "soft_timeout"),
        ("session_soft_stop", "soft_cancel"),
        ("cancel_host_call", "soft_cancel"),
        ("async_host_race", "soft_cancel"),
        ("async_host_race", "soft_timeout"),
        ("memory_bomb", "memory_limit"),
        ("c_recursion", "guest_exception"),
        ("session_trip_reset", "stack_overflow"),
        ("session_trip_reset", "out_of_fuel"),
        ("session_trip_reset", "timeout"),
        ("sys_exit", "exit"),
        ("session_trip_reset", "poisoned"),
    ] {
        assert!(
            report.per_probe[kind]
                .runs
                .get(outcome)
                .copied()
                .unwrap_or(0)
                > 0,
            "{kind}: {:?}",
            report.per_probe[kind].runs
        );
    }
}

#[test]
fn nonsense_configurations_are_errors() {
    // (No second runtime here: it would move the other test's RSS figures.)
    let secs = Duration::from_secs(1);
    assert!(SoakConfig::new(2, 1, secs, secs).validate().is_ok());
    for bad in [
        SoakConfig::new(0, 1, Duration::ZERO, secs),
        SoakConfig::new(1000, 1, Duration::ZERO, secs),
        SoakConfig::new(1, 1, Duration::ZERO, Duration::ZERO),
    ] {
        assert!(
            matches!(bad.validate(), Err(SoakError::Config(_))),
            "{bad:?}"
        );
    }
}
