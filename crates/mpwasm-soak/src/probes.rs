//! The probe table: each probe runs real guest code (one-shot runs, sessions,
//! replay, snapshots, host calls) and checks the exact outcome of every run.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mpwasm_core::{
    BridgeConfig, CancelHandle, Error as RunError, HostFunctions, Interrupt, Limits, RunOptions,
    RunResult, TrapKind, WritableQuota,
};
use mpwasm_host::HostError;
use mpwasm_session::{Error as SessionError, ReplaySession, Session, SessionImage};
use rand::RngExt;
use rand::rngs::SmallRng;

use crate::{DELIBERATE_PANIC, Tally};

/// A wrong outcome: what was expected and what happened.
pub(crate) type Wrong = String;

/// Shared, read-only state of all probes.
#[derive(Debug)]
pub(crate) struct Ctx {
    pub runtime: mpwasm_core::Runtime,
    pub input_dir: PathBuf,
    pub functions: HostFunctions,
}

/// Recursion that C code keeps in Wasm locals (repr of a nested list): the
/// guest's recursion check asks the host about the native stack, so this is
/// a `RecursionError`, not a trap.
const C_RECURSION: &str = "print('deep')\nl = []\nfor i in range(100000):\n    l = [l]\nrepr(l)";
/// Recursion in C code with no recursion check (MicroPython's compiler on
/// nested displays): the native stack overflows, a trap.
const COMPILER_RECURSION: &str = "eval('[' * 3000 + ']' * 3000)";
const RECURSION_MESSAGE: &str = "maximum recursion depth exceeded";

fn is_recursion_error(g: &mpwasm_core::GuestException) -> bool {
    g.type_name == "RecursionError" && g.message == RECURSION_MESSAGE
}

pub(crate) type ProbeFn = fn(&Ctx, &mut SmallRng, &mut Tally) -> Result<(), Wrong>;

/// Every probe, picked uniformly at random by the workers.
pub(crate) const PROBES: &[(&str, ProbeFn)] = &[
    ("normal", normal),
    ("cpu_fuel", cpu_fuel),
    ("cpu_wall_clock", cpu_wall_clock),
    ("sleep_past_deadline", sleep_past_deadline),
    ("memory_bomb", memory_bomb),
    ("memory_error_caught", memory_error_caught),
    ("recursion", recursion),
    ("c_recursion", c_recursion),
    ("output_flood", output_flood),
    ("output_truncated", output_truncated),
    ("fs_escape", fs_escape),
    ("streaming", streaming),
    ("quota_flood", quota_flood),
    ("host_calls", host_calls),
    ("host_abuse", host_abuse),
    ("exception", exception),
    ("sys_exit", sys_exit),
    ("session", session),
    ("session_trip_reset", session_trip_reset),
    ("session_soft_stop", session_soft_stop),
    ("soft_limit_race", soft_limit_race),
    ("cancel_race", cancel_race),
    ("cancel_host_call", cancel_host_call),
    ("async_host_race", async_host_race),
    ("snapshot_restore", snapshot_restore),
    ("replay", replay),
];

/// `sum` over a range iterates in C: no safe point, so a limit that runs
/// out there traps after the grace period.
const STUCK_IN_C: &str = "sum(range(10**9))";

/// The files mounted read-only at `/input`, and a secret beside them that
/// no probe may read.
pub(crate) fn make_input_dir(outer: &Path) -> std::io::Result<PathBuf> {
    let dir = outer.join("input");
    std::fs::create_dir(&dir)?;
    std::fs::write(dir.join("data.txt"), "hello from the host\n")?;
    std::fs::create_dir(dir.join("sub"))?;
    std::fs::write(outer.join("secret.txt"), "top secret")?;
    #[cfg(unix)]
    std::os::unix::fs::symlink(outer.join("secret.txt"), dir.join("link"))?;
    Ok(dir)
}

/// The host functions every host probe registers: plain, failing, panicking.
pub(crate) fn host_functions() -> Result<HostFunctions, mpwasm_host::RegisterError> {
    let mut f = HostFunctions::new();
    f.register("add", |a: i64, b: i64| a.wrapping_add(b))?;
    f.register("echo", |v: serde_json::Value| v)?;
    f.register("fail", |msg: String| -> Result<i64, HostError> {
        Err(HostError::value_error(msg))
    })?;
    f.register("boom", || -> i64 {
        std::panic::panic_any(DELIBERATE_PANIC)
    })?;
    f.register("internal", || -> Result<i64, HostError> {
        Err(HostError::internal("internal detail"))
    })?;
    f.register("big", |n: usize| "x".repeat(n.min(1 << 20)))?;
    f.register("block", |ms: u64| {
        std::thread::sleep(Duration::from_millis(ms.min(1000)));
        ms
    })?;
    Ok(f)
}

// ---- helpers -------------------------------------------------------------

fn opts(limits: Limits) -> RunOptions {
    RunOptions::new().limits(limits).clone()
}

/// Default limits with a generous wall clock: the soak shares 2 cores with
/// whatever else runs, and only the wall-clock probes may end in a timeout.
fn limits() -> Limits {
    Limits::new()
        .wall_timeout(Some(Duration::from_secs(30)))
        .clone()
}

fn default_opts() -> RunOptions {
    opts(limits())
}

/// Limits of the CPU-bound probes: fuel trips long before the wall clock.
fn fuel_limits(fuel: u64) -> Limits {
    limits().fuel(Some(fuel)).clone()
}

