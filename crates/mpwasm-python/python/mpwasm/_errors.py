"""The exception hierarchy, and the factory the native module calls.

Every class is a :class:`MicroPythonWasmError` (a :class:`RuntimeError`), so
code written for the reference package keeps catching what it caught; the
subclasses say what happened without matching strings. Messages start with the
reference's phrases (``guest exited with code N``, ``guest trapped: ...``,
``MicroPythonSession stopped: ...``), details follow.
"""

from __future__ import annotations

from typing import Any, Dict, Optional


class MicroPythonWasmError(RuntimeError):
    """Base error raised by mpwasm.

    Errors that ended a run carry what the run produced before it ended:
    ``stdout``, ``stderr`` (with ``stdout_truncated``/``stderr_truncated``),
    ``fuel_remaining``, ``fuel_used`` and ``duration_seconds``. ``kind`` is a
    short stable name (``"guest_exception"``, ``"out_of_fuel"``, ...).
    """

    kind: str = "error"
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    fuel_remaining: Optional[int] = None
    fuel_used: int = 0
    duration_seconds: float = 0.0
    exit_code: Optional[int] = None


class MicroPythonWasmArtifactNotFound(MicroPythonWasmError):
    """The configured artifact file does not exist."""


class MicroPythonSessionClosed(MicroPythonWasmError):
    """``run()`` was called after ``close()``."""


class GuestException(MicroPythonWasmError):
    """An uncaught Python exception in the guest (``SyntaxError`` included).

    ``type_name`` is its class name, ``message`` its ``str()``, ``traceback``
    the traceback as MicroPython prints it. ``exit_code`` is 1, as for
    ``micropython -c``.

    >>> import mpwasm
    >>> try:
    ...     mpwasm.run("print('partial')\\n1/0")
    ... except mpwasm.GuestException as e:
    ...     print(e.type_name, repr(e.stdout))
    ZeroDivisionError 'partial\\n'
    """

    type_name: str = ""
    message: str = ""
    traceback: str = ""


class MemoryLimitExceeded(GuestException):
    """The guest needed more memory than ``memory_bytes`` (an uncaught
    ``MemoryError``)."""


class QuotaExceeded(GuestException):
    """The guest went over a quota of the writable ``/output`` folder and the
    ``OSError`` it got (``ENOSPC``, ``EDQUOT`` or ``EFBIG``) ended the run.
    ``quota`` is ``"bytes_written"``, ``"files"`` or ``"file_bytes"``."""

    quota: str = ""


class GuestExit(MicroPythonWasmError):
    """The guest called ``sys.exit(n)`` with ``n != 0``; ``exit_code`` is n."""


class GuestTrapped(MicroPythonWasmError):
    """The guest was stopped by a limit, a cancel or a fault.

    A limit or a cancel first raises an exception in the guest at its next
    safe point (``LimitExceeded`` or ``KeyboardInterrupt``, which ``except
    Exception`` does not catch), so its ``finally`` blocks run; when it stops
    there, ``session_kept`` is true and a session goes on with its state.
    A guest that does not stop within the grace period (stuck in a long C
    call, or swallowing the exception) traps: ``session_kept`` is false and
    the session is poisoned (see :class:`SessionPoisoned`). ``interrupt``
    names what stopped the run (``"wall_clock"``, ``"fuel"``, ``"cancel"``;
    ``None`` for a fault) and ``traceback`` is the guest's traceback when it
    stopped with one.

    >>> import mpwasm
    >>> session = mpwasm.MicroPythonSession(fuel=20_000_000)
    >>> _ = session.run("x = 42")
    >>> try:
    ...     session.run("while True: pass")
    ... except mpwasm.OutOfFuel as e:
    ...     print(e.session_kept, e.interrupt, e.traceback.splitlines()[-1])
    True fuel LimitExceeded: fuel limit reached
    >>> session.run("print(x)").stdout
    '42\\n'
    """

    session_kept: bool = False
    interrupt: Optional[str] = None
    traceback: str = ""


class OutOfFuel(GuestTrapped):
    """The fuel budget (``fuel``) ran out."""


class WallTimeout(GuestTrapped):
    """The wall-clock budget (``wall_timeout_seconds``) ran out."""


class Cancelled(GuestTrapped):
    """The run was cancelled (``session.cancel()`` from another thread)."""


class StackOverflow(GuestTrapped):
    """The native Wasm stack overflowed (deep recursion in guest C code)."""


class OutputCallbackError(MicroPythonWasmError):
    """The ``on_output`` callable raised: it was not called again and the run
    was stopped at the guest's next safe point (its ``finally`` blocks ran).
    The exception it raised is the ``__cause__``; ``stream`` is the stream
    of the text it was given. A session keeps its state."""

    stream: str = ""
    session_kept: bool = True


