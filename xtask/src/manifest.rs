//! artifacts/manifest.json: what went into the artifact, and the
//! up-to-date check of `ensure-artifact`.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
pub use mpwasm_abi::manifest::{ArtifactManifest, path_for};
use sha2::{Digest, Sha256};

use crate::util::sha256_file;

/// Bumped whenever the build recipe changes in a way that changes the
/// artifact, so that `ensure-artifact` rebuilds. Pinned tool versions, the
/// wasm-opt passes and features are covered by [`recipe_sha256`] already.
pub const RECIPE_VERSION: u64 = 1;

/// Fingerprint of the xtask's pinned inputs: recipe version, zig and
/// Binaryen versions, the pinned Debian tarball, wasm-opt features and the
/// post-processing candidates.
pub fn recipe_sha256() -> String {
    let mut text = format!(
        "recipe {RECIPE_VERSION}\nzig {}\nbinaryen {}\ndebian {}\nfeatures {}\n",
        crate::toolchain::ZIG_VERSION,
        crate::toolchain::BINARYEN_VERSION,
        crate::source::DEBIAN_TARBALL_SHA256,
        crate::post::WASM_FEATURES.join(" "),
    );
    for c in crate::post::candidates(false, crate::toolchain::EhEncoding::Exnref) {
        text.push_str(&format!("candidate {} {}\n", c.name, c.passes.join(" ")));
    }
    crate::util::sha256_bytes(text.as_bytes())
}

pub const DEFAULT_ARTIFACT: &str = "artifacts/micropython-wasi.wasm";
pub const UNSPILLED_ARTIFACT: &str = "artifacts/micropython-wasi-unspilled.wasm";

/// Directories whose files make up the guest's own sources.
pub const PORT_SOURCE_DIRS: &[&str] = &["micropython-port", "micropython-usermod"];

/// Whether a file takes part in the port-sources hash: build outputs, editor
/// and Python caches, hidden files and Markdown documentation do not.
fn port_file_counts(rel: &Path, is_dir: bool) -> bool {
    let Some(name) = rel.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    if name.starts_with('.') || name == "__pycache__" {
        return false;
    }
    if is_dir {
        return !(name == "build" || name.starts_with("build-"));
    }
    !(name.ends_with(".md")
        || name.ends_with(".pyc")
        || name.ends_with(".swp")
        || name.ends_with('~'))
}

fn collect_files(root: &Path, rel: &Path, out: &mut Vec<String>) -> Result<()> {
    let dir = root.join(rel);
    for entry in fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let child = rel.join(entry.file_name());
        let file_type = entry
            .file_type()
            .with_context(|| format!("cannot stat {}", entry.path().display()))?;
        let is_dir = file_type.is_dir();
        if !port_file_counts(&child, is_dir) {
            continue;
        }
        if is_dir {
            collect_files(root, &child, out)?;
        } else {
            let s = child
                .to_str()
                .with_context(|| format!("path {} is not UTF-8", child.display()))?;
            out.push(s.replace('\\', "/"));
        }
    }
    Ok(())
}

/// SHA-256 over the guest's own sources: for each file, in byte order of
/// its repository-relative path, the path, a NUL, the length as 8
/// little-endian bytes and the contents. Returns (hash, number of files).
pub fn port_sources_sha256(repo_root: &Path) -> Result<(String, usize)> {
    let mut files = Vec::new();
    for dir in PORT_SOURCE_DIRS {
        collect_files(repo_root, Path::new(dir), &mut files)?;
    }
    files.sort();
    let mut hasher = Sha256::new();
    for rel in &files {
        let data = fs::read(repo_root.join(rel)).with_context(|| format!("cannot read {rel}"))?;
        hasher.update(rel.as_bytes());
        hasher.update([0u8]);
        hasher.update((data.len() as u64).to_le_bytes());
        hasher.update(&data);
    }
    Ok((hex::encode(hasher.finalize()), files.len()))
}

/// `seconds` rounded to tenths, as the manifest records durations.
pub fn tenths(seconds: f64) -> f64 {
    (seconds * 10.0).round() / 10.0
}

