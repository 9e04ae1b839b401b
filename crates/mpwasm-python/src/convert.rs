//! Python callables as host functions: JSON values to Python objects and
//! back, with the reference package's error texts.

use std::sync::Arc;

use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use mpwasm_core::{HostError, HostFunctions};

use crate::interrupt::Interrupt;

/// Deepest nesting of a host result (a self-containing list would recurse
/// forever).
const MAX_DEPTH: usize = 200;

fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// A host function's result as JSON; `Err` when it is not JSON-compatible.
fn to_json(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, ()> {
    if depth > MAX_DEPTH {
        return Err(());
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return obj.extract::<u64>().map(Value::from).map_err(|_| ());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value()).map(Value::Number).ok_or(());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_str()
            .map(|s| Value::String(s.to_owned()))
            .map_err(|_| ());
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for item in obj.try_iter().map_err(|_| ())? {
            items.push(to_json(&item.map_err(|_| ())?, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| ())?
                .to_str()
                .map_err(|_| ())?;
            map.insert(key.to_owned(), to_json(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    Err(())
}

/// How a Python exception reaches the guest: `RuntimeError("Type: message")`.
fn host_error(py: Python<'_>, err: &PyErr) -> HostError {
    let type_name = err
        .get_type(py)
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "Exception".to_owned());
    let message = err
        .value(py)
        .str()
        .map(|s| s.to_string())
        .unwrap_or_default();
    HostError::new(type_name, message)
}

fn call(
    py: Python<'_>,
    func: &Py<PyAny>,
    interrupt: &Interrupt,
    args: &[Value],
    kwargs: &Map<String, Value>,
) -> Result<Value, HostError> {
    let converted = (|| -> PyResult<(Bound<'_, PyTuple>, Bound<'_, PyDict>)> {
        let positional = args
            .iter()
            .map(|a| to_python(py, a))
            .collect::<PyResult<Vec<_>>>()?;
        let keywords = PyDict::new(py);
        for (k, v) in kwargs {
            keywords.set_item(k, to_python(py, v)?)?;
        }
        Ok((PyTuple::new(py, positional)?, keywords))
    })();
    let (positional, keywords) = converted.map_err(|e| host_error(py, &e))?;
    match func.bind(py).call(positional, Some(&keywords)) {
        Ok(result) => to_json(&result, 0)
            .map_err(|()| HostError::new("TypeError", "host result is not JSON serializable")),
        Err(err) => {
            let error = host_error(py, &err);
            // KeyboardInterrupt, SystemExit, ...: the run stops and the
            // exception is raised in the host once the guest is out.
            if !err.is_instance_of::<PyException>(py) {
                interrupt.keep(err);
            }
            Err(error)
        }
    }
}

/// The callables of `functions` (name -> callable) as host functions.
pub(crate) fn host_functions(
    functions: &Bound<'_, PyDict>,
    interrupt: &Arc<Interrupt>,
) -> PyResult<HostFunctions> {
    let mut table = HostFunctions::new();
    for (name, func) in functions.iter() {
        let name: String = name
            .extract()
            .map_err(|_| PyTypeError::new_err("host function names must be str"))?;
        if !func.is_callable() {
            return Err(PyTypeError::new_err(format!(
                "host function '{name}' is not callable"
            )));
        }
        let func: Py<PyAny> = func.unbind();
        let interrupt = Arc::clone(interrupt);
        table
            .register_raw(&name, move |_cx, args, kwargs| {
                Python::attach(|py| call(py, &func, &interrupt, args, kwargs))
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(table)
}