fn run(ctx: &Ctx, t: &mut Tally, code: &str, options: &RunOptions) -> Result<RunResult, RunError> {
    let r = ctx.runtime.run_with(code, options);
    t.record(match &r {
        Ok(_) => "ok",
        Err(e) => error_kind(e),
    });
    r
}

/// [`RunError::kind`], with soft stops told apart by what stopped them.
fn error_kind(e: &RunError) -> &'static str {
    match e {
        RunError::Interrupted { interrupt, .. } => match interrupt {
            Interrupt::WallClock => "soft_timeout",
            Interrupt::Fuel => "soft_fuel",
            _ => "soft_cancel",
        },
        other => other.kind(),
    }
}

/// The result of a run stopped softly by `want`.
fn soft_stop(e: &RunError, want: Interrupt) -> Option<&RunResult> {
    match e {
        RunError::Interrupted {
            interrupt, result, ..
        } if *interrupt == want => Some(result),
        _ => None,
    }
}

fn srun(t: &mut Tally, s: &mut Session, code: &str) -> Result<RunResult, SessionError> {
    let r = s.run(code);
    t.record(session_kind(&r));
    r
}

fn session_kind(r: &Result<RunResult, SessionError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(SessionError::Run(e)) => error_kind(e),
        Err(SessionError::Poisoned { .. }) => "poisoned",
        Err(SessionError::SessionClosed) => "closed",
        Err(_) => "session_error",
    }
}

fn expect_stdout<E: std::fmt::Debug>(
    what: &str,
    r: Result<RunResult, E>,
    want: &str,
) -> Result<RunResult, Wrong> {
    match r {
        Ok(r) if r.stdout_str() == want => Ok(r),
        Ok(r) => Err(format!(
            "{what}: stdout {:?}, expected {want:?}",
            r.stdout_str()
        )),
        Err(e) => Err(format!("{what}: expected stdout {want:?}, got {e:?}")),
    }
}

fn expect_run_err(what: &str, r: Result<RunResult, SessionError>) -> Result<RunError, Wrong> {
    match r {
        Err(SessionError::Run(e)) => Ok(e),
        other => Err(format!("{what}: expected a run error, got {other:?}")),
    }
}

fn wrong<T>(what: &str, got: impl std::fmt::Debug) -> Result<T, Wrong> {
    Err(format!("{what}: unexpected outcome {got:?}"))
}

// ---- one-shot probes -----------------------------------------------------

fn normal(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let n: u64 = rng.random_range(0..5000);
    let code = format!(
        "d = {{i: str(i) for i in range({n})}}\nprint(sum(range({n})), len(d), sorted([3, 1, 2]))"
    );
    let want = format!("{} {n} [1, 2, 3]\n", n * n.saturating_sub(1) / 2);
    expect_stdout("normal", run(ctx, t, &code, &default_opts()), &want).map(drop)
}

fn cpu_fuel(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let fuel = rng.random_range(5_000_000..40_000_000);
    let code = "print('start')\nwhile True: pass";
    // A loop reaches safe points: the guest raises LimitExceeded there.
    match run(ctx, t, code, &opts(fuel_limits(fuel))) {
        Err(e)
            if soft_stop(&e, Interrupt::Fuel).is_some_and(|r| {
                r.stdout_str() == "start\n"
                    && r.fuel_remaining == Some(0)
                    && r.fuel_consumed >= fuel
                    && r.fuel_consumed < fuel + Limits::DEFAULT_FUEL_GRACE
            }) =>
        {
            Ok(())
        }
        other => wrong("cpu_fuel", other),
    }
}

fn cpu_wall_clock(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let ms = rng.random_range(5..40);
    let limits = limits()
        .fuel(None)
        .wall_timeout(Some(Duration::from_millis(ms)))
        .clone();
    match run(ctx, t, "x = 0\nwhile True: x += 1", &opts(limits.clone())) {
        Err(e)
            if soft_stop(&e, Interrupt::WallClock)
                .is_some_and(|r| r.duration >= Duration::from_millis(ms)) =>
        {
            Ok(())
        }
        other => wrong("cpu_wall_clock", other),
    }
}

fn sleep_past_deadline(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let ms = rng.random_range(5..40);
    let limits = limits()
        .wall_timeout(Some(Duration::from_millis(ms)))
        .clone();
    let code = "import time\nprint('zz')\ntime.sleep(3600)";
    match run(ctx, t, code, &opts(limits.clone())) {
        // The host's sleep ends at the deadline: far less than the hour
        // asked. On a loaded machine the deadline can also pass before or
        // inside the print (between "zz" and its newline), so the output is
        // a prefix of "zz\n", never anything else.
        Err(e)
            if soft_stop(&e, Interrupt::WallClock).is_some_and(|r| {
                "zz\n".as_bytes().starts_with(&r.stdout)
                    && r.duration >= Duration::from_millis(ms)
                    && r.duration < Duration::from_secs(10)
            }) =>
        {
            Ok(())
        }
        other => wrong("sleep_past_deadline", other),
    }
}

