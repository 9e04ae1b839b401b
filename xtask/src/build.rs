//! `cargo xtask build-artifact`: source -> mpy-cross -> port make -> wasm-opt
//! -> artifacts/.

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use xshell::Shell;

use mpwasm_abi::manifest::{ArtifactManifest, PatchRecord, RejectedCandidate, SourceRecord};

use crate::cli::BuildArgs;
use crate::manifest;
use crate::patches;
use crate::post;
use crate::source::{self, ResolvedSource};
use crate::toolchain::{self, Toolchain, WasmOpt};
use crate::util::{absolutize, display_rel, remove_dir_if_exists, sha256_bytes, sha256_file};

/// Where the repository and the caller are.
#[derive(Debug)]
pub struct Ctx {
    pub repo_root: PathBuf,
    pub cwd: PathBuf,
}

/// Variables from the caller's environment that would silently change a
/// MicroPython build (make reads the environment); the xtask's options
/// replace them. Shared by the guest build and the native reference build.
pub const SCRUBBED_ENV: &[&str] = &[
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
    "MAKEOVERRIDES",
    "CC",
    "CFLAGS",
    "CPPFLAGS",
    "LDFLAGS",
    "CFLAGS_EXTRA",
    "LDFLAGS_EXTRA",
    "DEBUG",
    "V",
    "BUILD",
    "FROZEN_MANIFEST",
    "MICROPY_MPYCROSS",
    "VARIANT",
];

pub struct Outcome {
    pub output: PathBuf,
    pub size: u64,
    pub sha256: String,
    pub candidate: String,
    pub seconds: f64,
}

pub fn default_output(ctx: &Ctx, args: &BuildArgs) -> PathBuf {
    match &args.output {
        Some(o) => absolutize(&ctx.cwd, o),
        None if args.no_spill => ctx.repo_root.join(manifest::UNSPILLED_ARTIFACT),
        None => ctx.repo_root.join(manifest::DEFAULT_ARTIFACT),
    }
}

fn make_cmd<'a>(sh: &'a Shell, src: &ResolvedSource) -> xshell::Cmd<'a> {
    let mut cmd = sh.cmd("make");
    for var in SCRUBBED_ENV {
        cmd = cmd.env_remove(var);
    }
    cmd = cmd
        .env("SOURCE_DATE_EPOCH", src.source_date_epoch.to_string())
        .env("MICROPY_GIT_TAG", &src.git_tag)
        .env("PYTHONHASHSEED", "0");
    match &src.git_hash {
        Some(h) => cmd.env("MICROPY_GIT_HASH", h),
        None => cmd.env_remove("MICROPY_GIT_HASH"),
    }
}

/// Remove `dir` when the settings it was built with (kept in `stamp`) differ
/// from `config`, so that make never mixes objects from two configurations.
fn reset_if_config_changed(dir: &Path, stamp: &Path, config: &str, what: &str) -> Result<()> {
    let old = fs::read_to_string(stamp).ok();
    if old.as_deref() != Some(config) {
        if dir.exists() {
            eprintln!("==> {what} settings changed: starting it afresh");
        }
        remove_dir_if_exists(dir)?;
    }
    Ok(())
}

fn write_stamp(stamp: &Path, config: &str) -> Result<()> {
    if let Some(parent) = stamp.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(stamp, config).with_context(|| format!("cannot write {}", stamp.display()))
}

fn path_str(p: &Path) -> Result<String> {
    p.to_str()
        .map(str::to_string)
        .with_context(|| format!("path {} is not UTF-8", p.display()))
}

/// Where and what to build: the port's settings, resolved once.
struct Port {
    dir: PathBuf,
    variant: String,
    variant_dir: PathBuf,
    user_c_modules: PathBuf,
    jobs: usize,
}

impl Port {
    fn resolve(ctx: &Ctx, args: &BuildArgs) -> Result<Port> {
        let repo = &ctx.repo_root;
        let dir = repo.join("micropython-port");
        let variant = args.variant.clone().unwrap_or_else(|| "standard".into());
        let variant_dir = dir.join("variants").join(&variant);
        if !variant_dir.is_dir() {
            bail!(
                "variant `{variant}` does not exist ({} is not a directory)",
                display_rel(repo, &variant_dir)
            );
        }
        let user_c_modules = args
            .user_c_modules
            .as_ref()
            .map(|d| absolutize(&ctx.cwd, d))
            .unwrap_or_else(|| repo.join("micropython-usermod"));
        if !user_c_modules.is_dir() {
            bail!(
                "user C modules dir {} does not exist",
                user_c_modules.display()
            );
        }
        let jobs = args.jobs.map(NonZeroUsize::get).unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
        Ok(Port {
            dir,
            variant,
            variant_dir,
            user_c_modules,
            jobs,
        })
    }
}

