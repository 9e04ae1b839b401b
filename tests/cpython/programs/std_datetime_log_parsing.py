"""Parse timestamps from mixed-format logs with strptime and compute durations."""
from datetime import datetime, timedelta

LOG = [
    "2024-03-10 08:15:02 job=ingest state=start",
    "2024-03-10 08:47:59 job=ingest state=end",
    "10/03/2024 09:00 job=report state=start",
    "10/03/2024 11:30 job=report state=end",
    "Mar 10 2024 23:50:00 job=backup state=start",
    "Mar 11 2024 01:05:30 job=backup state=end",
    "2024-03-11T02:00:00 job=cleanup state=start",
]
FORMATS = ["%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%b %d %Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]


def parse_stamp(text):
    for fmt in FORMATS:
        n = fmt.count(" ") + 1
        head = " ".join(text.split()[:n])
        try:
            return datetime.strptime(head, fmt), text.split()[n:]
        except ValueError:
            continue
    raise ValueError(f"no format matches {text!r}")


starts, durations = {}, {}
for line in LOG:
    stamp, fields = parse_stamp(line)
    info = dict(f.split("=") for f in fields)
    if info["state"] == "start":
        starts[info["job"]] = stamp
    else:
        durations[info["job"]] = stamp - starts.pop(info["job"])
    print(f"{stamp:%Y-%m-%d %H:%M:%S}  {info['job']:<8} {info['state']}")

for job, d in durations.items():
    hours, rem = divmod(int(d.total_seconds()), 3600)
    print(f"{job:<8} took {d} = {hours}h {rem // 60}m {rem % 60}s")
print("still running:", {job: s.isoformat() for job, s in starts.items()})
print("longest:", max(durations, key=durations.get), "| total:", sum(durations.values(), timedelta()))
try:
    parse_stamp("yesterday at noon job=x state=start")
except ValueError as exc:
    print("ValueError:", exc)
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as exc:
    print("ValueError:", exc)
d = datetime(2024, 3, 10, 8, 5, 9, 123456)
print(d.strftime("%y %B %d %I:%M:%S %p %f"), "|", d.strftime("%H%M%S"), "|", f"{d:%Y/%m/%d}", "|", d.replace(microsecond=0))
print("fromisoformat:", datetime.fromisoformat("2024-03-10T08:15:02"), datetime.fromisoformat("2024-03-10 08:15:02.500000"))
