//! The per-store bridge state and the `host_call` ABI over guest memory.

use std::any::Any;
use std::fmt;

use crate::error::{HostFailure, internal_guest_message};
use crate::functions::{AsyncOutcome, CallOutcome, HostFunctions, unknown_function};
use crate::protocol::{Response, decode_request, encode_response};

/// The largest value any size setting may have: sizes cross the ABI as `i32`.
const MAX_SIZE: usize = i32::MAX as usize;
/// The smallest value any size setting may have: the guest never uses a
/// result buffer under 64 bytes, and smaller limits could not carry even a
/// minimal request or error response.
const MIN_SIZE: usize = 64;

/// Size limits of a [`Bridge`]. Build one with [`BridgeConfig::builder`];
/// every `BridgeConfig` is valid.
///
/// ```
/// use mpwasm_host::BridgeConfig;
///
/// let config = BridgeConfig::default();
/// assert_eq!(config.max_request_bytes(), 1 << 20);
/// assert_eq!(config.max_response_bytes(), 1 << 20);
/// assert_eq!(config.initial_result_cap(), 4096);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BridgeConfig {
    max_request_bytes: usize,
    max_response_bytes: usize,
    initial_result_cap: usize,
}

impl Default for BridgeConfig {
    fn default() -> Self {
        BridgeConfig {
            max_request_bytes: 1 << 20,
            max_response_bytes: 1 << 20,
            initial_result_cap: 4096,
        }
    }
}

impl BridgeConfig {
    /// A builder starting from the defaults.
    ///
    /// ```
    /// use mpwasm_host::BridgeConfig;
    ///
    /// let config = BridgeConfig::builder()
    ///     .max_request_bytes(64 * 1024)
    ///     .initial_result_cap(256)
    ///     .build()?;
    /// assert_eq!(config.max_request_bytes(), 64 * 1024);
    /// # Ok::<(), mpwasm_host::ConfigError>(())
    /// ```
    pub fn builder() -> BridgeConfigBuilder {
        BridgeConfigBuilder {
            config: BridgeConfig::default(),
        }
    }

    /// The largest request accepted, in bytes (name plus payload); larger
    /// requests fail with [`CallFailure::RequestTooLarge`].
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// assert_eq!(BridgeConfig::default().max_request_bytes(), 1 << 20);
    /// ```
    pub fn max_request_bytes(&self) -> usize {
        self.max_request_bytes
    }

    /// The largest response returned, in bytes; larger responses fail with
    /// [`CallFailure::ResponseTooLarge`].
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// assert_eq!(BridgeConfig::default().max_response_bytes(), 1 << 20);
    /// ```
    pub fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }

    /// The result buffer size the guest allocates first (`host_result_cap`).
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// assert_eq!(BridgeConfig::default().initial_result_cap(), 4096);
    /// ```
    pub fn initial_result_cap(&self) -> usize {
        self.initial_result_cap
    }
}

/// Builder for [`BridgeConfig`].
///
/// Every size must be between 64 bytes and `i32::MAX`, and
/// `initial_result_cap` must not exceed `max_response_bytes`.
///
/// ```
/// use mpwasm_host::{BridgeConfig, ConfigError};
///
/// let err = BridgeConfig::builder().max_response_bytes(10).build().unwrap_err();
/// assert!(matches!(err, ConfigError::OutOfRange { setting: "max_response_bytes", .. }));
///
/// let mut builder = BridgeConfig::builder();
/// builder.max_response_bytes(1024);
/// assert!(matches!(builder.build(), Err(ConfigError::CapAboveMaxResponse { .. })));
/// builder.initial_result_cap(512);
/// assert!(builder.build().is_ok());
/// ```
#[derive(Clone, Debug)]
pub struct BridgeConfigBuilder {
    config: BridgeConfig,
}

impl BridgeConfigBuilder {
    /// Sets [`BridgeConfig::max_request_bytes`] (default 1 MiB).
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// let config = BridgeConfig::builder().max_request_bytes(4096).build()?;
    /// assert_eq!(config.max_request_bytes(), 4096);
    /// # Ok::<(), mpwasm_host::ConfigError>(())
    /// ```
    pub fn max_request_bytes(&mut self, bytes: usize) -> &mut Self {
        self.config.max_request_bytes = bytes;
        self
    }

