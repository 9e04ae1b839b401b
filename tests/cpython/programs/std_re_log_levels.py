"""Parse application log lines: levels, timestamps, durations, and a summary per module."""
import re
from collections import Counter, defaultdict

LOG = """\
2024-03-01 12:00:01,123 INFO  [auth.login] user=alice ip=10.0.0.5 took 35ms
2024-03-01 12:00:02,004 WARN  [db.pool] connection slow: 1.25s (retry 1/3)
2024-03-01 12:00:02,998 ERROR [auth.login] user=bob ip=10.0.0.9 failed: bad password
2024-03-01 12:00:03,500 INFO  [api.orders] GET /orders/1234?expand=items 200 took 120ms
2024-03-01 12:00:04,001 DEBUG [api.orders] cache hit key='orders:1234'
garbage line without structure
2024-03-01 12:00:05,750 ERROR [db.pool] timeout after 5000ms on query "SELECT * FROM t"
2024-03-01 12:00:06,010 INFO  [api.orders] POST /orders 201 took 87ms
"""

LINE = re.compile(
    r"""^(?P<date>\d{4}-\d{2}-\d{2})\s
        (?P<time>\d{2}:\d{2}:\d{2}),(?P<ms>\d{3})\s+
        (?P<level>DEBUG|INFO|WARN|ERROR)\s+
        \[(?P<module>[\w.]+)\]\s
        (?P<msg>.*)$""",
    re.VERBOSE | re.MULTILINE,
)
DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s)\b")
KV = re.compile(r"(\w+)=('[^']*'|\S+)")

levels = Counter()
per_module = defaultdict(list)
bad = 0
for raw in LOG.splitlines():
    m = LINE.match(raw)
    if not m:
        bad += 1
        continue
    levels[m["level"]] += 1
    per_module[m.group("module")].append(m)

print("levels:", dict(sorted(levels.items())))
print("unparsed lines:", bad)
for module, entries in sorted(per_module.items()):
    total = 0.0
    for e in entries:
        for value, unit in DURATION.findall(e["msg"]):
            total += float(value) * (1000 if unit == "s" else 1)
    print(f"{module:12} {len(entries)} entries, {total:.0f} ms total")

errors = [m.groupdict() for m in LINE.finditer(LOG) if m["level"] == "ERROR"]
for err in errors:
    print(err["time"], err["module"], "->", err["msg"])

for m in LINE.finditer(LOG):
    pairs = dict(KV.findall(m["msg"]))
    if pairs:
        print(m.start(), m.span("msg")[0] - m.start(), pairs)

requests = re.findall(r"(GET|POST|PUT|DELETE) (/[\w/]*)(?:\?(\S+))? (\d{3})", LOG)
print(requests)
ips = sorted(set(re.findall(r"\bip=((?:\d{1,3}\.){3}\d{1,3})\b", LOG)))
print("ips:", ips)
redacted = re.sub(r"(user=)\w+", r"\1<redacted>", LOG.splitlines()[0])
print(redacted)
print(re.sub(r"(?m)^(\S+) (\S+),\d+", lambda m: m.group(1)[5:] + "T" + m.group(2), LOG).splitlines()[1])
