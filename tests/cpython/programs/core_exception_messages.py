"""A defensive calculator that reports errors the way Python does."""


def attempt(label, func):
    try:
        result = func()
    except Exception as exc:
        print(f"{label:<22} {type(exc).__name__}: {exc}")
        return None
    print(f"{label:<22} ok -> {result!r}")
    return result


prices = {"apple": 1.25, "pear": 0.9}
items = [1, 2, 3]
callback = None

attempt("int division", lambda: 10 // 0)
attempt("true division", lambda: 1 / 0)
attempt("modulo", lambda: 5 % 0)
attempt("float division", lambda: 2.5 / 0.0)
attempt("dict lookup", lambda: prices["banana"])
attempt("list index", lambda: items[10])
attempt("int parse", lambda: int("12a"))
attempt("float parse", lambda: float("abc"))
attempt("add str+int", lambda: "total: " + 5)
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("missing attr", lambda: prices.append)
attempt("none call", lambda: callback())
attempt("tuple assign", lambda: (1, 2).__setitem__(0, 5))
attempt("list.remove", lambda: items.remove(99))
attempt("dict pop", lambda: {}.pop("k"))
attempt("next on empty", lambda: next(iter([])))
attempt("sqrt of str", lambda: abs("x"))
attempt("ok", lambda: sum(items) / len(items))

errors = [ValueError("bad value"), KeyError("missing"), TypeError("x", 1), ZeroDivisionError()]
for err in errors:
    print(repr(err), "|", str(err), "|", err.args)

try:
    {"a": 1}["b"]
except KeyError as exc:
    print("KeyError repr:", repr(exc), "str:", exc)
try:
    raise ValueError
except ValueError as exc:
    print("bare raise:", repr(exc), repr(str(exc)))
print(repr(Exception("several", "args")), repr(RuntimeError()))
