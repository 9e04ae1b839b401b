//! `cargo xtask package`: the publishable crates as `.crate` files, the
//! guest inside `mpwasm-guest`'s, checked; optionally a build of a crate
//! outside the repository against the unpacked packages, and an install of
//! the CLI from its package. Nothing is published.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, ensure};
use sha2::{Digest, Sha256};
use xshell::{Shell, cmd};

use crate::build::Ctx;

/// The crates that are published, in dependency order.
pub const PUBLISHED: &[&str] = &[
    "mpwasm-abi",
    "mpwasm-guest",
    "mpwasm-host",
    "mpwasm-core",
    "mpwasm-session",
    "mpwasm-cli",
];

/// Where `mpwasm-guest` expects the guest files in its package.
const GUEST_DIR_REL: &str = "crates/mpwasm-guest/artifact";
const GUEST_FILES: [&str; 2] = ["micropython-wasi.wasm", "manifest.json"];

/// What to do besides packaging.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct PackageArgs {
    /// Also build and run a new crate outside the repository that depends on the
    /// unpacked packages, with `artifacts/` moved away
    #[arg(long)]
    pub outside: bool,
    /// Also `cargo install` the CLI from its unpacked package and run it from `/`
    #[arg(long)]
    pub install: bool,
}

/// The workspace version every crate shares.
fn version(ctx: &Ctx) -> Result<String> {
    let manifest = std::fs::read_to_string(ctx.repo_root.join("Cargo.toml"))
        .context("cannot read the workspace Cargo.toml")?;
    let section = manifest
        .split("[workspace.package]")
        .nth(1)
        .context("no [workspace.package] in Cargo.toml")?;
    let line = section
        .lines()
        .find(|l| l.trim_start().starts_with("version"))
        .context("no workspace version")?;
    Ok(line
        .split('"')
        .nth(1)
        .context("unquoted workspace version")?
        .to_owned())
}

pub fn run(sh: &Shell, ctx: &Ctx, args: PackageArgs) -> Result<()> {
    let repo = &ctx.repo_root;
    let version = version(ctx)?;
    stage_guest(repo)?;

    let mut packages = Vec::new();
    for name in PUBLISHED {
        packages.push("-p".to_owned());
        packages.push((*name).to_owned());
    }
    // One invocation: cargo packages the crates in dependency order and
    // verifies each against the others through a temporary local registry.
    cmd!(sh, "cargo package --allow-dirty {packages...}")
        .run()
        .context("cargo package failed")?;

    let out = repo.join("target/package");
    println!("packaged (in {}):", out.display());
    for name in PUBLISHED {
        let file = out.join(format!("{name}-{version}.crate"));
        let size = std::fs::metadata(&file)
            .with_context(|| format!("{} is missing", file.display()))?
            .len();
        println!("  {name:<16} {:>9} bytes  {}", size, file.display());
    }
    check_guest_crate(&out.join(format!("mpwasm-guest-{version}.crate")))?;
    if args.outside {
        outside_check(sh, repo, &out, &version)?;
    }
    if args.install {
        install_check(sh, repo, &out, &version)?;
    }
    Ok(())
}

/// Copy the built guest into `mpwasm-guest/artifact/`, where its package
/// takes it from (the directory is not in git).
fn stage_guest(repo: &Path) -> Result<()> {
    let dest = repo.join(GUEST_DIR_REL);
    std::fs::create_dir_all(&dest).with_context(|| format!("cannot create {}", dest.display()))?;
    for file in GUEST_FILES {
        let from = repo.join("artifacts").join(file);
        std::fs::copy(&from, dest.join(file))
            .with_context(|| format!("cannot copy {} into {}", from.display(), dest.display()))?;
    }
    Ok(())
}

/// The packaged guest crate holds the artifact, and its bytes have the
/// sha256 its manifest lists.
fn check_guest_crate(crate_file: &Path) -> Result<()> {
    let file = std::fs::File::open(crate_file)
        .with_context(|| format!("cannot open {}", crate_file.display()))?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut wasm = None;
    let mut manifest = None;
    for entry in archive.entries().context("the .crate is not a tar.gz")? {
        let mut entry = entry.context("a bad entry in the .crate")?;
        let path = entry
            .path()
            .context("a bad path in the .crate")?
            .into_owned();
        let mut bytes = Vec::new();
        if path.ends_with("artifact/micropython-wasi.wasm") {
            entry.read_to_end(&mut bytes)?;
            wasm = Some(bytes);
        } else if path.ends_with("artifact/manifest.json") {
            entry.read_to_end(&mut bytes)?;
            manifest = Some(bytes);
        }
    }
    let wasm = wasm.with_context(|| format!("{} holds no guest", crate_file.display()))?;
    let manifest: serde_json::Value = serde_json::from_slice(
        &manifest.with_context(|| format!("{} holds no manifest", crate_file.display()))?,
    )
    .context("the packaged manifest is not JSON")?;
    let sha = format!("{:x}", Sha256::digest(&wasm));
    let listed = manifest
        .get("artifact_sha256")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    ensure!(
        listed == sha,
        "the packaged guest has sha256 {sha}, its manifest lists {listed}"
    );
    println!(
        "mpwasm-guest's package holds the guest: {} bytes, sha256 {sha} (as its manifest says)",
        wasm.len()
    );
    Ok(())
}

