//! `--version` and the REPL banner: this crate's version plus the
//! MicroPython version and sha256 recorded in the guest's `manifest.json`
//! (the bundled guest's, or the one next to a guest file).

use std::path::{Path, PathBuf};

use mpwasm_abi::manifest::ArtifactManifest as Manifest;
use sha2::{Digest, Sha256};

/// What we know about the guest: a file (`--artifact`, `$MPWASM_ARTIFACT`)
/// or the one bundled into this binary.
#[derive(Debug, Clone)]
pub struct ArtifactInfo {
    /// The guest file, `None` for the bundled guest.
    pub path: Option<PathBuf>,
    /// The manifest, or why there is none.
    pub manifest: Result<Manifest, String>,
}

impl ArtifactInfo {
    /// Read the manifest next to `artifact`, or the bundled guest's (never
    /// fails: a missing or bad manifest is recorded).
    pub fn load(artifact: Option<&Path>) -> Self {
        let Some(artifact) = artifact else {
            let manifest = match mpwasm_core::bundled_guest() {
                Some(guest) => serde_json::from_str::<Manifest>(guest.manifest_json)
                    .map_err(|e| format!("the bundled manifest is not valid: {e}")),
                None => Err("this build bundles no guest".to_owned()),
            };
            return ArtifactInfo {
                path: None,
                manifest,
            };
        };
        let manifest_path = artifact
            .parent()
            .unwrap_or(Path::new("."))
            .join("manifest.json");
        let manifest = match std::fs::read(&manifest_path) {
            Ok(bytes) => serde_json::from_slice::<Manifest>(&bytes)
                .map_err(|e| format!("{} is not a valid manifest: {e}", manifest_path.display())),
            Err(e) => Err(format!("no manifest at {}: {e}", manifest_path.display())),
        };
        ArtifactInfo {
            path: Some(artifact.to_path_buf()),
            manifest,
        }
    }

    /// `MicroPython 1.25.0` or `MicroPython (unknown version)`.
    pub fn micropython(&self) -> String {
        match self
            .manifest
            .as_ref()
            .ok()
            .map(|m| m.micropython_version.as_str())
        {
            Some(v) => format!("MicroPython {v}"),
            None => "MicroPython (unknown version)".to_owned(),
        }
    }
}

/// The text of `mpwasm --version` for the guest file `artifact` (`None`: the
/// bundled guest).
pub fn version_text(artifact: Option<&Path>) -> String {
    let info = ArtifactInfo::load(artifact);
    let mut text = format!("mpwasm {}\n", env!("CARGO_PKG_VERSION"));
    let actual = match artifact {
        Some(path) => {
            let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            text.push_str(&format!(
                "{} (artifact {})\n",
                info.micropython(),
                shown.display()
            ));
            std::fs::read(path).map(|b| format!("{:x}", Sha256::digest(&b)))
        }
        None => {
            text.push_str(&format!("{} (bundled guest)\n", info.micropython()));
            mpwasm_core::bundled_guest()
                .map(|g| g.sha256.to_owned())
                .ok_or_else(|| std::io::Error::other("no bundled guest"))
        }
    };
    match (&info.manifest, &actual) {
        (Ok(m), Ok(sha)) => {
            text.push_str(&format!("artifact sha256 {sha}\n"));
            if &m.artifact_sha256 != sha {
                text.push_str(&format!(
                    "warning: the manifest lists sha256 {}: the artifact was changed after its manifest was written\n",
                    m.artifact_sha256
                ));
            }
            text.push_str(&format!("built with {}\n", m.toolchain));
        }
        (Err(why), Ok(sha)) => {
            text.push_str(&format!("artifact sha256 {sha}\n"));
            text.push_str(&format!("MicroPython version unknown: {why}\n"));
        }
        (_, Err(e)) => {
            text.push_str(&format!("artifact unreadable: {e}\n"));
            if let Err(why) = &info.manifest {
                text.push_str(&format!("MicroPython version unknown: {why}\n"));
            }
        }
    }
    text
}
