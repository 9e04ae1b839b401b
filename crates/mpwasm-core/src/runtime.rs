//! The shared engine, compiled guest and instantiation machinery.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use sha2::{Digest, Sha256};
use wasmtime::{
    Config, Engine, ExternType, InstanceAllocationStrategy, InstancePre, Linker, Module,
    ModuleExport, OptLevel, PoolingAllocationConfig, Store,
};

use crate::vm::{StoreState, Vm};
use crate::{ArtifactError, ConfigError, Error, Limits, RunOptions, RunResult};
use mpwasm_abi::export;

/// Environment variable naming a guest file that the default runtime loads
/// instead of the bundled guest.
pub const ARTIFACT_ENV: &str = "MPWASM_ARTIFACT";
/// Environment variable that overrides the compiled-code cache directory.
pub const CACHE_DIR_ENV: &str = "MPWASM_CACHE_DIR";

/// The guest file the default runtime ([`Runtime::new`]) loads, if it loads
/// one: `$MPWASM_ARTIFACT` when set. `None` means the bundled guest (the
/// `mpwasm-guest` crate, feature `bundled-guest`, on by default).
///
/// ```
/// assert_eq!(
///     mpwasm_core::default_wasm_path(),
///     std::env::var_os("MPWASM_ARTIFACT").map(std::path::PathBuf::from),
/// );
/// ```
#[must_use]
pub fn default_wasm_path() -> Option<PathBuf> {
    std::env::var_os(ARTIFACT_ENV).map(PathBuf::from)
}

/// The guest compiled into this crate (the `bundled-guest` feature): the
/// `mpwasm-guest` crate's bytes, sha256 and build manifest.
///
/// ```
/// let guest = mpwasm_core::bundled_guest().expect("the default feature bundles the guest");
/// assert!(guest.wasm.starts_with(b"\0asm"));
/// assert!(guest.manifest_json.contains(guest.sha256));
/// ```
#[must_use]
pub fn bundled_guest() -> Option<BundledGuest> {
    #[cfg(feature = "bundled-guest")]
    {
        Some(BundledGuest {
            wasm: mpwasm_guest::WASM,
            sha256: mpwasm_guest::SHA256,
            manifest_json: mpwasm_guest::MANIFEST_JSON,
            micropython_version: mpwasm_guest::MICROPYTHON_VERSION,
        })
    }
    #[cfg(not(feature = "bundled-guest"))]
    {
        None
    }
}

/// The guest bundled into `mpwasm-core` ([`bundled_guest`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct BundledGuest {
    /// The module's bytes.
    pub wasm: &'static [u8],
    /// Their SHA-256, hex.
    pub sha256: &'static str,
    /// The build manifest (`manifest.json`).
    pub manifest_json: &'static str,
    /// The MicroPython release it was built from, e.g. `1.25.0`.
    pub micropython_version: &'static str,
}

fn default_cache_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(CACHE_DIR_ENV) {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(p).join("mpwasm"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("mpwasm"))
}

#[derive(Debug, Clone)]
enum ArtifactSource {
    Default,
    Path(PathBuf),
    Bytes(Arc<[u8]>),
}

/// Configures and builds a [`Runtime`]. Setters take `&mut self`; the
/// values are checked by [`RuntimeBuilder::build`].
///
/// ```no_run
/// use mpwasm_core::Runtime;
///
/// let runtime = Runtime::builder()
///     .artifact_path("artifacts/micropython-wasi.wasm")
///     .max_instances(64)
///     .build()?;
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct RuntimeBuilder {
    artifact: ArtifactSource,
    cache_dir: Option<PathBuf>,
    use_cache: bool,
    snapshot: bool,
    max_wasm_stack: usize,
    max_instances: u32,
    max_memory_bytes: u64,
    epoch_tick: Duration,
}

impl Default for RuntimeBuilder {
    fn default() -> Self {
        RuntimeBuilder {
            artifact: ArtifactSource::Default,
            cache_dir: None,
            use_cache: true,
            snapshot: true,
            max_wasm_stack: Limits::DEFAULT_MAX_WASM_STACK,
            max_instances: 1000,
            max_memory_bytes: Limits::MAX_MEMORY_BYTES,
            epoch_tick: Duration::from_millis(2),
        }
    }
}

impl RuntimeBuilder {
    /// Load the guest from this file instead of the bundled one.
    pub fn artifact_path(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.artifact = ArtifactSource::Path(path.into());
        self
    }

