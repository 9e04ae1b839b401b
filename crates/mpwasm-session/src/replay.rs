//! The replay session: a fresh VM per run, earlier snippets replayed.

use mpwasm_core::{
    CancelHandle, OutputBuffering, OutputCallback, RunOptions, RunResult, Runtime, Vm,
};

use crate::Error;

/// A session that keeps no VM between runs: each run starts a fresh VM,
/// replays the snippets that succeeded before (their output discarded), then
/// runs the new one and returns only its result. Only successful snippets
/// are kept, so a failing snippet leaves no trace.
///
/// Replay re-executes side effects (host calls) of earlier snippets; use
/// [`crate::Session`] when that matters.
///
/// ```
/// use mpwasm_core::Runtime;
/// use mpwasm_session::ReplaySession;
///
/// let runtime = Runtime::new()?;
/// let mut session = ReplaySession::new(&runtime);
/// session.run("x = 1")?;
/// assert!(session.run("x = 2\n1/0").is_err()); // not kept
/// assert_eq!(session.run("print(x)")?.stdout_str(), "1\n");
/// assert_eq!(session.snippets(), ["x = 1", "print(x)"]);
/// # Ok::<(), mpwasm_session::Error>(())
/// ```
#[derive(Debug)]
pub struct ReplaySession {
    runtime: Runtime,
    options: RunOptions,
    snippets: Vec<String>,
    closed: bool,
}

impl ReplaySession {
    /// A replay session with default options.
    #[must_use]
    pub fn new(runtime: &Runtime) -> Self {
        Self::with_options(runtime, RunOptions::default())
    }

    /// A replay session with these options; the limits apply to each snippet.
    #[must_use]
    pub fn with_options(runtime: &Runtime, mut options: RunOptions) -> Self {
        if options.get_cancel_handle().is_none() {
            options.cancel_handle(CancelHandle::new());
        }
        ReplaySession {
            runtime: runtime.clone(),
            options,
            snippets: Vec::new(),
            closed: false,
        }
    }

    /// Replay the history in a fresh VM, then run `code`.
    ///
    /// # Errors
    ///
    /// [`Error::SessionClosed`] after [`ReplaySession::close`]; otherwise
    /// [`Error::Run`] with the error of the new snippet, or of a replayed one
    /// (which only happens when replaying is not deterministic).
    pub fn run(&mut self, code: &str) -> Result<RunResult, Error> {
        if self.closed {
            return Err(Error::SessionClosed);
        }
        // Replayed output is not new: only the new snippet's reaches the
        // output callback.
        let mut replay_options = self.options.clone();
        replay_options.clear_on_output();
        let mut vm = Vm::new(&self.runtime, &replay_options)?;
        for snippet in &self.snippets {
            vm.run(snippet)?;
        }
        vm.set_output_callback(
            self.options.get_on_output().cloned(),
            self.options.get_output_buffering(),
        );
        let result = vm.run(code)?;
        self.snippets.push(code.to_owned());
        Ok(result)
    }

    /// The handle that cancels this session's runs (replay included) from
    /// another thread.
    #[must_use]
    pub fn cancel_handle(&self) -> CancelHandle {
        self.options
            .get_cancel_handle()
            .cloned()
            .unwrap_or_default()
    }

    /// Replace the host functions of later runs (replayed snippets call the
    /// new ones).
    pub fn set_host_functions(&mut self, functions: mpwasm_core::HostFunctions) {
        self.options.host_functions(functions);
    }

    /// Give the output of later snippets (not the replayed ones) to
    /// `callback` as it is written; see [`mpwasm_core::RunOptions::on_output`].
    pub fn set_output_callback(
        &mut self,
        callback: Option<OutputCallback>,
        buffering: OutputBuffering,
    ) {
        self.options.set_output_callback(callback, buffering);
    }

    /// The snippets that will be replayed, oldest first.
    #[must_use]
    pub fn snippets(&self) -> &[String] {
        &self.snippets
    }

    /// Whether [`ReplaySession::close`] was called.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Forget the history; later runs return [`Error::SessionClosed`].
    pub fn close(&mut self) {
        self.snippets.clear();
        self.closed = true;
    }
}
