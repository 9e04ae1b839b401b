//! Keeps docs and code honest: the guest ABI names in `abi.rs` are the ones
//! the port exports and documents, every crate opens with a doc comment, and
//! the README and ARCHITECTURE name every crate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn quoted_consts(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.trim_start().starts_with("pub(crate) const") && l.contains("&str"))
        .filter_map(|l| l.split('"').nth(1).map(str::to_owned))
        .collect()
}

#[test]
fn guest_abi_names_match_the_port_and_its_readme() {
    let abi = read("crates/mpwasm-core/src/abi.rs");
    let names = quoted_consts(&abi);
    assert!(names.len() >= 10, "found only {names:?}");
    let port_readme = read("micropython-port/README.md");
    let port_code = read("micropython-port/main.c") + &read("micropython-port/mpwasm_abi.h");
    for name in &names {
        assert!(
            port_readme.contains(name.as_str()),
            "micropython-port/README.md does not document `{name}`"
        );
        if name != "memory" && name != "_initialize" {
            assert!(
                port_code.contains(&format!("\"{name}\"")),
                "the port does not define `{name}`"
            );
        }
    }
}

#[test]
fn every_crate_opens_with_a_doc_comment_and_is_documented() {
    let readme = read("README.md");
    let architecture = read("ARCHITECTURE.md");
    for entry in std::fs::read_dir(repo().join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let root = ["src/lib.rs", "src/main.rs"]
            .iter()
            .map(|f| dir.join(f))
            .find(|p| p.exists())
            .unwrap();
        let text = std::fs::read_to_string(&root).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} must open with a //! doc",
            root.display()
        );
        assert!(readme.contains(&name), "README.md does not mention {name}");
        assert!(
            architecture.contains(&name),
            "ARCHITECTURE.md does not mention {name}"
        );
    }
}

#[test]
fn ci_runs_the_readme_test_command() {
    let ci = read(".ci/run");
    let readme = read("README.md");
    assert!(ci.lines().any(|l| l.trim() == "cargo xtask test"));
    assert!(readme.contains("cargo xtask test"));
}
