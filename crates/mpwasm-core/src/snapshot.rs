//! Pre-initialisation: boot MicroPython once and keep the booted memory image.

use wasmtime::{Engine, Linker, Store};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wizer::Wizer;

use crate::{ArtifactError, Error};

/// Run the guest's `_initialize` and `wizer.initialize` under wasmtime-wizer
/// and return the snapshotted module: runs then start from a booted VM and
/// its memory is mapped copy-on-write from the compiled image.
///
/// Booting sees an empty WASI context (no preopens, env or args) and every
/// other import traps: nothing of the host may be baked into the image. The
/// guest forgets the (empty) preopen table at the end of its init, so each
/// run reads its own.
pub(crate) fn pre_initialise(engine: &Engine, wasm: &[u8]) -> Result<Vec<u8>, Error> {
    let mut store = Store::new(engine, WasiCtxBuilder::new().build_p1());
    crate::vm::unmetered(&mut store)?;
    let mut wizer = Wizer::new();
    wizer.init_func(mpwasm_abi::export::WIZER_INIT);
    let run = wizer.run(&mut store, wasm, async |store, module| {
        let mut linker: Linker<WasiP1Ctx> = Linker::new(store.engine());
        wasmtime_wasi::p1::add_to_linker_async(&mut linker, |ctx| ctx)?;
        linker.define_unknown_imports_as_traps(module)?;
        linker.instantiate_async(store, module).await
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::engine("starting the pre-initialisation executor")(e.into()))?;
    runtime
        .block_on(run)
        .map_err(|e| ArtifactError::Snapshot(e).into())
}
