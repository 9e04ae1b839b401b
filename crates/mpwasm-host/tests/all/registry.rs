//! The registry itself: names, duplicates, cloning, the guest prelude.

use mpwasm_host::{Bridge, HostFunctions, MAX_NAME_LEN, RegisterError};
use serde_json::json;

#[test]
fn valid_names() {
    let mut f = HostFunctions::new();
    for name in [
        "a",
        "_",
        "_private",
        "snake_case",
        "CamelCase",
        "x1",
        "match",
        "case",
        "type",
        "print",
        "____",
    ] {
        f.register(name, || 1)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    f.register(&"n".repeat(MAX_NAME_LEN), || 1).unwrap();
    assert_eq!(f.len(), 12);
}

#[test]
fn invalid_names() {
    let mut f = HostFunctions::new();
    let invalid = |name: &str, reason: &'static str| RegisterError::InvalidName {
        name: name.into(),
        reason,
    };
    let cases = [
        ("", invalid("", "empty")),
        (
            "1x",
            invalid("1x", "must start with an ASCII letter or underscore"),
        ),
        (
            "é",
            invalid("é", "must start with an ASCII letter or underscore"),
        ),
        (
            "a-b",
            invalid(
                "a-b",
                "may only contain ASCII letters, digits and underscores",
            ),
        ),
        (
            "a b",
            invalid(
                "a b",
                "may only contain ASCII letters, digits and underscores",
            ),
        ),
        (
            "naïve",
            invalid(
                "naïve",
                "may only contain ASCII letters, digits and underscores",
            ),
        ),
        (
            "a'b",
            invalid(
                "a'b",
                "may only contain ASCII letters, digits and underscores",
            ),
        ),
        (
            "a\n",
            invalid(
                "a\n",
                "may only contain ASCII letters, digits and underscores",
            ),
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(f.register(name, || 1).unwrap_err(), expected);
    }
    let long = "n".repeat(MAX_NAME_LEN + 1);
    assert_eq!(
        f.register(&long, || 1).unwrap_err(),
        invalid(&long, "longer than 255 bytes")
    );
    for keyword in [
        "None", "True", "False", "class", "def", "lambda", "import", "async", "await", "yield",
        "nonlocal",
    ] {
        assert_eq!(
            f.register(keyword, || 1).unwrap_err(),
            RegisterError::Keyword {
                name: keyword.into()
            }
        );
    }
    for reserved in ["host", "__import__", "__name__", "__init__"] {
        assert_eq!(
            f.register(reserved, || 1).unwrap_err(),
            RegisterError::Reserved {
                name: reserved.into()
            }
        );
    }
    assert!(f.is_empty());
}

#[test]
fn error_messages() {
    let mut f = HostFunctions::new();
    assert_eq!(
        f.register("a-b", || 1).unwrap_err().to_string(),
        "host function name \"a-b\" is invalid: may only contain ASCII letters, digits and underscores"
    );
    assert_eq!(
        f.register("host", || 1).unwrap_err().to_string(),
        "host function name 'host' is reserved"
    );
    f.register("x", || 1).unwrap();
    assert_eq!(
        f.register("x", || 2).unwrap_err().to_string(),
        "host function 'x' is already registered"
    );
}

#[test]
fn duplicates_are_rejected_across_registration_kinds() {
    let mut f = HostFunctions::new();
    f.register("dup", || 1).unwrap();
    let dup = RegisterError::Duplicate { name: "dup".into() };
    assert_eq!(f.register("dup", || 2).unwrap_err(), dup);
    assert_eq!(
        f.register_raw("dup", |_, _, _| Ok(json!(3))).unwrap_err(),
        dup
    );
    assert_eq!(
        f.register_with_params("dup", &["a"], |v: serde_json::Value| v)
            .unwrap_err(),
        dup
    );
    assert_eq!(
        f.register_with_context("dup", |_cx: &mut mpwasm_host::CallContext<'_>| 4)
            .unwrap_err(),
        dup
    );
    // The original is untouched.
    assert_eq!(
        f.call("dup", &mut (), &[], &Default::default()),
        Ok(json!(1))
    );
}

#[test]
fn clones_are_independent() {
    let mut original = HostFunctions::new();
    original.register("a", || 1).unwrap();
    let mut copy = original.clone();
    copy.register("b", || 2).unwrap();
    assert_eq!(original.names().collect::<Vec<_>>(), ["a"]);
    assert_eq!(copy.names().collect::<Vec<_>>(), ["a", "b"]);
    assert!(copy.contains("a") && copy.contains("b") && !original.contains("b"));
    assert_eq!(format!("{copy:?}"), r#"{"a", "b"}"#);
}

#[test]
fn thread_safety() {
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    fn assert_send<T: Send + 'static>() {}
    assert_send_sync::<HostFunctions>();
    assert_send::<Bridge>();

    let mut f = HostFunctions::new();
    f.register("add", |a: i64, b: i64| a + b).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let f = f.clone();
            std::thread::spawn(move || {
                f.call("add", &mut (), &[json!(i), json!(1)], &Default::default())
            })
        })
        .collect();
    for (i, handle) in handles.into_iter().enumerate() {
        assert_eq!(handle.join().unwrap(), Ok(json!(i + 1)));
    }
}

#[test]
fn guest_prelude() {
    assert_eq!(HostFunctions::new().guest_prelude(), "");
    let mut f = HostFunctions::new();
    f.register("upper", |s: String| s.to_uppercase())
        .unwrap()
        .register("add", |a: i64, b: i64| a + b)
        .unwrap();
    insta::assert_snapshot!("guest_prelude", f.guest_prelude());
    assert_eq!(
        f.guest_prelude(),
        "from host import function as _mpwasm_function\n\
         add = _mpwasm_function('add')\n\
         upper = _mpwasm_function('upper')\n"
    );
}

#[test]
fn bridge_state_and_debug() {
    let mut f = HostFunctions::new();
    f.register("a", || 1).unwrap();
    let mut bridge = Bridge::new(f).with_state(5_i32);
    assert_eq!(bridge.state::<i32>(), Some(&mut 5));
    bridge.set_state("text");
    assert_eq!(bridge.state::<&str>(), Some(&mut "text"));
    let state = bridge.take_state();
    assert_eq!(state.downcast_ref::<&str>(), Some(&"text"));
    assert!(bridge.state::<()>().is_some());
    let debug = format!("{bridge:?}");
    assert!(debug.starts_with("Bridge {"), "{debug}");
}
