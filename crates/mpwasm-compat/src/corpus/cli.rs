//! `mpwasm-compat corpus ...` (usually started by `cargo xtask corpus`).

use std::collections::BTreeSet;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use serde_json::json;

use super::bless::{BlessOptions, bless};
use super::run::{Native, ProgramRunner, Sandbox, evaluate};
use super::{Corpus, report};
use crate::expected::CPython;

/// `mpwasm-compat corpus`: the CPython-compatibility corpus
/// (tests/cpython/, docs/compat.md). Without an action it runs.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CorpusArgs {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// `run`'s options, for `corpus` without an action
    #[command(flatten)]
    pub run: RunArgs,
}

impl CorpusArgs {
    /// The action to take (`run` when none was named).
    pub fn action(&self) -> Action {
        self.action
            .clone()
            .unwrap_or_else(|| Action::Run(self.run.clone()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Action {
    /// Run every program in the sandbox (and natively with --native), compare its stdout
    /// with CPython's and print pass counts per area, the first difference of every failing
    /// program and the failure causes; fails on an expectation problem (a program without
    /// or newer than its expected output) or a regression (a program of passing.txt that
    /// does not pass)
    Run(RunArgs),
    /// Run the programs (all, or the NAMEs) with CPython twice (hash seeds 0 and 1, two time
    /// zones) and write expected/NAME.out and blessed.tsv; refuses programs that fail,
    /// write to stderr or print something else the second time
    Bless(BlessArgs),
    /// Run everything and rewrite passing.txt with the programs that pass; refuses to drop
    /// a listed program unless --allow-drop
    Update(UpdateArgs),
}

/// Options of every action.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct CommonArgs {
    /// Programs run in parallel
    #[arg(long, value_name = "N", default_value = "2")]
    pub threads: NonZeroUsize,
    /// The corpus [default: tests/cpython of this repository]
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
}

impl CommonArgs {
    fn open(&self) -> Result<Corpus> {
        Corpus::open(self.corpus.clone().unwrap_or_else(Corpus::default_root))
    }
}

/// Where the programs are judged (`run` and `update`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct TargetArgs {
    /// Also run natively with this micropython binary (an extra column)
    #[arg(long, value_name = "PATH")]
    pub native: Option<PathBuf>,
    /// Guest artifact [default: mpwasm-core's default]
    #[arg(long, value_name = "PATH")]
    pub artifact: Option<PathBuf>,
}

/// Which programs `run` runs and what it prints besides the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct SelectionArgs {
    /// Only programs whose name contains TEXT
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Also print NAME's full diff, stderr and traceback (repeatable; without --filter only
    /// these programs run)
    #[arg(long, value_name = "NAME", value_parser = program_name)]
    pub show: Vec<String>,
    /// Write the machine-readable result here
    #[arg(long, value_name = "PATH")]
    pub json: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub selection: SelectionArgs,
    #[command(flatten)]
    pub targets: TargetArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct BlessArgs {
    /// The programs to bless (file names with or without .py) [default: all]
    #[arg(value_name = "NAME", value_parser = program_name)]
    pub names: Vec<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct UpdateArgs {
    /// Allow names to leave passing.txt (say why in the commit)
    #[arg(long)]
    pub allow_drop: bool,
    #[command(flatten)]
    pub targets: TargetArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// A program as named on the command line: `core_x` or `core_x.py`.
fn program_name(v: &str) -> Result<String, String> {
    let name = v.strip_suffix(".py").unwrap_or(v);
    if name.is_empty() || name.starts_with('-') {
        return Err(format!("expected a program name, got `{v}`"));
    }
    Ok(name.to_string())
}

/// Run `mpwasm-compat corpus` with parsed arguments.
pub fn run(args: &CorpusArgs) -> Result<()> {
    match args.action() {
        Action::Run(a) => run_judge(&a.common, &a.targets, &a.selection, None),
        Action::Bless(a) => run_bless(&a),
        Action::Update(a) => run_judge(
            &a.common,
            &a.targets,
            &SelectionArgs::default(),
            Some(a.allow_drop),
        ),
    }
}

fn run_bless(args: &BlessArgs) -> Result<()> {
    let corpus = &args.common.open()?;
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
        threads: args.common.threads.get(),
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

/// `run`, and `update` (`Some(allow_drop)`), which runs everything.
fn run_judge(
    common: &CommonArgs,
    targets: &TargetArgs,
    args: &SelectionArgs,
    update: Option<bool>,
) -> Result<()> {
    let started = Instant::now();
    let corpus = &common.open()?;
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
    let sandbox = Sandbox::new(targets.artifact.as_deref())?;
    let native = targets.native.as_deref().map(Native::new).transpose()?;
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
    let threads = common.threads.get();
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
            "native": targets.native.as_ref().map(|p| p.display().to_string()),
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
    if let Some(allow_drop) = update {
        let listed: BTreeSet<String> = corpus.read_passing()?.into_iter().collect();
        let passing = eval.passing();
        let dropped = updated_passing(&listed, &passing, allow_drop)?;
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
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    /// `corpus`'s arguments as a command of their own.
    #[derive(Debug, Parser)]
    struct CorpusCommand {
        #[command(flatten)]
        args: CorpusArgs,
    }

    fn parse(argv: &[&str]) -> Result<Action, clap::Error> {
        CorpusCommand::try_parse_from(std::iter::once("corpus").chain(argv.iter().copied()))
            .map(|c| c.args.action())
    }

    fn action(argv: &[&str]) -> Action {
        parse(argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"))
    }

    #[test]
    fn the_definition_is_consistent() {
        CorpusCommand::command().debug_assert();
    }

    #[test]
    fn parses_the_three_actions() {
        let Action::Run(bare) = action(&[]) else {
            panic!("no action is run")
        };
        assert_eq!(bare.selection, SelectionArgs::default());
        assert_eq!(bare.common.threads.get(), 2);
        assert_eq!(action(&["run"]), Action::Run(bare));
        let argv = [
            "--filter",
            "std_",
            "--show=core_x.py",
            "--show",
            "core_y",
            "--json",
            "out.json",
            "--native",
            "/bin/mp",
            "--artifact=/a.wasm",
            "--threads",
            "1",
            "--corpus",
            "/c",
        ];
        let Action::Run(a) = action(&argv) else {
            panic!("not run")
        };
        assert_eq!(a.selection.filter.as_deref(), Some("std_"));
        assert_eq!(a.selection.show, ["core_x", "core_y"]);
        assert_eq!(a.selection.json.as_deref(), Some("out.json".as_ref()));
        assert_eq!(a.targets.native.as_deref(), Some("/bin/mp".as_ref()));
        assert_eq!(a.targets.artifact.as_deref(), Some("/a.wasm".as_ref()));
        assert_eq!(a.common.threads.get(), 1);
        assert_eq!(a.common.corpus.as_deref(), Some("/c".as_ref()));
        let run: Vec<&str> = std::iter::once("run").chain(argv).collect();
        assert_eq!(action(&run), Action::Run(a));

        let Action::Bless(b) = action(&["bless", "core_a", "std_b.py", "--threads=1"]) else {
            panic!("not bless")
        };
        assert_eq!(b.names, ["core_a", "std_b"]);
        assert_eq!(b.common.threads.get(), 1);
        let Action::Bless(b) = action(&["bless"]) else {
            panic!("not bless")
        };
        assert!(b.names.is_empty());

        let Action::Update(u) = action(&["update", "--allow-drop", "--native", "/bin/mp"]) else {
            panic!("not update")
        };
        assert!(u.allow_drop);
        assert_eq!(u.targets.native.as_deref(), Some("/bin/mp".as_ref()));
        let Action::Update(u) = action(&["update"]) else {
            panic!("not update")
        };
        assert!(!u.allow_drop);
    }

    #[test]
    fn help_is_generated_from_the_flags() {
        for argv in [&["--help"][..], &["help", "bless"], &["update", "--help"]] {
            let e = parse(argv).expect_err("help ends parsing");
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{argv:?}");
        }
        let mut cmd = CorpusCommand::command();
        let help = cmd.render_long_help().to_string();
        for word in ["run", "bless", "update", "--filter", "--show", "--native"] {
            assert!(help.contains(word), "{word} missing from:\n{help}");
        }
        let update = cmd
            .find_subcommand_mut("update")
            .expect("update")
            .render_long_help()
            .to_string();
        assert!(update.contains("--allow-drop"), "{update}");
        assert!(!update.contains("--filter"), "{update}");
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
            &["update", "core_a"],
            &["bless", "--show", "x"],
            &["bless", "--native", "/bin/true"],
            &["bless", "--allow-drop"],
            &["--allow-drop"],
            &["--filter", "x", "bless"],
            &["core_a"],
            &["run", "core_a"],
            &["--threads", "0"],
            &["--show", ".py"],
            &["--bogus"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
