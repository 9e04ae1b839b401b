"""Analyse application logs: parse with re, bucket by hour with datetime, count with Counter."""
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta

LOG = """\
2024-05-01 09:58:12,301 INFO  [web] GET /home 200 12ms
2024-05-01 10:01:45,118 WARN  [web] GET /search 200 870ms slow
2024-05-01 10:02:03,550 ERROR [db] timeout after 5000ms query=orders
2024-05-01 10:15:30,002 INFO  [web] POST /cart 201 45ms
2024-05-01 10:59:59,999 ERROR [web] GET /checkout 500 120ms
2024-05-01 11:00:00,000 INFO  [auth] login user=ana
2024-05-01 11:20:11,420 ERROR [db] deadlock detected table=stock
2024-05-01 11:45:00,100 INFO  [web] GET /home 200 9ms
"""

LINE = re.compile(r"(?P<ts>\S+ \S+) (?P<level>[A-Z]+)\s+\[(?P<component>\w+)\] (?P<message>.*)")
DURATION = re.compile(r"(\d+)ms")

records = []
for line in LOG.splitlines():
    m = LINE.match(line)
    rec = m.groupdict()
    rec["ts"] = datetime.strptime(rec["ts"], "%Y-%m-%d %H:%M:%S,%f")
    records.append(rec)

levels = Counter(r["level"] for r in records)
print("levels:", levels.most_common())
print("components:", Counter(r["component"] for r in records))
per_hour = defaultdict(Counter)
for r in records:
    per_hour[r["ts"].replace(minute=0, second=0, microsecond=0)][r["level"]] += 1
for hour in sorted(per_hour):
    print(f"{hour:%H:%M}  {dict(sorted(per_hour[hour].items()))}")

durations = [int(d) for r in records for d in DURATION.findall(r["message"])]
print("durations:", durations, "| max:", max(durations), "| mean:", round(sum(durations) / len(durations), 1))
errors = [r for r in records if r["level"] == "ERROR"]
gaps = [b["ts"] - a["ts"] for a, b in zip(errors, errors[1:])]
print("time between errors:", [str(g) for g in gaps])
print("first/last:", records[0]["ts"].isoformat(timespec="milliseconds"), records[-1]["ts"].time())
window = timedelta(minutes=30)
burst = [r["message"] for r in records if r["level"] != "INFO" and r["ts"] - records[1]["ts"] <= window]
print("non-info within 30 min of first warning:", burst)
kv = Counter(k for r in records for k, _ in re.findall(r"(\w+)=(\w+)", r["message"]))
print("key=value keys:", sorted(kv))
