//! `mpwasm-compat`: run MicroPython's test suite natively and in the mpwasm
//! sandbox and compare (usually started by `cargo xtask compat`, which also
//! builds the native reference).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use mpwasm_compat::expected::CPython;
use mpwasm_compat::native::NativeRunner;
use mpwasm_compat::sandbox::SandboxRunner;
use mpwasm_compat::{ALL_DIRS, Runner, SuiteOptions, Tree, report, run_suite};
use serde_json::json;

const USAGE: &str = "\
Usage: mpwasm-compat [OPTIONS]
       mpwasm-compat corpus ...   (the CPython corpus: mpwasm-compat corpus --help)

Runs tests/{basics,float,extmod,micropython,misc,stress}/*.py of a MicroPython
source tree with a native unix-port binary and in the mpwasm sandbox, judges
them like tests/run-tests.py and prints a table per directory and every test
that passes natively but not in mpwasm.

Options:
  --dirs A,B,...     Test directories [default: all six]
  --filter TEXT      Only tests whose path (dir/name.py) contains TEXT
  --native-only      Run only the native binary
  --sandbox-only     Run only the sandbox
  --native PATH      Native micropython binary (required unless --sandbox-only)
  --tree PATH        MicroPython source tree [default: $MPWASM_MICROPYTHON_SRC,
                     else .work/src/*/]
  --artifact PATH    Guest artifact [default: mpwasm-core's default]
  --json PATH        Write the machine-readable result here
  --threads N        Parallel tests [default: 2]
  --timeout SECS     Per-test timeout on both targets [default: 30]
  --progress         Print each test's verdicts as it finishes
  --show             Print the output of every test that did not pass
  --exec FILE        Only run FILE in the sandbox as a test would run (its
                     directory at /input) and print what it wrote
  --default-limits   With --exec: mpwasm-core's default limits instead of the
                     suite's generous ones
";

#[derive(Debug, Default)]
struct Args {
    dirs: Option<Vec<String>>,
    filter: Option<String>,
    native_only: bool,
    sandbox_only: bool,
    native: Option<PathBuf>,
    tree: Option<PathBuf>,
    artifact: Option<PathBuf>,
    json: Option<PathBuf>,
    threads: Option<usize>,
    timeout: Option<u64>,
    progress: bool,
    show: bool,
    exec: Option<PathBuf>,
    default_limits: bool,
}

fn parse(argv: Vec<String>) -> Result<Option<Args>> {
    let mut a = Args::default();
    let mut it = argv.into_iter();
    while let Some(raw) = it.next() {
        let (name, inline) = match raw.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (raw.clone(), None),
        };
        let mut value = || -> Result<String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it
                    .next()
                    .with_context(|| format!("{name} needs a value\n\n{USAGE}")),
            }
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--native-only" => a.native_only = true,
            "--sandbox-only" => a.sandbox_only = true,
            "--progress" => a.progress = true,
            "--show" => a.show = true,
            "--default-limits" => a.default_limits = true,
            "--dirs" => {
                a.dirs = Some(
                    value()?
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                )
            }
            "--filter" => a.filter = Some(value()?),
            "--exec" => a.exec = Some(value()?.into()),
            "--native" => a.native = Some(value()?.into()),
            "--tree" => a.tree = Some(value()?.into()),
            "--artifact" => a.artifact = Some(value()?.into()),
            "--json" => a.json = Some(value()?.into()),
            "--threads" => {
                let v = value()?;
                a.threads =
                    Some(v.parse().ok().filter(|&n: &usize| n > 0).with_context(|| {
                        format!("--threads expects a positive number, got `{v}`")
                    })?);
            }
            "--timeout" => {
                let v = value()?;
                a.timeout = Some(
                    v.parse()
                        .ok()
                        .filter(|&n: &u64| n > 0)
                        .with_context(|| format!("--timeout expects seconds, got `{v}`"))?,
                );
            }
            other => bail!("unknown option `{other}`\n\n{USAGE}"),
        }
    }
    if a.native_only && a.sandbox_only {
        bail!("--native-only and --sandbox-only exclude each other");
    }
    Ok(Some(a))
}

