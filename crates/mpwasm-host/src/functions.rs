//! The registry of host functions and the per-call context.

use std::any::Any;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{HostError, RegisterError};
use crate::typed::{AsyncHostFn, HostFn, HostFnWithContext, HostFuture, IntoHostResult};

/// The longest accepted host function name, in bytes.
///
/// Names become MicroPython identifiers (interned strings), whose length the
/// default MicroPython build stores in one byte.
///
/// ```
/// use mpwasm_host::{HostFunctions, MAX_NAME_LEN};
///
/// let mut functions = HostFunctions::new();
/// assert!(functions.register(&"f".repeat(MAX_NAME_LEN), || 1).is_ok());
/// assert!(functions.register(&"g".repeat(MAX_NAME_LEN + 1), || 1).is_err());
/// ```
pub const MAX_NAME_LEN: usize = 255;

/// Python's hard keywords: never valid as function or parameter names.
const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The signature of a raw host function, as stored in the registry.
type RawFn = dyn Fn(&mut CallContext<'_>, &[Value], &Map<String, Value>) -> Result<Value, HostError>
    + Send
    + Sync;

/// The signature of a raw async host function: decodes its arguments and
/// returns the future of its result.
type AsyncRawFn =
    dyn Fn(&str, &[Value], &Map<String, Value>) -> Result<HostFuture, HostError> + Send + Sync;

/// One registered function: called in place, or (async) started as a
/// future the executor awaits while the guest is suspended.
#[derive(Clone)]
enum Entry {
    Sync(Arc<RawFn>),
    Async(Arc<AsyncRawFn>),
}

/// What a host function gets besides its arguments: the name it was called
/// by, and the per-run user state the executor supplied.
///
/// ```
/// use mpwasm_host::CallContext;
///
/// let mut counter: u32 = 0;
/// let mut cx = CallContext::new("tick", &mut counter);
/// assert_eq!(cx.function(), "tick");
/// *cx.state::<u32>().unwrap() += 1;
/// assert!(cx.state::<String>().is_none());
/// assert_eq!(counter, 1);
/// ```
pub struct CallContext<'a> {
    function: &'a str,
    state: &'a mut (dyn Any + Send),
}

impl<'a> CallContext<'a> {
    /// A context for calling `function` with access to `state`.
    ///
    /// The [`Bridge`](crate::Bridge) builds these itself; this constructor is
    /// for calling functions directly, e.g. through [`HostFunctions::call`].
    ///
    /// ```
    /// # use mpwasm_host::CallContext;
    /// let mut state = ();
    /// let mut cx = CallContext::new("f", &mut state);
    /// assert!(cx.state::<()>().is_some());
    /// ```
    pub fn new(function: &'a str, state: &'a mut (dyn Any + Send)) -> Self {
        CallContext { function, state }
    }

    /// The name of the host function being called.
    ///
    /// ```
    /// # use mpwasm_host::CallContext;
    /// assert_eq!(CallContext::new("greet", &mut ()).function(), "greet");
    /// ```
    pub fn function(&self) -> &str {
        self.function
    }

    /// The per-run user state, if it is a `T`.
    ///
    /// ```
    /// # use mpwasm_host::CallContext;
    /// let mut log: Vec<String> = Vec::new();
    /// let mut cx = CallContext::new("log", &mut log);
    /// cx.state::<Vec<String>>().unwrap().push("hello".into());
    /// assert_eq!(log, ["hello"]);
    /// ```
    pub fn state<T: Any>(&mut self) -> Option<&mut T> {
        self.state.downcast_mut::<T>()
    }
}

impl fmt::Debug for CallContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallContext")
            .field("function", &self.function)
            .finish_non_exhaustive()
    }
}

