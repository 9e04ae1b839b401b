"""Solve word ladders with breadth-first search over a small dictionary (deque + string)."""
from collections import deque
import string

WORDS = set("""cold cord card ward warm word worm wore core care dare bare barn born corn
cone bone bane band bend bead head heal teal tell tall toll told gold bold bolt boat coat cost cast""".split())


def neighbours(word):
    for i in range(len(word)):
        for ch in string.ascii_lowercase:
            if ch != word[i]:
                candidate = word[:i] + ch + word[i + 1:]
                if candidate in WORDS:
                    yield candidate


def ladder(start, goal):
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        if path[-1] == goal:
            return path
        for nxt in sorted(neighbours(path[-1])):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None


for start, goal in [("cold", "warm"), ("head", "tell"), ("gold", "coat"), ("card", "bone"), ("cold", "zzzz")]:
    path = ladder(start, goal)
    if path:
        print(f"{start} -> {goal}: {' > '.join(path)} ({len(path) - 1} steps)")
    else:
        print(f"{start} -> {goal}: no ladder")

degree = {w: len(list(neighbours(w))) for w in WORDS}
hub = max(sorted(degree), key=degree.get)
print("best connected:", hub, degree[hub], sorted(neighbours(hub)))
print("isolated words:", sorted(w for w, d in degree.items() if d == 0))
components = []
unvisited = set(WORDS)
while unvisited:
    root = min(unvisited)
    comp, frontier = {root}, deque([root])
    while frontier:
        for n in neighbours(frontier.popleft()):
            if n not in comp:
                comp.add(n)
                frontier.append(n)
    unvisited -= comp
    components.append(sorted(comp))
print("components:", len(components), [len(c) for c in components])
