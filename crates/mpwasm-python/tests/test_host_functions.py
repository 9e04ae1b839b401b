"""Python callables as host functions: values, errors, limits."""

import pytest

import mpwasm
from mpwasm import GuestException, MicroPythonReplaySession, MicroPythonSession, MicroPythonWasmError, run


def echo(*args, **kwargs):
    return {"args": list(args), "kwargs": kwargs}


def test_json_values_cross_both_ways():
    session = MicroPythonSession(host_functions={"echo": echo})
    out = session.run(
        "r = echo(None, True, False, 7, -2**40, 1.5, 'é', [1, [2]], {'a': {'b': None}}, k=(1, 2))\n"
        "print(r['args'])\nprint(r['kwargs'])\nprint(r['args'][6] == '\\u00e9')"
    ).stdout
    # MicroPython's repr escapes non-ASCII characters.
    assert out == (
        "[None, True, False, 7, -1099511627776, 1.5, 'é', [1, [2]], {'a': {'b': None}}]\n"
        "{'k': [1, 2]}\nTrue\n"
    )


def test_results_of_every_json_type():
    values = {"none": None, "t": True, "i": 2**63 - 1, "f": 0.25, "s": "x\ny", "l": (1, "a"), "d": {"k": [1]}}
    session = MicroPythonSession()
    for name, value in values.items():
        session.register_function(lambda v=value: v, name=name)
    out = session.run("for n in ('none', 't', 'i', 'f', 's', 'l', 'd'):\n    print(repr(globals()[n]()))").stdout
    assert out == "None\nTrue\n9223372036854775807\n0.25\n'x\\ny'\n[1, 'a']\n{'k': [1]}\n"


@pytest.mark.parametrize("value", [object(), {1: "int key"}, float("nan"), 2**70, b"bytes"])
def test_unserializable_results_raise_type_error_in_the_guest(value):
    session = MicroPythonSession(host_functions={"bad": lambda: value})
    out = session.run("try:\n    bad()\nexcept RuntimeError as e:\n    print(e)").stdout
    assert out == "TypeError: host result is not JSON serializable\n"


def test_self_containing_result_does_not_crash():
    loop = []
    loop.append(loop)
    session = MicroPythonSession(host_functions={"loop": lambda: loop})
    out = session.run("try:\n    loop()\nexcept RuntimeError as e:\n    print(e)").stdout
    assert out == "TypeError: host result is not JSON serializable\n"


def test_host_exceptions_of_any_type_become_runtime_errors():
    def wrong_args(a):
        return a

    class Custom(Exception):
        pass

    def custom():
        raise Custom("mine")

    session = MicroPythonSession(host_functions={"wrong_args": wrong_args, "custom": custom})
    out = session.run(
        "for f in (lambda: wrong_args(), lambda: wrong_args(1, 2), custom):\n"
        "    try:\n        f()\n    except RuntimeError as e:\n        print(e)"
    ).stdout
    lines = out.splitlines()
    assert lines[0].startswith("TypeError: ") and "missing 1 required positional argument" in lines[0]
    assert lines[1].startswith("TypeError: ") and "takes 1 positional argument" in lines[1]
    assert lines[2] == "Custom: mine"


def test_uncaught_host_error_fails_the_run_as_a_guest_runtime_error():
    def fail():
        raise ValueError("nope")

    with pytest.raises(GuestException) as info:
        run("import host\nhost.invoke('fail')", host_functions={"fail": fail})
    assert (info.value.type_name, info.value.message) == ("RuntimeError", "ValueError: nope")


def test_raw_envelope_for_an_error():
    def fail():
        raise ValueError("bad")

    out = run(
        "import host\nprint(host.call('fail', '{\"args\": [], \"kwargs\": {}}'))",
        host_functions={"fail": fail},
    ).stdout
    assert out == '{"ok":false,"error":"ValueError: bad"}\n'


