//! In-process benchmark driver of mpwasm for `cargo xtask bench`.
//!
//! `mpwasm-bench serve` reads one JSON request per line on stdin and answers
//! one JSON line on stdout (the protocol of `peers.py` beside this crate), so
//! that the xtask can alternate mpwasm with the other contenders sample by
//! sample. Every measure builds its limits from the request's `fuel` and
//! `wall` switches, and the reply repeats them, so every figure says whether
//! metering and the wall clock were on.
//!
//! `mpwasm-bench run FILE [--no-fuel] [--no-wall]` runs one workload once and
//! prints its output and time: the unit for `perf record` and
//! `valgrind --tool=callgrind` (docs/benchmarks.md).

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use mpwasm_core::{HostFunctions, Limits, RunOptions, Runtime};
use mpwasm_session::Session;
use serde::Deserialize;
use serde_json::{Value, json};

/// Budgets of a metered workload run: far above what any workload needs,
/// so that metering is on but never decides the outcome.
const WORKLOAD_FUEL: u64 = 1_000_000_000_000;
const WORKLOAD_WALL: Duration = Duration::from_secs(60);
const WORKLOAD_MEMORY: u64 = 256 << 20;

#[derive(Debug, Deserialize)]
struct Request {
    op: String,
    #[serde(default)]
    path: Option<PathBuf>,
    #[serde(default = "default_n")]
    n: usize,
    #[serde(default = "yes")]
    fuel: bool,
    #[serde(default = "yes")]
    wall: bool,
    #[serde(default)]
    threads: Option<usize>,
}

fn default_n() -> usize {
    100
}

fn yes() -> bool {
    true
}

fn limits(fuel: bool, wall: bool) -> Limits {
    let mut limits = Limits::new();
    limits
        .memory_bytes(WORKLOAD_MEMORY)
        .fuel(fuel.then_some(WORKLOAD_FUEL))
        .wall_timeout(wall.then_some(WORKLOAD_WALL));
    limits
}

/// Limits of the small measures (one-shot, session, host call, throughput):
/// the library's defaults, with the switches applied.
fn small_limits(fuel: bool, wall: bool) -> Limits {
    let mut limits = Limits::new();
    if !fuel {
        limits.fuel(None);
    }
    if !wall {
        limits.wall_timeout(None);
    }
    limits
}

