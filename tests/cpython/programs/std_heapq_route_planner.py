"""Shortest routes between cities with Dijkstra's algorithm (heapq + defaultdict)."""
import heapq
from collections import defaultdict

ROADS = [
    ("Amsterdam", "Utrecht", 45), ("Amsterdam", "Haarlem", 20), ("Haarlem", "Leiden", 35),
    ("Leiden", "The Hague", 20), ("Utrecht", "Rotterdam", 60), ("The Hague", "Rotterdam", 25),
    ("Utrecht", "Arnhem", 65), ("Rotterdam", "Breda", 50), ("Breda", "Eindhoven", 60),
    ("Arnhem", "Eindhoven", 85), ("Utrecht", "Eindhoven", 90), ("Leiden", "Utrecht", 55),
]

graph = defaultdict(list)
for a, b, km in ROADS:
    graph[a].append((b, km))
    graph[b].append((a, km))


def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    visited = set()
    while heap:
        d, node = heapq.heappop(heap)
        if node in visited:
            continue
        visited.add(node)
        for nxt, km in sorted(graph[node]):
            nd = d + km
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev


def path_to(prev, start, goal):
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    return path[::-1]


dist, prev = dijkstra("Amsterdam")
for city in sorted(dist, key=lambda c: (dist[c], c)):
    print(f"{city:<10} {dist[city]:>4} km  via {' -> '.join(path_to(prev, 'Amsterdam', city))}")

print("neighbours of Utrecht:", sorted(graph["Utrecht"]))
far = max(dist, key=dist.get)
print("farthest from Amsterdam:", far, dist[far])
all_pairs = {(a, b): dijkstra(a)[0][b] for a in sorted(graph) for b in sorted(graph) if a < b}
print("longest shortest path:", max(all_pairs.items(), key=lambda kv: kv[1]))
print("degree:", {c: len(n) for c, n in sorted(graph.items())})
