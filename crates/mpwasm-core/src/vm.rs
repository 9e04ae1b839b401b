//! One live guest instance: a store, its instance and the exec protocol.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use mpwasm_abi::{
    ExecMode, ExecStatus, HEAP_INFO_WORDS, HeapField, INFO_WORDS, InfoField, WASM_PAGE_SIZE, import,
};
use mpwasm_host::HostFunctions;
use wasmtime::{
    Instance, Linker, Memory, ModuleExport, ResourceLimiter, Store, StoreLimits,
    StoreLimitsBuilder, Trap, TypedFunc, WasmParams, WasmResults,
};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{FsPerms, WasiCtxBuilder};

use crate::cancel::{TickWakers, Ticket};
use crate::output::{BoundedOutput, Stream};
use crate::runtime::GuestExports;
use crate::scratch::Scratch;
use crate::{
    ArtifactError, CancelHandle, Error, GuestException, Interrupt, InterruptCheck, Limits,
    LimitsError, MemoryImageError, OutputBuffering, OutputCallback, RunOptions, RunResult, Runtime,
};

/// Per-store host state.
pub(crate) struct StoreState {
    limiter: StoreLimits,
    stdout: BoundedOutput,
    stderr: BoundedOutput,
    /// The soft limits and cancel of the current exec.
    control: RunControl,
    /// Below this native stack address the guest's recursion check trips (see
    /// `stack_exhausted`); 0 outside an exec.
    native_stack_floor: usize,
    /// An async exec's native stack budget until its first `stack_exhausted`
    /// fixes the floor on the fiber stack.
    fiber_stack_budget: Option<usize>,
    pub(crate) bridge: mpwasm_host::Bridge,
    pub(crate) wasi: WasiP1Ctx,
    /// The writable `/output` and its quotas, when mounted.
    pub(crate) scratch: Option<Scratch>,
}

impl std::fmt::Debug for StoreState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreState")
            .field("control", &self.control)
            .finish_non_exhaustive()
    }
}

/// A soft stop of the current exec: what tripped and when.
#[derive(Debug, Clone, Copy)]
struct Trip {
    interrupt: Interrupt,
    at: Instant,
}

/// The soft-limit state of one exec. A limit that runs out (or a cancel)
/// *trips*: from then on the guest's next `poll` (at a safe point of the
/// VM) tells it to raise, once; the run may go on for the grace period
/// (its `finally` blocks, its handlers), after which the epoch callback or
/// a sleep ends it with a [`HardStop`] trap. Fuel has its own grace on top
/// of the budget ([`Limits::fuel_grace`]), armed into the store.
struct RunControl {
    /// Wall-clock deadline of the exec.
    deadline: Option<Instant>,
    grace: Duration,
    /// Fuel the store holds beyond the budget; `None` when unmetered.
    fuel_grace: Option<u64>,
    cancel: CancelHandle,
    ticket: Option<Ticket>,
    check: Option<InterruptCheck>,
    /// Raised by the output capture when the output callback failed: the
    /// run stops as if cancelled.
    output_failed: Arc<AtomicBool>,
    tripped: Option<Trip>,
    /// Whether the guest has been told (it raises only once).
    delivered: bool,
    /// Woken at every epoch tick: async waits (a pending host call, a
    /// sleep) re-check the limits then.
    ticks: Arc<TickWakers>,
}

impl std::fmt::Debug for RunControl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunControl")
            .field("deadline", &self.deadline)
            .field("tripped", &self.tripped)
            .finish_non_exhaustive()
    }
}

impl RunControl {
    fn new(
        cancel: CancelHandle,
        check: Option<InterruptCheck>,
        output_failed: Arc<AtomicBool>,
        ticks: Arc<TickWakers>,
    ) -> Self {
        RunControl {
            deadline: None,
            grace: Limits::DEFAULT_GRACE,
            fuel_grace: None,
            cancel,
            ticket: None,
            check,
            output_failed,
            tripped: None,
            delivered: false,
            ticks,
        }
    }

    fn trip(&mut self, interrupt: Interrupt, at: Instant) {
        if self.tripped.is_none() {
            self.tripped = Some(Trip { interrupt, at });
        }
    }

    /// Trip on whatever has run out. `remaining_fuel` is the store's fuel,
    /// when the caller can read it; `polled` says the user's interrupt check
    /// may run (only the epoch callback calls it: it may be slow).
    fn notice(&mut self, now: Instant, remaining_fuel: Option<u64>, polled: bool) {
        if self.tripped.is_some() {
            return;
        }
        if self.ticket.is_some_and(|t| self.cancel.is_cancelled(t))
            || self.output_failed.load(Ordering::Acquire)
        {
            self.trip(Interrupt::Cancel, now);
        } else if self.deadline.is_some_and(|d| now >= d) {
            self.trip(Interrupt::WallClock, now);
        } else if let (Some(grace), Some(fuel)) = (self.fuel_grace, remaining_fuel)
            && fuel <= grace
        {
            self.trip(Interrupt::Fuel, now);
        } else if polled && self.check.as_ref().is_some_and(|c| (c.0)()) {
            self.trip(Interrupt::Cancel, now);
        }
    }

    /// The hard stop due now, if the grace period of a trip is over.
    fn overdue(&self, now: Instant) -> Option<HardStop> {
        let trip = self.tripped?;
        (now >= trip.at + self.grace).then_some(HardStop(trip.interrupt))
    }

    /// The guest's `poll`: the interrupt to raise now, once per trip.
    fn poll(&mut self, remaining_fuel: Option<u64>) -> Option<Interrupt> {
        self.notice(Instant::now(), remaining_fuel, false);
        // No grace: every stop is hard (the epoch callback, the fuel).
        if self.grace.is_zero() {
            return None;
        }
        match self.tripped {
            Some(trip) if !self.delivered => {
                self.delivered = true;
                Some(trip.interrupt)
            }
            _ => None,
        }
    }

    /// When a sleep must end: the deadline before a trip, the end of the
    /// grace period after one.
    fn wake_at(&self) -> Option<Instant> {
        match self.tripped {
            Some(trip) => Some(trip.at + self.grace),
            None => self.deadline,
        }
    }

    /// What an async wait checks while the guest is suspended, detached
    /// from the store.
    fn watch(&self) -> LimitWatch {
        let (stop_at, untripped) = match self.tripped {
            // Not yet told: the guest must hear of it now.
            Some(_) if !self.delivered => (Some(Instant::now()), false),
            Some(trip) => (Some(trip.at + self.grace), false),
            None => (self.deadline, true),
        };
        LimitWatch {
            stop_at,
            cancel: untripped.then(|| self.cancel.clone()).zip(self.ticket),
            check: self.check.clone().filter(|_| untripped),
            output_failed: self.output_failed.clone(),
            ticks: self.ticks.clone(),
        }
    }
}