    /// Use these guest bytes.
    pub fn artifact_bytes(&mut self, bytes: impl Into<Arc<[u8]>>) -> &mut Self {
        self.artifact = ArtifactSource::Bytes(bytes.into());
        self
    }

    /// Directory of the compiled-code cache (default `$MPWASM_CACHE_DIR`,
    /// else `$XDG_CACHE_HOME/mpwasm`, else `~/.cache/mpwasm`).
    pub fn cache_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Enable or disable the on-disk compiled-code cache (default on).
    pub fn cache(&mut self, enable: bool) -> &mut Self {
        self.use_cache = enable;
        self
    }

    /// Boot MicroPython once and snapshot it (default on), so that runs skip
    /// its initialisation. Off: each instance boots by itself.
    pub fn snapshot(&mut self, enable: bool) -> &mut Self {
        self.snapshot = enable;
        self
    }

    /// The engine's hard native Wasm stack limit, where wasmtime traps
    /// (default 512 KiB, at most [`Limits::MAX_MAX_WASM_STACK`]). A run's
    /// [`Limits::max_wasm_stack`] may not exceed it.
    pub fn max_wasm_stack(&mut self, bytes: usize) -> &mut Self {
        self.max_wasm_stack = bytes;
        self
    }

    /// How many guest instances may be alive at once (pool size, default 1000).
    pub fn max_instances(&mut self, n: u32) -> &mut Self {
        self.max_instances = n;
        self
    }

    /// Largest memory limit any run may ask for (default 4 GiB; this is
    /// address space reserved per pool slot, not memory used).
    pub fn max_memory_bytes(&mut self, bytes: u64) -> &mut Self {
        self.max_memory_bytes = bytes;
        self
    }

    /// Granularity of wall-clock checks (default 2 ms).
    pub fn epoch_tick(&mut self, tick: Duration) -> &mut Self {
        self.epoch_tick = tick;
        self
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let range = |setting, value: u64, min: u64, max: u64| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(ConfigError::OutOfRange {
                    setting,
                    value,
                    min,
                    max,
                })
            }
        };
        range(
            "max_wasm_stack",
            self.max_wasm_stack as u64,
            Limits::MIN_MAX_WASM_STACK as u64,
            Limits::MAX_MAX_WASM_STACK as u64,
        )?;
        range(
            "max_instances",
            u64::from(self.max_instances),
            1,
            u64::from(u32::MAX),
        )?;
        range(
            "max_memory_bytes",
            self.max_memory_bytes,
            Limits::MIN_MEMORY_BYTES,
            Limits::MAX_MEMORY_BYTES,
        )?;
        if self.epoch_tick.is_zero() || self.epoch_tick > Duration::from_secs(1) {
            return Err(ConfigError::EpochTick(self.epoch_tick));
        }
        Ok(())
    }

    /// Build the runtime: read the artifact, compile it (or load the cached
    /// compilation) and prepare instantiation.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] for a setting out of range,
    /// [`Error::ArtifactNotFound`], [`Error::InvalidArtifact`] when the guest
    /// cannot be read, compiled, pre-initialised or linked, [`Error::Engine`]
    /// when wasmtime cannot set up the engine.
    pub fn build(&self) -> Result<Runtime, Error> {
        self.validate()?;
        let (wasm, known_sha256): (Arc<[u8]>, Option<&str>) = match &self.artifact {
            ArtifactSource::Bytes(b) => (b.clone(), None),
            ArtifactSource::Path(p) => (read_artifact(p)?, None),
            ArtifactSource::Default => match (default_wasm_path(), bundled_guest()) {
                (Some(path), _) => (read_artifact(&path)?, None),
                // Hashed at build time: no 500 KB hash on every start.
                (None, Some(guest)) => (Arc::from(guest.wasm), Some(guest.sha256)),
                (None, None) => return Err(Error::NoGuest),
            },
        };
        if !wasm.starts_with(b"\0asm") {
            return Err(ArtifactError::BadMagic.into());
        }
        let sha256 = match known_sha256 {
            Some(sha) => sha.to_owned(),
            None => format!("{:x}", Sha256::digest(&wasm)),
        };

        let engine =
            Engine::new(&self.engine_config()).map_err(Error::engine("creating the engine"))?;
        let cache_dir = if self.use_cache {
            self.cache_dir.clone().or_else(default_cache_dir)
        } else {
            None
        };
        let module = load_module(&engine, &wasm, &sha256, cache_dir.as_deref(), self.snapshot)?;

        let mut linker: Linker<StoreState> = Linker::new(&engine);
        crate::vm::add_imports(&mut linker)?;
        let instance_pre = linker
            .instantiate_pre(&module)
            .map_err(ArtifactError::Imports)?;
        // Async runs need their own imports (async WASI, sleep, host_call):
        // an instance with any async import only takes `call_async`.
        let mut async_linker: Linker<StoreState> = Linker::new(&engine);
        crate::vm::add_imports_async(&mut async_linker)?;
        let async_instance_pre = async_linker
            .instantiate_pre(&module)
            .map_err(ArtifactError::Imports)?;
        let exports = GuestExports::resolve(&module)?;
        let initial_memory_bytes = initial_memory_bytes(&module)?;

        Ok(Runtime {
            inner: Arc::new(RuntimeInner {
                engine,
                instance_pre,
                async_instance_pre,
                ticks: Arc::default(),
                exports,
                sha256,
                snapshot: self.snapshot,
                max_wasm_stack: self.max_wasm_stack,
                max_memory_bytes: self.max_memory_bytes,
                initial_memory_bytes,
                epoch_tick: self.epoch_tick,
                ticker: OnceLock::new(),
            }),
        })
    }

    fn engine_config(&self) -> Config {
        let mut config = Config::new();
        config
            .consume_fuel(true)
            .epoch_interruption(true)
            .max_wasm_stack(self.max_wasm_stack)
            .wasm_exceptions(true)
            .cranelift_opt_level(OptLevel::Speed)
            .memory_init_cow(true);
        let mut pool = PoolingAllocationConfig::default();
        pool.total_memories(self.max_instances)
            .total_tables(self.max_instances)
            .total_core_instances(self.max_instances)
            .total_gc_heaps(self.max_instances)
            // Async fiber stacks (wasmtime-wasi enables async): sized like
            // the rest, or the default 1000 guard-paged stacks dominate
            // process start.
            .total_stacks(self.max_instances)
            .max_memory_size(usize::try_from(self.max_memory_bytes).unwrap_or(usize::MAX));
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        config
    }
}

