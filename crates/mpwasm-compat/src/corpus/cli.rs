//! `mpwasm-compat corpus ...` (usually started by `cargo xtask corpus`).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde_json::json;

use super::bless::{BlessOptions, bless};
use super::run::{Native, ProgramRunner, Sandbox, evaluate};
use super::{Corpus, report};
use crate::expected::CPython;

pub const USAGE: &str = "\
Usage: mpwasm-compat corpus [run] [OPTIONS]
       mpwasm-compat corpus bless [NAME...]
       mpwasm-compat corpus update [--allow-drop]

The CPython-compatibility corpus (tests/cpython/, docs/compat.md).

  run      Run every program in the sandbox (and natively with --native),
           compare its stdout with CPython's and print pass counts per area,
           the first difference of every failing program and the failure
           causes. Fails on an expectation problem (a program without or
           newer than its expected output) or a regression (a program of
           passing.txt that does not pass).
  bless    Run the programs (all, or the NAMEs) with CPython, twice (hash
           seed 0 and 1, two time zones), and write expected/<name>.out and
           blessed.tsv; refuses programs that fail, write to stderr or
           print something else on the second run.
  update   Run everything and rewrite passing.txt with the programs that
           pass; refuses to drop a listed program unless --allow-drop.

Options:
  --filter TEXT      run: only programs whose name contains TEXT
  --show NAME        run: print NAME's full diff, stderr and traceback
                     (repeatable; without --filter only these run)
  --native PATH      run, update: also run natively with this micropython binary
  --json PATH        run: write the machine-readable result here
  --threads N        Programs run in parallel [default: 2]
  --allow-drop       update: allow names to leave passing.txt
  --corpus DIR       The corpus [default: tests/cpython of this repository]
  --artifact PATH    Guest artifact [default: mpwasm-core's default]
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Action {
    #[default]
    Run,
    Bless,
    Update,
}

#[derive(Debug, Default)]
struct Args {
    action: Action,
    names: Vec<String>,
    filter: Option<String>,
    show: Vec<String>,
    native: Option<PathBuf>,
    json: Option<PathBuf>,
    threads: Option<usize>,
    allow_drop: bool,
    corpus: Option<PathBuf>,
    artifact: Option<PathBuf>,
}

fn parse(argv: Vec<String>) -> Result<Option<Args>> {
    let mut a = Args::default();
    let mut it = argv.into_iter().peekable();
    match it.peek().map(String::as_str) {
        Some("run") => {
            it.next();
        }
        Some("bless") => {
            a.action = Action::Bless;
            it.next();
        }
        Some("update") => {
            a.action = Action::Update;
            it.next();
        }
        _ => {}
    }
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
            "--allow-drop" => a.allow_drop = true,
            "--filter" => a.filter = Some(value()?),
            "--show" => a.show.push(value()?.trim_end_matches(".py").to_string()),
            "--native" => a.native = Some(value()?.into()),
            "--json" => a.json = Some(value()?.into()),
            "--corpus" => a.corpus = Some(value()?.into()),
            "--artifact" => a.artifact = Some(value()?.into()),
            "--threads" => {
                let v = value()?;
                a.threads =
                    Some(v.parse().ok().filter(|&n: &usize| n > 0).with_context(|| {
                        format!("--threads expects a positive number, got `{v}`")
                    })?);
            }
            other if !other.starts_with('-') && a.action == Action::Bless => {
                a.names.push(other.trim_end_matches(".py").to_string())
            }
            other => bail!("unexpected `{other}`\n\n{USAGE}"),
        }
    }
    let only_run = [
        ("--filter", a.filter.is_some()),
        ("--show", !a.show.is_empty()),
        ("--json", a.json.is_some()),
    ];
    for (opt, given) in only_run {
        if given && a.action != Action::Run {
            bail!("{opt} is an option of `corpus run`");
        }
    }
    if a.allow_drop && a.action != Action::Update {
        bail!("--allow-drop is an option of `corpus update`");
    }
    if a.native.is_some() && a.action == Action::Bless {
        bail!("--native is an option of `corpus run` and `corpus update`");
    }
    Ok(Some(a))
}