    /// Sets [`BridgeConfig::max_response_bytes`] (default 1 MiB).
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// let config = BridgeConfig::builder().max_response_bytes(8192).build()?;
    /// assert_eq!(config.max_response_bytes(), 8192);
    /// # Ok::<(), mpwasm_host::ConfigError>(())
    /// ```
    pub fn max_response_bytes(&mut self, bytes: usize) -> &mut Self {
        self.config.max_response_bytes = bytes;
        self
    }

    /// Sets [`BridgeConfig::initial_result_cap`] (default 4096).
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// let config = BridgeConfig::builder().initial_result_cap(128).build()?;
    /// assert_eq!(config.initial_result_cap(), 128);
    /// # Ok::<(), mpwasm_host::ConfigError>(())
    /// ```
    pub fn initial_result_cap(&mut self, bytes: usize) -> &mut Self {
        self.config.initial_result_cap = bytes;
        self
    }

    /// Validates the settings.
    ///
    /// ```
    /// # use mpwasm_host::BridgeConfig;
    /// assert!(BridgeConfig::builder().initial_result_cap(0).build().is_err());
    /// ```
    /// # Errors
    ///
    /// [`ConfigError`] naming the first size out of range, or a first result
    /// buffer larger than the response limit.
    pub fn build(&self) -> Result<BridgeConfig, ConfigError> {
        let config = &self.config;
        for (setting, value) in [
            ("max_request_bytes", config.max_request_bytes),
            ("max_response_bytes", config.max_response_bytes),
            ("initial_result_cap", config.initial_result_cap),
        ] {
            if !(MIN_SIZE..=MAX_SIZE).contains(&value) {
                return Err(ConfigError::OutOfRange {
                    setting,
                    value,
                    min: MIN_SIZE,
                    max: MAX_SIZE,
                });
            }
        }
        if config.initial_result_cap > config.max_response_bytes {
            return Err(ConfigError::CapAboveMaxResponse {
                initial_result_cap: config.initial_result_cap,
                max_response_bytes: config.max_response_bytes,
            });
        }
        Ok(config.clone())
    }
}

/// An invalid [`BridgeConfig`] setting.
///
/// ```
/// use mpwasm_host::BridgeConfig;
///
/// let err = BridgeConfig::builder().max_request_bytes(0).build().unwrap_err();
/// assert_eq!(err.to_string(), "max_request_bytes must be between 64 and 2147483647, got 0");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A size is outside `min..=max`.
    #[error("{setting} must be between {min} and {max}, got {value}")]
    OutOfRange {
        /// The setting's name.
        setting: &'static str,
        /// The rejected value.
        value: usize,
        /// The smallest accepted value.
        min: usize,
        /// The largest accepted value.
        max: usize,
    },
    /// The initial result buffer is larger than any response may be.
    #[error(
        "initial_result_cap ({initial_result_cap}) exceeds max_response_bytes ({max_response_bytes})"
    )]
    CapAboveMaxResponse {
        /// The configured initial result buffer size.
        initial_result_cap: usize,
        /// The configured response limit.
        max_response_bytes: usize,
    },
}

/// The negative results of `host_call`: failures that cannot be expressed
/// as a JSON error response. Defined, with their codes, in [`mpwasm_abi`].
///
/// ```
/// use mpwasm_host::CallFailure;
///
/// assert_eq!(CallFailure::RequestTooLarge.code(), -1);
/// assert_eq!(CallFailure::from_code(-3), Some(CallFailure::BadRequest));
/// assert_eq!(CallFailure::from_code(10), None);
/// ```
pub use mpwasm_abi::CallFailure;

/// The arguments of one `host_call` import call, as the guest passed them.
///
/// Pointers are guest addresses (reinterpreted as unsigned); lengths must
/// not be negative.
///
/// ```
/// use mpwasm_host::HostCall;
///
/// let call = HostCall { name_ptr: 0, name_len: 3, payload_ptr: 3, payload_len: 2, result_ptr: 8, result_cap: 64 };
/// assert_eq!(call.name_len, 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostCall {
    /// Address of the function name.
    pub name_ptr: i32,
    /// Length of the function name in bytes.
    pub name_len: i32,
    /// Address of the JSON request payload.
    pub payload_ptr: i32,
    /// Length of the payload in bytes.
    pub payload_len: i32,
    /// Address of the result buffer.
    pub result_ptr: i32,
    /// Size of the result buffer in bytes.
    pub result_cap: i32,
}

/// A response that did not fit the guest's buffer, kept for the retry.
struct Pending {
    name: String,
    payload: Vec<u8>,
    response: Vec<u8>,
}

