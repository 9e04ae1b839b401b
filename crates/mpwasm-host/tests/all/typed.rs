//! Typed registration: arities, argument errors, keyword binding.

use std::collections::HashMap;

use mpwasm_host::{CallContext, HostError, HostFunctions, RegisterError};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::kwargs;

fn call(functions: &HostFunctions, name: &str, args: Value) -> Result<Value, HostError> {
    call_kw(functions, name, args, json!({}))
}

fn call_kw(
    functions: &HostFunctions,
    name: &str,
    args: Value,
    kw: Value,
) -> Result<Value, HostError> {
    let Value::Array(args) = args else {
        panic!("args must be an array")
    };
    functions.call(name, &mut (), &args, &kwargs(kw))
}

fn type_error(message: &str) -> Result<Value, HostError> {
    Err(HostError::type_error(message))
}

#[test]
fn arities_zero_to_six() {
    let mut f = HostFunctions::new();
    f.register("f0", || 0)
        .unwrap()
        .register("f1", |a: i32| a)
        .unwrap()
        .register("f2", |a: i32, b: i32| a + b)
        .unwrap()
        .register("f3", |a: i32, b: i32, c: i32| a + b + c)
        .unwrap()
        .register("f4", |a: i32, b: i32, c: i32, d: i32| a + b + c + d)
        .unwrap()
        .register("f5", |a: i32, b: i32, c: i32, d: i32, e: i32| {
            a + b + c + d + e
        })
        .unwrap()
        .register(
            "f6",
            |a: String, b: bool, c: f64, d: Vec<u8>, e: Option<i8>, g: HashMap<String, i64>| {
                format!("{a} {b} {c} {d:?} {e:?} {}", g.len())
            },
        )
        .unwrap();
    assert_eq!(call(&f, "f0", json!([])), Ok(json!(0)));
    assert_eq!(call(&f, "f1", json!([1])), Ok(json!(1)));
    assert_eq!(call(&f, "f2", json!([1, 2])), Ok(json!(3)));
    assert_eq!(call(&f, "f3", json!([1, 2, 3])), Ok(json!(6)));
    assert_eq!(call(&f, "f4", json!([1, 2, 3, 4])), Ok(json!(10)));
    assert_eq!(call(&f, "f5", json!([1, 2, 3, 4, 5])), Ok(json!(15)));
    assert_eq!(
        call(&f, "f6", json!(["s", true, 1.5, [1, 2], null, {"a": 1}])),
        Ok(json!("s true 1.5 [1, 2] None 1"))
    );
}

#[test]
fn plain_functions_and_closures_with_captures() {
    fn double(x: i64) -> i64 {
        x * 2
    }
    let prefix = String::from(">> ");
    let mut f = HostFunctions::new();
    f.register("double", double)
        .unwrap()
        .register("prefixed", move |s: String| format!("{prefix}{s}"))
        .unwrap()
        .register("upper", |s: String| s.to_uppercase())
        .unwrap();
    assert_eq!(call(&f, "double", json!([21])), Ok(json!(42)));
    assert_eq!(call(&f, "prefixed", json!(["hi"])), Ok(json!(">> hi")));
    assert_eq!(call(&f, "upper", json!(["straße"])), Ok(json!("STRASSE")));
}

#[test]
fn wrong_argument_counts() {
    let mut f = HostFunctions::new();
    f.register("zero", || 0)
        .unwrap()
        .register("one", |a: i32| a)
        .unwrap()
        .register("two", |a: i32, b: i32| a + b)
        .unwrap();
    assert_eq!(
        call(&f, "zero", json!([1])),
        type_error("zero() takes 0 positional arguments but 1 was given")
    );
    assert_eq!(
        call(&f, "one", json!([])),
        type_error("one() takes 1 positional argument but 0 were given")
    );
    assert_eq!(
        call(&f, "one", json!([1, 2])),
        type_error("one() takes 1 positional argument but 2 were given")
    );
    assert_eq!(
        call(&f, "two", json!([1])),
        type_error("two() takes 2 positional arguments but 1 was given")
    );
    assert_eq!(
        call(&f, "two", json!([1, 2, 3])),
        type_error("two() takes 2 positional arguments but 3 were given")
    );
}

#[test]
fn wrong_argument_types() {
    let mut f = HostFunctions::new();
    f.register("add", |a: i64, b: i64| a + b)
        .unwrap()
        .register("small", |a: u8| a)
        .unwrap()
        .register("names", |a: Vec<String>| a.join(","))
        .unwrap();
    assert_eq!(
        call(&f, "add", json!([1, "2"])),
        type_error("add() argument 2: invalid type: string \"2\", expected i64")
    );
    assert_eq!(
        call(&f, "add", json!([1.5, 2])),
        type_error("add() argument 1: invalid type: floating point `1.5`, expected i64")
    );
    assert_eq!(
        call(&f, "add", json!([null, 2])),
        type_error("add() argument 1: invalid type: null, expected i64")
    );
    assert_eq!(
        call(&f, "small", json!([300])),
        type_error("small() argument 1: invalid value: integer `300`, expected u8")
    );
    assert_eq!(
        call(&f, "names", json!([["a", 1]])),
        type_error("names() argument 1: invalid type: integer `1`, expected a string")
    );
}

