//! Soft limits and cancel: a limit that runs out (or a cancel) raises an
//! exception at the guest's next safe point, `finally` runs and the VM
//! keeps its state; a guest that does not stop within the grace period
//! traps as before.

use std::time::{Duration, Instant};

use mpwasm_core::{CancelHandle, Error, Interrupt, RunOptions, Vm};

use crate::{err_with, limited, runtime};

/// A VM whose `__main__` holds some state, with these options.
fn vm_with_state(options: &RunOptions) -> Vm {
    let mut vm = Vm::new(runtime(), options).unwrap();
    vm.run("state = {'n': 41, 'items': [1, 2, 3]}").unwrap();
    vm
}

/// The run's error, which must be a soft stop by `want`; returns its
/// traceback and stdout.
fn soft(e: Error, want: Interrupt) -> (String, String) {
    assert!(!e.is_trap(), "{e:?}");
    assert_eq!(e.interrupt(), Some(want), "{e:?}");
    match e {
        Error::Interrupted {
            interrupt,
            traceback,
            result,
        } => {
            assert_eq!(interrupt, want);
            (traceback, result.stdout_str().into_owned())
        }
        other => panic!("{other:?}"),
    }
}

const LOOP_WITH_FINALLY: &str = "\
try:
    print('looping')
    while True:
        state['n'] += 0
finally:
    print('finally ran')
";

#[test]
fn a_wall_clock_trip_raises_limit_exceeded_and_keeps_the_vm() {
    let options = limited(|l| {
        l.fuel(None).wall_timeout(Some(Duration::from_millis(100)));
    });
    let mut vm = vm_with_state(&options);
    let started = Instant::now();
    let (traceback, stdout) = soft(vm.run(LOOP_WITH_FINALLY).unwrap_err(), Interrupt::WallClock);
    let took = started.elapsed();
    assert_eq!(stdout, "looping\nfinally ran\n");
    assert!(
        traceback.ends_with("LimitExceeded: wall-clock limit reached\n"),
        "{traceback}"
    );
    assert!(
        traceback.contains("File \"<string>\", line"),
        "points at the loop: {traceback}"
    );
    assert!(
        took >= Duration::from_millis(100)
            && took < Duration::from_millis(100) + Duration::from_secs(2),
        "{took:?}"
    );
    let r = vm
        .run("state['n'] += 1\nprint(state['n'], state['items'])")
        .unwrap();
    assert_eq!(r.stdout_str(), "42 [1, 2, 3]\n");
}

#[test]
fn a_fuel_trip_is_deterministic_and_keeps_the_vm() {
    let options = limited(|l| {
        l.fuel(Some(20_000_000)).wall_timeout(None);
    });
    let mut vm = vm_with_state(&options);
    let first = vm.run(LOOP_WITH_FINALLY).unwrap_err();
    let consumed = first.run_result().unwrap().fuel_consumed;
    let (traceback, stdout) = soft(first, Interrupt::Fuel);
    assert_eq!(stdout, "looping\nfinally ran\n");
    assert!(
        traceback.ends_with("LimitExceeded: fuel limit reached\n"),
        "{traceback}"
    );
    // The budget was used, and little more: the guest asks every few
    // dozen branches.
    assert!((20_000_000..21_000_000).contains(&consumed), "{consumed}");
    // The same run in a VM with the same history uses the same fuel.
    let again = vm_with_state(&options).run(LOOP_WITH_FINALLY).unwrap_err();
    assert_eq!(again.run_result().unwrap().fuel_consumed, consumed);
    assert_eq!(again.run_result().unwrap().fuel_remaining, Some(0));
    assert_eq!(
        vm.run("print(state['items'])").unwrap().stdout_str(),
        "[1, 2, 3]\n"
    );
}

#[test]
fn limit_exceeded_is_a_base_exception_that_except_exception_does_not_catch() {
    let r = runtime()
        .run(
            "print(issubclass(LimitExceeded, BaseException), issubclass(LimitExceeded, Exception))",
        )
        .unwrap();
    assert_eq!(r.stdout_str(), "True False\n");
    let code = "\
try:
    while True: pass
except Exception:
    print('swallowed')
";
    let options = limited(|l| {
        l.fuel(Some(10_000_000));
    });
    let (traceback, stdout) = soft(err_with(code, &options), Interrupt::Fuel);
    assert_eq!(stdout, "");
    assert!(traceback.contains("LimitExceeded"), "{traceback}");
}

#[test]
fn a_guest_that_catches_the_stop_and_returns_is_still_reported() {
    let code = "\
try:
    while True: pass
except LimitExceeded as e:
    print('stopped:', e)
";
    let options = limited(|l| {
        l.fuel(None).wall_timeout(Some(Duration::from_millis(50)));
    });
    let (traceback, stdout) = soft(err_with(code, &options), Interrupt::WallClock);
    assert_eq!(stdout, "stopped: wall-clock limit reached\n");
    assert_eq!(traceback, "");
}

