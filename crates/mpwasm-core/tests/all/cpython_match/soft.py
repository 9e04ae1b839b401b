import re

match = re.match(r"(\w+)-(\d+)", "item-42")
print(match.group(1), match.group(2))
case = {"a": 1}
print(case["a"])
def match_all(xs):
    return [x for x in xs if x]
print(match_all([0, 1, 2]))
match, case = 1, 2
print(match, case)
match: int = 3
print(match)
class Matcher:
    def match(self, x):
        return x * 2
    case = 7
m = Matcher()
print(m.match(4), m.case)
match = [1, 2]
match[0] = 5
print(match)
match (match):
    case [5, case]:
        print("soft keyword subject", case)
match = {"case": 1}
match match:
    case {"case": case}:
        print("case as a capture", case)
def g(match, case):
    return match + case
print(g(match=1, case=2))

for i in range(5):
    match i:
        case 1:
            continue
        case 3:
            break
        case _:
            pass
    print("loop", i)

def gen():
    for x in [1, "a", None]:
        match x:
            case int():
                yield "int"
            case str():
                yield "str"
            case _:
                yield "other"
print(list(gen()))

def ret(v):
    while True:
        match v:
            case [x, *_]:
                return x
            case _:
                return None
print(ret([9, 8]), ret(3))

match 1, 2:
    case (a, b):
        print("tuple subject", a, b)

def no_match(v):
    result = "unset"
    match v:
        case 1:
            result = "one"
    return result
print(no_match(2), no_match(1))

try:
    match [1, 2]:
        case [a, b] if b / 0:
            pass
except ZeroDivisionError:
    print("exception in a guard propagates")

match 5:
    case 5:
        match "inner":
            case "inner":
                print("nested match")
        case_count = 1
print(case_count)
