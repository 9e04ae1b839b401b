def outer(v):
    match v:
        case [x, *ys]:
            def inner():
                return x, ys
            return inner()
print(outer([1, 2, 3]))
class K:
    match 3:
        case int(n):
            kind = "int"
print(K.kind, K.n)
g = None
def setg(v):
    global g
    match v:
        case {"g": g}:
            pass
setg({"g": 42}); print(g)
def h(v):
    match v:
        case 1:
            def case(x):
                return x
            return case(5)
        case match:
            return match
print(h(1), h(2))
x = [1, 2]
match x:
    case [1, 2] if (y := 10):
        print("walrus guard", y)
match 1:
    case 2: pass
    # comment line
    case 1:   # trailing comment
        print("comments ok")
match (
    1,
    2):
    case (1, 2):
        print("multi-line subject")
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1, {"b": (2, c)}]}:
        print("deep mapping", c)
