def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case -0.5:
            return "minus a half"
        case "yes" | "y":
            return "affirmative"
        case b"raw":
            return "bytes"
        case None:
            return "nothing"
        case True:
            return "true"
        case False:
            return "false"
        case 10000000000000000000000:
            return "huge"
        case _:
            return "other: " + repr(x)

for v in [0, -1, 2.5, -0.5, "yes", "y", b"raw", None, True, False, 1, 0.0, 1.0, 10**22, "no", [], 2]:
    print(repr(v), "->", describe(v))
