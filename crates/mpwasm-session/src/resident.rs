//! The resident session: one live VM, state kept between snippets.

use mpwasm_core::{
    CancelHandle, ExecMode, HostFunctions, Limits, OutputBuffering, OutputCallback, RunOptions,
    RunResult, Runtime, TrapKind, Vm,
};
use mpwasm_host::HostFn;

use crate::{Error, SessionImage};

/// The session's VM, or why there is none. The registered host functions
/// live in exactly one place: the VM when there is one, else here.
enum State {
    /// Not started yet: the VM is created by the first run.
    Idle {
        functions: HostFunctions,
    },
    Live(Box<Vm>),
    /// An earlier run trapped; the VM was dropped.
    Poisoned {
        cause: TrapKind,
        functions: HostFunctions,
    },
    Closed {
        functions: HostFunctions,
    },
}

impl State {
    /// The functions, taken out of whatever holds them.
    fn into_functions(self) -> HostFunctions {
        match self {
            State::Idle { functions }
            | State::Poisoned { functions, .. }
            | State::Closed { functions } => functions,
            State::Live(vm) => vm.host_functions().clone(),
        }
    }
}

/// One live MicroPython VM whose globals persist across [`Session::run`]s.
///
/// The VM starts lazily on the first run. Fuel and the wall clock are
/// refreshed for every run. A Python exception leaves the session usable,
/// and so does a limit that runs out or a cancel
/// ([`Session::cancel_handle`]): the guest gets `LimitExceeded` or
/// `KeyboardInterrupt` and the run ends with
/// [`mpwasm_core::Error::Interrupted`]. A trap (a guest that does not stop
/// within the grace period, a stack overflow, other traps) poisons it until
/// [`Session::reset`]. A `Session` is `Send`: move it between threads; many
/// sessions can run at once on one [`Runtime`].
///
/// ```
/// use std::time::Duration;
/// use mpwasm_core::{Error as RunError, Interrupt, Limits, Runtime};
/// use mpwasm_session::{Error, Session};
///
/// let runtime = Runtime::new()?;
/// let mut session = Session::new(&runtime);
/// session.run("x = {'kept': True}")?;
/// let mut limits = Limits::new();
/// limits.wall_timeout(Some(Duration::from_millis(50)));
/// session.set_limits(limits)?;
/// let Err(Error::Run(RunError::Interrupted { interrupt, result, .. })) =
///     session.run("try:\n    while True: pass\nfinally:\n    print('finally ran')")
/// else {
///     panic!("expected a soft timeout")
/// };
/// assert_eq!(interrupt, Interrupt::WallClock);
/// assert_eq!(result.stdout_str(), "finally ran\n");
/// assert_eq!(session.run("print(x)")?.stdout_str(), "{'kept': True}\n");
/// # Ok::<(), mpwasm_session::Error>(())
/// ```
///
/// ```
/// use mpwasm_core::Runtime;
/// use mpwasm_session::{Error, Session};
///
/// let runtime = Runtime::new()?;
/// let mut session = Session::new(&runtime);
/// session.run("import math\ndef hyp(a, b): return math.sqrt(a*a + b*b)")?;
/// assert_eq!(session.run("print(hyp(3, 4))")?.stdout_str(), "5.0\n");
///
/// // An exception does not end the session.
/// assert!(matches!(session.run("1/0"), Err(Error::Run(_))));
/// assert_eq!(session.run("print(hyp(6, 8))")?.stdout_str(), "10.0\n");
///
/// session.close();
/// assert!(matches!(session.run("print(1)"), Err(Error::SessionClosed)));
/// # Ok::<(), mpwasm_session::Error>(())
/// ```
pub struct Session {
    runtime: Runtime,
    /// Limits, `/input`, bridge configuration; never the host functions
    /// (see [`State`]).
    options: RunOptions,
    state: State,
    /// Started with [`Session::new_async`]: its VMs run with `run_async`.
    asynchronous: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &self.state {
            State::Idle { .. } => "idle",
            State::Live(_) => "live",
            State::Poisoned { .. } => "poisoned",
            State::Closed { .. } => "closed",
        };
        f.debug_struct("Session")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session with default options.
    #[must_use]
    pub fn new(runtime: &Runtime) -> Self {
        Self::with_options(runtime, RunOptions::default())
    }

