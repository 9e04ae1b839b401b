//! Traits behind the typed registration methods.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::HostError;
use crate::functions::{CallContext, check_positional, positional};

mod sealed {
    pub trait Sealed<Marker> {}
}

/// Marker for [`IntoHostResult`] on plain `T: Serialize` values.
#[derive(Debug)]
pub enum Plain {}

/// Marker for [`IntoHostResult`] on `Result<T: Serialize, HostError>`.
#[derive(Debug)]
pub enum Fallible {}

/// A value a typed host function may return: any `T: Serialize`, or
/// `Result<T, HostError>`. `Marker` only tells the two apart; it is always
/// inferred.
///
/// A value that fails to serialize (e.g. a map with non-string keys) is an
/// internal error.
///
/// ```
/// use mpwasm_host::{HostError, IntoHostResult};
/// use serde_json::json;
///
/// assert_eq!(vec![1, 2].into_host_result(), Ok(json!([1, 2])));
/// let failed: Result<i32, HostError> = Err(HostError::key_error("k"));
/// assert_eq!(failed.into_host_result(), Err(HostError::key_error("k")));
/// ```
pub trait IntoHostResult<Marker>: sealed::Sealed<Marker> {
    /// Converts the return value into the JSON value sent to the guest.
    ///
    /// # Errors
    ///
    /// The function's own error, or an internal error when the value cannot
    /// be serialized to JSON.
    fn into_host_result(self) -> Result<Value, HostError>;
}

impl<T: Serialize> sealed::Sealed<Plain> for T {}
impl<T: Serialize> sealed::Sealed<Fallible> for Result<T, HostError> {}

impl<T: Serialize> IntoHostResult<Plain> for T {
    fn into_host_result(self) -> Result<Value, HostError> {
        serde_json::to_value(self).map_err(|e| {
            HostError::internal(format!("cannot serialize the return value to JSON: {e}"))
        })
    }
}

impl<T: Serialize> IntoHostResult<Fallible> for Result<T, HostError> {
    fn into_host_result(self) -> Result<Value, HostError> {
        self.and_then(<T as IntoHostResult<Plain>>::into_host_result)
    }
}

/// A function usable with [`HostFunctions::register`](crate::HostFunctions::register):
/// any `Fn(A1, ..., An) -> R` with `n <= 6`, every `Ai: DeserializeOwned`
/// and `R:` [`IntoHostResult`]. `Marker` is inferred (it encodes the
/// argument and return types).
///
/// This trait is sealed; it only exists to be named in bounds.
///
/// ```
/// use mpwasm_host::HostFn;
///
/// fn assert_host_fn<M>(_: impl HostFn<M>) {}
/// assert_host_fn(|a: i64, b: i64| a + b);
/// assert_host_fn(|| "constant");
/// ```
pub trait HostFn<Marker>: sealed::Sealed<(Marker,)> + Send + Sync + 'static {
    #[doc(hidden)]
    fn call(
        &self,
        cx: &mut CallContext<'_>,
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> Result<Value, HostError>;
}

/// A function usable with
/// [`HostFunctions::register_with_context`](crate::HostFunctions::register_with_context):
/// any `Fn(&mut CallContext<'_>, A1, ..., An) -> R` with `n <= 6`, every
/// `Ai: DeserializeOwned` and `R:` [`IntoHostResult`]. `Marker` is inferred.
///
/// This trait is sealed; it only exists to be named in bounds.
///
/// ```
/// use mpwasm_host::{CallContext, HostFnWithContext};
///
/// fn assert_host_fn<M>(_: impl HostFnWithContext<M>) {}
/// assert_host_fn(|cx: &mut CallContext<'_>, n: u32| cx.function().len() as u32 + n);
/// ```
pub trait HostFnWithContext<Marker>: sealed::Sealed<((), Marker)> + Send + Sync + 'static {
    #[doc(hidden)]
    fn call(
        &self,
        cx: &mut CallContext<'_>,
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> Result<Value, HostError>;
}

