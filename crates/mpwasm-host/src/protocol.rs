//! The JSON wire format between the guest's `host` module and the bridge,
//! as pure functions (no wasm involved).
//!
//! A request payload is `{"args": [...], "kwargs": {...}}`; a response is
//! `{"ok": true, "value": v}` or `{"ok": false, "error": "TypeName: message"}`.

use std::fmt;

use serde_json::{Map, Value};

use crate::error::HostError;

/// A decoded call request: the positional and keyword arguments.
///
/// ```
/// use mpwasm_host::{Request, decode_request, encode_request};
/// use serde_json::json;
///
/// let request = Request::new(vec![json!(1), json!("two")], Default::default());
/// let bytes = encode_request(&request);
/// assert_eq!(bytes, r#"{"args":[1,"two"],"kwargs":{}}"#);
/// assert_eq!(decode_request(bytes.as_bytes()), Ok(request));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    /// Positional arguments, in order.
    pub args: Vec<Value>,
    /// Keyword arguments.
    pub kwargs: Map<String, Value>,
}

impl Request {
    /// A request with these arguments.
    ///
    /// ```
    /// # use mpwasm_host::Request;
    /// let request = Request::new(vec![], Default::default());
    /// assert!(request.args.is_empty() && request.kwargs.is_empty());
    /// ```
    pub fn new(args: Vec<Value>, kwargs: Map<String, Value>) -> Self {
        Request { args, kwargs }
    }
}

/// Why a request payload could not be decoded.
///
/// Each maps to a guest-visible error ([`RequestError::to_host_error`]).
///
/// ```
/// use mpwasm_host::{RequestError, decode_request};
///
/// assert_eq!(decode_request(b"[1, 2]"), Err(RequestError::NotAnObject { found: "array" }));
/// assert_eq!(
///     decode_request(br#"{"args": {}}"#),
///     Err(RequestError::ArgsNotList { found: "object" }),
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// The payload is not UTF-8.
    InvalidUtf8,
    /// The payload is not JSON (the parser's message).
    MalformedJson(String),
    /// The payload is JSON but not an object.
    NotAnObject {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// `args` is present but not an array.
    ArgsNotList {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// `kwargs` is present but not an object.
    KwargsNotObject {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// The payload object has a key other than `args` and `kwargs`.
    UnexpectedKey(String),
}

impl RequestError {
    /// The error the guest receives for this malformed request.
    ///
    /// ```
    /// use mpwasm_host::RequestError;
    ///
    /// assert_eq!(
    ///     RequestError::InvalidUtf8.to_host_error().to_string(),
    ///     "ValueError: request payload is not valid UTF-8",
    /// );
    /// ```
    pub fn to_host_error(&self) -> HostError {
        match self {
            RequestError::InvalidUtf8 | RequestError::MalformedJson(_) => {
                HostError::value_error(self.to_string())
            }
            _ => HostError::type_error(self.to_string()),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::InvalidUtf8 => f.write_str("request payload is not valid UTF-8"),
            RequestError::MalformedJson(e) => write!(f, "request payload is not valid JSON: {e}"),
            RequestError::NotAnObject { found } => {
                write!(f, "request payload must be a JSON object, got {found}")
            }
            RequestError::ArgsNotList { found } => {
                write!(f, "request 'args' must be a JSON array, got {found}")
            }
            RequestError::KwargsNotObject { found } => {
                write!(f, "request 'kwargs' must be a JSON object, got {found}")
            }
            RequestError::UnexpectedKey(key) => write!(
                f,
                "unexpected key '{}' in request payload",
                crate::functions::display_name(key)
            ),
        }
    }
}

impl std::error::Error for RequestError {}

/// Decodes a request payload (arbitrary bytes: never panics).
///
/// The payload must be a UTF-8 JSON object with at most the keys `args` (an
/// array, default empty) and `kwargs` (an object, default empty).
///
/// ```
/// use mpwasm_host::{RequestError, decode_request};
/// use serde_json::json;
///
/// let request = decode_request(br#"{"args": [1], "kwargs": {"sep": ", "}}"#)?;
/// assert_eq!(request.args, [json!(1)]);
/// assert_eq!(request.kwargs["sep"], json!(", "));
///
/// assert_eq!(decode_request(b"{}")?, Default::default());
/// assert_eq!(decode_request(b"\xff"), Err(RequestError::InvalidUtf8));
/// assert!(matches!(decode_request(b"{"), Err(RequestError::MalformedJson(_))));
/// # Ok::<(), RequestError>(())
/// ```
/// # Errors
///
/// [`RequestError`]: not UTF-8, not JSON, not an object, unexpected keys,
/// `args` not a list or `kwargs` not an object.
pub fn decode_request(payload: &[u8]) -> Result<Request, RequestError> {
    let text = std::str::from_utf8(payload).map_err(|_| RequestError::InvalidUtf8)?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| RequestError::MalformedJson(e.to_string()))?;
    let Value::Object(object) = value else {
        return Err(RequestError::NotAnObject {
            found: json_type(&value),
        });
    };
    let mut request = Request::default();
    for (key, value) in object {
        match (key.as_str(), value) {
            ("args", Value::Array(args)) => request.args = args,
            ("args", other) => {
                return Err(RequestError::ArgsNotList {
                    found: json_type(&other),
                });
            }
            ("kwargs", Value::Object(kwargs)) => request.kwargs = kwargs,
            ("kwargs", other) => {
                return Err(RequestError::KwargsNotObject {
                    found: json_type(&other),
                });
            }
            _ => return Err(RequestError::UnexpectedKey(key)),
        }
    }
    Ok(request)
}

/// Encodes a request payload as the guest's `host.invoke` does (compact
/// JSON).
///
/// ```
/// use mpwasm_host::{Request, encode_request};
/// use serde_json::json;
///
/// let kwargs = json!({"end": "!"}).as_object().unwrap().clone();
/// let request = Request::new(vec![json!("hi")], kwargs);
/// assert_eq!(encode_request(&request), r#"{"args":["hi"],"kwargs":{"end":"!"}}"#);
/// ```
pub fn encode_request(request: &Request) -> String {
    let args = Value::Array(request.args.clone());
    let kwargs = Value::Object(request.kwargs.clone());
    format!("{{\"args\":{args},\"kwargs\":{kwargs}}}")
}

/// A call's response, as sent to the guest.
///
/// ```
/// use mpwasm_host::{Response, encode_response};
/// use serde_json::json;
///
/// assert_eq!(encode_response(&Response::Ok(json!([1, 2]))), r#"{"ok":true,"value":[1,2]}"#);
/// assert_eq!(
///     encode_response(&Response::Error("KeyError: 'x'".into())),
///     r#"{"ok":false,"error":"KeyError: 'x'"}"#,
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// The function returned this value.
    Ok(Value),
    /// The call failed; the guest raises `RuntimeError` with this text
    /// (`"TypeName: message"`).
    Error(String),
}