/// Run `mpwasm-compat corpus` with the arguments after `corpus`.
pub fn main(argv: Vec<String>) -> Result<()> {
    let Some(args) = parse(argv)? else {
        print!("{USAGE}");
        return Ok(());
    };
    let corpus = Corpus::open(args.corpus.clone().unwrap_or_else(Corpus::default_root))?;
    match args.action {
        Action::Bless => run_bless(&corpus, &args),
        Action::Run | Action::Update => run_judge(&corpus, &args),
    }
}

fn run_bless(corpus: &Corpus, args: &Args) -> Result<()> {
    let cpython = CPython::detect()?;
    let whole = args.names.is_empty();
    let programs = if whole {
        corpus.programs(None)?
    } else {
        args.names
            .iter()
            .map(|n| corpus.program(n))
            .collect::<Result<Vec<_>>>()?
    };
    eprintln!(
        "==> blessing {} programs with {} (hash seeds 0 and 1)",
        programs.len(),
        cpython.version()
    );
    let options = BlessOptions {
        threads: args.threads.unwrap_or(2),
        ..BlessOptions::default()
    };
    let report = bless(corpus, &cpython, &programs, whole, &options)?;
    for name in &report.changed {
        println!("blessed  {name}");
    }
    for name in &report.dropped {
        println!("dropped  {name} (no such program)");
    }
    for (name, why) in &report.rejected {
        println!("REJECTED {name}: {why}");
    }
    println!(
        "{} blessed ({} changed, {} unchanged), {} rejected, {} dropped",
        report.changed.len() + report.unchanged.len(),
        report.changed.len(),
        report.unchanged.len(),
        report.rejected.len(),
        report.dropped.len()
    );
    if !report.rejected.is_empty() {
        bail!(
            "{} programs were rejected: fix them (corpus programs must succeed on CPython, print to stdout only and be deterministic)",
            report.rejected.len()
        );
    }
    Ok(())
}

