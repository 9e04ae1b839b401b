"""Matrix puzzles: spiral order, rotation, and a multiplication table."""


def spiral(matrix):
    out = []
    m = [row[:] for row in matrix]
    while m:
        out.extend(m.pop(0))
        m = [list(row) for row in zip(*m)][::-1]
    return out


def rotate_clockwise(matrix):
    return [list(row) for row in zip(*matrix[::-1])]


def spiral_fill(n):
    grid = [[0] * n for _ in range(n)]
    r = c = 0
    dr, dc = 0, 1
    for value in range(1, n * n + 1):
        grid[r][c] = value
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n) or grid[nr][nc]:
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid


def show(m):
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("  " + " ".join(f"{v:>{width}}" for v in row))


grid = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print("spiral order:", spiral(grid))
print("rotated:")
show(rotate_clockwise(grid))
print("rotated 4 times equals original:", rotate_clockwise(rotate_clockwise(rotate_clockwise(rotate_clockwise(grid)))) == grid)
print("spiral fill 5:")
show(spiral_fill(5))
print("diagonals:", [spiral_fill(5)[i][i] for i in range(5)], [spiral_fill(5)[i][4 - i] for i in range(5)])
table = [[r * c for c in range(1, 10)] for r in range(1, 10)]
print("multiplication table:")
show(table)
print("row sums:", [sum(r) for r in table], "| column max:", [max(col) for col in zip(*table)])
print("flattened evens count:", sum(1 for row in table for v in row if v % 2 == 0))