/// Write `manifest` as pretty JSON with a final newline.
pub fn write(manifest: &ArtifactManifest, path: &Path) -> Result<()> {
    let mut text =
        serde_json::to_string_pretty(manifest).context("cannot serialise the manifest")?;
    text.push('\n');
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Freshness {
    UpToDate { sha256: String, size: u64 },
    Stale(String),
}

/// Is `artifact` present, matching its manifest, spilled, made by this
/// recipe, and built from the current port sources?
pub fn check_fresh(artifact: &Path, port_sha256: &str) -> Result<Freshness> {
    let stale = |why: String| Ok(Freshness::Stale(why));
    if !artifact.is_file() {
        return stale(format!("{} is missing", artifact.display()));
    }
    let manifest_path = path_for(artifact);
    let Ok(text) = fs::read_to_string(&manifest_path) else {
        return stale(format!("{} is missing", manifest_path.display()));
    };
    let manifest: ArtifactManifest = match serde_json::from_str(&text) {
        Ok(m) => m,
        Err(e) => {
            return stale(format!(
                "{} is not a valid manifest: {e}",
                manifest_path.display()
            ));
        }
    };
    if manifest.recipe_version != RECIPE_VERSION || manifest.recipe_sha256 != recipe_sha256() {
        return stale(
            "the artifact was built by another build recipe (pinned tools or passes changed)"
                .into(),
        );
    }
    if !manifest.spilled {
        return stale("the artifact is not pointer-spilled".into());
    }
    if manifest.port_sources_sha256 != port_sha256 {
        return stale(
            "micropython-port/ or micropython-usermod/ changed since the last build".into(),
        );
    }
    let sha256 = sha256_file(artifact)?;
    if manifest.artifact_sha256 != sha256 {
        return stale(format!(
            "{} does not match the sha256 in its manifest",
            artifact.display()
        ));
    }
    let size = fs::metadata(artifact)
        .with_context(|| format!("cannot stat {}", artifact.display()))?
        .len();
    Ok(Freshness::UpToDate { sha256, size })
}

/// Refuse output names that would pass an unspilled build off as the real one.
pub fn check_output_name(output: &Path, no_spill: bool) -> Result<()> {
    let file = output
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .with_context(|| format!("--output {} has no file name", output.display()))?;
    if !file.ends_with(".wasm") {
        bail!("--output must name a .wasm file, not `{file}`");
    }
    let says_unspilled = file.contains("unspilled");
    if no_spill && !says_unspilled {
        bail!("with --no-spill the output file name must contain `unspilled` (got `{file}`)");
    }
    if !no_spill && says_unspilled {
        bail!("`{file}` names an unspilled build, but --no-spill was not given");
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;
    use mpwasm_abi::manifest::{DEFAULT_ARTIFACT_FILE, SourceRecord};

    use crate::util::sha256_bytes;

    fn record(artifact_sha256: &str, port: &str) -> ArtifactManifest {
        ArtifactManifest {
            artifact: DEFAULT_ARTIFACT_FILE.into(),
            artifact_sha256: artifact_sha256.into(),
            artifact_size: 4,
            binaryen_version: "wasm-opt version 132".into(),
            build_seconds: tenths(12.345),
            exports: vec!["mpw_init".into()],
            imports: vec![],
            make_flags: vec!["VARIANT=standard".into()],
            micropython_git_tag: "v1.25.0".into(),
            micropython_version: "1.25.0".into(),
            patches: vec![],
            port_sources_files: 3,
            port_sources_sha256: port.into(),
            post_processing: vec!["--spill-pointers".into(), "-O2".into()],
            post_processing_candidate: "spilled-O2".into(),
            post_processing_rejected: vec![],
            recipe_sha256: recipe_sha256(),
            recipe_version: RECIPE_VERSION,
            source: SourceRecord {
                commit: None,
                file: Some("micropython_1.25.0+ds.orig.tar.xz".into()),
                kind: "debian-tarball".into(),
                git_ref: Some("1.25.0+ds".into()),
                sha256: Some("ab".into()),
                source_date_epoch: 1_744_727_280,
                url: None,
            },
            spilled: true,
            toolchain: "zig 0.17.1".into(),
            toolchain_kind: "zig".into(),
            wasm_eh: "exnref".into(),
            wasm_features: vec!["--enable-bulk-memory".into()],
        }
    }

    #[test]
    fn the_written_manifest_has_the_documented_fields() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let path = tmp.path().join("manifest.json");
        write(&record("aa", "bb"), &path).expect("writes");
        let text = fs::read_to_string(&path).expect("reads");
        assert!(text.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        // The fields micropython-port/README.md lists.
        for key in [
            "micropython_version",
            "source",
            "port_sources_sha256",
            "toolchain",
            "binaryen_version",
            "make_flags",
            "post_processing",
            "wasm_features",
            "artifact_sha256",
            "artifact_size",
            "spilled",
            "exports",
            "imports",
            "build_seconds",
            "recipe_version",
            "recipe_sha256",
            "patches",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        for key in [
            "kind",
            "ref",
            "url",
            "sha256",
            "commit",
            "source_date_epoch",
        ] {
            assert!(v["source"].get(key).is_some(), "missing source.{key}");
        }
        assert_eq!(v["source"]["kind"], "debian-tarball");
        assert_eq!(v["source"]["sha256"], "ab");
        assert_eq!(v["build_seconds"], 12.3);
        assert_eq!(v["post_processing"][0], "--spill-pointers");
    }

    #[test]
    fn freshness_follows_manifest_and_sources() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let artifact = tmp.path().join(DEFAULT_ARTIFACT_FILE);
        let check = |port: &str| check_fresh(&artifact, port).expect("check runs");
        assert!(matches!(check("p1"), Freshness::Stale(why) if why.contains("missing")));

        fs::write(&artifact, b"wasm").expect("write artifact");
        assert!(matches!(check("p1"), Freshness::Stale(why) if why.contains("manifest.json")));

        let sha = sha256_bytes(b"wasm");
        write(&record(&sha, "p1"), &path_for(&artifact)).expect("write manifest");
        assert_eq!(
            check("p1"),
            Freshness::UpToDate {
                sha256: sha.clone(),
                size: 4
            }
        );
        assert!(matches!(check("p2"), Freshness::Stale(why) if why.contains("changed")));

        fs::write(&artifact, b"other").expect("rewrite artifact");
        assert!(matches!(check("p1"), Freshness::Stale(why) if why.contains("sha256")));

        let mut unspilled = record(&sha256_bytes(b"other"), "p1");
        unspilled.spilled = false;
        write(&unspilled, &path_for(&artifact)).expect("write manifest");
        assert!(matches!(check("p1"), Freshness::Stale(why) if why.contains("spilled")));

        let mut other_recipe = record(&sha256_bytes(b"other"), "p1");
        other_recipe.recipe_sha256 = "0".repeat(64);
        write(&other_recipe, &path_for(&artifact)).expect("write manifest");
        assert!(matches!(check("p1"), Freshness::Stale(why) if why.contains("recipe")));

        fs::write(path_for(&artifact), r#"{"artifact": 1}"#).expect("write manifest");
        assert!(
            matches!(check("p1"), Freshness::Stale(why) if why.contains("not a valid manifest"))
        );
        write(&record(&sha256_bytes(b"other"), "p1"), &path_for(&artifact)).expect("write");
        assert!(matches!(check("p1"), Freshness::UpToDate { size: 5, .. }));
    }

    #[test]
    fn port_hash_ignores_docs_and_build_outputs() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        fs::create_dir_all(root.join("micropython-port/variants/standard")).expect("mkdir");
        fs::create_dir_all(root.join("micropython-port/build-standard")).expect("mkdir");
        fs::create_dir_all(root.join("micropython-usermod/host")).expect("mkdir");
        fs::write(root.join("micropython-port/main.c"), "int x;").expect("write");
        fs::write(
            root.join("micropython-port/variants/standard/mpconfigvariant.h"),
            "",
        )
        .expect("write");
        fs::write(root.join("micropython-usermod/host/modhost.c"), "y").expect("write");
        let (h1, n1) = port_sources_sha256(root).expect("hash");
        assert_eq!(n1, 3);

        fs::write(root.join("micropython-port/README.md"), "docs").expect("write");
        fs::write(root.join("micropython-port/build-standard/x.o"), "obj").expect("write");
        fs::write(root.join("micropython-port/.main.c.swp"), "swap").expect("write");
        assert_eq!(port_sources_sha256(root).expect("hash"), (h1.clone(), 3));

        fs::write(root.join("micropython-usermod/host/modhost.c"), "z").expect("write");
        let (h2, _) = port_sources_sha256(root).expect("hash");
        assert_ne!(h1, h2);
    }

    #[test]
    fn output_names() {
        assert!(check_output_name(Path::new("artifacts/micropython-wasi.wasm"), false).is_ok());
        assert!(check_output_name(Path::new(UNSPILLED_ARTIFACT), true).is_ok());
        assert!(check_output_name(Path::new("artifacts/micropython-wasi.wasm"), true).is_err());
        assert!(check_output_name(Path::new(UNSPILLED_ARTIFACT), false).is_err());
        assert!(check_output_name(Path::new("artifacts/x.txt"), false).is_err());
    }
}