/// The bridge's per-store state: the functions, the limits, the user state
/// passed to functions, the failure log, and the response pending a retry.
///
/// Put one in the store's data and hook it up with
/// [`add_to_linker`](crate::add_to_linker). [`dispatch`](Self::dispatch) and
/// [`handle_call`](Self::handle_call) expose the same logic without wasm.
///
/// ```
/// use mpwasm_host::{Bridge, HostFunctions, Response};
/// use serde_json::json;
///
/// let mut functions = HostFunctions::new();
/// functions.register("add", |a: i64, b: i64| a + b)?;
/// let mut bridge = Bridge::new(functions);
///
/// let response = bridge.dispatch("add", br#"{"args": [1, 2], "kwargs": {}}"#);
/// assert_eq!(response, Response::Ok(json!(3)));
/// assert_eq!(bridge.calls(), 1);
/// # Ok::<(), mpwasm_host::RegisterError>(())
/// ```
pub struct Bridge {
    functions: HostFunctions,
    config: BridgeConfig,
    state: Box<dyn Any + Send>,
    pending: Option<Pending>,
    failures: Vec<HostFailure>,
    calls: u64,
}

impl Bridge {
    /// A bridge to `functions` with the default [`BridgeConfig`] and `()` as
    /// user state.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let bridge = Bridge::new(HostFunctions::new());
    /// assert_eq!(bridge.calls(), 0);
    /// ```
    pub fn new(functions: HostFunctions) -> Self {
        Self::with_config(functions, BridgeConfig::default())
    }

    /// A bridge to `functions` with the given limits.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, BridgeConfig, HostFunctions};
    /// let config = BridgeConfig::builder().initial_result_cap(128).build()?;
    /// let bridge = Bridge::with_config(HostFunctions::new(), config);
    /// assert_eq!(bridge.config().initial_result_cap(), 128);
    /// # Ok::<(), mpwasm_host::ConfigError>(())
    /// ```
    pub fn with_config(functions: HostFunctions, config: BridgeConfig) -> Self {
        Bridge {
            functions,
            config,
            state: Box::new(()),
            pending: None,
            failures: Vec::new(),
            calls: 0,
        }
    }

    /// Replaces the user state that functions reach through
    /// [`CallContext::state`](crate::CallContext::state), builder style.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut bridge = Bridge::new(HostFunctions::new()).with_state(7_u8);
    /// assert_eq!(bridge.state::<u8>(), Some(&mut 7));
    /// ```
    pub fn with_state<T: Any + Send>(mut self, state: T) -> Self {
        self.set_state(state);
        self
    }

    /// Replaces the user state that functions reach through
    /// [`CallContext::state`](crate::CallContext::state).
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut bridge = Bridge::new(HostFunctions::new());
    /// bridge.set_state(String::from("run 1"));
    /// assert_eq!(bridge.state::<String>().map(|s| s.as_str()), Some("run 1"));
    /// ```
    pub fn set_state<T: Any + Send>(&mut self, state: T) {
        self.state = Box::new(state);
    }

    /// The user state, if it is a `T`.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut bridge = Bridge::new(HostFunctions::new());
    /// assert!(bridge.state::<()>().is_some());
    /// assert!(bridge.state::<u32>().is_none());
    /// ```
    pub fn state<T: Any>(&mut self) -> Option<&mut T> {
        self.state.downcast_mut::<T>()
    }

    /// Takes the user state out, leaving `()`.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut bridge = Bridge::new(HostFunctions::new()).with_state(vec![1, 2]);
    /// let state = bridge.take_state().downcast::<Vec<i32>>().unwrap();
    /// assert_eq!(*state, [1, 2]);
    /// assert!(bridge.state::<()>().is_some());
    /// ```
    pub fn take_state(&mut self) -> Box<dyn Any + Send> {
        std::mem::replace(&mut self.state, Box::new(()))
    }