#[test]
fn a_guest_that_keeps_going_traps_after_the_grace_period() {
    let swallow = "\
print('s')
while True:
    try:
        while True: pass
    except BaseException:
        print('caught')
";
    let clock = limited(|l| {
        l.fuel(None)
            .wall_timeout(Some(Duration::from_millis(50)))
            .grace(Duration::from_millis(50));
    });
    let started = Instant::now();
    let e = err_with(swallow, &clock);
    assert!(
        matches!(&e, Error::Timeout(r) if r.stdout_str() == "s\ncaught\n"),
        "{e:?}"
    );
    assert!(e.is_trap());
    assert_eq!(e.interrupt(), Some(Interrupt::WallClock));
    assert!(started.elapsed() < Duration::from_secs(3));

    let fuel = limited(|l| {
        l.fuel(Some(10_000_000))
            .fuel_grace(5_000_000)
            .wall_timeout(None);
    });
    let e = err_with(swallow, &fuel);
    let Error::OutOfFuel(r) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(r.stdout_str(), "s\ncaught\n");
    assert_eq!(r.fuel_consumed, 15_000_000);
    assert_eq!(r.fuel_remaining, Some(0));

    // Sleeping through the grace period ends it too.
    let sleeper = "\
import time
try:
    while True: pass
finally:
    time.sleep(10)
";
    let started = Instant::now();
    assert!(matches!(err_with(sleeper, &clock), Error::Timeout(_)));
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn catastrophic_regex_backtracking_stops_softly() {
    // The re engine (modre_port.c) backtracks in C; it raises a pending
    // limit itself, so `finally` runs and the VM keeps its state.
    let code = "\
import re
try:
    re.match(r'(a+)+$', 'a' * 40 + 'b')
finally:
    print('finally ran')
";
    let options = limited(|l| {
        l.fuel(None).wall_timeout(Some(Duration::from_millis(100)));
    });
    let mut vm = vm_with_state(&options);
    let (traceback, stdout) = soft(vm.run(code).unwrap_err(), Interrupt::WallClock);
    assert_eq!(stdout, "finally ran\n");
    assert!(
        traceback.ends_with("LimitExceeded: wall-clock limit reached\n"),
        "{traceback}"
    );
    let out = vm
        .run("print(state['n'], re.findall(r'\\d+', 'a1b22'))")
        .unwrap();
    assert_eq!(out.stdout_str(), "41 ['1', '22']\n");
}

#[test]
fn code_stuck_in_c_past_the_grace_period_traps_and_poisons() {
    // `sum` over a range iterates in C: no safe point until it returns.
    let stuck = "sum(range(10**9))";
    let clock = limited(|l| {
        l.fuel(None)
            .wall_timeout(Some(Duration::from_millis(50)))
            .grace(Duration::from_millis(50));
    });
    let started = Instant::now();
    let e = err_with(stuck, &clock);
    assert!(matches!(e, Error::Timeout(_)), "{e:?}");
    assert!(e.is_trap());
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(100) && took < Duration::from_secs(3),
        "{took:?}"
    );
    let fuel = limited(|l| {
        l.fuel(Some(1_000_000))
            .fuel_grace(1_000_000)
            .wall_timeout(None);
    });
    let e = err_with(stuck, &fuel);
    assert!(
        matches!(&e, Error::OutOfFuel(r) if r.fuel_consumed == 2_000_000),
        "{e:?}"
    );
}

#[test]
fn zero_grace_makes_limits_hard() {
    let options = limited(|l| {
        l.fuel(None)
            .wall_timeout(Some(Duration::from_millis(30)))
            .grace(Duration::ZERO);
    });
    assert!(matches!(
        err_with("while True: pass", &options),
        Error::Timeout(_)
    ));
    let options = limited(|l| {
        l.fuel(Some(1_000_000)).fuel_grace(0).wall_timeout(None);
    });
    let e = err_with("while True: pass", &options);
    assert!(
        matches!(&e, Error::OutOfFuel(r) if r.fuel_consumed == 1_000_000),
        "{e:?}"
    );
}

#[test]
fn a_sleep_ends_softly_at_the_deadline() {
    let options = limited(|l| {
        l.wall_timeout(Some(Duration::from_millis(100)));
    });
    let mut vm = vm_with_state(&options);
    let started = Instant::now();
    let code = "import time\ntry:\n    time.sleep(30)\nfinally:\n    print('woke')";
    let (traceback, stdout) = soft(vm.run(code).unwrap_err(), Interrupt::WallClock);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(stdout, "woke\n");
    assert!(traceback.contains("LimitExceeded"), "{traceback}");
    assert_eq!(vm.run("print(state['n'])").unwrap().stdout_str(), "41\n");
}

