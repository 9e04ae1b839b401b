"""Conway's Game of Life on a small toroidal grid, printed generation by generation."""

SEED = """\
..........
...#......
....#.....
..###.....
..........
......##..
......##..
..........
"""


def parse(text):
    return [[ch == "#" for ch in row] for row in text.splitlines()]


def neighbours(grid, r, c):
    rows, cols = len(grid), len(grid[0])
    return sum(
        grid[(r + dr) % rows][(c + dc) % cols]
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
        if (dr, dc) != (0, 0)
    )


def step(grid):
    return [
        [
            (alive and neighbours(grid, r, c) in (2, 3)) or (not alive and neighbours(grid, r, c) == 3)
            for c, alive in enumerate(row)
        ]
        for r, row in enumerate(grid)
    ]


def render(grid):
    return "\n".join("".join("#" if cell else "." for cell in row) for row in grid)


grid = parse(SEED)
seen = {}
for generation in range(6):
    population = sum(map(sum, grid))
    print(f"generation {generation} (population {population}):")
    print(render(grid))
    seen[render(grid)] = generation
    grid = step(grid)

for generation in range(6, 60):
    key = render(grid)
    if key in seen:
        print(f"state at generation {generation} repeats generation {seen[key]}")
        break
    seen[key] = generation
    grid = step(grid)
print("live cells now:", [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v][:6])
blinker = parse(".....\n..#..\n..#..\n..#..\n.....")
print("blinker period 2:", render(step(step(blinker))) == render(blinker), render(step(blinker)).splitlines()[2])
