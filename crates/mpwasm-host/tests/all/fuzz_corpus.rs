//! Replays the fuzz corpus of `fuzz/corpus/bridge_decode` through the fuzz
//! target's own check (`fuzz/checks/bridge.rs`), so every committed input
//! stays a regression test on stable.

use std::path::Path;

#[path = "../../../../fuzz/checks/bridge.rs"]
mod checks;

#[test]
fn bridge_decode_corpus_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/bridge_decode");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 20, "only {} inputs", files.len());
    let mut decoded = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        if std::panic::catch_unwind(|| checks::check(&bytes)).is_err() {
            panic!("fuzz input {} fails its check", path.display());
        }
        decoded += usize::from(mpwasm_host::decode_request(&bytes).is_ok());
    }
    // The seeds are mostly well-formed requests, so the round trips run.
    assert!(decoded >= 10, "only {decoded} inputs decode as requests");
}
