"""Deterministic simulation of supermarket checkout lanes with a simple event loop."""

customers = [
    # (arrival minute, items)
    (0, 12), (1, 3), (1, 25), (2, 7), (4, 1), (5, 40), (6, 2), (6, 9),
    (7, 15), (9, 4), (10, 30), (12, 6), (13, 2), (15, 18), (16, 5),
]
SECONDS_PER_ITEM = 6
EXPRESS_LIMIT = 10
lanes = {"express": [], "lane 1": [], "lane 2": []}
busy_until = {name: 0 for name in lanes}
waits = []
log = []

for number, (arrival, items) in enumerate(customers, start=1):
    t = arrival * 60
    candidates = [n for n in lanes if n != "express" or items <= EXPRESS_LIMIT]
    lane = min(candidates, key=lambda n: (max(busy_until[n], t), n))
    start = max(busy_until[lane], t)
    service = items * SECONDS_PER_ITEM + 30
    busy_until[lane] = start + service
    lanes[lane].append(number)
    waits.append(start - t)
    log.append((number, lane, t, start, start + service))

print(f"{'#':>3} {'lane':<8}{'arrive':>8}{'start':>8}{'done':>8}{'wait':>6}")
for number, lane, arrive, start, done in log:
    fmt = lambda s: f"{s // 60}:{s % 60:02d}"
    print(f"{number:>3} {lane:<8}{fmt(arrive):>8}{fmt(start):>8}{fmt(done):>8}{start - arrive:>5}s")

print("served per lane:", {k: len(v) for k, v in lanes.items()})
print("customers per lane:", lanes)
print(f"average wait {sum(waits) / len(waits):.1f}s, max wait {max(waits)}s, no wait {waits.count(0)}")
print("last checkout done at", max(busy_until.values()) // 60, "minutes")
queue = list(range(1, 6))
served = []
while queue:
    served.append(queue.pop(0))
    if served[-1] % 2 and served[-1] < 10:
        queue.append(served[-1] * 10)
print("served order:", served)
