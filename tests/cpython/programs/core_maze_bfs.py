"""Find the shortest path through a text maze with breadth-first search."""

MAZE = """\
##########
#S...#...#
#.##.#.#.#
#.#..#.#.#
#.#.##.#.#
#...#..#E#
###.#.##.#
#.....#..#
##########
"""


def parse(text):
    grid = [list(line) for line in text.splitlines()]
    start = end = None
    for r, row in enumerate(grid):
        for c, ch in enumerate(row):
            if ch == "S":
                start = (r, c)
            elif ch == "E":
                end = (r, c)
    return grid, start, end


def shortest_path(grid, start, end):
    queue = [start]
    came_from = {start: None}
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        if (r, c) == end:
            break
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if grid[nr][nc] != "#" and (nr, nc) not in came_from:
                came_from[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    if end not in came_from:
        return None, len(came_from)
    path = []
    node = end
    while node is not None:
        path.append(node)
        node = came_from[node]
    return path[::-1], len(came_from)


grid, start, end = parse(MAZE)
path, explored = shortest_path(grid, start, end)
print(f"start {start}, end {end}, explored {explored} cells")
print(f"shortest path: {len(path) - 1} steps")
for r, c in path[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))
moves = {(0, 1): "R", (1, 0): "D", (0, -1): "L", (-1, 0): "U"}
directions = "".join(moves[(b[0] - a[0], b[1] - a[1])] for a, b in zip(path, path[1:]))
print("directions:", directions)
compressed = []
for d in directions:
    if compressed and compressed[-1][0] == d:
        compressed[-1][1] += 1
    else:
        compressed.append([d, 1])
print("compressed:", " ".join(f"{d}{n}" for d, n in compressed))

blocked, s, e = parse("#####\n#S#E#\n#####")
print("blocked maze:", shortest_path(blocked, s, e))
