//! Concurrency and soak driver for mpwasm: many threads share one
//! [`Runtime`] and loop over a seeded random mix of hostile and normal
//! probes (CPU burn, memory bombs, recursion, output floods, filesystem
//! escapes, host-bridge abuse, exceptions, `sys.exit`, resident and replay
//! sessions, snapshot/restore). Every run's outcome is checked exactly, so
//! a wrong answer under load fails the soak, not only a crash; resident
//! memory (VmRSS) is compared between the end of a warm-up phase and the end.
//!
//! `cargo xtask soak --minutes N` runs the `mpwasm-soak` binary; the test
//! suite runs a short version through [`run_soak`].

// A test tool (publish = false), not a published API.
#![allow(clippy::missing_errors_doc)]

mod probes;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Mutex, Once};
use std::time::{Duration, Instant};

use mpwasm_core::Runtime;
use rand::RngExt;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use serde::Serialize;

/// The payload of the host function that panics on purpose; the bridge
/// catches it, and [`run_soak`] keeps it out of stderr.
pub const DELIBERATE_PANIC: &str = "mpwasm-soak: deliberate host-function panic";

/// What to run.
#[derive(Debug, Clone)]
pub struct SoakConfig {
    /// Worker threads sharing the runtime.
    pub threads: usize,
    /// Seed of the probe mix (worker `i` uses a seed derived from it and `i`).
    pub seed: u64,
    /// Length of the warm-up phase, after which the RSS baseline is taken.
    pub warmup: Duration,
    /// Length of the measured phase.
    pub duration: Duration,
    /// How often RSS is sampled during the measured phase.
    pub sample_every: Duration,
    /// The soak fails if RSS at the end exceeds the warm-up baseline by more.
    pub max_rss_growth_bytes: u64,
    /// Print a progress line (runs, wrong outcomes, RSS) to stderr this often.
    pub progress_every: Option<Duration>,
}

impl SoakConfig {
    /// Check that the configuration can run.
    pub fn validate(&self) -> Result<(), SoakError> {
        if self.threads == 0 || self.threads > 256 {
            return Err(SoakError::Config(format!(
                "threads must be between 1 and 256, got {}",
                self.threads
            )));
        }
        if self.duration.is_zero() {
            return Err(SoakError::Config("the duration must be positive".into()));
        }
        if self.sample_every.is_zero() {
            return Err(SoakError::Config("sample_every must be positive".into()));
        }
        Ok(())
    }

    /// Default RSS growth bound: 64 MiB. A quiescent process after warm-up
    /// holds the compiled module, the pooling allocator's bookkeeping and
    /// the allocator's arenas; what may still move afterwards is allocator
    /// fragmentation and the odd page the pool keeps resident, a few MiB
    /// per thread. A leak of a single VM's 4-16 MiB linear memory per few
    /// probes, or of 1 KiB per run over a long soak, goes far past it.
    pub const DEFAULT_MAX_RSS_GROWTH_BYTES: u64 = 64 << 20;

    /// A soak of `duration` after `warmup`, with the default bound.
    pub fn new(threads: usize, seed: u64, warmup: Duration, duration: Duration) -> Self {
        SoakConfig {
            threads,
            seed,
            warmup,
            duration,
            sample_every: Duration::from_secs(1),
            max_rss_growth_bytes: Self::DEFAULT_MAX_RSS_GROWTH_BYTES,
            progress_every: None,
        }
    }
}

/// Runs of one probe kind, by outcome (`ok` or an error kind).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProbeStats {
    /// Probes of this kind executed (each does one or more guest runs).
    pub probes: u64,
    /// Probes whose outcome was wrong or that panicked.
    pub wrong: u64,
    /// Probes that panicked (counted in `wrong` too).
    pub panics: u64,
    /// Wall-clock seconds spent in these probes, summed over threads.
    pub seconds: f64,
    /// Guest runs by outcome kind (`ok`, `out_of_fuel`, `poisoned`, ...).
    pub runs: BTreeMap<&'static str, u64>,
}

/// What happened.
#[derive(Debug, Clone, Serialize)]
pub struct SoakReport {
    /// Worker threads.
    pub threads: usize,
    /// The seed.
    pub seed: u64,
    /// Seconds of warm-up, and of the measured phase (as run).
    pub warmup_seconds: f64,
    /// Seconds of the measured phase.
    pub seconds: f64,
    /// Guest runs in the warm-up phase.
    pub warmup_runs: u64,
    /// Guest runs in the measured phase.
    pub runs: u64,
    /// Probes in the measured phase.
    pub probes: u64,
    /// Guest runs per second in the measured phase.
    pub runs_per_second: f64,
    /// RSS before anything ran (bytes).
    pub rss_start: u64,
    /// RSS after warm-up, with all workers paused (bytes): the baseline.
    pub rss_after_warmup: u64,
    /// Highest RSS sampled during the measured phase (bytes).
    pub rss_peak: u64,
    /// RSS at the end, all workers finished (bytes).
    pub rss_end: u64,
    /// The bound on `rss_end - rss_after_warmup`.
    pub max_rss_growth_bytes: u64,
    /// Per probe kind, both phases.
    pub per_probe: BTreeMap<&'static str, ProbeStats>,
    /// Wrong outcomes (including panics), both phases.
    pub wrong: u64,
    /// Probes that panicked.
    pub panics: u64,
    /// The first few wrong outcomes, with thread and iteration.
    pub failures: Vec<String>,
}

