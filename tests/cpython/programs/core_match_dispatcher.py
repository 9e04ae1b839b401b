"""A small key-value store driven by text commands, dispatched with match."""

store = {}
history = []


def execute(line: str):
    parts = line.split()
    match parts:
        case ["SET", key, value]:
            store[key] = value
            return "OK"
        case ["GET", key]:
            return store.get(key, "(nil)")
        case ["DEL", *keys] if keys:
            removed = sum(1 for k in keys if store.pop(k, None) is not None)
            return f"(integer) {removed}"
        case ["INCR" | "DECR" as op, key]:
            try:
                current = int(store.get(key, "0"))
            except ValueError:
                return "ERR value is not an integer"
            current += 1 if op == "INCR" else -1
            store[key] = str(current)
            return f"(integer) {current}"
        case ["KEYS"]:
            return ", ".join(sorted(store)) or "(empty)"
        case ["HISTORY", n] if n.isdigit():
            return " | ".join(history[-int(n):])
        case [cmd, *_] if cmd.upper() != cmd:
            return f"ERR commands are upper case, did you mean {cmd.upper()}?"
        case []:
            return "ERR empty command"
        case _:
            return f"ERR unknown command {parts[0]!r} with {len(parts) - 1} argument(s)"


session = [
    "SET name alice",
    "SET visits 10",
    "GET name",
    "GET missing",
    "INCR visits",
    "INCR visits",
    "DECR counter",
    "SET word hello",
    "INCR word",
    "KEYS",
    "DEL name missing",
    "DEL",
    "get name",
    "",
    "FLUSH all now",
    "HISTORY 3",
]

for line in session:
    result = execute(line)
    history.append(line or "<blank>")
    print(f"{line!r:24} => {result}")

print("final store:", store)
