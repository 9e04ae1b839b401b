//! Keeps docs and code honest: the guest ABI of `crates/mpwasm-abi` is what
//! the C header says (generated), what the port uses and what its README
//! documents; every crate opens with a doc comment, and the README and
//! ARCHITECTURE name every crate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The rows of the Markdown tables in `text`, as trimmed cells.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("| ---"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

fn doc_name(c_name: &str) -> String {
    c_name.to_ascii_lowercase().replace('_', " ")
}

/// The row whose first cell is `first`, or a failure naming what is missing.
fn row<'a>(rows: &'a [Vec<String>], first: &str, what: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.first().map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("micropython-port/README.md has no row for {what} ({first})"))
}

#[test]
fn the_c_header_is_generated_from_mpwasm_abi() {
    let committed = read("micropython-port/mpwasm_abi.h");
    assert!(
        committed == mpwasm_abi::c_header(),
        "micropython-port/mpwasm_abi.h differs from crates/mpwasm-abi: regenerate it with \
         `cargo xtask codegen` (never edit the header by hand)"
    );
}

#[test]
fn the_port_takes_every_abi_fact_from_the_header() {
    // Names and codes come from mpwasm_abi.h only: no literal export/import
    // attributes, no second copy of a code.
    for file in [
        "micropython-port/main.c",
        "micropython-port/mphalport.c",
        "micropython-usermod/host/modhost.c",
    ] {
        let code = read(file);
        for forbidden in ["export_name(", "import_name(", "import_module("] {
            assert!(
                !code.contains(forbidden),
                "{file} spells `{forbidden}`: use the macros of mpwasm_abi.h"
            );
        }
        for line in code.lines() {
            let l = line.trim_start();
            if let Some(def) = l.strip_prefix("#define MPW_").or(l.strip_prefix("MPW_")) {
                for prefix in ["STATUS_", "MODE_", "HOST_ERR_", "EXPORT_"] {
                    assert!(
                        !(l.starts_with("#define") && def.starts_with(prefix)),
                        "{file} redefines an ABI code: {line}"
                    );
                }
            }
        }
    }
    let main_c = read("micropython-port/main.c");
    assert!(main_c.contains("#include \"mpwasm_abi.h\""));
    for sig in mpwasm_abi::EXPORT_FUNCS {
        let Some(c_name) = sig.c_name else { continue };
        let macro_name = sig
            .name
            .trim_start_matches("mpw_")
            .replace('.', "_")
            .to_ascii_uppercase();
        let marker = format!("MPW_EXPORT(MPW_EXPORT_{macro_name})");
        let at = main_c
            .find(&marker)
            .unwrap_or_else(|| panic!("main.c does not export `{}` with {marker}", sig.name));
        let next_lines: String = main_c[at..].lines().take(3).collect();
        assert!(
            next_lines.contains(&format!("{c_name}(")),
            "{marker} in main.c is not followed by the definition of {c_name}"
        );
    }
}

