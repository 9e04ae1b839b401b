//! One-shot run latency and throughput.
//!
//! `cargo bench -p mpwasm-core --bench run` prints criterion's estimates for
//! a warm `run("print(1+1)")`, then a report: p50/p99 over many runs, the
//! first run in a new process with the compiled-code cache warm and cold,
//! runs per second on 2 threads, and a host-call round trip.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use mpwasm_core::{HostFunctions, RunOptions, Runtime};

const CHILD_ENV: &str = "MPWASM_BENCH_CHILD";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn warm(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    c.bench_function("run print(1+1), warm runtime", |b| {
        b.iter(|| runtime.run("print(1+1)").unwrap())
    });
}

criterion_group!(benches, warm);

/// Time one whole process: build the runtime (cache as given) and run once.
fn child_process_ms(cache_dir: &std::path::Path) -> f64 {
    let started = Instant::now();
    let status = Command::new(std::env::current_exe().unwrap())
        .env(CHILD_ENV, "1")
        .env("MPWASM_CACHE_DIR", cache_dir)
        .status()
        .unwrap();
    assert!(status.success());
    started.elapsed().as_secs_f64() * 1000.0
}

fn report() {
    let runtime = Runtime::new().unwrap();
    for _ in 0..200 {
        runtime.run("print(1+1)").unwrap();
    }
    let mut samples: Vec<Duration> = (0..5000)
        .map(|_| {
            let t = Instant::now();
            runtime.run("print(1+1)").unwrap();
            t.elapsed()
        })
        .collect();
    samples.sort();
    println!(
        "run(\"print(1+1)\") warm: p50 {:?}, p99 {:?} (n={})",
        percentile(&samples, 0.5),
        percentile(&samples, 0.99),
        samples.len()
    );

    let warm_cache = std::env::var_os("MPWASM_CACHE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cache/mpwasm")
        });
    let mut warm_runs: Vec<f64> = (0..20).map(|_| child_process_ms(&warm_cache)).collect();
    warm_runs.sort_by(f64::total_cmp);
    let cold: Vec<f64> = (0..3)
        .map(|_| {
            let dir = tempfile::tempdir().unwrap();
            child_process_ms(dir.path())
        })
        .collect();
    println!(
        "new process, first run: warm cache median {:.1} ms; cold cache {:.0} ms (of 3: {:?})",
        warm_runs[warm_runs.len() / 2],
        cold.iter().sum::<f64>() / cold.len() as f64,
        cold.iter().map(|c| c.round()).collect::<Vec<_>>()
    );

    let per_thread = 3000;
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..per_thread {
                    runtime.run("print(1+1)").unwrap();
                }
            });
        }
    });
    let rate = (2 * per_thread) as f64 / started.elapsed().as_secs_f64();
    println!("throughput on 2 threads: {rate:.0} runs/s");

    let mut functions = HostFunctions::new();
    functions.register("nop", |x: i64| x).unwrap();
    let mut options = RunOptions::new();
    options.host_functions(functions);
    options.limits_mut().fuel(None).wall_timeout(None);
    let baseline = runtime
        .run_with("for i in range(10000):\n    pass", &options)
        .unwrap();
    let calls = runtime
        .run_with("for i in range(10000):\n    nop(i)", &options)
        .unwrap();
    let per_call = (calls.duration.saturating_sub(baseline.duration)).as_secs_f64() * 1e6 / 10000.0;
    let fuel = (calls.fuel_consumed - baseline.fuel_consumed) / 10000;
    println!("host call round trip: {per_call:.2} µs per call ({fuel} fuel), loop of 10,000");

    let loops = runtime
        .run_with("i = 0\nwhile i < 1000000:\n    i += 1", &options)
        .unwrap();
    let ranges = runtime
        .run_with("s = 0\nfor i in range(1000000):\n    s += i", &options)
        .unwrap();
    println!(
        "fuel per iteration: while-loop {} ({:?} per 1e6), for-range sum {} ({:?} per 1e6)",
        loops.fuel_consumed / 1_000_000,
        loops.duration,
        ranges.fuel_consumed / 1_000_000,
        ranges.duration
    );
}

fn main() {
    if std::env::var_os(CHILD_ENV).is_some() {
        let runtime = Runtime::new().unwrap();
        let r = runtime.run("print(1)").unwrap();
        assert_eq!(r.stdout, b"1\n");
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    report();
}
