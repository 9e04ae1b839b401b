"""A sales dashboard: CSV in, grouped statistics out (csv, statistics, itertools, operator)."""
import csv
import io
import statistics
from itertools import groupby
from operator import itemgetter

DATA = """month,product,channel,units,revenue
2024-01,basic,web,120,2400
2024-01,pro,web,30,2970
2024-01,basic,store,80,1680
2024-02,basic,web,140,2800
2024-02,pro,store,12,1260
2024-02,pro,web,41,4059
2024-03,basic,store,95,1995
2024-03,basic,web,160,3200
2024-03,pro,web,52,5148
"""

rows = [
    {**r, "units": int(r["units"]), "revenue": float(r["revenue"])}
    for r in csv.DictReader(io.StringIO(DATA))
]

print("== revenue by month")
for month, group in groupby(rows, key=itemgetter("month")):
    group = list(group)
    revenue = [g["revenue"] for g in group]
    print(f"{month}: total {sum(revenue):>8,.0f}  mean {statistics.mean(revenue):>8,.1f}  lines {len(group)}")

print("== by product")
for product, group in groupby(sorted(rows, key=itemgetter("product")), key=itemgetter("product")):
    group = list(group)
    units = sum(g["units"] for g in group)
    revenue = sum(g["revenue"] for g in group)
    print(f"{product:<6} units {units:>4}  revenue {revenue:>9,.2f}  avg price {revenue / units:6.2f}")

channel_share = {}
for r in rows:
    channel_share[r["channel"]] = channel_share.get(r["channel"], 0) + r["revenue"]
total = sum(channel_share.values())
print("== channel share:", {k: f"{v / total:.1%}" for k, v in channel_share.items()})

monthly_totals = [sum(r["revenue"] for r in g) for _, g in groupby(rows, key=itemgetter("month"))]
growth = [f"{(b - a) / a:+.1%}" for a, b in zip(monthly_totals, monthly_totals[1:])]
print("monthly totals:", monthly_totals, "growth:", growth)
print("median line revenue:", statistics.median(r["revenue"] for r in rows))
print("stdev of units:", round(statistics.stdev(r["units"] for r in rows), 3))
best = max(rows, key=itemgetter("revenue"))
print("best line:", itemgetter("month", "product", "channel")(best), best["revenue"])

out = io.StringIO()
writer = csv.writer(out, lineterminator="\n")
writer.writerow(["month", "total"])
writer.writerows(zip(sorted({r["month"] for r in rows}), (f"{t:.2f}" for t in monthly_totals)))
print(out.getvalue(), end="")