fn memory_bomb(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    const BOMBS: &[&str] = &[
        "x = 'a' * 10**9",
        "x = bytearray(10**8)",
        "x = [0] * 10**8",
        "x = []\nwhile True:\n    x.append('%d' % len(x))",
        "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1",
        "x = b'ab'\nwhile True:\n    x = x + x",
    ];
    let code = BOMBS[rng.random_range(0..BOMBS.len())];
    // 16 MiB bombs take longer to fill (up to ~0.3 s): fewer of them.
    let memory = if rng.random_bool(0.7) {
        4 << 20
    } else {
        16 << 20
    };
    let limits = limits()
        .memory_bytes(memory)
        .fuel(None)
        .wall_timeout(Some(Duration::from_secs(30)))
        .clone();
    match run(
        ctx,
        t,
        &format!("print('m')\n{code}"),
        &opts(limits.clone()),
    ) {
        Err(RunError::MemoryLimit {
            message, result, ..
        }) if message.starts_with("memory allocation failed") && result.stdout_str() == "m\n" => {
            Ok(())
        }
        other => wrong(&format!("memory_bomb {code:?} at {memory} bytes"), other),
    }
}

fn memory_error_caught(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let n: u32 = rng.random_range(1..1000);
    let code = format!(
        "try:\n    x = bytearray(10**9)\nexcept MemoryError:\n    print('caught')\nprint(len(bytearray({n})))"
    );
    let limits = limits().memory_bytes(4 << 20).clone();
    expect_stdout(
        "memory_error_caught",
        run(ctx, t, &code, &opts(limits.clone())),
        &format!("caught\n{n}\n"),
    )
    .map(drop)
}

fn recursion(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    const CODES: &[&str] = &[
        "def f(n):\n    return f(n + 1)\nf(0)",
        "class A:\n    def __repr__(self):\n        return repr(A())\nrepr(A())",
    ];
    let code = CODES[rng.random_range(0..CODES.len())];
    match run(ctx, t, code, &default_opts()) {
        Err(RunError::GuestException(g))
            if g.type_name == "RecursionError"
                && g.message == "maximum recursion depth exceeded" =>
        {
            Ok(())
        }
        other => wrong("recursion", other),
    }
}

fn c_recursion(ctx: &Ctx, _rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    match run(ctx, t, C_RECURSION, &default_opts()) {
        Err(RunError::GuestException(g))
            if is_recursion_error(&g) && g.result.stdout_str() == "deep\n" =>
        {
            Ok(())
        }
        other => wrong("c_recursion", other),
    }
}

fn output_flood(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let cap: usize = rng.random_range(1..=256) << 10;
    let to_stderr = rng.random_bool(0.5);
    let code = if to_stderr {
        "import sys\nwhile True: sys.stderr.write('e' * 999)"
    } else {
        "while True: print('x' * 999)"
    };
    // Fuel for well over 1 MiB of output, so the cap trips first.
    let limits = fuel_limits(60_000_000).max_output_bytes(cap).clone();
    match run(ctx, t, code, &opts(limits.clone())) {
        Err(e) if soft_stop(&e, Interrupt::Fuel).is_some() => {
            let Some(r) = e.run_result() else {
                return wrong("output_flood: no result", e);
            };
            let (flooded, flagged, other, other_flag) = if to_stderr {
                (&r.stderr, r.stderr_truncated, &r.stdout, r.stdout_truncated)
            } else {
                (&r.stdout, r.stdout_truncated, &r.stderr, r.stderr_truncated)
            };
            if flooded.len() == cap && flagged && other.is_empty() && !other_flag {
                Ok(())
            } else {
                Err(format!(
                    "output_flood (stderr: {to_stderr}, cap {cap}): {} bytes, truncated {flagged}, other stream {} bytes",
                    flooded.len(),
                    other.len()
                ))
            }
        }
        other => wrong("output_flood", other),
    }
}

fn output_truncated(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let cap: usize = rng.random_range(1..20_000);
    let n: usize = rng.random_range(0..20_000);
    let limits = limits().max_output_bytes(cap).clone();
    match run(ctx, t, &format!("print('y' * {n})"), &opts(limits.clone())) {
        Ok(r) => {
            let len = (n + 1).min(cap);
            let want_trunc = n + 1 > cap;
            if r.stdout.len() == len
                && r.stdout_truncated == want_trunc
                && r.stdout.iter().take(n).all(|&b| b == b'y')
            {
                Ok(())
            } else {
                Err(format!(
                    "output_truncated (n {n}, cap {cap}): {} bytes, truncated {}",
                    r.stdout.len(),
                    r.stdout_truncated
                ))
            }
        }
        Err(e) => wrong("output_truncated", e),
    }
}

