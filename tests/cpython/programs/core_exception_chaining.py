"""Layered error handling in a config loader: chaining, context, finally and else."""


class ConfigError(Exception):
    pass


def parse_port(value):
    try:
        port = int(value)
    except ValueError as exc:
        raise ConfigError(f"port must be a number, got {value!r}") from exc
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} out of range")
    return port


def load(settings):
    steps = []
    try:
        steps.append("start")
        port = parse_port(settings["port"])
    except KeyError as exc:
        steps.append("missing")
        raise ConfigError(f"missing setting {exc}")
    except ConfigError:
        steps.append("invalid")
        raise
    else:
        steps.append("parsed")
        return {"port": port, "steps": steps}
    finally:
        steps.append("cleanup")
        print("  steps:", steps)


for settings in [{"port": "8080"}, {"port": "eighty"}, {}, {"port": "70000"}]:
    print(f"load({settings}):")
    try:
        print("  result:", load(settings))
    except ConfigError as exc:
        cause = exc.__cause__
        context = exc.__context__
        print(f"  ConfigError: {exc}")
        print(f"  cause: {type(cause).__name__ if cause else None}, context: {type(context).__name__ if context else None}")
        print(f"  suppress_context: {exc.__suppress_context__}")


def finally_wins():
    try:
        return "try"
    finally:
        print("  finally runs before the return value is used")


print(finally_wins())


def nested():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise TypeError("while handling inner")
    except TypeError as exc:
        return f"{exc} <- {exc.__context__!r}"


print(nested())

try:
    raise ConfigError("no context") from None
except ConfigError as exc:
    print(exc.__cause__, exc.__suppress_context__)

results = []
for value in ["1", "x", "3"]:
    try:
        n = int(value)
    except ValueError:
        results.append("bad")
        continue
    else:
        results.append(n * 2)
    finally:
        results.append("|")
print(results)
