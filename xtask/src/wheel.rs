//! `cargo xtask wheel`: the `mpwasm` Python package (crates/mpwasm-python)
//! built with maturin (from PyPI, into `.toolchain/`), with the guest file
//! copied into the package; and the pytest step of `cargo xtask test`, which
//! installs that wheel into a fresh venv under `target/` and runs the suite
//! against the installed package, never the source tree.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

use crate::build::Ctx;
use crate::util::display_rel;

pub const MATURIN_VERSION: &str = "1.16.0";
pub const PYTEST_VERSION: &str = "9.2.0";

const CRATE_REL: &str = "crates/mpwasm-python";
const GUEST_REL: &str = "artifacts/micropython-wasi.wasm";

/// `cargo xtask wheel` options.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct WheelArgs {
    /// Build with the dev profile (reuses the test build's dependencies; slower guest
    /// host code): what `cargo xtask test` installs
    #[arg(long)]
    pub dev: bool,
    /// Then install the dev wheel into a fresh target/python-venv and run the pytest
    /// suite against it (the step of `cargo xtask test`); implies --dev
    #[arg(long)]
    pub test: bool,
}

/// maturin from the `maturin` PyPI wheel, installed into
/// `.toolchain/maturin-<version>` when missing or of another version.
fn maturin(sh: &Shell, toolchain_dir: &Path) -> Result<PathBuf> {
    let prefix = toolchain_dir.join(format!("maturin-{MATURIN_VERSION}"));
    let maturin = prefix.join("bin").join("maturin");
    let wanted = format!("maturin {MATURIN_VERSION}");
    let installed = cmd!(sh, "{maturin} --version")
        .quiet()
        .ignore_stderr()
        .read()
        .ok();
    if installed.as_deref().map(str::trim) != Some(wanted.as_str()) {
        eprintln!(
            "==> installing maturin {MATURIN_VERSION} (PyPI) into {}",
            prefix.display()
        );
        crate::util::remove_dir_if_exists(&prefix)?;
        let spec = format!("maturin=={MATURIN_VERSION}");
        cmd!(
            sh,
            "python3 -m pip install --disable-pip-version-check --no-deps --target {prefix} {spec}"
        )
        .run()
        .context("installing maturin with `python3 -m pip` failed (is PyPI reachable?)")?;
    }
    let version = cmd!(sh, "{maturin} --version")
        .quiet()
        .read()
        .with_context(|| format!("cannot run {}", maturin.display()))?;
    if version.trim() != wanted {
        bail!(
            "{} reports {}, expected {wanted}",
            maturin.display(),
            version.trim()
        );
    }
    Ok(maturin)
}

/// Build the wheel into `target/wheels/` and return its path.
pub fn build(sh: &Shell, ctx: &Ctx, args: &WheelArgs) -> Result<PathBuf> {
    crate::ensure_for_use(sh, ctx)?;
    let root = &ctx.repo_root;
    let maturin = maturin(sh, &root.join(".toolchain"))?;
    // The guest file the package ships (default_wasm_path()); the extension
    // embeds the same bytes through mpwasm-guest.
    let package_artifacts = root.join(CRATE_REL).join("python/mpwasm/artifacts");
    fs::create_dir_all(&package_artifacts)
        .with_context(|| format!("cannot create {}", package_artifacts.display()))?;
    fs::copy(
        root.join(GUEST_REL),
        package_artifacts.join("micropython-wasi.wasm"),
    )
    .with_context(|| format!("cannot copy {GUEST_REL} into the package"))?;

    let out = root.join("target").join("wheels");
    fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    for entry in fs::read_dir(&out).with_context(|| format!("cannot list {}", out.display()))? {
        let path = entry?.path();
        if is_our_wheel(&path) {
            fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    let manifest = root.join(CRATE_REL).join("Cargo.toml");
    let profile: &[&str] = if args.dev {
        &["--profile", "dev"]
    } else {
        &["--release"]
    };
    // abi3: one wheel for every CPython >= 3.10, tagged plain `linux`: it
    // is for this machine (tests, local installs), not for PyPI.
    cmd!(
        sh,
        "{maturin} build {profile...} --manifest-path {manifest} --out {out} --interpreter python3 --compatibility linux --auditwheel skip"
    )
    .run()
    .context("maturin build failed")?;
    let wheel = fs::read_dir(&out)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| is_our_wheel(p))
        .context("maturin wrote no mpwasm wheel")?;
    println!("built {}", display_rel(root, &wheel));
    Ok(wheel)
}

fn is_our_wheel(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("mpwasm-") && n.ends_with(".whl"))
}

/// Build the (dev) wheel, install it into a fresh `target/python-venv`
/// with pytest, and run `crates/mpwasm-python/tests` against it.
pub fn test(sh: &Shell, ctx: &Ctx) -> Result<()> {
    let wheel = build(
        sh,
        ctx,
        &WheelArgs {
            dev: true,
            test: false,
        },
    )?;
    let root = &ctx.repo_root;
    let venv = root.join("target").join("python-venv");
    eprintln!("==> fresh venv {}", display_rel(root, &venv));
    cmd!(sh, "python3 -m venv --clear {venv}")
        .run()
        .context("cannot create a venv (is the python3 venv module installed?)")?;
    let python = venv.join("bin").join("python");
    let pytest = format!("pytest=={PYTEST_VERSION}");
    cmd!(
        sh,
        "{python} -m pip install --disable-pip-version-check --quiet {pytest} {wheel}"
    )
    .run()
    .context("installing pytest and the wheel into the venv failed (is PyPI reachable?)")?;
    let tests = root.join(CRATE_REL).join("tests");
    // From the tests directory, so that only the installed package can be
    // imported (the suite checks where `mpwasm` comes from).
    let _dir = sh.push_dir(&tests);
    cmd!(sh, "{python} -m pytest -q -p no:cacheprovider {tests}")
        .run()
        .context("the Python package's pytest suite failed")
}
