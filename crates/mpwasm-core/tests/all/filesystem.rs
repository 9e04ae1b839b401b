//! The read-only `/input` mount: readable, never writable, no escapes.

use mpwasm_core::{Error, RunOptions};

use crate::runtime;

fn mounted() -> (tempfile::TempDir, RunOptions) {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("input");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("data.txt"), "hello from the host\n").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(outer.path().join("secret.txt"), "top secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outer.path().join("secret.txt"), dir.join("link")).unwrap();
    let options = RunOptions::new().readonly_dir(&dir);
    (outer, options)
}

fn run(code: &str, options: &RunOptions) -> String {
    match runtime().run_with(code, options) {
        Ok(r) => r.stdout_str().into_owned(),
        Err(e) => panic!("{e}"),
    }
}

/// Each probe prints OK only if the operation failed with an OSError.
fn refused(op: &str) -> String {
    format!("try:\n    {op}\n    print('ESCAPED')\nexcept OSError as e:\n    print('refused')\n")
}

#[test]
fn files_under_input_are_readable() {
    let (_tmp, options) = mounted();
    let out = run(
        "import os\nprint(open('/input/data.txt').read(), end='')\nprint(sorted(os.listdir('/input')))\nprint(os.stat('/input/data.txt')[6])",
        &options,
    );
    assert_eq!(
        out,
        "hello from the host\n['data.txt', 'link', 'sub']\n20\n"
    );
}

#[test]
fn writes_creates_renames_and_deletes_are_refused() {
    let (tmp, options) = mounted();
    let probes = [
        "open('/input/data.txt', 'w').write('x')",
        "open('/input/data.txt', 'a').write('x')",
        "open('/input/new.txt', 'w')",
        "__import__('os').mkdir('/input/newdir')",
        "__import__('os').rename('/input/data.txt', '/input/moved.txt')",
        "__import__('os').remove('/input/data.txt')",
        "__import__('os').rmdir('/input/sub')",
    ];
    for probe in probes {
        assert_eq!(run(&refused(probe), &options), "refused\n", "{probe}");
    }
    let dir = tmp.path().join("input");
    assert_eq!(
        std::fs::read_to_string(dir.join("data.txt")).unwrap(),
        "hello from the host\n"
    );
    assert!(
        !dir.join("new.txt").exists() && !dir.join("newdir").exists() && dir.join("sub").exists()
    );
}

#[test]
fn escapes_are_refused() {
    let (_tmp, options) = mounted();
    let probes = [
        "open('/input/../secret.txt').read()",
        "open('/input/sub/../../secret.txt').read()",
        "open('/input/link').read()",
        "open('/etc/passwd').read()",
        "open('secret.txt').read()",
        "__import__('os').listdir('/')",
        "__import__('os').listdir('/input/..')",
        "open('/input/sub').read()",
    ];
    for probe in probes {
        assert_eq!(run(&refused(probe), &options), "refused\n", "{probe}");
    }
}

#[test]
fn a_missing_directory_is_a_clear_error() {
    let options = RunOptions::new().readonly_dir("/definitely/not/here");
    let e = runtime().run_with("pass", &options).unwrap_err();
    assert!(matches!(e, Error::ReadonlyDir { .. }), "{e:?}");
}

#[test]
fn without_a_mount_there_is_no_filesystem() {
    let out = run(
        &refused("open('/input/data.txt').read()"),
        &RunOptions::new(),
    );
    assert_eq!(out, "refused\n");
}