#[test]
fn the_port_readme_documents_the_abi_as_defined() {
    let readme = read("micropython-port/README.md");
    let rows = table_rows(&readme);
    for sig in mpwasm_abi::EXPORT_FUNCS.iter().chain(mpwasm_abi::IMPORTS) {
        let r = row(&rows, &format!("`{}`", sig.name), "a function");
        assert_eq!(
            r.get(1).map(String::as_str),
            Some(format!("`{}`", sig.signature()).as_str()),
            "the README's signature of `{}`",
            sig.name
        );
    }
    row(
        &rows,
        &format!("`{}`", mpwasm_abi::export::MEMORY),
        "the memory",
    );
    for status in mpwasm_abi::ExecStatus::ALL {
        let r = row(&rows, &status.code().to_string(), "a status");
        assert_eq!(r[1], doc_name(status.c_name()), "status {}", status.code());
    }
    for failure in mpwasm_abi::CallFailure::ALL {
        let r = row(&rows, &failure.code().to_string(), "a host_call failure");
        assert_eq!(
            r[1],
            doc_name(failure.c_name()),
            "failure {}",
            failure.code()
        );
    }
    for mode in mpwasm_abi::ExecMode::ALL {
        let text = format!("`{}` {}", mode.code(), doc_name(mode.c_name()));
        assert!(readme.contains(&text), "the README does not say {text}");
    }
    for kind in mpwasm_abi::InterruptKind::ALL {
        let text = format!("`{}` {}", kind.code(), kind.c_name());
        assert!(readme.contains(&text), "the README does not say {text}");
    }
    // The two record tables: every field at its index, in order.
    for (record, fields) in [
        (
            "#### `mpw_info` record",
            mpwasm_abi::InfoField::ALL
                .iter()
                .map(|f| (f.index(), f.c_name()))
                .collect::<Vec<_>>(),
        ),
        (
            "#### `mpw_heap_info` record",
            mpwasm_abi::HeapField::ALL
                .iter()
                .map(|f| (f.index(), f.c_name()))
                .collect(),
        ),
    ] {
        let section = readme
            .split(record)
            .nth(1)
            .unwrap_or_else(|| panic!("the README has no section {record}"));
        let section = section.split("\n#").next().unwrap_or(section);
        let documented: Vec<(usize, String)> = table_rows(section)
            .into_iter()
            .skip(1)
            .map(|r| (r[0].parse().unwrap(), r[1].trim_matches('`').to_owned()))
            .collect();
        let defined: Vec<(usize, String)> =
            fields.into_iter().map(|(i, n)| (i, n.to_owned())).collect();
        assert_eq!(documented, defined, "the README's table under {record}");
    }
    assert!(readme.contains(&format!("`{}`", mpwasm_abi::IMPORT_MODULE)));
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

/// `## `name` (depends on: a, b)` headings of ARCHITECTURE.md.
fn architecture_dependency_lists() -> Vec<(String, Vec<String>)> {
    read("ARCHITECTURE.md")
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("## `")?;
            let (name, rest) = rest.split_once('`')?;
            let list = rest
                .trim()
                .strip_prefix("(depends on:")?
                .strip_suffix(')')?;
            let mut deps: Vec<String> = list
                .split(',')
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty() && d != "nothing")
                .collect();
            deps.sort();
            Some((name.to_owned(), deps))
        })
        .collect()
}

/// The keys of a Cargo.toml's `[dependencies]` table.
fn manifest_dependencies(manifest: &str) -> Vec<String> {
    let mut deps: Vec<String> = manifest
        .split("\n[")
        .find(|section| section.starts_with("dependencies]"))
        .map(|section| {
            section
                .lines()
                .skip(1)
                .filter_map(|l| {
                    let key = l.split(['=', '.']).next()?.trim();
                    (!key.is_empty() && !key.starts_with('#')).then(|| key.to_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    deps.sort();
    deps.dedup();
    deps
}

#[test]
fn architecture_lists_every_crates_dependencies() {
    let lists = architecture_dependency_lists();
    let mut crates: Vec<String> = std::fs::read_dir(repo().join("crates"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    crates.push("xtask".to_owned());
    for name in crates {
        let dir = if name == "xtask" {
            repo().join("xtask")
        } else {
            repo().join("crates").join(&name)
        };
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let (_, documented) = lists.iter().find(|(n, _)| *n == name).unwrap_or_else(|| {
            panic!("ARCHITECTURE.md has no `## `{name}` (depends on: ...)` heading")
        });
        assert_eq!(
            documented,
            &manifest_dependencies(&manifest),
            "ARCHITECTURE.md's dependencies of {name} differ from its Cargo.toml"
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

/// Third-party source and binaries built from it are never committed: the
/// built guest, wheels, packaged crates, native libraries.
#[test]
fn no_built_binary_is_committed() {
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(repo())
        .output()
        .expect("git ls-files runs in the repository");
    assert!(listed.status.success(), "git ls-files failed");
    let built: Vec<String> = listed
        .stdout
        .split(|&b| b == 0)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .filter(|p| {
            [
                ".wasm",
                ".whl",
                ".crate",
                ".so",
                ".dylib",
                ".a",
                ".snap.new",
            ]
            .iter()
            .any(|ext| p.ends_with(ext))
        })
        .collect();
    assert!(built.is_empty(), "built files are committed: {built:?}");
}
