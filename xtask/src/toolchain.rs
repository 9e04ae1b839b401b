//! The C toolchain (zig from PyPI by default, or a wasi-sdk) and Binaryen's
//! wasm-opt (from npm by default, or a given binary), provisioned under
//! `.toolchain/` when missing.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

use crate::cli::WasmEh;
use crate::util::{make_executable, remove_dir_if_exists, sh_quote, write_if_changed};

pub const ZIG_VERSION: &str = "0.17.1";
pub const BINARYEN_VERSION: &str = "132.0.0";

/// Exception-handling encoding the compiler emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EhEncoding {
    Exnref,
    Legacy,
}

impl EhEncoding {
    pub fn make_value(self) -> &'static str {
        match self {
            EhEncoding::Exnref => "exnref",
            EhEncoding::Legacy => "legacy",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Toolchain {
    /// "zig" or "wasi-sdk".
    pub kind: &'static str,
    /// For the manifest: `zig 0.17.1` or the first line of `clang --version`.
    pub description: String,
    /// One-word compiler command for make's CC (a wrapper script).
    pub cc: PathBuf,
    /// Extra make variables (WASM_TARGET_FLAGS, WASI_LIBS).
    pub make_vars: Vec<(String, String)>,
    pub eh: EhEncoding,
}

fn write_wrapper(path: &Path, script: &str) -> Result<()> {
    if write_if_changed(path, script.as_bytes())? {
        eprintln!("==> wrote {}", path.display());
    }
    make_executable(path)
}

/// zig from the `ziglang` PyPI wheel, installed into
/// `.toolchain/ziglang-<version>` when missing or of another version.
pub fn zig(sh: &Shell, toolchain_dir: &Path, requested_eh: WasmEh) -> Result<Toolchain> {
    let prefix = toolchain_dir.join(format!("ziglang-{ZIG_VERSION}"));
    let zig = prefix.join("ziglang").join("zig");
    let installed = cmd!(sh, "{zig} version")
        .quiet()
        .ignore_stderr()
        .read()
        .ok();
    if installed.as_deref().map(str::trim) != Some(ZIG_VERSION) {
        eprintln!(
            "==> installing zig {ZIG_VERSION} (PyPI ziglang) into {}",
            prefix.display()
        );
        remove_dir_if_exists(&prefix)?;
        let spec = format!("ziglang=={ZIG_VERSION}");
        cmd!(
            sh,
            "python3 -m pip install --disable-pip-version-check --no-deps --target {prefix} {spec}"
        )
        .run()
        .context("installing zig with `python3 -m pip` failed (is PyPI reachable?)")?;
    }
    let version = cmd!(sh, "{zig} version")
        .quiet()
        .read()
        .with_context(|| format!("cannot run {}", zig.display()))?;
    if version.trim() != ZIG_VERSION {
        bail!(
            "{} reports version {}, expected {ZIG_VERSION}",
            zig.display(),
            version.trim()
        );
    }
    let cc = toolchain_dir.join("bin").join("zig-wasm-cc");
    let zig_str = zig
        .to_str()
        .with_context(|| format!("path {} is not UTF-8", zig.display()))?;
    write_wrapper(
        &cc,
        &format!("#!/bin/sh\nexec {} cc \"$@\"\n", sh_quote(zig_str)),
    )?;
    // zig 0.17's LLVM emits exnref; `legacy` is honoured for testing the
    // translation path.
    let eh = match requested_eh {
        WasmEh::Legacy => EhEncoding::Legacy,
        WasmEh::Auto | WasmEh::Exnref => EhEncoding::Exnref,
    };
    Ok(Toolchain {
        kind: "zig",
        description: format!("zig {ZIG_VERSION}"),
        cc,
        make_vars: vec![(
            "WASM_TARGET_FLAGS".into(),
            // zig cc spells the target `wasm32-wasi` (it rejects
            // `wasm32-wasip1`). The port builds with -Werror; keep
            // deprecation warnings (none with zig 0.17.1 today) from
            // failing the build, as in the verified recipe.
            "-target wasm32-wasi -Wno-error=deprecated".into(),
        )],
        eh,
    })
}

/// A wasi-sdk installation (`PATH/bin/clang`, `PATH/share/wasi-sysroot`).
pub fn wasi_sdk(
    sh: &Shell,
    sdk: &Path,
    toolchain_dir: &Path,
    probe_dir: &Path,
    requested_eh: WasmEh,
) -> Result<Toolchain> {
    let clang = sdk.join("bin").join("clang");
    let sysroot = sdk.join("share").join("wasi-sysroot");
    if !clang.is_file() {
        bail!(
            "{} not found: --wasi-sdk/WASI_SDK_PATH must point to a wasi-sdk directory",
            clang.display()
        );
    }
    if !sysroot.is_dir() {
        bail!("{} not found in the wasi-sdk", sysroot.display());
    }
    let version = cmd!(sh, "{clang} --version")
        .quiet()
        .read()
        .with_context(|| format!("cannot run {}", clang.display()))?;
    let description = version.lines().next().unwrap_or("clang").trim().to_string();
    let to_str = |p: &Path| -> Result<String> {
        p.to_str()
            .map(str::to_string)
            .with_context(|| format!("path {} is not UTF-8", p.display()))
    };
    let cc = toolchain_dir.join("bin").join("wasi-sdk-cc");
    write_wrapper(
        &cc,
        &format!(
            "#!/bin/sh\nexec {} --sysroot={} \"$@\"\n",
            sh_quote(&to_str(&clang)?),
            sh_quote(&to_str(&sysroot)?)
        ),
    )?;
    let eh = match requested_eh {
        WasmEh::Exnref => EhEncoding::Exnref,
        WasmEh::Legacy => EhEncoding::Legacy,
        WasmEh::Auto => {
            if probe_exnref(sh, &cc, probe_dir)? {
                EhEncoding::Exnref
            } else {
                eprintln!(
                    "==> {description} does not support -wasm-use-legacy-eh=false (LLVM < 20): \
                     building legacy EH and translating it with wasm-opt --translate-to-exnref"
                );
                EhEncoding::Legacy
            }
        }
    };
    Ok(Toolchain {
        kind: "wasi-sdk",
        description,
        cc,
        make_vars: vec![
            ("WASM_TARGET_FLAGS".into(), "--target=wasm32-wasip1".into()),
            ("WASI_LIBS".into(), "-lsetjmp".into()),
        ],
        eh,
    })
}

/// Whether the compiler accepts `-mllvm -wasm-use-legacy-eh=false` (LLVM >= 20).
fn probe_exnref(sh: &Shell, cc: &Path, probe_dir: &Path) -> Result<bool> {
    fs::create_dir_all(probe_dir)
        .with_context(|| format!("cannot create {}", probe_dir.display()))?;
    let src = probe_dir.join("eh_probe.c");
    let obj = probe_dir.join("eh_probe.o");
    fs::write(&src, "int mpw_probe(void) { return 0; }\n")
        .with_context(|| format!("cannot write {}", src.display()))?;
    let out = cmd!(
        sh,
        "{cc} --target=wasm32-wasip1 -mexception-handling -mllvm -wasm-enable-sjlj -mllvm -wasm-use-legacy-eh=false -c {src} -o {obj}"
    )
    .quiet()
    .ignore_status()
    .output()
    .with_context(|| format!("cannot run {}", cc.display()))?;
    Ok(out.status.success())
}

/// How to run wasm-opt.
#[derive(Debug, Clone)]
pub struct WasmOpt {
    pub program: PathBuf,
    /// Arguments before wasm-opt's own (the script path when run by node).
    pub prefix_args: Vec<OsString>,
    /// `wasm-opt --version` output.
    pub version: String,
}

impl WasmOpt {
    pub fn cmd<'a>(&self, sh: &'a Shell) -> xshell::Cmd<'a> {
        sh.cmd(&self.program).args(&self.prefix_args)
    }
}

