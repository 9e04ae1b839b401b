//! Each flag: limits, output cap, --dir, --artifact, --version.

use predicates::prelude::*;

use crate::mpwasm;

#[test]
fn memory_accepts_suffixes_and_bounds_the_heap() {
    // 64 MiB is enough for a 20 MB buffer, the default 16 MiB is not.
    let code = "b = bytearray(20_000_000)\nprint(len(b))";
    mpwasm()
        .args(["--memory", "64MiB", "-c", code])
        .assert()
        .code(0)
        .stdout("20000000\n");
    mpwasm().args(["-c", code]).assert().code(5);
}

#[test]
fn fuel_none_is_unmetered() {
    mpwasm()
        .args(["--fuel", "none", "--json", "-c", "pass"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"fuel_remaining\":null"));
}

#[test]
fn fuel_budget_is_enforced() {
    // About 1000 units per iteration of a module-level loop.
    let code = "for i in range(10_000): pass\nprint('done')";
    mpwasm()
        .args(["--fuel", "100_000_000", "-c", code])
        .assert()
        .code(0)
        .stdout("done\n");
    mpwasm()
        .args(["--fuel", "1000000", "-c", code])
        .assert()
        .code(3);
}

#[test]
fn timeout_zero_and_none_disable_the_clock() {
    for t in ["0", "none"] {
        mpwasm()
            .args([
                "--timeout",
                t,
                "-c",
                "import time\ntime.sleep(1.2)\nprint('slept')",
            ])
            .assert()
            .code(0)
            .stdout("slept\n");
    }
    mpwasm()
        .args(["--timeout", "0.3", "-c", "import time\ntime.sleep(5)"])
        .assert()
        .code(4);
}

#[test]
fn max_output_truncates_and_says_so() {
    mpwasm()
        .args(["--max-output", "10", "-c", "print('x' * 100)"])
        .assert()
        .code(0)
        .stdout("xxxxxxxxxx")
        .stderr("mpwasm: stdout truncated after 10 bytes (--max-output)\n");
    mpwasm()
        .args(["--max-output", "1K", "--json", "-c", "print('y' * 5000)"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"stdout_truncated\":true"));
}

#[test]
fn output_bytes_pass_through_unchanged() {
    mpwasm()
        .args([
            "-c",
            "import sys\nsys.stdout.write('out')\nsys.stderr.write('err\\n')\nsys.stdout.buffer.write(b'\\xff\\n')",
        ])
        .assert()
        .code(0)
        .stdout(predicate::eq(b"out\xff\n" as &[u8]))
        .stderr("err\n");
}

#[test]
fn dir_is_readable_and_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("data.txt"), "hello from the host\n").expect("write");
    let path = dir.path().to_str().expect("utf-8 temp path");
    mpwasm()
        .args([
            "--dir",
            path,
            "-c",
            "print(open('/input/data.txt').read(), end='')",
        ])
        .assert()
        .code(0)
        .stdout("hello from the host\n");
    mpwasm()
        .args([
            "--dir",
            path,
            "-c",
            "open('/input/new.txt', 'w').write('x')",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("OSError"));
    assert!(!dir.path().join("new.txt").exists());
    mpwasm()
        .args([
            "--dir",
            path,
            "-c",
            "open('/input/data.txt', 'a').write('x')",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("OSError"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("data.txt")).expect("read"),
        "hello from the host\n"
    );
}

#[test]
fn bad_dir_is_a_setup_error() {
    mpwasm()
        .args(["--dir", "/nonexistent/dir", "-c", "pass"])
        .assert()
        .code(8)
        .stderr(predicate::str::starts_with(
            "mpwasm: cannot mount /nonexistent/dir",
        ));
}

/// The bundled guest written to `dir` (a file to pass with `--artifact`).
fn guest_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("guest.wasm");
    let guest = mpwasm_core::bundled_guest().expect("the CLI bundles the guest");
    std::fs::write(&path, guest.wasm).expect("write the guest");
    path
}

#[test]
fn artifact_flag_selects_the_guest() {
    let files = tempfile::tempdir().expect("tempdir");
    let path = guest_file(files.path());
    mpwasm()
        .arg("--artifact")
        .arg(&path)
        .args(["-c", "print('explicit')"])
        .assert()
        .code(0)
        .stdout("explicit\n");
    let dir = tempfile::tempdir().expect("tempdir");
    let bogus = dir.path().join("bogus.wasm");
    std::fs::write(&bogus, "not wasm").expect("write");
    mpwasm()
        .arg("--artifact")
        .arg(&bogus)
        .args(["-c", "pass"])
        .assert()
        .code(8)
        .stderr(predicate::str::contains(
            "the MicroPython artifact is not a WebAssembly module",
        ));
}

#[test]
fn version_shows_micropython_and_sha256() {
    let guest = mpwasm_core::bundled_guest().expect("bundled");
    mpwasm()
        .env_remove("MPWASM_ARTIFACT")
        .arg("--version")
        .assert()
        .code(0)
        .stdout(
            predicate::str::starts_with(concat!("mpwasm ", env!("CARGO_PKG_VERSION"), "\n"))
                .and(predicate::str::contains(format!(
                    "MicroPython {} (bundled guest)\n",
                    guest.micropython_version
                )))
                .and(predicate::str::contains(format!(
                    "artifact sha256 {}\n",
                    guest.sha256
                ))),
        );
}

#[test]
fn version_without_manifest_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = guest_file(dir.path());
    mpwasm()
        .arg("--artifact")
        .arg(&copy)
        .arg("--version")
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("MicroPython version unknown: no manifest")
                .and(predicate::str::is_match(r"artifact sha256 [0-9a-f]{64}\n").expect("regex")),
        );
    // The artifact itself still runs.
    mpwasm()
        .arg("--artifact")
        .arg(&copy)
        .args(["-c", "print(2 ** 8)"])
        .assert()
        .code(0)
        .stdout("256\n");
}
