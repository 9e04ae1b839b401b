//! The resident session: one live VM, state kept between snippets.

use mpwasm_core::{ExecMode, HostFunctions, Limits, RunOptions, RunResult, Runtime, Vm};
use mpwasm_host::HostFn;

use crate::{Error, SessionImage};

enum State {
    /// Not started yet: the VM is created by the first run.
    Idle,
    Live(Box<Vm>),
    /// An earlier run trapped; the VM was dropped.
    Poisoned(&'static str),
    Closed,
}

/// One live MicroPython VM whose globals persist across [`Session::run`]s.
///
/// The VM starts lazily on the first run. Fuel and the wall clock are
/// refreshed for every run. A Python exception leaves the session usable; a
/// trap (fuel, timeout, stack overflow, other traps) poisons it until
/// [`Session::reset`]. A `Session` is `Send`: move it between threads; many
/// sessions can run at once on one [`Runtime`].
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
    options: RunOptions,
    state: State,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &self.state {
            State::Idle => "idle",
            State::Live(_) => "live",
            State::Poisoned(_) => "poisoned",
            State::Closed => "closed",
        };
        f.debug_struct("Session")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session with default options.
    pub fn new(runtime: &Runtime) -> Self {
        Self::with_options(runtime, RunOptions::default())
    }

    /// A session with these options (limits per run, `/input`, host functions).
    pub fn with_options(runtime: &Runtime, options: RunOptions) -> Self {
        Session {
            runtime: runtime.clone(),
            options,
            state: State::Idle,
        }
    }

    /// Run a snippet in the session's globals.
    pub fn run(&mut self, code: &str) -> Result<RunResult, Error> {
        self.run_mode(code, ExecMode::File)
    }

    /// Run a snippet compiled in `mode` (e.g. [`ExecMode::Single`] to echo
    /// expression values like the REPL).
    pub fn run_mode(&mut self, code: &str, mode: ExecMode) -> Result<RunResult, Error> {
        self.run_named("<string>", code, mode)
    }

    /// Run a snippet with `file_name` shown in tracebacks (a REPL passes
    /// `<stdin>`, as CPython's does).
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
    pub fn run_named(
        &mut self,
        file_name: &str,
        code: &str,
        mode: ExecMode,
    ) -> Result<RunResult, Error> {
        let vm = self.live_vm()?;
        match vm.exec_named(file_name, code, mode) {
            Ok(result) => Ok(result),
            Err(e) => {
                if e.is_trap() {
                    self.state = State::Poisoned(e.kind());
                }
                Err(Error::Run(e))
            }
        }
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
    pub fn register_function<Args: 'static, F: HostFn<Args>>(
        &mut self,
        name: &str,
        f: F,
    ) -> Result<&mut Self, Error> {
        let mut functions = self.options.get_host_functions().clone();
        functions.register(name, f)?;
        self.set_functions(functions)?;
        Ok(self)
    }

    /// Replace the host functions (all of them), also in the live VM.
    pub fn set_functions(&mut self, functions: HostFunctions) -> Result<(), Error> {
        self.options = std::mem::take(&mut self.options).host_functions(functions.clone());
        if let State::Live(vm) = &mut self.state {
            vm.bridge().set_functions(functions.clone());
            let prelude = functions.guest_prelude();
            if !prelude.is_empty() {
                vm.exec_named("<host functions>", &prelude, ExecMode::File)?;
            }
        }
        Ok(())
    }

    /// Change the limits for later runs.
    pub fn set_limits(&mut self, limits: Limits) -> Result<(), Error> {
        limits.validate()?;
        if let State::Live(vm) = &mut self.state {
            vm.set_limits(limits.clone())?;
        }
        self.options = std::mem::take(&mut self.options).limits(limits);
        Ok(())
    }

    /// Whether the VM has started (the first run starts it).
    pub fn is_started(&self) -> bool {
        matches!(self.state, State::Live(_))
    }

    /// The trap that poisoned the session, if any.
    pub fn poisoned_by(&self) -> Option<&'static str> {
        match self.state {
            State::Poisoned(cause) => Some(cause),
            _ => None,
        }
    }

    /// Drop the VM and start fresh on the next run (clears poisoning and
    /// state; reopens a closed session).
    pub fn reset(&mut self) {
        self.state = State::Idle;
    }

    /// Drop the VM; later runs return [`Error::SessionClosed`].
    pub fn close(&mut self) {
        self.state = State::Closed;
    }

    /// Save the VM's complete state. Starts the VM if needed. Host functions
    /// are not part of the image: register them again after restoring.
    pub fn snapshot(&mut self) -> Result<SessionImage, Error> {
        let sha = self.runtime.artifact_sha256().to_owned();
        // The baseline: what a fresh VM's memory looks like (copy-on-write
        // mapped, so this is cheap); only pages that differ are stored.
        let fresh = Vm::new(
            &self.runtime,
            &self.options.clone().host_functions(HostFunctions::new()),
        )?;
        let vm = self.live_vm()?;
        Ok(SessionImage::capture(
            &sha,
            vm.linear_memory(),
            fresh.linear_memory(),
        ))
    }

    /// A live session from an image taken with the same artifact.
    pub fn restore(runtime: &Runtime, image: &SessionImage) -> Result<Self, Error> {
        Self::restore_with_options(runtime, image, RunOptions::default())
    }

    /// Like [`Session::restore`], with options (register host functions here).
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
        let functions = options.get_host_functions().clone();
        let bare = options.clone().host_functions(HostFunctions::new());
        let mut vm = Vm::new(runtime, &bare)?;
        image.write_into(&mut vm)?;
        let mut session = Session {
            runtime: runtime.clone(),
            options: bare,
            state: State::Live(Box::new(vm)),
        };
        if !functions.is_empty() {
            session.set_functions(functions)?;
        }
        Ok(session)
    }

    fn live_vm(&mut self) -> Result<&mut Vm, Error> {
        match &self.state {
            State::Closed => return Err(Error::SessionClosed),
            State::Poisoned(cause) => return Err(Error::Poisoned { cause }),
            State::Idle => {
                let vm = Vm::new(&self.runtime, &self.options)?;
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
