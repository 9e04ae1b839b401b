"""Pretty-print arbitrary nested values by dispatching on type with isinstance."""


def render(value, indent=0):
    pad = "  " * indent
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = [f"{pad}  {k}: {render(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + "\n".join(inner) + f"\n{pad}}}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        open_, close = {list: "[]", tuple: "()"}.get(type(value), "{}")
        return open_ + ", ".join(render(v, indent + 1) for v in items) + close
    return f"<{type(value).__name__}>"


document = {
    "name": "sensor-7",
    "active": True,
    "readings": [21.456, 22.0, 1e-5, 12345678.9],
    "counts": (1, 20, 3000, 4_000_000),
    "tags": {"outdoor", "north"},
    "raw": b"\x00\x01",
    "meta": {"owner": None, "levels": {"warn": 30, "crit": 50}, "empty": {}},
    "callback": print,
    "kind": type,
}
print(render(document))

for value in [1, 1.0, True, "1", None, [1], (1,), {1}, {"a": 1}, 1j, range(3), len]:
    kinds = [t.__name__ for t in (bool, int, float, complex, str, list, tuple, set, dict) if isinstance(value, t)]
    print(f"{value!r:>24} type={type(value).__name__:<18} isinstance-of={kinds}")
print("bool is int:", issubclass(bool, int), True + True, type(True + 1).__name__)
print("type comparisons:", type(1) is int, type(True) is int, type(None).__name__)
print("callable:", [callable(x) for x in (len, "s", render, int, 3)])