/// The stop conditions of an exec, checked by async waits at every epoch
/// tick (the epoch callback does not run while the guest is suspended).
struct LimitWatch {
    /// The deadline, or the end of the grace period after a trip.
    stop_at: Option<Instant>,
    cancel: Option<(CancelHandle, Ticket)>,
    check: Option<InterruptCheck>,
    output_failed: Arc<AtomicBool>,
    ticks: Arc<TickWakers>,
}

impl LimitWatch {
    fn due(&self, now: Instant, with_check: bool) -> bool {
        self.stop_at.is_some_and(|at| now >= at)
            || self
                .cancel
                .as_ref()
                .is_some_and(|(c, t)| c.is_cancelled(*t))
            || self.output_failed.load(Ordering::Acquire)
            || (with_check && self.check.as_ref().is_some_and(|c| (c.0)()))
    }

    /// Resolves when a limit is due (`with_check`: also the user's interrupt
    /// check, which may be slow) or at `until`, checked at every tick.
    fn wait(
        self,
        until: Option<Instant>,
        with_check: bool,
    ) -> impl Future<Output = ()> + Send + 'static {
        std::future::poll_fn(move |cx| {
            let now = Instant::now();
            if until.is_some_and(|u| now >= u) || self.due(now, with_check) {
                return Poll::Ready(());
            }
            self.ticks.register(cx.waker());
            Poll::Pending
        })
    }
}

/// A trip whose grace period ran out while the guest was still running:
/// the run traps (and a session is poisoned), as every limit did before
/// soft limits.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("{0}, and the guest did not stop within the grace period")]
pub(crate) struct HardStop(Interrupt);

/// The guest could not allocate the buffer for a source of this many bytes:
/// its memory is full up to the limit. Nothing ran, so the VM stays usable
/// (a smaller source may still fit the buffer it has).
#[derive(Debug, thiserror::Error)]
#[error("memory allocation failed, allocating {0} bytes for the source")]
struct SourceBufferFailed(usize);

/// The largest file name plus source a run accepts (the guest's lengths are
/// `u32`; half of that keeps every offset computation in range).
const MAX_SOURCE_BYTES: usize = u32::MAX as usize / 2;

/// Call a guest export the way the instance's store takes calls: plain on
/// a synchronous instance (the future is ready at once), awaited on an
/// async one. Expands to a `wasmtime::Result`.
macro_rules! guest_call {
    ($vm:ident, $export:ident, $params:expr) => {
        if $vm.asynchronous {
            $vm.exports
                .$export
                .call_async(&mut $vm.store, $params)
                .await
        } else {
            $vm.exports.$export.call(&mut $vm.store, $params)
        }
    };
}

/// Lift every budget: for the host's own calls into the guest (booting,
/// telling it its limits, reading records), which are not the run's work.
pub(crate) fn unmetered<T>(store: &mut Store<T>) -> Result<(), Error> {
    store
        .set_fuel(u64::MAX)
        .map_err(Error::engine("lifting the fuel budget"))?;
    store.set_epoch_deadline(u64::MAX / 2);
    Ok(())
}

pub(crate) fn add_imports(linker: &mut Linker<StoreState>) -> Result<(), Error> {
    let defining = Error::engine("defining the guest's imports");
    wasmtime_wasi::p1::add_to_linker_sync(linker, |s: &mut StoreState| &mut s.wasi)
        .map_err(defining)?;
    linker
        .func_wrap(
            mpwasm_abi::IMPORT_MODULE,
            import::SLEEP_NS,
            |mut caller: wasmtime::Caller<'_, StoreState>, ns: i64| -> wasmtime::Result<()> {
                let want = Duration::from_nanos(u64::try_from(ns).unwrap_or(0));
                let now = Instant::now();
                let control = &mut caller.data_mut().control;
                // A trip the guest has not heard of yet: it polls on return.
                if control.tripped.is_some() && !control.delivered {
                    return Ok(());
                }
                // Sleeping until the deadline trips the wall clock; the guest
                // polls right after and raises. After a trip a sleep ends with
                // the grace period, as a trap.
                let until = control
                    .wake_at()
                    .map_or(now + want, |bound| bound.min(now + want));
                match control.ticket {
                    Some(ticket) => control.cancel.sleep_until(ticket, until),
                    None => std::thread::sleep(until.saturating_duration_since(now)),
                }
                let now = Instant::now();
                control.notice(now, None, false);
                match control.overdue(now) {
                    Some(stop) => Err(wasmtime::Error::new(stop)),
                    None => Ok(()),
                }
            },
        )
        .map_err(Error::engine("defining the guest's imports"))?;
    add_common_imports(linker)?;
    mpwasm_host::add_to_linker(linker, |s: &mut StoreState| &mut s.bridge)
        .map_err(Error::engine("defining the guest's imports"))?;
    crate::scratch::add_to_linker(linker).map_err(Error::engine("defining the guest's imports"))?;
    Ok(())
}

/// The imports both linkers define the same way.
fn add_common_imports(linker: &mut Linker<StoreState>) -> Result<(), Error> {
    linker
        .func_wrap(
            mpwasm_abi::IMPORT_MODULE,
            import::STACK_EXHAUSTED,
            |mut caller: wasmtime::Caller<'_, StoreState>| -> i32 {
                let sp = approx_stack_pointer();
                let state = caller.data_mut();
                // An async exec runs on a fiber stack: its floor is fixed at
                // the first check, near the fiber's top (see `call_exec`).
                if let Some(budget) = state.fiber_stack_budget.take() {
                    state.native_stack_floor =
                        native_stack_floor(sp.saturating_add(FIBER_ENTRY_ALLOWANCE), budget);
                }
                i32::from(sp < state.native_stack_floor)
            },
        )
        .map_err(Error::engine("defining the guest's imports"))?;
    linker
        .func_wrap(
            mpwasm_abi::IMPORT_MODULE,
            import::POLL,
            |mut caller: wasmtime::Caller<'_, StoreState>| -> i32 {
                let fuel = caller.get_fuel().ok();
                match caller.data_mut().control.poll(fuel) {
                    Some(interrupt) => interrupt.abi().code(),
                    None => mpwasm_abi::InterruptKind::None.code(),
                }
            },
        )
        .map_err(Error::engine("defining the guest's imports"))?;
    Ok(())
}

