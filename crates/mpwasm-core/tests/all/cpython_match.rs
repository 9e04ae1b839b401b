//! The match statement, PEP 634 (issue 16, patch 0140): every pattern kind
//! (literal, capture, wildcard, value, group, sequence, mapping, class, or,
//! as, guard), `match`/`case` as soft keywords, and CPython's compile-time
//! SyntaxErrors and run-time TypeErrors. Each program's output must equal
//! CPython's (`python3` is run for the expectation) and is kept as a
//! snapshot.

use crate::like_cpython;

#[test]
fn literal_patterns() {
    like_cpython("match_literal", include_str!("cpython_match/literal.py"));
}

#[test]
fn capture_wildcard_value_and_guard_patterns() {
    like_cpython("match_capture", include_str!("cpython_match/capture.py"));
}

#[test]
fn sequence_patterns() {
    like_cpython("match_sequence", include_str!("cpython_match/sequence.py"));
}

#[test]
fn mapping_patterns() {
    like_cpython("match_mapping", include_str!("cpython_match/mapping.py"));
}

#[test]
fn class_patterns() {
    like_cpython("match_classes", include_str!("cpython_match/classes.py"));
}

#[test]
fn or_and_as_patterns() {
    like_cpython("match_or_as", include_str!("cpython_match/orpat.py"));
}

#[test]
fn soft_keywords_and_control_flow() {
    like_cpython("match_soft_keywords", include_str!("cpython_match/soft.py"));
}

#[test]
fn compile_time_errors() {
    like_cpython(
        "match_syntax_errors",
        include_str!("cpython_match/syntax_errors.py"),
    );
}

#[test]
fn captures_in_closures_classes_globals_and_comments() {
    like_cpython("match_scopes", include_str!("cpython_match/scopes.py"));
}
