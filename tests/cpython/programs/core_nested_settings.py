"""Navigate and update deeply nested JSON-like settings with dotted paths."""

settings = {
    "app": {"name": "tracker", "version": [2, 4, 1], "features": {"beta": False, "dark_mode": True}},
    "database": {"primary": {"host": "db1", "port": 5432}, "replicas": [{"host": "db2"}, {"host": "db3", "port": 5433}]},
    "users": [],
}


def get_path(data, path, default=None):
    node = data
    for part in path.split("."):
        if isinstance(node, list):
            try:
                node = node[int(part)]
            except (ValueError, IndexError):
                return default
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return default
    return node


def set_path(data, path, value):
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {}) if isinstance(node, dict) else node[int(part)]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def flatten(data, prefix=""):
    items = {}
    if isinstance(data, dict):
        for k, v in data.items():
            items.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(data, list) and data:
        for i, v in enumerate(data):
            items.update(flatten(v, f"{prefix}{i}."))
    else:
        items[prefix[:-1]] = data
    return items


for path in ["app.name", "app.version.0", "database.replicas.1.port", "database.replicas.0.port",
             "database.replicas.5.host", "app.features", "nope.deeper"]:
    print(f"{path:<28} -> {get_path(settings, path, '<missing>')!r}")

set_path(settings, "app.features.beta", True)
set_path(settings, "cache.redis.ttl", 300)
set_path(settings, "database.replicas.0.port", 6543)
set_path(settings, "app.version.2", 2)
for key, value in flatten(settings).items():
    print(f"{key} = {value!r}")

print("ports:", [r.get("port", 5432) for r in settings["database"]["replicas"]])
print("hosts:", [settings["database"]["primary"]["host"]] + [r["host"] for r in settings["database"]["replicas"]])
print("version string:", ".".join(map(str, settings["app"]["version"])))
print("top-level keys:", list(settings), "| sizes:", {k: len(v) for k, v in settings.items()})