fn run_judge(corpus: &Corpus, args: &Args) -> Result<()> {
    let started = Instant::now();
    let filter = args.filter.as_deref();
    let mut programs = corpus.programs(filter)?;
    if !args.show.is_empty() {
        for name in &args.show {
            let p = corpus.program(name)?;
            if filter.is_none() {
                continue;
            }
            if !programs.contains(&p) {
                programs.push(p);
            }
        }
        if filter.is_none() {
            programs.retain(|p| args.show.contains(&p.name));
        }
        programs.sort_by(|a, b| a.name.cmp(&b.name));
    }
    if programs.is_empty() {
        bail!("no programs matched");
    }
    let whole = filter.is_none() && args.show.is_empty();
    let sandbox = Sandbox::new(args.artifact.as_deref())?;
    let native = args.native.as_deref().map(Native::new).transpose()?;
    let mut runners: Vec<&dyn ProgramRunner> = vec![&sandbox];
    if let Some(n) = &native {
        runners.push(n);
    }
    let python = corpus
        .read_blessed()?
        .entries
        .values()
        .map(|e| e.python.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join(", ");
    eprintln!(
        "==> {} programs from {} (expected output from {}), artifact sha256 {}",
        programs.len(),
        corpus.root().display(),
        if python.is_empty() {
            "nothing yet"
        } else {
            &python
        },
        sandbox.artifact_sha256()
    );
    let threads = args.threads.unwrap_or(2);
    let eval = evaluate(corpus, &programs, whole, &runners, threads)?;
    let seconds = started.elapsed().as_secs_f64();

    print!("{}", report::full(&eval));
    for name in &args.show {
        if let Some(r) = eval.results.iter().find(|r| &r.program.name == name) {
            println!();
            print!("{}", report::show(r));
        }
    }
    println!("\n{} programs in {seconds:.1} s", programs.len());
    if let Some(path) = &args.json {
        let meta = json!({
            "corpus": corpus.root().display().to_string(),
            "artifact_sha256": sandbox.artifact_sha256(),
            "native": args.native.as_ref().map(|p| p.display().to_string()),
            "filter": args.filter,
            "expected_from": python,
            "seconds": (seconds * 10.0).round() / 10.0,
        });
        let text = serde_json::to_string_pretty(&report::to_json(&eval.results, meta))?;
        std::fs::write(path, text + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("==> wrote {}", path.display());
    }
    if !eval.problems.is_empty() {
        bail!(
            "{} expectation problems (listed at the top)",
            eval.problems.len()
        );
    }
    if args.action == Action::Update {
        let listed: BTreeSet<String> = corpus.read_passing()?.into_iter().collect();
        let passing = eval.passing();
        let dropped = updated_passing(&listed, &passing, args.allow_drop)?;
        corpus.write_passing(&passing)?;
        println!(
            "passing.txt: {} programs ({} added, {} dropped)",
            passing.len(),
            passing.difference(&listed).count(),
            dropped.len()
        );
        return Ok(());
    }
    if !eval.regressions.is_empty() {
        bail!(
            "{} programs of passing.txt no longer pass: {}",
            eval.regressions.len(),
            eval.regressions.join(", ")
        );
    }
    Ok(())
}

/// Check that rewriting `passing.txt` from `listed` to `passing` drops no
/// name unless `allow_drop`; returns the names that would be dropped.
pub fn updated_passing(
    listed: &BTreeSet<String>,
    passing: &BTreeSet<String>,
    allow_drop: bool,
) -> Result<Vec<String>> {
    let dropped: Vec<String> = listed.difference(passing).cloned().collect();
    if !dropped.is_empty() && !allow_drop {
        bail!(
            "passing.txt would lose {} programs that no longer pass: {} (fix them, or pass --allow-drop and say why in the commit)",
            dropped.len(),
            dropped.join(", ")
        );
    }
    Ok(dropped)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Result<Option<Args>> {
        parse(a.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn parses_the_three_actions() {
        let a = args(&[]).unwrap().unwrap();
        assert_eq!(a.action, Action::Run);
        let a = args(&["--filter", "std_", "--show=core_x.py", "--threads", "1"])
            .unwrap()
            .unwrap();
        assert_eq!(
            (a.action, a.filter.as_deref(), a.show, a.threads),
            (
                Action::Run,
                Some("std_"),
                vec!["core_x".to_string()],
                Some(1)
            )
        );
        let a = args(&["bless", "core_a", "std_b.py"]).unwrap().unwrap();
        assert_eq!(a.action, Action::Bless);
        assert_eq!(a.names, ["core_a", "std_b"]);
        let a = args(&["update", "--allow-drop"]).unwrap().unwrap();
        assert!(a.action == Action::Update && a.allow_drop);
        assert!(args(&["--help"]).unwrap().is_none());
    }

    #[test]
    fn passing_list_only_grows_unless_allowed() {
        let set =
            |names: &[&str]| -> BTreeSet<String> { names.iter().map(|s| s.to_string()).collect() };
        let listed = set(&["core_a", "std_b"]);
        assert!(
            updated_passing(&listed, &set(&["core_a", "std_b", "std_c"]), false)
                .unwrap()
                .is_empty()
        );
        let err = updated_passing(&listed, &set(&["core_a"]), false).unwrap_err();
        assert!(err.to_string().contains("std_b"), "{err}");
        assert_eq!(
            updated_passing(&listed, &set(&["core_a"]), true).unwrap(),
            ["std_b"]
        );
    }

    #[test]
    fn rejects_options_of_other_actions() {
        for bad in [
            &["update", "--filter", "x"][..],
            &["bless", "--show", "x"],
            &["--allow-drop"],
            &["bless", "--native", "/bin/true"],
            &["core_a"],
            &["--threads", "0"],
            &["--bogus"],
        ] {
            assert!(args(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