/// A registry of host functions callable by name from guest code.
///
/// Cheap to clone (the table is shared behind an [`Arc`]; registering into a
/// clone copies the table first, so clones never affect each other).
/// Functions are called with JSON values; the typed registration methods
/// convert arguments and results with serde.
///
/// ```
/// use mpwasm_host::{HostError, HostFunctions};
/// use serde_json::json;
///
/// let mut functions = HostFunctions::new();
/// functions
///     .register("add", |a: i64, b: i64| a + b)?
///     .register("upper", |s: String| s.to_uppercase())?
///     .register("div", |a: f64, b: f64| {
///         if b == 0.0 {
///             return Err(HostError::value_error("division by zero"));
///         }
///         Ok(a / b)
///     })?;
///
/// assert_eq!(functions.names().collect::<Vec<_>>(), ["add", "div", "upper"]);
/// let sum = functions.call("add", &mut (), &[json!(2), json!(3)], &Default::default());
/// assert_eq!(sum, Ok(json!(5)));
/// # Ok::<(), mpwasm_host::RegisterError>(())
/// ```
#[derive(Clone, Default)]
pub struct HostFunctions {
    table: Arc<BTreeMap<String, Entry>>,
}

/// How a call through the registry ended, keeping panics apart.
pub(crate) enum CallOutcome {
    Done(Result<Value, HostError>),
    Panicked(String),
}

/// The outcome of a started async function: polls its future with panics
/// caught (a future that panicked is never polled again).
pub(crate) struct AsyncOutcome(Option<HostFuture>, Option<CallOutcome>);

impl AsyncOutcome {
    fn ready(outcome: CallOutcome) -> Self {
        AsyncOutcome(None, Some(outcome))
    }
}

impl std::future::Future for AsyncOutcome {
    type Output = CallOutcome;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<CallOutcome> {
        use std::task::Poll;
        let this = self.get_mut();
        if let Some(done) = this.1.take() {
            return Poll::Ready(done);
        }
        let Some(future) = this.0.as_mut() else {
            return Poll::Ready(CallOutcome::Panicked("polled after completion".into()));
        };
        let polled = catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx)));
        match polled {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(result)) => {
                this.0 = None;
                Poll::Ready(CallOutcome::Done(result))
            }
            Err(payload) => {
                this.0 = None;
                Poll::Ready(CallOutcome::Panicked(panic_message(payload.as_ref())))
            }
        }
    }
}

