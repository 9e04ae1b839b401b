//! `cargo xtask compat`: MicroPython's own test suite, natively and in the
//! sandbox.
//!
//! The xtask prepares what the comparison needs and hands over to the
//! `mpwasm-compat` binary (crates/mpwasm-compat), which runs and judges the
//! tests; keeping wasmtime out of the xtask keeps `cargo xtask` fast to build.
//!
//! 1. Make sure the artifact is fresh (as `cargo xtask test` does) and
//!    resolve the MicroPython source tree exactly as `build-artifact` does
//!    (patches applied).
//! 2. Build the native reference, the unix port of that tree, into
//!    `.work/native/` (out of tree; incremental after the first ~30 s).
//! 3. Run `cargo run -p mpwasm-compat -- --tree <src> --native <bin> ARGS...`.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::build::{Ctx, SCRUBBED_ENV};
use crate::cli::BuildArgs;
use crate::patches;
use crate::source::{self, ResolvedSource};
use crate::util::{display_rel, remove_dir_if_exists};

/// Settings of the reference build: the unix port's standard variant minus
/// what Debian's tarball lacks (libffi, berkeley-db, TLS libraries) and the
/// frozen micropython-lib modules (its lib/micropython-lib is empty).
const NATIVE_MAKE_VARS: &[&str] = &[
    "MICROPY_PY_FFI=0",
    "MICROPY_PY_BTREE=0",
    "MICROPY_SSL_AXTLS=0",
    "MICROPY_PY_SSL=0",
    "FROZEN_MANIFEST=",
];

pub fn run(sh: &Shell, ctx: &Ctx, passthrough: &[String]) -> Result<()> {
    if passthrough.iter().any(|a| a == "--help" || a == "-h") {
        // The options are mpwasm-compat's: its own help lists them.
        return run_compat(ctx, ["--help"]);
    }
    for own in ["--tree", "--native", "--artifact", "--exec"] {
        if passthrough
            .iter()
            .any(|a| a == own || a.starts_with(&format!("{own}=")))
        {
            bail!(
                "{own} is set by `cargo xtask compat`; run crates/mpwasm-compat directly to choose it"
            );
        }
    }
    let sandbox_only = passthrough.iter().any(|a| a == "--sandbox-only");
    let native_only = passthrough.iter().any(|a| a == "--native-only");
    if !native_only {
        crate::ensure_for_use(sh, ctx)?;
    }

    let work = ctx.repo_root.join(".work");
    let src = resolve_source(sh, ctx)?;
    eprintln!(
        "==> MicroPython {} tests from {}",
        src.version.number(),
        display_rel(&ctx.repo_root, &src.dir)
    );

    let mut args: Vec<OsString> = vec!["--tree".into(), src.dir.clone().into()];
    if !sandbox_only {
        let native = build_native(sh, &src, &work.join("native"))?;
        args.extend(["--native".into(), native.into()]);
    }
    args.extend(passthrough.iter().map(OsString::from));
    run_compat(ctx, args)
}

/// `cargo run -p mpwasm-compat -- ARGS...` in the caller's directory
/// (relative paths in the arguments are the caller's).
fn run_compat(ctx: &Ctx, args: impl IntoIterator<Item = impl AsRef<OsStr>>) -> Result<()> {
    let mut cmd =
        std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.arg("run")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(ctx.repo_root.join("Cargo.toml"))
        .args(["-p", "mpwasm-compat", "--"])
        .args(args)
        .current_dir(&ctx.cwd);
    eprintln!("==> cargo run -p mpwasm-compat");
    let status = cmd.status().context("cannot run cargo")?;
    if !status.success() {
        bail!("mpwasm-compat failed ({status})");
    }
    Ok(())
}

/// The MicroPython tree exactly as `build-artifact` resolves it, with our
/// patches (`micropython-port/patches/`) applied: the native reference is
/// the same interpreter as the guest, so the comparison shows what the Wasm
/// target and the sandbox change, not what the patches change.
pub fn resolve_source(sh: &Shell, ctx: &Ctx) -> Result<ResolvedSource> {
    let args = BuildArgs::default();
    let work = ctx.repo_root.join(".work");
    let fetched = ctx.repo_root.join(source::FETCHED_TARBALL_REL);
    let plan = source::plan_source(&args, &ctx.cwd, &ctx.repo_root, fetched.is_file());
    let mut src = source::resolve(sh, &plan, &work, &ctx.repo_root)?;
    let patch_set = patches::list(&ctx.repo_root)?;
    src.dir = patches::prepare(sh, &src.dir, &work, &patch_set)?;
    Ok(src)
}

/// Build (or bring up to date) the unix port of `src` under `dir` and
/// return the binary (also the native contender of `cargo xtask bench`).
pub fn build_native(sh: &Shell, src: &ResolvedSource, dir: &Path) -> Result<PathBuf> {
    let mpy_cross_dir = dir.join("mpy-cross");
    let build_dir = dir.join("build");
    let binary = build_dir.join("micropython");
    let config = format!(
        "{}\n{}\n{}\n",
        src.dir.display(),
        src.git_tag,
        NATIVE_MAKE_VARS.join("\n")
    );
    let stamp = dir.join("config");
    if fs::read_to_string(&stamp).ok().as_deref() != Some(config.as_str()) {
        if dir.exists() {
            eprintln!("==> native reference settings changed: building it afresh");
        }
        remove_dir_if_exists(dir)?;
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    fs::write(&stamp, &config).with_context(|| format!("cannot write {}", stamp.display()))?;
    let jobs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let make = |subdir: &str| {
        let mut cmd = sh.cmd("make");
        for var in SCRUBBED_ENV {
            cmd = cmd.env_remove(var);
        }
        // A tarball's tree is no git checkout: give makeversionhdr.py the tag
        // so that it never describes this repository instead.
        cmd = cmd
            .env("MICROPY_GIT_TAG", &src.git_tag)
            .env("SOURCE_DATE_EPOCH", src.source_date_epoch.to_string());
        cmd = match &src.git_hash {
            Some(h) => cmd.env("MICROPY_GIT_HASH", h),
            None => cmd.env_remove("MICROPY_GIT_HASH"),
        };
        cmd.arg("-C")
            .arg(src.dir.join(subdir))
            .arg(format!("-j{jobs}"))
    };
    eprintln!("==> building the native reference (unix port) in .work/native/");
    make("mpy-cross")
        .arg(format!("BUILD={}", mpy_cross_dir.display()))
        .quiet()
        .ignore_stdout()
        .run()
        .context("building mpy-cross (host C compiler) failed")?;
    make("ports/unix")
        .args(NATIVE_MAKE_VARS)
        .arg(format!("BUILD={}", build_dir.display()))
        .arg(format!(
            "MICROPY_MPYCROSS={}",
            mpy_cross_dir.join("mpy-cross").display()
        ))
        .quiet()
        .ignore_stdout()
        .run()
        .context("building the unix port (the native reference) failed")?;
    if !binary.is_file() {
        bail!("the unix port build did not produce {}", binary.display());
    }
    Ok(binary)
}
