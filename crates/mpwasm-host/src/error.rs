//! Error types: what the guest sees ([`HostError`]), what the host keeps
//! ([`HostFailure`]), and what registration rejects ([`RegisterError`]).

use std::fmt;

/// The error a host function returns to the guest.
///
/// There are two kinds:
///
/// * **Guest-visible** errors, created with [`HostError::new`] or one of the
///   shortcuts such as [`HostError::value_error`]. The guest receives the
///   text `"TypeName: message"`; `host.invoke` raises it as
///   `RuntimeError("TypeName: message")`.
/// * **Internal** errors, created with [`HostError::internal`] or by
///   converting any [`std::error::Error`] (so `?` works inside host
///   functions). Their details are *never* shown to the guest, which only sees
///   `RuntimeError: internal error in host function 'name'`; the bridge
///   records the details as a [`HostFailure`] for the host instead. Panics in
///   host functions are treated the same way.
///
/// `HostError` deliberately does not implement [`std::error::Error`]; that is
/// what allows the blanket `From<E: std::error::Error>` conversion.
///
/// ```
/// use mpwasm_host::HostError;
///
/// let err = HostError::value_error("width must be positive");
/// assert_eq!(err.guest_message("resize"), "ValueError: width must be positive");
///
/// // Errors from other libraries become internal: their text stays on the host.
/// fn parse(s: &str) -> Result<i64, HostError> {
///     Ok(s.parse::<i64>()?)
/// }
/// let err = parse("nope").unwrap_err();
/// assert!(err.is_internal());
/// assert_eq!(
///     err.guest_message("parse"),
///     "RuntimeError: internal error in host function 'parse'",
/// );
/// assert_eq!(err.details(), Some("invalid digit found in string"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct HostError {
    repr: Repr,
}

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Guest { type_name: String, message: String },
    Internal { details: String },
}

impl HostError {
    /// A guest-visible error rendered as `"{type_name}: {message}"`.
    ///
    /// `type_name` is conventionally the name of a Python exception class.
    ///
    /// ```
    /// use mpwasm_host::HostError;
    ///
    /// let err = HostError::new("PermissionError", "read-only");
    /// assert_eq!(err.type_name(), Some("PermissionError"));
    /// assert_eq!(err.message(), Some("read-only"));
    /// ```
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> Self {
        HostError {
            repr: Repr::Guest {
                type_name: type_name.into(),
                message: message.into(),
            },
        }
    }

    /// A `ValueError`.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::value_error("bad").to_string(), "ValueError: bad");
    /// ```
    pub fn value_error(message: impl Into<String>) -> Self {
        Self::new("ValueError", message)
    }

    /// A `TypeError`; also what the bridge reports for wrong argument counts
    /// or types.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::type_error("bad").to_string(), "TypeError: bad");
    /// ```
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new("TypeError", message)
    }

    /// A `KeyError`.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::key_error("'x'").to_string(), "KeyError: 'x'");
    /// ```
    pub fn key_error(message: impl Into<String>) -> Self {
        Self::new("KeyError", message)
    }

    /// An `IndexError`.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::index_error("out of range").to_string(), "IndexError: out of range");
    /// ```
    pub fn index_error(message: impl Into<String>) -> Self {
        Self::new("IndexError", message)
    }

    /// A `RuntimeError`.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::runtime_error("busy").to_string(), "RuntimeError: busy");
    /// ```
    pub fn runtime_error(message: impl Into<String>) -> Self {
        Self::new("RuntimeError", message)
    }

    /// A `NameError`; what the bridge reports for an unknown function.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::name_error("nope").to_string(), "NameError: nope");
    /// ```
    pub fn name_error(message: impl Into<String>) -> Self {
        Self::new("NameError", message)
    }

    /// An internal error: `details` are kept for the host (see
    /// [`Bridge::take_failures`](crate::Bridge::take_failures)) and never
    /// sent to the guest.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// let err = HostError::internal("database password rejected");
    /// assert!(err.is_internal());
    /// assert!(!err.guest_message("lookup").contains("password"));
    /// ```
    pub fn internal(details: impl fmt::Display) -> Self {
        HostError {
            repr: Repr::Internal {
                details: details.to_string(),
            },
        }
    }

    /// Whether this is an internal error (details hidden from the guest).
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert!(!HostError::value_error("x").is_internal());
    /// ```
    pub fn is_internal(&self) -> bool {
        matches!(self.repr, Repr::Internal { .. })
    }

    /// The exception type name of a guest-visible error.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::key_error("k").type_name(), Some("KeyError"));
    /// assert_eq!(HostError::internal("x").type_name(), None);
    /// ```
    pub fn type_name(&self) -> Option<&str> {
        match &self.repr {
            Repr::Guest { type_name, .. } => Some(type_name),
            Repr::Internal { .. } => None,
        }
    }

    /// The message of a guest-visible error.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::key_error("k").message(), Some("k"));
    /// assert_eq!(HostError::internal("x").message(), None);
    /// ```
    pub fn message(&self) -> Option<&str> {
        match &self.repr {
            Repr::Guest { message, .. } => Some(message),
            Repr::Internal { .. } => None,
        }
    }

    /// The host-only details of an internal error.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::internal("disk full").details(), Some("disk full"));
    /// assert_eq!(HostError::value_error("x").details(), None);
    /// ```
    pub fn details(&self) -> Option<&str> {
        match &self.repr {
            Repr::Guest { .. } => None,
            Repr::Internal { details } => Some(details),
        }
    }

    /// The text the guest receives as the response's `error` when this error
    /// comes out of host function `function`.
    ///
    /// ```
    /// # use mpwasm_host::HostError;
    /// assert_eq!(HostError::type_error("no").guest_message("f"), "TypeError: no");
    /// assert_eq!(
    ///     HostError::internal("secret").guest_message("f"),
    ///     "RuntimeError: internal error in host function 'f'",
    /// );
    /// ```
    pub fn guest_message(&self, function: &str) -> String {
        match &self.repr {
            Repr::Guest { type_name, message } => format!("{type_name}: {message}"),
            Repr::Internal { .. } => internal_guest_message(function),
        }
    }
}