macro_rules! impl_host_fn {
    ($arity:literal $(, $ty:ident $var:ident $index:literal)*) => {
        impl<F, R, M, $($ty,)*> sealed::Sealed<((M, ($($ty,)*)),)> for F
        where
            F: Fn($($ty),*) -> R + Send + Sync + 'static,
            R: IntoHostResult<M>,
            $($ty: DeserializeOwned,)*
        {
        }

        impl<F, R, M, $($ty,)*> HostFn<(M, ($($ty,)*))> for F
        where
            F: Fn($($ty),*) -> R + Send + Sync + 'static,
            R: IntoHostResult<M>,
            $($ty: DeserializeOwned,)*
        {
            #[allow(unused_variables)]
            fn call(
                &self,
                cx: &mut CallContext<'_>,
                args: &[Value],
                kwargs: &Map<String, Value>,
            ) -> Result<Value, HostError> {
                check_positional(cx.function(), args, kwargs, $arity)?;
                $(let $var: $ty = positional(cx.function(), args, $index, $arity)?;)*
                self($($var),*).into_host_result()
            }
        }

        impl<F, R, M, $($ty,)*> sealed::Sealed<((), (M, ($($ty,)*)))> for F
        where
            F: Fn(&mut CallContext<'_>, $($ty),*) -> R + Send + Sync + 'static,
            R: IntoHostResult<M>,
            $($ty: DeserializeOwned,)*
        {
        }

        impl<F, R, M, $($ty,)*> HostFnWithContext<(M, ($($ty,)*))> for F
        where
            F: Fn(&mut CallContext<'_>, $($ty),*) -> R + Send + Sync + 'static,
            R: IntoHostResult<M>,
            $($ty: DeserializeOwned,)*
        {
            fn call(
                &self,
                cx: &mut CallContext<'_>,
                args: &[Value],
                kwargs: &Map<String, Value>,
            ) -> Result<Value, HostError> {
                check_positional(cx.function(), args, kwargs, $arity)?;
                $(let $var: $ty = positional(cx.function(), args, $index, $arity)?;)*
                self(cx, $($var),*).into_host_result()
            }
        }
    };
}

impl_host_fn!(0);
impl_host_fn!(1, A1 a1 0);
impl_host_fn!(2, A1 a1 0, A2 a2 1);
impl_host_fn!(3, A1 a1 0, A2 a2 1, A3 a3 2);
impl_host_fn!(4, A1 a1 0, A2 a2 1, A3 a3 2, A4 a4 3);
impl_host_fn!(5, A1 a1 0, A2 a2 1, A3 a3 2, A4 a4 3, A5 a5 4);
impl_host_fn!(6, A1 a1 0, A2 a2 1, A3 a3 2, A4 a4 3, A5 a5 4, A6 a6 5);

/// The future an async host function returns once its arguments are
/// decoded: it owns everything it needs (`'static`), so it may be polled
/// while the guest is suspended.
pub type HostFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<Value, HostError>> + Send + 'static>>;

/// A function usable with
/// [`HostFunctions::register_async`](crate::HostFunctions::register_async):
/// any `Fn(A1, ..., An) -> Fut` with `n <= 6`, every `Ai: DeserializeOwned`,
/// `Fut: Future<Output = R> + Send + 'static` and `R:` [`IntoHostResult`]
/// (an `async move` block, an `async fn`). `Marker` is inferred.
///
/// This trait is sealed; it only exists to be named in bounds.
///
/// ```
/// use mpwasm_host::AsyncHostFn;
///
/// fn assert_async_host_fn<M>(_: impl AsyncHostFn<M>) {}
/// assert_async_host_fn(|a: i64, b: i64| async move { a + b });
/// async fn fetch(key: String) -> String { key }
/// assert_async_host_fn(fetch);
/// ```
pub trait AsyncHostFn<Marker>: sealed::Sealed<((), (), Marker)> + Send + Sync + 'static {
    #[doc(hidden)]
    fn start(
        &self,
        function: &str,
        args: &[Value],
        kwargs: &Map<String, Value>,
    ) -> Result<HostFuture, HostError>;
}

macro_rules! impl_async_host_fn {
    ($arity:literal $(, $ty:ident $var:ident $index:literal)*) => {
        impl<F, Fut, R, M, $($ty,)*> sealed::Sealed<((), (), (M, ($($ty,)*)))> for F
        where
            F: Fn($($ty),*) -> Fut + Send + Sync + 'static,
            Fut: std::future::Future<Output = R> + Send + 'static,
            R: IntoHostResult<M>,
            $($ty: DeserializeOwned,)*
        {
        }

        impl<F, Fut, R, M, $($ty,)*> AsyncHostFn<(M, ($($ty,)*))> for F
        where
            F: Fn($($ty),*) -> Fut + Send + Sync + 'static,
            Fut: std::future::Future<Output = R> + Send + 'static,
            R: IntoHostResult<M>,
            $($ty: DeserializeOwned,)*
        {
            #[allow(unused_variables)]
            fn start(
                &self,
                function: &str,
                args: &[Value],
                kwargs: &Map<String, Value>,
            ) -> Result<HostFuture, HostError> {
                check_positional(function, args, kwargs, $arity)?;
                $(let $var: $ty = positional(function, args, $index, $arity)?;)*
                let future = self($($var),*);
                Ok(Box::pin(async move { future.await.into_host_result() }))
            }
        }
    };
}

impl_async_host_fn!(0);
impl_async_host_fn!(1, A1 a1 0);
impl_async_host_fn!(2, A1 a1 0, A2 a2 1);
impl_async_host_fn!(3, A1 a1 0, A2 a2 1, A3 a3 2);
impl_async_host_fn!(4, A1 a1 0, A2 a2 1, A3 a3 2, A4 a4 3);
impl_async_host_fn!(5, A1 a1 0, A2 a2 1, A3 a3 2, A4 a4 3, A5 a5 4);
impl_async_host_fn!(6, A1 a1 0, A2 a2 1, A3 a3 2, A4 a4 3, A5 a5 4, A6 a6 5);
