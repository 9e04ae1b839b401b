//! run-tests.py's skip rules, ported for the unix port (platform `linux`,
//! bytecode emitter): the feature checks each target runs, the tests they
//! skip, and the "special" tests whose output is matched with regexes.
//!
//! Both targets get the unix port's rules (the sandbox reports
//! `sys.platform == "wasi"`, which run-tests.py would treat as a bare-metal
//! board and skip more); only the feature checks differ per target.

use crate::TestCase;

/// Tests run-tests.py runs as "special": output is post-processed with the
/// regexes of their `.exp` file (paths relative to `tests/`).
pub const SPECIAL_TESTS: &[&str] = &[
    "micropython/meminfo.py",
    "basics/bytes_compare3.py",
    "basics/builtin_help.py",
];

/// Whether `test` is one of [`SPECIAL_TESTS`].
pub fn is_special(test: &TestCase) -> bool {
    SPECIAL_TESTS.contains(&test.rel.as_str())
}

/// A feature-check script in `tests/feature_check/` and the output that
/// means "supported".
#[derive(Debug, Clone, Copy)]
pub struct FeatureCheck {
    /// Script name.
    pub script: &'static str,
    /// What run-tests.py derives from it.
    pub what: &'static str,
}

/// The checks run-tests.py runs for the unix port, in its order.
pub const FEATURE_CHECKS: &[FeatureCheck] = &[
    FeatureCheck {
        script: "native_check.py",
        what: "native emitter (@micropython.native/viper)",
    },
    FeatureCheck {
        script: "int_big.py",
        what: "arbitrary-precision int",
    },
    FeatureCheck {
        script: "bytearray.py",
        what: "bytearray",
    },
    FeatureCheck {
        script: "set_check.py",
        what: "set literals",
    },
    FeatureCheck {
        script: "slice.py",
        what: "slice objects",
    },
    FeatureCheck {
        script: "async_check.py",
        what: "async/await",
    },
    FeatureCheck {
        script: "const.py",
        what: "const()",
    },
    FeatureCheck {
        script: "reverse_ops.py",
        what: "__rOP__ methods",
    },
    FeatureCheck {
        script: "io_module.py",
        what: "io module",
    },
    FeatureCheck {
        script: "fstring.py",
        what: "f-strings",
    },
    FeatureCheck {
        script: "byteorder.py",
        what: "byte order",
    },
    FeatureCheck {
        script: "float.py",
        what: "float precision",
    },
    FeatureCheck {
        script: "complex.py",
        what: "complex numbers",
    },
    FeatureCheck {
        script: "coverage.py",
        what: "coverage build",
    },
];

/// What a target supports, from the outputs of [`FEATURE_CHECKS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Features {
    pub native: bool,
    pub int_big: bool,
    pub bytearray: bool,
    pub set_type: bool,
    pub slice: bool,
    pub async_await: bool,
    pub const_kw: bool,
    /// `false` only when the check printed `TypeError`.
    pub reverse_ops: bool,
    pub io_module: bool,
    pub fstring: bool,
    pub byteorder: String,
    /// 0, 30, 32 or 64.
    pub float_precision: u32,
    pub complex: bool,
    pub coverage: bool,
}

impl Features {
    /// Interpret the outputs, in the order of [`FEATURE_CHECKS`].
    pub fn from_outputs(outputs: &[Vec<u8>]) -> Features {
        let get = |script: &str| -> &[u8] {
            FEATURE_CHECKS
                .iter()
                .position(|c| c.script == script)
                .and_then(|i| outputs.get(i))
                .map(Vec::as_slice)
                .unwrap_or(b"")
        };
        Features {
            native: get("native_check.py") == b"native\n",
            int_big: get("int_big.py") == b"1000000000000000000000000000000000000000000000\n",
            bytearray: get("bytearray.py") == b"bytearray\n",
            set_type: get("set_check.py") == b"{1}\n",
            slice: get("slice.py") == b"slice\n",
            async_await: get("async_check.py") == b"async\n",
            const_kw: get("const.py") == b"1\n",
            reverse_ops: get("reverse_ops.py") != b"TypeError\n",
            io_module: get("io_module.py") == b"io\n",
            fstring: get("fstring.py") == b"a=1\n",
            byteorder: String::from_utf8_lossy(get("byteorder.py")).into_owned(),
            float_precision: String::from_utf8_lossy(get("float.py"))
                .trim()
                .parse()
                .unwrap_or(0),
            complex: get("complex.py") == b"complex\n",
            coverage: get("coverage.py") == b"coverage\n",
        }
    }