#[test]
fn keyword_arguments_to_positional_functions_are_rejected() {
    let mut f = HostFunctions::new();
    f.register("add", |a: i64, b: i64| a + b).unwrap();
    assert_eq!(
        call_kw(&f, "add", json!([1]), json!({"b": 2})),
        type_error("add() got an unexpected keyword argument 'b'")
    );
}

#[test]
fn trailing_options_may_be_omitted() {
    let mut f = HostFunctions::new();
    f.register("opt", |a: i32, b: Option<i32>, c: Option<String>| {
        json!([a, b, c])
    })
    .unwrap();
    assert_eq!(call(&f, "opt", json!([1])), Ok(json!([1, null, null])));
    assert_eq!(call(&f, "opt", json!([1, 2])), Ok(json!([1, 2, null])));
    assert_eq!(
        call(&f, "opt", json!([1, null, "c"])),
        Ok(json!([1, null, "c"]))
    );
    assert_eq!(
        call(&f, "opt", json!([])),
        type_error("opt() takes 3 positional arguments but 0 were given")
    );
}

#[test]
fn raw_json_values_as_arguments_and_results() {
    let mut f = HostFunctions::new();
    f.register("keys", |v: Map<String, Value>| {
        v.keys().cloned().collect::<Vec<_>>()
    })
    .unwrap()
    .register("echo", |v: Value| v)
    .unwrap();
    assert_eq!(
        call(&f, "keys", json!([{"b": 1, "a": 2}])),
        Ok(json!(["a", "b"]))
    );
    assert_eq!(
        call(&f, "echo", json!([[1, {"x": null}]])),
        Ok(json!([1, {"x": null}]))
    );
    assert_eq!(
        call(&f, "echo", json!([])),
        Ok(json!(null)),
        "a missing Value is null"
    );
}

#[test]
fn results_and_errors() {
    let mut f = HostFunctions::new();
    f.register("checked_div", |a: i64, b: i64| {
        a.checked_div(b)
            .ok_or_else(|| HostError::new("ZeroDivisionError", "division by zero"))
    })
    .unwrap()
    .register("lookup", |key: String| -> Result<i32, HostError> {
        let table = HashMap::from([("one".to_owned(), 1)]);
        table
            .get(&key)
            .copied()
            .ok_or_else(|| HostError::key_error(format!("'{key}'")))
    })
    .unwrap()
    .register("unit", || ())
    .unwrap()
    .register("tuple", || (1, "two", [3.5]))
    .unwrap();
    assert_eq!(call(&f, "checked_div", json!([7, 2])), Ok(json!(3)));
    assert_eq!(
        call(&f, "checked_div", json!([7, 0])),
        Err(HostError::new("ZeroDivisionError", "division by zero"))
    );
    assert_eq!(call(&f, "lookup", json!(["one"])), Ok(json!(1)));
    assert_eq!(
        call(&f, "lookup", json!(["two"])),
        Err(HostError::key_error("'two'"))
    );
    assert_eq!(call(&f, "unit", json!([])), Ok(json!(null)));
    assert_eq!(call(&f, "tuple", json!([])), Ok(json!([1, "two", [3.5]])));
}

#[test]
fn unserializable_results_are_internal_errors() {
    let mut f = HostFunctions::new();
    f.register("tuple_keys", || HashMap::from([((1, 2), 3)]))
        .unwrap()
        .register("nan", || f64::NAN)
        .unwrap();
    let err = call(&f, "tuple_keys", json!([])).unwrap_err();
    assert!(err.is_internal());
    assert_eq!(
        err.details(),
        Some("cannot serialize the return value to JSON: key must be a string")
    );
    // serde_json turns non-finite floats into null.
    assert_eq!(call(&f, "nan", json!([])), Ok(json!(null)));
}

