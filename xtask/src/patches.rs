//! Our patches to the fetched MicroPython tree: `micropython-port/patches/*.patch`,
//! applied in file-name order to a copy of the pristine tree.
//!
//! The copy lives at `<work>/src-patched/` and is kept between builds: when
//! the patch set changes, only the files the old set touched are restored
//! from the pristine tree before the new set is applied, so make rebuilds
//! just what depends on them. With no patches the pristine tree is used as
//! it is. The patches are port sources, so they are part of the artifact's
//! freshness fingerprint (`port_sources_sha256`); the manifest also lists
//! them by name and sha256.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::util::{remove_dir_if_exists, sha256_bytes};

pub const PATCH_DIR_REL: &str = "micropython-port/patches";

/// One patch file: its name and the sha256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    pub name: String,
    pub sha256: String,
    path: PathBuf,
    text: String,
}

/// The patch files of the repository, in application order.
pub fn list(repo_root: &Path) -> Result<Vec<Patch>> {
    let dir = repo_root.join(PATCH_DIR_REL);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.extension().and_then(|e| e.to_str()) != Some("patch") {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let text = String::from_utf8(bytes.clone())
            .with_context(|| format!("{} is not UTF-8", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Patch {
            name,
            sha256: sha256_bytes(&bytes),
            path,
            text,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Paths (relative to the tree) that a unified diff modifies or creates.
fn touched_files(text: &str) -> Vec<String> {
    let mut files = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("+++ ") {
            let path = rest.split('\t').next().unwrap_or(rest).trim();
            if path == "/dev/null" {
                continue;
            }
            let rel = path.split_once('/').map(|(_, r)| r).unwrap_or(path);
            if !files.iter().any(|f| f == rel) {
                files.push(rel.to_string());
            }
        }
    }
    files
}

const BASE_STAMP: &str = ".mpwasm-patch-base";
const APPLIED_STAMP: &str = ".mpwasm-patches-applied";

/// The tree to build from: `pristine` itself when there are no patches,
/// else `<work>/src-patched` with every patch applied.
pub fn prepare(sh: &Shell, pristine: &Path, work: &Path, patches: &[Patch]) -> Result<PathBuf> {
    if patches.is_empty() {
        return Ok(pristine.to_path_buf());
    }
    let dest = work.join("src-patched");
    let base_id = format!("{}\n", pristine.display());
    if fs::read_to_string(dest.join(BASE_STAMP)).ok().as_deref() != Some(base_id.as_str()) {
        eprintln!("==> copying the MicroPython tree for patching");
        remove_dir_if_exists(&dest)?;
        fs::create_dir_all(&dest).with_context(|| format!("cannot create {}", dest.display()))?;
        sh.cmd("cp")
            .arg("-a")
            .arg(format!("{}/.", pristine.display()))
            .arg(&dest)
            .run()
            .context("copying the MicroPython tree failed")?;
        let _ = fs::remove_file(dest.join(APPLIED_STAMP));
        fs::write(dest.join(BASE_STAMP), &base_id).context("cannot write the patch-base stamp")?;
    }
    let wanted: String = patches
        .iter()
        .map(|p| format!("{} {}\n", p.sha256, p.name))
        .collect();
    let applied = fs::read_to_string(dest.join(APPLIED_STAMP)).ok();
    if applied.as_deref() == Some(wanted.as_str()) {
        return Ok(dest);
    }
    // Undo whatever an earlier patch set changed (the stamp lists the files).
    let old_files =
        fs::read_to_string(dest.join(format!("{APPLIED_STAMP}.files"))).unwrap_or_default();
    for rel in old_files.lines().filter(|l| !l.is_empty()) {
        restore(pristine, &dest, rel)?;
    }
    let _ = fs::remove_file(dest.join(APPLIED_STAMP));
    let mut all_files: Vec<String> = Vec::new();
    for p in patches {
        for f in touched_files(&p.text) {
            // Restore first too: a crash between applying and stamping must
            // not leave a half-patched file that the next run patches again.
            restore(pristine, &dest, &f)?;
            if !all_files.contains(&f) {
                all_files.push(f);
            }
        }
    }
    fs::write(
        dest.join(format!("{APPLIED_STAMP}.files")),
        all_files.join("\n") + "\n",
    )
    .context("cannot write the patched-files list")?;
    for p in patches {
        eprintln!("==> applying {}", p.name);
        sh.cmd("patch")
            .arg("-p1")
            .arg("--batch")
            .arg("--forward")
            .arg("--no-backup-if-mismatch")
            .arg("-d")
            .arg(&dest)
            .arg("-i")
            .arg(&p.path)
            .run()
            .with_context(|| format!("patch {} does not apply", p.name))?;
    }
    fs::write(dest.join(APPLIED_STAMP), &wanted).context("cannot write the patch stamp")?;
    Ok(dest)
}

/// Put `rel` back as it is in the pristine tree (remove it if the pristine
/// tree has no such file), with a fresh mtime so make notices.
fn restore(pristine: &Path, dest: &Path, rel: &str) -> Result<()> {
    if rel.contains("..") {
        bail!("patched path {rel} leaves the tree");
    }
    let from = pristine.join(rel);
    let to = dest.join(rel);
    if from.is_file() {
        let data = fs::read(&from).with_context(|| format!("cannot read {}", from.display()))?;
        fs::write(&to, data).with_context(|| format!("cannot write {}", to.display()))?;
    } else if to.exists() {
        fs::remove_file(&to).with_context(|| format!("cannot remove {}", to.display()))?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn touched_files_of_a_unified_diff() {
        let diff = "--- a/py/objtype.c\t2025\n+++ b/py/objtype.c\t2025\n@@ -1 +1 @@\n-x\n+y\n\
                    --- /dev/null\n+++ b/py/new.c\n@@ -0,0 +1 @@\n+z\n";
        assert_eq!(touched_files(diff), vec!["py/objtype.c", "py/new.c"]);
    }

    #[test]
    fn patches_apply_restore_and_reapply() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path();
        let pristine = tmp.join("src");
        let work = tmp.join("work");
        let repo = tmp.join("repo");
        fs::create_dir_all(pristine.join("py")).unwrap();
        fs::create_dir_all(repo.join(PATCH_DIR_REL)).unwrap();
        fs::write(pristine.join("py/a.c"), "one\ntwo\n").unwrap();
        let sh = Shell::new().unwrap();
        assert!(list(&repo).unwrap().is_empty());
        assert_eq!(prepare(&sh, &pristine, &work, &[]).unwrap(), pristine);

        let p1 = "--- a/py/a.c\n+++ b/py/a.c\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n";
        fs::write(repo.join(PATCH_DIR_REL).join("0300-a.patch"), p1).unwrap();
        let set = list(&repo).unwrap();
        let tree = prepare(&sh, &pristine, &work, &set).unwrap();
        assert_eq!(
            fs::read_to_string(tree.join("py/a.c")).unwrap(),
            "one\nTWO\n"
        );
        // Unchanged set: nothing re-applied (patch --forward would fail).
        prepare(&sh, &pristine, &work, &set).unwrap();
        // A changed set starts from the pristine file again.
        let p2 = "--- a/py/a.c\n+++ b/py/a.c\n@@ -1,2 +1,2 @@\n-one\n+ONE\n two\n";
        fs::write(repo.join(PATCH_DIR_REL).join("0300-a.patch"), p2).unwrap();
        let set = list(&repo).unwrap();
        prepare(&sh, &pristine, &work, &set).unwrap();
        assert_eq!(
            fs::read_to_string(tree.join("py/a.c")).unwrap(),
            "ONE\ntwo\n"
        );
        assert_eq!(
            fs::read_to_string(pristine.join("py/a.c")).unwrap(),
            "one\ntwo\n"
        );
    }
}
