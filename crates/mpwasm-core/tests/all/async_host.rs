//! Async host functions and async runs (`Vm::new_async`, `run_async`): many
//! guests on one thread waiting on host I/O, and the limits while a host
//! call is pending.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use mpwasm_core::{CancelHandle, Error, HostError, HostFunctions, Interrupt, RunOptions, Vm};

use crate::runtime;

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap()
}

/// Counts the calls in flight and the most seen at once.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    max: AtomicUsize,
    done: AtomicUsize,
}

fn sleeper(in_flight: Arc<InFlight>) -> HostFunctions {
    let mut functions = HostFunctions::new();
    functions
        .register_async("wait_ms", move |ms: u64| {
            let in_flight = in_flight.clone();
            async move {
                let n = in_flight.now.fetch_add(1, Ordering::SeqCst) + 1;
                in_flight.max.fetch_max(n, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(ms)).await;
                in_flight.now.fetch_sub(1, Ordering::SeqCst);
                in_flight.done.fetch_add(1, Ordering::SeqCst);
                ms
            }
        })
        .unwrap()
        .register("double", |x: i64| x * 2)
        .unwrap();
    functions
}

#[test]
fn hundred_waits_from_ten_vms_overlap_on_one_thread() {
    let in_flight = Arc::new(InFlight::default());
    let mut options = RunOptions::new();
    options.host_functions(sleeper(in_flight.clone()));
    let code = "total = 0\nfor i in range(10):\n    total += wait_ms(50)\nprint(total)";
    let rt = current_thread();
    let started = Instant::now();
    let results = rt.block_on(async {
        let runs = (0..10).map(|_| {
            let options = options.clone();
            async move {
                let mut vm = Vm::new_async(runtime(), &options).await?;
                vm.run_async(code).await
            }
        });
        futures::future::join_all(runs).await
    });
    let elapsed = started.elapsed();
    for result in &results {
        assert_eq!(result.as_ref().unwrap().stdout_str(), "500\n");
    }
    assert_eq!(in_flight.done.load(Ordering::SeqCst), 100);
    // Serially this is 5 s; ten at a time it is ten rounds of 50 ms.
    assert!(elapsed < Duration::from_millis(900), "took {elapsed:?}");
    assert!(
        in_flight.max.load(Ordering::SeqCst) >= 5,
        "at most {} calls overlapped",
        in_flight.max.load(Ordering::SeqCst)
    );
}

#[test]
fn sync_functions_and_sleep_work_in_async_runs() {
    let mut options = RunOptions::new();
    options.host_functions(sleeper(Arc::default()));
    let rt = current_thread();
    let out = rt
        .block_on(async {
            let mut vm = Vm::new_async(runtime(), &options).await?;
            vm.run_async("import time\nt = time.ticks_ms()\ntime.sleep_ms(30)\nslept = time.ticks_diff(time.ticks_ms(), t)")
                .await?;
            vm.run_async("print(double(21), wait_ms(1), slept >= 30)").await
        })
        .unwrap();
    assert_eq!(out.stdout_str(), "42 1 True\n");
    // One-shot too.
    let out = rt
        .block_on(runtime().run_with_async("print(double(wait_ms(2)))", &options))
        .unwrap();
    assert_eq!(out.stdout_str(), "4\n");
}

/// An async function that never finishes, noting when its future is dropped.
fn forever(dropped: Arc<AtomicBool>) -> HostFunctions {
    struct Guard(Arc<AtomicBool>);
    impl Drop for Guard {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }
    let mut functions = HostFunctions::new();
    functions
        .register_async("forever", move || {
            let guard = Guard(dropped.clone());
            async move {
                std::future::pending::<()>().await;
                drop(guard);
            }
        })
        .unwrap();
    functions
}

#[test]
fn wall_clock_ends_a_pending_call_and_keeps_the_vm() {
    let dropped = Arc::new(AtomicBool::new(false));
    let mut options = RunOptions::new();
    options.host_functions(forever(dropped.clone()));
    options
        .limits_mut()
        .wall_timeout(Some(Duration::from_millis(100)));
    let rt = current_thread();
    rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &options).await.unwrap();
        vm.run_async("state = {'a': 1}").await.unwrap();
        let started = Instant::now();
        let e = vm
            .run_async("try:\n    forever()\nfinally:\n    print('finally ran')")
            .await
            .unwrap_err();
        let elapsed = started.elapsed();
        let Error::Interrupted {
            interrupt, result, ..
        } = &e
        else {
            panic!("expected a soft stop, got {e:?}")
        };
        assert_eq!(*interrupt, Interrupt::WallClock);
        assert!(!e.is_trap());
        assert_eq!(result.stdout_str(), "finally ran\n");
        assert!(elapsed >= Duration::from_millis(95), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(600), "{elapsed:?}");
        assert!(
            dropped.load(Ordering::SeqCst),
            "the host future was dropped"
        );
        let out = vm.run_async("print(state)").await.unwrap();
        assert_eq!(out.stdout_str(), "{'a': 1}\n");
    });
}