    /// One line per feature that is missing, for reports.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut m = Vec::new();
        let flags = [
            (self.native, "native emitter"),
            (self.int_big, "int_big"),
            (self.bytearray, "bytearray"),
            (self.set_type, "set"),
            (self.slice, "slice"),
            (self.async_await, "async"),
            (self.const_kw, "const"),
            (self.reverse_ops, "reverse ops"),
            (self.io_module, "io"),
            (self.fstring, "f-strings"),
            (self.complex, "complex"),
            (self.coverage, "coverage build"),
        ];
        for (have, name) in flags {
            if !have {
                m.push(name);
            }
        }
        if self.float_precision < 64 {
            m.push("double-precision float");
        }
        m
    }
}

/// Tests that do not test slicing but use it (run-tests.py's
/// `misc_slice_tests`).
const MISC_SLICE_TESTS: &[&str] = &[
    "builtin_range",
    "bytearray1",
    "class_super",
    "containment",
    "errno1",
    "fun_str",
    "generator1",
    "globals_del",
    "memoryview1",
    "memoryview_gc",
    "object1",
    "python34",
    "string_format_modulo",
    "struct_endian",
];

/// Why run-tests.py would skip `test` on a target with `features`, whose
/// byte order CPython's is compared with; `None` to run it.
pub fn skip_reason(
    test: &TestCase,
    features: &Features,
    cpython_byteorder: &str,
) -> Option<String> {
    let rel = test.rel.as_str();
    let name = test.name.as_str();

    // Fixed lists: what applies to the unix port with the bytecode emitter
    // and no coverage build.
    if !features.coverage && rel == "extmod/ssl_poll.py" {
        return Some("run-tests.py: needs the coverage build".into());
    }
    let p = features.float_precision;
    let precision_skips: &[(bool, &[&str])] = &[
        (
            p == 0,
            &[
                "extmod/uctypes_le_float.py",
                "extmod/uctypes_native_float.py",
                "extmod/uctypes_sizeof_float.py",
                "extmod/json_dumps_float.py",
                "extmod/json_loads_float.py",
                "extmod/random_extra_float.py",
                "misc/rge_sm.py",
            ],
        ),
        (
            p < 32,
            &[
                "float/float2int_intbig.py",
                "float/string_format.py",
                "float/bytes_construct.py",
                "float/bytearray_construct.py",
                "float/float_format_ints_power10.py",
            ],
        ),
        (
            p < 64,
            &[
                "float/float_divmod.py",
                "float/float2int_doubleprec_intbig.py",
                "float/float_format_ints_doubleprec.py",
                "float/float_parse_doubleprec.py",
            ],
        ),
        (
            !features.complex,
            &[
                "float/complex1.py",
                "float/complex1_intbig.py",
                "float/complex_reverse_op.py",
                "float/complex_special_methods.py",
                "float/int_big_float.py",
                "float/true_value.py",
                "float/types.py",
                "float/complex_dunder.py",
            ],
        ),
    ];
    for (applies, list) in precision_skips {
        if *applies && list.contains(&rel) {
            return Some(format!(
                "run-tests.py: float precision {p} / complex {}",
                features.complex
            ));
        }
    }
    // Tests using inline assembler: neither target has an inline-asm arch.
    if name.starts_with("asm") {
        return Some("run-tests.py: no inline assembler".into());
    }

    // Name-based feature skips.
    let is_native = name.starts_with("native_") || name.starts_with("viper_");
    let checks: [(bool, bool, &str); 11] = [
        (is_native, features.native, "native emitter"),
        (
            name.ends_with("_endian"),
            features.byteorder == cpython_byteorder,
            "same byte order as CPython",
        ),
        (
            name.starts_with("int_big") || name.ends_with("_intbig"),
            features.int_big,
            "big ints",
        ),
        (
            name.starts_with("bytearray") || name.ends_with("_bytearray"),
            features.bytearray,
            "bytearray",
        ),
        (
            name.starts_with("set_") || name.starts_with("frozenset") || name.ends_with("_set"),
            features.set_type,
            "set",
        ),
        (
            name.contains("slice") || MISC_SLICE_TESTS.contains(&name),
            features.slice,
            "slice",
        ),
        (
            name.starts_with("async_") || name.starts_with("asyncio_"),
            features.async_await,
            "async/await",
        ),
        (name.starts_with("const"), features.const_kw, "const"),
        (
            name.contains("reverse_op"),
            features.reverse_ops,
            "reverse operators",
        ),
        (name.starts_with("io_"), features.io_module, "io module"),
        (
            name.starts_with("string_fstring"),
            features.fstring,
            "f-strings",
        ),
    ];
    for (applies, have, what) in checks {
        if applies && !have {
            return Some(format!("run-tests.py feature check: no {what}"));
        }
    }
    None
}
