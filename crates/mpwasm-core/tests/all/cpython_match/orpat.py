def classify(v):
    match v:
        case 1 | 2 | 3:
            return "small"
        case [1, x] | [x, 1]:
            return f"pair with one and {x}"
        case {"id": x} | (x, "id"):
            return f"id {x}"
        case (int() | float()) as number:
            return f"number {number}"
        case [("a" | "b") as letter, *_]:
            return f"starts with {letter}"
        case str() as s if len(s) > 3:
            return "long string"
    return "other"

for v in [1, 3, [1, 9], [8, 1], {"id": 5}, (7, "id"), 4.5, 10, ["b", 2], ["c"], "hello", "hi"]:
    print(repr(v), classify(v))

def nested_or(p):
    match p:
        case (0, 0) | (0, _) | (_, 0):
            return "on an axis"
        case ((1 | -1) as a, (1 | -1) as b):
            return f"unit corner {a},{b}"
        case _:
            return "elsewhere"
for p in [(0, 0), (0, 5), (5, 0), (1, -1), (-1, -1), (2, 2)]:
    print(p, nested_or(p))
