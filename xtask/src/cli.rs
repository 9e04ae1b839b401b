//! Command line of `cargo xtask` (clap derive: the help text is generated
//! from these definitions, so it cannot drift from the parser).
//!
//! Adding a subcommand: a variant of [`Command`] whose doc comment is its
//! help line and whose field is the module's own `clap::Args` struct, and
//! one arm in `main.rs`'s `dispatch`.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const DEFAULT_REPO_URL: &str = "https://github.com/micropython/micropython.git";
pub const DEFAULT_REF: &str = "v1.25.0";

#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Project automation for mpwasm: build the MicroPython WASI guest, run the tests and tools",
    after_help = "Source resolution order (build-artifact, ensure-artifact): --source-dir, \
                  --source-tarball, a tarball fetched by scripts/fetch-micropython-source.sh \
                  (third_party/debian/), then a git clone."
)]
pub struct Cli {
    /// Without a command, the help is printed.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Build the MicroPython WASI guest and write artifacts/micropython-wasi.wasm and
    /// artifacts/manifest.json
    BuildArtifact(BuildArtifactArgs),
    /// Build only if the artifact is missing or out of date (the options are used when a
    /// rebuild is needed)
    EnsureArtifact(BuildArgs),
    /// Check formatting, clippy, rustdoc and the generated C header, set up what is missing
    /// (source, toolchain, artifact), then run `cargo test --workspace ARGS...`
    #[command(disable_help_flag = true)]
    Test(Passthrough),
    /// Set up what is missing, then run the mpwasm CLI (release build) with ARGS, e.g.
    /// `cargo xtask mpwasm -c "print(1 + 1)"`
    #[command(disable_help_flag = true)]
    Mpwasm(Passthrough),
    /// MicroPython's own tests natively and in the sandbox; ARGS go to crates/mpwasm-compat
    /// (`cargo xtask compat --help` prints its options)
    #[command(disable_help_flag = true)]
    Compat(Passthrough),
    /// The CPython-compatibility corpus (tests/cpython/, docs/compat.md): run the programs in
    /// the sandbox (what `corpus` alone does), bless their expected output with python3,
    /// update passing.txt
    Corpus(crate::corpus::CorpusArgs),
    /// Set up what is missing, then soak one runtime with threads of hostile and normal runs
    /// (release build of mpwasm-soak; `cargo xtask soak --help` prints its options, e.g.
    /// --minutes N --threads T --seed S --json)
    #[command(disable_help_flag = true)]
    Soak(Passthrough),
    /// Run a cargo-fuzz target for N minutes; needs nightly and cargo-fuzz (see fuzz/README.md)
    Fuzz(FuzzArgs),
    /// Write micropython-port/mpwasm_abi.h from crates/mpwasm-abi
    Codegen(CodegenArgs),
    /// Set up what is missing, then `cargo package` the published crates (the guest inside
    /// mpwasm-guest) and check each package holds what it must
    Package(crate::package::PackageArgs),
    /// Build the `mpwasm` Python package (crates/mpwasm-python, guest inside) into
    /// target/wheels/ with maturin (installed from PyPI into .toolchain/)
    Wheel(crate::wheel::WheelArgs),
    /// mpwasm side by side with native MicroPython and the peers, written to
    /// target/bench-report.md (docs/benchmarks.md explains the figures)
    Bench(crate::bench::BenchArgs),
}

/// Arguments handed untouched to the program a command runs, `--help`
/// and `--` included (`cargo xtask test -p xtask -- --nocapture`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct Passthrough {
    /// Arguments for the program
    #[arg(value_name = "ARGS", num_args = 0.., allow_hyphen_values = true)]
    before_dashes: Vec<String>,
    /// Arguments after `--`, passed on after a `--`
    #[arg(value_name = "REST", num_args = 0.., last = true)]
    after_dashes: Option<Vec<String>>,
}