class SessionPoisoned(MicroPythonWasmError):
    """An earlier run of this session trapped; ``cause`` names the trap
    (``"out_of_fuel"``, ``"timeout"``, ...). ``session.reset()`` starts a
    fresh VM."""

    cause: str = ""


_TRAPS = {
    "out_of_fuel": OutOfFuel,
    "timeout": WallTimeout,
    "cancelled": Cancelled,
    "stack_overflow": StackOverflow,
    "trap": GuestTrapped,
}

_RESULT_FIELDS = (
    "stdout",
    "stderr",
    "stdout_truncated",
    "stderr_truncated",
    "fuel_remaining",
    "fuel_used",
    "duration_seconds",
)

_SESSION_NAMES = {"session": "MicroPythonSession", "replay": "MicroPythonReplaySession"}


def _trap_text(kind: str, facts: Dict[str, Any]) -> str:
    if kind == "out_of_fuel":
        return f"all fuel consumed by WebAssembly (after {facts.get('fuel_used', 0)} units)"
    if kind == "timeout":
        return f"wall-clock timeout after {facts.get('duration_seconds', 0.0):.3f} s (interrupt)"
    if kind == "cancelled":
        return "cancelled"
    if kind == "stack_overflow":
        return "call stack exhausted (stack overflow)"
    detail = str(facts.get("detail", ""))
    return detail[len("guest trapped: ") :] if detail.startswith("guest trapped: ") else detail


def _from_native(kind: str, context: str, facts: Dict[str, Any]) -> BaseException:
    """Build the exception for a failure the native module reports."""
    detail = str(facts.get("detail", ""))
    stopped = "MicroPythonSession stopped: " if context == "session" else ""
    exc: BaseException
    if kind in ("guest_exception", "memory_limit", "quota_exceeded"):
        type_name = facts.get("type_name", "")
        message = facts.get("message", "")
        what = f"{type_name}: {message}" if message else type_name
        # A session reports the exception itself (as the reference does); a
        # one-shot run is `micropython -c`, which exits with code 1.
        text = what if context == "session" else f"guest exited with code 1: {what}"
        cls = {"memory_limit": MemoryLimitExceeded, "quota_exceeded": QuotaExceeded}.get(
            kind, GuestException
        )
        exc = cls(text)
        if kind == "quota_exceeded":
            exc.quota = facts.get("quota", "")
        exc.type_name = type_name
        exc.message = message
        exc.traceback = facts.get("traceback", "")
        exc.exit_code = 1
    elif kind == "exit":
        exc = GuestExit(f"guest exited with code {facts.get('exit_code')}")
        exc.exit_code = facts.get("exit_code")
    elif kind in _TRAPS:
        # The reference's phrase first (its users match it), then how it ended.
        text = f"{stopped}guest trapped: {_trap_text(kind, facts)}"
        if facts.get("session_kept"):
            text += "; the guest stopped at a safe point and its state was kept"
        exc = _TRAPS[kind](text)
        exc.session_kept = bool(facts.get("session_kept", False))
        exc.interrupt = facts.get("interrupt")
        exc.traceback = facts.get("traceback", "")
    elif kind == "output_callback":
        exc = OutputCallbackError(f"{stopped}the on_output callback raised; the run was stopped")
        exc.stream = facts.get("stream", "")
    elif kind == "poisoned":
        cause = facts.get("cause", "")
        exc = SessionPoisoned(
            f"MicroPythonSession stopped: guest trapped: an earlier run ended with {cause}; "
            "call reset() to start a fresh VM"
        )
        exc.cause = cause
    elif kind == "session_closed":
        exc = MicroPythonSessionClosed(f"{_SESSION_NAMES.get(context, 'session')} is closed")
    elif kind == "artifact_not_found":
        exc = MicroPythonWasmArtifactNotFound(
            f"MicroPython WASI artifact not found: {facts.get('path')}. "
            "Build it with `cargo xtask build-artifact` or pass wasm_path."
        )
    elif kind == "invalid_limits":
        setting = str(facts.get("setting", ""))
        text = detail.removeprefix("invalid limits: ")
        if setting == "wall_timeout":
            text = text.replace("wall_timeout", "wall_timeout_seconds", 1)
        if not text.startswith(setting) and setting:
            text = f"{setting}: {text}"
        return ValueError(text)
    elif kind == "readonly_dir":
        exc = MicroPythonWasmError(f"readonly_dir is not a directory: {facts.get('path')}")
    elif kind == "writable_dir":
        exc = MicroPythonWasmError(f"writable_dir is not a directory: {facts.get('path')}")
    elif kind == "register":
        return ValueError(detail)
    elif kind == "reentrant":
        exc = MicroPythonWasmError(
            "the session is already running on this thread: a host function cannot run "
            "code in its own session"
        )
    else:
        exc = MicroPythonWasmError(detail or kind)
    exc.kind = kind
    for field in _RESULT_FIELDS:
        if field in facts:
            setattr(exc, field, facts[field])
    return exc
