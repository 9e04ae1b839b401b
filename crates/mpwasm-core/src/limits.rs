//! Resource limits for one run: memory, fuel, wall clock, stack and output.

use std::time::Duration;

use crate::LimitsError;

/// Limits for a run. Setters take `&mut self` and return `&mut Self` (the
/// style of `wasmtime::Config` and `std::process::Command`); values are
/// checked by [`Limits::validate`], which every run calls before it starts.
///
/// ```
/// use std::time::Duration;
/// use mpwasm_core::Limits;
///
/// let mut limits = Limits::new();
/// limits
///     .memory_bytes(32 << 20)
///     .fuel(Some(2_000_000_000))
///     .wall_timeout(Some(Duration::from_millis(500)))
///     .max_output_bytes(64 << 10);
/// assert_eq!(limits.get_memory_bytes(), 32 << 20);
/// limits.validate()?;
///
/// // Nonsense is an error, not a panic.
/// assert!(limits.memory_bytes(1024).validate().is_err());
/// # Ok::<(), mpwasm_core::LimitsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    memory_bytes: u64,
    fuel: Option<u64>,
    wall_timeout: Option<Duration>,
    max_wasm_stack: usize,
    max_output_bytes: usize,
    grace: Duration,
    fuel_grace: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: Self::DEFAULT_MEMORY_BYTES,
            fuel: Some(Self::DEFAULT_FUEL),
            wall_timeout: Some(Self::DEFAULT_WALL_TIMEOUT),
            max_wasm_stack: Self::DEFAULT_MAX_WASM_STACK,
            max_output_bytes: Self::DEFAULT_MAX_OUTPUT_BYTES,
            grace: Self::DEFAULT_GRACE,
            fuel_grace: Self::DEFAULT_FUEL_GRACE,
        }
    }
}

impl Limits {
    /// Default linear-memory cap: 16 MiB (the GC heap grows into it).
    pub const DEFAULT_MEMORY_BYTES: u64 = 16 << 20;
    /// Default fuel: about one second of typical interpreted code on a
    /// current x86-64 core (1 unit ≈ one Wasm instruction; a simple
    /// `while` loop iteration costs ≈ 1,460 units, see the crate docs).
    pub const DEFAULT_FUEL: u64 = 10_000_000_000;
    /// Default wall-clock limit per run.
    pub const DEFAULT_WALL_TIMEOUT: Duration = Duration::from_secs(1);
    /// Default native Wasm stack budget (wasmtime's default too).
    pub const DEFAULT_MAX_WASM_STACK: usize = 512 << 10;
    /// Default cap on captured stdout, and separately on stderr.
    pub const DEFAULT_MAX_OUTPUT_BYTES: usize = 1 << 20;

    /// Default grace period of a soft stop ([`Limits::grace`]).
    pub const DEFAULT_GRACE: Duration = Duration::from_millis(100);
    /// Default fuel the guest may still use after a soft fuel stop
    /// ([`Limits::fuel_grace`]): about 10 ms of interpreted code.
    pub const DEFAULT_FUEL_GRACE: u64 = 100_000_000;

    /// Smallest memory limit accepted: the booted VM image needs about this much.
    pub const MIN_MEMORY_BYTES: u64 = 2 << 20;
    /// Largest memory limit accepted (wasm32 address space).
    pub const MAX_MEMORY_BYTES: u64 = 4 << 30;
    /// Smallest native stack budget accepted.
    pub const MIN_MAX_WASM_STACK: usize = 64 << 10;
    /// Largest native stack budget accepted (also the most a
    /// [`crate::RuntimeBuilder`] may be given).
    pub const MAX_MAX_WASM_STACK: usize = 64 << 20;
    /// Longest wall-clock budget accepted.
    pub const MAX_WALL_TIMEOUT: Duration = Duration::from_secs(365 * 24 * 3600);

    /// The defaults: 16 MiB, [`Limits::DEFAULT_FUEL`], 1 s, 512 KiB stack, 1 MiB output.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// No fuel or wall-clock limit (memory, stack and output stay bounded).
    /// For trusted code and tests only.
    ///
    /// ```
    /// let limits = mpwasm_core::Limits::unlimited_time();
    /// assert_eq!((limits.get_fuel(), limits.get_wall_timeout()), (None, None));
    /// ```
    #[must_use]
    pub fn unlimited_time() -> Self {
        let mut limits = Self::default();
        limits.fuel(None).wall_timeout(None);
        limits
    }

    /// Cap on the guest's linear memory in bytes (stack, data and GC heap).
    /// Beyond it the guest raises `MemoryError` ([`crate::Error::MemoryLimit`]
    /// when uncaught).
    pub fn memory_bytes(&mut self, bytes: u64) -> &mut Self {
        self.memory_bytes = bytes;
        self
    }

    /// Fuel budget (`None` = unmetered). When it is used up the guest gets
    /// `LimitExceeded` at its next safe point and the run ends with
    /// [`crate::Error::Interrupted`] (the VM is kept); a guest that uses
    /// [`Limits::fuel_grace`] more first traps with [`crate::Error::OutOfFuel`].
    pub fn fuel(&mut self, fuel: Option<u64>) -> &mut Self {
        self.fuel = fuel;
        self
    }

    /// Wall-clock budget (`None` = none), also counted while the guest
    /// sleeps. At expiry the guest gets `LimitExceeded` at its next safe
    /// point and the run ends with [`crate::Error::Interrupted`] (the VM is
    /// kept); a guest still running [`Limits::grace`] later traps with
    /// [`crate::Error::Timeout`].
    pub fn wall_timeout(&mut self, timeout: Option<Duration>) -> &mut Self {
        self.wall_timeout = timeout;
        self
    }

