"""Collect error reports from failing jobs with traceback, printing only stable parts."""
import traceback
import sys


class JobError(Exception):
    pass


def parse_amount(text):
    return int(text)


def run_job(name, payload):
    if name == "divide":
        return payload["total"] / payload["count"]
    if name == "parse":
        return parse_amount(payload["value"])
    if name == "lookup":
        return payload["missing"]
    if name == "custom":
        raise JobError(f"job {name!r} refused payload of {len(payload)} keys")
    return "ok"


jobs = [("divide", {"total": 10, "count": 0}), ("parse", {"value": "12x"}), ("lookup", {}),
        ("custom", {"a": 1, "b": 2}), ("fine", {})]
for name, payload in jobs:
    try:
        result = run_job(name, payload)
        print(f"{name}: {result}")
    except Exception:
        report = traceback.format_exc()
        last = report.strip().splitlines()[-1]
        print(f"{name}: FAILED -> {last}")
        print(f"   report starts with: {report.splitlines()[0]!r}")
        print(f"   mentions run_job: {'run_job' in report}")

try:
    run_job("parse", {"value": "abc"})
except ValueError as exc:
    print("format_exception_only:", traceback.format_exception_only(type(exc), exc))
    frames = traceback.extract_tb(exc.__traceback__)
    print("frames:", [f.name for f in frames])
    print("last frame line:", frames[-1].line)
    etype, value, tb = sys.exc_info()
    print("exc_info:", etype.__name__, value)
    lines = traceback.format_exception(exc)
    print("format_exception last:", lines[-1].strip(), "| first:", lines[0].strip())

print("no exception:", repr(traceback.format_exc()))
