"""Manage temporary settings and cleanups with contextlib helpers."""
from contextlib import contextmanager, suppress, closing, ExitStack, redirect_stdout, nullcontext
import io

config = {"verbose": False, "retries": 1}


@contextmanager
def override(**changes):
    old = {k: config[k] for k in changes}
    config.update(changes)
    print(f"  enter {changes}")
    try:
        yield config
    finally:
        config.update(old)
        print(f"  restore {old}")


with override(verbose=True) as cfg:
    print("inside:", cfg)
print("after:", config)

try:
    with override(retries=5):
        raise RuntimeError("boom")
except RuntimeError as exc:
    print("error propagated:", exc, "| config restored:", config)

with suppress(FileNotFoundError, KeyError):
    {}["missing"]
    print("not reached")
print("suppressed KeyError")


class Connection:
    def __init__(self, name):
        self.name = name
        print(f"  open {name}")

    def close(self):
        print(f"  close {self.name}")


with closing(Connection("db")) as conn:
    print("using", conn.name)

with ExitStack() as stack:
    conns = [stack.enter_context(closing(Connection(f"shard{i}"))) for i in range(3)]
    stack.callback(print, "  callback registered last, runs first")
    print("opened", [c.name for c in conns])

buffer = io.StringIO()
with redirect_stdout(buffer):
    print("captured line 1")
    print("captured line 2")
print("captured:", buffer.getvalue().splitlines())

for flag in (True, False):
    with (override(verbose=flag) if flag else nullcontext(config)) as cfg:
        print("nullcontext or override ->", cfg["verbose"])


@contextmanager
def tag(name):
    print(f"<{name}>", end="")
    yield
    print(f"</{name}>", end="")


with tag("b"), tag("i"):
    print("bold italic", end="")
print()
