"""Parse an INI-style config with regexes: sections, key/values, ${var} interpolation, durations and sizes."""
import re

CONFIG = r"""
; global settings
[server]
host = 0.0.0.0
port=8080
timeout = 1m30s   # inline comment
max_body = 10MB
base_url = http://${host}:${port}/api

[database]
url = postgres://admin:s3cr3t@db.local:5432/app
pool = 5..20
retry = 3x every 250ms

[paths]
logs = /var/log/${app_name}/
data = C:\data\${missing}\store
"""

SECTION = re.compile(r"^\[(?P<name>[^\]]+)\]\s*$")
PAIR = re.compile(r"""^(?P<key>[A-Za-z_][\w.]*)\s*=\s*(?P<value>.*?)\s*(?:\#.*)?$""")
COMMENT = re.compile(r"^\s*(?:[;#].*)?$")

config = {}
section = None
for lineno, line in enumerate(CONFIG.splitlines(), 1):
    if COMMENT.match(line):
        continue
    if m := SECTION.match(line):
        section = config.setdefault(m["name"], {})
        continue
    m = PAIR.match(line)
    if m is None or section is None:
        print(f"line {lineno}: cannot parse {line!r}")
        continue
    section[m.group("key")] = m.group("value")

for name, values in config.items():
    print(name, values)

context = {"app_name": "shop", **config["server"]}


def interpolate(text):
    return re.sub(r"\$\{(\w+)\}", lambda m: str(context.get(m.group(1), m.group(0))), text)


print(interpolate(config["server"]["base_url"]))
print(interpolate(config["paths"]["logs"]), interpolate(config["paths"]["data"]))

UNITS = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}


def seconds(text):
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", text)
    if not parts or re.sub(r"(\d+(?:\.\d+)?)(ms|h|m|s)", "", text).strip():
        raise ValueError(f"bad duration {text!r}")
    return sum(float(n) * UNITS[u] for n, u in parts)


SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$")


def size_bytes(text):
    m = SIZE.fullmatch(text)
    if not m:
        raise ValueError(f"bad size {text!r}")
    return int(float(m[1]) * 1024 ** "_kmg".index(m[2].lower() or "_"))


print("timeout:", seconds(config["server"]["timeout"]), "max_body:", size_bytes(config["server"]["max_body"]))
for bad in ["90", "1m30x"]:
    try:
        seconds(bad)
    except ValueError as e:
        print(e)

URL = re.compile(r"""
    (?P<scheme>\w+)://
    (?:(?P<user>[^:@/]+)(?::(?P<password>[^@/]*))?@)?
    (?P<host>[\w.-]+)
    (?::(?P<port>\d+))?
    (?P<path>/\S*)?
""", re.VERBOSE)
u = URL.match(config["database"]["url"])
print({k: v for k, v in u.groupdict().items() if v is not None})
print("masked:", URL.sub(lambda m: m.group().replace(m["password"] or "", "****"), config["database"]["url"]))
lo, hi = map(int, re.split(r"\.\.", config["database"]["pool"]))
count, every = re.match(r"(\d+)x every (\S+)", config["database"]["retry"]).groups()
print("pool", list(range(lo, hi + 1, 5)), "retry", int(count), seconds(every))
print(re.split(r"[\\/]+", config["paths"]["data"]), re.escape(config["server"]["host"]))
