//! The artifact manifest (`artifacts/manifest.json`): what went into a
//! built guest. `cargo xtask build-artifact` writes it, `ensure-artifact`
//! reads it to decide whether to rebuild, `mpwasm --version` shows parts.
//!
//! ```
//! use std::path::Path;
//! use mpwasm_abi::manifest;
//!
//! assert_eq!(
//!     manifest::path_for(Path::new("artifacts/micropython-wasi.wasm")),
//!     Path::new("artifacts/manifest.json")
//! );
//! assert_eq!(
//!     manifest::path_for(Path::new("out/micropython-wasi-unspilled.wasm")),
//!     Path::new("out/micropython-wasi-unspilled.manifest.json")
//! );
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The file name of the default artifact.
pub const DEFAULT_ARTIFACT_FILE: &str = "micropython-wasi.wasm";

/// The file name of the default artifact's manifest.
pub const DEFAULT_MANIFEST_FILE: &str = "manifest.json";

/// The manifest that goes with an artifact: `manifest.json` beside the
/// default `micropython-wasi.wasm`, `<stem>.manifest.json` beside any other
/// file (so that a test build never overwrites the real manifest).
pub fn path_for(artifact: &Path) -> PathBuf {
    let dir = artifact.parent().unwrap_or(Path::new("."));
    let file = artifact
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    if file == DEFAULT_ARTIFACT_FILE {
        dir.join(DEFAULT_MANIFEST_FILE)
    } else {
        let stem = artifact
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(file);
        dir.join(format!("{stem}.manifest.json"))
    }
}

/// Everything `manifest.json` records.
///
/// The fields are in alphabetical order, the order the file has always
/// had, so that a manifest written by this struct is byte-identical to the
/// earlier hand-built JSON. Paths are relative to the repository root when
/// they lie inside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArtifactManifest {
    /// The artifact's file name, e.g. `micropython-wasi.wasm`.
    pub artifact: String,
    /// SHA-256 of the artifact, lowercase hex.
    pub artifact_sha256: String,
    /// The artifact's size in bytes.
    pub artifact_size: u64,
    /// `wasm-opt --version` of the Binaryen that post-processed it.
    pub binaryen_version: String,
    /// Wall-clock seconds of the build, to one decimal.
    pub build_seconds: f64,
    /// Export names, in the module's order.
    pub exports: Vec<String>,
    /// Imports as `module.name`, in the module's order.
    pub imports: Vec<String>,
    /// The make variables of the port build (`NAME=value`), then the
    /// `--extra-make-arg`s.
    pub make_flags: Vec<String>,
    /// `MICROPY_GIT_TAG`, e.g. `v1.25.0`.
    pub micropython_git_tag: String,
    /// The MicroPython release, e.g. `1.25.0`.
    pub micropython_version: String,
    /// `micropython-port/patches/*.patch` applied to the tree, in order
    /// (absent in manifests written before patches existed).
    #[serde(default)]
    pub patches: Vec<PatchRecord>,
    /// How many files `port_sources_sha256` covers.
    pub port_sources_files: u64,
    /// SHA-256 over the files of `micropython-port/` and
    /// `micropython-usermod/` (see `micropython-port/README.md`).
    pub port_sources_sha256: String,
    /// The wasm-opt passes of the selected candidate.
    pub post_processing: Vec<String>,
    /// The selected post-processing candidate, e.g. `spilled-O2`.
    pub post_processing_candidate: String,
    /// Candidates tried before the selected one, and why they failed.
    pub post_processing_rejected: Vec<RejectedCandidate>,
    /// Fingerprint of the xtask's pinned tools and passes.
    pub recipe_sha256: String,
    /// The xtask's build recipe version.
    pub recipe_version: u64,
    /// Where the MicroPython source came from.
    pub source: SourceRecord,
    /// Whether Binaryen's `--spill-pointers` ran (false only for the
    /// deliberately broken GC-test build).
    pub spilled: bool,
    /// The C toolchain, e.g. `zig 0.17.1`.
    pub toolchain: String,
    /// `zig` or `wasi-sdk`.
    pub toolchain_kind: String,
    /// The exception-handling encoding the compiler emitted: `exnref` or
    /// `legacy`.
    pub wasm_eh: String,
    /// The wasm-opt `--enable-*` feature flags.
    pub wasm_features: Vec<String>,
}

