//! Streaming output: the callback sees the guest's lines as they are
//! written, in order, within the output cap; a failing callback stops the
//! run with a typed error and leaves the VM usable.

use std::sync::{Arc, Mutex};

use mpwasm_core::{
    Error, HostFunctions, OutputBuffering, OutputCallback, OutputCallbackError, RunOptions, Stream,
    Vm,
};

use crate::runtime;

type Seen = Arc<Mutex<Vec<(Stream, String)>>>;

fn recording(options: &mut RunOptions) -> Seen {
    let seen: Seen = Arc::default();
    let sink = seen.clone();
    options.on_output(move |stream, chunk| {
        sink.lock()
            .unwrap()
            .push((stream, String::from_utf8_lossy(chunk).into_owned()));
        Ok(())
    });
    seen
}

fn texts(seen: &Seen) -> Vec<(Stream, String)> {
    seen.lock().unwrap().clone()
}

#[test]
fn lines_arrive_in_order_before_the_run_ends() {
    let mut options = RunOptions::new();
    let seen = recording(&mut options);
    // The host function runs in the middle of the guest's run: what the
    // callback has seen by then was delivered while the guest was running.
    let observed = seen.clone();
    let mut functions = HostFunctions::new();
    functions
        .register("seen_so_far", move || -> Vec<String> {
            texts(&observed).into_iter().map(|(_, t)| t).collect()
        })
        .unwrap();
    options.host_functions(functions);
    let code =
        "for i in range(3):\n    print('line', i)\nprint(seen_so_far())\nprint('tail', end='')";
    let result = runtime().run_with(code, &options).unwrap();
    let want_stdout = "line 0\nline 1\nline 2\n['line 0\\n', 'line 1\\n', 'line 2\\n']\ntail";
    assert_eq!(result.stdout_str(), want_stdout);
    let got = texts(&seen);
    let joined: String = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(joined, want_stdout, "the callback saw the captured bytes");
    assert!(got.iter().all(|(s, _)| *s == Stream::Stdout));
    // One call per line, the unterminated tail at the end.
    assert_eq!(got.len(), 5);
    assert_eq!(got[4].1, "tail");
}

#[test]
fn stderr_is_tagged_and_interleaved_in_write_order() {
    let mut options = RunOptions::new();
    let seen = recording(&mut options);
    let code = "import sys\nprint('out 1')\nsys.stderr.write('err 1\\n')\nprint('out 2')";
    let result = runtime().run_with(code, &options).unwrap();
    assert_eq!(result.stdout_str(), "out 1\nout 2\n");
    assert_eq!(result.stderr_str(), "err 1\n");
    assert_eq!(
        texts(&seen),
        [
            (Stream::Stdout, "out 1\n".to_owned()),
            (Stream::Stderr, "err 1\n".to_owned()),
            (Stream::Stdout, "out 2\n".to_owned()),
        ]
    );
}

#[test]
fn merged_streams_keep_their_tags() {
    let mut options = RunOptions::new();
    options.stderr_to_stdout(true);
    let seen = recording(&mut options);
    let code = "import sys\nprint('a')\nsys.stderr.write('b\\n')";
    let result = runtime().run_with(code, &options).unwrap();
    assert_eq!(result.stdout_str(), "a\nb\n");
    assert_eq!(
        texts(&seen),
        [
            (Stream::Stdout, "a\n".to_owned()),
            (Stream::Stderr, "b\n".to_owned()),
        ]
    );
}

#[test]
fn unbuffered_gives_each_write() {
    let mut options = RunOptions::new();
    options.output_buffering(OutputBuffering::Unbuffered);
    let seen = recording(&mut options);
    let code = "import sys\nsys.stdout.write('ab')\nsys.stdout.write('c\\nd')";
    runtime().run_with(code, &options).unwrap();
    let got: Vec<String> = texts(&seen).into_iter().map(|(_, t)| t).collect();
    assert_eq!(got, ["ab", "c\nd"]);
}

#[test]
fn the_output_cap_holds_for_the_callback() {
    let mut options = RunOptions::new();
    options.limits_mut().max_output_bytes(10);
    let seen = recording(&mut options);
    let result = runtime()
        .run_with("for i in range(100):\n    print('xxxx')", &options)
        .unwrap();
    assert!(result.stdout_truncated);
    let joined: String = texts(&seen).into_iter().map(|(_, t)| t).collect();
    assert_eq!(joined.as_bytes(), result.stdout.as_slice());
    assert_eq!(joined, "xxxx\nxxxx\n");
}

#[test]
fn a_panicking_callback_stops_the_run_with_a_typed_error_and_keeps_the_vm() {
    let mut options = RunOptions::new();
    options.limits_mut().fuel(None);
    options.on_output(|_, chunk| {
        if chunk.starts_with(b"stop") {
            panic!("the UI went away");
        }
        Ok(())
    });
    let mut vm = Vm::new(runtime(), &options).unwrap();
    vm.run("state = 'kept'").unwrap();
    let code = "n = 0\ntry:\n    while True:\n        n += 1\n        print('stop' if n == 3 else 'go')\nfinally:\n    state = 'finally ran'";
    let e = vm.run(code).unwrap_err();
    let Error::OutputCallback { source, result } = &e else {
        panic!("{e:?}")
    };
    assert!(
        matches!(source, OutputCallbackError::Panicked { stream: Stream::Stdout, message } if message == "the UI went away"),
        "{source:?}"
    );
    assert!(result.stdout_str().starts_with("go\ngo\nstop\n"));
    assert!(!e.is_trap());
    assert_eq!(e.kind(), "output_callback");
    // The next run starts clean (the callback is called again).
    assert_eq!(
        vm.run("print(state)").unwrap().stdout_str(),
        "finally ran\n"
    );
}

#[test]
fn a_callback_error_keeps_its_cause() {
    #[derive(Debug, thiserror::Error)]
    #[error("socket closed")]
    struct Closed;
    let mut options = RunOptions::new();
    options.on_output(|_, _| Err(Box::new(Closed)));
    let e = runtime()
        .run_with("print(1)\nprint(2)", &options)
        .unwrap_err();
    let Error::OutputCallback { source, result } = &e else {
        panic!("{e:?}")
    };
    assert!(matches!(
        source,
        OutputCallbackError::Failed {
            stream: Stream::Stdout,
            ..
        }
    ));
    let cause = std::error::Error::source(source).unwrap();
    assert_eq!(cause.to_string(), "socket closed");
    assert!(result.stdout_str().starts_with("1\n"));
}

#[test]
fn a_vm_can_change_its_callback_between_runs() {
    let mut vm = Vm::new(runtime(), &RunOptions::new()).unwrap();
    vm.run("print('before')").unwrap();
    let seen: Seen = Arc::default();
    let sink = seen.clone();
    vm.set_output_callback(
        Some(OutputCallback::new(move |stream, chunk| {
            sink.lock()
                .unwrap()
                .push((stream, String::from_utf8_lossy(chunk).into_owned()));
            Ok(())
        })),
        OutputBuffering::Line,
    );
    vm.run("print('during')").unwrap();
    vm.set_output_callback(None, OutputBuffering::Line);
    vm.run("print('after')").unwrap();
    assert_eq!(texts(&seen), [(Stream::Stdout, "during\n".to_owned())]);
}
