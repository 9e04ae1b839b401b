//! Tests whose `.exp` file records MicroPython behaviour that our patches
//! (`micropython-port/patches/`) replaced with CPython's: for these the
//! expected output is the `.exp` with the listed lines replaced by what
//! CPython prints for the same statements. `cpython_snippet` holds those
//! statements; the `replacements_are_what_cpython_prints` test runs it with
//! CPython and checks that it prints exactly the new lines, so no expected
//! text here is typed by hand. docs/compat.md lists these tests.

/// One test whose expectation changed.
#[derive(Debug, Clone, Copy)]
pub struct Updated {
    /// `dir/name.py`.
    pub test: &'static str,
    /// The patch that changed the behaviour.
    pub patch: &'static str,
    pub reason: &'static str,
    /// `(old, new)` lines of the `.exp` file, each replaced once, in order.
    pub lines: &'static [(&'static str, &'static str)],
    /// Statements of the test whose CPython output is the new lines.
    pub cpython_snippet: &'static str,
}

pub const UPDATED: &[Updated] = &[
    Updated {
        test: "misc/non_compliant_lexer.py",
        patch: "0130-ascii-names.patch",
        reason: "`\\N{...}` escapes are implemented: the .exp expects NotImplementedError for \
             \"\\N{LATIN SMALL LETTER A}\", CPython evaluates it",
        lines: &[("NotImplementedError", "no Error")],
        cpython_snippet: "try:\n    exec('\"\\\\N{LATIN SMALL LETTER A}\"')\n    print(\"no Error\")\nexcept SyntaxError:\n    print(\"SyntaxError\")\nexcept NotImplementedError:\n    print(\"NotImplementedError\")\n",
    },
    Updated {
        test: "basics/builtin_help.py",
        patch: "0210-builtins.patch",
        reason: "`int` has CPython's `bit_length`, `bit_count`, `as_integer_ratio` and `conjugate`: \
             `help(int)` and `help(1)` list them after `to_bytes` (the .exp lists MicroPython's \
             two methods; CPython's int has all of them as methods)",
        lines: &[
            ("  to_bytes -- <function>", INT_METHODS_HELP),
            ("  to_bytes -- <function>", INT_METHODS_HELP),
        ],
        cpython_snippet: "for obj in (int, 1):\n    for name in ('to_bytes', 'bit_length', 'bit_count', 'as_integer_ratio', 'conjugate'):\n        assert callable(getattr(obj, name)), name\n        print('  ' + name + ' -- <function>')\n",
    },
    Updated {
        test: "misc/non_compliant.py",
        patch: "0220-format.patch",
        reason: "`str.format` takes `{a[0]}` and `{0.attr}` fields: the .exp expects \
                 NotImplementedError for \"{a[0]}\".format(a=[1, 2]), CPython prints 1",
        lines: &[
            ("TypeError, ValueError", "TypeError, ValueError"),
            ("NotImplementedError", "1"),
        ],
        cpython_snippet: "try:\n    \"%c\" % b\"\\x01\\x02\"\nexcept (TypeError, ValueError):\n    print(\"TypeError, ValueError\")\ntry:\n    print(\"{a[0]}\".format(a=[1, 2]))\nexcept NotImplementedError:\n    print(\"NotImplementedError\")\n",
    },
    Updated {
        test: "float/string_format_modulo3.py",
        patch: "0240-percent-format.patch",
        reason: "`%`-formatting of floats is the C library's, correctly rounded as CPython's: \
                 the .exp records MicroPython's \"%.1g\" % -9.9 == '-10', CPython prints -1e+01",
        lines: &[("-10", "-1e+01"), ("100", "1e+02")],
        cpython_snippet: "print(\"%.1g\" % -9.9)\nprint(\"%.2g\" % 99.9)\n",
    },
];

/// What `help(int)` prints from `to_bytes` on, with patch 0210.
const INT_METHODS_HELP: &str = "  to_bytes -- <function>\n  bit_length -- <function>\n  bit_count -- <function>\n  as_integer_ratio -- <function>\n  conjugate -- <function>";

/// The entry for `test` (`dir/name.py`), if its expectation changed.
pub fn lookup(test: &str) -> Option<&'static Updated> {
    UPDATED.iter().find(|u| u.test == test)
}

/// `exp` with `u`'s lines replaced; `None` if one of the old lines is not
/// there (the test or the patch changed: the entry is stale).
pub fn apply(u: &Updated, exp: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(exp).ok()?;
    let mut lines: Vec<&str> = text.split('\n').collect();
    let mut from = 0;
    for (old, new) in u.lines {
        let at = from + lines[from..].iter().position(|l| l == old)?;
        lines[at] = new;
        from = at + 1;
    }
    Some(lines.join("\n").into_bytes())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn replacements_are_what_cpython_prints() {
        let Ok(cpython) = crate::expected::CPython::detect() else {
            eprintln!("no CPython: skipped");
            return;
        };
        for u in UPDATED {
            let out = std::process::Command::new(cpython.program())
                .args(["-c", u.cpython_snippet])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}: CPython failed", u.test);
            let want: String = u.lines.iter().map(|(_, new)| format!("{new}\n")).collect();
            assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{}", u.test);
        }
    }

    #[test]
    fn apply_replaces_in_order_and_detects_stale_entries() {
        let u = Updated {
            test: "t.py",
            patch: "p",
            reason: "r",
            lines: &[("a", "A"), ("a", "B")],
            cpython_snippet: "",
        };
        assert_eq!(apply(&u, b"a\nx\na\n").unwrap(), b"A\nx\nB\n");
        assert!(apply(&u, b"a\n").is_none());
    }
}
