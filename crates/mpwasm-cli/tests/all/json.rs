//! `--json`: the shape of the object, snapshotted with the run-dependent
//! numbers (duration, fuel) redacted.

use crate::mpwasm;

fn json_of(args: &[&str], code: i32) -> serde_json::Value {
    let out = mpwasm()
        .arg("--json")
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one line of JSON: {text}");
    serde_json::from_str(&text).unwrap()
}

macro_rules! snapshot {
    ($name:literal, $value:expr) => {
        insta::assert_json_snapshot!($name, $value, {
            ".duration_ms" => insta::dynamic_redaction(|v, _| redact(&v, "[duration_ms]", v.as_f64().is_some_and(|ms| ms >= 0.0))),
            ".fuel_consumed" => insta::dynamic_redaction(|v, _| redact(&v, "[fuel]", v.as_u64().is_some())),
            ".fuel_remaining" => insta::dynamic_redaction(|v, _| redact(&v, "[fuel]", v.as_u64().is_some())),
        })
    };
}

/// `null` stays (nothing ran, or unmetered); a well-formed number becomes
/// `placeholder`.
fn redact(
    value: &insta::internals::Content,
    placeholder: &str,
    well_formed: bool,
) -> insta::internals::Content {
    if value.is_nil() {
        return value.clone();
    }
    assert!(well_formed, "unexpected value {value:?} for {placeholder}");
    placeholder.into()
}

#[test]
fn json_success() {
    let v = json_of(
        &[
            "-c",
            "print('hi')\nimport sys\nprint('warn', file=sys.stderr)",
        ],
        0,
    );
    snapshot!("success", v);
}

#[test]
fn json_exception() {
    let v = json_of(&["-c", "print('partial')\nraise KeyError('k')"], 1);
    snapshot!("exception", v);
}

#[test]
fn json_sys_exit() {
    let v = json_of(&["-c", "import sys\nsys.exit(3)"], 3);
    snapshot!("sys_exit", v);
}

#[test]
fn json_out_of_fuel() {
    let v = json_of(&["--fuel", "1000000", "-c", "while True: pass"], 3);
    assert!(v["fuel_consumed"].as_u64().unwrap() >= 1_000_000);
    assert_eq!(v["fuel_remaining"], 0);
    let mut v = v;
    v["error"]["message"] = "[out of fuel after N units]".into();
    snapshot!("out_of_fuel", v);
}

#[test]
fn json_memory_limit() {
    let v = json_of(&["--memory", "4M", "-c", "x = bytearray(50_000_000)"], 5);
    snapshot!("memory_limit", v);
}

#[test]
fn json_setup_failure() {
    let v = json_of(&["--artifact", "/nonexistent", "-c", "pass"], 8);
    snapshot!("artifact_not_found", v);
}

#[test]
fn json_invalid_utf8_output_is_replaced() {
    let v = json_of(
        &["-c", "import sys\nsys.stdout.buffer.write(b'a\\xffb')"],
        0,
    );
    assert_eq!(v["stdout"], "a\u{fffd}b");
}