impl SoakReport {
    /// RSS growth over the measured phase (negative if it shrank).
    pub fn rss_growth(&self) -> i128 {
        i128::from(self.rss_end) - i128::from(self.rss_after_warmup)
    }

    /// Why the soak failed; empty if it passed.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.wrong > 0 {
            problems.push(format!(
                "{} wrong outcomes ({} panics)",
                self.wrong, self.panics
            ));
        }
        if self.rss_growth() > i128::from(self.max_rss_growth_bytes) {
            problems.push(format!(
                "RSS grew by {} MiB after warm-up (bound {} MiB)",
                mib(self.rss_growth()),
                mib(i128::from(self.max_rss_growth_bytes))
            ));
        }
        if self.runs == 0 {
            problems.push("no runs in the measured phase".into());
        }
        problems
    }

    /// Whether the soak passed.
    pub fn passed(&self) -> bool {
        self.problems().is_empty()
    }

    /// A human-readable summary.
    pub fn summary(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "soak: {} threads, seed {}, warm-up {:.1} s ({} runs), measured {:.1} s = {:.2} min",
            self.threads,
            self.seed,
            self.warmup_seconds,
            self.warmup_runs,
            self.seconds,
            self.seconds / 60.0
        );
        let _ = writeln!(
            s,
            "runs: {} ({} probes), {:.0} runs/s; wrong outcomes: {}, panics: {}",
            self.runs, self.probes, self.runs_per_second, self.wrong, self.panics
        );
        let _ = writeln!(
            s,
            "RSS: start {:.1} MiB, after warm-up {:.1} MiB, peak {:.1} MiB, end {:.1} MiB (growth {:+.1} MiB, bound {:.0} MiB)",
            mib(i128::from(self.rss_start)),
            mib(i128::from(self.rss_after_warmup)),
            mib(i128::from(self.rss_peak)),
            mib(i128::from(self.rss_end)),
            mib(self.rss_growth()),
            mib(i128::from(self.max_rss_growth_bytes))
        );
        for (kind, stats) in &self.per_probe {
            let runs: Vec<String> = stats.runs.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let _ = writeln!(
                s,
                "  {kind:<20} {:>7} probes, {:>6.1} ms each, wrong {}: {}",
                stats.probes,
                1000.0 * stats.seconds / stats.probes.max(1) as f64,
                stats.wrong,
                runs.join(", ")
            );
        }
        for f in &self.failures {
            let _ = writeln!(s, "FAILURE: {f}");
        }
        match self.problems().as_slice() {
            [] => s.push_str("PASSED\n"),
            problems => {
                let _ = writeln!(s, "FAILED: {}", problems.join("; "));
            }
        }
        s
    }
}

fn mib(bytes: i128) -> f64 {
    bytes as f64 / f64::from(1u32 << 20)
}

/// Why the soak could not run at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SoakError {
    /// The configuration makes no sense.
    #[error("invalid soak configuration: {0}")]
    Config(String),
    /// Preparing the fixtures (temp dir, host functions) failed.
    #[error("soak setup failed: {0}")]
    Setup(String),
    /// RSS cannot be read (only Linux's `/proc/self/status` is supported).
    #[error("cannot read RSS: {0}")]
    Rss(String),
}

/// Resident set size of this process in bytes (Linux `VmRSS`).
pub fn rss_bytes() -> Result<u64, SoakError> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|e| SoakError::Rss(format!("/proc/self/status: {e}")))?;
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .ok_or_else(|| SoakError::Rss("no VmRSS line in /proc/self/status".into()))?;
    let kib: u64 = line
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .map_err(|e| SoakError::Rss(format!("VmRSS {line:?}: {e}")))?;
    Ok(kib * 1024)
}

/// Outcome counts of one worker (merged at the end).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    current: Option<&'static str>,
    per_probe: BTreeMap<&'static str, ProbeStats>,
    runs: u64,
}

impl Tally {
    /// Count one guest run of the current probe with this outcome.
    pub(crate) fn record(&mut self, outcome: &'static str) {
        if let Some(kind) = self.current {
            *self
                .per_probe
                .entry(kind)
                .or_default()
                .runs
                .entry(outcome)
                .or_default() += 1;
        }
        self.runs += 1;
    }
}

