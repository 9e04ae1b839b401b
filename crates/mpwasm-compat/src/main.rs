//! `mpwasm-compat`: run MicroPython's test suite natively and in the mpwasm
//! sandbox and compare (usually started by `cargo xtask compat`, which also
//! builds the native reference).

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use mpwasm_compat::corpus::cli::CorpusArgs;
use mpwasm_compat::expected::CPython;
use mpwasm_compat::native::NativeRunner;
use mpwasm_compat::sandbox::SandboxRunner;
use mpwasm_compat::{
    ALL_DIRS, Runner, SuiteOptions, SuiteResult, TestCase, Tree, report, run_suite,
};
use serde_json::json;

#[derive(Debug, Parser)]
#[command(
    version,
    about = "Run MicroPython's own tests natively and in the mpwasm sandbox, and compare",
    long_about = "Runs tests/{basics,float,extmod,micropython,misc,stress}/*.py of a MicroPython \
                  source tree with a native unix-port binary and in the mpwasm sandbox, judges \
                  them like tests/run-tests.py and prints a table per directory and every test \
                  that passes natively but not in mpwasm.\n\n\
                  `cargo xtask compat` builds the native reference and passes --tree and --native.",
    args_conflicts_with_subcommands = true
)]
struct Args {
    /// Instead of MicroPython's tests, another suite
    #[command(subcommand)]
    command: Option<Command>,
    /// Test directories, comma-separated [default: all six]
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    dirs: Option<Vec<String>>,
    /// Only tests whose path (dir/name.py) contains TEXT
    #[arg(long, value_name = "TEXT")]
    filter: Option<String>,
    /// Run only the native binary
    #[arg(long, conflicts_with = "sandbox_only")]
    native_only: bool,
    /// Run only the sandbox
    #[arg(long)]
    sandbox_only: bool,
    /// Native micropython binary (required unless --sandbox-only)
    #[arg(long, value_name = "PATH")]
    native: Option<PathBuf>,
    /// MicroPython source tree [default: $MPWASM_MICROPYTHON_SRC, else .work/src/*/]
    #[arg(long, value_name = "PATH")]
    tree: Option<PathBuf>,
    /// Guest artifact [default: mpwasm-core's default]
    #[arg(long, value_name = "PATH")]
    artifact: Option<PathBuf>,
    /// Write the machine-readable result here
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,
    /// Parallel tests
    #[arg(long, value_name = "N", default_value = "2")]
    threads: NonZeroUsize,
    /// Per-test timeout on both targets, in seconds
    #[arg(long, value_name = "SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,
    /// Print each test's verdicts as it finishes
    #[arg(long)]
    progress: bool,
    /// Print the output of every test that did not pass
    #[arg(long)]
    show: bool,
    /// Only run FILE in the sandbox as a test would run (its directory at /input) and print
    /// what it wrote
    #[arg(long, value_name = "FILE")]
    exec: Option<PathBuf>,
    /// With --exec: mpwasm-core's default limits instead of the suite's generous ones
    #[arg(long, requires = "exec")]
    default_limits: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The CPython-compatibility corpus (tests/cpython/, docs/compat.md): run, bless, update
    /// (usually through `cargo xtask corpus`)
    Corpus(CorpusArgs),
}

