//! `cargo xtask codegen`: files generated from `crates/mpwasm-abi`, today
//! the C header the guest includes.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::util::write_if_changed;

/// The generated header, relative to the repository root.
pub const C_HEADER: &str = "micropython-port/mpwasm_abi.h";

/// Whether the committed header is what the crate generates.
pub fn header_is_current(repo_root: &Path) -> Result<bool> {
    let path = repo_root.join(C_HEADER);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text == mpwasm_abi::c_header()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Write the header, or with `check` only compare it.
pub fn run(repo_root: &Path, check: bool) -> Result<()> {
    if check {
        if !header_is_current(repo_root)? {
            bail!(
                "{C_HEADER} differs from what crates/mpwasm-abi generates: run `cargo xtask codegen` \
                 (never edit the header by hand)"
            );
        }
        println!("{C_HEADER} is up to date");
        return Ok(());
    }
    let wrote = write_if_changed(&repo_root.join(C_HEADER), mpwasm_abi::c_header().as_bytes())?;
    println!(
        "{C_HEADER} {}",
        if wrote {
            "written"
        } else {
            "already up to date"
        }
    );
    Ok(())
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn writes_then_checks_the_header() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        assert!(!header_is_current(root).expect("missing is not current"));
        assert!(run(root, true).is_err(), "a missing header fails the check");
        run(root, false).expect("writes");
        let path = root.join(C_HEADER);
        assert_eq!(
            fs::read_to_string(&path).expect("written"),
            mpwasm_abi::c_header()
        );
        run(root, true).expect("the written header passes");

        fs::write(
            &path,
            mpwasm_abi::c_header().replace("MPW_STATUS_OK 0", "MPW_STATUS_OK 7"),
        )
        .expect("edit");
        let err = run(root, true).expect_err("an edited header fails the check");
        assert!(format!("{err}").contains("cargo xtask codegen"), "{err}");
        run(root, false).expect("rewrites");
        run(root, true).expect("current again");
    }

    #[test]
    fn the_committed_header_is_current() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert!(
            header_is_current(&repo).expect("readable"),
            "run `cargo xtask codegen`"
        );
    }
}