/// The imports of an instance driven with `call_async` ([`Vm::new_async`]):
/// WASI's async flavour, a sleep that suspends the guest instead of the
/// thread, and a `host_call` that awaits async host functions, racing them
/// against the run's wall clock and cancel.
pub(crate) fn add_imports_async(linker: &mut Linker<StoreState>) -> Result<(), Error> {
    let defining = Error::engine("defining the guest's imports");
    wasmtime_wasi::p1::add_to_linker_async(linker, |s: &mut StoreState| &mut s.wasi)
        .map_err(defining)?;
    linker
        .func_wrap_async(
            mpwasm_abi::IMPORT_MODULE,
            import::SLEEP_NS,
            |mut caller: wasmtime::Caller<'_, StoreState>, (ns,): (i64,)| {
                Box::new(async move {
                    let want = Duration::from_nanos(u64::try_from(ns).unwrap_or(0));
                    let now = Instant::now();
                    let control = &mut caller.data_mut().control;
                    // As the sync sleep: a trip not yet told ends it at once,
                    // the deadline or the grace period bound it.
                    if control.tripped.is_some() && !control.delivered {
                        return Ok(());
                    }
                    let until = control
                        .wake_at()
                        .map_or(now + want, |bound| bound.min(now + want));
                    control.watch().wait(Some(until), false).await;
                    let control = &mut caller.data_mut().control;
                    let now = Instant::now();
                    control.notice(now, None, false);
                    match control.overdue(now) {
                        Some(stop) => Err(wasmtime::Error::new(stop)),
                        None => Ok(()),
                    }
                })
            },
        )
        .map_err(Error::engine("defining the guest's imports"))?;
    add_common_imports(linker)?;
    mpwasm_host::add_to_linker_async(
        linker,
        |s: &mut StoreState| &mut s.bridge,
        |s: &mut StoreState| Box::pin(s.control.watch().wait(None, true)),
        |s: &mut StoreState| {
            let control = &mut s.control;
            control.notice(Instant::now(), None, true);
            // The wait saw a stop the user's check no longer reports: the
            // call was abandoned all the same, as for a cancel.
            control.trip(Interrupt::Cancel, Instant::now());
        },
    )
    .map_err(Error::engine("defining the guest's imports"))?;
    crate::scratch::add_to_linker_async(linker)
        .map_err(Error::engine("defining the guest's imports"))?;
    Ok(())
}

/// GC heap statistics of a [`Vm`], all in bytes.
///
/// ```
/// use mpwasm_core::{RunOptions, Runtime, Vm};
///
/// let runtime = Runtime::new()?;
/// let mut vm = Vm::new(&runtime, &RunOptions::new())?;
/// let before = vm.heap_info()?;
/// vm.run("keep = bytearray(100_000)")?;
/// let after = vm.heap_info()?;
/// assert!(after.used_bytes >= before.used_bytes + 100_000);
/// assert_eq!(after.total_bytes, after.used_bytes + after.free_bytes);
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct HeapInfo {
    /// The GC heap's size over all its areas.
    pub total_bytes: u32,
    /// Bytes in use (live or not yet collected).
    pub used_bytes: u32,
    /// Bytes free.
    pub free_bytes: u32,
    /// The largest contiguous free run: the biggest object that fits without
    /// growing the heap.
    pub largest_free_bytes: u32,
}

/// The guest's exported functions, typed once per instance.
struct Exports {
    input: TypedFunc<u32, u32>,
    exec: TypedFunc<(u32, u32, u32), i32>,
    info: TypedFunc<(), u32>,
    set_stack_limit: TypedFunc<u32, u32>,
    set_memory_limit: TypedFunc<u32, ()>,
    heap_info: TypedFunc<u32, ()>,
    memory: Memory,
}

fn typed_func<P: WasmParams, R: WasmResults>(
    store: &mut Store<StoreState>,
    instance: &Instance,
    export: &ModuleExport,
    name: &'static str,
) -> Result<TypedFunc<P, R>, Error> {
    let func = instance
        .get_module_export(&mut *store, export)
        .and_then(|e| e.into_func())
        .ok_or(ArtifactError::ExportType { name, source: None })?;
    func.typed(&*store).map_err(|source| {
        ArtifactError::ExportType {
            name,
            source: Some(source),
        }
        .into()
    })
}

impl Exports {
    fn resolve(
        store: &mut Store<StoreState>,
        instance: &Instance,
        ex: &GuestExports,
    ) -> Result<Self, Error> {
        use mpwasm_abi::export;
        let memory = instance
            .get_module_export(&mut *store, &ex.memory)
            .and_then(|e| e.into_memory())
            .ok_or(ArtifactError::ExportType {
                name: export::MEMORY,
                source: None,
            })?;
        Ok(Exports {
            input: typed_func(store, instance, &ex.input, export::INPUT)?,
            exec: typed_func(store, instance, &ex.exec, export::EXEC)?,
            info: typed_func(store, instance, &ex.info, export::INFO)?,
            set_stack_limit: typed_func(
                store,
                instance,
                &ex.set_stack_limit,
                export::SET_STACK_LIMIT,
            )?,
            set_memory_limit: typed_func(
                store,
                instance,
                &ex.set_memory_limit,
                export::SET_MEMORY_LIMIT,
            )?,
            heap_info: typed_func(store, instance, &ex.heap_info, export::HEAP_INFO)?,
            memory,
        })
    }
}

/// `dir` exists and is a directory (a mount of anything else is refused).
fn existing_dir(dir: &std::path::Path) -> std::io::Result<()> {
    if std::fs::metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            "not a directory",
        ))
    }
}

/// The WASI context of one instance: captured stdout/stderr, no stdin
/// contents, no environment or arguments, the optional read-only `/input`
/// and writable `/output` (with its quota state).
fn wasi_context(
    options: &RunOptions,
    stdout: &BoundedOutput,
    stderr: &BoundedOutput,
) -> Result<(WasiP1Ctx, Option<Scratch>), Error> {
    let mut wasi = WasiCtxBuilder::new();
    wasi.stdout(stdout.clone())
        .stderr(stderr.clone())
        .allow_blocking_current_thread(true);
    if let Some(dir) = options.get_readonly_dir() {
        let refuse = |source: Box<dyn std::error::Error + Send + Sync>| Error::ReadonlyDir {
            path: dir.to_path_buf(),
            source,
        };
        existing_dir(dir).map_err(|e| refuse(Box::new(e)))?;
        wasi.preopened_dir(dir, "/input", FsPerms::ReadOnly)
            .map_err(|e| refuse(e.into()))?;
    }
    let mut scratch = None;
    if let Some(dir) = options.get_writable_dir() {
        let refuse = |source: Box<dyn std::error::Error + Send + Sync>| Error::WritableDir {
            path: dir.to_path_buf(),
            source,
        };
        existing_dir(dir).map_err(|e| refuse(Box::new(e)))?;
        // Preopens are numbered from 3 in the order they are added.
        let fd = 3 + u32::from(options.get_readonly_dir().is_some());
        scratch = Some(
            Scratch::new(dir, fd, options.get_writable_quota()).map_err(|e| refuse(Box::new(e)))?,
        );
        wasi.preopened_dir(dir, "/output", FsPerms::ReadWrite)
            .map_err(|e| refuse(e.into()))?;
    }
    Ok((wasi.build_p1(), scratch))
}

