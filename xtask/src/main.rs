//! Project automation: `cargo xtask build-artifact` builds the MicroPython
//! WASI guest (see micropython-port/README.md), `cargo xtask ensure-artifact`
//! does so only when the artifact is missing or stale, `cargo xtask test`
//! checks lint and runs the test suite; `cargo xtask help` lists the rest.

mod bench;
mod build;
mod cli;
mod codegen;
mod compat;
mod corpus;
mod manifest;
mod package;
mod patches;
mod post;
mod source;
mod suite;
mod toolchain;
mod util;
mod wasm;
mod wheel;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, Parser};
use xshell::{Shell, cmd};

use crate::build::Ctx;
use crate::cli::{BuildArgs, Cli, Command, FuzzArgs};
use crate::manifest::Freshness;
use crate::util::display_rel;

fn repo_root() -> Result<PathBuf> {
    // xtask/ sits at the repository root.
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir
        .parent()
        .context("xtask's manifest dir has no parent")?;
    if !root.join("micropython-port").is_dir() {
        bail!(
            "{} does not look like the repository root (no micropython-port/)",
            root.display()
        );
    }
    Ok(root.to_path_buf())
}

fn run() -> Result<()> {
    let Some(command) = Cli::parse().command else {
        Cli::command()
            .print_help()
            .context("cannot print the help")?;
        return Ok(());
    };
    let ctx = Ctx {
        repo_root: repo_root()?,
        cwd: std::env::current_dir().context("cannot read the current directory")?,
    };
    let sh = Shell::new().context("cannot create a shell")?;
    sh.change_dir(&ctx.repo_root);
    dispatch(&sh, &ctx, command)
}

/// One arm per subcommand; each hands over to the function or module that
/// does the work.
fn dispatch(sh: &Shell, ctx: &Ctx, command: Command) -> Result<()> {
    match command {
        Command::BuildArtifact(args) => build_and_report(sh, ctx, &args.into_build_args()),
        Command::EnsureArtifact(args) => ensure_artifact(sh, ctx, &args),
        Command::Test(rest) => suite::run(sh, ctx, &rest.args()),
        Command::Mpwasm(rest) => {
            ensure_for_use(sh, ctx)?;
            let rest = &rest.args();
            cmd!(sh, "cargo run --quiet --release -p mpwasm-cli -- {rest...}")
                .run()
                .context("mpwasm failed")
        }
        Command::Compat(rest) => compat::run(sh, ctx, &rest.args()),
        Command::Corpus(args) => corpus::run(sh, ctx, &args),
        Command::Soak(rest) => {
            ensure_for_use(sh, ctx)?;
            let rest = &rest.args();
            cmd!(
                sh,
                "cargo run --quiet --release -p mpwasm-soak -- {rest...}"
            )
            .run()
            .context("the soak failed")
        }
        Command::Fuzz(args) => fuzz(sh, ctx, &args),
        Command::Codegen(args) => codegen::run(&ctx.repo_root, args.check),
        Command::Package(args) => {
            ensure_for_use(sh, ctx)?;
            package::run(sh, ctx, args)
        }
        Command::Wheel(args) if args.test => wheel::test(sh, ctx),
        Command::Wheel(args) => wheel::build(sh, ctx, &args).map(drop),
        Command::Bench(args) => bench::run(sh, ctx, args),
    }
}

fn build_and_report(sh: &Shell, ctx: &Ctx, args: &BuildArgs) -> Result<()> {
    let outcome = build::build_artifact(sh, ctx, args)?;
    println!(
        "built {} ({} bytes, sha256 {}, {}, {:.1} s)",
        display_rel(&ctx.repo_root, &outcome.output),
        outcome.size,
        outcome.sha256,
        outcome.candidate,
        outcome.seconds
    );
    Ok(())
}

/// `ensure-artifact`: one line when the artifact is fresh, else a build
/// with the given options.
fn ensure_artifact(sh: &Shell, ctx: &Ctx, args: &BuildArgs) -> Result<()> {
    let output = build::default_output(ctx, args);
    let (port_sha, _) = manifest::port_sources_sha256(&ctx.repo_root)?;
    match manifest::check_fresh(&output, &port_sha)? {
        Freshness::UpToDate { sha256, size } => {
            println!(
                "artifact up to date: {} ({size} bytes, sha256 {sha256})",
                display_rel(&ctx.repo_root, &output)
            );
            Ok(())
        }
        Freshness::Stale(why) => {
            eprintln!("==> rebuilding the artifact: {why}");
            build_and_report(sh, ctx, args)
        }
    }
}

fn fuzz(sh: &Shell, ctx: &Ctx, args: &FuzzArgs) -> Result<()> {
    ensure_for_use(sh, ctx)?;
    let target = args.target.name();
    let seconds = (args.minutes * 60).to_string();
    sh.change_dir(ctx.repo_root.join("fuzz"));
    // No sanitizer: see fuzz/README.md. The compiled-guest cache is
    // shared with the tests unless the caller chose one.
    let _cache = std::env::var_os("MPWASM_CACHE_DIR")
        .is_none()
        .then(|| sh.push_env("MPWASM_CACHE_DIR", std::env::temp_dir().join("mpcache")));
    cmd!(
        sh,
        "cargo +nightly fuzz run -s none {target} -- -max_total_time={seconds} -rss_limit_mb=4096 -timeout=10 -print_final_stats=1"
    )
    .run()
    .context("the fuzz target failed (crash inputs are in fuzz/artifacts/)")
}

/// Make sure a fresh artifact exists with nothing but defaults: on a machine
/// with apt (Debian and derivatives) the pinned source comes from Debian's
/// source package first (it works with only the package registries
/// reachable); otherwise, or if that fails, from the upstream git tag.
/// `MPWASM_SOURCE=git` skips the Debian route.
fn ensure_for_use(sh: &Shell, ctx: &Ctx) -> Result<()> {
    let args = BuildArgs::default();
    let output = build::default_output(ctx, &args);
    let (port_sha, _) = manifest::port_sources_sha256(&ctx.repo_root)?;
    if let Freshness::UpToDate { .. } = manifest::check_fresh(&output, &port_sha)? {
        return Ok(());
    }
    let fetched = ctx.repo_root.join(source::FETCHED_TARBALL_REL);
    let want_git = std::env::var("MPWASM_SOURCE").is_ok_and(|v| v == "git");
    let has_apt = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("apt-get").is_file()));
    if !fetched.exists() && !want_git && has_apt {
        eprintln!("==> fetching MicroPython's source from Debian's source package");
        if let Err(e) = cmd!(sh, "bash scripts/fetch-micropython-source.sh").run() {
            eprintln!("==> that failed ({e}); falling back to git");
        }
    }
    let outcome = build::build_artifact(sh, ctx, &args)?;
    println!(
        "built {} ({} bytes, sha256 {})",
        display_rel(&ctx.repo_root, &outcome.output),
        outcome.size,
        outcome.sha256
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The cause chain, without the backtrace RUST_BACKTRACE would add.
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