#[test]
fn std_errors_become_internal_with_source_chain() {
    #[derive(Debug, thiserror::Error)]
    #[error("outer failure")]
    struct Outer(#[source] std::io::Error);

    let mut f = HostFunctions::new();
    f.register("io", || -> Result<(), HostError> {
        Err(Outer(std::io::Error::other("disk on fire")))?
    })
    .unwrap();
    let err = call(&f, "io", json!([])).unwrap_err();
    assert!(err.is_internal());
    assert_eq!(err.details(), Some("outer failure: disk on fire"));
    assert_eq!(
        err.guest_message("io"),
        "RuntimeError: internal error in host function 'io'"
    );
}

#[test]
fn context_functions_see_name_and_state() {
    let mut f = HostFunctions::new();
    f.register_with_context("whoami", |cx: &mut CallContext<'_>| {
        cx.function().to_owned()
    })
    .unwrap()
    .register_with_context(
        "push",
        |cx: &mut CallContext<'_>, item: String, times: usize| match cx.state::<Vec<String>>() {
            Some(items) => {
                items.extend(std::iter::repeat_n(item, times));
                Ok(items.len())
            }
            None => Err(HostError::runtime_error("no list")),
        },
    )
    .unwrap();
    assert_eq!(call(&f, "whoami", json!([])), Ok(json!("whoami")));

    let mut items: Vec<String> = vec![];
    let args = [json!("a"), json!(2)];
    assert_eq!(f.call("push", &mut items, &args, &Map::new()), Ok(json!(2)));
    assert_eq!(items, ["a", "a"]);
    assert_eq!(
        call(&f, "push", json!(["a", 1])),
        Err(HostError::runtime_error("no list")),
        "state of another type"
    );
    assert_eq!(
        call(&f, "push", json!(["a"])),
        type_error("push() takes 2 positional arguments but 1 was given")
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormatName {
    first: String,
    last: String,
    title: Option<String>,
}

fn format_name_functions() -> HostFunctions {
    let mut f = HostFunctions::new();
    f.register_with_params("format_name", &["first", "last"], |p: FormatName| {
        match p.title {
            Some(title) => format!("{title} {} {}", p.first, p.last),
            None => format!("{} {}", p.first, p.last),
        }
    })
    .unwrap();
    f
}

#[test]
fn params_bind_positional_and_keyword_arguments() {
    let f = format_name_functions();
    let ok = |s: &str| Ok(json!(s));
    assert_eq!(
        call(&f, "format_name", json!(["Ada", "Lovelace"])),
        ok("Ada Lovelace")
    );
    assert_eq!(
        call_kw(
            &f,
            "format_name",
            json!(["Ada"]),
            json!({"last": "Lovelace"})
        ),
        ok("Ada Lovelace")
    );
    assert_eq!(
        call_kw(
            &f,
            "format_name",
            json!([]),
            json!({"last": "Lovelace", "first": "Ada", "title": "Countess"})
        ),
        ok("Countess Ada Lovelace")
    );
}

#[test]
fn params_errors() {
    let f = format_name_functions();
    assert_eq!(
        call_kw(
            &f,
            "format_name",
            json!(["Ada", "L"]),
            json!({"first": "B"})
        ),
        type_error("format_name() got multiple values for argument 'first'")
    );
    assert_eq!(
        call(&f, "format_name", json!(["Ada", "Lovelace", "Countess"])),
        type_error("format_name() takes 2 positional arguments but 3 were given")
    );
    assert_eq!(
        call(&f, "format_name", json!(["Ada"])),
        type_error("format_name(): missing field `last`")
    );
    assert_eq!(
        call_kw(&f, "format_name", json!(["Ada", "L"]), json!({"age": 36})),
        type_error("format_name(): unknown field `age`, expected one of `first`, `last`, `title`")
    );
    assert_eq!(
        call(&f, "format_name", json!(["Ada", 1])),
        type_error("format_name(): invalid type: integer `1`, expected a string")
    );
}

#[test]
fn params_with_result_return() {
    #[derive(Deserialize)]
    struct Range {
        start: i64,
        stop: i64,
        step: Option<i64>,
    }
    let mut f = HostFunctions::new();
    f.register_with_params("span", &["start", "stop", "step"], |r: Range| {
        let step = r.step.unwrap_or(1);
        if step == 0 {
            return Err(HostError::value_error("step must not be zero"));
        }
        Ok((r.stop - r.start) / step)
    })
    .unwrap();
    assert_eq!(call(&f, "span", json!([0, 10])), Ok(json!(10)));
    assert_eq!(
        call_kw(&f, "span", json!([0, 10]), json!({"step": 5})),
        Ok(json!(2))
    );
    assert_eq!(
        call(&f, "span", json!([0, 10, 0])),
        Err(HostError::value_error("step must not be zero"))
    );
}

#[test]
fn invalid_param_names_are_rejected() {
    let mut f = HostFunctions::new();
    let cases: [(&[&str], &str, &str); 4] = [
        (&["a", "a"], "a", "duplicate parameter name"),
        (&["lambda"], "lambda", "a Python keyword"),
        (
            &["1st"],
            "1st",
            "must start with an ASCII letter or underscore",
        ),
        (&[""], "", "empty"),
    ];
    for (params, param, reason) in cases {
        let err = f
            .register_with_params("g", params, |v: Value| v)
            .unwrap_err();
        assert_eq!(
            err,
            RegisterError::InvalidParam {
                function: "g".into(),
                param: param.into(),
                reason,
            }
        );
    }
    assert!(!f.contains("g"));
}

#[test]
fn bind_params_in_raw_functions() {
    #[derive(Deserialize)]
    struct Args {
        x: i64,
        y: Option<i64>,
    }
    let mut f = HostFunctions::new();
    f.register_raw("raw", |cx, args, kwargs| {
        let Args { x, y } = mpwasm_host::bind_params(cx.function(), &["x", "y"], args, kwargs)?;
        Ok(json!(x + y.unwrap_or(0)))
    })
    .unwrap();
    assert_eq!(
        call_kw(&f, "raw", json!([1]), json!({"y": 2})),
        Ok(json!(3))
    );
    assert_eq!(
        call(&f, "raw", json!([])),
        type_error("raw(): missing field `x`")
    );
}