/// The `source` object of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// The git commit, for a git source.
    pub commit: Option<String>,
    /// The tarball's file name, for a tarball source.
    pub file: Option<String>,
    /// `debian-tarball`, `tarball`, `git` or `dir`.
    pub kind: String,
    /// The git ref or the Debian version the source is.
    #[serde(rename = "ref")]
    pub git_ref: Option<String>,
    /// SHA-256 of the tarball.
    pub sha256: Option<String>,
    /// The source's release time (Unix seconds), passed to the build.
    pub source_date_epoch: u64,
    /// The git repository, for a git source.
    pub url: Option<String>,
}

/// One applied patch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatchRecord {
    /// The file name under `micropython-port/patches/`.
    pub name: String,
    /// SHA-256 of the patch file.
    pub sha256: String,
}

/// A post-processing candidate that was not selected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedCandidate {
    /// The candidate's name, e.g. `spilled-O2`.
    pub candidate: String,
    /// Why it was rejected.
    pub reason: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// A manifest written by the xtask before this struct existed (no
    /// `patches` yet), exactly as it was on disk.
    const WRITTEN_BEFORE: &str = include_str!("../tests/data/manifest-before-patches.json");

    fn sample() -> ArtifactManifest {
        let mut m: ArtifactManifest = serde_json::from_str(WRITTEN_BEFORE).expect("reads");
        m.patches = vec![PatchRecord {
            name: "0100-x.patch".into(),
            sha256: "cd".into(),
        }];
        m.post_processing_rejected = vec![RejectedCandidate {
            candidate: "spilled-O2".into(),
            reason: "wasm-opt failed".into(),
        }];
        m
    }

    #[test]
    fn reads_a_manifest_written_before_and_writes_it_back_identically() {
        let m: ArtifactManifest = serde_json::from_str(WRITTEN_BEFORE).expect("reads");
        assert_eq!(m.micropython_version, "1.25.0");
        assert_eq!(m.source.kind, "debian-tarball");
        assert_eq!(m.source.git_ref.as_deref(), Some("1.25.0+ds"));
        assert!(m.patches.is_empty());
        let mut text = serde_json::to_string_pretty(&m).expect("writes");
        text.push('\n');
        let without_patches = text.replace("  \"patches\": [],\n", "");
        assert_eq!(without_patches, WRITTEN_BEFORE);
    }

    #[test]
    fn the_layout_is_the_one_the_xtask_always_wrote() {
        // Nesting and names of the objects inside the manifest.
        let v = serde_json::to_value(sample()).expect("serialises");
        assert_eq!(v["source"]["ref"], "1.25.0+ds");
        assert_eq!(v["source"]["commit"], serde_json::Value::Null);
        assert_eq!(
            v["patches"],
            serde_json::json!([{"name": "0100-x.patch", "sha256": "cd"}])
        );
        assert_eq!(
            v["post_processing_rejected"],
            serde_json::json!([{"candidate": "spilled-O2", "reason": "wasm-opt failed"}])
        );
        let back: ArtifactManifest = serde_json::from_value(v).expect("reads back");
        assert_eq!(back, sample());
        // The top-level keys of the written text (indented by two spaces).
        let text = serde_json::to_string_pretty(&sample()).expect("writes");
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("  \""))
            .filter_map(|l| l.split('"').next())
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "fields stay in alphabetical order");
        assert!(keys.contains(&"patches") && keys.len() == 24, "{keys:?}");
    }
}
