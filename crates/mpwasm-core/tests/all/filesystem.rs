//! The read-only `/input` mount: readable, never writable, no escapes.

use mpwasm_core::{Error, RunOptions};

use crate::{limits, runtime};

fn mounted() -> (tempfile::TempDir, RunOptions) {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("input");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("data.txt"), "hello from the host\n").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(outer.path().join("secret.txt"), "top secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outer.path().join("secret.txt"), dir.join("link")).unwrap();
    let options = RunOptions::new().readonly_dir(&dir).clone();
    (outer, options.clone())
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
    let options = RunOptions::new()
        .readonly_dir("/definitely/not/here")
        .clone();
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

/// A mount with links pointing out and a file larger than the guest's memory.
fn hostile_mount() -> (tempfile::TempDir, RunOptions) {
    let (outer, options) = mounted();
    let dir = outer.path().join("input");
    std::fs::create_dir(outer.path().join("outdir")).unwrap();
    std::fs::write(outer.path().join("outdir").join("x.txt"), "outside").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("../outdir", dir.join("dirlink")).unwrap();
        symlink("/etc/passwd", dir.join("abslink")).unwrap();
        symlink("data.txt", dir.join("inlink")).unwrap();
    }
    // Sparse: 24 MiB of zeros without using the disk.
    let big = std::fs::File::create(dir.join("big.bin")).unwrap();
    big.set_len(24 << 20).unwrap();
    (outer, options)
}

#[cfg(unix)]
#[test]
fn links_mounts_and_odd_paths_do_not_escape() {
    let (tmp, options) = hostile_mount();
    let probes = [
        "__import__('os').listdir('/input/dirlink')",
        "open('/input/dirlink/x.txt').read()",
        "open('/input/abslink').read()",
        "__import__('os').stat('/input/dirlink')",
        "__import__('os').stat('/input/../secret.txt')",
        "__import__('os').chdir('/input/..')",
        "open('/input/data.txt', 'r+')",
        "open('/input/data.txt', 'x')",
        "open('/input/sub', 'rb').read()",
        "__import__('os').rename('/input/data.txt', '/input/../stolen.txt')",
        "__import__('os').mkdir('/input/../newdir')",
        "__import__('os').remove('/input/inlink')",
        "__import__('os').remove('/input/abslink')",
        "__import__('os').umount('/input')",
        "open('/input/' + 'a' * 5000)",
        // NUL ends the path in C: this is /input itself, a directory.
        "open('/input/\\x00/../secret.txt').read()",
    ];
    for probe in probes {
        assert_eq!(run(&refused(probe), &options), "refused\n", "{probe}");
    }
    // Mounting the VFS elsewhere reaches nothing new.
    let code = String::from(
        "import os\nos.mount(os.VfsPosix('/'), '/x')\nos.mount(os.VfsPosix('/input/..'), '/y')\nos.mount(os.VfsPosix('/input'), '/w')\n",
    ) + &refused("open('/x/etc/passwd').read()")
        + &refused("open('/x/input/../secret.txt').read()")
        + &refused("os.listdir('/y')")
        + &refused("open('/w/../secret.txt').read()")
        + "print(open('/x/input/data.txt').read(), end='')\nprint(open('/input/data.txt\\x00/../../secret.txt').read(), end='')\nos.chdir('/input')\nprint(os.getcwd(), open('inlink').read(), end='')";
    let out = run(&code, &options);
    assert_eq!(
        out,
        "refused\nrefused\nrefused\nrefused\nhello from the host\nhello from the host\n/input hello from the host\n"
    );
    let dir = tmp.path().join("input");
    assert!(dir.join("inlink").exists() && dir.join("data.txt").exists());
    assert!(!tmp.path().join("stolen.txt").exists() && !tmp.path().join("newdir").exists());
}

#[test]
fn a_file_larger_than_memory() {
    let (_tmp, options) = hostile_mount();
    let small = options
        .clone()
        .limits(limits(|l| {
            l.memory_bytes(4 << 20)
                .fuel(None)
                .wall_timeout(Some(std::time::Duration::from_secs(30)));
        }))
        .clone();
    // Whole: a MemoryError (read() grows its buffer step by step, so this
    // costs ~3.5e9 fuel at 4 MiB; at 16 MiB fuel would end it first).
    let e = runtime()
        .run_with(
            "print('s')\nx = open('/input/big.bin', 'rb').read()",
            &small,
        )
        .unwrap_err();
    let Error::MemoryLimit {
        result, message, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(result.stdout_str(), "s\n");
    assert!(message.starts_with("memory allocation failed"), "{message}");
    // In chunks: all of it, in constant memory.
    let r = runtime()
        .run_with(
            "n = z = 0\nbuf = bytearray(1 << 16)\nwith open('/input/big.bin', 'rb') as f:\n    while True:\n        k = f.readinto(buf)\n        if not k:\n            break\n        n += k\n        z += buf[k - 1] == 0\nprint(n, n == z << 16)",
            &small,
        )
        .unwrap();
    assert_eq!(r.stdout_str(), "25165824 True\n");
}
