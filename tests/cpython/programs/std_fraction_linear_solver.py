"""Solve linear systems exactly with Gauss-Jordan elimination over fractions.Fraction."""
from fractions import Fraction


def solve(matrix, rhs):
    n = len(matrix)
    aug = [[Fraction(v) for v in row] + [Fraction(b)] for row, b in zip(matrix, rhs)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if aug[r][col] != 0), None)
        if pivot is None:
            raise ValueError("singular system")
        aug[col], aug[pivot] = aug[pivot], aug[col]
        p = aug[col][col]
        aug[col] = [v / p for v in aug[col]]
        for r in range(n):
            if r != col and aug[r][col] != 0:
                f = aug[r][col]
                aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
    return [row[-1] for row in aug]


def show(sol):
    return ", ".join(f"x{i + 1} = {v}" for i, v in enumerate(sol))


systems = [
    ([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3]),
    ([[1, 2], [3, 4]], [5, 6]),
    ([[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 4), 1]], [1, 2]),
    ([[1, 1, 1], [0, 2, 5], [2, 5, -1]], [6, -4, 27]),
    ([[1, 2], [2, 4]], [3, 6]),
]
for matrix, rhs in systems:
    try:
        sol = solve(matrix, rhs)
        check = [sum(Fraction(a) * x for a, x in zip(row, sol)) for row in matrix]
        print(show(sol), "| check:", [str(c) for c in check] == [str(Fraction(b)) for b in rhs])
        print("   as floats:", [round(float(x), 6) for x in sol])
    except ValueError as exc:
        print("ValueError:", exc)

hilbert = [[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)]
print("Hilbert solution:", solve(hilbert, [1, 1, 1, 1]))
print("sum of solution:", sum(solve(hilbert, [1, 1, 1, 1])))
