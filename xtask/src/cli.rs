//! Command-line parsing for `cargo xtask` (hand-rolled to keep xtask's
//! dependency set small; every option has a `--name value` and a
//! `--name=value` form).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

pub const DEFAULT_REPO_URL: &str = "https://github.com/micropython/micropython.git";
pub const DEFAULT_REF: &str = "v1.25.0";

pub const USAGE: &str = "\
Usage: cargo xtask <COMMAND> [OPTIONS]

Commands:
  build-artifact    Build the MicroPython WASI guest and write
                    artifacts/micropython-wasi.wasm + artifacts/manifest.json
  ensure-artifact   Build only if the artifact is missing or out of date
                    (accepts the same options, used when a rebuild is needed)
  test [ARGS...]    Set up what is missing (source, toolchain, artifact), then
                    run the whole test suite: cargo test --workspace [ARGS...]
  mpwasm [ARGS...]  Set up what is missing, then run the mpwasm CLI (release
                    build) with ARGS, e.g. cargo xtask mpwasm -c \"print(1 + 1)\"
  compat [ARGS...]  MicroPython's own tests natively and in the sandbox
                    (cargo xtask compat --help)
  bench [--quick]   mpwasm side by side with native MicroPython and the peers,
                    written to target/bench-report.md (cargo xtask bench --help)
  soak [ARGS...]    Set up what is missing, then soak one runtime with threads
                    of hostile and normal runs (release build of mpwasm-soak):
                    --minutes N [--threads T] [--seed S] [--json]
  fuzz TARGET [--minutes N]
                    Run a cargo-fuzz target (bridge_decode, run_source, limits)
                    for N minutes [default: 20]; needs nightly and cargo-fuzz
                    (see fuzz/README.md)
  help              Print this text

Options (build-artifact, ensure-artifact):
  --source-dir PATH       Use an existing MicroPython source tree
  --source-tarball PATH   Extract a .tar.gz/.tar.xz source tarball into the work dir
  --repo-url URL          Git repository to clone when no local source is found
                          [default: https://github.com/micropython/micropython.git]
  --ref REF               Git ref to fetch (tag, branch, pull/N/head) [default: v1.25.0]
  --wasi-sdk PATH         Build with this wasi-sdk instead of zig (or set WASI_SDK_PATH)
  --wasm-opt PATH         Use this wasm-opt binary instead of provisioning Binaryen
  --wasm-eh MODE          auto|exnref|legacy: exception-handling code the compiler
                          emits; legacy is translated to exnref by wasm-opt [default: auto]
  --jobs N                Parallel make jobs [default: available parallelism]
  --extra-make-arg ARG    Extra argument for the port's make (repeatable)
  --variant NAME          Port variant (micropython-port/variants/NAME)
  --user-c-modules DIR    User C modules dir [default: micropython-usermod]
  --work-dir DIR          Work directory [default: .work]
  --output PATH           Artifact path [default: artifacts/micropython-wasi.wasm;
                          with --no-spill: artifacts/micropython-wasi-unspilled.wasm]
  --clean                 Remove previous build outputs first
  --skip-build            Only redo post-processing from the existing build
  --no-spill              Skip Binaryen's --spill-pointers (a deliberately broken
                          build for GC tests; never written as the default artifact)

