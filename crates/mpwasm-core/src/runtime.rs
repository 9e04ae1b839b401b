//! The shared engine, compiled guest and instantiation machinery.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use sha2::{Digest, Sha256};
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, InstancePre, Linker, Module, ModuleExport,
    OptLevel, PoolingAllocationConfig, Store,
};

use crate::vm::{StoreState, Vm};
use crate::{Error, Limits, RunOptions, RunResult};
use mpwasm_abi::export;

/// Environment variable that overrides [`default_wasm_path`].
pub const ARTIFACT_ENV: &str = "MPWASM_ARTIFACT";
/// Environment variable that overrides the compiled-code cache directory.
pub const CACHE_DIR_ENV: &str = "MPWASM_CACHE_DIR";

/// Where the runtime looks for the guest by default: `$MPWASM_ARTIFACT` if
/// set, else `artifacts/micropython-wasi.wasm` in this workspace (what
/// `cargo xtask build-artifact` writes).
///
/// ```
/// let path = mpwasm_core::default_wasm_path();
/// assert!(path.ends_with("micropython-wasi.wasm") || std::env::var_os("MPWASM_ARTIFACT").is_some());
/// ```
pub fn default_wasm_path() -> PathBuf {
    if let Some(p) = std::env::var_os(ARTIFACT_ENV) {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/micropython-wasi.wasm")
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

/// Configures and builds a [`Runtime`].
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
    /// Load the guest from this file instead of [`default_wasm_path`].
    pub fn artifact_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.artifact = ArtifactSource::Path(path.into());
        self
    }

    /// Use these guest bytes.
    pub fn artifact_bytes(mut self, bytes: impl Into<Arc<[u8]>>) -> Self {
        self.artifact = ArtifactSource::Bytes(bytes.into());
        self
    }

    /// Directory of the compiled-code cache (default `$MPWASM_CACHE_DIR`,
    /// else `$XDG_CACHE_HOME/mpwasm`, else `~/.cache/mpwasm`).
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Enable or disable the on-disk compiled-code cache (default on).
    pub fn cache(mut self, enable: bool) -> Self {
        self.use_cache = enable;
        self
    }

    /// Boot MicroPython once and snapshot it (default on), so that runs skip
    /// its initialisation. Off: each instance boots by itself.
    pub fn snapshot(mut self, enable: bool) -> Self {
        self.snapshot = enable;
        self
    }

    /// Hard native Wasm stack limit for every run (default 512 KiB).
    pub fn max_wasm_stack(mut self, bytes: usize) -> Self {
        self.max_wasm_stack = bytes;
        self
    }

    /// How many guest instances may be alive at once (pool size, default 1000).
    pub fn max_instances(mut self, n: u32) -> Self {
        self.max_instances = n;
        self
    }

    /// Largest memory limit any run may ask for (default 4 GiB; this is
    /// address space reserved per pool slot, not memory used).
    pub fn max_memory_bytes(mut self, bytes: u64) -> Self {
        self.max_memory_bytes = bytes;
        self
    }

    /// Granularity of wall-clock checks (default 2 ms).
    pub fn epoch_tick(mut self, tick: Duration) -> Self {
        self.epoch_tick = tick;
        self
    }

    /// Build the runtime: read the artifact, compile it (or load the cached
    /// compilation) and prepare instantiation.
    pub fn build(self) -> Result<Runtime, Error> {
        if self.max_wasm_stack < Limits::MIN_MAX_WASM_STACK || self.max_wasm_stack > (64 << 20) {
            return Err(Error::InvalidLimits(format!(
                "max_wasm_stack must be between {} bytes and 64 MiB, got {}",
                Limits::MIN_MAX_WASM_STACK,
                self.max_wasm_stack
            )));
        }
        if self.max_instances == 0 {
            return Err(Error::InvalidLimits(
                "max_instances must be at least 1".into(),
            ));
        }
        if self.max_memory_bytes < Limits::MIN_MEMORY_BYTES
            || self.max_memory_bytes > Limits::MAX_MEMORY_BYTES
        {
            return Err(Error::InvalidLimits(format!(
                "max_memory_bytes must be between {} and {} bytes",
                Limits::MIN_MEMORY_BYTES,
                Limits::MAX_MEMORY_BYTES
            )));
        }
        if self.epoch_tick.is_zero() || self.epoch_tick > Duration::from_secs(1) {
            return Err(Error::InvalidLimits(
                "epoch_tick must be between 1 ns and 1 s".into(),
            ));
        }

        let wasm: Arc<[u8]> = match &self.artifact {
            ArtifactSource::Bytes(b) => b.clone(),
            ArtifactSource::Default => read_artifact(&default_wasm_path())?,
            ArtifactSource::Path(p) => read_artifact(p)?,
        };
        if !wasm.starts_with(b"\0asm") {
            return Err(Error::InvalidArtifact(
                "not a WebAssembly module (bad magic)".into(),
            ));
        }
        let sha256 = hex(&Sha256::digest(&wasm));

        let engine = Engine::new(&self.engine_config()).map_err(Error::engine)?;
        let cache_dir = if self.use_cache {
            self.cache_dir.clone().or_else(default_cache_dir)
        } else {
            None
        };
        let module = load_module(&engine, &wasm, &sha256, cache_dir.as_deref(), self.snapshot)?;

        let mut linker: Linker<StoreState> = Linker::new(&engine);
        crate::vm::add_imports(&mut linker)?;
        let instance_pre = linker.instantiate_pre(&module).map_err(|e| {
            Error::InvalidArtifact(format!("the guest's imports cannot be satisfied: {e:#}"))
        })?;
        let exports = GuestExports::resolve(&module)?;

        Ok(Runtime {
            inner: Arc::new(RuntimeInner {
                engine,
                instance_pre,
                exports,
                sha256,
                snapshot: self.snapshot,
                max_wasm_stack: self.max_wasm_stack,
                max_memory_bytes: self.max_memory_bytes,
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

fn read_artifact(path: &Path) -> Result<Arc<[u8]>, Error> {
    match std::fs::read(path) {
        Ok(b) => Ok(b.into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::ArtifactNotFound {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(Error::InvalidArtifact(format!(
            "cannot read {}: {e}",
            path.display()
        ))),
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
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
        dir.join(format!(
            "{}.cwasm",
            &hex(&Sha256::digest(key.as_bytes()))[..32]
        ))
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
    let module =
        Module::new(engine, &image).map_err(|e| Error::InvalidArtifact(format!("{e:#}")))?;
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
        let get = |name: &str| {
            module.get_export_index(name).ok_or_else(|| {
                Error::InvalidArtifact(format!("the guest does not export `{name}`"))
            })
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
    pub(crate) exports: GuestExports,
    pub(crate) sha256: String,
    pub(crate) snapshot: bool,
    pub(crate) max_wasm_stack: usize,
    pub(crate) max_memory_bytes: u64,
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
            let _ = std::thread::Builder::new()
                .name("mpwasm-epoch".into())
                .spawn(move || {
                    while let Some(engine) = weak.upgrade() {
                        engine.increment_epoch();
                        drop(engine);
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
    /// A runtime for the default artifact ([`default_wasm_path`]).
    pub fn new() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A runtime for the artifact at `path`.
    pub fn from_file(path: impl Into<PathBuf>) -> Result<Self, Error> {
        Self::builder().artifact_path(path).build()
    }

    /// A runtime for these guest bytes.
    pub fn from_bytes(bytes: impl Into<Arc<[u8]>>) -> Result<Self, Error> {
        Self::builder().artifact_bytes(bytes).build()
    }

    /// Start configuring a runtime.
    pub fn builder() -> RuntimeBuilder {
        RuntimeBuilder::default()
    }

    /// Run `code` in a fresh sandbox with the default [`RunOptions`].
    pub fn run(&self, code: &str) -> Result<RunResult, Error> {
        self.run_with(code, &RunOptions::default())
    }

    /// Run `code` in a fresh sandbox.
    pub fn run_with(&self, code: &str, options: &RunOptions) -> Result<RunResult, Error> {
        let mut vm = Vm::new(self, options)?;
        vm.exec(code, options.get_exec_mode())
    }

    /// SHA-256 of the artifact this runtime was built from (hex).
    pub fn artifact_sha256(&self) -> &str {
        &self.inner.sha256
    }

    /// Whether runs start from a pre-initialised snapshot.
    pub fn is_snapshot(&self) -> bool {
        self.inner.snapshot
    }

    /// The wasmtime engine (for advanced embedding).
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub(crate) fn new_store(&self, state: StoreState) -> Store<StoreState> {
        Store::new(&self.inner.engine, state)
    }
}