struct Shared {
    failures: Mutex<Vec<String>>,
    /// Guest runs and wrong outcomes so far, for progress lines.
    runs: AtomicU64,
    wrong: AtomicU64,
}

const MAX_FAILURES_KEPT: usize = 20;

/// Silence the deliberate host-function panic (the bridge catches it; the
/// default hook would still print it thousands of times). Every other panic
/// goes to the previous hook.
pub fn silence_deliberate_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.payload().downcast_ref::<&str>() != Some(&DELIBERATE_PANIC) {
                previous(info);
            }
        }));
    });
}

/// Run the soak on `runtime` and report; the caller decides what a failed
/// report means ([`SoakReport::passed`]).
pub fn run_soak(runtime: &Runtime, config: &SoakConfig) -> Result<SoakReport, SoakError> {
    config.validate()?;
    silence_deliberate_panics();
    let rss_start = rss_bytes()?;
    let outer = tempfile::tempdir().map_err(|e| SoakError::Setup(format!("temp dir: {e}")))?;
    let ctx = fixtures(runtime, outer.path())?;
    let shared = Shared {
        failures: Mutex::new(Vec::new()),
        runs: AtomicU64::new(0),
        wrong: AtomicU64::new(0),
    };
    // Workers meet here twice: once when warm-up ends (the baseline is
    // sampled while they wait), once to start the measured phase.
    let barrier = Barrier::new(config.threads + 1);
    let warmup_end = Instant::now() + config.warmup;

    let (tallies, phase) = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..config.threads)
            .map(|i| {
                let (ctx, shared, barrier) = (&ctx, &shared, &barrier);
                scope.spawn(move || worker(ctx, shared, barrier, config, i, warmup_end))
            })
            .collect();
        let phase = watch(&workers, config, &shared, &barrier);
        let tallies: Vec<Result<(Tally, Tally), String>> = workers
            .into_iter()
            .map(|w| {
                w.join()
                    .map_err(|p| format!("worker panicked outside a probe: {}", panic_text(&*p)))
            })
            .collect();
        (tallies, phase)
    });
    let rss_end = rss_bytes()?;
    let rss_after_warmup = phase.baseline?;
    let rss_peak = phase.peak?.max(rss_end);

    let mut failures = shared
        .failures
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    let totals = Totals::merge(tallies, &mut failures);
    let seconds = phase.measured.as_secs_f64();
    Ok(SoakReport {
        threads: config.threads,
        seed: config.seed,
        warmup_seconds: config.warmup.as_secs_f64(),
        seconds,
        warmup_runs: totals.warmup_runs,
        runs: totals.runs,
        probes: totals.probes,
        runs_per_second: if seconds > 0.0 {
            totals.runs as f64 / seconds
        } else {
            0.0
        },
        rss_start,
        rss_after_warmup,
        rss_peak,
        rss_end,
        max_rss_growth_bytes: config.max_rss_growth_bytes,
        per_probe: totals.per_probe,
        wrong: totals.wrong,
        panics: totals.panics,
        failures,
    })
}

/// The probes' shared fixtures: an input directory under `dir` and the
/// host functions.
fn fixtures(runtime: &Runtime, dir: &std::path::Path) -> Result<probes::Ctx, SoakError> {
    let input_dir =
        probes::make_input_dir(dir).map_err(|e| SoakError::Setup(format!("input dir: {e}")))?;
    let functions =
        probes::host_functions().map_err(|e| SoakError::Setup(format!("host functions: {e}")))?;
    Ok(probes::Ctx {
        runtime: runtime.clone(),
        input_dir,
        functions,
    })
}