/// The make invocations and the directories they use, with the settings
/// each directory was (or will be) built with.
struct MakePlan {
    /// Make variables for the port, for the command line and the manifest.
    vars: Vec<(String, String)>,
    /// `vars` as `NAME=value`, then the `--extra-make-arg`s.
    args: Vec<String>,
    mpy_cross_dir: PathBuf,
    mpy_cross: PathBuf,
    mpy_cross_config: String,
    mpy_cross_stamp: PathBuf,
    build_dir: PathBuf,
    build_config: String,
    build_stamp: PathBuf,
    post_dir: PathBuf,
    /// The module the port's make links.
    linked: PathBuf,
}

impl MakePlan {
    fn new(
        port: &Port,
        src: &ResolvedSource,
        tc: &Toolchain,
        work: &Path,
        extra_make_args: &[String],
    ) -> Result<MakePlan> {
        let mpy_cross_dir = work.join("mpy-cross");
        let mpy_cross = mpy_cross_dir.join("mpy-cross");
        let build_dir = work.join("build").join(&port.variant);
        let mut vars: Vec<(String, String)> = vec![
            ("MICROPY_TOP".into(), path_str(&src.dir)?),
            ("MICROPY_MPYCROSS".into(), path_str(&mpy_cross)?),
            ("BUILD".into(), path_str(&build_dir)?),
            ("CC".into(), path_str(&tc.cc)?),
            ("VARIANT".into(), port.variant.clone()),
            ("USER_C_MODULES".into(), path_str(&port.user_c_modules)?),
            ("WASM_EH".into(), tc.eh.make_value().into()),
        ];
        vars.extend(tc.make_vars.iter().cloned());
        let mut args: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
        args.extend(extra_make_args.iter().cloned());

        // What the build directories were made with; a change starts them afresh.
        let makefile_sha = sha256_file(&port.dir.join("Makefile"))?;
        let variant_mk = port.variant_dir.join("mpconfigvariant.mk");
        let variant_mk_sha = if variant_mk.is_file() {
            sha256_file(&variant_mk)?
        } else {
            String::new()
        };
        let build_config = format!(
            "{}\ntoolchain={}\nmakefile={makefile_sha}\nvariant_mk={variant_mk_sha}\nsource_date_epoch={}\ngit_tag={}\n",
            args.join("\n"),
            tc.description,
            src.source_date_epoch,
            src.git_tag,
        );
        Ok(MakePlan {
            vars,
            args,
            mpy_cross_config: format!("{}\n{}\n", src.dir.display(), src.git_tag),
            mpy_cross_stamp: work.join("mpy-cross.config"),
            mpy_cross_dir,
            mpy_cross,
            build_stamp: work.join("build").join(format!("{}.config", port.variant)),
            linked: build_dir.join("micropython.wasm"),
            build_dir,
            build_config,
            post_dir: work.join("post").join(&port.variant),
        })
    }

    /// `--clean`: remove every output of a previous build.
    fn clean(&self) -> Result<()> {
        eprintln!("==> --clean: removing previous build outputs");
        remove_dir_if_exists(&self.build_dir)?;
        remove_dir_if_exists(&self.mpy_cross_dir)?;
        remove_dir_if_exists(&self.post_dir)
    }

    /// `--skip-build`: the linked module exists and was built with these
    /// settings.
    fn check_reusable(&self, repo: &Path) -> Result<()> {
        if fs::read_to_string(&self.build_stamp).ok().as_deref() != Some(self.build_config.as_str())
        {
            bail!(
                "--skip-build: {} was not built with these settings (or not at all); run without --skip-build",
                display_rel(repo, &self.build_dir)
            );
        }
        if !self.linked.is_file() {
            bail!(
                "--skip-build: {} does not exist; run without --skip-build",
                display_rel(repo, &self.linked)
            );
        }
        eprintln!(
            "==> --skip-build: reusing {}",
            display_rel(repo, &self.linked)
        );
        Ok(())
    }

    /// mpy-cross, built out of tree with the host compiler.
    fn build_mpy_cross(&self, sh: &Shell, src: &ResolvedSource, jobs: usize) -> Result<()> {
        reset_if_config_changed(
            &self.mpy_cross_dir,
            &self.mpy_cross_stamp,
            &self.mpy_cross_config,
            "mpy-cross",
        )?;
        eprintln!("==> building mpy-cross");
        make_cmd(sh, src)
            .arg("-C")
            .arg(src.dir.join("mpy-cross"))
            .arg(format!("-j{jobs}"))
            .arg(format!("BUILD={}", path_str(&self.mpy_cross_dir)?))
            .run()
            .context("building mpy-cross (host C compiler) failed")?;
        if !self.mpy_cross.is_file() {
            bail!(
                "mpy-cross build did not produce {}",
                self.mpy_cross.display()
            );
        }
        write_stamp(&self.mpy_cross_stamp, &self.mpy_cross_config)
    }

