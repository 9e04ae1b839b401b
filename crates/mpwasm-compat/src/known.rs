//! Why tests that pass natively do not pass in the sandbox: every such test
//! of the six compared directories is classified here (docs/compat.md
//! explains the categories). A pattern ending in `*` matches a prefix.

/// The kind of difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// The sandbox deliberately leaves the feature out.
    Withheld,
    /// A property of the Wasm target (no native code generator, two stacks,
    /// growable heap).
    Platform,
    /// A bug that is not fixed yet (the fix is outside the port config).
    Open,
}

impl Category {
    /// Short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Withheld => "withheld",
            Category::Platform => "platform",
            Category::Open => "open-bug",
        }
    }
}

/// A classified test (or group of tests).
#[derive(Debug, Clone, Copy)]
pub struct Known {
    /// `dir/name.py`, or a prefix ending in `*`.
    pub pattern: &'static str,
    pub category: Category,
    pub reason: &'static str,
}

impl Known {
    /// Whether this entry covers `test`.
    pub fn matches(&self, test: &str) -> bool {
        match self.pattern.strip_suffix('*') {
            Some(prefix) => test.starts_with(prefix),
            None => self.pattern == test,
        }
    }
}

const fn k(pattern: &'static str, category: Category, reason: &'static str) -> Known {
    Known {
        pattern,
        category,
        reason,
    }
}

use Category::{Platform, Withheld};

const NO_SOCKETS: &str = "no socket module: the sandbox has no network (MICROPY_PY_SOCKET=0)";
const NO_MACHINE: &str = "no machine module: hardware access (MICROPY_PY_MACHINE=0)";
const NO_BLOCKDEV_FS: &str =
    "no FAT/littlefs block-device filesystems (MICROPY_VFS_FAT/LFS are not built)";
const NO_WRITABLE_FS: &str = "no writable filesystem: the test creates files and directories in the \
     working directory; the guest sees only /input, read-only, and cannot chdir back to /";
const NO_NATIVE: &str = "no native emitter for WebAssembly (@micropython.native/viper)";
/// The classification table.
pub const KNOWN: &[Known] = &[
    // Withheld by design.
    k("extmod/socket_*", Withheld, NO_SOCKETS),
    k("extmod/select_ipoll.py", Withheld, NO_SOCKETS),
    k("extmod/select_poll_basic.py", Withheld, NO_SOCKETS),
    k("extmod/select_poll_custom.py", Withheld, NO_SOCKETS),
    k("extmod/select_poll_udp.py", Withheld, NO_SOCKETS),
    k(
        "extmod/select_poll_eintr.py",
        Withheld,
        "no socket module and no _thread (MICROPY_PY_SOCKET=0, MICROPY_PY_THREAD=0)",
    ),
    k(
        "extmod/websocket_basic.py",
        Withheld,
        "no websocket module: a network protocol, left out with sockets",
    ),
    k("extmod/machine_*", Withheld, NO_MACHINE),
    k(
        "basics/subclass_native_call.py",
        Withheld,
        "needs machine.PinBase/machine.Signal (MICROPY_PY_MACHINE=0)",
    ),
    k("extmod/vfs_fat_*", Withheld, NO_BLOCKDEV_FS),
    k("extmod/vfs_lfs*", Withheld, NO_BLOCKDEV_FS),
    k("extmod/vfs_blockdev*", Withheld, NO_BLOCKDEV_FS),
    k("extmod/vfs_posix*", Withheld, NO_WRITABLE_FS),
    k(
        "misc/sys_atexit.py",
        Withheld,
        "no sys.atexit: the guest is a reactor whose VM never exits, so handlers would never run",
    ),
    // The Wasm target.
    k("micropython/native_*", Platform, NO_NATIVE),
    k("micropython/viper_*", Platform, NO_NATIVE),
    k(
        "micropython/import_mpy_native*",
        Platform,
        ".mpy files with native machine code: wasm32 has no native .mpy architecture",
    ),
    k(
        "micropython/meminfo.py",
        Platform,
        "micropython.mem_info() adds `max new split` to the GC line: the heap grows on demand \
         (MICROPY_GC_SPLIT_HEAP_AUTO)",
    ),
];

/// A way in which the sandbox now prints CPython's text where MicroPython's
/// own `.exp` files record MicroPython's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CPythonText {
    /// `repr()` of an exception with one argument: CPython writes
    /// `ValueError('x')`, MicroPython `ValueError('x',)`.
    ExceptionRepr,
    /// `NameError`: CPython says `name 'x' is not defined`, MicroPython
    /// `name 'x' isn't defined`.
    NameErrorText,
}