    /// The registered functions.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut functions = HostFunctions::new();
    /// functions.register("f", || 1)?;
    /// assert!(Bridge::new(functions).functions().contains("f"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn functions(&self) -> &HostFunctions {
        &self.functions
    }

    /// Replace the registry (e.g. a session registering a function after it
    /// started). A pending oversized response is dropped.
    ///
    /// ```
    /// use mpwasm_host::{Bridge, HostFunctions};
    ///
    /// let mut bridge = Bridge::new(HostFunctions::new());
    /// let mut functions = HostFunctions::new();
    /// functions.register("one", || 1)?;
    /// bridge.set_functions(functions);
    /// assert!(bridge.functions().contains("one"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn set_functions(&mut self, functions: HostFunctions) {
        self.functions = functions;
        self.pending = None;
    }

    /// The limits.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, BridgeConfig, HostFunctions};
    /// assert_eq!(Bridge::new(HostFunctions::new()).config(), &BridgeConfig::default());
    /// ```
    pub fn config(&self) -> &BridgeConfig {
        &self.config
    }

    /// How many requests were dispatched to a registered function (including
    /// ones its typed wrapper rejected for bad arguments). Unknown names and
    /// undecodable payloads do not count, nor does a retry that fetches a
    /// pending response.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut functions = HostFunctions::new();
    /// functions.register("f", || 1)?;
    /// let mut bridge = Bridge::new(functions);
    /// bridge.dispatch("f", b"{}");
    /// bridge.dispatch("g", b"{}");
    /// assert_eq!(bridge.calls(), 1);
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn calls(&self) -> u64 {
        self.calls
    }

    /// The internal errors and panics recorded so far.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// assert!(Bridge::new(HostFunctions::new()).failures().is_empty());
    /// ```
    pub fn failures(&self) -> &[HostFailure] {
        &self.failures
    }

    /// Takes the recorded internal errors and panics, oldest first.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// let mut functions = HostFunctions::new();
    /// functions.register("boom", || -> u8 { panic!("kaput") })?;
    /// let mut bridge = Bridge::new(functions);
    /// bridge.dispatch("boom", b"{}");
    /// let failures = bridge.take_failures();
    /// assert!(failures[0].panicked);
    /// assert_eq!(failures[0].details, "kaput");
    /// assert!(bridge.failures().is_empty());
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn take_failures(&mut self) -> Vec<HostFailure> {
        std::mem::take(&mut self.failures)
    }

    /// Whether a response is waiting for the guest to retry with a larger
    /// buffer.
    ///
    /// ```
    /// # use mpwasm_host::{Bridge, HostFunctions};
    /// assert!(!Bridge::new(HostFunctions::new()).has_pending_response());
    /// ```
    pub fn has_pending_response(&self) -> bool {
        self.pending.is_some()
    }

    /// Runs one request at the JSON level: decodes `payload`, calls function
    /// `name`, and returns the response. Every failure becomes an error
    /// response; internal errors and panics are also recorded (see
    /// [`take_failures`](Self::take_failures)).
    ///
    /// ```
    /// use mpwasm_host::{Bridge, HostFunctions, Response};
    ///
    /// let mut bridge = Bridge::new(HostFunctions::new());
    /// assert_eq!(
    ///     bridge.dispatch("missing", b"{}"),
    ///     Response::Error("NameError: no host function named 'missing'".into()),
    /// );
    /// ```
    pub fn dispatch(&mut self, name: &str, payload: &[u8]) -> Response {
        if !self.functions.contains(name) {
            return Response::Error(unknown_function(name).guest_message(name));
        }
        let request = match decode_request(payload) {
            Ok(request) => request,
            Err(error) => return Response::Error(error.to_host_error().guest_message(name)),
        };
        self.calls += 1;
        let outcome =
            self.functions
                .call_outcome(name, self.state.as_mut(), &request.args, &request.kwargs);
        self.response_for(name, outcome)
    }

    /// The response for a call's outcome; internal errors and panics are
    /// recorded.
    fn response_for(&mut self, name: &str, outcome: CallOutcome) -> Response {
        match outcome {
            CallOutcome::Done(result) => {
                if let Err(error) = &result
                    && let Some(details) = error.details()
                {
                    self.failures.push(HostFailure {
                        function: name.to_owned(),
                        details: details.to_owned(),
                        panicked: false,
                    });
                }
                Response::from_result(name, result)
            }
            CallOutcome::Panicked(message) => {
                self.failures.push(HostFailure {
                    function: name.to_owned(),
                    details: message,
                    panicked: true,
                });
                Response::Error(internal_guest_message(name))
            }
        }
    }

    /// Implements the `host_call` import over the guest's linear `memory`:
    /// reads the name and payload, runs the request (or serves the pending
    /// response of a retry), writes the response into the result buffer and
    /// returns its length, or a [`CallFailure`] code.
    ///
    /// If the response is longer than `result_cap`, nothing is written: the
    /// needed length is returned and the response kept until the guest calls
    /// again with the same name and payload (the function is not run again).
    ///
    /// Never panics, whatever the arguments.
    ///
    /// ```
    /// use mpwasm_host::{Bridge, CallFailure, HostCall, HostFunctions};
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register("hello", || "world")?;
    /// let mut bridge = Bridge::new(functions);
    ///
    /// let mut memory = vec![0u8; 256];
    /// let payload = br#"{"args":[],"kwargs":{}}"#;
    /// memory[..5].copy_from_slice(b"hello");
    /// memory[5..5 + payload.len()].copy_from_slice(payload);
    /// let mut call = HostCall {
    ///     name_ptr: 0, name_len: 5,
    ///     payload_ptr: 5, payload_len: payload.len() as i32,
    ///     result_ptr: 128, result_cap: 8,
    /// };
    ///
    /// // Too small: the needed length comes back, nothing is written.
    /// let expected = br#"{"ok":true,"value":"world"}"#;
    /// assert_eq!(bridge.handle_call(&mut memory, call), expected.len() as i32);
    /// // The retry gets the kept response.
    /// call.result_cap = 64;
    /// assert_eq!(bridge.handle_call(&mut memory, call), expected.len() as i32);
    /// assert_eq!(&memory[128..128 + expected.len()], expected);
    /// assert_eq!(bridge.calls(), 1);
    ///
    /// call.result_ptr = 250;
    /// assert_eq!(bridge.handle_call(&mut memory, call), CallFailure::BadRequest.code());
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn handle_call(&mut self, memory: &mut [u8], call: HostCall) -> i32 {
        match self.try_handle_call(memory, call) {
            Ok(len) => len,
            Err(failure) => failure.code(),
        }
    }

    fn try_handle_call(&mut self, memory: &mut [u8], call: HostCall) -> Result<i32, CallFailure> {
        let ranges = CallRanges::check(&self.config, memory.len(), call)?;
        let (name, payload) = ranges.request(memory)?;
        let response = match self.pending.take() {
            Some(pending) if pending.name == name && pending.payload == payload => pending.response,
            // Anything else abandons a pending response: the guest moved on.
            _ => {
                let response = self.dispatch(name, payload);
                self.encode(&response)?
            }
        };
        self.deliver(memory, &ranges, response)
    }

    /// The first half of `host_call` for an instance that awaits async
    /// functions: a sync function, a retry or a bad request is answered at
    /// once; an async function is started and its future handed back, to
    /// be awaited and then answered with [`Bridge::finish_call`].
    pub(crate) fn begin_call(&mut self, memory: &mut [u8], call: HostCall) -> Begun {
        match self.try_begin_call(memory, call) {
            Ok(begun) => begun,
            Err(failure) => Begun::Done(failure.code()),
        }
    }

    fn try_begin_call(&mut self, memory: &mut [u8], call: HostCall) -> Result<Begun, CallFailure> {
        let ranges = CallRanges::check(&self.config, memory.len(), call)?;
        let (name, payload) = ranges.request(memory)?;
        let retry = self
            .pending
            .as_ref()
            .is_some_and(|p| p.name == name && p.payload == payload);
        if retry || !self.functions.is_async(name) {
            return self.try_handle_call(memory, call).map(Begun::Done);
        }
        self.pending = None;
        let request = match decode_request(payload) {
            Ok(request) => request,
            Err(error) => {
                let response = Response::Error(error.to_host_error().guest_message(name));
                let response = self.encode(&response)?;
                return self.deliver(memory, &ranges, response).map(Begun::Done);
            }
        };
        let Some(outcome) = self
            .functions
            .start_async(name, &request.args, &request.kwargs)
        else {
            // `is_async` said it is one.
            return Err(CallFailure::BadRequest);
        };
        self.calls += 1;
        Ok(Begun::Pending(PendingCall {
            call,
            name: name.to_owned(),
            outcome,
        }))
    }

    /// The second half of an async `host_call`: answers `call` with the
    /// awaited `outcome`, or, for `None` (the run's limit or cancel ended
    /// the wait and the future was dropped), with a `RuntimeError` the guest
    /// only sees if it does not stop first.
    pub(crate) fn finish_call(
        &mut self,
        memory: &mut [u8],
        call: HostCall,
        name: &str,
        outcome: Option<CallOutcome>,
    ) -> i32 {
        let response = match outcome {
            Some(outcome) => self.response_for(name, outcome),
            None => Response::Error(INTERRUPTED.to_owned()),
        };
        let delivered = CallRanges::check(&self.config, memory.len(), call).and_then(|ranges| {
            let response = self.encode(&response)?;
            self.deliver(memory, &ranges, response)
        });
        delivered.unwrap_or_else(CallFailure::code)
    }

    fn encode(&self, response: &Response) -> Result<Vec<u8>, CallFailure> {
        let response = encode_response(response).into_bytes();
        if response.len() > self.config.max_response_bytes {
            return Err(CallFailure::ResponseTooLarge);
        }
        Ok(response)
    }

    /// Writes `response` into the result buffer, or keeps it for the retry
    /// when it does not fit; returns its length.
    fn deliver(
        &mut self,
        memory: &mut [u8],
        ranges: &CallRanges,
        response: Vec<u8>,
    ) -> Result<i32, CallFailure> {
        // `max_response_bytes <= i32::MAX`, so this cannot fail.
        let len = i32::try_from(response.len()).map_err(|_| CallFailure::ResponseTooLarge)?;
        if response.len() > ranges.result.len() {
            let (name, payload) = ranges.request(memory)?;
            self.pending = Some(Pending {
                name: name.to_owned(),
                payload: payload.to_vec(),
                response,
            });
            return Ok(len);
        }
        let end = ranges.result.start + response.len();
        memory
            .get_mut(ranges.result.start..end)
            .ok_or(CallFailure::BadRequest)?
            .copy_from_slice(&response);
        Ok(len)
    }
}

