"""Merge layered application settings: defaults, environment file, CLI overrides."""

DEFAULTS = {
    "host": "localhost",
    "port": 8080,
    "debug": False,
    "workers": 4,
    "log_level": "INFO",
}

ENV_FILE = {"port": 9000, "log_level": "WARNING", "database_url": "sqlite:///app.db"}
CLI_ARGS = {"debug": True, "workers": 8}


def merge_with_unpacking(*layers):
    merged = {}
    for layer in layers:
        merged = {**merged, **layer}
    return merged


def describe_changes(base, final):
    changes = []
    for key, value in final.items():
        if key not in base:
            changes.append(f"+ {key} = {value!r}")
        elif base[key] != value:
            changes.append(f"~ {key}: {base[key]!r} -> {value!r}")
    return changes


config = {**DEFAULTS, **ENV_FILE, **CLI_ARGS}
print("Merged with ** unpacking:")
print(config)

config_pipe = DEFAULTS | ENV_FILE | CLI_ARGS
print("Merged with | operator:")
print(config_pipe)
print("Same result:", config == config_pipe)

staged = dict(DEFAULTS)
staged |= ENV_FILE
print("After |= env file:", staged)

print("Layer by layer:", merge_with_unpacking(DEFAULTS, ENV_FILE, CLI_ARGS))

for line in describe_changes(DEFAULTS, config):
    print(line)

keys = [*DEFAULTS, *ENV_FILE]
print("All keys (with duplicates):", keys)
unique_sorted = sorted({*DEFAULTS, *ENV_FILE, *CLI_ARGS})
print("Unique keys:", unique_sorted)

print("Keys view:", config.keys())
print("Values view:", list(config.values()))
print("Items:", list(config.items())[:3])
print(f"{len(config)} settings, debug={config['debug']}")
