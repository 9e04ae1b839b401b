"""Matrix helpers written with plain lists: multiply, transpose, determinant, inverse."""


def shape(m):
    return len(m), len(m[0])


def transpose(m):
    return [list(row) for row in zip(*m)]


def matmul(a, b):
    if shape(a)[1] != shape(b)[0]:
        raise ValueError(f"cannot multiply {shape(a)} by {shape(b)}")
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def determinant(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for col in range(n):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        total += (-1) ** col * m[0][col] * determinant(minor)
    return total


def inverse(m):
    n = len(m)
    aug = [list(map(float, row)) + [float(x) for x in ident] for row, ident in zip(m, identity(n))]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
        if abs(aug[pivot][col]) < 1e-12:
            raise ValueError("matrix is singular")
        aug[col], aug[pivot] = aug[pivot], aug[col]
        p = aug[col][col]
        aug[col] = [v / p for v in aug[col]]
        for r in range(n):
            if r != col:
                factor = aug[r][col]
                aug[r] = [v - factor * w for v, w in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]


def show(name, m):
    print(f"{name} =")
    for row in m:
        print("  [" + " ".join(f"{v:8.3f}" if isinstance(v, float) else f"{v:8d}" for v in row) + "]")


A = [[2, 1, 3], [0, -1, 4], [1, 2, 0]]
B = [[1, 0], [2, 1], [0, 3]]
show("A", A)
show("A^T", transpose(A))
show("A x B", matmul(A, B))
print("det(A) =", determinant(A))
show("inv(A)", inverse(A))
show("A x inv(A)", [[round(v, 9) + 0.0 for v in row] for row in matmul(A, inverse(A))])
print("det 4x4:", determinant([[1, 2, 3, 4], [5, 6, 7, 8], [2, 6, 4, 8], [3, 1, 1, 2]]))
try:
    matmul(A, A[:2])
except ValueError as exc:
    print("ValueError:", exc)
try:
    inverse([[1, 2], [2, 4]])
except ValueError as exc:
    print("ValueError:", exc)
print("trace:", sum(A[i][i] for i in range(3)), "| flattened:", [v for row in A for v in row])