/// The guest memory's declared minimum: a run's memory limit must hold it.
fn initial_memory_bytes(module: &Module) -> Result<u64, Error> {
    match module.get_export(mpwasm_abi::export::MEMORY) {
        Some(ExternType::Memory(memory)) => Ok(memory
            .minimum()
            .saturating_mul(mpwasm_abi::WASM_PAGE_SIZE as u64)),
        Some(_) => Err(ArtifactError::ExportType {
            name: mpwasm_abi::export::MEMORY,
            source: None,
        }
        .into()),
        None => Err(ArtifactError::MissingExport(mpwasm_abi::export::MEMORY).into()),
    }
}

fn read_artifact(path: &Path) -> Result<Arc<[u8]>, Error> {
    match std::fs::read(path) {
        Ok(b) => Ok(b.into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::ArtifactNotFound {
            path: path.to_path_buf(),
        }),
        Err(source) => Err(ArtifactError::Read {
            path: path.to_path_buf(),
            source,
        }
        .into()),
    }
}

/// Compile the guest, through the on-disk cache when there is one.
fn load_module(
    engine: &Engine,
    wasm: &[u8],
    sha256: &str,
    cache_dir: Option<&Path>,
    snapshot: bool,
) -> Result<Module, Error> {
    let cache_path = cache_dir.map(|dir| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut h);
        let key = format!(
            "{sha256}|engine={:016x}|snapshot={snapshot}|mpwasm-core={}",
            h.finish(),
            env!("CARGO_PKG_VERSION")
        );
        let digest = format!("{:x}", Sha256::digest(key.as_bytes()));
        dir.join(format!("{}.cwasm", &digest[..32]))
    });
    if let Some(path) = cache_path.as_ref().filter(|p| p.is_file()) {
        // SAFETY: the file was written by `Module::serialize` below into a
        // cache directory owned by the user running us; wasmtime checks the
        // header for version and configuration compatibility. A file that
        // fails to load is removed and rebuilt.
        match unsafe { Module::deserialize_file(engine, path) } {
            Ok(module) => return Ok(module),
            Err(_) => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    let image = if snapshot {
        crate::snapshot::pre_initialise(engine, wasm)?
    } else {
        wasm.to_vec()
    };
    let module = Module::new(engine, &image).map_err(ArtifactError::Compile)?;
    if let Some(path) = &cache_path {
        // The cache is an optimisation: failing to write it is not an error.
        if let Ok(bytes) = module.serialize() {
            let _ = write_atomically(path, &bytes);
        }
    }
    Ok(module)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Export handles resolved once per module, so runs skip name lookups.
#[derive(Clone)]
pub(crate) struct GuestExports {
    pub(crate) init: ModuleExport,
    pub(crate) input: ModuleExport,
    pub(crate) exec: ModuleExport,
    pub(crate) info: ModuleExport,
    pub(crate) set_stack_limit: ModuleExport,
    pub(crate) set_memory_limit: ModuleExport,
    pub(crate) heap_info: ModuleExport,
    pub(crate) memory: ModuleExport,
    pub(crate) reactor_init: Option<ModuleExport>,
}

impl GuestExports {
    fn resolve(module: &Module) -> Result<Self, Error> {
        let get = |name: &'static str| {
            module
                .get_export_index(name)
                .ok_or(Error::InvalidArtifact(ArtifactError::MissingExport(name)))
        };
        Ok(GuestExports {
            init: get(export::INIT)?,
            input: get(export::INPUT)?,
            exec: get(export::EXEC)?,
            info: get(export::INFO)?,
            set_stack_limit: get(export::SET_STACK_LIMIT)?,
            set_memory_limit: get(export::SET_MEMORY_LIMIT)?,
            heap_info: get(export::HEAP_INFO)?,
            memory: get(export::MEMORY)?,
            reactor_init: module.get_export_index(export::REACTOR_INIT),
        })
    }
}

pub(crate) struct RuntimeInner {
    pub(crate) engine: Engine,
    pub(crate) instance_pre: InstancePre<StoreState>,
    /// The same guest with the async imports ([`Vm::new_async`]).
    pub(crate) async_instance_pre: InstancePre<StoreState>,
    /// Woken at every epoch tick (async waits re-check their limits).
    pub(crate) ticks: Arc<crate::cancel::TickWakers>,
    pub(crate) exports: GuestExports,
    pub(crate) sha256: String,
    pub(crate) snapshot: bool,
    pub(crate) max_wasm_stack: usize,
    pub(crate) max_memory_bytes: u64,
    /// The guest memory's declared minimum, in bytes.
    pub(crate) initial_memory_bytes: u64,
    pub(crate) epoch_tick: Duration,
    ticker: OnceLock<()>,
}

impl std::fmt::Debug for RuntimeInner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime")
            .field("artifact_sha256", &self.sha256)
            .field("snapshot", &self.snapshot)
            .field("max_wasm_stack", &self.max_wasm_stack)
            .field("max_memory_bytes", &self.max_memory_bytes)
            .finish_non_exhaustive()
    }
}

