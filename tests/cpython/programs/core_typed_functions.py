"""Type-annotated utility functions using builtin generics and the | union syntax."""


def parse_scores(raw: str) -> dict[str, list[int]]:
    result: dict[str, list[int]] = {}
    for chunk in raw.split(";"):
        name, _, values = chunk.partition(":")
        result[name.strip()] = [int(v) for v in values.split(",") if v.strip()]
    return result


def best(scores: dict[str, list[int]]) -> tuple[str, int] | None:
    if not scores:
        return None
    name = max(scores, key=lambda n: max(scores[n], default=0))
    return name, max(scores[name], default=0)


def mean(values: list[float] | tuple[float, ...], default: float | None = None) -> float | None:
    return sum(values) / len(values) if values else default


def apply_all(funcs: list[callable], value: int) -> list[int]:
    return [f(value) for f in funcs]


raw = "ann: 90, 85, 77; bob: 60,95; cy: ; dee: 88"
scores = parse_scores(raw)
print(scores)
print("best:", best(scores), "| empty:", best({}))
print("means:", {n: mean(v) for n, v in scores.items()})
print("mean with default:", mean([], default=0.0), mean((1.0, 2.0)))
print(apply_all([abs, lambda x: x * 2, lambda x: -x], -5))

print("annotations:", parse_scores.__annotations__)
print("best returns:", best.__annotations__["return"])
print("mean params:", {k: v for k, v in mean.__annotations__.items() if k != "return"})
print("generic alias:", list[int], dict[str, list[int]], tuple[int, ...])
print("union:", int | None, str | bytes | None)
print("isinstance with union:", isinstance(3, int | str), isinstance(3.0, int | str))
alias = list[int]
print("alias origin/args:", alias.__origin__, alias.__args__, alias([1, 2]))

count: int = 0
names: list[str] = []
for word in "alpha beta gamma".split():
    names.append(word.title())
    count += 1
print(count, names)
print("module annotations:", __annotations__)
