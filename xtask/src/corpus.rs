//! `cargo xtask corpus`: the CPython-compatibility corpus (tests/cpython/,
//! docs/compat.md).
//!
//! The running, blessing and judging live in crates/mpwasm-compat (library
//! code shared with its `cpython_corpus` test); this command makes sure the
//! artifact is fresh when the sandbox is needed, finds the native reference
//! `cargo xtask compat` built, and runs `mpwasm-compat corpus ...`.

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::build::Ctx;

pub const USAGE: &str = "\
Usage: cargo xtask corpus [run] [--filter TEXT] [--show NAME]... [--native] [--json PATH]
       cargo xtask corpus bless [NAME...]
       cargo xtask corpus update [--allow-drop] [--native]

The CPython-compatibility corpus: tests/cpython/programs/*.py, each judged
against the stdout CPython printed for it (tests/cpython/expected/).

  run (default)  Run every program in the sandbox and print the pass counts
                 per area (core, std), each failing program's first difference
                 and the failure causes; fails on a regression (a program of
                 passing.txt that no longer passes) or a missing/stale
                 expectation.
  bless          Run the programs (all, or the NAMEs) with python3, twice
                 (PYTHONHASHSEED=0 and 1, two time zones), and write their
                 expected output; rejects programs that fail, write to stderr
                 or are not deterministic.
  update         Rewrite passing.txt from the current results; refuses to drop
                 a name unless --allow-drop.

Options:
  --filter TEXT    run: only programs whose name contains TEXT
  --show NAME      run: also print NAME's full diff, stderr and traceback
                   (repeatable; without --filter only these programs run)
  --native         Add a column for the native unix port that `cargo xtask
                   compat` built into .work/native/
  --json PATH      run: write the machine-readable result
  --allow-drop     update: allow names to leave passing.txt
";

/// What `cargo xtask corpus` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Action {
    #[default]
    Run,
    Bless,
    Update,
}

/// The parsed arguments of `cargo xtask corpus`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusArgs {
    pub action: Action,
    /// bless: the programs to bless (all when empty).
    pub names: Vec<String>,
    pub filter: Option<String>,
    pub show: Vec<String>,
    pub native: bool,
    pub json: Option<String>,
    pub allow_drop: bool,
}

/// Parse the arguments after `corpus` (until the xtask moves to clap).
pub fn parse(args: &[String]) -> Result<Option<CorpusArgs>> {
    let mut a = CorpusArgs::default();
    let mut it = args.iter().peekable();
    match it.peek().map(|s| s.as_str()) {
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
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (raw.as_str(), None),
        };
        let mut value = || -> Result<String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it
                    .next()
                    .cloned()
                    .with_context(|| format!("{name} needs a value\n\n{USAGE}")),
            }
        };
        match name {
            "-h" | "--help" => return Ok(None),
            "--native" => a.native = true,
            "--allow-drop" => a.allow_drop = true,
            "--filter" => a.filter = Some(value()?),
            "--show" => a.show.push(value()?),
            "--json" => a.json = Some(value()?),
            other if !other.starts_with('-') && a.action == Action::Bless => {
                a.names.push(other.to_string())
            }
            other => bail!("unexpected `{other}`\n\n{USAGE}"),
        }
    }
    Ok(Some(a))
}

/// Run `cargo xtask corpus` with already-parsed arguments.
pub fn run(sh: &Shell, ctx: &Ctx, args: &CorpusArgs) -> Result<()> {
    let mut forward: Vec<String> = vec![
        "corpus".into(),
        match args.action {
            Action::Run => "run",
            Action::Bless => "bless",
            Action::Update => "update",
        }
        .into(),
    ];
    forward.extend(args.names.iter().cloned());
    if let Some(f) = &args.filter {
        forward.extend(["--filter".into(), f.clone()]);
    }
    for s in &args.show {
        forward.extend(["--show".into(), s.clone()]);
    }
    if let Some(j) = &args.json {
        forward.extend(["--json".into(), j.clone()]);
    }
    if args.allow_drop {
        forward.push("--allow-drop".into());
    }
    if args.native {
        let native = ctx.repo_root.join(".work/native/build/micropython");
        if !native.is_file() {
            bail!(
                "--native needs the native reference {}: run `cargo xtask compat --native-only` once to build it",
                native.display()
            );
        }
        forward.extend(["--native".into(), native.display().to_string()]);
    }
    // Blessing needs CPython only; everything else runs the sandbox.
    if args.action != Action::Bless {
        crate::ensure_for_use(sh, ctx)?;
    }
    let mut cmd =
        std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.arg("run")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(ctx.repo_root.join("Cargo.toml"))
        .args(["-p", "mpwasm-compat", "--"])
        .args(&forward)
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
    use super::*;

    fn parse_strs(a: &[&str]) -> Result<Option<CorpusArgs>> {
        parse(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_actions_and_options() {
        assert_eq!(parse_strs(&[]).unwrap().unwrap(), CorpusArgs::default());
        let a = parse_strs(&["--filter=std_", "--show", "core_x", "--native"])
            .unwrap()
            .unwrap();
        assert_eq!(a.action, Action::Run);
        assert_eq!(a.filter.as_deref(), Some("std_"));
        assert_eq!(a.show, ["core_x"]);
        assert!(a.native);
        let a = parse_strs(&["bless", "core_a", "std_b"]).unwrap().unwrap();
        assert_eq!((a.action, a.names.len()), (Action::Bless, 2));
        let a = parse_strs(&["update", "--allow-drop"]).unwrap().unwrap();
        assert!(a.action == Action::Update && a.allow_drop);
        assert!(parse_strs(&["--help"]).unwrap().is_none());
        for bad in [
            &["core_a"][..],
            &["--filter"],
            &["--bogus"],
            &["update", "x"],
        ] {
            assert!(parse_strs(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
