"""``python -m mpwasm``: the flags and exit codes of the Rust ``mpwasm`` command.

    python -m mpwasm -c "print(1 + 1)"
    python -m mpwasm script.py --fuel none --timeout none
    echo "x = 2" | python -m mpwasm --json
"""

from __future__ import annotations

import argparse
import codeop
import json
import sys
from typing import List, Optional

from . import (
    MICROPYTHON_VERSION,
    GuestException,
    GuestExit,
    MemoryLimitExceeded,
    MicroPythonSession,
    MicroPythonWasmError,
    OutOfFuel,
    RunResult,
    StackOverflow,
    WallTimeout,
    __version__,
    bundled_guest_sha256,
    run,
)

# The Rust CLI's exit codes (crates/mpwasm-cli/src/cli.rs).
OK, EXCEPTION, USAGE, OUT_OF_FUEL, TIMEOUT, MEMORY_LIMIT, STACK_OVERFLOW, TRAP, SETUP = (
    0, 1, 2, 3, 4, 5, 6, 7, 8,
)
_SHIFTS = {"": 0, "b": 0, "k": 10, "kib": 10, "m": 20, "mib": 20, "g": 30, "gib": 30}


def _size(text: str) -> int:
    text = text.strip()
    split = len(text)
    for i, c in enumerate(text):
        if not (c.isdigit() or c == "_"):
            split = i
            break
    digits, suffix = text[:split], text[split:].strip().lower()
    if not digits.replace("_", "") or suffix not in _SHIFTS:
        raise argparse.ArgumentTypeError(
            f"invalid size `{text}`: expected a number of bytes, optionally with K, M, G, KiB, MiB or GiB"
        )
    return int(digits) << _SHIFTS[suffix]


def _fuel(text: str) -> Optional[int]:
    if text.strip().lower() == "none":
        return None
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid fuel `{text}`: a number or `none`") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("fuel must be positive (use `none` for no limit)")
    return value


def _timeout(text: str) -> Optional[float]:
    if text.strip().lower() == "none":
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid timeout `{text}`: seconds, `0` or `none`") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the timeout must not be negative")
    return None if value == 0 else value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m mpwasm",
        description="Run untrusted MicroPython in a WebAssembly sandbox with hard limits.",
        epilog="Exit status: 0 success, 1 uncaught exception, n sys.exit(n), 2 usage, "
        "3 out of fuel, 4 timeout, 5 memory limit, 6 stack overflow, 7 other trap, 8 setup.",
    )
    p.add_argument("-c", dest="command", metavar="CODE", help="program passed in as a string")
    p.add_argument("file", nargs="?", metavar="FILE", help="program file (`-` reads stdin)")
    p.add_argument("--memory", type=_size, default=16 << 20, metavar="BYTES", help="memory limit (default 16M)")
    p.add_argument("--fuel", type=_fuel, default=10_000_000_000, metavar="N", help="fuel per run; `none` = unmetered")
    p.add_argument("--timeout", type=_timeout, default=1.0, metavar="SECONDS", help="wall-clock limit per run; 0 or `none` disables it")
    p.add_argument("--max-output", type=_size, default=1 << 20, metavar="BYTES", help="cap on stdout, and on stderr, per run")
    p.add_argument("--dir", metavar="DIR", help="host directory mounted read-only at /input")
    p.add_argument("--artifact", metavar="PATH", help="guest artifact (default: the bundled guest)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the outcome")
    p.add_argument("-V", "--version", action="store_true", help="print the versions")
    return p


def _exit_code(e: BaseException) -> int:
    if isinstance(e, GuestExit):
        return int(e.exit_code or 0)
    if isinstance(e, MemoryLimitExceeded):
        return MEMORY_LIMIT
    if isinstance(e, GuestException):
        return EXCEPTION
    if isinstance(e, OutOfFuel):
        return OUT_OF_FUEL
    if isinstance(e, WallTimeout):
        return TIMEOUT
    if isinstance(e, StackOverflow):
        return STACK_OVERFLOW
    if isinstance(e, ValueError):
        return USAGE
    if getattr(e, "kind", "") == "trap":
        return TRAP
    return SETUP