fn fs_escape(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    const ATTEMPTS: &[&str] = &[
        "open('/input/../secret.txt').read()",
        "open('/input/sub/../../secret.txt').read()",
        "open('/input/link').read()",
        "open('/etc/passwd').read()",
        "open('secret.txt').read()",
        "__import__('os').listdir('/')",
        "__import__('os').listdir('/input/..')",
        "open('/input/data.txt', 'w').write('x')",
        "open('/input/data.txt', 'a').write('x')",
        "open('/input/new.txt', 'w')",
        "__import__('os').mkdir('/input/newdir')",
        "__import__('os').rename('/input/data.txt', '/input/moved.txt')",
        "__import__('os').remove('/input/data.txt')",
        "__import__('os').rmdir('/input/sub')",
    ];
    // A random subset, in random order, after a legitimate read.
    let mut code = String::from("print(open('/input/data.txt').read(), end='')\n");
    let mut want = String::from("hello from the host\n");
    for _ in 0..rng.random_range(1..=6) {
        let op = ATTEMPTS[rng.random_range(0..ATTEMPTS.len())];
        code.push_str(&format!(
            "try:\n    {op}\n    print('ESCAPED')\nexcept OSError:\n    print('refused')\n"
        ));
        want.push_str("refused\n");
    }
    let options = default_opts().readonly_dir(&ctx.input_dir).clone();
    expect_stdout("fs_escape", run(ctx, t, &code, &options), &want)?;
    // The host side is untouched too.
    let data = std::fs::read_to_string(ctx.input_dir.join("data.txt"));
    match data {
        Ok(d) if d == "hello from the host\n" => {}
        other => return wrong("fs_escape: /input/data.txt changed", other),
    }
    if ctx.input_dir.join("new.txt").exists() || ctx.input_dir.join("newdir").exists() {
        return Err("fs_escape: a file appeared under /input".into());
    }
    Ok(())
}

/// Streaming output under a random cap: the callback sees exactly the
/// captured bytes, line by line, in order.
fn streaming(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let cap: usize = rng.random_range(1..4_000);
    let lines: usize = rng.random_range(0..300);
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (sink, counter) = (seen.clone(), calls.clone());
    let mut options = opts(limits().max_output_bytes(cap).clone());
    options.on_output(move |_, chunk| {
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        sink.lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(chunk);
        Ok(())
    });
    let code = format!("for i in range({lines}):\n    print('line', i)");
    let r = match run(ctx, t, &code, &options) {
        Ok(r) => r,
        Err(e) => return wrong("streaming", e),
    };
    let got = seen.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let want: String = (0..lines).map(|i| format!("line {i}\n")).collect();
    let want = &want.as_bytes()[..want.len().min(cap)];
    if got != r.stdout || r.stdout != want {
        return Err(format!(
            "streaming (lines {lines}, cap {cap}): callback saw {} bytes, stdout {} bytes",
            got.len(),
            r.stdout.len()
        ));
    }
    // One call per complete line within the cap, plus one for a cut tail.
    let full = want.iter().filter(|&&b| b == b'\n').count();
    let tail = usize::from(want.last().is_some_and(|&b| b != b'\n'));
    let n = calls.load(std::sync::atomic::Ordering::Relaxed);
    if n != full + tail {
        return Err(format!(
            "streaming: {n} calls for {full} lines and {tail} tail"
        ));
    }
    Ok(())
}

/// A guest that floods `/output` until a quota trips: the errno names the
/// quota, the host's files stay within it, nothing appears outside.
fn quota_flood(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let outer = tempfile::tempdir().map_err(|e| format!("quota_flood: tempdir: {e}"))?;
    let dir = outer.path().join("output");
    std::fs::create_dir(&dir).map_err(|e| format!("quota_flood: mkdir: {e}"))?;
    let mut quota = WritableQuota::new();
    let (code, errno) = match rng.random_range(0..3) {
        0 => {
            let max = rng.random_range(1..50_000);
            quota.max_bytes_written(max);
            (
                "f = open('/output/a', 'w')\nwhile True:\n    f.write('x' * 997)",
                51,
            )
        }
        1 => {
            quota.max_files(rng.random_range(1..40));
            (
                "i = 0\nwhile True:\n    open('/output/f%d' % i, 'w').close()\n    i += 1",
                19,
            )
        }
        _ => {
            quota.max_file_bytes(rng.random_range(1..50_000));
            (
                "f = open('/output/a', 'w')\nwhile True:\n    f.write('x' * 997)",
                22,
            )
        }
    };
    let mut options = default_opts();
    options.writable_dir(&dir).writable_quota(quota);
    let code = format!(
        "try:\n{}\nexcept OSError as e:\n    print(e.errno)",
        indent(code)
    );
    expect_stdout(
        "quota_flood",
        run(ctx, t, &code, &options),
        &format!("{errno}\n"),
    )?;
    let entries: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("quota_flood: read_dir: {e}"))?
        .filter_map(Result::ok)
        .collect();
    if entries.len() as u64 > quota.get_max_files() {
        return Err(format!("quota_flood: {} files", entries.len()));
    }
    let mut total = 0;
    for entry in &entries {
        let len = entry.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
        if len > quota.get_max_file_bytes() {
            return Err(format!("quota_flood: a file of {len} bytes"));
        }
        total += len;
    }
    if total > quota.get_max_bytes_written() {
        return Err(format!("quota_flood: {total} bytes"));
    }
    let outside = std::fs::read_dir(outer.path())
        .map(|d| d.count())
        .unwrap_or(0);
    if outside != 1 {
        return Err("quota_flood: something appeared outside /output".into());
    }
    Ok(())
}

fn indent(code: &str) -> String {
    code.lines().map(|l| format!("    {l}\n")).collect()
}