/// Start `code` in `vm` on another thread, cancel it `after` it started,
/// and return the error with how long the run took to end after the cancel.
fn cancel_after(mut vm: Vm, code: &'static str, after: Duration) -> (Error, Duration, Vm) {
    let cancel = vm.cancel_handle();
    let runner = std::thread::spawn(move || {
        let e = vm.run(code).unwrap_err();
        (e, Instant::now(), vm)
    });
    while !cancel.is_running() {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(after);
    let asked = Instant::now();
    assert!(cancel.cancel());
    let (e, ended, vm) = runner.join().unwrap();
    (e, ended.duration_since(asked), vm)
}

#[test]
fn cancel_from_another_thread_ends_a_loop_within_50_ms_and_keeps_the_vm() {
    let options = limited(|l| {
        l.fuel(None).wall_timeout(None);
    });
    let mut worst = Duration::ZERO;
    let mut vm = vm_with_state(&options);
    for _ in 0..5 {
        let (e, took, back) = cancel_after(vm, "while True: pass", Duration::from_millis(20));
        vm = back;
        let (traceback, _) = soft(e, Interrupt::Cancel);
        assert!(traceback.contains("KeyboardInterrupt"), "{traceback:?}");
        worst = worst.max(took);
    }
    println!("cancel latency, worst of 5: {worst:?}");
    assert!(worst < Duration::from_millis(50), "{worst:?}");
    assert_eq!(vm.run("print(state['n'])").unwrap().stdout_str(), "41\n");
}

#[test]
fn cancel_wakes_a_sleeping_guest() {
    let vm = vm_with_state(&RunOptions::new());
    let code = "import time\ntry:\n    time.sleep(30)\nfinally:\n    print('woke')";
    let (e, took, _) = cancel_after(vm, code, Duration::from_millis(20));
    let (_, stdout) = soft(e, Interrupt::Cancel);
    assert_eq!(stdout, "woke\n");
    assert!(took < Duration::from_millis(50), "{took:?}");
}

#[test]
fn a_cancel_of_code_stuck_in_c_traps_after_the_grace_period() {
    let options = limited(|l| {
        l.fuel(None)
            .wall_timeout(None)
            .grace(Duration::from_millis(50));
    });
    let vm = Vm::new(runtime(), &options).unwrap();
    let (e, took, _) = cancel_after(vm, "sum(range(10**9))", Duration::from_millis(10));
    assert!(matches!(e, Error::Cancelled(_)), "{e:?}");
    assert!(e.is_trap());
    assert_eq!(e.interrupt(), Some(Interrupt::Cancel));
    assert!(
        took >= Duration::from_millis(50) && took < Duration::from_secs(2),
        "{took:?}"
    );
}

#[test]
fn a_cancel_between_runs_does_not_stop_the_next_one() {
    let handle = CancelHandle::new();
    assert!(!handle.cancel(), "no run in progress");
    let mut options = RunOptions::new();
    options.cancel_handle(handle.clone());
    let mut vm = Vm::new(runtime(), &options).unwrap();
    assert!(vm.cancel_handle().same_as(&handle));
    assert!(!handle.cancel());
    let r = vm
        .run("for i in range(100000): pass\nprint('done')")
        .unwrap();
    assert_eq!(r.stdout_str(), "done\n");
    assert!(!handle.is_running());
}

#[test]
fn one_handle_cancels_every_run_that_uses_it() {
    let handle = CancelHandle::new();
    let mut options = limited(|l| {
        l.fuel(None).wall_timeout(None);
    });
    options.cancel_handle(handle.clone());
    let runners: Vec<_> = (0..3)
        .map(|_| {
            let options = options.clone();
            std::thread::spawn(move || runtime().run_with("while True: pass", &options))
        })
        .collect();
    // A cancel stops the runs in progress; repeat it until the threads
    // that had not started yet have started and been stopped too.
    let started = Instant::now();
    while !runners.iter().all(|r| r.is_finished()) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "runs not stopped"
        );
        std::thread::sleep(Duration::from_millis(20));
        handle.cancel();
    }
    for r in runners {
        let e = r.join().unwrap().unwrap_err();
        assert_eq!(e.interrupt(), Some(Interrupt::Cancel), "{e:?}");
    }
}

#[test]
fn an_interrupt_that_races_the_end_of_a_run_does_not_leak_into_the_next() {
    // Trip at every possible point near the end of a short run: whatever
    // the outcome of that run, the next one is clean.
    let mut vm = Vm::new(runtime(), &RunOptions::new()).unwrap();
    for fuel in (200_000..2_000_000).step_by(150_000) {
        let mut limits = vm.get_limits().clone();
        limits.fuel(Some(fuel));
        vm.set_limits(limits).unwrap();
        let outcome = vm.run("x = 0\nfor i in range(300): x += i\ntry:\n    raise ValueError\nexcept ValueError:\n    pass");
        if let Err(e) = &outcome {
            assert_eq!(e.interrupt(), Some(Interrupt::Fuel), "{e:?}");
        }
        let mut limits = vm.get_limits().clone();
        limits.fuel(Some(1_000_000_000));
        vm.set_limits(limits).unwrap();
        let r = vm
            .run("for i in range(1000): pass\nprint('clean')")
            .unwrap();
        assert_eq!(r.stdout_str(), "clean\n");
    }
}
