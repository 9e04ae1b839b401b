//! The standard-library modules frozen into the guest (issue 17): one
//! program per module group (`stdlib/*.py`), its stdout in the sandbox
//! compared with the snapshot, which `stdlib/bless.py` writes from what
//! CPython prints for the same program (never edited by hand).

use crate::ok;

fn check(name: &str, code: &str) {
    let out = ok(code).stdout_str().into_owned();
    insta::assert_snapshot!(name, out);
}

#[test]
fn stdlib_collections() {
    check("collections", include_str!("stdlib/collections_mod.py"));
}

#[test]
fn stdlib_dataclasses() {
    check("dataclasses", include_str!("stdlib/dataclasses_mod.py"));
}

#[test]
fn stdlib_typing() {
    check("typing", include_str!("stdlib/typing_mod.py"));
}

#[test]
fn stdlib_functools_itertools_operator() {
    check("functools", include_str!("stdlib/functools_mod.py"));
}

#[test]
fn stdlib_enum() {
    check("enum", include_str!("stdlib/enum_mod.py"));
}

#[test]
fn stdlib_string_abc_contextlib_copy() {
    check("misc", include_str!("stdlib/misc_mod.py"));
}

#[test]
fn stdlib_re() {
    check("re", include_str!("stdlib/re_mod.py"));
}

#[test]
fn stdlib_io_print_strftime() {
    check("io", include_str!("stdlib/io_mod.py"));
}
