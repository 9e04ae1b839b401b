"""Detect anomalies in sensor readings with a rolling window and z-scores (statistics + deque)."""
import statistics
from collections import deque

readings = [20.1, 20.3, 20.2, 20.4, 20.3, 27.9, 20.5, 20.6, 20.4, 20.5, 13.2, 20.7, 20.8, 20.6, 21.0,
            20.9, 21.1, 35.0, 21.2, 21.0]
WINDOW = 6
THRESHOLD = 3.0

window = deque(maxlen=WINDOW)
anomalies = []
for i, value in enumerate(readings):
    if len(window) == WINDOW:
        mean = statistics.fmean(window)
        sd = statistics.stdev(window)
        z = (value - mean) / sd if sd else 0.0
        flag = abs(z) > THRESHOLD
        print(f"#{i:>2} {value:5.1f} mean={mean:6.3f} sd={sd:5.3f} z={z:+7.2f}{'  ANOMALY' if flag else ''}")
        if flag:
            anomalies.append((i, value))
            continue  # keep outliers out of the baseline
    else:
        print(f"#{i:>2} {value:5.1f} (warming up)")
    window.append(value)

print("anomalies:", anomalies)
clean = [v for i, v in enumerate(readings) if i not in {a for a, _ in anomalies}]
print("clean mean/median:", round(statistics.mean(clean), 4), statistics.median(clean))
print("raw vs clean stdev:", round(statistics.stdev(readings), 4), round(statistics.stdev(clean), 4))
q1, q2, q3 = statistics.quantiles(readings, n=4)
iqr = q3 - q1
outliers = [v for v in readings if v < q1 - 1.5 * iqr or v > q3 + 1.5 * iqr]
print(f"IQR method: q1={q1:.3f} q3={q3:.3f} outliers={outliers}")
dist = statistics.NormalDist.from_samples(clean)
print(f"normal fit: mu={dist.mean:.4f} sigma={dist.stdev:.4f} P(x>21.5)={1 - dist.cdf(21.5):.4f}")