Source resolution order: --source-dir, --source-tarball, a tarball fetched by
scripts/fetch-micropython-source.sh (third_party/debian/), then a git clone.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    BuildArtifact,
    EnsureArtifact,
    /// Ensure the artifact, then `cargo test --workspace` with the rest.
    Test,
    /// Ensure the artifact, then run the CLI with the rest.
    Mpwasm,
    /// Build the native reference, then run crates/mpwasm-compat with the rest.
    Compat,
    /// Ensure the artifact, then run the mpwasm-soak binary with the rest.
    Soak,
    /// Benchmarks side by side (see bench.rs), options passed through.
    Bench,
    /// Ensure the artifact, then run a cargo-fuzz target (see [`fuzz_args`]).
    Fuzz,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WasmEh {
    /// zig: exnref; wasi-sdk: probe the compiler.
    #[default]
    Auto,
    Exnref,
    Legacy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildArgs {
    pub repo_url: String,
    pub git_ref: String,
    pub source_dir: Option<PathBuf>,
    pub source_tarball: Option<PathBuf>,
    pub wasi_sdk: Option<PathBuf>,
    pub wasm_opt: Option<PathBuf>,
    pub wasm_eh: WasmEh,
    pub jobs: Option<usize>,
    pub extra_make_args: Vec<String>,
    pub work_dir: Option<PathBuf>,
    pub output: Option<PathBuf>,
    pub clean: bool,
    pub skip_build: bool,
    pub variant: Option<String>,
    pub user_c_modules: Option<PathBuf>,
    pub no_spill: bool,
}

impl Default for BuildArgs {
    fn default() -> Self {
        BuildArgs {
            repo_url: DEFAULT_REPO_URL.to_string(),
            git_ref: DEFAULT_REF.to_string(),
            source_dir: None,
            source_tarball: None,
            wasi_sdk: None,
            wasm_opt: None,
            wasm_eh: WasmEh::Auto,
            jobs: None,
            extra_make_args: Vec::new(),
            work_dir: None,
            output: None,
            clean: false,
            skip_build: false,
            variant: None,
            user_c_modules: None,
            no_spill: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cli {
    pub command: Command,
    pub args: BuildArgs,
    /// Arguments passed through untouched (test, mpwasm).
    pub passthrough: Vec<String>,
}

/// The fuzz targets in fuzz/Cargo.toml.
pub const FUZZ_TARGETS: &[&str] = &["bridge_decode", "run_source", "limits"];

/// `fuzz TARGET [--minutes N]`: the target and how many minutes to run it.
pub fn fuzz_args(args: &[String]) -> Result<(String, u64)> {
    let mut target = None;
    let mut minutes = 20;
    let mut i = 0;
    while i < args.len() {
        let raw = &args[i];
        i += 1;
        let value = match raw.split_once('=') {
            Some(("--minutes", v)) => Some(v.to_string()),
            _ if raw == "--minutes" => {
                i += 1;
                Some(args.get(i - 1).context("--minutes needs a value")?.clone())
            }
            _ => None,
        };
        match value {
            Some(v) => {
                minutes =
                    v.parse().ok().filter(|&m| m > 0).with_context(|| {
                        format!("--minutes expects a positive number, got `{v}`")
                    })?
            }
            None if target.is_none() && FUZZ_TARGETS.contains(&raw.as_str()) => {
                target = Some(raw.clone())
            }
            None => bail!(
                "unexpected `{raw}`: fuzz takes a target ({}) and --minutes N",
                FUZZ_TARGETS.join(", ")
            ),
        }
    }
    let target =
        target.with_context(|| format!("fuzz needs a target: {}", FUZZ_TARGETS.join(", ")))?;
    Ok((target, minutes))
}

/// Parse the arguments after the program name.
pub fn parse<I, S>(argv: I) -> Result<Cli>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut argv = argv.into_iter().map(Into::into);
    let command = match argv.next().as_deref() {
        None | Some("help" | "--help" | "-h") => Command::Help,
        Some("build-artifact") => Command::BuildArtifact,
        Some("ensure-artifact") => Command::EnsureArtifact,
        Some("test") => Command::Test,
        Some("mpwasm") => Command::Mpwasm,
        Some("compat") => Command::Compat,
        Some("soak") => Command::Soak,
        Some("bench") => Command::Bench,
        Some("fuzz") => Command::Fuzz,
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
    };
    if matches!(
        command,
        Command::Test
            | Command::Mpwasm
            | Command::Compat
            | Command::Soak
            | Command::Fuzz
            | Command::Bench
    ) {
        return Ok(Cli {
            command,
            args: BuildArgs::default(),
            passthrough: argv.collect(),
        });
    }
    let mut args = BuildArgs::default();
    let rest: Vec<String> = argv.collect();
    let mut i = 0;
    while i < rest.len() {
        let raw = &rest[i];
        i += 1;
        if raw == "--help" || raw == "-h" {
            return Ok(Cli {
                command: Command::Help,
                args,
                passthrough: Vec::new(),
            });
        }
        let (name, inline) = match raw.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (raw.clone(), None),
        };
        // Flags take no value.
        let flag = match name.as_str() {
            "--clean" => Some(&mut args.clean),
            "--skip-build" => Some(&mut args.skip_build),
            "--no-spill" => Some(&mut args.no_spill),
            _ => None,
        };
        if let Some(flag) = flag {
            if inline.is_some() {
                bail!("{name} takes no value");
            }
            *flag = true;
            continue;
        }
        let mut value = || -> Result<String> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            let v = rest
                .get(i)
                .with_context(|| format!("{name} needs a value\n\n{USAGE}"))?
                .clone();
            i += 1;
            Ok(v)
        };
        match name.as_str() {
            "--repo-url" => args.repo_url = value()?,
            "--ref" => args.git_ref = value()?,
            "--source-dir" => args.source_dir = Some(value()?.into()),
            "--source-tarball" => args.source_tarball = Some(value()?.into()),
            "--wasi-sdk" => args.wasi_sdk = Some(value()?.into()),
            "--wasm-opt" => args.wasm_opt = Some(value()?.into()),
            "--wasm-eh" => {
                args.wasm_eh = match value()?.as_str() {
                    "auto" => WasmEh::Auto,
                    "exnref" => WasmEh::Exnref,
                    "legacy" => WasmEh::Legacy,
                    other => bail!("--wasm-eh must be auto, exnref or legacy, not `{other}`"),
                }
            }
            "--jobs" | "-j" => {
                let v = value()?;
                let n: usize = v
                    .parse()
                    .with_context(|| format!("--jobs expects a positive number, got `{v}`"))?;
                if n == 0 {
                    bail!("--jobs must be at least 1");
                }
                args.jobs = Some(n);
            }
            "--extra-make-arg" => args.extra_make_args.push(value()?),
            "--work-dir" => args.work_dir = Some(value()?.into()),
            "--output" => args.output = Some(value()?.into()),
            "--variant" => {
                let v = value()?;
                if v.is_empty() || v.contains('/') {
                    bail!(
                        "--variant expects a variant name (a directory under micropython-port/variants), got `{v}`"
                    );
                }
                args.variant = Some(v);
            }
            "--user-c-modules" => args.user_c_modules = Some(value()?.into()),
            other => bail!("unknown option `{other}`\n\n{USAGE}"),
        }
    }
    if args.source_dir.is_some() && args.source_tarball.is_some() {
        bail!("--source-dir and --source-tarball are mutually exclusive");
    }
    Ok(Cli {
        command,
        args,
        passthrough: Vec::new(),
    })
}
