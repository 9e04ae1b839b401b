//! Project automation: `cargo xtask build-artifact` builds the MicroPython
//! WASI guest (see micropython-port/README.md), `cargo xtask ensure-artifact`
//! does so only when the artifact is missing or stale.

mod bench;
mod build;
mod cli;
mod compat;
mod manifest;
mod patches;
mod post;
mod source;
mod toolchain;
mod util;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

use crate::build::Ctx;
use crate::cli::Command;
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
    let cli = cli::parse(std::env::args().skip(1))?;
    if cli.command == Command::Help {
        print!("{}", cli::USAGE);
        return Ok(());
    }
    let ctx = Ctx {
        repo_root: repo_root()?,
        cwd: std::env::current_dir().context("cannot read the current directory")?,
    };
    let sh = Shell::new().context("cannot create a shell")?;
    sh.change_dir(&ctx.repo_root);

    if cli.command == Command::Bench {
        return bench::run(&sh, &ctx, &cli.passthrough);
    }

    if cli.command == Command::Compat {
        return compat::run(&sh, &ctx, &cli.passthrough);
    }

    if cli.command == Command::Fuzz {
        let (target, minutes) = cli::fuzz_args(&cli.passthrough)?;
        ensure_for_use(&sh, &ctx)?;
        let seconds = (minutes * 60).to_string();
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
        .context("the fuzz target failed (crash inputs are in fuzz/artifacts/)")?;
        return Ok(());
    }

    if matches!(cli.command, Command::Test | Command::Mpwasm | Command::Soak) {
        ensure_for_use(&sh, &ctx)?;
        let rest = &cli.passthrough;
        if cli.command == Command::Test {
            cmd!(sh, "cargo test --workspace {rest...}")
                .run()
                .context("the test suite failed")?;
        } else if cli.command == Command::Soak {
            cmd!(
                sh,
                "cargo run --quiet --release -p mpwasm-soak -- {rest...}"
            )
            .run()
            .context("the soak failed")?;
        } else {
            cmd!(sh, "cargo run --quiet --release -p mpwasm-cli -- {rest...}")
                .run()
                .context("mpwasm failed")?;
        }
        return Ok(());
    }

    if cli.command == Command::EnsureArtifact {
        if cli.args.no_spill || cli.args.skip_build {
            bail!("ensure-artifact takes neither --no-spill nor --skip-build");
        }
        let output = build::default_output(&ctx, &cli.args);
        let (port_sha, _) = manifest::port_sources_sha256(&ctx.repo_root)?;
        match manifest::check_fresh(&output, &port_sha)? {
            Freshness::UpToDate { sha256, size } => {
                println!(
                    "artifact up to date: {} ({size} bytes, sha256 {sha256})",
                    display_rel(&ctx.repo_root, &output)
                );
                return Ok(());
            }
            Freshness::Stale(why) => eprintln!("==> rebuilding the artifact: {why}"),
        }
    }

    let outcome = build::build_artifact(&sh, &ctx, &cli.args)?;
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

