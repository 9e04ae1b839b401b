//! The replay session.

use std::sync::{Arc, Mutex};

use mpwasm_core::{HostFunctions, RunOptions};
use mpwasm_session::{Error, ReplaySession};

use crate::runtime;

#[test]
fn keeps_state_of_successful_snippets_only() {
    let mut s = ReplaySession::new(runtime());
    s.run("x = 1").unwrap();
    assert!(matches!(
        s.run("x = 2\nraise ValueError"),
        Err(Error::Run(_))
    ));
    assert_eq!(s.run("print(x)").unwrap().stdout_str(), "1\n");
    assert_eq!(s.snippets(), ["x = 1", "print(x)"]);
}

#[test]
fn returns_only_the_new_snippets_output() {
    let mut s = ReplaySession::new(runtime());
    s.run("print('first')\ny = 2").unwrap();
    let r = s.run("print(y * 21)").unwrap();
    assert_eq!(r.stdout_str(), "42\n");
}

#[test]
fn replays_side_effects_and_close_clears() {
    let calls = Arc::new(Mutex::new(0));
    let counter = calls.clone();
    let mut functions = HostFunctions::new();
    functions
        .register("tick", move || {
            *counter.lock().unwrap() += 1;
        })
        .unwrap();
    let mut s = ReplaySession::with_options(
        runtime(),
        RunOptions::new().host_functions(functions).clone(),
    );
    s.run("tick()").unwrap();
    s.run("pass").unwrap();
    assert_eq!(
        *calls.lock().unwrap(),
        2,
        "replay re-runs the first snippet"
    );
    s.close();
    assert!(s.snippets().is_empty());
    assert!(matches!(s.run("pass"), Err(Error::SessionClosed)));
}
