"""Failure cases of each parameter, and the typed exceptions."""

import pytest

import mpwasm
from mpwasm import (
    GuestException,
    GuestExit,
    GuestTrapped,
    MemoryLimitExceeded,
    MicroPythonReplaySession,
    MicroPythonSession,
    MicroPythonSessionClosed,
    MicroPythonWasmArtifactNotFound,
    MicroPythonWasmError,
    OutOfFuel,
    SessionPoisoned,
    StackOverflow,
    WallTimeout,
    run,
)

ENTRY_POINTS = [
    lambda **kw: run("print(1)", **kw),
    lambda **kw: MicroPythonSession(**kw).run("print(1)"),
    lambda **kw: MicroPythonReplaySession(**kw).run("print(1)"),
]


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=["run", "session", "replay"])
@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"memory_bytes": 0}, "memory_bytes must be greater than zero"),
        ({"memory_bytes": -5}, "memory_bytes must be greater than zero"),
        ({"memory_bytes": 1024}, "memory_bytes must be between"),
        ({"memory_bytes": 8 << 30}, "memory_bytes must be between"),
        ({"fuel": 0}, "fuel must be greater than zero"),
        ({"fuel": -1}, "fuel must be greater than zero"),
        ({"wall_timeout_seconds": 0}, "wall_timeout_seconds must be greater than zero or None"),
        ({"wall_timeout_seconds": -1.0}, "wall_timeout_seconds must be greater than zero or None"),
        ({"wall_timeout_seconds": float("nan")}, "wall_timeout_seconds must be greater than zero"),
        ({"wall_timeout_seconds": float("inf")}, "wall_timeout_seconds must be finite"),
        ({"wall_timeout_seconds": 10.0**9}, "wall_timeout_seconds must be at most a year"),
        ({"host_result_bytes": 0}, "host_result_bytes must be greater than zero"),
        ({"host_result_bytes": 2**31}, "host_result_bytes must fit in a WebAssembly i32"),
        ({"host_result_bytes": 10}, "host_result_bytes"),
        ({"max_output_bytes": 0}, "max_output_bytes must be greater than zero"),
    ],
)
def test_invalid_limits_raise_value_error_naming_the_parameter(entry, kwargs, message):
    with pytest.raises(ValueError) as info:
        entry(**kwargs)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "kwargs",
    [{"memory_bytes": "16"}, {"fuel": 1.5}, {"fuel": True}, {"wall_timeout_seconds": "1"}],
)
def test_wrong_types_raise_type_error(kwargs):
    with pytest.raises(TypeError):
        run("print(1)", **kwargs)


def test_missing_artifact_for_every_entry_point(tmp_path):
    missing = tmp_path / "nope.wasm"
    for call in (
        lambda: run("1", missing),
        lambda: mpwasm.run_micropython_wasi("1", missing),
        lambda: MicroPythonSession(missing),
        lambda: MicroPythonReplaySession(missing),
    ):
        with pytest.raises(MicroPythonWasmArtifactNotFound, match="^MicroPython WASI artifact not found: .*Build it with"):
            call()


def test_artifact_that_is_a_directory_or_not_wasm(tmp_path):
    with pytest.raises(MicroPythonWasmError, match="is not a file"):
        run("1", tmp_path)
    bad = tmp_path / "bad.wasm"
    bad.write_bytes(b"not wasm at all")
    with pytest.raises(MicroPythonWasmError) as info:
        run("1", bad)
    assert info.value.kind == "invalid_artifact"


def test_readonly_dir_must_be_a_directory(tmp_path):
    with pytest.raises(MicroPythonWasmError, match="readonly_dir is not a directory"):
        run("1", readonly_dir=tmp_path / "missing")
    session = MicroPythonSession(readonly_dir=tmp_path / "missing")
    with pytest.raises(MicroPythonWasmError, match="readonly_dir is not a directory"):
        session.run("1")


def test_guest_exception_carries_type_message_traceback_and_output():
    with pytest.raises(GuestException) as info:
        run("import sys\nprint('before')\nsys.stderr.write('err\\n')\nraise KeyError('k')")
    e = info.value
    assert str(e) == "guest exited with code 1: KeyError: 'k'"
    assert (e.type_name, e.message, e.exit_code, e.kind) == ("KeyError", "'k'", 1, "guest_exception")
    assert e.traceback.rstrip().endswith("KeyError: 'k'")
    assert 'line 4' in e.traceback
    assert (e.stdout, e.stderr) == ("before\n", "err\n")
    assert e.fuel_used > 0 and e.duration_seconds > 0


def test_syntax_error_is_a_guest_exception():
    with pytest.raises(GuestException) as info:
        run("def f(:\n    pass")
    assert info.value.type_name == "SyntaxError"


