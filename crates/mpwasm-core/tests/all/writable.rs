//! The writable `/output` folder: off by default, files visible to the
//! host, each quota trips into its own OSError errno in the guest and its
//! own [`Quota`] on the host, and nothing leads out of the folder.

use mpwasm_core::{Error, Quota, RunOptions, Vm, WritableQuota};

use crate::runtime;

/// WASI's errno values, which wasi-libc (the guest's libc) uses as `errno`.
const ENOSPC: i32 = 51;
const EDQUOT: i32 = 19;
const EFBIG: i32 = 22;

struct Mount {
    outer: tempfile::TempDir,
    options: RunOptions,
}

impl Mount {
    fn output(&self) -> std::path::PathBuf {
        self.outer.path().join("output")
    }
}

fn mounted(quota: WritableQuota) -> Mount {
    let outer = tempfile::tempdir().unwrap();
    let input = outer.path().join("input");
    let output = outer.path().join("output");
    std::fs::create_dir(&input).unwrap();
    std::fs::create_dir(&output).unwrap();
    std::fs::write(input.join("data.txt"), "input data\n").unwrap();
    std::fs::write(outer.path().join("secret.txt"), "top secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outer.path().join("secret.txt"), output.join("link_out")).unwrap();
    let mut options = RunOptions::new();
    options
        .readonly_dir(&input)
        .writable_dir(&output)
        .writable_quota(quota);
    Mount { outer, options }
}

fn run(code: &str, options: &RunOptions) -> String {
    match runtime().run_with(code, options) {
        Ok(r) => r.stdout_str().into_owned(),
        Err(e) => panic!("{e}"),
    }
}

/// Prints the errno of the OSError `op` raised, or ESCAPED.
fn errno_of(op: &str) -> String {
    format!("try:\n    {op}\n    print('ESCAPED')\nexcept OSError as e:\n    print(e.errno)\n")
}

#[test]
fn the_guest_writes_files_the_host_sees_after_the_run() {
    let m = mounted(WritableQuota::new());
    let code = "import os\nos.mkdir('/output/sub')\nwith open('/output/sub/report.csv', 'w') as f:\n    f.write('a,b\\n')\n    f.write('1,2\\n')\nwith open('/output/sub/report.csv', 'a') as f:\n    f.write('3,4\\n')\nos.rename('/output/sub/report.csv', '/output/final.csv')\nopen('/output/tmp', 'w').write('x')\nos.remove('/output/tmp')\nprint(open('/output/final.csv').read(), end='')\nprint(sorted(os.listdir('/output')))";
    let out = run(code, &m.options);
    assert_eq!(out, "a,b\n1,2\n3,4\n['final.csv', 'link_out', 'sub']\n");
    assert_eq!(
        std::fs::read_to_string(m.output().join("final.csv")).unwrap(),
        "a,b\n1,2\n3,4\n"
    );
    assert!(!m.output().join("tmp").exists());
}

#[test]
fn it_is_off_by_default_and_input_stays_read_only() {
    let out = run(&errno_of("open('/output/x', 'w')"), &RunOptions::new());
    assert_ne!(out, "ESCAPED\n");
    let m = mounted(WritableQuota::new());
    let out = run(
        &errno_of("open('/input/data.txt', 'w').write('x')"),
        &m.options,
    );
    assert_ne!(out, "ESCAPED\n");
    assert_eq!(
        std::fs::read_to_string(m.outer.path().join("input/data.txt")).unwrap(),
        "input data\n"
    );
}

#[test]
fn the_bytes_written_quota_gives_enospc_and_its_own_error() {
    let mut quota = WritableQuota::new();
    quota.max_bytes_written(250);
    let m = mounted(quota);
    let code = "f = open('/output/a', 'w')\nfor i in range(5):\n    try:\n        f.write('x' * 100)\n    except OSError as e:\n        print(i, e.errno)\n        break\nf.close()";
    let mut vm = Vm::new(runtime(), &m.options).unwrap();
    assert_eq!(vm.run(code).unwrap().stdout_str(), format!("2 {ENOSPC}\n"));
    assert_eq!(std::fs::metadata(m.output().join("a")).unwrap().len(), 200);
    // Rewriting counts again: the quota is on bytes written, not kept.
    let e = vm
        .run("open('/output/a', 'w').write('y' * 100)")
        .unwrap_err();
    let Error::QuotaExceeded { quota, exception } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*quota, Quota::BytesWritten);
    assert_eq!(exception.type_name, "OSError");
    assert!(!e.is_trap());
    assert_eq!(e.kind(), "quota_exceeded");
}

