//! Locates the guest to embed: in this repository the one `cargo xtask
//! build-artifact` just wrote to `artifacts/` (so tests always run the
//! fresh guest), in a published package the copy `cargo xtask package`
//! placed in `artifact/`. Checks that the manifest describes these bytes.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const WASM: &str = "micropython-wasi.wasm";
const MANIFEST: &str = "manifest.json";

fn fail(message: String) -> ! {
    // A build script's panic message is shown by cargo as the error.
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn guest_dir(crate_dir: &Path) -> PathBuf {
    let repo = crate_dir.join("../..");
    if repo.join("micropython-port").is_dir() && repo.join("Cargo.toml").is_file() {
        repo.join("artifacts")
    } else {
        crate_dir.join("artifact")
    }
}

/// The value of `"key": "value"` in the manifest (flat string fields only:
/// a JSON parser would be a build dependency for two fields).
fn manifest_field(manifest: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\":");
    let rest = manifest[manifest.find(&needle)? + needle.len()..].trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

fn main() {
    let crate_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = guest_dir(&crate_dir);
    let wasm_path = dir.join(WASM);
    let manifest_path = dir.join(MANIFEST);
    println!("cargo:rerun-if-changed={}", wasm_path.display());
    println!("cargo:rerun-if-changed={}", manifest_path.display());

    let wasm = std::fs::read(&wasm_path).unwrap_or_else(|e| {
        fail(format!(
            "mpwasm-guest: no guest at {} ({e}): build it with `cargo xtask build-artifact`",
            wasm_path.display()
        ))
    });
    let manifest = std::fs::read_to_string(&manifest_path).unwrap_or_else(|e| {
        fail(format!(
            "mpwasm-guest: no manifest at {} ({e}): build the guest with `cargo xtask build-artifact`",
            manifest_path.display()
        ))
    });
    let sha256 = format!("{:x}", Sha256::digest(&wasm));
    match manifest_field(&manifest, "artifact_sha256") {
        Some(listed) if listed == sha256 => {}
        other => fail(format!(
            "mpwasm-guest: {} lists sha256 {other:?} but {} has {sha256}: rebuild with `cargo xtask build-artifact`",
            manifest_path.display(),
            wasm_path.display()
        )),
    }
    let version = manifest_field(&manifest, "micropython_version").unwrap_or_default();
    println!("cargo:rustc-env=MPWASM_GUEST_WASM={}", wasm_path.display());
    println!(
        "cargo:rustc-env=MPWASM_GUEST_MANIFEST={}",
        manifest_path.display()
    );
    println!("cargo:rustc-env=MPWASM_GUEST_SHA256={sha256}");
    println!("cargo:rustc-env=MPWASM_GUEST_MICROPYTHON_VERSION={version}");
}
