//! One live guest instance: a store, its instance and the exec protocol.

use std::time::{Duration, Instant};

use wasmtime::{
    Linker, Memory, ResourceLimiter, Store, StoreLimits, StoreLimitsBuilder, Trap, TypedFunc,
};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{FsPerms, WasiCtxBuilder};

use crate::output::BoundedOutput;
use crate::{Error, GuestException, Limits, RunOptions, RunResult, Runtime};
use mpwasm_abi::{ExecMode, ExecStatus, INFO_WORDS, InfoField, import};

/// Per-store host state.
pub(crate) struct StoreState {
    wasi: WasiP1Ctx,
    limiter: StoreLimits,
    stdout: BoundedOutput,
    stderr: BoundedOutput,
    /// Wall-clock deadline of the current exec, for host-side waits (sleep).
    deadline: Option<Instant>,
    /// Below this native stack address the guest's recursion check trips (see
    /// `stack_exhausted`); 0 outside an exec.
    native_stack_floor: usize,
    pub(crate) bridge: mpwasm_host::Bridge,
}

impl std::fmt::Debug for StoreState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreState")
            .field("deadline", &self.deadline)
            .finish_non_exhaustive()
    }
}

/// Raised by host imports when the wall-clock deadline passes while the
/// guest is blocked in the host (epoch interruption only fires in Wasm code).
#[derive(Debug, thiserror::Error)]
#[error("wall-clock deadline reached while the guest was sleeping")]
pub(crate) struct DeadlineExceeded;

/// The guest could not allocate the buffer for a source of this many bytes:
/// its memory is full up to the limit. Nothing ran, so the VM stays usable
/// (a smaller source may still fit the buffer it has).
#[derive(Debug, thiserror::Error)]
#[error("memory allocation failed, allocating {0} bytes for the source")]
struct SourceBufferFailed(usize);

pub(crate) fn add_imports(linker: &mut Linker<StoreState>) -> Result<(), Error> {
    wasmtime_wasi::p1::add_to_linker_sync(linker, |s: &mut StoreState| &mut s.wasi)
        .map_err(Error::engine)?;
    linker
        .func_wrap(
            mpwasm_abi::IMPORT_MODULE,
            import::SLEEP_NS,
            |caller: wasmtime::Caller<'_, StoreState>, ns: i64| -> wasmtime::Result<()> {
                let want = Duration::from_nanos(u64::try_from(ns).unwrap_or(0));
                match caller.data().deadline {
                    Some(deadline) => {
                        let remaining = deadline.saturating_duration_since(Instant::now());
                        if want >= remaining {
                            std::thread::sleep(remaining);
                            return Err(wasmtime::Error::new(DeadlineExceeded));
                        }
                        std::thread::sleep(want);
                    }
                    None => std::thread::sleep(want),
                }
                Ok(())
            },
        )
        .map_err(Error::engine)?;
    linker
        .func_wrap(
            mpwasm_abi::IMPORT_MODULE,
            import::STACK_EXHAUSTED,
            |caller: wasmtime::Caller<'_, StoreState>| -> i32 {
                i32::from(approx_stack_pointer() < caller.data().native_stack_floor)
            },
        )
        .map_err(Error::engine)?;
    mpwasm_host::add_to_linker(linker, |s: &mut StoreState| &mut s.bridge)
        .map_err(Error::engine)?;
    Ok(())
}

struct Exports {
    input: TypedFunc<u32, u32>,
    exec: TypedFunc<(u32, u32, u32), i32>,
    info: TypedFunc<(), u32>,
    set_stack_limit: TypedFunc<u32, u32>,
    set_memory_limit: TypedFunc<u32, ()>,
    heap_info: TypedFunc<u32, ()>,
    memory: Memory,
}

