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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: Self::DEFAULT_MEMORY_BYTES,
            fuel: Some(Self::DEFAULT_FUEL),
            wall_timeout: Some(Self::DEFAULT_WALL_TIMEOUT),
            max_wasm_stack: Self::DEFAULT_MAX_WASM_STACK,
            max_output_bytes: Self::DEFAULT_MAX_OUTPUT_BYTES,
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

    /// Fuel budget (`None` = unmetered). Exhaustion is [`crate::Error::OutOfFuel`].
    pub fn fuel(&mut self, fuel: Option<u64>) -> &mut Self {
        self.fuel = fuel;
        self
    }

    /// Wall-clock budget (`None` = none). Expiry is [`crate::Error::Timeout`],
    /// also while the guest sleeps.
    pub fn wall_timeout(&mut self, timeout: Option<Duration>) -> &mut Self {
        self.wall_timeout = timeout;
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