fn host_calls(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let a: i32 = rng.random();
    let b: i32 = rng.random();
    let code = format!(
        "print(add({a}, {b}))\n\
         print(echo({{'k': [1, 'é', None]}}) == {{'k': [1, 'é', None]}})\n\
         try:\n    fail('nope')\nexcept RuntimeError as e:\n    print(e)\n\
         for f in (boom, internal):\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)"
    );
    let want = format!(
        "{}\nTrue\nValueError: nope\n\
         RuntimeError: internal error in host function 'boom'\n\
         RuntimeError: internal error in host function 'internal'\n",
        i64::from(a) + i64::from(b)
    );
    let options = default_opts().host_functions(ctx.functions.clone()).clone();
    let r = expect_stdout("host_calls", run(ctx, t, &code, &options), &want)?;
    let failures: Vec<(&str, bool)> = r
        .host_failures
        .iter()
        .map(|f| (f.function.as_str(), f.panicked))
        .collect();
    if failures != [("boom", true), ("internal", false)]
        || !r.host_failures[0].details.contains(DELIBERATE_PANIC)
    {
        return wrong("host_calls: host failures", &r.host_failures);
    }
    Ok(())
}

fn host_abuse(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let config = BridgeConfig::builder()
        .max_request_bytes(1024)
        .max_response_bytes(1024)
        // Below the responses asked for, so the guest grows it and retries.
        .initial_result_cap(512)
        .build()
        .map_err(|e| format!("bridge config: {e}"))?;
    let options = default_opts()
        .host_functions(ctx.functions.clone())
        .bridge_config(config)
        .clone();
    if rng.random_bool(0.3) {
        // A flood of calls is metered like any other code.
        let limits = fuel_limits(rng.random_range(5_000_000..40_000_000));
        let flood = options.clone().limits(limits).clone();
        return match run(ctx, t, "while True: add(1, 2)", &flood) {
            Err(e) if soft_stop(&e, Interrupt::Fuel).is_some() => Ok(()),
            other => wrong("host_abuse: call flood", other),
        };
    }
    let code = "import host\n\
        def probe(f):\n    try:\n        f()\n        print('no error')\n    except Exception as e:\n        print(type(e).__name__, e)\n\
        print(host.call('add', '{not json')[:31])\n\
        probe(lambda: host.invoke('nope'))\n\
        probe(lambda: add(1))\n\
        probe(lambda: echo(object()))\n\
        probe(lambda: echo({1: 2}))\n\
        probe(lambda: echo('y' * 2000))\n\
        probe(lambda: big(2000))\n\
        print(len(echo('y' * 900)), len(big(900)))";
    let want = "{\"ok\":false,\"error\":\"ValueError\n\
        RuntimeError NameError: no host function named 'nope'\n\
        RuntimeError TypeError: add() takes 2 positional arguments but 1 was given\n\
        TypeError host call: object is not JSON serializable\n\
        TypeError host call: dict keys must be str\n\
        RuntimeError host call request exceeds the host's size limit\n\
        ValueError host callback result too large\n\
        900 900\n";
    expect_stdout("host_abuse", run(ctx, t, code, &options), want).map(drop)
}

fn exception(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let n: u32 = rng.random();
    let (code, ty, msg) = match rng.random_range(0..4) {
        0 => (
            format!("print('before')\nraise ValueError('boom {n}')"),
            "ValueError",
            format!("boom {n}"),
        ),
        1 => (
            format!("print('before')\nx = {n} // 0"),
            "ZeroDivisionError",
            "integer division or modulo by zero".to_owned(),
        ),
        2 => (
            format!("print('before')\n{{}}['k{n}']"),
            "KeyError",
            // CPython's str() of a KeyError is the key's repr.
            format!("'k{n}'"),
        ),
        _ => (
            "print('before')\ndef (:".to_owned(),
            "SyntaxError",
            "invalid syntax".to_owned(),
        ),
    };
    // A syntax error stops the snippet before anything runs.
    let out = if ty == "SyntaxError" { "" } else { "before\n" };
    match run(ctx, t, &code, &default_opts()) {
        Err(RunError::GuestException(g))
            if g.type_name == ty
                && g.message == msg
                && g.result.stdout_str() == out
                && g.traceback.trim_end().ends_with(&format!("{ty}: {msg}")) =>
        {
            Ok(())
        }
        other => wrong(&format!("exception {ty}"), other),
    }
}

fn sys_exit(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let code: i32 = rng.random_range(0..=120);
    let src = format!("import sys\nprint('bye')\nsys.exit({code})\nprint('not reached')");
    let r = run(ctx, t, &src, &default_opts());
    match r {
        Ok(r) if code == 0 && r.stdout_str() == "bye\n" => Ok(()),
        Err(RunError::Exit { code: c, result }) if c == code && result.stdout_str() == "bye\n" => {
            Ok(())
        }
        other => wrong(&format!("sys_exit({code})"), other),
    }
}

// ---- sessions ------------------------------------------------------------