    /// How long the guest may still run after a soft stop (a limit or a
    /// cancel raised its exception) before the run traps and the VM is
    /// dropped: time for `finally` blocks, and the bound for code that
    /// reaches no safe point (a long call into C, such as `sum(range(10**12))`).
    /// Zero makes every stop a trap. Default [`Limits::DEFAULT_GRACE`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use mpwasm_core::{Error, Interrupt, Limits, RunOptions, Runtime};
    ///
    /// let runtime = Runtime::new()?;
    /// let mut options = RunOptions::new();
    /// options.limits_mut().wall_timeout(Some(Duration::from_millis(50))).fuel(None);
    /// let soft = runtime.run_with("while True: pass", &options).unwrap_err();
    /// assert_eq!(soft.interrupt(), Some(Interrupt::WallClock));
    /// assert!(!soft.is_trap());
    ///
    /// // A guest that swallows the exception and goes on traps after the grace.
    /// options.limits_mut().grace(Duration::from_millis(20));
    /// let code = "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass";
    /// let hard = runtime.run_with(code, &options).unwrap_err();
    /// assert!(matches!(hard, Error::Timeout(_)));
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    pub fn grace(&mut self, grace: Duration) -> &mut Self {
        self.grace = grace;
        self
    }

    /// Fuel the guest may still use after a soft fuel stop before it traps
    /// with [`crate::Error::OutOfFuel`]. Zero makes running out of fuel a
    /// trap, as a hard limit. Default [`Limits::DEFAULT_FUEL_GRACE`].
    pub fn fuel_grace(&mut self, fuel: u64) -> &mut Self {
        self.fuel_grace = fuel;
        self
    }

    /// Native Wasm stack the run's code may use, at most the runtime's
    /// [`crate::RuntimeBuilder::max_wasm_stack`] (the engine's hard limit,
    /// where wasmtime traps). The guest's recursion check raises
    /// `RuntimeError: maximum recursion depth exceeded` a margin before this
    /// budget is used up, for Python recursion and for C recursion that checks
    /// (printing nested containers, `re`, `json`).
    pub fn max_wasm_stack(&mut self, bytes: usize) -> &mut Self {
        self.max_wasm_stack = bytes;
        self
    }

    /// Cap on captured stdout and on captured stderr, each; beyond it output
    /// is dropped and the result's `*_truncated` flag is set.
    pub fn max_output_bytes(&mut self, bytes: usize) -> &mut Self {
        self.max_output_bytes = bytes;
        self
    }

    /// The memory cap in bytes.
    #[must_use]
    pub fn get_memory_bytes(&self) -> u64 {
        self.memory_bytes
    }

    /// The fuel budget.
    #[must_use]
    pub fn get_fuel(&self) -> Option<u64> {
        self.fuel
    }

    /// The wall-clock budget.
    #[must_use]
    pub fn get_wall_timeout(&self) -> Option<Duration> {
        self.wall_timeout
    }

    /// The native stack budget.
    #[must_use]
    pub fn get_max_wasm_stack(&self) -> usize {
        self.max_wasm_stack
    }

    /// The output cap per stream.
    #[must_use]
    pub fn get_max_output_bytes(&self) -> usize {
        self.max_output_bytes
    }

    /// The grace period after a soft stop.
    #[must_use]
    pub fn get_grace(&self) -> Duration {
        self.grace
    }

    /// The fuel left to the guest after a soft fuel stop.
    #[must_use]
    pub fn get_fuel_grace(&self) -> u64 {
        self.fuel_grace
    }

    /// Check that every value is usable (runs do this before they start).
    ///
    /// # Errors
    ///
    /// [`LimitsError`] naming the first setting that is out of range.
    pub fn validate(&self) -> Result<(), LimitsError> {
        if !(Self::MIN_MEMORY_BYTES..=Self::MAX_MEMORY_BYTES).contains(&self.memory_bytes) {
            return Err(LimitsError::OutOfRange {
                setting: "memory_bytes",
                value: self.memory_bytes,
                min: Self::MIN_MEMORY_BYTES,
                max: Self::MAX_MEMORY_BYTES,
            });
        }
        if self.fuel == Some(0) {
            return Err(LimitsError::Zero { setting: "fuel" });
        }
        if let Some(t) = self.wall_timeout {
            if t.is_zero() {
                return Err(LimitsError::Zero {
                    setting: "wall_timeout",
                });
            }
            if t > Self::MAX_WALL_TIMEOUT {
                return Err(LimitsError::WallTimeoutTooLong(t));
            }
        }
        if self.grace > Self::MAX_WALL_TIMEOUT {
            return Err(LimitsError::OutOfRange {
                setting: "grace",
                value: u64::try_from(self.grace.as_millis()).unwrap_or(u64::MAX),
                min: 0,
                max: Self::MAX_WALL_TIMEOUT.as_millis() as u64,
            });
        }
        if !(Self::MIN_MAX_WASM_STACK..=Self::MAX_MAX_WASM_STACK).contains(&self.max_wasm_stack) {
            return Err(LimitsError::OutOfRange {
                setting: "max_wasm_stack",
                value: self.max_wasm_stack as u64,
                min: Self::MIN_MAX_WASM_STACK as u64,
                max: Self::MAX_MAX_WASM_STACK as u64,
            });
        }
        Ok(())
    }
}