impl Response {
    /// The response for the result of host function `function`.
    ///
    /// ```
    /// use mpwasm_host::{HostError, Response};
    ///
    /// let response = Response::from_result("f", Err(HostError::value_error("no")));
    /// assert_eq!(response, Response::Error("ValueError: no".into()));
    /// ```
    pub fn from_result(function: &str, result: Result<Value, HostError>) -> Self {
        match result {
            Ok(value) => Response::Ok(value),
            Err(error) => Response::Error(error.guest_message(function)),
        }
    }
}

/// Encodes a response as compact JSON.
///
/// ```
/// use mpwasm_host::{Response, encode_response};
///
/// assert_eq!(encode_response(&Response::Ok(serde_json::Value::Null)), r#"{"ok":true,"value":null}"#);
/// ```
pub fn encode_response(response: &Response) -> String {
    // Written by hand to keep `ok` first whatever serde_json's map ordering.
    match response {
        Response::Ok(value) => format!("{{\"ok\":true,\"value\":{value}}}"),
        Response::Error(error) => {
            format!("{{\"ok\":false,\"error\":{}}}", Value::from(error.as_str()))
        }
    }
}

/// A response that is not a JSON object of the expected shape.
///
/// ```
/// use mpwasm_host::{MalformedResponse, decode_response};
///
/// let err: MalformedResponse = decode_response(b"42").unwrap_err();
/// assert_eq!(err.to_string(), "malformed host response");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("malformed host response")]
#[non_exhaustive]
pub struct MalformedResponse;

/// Decodes a response the way the guest's `host.invoke` does: a true `ok`
/// means success (a missing `value` is `null`); anything else is an error
/// with the `error` text (empty if missing or not a string).
///
/// ```
/// use mpwasm_host::{Response, decode_response};
/// use serde_json::json;
///
/// assert_eq!(decode_response(br#"{"ok":true,"value":3}"#), Ok(Response::Ok(json!(3))));
/// assert_eq!(decode_response(br#"{"ok":true}"#), Ok(Response::Ok(json!(null))));
/// assert_eq!(
///     decode_response(br#"{"ok":false,"error":"ValueError: x"}"#),
///     Ok(Response::Error("ValueError: x".into())),
/// );
/// ```
/// # Errors
///
/// [`MalformedResponse`] when the bytes are not one of the two response
/// shapes.
pub fn decode_response(bytes: &[u8]) -> Result<Response, MalformedResponse> {
    let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(bytes) else {
        return Err(MalformedResponse);
    };
    if object.get("ok") == Some(&Value::Bool(true)) {
        return Ok(Response::Ok(object.remove("value").unwrap_or(Value::Null)));
    }
    match object.remove("error") {
        Some(Value::String(error)) => Ok(Response::Error(error)),
        _ => Ok(Response::Error(String::new())),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
