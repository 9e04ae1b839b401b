//! `cargo xtask package`: the publishable crates as `.crate` files, the
//! guest inside `mpwasm-guest`'s, checked; optionally a build of a crate
//! outside the repository against the unpacked packages, and an install of
//! the CLI from its package. Nothing is published.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, ensure};
use mpwasm_abi::manifest::ArtifactManifest;
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
    /// Skip cargo's own verification build of each package (each compiles wasmtime in a
    /// separate target directory); --outside builds the unpacked packages anyway
    #[arg(long)]
    pub no_verify: bool,
    /// Also copy the unpacked packages out of the repository and build and run against them:
    /// a new crate using mpwasm-core and mpwasm-session, and the CLI, with `artifacts/` moved
    /// away
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
    let no_verify = args.no_verify.then_some("--no-verify");
    cmd!(
        sh,
        "cargo package --allow-dirty {no_verify...} {packages...}"
    )
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
    let manifest: ArtifactManifest = serde_json::from_slice(
        &manifest.with_context(|| format!("{} holds no manifest", crate_file.display()))?,
    )
    .context("the packaged manifest is not a valid manifest.json")?;
    let sha = format!("{:x}", Sha256::digest(&wasm));
    let listed = &manifest.artifact_sha256;
    ensure!(
        *listed == sha,
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

/// The unpacked packages copied to a scratch directory outside the
/// repository (cargo would take a package below the repository's root for
/// a member of its workspace), and `--config` arguments that make cargo
/// take them for the crates.io versions: the packages as crates.io would
/// serve them, with nothing of the repository around.
struct Unpacked {
    scratch: tempfile::TempDir,
    patches: Vec<String>,
}

impl Unpacked {
    fn copy_out(repo: &Path, packages: &Path, version: &str) -> Result<Self> {
        let scratch = tempfile::Builder::new()
            .prefix("mpwasm-outside-")
            .tempdir()
            .context("cannot create a scratch directory")?;
        ensure!(
            !scratch.path().starts_with(repo),
            "the scratch directory {} is inside the repository",
            scratch.path().display()
        );
        let mut patches = Vec::new();
        for name in PUBLISHED {
            let crate_file = packages.join(format!("{name}-{version}.crate"));
            let into = scratch.path().join("packages");
            unpack(&crate_file, &into)?;
            let to = into.join(format!("{name}-{version}"));
            patches.push("--config".to_owned());
            patches.push(format!(
                "patch.crates-io.{name}.path={:?}",
                to.display().to_string()
            ));
        }
        Ok(Unpacked { scratch, patches })
    }

    fn dir(&self) -> &Path {
        self.scratch.path()
    }

    fn package(&self, name: &str, version: &str) -> PathBuf {
        self.dir()
            .join("packages")
            .join(format!("{name}-{version}"))
    }
}

/// Unpack a `.crate` (a tar.gz of `name-version/...`) into `into`, as
/// cargo unpacks a download from crates.io.
fn unpack(crate_file: &Path, into: &Path) -> Result<()> {
    let file = std::fs::File::open(crate_file)
        .with_context(|| format!("cannot open {}", crate_file.display()))?;
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(into)
        .with_context(|| {
            format!(
                "cannot unpack {} into {}",
                crate_file.display(),
                into.display()
            )
        })
}

/// The workspace's profile for dependencies (root Cargo.toml), repeated so
/// that builds outside it reuse the dependencies the tests compiled.
const PROFILE_NOTE: &str =
    "# As the mpwasm workspace builds its dependencies (Cranelift is slow unoptimised).";
const DEPS_OPT_LEVEL: &str = "profile.dev.package.\"*\".opt-level=2";
const DEPS_DEBUG: &str = "profile.dev.package.\"*\".debug=false";

/// Outside the repository, against the unpacked packages alone, with the
/// repository's `artifacts/` moved away and `MPWASM_ARTIFACT` unset: a new
/// crate runs `print(1 + 1)` one-shot and in a session, and the CLI built
/// from its package runs `print(1)` from `/`.
fn outside_check(sh: &Shell, repo: &Path, packages: &Path, version: &str) -> Result<()> {
    let unpacked = Unpacked::copy_out(repo, packages, version)?;
    let dir = unpacked.dir().join("user-crate");
    std::fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"mpwasm-outside\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nmpwasm-core = \"{version}\"\nmpwasm-session = \"{version}\"\n\n\
         {PROFILE_NOTE}\n[profile.dev.package.\"*\"]\nopt-level = 2\ndebug = false\n\n[workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    std::fs::write(
        dir.join("src/main.rs"),
        "fn main() -> Result<(), Box<dyn std::error::Error>> {\n    \
         let runtime = mpwasm_core::Runtime::new()?;\n    \
         let result = runtime.run(\"print(1 + 1)\")?;\n    \
         let mut session = mpwasm_session::Session::new(&runtime);\n    \
         session.run(\"x = 40\")?;\n    \
         let kept = session.run(\"print(x + 2)\")?;\n    \
         print!(\"{}{}\", result.stdout_str(), kept.stdout_str());\n    Ok(())\n}\n",
    )?;
    let cache = unpacked.dir().join("cache");
    // The workspace's target directory: dependencies built with the same
    // settings are reused (the packaged crates themselves are new sources).
    let target = repo.join("target");
    let patches = &unpacked.patches;
    let _moved = MovedAway::new(repo.join("artifacts"))?;
    let _cache = sh.push_env("MPWASM_CACHE_DIR", &cache);
    let _target = sh.push_env("CARGO_TARGET_DIR", &target);
    let output = {
        let _cwd = sh.push_dir(&dir);
        cmd!(sh, "cargo run --quiet {patches...}")
            .env_remove("MPWASM_ARTIFACT")
            .read()
            .context("the crate outside the repository did not build or run")?
    };
    ensure!(
        output == "2\n42",
        "the crate outside the repository printed {output:?}, not \"2\\n42\""
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
        "a crate outside the repository, on the packaged crates alone: print(1 + 1) one-shot -> 2, in a session -> 42 (compiled guest cached in {})",
        cache.display()
    );

    let cli = unpacked.package("mpwasm-cli", version);
    {
        let _cwd = sh.push_dir(&cli);
        cmd!(
            sh,
            "cargo build --quiet --bin mpwasm {patches...} --config {DEPS_OPT_LEVEL} --config {DEPS_DEBUG}"
        )
            .env_remove("MPWASM_ARTIFACT")
            .run()
            .context("the CLI's package did not build outside the repository")?;
    }
    let binary = target.join("debug/mpwasm");
    let _cwd = sh.push_dir("/");
    let output = cmd!(sh, "{binary} -c 'print(1)'")
        .env_remove("MPWASM_ARTIFACT")
        .read()
        .context("the CLI built from its package did not run")?;
    ensure!(
        output == "1",
        "the CLI built from its package printed {output:?}"
    );
    println!(
        "the CLI built from its package outside the repository: `mpwasm -c \"print(1)\"` from / -> {output}"
    );
    Ok(())
}