impl Passthrough {
    /// The arguments as the user gave them (clap takes `--` as its own
    /// separator, so it is put back).
    pub fn args(&self) -> Vec<String> {
        let mut args = self.before_dashes.clone();
        if let Some(after) = &self.after_dashes {
            args.push("--".into());
            args.extend(after.iter().cloned());
        }
        args
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum WasmEh {
    /// zig: exnref; wasi-sdk: probe the compiler
    #[default]
    Auto,
    /// The exception-handling proposal's final encoding (what wasmtime runs)
    Exnref,
    /// The legacy encoding, translated to exnref by wasm-opt
    Legacy,
}

/// Options of `build-artifact` and `ensure-artifact`.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct BuildArgs {
    /// Use an existing MicroPython source tree
    #[arg(long, value_name = "PATH", conflicts_with = "source_tarball")]
    pub source_dir: Option<PathBuf>,
    /// Extract a .tar.gz/.tar.xz source tarball into the work dir
    #[arg(long, value_name = "PATH")]
    pub source_tarball: Option<PathBuf>,
    /// Git repository to clone when no local source is found
    #[arg(long, value_name = "URL", default_value = DEFAULT_REPO_URL)]
    pub repo_url: String,
    /// Git ref to fetch (tag, branch, pull/N/head)
    #[arg(long = "ref", value_name = "REF", default_value = DEFAULT_REF)]
    pub git_ref: String,
    /// Build with this wasi-sdk instead of zig (or set WASI_SDK_PATH)
    #[arg(long, value_name = "PATH")]
    pub wasi_sdk: Option<PathBuf>,
    /// Use this wasm-opt binary instead of provisioning Binaryen
    #[arg(long, value_name = "PATH")]
    pub wasm_opt: Option<PathBuf>,
    /// Exception-handling code the compiler emits
    #[arg(long, value_name = "MODE", value_enum, default_value_t = WasmEh::Auto)]
    pub wasm_eh: WasmEh,
    /// Parallel make jobs [default: available parallelism]
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Extra argument for the port's make (repeatable)
    #[arg(
        long = "extra-make-arg",
        value_name = "ARG",
        allow_hyphen_values = true
    )]
    pub extra_make_args: Vec<String>,
    /// Port variant (micropython-port/variants/NAME) [default: standard]
    #[arg(long, value_name = "NAME", value_parser = parse_variant)]
    pub variant: Option<String>,
    /// User C modules dir [default: micropython-usermod]
    #[arg(long, value_name = "DIR")]
    pub user_c_modules: Option<PathBuf>,
    /// Work directory [default: .work]
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,
    /// Artifact path [default: artifacts/micropython-wasi.wasm; with --no-spill:
    /// artifacts/micropython-wasi-unspilled.wasm]
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Remove previous build outputs first
    #[arg(long)]
    pub clean: bool,
    /// Only redo post-processing from the existing build (build-artifact only)
    #[arg(skip)]
    pub skip_build: bool,
    /// Skip Binaryen's --spill-pointers (build-artifact only)
    #[arg(skip)]
    pub no_spill: bool,
}

impl Default for BuildArgs {
    fn default() -> Self {
        BuildArgs {
            source_dir: None,
            source_tarball: None,
            repo_url: DEFAULT_REPO_URL.to_string(),
            git_ref: DEFAULT_REF.to_string(),
            wasi_sdk: None,
            wasm_opt: None,
            wasm_eh: WasmEh::Auto,
            jobs: None,
            extra_make_args: Vec::new(),
            variant: None,
            user_c_modules: None,
            work_dir: None,
            output: None,
            clean: false,
            skip_build: false,
            no_spill: false,
        }
    }
}

/// `build-artifact`: the shared options plus the two that make no sense
/// for `ensure-artifact`.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct BuildArtifactArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Only redo post-processing from the existing build
    #[arg(long, conflicts_with = "clean")]
    pub skip_build: bool,
    /// Skip Binaryen's --spill-pointers (a deliberately broken build for GC tests; never
    /// written as the default artifact)
    #[arg(long)]
    pub no_spill: bool,
}

impl BuildArtifactArgs {
    /// The options as the build takes them.
    pub fn into_build_args(self) -> BuildArgs {
        BuildArgs {
            skip_build: self.skip_build,
            no_spill: self.no_spill,
            ..self.build
        }
    }
}

fn parse_variant(v: &str) -> Result<String, String> {
    if v.is_empty() || v.contains('/') || v == "." || v == ".." {
        return Err(format!(
            "expected a variant name (a directory under micropython-port/variants), got `{v}`"
        ));
    }
    Ok(v.to_string())
}

/// The fuzz targets in fuzz/Cargo.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum FuzzTarget {
    /// The JSON bridge's decoders and host_call
    BridgeDecode,
    /// Arbitrary bytes as Python source
    RunSource,
    /// Arbitrary limits and the VM agreeing on them
    Limits,
}