fn options_with(limits: Limits) -> RunOptions {
    let mut options = RunOptions::new();
    options.limits(limits);
    options
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

struct Driver {
    runtime: Runtime,
}

impl Driver {
    fn handle(&self, req: &Request) -> Result<Value> {
        let switches = json!({"fuel": req.fuel, "wall": req.wall});
        let n = req.n.max(1);
        let value = match req.op.as_str() {
            "workload" => {
                let path = req.path.as_ref().context("workload needs a path")?;
                let source = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let options = options_with(limits(req.fuel, req.wall));
                let started = Instant::now();
                let result = self.runtime.run_with(&source, &options)?;
                let seconds = started.elapsed().as_secs_f64();
                json!({
                    "seconds": seconds,
                    "stdout": result.stdout_str(),
                    "fuel_consumed": result.fuel_consumed,
                })
            }
            "oneshot" => {
                let options = options_with(small_limits(req.fuel, req.wall));
                let mut samples = Vec::with_capacity(n);
                for _ in 0..n {
                    let started = Instant::now();
                    let result = self.runtime.run_with("print(1+1)", &options)?;
                    samples.push(started.elapsed());
                    if result.stdout != b"2\n" {
                        bail!("print(1+1) printed {:?}", result.stdout_str());
                    }
                }
                json!({"seconds": median(samples).as_secs_f64()})
            }
            "session" => {
                let options = options_with(small_limits(req.fuel, req.wall));
                let mut session = Session::with_options(&self.runtime, options);
                session.run("x = 0")?;
                for _ in 0..20 {
                    session.run("x += 1")?;
                }
                let mut samples = Vec::with_capacity(n);
                for _ in 0..n {
                    let started = Instant::now();
                    session.run("x += 1")?;
                    samples.push(started.elapsed());
                }
                let check = session.run("print(x)")?;
                if check.stdout_str().trim() != (20 + n).to_string() {
                    bail!("the session lost its state: x = {}", check.stdout_str());
                }
                json!({"seconds": median(samples).as_secs_f64()})
            }
            "hostcall" => {
                let mut functions = HostFunctions::new();
                functions.register("nop", |x: i64| x)?;
                let mut options = options_with(limits(req.fuel, req.wall));
                options.host_functions(functions);
                let base = self
                    .runtime
                    .run_with(&format!("for i in range({n}):\n    pass"), &options)?;
                let calls = self.runtime.run_with(
                    &format!("t = 0\nfor i in range({n}):\n    t += nop(i)\nprint(t)"),
                    &options,
                )?;
                let expected: u64 = (0..n as u64).sum();
                if calls.stdout_str().trim() != expected.to_string() {
                    bail!("host calls returned {}", calls.stdout_str());
                }
                let per_call =
                    calls.duration.saturating_sub(base.duration).as_secs_f64() / n as f64;
                json!({"seconds": per_call})
            }
            "throughput" => {
                let threads = req.threads.unwrap_or(1).max(1);
                let options = options_with(small_limits(req.fuel, req.wall));
                let started = Instant::now();
                let failures = std::thread::scope(|s| {
                    let handles: Vec<_> = (0..threads)
                        .map(|_| {
                            s.spawn(|| {
                                (0..n)
                                    .filter(|_| {
                                        !matches!(
                                            self.runtime.run_with("print(1+1)", &options),
                                            Ok(r) if r.stdout == b"2\n"
                                        )
                                    })
                                    .count()
                            })
                        })
                        .collect();
                    handles
                        .into_iter()
                        .map(|h| h.join().unwrap_or(n))
                        .sum::<usize>()
                });
                if failures > 0 {
                    bail!("{failures} of the throughput runs failed");
                }
                let rate = (threads * n) as f64 / started.elapsed().as_secs_f64();
                json!({"runs_per_second": rate})
            }
            "versions" => json!({"artifact_sha256": self.runtime.artifact_sha256()}),
            other => bail!("unknown op {other}"),
        };
        let mut reply = value;
        reply["ok"] = json!(true);
        reply["switches"] = switches;
        Ok(reply)
    }
}

fn serve(runtime: Runtime) -> Result<()> {
    let driver = Driver { runtime };
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.context("cannot read a request")?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Request>(&line) {
            Ok(req) => driver
                .handle(&req)
                .unwrap_or_else(|e| json!({"ok": false, "error": format!("{e:#}")})),
            Err(e) => json!({"ok": false, "error": format!("bad request: {e}")}),
        };
        writeln!(stdout, "{reply}").context("cannot write a reply")?;
        stdout.flush().context("cannot write a reply")?;
    }
    Ok(())
}

fn run_once(runtime: &Runtime, args: &[String]) -> Result<()> {
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .context("usage: mpwasm-bench run FILE [--no-fuel] [--no-wall]")?;
    let fuel = !args.iter().any(|a| a == "--no-fuel");
    let wall = !args.iter().any(|a| a == "--no-wall");
    let source = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    let options = options_with(limits(fuel, wall));
    let result = runtime.run_with(&source, &options)?;
    print!("{}", result.stdout_str());
    eprintln!(
        "{path}: {:.1} ms, {} fuel (fuel {}, wall clock {})",
        result.duration.as_secs_f64() * 1e3,
        result.fuel_consumed,
        if fuel { "on" } else { "off" },
        if wall { "on" } else { "off" },
    );
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // $MPWASM_ARTIFACT if set, else the bundled guest (built from artifacts/).
    match args.first().map(String::as_str) {
        Some("serve") => serve(Runtime::new()?),
        // A small pool (booting the snapshot takes instances too): the default reserves 4 GiB of address space per
        // slot, more than valgrind can map.
        Some("run") => run_once(&Runtime::builder().max_instances(4).build()?, &args[1..]),
        _ => bail!("usage: mpwasm-bench serve | mpwasm-bench run FILE [--no-fuel] [--no-wall]"),
    }
}