/// A resident session through snippets that fail cleanly: each failure keeps
/// the session and its state.
fn session(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let options = default_opts()
        .limits(limits().memory_bytes(16 << 20).clone())
        .host_functions(ctx.functions.clone())
        .clone();
    let mut s = Session::with_options(&ctx.runtime, options.clone());
    let base: i64 = rng.random_range(0..1_000_000);
    expect_stdout(
        "session setup",
        srun(t, &mut s, &format!("total = {base}\nitems = []")),
        "",
    )?;
    let mut total = base;
    let mut items = 0usize;
    for _ in 0..rng.random_range(3..12) {
        match rng.random_range(0..7) {
            0 => {
                let k: i64 = rng.random_range(1..100);
                total += k;
                items += 1;
                expect_stdout(
                    "session add",
                    srun(
                        t,
                        &mut s,
                        &format!("total = add(total, {k})\nitems.append({k})"),
                    ),
                    "",
                )?;
            }
            1 => {
                let code =
                    "try:\n    x = bytearray(10**9)\nexcept MemoryError:\n    print('caught')";
                expect_stdout(
                    "session MemoryError caught",
                    srun(t, &mut s, code),
                    "caught\n",
                )?;
            }
            2 => match expect_run_err("session memory", srun(t, &mut s, "x = [0] * 10**8"))? {
                RunError::MemoryLimit { .. } => {}
                other => return wrong("session memory", other),
            },
            3 => {
                // Statements before the raise ran and stay.
                total += 1;
                let r = srun(t, &mut s, "total += 1\nraise ValueError('v')");
                match expect_run_err("session exception", r)? {
                    RunError::GuestException(g) if g.type_name == "ValueError" => {}
                    other => return wrong("session exception", other),
                }
            }
            4 => {
                let code: i32 = rng.random_range(1..=120);
                let r = srun(t, &mut s, &format!("import sys\nsys.exit({code})"));
                match expect_run_err("session sys.exit", r)? {
                    RunError::Exit { code: c, .. } if c == code => {}
                    other => return wrong("session sys.exit", other),
                }
            }
            5 => {
                let r = expect_stdout(
                    "session host failures",
                    srun(
                        t,
                        &mut s,
                        "try:\n    boom()\nexcept RuntimeError:\n    print('hidden')",
                    ),
                    "hidden\n",
                )?;
                if r.host_failures.len() != 1 || !r.host_failures[0].panicked {
                    return wrong("session host failures", &r.host_failures);
                }
            }
            _ => {
                let r = srun(
                    t,
                    &mut s,
                    "import gc\ngc.collect()\nprint(total, len(items))",
                );
                expect_stdout("session state", r, &format!("{total} {items}\n"))?;
            }
        }
    }
    let r = srun(t, &mut s, "print(total, len(items))");
    expect_stdout("session final state", r, &format!("{total} {items}\n"))?;
    s.close();
    match srun(t, &mut s, "print(total)") {
        Err(SessionError::SessionClosed) => Ok(()),
        other => wrong("session after close", other),
    }
}

/// A trap poisons a session; reset gives a fresh VM.
fn session_trip_reset(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let mut s = Session::new(&ctx.runtime);
    expect_stdout(
        "trip setup",
        srun(t, &mut s, "x = 41\nprint(x + 1)"),
        "42\n",
    )?;
    if rng.random_bool(0.5) {
        // C recursion is a clean exception: the session survives it.
        match expect_run_err("C recursion", srun(t, &mut s, C_RECURSION))? {
            RunError::GuestException(g) if is_recursion_error(&g) => {}
            other => return wrong("session C recursion", other),
        }
        expect_stdout("after C recursion", srun(t, &mut s, "print(x)"), "41\n")?;
    }
    let variant = rng.random_range(0..3);
    let (code, trip_limits, cause) = match variant {
        0 => (
            STUCK_IN_C,
            fuel_limits(20_000_000).fuel_grace(5_000_000).clone(),
            "out_of_fuel",
        ),
        1 => (
            STUCK_IN_C,
            limits()
                .fuel(None)
                .wall_timeout(Some(Duration::from_millis(20)))
                .grace(Duration::from_millis(20))
                .clone(),
            "timeout",
        ),
        _ => (COMPILER_RECURSION, limits(), "stack_overflow"),
    };
    s.set_limits(trip_limits)
        .map_err(|e| format!("trip set_limits: {e}"))?;
    let e = expect_run_err("trip", srun(t, &mut s, code))?;
    if e.kind() != cause || s.poisoned_by().map(TrapKind::name) != Some(cause) {
        return wrong(&format!("trip {cause}"), (e, s.poisoned_by()));
    }
    match srun(t, &mut s, "print(x)") {
        Err(SessionError::Poisoned { cause: c }) if c.name() == cause => {}
        other => return wrong("trip: run while poisoned", other),
    }
    s.reset();
    s.set_limits(limits())
        .map_err(|e| format!("trip set_limits: {e}"))?;
    expect_stdout(
        "trip after reset",
        srun(t, &mut s, "print('x' in globals())"),
        "False\n",
    )
    .map(drop)
}

/// A soft stop (wall clock, fuel or cancel) keeps the session: `finally`
/// ran, the state is intact.
fn session_soft_stop(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let mut s = Session::new(&ctx.runtime);
    let n: u32 = rng.random_range(1..1000);
    srun(t, &mut s, &format!("x = {n}\nlog = []")).map_err(|e| format!("soft setup: {e:?}"))?;
    let code = "try:\n    while True: x += 0\nfinally:\n    log.append(1)\n    print('finally')";
    let variant = rng.random_range(0..3);
    let want = [Interrupt::WallClock, Interrupt::Fuel, Interrupt::Cancel][variant];
    let set = match want {
        Interrupt::WallClock => limits()
            .fuel(None)
            .wall_timeout(Some(Duration::from_millis(rng.random_range(5..30))))
            .clone(),
        Interrupt::Fuel => fuel_limits(rng.random_range(2_000_000..30_000_000)),
        _ => limits().fuel(None).wall_timeout(None).clone(),
    };
    s.set_limits(set)
        .map_err(|e| format!("soft set_limits: {e}"))?;
    let outcome = if want == Interrupt::Cancel {
        let cancel = s.cancel_handle();
        let delay = Duration::from_millis(rng.random_range(0..20));
        let stopper = std::thread::spawn(move || {
            while !cancel.is_running() {
                std::thread::yield_now();
            }
            std::thread::sleep(delay);
            cancel.cancel()
        });
        let outcome = srun(t, &mut s, code);
        if !stopper.join().unwrap_or(false) {
            return wrong("soft cancel: the run was not in progress", outcome);
        }
        outcome
    } else {
        srun(t, &mut s, code)
    };
    match outcome {
        Err(SessionError::Run(e))
            if soft_stop(&e, want).is_some_and(|r| r.stdout_str() == "finally\n") => {}
        other => return wrong(&format!("soft stop {want:?}"), other),
    }
    s.set_limits(limits())
        .map_err(|e| format!("soft set_limits: {e}"))?;
    expect_stdout(
        "after a soft stop",
        srun(t, &mut s, "print(x, log)"),
        &format!("{n} [1]\n"),
    )
    .map(drop)
}

