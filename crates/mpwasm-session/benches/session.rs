//! Session latency, replay cost, snapshot/restore and memory per session.
//!
//! `cargo bench -p mpwasm-session --bench session` prints criterion's estimate
//! for a trivial snippet on a resident session, then a report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use mpwasm_core::Runtime;
use mpwasm_session::{ReplaySession, Session, SessionImage};

fn resident(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    let mut session = Session::new(&runtime);
    session.run("x = 0").unwrap();
    c.bench_function("resident session: trivial snippet", |b| {
        b.iter(|| session.run("x += 1").unwrap())
    });
}

criterion_group!(benches, resident);

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn report() {
    let runtime = Runtime::new().unwrap();
    let mut session = Session::new(&runtime);
    session.run("x = 0").unwrap();
    for _ in 0..500 {
        session.run("x += 1").unwrap();
    }
    let mut samples: Vec<Duration> = (0..5000)
        .map(|_| {
            let t = Instant::now();
            session.run("x += 1").unwrap();
            t.elapsed()
        })
        .collect();
    samples.sort();
    println!(
        "resident trivial snippet: p50 {:?}, p99 {:?}",
        samples[samples.len() / 2],
        samples[samples.len() * 99 / 100]
    );

    for history in [1usize, 10, 50] {
        let mut replay = ReplaySession::new(&runtime);
        for i in 0..history {
            replay.run(&format!("v{i} = {i} * 2")).unwrap();
        }
        let m = median(
            (0..20)
                .map(|_| {
                    let mut r = ReplaySession::new(&runtime);
                    for s in replay.snippets() {
                        r.run(s).unwrap();
                    }
                    let t = Instant::now();
                    r.run("pass").unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        println!("replay run after {history} snippets: median {m:?}");
    }

    for (label, setup) in [
        ("fresh session", "x = 1"),
        ("1 MiB of data", "blob = [bytes(1024) for _ in range(1024)]"),
    ] {
        let mut s = Session::new(&runtime);
        s.run(setup).unwrap();
        let snap = median(
            (0..20)
                .map(|_| {
                    let t = Instant::now();
                    let _ = s.snapshot().unwrap().to_bytes();
                    t.elapsed()
                })
                .collect(),
        );
        let bytes = s.snapshot().unwrap().to_bytes();
        let restore = median(
            (0..20)
                .map(|_| {
                    let t = Instant::now();
                    let _ = Session::restore(&runtime, &SessionImage::from_bytes(&bytes).unwrap())
                        .unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        println!(
            "{label}: snapshot {snap:?}, restore {restore:?}, image {} bytes",
            bytes.len()
        );
    }

    // Idle resident sessions: RSS growth per started session.
    let before = rss_kib();
    let mut idle = Vec::new();
    for i in 0..200 {
        let mut s = Session::new(&runtime);
        s.run(&format!("n = {i}")).unwrap();
        idle.push(s);
    }
    let per = (rss_kib().saturating_sub(before)) as f64 / 200.0;
    println!(
        "idle resident session: {per:.0} KiB RSS each (VmRSS delta over 200 sessions); about {:.0} fit in 1 GiB",
        1024.0 * 1024.0 / per.max(1.0)
    );
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report();
}