impl CPythonText {
    /// The `.exp` text rewritten to what CPython prints.
    fn apply(self, expected: &str) -> String {
        match self {
            CPythonText::ExceptionRepr => {
                // `Name(args,)` with no nested parentheses in the arguments.
                // A constant pattern, exercised by the compat tests: it
                // cannot fail on input.
                #[allow(clippy::expect_used)]
                let re = regex::Regex::new(
                    r"\b([A-Z][A-Za-z]*(?:Error|Exception|Iteration|Exit))\(([^()\n]*),\)",
                )
                .expect("a valid regex");
                re.replace_all(expected, "$1($2)").into_owned()
            }
            CPythonText::NameErrorText => expected.replace("' isn't defined", "' is not defined"),
        }
    }
}

/// Tests whose `.exp` file records a MicroPython text that the sandbox, on
/// purpose, prints as CPython does (`micropython-port/compat_errors.c`,
/// patch 0200): CPython's behaviour is the new truth, so the sandbox is
/// judged against the `.exp` file with these rewrites applied (the native
/// reference against the file as it is). docs/compat.md lists them.
pub const CPYTHON_TEXT: &[(&str, &[CPythonText])] = &[
    ("basics/deque_micropython.py", &[CPythonText::ExceptionRepr]),
    (
        "basics/generator_pend_throw.py",
        &[CPythonText::ExceptionRepr],
    ),
    ("basics/python34.py", &[CPythonText::ExceptionRepr]),
    ("extmod/asyncio_gather.py", &[CPythonText::ExceptionRepr]),
    (
        "extmod/asyncio_gather_notimpl.py",
        &[CPythonText::ExceptionRepr],
    ),
    (
        "micropython/heapalloc_exc_compressed.py",
        &[CPythonText::NameErrorText],
    ),
    (
        "micropython/heapalloc_exc_compressed_emg_exc.py",
        &[CPythonText::NameErrorText],
    ),
    (
        "micropython/opt_level_lineno.py",
        &[CPythonText::NameErrorText],
    ),
];

/// Tests whose `.exp` file records a limit or a missing feature of
/// MicroPython's `re` (modre.c over re1.5) that the sandbox's `re`
/// (`micropython-port/modules/re.py` over `modre_port.c`) does not have:
/// the sandbox is judged against what CPython prints when it runs the test
/// (the native reference against the file as it is). docs/compat.md lists
/// them.
pub const CPYTHON_RUNS: &[(&str, &str)] = &[
    (
        "extmod/re_limit.py",
        "re1.5 rejects large classes, many groups and long repeats; CPython compiles them",
    ),
    (
        "extmod/re_split_empty.py",
        "re1.5's split ignores empty matches; CPython 3.7+ splits on them",
    ),
    (
        "extmod/re_split_notimpl.py",
        "re1.5's split raises NotImplementedError with groups; CPython returns the groups",
    ),
    (
        "extmod/re_stack_overflow.py",
        "re1.5 recurses on `(a*)*`; the sandbox's engine keeps its choice points on a heap \
         stack and stops an empty iteration, as CPython",
    ),
];

/// Whether the sandbox's expected output for `test` is CPython's ([`CPYTHON_RUNS`]).
pub fn cpython_runs(test: &str) -> bool {
    CPYTHON_RUNS.iter().any(|(t, _)| *t == test)
}

/// The expected output of `test` for the sandbox when [`CPYTHON_TEXT`]
/// rewrites it; `None` when the `.exp` file applies as it is.
pub fn cpython_text(test: &str, expected: &[u8]) -> Option<Vec<u8>> {
    let (_, rewrites) = CPYTHON_TEXT.iter().find(|(t, _)| *t == test)?;
    let mut text = String::from_utf8_lossy(expected).into_owned();
    for r in *rewrites {
        text = r.apply(&text);
    }
    Some(text.into_bytes())
}

/// The classification of `test` (`dir/name.py`), if known.
pub fn classify(test: &str) -> Option<&'static Known> {
    KNOWN.iter().find(|k| k.matches(test))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_exactly_or_by_prefix() {
        assert_eq!(
            classify("extmod/vfs_lfs_file.py").map(|k| k.category),
            Some(Withheld)
        );
        assert_eq!(
            classify("micropython/viper_ptr8_load.py").map(|k| k.category),
            Some(Platform)
        );
        assert!(classify("basics/list1.py").is_none());
        assert!(classify("basics/exception_chain2.py").is_none());
    }

    #[test]
    fn cpython_text_rewrites_only_listed_tests() {
        assert_eq!(
            cpython_text(
                "basics/python34.py",
                b"IndexError('foo',)\n[1, ValueError(2,)]\n(1,)\n"
            )
            .as_deref(),
            Some(&b"IndexError('foo')\n[1, ValueError(2)]\n(1,)\n"[..])
        );
        assert_eq!(
            cpython_text(
                "micropython/opt_level_lineno.py",
                b"NameError: name 'xyz' isn't defined\n"
            )
            .as_deref(),
            Some(&b"NameError: name 'xyz' is not defined\n"[..])
        );
        assert!(cpython_text("basics/list1.py", b"x").is_none());
    }
}