impl WasmOpt {
    /// Probe `program prefix_args... --version`; `what` says what failed.
    fn probe(
        sh: &Shell,
        program: PathBuf,
        prefix_args: Vec<OsString>,
        what: &str,
    ) -> Result<WasmOpt> {
        let mut w = WasmOpt {
            program,
            prefix_args,
            version: String::new(),
        };
        w.version = w
            .cmd(sh)
            .arg("--version")
            .quiet()
            .read()
            .with_context(|| what.to_string())?
            .trim()
            .to_string();
        Ok(w)
    }
}

/// A given wasm-opt binary.
pub fn wasm_opt_at(sh: &Shell, path: &Path) -> Result<WasmOpt> {
    WasmOpt::probe(
        sh,
        path.to_path_buf(),
        Vec::new(),
        &format!("cannot run {} --version", path.display()),
    )
}

fn installed_npm_version(package_json: &Path) -> Option<String> {
    let text = fs::read_to_string(package_json).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.get("version")?.as_str().map(str::to_string)
}

/// Binaryen from the `binaryen` npm package (wasm-opt compiled to Wasm, run
/// by node), installed into `.toolchain/binaryen-<version>` when missing.
pub fn binaryen(sh: &Shell, toolchain_dir: &Path) -> Result<WasmOpt> {
    let prefix = toolchain_dir.join(format!("binaryen-{BINARYEN_VERSION}"));
    let package = prefix.join("node_modules").join("binaryen");
    if installed_npm_version(&package.join("package.json")).as_deref() != Some(BINARYEN_VERSION) {
        eprintln!(
            "==> installing Binaryen {BINARYEN_VERSION} (npm binaryen) into {}",
            prefix.display()
        );
        remove_dir_if_exists(&prefix)?;
        fs::create_dir_all(&prefix)
            .with_context(|| format!("cannot create {}", prefix.display()))?;
        let spec = format!("binaryen@{BINARYEN_VERSION}");
        cmd!(
            sh,
            "npm install --prefix {prefix} --no-audit --no-fund --loglevel=error {spec}"
        )
        .run()
        .context("installing Binaryen with npm failed (are node/npm installed and the npm registry reachable?)")?;
    }
    let script = package.join("bin").join("wasm-opt");
    if !script.is_file() {
        bail!("{} missing after installing Binaryen", script.display());
    }
    WasmOpt::probe(
        sh,
        PathBuf::from("node"),
        vec![script.into_os_string()],
        "cannot run Binaryen's wasm-opt with node (is node installed?)",
    )
}