#[test]
fn cancel_ends_a_pending_call_and_keeps_the_vm() {
    let dropped = Arc::new(AtomicBool::new(false));
    let cancel = CancelHandle::new();
    let mut options = RunOptions::new();
    options.host_functions(forever(dropped.clone()));
    options.cancel_handle(cancel.clone());
    options.limits_mut().wall_timeout(None);
    let rt = current_thread();
    rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &options).await.unwrap();
        vm.run_async("n = 7").await.unwrap();
        // Cancelled from another task on the same thread while the call waits.
        let canceller = {
            let cancel = cancel.clone();
            async move {
                while !cancel.is_running() {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
                tokio::time::sleep(Duration::from_millis(30)).await;
                (cancel.cancel(), Instant::now())
            }
        };
        let run = async {
            let e = vm
                .run_async("try:\n    forever()\nexcept Exception:\n    print('swallowed')\nfinally:\n    print('cleanup')")
                .await
                .unwrap_err();
            (e, Instant::now())
        };
        let ((e, ended), (had_run, cancelled_at)) = futures::join!(run, canceller);
        assert!(had_run);
        let Error::Interrupted {
            interrupt, result, ..
        } = &e
        else {
            panic!("expected a soft stop, got {e:?}")
        };
        assert_eq!(*interrupt, Interrupt::Cancel);
        // KeyboardInterrupt is no Exception: only `finally` ran.
        assert_eq!(result.stdout_str(), "cleanup\n");
        assert!(ended.duration_since(cancelled_at) < Duration::from_millis(50));
        assert!(dropped.load(Ordering::SeqCst));
        assert_eq!(vm.run_async("print(n)").await.unwrap().stdout_str(), "7\n");
    });
}

#[test]
fn async_errors_and_panics_reach_the_guest_as_sync_ones_do() {
    let mut functions = HostFunctions::new();
    functions
        .register_async("lookup", |key: String| async move {
            if key == "k" {
                Ok(1)
            } else {
                Err(HostError::key_error(key))
            }
        })
        .unwrap()
        .register_async("boom", || async {
            if true {
                panic!("kaput");
            }
            0
        })
        .unwrap()
        .register("sync_lookup", |key: String| -> Result<i32, HostError> {
            Err(HostError::key_error(key))
        })
        .unwrap();
    let mut options = RunOptions::new();
    options.host_functions(functions);
    let rt = current_thread();
    rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &options).await.unwrap();
        let code = "for f in (lookup, sync_lookup):\n    try:\n        f('x')\n    except RuntimeError as e:\n        print(type(e).__name__, e)";
        let out = vm.run_async(code).await.unwrap();
        assert_eq!(
            out.stdout_str(),
            "RuntimeError KeyError: x\nRuntimeError KeyError: x\n"
        );
        let e = vm.run_async("lookup('y')").await.unwrap_err();
        let Error::GuestException(exc) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(exc.type_name, "RuntimeError");
        assert_eq!(exc.message, "KeyError: y");
        let e = vm.run_async("boom()").await.unwrap_err();
        let Error::GuestException(exc) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(exc.message, "RuntimeError: internal error in host function 'boom'");
        assert_eq!(exc.result.host_failures.len(), 1);
        assert!(exc.result.host_failures[0].panicked);
        assert_eq!(vm.run_async("print(lookup('k'))").await.unwrap().stdout_str(), "1\n");
    });
}

#[test]
fn modes_do_not_mix() {
    let mut options = RunOptions::new();
    options.host_functions(forever(Arc::default()));
    // An async function called from a synchronous run raises, clearly.
    let e = runtime().run_with("forever()", &options).unwrap_err();
    let Error::GuestException(exc) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        exc.message,
        "RuntimeError: forever() is an async host function: run the code with run_async"
    );
    let rt = current_thread();
    rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &options).await.unwrap();
        assert!(matches!(
            vm.run("1"),
            Err(Error::AsyncMode { asynchronous: true })
        ));
        assert!(matches!(
            vm.heap_info(),
            Err(Error::AsyncMode { asynchronous: true })
        ));
        let mut sync_vm = Vm::new(runtime(), &RunOptions::new()).unwrap();
        assert!(matches!(
            sync_vm.run_async("1").await,
            Err(Error::AsyncMode {
                asynchronous: false
            })
        ));
    });
}

#[test]
fn functions_set_on_a_live_async_vm_are_defined_at_its_next_run() {
    let rt = current_thread();
    rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &RunOptions::new()).await.unwrap();
        vm.run_async("x = 2").await.unwrap();
        let mut functions = HostFunctions::new();
        functions
            .register_async("triple", |x: i64| async move { x * 3 })
            .unwrap();
        vm.set_host_functions(functions).unwrap();
        let out = vm.run_async("print(triple(x))").await.unwrap();
        assert_eq!(out.stdout_str(), "6\n");
    });
}

#[test]
fn deep_recursion_in_an_async_run_is_an_exception() {
    let rt = current_thread();
    rt.block_on(async {
        let mut vm = Vm::new_async(runtime(), &RunOptions::new()).await.unwrap();
        let out = vm
            .run_async("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('recursion')")
            .await
            .unwrap();
        assert_eq!(out.stdout_str(), "recursion\n");
        assert_eq!(vm.run_async("print(1)").await.unwrap().stdout_str(), "1\n");
    });
}