    /// A session with these options (limits per run, `/input`, host functions).
    #[must_use]
    pub fn with_options(runtime: &Runtime, mut options: RunOptions) -> Self {
        let functions = options.get_host_functions().clone();
        options.host_functions(HostFunctions::new());
        // One handle for the session's life: every VM it starts uses it.
        if options.get_cancel_handle().is_none() {
            options.cancel_handle(CancelHandle::new());
        }
        Session {
            runtime: runtime.clone(),
            options,
            state: State::Idle { functions },
            asynchronous: false,
        }
    }

    /// A session for async runs ([`Session::run_async`]): its VMs are
    /// started with [`Vm::new_async`], so its host functions may be async
    /// ([`Session::register_async_function`]) and one thread can drive many
    /// such sessions while their host calls wait. The synchronous
    /// [`Session::run`] returns [`mpwasm_core::Error::AsyncMode`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use mpwasm_core::Runtime;
    /// use mpwasm_session::Session;
    ///
    /// let runtime = Runtime::new()?;
    /// let mut session = Session::new_async(&runtime);
    /// session.register_async_function("fetch", |id: u32| async move {
    ///     tokio::time::sleep(Duration::from_millis(5)).await;
    ///     format!("row {id}")
    /// })?;
    /// let tokio = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
    /// tokio.block_on(async {
    ///     session.run_async("rows = [fetch(i) for i in range(3)]").await?;
    ///     let out = session.run_async("print(rows)").await?;
    ///     assert_eq!(out.stdout_str(), "['row 0', 'row 1', 'row 2']\n");
    ///     Ok::<(), mpwasm_session::Error>(())
    /// })?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new_async(runtime: &Runtime) -> Self {
        Self::with_options_async(runtime, RunOptions::default())
    }

    /// [`Session::with_options`] for async runs (see [`Session::new_async`]).
    ///
    /// ```
    /// use mpwasm_core::{RunOptions, Runtime};
    /// use mpwasm_session::Session;
    ///
    /// let session = Session::with_options_async(&Runtime::new()?, RunOptions::new());
    /// assert!(session.is_async());
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    #[must_use]
    pub fn with_options_async(runtime: &Runtime, options: RunOptions) -> Self {
        let mut session = Self::with_options(runtime, options);
        session.asynchronous = true;
        session
    }

    /// Whether the session is for async runs ([`Session::new_async`]).
    ///
    /// ```
    /// # use mpwasm_core::Runtime;
    /// # use mpwasm_session::Session;
    /// assert!(!Session::new(&Runtime::new()?).is_async());
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    #[must_use]
    pub fn is_async(&self) -> bool {
        self.asynchronous
    }

    /// [`Session::run`] as a future, for a session made with
    /// [`Session::new_async`]: async host functions are awaited while the
    /// executor runs other tasks. A limit or cancel during a pending host
    /// call keeps the session, as it does elsewhere.
    ///
    /// # Errors
    ///
    /// As [`Session::run_named_async`].
    pub async fn run_async(&mut self, code: &str) -> Result<RunResult, Error> {
        self.run_named_async("<string>", code, ExecMode::File).await
    }

    /// [`Session::run_named`] as a future (see [`Session::run_async`]).
    ///
    /// # Errors
    ///
    /// As [`Session::run_named`], and [`Error::Run`] with
    /// [`mpwasm_core::Error::AsyncMode`] on a synchronous session.
    pub async fn run_named_async(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        if !self.asynchronous {
            return Err(Error::Run(mpwasm_core::Error::AsyncMode {
                asynchronous: false,
            }));
        }
        if let State::Idle { functions } = &self.state {
            let mut options = self.options.clone();
            options.host_functions(functions.clone());
            let vm = Vm::new_async(&self.runtime, &options).await?;
            self.state = State::Live(Box::new(vm));
        }
        let outcome = match self.live_vm() {
            Ok(vm) => vm.run_named_async(file_name, code, mode).await,
            Err(e) => return Err(e),
        };
        self.settle(outcome)
    }

    /// Registers an async host function (as
    /// [`HostFunctions::register_async`]) for a session made with
    /// [`Session::new_async`]; a running VM defines its wrapper at the start
    /// of its next run.
    ///
    /// ```
    /// # use mpwasm_core::Runtime;
    /// # use mpwasm_session::Session;
    /// let mut session = Session::new_async(&Runtime::new()?);
    /// session.register_async_function("ping", || async { "pong" })?;
    /// assert!(session.host_functions().is_async("ping"));
    /// # Ok::<(), mpwasm_session::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Session::register_function`].
    pub fn register_async_function<Args: 'static, F: mpwasm_host::AsyncHostFn<Args>>(
        &mut self,
        name: &str,
        f: F,
    ) -> Result<&mut Self, Error> {
        let mut functions = self.host_functions().clone();
        functions.register_async(name, f)?;
        self.set_host_functions(functions)?;
        Ok(self)
    }

    /// Run a snippet (a module body, file name `<string>`) in the session's
    /// globals.
    ///
    /// # Errors
    ///
    /// As [`Session::run_named`].
    pub fn run(&mut self, code: &str) -> Result<RunResult, Error> {
        self.run_named("<string>", code, ExecMode::File)
    }

    /// Run a snippet compiled in `mode` with `file_name` shown in tracebacks
    /// (a REPL passes `<stdin>` and [`ExecMode::Single`], as CPython's does).
    ///
    /// ```
    /// use mpwasm_core::{ExecMode, Runtime};
    /// use mpwasm_session::{Error, Session};
    ///
    /// let runtime = Runtime::new()?;
    /// let mut session = Session::new(&runtime);
    /// let Err(Error::Run(mpwasm_core::Error::GuestException(e))) =
    ///     session.run_named("<stdin>", "1/0", ExecMode::Single)
    /// else {
    ///     panic!("expected an exception")
    /// };
    /// assert!(e.traceback.contains("File \"<stdin>\", line 1"));
    /// # Ok::<(), mpwasm_session::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Run`] with the run's own error ([`mpwasm_core::Vm::run_named`]);
    /// a trap among them poisons the session. [`Error::SessionClosed`] and
    /// [`Error::Poisoned`] when the session cannot run.
    pub fn run_named(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        self.with_live_vm(|vm| vm.run_named(file_name, code, mode))
    }

    /// Register a host function, before or after the session started; the
    /// guest-side wrapper is defined in the live VM right away.
    ///
    /// ```
    /// use mpwasm_core::Runtime;
    /// use mpwasm_session::Session;
    ///
    /// let runtime = Runtime::new()?;
    /// let mut session = Session::new(&runtime);
    /// session.run("x = 2")?;
    /// session.register_function("double", |n: i64| n * 2)?;
    /// assert_eq!(session.run("print(double(x))")?.stdout_str(), "4\n");
    /// # Ok::<(), mpwasm_session::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Register`] for an invalid name; otherwise as
    /// [`Session::set_host_functions`].
    pub fn register_function<Args: 'static, F: HostFn<Args>>(
        &mut self,
        name: &str,
        f: F,
    ) -> Result<&mut Self, Error> {
        let mut functions = self.host_functions().clone();
        functions.register(name, f)?;
        self.set_host_functions(functions)?;
        Ok(self)
    }

    /// Replace the host functions (all of them), also in the live VM, where
    /// their wrappers run like a snippet (so a trap there poisons).
    ///
    /// # Errors
    ///
    /// When the session is live, as [`Session::run_named`].
    pub fn set_host_functions(&mut self, functions: HostFunctions) -> Result<(), Error> {
        match &mut self.state {
            State::Live(_) => self.with_live_vm(|vm| vm.set_host_functions(functions)),
            State::Idle { functions: held }
            | State::Poisoned {
                functions: held, ..
            }
            | State::Closed { functions: held } => {
                *held = functions;
                Ok(())
            }
        }
    }

    /// The registered host functions.
    #[must_use]
    pub fn host_functions(&self) -> &HostFunctions {
        match &self.state {
            State::Idle { functions }
            | State::Poisoned { functions, .. }
            | State::Closed { functions } => functions,
            State::Live(vm) => vm.host_functions(),
        }
    }

    /// Change the limits for later runs.
    ///
    /// # Errors
    ///
    /// [`Error::Run`] with [`mpwasm_core::Error::InvalidLimits`] when they are
    /// out of range; the limits in force stay as they were.
    pub fn set_limits(&mut self, limits: Limits) -> Result<(), Error> {
        limits.validate().map_err(mpwasm_core::Error::from)?;
        if let State::Live(vm) = &mut self.state {
            vm.set_limits(limits.clone())?;
        }
        self.options.limits(limits);
        Ok(())
    }

    /// Give the guest's output of later runs to `callback` as it is
    /// written (`None`: no callback), in addition to the captured result;
    /// see [`mpwasm_core::RunOptions::on_output`]. A failing callback ends
    /// the run with [`mpwasm_core::Error::OutputCallback`], which keeps the
    /// session.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use mpwasm_core::{OutputBuffering, OutputCallback, Runtime};
    /// use mpwasm_session::Session;
    ///
    /// let runtime = Runtime::new()?;
    /// let mut session = Session::new(&runtime);
    /// let lines = Arc::new(Mutex::new(String::new()));
    /// let sink = lines.clone();
    /// session.set_output_callback(
    ///     Some(OutputCallback::new(move |_stream, chunk| {
    ///         sink.lock().unwrap().push_str(&String::from_utf8_lossy(chunk));
    ///         Ok(())
    ///     })),
    ///     OutputBuffering::Line,
    /// );
    /// session.run("for i in range(2): print(i)")?;
    /// assert_eq!(*lines.lock().unwrap(), "0\n1\n");
    /// # Ok::<(), mpwasm_session::Error>(())
    /// ```
    pub fn set_output_callback(
        &mut self,
        callback: Option<OutputCallback>,
        buffering: OutputBuffering,
    ) {
        if let State::Live(vm) = &mut self.state {
            vm.set_output_callback(callback.clone(), buffering);
        }
        self.options.set_output_callback(callback, buffering);
    }

    /// The limits of later runs.
    #[must_use]
    pub fn get_limits(&self) -> &Limits {
        self.options.get_limits()
    }

    /// The handle that cancels this session's current run from another
    /// thread; the session keeps its state ([`CancelHandle`]). The same
    /// handle serves every VM of the session, across [`Session::reset`].
    ///
    /// ```
    /// use mpwasm_core::{Error as RunError, Interrupt, Runtime};
    /// use mpwasm_session::{Error, Session};
    ///
    /// let runtime = Runtime::new()?;
    /// let mut session = Session::new(&runtime);
    /// session.run("n = 0")?;
    /// let cancel = session.cancel_handle();
    /// let stopper = std::thread::spawn(move || while !cancel.cancel() { std::thread::yield_now() });
    /// let e = session.run("while True: n += 1").unwrap_err();
    /// assert!(matches!(e, Error::Run(RunError::Interrupted { interrupt: Interrupt::Cancel, .. })));
    /// stopper.join().unwrap();
    /// assert!(session.run("print(n > 0)")?.stdout_str() == "True\n");
    /// # Ok::<(), mpwasm_session::Error>(())
    /// ```
    #[must_use]
    pub fn cancel_handle(&self) -> CancelHandle {
        self.options
            .get_cancel_handle()
            .cloned()
            .unwrap_or_default()
    }

    /// Whether the VM has started (the first run starts it).
    #[must_use]
    pub fn is_started(&self) -> bool {
        matches!(self.state, State::Live(_))
    }

    /// Whether [`Session::close`] was called (and no [`Session::reset`] since).
    #[must_use]
    pub fn is_closed(&self) -> bool {
        matches!(self.state, State::Closed { .. })
    }

    /// The trap that poisoned the session, if any.
    #[must_use]
    pub fn poisoned_by(&self) -> Option<TrapKind> {
        match self.state {
            State::Poisoned { cause, .. } => Some(cause),
            _ => None,
        }
    }

    /// Drop the VM and start fresh on the next run (clears poisoning and
    /// state; reopens a closed session). Host functions stay registered.
    pub fn reset(&mut self) {
        let functions = self.take_state().into_functions();
        self.state = State::Idle { functions };
    }

    /// Drop the VM; later runs return [`Error::SessionClosed`].
    pub fn close(&mut self) {
        let functions = self.take_state().into_functions();
        self.state = State::Closed { functions };
    }

    /// Save the VM's complete state. Starts the VM if needed. Host functions
    /// are not part of the image: register them again after restoring.
    ///
    /// # Errors
    ///
    /// As starting the VM ([`Session::run_named`] before the first run), and
    /// [`Error::Run`] when the baseline VM the image is compared with cannot
    /// be created.
    pub fn snapshot(&mut self) -> Result<SessionImage, Error> {
        let sha = self.runtime.artifact_sha256().to_owned();
        // The baseline: what a fresh VM's memory looks like (copy-on-write
        // mapped, so this is cheap); only pages that differ are stored.
        let fresh = Vm::new(&self.runtime, &self.options)?;
        let vm = self.live_vm()?;
        Ok(SessionImage::capture(
            &sha,
            vm.linear_memory(),
            fresh.linear_memory(),
        ))
    }

    /// A live session from an image taken with the same artifact.
    ///
    /// # Errors
    ///
    /// As [`Session::restore_with_options`].
    pub fn restore(runtime: &Runtime, image: &SessionImage) -> Result<Self, Error> {
        Self::restore_with_options(runtime, image, RunOptions::default())
    }

    /// Like [`Session::restore`], with options (register host functions here).
    ///
    /// # Errors
    ///
    /// [`Error::ArtifactMismatch`] for an image of another artifact,
    /// [`Error::InvalidImage`] when its data is inconsistent,
    /// [`Error::Run`] when the VM cannot be created or the memory image
    /// does not fit its limits, and as [`Session::set_host_functions`].
    pub fn restore_with_options(
        runtime: &Runtime,
        image: &SessionImage,
        options: RunOptions,
    ) -> Result<Self, Error> {
        if image.artifact_sha256() != runtime.artifact_sha256() {
            return Err(Error::ArtifactMismatch {
                image_sha256: image.artifact_sha256().to_owned(),
                runtime_sha256: runtime.artifact_sha256().to_owned(),
            });
        }
        // A fresh VM without host functions: their wrappers are defined after
        // the memory is replaced.
        let mut session = Session::with_options(runtime, options);
        let functions = session.take_state().into_functions();
        let mut vm = Vm::new(runtime, &session.options)?;
        image.write_into(&mut vm)?;
        session.state = State::Live(Box::new(vm));
        if !functions.is_empty() {
            session.set_host_functions(functions)?;
        }
        Ok(session)
    }

    fn take_state(&mut self) -> State {
        std::mem::replace(
            &mut self.state,
            State::Closed {
                functions: HostFunctions::new(),
            },
        )
    }

    /// Run `f` on the live VM (starting it first); a trap poisons the
    /// session. Every call into the guest goes through here.
    fn with_live_vm<T>(
        &mut self,
        f: impl FnOnce(&mut Vm) -> Result<T, mpwasm_core::Error>,
    ) -> Result<T, Error> {
        let outcome = f(self.live_vm()?);
        self.settle(outcome)
    }

    /// A run's outcome: a trap poisons the session.
    fn settle<T>(&mut self, outcome: Result<T, mpwasm_core::Error>) -> Result<T, Error> {
        if let Err(e) = &outcome
            && let Some(cause) = e.trap_kind()
        {
            let functions = self.take_state().into_functions();
            self.state = State::Poisoned { cause, functions };
        }
        outcome.map_err(Error::Run)
    }

    fn live_vm(&mut self) -> Result<&mut Vm, Error> {
        match &self.state {
            State::Closed { .. } => return Err(Error::SessionClosed),
            State::Poisoned { cause, .. } => return Err(Error::Poisoned { cause: *cause }),
            // An async session starts its VM in `run_named_async`.
            State::Idle { .. } if self.asynchronous => {
                return Err(Error::Run(mpwasm_core::Error::AsyncMode {
                    asynchronous: true,
                }));
            }
            State::Idle { functions } => {
                let mut options = self.options.clone();
                options.host_functions(functions.clone());
                let vm = Vm::new(&self.runtime, &options)?;
                self.state = State::Live(Box::new(vm));
            }
            State::Live(_) => {}
        }
        match &mut self.state {
            State::Live(vm) => Ok(vm),
            _ => Err(Error::SessionClosed),
        }
    }
}
