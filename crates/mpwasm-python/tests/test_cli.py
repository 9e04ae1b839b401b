"""`python -m mpwasm`: the Rust CLI's flags and exit codes."""

import json
import subprocess
import sys

import pytest


def cli(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "mpwasm", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_command():
    p = cli("-c", "print(1 + 1)")
    assert (p.returncode, p.stdout, p.stderr) == (0, "2\n", "")


def test_file_and_stdin(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("import sys\nprint('file')\nsys.stderr.write('e\\n')\n")
    p = cli(str(script))
    assert (p.returncode, p.stdout, p.stderr) == (0, "file\n", "e\n")
    p = cli("-", stdin="print('piped')\n")
    assert (p.returncode, p.stdout) == (0, "piped\n")


@pytest.mark.parametrize(
    "args, code",
    [
        (["-c", "1/0"], 1),
        (["-c", "import sys\nsys.exit(9)"], 9),
        (["--fuel", "100000", "-c", "while True: pass"], 3),
        (["--fuel", "none", "--timeout", "0.05", "-c", "while True: pass"], 4),
        (["--memory", "4M", "-c", "x = bytearray(8 * 1024 * 1024)"], 5),
        (["--memory", "1K", "-c", "1"], 2),
        (["--artifact", "/nonexistent.wasm", "-c", "1"], 8),
        (["/nonexistent/script.py"], 8),
    ],
)
def test_exit_codes(args, code):
    assert cli(*args).returncode == code


def test_traceback_on_stderr():
    p = cli("-c", "print('before')\nraise ValueError('x')")
    assert p.stdout == "before\n"
    assert p.stderr.startswith("Traceback (most recent call last):")
    assert p.stderr.rstrip().endswith("ValueError: x")


def test_json():
    p = cli("--json", "-c", "print('hi')")
    report = json.loads(p.stdout)
    assert report["ok"] and report["stdout"] == "hi\n" and report["error"] is None
    assert report["fuel_consumed"] > 0
    p = cli("--json", "-c", "raise KeyError('k')")
    report = json.loads(p.stdout)
    assert p.returncode == 1
    assert report["error"]["kind"] == "guest_exception"
    assert report["error"]["type"] == "KeyError"


def test_dir_and_max_output(tmp_path):
    (tmp_path / "f.txt").write_text("data")
    assert cli("--dir", str(tmp_path), "-c", "print(open('/input/f.txt').read())").stdout == "data\n"
    p = cli("--max-output", "10", "-c", "print('x' * 100)")
    assert p.stdout == "x" * 10
    assert "stdout truncated after 10 bytes" in p.stderr


def test_stdin_session_echoes_expressions_and_keeps_state():
    p = cli(stdin="x = 20\nx + 1\ndef f(a):\n    return a * 2\n\nf(x)\n")
    assert (p.returncode, p.stdout) == (0, "21\n40\n")


def test_stdin_session_status_of_the_last_failure():
    p = cli(stdin="1/0\nprint('still here')\n")
    assert p.returncode == 1
    assert p.stdout == "still here\n"
    assert "ZeroDivisionError" in p.stderr


def test_version():
    p = cli("-V")
    assert p.returncode == 0 and "MicroPython 1.25.0" in p.stdout
