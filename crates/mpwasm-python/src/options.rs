//! The settings every entry point takes, turned into a runtime and run options.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use mpwasm_core::{BridgeConfig, Error, Limits, RunOptions, Runtime, WritableQuota};

use crate::errors::Failure;
use crate::interrupt::Interrupt;

/// The arguments of `run()` and the session constructors, checked by the
/// Python layer for the reference's messages and by the core for ranges.
pub(crate) struct Settings {
    pub wasm_path: Option<PathBuf>,
    pub memory_bytes: u64,
    pub fuel: Option<u64>,
    pub wall_timeout_seconds: Option<f64>,
    pub readonly_dir: Option<PathBuf>,
    pub host_result_bytes: usize,
    pub max_output_bytes: usize,
    /// `/output`: the host folder and its quotas (bytes written, files,
    /// largest file).
    pub writable: Option<Writable>,
}

/// The writable folder's settings as the Python layer passes them.
pub(crate) type Writable = (PathBuf, u64, u64, u64);

impl Settings {
    /// The process's runtime for this guest: the bundled one, or one per
    /// artifact path, each compiled once (and cached on disk by the core).
    pub(crate) fn runtime(&self) -> Result<Runtime, Error> {
        static BUNDLED: OnceLock<Runtime> = OnceLock::new();
        static BY_PATH: OnceLock<Mutex<HashMap<PathBuf, Runtime>>> = OnceLock::new();
        let Some(path) = &self.wasm_path else {
            if let Some(runtime) = BUNDLED.get() {
                return Ok(runtime.clone());
            }
            let built = Runtime::new()?;
            return Ok(BUNDLED.get_or_init(|| built).clone());
        };
        let map = BY_PATH.get_or_init(Default::default);
        if let Some(runtime) = map.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return Ok(runtime.clone());
        }
        let runtime = Runtime::from_file(path)?;
        map.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.clone(), runtime.clone());
        Ok(runtime)
    }

    /// Limits, `/input`, the bridge's result cap and the interrupt check.
    pub(crate) fn options(&self, interrupt: &Arc<Interrupt>) -> Result<RunOptions, Failure> {
        let mut limits = Limits::new();
        let timeout = match self.wall_timeout_seconds {
            None => None,
            Some(s) => Some(
                Duration::try_from_secs_f64(s)
                    .map_err(|_| Failure::InvalidArgument("wall_timeout_seconds", s.to_string()))?,
            ),
        };
        limits
            .memory_bytes(self.memory_bytes)
            .fuel(self.fuel)
            .wall_timeout(timeout)
            .max_output_bytes(self.max_output_bytes);
        limits.validate().map_err(|e| Failure::Core(e.into()))?;
        let bridge = BridgeConfig::builder()
            .max_response_bytes(self.host_result_bytes)
            .initial_result_cap(self.host_result_bytes.min(4096))
            .build()
            .map_err(|e| Failure::InvalidArgument("host_result_bytes", e.to_string()))?;
        let mut options = RunOptions::new();
        options.limits(limits).bridge_config(bridge);
        if let Some(dir) = &self.readonly_dir {
            options.readonly_dir(dir);
        }
        if let Some((dir, bytes, files, file_bytes)) = &self.writable {
            let mut quota = WritableQuota::new();
            quota
                .max_bytes_written(*bytes)
                .max_files(*files)
                .max_file_bytes(*file_bytes);
            options.writable_dir(dir).writable_quota(quota);
        }
        let check = Arc::clone(interrupt);
        options.interrupt_check(move || check.should_stop());
        Ok(options)
    }
}