    /// The guest, linked to `linked`.
    fn build_guest(&self, sh: &Shell, src: &ResolvedSource, port: &Port) -> Result<()> {
        reset_if_config_changed(
            &self.build_dir,
            &self.build_stamp,
            &self.build_config,
            "guest build",
        )?;
        write_stamp(&self.build_stamp, &self.build_config)?;
        // Always relink, so that a failed build leaves no stale module for
        // --skip-build to pick up.
        let _ = fs::remove_file(&self.linked);
        eprintln!("==> building the guest ({} jobs)", port.jobs);
        make_cmd(sh, src)
            .arg("-C")
            .arg(&port.dir)
            .arg(format!("-j{}", port.jobs))
            .args(&self.args)
            .run()
            .context("building the MicroPython WASI guest (make -C micropython-port) failed")?;
        if !self.linked.is_file() {
            bail!("the port build did not produce {}", self.linked.display());
        }
        Ok(())
    }
}

/// The source tree to build, with our patches applied.
fn prepare_source(
    sh: &Shell,
    ctx: &Ctx,
    args: &BuildArgs,
    work: &Path,
) -> Result<(ResolvedSource, Vec<patches::Patch>)> {
    let repo = &ctx.repo_root;
    let fetched = repo.join(source::FETCHED_TARBALL_REL);
    let plan = source::plan_source(args, &ctx.cwd, repo, fetched.is_file());
    let mut src = source::resolve(sh, &plan, work, repo)?;
    let patch_set = patches::list(repo)?;
    src.dir = patches::prepare(sh, &src.dir, work, &patch_set)?;
    eprintln!(
        "==> MicroPython {} ({}) from {} [{}], SOURCE_DATE_EPOCH={}",
        src.version.number(),
        src.git_tag,
        display_rel(repo, &src.dir),
        src.kind,
        src.source_date_epoch
    );
    Ok((src, patch_set))
}

