"""Soft limits and cancel: a limit or a cancel raises an exception in the
guest at its next safe point, its ``finally`` runs and a session keeps its
state; only a guest that does not stop within the grace period traps."""

import threading
import time

import pytest

from mpwasm import Cancelled, MicroPythonReplaySession, MicroPythonSession, OutOfFuel, WallTimeout, run

LOOP = "try:\n    while True:\n        x['n'] += 0\nfinally:\n    log.append('finally')\n    print('finally ran')"


def _session(**kwargs):
    session = MicroPythonSession(**kwargs)
    session.run("x = {'n': 41}\nlog = []")
    return session


def test_a_session_survives_a_wall_clock_timeout():
    session = _session(fuel=None, wall_timeout_seconds=0.1)
    with pytest.raises(WallTimeout) as info:
        session.run(LOOP)
    e = info.value
    assert e.session_kept and e.interrupt == "wall_clock"
    assert e.stdout == "finally ran\n"
    assert e.traceback.splitlines()[-1] == "LimitExceeded: wall-clock limit reached"
    assert str(e).startswith("MicroPythonSession stopped: guest trapped: wall-clock timeout")
    assert session.poisoned_by is None
    assert session.run("print(x, log)").stdout == "{'n': 41} ['finally']\n"


def test_a_session_survives_a_fuel_trip():
    session = _session(fuel=20_000_000)
    with pytest.raises(OutOfFuel) as info:
        session.run(LOOP)
    assert info.value.session_kept and info.value.interrupt == "fuel"
    assert info.value.fuel_remaining == 0
    assert session.run("print(x['n'], log)").stdout == "41 ['finally']\n"


def test_except_exception_does_not_swallow_the_stop():
    with pytest.raises(OutOfFuel) as info:
        run("try:\n    while True: pass\nexcept Exception:\n    print('swallowed')", fuel=5_000_000)
    assert info.value.stdout == ""
    assert run("print(issubclass(LimitExceeded, Exception))").stdout == "False\n"


def test_cancel_from_another_thread_ends_a_loop_within_50_ms_and_keeps_the_session():
    session = _session(fuel=None)
    latencies = []
    for _ in range(3):
        asked = []

        def stop():
            while not session.cancel():
                time.sleep(0.005)
            asked.append(time.monotonic())

        stopper = threading.Thread(target=stop)
        stopper.start()
        time.sleep(0.02)
        with pytest.raises(Cancelled) as info:
            session.run(LOOP)
        ended = time.monotonic()
        stopper.join()
        latencies.append(ended - asked[0])
        assert info.value.session_kept and info.value.interrupt == "cancel"
        assert info.value.traceback.splitlines()[-1].startswith("KeyboardInterrupt")
    assert max(latencies) < 0.05, latencies
    assert session.run("print(log)").stdout == "['finally', 'finally', 'finally']\n"
    assert not session.cancel()  # nothing running


def test_code_stuck_in_c_past_the_grace_period_poisons():
    session = _session(fuel=None, wall_timeout_seconds=0.05)
    with pytest.raises(WallTimeout) as info:
        session.run("sum(range(10**9))")
    assert not info.value.session_kept
    assert session.poisoned_by == "timeout"


def test_a_replay_session_can_be_cancelled():
    session = MicroPythonReplaySession(fuel=None, wall_timeout_seconds=None)
    session.run("y = 1")

    def stop():
        while not session.cancel():
            time.sleep(0.005)

    stopper = threading.Thread(target=stop)
    stopper.start()
    with pytest.raises(Cancelled):
        session.run("while True: pass")
    stopper.join()
    assert session.snippets == ("y = 1",)