def test_sys_exit_codes():
    with pytest.raises(GuestExit, match="^guest exited with code 3$") as info:
        run("import sys\nprint('bye')\nsys.exit(3)")
    assert info.value.exit_code == 3
    assert info.value.stdout == "bye\n"
    assert run("import sys\nsys.exit(0)").exit_code == 0


def test_out_of_fuel():
    with pytest.raises(OutOfFuel, match="^guest trapped: all fuel consumed by WebAssembly") as info:
        run("print('start')\nwhile True:\n    pass", fuel=1_000_000, wall_timeout_seconds=None)
    assert isinstance(info.value, GuestTrapped)
    assert info.value.stdout == "start\n"
    assert info.value.kind == "out_of_fuel"


def test_wall_timeout():
    with pytest.raises(WallTimeout, match="^guest trapped: wall-clock timeout") as info:
        run("while True:\n    pass", fuel=None, wall_timeout_seconds=0.05)
    assert 0.05 <= info.value.duration_seconds < 2


def test_memory_limit():
    with pytest.raises(MemoryLimitExceeded) as info:
        run("x = bytearray(64 * 1024 * 1024)", memory_bytes=8 << 20)
    assert info.value.type_name == "MemoryError"
    assert str(info.value).startswith("guest exited with code 1: MemoryError")
    assert isinstance(info.value, GuestException)


def test_recursion_is_a_guest_exception_not_a_crash():
    with pytest.raises(GuestException) as info:
        run("def f(n):\n    return f(n + 1)\nf(0)", fuel=None)
    assert info.value.type_name == "RecursionError"
    assert "recursion" in info.value.message


def test_stack_overflow_class_is_a_trap():
    assert issubclass(StackOverflow, GuestTrapped)
    assert issubclass(GuestTrapped, MicroPythonWasmError)
    assert issubclass(MicroPythonWasmError, RuntimeError)


def test_session_exception_message_is_type_and_message_and_session_survives():
    with MicroPythonSession() as session:
        session.run("x = 1")
        with pytest.raises(GuestException, match="^ValueError: boom$") as info:
            session.run("print('partial')\nraise ValueError('boom')")
        assert info.value.stdout == "partial\n"
        assert session.run("print(x)").stdout == "1\n"


def test_session_trap_stops_it_until_reset():
    session = MicroPythonSession(fuel=200_000)
    session.run("x = 41")
    # Stuck in C (no safe point to raise at): a trap after the grace fuel.
    with pytest.raises(OutOfFuel, match="^MicroPythonSession stopped: guest trapped: ") as info:
        session.run("sum(range(10**9))")
    assert not info.value.session_kept
    assert session.poisoned_by == "out_of_fuel"
    with pytest.raises(SessionPoisoned, match="^MicroPythonSession stopped: guest trapped: ") as info:
        session.run("print(x)")
    assert info.value.cause == "out_of_fuel"
    session.reset()
    assert session.poisoned_by is None
    assert session.run("print('fresh')").stdout == "fresh\n"
    with pytest.raises(GuestException, match="NameError"):
        session.run("print(x)")


def test_session_wall_timeout_default_is_none_like_the_reference():
    assert MicroPythonSession().wall_timeout_seconds is None
    assert MicroPythonReplaySession().wall_timeout_seconds == 1.0
    session = MicroPythonSession(wall_timeout_seconds=0.05, fuel=None)
    with pytest.raises(WallTimeout, match="^MicroPythonSession stopped: guest trapped: wall-clock"):
        session.run("while True:\n    pass")


def test_closed_sessions():
    for cls, name in ((MicroPythonSession, "MicroPythonSession"), (MicroPythonReplaySession, "MicroPythonReplaySession")):
        session = cls()
        session.run("x = 1")
        session.close()
        assert session.closed
        with pytest.raises(MicroPythonSessionClosed, match=f"^{name} is closed$"):
            session.run("print(x)")
        with pytest.raises(MicroPythonSessionClosed):
            session.register_function(len)
        with pytest.raises(MicroPythonSessionClosed):
            with session:
                pass
        session.close()  # twice is fine


def test_replay_session_close_clears_snippets():
    session = MicroPythonReplaySession()
    session.run("x = 1")
    assert session.snippets == ("x = 1",)
    session.close()
    assert session.snippets == ()


def test_replay_session_trap_is_not_kept():
    session = MicroPythonReplaySession(fuel=300_000)
    session.run("x = 5")
    with pytest.raises(OutOfFuel, match="^guest trapped: "):
        session.run("x = 6\nwhile True:\n    pass")
    assert session.run("print(x)").stdout == "5\n"
