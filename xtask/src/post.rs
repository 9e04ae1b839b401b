//! Binaryen post-processing of the linked guest, with candidates tried in a
//! fixed order.
//!
//! Order (the first candidate that wasm-opt produces *and* that passes the
//! ABI check is selected):
//!   1. `spilled-O2`: --spill-pointers -O2 --strip-debug (the normal artifact)
//!   2. `spilled-O1`: --spill-pointers -O1 --strip-debug
//!   3. `spilled-O0`: --spill-pointers --strip-debug
//!
//! With a legacy-EH build every candidate starts with --translate-to-exnref,
//! so the result always uses exnref (what wasmtime runs). Every default
//! candidate spills pointers: without spilling, GC roots held only in Wasm
//! locals are invisible to MicroPython's conservative stack scan, so an
//! unspilled module is never a fallback. `--no-spill` has exactly one
//! candidate, `unspilled-O2`, and writes it under a name saying so.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::Shell;

use crate::toolchain::{EhEncoding, WasmOpt};
use crate::wasm;

/// Features the guest uses, enabled one by one: with --all-features wasm-opt
/// may emit encodings wasmtime rejects.
pub const WASM_FEATURES: &[&str] = &[
    "--enable-exception-handling",
    "--enable-reference-types",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: &'static str,
    pub spilled: bool,
    pub passes: Vec<String>,
}

pub fn candidates(no_spill: bool, eh: EhEncoding) -> Vec<Candidate> {
    let table: &[(&'static str, bool, &[&str])] = if no_spill {
        &[("unspilled-O2", false, &["-O2", "--strip-debug"])]
    } else {
        &[
            (
                "spilled-O2",
                true,
                &["--spill-pointers", "-O2", "--strip-debug"],
            ),
            (
                "spilled-O1",
                true,
                &["--spill-pointers", "-O1", "--strip-debug"],
            ),
            ("spilled-O0", true, &["--spill-pointers", "--strip-debug"]),
        ]
    };
    table
        .iter()
        .map(|(name, spilled, passes)| {
            let mut all = Vec::new();
            if eh == EhEncoding::Legacy {
                all.push("--translate-to-exnref".to_string());
            }
            all.extend(passes.iter().map(|p| p.to_string()));
            Candidate {
                name,
                spilled: *spilled,
                passes: all,
            }
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct Selected {
    pub candidate: Candidate,
    pub path: PathBuf,
    pub info: wasm::ModuleInfo,
    /// Candidates tried before this one, with why they were rejected.
    pub rejected: Vec<(String, String)>,
}

pub fn run(
    sh: &Shell,
    wasm_opt: &WasmOpt,
    input: &Path,
    out_dir: &Path,
    candidates: &[Candidate],
) -> Result<Selected> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let mut rejected = Vec::new();
    for candidate in candidates {
        let out = out_dir.join(format!("{}.wasm", candidate.name));
        let _ = fs::remove_file(&out);
        eprintln!("==> wasm-opt candidate {}", candidate.name);
        let result = wasm_opt
            .cmd(sh)
            .arg(input)
            .args(WASM_FEATURES)
            .args(&candidate.passes)
            .arg("-o")
            .arg(&out)
            .run();
        if let Err(e) = result {
            eprintln!("    rejected: wasm-opt failed: {e}");
            rejected.push((candidate.name.to_string(), format!("wasm-opt failed: {e}")));
            continue;
        }
        let checked = fs::read(&out)
            .with_context(|| format!("cannot read {}", out.display()))
            .and_then(|bytes| wasm::parse(&bytes))
            .and_then(|info| wasm::check_guest_abi(&info).map(|()| info));
        match checked {
            Ok(info) => {
                return Ok(Selected {
                    candidate: candidate.clone(),
                    path: out,
                    info,
                    rejected,
                });
            }
            Err(e) => {
                eprintln!("    rejected: {e:#}");
                rejected.push((candidate.name.to_string(), format!("{e:#}")));
            }
        }
    }
    let reasons: Vec<String> = rejected
        .iter()
        .map(|(name, why)| format!("  {name}: {why}"))
        .collect();
    bail!(
        "no post-processing candidate succeeded:\n{}",
        reasons.join("\n")
    )
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn default_candidates_all_spill_in_order() {
        let c = candidates(false, EhEncoding::Exnref);
        let names: Vec<_> = c.iter().map(|c| c.name).collect();
        assert_eq!(names, ["spilled-O2", "spilled-O1", "spilled-O0"]);
        assert!(
            c.iter()
                .all(|c| c.spilled && c.passes[0] == "--spill-pointers")
        );
        assert_eq!(c[0].passes, ["--spill-pointers", "-O2", "--strip-debug"]);
    }

    #[test]
    fn legacy_eh_is_translated_first() {
        for c in candidates(false, EhEncoding::Legacy) {
            assert_eq!(c.passes[0], "--translate-to-exnref");
        }
        assert_eq!(
            candidates(true, EhEncoding::Legacy)[0].passes[0],
            "--translate-to-exnref"
        );
    }

    #[test]
    fn no_spill_has_only_the_unspilled_candidate() {
        let c = candidates(true, EhEncoding::Exnref);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "unspilled-O2");
        assert!(!c[0].spilled);
        assert!(!c[0].passes.iter().any(|p| p == "--spill-pointers"));
    }
}
