//! Uncaught exceptions, syntax errors and exits: typed, with output kept.

use mpwasm_core::{Error, RunOptions};

use crate::{err_with, runtime};

fn render(e: &Error) -> String {
    format!("kind: {}\ndisplay: {e}\n", e.kind())
}

#[test]
fn uncaught_exception_keeps_output_and_traceback() {
    let e = err_with(
        "print('before')\ndef f():\n    raise ValueError('bad value')\nf()",
        &RunOptions::new(),
    );
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "ValueError");
    assert_eq!(g.message, "bad value");
    assert_eq!(g.result.stdout_str(), "before\n");
    insta::assert_snapshot!(g.traceback, @r#"
    Traceback (most recent call last):
      File "<string>", line 4, in <module>
      File "<string>", line 3, in f
    ValueError: bad value
    "#);
    insta::assert_snapshot!(render(&e));
}

#[test]
fn syntax_error_is_a_guest_exception() {
    let e = err_with("print('never')\nx = = 1", &RunOptions::new());
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "SyntaxError");
    assert_eq!(g.result.stdout_str(), "");
    insta::assert_snapshot!(render(&e));
}

#[test]
fn sys_exit_codes() {
    let e = err_with("import sys\nprint('bye')\nsys.exit(3)", &RunOptions::new());
    let Error::Exit { code, result } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*code, 3);
    assert_eq!(result.stdout_str(), "bye\n");
    let r = runtime()
        .run("import sys\nsys.exit(0)\nprint('not reached')")
        .unwrap();
    assert_eq!(r.stdout_str(), "");
    let e = err_with("import sys\nsys.exit('message')", &RunOptions::new());
    let Error::Exit { code, result } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((*code, result.stderr_str().as_ref()), (1, "message\n"));
}

#[test]
fn keyboard_interrupt_and_system_exit_raised_by_the_guest() {
    let e = err_with("raise KeyboardInterrupt", &RunOptions::new());
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "KeyboardInterrupt");
    let e = err_with("raise SystemExit(4)", &RunOptions::new());
    assert!(matches!(e, Error::Exit { code: 4, .. }), "{e:?}");
}

#[test]
fn rendered_errors() {
    let cases = [
        ("name_error", "undefined_name"),
        ("zero_division", "1/0"),
        ("type_error", "len(5)"),
        ("import_error", "import socket"),
    ];
    for (name, code) in cases {
        let e = err_with(code, &RunOptions::new());
        insta::assert_snapshot!(name, render(&e));
    }
}

/// The error and every cause in its `source()` chain, one per line.
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = format!("{e}\n");
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(&format!("  caused by: {c}\n"));
        cause = c.source();
    }
    text
}

/// Setup failures are typed and keep their cause as the `source()` chain.
#[test]
fn setup_errors_are_typed_with_their_causes() {
    use mpwasm_core::{ArtifactError, Runtime};

    let dir = tempfile::tempdir().unwrap();
    // A directory where the artifact should be: the OS error is the cause.
    let e = Runtime::from_file(dir.path()).unwrap_err();
    let Error::InvalidArtifact(ArtifactError::Read { source, .. }) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(source.kind(), std::io::ErrorKind::IsADirectory);
    assert!(matches!(
        Runtime::from_file(dir.path().join("missing.wasm")),
        Err(Error::ArtifactNotFound { .. })
    ));
    let e = Runtime::from_bytes(b"not wasm".to_vec()).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArtifact(ArtifactError::BadMagic)),
        "{e:?}"
    );
    // A valid module that is not the guest: its missing export is named.
    let empty = wat::parse_str("(module (memory (export \"memory\") 1))").unwrap();
    let e = Runtime::builder()
        .artifact_bytes(empty)
        .snapshot(false)
        .cache(false)
        .build()
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidArtifact(ArtifactError::MissingExport("mpw_init"))
        ),
        "{e:?}"
    );
    // A module that does not compile: wasmtime's error is the cause.
    let broken = b"\0asm\x01\0\0\0\x01\x05".to_vec();
    let e = Runtime::builder()
        .artifact_bytes(broken)
        .snapshot(false)
        .cache(false)
        .build()
        .unwrap_err();
    let Error::InvalidArtifact(ArtifactError::Compile(_)) = &e else {
        panic!("{e:?}")
    };
    assert!(std::error::Error::source(&e).is_some());

    let mut options = RunOptions::new();
    options.readonly_dir(dir.path().join("nope"));
    let e = runtime().run_with("pass", &options).unwrap_err();
    let Error::ReadonlyDir { source, .. } = &e else {
        panic!("{e:?}")
    };
    let io = source.downcast_ref::<std::io::Error>().unwrap();
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    insta::assert_snapshot!(
        chain(&e).replace(&dir.path().display().to_string(), "$TMP"),
        @r"
    cannot mount $TMP/nope read-only at /input
      caused by: No such file or directory (os error 2)
    "
    );
}

/// Configuration and limit errors name the setting.
#[test]
fn configuration_errors_name_the_setting() {
    use mpwasm_core::{ConfigError, LimitsError, Runtime};

    let e = Runtime::builder()
        .epoch_tick(std::time::Duration::ZERO)
        .build()
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidConfig(ConfigError::EpochTick(_))),
        "{e:?}"
    );
    let mut options = RunOptions::new();
    options.limits_mut().memory_bytes(3 << 30);
    // A runtime built for at most 64 MiB per instance refuses 3 GiB.
    let small = Runtime::builder()
        .max_memory_bytes(64 << 20)
        .build()
        .unwrap();
    let e = small.run_with("pass", &options).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidLimits(LimitsError::ExceedsRuntime {
                setting: "max_memory_bytes",
                value,
                max,
            }) if value == 3 << 30 && max == 64 << 20
        ),
        "{e:?}"
    );
    insta::assert_snapshot!(chain(&e), @"invalid limits: max_memory_bytes 3221225472 exceeds the runtime's 67108864 (RuntimeBuilder::max_memory_bytes)");
}