/// Renames `artifacts/` away while it lives, back when dropped (also on
/// failure), so a build outside the repository cannot find the guest there.
struct MovedAway {
    from: PathBuf,
    to: PathBuf,
}

impl MovedAway {
    fn new(from: PathBuf) -> Result<Self> {
        let to = from.with_file_name("artifacts.moved-by-xtask-package");
        ensure!(
            !to.exists(),
            "{} exists: an earlier `cargo xtask package` was interrupted; move it back to {}",
            to.display(),
            from.display()
        );
        std::fs::rename(&from, &to)
            .with_context(|| format!("cannot move {} away", from.display()))?;
        Ok(MovedAway { from, to })
    }
}

impl Drop for MovedAway {
    fn drop(&mut self) {
        if let Err(e) = std::fs::rename(&self.to, &self.from) {
            eprintln!(
                "error: cannot move {} back to {}: {e}",
                self.to.display(),
                self.from.display()
            );
        }
    }
}

/// A new crate outside the repository, depending on the unpacked packages
/// (as crates.io would serve them), builds and runs `print(1 + 1)` with the
/// repository's `artifacts/` moved away and `MPWASM_ARTIFACT` unset.
fn outside_check(sh: &Shell, repo: &Path, packages: &Path, version: &str) -> Result<()> {
    let scratch = tempfile::Builder::new()
        .prefix("mpwasm-outside-")
        .tempdir()
        .context("cannot create a scratch directory")?;
    let dir = scratch.path();
    ensure!(
        !dir.starts_with(repo),
        "the scratch directory {} is inside the repository",
        dir.display()
    );
    let patch: String = ["mpwasm-abi", "mpwasm-guest", "mpwasm-host", "mpwasm-core"]
        .iter()
        .map(|name| {
            format!(
                "{name} = {{ path = {:?} }}\n",
                packages.join(format!("{name}-{version}"))
            )
        })
        .collect();
    let manifest = format!(
        "[package]\nname = \"mpwasm-outside\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nmpwasm-core = \"{version}\"\n\n[patch.crates-io]\n{patch}\n\
         # Cranelift is slow unoptimised, as in the workspace.\n\
         [profile.dev.package.\"*\"]\nopt-level = 2\n\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(
        dir.join("src/main.rs"),
        "fn main() -> Result<(), mpwasm_core::Error> {\n    \
         let result = mpwasm_core::Runtime::new()?.run(\"print(1 + 1)\")?;\n    \
         print!(\"{}\", result.stdout_str());\n    Ok(())\n}\n",
    )?;
    let cache = dir.join("cache");
    // The workspace's target directory: dependencies built with the same
    // settings are reused (the packaged crates themselves are new sources).
    let target = repo.join("target");
    let _moved = MovedAway::new(repo.join("artifacts"))?;
    let _cwd = sh.push_dir(dir);
    let _cache = sh.push_env("MPWASM_CACHE_DIR", &cache);
    let _target = sh.push_env("CARGO_TARGET_DIR", &target);
    let output = cmd!(sh, "cargo run --quiet")
        .env_remove("MPWASM_ARTIFACT")
        .read()
        .context("the crate outside the repository did not build or run")?;
    ensure!(
        output == "2",
        "the crate outside the repository printed {output:?}, not 2"
    );
    let cached = std::fs::read_dir(&cache)
        .map(|d| d.filter_map(Result::ok).count())
        .unwrap_or(0);
    ensure!(
        cached > 0,
        "the compiled-code cache {} stayed empty",
        cache.display()
    );
    println!(
        "a crate outside the repository, on the packaged crates alone, ran print(1 + 1) -> {output} (compiled guest cached in {})",
        cache.display()
    );
    Ok(())
}

/// `cargo install` the CLI from its package into a scratch root and run it
/// from `/` with `artifacts/` moved away.
fn install_check(sh: &Shell, repo: &Path, packages: &Path, version: &str) -> Result<()> {
    let root = tempfile::Builder::new()
        .prefix("mpwasm-install-")
        .tempdir()
        .context("cannot create a scratch directory")?;
    let cli = packages.join(format!("mpwasm-cli-{version}"));
    let root_path = root.path();
    let target = repo.join("target");
    let _moved = MovedAway::new(repo.join("artifacts"))?;
    let _target = sh.push_env("CARGO_TARGET_DIR", &target);
    cmd!(sh, "cargo install --quiet --path {cli} --root {root_path}")
        .env_remove("MPWASM_ARTIFACT")
        .run()
        .context("cargo install of the packaged CLI failed")?;
    let binary = root_path.join("bin/mpwasm");
    let _cwd = sh.push_dir("/");
    let output = cmd!(sh, "{binary} -c 'print(1)'")
        .env_remove("MPWASM_ARTIFACT")
        .read()
        .context("the installed mpwasm did not run")?;
    ensure!(output == "1", "the installed mpwasm printed {output:?}");
    println!("cargo install of the packaged CLI: `mpwasm -c \"print(1)\"` from / -> {output}");
    Ok(())
}
