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
}