/// The guest's text for an async call abandoned at a limit or cancel. It
/// fits the guest's smallest result buffer (64 bytes), so the guest reads
/// it and then polls, raising the interrupt instead.
const INTERRUPTED: &str = "RuntimeError: host call interrupted";

/// The checked memory ranges of one `host_call`.
struct CallRanges {
    name: std::ops::Range<usize>,
    payload: std::ops::Range<usize>,
    result: std::ops::Range<usize>,
}

impl CallRanges {
    fn check(
        config: &BridgeConfig,
        memory_len: usize,
        call: HostCall,
    ) -> Result<Self, CallFailure> {
        let name_len = length(call.name_len)?;
        let payload_len = length(call.payload_len)?;
        let result_cap = length(call.result_cap)?;
        let request_len = name_len
            .checked_add(payload_len)
            .ok_or(CallFailure::RequestTooLarge)?;
        if request_len > config.max_request_bytes {
            return Err(CallFailure::RequestTooLarge);
        }
        Ok(CallRanges {
            name: range(memory_len, call.name_ptr, name_len)?,
            payload: range(memory_len, call.payload_ptr, payload_len)?,
            result: range(memory_len, call.result_ptr, result_cap)?,
        })
    }

    /// The name (UTF-8) and payload (UTF-8, returned as bytes).
    fn request<'m>(&self, memory: &'m [u8]) -> Result<(&'m str, &'m [u8]), CallFailure> {
        let name = memory
            .get(self.name.clone())
            .ok_or(CallFailure::BadRequest)?;
        let name = std::str::from_utf8(name).map_err(|_| CallFailure::BadRequest)?;
        let payload = memory
            .get(self.payload.clone())
            .ok_or(CallFailure::BadRequest)?;
        std::str::from_utf8(payload).map_err(|_| CallFailure::BadRequest)?;
        Ok((name, payload))
    }
}