/// `cargo install` the CLI from its unpacked package (outside the
/// repository) into a scratch root and run it from `/` with `artifacts/`
/// moved away.
fn install_check(sh: &Shell, repo: &Path, packages: &Path, version: &str) -> Result<()> {
    let unpacked = Unpacked::copy_out(repo, packages, version)?;
    let root = unpacked.dir().join("root");
    let cli = unpacked.package("mpwasm-cli", version);
    let patches = &unpacked.patches;
    let target = repo.join("target");
    let _moved = MovedAway::new(repo.join("artifacts"))?;
    let _target = sh.push_env("CARGO_TARGET_DIR", &target);
    {
        let _cwd = sh.push_dir(unpacked.dir());
        cmd!(
            sh,
            "cargo install --quiet --path {cli} --root {root} {patches...}"
        )
        .env_remove("MPWASM_ARTIFACT")
        .run()
        .context("cargo install of the packaged CLI failed")?;
    }
    let binary = root.join("bin/mpwasm");
    let _cwd = sh.push_dir("/");
    let output = cmd!(sh, "{binary} -c 'print(1)'")
        .env_remove("MPWASM_ARTIFACT")
        .read()
        .context("the installed mpwasm did not run")?;
    ensure!(output == "1", "the installed mpwasm printed {output:?}");
    println!("cargo install of the packaged CLI: `mpwasm -c \"print(1)\"` from / -> {output}");
    Ok(())
}
