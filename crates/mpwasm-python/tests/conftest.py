"""Shared helpers: run a reference README example verbatim (its import line
changed to `mpwasm`) and capture what it prints."""

import contextlib
import io
import textwrap

import pytest


def run_example(source: str) -> str:
    """exec() an example as a script and return its printed output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(textwrap.dedent(source), "<example>", "exec"), {"__name__": "__example__"})
    return out.getvalue()


@pytest.fixture
def example():
    return run_example


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty directory (examples create `fixtures/` relative to it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
