//! Guests that catch what they can, swallow what they cannot, or misbehave
//! while their own exception is reported: every outcome is typed and the
//! runtime keeps working.

use std::time::Duration;

use mpwasm_core::{Error, RunOptions};

use crate::{err_with, limited, ok, runtime};

#[test]
fn memory_error_caught_at_5_mib_and_the_heap_is_usable_again() {
    // 5 MiB, not 4: the frozen unicodedata tables (+123 KB of static data)
    // leave a 4 MiB guest too little heap for the 256 KiB block after the
    // fragmentation the three floods cause.
    let options = limited(|l| {
        l.memory_bytes(5 << 20);
    });
    let code = "
caught = 0
for shape in range(3):
    try:
        if shape == 0:
            x = []
            while True:
                x.append(len(x))
        elif shape == 1:
            d = {}
            while True:
                d[len(d)] = None
        else:
            x = b'ab' * 10**9
    except MemoryError:
        caught += 1
    x = d = None
big = bytearray(256 * 1024)
keep = list(range(10000))
print(caught, len(big))
";
    let r = runtime().run_with(code, &options).unwrap();
    assert_eq!(r.stdout_str(), "3 262144\n");
}

#[test]
fn swallowing_everything_does_not_outlive_the_grace_period() {
    // A soft stop is a Python exception that `except BaseException` can
    // catch, once: after the grace (time, and fuel for a fuel stop) the run
    // traps, so no guest stays alive past its budget.
    let code = "print('s')\nwhile True:\n    try:\n        while True: pass\n    except BaseException:\n        print('caught')";
    let fuel = limited(|l| {
        l.fuel(Some(100_000_000)).wall_timeout(None);
    });
    let e = err_with(code, &fuel);
    assert!(
        matches!(&e, Error::OutOfFuel(r) if r.stdout_str() == "s\ncaught\n"),
        "{e:?}"
    );
    let clock = limited(|l| {
        l.fuel(None).wall_timeout(Some(Duration::from_millis(100)));
    });
    let e = err_with(code, &clock);
    assert!(
        matches!(&e, Error::Timeout(r) if r.stdout_str() == "s\ncaught\n"),
        "{e:?}"
    );
    let sleeper = "import time\nprint('s')\nwhile True:\n    try:\n        time.sleep(10)\n    except BaseException:\n        print('caught')";
    let e = err_with(sleeper, &clock);
    assert!(
        matches!(&e, Error::Timeout(r) if r.stdout_str() == "s\ncaught\n"),
        "{e:?}"
    );
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

#[test]
fn system_exit_variants() {
    let exit = |code: &str| match err_with(code, &RunOptions::new()) {
        Error::Exit { code, result } => (code, result.stdout_str().into_owned()),
        e => panic!("{code}: {e:?}"),
    };
    assert_eq!(
        exit("print('a')\nimport sys\nsys.exit(-1)"),
        (-1, "a\n".into())
    );
    assert_eq!(exit("import sys\nsys.exit(True)"), (1, String::new()));
    assert_eq!(
        exit(
            "def f():\n    try:\n        raise SystemExit(7)\n    finally:\n        print('finally')\nf()"
        ),
        (7, "finally\n".into())
    );
    assert_eq!(
        exit("class Quit(SystemExit): pass\nraise Quit(9)"),
        (9, String::new())
    );
    assert_eq!(
        exit("def g():\n    yield 1\n    raise SystemExit(4)\nlist(g())"),
        (4, String::new())
    );
    // Caught by the guest: an ordinary exception.
    let r = ok(
        "import sys\ntry:\n    sys.exit(3)\nexcept SystemExit as e:\n    print('caught', e.args)\nprint('on')",
    );
    assert_eq!(r.stdout_str(), "caught (3,)\non\n");
}

#[test]
fn guest_defined_memory_error_is_reported_as_a_memory_limit() {
    // The classification follows the exception's type name, which the
    // guest controls (it can also raise the builtin MemoryError itself).
    let e = err_with(
        "class MemoryError(Exception): pass\nraise MemoryError('fake')",
        &RunOptions::new(),
    );
    assert!(
        matches!(&e, Error::MemoryLimit { message, .. } if message == "fake"),
        "{e:?}"
    );
    assert!(!e.is_trap());
}

#[test]
fn an_exception_whose_str_misbehaves() {
    // __str__ runs while the guest records its uncaught exception, within
    // the run's budget.
    let options = limited(|l| {
        l.fuel(Some(100_000_000)).wall_timeout(None);
    });
    let e = err_with(
        "print('s')\nclass E(Exception):\n    def __str__(self):\n        while True: pass\nraise E()",
        &options,
    );
    // The fuel stop raises in the looping __str__, which the guest's report
    // of the exception survives.
    assert_eq!(crate::fuel_stopped(&e).stdout_str(), "s\n", "{e:?}");
    let e = err_with(
        "class E(Exception):\n    def __str__(self):\n        print('side effect')\n        return 'shown'\nraise E('given')",
        &RunOptions::new(),
    );
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!((g.type_name.as_str(), g.message.as_str()), ("E", "shown"));
    assert_eq!(g.result.stdout_str(), "side effect\n");
}

/// Reporting an exception runs guest code (`__str__`); if that raises (or
/// calls `sys.exit`) the guest reports `<exception str() failed>`, as
/// CPython does, instead of dying on an uncaught NLR.
#[test]
fn an_exception_raised_while_reporting_one_is_still_reported() {
    // The traceback's last line is MicroPython's own rendering of the
    // exception's arguments, which does not call __str__.
    for (code, last_line) in [
        (
            "class E(Exception):\n    def __str__(self): raise ValueError('inner')\nraise E('outer')",
            "\nE: outer\n",
        ),
        (
            "class E(Exception):\n    def __str__(self):\n        import sys\n        sys.exit(5)\nraise E()",
            "\nE: \n",
        ),
    ] {
        let program = format!("print('s')\n{code}");
        let e = err_with(&program, &RunOptions::new());
        let Error::GuestException(g) = &e else {
            panic!("{code}: {e:?}")
        };
        assert_eq!(g.type_name, "E");
        assert_eq!(g.message, "<exception str() failed>");
        assert!(g.traceback.ends_with(last_line), "{}", g.traceback);
        assert_eq!(g.result.stdout_str(), "s\n");
    }
    // SystemExit with a value that cannot be an exit status: printed (or the
    // failure noted) on stderr, status 1.
    for (code, stderr) in [
        (
            "class V:\n    def __str__(self): raise ValueError('inner')\nraise SystemExit(V())",
            "<exception str() failed>\n",
        ),
        (
            "import sys\nsys.exit(2**100)",
            "1267650600228229401496703205376\n",
        ),
    ] {
        let program = format!("print('s')\n{code}");
        let e = err_with(&program, &RunOptions::new());
        let Error::Exit { code: 1, result } = &e else {
            panic!("{code}: {e:?}")
        };
        assert_eq!(result.stdout_str(), "s\n");
        assert_eq!(result.stderr_str(), stderr);
    }
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

#[test]
fn scribbling_over_its_own_memory_is_a_trap() {
    // uctypes reaches all of the guest's linear memory (and nothing else):
    // the guest can wreck its own VM, never the host.
    let e = err_with(
        "import uctypes\nprint('s')\nm = uctypes.bytearray_at(0, 1 << 20)\nfor i in range(0, len(m), 4):\n    m[i] = 0xff\nprint('survived')",
        &RunOptions::new(),
    );
    assert!(e.is_trap(), "{e:?}");
    assert_eq!(e.run_result().unwrap().stdout_str(), "s\n");
    let e = err_with(
        "import uctypes\nprint('s')\nprint(uctypes.bytearray_at(0xfffffff0, 64)[0])",
        &RunOptions::new(),
    );
    let Error::Trap { trap, result, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*trap, Some(wasmtime::Trap::MemoryOutOfBounds), "{e}");
    assert_eq!(result.stdout_str(), "s\n");
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

/// While its exception is being recorded, the guest (via `__str__` and
/// uctypes) finds the buffer the report is written to and sets its length
/// to ~2 GiB: the offsets the host reads back are then guest-forged.
const FORGED_REPORT: &str = r#"
import uctypes, struct
NAME = 'E' * 37
class Forge(Exception):
    def __str__(self):
        chunk = 1 << 18
        for base in range(0, 0x200000, chunk):
            snap = bytes(uctypes.bytearray_at(base, chunk))
            j = -1
            while True:
                j = snap.find(struct.pack('<II', 37, 256), j + 1)
                if j < 0:
                    break
                if j >= 4:
                    buf, = struct.unpack('<I', snap[j - 4:j])
                    if bytes(uctypes.bytearray_at(buf, 37)) == NAME.encode():
                        uctypes.bytearray_at(base + j, 4)[:] = struct.pack('<I', 0x7FFFFF00)
                        return 'forged'
        return 'not found'
exec("class %s(Forge): pass" % NAME)
raise globals()[NAME]()
"#;

#[cfg(target_os = "linux")]
#[test]
#[ignore = "run by forged_report_lengths_are_bounds_checked in a child process"]
fn forged_report_child() {
    ok("print('warm')");
    let before = crate::proc_status_kib("VmPeak");
    let e = err_with(FORGED_REPORT, &RunOptions::new());
    let after = crate::proc_status_kib("VmPeak");
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    // The forged ranges lie outside memory: they read as empty.
    assert_eq!(
        (
            g.type_name.as_str(),
            g.message.as_str(),
            g.traceback.as_str()
        ),
        ("E".repeat(37).as_str(), "", "")
    );
    println!("VM_PEAK_KIB before={before} after={after}");
}

#[cfg(target_os = "linux")]
#[test]
fn forged_report_lengths_are_bounds_checked() {
    // In a child process: other tests' threads move the peak too.
    let (before, after) =
        crate::child_before_after("recovery::forged_report_child", "VM_PEAK_KIB ");
    // Allocating what the forged length says would map 2 GiB.
    let growth = after.saturating_sub(before);
    assert!(
        growth < 512 * 1024,
        "peak virtual size grew by {growth} KiB"
    );
}