impl HostFunctions {
    /// An empty registry.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// assert!(HostFunctions::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a function working on raw JSON: positional arguments and
    /// keyword arguments exactly as the guest passed them.
    ///
    /// ```
    /// use mpwasm_host::{HostError, HostFunctions};
    /// use serde_json::{Value, json};
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_raw("count", |_cx, args, kwargs| {
    ///     Ok(json!({ "args": args.len(), "kwargs": kwargs.len() }))
    /// })?;
    /// let kwargs = json!({"x": 1}).as_object().unwrap().clone();
    /// let result = functions.call("count", &mut (), &[Value::Null], &kwargs);
    /// assert_eq!(result, Ok(json!({"args": 1, "kwargs": 1})));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// [`RegisterError`] when `name` is not a usable Python identifier (empty,
    /// too long, a keyword, not an identifier) or is already registered.
    pub fn register_raw<F>(&mut self, name: &str, f: F) -> Result<&mut Self, RegisterError>
    where
        F: Fn(&mut CallContext<'_>, &[Value], &Map<String, Value>) -> Result<Value, HostError>
            + Send
            + Sync
            + 'static,
    {
        self.insert(name, Entry::Sync(Arc::new(f)))
    }

    /// Registers a typed function of up to six positional arguments.
    ///
    /// Each argument type is deserialized from the guest's positional
    /// argument at its position; the result (`R: Serialize`, or
    /// `Result<R, HostError>`) is serialized back. Keyword arguments, a wrong
    /// number of arguments, or arguments of the wrong type are reported to
    /// the guest as a `TypeError`. Trailing `Option` arguments may be
    /// omitted.
    ///
    /// A closure that returns `Ok(..)` but only fails through `?` needs its
    /// return type spelled out (`-> Result<T, HostError>`), as usual for `?`.
    ///
    /// ```
    /// use mpwasm_host::{HostError, HostFunctions};
    /// use serde_json::json;
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register("repeat", |s: String, n: Option<usize>| s.repeat(n.unwrap_or(2)))?;
    ///
    /// let call = |args: &[serde_json::Value]| functions.call("repeat", &mut (), args, &Default::default());
    /// assert_eq!(call(&[json!("ab")]), Ok(json!("abab")));
    /// assert_eq!(call(&[json!("ab"), json!(3)]), Ok(json!("ababab")));
    /// assert_eq!(
    ///     call(&[json!(1)]),
    ///     Err(HostError::type_error("repeat() argument 1: invalid type: integer `1`, expected a string")),
    /// );
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// As [`HostFunctions::register_raw`].
    pub fn register<Marker, F>(&mut self, name: &str, f: F) -> Result<&mut Self, RegisterError>
    where
        F: HostFn<Marker>,
    {
        self.insert(
            name,
            Entry::Sync(Arc::new(
                move |cx: &mut CallContext<'_>, args: &[Value], kwargs: &Map<String, Value>| {
                    f.call(cx, args, kwargs)
                },
            )),
        )
    }

    /// Like [`register`](Self::register), for functions whose first parameter
    /// is the [`CallContext`] (to read or update the per-run state).
    ///
    /// ```
    /// use mpwasm_host::{CallContext, HostError, HostFunctions};
    /// use serde_json::json;
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_with_context("emit", |cx: &mut CallContext<'_>, line: String| {
    ///     let Some(lines) = cx.state::<Vec<String>>() else {
    ///         return Err(HostError::internal("no output buffer"));
    ///     };
    ///     lines.push(line);
    ///     Ok(lines.len())
    /// })?;
    ///
    /// let mut lines: Vec<String> = Vec::new();
    /// let result = functions.call("emit", &mut lines, &[json!("hi")], &Default::default());
    /// assert_eq!(result, Ok(json!(1)));
    /// assert_eq!(lines, ["hi"]);
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// As [`HostFunctions::register_raw`].
    pub fn register_with_context<Marker, F>(
        &mut self,
        name: &str,
        f: F,
    ) -> Result<&mut Self, RegisterError>
    where
        F: HostFnWithContext<Marker>,
    {
        self.insert(
            name,
            Entry::Sync(Arc::new(
                move |cx: &mut CallContext<'_>, args: &[Value], kwargs: &Map<String, Value>| {
                    f.call(cx, args, kwargs)
                },
            )),
        )
    }

    /// Registers a function taking keyword arguments, bound into a
    /// deserializable struct.
    ///
    /// Positional arguments are bound, in order, to the names in `params`,
    /// then merged with the keyword arguments (a name given both ways is a
    /// `TypeError`), and the resulting object is deserialized into `T`.
    /// `Option` fields are optional; use `#[serde(deny_unknown_fields)]` to
    /// reject unexpected keyword arguments.
    ///
    /// ```
    /// use mpwasm_host::{HostError, HostFunctions};
    /// use serde::Deserialize;
    /// use serde_json::{Map, json};
    ///
    /// #[derive(Deserialize)]
    /// #[serde(deny_unknown_fields)]
    /// struct FormatName {
    ///     first: String,
    ///     last: String,
    ///     title: Option<String>,
    /// }
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_with_params("format_name", &["first", "last"], |p: FormatName| {
    ///     match p.title {
    ///         Some(title) => format!("{title} {} {}", p.first, p.last),
    ///         None => format!("{} {}", p.first, p.last),
    ///     }
    /// })?;
    ///
    /// let kwargs: Map<_, _> = json!({"title": "Dr."}).as_object().unwrap().clone();
    /// let result = functions.call("format_name", &mut (), &[json!("Ada"), json!("Lovelace")], &kwargs);
    /// assert_eq!(result, Ok(json!("Dr. Ada Lovelace")));
    ///
    /// let kwargs: Map<_, _> = json!({"first": "Ada"}).as_object().unwrap().clone();
    /// let result = functions.call("format_name", &mut (), &[json!("Ada")], &kwargs);
    /// assert_eq!(
    ///     result,
    ///     Err(HostError::type_error("format_name() got multiple values for argument 'first'")),
    /// );
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// As [`HostFunctions::register_raw`], and [`RegisterError`] when a
    /// parameter name is not an identifier or appears twice.
    pub fn register_with_params<T, R, M, F>(
        &mut self,
        name: &str,
        params: &[&str],
        f: F,
    ) -> Result<&mut Self, RegisterError>
    where
        T: DeserializeOwned,
        R: IntoHostResult<M>,
        F: Fn(T) -> R + Send + Sync + 'static,
    {
        let mut seen: Vec<&str> = Vec::with_capacity(params.len());
        for &param in params {
            let reason = if seen.contains(&param) {
                Some("duplicate parameter name")
            } else if PYTHON_KEYWORDS.contains(&param) {
                Some("a Python keyword")
            } else {
                identifier_problem(param)
            };
            if let Some(reason) = reason {
                return Err(RegisterError::InvalidParam {
                    function: name.to_owned(),
                    param: param.to_owned(),
                    reason,
                });
            }
            seen.push(param);
        }
        let params: Vec<String> = params.iter().map(|&p| p.to_owned()).collect();
        self.insert(
            name,
            Entry::Sync(Arc::new(
                move |cx: &mut CallContext<'_>, args: &[Value], kwargs: &Map<String, Value>| {
                    let bound: T = bind_params(cx.function(), &params, args, kwargs)?;
                    f(bound).into_host_result()
                },
            )),
        )
    }

    /// Registers an async function of up to six positional arguments
    /// (typed as [`register`](Self::register)): `Fn(A1, ..., An) -> impl
    /// Future<Output = R>`, e.g. a closure returning an `async move` block.
    ///
    /// The guest waits for the future while the executor runs other tasks:
    /// an instance started for async runs (`mpwasm_core::Vm::new_async`,
    /// `run_async`) awaits it, and the run's wall-clock limit and cancel
    /// still apply while it is pending (the future is dropped then). A
    /// synchronous run that calls it gets a `RuntimeError`. The future is
    /// `'static`: clone what it needs into it (an `Arc` for shared state).
    ///
    /// ```
    /// use mpwasm_host::{HostError, HostFunctions};
    /// use serde_json::json;
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_async("lookup", |key: String| async move {
    ///     match key.as_str() {
    ///         "answer" => Ok(42),
    ///         _ => Err(HostError::key_error(key)),
    ///     }
    /// })?;
    /// assert!(functions.is_async("lookup"));
    ///
    /// // Called directly here; the runtime awaits it for the guest.
    /// let no_kwargs = Default::default();
    /// let future = functions.call_async("lookup", &[json!("answer")], &no_kwargs);
    /// let waker = std::task::Waker::noop();
    /// let mut cx = std::task::Context::from_waker(&waker);
    /// let mut future = std::pin::pin!(future);
    /// assert_eq!(future.as_mut().poll(&mut cx), std::task::Poll::Ready(Ok(json!(42))));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// As [`HostFunctions::register_raw`].
    pub fn register_async<Marker, F>(
        &mut self,
        name: &str,
        f: F,
    ) -> Result<&mut Self, RegisterError>
    where
        F: AsyncHostFn<Marker>,
    {
        self.insert(
            name,
            Entry::Async(Arc::new(
                move |function: &str, args: &[Value], kwargs: &Map<String, Value>| {
                    f.start(function, args, kwargs)
                },
            )),
        )
    }

    /// Registers an async function working on raw JSON (see
    /// [`register_raw`](Self::register_raw) and
    /// [`register_async`](Self::register_async)): it gets the positional and
    /// keyword arguments as owned values and returns the future of its
    /// result.
    ///
    /// ```
    /// use mpwasm_host::{HostFunctions, HostFuture};
    /// use serde_json::{Value, json};
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register_async_raw("count", |args: Vec<Value>, _kwargs| -> HostFuture {
    ///     Box::pin(async move { Ok(json!(args.len())) })
    /// })?;
    /// assert!(functions.is_async("count"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// As [`HostFunctions::register_raw`].
    pub fn register_async_raw<F>(&mut self, name: &str, f: F) -> Result<&mut Self, RegisterError>
    where
        F: Fn(Vec<Value>, Map<String, Value>) -> HostFuture + Send + Sync + 'static,
    {
        self.insert(
            name,
            Entry::Async(Arc::new(
                move |_function: &str, args: &[Value], kwargs: &Map<String, Value>| {
                    Ok(f(args.to_vec(), kwargs.clone()))
                },
            )),
        )
    }

    /// Whether `name` is a registered async function.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// let mut functions = HostFunctions::new();
    /// functions.register("now", || 0)?.register_async("later", || async { 1 })?;
    /// assert!(!functions.is_async("now"));
    /// assert!(functions.is_async("later"));
    /// assert!(!functions.is_async("missing"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn is_async(&self, name: &str) -> bool {
        matches!(self.table.get(name), Some(Entry::Async(_)))
    }

    /// Whether any registered function is async.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// let mut functions = HostFunctions::new();
    /// functions.register("now", || 0)?;
    /// assert!(!functions.has_async());
    /// functions.register_async("later", || async { 1 })?;
    /// assert!(functions.has_async());
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn has_async(&self) -> bool {
        self.table.values().any(|e| matches!(e, Entry::Async(_)))
    }

    /// Calls function `name` directly and awaits it, as an async run would:
    /// async functions are awaited, sync ones called in place (with `()` as
    /// state). Panics, while starting or polling, become internal errors.
    ///
    /// # Errors
    ///
    /// The future's: the function's own [`HostError`], a `NameError` for an
    /// unknown name, and an internal error when the function panicked.
    ///
    /// ```
    /// use mpwasm_host::{HostError, HostFunctions};
    /// use serde_json::json;
    ///
    /// let mut functions = HostFunctions::new();
    /// async fn boom() -> Result<u8, HostError> {
    ///     panic!("oops")
    /// }
    /// functions.register_async("boom", boom)?;
    /// let no_kwargs = Default::default();
    /// let waker = std::task::Waker::noop();
    /// let mut cx = std::task::Context::from_waker(&waker);
    /// let mut future = std::pin::pin!(functions.call_async("boom", &[], &no_kwargs));
    /// let std::task::Poll::Ready(Err(err)) = future.as_mut().poll(&mut cx) else { panic!() };
    /// assert_eq!(err.details(), Some("panicked: oops"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn call_async(
        &self,
        name: &str,
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> impl std::future::Future<Output = Result<Value, HostError>> + Send + 'static {
        let started = match self.start_async(name, args, kwargs) {
            Some(started) => Ok(started),
            None => match self.call(name, &mut (), args, kwargs) {
                Ok(value) => Err(Ok(value)),
                Err(error) => Err(Err(error)),
            },
        };
        async move {
            let outcome = match started {
                Ok(started) => started.await,
                Err(done) => return done,
            };
            match outcome {
                CallOutcome::Done(result) => result,
                CallOutcome::Panicked(message) => {
                    Err(HostError::internal(format!("panicked: {message}")))
                }
            }
        }
    }

    /// Starts async function `name`: `None` when it is not one (unknown or
    /// sync), else the future of its outcome (argument errors are ready at
    /// once; panics are caught while polling).
    pub(crate) fn start_async(
        &self,
        name: &str,
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> Option<AsyncOutcome> {
        let Some(Entry::Async(f)) = self.table.get(name) else {
            return None;
        };
        let started = catch_unwind(AssertUnwindSafe(|| f(name, args, kwargs)));
        Some(match started {
            Ok(Ok(future)) => AsyncOutcome(Some(future), None),
            Ok(Err(error)) => AsyncOutcome::ready(CallOutcome::Done(Err(error))),
            Err(payload) => {
                AsyncOutcome::ready(CallOutcome::Panicked(panic_message(payload.as_ref())))
            }
        })
    }

    fn insert(&mut self, name: &str, f: Entry) -> Result<&mut Self, RegisterError> {
        validate_name(name)?;
        if self.table.contains_key(name) {
            return Err(RegisterError::Duplicate {
                name: name.to_owned(),
            });
        }
        Arc::make_mut(&mut self.table).insert(name.to_owned(), f);
        Ok(self)
    }

    /// The registered names, in sorted order.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// let mut functions = HostFunctions::new();
    /// functions.register("b", || 2)?.register("a", || 1)?;
    /// assert_eq!(functions.names().collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.table.keys().map(String::as_str)
    }

    /// Whether a function called `name` is registered.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// let mut functions = HostFunctions::new();
    /// functions.register("now", || 0)?;
    /// assert!(functions.contains("now"));
    /// assert!(!functions.contains("later"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.table.contains_key(name)
    }

    /// The number of registered functions.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// let mut functions = HostFunctions::new();
    /// functions.register("one", || 1)?;
    /// assert_eq!(functions.len(), 1);
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether no function is registered.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// assert!(HostFunctions::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Python source defining one global wrapper per registered function,
    /// so guest code can call `add(1, 2)` instead of
    /// `host.invoke('add', 1, 2)`. The executor runs it before user code.
    ///
    /// Empty when no function is registered.
    ///
    /// ```
    /// # use mpwasm_host::HostFunctions;
    /// let mut functions = HostFunctions::new();
    /// functions.register("add", |a: i64, b: i64| a + b)?;
    /// assert_eq!(
    ///     functions.guest_prelude(),
    ///     "from host import function as _mpwasm_function\nadd = _mpwasm_function('add')\n",
    /// );
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    pub fn guest_prelude(&self) -> String {
        // Names are validated ASCII identifiers: safe both as `def` names and
        // inside single-quoted string literals.
        // `host.function(name)` is a native callable bound to the name: a
        // call costs no Python frame and no *args/**kwargs repacking.
        if self.table.is_empty() {
            return String::new();
        }
        let mut source = String::from("from host import function as _mpwasm_function\n");
        for name in self.table.keys() {
            source.push_str(&format!("{name} = _mpwasm_function('{name}')\n"));
        }
        source
    }

    /// Calls function `name` directly, as the bridge would (panics are
    /// caught and become internal errors).
    ///
    /// An unknown `name` is a `NameError`.
    ///
    /// ```
    /// use mpwasm_host::{HostError, HostFunctions};
    /// use serde_json::json;
    ///
    /// let mut functions = HostFunctions::new();
    /// functions.register("boom", || -> i32 { panic!("oops") })?;
    /// let no_kwargs = Default::default();
    ///
    /// let err = functions.call("boom", &mut (), &[], &no_kwargs).unwrap_err();
    /// assert!(err.is_internal());
    /// assert_eq!(err.details(), Some("panicked: oops"));
    ///
    /// let err = functions.call("nope", &mut (), &[], &no_kwargs).unwrap_err();
    /// assert_eq!(err, HostError::name_error("no host function named 'nope'"));
    /// # Ok::<(), mpwasm_host::RegisterError>(())
    /// ```
    /// # Errors
    ///
    /// The function's own [`HostError`], a `NameError` for an unknown name,
    /// and an internal error when the function panicked.
    pub fn call(
        &self,
        name: &str,
        state: &mut (dyn Any + Send),
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> Result<Value, HostError> {
        match self.call_outcome(name, state, args, kwargs) {
            CallOutcome::Done(result) => result,
            CallOutcome::Panicked(message) => {
                Err(HostError::internal(format!("panicked: {message}")))
            }
        }
    }

    pub(crate) fn call_outcome(
        &self,
        name: &str,
        state: &mut (dyn Any + Send),
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> CallOutcome {
        let f = match self.table.get(name) {
            Some(Entry::Sync(f)) => f,
            Some(Entry::Async(_)) => {
                return CallOutcome::Done(Err(HostError::runtime_error(format!(
                    "{}() is an async host function: run the code with run_async",
                    display_name(name)
                ))));
            }
            None => return CallOutcome::Done(Err(unknown_function(name))),
        };
        let mut cx = CallContext::new(name, state);
        match catch_unwind(AssertUnwindSafe(|| f(&mut cx, args, kwargs))) {
            Ok(result) => CallOutcome::Done(result),
            Err(payload) => CallOutcome::Panicked(panic_message(payload.as_ref())),
        }
    }
}

impl fmt::Debug for HostFunctions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

/// Binds positional `args` to the names in `params`, merges in `kwargs`, and
/// deserializes the resulting object into `T`: the argument handling of
/// [`HostFunctions::register_with_params`], for use in raw functions.
///
/// `function` is only used in error messages, which are all `TypeError`s.
///
/// ```
/// use mpwasm_host::bind_params;
/// use serde::Deserialize;
/// use serde_json::{Map, json};
///
/// #[derive(Deserialize, Debug, PartialEq)]
/// struct Range { start: i64, stop: i64, step: Option<i64> }
///
/// let kwargs: Map<_, _> = json!({"step": 2}).as_object().unwrap().clone();
/// let range: Range = bind_params("range", &["start", "stop"], &[json!(0), json!(10)], &kwargs).unwrap();
/// assert_eq!(range, Range { start: 0, stop: 10, step: Some(2) });
///
/// let err = bind_params::<Range>("range", &["start", "stop"], &[json!(0)], &Map::new()).unwrap_err();
/// assert_eq!(err.to_string(), "TypeError: range(): missing field `stop`");
/// ```
/// # Errors
///
/// A `TypeError` [`HostError`] for too many arguments, a parameter given
/// twice, an unknown keyword, or a value that does not deserialize into `T`.
pub fn bind_params<T: DeserializeOwned>(
    function: &str,
    params: &[impl AsRef<str>],
    args: &[Value],
    kwargs: &Map<String, Value>,
) -> Result<T, HostError> {
    let function = display_name(function);
    if args.len() > params.len() {
        return Err(HostError::type_error(format!(
            "{function}() takes {} but {} given",
            count(params.len(), "positional argument", "positional arguments"),
            count_given(args.len()),
        )));
    }
    let mut bound = Map::new();
    for (param, value) in params.iter().zip(args) {
        bound.insert(param.as_ref().to_owned(), value.clone());
    }
    for (key, value) in kwargs {
        if bound.contains_key(key) {
            return Err(HostError::type_error(format!(
                "{function}() got multiple values for argument '{}'",
                display_name(key)
            )));
        }
        bound.insert(key.clone(), value.clone());
    }
    T::deserialize(&Value::Object(bound))
        .map_err(|e| HostError::type_error(format!("{function}(): {e}")))
}

/// Checks the shape of a positional-only call: no keyword arguments and at
/// most `arity` positional ones.
pub(crate) fn check_positional(
    function: &str,
    args: &[Value],
    kwargs: &Map<String, Value>,
    arity: usize,
) -> Result<(), HostError> {
    if let Some(key) = kwargs.keys().next() {
        return Err(HostError::type_error(format!(
            "{}() got an unexpected keyword argument '{}'",
            display_name(function),
            display_name(key)
        )));
    }
    if args.len() > arity {
        return Err(wrong_arg_count(function, arity, args.len()));
    }
    Ok(())
}

/// Deserializes positional argument `index` (missing ones count as `null`,
/// so trailing `Option`s are optional).
pub(crate) fn positional<T: DeserializeOwned>(
    function: &str,
    args: &[Value],
    index: usize,
    arity: usize,
) -> Result<T, HostError> {
    match args.get(index) {
        Some(value) => T::deserialize(value).map_err(|e| {
            HostError::type_error(format!(
                "{}() argument {}: {e}",
                display_name(function),
                index + 1
            ))
        }),
        None => {
            T::deserialize(&Value::Null).map_err(|_| wrong_arg_count(function, arity, args.len()))
        }
    }
}

fn wrong_arg_count(function: &str, arity: usize, given: usize) -> HostError {
    HostError::type_error(format!(
        "{}() takes {} but {} given",
        display_name(function),
        count(arity, "positional argument", "positional arguments"),
        count_given(given),
    ))
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn count_given(n: usize) -> String {
    if n == 1 {
        "1 was".to_owned()
    } else {
        format!("{n} were")
    }
}

pub(crate) fn unknown_function(name: &str) -> HostError {
    HostError::name_error(format!("no host function named '{}'", display_name(name)))
}

/// Shortens a guest-supplied name for use in messages.
pub(crate) fn display_name(name: &str) -> Cow<'_, str> {
    const MAX_CHARS: usize = 80;
    match name.char_indices().nth(MAX_CHARS) {
        None => Cow::Borrowed(name),
        Some((cut, _)) => Cow::Owned(format!("{}...", &name[..cut])),
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_owned()
    }
}

fn identifier_problem(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    match chars.next() {
        None => Some("empty"),
        Some(first) if !(first.is_ascii_alphabetic() || first == '_') => {
            Some("must start with an ASCII letter or underscore")
        }
        Some(_) if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            Some("may only contain ASCII letters, digits and underscores")
        }
        Some(_) => None,
    }
}

fn validate_name(name: &str) -> Result<(), RegisterError> {
    if let Some(reason) = identifier_problem(name) {
        return Err(RegisterError::InvalidName {
            name: name.to_owned(),
            reason,
        });
    }
    if name.len() > MAX_NAME_LEN {
        return Err(RegisterError::InvalidName {
            name: name.to_owned(),
            reason: "longer than 255 bytes",
        });
    }
    if PYTHON_KEYWORDS.contains(&name) {
        return Err(RegisterError::Keyword {
            name: name.to_owned(),
        });
    }
    if name == "host" || (name.len() > 4 && name.starts_with("__") && name.ends_with("__")) {
        return Err(RegisterError::Reserved {
            name: name.to_owned(),
        });
    }
    Ok(())
}