/// Make sure a fresh artifact exists with nothing but defaults: on a machine
/// with apt (Debian and derivatives) the pinned source comes from Debian's
/// source package first (it works with only the package registries
/// reachable); otherwise, or if that fails, from the upstream git tag.
/// `MPWASM_SOURCE=git` skips the Debian route.
fn ensure_for_use(sh: &Shell, ctx: &Ctx) -> Result<()> {
    let args = cli::BuildArgs::default();
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

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use crate::cli::{self, BuildArgs, Command, WasmEh, parse};

    #[test]
    fn parses_all_build_options() {
        let cli = parse([
            "build-artifact",
            "--repo-url",
            "https://example.invalid/mp.git",
            "--ref=pull/17/head",
            "--source-dir",
            "/src",
            "--wasi-sdk",
            "/opt/wasi-sdk",
            "--wasm-opt=/usr/bin/wasm-opt",
            "--wasm-eh",
            "legacy",
            "--jobs",
            "3",
            "--extra-make-arg",
            "V=1",
            "--extra-make-arg=MPW_STACK_BYTES=65536",
            "--work-dir",
            "/w",
            "--output",
            "out/mp-unspilled.wasm",
            "--clean",
            "--variant",
            "standard",
            "--user-c-modules",
            "mods",
            "--no-spill",
        ])
        .expect("parses");
        assert_eq!(cli.command, Command::BuildArtifact);
        let a = cli.args;
        assert_eq!(a.repo_url, "https://example.invalid/mp.git");
        assert_eq!(a.git_ref, "pull/17/head");
        assert_eq!(a.source_dir.as_deref(), Some("/src".as_ref()));
        assert_eq!(a.wasi_sdk.as_deref(), Some("/opt/wasi-sdk".as_ref()));
        assert_eq!(a.wasm_opt.as_deref(), Some("/usr/bin/wasm-opt".as_ref()));
        assert_eq!(a.wasm_eh, WasmEh::Legacy);
        assert_eq!(a.jobs, Some(3));
        assert_eq!(a.extra_make_args, ["V=1", "MPW_STACK_BYTES=65536"]);
        assert_eq!(a.work_dir.as_deref(), Some("/w".as_ref()));
        assert_eq!(a.output.as_deref(), Some("out/mp-unspilled.wasm".as_ref()));
        assert!(a.clean && a.no_spill && !a.skip_build);
        assert_eq!(a.variant.as_deref(), Some("standard"));
        assert_eq!(a.user_c_modules.as_deref(), Some("mods".as_ref()));
    }

    #[test]
    fn soak_passes_its_arguments_through() {
        let cli = parse(["soak", "--minutes", "20", "--threads", "4"]).expect("parses");
        assert_eq!(cli.command, Command::Soak);
        assert_eq!(cli.passthrough, ["--minutes", "20", "--threads", "4"]);
    }

    #[test]
    fn fuzz_takes_a_target_and_minutes() {
        let cli = parse(["fuzz", "run_source", "--minutes", "5"]).expect("parses");
        assert_eq!(cli.command, Command::Fuzz);
        let args = cli::fuzz_args(&cli.passthrough).expect("valid");
        assert_eq!(args, ("run_source".to_string(), 5));
        let args = cli::fuzz_args(&["--minutes=2".into(), "limits".into()]).expect("valid");
        assert_eq!(args, ("limits".to_string(), 2));
        let args = cli::fuzz_args(&["bridge_decode".into()]).expect("valid");
        assert_eq!(args, ("bridge_decode".to_string(), 20));
        for bad in [
            vec![],
            vec!["nope"],
            vec!["limits", "limits"],
            vec!["limits", "--minutes"],
            vec!["limits", "--minutes", "0"],
            vec!["limits", "--minutes=soon"],
        ] {
            let bad: Vec<String> = bad.into_iter().map(String::from).collect();
            assert!(cli::fuzz_args(&bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn defaults() {
        let cli = parse(["ensure-artifact"]).expect("parses");
        assert_eq!(cli.command, Command::EnsureArtifact);
        assert_eq!(cli.args, BuildArgs::default());
        assert_eq!(cli.args.git_ref, "v1.25.0");
        assert_eq!(
            cli.args.repo_url,
            "https://github.com/micropython/micropython.git"
        );
        assert_eq!(
            parse(Vec::<String>::new()).expect("parses").command,
            Command::Help
        );
        assert_eq!(
            parse(["build-artifact", "--help"]).expect("parses").command,
            Command::Help
        );
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            vec!["frobnicate"],
            vec!["build-artifact", "--bogus"],
            vec!["build-artifact", "--jobs"],
            vec!["build-artifact", "--jobs", "0"],
            vec!["build-artifact", "--jobs", "many"],
            vec!["build-artifact", "--clean=yes"],
            vec!["build-artifact", "--wasm-eh", "sometimes"],
            vec!["build-artifact", "--variant", "../x"],
            vec![
                "build-artifact",
                "--source-dir",
                "a",
                "--source-tarball",
                "b",
            ],
        ] {
            assert!(parse(bad.clone()).is_err(), "{bad:?} should be rejected");
        }
    }
}
