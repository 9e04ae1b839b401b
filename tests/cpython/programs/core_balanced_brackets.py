"""Check bracket balance in code snippets and report the first error position."""

PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}
OPENERS = set(PAIRS.values())


def check(text, angle=False):
    stack = []
    in_string = None
    for pos, ch in enumerate(text):
        if in_string:
            if ch == in_string:
                in_string = None
            continue
        if ch in "'\"":
            in_string = ch
        elif ch in OPENERS and (angle or ch != "<"):
            stack.append((ch, pos))
        elif ch in PAIRS and (angle or ch != ">"):
            if not stack:
                return f"unexpected {ch!r} at {pos}"
            opener, where = stack.pop()
            if opener != PAIRS[ch]:
                return f"mismatched {opener!r} at {where} closed by {ch!r} at {pos}"
    if in_string:
        return f"unterminated string starting with {in_string}"
    if stack:
        opener, where = stack[-1]
        return f"unclosed {opener!r} at {where}"
    return "ok"


snippets = [
    "print(len([1, 2, {3: 4}]))",
    "def f(x): return (x + 1",
    "items = [1, 2, 3]]",
    "{'a': [1, 2), 'b': 3}",
    "s = ')(' + \"[\"",
    "call(\"unterminated)",
    "",
    "Map<String, List<Integer>> m;",
    "if (a > b) { x = [y] }",
]
for s in snippets:
    print(f"{s!r:36} -> {check(s)}")
print("with angles:", check("Map<String, List<Integer>> m;", angle=True), "|", check("a < b", angle=True))


def max_depth(text):
    depth = best = 0
    for ch in text:
        if ch in "([{":
            depth += 1
            best = max(best, depth)
        elif ch in ")]}":
            depth -= 1
    return best


print("depths:", [max_depth(s) for s in snippets[:4]])


def generate(n):
    out = []

    def build(prefix, opened, closed):
        if len(prefix) == 2 * n:
            out.append(prefix)
            return
        if opened < n:
            build(prefix + "(", opened + 1, closed)
        if closed < opened:
            build(prefix + ")", opened, closed + 1)

    build("", 0, 0)
    return out


print("balanced strings of 3 pairs:", generate(3))
print("counts (Catalan):", [len(generate(k)) for k in range(1, 8)])
