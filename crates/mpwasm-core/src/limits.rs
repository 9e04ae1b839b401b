//! Resource limits for one run: memory, fuel, wall clock, stack and output.

use std::time::Duration;

use crate::Error;

/// Limits for a run, built with a builder and checked by [`Limits::validate`].
///
/// ```
/// use std::time::Duration;
/// use mpwasm_core::Limits;
///
/// let limits = Limits::new()
///     .memory_bytes(32 << 20)
///     .fuel(Some(2_000_000_000))
///     .wall_timeout(Some(Duration::from_millis(500)))
///     .max_output_bytes(64 << 10);
/// assert_eq!(limits.get_memory_bytes(), 32 << 20);
/// limits.validate().unwrap();
///
/// // Nonsense is an error, not a panic.
/// assert!(Limits::new().memory_bytes(1024).validate().is_err());
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
    /// Smallest native stack accepted.
    pub const MIN_MAX_WASM_STACK: usize = 64 << 10;

    /// The defaults: 16 MiB, [`Limits::DEFAULT_FUEL`], 1 s, 512 KiB stack, 1 MiB output.
    pub fn new() -> Self {
        Self::default()
    }

    /// No fuel or wall-clock limit (memory, stack and output stay bounded).
    /// For trusted code and tests only.
    pub fn unlimited_time() -> Self {
        Self::default().fuel(None).wall_timeout(None)
    }

    /// Cap on the guest's linear memory in bytes (stack, data and GC heap).
    pub fn memory_bytes(mut self, bytes: u64) -> Self {
        self.memory_bytes = bytes;
        self
    }

    /// Fuel budget (`None` = unmetered). Exhaustion is [`Error::OutOfFuel`].
    pub fn fuel(mut self, fuel: Option<u64>) -> Self {
        self.fuel = fuel;
        self
    }

    /// Wall-clock budget (`None` = none). Expiry is [`Error::Timeout`], also
    /// while the guest sleeps.
    pub fn wall_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.wall_timeout = timeout;
        self
    }

    /// Native Wasm stack budget for this run, at most the runtime's
    /// [`crate::RuntimeBuilder::max_wasm_stack`]. Python recursion is scaled to
    /// fit so it ends as `RecursionError`.
    pub fn max_wasm_stack(mut self, bytes: usize) -> Self {
        self.max_wasm_stack = bytes;
        self
    }

    /// Cap on captured stdout and on captured stderr, each; beyond it output
    /// is dropped and the result's `*_truncated` flag is set.
    pub fn max_output_bytes(mut self, bytes: usize) -> Self {
        self.max_output_bytes = bytes;
        self
    }

    /// The memory cap in bytes.
    pub fn get_memory_bytes(&self) -> u64 {
        self.memory_bytes
    }

    /// The fuel budget.
    pub fn get_fuel(&self) -> Option<u64> {
        self.fuel
    }

    /// The wall-clock budget.
    pub fn get_wall_timeout(&self) -> Option<Duration> {
        self.wall_timeout
    }

    /// The native stack budget.
    pub fn get_max_wasm_stack(&self) -> usize {
        self.max_wasm_stack
    }

    /// The output cap per stream.
    pub fn get_max_output_bytes(&self) -> usize {
        self.max_output_bytes
    }

    /// Check that every value is usable.
    pub fn validate(&self) -> Result<(), Error> {
        if self.memory_bytes < Self::MIN_MEMORY_BYTES || self.memory_bytes > Self::MAX_MEMORY_BYTES
        {
            return Err(Error::InvalidLimits(format!(
                "memory_bytes must be between {} and {} bytes, got {}",
                Self::MIN_MEMORY_BYTES,
                Self::MAX_MEMORY_BYTES,
                self.memory_bytes
            )));
        }
        if self.fuel == Some(0) {
            return Err(Error::InvalidLimits(
                "fuel must be positive (use None for unmetered)".into(),
            ));
        }
        if let Some(t) = self.wall_timeout {
            if t.is_zero() {
                return Err(Error::InvalidLimits(
                    "wall_timeout must be positive (use None for no limit)".into(),
                ));
            }
            if t > Duration::from_secs(365 * 24 * 3600) {
                return Err(Error::InvalidLimits(
                    "wall_timeout must be at most a year".into(),
                ));
            }
        }
        if self.max_wasm_stack < Self::MIN_MAX_WASM_STACK {
            return Err(Error::InvalidLimits(format!(
                "max_wasm_stack must be at least {} bytes, got {}",
                Self::MIN_MAX_WASM_STACK,
                self.max_wasm_stack
            )));
        }
        Ok(())
    }
}