def _report(result: Optional[RunResult], error: Optional[BaseException]) -> dict:
    source = result if result is not None else error
    report = {
        "ok": error is None,
        "stdout": getattr(source, "stdout", ""),
        "stderr": getattr(source, "stderr", ""),
        "error": None,
        "fuel_consumed": getattr(source, "fuel_used", None),
        "fuel_remaining": getattr(source, "fuel_remaining", None),
        "duration_ms": getattr(source, "duration_seconds", 0.0) * 1000.0,
        "stdout_truncated": getattr(source, "stdout_truncated", False),
        "stderr_truncated": getattr(source, "stderr_truncated", False),
    }
    if error is not None:
        report["error"] = {
            "kind": getattr(error, "kind", "invalid_limits" if isinstance(error, ValueError) else "error"),
            "type": getattr(error, "type_name", None) or None,
            "message": getattr(error, "message", None) or str(error),
            "traceback": getattr(error, "traceback", None) or None,
            "exit_code": getattr(error, "exit_code", None),
        }
    return report


def _print_plain(result: Optional[RunResult], error: Optional[BaseException], max_output: int) -> None:
    source = result if result is not None else error
    sys.stdout.write(getattr(source, "stdout", ""))
    sys.stdout.flush()
    sys.stderr.write(getattr(source, "stderr", ""))
    for stream in ("stdout", "stderr"):
        if getattr(source, f"{stream}_truncated", False):
            sys.stderr.write(f"mpwasm: {stream} truncated after {max_output} bytes (--max-output)\n")
    if isinstance(error, GuestException):
        sys.stderr.write(error.traceback if error.traceback.endswith("\n") else error.traceback + "\n")
    elif error is not None and not isinstance(error, GuestExit):
        sys.stderr.write(f"mpwasm: {error}\n")
    sys.stderr.flush()


def _statements(lines: List[str]):
    """Group lines into statements the way the interactive console does."""
    buffer: List[str] = []
    for line in lines:
        buffer.append(line.rstrip("\n"))
        source = "\n".join(buffer)
        try:
            complete = codeop.compile_command(source, "<stdin>", "single")
        except SyntaxError:
            complete = True  # let the guest report it
        if complete is not None:
            yield source
            buffer = []
    if any(line.strip() for line in buffer):
        yield "\n".join(buffer)


def _session_loop(args, options: dict, interactive: bool) -> int:
    session = MicroPythonSession(args.artifact, **options)
    status = OK
    if interactive:
        print(f"MicroPython {MICROPYTHON_VERSION} in mpwasm {__version__}; Ctrl-D exits")

        def read_lines():
            prompt = ">>> "
            while True:
                try:
                    line = input(prompt)
                except EOFError:
                    print()
                    return
                yield line
                prompt = "... "

        source = read_lines()
    else:
        source = iter(sys.stdin.readlines())
    for statement in _statements(source):
        if not statement.strip():
            continue
        try:
            result, error = session.run_interactive(statement), None
        except (MicroPythonWasmError, ValueError) as e:
            result, error = None, e
        if args.json:
            print(json.dumps(_report(result, error)))
        else:
            _print_plain(result, error, args.max_output)
        if error is not None:
            status = _exit_code(error)
            if isinstance(error, GuestExit):
                return status
            if session.poisoned_by is not None:
                session.reset()
    return status


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        print(f"mpwasm {__version__} (Python package)")
        print(f"MicroPython {MICROPYTHON_VERSION}, guest sha256 {bundled_guest_sha256()}")
        return OK
    if args.command is not None and args.file is not None:
        _parser().error("-c and FILE cannot be used together")
    options = dict(
        memory_bytes=args.memory,
        fuel=args.fuel,
        wall_timeout_seconds=args.timeout,
        readonly_dir=args.dir,
        max_output_bytes=args.max_output,
    )
    if args.command is None and args.file is None:
        try:
            return _session_loop(args, options, sys.stdin.isatty())
        except (MicroPythonWasmError, ValueError) as e:
            sys.stderr.write(f"mpwasm: {e}\n")
            return _exit_code(e)
    if args.command is not None:
        code = args.command
    elif args.file == "-":
        code = sys.stdin.read()
    else:
        try:
            with open(args.file, encoding="utf-8") as f:
                code = f.read()
        except OSError as e:
            sys.stderr.write(f"mpwasm: cannot read {args.file}: {e.strerror}\n")
            return SETUP
    try:
        result, error = run(code, args.artifact, **options), None
    except (MicroPythonWasmError, ValueError) as e:
        result, error = None, e
    if args.json:
        print(json.dumps(_report(result, error)))
    else:
        _print_plain(result, error, args.max_output)
    return OK if error is None else _exit_code(error)


if __name__ == "__main__":
    sys.exit(main())
