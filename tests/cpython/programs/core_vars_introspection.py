"""Serialise simple objects by introspecting their attributes with vars()."""


class Server:
    region = "eu-west"

    def __init__(self, name, cpu, memory_gb, tags=None):
        self.name = name
        self.cpu = cpu
        self.memory_gb = memory_gb
        self.tags = tags or []

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


class GPUServer(Server):
    def __init__(self, name, cpu, memory_gb, gpus):
        super().__init__(name, cpu, memory_gb, tags=["gpu"])
        self.gpus = gpus


fleet = [Server("web-1", 4, 16), Server("db-1", 16, 128, ["ssd", "backup"]), GPUServer("ml-1", 32, 256, 8)]
for s in fleet:
    print(vars(s))
    print(s)

s = fleet[0]
s.owner = "platform-team"
vars(s)["cpu"] = 8
print("after update:", vars(s))
del s.tags
print("after del:", list(vars(s)))
print("__dict__ is vars():", s.__dict__ is vars(s))

print("class attrs:", sorted(k for k in vars(Server) if not k.startswith("__")))
print("region via instance:", s.region, "| in instance dict:", "region" in vars(s))


def configure(**options):
    return options


print(configure(debug=True, level=3, name="x"))


class Empty:
    pass


print("empty:", vars(Empty()))
try:
    vars(42)
except TypeError as exc:
    print("TypeError:", exc)

totals = {}
for server in fleet:
    for key, value in vars(server).items():
        if isinstance(value, int):
            totals[key] = totals.get(key, 0) + value
print("totals:", totals)
