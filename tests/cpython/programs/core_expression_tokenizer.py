"""Tokenize and evaluate arithmetic expressions with the shunting-yard algorithm."""

PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
RIGHT_ASSOC = {"^"}


class ParseError(Exception):
    pass


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            number = text[start:i]
            tokens.append(("NUM", float(number) if "." in number else int(number)))
        elif ch.isalpha():
            start = i
            while i < len(text) and text[i].isalnum():
                i += 1
            tokens.append(("NAME", text[start:i]))
        elif ch in PRECEDENCE or ch in "()":
            tokens.append(("OP", ch))
            i += 1
        else:
            raise ParseError(f"unexpected character {ch!r} at position {i}")
    return tokens


def to_rpn(tokens):
    output, stack = [], []
    for kind, value in tokens:
        if kind in ("NUM", "NAME"):
            output.append((kind, value))
        elif value == "(":
            stack.append(value)
        elif value == ")":
            while stack and stack[-1] != "(":
                output.append(("OP", stack.pop()))
            if not stack:
                raise ParseError("unbalanced ')'")
            stack.pop()
        else:
            while stack and stack[-1] != "(" and (
                PRECEDENCE[stack[-1]] > PRECEDENCE[value]
                or (PRECEDENCE[stack[-1]] == PRECEDENCE[value] and value not in RIGHT_ASSOC)
            ):
                output.append(("OP", stack.pop()))
            stack.append(value)
    while stack:
        op = stack.pop()
        if op == "(":
            raise ParseError("unbalanced '('")
        output.append(("OP", op))
    return output


def evaluate(rpn, env):
    stack = []
    ops = {
        "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b,
    }
    for kind, value in rpn:
        if kind == "NUM":
            stack.append(value)
        elif kind == "NAME":
            stack.append(env[value])
        else:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[value](a, b))
    return stack[0]


env = {"x": 3, "rate": 0.5}
for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4 - x", "rate * (x + 7) % 4",
             "((2))", "3 $ 4", "(1 + 2", "1 + 2)", "y + 1"]:
    try:
        tokens = tokenize(expr)
        rpn = to_rpn(tokens)
        value = evaluate(rpn, env)
        print(f"{expr:<20} rpn: {' '.join(str(v) for _, v in rpn):<18} = {value}")
    except ParseError as exc:
        print(f"{expr:<20} parse error: {exc}")
    except KeyError as exc:
        print(f"{expr:<20} unknown variable {exc}")
print(tokenize("rate*2.5"))