impl FuzzTarget {
    /// The name cargo-fuzz knows the target by.
    pub fn name(self) -> &'static str {
        match self {
            FuzzTarget::BridgeDecode => "bridge_decode",
            FuzzTarget::RunSource => "run_source",
            FuzzTarget::Limits => "limits",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct FuzzArgs {
    /// The target to run
    #[arg(value_enum)]
    pub target: FuzzTarget,
    /// How long to run it
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    pub minutes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct CodegenArgs {
    /// Write nothing; fail when the committed header differs from the generated one
    #[arg(long)]
    pub check: bool,
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(argv: &[&str]) -> Result<Option<Command>, clap::Error> {
        Cli::try_parse_from(std::iter::once("xtask").chain(argv.iter().copied())).map(|c| c.command)
    }

    fn command(argv: &[&str]) -> Command {
        parse(argv)
            .unwrap_or_else(|e| panic!("{argv:?}: {e}"))
            .expect("a command")
    }

    fn passthrough(argv: &[&str]) -> Vec<String> {
        match command(argv) {
            Command::Test(p) | Command::Mpwasm(p) | Command::Compat(p) | Command::Soak(p) => {
                p.args()
            }
            other => panic!("{argv:?} parsed as {other:?}"),
        }
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_all_build_options() {
        let Command::BuildArtifact(args) = command(&[
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
        ]) else {
            panic!("not build-artifact")
        };
        let a = args.into_build_args();
        assert_eq!(a.repo_url, "https://example.invalid/mp.git");
        assert_eq!(a.git_ref, "pull/17/head");
        assert_eq!(a.source_dir.as_deref(), Some("/src".as_ref()));
        assert_eq!(a.wasi_sdk.as_deref(), Some("/opt/wasi-sdk".as_ref()));
        assert_eq!(a.wasm_opt.as_deref(), Some("/usr/bin/wasm-opt".as_ref()));
        assert_eq!(a.wasm_eh, WasmEh::Legacy);
        assert_eq!(a.jobs.map(NonZeroUsize::get), Some(3));
        assert_eq!(a.extra_make_args, ["V=1", "MPW_STACK_BYTES=65536"]);
        assert_eq!(a.work_dir.as_deref(), Some("/w".as_ref()));
        assert_eq!(a.output.as_deref(), Some("out/mp-unspilled.wasm".as_ref()));
        assert!(a.clean && a.no_spill && !a.skip_build);
        assert_eq!(a.variant.as_deref(), Some("standard"));
        assert_eq!(a.user_c_modules.as_deref(), Some("mods".as_ref()));
    }

    #[test]
    fn short_jobs_and_skip_build() {
        let Command::BuildArtifact(args) = command(&["build-artifact", "-j", "2", "--skip-build"])
        else {
            panic!("not build-artifact")
        };
        let a = args.into_build_args();
        assert_eq!(a.jobs.map(NonZeroUsize::get), Some(2));
        assert!(a.skip_build && !a.no_spill && !a.clean);
    }

    #[test]
    fn passthrough_keeps_every_argument() {
        assert_eq!(
            passthrough(&["soak", "--minutes", "20", "--threads", "4"]),
            ["--minutes", "20", "--threads", "4"]
        );
        // `--` is cargo test's own separator: it must reach cargo test.
        assert_eq!(
            passthrough(&["test", "--", "--nocapture"]),
            ["--", "--nocapture"]
        );
        assert_eq!(
            passthrough(&["test", "-p", "xtask", "--", "--nocapture"]),
            ["-p", "xtask", "--", "--nocapture"]
        );
        assert_eq!(
            passthrough(&["mpwasm", "-c", "print(1 + 1)"]),
            ["-c", "print(1 + 1)"]
        );
        assert_eq!(passthrough(&["mpwasm", "--help"]), ["--help"]);
        assert_eq!(
            passthrough(&["compat", "--dirs", "basics", "--filter=int", "-h"]),
            ["--dirs", "basics", "--filter=int", "-h"]
        );
        assert_eq!(
            passthrough(&[
                "mpwasm",
                "--fuel",
                "none",
                "-c",
                "print(1)",
                "--timeout=none"
            ]),
            ["--fuel", "none", "-c", "print(1)", "--timeout=none"]
        );
        assert_eq!(passthrough(&["mpwasm", "-", "--", "-x"]), ["-", "--", "-x"]);
        assert!(passthrough(&["test"]).is_empty());
    }

    #[test]
    fn fuzz_takes_a_target_and_minutes() {
        let fuzz = |argv: &[&str]| match command(argv) {
            Command::Fuzz(f) => (f.target.name(), f.minutes),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            fuzz(&["fuzz", "run_source", "--minutes", "5"]),
            ("run_source", 5)
        );
        assert_eq!(fuzz(&["fuzz", "--minutes=2", "limits"]), ("limits", 2));
        assert_eq!(fuzz(&["fuzz", "bridge_decode"]), ("bridge_decode", 20));
        for bad in [
            &["fuzz"][..],
            &["fuzz", "nope"],
            &["fuzz", "limits", "limits"],
            &["fuzz", "limits", "--minutes"],
            &["fuzz", "limits", "--minutes", "0"],
            &["fuzz", "limits", "--minutes=soon"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
        for target in FuzzTarget::value_variants() {
            let value = target.to_possible_value().expect("listed");
            assert_eq!(value.get_name(), target.name());
        }
    }

    #[test]
    fn defaults() {
        assert_eq!(
            command(&["ensure-artifact"]),
            Command::EnsureArtifact(BuildArgs::default())
        );
        let Command::BuildArtifact(args) = command(&["build-artifact"]) else {
            panic!("not build-artifact")
        };
        assert_eq!(args.into_build_args(), BuildArgs::default());
        assert_eq!(BuildArgs::default().git_ref, "v1.25.0");
        assert_eq!(
            BuildArgs::default().repo_url,
            "https://github.com/micropython/micropython.git"
        );
        assert_eq!(parse(&[]).expect("parses"), None);
        assert_eq!(
            command(&["codegen", "--check"]),
            Command::Codegen(CodegenArgs { check: true })
        );
    }

    #[test]
    fn help_is_generated_from_the_flags() {
        for argv in [
            &["help"][..],
            &["--help"],
            &["build-artifact", "--help"],
            &["help", "build-artifact"],
            &["help", "test"],
        ] {
            let e = parse(argv).expect_err("help ends parsing");
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{argv:?}");
        }
        let help = Cli::command().render_long_help().to_string();
        for name in [
            "build-artifact",
            "ensure-artifact",
            "test",
            "mpwasm",
            "compat",
            "corpus",
            "soak",
            "fuzz",
            "codegen",
            "bench",
            "help",
        ] {
            assert!(help.contains(name), "{name} missing from:\n{help}");
        }
        let mut cmd = Cli::command();
        let build = cmd
            .find_subcommand_mut("build-artifact")
            .expect("build-artifact")
            .render_long_help()
            .to_string();
        for flag in [
            "--jobs",
            "-j",
            "--wasm-eh",
            "--no-spill",
            "--skip-build",
            "[default: v1.25.0]",
        ] {
            assert!(build.contains(flag), "{flag} missing from:\n{build}");
        }
        let ensure = cmd
            .find_subcommand_mut("ensure-artifact")
            .expect("ensure-artifact")
            .render_long_help()
            .to_string();
        let flags = |help: &str| -> Vec<String> {
            help.lines()
                .filter_map(|l| l.trim_start().split([' ', ',']).next())
                .filter(|w| w.starts_with("--"))
                .map(String::from)
                .collect()
        };
        assert!(flags(&build).contains(&"--no-spill".to_string()));
        let ensure = flags(&ensure);
        assert!(ensure.contains(&"--clean".to_string()), "{ensure:?}");
        assert!(!ensure.contains(&"--no-spill".to_string()));
        assert!(!ensure.contains(&"--skip-build".to_string()));
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            &["frobnicate"][..],
            &["build-artifact", "--bogus"],
            &["build-artifact", "--jobs"],
            &["build-artifact", "--jobs", "0"],
            &["build-artifact", "--jobs", "many"],
            &["build-artifact", "--clean=yes"],
            &["build-artifact", "--clean", "--skip-build"],
            &["build-artifact", "--wasm-eh", "sometimes"],
            &["build-artifact", "--variant", "../x"],
            &["build-artifact", "--variant", ""],
            &[
                "build-artifact",
                "--source-dir",
                "a",
                "--source-tarball",
                "b",
            ],
            &["ensure-artifact", "--no-spill"],
            &["ensure-artifact", "--skip-build"],
            &["codegen", "--write"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