/// A wall clock or fuel budget close to what a finite run needs: it either
/// finishes with its output or stops softly with a prefix of it, and the
/// session goes on either way.
fn soft_limit_race(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let mut s = Session::new(&ctx.runtime);
    let n: u32 = rng.random_range(1000..20000);
    let code = format!("t = 0\nfor i in range({n}):\n    t += i\nprint(t)");
    let want = format!("{}\n", u64::from(n) * u64::from(n - 1) / 2);
    let set = if rng.random_bool(0.5) {
        limits()
            .fuel(None)
            .wall_timeout(Some(Duration::from_micros(rng.random_range(200..5000))))
            .clone()
    } else {
        fuel_limits(rng.random_range(1_000..(u64::from(n) * 6000)))
    };
    s.set_limits(set)
        .map_err(|e| format!("race set_limits: {e}"))?;
    match srun(t, &mut s, &code) {
        Ok(r) if r.stdout_str() == want => {}
        Err(SessionError::Run(e))
            if matches!(e.interrupt(), Some(Interrupt::WallClock | Interrupt::Fuel))
                && !e.is_trap()
                && e.run_result()
                    .is_some_and(|r| want.as_bytes().starts_with(&r.stdout)) => {}
        other => return wrong("soft_limit_race", other),
    }
    s.set_limits(limits())
        .map_err(|e| format!("race set_limits: {e}"))?;
    expect_stdout("after the race", srun(t, &mut s, "print('on')"), "on\n").map(drop)
}

/// A cancel at a random moment of a short run: the run finishes or stops
/// with KeyboardInterrupt; the next run with the same handle is clean.
fn cancel_race(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let cancel = CancelHandle::new();
    let options = default_opts().cancel_handle(cancel.clone()).clone();
    let n: u32 = rng.random_range(100..50000);
    let code = format!("t = 0\nfor i in range({n}):\n    t += 1\nprint(t)");
    let want = format!("{n}\n");
    let delay = Duration::from_micros(rng.random_range(0..3000));
    let stopper = {
        let cancel = cancel.clone();
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            cancel.cancel()
        })
    };
    let outcome = run(ctx, t, &code, &options);
    let _ = stopper.join();
    match outcome {
        Ok(r) if r.stdout_str() == want => {}
        Err(e)
            if soft_stop(&e, Interrupt::Cancel)
                .is_some_and(|r| want.as_bytes().starts_with(&r.stdout)) => {}
        other => return wrong("cancel_race", other),
    }
    expect_stdout("after a cancel race", run(ctx, t, &code, &options), &want).map(drop)
}

/// A cancel while a host function blocks: the run stops when it returns.
fn cancel_host_call(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let mut s = Session::with_options(
        &ctx.runtime,
        default_opts().host_functions(ctx.functions.clone()).clone(),
    );
    let ms: u64 = rng.random_range(5..40);
    let cancel = s.cancel_handle();
    let stopper = std::thread::spawn(move || {
        while !cancel.is_running() {
            std::thread::yield_now();
        }
        std::thread::sleep(Duration::from_millis(2));
        cancel.cancel()
    });
    let code = format!("done = 0\nwhile True:\n    block({ms})\n    done += 1");
    let outcome = srun(t, &mut s, &code);
    let _ = stopper.join();
    match outcome {
        Err(SessionError::Run(e)) if soft_stop(&e, Interrupt::Cancel).is_some() => {}
        other => return wrong("cancel_host_call", other),
    }
    expect_stdout(
        "after cancelling a host call",
        srun(t, &mut s, "print(done >= 0)"),
        "True\n",
    )
    .map(drop)
}