#[test]
fn the_files_quota_gives_edquot_and_counts_directories() {
    let mut quota = WritableQuota::new();
    quota.max_files(2);
    let m = mounted(quota);
    let code = format!(
        "import os\nopen('/output/one', 'w').close()\nos.mkdir('/output/d')\n# reopening an existing file creates nothing\nopen('/output/one', 'w').close()\n{}{}",
        errno_of("open('/output/three', 'w')"),
        errno_of("os.mkdir('/output/e')")
    );
    let mut vm = Vm::new(runtime(), &m.options).unwrap();
    assert_eq!(
        vm.run(&code).unwrap().stdout_str(),
        format!("{EDQUOT}\n{EDQUOT}\n")
    );
    assert!(!m.output().join("three").exists());
    let e = vm.run("open('/output/four', 'w')").unwrap_err();
    assert!(
        matches!(
            e,
            Error::QuotaExceeded {
                quota: Quota::Files,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn the_largest_file_quota_gives_efbig_and_undoes_the_write() {
    let mut quota = WritableQuota::new();
    quota.max_file_bytes(100);
    let m = mounted(quota);
    let code = format!(
        "f = open('/output/f', 'w')\nf.write('x' * 60)\n{}f.write('x' * 40)\n{}f.seek(1_000_000)\n{}f.close()\nimport os\nprint(os.stat('/output/f')[6])",
        errno_of("f.write('y' * 41)"),
        errno_of("f.write('z')"),
        errno_of("f.write('w')")
    );
    assert_eq!(
        run(&code, &m.options),
        format!("{EFBIG}\n{EFBIG}\n{EFBIG}\n100\n")
    );
    // Seeking far and writing a byte is caught too: no sparse giant.
    assert_eq!(std::fs::metadata(m.output().join("f")).unwrap().len(), 100);
    let e = runtime()
        .run_with("open('/output/g', 'w').write('x' * 101)", &m.options)
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::QuotaExceeded {
                quota: Quota::FileBytes,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(std::fs::metadata(m.output().join("g")).unwrap().len(), 0);
}

#[test]
fn nothing_leads_out_of_the_folder() {
    let m = mounted(WritableQuota::new());
    let probes = [
        "open('/output/../secret.txt', 'w').write('x')",
        "open('/output/../secret.txt').read()",
        "open('/output/sub/../../secret.txt', 'w')",
        "open('/output/link_out').read()",
        "open('/output/link_out', 'w').write('x')",
        "open('/secret.txt', 'w')",
        "open('/output/../input/data.txt', 'w')",
        "import os; os.rename('/input/data.txt', '/output/stolen')",
        "import os; os.rename('/output/link_out', '/input/x')",
        "import os; os.mkdir('/output/../escaped')",
        "import os; os.remove('/output/../secret.txt')",
    ];
    for probe in probes {
        let out = run(&errno_of(probe), &m.options);
        assert_ne!(out, "ESCAPED\n", "{probe}");
    }
    assert_eq!(
        std::fs::read_to_string(m.outer.path().join("secret.txt")).unwrap(),
        "top secret"
    );
    assert_eq!(
        std::fs::read_to_string(m.outer.path().join("input/data.txt")).unwrap(),
        "input data\n"
    );
    assert!(!m.outer.path().join("escaped").exists());
    assert!(!m.output().join("stolen").exists());
}

#[test]
fn quotas_hold_across_a_vms_runs() {
    let mut quota = WritableQuota::new();
    quota.max_files(1);
    let m = mounted(quota);
    let mut vm = Vm::new(runtime(), &m.options).unwrap();
    vm.run("open('/output/a', 'w').write('1')").unwrap();
    let out = vm.run(&errno_of("open('/output/b', 'w')")).unwrap();
    assert_eq!(out.stdout_str(), format!("{EDQUOT}\n"));
}

#[test]
fn a_missing_folder_is_a_typed_error() {
    let mut options = RunOptions::new();
    options.writable_dir("/nonexistent/mpwasm-output");
    let e = runtime().run_with("print(1)", &options).unwrap_err();
    assert!(matches!(e, Error::WritableDir { .. }), "{e:?}");
}

/// Async VMs (`Vm::new_async`) go through the async WASI linker: the same
/// wrappers must be there, awaited on the caller's executor (a blocking
/// call inside it would panic).
#[test]
fn async_runs_write_files_and_trip_the_same_quotas() {
    let mut quota = WritableQuota::new();
    quota.max_file_bytes(100).max_files(2);
    let m = mounted(quota);
    let code = format!(
        "open('/output/a.txt', 'w').write('hello')\nf = open('/output/b', 'w')\n{}f.close()\n{}{}",
        errno_of("f.write('x' * 101)"),
        errno_of("open('/output/c', 'w')"),
        errno_of("open('/output/link_out', 'w').write('x')"),
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let out = rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &m.options).await.unwrap();
        let first = vm.run_async(&code).await.unwrap();
        let second = vm.run_async("open('/output/d', 'w')").await;
        (first.stdout_str().into_owned(), second)
    });
    let (stdout, second) = out;
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[..2], [EFBIG.to_string(), EDQUOT.to_string()]);
    assert_ne!(lines[2], "ESCAPED");
    assert_eq!(
        std::fs::read_to_string(m.output().join("a.txt")).unwrap(),
        "hello"
    );
    assert_eq!(std::fs::metadata(m.output().join("b")).unwrap().len(), 0);
    assert_eq!(
        std::fs::read_to_string(m.outer.path().join("secret.txt")).unwrap(),
        "top secret"
    );
    assert!(
        matches!(
            second,
            Err(Error::QuotaExceeded {
                quota: Quota::Files,
                ..
            })
        ),
        "{second:?}"
    );
}