impl RuntimeInner {
    /// Start the one epoch ticker thread of this engine (on first need). It
    /// holds only a weak handle, so it ends when the engine is dropped.
    pub(crate) fn ensure_ticker(&self) {
        self.ticker.get_or_init(|| {
            let weak = self.engine.weak();
            let tick = self.epoch_tick;
            let ticks = self.ticks.clone();
            let _ = std::thread::Builder::new()
                .name("mpwasm-epoch".into())
                .spawn(move || {
                    while let Some(engine) = weak.upgrade() {
                        engine.increment_epoch();
                        drop(engine);
                        ticks.wake_all();
                        std::thread::sleep(tick);
                    }
                });
        });
    }
}

/// The engine, the compiled (and pre-initialised) guest and its instantiation
/// plan. Cheap to clone, `Send + Sync`: share one across threads and runs.
///
/// ```
/// use mpwasm_core::Runtime;
///
/// let runtime = Runtime::new()?;
/// let result = runtime.run("print(6 * 7)")?;
/// assert_eq!(result.stdout_str(), "42\n");
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Runtime {
    pub(crate) inner: Arc<RuntimeInner>,
}

impl Runtime {
    /// A runtime for the default guest: `$MPWASM_ARTIFACT` if set, else the
    /// bundled one ([`bundled_guest`]).
    ///
    /// # Errors
    ///
    /// As [`RuntimeBuilder::build`].
    pub fn new() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A runtime for the artifact at `path`.
    ///
    /// # Errors
    ///
    /// As [`RuntimeBuilder::build`].
    pub fn from_file(path: impl Into<PathBuf>) -> Result<Self, Error> {
        Self::builder().artifact_path(path).build()
    }

