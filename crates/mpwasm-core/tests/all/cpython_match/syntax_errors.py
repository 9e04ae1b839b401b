programs = [
    "match x:\n    case y:\n        pass\n    case 2:\n        pass",
    "match x:\n    case _:\n        pass\n    case 2:\n        pass",
    "match x:\n    case (y as z):\n        pass\n    case 2:\n        pass",
    "match x:\n    case y | 1:\n        pass",
    "match x:\n    case _ | 1:\n        pass",
    "match x:\n    case [a, *b, *c]:\n        pass",
    "match x:\n    case [a, a]:\n        pass",
    "match x:\n    case {y: 1}:\n        pass",
    "match x:\n    case C(x=1, y):\n        pass",
    "match x:\n    case C(x=1, x=2):\n        pass",
    "match x:\n    case 1 as _:\n        pass",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass",
    "match x:\n    case {**_}:\n        pass",
    "match x:\n    case *a:\n        pass",
    "match x:\n    case {**r, 'a': 1}:\n        pass",
    "match x:\n    case [1] | [a]:\n        pass",
    "match x:\n    case y if y:\n        pass\n    case z:\n        pass",
]
for src in programs:
    try:
        compile(src, "<prog>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])