fn run() -> Result<()> {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().is_some_and(|a| a == "corpus") {
        return mpwasm_compat::corpus::cli::main(argv[1..].to_vec());
    }
    let Some(args) = parse(argv)? else {
        print!("{USAGE}");
        return Ok(());
    };
    let started = Instant::now();
    if let Some(file) = &args.exec {
        return exec_one(file, &args);
    }
    let tree = match &args.tree {
        Some(t) => Tree::new(t)?,
        None => Tree::locate()?,
    };
    let dirs: Vec<String> = args
        .dirs
        .clone()
        .unwrap_or_else(|| ALL_DIRS.iter().map(|s| s.to_string()).collect());
    for d in &dirs {
        if !tree.tests_dir().join(d).is_dir() {
            bail!("no test directory tests/{d} in {}", tree.root.display());
        }
    }
    let dir_refs: Vec<&str> = dirs.iter().map(String::as_str).collect();
    let tests = tree.discover(&dir_refs, args.filter.as_deref())?;
    if tests.is_empty() {
        bail!("no tests matched");
    }
    let timeout = Duration::from_secs(args.timeout.unwrap_or(30));

    let native = if args.sandbox_only {
        None
    } else {
        let path = args.native.as_ref().context(
            "--native PATH is required unless --sandbox-only (cargo xtask compat passes it)",
        )?;
        Some(NativeRunner::new(path, &tree, timeout)?)
    };
    let sandbox = if args.native_only {
        None
    } else {
        Some(SandboxRunner::new(args.artifact.as_deref(), timeout)?)
    };
    let mut runners: Vec<&dyn Runner> = Vec::new();
    if let Some(n) = &native {
        runners.push(n);
    }
    if let Some(s) = &sandbox {
        runners.push(s);
    }
    let cpython = match CPython::detect() {
        Ok(c) => Some(c),
        Err(e) => {
            eprintln!("warning: {e:#}; tests without a .exp file will fail");
            None
        }
    };
    eprintln!(
        "==> {} tests from {} ({}), {}",
        tests.len(),
        tree.tests_dir().display(),
        dirs.join(","),
        cpython
            .as_ref()
            .map(|c| c.version().to_string())
            .unwrap_or_else(|| "no CPython".into())
    );
    let options = SuiteOptions {
        threads: args.threads.unwrap_or(2),
        progress: args.progress,
    };
    let result = run_suite(&tree, &tests, &runners, cpython.as_ref(), &options)?;
    let seconds = started.elapsed().as_secs_f64();

    if args.show {
        print!("{}", report::show_outputs(&result.reports));
    }
    for f in &result.features {
        let missing = f.features.missing();
        println!(
            "{} feature checks: {}",
            f.target.as_str(),
            if missing.is_empty() {
                "all present".to_string()
            } else {
                format!("missing {}", missing.join(", "))
            }
        );
    }
    println!();
    print!("{}", report::table(&result));
    if native.is_some() && sandbox.is_some() {
        let regressions = report::regressions(&result.reports);
        println!();
        println!(
            "{} tests pass natively but not in mpwasm:",
            regressions.len()
        );
        print!("{}", report::regression_list(&result.reports));
        let unclassified = regressions
            .iter()
            .filter(|r| mpwasm_compat::known::classify(&r.test.rel).is_none())
            .count();
        if unclassified > 0 {
            println!(
                "{unclassified} of them are unclassified: add them to crates/mpwasm-compat/src/known.rs"
            );
        }
        let others = report::other_differences(&result.reports);
        if !others.is_empty() {
            println!();
            println!("Tests that pass in mpwasm but not natively:");
            print!("{others}");
        }
    }
    println!();
    println!("{} tests in {seconds:.1} s", tests.len());

    if let Some(path) = &args.json {
        let meta = json!({
            "tree": tree.root.display().to_string(),
            "native": native.as_ref().map(|_| args.native.as_ref().map(|p| p.display().to_string())),
            "artifact_sha256": sandbox.as_ref().map(|s| s.artifact_sha256().to_string()),
            "dirs": dirs,
            "filter": args.filter,
            "timeout_seconds": timeout.as_secs(),
            "memory_bytes": mpwasm_compat::sandbox::MEMORY_BYTES,
            "seconds": (seconds * 10.0).round() / 10.0,
        });
        let doc = report::to_json(&result, meta);
        let text = serde_json::to_string_pretty(&doc)?;
        std::fs::write(path, text + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("==> wrote {}", path.display());
    }
    Ok(())
}

fn exec_one(file: &std::path::Path, args: &Args) -> Result<()> {
    let mut sandbox = SandboxRunner::new(
        args.artifact.as_deref(),
        Duration::from_secs(args.timeout.unwrap_or(30)),
    )?;
    if args.default_limits {
        sandbox = sandbox.with_limits(mpwasm_core::Limits::new());
    }
    let path =
        std::fs::canonicalize(file).with_context(|| format!("cannot find {}", file.display()))?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .context("file name is not UTF-8")?
        .to_string();
    let test = mpwasm_compat::TestCase {
        rel: name.clone(),
        dir: String::new(),
        name,
        path,
    };
    let tree = Tree {
        root: PathBuf::from("/"),
    };
    let run = sandbox.run(&tree, &test, false);
    std::io::Write::write_all(&mut std::io::stdout(), &run.output)?;
    if let Some(kind) = run.error_kind {
        eprintln!("\n[{kind}]");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