    /// A runtime for these guest bytes.
    ///
    /// # Errors
    ///
    /// As [`RuntimeBuilder::build`].
    pub fn from_bytes(bytes: impl Into<Arc<[u8]>>) -> Result<Self, Error> {
        Self::builder().artifact_bytes(bytes).build()
    }

    /// Start configuring a runtime.
    #[must_use]
    pub fn builder() -> RuntimeBuilder {
        RuntimeBuilder::default()
    }

    /// Run `code` in a fresh sandbox with the default [`RunOptions`].
    ///
    /// # Errors
    ///
    /// As [`Runtime::run_with`].
    pub fn run(&self, code: &str) -> Result<RunResult, Error> {
        self.run_with(code, &RunOptions::default())
    }

    /// Run `code` in a fresh sandbox: [`Vm::new`] with `options`, then one
    /// [`Vm::run_named`] (file name `<string>`, the options' exec mode).
    ///
    /// # Errors
    ///
    /// Setting up the VM ([`Vm::new`]) or the run's outcome
    /// ([`Vm::run_named`]): an exception, a limit, `sys.exit`, a trap.
    pub fn run_with(&self, code: &str, options: &RunOptions) -> Result<RunResult, Error> {
        let mut vm = Vm::new(self, options)?;
        vm.run_named("<string>", code, options.get_exec_mode())
    }

    /// [`Runtime::run`] as a future, in a fresh sandbox started for async
    /// runs ([`Vm::new_async`]): async host functions are awaited, and the
    /// executor's thread is free while they are pending.
    ///
    /// # Errors
    ///
    /// As [`Runtime::run_with_async`].
    pub async fn run_async(&self, code: &str) -> Result<RunResult, Error> {
        self.run_with_async(code, &RunOptions::default()).await
    }

    /// [`Runtime::run_with`] as a future: [`Vm::new_async`] with `options`,
    /// then one [`Vm::run_named_async`]. Sync and async host functions both
    /// work; the limits apply while an async one is pending.
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use mpwasm_core::{HostFunctions, RunOptions, Runtime};
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_async("slow_square", |x: i64| async move {
    ///     tokio::time::sleep(Duration::from_millis(50)).await;
    ///     x * x
    /// })?;
    /// let mut options = RunOptions::new();
    /// options.host_functions(functions);
    ///
    /// let runtime = Runtime::new()?;
    /// let tokio = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
    /// let started = Instant::now();
    /// // Ten runs on one thread: their host calls wait together.
    /// let results = tokio.block_on(async {
    ///     let runs = (0..10).map(|i| {
    ///         let (runtime, options) = (runtime.clone(), options.clone());
    ///         async move { runtime.run_with_async(&format!("print(slow_square({i}))"), &options).await }
    ///     });
    ///     futures::future::join_all(runs).await
    /// });
    /// assert!(started.elapsed() < Duration::from_millis(400));
    /// assert_eq!(results[3].as_ref().map(|r| r.stdout_str().into_owned()).ok(), Some("9\n".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Runtime::run_with`].
    pub async fn run_with_async(
        &self,
        code: &str,
        options: &RunOptions,
    ) -> Result<RunResult, Error> {
        let mut vm = Vm::new_async(self, options).await?;
        vm.run_named_async("<string>", code, options.get_exec_mode())
            .await
    }

    /// SHA-256 of the artifact this runtime was built from (hex).
    #[must_use]
    pub fn artifact_sha256(&self) -> &str {
        &self.inner.sha256
    }

    /// Whether runs start from a pre-initialised snapshot.
    #[must_use]
    pub fn is_snapshot(&self) -> bool {
        self.inner.snapshot
    }

    /// The engine's hard native stack limit ([`RuntimeBuilder::max_wasm_stack`]).
    #[must_use]
    pub fn max_wasm_stack(&self) -> usize {
        self.inner.max_wasm_stack
    }

    /// The largest memory limit a run may ask for ([`RuntimeBuilder::max_memory_bytes`]).
    #[must_use]
    pub fn max_memory_bytes(&self) -> u64 {
        self.inner.max_memory_bytes
    }

    /// The wasmtime engine (for advanced embedding).
    #[must_use]
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub(crate) fn new_store(&self, state: StoreState) -> Store<StoreState> {
        Store::new(&self.inner.engine, state)
    }
}
