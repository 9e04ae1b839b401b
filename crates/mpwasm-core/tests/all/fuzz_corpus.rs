//! Replays the fuzz corpora of `fuzz/corpus/{run_source,limits}` through
//! the fuzz targets' own checks (`fuzz/checks/run.rs`), so every committed
//! input, hand-written or fuzzer-found, stays a regression test on stable.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::runtime;

#[path = "../../../../fuzz/checks/run.rs"]
pub(crate) mod checks;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

/// Runs `check` on every input, naming the input that fails.
fn replay<T>(target: &str, mut check: impl FnMut(&[u8]) -> T) -> Vec<T> {
    let inputs = corpus(target);
    assert!(inputs.len() >= 20, "{target}: only {} inputs", inputs.len());
    inputs
        .iter()
        .map(|(path, bytes)| {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(bytes))) {
                Ok(value) => value,
                Err(_) => panic!("fuzz input {} fails its check", path.display()),
            }
        })
        .collect()
}

#[test]
fn run_source_corpus_replays() {
    let runtime = runtime();
    let outcomes = replay("run_source", |data| checks::check_source(runtime, data));
    checks::check_runtime_still_works(runtime);
    // The corpus reaches every way a hostile snippet can end.
    let kinds: BTreeSet<_> = outcomes.iter().map(|o| o.kind).collect();
    for kind in [
        "ok",
        "guest_exception",
        "soft_out_of_fuel",
        "soft_timeout",
        "memory_limit",
        "exit",
    ] {
        assert!(kinds.contains(kind), "no input ends in {kind}: {kinds:?}");
    }
    let exceptions: BTreeSet<_> = outcomes.iter().map(|o| o.exception.as_str()).collect();
    for exception in [
        "SyntaxError",
        "RuntimeError",
        "ZeroDivisionError",
        "TypeError",
        "OSError",
    ] {
        assert!(
            exceptions.contains(exception),
            "no {exception}: {exceptions:?}"
        );
    }
}

#[test]
fn limits_corpus_replays() {
    let runtime = runtime();
    let outcomes = replay("limits", |data| checks::check_limits(runtime, data));
    let kinds: BTreeSet<_> = outcomes.iter().flatten().map(|o| o.kind).collect();
    for kind in ["ok", "invalid_limits", "soft_out_of_fuel", "soft_timeout"] {
        assert!(kinds.contains(kind), "no input ends in {kind}: {kinds:?}");
    }
}