/// Async runs: three async sessions on one thread wait on an async host
/// function; a cancel at a random moment or a wall clock shorter than the
/// wait stops one softly while its call is pending (the call's future is
/// dropped, `finally` runs), the others finish, and every session keeps its
/// state.
fn async_host_race(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let executor = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| format!("async_host_race: tokio: {e}"))?;
    let mut functions = HostFunctions::new();
    functions
        .register_async("wait_ms", |ms: u64| async move {
            tokio::time::sleep(Duration::from_millis(ms.min(1000))).await;
            ms
        })
        .map_err(|e| format!("async_host_race: register: {e}"))?;
    let ms: u64 = rng.random_range(5..40);
    let stop_at = Duration::from_millis(rng.random_range(0..(3 * ms)));
    let timeout = rng.random_bool(0.5);
    let mut sessions: Vec<Session> = (0..3)
        .map(|i| {
            let mut limits = limits();
            if timeout && i == 0 {
                limits.wall_timeout(Some(Duration::from_millis(ms / 2 + 1)));
            }
            let options = opts(limits).host_functions(functions.clone()).clone();
            Session::with_options_async(&ctx.runtime, options)
        })
        .collect();
    let cancel = sessions[0].cancel_handle();
    let code = format!(
        "log = []\ntry:\n    log.append(wait_ms({ms}))\n    log.append(wait_ms({ms}))\nfinally:\n    log.append('finally')"
    );
    let outcomes = executor.block_on(async {
        let stopper = async {
            if !timeout {
                tokio::time::sleep(stop_at).await;
                cancel.cancel();
            }
        };
        let runs = futures::future::join_all(sessions.iter_mut().map(|s| s.run_async(&code)));
        tokio::join!(runs, stopper).0
    });
    let mut kept = Vec::new();
    for (i, outcome) in outcomes.iter().enumerate() {
        t.record(session_kind(outcome));
        let want_stop = if timeout {
            Interrupt::WallClock
        } else {
            Interrupt::Cancel
        };
        match outcome {
            Ok(_) => kept.push(format!("[{ms}, {ms}, 'finally']\n")),
            Err(SessionError::Run(e)) if i == 0 && soft_stop(e, want_stop).is_some() => {
                kept.push(String::new());
            }
            other => return wrong("async_host_race", other),
        }
    }
    for (session, want) in sessions.iter_mut().zip(kept) {
        let after = executor.block_on(session.run_async("print(log)"));
        t.record(session_kind(&after));
        match after {
            Ok(r) if want.is_empty() && r.stdout_str().ends_with("'finally']\n") => {}
            Ok(r) if r.stdout_str() == want => {}
            other => return wrong("async_host_race: state after", other),
        }
    }
    Ok(())
}

fn snapshot_restore(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let n: u32 = rng.random_range(1..2000);
    let tag: u32 = rng.random();
    let mut s = Session::new(&ctx.runtime);
    let setup = format!(
        "counter = 0\ndef bump():\n    global counter\n    counter += 1\n    return counter\ndata = {{i: str(i) * 2 for i in range({n})}}\ntag = 'T{tag}'"
    );
    expect_stdout("snapshot setup", srun(t, &mut s, &setup), "")?;
    let image = s.snapshot().map_err(|e| format!("snapshot: {e:?}"))?;
    let bytes = image.to_bytes();
    let again = SessionImage::from_bytes(&bytes).map_err(|e| format!("image bytes: {e:?}"))?;
    if again != image {
        return Err("snapshot: image changed through to_bytes/from_bytes".into());
    }
    let options = default_opts().host_functions(ctx.functions.clone()).clone();
    let mut restored = Session::restore_with_options(&ctx.runtime, &again, options.clone())
        .map_err(|e| format!("restore: {e:?}"))?;
    let last = n - 1;
    let want = format!("1 {n} {} T{tag}\n", format!("{last}").repeat(2));
    let probe = format!("print(bump(), len(data), data[{last}], tag)");
    expect_stdout("restored state", srun(t, &mut restored, &probe), &want)?;
    // Independent afterwards, and host functions work in the restored one.
    expect_stdout(
        "restored continues",
        srun(t, &mut restored, "print(bump(), add(counter, 1))"),
        "2 3\n",
    )?;
    expect_stdout(
        "original continues",
        srun(t, &mut s, "print(bump())"),
        "1\n",
    )?;
    // A truncated image is refused, by the parser or at the latest by
    // restore (the page data is checked when it is decompressed).
    let mut bad = bytes;
    let cut = rng.random_range(0..bad.len());
    bad.truncate(cut);
    let restored = SessionImage::from_bytes(&bad).and_then(|i| Session::restore(&ctx.runtime, &i));
    match restored {
        Err(SessionError::InvalidImage(_)) => Ok(()),
        other => wrong(&format!("truncated image ({cut} bytes)"), other.map(|_| ())),
    }
}

fn replay(ctx: &Ctx, rng: &mut SmallRng, t: &mut Tally) -> Result<(), Wrong> {
    let mut s = ReplaySession::with_options(&ctx.runtime, default_opts());
    let mut x: i64 = rng.random_range(0..1000);
    let mut kept = 1;
    let r = s.run(&format!("x = {x}"));
    t.record(session_kind(&r));
    expect_stdout("replay setup", r, "")?;
    for _ in 0..rng.random_range(2..8) {
        let r = if rng.random_bool(0.5) {
            x += 1;
            kept += 1;
            s.run("x += 1")
        } else {
            // Fails, so it is not replayed: its assignment is lost.
            let r = s.run("x = -1\nraise KeyError('k')");
            t.record(session_kind(&r));
            match expect_run_err("replay failing snippet", r)? {
                RunError::GuestException(g) if g.type_name == "KeyError" => continue,
                other => return wrong("replay failing snippet", other),
            }
        };
        t.record(session_kind(&r));
        expect_stdout("replay snippet", r, "")?;
    }
    let r = s.run("print(x)");
    t.record(session_kind(&r));
    expect_stdout("replay result", r, &format!("{x}\n"))?;
    if s.snippets().len() != kept + 1 {
        return wrong("replay history length", s.snippets().len());
    }
    Ok(())
}