impl Args {
    fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout)
    }

    /// The directories to run, blanks around and between commas dropped.
    fn dirs(&self) -> Vec<String> {
        match &self.dirs {
            Some(dirs) => dirs
                .iter()
                .map(|d| d.trim())
                .filter(|d| !d.is_empty())
                .map(String::from)
                .collect(),
            None => ALL_DIRS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// The two targets, each unless excluded.
struct Targets {
    native: Option<NativeRunner>,
    sandbox: Option<SandboxRunner>,
}

impl Targets {
    fn new(args: &Args, tree: &Tree) -> Result<Targets> {
        let native = if args.sandbox_only {
            None
        } else {
            let path = args.native.as_ref().context(
                "--native PATH is required unless --sandbox-only (cargo xtask compat passes it)",
            )?;
            Some(NativeRunner::new(path, tree, args.timeout())?)
        };
        let sandbox = if args.native_only {
            None
        } else {
            Some(SandboxRunner::new(
                args.artifact.as_deref(),
                args.timeout(),
            )?)
        };
        Ok(Targets { native, sandbox })
    }

    fn runners(&self) -> Vec<&dyn Runner> {
        let mut runners: Vec<&dyn Runner> = Vec::new();
        if let Some(n) = &self.native {
            runners.push(n);
        }
        if let Some(s) = &self.sandbox {
            runners.push(s);
        }
        runners
    }
}

/// The tree, and its tests selected by `--dirs` and `--filter`.
fn select_tests(args: &Args, dirs: &[String]) -> Result<(Tree, Vec<TestCase>)> {
    let tree = match &args.tree {
        Some(t) => Tree::new(t)?,
        None => Tree::locate()?,
    };
    for d in dirs {
        if !tree.tests_dir().join(d).is_dir() {
            bail!("no test directory tests/{d} in {}", tree.root.display());
        }
    }
    let dir_refs: Vec<&str> = dirs.iter().map(String::as_str).collect();
    let tests = tree.discover(&dir_refs, args.filter.as_deref())?;
    if tests.is_empty() {
        bail!("no tests matched");
    }
    Ok((tree, tests))
}

fn run(args: &Args) -> Result<()> {
    let started = Instant::now();
    if let Some(file) = &args.exec {
        return exec_one(file, args);
    }
    let dirs = args.dirs();
    let (tree, tests) = select_tests(args, &dirs)?;
    let targets = Targets::new(args, &tree)?;
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
        threads: args.threads.get(),
        progress: args.progress,
    };
    let result = run_suite(
        &tree,
        &tests,
        &targets.runners(),
        cpython.as_ref(),
        &options,
    )?;
    let seconds = started.elapsed().as_secs_f64();
    print_report(args, &targets, &result);
    println!();
    println!("{} tests in {seconds:.1} s", tests.len());
    if let Some(path) = &args.json {
        write_json(path, args, &tree, &dirs, &targets, &result, seconds)?;
    }
    Ok(())
}

/// Outputs (with --show), feature checks, the table and the differences.
fn print_report(args: &Args, targets: &Targets, result: &SuiteResult) {
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
    print!("{}", report::table(result));
    if targets.native.is_none() || targets.sandbox.is_none() {
        return;
    }
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

/// The machine-readable result (`--json PATH`).
fn write_json(
    path: &Path,
    args: &Args,
    tree: &Tree,
    dirs: &[String],
    targets: &Targets,
    result: &SuiteResult,
    seconds: f64,
) -> Result<()> {
    let meta = json!({
        "tree": tree.root.display().to_string(),
        "native": targets.native.as_ref().map(|_| args.native.as_ref().map(|p| p.display().to_string())),
        "artifact_sha256": targets.sandbox.as_ref().map(|s| s.artifact_sha256().to_string()),
        "dirs": dirs,
        "filter": args.filter,
        "timeout_seconds": args.timeout,
        "memory_bytes": mpwasm_compat::sandbox::MEMORY_BYTES,
        "seconds": (seconds * 10.0).round() / 10.0,
    });
    let doc = report::to_json(result, meta);
    let text = serde_json::to_string_pretty(&doc)?;
    std::fs::write(path, text + "\n")
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("==> wrote {}", path.display());
    Ok(())
}

fn exec_one(file: &Path, args: &Args) -> Result<()> {
    let mut sandbox = SandboxRunner::new(args.artifact.as_deref(), args.timeout())?;
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
    let test = TestCase {
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
    let args = Args::parse();
    let result = match &args.command {
        Some(Command::Corpus(corpus)) => mpwasm_compat::corpus::cli::run(corpus),
        None => run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(argv: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("mpwasm-compat").chain(argv.iter().copied()))
    }

    #[test]
    fn the_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn parses_every_option() {
        let a = parse(&[
            "--dirs",
            "basics, float,,",
            "--filter=int",
            "--sandbox-only",
            "--native",
            "/bin/mp",
            "--tree",
            "/src",
            "--artifact=/a.wasm",
            "--json",
            "out.json",
            "--threads",
            "3",
            "--timeout",
            "5",
            "--progress",
            "--show",
        ])
        .expect("parses");
        assert_eq!(a.dirs(), ["basics", "float"]);
        assert_eq!(a.filter.as_deref(), Some("int"));
        assert!(a.sandbox_only && !a.native_only && a.progress && a.show);
        assert_eq!(a.native.as_deref(), Some(Path::new("/bin/mp")));
        assert_eq!(a.tree.as_deref(), Some(Path::new("/src")));
        assert_eq!(a.artifact.as_deref(), Some(Path::new("/a.wasm")));
        assert_eq!(a.json.as_deref(), Some(Path::new("out.json")));
        assert_eq!(a.threads.get(), 3);
        assert_eq!(a.timeout(), Duration::from_secs(5));
        let e = parse(&["--exec", "t.py", "--default-limits"]).expect("parses");
        assert_eq!(e.exec.as_deref(), Some(Path::new("t.py")));
        assert!(e.default_limits);
    }

    #[test]
    fn corpus_is_a_subcommand() {
        use mpwasm_compat::corpus::cli::Action;
        let corpus = |argv: &[&str]| match parse(argv) {
            Ok(Args {
                command: Some(Command::Corpus(c)),
                ..
            }) => c.action(),
            other => panic!("{argv:?}: {other:?}"),
        };
        assert!(matches!(corpus(&["corpus"]), Action::Run(_)));
        // What `cargo xtask corpus` passes on.
        let Action::Run(r) = corpus(&["corpus", "run", "--filter", "std_", "--native", "/bin/mp"])
        else {
            panic!("not run")
        };
        assert_eq!(r.selection.filter.as_deref(), Some("std_"));
        assert!(matches!(
            corpus(&["corpus", "bless", "core_a"]),
            Action::Bless(_)
        ));
        assert!(matches!(
            corpus(&["corpus", "update", "--allow-drop"]),
            Action::Update(_)
        ));
        assert!(parse(&[]).expect("parses").command.is_none());
        // The suite's options are not the corpus's.
        assert!(parse(&["--dirs", "basics", "corpus"]).is_err());
        assert!(parse(&["corpus", "--dirs", "basics"]).is_err());
    }

    #[test]
    fn defaults() {
        let a = parse(&[]).expect("parses");
        assert_eq!(a.dirs(), ALL_DIRS);
        assert_eq!(a.threads.get(), 2);
        assert_eq!(a.timeout(), Duration::from_secs(30));
        assert!(a.exec.is_none() && a.json.is_none() && !a.show);
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            &["--native-only", "--sandbox-only"][..],
            &["--threads", "0"],
            &["--threads", "many"],
            &["--timeout", "0"],
            &["--timeout"],
            &["--default-limits"],
            &["--progress=yes"],
            &["--bogus"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