/// Worker `i`: probes until warm-up ends, waits at the barrier twice, then
/// probes for the measured phase; returns the tallies of both phases.
fn worker(
    ctx: &probes::Ctx,
    shared: &Shared,
    barrier: &Barrier,
    config: &SoakConfig,
    i: usize,
    warmup_end: Instant,
) -> (Tally, Tally) {
    let seed = config
        .seed
        .wrapping_add((i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut rng = SmallRng::seed_from_u64(seed);
    let mut warm = Tally::default();
    let mut iteration = 0u64;
    while Instant::now() < warmup_end {
        one_probe(ctx, shared, &mut rng, &mut warm, i, &mut iteration);
    }
    barrier.wait();
    barrier.wait();
    let mut main = Tally::default();
    let end = Instant::now() + config.duration;
    while Instant::now() < end {
        one_probe(ctx, shared, &mut rng, &mut main, i, &mut iteration);
    }
    (warm, main)
}

/// What the main thread measured.
struct Phase {
    /// RSS after warm-up, all workers paused.
    baseline: Result<u64, SoakError>,
    /// Highest RSS sampled in the measured phase.
    peak: Result<u64, SoakError>,
    measured: Duration,
}

/// The main thread's part: take the baseline while the workers wait at the
/// barrier, release them, then sample RSS (and print progress) until every
/// worker has finished.
fn watch<T>(
    workers: &[std::thread::ScopedJoinHandle<'_, T>],
    config: &SoakConfig,
    shared: &Shared,
    barrier: &Barrier,
) -> Phase {
    barrier.wait();
    let baseline = rss_bytes();
    let started = Instant::now();
    barrier.wait();
    let mut peak = 0u64;
    let mut sample_err = None;
    let mut next_sample = started;
    let mut next_progress = config.progress_every.map(|every| started + every);
    let runs_at_start = shared.runs.load(Ordering::Relaxed);
    while workers.iter().any(|w| !w.is_finished()) {
        // Short naps so the end is noticed promptly.
        std::thread::sleep(Duration::from_millis(50));
        let now = Instant::now();
        if now >= next_sample {
            next_sample = now + config.sample_every;
            match rss_bytes() {
                Ok(r) => peak = peak.max(r),
                Err(e) => sample_err = Some(e),
            }
        }
        if let (Some(at), Some(every)) = (next_progress, config.progress_every)
            && now >= at
        {
            next_progress = Some(at + every);
            let rss = rss_bytes().map_or(0, |r| r);
            eprintln!(
                "  {:>6.1} min: {} runs, {} wrong, RSS {:.1} MiB (peak {:.1})",
                started.elapsed().as_secs_f64() / 60.0,
                shared.runs.load(Ordering::Relaxed) - runs_at_start,
                shared.wrong.load(Ordering::Relaxed),
                mib(i128::from(rss)),
                mib(i128::from(peak.max(rss)))
            );
        }
    }
    Phase {
        baseline,
        peak: sample_err.map_or(Ok(peak), Err),
        measured: started.elapsed(),
    }
}

/// The workers' tallies added up.
#[derive(Default)]
struct Totals {
    warmup_runs: u64,
    runs: u64,
    probes: u64,
    wrong: u64,
    panics: u64,
    per_probe: BTreeMap<&'static str, ProbeStats>,
}

impl Totals {
    /// Add up the (warm-up, measured) tallies; a worker that panicked
    /// outside a probe counts as one wrong outcome, its message goes to
    /// `failures`.
    fn merge(tallies: Vec<Result<(Tally, Tally), String>>, failures: &mut Vec<String>) -> Totals {
        let mut t = Totals::default();
        for tally in tallies {
            let (warm, main) = match tally {
                Ok(pair) => pair,
                Err(e) => {
                    t.wrong += 1;
                    t.panics += 1;
                    failures.push(e);
                    continue;
                }
            };
            t.warmup_runs += warm.runs;
            t.runs += main.runs;
            t.probes += main.per_probe.values().map(|s| s.probes).sum::<u64>();
            for phase in [warm, main] {
                for (kind, s) in phase.per_probe {
                    let merged = t.per_probe.entry(kind).or_default();
                    merged.probes += s.probes;
                    merged.wrong += s.wrong;
                    merged.panics += s.panics;
                    merged.seconds += s.seconds;
                    t.wrong += s.wrong;
                    t.panics += s.panics;
                    for (outcome, n) in s.runs {
                        *merged.runs.entry(outcome).or_default() += n;
                    }
                }
            }
        }
        t
    }
}

fn one_probe(
    ctx: &probes::Ctx,
    shared: &Shared,
    rng: &mut SmallRng,
    tally: &mut Tally,
    thread: usize,
    iteration: &mut u64,
) {
    let (kind, probe) = probes::PROBES[rng.random_range(0..probes::PROBES.len())];
    *iteration += 1;
    tally.current = Some(kind);
    tally.per_probe.entry(kind).or_default().probes += 1;
    let runs_before = tally.runs;
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| probe(ctx, rng, tally)));
    tally.per_probe.entry(kind).or_default().seconds += started.elapsed().as_secs_f64();
    let failure = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(wrong)) => Some(wrong),
        Err(payload) => {
            tally.per_probe.entry(kind).or_default().panics += 1;
            Some(format!("panicked: {}", panic_text(&*payload)))
        }
    };
    shared
        .runs
        .fetch_add(tally.runs - runs_before, Ordering::Relaxed);
    if let Some(f) = failure {
        shared.wrong.fetch_add(1, Ordering::Relaxed);
        tally.per_probe.entry(kind).or_default().wrong += 1;
        let mut kept = shared.failures.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() < MAX_FAILURES_KEPT {
            kept.push(format!(
                "thread {thread} iteration {iteration} probe {kind}: {f}"
            ));
        }
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into())
}