/// A live MicroPython instance. Each [`Vm::exec`] runs in the same
/// `__main__` globals; the limits apply per exec (fuel and clock refreshed).
///
/// [`Runtime::run`] is `Vm::new` + one `exec`; sessions keep a `Vm` alive.
///
/// ```
/// use mpwasm_core::{ExecMode, RunOptions, Runtime, Vm};
///
/// let runtime = Runtime::new()?;
/// let mut vm = Vm::new(&runtime, &RunOptions::default())?;
/// vm.exec("x = 20", ExecMode::File)?;
/// assert_eq!(vm.exec("x + 22", ExecMode::Eval)?.stdout_str(), "42\n");
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
pub struct Vm {
    runtime: Runtime,
    store: Store<StoreState>,
    exports: Exports,
    limits: Limits,
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
    /// Instantiate a fresh guest with these options.
    pub fn new(runtime: &Runtime, options: &RunOptions) -> Result<Self, Error> {
        let limits = options.get_limits().clone();
        check_limits(runtime, &limits)?;
        let inner = &runtime.inner;

        let stdout = BoundedOutput::new(limits.get_max_output_bytes());
        // Merged streams share one capture, so the guest's write order is kept.
        let stderr = if options.get_stderr_to_stdout() {
            stdout.clone()
        } else {
            BoundedOutput::new(limits.get_max_output_bytes())
        };
        let mut wasi = WasiCtxBuilder::new();
        wasi.stdout(stdout.clone())
            .stderr(stderr.clone())
            .allow_blocking_current_thread(true);
        if let Some(dir) = options.get_readonly_dir() {
            let meta = std::fs::metadata(dir).map_err(|e| Error::ReadonlyDir {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
            if !meta.is_dir() {
                return Err(Error::ReadonlyDir {
                    path: dir.to_path_buf(),
                    reason: "not a directory".into(),
                });
            }
            wasi.preopened_dir(dir, "/input", FsPerms::ReadOnly)
                .map_err(|e| Error::ReadonlyDir {
                    path: dir.to_path_buf(),
                    reason: format!("{e:#}"),
                })?;
        }
        let bridge = mpwasm_host::Bridge::with_config(
            options.get_host_functions().clone(),
            options.get_bridge_config().clone(),
        );
        let state = StoreState {
            wasi: wasi.build_p1(),
            limiter: store_limits(&limits),
            stdout,
            stderr,
            deadline: None,
            native_stack_floor: 0,
            bridge,
        };
        let mut store = runtime.new_store(state);
        store.limiter(|s| &mut s.limiter as &mut dyn ResourceLimiter);
        // Booting is the runtime's work, not the snippet's: no budget yet.
        store.set_fuel(u64::MAX).map_err(Error::engine)?;
        store.set_epoch_deadline(u64::MAX / 2);

        let instance = inner
            .instance_pre
            .instantiate(&mut store)
            .map_err(|e| instantiate_error(e, &limits))?;
        let ex = &inner.exports;
        let func = |store: &mut Store<StoreState>, export: &wasmtime::ModuleExport| {
            instance
                .get_module_export(&mut *store, export)
                .and_then(|e| e.into_func())
                .ok_or_else(|| Error::InvalidArtifact("guest export is not a function".into()))
        };
        let typed = |e: wasmtime::Error| {
            Error::InvalidArtifact(format!("guest export has the wrong type: {e:#}"))
        };
        let memory = instance
            .get_module_export(&mut store, &ex.memory)
            .and_then(|e| e.into_memory())
            .ok_or_else(|| {
                Error::InvalidArtifact("guest `memory` export is not a memory".into())
            })?;
        let exports = Exports {
            input: func(&mut store, &ex.input)?.typed(&store).map_err(typed)?,
            exec: func(&mut store, &ex.exec)?.typed(&store).map_err(typed)?,
            info: func(&mut store, &ex.info)?.typed(&store).map_err(typed)?,
            set_stack_limit: func(&mut store, &ex.set_stack_limit)?
                .typed(&store)
                .map_err(typed)?,
            set_memory_limit: func(&mut store, &ex.set_memory_limit)?
                .typed(&store)
                .map_err(typed)?,
            heap_info: func(&mut store, &ex.heap_info)?
                .typed(&store)
                .map_err(typed)?,
            memory,
        };
        if !inner.snapshot {
            if let Some(reactor_init) = &ex.reactor_init {
                let f: TypedFunc<(), ()> = func(&mut store, reactor_init)?
                    .typed(&store)
                    .map_err(typed)?;
                f.call(&mut store, ()).map_err(|e| {
                    Error::InvalidArtifact(format!("guest _initialize failed: {e:#}"))
                })?;
            }
            let init: TypedFunc<(), i32> =
                func(&mut store, &ex.init)?.typed(&store).map_err(typed)?;
            let status = init
                .call(&mut store, ())
                .map_err(|e| Error::InvalidArtifact(format!("guest mpw_init trapped: {e:#}")))?;
            if status != 0 {
                return Err(Error::InvalidArtifact(format!(
                    "guest mpw_init returned status {status}"
                )));
            }
        }

        let mut vm = Vm {
            runtime: runtime.clone(),
            store,
            exports,
            limits,
            guest_stack_limit: 0,
            guest_memory_pages: 0,
        };
        let prelude = vm.store.data().bridge.functions().guest_prelude();
        if !prelude.is_empty() {
            vm.exec_named("<host functions>", &prelude, ExecMode::File)?;
        }
        Ok(vm)
    }

    /// Replace the limits for later execs.
    pub fn set_limits(&mut self, limits: Limits) -> Result<(), Error> {
        check_limits(&self.runtime, &limits)?;
        self.store.data_mut().limiter = store_limits(&limits);
        self.limits = limits;
        Ok(())
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Run `code` (file name `<string>`) in this instance's globals.
    pub fn exec(&mut self, code: &str, mode: ExecMode) -> Result<RunResult, Error> {
        self.exec_named("<string>", code, mode)
    }

    /// Run `code` with `file_name` shown in tracebacks.
    pub fn exec_named(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        let started = Instant::now();
        let total = file_name
            .len()
            .checked_add(code.len())
            .filter(|&n| n <= u32::MAX as usize / 2);
        let Some(total) = total else {
            return Err(Error::InvalidSource("source too large".into()));
        };
        let fuel_budget = self.prepare_exec()?;
        let outcome = self.call_exec(file_name, code, mode, total);
        let result = self.finish_exec(started, fuel_budget);
        match outcome.map(|code| (code, ExecStatus::from_code(code))) {
            Ok((_, Some(ExecStatus::Ok))) => Ok(result),
            Ok((_, Some(ExecStatus::Exception))) => Err(self.exception(result)),
            Ok((_, Some(ExecStatus::SystemExit))) => {
                let code = self
                    .info_words()
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
            Ok((_, Some(ExecStatus::NotReady))) => Err(Error::InvalidArtifact(
                "the guest VM is not initialised".into(),
            )),
            Ok((_, Some(ExecStatus::BadRequest))) => Err(Error::Trap {
                message: "the guest rejected the request buffer".into(),
                result: Box::new(result),
            }),
            Ok((code, None)) => Err(Error::InvalidArtifact(format!(
                "unknown exec status {code}"
            ))),
            Err(trap) => Err(trap_error(trap, result)),
        }
    }

    /// GC heap statistics: (total, used, free, largest free block) in bytes.
    pub fn heap_info(&mut self) -> Result<[u32; 4], Error> {
        let ptr = self.call_with_budget(|vm| {
            // Scratch space: the guest's input buffer, at least 16 bytes.
            let ptr = vm.exports.input.call(&mut vm.store, 16)?;
            vm.exports.heap_info.call(&mut vm.store, ptr)?;
            Ok(ptr)
        })?;
        let mut raw = [0u8; 16];
        self.exports
            .memory
            .read(&self.store, ptr as usize, &mut raw)
            .map_err(|e| Error::Engine(e.to_string()))?;
        let word = |i: usize| {
            u32::from_le_bytes([raw[i * 4], raw[i * 4 + 1], raw[i * 4 + 2], raw[i * 4 + 3]])
        };
        Ok([word(0), word(1), word(2), word(3)])
    }

    /// Bytes of linear memory the guest currently has.
    pub fn memory_size(&self) -> u64 {
        self.exports.memory.data_size(&self.store) as u64
    }

    /// The guest's linear memory, for snapshots. Between execs it holds the
    /// VM's complete state: the guest keeps no other mutable Wasm state
    /// across calls (its stack pointer is back at its base).
    pub fn linear_memory(&self) -> &[u8] {
        self.exports.memory.data(&self.store)
    }

    /// Overwrite linear memory with a saved state of `len` bytes: grows the
    /// memory to `len` (within the memory limit), then lets `fill` write
    /// every byte. Used to restore snapshots taken with [`Vm::linear_memory`]
    /// from the same artifact.
    pub fn restore_linear_memory(
        &mut self,
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<(), Error> {
        const PAGE: usize = 65536;
        if !len.is_multiple_of(PAGE) {
            return Err(Error::InvalidArtifact(format!(
                "memory image size {len} is not a whole number of pages"
            )));
        }
        let current = self.exports.memory.data_size(&self.store);
        if len < current {
            return Err(Error::InvalidArtifact(format!(
                "memory image ({len} bytes) is smaller than the fresh guest's memory ({current} bytes)"
            )));
        }
        if len > current {
            self.exports
                .memory
                .grow(&mut self.store, ((len - current) / PAGE) as u64)
                .map_err(|e| {
                    Error::InvalidLimits(format!(
                        "memory image of {len} bytes does not fit the memory limit: {e:#}"
                    ))
                })?;
        }
        fill(self.exports.memory.data_mut(&mut self.store));
        // The guest's limit variables came back with the image.
        self.guest_stack_limit = 0;
        self.guest_memory_pages = 0;
        Ok(())
    }

    /// The runtime this instance belongs to.
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// The bridge state of this instance (host functions, failures, user state).
    pub fn bridge(&mut self) -> &mut mpwasm_host::Bridge {
        &mut self.store.data_mut().bridge
    }

    fn call_with_budget<R>(
        &mut self,
        f: impl FnOnce(&mut Self) -> wasmtime::Result<R>,
    ) -> Result<R, Error> {
        self.store.set_fuel(u64::MAX).map_err(Error::engine)?;
        self.store.set_epoch_deadline(u64::MAX / 2);
        f(self).map_err(|e| Error::Engine(format!("{e:#}")))
    }

    /// Arm fuel, clock, stack and output limits; returns the fuel budget.
    fn prepare_exec(&mut self) -> Result<Option<u64>, Error> {
        // The guest learns its memory and stack limits before the run's fuel
        // and deadline are armed: under a tiny budget these calls would
        // otherwise trap and surface as engine errors.
        self.store.set_fuel(u64::MAX).map_err(Error::engine)?;
        self.store.set_epoch_deadline(u64::MAX / 2);
        let limits = &self.limits;
        let pages = u32::try_from(limits.get_memory_bytes() / 65536).unwrap_or(u32::MAX);
        if pages != self.guest_memory_pages {
            self.exports
                .set_memory_limit
                .call(&mut self.store, pages)
                .map_err(|e| Error::Engine(format!("{e:#}")))?;
            self.guest_memory_pages = pages;
        }
        let wanted = guest_stack_limit(limits.get_max_wasm_stack());
        if wanted != self.guest_stack_limit {
            let applied = self
                .exports
                .set_stack_limit
                .call(&mut self.store, wanted)
                .map_err(|e| Error::Engine(format!("{e:#}")))?;
            self.guest_stack_limit = applied;
        }

        let limits = &self.limits;
        let fuel = limits.get_fuel();
        self.store
            .set_fuel(fuel.unwrap_or(u64::MAX))
            .map_err(Error::engine)?;
        let inner = &self.runtime.inner;
        match limits.get_wall_timeout() {
            Some(timeout) => {
                inner.ensure_ticker();
                let tick = inner.epoch_tick.as_nanos().max(1);
                let ticks =
                    u64::try_from(timeout.as_nanos().div_ceil(tick)).unwrap_or(u64::MAX / 4) + 1;
                self.store.set_epoch_deadline(ticks);
                self.store.data_mut().deadline = Some(Instant::now() + timeout);
            }
            None => {
                self.store.set_epoch_deadline(u64::MAX / 2);
                self.store.data_mut().deadline = None;
            }
        }
        let out_limit = limits.get_max_output_bytes();
        let state = self.store.data_mut();
        state.stdout.take(out_limit);
        state.stderr.take(out_limit);
        Ok(fuel)
    }

    fn call_exec(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
        total: usize,
    ) -> wasmtime::Result<i32> {
        let ptr = self.exports.input.call(&mut self.store, total as u32)?;
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
        // check asks `stack_exhausted` and raises RecursionError a margin
        // before that, whatever the C code's shadow-stack use.
        let max = self.runtime.inner.max_wasm_stack;
        self.store.data_mut().native_stack_floor = approx_stack_pointer()
            .saturating_sub(max)
            .saturating_add(native_stack_margin(max));
        let status = self.exports.exec.call(
            &mut self.store,
            (file_name.len() as u32, code.len() as u32, mode.code()),
        )?;
        Ok(status)
    }

    fn finish_exec(&mut self, started: Instant, fuel_budget: Option<u64>) -> RunResult {
        let remaining = self.store.get_fuel().unwrap_or(0);
        let state = self.store.data_mut();
        state.deadline = None;
        let (stdout, stdout_truncated) = state.stdout.take(self.limits.get_max_output_bytes());
        let (stderr, stderr_truncated) = state.stderr.take(self.limits.get_max_output_bytes());
        let host_failures = state.bridge.take_failures();
        RunResult {
            stdout,
            stderr,
            stdout_truncated,
            stderr_truncated,
            fuel_consumed: fuel_budget.unwrap_or(u64::MAX).saturating_sub(remaining),
            fuel_remaining: fuel_budget.map(|_| remaining),
            duration: started.elapsed(),
            host_failures,
        }
    }

    fn info_words(&mut self) -> Option<[u32; INFO_WORDS]> {
        self.store.set_fuel(u64::MAX).ok()?;
        self.store.set_epoch_deadline(u64::MAX / 2);
        let ptr = self.exports.info.call(&mut self.store, ()).ok()?;
        let mut raw = [0u8; INFO_WORDS * 4];
        self.exports
            .memory
            .read(&self.store, ptr as usize, &mut raw)
            .ok()?;
        let mut words = [0u32; INFO_WORDS];
        for (i, w) in words.iter_mut().enumerate() {
            *w = u32::from_le_bytes([raw[i * 4], raw[i * 4 + 1], raw[i * 4 + 2], raw[i * 4 + 3]]);
        }
        Some(words)
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

    fn exception(&mut self, result: RunResult) -> Error {
        let Some(w) = self.info_words() else {
            return Error::Trap {
                message: "the guest reported an exception but its details are unreadable".into(),
                result: Box::new(result),
            };
        };
        let text = |vm: &Self, ptr: InfoField, len: InfoField| {
            vm.guest_text(w[ptr.index()], w[len.index()])
        };
        let type_name = text(self, InfoField::TypePtr, InfoField::TypeLen);
        let message = text(self, InfoField::MessagePtr, InfoField::MessageLen);
        let traceback = text(self, InfoField::TracebackPtr, InfoField::TracebackLen);
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

/// Native stack kept free when the guest's recursion check trips: room for
/// the C frames between two checks and for handling the `RuntimeError`.
fn native_stack_margin(max_wasm_stack: usize) -> usize {
    (max_wasm_stack / 8).max(32 << 10)
}

/// Roughly the current native stack pointer (the address of a local).
#[inline(never)]
fn approx_stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Python recursion gets this much shadow stack for a native budget: a call
/// level uses roughly 0.45× as much shadow stack as native Wasm stack, so
/// 0.35× leaves a margin and recursion ends as `RecursionError`.
fn guest_stack_limit(max_wasm_stack: usize) -> u32 {
    u32::try_from(max_wasm_stack / 20 * 7).unwrap_or(u32::MAX)
}

fn check_limits(runtime: &Runtime, limits: &Limits) -> Result<(), Error> {
    limits.validate()?;
    let inner = &runtime.inner;
    if limits.get_max_wasm_stack() > inner.max_wasm_stack {
        return Err(Error::InvalidLimits(format!(
            "max_wasm_stack {} exceeds the runtime's {} (RuntimeBuilder::max_wasm_stack)",
            limits.get_max_wasm_stack(),
            inner.max_wasm_stack
        )));
    }
    if limits.get_memory_bytes() > inner.max_memory_bytes {
        return Err(Error::InvalidLimits(format!(
            "memory_bytes {} exceeds the runtime's {} (RuntimeBuilder::max_memory_bytes)",
            limits.get_memory_bytes(),
            inner.max_memory_bytes
        )));
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

fn instantiate_error(e: wasmtime::Error, limits: &Limits) -> Error {
    let text = format!("{e:#}");
    if text.contains("memory") && (text.contains("limit") || text.contains("minimum")) {
        Error::InvalidLimits(format!(
            "memory_bytes {} is below what the booted guest needs: {text}",
            limits.get_memory_bytes()
        ))
    } else {
        Error::Engine(format!("instantiating the guest failed: {text}"))
    }
}

fn trap_error(e: wasmtime::Error, result: RunResult) -> Error {
    let result = Box::new(result);
    if e.downcast_ref::<DeadlineExceeded>().is_some() {
        return Error::Timeout(result);
    }
    if let Some(failed) = e.downcast_ref::<SourceBufferFailed>() {
        return Error::MemoryLimit {
            message: failed.to_string(),
            traceback: String::new(),
            result,
        };
    }
    match e.downcast_ref::<Trap>() {
        Some(Trap::OutOfFuel) => Error::OutOfFuel(result),
        Some(Trap::Interrupt) => Error::Timeout(result),
        Some(Trap::StackOverflow) => Error::StackOverflow(result),
        _ => Error::Trap {
            message: format!("{e:#}"),
            result,
        },
    }
}
