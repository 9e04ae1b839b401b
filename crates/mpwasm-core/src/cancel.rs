//! Stopping runs from another thread, and the soft-limit vocabulary.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What stopped a run early: a limit that ran out, or a cancel.
///
/// A run stopped softly ([`crate::Error::Interrupted`]) keeps its VM; one
/// stopped hard because the guest did not return within the grace period
/// ([`crate::Error::Timeout`], [`crate::Error::OutOfFuel`],
/// [`crate::Error::Cancelled`]) is a trap. [`crate::Error::interrupt`] says
/// which of these tripped in both cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Interrupt {
    /// The wall-clock budget ([`crate::Limits::wall_timeout`]).
    WallClock,
    /// The fuel budget ([`crate::Limits::fuel`]).
    Fuel,
    /// [`CancelHandle::cancel`] or the run's [`crate::RunOptions::interrupt_check`].
    Cancel,
}

impl Interrupt {
    /// A short, stable name: `"wall_clock"`, `"fuel"`, `"cancel"`.
    ///
    /// ```
    /// assert_eq!(mpwasm_core::Interrupt::Fuel.name(), "fuel");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Interrupt::WallClock => "wall_clock",
            Interrupt::Fuel => "fuel",
            Interrupt::Cancel => "cancel",
        }
    }

    pub(crate) fn abi(self) -> mpwasm_abi::InterruptKind {
        match self {
            Interrupt::WallClock => mpwasm_abi::InterruptKind::WallClock,
            Interrupt::Fuel => mpwasm_abi::InterruptKind::Fuel,
            Interrupt::Cancel => mpwasm_abi::InterruptKind::Cancel,
        }
    }
}

impl std::fmt::Display for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Interrupt::WallClock => "wall-clock limit reached",
            Interrupt::Fuel => "fuel limit reached",
            Interrupt::Cancel => "cancelled",
        })
    }
}

/// Ends the runs in progress from any thread, the soft way: the guest gets
/// `KeyboardInterrupt` at its next safe point, its `finally` blocks run and
/// the run returns [`crate::Error::Interrupted`] with
/// [`Interrupt::Cancel`]; a guest that does not return within the grace
/// period ([`crate::Limits::grace`]) traps ([`crate::Error::Cancelled`]).
///
/// Cheap to clone; all clones are one handle. A [`crate::Vm`] has one
/// ([`crate::Vm::cancel_handle`], or the one its [`crate::RunOptions`]
/// name), and so has a session. [`CancelHandle::cancel`] stops the runs
/// using the handle that are in progress when it is called; it does not
/// stop a later run.
///
/// ```
/// use std::time::{Duration, Instant};
/// use mpwasm_core::{CancelHandle, Error, Interrupt, RunOptions, Runtime};
///
/// let runtime = Runtime::new()?;
/// let cancel = CancelHandle::new();
/// let mut options = RunOptions::new();
/// options.limits_mut().fuel(None).wall_timeout(None);
/// options.cancel_handle(cancel.clone());
///
/// let stopper = std::thread::spawn(move || {
///     while !cancel.is_running() {
///         std::thread::sleep(Duration::from_millis(1));
///     }
///     std::thread::sleep(Duration::from_millis(20));
///     cancel.cancel()
/// });
/// let code = "try:\n    while True: pass\nfinally:\n    print('cleaned up')";
/// let Err(Error::Interrupted { interrupt, result, .. }) = runtime.run_with(code, &options) else {
///     panic!("expected a cancelled run")
/// };
/// assert_eq!(interrupt, Interrupt::Cancel);
/// assert_eq!(result.stdout_str(), "cleaned up\n");
/// assert!(stopper.join().unwrap());
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct CancelHandle(Arc<Shared>);

#[derive(Default)]
struct Shared {
    /// Bumped by every cancel; a run is cancelled once it differs from the
    /// value it saw when it started.
    generation: AtomicU64,
    /// Runs in progress with this handle.
    running: AtomicUsize,
    /// Sleeping guests wait here, so a cancel wakes them at once.
    lock: Mutex<()>,
    wake: Condvar,
}

impl std::fmt::Debug for CancelHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelHandle")
            .field("running", &self.0.running.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// What a run noted of its handle when it started.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticket(u64);

impl CancelHandle {
    /// A handle no run uses yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Stop the runs in progress with this handle; `true` when there was
    /// at least one. Returns at once: the run ends on its own thread (within
    /// milliseconds for Python code, at most the grace period later
    /// otherwise).
    pub fn cancel(&self) -> bool {
        {
            let _guard = self.0.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.0.generation.fetch_add(1, Ordering::SeqCst);
        }
        self.0.wake.notify_all();
        self.0.running.load(Ordering::SeqCst) > 0
    }

    /// Whether a run with this handle is in progress.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.0.running.load(Ordering::SeqCst) > 0
    }

    /// Whether `self` and `other` are the same handle (clones of one).
    #[must_use]
    pub fn same_as(&self, other: &CancelHandle) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    pub(crate) fn begin_run(&self) -> Ticket {
        self.0.running.fetch_add(1, Ordering::SeqCst);
        Ticket(self.0.generation.load(Ordering::SeqCst))
    }

    pub(crate) fn end_run(&self) {
        self.0.running.fetch_sub(1, Ordering::SeqCst);
    }

    pub(crate) fn is_cancelled(&self, ticket: Ticket) -> bool {
        self.0.generation.load(Ordering::Relaxed) != ticket.0
    }

    /// Sleep until `until`, or less if the run is cancelled meanwhile.
    pub(crate) fn sleep_until(&self, ticket: Ticket, until: Instant) {
        let mut guard = self.0.lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if self.is_cancelled(ticket) {
                return;
            }
            let now = Instant::now();
            if now >= until {
                return;
            }
            let wait = until.duration_since(now).min(Duration::from_secs(3600));
            guard = match self.0.wake.wait_timeout(guard, wait) {
                Ok((g, _)) => g,
                Err(e) => e.into_inner().0,
            };
        }
    }
}

/// Wakers of async waits, woken at every epoch tick by the runtime's ticker
/// thread: a pending host call or a guest sleep re-checks the run's limits
/// then, whatever executor polls it.
#[derive(Default)]
pub(crate) struct TickWakers(Mutex<Vec<std::task::Waker>>);

impl TickWakers {
    pub(crate) fn register(&self, waker: &std::task::Waker) {
        let mut wakers = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !wakers.iter().any(|w| w.will_wake(waker)) {
            wakers.push(waker.clone());
        }
    }

    pub(crate) fn wake_all(&self) {
        let wakers = std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()));
        for waker in wakers {
            waker.wake();
        }
    }
}
