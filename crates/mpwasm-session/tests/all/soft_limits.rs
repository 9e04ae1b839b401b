//! A session survives its limits and a cancel: the guest gets an exception
//! at a safe point, `finally` runs, the state is kept and the error says
//! what stopped the run.

use std::time::{Duration, Instant};

use mpwasm_core::{Error as RunError, Interrupt, Limits};
use mpwasm_session::{Error, ReplaySession, Session};

use crate::{limits, runtime};

const STATE: &str = "x = {'a': [1, 2, 3], 'n': 41}\nlog = []";
const LOOP: &str = "try:\n    while True: x['n'] += 0\nfinally:\n    log.append('finally')\n    print('finally ran')";

fn session_with_state() -> Session {
    let mut s = Session::new(runtime());
    s.run(STATE).unwrap();
    s
}

/// The soft stop `want`, with its stdout.
fn soft(outcome: Result<mpwasm_core::RunResult, Error>, want: Interrupt) -> String {
    match outcome {
        Err(Error::Run(RunError::Interrupted {
            interrupt, result, ..
        })) if interrupt == want => result.stdout_str().into_owned(),
        other => panic!("expected a soft {want:?} stop: {other:?}"),
    }
}

fn state_kept(s: &mut Session, finallies: usize) {
    assert_eq!(s.poisoned_by(), None);
    let r = s.run("x['n'] += 1\nprint(x, log)").unwrap();
    let log = vec!["'finally'"; finallies].join(", ");
    assert_eq!(
        r.stdout_str(),
        format!("{{'a': [1, 2, 3], 'n': {}}} [{log}]\n", 41 + 1)
    );
    s.run("x['n'] -= 1").unwrap();
}

#[test]
fn a_session_survives_a_wall_clock_timeout() {
    let mut s = session_with_state();
    s.set_limits(limits(|l| {
        l.fuel(None).wall_timeout(Some(Duration::from_millis(100)));
    }))
    .unwrap();
    assert_eq!(soft(s.run(LOOP), Interrupt::WallClock), "finally ran\n");
    state_kept(&mut s, 1);
}

#[test]
fn a_session_survives_a_fuel_trip() {
    let mut s = session_with_state();
    s.set_limits(limits(|l| {
        l.fuel(Some(30_000_000)).wall_timeout(None);
    }))
    .unwrap();
    assert_eq!(soft(s.run(LOOP), Interrupt::Fuel), "finally ran\n");
    state_kept(&mut s, 1);
}

#[test]
fn a_session_survives_a_cancel_from_another_thread_within_50_ms() {
    let mut s = session_with_state();
    s.set_limits(Limits::unlimited_time()).unwrap();
    let cancel = s.cancel_handle();
    let mut latencies = Vec::new();
    for round in 1..=3 {
        let runner = std::thread::spawn(move || {
            let outcome = s.run(LOOP);
            (outcome, Instant::now(), s)
        });
        while !cancel.is_running() {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(30));
        let asked = Instant::now();
        assert!(cancel.cancel());
        let (outcome, ended, back) = runner.join().unwrap();
        s = back;
        latencies.push(ended.duration_since(asked));
        assert_eq!(soft(outcome, Interrupt::Cancel), "finally ran\n");
        state_kept(&mut s, round);
    }
    println!("cancel to return: {latencies:?}");
    assert!(
        latencies.iter().all(|l| *l < Duration::from_millis(50)),
        "{latencies:?}"
    );
}

#[test]
fn the_cancel_handle_outlives_a_reset_and_a_poisoning() {
    let mut s = session_with_state();
    let cancel = s.cancel_handle();
    s.reset();
    assert!(s.cancel_handle().same_as(&cancel));
    s.set_limits(limits(|l| {
        l.fuel(None)
            .wall_timeout(Some(Duration::from_millis(50)))
            .grace(Duration::from_millis(20));
    }))
    .unwrap();
    let e = s.run("sum(range(10**9))").unwrap_err();
    assert!(
        matches!(e, Error::Run(RunError::Timeout(_))),
        "stuck in C past the grace: {e:?}"
    );
    assert!(s.poisoned_by().is_some());
    s.reset();
    s.set_limits(Limits::unlimited_time()).unwrap();
    let runner = std::thread::spawn(move || {
        let outcome = s.run("while True: pass");
        (outcome, s)
    });
    while !cancel.is_running() {
        std::thread::sleep(Duration::from_millis(1));
    }
    cancel.cancel();
    let (outcome, _) = runner.join().unwrap();
    soft(outcome, Interrupt::Cancel);
}

#[test]
fn a_replay_session_does_not_keep_an_interrupted_snippet() {
    let mut s = ReplaySession::with_options(
        runtime(),
        crate::limited(|l| {
            l.fuel(Some(20_000_000));
        }),
    );
    s.run("x = 1").unwrap();
    soft(s.run("x = 2\nwhile True: pass"), Interrupt::Fuel);
    assert_eq!(s.run("print(x)").unwrap().stdout_str(), "1\n");
    assert_eq!(s.snippets(), ["x = 1", "print(x)"]);
    assert!(!s.cancel_handle().is_running());
}
