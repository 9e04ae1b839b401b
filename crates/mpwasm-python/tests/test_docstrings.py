"""The docstring examples of the installed package run and hold."""

import doctest

import mpwasm
import mpwasm._errors


def test_docstring_examples():
    for module in (mpwasm, mpwasm._errors):
        failed, attempted = doctest.testmod(module)
        assert attempted > 0 and failed == 0, module.__name__
