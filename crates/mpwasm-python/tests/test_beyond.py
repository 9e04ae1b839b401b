"""What the reference does not have: output caps, fuel used and duration,
snapshots, reset, exit codes."""

import pytest

import mpwasm
from mpwasm import MicroPythonSession, MicroPythonWasmError, RunResult, run


def test_run_result_is_constructible_with_the_reference_keywords():
    r = RunResult(stdout="a", stderr="b", fuel_remaining=3)
    assert (r.stdout, r.stderr, r.fuel_remaining) == ("a", "b", 3)
    assert (r.stdout_truncated, r.stderr_truncated, r.fuel_used, r.exit_code) == (False, False, 0, 0)
    assert r == RunResult("a", "b", 3)


def test_fuel_used_and_duration():
    small = run("x = 1")
    big = run("for i in range(10000):\n    pass")
    assert 0 < small.fuel_used < big.fuel_used
    assert small.fuel_used + small.fuel_remaining == mpwasm.DEFAULT_FUEL
    assert 0 < small.duration_seconds < 1
    assert run("x = 1", fuel=None).fuel_used > 0


def test_output_caps():
    r = run("import sys\nprint('x' * 5000)\nsys.stderr.write('e' * 3000)", max_output_bytes=1000)
    assert r.stdout == "x" * 1000 and r.stdout_truncated
    assert r.stderr == "e" * 1000 and r.stderr_truncated
    r = run("print('short')", max_output_bytes=1000)
    assert not r.stdout_truncated and not r.stderr_truncated


def test_output_cap_in_a_session_and_in_errors():
    session = MicroPythonSession(max_output_bytes=100)
    assert session.run("print('y' * 500)").stdout_truncated
    with pytest.raises(MicroPythonWasmError) as info:
        session.run("print('z' * 500)\n1/0")
    assert info.value.stdout == "z" * 100 and info.value.stdout_truncated


def test_stderr_is_kept():
    r = run("import sys\nsys.stderr.write('warn\\n')\nprint('out')")
    assert (r.stdout, r.stderr) == ("out\n", "warn\n")


def test_snapshot_and_restore():
    session = MicroPythonSession()
    session.run("import math\nclass P:\n    def __init__(self, r): self.r = r\n    def area(self): return math.pi * self.r ** 2\np = P(2)\nhist = [1, 2, 3]")
    data = session.snapshot()
    assert isinstance(data, bytes) and len(data) > 0
    session.run("hist.append(99)")
    restored = MicroPythonSession.restore(data)
    assert restored.started
    assert restored.run("print(round(p.area(), 3), hist)").stdout == "12.566 [1, 2, 3]\n"
    # The original goes on independently.
    assert session.run("print(hist)").stdout == "[1, 2, 3, 99]\n"
    # Twice from the same bytes.
    again = MicroPythonSession.restore(data)
    assert again.run("print(len(hist))").stdout == "3\n"


def test_restore_with_host_functions_and_limits():
    session = MicroPythonSession()
    session.run("x = 20")
    data = session.snapshot()
    restored = MicroPythonSession.restore(data, host_functions={"inc": lambda n: n + 1}, fuel=10_000_000)
    assert restored.run("print(inc(x))").stdout == "21\n"
    assert set(restored.host_functions) == {"inc"}


def test_restore_rejects_garbage():
    with pytest.raises(MicroPythonWasmError) as info:
        MicroPythonSession.restore(b"not a session image")
    assert info.value.kind == "invalid_image"
    with pytest.raises(TypeError):
        MicroPythonSession.restore(None)


def test_snapshot_of_a_fresh_session_starts_it():
    session = MicroPythonSession()
    assert not session.started
    restored = MicroPythonSession.restore(session.snapshot())
    assert session.started
    assert restored.run("print('ok')").stdout == "ok\n"


def test_reset_clears_state_but_keeps_host_functions():
    session = MicroPythonSession(host_functions={"one": lambda: 1})
    session.run("x = 5")
    session.reset()
    assert not session.started
    assert session.run("print(one(), 'x' in globals())").stdout == "1 False\n"


def test_reset_reopens_a_closed_session():
    session = MicroPythonSession()
    session.close()
    assert session.closed
    session.reset()
    assert not session.closed
    assert session.run("print(3)").stdout == "3\n"


def test_exit_code_in_a_session_keeps_it_alive():
    session = MicroPythonSession()
    session.run("x = 1")
    with pytest.raises(mpwasm.GuestExit) as info:
        session.run("import sys\nsys.exit(4)")
    assert info.value.exit_code == 4
    assert session.run("print(x)").stdout == "1\n"


def test_every_error_has_a_kind_and_the_run_facts():
    with pytest.raises(MicroPythonWasmError) as info:
        run("print('o')\nraise OSError(5)")
    e = info.value
    assert e.kind == "guest_exception" and e.stdout == "o\n" and e.fuel_remaining > 0