def test_host_result_bytes_caps_a_result():
    big = "x" * 5000
    session = MicroPythonSession(host_functions={"big": lambda: big}, host_result_bytes=4096)
    out = session.run("try:\n    big()\nexcept Exception as e:\n    print(type(e).__name__, e)").stdout
    assert out == "ValueError host callback result too large\n"
    fits = MicroPythonSession(host_functions={"big": lambda: big}, host_result_bytes=8192)
    assert fits.run("print(len(big()))").stdout == "5000\n"


def test_default_host_result_bytes_allows_large_results():
    data = "y" * 200_000
    # Decoding 200 kB in the guest costs more than the default 20M fuel.
    session = MicroPythonSession(host_functions={"data": lambda: data}, fuel=None)
    assert session.run("print(len(data()))").stdout == "200000\n"


@pytest.mark.parametrize("name", ["1abc", "has space", "a-b", "é-"])
def test_invalid_names(name):
    with pytest.raises(ValueError, match="host function name is not a valid Python identifier"):
        MicroPythonSession().register_function(len, name=name)
    with pytest.raises(ValueError, match="host function name is not a valid Python identifier"):
        run("1", host_functions={name: len})


def test_empty_name_means_the_function_name_and_is_invalid_in_a_mapping():
    session = MicroPythonSession()
    session.register_function(len, name="")
    assert set(session.host_functions) == {"len"}
    with pytest.raises(ValueError):
        run("1", host_functions={"": len})


def test_keyword_names_are_rejected():
    with pytest.raises(ValueError):
        MicroPythonSession().register_function(len, name="class")


def test_not_callable():
    with pytest.raises(TypeError, match="register_function\\(\\) expected a callable"):
        MicroPythonSession().register_function(42, name="x")


def test_lambda_needs_a_name():
    with pytest.raises(ValueError):
        MicroPythonSession().register_function(lambda: 1)


def test_register_after_start_and_replace():
    session = MicroPythonSession()
    session.run("x = 3")
    session.register_function(lambda n: n * 2, name="double")
    assert session.run("print(double(x))").stdout == "6\n"
    session.register_function(lambda n: n * 3, name="double")
    assert session.run("print(double(x))").stdout == "9\n"
    assert set(session.host_functions) == {"double"}
    copy = session.host_functions
    copy.clear()
    assert set(session.host_functions) == {"double"}


def test_replay_session_host_functions_are_called_again_on_replay():
    calls = []

    def record(v):
        calls.append(v)
        return len(calls)

    session = MicroPythonReplaySession(host_functions={"record": record})
    session.run("a = record('first')")
    session.run("print(a)")
    assert calls == ["first", "first"]
    assert set(session.host_functions) == {"record"}


def test_host_function_running_code_in_its_own_session_is_an_error_not_a_deadlock():
    session = MicroPythonSession()

    def nested():
        try:
            session.run("print(1)")
        except MicroPythonWasmError as e:
            return str(e)
        return "ran"

    session.register_function(nested)
    out = session.run("print(nested())").stdout
    assert out.startswith("the session is already running on this thread")


def test_host_function_may_use_another_session():
    other = MicroPythonSession()
    other.run("y = 20")
    session = MicroPythonSession(host_functions={"ask": lambda: other.run("print(y + 1)").stdout})
    assert session.run("print(ask())").stdout == "21\n\n"


def test_system_exit_in_a_host_function_stops_the_run_and_propagates():
    def leave():
        raise SystemExit(7)

    session = MicroPythonSession(host_functions={"leave": leave}, fuel=None)
    with pytest.raises(SystemExit) as info:
        session.run("try:\n    leave()\nexcept RuntimeError:\n    pass\nwhile True:\n    pass")
    assert info.value.code == 7


def test_fuel_remaining_is_reported_for_sessions():
    session = MicroPythonSession(fuel=5_000_000)
    first = session.run("x = 1").fuel_remaining
    assert 0 < first < 5_000_000
    # Fuel is refreshed for each run.
    assert abs(session.run("x = 2").fuel_remaining - first) < 1_000_000


def test_none_fuel_is_unmetered():
    assert run("print(1)", fuel=None).fuel_remaining is None
    assert mpwasm.DEFAULT_FUEL == 20_000_000
