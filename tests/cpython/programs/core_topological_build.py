"""Order build steps by their dependencies (topological sort) and detect cycles."""

TARGETS = {
    "app": ["lib", "assets", "config"],
    "lib": ["core", "utils"],
    "utils": ["core"],
    "core": [],
    "assets": ["images", "styles"],
    "images": [],
    "styles": ["theme"],
    "theme": [],
    "config": [],
    "docs": ["lib"],
}


class CycleError(Exception):
    pass


def topo_sort(graph):
    order, state = [], {}

    def visit(node, path):
        if state.get(node) == "done":
            return
        if state.get(node) == "active":
            cycle = path[path.index(node):] + [node]
            raise CycleError(" -> ".join(cycle))
        state[node] = "active"
        for dep in graph.get(node, []):
            visit(dep, path + [node])
        state[node] = "done"
        order.append(node)

    for node in graph:
        visit(node, [])
    return order


def kahn_levels(graph):
    remaining = {n: set(deps) for n, deps in graph.items()}
    levels = []
    while remaining:
        ready = sorted(n for n, deps in remaining.items() if not deps)
        if not ready:
            raise CycleError("cycle among " + ", ".join(sorted(remaining)))
        levels.append(ready)
        for n in ready:
            del remaining[n]
        for deps in remaining.values():
            deps.difference_update(ready)
    return levels


print("build order:", topo_sort(TARGETS))
for i, level in enumerate(kahn_levels(TARGETS)):
    print(f"  stage {i}: {', '.join(level)}")

dependents = {}
for node, deps in TARGETS.items():
    for d in deps:
        dependents.setdefault(d, []).append(node)
print("who depends on core:", dependents["core"], "| leaves:", sorted(n for n in TARGETS if n not in dependents))

cyclic = dict(TARGETS, core=["app"])
for algorithm in (topo_sort, kahn_levels):
    try:
        algorithm(cyclic)
    except CycleError as exc:
        print(f"{algorithm.__name__}: cycle: {exc}")


def all_deps(node, graph, seen=None):
    seen = set() if seen is None else seen
    for d in graph[node]:
        if d not in seen:
            seen.add(d)
            all_deps(d, graph, seen)
    return seen


print("transitive deps of app:", sorted(all_deps("app", TARGETS)))