/// The C toolchain (zig unless a wasi-sdk is named) and wasm-opt.
fn toolchains(
    sh: &Shell,
    ctx: &Ctx,
    args: &BuildArgs,
    work: &Path,
) -> Result<(Toolchain, WasmOpt)> {
    let toolchain_dir = ctx.repo_root.join(".toolchain");
    let wasi_sdk = args
        .wasi_sdk
        .clone()
        .map(|p| absolutize(&ctx.cwd, &p))
        .or_else(|| {
            std::env::var_os("WASI_SDK_PATH")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
    let tc = match &wasi_sdk {
        Some(sdk) => {
            toolchain::wasi_sdk(sh, sdk, &toolchain_dir, &work.join("probe"), args.wasm_eh)?
        }
        None => toolchain::zig(sh, &toolchain_dir, args.wasm_eh)?,
    };
    let wasm_opt = match &args.wasm_opt {
        Some(p) => toolchain::wasm_opt_at(sh, &absolutize(&ctx.cwd, p))?,
        None => toolchain::binaryen(sh, &toolchain_dir)?,
    };
    eprintln!("==> toolchain: {}; {}", tc.description, wasm_opt.version);
    Ok((tc, wasm_opt))
}

/// Copy the selected module to `output` (through a temporary file, so that
/// a reader never sees half an artifact); returns its sha256 and size.
fn install(selected: &Path, output: &Path) -> Result<(String, u64)> {
    let out_dir = output.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let tmp = output.with_extension("wasm.tmp");
    fs::copy(selected, &tmp)
        .with_context(|| format!("cannot copy the artifact to {}", tmp.display()))?;
    fs::rename(&tmp, output).with_context(|| format!("cannot write {}", output.display()))?;
    let bytes = fs::read(output).with_context(|| format!("cannot read {}", output.display()))?;
    Ok((sha256_bytes(&bytes), bytes.len() as u64))
}

/// Everything that went into one build, for the manifest.
struct Inputs<'a> {
    args: &'a BuildArgs,
    src: &'a ResolvedSource,
    patch_set: &'a [patches::Patch],
    port_sha: String,
    port_files: usize,
    tc: &'a Toolchain,
    wasm_opt: &'a WasmOpt,
    make: &'a MakePlan,
}

fn manifest_record(
    repo: &Path,
    inputs: Inputs<'_>,
    selected: &post::Selected,
    output: &Path,
    (sha256, size): (String, u64),
    seconds: f64,
) -> ArtifactManifest {
    let Inputs {
        args,
        src,
        patch_set,
        port_sha,
        port_files,
        tc,
        wasm_opt,
        make,
    } = inputs;
    // Paths inside the repository are recorded relative to it, so that the
    // manifest does not depend on where the checkout is.
    let rel_value = |v: &str| -> String {
        let p = Path::new(v);
        if p.is_absolute() {
            display_rel(repo, p)
        } else {
            v.to_string()
        }
    };
    ArtifactManifest {
        artifact: output
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        artifact_sha256: sha256,
        artifact_size: size,
        binaryen_version: wasm_opt.version.clone(),
        build_seconds: manifest::tenths(seconds),
        exports: selected
            .info
            .exports
            .iter()
            .map(|e| e.name.clone())
            .collect(),
        imports: selected
            .info
            .imports
            .iter()
            .map(|i| format!("{}.{}", i.module, i.name))
            .collect(),
        make_flags: make
            .vars
            .iter()
            .map(|(k, v)| format!("{k}={}", rel_value(v)))
            .chain(args.extra_make_args.iter().cloned())
            .collect(),
        micropython_git_tag: src.git_tag.clone(),
        micropython_version: src.version.number(),
        patches: patch_set
            .iter()
            .map(|p| PatchRecord {
                name: p.name.clone(),
                sha256: p.sha256.clone(),
            })
            .collect(),
        port_sources_files: port_files as u64,
        port_sources_sha256: port_sha,
        post_processing: selected.candidate.passes.clone(),
        post_processing_candidate: selected.candidate.name.to_string(),
        post_processing_rejected: selected
            .rejected
            .iter()
            .map(|(candidate, reason)| RejectedCandidate {
                candidate: candidate.clone(),
                reason: reason.clone(),
            })
            .collect(),
        recipe_sha256: manifest::recipe_sha256(),
        recipe_version: manifest::RECIPE_VERSION,
        source: SourceRecord {
            commit: src.commit.clone(),
            file: src
                .tarball
                .as_ref()
                .and_then(|t| t.file_name())
                .map(|f| f.to_string_lossy().into_owned()),
            kind: src.kind.to_string(),
            git_ref: src.git_ref.clone(),
            sha256: src.tarball_sha256.clone(),
            source_date_epoch: src.source_date_epoch,
            url: src.url.clone(),
        },
        spilled: selected.candidate.spilled,
        toolchain: tc.description.clone(),
        toolchain_kind: tc.kind.to_string(),
        wasm_eh: tc.eh.make_value().to_string(),
        wasm_features: post::WASM_FEATURES.iter().map(|s| s.to_string()).collect(),
    }
}

/// Source, toolchain, make, Binaryen, install, manifest.
pub fn build_artifact(sh: &Shell, ctx: &Ctx, args: &BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let repo = &ctx.repo_root;
    if args.clean && args.skip_build {
        bail!("--clean and --skip-build contradict each other");
    }
    let output = default_output(ctx, args);
    manifest::check_output_name(&output, args.no_spill)?;
    let work = args
        .work_dir
        .as_ref()
        .map(|w| absolutize(&ctx.cwd, w))
        .unwrap_or_else(|| repo.join(".work"));
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let port = Port::resolve(ctx, args)?;
    // Hash the port sources before building, so that an edit made while
    // the build runs makes the artifact stale rather than wrongly fresh.
    let (port_sha, port_files) = manifest::port_sources_sha256(repo)?;
    let (src, patch_set) = prepare_source(sh, ctx, args, &work)?;
    let (tc, wasm_opt) = toolchains(sh, ctx, args, &work)?;
    let make = MakePlan::new(&port, &src, &tc, &work, &args.extra_make_args)?;

    if args.clean {
        make.clean()?;
    }
    if args.skip_build {
        make.check_reusable(repo)?;
    } else {
        make.build_mpy_cross(sh, &src, port.jobs)?;
        make.build_guest(sh, &src, &port)?;
    }

    let candidates = post::candidates(args.no_spill, tc.eh);
    let selected = post::run(sh, &wasm_opt, &make.linked, &make.post_dir, &candidates)?;
    if !selected.rejected.is_empty() {
        eprintln!(
            "==> warning: selected fallback candidate {} after {} rejected",
            selected.candidate.name,
            selected.rejected.len()
        );
    }
    if args.no_spill {
        eprintln!(
            "==> WARNING: --no-spill: this module is NOT pointer-spilled; the GC can free live \
             objects. It exists only for the GC stress test and is written as {}",
            display_rel(repo, &output)
        );
    }

    let (sha256, size) = install(&selected.path, &output)?;
    let seconds = started.elapsed().as_secs_f64();
    let inputs = Inputs {
        args,
        src: &src,
        patch_set: &patch_set,
        port_sha,
        port_files,
        tc: &tc,
        wasm_opt: &wasm_opt,
        make: &make,
    };
    let record = manifest_record(
        repo,
        inputs,
        &selected,
        &output,
        (sha256.clone(), size),
        seconds,
    );
    manifest::write(&record, &manifest::path_for(&output))?;
    Ok(Outcome {
        output,
        size,
        sha256,
        candidate: selected.candidate.name.to_string(),
        seconds,
    })
}
