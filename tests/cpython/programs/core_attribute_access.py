"""Dynamic attribute access on plugin objects: getattr, setattr, hasattr, __getattr__."""


class Plugin:
    version = "1.0"

    def __init__(self, name):
        self.name = name
        self.enabled = True

    def run(self):
        return f"{self.name} running"


class Proxy:
    def __init__(self, target):
        self._target = target
        self._log = []

    def __getattr__(self, attr):
        self._log.append(attr)
        return getattr(self._target, attr)


class Settings:
    def __init__(self, **values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        raise AttributeError(f"no setting named {name!r}")

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private setting {name!r}")
        super().__setattr__(name, value)


p = Plugin("exporter")
for attr in ["name", "enabled", "version", "run", "missing"]:
    value = getattr(p, attr, "<default>")
    shown = type(value).__name__ if callable(value) else repr(value)
    print(f"hasattr {attr}: {hasattr(p, attr)} -> {shown}")
setattr(p, "priority", 5)
print("priority:", p.priority, "| dict:", p.__dict__)
delattr(p, "priority")
print("after delattr:", hasattr(p, "priority"))
try:
    p.missing
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    Plugin.nothing
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    (5).real = 3
except AttributeError as exc:
    print("AttributeError raised on int attribute assignment")

proxy = Proxy(p)
print(proxy.run(), proxy.name, proxy.version)
print("proxied lookups:", proxy._log)
try:
    proxy.absent
except AttributeError as exc:
    print("AttributeError:", exc)

s = Settings(debug=True, level=3)
print(s.debug, s.level, getattr(s, "timeout", 30))
s.level = 4
print(vars(s))
for action in (lambda: s.timeout, lambda: setattr(s, "_secret", 1)):
    try:
        action()
    except AttributeError as exc:
        print("AttributeError:", exc)
method = getattr(p, "run")
print("bound method call:", method(), "| via class:", Plugin.run(p))
print("dir has run:", "run" in dir(p), "| callable attrs:", [a for a in ("name", "run") if callable(getattr(p, a))])