/// The guest-visible text for an internal error or panic in `function`.
pub(crate) fn internal_guest_message(function: &str) -> String {
    format!(
        "RuntimeError: internal error in host function '{}'",
        crate::functions::display_name(function)
    )
}

/// Shows `TypeName: message` for guest-visible errors and
/// `internal error: details` for internal ones (host-side logging).
impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Guest { type_name, message } => write!(f, "{type_name}: {message}"),
            Repr::Internal { details } => write!(f, "internal error: {details}"),
        }
    }
}

impl fmt::Debug for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Guest { type_name, message } => f
                .debug_struct("HostError")
                .field("type_name", type_name)
                .field("message", message)
                .finish(),
            Repr::Internal { details } => f
                .debug_struct("HostError")
                .field("internal", details)
                .finish(),
        }
    }
}

/// Any standard error becomes an *internal* [`HostError`]; its text (and
/// its `source()` chain) goes to the host's failure log only.
impl<E> From<E> for HostError
where
    E: std::error::Error + Send + Sync + 'static,
{
    fn from(error: E) -> Self {
        let mut details = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            details.push_str(": ");
            details.push_str(&cause.to_string());
            source = cause.source();
        }
        HostError::internal(details)
    }
}

/// An internal error or panic of a host function, recorded by the
/// [`Bridge`](crate::Bridge) for the host (the guest only saw a generic
/// message).
///
/// ```
/// use mpwasm_host::{Bridge, HostError, HostFunctions};
///
/// let mut functions = HostFunctions::new();
/// functions.register("fail", || -> Result<(), HostError> {
///     Err(HostError::internal("connection refused"))
/// })?;
/// let mut bridge = Bridge::new(functions);
/// bridge.dispatch("fail", br#"{"args": [], "kwargs": {}}"#);
///
/// let failures = bridge.take_failures();
/// assert_eq!(failures.len(), 1);
/// assert_eq!(failures[0].function, "fail");
/// assert_eq!(failures[0].details, "connection refused");
/// assert!(!failures[0].panicked);
/// # Ok::<(), mpwasm_host::RegisterError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostFailure {
    /// The name of the host function that failed.
    pub function: String,
    /// What went wrong: the internal error's details, or the panic message.
    pub details: String,
    /// Whether the function panicked (as opposed to returning an internal error).
    pub panicked: bool,
}

impl fmt::Display for HostFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.panicked { "panicked" } else { "failed" };
        write!(
            f,
            "host function '{}' {what}: {}",
            self.function, self.details
        )
    }
}

/// Why [`HostFunctions`](crate::HostFunctions) refused a registration.
///
/// ```
/// use mpwasm_host::{HostFunctions, RegisterError};
///
/// let mut functions = HostFunctions::new();
/// let err = functions.register("class", || 1).unwrap_err();
/// assert!(matches!(err, RegisterError::Keyword { .. }));
/// assert_eq!(err.to_string(), "host function name 'class' is a Python keyword");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The name is not an ASCII Python identifier of at most
    /// [`MAX_NAME_LEN`](crate::MAX_NAME_LEN) bytes.
    #[error("host function name {name:?} is invalid: {reason}")]
    InvalidName {
        /// The rejected name.
        name: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The name is a Python keyword (`class`, `None`, `lambda`, ...).
    #[error("host function name '{name}' is a Python keyword")]
    Keyword {
        /// The rejected name.
        name: String,
    },
    /// The name is reserved: `host` (the guest module) or a dunder name.
    #[error("host function name '{name}' is reserved")]
    Reserved {
        /// The rejected name.
        name: String,
    },
    /// A function with this name is already registered.
    #[error("host function '{name}' is already registered")]
    Duplicate {
        /// The name registered twice.
        name: String,
    },
    /// A parameter name given to
    /// [`register_with_params`](crate::HostFunctions::register_with_params)
    /// is not a valid identifier, is a keyword, or is repeated.
    #[error("parameter {param:?} of host function '{function}' is invalid: {reason}")]
    InvalidParam {
        /// The function being registered.
        function: String,
        /// The rejected parameter name.
        param: String,
        /// Why it was rejected.
        reason: &'static str,
    },
}
