"""Parse key=value access-log lines with partition/rpartition and splitlines."""

LOG = """\
2024-03-01T10:00:01 level=INFO user=alice action=login ip=10.0.0.5
2024-03-01T10:02:17 level=WARN user=bob action=upload size=10485760 note=slow link
2024-03-01T10:05:44 level=ERROR user=alice action=delete path=/srv/data/report.csv

2024-03-01T10:07:00 level=INFO user=carol action=logout
malformed line without fields
2024-03-01T10:09:30 level=INFO user=bob action=login ip=10.0.0.9\r
"""


def parse_line(line):
    stamp, sep, rest = line.partition(" ")
    if not sep:
        return None
    fields = {"time": stamp}
    for token in rest.split():
        key, eq, value = token.partition("=")
        if eq:
            fields[key] = value
        else:
            # A bare word continues the previous value.
            last = next(reversed(fields))
            fields[last] += " " + token
    return fields


records = []
for number, line in enumerate(LOG.splitlines(), start=1):
    if not line.strip():
        print(f"line {number}: blank")
        continue
    rec = parse_line(line)
    if rec is None or "level" not in rec:
        print(f"line {number}: skipped {line!r}")
        continue
    records.append(rec)
    print(f"line {number}: {rec}")

print("splitlines keepends:", LOG.splitlines(keepends=True)[:2])
for rec in records:
    if "path" in rec:
        directory, _, filename = rec["path"].rpartition("/")
        stem, dot, ext = filename.rpartition(".")
        print(f"dir={directory} file={filename} stem={stem} ext={ext}")
    date, _, clock = rec["time"].partition("T")
    hh, mm, ss = clock.split(":")
    print(f"{rec['user']:>6} {rec['action']:<7} on {date} at {hh}h{mm}")

by_level = {}
for rec in records:
    by_level.setdefault(rec["level"], []).append(rec["user"])
print(by_level)
print("rsplit:", "a.b.c.d".rsplit(".", 1), "split max:", "a b  c".split(" ", 2))
print("partition no match:", "nothing".partition("="), "nothing".rpartition("="))
