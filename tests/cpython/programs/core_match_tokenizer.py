"""A character-level tokenizer and evaluator for arithmetic, written as a state machine with match."""


def tokenize(text):
    tokens = []
    state = "start"
    buf = ""
    for ch in text + "\0":
        while True:
            match state, ch:
                case "number", d if d.isdigit() or d == ".":
                    buf += d
                    break
                case "number", _:
                    tokens.append(("NUM", float(buf) if "." in buf else int(buf)))
                    buf, state = "", "start"
                    continue  # re-examine this character
                case "name", c if c.isalnum() or c == "_":
                    buf += c
                    break
                case "name", _:
                    tokens.append(("NAME", buf))
                    buf, state = "", "start"
                    continue
                case "start", (" " | "\t"):
                    break
                case "start", "\0":
                    break
                case "start", d if d.isdigit():
                    state, buf = "number", d
                    break
                case "start", c if c.isalpha() or c == "_":
                    state, buf = "name", c
                    break
                case "start", ("+" | "-" | "*" | "/" | "(" | ")" | "^") as op:
                    tokens.append(("OP", op))
                    break
                case _, bad:
                    raise SyntaxError(f"unexpected character {bad!r}")
    return tokens


PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}


def to_rpn(tokens):
    out, ops = [], []
    for tok in tokens:
        match tok:
            case ("NUM", _) | ("NAME", _):
                out.append(tok)
            case ("OP", "("):
                ops.append("(")
            case ("OP", ")"):
                while ops and ops[-1] != "(":
                    out.append(("OP", ops.pop()))
                if not ops:
                    raise SyntaxError("unbalanced ')'")
                ops.pop()
            case ("OP", op):
                while ops and ops[-1] != "(" and (
                    PRECEDENCE[ops[-1]] > PRECEDENCE[op] or (PRECEDENCE[ops[-1]] == PRECEDENCE[op] and op != "^")
                ):
                    out.append(("OP", ops.pop()))
                ops.append(op)
    while ops:
        op = ops.pop()
        if op == "(":
            raise SyntaxError("unbalanced '('")
        out.append(("OP", op))
    return out


def evaluate(rpn, env):
    stack = []
    for tok in rpn:
        match tok:
            case ("NUM", value):
                stack.append(value)
            case ("NAME", name) if name in env:
                stack.append(env[name])
            case ("NAME", name):
                raise NameError(f"unknown variable {name}")
            case ("OP", op):
                b, a = stack.pop(), stack.pop()
                match op:
                    case "+":
                        stack.append(a + b)
                    case "-":
                        stack.append(a - b)
                    case "*":
                        stack.append(a * b)
                    case "/":
                        stack.append(a / b)
                    case "^":
                        stack.append(a ** b)
    [result] = stack
    return result


env = {"x": 3, "rate": 0.25, "n_items": 12}
for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "n_items * rate + x", "10 / 4 - 0.5", "x * (x + 1", "y + 1", "7 % 2", "3.5*2"]:
    try:
        toks = tokenize(expr)
        value = evaluate(to_rpn(toks), env)
        print(f"{expr:<20} tokens={len(toks):2} value={value}")
    except (SyntaxError, NameError) as e:
        print(f"{expr:<20} error: {type(e).__name__}: {e}")
