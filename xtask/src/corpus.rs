//! `cargo xtask corpus`: the CPython-compatibility corpus (tests/cpython/,
//! docs/compat.md).
//!
//! The running, blessing and judging live in crates/mpwasm-compat (library
//! code shared with its `cpython_corpus` test); this command makes sure the
//! artifact is fresh when the sandbox is needed, finds the native reference
//! `cargo xtask compat` built, and runs `mpwasm-compat corpus ...`.

use std::ffi::OsString;
use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use xshell::Shell;

use crate::build::Ctx;

/// `cargo xtask corpus [run|bless|update]`; without an action it runs.
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
    /// Run every program in the sandbox and print the pass counts per area (core, std), each
    /// failing program's first difference and the failure causes; fails on a regression (a
    /// program of passing.txt that no longer passes) or a missing/stale expectation
    Run(RunArgs),
    /// Run the programs (all, or the NAMEs) with python3 twice (PYTHONHASHSEED=0 and 1, two
    /// time zones) and write their expected output; rejects programs that fail, write to
    /// stderr or are not deterministic
    Bless(BlessArgs),
    /// Rewrite passing.txt from the current results; refuses to drop a name unless
    /// --allow-drop
    Update(UpdateArgs),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct RunArgs {
    /// Only programs whose name contains TEXT
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Also print NAME's full diff, stderr and traceback (repeatable; without --filter only
    /// these programs run)
    #[arg(long, value_name = "NAME")]
    pub show: Vec<String>,
    /// Add a column for the native unix port that `cargo xtask compat` built into
    /// .work/native/
    #[arg(long)]
    pub native: bool,
    /// Write the machine-readable result here
    #[arg(long, value_name = "PATH")]
    pub json: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct BlessArgs {
    /// The programs to bless [default: all]
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct UpdateArgs {
    /// Allow names to leave passing.txt (say why in the commit)
    #[arg(long)]
    pub allow_drop: bool,
    /// Judge natively too (as `run --native`)
    #[arg(long)]
    pub native: bool,
}

impl Action {
    /// Whether the native reference is wanted.
    fn native(&self) -> bool {
        match self {
            Action::Run(a) => a.native,
            Action::Update(a) => a.native,
            Action::Bless(_) => false,
        }
    }

    /// The arguments of `mpwasm-compat`, `native` being the reference
    /// binary when [`Action::native`].
    fn compat_args(&self, native: Option<&Path>) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec!["corpus".into()];
        match self {
            Action::Run(a) => {
                args.push("run".into());
                if let Some(f) = &a.filter {
                    args.extend(["--filter".into(), f.into()]);
                }
                for s in &a.show {
                    args.extend(["--show".into(), s.into()]);
                }
                if let Some(j) = &a.json {
                    args.extend(["--json".into(), j.into()]);
                }
            }
            Action::Bless(a) => {
                args.push("bless".into());
                args.extend(a.names.iter().map(OsString::from));
            }
            Action::Update(a) => {
                args.push("update".into());
                if a.allow_drop {
                    args.push("--allow-drop".into());
                }
            }
        }
        if let Some(native) = native {
            args.extend(["--native".into(), native.into()]);
        }
        args
    }
}

/// Run `cargo xtask corpus` with already-parsed arguments.
pub fn run(sh: &Shell, ctx: &Ctx, args: &CorpusArgs) -> Result<()> {
    let action = args.action();
    let native = ctx.repo_root.join(".work/native/build/micropython");
    if action.native() && !native.is_file() {
        bail!(
            "--native needs the native reference {}: run `cargo xtask compat --native-only` once to build it",
            native.display()
        );
    }
    // Blessing needs CPython only; everything else runs the sandbox.
    if !matches!(action, Action::Bless(_)) {
        crate::ensure_for_use(sh, ctx)?;
    }
    let mut cmd =
        std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.arg("run")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(ctx.repo_root.join("Cargo.toml"))
        .args(["-p", "mpwasm-compat", "--"])
        .args(action.compat_args(action.native().then_some(native.as_path())))
        .current_dir(&ctx.cwd);
    let status = cmd.status().context("cannot run cargo")?;
    if !status.success() {
        bail!("mpwasm-compat corpus failed ({status})");
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};

    fn parse(argv: &[&str]) -> Result<Action, clap::Error> {
        let cli = Cli::try_parse_from(["xtask", "corpus"].into_iter().chain(argv.iter().copied()))?;
        match cli.command {
            Some(Command::Corpus(args)) => Ok(args.action()),
            other => panic!("{argv:?} parsed as {other:?}"),
        }
    }

    /// What `cargo xtask corpus ARGV` runs `mpwasm-compat` with.
    fn forwarded(argv: &[&str]) -> Vec<String> {
        let action = parse(argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
        let native = action.native().then_some(Path::new("/n/micropython"));
        action
            .compat_args(native)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn parses_actions_and_forwards_them() {
        assert_eq!(forwarded(&[]), ["corpus", "run"]);
        assert_eq!(forwarded(&["run"]), ["corpus", "run"]);
        let run = [
            "corpus",
            "run",
            "--filter",
            "std_",
            "--show",
            "core_x",
            "--native",
            "/n/micropython",
        ];
        assert_eq!(
            forwarded(&["--filter=std_", "--show", "core_x", "--native"]),
            run
        );
        assert_eq!(
            forwarded(&["run", "--filter=std_", "--show", "core_x", "--native"]),
            run
        );
        assert_eq!(
            forwarded(&["--json", "out.json", "--show=a", "--show=b"]),
            [
                "corpus", "run", "--show", "a", "--show", "b", "--json", "out.json"
            ]
        );
        assert_eq!(
            forwarded(&["bless", "core_a", "std_b"]),
            ["corpus", "bless", "core_a", "std_b"]
        );
        assert_eq!(forwarded(&["bless"]), ["corpus", "bless"]);
        assert_eq!(
            forwarded(&["update", "--allow-drop", "--native"]),
            [
                "corpus",
                "update",
                "--allow-drop",
                "--native",
                "/n/micropython"
            ]
        );
    }

    #[test]
    fn help_is_generated_from_the_flags() {
        for argv in [&["--help"][..], &["bless", "--help"], &["help", "update"]] {
            let e = parse(argv).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{argv:?}");
        }
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            &["core_a"][..],
            &["--filter"],
            &["--bogus"],
            &["update", "x"],
            &["update", "--filter", "x"],
            &["bless", "--native"],
            &["--native", "bless"],
            &["--allow-drop"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
