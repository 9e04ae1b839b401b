//! `cargo xtask build-artifact`: source -> mpy-cross -> port make -> wasm-opt
//! -> artifacts/.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::cli::BuildArgs;
use crate::manifest::{self, Record};
use crate::patches;
use crate::post;
use crate::source::{self, ResolvedSource};
use crate::toolchain::{self, Toolchain};
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

pub fn build_artifact(sh: &Shell, ctx: &Ctx, args: &BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let repo = &ctx.repo_root;
    if args.clean && args.skip_build {
        bail!("--clean and --skip-build contradict each other");
    }
    let output = default_output(ctx, args);
    manifest::check_output_name(&output, args.no_spill)?;
    let manifest_path = manifest::manifest_path_for(&output);
    let work = args
        .work_dir
        .as_ref()
        .map(|w| absolutize(&ctx.cwd, w))
        .unwrap_or_else(|| repo.join(".work"));
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let toolchain_dir = repo.join(".toolchain");

    // Port settings.
    let port_dir = repo.join("micropython-port");
    let variant = args.variant.clone().unwrap_or_else(|| "standard".into());
    let variant_dir = port_dir.join("variants").join(&variant);
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
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });

    // Hash the port sources before building, so that an edit made while
    // the build runs makes the artifact stale rather than wrongly fresh.
    let (port_sha, port_files) = manifest::port_sources_sha256(repo)?;

    // Source.
    let fetched = repo.join(source::FETCHED_TARBALL_REL);
    let plan = source::plan_source(args, &ctx.cwd, repo, fetched.is_file());
    let mut src = source::resolve(sh, &plan, &work, repo)?;
    let patch_set = patches::list(repo)?;
    src.dir = patches::prepare(sh, &src.dir, &work, &patch_set)?;
    eprintln!(
        "==> MicroPython {} ({}) from {} [{}], SOURCE_DATE_EPOCH={}",
        src.version.number(),
        src.git_tag,
        display_rel(repo, &src.dir),
        src.kind,
        src.source_date_epoch
    );

    // Toolchain.
    let wasi_sdk = args
        .wasi_sdk
        .clone()
        .map(|p| absolutize(&ctx.cwd, &p))
        .or_else(|| {
            std::env::var_os("WASI_SDK_PATH")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
    let tc: Toolchain = match &wasi_sdk {
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

    // Make variables for the port.
    let mpy_cross_dir = work.join("mpy-cross");
    let mpy_cross = mpy_cross_dir.join("mpy-cross");
    let build_dir = work.join("build").join(&variant);
    let mut make_vars: Vec<(String, String)> = vec![
        ("MICROPY_TOP".into(), path_str(&src.dir)?),
        ("MICROPY_MPYCROSS".into(), path_str(&mpy_cross)?),
        ("BUILD".into(), path_str(&build_dir)?),
        ("CC".into(), path_str(&tc.cc)?),
        ("VARIANT".into(), variant.clone()),
        ("USER_C_MODULES".into(), path_str(&user_c_modules)?),
        ("WASM_EH".into(), tc.eh.make_value().into()),
    ];
    make_vars.extend(tc.make_vars.iter().cloned());
    let mut make_args: Vec<String> = make_vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
    make_args.extend(args.extra_make_args.iter().cloned());

    // What the build directories were made with; a change starts them afresh.
    let makefile_sha = sha256_file(&port_dir.join("Makefile"))?;
    let variant_mk = variant_dir.join("mpconfigvariant.mk");
    let variant_mk_sha = if variant_mk.is_file() {
        sha256_file(&variant_mk)?
    } else {
        String::new()
    };
    let build_config = format!(
        "{}\ntoolchain={}\nmakefile={makefile_sha}\nvariant_mk={variant_mk_sha}\nsource_date_epoch={}\ngit_tag={}\n",
        make_args.join("\n"),
        tc.description,
        src.source_date_epoch,
        src.git_tag,
    );
    let build_stamp = work.join("build").join(format!("{variant}.config"));
    let mpy_cross_config = format!("{}\n{}\n", src.dir.display(), src.git_tag);
    let mpy_cross_stamp = work.join("mpy-cross.config");
    let post_dir = work.join("post").join(&variant);
    let linked = build_dir.join("micropython.wasm");

    if args.clean {
        eprintln!("==> --clean: removing previous build outputs");
        remove_dir_if_exists(&build_dir)?;
        remove_dir_if_exists(&mpy_cross_dir)?;
        remove_dir_if_exists(&post_dir)?;
    }

    if args.skip_build {
        if fs::read_to_string(&build_stamp).ok().as_deref() != Some(build_config.as_str()) {
            bail!(
                "--skip-build: {} was not built with these settings (or not at all); run without --skip-build",
                display_rel(repo, &build_dir)
            );
        }
        if !linked.is_file() {
            bail!(
                "--skip-build: {} does not exist; run without --skip-build",
                display_rel(repo, &linked)
            );
        }
        eprintln!("==> --skip-build: reusing {}", display_rel(repo, &linked));
    } else {
        // mpy-cross, built out of tree with the host compiler.
        reset_if_config_changed(
            &mpy_cross_dir,
            &mpy_cross_stamp,
            &mpy_cross_config,
            "mpy-cross",
        )?;
        eprintln!("==> building mpy-cross");
        let mpy_cross_src = src.dir.join("mpy-cross");
        let build_var = format!("BUILD={}", path_str(&mpy_cross_dir)?);
        let jobs_arg = format!("-j{jobs}");
        make_cmd(sh, &src)
            .arg("-C")
            .arg(&mpy_cross_src)
            .arg(&jobs_arg)
            .arg(&build_var)
            .run()
            .context("building mpy-cross (host C compiler) failed")?;
        if !mpy_cross.is_file() {
            bail!("mpy-cross build did not produce {}", mpy_cross.display());
        }
        write_stamp(&mpy_cross_stamp, &mpy_cross_config)?;

        // The guest.
        reset_if_config_changed(&build_dir, &build_stamp, &build_config, "guest build")?;
        write_stamp(&build_stamp, &build_config)?;
        // Always relink, so that a failed build leaves no stale module for
        // --skip-build to pick up.
        let _ = fs::remove_file(&linked);
        eprintln!("==> building the guest ({} jobs)", jobs);
        make_cmd(sh, &src)
            .arg("-C")
            .arg(&port_dir)
            .arg(&jobs_arg)
            .args(&make_args)
            .run()
            .context("building the MicroPython WASI guest (make -C micropython-port) failed")?;
        if !linked.is_file() {
            bail!("the port build did not produce {}", linked.display());
        }
    }

    // Post-processing.
    let candidates = post::candidates(args.no_spill, tc.eh);
    let selected = post::run(sh, &wasm_opt, &linked, &post_dir, &candidates)?;
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

    // Install.
    let out_dir = output.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let tmp = output.with_extension("wasm.tmp");
    fs::copy(&selected.path, &tmp)
        .with_context(|| format!("cannot copy the artifact to {}", tmp.display()))?;
    fs::rename(&tmp, &output).with_context(|| format!("cannot write {}", output.display()))?;
    let bytes = fs::read(&output).with_context(|| format!("cannot read {}", output.display()))?;
    let sha256 = sha256_bytes(&bytes);
    let size = bytes.len() as u64;

    let seconds = started.elapsed().as_secs_f64();
    let rel_value = |v: &str| -> String {
        let p = Path::new(v);
        if p.is_absolute() {
            display_rel(repo, p)
        } else {
            v.to_string()
        }
    };
    let record = Record {
        artifact_file: output
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        artifact_sha256: sha256.clone(),
        artifact_size: size,
        spilled: selected.candidate.spilled,
        micropython_version: src.version.number(),
        micropython_git_tag: src.git_tag.clone(),
        source_kind: src.kind.to_string(),
        source_ref: src.git_ref.clone(),
        source_url: src.url.clone(),
        source_sha256: src.tarball_sha256.clone(),
        source_commit: src.commit.clone(),
        source_file: src
            .tarball
            .as_ref()
            .and_then(|t| t.file_name())
            .map(|f| f.to_string_lossy().into_owned()),
        source_date_epoch: src.source_date_epoch,
        port_sources_sha256: port_sha,
        patches: patch_set
            .iter()
            .map(|p| (p.name.clone(), p.sha256.clone()))
            .collect(),
        port_sources_files: port_files,
        toolchain: tc.description.clone(),
        toolchain_kind: tc.kind.to_string(),
        binaryen_version: wasm_opt.version.clone(),
        wasm_eh: tc.eh.make_value().to_string(),
        make_flags: make_vars
            .iter()
            .map(|(k, v)| format!("{k}={}", rel_value(v)))
            .chain(args.extra_make_args.iter().cloned())
            .collect(),
        post_processing: selected.candidate.passes.clone(),
        post_processing_candidate: selected.candidate.name.to_string(),
        post_processing_rejected: selected.rejected.clone(),
        wasm_features: post::WASM_FEATURES.iter().map(|s| s.to_string()).collect(),
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
        build_seconds: seconds,
    };
    record.write(&manifest_path)?;
    Ok(Outcome {
        output,
        size,
        sha256,
        candidate: selected.candidate.name.to_string(),
        seconds,
    })
}
