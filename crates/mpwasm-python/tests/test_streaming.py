"""Streaming output: ``on_output(stream, text)`` sees the guest's lines as
they are written, in order, before the run ends, within the output cap; a
raising callable stops the run with ``OutputCallbackError`` (its exception
as the cause) and a session keeps its state."""

import pytest

from mpwasm import MicroPythonReplaySession, MicroPythonSession, OutputCallbackError, run


def test_lines_arrive_in_order_before_the_run_ends():
    seen = []

    def seen_so_far():
        return [text for _, text in seen]

    code = "for i in range(3):\n    print('line', i)\nprint(seen_so_far())\nprint('tail', end='')"
    result = run(code, host_functions={"seen_so_far": seen_so_far}, on_output=lambda s, t: seen.append((s, t)))
    want = "line 0\nline 1\nline 2\n['line 0\\n', 'line 1\\n', 'line 2\\n']\ntail"
    assert result.stdout == want
    assert "".join(t for _, t in seen) == want
    assert [s for s, _ in seen] == ["stdout"] * 5
    assert seen[-1] == ("stdout", "tail")


def test_stderr_is_tagged_in_write_order():
    seen = []
    code = "import sys\nprint('out')\nsys.stderr.write('err\\n')\nprint('out 2')"
    result = run(code, on_output=lambda s, t: seen.append((s, t)))
    assert result.stderr == "err\n"
    assert seen == [("stdout", "out\n"), ("stderr", "err\n"), ("stdout", "out 2\n")]


def test_unbuffered_gives_each_write():
    seen = []
    run("import sys\nsys.stdout.write('ab')\nsys.stdout.write('c\\nd')", on_output=lambda s, t: seen.append(t), output_buffering="unbuffered")
    assert seen == ["ab", "c\nd"]


def test_the_output_cap_holds_for_the_callback():
    seen = []
    result = run("for i in range(100):\n    print('xxxx')", max_output_bytes=10, on_output=lambda s, t: seen.append(t))
    assert result.stdout_truncated
    assert "".join(seen) == result.stdout == "xxxx\nxxxx\n"


def test_a_raising_callback_stops_the_run_and_keeps_the_session():
    session = MicroPythonSession(fuel=None)
    session.run("state = 'kept'")
    calls = []

    def callback(stream, text):
        calls.append(text)
        if text.startswith("stop"):
            raise ConnectionError("the UI went away")

    code = "n = 0\ntry:\n    while True:\n        n += 1\n        print('stop' if n == 3 else 'go')\nfinally:\n    state = 'finally ran'"
    with pytest.raises(OutputCallbackError) as info:
        session.run(code, on_output=callback)
    e = info.value
    assert isinstance(e.__cause__, ConnectionError) and str(e.__cause__) == "the UI went away"
    assert e.stream == "stdout" and e.session_kept and e.kind == "output_callback"
    assert e.stdout.startswith("go\ngo\nstop\n")
    assert calls == ["go\n", "go\n", "stop\n"], "not called again after raising"
    # The callable was this run's only; the state survived.
    assert session.run("print(state)").stdout == "finally ran\n"
    assert calls == ["go\n", "go\n", "stop\n"]


def test_a_keyboard_interrupt_in_the_callback_is_reraised():
    def callback(stream, text):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run("print(1)\nprint(2)", on_output=callback)


def test_replay_streams_only_the_new_snippet():
    session = MicroPythonReplaySession()
    session.run("print('first')")
    seen = []
    result = session.run("print('second')", on_output=lambda s, t: seen.append(t))
    assert result.stdout == "second\n"
    assert seen == ["second\n"]


def test_interactive_runs_stream_expression_values():
    seen = []
    MicroPythonSession().run_interactive("6 * 7", on_output=lambda s, t: seen.append(t))
    assert seen == ["42\n"]


def test_arguments_are_checked():
    with pytest.raises(TypeError):
        run("print(1)", on_output="not callable")
    with pytest.raises(ValueError):
        run("print(1)", on_output=print, output_buffering="block")