/// A live MicroPython instance. Each [`Vm::run`] runs in the same
/// `__main__` globals; the limits apply per run (fuel and clock refreshed).
///
/// [`Runtime::run`] is `Vm::new` + one run; sessions keep a `Vm` alive.
///
/// ```
/// use mpwasm_core::{ExecMode, RunOptions, Runtime, Vm};
///
/// let runtime = Runtime::new()?;
/// let mut vm = Vm::new(&runtime, &RunOptions::default())?;
/// vm.run("x = 20")?;
/// assert_eq!(vm.run_named("<stdin>", "x + 22", ExecMode::Eval)?.stdout_str(), "42\n");
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
pub struct Vm {
    runtime: Runtime,
    store: Store<StoreState>,
    exports: Exports,
    limits: Limits,
    /// Started with [`Vm::new_async`]: its store takes `call_async` only.
    asynchronous: bool,
    /// Wrappers of host functions set on an async instance, defined at the
    /// start of its next run.
    pending_prelude: Option<String>,
    /// Shadow-stack budget last told to the guest; 0 = not yet.
    guest_stack_limit: u32,
    /// Memory limit (pages) last told to the guest; 0 = not yet.
    guest_memory_pages: u32,
}

impl std::fmt::Debug for Vm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vm")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Vm {
    /// Instantiate a fresh guest with these options; the host functions'
    /// guest-side wrappers are defined before it returns.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLimits`] for limits that are out of range or beyond
    /// the runtime's, [`Error::ReadonlyDir`] when the directory cannot be
    /// mounted, [`Error::InvalidArtifact`] when the guest's exports do not
    /// fit or it cannot boot, [`Error::Engine`] when wasmtime cannot
    /// instantiate it (e.g. the instance pool is exhausted), and any error of
    /// running the host functions' wrappers.
    pub fn new(runtime: &Runtime, options: &RunOptions) -> Result<Self, Error> {
        ready(Self::create(runtime, options, false))
    }

    /// [`Vm::new`] for async runs: the instance's host functions may be
    /// async ([`HostFunctions::register_async`]) and it runs with
    /// [`Vm::run_async`] / [`Vm::run_named_async`] only (its synchronous
    /// methods that call the guest return [`Error::AsyncMode`]).
    ///
    /// While an async host function is pending the guest is suspended and
    /// the executor runs other tasks; the wall-clock limit and a cancel
    /// still end the run then (the function's future is dropped and the
    /// guest raises at once, as at a safe point), and fuel is not spent.
    /// `time.sleep` suspends the guest too, and a long computation yields
    /// to the executor at every epoch tick. Limits are checked at every
    /// epoch tick while the guest is suspended, whatever the executor.
    ///
    /// ```
    /// use std::time::Duration;
    /// use mpwasm_core::{HostFunctions, RunOptions, Runtime, Vm};
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_async("fetch", |key: String| async move {
    ///     tokio::time::sleep(Duration::from_millis(10)).await;
    ///     format!("value of {key}")
    /// })?;
    /// let mut options = RunOptions::new();
    /// options.host_functions(functions);
    ///
    /// let runtime = Runtime::new()?;
    /// let tokio = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
    /// let out = tokio.block_on(async {
    ///     let mut vm = Vm::new_async(&runtime, &options).await?;
    ///     vm.run_async("v = fetch('k')").await?;
    ///     vm.run_async("print(v)").await
    /// })?;
    /// assert_eq!(out.stdout_str(), "value of k\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Vm::new`].
    pub async fn new_async(runtime: &Runtime, options: &RunOptions) -> Result<Self, Error> {
        Self::create(runtime, options, true).await
    }

    /// Whether this instance was started for async runs ([`Vm::new_async`]).
    ///
    /// ```
    /// # use mpwasm_core::{RunOptions, Runtime, Vm};
    /// let vm = Vm::new(&Runtime::new()?, &RunOptions::new())?;
    /// assert!(!vm.is_async());
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    #[must_use]
    pub fn is_async(&self) -> bool {
        self.asynchronous
    }

    async fn create(
        runtime: &Runtime,
        options: &RunOptions,
        asynchronous: bool,
    ) -> Result<Self, Error> {
        let limits = options.get_limits().clone();
        check_limits(runtime, &limits)?;
        let inner = &runtime.inner;

        let output_failed = Arc::new(AtomicBool::new(false));
        let stdout = BoundedOutput::new(
            limits.get_max_output_bytes(),
            Stream::Stdout,
            output_failed.clone(),
        );
        // Merged streams share one capture, so the guest's write order is kept.
        let stderr = if options.get_stderr_to_stdout() {
            stdout.as_stream(Stream::Stderr)
        } else {
            BoundedOutput::new(
                limits.get_max_output_bytes(),
                Stream::Stderr,
                output_failed.clone(),
            )
        };
        for out in [&stdout, &stderr] {
            out.set_callback(options.on_output.clone(), options.get_output_buffering());
        }
        let (wasi, scratch) = wasi_context(options, &stdout, &stderr)?;
        let state = StoreState {
            wasi,
            scratch,
            limiter: store_limits(&limits),
            stdout,
            stderr,
            control: RunControl::new(
                options.get_cancel_handle().cloned().unwrap_or_default(),
                options.interrupt_check.clone(),
                output_failed,
                inner.ticks.clone(),
            ),
            native_stack_floor: 0,
            fiber_stack_budget: None,
            // The functions come with their wrappers, below.
            bridge: mpwasm_host::Bridge::with_config(
                HostFunctions::new(),
                options.get_bridge_config().clone(),
            ),
        };
        let mut store = runtime.new_store(state);
        store.limiter(|s| &mut s.limiter as &mut dyn ResourceLimiter);
        // Called at every epoch tick of a run: trips the wall clock and
        // cancels for code that reaches no safe point (the guest's polls
        // trip them otherwise), and ends a run whose grace period is over.
        // An async run also yields to the executor at each tick, so one
        // thread can drive many guests that compute.
        store.epoch_deadline_callback(move |mut cx| {
            let now = Instant::now();
            let control = &mut cx.data_mut().control;
            control.notice(now, None, true);
            if let Some(stop) = control.overdue(now) {
                return Err(wasmtime::Error::new(stop));
            }
            Ok(if asynchronous {
                wasmtime::UpdateDeadline::Yield(1)
            } else {
                wasmtime::UpdateDeadline::Continue(1)
            })
        });
        // Booting is the runtime's work, not the snippet's: no budget yet.
        unmetered(&mut store)?;
        let instance = if asynchronous {
            inner.async_instance_pre.instantiate_async(&mut store).await
        } else {
            inner.instance_pre.instantiate(&mut store)
        }
        .map_err(Error::engine("instantiating the guest"))?;
        let exports = Exports::resolve(&mut store, &instance, &inner.exports)?;
        if !inner.snapshot {
            boot(&mut store, &instance, &inner.exports, asynchronous).await?;
        }
        let mut vm = Vm {
            runtime: runtime.clone(),
            store,
            exports,
            limits,
            asynchronous,
            pending_prelude: None,
            guest_stack_limit: 0,
            guest_memory_pages: 0,
        };
        let functions = options.get_host_functions().clone();
        let prelude = functions.guest_prelude();
        vm.store.data_mut().bridge.set_functions(functions);
        vm.run_prelude(prelude).await?;
        Ok(vm)
    }

    /// Define host function wrappers (nothing for an empty prelude).
    async fn run_prelude(&mut self, prelude: String) -> Result<(), Error> {
        if !prelude.is_empty() {
            self.exec("<host functions>", &prelude, ExecMode::File)
                .await?;
        }
        Ok(())
    }

    /// Make `functions` the instance's host functions (replacing any) and
    /// define their guest-side wrappers (`name = host.function('name')`), so
    /// guest code calls them by name.
    ///
    /// # Errors
    ///
    /// As [`Vm::run_named`]: the wrappers are Python code run under the
    /// instance's limits, so a trap here (e.g. no fuel left for them) leaves
    /// the instance as unusable as a trap in any run.
    ///
    /// On an async instance ([`Vm::new_async`]) the wrappers are defined at
    /// the start of the next run (they are guest code, run with
    /// `call_async`), whose errors then include theirs.
    pub fn set_host_functions(&mut self, functions: HostFunctions) -> Result<(), Error> {
        let prelude = functions.guest_prelude();
        self.store.data_mut().bridge.set_functions(functions);
        if self.asynchronous {
            self.pending_prelude = Some(prelude);
            return Ok(());
        }
        ready(self.run_prelude(prelude))
    }

    /// The instance's host functions.
    #[must_use]
    pub fn host_functions(&self) -> &HostFunctions {
        self.store.data().bridge.functions()
    }

    /// Replace the limits for later runs.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLimits`] when they are out of range or beyond the
    /// runtime's; the limits in force stay as they were.
    pub fn set_limits(&mut self, limits: Limits) -> Result<(), Error> {
        check_limits(&self.runtime, &limits)?;
        self.store.data_mut().limiter = store_limits(&limits);
        self.limits = limits;
        Ok(())
    }

    /// The limits in force.
    #[must_use]
    pub fn get_limits(&self) -> &Limits {
        &self.limits
    }

    /// The handle that cancels this instance's runs from another thread
    /// (the options' [`RunOptions::cancel_handle`], else its own).
    ///
    /// ```
    /// use mpwasm_core::{Error, Interrupt, RunOptions, Runtime, Vm};
    ///
    /// let runtime = Runtime::new()?;
    /// let mut vm = Vm::new(&runtime, &RunOptions::new())?;
    /// vm.run("state = [1, 2, 3]")?;
    /// let cancel = vm.cancel_handle();
    /// std::thread::spawn(move || {
    ///     while !cancel.cancel() {
    ///         std::thread::yield_now();
    ///     }
    /// });
    /// let e = vm.run("while True: state.append(len(state)); state.pop()").unwrap_err();
    /// assert_eq!(e.interrupt(), Some(Interrupt::Cancel));
    /// assert!(!e.is_trap());
    /// assert_eq!(vm.run("print(state)")?.stdout_str(), "[1, 2, 3]\n");
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    #[must_use]
    pub fn cancel_handle(&self) -> CancelHandle {
        self.store.data().control.cancel.clone()
    }

    /// Give the guest's output to `callback` as it is written, from the
    /// next run on (`None`: no callback); see [`RunOptions::on_output`].
    pub fn set_output_callback(
        &mut self,
        callback: Option<OutputCallback>,
        buffering: OutputBuffering,
    ) {
        let state = self.store.data_mut();
        for out in [&state.stdout, &state.stderr] {
            out.set_callback(callback.clone(), buffering);
        }
    }

    /// Run `code` as a module body (file name `<string>`) in this instance's
    /// globals.
    ///
    /// # Errors
    ///
    /// As [`Vm::run_named`].
    pub fn run(&mut self, code: &str) -> Result<RunResult, Error> {
        self.run_named("<string>", code, ExecMode::File)
    }

    /// Run `code`, compiled in `mode`, with `file_name` shown in tracebacks
    /// (a name not in angle brackets also sets `__file__`, as for a script).
    ///
    /// # Errors
    ///
    /// The run's outcome when it is not a clean finish:
    /// [`Error::GuestException`] (also `SyntaxError`), [`Error::Exit`] for a
    /// non-zero `sys.exit`, [`Error::MemoryLimit`], [`Error::OutOfFuel`],
    /// [`Error::Timeout`], [`Error::StackOverflow`], [`Error::Trap`] — each
    /// with the output so far — and [`Error::SourceTooLarge`]. After a trap
    /// ([`Error::is_trap`]) the instance must not be used again.
    /// [`Error::AsyncMode`] on an instance started with [`Vm::new_async`].
    pub fn run_named(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        if self.asynchronous {
            return Err(Error::AsyncMode { asynchronous: true });
        }
        ready(self.exec(file_name, code, mode))
    }

    /// [`Vm::run`] on an instance started with [`Vm::new_async`]: the
    /// future of the run, awaiting the async host functions it calls.
    ///
    /// ```
    /// use mpwasm_core::{Error, HostFunctions, Interrupt, RunOptions, Runtime, Vm};
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_async("forever", || std::future::pending::<u8>())?;
    /// functions.register("double", |x: i64| x * 2)?;
    /// let mut options = RunOptions::new();
    /// options.host_functions(functions);
    /// options.limits_mut().wall_timeout(Some(std::time::Duration::from_millis(50)));
    ///
    /// let runtime = Runtime::new()?;
    /// let tokio = tokio::runtime::Builder::new_current_thread().build()?;
    /// tokio.block_on(async {
    ///     let mut vm = Vm::new_async(&runtime, &options).await?;
    ///     assert_eq!(vm.run_async("print(double(21))").await?.stdout_str(), "42\n");
    ///     // The deadline ends a pending call; the VM is kept.
    ///     let e = vm.run_async("x = 1\nforever()").await.unwrap_err();
    ///     assert!(matches!(e, Error::Interrupted { interrupt: Interrupt::WallClock, .. }));
    ///     assert_eq!(vm.run_async("print(x)").await?.stdout_str(), "1\n");
    ///     Ok::<(), Error>(())
    /// })?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Vm::run_named`], and [`Error::AsyncMode`] on an instance
    /// started with [`Vm::new`].
    pub async fn run_async(&mut self, code: &str) -> Result<RunResult, Error> {
        self.run_named_async("<string>", code, ExecMode::File).await
    }

    /// [`Vm::run_named`] on an instance started with [`Vm::new_async`].
    ///
    /// # Errors
    ///
    /// As [`Vm::run_async`].
    pub async fn run_named_async(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        if !self.asynchronous {
            return Err(Error::AsyncMode {
                asynchronous: false,
            });
        }
        if let Some(prelude) = self.pending_prelude.take() {
            self.run_prelude(prelude).await?;
        }
        self.exec(file_name, code, mode).await
    }

    /// One exec, either way: the body of `run_named` and `run_named_async`.
    async fn exec(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        let started = Instant::now();
        let total = file_name
            .len()
            .checked_add(code.len())
            .filter(|&n| n <= MAX_SOURCE_BYTES)
            .ok_or(Error::SourceTooLarge {
                bytes: file_name.len().saturating_add(code.len()),
                max: MAX_SOURCE_BYTES,
            })?;
        let fuel_budget = self.prepare_exec().await?;
        let control = &mut self.store.data_mut().control;
        control.ticket = Some(control.cancel.begin_run());
        let outcome = self.call_exec(file_name, code, mode, total).await;
        let control = &mut self.store.data_mut().control;
        control.cancel.end_run();
        control.ticket = None;
        control.delivered = false;
        let tripped = control.tripped.take().map(|t| t.interrupt);
        let result = self.finish_exec(started, fuel_budget);
        let state = self.store.data_mut();
        let callback_failure = state.stdout.take_failure().or(state.stderr.take_failure());
        let quota = state.scratch.as_mut().and_then(Scratch::take_tripped);
        let code = match outcome {
            Ok(code) => code,
            Err(trap) => return Err(trap_error(trap, result)),
        };
        // The callback's failure stopped the run (as a cancel would): that,
        // not the interrupt, is what the caller needs to hear.
        if let Some(source) = callback_failure {
            return Err(Error::OutputCallback {
                source,
                result: Box::new(result),
            });
        }
        // A run that ended on the grace fuel before its next poll still
        // went over its budget.
        let over_budget = fuel_budget.is_some_and(|b| result.fuel_consumed > b);
        // The guest got an OSError for the quota; when that ended the run,
        // the host hears which quota it was.
        let outcome = match (quota, self.outcome(code, result).await) {
            (Some(quota), Err(Error::GuestException(exception))) => {
                Err(Error::QuotaExceeded { quota, exception })
            }
            (_, outcome) => outcome,
        };
        match tripped.or(over_budget.then_some(Interrupt::Fuel)) {
            Some(interrupt) => Err(interrupted(interrupt, outcome)),
            None => outcome,
        }
    }

    /// What a finished exec's status means.
    async fn outcome(&mut self, code: i32, result: RunResult) -> Result<RunResult, Error> {
        match ExecStatus::from_code(code) {
            Some(ExecStatus::Ok) => Ok(result),
            Some(ExecStatus::Exception) => Err(self.exception(result).await),
            Some(ExecStatus::SystemExit) => {
                let code = self
                    .info_words()
                    .await
                    .map(|w| w[InfoField::ExitCode.index()] as i32)
                    .unwrap_or(1);
                if code == 0 {
                    Ok(result)
                } else {
                    Err(Error::Exit {
                        code,
                        result: Box::new(result),
                    })
                }
            }
            Some(ExecStatus::NotReady) => Err(ArtifactError::NotReady.into()),
            // The host wrote the request itself: the guest refusing it means
            // its buffer bookkeeping is broken.
            Some(ExecStatus::BadRequest) => Err(Error::Trap {
                trap: None,
                source: wasmtime::Error::msg("the guest rejected the request buffer"),
                result: Box::new(result),
            }),
            None => Err(ArtifactError::UnknownStatus(code).into()),
        }
    }

    /// GC heap statistics.
    ///
    /// # Errors
    ///
    /// [`Error::Engine`] when the guest cannot be called (e.g. after a trap).
    /// [`Error::AsyncMode`] on an instance started with [`Vm::new_async`].
    pub fn heap_info(&mut self) -> Result<HeapInfo, Error> {
        if self.asynchronous {
            return Err(Error::AsyncMode { asynchronous: true });
        }
        unmetered(&mut self.store)?;
        let reading = Error::engine("reading the heap statistics");
        // Scratch space: the guest's input buffer.
        let ptr = self
            .exports
            .input
            .call(&mut self.store, (HEAP_INFO_WORDS * 4) as u32)
            .map_err(Error::engine("reading the heap statistics"))?;
        self.exports
            .heap_info
            .call(&mut self.store, ptr)
            .map_err(Error::engine("reading the heap statistics"))?;
        let words = self
            .read_words::<HEAP_INFO_WORDS>(ptr)
            .ok_or_else(|| reading(wasmtime::Error::msg("the record is out of bounds")))?;
        Ok(HeapInfo {
            total_bytes: words[HeapField::TotalBytes.index()],
            used_bytes: words[HeapField::UsedBytes.index()],
            free_bytes: words[HeapField::FreeBytes.index()],
            largest_free_bytes: words[HeapField::LargestFreeBytes.index()],
        })
    }

    /// Bytes of linear memory the guest currently has.
    #[must_use]
    pub fn memory_size(&self) -> u64 {
        self.exports.memory.data_size(&self.store) as u64
    }

    /// The guest's linear memory, for snapshots. Between runs it holds the
    /// VM's complete state: the guest keeps no other mutable Wasm state
    /// across calls (its stack pointer is back at its base).
    #[must_use]
    pub fn linear_memory(&self) -> &[u8] {
        self.exports.memory.data(&self.store)
    }

    /// Overwrite linear memory with a saved state of `len` bytes: grows the
    /// memory to `len` (within the memory limit), then lets `fill` write
    /// every byte. Used to restore snapshots taken with [`Vm::linear_memory`]
    /// from the same artifact.
    ///
    /// # Errors
    ///
    /// [`Error::MemoryImage`] when `len` is not a whole number of pages, is
    /// smaller than this fresh instance's memory, or does not fit its memory
    /// limit; memory is left as it was.
    pub fn restore_linear_memory(
        &mut self,
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<(), Error> {
        if !len.is_multiple_of(WASM_PAGE_SIZE) {
            return Err(Error::MemoryImage(MemoryImageError::NotWholePages {
                bytes: len as u64,
            }));
        }
        let current = self.exports.memory.data_size(&self.store);
        if len < current {
            return Err(Error::MemoryImage(MemoryImageError::SmallerThanFresh {
                bytes: len as u64,
                fresh_bytes: current as u64,
            }));
        }
        if len as u64 > self.limits.get_memory_bytes() {
            return Err(Error::MemoryImage(MemoryImageError::ExceedsLimit {
                bytes: len as u64,
                memory_bytes: self.limits.get_memory_bytes(),
            }));
        }
        if len > current {
            self.exports
                .memory
                .grow(&mut self.store, ((len - current) / WASM_PAGE_SIZE) as u64)
                .map_err(Error::engine("growing memory for the image"))?;
        }
        fill(self.exports.memory.data_mut(&mut self.store));
        // The guest's limit variables came back with the image.
        self.guest_stack_limit = 0;
        self.guest_memory_pages = 0;
        Ok(())
    }

    /// The runtime this instance belongs to.
    #[must_use]
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// The bridge state of this instance (failures, user state). Use
    /// [`Vm::set_host_functions`] to change the functions.
    pub fn bridge(&mut self) -> &mut mpwasm_host::Bridge {
        &mut self.store.data_mut().bridge
    }

    /// Arm fuel, clock, stack and output limits; returns the fuel budget.
    async fn prepare_exec(&mut self) -> Result<Option<u64>, Error> {
        // The guest learns its memory and stack limits before the run's fuel
        // and deadline are armed: under a tiny budget these calls would
        // otherwise trap and surface as engine errors.
        unmetered(&mut self.store)?;
        let pages = u32::try_from(self.limits.get_memory_bytes() / WASM_PAGE_SIZE as u64)
            .unwrap_or(u32::MAX);
        if pages != self.guest_memory_pages {
            guest_call!(self, set_memory_limit, pages)
                .map_err(Error::engine("telling the guest its memory limit"))?;
            self.guest_memory_pages = pages;
        }
        let wanted = guest_stack_limit(self.native_stack_budget());
        if wanted != self.guest_stack_limit {
            self.guest_stack_limit = guest_call!(self, set_stack_limit, wanted)
                .map_err(Error::engine("telling the guest its stack limit"))?;
        }

        let fuel = self.limits.get_fuel();
        let fuel_grace = self.limits.get_fuel_grace();
        self.store
            .set_fuel(fuel.map_or(u64::MAX, |f| f.saturating_add(fuel_grace)))
            .map_err(Error::engine("arming the fuel budget"))?;
        // The epoch callback runs every tick: it trips the deadline and
        // cancels for code that never polls, and enforces the grace period.
        self.runtime.inner.ensure_ticker();
        self.store.set_epoch_deadline(1);
        let control = &mut self.store.data_mut().control;
        control.deadline = self.limits.get_wall_timeout().map(|t| Instant::now() + t);
        control.grace = self.limits.get_grace();
        control.fuel_grace = fuel.map(|_| fuel_grace);
        control.tripped = None;
        control.delivered = false;
        let out_limit = self.limits.get_max_output_bytes();
        let state = self.store.data_mut();
        state.stdout.take(out_limit);
        state.stderr.take(out_limit);
        Ok(fuel)
    }

    /// The native stack this run's code may use: its limit, within the
    /// engine's (where wasmtime traps).
    fn native_stack_budget(&self) -> usize {
        self.limits
            .get_max_wasm_stack()
            .min(self.runtime.inner.max_wasm_stack)
    }

    async fn call_exec(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
        total: usize,
    ) -> wasmtime::Result<i32> {
        let ptr = guest_call!(self, input, total as u32)?;
        if ptr == 0 {
            return Err(wasmtime::Error::new(SourceBufferFailed(total)));
        }
        let mem = self.exports.memory;
        mem.write(&mut self.store, ptr as usize, file_name.as_bytes())?;
        mem.write(
            &mut self.store,
            ptr as usize + file_name.len(),
            code.as_bytes(),
        )?;
        // wasmtime traps once the Wasm frames of this call use more than the
        // engine's `max_wasm_stack` below (about) here; the guest's recursion
        // check asks `stack_exhausted` and raises an exception a margin before
        // the run's budget is used, whatever the C code's shadow-stack use.
        let budget = self.native_stack_budget();
        let state = self.store.data_mut();
        if self.asynchronous {
            // The exec runs on a fiber stack, not this one: the first
            // `stack_exhausted` fixes the floor there.
            state.fiber_stack_budget = Some(budget);
        } else {
            state.native_stack_floor = native_stack_floor(approx_stack_pointer(), budget);
        }
        let status = guest_call!(
            self,
            exec,
            (file_name.len() as u32, code.len() as u32, mode.code())
        );
        let state = self.store.data_mut();
        state.native_stack_floor = 0;
        state.fiber_stack_budget = None;
        status
    }

    fn finish_exec(&mut self, started: Instant, fuel_budget: Option<u64>) -> RunResult {
        // A metered store held the budget plus the grace fuel.
        let armed =
            fuel_budget.map_or(u64::MAX, |f| f.saturating_add(self.limits.get_fuel_grace()));
        let consumed = armed.saturating_sub(self.store.get_fuel().unwrap_or(0));
        let state = self.store.data_mut();
        state.control.deadline = None;
        // A line-buffered callback gets the last, unterminated line.
        state.stdout.flush_pending();
        state.stderr.flush_pending();
        let (stdout, stdout_truncated) = state.stdout.take(self.limits.get_max_output_bytes());
        let (stderr, stderr_truncated) = state.stderr.take(self.limits.get_max_output_bytes());
        let host_failures = state.bridge.take_failures();
        RunResult {
            stdout,
            stderr,
            stdout_truncated,
            stderr_truncated,
            fuel_consumed: consumed,
            fuel_remaining: fuel_budget.map(|f| f.saturating_sub(consumed)),
            duration: started.elapsed(),
            host_failures,
        }
    }

    /// `N` little-endian words at `ptr`, if they lie inside memory.
    fn read_words<const N: usize>(&self, ptr: u32) -> Option<[u32; N]> {
        let data = self.exports.memory.data(&self.store);
        let start = ptr as usize;
        let bytes = data.get(start..start.checked_add(N * 4)?)?;
        let mut words = [0u32; N];
        for (w, chunk) in words.iter_mut().zip(bytes.chunks_exact(4)) {
            *w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(words)
    }

    async fn info_words(&mut self) -> Option<[u32; INFO_WORDS]> {
        unmetered(&mut self.store).ok()?;
        let ptr = guest_call!(self, info, ()).ok()?;
        self.read_words(ptr)
    }

    /// Text the guest points at. Both words are guest-controlled (it can
    /// write its own memory): bounds are checked before anything is
    /// allocated, and a range outside memory reads as empty.
    fn guest_text(&self, ptr: u32, len: u32) -> String {
        let data = self.exports.memory.data(&self.store);
        let start = ptr as usize;
        match start
            .checked_add(len as usize)
            .and_then(|end| data.get(start..end))
        {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None => String::new(),
        }
    }

    async fn exception(&mut self, result: RunResult) -> Error {
        let Some(w) = self.info_words().await else {
            return Error::Trap {
                trap: None,
                source: wasmtime::Error::msg(
                    "the guest reported an exception but its details are unreadable",
                ),
                result: Box::new(result),
            };
        };
        let text = |ptr: InfoField, len: InfoField| self.guest_text(w[ptr.index()], w[len.index()]);
        let type_name = text(InfoField::TypePtr, InfoField::TypeLen);
        let message = text(InfoField::MessagePtr, InfoField::MessageLen);
        let traceback = text(InfoField::TracebackPtr, InfoField::TracebackLen);
        // The guest drops exception details it has no memory to store; a
        // type name is only missing then, so the memory limit was hit.
        if type_name.is_empty() {
            return Error::MemoryLimit {
                message: "out of memory while recording an exception".into(),
                traceback,
                result: Box::new(result),
            };
        }
        if type_name == "MemoryError" {
            return Error::MemoryLimit {
                message,
                traceback,
                result: Box::new(result),
            };
        }
        Error::GuestException(Box::new(GuestException {
            type_name,
            message,
            traceback,
            result,
        }))
    }
}

/// Boot an instance that was not pre-initialised: the reactor constructor,
/// then the VM.
async fn boot(
    store: &mut Store<StoreState>,
    instance: &Instance,
    ex: &GuestExports,
    asynchronous: bool,
) -> Result<(), Error> {
    use mpwasm_abi::export;
    if let Some(reactor_init) = &ex.reactor_init {
        let init: TypedFunc<(), ()> =
            typed_func(store, instance, reactor_init, export::REACTOR_INIT)?;
        if asynchronous {
            init.call_async(&mut *store, ()).await
        } else {
            init.call(&mut *store, ())
        }
        .map_err(ArtifactError::BootTrapped)?;
    }
    let init: TypedFunc<(), i32> = typed_func(store, instance, &ex.init, export::INIT)?;
    let status = if asynchronous {
        init.call_async(&mut *store, ()).await
    } else {
        init.call(&mut *store, ())
    }
    .map_err(ArtifactError::BootTrapped)?;
    if status != ExecStatus::Ok.code() {
        return Err(ArtifactError::BootFailed(status).into());
    }
    Ok(())
}

/// Below this address the recursion check trips, for an exec whose Wasm
/// frames start at about `top`.
fn native_stack_floor(top: usize, budget: usize) -> usize {
    top.saturating_sub(budget)
        .saturating_add(native_stack_margin(budget))
}

/// How far below its fiber's entry an async exec's first recursion check
/// is assumed to be (the entry trampolines and `mpw_exec`'s first frames).
const FIBER_ENTRY_ALLOWANCE: usize = 16 << 10;

/// Drive a future of the synchronous path to its end. It never waits: its
/// store takes plain `call`s, which return before the future does.
fn ready<T>(future: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(result) => result,
        // Unreachable by construction; reported, not panicked.
        Poll::Pending => Err(Error::Engine {
            context: "running a synchronous instance",
            source: wasmtime::Error::msg("a synchronous call waited"),
        }),
    }
}

/// Native stack kept free when the guest's recursion check trips: room for
/// the C frames between two checks and for handling the exception.
fn native_stack_margin(budget: usize) -> usize {
    (budget / 8).max(32 << 10)
}

/// Roughly the current native stack pointer (the address of a local).
#[inline(never)]
fn approx_stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Python recursion gets this much shadow stack for a native budget: a call
/// level uses roughly 0.45× as much shadow stack as native Wasm stack, so
/// 0.35× leaves a margin and recursion ends as an exception, not a trap.
fn guest_stack_limit(native_budget: usize) -> u32 {
    u32::try_from(native_budget / 20 * 7).unwrap_or(u32::MAX)
}

fn check_limits(runtime: &Runtime, limits: &Limits) -> Result<(), LimitsError> {
    limits.validate()?;
    let inner = &runtime.inner;
    if limits.get_max_wasm_stack() > inner.max_wasm_stack {
        return Err(LimitsError::ExceedsRuntime {
            setting: "max_wasm_stack",
            value: limits.get_max_wasm_stack() as u64,
            max: inner.max_wasm_stack as u64,
        });
    }
    if limits.get_memory_bytes() > inner.max_memory_bytes {
        return Err(LimitsError::ExceedsRuntime {
            setting: "max_memory_bytes",
            value: limits.get_memory_bytes(),
            max: inner.max_memory_bytes,
        });
    }
    if limits.get_memory_bytes() < inner.initial_memory_bytes {
        return Err(LimitsError::BelowGuestMinimum {
            value: limits.get_memory_bytes(),
            needed: inner.initial_memory_bytes,
        });
    }
    Ok(())
}

fn store_limits(limits: &Limits) -> StoreLimits {
    StoreLimitsBuilder::new()
        .memory_size(usize::try_from(limits.get_memory_bytes()).unwrap_or(usize::MAX))
        .instances(1)
        .memories(1)
        .tables(4)
        // A failed memory.grow returns -1 so MicroPython raises MemoryError.
        .trap_on_grow_failure(false)
        .build()
}

/// A run that ended (cleanly or with an exception) after a soft stop.
fn interrupted(interrupt: Interrupt, outcome: Result<RunResult, Error>) -> Error {
    let (traceback, result) = match outcome {
        Ok(result) => (String::new(), Box::new(result)),
        Err(Error::GuestException(e)) => (e.traceback, Box::new(e.result)),
        Err(Error::MemoryLimit {
            traceback, result, ..
        }) => (traceback, result),
        Err(Error::Exit { result, .. }) => (String::new(), result),
        // A broken guest is reported as such.
        Err(other) => return other,
    };
    Error::Interrupted {
        interrupt,
        traceback,
        result,
    }
}

/// Classify a failed exec by the error's type: wasmtime's trap codes and
/// our own host-side errors, never its message text.
fn trap_error(e: wasmtime::Error, result: RunResult) -> Error {
    let result = Box::new(result);
    if let Some(HardStop(interrupt)) = e.downcast_ref::<HardStop>().copied() {
        return match interrupt {
            Interrupt::WallClock => Error::Timeout(result),
            Interrupt::Fuel => Error::OutOfFuel(result),
            Interrupt::Cancel => Error::Cancelled(result),
        };
    }
    if let Some(failed) = e.downcast_ref::<SourceBufferFailed>() {
        return Error::MemoryLimit {
            message: failed.to_string(),
            traceback: String::new(),
            result,
        };
    }
    match e.downcast_ref::<Trap>().copied() {
        Some(Trap::OutOfFuel) => Error::OutOfFuel(result),
        Some(Trap::Interrupt) => Error::Timeout(result),
        Some(Trap::StackOverflow) => Error::StackOverflow(result),
        trap => Error::Trap {
            trap,
            source: e,
            result,
        },
    }
}