/// How [`Bridge::begin_call`] went.
pub(crate) enum Begun {
    /// Answered: the `host_call` result.
    Done(i32),
    /// An async function to await, then [`Bridge::finish_call`].
    Pending(PendingCall),
}

/// A started async host call.
pub(crate) struct PendingCall {
    pub(crate) call: HostCall,
    pub(crate) name: String,
    pub(crate) outcome: AsyncOutcome,
}

impl fmt::Debug for Bridge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bridge")
            .field("functions", &self.functions)
            .field("config", &self.config)
            .field("pending_response", &self.pending.is_some())
            .field("failures", &self.failures)
            .field("calls", &self.calls)
            .finish_non_exhaustive()
    }
}

fn length(len: i32) -> Result<usize, CallFailure> {
    usize::try_from(len).map_err(|_| CallFailure::BadRequest)
}

/// The in-bounds range `ptr..ptr + len` of a memory of `memory_len` bytes.
fn range(memory_len: usize, ptr: i32, len: usize) -> Result<std::ops::Range<usize>, CallFailure> {
    // Guest pointers are unsigned 32-bit addresses.
    let start = ptr as u32 as usize;
    let end = start.checked_add(len).ok_or(CallFailure::BadRequest)?;
    if end > memory_len {
        return Err(CallFailure::BadRequest);
    }
    Ok(start..end)
}
