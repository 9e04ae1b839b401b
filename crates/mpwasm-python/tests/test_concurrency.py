"""The GIL is released while guest code runs; sessions work from any thread;
Ctrl-C stops a long run."""

import _thread
import signal
import threading
import time

import pytest

import mpwasm
from mpwasm import MicroPythonSession, WallTimeout, run

SPIN = "while True:\n    pass"
# A missed interrupt must fail the test, not hang it.
MISSED_INTERRUPT_SECONDS = 20


@pytest.fixture
def sigint_raises():
    """Python raises KeyboardInterrupt on SIGINT only if SIGINT was not
    ignored when the interpreter started, and a process started in the
    background by a non-interactive shell (as a CI runner may start pytest)
    inherits it ignored: then interrupt_main() and raise_signal(SIGINT) do
    nothing. These tests are about what happens when Python does raise."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_other_python_threads_run_while_the_guest_runs():
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    thread = threading.Thread(target=count)
    thread.start()
    try:
        time.sleep(0.01)
        before = ticks
        with pytest.raises(WallTimeout):
            run(SPIN, fuel=None, wall_timeout_seconds=0.3)
        during = ticks - before
    finally:
        stop.set()
        thread.join()
    # Had the run held the GIL, the counter would have stood still.
    assert during > 10_000


def test_four_threads_with_their_own_sessions():
    results = {}

    def work(n):
        session = MicroPythonSession()
        session.run(f"total = 0\nn = {n}")
        for i in range(25):
            session.run(f"total += n * {i}")
        results[n] = session.run("print(total)").stdout

    threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {n: f"{n * sum(range(25))}\n" for n in range(1, 5)}


def test_one_session_shared_by_threads_serialises_runs():
    session = MicroPythonSession()
    session.run("count = 0")

    def bump():
        for _ in range(25):
            session.run("count += 1")

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert session.run("print(count)").stdout == "100\n"


def test_session_created_in_one_thread_runs_in_another():
    session = MicroPythonSession()
    session.run("x = 'made in main'")
    out = []
    t = threading.Thread(target=lambda: out.append(session.run("print(x)").stdout))
    t.start()
    t.join()
    assert out == ["made in main\n"]


def test_host_functions_called_from_a_worker_thread_run_take_the_gil():
    seen = []

    def where():
        seen.append(threading.current_thread().name)
        return len(seen)

    session = MicroPythonSession(host_functions={"where": where})
    t = threading.Thread(target=lambda: session.run("for _ in range(3): where()"), name="worker")
    t.start()
    t.join()
    assert seen == ["worker"] * 3


def _interrupt_soon(how):
    timer = threading.Timer(0.2, how)
    timer.start()
    return timer


@pytest.mark.parametrize(
    "how",
    [_thread.interrupt_main, lambda: signal.raise_signal(signal.SIGINT)],
    ids=["interrupt_main", "raise_signal"],
)
def test_keyboard_interrupt_stops_a_one_shot_run(how, sigint_raises):
    timer = _interrupt_soon(how)
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            run(SPIN, fuel=None, wall_timeout_seconds=MISSED_INTERRUPT_SECONDS)
    finally:
        timer.cancel()
    assert time.monotonic() - started < 5


def test_keyboard_interrupt_stops_a_session_run_and_keeps_it(sigint_raises):
    session = MicroPythonSession(fuel=None, wall_timeout_seconds=MISSED_INTERRUPT_SECONDS)
    session.run("x = 1\nlog = []")
    timer = _interrupt_soon(_thread.interrupt_main)
    try:
        with pytest.raises(KeyboardInterrupt):
            session.run("try:\n" + "".join("    " + line + "\n" for line in SPIN.splitlines()) + "finally:\n    log.append('finally')")
    finally:
        timer.cancel()
    # The guest got KeyboardInterrupt at a safe point: its finally ran and
    # the VM, with its state, goes on.
    assert session.poisoned_by is None
    assert session.run("print(x, log)").stdout == "1 ['finally']\n"


def test_keyboard_interrupt_in_a_host_function_stops_the_run(sigint_raises):
    def slow():
        # Python code: its eval loop raises the KeyboardInterrupt here.
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pass

    session = MicroPythonSession(
        host_functions={"slow": slow}, fuel=None, wall_timeout_seconds=MISSED_INTERRUPT_SECONDS
    )
    timer = _interrupt_soon(_thread.interrupt_main)
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            session.run("try:\n    slow()\nexcept Exception:\n    pass\nwhile True:\n    pass")
    finally:
        timer.cancel()
    assert time.monotonic() - started < 4


def test_runs_after_an_interrupt_are_normal(sigint_raises):
    timer = _interrupt_soon(_thread.interrupt_main)
    try:
        with pytest.raises(KeyboardInterrupt):
            run(SPIN, fuel=None, wall_timeout_seconds=MISSED_INTERRUPT_SECONDS)
    finally:
        timer.cancel()
    assert run("print('again')").stdout == "again\n"
    assert mpwasm.run("print(1)", wall_timeout_seconds=None).stdout == "1\n"
