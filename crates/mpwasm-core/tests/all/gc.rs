//! GC stress: programs that make the collector run constantly, at the
//! smallest memory they fit in, compared with CPython's output. A guest built
//! without pointer spilling fails these (set MPWASM_GC_ARTIFACT to an
//! artifact to check it instead of the default one).

use std::process::Command;
use std::sync::OnceLock;

use mpwasm_core::Runtime;

use crate::{limited, runtime};

fn gc_runtime() -> &'static Runtime {
    static OTHER: OnceLock<Runtime> = OnceLock::new();
    match std::env::var_os("MPWASM_GC_ARTIFACT") {
        Some(path) => OTHER.get_or_init(|| Runtime::from_file(path).unwrap()),
        None => runtime(),
    }
}

/// CPython's output for the same program: the independent reference.
fn cpython(code: &str) -> String {
    let out = Command::new("python3")
        .args(["-c", code])
        .output()
        .expect("python3 (CPython) is needed to compute the expected output");
    assert!(
        out.status.success(),
        "CPython failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Run at `memory` bytes, as is and with a collection after every 512
/// bytes allocated.
fn stress(code: &str, memory: u64) {
    let expected = cpython(code);
    assert!(!expected.is_empty());
    for prelude in ["", "import gc\ngc.threshold(512)\n"] {
        let program = format!("{prelude}{code}");
        let options = limited(|l| {
            l.memory_bytes(memory).fuel(None).wall_timeout(None);
        });
        match gc_runtime().run_with(&program, &options) {
            Ok(r) => assert_eq!(r.stdout_str(), expected, "with prelude {prelude:?}"),
            Err(e) => panic!("with prelude {prelude:?}: {e}\n{e:?}"),
        }
    }
}

const SMALL: u64 = 2 << 20; // the booted VM plus a few hundred KiB of heap

#[test]
fn churn_of_nested_dicts_and_lists() {
    stress(
        r#"
acc = 0
keep = []
for i in range(3000):
    d = {"i": i, "l": [i, [i + 1, {"x": str(i)}]], "t": (i, i * 2)}
    acc += d["l"][1][0] + len(d["l"][1][1]["x"]) + d["t"][1]
    if i % 100 == 0:
        keep.append(d)
print(acc, len(keep), keep[-1]["l"][1][1]["x"], sum(k["i"] for k in keep))
"#,
        SMALL,
    );
}

/// Ordered dicts (patch 0100): entries, tombstones and the hash index share
/// one GC block that grows, compacts and shrinks while values are live only
/// through it.
#[test]
fn dicts_with_deletions_reinsertions_and_popitem() {
    stress(
        r#"
d = {}
for i in range(4000):
    d["k%d" % (i % 300)] = [i, str(i)]
    if i % 3 == 0:
        d.pop("k%d" % ((i * 7) % 300), None)
    if i % 50 == 0:
        d[("t", i)] = {"v": str(i) * 3}
live = list(d.items())
while len(d) > 10:
    k, v = d.popitem()
print(len(live), live[:2], live[-1], list(d), sum(len(str(v)) for v in d.values()))
"#,
        SMALL,
    );
}

#[test]
fn exceptions_caught_in_long_loops() {
    stress(
        r#"
d = {}
caught = 0
for i in range(30000):
    try:
        d[i]
    except KeyError as e:
        caught += 1
        if i % 1000 == 0:
            d[i + 1] = str(e)
print(caught, len(d), sorted(d.items())[:2])
"#,
        SMALL,
    );
}

#[test]
fn generators_and_closures_in_loops() {
    stress(
        r#"
def gen(n):
    for i in range(n):
        yield [i] * 3
def make(k):
    data = list(range(k))
    return lambda x: x + sum(data)
total = 0
for j in range(300):
    f = make(j % 7)
    total += sum(f(v[0]) for v in gen(20))
print(total)
"#,
        SMALL,
    );
}

#[test]
fn string_concatenation_in_loops() {
    stress(
        r#"
s = ""
parts = []
for i in range(2000):
    s += str(i % 10)
    if len(s) > 300:
        parts.append(s[:5])
        s = s[150:]
print(len(s), len(parts), "".join(parts[:10]), s[-20:])
"#,
        SMALL,
    );
}

#[test]
fn many_retained_strings() {
    stress(
        r#"
keep = ["item-%d-%s" % (i, "x" * (i % 17)) for i in range(20000)]
lookup = {s: i for i, s in enumerate(keep)}
print(len(keep), len(lookup), keep[12345], lookup["item-19999-" + "x" * (19999 % 17)])
"#,
        8 << 20,
    );
}
